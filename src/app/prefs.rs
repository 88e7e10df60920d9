//! Per-user settings kept between runs (eframe storage), not in the fair file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// Key under which eframe stores [`Prefs`].
pub const STORAGE_KEY: &str = "fairmatch.prefs";

const MAX_RECENT: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub dark: bool,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// This laptop's name in station logs (fair-day desks).
    pub station_id: String,
    /// The booth this laptop serves at the booth desk (empty: not picked yet).
    pub desk_booth: String,
    /// Whether the "no Chinese font" notice was already shown.
    pub font_notice_shown: bool,
    /// Organizer screens show phone numbers and emails in full (off: masked).
    pub show_contacts: bool,
    /// Live sync: the hub's URL and this laptop's credentials file (empty: sync off).
    pub sync_server: String,
    pub sync_creds: String,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            dark: false,
            recent: Vec::new(),
            station_id: String::new(),
            desk_booth: String::new(),
            font_notice_shown: false,
            show_contacts: false,
            sync_server: String::new(),
            sync_creds: String::new(),
        }
    }
}

impl Prefs {
    /// Parses stored prefs; anything unreadable falls back to defaults (prefs are not worth an error).
    pub fn from_json(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Moves `path` to the front of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// The file to open on start: the last one opened, if it still exists.
    pub fn last_file(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path).filter(|p| p.exists())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_duplicates() {
        let mut prefs = Prefs::default();
        prefs.remember(Path::new("/a.ron"));
        prefs.remember(Path::new("/b.ron"));
        prefs.remember(Path::new("/a.ron"));
        assert_eq!(prefs.recent, vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]);
        let restored = Prefs::from_json(&prefs.to_json());
        assert_eq!(restored, prefs);
        assert_eq!(Prefs::from_json("not json"), Prefs::default());
    }
}

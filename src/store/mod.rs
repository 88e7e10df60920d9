//! Fair files (RON, atomic, versioned) and CSV import/export. No egui.

use std::path::Path;

use crate::model::Fair;

pub mod station_log;
pub use station_log::{load_station_log, save_station_log};

/// Why a fair could not be loaded or saved, with the path and position where known.
#[derive(Debug)]
pub struct StoreError {
    pub message: String,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StoreError {}

/// Serializes a fair as pretty RON.
pub fn fair_to_string(fair: &Fair) -> Result<String, StoreError> {
    ron::ser::to_string_pretty(fair, ron::ser::PrettyConfig::default())
        .map_err(|e| StoreError { message: e.to_string() })
}

/// Parses a fair from RON text; `origin` names the source in messages.
pub fn fair_from_str(text: &str, origin: &str) -> Result<Fair, StoreError> {
    ron::from_str(text).map_err(|e| StoreError {
        message: format!("{origin}: {e}"),
    })
}

pub fn load_fair(path: &Path) -> Result<Fair, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|e| StoreError {
        message: format!("{}: {e}", path.display()),
    })?;
    fair_from_str(&text, &path.display().to_string())
}

/// Writes atomically: a failed save leaves the existing file as it was.
pub fn save_fair(path: &Path, fair: &Fair) -> Result<(), StoreError> {
    let text = fair_to_string(fair)?;
    atomicwrites::AtomicFile::new(path, atomicwrites::AllowOverwrite)
        .write(|f| std::io::Write::write_all(f, text.as_bytes()))
        .map_err(|e| StoreError {
            message: format!("{}: {e}", path.display()),
        })
}

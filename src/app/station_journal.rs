//! Desk actions made durable: every check-in, walk-in and visit is appended to this laptop's
//! station journal (`store::journal`, synced to disk) before the desk shows it as done, and a
//! fair opened again gets back what the journal holds and the fair file lacks (after a crash
//! or a kill before the fair was saved).
//!
//! [`AppState::make_durable`] is the one place a recorded event reaches the journal; live sync
//! between stations hooks there too (journal first, then publish, then `mark_sent`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::edit::{Edit, EditName};
use super::jobs::Message;
use super::merge::plan_merge;
use super::safety::StateNotice;
use super::{AppState, EditError};
use crate::model::{FairId, STATION_LOG_VERSION, StationEvent, StationId, StationLog};
use crate::store::journal::{self, Journal};

/// Suffix of station journal files.
pub const JOURNAL_SUFFIX: &str = ".fairmatch-journal";

/// Where the journal of `station` for `fair` lives in `dir`: one file per fair and station.
pub fn journal_path(dir: &Path, fair: &FairId, station: &StationId) -> PathBuf {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    dir.join(format!("{}.{}{JOURNAL_SUFFIX}", safe(&fair.0), safe(station.as_str())))
}

/// The per-user folder the window keeps station journals in: `fairmatch/journals` under the
/// platform's data folder (`$XDG_DATA_HOME`, `~/.local/share`, `%LOCALAPPDATA%`,
/// `~/Library/Application Support`).
pub fn default_journal_dir() -> Option<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = if cfg!(windows) {
        env("LOCALAPPDATA").or_else(|| env("APPDATA"))
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
    }?;
    Some(base.join("fairmatch").join("journals"))
}

impl AppState {
    /// Turns the station journal on (the window) or off (`None`; tests and the CLI). Turning it
    /// on replays into the open fair what its journal holds and the fair lacks.
    pub fn set_journal_dir(&mut self, dir: Option<PathBuf>) {
        self.safety.journal = None;
        self.safety.journal_dir = dir;
        self.replay_journal();
    }

    /// The journal file desk actions on the open fair go to, when journaling is on.
    pub fn journal_file(&self) -> Option<PathBuf> {
        let dir = self.safety.journal_dir.as_ref()?;
        Some(journal_path(dir, &self.fair.meta.id, &self.station()))
    }

    /// What the state has to tell the window since it last asked (recovered desk actions,
    /// journal problems, recovery copies written).
    pub fn take_notices(&mut self) -> Vec<StateNotice> {
        std::mem::take(&mut self.safety.notices)
    }

    /// Appends `event`, just recorded, to the station journal and syncs it, then hands it to
    /// live sync. The one place desk actions become durable (journal first, then publish).
    pub(super) fn make_durable(&mut self, event: &StationEvent) -> Result<(), EditError> {
        if let Some(journal) = self.open_journal()? {
            journal
                .append(event)
                .map_err(|e| journal_failed(&journal.path().display().to_string(), &e.to_string()))?;
        }
        self.publish_recorded(event);
        Ok(())
    }

    /// The station journal, opened on first use; `None` when journaling is off.
    pub(super) fn open_journal(&mut self) -> Result<Option<&mut Journal>, EditError> {
        let Some(path) = self.journal_file() else {
            return Ok(None);
        };
        let station = self.station();
        if self.safety.journal.as_ref().is_none_or(|(s, _)| s != &station) {
            self.safety.journal = None;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| journal_failed(&path.display().to_string(), &e.to_string()))?;
            }
            let (journal, _) = Journal::open(&path, &self.fair.meta.id, &station)
                .map_err(|e| journal_failed(&path.display().to_string(), &e.to_string()))?;
            self.safety.journal = Some((station, journal));
        }
        Ok(self.safety.journal.as_mut().map(|(_, journal)| journal))
    }

    /// Merges events recorded elsewhere (this laptop's journal, other stations over live sync)
    /// as recorded desk actions: unsaved, never undone. Returns how many were new.
    pub(super) fn merge_recorded(&mut self, events: Vec<StationEvent>, name: EditName) -> Result<usize, String> {
        let log = StationLog {
            format_version: STATION_LOG_VERSION,
            fair_id: self.fair.meta.id.clone(),
            station: None,
            events,
        };
        let (mut merge, report) = plan_merge(&self.fair, &[log]).map_err(|e| e.to_string())?;
        let added = report.events_added;
        if added == 0 {
            return Ok(0);
        }
        merge.name = name;
        self.apply_raw(Edit::MergeLogs(Box::new(merge))).map_err(|e| e.en)?;
        self.refresh_insight();
        // Recorded desk actions: unsaved, and not on the undo history.
        self.desk_actions += added as u64;
        Ok(added)
    }

    /// Brings into the open fair the journaled desk actions of this station that it lacks, as
    /// recorded desk actions (unsaved, never undone), and says how many.
    pub(super) fn replay_journal(&mut self) {
        let Some(path) = self.journal_file() else { return };
        if !path.exists() {
            return;
        }
        let replay = match journal::replay(&path) {
            Ok(replay) => replay,
            Err(e) => {
                self.safety.notices.push(StateNotice::Problem {
                    summary: Message::new(
                        "Could not read this laptop's station journal",
                        "无法读取本机的工作站日志",
                    ),
                    detail: e.to_string(),
                });
                return;
            }
        };
        let known: HashSet<_> = self.fair.events.iter().map(|e| &e.id).collect();
        let missing: Vec<StationEvent> = replay
            .entries
            .into_iter()
            .map(|entry| entry.event)
            .filter(|event| !known.contains(&event.id))
            .collect();
        if missing.is_empty() {
            return;
        }
        let count = missing.len();
        let applied = self.merge_recorded(missing, EditName::new("recover desk actions", "恢复现场操作"));
        match applied {
            Ok(_) => {
                self.safety.notices.push(StateNotice::Info(Message::new(
                    format!("Recovered {count} desk action(s) from this laptop's station journal that the fair file lacked; save to keep them"),
                    format!("已从本机工作站日志恢复 {count} 条招聘会文件中缺少的现场操作；请保存"),
                )));
            }
            Err(detail) => self.safety.notices.push(StateNotice::Problem {
                summary: Message::new(
                    "Could not bring back the desk actions in this laptop's station journal",
                    "无法恢复本机工作站日志中的现场操作",
                ),
                detail,
            }),
        }
    }
}

fn journal_failed(path: &str, error: &str) -> EditError {
    EditError::new(
        format!("recorded on this screen, but not in the station journal {path} ({error}): save the fair now"),
        format!("已在本屏记录，但未能写入工作站日志 {path}（{error}）：请立即保存招聘会"),
    )
}

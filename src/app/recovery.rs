//! Recovery copies: while organizer edits are unsaved, the window writes the fair every
//! [`AUTOSAVE_EVERY`](super::AUTOSAVE_EVERY) to `.NAME.fairmatch-recovery` beside the fair
//! (as a job), and a later start that finds a copy newer than the fair offers Restore or
//! Discard. A save removes the copy. (Desk actions have the station journal instead.)

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::safety::RecoveryOffer;
use super::{AppState, Job};

/// Suffix of recovery copies.
pub const RECOVERY_SUFFIX: &str = ".fairmatch-recovery";

/// `.NAME.fairmatch-recovery` beside `fair`.
pub fn recovery_path(fair: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(fair.file_name().unwrap_or_default());
    name.push(RECOVERY_SUFFIX);
    fair.with_file_name(name)
}

/// The recovery copy beside `fair` when it is newer than the fair file.
pub(super) fn newer_copy(fair: &Path) -> Option<RecoveryOffer> {
    let copy = recovery_path(fair);
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let copy_time = modified(&copy)?;
    match modified(fair) {
        Some(fair_time) if fair_time >= copy_time => None,
        _ => Some(RecoveryOffer {
            fair: fair.to_owned(),
            copy,
            written: chrono::DateTime::<chrono::Local>::from(copy_time)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        }),
    }
}

impl AppState {
    /// Turns recovery copies on (the window: every [`super::AUTOSAVE_EVERY`]) or off (`None`).
    pub fn set_autosave(&mut self, every: Option<Duration>) {
        self.safety.autosave_every = every;
        self.safety.autosave_since = None;
    }

    /// Whether organizer edits (not desk actions, which are journaled) are unsaved.
    pub fn has_unsaved_edits(&self) -> bool {
        self.save_point().serial != self.saved_serial
    }

    /// Called every frame: starts writing a recovery copy once edits have been unsaved for the
    /// autosave interval (and again each interval after). Returns how long until it should be
    /// called again, for the window to wake up then.
    pub fn autosave_tick(&mut self, now: Instant) -> Option<Duration> {
        let every = self.safety.autosave_every?;
        let path = match &self.path {
            Some(path) if self.has_unsaved_edits() && !self.safety.read_only => path.clone(),
            _ => {
                self.safety.autosave_since = None;
                return None;
            }
        };
        let since = *self.safety.autosave_since.get_or_insert(now);
        let due = since + every;
        if now < due {
            return Some(due - now);
        }
        let copy = recovery_path(&path);
        if !self.is_running(&Job::WriteRecovery { copy: copy.clone() }) {
            self.start(Job::WriteRecovery { copy });
            self.safety.autosave_since = Some(now);
        }
        Some(every)
    }

    /// A recovery copy newer than the fair just opened, until Restore or Discard answers it.
    pub fn recovery_offer(&self) -> Option<&RecoveryOffer> {
        self.safety.recovery_offer.as_ref()
    }

    /// Looks for a recovery copy of the fair just opened (called when a fair is installed).
    pub(super) fn look_for_recovery_copy(&mut self) {
        self.safety.autosave_since = None;
        self.safety.recovery_offer = self.path.as_deref().and_then(newer_copy);
    }

    /// Counts the open fair as unsaved (a restored recovery copy is not what the file holds).
    pub(super) fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Puts `prepared` in place of the open fair as the same file (a restored recovery copy, a
    /// fair version from the organizer): the file's lock, read-only mode and passphrase stay,
    /// and the fair counts as unsaved, since the file still holds the old one.
    pub(super) fn install_in_place(&mut self, prepared: super::PreparedFair) {
        let lock = self.safety.lock.take();
        let read_only = self.safety.read_only;
        let passphrase = self.safety.passphrase.take();
        let path = self.path.clone();
        self.install(prepared, path);
        self.safety.lock = lock;
        self.safety.read_only = read_only;
        self.safety.passphrase = passphrase;
        self.mark_unsaved();
    }
}

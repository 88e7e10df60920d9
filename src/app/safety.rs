//! What the window keeps to protect the open fair's data: the station journal desk actions
//! go to first, the recovery copy of unsaved organizer edits, the fair's lock, and the
//! passphrase of an encrypted fair. Each part's behaviour lives in its own file
//! (`station_journal.rs`, `recovery.rs`, `fair_lock.rs`); this holds their state.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::jobs::Message;
use crate::model::StationId;
use crate::store::journal::Journal;
use crate::store::lock::FairLock;

/// How often the window writes a recovery copy while organizer edits are unsaved.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// Something the state tells the person at the window outside of a job's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateNotice {
    /// A line for the status bar.
    Info(Message),
    /// A problem for the error panel.
    Problem { summary: Message, detail: String },
}

#[derive(Debug, Default)]
pub(super) struct SafetyState {
    /// Folder of the station journals; `None`: desk actions are not journaled (tests, CLI).
    pub journal_dir: Option<PathBuf>,
    /// The journal open for appending, with the station it belongs to.
    pub journal: Option<(StationId, Journal)>,
    pub notices: Vec<StateNotice>,
    /// Live sync with the hub (off until started).
    pub sync: super::live_sync::LiveSync,
    /// Whether the window writes recovery copies (`None`: it does not).
    pub autosave_every: Option<Duration>,
    /// When the unsaved organizer edits began, or the last recovery copy was written.
    pub autosave_since: Option<Instant>,
    /// A recovery copy newer than the fair just opened, for the window to offer.
    pub recovery_offer: Option<RecoveryOffer>,
    /// The open fair's lock; shared with a save job while it writes.
    pub lock: Option<Arc<FairLock>>,
    /// Opened although another fairmatch holds it: saving is disabled.
    pub read_only: bool,
    /// An encrypted fair's passphrase, in memory only, to save it encrypted again.
    pub passphrase: Option<Passphrase>,
}

/// A recovery copy found beside a fair, newer than the fair file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryOffer {
    /// The fair file.
    pub fair: PathBuf,
    /// The recovery copy.
    pub copy: PathBuf,
    /// When the copy was written, local time (`2026-05-16 10:42`).
    pub written: String,
}

/// A passphrase held in memory only; never printed (its `Debug` hides it).
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Arc<str>);

impl Passphrase {
    pub fn new(text: &str) -> Self {
        Self(Arc::from(text))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl super::AppState {
    /// Opened read-only because another fairmatch holds the file: saving over it is refused.
    pub fn is_read_only(&self) -> bool {
        self.safety.read_only
    }

    /// Whether this window holds the open fair's lock.
    pub fn holds_lock(&self) -> bool {
        self.safety.lock.is_some()
    }

    /// Whether the open fair came from an encrypted file (and is saved encrypted again).
    pub fn is_encrypted(&self) -> bool {
        self.safety.passphrase.is_some()
    }
}

//! What fair-day stations (entrance desk, booth laptops) recorded: check-ins, walk-ins, visits.
//!
//! Each event carries a unique id, so logs from many laptops merge as a union by id: a log
//! merged twice adds nothing and the order of logs does not matter.

use serde::{Deserialize, Serialize};

use super::{Candidate, CandidateId, FairId, LocalTime, Visit};

/// Version of the station log format this build writes. Logs with a higher version are refused.
pub const STATION_LOG_VERSION: u32 = 1;

string_id!(
    /// Name of one laptop on the day, e.g. `entrance-1` or `booth-A012`.
    StationId
);
string_id!(
    /// Unique over all stations: `{station}-{32 hex digits}` from the OS random source.
    EventId
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StationEvent {
    pub id: EventId,
    pub station: StationId,
    pub at: LocalTime,
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    /// A registered (or earlier walk-in) candidate arrived at the entrance.
    CheckIn { candidate: CandidateId },
    /// Someone not registered signed up on the spot; they count as checked in at `at`.
    WalkIn { candidate: Candidate },
    /// Booth staff talked to a candidate.
    Visit { visit: Visit },
}

impl EventKind {
    /// The candidate the event is about.
    pub fn candidate(&self) -> &CandidateId {
        match self {
            EventKind::CheckIn { candidate } => candidate,
            EventKind::WalkIn { candidate } => &candidate.id,
            EventKind::Visit { visit } => &visit.candidate,
        }
    }
}

/// One station's events, written by `export --what station-log` and read by `merge`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StationLog {
    pub format_version: u32,
    /// Logs from another fair are refused when merging.
    pub fair_id: FairId,
    /// The station that wrote the log; `None` when it holds several stations' events.
    #[serde(default)]
    pub station: Option<StationId>,
    #[serde(default)]
    pub events: Vec<StationEvent>,
}

//! What fair-day stations (entrance desk, booth laptops) recorded: check-ins, walk-ins, visits.
//!
//! Each event carries a unique id, so logs from many laptops merge as a union by id: a log
//! merged twice adds nothing and the order of logs does not matter.

use serde::{Deserialize, Serialize};

use super::{Candidate, CandidateId, Fair, FairId, LocalTime, SessionId, Visit};

/// Version of the station log format this build writes. Logs with a higher version are refused,
/// with a message that says so rather than a parse error on an event a build does not know.
/// 2: check-ins at a session's door.
pub const STATION_LOG_VERSION: u32 = 2;

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
    /// A candidate came to a session (docking session, roadshow), checked in at its door.
    SessionCheckIn { session: SessionId, candidate: CandidateId },
}

impl EventKind {
    /// The candidate the event is about.
    pub fn candidate(&self) -> &CandidateId {
        match self {
            EventKind::CheckIn { candidate } => candidate,
            EventKind::WalkIn { candidate } => &candidate.id,
            EventKind::Visit { visit } => &visit.candidate,
            EventKind::SessionCheckIn { candidate, .. } => candidate,
        }
    }
}

/// The organizer's answer to two candidates listed as possible duplicates (same phone or email,
/// at least one a walk-in). Kept in the fair so merging station logs again respects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DuplicateDecision {
    /// One person registered twice: `merged`'s check-in and visits count for `kept` and
    /// `merged` is no longer listed. Station events naming `merged` are kept as recorded;
    /// merging them (again) credits `kept`.
    SamePerson { kept: CandidateId, merged: CandidateId },
    /// Two people who share a phone or an email; no longer listed as possible duplicates.
    DifferentPeople { a: CandidateId, b: CandidateId },
}

impl DuplicateDecision {
    /// Whether this decision settles the pair `a`, `b` (in either order).
    pub fn settles(&self, a: &CandidateId, b: &CandidateId) -> bool {
        let (x, y) = match self {
            DuplicateDecision::SamePerson { kept, merged } => (kept, merged),
            DuplicateDecision::DifferentPeople { a, b } => (a, b),
        };
        (x == a && y == b) || (x == b && y == a)
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

impl StationEvent {
    /// The one order a fair keeps its events in (time, then id), so a merged fair does not
    /// depend on the order logs arrived in.
    pub fn canonical_cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, &self.id, &self.station)
            .cmp(&(other.at, &other.id, &other.station))
            // Only events clashing on id reach this; rare enough to afford formatting.
            .then_with(|| format!("{:?}", self.kind).cmp(&format!("{:?}", other.kind)))
    }
}

/// Station that [`derived_events`] credits with check-ins recorded without an event.
pub const DERIVED_ENTRANCE: &str = "entrance";

/// Events for check-ins and visits a fair holds without a matching event (a generated fair,
/// or one whose visits were imported), in canonical order. Ids derive from the records
/// (`checkin-{candidate}`, `visit-{visit}`) so the same fair always yields the same events,
/// and visits are credited to the station `booth-{booth}`.
pub fn derived_events(fair: &Fair) -> Vec<StationEvent> {
    use std::collections::HashSet;
    let mut recorded_check_ins: HashSet<&CandidateId> = HashSet::new();
    let mut recorded_visits = HashSet::new();
    for event in &fair.events {
        match &event.kind {
            EventKind::CheckIn { candidate } => {
                recorded_check_ins.insert(candidate);
            }
            EventKind::WalkIn { candidate } => {
                recorded_check_ins.insert(&candidate.id);
            }
            EventKind::Visit { visit } => {
                recorded_visits.insert(&visit.id);
            }
            EventKind::SessionCheckIn { .. } => {}
        }
    }
    let check_ins = fair.candidates.iter().filter_map(|c| {
        let at = c.checked_in?;
        (!recorded_check_ins.contains(&c.id)).then(|| StationEvent {
            id: EventId(format!("checkin-{}", c.id)),
            station: StationId::new(DERIVED_ENTRANCE),
            at,
            kind: EventKind::CheckIn {
                candidate: c.id.clone(),
            },
        })
    });
    let visits = fair
        .visits
        .iter()
        .filter(|v| !recorded_visits.contains(&v.id))
        .map(|v| StationEvent {
            id: EventId(format!("visit-{}", v.id)),
            station: StationId(format!("booth-{}", v.booth)),
            at: v.at,
            kind: EventKind::Visit { visit: v.clone() },
        });
    let mut events: Vec<StationEvent> = check_ins.chain(visits).collect();
    events.sort_by(StationEvent::canonical_cmp);
    events
}

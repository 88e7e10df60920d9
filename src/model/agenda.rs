//! The fair's timetable: when a booth interviews, and the interviews it has planned.

use serde::{Deserialize, Serialize};

use super::{BoothId, CandidateId, LocalTime, PositionId};

/// Slot length when a booth names none.
pub const DEFAULT_SLOT_MINUTES: u32 = 15;

/// How the timetable was made, so hand moves are checked by the same rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleSettings {
    /// Minutes between two interviews of one candidate (to walk between booths).
    pub gap_minutes: u32,
    /// Slot length for booths whose hours name none.
    pub slot_minutes: u32,
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        Self {
            gap_minutes: 5,
            slot_minutes: DEFAULT_SLOT_MINUTES,
        }
    }
}

impl ScheduleSettings {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// When a booth holds interviews, and how many at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewHours {
    pub start: LocalTime,
    pub end: LocalTime,
    /// Interviews the booth can hold at the same time (its interviewers).
    pub interviewers: u32,
    /// Length of one interview; [`DEFAULT_SLOT_MINUTES`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_minutes: Option<u32>,
}

impl InterviewHours {
    pub fn slot_minutes(&self) -> u32 {
        self.slot_minutes.unwrap_or(DEFAULT_SLOT_MINUTES)
    }
}

/// One planned interview: a candidate at a booth, for a position when one was named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub candidate: CandidateId,
    pub booth: BoothId,
    #[serde(default)]
    pub position: Option<PositionId>,
    pub start: LocalTime,
    pub end: LocalTime,
}

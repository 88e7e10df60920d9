//! Interview scheduling: turns pairs (the allocation, booths' invitations) into a timetable.
//!
//! Pure computation on the model: no egui, no I/O.
//!
//! The rules every timetable keeps (see [`check`]):
//! - each interview is one slot of its booth's grid, inside the booth's hours;
//! - a booth never holds more interviews at once than it has interviewers;
//! - a candidate is never in two places at once, and between two of one candidate's
//!   interviews there is at least the gap (to walk between booths).
//!
//! The algorithm is a priority greedy with one repair step ([`schedule`]): requests in priority
//! order (invitations from booth staff first, then by match score) take the earliest slot their
//! booth has free and their candidate can make, so better matches get earlier slots. Each
//! request left out then tries a slot of its booth after moving what is in the way (an
//! interview holding a full slot, or up to two of the candidate's own) to free slots of their
//! booths. docs/schedule.md says how close to the optimum this comes, measured against brute
//! force on small instances.

mod extend;
mod grid;
mod requests;
#[cfg(test)]
mod tests;

use chrono::Duration;

use crate::model::{Booth, BoothId, CandidateId, Interview, LocalTime, PositionId, ScheduleSettings};

pub use extend::schedule_more;
pub use grid::BoothGrid;
pub use requests::requests;

/// One pair to schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub candidate: CandidateId,
    pub booth: BoothId,
    pub position: Option<PositionId>,
    /// Booth staff asked for this interview (a visit with next step Interview); goes first.
    pub invited: bool,
    /// The pair's match score (0..=100); higher goes earlier.
    pub score: f32,
}

/// Why a request got no slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeftOut {
    /// The booth has no interview hours (or no interviewers, or hours shorter than a slot).
    NoHours,
    /// Every slot of the booth is taken.
    BoothFull,
    /// The booth has free slots, but the candidate is at another interview (or on the way)
    /// at each of them.
    CandidateDayFull,
}

impl LeftOut {
    pub fn en(self) -> &'static str {
        match self {
            Self::NoHours => "booth has no interview hours",
            Self::BoothFull => "booth full",
            Self::CandidateDayFull => "candidate's day full",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Self::NoHours => "展位未设面试时间",
            Self::BoothFull => "展位面试已满",
            Self::CandidateDayFull => "求职者当天时间已满",
        }
    }
}

/// Scheduling knobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Minutes between two interviews of one candidate.
    pub gap_minutes: u32,
    /// Slot length for booths that name none (a booth's own slot length wins).
    pub slot_minutes: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        ScheduleSettings::default().into()
    }
}

impl From<ScheduleSettings> for Options {
    fn from(settings: ScheduleSettings) -> Self {
        Self {
            gap_minutes: settings.gap_minutes,
            slot_minutes: Some(settings.slot_minutes),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timetable {
    /// Sorted by booth, then start, then candidate.
    pub interviews: Vec<Interview>,
    /// In priority order.
    pub left_out: Vec<(Request, LeftOut)>,
}

/// Why an interview cannot go where it was put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    UnknownBooth(BoothId),
    /// Not on one of the booth's slots inside its hours.
    OutsideHours {
        booth: BoothId,
        start: LocalTime,
    },
    /// The booth already holds as many interviews as it has interviewers then.
    BoothFull {
        booth: BoothId,
        start: LocalTime,
    },
    /// The candidate is at another interview then, or within the gap of one.
    CandidateBusy {
        candidate: CandidateId,
        other_booth: BoothId,
        other_start: LocalTime,
    },
}

impl Clash {
    pub fn describe(&self, zh: bool) -> String {
        let hm = |t: &LocalTime| t.format("%H:%M").to_string();
        match (self, zh) {
            (Clash::UnknownBooth(b), false) => format!("no booth {b}"),
            (Clash::UnknownBooth(b), true) => format!("没有展位 {b}"),
            (Clash::OutsideHours { booth, start }, false) => {
                format!("{} is not a slot inside booth {booth}'s interview hours", hm(start))
            }
            (Clash::OutsideHours { booth, start }, true) => format!("{} 不在展位 {booth} 的面试时段内", hm(start)),
            (Clash::BoothFull { booth, start }, false) => {
                format!("booth {booth} has all its interviewers busy at {}", hm(start))
            }
            (Clash::BoothFull { booth, start }, true) => format!("展位 {booth} 在 {} 的面试官均已占用", hm(start)),
            (
                Clash::CandidateBusy {
                    candidate,
                    other_booth,
                    other_start,
                },
                false,
            ) => format!(
                "{candidate} has an interview at booth {other_booth} at {} (with the gap between interviews)",
                hm(other_start)
            ),
            (
                Clash::CandidateBusy {
                    candidate,
                    other_booth,
                    other_start,
                },
                true,
            ) => format!(
                "{candidate} 在 {} 于展位 {other_booth} 已有面试（含面试间隔）",
                hm(other_start)
            ),
        }
    }
}

/// Schedules `requests` at `booths`. Duplicate (candidate, booth) requests are scheduled once,
/// at the priority of the best of them.
pub fn schedule(booths: &[Booth], requests: Vec<Request>, options: Options) -> Timetable {
    let mut requests = requests;
    best_first_once(&mut requests);

    let mut plan = grid::Plan::new(booths, options);
    let mut left_out = Vec::new();
    for request in requests {
        match plan.place_earliest(&request) {
            Ok(()) => {}
            Err(reason) => left_out.push((request, reason)),
        }
    }
    // Repair: a request left out may fit once what is in its way moves to another free slot.
    // One pass: on the brute-force instances a second pass placed nothing more.
    left_out.retain(|(request, reason)| *reason == LeftOut::NoHours || !plan.place_by_moving(request));
    Timetable {
        interviews: plan.into_interviews(),
        left_out,
    }
}

/// Orders `requests` best first (invitations, then score; ids break ties) and keeps each
/// (candidate, booth) pair once, at the priority of the best of its requests.
fn best_first_once(requests: &mut Vec<Request>) {
    requests.sort_by(|a, b| {
        b.invited
            .cmp(&a.invited)
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.candidate.cmp(&b.candidate))
            .then_with(|| a.booth.cmp(&b.booth))
    });
    let mut seen = rustc_hash::FxHashSet::default();
    requests.retain(|r| seen.insert((r.candidate.clone(), r.booth.clone())));
}

/// Every rule `interviews` break at `booths`, each with the interview (by index) breaking it,
/// checked in order: a later interview clashing with an earlier one is the one reported.
/// Hand-moved interviews need not sit on the slot grid; they must be inside the hours.
pub fn check(booths: &[Booth], interviews: &[Interview], options: Options) -> Vec<(usize, Clash)> {
    let mut occupancy = grid::Occupancy::new(booths, options);
    let mut clashes = Vec::new();
    for (i, interview) in interviews.iter().enumerate() {
        if let Err(clash) = occupancy.accept(interview) {
            clashes.push((i, clash));
        }
    }
    clashes
}

/// Interview `index` of `interviews` moved to `start` (same booth, same length), or the rule
/// the move would break. The other interviews stay as they are.
pub fn check_move(
    booths: &[Booth],
    interviews: &[Interview],
    index: usize,
    start: LocalTime,
    options: Options,
) -> Result<Interview, Clash> {
    let Some(original) = interviews.get(index) else {
        return Err(Clash::UnknownBooth(BoothId::default()));
    };
    let mut occupancy = grid::Occupancy::new(booths, options);
    for (i, interview) in interviews.iter().enumerate() {
        if i != index {
            // Clashes already among the others are not this move's business.
            let _ = occupancy.accept(interview);
        }
    }
    let moved = Interview {
        start,
        end: start + (original.end - original.start),
        ..original.clone()
    };
    occupancy.allowed(&moved)?;
    Ok(moved)
}

/// Length of a booth's slot under `options`.
pub fn slot_length(booth: &Booth, options: Options) -> Option<Duration> {
    let hours = booth.interviews.as_ref()?;
    let minutes = hours
        .slot_minutes
        .or(options.slot_minutes)
        .unwrap_or(crate::model::DEFAULT_SLOT_MINUTES);
    Some(Duration::minutes(i64::from(minutes)))
}

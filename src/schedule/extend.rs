//! A few interviews added to a timetable that stays as it is: a booth's "worth inviting" list
//! scheduled from the booth desk, around everyone's interviews already set.

use crate::model::{Booth, Interview};

use super::grid::{BoothGrid, Occupancy};
use super::{Clash, LeftOut, Options, Request, Timetable};

/// Adds `requests` to `existing`, which is not moved: best first (as [`super::schedule`]
/// orders them), each takes the earliest slot of its booth that keeps every rule with what is
/// there and with what was added before it. A pair that already has an interview at that booth
/// is skipped. Returns only what was added, and what was left out with why.
pub fn schedule_more(
    booths: &[Booth],
    existing: &[Interview],
    mut requests: Vec<Request>,
    options: Options,
) -> Timetable {
    super::best_first_once(&mut requests);
    requests.retain(|r| {
        !existing
            .iter()
            .any(|i| i.candidate == r.candidate && i.booth == r.booth)
    });
    let mut added: Vec<Interview> = Vec::new();
    let mut left_out = Vec::new();
    for request in requests {
        let grid = booths
            .iter()
            .find(|b| b.id == request.booth)
            .and_then(|b| BoothGrid::of(b, options));
        let Some(grid) = grid else {
            left_out.push((request, LeftOut::NoHours));
            continue;
        };
        // Only the booth's interviews and the candidate's can stand in the way.
        let mut occupancy = Occupancy::new(booths, options);
        for interview in existing.iter().chain(&added) {
            if interview.booth == request.booth || interview.candidate == request.candidate {
                let _ = occupancy.accept(interview);
            }
        }
        let mut booth_full = true;
        let mut placed = None;
        for slot in 0..grid.slots {
            let (start, end) = grid.span(slot);
            let interview = Interview {
                candidate: request.candidate.clone(),
                booth: request.booth.clone(),
                position: request.position.clone(),
                start,
                end,
            };
            match occupancy.allowed(&interview) {
                Ok(()) => {
                    placed = Some(interview);
                    break;
                }
                Err(Clash::BoothFull { .. }) => {}
                Err(_) => booth_full = false,
            }
        }
        drop(occupancy);
        match placed {
            Some(interview) => added.push(interview),
            None if booth_full => left_out.push((request, LeftOut::BoothFull)),
            None => left_out.push((request, LeftOut::CandidateDayFull)),
        }
    }
    Timetable {
        interviews: added,
        left_out,
    }
}

//! The booths' slot grids and the timetable being built on them, plus the rule checks for
//! timetables edited by hand.

use chrono::Duration;
use rustc_hash::FxHashMap;

use crate::model::{Booth, BoothId, CandidateId, Interview, LocalTime};

use super::{Clash, LeftOut, Options, Request, slot_length};

/// A booth's interview slots: `slots` of `slot` length from `start`, `interviewers` at once.
#[derive(Debug, Clone, PartialEq)]
pub struct BoothGrid {
    pub booth: BoothId,
    pub start: LocalTime,
    pub end: LocalTime,
    pub slot: Duration,
    pub slots: usize,
    pub interviewers: u32,
}

impl BoothGrid {
    /// The booth's grid, when it has interview hours, interviewers and room for a slot.
    pub fn of(booth: &Booth, options: Options) -> Option<BoothGrid> {
        let hours = booth.interviews.as_ref()?;
        let slot = slot_length(booth, options)?;
        let minutes = slot.num_minutes();
        if minutes <= 0 || hours.interviewers == 0 || hours.end <= hours.start {
            return None;
        }
        let slots = usize::try_from((hours.end - hours.start).num_minutes() / minutes).ok()?;
        (slots > 0).then(|| BoothGrid {
            booth: booth.id.clone(),
            start: hours.start,
            end: hours.end,
            slot,
            slots,
            interviewers: hours.interviewers,
        })
    }

    /// Start and end of slot `index`.
    pub fn span(&self, index: usize) -> (LocalTime, LocalTime) {
        let start = self.start + self.slot * index as i32;
        (start, start + self.slot)
    }

    /// The slot starting nearest to `at`, clamped to the grid.
    pub fn nearest_slot(&self, at: LocalTime) -> usize {
        let minutes = (at - self.start).num_minutes() as f64 / self.slot.num_minutes() as f64;
        (minutes.round().max(0.0) as usize).min(self.slots - 1)
    }
}

/// Whether two interviews of one candidate are too close: overlapping, or within `gap`.
fn too_close(a: (LocalTime, LocalTime), b: (LocalTime, LocalTime), gap: Duration) -> bool {
    a.0 < b.1 + gap && b.0 < a.1 + gap
}

struct Placed {
    interview: Interview,
    grid: usize,
    slot: usize,
}

/// A timetable under construction on the booths' grids.
pub(super) struct Plan {
    grid_of: FxHashMap<BoothId, usize>,
    grids: Vec<BoothGrid>,
    /// Interviews per grid slot.
    load: Vec<Vec<u32>>,
    placed: Vec<Placed>,
    /// Placed interviews per grid.
    at_grid: Vec<Vec<usize>>,
    by_candidate: FxHashMap<CandidateId, Vec<usize>>,
    gap: Duration,
}

impl Plan {
    pub(super) fn new(booths: &[Booth], options: Options) -> Plan {
        let mut plan = Plan {
            grid_of: FxHashMap::default(),
            grids: Vec::new(),
            load: Vec::new(),
            placed: Vec::new(),
            at_grid: Vec::new(),
            by_candidate: FxHashMap::default(),
            gap: Duration::minutes(i64::from(options.gap_minutes)),
        };
        for booth in booths {
            if plan.grid_of.contains_key(&booth.id) {
                continue;
            }
            if let Some(grid) = BoothGrid::of(booth, options) {
                plan.grid_of.insert(booth.id.clone(), plan.grids.len());
                plan.load.push(vec![0; grid.slots]);
                plan.at_grid.push(Vec::new());
                plan.grids.push(grid);
            }
        }
        plan
    }

    /// Whether `candidate` can be at `span`, ignoring placed interview `except`.
    fn candidate_free(&self, candidate: &CandidateId, span: (LocalTime, LocalTime), except: Option<usize>) -> bool {
        self.conflicts(candidate, span).all(|k| Some(k) == except)
    }

    fn conflicts<'a>(
        &'a self,
        candidate: &CandidateId,
        span: (LocalTime, LocalTime),
    ) -> impl Iterator<Item = usize> + 'a {
        let gap = self.gap;
        self.by_candidate
            .get(candidate)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&k| {
                let i = &self.placed[k].interview;
                too_close((i.start, i.end), span, gap)
            })
    }

    fn add(&mut self, request: &Request, grid: usize, slot: usize) {
        let (start, end) = self.grids[grid].span(slot);
        self.load[grid][slot] += 1;
        self.at_grid[grid].push(self.placed.len());
        self.by_candidate
            .entry(request.candidate.clone())
            .or_default()
            .push(self.placed.len());
        self.placed.push(Placed {
            interview: Interview {
                candidate: request.candidate.clone(),
                booth: request.booth.clone(),
                position: request.position.clone(),
                start,
                end,
            },
            grid,
            slot,
        });
    }

    /// Puts `request` at the earliest slot its booth has free and its candidate can make.
    pub(super) fn place_earliest(&mut self, request: &Request) -> Result<(), LeftOut> {
        let Some(&g) = self.grid_of.get(&request.booth) else {
            return Err(LeftOut::NoHours);
        };
        let grid = &self.grids[g];
        let mut booth_had_room = false;
        for slot in 0..grid.slots {
            if self.load[g][slot] >= grid.interviewers {
                continue;
            }
            booth_had_room = true;
            if self.candidate_free(&request.candidate, grid.span(slot), None) {
                self.add(request, g, slot);
                return Ok(());
            }
        }
        Err(if booth_had_room {
            LeftOut::CandidateDayFull
        } else {
            LeftOut::BoothFull
        })
    }

    /// Places `request` at a slot of its booth by first moving what is in the way, each to a
    /// free slot of its own booth: one interview holding the slot when the booth is full
    /// then, and up to two of the candidate's own interviews that are too close. Nothing moves
    /// unless the request then fits.
    pub(super) fn place_by_moving(&mut self, request: &Request) -> bool {
        let Some(&g) = self.grid_of.get(&request.booth) else {
            return false;
        };
        // Whatever holds a slot here could only move to a free slot of this same booth: with
        // none left, nothing can make room (most requests left out at a busy fair).
        let capacity = self.grids[g].interviewers;
        if self.load[g].iter().all(|&load| load >= capacity) {
            return false;
        }
        for slot in 0..self.grids[g].slots {
            let span = self.grids[g].span(slot);
            let own: Vec<usize> = self.conflicts(&request.candidate, span).collect();
            if own.len() > 2 {
                continue;
            }
            let full = self.load[g][slot] >= self.grids[g].interviewers;
            let holders: Vec<Option<usize>> = if full {
                self.at_grid[g]
                    .iter()
                    .copied()
                    .filter(|&k| self.placed[k].slot == slot)
                    .map(Some)
                    .collect()
            } else {
                vec![None]
            };
            for holder in holders {
                let mut moved: Vec<(usize, usize)> = Vec::new();
                let fits = holder.iter().chain(&own).all(|&k| {
                    // The candidate's own interviews must also keep clear of the new one.
                    let keep_clear = (self.placed[k].interview.candidate == request.candidate).then_some(span);
                    match self.free_slot_for(k, (g, slot), keep_clear) {
                        Some(to) => {
                            moved.push((k, self.placed[k].slot));
                            self.move_to(k, to);
                            true
                        }
                        None => false,
                    }
                });
                if fits && self.load[g][slot] < self.grids[g].interviewers {
                    self.add(request, g, slot);
                    return true;
                }
                for (k, back) in moved.into_iter().rev() {
                    self.move_to(k, back);
                }
            }
        }
        false
    }

    /// Another slot of placed interview `k`'s booth with room (counting one place taken at
    /// `reserved`) where its candidate is free, and clear of `keep_clear` if given.
    fn free_slot_for(
        &self,
        k: usize,
        reserved: (usize, usize),
        keep_clear: Option<(LocalTime, LocalTime)>,
    ) -> Option<usize> {
        let (og, old) = (self.placed[k].grid, self.placed[k].slot);
        let grid = &self.grids[og];
        let candidate = &self.placed[k].interview.candidate;
        (0..grid.slots).find(|&s2| {
            let taken = self.load[og][s2] + u32::from((og, s2) == reserved);
            let span2 = grid.span(s2);
            s2 != old
                && taken < grid.interviewers
                && keep_clear.is_none_or(|span| !too_close(span2, span, self.gap))
                && self.candidate_free(candidate, span2, Some(k))
        })
    }

    fn move_to(&mut self, k: usize, slot: usize) {
        let (g, old) = (self.placed[k].grid, self.placed[k].slot);
        let (start, end) = self.grids[g].span(slot);
        self.load[g][old] -= 1;
        self.load[g][slot] += 1;
        let placed = &mut self.placed[k];
        placed.slot = slot;
        placed.interview.start = start;
        placed.interview.end = end;
    }

    pub(super) fn into_interviews(self) -> Vec<Interview> {
        let mut interviews: Vec<Interview> = self.placed.into_iter().map(|p| p.interview).collect();
        interviews.sort_by(|a, b| {
            a.booth
                .cmp(&b.booth)
                .then(a.start.cmp(&b.start))
                .then_with(|| a.candidate.cmp(&b.candidate))
        });
        interviews
    }
}

/// Interviews already accepted, indexed for the rule checks of hand-edited timetables.
pub(super) struct Occupancy<'a> {
    booths: FxHashMap<&'a BoothId, &'a Booth>,
    at_booth: FxHashMap<&'a BoothId, Vec<&'a Interview>>,
    of_candidate: FxHashMap<&'a CandidateId, Vec<&'a Interview>>,
    gap: Duration,
}

impl<'a> Occupancy<'a> {
    pub(super) fn new(booths: &'a [Booth], options: Options) -> Occupancy<'a> {
        Occupancy {
            booths: booths.iter().map(|b| (&b.id, b)).collect(),
            at_booth: FxHashMap::default(),
            of_candidate: FxHashMap::default(),
            gap: Duration::minutes(i64::from(options.gap_minutes)),
        }
    }

    /// Accepts `interview` if it keeps every rule; otherwise the first rule it breaks.
    pub(super) fn accept(&mut self, interview: &'a Interview) -> Result<(), Clash> {
        self.allowed(interview)?;
        self.at_booth.entry(&interview.booth).or_default().push(interview);
        self.of_candidate
            .entry(&interview.candidate)
            .or_default()
            .push(interview);
        Ok(())
    }

    pub(super) fn allowed(&self, interview: &Interview) -> Result<(), Clash> {
        let Some(booth) = self.booths.get(&interview.booth) else {
            return Err(Clash::UnknownBooth(interview.booth.clone()));
        };
        let outside = Clash::OutsideHours {
            booth: interview.booth.clone(),
            start: interview.start,
        };
        let Some(hours) = booth.interviews.as_ref() else {
            return Err(outside);
        };
        if interview.start < hours.start || interview.end > hours.end || interview.end <= interview.start {
            return Err(outside);
        }
        let span = (interview.start, interview.end);
        let overlapping: Vec<&Interview> = self
            .at_booth
            .get(&interview.booth)
            .into_iter()
            .flatten()
            .copied()
            .filter(|o| o.start < span.1 && span.0 < o.end)
            .collect();
        // The most interviews at once inside the span is reached at one of their starts.
        let busiest = std::iter::once(span.0)
            .chain(overlapping.iter().map(|o| o.start).filter(|&t| t > span.0))
            .map(|t| overlapping.iter().filter(|o| o.start <= t && t < o.end).count())
            .max()
            .unwrap_or(0);
        if busiest as u64 >= u64::from(hours.interviewers) {
            return Err(Clash::BoothFull {
                booth: interview.booth.clone(),
                start: interview.start,
            });
        }
        let other = self
            .of_candidate
            .get(&interview.candidate)
            .into_iter()
            .flatten()
            .find(|o| too_close((o.start, o.end), span, self.gap));
        if let Some(other) = other {
            return Err(Clash::CandidateBusy {
                candidate: interview.candidate.clone(),
                other_booth: other.booth.clone(),
                other_start: other.start,
            });
        }
        Ok(())
    }
}

//! Scoring, top-K ranking both ways, incremental updates and allocation. No egui, no I/O.
//!
//! - [`Matcher::build`] computes top-K lists from scratch (in parallel).
//! - `*_changed` methods update only what one edit touches.
//! - [`Matcher::explain`] gives the reasons for one pair.
//! - [`Matcher::allocate`] runs the stable allocation (see [`allocate`]).
//!
//! Internally every candidate and position has a dense slot; ids are only used at the edges and to
//! break score ties (lower id first), so incremental results equal a fresh build exactly.
//! Each list keeps `2K` entries, the exact best of its row or column; a list is rescanned only when
//! a removal leaves it with fewer than `K` entries and it may be missing some. Each candidate
//! also keeps the start of its row in allocation order (`prefs`), maintained the same way, so
//! the allocation seldom scores a whole row.

//!
//! The code is laid out by what it does: [`lists`] (top lists and their orders), [`keys`] (the
//! same orders as integer keys, for the full build), [`scan`] (scoring one row or column),
//! [`build`] (everything from scratch), [`update`] (one edit at a time), and the scoring kernel
//! in [`score`].

pub mod allocate;
mod build;
mod explain;
mod index;
mod keys;
mod lists;
pub mod projects;
mod scan;
mod score;
mod update;

use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::{CandidateId, Fair, PositionId, SkillDictionary};

pub use allocate::{Allocation, AllocationInstance, CandidateScope, UnassignedReason};
pub use explain::{Explanation, Verdict, skill_names};
pub use score::Rule;

use lists::{Lists, rank_cmp};
use scan::Scratch;
use score::{Cand, Interner, Pos, Weights};

/// One ranked pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub candidate: CandidateId,
    pub position: PositionId,
    /// Employer's view, 0..=100.
    pub fit: f32,
    /// Candidate's view, 0..=100.
    pub appeal: f32,
    /// Combined, 0..=100, used for ranking.
    pub score: f32,
}

/// A build between its two parts: the fair's records resolved to dense ids and indexed, no
/// lists yet. A background build lets go of the fair here, so that edits made while the lists
/// are ranked need not copy it.
#[derive(Debug)]
pub struct PreparedBuild(Matcher);

impl PreparedBuild {
    /// Ranks every list, as [`Matcher::build`] does; `None` when `cancel` is set before that
    /// ends (checked between runs of [`build::BUILD_RUN`] candidates), so that a build made useless
    /// by a newer one stops within milliseconds instead of finishing a stale result.
    pub fn finish_unless_cancelled(self, cancel: &AtomicBool) -> Option<Matcher> {
        let mut m = self.0;
        m.compute_all(cancel).then_some(m)
    }
}

/// Live matching state for one fair.
#[derive(Debug)]
pub struct Matcher {
    weights: Weights,
    k: usize,
    cap: usize,
    dict: &'static SkillDictionary,
    dict_len: u32,
    interner: Interner,

    cand_ids: Vec<CandidateId>,
    cands: Vec<Cand>,
    /// Ids are hashed with Fx: the matcher hashes every id of a fair at each build, and ids
    /// come from the fair's own file, not from an adversary.
    cand_slot: FxHashMap<CandidateId, u32>,
    /// Where each candidate sat in `fair.candidates` last time we looked.
    cand_hint: Vec<usize>,

    pos_ids: Vec<PositionId>,
    poss: Vec<Pos>,
    /// `poss[i].hot`, densely, for the scoring loops.
    pos_hot: Vec<score::PosHot>,
    /// `poss[i].booth`, densely: rows check it against the candidate's visits.
    pos_booth: Vec<u32>,
    pos_slot: FxHashMap<PositionId, u32>,
    pos_hint: Vec<usize>,

    /// Required skill → positions requiring it, by work mode and minimum education.
    skill_positions: index::PositionIndex,
    /// Skill → candidates having it.
    skill_candidates: Vec<Vec<u32>>,

    rows: Lists,
    cols: Lists,
    /// Per candidate, the first `PREF_CAP` eligible positions in allocation order (the exact
    /// best of the row, like `rows`), so allocation rarely needs to score a whole row.
    prefs: Lists,
    scratch: Scratch,
    /// Each slot's rank in id order (candidates, positions), for tie-breaks without string
    /// compares; built on first use and dropped when a slot is added.
    ranks: OnceLock<IdRanks>,
}

#[derive(Debug)]
struct IdRanks {
    candidates: Vec<u32>,
    /// The candidate slot of each rank.
    candidates_by_rank: Vec<u32>,
    positions: Vec<u32>,
}

impl Default for Matcher {
    fn default() -> Self {
        let fair = Fair::new(Default::default(), "");
        Self::build(&fair)
    }
}

impl Matcher {
    fn ranks(&self) -> &IdRanks {
        self.ranks.get_or_init(|| {
            let ((candidates, candidates_by_rank), (positions, _)) = rayon::join(
                || allocate::id_ranks(&self.cand_ids),
                || allocate::id_ranks(&self.pos_ids),
            );
            IdRanks {
                candidates,
                candidates_by_rank,
                positions,
            }
        })
    }

    /// The candidate's best positions, best first (at most K).
    pub fn top_positions(&self, candidate: &CandidateId) -> &[Scored] {
        let Some(&c) = self.cand_slot.get(candidate) else {
            return &[];
        };
        self.rows.cache[c as usize].get_or_init(|| {
            self.rows.lists[c as usize]
                .entries
                .iter()
                .take(self.k)
                .map(|e| Scored {
                    candidate: candidate.clone(),
                    position: self.pos_ids[e.other as usize].clone(),
                    fit: e.fit,
                    appeal: e.appeal,
                    score: e.score,
                })
                .collect()
        })
    }

    /// The position's best candidates, best first (at most K).
    pub fn top_candidates(&self, position: &PositionId) -> &[Scored] {
        let Some(&p) = self.pos_slot.get(position) else {
            return &[];
        };
        self.cols.cache[p as usize].get_or_init(|| {
            self.cols.lists[p as usize]
                .entries
                .iter()
                .take(self.k)
                .map(|e| Scored {
                    candidate: self.cand_ids[e.other as usize].clone(),
                    position: position.clone(),
                    fit: e.fit,
                    appeal: e.appeal,
                    score: e.score,
                })
                .collect()
        })
    }

    /// K, as set in the fair's settings (at least 1).
    pub fn top_k(&self) -> usize {
        self.k
    }

    /// Candidates with no eligible position at all, in id order: the organizer's worklist.
    pub fn candidates_without_match(&self) -> Vec<CandidateId> {
        let mut out: Vec<CandidateId> = self
            .cand_slot
            .iter()
            .filter(|&(_, &c)| self.rows.lists[c as usize].entries.is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        out.sort_unstable();
        out
    }

    /// Positions with no eligible candidate at all, in id order.
    pub fn positions_without_match(&self) -> Vec<PositionId> {
        let mut out: Vec<PositionId> = self
            .pos_slot
            .iter()
            .filter(|&(_, &p)| self.cols.lists[p as usize].entries.is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        out.sort_unstable();
        out
    }

    /// Every eligible position of a candidate, best score first (not limited to K).
    pub fn eligible_positions(&self, candidate: &CandidateId) -> Vec<Scored> {
        let Some(&c) = self.cand_slot.get(candidate) else {
            return Vec::new();
        };
        let mut scratch = Scratch::default();
        let mut row = Vec::new();
        self.score_row(c, &mut scratch, &mut row);
        row.sort_unstable_by(|a, b| rank_cmp(a, b, &self.pos_ids));
        row.iter()
            .map(|e| Scored {
                candidate: candidate.clone(),
                position: self.pos_ids[e.other as usize].clone(),
                fit: e.fit,
                appeal: e.appeal,
                score: e.score,
            })
            .collect()
    }

    /// Score of one pair, or the first rule that makes it ineligible (`None` for unknown ids).
    pub fn pair(&self, candidate: &CandidateId, position: &PositionId) -> Option<Result<Scored, Rule>> {
        let &c = self.cand_slot.get(candidate)?;
        let &p = self.pos_slot.get(position)?;
        let (cand, pos) = (&self.cands[c as usize], &self.poss[p as usize]);
        let exact = score::exact_required(self.dict_len, cand, pos);
        Some(
            score::evaluate(&self.weights, cand, &*cand.skills, &pos.hot, pos, exact).map(|s| Scored {
                candidate: candidate.clone(),
                position: position.clone(),
                fit: s.fit,
                appeal: s.appeal,
                score: s.score,
            }),
        )
    }

    /// Calls `f` with every candidate's eligible pairs, in fair order of candidates (in parallel
    /// batches; `f` runs on the calling thread).
    pub fn for_each_eligible(&self, mut f: impl FnMut(&CandidateId, &[Scored])) {
        let slots: Vec<u32> = {
            let mut v: Vec<(usize, u32)> = self
                .cand_slot
                .values()
                .map(|&c| (self.cand_hint[c as usize], c))
                .collect();
            v.sort_unstable();
            v.into_iter().map(|(_, c)| c).collect()
        };
        for batch in slots.chunks(4096) {
            let rows: Vec<Vec<Scored>> = batch
                .par_iter()
                .map_init(Scratch::default, |scratch, &c| {
                    let mut row = Vec::new();
                    self.score_row(c, scratch, &mut row);
                    row.sort_unstable_by(|a, b| rank_cmp(a, b, &self.pos_ids));
                    row.iter()
                        .map(|e| Scored {
                            candidate: self.cand_ids[c as usize].clone(),
                            position: self.pos_ids[e.other as usize].clone(),
                            fit: e.fit,
                            appeal: e.appeal,
                            score: e.score,
                        })
                        .collect()
                })
                .collect();
            for (&c, row) in batch.iter().zip(&rows) {
                f(&self.cand_ids[c as usize], row);
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! Stable many-to-one allocation: candidate-proposing deferred acceptance (hospitals/residents).
//!
//! Preferences, as the product defines them:
//! - a candidate ranks its eligible positions by appeal, then fit (both higher first), then
//!   position id;
//! - a position ranks its eligible candidates by fit (higher first), then candidate id.
//!
//! Capacity is openings less the candidates already hired for the position (visits with next
//! step Hired naming it). Candidates already hired anywhere are not allocated again.
//! The result is the candidate-optimal stable matching, which is unique, so proposal order
//! does not matter.

use std::cmp::Ordering;
use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;

use crate::model::{Candidate, CandidateId, Fair, Industry, NextStep, PositionId};

use super::keys::{preference_key, score_key};
use super::lists::{Entry, pref_cmp};
use super::scan::{Wanted, exact_needed_for};
use super::{Matcher, Scratch};

/// Why a candidate got no position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnassignedReason {
    /// No position is eligible for this candidate.
    NoEligiblePosition,
    /// Every eligible position is filled by candidates it ranks higher.
    AllFilled,
    /// Already hired (a visit with next step Hired), so not allocated again.
    AlreadyHired,
}

impl UnassignedReason {
    pub fn en(self) -> &'static str {
        match self {
            Self::NoEligiblePosition => "no eligible position",
            Self::AllFilled => "every eligible position filled by candidates it ranks higher",
            Self::AlreadyHired => "already hired",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Self::NoEligiblePosition => "没有符合条件的岗位",
            Self::AllFilled => "符合条件的岗位均已由排名更高的人选占满",
            Self::AlreadyHired => "已录用",
        }
    }
}

/// Which registrants the allocation places: on fair day only those who came matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum CandidateScope {
    /// Every registered candidate.
    #[default]
    Everyone,
    /// Only candidates checked in at the entrance.
    CheckedIn,
}

impl CandidateScope {
    pub fn includes(self, candidate: &Candidate) -> bool {
        match self {
            CandidateScope::Everyone => true,
            CandidateScope::CheckedIn => candidate.checked_in.is_some(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PositionFill {
    pub position: PositionId,
    pub industry: Industry,
    pub openings: u32,
    pub hired: u32,
    /// Openings less hired: what the allocation could fill.
    pub capacity: u32,
    pub assigned: u32,
}

impl PositionFill {
    pub fn unfilled(&self) -> u32 {
        self.capacity - self.assigned
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Allocation {
    /// (candidate, position), in the fair's candidate order.
    pub assigned: Vec<(CandidateId, PositionId)>,
    /// In the fair's candidate order.
    pub unassigned: Vec<(CandidateId, UnassignedReason)>,
    /// Every position, in the fair's order.
    pub positions: Vec<PositionFill>,
    /// Unfilled openings per industry, for industries with any; in industry order.
    pub unfilled_by_industry: Vec<(Industry, u32)>,
}

impl Allocation {
    pub fn unfilled_total(&self) -> u64 {
        self.positions.iter().map(|p| u64::from(p.unfilled())).sum()
    }
}

/// The preference lists and capacities the allocation runs on, for checking against other
/// implementations. Lists are best first.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct AllocationInstance {
    pub candidates: Vec<(CandidateId, Vec<PositionId>)>,
    pub positions: Vec<(PositionId, u32, Vec<CandidateId>)>,
}

/// Candidates in `fair` order that the matcher knows, plus the hired ones.
struct Setup {
    /// Candidate slots in fair order (first occurrence of each id).
    order: Vec<u32>,
    hired_candidates: FxHashSet<u32>,
    /// Position slots in fair order, with openings and hired counts.
    positions: Vec<(u32, Industry, u32, u32)>,
    capacity: Vec<u32>,
    /// Rank of each slot in id order, for tie-breaks without string compares.
    cand_rank: Vec<u32>,
    pos_rank: Vec<u32>,
}

/// Each slot's rank in id order, and the slots in that order (the slot of each rank).
pub(super) fn id_ranks<K: Ord + Sync>(ids: &[K]) -> (Vec<u32>, Vec<u32>) {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
    let mut rank = vec![0u32; ids.len()];
    for (r, &slot) in order.iter().enumerate() {
        rank[slot as usize] = r as u32;
    }
    (rank, order)
}

/// Candidates per chunk of preference lists: chunks are built in parallel and kept as they are,
/// so the lists are never copied into one array.
const PREF_CHUNK: usize = 1024;

/// Preference lists of `setup.order`, stored flat per chunk: no allocation per candidate.
struct PrefChunk {
    /// `offsets[i]..offsets[i + 1]` is the i-th candidate's range in `positions` and `fits`.
    offsets: Vec<u32>,
    positions: Vec<u32>,
    fits: Vec<f32>,
}

struct Prefs {
    chunks: Vec<PrefChunk>,
}

impl Prefs {
    /// The i-th candidate's positions (best first) and the fit each position judges it by.
    fn get(&self, i: usize) -> (&[u32], &[f32]) {
        let chunk = &self.chunks[i / PREF_CHUNK];
        let j = i % PREF_CHUNK;
        let range = chunk.offsets[j] as usize..chunk.offsets[j + 1] as usize;
        (&chunk.positions[range.clone()], &chunk.fits[range])
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.chunks.iter().map(|c| c.offsets.len() - 1).sum()
    }
}

impl Matcher {
    fn allocation_setup(&self, fair: &Fair, scope: CandidateScope) -> Setup {
        // Looking up 100,000 ids is most of the set-up: both cores share it.
        let slots: Vec<Option<u32>> = fair
            .candidates
            .par_iter()
            .map(|c| scope.includes(c).then(|| self.cand_slot.get(&c.id).copied()).flatten())
            .collect();
        let mut seen = vec![false; self.cands.len()];
        let mut order = Vec::with_capacity(fair.candidates.len());
        for slot in slots.into_iter().flatten() {
            if !std::mem::replace(&mut seen[slot as usize], true) {
                order.push(slot);
            }
        }
        let mut hired_pairs: FxHashSet<(&CandidateId, &PositionId)> = FxHashSet::default();
        let mut hired_candidates = FxHashSet::default();
        for v in &fair.visits {
            if v.next_step == NextStep::Hired {
                if let Some(&c) = self.cand_slot.get(&v.candidate) {
                    hired_candidates.insert(c);
                }
                if let Some(p) = &v.position {
                    hired_pairs.insert((&v.candidate, p));
                }
            }
        }
        let mut hired_per_position: FxHashMap<&PositionId, u32> = FxHashMap::default();
        for (_, p) in hired_pairs {
            *hired_per_position.entry(p).or_default() += 1;
        }
        let mut capacity = vec![0u32; self.poss.len()];
        let mut positions = Vec::with_capacity(fair.positions.len());
        let mut seen = FxHashSet::default();
        for p in &fair.positions {
            if let Some(&slot) = self.pos_slot.get(&p.id)
                && seen.insert(slot)
            {
                let hired = hired_per_position.get(&p.id).copied().unwrap_or(0);
                capacity[slot as usize] = p.openings.saturating_sub(hired);
                positions.push((slot, p.industry, p.openings, hired));
            }
        }
        Setup {
            order,
            hired_candidates,
            positions,
            capacity,
            cand_rank: self.ranks().candidates.clone(),
            pos_rank: self.ranks().positions.clone(),
        }
    }

    /// Each allocatable candidate's eligible positions, best first by the candidate's order,
    /// with the fit the position judges by. Indexed like `setup.order`.
    fn preference_lists(&self, setup: &Setup) -> Prefs {
        let chunks: Vec<PrefChunk> = setup
            .order
            .par_chunks(PREF_CHUNK)
            .map_init(
                || (Scratch::default(), Vec::new(), Vec::new()),
                |(scratch, row, keyed), slots| {
                    let mut chunk = PrefChunk {
                        offsets: Vec::with_capacity(slots.len() + 1),
                        positions: Vec::new(),
                        fits: Vec::new(),
                    };
                    chunk.offsets.push(0);
                    for &c in slots {
                        if !setup.hired_candidates.contains(&c) {
                            row.clear();
                            self.score_row(c, scratch, row);
                            keyed.clear();
                            keyed.extend(row.iter().map(|e: &Entry| {
                                let rank = setup.pos_rank[e.other as usize];
                                (preference_key(e.appeal, e.fit, rank), e.other, e.fit)
                            }));
                            keyed.sort_unstable_by_key(|k| std::cmp::Reverse(k.0));
                            chunk.positions.extend(keyed.iter().map(|k| k.1));
                            chunk.fits.extend(keyed.iter().map(|k| k.2));
                        }
                        chunk.offsets.push(chunk.positions.len() as u32);
                    }
                    chunk.positions.shrink_to_fit();
                    chunk.fits.shrink_to_fit();
                    chunk
                },
            )
            .collect();
        Prefs { chunks }
    }

    /// Runs the stable allocation on the current state; `fair` supplies openings and hires.
    pub fn allocate(&self, fair: &Fair) -> Allocation {
        self.allocate_scoped(fair, CandidateScope::Everyone)
    }

    /// The stable allocation among the candidates in `scope` only; the others are left out of
    /// the result (neither assigned nor unassigned).
    pub fn allocate_scoped(&self, fair: &Fair, scope: CandidateScope) -> Allocation {
        let setup = self.allocation_setup(fair, scope);
        let (held, eligible) = self.deferred_acceptance_lazy(&setup);
        self.report(&setup, held.pairs(), |i| eligible[i])
    }

    /// The same allocation from fully built preference lists: the straightforward reference the
    /// fast path is tested against.
    #[cfg(test)]
    pub(super) fn allocate_reference(&self, fair: &Fair) -> Allocation {
        let setup = self.allocation_setup(fair, CandidateScope::Everyone);
        let prefs = self.preference_lists(&setup);
        let held = deferred_acceptance(&prefs, &setup);
        let pairs = held
            .iter()
            .enumerate()
            .flat_map(|(p, list)| list.iter().map(move |h| (p as u32, h.2)));
        self.report(&setup, pairs, |i| !prefs.get(i).0.is_empty())
    }

    /// Turns the held proposals, (position slot, index into `setup.order`), into the report;
    /// `eligible(i)` tells whether the i-th candidate of `setup.order` has any eligible position.
    fn report(
        &self,
        setup: &Setup,
        held: impl Iterator<Item = (u32, u32)>,
        eligible: impl Fn(usize) -> bool,
    ) -> Allocation {
        let mut assignment: Vec<Option<u32>> = vec![None; setup.order.len()];
        let mut assigned_count = vec![0u32; self.poss.len()];
        for (p, i) in held {
            assigned_count[p as usize] += 1;
            assignment[i as usize] = Some(p);
        }
        let mut out = Allocation::default();
        for (i, &c) in setup.order.iter().enumerate() {
            let id = self.cand_ids[c as usize].clone();
            match assignment[i] {
                Some(p) => out.assigned.push((id, self.pos_ids[p as usize].clone())),
                None if setup.hired_candidates.contains(&c) => {
                    out.unassigned.push((id, UnassignedReason::AlreadyHired))
                }
                None if !eligible(i) => out.unassigned.push((id, UnassignedReason::NoEligiblePosition)),
                None => out.unassigned.push((id, UnassignedReason::AllFilled)),
            }
        }
        let mut by_industry: HashMap<Industry, u32> = HashMap::new();
        for &(slot, industry, openings, hired) in &setup.positions {
            let fill = PositionFill {
                position: self.pos_ids[slot as usize].clone(),
                industry,
                openings,
                hired,
                capacity: setup.capacity[slot as usize],
                assigned: assigned_count[slot as usize],
            };
            if fill.unfilled() > 0 {
                *by_industry.entry(industry).or_default() += fill.unfilled();
            }
            out.positions.push(fill);
        }
        out.unfilled_by_industry = by_industry.into_iter().collect();
        out.unfilled_by_industry.sort_unstable();
        out
    }

    /// The preference lists and capacities [`Matcher::allocate`] runs on.
    pub fn allocation_instance(&self, fair: &Fair, scope: CandidateScope) -> AllocationInstance {
        let setup = self.allocation_setup(fair, scope);
        let prefs = self.preference_lists(&setup);
        let mut by_position: Vec<Vec<(f32, u32, u32)>> = vec![Vec::new(); self.poss.len()];
        let mut candidates = Vec::new();
        for (i, &c) in setup.order.iter().enumerate() {
            if setup.hired_candidates.contains(&c) {
                continue;
            }
            let (list, fits) = prefs.get(i);
            for (&p, &fit) in list.iter().zip(fits) {
                by_position[p as usize].push((fit, setup.cand_rank[c as usize], c));
            }
            candidates.push((
                self.cand_ids[c as usize].clone(),
                list.iter().map(|&p| self.pos_ids[p as usize].clone()).collect(),
            ));
        }
        let positions = setup
            .positions
            .iter()
            .map(|&(slot, ..)| {
                let list = &mut by_position[slot as usize];
                list.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                (
                    self.pos_ids[slot as usize].clone(),
                    setup.capacity[slot as usize],
                    list.iter()
                        .map(|&(_, _, c)| self.cand_ids[c as usize].clone())
                        .collect(),
                )
            })
            .collect();
        AllocationInstance { candidates, positions }
    }
}

/// The rest of a candidate's preference list: (position slot, fit), best first.
type Choices = Box<[(u32, f32)]>;

/// A rescanned candidate: the rest of its list, and whether it has any eligible position.
type Rescanned = (Choices, bool);

/// Candidates whose rows are rescanned together during the allocation.
/// Unit tests use small batches, so that their small fairs rescan one batch while the previous
/// one proposes.
const RESCAN_BATCH: usize = if cfg!(test) { 3 } else { 4096 };

/// Whether a proposal with `fit` and candidate id rank `rank` displaces the held entry `held`.
#[cfg(test)]
fn displaces(fit: f32, rank: u32, held: (f32, u32)) -> bool {
    fit > held.0 || (fit == held.0 && rank < held.1)
}

/// What every position holds during a lazy run, in one flat array: position p's candidates
/// sit in `keys[start[p]..start[p] + len[p]]`, room for its capacity reserved up front.
struct Holdings {
    start: Vec<u32>,
    len: Vec<u32>,
    /// (score key of (fit, candidate id rank), index into `Setup::order`).
    keys: Vec<(u64, u32)>,
    /// The key a proposal must beat (see [`Bars::keys`]): the lowest held key of a full
    /// position, 0 while it has room, `u64::MAX` without capacity. Most proposals to a full
    /// position lose, and this one read settles them.
    bar: Vec<u64>,
}

impl Holdings {
    fn new(capacity: &[u32]) -> Self {
        let mut start = Vec::with_capacity(capacity.len() + 1);
        let mut total = 0u32;
        start.push(0);
        for &cap in capacity {
            total += cap;
            start.push(total);
        }
        Self {
            start,
            len: vec![0; capacity.len()],
            keys: vec![(0, 0); total as usize],
            bar: capacity
                .iter()
                .map(|&cap| if cap == 0 { u64::MAX } else { 0 })
                .collect(),
        }
    }

    /// Position `p` takes the proposal with `key` from candidate `index`, which beats its bar;
    /// returns the candidate it lets go, if it was full.
    #[inline]
    fn take(&mut self, p: usize, key: u64, index: u32) -> Option<u32> {
        let list = &mut self.keys[self.start[p] as usize..self.start[p + 1] as usize];
        let held = self.len[p] as usize;
        let lowest = |list: &[(u64, u32)]| list.iter().map(|k| k.0).min().unwrap_or(0);
        if held < list.len() {
            list[held] = (key, index);
            self.len[p] += 1;
            // The bar stays 0 while there is room.
            if held + 1 == list.len() {
                self.bar[p] = lowest(list);
            }
            return None;
        }
        // Full: the lowest held entry (the bar) makes way. Without capacity, the proposal does.
        let Some(worst) = (0..list.len()).min_by_key(|&i| list[i].0) else {
            return Some(index);
        };
        let out = std::mem::replace(&mut list[worst], (key, index)).1;
        self.bar[p] = lowest(list);
        Some(out)
    }

    /// (position slot, index into `Setup::order`) of every held proposal.
    fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.len.len()).flat_map(move |p| {
            let from = self.start[p] as usize;
            self.keys[from..from + self.len[p] as usize]
                .iter()
                .map(move |k| (p as u32, k.1))
        })
    }
}

/// The state of a lazy deferred acceptance run, indexed like `Setup::order`.
struct Proposals {
    held: Holdings,
    /// Where each candidate is in its preference list: prefix, then rest.
    next: Vec<u32>,
    /// The scored rest of each candidate's list (past its prefix), once rescanned.
    rest: Vec<Option<Choices>>,
    /// Candidates that ran past their prefix and wait for the rest of their row.
    waiting: std::collections::VecDeque<u32>,
}

impl Matcher {
    /// Deferred acceptance on the cached preference prefixes (`Matcher::prefs`). A candidate
    /// that runs past its prefix waits; the waiting ones get the rest of their row scored in
    /// parallel, in batches, and then go on proposing. Proposal order does not change the
    /// candidate-optimal stable matching, so this equals [`deferred_acceptance`] on full lists.
    ///
    /// The rest of a row leaves out positions that would reject the candidate anyway: a full
    /// position only ever trades up, so one whose worst held candidate it ranks higher now
    /// will rank higher later too. For the same reason a batch may be rescanned while the
    /// previous one is still proposing (against the bars from before those proposals): the
    /// proposing runs on one thread, and the rescans keep the others busy. Returns the held
    /// lists and, per candidate, whether it has any eligible position.
    fn deferred_acceptance_lazy(&self, setup: &Setup) -> (Holdings, Vec<bool>) {
        let n = setup.order.len();
        let mut state = Proposals {
            held: Holdings::new(&setup.capacity),
            next: vec![0u32; n],
            rest: vec![None; n],
            waiting: std::collections::VecDeque::new(),
        };
        let mut eligible: Vec<bool> = setup
            .order
            .iter()
            .map(|&c| !self.prefs.lists[c as usize].entries.is_empty())
            .collect();
        let everyone: Vec<u32> = (0..n as u32)
            .filter(|&i| !setup.hired_candidates.contains(&setup.order[i as usize]))
            .collect();
        self.propose(setup, &mut state, &everyone);
        // A rescanned batch whose candidates have not proposed yet.
        let mut ready: Option<(Vec<u32>, Vec<Rescanned>)> = None;
        loop {
            let (batch, rests) = match ready.take() {
                Some(ready) => ready,
                None if state.waiting.is_empty() => break,
                None => {
                    let batch = take_batch(&mut state.waiting);
                    let rests = self.rescan(setup, &batch, &self.bars(&state.held));
                    (batch, rests)
                }
            };
            for (&i, (list, any)) in batch.iter().zip(rests) {
                state.rest[i as usize] = Some(list);
                eligible[i as usize] |= any;
            }
            if state.waiting.is_empty() {
                self.propose(setup, &mut state, &batch);
                continue;
            }
            let next_batch = take_batch(&mut state.waiting);
            let bars = self.bars(&state.held);
            let ((), next_rests) = rayon::join(
                || self.propose(setup, &mut state, &batch),
                || self.rescan(setup, &next_batch, &bars),
            );
            ready = Some((next_batch, next_rests));
        }
        (state.held, eligible)
    }

    /// Candidates in `queue` propose down their lists until each holds a position, runs out of
    /// choices, or waits for the rest of its row; displaced candidates propose on at once.
    fn propose(&self, setup: &Setup, state: &mut Proposals, queue: &[u32]) {
        let Proposals {
            held,
            next,
            rest,
            waiting,
        } = state;
        for &start in queue {
            let mut proposer = start as usize;
            loop {
                let prefix = &self.prefs.lists[setup.order[proposer] as usize];
                let at = next[proposer] as usize;
                let (p, fit) = if let Some(e) = prefix.entries.get(at) {
                    (e.other, e.fit)
                } else if prefix.complete {
                    break;
                } else if let Some(rest) = &rest[proposer] {
                    match rest.get(at - prefix.entries.len()) {
                        Some(&choice) => choice,
                        None => break,
                    }
                } else {
                    waiting.push_back(proposer as u32);
                    break;
                };
                next[proposer] += 1;
                let key = score_key(fit, setup.cand_rank[setup.order[proposer] as usize]);
                if key <= held.bar[p as usize] {
                    continue;
                }
                match held.take(p as usize, key, proposer as u32) {
                    Some(out) => proposer = out as usize,
                    None => break,
                }
            }
        }
    }

    /// The rest of each batch candidate's row past its prefix, in its preference order, less
    /// the positions whose `bars` it cannot beat; and whether it has any eligible position.
    fn rescan(&self, setup: &Setup, batch: &[u32], bars: &Bars) -> Vec<Rescanned> {
        batch
            .par_iter()
            .map_init(
                || (Scratch::default(), Vec::new()),
                |(scratch, row), &i| {
                    let c = setup.order[i as usize];
                    row.clear();
                    let last = self.prefs.lists[c as usize].entries.last();
                    let rank = setup.cand_rank[c as usize];
                    let wanted = Wanted {
                        bars: &bars.keys,
                        need_exact: &bars.need_exact,
                        rank,
                    };
                    // With a non-empty prefix the candidate is known to have an eligible
                    // position, so pairs that cannot win may be skipped unscored.
                    let prune = last.is_some();
                    self.score_row_where(c, scratch, row, prune.then_some(&wanted));
                    let any = !row.is_empty() || prune;
                    row.retain(|e: &Entry| {
                        last.is_none_or(|l| pref_cmp(e, l, &setup.pos_rank) == Ordering::Greater)
                            && wanted.admits(e.other, e.fit)
                    });
                    row.sort_unstable_by(|a, b| pref_cmp(a, b, &setup.pos_rank));
                    (row.iter().map(|e| (e.other, e.fit)).collect(), any)
                },
            )
            .collect()
    }
}

/// The next candidates to rescan together. Each batch's proposals fill positions and raise the
/// bars, so later rescans can skip more pairs.
fn take_batch(waiting: &mut std::collections::VecDeque<u32>) -> Vec<u32> {
    waiting.drain(..waiting.len().min(RESCAN_BATCH)).collect()
}

/// What a proposal must beat at each position, as of one moment: a copy, because a rescan runs
/// beside proposals that raise the holdings' own bars.
struct Bars {
    /// The [`score_key`] of the worst held (fit, id rank): a proposal displaces it
    /// exactly when its own key is larger. 0 while the position has room, `u64::MAX` when it
    /// has none at all.
    keys: Vec<u64>,
    /// See [`Wanted::need_exact`].
    need_exact: Vec<u8>,
}

impl Matcher {
    fn bars(&self, held: &Holdings) -> Bars {
        let keys = held.bar.clone();
        let need_exact = exact_needed_for(&self.weights, &self.pos_hot, &keys);
        Bars { keys, need_exact }
    }
}

/// McVitie–Wilson form of candidate-proposing deferred acceptance on full preference lists
/// (the reference for [`Matcher::deferred_acceptance_lazy`]): candidates enter one at a time and a displaced candidate proposes on at once. Returns, per position slot, the held
/// (fit, candidate id rank, index into `setup.order`).
#[cfg(test)]
fn deferred_acceptance(prefs: &Prefs, setup: &Setup) -> Vec<Vec<(f32, u32, u32)>> {
    let mut held: Vec<Vec<(f32, u32, u32)>> = vec![Vec::new(); setup.capacity.len()];
    let mut next = vec![0u32; prefs.len()];
    for start in 0..prefs.len() {
        let mut proposer = start;
        loop {
            let (list, fits) = prefs.get(proposer);
            let at = next[proposer] as usize;
            let (Some(&p), Some(&fit)) = (list.get(at), fits.get(at)) else {
                break;
            };
            next[proposer] += 1;
            let cap = setup.capacity[p as usize] as usize;
            if cap == 0 {
                continue;
            }
            let rank = setup.cand_rank[setup.order[proposer] as usize];
            let list = &mut held[p as usize];
            if list.len() < cap {
                list.push((fit, rank, proposer as u32));
                break;
            }
            // Worst held: lowest fit, then highest id rank.
            let (worst, &(w_fit, w_rank, w_idx)) = list
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                .expect("a full list with capacity > 0 is not empty");
            if displaces(fit, rank, (w_fit, w_rank)) {
                list[worst] = (fit, rank, proposer as u32);
                proposer = w_idx as usize;
            }
        }
    }
    held
}

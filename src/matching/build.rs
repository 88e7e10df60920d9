//! Building every list from scratch: the fair's records resolved to dense slots and indexed,
//! then every row scored by parallel workers that also keep the best pairs of each column.

use std::cmp::Reverse;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering as AtomicOrdering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::keys::{Keyed, KeyedRow, RowCounts, score_key};
use super::lists::{Entry, Lists, Order, PREF_CAP, TopList};
use super::scan::{Scratch, prefetch_at};
use super::score::{self, Cand, Interner, Pos, Weights};
use super::{Matcher, PreparedBuild, index};
use crate::model::{Candidate, CandidateId, Fair, SkillDictionary};

/// What one worker of the full build found: the rows and preference prefixes of each run of
/// candidates it took (with the run's first slot), and per position the pairs that beat the
/// shared bar when it scored them.
type WorkerResult = (Vec<(usize, Vec<TopList>, Vec<TopList>)>, Vec<Vec<Keyed>>);

/// Candidates a worker of the full build takes at a time: small enough that the workers finish
/// within a few milliseconds of each other, large enough that taking one costs nothing.
pub(super) const BUILD_RUN: usize = 256;

/// Adds `slot` to the slots of `skill` in a skill → slots index.
pub(super) fn push_index(index: &mut Vec<Vec<u32>>, skill: u32, slot: u32) {
    let i = skill as usize;
    if index.len() <= i {
        index.resize_with(i + 1, Vec::new);
    }
    index[i].push(slot);
}

/// Removes `slot` from the slots of `skill`, if there.
pub(super) fn pull_index(index: &mut [Vec<u32>], skill: u32, slot: u32) {
    if let Some(list) = index.get_mut(skill as usize)
        && let Some(i) = list.iter().position(|&x| x == slot)
    {
        list.swap_remove(i);
    }
}

/// Asks for the text that resolving candidates a few places after `i` will read. Each
/// candidate's names are strings in lists of their own, scattered over the heap after loading,
/// which no hardware prefetcher foresees: the lists sixteen places ahead, their strings eight.
#[inline(always)]
fn prefetch_candidate_text(candidates: &[Candidate], i: usize) {
    if let Some(c) = candidates.get(i + 16) {
        prefetch_at(c.skills.as_ptr());
        prefetch_at(c.cities.as_ptr());
        prefetch_at(c.industries.as_ptr());
        prefetch_at(c.work_modes.as_ptr());
        prefetch_at(c.id.as_str().as_ptr());
    }
    if let Some(c) = candidates.get(i + 8) {
        for text in c.skills.iter().chain(&c.cities) {
            prefetch_at(text.as_ptr());
        }
    }
}

/// What booth staff recorded about one candidate, per booth, from all of its visits, with the
/// booths' dense ids from `ids`.
pub(super) fn summarize_candidate_visits(
    visits: &[&crate::model::Visit],
    ids: &mut impl score::Ids,
) -> Vec<score::BoothVisits> {
    let mut by_booth: Vec<(u32, Vec<&crate::model::Visit>)> = Vec::new();
    for &v in visits {
        let booth = ids.booth(&v.booth);
        match by_booth.iter_mut().find(|(b, _)| *b == booth) {
            Some((_, list)) => list.push(v),
            None => by_booth.push((booth, vec![v])),
        }
    }
    by_booth
        .into_iter()
        .filter_map(|(booth, vs)| score::summarize_visits(booth, vs.into_iter()))
        .collect()
}

impl Matcher {
    /// Computes every top-K list from scratch.
    pub fn build(fair: &Fair) -> Self {
        Self::build_with(fair, SkillDictionary::builtin())
    }

    /// Same as [`Matcher::build`] with a given skill dictionary.
    pub fn build_with(fair: &Fair, dict: &'static SkillDictionary) -> Self {
        let mut m = Self::resolve(fair, dict);
        m.compute_all(&AtomicBool::new(false));
        m
    }

    /// The first part of [`Matcher::build`], the only one that reads `fair`; see
    /// [`PreparedBuild`].
    pub fn prepare(fair: &Fair) -> PreparedBuild {
        PreparedBuild(Self::resolve(fair, SkillDictionary::builtin()))
    }

    /// The fair's records in dense, resolved form with their indexes; no lists yet.
    fn resolve(fair: &Fair, dict: &'static SkillDictionary) -> Self {
        let k = usize::from(fair.settings.top_k.max(1));
        let mut m = Matcher {
            weights: Weights::new(&fair.settings),
            k,
            cap: 2 * k,
            dict,
            dict_len: dict.len() as u32,
            interner: Interner::default(),
            cand_ids: Vec::with_capacity(fair.candidates.len()),
            cands: Vec::with_capacity(fair.candidates.len()),
            cand_slot: FxHashMap::with_capacity_and_hasher(fair.candidates.len(), Default::default()),
            cand_hint: Vec::with_capacity(fair.candidates.len()),
            pos_ids: Vec::with_capacity(fair.positions.len()),
            poss: Vec::with_capacity(fair.positions.len()),
            pos_hot: Vec::with_capacity(fair.positions.len()),
            pos_booth: Vec::with_capacity(fair.positions.len()),
            pos_slot: FxHashMap::with_capacity_and_hasher(fair.positions.len(), Default::default()),
            pos_hint: Vec::with_capacity(fair.positions.len()),
            skill_positions: index::PositionIndex::default(),
            skill_candidates: Vec::new(),
            rows: Lists::default(),
            cols: Lists::default(),
            prefs: Lists::default(),
            scratch: Scratch::default(),
            ranks: OnceLock::new(),
        };
        for (i, p) in fair.positions.iter().enumerate() {
            if m.pos_slot.contains_key(&p.id) {
                continue; // duplicate id: validation reports it; the first one counts
            }
            let pos = score::resolve_position(dict, &mut m.interner, p);
            let slot = m.poss.len() as u32;
            m.index_position(slot, &pos);
            m.pos_slot.insert(p.id.clone(), slot);
            m.pos_ids.push(p.id.clone());
            m.pos_hot.push(pos.hot);
            m.pos_booth.push(pos.booth);
            m.poss.push(pos);
            m.pos_hint.push(i);
        }
        let mut visits: FxHashMap<&CandidateId, Vec<&crate::model::Visit>> = FxHashMap::default();
        for v in &fair.visits {
            visits.entry(&v.candidate).or_default().push(v);
        }
        // Candidates resolve in parallel against the names the positions brought, their ids
        // cloned for both places that keep them; one naming a skill, city or booth not seen yet
        // is resolved again below, in order, adding it.
        let resolved: Vec<(Option<Cand>, CandidateId, CandidateId)> = fair
            .candidates
            .par_iter()
            .enumerate()
            .map(|(i, c)| {
                prefetch_candidate_text(&fair.candidates, i);
                let mut ids = score::KnownIds {
                    interner: &m.interner,
                    missed: false,
                };
                let summaries = visits
                    .get(&c.id)
                    .map(|vs| summarize_candidate_visits(vs, &mut ids))
                    .unwrap_or_default();
                let cand = score::resolve_candidate(dict, &mut ids, c, summaries);
                ((!ids.missed).then_some(cand), c.id.clone(), c.id.clone())
            })
            .collect();
        for ((i, c), (known, key, id)) in fair.candidates.iter().enumerate().zip(resolved) {
            let slot = m.cands.len() as u32;
            match m.cand_slot.entry(key) {
                std::collections::hash_map::Entry::Occupied(_) => continue,
                std::collections::hash_map::Entry::Vacant(vacant) => vacant.insert(slot),
            };
            let cand = known.unwrap_or_else(|| {
                let summaries = visits
                    .get(&c.id)
                    .map(|vs| summarize_candidate_visits(vs, &mut m.interner))
                    .unwrap_or_default();
                score::resolve_candidate(dict, &mut m.interner, c, summaries)
            });
            for &s in cand.skills.iter() {
                push_index(&mut m.skill_candidates, s, slot);
            }
            m.cand_ids.push(id);
            m.cands.push(cand);
            m.cand_hint.push(i);
        }
        m
    }

    pub(super) fn index_position(&mut self, slot: u32, pos: &Pos) {
        self.skill_positions.insert(slot, &pos.hot, &pos.required);
    }

    pub(super) fn unindex_position(&mut self, slot: u32) {
        let pos = &self.poss[slot as usize];
        self.skill_positions.remove(slot, &pos.hot, &pos.required);
    }

    /// Full recompute of both directions: rows scored by parallel workers, each also collecting
    /// the best pairs of every position, merged at the end. False, with the lists left as they
    /// were, when `cancel` is set before it ends.
    pub(super) fn compute_all(&mut self, cancel: &AtomicBool) -> bool {
        if cancel.load(AtomicOrdering::Relaxed) {
            return false;
        }
        let n_cands = self.cands.len();
        let n_pos = self.poss.len();
        let cap = self.cap;
        // One worker per thread: every worker keeps its own column buffers, and each buffer takes
        // more insertions the fewer candidates its worker scores. The workers take runs of
        // candidates in turn until none are left, so one slowed down does not hold up the end.
        let workers = rayon::current_num_threads().clamp(1, n_cands.max(1));
        let next_run = AtomicUsize::new(0);
        // Integer ranks in id order break ties like the ids themselves, without string compares.
        let ranks = self.ranks();
        let (cand_rank, pos_rank) = (&ranks.candidates, &ranks.positions);
        let this = &*self;
        // Per position, the key a pair must beat to be among the best `cap` of the worker that
        // set it, and so of the whole column: most pairs lose against it, which spares touching
        // the column buffers. Shared by the workers; 0 (below every key) until a worker first cuts
        // its buffer back, so a column none cut holds every eligible pair.
        let bars: Vec<AtomicU64> = (0..n_pos).map(|_| AtomicU64::new(0)).collect();
        let parts: Vec<WorkerResult> = (0..workers)
            .into_par_iter()
            .map(|_| {
                let mut scratch = Scratch::default();
                // Per position, a superset of the worker's best `cap` pairs: appended to while
                // they beat the bar, cut back to the best `cap` when twice that many.
                let mut best: Vec<Vec<Keyed>> = vec![Vec::new(); n_pos];
                let mut runs = Vec::new();
                let (mut row, mut keyed, mut beating) = (Vec::new(), KeyedRow::default(), Vec::new());
                let mut counts = RowCounts::new();
                loop {
                    let start = next_run.fetch_add(BUILD_RUN, AtomicOrdering::Relaxed);
                    if start >= n_cands || cancel.load(AtomicOrdering::Relaxed) {
                        break;
                    }
                    let end = (start + BUILD_RUN).min(n_cands);
                    let mut rows = Vec::with_capacity(end - start);
                    let mut prefs = Vec::with_capacity(end - start);
                    for (c, &rank) in cand_rank.iter().enumerate().take(end).skip(start) {
                        row.clear();
                        counts.clear();
                        // Each pair goes into the row and the row's counts while its numbers are at
                        // hand; then into its position's buffer if it beats the bar.
                        this.score_row_with(c as u32, &mut scratch, None, |p, s| {
                            counts.add(&s);
                            row.push(Entry::scored(p, s));
                        });
                        // The pairs that beat their bar, found without a branch (about one in ten
                        // does, in no order the CPU could predict); then the ends of their buffers
                        // are asked for all at once, so that the pushes' cache misses overlap.
                        beating.resize(row.len() + 1, 0);
                        let mut n = 0;
                        for (i, entry) in row.iter().enumerate() {
                            beating[n] = i as u32;
                            let bar = bars[entry.other as usize].load(AtomicOrdering::Relaxed);
                            n += usize::from(score_key(entry.score, rank) > bar);
                        }
                        for &i in &beating[..n] {
                            let best = &best[row[i as usize].other as usize];
                            prefetch_at(best.as_ptr().wrapping_add(best.len()));
                        }
                        for &i in &beating[..n] {
                            let entry = &row[i as usize];
                            let p = entry.other as usize;
                            let key = score_key(entry.score, rank);
                            let bar = &bars[p];
                            if key > bar.load(AtomicOrdering::Relaxed) {
                                let best = &mut best[p];
                                if best.capacity() == 0 {
                                    // Room for a whole round up to the first cut at once (within
                                    // reason for a large K), instead of growing there by doubling.
                                    best.reserve_exact((2 * cap).min(256));
                                }
                                best.push(Keyed::new(key, entry));
                                if best.len() == 2 * cap {
                                    // Keep the best `cap`; the worst of them is a bar for everyone.
                                    best.select_nth_unstable_by(cap - 1, |a, b| b.cmp(a));
                                    best.truncate(cap);
                                    bar.fetch_max(best[cap - 1].key(), AtomicOrdering::Relaxed);
                                }
                            }
                        }
                        let (by_score, by_preference) = counts.tops(&row, (cap, PREF_CAP), &mut keyed, pos_rank);
                        rows.push(by_score);
                        prefs.push(by_preference);
                    }
                    runs.push((start, rows, prefs));
                }
                (runs, best)
            })
            .collect();
        if cancel.load(AtomicOrdering::Relaxed) {
            return false;
        }
        let mut rows = Vec::with_capacity(n_cands);
        let mut prefs = Vec::with_capacity(n_cands);
        let mut runs = Vec::with_capacity(n_cands.div_ceil(BUILD_RUN));
        // Per worker, its buffer of each position.
        let mut buffers: Vec<Vec<Vec<Keyed>>> = Vec::with_capacity(workers);
        for (worker_runs, best) in parts {
            runs.extend(worker_runs);
            buffers.push(best);
        }
        runs.sort_unstable_by_key(|&(start, _, _)| start);
        for (_, run_rows, run_prefs) in runs {
            rows.extend(run_rows);
            prefs.extend(run_prefs);
        }
        // Each position merges the workers' buffers on whichever core is free.
        let cols: Vec<TopList> = (0..n_pos)
            .into_par_iter()
            .map_init(Vec::new, |entries: &mut Vec<Keyed>, p| {
                entries.clear();
                for best in &buffers {
                    entries.extend_from_slice(&best[p]);
                }
                // Uncut (the bar never raised), the entries are every eligible pair of the column.
                let cut = bars[p].load(AtomicOrdering::Relaxed) != 0;
                let complete = !cut && entries.len() <= cap;
                if entries.len() > cap {
                    entries.select_nth_unstable_by(cap - 1, |a, b| b.cmp(a));
                    entries.truncate(cap);
                }
                entries.sort_unstable_by_key(|&k| Reverse(k));
                TopList {
                    entries: entries.iter().map(|k| k.entry(&ranks.candidates_by_rank)).collect(),
                    complete,
                }
            })
            .collect();
        // The three directions are independent; each fills its lists and their members, while
        // the workers' column buffers are freed beside them.
        let (((rows, prefs), cols), ()) = rayon::join(
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || Lists::from_lists(rows, n_pos, Order::Score),
                            || Lists::from_lists(prefs, n_pos, Order::Preference),
                        )
                    },
                    || Lists::from_lists(cols, n_cands, Order::Score),
                )
            },
            || drop(buffers),
        );
        (self.rows, self.prefs, self.cols) = (rows, prefs, cols);
        true
    }
}

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

pub mod allocate;
mod explain;
mod index;
mod score;

use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering as AtomicOrdering};

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::model::{BoothId, Candidate, CandidateId, Fair, Position, PositionId, SkillDictionary};

pub use allocate::{Allocation, AllocationInstance, UnassignedReason};
pub use explain::{Explanation, Verdict, skill_names};
pub use score::Rule;
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

/// A pair as stored in a list: `other` is the position slot in a candidate's row, the
/// candidate slot in a position's column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    other: u32,
    fit: f32,
    appeal: f32,
    score: f32,
}

impl Entry {
    fn scored(other: u32, s: score::PairScore) -> Self {
        Self {
            other,
            fit: s.fit,
            appeal: s.appeal,
            score: s.score,
        }
    }
}

/// Ranking order: higher score first, then lower id. `ids` holds the ids themselves, or their
/// ranks in id order (same order, cheaper to compare).
#[inline]
fn rank_cmp<K: Ord>(a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| ids[a.other as usize].cmp(&ids[b.other as usize]))
}

/// Allocation order, a candidate's view: higher appeal, then higher fit, then lower position id.
#[inline]
fn pref_cmp<K: Ord>(a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
    b.appeal
        .total_cmp(&a.appeal)
        .then_with(|| b.fit.total_cmp(&a.fit))
        .then_with(|| ids[a.other as usize].cmp(&ids[b.other as usize]))
}

/// Which order a list keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Order {
    /// [`rank_cmp`]: the rankings shown to users.
    #[default]
    Score,
    /// [`pref_cmp`]: candidates' preferences in the allocation.
    Preference,
}

impl Order {
    #[inline]
    fn cmp<K: Ord>(self, a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
        match self {
            Order::Score => rank_cmp(a, b, ids),
            Order::Preference => pref_cmp(a, b, ids),
        }
    }
}

/// Length of each candidate's cached allocation-order prefix. Most candidates that get a
/// position get it within their first few choices; the rest are rescanned during allocation.
/// Unit tests use a short prefix so that their small fairs run past it often.
const PREF_CAP: usize = if cfg!(test) { 4 } else { 16 };

#[derive(Debug, Clone, Default)]
struct TopList {
    /// Best first; the exact best `entries.len()` of the row or column.
    entries: Vec<Entry>,
    /// True when `entries` holds every eligible pair of the row or column.
    complete: bool,
}

/// One direction of lists (rows: owner = candidate; columns: owner = position).
#[derive(Debug, Default)]
struct Lists {
    order: Order,
    lists: Vec<TopList>,
    /// Indexed by the other side's slot: the owners whose list contains it.
    members: Vec<Vec<u32>>,
    cache: Vec<OnceLock<Vec<Scored>>>,
}

impl Lists {
    /// Lists as built, one per owner, with their members.
    fn from_lists(lists: Vec<TopList>, others: usize, order: Order) -> Self {
        // Counted first, so that each member list is allocated once at its size.
        let mut sizes = vec![0u32; others];
        for e in lists.iter().flat_map(|list| &list.entries) {
            sizes[e.other as usize] += 1;
        }
        let mut members: Vec<Vec<u32>> = sizes.iter().map(|&n| Vec::with_capacity(n as usize)).collect();
        for (owner, list) in lists.iter().enumerate() {
            for e in &list.entries {
                members[e.other as usize].push(owner as u32);
            }
        }
        Self {
            order,
            cache: (0..lists.len()).map(|_| OnceLock::new()).collect(),
            lists,
            members,
        }
    }

    fn grow(&mut self, owners: usize, others: usize) {
        if self.lists.len() < owners {
            self.lists.resize_with(owners, TopList::default);
            self.cache.resize_with(owners, OnceLock::new);
        }
        if self.members.len() < others {
            self.members.resize_with(others, Vec::new);
        }
    }

    fn forget_member(&mut self, other: u32, owner: u32) {
        if self.order == Order::Preference {
            // Preference prefixes favor the same few appealing positions, whose member lists
            // grow long; searching them on every eviction would cost more than the edit. Such
            // lists may hold owners that no longer list `other` (users skip those) and are
            // compacted as they grow.
            return;
        }
        let m = &mut self.members[other as usize];
        if let Some(i) = m.iter().position(|&x| x == owner) {
            m.swap_remove(i);
        }
    }

    fn add_member(&mut self, other: u32, owner: u32) {
        let m = &mut self.members[other as usize];
        m.push(owner);
        if self.order == Order::Preference && m.len() >= 64 && m.len().is_power_of_two() {
            let lists = &self.lists;
            m.retain(|&o| lists[o as usize].entries.iter().any(|e| e.other == other));
            m.sort_unstable();
            m.dedup();
        }
    }

    /// Drops `other` from `owner`'s list; the caller has already dealt with `members`.
    fn drop_entry(&mut self, owner: u32, other: u32) {
        let list = &mut self.lists[owner as usize];
        if let Some(i) = list.entries.iter().position(|e| e.other == other) {
            list.entries.remove(i);
            self.cache[owner as usize] = OnceLock::new();
        }
    }

    /// Inserts when the entry is certainly among the best: the list is complete, or the entry
    /// ranks above the list's last entry (everything outside ranks below that).
    fn offer<K: Ord>(&mut self, owner: u32, entry: Entry, cap: usize, ids: &[K]) {
        let list = &mut self.lists[owner as usize];
        // Most offers rank below a full list's last entry: one comparison settles those.
        if !list.complete
            && list
                .entries
                .last()
                .is_none_or(|last| self.order.cmp(last, &entry, ids) == Ordering::Less)
        {
            return;
        }
        let at = list
            .entries
            .partition_point(|e| self.order.cmp(e, &entry, ids) == Ordering::Less);
        if at == list.entries.len() && !list.complete {
            return;
        }
        list.entries.insert(at, entry);
        let evicted = if list.entries.len() > cap {
            list.complete = false;
            list.entries.pop()
        } else {
            None
        };
        match evicted {
            // Inserted at the end of a full complete list and evicted again at once.
            Some(e) if e.other == entry.other => {}
            Some(e) => {
                self.add_member(entry.other, owner);
                self.forget_member(e.other, owner);
            }
            None => self.add_member(entry.other, owner),
        }
        self.cache[owner as usize] = OnceLock::new();
    }

    fn replace(&mut self, owner: u32, list: TopList) {
        let old = std::mem::replace(&mut self.lists[owner as usize], list);
        for e in &old.entries {
            self.forget_member(e.other, owner);
        }
        for i in 0..self.lists[owner as usize].entries.len() {
            let other = self.lists[owner as usize].entries[i].other;
            self.add_member(other, owner);
        }
        self.cache[owner as usize] = OnceLock::new();
    }

    fn needs_rescan(&self, owner: u32, k: usize) -> bool {
        let list = &self.lists[owner as usize];
        !list.complete && list.entries.len() < k
    }
}

/// Reusable counts for gathering the pairs that share a skill. Marked slots come back in
/// ascending order, so scoring walks the dense position records forwards.
#[derive(Debug, Default)]
struct Scratch {
    count: Vec<u32>,
    /// Bit per slot: counted since the last [`Scratch::take`].
    marks: Vec<u64>,
    bits: score::SkillBits,
    /// Made on first use, so that an empty `Scratch` (taken for every edit) costs nothing.
    block: Option<Box<score::Block>>,
    /// The marked slots of one row with their counts, in ascending order: one slot per
    /// position, of which a row uses a prefix.
    found: Vec<(u32, u32)>,
}

impl Scratch {
    /// Makes room for `size` slots; counts and marks are all zero between uses.
    fn begin(&mut self, size: usize) {
        if self.count.len() < size {
            self.count.resize(size, 0);
            self.marks.resize(size.div_ceil(64), 0);
        }
    }

    #[inline]
    fn add(&mut self, slot: u32, increment: u32) {
        let i = slot as usize;
        self.count[i] += increment;
        self.marks[i / 64] |= 1 << (i % 64);
    }

    /// Calls `f(slot, count)` for every marked slot in ascending order, leaving all zero.
    #[inline]
    fn take(count: &mut [u32], marks: &mut [u64], mut f: impl FnMut(u32, u32)) {
        for (w, word) in marks.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let slot = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                f(slot as u32, std::mem::take(&mut count[slot]));
            }
        }
    }
}

/// The pairs of one candidate's row an allocation rescan wants: those that could displace the
/// worst candidate a position holds.
struct Wanted<'a> {
    /// Per position slot, the [`score_key`] of the worst held (fit, candidate id rank): 0 while
    /// the position has room, `u64::MAX` when it has none.
    bars: &'a [u64],
    /// Per position slot, [`score::Weights::exact_needed`] for the fit of its bar: a pair of an
    /// unrated candidate with fewer exactly matched required skills cannot displace, and is
    /// dropped before its position's record is read.
    need_exact: &'a [u8],
    /// The candidate's id rank.
    rank: u32,
}

/// [`Wanted::need_exact`] for `bars`.
fn exact_needed_for(w: &score::Weights, hot: &[score::PosHot], bars: &[u64]) -> Vec<u8> {
    bars.iter()
        .zip(hot)
        .map(|(&bar, h)| match bar {
            0 => 0,
            u64::MAX => u8::MAX,
            _ => w.exact_needed(h.required_len, from_total_order_bits((bar >> 32) as u32)),
        })
        .collect()
}

impl Wanted<'_> {
    /// Whether a pair with this position and this fit could displace.
    #[inline]
    fn admits(&self, position: u32, fit: f32) -> bool {
        score_key(fit, self.rank) > self.bars[position as usize]
    }
}

/// Asks the CPU to bring `value` into cache ahead of its use.
#[inline(always)]
fn prefetch<T>(value: &T) {
    prefetch_at(value as *const T);
}

/// [`prefetch`] for an address that need not point at anything.
#[inline(always)]
fn prefetch_at<T>(address: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast());
    }
}

/// What one worker of the full build found: the rows and preference prefixes of each run of
/// candidates it took (with the run's first slot), and per position the pairs that beat the
/// shared bar when it scored them.
type WorkerResult = (Vec<(usize, Vec<TopList>, Vec<TopList>)>, Vec<Vec<Keyed>>);

/// Candidates a worker of the full build takes at a time: small enough that the workers finish
/// within a few milliseconds of each other, large enough that taking one costs nothing.
const BUILD_RUN: usize = 256;

/// A build between its two parts: the fair's records resolved to dense ids and indexed, no
/// lists yet. A background build lets go of the fair here, so that edits made while the lists
/// are ranked need not copy it.
#[derive(Debug)]
pub struct PreparedBuild(Matcher);

impl PreparedBuild {
    /// Ranks every list, as [`Matcher::build`] does; `None` when `cancel` is set before that
    /// ends (checked between runs of [`BUILD_RUN`] candidates), so that a build made useless
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

fn push_index(index: &mut Vec<Vec<u32>>, skill: u32, slot: u32) {
    let i = skill as usize;
    if index.len() <= i {
        index.resize_with(i + 1, Vec::new);
    }
    index[i].push(slot);
}

fn pull_index(index: &mut [Vec<u32>], skill: u32, slot: u32) {
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
fn summarize_candidate_visits(visits: &[&crate::model::Visit], ids: &mut impl score::Ids) -> Vec<score::BoothVisits> {
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

/// Sorts eligible entries best first and keeps `cap`; complete when nothing was cut.
fn top_of<K: Ord>(mut entries: Vec<Entry>, cap: usize, ids: &[K], order: Order) -> TopList {
    if entries.len() > cap {
        return top_of_slice(&mut entries, cap, ids, order);
    }
    entries.sort_unstable_by(|a, b| order.cmp(a, b, ids));
    TopList {
        entries,
        complete: true,
    }
}

/// Like [`top_of`], copying only the kept entries so that `entries`' buffer can be reused and a
/// long row never pins its whole capacity in a list.
fn top_of_slice<K: Ord>(entries: &mut [Entry], cap: usize, ids: &[K], order: Order) -> TopList {
    let complete = entries.len() <= cap;
    if !complete && cap > 0 {
        entries.select_nth_unstable_by(cap - 1, |a, b| order.cmp(a, b, ids));
    }
    let mut kept = entries[..entries.len().min(cap)].to_vec();
    kept.sort_unstable_by(|a, b| order.cmp(a, b, ids));
    TopList {
        entries: kept,
        complete,
    }
}

/// The inverse of [`total_order_bits`].
fn from_total_order_bits(bits: u32) -> f32 {
    f32::from_bits(if bits & 0x8000_0000 != 0 {
        bits & 0x7FFF_FFFF
    } else {
        !bits
    })
}

/// Bits of `x` as an unsigned integer in the order of `f32::total_cmp`.
#[inline]
fn total_order_bits(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

/// [`rank_cmp`] as one integer, larger first: the score, then the id rank reversed.
#[inline]
fn score_key(score: f32, rank: u32) -> u64 {
    (u64::from(total_order_bits(score)) << 32) | u64::from(!rank)
}

/// [`pref_cmp`] as one integer, larger first: appeal, fit, then the id rank reversed.
#[inline]
fn preference_key(appeal: f32, fit: f32, rank: u32) -> u128 {
    (u128::from(total_order_bits(appeal)) << 64) | (u128::from(total_order_bits(fit)) << 32) | u128::from(!rank)
}

/// Buckets of [`lead_bucket`]: enough for every score from 1 to 128 at 64 a doubling.
const LEAD_BUCKETS: usize = 512;

/// A coarse, order-keeping bucket of the float that leads a key (the score, or the appeal):
/// a larger bucket means a larger key. Values below 1 share bucket 0.
#[inline]
fn lead_bucket(lead: f32) -> usize {
    ((total_order_bits(lead) >> 17).saturating_sub(LEAD_ONE) as usize).min(LEAD_BUCKETS - 1)
}

/// `total_order_bits(1.0) >> 17`: leads from 1 up start at bucket 1.
const LEAD_ONE: u32 = (0x3F80_0000 | 0x8000_0000) >> 17;

/// How many entries of one row fall in each [`lead_bucket`] of their score and of their
/// appeal, counted while the row is scored.
#[derive(Debug)]
struct RowCounts {
    score: [u32; LEAD_BUCKETS],
    appeal: [u32; LEAD_BUCKETS],
}

impl RowCounts {
    fn new() -> Box<Self> {
        Box::new(Self {
            score: [0; LEAD_BUCKETS],
            appeal: [0; LEAD_BUCKETS],
        })
    }

    #[inline]
    fn add(&mut self, s: &score::PairScore) {
        self.score[lead_bucket(s.score)] += 1;
        self.appeal[lead_bucket(s.appeal)] += 1;
    }

    fn clear(&mut self) {
        self.score.fill(0);
        self.appeal.fill(0);
    }

    /// The counted row's best `cap` by [`score_key`] and its best `pref_cap` by
    /// [`preference_key`], the lists [`top_of_slice`] gives for those orders, with integer
    /// compares only; `pos_rank` gives the positions' id ranks.
    ///
    /// A long row keeps, for each order, only the entries in the buckets its best can come
    /// from, so that the selections, whose compares the CPU cannot predict, run on a few dozen
    /// entries instead of the whole row. One pass over the row sifts for both orders.
    fn tops(
        &self,
        row: &[Entry],
        (cap, pref_cap): (usize, usize),
        keyed: &mut KeyedRow,
        pos_rank: &[u32],
    ) -> (TopList, TopList) {
        let (by_score, by_preference) = (&mut keyed.by_score, &mut keyed.by_preference);
        let score_floor = LeadFloor::new(&self.score, cap);
        let preference_floor = LeadFloor::new(&self.appeal, pref_cap);
        by_score.resize(score_floor.kept + 1, (0, 0));
        by_preference.resize(preference_floor.kept + 1, (0, 0));
        // Branch-free: every entry's index is written, and each write position moves on only
        // for the entries that order keeps; one spare slot takes the writes past its last one.
        let (mut s, mut p) = (0, 0);
        for (i, e) in row.iter().enumerate() {
            by_score[s.min(score_floor.kept)].1 = i as u32;
            s += usize::from(score_floor.admits(e.score));
            by_preference[p.min(preference_floor.kept)].1 = i as u32;
            p += usize::from(preference_floor.admits(e.appeal));
        }
        let score_key = |e: &Entry| score_key(e.score, pos_rank[e.other as usize]);
        let preference_key = |e: &Entry| preference_key(e.appeal, e.fit, pos_rank[e.other as usize]);
        (
            best_of_kept(row, cap, by_score, score_floor.kept, score_key),
            best_of_kept(row, pref_cap, by_preference, preference_floor.kept, preference_key),
        )
    }
}

/// Row entries whose [`lead_bucket`] is at least the highest bucket that, with those above,
/// holds `cap` of them (bucket 0, and so every entry, when the row has no more than `cap`).
struct LeadFloor {
    /// [`total_order_bits`] of the least lead in the floor bucket.
    bits: u32,
    /// How many entries it keeps.
    kept: usize,
}

impl LeadFloor {
    fn new(counts: &[u32; LEAD_BUCKETS], cap: usize) -> Self {
        let mut kept = 0;
        for bucket in (1..LEAD_BUCKETS).rev() {
            kept += counts[bucket] as usize;
            if kept >= cap {
                return Self {
                    bits: (LEAD_ONE + bucket as u32) << 17,
                    kept,
                };
            }
        }
        Self {
            bits: 0,
            kept: kept + counts[0] as usize,
        }
    }

    /// Whether `lead` is in the floor bucket or above: [`lead_bucket`]'s test, without its
    /// subtraction and clamp.
    #[inline]
    fn admits(&self, lead: f32) -> bool {
        total_order_bits(lead) >= self.bits
    }
}

/// Reusable buffers of [`RowCounts::tops`]: the kept entries of a row with their keys.
#[derive(Debug, Default)]
struct KeyedRow {
    by_score: Vec<(u64, u32)>,
    by_preference: Vec<(u128, u32)>,
}

/// The best `cap` by `key` (larger first, keys distinct) of the `kept` row entries whose
/// indices start `keyed`, copied out; complete when the row has no more than `cap`.
fn best_of_kept<T: Ord + Copy>(
    row: &[Entry],
    cap: usize,
    keyed: &mut Vec<(T, u32)>,
    kept: usize,
    key: impl Fn(&Entry) -> T,
) -> TopList {
    keyed.truncate(kept);
    for k in keyed.iter_mut() {
        k.0 = key(&row[k.1 as usize]);
    }
    if keyed.len() > cap && cap > 0 {
        keyed.select_nth_unstable_by(cap - 1, |a, b| b.0.cmp(&a.0));
    }
    keyed.truncate(cap);
    keyed.sort_unstable_by_key(|k| Reverse(k.0));
    TopList {
        entries: keyed.iter().map(|&(_, i)| row[i as usize]).collect(),
        complete: row.len() <= cap,
    }
}

/// A column entry of the full build in 16 bytes, so that the column buffers, written all over,
/// touch fewer cache lines: its [`score_key`] above its fit and appeal. Ordered by the key
/// (distinct within a column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Keyed(u128);

impl Keyed {
    #[inline]
    fn new(key: u64, entry: &Entry) -> Self {
        Self(u128::from(key) << 64 | u128::from(entry.fit.to_bits()) << 32 | u128::from(entry.appeal.to_bits()))
    }

    #[inline]
    fn key(self) -> u64 {
        (self.0 >> 64) as u64
    }

    /// The entry back, its candidate found from the id rank in the key.
    fn entry(self, slot_of_rank: &[u32]) -> Entry {
        let key = self.key();
        Entry {
            other: slot_of_rank[!(key as u32) as usize],
            score: from_total_order_bits((key >> 32) as u32),
            fit: f32::from_bits((self.0 >> 32) as u32),
            appeal: f32::from_bits(self.0 as u32),
        }
    }
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

    fn index_position(&mut self, slot: u32, pos: &Pos) {
        self.skill_positions.insert(slot, &pos.hot, &pos.required);
    }

    fn unindex_position(&mut self, slot: u32) {
        let pos = &self.poss[slot as usize];
        self.skill_positions.remove(slot, &pos.hot, &pos.required);
    }

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

    /// Eligible pairs of one candidate (unsorted).
    fn score_row(&self, c: u32, scratch: &mut Scratch, out: &mut Vec<Entry>) {
        self.score_row_where(c, scratch, out, None);
    }

    /// Like [`Matcher::score_row`], but when `wanted` is given, pairs whose fit it does not
    /// admit are left out without their appeal being computed.
    fn score_row_where(&self, c: u32, scratch: &mut Scratch, out: &mut Vec<Entry>, wanted: Option<&Wanted>) {
        self.score_row_with(c, scratch, wanted, |p, s| out.push(Entry::scored(p, s)));
    }

    /// Calls `emit(position slot, scores)` for each eligible pair of candidate `c` (that `wanted`
    /// admits, when given), in ascending slot order.
    #[inline(always)]
    fn score_row_with(
        &self,
        c: u32,
        scratch: &mut Scratch,
        wanted: Option<&Wanted>,
        mut emit: impl FnMut(u32, score::PairScore),
    ) {
        let cand = &self.cands[c as usize];
        if !cand.alive {
            return;
        }
        scratch.begin(self.poss.len());
        let (modes, education) = (cand.mode_rank, cand.education);
        for &s in cand.skills.iter() {
            let inc = score::exact_increment(self.dict_len, s);
            for list in self.skill_positions.reachable(Some(s), modes, education) {
                for &p in list {
                    scratch.add(p, inc);
                }
            }
        }
        for list in self.skill_positions.reachable(None, modes, education) {
            for &p in list {
                scratch.add(p, 0);
            }
        }
        let Scratch {
            count,
            marks,
            bits,
            block,
            found,
        } = scratch;
        let w = &self.weights;
        bits.set(&cand.skills);
        let block = block.get_or_insert_with(score::Block::new);
        block.begin(cand);
        if found.len() < self.poss.len() {
            found.resize(self.poss.len(), (0, 0));
        }
        // Every marked slot is written, and the end moves on past those kept: no branch.
        let mut kept = 0;
        match wanted {
            // A rating moves the fit by the booth's bonus, which the bound leaves out.
            Some(wanted) if cand.visits.iter().all(|v| v.rating.is_none()) => {
                // About half the pairs fall short here, in no order the CPU could predict.
                Scratch::take(count, marks, |p, exact| {
                    found[kept] = (p, exact);
                    kept += usize::from(exact & 0xFFFF >= u32::from(wanted.need_exact[p as usize]));
                })
            }
            _ => Scratch::take(count, marks, |p, exact| {
                found[kept] = (p, exact);
                kept += 1;
            }),
        }
        let found = &found[..kept];
        match wanted {
            None => {
                self.for_each_passing(cand, found, |p, exact, hot, pos, rating| {
                    if block.push(p, &score::inputs(w, cand, &*bits, hot, pos, exact, rating)) {
                        block.flush(w, &mut emit);
                    }
                });
                block.flush(w, &mut emit);
            }
            Some(wanted) => {
                // The fit alone rules out most pairs, so only the admitted ones are scored in
                // full, one by one.
                let mut admitted = |p: u32, exact: u32, fit: f32| {
                    if wanted.admits(p, fit) {
                        let i = p as usize;
                        if let Ok(s) = score::evaluate(w, cand, &*bits, &self.pos_hot[i], &self.poss[i], exact) {
                            emit(p, s);
                        }
                    }
                };
                self.for_each_passing(cand, found, |p, exact, hot, pos, rating| {
                    if block.push_fit(p, exact, &score::fit_inputs(w, cand, &*bits, hot, pos, exact, rating)) {
                        block.flush_fit(w, &mut admitted);
                    }
                });
                block.flush_fit(w, &mut admitted);
            }
        }
        bits.clear(&cand.skills);
    }

    /// Calls `f(slot, exact, record, position, rating)` for each gathered `(slot, exact)` pair
    /// of `cand` that passes [`score::hard_rules`], in order.
    #[inline(always)]
    fn for_each_passing(
        &self,
        cand: &score::Cand,
        found: &[(u32, u32)],
        mut f: impl FnMut(u32, u32, &score::PosHot, &score::Pos, Option<u8>),
    ) {
        // Records are read in ascending but scattered order, too sparse for the hardware to
        // foresee: ask for them a few pairs ahead.
        const AHEAD: usize = 12;
        for (j, &(p, exact)) in found.iter().enumerate() {
            if let Some(&(ahead, _)) = found.get(j + AHEAD) {
                prefetch(&self.pos_hot[ahead as usize]);
            }
            let i = p as usize;
            let (hot, pos) = (&self.pos_hot[i], &self.poss[i]);
            if let Ok(rating) = score::hard_rules_at(cand, hot, self.pos_booth[i], pos, exact) {
                f(p, exact, hot, pos, rating);
            }
        }
    }

    /// Eligible pairs of one position (unsorted).
    fn score_col(&self, p: u32, scratch: &mut Scratch, out: &mut Vec<Entry>) {
        let pos = &self.poss[p as usize];
        if !pos.alive {
            return;
        }
        let mut consider = |c: u32, exact: u32| {
            let cand = &self.cands[c as usize];
            if let Ok(s) = score::evaluate(&self.weights, cand, &*cand.skills, &pos.hot, pos, exact) {
                out.push(Entry::scored(c, s));
            }
        };
        if pos.required.is_empty() {
            for (c, cand) in self.cands.iter().enumerate() {
                if cand.alive {
                    consider(c as u32, 0);
                }
            }
            return;
        }
        scratch.begin(self.cands.len());
        for &s in pos.required.iter() {
            if let Some(list) = self.skill_candidates.get(s as usize) {
                let inc = score::exact_increment(self.dict_len, s);
                for &c in list {
                    scratch.add(c, inc);
                }
            }
        }
        Scratch::take(&mut scratch.count, &mut scratch.marks, consider);
    }

    /// Full recompute of both directions: rows scored by parallel workers, each also collecting
    /// the best pairs of every position, merged at the end. False, with the lists left as they
    /// were, when `cancel` is set before it ends.
    fn compute_all(&mut self, cancel: &AtomicBool) -> bool {
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

    /// Replaces candidate `c`'s score-ordered and preference-ordered lists from its full row.
    fn set_row_lists(&mut self, c: u32, mut row: Vec<Entry>) {
        let prefix = top_of_slice(&mut row, PREF_CAP, &self.pos_ids, Order::Preference);
        self.prefs.replace(c, prefix);
        let list = top_of(row, self.cap, &self.pos_ids, Order::Score);
        self.rows.replace(c, list);
    }

    fn rescan_row(&mut self, c: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut out = Vec::new();
        self.score_row(c, &mut scratch, &mut out);
        self.scratch = scratch;
        self.set_row_lists(c, out);
    }

    fn rescan_col(&mut self, p: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut out = Vec::new();
        self.score_col(p, &mut scratch, &mut out);
        self.scratch = scratch;
        let list = top_of(out, self.cap, &self.cand_ids, Order::Score);
        self.cols.replace(p, list);
    }

    /// Re-ranks after candidate `c`'s data changed (or it was added or removed): its row is
    /// rescored, and each position's column loses the old pair and is offered the new one.
    fn update_candidate(&mut self, c: u32) {
        let old_cols = std::mem::take(&mut self.cols.members[c as usize]);
        for &p in &old_cols {
            self.cols.drop_entry(p, c);
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut row = Vec::new();
        self.score_row(c, &mut scratch, &mut row);
        self.scratch = scratch;
        for e in &row {
            let col_entry = Entry { other: c, ..*e };
            self.cols.offer(e.other, col_entry, self.cap, &self.cand_ids);
        }
        for &p in &old_cols {
            if self.cols.needs_rescan(p, self.k) {
                self.rescan_col(p);
            }
        }
        self.set_row_lists(c, row);
    }

    /// Re-ranks after position `p`'s data changed (or it was added or removed): the mirror of
    /// [`Matcher::update_candidate`], with the preference prefixes kept alongside the rows.
    fn update_position(&mut self, p: u32) {
        let old_rows = std::mem::take(&mut self.rows.members[p as usize]);
        for &c in &old_rows {
            self.rows.drop_entry(c, p);
        }
        let old_prefs = std::mem::take(&mut self.prefs.members[p as usize]);
        for &c in &old_prefs {
            self.prefs.drop_entry(c, p);
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut col = Vec::new();
        self.score_col(p, &mut scratch, &mut col);
        self.scratch = scratch;
        for e in &col {
            let row_entry = Entry { other: p, ..*e };
            self.rows.offer(e.other, row_entry, self.cap, &self.pos_ids);
            self.prefs.offer(e.other, row_entry, PREF_CAP, &self.pos_ids);
        }
        for &c in old_rows.iter().chain(&old_prefs) {
            if self.rows.needs_rescan(c, self.k) || self.prefs.needs_rescan(c, 1) {
                self.rescan_row(c);
            }
        }
        let list = top_of(col, self.cap, &self.cand_ids, Order::Score);
        self.cols.replace(p, list);
    }

    /// Finds `id` in the fair, using the index it had last time, else a scan that refreshes all hints.
    fn find_candidate<'f>(&mut self, fair: &'f Fair, id: &CandidateId) -> Option<&'f Candidate> {
        if let Some(&slot) = self.cand_slot.get(id)
            && let Some(c) = fair.candidates.get(self.cand_hint[slot as usize])
            && &c.id == id
        {
            return Some(c);
        }
        let mut found = None;
        // Backwards so that with duplicate ids the first occurrence wins, as in `build`.
        for (i, c) in fair.candidates.iter().enumerate().rev() {
            if let Some(&slot) = self.cand_slot.get(&c.id) {
                self.cand_hint[slot as usize] = i;
            }
            if &c.id == id {
                found = Some(c);
            }
        }
        found
    }

    fn find_position<'f>(&mut self, fair: &'f Fair, id: &PositionId) -> Option<&'f Position> {
        if let Some(&slot) = self.pos_slot.get(id)
            && let Some(p) = fair.positions.get(self.pos_hint[slot as usize])
            && &p.id == id
        {
            return Some(p);
        }
        let mut found = None;
        for (i, p) in fair.positions.iter().enumerate().rev() {
            if let Some(&slot) = self.pos_slot.get(&p.id) {
                self.pos_hint[slot as usize] = i;
            }
            if &p.id == id {
                found = Some(p);
            }
        }
        found
    }

    fn fair_index_of_candidate(fair: &Fair, id: &CandidateId) -> usize {
        fair.candidates.iter().position(|c| &c.id == id).unwrap_or(0)
    }

    fn fair_index_of_position(fair: &Fair, id: &PositionId) -> usize {
        fair.positions.iter().position(|p| &p.id == id).unwrap_or(0)
    }

    fn grow_lists(&mut self) {
        let (nc, np) = (self.cands.len(), self.poss.len());
        self.rows.grow(nc, np);
        self.cols.grow(np, nc);
        self.prefs.grow(nc, np);
    }

    /// A candidate was edited, added or removed (absent from `fair` means removed).
    pub fn candidate_changed(&mut self, fair: &Fair, candidate: &CandidateId) {
        let found = self.find_candidate(fair, candidate);
        let slot = self.cand_slot.get(candidate).copied();
        match (found, slot) {
            (None, None) => {}
            (None, Some(c)) => {
                for &s in self.cands[c as usize].skills.iter() {
                    pull_index(&mut self.skill_candidates, s, c);
                }
                self.cands[c as usize].alive = false;
                self.cand_slot.remove(candidate);
                self.update_candidate(c);
            }
            (Some(data), Some(c)) => {
                let visits = std::mem::take(&mut self.cands[c as usize].visits);
                let cand = score::resolve_candidate(self.dict, &mut self.interner, data, visits);
                let old = std::mem::replace(&mut self.cands[c as usize], cand);
                if old.skills != self.cands[c as usize].skills {
                    for &s in old.skills.iter() {
                        pull_index(&mut self.skill_candidates, s, c);
                    }
                    for &s in self.cands[c as usize].skills.clone().iter() {
                        push_index(&mut self.skill_candidates, s, c);
                    }
                }
                self.update_candidate(c);
            }
            (Some(data), None) => {
                let visits: Vec<&crate::model::Visit> =
                    fair.visits.iter().filter(|v| &v.candidate == candidate).collect();
                let summaries = summarize_candidate_visits(&visits, &mut self.interner);
                let cand = score::resolve_candidate(self.dict, &mut self.interner, data, summaries);
                let c = self.cands.len() as u32;
                for &s in cand.skills.iter() {
                    push_index(&mut self.skill_candidates, s, c);
                }
                self.cands.push(cand);
                self.cand_ids.push(candidate.clone());
                self.ranks = OnceLock::new();
                self.cand_slot.insert(candidate.clone(), c);
                self.cand_hint.push(Self::fair_index_of_candidate(fair, candidate));
                self.grow_lists();
                self.update_candidate(c);
            }
        }
    }

    /// A position was edited, added or removed (absent from `fair` means removed).
    pub fn position_changed(&mut self, fair: &Fair, position: &PositionId) {
        let found = self.find_position(fair, position);
        let slot = self.pos_slot.get(position).copied();
        match (found, slot) {
            (None, None) => {}
            (None, Some(p)) => {
                self.unindex_position(p);
                self.poss[p as usize].alive = false;
                self.pos_slot.remove(position);
                self.update_position(p);
            }
            (Some(data), Some(p)) => {
                let pos = score::resolve_position(self.dict, &mut self.interner, data);
                self.unindex_position(p);
                self.index_position(p, &pos);
                self.pos_hot[p as usize] = pos.hot;
                self.pos_booth[p as usize] = pos.booth;
                self.poss[p as usize] = pos;
                self.update_position(p);
            }
            (Some(data), None) => {
                let pos = score::resolve_position(self.dict, &mut self.interner, data);
                let p = self.poss.len() as u32;
                self.index_position(p, &pos);
                self.pos_hot.push(pos.hot);
                self.pos_booth.push(pos.booth);
                self.poss.push(pos);
                self.pos_ids.push(position.clone());
                self.ranks = OnceLock::new();
                self.pos_slot.insert(position.clone(), p);
                self.pos_hint.push(Self::fair_index_of_position(fair, position));
                self.grow_lists();
                self.update_position(p);
            }
        }
    }

    /// A booth was edited or removed. Scores do not read booth fields, but positions may have
    /// been moved along with it, so every position naming this booth (before or after) is redone.
    pub fn booth_changed(&mut self, fair: &Fair, booth: &BoothId) {
        let mut ids: Vec<PositionId> = fair
            .positions
            .iter()
            .filter(|p| &p.booth == booth)
            .map(|p| p.id.clone())
            .collect();
        let booth_key = self.interner.booth(booth);
        for (slot, pos) in self.poss.iter().enumerate() {
            if pos.alive && pos.booth == booth_key {
                ids.push(self.pos_ids[slot].clone());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            self.position_changed(fair, &id);
        }
    }

    /// Visits of `candidate` at `booth` were added, edited or removed.
    pub fn visits_changed(&mut self, fair: &Fair, candidate: &CandidateId, booth: &BoothId) {
        let Some(&c) = self.cand_slot.get(candidate) else {
            return;
        };
        let booth_key = self.interner.booth(booth);
        let summary = score::summarize_visits(
            booth_key,
            fair.visits
                .iter()
                .filter(|v| &v.candidate == candidate && &v.booth == booth),
        );
        let visits = &mut self.cands[c as usize].visits;
        visits.retain(|v| v.booth != booth_key);
        visits.extend(summary);
        self.update_candidate(c);
    }

    /// Weights, thresholds or K changed: the one edit that recomputes everything.
    pub fn settings_changed(&mut self, fair: &Fair) {
        *self = Self::build_with(fair, self.dict);
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

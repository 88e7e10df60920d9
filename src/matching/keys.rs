//! Lists as integer keys: scores and preferences packed into integers that sort like the list
//! orders, so that the full build selects a row's or column's best with integer compares, and
//! the buckets that let it select among a few dozen entries instead of a whole row.

use std::cmp::Reverse;

use super::lists::{Entry, TopList};
use super::score;

/// The inverse of [`total_order_bits`].
pub(super) fn from_total_order_bits(bits: u32) -> f32 {
    f32::from_bits(if bits & 0x8000_0000 != 0 {
        bits & 0x7FFF_FFFF
    } else {
        !bits
    })
}

/// Bits of `x` as an unsigned integer in the order of `f32::total_cmp`.
#[inline]
pub(super) fn total_order_bits(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

/// [`rank_cmp`] as one integer, larger first: the score, then the id rank reversed.
#[inline]
pub(super) fn score_key(score: f32, rank: u32) -> u64 {
    (u64::from(total_order_bits(score)) << 32) | u64::from(!rank)
}

/// [`pref_cmp`] as one integer, larger first: appeal, fit, then the id rank reversed.
#[inline]
pub(super) fn preference_key(appeal: f32, fit: f32, rank: u32) -> u128 {
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
pub(super) struct RowCounts {
    score: [u32; LEAD_BUCKETS],
    appeal: [u32; LEAD_BUCKETS],
}

impl RowCounts {
    pub(super) fn new() -> Box<Self> {
        Box::new(Self {
            score: [0; LEAD_BUCKETS],
            appeal: [0; LEAD_BUCKETS],
        })
    }

    #[inline]
    pub(super) fn add(&mut self, s: &score::PairScore) {
        self.score[lead_bucket(s.score)] += 1;
        self.appeal[lead_bucket(s.appeal)] += 1;
    }

    pub(super) fn clear(&mut self) {
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
    pub(super) fn tops(
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
pub(super) struct KeyedRow {
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
pub(super) struct Keyed(u128);

impl Keyed {
    #[inline]
    pub(super) fn new(key: u64, entry: &Entry) -> Self {
        Self(u128::from(key) << 64 | u128::from(entry.fit.to_bits()) << 32 | u128::from(entry.appeal.to_bits()))
    }

    #[inline]
    pub(super) fn key(self) -> u64 {
        (self.0 >> 64) as u64
    }

    /// The entry back, its candidate found from the id rank in the key.
    pub(super) fn entry(self, slot_of_rank: &[u32]) -> Entry {
        let key = self.key();
        Entry {
            other: slot_of_rank[!(key as u32) as usize],
            score: from_total_order_bits((key >> 32) as u32),
            fit: f32::from_bits((self.0 >> 32) as u32),
            appeal: f32::from_bits(self.0 as u32),
        }
    }
}

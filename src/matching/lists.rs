//! The top lists: a pair as stored, the two orders a list keeps, and one direction of lists
//! with the index of which lists hold each slot, kept exact as single pairs come and go.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::{Scored, score};

/// A pair as stored in a list: `other` is the position slot in a candidate's row, the
/// candidate slot in a position's column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Entry {
    pub(super) other: u32,
    pub(super) fit: f32,
    pub(super) appeal: f32,
    pub(super) score: f32,
}

impl Entry {
    pub(super) fn scored(other: u32, s: score::PairScore) -> Self {
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
pub(super) fn rank_cmp<K: Ord>(a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| ids[a.other as usize].cmp(&ids[b.other as usize]))
}

/// Allocation order, a candidate's view: higher appeal, then higher fit, then lower position id.
#[inline]
pub(super) fn pref_cmp<K: Ord>(a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
    b.appeal
        .total_cmp(&a.appeal)
        .then_with(|| b.fit.total_cmp(&a.fit))
        .then_with(|| ids[a.other as usize].cmp(&ids[b.other as usize]))
}

/// Which order a list keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Order {
    /// [`rank_cmp`]: the rankings shown to users.
    #[default]
    Score,
    /// [`pref_cmp`]: candidates' preferences in the allocation.
    Preference,
}

impl Order {
    #[inline]
    pub(super) fn cmp<K: Ord>(self, a: &Entry, b: &Entry, ids: &[K]) -> Ordering {
        match self {
            Order::Score => rank_cmp(a, b, ids),
            Order::Preference => pref_cmp(a, b, ids),
        }
    }
}

/// Length of each candidate's cached allocation-order prefix. Most candidates that get a
/// position get it within their first few choices; the rest are rescanned during allocation.
/// Unit tests use a short prefix so that their small fairs run past it often.
pub(super) const PREF_CAP: usize = if cfg!(test) { 4 } else { 16 };

#[derive(Debug, Clone, Default)]
pub(super) struct TopList {
    /// Best first; the exact best `entries.len()` of the row or column.
    pub(super) entries: Vec<Entry>,
    /// True when `entries` holds every eligible pair of the row or column.
    pub(super) complete: bool,
}

/// One direction of lists (rows: owner = candidate; columns: owner = position).
#[derive(Debug, Default)]
pub(super) struct Lists {
    order: Order,
    pub(super) lists: Vec<TopList>,
    /// Indexed by the other side's slot: the owners whose list contains it.
    pub(super) members: Vec<Vec<u32>>,
    pub(super) cache: Vec<OnceLock<Vec<Scored>>>,
}

impl Lists {
    /// Lists as built, one per owner, with their members.
    pub(super) fn from_lists(lists: Vec<TopList>, others: usize, order: Order) -> Self {
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

    pub(super) fn grow(&mut self, owners: usize, others: usize) {
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
    pub(super) fn drop_entry(&mut self, owner: u32, other: u32) {
        let list = &mut self.lists[owner as usize];
        if let Some(i) = list.entries.iter().position(|e| e.other == other) {
            list.entries.remove(i);
            self.cache[owner as usize] = OnceLock::new();
        }
    }

    /// Inserts when the entry is certainly among the best: the list is complete, or the entry
    /// ranks above the list's last entry (everything outside ranks below that).
    pub(super) fn offer<K: Ord>(&mut self, owner: u32, entry: Entry, cap: usize, ids: &[K]) {
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

    pub(super) fn replace(&mut self, owner: u32, list: TopList) {
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

    pub(super) fn needs_rescan(&self, owner: u32, k: usize) -> bool {
        let list = &self.lists[owner as usize];
        !list.complete && list.entries.len() < k
    }
}

/// Sorts eligible entries best first and keeps `cap`; complete when nothing was cut.
pub(super) fn top_of<K: Ord>(mut entries: Vec<Entry>, cap: usize, ids: &[K], order: Order) -> TopList {
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
pub(super) fn top_of_slice<K: Ord>(entries: &mut [Entry], cap: usize, ids: &[K], order: Order) -> TopList {
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

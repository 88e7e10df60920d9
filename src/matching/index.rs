//! Required skill → positions, split by work mode and sorted by minimum education, so that a
//! candidate's row only gathers positions the hard rules leave open to it.

use super::score::PosHot;

/// Education levels a position's minimum can take (`Education::level`, 0..=4); a minimum
/// outside that range is kept with the nearest one, which the hard rules still check.
const LEVELS: usize = 5;

/// The positions of one (skill, work mode): slots sorted by (minimum education, slot), and
/// where each minimum's run ends, so that the positions open to an education level are one
/// prefix found with one read (a binary search there was a chain of cache misses per row).
#[derive(Debug, Default, Clone)]
struct ByEducation {
    slots: Vec<u32>,
    /// `ends[l]`: how many slots have a minimum of at most `l`.
    ends: [u32; LEVELS],
}

impl ByEducation {
    fn level(min_education: i8) -> usize {
        usize::try_from(min_education).unwrap_or(0).min(LEVELS - 1)
    }

    /// The run of slots with minimum `level`.
    fn run(&self, level: usize) -> std::ops::Range<usize> {
        let start = if level == 0 { 0 } else { self.ends[level - 1] as usize };
        start..self.ends[level] as usize
    }

    fn insert(&mut self, slot: u32, min_education: i8) {
        let level = Self::level(min_education);
        let run = self.run(level);
        let at = run.start + self.slots[run].partition_point(|&s| s < slot);
        self.slots.insert(at, slot);
        for end in &mut self.ends[level..] {
            *end += 1;
        }
    }

    fn remove(&mut self, slot: u32, min_education: i8) {
        let level = Self::level(min_education);
        let run = self.run(level);
        if let Ok(i) = self.slots[run.clone()].binary_search(&slot) {
            self.slots.remove(run.start + i);
            for end in &mut self.ends[level..] {
                *end -= 1;
            }
        }
    }

    /// Slots whose minimum is at most one level above `education`.
    #[inline]
    fn open_to(&self, education: i32) -> &[u32] {
        // Education more than one level below the minimum is ineligible.
        let limit = education.saturating_add(1);
        let end = match usize::try_from(limit) {
            Ok(l) => self.ends[l.min(LEVELS - 1)] as usize,
            Err(_) => 0,
        };
        &self.slots[..end]
    }
}

/// Positions of one skill (or of no skill), one list per work mode.
type ByMode = [ByEducation; 4];

#[derive(Debug, Default, Clone)]
pub(crate) struct PositionIndex {
    by_skill: Vec<ByMode>,
    /// Positions with no required skill: open to every candidate's skills.
    open: ByMode,
}

impl PositionIndex {
    pub fn insert(&mut self, slot: u32, hot: &PosHot, required: &[u32]) {
        let mode = hot.mode_index();
        if required.is_empty() {
            self.open[mode].insert(slot, hot.min_education);
        }
        for &s in required {
            let s = s as usize;
            if self.by_skill.len() <= s {
                self.by_skill.resize_with(s + 1, ByMode::default);
            }
            self.by_skill[s][mode].insert(slot, hot.min_education);
        }
    }

    /// Undoes [`PositionIndex::insert`]; `hot` and `required` must be what was inserted.
    pub fn remove(&mut self, slot: u32, hot: &PosHot, required: &[u32]) {
        let mode = hot.mode_index();
        if required.is_empty() {
            self.open[mode].remove(slot, hot.min_education);
        }
        for &s in required {
            if let Some(lists) = self.by_skill.get_mut(s as usize) {
                lists[mode].remove(slot, hot.min_education);
            }
        }
    }

    /// Positions requiring `skill` (or, with `None`, requiring nothing) that a candidate with
    /// these accepted modes and this education level is not ruled out of by mode or education.
    #[inline]
    pub fn reachable(&self, skill: Option<u32>, mode_rank: [u8; 4], education: i32) -> impl Iterator<Item = &[u32]> {
        let lists = match skill {
            None => Some(&self.open),
            Some(s) => self.by_skill.get(s as usize),
        };
        lists.into_iter().flat_map(move |lists| {
            lists
                .iter()
                .zip(mode_rank)
                .filter(|&(_, rank)| rank != 0)
                .map(move |(list, _)| list.open_to(education))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_prefix_holds_minimums_up_to_one_level_above() {
        let mut list = ByEducation::default();
        // (slot, minimum), inserted out of order, one minimum out of range on each side.
        for (slot, min) in [(7, 2), (3, 0), (9, 4), (1, 2), (5, 1), (4, 3), (8, -1), (2, 9)] {
            list.insert(slot, min);
        }
        assert_eq!(list.slots, vec![3, 8, 5, 1, 7, 4, 2, 9]);
        assert_eq!(list.open_to(-2), &[] as &[u32]);
        assert_eq!(list.open_to(-1), &[3, 8]);
        assert_eq!(list.open_to(0), &[3, 8, 5]);
        assert_eq!(list.open_to(1), &[3, 8, 5, 1, 7]);
        assert_eq!(list.open_to(2), &[3, 8, 5, 1, 7, 4]);
        assert_eq!(list.open_to(3), &[3, 8, 5, 1, 7, 4, 2, 9]);
        assert_eq!(list.open_to(i32::MAX), &[3, 8, 5, 1, 7, 4, 2, 9]);
        list.remove(7, 2);
        list.remove(8, -1);
        list.remove(6, 2); // not there: nothing changes
        assert_eq!(list.slots, vec![3, 5, 1, 4, 2, 9]);
        assert_eq!(list.open_to(1), &[3, 5, 1]);
        assert_eq!(list.ends, [1, 2, 3, 4, 6]);
    }
}

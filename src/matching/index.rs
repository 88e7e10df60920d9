//! Required skill → positions, split by work mode and sorted by minimum education, so that a
//! candidate's row only gathers positions the hard rules leave open to it.

use super::score::PosHot;

/// Positions of one skill (or of no skill), one list per work mode.
type ByMode = [Vec<(i8, u32)>; 4];

#[derive(Debug, Default, Clone)]
pub(crate) struct PositionIndex {
    /// `by_skill[skill][mode]`: (minimum education, position slot), sorted.
    by_skill: Vec<ByMode>,
    /// Positions with no required skill: open to every candidate's skills.
    open: ByMode,
}

impl PositionIndex {
    pub fn insert(&mut self, slot: u32, hot: &PosHot, required: &[u32]) {
        let key = (hot.min_education, slot);
        let mode = hot.mode_index();
        if required.is_empty() {
            insert_sorted(&mut self.open[mode], key);
        }
        for &s in required {
            let s = s as usize;
            if self.by_skill.len() <= s {
                self.by_skill.resize_with(s + 1, ByMode::default);
            }
            insert_sorted(&mut self.by_skill[s][mode], key);
        }
    }

    /// Undoes [`PositionIndex::insert`]; `hot` and `required` must be what was inserted.
    pub fn remove(&mut self, slot: u32, hot: &PosHot, required: &[u32]) {
        let key = (hot.min_education, slot);
        let mode = hot.mode_index();
        if required.is_empty() {
            remove_sorted(&mut self.open[mode], key);
        }
        for &s in required {
            if let Some(lists) = self.by_skill.get_mut(s as usize) {
                remove_sorted(&mut lists[mode], key);
            }
        }
    }

    /// Positions requiring `skill` (or, with `None`, requiring nothing) that a candidate with
    /// these accepted modes and this education level is not ruled out of by mode or education.
    #[inline]
    pub fn reachable(
        &self,
        skill: Option<u32>,
        mode_rank: [u8; 4],
        education: i32,
    ) -> impl Iterator<Item = &[(i8, u32)]> {
        let lists = match skill {
            None => Some(&self.open),
            Some(s) => self.by_skill.get(s as usize),
        };
        lists.into_iter().flat_map(move |lists| {
            lists
                .iter()
                .zip(mode_rank)
                .filter(|&(_, rank)| rank != 0)
                .map(move |(list, _)| {
                    // Education more than one level below the minimum is ineligible.
                    let end = list.partition_point(|&(min, _)| i32::from(min) <= education + 1);
                    &list[..end]
                })
        })
    }
}

fn insert_sorted(list: &mut Vec<(i8, u32)>, key: (i8, u32)) {
    let at = list.partition_point(|&k| k < key);
    list.insert(at, key);
}

fn remove_sorted(list: &mut Vec<(i8, u32)>, key: (i8, u32)) {
    if let Ok(at) = list.binary_search(&key) {
        list.remove(at);
    }
}

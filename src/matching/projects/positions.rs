//! Which positions count for which booth, and where each is in the fair, so that a booth can be
//! redone from its own positions instead of a scan of all of them.

use rustc_hash::FxHashMap;

use crate::model::{BoothId, Fair, Position, PositionId};

/// Every position (the first of a duplicated id, as the matcher counts it) by the booth it names,
/// whether or not that booth exists, so a booth added later finds its positions.
#[derive(Clone, Default)]
pub(super) struct BoothPositions {
    /// Where each position was in `fair.positions` when last seen; checked before use.
    hint: FxHashMap<PositionId, usize>,
    booth_of: FxHashMap<PositionId, BoothId>,
    of_booth: FxHashMap<BoothId, Vec<PositionId>>,
}

impl BoothPositions {
    pub(super) fn build(fair: &Fair) -> BoothPositions {
        let mut map = BoothPositions::default();
        for (i, p) in fair.positions.iter().enumerate() {
            if map.hint.contains_key(&p.id) {
                continue;
            }
            map.hint.insert(p.id.clone(), i);
            map.join(&p.id, &p.booth);
        }
        map
    }

    /// Whether the position at `index` counts: with duplicate ids only the first does, as in
    /// the candidate matcher.
    pub(super) fn counts(&self, index: usize, id: &PositionId) -> bool {
        self.hint.get(id) == Some(&index)
    }

    /// Position `id` was added, edited or removed: returns the booths it left and joined.
    pub(super) fn moved(&mut self, fair: &Fair, id: &PositionId, refreshed: &mut bool) -> [Option<BoothId>; 2] {
        let left = self.booth_of.remove(id);
        if let Some(booth) = &left
            && let Some(ids) = self.of_booth.get_mut(booth)
        {
            ids.retain(|p| p != id);
        }
        let joined = self.find(fair, id, refreshed).map(|p| p.booth.clone());
        if let Some(booth) = &joined {
            self.join(id, booth);
        }
        [left, joined]
    }

    /// The positions that count for `booth`, in the fair's order.
    pub(super) fn of<'f>(&mut self, fair: &'f Fair, booth: &BoothId, refreshed: &mut bool) -> Vec<&'f Position> {
        let ids = self.of_booth.get(booth).cloned().unwrap_or_default();
        let mut found: Vec<(usize, &Position)> = Vec::with_capacity(ids.len());
        for id in &ids {
            if let Some(p) = self.find(fair, id, refreshed)
                && &p.booth == booth
                && let Some(&i) = self.hint.get(id)
            {
                found.push((i, p));
            }
        }
        // Cities are listed in the order positions come, as a build lists them.
        found.sort_unstable_by_key(|(i, _)| *i);
        found.into_iter().map(|(_, p)| p).collect()
    }

    fn join(&mut self, id: &PositionId, booth: &BoothId) {
        self.booth_of.insert(id.clone(), booth.clone());
        self.of_booth.entry(booth.clone()).or_default().push(id.clone());
    }

    /// Finds position `id` where it was last time, else by one scan per update that refreshes
    /// every hint (after which a miss means the position is gone).
    fn find<'f>(&mut self, fair: &'f Fair, id: &PositionId, refreshed: &mut bool) -> Option<&'f Position> {
        if let Some(&i) = self.hint.get(id)
            && let Some(p) = fair.positions.get(i)
            && &p.id == id
        {
            return Some(p);
        }
        if *refreshed {
            return None;
        }
        *refreshed = true;
        self.hint.clear();
        for (i, p) in fair.positions.iter().enumerate() {
            if !self.hint.contains_key(&p.id) {
                self.hint.insert(p.id.clone(), i);
            }
        }
        self.hint.get(id).and_then(|&i| fair.positions.get(i))
    }
}

//! Records appended in one step (a CSV import) and their removal by id (its undo).

use std::collections::HashSet;

use super::taken;
use crate::app::search::SearchKey;
use crate::app::{AppState, Edit, EditError, EditName};
use crate::model::{Booth, BoothId, Candidate, CandidateId, Position, PositionId};

impl AppState {
    pub(super) fn append(
        &mut self,
        name: EditName,
        booths: Vec<Booth>,
        positions: Vec<Position>,
        candidates: Vec<Candidate>,
    ) -> Result<Edit, EditError> {
        let mut seen = std::collections::HashSet::new();
        for b in &booths {
            if self.index.booths.contains_key(&b.id) || !seen.insert(("b", b.id.0.as_str())) {
                return Err(taken("booth", &b.id.0));
            }
        }
        for p in &positions {
            if self.index.positions.contains_key(&p.id) || !seen.insert(("p", p.id.0.as_str())) {
                return Err(taken("position", &p.id.0));
            }
        }
        for c in &candidates {
            if self.index.candidates.contains_key(&c.id) || !seen.insert(("c", c.id.0.as_str())) {
                return Err(taken("candidate", &c.id.0));
            }
        }
        let booth_ids: Vec<BoothId> = booths.iter().map(|b| b.id.clone()).collect();
        let position_ids: Vec<PositionId> = positions.iter().map(|p| p.id.clone()).collect();
        let candidate_ids: Vec<CandidateId> = candidates.iter().map(|c| c.id.clone()).collect();
        self.booth_keys.extend(booths.iter().map(SearchKey::booth));
        self.fair.booths.extend(booths);
        self.fair.positions.extend(positions);
        self.candidate_keys.extend(candidates.iter().map(SearchKey::candidate));
        self.fair.candidates.extend(candidates);
        self.structure_changed();
        let first_new = self.position_keys.len();
        for i in first_new..self.fair.positions.len() {
            let key = self.position_key(i);
            self.position_keys.push(key);
        }
        for id in &booth_ids {
            self.booth_changed(id);
        }
        for id in &position_ids {
            self.position_changed(id);
        }
        for id in &candidate_ids {
            self.candidate_changed(id);
        }
        Ok(Edit::RemoveAppended {
            name,
            booths: booth_ids,
            positions: position_ids,
            candidates: candidate_ids,
        })
    }

    pub(super) fn remove_appended(
        &mut self,
        name: EditName,
        booths: Vec<BoothId>,
        positions: Vec<PositionId>,
        candidates: Vec<CandidateId>,
    ) -> Result<Edit, EditError> {
        let booths = remove_by_id(&mut self.fair.booths, &mut self.booth_keys, &booths, |b| &b.id);
        let positions = remove_by_id(&mut self.fair.positions, &mut self.position_keys, &positions, |p| &p.id);
        let candidates = remove_by_id(&mut self.fair.candidates, &mut self.candidate_keys, &candidates, |c| {
            &c.id
        });
        self.structure_changed();
        for x in &booths {
            self.booth_changed(&x.id);
        }
        for x in &positions {
            self.position_changed(&x.id);
        }
        for x in &candidates {
            self.candidate_changed(&x.id);
        }
        Ok(Edit::Append {
            name,
            booths,
            positions,
            candidates,
        })
    }
}

/// Takes the records whose id is in `ids` out of `records` (and their search keys out of the
/// parallel `keys`), keeping the others in order; returns the removed records in list order.
pub(super) fn remove_by_id<T, K, Id: Eq + std::hash::Hash>(
    records: &mut Vec<T>,
    keys: &mut Vec<K>,
    ids: &[Id],
    id_of: impl Fn(&T) -> &Id,
) -> Vec<T> {
    if ids.is_empty() {
        return Vec::new();
    }
    let wanted: HashSet<&Id> = ids.iter().collect();
    let mut removed = Vec::with_capacity(ids.len());
    let mut kept = Vec::with_capacity(records.len());
    let mut kept_keys = Vec::with_capacity(keys.len());
    for (record, key) in records.drain(..).zip(keys.drain(..)) {
        if wanted.contains(id_of(&record)) {
            removed.push(record);
        } else {
            kept.push(record);
            kept_keys.push(key);
        }
    }
    *records = kept;
    *keys = kept_keys;
    removed
}

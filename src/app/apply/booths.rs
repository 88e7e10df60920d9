//! Booth edits: change, add, delete (with its positions deleted or moved, as one step).

use super::taken;
use crate::app::search::SearchKey;
use crate::app::{AppState, BoothPositions, Edit, EditError, Field, field};
use crate::model::{Booth, BoothId, FloorSpot, PositionId};

impl AppState {
    pub(super) fn set_booth(&mut self, id: BoothId, value: Booth, field: Field) -> Result<Edit, EditError> {
        let i = self.booth_index(&id)?;
        if value.id != id && self.index.booths.contains_key(&value.id) {
            return Err(taken("booth", &value.id.0));
        }
        let old = std::mem::replace(&mut self.fair.booths[i], value.clone());
        self.booth_keys[i] = SearchKey::booth(&value);
        if value.id != id {
            self.structure_changed();
        }
        // The employer name is part of each of the booth's positions' search key.
        for p in 0..self.fair.positions.len() {
            if self.fair.positions[p].booth == id || self.fair.positions[p].booth == value.id {
                self.position_keys[p] = self.position_key(p);
            }
        }
        self.booth_changed(&id);
        if value.id != id {
            self.booth_changed(&value.id);
        }
        // A renamed record stays selected under its new id (and its old one again on undo).
        if value.id != id && self.selection.booth.as_ref() == Some(&id) {
            self.selection.booth = Some(value.id.clone());
        }
        Ok(Edit::SetBooth {
            id: value.id,
            value: old,
            field,
        })
    }

    pub(super) fn add_booth(&mut self, value: Booth, at: Option<usize>) -> Result<Edit, EditError> {
        if self.index.booths.contains_key(&value.id) {
            return Err(taken("booth", &value.id.0));
        }
        let at = at.unwrap_or(usize::MAX).min(self.fair.booths.len());
        let id = value.id.clone();
        self.booth_keys.insert(at, SearchKey::booth(&value));
        self.fair.booths.insert(at, value);
        self.structure_changed();
        for p in 0..self.fair.positions.len() {
            if self.fair.positions[p].booth == id {
                self.position_keys[p] = self.position_key(p);
            }
        }
        self.booth_changed(&id);
        Ok(Edit::DeleteBooth {
            id,
            positions: BoothPositions::Delete,
        })
    }

    pub(super) fn delete_booth(&mut self, id: BoothId, positions: BoothPositions) -> Result<Edit, EditError> {
        let i = self.booth_index(&id)?;
        // Visits are the fair day's record of who came to this booth; a visit cannot
        // exist without its booth, so a booth with visits stays.
        let visits = self.fair.visits.iter().filter(|v| v.booth == id).count();
        if visits > 0 {
            return Err(EditError::new(
                format!("booth {id} cannot be deleted: {visits} visits were recorded there"),
                format!("无法删除展位 {id}：该展位已有 {visits} 条到访记录"),
            ));
        }
        let owned: Vec<PositionId> = self
            .fair
            .positions
            .iter()
            .filter(|p| p.booth == id)
            .map(|p| p.id.clone())
            .collect();
        if owned.is_empty() {
            let value = self.fair.booths.remove(i);
            self.booth_keys.remove(i);
            self.structure_changed();
            self.booth_changed(&id);
            if self.selection.booth.as_ref() == Some(&id) {
                self.selection.booth = None;
            }
            return Ok(Edit::AddBooth { value, at: Some(i) });
        }
        // Positions first (moved or deleted), then the now empty booth, undone as one.
        let mut edits = Vec::new();
        for pid in owned {
            match &positions {
                BoothPositions::Delete => edits.push(Edit::DeletePosition { id: pid }),
                BoothPositions::MoveTo(target) => {
                    if !self.index.booths.contains_key(target) || target == &id {
                        return Err(EditError::new(
                            format!("cannot move positions to booth {target}: no such other booth"),
                            format!("无法把岗位移到展位 {target}：没有这个展位"),
                        ));
                    }
                    let mut value = self.fair.positions[self.index.positions[&pid]].clone();
                    value.booth = target.clone();
                    edits.push(Edit::SetPosition {
                        id: pid,
                        value,
                        field: field::BOOTH,
                    });
                }
            }
        }
        edits.push(Edit::DeleteBooth {
            id: id.clone(),
            positions: BoothPositions::Delete,
        });
        let name = Edit::DeleteBooth { id, positions }.name();
        self.apply_raw(Edit::Batch { name, edits })
    }

    /// Floor spots only: no figure, match or search key depends on them.
    pub(super) fn set_floor_spots(&mut self, spots: Vec<(BoothId, Option<FloorSpot>)>) -> Result<Edit, EditError> {
        // Every id first, so a refused edit changes nothing.
        let indexes = spots
            .iter()
            .map(|(id, _)| self.booth_index(id))
            .collect::<Result<Vec<usize>, EditError>>()?;
        let mut old = Vec::with_capacity(spots.len());
        for ((id, spot), i) in spots.into_iter().zip(indexes) {
            old.push((id, std::mem::replace(&mut self.fair.booths[i].floor, spot)));
        }
        // Undone in reverse, so a booth named twice ends where it started.
        old.reverse();
        Ok(Edit::SetFloorSpots { spots: old })
    }
}

//! Position edits: change, add, delete (visits naming it are kept), and visits' positions.

use super::{missing, taken};
use crate::app::{AppState, Edit, EditError, Field};
use crate::model::{Position, PositionId, VisitId};

impl AppState {
    pub(super) fn set_position(&mut self, id: PositionId, value: Position, field: Field) -> Result<Edit, EditError> {
        let i = self.position_index(&id)?;
        if value.id != id && self.index.positions.contains_key(&value.id) {
            return Err(taken("position", &value.id.0));
        }
        let old = std::mem::replace(&mut self.fair.positions[i], value.clone());
        if value.id != id {
            self.structure_changed();
        }
        self.position_keys[i] = self.position_key(i);
        self.position_changed(&id);
        if value.id != id {
            self.position_changed(&value.id);
        }
        // A renamed record stays selected under its new id (and its old one again on undo).
        if value.id != id && self.selection.position.as_ref() == Some(&id) {
            self.selection.position = Some(value.id.clone());
        }
        Ok(Edit::SetPosition {
            id: value.id,
            value: old,
            field,
        })
    }

    pub(super) fn add_position(&mut self, value: Position, at: Option<usize>) -> Result<Edit, EditError> {
        if self.index.positions.contains_key(&value.id) {
            return Err(taken("position", &value.id.0));
        }
        let at = at.unwrap_or(usize::MAX).min(self.fair.positions.len());
        let id = value.id.clone();
        self.fair.positions.insert(at, value);
        self.structure_changed();
        self.position_keys.insert(at, self.position_key(at));
        self.position_changed(&id);
        Ok(Edit::DeletePosition { id })
    }

    pub(super) fn delete_position(&mut self, id: PositionId) -> Result<Edit, EditError> {
        let i = self.position_index(&id)?;
        let detach: Vec<(VisitId, Option<PositionId>)> = self
            .fair
            .visits
            .iter()
            .filter(|v| v.position.as_ref() == Some(&id))
            .map(|v| (v.id.clone(), None))
            .collect();
        if !detach.is_empty() {
            // Visits first (kept, without the position), then the position; undone as one.
            let name = Edit::DeletePosition { id: id.clone() }.name();
            let edits = vec![Edit::SetVisitPositions { visits: detach }, Edit::DeletePosition { id }];
            return self.apply_raw(Edit::Batch { name, edits });
        }
        let value = self.fair.positions.remove(i);
        self.position_keys.remove(i);
        self.structure_changed();
        self.position_changed(&id);
        if self.selection.position.as_ref() == Some(&id) {
            self.selection.position = None;
        }
        Ok(Edit::AddPosition { value, at: Some(i) })
    }

    pub(super) fn set_visit_positions(
        &mut self,
        visits: Vec<(VisitId, Option<PositionId>)>,
    ) -> Result<Edit, EditError> {
        let at: std::collections::HashMap<&VisitId, usize> =
            self.fair.visits.iter().enumerate().map(|(i, v)| (&v.id, i)).collect();
        let mut found = Vec::with_capacity(visits.len());
        for (id, position) in &visits {
            let Some(&i) = at.get(id) else {
                return Err(missing("visit", &id.0));
            };
            if let Some(p) = position
                && !self.index.positions.contains_key(p)
            {
                return Err(missing("position", &p.0));
            }
            found.push(i);
        }
        let mut inverse = Vec::with_capacity(visits.len());
        for ((id, position), i) in visits.into_iter().zip(found) {
            let visit = &mut self.fair.visits[i];
            let old = std::mem::replace(&mut visit.position, position);
            let (candidate, booth) = (visit.candidate.clone(), visit.booth.clone());
            inverse.push((id, old));
            self.visits_changed(&candidate, &booth);
        }
        Ok(Edit::SetVisitPositions { visits: inverse })
    }
}

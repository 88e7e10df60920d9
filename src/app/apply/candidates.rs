//! Candidate edits: change, add, delete (with their visits, restored by undo).

use super::taken;
use crate::app::search::SearchKey;
use crate::app::{AppState, Edit, EditError, Field, field};
use crate::model::{Candidate, CandidateId, Visit};

impl AppState {
    pub(super) fn set_candidate(
        &mut self,
        id: CandidateId,
        mut value: Candidate,
        field: Field,
    ) -> Result<Edit, EditError> {
        let i = self.candidate_index(&id)?;
        // The check-in belongs to the desks (a station event): undoing or redoing an
        // organizer's change to another field must not take it back.
        if field != field::CHECKED_IN {
            value.checked_in = self.fair.candidates[i].checked_in;
        }
        if value.id != id && self.index.candidates.contains_key(&value.id) {
            return Err(taken("candidate", &value.id.0));
        }
        let old = std::mem::replace(&mut self.fair.candidates[i], value.clone());
        if value.id != id {
            self.structure_changed();
        }
        self.candidate_keys[i] = SearchKey::candidate(&value);
        self.candidate_changed(&id);
        if value.id != id {
            self.candidate_changed(&value.id);
        }
        // A renamed record stays selected under its new id (and its old one again on undo).
        if value.id != id && self.selection.candidate.as_ref() == Some(&id) {
            self.selection.candidate = Some(value.id.clone());
        }
        Ok(Edit::SetCandidate {
            id: value.id,
            value: old,
            field,
        })
    }

    pub(super) fn add_candidate(
        &mut self,
        value: Candidate,
        at: Option<usize>,
        visits: Vec<(usize, Visit)>,
    ) -> Result<Edit, EditError> {
        if self.index.candidates.contains_key(&value.id) {
            return Err(taken("candidate", &value.id.0));
        }
        let at = at.unwrap_or(usize::MAX).min(self.fair.candidates.len());
        let id = value.id.clone();
        self.candidate_keys.insert(at, SearchKey::candidate(&value));
        self.fair.candidates.insert(at, value);
        for (vi, visit) in visits {
            let vi = vi.min(self.fair.visits.len());
            self.fair.visits.insert(vi, visit);
        }
        self.structure_changed();
        self.candidate_changed(&id);
        Ok(Edit::DeleteCandidate { id })
    }

    pub(super) fn delete_candidate(&mut self, id: CandidateId) -> Result<Edit, EditError> {
        let i = self.candidate_index(&id)?;
        let value = self.fair.candidates.remove(i);
        self.candidate_keys.remove(i);
        let mut visits = Vec::new();
        let mut vi = 0;
        // Indexes are recorded as they were before removal, so undo re-inserts in order.
        let mut original = 0;
        while vi < self.fair.visits.len() {
            if self.fair.visits[vi].candidate == id {
                visits.push((original, self.fair.visits.remove(vi)));
            } else {
                vi += 1;
            }
            original += 1;
        }
        self.structure_changed();
        self.candidate_changed(&id);
        if self.selection.candidate.as_ref() == Some(&id) {
            self.selection.candidate = None;
        }
        Ok(Edit::AddCandidate {
            value,
            at: Some(i),
            visits,
        })
    }
}

//! Erasing a candidate's personal data from the window (PIPL): `model::erase_candidate`
//! applied as a recorded organizer action that is never undone.
//!
//! Undo must not bring the person back, so the erasure is not on the undo history, and the
//! history itself is cleared: its steps hold copies of the person (an edit's old values, an
//! import's rows). The fair counts as unsaved, so the next recovery copy is written without
//! them.

use super::{AppState, EditError, EditName};
use crate::model::CandidateId;

impl AppState {
    /// Erases `id`'s personal data: the candidate leaves the list, their visits stay without
    /// staff notes, their station events keep only the id, and a tombstone stays in the fair.
    /// Not undoable; clears the undo history.
    pub fn erase_candidate(&mut self, id: &CandidateId) -> Result<EditName, EditError> {
        let now = chrono::Local::now().naive_local();
        let erasure = crate::model::erase_candidate(&mut self.fair, id, now)
            .map_err(|e| EditError::new(e.clone(), format!("无法清除个人信息：{e}")))?;
        self.candidate_keys.remove(erasure.index);
        drop(erasure);
        self.revision += 1;
        self.fair_version += 1;
        self.structure_changed();
        self.candidate_changed(id);
        // Visits lost their notes and events their copies of the person.
        self.insight_notes.fair_day();
        self.refresh_insight();
        if self.selection.candidate.as_ref() == Some(id) {
            self.selection.candidate = None;
        }
        self.undo.clear();
        self.redo.clear();
        self.mark_unsaved();
        Ok(EditName::new(
            format!("erased the personal data of {id}"),
            format!("已清除 {id} 的个人信息"),
        ))
    }
}

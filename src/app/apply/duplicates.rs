//! The organizer's answers to possible duplicates found by merging station logs.

use crate::app::merge::{self, MergedAway};
use crate::app::search::SearchKey;
use crate::app::{AppState, Edit, EditError};
use crate::model::DuplicateDecision;

impl AppState {
    pub(super) fn resolve_duplicate(&mut self, decision: DuplicateDecision) -> Result<Edit, EditError> {
        let away = merge::resolve_duplicate(&mut self.fair, &decision).map_err(refused_resolution)?;
        if let Some(away) = &away {
            self.duplicate_merged(&decision, away, true);
        }
        Ok(Edit::UnresolveDuplicate {
            decision,
            restore: away.map(Box::new),
        })
    }

    pub(super) fn unresolve_duplicate(
        &mut self,
        decision: DuplicateDecision,
        restore: Option<Box<MergedAway>>,
    ) -> Result<Edit, EditError> {
        merge::unresolve_duplicate(&mut self.fair, &decision, restore.as_deref()).map_err(refused_resolution)?;
        if let Some(away) = &restore {
            self.duplicate_merged(&decision, away, false);
        }
        Ok(Edit::ResolveDuplicate { decision })
    }

    /// Keeps search keys, indexes and matching current after one candidate was merged into
    /// another (`merged` true) or that was undone.
    fn duplicate_merged(&mut self, decision: &crate::model::DuplicateDecision, away: &merge::MergedAway, merged: bool) {
        let crate::model::DuplicateDecision::SamePerson { kept, merged: gone } = decision else {
            return;
        };
        if merged {
            self.candidate_keys.remove(away.index);
        } else {
            let index = away.index.min(self.fair.candidates.len().saturating_sub(1));
            self.candidate_keys
                .insert(index, SearchKey::candidate(&self.fair.candidates[index]));
        }
        self.structure_changed();
        self.candidate_changed(gone);
        self.candidate_changed(kept);
        for booth in away.booths(&self.fair) {
            self.visits_changed(kept, &booth);
            self.visits_changed(gone, &booth);
        }
        if merged && self.selection.candidate.as_ref() == Some(gone) {
            self.selection.candidate = Some(kept.clone());
        }
    }
}

fn refused_resolution(e: merge::MergeError) -> EditError {
    EditError::new(e.0.clone(), format!("无法处理重复登记：{}", e.0))
}

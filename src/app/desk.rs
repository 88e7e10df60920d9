//! Fair-day desk edits (check-in, walk-in, visit) applied through [`AppState::apply_desk`].
//!
//! They are not undoable: each one is a station event that other laptops may already have
//! merged by id, so taking it back on one laptop would make the stations disagree. They still
//! mark the fair unsaved and tell the matcher at once.

use std::cell::RefCell;

use super::fairday::{self, CheckInOutcome, DeskIndex, DeskMatch, VisitDraft, WalkInOutcome};
use super::{AppState, Edit, EditError};
use crate::model::{CandidateId, StationId, VisitId};

/// Station id used when the laptop has none set in Settings.
pub const DEFAULT_STATION: &str = "desk";

/// What a desk edit did, for the desk screen to show.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskOutcome {
    CheckIn(CheckInOutcome),
    WalkIn(WalkInOutcome),
    Visit(VisitId),
}

/// The desk's lookup index, rebuilt lazily when candidates changed through other edits.
#[derive(Debug, Default)]
pub struct DeskCache {
    /// (fair revision it was built for, index).
    built: RefCell<Option<(u64, DeskIndex)>>,
}

impl AppState {
    pub fn station(&self) -> StationId {
        let id = self.prefs.station_id.trim();
        StationId::new(if id.is_empty() { DEFAULT_STATION } else { id })
    }

    fn with_desk<R>(&self, f: impl FnOnce(&DeskIndex) -> R) -> R {
        let mut built = self.desk.built.borrow_mut();
        if built.as_ref().is_none_or(|(rev, _)| *rev != self.revision) {
            *built = Some((self.revision, DeskIndex::build(&self.fair)));
        }
        let (_, index) = built.as_ref().expect("built above");
        f(index)
    }

    /// Candidates matching what was typed or scanned at a desk, best first.
    pub fn desk_lookup(&self, query: &str) -> Vec<DeskMatch> {
        self.with_desk(|index| index.lookup(query))
    }

    /// Applies a desk edit and reports its outcome. Other edits are refused here.
    pub fn apply_desk(&mut self, edit: Edit, now: crate::model::LocalTime) -> Result<DeskOutcome, EditError> {
        let station = self.station();
        self.with_desk(|_| ());
        let mut built = self.desk.built.take();
        let Some((_, desk)) = built.as_mut() else {
            return Err(EditError::new("desk index missing", "签到索引缺失"));
        };
        let refused = |e: fairday::DeskError| EditError::new(e.0.clone(), e.0);
        let result = match edit {
            Edit::CheckIn { candidate } => {
                fairday::check_in(&mut self.fair, desk, &candidate, &station, now).map(DeskOutcome::CheckIn)
            }
            Edit::WalkIn { candidate } => {
                let outcome = fairday::register_walk_in(&mut self.fair, desk, *candidate, &station, now);
                if let Ok(WalkInOutcome::Registered { index, id }) = &outcome {
                    self.candidate_keys
                        .push(super::SearchKey::candidate(&self.fair.candidates[*index]));
                    self.structure_changed();
                    self.matcher.candidate_changed(&self.fair, id);
                }
                outcome.map(DeskOutcome::WalkIn)
            }
            Edit::Visit { draft } => {
                let (candidate, booth) = (draft.candidate.clone(), draft.booth.clone());
                let outcome = fairday::record_visit(&mut self.fair, desk, *draft, &station, now);
                if outcome.is_ok() {
                    self.matcher.visits_changed(&self.fair, &candidate, &booth);
                }
                outcome.map(DeskOutcome::Visit)
            }
            _ => return Err(EditError::new("not a desk action", "不是签到/展位操作")),
        }
        .map_err(refused)?;
        let changed = !matches!(result, DeskOutcome::CheckIn(CheckInOutcome::AlreadyCheckedIn { .. }))
            && !matches!(result, DeskOutcome::WalkIn(WalkInOutcome::Existing { .. }));
        if changed {
            self.revision += 1;
            // No undo step exists for desk edits, so mark unsaved by moving the saved marker off.
            self.saved_serial = u64::MAX;
        }
        // The desk functions keep the index current themselves.
        if let Some((rev, _)) = built.as_mut() {
            *rev = self.revision;
        }
        *self.desk.built.borrow_mut() = built;
        Ok(result)
    }

    /// Whether `candidate` visited `booth` already.
    pub fn visited(&self, candidate: &CandidateId, booth: &crate::model::BoothId) -> bool {
        self.fair
            .visits
            .iter()
            .any(|v| &v.candidate == candidate && &v.booth == booth)
    }
}

/// Convenience for building a visit edit.
pub fn visit_edit(draft: VisitDraft) -> Edit {
    Edit::Visit { draft: Box::new(draft) }
}

impl AppState {
    /// Merges station logs into the fair (File → Merge station logs…). The fair is swapped in
    /// whole: merging is not undoable (like the desk edits), and a refused log changes nothing.
    pub fn merge_station_logs(
        &mut self,
        logs: &[crate::model::StationLog],
    ) -> Result<super::merge::MergeReport, super::merge::MergeError> {
        let mut fair = self.fair.clone();
        let report = super::merge::merge_logs(&mut fair, logs)?;
        let path = self.path.clone();
        self.replace_fair(fair, path);
        if report.events_added > 0 {
            self.saved_serial = u64::MAX;
        }
        Ok(report)
    }
}

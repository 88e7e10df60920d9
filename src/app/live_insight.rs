//! The fair's figures ([`Insight`]) kept current in the frame: every change path notes what
//! it touched (beside telling the matcher), and the public entry points (`apply`, `undo`,
//! `redo`, `record`) bring the figures up to date before returning, so a view drawn after a
//! check-in already counts it.
//!
//! A candidate change costs microseconds; the fair-day figures (visits, walk-ins, openings
//! filled) are recomputed once per entry point however many visits a merge touched. A batch
//! touching many records (an import, a merge of many logs) recomputes everything instead,
//! which costs about as much as two position changes (see docs/insight.md).

use std::collections::HashSet;

use super::AppState;
use crate::insight::Insight;
use crate::model::{BoothId, CandidateId, PositionId};

/// Above this many candidates in one step a full compute is cheaper than one update each.
const MANY_CANDIDATES: usize = 5_000;

/// What changed since the figures were last brought up to date.
#[derive(Debug, Default)]
pub(super) struct InsightNotes {
    candidates: HashSet<CandidateId>,
    positions: HashSet<PositionId>,
    booths: HashSet<BoothId>,
    /// Visits, walk-ins or station events changed, or records were added or removed.
    fair_day: bool,
}

impl InsightNotes {
    pub(super) fn candidate(&mut self, id: &CandidateId) {
        self.candidates.insert(id.clone());
    }

    pub(super) fn position(&mut self, id: &PositionId) {
        self.positions.insert(id.clone());
    }

    pub(super) fn booth(&mut self, id: &BoothId) {
        self.booths.insert(id.clone());
    }

    pub(super) fn fair_day(&mut self) {
        self.fair_day = true;
    }

    fn is_empty(&self) -> bool {
        self.candidates.is_empty() && self.positions.is_empty() && self.booths.is_empty() && !self.fair_day
    }
}

impl AppState {
    /// The fair's figures: headline counts, funnel, supply and demand, engagement. Current
    /// after every edit and desk action.
    pub fn insight(&self) -> &Insight {
        &self.insight
    }

    /// Applies the noted changes to the figures.
    pub(super) fn refresh_insight(&mut self) {
        if self.insight_notes.is_empty() {
            return;
        }
        let notes = std::mem::take(&mut self.insight_notes);
        // Each position or booth change redoes the fair-day part: with several, one full
        // compute costs less.
        if notes.positions.len() + notes.booths.len() > 1 || notes.candidates.len() > MANY_CANDIDATES {
            self.insight = Insight::compute(&self.fair);
            return;
        }
        for id in &notes.candidates {
            self.insight.candidate_changed(&self.fair, id);
        }
        for id in &notes.positions {
            self.insight.position_changed(&self.fair, id);
        }
        for id in &notes.booths {
            self.insight.booth_changed(&self.fair, id);
        }
        if notes.fair_day && notes.positions.is_empty() && notes.booths.is_empty() {
            self.insight.fair_day_changed(&self.fair);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fairday::VisitDraft;
    use crate::app::{DeskAction, Edit, Prefs};
    use crate::model::{LocalTime, NextStep};

    fn at(hour: u32, minute: u32) -> LocalTime {
        chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .expect("valid time")
    }

    fn quiet_sample() -> AppState {
        let mut fair = crate::generate::sample_fair();
        for c in &mut fair.candidates {
            c.checked_in = None;
        }
        fair.events.clear();
        AppState::new(fair, None, Prefs::default())
    }

    fn assert_current(app: &AppState) {
        let fresh = Insight::compute(app.fair());
        assert_eq!(app.insight().headline(), fresh.headline());
        assert_eq!(app.insight().funnel(), fresh.funnel());
        assert_eq!(app.insight().industries(), fresh.industries());
    }

    #[test]
    fn a_desk_check_in_moves_the_headline_at_once() {
        let mut app = quiet_sample();
        let before = app.insight().headline().checked_in;
        let candidate = app.fair().candidates[3].id.clone();
        app.record(DeskAction::CheckIn {
            candidate,
            at: at(9, 30),
        })
        .expect("check-in");
        assert_eq!(app.insight().headline().checked_in, before + 1);
        assert_current(&app);
    }

    #[test]
    fn visits_edits_and_undo_keep_the_figures_current() {
        let mut app = quiet_sample();
        let candidate = app.fair().candidates[5].id.clone();
        let booth = app.fair().booths[2].id.clone();
        let draft = VisitDraft {
            candidate,
            booth,
            position: None,
            rating: Some(4),
            notes: String::new(),
            next_step: NextStep::Hired,
        };
        app.record(DeskAction::visit(draft, at(10, 0))).expect("visit");
        assert_current(&app);
        let mut position = app.fair().positions[0].clone();
        position.openings += 3;
        let id = position.id.clone();
        app.apply(Edit::SetPosition {
            id,
            value: position,
            field: crate::app::field::OPENINGS,
        })
        .expect("edit");
        assert_current(&app);
        app.undo().expect("undo");
        assert_current(&app);
        let gone = app.fair().candidates[9].id.clone();
        app.apply(Edit::DeleteCandidate { id: gone }).expect("delete");
        assert_current(&app);
    }
}

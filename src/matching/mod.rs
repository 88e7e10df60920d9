//! Scoring, top-K ranking both ways, incremental updates and allocation. No egui, no I/O.
//!
//! API contract used by `app` and `ui` (implementation lands with the matching issue):
//! - [`Matcher::build`] computes top-K lists from scratch.
//! - `*_changed` methods update only what one edit touches.
//! - [`Matcher::explain`] gives the reasons for one pair.

use crate::model::{BoothId, CandidateId, Fair, PositionId};

/// One ranked pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub candidate: CandidateId,
    pub position: PositionId,
    /// Employer's view, 0..=100.
    pub fit: f32,
    /// Candidate's view, 0..=100.
    pub appeal: f32,
    /// Combined, 0..=100, used for ranking.
    pub score: f32,
}

#[derive(Debug, Default)]
pub struct Matcher {}

impl Matcher {
    pub fn build(_fair: &Fair) -> Self {
        Self {}
    }
    pub fn top_positions(&self, _candidate: &CandidateId) -> &[Scored] {
        &[]
    }
    pub fn top_candidates(&self, _position: &PositionId) -> &[Scored] {
        &[]
    }
    pub fn candidate_changed(&mut self, _fair: &Fair, _candidate: &CandidateId) {}
    pub fn position_changed(&mut self, _fair: &Fair, _position: &PositionId) {}
    pub fn booth_changed(&mut self, _fair: &Fair, _booth: &BoothId) {}
    pub fn visits_changed(&mut self, _fair: &Fair, _candidate: &CandidateId, _booth: &BoothId) {}
    pub fn settings_changed(&mut self, fair: &Fair) {
        *self = Self::build(fair);
    }
}

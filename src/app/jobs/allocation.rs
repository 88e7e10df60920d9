//! The stable allocation, run off the frame (0.4–1.5 s on the peak fair).
//!
//! The job reads the fair and the matcher as they were when it started: the fair through a
//! shared snapshot, the matcher lent behind its `Arc`. Edits made meanwhile apply to the fair
//! at once; the matcher catches up with them when the job lets go of it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{JobOutcome, Message, Task, failed};
use crate::app::AppState;
use crate::matching::{CandidateScope, UnassignedReason};
use crate::model::{CandidateId, Industry, PositionId};

/// One line of the proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocationRow {
    pub candidate: CandidateId,
    /// `None` when the candidate was not placed.
    pub position: Option<PositionId>,
    /// Why not, when not placed.
    pub reason: Option<UnassignedReason>,
}

/// An allocation as the window shows and exports it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllocationReport {
    /// The placed candidates first, then the others, each in the fair's order.
    pub rows: Vec<AllocationRow>,
    pub assigned: usize,
    pub unfilled_total: u64,
    pub unfilled_by_industry: Vec<(Industry, u32)>,
    /// Positions with openings left: (position, unfilled).
    pub unfilled_positions: Vec<(PositionId, u32)>,
    /// Whom it placed (everyone registered, or those checked in).
    pub scope: CandidateScope,
    /// Positions with what they could take and what they got: (position, capacity, assigned),
    /// in the fair's order.
    pub fills: Vec<(PositionId, u32, u32)>,
    /// [`AppState::fair_version`] it was computed for: older means stale.
    pub computed_for: u64,
    pub took: Duration,
}

fn allocation_failed() -> Message {
    Message::new("Could not run the allocation", "无法运行分配")
}

pub(super) fn allocate(state: &AppState, scope: CandidateScope) -> Task {
    let label = Message::new("Allocating", "正在分配");
    if state.is_matching() {
        return Task::failed(
            label,
            allocation_failed(),
            "matching is still in progress; run the allocation once the matches are shown",
        );
    }
    let fair = state.fair.share();
    let matcher = Arc::clone(&state.matcher);
    let version = state.fair_version;
    let generation = state.generation;
    let finished_label = label.clone();
    Task::new(label, true, move |context| {
        if context.is_cancelled() {
            return failed(allocation_failed(), "cancelled");
        }
        let start = Instant::now();
        let result = matcher.allocate_scoped(&fair, scope);
        // Let go at once: the matcher catches up with edits made meanwhile, and the fair need
        // not be copied by the next edit.
        drop(matcher);
        drop(fair);
        let took = start.elapsed();
        let assigned = result.assigned.len();
        let unfilled_total = result.unfilled_total();
        let unfilled_positions = result
            .positions
            .iter()
            .filter(|p| p.unfilled() > 0)
            .map(|p| (p.position.clone(), p.unfilled()))
            .collect();
        let fills = result
            .positions
            .iter()
            .map(|p| (p.position.clone(), p.capacity, p.assigned))
            .collect();
        let rows = result
            .assigned
            .into_iter()
            .map(|(candidate, position)| AllocationRow {
                candidate,
                position: Some(position),
                reason: None,
            })
            .chain(result.unassigned.into_iter().map(|(candidate, reason)| AllocationRow {
                candidate,
                position: None,
                reason: Some(reason),
            }))
            .collect();
        let report = AllocationReport {
            rows,
            assigned,
            unfilled_total,
            unfilled_by_industry: result.unfilled_by_industry,
            unfilled_positions,
            scope,
            fills,
            computed_for: version,
            took,
        };
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            state.allocation = Some(Arc::new(report));
            JobOutcome::Allocated
        })
    })
}

//! What to schedule: the allocation's pairs and the interviews booth staff asked for.

use rustc_hash::FxHashMap;

use crate::matching::{Allocation, CandidateScope, Matcher};
use crate::model::{CandidateId, Fair, NextStep, PipelineStatus};

use super::Request;

/// The allocation's pairs, each at its position's booth with the pair's score, and every open
/// invitation (a visit whose next step is Interview and still open) of a candidate in `scope`.
pub fn requests(fair: &Fair, matcher: &Matcher, allocation: &Allocation, scope: CandidateScope) -> Vec<Request> {
    let booth_of: FxHashMap<_, _> = fair.positions.iter().map(|p| (&p.id, &p.booth)).collect();
    let in_scope: FxHashMap<&CandidateId, bool> = fair.candidates.iter().map(|c| (&c.id, scope.includes(c))).collect();
    let score = |candidate: &CandidateId, position: Option<&crate::model::PositionId>| {
        position
            .and_then(|p| matcher.pair(candidate, p))
            .and_then(Result::ok)
            .map_or(0.0, |s| s.score)
    };
    let invited = fair
        .visits
        .iter()
        .filter(|v| v.next_step == NextStep::Interview && v.status == PipelineStatus::Open)
        .filter(|v| in_scope.get(&v.candidate).copied().unwrap_or(false))
        .map(|v| Request {
            candidate: v.candidate.clone(),
            booth: v.booth.clone(),
            position: v.position.clone(),
            invited: true,
            score: score(&v.candidate, v.position.as_ref()),
        });
    let allocated = allocation.assigned.iter().filter_map(|(candidate, position)| {
        Some(Request {
            candidate: candidate.clone(),
            booth: (*booth_of.get(position)?).clone(),
            position: Some(position.clone()),
            invited: false,
            score: score(candidate, Some(position)),
        })
    });
    invited.chain(allocated).collect()
}

//! Visits on the fair day, and the check-ins they imply: visitors walk to booths of the
//! industries they look at, discuss the position that fits them best, and get a rating, a next
//! step and a note that follow from that fit.

use std::collections::HashSet;

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::booths::PlannedBooth;
use super::candidates::PlannedCandidate;
use super::positions::PlannedPosition;
use super::{GenerateSpec, data, fair_date};
use crate::model::{BoothId, Industry, NextStep, PipelineStatus, SkillDictionary, SkillId, Visit, VisitId};

/// The day's visits, in time order and numbered so; marks each visitor checked in at their
/// arrival.
pub(super) fn generate_visits(
    spec: &GenerateSpec,
    booths: &[PlannedBooth],
    positions: &[PlannedPosition],
    candidates: &mut [PlannedCandidate],
    rng: &mut ChaCha8Rng,
) -> Vec<Visit> {
    if spec.visits == 0 || booths.is_empty() || candidates.is_empty() {
        return Vec::new();
    }
    let dict = SkillDictionary::builtin();
    let words = data::words();
    let mut booths_by_industry: Vec<Vec<usize>> = vec![Vec::new(); Industry::ALL.len()];
    for (i, booth) in booths.iter().enumerate() {
        booths_by_industry[booth.booth.industry as usize].push(i);
    }
    let booth_index: std::collections::HashMap<&BoothId, usize> =
        booths.iter().enumerate().map(|(i, b)| (&b.booth.id, i)).collect();
    let mut positions_by_booth: Vec<Vec<usize>> = vec![Vec::new(); booths.len()];
    for (i, position) in positions.iter().enumerate() {
        if let Some(&b) = booth_index.get(&position.position.booth) {
            positions_by_booth[b].push(i);
        }
    }

    // About 2.5 booths per visitor, as people walk the hall.
    let visitor_count = (spec.visits * 2 / 5).clamp(1, candidates.len());
    let visitors = rand::seq::index::sample(rng, candidates.len(), visitor_count).into_vec();
    let opening = NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default();
    let day_start = NaiveDateTime::new(fair_date(), opening);
    let arrivals: Vec<i64> = visitors.iter().map(|_| rng.random_range(0..360)).collect();
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(spec.visits);
    let mut visited = vec![false; visitors.len()];
    let mut drafts: Vec<(NaiveDateTime, Visit)> = Vec::with_capacity(spec.visits);

    for _ in 0..spec.visits {
        let slot = rng.random_range(0..visitors.len());
        visited[slot] = true;
        let candidate_index = visitors[slot];
        let candidate = &candidates[candidate_index].candidate;
        let mut booth = rng.random_range(0..booths.len());
        for _ in 0..3 {
            let chosen = if rng.random_bool(0.75) {
                candidate
                    .industries
                    .choose(rng)
                    .and_then(|industry| booths_by_industry[*industry as usize].choose(rng).copied())
                    .unwrap_or(booth)
            } else {
                rng.random_range(0..booths.len())
            };
            booth = chosen;
            if !seen.contains(&(candidate_index, booth)) {
                break;
            }
        }
        seen.insert((candidate_index, booth));

        let held: Vec<SkillId> = candidate.skills.iter().filter_map(|s| dict.resolve(s)).collect();
        let overlap = |p: &PlannedPosition| p.required.iter().filter(|id| held.contains(id)).count();
        let discussed = if rng.random_bool(0.9) {
            positions_by_booth[booth]
                .iter()
                .max_by_key(|&&p| (overlap(&positions[p]), rng.random_range(0..1000u32)))
                .copied()
        } else {
            None
        };
        let (coverage, education_ok) = match discussed {
            Some(p) => {
                let position = &positions[p];
                let required = position.required.len().max(1) as f64;
                (
                    overlap(position) as f64 / required,
                    candidate.education >= position.position.min_education,
                )
            }
            None => (0.3, true),
        };
        let score = 1.5 + 3.0 * coverage + if education_ok { 0.4 } else { -0.6 } + rng.random_range(-1.0..1.0);
        let stars = score.round().clamp(1.0, 5.0) as u8;
        let rating = (!rng.random_bool(0.05)).then_some(stars);
        let r = rng.random_range(0..100);
        let next_step = match stars {
            5 => match r {
                0..15 => NextStep::Hired,
                15..45 => NextStep::Offer,
                _ => NextStep::Interview,
            },
            4 => match r {
                0..5 => NextStep::Offer,
                5..70 => NextStep::Interview,
                _ => NextStep::None,
            },
            3 => match r {
                0..30 => NextStep::Interview,
                30..90 => NextStep::None,
                _ => NextStep::Reject,
            },
            _ => match r {
                0..70 => NextStep::Reject,
                _ => NextStep::None,
            },
        };
        let status = match next_step {
            NextStep::Hired | NextStep::Reject => PipelineStatus::Done,
            NextStep::Offer if rng.random_bool(0.3) => PipelineStatus::Done,
            NextStep::Interview if rng.random_bool(0.05) => PipelineStatus::Withdrawn,
            NextStep::Interview if rng.random_bool(0.1) => PipelineStatus::Done,
            _ => PipelineStatus::Open,
        };
        let notes = if rng.random_bool(0.2) {
            String::new()
        } else {
            let list = match stars {
                4..=5 => &words.good_notes,
                3 => &words.neutral_notes,
                _ => &words.poor_notes,
            };
            list.choose(rng).unwrap_or(&"").to_string()
        };
        // Visits happen after arrival and before the hall closes at 17:00.
        let arrival = arrivals[slot];
        let latest = (510 - arrival).max(6);
        let at = day_start + TimeDelta::minutes(arrival + rng.random_range(5..latest));
        drafts.push((
            at,
            Visit {
                id: VisitId::default(),
                candidate: candidate.id.clone(),
                booth: booths[booth].booth.id.clone(),
                position: discussed.map(|p| positions[p].position.id.clone()),
                at,
                rating,
                notes,
                next_step,
                status,
            },
        ));
    }
    for (slot, &candidate_index) in visitors.iter().enumerate() {
        if visited[slot] {
            candidates[candidate_index].candidate.checked_in = Some(day_start + TimeDelta::minutes(arrivals[slot]));
        }
    }
    drafts.sort_by_key(|draft| draft.0);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut visit))| {
            visit.id = VisitId(format!("V{:06}", i + 1));
            visit
        })
        .collect()
}

//! Possible duplicates among the people stations registered, and the organizer's answers
//! about them (one person merged into another, or two different people).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{MergeError, earliest};
use crate::model::{BoothId, Candidate, CandidateId, DuplicateDecision, EventKind, Fair, LocalTime, StationId};
use crate::text::{email_key, phone_key};

/// One person of a possible-duplicate group.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DuplicateMember {
    pub id: CandidateId,
    pub name: String,
    /// The station that registered them as a walk-in; `None` when registered beforehand.
    pub walk_in_station: Option<StationId>,
}

/// Candidates sharing a phone or email, at least one of them a walk-in: the organizer decides.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DuplicateGroup {
    /// What they share, e.g. `phone 13800138000`.
    pub shared: Vec<String>,
    pub members: Vec<DuplicateMember>,
    /// Pairs of members the organizer has not decided about yet (never empty).
    pub undecided: Vec<(CandidateId, CandidateId)>,
}

/// Groups of candidates sharing a phone number or an email where at least one is a walk-in.
/// They are listed for the organizer, never merged or dropped automatically.
pub fn possible_duplicates(fair: &Fair) -> Vec<DuplicateGroup> {
    let mut walk_in_station: HashMap<CandidateId, &StationId> = HashMap::new();
    for event in &fair.events {
        if let EventKind::WalkIn { candidate } = &event.kind {
            walk_in_station.insert(candidate.id.clone(), &event.station);
            // A clashing walk-in is kept under a suffixed id.
            walk_in_station.insert(CandidateId(format!("{}~{}", candidate.id, event.id)), &event.station);
        }
    }
    if walk_in_station.is_empty() {
        return Vec::new();
    }
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, candidate) in fair.candidates.iter().enumerate() {
        // Short numbers are extensions or typos, too weak to call anyone a duplicate.
        // National digits, so `+86 138…` and `138…` are one number, as at the desk.
        if let Some(phone) = phone_key(&candidate.phone)
            && phone.len() >= 7
        {
            by_value.entry(format!("phone {phone}")).or_default().push(i);
        }
        let email = email_key(&candidate.email);
        if !email.is_empty() {
            by_value.entry(format!("email {email}")).or_default().push(i);
        }
    }
    let settled = |a: &CandidateId, b: &CandidateId| fair.duplicate_decisions.iter().any(|d| d.settles(a, b));
    let mut groups: BTreeMap<Vec<usize>, Vec<String>> = BTreeMap::new();
    for (shared, mut members) in by_value {
        members.sort_unstable();
        members.dedup();
        let distinct_ids: HashSet<&CandidateId> = members.iter().map(|&i| &fair.candidates[i].id).collect();
        if distinct_ids.len() < 2
            || !members
                .iter()
                .any(|&i| walk_in_station.contains_key(&fair.candidates[i].id))
        {
            continue;
        }
        groups.entry(members).or_default().push(shared);
    }
    let mut result: Vec<DuplicateGroup> = groups
        .into_iter()
        .filter_map(|(members, mut shared)| {
            shared.sort();
            let mut members: Vec<DuplicateMember> = members
                .into_iter()
                .map(|i| {
                    let candidate = &fair.candidates[i];
                    DuplicateMember {
                        id: candidate.id.clone(),
                        name: candidate.name.clone(),
                        walk_in_station: walk_in_station.get(&candidate.id).map(|s| (*s).clone()),
                    }
                })
                .collect();
            members.sort();
            members.dedup_by(|a, b| a.id == b.id);
            let mut undecided = Vec::new();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    // Two people registered beforehand are the import's business, not a walk-in's.
                    let any_walk_in = a.walk_in_station.is_some() || b.walk_in_station.is_some();
                    if any_walk_in && !settled(&a.id, &b.id) {
                        undecided.push((a.id.clone(), b.id.clone()));
                    }
                }
            }
            // Every pair answered: nothing left to resolve.
            (!undecided.is_empty()).then_some(DuplicateGroup {
                shared,
                members,
                undecided,
            })
        })
        .collect();
    result.sort();
    result
}

/// Candidates merged into another by the organizer → the one kept (following chains).
pub fn aliases(fair: &Fair) -> HashMap<CandidateId, CandidateId> {
    let direct: HashMap<&CandidateId, &CandidateId> = fair
        .duplicate_decisions
        .iter()
        .filter_map(|d| match d {
            DuplicateDecision::SamePerson { kept, merged } => Some((merged, kept)),
            DuplicateDecision::DifferentPeople { .. } => None,
        })
        .collect();
    direct
        .keys()
        .map(|&merged| {
            let mut target = merged;
            // A hand-edited file could hold a cycle; stop after as many steps as there are links.
            for _ in 0..direct.len() {
                match direct.get(target) {
                    Some(next) => target = next,
                    None => break,
                }
            }
            (merged.clone(), target.clone())
        })
        .collect()
}

/// What merging one candidate into another changed, so it can be undone exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedAway {
    /// The candidate merged away and where it stood in `fair.candidates`.
    pub candidate: Candidate,
    pub index: usize,
    /// Indexes into `fair.visits` of the visits moved to the kept candidate.
    pub visits: Vec<usize>,
    /// The kept candidate's check-in before and after the merge.
    pub kept_checked_in_before: Option<LocalTime>,
    pub kept_checked_in_after: Option<LocalTime>,
}

impl MergedAway {
    /// Booths whose visits moved, for re-matching.
    pub fn booths(&self, fair: &Fair) -> Vec<BoothId> {
        let mut booths: Vec<BoothId> = self
            .visits
            .iter()
            .filter_map(|&i| fair.visits.get(i).map(|v| v.booth.clone()))
            .collect();
        booths.sort();
        booths.dedup();
        booths
    }
}

fn candidate_index(fair: &Fair, id: &CandidateId) -> Result<usize, MergeError> {
    fair.candidates
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| MergeError(format!("no candidate with id {id}")))
}

/// Records the organizer's answer to a possible duplicate. For the same person, the merged
/// candidate's visits move to the kept one, the kept one's check-in becomes the earlier of
/// the two, and the merged candidate leaves the list; returns what undoes that.
pub fn resolve_duplicate(fair: &mut Fair, decision: &DuplicateDecision) -> Result<Option<MergedAway>, MergeError> {
    let (a, b) = match decision {
        DuplicateDecision::SamePerson { kept, merged } => (kept, merged),
        DuplicateDecision::DifferentPeople { a, b } => (a, b),
    };
    if a == b {
        return Err(MergeError(format!("{a} cannot be a duplicate of itself")));
    }
    if let Some(previous) = fair.duplicate_decisions.iter().find(|d| d.settles(a, b)) {
        return Err(MergeError(format!("{a} and {b} are already resolved: {previous:?}")));
    }
    let merged_index = candidate_index(fair, b)?;
    let kept_index = candidate_index(fair, a)?;
    let away = match decision {
        DuplicateDecision::DifferentPeople { .. } => None,
        DuplicateDecision::SamePerson { kept, merged } => {
            let kept_checked_in_before = fair.candidates[kept_index].checked_in;
            let kept_checked_in_after = earliest(kept_checked_in_before, fair.candidates[merged_index].checked_in);
            fair.candidates[kept_index].checked_in = kept_checked_in_after;
            let mut visits = Vec::new();
            for (i, visit) in fair.visits.iter_mut().enumerate() {
                if &visit.candidate == merged {
                    visit.candidate = kept.clone();
                    visits.push(i);
                }
            }
            let candidate = fair.candidates.remove(merged_index);
            Some(MergedAway {
                candidate,
                index: merged_index,
                visits,
                kept_checked_in_before,
                kept_checked_in_after,
            })
        }
    };
    fair.duplicate_decisions.push(decision.clone());
    Ok(away)
}

/// Takes back [`resolve_duplicate`]: the decision goes and the merged candidate returns with
/// their visits. A check-in the kept candidate got since (at a desk) is left alone.
pub fn unresolve_duplicate(
    fair: &mut Fair,
    decision: &DuplicateDecision,
    away: Option<&MergedAway>,
) -> Result<(), MergeError> {
    let Some(at) = fair.duplicate_decisions.iter().rposition(|d| d == decision) else {
        return Err(MergeError(format!("no such duplicate decision: {decision:?}")));
    };
    if let (DuplicateDecision::SamePerson { kept, merged }, Some(away)) = (decision, away) {
        if fair.candidates.iter().any(|c| &c.id == merged) {
            return Err(MergeError(format!("candidate {merged} is back in the fair already")));
        }
        let kept_index = candidate_index(fair, kept)?;
        let person = &mut fair.candidates[kept_index];
        if person.checked_in == away.kept_checked_in_after {
            person.checked_in = away.kept_checked_in_before;
        }
        for &i in &away.visits {
            if let Some(visit) = fair.visits.get_mut(i)
                && &visit.candidate == kept
            {
                visit.candidate = merged.clone();
            }
        }
        let index = away.index.min(fair.candidates.len());
        fair.candidates.insert(index, away.candidate.clone());
    }
    fair.duplicate_decisions.remove(at);
    Ok(())
}

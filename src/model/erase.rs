//! Erasing a person's personal data (PIPL's right to deletion), keeping the fair's counts.
//!
//! [`erase_candidate`] takes the candidate out of `fair.candidates` and leaves a
//! [`Tombstone`] with only the id, when it happened and when they checked in. Their visits
//! stay, without staff notes, so booth counts and ratings hold; their station events stay, a
//! walk-in's copy of the person reduced to the id. Merging a station log later passes its
//! events through [`scrub_erased_events`] first, so an older log's copy of the person equals
//! the scrubbed one already in the fair and never brings the data back.
//!
//! Pure data: the command line calls it directly, the window through an undoable edit
//! ([`restore_candidate`] takes it back until the fair is saved).

use serde::{Deserialize, Serialize};

use super::{Candidate, CandidateId, EventKind, Fair, LocalTime, StationEvent};

/// What is left of an erased person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub candidate: CandidateId,
    /// When the data was erased.
    pub erased_at: LocalTime,
    /// When they checked in, so check-in counts hold.
    #[serde(default)]
    pub checked_in: Option<LocalTime>,
}

/// What [`erase_candidate`] removed, enough for [`restore_candidate`] to put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Erasure {
    pub candidate: Candidate,
    /// Where the candidate stood in `fair.candidates`.
    pub index: usize,
    /// `(index into fair.visits, notes)` of every visit whose notes were cleared.
    pub visit_notes: Vec<(usize, String)>,
    /// `(index into fair.events, event as it was)` of every event that was scrubbed.
    pub events: Vec<(usize, StationEvent)>,
}

/// What erasing a person keeps of them in a walk-in event: the id and the check-in time.
fn anonymous(candidate: &Candidate) -> Candidate {
    let mut stub = Candidate::blank(candidate.id.clone(), "");
    stub.checked_in = candidate.checked_in;
    stub
}

/// Whether `id` was erased.
pub fn is_erased(fair: &Fair, id: &CandidateId) -> bool {
    fair.erased.iter().any(|t| &t.candidate == id)
}

/// Erases candidate `id`'s personal data (see the module documentation). Errors when there is
/// no such candidate; erasing again is an error too (the tombstone is already there).
pub fn erase_candidate(fair: &mut Fair, id: &CandidateId, now: LocalTime) -> Result<Erasure, String> {
    let index = fair.candidates.iter().position(|c| &c.id == id).ok_or_else(|| {
        if is_erased(fair, id) {
            format!("candidate {id} was already erased")
        } else {
            format!("no candidate with id {id}")
        }
    })?;
    let candidate = fair.candidates.remove(index);
    let mut visit_notes = Vec::new();
    for (i, visit) in fair.visits.iter_mut().enumerate() {
        if &visit.candidate == id && !visit.notes.is_empty() {
            visit_notes.push((i, std::mem::take(&mut visit.notes)));
        }
    }
    let mut events = Vec::new();
    for (i, event) in fair.events.iter_mut().enumerate() {
        let before = event.clone();
        if scrub_event(event, std::slice::from_ref(id)) {
            events.push((i, before));
        }
    }
    if !is_erased(fair, id) {
        fair.erased.push(Tombstone {
            candidate: id.clone(),
            erased_at: now,
            checked_in: candidate.checked_in,
        });
    }
    Ok(Erasure {
        candidate,
        index,
        visit_notes,
        events,
    })
}

/// Takes back an [`erase_candidate`] that has not been saved yet (the window's undo).
pub fn restore_candidate(fair: &mut Fair, erasure: &Erasure) {
    let id = &erasure.candidate.id;
    fair.erased.retain(|t| &t.candidate != id);
    let index = erasure.index.min(fair.candidates.len());
    fair.candidates.insert(index, erasure.candidate.clone());
    for (i, notes) in &erasure.visit_notes {
        if let Some(visit) = fair.visits.get_mut(*i)
            && &visit.candidate == id
        {
            visit.notes = notes.clone();
        }
    }
    for (i, event) in &erasure.events {
        if let Some(slot) = fair.events.get_mut(*i)
            && slot.id == event.id
        {
            *slot = event.clone();
        }
    }
}

/// Scrubs incoming events about erased people the same way [`erase_candidate`] scrubbed the
/// fair's own; returns how many changed. Merging calls it before comparing events.
pub fn scrub_erased_events(fair: &Fair, events: &mut [StationEvent]) -> usize {
    if fair.erased.is_empty() {
        return 0;
    }
    let erased: Vec<CandidateId> = fair.erased.iter().map(|t| t.candidate.clone()).collect();
    let mut changed = 0;
    for event in events {
        if scrub_event(event, &erased) {
            changed += 1;
        }
    }
    changed
}

/// Removes personal data about any of `erased` from one event; whether it changed.
fn scrub_event(event: &mut StationEvent, erased: &[CandidateId]) -> bool {
    match &mut event.kind {
        EventKind::WalkIn { candidate } if erased.contains(&candidate.id) => {
            let stub = anonymous(candidate);
            let changed = *candidate != stub;
            *candidate = stub;
            changed
        }
        EventKind::Visit { visit } if erased.contains(&visit.candidate) && !visit.notes.is_empty() => {
            visit.notes.clear();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BoothId, EventId, FairId, NextStep, PipelineStatus, StationId, Visit, VisitId};

    fn at(minute: u32) -> LocalTime {
        chrono::NaiveDate::from_ymd_opt(2026, 5, 16)
            .unwrap()
            .and_hms_opt(9, minute, 0)
            .unwrap()
    }

    fn fair_with_walk_in() -> Fair {
        let mut fair = Fair::new(FairId::new("f"), "f");
        let mut person = Candidate::blank(CandidateId::new("W1"), "张伟");
        person.phone = "13800138000".into();
        person.email = "zw@example.cn".into();
        person.checked_in = Some(at(1));
        let visit = Visit {
            id: VisitId::new("V1"),
            candidate: person.id.clone(),
            booth: BoothId::new("B1"),
            position: None,
            at: at(5),
            rating: Some(4),
            notes: "called 13800138000".into(),
            next_step: NextStep::Interview,
            status: PipelineStatus::Open,
        };
        fair.events.push(StationEvent {
            id: EventId::new("e1"),
            station: StationId::new("entrance"),
            at: at(1),
            kind: EventKind::WalkIn {
                candidate: person.clone(),
            },
        });
        fair.events.push(StationEvent {
            id: EventId::new("e2"),
            station: StationId::new("booth-B1"),
            at: at(5),
            kind: EventKind::Visit { visit: visit.clone() },
        });
        fair.candidates.push(person);
        fair.visits.push(visit);
        fair
    }

    #[test]
    fn erase_keeps_counts_and_removes_personal_data() {
        let mut fair = fair_with_walk_in();
        let original = fair.clone();
        let erasure = erase_candidate(&mut fair, &CandidateId::new("W1"), at(30)).unwrap();
        assert!(fair.candidates.is_empty());
        assert_eq!(fair.visits.len(), 1);
        assert_eq!(fair.events.len(), 2);
        assert_eq!(fair.erased[0].checked_in, Some(at(1)));
        let text = format!("{fair:?}");
        for secret in ["张伟", "13800138000", "zw@example.cn"] {
            assert!(!text.contains(secret), "{secret} is still in the fair");
        }
        assert!(erase_candidate(&mut fair, &CandidateId::new("W1"), at(31)).is_err());
        restore_candidate(&mut fair, &erasure);
        assert_eq!(fair, original);
    }

    #[test]
    fn an_older_copy_of_the_events_scrubs_to_the_fairs_own() {
        let mut fair = fair_with_walk_in();
        let mut old_log_events = fair.events.clone();
        erase_candidate(&mut fair, &CandidateId::new("W1"), at(30)).unwrap();
        assert_eq!(scrub_erased_events(&fair, &mut old_log_events), 2);
        assert_eq!(old_log_events, fair.events);
    }
}

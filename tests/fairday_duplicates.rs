//! Resolving possible duplicates (two walk-ins with one phone or email on two laptops): same
//! person or different people, undoable, saved with the fair, and respected by later merges.

mod fairday_support;

use fairday_support::{at, candidate, small_fair};
use fairmatch::app::merge::{merge_logs, possible_duplicates};
use fairmatch::app::{AppState, Edit, Prefs};
use fairmatch::model::{
    BoothId, CandidateId, DuplicateDecision, EventId, EventKind, Fair, NextStep, PipelineStatus, STATION_LOG_VERSION,
    StationEvent, StationId, StationLog, Visit, VisitId,
};

fn log(station: &str, events: Vec<StationEvent>) -> StationLog {
    StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: small_fair().meta.id,
        station: Some(StationId::new(station)),
        events,
    }
}

fn event(id: &str, station: &str, minute: u32, kind: EventKind) -> StationEvent {
    StationEvent {
        id: EventId::new(id),
        station: StationId::new(station),
        at: at(9, minute),
        kind,
    }
}

fn walk_in(id: &str, name: &str, minute: u32) -> EventKind {
    let mut person = candidate(id, name, "13911112222", "zj@example.com", id);
    person.checked_in = Some(at(9, minute));
    EventKind::WalkIn { candidate: person }
}

fn visit(id: &str, candidate: &str, booth: &str, minute: u32) -> EventKind {
    EventKind::Visit {
        visit: Visit {
            id: VisitId::new(id),
            candidate: CandidateId::new(candidate),
            booth: BoothId::new(booth),
            position: None,
            at: at(9, minute),
            rating: Some(4),
            notes: String::new(),
            next_step: NextStep::Interview,
            status: PipelineStatus::Open,
        },
    }
}

/// The entrance registers 周杰 at 9:10; a booth laptop, not seeing that, registers him again
/// at 9:30 and records a visit.
fn logs() -> Vec<StationLog> {
    vec![
        log(
            "entrance-1",
            vec![event("e1", "entrance-1", 10, walk_in("W-a", "周杰", 10))],
        ),
        log(
            "booth-A-002",
            vec![
                event("b1", "booth-A-002", 30, walk_in("W-b", "周 杰", 30)),
                event("b2", "booth-A-002", 35, visit("V-b", "W-b", "A-002", 35)),
            ],
        ),
    ]
}

fn merged_fair() -> Fair {
    let mut fair = small_fair();
    let report = merge_logs(&mut fair, &logs()).expect("same fair");
    assert_eq!(report.possible_duplicates.len(), 1);
    assert_eq!(
        report.possible_duplicates[0].undecided,
        [(CandidateId::new("W-a"), CandidateId::new("W-b"))]
    );
    fair
}

fn same_person() -> DuplicateDecision {
    DuplicateDecision::SamePerson {
        kept: CandidateId::new("W-a"),
        merged: CandidateId::new("W-b"),
    }
}

fn ids(fair: &Fair) -> Vec<&str> {
    fair.candidates.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn same_person_moves_visits_and_check_in_and_undo_restores_exactly() {
    let fair = merged_fair();
    let mut app = AppState::new(fair.clone(), None, Prefs::default());
    let fit_of_b = app.matcher().top_positions(&CandidateId::new("W-b")).to_vec();
    assert!(!fit_of_b.is_empty());
    app.apply(Edit::ResolveDuplicate {
        decision: same_person(),
    })
    .expect("resolves");
    assert_eq!(
        app.undo_name().map(|n| n.en.as_str()),
        Some("merge duplicate W-b into W-a")
    );
    assert!(app.candidate(&CandidateId::new("W-b")).is_none(), "B leaves the lists");
    assert!(!ids(app.fair()).contains(&"W-b"));
    assert_eq!(app.fair().visits.len(), 1);
    assert_eq!(app.fair().visits[0].candidate.as_str(), "W-a", "B's visit counts for A");
    assert_eq!(
        app.candidate(&CandidateId::new("W-a")).and_then(|c| c.checked_in),
        Some(at(9, 10))
    );
    assert!(possible_duplicates(app.fair()).is_empty());
    assert_eq!(app.fair().events.len(), 3, "no event is dropped");
    assert!(app.matcher().top_positions(&CandidateId::new("W-b")).is_empty());
    assert_eq!(
        app.matcher().top_positions(&CandidateId::new("W-a")),
        fairmatch::matching::Matcher::build(app.fair()).top_positions(&CandidateId::new("W-a")),
        "A is matched with B's visit"
    );

    app.undo().expect("undo");
    assert_eq!(*app.fair(), fair);
    assert_eq!(app.matcher().top_positions(&CandidateId::new("W-b")), fit_of_b);
    assert_eq!(possible_duplicates(app.fair()).len(), 1);
    app.redo().expect("redo");
    assert!(app.candidate(&CandidateId::new("W-b")).is_none());
    // Answering the same pair twice is refused and changes nothing.
    let before = app.fair().clone();
    assert!(
        app.apply(Edit::ResolveDuplicate {
            decision: DuplicateDecision::DifferentPeople {
                a: CandidateId::new("W-b"),
                b: CandidateId::new("W-a"),
            },
        })
        .is_err()
    );
    assert_eq!(*app.fair(), before);
}

#[test]
fn a_resolved_duplicate_does_not_come_back_when_the_logs_are_merged_again() {
    let mut app = AppState::new(merged_fair(), None, Prefs::default());
    app.apply(Edit::ResolveDuplicate {
        decision: same_person(),
    })
    .expect("resolves");
    let resolved = app.fair().clone();

    // The same logs again: nothing new, B stays merged.
    let mut again = resolved.clone();
    let report = merge_logs(&mut again, &logs()).expect("same fair");
    assert_eq!(report.events_added, 0);
    assert_eq!(again, resolved);

    // The booth laptop's next export: its old events plus a new visit and check-in for B, and
    // the organizer merges it into a copy that never saw the booth's first log.
    let mut later = logs().remove(1);
    later
        .events
        .push(event("b3", "booth-A-002", 50, visit("V-b2", "W-b", "A-001", 50)));
    later.events.push(event(
        "b4",
        "booth-A-002",
        5,
        EventKind::CheckIn {
            candidate: CandidateId::new("W-b"),
        },
    ));
    let mut fair = resolved.clone();
    let report = merge_logs(&mut fair, std::slice::from_ref(&later)).expect("same fair");
    assert_eq!(report.events_added, 2);
    assert!(report.unknown_candidates.is_empty(), "{:?}", report.unknown_candidates);
    assert!(report.possible_duplicates.is_empty());
    assert!(!ids(&fair).contains(&"W-b"), "B does not reappear");
    let visits: Vec<(&str, &str)> = fair
        .visits
        .iter()
        .map(|v| (v.id.as_str(), v.candidate.as_str()))
        .collect();
    assert_eq!(visits, [("V-b", "W-a"), ("V-b2", "W-a")]);
    let kept = fair.candidates.iter().find(|c| c.id.as_str() == "W-a").expect("kept");
    assert_eq!(kept.checked_in, Some(at(9, 5)), "B's earlier check-in counts for A");
    let mut event_ids: Vec<&str> = fair.events.iter().map(|e| e.id.as_str()).collect();
    event_ids.sort_unstable();
    assert_eq!(
        event_ids,
        ["b1", "b2", "b3", "b4", "e1"],
        "every recorded event is kept"
    );

    // A fresh organizer copy holding only the decision's fair gets the same result from the
    // logs in any order.
    let mut other_order = resolved;
    merge_logs(&mut other_order, &[later, logs().remove(0)]).expect("same fair");
    assert_eq!(other_order, fair);
}

#[test]
fn different_people_are_no_longer_listed_even_after_merging_again_and_the_decision_is_saved() {
    let mut app = AppState::new(merged_fair(), None, Prefs::default());
    let decision = DuplicateDecision::DifferentPeople {
        a: CandidateId::new("W-b"),
        b: CandidateId::new("W-a"),
    };
    app.apply(Edit::ResolveDuplicate {
        decision: decision.clone(),
    })
    .expect("resolves");
    assert_eq!(
        app.fair().candidates.len(),
        small_fair().candidates.len() + 2,
        "both kept"
    );
    assert!(possible_duplicates(app.fair()).is_empty());

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fair.ron");
    app.save_to(&path).expect("saves");
    let loaded = fairmatch::store::load_fair(&path).expect("loads");
    assert_eq!(loaded.duplicate_decisions, [decision]);
    assert_eq!(loaded, *app.fair());

    let mut again = loaded.clone();
    let report = merge_logs(&mut again, &logs()).expect("same fair");
    assert!(report.possible_duplicates.is_empty());
    assert_eq!(again, loaded);

    // A third walk-in with the same phone is a new question about the new pairs only.
    let third = log(
        "entrance-2",
        vec![event("c1", "entrance-2", 40, walk_in("W-c", "周杰", 40))],
    );
    let report = merge_logs(&mut again, &[third]).expect("same fair");
    assert_eq!(report.possible_duplicates.len(), 1);
    assert_eq!(
        report.possible_duplicates[0].undecided,
        [
            (CandidateId::new("W-a"), CandidateId::new("W-c")),
            (CandidateId::new("W-b"), CandidateId::new("W-c"))
        ]
    );

    app.undo().expect("undo");
    assert_eq!(possible_duplicates(app.fair()).len(), 1);
}

#[test]
fn a_fair_without_decisions_is_written_as_before() {
    let text = fairmatch::store::fair_to_string(&small_fair()).expect("writes");
    assert!(!text.contains("duplicate_decisions"));
}

mod after_resolution {
    use super::*;
    use proptest::prelude::*;

    /// (kind, station, minute, whose: 0 = B, 1 = A, else registered, which logs)
    type Spec = (u8, u8, u32, u8, u8);

    fn random_logs(specs: &[Spec]) -> [StationLog; 3] {
        let mut logs: [StationLog; 3] = std::array::from_fn(|i| log(&format!("s{i}"), Vec::new()));
        for (i, &(kind, station, minute, whose, mask)) in specs.iter().enumerate() {
            let who = match whose % 3 {
                0 => "W-b",
                1 => "W-a",
                _ => "C-3",
            };
            let station = format!("s{station}");
            let kind = match kind % 3 {
                0 => EventKind::CheckIn {
                    candidate: CandidateId::new(who),
                },
                1 => walk_in(who, "周杰", minute % 60),
                _ => visit(&format!("V-r{i}"), who, "A-001", minute % 60),
            };
            let e = event(&format!("r{i}"), &station, minute % 60, kind);
            for (bit, log) in logs.iter_mut().enumerate() {
                if (mask % 7 + 1) & (1 << bit) != 0 {
                    log.events.push(e.clone());
                }
            }
        }
        logs
    }

    fn resolved() -> Fair {
        let mut app = AppState::new(merged_fair(), None, Prefs::default());
        app.apply(Edit::ResolveDuplicate {
            decision: same_person(),
        })
        .expect("resolves");
        (*app.fair()).clone()
    }

    fn merge_each(base: &Fair, logs: &[&StationLog]) -> Fair {
        let mut fair = base.clone();
        for log in logs {
            merge_logs(&mut fair, std::slice::from_ref(*log)).expect("same fair");
        }
        // As a set: the order records arrive in depends on the order of the logs.
        fair.candidates.sort_by(|a, b| a.id.cmp(&b.id));
        fair.visits.sort_by(|a, b| a.id.cmp(&b.id));
        fair
    }

    proptest! {
        #[test]
        fn merges_stay_a_union_and_never_bring_the_merged_person_back(
            specs in prop::collection::vec((0u8..3, 0u8..3, 0u32..60, 0u8..3, any::<u8>()), 0..25)
        ) {
            let base = resolved();
            let [a, b, c] = random_logs(&specs);
            let abc = merge_each(&base, &[&a, &b, &c]);
            let cab = merge_each(&base, &[&c, &a, &b]);
            prop_assert_eq!(&abc, &cab);
            let mut twice = abc.clone();
            let report = merge_logs(&mut twice, &[a, b, c]).expect("same fair");
            prop_assert_eq!(report.events_added, 0);
            prop_assert!(!ids(&abc).contains(&"W-b"));
            prop_assert!(abc.visits.iter().all(|v| v.candidate.as_str() != "W-b"));
            // Other walk-ins sharing the phone are new questions; the answered pair is not asked again.
            prop_assert!(possible_duplicates(&abc)
                .iter()
                .flat_map(|g| &g.members)
                .all(|m| m.id.as_str() != "W-b"));
            let mut expected: Vec<String> = base.events.iter().map(|e| e.id.0.clone()).collect();
            expected.extend((0..specs.len()).map(|i| format!("r{i}")));
            expected.sort();
            let mut kept: Vec<String> = abc.events.iter().map(|e| e.id.0.clone()).collect();
            kept.sort();
            prop_assert_eq!(kept, expected, "no event lost");
        }
    }
}

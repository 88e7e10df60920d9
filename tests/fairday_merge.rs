//! Merging station logs: a union by event id that is idempotent, commutative and associative,
//! loses nothing, refuses foreign logs and lists possible duplicate walk-ins.

mod fairday_support;

use fairday_support::{at, candidate, small_fair};
use fairmatch::app::merge::{merge_logs, station_log};
use fairmatch::model::{
    BoothId, CandidateId, EventId, EventKind, Fair, FairId, NextStep, PipelineStatus, STATION_LOG_VERSION,
    StationEvent, StationId, StationLog, Visit, VisitId,
};
use proptest::prelude::*;

/// (kind 0..3, station, minute of the day, candidate, phone choice, rating, booth, in which logs)
type Spec = (u8, u8, u32, usize, usize, u8, usize, u8);

const PHONES: [&str; 4] = ["13911110000", "13922220000", "13800138000", "13933330000"];

fn event(i: usize, spec: Spec, fair: &Fair) -> StationEvent {
    let (kind, station, minute, who, phone, rating, booth, _) = spec;
    let station = StationId(format!("station-{station}"));
    let at = at(8 + minute / 60, minute % 60);
    let registered = fair.candidates[who % fair.candidates.len()].id.clone();
    let kind = match kind {
        0 => EventKind::CheckIn { candidate: registered },
        1 => {
            let mut walk_in = candidate(&format!("W-{i}"), "周杰", PHONES[phone], "", &format!("WB{i}"));
            walk_in.checked_in = Some(at);
            EventKind::WalkIn { candidate: walk_in }
        }
        _ => EventKind::Visit {
            visit: Visit {
                id: VisitId(format!("V-{i}")),
                candidate: registered,
                booth: fair.booths[booth % fair.booths.len()].id.clone(),
                position: None,
                at,
                rating: Some(rating),
                notes: format!("note {i}"),
                next_step: NextStep::Interview,
                status: PipelineStatus::Open,
            },
        },
    };
    StationEvent {
        id: EventId(format!("ev-{i}")),
        station,
        at,
        kind,
    }
}

/// Three logs; each event lands in at least one, often several (re-exported logs overlap).
fn logs(specs: &[Spec], fair: &Fair) -> [StationLog; 3] {
    let mut logs: [StationLog; 3] = std::array::from_fn(|_| StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: fair.meta.id.clone(),
        station: None,
        events: Vec::new(),
    });
    for (i, spec) in specs.iter().enumerate() {
        let mask = spec.7 % 7 + 1;
        for (bit, log) in logs.iter_mut().enumerate() {
            if mask & (1 << bit) != 0 {
                log.events.push(event(i, *spec, fair));
            }
        }
    }
    logs
}

fn merged(fair: &Fair, logs: &[&StationLog]) -> Fair {
    let mut fair = fair.clone();
    for log in logs {
        merge_logs(&mut fair, std::slice::from_ref(*log)).expect("same fair");
    }
    fair
}

/// The fair as a set: candidates and visits in id order (events are kept in one order already).
fn normalized(fair: &Fair) -> Fair {
    let mut fair = fair.clone();
    fair.candidates.sort_by(|a, b| a.id.cmp(&b.id));
    fair.visits.sort_by(|a, b| a.id.cmp(&b.id));
    fair
}

fn specs() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(
        (
            0u8..3,
            0u8..3,
            0u32..600,
            0usize..6,
            0usize..4,
            1u8..=5,
            0usize..2,
            any::<u8>(),
        ),
        0..40,
    )
}

proptest! {
    #[test]
    fn merging_a_log_twice_adds_nothing(specs in specs()) {
        let base = small_fair();
        let [a, b, _] = logs(&specs, &base);
        let once = merged(&base, &[&a, &b]);
        let mut twice = once.clone();
        let report = merge_logs(&mut twice, &[a.clone(), b.clone()]).expect("same fair");
        prop_assert_eq!(report.events_added, 0);
        prop_assert_eq!(&twice, &once);
    }

    #[test]
    fn log_order_does_not_matter(specs in specs()) {
        let base = small_fair();
        let [a, b, c] = logs(&specs, &base);
        let abc = normalized(&merged(&base, &[&a, &b, &c]));
        prop_assert_eq!(&normalized(&merged(&base, &[&c, &b, &a])), &abc);
        prop_assert_eq!(&normalized(&merged(&base, &[&b, &a, &c])), &abc);
        let mut together = base.clone();
        merge_logs(&mut together, &[c.clone(), a.clone(), b.clone()]).expect("same fair");
        prop_assert_eq!(&normalized(&together), &abc);
    }

    #[test]
    fn grouping_does_not_matter(specs in specs()) {
        let base = small_fair();
        let [a, b, c] = logs(&specs, &base);
        let left = merged(&base, &[&a, &b, &c]);
        // (b merged with c) exported as one log, then merged after a.
        let bc = station_log(&merged(&base, &[&b, &c]), None);
        let right = merged(&base, &[&a, &bc]);
        prop_assert_eq!(normalized(&left), normalized(&right));
    }

    #[test]
    fn no_event_is_lost(specs in specs()) {
        let base = small_fair();
        let all = logs(&specs, &base);
        let fair = merged(&base, &[&all[0], &all[1], &all[2]]);
        let mut distinct = std::collections::HashSet::new();
        for event in all.iter().flat_map(|l| &l.events) {
            prop_assert!(fair.events.contains(event), "event {} lost", event.id);
            distinct.insert(event.id.clone());
            match &event.kind {
                EventKind::WalkIn { candidate } => {
                    let kept = fair.candidates.iter().find(|c| c.id == candidate.id);
                    prop_assert!(kept.is_some(), "walk-in {} lost", candidate.id);
                    prop_assert!(kept.and_then(|c| c.checked_in).is_some_and(|t| t <= event.at));
                }
                EventKind::CheckIn { candidate } => {
                    let person = fair.candidates.iter().find(|c| &c.id == candidate);
                    prop_assert!(person.and_then(|c| c.checked_in).is_some_and(|t| t <= event.at));
                }
                EventKind::Visit { visit } => prop_assert!(fair.visits.contains(visit), "visit {} lost", visit.id),
                EventKind::SessionCheckIn { session, candidate } => {
                    let session = fair.sessions.iter().find(|s| &s.id == session);
                    prop_assert!(session.is_some_and(|s| s.attended.contains(candidate)));
                }
            }
        }
        prop_assert_eq!(fair.events.len(), distinct.len());
        // The check-in time is the earliest any station saw the person, not a later one.
        for person in &fair.candidates {
            let first = fair
                .events
                .iter()
                .filter(|e| match &e.kind {
                    EventKind::CheckIn { candidate } => candidate == &person.id,
                    EventKind::WalkIn { candidate } => candidate.id == person.id,
                    EventKind::Visit { .. } | EventKind::SessionCheckIn { .. } => false,
                })
                .map(|e| e.at)
                .min();
            prop_assert_eq!(person.checked_in, first);
        }
    }
}

#[test]
fn a_log_from_another_fair_is_refused_and_nothing_changes() {
    let base = small_fair();
    let mut other = small_fair();
    other.meta.id = FairId::new("fair-2025-jn");
    let good = StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: base.meta.id.clone(),
        station: Some(StationId::new("entrance-1")),
        events: vec![StationEvent {
            id: EventId::new("e1"),
            station: StationId::new("entrance-1"),
            at: at(9, 0),
            kind: EventKind::CheckIn {
                candidate: CandidateId::new("C-1"),
            },
        }],
    };
    let foreign = station_log(&other, Some(&StationId::new("booth-9")));
    let mut fair = base.clone();
    let error = merge_logs(&mut fair, &[good, foreign]).expect_err("refused");
    assert!(
        error.0.contains("fair-2025-jn") && error.0.contains("fair-2026-qd"),
        "{error}"
    );
    assert_eq!(fair, base);
}

#[test]
fn a_newer_log_format_is_refused() {
    let base = small_fair();
    let mut log = station_log(&base, None);
    log.format_version = STATION_LOG_VERSION + 1;
    let mut fair = base.clone();
    let error = merge_logs(&mut fair, &[log]).expect_err("refused");
    assert!(error.0.contains("newer"), "{error}");
}

#[test]
fn walk_ins_with_the_same_phone_on_two_stations_are_listed_not_merged() {
    let base = small_fair();
    let walk_in = |station: &str, id: &str, name: &str, phone: &str, email: &str| {
        let mut person = candidate(id, name, phone, email, id);
        person.checked_in = Some(at(9, 30));
        StationLog {
            format_version: STATION_LOG_VERSION,
            fair_id: base.meta.id.clone(),
            station: Some(StationId::new(station)),
            events: vec![StationEvent {
                id: EventId(format!("{station}-{id}")),
                station: StationId::new(station),
                at: at(9, 30),
                kind: EventKind::WalkIn { candidate: person },
            }],
        }
    };
    let one = walk_in("entrance-1", "W-a", "周杰", "13911112222", "zj@example.com");
    let two = walk_in("entrance-2", "W-b", "周 杰", "139-1111-2222", "ZJ@example.com");
    let three = walk_in("entrance-2", "W-c", "吴磊", "13999998888", "wl@example.com");
    let mut fair = base.clone();
    let report = merge_logs(&mut fair, &[one, two, three]).expect("same fair");
    assert_eq!(report.walk_ins.len(), 3);
    assert_eq!(fair.candidates.len(), base.candidates.len() + 3);
    assert_eq!(report.possible_duplicates.len(), 1, "{:?}", report.possible_duplicates);
    let group = &report.possible_duplicates[0];
    assert_eq!(group.shared, ["email zj@example.com", "phone 13911112222"]);
    let members: Vec<(&str, Option<&str>)> = group
        .members
        .iter()
        .map(|m| (m.id.as_str(), m.walk_in_station.as_ref().map(StationId::as_str)))
        .collect();
    assert_eq!(members, [("W-a", Some("entrance-1")), ("W-b", Some("entrance-2"))]);
    assert!(report.lines().iter().any(|l| l.contains("possible duplicates")));
}

#[test]
fn a_walk_in_clashing_with_a_registrant_id_is_kept_under_another_id() {
    let base = small_fair();
    let mut impostor = candidate("C-1", "孙俪", "13977776666", "", "X1");
    impostor.checked_in = Some(at(9, 0));
    let log = StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: base.meta.id.clone(),
        station: None,
        events: vec![StationEvent {
            id: EventId::new("e-1"),
            station: StationId::new("entrance-3"),
            at: at(9, 0),
            kind: EventKind::WalkIn { candidate: impostor },
        }],
    };
    let mut fair = base.clone();
    let report = merge_logs(&mut fair, std::slice::from_ref(&log)).expect("same fair");
    assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
    assert_eq!(fair.candidates[0], base.candidates[0], "the registrant is untouched");
    let kept = fair.candidates.last().expect("walk-in kept");
    assert_eq!(kept.id.as_str(), "C-1~e-1");
    assert_eq!(kept.name, "孙俪");
    let again = merge_logs(&mut fair, &[log]).expect("same fair");
    assert_eq!(again.events_added, 0);
    assert_eq!(fair.candidates.len(), base.candidates.len() + 1);
}

#[test]
fn visits_for_unknown_candidates_are_kept_and_reported() {
    let base = small_fair();
    let log = StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: base.meta.id.clone(),
        station: None,
        events: vec![StationEvent {
            id: EventId::new("e-9"),
            station: StationId::new("booth-A-001"),
            at: at(13, 0),
            kind: EventKind::Visit {
                visit: Visit {
                    id: VisitId::new("V-9"),
                    candidate: CandidateId::new("ghost"),
                    booth: BoothId::new("A-001"),
                    position: None,
                    at: at(13, 0),
                    rating: None,
                    notes: String::new(),
                    next_step: NextStep::None,
                    status: PipelineStatus::Open,
                },
            },
        }],
    };
    let mut fair = base.clone();
    let report = merge_logs(&mut fair, &[log]).expect("same fair");
    assert_eq!(report.visits_added, 1);
    assert_eq!(report.unknown_candidates.len(), 1);
    assert_eq!(fair.visits.len(), 1);
}

#[test]
fn derived_events_rebuild_the_day_when_merged_into_the_bare_fair() {
    let bare = small_fair();
    let mut day = small_fair();
    day.candidates[1].checked_in = Some(at(9, 5));
    day.candidates[4].checked_in = Some(at(8, 50));
    for (i, (who, minute)) in [(1usize, 30u32), (4, 10), (1, 45)].into_iter().enumerate() {
        day.visits.push(Visit {
            id: VisitId(format!("V{:06}", i + 1)),
            candidate: day.candidates[who].id.clone(),
            booth: BoothId::new("A-001"),
            position: None,
            at: at(10, minute),
            rating: Some(4),
            notes: String::new(),
            next_step: NextStep::Offer,
            status: PipelineStatus::Open,
        });
    }
    day.visits.sort_by_key(|v| v.at);
    day.events = fairmatch::model::derived_events(&day);
    assert_eq!(day.events.len(), 5);
    assert!(
        fairmatch::model::derived_events(&day).is_empty(),
        "nothing left to derive"
    );

    let mut rebuilt = bare.clone();
    merge_logs(&mut rebuilt, &[station_log(&day, None)]).expect("same fair");
    assert_eq!(rebuilt, day);
}

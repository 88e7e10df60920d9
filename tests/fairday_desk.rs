//! Entrance and booth desk logic: lookup, check-in once, walk-ins without duplicates, visits.

mod fairday_support;

use fairday_support::{at, candidate, small_fair};
use fairmatch::app::fairday::{
    CheckInOutcome, DeskIndex, MatchedBy, SameAs, VisitDraft, WalkInOutcome, check_in, checked_in_count, record_visit,
    register_walk_in,
};
use fairmatch::model::{BoothId, CandidateId, EventKind, NextStep, PositionId, StationId};

fn ids(fair: &fairmatch::model::Fair, desk: &DeskIndex, query: &str) -> Vec<String> {
    desk.lookup(query)
        .iter()
        .map(|m| fair.candidates[m.index].id.0.clone())
        .collect()
}

#[test]
fn lookup_by_badge_name_pinyin_phone_email() {
    let fair = small_fair();
    let desk = DeskIndex::build(&fair);
    let badge = desk.lookup("B0003");
    assert_eq!(badge.len(), 1);
    assert_eq!(badge[0].by, MatchedBy::Badge);
    assert_eq!(fair.candidates[badge[0].index].name, "李娜");
    // Scanners and people type badges in either case with stray spaces.
    assert_eq!(ids(&fair, &desk, " b0003 "), ["C-3"]);
    assert_eq!(ids(&fair, &desk, "李娜"), ["C-3"]);
    assert_eq!(ids(&fair, &desk, "ln"), ["C-3"]);
    assert_eq!(ids(&fair, &desk, "lina"), ["C-3"]);
    // 张伟 and 张薇 share pinyin: both are listed to pick from.
    assert_eq!(ids(&fair, &desk, "zw"), ["C-1", "C-2"]);
    assert_eq!(ids(&fair, &desk, "ZhangWei"), ["C-1", "C-2"]);
    assert_eq!(ids(&fair, &desk, "张伟"), ["C-1"]);
    // Last digits of a phone, ignoring the separators stored in the number.
    assert_eq!(ids(&fair, &desk, "5678"), ["C-2", "C-3"]);
    assert_eq!(ids(&fair, &desk, "45678"), ["C-2"]);
    assert_eq!(ids(&fair, &desk, "13912345678"), ["C-2"]);
    assert!(desk.lookup("678").is_empty(), "three digits match too many people");
    assert_eq!(ids(&fair, &desk, "anna.smith@example.com"), ["C-4"]);
    assert_eq!(ids(&fair, &desk, "anna smith"), ["C-4"]);
    assert_eq!(ids(&fair, &desk, "C-6"), ["C-6"]);
    assert!(desk.lookup("nobody").is_empty());
    assert!(desk.lookup("   ").is_empty());
}

#[test]
fn second_check_in_is_refused_with_the_first_time_and_records_nothing() {
    let mut fair = small_fair();
    let desk = DeskIndex::build(&fair);
    let station = StationId::new("entrance-1");
    let id = CandidateId::new("C-1");
    let first = check_in(&mut fair, &desk, &id, &station, at(9, 41)).expect("checks in");
    assert_eq!(first, CheckInOutcome::CheckedIn { at: at(9, 41) });
    assert_eq!(fair.candidates[0].checked_in, Some(at(9, 41)));
    assert_eq!(fair.events.len(), 1);
    assert!(matches!(&fair.events[0].kind, EventKind::CheckIn { candidate } if candidate == &id));
    assert!(fair.events[0].id.0.starts_with("entrance-1-"));

    let again = check_in(&mut fair, &desk, &id, &StationId::new("entrance-2"), at(10, 5)).expect("answers");
    assert_eq!(again, CheckInOutcome::AlreadyCheckedIn { at: at(9, 41) });
    assert_eq!(fair.events.len(), 1, "a retried scan records nothing");
    assert_eq!(fair.candidates[0].checked_in, Some(at(9, 41)));
    assert_eq!(checked_in_count(&fair), (1, 6));

    let missing = check_in(&mut fair, &desk, &CandidateId::new("C-99"), &station, at(10, 0));
    assert!(missing.expect_err("unknown id").0.contains("C-99"));
}

#[test]
fn event_ids_are_unique() {
    let mut fair = small_fair();
    let desk = DeskIndex::build(&fair);
    let station = StationId::new("s");
    for c in fair.candidates.clone() {
        check_in(&mut fair, &desk, &c.id, &station, at(9, 0)).expect("checks in");
    }
    let mut ids: Vec<_> = fair.events.iter().map(|e| e.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6);
}

#[test]
fn walk_in_with_known_phone_or_email_opens_that_person() {
    let mut fair = small_fair();
    let mut desk = DeskIndex::build(&fair);
    let station = StationId::new("entrance-1");
    let same_phone = candidate("", "张 伟", "138-0013-8000", "", "");
    let outcome = register_walk_in(&mut fair, &mut desk, same_phone, &station, at(9, 0)).expect("answers");
    assert_eq!(
        outcome,
        WalkInOutcome::Existing {
            index: 0,
            same: SameAs::Phone
        }
    );
    let same_email = candidate("", "Anna", "", "ANNA.smith@example.com ", "");
    let outcome = register_walk_in(&mut fair, &mut desk, same_email, &station, at(9, 0)).expect("answers");
    assert_eq!(
        outcome,
        WalkInOutcome::Existing {
            index: 3,
            same: SameAs::Email
        }
    );
    assert_eq!(fair.candidates.len(), 6);
    assert!(fair.events.is_empty());
}

#[test]
fn walk_in_is_added_checked_in_and_found_at_once() {
    let mut fair = small_fair();
    let mut desk = DeskIndex::build(&fair);
    let station = StationId::new("entrance-1");
    // The id and badge collide with existing ones and get replaced.
    let new = candidate("C-1", "赵敏", "13900001234", "zhaomin@example.com", "B0001");
    let outcome = register_walk_in(&mut fair, &mut desk, new, &station, at(10, 15)).expect("registers");
    let WalkInOutcome::Registered { index, id } = outcome else {
        panic!("expected a new registration, got {outcome:?}");
    };
    assert_eq!(index, 6);
    assert_ne!(id.0, "C-1");
    let added = &fair.candidates[6];
    assert_eq!(added.checked_in, Some(at(10, 15)));
    assert_ne!(added.badge, "B0001");
    assert_eq!(ids(&fair, &desk, "zm"), std::slice::from_ref(&id.0));
    let badge = added.badge.clone();
    assert_eq!(ids(&fair, &desk, &badge), std::slice::from_ref(&id.0));
    assert!(matches!(&fair.events[0].kind, EventKind::WalkIn { candidate } if candidate == &fair.candidates[6]));
    assert_eq!(
        check_in(&mut fair, &desk, &id, &station, at(11, 0)).expect("answers"),
        CheckInOutcome::AlreadyCheckedIn { at: at(10, 15) }
    );

    let nameless = candidate("", " ", "13900009999", "", "");
    assert!(register_walk_in(&mut fair, &mut desk, nameless, &station, at(10, 0)).is_err());
    let no_contact = candidate("", "钱多", "", "", "");
    assert!(register_walk_in(&mut fair, &mut desk, no_contact, &station, at(10, 0)).is_err());
    let short_phone = candidate("", "钱多", "123", "", "");
    assert!(register_walk_in(&mut fair, &mut desk, short_phone, &station, at(10, 0)).is_err());
    assert_eq!(fair.candidates.len(), 7);
}

#[test]
fn visit_is_recorded_as_event_and_visit() {
    let mut fair = small_fair();
    let desk = DeskIndex::build(&fair);
    let station = StationId::new("booth-A-001");
    let draft = VisitDraft {
        candidate: CandidateId::new("C-3"),
        booth: BoothId::new("A-001"),
        position: Some(PositionId::new("P-2")),
        rating: Some(5),
        notes: " strong Python ".into(),
        next_step: NextStep::Interview,
    };
    let id = record_visit(&mut fair, &desk, draft.clone(), &station, at(11, 30)).expect("records");
    assert_eq!(fair.visits.len(), 1);
    assert_eq!(fair.visits[0].id, id);
    assert_eq!(fair.visits[0].notes, "strong Python");
    assert!(matches!(&fair.events[0].kind, EventKind::Visit { visit } if visit == &fair.visits[0]));

    let wrong_booth = VisitDraft {
        position: Some(PositionId::new("P-3")),
        ..draft.clone()
    };
    let error = record_visit(&mut fair, &desk, wrong_booth, &station, at(11, 31)).expect_err("refused");
    assert!(error.0.contains("belongs to booth A-002"), "{error}");
    let bad_rating = VisitDraft {
        rating: Some(6),
        ..draft.clone()
    };
    assert!(record_visit(&mut fair, &desk, bad_rating, &station, at(11, 31)).is_err());
    let unknown = VisitDraft {
        candidate: CandidateId::new("nobody"),
        ..draft
    };
    assert!(record_visit(&mut fair, &desk, unknown, &station, at(11, 31)).is_err());
    assert_eq!(fair.visits.len(), 1);
    assert_eq!(fair.events.len(), 1);
}

#[test]
fn a_booth_shortlist_holds_one_fair_day_or_all_days() {
    use fairmatch::app::fairday::{ShortlistDay, booth_visit_days, booth_visits};
    let mut fair = small_fair();
    let desk = DeskIndex::build(&fair);
    let station = StationId::new("booth-A-001");
    let booth = BoothId::new("A-001");
    let draft = |candidate: &str, booth: &str| VisitDraft {
        candidate: CandidateId::new(candidate),
        booth: BoothId::new(booth),
        position: None,
        rating: Some(4),
        notes: String::new(),
        next_step: NextStep::None,
    };
    let day_before = at(16, 0) - chrono::Duration::days(1);
    record_visit(&mut fair, &desk, draft("C-1", "A-001"), &station, day_before).expect("records");
    record_visit(&mut fair, &desk, draft("C-2", "A-001"), &station, at(9, 30)).expect("records");
    record_visit(&mut fair, &desk, draft("C-3", "A-002"), &station, at(9, 45)).expect("records");
    // Just before midnight still counts for that day: the fair day is the local date.
    let late = at(23, 59);
    record_visit(&mut fair, &desk, draft("C-4", "A-001"), &station, late).expect("records");

    let today = at(12, 0).date();
    let names = |day: ShortlistDay| -> Vec<String> {
        booth_visits(&fair, &booth, day.date(today))
            .iter()
            .map(|v| v.candidate.0.clone())
            .collect()
    };
    assert_eq!(names(ShortlistDay::Today), ["C-2", "C-4"]);
    assert_eq!(names(ShortlistDay::Day(day_before.date())), ["C-1"]);
    assert_eq!(names(ShortlistDay::All), ["C-1", "C-2", "C-4"]);
    assert_eq!(booth_visit_days(&fair, &booth), [today, day_before.date()]);
}

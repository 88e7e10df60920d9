//! Check-in at a session's door is a station event: recorded (never undone), journaled, and
//! merged by id into the organizer's fair, where undoing the merge takes it back out.

use fairmatch::app::fairday::CheckInOutcome;
use fairmatch::app::merge::station_log;
use fairmatch::app::{AppState, DeskAction, DeskOutcome, Edit, Prefs};
use fairmatch::model::{CandidateId, EventKind, StationId};

fn laptop(station: &str) -> AppState {
    let prefs = Prefs {
        station_id: station.into(),
        ..Prefs::default()
    };
    AppState::new(fairmatch::generate::sample_fair(), None, prefs)
}

fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

#[test]
fn a_session_check_in_is_recorded_once_and_merges_into_the_organizers_fair() {
    let mut door = laptop("door-hall-2");
    let session = door.fair().sessions[1].id.clone();
    let person = CandidateId::new("C000020");
    assert!(!door.fair().sessions[1].attended.contains(&person));
    let check_in = |at| DeskAction::SessionCheckIn {
        session: session.clone(),
        candidate: person.clone(),
        at,
    };
    let outcome = door.record(check_in(at(14, 5))).expect("recorded");
    assert_eq!(
        outcome,
        DeskOutcome::SessionCheckIn(CheckInOutcome::CheckedIn { at: at(14, 5) })
    );
    assert!(door.fair().sessions[1].attended.contains(&person));
    assert!(door.undo_name().is_none(), "not on the undo history");
    assert!(door.last_desk_action().is_some_and(|n| n.en.starts_with("check in")));
    let again = door.record(check_in(at(14, 20))).expect("a retried scan");
    assert_eq!(
        again,
        DeskOutcome::SessionCheckIn(CheckInOutcome::AlreadyCheckedIn { at: at(14, 5) })
    );
    let events: Vec<_> = door
        .fair()
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::SessionCheckIn { .. }))
        .collect();
    assert_eq!(events.len(), 1, "the retried scan recorded nothing");
    let missing = door.record(DeskAction::SessionCheckIn {
        session: "S999".into(),
        candidate: person.clone(),
        at: at(14, 30),
    });
    assert!(missing.is_err(), "a session not in the fair is refused");

    // The organizer merges the door laptop's log: the person came; merging again adds nothing.
    let log = station_log(door.fair(), Some(&StationId::new("door-hall-2")));
    let mut organizer = laptop("office");
    let before = organizer.fair().clone();
    let (merge, report) = fairmatch::app::merge::plan_merge(organizer.fair(), std::slice::from_ref(&log)).unwrap();
    assert_eq!(report.session_check_ins, 1);
    organizer.apply(Edit::MergeLogs(Box::new(merge))).expect("merges");
    assert!(organizer.fair().sessions[1].attended.contains(&person));
    let (_, twice) = fairmatch::app::merge::plan_merge(organizer.fair(), &[log]).unwrap();
    assert_eq!((twice.session_check_ins, twice.events_added), (0, 0));
    organizer.undo().expect("the merge is one undo step");
    assert_eq!(*organizer.fair(), before);
}

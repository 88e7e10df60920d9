//! The interview schedule in the app: made as a job (one undo step), moved by hand under the
//! timetable's rules, and booth hours edited through the apply path.

mod fairday_support;

use fairday_support::small_fair;
use fairmatch::app::{AppState, CandidateScope, Edit, Job, JobOutcome, Prefs, field};
use fairmatch::generate::{GenerateSpec, generate};
use fairmatch::model::{BoothId, CandidateId, Fair, Interview, InterviewHours, ScheduleSettings};
use fairmatch::schedule::{Options, check};

fn state(fair: Fair) -> AppState {
    let mut app = AppState::new(fair, None, Prefs::default());
    app.wait_for_matching();
    app
}

fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 20)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

fn generated() -> Fair {
    generate(&GenerateSpec {
        seed: 3,
        booths: 8,
        positions: 40,
        candidates: 300,
        visits: 60,
    })
}

#[test]
fn making_the_schedule_is_one_undo_step_and_keeps_every_rule() {
    let mut app = state(generated());
    let settings = ScheduleSettings {
        gap_minutes: 10,
        slot_minutes: 20,
    };
    app.start(Job::Schedule {
        scope: CandidateScope::Everyone,
        settings,
    });
    let finished = app.wait_for_jobs();
    assert!(matches!(&finished[0].outcome, JobOutcome::Done(m) if m.en.starts_with("Scheduled ")));
    let fair = app.fair();
    assert!(!fair.interviews.is_empty());
    assert_eq!(fair.schedule, settings);
    assert_eq!(
        check(&fair.booths, &fair.interviews, Options::from(settings)),
        Vec::new()
    );
    let report = app.schedule_report().expect("the window shows what was left out");
    assert_eq!(report.scheduled, fair.interviews.len());
    assert_eq!(
        app.undo_name().map(|n| n.en.as_str()),
        Some("make the interview schedule")
    );
    app.undo().unwrap();
    assert!(app.fair().interviews.is_empty());
    assert_eq!(app.fair().schedule, ScheduleSettings::default());
}

fn two_booths_one_interviewer() -> AppState {
    let mut fair = small_fair();
    for booth in &mut fair.booths {
        booth.interviews = Some(InterviewHours {
            start: at(9, 0),
            end: at(10, 0),
            interviewers: 1,
            slot_minutes: None,
        });
    }
    let interview = |c: &str, b: &str, h: u32, m: u32| Interview {
        candidate: CandidateId::new(c),
        booth: BoothId::new(b),
        position: None,
        start: at(h, m),
        end: at(h, m) + chrono::Duration::minutes(15),
    };
    let c1 = fair.candidates[0].id.to_string();
    let c2 = fair.candidates[1].id.to_string();
    fair.interviews = vec![
        interview(&c1, "A-001", 9, 0),
        interview(&c2, "A-001", 9, 15),
        interview(&c1, "A-002", 9, 30),
    ];
    state(fair)
}

#[test]
fn a_move_onto_a_clash_is_refused_with_the_reason_and_changes_nothing() {
    let mut app = two_booths_one_interviewer();
    let c1 = app.fair().candidates[0].id.clone();
    let c2 = app.fair().candidates[1].id.clone();
    let before = app.fair().interviews.clone();
    // A-001 has one interviewer, busy with c1 at 9:00.
    let full = app.apply(Edit::MoveInterview {
        candidate: c2.clone(),
        booth: BoothId::new("A-001"),
        start: at(9, 0),
    });
    assert!(full.unwrap_err().en.contains("all its interviewers busy at 09:00"));
    // A-001 is free at 9:45, but c1 is at A-002 until 9:45: within the 5-minute gap.
    let busy = app.apply(Edit::MoveInterview {
        candidate: c1.clone(),
        booth: BoothId::new("A-001"),
        start: at(9, 45),
    });
    let busy = busy.unwrap_err();
    assert!(busy.en.contains("interview at booth A-002 at 09:30"), "{}", busy.en);
    assert!(busy.zh.contains("A-002"), "{}", busy.zh);
    let outside = app.apply(Edit::MoveInterview {
        candidate: c2.clone(),
        booth: BoothId::new("A-001"),
        start: at(9, 50),
    });
    assert!(outside.is_err());
    assert_eq!(app.fair().interviews, before);
    assert!(app.undo_name().is_none());

    app.apply(Edit::MoveInterview {
        candidate: c2.clone(),
        booth: BoothId::new("A-001"),
        start: at(9, 45),
    })
    .unwrap();
    let moved = app
        .fair()
        .interviews
        .iter()
        .find(|i| i.candidate == c2)
        .unwrap()
        .clone();
    assert_eq!((moved.start, moved.end), (at(9, 45), at(10, 0)));
    assert!(app.undo_name().unwrap().en.ends_with("interview to 09:45"));
    app.undo().unwrap();
    assert_eq!(app.fair().interviews, before);
}

#[test]
fn booth_hours_are_an_ordinary_undoable_booth_edit() {
    let mut app = state(small_fair());
    let mut booth = app.fair().booths[0].clone();
    booth.interviews = Some(InterviewHours {
        start: at(13, 0),
        end: at(16, 0),
        interviewers: 2,
        slot_minutes: None,
    });
    app.apply(Edit::SetBooth {
        id: booth.id.clone(),
        value: booth.clone(),
        field: field::INTERVIEW_HOURS,
    })
    .unwrap();
    assert_eq!(app.fair().booths[0].interviews.map(|h| h.interviewers), Some(2));
    app.undo().unwrap();
    assert_eq!(app.fair().booths[0].interviews, None);
}

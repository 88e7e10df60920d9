//! The Schedule and Projects views: a booth's day as a timeline (dragging an interview moves it,
//! or is refused with the reason shown when it clashes), the desks' interview lists, the project
//! pipeline board and sessions.

mod ui_fixture;

use ui_fixture::{harness, nav};

use egui_kittest::kittest::{NodeT, Queryable};
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::{BoothId, CandidateId, Interview, InterviewHours, Lang};
use fairmatch::ui::Workspace;

/// One row of the timeline (see `ui/schedule.rs`).
const ROW: f32 = 26.0;

fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 20)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

/// A01 interviews 9:00–10:00 with one interviewer: 张伟 at 9:00, 李娜 at 9:15.
fn workspace() -> Workspace {
    let mut fair = ui_fixture::fair();
    for booth in &mut fair.booths {
        booth.interviews = Some(InterviewHours {
            start: at(9, 0),
            end: at(10, 0),
            interviewers: 1,
            slot_minutes: None,
        });
    }
    for (candidate, m) in [("C0001", 0), ("C0002", 15)] {
        fair.interviews.push(Interview {
            candidate: CandidateId::new(candidate),
            booth: BoothId::new("A01"),
            position: None,
            start: at(9, m),
            end: at(9, m + 15),
        });
    }
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fair, None, prefs));
    ws.native_dialogs = false;
    ws
}

fn drag(h: &mut egui_kittest::Harness<'_, Workspace>, label: &str, rows: f32) {
    let from = h.get_by_label(label).rect().center();
    drag_between(h, from, from + egui::vec2(0.0, ROW * rows));
}

/// Press at `from`, move to `to` over a few frames, release there.
fn drag_between(h: &mut egui_kittest::Harness<'_, Workspace>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
}

#[test]
fn dragging_an_interview_onto_a_clash_is_refused_with_the_reason_shown() {
    let mut h = harness(workspace());
    nav(&h, "Schedule");
    h.run();
    drag(&mut h, "李娜 09:15", -1.0);
    let interviews = &h.state().app.fair().interviews;
    assert_eq!(interviews[1].start, at(9, 15), "the move is refused");
    assert!(
        h.query_by_label_contains("all its interviewers busy at 09:00")
            .is_some()
    );
}

#[test]
fn dragging_an_interview_to_a_free_slot_moves_it_as_one_undo_step() {
    let mut h = harness(workspace());
    nav(&h, "Schedule");
    h.run();
    drag(&mut h, "李娜 09:15", 2.0);
    let moved = h.state().app.fair().interviews[1].clone();
    assert_eq!((moved.start, moved.end), (at(9, 45), at(10, 0)));
    assert!(
        h.query_by_label("李娜 09:45").is_some(),
        "the timeline shows it at its new time"
    );
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.fair().interviews[1].start, at(9, 15));
}

#[test]
fn make_schedule_fills_the_timeline_from_the_allocation() {
    let mut ws = workspace();
    ws.app.wait_for_matching();
    let mut h = harness(ws);
    nav(&h, "Schedule");
    h.run();
    h.get_by_label("Everyone registered").click();
    h.run();
    h.get_by_label("Make schedule").click();
    h.step();
    h.state_mut().app.wait_for_jobs();
    h.run();
    let app = &h.state().app;
    assert_eq!(
        app.undo_name().map(|n| n.en.as_str()),
        Some("make the interview schedule")
    );
    assert!(!app.fair().interviews.is_empty());
    assert!(h.query_by_label_contains("interviews at").is_some(), "the summary line");
    let count = h.state().app.fair().interviews.len();
    nav(&h, "Dashboard");
    h.run();
    assert!(h.query_by_label(&format!("Interviews scheduled: {count}")).is_some());
}

#[test]
fn the_check_in_desk_shows_the_person_their_interviews() {
    let mut ws = workspace();
    ws.app.prefs_mut().station_id = "entrance-1".into();
    let mut h = harness(ws);
    nav(&h, "Check-in desk");
    h.run();
    let lookup = "Badge, name, pinyin or phone digits";
    h.get_by_label(lookup).click();
    h.run();
    h.get_by_label(lookup).type_text("李娜");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label("Interviews today").is_some());
    assert!(h.query_by_label("09:15–09:30 A01 海尔集团").is_some());
    // Printed: written as text through the job runner.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("itinerary.txt");
    h.get_by_label("Print itinerary…").click();
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.get_by_label("Path").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.state_mut().wait_for_jobs();
    h.run();
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("Itinerary of: 李娜 (C0002)"), "{text}");
    assert!(text.contains("06-20 09:15–09:30  Interview  A01 海尔集团"), "{text}");
}

#[test]
fn the_booth_desk_lists_the_booths_next_interviews() {
    let mut ws = workspace();
    // Interviews tomorrow: the desk shows the first of that day.
    let tomorrow = chrono::Local::now().date_naive() + chrono::Duration::days(1);
    let mut fair = ws.app.fair().clone();
    for i in &mut fair.interviews {
        i.start = tomorrow.and_time(i.start.time());
        i.end = tomorrow.and_time(i.end.time());
    }
    ws.app.replace_fair(fair, None);
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav(&h, "Booth desk");
    h.run();
    assert!(h.query_by_label("Next interviews").is_some());
    h.get_by_label_contains("09:15–09:30").click();
    h.run();
    let opened = h.state().desks.opened.clone();
    assert_eq!(opened, Some(CandidateId::new("C0002")));
}

#[test]
fn dragging_a_project_card_moves_it_along_the_pipeline_as_one_undo_step() {
    use fairmatch::model::ProjectStatus;
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fairmatch::generate::sample_fair(), None, prefs));
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, "Projects");
    h.run();
    let title = "工业大模型质检平台";
    let before = h.state().app.fair().projects[1].clone();
    assert_eq!(before.status, ProjectStatus::IntentionSigned);
    // Onto the "Contract signed" column's heading.
    let from = h
        .get_by_role_and_label(egui::accesskit::Role::Button, title)
        .rect()
        .center();
    let to = h.get_by_label_contains("Contract signed (").rect().center() + egui::vec2(0.0, 60.0);
    drag_between(&mut h, from, to);
    let after = h.state().app.fair().projects[1].clone();
    assert_eq!(after.status, ProjectStatus::ContractSigned);
    let step = after.steps.last().expect("a step for the move");
    assert_eq!(step.status, ProjectStatus::ContractSigned);
    assert_eq!(step.counterparty.as_ref().map(|b| b.as_str()), Some("A-003"));
    assert!(h.query_by_label_contains("Best counterparties").is_some());
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.fair().projects[1], before);
    // The counterparty's booth lists the projects that fit it.
    h.state_mut()
        .app
        .select(fairmatch::app::Record::Booth(fairmatch::model::BoothId::new("A-003")));
    nav(&h, "Booths");
    h.run();
    assert!(h.query_by_label_contains("Projects that fit this booth (").is_some());
    nav(&h, "Dashboard");
    h.run();
    assert!(h.query_by_label("Projects signed: 1 / 4").is_some());
}

#[test]
fn a_session_invites_its_hosts_best_candidates_and_checks_people_in_at_the_door() {
    let prefs = Prefs {
        lang: Lang::En,
        station_id: "door-1".into(),
        ..Prefs::default()
    };
    let mut fair = fairmatch::generate::sample_fair();
    fair.sessions[0].capacity = 8;
    let mut app = AppState::new(fair, None, prefs);
    app.wait_for_matching();
    let mut ws = Workspace::new(app);
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, "Projects");
    h.run();
    h.get_by_label("Sessions").click();
    h.run();
    assert!(h.query_by_label_contains("5 invited / 8 seats").is_some());
    h.get_by_label("Invite the hosts' best candidates").click();
    h.run();
    let session = h.state().app.fair().sessions[0].clone();
    assert_eq!(session.invitees.len(), 8, "up to the seats");
    let fair = h.state().app.fair();
    // A newcomer at the door: found by name, marked as come and invited.
    let newcomer = fair
        .candidates
        .iter()
        .find(|c| !session.invitees.contains(&c.id) && fair.candidates.iter().filter(|o| o.name == c.name).count() == 1)
        .expect("someone not invited")
        .clone();
    let door = "Check in at the door: name, badge or phone digits";
    h.get_by_label(door).click();
    h.run();
    h.get_by_label(door).type_text(&newcomer.name);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let session = h.state().app.fair().sessions[0].clone();
    assert!(session.attended.contains(&newcomer.id));
    assert!(!session.invitees.contains(&newcomer.id), "came, uninvited");
    assert!(h.query_by_label_contains("over capacity by 1").is_some());
    assert!(
        h.query_by_label_contains(&format!("{} {}", newcomer.name, newcomer.id))
            .is_some()
    );
    // A station event, like a check-in at the entrance: never undone.
    let event = h.state().app.fair().events.last().cloned().expect("recorded");
    assert_eq!(event.station.as_str(), "door-1");
    assert!(matches!(
        event.kind,
        fairmatch::model::EventKind::SessionCheckIn { ref candidate, .. } if candidate == &newcomer.id
    ));
    h.state_mut().app.undo().unwrap();
    assert!(h.state().app.fair().sessions[0].attended.contains(&newcomer.id));
}

#[test]
fn the_booth_desk_schedules_its_worth_inviting_list_around_the_timetable() {
    let prefs = Prefs {
        lang: Lang::En,
        desk_booth: "A-003".into(),
        ..Prefs::default()
    };
    let mut app = AppState::new(fairmatch::generate::sample_fair(), None, prefs);
    app.wait_for_matching();
    let worth = app.worth_inviting(&BoothId::new("A-003"));
    assert!(
        !worth.is_empty(),
        "the sample has checked-in people worth inviting at A-003"
    );
    // Someone already has an interview elsewhere: it stays where it is.
    let other = fairmatch::model::Interview {
        candidate: worth[0].0.clone(),
        booth: BoothId::new("A-001"),
        position: None,
        start: chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
            .and_then(|d| d.and_hms_opt(13, 0, 0))
            .unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
            .and_then(|d| d.and_hms_opt(13, 15, 0))
            .unwrap(),
    };
    app.apply(fairmatch::app::Edit::SetInterviews {
        interviews: vec![other.clone()],
        settings: Default::default(),
    })
    .unwrap();
    let mut ws = Workspace::new(app);
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, "Booth desk");
    h.run();
    h.get_by_label("Schedule interviews").click();
    h.run();
    h.state_mut().wait_for_jobs();
    h.run();
    let interviews = h.state().app.fair().interviews.clone();
    assert!(interviews.contains(&other), "nothing moves");
    let added: Vec<_> = interviews.iter().filter(|i| i != &&other).collect();
    assert_eq!(added.len(), worth.len().min(15));
    assert!(added.iter().all(|i| i.booth.as_str() == "A-003"));
    let first = added
        .iter()
        .find(|i| i.candidate == other.candidate)
        .expect("scheduled too");
    assert!(
        first.start.format("%H:%M").to_string().as_str() >= "13:20",
        "after the gap: {}",
        first.start
    );
    assert!(
        h.query_by_label_contains("Make schedule").is_some(),
        "the Schedule view shows"
    );
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.fair().interviews, vec![other]);
}

#[test]
fn the_booth_desk_schedules_its_shortlisted_visitors_best_rating_first() {
    use fairmatch::model::{NextStep, PipelineStatus, Visit, VisitId};
    let mut ws = workspace();
    let mut fair = ws.app.fair().clone();
    // At A02: Wang Fang's 5★ and 张伟's 2★ visits ask for an interview; 李娜's 5★ decides nothing.
    for (n, candidate, rating, next_step) in [
        (1, "C0001", 2, NextStep::Interview),
        (2, "C0003", 5, NextStep::Interview),
        (3, "C0002", 5, NextStep::None),
    ] {
        fair.visits.push(Visit {
            id: VisitId::new(format!("V-A02-{n}")),
            candidate: CandidateId::new(candidate),
            booth: BoothId::new("A02"),
            position: None,
            at: at(8, 30 + n),
            rating: Some(rating),
            notes: String::new(),
            next_step,
            status: PipelineStatus::Open,
        });
    }
    ws.app.replace_fair(fair, None);
    ws.app.prefs_mut().desk_booth = "A02".into();
    ws.app.wait_for_matching();
    let before = ws.app.fair().interviews.clone();
    let mut h = harness(ws);
    nav(&h, "Booth desk");
    h.run();
    h.get_by_label("Schedule shortlisted (2)").click();
    h.run();
    h.state_mut().wait_for_jobs();
    h.run();
    let interviews = h.state().app.fair().interviews.clone();
    assert!(before.iter().all(|i| interviews.contains(i)), "nothing moves");
    let at_a02: Vec<&Interview> = interviews.iter().filter(|i| i.booth.as_str() == "A02").collect();
    let who: Vec<&str> = at_a02.iter().map(|i| i.candidate.as_str()).collect();
    assert_eq!(who, ["C0003", "C0001"], "5★ takes the first slot");
    assert!(at_a02.iter().all(|i| i.position.is_some()), "each at a position of A02");
    assert!(
        h.query_by_label_contains("Make schedule").is_some(),
        "the Schedule view shows"
    );
    nav(&h, "Booth desk");
    h.run();
    let button = h.get_by_label("Schedule shortlisted (0)");
    assert!(button.accesskit_node().is_disabled(), "nothing left to schedule");
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.fair().interviews, before);
}

//! The project and session editors of the Projects view: New, every field through the form,
//! records picked from the fair, Delete; each change one undo step.

mod ui_fixture;

use ui_fixture::{harness, nav};

use egui_kittest::kittest::Queryable;
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::{BoothId, CandidateId, Lang, ProjectStatus};
use fairmatch::ui::Workspace;

fn sample(lang: Lang) -> egui_kittest::Harness<'static, Workspace> {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fairmatch::generate::sample_fair(), None, prefs));
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, lang.pick("Projects", "项目"));
    h.run();
    h
}

/// Clears the text field labelled `label` and types `text` into it.
fn retype(h: &mut egui_kittest::Harness<'_, Workspace>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn a_new_project_is_edited_field_by_field_and_deleted() {
    let mut h = sample(Lang::En);
    let projects = h.state().app.fair().projects.len();
    h.get_by_label("New project").click();
    h.run();
    let fair = h.state().app.fair();
    assert_eq!(fair.projects.len(), projects + 1);
    let id = fair.projects[projects].id.clone();
    assert_eq!(id.as_str(), "PRJ0005");
    retype(&mut h, "project title", "海洋牧场监测");
    retype(&mut h, "lead", "Li Lei");
    retype(&mut h, "investment sought (万元)", "300");
    // A team member found by name among the candidates.
    let member = h.state().app.fair().candidates[0].clone();
    h.get_by_label("team").click();
    h.run();
    h.get_by_label("team").type_text(&member.name);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("a site").click();
    h.run();
    let project = h.state().app.project(&id).expect("still there").clone();
    assert_eq!(project.title, "海洋牧场监测");
    assert_eq!(project.lead, "Li Lei");
    assert_eq!(project.seeks.investment_wan, Some(300));
    assert!(project.seeks.site);
    assert_eq!(project.team.first(), Some(&member.id));
    assert_eq!(project.status, ProjectStatus::Registered);
    // The title typed letter by letter is one undo step.
    h.state_mut().app.undo().unwrap();
    h.state_mut().app.undo().unwrap();
    h.state_mut().app.undo().unwrap();
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.project(&id).map(|p| p.lead.as_str()), Some(""));
    h.state_mut().app.undo().unwrap();
    assert_eq!(
        h.state().app.project(&id).map(|p| p.title.as_str()),
        Some("New project")
    );
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().app.project(&id).is_none());
    assert_eq!(h.state().app.fair().projects.len(), projects);
}

#[test]
fn an_empty_title_is_shown_as_a_problem_in_chinese() {
    let mut h = sample(Lang::Zh);
    retype(&mut h, "项目名称", " ");
    assert!(h.query_by_label("项目名称不能为空").is_some());
}

#[test]
fn a_new_session_gets_hosts_times_and_invitees_and_warns_over_capacity() {
    let mut h = sample(Lang::En);
    h.get_by_label("Sessions").click();
    h.run();
    h.get_by_label("New session").click();
    h.run();
    let id = h.state().app.fair().sessions.last().expect("added").id.clone();
    assert_eq!(id.as_str(), "S003");
    retype(&mut h, "session title", "Marine docking");
    retype(&mut h, "room", "Hall 2");
    retype(&mut h, "start", "2026-02-21 15:00");
    retype(&mut h, "end", "2026-02-21 14:00");
    assert!(h.query_by_label("the end must come after the start").is_some());
    retype(&mut h, "end", "2026-02-21 16:30");
    assert!(h.query_by_label("the end must come after the start").is_none());
    retype(&mut h, "end", "2026-02-21 17:");
    assert!(
        h.query_by_label("expected a date and time like 2026-02-21 13:30")
            .is_some(),
        "a half-typed time is kept as a draft and explained"
    );
    h.get_by_label("host booths").click();
    h.run();
    h.get_by_label("host booths").type_text("A-003");
    h.run();
    h.get_by_label_contains("+ A-003").click();
    h.run();
    retype(&mut h, "seats (0: no limit)", "1");
    for who in ["C000004", "C000006"] {
        h.get_by_label("invitees").click();
        h.run();
        h.get_by_label("invitees").type_text(who);
        h.run();
        h.key_press(egui::Key::Enter);
        h.run();
    }
    let session = h.state().app.session(&id).expect("there").clone();
    assert_eq!(session.title, "Marine docking");
    assert_eq!(session.room, "Hall 2");
    assert_eq!(session.start.format("%H:%M").to_string(), "15:00");
    assert_eq!(session.end.format("%H:%M").to_string(), "16:30");
    assert_eq!(session.hosts, vec![BoothId::new("A-003")]);
    assert_eq!(session.capacity, 1);
    assert_eq!(
        session.invitees,
        vec![CandidateId::new("C000004"), CandidateId::new("C000006")]
    );
    assert!(h.query_by_label("2 invited: 1 more than the seats").is_some());
    assert!(h.query_by_label_contains("over capacity by 1").is_some());
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().app.session(&id).is_none());
    h.state_mut().app.undo().unwrap();
    assert_eq!(h.state().app.session(&id), Some(&session));
}

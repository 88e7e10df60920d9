//! The window side of data safety driven through its widgets: erasing a person from the
//! candidate editor, the passphrase and read-only dialogs.

mod ui_fixture;

use ui_fixture::{harness, workspace};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable};
use fairmatch::app::{Edit, Record, field};
use fairmatch::model::{BoothId, CandidateId, Lang, NextStep, TalentTier};
use fairmatch::ui::{Dialog, View};

#[test]
fn erase_removes_the_person_keeps_the_visits_and_undo_does_not_bring_them_back() {
    let mut ws = workspace(Lang::En);
    ws.app.prefs_mut().show_contacts = true;
    let id = CandidateId::new("C0001");
    let mut person = ws.app.candidate(&id).unwrap().clone();
    person.email = "zhangwei@example.com".into();
    person.phone = "13912345678".into();
    ws.apply_edit(Edit::SetCandidate {
        id: id.clone(),
        value: person.clone(),
        field: field::EMAIL,
    });
    ws.app
        .record(fairmatch::app::DeskAction::visit(
            fairmatch::app::fairday::VisitDraft {
                candidate: id.clone(),
                booth: BoothId::new("A01"),
                position: None,
                rating: Some(4),
                notes: "knows PyTorch, WeChat zw_1988".into(),
                next_step: NextStep::Interview,
            },
            chrono::NaiveDate::from_ymd_opt(2026, 10, 17)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        ))
        .expect("visit");
    ws.view = View::Candidates;
    ws.app.select(Record::Candidate(id.clone()));
    let mut h = harness(ws);
    h.run();

    h.get_by_label("Erase…").click();
    h.run();
    assert_eq!(h.state().dialog, Some(Dialog::Erase { id: id.clone() }));
    assert!(
        h.query_all(By::new().label_contains("Erase 张伟's personal data?"))
            .count()
            > 0,
        "names the person"
    );
    assert!(h.query_all(By::new().label_contains("This cannot be undone")).count() > 0);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().app.candidate(&id).is_some(), "cancel erases nothing");

    h.get_by_label("Erase…").click();
    h.run();
    h.get_by_label("Erase for good").click();
    h.run();
    let app = &h.state().app;
    assert!(app.candidate(&id).is_none());
    let saved = fairmatch::store::fair_to_string(app.fair()).unwrap();
    for gone in ["张伟", "13912345678", "zhangwei@example.com", "zw_1988"] {
        assert!(!saved.contains(gone), "{gone} is gone from the fair");
    }
    assert_eq!(app.fair().visits.len(), 1, "the visit stays");
    assert_eq!(app.fair().visits[0].candidate, id);
    assert_eq!(app.fair().visits[0].rating, Some(4));
    assert!(app.is_dirty());

    // Undo (of the email edit before) cannot bring the person back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().app.candidate(&id).is_none());
    assert!(h.state().app.undo_name().is_none(), "the history is cleared");
}

#[test]
fn the_import_dialog_maps_an_unknown_value_to_a_picked_label() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("walk-ins.csv");
    std::fs::write(
        &path,
        "name,education,tier\n甲,本科,乡村振兴专员\n乙,硕士,乡村振兴专员\n",
    )
    .unwrap();
    let mut h = harness(workspace(Lang::En));
    h.run();
    h.state_mut().use_path(
        fairmatch::ui::FilePurpose::ImportCsv(fairmatch::app::CsvKind::Candidates),
        path.clone(),
    );
    h.state_mut().wait_for_jobs();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ImportQuestion(_))));
    assert_eq!(
        h.query_all(By::new().label("2 row(s)")).count(),
        1,
        "each value with its count"
    );
    h.query_all(By::new().role(Role::ComboBox).label("乡村振兴专员"))
        .next()
        .expect("a picker for the value")
        .click();
    h.run();
    h.get_by_label("Returnee").click();
    h.run();
    h.get_by_label("Import again").click();
    h.run();
    h.state_mut().wait_for_jobs();
    h.run();
    let app = &h.state().app;
    assert_eq!(app.fair().candidates.len(), 5);
    assert!(
        app.fair().candidates[3..]
            .iter()
            .all(|c| c.tier == TalentTier::Returnee)
    );
    assert_eq!(app.fair().label_mappings.len(), 1, "the answer is kept in the fair");
}

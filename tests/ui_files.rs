//! The File menu driven headlessly: unsaved changes asked about before New and Quit, bad
//! files, CSV import as one undo step, and opening a fair as a job with its loading screen.

mod ui_fixture;

use ui_fixture::{harness, workspace};

use egui::{Key, Modifiers};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use fairmatch::model::{CandidateId, Lang};
use fairmatch::ui::{Dialog, FileAction, View, Workspace};

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let mut ws = workspace(Lang::En);
    ws.app
        .select(fairmatch::app::Record::Candidate(CandidateId::new("C0002")));
    let mut h = harness(ws);
    h.run();
    h.get_by_label("SQL ✕").click();
    h.run();
    assert!(h.state().app.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().dialog, Some(Dialog::Unsaved(FileAction::New)));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().app.fair().candidates.len(), 3, "cancel keeps the fair");

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().app.fair().candidates.is_empty(), "a new, empty fair");
    assert!(!h.state().app.is_dirty());
}

#[test]
fn quitting_with_unsaved_changes_saves_first_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fair.ron");
    let mut ws = workspace(Lang::En);
    ws.app.save_to(&path).expect("first save");
    let mut settings = ws.app.fair().settings.clone();
    settings.min_score = 42.0;
    ws.apply_edit(fairmatch::app::Edit::SetSettings {
        value: settings,
        field: fairmatch::app::field::MATCH_SETTINGS,
    });
    let mut h = harness(ws);
    h.run();
    assert!(h.state().app.title().ends_with("fair.ron * — fairmatch"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(!h.state().quit_requested);
    h.get_by_label("Save").click();
    h.run();
    // The save runs as a job; the window quits once it is written.
    h.state_mut().wait_for_jobs();
    h.run();
    assert!(h.state().quit_requested);
    let saved = fairmatch::store::load_fair(&path).expect("saved file loads");
    assert_eq!(saved.settings.min_score, 42.0);
}

#[test]
fn a_bad_file_shows_an_error_and_keeps_the_fair() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 1, meta: (id: \"x\", name: ").expect("write");
    let mut h = harness(workspace(Lang::En));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.get_by_label("Path").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    // The loading screen's spinner repaints until the load ends: step, do not wait to settle.
    h.step();
    h.state_mut().wait_for_loading();
    h.run();
    assert_eq!(h.state().notices.len(), 1);
    assert!(
        h.state().notices[0].detail.contains("broken.ron"),
        "{:?}",
        h.state().notices
    );
    h.get_by_label("Could not open the fair file");
    assert_eq!(h.state().app.fair().candidates.len(), 3, "the open fair is untouched");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().notices.is_empty());
}

fn import_candidates(h: &mut Harness<'static, Workspace>, path: &std::path::Path) {
    h.state_mut().use_path(
        fairmatch::ui::FilePurpose::ImportCsv(fairmatch::app::CsvKind::Candidates),
        path.to_path_buf(),
    );
    // The file is read and checked as a job.
    h.state_mut().wait_for_jobs();
    h.run();
    if matches!(h.state().dialog, Some(Dialog::ImportQuestion(_))) {
        // Values no label matches (小学): left unmapped, their rows stay bad.
        h.get_by_label("Import again").click();
        h.run();
        h.state_mut().wait_for_jobs();
        h.run();
    }
}

#[test]
fn a_csv_import_with_bad_rows_asks_first_cancel_changes_nothing_import_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("报名.csv");
    std::fs::write(
        &path,
        "编号,姓名,学历,技能\nC0100,赵磊,本科,Python；机器学习\nC0101,钱敏,小学,SQL\n",
    )
    .expect("write");
    let mut h = harness(workspace(Lang::En));
    h.run();
    let before = h.state().app.fair().clone();

    import_candidates(&mut h, &path);
    assert!(matches!(h.state().dialog, Some(Dialog::ImportBadRows(_))));
    // The bad row is shown with file, line, column and what was expected.
    let listed = h.query_all_by_label_contains("报名.csv:3: column").count();
    assert_eq!(listed, 1, "the bad row is listed");
    assert_eq!(*h.state().app.fair(), before, "nothing changes before the user chooses");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().dialog, None);
    assert_eq!(*h.state().app.fair(), before, "cancel changes nothing");
    assert!(!h.state().app.is_dirty());
    assert!(h.state().app.undo_name().is_none());

    import_candidates(&mut h, &path);
    h.get_by_label("Import 1 good rows, skip 1 bad").click();
    h.run();
    assert_eq!(h.state().app.fair().candidates.len(), 4, "the good row is imported");
    assert!(h.state().app.candidate(&CandidateId::new("C0100")).is_some());
    let undo_name = h.state().app.undo_name().map(|n| n.en.clone());
    assert_eq!(undo_name.as_deref(), Some("import 1 rows from 报名.csv, 1 skipped"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().app.fair(), before, "one undo removes the whole import");
}

#[test]
fn a_clean_csv_import_needs_no_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ok.csv");
    std::fs::write(&path, "编号,姓名,学历\nC0100,赵磊,本科\nC0101,钱敏,硕士\n").expect("write");
    let mut h = harness(workspace(Lang::En));
    h.run();
    import_candidates(&mut h, &path);
    assert_eq!(h.state().dialog, None);
    assert_eq!(h.state().app.fair().candidates.len(), 5);
}

/// A fair file that arrives only when the test says so: a named pipe the loader blocks on.
#[cfg(unix)]
fn slow_fair_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("slow.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    path
}

#[cfg(unix)]
#[test]
fn opening_shows_a_loading_screen_then_the_table_and_allows_no_edits_meanwhile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = slow_fair_file(dir.path());
    let mut ws = workspace(Lang::En);
    ws.view = View::Candidates;
    let mut h = harness(ws);
    h.run();
    h.state_mut().open_path(&path);
    h.step();
    h.step();
    assert!(h.state().is_loading());
    h.get_by_label("Opening slow.ron");
    h.get_by_label("Cancel");
    // The menus are disabled and shortcuts do nothing while the file loads.
    assert!(h.get_by_label("File").accesskit_node().is_disabled());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.step();
    assert_eq!(
        h.state().app.fair().candidates.len(),
        3,
        "nothing acts on the fair meanwhile"
    );
    assert!(h.query_by_label("张伟").is_none(), "the table is hidden while loading");

    let mut arriving = ui_fixture::fair();
    arriving.candidates.truncate(2);
    let text = fairmatch::store::fair_to_string(&arriving).expect("serializes");
    let writer = std::thread::spawn(move || std::fs::write(&path, text).expect("write to the pipe"));
    writer.join().expect("writer");
    h.state_mut().wait_for_loading();
    h.run();
    assert!(!h.state().is_loading());
    assert_eq!(
        h.state().app.fair().candidates.len(),
        2,
        "the loaded fair replaced the old one"
    );
    assert!(!h.state().app.is_dirty());
    h.get_by_label("张伟");
}

#[cfg(unix)]
#[test]
fn cancelling_a_load_keeps_the_open_fair() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = slow_fair_file(dir.path());
    let mut h = harness(workspace(Lang::Zh));
    h.run();
    h.state_mut().open_path(&path);
    h.step();
    h.get_by_label("正在打开 slow.ron");
    h.get_by_label("取消").click();
    h.run();
    assert!(!h.state().is_loading());
    assert_eq!(h.state().app.fair().candidates.len(), 3);
    // Unblock the loader thread so it can finish and find nobody waiting.
    let _ = std::fs::write(&path, "");
}

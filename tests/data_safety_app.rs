//! The window side of data safety, at the level of `AppState`: desk actions in the station
//! journal survive a killed process, recovery copies of unsaved edits, the fair's lock, and
//! encrypted fairs.

mod fairday_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fairday_support::{at, small_fair};
use fairmatch::app::recovery::recovery_path;
use fairmatch::app::{AppState, DeskAction, Edit, Job, Prefs, StateNotice, field};
use fairmatch::model::CandidateId;

fn open(path: &Path, journals: &Path) -> AppState {
    let mut app = AppState::new(
        fairmatch::model::Fair::new(Default::default(), ""),
        None,
        Prefs::default(),
    );
    app.set_journal_dir(Some(journals.to_owned()));
    app.open(path).expect("opens");
    app
}

/// Run in a child process by `a_check_in_survives_a_killed_window`: opens the fair, checks a
/// candidate in, says so on stdout and waits to be killed. Does nothing in a normal test run.
#[test]
fn desk_child() {
    let Some(dir) = std::env::var_os("FAIRMATCH_DESK_CHILD") else {
        return;
    };
    let dir = Path::new(&dir);
    let mut app = open(&dir.join("fair.ron"), &dir.join("journals"));
    app.record(DeskAction::CheckIn {
        candidate: CandidateId::new("C-3"),
        at: at(9, 30),
    })
    .expect("checks in");
    println!("RECORDED");
    std::thread::sleep(std::time::Duration::from_secs(60));
}

#[cfg(unix)]
#[test]
fn a_check_in_survives_a_killed_window() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    fairmatch::store::save_fair(&fair_path, &small_fair()).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "data_safety_app::desk_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("FAIRMATCH_DESK_CHILD", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let recorded = stdout
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("RECORDED"));
    // SIGKILL: no destructor, no save.
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(recorded, "the child recorded the check-in");

    let on_disk = fairmatch::store::load_fair(&fair_path).unwrap();
    assert!(on_disk.events.is_empty(), "the fair file was never saved");
    let mut app = open(&fair_path, &dir.path().join("journals"));
    let person = app.candidate(&CandidateId::new("C-3")).unwrap();
    assert_eq!(person.checked_in, Some(at(9, 30)));
    assert_eq!(app.fair().events.len(), 1);
    assert!(app.is_dirty(), "recovered actions are unsaved");
    let notices = app.take_notices();
    assert!(
        matches!(&notices[..], [StateNotice::Info(m)] if m.en.starts_with("Recovered 1 desk action")),
        "{notices:?}"
    );

    // Saved, the fair has it; opening again recovers nothing more.
    app.save_to(&fair_path).unwrap();
    drop(app);
    let mut app = open(&fair_path, &dir.path().join("journals"));
    assert_eq!(app.fair().events.len(), 1);
    assert!(app.take_notices().is_empty());
    assert!(!app.is_dirty());
}

fn rename_school(app: &mut AppState, id: &str, school: &str) {
    let mut c = app.candidate(&CandidateId::new(id)).expect("exists").clone();
    c.school = school.into();
    app.apply(Edit::SetCandidate {
        id: c.id.clone(),
        value: c,
        field: field::SCHOOL,
    })
    .expect("applies");
}

fn school(app: &AppState, id: &str) -> String {
    app.candidate(&CandidateId::new(id)).expect("exists").school.clone()
}

#[test]
fn unsaved_edits_come_back_from_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    fairmatch::store::save_fair(&fair_path, &small_fair()).unwrap();
    let copy = recovery_path(&fair_path);
    assert_eq!(copy.file_name().unwrap(), ".fair.ron.fairmatch-recovery");

    let mut app = open(&fair_path, &dir.path().join("journals"));
    app.set_autosave(Some(Duration::from_millis(20)));
    let start = Instant::now();
    assert_eq!(app.autosave_tick(start), None, "nothing unsaved, nothing to write");
    rename_school(&mut app, "C-2", "山东大学");
    assert!(app.autosave_tick(start).is_some());
    app.wait_for_jobs();
    assert!(!copy.exists(), "not before the interval");
    app.autosave_tick(start + Duration::from_millis(25));
    app.wait_for_jobs();
    assert!(copy.exists(), "written once the interval passed");
    drop(app); // the window closed without saving

    // The next start offers the copy; Discard deletes it and keeps the file's fair.
    let mut app = open(&fair_path, &dir.path().join("journals"));
    let offer = app.recovery_offer().cloned().expect("offered");
    assert_eq!(offer.copy, copy);
    let saved_school = school(&app, "C-2");
    app.start(Job::DiscardRecovery(offer));
    assert!(app.recovery_offer().is_none(), "answered");
    app.wait_for_jobs();
    assert!(!copy.exists());
    assert_eq!(school(&app, "C-2"), saved_school);

    // Restore opens the copy under the fair's own path, unsaved; saving removes the copy.
    rename_school(&mut app, "C-2", "中国海洋大学");
    app.set_autosave(Some(Duration::ZERO));
    app.autosave_tick(Instant::now());
    app.wait_for_jobs();
    drop(app);
    let mut app = open(&fair_path, &dir.path().join("journals"));
    let offer = app.recovery_offer().cloned().expect("offered");
    app.start(Job::RestoreRecovery(offer));
    app.wait_for_jobs();
    assert_eq!(school(&app, "C-2"), "中国海洋大学");
    assert_eq!(app.path(), Some(fair_path.as_path()));
    assert!(app.is_dirty() && app.has_unsaved_edits());
    assert!(app.recovery_offer().is_none());
    app.start(Job::Save {
        path: fair_path.clone(),
    });
    app.wait_for_jobs();
    assert!(!app.is_dirty());
    assert!(!copy.exists(), "a save removes the copy");
    assert_eq!(
        school(
            &AppState::new(fairmatch::store::load_fair(&fair_path).unwrap(), None, Prefs::default()),
            "C-2"
        ),
        "中国海洋大学"
    );
}

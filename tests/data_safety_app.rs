//! The window side of data safety, at the level of `AppState`: desk actions in the station
//! journal survive a killed process, recovery copies of unsaved edits, the fair's lock, and
//! encrypted fairs.

mod fairday_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use fairday_support::{at, small_fair};
use fairmatch::app::{AppState, DeskAction, Prefs, StateNotice};
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

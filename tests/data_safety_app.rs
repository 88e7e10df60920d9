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
use fairmatch::app::{
    AppState, CsvKind, DeskAction, Edit, ImportAnswers, ImportQuestion, Job, JobOutcome, Passphrase, Prefs,
    StateNotice, field,
};
use fairmatch::model::CandidateId;
use fairmatch::model::{LabelMapping, TalentTier, Vocabulary};

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

fn window_state() -> AppState {
    AppState::new(
        fairmatch::model::Fair::new(Default::default(), ""),
        None,
        Prefs::default(),
    )
}

/// Starts `job` and waits for it; what it told the window.
fn run(app: &mut AppState, job: Job) -> JobOutcome {
    app.start(job);
    let mut finished = app.wait_for_jobs();
    assert_eq!(finished.len(), 1);
    finished.remove(0).outcome
}

#[test]
fn a_second_window_is_told_who_holds_the_fair_and_may_open_it_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    fairmatch::store::save_fair(&fair_path, &small_fair()).unwrap();

    let mut first = window_state();
    assert!(matches!(
        run(&mut first, Job::open(fair_path.clone(), false)),
        JobOutcome::Opened
    ));
    assert!(first.holds_lock() && !first.is_read_only());

    let mut second = window_state();
    match run(&mut second, Job::open(fair_path.clone(), false)) {
        JobOutcome::Locked { path, holder } => {
            assert_eq!(path, fair_path);
            assert_eq!(holder, Some(std::process::id()));
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    assert!(second.fair().candidates.is_empty(), "nothing was opened");
    let read_only = Job::Open {
        path: fair_path.clone(),
        fallback_to_sample: false,
        read_only: true,
        passphrase: None,
    };
    assert!(matches!(run(&mut second, read_only), JobOutcome::Opened));
    assert!(second.is_read_only() && !second.holds_lock());
    assert_eq!(second.fair().candidates.len(), 6);

    // The second window cannot save over it; the first one saves under its lock.
    rename_school(&mut second, "C-1", "复旦大学");
    assert!(matches!(
        run(&mut second, Job::Save { path: fair_path.clone() }),
        JobOutcome::Failed { detail, .. } if detail.contains("read-only")
    ));
    assert!(second.is_dirty());
    rename_school(&mut first, "C-1", "山东大学");
    assert!(matches!(
        run(
            &mut first,
            Job::Save {
                path: fair_path.clone()
            }
        ),
        JobOutcome::Done(_)
    ));
    assert!(!first.is_dirty());

    // Save as… another file gives the read-only window a file of its own, locked.
    let copy = dir.path().join("copy.ron");
    assert!(matches!(
        run(&mut second, Job::Save { path: copy.clone() }),
        JobOutcome::Done(_)
    ));
    assert!(!second.is_read_only() && second.holds_lock());
    assert!(matches!(
        run(&mut window_state(), Job::open(copy.clone(), false)),
        JobOutcome::Locked { .. }
    ));

    // Closing the first window lets go of the fair.
    drop(first);
    let mut third = window_state();
    assert!(matches!(
        run(&mut third, Job::open(fair_path.clone(), false)),
        JobOutcome::Opened
    ));
    assert_eq!(school(&third, "C-1"), "山东大学");
}

#[test]
fn an_encrypted_fair_asks_for_its_passphrase_and_stays_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron.age");
    let plain = fairmatch::store::fair_to_string(&small_fair()).unwrap();
    // A small scrypt work factor keeps the test fast; saving uses age's own.
    let cipher = fairmatch::store::crypt::encrypt_with_work_factor(plain.as_bytes(), "海鸥 2026", Some(4)).unwrap();
    std::fs::write(&fair_path, &cipher).unwrap();

    let mut app = window_state();
    match run(&mut app, Job::open(fair_path.clone(), false)) {
        JobOutcome::NeedsPassphrase { path, read_only, error } => {
            assert_eq!(path, fair_path);
            assert!(!read_only && error.is_none());
        }
        other => panic!("expected NeedsPassphrase, got {other:?}"),
    }
    let with = |passphrase: &str| Job::Open {
        path: fair_path.clone(),
        fallback_to_sample: false,
        read_only: false,
        passphrase: Some(Passphrase::new(passphrase)),
    };
    match run(&mut app, with("wrong")) {
        JobOutcome::NeedsPassphrase { error: Some(error), .. } => {
            assert!(error.contains("wrong passphrase"), "{error}")
        }
        other => panic!("expected a wrong passphrase, got {other:?}"),
    }
    assert!(
        app.fair().candidates.is_empty() && app.path().is_none(),
        "nothing changed"
    );
    assert_eq!(std::fs::read(&fair_path).unwrap(), cipher);
    assert!(
        format!("{:?}", with("海鸥 2026")).contains("Passphrase(…)"),
        "never printed"
    );

    assert!(matches!(run(&mut app, with("海鸥 2026")), JobOutcome::Opened));
    assert!(app.is_encrypted());
    assert_eq!(app.fair().candidates.len(), 6);
    rename_school(&mut app, "C-4", "青岛科技大学");
    assert!(matches!(
        run(
            &mut app,
            Job::Save {
                path: fair_path.clone()
            }
        ),
        JobOutcome::Done(_)
    ));
    let bytes = std::fs::read(&fair_path).unwrap();
    assert!(fairmatch::store::crypt::is_encrypted(&bytes), "saved encrypted");
    assert!(!String::from_utf8_lossy(&bytes).contains("青岛科技大学"));
    let again = fairmatch::store::load_fair_with_passphrase(&fair_path, Some("海鸥 2026"), 1 << 30).unwrap();
    assert_eq!(again.candidates[3].school, "青岛科技大学");
}

#[test]
fn an_import_asks_which_label_unknown_values_mean_and_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("walk-ins.csv");
    std::fs::write(
        &csv,
        "name,education,tier\n甲,本科,乡村振兴专员\n乙,硕士,乡村振兴专员\n",
    )
    .unwrap();
    let mut app = AppState::new(small_fair(), None, Prefs::default());
    let import = |answers: ImportAnswers| Job::ImportCsv {
        kind: CsvKind::Candidates,
        path: csv.clone(),
        answers,
    };
    let (answers, unknown) = match run(&mut app, import(ImportAnswers::default())) {
        JobOutcome::ImportQuestion(ImportQuestion::Labels { answers, unknown, .. }) => (answers, unknown),
        other => panic!("expected a question about labels, got {other:?}"),
    };
    assert_eq!(app.fair().candidates.len(), 6, "nothing imported yet");
    assert_eq!(unknown.len(), 1);
    assert_eq!((unknown[0].value.as_str(), unknown[0].rows), ("乡村振兴专员", 2));
    assert_eq!(unknown[0].vocabulary, Vocabulary::TalentTier);

    let label = TalentTier::Returnee.en();
    let answers = ImportAnswers {
        mappings: vec![LabelMapping {
            vocabulary: Vocabulary::TalentTier,
            value: "乡村振兴专员".into(),
            label: label.into(),
        }],
        ..answers
    };
    assert!(matches!(run(&mut app, import(answers)), JobOutcome::Done(_)));
    assert_eq!(app.fair().candidates.len(), 8);
    assert!(
        app.fair().candidates[6..]
            .iter()
            .all(|c| c.tier == TalentTier::Returnee)
    );
    assert_eq!(app.fair().label_mappings.len(), 1, "kept in the fair");
    // The next import of the same sheet goes through without asking.
    let again = run(&mut app, import(ImportAnswers::default()));
    assert!(
        matches!(again, JobOutcome::Done(_) | JobOutcome::ImportBadRows(_)),
        "{again:?}"
    );
    if matches!(again, JobOutcome::Done(_)) {
        app.undo().unwrap();
    }
    assert_eq!(app.fair().candidates.len(), 8);
    // One undo takes back the rows and the mapping.
    app.undo().unwrap();
    assert_eq!(app.fair().candidates.len(), 6);
    assert!(app.fair().label_mappings.is_empty());
}

#[test]
fn an_import_asks_which_encoding_when_the_detector_is_unsure() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("latin.csv");
    let mut asked = false;
    for name in ["Jürgen Müller", "Renée Lefèvre", "Müller", "François", "Zoë Öberg"] {
        let text = format!("name,education\n{name},Bachelor\n");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        std::fs::write(&csv, &bytes).unwrap();
        let mut app = AppState::new(small_fair(), None, Prefs::default());
        let import = |answers: ImportAnswers| Job::ImportCsv {
            kind: CsvKind::Candidates,
            path: csv.clone(),
            answers,
        };
        let (answers, choices) = match run(&mut app, import(ImportAnswers::default())) {
            JobOutcome::ImportQuestion(ImportQuestion::Encoding { answers, choices, .. }) => (answers, choices),
            _ => continue,
        };
        asked = true;
        let latin = choices.iter().find(|c| c.name == "windows-1252").expect("offered");
        assert!(latin.preview.contains(name), "{latin:?}");
        assert!(
            choices.iter().any(|c| c.name == "gb18030" || c.name == "GBK"),
            "{choices:?}"
        );
        let answers = ImportAnswers {
            encoding: Some(latin.name.clone()),
            ..answers
        };
        assert!(matches!(run(&mut app, import(answers)), JobOutcome::Done(_)));
        assert_eq!(app.fair().candidates.last().unwrap().name, name);
    }
    assert!(asked, "one of the samples reads two ways");
}

#[test]
fn a_window_saves_under_its_own_lock_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    fairmatch::store::save_fair(&fair_path, &small_fair()).unwrap();
    let mut app = window_state();
    assert!(matches!(
        run(&mut app, Job::open(fair_path.clone(), false)),
        JobOutcome::Opened
    ));
    rename_school(&mut app, "C-5", "青岛理工大学");
    let start = Instant::now();
    app.save_to(&fair_path).expect("saves under the lock it holds");
    assert!(
        start.elapsed() < fairmatch::store::lock::DEFAULT_LOCK_WAIT,
        "did not wait for itself"
    );
    assert!(!app.is_dirty() && app.holds_lock());
}

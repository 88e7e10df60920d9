//! Slow work runs as jobs off the frame: starting one returns at once, its result arrives
//! through `poll_jobs`, and a cancelled job's result never arrives. A CSV import and a
//! station-log merge are one undo step each and keep the history before them; the report and
//! itinerary jobs write a PDF or another format by the extension.

mod fairday_support;

use std::time::Duration;

use fairday_support::{at, small_fair};
use fairmatch::app::fairday::{DeskIndex, check_in};
use fairmatch::app::merge::station_log;
use fairmatch::app::{AppState, CsvKind, DeskAction, Edit, Job, JobOutcome, Prefs, field};
use fairmatch::model::{CandidateId, Fair, StationId};

fn state(fair: Fair) -> AppState {
    AppState::new(fair, None, Prefs::default())
}

/// An organizer edit, so there is history before the step under test.
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

/// A fair file that arrives only when the test says so: a named pipe the loader blocks on.
#[cfg(unix)]
fn slow_file(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    path
}

#[cfg(unix)]
#[test]
fn open_runs_as_a_job_its_result_arrives_and_a_cancelled_open_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = slow_file(dir.path(), "slow.ron");
    let mut app = state(small_fair());
    // The loader blocks on the pipe, yet starting the job returns.
    app.start(Job::open(path.clone(), false));
    assert!(app.opening().is_some());
    assert!(app.poll_jobs().is_empty(), "nothing has arrived yet");
    let mut arriving = small_fair();
    arriving.candidates.truncate(2);
    let text = fairmatch::store::fair_to_string(&arriving).expect("serializes");
    std::fs::write(&path, text).expect("write to the pipe");
    let finished = app.wait_for_jobs();
    assert!(matches!(finished[..], [ref f] if matches!(f.outcome, JobOutcome::Opened)));
    assert_eq!(*app.fair(), arriving);
    assert_eq!(app.path(), Some(path.as_path()));

    // Cancelled: the open fair stays, whatever the loader does later.
    let again = slow_file(dir.path(), "again.ron");
    let id = app.start(Job::open(again.clone(), false));
    app.cancel_job(id);
    assert!(app.opening().is_none());
    std::fs::write(
        &again,
        fairmatch::store::fair_to_string(&small_fair()).expect("serializes"),
    )
    .expect("unblock the loader");
    std::thread::sleep(Duration::from_millis(20));
    assert!(app.wait_for_jobs().is_empty());
    assert_eq!(*app.fair(), arriving, "the cancelled fair never replaces the open one");
}

#[test]
fn save_runs_as_a_job_and_marks_saved_what_it_wrote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fair.ron");
    let mut app = state(small_fair());
    rename_school(&mut app, "C-1", "山东大学");
    assert!(app.is_dirty());
    app.start(Job::Save { path: path.clone() });
    // Edited while the save runs: the save wrote the fair as it was when it started.
    rename_school(&mut app, "C-2", "中国海洋大学");
    let finished = app.wait_for_jobs();
    assert!(
        matches!(finished[0].outcome, JobOutcome::Done(_)),
        "{:?}",
        finished[0].outcome
    );
    let saved = fairmatch::store::load_fair(&path).expect("loads");
    assert_eq!(saved.candidates[0].school, "山东大学");
    assert_ne!(saved.candidates[1].school, "中国海洋大学");
    assert!(app.is_dirty(), "the edit made during the save is not saved");
    app.undo().expect("undo the second edit");
    assert!(!app.is_dirty(), "back at what was saved");

    // A desk action during a save is unsaved too.
    app.start(Job::Save { path: path.clone() });
    app.record(DeskAction::CheckIn {
        candidate: CandidateId::new("C-3"),
        at: at(9, 30),
    })
    .expect("checks in");
    app.wait_for_jobs();
    assert!(app.is_dirty());
}

#[test]
fn allocation_runs_as_a_job_edits_meanwhile_are_matched_and_cancel_drops_it() {
    let mut app = state(fairmatch::app::sample_fair());
    app.start(Job::Allocate {
        scope: fairmatch::app::CandidateScope::Everyone,
    });
    assert!(
        app.allocation().is_none(),
        "the frame returns before the allocation is in"
    );
    // An edit while the allocation holds the matcher: matched once it lets go.
    let first = app.fair().candidates[0].id.0.clone();
    rename_school(&mut app, &first, "青岛大学");
    let mut c = app.fair().candidates[3].clone();
    c.skills = vec!["Rust".into(), "Go".into()];
    app.apply(Edit::SetCandidate {
        id: c.id.clone(),
        value: c.clone(),
        field: field::SKILLS,
    })
    .expect("applies");
    let finished = app.wait_for_jobs();
    assert!(matches!(finished[0].outcome, JobOutcome::Allocated));
    let report = app.allocation().expect("arrived");
    assert_eq!(report.rows.len(), app.fair().candidates.len());
    assert!(report.computed_for < app.fair_version(), "computed before the edits");
    app.wait_for_matching();
    let fresh = fairmatch::matching::Matcher::build(app.fair());
    assert_eq!(app.matcher().top_positions(&c.id), fresh.top_positions(&c.id));

    let mut app = state(small_fair());
    let id = app.start(Job::Allocate {
        scope: fairmatch::app::CandidateScope::Everyone,
    });
    app.cancel_job(id);
    std::thread::sleep(Duration::from_millis(20));
    assert!(app.wait_for_jobs().is_empty());
    assert!(app.allocation().is_none(), "a cancelled allocation never arrives");
    assert_eq!(app.jobs().count(), 0);
}

#[test]
fn a_csv_import_is_one_undo_step_that_keeps_the_history_before_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("walk.csv");
    std::fs::write(
        &path,
        "编号,姓名,学历,手机\nC-100,赵磊,本科,13911110000\nC-101,钱敏,硕士,13911110001\n",
    )
    .expect("write");
    let mut app = state(small_fair());
    rename_school(&mut app, "C-1", "山东大学");
    let before_import = app.fair().clone();
    let earlier = app.undo_name().cloned();

    app.start(Job::ImportCsv {
        kind: CsvKind::Candidates,
        path,
        answers: Default::default(),
    });
    assert_eq!(
        *app.fair(),
        before_import,
        "the fair is not touched while the file is read"
    );
    let finished = app.wait_for_jobs();
    assert!(
        matches!(finished[0].outcome, JobOutcome::Done(_)),
        "{:?}",
        finished[0].outcome
    );
    assert_eq!(app.fair().candidates.len(), before_import.candidates.len() + 2);
    let imported = app.fair().clone();
    assert_eq!(
        app.undo_name().map(|n| n.en.as_str()),
        Some("import 2 rows from walk.csv")
    );

    app.undo().expect("undo the import");
    assert_eq!(*app.fair(), before_import, "one undo takes the whole import back");
    assert_eq!(app.undo_name(), earlier.as_ref(), "the history before it is kept");
    app.redo().expect("redo the import");
    assert_eq!(*app.fair(), imported);
    app.undo().expect("undo the import");
    app.undo().expect("undo the earlier edit");
    assert_eq!(*app.fair(), small_fair());
}

/// A station's log: check-ins of C-1 and C-2 and a walk-in.
fn entrance_log(dir: &std::path::Path) -> std::path::PathBuf {
    let mut fair = small_fair();
    let mut desk = DeskIndex::build(&fair);
    let station = StationId::new("entrance-1");
    for (id, minute) in [("C-1", 1), ("C-2", 2)] {
        check_in(&mut fair, &desk, &CandidateId::new(id), &station, at(9, minute)).expect("checks in");
    }
    let mut walk_in = fairmatch::model::Candidate::blank(CandidateId::new(""), "周杰");
    walk_in.phone = "13955556666".into();
    fairmatch::app::fairday::register_walk_in(&mut fair, &mut desk, walk_in, &station, at(9, 5)).expect("registers");
    let path = dir.join("entrance-1.ron");
    fairmatch::store::save_station_log(&path, &station_log(&fair, None)).expect("writes");
    path
}

#[test]
fn a_station_log_merge_is_one_undo_step_that_keeps_the_history_before_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = entrance_log(dir.path());
    let mut app = state(small_fair());
    rename_school(&mut app, "C-4", "山东大学");
    let before_merge = app.fair().clone();
    let earlier = app.undo_name().cloned();

    app.start(Job::MergeStationLogs {
        paths: vec![log.clone()],
    });
    let finished = app.wait_for_jobs();
    let JobOutcome::Merged(report) = &finished[0].outcome else {
        panic!("{:?}", finished[0].outcome);
    };
    assert_eq!(report.events_added, 3);
    assert_eq!(app.fair().candidates.len(), before_merge.candidates.len() + 1);
    assert!(
        app.candidate(&CandidateId::new("C-1"))
            .is_some_and(|c| c.checked_in.is_some())
    );
    assert_eq!(app.undo_name().map(|n| n.en.as_str()), Some("merge 1 station logs"));
    let merged = app.fair().clone();
    // As the command line merges it.
    let mut by_cli = before_merge.clone();
    fairmatch::app::merge::merge_logs(&mut by_cli, &[fairmatch::store::load_station_log(&log).expect("loads")])
        .expect("merges");
    assert_eq!(merged, by_cli);

    // A check-in at this laptop after the merge survives its undo.
    app.record(DeskAction::CheckIn {
        candidate: CandidateId::new("C-3"),
        at: at(10, 0),
    })
    .expect("checks in");
    app.undo().expect("undo the merge");
    assert_eq!(app.undo_name(), earlier.as_ref(), "the history before it is kept");
    let undone = app.fair();
    assert_eq!(undone.candidates.len(), before_merge.candidates.len());
    assert!(
        undone.candidates[0].checked_in.is_none(),
        "the merged check-in is taken back"
    );
    assert!(
        undone.candidates[2].checked_in.is_some(),
        "the later desk check-in stays"
    );
    assert_eq!(undone.events.len(), 1);
    assert_eq!(undone.visits, before_merge.visits);

    app.redo().expect("redo the merge");
    assert_eq!(app.fair().candidates, {
        let mut expected = merged.candidates.clone();
        expected[2].checked_in = Some(at(10, 0));
        expected
    });
    assert_eq!(app.fair().events.len(), merged.events.len() + 1);
}

#[test]
fn undoing_a_merge_restores_the_fair_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = entrance_log(dir.path());
    let mut app = state(small_fair());
    app.start(Job::MergeStationLogs { paths: vec![log] });
    app.wait_for_jobs();
    assert_ne!(*app.fair(), small_fair());
    app.undo().expect("undo");
    assert_eq!(*app.fair(), small_fair());
    assert!(!app.is_dirty());
}

#[test]
fn the_report_job_writes_a_pdf_or_a_workbook_by_the_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = state(small_fair());
    let pdf = dir.path().join("report.pdf");
    app.start(Job::ExportReport {
        lang: fairmatch::model::Lang::Zh,
        path: pdf.clone(),
    });
    let finished = app.wait_for_jobs();
    assert!(
        matches!(finished[0].outcome, JobOutcome::Done(_)),
        "{:?}",
        finished[0].outcome
    );
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");

    let xlsx = dir.path().join("report.xlsx");
    app.start(Job::ExportReport {
        lang: fairmatch::model::Lang::En,
        path: xlsx.clone(),
    });
    app.wait_for_jobs();
    let bytes = std::fs::read(&xlsx).expect("written");
    assert!(bytes.starts_with(b"PK"), "a workbook is a zip file");
}

#[test]
fn the_itinerary_job_writes_a_pdf_or_text_by_the_extension_and_a_failed_write_keeps_the_old_file() {
    use fairmatch::model::{BoothId, Interview, Lang, PositionId};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut fair = small_fair();
    for (booth, position, hour) in [("A-001", "P-1", 9), ("A-002", "P-3", 10)] {
        fair.interviews.push(Interview {
            candidate: CandidateId::new("C-1"),
            booth: BoothId::new(booth),
            position: Some(PositionId::new(position)),
            start: at(hour, 0),
            end: at(hour, 15),
        });
    }
    let mut app = state(fair);
    let export = |app: &mut AppState, path: &std::path::Path| {
        app.start(Job::ExportItinerary {
            candidate: CandidateId::new("C-1"),
            lang: Lang::Zh,
            path: path.to_path_buf(),
        });
        app.wait_for_jobs().remove(0).outcome
    };

    let pdf = dir.path().join("itinerary.pdf");
    let outcome = export(&mut app, &pdf);
    assert!(matches!(outcome, JobOutcome::Done(_)), "{outcome:?}");
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(bytes.len() > 4_000, "{} bytes: no font embedded?", bytes.len());
    let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 1, "two interviews fit one A4 page");
    let text: String = doc
        .extract_text(&pages)
        .expect("text extracts")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for shown in [
        "青岛归雁招聘会",
        "张伟",
        "C-1",
        "B0001",
        "海尔智家",
        "海信视像",
        "算法工程师",
        "09:00–09:15",
    ] {
        assert!(text.contains(shown), "{shown} is not in the PDF: {text}");
    }
    for private in ["13800138000", "zhangwei@example.com"] {
        assert!(!text.contains(private), "{private} is printed");
    }

    let txt = dir.path().join("itinerary.TXT");
    let outcome = export(&mut app, &txt);
    assert!(matches!(outcome, JobOutcome::Done(_)), "{outcome:?}");
    let text = std::fs::read_to_string(&txt).expect("written");
    assert!(
        text.contains("11-22 09:00–09:15  面试 · 算法工程师  A-001 海尔智家"),
        "{text}"
    );

    // A file that cannot be replaced (read-only) is left exactly as it was.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let kept = dir.path().join("kept.pdf");
        std::fs::write(&kept, b"an older itinerary").expect("written");
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        let outcome = export(&mut app, &kept);
        assert!(matches!(outcome, JobOutcome::Failed { .. }), "{outcome:?}");
        assert_eq!(std::fs::read(&kept).expect("still there"), b"an older itinerary");
    }
}

//! Station log files and the merge command: round trip, clear errors, nothing written on refusal.

mod fairday_support;

use fairday_support::{at, small_fair};
use fairmatch::app::fairday::{DeskIndex, check_in};
use fairmatch::app::merge::station_log;
use fairmatch::cli::merge::{export_station_log, merge_files};
use fairmatch::model::{CandidateId, FairId, STATION_LOG_VERSION, StationId};
use fairmatch::store::station_log::{station_log_from_str, station_log_to_string};
use fairmatch::store::{load_fair, load_station_log, save_fair, save_station_log};

fn fair_with_check_ins() -> fairmatch::model::Fair {
    let mut fair = small_fair();
    let desk = DeskIndex::build(&fair);
    for (station, id, minute) in [
        ("entrance-1", "C-1", 1),
        ("entrance-2", "C-2", 2),
        ("entrance-1", "C-3", 3),
    ] {
        check_in(
            &mut fair,
            &desk,
            &CandidateId::new(id),
            &StationId::new(station),
            at(9, minute),
        )
        .expect("checks in");
    }
    fair
}

#[test]
fn station_log_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("entrance-1.ron");
    let fair = fair_with_check_ins();
    let log = station_log(&fair, Some(&StationId::new("entrance-1")));
    assert_eq!(log.events.len(), 2);
    save_station_log(&path, &log).expect("saves");
    assert_eq!(load_station_log(&path).expect("loads"), log);
}

#[test]
fn broken_station_logs_give_clear_errors() {
    let fair = fair_with_check_ins();
    let text = station_log_to_string(&station_log(&fair, None)).expect("serializes");
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let error = station_log_from_str(&text[..cut], "log.ron").expect_err("truncated log refused");
        assert!(error.to_string().starts_with("log.ron:"), "{error}");
    }
    let newer = text.replacen(
        &format!("format_version: {STATION_LOG_VERSION}"),
        &format!("format_version: {}", STATION_LOG_VERSION + 1),
        1,
    );
    assert_ne!(newer, text);
    let error = station_log_from_str(&newer, "log.ron").expect_err("newer refused");
    assert!(error.to_string().contains("newer"), "{error}");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, b"(format_version: 1, fair_id: \"\xff\")").expect("writes");
    let error = load_station_log(&path).expect_err("invalid UTF-8 refused");
    assert!(error.to_string().contains("invalid UTF-8"), "{error}");
    let error = load_station_log(&dir.path().join("missing.ron")).expect_err("missing file");
    assert!(error.to_string().contains("missing.ron"), "{error}");
}

#[test]
fn merge_command_merges_and_refuses_foreign_logs_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let organizer = dir.path().join("fair.ron");
    let station_fair = dir.path().join("station.ron");
    let log_path = dir.path().join("entrance.ron");
    let out = dir.path().join("out.ron");
    save_fair(&organizer, &small_fair()).expect("saves");
    save_fair(&station_fair, &fair_with_check_ins()).expect("saves");

    let message = export_station_log(&station_fair, Some(&StationId::new("entrance-2")), &log_path).expect("exports");
    assert!(message.contains("1 events"), "{message}");
    let missing = export_station_log(&station_fair, Some(&StationId::new("booth-x")), &log_path)
        .expect_err("unknown station refused");
    assert!(missing.contains("entrance-1, entrance-2"), "{missing}");
    export_station_log(&station_fair, None, &log_path).expect("exports all");

    let lines = merge_files(&organizer, std::slice::from_ref(&log_path), &out).expect("merges");
    assert!(lines[0].starts_with("3 new events"), "{lines:?}");
    let merged = load_fair(&out).expect("loads");
    assert_eq!(merged.candidates.iter().filter(|c| c.checked_in.is_some()).count(), 3);
    assert_eq!(merged.events.len(), 3);

    let mut other = small_fair();
    other.meta.id = FairId::new("another-fair");
    let foreign_fair = dir.path().join("other.ron");
    let foreign_log = dir.path().join("foreign.ron");
    save_fair(&foreign_fair, &other).expect("saves");
    export_station_log(&foreign_fair, None, &foreign_log).expect("exports");
    let before = std::fs::read(&out).expect("reads");
    let error = merge_files(&out, &[log_path.clone(), foreign_log], &out).expect_err("refused");
    assert!(
        error.contains("foreign.ron") && error.contains("another-fair"),
        "{error}"
    );
    assert_eq!(std::fs::read(&out).expect("reads"), before, "output untouched");
}

#[test]
fn export_and_merge_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let organizer = dir.path().join("fair.ron");
    let station_fair = dir.path().join("station.ron");
    let log = dir.path().join("log.ron");
    let out = dir.path().join("out.ron");
    save_fair(&organizer, &small_fair()).expect("saves");
    save_fair(&station_fair, &fair_with_check_ins()).expect("saves");
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_fairmatch"))
            .args(args)
            .output()
            .expect("runs")
    };
    let export = run(&[
        "export".as_ref(),
        station_fair.as_os_str(),
        "--what".as_ref(),
        "station-log".as_ref(),
        "--station".as_ref(),
        "entrance-1".as_ref(),
        "-o".as_ref(),
        log.as_os_str(),
    ]);
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let merge = run(&[
        "merge".as_ref(),
        organizer.as_os_str(),
        log.as_os_str(),
        log.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let stdout = String::from_utf8_lossy(&merge.stdout);
    assert!(stdout.starts_with("2 new events (2 already present)"), "{stdout}");
    assert_eq!(load_fair(&out).expect("loads").events.len(), 2);

    let usage = run(&["merge".as_ref(), organizer.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(usage.status.code(), Some(2), "a merge without logs is a usage error");
    let station_on_csv = run(&[
        "export".as_ref(),
        organizer.as_os_str(),
        "--what".as_ref(),
        "visits".as_ref(),
        "--station".as_ref(),
        "x".as_ref(),
        "-o".as_ref(),
        dir.path().join("v.csv").as_os_str(),
    ]);
    assert_eq!(station_on_csv.status.code(), Some(2));
}

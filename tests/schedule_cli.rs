//! `fairmatch schedule`, run as the real binary: the timetable keeps every rule, accounts for
//! every pair, and is stored in the fair only when asked.

mod common;

use std::collections::HashSet;

use common::run;

use fairmatch::generate::{GenerateSpec, generate};
use fairmatch::matching::{CandidateScope, Matcher};
use fairmatch::model::{BoothId, CandidateId, Fair, Interview, NextStep, PositionId};
use fairmatch::schedule::{Options, check};
use fairmatch::store::{load_fair, save_fair};

fn small_fair() -> Fair {
    generate(&GenerateSpec {
        seed: 5,
        booths: 10,
        positions: 50,
        candidates: 400,
        visits: 120,
    })
}

fn parse_rows(csv: &str) -> Vec<Interview> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("candidate_id,booth_id,position_id,start,end"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let time = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").expect(line);
            Interview {
                candidate: CandidateId::new(cells[0]),
                booth: BoothId::new(cells[1]),
                position: (!cells[2].is_empty()).then(|| PositionId::new(cells[2])),
                start: time(cells[3]),
                end: time(cells[4]),
            }
        })
        .collect()
}

#[test]
fn the_timetable_keeps_every_rule_and_accounts_for_every_pair() {
    let dir = tempfile::tempdir().unwrap();
    let mut fair = small_fair();
    // Two interviewers for ninety minutes: not every pair fits, so some are left out.
    for booth in &mut fair.booths {
        if let Some(hours) = booth.interviews.as_mut() {
            hours.interviewers = 2;
            hours.end = hours.start + chrono::Duration::minutes(90);
        }
    }
    let path = dir.path().join("fair.ron");
    save_fair(&path, &fair).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = run(&[&"schedule", &path, &"--gap-minutes", &"10"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let interviews = parse_rows(&String::from_utf8(out.stdout).unwrap());
    let options = Options {
        gap_minutes: 10,
        slot_minutes: Some(15),
    };
    assert_eq!(check(&fair.booths, &interviews, options), Vec::new());

    // Every pair asked for is either scheduled or reported with its reason.
    let matcher = Matcher::build(&fair);
    let allocation = matcher.allocate_scoped(&fair, CandidateScope::Everyone);
    let booth_of = |p: &PositionId| fair.positions.iter().find(|x| &x.id == p).map(|x| x.booth.clone());
    let mut asked: HashSet<(CandidateId, BoothId)> = allocation
        .assigned
        .iter()
        .filter_map(|(c, p)| Some((c.clone(), booth_of(p)?)))
        .collect();
    let invitations = fair
        .visits
        .iter()
        .filter(|v| v.next_step == NextStep::Interview)
        .count();
    asked.extend(
        fair.visits
            .iter()
            .filter(|v| v.next_step == NextStep::Interview && v.status == fairmatch::model::PipelineStatus::Open)
            .map(|v| (v.candidate.clone(), v.booth.clone())),
    );
    let scheduled: HashSet<(CandidateId, BoothId)> = interviews
        .iter()
        .map(|i| (i.candidate.clone(), i.booth.clone()))
        .collect();
    assert_eq!(scheduled.len(), interviews.len(), "a pair is scheduled once");
    assert!(scheduled.is_subset(&asked));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let left_out = stderr.lines().filter(|l| l.starts_with("left out: ")).count();
    assert!(left_out > 0, "90 minutes cannot hold every pair: {stderr}");
    assert!(invitations > 0, "the generated fair has invitations");
    assert_eq!(scheduled.len() + left_out, asked.len(), "{stderr}");
    assert!(stderr.contains("booth full"), "{stderr}");
    assert!(
        stderr.contains(&format!("scheduled {} interviews", interviews.len())),
        "{stderr}"
    );
    // Without --save the fair file is not touched.
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn save_stores_the_timetable_in_the_fair() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    save_fair(&path, &small_fair()).unwrap();
    let out = run(&[&"schedule", &path, &"--save", &"--slot-minutes", &"20"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = parse_rows(&String::from_utf8(out.stdout).unwrap());
    let stored = load_fair(&path).unwrap().interviews;
    assert_eq!(stored, printed);
    assert!(!stored.is_empty());
    assert!(stored.iter().all(|i| i.end - i.start == chrono::Duration::minutes(20)));
}

#[test]
fn booths_without_hours_are_named_and_bad_files_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut fair = small_fair();
    for booth in &mut fair.booths {
        booth.interviews = None;
    }
    let path = dir.path().join("fair.ron");
    save_fair(&path, &fair).unwrap();
    let out = run(&[&"schedule", &path, &"--format", &"table", &"--lang", &"zh"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no booth has interview hours"), "{stderr}");
    assert!(stderr.contains("展位未设面试时间"), "{stderr}");
    assert!(stderr.contains("scheduled 0 interviews"), "{stderr}");

    let missing = dir.path().join("nope.ron");
    let out = run(&[&"schedule", &missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.ron"));
    let out = run(&[&"schedule", &path, &"--slot-minutes", &"0"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a zero slot is refused by the argument parser"
    );
}

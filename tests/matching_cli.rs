//! The `match`, `scores`, `allocate` and `bench` commands, run as the real binary on a generated fair.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use common::run;

use fairmatch::generate::{GenerateSpec, generate};
use fairmatch::matching::Matcher;
use fairmatch::model::Fair;
use fairmatch::store::save_fair;

fn small_fair() -> Fair {
    generate(&GenerateSpec {
        seed: 11,
        booths: 12,
        positions: 60,
        candidates: 300,
        visits: 80,
    })
}

fn saved(dir: &Path, fair: &Fair) -> std::path::PathBuf {
    let path = dir.join("fair.ron");
    save_fair(&path, fair).unwrap();
    path
}

#[test]
fn scores_lists_every_eligible_pair_with_exact_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let fair = small_fair();
    let path = saved(dir.path(), &fair);
    let out = run(&[&"scores", &path, &"--format", &"csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("candidate_id,position_id,fit,appeal,score"));
    let matcher = Matcher::build(&fair);
    let mut rows = 0;
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let (c, p) = (cells[0].into(), cells[1].into());
        let expected = matcher.pair(&c, &p).unwrap().expect("only eligible pairs are listed");
        // Parsing the printed text gives back the very same f32.
        assert_eq!(cells[2].parse::<f32>().unwrap(), expected.fit, "{line}");
        assert_eq!(cells[3].parse::<f32>().unwrap(), expected.appeal, "{line}");
        assert_eq!(cells[4].parse::<f32>().unwrap(), expected.score, "{line}");
        rows += 1;
    }
    let eligible: usize = fair
        .candidates
        .iter()
        .map(|c| matcher.eligible_positions(&c.id).len())
        .sum();
    assert_eq!(rows, eligible);
    assert!(rows > 100, "a generated fair has many eligible pairs, got {rows}");
}

#[test]
fn allocate_csv_has_every_candidate_once_and_respects_capacity() {
    let dir = tempfile::tempdir().unwrap();
    let fair = small_fair();
    let path = saved(dir.path(), &fair);
    let out = run(&[&"allocate", &path, &"--format", &"csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("candidate_id,position_id"));
    let mut seen = HashSet::new();
    let mut load: HashMap<String, u32> = HashMap::new();
    for line in lines {
        let (c, p) = line.split_once(',').unwrap();
        assert!(seen.insert(c.to_owned()), "{c} listed twice");
        if !p.is_empty() {
            *load.entry(p.to_owned()).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), fair.candidates.len());
    for p in &fair.positions {
        assert!(load.get(p.id.as_str()).copied().unwrap_or(0) <= p.openings);
    }
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("assigned"), "{summary}");
    assert!(summary.contains("unfilled openings"), "{summary}");
}

#[test]
fn match_prints_top_k_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let fair = small_fair();
    let path = saved(dir.path(), &fair);
    let out = run(&[
        &"match",
        &path,
        &"--top",
        &"3",
        &"--format",
        &"csv",
        &"--by",
        &"position",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("candidate_id,position_id,rank,score,fit,appeal,reasons\n"));
    let rows = text.lines().skip(1).count();
    assert!(rows > 0 && rows <= 3 * fair.positions.len());
    assert!(
        text.lines().skip(1).all(|l| !l.ends_with(',')),
        "every match has reasons"
    );
    let table = run(&[&"match", &path, &"--top", &"2"]);
    assert_eq!(table.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&table.stdout).contains("score"));
}

#[test]
fn bench_json_has_exactly_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small_fair());
    let out = run(&[
        &"bench",
        &path,
        &"--json",
        &"--candidate-edits",
        &"50",
        &"--position-edits",
        &"10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut expected = vec![
        "load_ms",
        "full_match_ms",
        "allocate_ms",
        "schedule_ms",
        "project_match_ms",
        "project_edit_p50_ms",
        "project_edit_p99_ms",
        "candidate_edit_p50_ms",
        "candidate_edit_p99_ms",
        "position_edit_p50_ms",
        "position_edit_p99_ms",
        "save_ms",
        "peak_rss_mb",
        "insight_ms",
        "insight_candidate_p99_ms",
        "insight_fair_day_p50_ms",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert!(value["peak_rss_mb"].as_f64().unwrap() > 1.0);
}

#[test]
fn missing_or_bad_files_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    for command in ["match", "scores", "allocate", "bench"] {
        let out = run(&[&command, &missing]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("nope.ron"), "{command}");
    }
    let out = run(&[&"match", &missing, &"--by", &"booth"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn allocate_only_checked_in_lists_and_places_only_those_who_came() {
    let dir = tempfile::tempdir().unwrap();
    let mut fair = small_fair();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    for c in &mut fair.candidates {
        c.checked_in = None;
    }
    for c in fair.candidates.iter_mut().step_by(4) {
        c.checked_in = Some(at);
    }
    let came: HashSet<String> = fair
        .candidates
        .iter()
        .filter(|c| c.checked_in.is_some())
        .map(|c| c.id.0.clone())
        .collect();
    let path = saved(dir.path(), &fair);
    let out = run(&[&"allocate", &path, &"--format", &"csv", &"--only-checked-in"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let listed: HashSet<String> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    assert_eq!(listed, came);
    let placed = text.lines().skip(1).filter(|l| !l.ends_with(',')).count();
    assert!(placed > 0 && placed <= came.len(), "{placed} placed of {}", came.len());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("only checked-in candidates: {} of 300 registered", came.len())),
        "{stderr}"
    );
}

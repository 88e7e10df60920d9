//! Every integration test, built as one test binary: `cargo test --test integration`, and one
//! file's tests with `cargo test --test integration ui_desks::`.
//!
//! One binary instead of one per file, because each binary links the crate, egui and eframe
//! again: linking fifteen of them was a large part of CI's test build. Cargo's automatic test
//! discovery is off (`autotests = false` in Cargo.toml), so a new file under `tests/` must be
//! listed below; `every_test_file_is_listed` fails until it is.
//!
//! Each file is included with `#[path]` so that its own `mod common;` (or `fairday_support`,
//! `ui_fixture`) still resolves to the shared helpers next to it, unchanged from when the file
//! was a test crate of its own.

// A file's own `mod common;` gives it its own copy of the helpers, as when it was its own crate.
#![allow(clippy::duplicate_mod)]

#[path = "app_jobs.rs"]
mod app_jobs;
#[path = "app_schedule.rs"]
mod app_schedule;
#[path = "cli_store.rs"]
mod cli_store;
#[path = "csv_import.rs"]
mod csv_import;
#[path = "csv_roundtrip.rs"]
mod csv_roundtrip;
#[path = "data_safety_app.rs"]
mod data_safety_app;
#[path = "data_safety_files.rs"]
mod data_safety_files;
#[cfg(feature = "gui")]
#[path = "data_safety_window.rs"]
mod data_safety_window;
#[path = "data_safety_writes.rs"]
mod data_safety_writes;
#[path = "fairday_desk.rs"]
mod fairday_desk;
#[path = "fairday_duplicates.rs"]
mod fairday_duplicates;
#[path = "fairday_generated.rs"]
mod fairday_generated;
#[path = "fairday_merge.rs"]
mod fairday_merge;
#[path = "fairday_sessions.rs"]
mod fairday_sessions;
#[path = "fairday_station_log.rs"]
mod fairday_station_log;
#[path = "generate_fair.rs"]
mod generate_fair;
#[path = "generate_sample.rs"]
mod generate_sample;
#[path = "insight_report.rs"]
mod insight_report;
#[path = "matching_cli.rs"]
mod matching_cli;
#[path = "model_skills.rs"]
mod model_skills;
#[path = "project_import.rs"]
mod project_import;
#[path = "schedule_cli.rs"]
mod schedule_cli;
#[path = "store_ron.rs"]
mod store_ron;
#[path = "sync_hub.rs"]
mod sync_hub;
#[cfg(feature = "gui")]
#[path = "ui_commands.rs"]
mod ui_commands;
#[cfg(feature = "gui")]
#[path = "ui_desks.rs"]
mod ui_desks;
#[cfg(feature = "gui")]
#[path = "ui_files.rs"]
mod ui_files;
#[cfg(feature = "gui")]
#[path = "ui_insight.rs"]
mod ui_insight;
#[path = "ui_layering.rs"]
mod ui_layering;
#[cfg(feature = "gui")]
#[path = "ui_projects.rs"]
mod ui_projects;
#[cfg(feature = "gui")]
#[path = "ui_schedule.rs"]
mod ui_schedule;
#[cfg(feature = "gui")]
#[path = "ui_workspace.rs"]
mod ui_workspace;

/// A test file under `tests/` that is not listed above would silently never run.
#[test]
fn every_test_file_is_listed() {
    let listed = include_str!("integration.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/ is readable")
        .filter_map(|entry| entry.ok()?.path().file_name()?.to_str().map(str::to_owned))
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .filter(|stem| stem != "integration" && !listed.contains(&format!("\nmod {stem};\n")))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "test files not listed in tests/integration.rs (add `#[path = \"NAME.rs\"]` and `mod NAME;` there): {missing:?}"
    );
}

//! RON fair files: round-trip, and one clear error (never a panic) for every kind of bad file.

mod common;

use std::fs;

use common::{any_fair, sample_fair};
use fairmatch::model::{FORMAT_VERSION, validate};
use fairmatch::store::{
    DEFAULT_SIZE_CAP, StoreError, fair_from_str, fair_to_string, load_fair, load_fair_capped, save_fair,
};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_fair_round_trips_through_text(fair in any_fair()) {
        let text = fair_to_string(&fair).expect("serializes");
        let back = fair_from_str(&text, "generated").expect("parses back");
        prop_assert_eq!(back, fair);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_fair_round_trips_through_a_file(fair in any_fair()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fair.ron");
        save_fair(&path, &fair).expect("saves");
        prop_assert_eq!(load_fair(&path).expect("loads"), fair);
    }
}

#[test]
fn a_file_of_the_previous_format_loads_and_is_saved_in_this_one() {
    let mut fair = sample_fair();
    fair.projects.clear();
    fair.sessions.clear();
    let text =
        fair_to_string(&fair)
            .unwrap()
            .replacen(&format!("format_version: {FORMAT_VERSION}"), "format_version: 1", 1);
    let loaded = fair_from_str(&text, "old.ron").expect("an older file loads");
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert_eq!(loaded, fair);
    assert!(
        fair_to_string(&loaded)
            .unwrap()
            .contains(&format!("format_version: {FORMAT_VERSION}"))
    );
}

#[test]
fn sample_fair_is_valid_and_round_trips() {
    let fair = sample_fair();
    assert_eq!(validate(&fair), vec![]);
    let text = fair_to_string(&fair).unwrap();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION}")), "{text}");
    assert_eq!(fair_from_str(&text, "sample").unwrap(), fair);
}

#[test]
fn every_truncation_of_a_sample_is_an_error_not_a_panic() {
    let text = fair_to_string(&sample_fair()).unwrap();
    let bytes = text.as_bytes();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    for len in 0..bytes.len() {
        fs::write(&path, &bytes[..len]).unwrap();
        let result = load_fair(&path);
        if bytes[len..].iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let error = result.expect_err(&format!("a file cut at byte {len} must not load"));
        let message = error.to_string();
        assert!(message.starts_with(&path.display().to_string()), "{message}");
    }
}

#[test]
fn truncated_file_names_line_and_column() {
    let text = fair_to_string(&sample_fair()).unwrap();
    let cut = &text[..text.find("算法工程师").unwrap()];
    let message = fair_from_str(cut, "fair.ron").unwrap_err().to_string();
    let line = cut.lines().count();
    assert!(message.starts_with(&format!("fair.ron:{line}:")), "{message}");
}

#[test]
fn invalid_utf8_reports_its_byte_offset() {
    let text = fair_to_string(&sample_fair()).unwrap();
    let offset = text.find("海尔").unwrap();
    let mut bytes = text.into_bytes();
    bytes[offset] = 0xFF;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, &bytes).unwrap();
    let error = load_fair(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::InvalidUtf8 { offset: o, .. } if o == offset),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains(&format!("invalid UTF-8 at byte offset {offset}")),
        "{message}"
    );
}

#[test]
fn deep_nesting_is_refused_with_its_own_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // Before and after format_version: the version probe must not overflow either.
    for text in [
        format!("(format_version: 1, meta: (id: \"x\", name: \"y\"), extra: {deep})"),
        format!("(extra: {deep}, format_version: 1, meta: (id: \"x\", name: \"y\"))"),
        format!(
            "(format_version: 1, meta: (id: \"x\", name: \"y\", zones: [\"a\"], more: Some({}1{})))",
            "Some(".repeat(50_000),
            ")".repeat(50_000)
        ),
    ] {
        let message = fair_from_str(&text, "deep.ron").unwrap_err().to_string();
        assert!(message.contains("nested too deeply"), "{message}");
        assert!(message.starts_with("deep.ron:1:"), "{message}");
    }
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: if the loader read it, this test would take seconds and a gigabyte.
    let file = fs::File::create(&path).unwrap();
    file.set_len(DEFAULT_SIZE_CAP + 1).unwrap();
    let message = load_fair(&path).unwrap_err().to_string();
    assert!(message.contains("too large"), "{message}");
    assert!(message.contains(&format!("{}", DEFAULT_SIZE_CAP + 1)), "{message}");

    let small = dir.path().join("small.ron");
    save_fair(&small, &sample_fair()).unwrap();
    let message = load_fair_capped(&small, 100).unwrap_err().to_string();
    assert!(
        message.contains("too large") && message.contains("limit is 100 bytes"),
        "{message}"
    );
    assert!(load_fair_capped(&small, 1 << 20).is_ok());
}

#[test]
fn newer_format_version_is_refused_even_if_the_rest_does_not_parse() {
    let newer = FORMAT_VERSION + 1;
    for text in [
        format!("(format_version: {newer}, meta: (id: \"x\", name: \"y\"), hologram: Cube(3))"),
        format!("(format_version: {newer}, this is (not RON at all"),
        format!("Fair(meta: (id: \"x\", name: \"y\"), format_version: {newer})"),
    ] {
        let message = fair_from_str(&text, "future.ron").unwrap_err().to_string();
        assert!(message.contains("newer fairmatch"), "{message}");
        assert!(message.contains(&format!("format_version {newer}")), "{message}");
    }
    let current = fair_to_string(&sample_fair()).unwrap();
    assert!(fair_from_str(&current, "now.ron").is_ok());
}

#[test]
fn wrong_field_says_what_was_expected() {
    let text = fair_to_string(&sample_fair())
        .unwrap()
        .replace("openings: 3", "openings: \"three\"");
    let message = fair_from_str(&text, "f.ron").unwrap_err().to_string();
    assert!(message.to_lowercase().contains("expected"), "{message}");
    assert!(message.contains("three"), "{message}");
}

#[test]
fn missing_file_and_folder_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let message = load_fair(&dir.path().join("nope.ron")).unwrap_err().to_string();
    assert!(
        message.contains("nope.ron") && message.contains("cannot read"),
        "{message}"
    );
    let message = load_fair(dir.path()).unwrap_err().to_string();
    assert!(message.contains("cannot read"), "{message}");
}

#[test]
fn garbage_inputs_never_panic() {
    for text in [
        "",
        "(",
        ")",
        "[",
        "\"",
        "r#\"",
        "/*",
        "(format_version: 99999999999999999999)",
        "()",
        "Some(",
        "\u{FEFF}",
    ] {
        assert!(fair_from_str(text, "g.ron").is_err(), "{text:?}");
    }
}

#[test]
fn failed_save_leaves_the_old_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    // The parent of the target is a file: the temp file cannot be created next to it.
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, b"old contents").unwrap();
    let error = save_fair(&blocker.join("fair.ron"), &sample_fair()).unwrap_err();
    assert!(error.to_string().contains("cannot save"), "{error}");
    assert_eq!(fs::read(&blocker).unwrap(), b"old contents");

    // Saving over a folder is refused; the folder's content stays.
    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("inside"), b"x").unwrap();
    assert!(save_fair(&folder, &sample_fair()).is_err());
    assert_eq!(fs::read(folder.join("inside")).unwrap(), b"x");
}

#[test]
fn save_replaces_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    fs::write(&path, b"old").unwrap();
    save_fair(&path, &sample_fair()).unwrap();
    assert_eq!(load_fair(&path).unwrap(), sample_fair());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("fair.ron")]);
}

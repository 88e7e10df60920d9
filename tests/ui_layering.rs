//! The layers: views reach files, matching and generated fairs only through `app`. A file
//! under `src/ui` that names `store`, `matching`, `generate` or `std::fs` fails here.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The offending uses in `source`: paths into the forbidden modules, including grouped imports
/// such as `use crate::{store, …}` and `use std::{fs, …}`.
fn violations(source: &str) -> Vec<String> {
    const FORBIDDEN: [&str; 4] = ["crate::store", "crate::matching", "crate::generate", "std::fs"];
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for needle in FORBIDDEN {
            if code.contains(needle) {
                found.push(format!("line {}: {}", n + 1, line.trim()));
            }
        }
        let grouped = |root: &str, names: &[&str]| {
            code.find(root).is_some_and(|at| {
                let rest = &code[at + root.len()..];
                names.iter().any(|name| {
                    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                        .any(|word| word == *name)
                })
            })
        };
        if grouped("crate::{", &["store", "matching", "generate"]) || grouped("std::{", &["fs"]) {
            found.push(format!("line {}: {}", n + 1, line.trim()));
        }
    }
    found
}

#[test]
fn the_guard_catches_each_forbidden_form() {
    for bad in [
        "use crate::store::load_fair;",
        "let m = crate::matching::Matcher::build(fair);",
        "use crate::{model, generate};",
        "std::fs::write(path, bytes)",
        "use std::{fs, io};",
    ] {
        assert_eq!(violations(bad).len(), 1, "{bad}");
    }
    for fine in [
        "use crate::app::{AppState, ExportTable};",
        "// the store writes files; views do not",
        "use std::{path::PathBuf, sync::Arc};",
    ] {
        assert!(violations(fine).is_empty(), "{fine}");
    }
}

#[test]
fn views_use_no_store_matching_generate_or_std_fs() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    assert!(files.len() > 10, "found the views: {files:?}");
    let mut report = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable");
        for v in violations(&source) {
            report.push(format!("{}: {v}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "views must reach files, matching and generated fairs through `app`:\n{}",
        report.join("\n")
    );
}

/// Every user-visible string goes through the table in `ui/i18n.rs`: a view that matches on the
/// language itself keeps its own translation, which the table's completeness tests never see.
#[test]
fn views_translate_through_the_table() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut report = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("i18n.rs")) {
        let source = std::fs::read_to_string(file).expect("readable");
        for (n, line) in source.lines().enumerate() {
            if line.contains("Lang::Zh =>") || line.contains("Lang::En =>") {
                report.push(format!("{}: line {}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        report.is_empty(),
        "put these strings in ui/i18n.rs (Tr::get, or Tr::fill for messages with slots):\n{}",
        report.join("\n")
    );
}

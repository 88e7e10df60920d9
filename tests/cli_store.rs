//! The `check`, `import` and `export` commands, run as the real binary.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::run;

use fairmatch::store::{load_fair, save_fair};

const BIN: &str = env!("CARGO_BIN_EXE_fairmatch");

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let valid = dir.path().join("valid.ron");
    save_fair(&valid, &common::sample_fair()).unwrap();
    let out = run(&[&"check", &valid]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "booths:     2",
        "positions:  2",
        "openings:   4",
        "candidates: 1",
        "visits:     1",
        "valid",
    ] {
        assert!(text.contains(line), "missing {line:?} in {text}");
    }

    let mut broken = common::sample_fair();
    broken.positions[0].openings = 0;
    broken.visits[0].candidate = "C404".into();
    let invalid = dir.path().join("invalid.ron");
    save_fair(&invalid, &broken).unwrap();
    let out = run(&[&"check", &invalid]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("2 problem(s)"), "{text}");
    assert!(text.contains("position P1, field `openings`"), "{text}");
    assert!(text.contains("candidate C404 which does not exist"), "{text}");

    let garbage = dir.path().join("garbage.ron");
    fs::write(&garbage, "(format_version: 1, meta: (").unwrap();
    let out = run(&[&"check", &garbage]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("garbage.ron:1:"), "{}", stderr(&out));

    assert_eq!(
        run(&[&"check"]).status.code(),
        Some(2),
        "missing argument is a usage error"
    );
    assert_eq!(run(&[&"check", &valid, &"--frobnicate"]).status.code(), Some(2));
}

#[test]
fn window_entry_refuses_a_bad_file_before_opening_anything() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let out = run(&[&missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.ron: cannot read"), "{}", stderr(&out));
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn import_with_bad_rows_writes_nothing_unless_told_to_skip() {
    let dir = tempfile::tempdir().unwrap();
    let candidates = write(
        dir.path(),
        "c.csv",
        "姓名,手机,学历\n张伟,138,本科\n李娜,139,小学\n王芳,138,硕士\n",
    );
    let out_path = dir.path().join("out.ron");
    fs::write(&out_path, b"previous contents").unwrap();

    let out = run(&[&"import", &"--candidates", &candidates, &"-o", &out_path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2 bad row(s)"), "{err}");
    assert!(
        err.contains("c.csv:3: column 学历 (education): unknown education `小学`"),
        "{err}"
    );
    assert!(
        err.contains("c.csv:4: column 手机 (phone): duplicate candidate"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(fs::read(&out_path).unwrap(), b"previous contents");

    let out = run(&[
        &"import",
        &"--candidates",
        &candidates,
        &"--skip-bad-rows",
        &"-o",
        &out_path,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 skipped row(s)"));
    let fair = load_fair(&out_path).unwrap();
    assert_eq!(fair.candidates.len(), 1);
    assert_eq!(fair.candidates[0].name, "张伟");

    assert_eq!(
        run(&[&"import", &"-o", &out_path]).status.code(),
        Some(2),
        "needs at least one CSV"
    );
}

#[test]
fn import_into_an_existing_fair_and_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.ron");
    save_fair(&base, &common::sample_fair()).unwrap();
    let base_bytes = fs::read(&base).unwrap();
    let positions = write(
        dir.path(),
        "p.csv",
        "展位号,单位名称,岗位名称,招聘人数,学历要求,薪资,行业\nA-001,,数据分析师,2,本科,8k-12k,\n,歌尔股份,声学工程师,1,硕士,1.2万-1.5万,声学\n",
    );
    let merged = dir.path().join("merged.ron");
    let out = run(&[&"import", &"--into", &base, &"--positions", &positions, &"-o", &merged]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read(&base).unwrap(), base_bytes, "--into file untouched");
    let fair = load_fair(&merged).unwrap();
    assert_eq!(fair.positions.len(), 4);
    assert_eq!(fair.booths.len(), 3, "歌尔股份 got a booth");
    assert_eq!(run(&[&"check", &merged]).status.code(), Some(0));

    for encoding in ["utf8", "gb18030"] {
        let csv = dir.path().join(format!("positions-{encoding}.csv"));
        let out = run(&[
            &"export",
            &merged,
            &"--what",
            &"positions",
            &"-o",
            &csv,
            &"--encoding",
            &encoding,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let booths_csv = dir.path().join(format!("booths-{encoding}.csv"));
        let out = run(&[
            &"export",
            &merged,
            &"--what",
            &"booths",
            &"-o",
            &booths_csv,
            &"--encoding",
            &encoding,
        ]);
        assert_eq!(out.status.code(), Some(0));
        let again = dir.path().join(format!("again-{encoding}.ron"));
        let out = run(&[&"import", &"--booths", &booths_csv, &"--positions", &csv, &"-o", &again]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let back = load_fair(&again).unwrap();
        assert_eq!(back.positions, fair.positions);
        assert_eq!(
            back.booths
                .iter()
                .map(|b| (&b.id, &b.employer, b.industry))
                .collect::<Vec<_>>(),
            fair.booths
                .iter()
                .map(|b| (&b.id, &b.employer, b.industry))
                .collect::<Vec<_>>()
        );
    }

    let visits = dir.path().join("visits.csv");
    assert_eq!(
        run(&[&"export", &merged, &"--what", &"visits", &"-o", &visits])
            .status
            .code(),
        Some(0)
    );
    assert!(fs::read_to_string(&visits).unwrap().contains("V1,C1,张伟"));
    assert_eq!(
        run(&[&"export", &merged, &"--what", &"nonsense", &"-o", &visits])
            .status
            .code(),
        Some(2)
    );
}

/// A save that fails half-way (the file-size limit stops the write) leaves the old file as it was.
#[test]
fn save_failing_midway_leaves_the_old_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    save_fair(&fair_path, &common::sample_fair()).unwrap();
    let before = fs::read(&fair_path).unwrap();
    let mut csv = String::from("name,phone,education,school\n");
    for i in 0..20_000 {
        csv.push_str(&format!("候选人{i},1390000{i:05},本科,青岛大学\n"));
    }
    let candidates = write(dir.path(), "many.csv", &csv);
    // 256 blocks of 512 bytes: the new fair (several MB) cannot be written in full. SIGXFSZ is
    // ignored so the write fails with an error instead of killing the process.
    let script = format!(
        "trap '' XFSZ; ulimit -f 256; exec '{BIN}' import --into '{f}' --candidates '{c}' -o '{f}'",
        f = fair_path.display(),
        c = candidates.display()
    );
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot save"), "{}", stderr(&out));
    assert_eq!(fs::read(&fair_path).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temp files left: {leftovers:?}");
}

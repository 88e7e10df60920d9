//! Saves that never lose: the numbered write failures of the data-safety issue (1, 5–9), each
//! as the user met it, and a crash-consistency test that kills writers mid-save.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::run;
use fairmatch::model::{
    CandidateId, EventId, EventKind, Fair, STATION_LOG_VERSION, StationEvent, StationId, StationLog,
};
use fairmatch::store::{self, load_fair, save_fair, save_station_log};

/// A fair large enough that saving it takes a few milliseconds (about 2 MB), so kills and a
/// second writer land while a save or merge is under way.
fn big_fair(tag: &str) -> Fair {
    let mut fair = common::sample_fair();
    fair.meta.name = tag.to_owned();
    let template = fair.candidates[0].clone();
    for i in 0..6_000 {
        let mut c = template.clone();
        c.id = CandidateId(format!("C{i:05}"));
        c.badge = format!("QD{i:05}");
        c.phone = format!("139{i:08}");
        c.email = format!("p{i}@example.com");
        c.checked_in = None;
        fair.candidates.push(c);
    }
    fair
}

/// Names in `dir` other than `keep`: temp files, folders and lock files left behind.
fn leftovers(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

/// Child side of the crash test: saves two fairs in turn until killed.
#[test]
#[ignore = "run by crash_during_saves_leaves_old_or_new_and_no_temp_files"]
fn crash_child_saves_forever() {
    let Some(path) = std::env::var_os("FAIRMATCH_CRASH_CHILD") else {
        return;
    };
    let path = PathBuf::from(path);
    let fairs = [big_fair("old"), big_fair("new")];
    for round in 0.. {
        save_fair(&path, &fairs[round % 2]).unwrap();
    }
}

/// Issue item 1 and the crash-consistency test: writers are killed (SIGKILL) at random points
/// of their saves; the fair is always the old or the new complete fair, and the next save
/// removes every temp file the killed ones left.
#[test]
fn crash_during_saves_leaves_old_or_new_and_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    let old = big_fair("old");
    save_fair(&path, &old).unwrap();
    let expected = [
        store::fair_to_string(&old).unwrap(),
        store::fair_to_string(&big_fair("new")).unwrap(),
    ];
    let started = Instant::now();
    let mut kills = 0;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    while kills < 40 && started.elapsed() < Duration::from_secs(15) {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["crash_child_saves_forever", "--exact", "--ignored", "--nocapture"])
            .env("FAIRMATCH_CRASH_CHILD", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 180));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            expected.contains(&text),
            "after kill {kills} the fair is neither the old nor the new one ({} bytes)",
            text.len()
        );
    }
    save_fair(&path, &old).unwrap();
    assert_eq!(
        leftovers(dir.path(), &["fair.ron"]),
        Vec::<String>::new(),
        "after {kills} kills"
    );
    assert_eq!(load_fair(&path).unwrap(), old);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Issue item 5: a 0600 fair stays 0600; a read-only fair is refused and left as it was.
#[cfg(unix)]
#[test]
fn saves_keep_permissions_and_refuse_read_only_fairs() {
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private.ron");
    save_fair(&private, &common::sample_fair()).unwrap();
    set_mode(&private, 0o600);
    let out = run(&[&"erase", &private, &"--candidate", &"C1", &"-o", &private]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(mode(&private), 0o600);

    let read_only = dir.path().join("read-only.ron");
    save_fair(&read_only, &common::sample_fair()).unwrap();
    set_mode(&read_only, 0o444);
    let before = fs::read(&read_only).unwrap();
    let out = run(&[&"erase", &read_only, &"--candidate", &"C1", &"-o", &read_only]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read(&read_only).unwrap(), before);
    assert_eq!(mode(&read_only), 0o444);
}

/// Issue item 6: `-o` naming a FIFO or a device node is refused; neither is replaced.
#[cfg(unix)]
#[test]
fn saves_refuse_fifos_and_devices() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fair = dir.path().join("fair.ron");
    save_fair(&fair, &common::sample_fair()).unwrap();
    let fifo = dir.path().join("pipe");
    let fifo_c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo_c.as_ptr(), 0o644) }, 0);
    let device = dir.path().join("null-device");
    let device_c = std::ffi::CString::new(device.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid path; creating a device node needs root, so it is skipped otherwise.
    let have_device = unsafe { libc::mknod(device_c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) } == 0;
    let mut targets = vec![fifo.clone()];
    if have_device {
        targets.push(device.clone());
    }
    for target in &targets {
        let out = run(&[&"export", &fair, &"--what", &"booths", &"-o", target]);
        assert_eq!(out.status.code(), Some(1), "{}", target.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    if have_device {
        assert!(fs::symlink_metadata(&device).unwrap().file_type().is_char_device());
    }
}

/// Issue item 7: saving through a symlink updates its target and the link stays a link.
#[cfg(unix)]
#[test]
fn saves_write_through_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let usb = dir.path().join("usb");
    fs::create_dir(&usb).unwrap();
    let real = usb.join("fair.ron");
    save_fair(&real, &common::sample_fair()).unwrap();
    let link = dir.path().join("fair.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run(&[&"erase", &link, &"--candidate", &"C1", &"-o", &link]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(
        load_fair(&real).unwrap().candidates.is_empty(),
        "the target got the save"
    );
}

fn check_in_log(fair: &Fair, station: &str, candidate: &str, second: i64) -> StationLog {
    StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: fair.meta.id.clone(),
        station: Some(StationId::new(station)),
        events: vec![StationEvent {
            id: EventId(format!("{station}-event")),
            station: StationId::new(station),
            at: common::at(1_780_000_000 + second),
            kind: EventKind::CheckIn {
                candidate: CandidateId::new(candidate),
            },
        }],
    }
}

/// Issue item 8: two merges into one file at once both land; neither's events are lost.
#[test]
fn two_merges_into_one_file_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    let fair = big_fair("shared");
    for round in 0..3 {
        save_fair(&fair_path, &fair).unwrap();
        let logs: Vec<PathBuf> = ["entrance-1", "entrance-2"]
            .iter()
            .enumerate()
            .map(|(i, station)| {
                let path = dir.path().join(format!("{station}.ron"));
                let candidate = format!("C{:05}", i + 10 * round);
                save_station_log(&path, &check_in_log(&fair, station, &candidate, i as i64)).unwrap();
                path
            })
            .collect();
        let children: Vec<_> = logs
            .iter()
            .map(|log| {
                Command::new(env!("CARGO_BIN_EXE_fairmatch"))
                    .arg("merge")
                    .args([&fair_path, log])
                    .arg("-o")
                    .arg(&fair_path)
                    .output_async()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        }
        let merged = load_fair(&fair_path).unwrap();
        assert_eq!(merged.events.len(), 2, "round {round}: one merge's events were lost");
    }
}

trait SpawnPiped {
    fn output_async(&mut self) -> std::process::Child;
}

impl SpawnPiped for Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
    }
}

/// A second writer that cannot get the lock in time is refused with a clear message.
#[test]
fn a_held_lock_refuses_a_second_writer_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    save_fair(&path, &common::sample_fair()).unwrap();
    let _window = store::FairLock::try_acquire(&path).unwrap();
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_fairmatch"))
        .args([
            "erase".as_ref(),
            path.as_os_str(),
            "--candidate".as_ref(),
            "C1".as_ref(),
            "-o".as_ref(),
            path.as_os_str(),
        ])
        .env("FAIRMATCH_LOCK_WAIT_MS", "200")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("another fairmatch") && stderr.contains("nothing was written"),
        "{stderr}"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "it waited for the holder first"
    );
    assert_eq!(load_fair(&path).unwrap(), common::sample_fair());
}

/// Issue item 9: `fairmatch check F.ron | head -1` ends quietly, never with a panic (101).
#[test]
fn broken_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    let mut fair = big_fair("pipe");
    for p in &mut fair.positions {
        p.openings = 0; // a problem line per position, and more output
    }
    save_fair(&path, &fair).unwrap();
    for _ in 0..3 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fairmatch"))
            .arg("check")
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_ne!(out.status.code(), Some(101));
    }
}

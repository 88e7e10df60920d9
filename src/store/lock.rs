//! Advisory lock on a fair (or any file fairmatch writes), so two writers never interleave a
//! load-change-save and lose one's update.
//!
//! The lock is a small file next to the target, `.NAME.fairmatch-lock`, locked with the
//! operating system's advisory file lock (`flock` on Unix, `LockFileEx` on Windows, through
//! `std::fs::File::lock`). The lock file, not the fair, is locked because saving replaces the
//! fair's file by a rename, and a lock on the old file would not stop a writer of the new one.
//! The operating system drops the lock when its holder dies, so a killed process never leaves
//! a fair locked. The holder removes the lock file when it lets go; a waiter that locked a
//! file removed meanwhile notices and tries again.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;
use super::write::resolve_target;

/// How long a second writer waits for the first before giving up.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(5);

/// How long writers wait for a lock: [`DEFAULT_LOCK_WAIT`], or `FAIRMATCH_LOCK_WAIT_MS`
/// milliseconds when that is set (for scripts on slow shared drives, and tests).
pub fn lock_wait() -> Duration {
    std::env::var("FAIRMATCH_LOCK_WAIT_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(DEFAULT_LOCK_WAIT, Duration::from_millis)
}

/// Suffix of lock files.
pub const LOCK_SUFFIX: &str = ".fairmatch-lock";

/// Held while a process writes (or merges into, or has open in the window) one file.
/// Dropping it releases the lock.
#[derive(Debug)]
pub struct FairLock {
    /// The file the lock protects, symlinks resolved.
    target: PathBuf,
    lock_path: PathBuf,
    file: File,
}

impl FairLock {
    /// Locks `path` without waiting. `Err(StoreError::Locked)` when another process (or
    /// another lock in this process) holds it: the window then offers to open read-only.
    pub fn try_acquire(path: &Path) -> Result<FairLock, StoreError> {
        let target = resolve_target(path)?.path;
        let lock_path = lock_path_for(&target)?;
        loop {
            let file = open_lock_file(&lock_path, &target)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: target,
                        holder: read_holder(&lock_path),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(lock_error(&target, &e)),
            }
            if let Some(lock) = Self::claim(file, &target, &lock_path)? {
                return Ok(lock);
            }
        }
    }

    /// Locks `path`, waiting up to `wait` for another holder to finish.
    pub fn acquire(path: &Path, wait: Duration) -> Result<FairLock, StoreError> {
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(5);
        loop {
            match Self::try_acquire(path) {
                Err(StoreError::Locked { path, holder }) => {
                    let now = Instant::now();
                    if now >= deadline {
                        return Err(StoreError::Locked { path, holder });
                    }
                    std::thread::sleep(pause.min(deadline - now));
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// Keeps a freshly locked file only if it is still the lock file at `lock_path` (the
    /// previous holder may have removed it while this process waited); `None` means retry.
    fn claim(mut file: File, target: &Path, lock_path: &Path) -> Result<Option<FairLock>, StoreError> {
        if !same_file(&file, lock_path) {
            return Ok(None);
        }
        // Who holds it, for the message a waiting writer shows. Best effort.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(Some(FairLock {
            target: target.to_owned(),
            lock_path: lock_path.to_owned(),
            file,
        }))
    }

    /// The locked file (symlinks resolved): where saves under this lock write.
    pub fn path(&self) -> &Path {
        &self.target
    }
}

impl Drop for FairLock {
    fn drop(&mut self) {
        // Removed while still locked, so a waiter either sees it gone or re-checks the path.
        let _ = std::fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// `.NAME.fairmatch-lock` in the target's folder.
fn lock_path_for(target: &Path) -> Result<PathBuf, StoreError> {
    let name = target.file_name().ok_or_else(|| StoreError::Write {
        path: target.to_owned(),
        message: "has no file name".into(),
    })?;
    let mut lock_name = std::ffi::OsString::from(".");
    lock_name.push(name);
    lock_name.push(LOCK_SUFFIX);
    Ok(target.with_file_name(lock_name))
}

fn open_lock_file(lock_path: &Path, target: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path)
        .map_err(|e| lock_error(target, &e))
}

fn lock_error(target: &Path, error: &std::io::Error) -> StoreError {
    StoreError::Write {
        path: target.to_owned(),
        message: format!("cannot lock it for writing: {error}"),
    }
}

fn read_holder(lock_path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(lock_path).ok()?.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows does not let a locked open file be removed, so the path still names it.
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let fair = dir.path().join("fair.ron");
        let first = FairLock::try_acquire(&fair).unwrap();
        match FairLock::acquire(&fair, Duration::from_millis(30)) {
            Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        let again = FairLock::try_acquire(&fair).unwrap();
        assert_eq!(again.path(), fair.as_path());
        drop(again);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(leftovers.is_empty(), "the lock file is removed with the lock");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_and_its_target_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let fair = dir.path().join("fair.ron");
        std::fs::write(&fair, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&fair, &link).unwrap();
        let _held = FairLock::try_acquire(&link).unwrap();
        assert!(matches!(FairLock::try_acquire(&fair), Err(StoreError::Locked { .. })));
    }
}

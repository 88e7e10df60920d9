//! Safe replacement of a file: fair saves, exports, station logs, every `-o`.
//!
//! - The bytes go to a temp file of ours next to the target, `.NAME.XXXXXX.fairmatch-tmp`,
//!   which is synced and then renamed over the target, and the folder is synced: a crash at
//!   any moment leaves either the old or the new complete file.
//! - The temp file is locked while it is written. A temp file of ours that nobody holds is
//!   left over from a killed save; the next save in that folder removes it.
//! - A symlink is written through: its target is replaced and the link stays a link.
//! - The target keeps its permission bits and (where the process may set them) its owner
//!   and group: a 0600 fair stays 0600.
//! - A target that is not a regular file (a folder, device, FIFO or socket) or is read-only
//!   is refused with a message, and nothing is written.

use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::lock::{FairLock, lock_wait};

/// Suffix of the temp files saves write first.
pub const TEMP_SUFFIX: &str = ".fairmatch-tmp";

/// Symlinks followed before giving up (as the kernel's own limit).
const MAX_SYMLINK_HOPS: usize = 40;

/// Where a write to a path lands.
#[derive(Debug)]
pub(crate) struct Target {
    /// The final file, symlinks resolved.
    pub path: PathBuf,
    /// Its metadata when it exists.
    pub existing: Option<Metadata>,
}

/// Follows symlinks from `path` to the file a write must replace and checks that it may be
/// replaced: missing, or a regular file that is not read-only.
pub(crate) fn resolve_target(path: &Path) -> Result<Target, StoreError> {
    let refuse = |path: &Path, message: String| StoreError::Write {
        path: path.to_owned(),
        message,
    };
    if path.as_os_str().is_empty() {
        return Err(refuse(path, "no file name given".into()));
    }
    let mut current = path.to_owned();
    for _ in 0..MAX_SYMLINK_HOPS {
        let metadata = match std::fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if current.file_name().is_none() {
                    return Err(refuse(path, "names a folder, not a file".into()));
                }
                return Ok(Target {
                    path: current,
                    existing: None,
                });
            }
            Err(e) => return Err(refuse(path, format!("cannot look at it: {e}"))),
        };
        let kind = metadata.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&current).map_err(|e| refuse(path, format!("cannot read the link: {e}")))?;
            current = match current.parent() {
                Some(parent) if link.is_relative() => parent.join(link),
                _ => link,
            };
            continue;
        }
        if kind.is_dir() {
            return Err(refuse(path, "is a folder".into()));
        }
        if !kind.is_file() {
            return Err(refuse(
                path,
                "is not a regular file (a device, pipe or socket); choose a file name".into(),
            ));
        }
        if metadata.permissions().readonly() {
            return Err(refuse(
                path,
                "is read-only; make it writable or save under another name".into(),
            ));
        }
        return Ok(Target {
            path: current,
            existing: Some(metadata),
        });
    }
    Err(refuse(path, "has too many levels of symbolic links".into()))
}

/// Replaces `path` with `bytes` (see the module documentation), holding the file's lock while
/// it writes; waits up to [`lock_wait`] for another writer.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let lock = FairLock::acquire(path, lock_wait())?;
    write_locked(&lock, bytes)
}

/// Replaces the locked file with `bytes`; for a writer that already holds the lock (a merge
/// that loaded under it, or the window that holds it while a fair is open).
pub fn write_locked(lock: &FairLock, bytes: &[u8]) -> Result<(), StoreError> {
    // Checked again: the file may have changed since the lock was taken.
    let target = resolve_target(lock.path())?;
    replace(&target, bytes).map_err(|e| StoreError::Write {
        path: target.path.clone(),
        message: e.to_string(),
    })
}

fn replace(target: &Target, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match target.path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    remove_stale_temps(&dir);
    let name = target.path.file_name().unwrap_or_default();
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX).rand_bytes(6);
    #[cfg(unix)]
    {
        // A new file gets the usual 0666 less the umask (tempfile's own default is 0600);
        // an existing one gets its exact mode below.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir)?;
    // Held until the temp is renamed or removed, so another save's cleanup leaves it alone.
    temp.as_file().try_lock().map_err(std::io::Error::other)?;
    if let Some(existing) = &target.existing {
        keep_owner_and_mode(temp.as_file(), existing)?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(&target.path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, existing: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let ours = file.metadata()?;
    if ours.uid() != existing.uid() || ours.gid() != existing.gid() {
        // Only root (or the owner, for a group it belongs to) may do this; otherwise the file
        // becomes the saver's, as with any editor that saves by rename.
        let _ = std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid()));
    }
    file.set_permissions(std::fs::Permissions::from_mode(existing.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, existing: &Metadata) -> std::io::Result<()> {
    file.set_permissions(existing.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Makes the rename itself durable. Best effort: some file systems refuse it.
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// Removes temp files of ours in `dir` that no live save holds (left by a killed save).
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(file) = std::fs::OpenOptions::new().read(true).write(true).open(entry.path()) else {
            continue;
        };
        if file.try_lock().is_ok() && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_folders_and_empty_names() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomically(dir.path(), b"x").unwrap_err().to_string();
        assert!(error.contains("is a folder"), "{error}");
        assert!(write_atomically(Path::new(""), b"x").is_err());
    }

    #[test]
    fn a_stale_temp_is_removed_and_a_held_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".fair.ron.abc123.fairmatch-tmp");
        std::fs::write(&stale, "half a fair").unwrap();
        let held_path = dir.path().join(".other.ron.def456.fairmatch-tmp");
        let held = File::create(&held_path).unwrap();
        held.lock().unwrap();
        write_atomically(&dir.path().join("fair.ron"), b"whole").unwrap();
        assert!(!stale.exists());
        assert!(held_path.exists(), "a temp another save holds stays");
        assert_eq!(std::fs::read(dir.path().join("fair.ron")).unwrap(), b"whole");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_mode_and_writes_through_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

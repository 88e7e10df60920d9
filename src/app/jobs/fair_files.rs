//! Opening and saving fair files. The window holds the open fair's lock (`store::FairLock`)
//! while it is open and saves under it; a fair another fairmatch holds can be opened
//! read-only, and then saving over it is refused.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{JobOutcome, Message, Task, file_name};
use crate::app::safety::Passphrase;
use crate::app::{AppState, PreparedFair};
use crate::store::StoreError;
use crate::store::lock::FairLock;

fn open_failed() -> Message {
    Message::new("Could not open the fair file", "无法打开招聘会文件")
}

/// Whether `lock` protects `path` (symlinks resolved as the lock resolves them).
pub(crate) fn locks(lock: &FairLock, path: &Path) -> bool {
    let real = |p: &Path| std::fs::canonicalize(p).ok();
    real(path).is_some_and(|p| Some(p) == real(lock.path()))
}

/// How a fair file is opened.
pub(super) struct OpenRequest {
    pub path: PathBuf,
    pub fallback_to_sample: bool,
    pub read_only: bool,
    pub passphrase: Option<Passphrase>,
}

/// Reads, parses and indexes the file on the job's thread; the fair that was open stays until
/// the new one is ready, and stays for good if the file cannot be used. Unless opened
/// read-only, the file's lock is taken first: held by another fairmatch, nothing is read and
/// the window offers read-only.
pub(super) fn open(state: &AppState, request: OpenRequest) -> Task {
    let OpenRequest {
        path,
        fallback_to_sample,
        read_only,
        passphrase,
    } = request;
    // Opening the fair this window has open again keeps its lock.
    let held = state.safety.lock.clone();
    let name = file_name(&path);
    let label = Message::new(format!("Opening {name}"), format!("正在打开 {name}"));
    Task::new(label, true, move |context| {
        let fail = move |e: StoreError| -> super::Finish {
            let detail = e.to_string();
            Box::new(move |state: &mut AppState| {
                if fallback_to_sample {
                    state.replace_fair(crate::generate::sample_fair(), None);
                }
                JobOutcome::Failed {
                    summary: open_failed(),
                    detail,
                }
            })
        };
        let lock = if read_only {
            None
        } else {
            match held.filter(|l| locks(l, &path)) {
                Some(lock) => Some(lock),
                None => match FairLock::try_acquire(&path) {
                    Ok(lock) => Some(Arc::new(lock)),
                    Err(StoreError::Locked { holder, .. }) => {
                        return Box::new(move |state: &mut AppState| {
                            if fallback_to_sample {
                                state.replace_fair(crate::generate::sample_fair(), None);
                            }
                            JobOutcome::Locked { path, holder }
                        });
                    }
                    // A folder where no lock file can be made (read-only media): open unlocked.
                    Err(_) => None,
                },
            }
        };
        context.set_stage(Message::new("reading and indexing", "读取并建立索引"));
        match PreparedFair::load_with(&path, passphrase.as_ref().map(Passphrase::expose)) {
            Ok(prepared) => Box::new(move |state: &mut AppState| {
                state.install(prepared, Some(path));
                state.safety.lock = lock;
                state.safety.read_only = read_only;
                state.safety.passphrase = passphrase;
                JobOutcome::Opened
            }),
            Err(StoreError::NeedsPassphrase { .. }) => Box::new(move |state: &mut AppState| {
                if fallback_to_sample {
                    state.replace_fair(crate::generate::sample_fair(), None);
                }
                JobOutcome::NeedsPassphrase {
                    path,
                    read_only,
                    error: None,
                }
            }),
            Err(e @ StoreError::Decrypt { .. }) if passphrase.is_some() => {
                let detail = e.to_string();
                Box::new(move |state: &mut AppState| {
                    if fallback_to_sample {
                        state.replace_fair(crate::generate::sample_fair(), None);
                    }
                    JobOutcome::NeedsPassphrase {
                        path,
                        read_only,
                        error: Some(detail),
                    }
                })
            }
            Err(e) => fail(e),
        }
    })
}

/// Writes the fair as it is now: a shared snapshot, so edits made while the file is written
/// go on (the first one copies the fair). The fair counts as saved at this point, not at the
/// point the write ends. The open file is written under the lock the window holds; another
/// file (Save as) is locked first and that lock is kept, as the window now has that file open.
/// An encrypted fair is written encrypted with its passphrase.
pub(super) fn save(state: &AppState, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let at = state.save_point();
    let generation = state.generation;
    let held = state.safety.lock.clone();
    let passphrase = state.safety.passphrase.clone();
    let read_only_file = state.path.clone().filter(|_| state.safety.read_only);
    let name = file_name(&path);
    let label = Message::new(format!("Saving {name}"), format!("正在保存 {name}"));
    Task::new(label, false, move |_| {
        let secret = passphrase.as_ref().map(Passphrase::expose);
        let mut new_lock = None;
        let result = if read_only_file.as_deref() == Some(path.as_path()) {
            Err(StoreError::Write {
                path: path.clone(),
                message: "was opened read-only because another fairmatch has it open; use Save as… to keep a copy"
                    .into(),
            })
        } else {
            match held.filter(|l| locks(l, &path)) {
                Some(lock) => crate::store::save_fair_locked(&lock, &snapshot, secret),
                None => match FairLock::try_acquire(&path) {
                    Ok(lock) => {
                        let saved = crate::store::save_fair_locked(&lock, &snapshot, secret);
                        new_lock = saved.is_ok().then(|| Arc::new(lock));
                        saved
                    }
                    Err(e @ StoreError::Locked { .. }) => Err(e),
                    Err(_) => crate::store::save_fair_with_passphrase(&path, &snapshot, secret),
                },
            }
        };
        drop(snapshot);
        if result.is_ok() {
            // The file now holds what the recovery copy kept (or more).
            let _ = std::fs::remove_file(crate::app::recovery::recovery_path(&path));
        }
        Box::new(move |state: &mut AppState| {
            let outcome = match result {
                Ok(()) => {
                    // Written either way; marked saved only if that fair is still the open one.
                    if state.generation == generation {
                        state.mark_saved_at(path, at);
                        if let Some(lock) = new_lock {
                            state.safety.lock = Some(lock);
                            state.safety.read_only = false;
                        }
                    }
                    JobOutcome::Done(Message::new(format!("Saved {name}"), format!("已保存 {name}")))
                }
                Err(e) => JobOutcome::Failed {
                    summary: Message::new(
                        "Could not save; the file on disk is unchanged",
                        "保存失败，磁盘上的文件未改动",
                    ),
                    detail: e.to_string(),
                },
            };
            // Saves run one at a time, so the file ends up with the last one asked for.
            if let Some(path) = state.queued_save.take() {
                state.start(super::Job::Save { path });
            }
            outcome
        })
    })
}

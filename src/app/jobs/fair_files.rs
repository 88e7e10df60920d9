//! Opening and saving fair files.

use std::path::PathBuf;

use super::{JobOutcome, Message, Task, file_name};
use crate::app::{AppState, PreparedFair};

fn open_failed() -> Message {
    Message::new("Could not open the fair file", "无法打开招聘会文件")
}

/// Reads, parses and indexes the file on the job's thread; the fair that was open stays until
/// the new one is ready, and stays for good if the file cannot be used.
pub(super) fn open(path: PathBuf, fallback_to_sample: bool) -> Task {
    let name = file_name(&path);
    let label = Message::new(format!("Opening {name}"), format!("正在打开 {name}"));
    Task::new(label, true, move |context| {
        context.set_stage(Message::new("reading and indexing", "读取并建立索引"));
        match PreparedFair::load(&path) {
            Ok(prepared) => Box::new(move |state: &mut AppState| {
                state.install(prepared, Some(path));
                JobOutcome::Opened
            }),
            Err(e) => {
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
            }
        }
    })
}

/// Writes the fair as it is now: a shared snapshot, so edits made while the file is written
/// go on (the first one copies the fair). The fair counts as saved at this point, not at the
/// point the write ends.
pub(super) fn save(state: &AppState, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let at = state.save_point();
    let generation = state.generation;
    let name = file_name(&path);
    let label = Message::new(format!("Saving {name}"), format!("正在保存 {name}"));
    Task::new(label, false, move |_| {
        let result = crate::store::save_fair(&path, &snapshot);
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

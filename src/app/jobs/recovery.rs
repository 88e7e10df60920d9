//! Writing, restoring and discarding recovery copies (see `app/recovery.rs`).

use std::path::PathBuf;

use super::{JobOutcome, Message, Task, file_name};
use crate::app::{AppState, PreparedFair, RecoveryOffer};

/// Writes the fair as it is now to `copy` (encrypted like the fair when it has a passphrase).
pub(super) fn write(state: &AppState, copy: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let passphrase = state.safety.passphrase.clone();
    let label = Message::new("Writing a recovery copy", "正在写入恢复副本");
    Task::new(label, false, move |_| {
        let result = crate::store::save_fair_with_passphrase(
            &copy,
            &snapshot,
            passphrase.as_ref().map(crate::app::safety::Passphrase::expose),
        );
        drop(snapshot);
        Box::new(move |_: &mut AppState| match result {
            Ok(()) => {
                let time = chrono::Local::now().format("%H:%M");
                JobOutcome::Done(Message::new(
                    format!("Unsaved edits kept in a recovery copy at {time}"),
                    format!("未保存的修改已于 {time} 写入恢复副本"),
                ))
            }
            Err(e) => JobOutcome::Failed {
                summary: Message::new("Could not write the recovery copy", "无法写入恢复副本"),
                detail: e.to_string(),
            },
        })
    })
}

/// Opens the recovery copy in place of the fair: same file, unsaved until saved.
pub(super) fn restore(state: &AppState, offer: RecoveryOffer) -> Task {
    let passphrase = state.safety.passphrase.clone();
    let label = Message::new(
        format!("Restoring {}", file_name(&offer.fair)),
        format!("正在恢复 {}", file_name(&offer.fair)),
    );
    Task::new(label, false, move |_| {
        let loaded = crate::store::load_fair_with_passphrase(
            &offer.copy,
            passphrase.as_ref().map(crate::app::safety::Passphrase::expose),
            crate::store::DEFAULT_SIZE_CAP,
        );
        match loaded {
            Ok(fair) => {
                let prepared = PreparedFair::new(fair);
                Box::new(move |state: &mut AppState| {
                    state.path = Some(offer.fair);
                    state.safety.passphrase = passphrase;
                    state.install_in_place(prepared);
                    // The copy stays until the restored fair is saved.
                    state.safety.recovery_offer = None;
                    JobOutcome::Opened
                })
            }
            Err(e) => {
                let detail = e.to_string();
                Box::new(move |_: &mut AppState| JobOutcome::Failed {
                    summary: Message::new("Could not restore the recovery copy", "无法恢复恢复副本"),
                    detail,
                })
            }
        }
    })
}

/// Deletes the recovery copy; the fair stays as its file holds it.
pub(super) fn discard(offer: RecoveryOffer) -> Task {
    let label = Message::new("Discarding the recovery copy", "正在丢弃恢复副本");
    Task::new(label, false, move |_| {
        let result = std::fs::remove_file(&offer.copy);
        Box::new(move |state: &mut AppState| {
            if state.safety.recovery_offer.as_ref() == Some(&offer) {
                state.safety.recovery_offer = None;
            }
            match result {
                Ok(()) => JobOutcome::Done(Message::new("Recovery copy discarded", "已丢弃恢复副本")),
                Err(e) => JobOutcome::Failed {
                    summary: Message::new("Could not delete the recovery copy", "无法删除恢复副本"),
                    detail: format!("{}: {e}", offer.copy.display()),
                },
            }
        })
    })
}

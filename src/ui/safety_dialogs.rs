//! Dialogs of data safety: a recovery copy to restore or discard, a fair another window holds
//! (open read-only), an encrypted fair's passphrase.

use super::command::{Command, ViewCtx};
use super::{Dialog, i18n};
use std::path::PathBuf;

use crate::app::{Job, Passphrase, RecoveryOffer};

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned())
}

/// A recovery copy newer than the fair: Restore or Discard. It must be answered: Escape or a
/// click outside does not choose for the user.
pub fn recovery(ctx: &egui::Context, cx: &mut ViewCtx, offer: RecoveryOffer) -> Option<Dialog> {
    let lang = cx.lang();
    let body = i18n::RECOVERY_BODY.fill(lang, &[("file", &file_name(&offer.fair)), ("time", &offer.written)]);
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery_dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(cx.t(i18n::RECOVERY_TITLE));
        ui.label(body);
        ui.add_space(super::style::SPACE_GROUP);
        ui.horizontal(|ui| {
            if ui.button(cx.t(i18n::RESTORE)).clicked() {
                choice = Some(true);
            }
            if ui.button(cx.t(i18n::DISCARD_COPY)).clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => {
            cx.push(Command::Start(Job::RestoreRecovery(offer)));
            None
        }
        Some(false) => {
            cx.push(Command::Start(Job::DiscardRecovery(offer)));
            None
        }
        None => Some(Dialog::Recovery(offer)),
    }
}

/// Text typed into a masked field; never printed (its `Debug` hides it).
#[derive(Clone, PartialEq, Default)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Another fairmatch holds the fair: say who, and offer to open it read-only.
pub fn locked(ctx: &egui::Context, cx: &mut ViewCtx, path: PathBuf, holder: Option<u32>) -> Option<Dialog> {
    let lang = cx.lang();
    let who = match holder {
        Some(pid) => i18n::LOCK_HOLDER_PROCESS.fill(lang, &[("pid", &pid)]),
        None => cx.t(i18n::LOCK_HOLDER_UNKNOWN).to_owned(),
    };
    let body = i18n::LOCKED_BODY.fill(lang, &[("file", &file_name(&path)), ("holder", &who)]);
    let (confirm, cancel) = (cx.t(i18n::OPEN_READ_ONLY), cx.t(i18n::CANCEL));
    let heading = cx.t(i18n::LOCKED_TITLE);
    let choice = super::dialogs::confirm_or_cancel(ctx, "locked_dialog", confirm, true, cancel, |ui| {
        ui.set_max_width(460.0);
        ui.heading(heading);
        ui.label(body);
    });
    match choice {
        Some(true) => {
            cx.push(Command::Start(Job::Open {
                path,
                fallback_to_sample: false,
                read_only: true,
                passphrase: None,
            }));
            None
        }
        Some(false) => None,
        None => Some(Dialog::Locked { path, holder }),
    }
}

/// An encrypted fair: ask for its passphrase in a masked field. After a wrong one the error
/// shows above the field and nothing was opened.
pub fn passphrase(ctx: &egui::Context, cx: &mut ViewCtx, mut prompt: PassphrasePrompt) -> Option<Dialog> {
    let lang = cx.lang();
    let body = i18n::PASSPHRASE_BODY.fill(lang, &[("file", &file_name(&prompt.path))]);
    let mut done = None;
    let modal = egui::Modal::new(egui::Id::unique("passphrase_dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(cx.t(i18n::PASSPHRASE_TITLE));
        ui.label(body);
        if let Some(error) = &prompt.error {
            ui.add_space(super::style::SPACE_ROW);
            ui.colored_label(ui.visuals().error_fg_color, cx.t(i18n::WRONG_PASSPHRASE));
            ui.weak(error);
        }
        ui.add_space(super::style::SPACE_ROW);
        let label = ui.label(cx.t(i18n::PASSPHRASE));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.text.0)
                    .password(true)
                    .desired_width(300.0),
            )
            .labelled_by(label.id);
        if !response.has_focus() && !response.lost_focus() && prompt.text.0.is_empty() {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(super::style::SPACE_ROW);
        ui.horizontal(|ui| {
            let typed = !prompt.text.0.is_empty();
            if ui.add_enabled(typed, egui::Button::new(cx.t(i18n::OK))).clicked() || (enter && typed) {
                done = Some(true);
            }
            if ui.button(cx.t(i18n::CANCEL)).clicked() {
                done = Some(false);
            }
        });
    });
    if modal.should_close() && done.is_none() {
        done = Some(false);
    }
    match done {
        Some(true) => {
            cx.push(Command::Start(Job::Open {
                path: prompt.path,
                fallback_to_sample: false,
                read_only: prompt.read_only,
                passphrase: Some(Passphrase::new(&prompt.text.0)),
            }));
            None
        }
        Some(false) => None,
        None => Some(Dialog::Passphrase(Box::new(prompt))),
    }
}

/// What the passphrase dialog keeps between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct PassphrasePrompt {
    pub path: PathBuf,
    pub read_only: bool,
    /// Why the last passphrase did not open it.
    pub error: Option<String>,
    pub text: Secret,
}

/// Erasing a candidate's personal data: names the person and says it cannot be undone.
pub fn erase(ctx: &egui::Context, cx: &mut ViewCtx, id: crate::model::CandidateId) -> Option<Dialog> {
    let lang = cx.lang();
    // Gone meanwhile (another edit): nothing to confirm.
    let name = cx.app.candidate(&id).map(|c| c.name.clone())?;
    let heading = i18n::ERASE_TITLE.fill(lang, &[("name", &name)]);
    let body = i18n::ERASE_BODY.fill(lang, &[("name", &name), ("id", &id)]);
    let (confirm, cancel) = (cx.t(i18n::ERASE_CONFIRM), cx.t(i18n::CANCEL));
    let choice = super::dialogs::confirm_or_cancel(ctx, "erase_dialog", confirm, true, cancel, |ui| {
        ui.set_max_width(480.0);
        ui.heading(heading);
        ui.label(body);
    });
    match choice {
        Some(true) => {
            cx.push(Command::Erase(id));
            None
        }
        Some(false) => None,
        None => Some(Dialog::Erase { id }),
    }
}

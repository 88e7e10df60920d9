//! Dialogs of data safety: a recovery copy to restore or discard, a fair another window holds
//! (open read-only), an encrypted fair's passphrase.

use super::command::{Command, ViewCtx};
use super::{Dialog, i18n};
use crate::app::{Job, RecoveryOffer};

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

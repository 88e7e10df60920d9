//! Modal dialogs: unsaved changes, typed paths, deleting a booth with positions, missing font,
//! this laptop's station id.

use std::path::PathBuf;

use super::command::{Command, ViewCtx};
use super::{Dialog, FileAction, FilePurpose, i18n};
use crate::app::{BoothPositions, Edit, PendingImport};

/// Draws the dialog on screen (its own state); closing it sets `slot` to `None`.
pub fn show(ctx: &egui::Context, cx: &mut ViewCtx, slot: &mut Option<Dialog>) {
    let Some(dialog) = slot.take() else { return };
    *slot = match dialog {
        Dialog::Unsaved(action) => unsaved(ctx, cx, action),
        Dialog::Path { purpose, text } => path(ctx, cx, purpose, text),
        Dialog::DeleteBooth { id, move_to } => delete_booth(ctx, cx, id, move_to),
        Dialog::DeletePosition { id } => delete_position(ctx, cx, id),
        Dialog::ImportBadRows(pending) => import_bad_rows(ctx, cx, pending),
        Dialog::FontNotice => font_notice(ctx),
        Dialog::Recovery(offer) => super::safety_dialogs::recovery(ctx, cx, offer),
        Dialog::Locked { path, holder } => super::safety_dialogs::locked(ctx, cx, path, holder),
        Dialog::Passphrase(prompt) => super::safety_dialogs::passphrase(ctx, cx, *prompt),
        Dialog::Erase { id } => super::safety_dialogs::erase(ctx, cx, id),
        Dialog::ImportQuestion(answering) => super::import_questions::show(ctx, cx, *answering),
        Dialog::StationId { text, then } => station_id(ctx, cx, text, then),
    };
}

/// Deleting a position that visits name keeps the visits, under their booth without a position.
fn delete_position(ctx: &egui::Context, cx: &mut ViewCtx, id: crate::model::PositionId) -> Option<Dialog> {
    let visits = cx
        .app
        .fair()
        .visits
        .iter()
        .filter(|v| v.position.as_ref() == Some(&id))
        .count();
    let booth = cx.app.position(&id).map(|p| p.booth.to_string()).unwrap_or_default();
    let body = i18n::DELETE_POSITION_VISITS.fill(cx.lang(), &[("visits", &visits), ("booth", &booth)]);
    let (confirm, cancel) = (cx.t(i18n::DELETE_KEEP_VISITS), cx.t(i18n::CANCEL));
    let heading = format!("{} {id}", cx.t(i18n::DELETE_POSITION));
    let choice = confirm_or_cancel(ctx, "delete_position_dialog", confirm, true, cancel, |ui| {
        ui.set_max_width(440.0);
        ui.heading(heading);
        ui.label(body);
    });
    match choice {
        Some(true) => {
            cx.push(Command::Apply(Edit::DeletePosition { id }));
            None
        }
        Some(false) => None,
        None => Some(Dialog::DeletePosition { id }),
    }
}

/// Lists the rows a CSV import cannot use, and lets the user import the rest or nothing.
fn import_bad_rows(ctx: &egui::Context, cx: &mut ViewCtx, pending: Box<PendingImport>) -> Option<Dialog> {
    let lang = cx.lang();
    let (good, bad) = (pending.good_rows(), pending.bad_rows.len());
    let import_label = i18n::IMPORT_GOOD_SKIP_BAD.fill(lang, &[("good", &good), ("bad", &bad)]);
    let cancel = cx.t(i18n::CANCEL);
    let (title, body) = (cx.t(i18n::IMPORT_BAD_ROWS_TITLE), cx.t(i18n::IMPORT_BAD_ROWS_BODY));
    let choice = confirm_or_cancel(ctx, "import_bad_rows", import_label, good > 0, cancel, |ui| {
        ui.set_width(640.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.heading(title);
        ui.label(format!("{}: {body}", pending.file));
        ui.add_space(super::style::SPACE_TIGHT);
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for row in &pending.bad_rows {
                    ui.add(egui::Label::new(egui::RichText::new(row.to_string()).monospace()).wrap());
                }
            });
    });
    match choice {
        Some(true) => {
            cx.push(Command::Apply(pending.into_edit()));
            None
        }
        Some(false) => None,
        None => Some(Dialog::ImportBadRows(pending)),
    }
}

/// A modal with `body` above a confirm and a cancel button: `Some(true)` confirmed,
/// `Some(false)` cancelled (or closed with Escape / a click outside), `None` still open.
pub(super) fn confirm_or_cancel(
    ctx: &egui::Context,
    id: &str,
    confirm: impl Into<egui::WidgetText>,
    confirm_enabled: bool,
    cancel: &str,
    body: impl FnOnce(&mut egui::Ui),
) -> Option<bool> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        body(ui);
        ui.add_space(super::style::SPACE_GROUP);
        ui.horizontal(|ui| {
            if ui.add_enabled(confirm_enabled, egui::Button::new(confirm)).clicked() {
                choice = Some(true);
            }
            if ui.button(cancel).clicked() {
                choice = Some(false);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(false);
    }
    choice
}

/// A modal asking for one line of text: OK (or Enter) and Cancel.
struct TextPrompt<'a> {
    id: &'a str,
    heading: &'a str,
    body: Option<&'a str>,
    label: &'a str,
    hint: &'a str,
    width: f32,
    /// OK stays disabled while the field is blank.
    ok_needs_text: bool,
}

/// Draws `prompt` around `text`, focused while empty: `Some(true)` on OK or Enter,
/// `Some(false)` on Cancel or Escape, `None` while still open.
fn text_prompt(ctx: &egui::Context, cx: &ViewCtx, prompt: &TextPrompt, text: &mut String) -> Option<bool> {
    let mut done = None;
    let modal = egui::Modal::new(egui::Id::unique(prompt.id)).show(ctx, |ui| {
        ui.set_min_width(prompt.width + 20.0);
        // A long body wraps instead of widening the modal.
        ui.set_max_width(460.0);
        ui.heading(prompt.heading);
        if let Some(body) = prompt.body {
            ui.label(body);
            ui.add_space(super::style::SPACE_ROW);
        }
        let label = ui.label(prompt.label);
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .desired_width(prompt.width)
                    .hint_text(prompt.hint),
            )
            .labelled_by(label.id);
        if !response.has_focus() && !response.lost_focus() && text.is_empty() {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(super::style::SPACE_ROW);
        ui.horizontal(|ui| {
            let enabled = !prompt.ok_needs_text || !text.trim().is_empty();
            if ui.add_enabled(enabled, egui::Button::new(cx.t(i18n::OK))).clicked() || enter {
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
    done
}

fn unsaved(ctx: &egui::Context, cx: &mut ViewCtx, action: FileAction) -> Option<Dialog> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(cx.t(i18n::UNSAVED_TITLE));
        ui.label(format!("{} “{}”", cx.t(i18n::UNSAVED_BODY), cx.app.fair().meta.name));
        ui.add_space(super::style::SPACE_GROUP);
        ui.horizontal(|ui| {
            if ui.button(cx.t(i18n::SAVE)).clicked() {
                choice = Some(0);
            }
            if ui.button(cx.t(i18n::DISCARD)).clicked() {
                choice = Some(1);
            }
            if ui.button(cx.t(i18n::CANCEL)).clicked() {
                choice = Some(2);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(2);
    }
    match choice {
        Some(0) => {
            cx.push(Command::SaveThen(action));
            None
        }
        Some(1) => {
            cx.push(Command::Discard(action));
            None
        }
        Some(_) => None,
        None => Some(Dialog::Unsaved(action)),
    }
}

fn path(ctx: &egui::Context, cx: &mut ViewCtx, purpose: FilePurpose, mut text: String) -> Option<Dialog> {
    let title = match purpose {
        FilePurpose::Open => i18n::OPEN_PATH,
        FilePurpose::SaveAs => i18n::SAVE_TO_PATH,
        FilePurpose::ImportCsv(_) => i18n::IMPORT_CSV,
        FilePurpose::ExportCsv(_) | FilePurpose::ExportAllocation | FilePurpose::ExportShortlist(_) => i18n::EXPORT_CSV,
        FilePurpose::ExportStationLog => super::station_logs::EXPORT_MENU,
        FilePurpose::MergeStationLogs => super::station_logs::MERGE_MENU,
        FilePurpose::ExportReport => i18n::EXPORT_REPORT,
        FilePurpose::ExportItinerary(_) => i18n::PRINT_ITINERARY,
        FilePurpose::SyncCredentials => super::sync_settings::SYNC,
    };
    let prompt = TextPrompt {
        id: "path_dialog",
        heading: cx.t(title),
        body: None,
        label: cx.t(i18n::PATH),
        hint: "/home/…/fair.ron",
        width: 440.0,
        ok_needs_text: false,
    };
    let done = text_prompt(ctx, cx, &prompt, &mut text);
    match done {
        Some(true) if !text.trim().is_empty() => {
            cx.push(Command::UsePaths(purpose, vec![PathBuf::from(text.trim())]));
            None
        }
        Some(false) => None,
        _ => Some(Dialog::Path { purpose, text }),
    }
}

fn delete_booth(
    ctx: &egui::Context,
    cx: &mut ViewCtx,
    id: crate::model::BoothId,
    mut move_to: Option<crate::model::BoothId>,
) -> Option<Dialog> {
    let app = cx.app;
    let count = app.fair().positions.iter().filter(|p| p.booth == id).count();
    let mut choice = None;
    let mut cancelled = false;
    egui::Modal::new(egui::Id::unique("delete_booth_dialog")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(format!("{} {id}", cx.t(i18n::DELETE_BOOTH)));
        ui.label(format!("{} {count}", cx.t(i18n::BOOTH_HAS_POSITIONS)));
        ui.add_space(super::style::SPACE_ROW);
        if ui.button(cx.t(i18n::DELETE_POSITIONS_TOO)).clicked() {
            choice = Some(BoothPositions::Delete);
        }
        ui.horizontal(|ui| {
            let label = ui.label(cx.t(i18n::MOVE_TO_BOOTH));
            let selected = move_to.as_ref().map_or_else(String::new, |b| b.to_string());
            let combo = egui::ComboBox::from_id_salt("move_to_booth")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for booth in app.fair().booths.iter().filter(|b| b.id != id) {
                        let text = format!("{} {}", booth.id, booth.employer);
                        ui.selectable_value(&mut move_to, Some(booth.id.clone()), text);
                    }
                });
            combo.response.labelled_by(label.id);
            if ui
                .add_enabled(move_to.is_some(), egui::Button::new(cx.t(i18n::MOVE_AND_DELETE)))
                .clicked()
                && let Some(target) = &move_to
            {
                choice = Some(BoothPositions::MoveTo(target.clone()));
            }
        });
        if ui.button(cx.t(i18n::CANCEL)).clicked() {
            cancelled = true;
        }
    });
    if let Some(positions) = choice {
        cx.push(Command::Apply(Edit::DeleteBooth { id, positions }));
        None
    } else if cancelled {
        None
    } else {
        Some(Dialog::DeleteBooth { id, move_to })
    }
}

fn font_notice(ctx: &egui::Context) -> Option<Dialog> {
    let mut close = false;
    egui::Modal::new(egui::Id::unique("font_notice")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("No Chinese font found / 未找到中文字体");
        ui.label(
            "Chinese text will show as boxes. Install a CJK font and restart fairmatch. \
             On Debian/Ubuntu:",
        );
        ui.code("sudo apt-get install fonts-noto-cjk");
        if ui.button("OK").clicked() {
            close = true;
        }
    });
    (!close).then_some(Dialog::FontNotice)
}

pub const STATION_ID: i18n::Tr = i18n::tr("Station id", "工位编号");
const STATION_ID_TITLE: i18n::Tr = i18n::tr("Name this laptop", "为本机命名");
const STATION_ID_BODY: i18n::Tr = i18n::tr(
    "Check-ins and visits are recorded with this laptop's station id, so merged logs say where \
     each came from. Use a short name such as entrance-1 or booth-A01. You can change it in Settings.",
    "签到和到访记录会带上本机的工位编号，合并日志时可看出每条记录来自哪台电脑。请用简短名称，\
     如 entrance-1 或 booth-A01。之后可在设置中修改。",
);

/// Asks for the station id before the first desk action; OK sets it and records the action.
fn station_id(
    ctx: &egui::Context,
    cx: &mut ViewCtx,
    mut text: String,
    then: Box<crate::app::DeskAction>,
) -> Option<Dialog> {
    let prompt = TextPrompt {
        id: "station_id_dialog",
        heading: cx.t(STATION_ID_TITLE),
        body: Some(cx.t(STATION_ID_BODY)),
        label: cx.t(STATION_ID),
        hint: "entrance-1",
        width: 260.0,
        ok_needs_text: true,
    };
    let done = text_prompt(ctx, cx, &prompt, &mut text);
    match done {
        Some(true) if !text.trim().is_empty() => {
            cx.push(Command::Pref(super::Pref::StationId(text.trim().to_owned())));
            cx.push(Command::Record(*then));
            None
        }
        Some(false) => None,
        _ => Some(Dialog::StationId { text, then }),
    }
}

//! Modal dialogs: unsaved changes, typed paths, deleting a booth with positions, missing font.

use std::path::PathBuf;

use super::{Dialog, FileAction, FilePurpose, Workspace, i18n};
use crate::app::{BoothPositions, Edit};

pub fn show(ctx: &egui::Context, ws: &mut Workspace) {
    let Some(dialog) = ws.dialog.clone() else { return };
    match dialog {
        Dialog::Unsaved(action) => unsaved(ctx, ws, action),
        Dialog::Path { purpose, text } => path(ctx, ws, purpose, text),
        Dialog::DeleteBooth { id, move_to } => delete_booth(ctx, ws, id, move_to),
        Dialog::DeletePosition { id } => delete_position(ctx, ws, id),
        Dialog::ImportBadRows => import_bad_rows(ctx, ws),
        Dialog::FontNotice => font_notice(ctx, ws),
    }
}

/// Deleting a position that visits name keeps the visits, under their booth without a position.
fn delete_position(ctx: &egui::Context, ws: &mut Workspace, id: crate::model::PositionId) {
    let visits = ws
        .app
        .fair
        .visits
        .iter()
        .filter(|v| v.position.as_ref() == Some(&id))
        .count();
    let booth = ws.app.position(&id).map(|p| p.booth.to_string()).unwrap_or_default();
    let body = match ws.lang() {
        crate::model::Lang::En => format!(
            "{visits} visits recorded by booth staff are about this position. They are kept (rating, notes, \
             next step) under booth {booth}, without a position. Undo restores both."
        ),
        crate::model::Lang::Zh => format!(
            "展位工作人员记录的 {visits} 条到访与此岗位有关。这些记录（评分、备注、下一步）将保留在展位 {booth} \
             下，不再关联岗位。撤销可全部恢复。"
        ),
    };
    let (confirm, cancel) = (ws.t(i18n::DELETE_KEEP_VISITS), ws.t(i18n::CANCEL));
    let choice = confirm_or_cancel(ctx, "delete_position_dialog", confirm, true, cancel, |ui| {
        ui.set_max_width(440.0);
        ui.heading(format!("{} {id}", ws.t(i18n::DELETE_POSITION)));
        ui.label(body);
    });
    if let Some(delete) = choice {
        ws.dialog = None;
        if delete {
            ws.apply(Edit::DeletePosition { id });
        }
    }
}

/// Lists the rows a CSV import cannot use, and lets the user import the rest or nothing.
fn import_bad_rows(ctx: &egui::Context, ws: &mut Workspace) {
    let Some(pending) = &ws.pending_import else {
        ws.dialog = None;
        return;
    };
    let lang = ws.lang();
    let (good, bad) = (pending.good_rows(), pending.bad_rows.len());
    let import_label = match lang {
        crate::model::Lang::En => format!("Import {good} good rows, skip {bad} bad"),
        crate::model::Lang::Zh => format!("导入 {good} 行正确数据，跳过 {bad} 行错误数据"),
    };
    let cancel = ws.t(i18n::CANCEL);
    let choice = confirm_or_cancel(ctx, "import_bad_rows", import_label, good > 0, cancel, |ui| {
        ui.set_width(640.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.heading(ws.t(i18n::IMPORT_BAD_ROWS_TITLE));
        ui.label(format!("{}: {}", pending.file, ws.t(i18n::IMPORT_BAD_ROWS_BODY)));
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for row in &pending.bad_rows {
                    ui.add(egui::Label::new(egui::RichText::new(row.to_string()).monospace()).wrap());
                }
            });
    });
    if let Some(import) = choice {
        ws.dialog = None;
        let pending = ws.pending_import.take();
        if import && let Some(pending) = pending {
            ws.finish_import(pending);
        }
    }
}

/// A modal with `body` above a confirm and a cancel button: `Some(true)` confirmed,
/// `Some(false)` cancelled (or closed with Escape / a click outside), `None` still open.
fn confirm_or_cancel(
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
        ui.add_space(8.0);
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

fn unsaved(ctx: &egui::Context, ws: &mut Workspace, action: FileAction) {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(ws.t(i18n::UNSAVED_TITLE));
        ui.label(format!("{} “{}”", ws.t(i18n::UNSAVED_BODY), ws.app.fair.meta.name));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(ws.t(i18n::SAVE)).clicked() {
                choice = Some(0);
            }
            if ui.button(ws.t(i18n::DISCARD)).clicked() {
                choice = Some(1);
            }
            if ui.button(ws.t(i18n::CANCEL)).clicked() {
                choice = Some(2);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(2);
    }
    match choice {
        Some(0) => {
            ws.dialog = None;
            match ws.app.path.clone() {
                Some(path) => {
                    if ws.save_path(&path) {
                        ws.perform(action);
                    }
                }
                // No file yet: ask where to save; the action is dropped, as after a cancelled save.
                None => ws.ask_path(FilePurpose::SaveAs),
            }
        }
        Some(1) => {
            ws.dialog = None;
            ws.perform(action);
        }
        Some(_) => ws.dialog = None,
        None => {}
    }
}

fn path(ctx: &egui::Context, ws: &mut Workspace, purpose: FilePurpose, mut text: String) {
    let title = match purpose {
        FilePurpose::Open => i18n::OPEN_PATH,
        FilePurpose::SaveAs => i18n::SAVE_TO_PATH,
        FilePurpose::ImportCsv(_) => i18n::IMPORT_CSV,
        FilePurpose::ExportCsv(_) | FilePurpose::ExportAllocation => i18n::EXPORT_CSV,
    };
    let mut done = None;
    let modal = egui::Modal::new(egui::Id::unique("path_dialog")).show(ctx, |ui| {
        ui.set_min_width(460.0);
        ui.heading(ws.t(title));
        let label = ui.label(ws.t(i18n::PATH));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(440.0)
                    .hint_text("/home/…/fair.ron"),
            )
            .labelled_by(label.id);
        if !response.has_focus() && !response.lost_focus() && text.is_empty() {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(ws.t(i18n::OK)).clicked() || enter {
                done = Some(true);
            }
            if ui.button(ws.t(i18n::CANCEL)).clicked() {
                done = Some(false);
            }
        });
    });
    if modal.should_close() && done.is_none() {
        done = Some(false);
    }
    match done {
        Some(true) if !text.trim().is_empty() => {
            ws.dialog = None;
            ws.use_path(purpose, PathBuf::from(text.trim()));
        }
        Some(true) => ws.dialog = Some(Dialog::Path { purpose, text }),
        Some(false) => ws.dialog = None,
        None => ws.dialog = Some(Dialog::Path { purpose, text }),
    }
}

fn delete_booth(
    ctx: &egui::Context,
    ws: &mut Workspace,
    id: crate::model::BoothId,
    mut move_to: Option<crate::model::BoothId>,
) {
    let count = ws.app.fair.positions.iter().filter(|p| p.booth == id).count();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("delete_booth_dialog")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(format!("{} {id}", ws.t(i18n::DELETE_BOOTH)));
        ui.label(format!("{} {count}", ws.t(i18n::BOOTH_HAS_POSITIONS)));
        ui.add_space(6.0);
        if ui.button(ws.t(i18n::DELETE_POSITIONS_TOO)).clicked() {
            choice = Some(BoothPositions::Delete);
        }
        ui.horizontal(|ui| {
            let label = ui.label(ws.t(i18n::MOVE_TO_BOOTH));
            let selected = move_to.as_ref().map_or_else(String::new, |b| b.to_string());
            let combo = egui::ComboBox::from_id_salt("move_to_booth")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for booth in ws.app.fair.booths.iter().filter(|b| b.id != id) {
                        let text = format!("{} {}", booth.id, booth.employer);
                        ui.selectable_value(&mut move_to, Some(booth.id.clone()), text);
                    }
                });
            combo.response.labelled_by(label.id);
            if ui
                .add_enabled(move_to.is_some(), egui::Button::new(ws.t(i18n::MOVE_AND_DELETE)))
                .clicked()
                && let Some(target) = &move_to
            {
                choice = Some(BoothPositions::MoveTo(target.clone()));
            }
        });
        if ui.button(ws.t(i18n::CANCEL)).clicked() {
            ws.dialog = None;
        }
    });
    if let Some(positions) = choice {
        ws.dialog = None;
        ws.apply(Edit::DeleteBooth { id, positions });
    } else if ws.dialog.is_some() {
        ws.dialog = Some(Dialog::DeleteBooth { id, move_to });
    }
}

fn font_notice(ctx: &egui::Context, ws: &mut Workspace) {
    egui::Modal::new(egui::Id::unique("font_notice")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("No Chinese font found / 未找到中文字体");
        ui.label(
            "Chinese text will show as boxes. Install a CJK font and restart fairmatch. \
             On Debian/Ubuntu:",
        );
        ui.code("sudo apt-get install fonts-noto-cjk");
        if ui.button("OK").clicked() {
            ws.dialog = None;
        }
    });
}

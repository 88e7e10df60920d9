//! The menu bar: File, Edit, View, Settings.

use super::{CsvKind, FileAction, FilePurpose, View, Workspace, i18n};
use crate::model::Lang;
use crate::store::csv_export::ExportTable;

const DESK_NOT_UNDOABLE: i18n::Tr = i18n::Tr {
    en: "Check-ins, walk-ins and visits are station events other laptops share by id; they are not \
         undone. Undo and Redo act on the organizer's edits only.",
    zh: "签到、现场登记和到访是各机按编号共享的记录，不能撤销；撤销和重做只作用于组织者的编辑。",
};

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(ws.t(i18n::FILE), |ui| file_menu(ui, ws));
        ui.menu_button(ws.t(i18n::EDIT), |ui| edit_menu(ui, ws));
        ui.menu_button(ws.t(i18n::VIEW), |ui| {
            for view in View::ALL {
                if ui.selectable_label(ws.view == view, ws.t(view.label())).clicked() {
                    ws.view = view;
                    ui.close();
                }
            }
        });
        ui.menu_button(ws.t(i18n::SETTINGS), |ui| {
            if ui.button(ws.t(i18n::MATCHING_SETTINGS)).clicked() {
                ws.view = View::Settings;
                ui.close();
            }
            ui.separator();
            let mut lang = ws.app.prefs.lang;
            ui.radio_value(&mut lang, Lang::Zh, "中文");
            ui.radio_value(&mut lang, Lang::En, "English");
            ws.app.prefs.lang = lang;
            ui.separator();
            let mut dark = ws.app.prefs.dark;
            ui.radio_value(&mut dark, false, ws.t(i18n::LIGHT));
            ui.radio_value(&mut dark, true, ws.t(i18n::DARK));
            ws.app.prefs.dark = dark;
        });
    });
}

fn shortcut(ui: &egui::Ui, text: &str, keys: &str) -> egui::Button<'static> {
    let _ = ui;
    egui::Button::new(text.to_owned()).shortcut_text(keys.to_owned())
}

fn file_menu(ui: &mut egui::Ui, ws: &mut Workspace) {
    if ui.add(shortcut(ui, ws.t(i18n::NEW), "Ctrl+N")).clicked() {
        ui.close();
        ws.request(FileAction::New);
    }
    if ui.add(shortcut(ui, ws.t(i18n::OPEN), "Ctrl+O")).clicked() {
        ui.close();
        ws.request(FileAction::Open);
    }
    ui.menu_button(ws.t(i18n::OPEN_RECENT), |ui| {
        if ws.app.prefs.recent.is_empty() {
            ui.label(ws.t(i18n::NONE_YET));
        }
        for path in ws.app.prefs.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                ui.close();
                ws.request(FileAction::OpenPath(path));
            }
        }
    });
    if ui.button(ws.t(i18n::OPEN_PATH)).clicked() {
        ui.close();
        ws.request(FileAction::OpenTyped);
    }
    ui.separator();
    if ui.add(shortcut(ui, ws.t(i18n::SAVE), "Ctrl+S")).clicked() {
        ui.close();
        ws.save();
    }
    if ui.add(shortcut(ui, ws.t(i18n::SAVE_AS), "Ctrl+Shift+S")).clicked() {
        ui.close();
        ws.save_as();
    }
    if ui.button(ws.t(i18n::SAVE_TO_PATH)).clicked() {
        ui.close();
        ws.ask_path(FilePurpose::SaveAs);
    }
    ui.separator();
    for (label, window) in [
        (super::station_logs::EXPORT_MENU, super::station_logs::LogWindow::Export),
        (super::station_logs::MERGE_MENU, super::station_logs::LogWindow::Merge),
    ] {
        if ui.button(ws.t(label)).clicked() {
            ui.close();
            ws.logs = super::station_logs::LogState {
                open: Some(window),
                ..Default::default()
            };
        }
    }
    ui.separator();
    ui.menu_button(ws.t(i18n::IMPORT_CSV), |ui| {
        for (kind, label) in [
            (CsvKind::Booths, i18n::BOOTHS),
            (CsvKind::Positions, i18n::POSITIONS),
            (CsvKind::Candidates, i18n::CANDIDATES),
        ] {
            if ui.button(ws.t(label)).clicked() {
                ui.close();
                ws.pick_file(FilePurpose::ImportCsv(kind));
            }
        }
    });
    ui.menu_button(ws.t(i18n::EXPORT_CSV), |ui| {
        for (table, label) in [
            (ExportTable::Booths, i18n::BOOTHS),
            (ExportTable::Positions, i18n::POSITIONS),
            (ExportTable::Candidates, i18n::CANDIDATES),
            (ExportTable::Visits, i18n::VISITS),
        ] {
            if ui.button(ws.t(label)).clicked() {
                ui.close();
                ws.pick_file(FilePurpose::ExportCsv(table));
            }
        }
    });
    ui.separator();
    if ui.add(shortcut(ui, ws.t(i18n::QUIT), "Ctrl+Q")).clicked() {
        ui.close();
        ws.request(FileAction::Quit);
    }
}

fn edit_menu(ui: &mut egui::Ui, ws: &mut Workspace) {
    let lang = ws.lang();
    let undo = match ws.app.undo_name() {
        Some(name) => format!("{} {}", ws.t(i18n::UNDO), name.get(lang)),
        None => ws.t(i18n::UNDO).to_owned(),
    };
    let can_undo = ws.app.undo_name().is_some();
    if ui
        .add_enabled(can_undo, egui::Button::new(undo).shortcut_text("Ctrl+Z"))
        .clicked()
    {
        ui.close();
        ws.undo();
    }
    let redo = match ws.app.redo_name() {
        Some(name) => format!("{} {}", ws.t(i18n::REDO), name.get(lang)),
        None => ws.t(i18n::REDO).to_owned(),
    };
    let can_redo = ws.app.redo_name().is_some();
    if ui
        .add_enabled(can_redo, egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"))
        .clicked()
    {
        ui.close();
        ws.redo();
    }
    // Desk actions are shared station events: say so rather than let Undo look like it skips them.
    if let Some(name) = ws.app.last_desk_action() {
        ui.separator();
        let text = match lang {
            Lang::En => format!("Last desk action: {} (not undoable)", name.get(lang)),
            Lang::Zh => format!("最近的签到/展位操作：{}（不可撤销）", name.get(lang)),
        };
        ui.add_enabled(false, egui::Button::new(text))
            .on_disabled_hover_text(ws.t(DESK_NOT_UNDOABLE));
    }
}

//! The menu bar: File, Edit, View, Settings.

use super::command::{Command, Pref, ViewCtx};
use super::station_logs::{self, LogWindow};
use super::{FileAction, FilePurpose, View, i18n};
use crate::app::{CsvKind, ExportTable};
use crate::model::Lang;

const DESK_NOT_UNDOABLE: i18n::Tr = i18n::Tr {
    en: "Check-ins, walk-ins and visits are station events other laptops share by id; they are not \
         undone. Undo and Redo act on the organizer's edits only.",
    zh: "签到、现场登记和到访是各机按编号共享的记录，不能撤销；撤销和重做只作用于组织者的编辑。",
};

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, current: View) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(cx.t(i18n::FILE), |ui| file_menu(ui, cx));
        ui.menu_button(cx.t(i18n::EDIT), |ui| edit_menu(ui, cx));
        ui.menu_button(cx.t(i18n::VIEW), |ui| {
            for view in View::ALL {
                if ui.selectable_label(current == view, cx.t(view.label())).clicked() {
                    cx.push(Command::Show(view));
                    ui.close();
                }
            }
        });
        ui.menu_button(cx.t(i18n::SETTINGS), |ui| {
            if ui.button(cx.t(i18n::MATCHING_SETTINGS)).clicked() {
                cx.push(Command::Show(View::Settings));
                ui.close();
            }
            ui.separator();
            let prefs = cx.app.prefs();
            let mut lang = prefs.lang;
            ui.radio_value(&mut lang, Lang::Zh, "中文");
            ui.radio_value(&mut lang, Lang::En, "English");
            ui.separator();
            let mut dark = prefs.dark;
            ui.radio_value(&mut dark, false, cx.t(i18n::LIGHT));
            ui.radio_value(&mut dark, true, cx.t(i18n::DARK));
            if lang != prefs.lang {
                cx.push(Command::Pref(Pref::Lang(lang)));
            }
            if dark != prefs.dark {
                cx.push(Command::Pref(Pref::Dark(dark)));
            }
        });
    });
}

fn shortcut(text: &str, keys: &str) -> egui::Button<'static> {
    egui::Button::new(text.to_owned()).shortcut_text(keys.to_owned())
}

/// A menu entry: when clicked, the menu closes and `command` is pushed.
fn entry(ui: &mut egui::Ui, button: egui::Button<'_>, command: Command, cx: &mut ViewCtx) {
    if ui.add(button).clicked() {
        ui.close();
        cx.push(command);
    }
}

fn file_menu(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    entry(
        ui,
        shortcut(cx.t(i18n::NEW), "Ctrl+N"),
        Command::File(FileAction::New),
        cx,
    );
    entry(
        ui,
        shortcut(cx.t(i18n::OPEN), "Ctrl+O"),
        Command::File(FileAction::Open),
        cx,
    );
    ui.menu_button(cx.t(i18n::OPEN_RECENT), |ui| {
        let recent = &cx.app.prefs().recent;
        if recent.is_empty() {
            ui.label(cx.t(i18n::NONE_YET));
        }
        for path in recent {
            entry(
                ui,
                egui::Button::new(path.display().to_string()),
                Command::File(FileAction::OpenPath(path.clone())),
                cx,
            );
        }
    });
    entry(
        ui,
        egui::Button::new(cx.t(i18n::OPEN_PATH)),
        Command::File(FileAction::OpenTyped),
        cx,
    );
    ui.separator();
    entry(ui, shortcut(cx.t(i18n::SAVE), "Ctrl+S"), Command::Save, cx);
    entry(ui, shortcut(cx.t(i18n::SAVE_AS), "Ctrl+Shift+S"), Command::SaveAs, cx);
    entry(
        ui,
        egui::Button::new(cx.t(i18n::SAVE_TO_PATH)),
        Command::TypePath(FilePurpose::SaveAs),
        cx,
    );
    ui.separator();
    for (label, window) in [
        (station_logs::EXPORT_MENU, LogWindow::Export),
        (station_logs::MERGE_MENU, LogWindow::Merge),
    ] {
        entry(ui, egui::Button::new(cx.t(label)), Command::StationLogs(window), cx);
    }
    ui.separator();
    ui.menu_button(cx.t(i18n::IMPORT_CSV), |ui| {
        for (kind, label) in [
            (CsvKind::Booths, i18n::BOOTHS),
            (CsvKind::Positions, i18n::POSITIONS),
            (CsvKind::Candidates, i18n::CANDIDATES),
            (CsvKind::Projects, i18n::PROJECTS),
            (CsvKind::Sessions, i18n::SESSIONS),
        ] {
            entry(
                ui,
                egui::Button::new(cx.t(label)),
                Command::PickFile(FilePurpose::ImportCsv(kind)),
                cx,
            );
        }
    });
    ui.menu_button(cx.t(i18n::EXPORT_CSV), |ui| {
        for (table, label) in [
            (ExportTable::Booths, i18n::BOOTHS),
            (ExportTable::Positions, i18n::POSITIONS),
            (ExportTable::Candidates, i18n::CANDIDATES),
            (ExportTable::Visits, i18n::VISITS),
            (ExportTable::Projects, i18n::PROJECTS),
            (ExportTable::Sessions, i18n::SESSIONS),
        ] {
            entry(
                ui,
                egui::Button::new(cx.t(label)),
                Command::PickFile(FilePurpose::ExportCsv(table)),
                cx,
            );
        }
    });
    entry(
        ui,
        egui::Button::new(cx.t(i18n::EXPORT_REPORT)),
        Command::PickFile(FilePurpose::ExportReport),
        cx,
    );
    ui.separator();
    entry(
        ui,
        shortcut(cx.t(i18n::QUIT), "Ctrl+Q"),
        Command::File(FileAction::Quit),
        cx,
    );
}

fn edit_menu(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let lang = cx.lang();
    let app = cx.app;
    // "Undo: rename …" when there is something to undo, a plain disabled "Undo" otherwise.
    let named = |what: i18n::Tr, name: Option<&crate::app::EditName>| match (name, lang) {
        (Some(name), Lang::En) => format!("{}: {}", what.get(lang), name.get(lang)),
        (Some(name), Lang::Zh) => format!("{}：{}", what.get(lang), name.get(lang)),
        (None, _) => what.get(lang).to_owned(),
    };
    let undo = named(i18n::UNDO, app.undo_name());
    if ui
        .add_enabled(
            app.undo_name().is_some(),
            egui::Button::new(undo).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        ui.close();
        cx.push(Command::Undo);
    }
    let redo = named(i18n::REDO, app.redo_name());
    if ui
        .add_enabled(
            app.redo_name().is_some(),
            egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        ui.close();
        cx.push(Command::Redo);
    }
    // Desk actions are shared station events: say so rather than let Undo look like it skips them.
    if let Some(name) = app.last_desk_action() {
        ui.separator();
        let text = i18n::LAST_DESK_ACTION.fill(lang, &[("action", &name.get(lang))]);
        ui.add_enabled(false, egui::Button::new(text))
            .on_disabled_hover_text(cx.t(DESK_NOT_UNDOABLE));
    }
}

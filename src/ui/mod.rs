//! egui views. They read `app` state and emit edits; they never change the fair directly.
//!
//! [`Workspace`] holds the app state plus what only the window needs (open dialogs, error
//! panel, text being typed). [`Workspace::show`] draws one frame; eframe and the headless
//! tests both call it.

mod allocation;
mod booth_desk;
mod booths;
mod candidates;
mod checkin;
mod dialogs;
mod files;
pub mod i18n;
mod loading;
mod match_panel;
mod matches;
mod menu;
mod page;
mod positions;
mod settings;
mod station_logs;
mod table;
mod widgets;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{AppState, Edit, Prefs, prefs::STORAGE_KEY};
use crate::model::{Fair, FairId, Lang};
pub use files::{CsvKind, FilePurpose, PendingImport};
use i18n::Tr;

/// The screens of the left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Booths,
    Positions,
    Candidates,
    Matches,
    Allocation,
    CheckIn,
    BoothDesk,
    Settings,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Booths,
        View::Positions,
        View::Candidates,
        View::Matches,
        View::Allocation,
        View::CheckIn,
        View::BoothDesk,
        View::Settings,
    ];

    fn label(self) -> Tr {
        match self {
            View::Booths => i18n::BOOTHS,
            View::Positions => i18n::POSITIONS,
            View::Candidates => i18n::CANDIDATES,
            View::Matches => i18n::MATCHES,
            View::Allocation => i18n::ALLOCATION,
            View::CheckIn => checkin::TITLE,
            View::BoothDesk => booth_desk::TITLE,
            View::Settings => i18n::SETTINGS,
        }
    }
}

/// An error shown in the window's error panel until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub summary: String,
    pub detail: String,
}

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq)]
pub enum FileAction {
    New,
    /// Open through the native dialog.
    Open,
    /// Open through the typed-path dialog.
    OpenTyped,
    OpenPath(PathBuf),
    Quit,
}

/// The modal dialog on screen, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// "Save changes to …?" before `FileAction`.
    Unsaved(FileAction),
    /// A typed path, for when native dialogs are unavailable.
    Path { purpose: FilePurpose, text: String },
    /// A booth with positions is being deleted: delete them or move them.
    DeleteBooth {
        id: crate::model::BoothId,
        move_to: Option<crate::model::BoothId>,
    },
    /// A position that visits name is being deleted: confirm (the visits are kept).
    DeletePosition { id: crate::model::PositionId },
    /// A CSV import found bad rows: import the good ones, or cancel (see `pending_import`).
    ImportBadRows,
    /// No font for Chinese text was found.
    FontNotice,
}

pub struct Workspace {
    pub app: AppState,
    pub view: View,
    pub notices: Vec<Notice>,
    pub dialog: Option<Dialog>,
    /// Set when the window should close (Quit, or close confirmed).
    pub quit_requested: bool,
    /// Native dialogs run on threads; tests turn them off and use typed paths.
    pub native_dialogs: bool,
    file_tx: Sender<(FilePurpose, Option<PathBuf>, bool)>,
    file_rx: Receiver<(FilePurpose, Option<PathBuf>, bool)>,
    native_dialog_open: bool,
    /// Text being typed in fields that parse (numbers, lists), by widget id.
    drafts: HashMap<egui::Id, String>,
    /// Text typed in the skill pickers, by widget id.
    skill_queries: HashMap<egui::Id, String>,
    title_sent: String,
    theme_sent: Option<bool>,
    font_check: Option<Receiver<bool>>,
    /// Table to scroll to its selected row next frame (after a jump).
    pub scroll_to: Option<crate::app::Table>,
    pub worklist: matches::Worklist,
    /// Zones and cities offered by the filter menus: (fair revision, table, zones, cities).
    filter_choices: Option<(u64, crate::app::Table, Vec<String>, Vec<String>)>,
    pub allocation: allocation::AllocationView,
    pub desks: checkin::DeskState,
    pub logs: station_logs::LogState,
    /// A fair file being opened in the background; the window shows its progress meanwhile.
    loading: Option<loading::Loading>,
    /// The CSV import the `ImportBadRows` dialog asks about.
    pub pending_import: Option<PendingImport>,
    /// The window's context, for threads that must wake it when they finish.
    pub repaint: Option<egui::Context>,
}

impl Workspace {
    pub fn new(app: AppState) -> Self {
        let (file_tx, file_rx) = channel();
        Self {
            app,
            view: View::Candidates,
            notices: Vec::new(),
            dialog: None,
            quit_requested: false,
            native_dialogs: true,
            file_tx,
            file_rx,
            native_dialog_open: false,
            drafts: HashMap::new(),
            skill_queries: HashMap::new(),
            title_sent: String::new(),
            theme_sent: None,
            font_check: None,
            scroll_to: None,
            worklist: matches::Worklist::default(),
            filter_choices: None,
            allocation: allocation::AllocationView::default(),
            desks: checkin::DeskState::default(),
            logs: station_logs::LogState::default(),
            loading: None,
            repaint: None,
            pending_import: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.app.prefs.lang
    }

    /// A UI string in the current language.
    pub fn t(&self, text: Tr) -> &'static str {
        text.get(self.lang())
    }

    /// Applies an edit; a refused edit shows its reason in the error panel.
    pub fn apply(&mut self, edit: Edit) {
        if let Err(e) = self.app.apply(edit) {
            let summary = self.t(i18n::EDIT_REFUSED).to_owned();
            self.notices.push(Notice {
                summary,
                detail: e.get(self.lang()).to_owned(),
            });
        }
    }

    pub fn undo(&mut self) {
        self.drafts.clear();
        if let Err(e) = self.app.undo() {
            self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned());
        }
    }

    pub fn redo(&mut self) {
        self.drafts.clear();
        if let Err(e) = self.app.redo() {
            self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned());
        }
    }

    pub fn error(&mut self, summary: Tr, detail: String) {
        let summary = self.t(summary).to_owned();
        self.notices.push(Notice { summary, detail });
    }

    /// Starts a background search for a font that can draw Chinese; see [`Self::poll_font_check`].
    pub fn start_font_check(&mut self) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            use egui::epaint::text::{FallbackRequest, FontProvider};
            let provider = egui_system_font_provider::SystemFontProvider::new();
            let found = provider
                .font_for(&FallbackRequest {
                    cluster: "中",
                    family: &egui::FontFamily::Proportional,
                })
                .is_some();
            let _ = tx.send(found);
        });
        self.font_check = Some(rx);
    }

    fn poll_font_check(&mut self) {
        let Some(rx) = &self.font_check else { return };
        if let Ok(found) = rx.try_recv() {
            self.font_check = None;
            let chinese_in_use = self.app.has_chinese() || self.lang() == Lang::Zh;
            if !found && chinese_in_use && !self.app.prefs.font_notice_shown && self.dialog.is_none() {
                self.dialog = Some(Dialog::FontNotice);
                self.app.prefs.font_notice_shown = true;
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let pressed = |ctx: &egui::Context, modifiers: Modifiers, key: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
        };
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Most specific first: consume_shortcut ignores extra Shift.
        if pressed(ctx, cmd_shift, Key::Z) || pressed(ctx, Modifiers::COMMAND, Key::Y) {
            self.redo();
        } else if pressed(ctx, Modifiers::COMMAND, Key::Z) {
            self.undo();
        }
        if pressed(ctx, cmd_shift, Key::S) {
            self.save_as();
        } else if pressed(ctx, Modifiers::COMMAND, Key::S) {
            self.save();
        }
        if pressed(ctx, Modifiers::COMMAND, Key::N) {
            self.request(FileAction::New);
        }
        if pressed(ctx, Modifiers::COMMAND, Key::O) {
            self.request(FileAction::Open);
        }
        if pressed(ctx, Modifiers::COMMAND, Key::Q) {
            self.request(FileAction::Quit);
        }
    }

    /// Draws one frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        self.poll_loading();
        let loading = self.is_loading();
        if self.dialog.is_none() && !loading {
            self.shortcuts(&ctx);
        }
        self.poll_file_dialogs();
        self.poll_font_check();
        if self.app.poll_matching() {
            // The build thread cannot reach the context; look again soon so results show promptly.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.handle_close_request(&ctx);
        self.sync_window(&ctx);

        // While a file loads nothing may act on the fair: menus and navigation are disabled.
        egui::Panel::top("menu_bar").show(ui, |ui| ui.add_enabled_ui(!loading, |ui| menu::show(ui, self)));
        self.status_bar(ui);
        if !self.notices.is_empty() {
            self.error_panel(ui);
        }
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| ui.add_enabled_ui(!loading, |ui| self.navigation(ui)));
        if loading {
            egui::CentralPanel::default().show(ui, |ui| self.loading_screen(ui));
            dialogs::show(&ctx, self);
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Booths => page::show::<booths::Page>(ui, self),
            View::Positions => page::show::<positions::Page>(ui, self),
            View::Candidates => page::show::<candidates::Page>(ui, self),
            View::Matches => matches::show(ui, self),
            View::Allocation => allocation::show(ui, self),
            View::CheckIn => checkin::show(ui, self),
            View::BoothDesk => booth_desk::show(ui, self),
            View::Settings => settings::show(ui, self),
        });
        dialogs::show(&ctx, self);
        station_logs::show(&ctx, self);
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for view in View::ALL {
            let label = self.t(view.label());
            let button =
                egui::Button::selectable(self.view == view, label).min_size(egui::vec2(ui.available_width(), 28.0));
            if ui.add(button).clicked() {
                self.view = view;
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        if self.is_loading() {
            let text = self.t(i18n::LOADING);
            egui::Panel::bottom("status").show(ui, |ui| ui.label(text));
            return;
        }
        let fair = &self.app.fair;
        let text = format!(
            "{}: {}   {}: {}   {}: {}   {}: {}",
            self.t(i18n::BOOTHS),
            fair.booths.len(),
            self.t(i18n::POSITIONS),
            fair.positions.len(),
            self.t(i18n::OPENINGS),
            fair.total_openings(),
            self.t(i18n::CANDIDATES),
            fair.candidates.len(),
        );
        let dirty = if self.app.is_dirty() { self.t(i18n::UNSAVED) } else { "" };
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(text);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(dirty);
                });
            });
        });
    }

    fn error_panel(&mut self, ui: &mut egui::Ui) {
        let mut dismiss = None;
        let dismiss_label = self.t(i18n::DISMISS);
        let details_label = self.t(i18n::DETAILS);
        egui::Panel::bottom("errors").show(ui, |ui| {
            for (i, notice) in self.notices.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, "⚠");
                    ui.colored_label(ui.visuals().error_fg_color, &notice.summary);
                    if ui.button(dismiss_label).clicked() {
                        dismiss = Some(i);
                    }
                });
                egui::CollapsingHeader::new(details_label)
                    .id_salt(("notice", i))
                    .default_open(true)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&notice.detail).monospace()).wrap());
                    });
            }
        });
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
    }

    fn sync_window(&mut self, ctx: &egui::Context) {
        let title = match &self.loading {
            Some(loading) => format!(
                "{} {} — fairmatch",
                self.t(i18n::LOADING),
                loading.path.file_name().unwrap_or_default().to_string_lossy()
            ),
            None => self.app.title(),
        };
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        let dark = self.app.prefs.dark;
        if self.theme_sent != Some(dark) {
            ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
            self.theme_sent = Some(dark);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_requested {
            // While loading, the open fair was already saved or discarded when Open was chosen.
            if self.app.is_dirty() && !self.is_loading() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(FileAction::Quit));
            } else {
                self.quit_requested = true;
            }
        }
    }

    /// Runs a file action, asking about unsaved changes first.
    pub fn request(&mut self, action: FileAction) {
        if self.app.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: FileAction) {
        match action {
            FileAction::New => {
                let name = self.t(i18n::NEW_FAIR_NAME);
                let id = format!("fair-{}", chrono::Local::now().format("%Y%m%d%H%M%S"));
                self.app.replace_fair(Fair::new(FairId::new(id), name), None);
                self.drafts.clear();
            }
            FileAction::Open => self.pick_file(FilePurpose::Open),
            FileAction::OpenTyped => self.ask_path(FilePurpose::Open),
            FileAction::OpenPath(path) => self.open_path(&path),
            FileAction::Quit => {
                self.quit_requested = true;
            }
        }
    }

    /// Opens `path` in the background (see [`Self::start_loading`]); errors go to the error panel.
    pub fn open_path(&mut self, path: &std::path::Path) {
        self.start_loading(path);
    }

    pub fn save(&mut self) {
        match self.app.path.clone() {
            Some(path) => {
                self.save_path(&path);
            }
            None => self.save_as(),
        }
    }

    pub fn save_as(&mut self) {
        if self.native_dialogs {
            self.pick_file(FilePurpose::SaveAs);
        } else {
            self.ask_path(FilePurpose::SaveAs);
        }
    }

    /// Saves to `path`; returns whether it worked (errors go to the error panel).
    pub fn save_path(&mut self, path: &std::path::Path) -> bool {
        match self.app.save_to(path) {
            Ok(()) => true,
            Err(e) => {
                self.error(i18n::SAVE_FAILED, e.to_string());
                false
            }
        }
    }

    pub fn ask_path(&mut self, purpose: FilePurpose) {
        let text = match (&purpose, &self.app.path) {
            (FilePurpose::SaveAs, Some(path)) => path.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::Path { purpose, text });
    }

    /// Saves prefs (language, theme, recent files) into eframe's storage.
    pub fn save_prefs(&self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.app.prefs.to_json());
    }

    /// Puts `text` as the draft of a parsing field; used by benchmarks and tests.
    pub fn drafts_len(&self) -> usize {
        self.drafts.len()
    }
}

/// The eframe application: a [`Workspace`] plus persistence and window closing.
pub struct FairApp {
    pub workspace: Workspace,
}

impl eframe::App for FairApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.workspace.show(ui);
        if self.workspace.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.workspace.save_prefs(storage);
    }
}

/// What the window opens with.
pub enum Start {
    /// A file named on the command line; the window opens at once and loads it.
    Path(PathBuf),
    /// A fair without a file (e.g. passed by a caller).
    Fair(Box<Fair>),
    /// The last opened file if it still loads, else the bundled sample.
    Default,
}

/// Opens the window on `fair` (no file attached).
pub fn run(fair: Fair) -> eframe::Result {
    run_with(Start::Fair(Box::new(fair)))
}

/// The fair a first start shows: the bundled sample.
pub fn starting_fair() -> Fair {
    crate::generate::sample_fair()
}

pub fn run_with(start: Start) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([900.0, 560.0])
            .with_title("fairmatch"),
        ..Default::default()
    };
    eframe::run_native(
        "fairmatch",
        options,
        Box::new(move |cc| {
            let prefs = cc
                .storage
                .and_then(|s| s.get_string(STORAGE_KEY))
                .map(|s| Prefs::from_json(&s))
                .unwrap_or_default();
            // The window appears at once; a file is loaded behind the loading screen.
            let placeholder = || Fair::new(FairId::new("loading"), "");
            let (fair, load) = match start {
                Start::Path(path) => (placeholder(), Some(path)),
                Start::Fair(fair) => (*fair, None),
                Start::Default => match prefs.last_file() {
                    Some(path) => (placeholder(), Some(path.to_path_buf())),
                    None => (starting_fair(), None),
                },
            };
            let mut workspace = Workspace::new(AppState::new_background(fair, None, prefs));
            workspace.repaint = Some(cc.egui_ctx.clone());
            if let Some(path) = load {
                // A file that no longer loads leaves the sample on screen with the error.
                workspace.start_loading_with(&path, true);
            }
            workspace.start_font_check();
            Ok(Box::new(FairApp { workspace }))
        }),
    )
}

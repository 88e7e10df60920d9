//! egui views. They read `app` state and push [`Command`]s; they never change the fair or
//! another view's state themselves.
//!
//! [`Workspace`] holds the app state plus what only the window needs (each view's own state,
//! dialogs, the error panel). [`Workspace::show`] draws one frame: it takes finished jobs and
//! file dialogs, draws every view into the frame's [`Commands`], then applies them
//! ([`command`]). eframe and the headless tests both call it.

mod allocation;
mod booth_desk;
mod booths;
mod candidates;
mod charts;
mod checkin;
pub mod command;
mod dashboard;
mod dialogs;
mod files;
mod floor_plan;
pub mod i18n;
pub mod import_questions;
mod loading;
mod match_panel;
mod matches;
mod menu;
mod page;
mod positions;
mod projects;
pub mod safety_dialogs;
mod schedule;
mod sessions;
mod settings;
mod station_logs;
mod status;
mod style;
mod sync_settings;
mod table;
mod talent_map;
mod widgets;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{
    AppState, Finished, Job, JobOutcome, Message, PendingImport, Prefs, StateNotice, Table, prefs::STORAGE_KEY,
};
use crate::model::{Fair, FairId, Lang};
pub use checkin::DeskState;
pub use command::{Command, Commands, Pref, TableChange, ViewCtx};
pub use files::FilePurpose;
use i18n::Tr;
pub use station_logs::{LogState, LogWindow};
pub use widgets::EditorState;

/// The screens of the left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Dashboard,
    TalentMap,
    FloorPlan,
    Booths,
    Positions,
    Candidates,
    Matches,
    Allocation,
    Schedule,
    Projects,
    CheckIn,
    BoothDesk,
    Settings,
}

impl View {
    pub const ALL: [View; 13] = [
        View::Dashboard,
        View::TalentMap,
        View::FloorPlan,
        View::Booths,
        View::Positions,
        View::Candidates,
        View::Matches,
        View::Allocation,
        View::Schedule,
        View::Projects,
        View::CheckIn,
        View::BoothDesk,
        View::Settings,
    ];

    fn label(self) -> Tr {
        match self {
            View::Dashboard => dashboard::TITLE,
            View::TalentMap => talent_map::TITLE,
            View::FloorPlan => floor_plan::TITLE,
            View::Booths => i18n::BOOTHS,
            View::Positions => i18n::POSITIONS,
            View::Candidates => i18n::CANDIDATES,
            View::Matches => i18n::MATCHES,
            View::Allocation => i18n::ALLOCATION,
            View::Schedule => schedule::TITLE,
            View::Projects => projects::TITLE,
            View::CheckIn => checkin::TITLE,
            View::BoothDesk => booth_desk::TITLE,
            View::Settings => i18n::SETTINGS,
        }
    }

    /// The screen that lists a table's records.
    pub fn of_table(table: Table) -> View {
        match table {
            Table::Booths => View::Booths,
            Table::Positions => View::Positions,
            Table::Candidates => View::Candidates,
        }
    }

    /// The table a record screen shows.
    fn table(self) -> Option<Table> {
        match self {
            View::Booths => Some(Table::Booths),
            View::Positions => Some(Table::Positions),
            View::Candidates => Some(Table::Candidates),
            _ => None,
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
    /// A CSV import found bad rows: import the good ones, or cancel.
    ImportBadRows(Box<PendingImport>),
    /// No font for Chinese text was found.
    FontNotice,
    /// A recovery copy newer than the fair: restore or discard it.
    Recovery(crate::app::RecoveryOffer),
    /// Another fairmatch has the file open: open it read-only, or not.
    Locked { path: PathBuf, holder: Option<u32> },
    /// An encrypted fair's passphrase.
    Passphrase(Box<safety_dialogs::PassphrasePrompt>),
    /// A CSV import asks which encoding, or which label unknown values mean.
    ImportQuestion(Box<import_questions::Answering>),
    /// Erase a candidate's personal data: confirm, naming them; it cannot be undone.
    Erase { id: crate::model::CandidateId },
    /// The first desk action on a laptop without a station id: ask for one, then record it.
    StationId {
        text: String,
        then: Box<crate::app::DeskAction>,
    },
}

/// What the record screens keep between frames.
#[derive(Debug, Default)]
pub struct RecordsState {
    /// Table to scroll to its selected row next frame (after a jump).
    pub scroll_to: Option<Table>,
    /// Zones and cities offered by the filter menus: (fair revision, table, zones, cities).
    filter_choices: Option<(u64, Table, Vec<String>, Vec<String>)>,
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
    native: files::NativeDialogs,
    /// Text being typed in the editors' fields that parse (numbers, lists, ids) and skill pickers.
    pub editor: EditorState,
    pub records: RecordsState,
    pub worklist: matches::Worklist,
    pub allocation: allocation::AllocationView,
    pub schedule: schedule::ScheduleView,
    pub projects: projects::ProjectsView,
    pub talent_map: talent_map::TalentMapView,
    pub floor_plan: floor_plan::FloorPlanView,
    pub desks: DeskState,
    pub logs: LogState,
    /// What to do once the save under way is written (Save in the unsaved-changes dialog).
    after_save: Option<FileAction>,
    /// The last finished job's message, for the status bar.
    pub status: Option<Message>,
    title_sent: String,
    theme_sent: Option<bool>,
    style_set: bool,
    fitted_to_monitor: bool,
    font_check: Option<Receiver<bool>>,
    /// The window's context, for threads that must wake it when they finish.
    pub repaint: Option<egui::Context>,
    waker_set: bool,
}

impl Workspace {
    pub fn new(app: AppState) -> Self {
        Self {
            app,
            view: View::Candidates,
            notices: Vec::new(),
            dialog: None,
            quit_requested: false,
            native_dialogs: true,
            native: files::NativeDialogs::default(),
            editor: EditorState::default(),
            records: RecordsState::default(),
            worklist: matches::Worklist::default(),
            allocation: allocation::AllocationView::default(),
            schedule: schedule::ScheduleView::default(),
            projects: projects::ProjectsView::default(),
            talent_map: talent_map::TalentMapView::default(),
            floor_plan: floor_plan::FloorPlanView::default(),
            desks: DeskState::default(),
            logs: LogState::default(),
            after_save: None,
            status: None,
            title_sent: String::new(),
            theme_sent: None,
            style_set: false,
            fitted_to_monitor: false,
            font_check: None,
            repaint: None,
            waker_set: false,
        }
    }

    pub fn lang(&self) -> Lang {
        self.app.prefs().lang
    }

    /// A UI string in the current language.
    pub fn t(&self, text: Tr) -> &'static str {
        text.get(self.lang())
    }

    /// Where the window opens: the booth desk on a laptop whose settings name a booth, else
    /// the dashboard.
    pub fn landing_view(&self) -> View {
        if self.app.prefs().desk_booth.trim().is_empty() {
            View::Dashboard
        } else {
            View::BoothDesk
        }
    }

    /// Applies an edit now; a refused edit shows its reason in the error panel.
    pub fn apply_edit(&mut self, edit: crate::app::Edit) {
        self.run(Command::Apply(edit));
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
            if !found && chinese_in_use && !self.app.prefs().font_notice_shown && self.dialog.is_none() {
                self.dialog = Some(Dialog::FontNotice);
                self.app.prefs_mut().font_notice_shown = true;
            }
        }
    }

    /// Whether a fair file is being opened (nothing may act on the fair meanwhile).
    pub fn is_loading(&self) -> bool {
        self.app.opening().is_some()
    }

    /// Blocks until every job has finished and takes their results, as the next frame would
    /// (tests and benchmarks).
    pub fn wait_for_jobs(&mut self) {
        loop {
            let finished = self.app.wait_for_jobs();
            if finished.is_empty() {
                return;
            }
            for f in finished {
                self.finished(f);
            }
            self.take_state_notices();
        }
    }

    /// Blocks until the file being opened is open (tests and benchmarks).
    pub fn wait_for_loading(&mut self) {
        self.wait_for_jobs();
    }

    /// Takes finished jobs: their results are already applied to the state; the window shows
    /// what they said and routes what they found to the views that show it.
    fn poll_jobs(&mut self) {
        for f in self.app.poll_jobs() {
            self.finished(f);
        }
        self.take_state_notices();
    }

    /// What the state has to say outside a job's result (desk actions recovered from the
    /// station journal, a journal that cannot be read): the status line or the error panel.
    fn take_state_notices(&mut self) {
        let lang = self.lang();
        for notice in self.app.take_notices() {
            match notice {
                StateNotice::Info(message) => self.status = Some(message),
                StateNotice::Problem { summary, detail } => self.notices.push(Notice {
                    summary: summary.get(lang).to_owned(),
                    detail,
                }),
            }
        }
    }

    fn finished(&mut self, finished: Finished) {
        let Finished { job, outcome, .. } = finished;
        let lang = self.lang();
        let saved = matches!((&job, &outcome), (Job::Save { .. }, JobOutcome::Done(_)));
        match outcome {
            JobOutcome::Done(message) => {
                if matches!(job, Job::ExportStationLog { .. }) {
                    self.logs.result = vec![message.get(lang).to_owned()];
                }
                self.status = Some(message);
            }
            JobOutcome::Failed { summary, detail } => self.notices.push(Notice {
                summary: summary.get(lang).to_owned(),
                detail,
            }),
            JobOutcome::Opened => self.reset_views(),
            JobOutcome::ImportBadRows(pending) => self.dialog = Some(Dialog::ImportBadRows(Box::new(pending))),
            JobOutcome::ImportQuestion(question) => {
                self.dialog = Some(Dialog::ImportQuestion(Box::new(import_questions::Answering::new(
                    question,
                ))));
            }
            JobOutcome::Allocated => {}
            JobOutcome::Merged(report) => self.logs.result = report.lines(),
            JobOutcome::Locked { path, holder } => self.dialog = Some(Dialog::Locked { path, holder }),
            JobOutcome::NeedsPassphrase { path, read_only, error } => {
                self.dialog = Some(Dialog::Passphrase(Box::new(safety_dialogs::PassphrasePrompt {
                    path,
                    read_only,
                    error,
                    text: safety_dialogs::Secret::default(),
                })));
            }
        }
        if let Job::Save { .. } = job {
            // The action waits for the save; with another save queued, for that one.
            let still_saving = self.app.is_running(&job);
            if saved && !still_saving && !self.app.is_dirty() {
                if let Some(action) = self.after_save.take() {
                    self.run(Command::Discard(action));
                }
            } else if !saved && !still_saving {
                self.after_save = None;
            }
        }
    }

    /// Forgets what the views showed of the previous fair.
    fn reset_views(&mut self) {
        if matches!(self.dialog, Some(Dialog::ImportBadRows(_))) {
            // Its rows were checked against the previous fair.
            self.dialog = None;
        }
        self.editor.clear();
        self.worklist = matches::Worklist::default();
        self.allocation = allocation::AllocationView::default();
        self.schedule = schedule::ScheduleView::default();
        self.projects = projects::ProjectsView::default();
        self.talent_map = talent_map::TalentMapView::default();
        self.floor_plan = floor_plan::FloorPlanView::default();
        self.records = RecordsState::default();
        self.desks.opened = None;
    }

    fn shortcuts(ctx: &egui::Context, cx: &mut ViewCtx) {
        let pressed = |modifiers: Modifiers, key: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
        };
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Most specific first: consume_shortcut ignores extra Shift.
        if pressed(cmd_shift, Key::Z) || pressed(Modifiers::COMMAND, Key::Y) {
            cx.push(Command::Redo);
        } else if pressed(Modifiers::COMMAND, Key::Z) {
            cx.push(Command::Undo);
        }
        if pressed(cmd_shift, Key::S) {
            cx.push(Command::SaveAs);
        } else if pressed(Modifiers::COMMAND, Key::S) {
            cx.push(Command::Save);
        }
        if pressed(Modifiers::COMMAND, Key::N) {
            cx.push(Command::File(FileAction::New));
        }
        if pressed(Modifiers::COMMAND, Key::O) {
            cx.push(Command::File(FileAction::Open));
        }
        if pressed(Modifiers::COMMAND, Key::Q) {
            cx.push(Command::File(FileAction::Quit));
        }
    }

    /// Draws one frame: takes what finished since the last one, draws, then applies the
    /// frame's commands.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        if !self.waker_set {
            // A job that finishes wakes the window, so its result shows without waiting for input.
            let waker = ctx.clone();
            self.app.set_job_waker(move || waker.request_repaint());
            self.waker_set = true;
        }
        self.poll_jobs();
        if let Some(wait) = self.app.autosave_tick(std::time::Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        if self.dialog.is_none()
            && !self.is_loading()
            && let Some(offer) = self.app.recovery_offer()
        {
            self.dialog = Some(Dialog::Recovery(offer.clone()));
        }
        self.poll_file_dialogs();
        self.poll_font_check();
        if self.app.poll_matching() || self.app.jobs().next().is_some() {
            // The build thread cannot reach the context; look again soon so results show
            // promptly (and a job's elapsed time moves).
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.handle_close_request(&ctx);
        self.sync_window(&ctx);
        let commands = self.draw(ui);
        self.apply(commands);
    }

    /// Draws every view from the current state and returns the commands they pushed, not yet
    /// applied.
    pub fn draw(&mut self, ui: &mut egui::Ui) -> Commands {
        let ctx = ui.ctx().clone();
        if let Some(table) = self.view.table() {
            // Edits since the last frame may have added or removed rows.
            self.app.refresh_view(table);
        }
        let mut commands = Commands::default();
        let Self {
            app,
            view,
            notices,
            dialog,
            editor,
            records,
            worklist,
            allocation,
            schedule,
            projects,
            talent_map: talent,
            floor_plan: floor,
            desks,
            logs,
            status,
            ..
        } = self;
        let view = *view;
        let mut cx = ViewCtx::new(app, &mut commands);
        let loading = cx.app.opening().is_some();
        if dialog.is_none() && !loading {
            Self::shortcuts(&ctx, &mut cx);
        }
        // While a file loads nothing may act on the fair: menus and navigation are disabled.
        egui::Panel::top("menu_bar").show(ui, |ui| ui.add_enabled_ui(!loading, |ui| menu::show(ui, &mut cx, view)));
        status::status_bar(ui, &mut cx, status.as_ref());
        if !notices.is_empty() {
            status::error_panel(ui, &mut cx, notices);
        }
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| ui.add_enabled_ui(!loading, |ui| navigation(ui, &mut cx, view)));
        if loading {
            egui::CentralPanel::default().show(ui, |ui| loading::show(ui, &mut cx));
            dialogs::show(&ctx, &mut cx, dialog);
            return commands;
        }
        let central = egui::CentralPanel::default().show(ui, |ui| match view {
            View::Dashboard => dashboard::show(ui, &mut cx),
            View::TalentMap => talent_map::show(ui, &mut cx, talent),
            View::FloorPlan => floor_plan::show(ui, &mut cx, floor),
            View::Booths => page::show::<booths::Page>(ui, &mut cx, editor, records),
            View::Positions => page::show::<positions::Page>(ui, &mut cx, editor, records),
            View::Candidates => page::show::<candidates::Page>(ui, &mut cx, editor, records),
            View::Matches => matches::show(ui, &mut cx, worklist),
            View::Allocation => allocation::show(ui, &mut cx, allocation),
            View::Schedule => schedule::show(ui, &mut cx, schedule),
            View::Projects => projects::show(ui, &mut cx, projects, editor),
            View::CheckIn => checkin::show(ui, &mut cx, desks),
            View::BoothDesk => booth_desk::show(ui, &mut cx, desks),
            View::Settings => settings::show(ui, &mut cx, editor),
        });
        dialogs::show(&ctx, &mut cx, dialog);
        station_logs::show(&ctx, &mut cx, logs, central.response.rect);
        commands
    }

    fn sync_window(&mut self, ctx: &egui::Context) {
        if !self.style_set {
            style::apply(ctx);
            self.style_set = true;
        }
        if !self.fitted_to_monitor {
            // The first start's 1360x860 (or a size remembered from a larger screen) would run
            // off a 1366x768 laptop's screen and hide the bottom of every view.
            let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
            if let (Some(monitor), Some(inner)) = (monitor, inner) {
                self.fitted_to_monitor = true;
                let fit = inner.size().min(monitor);
                if fit != inner.size() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(fit));
                }
            }
        }
        let title = match self.app.opening() {
            Some(opening) => format!("{} — fairmatch", opening.label.get(self.lang())),
            None if self.app.is_read_only() => format!("{} — {}", self.app.title(), self.t(i18n::READ_ONLY)),
            None => self.app.title(),
        };
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        let dark = self.app.prefs().dark;
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

    /// Saves prefs (language, theme, recent files) into eframe's storage.
    pub fn save_prefs(&self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.app.prefs().to_json());
    }
}

fn navigation(ui: &mut egui::Ui, cx: &mut ViewCtx, current: View) {
    ui.add_space(style::SPACE_ROW);
    for view in View::ALL {
        let label = cx.t(view.label());
        let button = egui::Button::selectable(current == view, label).min_size(egui::vec2(ui.available_width(), 28.0));
        if ui.add(button).clicked() {
            cx.push(Command::Show(view));
        }
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
    crate::app::sample_fair()
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
            let mut app = AppState::new_background(fair, None, prefs);
            // Desk actions are synced to this laptop's station journal before they show as done.
            app.set_journal_dir(crate::app::station_journal::default_journal_dir());
            app.set_autosave(Some(crate::app::AUTOSAVE_EVERY));
            let mut workspace = Workspace::new(app);
            workspace.repaint = Some(cc.egui_ctx.clone());
            workspace.view = workspace.landing_view();
            if let Some(path) = load {
                // A file that no longer loads leaves the sample on screen with the error.
                workspace.start_loading_with(&path, true);
            }
            workspace.start_font_check();
            Ok(Box::new(FairApp { workspace }))
        }),
    )
}

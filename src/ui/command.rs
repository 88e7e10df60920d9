//! What views ask for, and where it happens.
//!
//! A view draws from `&AppState` (and its own state) and pushes [`Command`]s into the frame's
//! [`Commands`]; nothing changes while the frame is drawn. After drawing, the window applies the
//! commands in the order they were pushed ([`Workspace::apply`]): fair changes go to
//! [`AppState::apply`] and [`AppState::record`], slow work to [`AppState::start`], and the
//! window's own state (current view, dialogs, notices) changes here. As in egui's demo app and
//! rerun's viewer: one place where state changes, and no view writes another view's state.

use std::path::PathBuf;

use super::i18n::{self, Tr};
use super::station_logs::LogWindow;
use super::{Dialog, FileAction, FilePurpose, Notice, View, Workspace};
use crate::app::{AppState, Column, DeskAction, Edit, Filters, Job, JobId, Record, Table};
use crate::model::Lang;

/// One thing a view asks the window to do after the frame.
#[must_use = "a command does nothing until it is pushed into the frame's Commands"]
#[derive(Debug, Clone, PartialEq)]
// A frame pushes a handful of commands: boxing the edits would cost every call site clarity
// and save nothing measurable.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Show a screen.
    Show(View),
    /// Select a record, show its screen and scroll its table to it.
    JumpTo(Record),
    /// Select a record in its table, staying on the current screen.
    Select(Record),
    /// Change a table's search, filters or sort.
    Table(Table, TableChange),
    /// Open a modal dialog.
    Dialog(Dialog),
    /// Open the station log window (export or merge).
    StationLogs(LogWindow),
    /// Ask for a file: the native dialog on a thread, or the typed path when there is none.
    PickFile(FilePurpose),
    /// Ask for a file by typing its path.
    TypePath(FilePurpose),
    /// Act on the file(s) chosen for `purpose`.
    UsePaths(FilePurpose, Vec<PathBuf>),
    /// Run a job off the frame.
    Start(Job),
    /// Stop waiting for a job; its result is thrown away.
    Cancel(JobId),
    /// New, Open…, Quit: asks about unsaved changes first.
    File(FileAction),
    /// New, Open…, Quit, dropping unsaved changes.
    Discard(FileAction),
    Save,
    SaveAs,
    /// Save, and once saved do the action.
    SaveThen(FileAction),
    /// An organizer edit (undoable).
    Apply(Edit),
    /// A fair-day desk action (recorded, never undone).
    Record(DeskAction),
    /// Erase a candidate's personal data (recorded, never undone; clears the undo history).
    Erase(crate::model::CandidateId),
    Undo,
    Redo,
    /// A per-user setting (not in the fair file).
    Pref(Pref),
    /// Remove a notice from the error panel.
    Dismiss(usize),
    /// Live sync with the hub.
    Sync(SyncCommand),
}

/// What Settings → Sync and the status bar ask of live sync.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncCommand {
    /// Connect with the server and credentials file in the preferences.
    Connect,
    Disconnect,
    /// Organizer: publish the open fair as the new fair version.
    PublishFair,
    /// Station: take the organizer's newer fair version.
    TakeFair,
}

/// A change to a table's row order.
#[derive(Debug, Clone, PartialEq)]
pub enum TableChange {
    Search(String),
    Filters(Filters),
    /// Clicking a header: ascending, then descending, then unsorted.
    Sort(Column),
}

/// A per-user setting.
#[derive(Debug, Clone, PartialEq)]
pub enum Pref {
    Lang(Lang),
    Dark(bool),
    /// The booth this laptop serves at the booth desk.
    DeskBooth(String),
    /// This laptop's name in station logs.
    StationId(String),
    /// Organizer screens show contacts in full.
    ShowContacts(bool),
    /// Live sync: the hub's URL, and this laptop's credentials file.
    SyncServer(String),
    SyncCreds(String),
}

/// The commands of one frame, in the order views pushed them.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Command> {
        self.0.iter()
    }

    /// Empties the buffer, returning its commands in order.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}

/// What a view gets for a frame: the state to read and the frame's commands to push into.
pub struct ViewCtx<'a> {
    pub app: &'a AppState,
    commands: &'a mut Commands,
}

impl<'a> ViewCtx<'a> {
    pub fn new(app: &'a AppState, commands: &'a mut Commands) -> Self {
        Self { app, commands }
    }

    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn lang(&self) -> Lang {
        self.app.prefs().lang
    }

    /// A UI string in the current language.
    pub fn t(&self, text: Tr) -> &'static str {
        text.get(self.lang())
    }
}

impl Workspace {
    /// Applies a frame's commands in order (after drawing it).
    pub fn apply(&mut self, mut commands: Commands) {
        for command in commands.take() {
            self.run(command);
        }
    }

    /// Applies one command now (the window does so after each frame; tests and benchmarks may
    /// between frames).
    pub fn run(&mut self, command: Command) {
        match command {
            Command::Show(view) => self.view = view,
            Command::JumpTo(record) => {
                let table = record.table();
                self.app.select(record);
                self.view = View::of_table(table);
                self.records.scroll_to = Some(table);
            }
            Command::Select(record) => self.app.select(record),
            Command::Table(table, change) => {
                let view = self.app.view_mut(table);
                match change {
                    TableChange::Search(text) => view.search = text,
                    TableChange::Filters(filters) => view.filters = filters,
                    TableChange::Sort(column) => view.toggle_sort(column),
                }
                self.app.refresh_view(table);
            }
            Command::Dialog(dialog) => self.dialog = Some(dialog),
            Command::StationLogs(window) => self.logs = super::station_logs::LogState::open(window),
            Command::PickFile(purpose) => self.pick_file(purpose),
            Command::TypePath(purpose) => self.type_path(purpose),
            Command::UsePaths(purpose, paths) => self.use_paths(purpose, paths),
            Command::Start(job) => {
                self.app.start(job);
            }
            Command::Cancel(id) => self.app.cancel_job(id),
            Command::File(action) => {
                if self.app.is_dirty() {
                    self.dialog = Some(Dialog::Unsaved(action));
                } else {
                    self.perform(action);
                }
            }
            Command::Discard(action) => self.perform(action),
            Command::Save => match self.app.path() {
                Some(path) => {
                    let path = path.to_path_buf();
                    self.app.start(Job::Save { path });
                }
                None => self.pick_file(FilePurpose::SaveAs),
            },
            Command::SaveAs => self.pick_file(FilePurpose::SaveAs),
            Command::SaveThen(action) => match self.app.path() {
                Some(path) => {
                    let path = path.to_path_buf();
                    self.app.start(Job::Save { path });
                    self.after_save = Some(action);
                }
                // No file yet: ask where to save; the action is dropped, as after a cancelled save.
                None => self.pick_file(FilePurpose::SaveAs),
            },
            Command::Apply(edit) => {
                if let Err(e) = self.app.apply(edit) {
                    self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned());
                }
            }
            // Every station event carries the laptop's name: without one, ask before recording.
            Command::Record(action) if self.app.prefs().station_id.trim().is_empty() => {
                self.dialog = Some(Dialog::StationId {
                    text: String::new(),
                    then: Box::new(action),
                });
            }
            Command::Record(action) => match self.app.record(action.clone()) {
                Ok(outcome) => self.desks.recorded(&self.app, &action, &outcome),
                Err(e) => self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned()),
            },
            Command::Erase(id) => match self.app.erase_candidate(&id) {
                Ok(name) => {
                    self.editor.clear();
                    self.status = Some(crate::app::Message::new(name.en, name.zh));
                }
                Err(e) => self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned()),
            },
            Command::Sync(command) => {
                let result = match command {
                    SyncCommand::Connect => {
                        let prefs = self.app.prefs();
                        let (server, creds) = (prefs.sync_server.clone(), PathBuf::from(prefs.sync_creds.trim()));
                        self.app.start_sync(&server, &creds)
                    }
                    SyncCommand::Disconnect => {
                        self.app.stop_sync();
                        Ok(())
                    }
                    SyncCommand::PublishFair => self.app.publish_fair_version(),
                    SyncCommand::TakeFair => self.app.take_fair_version(),
                };
                if let Err(e) = result {
                    self.error(super::sync_settings::SYNC, e.get(self.lang()).to_owned());
                }
            }
            Command::Undo => {
                self.editor.clear();
                if let Err(e) = self.app.undo() {
                    self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned());
                }
            }
            Command::Redo => {
                self.editor.clear();
                if let Err(e) = self.app.redo() {
                    self.error(i18n::EDIT_REFUSED, e.get(self.lang()).to_owned());
                }
            }
            Command::Pref(pref) => {
                let prefs = self.app.prefs_mut();
                match pref {
                    Pref::Lang(lang) => prefs.lang = lang,
                    Pref::Dark(dark) => prefs.dark = dark,
                    Pref::DeskBooth(booth) => prefs.desk_booth = booth,
                    Pref::StationId(station) => prefs.station_id = station,
                    Pref::ShowContacts(show) => prefs.show_contacts = show,
                    Pref::SyncServer(server) => prefs.sync_server = server,
                    Pref::SyncCreds(creds) => prefs.sync_creds = creds,
                }
            }
            Command::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }

    /// New, Open, Quit, once unsaved changes are dealt with.
    fn perform(&mut self, action: FileAction) {
        match action {
            FileAction::New => {
                let name = self.t(i18n::NEW_FAIR_NAME);
                self.app.new_fair(name);
                self.reset_views();
            }
            FileAction::Open => self.pick_file(FilePurpose::Open),
            FileAction::OpenTyped => self.type_path(FilePurpose::Open),
            FileAction::OpenPath(path) => self.open_path(&path),
            FileAction::Quit => self.quit_requested = true,
        }
    }

    pub fn error(&mut self, summary: Tr, detail: String) {
        let summary = self.t(summary).to_owned();
        self.notices.push(Notice { summary, detail });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_keeps_commands_in_order_until_taken() {
        let mut commands = Commands::default();
        assert!(commands.is_empty());
        commands.push(Command::Show(View::Positions));
        commands.push(Command::Undo);
        commands.push(Command::Show(View::Booths));
        assert_eq!(commands.len(), 3);
        assert_eq!(
            commands.take(),
            vec![
                Command::Show(View::Positions),
                Command::Undo,
                Command::Show(View::Booths)
            ]
        );
        assert!(commands.is_empty(), "taking empties it for the next frame");
    }

    #[test]
    fn commands_apply_in_the_order_they_were_pushed() {
        let mut ws = Workspace::new(AppState::new(crate::app::sample_fair(), None, Default::default()));
        let first = ws.app.fair().candidates[0].id.clone();
        let mut commands = Commands::default();
        commands.push(Command::JumpTo(Record::Candidate(first.clone())));
        commands.push(Command::Show(View::Settings));
        assert_eq!(
            ws.app.selection().candidate,
            None,
            "nothing changes while commands wait"
        );
        ws.apply(commands);
        assert_eq!(ws.app.selection().candidate, Some(first));
        assert_eq!(ws.view, View::Settings, "the later command wins");
    }
}

//! Choosing files, one way for every purpose: the native dialog on a thread (so the window
//! keeps drawing), and the typed-path dialog when there is no native one (tests, a desktop
//! without a portal). The chosen path goes to [`Workspace::use_paths`], which starts the job.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{Dialog, Workspace};
use crate::app::{CsvKind, ExportTable, Job};
use crate::model::BoothId;

/// What a chosen path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    ImportCsv(CsvKind),
    ExportCsv(ExportTable),
    /// Export the current allocation as CSV.
    ExportAllocation,
    /// Where to write this laptop's station log (fills the station log window's path).
    ExportStationLog,
    /// Station logs to merge, several at once (fills the station log window's paths).
    MergeStationLogs,
    /// Where to write a booth's shortlist (exported at once).
    ExportShortlist(BoothId),
    /// Where to write the fair report (PDF, or a workbook for `.xlsx`).
    ExportReport,
    /// Where to write a candidate's itinerary (a PDF, or text for `.txt`).
    ExportItinerary(crate::model::CandidateId),
    /// This laptop's live-sync credentials (fills Settings → Sync).
    SyncCredentials,
}

impl FilePurpose {
    /// Whether the file is written (a save dialog) rather than read.
    fn writes(&self) -> bool {
        matches!(
            self,
            FilePurpose::SaveAs
                | FilePurpose::ExportCsv(_)
                | FilePurpose::ExportAllocation
                | FilePurpose::ExportStationLog
                | FilePurpose::ExportShortlist(_)
                | FilePurpose::ExportReport
                | FilePurpose::ExportItinerary(_)
        )
    }
}

/// A native dialog that answers "nothing" this fast did not really open (no desktop portal).
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);

/// What a native dialog answered.
enum Answer {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// It did not open at all: fall back to typing the path.
    Unavailable,
}

/// Native dialogs running on threads, answering through a channel polled each frame.
pub struct NativeDialogs {
    sender: Sender<(FilePurpose, Answer)>,
    receiver: Receiver<(FilePurpose, Answer)>,
    open: bool,
}

impl Default for NativeDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            open: false,
        }
    }
}

/// The dialog's starting folder and file name for `purpose`.
fn suggestion(ws: &Workspace, purpose: &FilePurpose) -> (Option<PathBuf>, String) {
    let folder = ws.app.path().and_then(Path::parent).map(Path::to_path_buf);
    let name = match purpose {
        FilePurpose::SaveAs => ws
            .app
            .path()
            .and_then(Path::file_name)
            .map_or_else(|| "fair.ron".into(), |f| f.to_string_lossy().into_owned()),
        FilePurpose::ExportCsv(table) => format!("{}.csv", format!("{table:?}").to_lowercase()),
        FilePurpose::ExportAllocation => "allocation.csv".into(),
        FilePurpose::ExportReport => "report.pdf".into(),
        FilePurpose::ExportStationLog => format!("station-{}.ron", ws.app.station()),
        FilePurpose::ExportShortlist(booth) => format!("shortlist-{booth}.csv"),
        FilePurpose::ExportItinerary(candidate) => format!("itinerary-{candidate}.pdf"),
        _ => String::new(),
    };
    (folder, name)
}

fn run_native(purpose: &FilePurpose, folder: Option<PathBuf>, name: String) -> Option<Vec<PathBuf>> {
    let mut dialog = rfd::FileDialog::new();
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    dialog = match purpose {
        FilePurpose::Open | FilePurpose::SaveAs => dialog.add_filter("fair", &["ron"]),
        FilePurpose::ImportCsv(_) => dialog
            .add_filter("CSV", &["csv", "txt", "tsv"])
            .add_filter("Excel", &["xlsx", "xls", "xlsb", "ods"]),
        // The PDF first (the default); a `.txt` name writes text.
        FilePurpose::ExportItinerary(_) => dialog.add_filter("PDF", &["pdf"]).add_filter("Text", &["txt"]),
        FilePurpose::ExportStationLog | FilePurpose::MergeStationLogs => dialog.add_filter("RON", &["ron"]),
        FilePurpose::ExportReport => dialog.add_filter("PDF", &["pdf"]).add_filter("Excel", &["xlsx"]),
        FilePurpose::SyncCredentials => dialog.add_filter("credentials", &["creds"]),
        _ => dialog.add_filter("CSV", &["csv"]),
    };
    if purpose.writes() {
        dialog.set_file_name(name).save_file().map(|p| vec![p])
    } else if *purpose == FilePurpose::MergeStationLogs {
        dialog.pick_files()
    } else {
        dialog.pick_file().map(|p| vec![p])
    }
}

impl Workspace {
    /// Asks for a file for `purpose`: the native dialog when there is one, else a typed path.
    pub(super) fn pick_file(&mut self, purpose: FilePurpose) {
        if !self.native_dialogs {
            self.type_path(purpose);
            return;
        }
        if self.native.open {
            return;
        }
        self.native.open = true;
        let sender = self.native.sender.clone();
        let (folder, name) = suggestion(self, &purpose);
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let chosen = run_native(&purpose, folder, name);
            let answer = match chosen {
                Some(paths) if !paths.is_empty() => Answer::Chosen(paths),
                // `None` is a cancel, or (on Linux without a desktop portal) no dialog at all:
                // an instant `None` falls back to typing the path.
                _ if started.elapsed() < NO_DIALOG_WITHIN => Answer::Unavailable,
                _ => Answer::Cancelled,
            };
            let _ = sender.send((purpose, answer));
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Takes the native dialogs' answers.
    pub(super) fn poll_file_dialogs(&mut self) {
        while let Ok((purpose, answer)) = self.native.receiver.try_recv() {
            self.native.open = false;
            match answer {
                Answer::Chosen(paths) => self.use_paths(purpose, paths),
                Answer::Unavailable => self.type_path(purpose),
                Answer::Cancelled => {}
            }
        }
    }

    /// Opens the typed-path dialog for `purpose`.
    pub(super) fn type_path(&mut self, purpose: FilePurpose) {
        let text = match (&purpose, self.app.path()) {
            (FilePurpose::SaveAs, Some(path)) => path.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::Path { purpose, text });
    }

    /// Acts on a path chosen in either kind of dialog.
    pub fn use_path(&mut self, purpose: FilePurpose, path: PathBuf) {
        self.use_paths(purpose, vec![path]);
    }

    /// Acts on the paths chosen for `purpose`: most start a job.
    pub fn use_paths(&mut self, purpose: FilePurpose, mut paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        let path = paths.remove(0);
        let job = match purpose {
            FilePurpose::Open => Job::open(path, false),
            FilePurpose::SaveAs => Job::Save { path },
            FilePurpose::ImportCsv(kind) => Job::ImportCsv {
                kind,
                path,
                answers: Default::default(),
            },
            FilePurpose::ExportCsv(table) => Job::ExportCsv { table, path },
            FilePurpose::ExportAllocation => Job::ExportAllocation { path },
            FilePurpose::ExportReport => Job::ExportReport {
                lang: self.lang(),
                path,
            },
            FilePurpose::ExportItinerary(candidate) => Job::ExportItinerary {
                candidate,
                lang: self.lang(),
                path,
            },
            FilePurpose::ExportStationLog => {
                self.logs.paths = path.display().to_string();
                return;
            }
            FilePurpose::MergeStationLogs => {
                paths.insert(0, path);
                let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                self.logs.paths = lines.join("\n");
                return;
            }
            FilePurpose::SyncCredentials => {
                self.app.prefs_mut().sync_creds = path.display().to_string();
                return;
            }
            FilePurpose::ExportShortlist(booth) => {
                self.desks.export_path = path.display().to_string();
                self.desks.shortlist_job(&self.app, booth, path)
            }
        };
        self.app.start(job);
    }

    /// Opens `path` as a job; the window shows the loading screen meanwhile and errors go to
    /// the error panel.
    pub fn open_path(&mut self, path: &Path) {
        self.start_loading_with(path, false);
    }

    /// Opens `path` as a job; with `fallback_to_sample` (at start-up) a file that cannot be
    /// opened leaves the bundled sample on screen.
    pub fn start_loading_with(&mut self, path: &Path, fallback_to_sample: bool) {
        self.app.start(Job::open(path.to_path_buf(), fallback_to_sample));
    }
}

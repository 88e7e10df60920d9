//! File dialogs: native ones on a thread (so the window keeps drawing), typed paths as fallback.

use std::path::{Path, PathBuf};

use super::{Workspace, i18n};
use crate::app::{Edit, EditName};
use crate::store::csv_export::{CsvEncoding, ExportTable, export_csv_file};
use crate::store::csv_import::{BadRow, ImportFiles, import_csv};

/// Which records a CSV import brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Booths,
    Positions,
    Candidates,
}

/// What a chosen path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    ImportCsv(CsvKind),
    ExportCsv(ExportTable),
    /// Export the current allocation as CSV.
    ExportAllocation,
}

/// A native dialog that answers "nothing" this fast did not really open (no desktop portal).
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);

impl Workspace {
    /// Opens a native dialog on a thread; the answer arrives through a channel polled each frame.
    pub(super) fn pick_file(&mut self, purpose: FilePurpose) {
        if !self.native_dialogs {
            self.ask_path(purpose);
            return;
        }
        if self.native_dialog_open {
            return;
        }
        self.native_dialog_open = true;
        let tx = self.file_tx.clone();
        let folder = self.app.path.as_ref().and_then(|p| p.parent()).map(Path::to_path_buf);
        let file_name = self
            .app
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned());
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let mut dialog = rfd::FileDialog::new();
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let chosen = match purpose {
                FilePurpose::Open => dialog.add_filter("fair", &["ron"]).pick_file(),
                FilePurpose::SaveAs => dialog
                    .add_filter("fair", &["ron"])
                    .set_file_name(file_name.unwrap_or_else(|| "fair.ron".into()))
                    .save_file(),
                FilePurpose::ImportCsv(_) => dialog.add_filter("CSV", &["csv", "txt", "tsv"]).pick_file(),
                FilePurpose::ExportCsv(table) => dialog
                    .add_filter("CSV", &["csv"])
                    .set_file_name(format!("{}.csv", format!("{table:?}").to_lowercase()))
                    .save_file(),
                FilePurpose::ExportAllocation => dialog
                    .add_filter("CSV", &["csv"])
                    .set_file_name("allocation.csv")
                    .save_file(),
            };
            let unavailable = chosen.is_none() && started.elapsed() < NO_DIALOG_WITHIN;
            let _ = tx.send((purpose, chosen, unavailable));
        });
    }

    pub(super) fn poll_file_dialogs(&mut self) {
        while let Ok((purpose, chosen, unavailable)) = self.file_rx.try_recv() {
            self.native_dialog_open = false;
            // `None` is a cancel, or (on Linux without a desktop portal) no dialog at all:
            // an instant `None` falls back to typing the path.
            match chosen {
                Some(path) => self.use_path(purpose, path),
                None if unavailable => self.ask_path(purpose),
                None => {}
            }
        }
    }

    /// Acts on a path chosen in either kind of dialog.
    pub fn use_path(&mut self, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::Open => self.open_path(&path),
            FilePurpose::SaveAs => {
                self.save_path(&path);
            }
            FilePurpose::ImportCsv(kind) => self.import_csv(kind, &path),
            FilePurpose::ExportCsv(table) => {
                if let Err(e) = export_csv_file(&self.app.fair, table, CsvEncoding::Utf8, &path) {
                    self.error(i18n::EXPORT_FAILED, e.to_string());
                }
            }
            FilePurpose::ExportAllocation => {
                if let Err(e) = self.allocation.export_csv(&path) {
                    self.error(i18n::EXPORT_FAILED, format!("{}: {e}", path.display()));
                }
            }
        }
    }
}

/// A CSV import with bad rows, waiting for the user to import the good rows or cancel.
#[derive(Debug)]
pub struct PendingImport {
    pub file: String,
    pub booths: Vec<crate::model::Booth>,
    pub positions: Vec<crate::model::Position>,
    pub candidates: Vec<crate::model::Candidate>,
    pub bad_rows: Vec<BadRow>,
}

impl PendingImport {
    pub fn good_rows(&self) -> usize {
        self.booths.len() + self.positions.len() + self.candidates.len()
    }
}

impl Workspace {
    /// Reads one CSV file. Without bad rows its rows are added as one undoable edit; with bad
    /// rows nothing changes until the user has seen them (file:line: column: what was
    /// expected) and chosen to import the good rows or to cancel.
    fn import_csv(&mut self, kind: CsvKind, path: &Path) {
        let files = ImportFiles {
            booths: (kind == CsvKind::Booths).then_some(path),
            positions: (kind == CsvKind::Positions).then_some(path),
            candidates: (kind == CsvKind::Candidates).then_some(path),
        };
        // The importer only appends, and needs the fair to check ids against: it appends to the
        // open fair and the new rows are split off again at once, so nothing is copied and the
        // fair is as before until the edit below (or the user's choice) adds them properly.
        let fair: &mut crate::model::Fair = &mut self.app.fair;
        let before = (fair.booths.len(), fair.positions.len(), fair.candidates.len());
        let result = import_csv(fair, &files);
        let booths = fair.booths.split_off(before.0.min(fair.booths.len()));
        let positions = fair.positions.split_off(before.1.min(fair.positions.len()));
        let candidates = fair.candidates.split_off(before.2.min(fair.candidates.len()));
        let report = match result {
            Ok(report) => report,
            Err(e) => {
                self.error(i18n::IMPORT_FAILED, e.to_string());
                return;
            }
        };
        let pending = PendingImport {
            file: path
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned()),
            booths,
            positions,
            candidates,
            bad_rows: report.bad_rows,
        };
        if pending.bad_rows.is_empty() {
            self.finish_import(pending);
        } else {
            self.pending_import = Some(pending);
            self.dialog = Some(super::Dialog::ImportBadRows);
        }
    }

    /// Adds an import's good rows as one undoable edit.
    pub(super) fn finish_import(&mut self, pending: PendingImport) {
        let rows = pending.good_rows();
        if rows == 0 {
            return;
        }
        let file = &pending.file;
        let skipped = pending.bad_rows.len();
        let name = if skipped == 0 {
            EditName::new(
                format!("import {rows} rows from {file}"),
                format!("从 {file} 导入 {rows} 行"),
            )
        } else {
            EditName::new(
                format!("import {rows} rows from {file}, {skipped} skipped"),
                format!("从 {file} 导入 {rows} 行（跳过 {skipped} 行）"),
            )
        };
        self.apply(Edit::Append {
            name,
            booths: pending.booths,
            positions: pending.positions,
            candidates: pending.candidates,
        });
    }
}

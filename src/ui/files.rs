//! File dialogs: native ones on a thread (so the window keeps drawing), typed paths as fallback.

use std::path::{Path, PathBuf};

use super::{Workspace, i18n};

/// What a chosen path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilePurpose {
    Open,
    SaveAs,
    /// Export the current allocation as CSV.
    ExportAllocation,
}

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
                FilePurpose::ExportAllocation => dialog
                    .add_filter("CSV", &["csv"])
                    .set_file_name("allocation.csv")
                    .save_file(),
            };
            let _ = tx.send((purpose, chosen));
        });
    }

    pub(super) fn poll_file_dialogs(&mut self) {
        while let Ok((purpose, chosen)) = self.file_rx.try_recv() {
            self.native_dialog_open = false;
            // `None` is a cancel, or (on Linux without a desktop portal) no dialog at all;
            // File → Open path… / Save to path… cover the latter.
            if let Some(path) = chosen {
                self.use_path(purpose, path);
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
            FilePurpose::ExportAllocation => {
                if let Err(e) = self.allocation.export_csv(&path) {
                    self.error(i18n::EXPORT_FAILED, format!("{}: {e}", path.display()));
                }
            }
        }
    }
}

//! Opening a fair file on a background thread: the window stays responsive and shows which
//! file is loading, a spinner and the time spent; the fair is swapped in whole when ready.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::{Workspace, allocation, i18n, matches};
use crate::app::PreparedFair;
use crate::store::StoreError;

/// A fair file being read and prepared on another thread.
pub struct Loading {
    pub path: PathBuf,
    pub started: Instant,
    receiver: Receiver<Result<PreparedFair, StoreError>>,
    /// Whether a failed or cancelled load shows the bundled sample (at start-up the window
    /// has no fair of its own yet), rather than keeping the fair that was open.
    fallback_to_sample: bool,
}

impl Workspace {
    /// Starts loading `path`; the current fair stays until the new one is ready.
    pub fn start_loading(&mut self, path: &Path) {
        self.start_loading_with(path, false);
    }

    pub(super) fn start_loading_with(&mut self, path: &Path, fallback_to_sample: bool) {
        let (sender, receiver) = channel();
        let thread_path = path.to_path_buf();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            // The receiver is gone when the load was cancelled: nothing to do.
            let _ = sender.send(PreparedFair::load(&thread_path));
            // Wake the window so the fair shows at once, not at the next timed repaint.
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        self.loading = Some(Loading {
            path: path.to_path_buf(),
            started: Instant::now(),
            receiver,
            fallback_to_sample,
        });
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes a finished load; returns whether loading is still in progress.
    pub fn poll_loading(&mut self) -> bool {
        let Some(loading) = &self.loading else { return false };
        let result = match loading.receiver.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Disconnected) => Err(StoreError::Read {
                path: loading.path.clone(),
                source: std::io::Error::other("the loading thread stopped"),
            }),
        };
        let Some(loading) = self.loading.take() else {
            return false;
        };
        self.finish_loading(loading, result);
        false
    }

    /// Blocks until the load finishes (tests and benchmarks).
    pub fn wait_for_loading(&mut self) {
        while self.poll_loading() {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Stops waiting for the load; the fair that was open stays.
    pub fn cancel_loading(&mut self) {
        if let Some(loading) = self.loading.take()
            && loading.fallback_to_sample
        {
            self.app.replace_fair(super::starting_fair(), None);
        }
    }

    fn finish_loading(&mut self, loading: Loading, result: Result<PreparedFair, StoreError>) {
        match result {
            Ok(prepared) => {
                self.app.install(prepared, Some(loading.path));
                self.drafts.clear();
                self.skill_queries.clear();
                self.worklist = matches::Worklist::default();
                self.allocation = allocation::AllocationView::default();
            }
            Err(e) => {
                if loading.fallback_to_sample {
                    self.app.replace_fair(super::starting_fair(), None);
                }
                self.error(i18n::OPEN_FAILED, e.to_string());
            }
        }
    }

    /// The central panel while a file loads: nothing of the fair can be edited meanwhile.
    pub(super) fn loading_screen(&mut self, ui: &mut egui::Ui) {
        let Some(loading) = &self.loading else { return };
        let file = loading.path.file_name().map_or_else(
            || loading.path.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        );
        let folder = loading
            .path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let elapsed = loading.started.elapsed().as_secs_f32();
        let mut cancel = false;
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() * 0.3).max(20.0));
            ui.add(egui::Spinner::new().size(28.0));
            ui.add_space(8.0);
            ui.heading(format!("{} {file}", self.t(i18n::LOADING)));
            ui.add_space(4.0);
            ui.weak(folder);
            ui.add_space(4.0);
            ui.label(format!("{elapsed:.1} s"));
            ui.add_space(10.0);
            if ui.button(self.t(i18n::CANCEL)).clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.cancel_loading();
        }
        // Keep the elapsed time moving even if the spinner is scrolled out of view.
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    }
}

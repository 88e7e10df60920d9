//! The bottom of the window: the status bar with the running jobs (progress, elapsed time,
//! Cancel), and the error panel.

use super::command::{Command, ViewCtx};
use super::{Notice, i18n};
use crate::app::Message;

pub fn status_bar(ui: &mut egui::Ui, cx: &mut ViewCtx, last: Option<&Message>) {
    let lang = cx.lang();
    if cx.app.opening().is_some() {
        let text = cx.t(i18n::LOADING);
        egui::Panel::bottom("status").show(ui, |ui| ui.label(text));
        return;
    }
    let fair = cx.app.fair();
    let counts = format!(
        "{}: {}   {}: {}   {}: {}   {}: {}",
        cx.t(i18n::BOOTHS),
        fair.booths.len(),
        cx.t(i18n::POSITIONS),
        fair.positions.len(),
        cx.t(i18n::OPENINGS),
        fair.total_openings(),
        cx.t(i18n::CANDIDATES),
        fair.candidates.len(),
    );
    let dirty = if cx.app.is_dirty() { cx.t(i18n::UNSAVED) } else { "" };
    let (read_only, read_only_note) = (cx.app.is_read_only(), cx.t(i18n::READ_ONLY_NOTE));
    let cancel_label = cx.t(i18n::CANCEL);
    let mut cancel = None;
    egui::Panel::bottom("status").show(ui, |ui| {
        for job in cx.app.jobs() {
            ui.horizontal(|ui| {
                let stage = job
                    .stage
                    .as_ref()
                    .map(|s| format!(" — {}", s.get(lang)))
                    .unwrap_or_default();
                ui.label(format!("{}{stage}", job.label.get(lang)));
                match job.fraction {
                    Some(fraction) => {
                        ui.add(egui::ProgressBar::new(fraction).desired_width(120.0).show_percentage());
                    }
                    None => {
                        ui.weak(format!("{:.1} s", job.elapsed.as_secs_f32()));
                    }
                }
                if job.cancellable && ui.small_button(cancel_label).clicked() {
                    cancel = Some(job.id);
                }
            });
        }
        ui.horizontal(|ui| {
            ui.label(counts);
            super::sync_settings::status_item(ui, cx);
            if let Some(message) = last {
                ui.separator();
                ui.weak(message.get(lang));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(dirty);
                if read_only {
                    ui.colored_label(ui.visuals().warn_fg_color, read_only_note);
                }
            });
        });
    });
    if let Some(id) = cancel {
        cx.push(Command::Cancel(id));
    }
}

pub fn error_panel(ui: &mut egui::Ui, cx: &mut ViewCtx, notices: &[Notice]) {
    let dismiss_label = cx.t(i18n::DISMISS);
    let details_label = cx.t(i18n::DETAILS);
    egui::Panel::bottom("errors").show(ui, |ui| {
        for (i, notice) in notices.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, "⚠");
                ui.colored_label(ui.visuals().error_fg_color, &notice.summary);
                if ui.button(dismiss_label).clicked() {
                    cx.push(Command::Dismiss(i));
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
}

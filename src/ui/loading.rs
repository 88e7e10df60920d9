//! The central panel while a fair file is opened (a job): which file, the time spent and a
//! Cancel button. Nothing of the fair can be edited meanwhile.

use std::time::Duration;

use super::command::{Command, ViewCtx};
use super::i18n;

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let Some(opening) = cx.app.opening() else { return };
    let crate::app::Job::Open { path, .. } = opening.job else {
        return;
    };
    let file = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned());
    let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
    let elapsed = opening.elapsed.as_secs_f32();
    let id = opening.id;
    let mut cancel = false;
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.3).max(20.0));
        ui.heading(format!("{} {file}", cx.t(i18n::LOADING)));
        ui.add_space(super::style::SPACE_TIGHT);
        ui.weak(folder);
        ui.add_space(super::style::SPACE_TIGHT);
        ui.label(format!("{elapsed:.1} s"));
        ui.add_space(super::style::SPACE_GROUP);
        if ui.button(cx.t(i18n::CANCEL)).clicked() {
            cancel = true;
        }
    });
    if cancel {
        cx.push(Command::Cancel(id));
    }
    // Keep the elapsed time moving.
    ui.ctx().request_repaint_after(Duration::from_millis(100));
}

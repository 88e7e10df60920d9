//! Allocation: run the stable allocation on demand (a job: the window keeps drawing), show who
//! goes where, why the others are not placed, and the openings left unfilled; export as CSV.

use super::command::{Command, ViewCtx};
use super::{FilePurpose, i18n};
use crate::app::{Job, Record};

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    ui.heading(cx.t(i18n::ALLOCATION));
    ui.label(cx.t(i18n::ALLOCATION_HELP));
    if cx.app.is_matching() {
        super::match_panel::matching_notice(ui, cx);
        return;
    }
    let app = cx.app;
    let running = app.is_running(&Job::Allocate);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!running, egui::Button::new(cx.t(i18n::RUN_ALLOCATION)))
            .clicked()
        {
            cx.push(Command::Start(Job::Allocate));
        }
        let can_export = app.allocation().is_some_and(|a| !a.rows.is_empty());
        if ui
            .add_enabled(can_export, egui::Button::new(cx.t(i18n::EXPORT_CSV)))
            .clicked()
        {
            cx.push(Command::PickFile(FilePurpose::ExportAllocation));
        }
    });
    let Some(report) = app.allocation() else {
        ui.add_space(8.0);
        ui.weak(cx.t(i18n::ALLOCATION_NOT_RUN));
        return;
    };
    if report.computed_for != app.fair_version() {
        ui.colored_label(ui.visuals().warn_fg_color, cx.t(i18n::STALE));
    }
    let lang = cx.lang();
    ui.label(format!(
        "{} {}   {} {}   {} {}   ({:.0} ms)",
        cx.t(i18n::ASSIGNED),
        report.assigned,
        cx.t(i18n::UNASSIGNED),
        report.rows.len() - report.assigned,
        cx.t(i18n::UNFILLED),
        report.unfilled_total,
        report.took.as_secs_f64() * 1000.0
    ));
    ui.separator();
    let mut jump = None;
    let height = ui.available_height() - 10.0;
    ui.columns(2, |cols| {
        cols[0].strong(format!("{} / {}", cx.t(i18n::ASSIGNED), cx.t(i18n::UNASSIGNED)));
        egui::ScrollArea::vertical()
            .id_salt("allocation_rows")
            .max_height(height)
            .show_rows(&mut cols[0], 20.0, report.rows.len(), |ui, range| {
                for row in &report.rows[range] {
                    ui.horizontal(|ui| {
                        let name = app.candidate(&row.candidate).map_or("", |c| c.name.as_str());
                        if ui.link(format!("{name} {}", row.candidate)).clicked() {
                            jump = Some(Record::Candidate(row.candidate.clone()));
                        }
                        ui.label("→");
                        match (&row.position, row.reason) {
                            (Some(position), _) => {
                                let title = app.position(position).map_or("", |p| p.title.as_str());
                                if ui.link(format!("{title} {position}")).clicked() {
                                    jump = Some(Record::Position(position.clone()));
                                }
                            }
                            (None, reason) => {
                                let reason = reason.map_or("", |r| match lang {
                                    crate::model::Lang::En => r.en(),
                                    crate::model::Lang::Zh => r.zh(),
                                });
                                ui.colored_label(ui.visuals().weak_text_color(), reason);
                            }
                        }
                    });
                }
            });
        cols[1].strong(cx.t(i18n::UNFILLED_BY_INDUSTRY));
        for (industry, unfilled) in &report.unfilled_by_industry {
            cols[1].label(format!("{}: {unfilled}", industry.label(lang)));
        }
        cols[1].separator();
        cols[1].strong(format!(
            "{} ({})",
            cx.t(i18n::UNFILLED),
            report.unfilled_positions.len()
        ));
        egui::ScrollArea::vertical().id_salt("allocation_unfilled").show_rows(
            &mut cols[1],
            20.0,
            report.unfilled_positions.len(),
            |ui, range| {
                for (position, unfilled) in &report.unfilled_positions[range] {
                    let title = app.position(position).map_or("", |p| p.title.as_str());
                    if ui.link(format!("{title} {position} ×{unfilled}")).clicked() {
                        jump = Some(Record::Position(position.clone()));
                    }
                }
            },
        );
    });
    if let Some(record) = jump {
        cx.push(Command::JumpTo(record));
    }
}

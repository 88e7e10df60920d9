//! Allocation: run the stable allocation on demand (a job: the window keeps drawing), show who
//! goes where (per candidate, or per booth), why the others are not placed, and the openings
//! left unfilled; export as CSV. On fair day it places only the candidates who checked in,
//! unless the organizer asks for everyone registered.

use std::collections::HashMap;

use egui_extras::{Column, TableBuilder};

use super::FilePurpose;
use super::command::{Command, ViewCtx};
use super::i18n::{self, Tr, tr};
use crate::app::{AllocationReport, AppState, CandidateScope, Job, Record};
use crate::model::{BoothId, Lang};

const SCOPE: Tr = tr("Place", "分配对象");
const SCOPE_CHECKED_IN: Tr = tr("Checked-in candidates only", "仅已签到的求职者");
const SCOPE_EVERYONE: Tr = tr("Everyone registered", "全部报名者");
const PER_CANDIDATE: Tr = tr("Per candidate", "按求职者");
const PER_BOOTH: Tr = tr("Per booth", "按展位");
const PLACED: Tr = tr("Placed", "已分配");
const BOOTH: Tr = tr("Booth", "展位");

const ROW_HEIGHT: f32 = 24.0;

/// What the Allocation view keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct AllocationView {
    /// Whom to place; `None` until the organizer picks: checked-in only once anyone checked in.
    pub scope: Option<CandidateScope>,
    pub per_booth: bool,
}

impl AllocationView {
    pub fn scope(&self, app: &AppState) -> CandidateScope {
        self.scope.unwrap_or_else(|| {
            if app.fair().candidates.iter().any(|c| c.checked_in.is_some()) {
                CandidateScope::CheckedIn
            } else {
                CandidateScope::Everyone
            }
        })
    }
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut AllocationView) {
    let lang = cx.lang();
    ui.heading(cx.t(i18n::ALLOCATION));
    ui.label(cx.t(i18n::ALLOCATION_HELP));
    if cx.app.is_matching() {
        super::match_panel::matching_notice(ui, cx);
        return;
    }
    let app = cx.app;
    let running = app.is_running(&Job::Allocate {
        scope: CandidateScope::Everyone,
    });
    let registered = app.fair().candidates.len();
    let checked_in = app.fair().candidates.iter().filter(|c| c.checked_in.is_some()).count();
    let mut scope = view.scope(app);
    ui.horizontal(|ui| {
        ui.label(cx.t(SCOPE));
        let checked_text = format!("{} ({checked_in})", cx.t(SCOPE_CHECKED_IN));
        let everyone_text = format!("{} ({registered})", cx.t(SCOPE_EVERYONE));
        ui.radio_value(&mut scope, CandidateScope::CheckedIn, checked_text);
        ui.radio_value(&mut scope, CandidateScope::Everyone, everyone_text);
    });
    if scope != view.scope(app) {
        view.scope = Some(scope);
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!running, egui::Button::new(cx.t(i18n::RUN_ALLOCATION)))
            .clicked()
        {
            cx.push(Command::Start(Job::Allocate { scope }));
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
        ui.add_space(super::style::SPACE_GROUP);
        ui.weak(cx.t(i18n::ALLOCATION_NOT_RUN));
        return;
    };
    if report.computed_for != app.fair_version() || report.scope != scope {
        ui.colored_label(ui.visuals().warn_fg_color, cx.t(i18n::STALE));
    }
    let whom = match report.scope {
        CandidateScope::CheckedIn => cx.t(SCOPE_CHECKED_IN),
        CandidateScope::Everyone => cx.t(SCOPE_EVERYONE),
    };
    ui.label(format!(
        "{whom}: {} {}   {} {}   {} {}   ({:.0} ms)",
        cx.t(i18n::ASSIGNED),
        report.assigned,
        cx.t(i18n::UNASSIGNED),
        report.rows.len() - report.assigned,
        cx.t(i18n::UNFILLED),
        report.unfilled_total,
        report.took.as_secs_f64() * 1000.0
    ));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut view.per_booth, false, cx.t(PER_CANDIDATE));
        ui.selectable_value(&mut view.per_booth, true, cx.t(PER_BOOTH));
    });
    ui.separator();
    let mut jump = None;
    egui::Panel::right("allocation_unfilled_panel")
        .resizable(false)
        .exact_size(300.0)
        .show(ui, |ui| unfilled(ui, cx.app, report, lang, &mut jump));
    if view.per_booth {
        per_booth(ui, cx.app, report, lang, &mut jump);
    } else {
        per_candidate(ui, cx.app, report, lang, &mut jump);
    }
    if let Some(record) = jump {
        cx.push(Command::JumpTo(record));
    }
}

/// Fixed column widths: the layout does not move as rows of other lengths scroll by.
fn table<'a>(ui: &'a mut egui::Ui, salt: &str, widths: &[f32]) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for &w in widths {
        builder = builder.column(Column::exact(w).clip(true));
    }
    builder.column(Column::remainder().clip(true))
}

fn header(row: &mut egui_extras::TableRow<'_, '_>, titles: &[&str]) {
    for title in titles {
        row.col(|ui| {
            ui.strong(*title);
        });
    }
}

fn per_candidate(ui: &mut egui::Ui, app: &AppState, report: &AllocationReport, lang: Lang, jump: &mut Option<Record>) {
    let titles = [i18n::CANDIDATE.get(lang), i18n::POSITION.get(lang)];
    table(ui, "allocation_rows", &[260.0])
        .header(ROW_HEIGHT, |mut row| header(&mut row, &titles))
        .body(|body| {
            body.rows(ROW_HEIGHT, report.rows.len(), |mut row| {
                let Some(r) = report.rows.get(row.index()) else { return };
                row.col(|ui| {
                    let name = app.candidate(&r.candidate).map_or("", |c| c.name.as_str());
                    if ui.link(format!("{name} {}", r.candidate)).clicked() {
                        *jump = Some(Record::Candidate(r.candidate.clone()));
                    }
                });
                row.col(|ui| match (&r.position, r.reason) {
                    (Some(position), _) => {
                        let title = app.position(position).map_or("", |p| p.title.as_str());
                        if ui.link(format!("→ {title} {position}")).clicked() {
                            *jump = Some(Record::Position(position.clone()));
                        }
                    }
                    (None, reason) => {
                        let reason = reason.map_or("", |r| lang.pick(r.en(), r.zh()));
                        ui.weak(reason);
                    }
                });
            });
        });
}

/// One row per booth: its positions, openings the allocation could fill, and candidates placed.
struct BoothLine {
    booth: BoothId,
    positions: u32,
    openings: u32,
    placed: u32,
}

fn booth_lines(app: &AppState, report: &AllocationReport) -> Vec<BoothLine> {
    let mut lines: Vec<BoothLine> = Vec::new();
    let mut at: HashMap<&BoothId, usize> = HashMap::new();
    for (position, capacity, assigned) in &report.fills {
        let Some(p) = app.position(position) else { continue };
        let i = *at.entry(&p.booth).or_insert_with(|| {
            lines.push(BoothLine {
                booth: p.booth.clone(),
                positions: 0,
                openings: 0,
                placed: 0,
            });
            lines.len() - 1
        });
        let line = &mut lines[i];
        line.positions += 1;
        line.openings += capacity;
        line.placed += assigned;
    }
    lines
}

fn per_booth(ui: &mut egui::Ui, app: &AppState, report: &AllocationReport, lang: Lang, jump: &mut Option<Record>) {
    let lines = booth_lines(app, report);
    let titles = [
        BOOTH.get(lang),
        i18n::POSITIONS.get(lang),
        i18n::OPENINGS.get(lang),
        PLACED.get(lang),
    ];
    table(ui, "allocation_booths", &[300.0, 90.0, 90.0])
        .header(ROW_HEIGHT, |mut row| header(&mut row, &titles))
        .body(|body| {
            body.rows(ROW_HEIGHT, lines.len(), |mut row| {
                let Some(line) = lines.get(row.index()) else { return };
                row.col(|ui| {
                    let employer = app.booth(&line.booth).map_or("", |b| b.employer.as_str());
                    if ui.link(format!("{} {employer}", line.booth)).clicked() {
                        *jump = Some(Record::Booth(line.booth.clone()));
                    }
                });
                row.col(|ui| {
                    ui.label(line.positions.to_string());
                });
                row.col(|ui| {
                    ui.label(line.openings.to_string());
                });
                row.col(|ui| {
                    ui.label(line.placed.to_string());
                });
            });
        });
}

fn unfilled(ui: &mut egui::Ui, app: &AppState, report: &AllocationReport, lang: Lang, jump: &mut Option<Record>) {
    ui.strong(i18n::UNFILLED_BY_INDUSTRY.get(lang));
    // Two dozen industries would push the positions below out of sight: each list scrolls.
    egui::ScrollArea::vertical()
        .id_salt("allocation_industries")
        .max_height(ui.available_height() * 0.4)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (industry, unfilled) in &report.unfilled_by_industry {
                ui.label(format!("{}: {unfilled}", industry.label(lang)));
            }
        });
    ui.separator();
    ui.strong(format!(
        "{} ({})",
        i18n::UNFILLED.get(lang),
        report.unfilled_positions.len()
    ));
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    egui::ScrollArea::vertical()
        .id_salt("allocation_unfilled")
        .auto_shrink([false, false])
        .show_rows(
            ui,
            ui.spacing().interact_size.y,
            report.unfilled_positions.len(),
            |ui, range| {
                for (position, unfilled) in &report.unfilled_positions[range] {
                    let title = app.position(position).map_or("", |p| p.title.as_str());
                    if ui.link(format!("{title} {position} ×{unfilled}")).clicked() {
                        *jump = Some(Record::Position(position.clone()));
                    }
                }
            },
        );
}

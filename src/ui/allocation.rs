//! Allocation: run the stable allocation on demand, show who goes where, why the others are not
//! placed, and the openings left unfilled; export as CSV.

use std::path::Path;

use super::{FilePurpose, View, Workspace, i18n};
use crate::app::Table;
use crate::model::Lang;

/// One line of the proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub candidate: crate::model::CandidateId,
    /// `None` when the candidate was not placed.
    pub position: Option<crate::model::PositionId>,
    pub reason_en: &'static str,
    pub reason_zh: &'static str,
}

#[derive(Debug, Default)]
pub struct AllocationView {
    pub rows: Vec<Assigned>,
    pub assigned: usize,
    pub unfilled_total: u64,
    pub unfilled_by_industry: Vec<(crate::model::Industry, u32)>,
    /// Positions with openings left: (position, unfilled).
    pub unfilled_positions: Vec<(crate::model::PositionId, u32)>,
    /// Revision of the fair the rows were computed for.
    pub computed_for: Option<u64>,
    pub millis: f64,
}

impl AllocationView {
    pub fn run(&mut self, app: &crate::app::AppState) {
        let start = std::time::Instant::now();
        let result = app.matcher.allocate(&app.fair);
        self.millis = start.elapsed().as_secs_f64() * 1000.0;
        self.assigned = result.assigned.len();
        self.rows = result
            .assigned
            .into_iter()
            .map(|(candidate, position)| Assigned {
                candidate,
                position: Some(position),
                reason_en: "",
                reason_zh: "",
            })
            .chain(result.unassigned.into_iter().map(|(candidate, reason)| Assigned {
                candidate,
                position: None,
                reason_en: reason.en(),
                reason_zh: reason.zh(),
            }))
            .collect();
        self.unfilled_total = result.positions.iter().map(|p| u64::from(p.unfilled())).sum();
        self.unfilled_positions = result
            .positions
            .iter()
            .filter(|p| p.unfilled() > 0)
            .map(|p| (p.position.clone(), p.unfilled()))
            .collect();
        self.unfilled_by_industry = result.unfilled_by_industry;
        self.computed_for = Some(app.revision());
    }

    /// Writes `candidate_id,position_id,reason` (empty position for the unassigned).
    pub fn export_csv(&self, path: &Path) -> Result<(), String> {
        let mut out = Vec::new();
        {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer
                .write_record(["candidate_id", "position_id", "reason"])
                .map_err(|e| e.to_string())?;
            for row in &self.rows {
                let position = row.position.as_ref().map_or("", |p| p.as_str());
                writer
                    .write_record([row.candidate.as_str(), position, row.reason_en])
                    .map_err(|e| e.to_string())?;
            }
            writer.flush().map_err(|e| e.to_string())?;
        }
        crate::store::write_atomically(path, &out).map_err(|e| e.to_string())
    }
}

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    ui.heading(ws.t(i18n::ALLOCATION));
    ui.label(ws.t(i18n::ALLOCATION_HELP));
    if ws.app.is_matching() {
        super::match_panel::matching_notice(ui, ws);
        return;
    }
    ui.horizontal(|ui| {
        if ui.button(ws.t(i18n::RUN_ALLOCATION)).clicked() {
            ws.allocation.run(&ws.app);
        }
        let can_export = !ws.allocation.rows.is_empty();
        if ui
            .add_enabled(can_export, egui::Button::new(ws.t(i18n::EXPORT_CSV)))
            .clicked()
        {
            ws.pick_file(FilePurpose::ExportAllocation);
        }
    });
    let Some(revision) = ws.allocation.computed_for else {
        ui.add_space(8.0);
        ui.weak(ws.t(i18n::ALLOCATION_NOT_RUN));
        return;
    };
    if revision != ws.app.revision() {
        ui.colored_label(ui.visuals().warn_fg_color, ws.t(i18n::STALE));
    }
    let lang = ws.lang();
    let view = &ws.allocation;
    ui.label(format!(
        "{} {}   {} {}   {} {}   ({:.0} ms)",
        ws.t(i18n::ASSIGNED),
        view.assigned,
        ws.t(i18n::UNASSIGNED),
        view.rows.len() - view.assigned,
        ws.t(i18n::UNFILLED),
        view.unfilled_total,
        view.millis
    ));
    ui.separator();
    let mut jump_candidate = None;
    let mut jump_position = None;
    let height = ui.available_height() - 10.0;
    ui.columns(2, |cols| {
        cols[0].strong(format!("{} / {}", ws.t(i18n::ASSIGNED), ws.t(i18n::UNASSIGNED)));
        egui::ScrollArea::vertical()
            .id_salt("allocation_rows")
            .max_height(height)
            .show_rows(&mut cols[0], 20.0, view.rows.len(), |ui, range| {
                for row in &view.rows[range] {
                    ui.horizontal(|ui| {
                        let name = ws.app.candidate(&row.candidate).map_or("", |c| c.name.as_str());
                        if ui.link(format!("{name} {}", row.candidate)).clicked() {
                            jump_candidate = Some(row.candidate.clone());
                        }
                        ui.label("→");
                        match &row.position {
                            Some(position) => {
                                let title = ws.app.position(position).map_or("", |p| p.title.as_str());
                                if ui.link(format!("{title} {position}")).clicked() {
                                    jump_position = Some(position.clone());
                                }
                            }
                            None => {
                                let reason = if lang == Lang::En { row.reason_en } else { row.reason_zh };
                                ui.colored_label(ui.visuals().weak_text_color(), reason);
                            }
                        }
                    });
                }
            });
        cols[1].strong(ws.t(i18n::UNFILLED_BY_INDUSTRY));
        for (industry, unfilled) in &view.unfilled_by_industry {
            cols[1].label(format!("{}: {unfilled}", industry.label(lang)));
        }
        cols[1].separator();
        cols[1].strong(format!("{} ({})", ws.t(i18n::UNFILLED), view.unfilled_positions.len()));
        egui::ScrollArea::vertical().id_salt("allocation_unfilled").show_rows(
            &mut cols[1],
            20.0,
            view.unfilled_positions.len(),
            |ui, range| {
                for (position, unfilled) in &view.unfilled_positions[range] {
                    let title = ws.app.position(position).map_or("", |p| p.title.as_str());
                    if ui.link(format!("{title} {position} ×{unfilled}")).clicked() {
                        jump_position = Some(position.clone());
                    }
                }
            },
        );
    });
    if let Some(id) = jump_candidate {
        ws.app.selection.candidate = Some(id);
        ws.view = View::Candidates;
        ws.scroll_to = Some(Table::Candidates);
    }
    if let Some(id) = jump_position {
        ws.app.selection.position = Some(id);
        ws.view = View::Positions;
        ws.scroll_to = Some(Table::Positions);
    }
}

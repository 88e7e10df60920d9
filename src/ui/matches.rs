//! The organizer's worklist: positions no candidate is eligible for, and candidates eligible
//! for no position.

use super::{View, Workspace, i18n};
use crate::app::{AppState, Table};

/// Rows of the worklist, recomputed only when the fair changed.
#[derive(Debug, Default)]
pub struct Worklist {
    computed_for: Option<u64>,
    pub positions: Vec<usize>,
    pub candidates: Vec<usize>,
}

impl Worklist {
    pub fn refresh(&mut self, app: &AppState) {
        if self.computed_for == Some(app.revision()) {
            return;
        }
        self.positions = (0..app.fair.positions.len())
            .filter(|&i| app.matcher.top_candidates(&app.fair.positions[i].id).is_empty())
            .collect();
        self.candidates = (0..app.fair.candidates.len())
            .filter(|&i| app.matcher.top_positions(&app.fair.candidates[i].id).is_empty())
            .collect();
        self.computed_for = Some(app.revision());
    }
}

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    ui.heading(ws.t(i18n::MATCHES));
    ui.label(ws.t(i18n::WORKLIST_HELP));
    if ws.app.is_matching() {
        super::match_panel::matching_notice(ui, ws);
        return;
    }
    ws.worklist.refresh(&ws.app);
    ui.separator();
    let mut jump_position = None;
    let mut jump_candidate = None;
    let heights = ui.available_height() - 30.0;
    ui.columns(2, |columns| {
        let lang = ws.app.prefs.lang;
        columns[0].strong(format!(
            "{} ({})",
            ws.t(i18n::POSITIONS_WITHOUT),
            ws.worklist.positions.len()
        ));
        // One line per entry: `show_rows` lays out only the visible rows, at a fixed height.
        columns[0].style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        columns[1].style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        if ws.worklist.positions.is_empty() {
            columns[0].weak(ws.t(i18n::NO_POSITIONS_WITHOUT));
        }
        egui::ScrollArea::vertical()
            .id_salt("worklist_positions")
            .max_height(heights)
            .show_rows(&mut columns[0], 20.0, ws.worklist.positions.len(), |ui, range| {
                for &i in &ws.worklist.positions[range] {
                    let p = &ws.app.fair.positions[i];
                    let employer = ws.app.booth(&p.booth).map_or("", |b| b.employer.as_str());
                    let text = format!(
                        "{} · {} · {} · {}",
                        p.title,
                        employer,
                        p.min_education.label(lang),
                        p.city
                    );
                    if ui.link(text).clicked() {
                        jump_position = Some(p.id.clone());
                    }
                }
            });
        columns[1].strong(format!(
            "{} ({})",
            ws.t(i18n::CANDIDATES_WITHOUT),
            ws.worklist.candidates.len()
        ));
        if ws.worklist.candidates.is_empty() {
            columns[1].weak(ws.t(i18n::NO_CANDIDATES_WITHOUT));
        }
        egui::ScrollArea::vertical()
            .id_salt("worklist_candidates")
            .max_height(heights)
            .show_rows(&mut columns[1], 20.0, ws.worklist.candidates.len(), |ui, range| {
                for &i in &ws.worklist.candidates[range] {
                    let c = &ws.app.fair.candidates[i];
                    let text = format!(
                        "{} · {} · {} · {}",
                        c.name,
                        c.education.label(lang),
                        c.major,
                        c.skills.join("、")
                    );
                    if ui.link(text).clicked() {
                        jump_candidate = Some(c.id.clone());
                    }
                }
            });
    });
    if let Some(id) = jump_position {
        ws.app.selection.position = Some(id);
        ws.view = View::Positions;
        ws.scroll_to = Some(Table::Positions);
    }
    if let Some(id) = jump_candidate {
        ws.app.selection.candidate = Some(id);
        ws.view = View::Candidates;
        ws.scroll_to = Some(Table::Candidates);
    }
}

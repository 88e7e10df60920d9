//! The organizer's worklist: positions no candidate is eligible for, and candidates eligible
//! for no position.

use super::command::{Command, ViewCtx};
use super::i18n;
use crate::app::{AppState, Record};

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
        let (fair, matcher) = (app.fair(), app.matcher());
        self.positions = (0..fair.positions.len())
            .filter(|&i| matcher.top_candidates(&fair.positions[i].id).is_empty())
            .collect();
        self.candidates = (0..fair.candidates.len())
            .filter(|&i| matcher.top_positions(&fair.candidates[i].id).is_empty())
            .collect();
        self.computed_for = Some(app.revision());
    }
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, worklist: &mut Worklist) {
    ui.heading(cx.t(i18n::MATCHES));
    ui.label(cx.t(i18n::WORKLIST_HELP));
    if cx.app.is_matching() {
        super::match_panel::matching_notice(ui, cx);
        return;
    }
    let app = cx.app;
    worklist.refresh(app);
    ui.separator();
    let mut jump_position = None;
    let mut jump_candidate = None;
    let heights = ui.available_height() - 30.0;
    ui.columns(2, |columns| {
        let lang = app.prefs().lang;
        columns[0].strong(format!(
            "{} ({})",
            cx.t(i18n::POSITIONS_WITHOUT),
            worklist.positions.len()
        ));
        // One line per entry: `show_rows` lays out only the visible rows, at a fixed height.
        columns[0].style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        columns[1].style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        if worklist.positions.is_empty() {
            columns[0].weak(cx.t(i18n::NO_POSITIONS_WITHOUT));
        }
        egui::ScrollArea::vertical()
            .id_salt("worklist_positions")
            .max_height(heights)
            .show_rows(&mut columns[0], 20.0, worklist.positions.len(), |ui, range| {
                for &i in &worklist.positions[range] {
                    let p = &app.fair().positions[i];
                    let employer = app.booth(&p.booth).map_or("", |b| b.employer.as_str());
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
            cx.t(i18n::CANDIDATES_WITHOUT),
            worklist.candidates.len()
        ));
        if worklist.candidates.is_empty() {
            columns[1].weak(cx.t(i18n::NO_CANDIDATES_WITHOUT));
        }
        egui::ScrollArea::vertical()
            .id_salt("worklist_candidates")
            .max_height(heights)
            .show_rows(&mut columns[1], 20.0, worklist.candidates.len(), |ui, range| {
                for &i in &worklist.candidates[range] {
                    let c = &app.fair().candidates[i];
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
        cx.push(Command::JumpTo(Record::Position(id)));
    }
    if let Some(id) = jump_candidate {
        cx.push(Command::JumpTo(Record::Candidate(id)));
    }
}

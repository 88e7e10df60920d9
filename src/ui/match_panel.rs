//! The live match panel beside an editor: best positions for a candidate, or best candidates
//! for a position, with score, fit and appeal as bars. Clicking a match jumps to it.

use super::i18n::Tr;
use super::widgets::score_bar;
use super::{View, Workspace, i18n};
use crate::app::Table;
use crate::matching::Scored;
use crate::model::{CandidateId, PositionId};

pub fn for_candidate(ui: &mut egui::Ui, ws: &mut Workspace, id: &CandidateId) {
    ui.heading(ws.t(i18n::BEST_POSITIONS));
    let matches: Vec<Scored> = ws.app.matcher.top_positions(id).to_vec();
    let mut jump = None;
    list(
        ui,
        ws,
        &matches,
        |ws, s| {
            let title = ws
                .app
                .position(&s.position)
                .map_or_else(|| s.position.to_string(), |p| p.title.clone());
            let employer = ws
                .app
                .position(&s.position)
                .and_then(|p| ws.app.booth(&p.booth))
                .map_or_else(String::new, |b| b.employer.clone());
            (title, employer)
        },
        |s| jump = Some(s.position.clone()),
    );
    if let Some(position) = jump {
        ws.app.selection.position = Some(position);
        ws.view = View::Positions;
        ws.scroll_to = Some(Table::Positions);
    }
}

pub fn for_position(ui: &mut egui::Ui, ws: &mut Workspace, id: &PositionId) {
    ui.heading(ws.t(i18n::BEST_CANDIDATES));
    let matches: Vec<Scored> = ws.app.matcher.top_candidates(id).to_vec();
    let mut jump = None;
    list(
        ui,
        ws,
        &matches,
        |ws, s| {
            let candidate = ws.app.candidate(&s.candidate);
            let name = candidate.map_or_else(|| s.candidate.to_string(), |c| c.name.clone());
            let detail = candidate.map_or_else(String::new, |c| {
                format!("{} · {}", c.education.label(ws.lang()), c.school)
            });
            (name, detail)
        },
        |s| jump = Some(s.candidate.clone()),
    );
    if let Some(candidate) = jump {
        ws.app.selection.candidate = Some(candidate);
        ws.view = View::Candidates;
        ws.scroll_to = Some(Table::Candidates);
    }
}

fn list(
    ui: &mut egui::Ui,
    ws: &Workspace,
    matches: &[Scored],
    describe: impl Fn(&Workspace, &Scored) -> (String, String),
    mut on_click: impl FnMut(&Scored),
) {
    if ws.app.is_matching() {
        matching_notice(ui, ws);
        return;
    }
    if matches.is_empty() {
        ui.label(ws.t(i18n::NO_MATCHES));
        return;
    }
    let labels = (ws.t(i18n::SCORE), ws.t(i18n::FIT), ws.t(i18n::APPEAL));
    egui::ScrollArea::vertical().id_salt("match_list").show(ui, |ui| {
        for (rank, scored) in matches.iter().enumerate() {
            let (title, detail) = describe(ws, scored);
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                if ui.link(format!("{}. {title}", rank + 1)).clicked() {
                    on_click(scored);
                }
                if !detail.is_empty() {
                    ui.label(egui::RichText::new(detail).small());
                }
                let width = (ui.available_width() - 60.0).max(60.0);
                score_bar(ui, labels.0, scored.score, width);
                score_bar(ui, labels.1, scored.fit, width);
                score_bar(ui, labels.2, scored.appeal, width);
                reasons(ui, ws, scored, rank);
            });
        }
    });
}

/// Skills matched and missing, then a verdict with numbers for every other component.
fn reasons(ui: &mut egui::Ui, ws: &Workspace, scored: &Scored, rank: usize) {
    let Some(why) = ws
        .app
        .matcher
        .explain(&ws.app.fair, &scored.candidate, &scored.position)
    else {
        return;
    };
    let lang = ws.lang();
    let skills = |label: Tr, items: &[String], color: egui::Color32, ui: &mut egui::Ui| {
        if !items.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(ws.t(label)).small());
                let names = crate::matching::skill_names(items, lang, "、");
                ui.label(egui::RichText::new(names).small().color(color));
            });
        }
    };
    let good = egui::Color32::from_rgb(40, 140, 60);
    let partial = egui::Color32::from_rgb(190, 130, 20);
    let bad = ui.visuals().error_fg_color;
    skills(i18n::MATCHED_SKILLS, &why.matched_required, good, ui);
    skills(i18n::RELATED_SKILLS, &why.related_required, partial, ui);
    skills(i18n::MISSING_SKILLS, &why.missing_required, bad, ui);
    skills(i18n::MATCHED_PREFERRED, &why.matched_preferred, good, ui);
    egui::CollapsingHeader::new(egui::RichText::new(ws.t(i18n::WHY)).small())
        .id_salt(("why", rank))
        .show(ui, |ui| {
            let mut verdicts = vec![
                &why.required_skills,
                &why.preferred_skills,
                &why.education,
                &why.experience,
                &why.salary,
                &why.city,
                &why.industry,
                &why.work_mode,
            ];
            if let Some(rating) = &why.rating {
                verdicts.push(rating);
            }
            for verdict in verdicts {
                let mark = if verdict.credit >= 1.0 {
                    "✓"
                } else if verdict.credit > 0.0 {
                    "~"
                } else {
                    "✗"
                };
                ui.label(egui::RichText::new(format!("{mark} {}", verdict.text(lang))).small());
            }
        });
}

/// Shown instead of results while the matcher is built in the background.
pub fn matching_notice(ui: &mut egui::Ui, ws: &Workspace) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(ws.t(i18n::MATCHING));
    });
}

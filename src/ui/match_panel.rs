//! The live match panel beside an editor: best positions for a candidate, or best candidates
//! for a position, with score, fit and appeal as bars. Clicking a match jumps to it.

use super::command::{Command, ViewCtx};
use super::i18n;
use super::i18n::Tr;
use super::widgets::score_bar;
use crate::app::{AppState, Record, Scored};
use crate::model::{CandidateId, PositionId};

pub fn for_candidate(ui: &mut egui::Ui, cx: &mut ViewCtx, id: &CandidateId) {
    ui.heading(cx.t(i18n::BEST_POSITIONS));
    let app = cx.app;
    let matches = app.matcher().top_positions(id);
    let clicked = list(ui, cx, matches, |s| {
        let title = app
            .position(&s.position)
            .map_or_else(|| s.position.to_string(), |p| p.title.clone());
        let employer = app
            .position(&s.position)
            .and_then(|p| app.booth(&p.booth))
            .map_or_else(String::new, |b| b.employer.clone());
        (title, employer)
    });
    if let Some(s) = clicked {
        cx.push(Command::JumpTo(Record::Position(s.position.clone())));
    }
}

pub fn for_position(ui: &mut egui::Ui, cx: &mut ViewCtx, id: &PositionId) {
    ui.heading(cx.t(i18n::BEST_CANDIDATES));
    let app = cx.app;
    let lang = cx.lang();
    let matches = app.matcher().top_candidates(id);
    let clicked = list(ui, cx, matches, |s| {
        let candidate = app.candidate(&s.candidate);
        let name = candidate.map_or_else(|| s.candidate.to_string(), |c| c.name.clone());
        let detail = candidate.map_or_else(String::new, |c| format!("{} · {}", c.education.label(lang), c.school));
        (name, detail)
    });
    if let Some(s) = clicked {
        cx.push(Command::JumpTo(Record::Candidate(s.candidate.clone())));
    }
}

/// The matches with bars and reasons; returns the one whose link was clicked.
fn list<'m>(
    ui: &mut egui::Ui,
    cx: &ViewCtx,
    matches: &'m [Scored],
    describe: impl Fn(&Scored) -> (String, String),
) -> Option<&'m Scored> {
    if cx.app.is_matching() {
        matching_notice(ui, cx);
        return None;
    }
    if matches.is_empty() {
        ui.label(cx.t(i18n::NO_MATCHES));
        return None;
    }
    let mut clicked = None;
    let labels = (cx.t(i18n::SCORE), cx.t(i18n::FIT), cx.t(i18n::APPEAL));
    egui::ScrollArea::vertical().id_salt("match_list").show(ui, |ui| {
        for (rank, scored) in matches.iter().enumerate() {
            let (title, detail) = describe(scored);
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                if ui.link(format!("{}. {title}", rank + 1)).clicked() {
                    clicked = Some(scored);
                }
                if !detail.is_empty() {
                    ui.label(egui::RichText::new(detail).weak());
                }
                let width = (ui.available_width() - 60.0).max(60.0);
                score_bar(ui, labels.0, scored.score, width);
                score_bar(ui, labels.1, scored.fit, width);
                score_bar(ui, labels.2, scored.appeal, width);
                reasons(ui, cx.app, scored, rank);
            });
        }
    });
    clicked
}

/// Skills matched and missing, then a verdict with numbers for every other component.
fn reasons(ui: &mut egui::Ui, app: &AppState, scored: &Scored, rank: usize) {
    let Some(why) = app.explain(&scored.candidate, &scored.position) else {
        return;
    };
    let lang = app.prefs().lang;
    let skills = |label: Tr, items: &[String], color: egui::Color32, ui: &mut egui::Ui| {
        if !items.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(label.get(lang));
                let names = crate::app::skill_names(items, lang, "、");
                ui.label(egui::RichText::new(names).color(color));
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
    egui::CollapsingHeader::new(i18n::WHY.get(lang))
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
                ui.label(format!("{mark} {}", verdict.text(lang)));
            }
        });
}

/// Shown instead of results while the matcher is built in the background.
pub fn matching_notice(ui: &mut egui::Ui, cx: &ViewCtx) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(cx.t(i18n::MATCHING));
    });
}

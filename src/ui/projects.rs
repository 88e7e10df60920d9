//! Projects: the pipeline board (one column per status; drag a card to move the project, one
//! undo step), the selected project with its best counterparties and why, and the signing list
//! for the ceremony.

use super::EditorState;
use super::command::{Command, ViewCtx};
use super::i18n::{self, Tr, tr};
use super::style;
use crate::app::{Edit, ProjectMatch, Record, field};
use crate::model::{Lang, Project, ProjectId, ProjectStatus};

pub(super) mod editor;

use editor::moved;

pub const TITLE: Tr = tr("Projects", "项目");
const HELP: Tr = tr(
    "Projects looking for investment, a site, partners or pilot customers. Drag a card to another column to move the project along its pipeline.",
    "寻求投资、场地、合作伙伴或试点客户的项目。将卡片拖到另一列即可推进项目进度。",
);
const NO_PROJECTS: Tr = tr(
    "This fair has no projects yet: add one with New project, or import a projects CSV or workbook.",
    "本招聘会暂无项目：点击“新建项目”添加，或导入项目 CSV 或工作簿。",
);
const BEST: Tr = tr("Best counterparties", "最佳对接方");
const NONE_FIT: Tr = tr("No booth fits this project yet.", "暂无适合该项目的展位。");
const SEEKS: Tr = tr("Seeks", "需求");
const INVESTMENT: Tr = tr("investment {amount} 万元", "融资 {amount} 万元");
const SITE: Tr = tr("a site", "场地");
const PARTNERS: Tr = tr("partners", "合作伙伴");
const PILOTS: Tr = tr("pilot customers", "试点客户");
const FIELDS: Tr = tr("Fields", "领域");
const TEAM: Tr = tr("Team", "团队");
const SIGNING: Tr = tr("Signing list", "签约清单");
const NOBODY_SIGNED: Tr = tr("No intentions or contracts signed yet.", "暂无签约项目。");
const CARD_HINT: Tr = tr("Drag to another column; click to select", "拖到其他列；点击查看");

const COLUMN_HEIGHT: f32 = 230.0;

/// The card being dragged: the project's id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dragged(ProjectId);

#[derive(Debug, Clone, Default)]
pub struct ProjectsView {
    pub selected: Option<ProjectId>,
    /// The Sessions tab is shown instead of the pipeline.
    pub sessions_tab: bool,
    pub sessions: super::sessions::SessionsState,
}

const PIPELINE_TAB: Tr = tr("Pipeline", "项目进度");
const SESSIONS_TAB: Tr = tr("Sessions", "对接会与路演");

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ProjectsView, editor: &mut EditorState) {
    let lang = cx.lang();
    if view.selected.as_ref().and_then(|id| cx.app.project(id)).is_none() {
        view.selected = cx.app.fair().projects.first().map(|p| p.id.clone());
    }
    super::sessions::keep_selection(cx.app, &mut view.sessions);
    ui.horizontal(|ui| {
        ui.heading(cx.t(TITLE));
        ui.add_space(style::SPACE_SECTION);
        ui.selectable_value(&mut view.sessions_tab, false, cx.t(PIPELINE_TAB));
        ui.selectable_value(&mut view.sessions_tab, true, cx.t(SESSIONS_TAB));
        ui.add_space(style::SPACE_SECTION);
        if view.sessions_tab {
            if ui.button(cx.t(i18n::NEW_SESSION)).clicked() {
                view.sessions.selected = Some(editor::new_session(cx));
            }
        } else if ui.button(cx.t(i18n::NEW_PROJECT)).clicked() {
            view.selected = Some(editor::new_project(cx));
        }
    });
    if view.sessions_tab {
        super::sessions::show(ui, cx, &mut view.sessions, editor);
        return;
    }
    ui.label(egui::RichText::new(cx.t(HELP)).weak());
    if cx.app.fair().projects.is_empty() {
        ui.add_space(style::SPACE_GROUP);
        ui.label(cx.t(NO_PROJECTS));
        return;
    }
    ui.add_space(style::SPACE_ROW);
    if let Some(id) = view.selected.clone() {
        egui::Panel::right("project_editor")
            .default_size(320.0)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("project_editor_scroll")
                    .show(ui, |ui| editor::project_editor(ui, cx, editor, &id));
            });
    }
    board(ui, cx, view);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("project_detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                let [left, right] = cols else { return };
                if let Some(project) = view.selected.as_ref().and_then(|id| cx.app.project(id)).cloned() {
                    detail(left, cx, &project, lang);
                }
                signing_list(right, cx, lang);
            });
        });
}

fn board(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ProjectsView) {
    let lang = cx.lang();
    let app = cx.app;
    let columns = ProjectStatus::ALL.len();
    // Six columns across the view; the frames' margins and the gaps between them take ~22 px each.
    let width = (ui.available_width() / columns as f32 - 22.0).max(110.0);
    let mut dropped: Option<(ProjectId, ProjectStatus)> = None;
    ui.horizontal_top(|ui| {
        for &status in ProjectStatus::ALL {
            let cards: Vec<&Project> = app.fair().projects.iter().filter(|p| p.status == status).collect();
            let frame = egui::Frame::group(ui.style()).inner_margin(4.0);
            let (_, payload) = ui.dnd_drop_zone::<Dragged, ()>(frame, |ui| {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.set_min_height(COLUMN_HEIGHT);
                    let heading = format!("{} ({})", status.label(lang), cards.len());
                    ui.add(egui::Label::new(egui::RichText::new(heading).strong()).truncate());
                    egui::ScrollArea::vertical()
                        .id_salt(("project_column", status.en()))
                        .max_height(COLUMN_HEIGHT - 24.0)
                        .show(ui, |ui| {
                            for project in cards {
                                card(ui, cx, view, project, width);
                            }
                        });
                });
            });
            if let Some(dragged) = payload {
                dropped = Some((dragged.0.clone(), status));
            }
        }
    });
    if let Some((id, status)) = dropped
        && let Some(project) = cx.app.project(&id)
        && project.status != status
    {
        cx.push(Command::Apply(Edit::SetProject {
            id: id.clone(),
            value: moved(project, status),
            field: field::STATUS,
        }));
        view.selected = Some(id);
    }
}

fn card(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ProjectsView, project: &Project, width: f32) {
    let id = egui::Id::unique(("project_card", project.id.as_str()));
    let selected = view.selected.as_ref() == Some(&project.id);
    let response = ui
        .dnd_drag_source(id, Dragged(project.id.clone()), |ui| {
            let fill = if selected {
                ui.visuals().selection.bg_fill
            } else {
                ui.visuals().widgets.inactive.bg_fill
            };
            egui::Frame::new()
                .fill(fill)
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.set_width(width - 24.0);
                        ui.add(egui::Label::new(egui::RichText::new(&project.title).strong()).truncate());
                        let who = format!("{} · {}", project.lead, project.industry.label(cx.lang()));
                        ui.add(egui::Label::new(egui::RichText::new(who).size(style::SMALL).weak()).truncate());
                    });
                });
        })
        .response;
    // The drag source senses drags only; a click on the card selects it.
    let response = ui.interact(response.rect, id.with("click"), egui::Sense::click());
    // Screen readers (and the window tests) find a card by its title.
    let name = if project.title.trim().is_empty() {
        project.id.as_str()
    } else {
        &project.title
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    let response = response.on_hover_text(cx.t(CARD_HINT));
    if response.clicked() {
        view.selected = Some(project.id.clone());
    }
}

fn detail(ui: &mut egui::Ui, cx: &mut ViewCtx, project: &Project, lang: Lang) {
    ui.label(egui::RichText::new(&project.title).size(style::LARGE));
    ui.label(format!(
        "{} · {} · {} · {}",
        project.lead,
        project.industry.label(lang),
        project.stage.label(lang),
        project.cities.join(" / ")
    ));
    let seeks = &project.seeks;
    let mut wants: Vec<String> = Vec::new();
    if let Some(amount) = seeks.investment_wan {
        wants.push(INVESTMENT.fill(lang, &[("amount", &amount)]));
    }
    for (wanted, text) in [
        (seeks.site, SITE),
        (seeks.partners, PARTNERS),
        (seeks.pilot_customers, PILOTS),
    ] {
        if wanted {
            wants.push(text.get(lang).to_owned());
        }
    }
    ui.label(format!("{}: {}", cx.t(SEEKS), wants.join(lang.pick(", ", "、"))));
    ui.label(format!(
        "{}: {}",
        cx.t(FIELDS),
        project.fields.join(lang.pick(", ", "、"))
    ));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", cx.t(TEAM)));
        for member in &project.team {
            let name = cx
                .app
                .candidate(member)
                .map_or_else(|| member.to_string(), |c| c.name.clone());
            if ui.link(name).clicked() {
                cx.push(Command::JumpTo(Record::Candidate(member.clone())));
            }
        }
    });
    for step in &project.steps {
        let with = step.counterparty.as_ref().map_or(String::new(), |b| format!(" · {b}"));
        let amount = step.amount_wan.map_or(String::new(), |a| format!(" · {a} 万元"));
        ui.label(
            egui::RichText::new(format!(
                "{} {}{with}{amount}",
                step.at.format("%Y-%m-%d"),
                step.status.label(lang)
            ))
            .size(style::SMALL),
        );
    }
    ui.add_space(style::SPACE_GROUP);
    ui.label(egui::RichText::new(cx.t(BEST)).strong());
    let matches = cx.app.project_matches();
    let best: &[ProjectMatch] = matches.top_booths(&project.id);
    if best.is_empty() {
        ui.label(egui::RichText::new(cx.t(NONE_FIT)).weak());
    }
    for m in best.iter().take(6) {
        let employer = cx.app.booth(&m.booth).map_or("", |b| b.employer.as_str());
        let reasons: Vec<String> = m.reasons.iter().map(|r| r.describe(lang)).collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{:.0}", m.score)).strong());
            if ui.link(format!("{} {employer}", m.booth)).clicked() {
                cx.push(Command::JumpTo(Record::Booth(m.booth.clone())));
            }
            ui.label(
                egui::RichText::new(reasons.join(lang.pick("; ", "；")))
                    .size(style::SMALL)
                    .weak(),
            );
        });
    }
}

/// Projects with an intention or a contract signed: what the ceremony reads out.
fn signing_list(ui: &mut egui::Ui, cx: &mut ViewCtx, lang: Lang) {
    ui.label(egui::RichText::new(cx.t(SIGNING)).strong());
    let signed: Vec<&Project> = cx
        .app
        .fair()
        .projects
        .iter()
        .filter(|p| p.status >= ProjectStatus::IntentionSigned)
        .collect();
    if signed.is_empty() {
        ui.label(egui::RichText::new(cx.t(NOBODY_SIGNED)).weak());
    }
    egui::Grid::new("signing_list").striped(true).show(ui, |ui| {
        for project in signed {
            let last = project.steps.iter().rev().find(|s| s.status == project.status);
            let with = last
                .and_then(|s| s.counterparty.as_ref())
                .and_then(|b| cx.app.booth(b))
                .map_or(String::new(), |b| b.employer.clone());
            ui.label(&project.title);
            ui.label(with);
            ui.label(project.status.label(lang));
            ui.label(
                last.and_then(|s| s.amount_wan)
                    .map_or(String::new(), |a| format!("{a} 万元")),
            );
            ui.end_row();
        }
    });
}

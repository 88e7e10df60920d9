//! The talent map: skill group × industry (or × city) coloured by openings per candidate, the
//! largest shortages and surpluses beside it, and the records behind a clicked cell.

use super::charts::{self, Row};
use super::command::{Command, ViewCtx};
use super::i18n::{Tr, tr};
use super::style;
use crate::app::Record;
use crate::insight::{Key, MapAxis, TalentCell};
use crate::model::{CandidateId, PositionId, SkillGroup};

pub const TITLE: Tr = tr("Talent map", "人才供需图");
const HELP: Tr = tr(
    "Openings per candidate by skill group: red where talent is short, blue where it is plentiful. Click a cell for its records.",
    "各技能类别的岗位需求人数与求职者人数之比：红色为人才紧缺，蓝色为供给充足。点击单元格查看对应记录。",
);
const BY_INDUSTRY: Tr = tr("By industry", "按行业");
const BY_CITY: Tr = tr("By city", "按城市");
const SHORTAGES: Tr = tr(
    "Largest shortages (openings − candidates)",
    "人才缺口最大（需求 − 供给）",
);
const SURPLUSES: Tr = tr("Largest surpluses", "供给过剩最多");
const LEGEND_SHORT: Tr = tr("shortage", "紧缺");
const LEGEND_BALANCED: Tr = tr("balanced", "平衡");
const LEGEND_PLENTY: Tr = tr("surplus", "过剩");
const LEGEND_NOBODY: Tr = tr("openings nobody supplies", "无人供给的需求");
const OPENINGS: Tr = tr("openings", "需求人数");
const CANDIDATES: Tr = tr("candidates", "求职者");
const RATIO: Tr = tr("openings per candidate", "求人倍率");
const POSITIONS_BEHIND: Tr = tr("Positions", "岗位");
const CANDIDATES_BEHIND: Tr = tr("Candidates", "求职者");
const EMPTY: Tr = tr(
    "No positions or candidates with skills yet.",
    "暂无带技能的岗位或求职者。",
);

/// Cities shown as columns at most (by openings).
const MAX_CITIES: usize = 12;
/// Records listed under a clicked cell at most.
const MAX_LISTED: usize = 200;

/// The map's axis and the clicked cell with its records (looked up once per click and fair
/// revision: a scan of every candidate).
#[derive(Debug)]
pub struct TalentMapView {
    pub axis: MapAxis,
    pub selected: Option<(SkillGroup, Key)>,
    records: Option<(u64, Vec<PositionId>, Vec<CandidateId>)>,
}

impl Default for TalentMapView {
    fn default() -> Self {
        Self {
            axis: MapAxis::Industry,
            selected: None,
            records: None,
        }
    }
}

/// The cell's colour: red for a shortage, blue for a surplus, by the ratio's logarithm.
fn colour(cell: &TalentCell) -> egui::Color32 {
    match cell.ratio() {
        None if cell.demand_openings > 0 => egui::Color32::from_rgb(140, 20, 20),
        None => egui::Color32::from_gray(200),
        Some(r) => {
            let t = (r.max(1e-3).log2() / 2.0).clamp(-1.0, 1.0) as f32;
            let fade = |full: u8| (255.0 - (255.0 - f32::from(full)) * t.abs()) as u8;
            if t >= 0.0 {
                egui::Color32::from_rgb(fade(215), fade(48), fade(39))
            } else {
                egui::Color32::from_rgb(fade(49), fade(130), fade(189))
            }
        }
    }
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut TalentMapView) {
    let lang = cx.lang();
    let app = cx.app;
    let insight = app.insight();
    ui.heading(cx.t(TITLE));
    ui.label(cx.t(HELP));
    ui.horizontal(|ui| {
        if ui
            .selectable_label(view.axis == MapAxis::Industry, cx.t(BY_INDUSTRY))
            .clicked()
        {
            view.axis = MapAxis::Industry;
            view.selected = None;
        }
        if ui.selectable_label(view.axis == MapAxis::City, cx.t(BY_CITY)).clicked() {
            view.axis = MapAxis::City;
            view.selected = None;
        }
        ui.add_space(style::SPACE_SECTION);
        for (ratio, label) in [(4.0, LEGEND_SHORT), (1.0, LEGEND_BALANCED), (0.25, LEGEND_PLENTY)] {
            let cell = TalentCell {
                demand_positions: 1,
                demand_openings: (ratio * 100.0) as u64,
                supply_candidates: 100,
            };
            swatch(ui, colour(&cell), cx.t(label));
        }
        let nobody = TalentCell {
            demand_positions: 1,
            demand_openings: 1,
            supply_candidates: 0,
        };
        swatch(ui, colour(&nobody), cx.t(LEGEND_NOBODY));
    });
    ui.add_space(style::SPACE_ROW);
    let map = insight.talent_map(view.axis, MAX_CITIES);
    if map.groups.is_empty() || map.columns.is_empty() {
        ui.label(cx.t(EMPTY));
        return;
    }
    egui::Panel::right("talent_map_lists")
        .resizable(false)
        .exact_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                // Both ranked by the size of the gap, so surpluses are drawn as positive bars.
                let ranked = |rows: Vec<crate::insight::SupplyDemand>| -> Vec<Row> {
                    rows.iter()
                        .map(|r| {
                            let label = r.key.label(lang);
                            Row {
                                label: label.to_owned(),
                                value: r.gap().unsigned_abs() as f64,
                                hover: format!("{label}: {:+}", r.gap()),
                            }
                        })
                        .collect()
                };
                ui.strong(cx.t(SHORTAGES));
                let shortages = ranked(insight.shortages(None, 10));
                let short = egui::Color32::from_rgb(215, 48, 39);
                charts::horizontal_bars(ui, "talent_shortages", &shortages, short, 100.0);
                ui.add_space(style::SPACE_SECTION);
                ui.strong(cx.t(SURPLUSES));
                let surpluses = ranked(insight.surpluses(None, 10));
                let plenty = egui::Color32::from_rgb(49, 130, 189);
                charts::horizontal_bars(ui, "talent_surpluses", &surpluses, plenty, 100.0);
            });
        });
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("talent_map_grid").spacing([2.0, 2.0]).show(ui, |ui| {
            ui.label("");
            for column in &map.columns {
                ui.label(egui::RichText::new(column.label(lang)).size(style::SMALL));
            }
            ui.end_row();
            for (row, group) in map.groups.iter().enumerate() {
                ui.label(group.label(lang));
                for (c, column) in map.columns.iter().enumerate() {
                    let cell = map.cell(row, c);
                    let text = cell.ratio().map_or_else(|| "—".to_owned(), |r| format!("{r:.2}"));
                    let fill = colour(&cell);
                    let ink = if fill.intensity() > 0.55 {
                        egui::Color32::BLACK
                    } else {
                        egui::Color32::WHITE
                    };
                    let selected = view.selected.as_ref() == Some(&(*group, column.clone()));
                    let button = egui::Button::new(egui::RichText::new(text).color(ink).size(style::SMALL))
                        .fill(fill)
                        .selected(selected)
                        .min_size(egui::vec2(64.0, 24.0));
                    let name = format!("{} × {}", group.label(lang), column.label(lang));
                    let response = ui.add(button);
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    let response = response.on_hover_text(format!(
                        "{name}\n{}: {}\n{}: {}\n{}: {}",
                        cx.t(OPENINGS),
                        cell.demand_openings,
                        cx.t(CANDIDATES),
                        cell.supply_candidates,
                        cx.t(RATIO),
                        cell.ratio().map_or_else(|| "—".to_owned(), |r| format!("{r:.2}")),
                    ));
                    if response.clicked() {
                        view.selected = Some((*group, column.clone()));
                        view.records = None;
                    }
                }
                ui.end_row();
            }
        });
        let Some((group, key)) = view.selected.clone() else {
            return;
        };
        let revision = app.revision();
        if view.records.as_ref().is_none_or(|(r, _, _)| *r != revision) {
            let positions = insight.positions_for(Some(group), &key);
            let candidates = insight.candidates_for(Some(group), &key);
            view.records = Some((revision, positions, candidates));
        }
        let Some((_, positions, candidates)) = &view.records else {
            return;
        };
        ui.add_space(style::SPACE_SECTION);
        ui.strong(format!("{} × {}", group.label(lang), key.label(lang)));
        ui.columns(2, |columns| {
            columns[0].strong(format!("{} ({})", cx.t(POSITIONS_BEHIND), positions.len()));
            for id in positions.iter().take(MAX_LISTED) {
                let Some(p) = app.position(id) else { continue };
                if columns[0].link(format!("{} — {} ({id})", p.title, p.booth)).clicked() {
                    cx.push(Command::JumpTo(Record::Position(id.clone())));
                }
            }
            columns[1].strong(format!("{} ({})", cx.t(CANDIDATES_BEHIND), candidates.len()));
            for id in candidates.iter().take(MAX_LISTED) {
                let Some(c) = app.candidate(id) else { continue };
                if columns[1].link(format!("{} ({id})", c.name)).clicked() {
                    cx.push(Command::JumpTo(Record::Candidate(id.clone())));
                }
            }
        });
    });
}

fn swatch(ui: &mut egui::Ui, fill: egui::Color32, label: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, fill);
    ui.label(egui::RichText::new(label).size(style::SMALL));
}

//! The organizer's landing view: the fair in figures, read from the `Insight` the app keeps
//! current, so a check-in at a desk moves the counters in the same frame.

use super::charts::{self, Row};
use super::command::{Command, ViewCtx};
use super::i18n::{Tr, tr};
use super::style;
use crate::app::Record;

pub const TITLE: Tr = tr("Dashboard", "概览");
const REGISTERED: Tr = tr("Registered", "报名");
const CHECKED_IN: Tr = tr("Checked in", "已签到");
const WALK_INS: Tr = tr("Walk-ins", "现场登记");
const VISITS: Tr = tr("Visits", "面谈");
const INTENTIONS: Tr = tr("Intentions", "意向");
const BOOTHS_ACTIVE: Tr = tr("Booths active", "有到访的展位");
const POSITIONS: Tr = tr("Positions", "岗位");
const FILLED: Tr = tr("Openings filled", "已招满名额");
const UNFILLED: Tr = tr("Openings unfilled", "未招满名额");
const CHECK_INS: Tr = tr("Check-ins per 15 minutes", "每 15 分钟签到人数");
const NO_CHECK_INS: Tr = tr("No check-ins yet.", "暂无签到。");
const FUNNEL: Tr = tr("Funnel", "求职漏斗");
const TOP_BOOTHS: Tr = tr(
    "Top 10 booths by visits (click to open)",
    "到访最多的 10 个展位（点击打开）",
);
const NO_VISITS: Tr = tr("No visits yet.", "暂无面谈。");
const INTERVIEWS: Tr = tr("Interviews scheduled", "已安排面试");
const PROJECTS_SIGNED: Tr = tr("Projects signed", "签约项目");
const UNFILLED_BY_INDUSTRY: Tr = tr("Unfilled openings by industry", "各行业未招满名额");

/// Room for a category's name beside its bar.
const LABEL_WIDTH: f32 = 150.0;

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let lang = cx.lang();
    let app = cx.app;
    let insight = app.insight();
    let headline = insight.headline();
    ui.heading(cx.t(TITLE));
    // A long bilingual fair name must not widen the view past a laptop's screen.
    ui.add(egui::Label::new(egui::RichText::new(&app.fair().meta.name).weak()).truncate());
    ui.add_space(style::SPACE_ROW);
    let mut tiles: Vec<(Tr, String)> = vec![
        (REGISTERED, headline.registered.to_string()),
        (CHECKED_IN, headline.checked_in.to_string()),
        (WALK_INS, headline.walk_ins.to_string()),
        (VISITS, headline.visits.to_string()),
        (INTENTIONS, headline.intentions.to_string()),
        (
            BOOTHS_ACTIVE,
            format!("{} / {}", headline.booths_active, headline.booths),
        ),
        (POSITIONS, headline.positions.to_string()),
        (FILLED, format!("{} / {}", headline.openings_filled, headline.openings)),
        (UNFILLED, headline.openings_unfilled.to_string()),
    ];
    // The timetable and the projects, for fairs that have them.
    let fair = app.fair();
    if !fair.interviews.is_empty() {
        tiles.push((INTERVIEWS, fair.interviews.len().to_string()));
    }
    if !fair.projects.is_empty() {
        let signed = fair
            .projects
            .iter()
            .filter(|p| p.status >= crate::model::ProjectStatus::IntentionSigned)
            .count();
        tiles.push((PROJECTS_SIGNED, format!("{signed} / {}", fair.projects.len())));
    }
    // Rows of as many tiles as fit: a frame does not wrap inside `horizontal_wrapped`, and an
    // overlong row would widen the whole view past the window.
    let per_row = ((ui.available_width() + 8.0) / TILE_WIDTH).floor().max(1.0) as usize;
    for row in tiles.chunks(per_row) {
        ui.horizontal(|ui| {
            for (label, value) in row {
                tile(ui, cx.t(*label), value);
            }
        });
    }
    ui.add_space(style::SPACE_SECTION);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.columns(2, |columns| {
            let left = &mut columns[0];
            left.strong(cx.t(CHECK_INS));
            let check_ins = insight.check_ins_per_quarter_hour();
            if check_ins.is_empty() {
                left.label(cx.t(NO_CHECK_INS));
            } else {
                check_ins_chart(left, &check_ins);
            }
            left.add_space(style::SPACE_SECTION);
            left.strong(cx.t(FUNNEL));
            let rows: Vec<Row> = insight
                .funnel()
                .stages()
                .into_iter()
                .map(|(stage, n)| row(stage.label(lang), u64::from(n)))
                .collect();
            charts::horizontal_bars(left, "dashboard_funnel", &rows, fill(left), LABEL_WIDTH);
            left.add_space(style::SPACE_SECTION);
            left.strong(cx.t(UNFILLED_BY_INDUSTRY));
            let mut industries = insight.industries();
            industries.retain(|r| r.unfilled() > 0);
            industries.sort_by_key(|r| std::cmp::Reverse(r.unfilled()));
            let rows: Vec<Row> = industries
                .iter()
                .map(|r| row(r.industry.label(lang), r.unfilled()))
                .collect();
            charts::horizontal_bars(left, "dashboard_unfilled", &rows, fill(left), LABEL_WIDTH);

            let right = &mut columns[1];
            right.strong(cx.t(TOP_BOOTHS));
            let top: Vec<_> = insight.top_booths(10).into_iter().filter(|b| b.visits > 0).collect();
            if top.is_empty() {
                right.label(cx.t(NO_VISITS));
                return;
            }
            let rows: Vec<Row> = top
                .iter()
                .map(|b| Row {
                    label: b.booth.to_string(),
                    value: f64::from(b.visits),
                    hover: format!("{} ({}): {}", b.employer, b.booth, b.visits),
                })
                .collect();
            let mut open = charts::horizontal_bars(right, "dashboard_top_booths", &rows, fill(right), 56.0);
            // The same booths as links: a bar is a small target, and a list reads aloud.
            for (i, b) in top.iter().enumerate() {
                let text = format!("{} ({}) — {}", b.employer, b.booth, b.visits);
                if right
                    .add(egui::Link::new(egui::RichText::new(text).size(style::SMALL)))
                    .clicked()
                {
                    open = Some(i);
                }
            }
            if let Some(b) = open.and_then(|i| top.get(i)) {
                cx.push(Command::JumpTo(Record::Booth(b.booth.clone())));
            }
        });
    });
}

fn row(label: &str, value: u64) -> Row {
    Row {
        label: label.to_owned(),
        value: value as f64,
        hover: format!("{label}: {value}"),
    }
}

fn fill(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().selection.bg_fill
}

/// One headline figure: the number large, its name small below.
/// A tile's width with its frame and the gap after it.
const TILE_WIDTH: f32 = 112.0;

fn tile(ui: &mut egui::Ui, label: &str, value: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_min_width(TILE_WIDTH - 20.0);
        ui.set_max_width(TILE_WIDTH - 20.0);
        ui.vertical(|ui| {
            let number = ui.label(egui::RichText::new(value).size(style::LARGE).strong());
            // One accessible name for the pair, so a screen reader (and a test) reads both.
            let name = format!("{label}: {value}");
            number.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            ui.label(egui::RichText::new(label).size(style::SMALL));
        });
    });
}

/// Check-ins per quarter hour as columns, the hours marked under them, each on hover.
fn check_ins_chart(ui: &mut egui::Ui, slots: &[(crate::model::LocalTime, u32)]) {
    let rows: Vec<Row> = slots
        .iter()
        .map(|(at, n)| Row {
            label: at.format("%H:%M").to_string(),
            value: f64::from(*n),
            hover: format!("{} — {n}", at.format("%m-%d %H:%M")),
        })
        .collect();
    let hours: Vec<usize> = (0..slots.len())
        .filter(|&i| slots[i].0.format("%M").to_string() == "00")
        .collect();
    // At most about eight hour marks, whatever the span.
    let every = hours.len().div_ceil(8).max(1);
    let marks: Vec<usize> = hours.into_iter().step_by(every).collect();
    charts::columns(ui, "dashboard_check_ins", &rows, &marks, fill(ui), 140.0);
}

//! The organizer's landing view: the fair in figures, read from the `Insight` the app keeps
//! current, so a check-in at a desk moves the counters in the same frame.

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
const UNFILLED_BY_INDUSTRY: Tr = tr("Unfilled openings by industry", "各行业未招满名额");

const BAR_HEIGHT: f32 = 18.0;
const LABEL_WIDTH: f32 = 170.0;

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let lang = cx.lang();
    let app = cx.app;
    let insight = app.insight();
    let headline = insight.headline();
    ui.heading(cx.t(TITLE));
    // A long bilingual fair name must not widen the view past a laptop's screen.
    ui.add(egui::Label::new(egui::RichText::new(&app.fair().meta.name).weak()).truncate());
    ui.add_space(style::SPACE_ROW);
    let tiles: [(Tr, String); 9] = [
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
    ui.horizontal_wrapped(|ui| {
        for (label, value) in tiles {
            tile(ui, cx.t(label), &value);
        }
    });
    ui.add_space(style::SPACE_SECTION);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.columns(2, |columns| {
            let left = &mut columns[0];
            left.strong(cx.t(CHECK_INS));
            let check_ins = insight.check_ins_per_quarter_hour();
            if check_ins.is_empty() {
                left.label(cx.t(NO_CHECK_INS));
            } else {
                columns_chart(left, &check_ins);
            }
            left.add_space(style::SPACE_SECTION);
            left.strong(cx.t(FUNNEL));
            let stages = insight.funnel().stages();
            let most = stages.iter().map(|(_, n)| u64::from(*n)).max().unwrap_or(0);
            for (stage, n) in stages {
                bar(left, stage.label(lang), u64::from(n), most);
            }
            left.add_space(style::SPACE_SECTION);
            left.strong(cx.t(UNFILLED_BY_INDUSTRY));
            let mut industries = insight.industries();
            industries.retain(|r| r.unfilled() > 0);
            industries.sort_by_key(|r| std::cmp::Reverse(r.unfilled()));
            let most = industries.first().map_or(0, |r| r.unfilled());
            for row in &industries {
                bar(left, row.industry.label(lang), row.unfilled(), most);
            }

            let right = &mut columns[1];
            right.strong(cx.t(TOP_BOOTHS));
            let top = insight.top_booths(10);
            if top.iter().all(|b| b.visits == 0) {
                right.label(cx.t(NO_VISITS));
            }
            let most = top.first().map_or(0, |b| u64::from(b.visits));
            for booth in top.iter().filter(|b| b.visits > 0) {
                let label = format!("{} ({})", booth.employer, booth.booth);
                if bar(right, &label, u64::from(booth.visits), most).clicked() {
                    cx.push(Command::JumpTo(Record::Booth(booth.booth.clone())));
                }
            }
        });
    });
}

/// One headline figure: the number large, its name small below.
fn tile(ui: &mut egui::Ui, label: &str, value: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_min_width(96.0);
        ui.vertical(|ui| {
            let number = ui.label(egui::RichText::new(value).size(style::LARGE).strong());
            // One accessible name for the pair, so a screen reader (and a test) reads both.
            let name = format!("{label}: {value}");
            number.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            ui.label(egui::RichText::new(label).size(style::SMALL));
        });
    });
}

/// A labelled horizontal bar, its length `value` of `most`; the whole row is clickable.
fn bar(ui: &mut egui::Ui, label: &str, value: u64, most: u64) -> egui::Response {
    let width = ui.available_width().max(LABEL_WIDTH + 80.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, BAR_HEIGHT + 2.0), egui::Sense::click());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let font = egui::FontId::proportional(style::SMALL);
    let label_rect = egui::Rect::from_min_size(rect.min, egui::vec2(LABEL_WIDTH, rect.height()));
    let label_painter = painter.with_clip_rect(label_rect);
    label_painter.text(
        label_rect.left_center(),
        egui::Align2::LEFT_CENTER,
        label,
        font.clone(),
        text_color,
    );
    let track = (rect.width() - LABEL_WIDTH - 60.0).max(10.0);
    let length = if most == 0 {
        0.0
    } else {
        track * value as f32 / most as f32
    };
    let bar = egui::Rect::from_min_size(
        egui::pos2(rect.left() + LABEL_WIDTH, rect.top() + 1.0),
        egui::vec2(length.max(1.0), BAR_HEIGHT),
    );
    let fill = if response.hovered() {
        visuals.selection.bg_fill
    } else {
        visuals.selection.bg_fill.gamma_multiply(0.7)
    };
    painter.rect_filled(bar, 2.0, fill);
    painter.text(
        egui::pos2(bar.right() + 6.0, rect.center().y),
        egui::Align2::LEFT_CENTER,
        value.to_string(),
        font,
        text_color,
    );
    response.on_hover_text(format!("{label}: {value}"))
}

/// Check-ins per quarter hour as columns, the busiest labelled, each on hover.
fn columns_chart(ui: &mut egui::Ui, slots: &[(crate::model::LocalTime, u32)]) {
    let height = 120.0;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height + 16.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let most = slots.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let step = width / slots.len() as f32;
    let fill = ui.visuals().selection.bg_fill;
    let text_color = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(style::SMALL);
    let hover = response.hover_pos();
    let mut hovered = None;
    for (i, (at, n)) in slots.iter().enumerate() {
        let left = rect.left() + i as f32 * step;
        let h = height * *n as f32 / most as f32;
        let column = egui::Rect::from_min_max(
            egui::pos2(left + 0.5, rect.top() + height - h),
            egui::pos2(left + (step - 1.0).max(1.0), rect.top() + height),
        );
        painter.rect_filled(column, 1.0, fill);
        // An hour mark under the first quarter of each hour, where it fits.
        if at.format("%M").to_string() == "00" && step * 4.0 > 36.0 {
            painter.text(
                egui::pos2(left, rect.top() + height + 2.0),
                egui::Align2::LEFT_TOP,
                at.format("%H:%M").to_string(),
                font.clone(),
                text_color,
            );
        }
        if hover.is_some_and(|p| p.x >= left && p.x < left + step) {
            hovered = Some(format!("{} — {n}", at.format("%m-%d %H:%M")));
        }
    }
    if let Some(text) = hovered {
        response.on_hover_text(text);
    }
}

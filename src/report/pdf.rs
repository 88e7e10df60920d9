//! The A4 PDF report: cover, headline figures, check-ins, funnel, supply and demand (heat map,
//! shortages, surpluses, every dimension), industries, zones, top booths, unfilled positions.

use std::sync::atomic::AtomicBool;

use crate::insight::{Insight, MapAxis};
use crate::model::{Fair, Lang};

use super::ReportError;
use super::charts;
use super::draw::{check, draw};
use super::fonts::Fonts;
use super::layout::{ACCENT, Align, BOTTOM, INK, LEFT, Layout, MUTED, RIGHT, TOP};
use super::tables::{Table, TableId, thousands};

/// Rows the PDF prints of the long tables (the workbook has them all).
const TOP_BOOTHS: usize = 20;
const UNFILLED: usize = 60;
const RANKED: usize = 15;

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn table(tables: &[Table], id: TableId) -> Option<&Table> {
    tables.iter().find(|t| t.id == id)
}

/// Lays out and writes the PDF; `progress` goes from 0.2 to 1.0 here.
pub fn render(
    fair: &Fair,
    insight: &Insight,
    tables: &[Table],
    fonts: &Fonts,
    lang: Lang,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Result<Vec<u8>, ReportError> {
    let mut layout = Layout::new(fonts);
    cover(&mut layout, fair, insight, lang);
    layout.new_page();
    overview(&mut layout, insight, lang);
    progress(0.3);
    check(cancel)?;

    let more = |n: usize| match lang {
        Lang::En => format!(
            "… and {} more rows in the workbook (--format xlsx).",
            thousands(n as i64)
        ),
        Lang::Zh => format!("…… 另有 {} 行，见 Excel 报表（--format xlsx）。", thousands(n as i64)),
    };
    layout.new_page();
    layout.heading(TableId::TalentMap.title(lang), 200.0);
    layout.paragraph(
        t(
            lang,
            "Openings per candidate by skill group (rows) and industry (columns): demand is the openings of \
             positions requiring a skill of the group, supply the candidates holding one who list the industry.",
            "按技能类别（行）与行业（列）统计的求人倍率：需求为要求该类技能的岗位招聘人数，供给为具备该类技能且意向该行业的求职人数。",
        ),
        8.5,
        false,
        MUTED,
    );
    let legend = match lang {
        Lang::En => [
            "surplus (below 1)",
            "balanced (1)",
            "shortage (above 1)",
            "openings, no candidate",
            "no openings",
        ],
        Lang::Zh => ["富余（小于1）", "平衡（1）", "紧缺（大于1）", "有需求无供给", "无需求"],
    };
    charts::heat_map(
        &mut layout,
        &insight.talent_map(MapAxis::Industry, usize::MAX),
        lang,
        legend,
    );
    for id in [TableId::Shortages, TableId::Surpluses] {
        if let Some(tab) = table(tables, id) {
            layout.subheading(id.title(lang), 60.0);
            layout.table(tab, RANKED, &more);
        }
    }
    progress(0.45);
    check(cancel)?;

    if let Some(tab) = table(tables, TableId::SupplyDemand) {
        layout.heading(TableId::SupplyDemand.title(lang), 80.0);
        layout.table(tab, usize::MAX, &more);
    }
    for (id, limit) in [
        (TableId::Industries, usize::MAX),
        (TableId::Zones, usize::MAX),
        (TableId::TopBooths, TOP_BOOTHS),
        (TableId::Unfilled, UNFILLED),
        (TableId::Projects, usize::MAX),
    ] {
        if let Some(tab) = table(tables, id).filter(|tab| !tab.rows.is_empty()) {
            layout.heading(id.title(lang), 80.0);
            layout.table(tab, limit, &more);
        }
    }
    progress(0.6);
    check(cancel)?;

    // The cover has no footer.
    layout.footers(&fair.meta.name, lang, 1);
    let pages = layout.pages;
    draw(&pages, fonts, &fair.meta.name, lang, progress, cancel)
}

fn cover(layout: &mut Layout, fair: &Fair, insight: &Insight, lang: Lang) {
    layout.y = TOP + 150.0;
    layout.text_at(
        LEFT,
        layout.y,
        12.0,
        true,
        ACCENT,
        Align::Left,
        t(lang, "Fair report", "招聘会数据报告"),
    );
    layout.y += 16.0;
    layout.line((LEFT, layout.y), (RIGHT, layout.y), 1.5, ACCENT);
    layout.y += 18.0;
    let name = if fair.meta.name.is_empty() {
        fair.meta.id.as_str()
    } else {
        &fair.meta.name
    };
    layout.paragraph(name, 22.0, true, INK);
    layout.y += 14.0;
    let m = &fair.meta;
    let dates = match (m.starts_on.as_str(), m.ends_on.as_str()) {
        ("", "") => String::new(),
        (a, b) if a == b || b.is_empty() => a.to_owned(),
        ("", b) => b.to_owned(),
        (a, b) => format!("{a} – {b}"),
    };
    for (label, value) in [
        (t(lang, "Dates", "日期"), dates),
        (t(lang, "Venue", "地点"), m.venue.clone()),
        (t(lang, "City", "城市"), m.city.clone()),
    ] {
        if value.is_empty() {
            continue;
        }
        layout.text_at(LEFT, layout.y + 11.0, 11.0, true, MUTED, Align::Left, label);
        let lines = layout.wrap(&value, 11.0, false, RIGHT - LEFT - 70.0);
        for line in lines {
            layout.text_at(LEFT + 70.0, layout.y + 11.0, 11.0, false, INK, Align::Left, &line);
            layout.y += 17.0;
        }
        layout.y += 4.0;
    }
    let h = insight.headline();
    layout.y += 24.0;
    let summary = match lang {
        Lang::En => format!(
            "{} registered · {} checked in · {} booth visits · {} positions · {} openings",
            thousands(h.registered.into()),
            thousands(h.checked_in.into()),
            thousands(h.visits.into()),
            thousands(h.positions.into()),
            thousands(h.openings as i64),
        ),
        Lang::Zh => format!(
            "报名 {} 人 · 签到 {} 人 · 展位到访 {} 人次 · 岗位 {} 个 · 招聘 {} 人",
            thousands(h.registered.into()),
            thousands(h.checked_in.into()),
            thousands(h.visits.into()),
            thousands(h.positions.into()),
            thousands(h.openings as i64),
        ),
    };
    layout.paragraph(&summary, 10.5, false, INK);
    layout.y = BOTTOM - 90.0;
    layout.paragraph(
        t(
            lang,
            "About the figures: an intention is a visit whose next step is an interview, an offer or a hire. \
             An opening is filled by a hire (not withdrawn) naming its position, or by a hire at the booth \
             naming none; offers do not fill openings. Supply counts candidates who list the industry or \
             city, hold a skill of the group, meet the education minimum or accept the work mode; the \
             ratio is openings per candidate.",
            "说明：意向指下一步为面试、录用意向或签约的到访记录。签约（未撤回）且注明岗位的，计入该岗位已招人数；未注明岗位的，计入该展位尚未招满的岗位。录用意向不计入已招。供给为意向该行业或城市、具备该类技能、达到学历要求或接受该工作方式的求职人数；求人倍率为招聘人数与求职人数之比。",
        ),
        8.0,
        false,
        MUTED,
    );
}

fn overview(layout: &mut Layout, insight: &Insight, lang: Lang) {
    let h = insight.headline();
    layout.heading(TableId::Headline.title(lang), 120.0);
    let n = |v: u64| thousands(i64::try_from(v).unwrap_or(i64::MAX));
    let tiles = [
        (t(lang, "Registered", "报名人数"), n(h.registered.into())),
        (t(lang, "Checked in", "签到人数"), n(h.checked_in.into())),
        (t(lang, "Walk-ins", "现场报名"), n(h.walk_ins.into())),
        (t(lang, "Booth visits", "展位到访"), n(h.visits.into())),
        (t(lang, "Visited a booth", "到访人数"), n(h.visitors.into())),
        (t(lang, "Intentions", "达成意向"), n(h.intentions.into())),
        (t(lang, "Hired", "签约人数"), n(h.hired.into())),
        (
            t(lang, "Booths with visits", "有到访展位"),
            format!("{} / {}", n(h.booths_active.into()), n(h.booths.into())),
        ),
        (t(lang, "Positions", "岗位"), n(h.positions.into())),
        (t(lang, "Openings", "招聘人数"), n(h.openings)),
        (t(lang, "Openings filled", "已招"), n(h.openings_filled)),
        (t(lang, "Openings unfilled", "未招满"), n(h.openings_unfilled)),
    ];
    let tiles: Vec<(String, String)> = tiles.into_iter().map(|(l, v)| (l.to_owned(), v)).collect();
    charts::tiles(layout, &tiles);

    layout.subheading(t(lang, "Outcomes by next step", "到访后续结果"), 30.0);
    let outcomes: Vec<String> = h
        .outcomes
        .iter()
        .map(|(step, count)| format!("{} {}", step.label(lang), thousands((*count).into())))
        .chain(std::iter::once(format!(
            "{} {}",
            t(lang, "withdrawn", "已撤回"),
            thousands(h.withdrawn.into())
        )))
        .collect();
    layout.paragraph(&outcomes.join("  ·  "), 9.5, false, INK);
    layout.y += 6.0;

    layout.subheading(TableId::CheckIns.title(lang), 150.0);
    charts::check_ins(
        layout,
        &insight.check_ins_per_quarter_hour(),
        t(lang, "No check-ins yet.", "暂无签到。"),
    );
    layout.subheading(TableId::Funnel.title(lang), 150.0);
    charts::funnel(layout, &insight.funnel(), lang);
}

//! The report's tables, built once from an [`Insight`] in one language; the PDF draws them and
//! the workbook writes one sheet per table, so both carry the same figures.

use crate::insight::{Insight, MapAxis, SupplyDemand};
use crate::model::{Fair, Lang, ProjectStatus};

/// Which table; fixes its sheet name and the PDF section it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableId {
    Headline,
    Funnel,
    CheckIns,
    SupplyDemand,
    Shortages,
    Surpluses,
    TalentMap,
    Industries,
    Zones,
    TopBooths,
    Unfilled,
    Projects,
}

impl TableId {
    pub const ALL: [TableId; 12] = [
        TableId::Headline,
        TableId::Funnel,
        TableId::CheckIns,
        TableId::SupplyDemand,
        TableId::Shortages,
        TableId::Surpluses,
        TableId::TalentMap,
        TableId::Industries,
        TableId::Zones,
        TableId::TopBooths,
        TableId::Unfilled,
        TableId::Projects,
    ];

    /// Title, also the worksheet's name (at most 31 characters, none of `[]:*?/\`).
    pub fn title(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            TableId::Headline => ("Headline figures", "总体数据"),
            TableId::Funnel => ("Funnel", "转化漏斗"),
            TableId::CheckIns => ("Check-ins per 15 minutes", "每15分钟签到"),
            TableId::SupplyDemand => ("Supply and demand", "供需对比"),
            TableId::Shortages => ("Largest shortages", "人才紧缺"),
            TableId::Surpluses => ("Largest surpluses", "人才富余"),
            TableId::TalentMap => ("Talent map", "人才地图"),
            TableId::Industries => ("Industries", "行业"),
            TableId::Zones => ("Zones", "展区"),
            TableId::TopBooths => ("Top booths", "热门展位"),
            TableId::Unfilled => ("Unfilled positions", "未招满岗位"),
            TableId::Projects => ("Projects", "项目"),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A cell's value; numbers stay numbers in the workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    /// A ratio or mean, shown with two decimals.
    Real(f64),
    Empty,
}

impl Value {
    /// As the PDF prints it: thousands separated, two decimals for reals, `–` for none.
    pub fn display(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Int(n) => thousands(*n),
            Value::Real(x) => format!("{x:.2}"),
            Value::Empty => "–".to_owned(),
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Real(_) | Value::Empty)
    }
}

/// `12345678` → `12,345,678`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn int(n: impl Into<i64>) -> Value {
    Value::Int(n.into())
}

fn big(n: u64) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn real(x: Option<f64>) -> Value {
    x.map_or(Value::Empty, Value::Real)
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: TableId,
    pub columns: Vec<String>,
    /// Relative column widths for the PDF.
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<Value>>,
}

fn pick(lang: Lang, en: &'static str, zh: &'static str) -> String {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
    .to_owned()
}

/// Every table of the report, in [`TableId::ALL`] order, each complete (the PDF shortens some).
pub fn build(fair: &Fair, insight: &Insight, lang: Lang) -> Vec<Table> {
    let t = |en, zh| pick(lang, en, zh);
    let h = insight.headline();
    let mut headline = vec![
        (t("Registered candidates", "报名人数"), int(h.registered)),
        (t("Checked in", "签到人数"), int(h.checked_in)),
        (t("Walk-ins", "现场报名"), int(h.walk_ins)),
        (t("Booth visits", "展位到访"), int(h.visits)),
        (t("Candidates who visited a booth", "到访展位人数"), int(h.visitors)),
        (t("Intentions (interview, offer, hire)", "达成意向"), int(h.intentions)),
    ];
    for (step, count) in &h.outcomes {
        headline.push((
            format!("{} · {}", t("Next step", "后续"), step.label(lang)),
            int(*count),
        ));
    }
    headline.extend([
        (t("Withdrawn", "已撤回"), int(h.withdrawn)),
        (t("Booths", "展位"), int(h.booths)),
        (t("Booths with visits", "有到访的展位"), int(h.booths_active)),
        (t("Positions", "岗位"), int(h.positions)),
        (t("Openings", "招聘人数"), big(h.openings)),
        (t("Openings filled", "已招满"), big(h.openings_filled)),
        (t("Openings unfilled", "未招满"), big(h.openings_unfilled)),
        (
            t("Interviews scheduled", "已安排面试"),
            big(fair.interviews.len() as u64),
        ),
        (t("Projects", "项目"), big(fair.projects.len() as u64)),
        (
            t("Projects signed (intention or contract)", "签约项目（意向或合同）"),
            big(fair
                .projects
                .iter()
                .filter(|p| p.status >= ProjectStatus::IntentionSigned)
                .count() as u64),
        ),
        (
            t("Projects landed", "落地项目"),
            big(fair
                .projects
                .iter()
                .filter(|p| p.status == ProjectStatus::Landed)
                .count() as u64),
        ),
        (t("Candidates hired", "签约人数"), int(h.hired)),
    ]);
    let headline = Table {
        id: TableId::Headline,
        columns: vec![t("Figure", "指标"), t("Value", "数值")],
        widths: vec![3.0, 1.0],
        rows: headline.into_iter().map(|(k, v)| vec![text(k), v]).collect(),
    };

    let funnel = insight.funnel();
    let stages = funnel.stages();
    let percent = |n: u32, of: u32| (of > 0).then(|| 100.0 * f64::from(n) / f64::from(of));
    let funnel = Table {
        id: TableId::Funnel,
        columns: vec![
            t("Stage", "阶段"),
            t("Candidates", "人数"),
            t("% of registered", "占报名 %"),
            t("% of previous", "占上一阶段 %"),
        ],
        widths: vec![2.0, 1.0, 1.0, 1.0],
        rows: stages
            .iter()
            .enumerate()
            .map(|(i, &(stage, n))| {
                let previous = if i == 0 { n } else { stages[i - 1].1 };
                vec![
                    text(stage.label(lang)),
                    int(n),
                    real(percent(n, funnel.registered)),
                    real(percent(n, previous)),
                ]
            })
            .collect(),
    };

    let mut running = 0i64;
    let check_ins = Table {
        id: TableId::CheckIns,
        columns: vec![t("From", "时段起"), t("Check-ins", "签到"), t("Cumulative", "累计")],
        widths: vec![2.0, 1.0, 1.0],
        rows: insight
            .check_ins_per_quarter_hour()
            .into_iter()
            .map(|(at, n)| {
                running += i64::from(n);
                vec![text(at.format("%Y-%m-%d %H:%M").to_string()), int(n), int(running)]
            })
            .collect(),
    };

    let supply_columns = |extra: bool| {
        let mut columns = vec![
            t("Dimension", "维度"),
            t("Key", "类别"),
            t("Openings", "需求(岗位人数)"),
            t("Positions", "岗位数"),
            t("Candidates", "供给(人数)"),
            t("Ratio", "求人倍率"),
        ];
        if extra {
            columns.push(t("Gap", "缺口"));
        }
        columns
    };
    let supply_row = |r: &SupplyDemand, extra: bool| {
        let mut row = vec![
            text(r.dimension().label(lang)),
            text(r.key.label(lang)),
            big(r.demand_openings),
            int(r.demand_positions),
            int(r.supply_candidates),
            real(r.ratio()),
        ];
        if extra {
            row.push(int(r.gap().abs()));
        }
        row
    };
    let supply_demand = Table {
        id: TableId::SupplyDemand,
        columns: supply_columns(false),
        widths: vec![1.1, 2.2, 1.2, 1.0, 1.2, 1.2],
        rows: insight
            .all_supply_demand()
            .iter()
            .map(|r| supply_row(r, false))
            .collect(),
    };
    let shortages = Table {
        id: TableId::Shortages,
        columns: supply_columns(true),
        widths: vec![1.1, 2.2, 1.2, 1.0, 1.2, 1.2, 1.0],
        rows: insight
            .shortages(None, 20)
            .iter()
            .map(|r| supply_row(r, true))
            .collect(),
    };
    let surpluses = Table {
        id: TableId::Surpluses,
        columns: supply_columns(true),
        widths: shortages.widths.clone(),
        rows: insight
            .surpluses(None, 20)
            .iter()
            .map(|r| supply_row(r, true))
            .collect(),
    };

    let map = insight.talent_map(MapAxis::Industry, usize::MAX);
    let mut talent_rows = Vec::new();
    for (g, group) in map.groups.iter().enumerate() {
        for (k, key) in map.columns.iter().enumerate() {
            let cell = map.cell(g, k);
            if cell.demand_positions == 0 && cell.supply_candidates == 0 {
                continue;
            }
            talent_rows.push(vec![
                text(group.label(lang)),
                text(key.label(lang)),
                big(cell.demand_openings),
                int(cell.demand_positions),
                int(cell.supply_candidates),
                real(cell.ratio()),
            ]);
        }
    }
    let talent_map = Table {
        id: TableId::TalentMap,
        columns: vec![
            t("Skill group", "技能类别"),
            t("Industry", "行业"),
            t("Openings", "需求(岗位人数)"),
            t("Positions", "岗位数"),
            t("Candidates", "供给(人数)"),
            t("Ratio", "求人倍率"),
        ],
        widths: vec![1.5, 1.8, 1.2, 1.0, 1.2, 1.2],
        rows: talent_rows,
    };

    let industries = Table {
        id: TableId::Industries,
        columns: vec![
            t("Industry", "行业"),
            t("Booths", "展位"),
            t("Visits", "到访"),
            t("Positions", "岗位"),
            t("Openings", "招聘人数"),
            t("Filled", "已招"),
            t("Unfilled", "未招满"),
            t("Candidates", "求职人数"),
            t("Ratio", "求人倍率"),
        ],
        widths: vec![2.2, 0.8, 0.9, 0.9, 1.0, 0.8, 1.0, 1.0, 1.0],
        rows: insight
            .industries()
            .iter()
            .map(|r| {
                vec![
                    text(r.industry.label(lang)),
                    int(r.booths),
                    int(r.visits),
                    int(r.positions),
                    big(r.openings),
                    big(r.filled),
                    big(r.unfilled()),
                    int(r.supply_candidates),
                    real(r.ratio()),
                ]
            })
            .collect(),
    };

    let no_zone = t("(no zone)", "(未分区)");
    let zones = Table {
        id: TableId::Zones,
        columns: vec![
            t("Zone", "展区"),
            t("Booths", "展位"),
            t("With visits", "有到访"),
            t("Visits", "到访"),
            t("Visitors", "到访人数"),
            t("Mean rating", "平均评分"),
            t("Intentions", "意向"),
            t("Openings", "招聘人数"),
            t("Unfilled", "未招满"),
        ],
        widths: vec![2.4, 0.8, 0.9, 0.8, 0.9, 0.9, 0.8, 1.0, 0.9],
        rows: insight
            .zones()
            .iter()
            .filter(|z| z.booths > 0)
            .map(|z| {
                vec![
                    text(if z.name.is_empty() {
                        no_zone.clone()
                    } else {
                        z.name.clone()
                    }),
                    int(z.booths),
                    int(z.booths_active),
                    int(z.visits),
                    int(z.visitors),
                    real(z.average_rating()),
                    int(z.intentions),
                    big(z.openings),
                    big(z.unfilled()),
                ]
            })
            .collect(),
    };

    let zone_names = insight.zones();
    let top_booths = Table {
        id: TableId::TopBooths,
        columns: vec![
            t("Booth", "展位"),
            t("Employer", "单位"),
            t("Zone", "展区"),
            t("Visits", "到访"),
            t("Visitors", "到访人数"),
            t("Mean rating", "平均评分"),
            t("Intentions", "意向"),
            t("Hires", "签约"),
        ],
        widths: vec![0.8, 2.6, 1.8, 0.7, 0.8, 0.8, 0.7, 0.6],
        rows: insight
            .top_booths(usize::MAX)
            .iter()
            .filter(|b| b.visits > 0)
            .map(|b| {
                vec![
                    text(b.booth.as_str()),
                    text(b.employer.clone()),
                    text(zone_names.get(b.zone).map_or("", |z| z.name.as_str())),
                    int(b.visits),
                    int(b.visitors),
                    real(b.average_rating()),
                    int(b.intentions),
                    int(b.hires),
                ]
            })
            .collect(),
    };

    let unfilled = Table {
        id: TableId::Unfilled,
        columns: vec![
            t("Position", "岗位编号"),
            t("Title", "岗位"),
            t("Employer", "单位"),
            t("Booth", "展位"),
            t("Industry", "行业"),
            t("City", "城市"),
            t("Openings", "招聘人数"),
            t("Filled", "已招"),
            t("Unfilled", "未招满"),
        ],
        widths: vec![1.0, 2.0, 2.4, 0.8, 1.6, 0.8, 0.8, 0.6, 0.8],
        rows: insight
            .unfilled_positions(fair, usize::MAX)
            .iter()
            .map(|u| {
                vec![
                    text(u.id.as_str()),
                    text(u.title.clone()),
                    text(u.employer.clone()),
                    text(u.booth.as_str()),
                    text(u.industry.label(lang)),
                    text(u.city.clone()),
                    int(u.openings),
                    int(u.filled),
                    int(u.unfilled()),
                ]
            })
            .collect(),
    };

    let projects = projects_table(fair, lang);
    vec![
        headline,
        funnel,
        check_ins,
        supply_demand,
        shortages,
        surpluses,
        talent_map,
        industries,
        zones,
        top_booths,
        unfilled,
        projects,
    ]
}

/// Every project with its status and the counterparty and amount of the step that got it there.
fn projects_table(fair: &Fair, lang: Lang) -> Table {
    let t = |en, zh| pick(lang, en, zh);
    let employer = |id: &crate::model::BoothId| {
        fair.booths
            .iter()
            .find(|b| &b.id == id)
            .map_or_else(|| id.to_string(), |b| b.employer.clone())
    };
    Table {
        id: TableId::Projects,
        columns: vec![
            t("Project", "项目"),
            t("Lead", "负责人"),
            t("Industry", "行业"),
            t("Stage", "阶段"),
            t("Status", "进度"),
            t("Counterparty", "对接方"),
            t("Amount (10k CNY)", "金额（万元）"),
        ],
        widths: vec![2.4, 0.9, 1.4, 0.9, 1.1, 2.2, 0.9],
        rows: fair
            .projects
            .iter()
            .map(|p| {
                let last = p.steps.iter().rev().find(|s| s.status == p.status);
                vec![
                    text(p.title.clone()),
                    text(p.lead.clone()),
                    text(p.industry.label(lang)),
                    text(p.stage.label(lang)),
                    text(p.status.label(lang)),
                    last.and_then(|s| s.counterparty.as_ref())
                        .map_or(Value::Empty, |b| text(employer(b))),
                    last.and_then(|s| s.amount_wan).map_or(Value::Empty, int),
                ]
            })
            .collect(),
    }
}

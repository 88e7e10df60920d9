//! Booths: table and editor. Deleting a booth with positions asks what to do with them.

use super::command::{Command, ViewCtx};
use super::i18n::Tr;
use super::page::RecordPage;
use super::table::{ColumnDef, FilterSet};
use super::{Dialog, EditorState, i18n};
use crate::app::{AppState, BoothPositions, Column, Edit, Record, Selection, Table, field};
use crate::model::{Booth, BoothId, EmployerKind, FloorSpot, Industry, InterviewHours, Lang};
use chrono::Timelike;

const COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        column: Column::Id,
        title: i18n::BOOTH_NUMBER,
        width: 70.0,
        grow: false,
        keep: 0,
    },
    ColumnDef {
        column: Column::Employer,
        title: i18n::EMPLOYER,
        width: 180.0,
        grow: true,
        keep: 0,
    },
    ColumnDef {
        column: Column::Industry,
        title: i18n::INDUSTRY,
        width: 140.0,
        grow: false,
        keep: 2,
    },
    ColumnDef {
        column: Column::Zone,
        title: i18n::ZONE,
        width: 140.0,
        grow: true,
        keep: 1,
    },
    ColumnDef {
        column: Column::Kind,
        title: i18n::KIND,
        width: 80.0,
        grow: false,
        keep: 3,
    },
];

fn cell(app: &AppState, index: usize, column: Column) -> String {
    let lang = app.prefs().lang;
    let Some(b) = app.fair().booths.get(index) else {
        return String::new();
    };
    match column {
        Column::Id => b.id.to_string(),
        Column::Employer => b.employer.clone(),
        Column::Industry => b.industry.label(lang).to_owned(),
        Column::Zone => b.zone.clone(),
        Column::Kind => b.employer_kind.label(lang).to_owned(),
        _ => String::new(),
    }
}

/// The booths screen on the shared record page.
pub struct Page;

impl RecordPage for Page {
    type Id = BoothId;
    const TABLE: Table = Table::Booths;
    const TITLE: Tr = i18n::BOOTHS;
    const ADD_LABEL: Tr = i18n::ADD_BOOTH;
    const FILTERS: FilterSet = FilterSet {
        industry: true,
        zone: true,
        education: false,
        tier: false,
        city: false,
        checked_in: false,
    };
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    const KEY: &'static str = "booth";
    const EDITOR_WIDTH: (f32, f32) = (420.0, 320.0);
    fn selected(selection: &Selection) -> &Option<BoothId> {
        &selection.booth
    }
    fn cell(app: &AppState, row: usize, column: Column) -> String {
        cell(app, row, column)
    }
    fn add(cx: &mut ViewCtx) {
        add(cx, None)
    }
    fn editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &BoothId) {
        booth_editor(ui, cx, editor, id)
    }
}

fn add(cx: &mut ViewCtx, template: Option<Booth>) {
    let id = BoothId::new(cx.app.fresh_id(Table::Booths, "B"));
    let value = match template {
        Some(mut copy) => {
            copy.id = id.clone();
            copy.floor = None;
            copy
        }
        None => Booth {
            id: id.clone(),
            employer: cx.t(i18n::NEW_EMPLOYER).to_owned(),
            employer_kind: EmployerKind::Enterprise,
            industry: Industry::Software,
            zone: cx.app.fair().meta.zones.first().cloned().unwrap_or_default(),
            floor: None,
            staff: Vec::new(),
            interviews: None,
        },
    };
    cx.push(Command::Apply(Edit::AddBooth { value, at: None }));
    cx.push(Command::JumpTo(Record::Booth(id)));
}

fn booth_editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &BoothId) {
    let Some(original) = cx.app.booth(id).cloned() else {
        return;
    };
    let lang = cx.lang();
    let positions: Vec<(crate::model::PositionId, String)> = cx
        .app
        .fair()
        .positions
        .iter()
        .filter(|p| p.booth == *id)
        .map(|p| (p.id.clone(), format!("{} · {} ×{}", p.title, p.id, p.openings)))
        .collect();
    ui.horizontal(|ui| {
        ui.heading(&original.employer);
        if ui.button(cx.t(i18n::DUPLICATE)).clicked() {
            add(cx, Some(original.clone()));
        }
        if ui.button(cx.t(i18n::DELETE)).clicked() {
            let has_visits = cx.app.fair().visits.iter().any(|v| v.booth == *id);
            // A booth with visits is refused by the app (shown in the error panel): no question.
            if positions.is_empty() || has_visits {
                cx.push(Command::Apply(Edit::DeleteBooth {
                    id: id.clone(),
                    positions: BoothPositions::Delete,
                }));
            } else {
                cx.push(Command::Dialog(Dialog::DeleteBooth {
                    id: id.clone(),
                    move_to: None,
                }));
            }
        }
    });
    let mut draft = original.clone();
    let say = |text: Tr| text.get(lang).to_owned();
    let employer_problem = draft.employer.trim().is_empty().then(|| say(i18n::EMPLOYER_REQUIRED));
    let salt = format!("booth:{}", cx.app.index().booths.get(id).copied().unwrap_or_default());
    let taken = &cx.app.index().booths;
    let taken_message = cx.t(i18n::ID_TAKEN).to_owned();
    let mut form = editor.form(lang, salt);
    let mut floor = draft.floor.unwrap_or_default();
    let mut placed = draft.floor.is_some();
    ui.vertical(|ui| {
        form.id_text(ui, field::ID, &mut draft.id.0, |typed| {
            taken.contains_key(&BoothId::new(typed)).then(|| taken_message.clone())
        });
        form.text(ui, field::EMPLOYER, &mut draft.employer, employer_problem);
        form.choice(
            ui,
            field::EMPLOYER_KIND,
            &mut draft.employer_kind,
            EmployerKind::ALL,
            |v| v.label(lang),
        );
        form.choice(ui, field::INDUSTRY, &mut draft.industry, Industry::ALL, |v| {
            v.label(lang)
        });
        form.text(ui, field::ZONE, &mut draft.zone, None);
        let placed_text = i18n::PLACED_ON_FLOOR.get(lang);
        form.check(ui, field::FLOOR, &mut placed, placed_text);
        if placed {
            form.number(ui, FLOOR_X, &mut floor.x, 0.0..=10_000.0, None);
            form.number(ui, FLOOR_Y, &mut floor.y, 0.0..=10_000.0, None);
        }
        form.list(ui, field::STAFF, &mut draft.staff);
        interview_hours(ui, &mut form, &mut draft, cx.app, lang);
    });
    let hours_changed = matches!(form.changed, Some(f) if [INTERVIEWS_FROM, INTERVIEWS_TO, INTERVIEWERS].contains(&f));
    if hours_changed {
        form.changed = Some(field::INTERVIEW_HOURS);
    }
    let floor_changed = matches!(form.changed, Some(f) if f == FLOOR_X || f == FLOOR_Y);
    if floor_changed {
        form.changed = Some(field::FLOOR);
    }
    draft.floor = placed.then_some(FloorSpot { x: floor.x, y: floor.y });
    if let Some(changed) = form.changed
        && draft != original
        && !draft.id.0.trim().is_empty()
    {
        // A changed id keeps the booth selected (the app follows the rename).
        cx.push(Command::Apply(Edit::SetBooth {
            id: id.clone(),
            value: draft,
            field: changed,
        }));
    }
    fitting_projects(ui, cx, id, lang);
    ui.separator();
    ui.strong(format!("{} ({})", cx.t(i18n::POSITIONS), positions.len()));
    for (pid, text) in positions {
        if ui.link(text).clicked() {
            cx.push(Command::JumpTo(Record::Position(pid)));
        }
    }
}

/// The projects that count this booth among their best counterparties, with why.
fn fitting_projects(ui: &mut egui::Ui, cx: &mut ViewCtx, id: &BoothId, lang: Lang) {
    if cx.app.fair().projects.is_empty() {
        return;
    }
    let matches = cx.app.project_matches();
    let fitting = matches.top_projects(id);
    if fitting.is_empty() {
        return;
    }
    ui.separator();
    ui.strong(format!("{} ({})", cx.t(i18n::PROJECTS_THAT_FIT), fitting.len()));
    for m in fitting.iter().take(5) {
        let title = cx
            .app
            .project(&m.project)
            .map_or_else(|| m.project.to_string(), |p| p.title.clone());
        let reasons: Vec<String> = m.reasons.iter().map(|r| r.describe(lang)).collect();
        ui.label(format!("{:.0}  {title}", m.score))
            .on_hover_text(reasons.join(lang.pick("; ", "；")));
    }
}

/// Interview hours: on or off, from, to, interviewers at once. Hours are on the day they
/// already name, else the fair's first day.
fn interview_hours(ui: &mut egui::Ui, form: &mut super::widgets::Form, draft: &mut Booth, app: &AppState, lang: Lang) {
    let day = draft
        .interviews
        .map(|h| h.start.date())
        .or_else(|| chrono::NaiveDate::parse_from_str(app.fair().meta.starts_on.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut on = draft.interviews.is_some();
    form.check(ui, field::INTERVIEW_HOURS, &mut on, i18n::HOLDS_INTERVIEWS.get(lang));
    if !on {
        draft.interviews = None;
        return;
    }
    let at = |minutes: u32| day.and_hms_opt(minutes / 60, minutes % 60, 0).unwrap_or_default();
    let minutes = |t: crate::model::LocalTime| t.time().hour() * 60 + t.time().minute();
    let mut hours = draft.interviews.unwrap_or(InterviewHours {
        start: at(13 * 60),
        end: at(16 * 60),
        interviewers: 1,
        slot_minutes: None,
    });
    let (mut from, mut to) = (minutes(hours.start), minutes(hours.end));
    form.time_of_day(ui, INTERVIEWS_FROM, &mut from);
    form.time_of_day(ui, INTERVIEWS_TO, &mut to);
    form.number(ui, INTERVIEWERS, &mut hours.interviewers, 1..=50, None);
    // Inside one day, and at least five minutes long: 23:59 + 5 would not be a time.
    let from = from.min(24 * 60 - 6);
    hours.start = at(from);
    hours.end = at(to.clamp(from + 5, 24 * 60 - 1));
    draft.interviews = Some(hours);
}

const INTERVIEWS_FROM: crate::app::Field = crate::app::Field {
    en: "interviews from",
    zh: "面试开始",
};
const INTERVIEWS_TO: crate::app::Field = crate::app::Field {
    en: "interviews until",
    zh: "面试结束",
};
const INTERVIEWERS: crate::app::Field = crate::app::Field {
    en: "interviewers at once",
    zh: "同时面试场数",
};

const FLOOR_X: crate::app::Field = crate::app::Field {
    en: "x (m)",
    zh: "横坐标（米）",
};
const FLOOR_Y: crate::app::Field = crate::app::Field {
    en: "y (m)",
    zh: "纵坐标（米）",
};

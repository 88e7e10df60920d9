//! Positions: table, editor, and the selected position's best candidates.

use super::command::{Command, ViewCtx};
use super::i18n::Tr;
use super::page::RecordPage;
use super::table::{ColumnDef, FilterSet};
use super::{EditorState, i18n, match_panel};
use crate::app::{AppState, Column, Edit, Field, Record, Selection, Table, field};
use crate::model::{BoothId, Education, Industry, Position, PositionId, SalaryRange, WorkMode};

const COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        column: Column::Name,
        title: i18n::TITLE,
        width: 140.0,
        grow: true,
        keep: 0,
    },
    ColumnDef {
        column: Column::Id,
        title: i18n::ID,
        width: 70.0,
        grow: false,
        keep: 0,
    },
    ColumnDef {
        column: Column::Employer,
        title: i18n::EMPLOYER,
        width: 130.0,
        grow: true,
        keep: 0,
    },
    ColumnDef {
        column: Column::Openings,
        title: i18n::OPENINGS,
        width: 64.0,
        grow: false,
        keep: 1,
    },
    ColumnDef {
        column: Column::Education,
        title: i18n::EDUCATION,
        width: 70.0,
        grow: false,
        keep: 3,
    },
    ColumnDef {
        column: Column::Salary,
        title: i18n::SALARY,
        width: 90.0,
        grow: false,
        keep: 2,
    },
    ColumnDef {
        column: Column::City,
        title: i18n::CITY,
        width: 60.0,
        grow: false,
        keep: 2,
    },
    ColumnDef {
        column: Column::Industry,
        title: i18n::INDUSTRY,
        width: 90.0,
        grow: false,
        keep: 4,
    },
];

fn cell(app: &AppState, index: usize, column: Column) -> String {
    let lang = app.prefs().lang;
    let Some(p) = app.fair().positions.get(index) else {
        return String::new();
    };
    match column {
        Column::Name => p.title.clone(),
        Column::Id => p.id.to_string(),
        Column::Employer => app
            .booth(&p.booth)
            .map_or_else(|| p.booth.to_string(), |b| format!("{} {}", b.id, b.employer)),
        Column::Openings => p.openings.to_string(),
        Column::Education => p.min_education.label(lang).to_owned(),
        Column::Salary => match p.salary {
            Some(s) => format!("{}–{}", s.min, s.max),
            None => i18n::NEGOTIABLE.get(lang).into(),
        },
        Column::City => p.city.clone(),
        Column::Industry => p.industry.label(lang).to_owned(),
        _ => String::new(),
    }
}

/// The positions screen on the shared record page, with the position's best candidates.
pub struct Page;

impl RecordPage for Page {
    type Id = PositionId;
    const TABLE: Table = Table::Positions;
    const TITLE: Tr = i18n::POSITIONS;
    const ADD_LABEL: Tr = i18n::ADD_POSITION;
    const FILTERS: FilterSet = FilterSet {
        industry: true,
        zone: true,
        education: true,
        tier: false,
        city: true,
        checked_in: false,
    };
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    const KEY: &'static str = "position";
    fn selected(selection: &Selection) -> &Option<PositionId> {
        &selection.position
    }
    fn cell(app: &AppState, row: usize, column: Column) -> String {
        cell(app, row, column)
    }
    fn add(cx: &mut ViewCtx) {
        add(cx, None)
    }
    fn editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &PositionId) {
        position_editor(ui, cx, editor, id)
    }
    const HAS_MATCH_PANEL: bool = true;
    fn match_panel(ui: &mut egui::Ui, cx: &mut ViewCtx, id: &PositionId) {
        match_panel::for_position(ui, cx, id)
    }
}

fn add(cx: &mut ViewCtx, template: Option<Position>) {
    let app = cx.app;
    let id = PositionId::new(app.fresh_id(Table::Positions, "P"));
    let booth = app
        .selection()
        .booth
        .clone()
        .or_else(|| app.fair().booths.first().map(|b| b.id.clone()))
        .unwrap_or_default();
    let industry = app.booth(&booth).map_or(Industry::Software, |b| b.industry);
    let value = match template {
        Some(mut copy) => {
            copy.id = id.clone();
            copy
        }
        None => Position {
            id: id.clone(),
            booth,
            title: cx.t(i18n::NEW_POSITION).to_owned(),
            openings: 1,
            required_skills: Vec::new(),
            preferred_skills: Vec::new(),
            min_education: Education::Bachelor,
            min_experience_years: 0,
            salary: None,
            city: app.fair().meta.city.clone(),
            work_mode: WorkMode::OnSite,
            industry,
            description: String::new(),
        },
    };
    cx.push(Command::Apply(Edit::AddPosition { value, at: None }));
    cx.push(Command::JumpTo(Record::Position(id)));
}

fn position_editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &PositionId) {
    let app = cx.app;
    let Some(original) = app.position(id).cloned() else {
        return;
    };
    let lang = cx.lang();
    ui.horizontal(|ui| {
        ui.heading(&original.title);
        if ui.button(cx.t(i18n::DUPLICATE)).clicked() {
            add(cx, Some(original.clone()));
        }
        if ui.button(cx.t(i18n::DELETE)).clicked() {
            // Visits naming the position are booth staff's records: ask before detaching them.
            if app.fair().visits.iter().any(|v| v.position.as_ref() == Some(id)) {
                cx.push(Command::Dialog(super::Dialog::DeletePosition { id: id.clone() }));
            } else {
                cx.push(Command::Apply(Edit::DeletePosition { id: id.clone() }));
            }
        }
    });
    let mut draft = original.clone();
    let say = |text: Tr| text.get(lang).to_owned();
    let title_problem = draft.title.trim().is_empty().then(|| say(i18n::TITLE_REQUIRED));
    let booth_problem = (!app.index().booths.contains_key(&draft.booth)).then(|| say(i18n::NO_SUCH_BOOTH));
    let openings_problem = (draft.openings == 0).then(|| say(i18n::AT_LEAST_ONE_OPENING));
    let salary_problem = draft.salary.filter(|s| s.min > s.max).map(|_| say(i18n::MIN_ABOVE_MAX));
    let booths: Vec<(BoothId, String)> = app
        .fair()
        .booths
        .iter()
        .map(|b| (b.id.clone(), format!("{} {}", b.id, b.employer)))
        .collect();
    let add_skill = cx.t(i18n::ADD_SKILL);
    let salt = format!(
        "position:{}",
        app.index().positions.get(id).copied().unwrap_or_default()
    );
    let taken = &app.index().positions;
    let taken_message = cx.t(i18n::ID_TAKEN).to_owned();
    let mut form = editor.form(lang, salt);
    let (mut salary_min, mut salary_max) = match draft.salary {
        Some(s) => (Some(s.min), Some(s.max)),
        None => (None, None),
    };
    ui.vertical(|ui| {
        form.text(ui, field::TITLE, &mut draft.title, title_problem);
        form.id_text(ui, field::ID, &mut draft.id.0, |typed| {
            taken
                .contains_key(&PositionId::new(typed))
                .then(|| taken_message.clone())
        });
        // The booth: a menu of existing booths, so the reference is always valid.
        // Styled like the form's own labels (strong, label above input).
        ui.add_space(super::style::SPACE_TIGHT);
        let label = ui.label(egui::RichText::new(super::widgets::field_label(field::BOOTH, lang)).strong());
        let before = draft.booth.clone();
        let selected = booths
            .iter()
            .find(|(b, _)| *b == draft.booth)
            .map_or_else(|| draft.booth.to_string(), |(_, t)| t.clone());
        ui.vertical(|ui| {
            let combo = egui::ComboBox::from_id_salt("position_booth")
                .selected_text(selected)
                .width(240.0)
                .show_ui(ui, |ui| {
                    for (booth, text) in &booths {
                        ui.selectable_value(&mut draft.booth, booth.clone(), text);
                    }
                });
            combo.response.labelled_by(label.id);
            if let Some(problem) = &booth_problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
        });
        if draft.booth != before {
            form.changed = Some(field::BOOTH);
        }
        form.number(ui, field::OPENINGS, &mut draft.openings, 0..=10_000, openings_problem);
        form.skills(ui, field::REQUIRED_SKILLS, &mut draft.required_skills, add_skill);
        form.skills(ui, field::PREFERRED_SKILLS, &mut draft.preferred_skills, add_skill);
        form.choice(
            ui,
            field::MIN_EDUCATION,
            &mut draft.min_education,
            Education::ALL,
            |v| v.label(lang),
        );
        form.number(ui, field::MIN_EXPERIENCE, &mut draft.min_experience_years, 0..=40, None);
        form.opt_number(ui, SALARY_MIN, &mut salary_min, salary_problem);
        form.opt_number(ui, SALARY_MAX, &mut salary_max, None);
        form.text(ui, field::CITY, &mut draft.city, None);
        form.choice(ui, field::WORK_MODE, &mut draft.work_mode, WorkMode::ALL, |v| {
            v.label(lang)
        });
        form.choice(ui, field::INDUSTRY, &mut draft.industry, Industry::ALL, |v| {
            v.label(lang)
        });
        form.multiline(ui, field::DESCRIPTION, &mut draft.description);
    });
    if form.changed == Some(SALARY_MAX) || form.changed == Some(SALARY_MIN) {
        form.changed = Some(field::SALARY);
    }
    // Both bounds or neither: an empty bound means negotiable (面议).
    draft.salary = match (salary_min, salary_max) {
        (Some(min), Some(max)) => Some(SalaryRange { min, max }),
        (Some(v), None) | (None, Some(v)) if form.changed == Some(field::SALARY) => {
            Some(SalaryRange { min: v, max: v })
        }
        _ => None,
    };
    if let Some(changed) = form.changed
        && draft != original
        && !draft.id.0.trim().is_empty()
    {
        // A changed id keeps the position selected (the app follows the rename).
        cx.push(Command::Apply(Edit::SetPosition {
            id: id.clone(),
            value: draft,
            field: changed,
        }));
    }
}

/// The salary is two inputs with their own labels; either change is a change of `salary`.
const SALARY_MIN: Field = Field {
    en: "salary from (CNY/month)",
    zh: "最低月薪（元）",
};
const SALARY_MAX: Field = Field {
    en: "salary up to (CNY/month)",
    zh: "最高月薪（元）",
};

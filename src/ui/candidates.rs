//! Candidates: table, editor, and the selected candidate's best positions.

use super::command::{Command, ViewCtx};
use super::i18n::Tr;
use super::page::RecordPage;
use super::table::{ColumnDef, FilterSet};
use super::{EditorState, i18n, match_panel};
use crate::app::search::{Query, SearchField, candidate_hits};
use crate::app::{AppState, Column, Edit, Record, Selection, Table, field};
use crate::model::{Candidate, CandidateId, Education, Industry, Lang, TalentTier, WorkMode};

const COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        column: Column::Name,
        title: i18n::NAME,
        width: 110.0,
        grow: true,
        keep: 0,
    },
    ColumnDef {
        column: Column::Id,
        title: i18n::ID,
        width: 80.0,
        grow: false,
        keep: 0,
    },
    ColumnDef {
        column: Column::Education,
        title: i18n::EDUCATION,
        width: 80.0,
        grow: false,
        keep: 2,
    },
    ColumnDef {
        column: Column::Experience,
        title: i18n::YEARS,
        width: 50.0,
        grow: false,
        keep: 3,
    },
    ColumnDef {
        column: Column::Tier,
        title: i18n::TIER,
        width: 110.0,
        grow: false,
        keep: 3,
    },
    ColumnDef {
        column: Column::City,
        title: i18n::CITY,
        width: 110.0,
        grow: true,
        keep: 1,
    },
    ColumnDef {
        column: Column::Salary,
        title: i18n::EXPECTED_SALARY,
        width: 80.0,
        grow: false,
        keep: 4,
    },
    ColumnDef {
        column: Column::CheckedIn,
        title: i18n::CHECKED_IN,
        width: 60.0,
        grow: false,
        keep: 1,
    },
];

fn cell(app: &AppState, index: usize, column: Column) -> String {
    let lang = app.prefs().lang;
    let Some(c) = app.fair().candidates.get(index) else {
        return String::new();
    };
    match column {
        Column::Name => c.name.clone(),
        Column::Id => c.id.to_string(),
        Column::Education => c.education.label(lang).to_owned(),
        Column::Experience => c.experience_years.to_string(),
        Column::Tier => c.tier.label(lang).to_owned(),
        Column::City => c.cities.join(", "),
        Column::Salary => c.expected_salary.map(|s| s.to_string()).unwrap_or_default(),
        Column::CheckedIn => c
            .checked_in
            .map(|t| t.format("%m-%d %H:%M").to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The candidates screen on the shared record page, with the candidate's best positions.
pub struct Page;

impl RecordPage for Page {
    type Id = CandidateId;
    const TABLE: Table = Table::Candidates;
    const TITLE: Tr = i18n::CANDIDATES;
    const ADD_LABEL: Tr = i18n::ADD_CANDIDATE;
    const FILTERS: FilterSet = FilterSet {
        industry: true,
        zone: false,
        education: true,
        tier: true,
        city: true,
        checked_in: true,
    };
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    const KEY: &'static str = "candidate";
    fn selected(selection: &Selection) -> &Option<CandidateId> {
        &selection.candidate
    }
    fn cell(app: &AppState, row: usize, column: Column) -> String {
        cell(app, row, column)
    }
    fn search_note(app: &AppState, row: usize, query: &Query) -> Option<String> {
        let c = app.fair().candidates.get(row)?;
        let lang = app.prefs().lang;
        // Name and id are columns of the table; any other field that matched is named.
        let hidden: Vec<String> = candidate_hits(c, query)
            .into_iter()
            .filter(|(field, _)| !matches!(field, SearchField::Name | SearchField::Id))
            .map(|(field, text)| {
                let text = match field {
                    SearchField::Phone => app.shown_phone(&text),
                    SearchField::Email => app.shown_email(&text),
                    _ => text,
                };
                format!("{} {text}", field.label(lang))
            })
            .collect();
        (!hidden.is_empty()).then(|| hidden.join(" · "))
    }
    fn add(cx: &mut ViewCtx) {
        add(cx, None)
    }
    fn editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &CandidateId) {
        candidate_editor(ui, cx, editor, id)
    }
    const HAS_MATCH_PANEL: bool = true;
    fn match_panel(ui: &mut egui::Ui, cx: &mut ViewCtx, id: &CandidateId) {
        match_panel::for_candidate(ui, cx, id)
    }
}

fn add(cx: &mut ViewCtx, template: Option<Candidate>) {
    let id = CandidateId::new(cx.app.fresh_id(Table::Candidates, "C"));
    let value = match template {
        Some(mut copy) => {
            copy.id = id.clone();
            copy.badge.clear();
            copy.checked_in = None;
            copy
        }
        None => Candidate::blank(id.clone(), cx.t(i18n::NEW_CANDIDATE)),
    };
    cx.push(Command::Apply(Edit::AddCandidate {
        value,
        at: None,
        visits: Vec::new(),
    }));
    cx.push(Command::JumpTo(Record::Candidate(id)));
}

fn candidate_editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &CandidateId) {
    let app = cx.app;
    let Some(original) = app.candidate(id).cloned() else {
        return;
    };
    let lang = cx.lang();
    ui.horizontal(|ui| {
        ui.heading(&original.name);
        if ui.button(cx.t(i18n::DUPLICATE)).clicked() {
            add(cx, Some(original.clone()));
        }
        if ui.button(cx.t(i18n::DELETE)).clicked() {
            cx.push(Command::Apply(Edit::DeleteCandidate { id: id.clone() }));
        }
        if ui.button(cx.t(i18n::ERASE)).clicked() {
            cx.push(Command::Dialog(crate::ui::Dialog::Erase { id: id.clone() }));
        }
    });
    let mut draft = original.clone();
    let add_skill = cx.t(i18n::ADD_SKILL);
    let problems = Problems::of(&draft, lang);
    let salt = format!(
        "candidate:{}",
        app.index().candidates.get(id).copied().unwrap_or_default()
    );
    let taken = &app.index().candidates;
    let taken_message = cx.t(i18n::ID_TAKEN).to_owned();
    // By row, not id, so typing a new id keeps the focus.
    let mut form = editor.form(lang, salt);
    ui.vertical(|ui| {
        form.text(ui, field::NAME, &mut draft.name, problems.name);
        form.id_text(ui, field::ID, &mut draft.id.0, |typed| {
            taken
                .contains_key(&CandidateId::new(typed))
                .then(|| taken_message.clone())
        });
        if app.contacts_shown() {
            form.text(ui, field::PHONE, &mut draft.phone, problems.phone);
            form.text(ui, field::EMAIL, &mut draft.email, problems.email);
        } else {
            let why = i18n::CONTACTS_MASKED.get(lang);
            form.masked(ui, field::PHONE, &app.shown_phone(&draft.phone), why);
            form.masked(ui, field::EMAIL, &app.shown_email(&draft.email), why);
        }
        form.choice(ui, field::EDUCATION, &mut draft.education, Education::ALL, |v| {
            v.label(lang)
        });
        form.text(ui, field::SCHOOL, &mut draft.school, None);
        form.text(ui, field::MAJOR, &mut draft.major, None);
        form.opt_number(ui, field::GRADUATION_YEAR, &mut draft.graduation_year, problems.year);
        form.number(ui, field::EXPERIENCE, &mut draft.experience_years, 0..=60, None);
        form.skills(ui, field::SKILLS, &mut draft.skills, add_skill);
        form.opt_number(ui, field::EXPECTED_SALARY, &mut draft.expected_salary, None);
        form.list(ui, field::CITIES, &mut draft.cities);
        form.set(ui, field::INDUSTRIES, &mut draft.industries, Industry::ALL, |v| {
            v.label(lang)
        });
        form.set(ui, field::WORK_MODES, &mut draft.work_modes, WorkMode::ALL, |v| {
            v.label(lang)
        });
        form.choice(ui, field::TIER, &mut draft.tier, TalentTier::ALL, |v| v.label(lang));
        form.text(ui, field::HOMETOWN, &mut draft.hometown, None);
        let consent_text = i18n::CONSENT_TEXT.get(lang);
        form.check(ui, field::CONSENT, &mut draft.consent, consent_text);
        form.text(ui, field::BADGE, &mut draft.badge, None);
        let mut checked = draft.checked_in.is_some();
        let when = match (draft.checked_in, lang) {
            (Some(t), _) => t.format("%Y-%m-%d %H:%M").to_string(),
            (None, Lang::En) => "not checked in".to_owned(),
            (None, Lang::Zh) => "未签到".to_owned(),
        };
        form.check(ui, field::CHECKED_IN, &mut checked, &when);
        if checked != draft.checked_in.is_some() {
            draft.checked_in = checked.then(|| chrono::Local::now().naive_local());
        }
    });
    if let Some(changed) = form.changed
        && draft != original
        && !(draft.id != *id && draft.id.0.trim().is_empty())
    {
        // A changed id keeps the candidate selected (the app follows the rename).
        cx.push(Command::Apply(Edit::SetCandidate {
            id: id.clone(),
            value: draft,
            field: changed,
        }));
    }
}

/// Field problems shown next to the inputs.
struct Problems {
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    year: Option<String>,
}

impl Problems {
    fn of(c: &Candidate, lang: Lang) -> Self {
        let say = |text: Tr| Some(text.get(lang).to_owned());
        let digits = c.phone.chars().filter(char::is_ascii_digit).count();
        Self {
            name: c.name.trim().is_empty().then(|| say(i18n::NAME_REQUIRED)).flatten(),
            phone: (!c.phone.is_empty() && !(7..=15).contains(&digits))
                .then(|| say(i18n::PHONE_DIGITS))
                .flatten(),
            email: (!c.email.is_empty() && !c.email.contains('@'))
                .then(|| say(i18n::EMAIL_NEEDS_AT))
                .flatten(),
            year: c
                .graduation_year
                .filter(|y| !(1950..=2100).contains(y))
                .and_then(|_| say(i18n::YEAR_RANGE)),
        }
    }
}

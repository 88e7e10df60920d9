//! The project and session editors beside the Projects view's pipeline and sessions list:
//! every field, records picked from the fair (team, counterparty, hosts, invitees), New and
//! Delete. Each change is one `Edit` (keystrokes in one field merge into one undo step).

use crate::app::{AppState, Edit, Field, field};
use crate::model::{
    BoothId, CandidateId, Industry, Lang, Project, ProjectId, ProjectSeeks, ProjectStage, ProjectStatus, ProjectStep,
    Session, SessionId, SessionKind,
};
use crate::ui::command::{Command, ViewCtx};
use crate::ui::i18n::{self, Tr};
use crate::ui::widgets::Form;
use crate::ui::{EditorState, style};

/// A new project, added at the end and returned so the view selects it.
pub fn new_project(cx: &mut ViewCtx) -> ProjectId {
    let id = cx.app.fresh_project_id();
    let value = Project {
        id: id.clone(),
        title: cx.t(i18n::NEW_PROJECT_TITLE).to_owned(),
        lead: String::new(),
        team: Vec::new(),
        industry: cx.app.fair().booths.first().map_or(Industry::Software, |b| b.industry),
        fields: Vec::new(),
        stage: ProjectStage::Idea,
        seeks: ProjectSeeks::default(),
        cities: Vec::new(),
        status: ProjectStatus::Registered,
        steps: Vec::new(),
        description: String::new(),
    };
    cx.push(Command::Apply(Edit::AddProject { value, at: None }));
    id
}

/// A new session of an hour, at 14:00 on the fair's first day, returned so the view selects it.
pub fn new_session(cx: &mut ViewCtx) -> SessionId {
    let id = cx.app.fresh_session_id();
    let day = chrono::NaiveDate::parse_from_str(cx.app.fair().meta.starts_on.trim(), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::Local::now().date_naive());
    let start = day.and_hms_opt(14, 0, 0).unwrap_or_default();
    let value = Session {
        id: id.clone(),
        title: cx.t(i18n::NEW_SESSION_TITLE).to_owned(),
        kind: SessionKind::Docking,
        room: String::new(),
        start,
        end: start + chrono::Duration::hours(1),
        capacity: 30,
        hosts: Vec::new(),
        invitees: Vec::new(),
        projects: Vec::new(),
        attended: Vec::new(),
    };
    cx.push(Command::Apply(Edit::AddSession { value, at: None }));
    id
}

pub fn project_editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &ProjectId) {
    let Some(original) = cx.app.project(id).cloned() else {
        return;
    };
    let lang = cx.lang();
    let app = cx.app;
    heading(ui, cx, &original.title, Edit::DeleteProject { id: id.clone() });
    let mut draft = original.clone();
    let title_problem = draft
        .title
        .trim()
        .is_empty()
        .then(|| i18n::PROJECT_TITLE_REQUIRED.get(lang).to_owned());
    let mut form = editor.form(lang, format!("project:{id}"));
    form.text(ui, field::PROJECT_TITLE, &mut draft.title, title_problem);
    form.text(ui, field::LEAD, &mut draft.lead, None);
    form.picks(
        ui,
        field::TEAM,
        &mut draft.team,
        |c| candidate_name(app, c),
        |q| find_candidates(app, q),
    );
    form.choice(ui, field::INDUSTRY, &mut draft.industry, Industry::ALL, |v| {
        v.label(lang)
    });
    form.skills(ui, field::TECH_FIELDS, &mut draft.fields, i18n::ADD_FIELD.get(lang));
    form.choice(ui, field::STAGE, &mut draft.stage, ProjectStage::ALL, |v| v.label(lang));
    form.opt_number(ui, field::INVESTMENT, &mut draft.seeks.investment_wan, None);
    let seeks = &mut draft.seeks;
    form.checks(
        ui,
        field::SEEKS,
        &mut [
            (&mut seeks.site, field_text(lang, SITE)),
            (&mut seeks.partners, field_text(lang, PARTNERS)),
            (&mut seeks.pilot_customers, field_text(lang, PILOTS)),
        ],
    );
    form.list(ui, field::CITIES, &mut draft.cities);
    let mut status = draft.status;
    form.choice(ui, field::STATUS, &mut status, ProjectStatus::ALL, |v| v.label(lang));
    if status != draft.status {
        draft = moved(&draft, status);
    }
    if let Some(step) = draft.steps.iter_mut().rev().find(|s| s.status == draft.status) {
        counterparty(ui, &mut form, app, step);
        form.opt_number(ui, field::AMOUNT, &mut step.amount_wan, None);
    }
    form.multiline(ui, field::PROJECT_DESCRIPTION, &mut draft.description);
    if let Some(changed) = form.changed
        && draft != original
    {
        cx.push(Command::Apply(Edit::SetProject {
            id: id.clone(),
            value: draft,
            field: changed,
        }));
    }
}

/// The counterparty of the project's current step: at most one booth.
fn counterparty(ui: &mut egui::Ui, form: &mut Form, app: &AppState, step: &mut ProjectStep) {
    let mut chosen: Vec<BoothId> = step.counterparty.iter().cloned().collect();
    form.picks(
        ui,
        field::COUNTERPARTY,
        &mut chosen,
        |b| booth_name(app, b),
        |q| find_booths(app, q),
    );
    // A newly picked booth replaces the one there was.
    step.counterparty = chosen.pop();
}

pub fn session_editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &SessionId) {
    let Some(original) = cx.app.session(id).cloned() else {
        return;
    };
    let lang = cx.lang();
    let app = cx.app;
    heading(ui, cx, &original.title, Edit::DeleteSession { id: id.clone() });
    let mut draft = original.clone();
    let say = |text: Tr| Some(text.get(lang).to_owned());
    let title_problem = draft
        .title
        .trim()
        .is_empty()
        .then(|| say(i18n::SESSION_TITLE_REQUIRED))
        .flatten();
    let end_problem = (draft.end <= draft.start)
        .then(|| say(i18n::END_BEFORE_START))
        .flatten();
    let (invited, over) = (draft.seats_taken(), draft.over_capacity());
    let seats_problem = (over > 0).then(|| i18n::OVER_SEATS.fill(lang, &[("invited", &invited), ("over", &over)]));
    let mut form = editor.form(lang, format!("session:{id}"));
    form.text(ui, field::SESSION_TITLE, &mut draft.title, title_problem);
    form.choice(ui, field::SESSION_KIND, &mut draft.kind, SessionKind::ALL, |v| {
        v.label(lang)
    });
    form.text(ui, field::ROOM, &mut draft.room, None);
    form.date_time(ui, field::START, &mut draft.start, None);
    form.date_time(ui, field::END, &mut draft.end, end_problem);
    form.number(ui, field::CAPACITY, &mut draft.capacity, 0..=100_000, seats_problem);
    form.picks(
        ui,
        field::HOSTS,
        &mut draft.hosts,
        |b| booth_name(app, b),
        |q| find_booths(app, q),
    );
    form.picks(
        ui,
        field::SESSION_PROJECTS,
        &mut draft.projects,
        |p| app.project(p).map_or_else(|| p.to_string(), |p| p.title.clone()),
        |q| find_projects(app, q),
    );
    form.picks(
        ui,
        field::INVITEES,
        &mut draft.invitees,
        |c| candidate_name(app, c),
        |q| find_candidates(app, q),
    );
    if let Some(changed) = form.changed
        && draft != original
    {
        cx.push(Command::Apply(Edit::SetSession {
            id: id.clone(),
            value: draft,
            field: changed,
        }));
    }
}

fn heading(ui: &mut egui::Ui, cx: &mut ViewCtx, title: &str, delete: Edit) {
    ui.horizontal(|ui| {
        ui.add(egui::Label::new(egui::RichText::new(title).size(style::LARGE)).truncate());
        if ui.button(cx.t(i18n::DELETE)).clicked() {
            cx.push(Command::Apply(delete));
        }
    });
}

/// The project at `status`, with a step that says when it got there; the counterparty and
/// amount of its last step carry over (edited in the project's editor when they change).
pub fn moved(project: &Project, status: ProjectStatus) -> Project {
    let mut value = project.clone();
    let last = project.steps.last();
    value.status = status;
    if status == ProjectStatus::Registered {
        value.steps.clear();
    } else {
        value.steps.retain(|s| s.status < status);
        value.steps.push(ProjectStep {
            status,
            at: crate::ui::checkin::now(),
            counterparty: last.and_then(|s| s.counterparty.clone()),
            amount_wan: last.and_then(|s| s.amount_wan),
        });
    }
    value
}

const SITE: Field = Field {
    en: "a site",
    zh: "场地",
};
const PARTNERS: Field = Field {
    en: "partners",
    zh: "合作伙伴",
};
const PILOTS: Field = Field {
    en: "pilot customers",
    zh: "试点客户",
};

fn field_text(lang: Lang, field: Field) -> &'static str {
    lang.pick(field.en, field.zh)
}

fn candidate_name(app: &AppState, id: &CandidateId) -> String {
    app.candidate(id)
        .map_or_else(|| id.to_string(), |c| format!("{} {id}", c.name))
}

fn booth_name(app: &AppState, id: &BoothId) -> String {
    app.booth(id)
        .map_or_else(|| id.to_string(), |b| format!("{id} {}", b.employer))
}

/// Candidates by name, badge, phone digits or id (as the desks find them).
fn find_candidates(app: &AppState, query: &str) -> Vec<(CandidateId, String)> {
    let candidates = &app.fair().candidates;
    // The desks' lookup finds an exact id too, once.
    app.desk_lookup(query)
        .into_iter()
        .take(12)
        .map(|m| candidates[m.index].id.clone())
        .map(|id| {
            let name = candidate_name(app, &id);
            (id, name)
        })
        .collect()
}

/// Booths whose number or employer contains what was typed.
fn find_booths(app: &AppState, query: &str) -> Vec<(BoothId, String)> {
    let query = query.to_lowercase();
    app.fair()
        .booths
        .iter()
        .filter(|b| b.id.as_str().to_lowercase().contains(&query) || b.employer.to_lowercase().contains(&query))
        .take(12)
        .map(|b| (b.id.clone(), booth_name(app, &b.id)))
        .collect()
}

fn find_projects(app: &AppState, query: &str) -> Vec<(ProjectId, String)> {
    let query = query.to_lowercase();
    app.fair()
        .projects
        .iter()
        .filter(|p| p.id.as_str().to_lowercase().contains(&query) || p.title.to_lowercase().contains(&query))
        .take(12)
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect()
}

//! Sessions (docking sessions, roadshows, interview blocks), a tab of the Projects view: the
//! list with capacity warnings, a session's hosts, projects and invitees, inviting the hosts'
//! best candidates, and check-in at the session's door.

use super::command::{Command, ViewCtx};
use super::i18n::{Tr, tr};
use super::{EditorState, style};
use crate::app::{Edit, Record, field};
use crate::model::{CandidateId, Lang, Session, SessionId};

const NO_SESSIONS: Tr = tr(
    "This fair has no sessions: add one with New session.",
    "本招聘会暂无对接会或路演：点击“新建对接会”添加。",
);
const SEATS: Tr = tr(
    "{invited} invited / {capacity} seats",
    "已邀请 {invited} / 座位 {capacity}",
);
const OVER: Tr = tr("over capacity by {count}", "超出 {count} 人");
const ATTENDED: Tr = tr("{count} attended", "到场 {count} 人");
const HOSTS: Tr = tr("Hosts", "主办展位");
const PROJECTS: Tr = tr("Projects", "项目");
const INVITEES: Tr = tr("Invitees (tick who came)", "受邀人（勾选到场者）");
const INVITE_BEST: Tr = tr("Invite the hosts' best candidates", "邀请主办展位最匹配的人选");
const INVITE_HELP: Tr = tr(
    "Adds the best-matching candidates of the hosts' positions, up to the seats left.",
    "按主办展位岗位的匹配度添加人选，直至座位用完。",
);
const DOOR: Tr = tr(
    "Check in at the door: name, badge or phone digits",
    "入场签到：姓名、胸卡号或手机尾号",
);

#[derive(Debug, Clone, Default)]
pub struct SessionsState {
    pub selected: Option<SessionId>,
    pub door: String,
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, state: &mut SessionsState, editor: &mut EditorState) {
    let lang = cx.lang();
    let sessions = &cx.app.fair().sessions;
    if sessions.is_empty() {
        ui.label(cx.t(NO_SESSIONS));
        return;
    }
    if let Some(id) = state.selected.clone() {
        egui::Panel::right("session_editor")
            .default_size(320.0)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("session_editor_scroll")
                    .show(ui, |ui| super::projects::editor::session_editor(ui, cx, editor, &id));
            });
    }
    let sessions = &cx.app.fair().sessions;
    egui::Grid::new("sessions").striped(true).show(ui, |ui| {
        for session in sessions {
            let selected = state.selected.as_ref() == Some(&session.id);
            if ui.selectable_label(selected, &session.title).clicked() {
                state.selected = Some(session.id.clone());
            }
            ui.label(session.kind.label(lang));
            ui.label(&session.room);
            ui.label(format!(
                "{}–{}",
                session.start.format("%m-%d %H:%M"),
                session.end.format("%H:%M")
            ));
            seats(ui, session, lang);
            ui.label(ATTENDED.fill(lang, &[("count", &session.attended.len())]));
            ui.end_row();
        }
    });
    ui.separator();
    let Some(session) = state
        .selected
        .as_ref()
        .and_then(|id| sessions.iter().find(|s| &s.id == id))
        .cloned()
    else {
        return;
    };
    detail(ui, cx, state, &session);
}

fn seats(ui: &mut egui::Ui, session: &Session, lang: Lang) {
    let invited = session.invitees.len();
    let capacity = session.capacity as usize;
    let text = SEATS.fill(lang, &[("invited", &invited), ("capacity", &capacity)]);
    if capacity > 0 && invited > capacity {
        let over = OVER.fill(lang, &[("count", &(invited - capacity))]);
        ui.colored_label(ui.visuals().error_fg_color, format!("{text} · {over}"));
    } else {
        ui.label(text);
    }
}

fn detail(ui: &mut egui::Ui, cx: &mut ViewCtx, state: &mut SessionsState, session: &Session) {
    let lang = cx.lang();
    ui.label(egui::RichText::new(&session.title).size(style::LARGE));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", cx.t(HOSTS)));
        for host in &session.hosts {
            let employer = cx.app.booth(host).map_or(String::new(), |b| b.employer.clone());
            if ui.link(format!("{host} {employer}")).clicked() {
                cx.push(Command::JumpTo(Record::Booth(host.clone())));
            }
        }
    });
    if !session.projects.is_empty() {
        let titles: Vec<String> = session
            .projects
            .iter()
            .map(|p| cx.app.project(p).map_or_else(|| p.to_string(), |p| p.title.clone()))
            .collect();
        ui.label(format!("{}: {}", cx.t(PROJECTS), titles.join(lang.pick(", ", "、"))));
    }
    let seats_left = (session.capacity as usize).saturating_sub(session.invitees.len());
    let invite = ui
        .add_enabled(
            seats_left > 0 || session.capacity == 0,
            egui::Button::new(cx.t(INVITE_BEST)),
        )
        .on_hover_text(cx.t(INVITE_HELP));
    if invite.clicked() {
        let mut value = session.clone();
        let limit = if session.capacity == 0 { 20 } else { seats_left };
        for candidate in hosts_best(cx, session).into_iter().take(limit) {
            value.invitees.push(candidate);
        }
        cx.push(Command::Apply(Edit::SetSession {
            id: session.id.clone(),
            value,
            field: field::INVITEES,
        }));
    }
    door(ui, cx, state, session);
    ui.add_space(style::SPACE_ROW);
    ui.label(egui::RichText::new(cx.t(INVITEES)).strong());
    egui::ScrollArea::vertical()
        .id_salt("session_invitees")
        .max_height(220.0)
        .show(ui, |ui| {
            for candidate in &session.invitees {
                let name = cx
                    .app
                    .candidate(candidate)
                    .map_or_else(|| candidate.to_string(), |c| c.name.clone());
                let mut came = session.attended.contains(candidate);
                if ui.checkbox(&mut came, format!("{name} {candidate}")).changed() {
                    cx.push(Command::Apply(Edit::SetSession {
                        id: session.id.clone(),
                        value: attendance(session, candidate, came),
                        field: field::ATTENDANCE,
                    }));
                }
            }
        });
}

/// The candidates the hosts' positions rank best, not yet invited, best first.
fn hosts_best(cx: &ViewCtx, session: &Session) -> Vec<CandidateId> {
    let app = cx.app;
    let mut scored: Vec<(f32, CandidateId)> = app
        .fair()
        .positions
        .iter()
        .filter(|p| session.hosts.contains(&p.booth))
        .flat_map(|p| {
            app.matcher()
                .top_candidates(&p.id)
                .iter()
                .map(|s| (s.score, s.candidate.clone()))
        })
        .filter(|(_, c)| !session.invitees.contains(c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut seen = std::collections::HashSet::new();
    scored
        .into_iter()
        .map(|(_, c)| c)
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// The session with `candidate` marked as come (and invited) or not.
fn attendance(session: &Session, candidate: &CandidateId, came: bool) -> Session {
    let mut value = session.clone();
    value.attended.retain(|c| c != candidate);
    if came {
        value.attended.push(candidate.clone());
        if !value.invitees.contains(candidate) {
            value.invitees.push(candidate.clone());
        }
    }
    value
}

/// Selects the first session when none (or one since deleted) is. Called before the New
/// session button, whose session exists only once the frame's commands are applied.
pub fn keep_selection(app: &crate::app::AppState, state: &mut SessionsState) {
    let sessions = &app.fair().sessions;
    if state
        .selected
        .as_ref()
        .is_none_or(|id| !sessions.iter().any(|s| &s.id == id))
    {
        state.selected = sessions.first().map(|s| s.id.clone());
    }
}

/// Check-in at the session's door: Enter marks the first person found as come.
fn door(ui: &mut egui::Ui, cx: &mut ViewCtx, state: &mut SessionsState, session: &Session) {
    let label = ui.label(cx.t(DOOR));
    let response = ui
        .add(egui::TextEdit::singleline(&mut state.door))
        .labelled_by(label.id);
    let found = if state.door.trim().is_empty() {
        Vec::new()
    } else {
        cx.app.desk_lookup(&state.door)
    };
    let first = found.first().map(|m| cx.app.fair().candidates[m.index].id.clone());
    let mut chosen = None;
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        chosen = first;
    }
    for m in found.iter().take(5) {
        let c = &cx.app.fair().candidates[m.index];
        if ui.link(format!("{} {}", c.name, c.id)).clicked() {
            chosen = Some(c.id.clone());
        }
    }
    if let Some(candidate) = chosen {
        state.door.clear();
        cx.push(Command::Apply(Edit::SetSession {
            id: session.id.clone(),
            value: attendance(session, &candidate, true),
            field: field::ATTENDANCE,
        }));
    }
}

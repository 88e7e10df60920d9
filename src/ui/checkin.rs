//! Entrance check-in desk: one big search field for badge scans, names, pinyin initials or
//! phone digits; Enter checks in the single (or picked) match. Walk-ins register below.

use crate::app::desk::DeskOutcome;
use crate::app::fairday::{self, CheckInOutcome, SameAs, WalkInOutcome};
use crate::app::{Edit, EditError};
use crate::model::{Candidate, CandidateId, Education, Lang, TalentTier};

use super::Workspace;
use super::i18n::{Tr, tr};

pub const TITLE: Tr = tr("Check-in desk", "签到台");
pub const LOOKUP: Tr = tr(
    "Badge, name, pinyin or phone digits",
    "胸卡号、姓名、拼音首字母或手机尾号",
);
const COUNTER: Tr = tr("Checked in", "已签到");
const NO_MATCH: Tr = tr("No one matches", "没有匹配的人");
const PICK: Tr = tr(
    "Several match: ↑/↓ then Enter, or click",
    "有多人匹配：用 ↑/↓ 选择后按回车，或直接点击",
);
const WALK_IN: Tr = tr("Walk-in registration", "现场登记");
const REGISTER: Tr = tr("Register walk-in", "登记并签到");
const NAME: Tr = tr("Walk-in name", "登记姓名");
const PHONE: Tr = tr("Walk-in phone", "登记手机");
const EMAIL: Tr = tr("Walk-in email", "登记邮箱");
const EDUCATION: Tr = tr("Walk-in education", "登记学历");
const TIER: Tr = tr("Walk-in tier", "登记人才类别");

/// What the desks keep between frames.
#[derive(Debug, Clone)]
pub struct DeskState {
    pub query: String,
    /// Index into the current matches, moved with the arrow keys.
    pub picked: usize,
    /// Last result line and whether it was good news.
    pub message: Option<(String, bool)>,
    pub walk_in: Candidate,
    /// The person shown on the booth desk's card.
    pub opened: Option<CandidateId>,
    pub visit_position: Option<crate::model::PositionId>,
    pub visit_rating: Option<u8>,
    pub visit_notes: String,
    pub visit_next: crate::model::NextStep,
    pub export_path: String,
    /// Give the lookup field the keyboard focus when it is next drawn (after a check-in, a
    /// walk-in or a visit, whether done with the mouse or the keyboard).
    pub focus_lookup: bool,
    /// Which desk's lookup field was drawn in which egui pass; a gap or another desk means
    /// this desk was just opened.
    pub drawn_in_pass: Option<(egui::Id, u64)>,
    /// The fair day the booth desk's shortlist shows.
    pub shortlist_day: fairday::ShortlistDay,
}

impl Default for DeskState {
    fn default() -> Self {
        let walk_in = Candidate::blank(CandidateId::new(""), "");
        Self {
            query: String::new(),
            picked: 0,
            message: None,
            walk_in,
            opened: None,
            visit_position: None,
            visit_rating: None,
            visit_notes: String::new(),
            visit_next: crate::model::NextStep::None,
            export_path: String::new(),
            focus_lookup: false,
            drawn_in_pass: None,
            shortlist_day: fairday::ShortlistDay::Today,
        }
    }
}

/// "09:41" of a time.
pub fn clock(at: crate::model::LocalTime) -> String {
    at.format("%H:%M").to_string()
}

pub fn now() -> crate::model::LocalTime {
    chrono::Local::now().naive_local()
}

/// Applies a desk edit; a refusal goes to the error panel.
pub fn desk_apply(ws: &mut Workspace, edit: Edit) -> Option<DeskOutcome> {
    match ws.app.apply_with_outcome(edit) {
        Ok(outcome) => outcome,
        Err(e) => {
            let e: EditError = e;
            ws.error(super::i18n::EDIT_REFUSED, e.get(ws.lang()).to_owned());
            None
        }
    }
}

fn name_of(ws: &Workspace, id: &CandidateId) -> String {
    ws.app.candidate(id).map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// The search field shared by both desks. Returns the candidate chosen (Enter or click).
pub fn lookup(ui: &mut egui::Ui, ws: &mut Workspace, id_salt: &str) -> Option<CandidateId> {
    let lang = ws.lang();
    let label = ui.label(LOOKUP.get(lang));
    let edit = egui::TextEdit::singleline(&mut ws.desks.query)
        .id_salt(id_salt)
        .font(egui::FontId::proportional(26.0))
        .desired_width(f32::min(ui.available_width(), 640.0));
    let response = ui.add(edit).labelled_by(label.id);
    // Opening a desk (from the navigation, by mouse or keyboard) leaves the focus where it was,
    // e.g. on the navigation button; a scanner's first scan must land here instead.
    let pass = ui.ctx().cumulative_pass_nr();
    let just_opened = ws
        .desks
        .drawn_in_pass
        .is_none_or(|(id, last)| id != response.id || last + 1 < pass);
    ws.desks.drawn_in_pass = Some((response.id, pass));
    if just_opened || std::mem::take(&mut ws.desks.focus_lookup) {
        response.request_focus();
    }
    if response.changed() {
        ws.desks.picked = 0;
    }
    let matches = if ws.desks.query.trim().is_empty() {
        Vec::new()
    } else {
        ws.app.desk_lookup(&ws.desks.query)
    };
    if response.has_focus() && !matches.is_empty() {
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                ws.desks.picked = (ws.desks.picked + 1).min(matches.len() - 1);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                ws.desks.picked = ws.desks.picked.saturating_sub(1);
            }
        });
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    // The field keeps the focus so the next scan lands in it; a field or button elsewhere the
    // user moved to keeps it until an action there asks for it back (`focus_lookup`).
    if entered || ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let mut chosen = None;
    if entered && let Some(m) = matches.get(ws.desks.picked.min(matches.len().saturating_sub(1))) {
        chosen = Some(m.index);
    }
    if !ws.desks.query.trim().is_empty() && matches.is_empty() {
        ui.label(NO_MATCH.get(lang));
    }
    if matches.len() > 1 {
        ui.label(PICK.get(lang));
        egui::ScrollArea::vertical()
            .id_salt((id_salt, "matches"))
            .max_height(220.0)
            .show(ui, |ui| {
                for (row, m) in matches.iter().enumerate().take(50) {
                    let Some(c) = ws.app.fair.candidates.get(m.index) else {
                        continue;
                    };
                    let tail = fairday::phone_digits(&c.phone);
                    let tail = &tail[tail.len().saturating_sub(4)..];
                    let text = format!("{}  {}  {}  ···{}", c.name, c.badge, c.school, tail);
                    if ui.add(egui::Button::selectable(row == ws.desks.picked, text)).clicked() {
                        chosen = Some(m.index);
                    }
                }
            });
    }
    let chosen = chosen.and_then(|i| ws.app.fair.candidates.get(i)).map(|c| c.id.clone());
    if chosen.is_some() {
        ws.desks.query.clear();
        ws.desks.picked = 0;
    }
    chosen
}

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    let lang = ws.lang();
    ui.heading(TITLE.get(lang));
    let (checked, registered) = fairday::checked_in_count(&ws.app.fair);
    ui.label(egui::RichText::new(format!("{}: {checked} / {registered}", COUNTER.get(lang))).size(20.0));
    ui.add_space(8.0);
    if let Some(id) = lookup(ui, ws, "checkin-lookup") {
        check_in(ws, &id);
    }
    message(ui, ws);
    ui.add_space(16.0);
    ui.separator();
    walk_in_form(ui, ws);
    refocus_soon(ui, ws);
}

/// The focus request is served when the lookup is next drawn; make sure that frame comes.
pub fn refocus_soon(ui: &egui::Ui, ws: &Workspace) {
    if ws.desks.focus_lookup {
        ui.ctx().request_repaint();
    }
}

fn check_in(ws: &mut Workspace, id: &CandidateId) {
    let lang = ws.lang();
    ws.desks.focus_lookup = true;
    let name = name_of(ws, id);
    ws.desks.message = match desk_apply(
        ws,
        Edit::CheckIn {
            candidate: id.clone(),
            at: now(),
        },
    ) {
        Some(DeskOutcome::CheckIn(CheckInOutcome::CheckedIn { at })) => Some((
            match lang {
                Lang::En => format!("{name} checked in at {}", clock(at)),
                Lang::Zh => format!("{name} 已签到 {}", clock(at)),
            },
            true,
        )),
        Some(DeskOutcome::CheckIn(CheckInOutcome::AlreadyCheckedIn { at })) => Some((
            match lang {
                Lang::En => format!("{name}: already checked in at {}", clock(at)),
                Lang::Zh => format!("{name}：已于 {} 签到", clock(at)),
            },
            false,
        )),
        _ => None,
    };
}

pub fn message(ui: &mut egui::Ui, ws: &Workspace) {
    if let Some((text, good)) = &ws.desks.message {
        let color = if *good {
            egui::Color32::from_rgb(40, 150, 60)
        } else {
            egui::Color32::from_rgb(200, 120, 0)
        };
        ui.label(egui::RichText::new(text).size(20.0).color(color));
    }
}

fn labeled_text(ui: &mut egui::Ui, label: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.add_sized([110.0, 20.0], egui::Label::new(label));
        ui.add(egui::TextEdit::singleline(value).desired_width(260.0))
            .labelled_by(l.id);
    });
}

fn walk_in_form(ui: &mut egui::Ui, ws: &mut Workspace) {
    let lang = ws.lang();
    ui.heading(WALK_IN.get(lang));
    let form = &mut ws.desks.walk_in;
    labeled_text(ui, NAME.get(lang), &mut form.name);
    labeled_text(ui, PHONE.get(lang), &mut form.phone);
    labeled_text(ui, EMAIL.get(lang), &mut form.email);
    ui.horizontal(|ui| {
        let l = ui.add_sized([110.0, 20.0], egui::Label::new(EDUCATION.get(lang)));
        let combo = egui::ComboBox::from_id_salt("walkin-education")
            .selected_text(form.education.label(lang))
            .show_ui(ui, |ui| {
                for &e in Education::ALL {
                    ui.selectable_value(&mut form.education, e, e.label(lang));
                }
            });
        combo.response.labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        let l = ui.add_sized([110.0, 20.0], egui::Label::new(TIER.get(lang)));
        let combo = egui::ComboBox::from_id_salt("walkin-tier")
            .selected_text(form.tier.label(lang))
            .show_ui(ui, |ui| {
                for &t in TalentTier::ALL {
                    ui.selectable_value(&mut form.tier, t, t.label(lang));
                }
            });
        combo.response.labelled_by(l.id);
    });
    if ui.button(REGISTER.get(lang)).clicked() {
        let candidate = ws.desks.walk_in.clone();
        match desk_apply(
            ws,
            Edit::WalkIn {
                candidate: Box::new(candidate),
                at: now(),
            },
        ) {
            Some(DeskOutcome::WalkIn(WalkInOutcome::Registered { id, .. })) => {
                let name = name_of(ws, &id);
                ws.desks.message = Some((
                    match lang {
                        Lang::En => format!("{name} registered and checked in ({id})"),
                        Lang::Zh => format!("{name} 已登记并签到（{id}）"),
                    },
                    true,
                ));
                ws.desks.walk_in = DeskState::default().walk_in;
                ws.desks.focus_lookup = true;
            }
            Some(DeskOutcome::WalkIn(WalkInOutcome::Existing { index, same })) => {
                if let Some(c) = ws.app.fair.candidates.get(index) {
                    let what = match (same, lang) {
                        (SameAs::Phone, Lang::En) => "phone",
                        (SameAs::Email, Lang::En) => "email",
                        (SameAs::Phone, Lang::Zh) => "手机",
                        (SameAs::Email, Lang::Zh) => "邮箱",
                    };
                    let text = match lang {
                        Lang::En => format!("Already registered (same {what}): {} {}", c.name, c.badge),
                        Lang::Zh => format!("已登记过（{what}相同）：{} {}", c.name, c.badge),
                    };
                    // Open that person: the lookup lists them, Enter checks them in.
                    ws.desks.query = if c.badge.is_empty() {
                        c.id.to_string()
                    } else {
                        c.badge.clone()
                    };
                    ws.desks.opened = Some(c.id.clone());
                    ws.desks.message = Some((text, false));
                    ws.desks.focus_lookup = true;
                }
            }
            _ => {}
        }
    }
}

//! Entrance check-in desk: one big search field for badge scans, names, pinyin initials or
//! phone digits; Enter checks in the single (or picked) match. Walk-ins register below.

use crate::app::fairday::{self, CheckInOutcome, SameAs, WalkInOutcome};
use crate::app::{AppState, DeskAction, DeskOutcome};
use crate::model::{Candidate, CandidateId, Education, Lang, TalentTier};

use super::command::{Command, ViewCtx};
use super::i18n::{self, Tr, tr};

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
const ITINERARY: Tr = tr("Interviews today", "今日面试安排");
const EDUCATION: Tr = tr("Walk-in education", "登记学历");
const TIER: Tr = tr("Walk-in tier", "登记人才类别");
const DOOR: Tr = tr("Checking in at", "签到地点");
const ENTRANCE: Tr = tr("The fair's entrance", "招聘会入口");
const CAME_COUNTER: Tr = tr("Came: {came} (seats: {seats})", "已到场：{came}（座位：{seats}）");
const CAME_NOW: Tr = tr("{name} came to {session} at {time}", "{name} 于 {time} 到场：{session}");
const ALREADY_CAME: Tr = tr(
    "{name} already came to {session} at {time}",
    "{name} 已于 {time} 到场：{session}",
);

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
    /// The booth desk's booth list is open (to pick another booth), and its filter text.
    pub choosing_booth: bool,
    pub booth_filter: String,
    /// Who was last checked in at this desk, for their interview itinerary.
    pub last_checked_in: Option<CandidateId>,
    /// The session whose door this desk checks people in at; `None`: the fair's entrance.
    pub door: Option<crate::model::SessionId>,
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
            choosing_booth: false,
            booth_filter: String::new(),
            last_checked_in: None,
            door: None,
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

impl DeskState {
    /// Shows what a desk action did (after the frame that asked for it): the message, the
    /// walk-in form cleared or the person already registered opened, the visit form cleared,
    /// and the keyboard focus back in the lookup field for the next scan.
    pub fn recorded(&mut self, app: &AppState, action: &DeskAction, outcome: &DeskOutcome) {
        let lang = app.prefs().lang;
        let name_of = |id: &CandidateId| app.candidate(id).map_or_else(|| id.to_string(), |c| c.name.clone());
        self.focus_lookup = true;
        match (action, outcome) {
            (DeskAction::CheckIn { candidate, .. }, DeskOutcome::CheckIn(outcome)) => {
                self.last_checked_in = Some(candidate.clone());
                let name = name_of(candidate);
                self.message = Some(match outcome {
                    CheckInOutcome::CheckedIn { at } => (
                        i18n::CHECKED_IN_NOW.fill(lang, &[("name", &name), ("time", &clock(*at))]),
                        true,
                    ),
                    CheckInOutcome::AlreadyCheckedIn { at } => (
                        i18n::ALREADY_CHECKED_IN.fill(lang, &[("name", &name), ("time", &clock(*at))]),
                        false,
                    ),
                });
            }
            (_, DeskOutcome::WalkIn(WalkInOutcome::Registered { id, .. })) => {
                let name = name_of(id);
                self.message = Some((
                    i18n::REGISTERED_CHECKED_IN.fill(lang, &[("name", &name), ("id", &id)]),
                    true,
                ));
                self.walk_in = DeskState::default().walk_in;
            }
            (_, DeskOutcome::WalkIn(WalkInOutcome::Existing { index, same })) => {
                let Some(c) = app.fair().candidates.get(*index) else {
                    return;
                };
                let what = match (same, lang) {
                    (SameAs::Phone, Lang::En) => "phone",
                    (SameAs::Email, Lang::En) => "email",
                    (SameAs::Phone, Lang::Zh) => "手机",
                    (SameAs::Email, Lang::Zh) => "邮箱",
                };
                let text =
                    i18n::ALREADY_REGISTERED.fill(lang, &[("what", &what), ("name", &c.name), ("badge", &c.badge)]);
                // Open that person: the lookup lists them, Enter checks them in.
                self.query = if c.badge.is_empty() {
                    c.id.to_string()
                } else {
                    c.badge.clone()
                };
                self.opened = Some(c.id.clone());
                self.message = Some((text, false));
            }
            (DeskAction::SessionCheckIn { session, candidate, .. }, DeskOutcome::SessionCheckIn(outcome)) => {
                let name = name_of(candidate);
                let title = app
                    .session(session)
                    .map_or_else(|| session.to_string(), |s| s.title.clone());
                let slots = |at: &crate::model::LocalTime| {
                    [("name", name.clone()), ("session", title.clone()), ("time", clock(*at))]
                };
                self.message = Some(match outcome {
                    CheckInOutcome::CheckedIn { at } => (fill(CAME_NOW, lang, &slots(at)), true),
                    CheckInOutcome::AlreadyCheckedIn { at } => (fill(ALREADY_CAME, lang, &slots(at)), false),
                });
            }
            (DeskAction::Visit { draft, .. }, DeskOutcome::Visit(_)) => {
                let name = name_of(&draft.candidate);
                self.message = Some((i18n::VISIT_RECORDED.fill(lang, &[("name", &name)]), true));
                self.visit_rating = None;
                self.visit_notes.clear();
                self.visit_next = crate::model::NextStep::None;
            }
            _ => {}
        }
    }
}

/// The search field shared by both desks. Returns the candidate chosen (Enter or click).
pub fn lookup(ui: &mut egui::Ui, cx: &ViewCtx, desks: &mut DeskState, id_salt: &str) -> Option<CandidateId> {
    let lang = cx.lang();
    let app = cx.app;
    let label = ui.label(LOOKUP.get(lang));
    let edit = egui::TextEdit::singleline(&mut desks.query)
        .id_salt(id_salt)
        .font(egui::FontId::proportional(super::style::LOOKUP))
        .desired_width(f32::min(ui.available_width(), 640.0));
    let response = ui.add(edit).labelled_by(label.id);
    // Opening a desk (from the navigation, by mouse or keyboard) leaves the focus where it was,
    // e.g. on the navigation button; a scanner's first scan must land here instead.
    let pass = ui.ctx().cumulative_pass_nr();
    let just_opened = desks
        .drawn_in_pass
        .is_none_or(|(id, last)| id != response.id || last + 1 < pass);
    desks.drawn_in_pass = Some((response.id, pass));
    if just_opened || std::mem::take(&mut desks.focus_lookup) {
        response.request_focus();
    }
    if response.changed() {
        desks.picked = 0;
    }
    let matches = if desks.query.trim().is_empty() {
        Vec::new()
    } else {
        app.desk_lookup(&desks.query)
    };
    if response.has_focus() && !matches.is_empty() {
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                desks.picked = (desks.picked + 1).min(matches.len() - 1);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                desks.picked = desks.picked.saturating_sub(1);
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
    if entered && let Some(m) = matches.get(desks.picked.min(matches.len().saturating_sub(1))) {
        chosen = Some(m.index);
    }
    if !desks.query.trim().is_empty() && matches.is_empty() {
        ui.label(NO_MATCH.get(lang));
    }
    if matches.len() > 1 {
        ui.label(PICK.get(lang));
        egui::ScrollArea::vertical()
            .id_salt((id_salt, "matches"))
            .max_height(220.0)
            .show(ui, |ui| {
                for (row, m) in matches.iter().enumerate().take(50) {
                    let Some(c) = app.fair().candidates.get(m.index) else {
                        continue;
                    };
                    let tail = fairday::phone_digits(&c.phone);
                    let tail = &tail[tail.len().saturating_sub(4)..];
                    let text = format!("{}  {}  {}  ···{}", c.name, c.badge, c.school, tail);
                    if ui.add(egui::Button::selectable(row == desks.picked, text)).clicked() {
                        chosen = Some(m.index);
                    }
                }
            });
    }
    let chosen = chosen.and_then(|i| app.fair().candidates.get(i)).map(|c| c.id.clone());
    if chosen.is_some() {
        desks.query.clear();
        desks.picked = 0;
    }
    chosen
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState) {
    let lang = cx.lang();
    ui.heading(TITLE.get(lang));
    door_choice(ui, cx, desks);
    let session = desks.door.as_ref().and_then(|id| cx.app.session(id));
    match session {
        None => {
            let (checked, registered) = fairday::checked_in_count(cx.app.fair());
            let counter = format!("{}: {checked} / {registered}", COUNTER.get(lang));
            ui.label(egui::RichText::new(counter).size(super::style::LARGE));
        }
        Some(session) => {
            let came = session.attended.len();
            let text = CAME_COUNTER.fill(lang, &[("came", &came), ("seats", &session.capacity)]);
            let mut text = egui::RichText::new(text).size(super::style::LARGE);
            if session.over_capacity() > 0 {
                text = text.color(ui.visuals().error_fg_color);
            }
            ui.label(text);
            super::sessions::seats(ui, session, lang);
        }
    }
    ui.add_space(super::style::SPACE_GROUP);
    if let Some(id) = lookup(ui, cx, desks, "checkin-lookup") {
        desks.focus_lookup = true;
        let action = match &desks.door {
            Some(session) => DeskAction::SessionCheckIn {
                session: session.clone(),
                candidate: id,
                at: now(),
            },
            None => DeskAction::CheckIn {
                candidate: id,
                at: now(),
            },
        };
        cx.push(Command::Record(action));
    }
    message(ui, desks);
    if let Some(id) = &desks.last_checked_in {
        let lines = super::schedule::itinerary_lines(cx.app, id);
        if !lines.is_empty() {
            ui.label(egui::RichText::new(ITINERARY.get(lang)).strong());
            for line in lines {
                ui.label(egui::RichText::new(line).size(super::style::LARGE));
            }
            if ui
                .button(i18n::PRINT_ITINERARY.get(lang))
                .on_hover_text(i18n::PRINT_ITINERARY_HELP.get(lang))
                .clicked()
            {
                cx.push(Command::PickFile(super::FilePurpose::ExportItinerary(id.clone())));
            }
        }
    }
    ui.add_space(super::style::SPACE_SECTION);
    ui.separator();
    walk_in_form(ui, cx, desks);
    refocus_soon(ui, desks);
}

/// Where this desk checks people in: the fair's entrance, or the door of one of its sessions.
fn door_choice(ui: &mut egui::Ui, cx: &ViewCtx, desks: &mut DeskState) {
    let sessions = &cx.app.fair().sessions;
    if desks.door.as_ref().is_some_and(|id| cx.app.session(id).is_none()) {
        desks.door = None;
    }
    if sessions.is_empty() {
        return;
    }
    let lang = cx.lang();
    let title = |id: &Option<crate::model::SessionId>| match id.as_ref().and_then(|id| cx.app.session(id)) {
        Some(s) => format!("{} · {} {}", s.title, s.room, clock(s.start)),
        None => ENTRANCE.get(lang).to_owned(),
    };
    ui.horizontal(|ui| {
        let label = ui.label(DOOR.get(lang));
        let before = desks.door.clone();
        egui::ComboBox::from_id_salt("checkin-door")
            .selected_text(title(&desks.door))
            .width(360.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut desks.door, None, ENTRANCE.get(lang));
                for s in sessions {
                    ui.selectable_value(&mut desks.door, Some(s.id.clone()), title(&Some(s.id.clone())));
                }
            })
            .response
            .labelled_by(label.id);
        if desks.door != before {
            desks.message = None;
            desks.focus_lookup = true;
        }
    });
}

fn fill(text: Tr, lang: Lang, slots: &[(&str, String)]) -> String {
    let slots: Vec<(&str, &dyn std::fmt::Display)> =
        slots.iter().map(|(k, v)| (*k, v as &dyn std::fmt::Display)).collect();
    text.fill(lang, &slots)
}

/// The focus request is served when the lookup is next drawn; make sure that frame comes.
pub fn refocus_soon(ui: &egui::Ui, desks: &DeskState) {
    if desks.focus_lookup {
        ui.ctx().request_repaint();
    }
}

pub fn message(ui: &mut egui::Ui, desks: &DeskState) {
    if let Some((text, good)) = &desks.message {
        let color = if *good {
            egui::Color32::from_rgb(40, 150, 60)
        } else {
            egui::Color32::from_rgb(200, 120, 0)
        };
        ui.label(egui::RichText::new(text).size(super::style::LARGE).color(color));
    }
}

fn labeled_text(ui: &mut egui::Ui, label: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.add_sized([110.0, 20.0], egui::Label::new(label));
        ui.add(egui::TextEdit::singleline(value).desired_width(260.0))
            .labelled_by(l.id);
    });
}

fn walk_in_form(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState) {
    let lang = cx.lang();
    ui.heading(WALK_IN.get(lang));
    let form = &mut desks.walk_in;
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
        cx.push(Command::Record(DeskAction::WalkIn {
            candidate: Box::new(desks.walk_in.clone()),
            at: now(),
        }));
    }
}

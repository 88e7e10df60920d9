//! Booth staff desk: the booth is picked once (remembered in prefs); staff look a candidate
//! up, record a visit (the form sits right under the card, never below the fold) and see
//! their fit with this booth's positions, best first; a visit re-ranks at once.

use std::path::PathBuf;

use crate::app::fairday::{self, ShortlistDay, VisitDraft};
use crate::app::{AppState, DeskAction, Explanation, InterviewRequest, Job};
use crate::model::{BoothId, CandidateId, NextStep, PositionId};

use super::checkin::{self, DeskState, clock};
use super::command::{Command, Pref, ViewCtx};
use super::i18n::{self, Tr, tr};
use super::{FilePurpose, match_panel};

pub const TITLE: Tr = tr("Booth desk", "展位台");
const BOOTH: Tr = tr("This laptop's booth", "本机展位");
const PICK_BOOTH: Tr = tr("Pick this laptop's booth first.", "请先选择本机所在展位。");
const CONTACT_HIDDEN: Tr = tr("Contact details withheld (no consent)", "未同意共享联系方式");
const FIT: Tr = tr("Fit with this booth's positions", "与本展位岗位的匹配");
const FIT_BAR: Tr = tr("fit", "匹配度");
const NOBODY_TO_INVITE: Tr = tr(
    "Nobody right now: the best fits checked in have all visited.",
    "暂无：已签到的最匹配者都已到访。",
);
const VISIT: Tr = tr("Record visit", "记录到访");
const SAVE_VISIT: Tr = tr("Save visit", "保存到访");
const POSITION: Tr = tr("Visit position", "到访岗位");
const ANY_POSITION: Tr = tr("(booth in general)", "（整个展位）");
const RATING: Tr = tr("Rating", "评分");
const NOTES: Tr = tr("Visit notes", "到访备注");
const NEXT: Tr = tr("Next step", "下一步");
const SHORTLIST: Tr = tr("Visitors today (shortlist)", "今日到访（候选名单）");
const SHORTLIST_ALL: Tr = tr("Visitors, all days (shortlist)", "全部日期到访（候选名单）");
const DAY: Tr = tr("Shortlist day", "名单日期");
const ALL_DAYS: Tr = tr("All days", "全部日期");
const EXPORT_PATH: Tr = tr("Shortlist CSV path", "候选名单 CSV 路径");
const EXPORT: Tr = tr("Export shortlist CSV", "导出候选名单 CSV");
const SCHEDULE_THEM: Tr = tr("Schedule interviews", "安排面试");
const SCHEDULE_HELP: Tr = tr(
    "Gives each person below an interview slot at this booth, around the interviews already set (nothing moves); the result shows in the Schedule view.",
    "为以下每人在本展位安排面试时段，已有的面试不变；结果显示在“面试日程”中。",
);
const SCHEDULE_SHORTLIST: Tr = tr("Schedule shortlisted ({count})", "安排入围面试（{count}）");
const SCHEDULE_SHORTLIST_HELP: Tr = tr(
    "Gives an interview slot at this booth to each visitor whose latest visit here (any day) has next step Interview and who has no interview here yet: higher rating first, then better fit. A rating alone does not count: set the next step to Interview. Interviews already set do not move; the result shows in the Schedule view.",
    "为每位在本展位最近一次到访（任一天）的下一步为“面试”、且尚未在本展位安排面试的到访者安排面试时段：评分高者优先，其次匹配度高者优先。仅有评分不算：请把下一步设为“面试”。已有的面试不变；结果显示在“面试日程”中。",
);
const NOBODY_SHORTLISTED: Tr = tr(
    "Nobody to schedule: no visitor here has next step Interview without an interview at this booth already. A rating alone does not count: set the next step to Interview.",
    "暂无可安排者：本展位没有下一步为“面试”且尚未安排面试的到访者。仅有评分不算：请把下一步设为“面试”。",
);
const NO_INTERVIEW_HOURS: Tr = tr(
    "This booth has no interview hours: set them in the booth editor first.",
    "本展位未设面试时间：请先在展位编辑中设置。",
);
const CHOOSE: Tr = tr("Choose file…", "选择文件…");
const WORTH: Tr = tr(
    "Worth inviting (checked in, not visited yet)",
    "值得邀请（已签到、尚未到访）",
);

const NEXT_INTERVIEWS: Tr = tr("Next interviews", "接下来的面试");
const CHANGE_BOOTH: Tr = tr("Change booth", "更换展位");
const FIND_BOOTH: Tr = tr("Find booth", "查找展位");
const FIND_BOOTH_HINT: Tr = tr("employer, booth id or pinyin initials", "单位、展位号或拼音首字母");
const NO_BOOTH_FOUND: Tr = tr("No booth matches.", "没有匹配的展位。");
const NO_POSITIONS: Tr = tr("This booth has no positions yet.", "本展位还没有岗位。");
/// Booths listed at once in the picker; typing narrows the rest.
const BOOTHS_LISTED: usize = 200;

/// Booth staff's screen. The left column holds what a visit needs in the order it is used
/// (lookup, who it is, the visit form), then this booth's positions by fit in a list that
/// scrolls on its own, so the form stays in sight however many positions the booth has; the
/// right column holds the shortlist and who is worth inviting.
pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState) {
    let lang = cx.lang();
    ui.heading(TITLE.get(lang));
    let booth = current_booth(cx.app);
    if booth_picker(ui, cx, desks, booth.as_ref()) {
        return;
    }
    let Some(booth) = booth else {
        ui.label(PICK_BOOTH.get(lang));
        return;
    };
    ui.columns(2, |cols| {
        let [left, right] = cols else { return };
        if let Some(id) = checkin::lookup(left, cx, desks, "booth-lookup") {
            desks.opened = Some(id);
            desks.visit_position = None;
            desks.message = None;
        }
        checkin::message(left, desks);
        if let Some(id) = desks.opened.clone() {
            card(left, cx, desks, &id, &booth);
        }
        egui::ScrollArea::vertical()
            .id_salt("booth-desk-right")
            .auto_shrink([false, false])
            .show(right, |ui| {
                next_interviews(ui, cx, desks, &booth);
                shortlist(ui, cx, desks, &booth);
                ui.add_space(super::style::SPACE_GROUP);
                worth_inviting(ui, cx, desks, &booth);
            });
    });
    checkin::refocus_soon(ui, desks);
}

fn current_booth(app: &AppState) -> Option<BoothId> {
    let id = BoothId::new(app.prefs().desk_booth.as_str());
    app.booth(&id).map(|b| b.id.clone())
}

/// The booth this laptop serves, and a filtered list to pick another (hundreds of booths do not
/// fit a dropdown). Returns whether the list is open (the desk is not drawn meanwhile).
fn booth_picker(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState, current: Option<&BoothId>) -> bool {
    let lang = cx.lang();
    let app = cx.app;
    let choosing = desks.choosing_booth || current.is_none();
    ui.horizontal(|ui| {
        ui.label(BOOTH.get(lang));
        if let Some(b) = current.and_then(|id| app.booth(id)) {
            ui.strong(format!("{} {}", b.id, b.employer));
        }
        if current.is_some() && ui.selectable_label(choosing, CHANGE_BOOTH.get(lang)).clicked() {
            desks.choosing_booth = !desks.choosing_booth;
        }
    });
    if !choosing {
        return false;
    }
    let found = ui
        .horizontal(|ui| {
            let l = ui.label(FIND_BOOTH.get(lang));
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut desks.booth_filter)
                        .hint_text(FIND_BOOTH_HINT.get(lang))
                        .desired_width(320.0),
                )
                .labelled_by(l.id);
            let found = app.find_booths(&desks.booth_filter);
            ui.weak(i18n::BOOTHS_FOUND.fill(lang, &[("found", &found.len()), ("total", &app.fair().booths.len())]));
            if desks.booth_filter.is_empty() && !response.has_focus() {
                response.request_focus();
            }
            found
        })
        .inner;
    if found.is_empty() {
        ui.weak(NO_BOOTH_FOUND.get(lang));
    }
    let mut picked = None;
    egui::ScrollArea::vertical()
        .id_salt("desk-booth-list")
        .max_height(ui.available_height().min(360.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for &i in found.iter().take(BOOTHS_LISTED) {
                let Some(b) = app.fair().booths.get(i) else { continue };
                let text = format!("{}  {}  · {}", b.id, b.employer, b.zone);
                if ui.selectable_label(current == Some(&b.id), text).clicked() {
                    picked = Some(b.id.0.clone());
                }
            }
        });
    if let Some(p) = picked {
        desks.choosing_booth = false;
        desks.booth_filter.clear();
        desks.opened = None;
        cx.push(Command::Pref(Pref::DeskBooth(p)));
    }
    true
}

/// This booth's positions with their fit for `id`, best first (ineligible ones last).
fn positions_by_fit(
    app: &AppState,
    id: &CandidateId,
    booth: &BoothId,
) -> Vec<(PositionId, String, Option<Explanation>)> {
    let mut rows: Vec<_> = app
        .fair()
        .positions
        .iter()
        .filter(|p| &p.booth == booth)
        .map(|p| (p.id.clone(), p.title.clone(), app.explain(id, &p.id)))
        .collect();
    let fit = |e: &Option<Explanation>| {
        e.as_ref()
            .map_or(-1.0, |e| if e.broken.is_empty() { e.fit } else { e.fit - 1000.0 })
    };
    rows.sort_by(|a, b| fit(&b.2).total_cmp(&fit(&a.2)));
    rows
}

fn card(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState, id: &CandidateId, booth: &BoothId) {
    let lang = cx.lang();
    let app = cx.app;
    let Some(c) = app.candidate(id) else { return };
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(format!("{}  {}", c.name, c.badge))
                    .size(super::style::LARGE)
                    .strong(),
            );
            if let Some(at) = c.checked_in {
                ui.label(i18n::CHECKED_IN_AT.fill(lang, &[("time", &clock(at))]));
            }
        });
        ui.label(format!(
            "{} · {} · {} · {}",
            c.education.label(lang),
            c.school,
            c.major,
            c.tier.label(lang)
        ));
        ui.label(c.skills.join(", "));
        if c.consent {
            let contact: Vec<String> = [("☎", &c.phone), ("✉", &c.email)]
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(icon, v)| format!("{icon} {v}"))
                .collect();
            if !contact.is_empty() {
                ui.label(contact.join("   "));
            }
        } else {
            ui.weak(CONTACT_HIDDEN.get(lang));
        }
    });
    // Stale fits while the matcher is rebuilt (new settings, or a fair just opened).
    let matching = app.is_matching();
    let positions = if matching {
        Vec::new()
    } else {
        positions_by_fit(app, id, booth)
    };
    visit_form(ui, cx, desks, id, booth, &positions);
    ui.add_space(super::style::SPACE_ROW);
    ui.label(egui::RichText::new(FIT.get(lang)).strong());
    if matching {
        match_panel::matching_notice(ui, cx);
        return;
    }
    if positions.is_empty() {
        ui.weak(NO_POSITIONS.get(lang));
    }
    egui::ScrollArea::vertical()
        .id_salt("booth-fits")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (pid, title, e) in &positions {
                let chosen = desks.visit_position.as_ref() == Some(pid);
                // Picking a row makes it the visit's position.
                if ui
                    .selectable_label(chosen, egui::RichText::new(title).strong())
                    .clicked()
                {
                    desks.visit_position = if chosen { None } else { Some(pid.clone()) };
                }
                if let Some(e) = e {
                    super::widgets::score_bar(ui, FIT_BAR.get(lang), e.fit, 120.0);
                    // Not in the column's justified layout, which would stretch the spaces between words.
                    ui.horizontal_wrapped(|ui| ui.weak(e.short(lang)));
                }
                ui.add_space(super::style::SPACE_TIGHT);
            }
        });
}

fn visit_form(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx,
    d: &mut DeskState,
    id: &CandidateId,
    booth: &BoothId,
    positions: &[(PositionId, String, Option<Explanation>)],
) {
    let lang = cx.lang();
    let label_of = |title: &str, e: &Option<Explanation>| match e {
        Some(e) => format!("{title}  ({} {:.0})", FIT_BAR.get(lang), e.fit),
        None => title.to_owned(),
    };
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(VISIT.get(lang)).strong());
        egui::Grid::new("visit-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(POSITION.get(lang));
                let selected = d
                    .visit_position
                    .as_ref()
                    .and_then(|p| positions.iter().find(|(id, _, _)| id == p))
                    .map_or(ANY_POSITION.get(lang).to_owned(), |(_, t, e)| label_of(t, e));
                let combo = egui::ComboBox::from_id_salt("visit-position")
                    .selected_text(selected)
                    .width(300.0)
                    .height(320.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut d.visit_position, None, ANY_POSITION.get(lang));
                        for (pid, title, e) in positions {
                            ui.selectable_value(&mut d.visit_position, Some(pid.clone()), label_of(title, e));
                        }
                    });
                combo.response.labelled_by(l.id);
                ui.end_row();

                ui.label(RATING.get(lang));
                ui.horizontal(|ui| {
                    for r in 1..=5u8 {
                        let on = d.visit_rating == Some(r);
                        if ui
                            .add(egui::Button::selectable(on, format!("{r}★")))
                            .on_hover_text(format!("{} {r}", RATING.get(lang)))
                            .clicked()
                        {
                            d.visit_rating = if on { None } else { Some(r) };
                        }
                    }
                });
                ui.end_row();

                let l = ui.label(NEXT.get(lang));
                let combo = egui::ComboBox::from_id_salt("visit-next")
                    .selected_text(d.visit_next.label(lang))
                    .show_ui(ui, |ui| {
                        for &n in NextStep::ALL {
                            ui.selectable_value(&mut d.visit_next, n, n.label(lang));
                        }
                    });
                combo.response.labelled_by(l.id);
                ui.end_row();

                let l = ui.label(NOTES.get(lang));
                ui.add(egui::TextEdit::singleline(&mut d.visit_notes).desired_width(300.0))
                    .labelled_by(l.id);
                ui.end_row();
            });
        if ui.button(egui::RichText::new(SAVE_VISIT.get(lang)).strong()).clicked() {
            let draft = VisitDraft {
                candidate: id.clone(),
                booth: booth.clone(),
                position: d.visit_position.clone(),
                rating: d.visit_rating,
                notes: d.visit_notes.clone(),
                next_step: d.visit_next,
            };
            cx.push(Command::Record(DeskAction::visit(draft, checkin::now())));
        }
    });
}

impl DeskState {
    /// The job that writes `booth`'s shortlist as the desk shows it (the day picked) to `path`.
    pub fn shortlist_job(&self, app: &AppState, booth: BoothId, path: PathBuf) -> Job {
        Job::ExportShortlist {
            booth,
            day: self.shortlist_day.date(checkin::now().date()),
            lang: app.prefs().lang,
            path,
        }
    }
}

/// The booth's next interviews from the schedule; a click opens the person on the desk's card.
fn next_interviews(ui: &mut egui::Ui, cx: &ViewCtx, desks: &mut DeskState, booth: &BoothId) {
    let next = super::schedule::next_at_booth(cx.app, booth, checkin::now(), 6);
    if next.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(NEXT_INTERVIEWS.get(cx.lang())).strong());
    for interview in next {
        let name = cx
            .app
            .candidate(&interview.candidate)
            .map_or_else(|| interview.candidate.to_string(), |c| c.name.clone());
        let text = format!(
            "{}–{}  {name}",
            interview.start.format("%H:%M"),
            interview.end.format("%H:%M")
        );
        if ui.link(text).clicked() {
            desks.opened = Some(interview.candidate.clone());
            desks.visit_position = interview.position.clone();
            desks.message = None;
        }
    }
    ui.add_space(super::style::SPACE_GROUP);
}

fn shortlist(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState, booth: &BoothId) {
    let lang = cx.lang();
    let app = cx.app;
    day_picker(ui, cx, desks, booth);
    let rows = app.shortlist(booth, desks.shortlist_day.date(checkin::now().date()));
    let heading = match desks.shortlist_day {
        ShortlistDay::Today => SHORTLIST.get(lang).to_owned(),
        ShortlistDay::Day(day) => i18n::VISITORS_ON.fill(lang, &[("day", &day)]),
        ShortlistDay::All => SHORTLIST_ALL.get(lang).to_owned(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{heading} ({})", rows.len())).strong());
        schedule_shortlisted(ui, cx, booth);
    });
    let today = checkin::now().date();
    if rows.is_empty()
        && desks.shortlist_day == ShortlistDay::Today
        && let Some(latest) = fairday::booth_visit_days(app.fair(), booth).first()
    {
        // Looking back after the fair (or at the sample): say where the visits are.
        ui.weak(i18n::NO_VISITORS_TODAY.fill(lang, &[("today", &today), ("latest", &latest)]));
    }
    // A busy booth has dozens of visitors; keep the export and "worth inviting" in sight.
    egui::ScrollArea::vertical()
        .id_salt("shortlist-rows")
        .max_height(320.0)
        // Full width, so the scroll bar sits at the edge instead of over the time column.
        .auto_shrink([false, true])
        .show(ui, |ui| shortlist_grid(ui, &rows));
    ui.horizontal(|ui| {
        let l = ui.label(EXPORT_PATH.get(lang));
        ui.add(egui::TextEdit::singleline(&mut desks.export_path).desired_width(220.0))
            .labelled_by(l.id);
        if ui.button(EXPORT.get(lang)).clicked() && !desks.export_path.trim().is_empty() {
            let path = PathBuf::from(desks.export_path.trim());
            cx.push(Command::Start(desks.shortlist_job(app, booth.clone(), path)));
        }
        if ui.button(CHOOSE.get(lang)).clicked() {
            cx.push(Command::PickFile(FilePurpose::ExportShortlist(booth.clone())));
        }
    });
}

/// "Schedule shortlisted (N)": the visitors this booth invited to an interview, into the
/// timetable around what is there; disabled, with the reason on hover, when there is nothing to do.
fn schedule_shortlisted(ui: &mut egui::Ui, cx: &mut ViewCtx, booth: &BoothId) {
    let lang = cx.lang();
    let app = cx.app;
    // Counted each frame; scored only when clicked.
    let count = app.shortlist_due(booth).len();
    let has_hours = app.booth(booth).is_some_and(|b| b.interviews.is_some());
    let why_not = if count == 0 {
        Some(NOBODY_SHORTLISTED)
    } else if !has_hours {
        Some(NO_INTERVIEW_HOURS)
    } else {
        None
    };
    let running = app.is_running(&Job::ScheduleMore { requests: Vec::new() });
    let enabled = why_not.is_none() && !running;
    let button = ui.add_enabled(
        enabled,
        egui::Button::new(SCHEDULE_SHORTLIST.fill(lang, &[("count", &count)])),
    );
    let clicked = button.clicked();
    match why_not {
        Some(reason) => button.on_disabled_hover_text(reason.get(lang)),
        None => button.on_hover_text(SCHEDULE_SHORTLIST_HELP.get(lang)),
    };
    if clicked {
        let requests = app.shortlist_to_schedule(booth);
        cx.push(Command::Start(Job::ScheduleMore { requests }));
        cx.push(Command::Show(super::View::Schedule));
    }
}

fn shortlist_grid(ui: &mut egui::Ui, rows: &[[String; 6]]) {
    egui::Grid::new("shortlist").striped(true).show(ui, |ui| {
        for r in rows {
            ui.label(&r[0]);
            ui.label(&r[1]);
            ui.label(if r[2].is_empty() {
                "-".to_owned()
            } else {
                format!("{}★", r[2])
            });
            ui.label(&r[3]);
            ui.label(&r[4]);
            ui.end_row();
        }
    });
}

/// Today, the other days this booth had visitors, or all of them.
fn day_picker(ui: &mut egui::Ui, cx: &ViewCtx, desks: &mut DeskState, booth: &BoothId) {
    let lang = cx.lang();
    let today = checkin::now().date();
    let label_of = |day: ShortlistDay| match day {
        ShortlistDay::Today => i18n::TODAY_ON.fill(lang, &[("today", &today)]),
        ShortlistDay::Day(day) => day.to_string(),
        ShortlistDay::All => ALL_DAYS.get(lang).to_owned(),
    };
    let days = fairday::booth_visit_days(cx.app.fair(), booth);
    let chosen = &mut desks.shortlist_day;
    ui.horizontal(|ui| {
        let l = ui.label(DAY.get(lang));
        let combo = egui::ComboBox::from_id_salt("shortlist-day")
            .selected_text(label_of(*chosen))
            .show_ui(ui, |ui| {
                ui.selectable_value(chosen, ShortlistDay::Today, label_of(ShortlistDay::Today));
                for day in days.iter().filter(|d| **d != today) {
                    ui.selectable_value(chosen, ShortlistDay::Day(*day), label_of(ShortlistDay::Day(*day)));
                }
                ui.selectable_value(chosen, ShortlistDay::All, label_of(ShortlistDay::All));
            });
        combo.response.labelled_by(l.id);
    });
}

fn worth_inviting(ui: &mut egui::Ui, cx: &mut ViewCtx, desks: &mut DeskState, booth: &BoothId) {
    let lang = cx.lang();
    let app = cx.app;
    ui.label(egui::RichText::new(WORTH.get(lang)).strong());
    let best = app.worth_inviting(booth);
    if best.is_empty() {
        ui.weak(NOBODY_TO_INVITE.get(lang));
    } else if ui
        .horizontal(|ui| {
            ui.button(SCHEDULE_THEM.get(lang))
                .on_hover_text(SCHEDULE_HELP.get(lang))
        })
        .inner
        .clicked()
    {
        let requests = best
            .iter()
            .take(15)
            .map(|(candidate, position, fit)| InterviewRequest {
                candidate: candidate.clone(),
                booth: booth.clone(),
                position: Some(position.clone()),
                invited: false,
                score: *fit,
            })
            .collect();
        cx.push(Command::Start(Job::ScheduleMore { requests }));
        cx.push(Command::Show(super::View::Schedule));
    }
    for (cid, pid, fit) in best.iter().take(15) {
        let name = app.candidate(cid).map_or_else(|| cid.to_string(), |c| c.name.clone());
        let title = app.position(pid).map_or_else(|| pid.to_string(), |p| p.title.clone());
        if ui.link(format!("{name} — {title} {fit:.0}")).clicked() {
            desks.opened = Some(cid.clone());
        }
    }
}

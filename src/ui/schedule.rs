//! Schedule: make the interview timetable from the allocation (a job), see each booth's day as
//! a timeline, drag an interview to another time (refused with the reason when it clashes),
//! and look up one candidate's itinerary for the check-in desk.

use std::collections::HashMap;

use super::command::{Command, ViewCtx};
use super::i18n::{Tr, tr};
use super::style;
use crate::app::{AppState, BoothGrid, CandidateScope, Edit, Job, LeftOut, Record, ScheduleOptions, Stop};
use crate::model::{BoothId, CandidateId, Interview, Lang, LocalTime, ScheduleSettings};

pub const TITLE: Tr = tr("Schedule", "面试日程");
const HELP: Tr = tr(
    "Turns the allocation and the booths' interview invitations into a timetable within each booth's interview hours. Drag an interview to move it.",
    "根据分配结果和展位的面试邀请，在各展位的面试时段内排出日程。拖动面试可调整时间。",
);
const PLACE: Tr = tr("Schedule", "安排对象");
const CHECKED_IN_ONLY: Tr = tr("Checked-in candidates only", "仅已签到的求职者");
const EVERYONE: Tr = tr("Everyone registered", "全部报名者");
const SLOT: Tr = tr("Slot (min)", "每场（分钟）");
const GAP: Tr = tr("Gap (min)", "间隔（分钟）");
const MAKE: Tr = tr("Make schedule", "生成日程");
const REMAKE_WARNING: Tr = tr(
    "Making it again replaces the timetable (one undo step).",
    "重新生成会替换现有日程（可撤销）。",
);
const SUMMARY: Tr = tr(
    "{interviews} interviews at {booths} booths",
    "{booths} 个展位共 {interviews} 场面试",
);
const NOTHING_YET: Tr = tr(
    "No timetable yet: set interview hours on the booths, then make the schedule.",
    "尚无日程：请先为展位设置面试时间，再生成日程。",
);
const NO_HOURS: Tr = tr(
    "{count} booths have no interview hours and get no interviews (set them in the booth editor).",
    "{count} 个展位未设面试时间，不会安排面试（可在展位编辑中设置）。",
);
const LEFT_OUT: Tr = tr("{count} pairs left out", "{count} 对未能安排");
const BOOTHS: Tr = tr("Booths", "展位");
const FILTER: Tr = tr("Filter booths", "筛选展位");
const NO_INTERVIEWS_HERE: Tr = tr("No interviews at this booth.", "该展位暂无面试。");
const BOOTH_HOURS: Tr = tr(
    "{start}–{end} · {interviewers} at once · {slot} min slots",
    "{start}–{end} · 同时 {interviewers} 场 · 每场 {slot} 分钟",
);
const NO_BOOTH_HOURS: Tr = tr("This booth has no interview hours.", "该展位未设面试时间。");
const ITINERARY: Tr = tr("Candidate's itinerary", "求职者行程");
const FIND_CANDIDATE: Tr = tr("Name, id or badge", "姓名、编号或胸卡号");
const NO_ITINERARY: Tr = tr("No interviews for this candidate.", "该求职者暂无面试。");
const MOVE_OK: Tr = tr("Drop to move to {time}", "松开即改到 {time}");

const ROW: f32 = 26.0;
const TIME_COLUMN: f32 = 52.0;
const LANE_WIDTH: f32 = 150.0;
const LIST_WIDTH: f32 = 280.0;

/// What the Schedule view keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct ScheduleView {
    pub scope: Option<CandidateScope>,
    /// The gap and slot length for the next "Make schedule"; the fair's own until changed.
    pub settings: Option<ScheduleSettings>,
    pub booth: Option<BoothId>,
    pub booth_filter: String,
    pub candidate_search: String,
    pub candidate: Option<CandidateId>,
    /// The interview being dragged and how far (points, downwards).
    dragging: Option<(CandidateId, BoothId, f32)>,
    counts: HashMap<BoothId, usize>,
    counts_for: Option<u64>,
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ScheduleView) {
    let app = cx.app;
    ui.heading(cx.t(TITLE));
    ui.label(egui::RichText::new(cx.t(HELP)).weak());
    ui.add_space(style::SPACE_ROW);
    if view.counts_for != Some(app.revision()) {
        view.counts.clear();
        for i in &app.fair().interviews {
            *view.counts.entry(i.booth.clone()).or_default() += 1;
        }
        view.counts_for = Some(app.revision());
    }
    controls(ui, cx, view);
    ui.add_space(style::SPACE_ROW);
    summary(ui, cx, view);
    ui.separator();
    if view.booth.is_none() {
        view.booth = app.fair().interviews.first().map(|i| i.booth.clone());
    }
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(LIST_WIDTH);
            booth_list(ui, cx, view);
            ui.add_space(style::SPACE_GROUP);
            itinerary(ui, cx, view);
        });
        ui.separator();
        ui.vertical(|ui| timeline(ui, cx, view));
    });
}

fn controls(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ScheduleView) {
    let app = cx.app;
    let anyone_checked_in = app.fair().candidates.iter().any(|c| c.checked_in.is_some());
    let mut scope = view.scope.unwrap_or(if anyone_checked_in {
        CandidateScope::CheckedIn
    } else {
        CandidateScope::Everyone
    });
    let mut settings = view.settings.unwrap_or(app.fair().schedule);
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t(PLACE));
        ui.radio_value(&mut scope, CandidateScope::CheckedIn, cx.t(CHECKED_IN_ONLY));
        ui.radio_value(&mut scope, CandidateScope::Everyone, cx.t(EVERYONE));
        ui.add_space(style::SPACE_GROUP);
        let label = ui.label(cx.t(SLOT));
        ui.add(egui::DragValue::new(&mut settings.slot_minutes).range(5..=240))
            .labelled_by(label.id);
        let label = ui.label(cx.t(GAP));
        ui.add(egui::DragValue::new(&mut settings.gap_minutes).range(0..=240))
            .labelled_by(label.id);
        ui.add_space(style::SPACE_GROUP);
        let running = app.is_running(&Job::Schedule { scope, settings });
        let make = ui.add_enabled(!running && !app.is_matching(), egui::Button::new(cx.t(MAKE)));
        if !app.fair().interviews.is_empty() {
            make.clone().on_hover_text(cx.t(REMAKE_WARNING));
        }
        if make.clicked() {
            cx.push(Command::Start(Job::Schedule { scope, settings }));
        }
        if running {
            ui.spinner();
        }
    });
    view.scope = Some(scope);
    view.settings = Some(settings);
}

fn summary(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &ScheduleView) {
    let app = cx.app;
    let lang = cx.lang();
    let fair = app.fair();
    if fair.interviews.is_empty() {
        ui.label(cx.t(NOTHING_YET));
    } else {
        let booths = view.counts.len();
        ui.label(
            egui::RichText::new(SUMMARY.fill(lang, &[("interviews", &fair.interviews.len()), ("booths", &booths)]))
                .strong(),
        );
    }
    let without_hours = fair.booths.iter().filter(|b| b.interviews.is_none()).count();
    if without_hours > 0 {
        ui.label(egui::RichText::new(NO_HOURS.fill(lang, &[("count", &without_hours)])).weak());
    }
    let Some(report) = app.schedule_report() else { return };
    if report.left_out.is_empty() {
        return;
    }
    let title = LEFT_OUT.fill(lang, &[("count", &report.left_out.len())]);
    egui::CollapsingHeader::new(title).id_salt("left_out").show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(140.0)
            .show_rows(ui, ROW - 6.0, report.left_out.len(), |ui, rows| {
                for (candidate, booth, position, why) in &report.left_out[rows] {
                    ui.horizontal(|ui| {
                        if ui.link(candidate_name(app, candidate)).clicked() {
                            cx.push(Command::JumpTo(Record::Candidate(candidate.clone())));
                        }
                        let position = position.as_ref().map_or(String::new(), |p| format!(" · {p}"));
                        ui.label(format!("{booth}{position}: {}", left_out_reason(*why, lang)));
                    });
                }
            });
    });
}

fn left_out_reason(why: LeftOut, lang: Lang) -> &'static str {
    lang.pick(why.en(), why.zh())
}

fn candidate_name(app: &AppState, id: &CandidateId) -> String {
    match app.index().candidates.get(id).map(|&i| &app.fair().candidates[i]) {
        Some(c) if !c.name.is_empty() => format!("{} {}", c.name, c.id),
        _ => id.to_string(),
    }
}

fn booth_list(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ScheduleView) {
    let app = cx.app;
    ui.label(egui::RichText::new(cx.t(BOOTHS)).strong());
    ui.add(egui::TextEdit::singleline(&mut view.booth_filter).hint_text(cx.t(FILTER)));
    let needle = view.booth_filter.trim().to_lowercase();
    let booths: Vec<_> = app
        .fair()
        .booths
        .iter()
        .filter(|b| {
            needle.is_empty()
                || b.id.as_str().to_lowercase().contains(&needle)
                || b.employer.to_lowercase().contains(&needle)
        })
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("schedule_booths")
        .max_height(300.0)
        .auto_shrink([false, true])
        .show_rows(ui, ROW - 4.0, booths.len(), |ui, rows| {
            for booth in &booths[rows] {
                let count = view.counts.get(&booth.id).copied().unwrap_or(0);
                let selected = view.booth.as_ref() == Some(&booth.id);
                let text = format!("{} {} ({count})", booth.id, booth.employer);
                if ui.add(egui::Button::selectable(selected, text).truncate()).clicked() {
                    view.booth = Some(booth.id.clone());
                }
            }
        });
}

fn itinerary(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ScheduleView) {
    let app = cx.app;
    ui.label(egui::RichText::new(cx.t(ITINERARY)).strong());
    let typed = ui.add(egui::TextEdit::singleline(&mut view.candidate_search).hint_text(cx.t(FIND_CANDIDATE)));
    if typed.changed() {
        let needle = view.candidate_search.trim().to_lowercase();
        view.candidate = (!needle.is_empty())
            .then(|| {
                app.fair().candidates.iter().find(|c| {
                    c.id.as_str().to_lowercase() == needle
                        || c.badge.to_lowercase() == needle
                        || c.name.to_lowercase().contains(&needle)
                })
            })
            .flatten()
            .map(|c| c.id.clone());
    }
    let Some(candidate) = view.candidate.clone() else {
        return;
    };
    if ui.link(candidate_name(app, &candidate)).clicked() {
        cx.push(Command::JumpTo(Record::Candidate(candidate.clone())));
    }
    let lines = itinerary_of(app, &candidate);
    if lines.is_empty() {
        ui.label(egui::RichText::new(cx.t(NO_ITINERARY)).weak());
    }
    if ui
        .button(cx.t(super::i18n::PRINT_ITINERARY))
        .on_hover_text(cx.t(super::i18n::PRINT_ITINERARY_HELP))
        .clicked()
    {
        cx.push(Command::PickFile(super::FilePurpose::ExportItinerary(
            candidate.clone(),
        )));
    }
    for (interview, text) in lines {
        if ui.add(egui::Button::new(text).frame(false).truncate()).clicked() {
            view.booth = Some(interview.booth.clone());
        }
    }
}

fn hm(t: LocalTime) -> String {
    t.format("%H:%M").to_string()
}

fn timeline(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut ScheduleView) {
    let app = cx.app;
    let lang = cx.lang();
    let Some(booth_id) = view.booth.clone() else {
        ui.label(cx.t(NO_INTERVIEWS_HERE));
        return;
    };
    let Some(booth) = app.index().booths.get(&booth_id).map(|&i| &app.fair().booths[i]) else {
        return;
    };
    ui.label(egui::RichText::new(format!("{} {}", booth.id, booth.employer)).size(style::LARGE));
    let options = ScheduleOptions::from(app.fair().schedule);
    let Some(grid) = BoothGrid::of(booth, options) else {
        ui.label(cx.t(NO_BOOTH_HOURS));
        return;
    };
    ui.label(BOOTH_HOURS.fill(
        lang,
        &[
            ("start", &hm(grid.start)),
            ("end", &hm(grid.end)),
            ("interviewers", &grid.interviewers),
            ("slot", &grid.slot.num_minutes()),
        ],
    ));
    let here: Vec<&Interview> = app.fair().interviews.iter().filter(|i| i.booth == booth_id).collect();
    if here.is_empty() {
        ui.label(egui::RichText::new(cx.t(NO_INTERVIEWS_HERE)).weak());
    }
    let lanes = grid.interviewers.clamp(1, 6) as usize;
    // Lanes share the width there is, within bounds, so names and titles are not cut early.
    let lane_width = ((ui.available_width() - TIME_COLUMN) / lanes as f32).clamp(LANE_WIDTH, 2.0 * LANE_WIDTH);
    egui::ScrollArea::both().id_salt("schedule_timeline").show(ui, |ui| {
        let size = egui::vec2(TIME_COLUMN + lane_width * lanes as f32, ROW * grid.slots as f32);
        let (area, _) = ui.allocate_exact_size(size, egui::Sense::hover());
        let painter = ui.painter_at(area);
        let visuals = ui.visuals().clone();
        for slot in 0..grid.slots {
            let y = area.top() + ROW * slot as f32;
            let row = egui::Rect::from_min_size(egui::pos2(area.left(), y), egui::vec2(area.width(), ROW));
            if slot % 2 == 1 {
                painter.rect_filled(row, 0.0, visuals.faint_bg_color);
            }
            painter.text(
                egui::pos2(area.left() + 4.0, y + ROW / 2.0),
                egui::Align2::LEFT_CENTER,
                hm(grid.span(slot).0),
                egui::FontId::proportional(style::SMALL),
                visuals.weak_text_color(),
            );
        }
        // Interviews sharing a start take lanes side by side.
        let mut lane_at: HashMap<LocalTime, usize> = HashMap::new();
        for interview in here {
            let lane = lane_at.entry(interview.start).or_default();
            let minutes = (interview.start - grid.start).num_minutes() as f32;
            let y = area.top() + ROW * minutes / grid.slot.num_minutes() as f32;
            let x = area.left() + TIME_COLUMN + lane_width * (*lane % lanes) as f32;
            *lane += 1;
            let rect = egui::Rect::from_min_size(egui::pos2(x + 2.0, y + 2.0), egui::vec2(lane_width - 4.0, ROW - 4.0));
            interview_box(ui, cx, view, &grid, interview, rect);
        }
    });
}

fn interview_box(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx,
    view: &mut ScheduleView,
    grid: &BoothGrid,
    interview: &Interview,
    rect: egui::Rect,
) {
    let app = cx.app;
    let id = egui::Id::unique((
        "schedule_interview",
        interview.candidate.as_str(),
        interview.booth.as_str(),
    ));
    let response = ui.interact(rect, id, egui::Sense::click_and_drag());
    let visuals = ui.visuals().clone();
    let name = app
        .index()
        .candidates
        .get(&interview.candidate)
        .map(|&i| app.fair().candidates[i].name.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| interview.candidate.to_string());
    let fill = if response.hovered() || response.dragged() {
        visuals.selection.bg_fill
    } else {
        visuals.widgets.inactive.bg_fill
    };
    let title = interview
        .position
        .as_ref()
        .and_then(|p| app.index().positions.get(p))
        .map(|&i| app.fair().positions[i].title.clone());
    let label = match &title {
        Some(t) => format!("{name} · {t}"),
        None => name.clone(),
    };
    // Screen readers (and the window tests) find an interview by its name and time.
    let spoken = format!("{name} {}", hm(interview.start));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    let response = response.on_hover_text(format!("{label}\n{}–{}", hm(interview.start), hm(interview.end)));
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect_filled(rect, 4.0, fill);
    painter.text(
        rect.left_center() + egui::vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        label,
        egui::FontId::proportional(style::SMALL),
        visuals.strong_text_color(),
    );
    if response.clicked() {
        cx.push(Command::JumpTo(Record::Candidate(interview.candidate.clone())));
    }
    let key = (interview.candidate.clone(), interview.booth.clone());
    if response.drag_started() {
        view.dragging = Some((key.0.clone(), key.1.clone(), 0.0));
    }
    let Some((c, b, offset)) = view.dragging.as_mut() else {
        return;
    };
    if *c != key.0 || *b != key.1 {
        return;
    }
    *offset += response.drag_delta().y;
    let slots = (*offset / ROW).round() as i32;
    let target = interview.start + grid.slot * slots;
    let moved = rect.translate(egui::vec2(0.0, ROW * slots as f32));
    if slots != 0 {
        let verdict = app.interview_moved(&interview.candidate, &interview.booth, target);
        let (color, text) = match &verdict {
            Ok(_) => (
                visuals.selection.stroke.color,
                MOVE_OK.fill(cx.lang(), &[("time", &hm(target))]),
            ),
            Err(e) => (visuals.error_fg_color, e.get(cx.lang()).to_owned()),
        };
        let painter = ui.painter();
        painter.rect_stroke(moved, 4.0, egui::Stroke::new(2.0, color), egui::StrokeKind::Inside);
        painter.text(
            moved.right_center() + egui::vec2(8.0, 0.0),
            egui::Align2::LEFT_CENTER,
            text,
            egui::FontId::proportional(style::SMALL),
            color,
        );
    }
    if response.drag_stopped() {
        view.dragging = None;
        if slots != 0 {
            // A clash is refused by the apply path, which shows the reason.
            cx.push(Command::Apply(Edit::MoveInterview {
                candidate: interview.candidate.clone(),
                booth: interview.booth.clone(),
                start: target,
            }));
        }
    }
}

/// One candidate's interviews in time order, each with its line: "13:00–13:15 A-001 崂山科技大学".
fn itinerary_of<'a>(app: &'a AppState, candidate: &CandidateId) -> Vec<(&'a Interview, String)> {
    crate::app::itinerary(app.fair(), candidate)
        .into_iter()
        .filter_map(|stop| match stop {
            Stop::Interview(i) => Some(i),
            Stop::Session(_) => None,
        })
        .map(|i| {
            let employer = app.booth(&i.booth).map_or("", |b| b.employer.as_str());
            (i, format!("{}–{} {} {employer}", hm(i.start), hm(i.end), i.booth))
        })
        .collect()
}

/// One candidate's itinerary as lines, for the check-in desk.
pub fn itinerary_lines(app: &AppState, candidate: &CandidateId) -> Vec<String> {
    itinerary_of(app, candidate).into_iter().map(|(_, line)| line).collect()
}

/// A booth's next interviews from `now` (at most `n`); on another day than the interviews',
/// the first of their day, so a desk set up the evening before shows the morning.
pub fn next_at_booth<'a>(app: &'a AppState, booth: &BoothId, now: LocalTime, n: usize) -> Vec<&'a Interview> {
    let mut here: Vec<&Interview> = app.fair().interviews.iter().filter(|i| &i.booth == booth).collect();
    here.sort_by_key(|i| i.start);
    let today = now.date();
    let upcoming: Vec<&Interview> = if here.iter().any(|i| i.start.date() == today) {
        here.into_iter().filter(|i| i.end >= now).collect()
    } else {
        here.into_iter().filter(|i| i.start.date() > today).collect()
    };
    upcoming.into_iter().take(n).collect()
}

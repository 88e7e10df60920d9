//! The interview schedule, made off the frame: the allocation (in the chosen scope) and the
//! open invitations into a timetable, applied as one undoable edit.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{JobOutcome, Message, Task, failed};
use crate::app::{AppState, Edit};
use crate::matching::CandidateScope;
use crate::model::{BoothId, CandidateId, PositionId, ScheduleSettings};
use crate::schedule::{LeftOut, Options, Request, Timetable, requests, schedule, schedule_more};

/// What the last schedule left out, and why, for the Schedule view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScheduleReport {
    pub scheduled: usize,
    pub left_out: Vec<(CandidateId, BoothId, Option<PositionId>, LeftOut)>,
    pub scope: CandidateScope,
    pub took: Duration,
}

impl ScheduleReport {
    /// The report of `left_out`, next to `scheduled` interviews made in `took`.
    fn new(scheduled: usize, left_out: Vec<(Request, LeftOut)>, scope: CandidateScope, took: Duration) -> Self {
        ScheduleReport {
            scheduled,
            left_out: left_out
                .into_iter()
                .map(|(r, why)| (r.candidate, r.booth, r.position, why))
                .collect(),
            scope,
            took,
        }
    }

    fn message(&self) -> Message {
        let (scheduled, left_out) = (self.scheduled, self.left_out.len());
        Message::new(
            format!("Scheduled {scheduled} interviews; {left_out} pairs left out"),
            format!("已安排 {scheduled} 场面试；{left_out} 对未能安排"),
        )
    }
}

/// Applies a made timetable as one undoable edit and keeps its report for the Schedule view.
fn apply_timetable(
    state: &mut AppState,
    interviews: Vec<crate::model::Interview>,
    settings: ScheduleSettings,
    report: ScheduleReport,
) -> JobOutcome {
    let message = report.message();
    if let Err(e) = state.apply(Edit::SetInterviews { interviews, settings }) {
        return JobOutcome::Failed {
            summary: schedule_failed(),
            detail: e.en,
        };
    }
    state.schedule_report = Some(Arc::new(report));
    JobOutcome::Done(message)
}

fn schedule_failed() -> Message {
    Message::new("Could not make the schedule", "无法生成面试日程")
}

pub(super) fn make(state: &AppState, scope: CandidateScope, settings: ScheduleSettings) -> Task {
    let label = Message::new("Making the interview schedule", "正在生成面试日程");
    if state.is_matching() {
        return Task::failed(
            label,
            schedule_failed(),
            "matching is still in progress; make the schedule once the matches are shown",
        );
    }
    let fair = state.fair.share();
    let matcher = Arc::clone(&state.matcher);
    let generation = state.generation;
    let finished_label = label.clone();
    Task::new(label, true, move |context| {
        let start = Instant::now();
        let allocation = matcher.allocate_scoped(&fair, scope);
        if context.is_cancelled() {
            return failed(schedule_failed(), "cancelled");
        }
        context.set_fraction(0.6);
        let wanted = requests(&fair, &matcher, &allocation, scope);
        drop(matcher);
        let Timetable { interviews, left_out } = schedule(&fair.booths, wanted, Options::from(settings));
        drop(fair);
        let report = ScheduleReport::new(interviews.len(), left_out, scope, start.elapsed());
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            apply_timetable(state, interviews, settings, report)
        })
    })
}

/// Interviews for `wanted` added around the timetable there is, which does not move.
pub(super) fn more(state: &AppState, wanted: Vec<Request>) -> Task {
    let label = Message::new("Scheduling interviews", "正在安排面试");
    let fair = state.fair.share();
    let generation = state.generation;
    let finished_label = label.clone();
    Task::new(label, true, move |_context| {
        let start = Instant::now();
        let settings = fair.schedule;
        let existing = fair.interviews.clone();
        let Timetable { interviews, left_out } = schedule_more(&fair.booths, &existing, wanted, settings.into());
        drop(fair);
        let report = ScheduleReport::new(interviews.len(), left_out, CandidateScope::Everyone, start.elapsed());
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            // Placed around the timetable as it was: if it changed meanwhile, place them again.
            if state.fair().interviews != existing {
                return JobOutcome::Failed {
                    summary: schedule_failed(),
                    detail: "the timetable changed while the interviews were placed; schedule them again".into(),
                };
            }
            let mut all = existing;
            all.extend(interviews);
            // As a made schedule is: by booth, then start, then candidate.
            all.sort_by(|a, b| (&a.booth, a.start, &a.candidate).cmp(&(&b.booth, b.start, &b.candidate)));
            apply_timetable(state, all, settings, report)
        })
    })
}

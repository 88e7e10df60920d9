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
        let timetable = schedule(&fair.booths, wanted, Options::from(settings));
        drop(fair);
        let report = ScheduleReport {
            scheduled: timetable.interviews.len(),
            left_out: timetable
                .left_out
                .into_iter()
                .map(|(r, why)| (r.candidate, r.booth, r.position, why))
                .collect(),
            scope,
            took: start.elapsed(),
        };
        let interviews = timetable.interviews;
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            let message = Message::new(
                format!(
                    "Scheduled {} interviews; {} pairs left out",
                    report.scheduled,
                    report.left_out.len()
                ),
                format!(
                    "已安排 {} 场面试；{} 对未能安排",
                    report.scheduled,
                    report.left_out.len()
                ),
            );
            if let Err(e) = state.apply(Edit::SetInterviews { interviews, settings }) {
                return JobOutcome::Failed {
                    summary: schedule_failed(),
                    detail: e.en,
                };
            }
            state.schedule_report = Some(Arc::new(report));
            JobOutcome::Done(message)
        })
    })
}

/// Interviews for `pairs` added around the timetable there is, which does not move.
pub(super) fn more(state: &AppState, pairs: Vec<(CandidateId, PositionId, f32)>) -> Task {
    let label = Message::new("Scheduling interviews", "正在安排面试");
    let fair = state.fair.share();
    let generation = state.generation;
    let finished_label = label.clone();
    Task::new(label, true, move |_context| {
        let start = Instant::now();
        let settings = fair.schedule;
        let wanted: Vec<Request> = pairs
            .into_iter()
            .filter_map(|(candidate, position, score)| {
                let booth = fair.positions.iter().find(|p| p.id == position)?.booth.clone();
                Some(Request {
                    candidate,
                    booth,
                    position: Some(position),
                    invited: false,
                    score,
                })
            })
            .collect();
        let existing = fair.interviews.clone();
        let Timetable { interviews, left_out } = schedule_more(&fair.booths, &existing, wanted, settings.into());
        drop(fair);
        let report = ScheduleReport {
            scheduled: interviews.len(),
            left_out: left_out
                .into_iter()
                .map(|(r, why)| (r.candidate, r.booth, r.position, why))
                .collect(),
            scope: CandidateScope::Everyone,
            took: start.elapsed(),
        };
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
            let message = Message::new(
                format!(
                    "Scheduled {} interviews; {} pairs left out",
                    report.scheduled,
                    report.left_out.len()
                ),
                format!(
                    "已安排 {} 场面试；{} 对未能安排",
                    report.scheduled,
                    report.left_out.len()
                ),
            );
            let mut all = existing;
            all.extend(interviews);
            // As a made schedule is: by booth, then start, then candidate.
            all.sort_by(|a, b| (&a.booth, a.start, &a.candidate).cmp(&(&b.booth, b.start, &b.candidate)));
            if let Err(e) = state.apply(Edit::SetInterviews {
                interviews: all,
                settings,
            }) {
                return JobOutcome::Failed {
                    summary: schedule_failed(),
                    detail: e.en,
                };
            }
            state.schedule_report = Some(Arc::new(report));
            JobOutcome::Done(message)
        })
    })
}

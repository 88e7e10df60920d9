//! Station logs: this laptop's events written out, and other laptops' logs merged in.

use std::path::PathBuf;

use super::{JobOutcome, Message, Task, done, failed};
use crate::app::merge::{plan_merge, station_log};
use crate::app::{AppState, Edit};

fn log_failed() -> Message {
    Message::new("Station log failed", "记录文件操作失败")
}

/// Writes the events this laptop recorded (its station's) as a station log.
pub(super) fn export(state: &AppState, path: PathBuf) -> Task {
    let station = state.station();
    let snapshot = state.fair.share();
    let label = Message::new(
        format!("Exporting the station log of {station}"),
        format!("正在导出 {station} 的记录"),
    );
    Task::new(label, false, move |_| {
        let log = station_log(&snapshot, Some(&station));
        drop(snapshot);
        match crate::store::station_log::save_station_log(&path, &log) {
            Ok(()) => done(Message::new(
                format!("{} events of {station} → {}", log.events.len(), path.display()),
                format!("{station} 的 {} 条记录 → {}", log.events.len(), path.display()),
            )),
            Err(e) => failed(log_failed(), e.to_string()),
        }
    })
}

/// Reads the logs and works out the merge against the fair as it is now, off the frame; the
/// window then applies it as one undoable edit. Should the fair change meanwhile (a desk action,
/// an edit), the merge is worked out again on the fair as it is then.
pub(super) fn merge(state: &AppState, paths: Vec<PathBuf>) -> Task {
    let snapshot = state.fair.share();
    let version = state.fair_version;
    let generation = state.generation;
    let label = Message::new(
        format!("Merging {} station logs", paths.len()),
        format!("正在合并 {} 份各机记录", paths.len()),
    );
    let finished_label = label.clone();
    Task::new(label, true, move |context| {
        let mut logs = Vec::with_capacity(paths.len());
        for (i, path) in paths.iter().enumerate() {
            if context.is_cancelled() {
                return failed(log_failed(), "cancelled");
            }
            context.set_fraction(i as f32 / (paths.len() + 1) as f32);
            match crate::store::station_log::load_station_log(path) {
                Ok(log) => logs.push(log),
                Err(e) => return failed(log_failed(), e.to_string()),
            }
        }
        context.set_stage(Message::new("merging", "合并中"));
        let planned = plan_merge(&snapshot, &logs);
        drop(snapshot);
        let (merge, report) = match planned {
            Ok(planned) => planned,
            Err(e) => return failed(log_failed(), e.to_string()),
        };
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            if state.fair_version != version {
                state.start(super::Job::MergeStationLogs { paths });
                return JobOutcome::Done(Message::new(
                    "The fair changed while merging; merging again",
                    "合并期间招聘会有改动，正在重新合并",
                ));
            }
            let nothing_new = merge.candidates.is_empty()
                && merge.check_ins.is_empty()
                && merge.visits.is_empty()
                && merge.events.is_empty();
            if !nothing_new && let Err(e) = state.apply(Edit::MergeLogs(Box::new(merge))) {
                return JobOutcome::Failed {
                    summary: log_failed(),
                    detail: e.en,
                };
            }
            JobOutcome::Merged(report)
        })
    })
}

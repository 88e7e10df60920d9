//! File → Export station log… / Merge station logs…: a window with typed paths (and the file
//! picker), running the export or merge as a job, showing what the merge did and the possible
//! duplicates to resolve.

use std::path::PathBuf;

use super::FilePurpose;
use super::command::{Command, ViewCtx};
use super::i18n::{self, Tr, tr};
use crate::app::merge::{DuplicateGroup, possible_duplicates};
use crate::app::{AppState, Edit, Job};
use crate::model::{CandidateId, DuplicateDecision, Lang};

pub const EXPORT_MENU: Tr = tr("Export station log…", "导出本机记录…");
pub const MERGE_MENU: Tr = tr("Merge station logs…", "合并各机记录…");
const LOG_PATH: Tr = tr("Station log path", "记录文件路径");
const LOG_PATHS: Tr = tr("Station log paths (one per line)", "记录文件路径（每行一个）");
const EXPORT: Tr = tr("Export", "导出");
const MERGE: Tr = tr("Merge", "合并");
const CHOOSE: Tr = tr("Choose…", "选择…");
const CLOSE: Tr = tr("Close", "关闭");
const DUPLICATES: Tr = tr("Possible duplicates to resolve", "待处理的疑似重复登记");
const NO_DUPLICATES: Tr = tr("No possible duplicates left to resolve.", "没有待处理的疑似重复登记。");
const DIFFERENT: Tr = tr("Different people", "不是同一人");
const REGISTERED: Tr = tr("registered beforehand", "预先报名");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogWindow {
    Export,
    Merge,
}

/// The station log window's own state.
#[derive(Debug, Clone, Default)]
pub struct LogState {
    pub open: Option<LogWindow>,
    pub paths: String,
    pub result: Vec<String>,
    /// Possible duplicates of the fair at a revision; finding them scans every candidate.
    pub duplicates: Option<(u64, Vec<DuplicateGroup>)>,
}

impl LogState {
    pub fn open(window: LogWindow) -> Self {
        Self {
            open: Some(window),
            ..Self::default()
        }
    }
}

/// Draws the window inside `area` (the central panel): it never covers the menu bar.
pub fn show(ctx: &egui::Context, cx: &mut ViewCtx, logs: &mut LogState, area: egui::Rect) {
    let Some(kind) = logs.open else { return };
    let lang = cx.lang();
    let title = match kind {
        LogWindow::Export => EXPORT_MENU,
        LogWindow::Merge => MERGE_MENU,
    };
    let mut keep_open = true;
    egui::Window::new(title.get(lang))
        .collapsible(false)
        .constrain_to(area)
        .default_pos(area.min + egui::vec2(24.0, 24.0))
        .max_height(area.height() - 48.0)
        .vscroll(true)
        .show(ctx, |ui| {
            let label = ui.label(match kind {
                LogWindow::Export => LOG_PATH.get(lang),
                LogWindow::Merge => LOG_PATHS.get(lang),
            });
            let field = match kind {
                LogWindow::Export => egui::TextEdit::singleline(&mut logs.paths),
                LogWindow::Merge => egui::TextEdit::multiline(&mut logs.paths).desired_rows(3),
            };
            ui.add(field.desired_width(420.0)).labelled_by(label.id);
            let running = match kind {
                LogWindow::Export => cx.app.is_running(&Job::ExportStationLog { path: PathBuf::new() }),
                LogWindow::Merge => cx.app.is_running(&Job::MergeStationLogs { paths: Vec::new() }),
            };
            ui.horizontal(|ui| {
                if ui.button(CHOOSE.get(lang)).clicked() {
                    cx.push(Command::PickFile(match kind {
                        LogWindow::Export => FilePurpose::ExportStationLog,
                        LogWindow::Merge => FilePurpose::MergeStationLogs,
                    }));
                }
                let run = match kind {
                    LogWindow::Export => EXPORT,
                    LogWindow::Merge => MERGE,
                };
                if ui.add_enabled(!running, egui::Button::new(run.get(lang))).clicked() {
                    let job = match kind {
                        LogWindow::Export => {
                            let path = PathBuf::from(logs.paths.trim());
                            (!path.as_os_str().is_empty()).then_some(Job::ExportStationLog { path })
                        }
                        LogWindow::Merge => {
                            let paths: Vec<PathBuf> = logs
                                .paths
                                .lines()
                                .map(str::trim)
                                .filter(|l| !l.is_empty())
                                .map(PathBuf::from)
                                .collect();
                            (!paths.is_empty()).then_some(Job::MergeStationLogs { paths })
                        }
                    };
                    if let Some(job) = job {
                        cx.push(Command::Start(job));
                    }
                }
                if ui.button(CLOSE.get(lang)).clicked() {
                    keep_open = false;
                }
            });
            for line in &logs.result {
                ui.label(line);
            }
            if kind == LogWindow::Merge {
                ui.separator();
                duplicates(ui, cx, logs);
            }
        });
    if !keep_open {
        *logs = LogState::default();
    }
}

/// The possible duplicates still open, each undecided pair with its three answers. Answers are
/// organizer edits: undoable, saved with the fair and respected by later merges.
fn duplicates(ui: &mut egui::Ui, cx: &mut ViewCtx, logs: &mut LogState) {
    let lang = cx.lang();
    let app = cx.app;
    let revision = app.revision();
    if logs.duplicates.as_ref().is_none_or(|(r, _)| *r != revision) {
        logs.duplicates = Some((revision, possible_duplicates(app.fair())));
    }
    let groups: &[DuplicateGroup] = logs.duplicates.as_ref().map_or(&[], |(_, g)| g);
    if groups.is_empty() {
        ui.label(NO_DUPLICATES.get(lang));
        return;
    }
    ui.label(egui::RichText::new(format!("{} ({})", DUPLICATES.get(lang), groups.len())).strong());
    let mut decision = None;
    egui::ScrollArea::vertical()
        .id_salt("duplicates")
        .max_height(320.0)
        .show(ui, |ui| {
            for group in groups {
                ui.group(|ui| {
                    let shared = group.shared.iter().map(|s| shared_label(s, lang)).collect::<Vec<_>>();
                    let values = shared.join(lang.pick(", ", "、"));
                    ui.label(i18n::SAME_VALUES.fill(lang, &[("values", &values)]));
                    for (a, b) in &group.undecided {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("{}  ↔  {}", member(app, group, a), member(app, group, b)));
                        });
                        ui.horizontal(|ui| {
                            for (kept, merged) in [(a, b), (b, a)] {
                                let text = i18n::SAME_PERSON_KEEP.fill(lang, &[("kept", kept)]);
                                if ui.button(text).clicked() {
                                    decision = Some(DuplicateDecision::SamePerson {
                                        kept: kept.clone(),
                                        merged: merged.clone(),
                                    });
                                }
                            }
                            if ui.button(DIFFERENT.get(lang)).clicked() {
                                decision = Some(DuplicateDecision::DifferentPeople {
                                    a: a.clone(),
                                    b: b.clone(),
                                });
                            }
                        });
                    }
                });
            }
        });
    if let Some(decision) = decision {
        cx.push(Command::Apply(Edit::ResolveDuplicate { decision }));
    }
}

/// "phone 13911112222" → "phone 13911112222" / "手机 13911112222".
fn shared_label(shared: &str, lang: Lang) -> String {
    match (lang, shared.split_once(' ')) {
        (Lang::Zh, Some(("phone", value))) => format!("手机 {value}"),
        (Lang::Zh, Some(("email", value))) => format!("邮箱 {value}"),
        _ => shared.to_owned(),
    }
}

/// One person of a pair: name, id and where they registered.
fn member(app: &AppState, group: &DuplicateGroup, id: &CandidateId) -> String {
    let lang = app.prefs().lang;
    let Some(m) = group.members.iter().find(|m| &m.id == id) else {
        return id.to_string();
    };
    let origin = match (&m.walk_in_station, lang) {
        (Some(station), Lang::En) => format!("walk-in at {station}"),
        (Some(station), Lang::Zh) => format!("{station} 现场登记"),
        (None, _) => REGISTERED.get(lang).to_owned(),
    };
    let checked_in = app
        .candidate(id)
        .and_then(|c| c.checked_in)
        .map(|at| format!(", {}", super::checkin::clock(at)))
        .unwrap_or_default();
    format!("{} ({id}, {origin}{checked_in})", m.name)
}

//! CSV files: importing records, exporting tables, the allocation and a booth's shortlist.

use std::path::PathBuf;
use std::sync::Arc;

use super::import_questions::{ImportAnswers, ImportQuestion, encoding_choices};
use super::{JobOutcome, Message, Task, done, failed, file_name};
use crate::app::{AppState, Edit, EditName};
use crate::model::{BoothId, Candidate, Fair, FairId, Lang};
use crate::store::StoreError;
use crate::store::csv_export::{CsvEncoding, ExportTable, export_csv_file};
use crate::store::csv_import::{BadRow, ImportFiles, ImportOptions, import_with};

/// Which records a CSV import brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Booths,
    Positions,
    Candidates,
    Projects,
    Sessions,
}

/// A CSV import parsed against the fair's ids, not added yet: its good rows and the rows that
/// could not be used (file:line: column: what was expected).
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub file: String,
    pub booths: Vec<crate::model::Booth>,
    pub positions: Vec<crate::model::Position>,
    pub candidates: Vec<Candidate>,
    pub projects: Vec<crate::model::Project>,
    pub sessions: Vec<crate::model::Session>,
    pub bad_rows: Vec<BadRow>,
    /// The fair's label mappings with the import's answers added, when it was given some: kept
    /// in the fair by the same undoable step as the rows.
    pub label_mappings: Option<Vec<crate::model::LabelMapping>>,
}

impl PendingImport {
    pub fn good_rows(&self) -> usize {
        self.booths.len() + self.positions.len() + self.candidates.len() + self.projects.len() + self.sessions.len()
    }

    /// The good rows as one undoable edit, named for the file (and the rows skipped).
    pub fn into_edit(self) -> Edit {
        let rows = self.good_rows();
        let file = &self.file;
        let skipped = self.bad_rows.len();
        let name = if skipped == 0 {
            EditName::new(
                format!("import {rows} rows from {file}"),
                format!("从 {file} 导入 {rows} 行"),
            )
        } else {
            EditName::new(
                format!("import {rows} rows from {file}, {skipped} skipped"),
                format!("从 {file} 导入 {rows} 行（跳过 {skipped} 行）"),
            )
        };
        let append = Edit::Append {
            name: name.clone(),
            booths: self.booths,
            positions: self.positions,
            candidates: self.candidates,
        };
        // Projects and sessions are few: one AddProject/AddSession each, in the same step.
        let added: Vec<Edit> = (self.projects.into_iter())
            .map(|value| Edit::AddProject { value, at: None })
            .chain(
                self.sessions
                    .into_iter()
                    .map(|value| Edit::AddSession { value, at: None }),
            )
            .collect();
        if self.label_mappings.is_none() && added.is_empty() {
            return append;
        }
        let mut edits: Vec<Edit> = self
            .label_mappings
            .map(|value| Edit::SetLabelMappings { value })
            .into_iter()
            .collect();
        edits.push(append);
        edits.extend(added);
        Edit::Batch { name, edits }
    }
}

fn import_failed() -> Message {
    Message::new("Could not import the file", "无法导入文件")
}

fn export_failed() -> Message {
    Message::new("Could not export", "导出失败")
}

/// What the importer checks new rows against, taken from the fair: its booths and positions
/// whole (few), and of each candidate only what duplicates are found by (id, phone, email).
fn id_snapshot(fair: &Fair) -> Fair {
    let mut ids = Fair::new(FairId::new(fair.meta.id.0.as_str()), "");
    ids.booths = fair.booths.clone();
    ids.positions = fair.positions.clone();
    // Mappings kept from earlier imports apply to this one.
    ids.label_mappings = fair.label_mappings.clone();
    // A session may present a project; ids must not clash.
    ids.projects = fair.projects.clone();
    ids.sessions = fair.sessions.clone();
    ids.candidates = fair
        .candidates
        .iter()
        .map(|c| {
            let mut stub = Candidate::blank(c.id.clone(), "");
            stub.phone = c.phone.clone();
            stub.email = c.email.clone();
            stub
        })
        .collect();
    ids
}

/// Parses the file on the job's thread against the fair's ids; the fair is not touched. Without
/// bad rows the good ones are added at once as one undoable edit; with bad rows the window asks.
pub(super) fn import(state: &AppState, kind: CsvKind, path: PathBuf, answers: ImportAnswers) -> Task {
    let snapshot = state.fair.share();
    let generation = state.generation;
    let file = file_name(&path);
    let label = Message::new(format!("Importing {file}"), format!("正在导入 {file}"));
    let finished_label = label.clone();
    Task::new(label, true, move |context| {
        let mut fair = id_snapshot(&snapshot);
        drop(snapshot);
        if context.is_cancelled() {
            return failed(import_failed(), "cancelled");
        }
        context.set_stage(Message::new("reading rows", "读取数据行"));
        let files = ImportFiles {
            booths: (kind == CsvKind::Booths).then_some(path.as_path()),
            positions: (kind == CsvKind::Positions).then_some(path.as_path()),
            candidates: (kind == CsvKind::Candidates).then_some(path.as_path()),
            projects: (kind == CsvKind::Projects).then_some(path.as_path()),
            sessions: (kind == CsvKind::Sessions).then_some(path.as_path()),
        };
        let before = (
            fair.booths.len(),
            fair.positions.len(),
            fair.candidates.len(),
            fair.projects.len(),
            fair.sessions.len(),
        );
        let options = ImportOptions {
            encoding: answers
                .encoding
                .as_deref()
                .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes())),
            sheet: None,
            mappings: answers.mappings.clone(),
        };
        let question_label = finished_label.clone();
        let question = move |question: ImportQuestion| -> super::Finish {
            Box::new(move |state: &mut AppState| {
                if state.generation != generation {
                    return super::for_another_fair(&question_label);
                }
                JobOutcome::ImportQuestion(question)
            })
        };
        let report = match import_with(&mut fair, &files, &options) {
            Ok(report) => report,
            Err(StoreError::EncodingUnsure { guess, other, .. }) => {
                return question(ImportQuestion::Encoding {
                    kind,
                    choices: encoding_choices(&path, guess, other),
                    path,
                    answers,
                });
            }
            Err(e) => return failed(import_failed(), e.to_string()),
        };
        if !report.unknown_values.is_empty() && !answers.labels_answered {
            return question(ImportQuestion::Labels {
                kind,
                path,
                answers,
                unknown: report.unknown_values,
            });
        }
        let pending = PendingImport {
            file,
            booths: fair.booths.split_off(before.0),
            positions: fair.positions.split_off(before.1),
            candidates: fair.candidates.split_off(before.2),
            projects: fair.projects.split_off(before.3),
            sessions: fair.sessions.split_off(before.4),
            bad_rows: report.bad_rows,
            label_mappings: (!answers.mappings.is_empty()).then(|| fair.label_mappings.clone()),
        };
        Box::new(move |state: &mut AppState| {
            if state.generation != generation {
                return super::for_another_fair(&finished_label);
            }
            if !pending.bad_rows.is_empty() {
                return JobOutcome::ImportBadRows(pending);
            }
            let rows = pending.good_rows();
            let file = pending.file.clone();
            if rows == 0 {
                return JobOutcome::Done(Message::new(
                    format!("{file}: no rows to import"),
                    format!("{file}：没有可导入的数据行"),
                ));
            }
            match state.apply(pending.into_edit()) {
                Ok(()) => JobOutcome::Done(Message::new(
                    format!("Imported {rows} rows from {file}"),
                    format!("已从 {file} 导入 {rows} 行"),
                )),
                Err(e) => JobOutcome::Failed {
                    summary: import_failed(),
                    detail: e.en,
                },
            }
        })
    })
}

fn exported(rows: usize, path: &std::path::Path) -> Message {
    Message::new(
        format!("Exported {rows} rows to {}", path.display()),
        format!("已导出 {rows} 行到 {}", path.display()),
    )
}

/// Writes one table of the fair as it is now.
pub(super) fn export(state: &AppState, table: ExportTable, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let name = file_name(&path);
    let label = Message::new(format!("Exporting {name}"), format!("正在导出 {name}"));
    Task::new(label, false, move |_| {
        let result = export_csv_file(&snapshot, table, CsvEncoding::Utf8, &path);
        drop(snapshot);
        match result {
            Ok(rows) => done(exported(rows, &path)),
            Err(e) => failed(export_failed(), e.to_string()),
        }
    })
}

/// Writes the last allocation as `candidate_id,position_id,reason` (empty position for the
/// candidates not placed).
pub(super) fn export_allocation(state: &AppState, path: PathBuf) -> Task {
    let name = file_name(&path);
    let label = Message::new(format!("Exporting {name}"), format!("正在导出 {name}"));
    let Some(allocation) = state.allocation.clone() else {
        return Task::failed(label, export_failed(), "no allocation has been run yet");
    };
    Task::new(label, false, move |_| {
        let bytes = match allocation_csv(&allocation) {
            Ok(bytes) => bytes,
            Err(e) => return failed(export_failed(), e),
        };
        match crate::store::write_atomically(&path, &bytes) {
            Ok(()) => done(exported(allocation.rows.len(), &path)),
            Err(e) => failed(export_failed(), e.to_string()),
        }
    })
}

fn allocation_csv(allocation: &Arc<super::AllocationReport>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        writer
            .write_record(["candidate_id", "position_id", "reason"])
            .map_err(|e| e.to_string())?;
        for row in &allocation.rows {
            let position = row.position.as_ref().map_or("", |p| p.as_str());
            let reason = row.reason.map_or("", |r| r.en());
            writer
                .write_record([row.candidate.as_str(), position, reason])
                .map_err(|e| e.to_string())?;
        }
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Writes the booth's shortlist as the booth desk shows it, UTF-8 with a byte-order mark so
/// spreadsheet programs read the Chinese.
pub(super) fn export_shortlist(
    state: &AppState,
    booth: BoothId,
    day: Option<chrono::NaiveDate>,
    lang: Lang,
    path: PathBuf,
) -> Task {
    let snapshot = state.fair.share();
    let name = file_name(&path);
    let label = Message::new(format!("Exporting {name}"), format!("正在导出 {name}"));
    Task::new(label, false, move |_| {
        let rows = crate::app::shortlist::rows(&snapshot, &booth, day, lang);
        drop(snapshot);
        let bytes = match crate::app::shortlist::csv(&rows, lang) {
            Ok(bytes) => bytes,
            Err(e) => return failed(export_failed(), e),
        };
        match crate::store::write_atomically(&path, &bytes) {
            Ok(()) => done(Message::new(
                format!("{} visits written to {}", rows.len(), path.display()),
                format!("已写入 {} 条到访到 {}", rows.len(), path.display()),
            )),
            Err(e) => failed(export_failed(), e.to_string()),
        }
    })
}

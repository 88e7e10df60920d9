//! Import of booths, positions and candidates from organizers' spreadsheets.
//!
//! Accepts CSV in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and other
//! detected encodings (see [`crate::store::encoding`]), comma or tab separated, and Excel
//! workbooks (.xlsx, .xls, .xlsb, .ods: the first sheet or a named one); English or Chinese
//! headers; labels in organizers' own words (see [`labels`]). Every bad row is reported with file, line, column
//! and reason; the caller decides whether to write anything (see [`ImportReport::bad_rows`]).
//!
//! - [`columns`]: the known columns, header matching and the decoded table.
//! - `importer`: turns a table's rows into booths, positions and candidates.
//! - `cells`: parsing of single cells (salary, years, yes/no, ...).
//! - [`labels`]: mapping free-typed labels.
//! - `workbook`: Excel sheets read into the same table as CSV.

mod cells;
pub mod columns;
mod importer;
pub mod labels;
mod workbook;

use std::fmt;
use std::path::Path;

use crate::model::{BoothId, Fair, LabelMapping};

use super::StoreError;

pub use cells::parse_salary_range;
use columns::Table;
pub use columns::{BOOTH_COLUMNS, CANDIDATE_COLUMNS, Column, POSITION_COLUMNS, PROJECT_COLUMNS, SESSION_COLUMNS};
use importer::Importer;
pub use labels::{MappedBy, MappedValue, UnknownValue, parse_map_arg};

/// Largest CSV file read; far above any real registration list.
pub const CSV_SIZE_CAP: u64 = 1 << 30;

/// The CSV files of one import; any subset may be given.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportFiles<'a> {
    pub booths: Option<&'a Path>,
    pub positions: Option<&'a Path>,
    pub candidates: Option<&'a Path>,
    pub projects: Option<&'a Path>,
    pub sessions: Option<&'a Path>,
}

/// Which kind of sheet: what its rows become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Booths,
    Positions,
    Candidates,
    Projects,
    Sessions,
}

impl SheetKind {
    fn columns(self) -> (&'static [Column], &'static [&'static str]) {
        match self {
            SheetKind::Booths => (BOOTH_COLUMNS, &["employer"]),
            SheetKind::Positions => (POSITION_COLUMNS, &["title"]),
            SheetKind::Candidates => (CANDIDATE_COLUMNS, &["name"]),
            SheetKind::Projects => (PROJECT_COLUMNS, &["title"]),
            SheetKind::Sessions => (SESSION_COLUMNS, &["title", "start", "end"]),
        }
    }
}

/// How to read the files.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Read CSV files in this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The sheet of a workbook to read (default: the first).
    pub sheet: Option<String>,
    /// Label mappings to use and to keep in the fair (`--map`); they win over the fair's own.
    pub mappings: Vec<LabelMapping>,
}

/// A row that could not be imported, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub file: String,
    /// 1-based line in the file (the header is line 1).
    pub line: u64,
    /// The header as written in the file, with the English name when they differ.
    pub column: Option<String>,
    pub reason: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "{}:{}: column {column}: {}", self.file, self.line, self.reason),
            None => write!(f, "{}:{}: {}", self.file, self.line, self.reason),
        }
    }
}

/// What an import did and what it refused.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub booths_added: usize,
    pub positions_added: usize,
    pub candidates_added: usize,
    pub projects_added: usize,
    pub sessions_added: usize,
    /// Booths created because a position named a missing booth but gave its employer.
    pub booths_created: Vec<BoothId>,
    /// Every row not imported, with the reason. Duplicate candidates are listed here too.
    pub bad_rows: Vec<BadRow>,
    /// Informational lines: detected encodings, ignored columns, mapped values.
    pub notes: Vec<String>,
    /// Values read as labels through a mapping, synonym or containment.
    pub mapped: Vec<MappedValue>,
    /// Values no rule maps, with their counts: the rows holding them are in `bad_rows`.
    pub unknown_values: Vec<UnknownValue>,
}

/// Imports the given files into `fair`, appending good rows. Bad rows are skipped and listed in
/// the report; a caller that must not write partial data checks `bad_rows` before saving.
/// A file that cannot be used at all (unreadable, undecodable, missing a required column)
/// is an `Err` and leaves `fair` unchanged.
pub fn import_csv(fair: &mut Fair, files: &ImportFiles) -> Result<ImportReport, StoreError> {
    import_with(fair, files, &ImportOptions::default())
}

/// [`import_csv`] with options: a forced encoding, a sheet name, label mappings. The mappings
/// are added to the fair's own (replacing one for the same value), so saving the fair keeps
/// them for the next import.
pub fn import_with(fair: &mut Fair, files: &ImportFiles, options: &ImportOptions) -> Result<ImportReport, StoreError> {
    let read = |path: &Path, kind: SheetKind| {
        let (known, required) = kind.columns();
        Table::read(path, known, required, options)
    };
    let booths = files.booths.map(|p| read(p, SheetKind::Booths)).transpose()?;
    let positions = files.positions.map(|p| read(p, SheetKind::Positions)).transpose()?;
    let candidates = files.candidates.map(|p| read(p, SheetKind::Candidates)).transpose()?;
    let projects = files.projects.map(|p| read(p, SheetKind::Projects)).transpose()?;
    let sessions = files.sessions.map(|p| read(p, SheetKind::Sessions)).transpose()?;
    import_tables(fair, [booths, positions, candidates, projects, sessions], options)
}

/// Imports one sheet from bytes already read: CSV, or a workbook when `workbook` is set.
/// For callers that hold the bytes (fuzzing, a future drop-in from the clipboard).
pub fn import_bytes(
    fair: &mut Fair,
    kind: SheetKind,
    bytes: &[u8],
    origin: &str,
    workbook: bool,
    options: &ImportOptions,
) -> Result<ImportReport, StoreError> {
    let (known, required) = kind.columns();
    let table = if workbook {
        let (headers, rows, notes) = workbook::parse_workbook(bytes, origin, options.sheet.as_deref())?;
        Table::from_records(origin, headers, rows, notes, known, required)?
    } else {
        Table::parse(bytes, origin, known, required, options.encoding)?
    };
    let mut tables = [None, None, None, None, None];
    tables[kind as usize] = Some(table);
    import_tables(fair, tables, options)
}

fn import_tables(
    fair: &mut Fair,
    tables: [Option<Table>; 5],
    options: &ImportOptions,
) -> Result<ImportReport, StoreError> {
    let [booths, positions, candidates, projects, sessions] = tables;
    for mapping in &options.mappings {
        let key = crate::text::fold(&mapping.value);
        fair.label_mappings
            .retain(|m| !(m.vocabulary == mapping.vocabulary && crate::text::fold(&m.value) == key));
        fair.label_mappings.push(mapping.clone());
    }
    let mut report = ImportReport::default();
    for table in [&booths, &positions, &candidates, &projects, &sessions]
        .into_iter()
        .flatten()
    {
        report.notes.extend(table.notes.iter().cloned());
    }
    let mapper = labels::LabelMapper::new(fair.label_mappings.clone().iter());
    let mut importer = Importer::new(fair, &mut report, mapper);
    if let Some(table) = &booths {
        importer.booths(table);
    }
    if let Some(table) = &positions {
        importer.positions(table);
    }
    if let Some(table) = &candidates {
        importer.candidates(table);
    }
    // Projects before sessions: a session may present a project of the same import.
    if let Some(table) = &projects {
        importer.projects(table);
    }
    if let Some(table) = &sessions {
        importer.sessions(table);
    }
    let mut mapper = importer.into_mapper();
    report.mapped = mapper.take_mapped();
    report.unknown_values = mapper.take_unknown();
    report.notes.extend(report.mapped.iter().map(ToString::to_string));
    Ok(report)
}

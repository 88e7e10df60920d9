//! CSV import of booths, positions and candidates from organizers' spreadsheets.
//!
//! Accepts UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK; comma or tab
//! separated; English or Chinese headers. Every bad row is reported with file, line, column
//! and reason; the caller decides whether to write anything (see [`ImportReport::bad_rows`]).
//!
//! - [`columns`]: the known columns, header matching and the decoded table.
//! - `importer`: turns a table's rows into booths, positions and candidates.
//! - `cells`: parsing of single cells (salary, years, yes/no, ...).

mod cells;
pub mod columns;
mod importer;

use std::fmt;
use std::path::Path;

use crate::model::{BoothId, Fair};

use super::StoreError;

pub use cells::parse_salary_range;
use columns::Table;
pub use columns::{BOOTH_COLUMNS, CANDIDATE_COLUMNS, Column, POSITION_COLUMNS};
use importer::Importer;

/// Largest CSV file read; far above any real registration list.
pub const CSV_SIZE_CAP: u64 = 1 << 30;

/// The CSV files of one import; any subset may be given.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportFiles<'a> {
    pub booths: Option<&'a Path>,
    pub positions: Option<&'a Path>,
    pub candidates: Option<&'a Path>,
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
    /// Booths created because a position named a missing booth but gave its employer.
    pub booths_created: Vec<BoothId>,
    /// Every row not imported, with the reason. Duplicate candidates are listed here too.
    pub bad_rows: Vec<BadRow>,
    /// Informational lines: detected encodings, ignored columns.
    pub notes: Vec<String>,
}

/// Imports the given files into `fair`, appending good rows. Bad rows are skipped and listed in
/// the report; a caller that must not write partial data checks `bad_rows` before saving.
/// A file that cannot be used at all (unreadable, undecodable, missing a required column)
/// is an `Err` and leaves `fair` unchanged.
pub fn import_csv(fair: &mut Fair, files: &ImportFiles) -> Result<ImportReport, StoreError> {
    let booths = files
        .booths
        .map(|p| Table::read(p, BOOTH_COLUMNS, &["employer"]))
        .transpose()?;
    let positions = files
        .positions
        .map(|p| Table::read(p, POSITION_COLUMNS, &["title"]))
        .transpose()?;
    let candidates = files
        .candidates
        .map(|p| Table::read(p, CANDIDATE_COLUMNS, &["name"]))
        .transpose()?;
    let mut report = ImportReport::default();
    for table in [&booths, &positions, &candidates].into_iter().flatten() {
        report.notes.extend(table.notes.iter().cloned());
    }
    let mut importer = Importer::new(fair, &mut report);
    if let Some(table) = &booths {
        importer.booths(table);
    }
    if let Some(table) = &positions {
        importer.positions(table);
    }
    if let Some(table) = &candidates {
        importer.candidates(table);
    }
    Ok(report)
}

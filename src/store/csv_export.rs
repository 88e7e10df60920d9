//! CSV export with the same columns the importer reads (English headers), so an exported
//! sheet can be edited in Excel and imported again.

use std::collections::HashMap;
use std::path::Path;

use crate::model::{Fair, PipelineStatus};

use super::csv_import::{BOOTH_COLUMNS, CANDIDATE_COLUMNS, POSITION_COLUMNS};
use super::{StoreError, write_atomically};

/// Which records to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    Booths,
    Positions,
    Candidates,
    Visits,
}

/// Output encoding. UTF-8 is written with a byte-order mark so Excel opens it correctly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvEncoding {
    #[default]
    Utf8,
    Gb18030,
}

pub const VISIT_COLUMNS: &[&str] = &[
    "id",
    "candidate",
    "name",
    "booth",
    "employer",
    "position",
    "title",
    "at",
    "rating",
    "notes",
    "next_step",
    "status",
];

/// List cells are joined with "; ", which the importer splits again.
fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The candidates export's last column: when the candidate checked in (empty if not).
pub const CHECKED_IN_AT: &str = "checked_in_at";

/// Rows of `what` as cells, header first.
pub fn export_rows(fair: &Fair, what: ExportTable) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    match what {
        ExportTable::Booths => {
            rows.push(BOOTH_COLUMNS.iter().map(|c| c.name.to_owned()).collect());
            for b in &fair.booths {
                rows.push(vec![
                    b.id.0.clone(),
                    b.employer.clone(),
                    b.employer_kind.en().to_owned(),
                    b.industry.en().to_owned(),
                    b.zone.clone(),
                ]);
            }
        }
        ExportTable::Positions => {
            // Salary goes out as salary_min + salary_max: exact, and empty for 面议.
            rows.push(
                POSITION_COLUMNS
                    .iter()
                    .filter(|c| c.name != "salary")
                    .map(|c| c.name.to_owned())
                    .collect(),
            );
            let employers: HashMap<&str, &str> = fair
                .booths
                .iter()
                .map(|b| (b.id.as_str(), b.employer.as_str()))
                .collect();
            for p in &fair.positions {
                rows.push(vec![
                    p.id.0.clone(),
                    p.booth.0.clone(),
                    employers.get(p.booth.as_str()).copied().unwrap_or("").to_owned(),
                    p.title.clone(),
                    p.openings.to_string(),
                    list(&p.required_skills),
                    list(&p.preferred_skills),
                    p.min_education.en().to_owned(),
                    p.min_experience_years.to_string(),
                    opt(p.salary.map(|s| s.min)),
                    opt(p.salary.map(|s| s.max)),
                    p.city.clone(),
                    p.work_mode.en().to_owned(),
                    p.industry.en().to_owned(),
                    p.description.clone(),
                ]);
            }
        }
        ExportTable::Candidates => {
            let mut header: Vec<String> = CANDIDATE_COLUMNS.iter().map(|c| c.name.to_owned()).collect();
            // Fair-day state for the organizer's spreadsheet; the importer leaves it out (a
            // check-in is a station event, not registration data).
            header.push(CHECKED_IN_AT.to_owned());
            rows.push(header);
            for c in &fair.candidates {
                rows.push(vec![
                    c.id.0.clone(),
                    c.name.clone(),
                    c.phone.clone(),
                    c.email.clone(),
                    c.education.en().to_owned(),
                    c.school.clone(),
                    c.major.clone(),
                    opt(c.graduation_year),
                    c.experience_years.to_string(),
                    list(&c.skills),
                    opt(c.expected_salary),
                    list(&c.cities),
                    list(c.industries.iter().map(|i| i.en())),
                    list(c.work_modes.iter().map(|m| m.en())),
                    c.tier.en().to_owned(),
                    c.hometown.clone(),
                    if c.consent { "yes" } else { "no" }.to_owned(),
                    c.badge.clone(),
                    c.checked_in
                        .map_or_else(String::new, |at| at.format("%Y-%m-%d %H:%M:%S").to_string()),
                ]);
            }
        }
        ExportTable::Visits => {
            rows.push(VISIT_COLUMNS.iter().map(|c| (*c).to_owned()).collect());
            let names: HashMap<&str, &str> = fair
                .candidates
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str()))
                .collect();
            let employers: HashMap<&str, &str> = fair
                .booths
                .iter()
                .map(|b| (b.id.as_str(), b.employer.as_str()))
                .collect();
            let titles: HashMap<&str, &str> = fair
                .positions
                .iter()
                .map(|p| (p.id.as_str(), p.title.as_str()))
                .collect();
            for v in &fair.visits {
                let position = v.position.as_ref().map(|p| p.as_str()).unwrap_or("");
                rows.push(vec![
                    v.id.0.clone(),
                    v.candidate.0.clone(),
                    names.get(v.candidate.as_str()).copied().unwrap_or("").to_owned(),
                    v.booth.0.clone(),
                    employers.get(v.booth.as_str()).copied().unwrap_or("").to_owned(),
                    position.to_owned(),
                    titles.get(position).copied().unwrap_or("").to_owned(),
                    v.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                    opt(v.rating),
                    v.notes.clone(),
                    v.next_step.en().to_owned(),
                    match v.status {
                        PipelineStatus::Open => "open",
                        PipelineStatus::Done => "done",
                        PipelineStatus::Withdrawn => "withdrawn",
                    }
                    .to_owned(),
                ]);
            }
        }
    }
    rows
}

/// The CSV file's bytes in the chosen encoding.
pub fn export_csv(fair: &Fair, what: ExportTable, encoding: CsvEncoding) -> Result<Vec<u8>, StoreError> {
    let csv_error = |e: &dyn std::fmt::Display| StoreError::Csv {
        origin: "export".into(),
        message: e.to_string(),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in export_rows(fair, what) {
        writer.write_record(&row).map_err(|e| csv_error(&e))?;
    }
    let utf8 = writer.into_inner().map_err(|e| csv_error(&e))?;
    Ok(match encoding {
        CsvEncoding::Utf8 => {
            let mut bytes = Vec::with_capacity(utf8.len() + 3);
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
            bytes.extend_from_slice(&utf8);
            bytes
        }
        CsvEncoding::Gb18030 => {
            // csv writes valid UTF-8 since every cell is a String; GB18030 maps all of Unicode.
            let text = String::from_utf8_lossy(&utf8);
            encoding_rs::GB18030.encode(&text).0.into_owned()
        }
    })
}

/// Writes the export atomically to `path`; returns the number of records written.
pub fn export_csv_file(
    fair: &Fair,
    what: ExportTable,
    encoding: CsvEncoding,
    path: &Path,
) -> Result<usize, StoreError> {
    let bytes = export_csv(fair, what, encoding)?;
    write_atomically(path, &bytes)?;
    Ok(match what {
        ExportTable::Booths => fair.booths.len(),
        ExportTable::Positions => fair.positions.len(),
        ExportTable::Candidates => fair.candidates.len(),
        ExportTable::Visits => fair.visits.len(),
    })
}

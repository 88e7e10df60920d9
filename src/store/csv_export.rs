//! CSV (and, through [`crate::store::xlsx_export`], Excel) export with the same columns the
//! importer reads (English headers), so an exported sheet can be edited and imported again.
//!
//! Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) get a leading `'`, as OWASP advises against CSV injection, and so do cells
//! already starting with `'`; the importer takes one off again. [`ExportOptions::raw`] turns this off. [`ExportOptions::redact`] masks
//! phone numbers and emails (`138****0001`, `z***@example.cn`).

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
    Projects,
    Sessions,
}

/// What to do to cells on the way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Write cells exactly as stored, formula-like ones included.
    pub raw: bool,
    /// Mask phone numbers and emails.
    pub redact: bool,
}

/// Whether a spreadsheet would take `cell` for a formula.
fn looks_like_formula(cell: &str) -> bool {
    // A cell that already starts with `'` gets one more, so the importer, which takes one off,
    // gives back what was stored.
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// `'` before a cell a spreadsheet would take for a formula.
pub fn neutralize_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `138****0001`: the first three and last four digits of a phone number.
pub fn mask_phone(phone: &str) -> String {
    let digits = crate::text::phone_digits(phone);
    let digits = crate::text::national(&digits);
    if phone.trim().is_empty() {
        String::new()
    } else if digits.len() < 8 {
        "****".into()
    } else {
        format!("{}****{}", &digits[..3], &digits[digits.len() - 4..])
    }
}

/// `z***@example.cn`: the first character of the name and the domain.
pub fn mask_email(email: &str) -> String {
    let email = email.trim();
    match email.split_once('@') {
        _ if email.is_empty() => String::new(),
        Some((name, domain)) => {
            let first: String = name.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
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
pub(super) fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// How times are written: local time at the venue, which the importer reads back.
pub(super) const TIME: &str = "%Y-%m-%d %H:%M:%S";

/// The candidates export's last column: when the candidate checked in (empty if not).
pub const CHECKED_IN_AT: &str = "checked_in_at";

/// Rows of `what` as cells, header first, formula-like cells neutralized, nothing masked.
pub fn export_rows(fair: &Fair, what: ExportTable) -> Vec<Vec<String>> {
    export_rows_with(fair, what, ExportOptions::default())
}

/// Rows of `what` as cells, header first, as `options` ask.
pub fn export_rows_with(fair: &Fair, what: ExportTable, options: ExportOptions) -> Vec<Vec<String>> {
    let mut rows = stored_rows(fair, what);
    if options.redact && what == ExportTable::Candidates {
        for row in rows.iter_mut().skip(1) {
            row[2] = mask_phone(&row[2]);
            row[3] = mask_email(&row[3]);
        }
    }
    if !options.raw {
        for cell in rows.iter_mut().skip(1).flatten() {
            if looks_like_formula(cell) {
                cell.insert(0, '\'');
            }
        }
    }
    rows
}

/// Rows as stored in the fair.
fn stored_rows(fair: &Fair, what: ExportTable) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    match what {
        ExportTable::Projects => return super::project_rows::project_rows(fair),
        ExportTable::Sessions => return super::project_rows::session_rows(fair),
        ExportTable::Booths => {
            rows.push(BOOTH_COLUMNS.iter().map(|c| c.name.to_owned()).collect());
            for b in &fair.booths {
                rows.push(vec![
                    b.id.0.clone(),
                    b.employer.clone(),
                    b.employer_kind.en().to_owned(),
                    b.industry.en().to_owned(),
                    b.zone.clone(),
                    opt(b.interviews.map(|h| h.interviewers)),
                    opt(b.interviews.map(|h| h.start.format(TIME).to_string())),
                    opt(b.interviews.map(|h| h.end.format(TIME).to_string())),
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
                    c.checked_in.map_or_else(String::new, |at| at.format(TIME).to_string()),
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
                    v.at.format(TIME).to_string(),
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

/// The CSV file's bytes in the chosen encoding (formula-like cells neutralized).
pub fn export_csv(fair: &Fair, what: ExportTable, encoding: CsvEncoding) -> Result<Vec<u8>, StoreError> {
    export_csv_with(fair, what, encoding, ExportOptions::default())
}

/// The CSV file's bytes, as `options` ask.
pub fn export_csv_with(
    fair: &Fair,
    what: ExportTable,
    encoding: CsvEncoding,
    options: ExportOptions,
) -> Result<Vec<u8>, StoreError> {
    let csv_error = |e: &dyn std::fmt::Display| StoreError::Csv {
        origin: "export".into(),
        message: e.to_string(),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in export_rows_with(fair, what, options) {
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
    export_csv_file_with(fair, what, encoding, ExportOptions::default(), path)
}

/// [`export_csv_file`] as `options` ask.
pub fn export_csv_file_with(
    fair: &Fair,
    what: ExportTable,
    encoding: CsvEncoding,
    options: ExportOptions,
    path: &Path,
) -> Result<usize, StoreError> {
    let bytes = export_csv_with(fair, what, encoding, options)?;
    write_atomically(path, &bytes)?;
    Ok(record_count(fair, what))
}

/// How many records an export of `what` holds.
pub fn record_count(fair: &Fair, what: ExportTable) -> usize {
    match what {
        ExportTable::Booths => fair.booths.len(),
        ExportTable::Positions => fair.positions.len(),
        ExportTable::Candidates => fair.candidates.len(),
        ExportTable::Visits => fair.visits.len(),
        ExportTable::Projects => fair.projects.len(),
        ExportTable::Sessions => fair.sessions.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized_and_contacts_masked() {
        assert_eq!(neutralize_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for risky in ["+1+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize_formula(risky).starts_with('\''), "{risky:?}");
        }
        assert_eq!(neutralize_formula("张伟"), "张伟");
        assert_eq!(mask_phone("+86 138 0013 0001"), "138****0001");
        assert_eq!(mask_phone("１３８００１３０００１"), "138****0001");
        assert_eq!(mask_phone("123"), "****");
        assert_eq!(mask_phone(""), "");
        assert_eq!(mask_email("zhang.wei@example.cn"), "z***@example.cn");
        assert_eq!(mask_email(""), "");
    }
}

//! Excel workbooks (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument sheets (.ods), read with
//! `calamine` into the same header and rows a CSV file gives, so the same column rules and
//! messages apply. A row's "line" is its row number in the sheet.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::super::{StoreError, read_bytes_capped};
use super::CSV_SIZE_CAP;

/// Rows looked at for the header: sheets often start with a title row above it.
const HEADER_SEARCH_ROWS: usize = 10;

/// Whether `path` names a workbook by its extension.
pub(super) fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

type Sheet = (csv::StringRecord, Vec<(u64, csv::StringRecord)>, Vec<String>);

/// The header, rows and notes of one sheet of the workbook at `path`.
pub(super) fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Sheet, StoreError> {
    let bytes = read_bytes_capped(path, CSV_SIZE_CAP)?;
    parse_workbook(&bytes, &path.display().to_string(), sheet)
}

/// [`read_sheet`] on bytes already read; `origin` names the file in messages.
pub fn parse_workbook(bytes: &[u8], origin: &str, sheet: Option<&str>) -> Result<Sheet, StoreError> {
    let error = |message: String| StoreError::Csv {
        origin: origin.to_owned(),
        message,
    };
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| error(format!("is not a readable Excel or OpenDocument workbook ({e})")))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted.trim())))
            .cloned()
            .ok_or_else(|| error(format!("has no sheet `{wanted}`; its sheets are: {}", names.join(", "))))?,
        None => names.first().cloned().ok_or_else(|| error("has no sheets".into()))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| error(format!("sheet `{name}` cannot be read ({e})")))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        let line = u64::from(first_row) + i as u64 + 1;
        let mut record = csv::StringRecord::new();
        // Cells left of the used range are empty, so column positions match the sheet's.
        for _ in 0..first_column.min(1000) {
            record.push_field("");
        }
        for cell in cells {
            record.push_field(&cell_text(cell));
        }
        (line, record)
    });
    let mut notes = vec![format!("{origin}: read sheet `{name}`")];
    let mut skipped = Vec::new();
    let header = loop {
        match rows.next() {
            None => return Err(error(format!("sheet `{name}` is empty"))),
            Some((line, record)) => {
                let filled = record.iter().filter(|c| !c.trim().is_empty()).count();
                if filled >= 2 || skipped.len() >= HEADER_SEARCH_ROWS {
                    break (line, record);
                }
                skipped.push(line);
            }
        }
    };
    if !skipped.is_empty() {
        notes.push(format!(
            "{origin}: the header is row {}; row(s) above it (a title?) are not read",
            header.0
        ));
    }
    Ok((header.1, rows.collect(), notes))
}

/// A cell as the text a CSV export of the sheet would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        // Phone numbers and years are stored as floats: 13800138000 must not read 1.38e10.
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(when) => excel_date(when.as_f64()),
        Data::Error(e) => e.to_string(),
    }
}

/// An Excel serial date (days since 1899-12-30) as `YYYY-MM-DD`, with the time when it has one.
fn excel_date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    let days = serial.trunc() as i64;
    let seconds = ((serial - serial.trunc()) * 86_400.0).round() as i64;
    let Some(when) = epoch
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.checked_add_signed(chrono::Duration::days(days)))
        .and_then(|day| day.checked_add_signed(chrono::Duration::seconds(seconds)))
    else {
        return serial.to_string();
    };
    if seconds == 0 {
        when.format("%Y-%m-%d").to_string()
    } else {
        when.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_csv_export_would_write_them() {
        assert_eq!(cell_text(&Data::Float(13800138000.0)), "13800138000");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(2025)), "2025");
        assert_eq!(excel_date(45839.0), "2025-07-01");
        assert_eq!(excel_date(45839.5), "2025-07-01 12:00:00");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let error = parse_workbook(b"PK\x03\x04 not really a zip", "x.xlsx", None)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("x.xlsx: is not a readable"), "{error}");
    }
}

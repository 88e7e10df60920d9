//! Excel (.xlsx) export of the same rows as the CSV export (see [`crate::store::csv_export`]):
//! one sheet, a bold frozen header, every cell as text (so a phone number stays
//! `13800138000`, not `1.38E+10`), formula-like cells neutralized unless raw.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::csv_export::{ExportOptions, ExportTable, export_rows_with, record_count};
use super::{StoreError, write_atomically};

/// Longest text Excel holds in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The workbook's bytes.
pub fn export_xlsx(
    fair: &crate::model::Fair,
    what: ExportTable,
    options: ExportOptions,
) -> Result<Vec<u8>, StoreError> {
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| StoreError::Serialize(format!("cannot write the workbook: {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(match what {
            ExportTable::Booths => "booths",
            ExportTable::Positions => "positions",
            ExportTable::Candidates => "candidates",
            ExportTable::Visits => "visits",
            ExportTable::Projects => "projects",
            ExportTable::Sessions => "sessions",
        })
        .map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    for (r, row) in export_rows_with(fair, what, options).iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| StoreError::Serialize("too many rows for one sheet".into()))?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| StoreError::Serialize("too many columns".into()))?;
            let text: String = if cell.chars().count() > MAX_CELL_CHARS {
                cell.chars().take(MAX_CELL_CHARS).collect()
            } else {
                cell.clone()
            };
            if r == 0 {
                sheet.write_string_with_format(r, c, text, &bold).map_err(xlsx_error)?;
            } else {
                sheet.write_string(r, c, text).map_err(xlsx_error)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Writes the workbook atomically to `path`; returns the number of records written.
pub fn export_xlsx_file(
    fair: &crate::model::Fair,
    what: ExportTable,
    options: ExportOptions,
    path: &Path,
) -> Result<usize, StoreError> {
    let bytes = export_xlsx(fair, what, options)?;
    write_atomically(path, &bytes)?;
    Ok(record_count(fair, what))
}

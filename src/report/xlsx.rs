//! The report as an Excel workbook: one worksheet per table, numbers as numbers.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::model::Lang;

use super::ReportError;
use super::tables::{Table, Value};

fn xlsx_error(e: XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

/// The workbook's bytes.
pub fn render(tables: &[Table], lang: Lang) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let two_decimals = Format::new().set_num_format("0.00");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.id.title(lang)).map_err(xlsx_error)?;
        for (c, name) in table.columns.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| ReportError::Xlsx("too many columns".into()))?;
            sheet.write_string_with_format(0, c, name, &bold).map_err(xlsx_error)?;
            // Wide enough for the header, in characters (CJK counts double).
            let width = name
                .chars()
                .map(|ch| if ch.is_ascii() { 1.0 } else { 2.0 })
                .sum::<f64>();
            sheet
                .set_column_width(c, width.clamp(8.0, 40.0) + 2.0)
                .map_err(xlsx_error)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| ReportError::Xlsx("too many rows".into()))?;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Value::Text(text) => sheet.write_string(r, c, text).map(|_| ()),
                    Value::Int(n) => sheet.write_number(r, c, *n as f64).map(|_| ()),
                    Value::Real(x) => sheet.write_number_with_format(r, c, *x, &two_decimals).map(|_| ()),
                    Value::Empty => Ok(()),
                }
                .map_err(xlsx_error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

//! The fair report (PDF or Excel workbook, by the file's extension) written from the window.

use std::path::{Path, PathBuf};

use super::{JobContext, Message, Task, done, failed, file_name};
use crate::app::AppState;
use crate::model::Lang;
use crate::report::{ReportError, ReportFormat, ReportOptions, write_report};

/// The format a report path asks for: `.xlsx` a workbook, anything else a PDF.
pub fn report_format(path: &Path) -> ReportFormat {
    let xlsx = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"));
    if xlsx { ReportFormat::Xlsx } else { ReportFormat::Pdf }
}

pub(super) fn export(state: &AppState, lang: Lang, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let name = file_name(&path);
    let label = Message::new(format!("Writing the report {name}"), format!("正在生成报告 {name}"));
    let options = ReportOptions {
        lang,
        format: report_format(&path),
    };
    Task::new(label, true, move |context: &JobContext| {
        let progress = |fraction: f32| context.set_fraction(fraction);
        let result = write_report(&snapshot, &options, &path, &progress, &context.cancel);
        drop(snapshot);
        match result {
            Ok(summary) => done(Message::new(
                format!("Report written: {name} ({} KB)", summary.bytes.div_ceil(1024)),
                format!("报告已生成：{name}（{} KB）", summary.bytes.div_ceil(1024)),
            )),
            Err(ReportError::Cancelled) => done(Message::new("Report cancelled", "已取消生成报告")),
            Err(e) => failed(
                Message::new("Could not write the report", "无法生成报告"),
                e.to_string(),
            ),
        }
    })
}

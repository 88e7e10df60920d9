//! The fair report: an A4 PDF (krilla, with a subset of a system CJK font embedded) or an Excel
//! workbook (rust_xlsxwriter) with the same tables; and a person's printed itinerary, a PDF
//! drawn the same way. No egui; the only I/O is finding the font
//! and the final atomic write, so the window can run [`write_report`] as a job with progress and
//! a cancel flag.

mod charts;
mod draw;
mod fonts;
mod itinerary;
mod layout;
mod pdf;
pub mod tables;
mod xlsx;

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::insight::Insight;
use crate::model::{Fair, Lang};
use crate::store::{StoreError, write_atomically};

pub use fonts::FONT_PACKAGE;
pub use itinerary::{Itinerary, ItineraryStop, ItinerarySummary, render_itinerary, write_itinerary};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Pdf,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportOptions {
    pub lang: Lang,
    pub format: ReportFormat,
}

#[derive(Debug)]
pub enum ReportError {
    /// The cancel flag was set; nothing was written.
    Cancelled,
    /// No font with Chinese glyphs on this system.
    NoCjkFont,
    Pdf(String),
    Xlsx(String),
    Write(StoreError),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Cancelled => f.write_str("the report was cancelled; nothing was written"),
            ReportError::NoCjkFont => write!(
                f,
                "no font with Chinese characters was found on this system, and the PDF report needs one; \
                 install one (on Debian or Ubuntu: `sudo apt-get install {FONT_PACKAGE}`; elsewhere Noto Sans \
                 CJK or Source Han Sans), or write the report with --format xlsx"
            ),
            ReportError::Pdf(message) => write!(f, "could not write the PDF: {message}"),
            ReportError::Xlsx(message) => write!(f, "could not write the workbook: {message}"),
            ReportError::Write(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReportError {}

/// What a written report holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    pub bytes: usize,
    /// Font family embedded (PDF only).
    pub font: Option<String>,
}

/// The report's bytes. `progress` is called with 0.0 to 1.0; setting `cancel` stops it at the
/// next section with [`ReportError::Cancelled`].
pub fn render_report(
    fair: &Fair,
    options: &ReportOptions,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Result<(Vec<u8>, Option<String>), ReportError> {
    progress(0.0);
    let check = || {
        if cancel.load(Ordering::Relaxed) {
            Err(ReportError::Cancelled)
        } else {
            Ok(())
        }
    };
    // The font search and the figures are independent; a missing font is reported before the
    // figures are worked out.
    let (fonts, insight) = match options.format {
        ReportFormat::Pdf => {
            let (fonts, insight) = rayon::join(fonts::find, || Insight::compute(fair));
            (Some(fonts?), insight)
        }
        ReportFormat::Xlsx => (None, Insight::compute(fair)),
    };
    progress(0.1);
    check()?;
    let tables = tables::build(fair, &insight, options.lang);
    progress(0.2);
    check()?;
    match fonts {
        Some(fonts) => {
            let bytes = pdf::render(fair, &insight, &tables, &fonts, options.lang, progress, cancel)?;
            Ok((bytes, Some(fonts.family)))
        }
        None => {
            let bytes = xlsx::render(&tables, options.lang)?;
            progress(1.0);
            Ok((bytes, None))
        }
    }
}

/// Renders the report and replaces `path` with it atomically; a failure or a cancel leaves an
/// existing file as it was.
pub fn write_report(
    fair: &Fair,
    options: &ReportOptions,
    path: &Path,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Result<ReportSummary, ReportError> {
    let (bytes, font) = render_report(fair, options, progress, cancel)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(ReportError::Cancelled);
    }
    write_atomically(path, &bytes).map_err(ReportError::Write)?;
    Ok(ReportSummary {
        bytes: bytes.len(),
        font,
    })
}

//! `fairmatch report FAIR.ron -o REPORT.pdf [--lang zh|en] [--format pdf|xlsx]`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Args, ValueEnum};

use crate::model::Lang;
use crate::report::{ReportFormat, ReportOptions, write_report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A4 PDF with charts; needs a CJK font on the system (Debian: fonts-noto-cjk).
    Pdf,
    /// Excel workbook, one worksheet per table.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The fair file to report on.
    pub file: PathBuf,
    /// The report to write (replaced atomically).
    #[arg(short = 'o', long = "output", value_name = "REPORT.pdf")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// Default: xlsx when the output ends in .xlsx, else pdf.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
}

pub fn run(args: &ReportArgs) -> ExitCode {
    let format = match args.format {
        Some(FormatArg::Pdf) => ReportFormat::Pdf,
        Some(FormatArg::Xlsx) => ReportFormat::Xlsx,
        None if args.output.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) => ReportFormat::Xlsx,
        None => ReportFormat::Pdf,
    };
    let options = ReportOptions {
        lang: match args.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        },
        format,
    };
    let fair = match crate::store::load_fair(&args.file) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!("fairmatch report: {e}");
            return ExitCode::FAILURE;
        }
    };
    match write_report(&fair, &options, &args.output, &|_| {}, &AtomicBool::new(false)) {
        Ok(summary) => {
            let font = summary.font.map(|f| format!(", font {f}")).unwrap_or_default();
            println!("wrote {} ({} bytes{font})", args.output.display(), summary.bytes);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fairmatch report: {e}");
            ExitCode::FAILURE
        }
    }
}

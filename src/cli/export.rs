//! `fairmatch export FAIR.ron --what booths|positions|candidates|visits -o OUT.csv`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::store::csv_export::{CsvEncoding, ExportTable, export_csv_file};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Booths,
    Positions,
    Candidates,
    Visits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark (opens correctly in Excel).
    #[default]
    Utf8,
    /// GB18030, the default of Chinese Excel.
    Gb18030,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The fair file to export from.
    pub file: PathBuf,
    /// Which records to export.
    #[arg(long, value_enum)]
    pub what: What,
    /// The CSV file to write (replaced atomically).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

pub fn run(args: &ExportArgs) -> ExitCode {
    let fair = match crate::store::load_fair(&args.file) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!("fairmatch export: {e}");
            return ExitCode::FAILURE;
        }
    };
    let table = match args.what {
        What::Booths => ExportTable::Booths,
        What::Positions => ExportTable::Positions,
        What::Candidates => ExportTable::Candidates,
        What::Visits => ExportTable::Visits,
    };
    let encoding = match args.encoding {
        Encoding::Utf8 => CsvEncoding::Utf8,
        Encoding::Gb18030 => CsvEncoding::Gb18030,
    };
    match export_csv_file(&fair, table, encoding, &args.output) {
        Ok(count) => {
            let what = args
                .what
                .to_possible_value()
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default();
            println!("wrote {count} {what} to {}", args.output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fairmatch export: {e}");
            ExitCode::FAILURE
        }
    }
}

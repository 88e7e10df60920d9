//! `fairmatch export FAIR.ron --what booths|positions|candidates|visits [--format xlsx]
//! [--redact] [--raw] -o OUT.csv`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::store::csv_export::{CsvEncoding, ExportOptions, ExportTable, export_csv_file_with};
use crate::store::xlsx_export::export_xlsx_file;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Booths,
    Positions,
    Candidates,
    Visits,
    /// Projects with their pipeline status and its counterparty.
    Projects,
    /// Docking sessions, roadshows and interview blocks.
    Sessions,
    /// Fair-day events (check-ins, walk-ins, visits) as a RON station log for `merge`.
    StationLog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark (opens correctly in Excel).
    #[default]
    Utf8,
    /// GB18030, the default of Chinese Excel.
    Gb18030,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    #[default]
    Csv,
    /// An Excel workbook.
    Xlsx,
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
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// CSV encoding.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
    /// Write cells exactly as stored. By default a cell starting with = + - @, a tab or a
    /// carriage return gets a leading ' so a spreadsheet does not run it as a formula.
    #[arg(long)]
    pub raw: bool,
    /// Mask phone numbers and emails (138****0001, z***@example.cn).
    #[arg(long)]
    pub redact: bool,
    /// With `--what station-log`: only this station's events (default: every station's).
    #[arg(long)]
    pub station: Option<String>,
}

pub fn run(args: &ExportArgs) -> ExitCode {
    if args.station.is_some() && args.what != What::StationLog {
        eprintln!("fairmatch export: --station applies only to --what station-log");
        return ExitCode::from(2);
    }
    if args.what == What::StationLog && (args.format != Format::Csv || args.raw || args.redact) {
        eprintln!("fairmatch export: --format, --raw and --redact do not apply to --what station-log");
        return ExitCode::from(2);
    }
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
        What::Projects => ExportTable::Projects,
        What::Sessions => ExportTable::Sessions,
        What::StationLog => return station_log(&fair, args),
    };
    let encoding = match args.encoding {
        Encoding::Utf8 => CsvEncoding::Utf8,
        Encoding::Gb18030 => CsvEncoding::Gb18030,
    };
    let options = ExportOptions {
        raw: args.raw,
        redact: args.redact,
    };
    let written = match args.format {
        Format::Csv => export_csv_file_with(&fair, table, encoding, options, &args.output),
        Format::Xlsx => export_xlsx_file(&fair, table, options, &args.output),
    };
    match written {
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

fn station_log(fair: &crate::model::Fair, args: &ExportArgs) -> ExitCode {
    let station = args.station.as_deref().map(crate::model::StationId::new);
    match super::merge::write_station_log(fair, &args.file, station.as_ref(), &args.output) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("fairmatch export: {message}");
            ExitCode::FAILURE
        }
    }
}

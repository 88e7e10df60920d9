//! Command line: no subcommand opens the window; subcommands run headless.

pub mod check;
pub mod export;
pub mod import;
pub mod merge;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::model::{Fair, FairId};

#[derive(Debug, Parser)]
#[command(
    name = "fairmatch",
    version,
    about = "Run a recruitment fair: booths, positions, candidates, live matching"
)]
pub struct Cli {
    /// Fair file to open in the window (default: the last one opened, else the bundled sample).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate a fair file; print counts and every problem.
    Check(check::CheckArgs),
    /// Import booths, positions and candidates from CSV files into a fair file.
    Import(import::ImportArgs),
    /// Export booths, positions, candidates or visits of a fair file as CSV.
    Export(export::ExportArgs),
    /// Merge station logs into a fair: union by event id, possible duplicates listed.
    Merge(merge::MergeArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => open_window(cli.file),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Merge(args)) => merge::run(args),
    }
}

fn open_window(file: Option<PathBuf>) -> ExitCode {
    let fair = match file {
        Some(path) => match crate::store::load_fair(&path) {
            Ok(fair) => fair,
            Err(e) => {
                eprintln!("fairmatch: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => Fair::new(FairId::new("empty"), "fairmatch"),
    };
    match crate::ui::run(fair) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fairmatch: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

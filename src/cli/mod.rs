//! Command line: no subcommand opens the window; subcommands run headless.

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
    /// Merge station logs into a fair: union by event id, duplicates listed.
    Merge(merge::MergeArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match crate::ui::run(Fair::new(FairId::new("empty"), "fairmatch")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("fairmatch: could not open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(command) => match command {
            Command::Merge(args) => merge::run(args),
        },
    }
}

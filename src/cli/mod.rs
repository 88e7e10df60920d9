//! Command line: no subcommand opens the window; subcommands run headless.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
pub enum Command {}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => {
            let start = match &cli.file {
                Some(path) => match crate::store::load_fair(path) {
                    Ok(fair) => crate::ui::Start::File(fair, path.clone()),
                    Err(e) => {
                        eprintln!("fairmatch: {e}");
                        return ExitCode::FAILURE;
                    }
                },
                None => crate::ui::Start::Default,
            };
            window(start)
        }
        Some(command) => match command {},
    }
}

fn window(start: crate::ui::Start) -> ExitCode {
    match crate::ui::run_with(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fairmatch: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Command line: no subcommand opens the window; subcommands run headless.

pub mod bench;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
pub mod matching;
pub mod merge;
pub mod report;
pub mod stats;
pub mod ui_bench;

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
pub enum Command {
    /// Load and validate a fair file; print counts and every problem.
    Check(check::CheckArgs),
    /// Import booths, positions and candidates from CSV files into a fair file.
    Import(import::ImportArgs),
    /// Export booths, positions, candidates or visits of a fair file as CSV.
    Export(export::ExportArgs),
    /// Write a deterministic synthetic fair (see --preset).
    Generate(generate::GenerateArgs),
    /// Top matches per candidate or per position, with scores and short reasons.
    Match(matching::MatchArgs),
    /// Every eligible pair with fit, appeal and score, as CSV.
    Scores(matching::ScoresArgs),
    /// Stable allocation of candidates to positions, respecting openings.
    Allocate(matching::AllocateArgs),
    /// Time load, full match, allocation, edits and save on a fair file; report peak memory.
    Bench(bench::BenchArgs),
    /// Merge station logs into a fair: union by event id, possible duplicates listed.
    Merge(merge::MergeArgs),
    /// Time the window headless on a fair: first frame, scrolling, typing.
    UiBench(ui_bench::UiBenchArgs),
    /// The fair's figures: counts, funnel, supply and demand (--json for scripts).
    Stats(stats::StatsArgs),
    /// Write the fair report: an A4 PDF with charts, or an Excel workbook (--format xlsx).
    Report(report::ReportArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => open_window(cli.file),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Generate(args)) => generate::run(&args),
        Some(Command::Match(args)) => matching::run_match(&args),
        Some(Command::Scores(args)) => matching::run_scores(&args),
        Some(Command::Allocate(args)) => matching::run_allocate(&args),
        Some(Command::Bench(args)) => bench::run(&args),
        Some(Command::Merge(args)) => merge::run(args),
        Some(Command::UiBench(args)) => ui_bench::run(&args),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::Report(args)) => report::run(&args),
    }
}

fn open_window(file: Option<PathBuf>) -> ExitCode {
    // A file that cannot even be opened is refused here, before any window; the slow part (the
    // parse) happens in the window, which appears at once and shows parse errors itself.
    let start = match file {
        Some(path) => {
            if let Err(source) = std::fs::File::open(&path) {
                eprintln!("fairmatch: {}", crate::store::StoreError::Read { path, source });
                return ExitCode::FAILURE;
            }
            crate::ui::Start::Path(path)
        }
        None => crate::ui::Start::Default,
    };
    match crate::ui::run_with(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fairmatch: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Command line: no subcommand opens the window; subcommands run headless.

pub mod bench;
pub mod check;
pub mod export;
pub mod generate;
pub mod import;
pub mod matching;
pub mod merge;
pub mod privacy;
pub mod report;
pub mod schedule;
pub mod stats;
pub mod sync;
pub mod sync_bench;
#[cfg(feature = "gui")]
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
    /// Import booths, positions and candidates from CSV files or Excel workbooks into a fair file.
    Import(import::ImportArgs),
    /// Export booths, positions, candidates or visits of a fair file as CSV or Excel.
    Export(export::ExportArgs),
    /// Write a deterministic synthetic fair (see --preset).
    Generate(generate::GenerateArgs),
    /// Top matches per candidate or per position, with scores and short reasons.
    Match(matching::MatchArgs),
    /// Every eligible pair with fit, appeal and score, as CSV.
    Scores(matching::ScoresArgs),
    /// Stable allocation of candidates to positions, respecting openings.
    Allocate(matching::AllocateArgs),
    /// Interview timetable for the allocation and the booths' invitations, within booth hours.
    Schedule(schedule::ScheduleArgs),
    /// Time load, full match, allocation, edits and save on a fair file; report peak memory.
    Bench(bench::BenchArgs),
    /// Merge station logs into a fair: union by event id, possible duplicates listed.
    Merge(merge::MergeArgs),
    /// Time the window headless on a fair: first frame, scrolling, typing.
    #[cfg(feature = "gui")]
    UiBench(ui_bench::UiBenchArgs),
    /// Erase candidates' personal data; visits and events stay as anonymous records.
    Erase(privacy::EraseArgs),
    /// Encrypt a fair (or any file) with a passphrase, in the age format.
    Encrypt(privacy::CryptArgs),
    /// Decrypt a file written by `encrypt`.
    Decrypt(privacy::CryptArgs),
    /// The fair's figures: counts, funnel, supply and demand (--json for scripts).
    Stats(stats::StatsArgs),
    /// Write the fair report: an A4 PDF with charts, or an Excel workbook (--format xlsx).
    Report(report::ReportArgs),
    /// Set up or run the live-sync hub (nats-server with JetStream) for a fair.
    Hub(sync::HubArgs),
    /// Sync a fair file with the hub: push this station's events, pull the others'.
    Sync(sync::SyncArgs),
    /// Time live sync on loopback against a nats-server started for the run.
    SyncBench(sync_bench::SyncBenchArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_some() {
        quiet_on_broken_pipe();
    }
    match cli.command {
        None => open_window(cli.file),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Generate(args)) => generate::run(&args),
        Some(Command::Match(args)) => matching::run_match(&args),
        Some(Command::Scores(args)) => matching::run_scores(&args),
        Some(Command::Schedule(args)) => schedule::run(&args),
        Some(Command::Allocate(args)) => matching::run_allocate(&args),
        Some(Command::Bench(args)) => bench::run(&args),
        Some(Command::Merge(args)) => merge::run(args),
        #[cfg(feature = "gui")]
        Some(Command::UiBench(args)) => ui_bench::run(&args),
        Some(Command::Erase(args)) => privacy::run_erase(&args),
        Some(Command::Encrypt(args)) => privacy::run_encrypt(&args),
        Some(Command::Decrypt(args)) => privacy::run_decrypt(&args),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Hub(args)) => sync::run_hub(&args),
        Some(Command::Sync(args)) => sync::run_sync(&args),
        Some(Command::SyncBench(args)) => sync_bench::run(&args),
    }
}

/// A command whose output goes to a closed pipe (`fairmatch check F.ron | head -1`) ends
/// quietly, as other command-line tools do, instead of panicking in `println!`: Rust ignores
/// SIGPIPE, so its default action is restored. Not for the window, whose sockets must not end
/// the program.
fn quiet_on_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<PathBuf>) -> ExitCode {
    eprintln!("fairmatch: this build has no window (built without the `gui` feature); run a subcommand");
    ExitCode::FAILURE
}

#[cfg(feature = "gui")]
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

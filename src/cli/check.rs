//! `fairmatch check FAIR.ron`: load, validate, print counts and every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The fair file to check.
    pub file: PathBuf,
}

/// Exit 0 when the fair loads and is valid, 1 when it does not load or has problems.
pub fn run(args: &CheckArgs) -> ExitCode {
    let fair = match crate::store::load_fair(&args.file) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!("fairmatch check: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}: {} ({})", args.file.display(), fair.meta.name, fair.meta.id);
    println!("booths:     {}", fair.booths.len());
    println!("positions:  {}", fair.positions.len());
    println!("openings:   {}", fair.total_openings());
    println!("candidates: {}", fair.candidates.len());
    println!("visits:     {}", fair.visits.len());
    let problems = crate::model::validate(&fair);
    if problems.is_empty() {
        println!("valid: no problems found");
        return ExitCode::SUCCESS;
    }
    println!("{} problem(s):", problems.len());
    for problem in &problems {
        println!("  {problem}");
    }
    ExitCode::FAILURE
}

//! `fairmatch check FAIR.ron`: load, validate, print counts and every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The fair file to check.
    pub file: PathBuf,
    /// For an encrypted fair (.age): a file whose first line is its passphrase.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

/// Exit 0 when the fair loads and is valid, 1 when it does not load or has problems.
pub fn run(args: &CheckArgs) -> ExitCode {
    let passphrase = match args
        .passphrase_file
        .as_deref()
        .map(crate::store::crypt::read_passphrase_file)
    {
        Some(Err(e)) => {
            eprintln!("fairmatch check: {e}");
            return ExitCode::FAILURE;
        }
        Some(Ok(passphrase)) => Some(passphrase),
        None => None,
    };
    let loaded =
        crate::store::load_fair_with_passphrase(&args.file, passphrase.as_deref(), crate::store::DEFAULT_SIZE_CAP);
    let fair = match loaded {
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

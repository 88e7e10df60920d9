//! `fairmatch generate`: writes a deterministic synthetic fair.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};

use crate::generate::{GenerateSpec, Preset, generate};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PresetArg {
    /// 40 booths, 300 positions, 2,000 candidates, 400 visits.
    Campus,
    /// 710 booths, 12,000 positions, 20,000 candidates, 4,000 visits.
    City,
    /// 710 booths, 12,000 positions, 100,000 candidates, 20,000 visits.
    Peak,
}

impl From<PresetArg> for Preset {
    fn from(arg: PresetArg) -> Self {
        match arg {
            PresetArg::Campus => Preset::Campus,
            PresetArg::City => Preset::City,
            PresetArg::Peak => Preset::Peak,
        }
    }
}

/// Generate a synthetic fair. Without --preset, counts not given come from the campus preset
/// and no visits are recorded; explicit counts always override the preset's.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Scale to start from.
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,
    /// Same seed, same fair.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long)]
    pub booths: Option<usize>,
    #[arg(long)]
    pub positions: Option<usize>,
    #[arg(long)]
    pub candidates: Option<usize>,
    /// Booth visits on the fair day; visited candidates are checked in.
    #[arg(long)]
    pub visits: Option<usize>,
    /// Fair file to write (RON).
    #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
    pub output: PathBuf,
}

impl GenerateArgs {
    pub fn spec(&self) -> GenerateSpec {
        let base = match self.preset {
            Some(preset) => Preset::from(preset).spec(self.seed),
            None => GenerateSpec {
                visits: 0,
                ..Preset::Campus.spec(self.seed)
            },
        };
        GenerateSpec {
            seed: self.seed,
            booths: self.booths.unwrap_or(base.booths),
            positions: self.positions.unwrap_or(base.positions),
            candidates: self.candidates.unwrap_or(base.candidates),
            visits: self.visits.unwrap_or(base.visits),
        }
    }
}

pub fn run(args: &GenerateArgs) -> ExitCode {
    let spec = args.spec();
    if let Err(e) = spec.check() {
        eprintln!("fairmatch generate: {e}");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let fair = generate(&spec);
    let generated = started.elapsed();
    if let Err(e) = crate::store::save_fair(&args.output, &fair) {
        eprintln!("fairmatch generate: could not write the fair: {e}");
        return ExitCode::FAILURE;
    }
    let checked_in = fair.candidates.iter().filter(|c| c.checked_in.is_some()).count();
    eprintln!(
        "wrote {}: fair {}, {} booths, {} positions ({} openings), {} candidates ({} checked in), {} visits \
         (generated in {} ms, written in {} ms)",
        args.output.display(),
        fair.meta.id,
        fair.booths.len(),
        fair.positions.len(),
        fair.total_openings(),
        fair.candidates.len(),
        checked_in,
        fair.visits.len(),
        generated.as_millis(),
        (started.elapsed() - generated).as_millis(),
    );
    // The process ends here; freeing millions of small strings one by one would only add time.
    std::mem::forget(fair);
    ExitCode::SUCCESS
}

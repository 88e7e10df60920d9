//! `fairmatch match`, `fairmatch scores` and `fairmatch allocate`: the matching engine headless.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::matching::{CandidateScope, Matcher, UnassignedReason};
use crate::model::{Fair, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Candidate,
    Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReasonLang {
    En,
    Zh,
}

impl ReasonLang {
    pub(super) fn lang(self) -> Lang {
        match self {
            ReasonLang::En => Lang::En,
            ReasonLang::Zh => Lang::Zh,
        }
    }
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The fair file.
    pub file: PathBuf,
    /// How many matches per candidate or position (default: the fair's setting, 20).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: Option<u16>,
    /// List each candidate's best positions, or each position's best candidates.
    #[arg(long, value_enum, default_value_t = By::Candidate)]
    pub by: By,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the reasons.
    #[arg(long, value_enum, default_value_t = ReasonLang::En)]
    pub lang: ReasonLang,
}

#[derive(Debug, Args)]
pub struct ScoresArgs {
    /// The fair file.
    pub file: PathBuf,
    /// Output format; every eligible pair as `candidate_id,position_id,fit,appeal,score`.
    #[arg(long, value_enum, default_value_t = ScoresFormat::Csv)]
    pub format: ScoresFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoresFormat {
    Csv,
}

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// The fair file.
    pub file: PathBuf,
    /// `csv` prints `candidate_id,position_id` (empty position when unassigned).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of reasons in the table and the summary.
    #[arg(long, value_enum, default_value_t = ReasonLang::En)]
    pub lang: ReasonLang,
    /// Place only candidates checked in at the fair (fair day); the others are not listed.
    #[arg(long)]
    pub only_checked_in: bool,
    /// Also write the preference lists and capacities the allocation ran on, as JSON
    /// (for checking against other implementations).
    #[arg(long, hide = true)]
    pub instance_json: Option<PathBuf>,
}

fn load(command: &str, path: &Path) -> Result<Fair, ExitCode> {
    crate::store::load_fair(path).map_err(|e| {
        eprintln!("fairmatch {command}: {e}");
        ExitCode::FAILURE
    })
}

/// Output errors (e.g. a closed pipe) end the command quietly with failure.
fn finish(command: &str, result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("fairmatch {command}: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(super) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

pub fn run_match(args: &MatchArgs) -> ExitCode {
    let mut fair = match load("match", &args.file) {
        Ok(f) => f,
        Err(code) => return code,
    };
    if let Some(k) = args.top {
        fair.settings.top_k = k;
    }
    let matcher = Matcher::build(&fair);
    let lang = args.lang.lang();
    let out = std::io::stdout().lock();
    let result = write_matches(&mut BufWriter::new(out), &fair, &matcher, args.by, args.format, lang);
    let no_position = matcher.candidates_without_match().len();
    let no_candidate = matcher.positions_without_match().len();
    eprintln!(
        "{no_position} of {} candidates have no eligible position; {no_candidate} of {} positions have no eligible candidate",
        fair.candidates.len(),
        fair.positions.len()
    );
    finish("match", result)
}

fn write_matches(
    out: &mut impl Write,
    fair: &Fair,
    m: &Matcher,
    by: By,
    format: Format,
    lang: Lang,
) -> std::io::Result<()> {
    if format == Format::Csv {
        writeln!(out, "candidate_id,position_id,rank,score,fit,appeal,reasons")?;
    }
    let mut emit = |owner_label: String, list: &[crate::matching::Scored]| -> std::io::Result<()> {
        if format == Format::Table {
            writeln!(out, "{owner_label}")?;
            if list.is_empty() {
                writeln!(out, "    (no eligible match)")?;
            }
        }
        for (rank, s) in list.iter().enumerate() {
            let reasons = m
                .explain(fair, &s.candidate, &s.position)
                .map(|e| e.short(lang))
                .unwrap_or_default();
            match format {
                Format::Csv => writeln!(
                    out,
                    "{},{},{},{:.1},{:.1},{:.1},{}",
                    csv_field(s.candidate.as_str()),
                    csv_field(s.position.as_str()),
                    rank + 1,
                    s.score,
                    s.fit,
                    s.appeal,
                    csv_field(&reasons)
                )?,
                Format::Table => {
                    let other = match by {
                        By::Candidate => s.position.as_str(),
                        By::Position => s.candidate.as_str(),
                    };
                    writeln!(
                        out,
                        "  {:>3}. {:<12} score {:>5.1}  fit {:>5.1}  appeal {:>5.1}  {}",
                        rank + 1,
                        other,
                        s.score,
                        s.fit,
                        s.appeal,
                        reasons
                    )?
                }
            }
        }
        Ok(())
    };
    match by {
        By::Candidate => {
            for c in &fair.candidates {
                emit(format!("{} {}", c.id, c.name), m.top_positions(&c.id))?;
            }
        }
        By::Position => {
            for p in &fair.positions {
                emit(format!("{} {} ({})", p.id, p.title, p.booth), m.top_candidates(&p.id))?;
            }
        }
    }
    out.flush()
}

pub fn run_scores(args: &ScoresArgs) -> ExitCode {
    let fair = match load("scores", &args.file) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let matcher = Matcher::build(&fair);
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let mut result = writeln!(out, "candidate_id,position_id,fit,appeal,score");
    matcher.for_each_eligible(|_, row| {
        if result.is_err() {
            return;
        }
        for s in row {
            // `{}` prints the shortest text that parses back to the same f32.
            result = writeln!(
                out,
                "{},{},{},{},{}",
                csv_field(s.candidate.as_str()),
                csv_field(s.position.as_str()),
                s.fit,
                s.appeal,
                s.score
            );
            if result.is_err() {
                return;
            }
        }
    });
    finish("scores", result.and_then(|()| out.flush()))
}

pub fn run_allocate(args: &AllocateArgs) -> ExitCode {
    let fair = match load("allocate", &args.file) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let matcher = Matcher::build(&fair);
    let scope = if args.only_checked_in {
        CandidateScope::CheckedIn
    } else {
        CandidateScope::Everyone
    };
    let alloc = matcher.allocate_scoped(&fair, scope);
    if let Some(path) = &args.instance_json {
        let instance = matcher.allocation_instance(&fair, scope);
        let written = serde_json::to_vec(&instance)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::store::write_atomically(path, &bytes).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("fairmatch allocate: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let lang = args.lang.lang();
    let reason_text = |r: UnassignedReason| match lang {
        Lang::En => r.en(),
        Lang::Zh => r.zh(),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let result = (|| -> std::io::Result<()> {
        match args.format {
            Format::Csv => {
                writeln!(out, "candidate_id,position_id")?;
                // Fair order, assigned and unassigned interleaved as in the file.
                let assigned: std::collections::HashMap<_, _> = alloc.assigned.iter().cloned().collect();
                for c in fair.candidates.iter().filter(|c| scope.includes(c)) {
                    let position = assigned.get(&c.id).map(|p| p.as_str()).unwrap_or("");
                    writeln!(out, "{},{}", csv_field(c.id.as_str()), csv_field(position))?;
                }
            }
            Format::Table => {
                for (c, p) in &alloc.assigned {
                    writeln!(out, "{c:<12} → {p}")?;
                }
                for (c, reason) in &alloc.unassigned {
                    writeln!(out, "{c:<12} — {}", reason_text(*reason))?;
                }
                writeln!(out)?;
                writeln!(out, "unfilled openings per position:")?;
                for f in alloc.positions.iter().filter(|f| f.unfilled() > 0) {
                    writeln!(
                        out,
                        "  {:<12} {:>3} of {} open (openings {}, hired {})",
                        f.position,
                        f.unfilled(),
                        f.capacity,
                        f.openings,
                        f.hired
                    )?;
                }
            }
        }
        out.flush()
    })();
    let count = |r: UnassignedReason| alloc.unassigned.iter().filter(|(_, x)| *x == r).count();
    if args.only_checked_in {
        let registered = fair.candidates.len();
        eprintln!(
            "only checked-in candidates: {} of {registered} registered",
            alloc.assigned.len() + alloc.unassigned.len()
        );
    }
    eprintln!(
        "assigned {} of {} candidates; unassigned: {} {}, {} {}, {} {}",
        alloc.assigned.len(),
        alloc.assigned.len() + alloc.unassigned.len(),
        count(UnassignedReason::NoEligiblePosition),
        reason_text(UnassignedReason::NoEligiblePosition),
        count(UnassignedReason::AllFilled),
        reason_text(UnassignedReason::AllFilled),
        count(UnassignedReason::AlreadyHired),
        reason_text(UnassignedReason::AlreadyHired),
    );
    let positions_unfilled = alloc.positions.iter().filter(|f| f.unfilled() > 0).count();
    eprintln!(
        "unfilled openings: {} in {} positions",
        alloc.unfilled_total(),
        positions_unfilled
    );
    for (industry, n) in &alloc.unfilled_by_industry {
        eprintln!("  {:<28} {n}", industry.label(lang));
    }
    finish("allocate", result)
}

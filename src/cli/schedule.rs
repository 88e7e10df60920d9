//! `fairmatch schedule`: the allocation and the booths' invitations as an interview timetable.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::matching::{CandidateScope, Matcher};
use crate::model::{Fair, Lang, ScheduleSettings};
use crate::schedule::{Options, Timetable, requests, schedule};
use crate::store;

use super::matching::ReasonLang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScheduleFormat {
    /// `candidate_id,booth_id,position_id,start,end`, times in ISO 8601 local time.
    Csv,
    /// Each booth's interviews in time order.
    Table,
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// The fair file.
    pub file: PathBuf,
    /// Schedule only candidates checked in at the fair (fair day).
    #[arg(long)]
    pub only_checked_in: bool,
    /// Slot length for booths whose interview hours name none (default: the fair's, 15).
    #[arg(long, value_parser = clap::value_parser!(u32).range(5..=240))]
    pub slot_minutes: Option<u32>,
    /// Minutes between two interviews of one candidate, to walk between booths (default: the
    /// fair's, 5).
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=240))]
    pub gap_minutes: Option<u32>,
    #[arg(long, value_enum, default_value_t = ScheduleFormat::Csv)]
    pub format: ScheduleFormat,
    /// Language of the reasons pairs were left out.
    #[arg(long, value_enum, default_value_t = ReasonLang::En)]
    pub lang: ReasonLang,
    /// Also store the timetable in the fair file (replacing the one there), for the window.
    #[arg(long)]
    pub save: bool,
}

pub fn run(args: &ScheduleArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("fairmatch schedule: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_inner(args: &ScheduleArgs) -> Result<ExitCode, String> {
    // Held from loading to saving, so a concurrent writer's changes are not overwritten.
    let lock = if args.save {
        Some(store::FairLock::acquire(&args.file, store::lock_wait()).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let mut fair = store::load_fair(&args.file).map_err(|e| e.to_string())?;
    let settings = ScheduleSettings {
        gap_minutes: args.gap_minutes.unwrap_or(fair.schedule.gap_minutes),
        slot_minutes: args.slot_minutes.unwrap_or(fair.schedule.slot_minutes),
    };
    let options = Options::from(settings);
    let scope = if args.only_checked_in {
        CandidateScope::CheckedIn
    } else {
        CandidateScope::Everyone
    };
    let timetable = timetable(&fair, scope, options);
    let lang = args.lang.lang();
    report_left_out(&fair, &timetable, lang);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        ScheduleFormat::Csv => write_csv(&mut out, &timetable),
        ScheduleFormat::Table => write_table(&mut out, &fair, &timetable),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write output: {e}"));
        }
        return Ok(ExitCode::FAILURE);
    }
    if let Some(lock) = lock {
        fair.interviews = timetable.interviews;
        fair.schedule = settings;
        store::save_fair_locked(&lock, &fair, None).map_err(|e| e.to_string())?;
        eprintln!("stored the timetable in {}", display(&args.file));
    }
    Ok(ExitCode::SUCCESS)
}

/// The timetable for the fair's allocation in `scope` plus its open invitations.
pub fn timetable(fair: &Fair, scope: CandidateScope, options: Options) -> Timetable {
    let matcher = Matcher::build(fair);
    let allocation = matcher.allocate_scoped(fair, scope);
    schedule(&fair.booths, requests(fair, &matcher, &allocation, scope), options)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

const ISO: &str = "%Y-%m-%dT%H:%M:%S";

fn write_csv(out: &mut impl Write, timetable: &Timetable) -> std::io::Result<()> {
    writeln!(out, "candidate_id,booth_id,position_id,start,end")?;
    for i in &timetable.interviews {
        writeln!(
            out,
            "{},{},{},{},{}",
            super::matching::csv_field(i.candidate.as_str()),
            super::matching::csv_field(i.booth.as_str()),
            super::matching::csv_field(i.position.as_ref().map_or("", |p| p.as_str())),
            i.start.format(ISO),
            i.end.format(ISO)
        )?;
    }
    Ok(())
}

fn write_table(out: &mut impl Write, fair: &Fair, timetable: &Timetable) -> std::io::Result<()> {
    let employer: std::collections::HashMap<_, _> = fair.booths.iter().map(|b| (&b.id, &b.employer)).collect();
    let mut booth = None;
    for i in &timetable.interviews {
        if booth != Some(&i.booth) {
            booth = Some(&i.booth);
            let name = employer.get(&i.booth).map_or("", |e| e.as_str());
            writeln!(out, "{} {name}", i.booth)?;
        }
        writeln!(
            out,
            "  {}–{}  {:<12} {}",
            i.start.format("%H:%M"),
            i.end.format("%H:%M"),
            i.candidate,
            i.position.as_ref().map_or("", |p| p.as_str())
        )?;
    }
    Ok(())
}

/// Every pair left out, with its reason, and a summary, on standard error.
fn report_left_out(fair: &Fair, timetable: &Timetable, lang: Lang) {
    let with_hours = fair.booths.iter().filter(|b| b.interviews.is_some()).count();
    if with_hours == 0 {
        eprintln!(
            "no booth has interview hours: set them in the booth editor, or import booths with the columns interviewers, interview_start and interview_end"
        );
    }
    for (request, reason) in &timetable.left_out {
        let reason = match lang {
            Lang::En => reason.en(),
            Lang::Zh => reason.zh(),
        };
        eprintln!(
            "left out: {} at {} ({}): {reason}",
            request.candidate,
            request.booth,
            request.position.as_ref().map_or("-", |p| p.as_str())
        );
    }
    eprintln!(
        "scheduled {} interviews at {} booths; {} pairs left out",
        timetable.interviews.len(),
        {
            let mut booths: Vec<_> = timetable.interviews.iter().map(|i| &i.booth).collect();
            booths.dedup();
            booths.len()
        },
        timetable.left_out.len()
    );
}

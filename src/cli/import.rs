//! `fairmatch import --booths B.csv --positions P.xlsx --candidates C.csv [--projects J.csv]
//! [--sessions S.xlsx] [--into FAIR.ron] -o OUT.ron`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::model::{Fair, FairId};
use crate::store::csv_import::{ImportFiles, ImportOptions, import_with, parse_map_arg};
use crate::store::{self, FairLock};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("inputs").required(true).multiple(true).args(["booths", "positions", "candidates", "projects", "sessions"])))]
pub struct ImportArgs {
    /// Booths CSV or Excel workbook (id/展位号, employer/单位名称, kind, industry, zone).
    #[arg(long)]
    pub booths: Option<PathBuf>,
    /// Positions CSV (id, booth, employer, title, openings, skills, education, salary, ...).
    #[arg(long)]
    pub positions: Option<PathBuf>,
    /// Candidates CSV (id, name/姓名, phone/手机, email, education/学历, skills/技能, ...).
    #[arg(long)]
    pub candidates: Option<PathBuf>,
    /// Projects CSV or workbook (title/项目名称, lead/负责人, industry/领域, stage/阶段,
    /// investment_wan/融资需求, cities/意向城市, status, ...), as `export --what projects` writes.
    #[arg(long)]
    pub projects: Option<PathBuf>,
    /// Sessions CSV or workbook (title/对接会, room/会议室, start/开始时间, end/结束时间,
    /// capacity/容量, hosts, invitees, ...), as `export --what sessions` writes.
    #[arg(long)]
    pub sessions: Option<PathBuf>,
    /// Existing fair file to add to (it is not modified unless it is also the output).
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// Read CSV files in this encoding instead of detecting it: utf-8, gb18030 (gbk),
    /// windows-1252 (latin1), big5, shift_jis, ...
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,
    /// The sheet of Excel workbooks to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Read VALUE in COLUMN as LABEL, e.g. `--map tier:返乡大学生=Returnee`; repeatable.
    /// Kept in the written fair, so the next import of the same sheet goes through.
    #[arg(long = "map", value_name = "COLUMN:VALUE=LABEL")]
    pub maps: Vec<String>,
    /// Import the good rows even when some rows are bad (the bad ones are still listed).
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// The fair file to write (replaced atomically).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

pub fn run(args: &ImportArgs) -> ExitCode {
    let options = match import_options(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("fairmatch import: {message}");
            return ExitCode::from(2);
        }
    };
    // Held from loading to saving, so a merge or import into the same file cannot interleave.
    let lock = match FairLock::acquire(&args.output, store::lock_wait()) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("fairmatch import: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut fair = match &args.into {
        Some(path) => match crate::store::load_fair(path) {
            Ok(fair) => fair,
            Err(e) => {
                eprintln!("fairmatch import: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => new_fair(args),
    };
    let files = ImportFiles {
        booths: args.booths.as_deref(),
        positions: args.positions.as_deref(),
        candidates: args.candidates.as_deref(),
        projects: args.projects.as_deref(),
        sessions: args.sessions.as_deref(),
    };
    let report = match import_with(&mut fair, &files, &options) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("fairmatch import: {e}");
            eprintln!("nothing written");
            return ExitCode::FAILURE;
        }
    };
    for note in &report.notes {
        println!("{note}");
    }
    if !report.bad_rows.is_empty() {
        let rows: std::collections::HashSet<(&str, u64)> =
            report.bad_rows.iter().map(|b| (b.file.as_str(), b.line)).collect();
        let verb = if args.skip_bad_rows { "skipped" } else { "bad" };
        eprintln!("{} {verb} row(s), {} problem(s):", rows.len(), report.bad_rows.len());
        for bad in &report.bad_rows {
            eprintln!("  {bad}");
        }
        if !report.unknown_values.is_empty() {
            eprintln!("values no label matches (map each with --map COLUMN:VALUE=LABEL):");
            for unknown in &report.unknown_values {
                eprintln!(
                    "  {}: `{}` in {} row(s), e.g. line(s) {}",
                    unknown.column,
                    unknown.value,
                    unknown.rows,
                    unknown.lines.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
                );
            }
        }
        if !args.skip_bad_rows {
            eprintln!(
                "nothing written to {}; fix the rows above or pass --skip-bad-rows",
                args.output.display()
            );
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = crate::store::save_fair_locked(&lock, &fair, None) {
        eprintln!("fairmatch import: {e}");
        return ExitCode::FAILURE;
    }
    let extra = match (report.projects_added, report.sessions_added) {
        (0, 0) => String::new(),
        (projects, sessions) => format!(", {projects} projects, {sessions} sessions"),
    };
    println!(
        "added {} booths ({} created from positions' employers), {} positions, {} candidates{extra}; wrote {}",
        report.booths_added + report.booths_created.len(),
        report.booths_created.len(),
        report.positions_added,
        report.candidates_added,
        args.output.display()
    );
    let problems = crate::model::validate(&fair);
    if !problems.is_empty() {
        println!(
            "the written fair has {} problem(s) (see `fairmatch check`):",
            problems.len()
        );
        for problem in problems.iter().take(20) {
            println!("  {problem}");
        }
    }
    ExitCode::SUCCESS
}

fn import_options(args: &ImportArgs) -> Result<ImportOptions, String> {
    let encoding = match &args.encoding {
        Some(label) => Some(crate::store::encoding::encoding_for_label(label).ok_or_else(|| {
            format!("--encoding {label}: unknown encoding; try utf-8, gb18030, windows-1252, big5 or shift_jis")
        })?),
        None => None,
    };
    let mappings = args
        .maps
        .iter()
        .map(|arg| parse_map_arg(arg).map_err(|e| format!("--map {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImportOptions {
        encoding,
        sheet: args.sheet.clone(),
        mappings,
    })
}

/// A fresh fair named after the output file, with an id unique to this import.
fn new_fair(args: &ImportArgs) -> Fair {
    let name = args
        .output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported fair".into());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    Fair::new(FairId::new(format!("{name}-{stamp}")), name)
}

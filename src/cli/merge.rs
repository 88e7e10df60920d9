//! `fairmatch merge`: bring station logs into the organizer's fair; and the station-log export.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::app::merge::{check_log, merge_logs, station_log};
use crate::model::{Fair, StationId};
use crate::store::{self, load_station_log, save_station_log};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The organizer's fair file.
    pub fair: PathBuf,
    /// Station logs written by `export --what station-log` or File → Export station log.
    #[arg(required = true)]
    pub logs: Vec<PathBuf>,
    /// Where to write the merged fair (may be FAIR itself; written atomically).
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: MergeArgs) -> ExitCode {
    match merge_files(&args.fair, &args.logs, &args.output) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("fairmatch merge: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads everything first and writes only if every log is accepted, so a bad or foreign log
/// leaves the output untouched. Returns the report lines.
pub fn merge_files(fair_path: &Path, log_paths: &[PathBuf], output: &Path) -> Result<Vec<String>, String> {
    // Held from loading to saving: a second merge into the same file waits, then reads this
    // one's result, so neither's events are lost.
    let lock = store::FairLock::acquire(output, store::lock_wait()).map_err(|e| e.to_string())?;
    let mut fair = store::load_fair(fair_path).map_err(|e| e.to_string())?;
    let mut logs = Vec::with_capacity(log_paths.len());
    for path in log_paths {
        let log = load_station_log(path).map_err(|e| e.to_string())?;
        check_log(&fair, &log, &path.display().to_string()).map_err(|e| e.to_string())?;
        logs.push(log);
    }
    let report = merge_logs(&mut fair, &logs).map_err(|e| e.to_string())?;
    store::save_fair_locked(&lock, &fair, None).map_err(|e| e.to_string())?;
    let mut lines = report.lines();
    lines.push(format!("wrote {}", output.display()));
    Ok(lines)
}

/// `export --what station-log`: the events of one station (or all) as a station log.
pub fn export_station_log(fair_path: &Path, station: Option<&StationId>, output: &Path) -> Result<String, String> {
    let fair = store::load_fair(fair_path).map_err(|e| e.to_string())?;
    write_station_log(&fair, fair_path, station, output)
}

/// Writes the station log of an already loaded fair; `fair_path` names it in messages.
pub fn write_station_log(
    fair: &Fair,
    fair_path: &Path,
    station: Option<&StationId>,
    output: &Path,
) -> Result<String, String> {
    if let Some(station) = station
        && !fair.events.iter().any(|e| &e.station == station)
    {
        let known = crate::app::merge::stations(fair);
        let known: Vec<&str> = known.iter().map(StationId::as_str).collect();
        return Err(format!(
            "{}: no events from station {station}; stations in this fair: {}",
            fair_path.display(),
            if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            }
        ));
    }
    let log = station_log(fair, station);
    save_station_log(output, &log).map_err(|e| e.to_string())?;
    Ok(format!("wrote {} events to {}", log.events.len(), output.display()))
}

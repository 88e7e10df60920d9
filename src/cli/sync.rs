//! `fairmatch hub init|run` and `fairmatch sync`: live sync between stations over NATS
//! JetStream, from the command line. docs/sync.md has the design.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::app::merge::merge_logs;
use crate::model::{Fair, STATION_LOG_VERSION, StationEvent, StationId, StationLog, derived_events};
use crate::store;
use crate::sync::exchange::exchange;
use crate::sync::hub::{self, HubSpec};
use crate::sync::{Credentials, Link, LinkOptions, Role};

#[derive(Debug, Args)]
pub struct HubArgs {
    #[command(subcommand)]
    pub action: HubAction,
}

#[derive(Debug, Subcommand)]
pub enum HubAction {
    /// Write a hub folder: the nats-server config and one credentials file per station.
    Init {
        /// The fair the hub serves (its id is read from it).
        #[arg(long)]
        fair: PathBuf,
        /// Station names, comma separated: entrance-1,entrance-2,booth-A001,…
        #[arg(long, value_delimiter = ',', required = true)]
        stations: Vec<String>,
        /// Where the hub listens.
        #[arg(long, default_value = "0.0.0.0:4222")]
        listen: String,
        /// The hub folder to write (refused if it already holds a hub).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run the hub's nats-server in the foreground (Ctrl+C stops it).
    Run {
        /// A folder written by `hub init`.
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The station's fair file.
    pub fair: PathBuf,
    /// The hub, e.g. nats://192.168.1.10:4222 (default: the address in the credentials).
    #[arg(long)]
    pub server: Option<String>,
    /// This station's credentials file from `hub init` (it names the station).
    #[arg(long)]
    pub creds: PathBuf,
    /// One round: push, pull until caught up, merge, save, exit. Without it, a round every
    /// second until stopped.
    #[arg(long)]
    pub once: bool,
}

pub fn run_hub(args: &HubArgs) -> ExitCode {
    let result = match &args.action {
        HubAction::Init {
            fair,
            stations,
            listen,
            output,
        } => hub_init(fair, stations, listen, output),
        HubAction::Run { dir } => hub_run(dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("fairmatch hub: {message}");
            ExitCode::FAILURE
        }
    }
}

fn hub_init(fair: &Path, stations: &[String], listen: &str, output: &Path) -> Result<(), String> {
    let fair = store::load_fair(fair).map_err(|e| e.to_string())?;
    let spec = HubSpec {
        fair_id: fair.meta.id.clone(),
        stations: stations.iter().map(|s| StationId::new(s.trim())).collect(),
        listen: listen.to_owned(),
    };
    let written = hub::init(&spec, output).map_err(|e| e.to_string())?;
    println!(
        "hub for fair {:?} in {}: {} stations and the organizer",
        spec.fair_id.0,
        output.display(),
        spec.stations.len()
    );
    println!("credentials (give each station its own file; keep them secret):");
    for path in written {
        println!("  {}", path.display());
    }
    println!("start it with: fairmatch hub run {}", output.display());
    Ok(())
}

fn hub_run(dir: &Path) -> Result<(), String> {
    let spec = hub::load_spec(dir).map_err(|e| e.to_string())?;
    let mut child = hub::start(dir, None).map_err(|e| e.to_string())?;
    // The stream and the fair-version store exist before any station asks for them.
    let organizer = Credentials::load(&dir.join(format!("{}.creds", hub::ORGANIZER)));
    let prepared = organizer.map_err(|e| e.to_string()).and_then(|creds| {
        runtime()?
            .block_on(Link::open(&spec.url(), &creds, LinkOptions::default(), None))
            .map(drop)
            .map_err(|e| e.to_string())
    });
    if let Err(message) = prepared {
        let _ = child.kill();
        return Err(message);
    }
    println!(
        "hub for fair {:?} listening on {} ({} stations); Ctrl+C stops it",
        spec.fair_id.0,
        spec.listen,
        spec.stations.len()
    );
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("nats-server ended: {status}"))
    }
}

pub fn run_sync(args: &SyncArgs) -> ExitCode {
    let creds = match Credentials::load(&args.creds) {
        Ok(creds) => creds,
        Err(e) => {
            eprintln!("fairmatch sync: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = args.server.clone().unwrap_or_else(|| creds.server.clone());
    // Bounded only by the user: a headless station syncs until stopped.
    loop {
        match sync_once(&args.fair, &url, &creds, LinkOptions::default()) {
            Ok(lines) => {
                for line in lines {
                    println!("{line}");
                }
            }
            Err(message) => {
                eprintln!("fairmatch sync: {message}");
                if args.once {
                    return ExitCode::FAILURE;
                }
            }
        }
        if args.once {
            return ExitCode::SUCCESS;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// What a station sends: its own events; the organizer sends every event its fair holds, and
/// the check-ins and visits it holds without one (imports), so stations that never saw a
/// station log merged by file get them too.
pub fn outbox(fair: &Fair, creds: &Credentials) -> Vec<StationEvent> {
    match creds.role {
        Role::Station => fair
            .events
            .iter()
            .filter(|e| e.station == creds.station)
            .cloned()
            .collect(),
        Role::Organizer => fair.events.iter().cloned().chain(derived_events(fair)).collect(),
    }
}

/// One round for the fair at `path`: push, pull until caught up, merge, save atomically
/// (under the fair's lock), then acknowledge. Any failure leaves the file untouched.
pub fn sync_once(path: &Path, url: &str, creds: &Credentials, options: LinkOptions) -> Result<Vec<String>, String> {
    let lock = store::FairLock::acquire(path, store::lock_wait()).map_err(|e| e.to_string())?;
    let mut fair = store::load_fair(path).map_err(|e| e.to_string())?;
    if fair.meta.id != creds.fair_id {
        return Err(format!(
            "{}: these credentials are for fair {:?}, this file is fair {:?}",
            path.display(),
            creds.fair_id.0,
            fair.meta.id.0
        ));
    }
    let runtime = runtime()?;
    let outbox = outbox(&fair, creds);
    let mut exchanged = runtime
        .block_on(exchange(url, creds, &outbox, options))
        .map_err(|e| e.to_string())?;
    let mut lines = vec![format!(
        "station {}: sent {} events, received {} from the hub in {:.2} s",
        creds.station,
        exchanged.pushed,
        exchanged.received.len(),
        exchanged.took.as_secs_f64()
    )];
    for why in exchanged.rejected.iter().take(10) {
        lines.push(format!("skipped: {why}"));
    }
    let log = StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: fair.meta.id.clone(),
        station: None,
        events: std::mem::take(&mut exchanged.received),
    };
    let report = merge_logs(&mut fair, &[log]).map_err(|e| e.to_string())?;
    if report.events_added > 0 {
        lines.extend(report.lines());
        store::save_fair_locked(&lock, &fair, None).map_err(|e| e.to_string())?;
        lines.push(format!("wrote {}", path.display()));
    } else {
        lines.push(format!("nothing new; {} unchanged", path.display()));
    }
    runtime.block_on(exchanged.ack()).map_err(|e| e.to_string())?;
    Ok(lines)
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the network runtime: {e}"))
}

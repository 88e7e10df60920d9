//! `fairmatch sync-bench`: live sync's figures on loopback against a real `nats-server`
//! started for the run (docs/sync.md): events per second from one station to another, the
//! catch-up of a station that missed many events against merging the same events from a
//! station log file, and many stations connected from one process.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use futures_util::future::join_all;

use crate::app::merge::merge_logs;
use crate::model::{EventId, EventKind, Fair, STATION_LOG_VERSION, StationEvent, StationId, StationLog};
use crate::store;
use crate::sync::hub::{self, HubSpec};
use crate::sync::{Credentials, Link, LinkOptions};

#[derive(Debug, Args)]
pub struct SyncBenchArgs {
    /// Events sent from one station to another, end to end.
    #[arg(long, default_value_t = 20_000)]
    pub events: usize,
    /// Events a late station catches up on.
    #[arg(long, default_value_t = 100_000)]
    pub catch_up: usize,
    /// Stations connected at once from this process, each sending `--per-station` events.
    #[arg(long, default_value_t = 700)]
    pub stations: usize,
    #[arg(long, default_value_t = 10)]
    pub per_station: usize,
}

pub fn run(args: &SyncBenchArgs) -> ExitCode {
    match bench(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("fairmatch sync-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn events(fair: &Fair, station: &str, n: usize) -> Vec<StationEvent> {
    let at = chrono::NaiveDate::from_ymd_opt(2026, 5, 16)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default();
    (0..n)
        .map(|i| StationEvent {
            id: EventId(format!("{station}-{i:032x}")),
            station: StationId::new(station),
            at: at + chrono::Duration::seconds(i as i64 % 28_800),
            kind: EventKind::CheckIn {
                candidate: fair.candidates[i % fair.candidates.len().max(1)].id.clone(),
            },
        })
        .collect()
}

fn bench(args: &SyncBenchArgs) -> Result<(), String> {
    let fair = crate::app::sample_fair();
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let mut stations: Vec<StationId> = ["sender", "receiver", "late"].map(StationId::new).to_vec();
    stations.extend((0..args.stations).map(|i| StationId::new(format!("booth-{i:03}"))));
    let spec = HubSpec {
        fair_id: fair.meta.id.clone(),
        stations,
        listen: format!("127.0.0.1:{port}"),
    };
    let hub_dir = dir.path().join("hub");
    hub::init(&spec, &hub_dir).map_err(|e| e.to_string())?;
    // Built before the server starts, so no early return leaves the server running.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut server = hub::start(&hub_dir, Some(&dir.path().join("server.log"))).map_err(|e| e.to_string())?;
    let creds = |name: &str| Credentials::load(&hub_dir.join(format!("{name}.creds"))).map_err(|e| e.to_string());
    let url = spec.url();
    let options = LinkOptions::default();
    let result = runtime.block_on(async {
        let open = |c: Credentials| {
            let url = url.clone();
            let options = options.clone();
            async move { Link::open(&url, &c, options, None).await.map_err(|e| e.to_string()) }
        };
        let organizer = open(creds("organizer")?).await?;
        let sender = open(creds("sender")?).await?;
        let receiver = open(creds("receiver")?).await?;
        let late = open(creds("late")?).await?;
        println!("machine: {} cores; nats-server on 127.0.0.1:{port}", num_cpus());

        // 1. One station to another, end to end.
        let batch = events(&fair, "sender", args.events);
        let started = Instant::now();
        let send = sender.publish(&batch);
        let receive = async {
            let mut got = 0;
            let deadline = Instant::now() + Duration::from_secs(120);
            while got < batch.len() && Instant::now() < deadline {
                let pulled = receiver.pull(5000).await?;
                got += pulled.events.len();
                if let Some(acker) = pulled.acker {
                    let _ = acker.ack().await;
                } else {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
            }
            Ok::<usize, crate::sync::SyncError>(got)
        };
        let ((sent, error), got) = tokio::join!(send, receive);
        let took = started.elapsed();
        if let Some(error) = error {
            return Err(error.to_string());
        }
        let got = got.map_err(|e| e.to_string())?;
        println!(
            "station to station: {} events sent, {got} received in {:.3} s: {:.0} events/s",
            sent.len(),
            took.as_secs_f64(),
            got as f64 / took.as_secs_f64()
        );

        // 2. A station that missed `catch_up` events.
        let missed = events(&fair, "sender", args.events + args.catch_up).split_off(args.events);
        let (_, error) = sender.publish(&missed).await;
        if let Some(error) = error {
            return Err(error.to_string());
        }
        let started = Instant::now();
        let mut received = Vec::with_capacity(args.events + args.catch_up);
        for _ in 0..10_000 {
            let pulled = late.pull(5000).await.map_err(|e| e.to_string())?;
            let Some(acker) = pulled.acker else { break };
            received.extend(pulled.events);
            let _ = acker.ack().await;
            if pulled.pending == 0 {
                break;
            }
        }
        let pulled_in = started.elapsed();
        let mut synced = fair.clone();
        let log = StationLog {
            format_version: STATION_LOG_VERSION,
            fair_id: fair.meta.id.clone(),
            station: None,
            events: received,
        };
        let count = log.events.len();
        merge_logs(&mut synced, std::slice::from_ref(&log)).map_err(|e| e.to_string())?;
        let over_sync = started.elapsed();
        let file = dir.path().join("station-log.ron");
        store::save_station_log(&file, &log).map_err(|e| e.to_string())?;
        let started = Instant::now();
        let loaded = store::load_station_log(&file).map_err(|e| e.to_string())?;
        let mut merged = fair.clone();
        merge_logs(&mut merged, &[loaded]).map_err(|e| e.to_string())?;
        let from_file = started.elapsed();
        println!(
            "catch-up of {count} events: pull {:.3} s + merge = {:.3} s; from a station log file {:.3} s; ratio {:.2}",
            pulled_in.as_secs_f64(),
            over_sync.as_secs_f64(),
            from_file.as_secs_f64(),
            over_sync.as_secs_f64() / from_file.as_secs_f64()
        );

        // 3. Many stations at once, the organizer sees every event.
        let started = Instant::now();
        let mut links = Vec::with_capacity(args.stations);
        for chunk in (0..args.stations).collect::<Vec<_>>().chunks(50) {
            let opened = join_all(chunk.iter().map(|i| {
                let c = creds(&format!("booth-{i:03}"));
                async move { open(c?).await }
            }))
            .await;
            for link in opened {
                links.push(link?);
            }
        }
        let connected = started.elapsed();
        let sends = join_all(links.iter().enumerate().map(|(i, link)| {
            let batch = events(&fair, &format!("booth-{i:03}"), args.per_station);
            async move { link.publish(&batch).await }
        }))
        .await;
        let acked: usize = sends.iter().map(|(ids, _)| ids.len()).sum();
        let wanted = args.stations * args.per_station;
        let mut seen = 0usize;
        for _ in 0..10_000 {
            let pulled = organizer.pull(5000).await.map_err(|e| e.to_string())?;
            let Some(acker) = pulled.acker else { break };
            seen += pulled.events.iter().filter(|e| e.station.as_str().starts_with("booth-")).count();
            let _ = acker.ack().await;
            if seen >= wanted {
                break;
            }
        }
        println!(
            "{} stations connected in {:.2} s; {acked} of {wanted} events acknowledged; the organizer saw {seen} in {:.2} s in all",
            links.len(),
            connected.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
        Ok(())
    });
    let _ = server.kill();
    let _ = server.wait();
    result
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

//! Live sync against a real `nats-server` on 127.0.0.1 at a free port: stations converge,
//! a killed and restarted server loses and doubles nothing, an offline station catches up, a
//! station cannot publish as another, and a failed sync leaves the file untouched.
//!
//! Without `nats-server` installed these tests say so and pass, unless
//! `FAIRMATCH_REQUIRE_NATS` is set (CI sets it), which makes them fail instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use fairmatch::app::{AppState, DeskAction, Prefs, sample_fair};
use fairmatch::cli::sync::sync_once;
use fairmatch::model::{CandidateId, EventId, EventKind, Fair, StationEvent, StationId};
use fairmatch::sync::hub::{self, HubSpec};
use fairmatch::sync::worker::{FromWorker, ToWorker, Worker};
use fairmatch::sync::{Credentials, Link, LinkOptions, OpenError};

struct Hub {
    dir: tempfile::TempDir,
    spec: HubSpec,
    server: Option<Child>,
}

impl Hub {
    /// A hub with `stations` on a free port, running; `None` when nats-server is missing and
    /// not required.
    fn start(fair: &Fair, stations: &[&str]) -> Option<Hub> {
        if let Err(e) = hub::server_binary() {
            assert!(
                std::env::var_os("FAIRMATCH_REQUIRE_NATS").is_none(),
                "FAIRMATCH_REQUIRE_NATS is set: {e}"
            );
            eprintln!("skipped: {e}");
            return None;
        }
        let port = free_port();
        let dir = tempfile::tempdir().unwrap();
        let spec = HubSpec {
            fair_id: fair.meta.id.clone(),
            stations: stations.iter().map(|s| StationId::new(*s)).collect(),
            listen: format!("127.0.0.1:{port}"),
        };
        hub::init(&spec, &dir.path().join("hub")).unwrap();
        let mut hub = Hub {
            dir,
            spec,
            server: None,
        };
        hub.run();
        // The organizer makes the stream, as `hub run` does.
        let organizer = hub.creds("organizer");
        runtime()
            .block_on(Link::open(&hub.url(), &organizer, options(), None))
            .unwrap();
        Some(hub)
    }

    fn run(&mut self) {
        let dir = self.dir.path().join("hub");
        self.server = Some(hub::start(&dir, Some(&self.dir.path().join("server.log"))).unwrap());
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.server.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    fn url(&self) -> String {
        self.spec.url()
    }

    fn creds(&self, station: &str) -> Credentials {
        Credentials::load(&self.dir.path().join("hub").join(format!("{station}.creds"))).unwrap()
    }

    fn file(&self, name: &str, fair: &Fair) -> PathBuf {
        let path = self.dir.path().join(name);
        fairmatch::store::save_fair(&path, fair).unwrap();
        path
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.kill();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A port nothing listens on (the moment it is asked for).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Credentials of another hub for `fair`'s entrance: a key no test hub knows.
fn stranger(fair: &Fair) -> Credentials {
    Credentials::generate(
        fair.meta.id.clone(),
        StationId::new("entrance-1"),
        fairmatch::sync::Role::Station,
        String::new(),
    )
    .unwrap()
}

fn options() -> LinkOptions {
    LinkOptions {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(2),
        ..LinkOptions::default()
    }
}

fn at(minute: u32) -> fairmatch::model::LocalTime {
    chrono::NaiveDate::from_ymd_opt(2026, 5, 16)
        .unwrap()
        .and_hms_opt(9, minute % 60, 0)
        .unwrap()
}

/// `n` check-ins recorded at `station`, on the fair's first candidates in turn.
fn check_ins(fair: &Fair, station: &str, n: usize) -> Vec<StationEvent> {
    (0..n)
        .map(|i| StationEvent {
            id: EventId(format!("{station}-{i:032x}")),
            station: StationId::new(station),
            at: at(i as u32),
            kind: EventKind::CheckIn {
                candidate: fair.candidates[i % fair.candidates.len()].id.clone(),
            },
        })
        .collect()
}

/// Records one check-in at `station` into the fair file at `path`, as its desk would.
fn record_check_in(path: &Path, station: &str, candidate: &CandidateId) {
    let prefs = Prefs {
        station_id: station.to_owned(),
        ..Prefs::default()
    };
    let mut app = AppState::new(Fair::new(Default::default(), ""), None, prefs);
    app.open(path).unwrap();
    app.record(DeskAction::CheckIn {
        candidate: candidate.clone(),
        at: at(5),
    })
    .unwrap();
    fairmatch::store::save_fair(path, app.fair()).unwrap();
}

fn event_ids(path: &Path) -> HashSet<EventId> {
    let fair = fairmatch::store::load_fair(path).unwrap();
    fair.events.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn two_stations_and_the_organizer_converge() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1", "booth-A001"]) else {
        return;
    };
    let entrance = hub.file("entrance.ron", &fair);
    let booth = hub.file("booth.ron", &fair);
    let organizer = hub.file("organizer.ron", &fair);
    record_check_in(&entrance, "entrance-1", &fair.candidates[0].id);
    record_check_in(&booth, "booth-A001", &fair.candidates[1].id);
    let url = hub.url();
    // Two rounds each: the second brings what the others sent after one's first round.
    for _ in 0..2 {
        for (path, who) in [
            (&organizer, "organizer"),
            (&entrance, "entrance-1"),
            (&booth, "booth-A001"),
        ] {
            sync_once(path, &url, &hub.creds(who), options()).unwrap();
        }
    }
    let expected = event_ids(&organizer);
    assert!(
        expected.len() > fair.events.len() + 1,
        "the check-ins reached the organizer"
    );
    assert_eq!(event_ids(&entrance), expected);
    assert_eq!(event_ids(&booth), expected);
    let booth_fair = fairmatch::store::load_fair(&booth).unwrap();
    assert!(
        booth_fair.candidates[0].checked_in.is_some(),
        "the entrance's check-in reached the booth"
    );
    // Nothing new: a third round writes nothing.
    let before = std::fs::read(&booth).unwrap();
    let lines = sync_once(&booth, &url, &hub.creds("booth-A001"), options()).unwrap();
    assert!(lines.iter().any(|l| l.contains("nothing new")), "{lines:?}");
    assert_eq!(std::fs::read(&booth).unwrap(), before);
}

#[test]
fn a_live_window_sees_another_stations_check_in() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1", "booth-A001"]) else {
        return;
    };
    let journals = tempfile::tempdir().unwrap();
    let open = |station: &str, name: &str| {
        let path = hub.file(name, &fair);
        let mut app = AppState::new(Fair::new(Default::default(), ""), None, Prefs::default());
        app.set_journal_dir(Some(journals.path().join(station)));
        app.open(&path).unwrap();
        let creds = hub.dir.path().join("hub").join(format!("{station}.creds"));
        app.start_sync(&hub.url(), &creds).unwrap();
        app
    };
    let mut entrance = open("entrance-1", "entrance.ron");
    let mut booth = open("booth-A001", "booth.ron");
    let candidate = fair.candidates[3].id.clone();
    entrance
        .record(DeskAction::CheckIn {
            candidate: candidate.clone(),
            at: at(7),
        })
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        entrance.poll_jobs();
        booth.poll_jobs();
        if booth.candidate(&candidate).is_some_and(|c| c.checked_in.is_some())
            && entrance.sync_status().unwrap().waiting == 0
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        booth.candidate(&candidate).unwrap().checked_in.is_some(),
        "{:?}",
        booth.sync_status()
    );
    assert_eq!(entrance.sync_status().unwrap().waiting, 0);
    assert!(booth.is_dirty(), "merged events count as unsaved");
    // The booth's journal holds the received event, so a crash before saving keeps it.
    let journal = booth.journal_file().unwrap();
    let replay = fairmatch::store::journal::replay(&journal).unwrap();
    assert!(
        replay
            .entries
            .iter()
            .any(|e| e.sent && e.event.kind.candidate() == &candidate)
    );
}

#[test]
fn a_killed_and_restarted_server_loses_and_doubles_nothing() {
    let fair = sample_fair();
    let Some(mut hub) = Hub::start(&fair, &["entrance-1"]) else {
        return;
    };
    let events = check_ins(&fair, "entrance-1", 3000);
    let worker = Worker::start(
        hub.url(),
        hub.creds("entrance-1"),
        options(),
        std::sync::Arc::new(|| {}),
    );
    worker.send(ToWorker::Publish(events.clone()));
    let mut sent: HashSet<EventId> = HashSet::new();
    let mut killed = false;
    let deadline = Instant::now() + Duration::from_secs(30);
    while sent.len() < events.len() && Instant::now() < deadline {
        match worker.try_recv() {
            Some(FromWorker::Sent(ids)) => sent.extend(ids),
            Some(_) => {}
            None => std::thread::sleep(Duration::from_millis(2)),
        }
        if !killed && !sent.is_empty() {
            // Mid-publish: some acknowledged, the rest in flight or waiting.
            hub.kill();
            killed = true;
            std::thread::sleep(Duration::from_millis(300));
            hub.run();
        }
    }
    assert!(killed);
    assert_eq!(sent.len(), events.len(), "every event acknowledged after the restart");
    drop(worker);
    // A fresh reader of the whole stream: each event exactly once.
    let organizer = hub.creds("organizer");
    let ids = runtime().block_on(async {
        let link = Link::open(&hub.url(), &organizer, options(), None).await.unwrap();
        let mut ids = Vec::new();
        for _ in 0..100 {
            let pulled = link.pull(5000).await.unwrap();
            if pulled.acker.is_none() {
                break;
            }
            ids.extend(pulled.events.into_iter().map(|e| e.id));
        }
        ids
    });
    let unique: HashSet<&EventId> = ids.iter().collect();
    assert_eq!(unique.len(), events.len(), "nothing lost");
    assert_eq!(ids.len(), events.len(), "nothing doubled");
}

#[test]
fn a_station_offline_for_a_while_catches_up() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1", "booth-A001"]) else {
        return;
    };
    let booth = hub.file("booth.ron", &fair);
    let url = hub.url();
    sync_once(&booth, &url, &hub.creds("booth-A001"), options()).unwrap();
    // While the booth is offline the entrance records 400 check-ins.
    let entrance = hub.creds("entrance-1");
    let events = check_ins(&fair, "entrance-1", 400);
    runtime().block_on(async {
        let link = Link::open(&url, &entrance, options(), None).await.unwrap();
        let (acked, error) = link.publish(&events).await;
        assert!(error.is_none(), "{error:?}");
        assert_eq!(acked.len(), events.len());
    });
    sync_once(&booth, &url, &hub.creds("booth-A001"), options()).unwrap();
    let ids = event_ids(&booth);
    assert!(events.iter().all(|e| ids.contains(&e.id)), "every missed event arrived");
}

#[test]
fn a_station_cannot_publish_as_another() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1", "booth-A001"]) else {
        return;
    };
    let entrance = hub.creds("entrance-1");
    let forged = check_ins(&fair, "booth-A001", 1).remove(0);
    let subject = fairmatch::sync::events_subject(&fair.meta.id, &StationId::new("booth-A001"));
    runtime().block_on(async {
        let client = async_nats::ConnectOptions::with_nkey(entrance.seed.clone())
            .request_timeout(Some(Duration::from_millis(500)))
            .connect(hub.url())
            .await
            .unwrap();
        let jetstream = async_nats::jetstream::new(client);
        let payload = serde_json::to_vec(&forged).unwrap();
        let result = match jetstream.publish(subject.clone(), payload.into()).await {
            Ok(ack) => ack.await.map(|_| ()),
            Err(e) => Err(e),
        };
        assert!(result.is_err(), "the hub took a publish on another station's subject");
        // The stream holds nothing from it.
        let mut stream = jetstream
            .get_stream(fairmatch::sync::stream_name(&fair.meta.id))
            .await
            .unwrap();
        assert_eq!(stream.info().await.unwrap().state.messages, 0);
    });
    // An event on one's own subject that claims another station is dropped by every reader.
    let message = serde_json::to_vec(&forged).unwrap();
    let own = fairmatch::sync::events_subject(&fair.meta.id, &StationId::new("entrance-1"));
    let why = fairmatch::sync::link::decode(&entrance, &own, &message).unwrap_err();
    assert!(why.contains("says it is from station booth-A001"), "{why}");
}

#[test]
fn refused_credentials_or_no_hub_leave_the_file_untouched() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1"]) else {
        return;
    };
    let path = hub.file("entrance.ron", &fair);
    record_check_in(&path, "entrance-1", &fair.candidates[0].id);
    let before = std::fs::read(&path).unwrap();
    // Credentials of another hub: a key this hub does not know.
    let stranger = stranger(&fair);
    let refused = sync_once(&path, &hub.url(), &stranger, options()).unwrap_err();
    assert!(refused.contains("refused these credentials"), "{refused}");
    let free = free_port();
    let unreachable = sync_once(
        &path,
        &format!("nats://127.0.0.1:{free}"),
        &hub.creds("entrance-1"),
        options(),
    );
    assert!(unreachable.unwrap_err().contains("cannot reach the hub"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_link_tells_refused_credentials_from_a_hub_it_cannot_reach() {
    let fair = sample_fair();
    let Some(hub) = Hub::start(&fair, &["entrance-1"]) else {
        return;
    };
    let stranger = stranger(&fair);
    let refused = runtime().block_on(Link::open(&hub.url(), &stranger, options(), None));
    assert!(matches!(refused, Err(OpenError::Refused(_))), "{:?}", refused.err());
    let free = free_port();
    // The socket's own error says "Connection refused": still a hub not there, not a refusal.
    let url = format!("nats://127.0.0.1:{free}");
    let unreachable = runtime().block_on(Link::open(&url, &hub.creds("entrance-1"), options(), None));
    assert!(
        matches!(unreachable, Err(OpenError::Unreachable(_))),
        "{:?}",
        unreachable.err()
    );
}

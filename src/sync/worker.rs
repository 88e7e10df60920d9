//! The window's sync: a [`Link`] kept alive on a thread of its own (a single-threaded tokio
//! runtime), talking to the window's state through two channels, so the rest of the app
//! stays synchronous.
//!
//! The window hands it events to publish ([`ToWorker::Publish`]); it answers with the ids the
//! stream took ([`FromWorker::Sent`]) and with batches of the fair's events as they arrive
//! ([`FromWorker::Received`]). A batch is acknowledged to the hub only when the window says
//! it is durable ([`ToWorker::Durable`]), so a crash before that gets the batch again.
//! Offline is a normal state: events wait in the worker's outbox (and in the station journal)
//! and go out on reconnect.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::{self, object_store};
use futures_util::{FutureExt, StreamExt};
use tokio::sync::mpsc;

use super::{Credentials, FAIR_OBJECT, Link, LinkOptions, OpenError, Role, SyncError, fair_bucket};
use crate::model::{EventId, StationEvent};

/// Largest batch handed to the window at once.
const BATCH: usize = 2000;
/// How often a station looks for a new fair version, and the status is refreshed.
const TICK: Duration = Duration::from_secs(2);

/// What the window tells the worker.
#[derive(Debug)]
pub enum ToWorker {
    /// Events to publish (recorded desk actions; for the organizer, any event its fair got).
    Publish(Vec<StationEvent>),
    /// The batch with this number is durable on the laptop: acknowledge it to the hub.
    Durable(u64),
    /// Organizer: publish this fair (RON bytes) as the new fair version; `reference` is the
    /// digest of its reference data.
    PublishFair {
        bytes: Vec<u8>,
        reference: String,
    },
    /// Station: download the published fair version.
    FetchFair,
    Stop,
}

/// The connection as the status bar shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkState {
    Connecting,
    Connected,
    /// Not connected; the reason. Desks keep working.
    Offline(String),
    /// The hub refused these credentials or this fair: retrying will not help.
    Refused(String),
}

/// A fair version the organizer published.
#[derive(Debug, Clone, PartialEq)]
pub struct FairVersion {
    /// Unique per publication.
    pub nuid: String,
    /// Digest of its reference data (booths, positions, registrations).
    pub reference: String,
    pub size: usize,
    /// When it was published, as the hub says (RFC 3339).
    pub published: String,
}

/// What the worker tells the window.
#[derive(Debug)]
pub enum FromWorker {
    State(LinkState),
    /// The stream took these events (new or already there).
    Sent(Vec<EventId>),
    /// The fair's events, in stream order.
    Received {
        batch: u64,
        events: Vec<StationEvent>,
        rejected: Vec<String>,
    },
    /// A fair version is on the hub (told once per publication).
    FairVersion(FairVersion),
    /// The published fair's bytes, after [`ToWorker::FetchFair`].
    FairData(Vec<u8>),
    /// The organizer's fair version went out.
    FairPublished(FairVersion),
    /// Something failed that the window should show (a fair version that did not go out…).
    Problem(String),
}

/// The running worker. Dropping it stops the thread.
pub struct Worker {
    to: mpsc::UnboundedSender<ToWorker>,
    from: std::sync::mpsc::Receiver<FromWorker>,
}

impl Worker {
    /// Starts syncing with the hub at `url` as `creds`; `wake` is called after each message
    /// to the window (it asks the window for a frame).
    pub fn start(url: String, creds: Credentials, options: LinkOptions, wake: Arc<dyn Fn() + Send + Sync>) -> Worker {
        let (to, commands) = mpsc::unbounded_channel();
        let (reply, from) = std::sync::mpsc::channel();
        let out = Out { reply, wake };
        let spawned = std::thread::Builder::new()
            .name("fairmatch sync".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                match runtime {
                    Ok(runtime) => runtime.block_on(run(url, creds, options, commands, out)),
                    Err(e) => out.send(FromWorker::State(LinkState::Offline(format!("cannot start sync: {e}")))),
                }
            });
        if let Err(e) = spawned {
            // The channel went with the thread that never ran: say why once.
            let (reply, from) = std::sync::mpsc::channel();
            let _ = reply.send(FromWorker::State(LinkState::Offline(format!("cannot start sync: {e}"))));
            return Worker { to, from };
        }
        Worker { to, from }
    }

    pub fn send(&self, message: ToWorker) {
        let _ = self.to.send(message);
    }

    /// The next message from the worker, if one is waiting.
    pub fn try_recv(&self) -> Option<FromWorker> {
        self.from.try_recv().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.to.send(ToWorker::Stop);
    }
}

struct Out {
    reply: std::sync::mpsc::Sender<FromWorker>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Out {
    fn send(&self, message: FromWorker) {
        let _ = self.reply.send(message);
        (self.wake)();
    }
}

/// The worker's own state across reconnects.
struct Outbox {
    creds: Credentials,
    queue: VecDeque<StationEvent>,
    queued: HashSet<EventId>,
}

impl Outbox {
    /// Queues what these credentials may publish; the hub would refuse the rest, and it would
    /// wait forever.
    fn add(&mut self, events: Vec<StationEvent>) {
        for event in events {
            if self.creds.may_publish(&event) && self.queued.insert(event.id.clone()) {
                self.queue.push_back(event);
            }
        }
    }
}

async fn run(
    url: String,
    creds: Credentials,
    options: LinkOptions,
    mut commands: mpsc::UnboundedReceiver<ToWorker>,
    out: Out,
) {
    let mut outbox = Outbox {
        creds: creds.clone(),
        queue: VecDeque::new(),
        queued: HashSet::new(),
    };
    let mut backoff = Duration::from_millis(250);
    let mut next_batch = 0u64;
    loop {
        out.send(FromWorker::State(LinkState::Connecting));
        let (events_tx, events_rx) = mpsc::unbounded_channel();
        let link = match Link::open(&url, &creds, options.clone(), Some(events_tx)).await {
            Ok(link) => link,
            Err(error) => {
                out.send(FromWorker::State(match error {
                    OpenError::Refused(SyncError(why)) => LinkState::Refused(why),
                    OpenError::Unreachable(SyncError(why)) => LinkState::Offline(why),
                }));
                // Wait before retrying, still taking the window's commands.
                let until = tokio::time::sleep(backoff);
                tokio::pin!(until);
                loop {
                    tokio::select! {
                        _ = &mut until => break,
                        command = commands.recv() => match command {
                            None | Some(ToWorker::Stop) => return,
                            Some(ToWorker::Publish(events)) => outbox.add(events),
                            Some(_) => {}
                        },
                    }
                }
                backoff = (backoff * 2).min(Duration::from_secs(5));
                continue;
            }
        };
        backoff = Duration::from_millis(250);
        out.send(FromWorker::State(LinkState::Connected));
        match connected(&link, &mut outbox, &mut commands, events_rx, &out, &mut next_batch).await {
            Ended::Stop => return,
            Ended::Lost(why) => out.send(FromWorker::State(LinkState::Offline(why))),
        }
    }
}

enum Ended {
    Stop,
    Lost(String),
}

/// Runs while the link is up: publishes the outbox, hands incoming batches over, answers
/// commands.
async fn connected(
    link: &Link,
    outbox: &mut Outbox,
    commands: &mut mpsc::UnboundedReceiver<ToWorker>,
    mut events: mpsc::UnboundedReceiver<async_nats::Event>,
    out: &Out,
    next_batch: &mut u64,
) -> Ended {
    let mut feed = match link.consumer().stream().max_messages_per_batch(BATCH).messages().await {
        Ok(feed) => feed,
        Err(e) => return Ended::Lost(format!("cannot read the fair's events ({e})")),
    };
    let mut ackers: HashMap<u64, jetstream::message::Acker> = HashMap::new();
    let mut ticker = tokio::time::interval(TICK);
    let mut last_version: Option<String> = None;
    let mut online = true;
    loop {
        if online && !outbox.queue.is_empty() {
            let take = outbox.queue.len().min(BATCH);
            let batch: Vec<StationEvent> = outbox.queue.iter().take(take).cloned().collect();
            let (acked, error) = link.publish(&batch).await;
            for id in &acked {
                outbox.queued.remove(id);
            }
            let sent: HashSet<&EventId> = acked.iter().collect();
            outbox.queue.retain(|e| !sent.contains(&e.id));
            if !acked.is_empty() {
                out.send(FromWorker::Sent(acked));
            }
            if let Some(SyncError(why)) = error {
                online = false;
                out.send(FromWorker::State(LinkState::Offline(why)));
            }
        }
        tokio::select! {
            command = commands.recv() => match command {
                None | Some(ToWorker::Stop) => return Ended::Stop,
                Some(ToWorker::Publish(events)) => outbox.add(events),
                Some(ToWorker::Durable(batch)) => {
                    if let Some(acker) = ackers.remove(&batch) {
                        // A lost ack only means the batch comes again: merging by id drops it.
                        let _ = acker.ack().await;
                    }
                }
                Some(ToWorker::PublishFair { bytes, reference }) => match publish_fair(link, bytes, reference).await {
                    Ok(version) => {
                        last_version = Some(version.nuid.clone());
                        out.send(FromWorker::FairPublished(version));
                    }
                    Err(why) => out.send(FromWorker::Problem(why)),
                },
                Some(ToWorker::FetchFair) => match fetch_fair(link).await {
                    Ok(bytes) => out.send(FromWorker::FairData(bytes)),
                    Err(why) => out.send(FromWorker::Problem(why)),
                },
            },
            event = events.recv() => match event {
                Some(async_nats::Event::Disconnected) => {
                    online = false;
                    out.send(FromWorker::State(LinkState::Offline("the hub is out of reach; reconnecting".into())));
                }
                Some(async_nats::Event::Connected) => {
                    online = true;
                    out.send(FromWorker::State(LinkState::Connected));
                }
                Some(async_nats::Event::ServerError(e)) => out.send(FromWorker::Problem(format!("the hub says: {e}"))),
                Some(_) => {}
                None => return Ended::Lost("the connection closed".into()),
            },
            message = feed.next() => {
                let Some(first) = message else { return Ended::Lost("the hub ended the event feed".into()) };
                let mut received = vec![first];
                // Everything already here goes in one batch.
                while received.len() < BATCH {
                    match feed.next().now_or_never() {
                        Some(Some(message)) => received.push(message),
                        _ => break,
                    }
                }
                let mut events = Vec::with_capacity(received.len());
                let mut rejected = Vec::new();
                let mut last = None;
                for message in received {
                    // A feed error (a missed heartbeat while offline) is not data; the
                    // consumer resumes by itself.
                    let Ok(message) = message else { continue };
                    let (message, acker) = message.split();
                    match link.decode(&message.subject, &message.payload) {
                        Ok(event) => events.push(event),
                        Err(why) => rejected.push(why),
                    }
                    last = Some(acker);
                }
                online = true;
                if let Some(acker) = last {
                    *next_batch += 1;
                    ackers.insert(*next_batch, acker);
                    out.send(FromWorker::Received { batch: *next_batch, events, rejected });
                }
            },
            _ = ticker.tick() => {
                // A publish that timed out without the connection dropping is tried again.
                online = link.client.connection_state() == async_nats::connection::State::Connected;
                if link.creds.role == Role::Station
                    && let Some(version) = fair_version(link).await
                    && last_version.as_ref() != Some(&version.nuid)
                {
                    last_version = Some(version.nuid.clone());
                    out.send(FromWorker::FairVersion(version));
                }
            },
        }
    }
}

async fn bucket(link: &Link, create: bool) -> Result<object_store::ObjectStore, String> {
    let name = fair_bucket(&link.creds.fair_id);
    let found = link.jetstream.get_object_store(&name).await;
    match found {
        Ok(store) => Ok(store),
        Err(_) if create => link
            .jetstream
            .create_object_store(object_store::Config {
                bucket: name,
                description: Some(format!("fairmatch: published versions of fair {}", link.creds.fair_id)),
                ..Default::default()
            })
            .await
            .map_err(|e| format!("cannot make the hub's store for fair versions ({e})")),
        Err(e) => Err(format!("no fair version on the hub ({e})")),
    }
}

fn version_of(info: &object_store::ObjectInfo) -> FairVersion {
    FairVersion {
        nuid: info.nuid.clone(),
        reference: info.metadata.get("reference").cloned().unwrap_or_default(),
        size: info.size,
        published: info.modified.map(|t| t.to_string()).unwrap_or_default(),
    }
}

/// The published fair version, if there is one.
async fn fair_version(link: &Link) -> Option<FairVersion> {
    let store = bucket(link, false).await.ok()?;
    let info = store.info(FAIR_OBJECT).await.ok()?;
    (!info.deleted).then(|| version_of(&info))
}

async fn publish_fair(link: &Link, bytes: Vec<u8>, reference: String) -> Result<FairVersion, String> {
    let store = bucket(link, true).await?;
    let meta = object_store::ObjectMetadata {
        name: FAIR_OBJECT.to_owned(),
        description: Some(format!("fair {} as the organizer published it", link.creds.fair_id)),
        metadata: HashMap::from([("reference".to_owned(), reference)]),
        ..Default::default()
    };
    let info = store
        .put(meta, &mut bytes.as_slice())
        .await
        .map_err(|e| format!("the fair version did not go out ({e})"))?;
    Ok(version_of(&info))
}

async fn fetch_fair(link: &Link) -> Result<Vec<u8>, String> {
    use tokio::io::AsyncReadExt;
    let store = bucket(link, false).await?;
    let mut object = store
        .get(FAIR_OBJECT)
        .await
        .map_err(|e| format!("cannot fetch the fair version ({e})"))?;
    let mut bytes = Vec::new();
    object
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| format!("fetching the fair version stopped ({e})"))?;
    Ok(bytes)
}

//! One connection to the hub: connect with a station's credentials, publish events (the
//! event id as `Nats-Msg-Id`), and pull the fair's events through the station's durable
//! consumer. Async; [`super::worker`] and `fairmatch sync` drive it on a runtime of their own.

use std::time::Duration;

use async_nats::jetstream::{self, consumer, stream};
use futures_util::StreamExt;

use super::{
    Credentials, Role, SyncError, durable_name, events_subject, events_wildcard, station_token_of, stream_name, token,
};
use crate::model::{EventId, StationEvent};

/// How a link connects.
#[derive(Debug, Clone)]
pub struct LinkOptions {
    /// How long connecting may take before the hub counts as unreachable.
    pub connect_timeout: Duration,
    /// How long a request (stream info, an acknowledgement) may take.
    pub request_timeout: Duration,
    /// Publishes in flight before waiting for their acknowledgements.
    pub in_flight: usize,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            connect_timeout: Duration::from_secs(3),
            request_timeout: Duration::from_secs(5),
            in_flight: 512,
        }
    }
}

/// Events pulled in one batch.
pub struct Pulled {
    pub events: Vec<StationEvent>,
    /// Messages that were not a station event of this fair, or whose subject names another
    /// station than the event (someone publishing as another): skipped, with why.
    pub rejected: Vec<String>,
    /// Acknowledges the whole batch (the consumer acknowledges all up to its last message).
    pub acker: Option<jetstream::message::Acker>,
    /// Messages the stream holds beyond this batch for this consumer.
    pub pending: u64,
}

impl std::fmt::Debug for Pulled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pulled")
            .field("events", &self.events.len())
            .field("rejected", &self.rejected)
            .field("pending", &self.pending)
            .finish()
    }
}

/// A connection to the hub for one station of one fair.
pub struct Link {
    pub client: async_nats::Client,
    pub jetstream: jetstream::Context,
    pub creds: Credentials,
    consumer: consumer::PullConsumer,
    options: LinkOptions,
}

impl Link {
    /// Connects to `url` with `creds`, makes sure the fair's stream exists (the organizer
    /// creates it; a station only looks it up) and opens this station's durable consumer.
    /// `events` hears the connection's ups and downs (the window's status bar).
    pub async fn open(
        url: &str,
        creds: &Credentials,
        options: LinkOptions,
        events: Option<tokio::sync::mpsc::UnboundedSender<async_nats::Event>>,
    ) -> Result<Link, OpenError> {
        let mut connect = async_nats::ConnectOptions::with_nkey(creds.seed.clone())
            .name(format!("fairmatch {}", creds.station))
            .connection_timeout(options.connect_timeout)
            .request_timeout(Some(options.request_timeout))
            .max_reconnects(None);
        if let Some(events) = events {
            connect = connect.event_callback(move |event| {
                let events = events.clone();
                async move {
                    let _ = events.send(event);
                }
            });
        }
        let client = connect.connect(url).await.map_err(|e| connect_error(url, &e))?;
        let jetstream = jetstream::new(client.clone());
        let stream = ensure_stream(&jetstream, creds).await?;
        let durable = durable_name(&creds.station);
        let consumer = stream
            .get_or_create_consumer(
                &durable,
                consumer::pull::Config {
                    durable_name: Some(durable.clone()),
                    filter_subject: events_wildcard(&creds.fair_id),
                    deliver_policy: consumer::DeliverPolicy::All,
                    // A batch is acknowledged by its last message, once durable on the laptop.
                    ack_policy: consumer::AckPolicy::All,
                    ack_wait: Duration::from_secs(30),
                    max_ack_pending: 1_000_000,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| station_error(creds, &format!("cannot open this station's reader on the hub ({e})")))?;
        Ok(Link {
            client,
            jetstream,
            creds: creds.clone(),
            consumer,
            options,
        })
    }

    /// Publishes `events` on their stations' subjects (callers pass only what
    /// [`Credentials::may_publish`]), `Nats-Msg-Id` = event id, many in flight, and returns the ids the stream acknowledged (new or duplicate), in order. Stops
    /// at the first failure, returning what was acknowledged before it and the error.
    pub async fn publish(&self, events: &[StationEvent]) -> (Vec<EventId>, Option<SyncError>) {
        let mut acked = Vec::with_capacity(events.len());
        for chunk in events.chunks(self.options.in_flight.max(1)) {
            let mut waiting = Vec::with_capacity(chunk.len());
            for event in chunk {
                let payload = match serde_json::to_vec(event) {
                    Ok(bytes) => bytes,
                    Err(e) => return (acked, Some(SyncError(format!("event {}: {e}", event.id)))),
                };
                let subject = events_subject(&self.creds.fair_id, &event.station);
                let message = jetstream::message::PublishMessage::build()
                    .payload(payload.into())
                    .message_id(event.id.as_str());
                match self.jetstream.send_publish(subject, message).await {
                    Ok(ack) => waiting.push((event.id.clone(), ack)),
                    Err(e) => return (acked, Some(publish_error(&self.creds, &e.to_string()))),
                }
            }
            for (id, ack) in waiting {
                match ack.await {
                    Ok(_) => acked.push(id),
                    Err(e) => return (acked, Some(publish_error(&self.creds, &e.to_string()))),
                }
            }
        }
        (acked, None)
    }

    /// What is waiting for this station in the stream, without waiting for more.
    pub async fn pull(&self, max: usize) -> Result<Pulled, SyncError> {
        let mut messages = self
            .consumer
            .fetch()
            .max_messages(max.max(1))
            .messages()
            .await
            .map_err(|e| SyncError(format!("cannot read the fair's events from the hub ({e})")))?;
        let mut pulled = Pulled {
            events: Vec::new(),
            rejected: Vec::new(),
            acker: None,
            pending: 0,
        };
        while let Some(message) = messages.next().await {
            let message = message.map_err(|e| SyncError(format!("reading the fair's events stopped ({e})")))?;
            if let Ok(info) = message.info() {
                pulled.pending = info.pending;
            }
            let (message, acker) = message.split();
            match self.decode(&message.subject, &message.payload) {
                Ok(event) => pulled.events.push(event),
                Err(why) => pulled.rejected.push(why),
            }
            pulled.acker = Some(acker);
        }
        Ok(pulled)
    }

    /// A message as a station event of this fair, sent on its own station's subject.
    pub fn decode(&self, subject: &str, payload: &[u8]) -> Result<StationEvent, String> {
        decode(&self.creds, subject, payload)
    }

    /// The consumer, for a live feed (`messages()`).
    pub fn consumer(&self) -> &consumer::PullConsumer {
        &self.consumer
    }
}

/// A message as a station event of `creds`'s fair, refused when its subject names another
/// station than the event says it came from.
pub fn decode(creds: &Credentials, subject: &str, payload: &[u8]) -> Result<StationEvent, String> {
    let event: StationEvent =
        serde_json::from_slice(payload).map_err(|e| format!("{subject}: not a station event ({e})"))?;
    let sent_as =
        station_token_of(&creds.fair_id, subject).ok_or_else(|| format!("{subject}: not this fair's events"))?;
    if sent_as != token(event.station.as_str()) {
        return Err(format!(
            "{subject}: event {} says it is from station {}; dropped",
            event.id, event.station
        ));
    }
    Ok(event)
}

/// The fair's stream: created (or its settings kept current) by the organizer, looked up by a
/// station.
async fn ensure_stream(jetstream: &jetstream::Context, creds: &Credentials) -> Result<stream::Stream, SyncError> {
    let name = stream_name(&creds.fair_id);
    if creds.role == Role::Organizer {
        jetstream
            .get_or_create_stream(stream::Config {
                name: name.clone(),
                subjects: vec![events_wildcard(&creds.fair_id)],
                storage: stream::StorageType::File,
                duplicate_window: super::DUPLICATE_WINDOW,
                ..Default::default()
            })
            .await
            .map_err(|e| SyncError(format!("cannot create the fair's stream on the hub ({e})")))
    } else {
        jetstream.get_stream(&name).await.map_err(|e| {
            SyncError(format!(
                "the hub has no event stream for fair {:?} yet ({e}): `fairmatch hub run` or the organizer's sync creates it",
                creds.fair_id.0
            ))
        })
    }
}

/// Why [`Link::open`] failed: the hub said no, or the address is not one (trying again will
/// not help), or the hub could not be reached or did not answer (it may come back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Refused(SyncError),
    Unreachable(SyncError),
}

impl From<SyncError> for OpenError {
    fn from(error: SyncError) -> Self {
        OpenError::Unreachable(error)
    }
}

impl From<OpenError> for SyncError {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::Refused(e) | OpenError::Unreachable(e) => e,
        }
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Refused(e) | OpenError::Unreachable(e) => e.fmt(f),
        }
    }
}

fn connect_error(url: &str, error: &async_nats::ConnectError) -> OpenError {
    use async_nats::ConnectErrorKind as Kind;
    match error.kind() {
        Kind::AuthorizationViolation | Kind::Authentication => OpenError::Refused(SyncError(format!(
            "the hub at {url} refused these credentials ({error}): are they from this hub's `hub init`?"
        ))),
        Kind::ServerParse => OpenError::Refused(SyncError(format!(
            "{url:?} is not a server address (expected nats://HOST:PORT)"
        ))),
        Kind::Tls => OpenError::Unreachable(SyncError(format!("TLS with the hub at {url} failed ({error})"))),
        _ => OpenError::Unreachable(SyncError(format!(
            "cannot reach the hub at {url} ({error}); is it running, and is this laptop on its network?"
        ))),
    }
}

fn station_error(creds: &Credentials, what: &str) -> SyncError {
    SyncError(format!("station {}: {what}", creds.station))
}

fn publish_error(creds: &Credentials, error: &str) -> SyncError {
    SyncError(format!(
        "station {}: the hub did not take an event ({error}); it stays waiting and is sent again",
        creds.station
    ))
}

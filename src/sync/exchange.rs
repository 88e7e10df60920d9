//! One round with the hub, for `fairmatch sync`: push what is waiting, then pull until caught
//! up. The caller merges what came, saves, and only then acknowledges ([`Exchanged::ack`]),
//! so a failed save gets the same events again next time.

use std::time::{Duration, Instant};

use super::{Credentials, Link, LinkOptions, SyncError};
use crate::model::StationEvent;

/// Largest batch pulled at once.
const PULL_BATCH: usize = 5000;
/// Upper bound on pull rounds (100 million events at [`PULL_BATCH`]).
const MAX_PULLS: usize = 20_000;

/// What one round pushed and pulled.
pub struct Exchanged {
    /// Events the stream took (new or already there).
    pub pushed: usize,
    /// The fair's events as the stream holds them, for this station's consumer.
    pub received: Vec<StationEvent>,
    /// Messages skipped, with why.
    pub rejected: Vec<String>,
    pub took: Duration,
    link: Link,
    acker: Option<async_nats::jetstream::message::Acker>,
}

impl Exchanged {
    /// Acknowledges everything pulled (call once it is saved) and waits until the hub has it.
    pub async fn ack(self) -> Result<(), SyncError> {
        if let Some(acker) = &self.acker {
            acker.ack().await.map_err(|e| {
                SyncError(format!(
                    "the hub did not take the acknowledgement ({e}); the events come again next time"
                ))
            })?;
        }
        self.link.client.flush().await.map_err(|e| {
            SyncError(format!(
                "the hub did not take the acknowledgement ({e}); the events come again next time"
            ))
        })
    }
}

/// Connects, publishes `outbox`, and pulls until the stream has nothing more for this station.
pub async fn exchange(
    url: &str,
    creds: &Credentials,
    outbox: &[StationEvent],
    options: LinkOptions,
) -> Result<Exchanged, SyncError> {
    let started = Instant::now();
    let link = Link::open(url, creds, options, None).await?;
    let (acked, error) = link.publish(outbox).await;
    if let Some(error) = error {
        return Err(error);
    }
    let mut received = Vec::new();
    let mut rejected = Vec::new();
    let mut acker = None;
    for _ in 0..MAX_PULLS {
        let pulled = link.pull(PULL_BATCH).await?;
        let Some(last) = pulled.acker else { break };
        received.extend(pulled.events);
        rejected.extend(pulled.rejected);
        acker = Some(last);
        if pulled.pending == 0 {
            break;
        }
    }
    Ok(Exchanged {
        pushed: acked.len(),
        received,
        rejected,
        took: started.elapsed(),
        link,
        acker,
    })
}

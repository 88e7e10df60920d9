//! Live sync between stations over NATS JetStream.
//!
//! Station events already carry unique ids and merge as a union by id, so the fair's events
//! map straight onto one JetStream stream per fair:
//!
//! - every station publishes its events on `fair.<fair>.events.<station>` with `Nats-Msg-Id` =
//!   the event id (the stream drops a re-send inside its duplicate window; merging by id drops
//!   any later one);
//! - every station reads the whole stream through its own durable consumer and acknowledges a
//!   batch only once it is durable on the laptop (the station journal, or the saved file);
//! - the organizer publishes the fair itself (reference data: booths, positions, candidates)
//!   as an object in the fair's object store; stations are told and take it on a click.
//!
//! Subject tokens and bucket names come from [`token`], so a station id never breaks a
//! subject, and subjects hold only fair and station ids: no personal data.
//!
//! [`hub`] writes and runs the `nats-server`; [`link`] is one connection (connect, publish,
//! pull); [`worker`] keeps a link alive on a thread of its own for the window. This layer does
//! network I/O only: merging and saving stay in `app` and `cli`.

pub mod credentials;
pub mod exchange;
pub mod hub;
pub mod link;
pub mod worker;

pub use credentials::{Credentials, Role};
pub use link::{Link, LinkOptions, OpenError, Pulled};

use crate::model::{FairId, StationId};

/// Why a sync did not happen. The fair file was not touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncError(pub String);

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SyncError {}

/// How long the stream drops a re-sent event id by itself (a fair day). Later re-sends are
/// stored again and dropped by merging by id.
pub const DUPLICATE_WINDOW: std::time::Duration = std::time::Duration::from_secs(12 * 3600);

/// Name of the object holding the organizer's published fair.
pub const FAIR_OBJECT: &str = "fair";

/// A subject token, stream or bucket name part for an id: ASCII letters, digits and `-` stay,
/// every other byte becomes `_XX` (hex). Injective, and never `.`, `*`, `>` or a space.
pub fn token(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(byte as char);
        } else {
            out.push_str(&format!("_{byte:02X}"));
        }
    }
    if out.is_empty() { "_".into() } else { out }
}

/// The subject `station` publishes its events on.
pub fn events_subject(fair: &FairId, station: &StationId) -> String {
    format!("fair.{}.events.{}", token(&fair.0), token(station.as_str()))
}

/// Every station's events of `fair`.
pub fn events_wildcard(fair: &FairId) -> String {
    format!("fair.{}.events.>", token(&fair.0))
}

/// The fair's subjects, all of which every station may read.
pub fn fair_wildcard(fair: &FairId) -> String {
    format!("fair.{}.>", token(&fair.0))
}

/// The stream holding the fair's events.
pub fn stream_name(fair: &FairId) -> String {
    format!("FAIRMATCH_{}", token(&fair.0))
}

/// The object store bucket the organizer publishes fair versions in.
pub fn fair_bucket(fair: &FairId) -> String {
    format!("fairmatch_{}", token(&fair.0))
}

/// The durable consumer a station (or the organizer) reads the stream through.
pub fn durable_name(station: &StationId) -> String {
    format!("station_{}", token(station.as_str()))
}

/// The station a subject's last token names, if the subject is one of `fair`'s event subjects.
pub fn station_token_of(fair: &FairId, subject: &str) -> Option<String> {
    let prefix = format!("fair.{}.events.", token(&fair.0));
    subject.strip_prefix(&prefix).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_plain_ids_and_escape_the_rest_injectively() {
        assert_eq!(token("booth-A012"), "booth-A012");
        assert_eq!(token("entrance.1"), "entrance_2E1");
        assert_eq!(token("a_b"), "a_5Fb");
        assert_ne!(token("a.b"), token("a_2Eb"));
        assert_eq!(token("展位"), "_E5_B1_95_E4_BD_8D");
        assert_eq!(token(""), "_");
        let fair = FairId::new("qingdao-2026");
        let subject = events_subject(&fair, &StationId::new("entrance 1"));
        assert_eq!(subject, "fair.qingdao-2026.events.entrance_201");
        assert_eq!(station_token_of(&fair, &subject).as_deref(), Some("entrance_201"));
        assert_eq!(station_token_of(&FairId::new("other"), &subject), None);
    }
}

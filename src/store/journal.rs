//! The station journal: every desk action made durable before the desk shows it as done.
//!
//! One file per station and fair, one JSON object per line:
//!
//! ```text
//! {"journal":1,"fair_id":"qingdao-2026","station":"entrance-1"}
//! {"event":{"id":"entrance-1-…","station":"entrance-1","at":"2026-05-16T09:01:02","kind":{…}}}
//! {"sent":"entrance-1-…"}
//! ```
//!
//! [`Journal::append`] writes one event line and syncs it to disk (`fsync`) before returning;
//! [`Journal::mark_sent`] appends a `sent` line once an event reached the organizer (live sync
//! uses the journal as its outbox: [`Replay::unsent`] is what is still to send). Lines are
//! only ever appended, so a crash can only cut the last line short: [`replay`] drops such a
//! torn line (and [`Journal::open`] truncates it away) and keeps everything before it. A
//! complete line that does not parse is damage, and is an error naming its line.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{EventId, FairId, StationEvent, StationId};

use super::{StoreError, read_bytes_capped};

/// Version of the journal format this build writes.
pub const JOURNAL_VERSION: u32 = 1;

/// Largest journal read (a station's day is a few MB).
pub const MAX_JOURNAL_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    journal: u32,
    fair_id: FairId,
    station: StationId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
// One line is read or written at a time; boxing the event would buy nothing.
#[allow(clippy::large_enum_variant)]
enum Line {
    Event { event: StationEvent },
    Sent { sent: EventId },
}

/// One recorded event and whether it was sent on.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub event: StationEvent,
    pub sent: bool,
}

/// What a journal holds, read back after a restart (or a crash).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Replay {
    /// Events in the order they were recorded; an event appended twice is listed once.
    pub entries: Vec<JournalEntry>,
    /// Bytes of a last line cut short by a crash, dropped; 0 when the file ended cleanly.
    pub torn_bytes: usize,
}

impl Replay {
    /// Events not yet marked sent, in recorded order.
    pub fn unsent(&self) -> impl Iterator<Item = &StationEvent> {
        self.entries.iter().filter(|e| !e.sent).map(|e| &e.event)
    }
}

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

impl Journal {
    /// Opens (or creates) the journal at `path` for `fair` and `station`, replays what it holds
    /// and cuts off a torn last line, so the next append starts on a line of its own. A journal
    /// of another fair or station is refused.
    pub fn open(path: &Path, fair: &FairId, station: &StationId) -> Result<(Journal, Replay), StoreError> {
        let write_error = |e: std::io::Error| StoreError::Write {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let exists = path.exists();
        let replay = if exists {
            let (header, replay, clean_len) = read(path)?;
            if &header.fair_id != fair || &header.station != station {
                return Err(journal_error(
                    path,
                    1,
                    format!(
                        "is the journal of station {} of fair {:?}, not of station {station} of fair {:?}",
                        header.station, header.fair_id.0, fair.0
                    ),
                ));
            }
            let file = OpenOptions::new().write(true).open(path).map_err(write_error)?;
            if replay.torn_bytes > 0 {
                file.set_len(clean_len as u64).map_err(write_error)?;
                file.sync_all().map_err(write_error)?;
            }
            replay
        } else {
            Replay::default()
        };
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(write_error)?;
        if !exists {
            let header = Header {
                journal: JOURNAL_VERSION,
                fair_id: fair.clone(),
                station: station.clone(),
            };
            write_line(&mut file, &header).map_err(write_error)?;
            sync_parent(path);
        }
        file.seek(SeekFrom::End(0)).map_err(write_error)?;
        Ok((
            Journal {
                path: path.to_owned(),
                file,
            },
            replay,
        ))
    }

    /// Appends one event and syncs it to disk; when this returns `Ok` the event survives a
    /// crash or power loss.
    pub fn append(&mut self, event: &StationEvent) -> Result<(), StoreError> {
        let line = Line::Event { event: event.clone() };
        write_line(&mut self.file, &line).map_err(|e| self.error(e))
    }

    /// Records that `id` reached the organizer (live sync's outbox), synced like an append.
    pub fn mark_sent(&mut self, id: &EventId) -> Result<(), StoreError> {
        write_line(&mut self.file, &Line::Sent { sent: id.clone() }).map_err(|e| self.error(e))
    }

    /// Records that the stream took these events: one write, one sync, however many.
    pub fn mark_sent_all(&mut self, ids: &[EventId]) -> Result<(), StoreError> {
        let lines: Vec<Line> = ids.iter().map(|id| Line::Sent { sent: id.clone() }).collect();
        write_lines(&mut self.file, &lines).map_err(|e| self.error(e))
    }

    /// Appends events that came from the stream (other stations'), each marked sent, since
    /// they are there already: one write, one sync. A laptop that crashes before saving gets
    /// them back on opening, and the hub is told they are durable only after this.
    pub fn append_received(&mut self, events: &[StationEvent]) -> Result<(), StoreError> {
        let mut lines = Vec::with_capacity(events.len() * 2);
        for event in events {
            lines.push(Line::Event { event: event.clone() });
            lines.push(Line::Sent { sent: event.id.clone() });
        }
        write_lines(&mut self.file, &lines).map_err(|e| self.error(e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, e: std::io::Error) -> StoreError {
        StoreError::Write {
            path: self.path.clone(),
            message: format!("cannot record in the station journal: {e}"),
        }
    }
}

/// One line, written with a single `write_all` and synced.
fn write_line<T: Serialize>(file: &mut File, value: &T) -> std::io::Result<()> {
    write_lines(file, std::slice::from_ref(value))
}

/// Several lines, written with a single `write_all` and synced once.
fn write_lines<T: Serialize>(file: &mut File, values: &[T]) -> std::io::Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let mut bytes = Vec::new();
    for value in values {
        serde_json::to_writer(&mut bytes, value).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
    }
    file.write_all(&bytes)?;
    file.sync_data()
}

/// Reads a journal: its events in order with their sent marks. A torn last line is dropped.
pub fn replay(path: &Path) -> Result<Replay, StoreError> {
    read(path).map(|(_, replay, _)| replay)
}

/// Replays a journal's bytes already read; `origin` names it in messages.
pub fn replay_bytes(bytes: &[u8], origin: &str) -> Result<Replay, StoreError> {
    parse(bytes, Path::new(origin)).map(|(_, replay, _)| replay)
}

/// The header, the replay, and the length of the file up to its last complete line.
fn read(path: &Path) -> Result<(Header, Replay, usize), StoreError> {
    let bytes = read_bytes_capped(path, MAX_JOURNAL_BYTES)?;
    parse(&bytes, path)
}

fn parse(bytes: &[u8], path: &Path) -> Result<(Header, Replay, usize), StoreError> {
    let clean_len = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut replay = Replay {
        entries: Vec::new(),
        torn_bytes: bytes.len() - clean_len,
    };
    let mut lines = bytes[..clean_len].split(|&b| b == b'\n').enumerate();
    let header: Header = match lines.next() {
        Some((_, line)) if !line.is_empty() => serde_json::from_slice(line)
            .map_err(|e| journal_error(path, 1, format!("is not a station journal ({e})")))?,
        _ => {
            return Err(journal_error(
                path,
                1,
                "is empty or its header line is cut short".into(),
            ));
        }
    };
    if header.journal > JOURNAL_VERSION {
        return Err(StoreError::NewerVersion {
            origin: path.display().to_string(),
            found: header.journal,
            supported: JOURNAL_VERSION,
        });
    }
    let mut seen: HashSet<EventId> = HashSet::new();
    let mut sent: HashSet<EventId> = HashSet::new();
    for (index, line) in lines {
        if line.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Line>(line) {
            Ok(Line::Event { event }) => {
                if seen.insert(event.id.clone()) {
                    replay.entries.push(JournalEntry { event, sent: false });
                }
            }
            Ok(Line::Sent { sent: id }) => {
                sent.insert(id);
            }
            Err(e) => return Err(journal_error(path, index + 1, format!("damaged entry ({e})"))),
        }
    }
    for entry in &mut replay.entries {
        entry.sent = sent.contains(&entry.event.id);
    }
    Ok((header, replay, clean_len))
}

fn journal_error(path: &Path, line: usize, message: String) -> StoreError {
    StoreError::Csv {
        origin: format!("{}:{line}", path.display()),
        message,
    }
}

#[cfg(unix)]
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_parent(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CandidateId, EventKind};

    fn check_in(n: u32) -> StationEvent {
        StationEvent {
            id: EventId(format!("entrance-1-{n:032x}")),
            station: StationId::new("entrance-1"),
            at: chrono::NaiveDate::from_ymd_opt(2026, 5, 16)
                .unwrap()
                .and_hms_opt(9, 0, n % 60)
                .unwrap(),
            kind: EventKind::CheckIn {
                candidate: CandidateId(format!("C{n}")),
            },
        }
    }

    #[test]
    fn appends_replay_in_order_with_sent_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entrance-1.journal");
        let fair = FairId::new("fair");
        let station = StationId::new("entrance-1");
        let (mut journal, replay) = Journal::open(&path, &fair, &station).unwrap();
        assert!(replay.entries.is_empty());
        for n in 0..3 {
            journal.append(&check_in(n)).unwrap();
        }
        journal.mark_sent(&check_in(1).id).unwrap();
        journal.append(&check_in(1)).unwrap();
        journal.append_received(&[check_in(4)]).unwrap();
        journal.mark_sent_all(&[check_in(2).id]).unwrap();
        drop(journal);
        let replay = super::replay(&path).unwrap();
        let ids: Vec<_> = replay.entries.iter().map(|e| e.event.clone()).collect();
        assert_eq!(ids, vec![check_in(0), check_in(1), check_in(2), check_in(4)]);
        let unsent: Vec<_> = replay.unsent().cloned().collect();
        assert_eq!(unsent, vec![check_in(0)]);
        assert!(Journal::open(&path, &FairId::new("other"), &station).is_err());
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let fair = FairId::new("fair");
        let station = StationId::new("entrance-1");
        let (mut journal, _) = Journal::open(&path, &fair, &station).unwrap();
        journal.append(&check_in(7)).unwrap();
        drop(journal);
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"event\":{\"id\":\"entr").unwrap();
        drop(file);
        let replay = super::replay(&path).unwrap();
        assert_eq!(replay.entries.len(), 1);
        assert!(replay.torn_bytes > 0);
        let (mut journal, replay) = Journal::open(&path, &fair, &station).unwrap();
        assert_eq!(replay.entries.len(), 1);
        journal.append(&check_in(8)).unwrap();
        let replay = super::replay(&path).unwrap();
        assert_eq!(replay.entries.len(), 2);
        assert_eq!(replay.torn_bytes, 0);
    }

    #[test]
    fn a_damaged_complete_line_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        std::fs::write(
            &path,
            "{\"journal\":1,\"fair_id\":\"f\",\"station\":\"s\"}\n{\"event\":42}\n",
        )
        .unwrap();
        let error = super::replay(&path).unwrap_err().to_string();
        assert!(error.contains(":2:"), "{error}");
    }
}

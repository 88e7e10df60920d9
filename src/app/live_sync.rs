//! Live sync in the window: the state's side of [`crate::sync::worker`].
//!
//! - Recorded desk actions go to the journal first ([`AppState::make_durable`]), then to the
//!   worker; the journal's `sent` marks follow the stream's acknowledgements, so what was not
//!   acknowledged is handed over again on the next connect.
//! - Other stations' events arrive in batches: they are appended to the journal (marked sent),
//!   merged as recorded desk actions, and only then acknowledged to the hub.
//! - The organizer also hands over every event its fair got another way (station logs merged
//!   by file, imports), and publishes fair versions; a station is offered a newer one and
//!   takes it on a click, keeping its events.

use std::collections::HashSet;
use std::path::Path;

use super::edit::EditName;
use super::jobs::Message;
use super::safety::StateNotice;
use super::{AppState, EditError};
use crate::model::{EventId, Fair, StationEvent, derived_events};
pub use crate::sync::worker::{FairVersion, LinkState};
use crate::sync::worker::{FromWorker, ToWorker, Worker};
use crate::sync::{Credentials, LinkOptions, Role};

/// Live sync as the status bar and Settings show it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncStatus {
    pub station: String,
    pub organizer: bool,
    pub state: LinkState,
    /// Events recorded here that the hub has not acknowledged yet.
    pub waiting: usize,
    /// Events from other stations merged since sync started.
    pub received: u64,
    /// When the hub last acknowledged or delivered something.
    pub last_sync: Option<chrono::NaiveDateTime>,
    /// A fair version from the organizer this laptop has not taken.
    pub offered: Option<FairVersion>,
    /// The last fair version this organizer published.
    pub published: Option<FairVersion>,
}

/// The state's live-sync part.
#[derive(Default)]
pub struct LiveSync {
    worker: Option<Worker>,
    creds: Option<Credentials>,
    state: Option<LinkState>,
    waiting: HashSet<EventId>,
    /// Events this laptop's journal holds unsent: only these get a sent mark there (the
    /// organizer also sends every event its fair holds, which its journal never had).
    journaled: HashSet<EventId>,
    /// Ids of the fair's events the worker was handed or delivered (the organizer's "already
    /// on the hub or on its way").
    known: HashSet<EventId>,
    /// `(events, visits)` of the fair when the organizer last looked for new ones.
    seen_counts: (usize, usize),
    received: u64,
    last_sync: Option<chrono::NaiveDateTime>,
    offered: Option<FairVersion>,
    published: Option<FairVersion>,
}

impl std::fmt::Debug for LiveSync {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveSync")
            .field("creds", &self.creds)
            .field("state", &self.state)
            .field("waiting", &self.waiting.len())
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Starts syncing the open fair with the hub at `server` using the credentials file at
    /// `creds_path`; the station id becomes the credentials' station.
    pub fn start_sync(&mut self, server: &str, creds_path: &Path) -> Result<(), EditError> {
        let creds = Credentials::load(creds_path).map_err(|e| EditError::new(e.0.clone(), e.0))?;
        if creds.fair_id != self.fair.meta.id {
            return Err(EditError::new(
                format!(
                    "these credentials are for fair {:?}; the open fair is {:?}",
                    creds.fair_id.0, self.fair.meta.id.0
                ),
                format!(
                    "该凭据属于招聘会 {:?}，当前打开的是 {:?}",
                    creds.fair_id.0, self.fair.meta.id.0
                ),
            ));
        }
        let server = if server.trim().is_empty() {
            creds.server.clone()
        } else {
            server.trim().to_owned()
        };
        self.stop_sync();
        if creds.role == Role::Station {
            self.prefs.station_id = creds.station.to_string();
        }
        // The outbox: what the journal holds unsent; the organizer adds every event it holds. A
        // journal that cannot be read is said: syncing without it would leave its events unsent.
        let mut outbox: Vec<StationEvent> = match self.journal_file().filter(|p| p.exists()) {
            Some(path) => crate::store::journal::replay(&path)
                .map_err(|e| EditError::new(format!("live sync did not start: {e}"), format!("实时同步未启动：{e}")))?
                .unsent()
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        self.prefs.sync_server = server.clone();
        self.prefs.sync_creds = creds_path.display().to_string();
        let worker = Worker::start(server.clone(), creds.clone(), LinkOptions::default(), self.waker());
        let journaled: HashSet<EventId> = outbox.iter().map(|e| e.id.clone()).collect();
        let mut known: HashSet<EventId> = self.fair.events.iter().map(|e| e.id.clone()).collect();
        if creds.role == Role::Organizer {
            outbox.extend(self.fair.events.iter().cloned().chain(derived_events(&self.fair)));
            known.extend(outbox.iter().map(|e| e.id.clone()));
        }
        let sync = &mut self.safety.sync;
        sync.waiting = outbox.iter().map(|e| e.id.clone()).collect();
        sync.known = known;
        sync.journaled = journaled;
        sync.seen_counts = (self.fair.events.len(), self.fair.visits.len());
        if !outbox.is_empty() {
            worker.send(ToWorker::Publish(outbox));
        }
        sync.worker = Some(worker);
        sync.creds = Some(creds);
        sync.state = Some(LinkState::Connecting);
        Ok(())
    }

    /// Stops live sync (nothing is lost: unsent events stay in the journal).
    pub fn stop_sync(&mut self) {
        self.safety.sync = LiveSync::default();
    }

    pub fn sync_status(&self) -> Option<SyncStatus> {
        let sync = &self.safety.sync;
        let creds = sync.creds.as_ref()?;
        Some(SyncStatus {
            station: creds.station.to_string(),
            organizer: creds.role == Role::Organizer,
            state: sync.state.clone().unwrap_or(LinkState::Connecting),
            waiting: sync.waiting.len(),
            received: sync.received,
            last_sync: sync.last_sync,
            offered: sync.offered.clone(),
            published: sync.published.clone(),
        })
    }

    /// Hands a just recorded desk action to live sync (after the journal has it).
    pub(super) fn publish_recorded(&mut self, event: &StationEvent) {
        let sync = &mut self.safety.sync;
        if let Some(worker) = &sync.worker {
            sync.waiting.insert(event.id.clone());
            sync.known.insert(event.id.clone());
            sync.journaled.insert(event.id.clone());
            worker.send(ToWorker::Publish(vec![event.clone()]));
        }
    }

    /// Organizer: publishes the open fair as the new fair version for the stations.
    pub fn publish_fair_version(&mut self) -> Result<(), EditError> {
        let text =
            crate::store::fair_to_string(&self.fair).map_err(|e| EditError::new(e.to_string(), e.to_string()))?;
        let reference = reference_digest(&self.fair);
        match &self.safety.sync.worker {
            Some(worker) => {
                worker.send(ToWorker::PublishFair {
                    bytes: text.into_bytes(),
                    reference,
                });
                Ok(())
            }
            None => Err(not_syncing()),
        }
    }

    /// Station: fetches the offered fair version; it replaces the open fair, with every event
    /// this laptop holds merged into it, once it arrives.
    pub fn take_fair_version(&mut self) -> Result<(), EditError> {
        match &self.safety.sync.worker {
            Some(worker) => {
                worker.send(ToWorker::FetchFair);
                Ok(())
            }
            None => Err(not_syncing()),
        }
    }

    /// Takes what the sync worker said since the last frame. Called once per frame.
    pub(super) fn poll_sync(&mut self) {
        let Some(creds) = &self.safety.sync.creds else { return };
        if creds.fair_id != self.fair.meta.id {
            // Another fair was opened: these credentials are not for it.
            self.stop_sync();
            self.safety.notices.push(StateNotice::Info(Message::new(
                "Live sync stopped: the credentials are for the fair that was open before",
                "实时同步已停止：该凭据属于之前打开的招聘会",
            )));
            return;
        }
        self.hand_over_new_events();
        // Bounded: what arrived by now, at most a few thousand messages a frame.
        for _ in 0..1000 {
            let Some(message) = self.safety.sync.worker.as_ref().and_then(Worker::try_recv) else {
                break;
            };
            self.take_sync_message(message);
        }
    }

    fn take_sync_message(&mut self, message: FromWorker) {
        let now = chrono::Local::now().naive_local();
        match message {
            FromWorker::State(state) => self.safety.sync.state = Some(state),
            FromWorker::Sent(ids) => {
                let sync = &mut self.safety.sync;
                for id in &ids {
                    sync.waiting.remove(id);
                }
                sync.last_sync = Some(now);
                sync.state = Some(LinkState::Connected);
                let marks: Vec<EventId> = ids.into_iter().filter(|id| sync.journaled.remove(id)).collect();
                if !marks.is_empty()
                    && let Ok(Some(journal)) = self.open_journal()
                {
                    // A lost mark only means the event is sent again: the stream drops it.
                    let _ = journal.mark_sent_all(&marks);
                }
            }
            FromWorker::Received {
                batch,
                events,
                rejected,
            } => {
                for why in rejected {
                    self.sync_problem(why);
                }
                let fresh: Vec<StationEvent> = events
                    .into_iter()
                    .filter(|e| !self.safety.sync.known.contains(&e.id))
                    .collect();
                let durable = match self.open_journal() {
                    Ok(Some(journal)) => journal.append_received(&fresh).map_err(|e| e.to_string()),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e.en),
                };
                if let Err(why) = durable {
                    // Not acknowledged. Nor may any later batch be: acknowledging one covers
                    // every message before it, this batch's too. Stopping leaves them all on
                    // the hub, delivered again on the next connect.
                    self.stop_sync();
                    self.sync_problem(format!(
                        "{why}; live sync stopped so that nothing received is lost: connect again in Settings once the journal can be written"
                    ));
                    return;
                }
                let ids: Vec<EventId> = fresh.iter().map(|e| e.id.clone()).collect();
                if !fresh.is_empty() {
                    let name = EditName::new("events from other stations", "其他工作站的记录");
                    match self.merge_recorded(fresh, name) {
                        Ok(added) => self.safety.sync.received += added as u64,
                        Err(why) => self.sync_problem(why),
                    }
                }
                let sync = &mut self.safety.sync;
                sync.known.extend(ids);
                sync.seen_counts = (self.fair.events.len(), self.fair.visits.len());
                sync.last_sync = Some(now);
                if let Some(worker) = &sync.worker {
                    worker.send(ToWorker::Durable(batch));
                }
            }
            FromWorker::FairVersion(version) => {
                let newer = version.reference != reference_digest(&self.fair);
                self.safety.sync.offered = newer.then_some(version);
            }
            FromWorker::FairPublished(version) => {
                self.safety.sync.published = Some(version);
                self.safety.notices.push(StateNotice::Info(Message::new(
                    "Published this fair as the new fair version; stations are offered it",
                    "已将本招聘会发布为新版本；各工作站将收到提示",
                )));
            }
            FromWorker::FairData(bytes) => self.install_fair_version(&bytes),
            FromWorker::Problem(why) => self.sync_problem(why),
        }
    }

    /// The organizer hands over events its fair got another way (a merge by file, an import).
    fn hand_over_new_events(&mut self) {
        let sync = &mut self.safety.sync;
        let is_organizer = sync.creds.as_ref().is_some_and(|c| c.role == Role::Organizer);
        let counts = (self.fair.events.len(), self.fair.visits.len());
        if !is_organizer || counts == sync.seen_counts {
            return;
        }
        sync.seen_counts = counts;
        let unknown = |e: &StationEvent| !sync.known.contains(&e.id);
        let new: Vec<StationEvent> = self
            .fair
            .events
            .iter()
            .filter(|e| unknown(e))
            .cloned()
            .chain(derived_events(&self.fair).into_iter().filter(|e| unknown(e)))
            .collect();
        if new.is_empty() {
            return;
        }
        for event in &new {
            sync.known.insert(event.id.clone());
            sync.waiting.insert(event.id.clone());
        }
        if let Some(worker) = &sync.worker {
            worker.send(ToWorker::Publish(new));
        }
    }

    /// Replaces the open fair with a fair version from the organizer, keeping every event this
    /// laptop holds (merged by id), unsaved until saved.
    fn install_fair_version(&mut self, bytes: &[u8]) {
        let taken = crate::store::fair_from_bytes(bytes, "the published fair version")
            .map_err(|e| e.to_string())
            .and_then(|mut fair: Fair| {
                if fair.meta.id != self.fair.meta.id {
                    return Err(format!("the published fair is fair {:?}, not this one", fair.meta.id.0));
                }
                let ours = super::merge::station_log(&self.fair, None);
                super::merge::merge_logs(&mut fair, &[ours]).map_err(|e| e.to_string())?;
                Ok(fair)
            });
        match taken {
            Ok(fair) => {
                self.install_in_place(super::PreparedFair::new(fair));
                self.safety.sync.offered = None;
                self.safety.notices.push(StateNotice::Info(Message::new(
                    "Took the organizer's fair version; this laptop's events are kept. Save to keep it",
                    "已采用组织方发布的新版本，本机记录均已保留。请保存",
                )));
            }
            Err(why) => self.sync_problem(why),
        }
    }

    fn sync_problem(&mut self, detail: String) {
        self.safety.notices.push(StateNotice::Problem {
            summary: Message::new("Live sync", "实时同步"),
            detail,
        });
    }
}

fn not_syncing() -> EditError {
    EditError::new(
        "live sync is off: connect in Settings → Sync first",
        "实时同步未开启：请先在 设置 → 同步 中连接",
    )
}

/// A digest of what the organizer prepares (meta, settings, booths, positions, registrations,
/// the timetable, projects and sessions), so a station is offered only a fair version that
/// differs from what it holds. Check-ins (at the entrance and at a session's door), visits and
/// events are left out: they travel as events.
pub fn reference_digest(fair: &Fair) -> String {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    let mut feed = |json: serde_json::Result<Vec<u8>>| {
        if let Ok(bytes) = json {
            hasher.write(&bytes);
        }
    };
    feed(serde_json::to_vec(&fair.meta));
    feed(serde_json::to_vec(&fair.settings));
    feed(serde_json::to_vec(&fair.booths));
    feed(serde_json::to_vec(&fair.positions));
    for candidate in &fair.candidates {
        let mut registered = candidate.clone();
        registered.checked_in = None;
        feed(serde_json::to_vec(&registered));
    }
    feed(serde_json::to_vec(&fair.schedule));
    feed(serde_json::to_vec(&fair.interviews));
    feed(serde_json::to_vec(&fair.projects));
    for session in &fair.sessions {
        let mut planned = session.clone();
        planned.attended.clear();
        feed(serde_json::to_vec(&planned));
    }
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::reference_digest;

    #[test]
    fn a_fair_version_differs_by_what_the_organizer_prepares_not_by_who_came() {
        let fair = crate::generate::sample_fair();
        let digest = reference_digest(&fair);
        let mut came = fair.clone();
        came.candidates[0].checked_in = Some(
            chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        );
        if let Some(session) = came.sessions.first_mut() {
            session.attended.push(came.candidates[0].id.clone());
        }
        assert_eq!(reference_digest(&came), digest, "check-ins travel as events");
        let mut rescheduled = fair.clone();
        rescheduled.schedule.gap_minutes += 5;
        rescheduled.interviews.clear();
        assert_ne!(
            reference_digest(&rescheduled),
            digest,
            "a new timetable is a new version"
        );
        let mut project = fair.clone();
        project.projects[0].title.push('!');
        assert_ne!(reference_digest(&project), digest, "so is an edited project");
    }
}

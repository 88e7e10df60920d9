//! Background matching: the matcher is built on another thread when a fair is opened or its
//! settings change, and edits made meanwhile are noted and replayed onto the finished build.
//!
//! The matcher is shared behind an `Arc`, so a job (the allocation) can read it on its own
//! thread without copying it. While a job holds it, edits are noted the same way and replayed
//! once the job lets go; views read the matcher meanwhile but show "matching…" for its results.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::AppState;
use crate::matching::Matcher;
use crate::model::{BoothId, CandidateId, PositionId};

/// Ids edited while the matcher could not be updated (a build under way, or the matcher lent to
/// a job); replayed onto it once it can be.
#[derive(Debug, Default)]
pub(super) struct Touched {
    booths: HashSet<BoothId>,
    positions: HashSet<PositionId>,
    candidates: HashSet<CandidateId>,
    /// Visits added at a desk: (candidate, booth).
    visits: HashSet<(CandidateId, BoothId)>,
    /// The settings changed: everything is rescored (only while lent, in a synchronous state).
    settings: bool,
}

impl Touched {
    fn is_empty(&self) -> bool {
        self.booths.is_empty()
            && self.positions.is_empty()
            && self.candidates.is_empty()
            && self.visits.is_empty()
            && !self.settings
    }

    fn replay(self, matcher: &mut Matcher, fair: &crate::model::Fair) {
        if self.settings {
            // A full build of the fair as it is now covers every other note as well.
            *matcher = Matcher::build(fair);
            return;
        }
        for id in &self.booths {
            matcher.booth_changed(fair, id);
        }
        for id in &self.positions {
            matcher.position_changed(fair, id);
        }
        for id in &self.candidates {
            matcher.candidate_changed(fair, id);
        }
        for (candidate, booth) in &self.visits {
            matcher.visits_changed(fair, candidate, booth);
        }
    }
}

/// How long settings must rest before the window rebuilds the matcher for them.
pub(super) const SETTINGS_SETTLE: Duration = Duration::from_millis(250);

/// A fair whose last full build took less than this is rebuilt for a settings change in the
/// frame itself.
pub(super) const SETTINGS_REBUILD_IN_FRAME: Duration = Duration::from_millis(20);

/// A matcher being built on another thread from a copy of the fair.
pub(super) struct PendingMatch {
    receiver: Receiver<(Matcher, Duration)>,
    touched: Touched,
    /// Set when nobody waits for the build any more, which then stops early.
    pub(super) cancel: Arc<AtomicBool>,
}

impl Drop for PendingMatch {
    /// A build replaced by a newer one (another settings change, another fair) would only keep
    /// a core busy for a result that is thrown away.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl AppState {
    /// Starts building the matcher from the fair as it is now (shared; an edit meanwhile copies it).
    /// Until it arrives the current matcher is kept but no longer updated; edits are noted in
    /// `touched` instead.
    pub(super) fn start_background_build(&mut self) {
        let snapshot = self.fair.share();
        let (sender, receiver) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let cancelled = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let start = Instant::now();
            let prepared = Matcher::prepare(&snapshot);
            // Ranking reads only the prepared records: let go of the fair, so that edits made
            // meanwhile need not copy it.
            drop(snapshot);
            // Cancelled, the build's receiver is gone (a newer build or another fair replaced
            // it): nothing to report.
            if let Some(matcher) = prepared.finish_unless_cancelled(&cancelled) {
                let _ = sender.send((matcher, start.elapsed()));
            }
        });
        // Replacing a build under way cancels it.
        self.pending = Some(PendingMatch {
            receiver,
            touched: Touched::default(),
            cancel,
        });
        // The new build reads the fair with every edit so far: nothing lent is left to replay.
        self.lent = Touched::default();
    }

    /// True while the matcher is being built (or about to be, after a settings change), or
    /// misses edits made while a job held it; match results are not shown meanwhile.
    pub fn is_matching(&self) -> bool {
        self.pending.is_some() || self.settings_rebuild_at.is_some() || !self.lent.is_empty()
    }

    /// How long the last full build took (in the background, or for a settings change in the
    /// frame), once it finished.
    pub fn matching_took(&self) -> Option<Duration> {
        self.matching_took
    }

    /// Takes a finished background build, catching it up with the edits made meanwhile, and
    /// replays edits made while a job held the matcher once it let go. Call once per frame;
    /// returns whether matching is still in progress.
    pub fn poll_matching(&mut self) -> bool {
        if let Some(at) = self.settings_rebuild_at {
            if Instant::now() >= at {
                self.settings_rebuild_at = None;
                self.start_background_build();
            }
            return true;
        }
        let Some(pending) = &self.pending else {
            return self.replay_lent();
        };
        let (matcher, took) = match pending.receiver.try_recv() {
            Ok(done) => done,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Disconnected) => {
                // The build thread died: build here rather than leave matching missing.
                self.pending = None;
                self.matcher = Arc::new(Matcher::build(&self.fair));
                self.revision += 1;
                return false;
            }
        };
        let Some(mut pending) = self.pending.take() else {
            return false;
        };
        let mut matcher = matcher;
        std::mem::take(&mut pending.touched).replay(&mut matcher, &self.fair);
        self.matcher = Arc::new(matcher);
        self.matching_took = Some(took);
        // Views caching match results (worklist) key on the revision.
        self.revision += 1;
        false
    }

    /// Replays the edits made while a job held the matcher, once it let go; returns whether
    /// some are still waiting.
    fn replay_lent(&mut self) -> bool {
        if self.lent.is_empty() {
            return false;
        }
        let Some(matcher) = Arc::get_mut(&mut self.matcher) else {
            return true;
        };
        std::mem::take(&mut self.lent).replay(matcher, &self.fair);
        self.revision += 1;
        false
    }

    /// Waits for a background build to finish (tests and benchmarks).
    pub fn wait_for_matching(&mut self) {
        // A rebuild waiting for the settings to rest starts at the next poll.
        if let Some(at) = &mut self.settings_rebuild_at {
            *at = Instant::now();
        }
        while self.poll_matching() {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Where an edit's consequence for matching goes: the pending build's notes, the matcher
    /// itself, or the notes kept while a job holds it.
    fn matching_update(
        &mut self,
        note: impl FnOnce(&mut Touched),
        update: impl FnOnce(&mut Matcher, &crate::model::Fair),
    ) {
        if let Some(p) = &mut self.pending {
            note(&mut p.touched);
            return;
        }
        match Arc::get_mut(&mut self.matcher) {
            Some(matcher) if self.lent.is_empty() => update(matcher, &self.fair),
            _ => note(&mut self.lent),
        }
    }

    pub(super) fn booth_changed(&mut self, id: &BoothId) {
        self.insight_notes.booth(id);
        self.note_project_booth(id);
        self.matching_update(
            |t| {
                t.booths.insert(id.clone());
            },
            |m, fair| m.booth_changed(fair, id),
        );
    }

    pub(super) fn position_changed(&mut self, id: &PositionId) {
        self.insight_notes.position(id);
        self.note_project_position(id);
        self.matching_update(
            |t| {
                t.positions.insert(id.clone());
            },
            |m, fair| m.position_changed(fair, id),
        );
    }

    pub(super) fn candidate_changed(&mut self, id: &CandidateId) {
        self.insight_notes.candidate(id);
        self.matching_update(
            |t| {
                t.candidates.insert(id.clone());
            },
            |m, fair| m.candidate_changed(fair, id),
        );
    }

    pub(super) fn visits_changed(&mut self, candidate: &CandidateId, booth: &BoothId) {
        self.insight_notes.fair_day();
        self.matching_update(
            |t| {
                t.visits.insert((candidate.clone(), booth.clone()));
            },
            |m, fair| m.visits_changed(fair, candidate, booth),
        );
    }

    pub(super) fn settings_changed(&mut self) {
        // Every score changes. A small fair is rebuilt in the frame, so its matches follow a
        // dragged weight live; a full build of a large one takes a second or more, so the window
        // rebuilds it in the background once the settings rest for a moment, and a build under
        // way (now stale) stops. Starting one per frame of a drag would also copy the fair each
        // frame, since a build holds it while it resolves.
        let in_frame = !self.is_matching() && self.matching_took.is_some_and(|t| t < SETTINGS_REBUILD_IN_FRAME);
        if self.background_matching && !in_frame {
            self.pending = None;
            self.settings_rebuild_at = Some(Instant::now() + SETTINGS_SETTLE);
            return;
        }
        let start = Instant::now();
        match Arc::get_mut(&mut self.matcher) {
            Some(matcher) if self.pending.is_none() && self.lent.is_empty() => {
                matcher.settings_changed(&self.fair);
                self.matching_took = Some(start.elapsed());
            }
            // Lent to a job (or still catching up): everything is rescored once it is back.
            _ if self.pending.is_none() => self.lent.settings = true,
            _ => self.start_background_build(),
        }
    }
}

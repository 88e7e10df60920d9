//! Application state and edits. Views emit edits; only this layer applies them.
//!
//! [`AppState::apply`] is the one place the fair changes: it applies an [`Edit`], records its
//! inverse for undo, keeps the id index and search keys current and tells the matcher exactly
//! what changed, so the match panel re-ranks in the same frame.

pub mod desk;
pub mod edit;
pub mod fairday;
pub mod merge;
pub mod prefs;
pub mod search;
pub mod shared;
pub mod views;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use edit::{BoothPositions, Edit, EditName, Field, field};
pub use prefs::Prefs;
use search::SearchKey;
pub use shared::SharedFair;
pub use views::{Column, Filters, Table, TableView};

use crate::matching::Matcher;
use crate::model::{BoothId, CandidateId, Fair, FairId, FairIndex, Lang, PositionId, VisitId};

/// One applied edit with what undoes it.
#[derive(Debug, Clone)]
struct Done {
    name: EditName,
    forward: Edit,
    inverse: Edit,
    /// Unique per applied edit; the saved state remembers the serial on top of the undo stack.
    serial: u64,
}

/// Why an edit was refused; the fair is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    pub en: String,
    pub zh: String,
}

impl EditError {
    fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// How long each part of opening a fair took (shown by `ui-bench`).
#[derive(Debug, Clone, Copy, Default)]
pub struct StartupTimes {
    /// Reading and parsing the file (zero when the fair did not come from a file).
    pub read: Duration,
    pub index: Duration,
    pub search_keys: Duration,
    /// Handing the fair to the background build (shared, not copied: near zero).
    pub snapshot: Duration,
    /// The matcher build when synchronous; in the background it is reported by `matching_took`.
    pub matcher: Duration,
}

/// Ids edited while a background build runs; the build's result misses exactly these.
#[derive(Debug, Default)]
struct Touched {
    booths: HashSet<BoothId>,
    positions: HashSet<PositionId>,
    candidates: HashSet<CandidateId>,
    /// Visits added at a desk: (candidate, booth).
    visits: HashSet<(CandidateId, BoothId)>,
}

/// How long settings must rest before the window rebuilds the matcher for them.
const SETTINGS_SETTLE: Duration = Duration::from_millis(250);

/// A fair whose last full build took less than this is rebuilt for a settings change in the
/// frame itself.
const SETTINGS_REBUILD_IN_FRAME: Duration = Duration::from_millis(20);

/// A matcher being built on another thread from a copy of the fair.
struct PendingMatch {
    receiver: Receiver<(Matcher, Duration)>,
    touched: Touched,
    /// Set when nobody waits for the build any more, which then stops early.
    cancel: Arc<AtomicBool>,
}

impl Drop for PendingMatch {
    /// A build replaced by a newer one (another settings change, another fair) would only keep
    /// a core busy for a result that is thrown away.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// What is selected in each table (each view remembers its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub booth: Option<BoothId>,
    pub position: Option<PositionId>,
    pub candidate: Option<CandidateId>,
}

/// A loaded fair with its id index and search keys: everything opening it needs before the
/// first table frame, built off the UI thread when a file is opened in the window.
pub struct PreparedFair {
    fair: Fair,
    index: FairIndex,
    booth_keys: Vec<SearchKey>,
    position_keys: Vec<SearchKey>,
    candidate_keys: Vec<SearchKey>,
    times: StartupTimes,
}

impl PreparedFair {
    pub fn new(fair: Fair) -> Self {
        let mut times = StartupTimes::default();
        let start = Instant::now();
        let index = FairIndex::build(&fair);
        times.index = start.elapsed();
        let start = Instant::now();
        // Pinyin keys for 100,000 names are a noticeable part of opening: spread them over cores.
        let booth_keys = fair.booths.par_iter().map(SearchKey::booth).collect();
        let candidate_keys = fair.candidates.par_iter().map(SearchKey::candidate).collect();
        let position_keys = fair
            .positions
            .par_iter()
            .map(|position| SearchKey::position(position, employer_of(&fair, &index, &position.booth)))
            .collect();
        times.search_keys = start.elapsed();
        Self {
            fair,
            index,
            booth_keys,
            position_keys,
            candidate_keys,
            times,
        }
    }

    /// Loads and prepares `path` (the slow part of opening; safe to run on any thread).
    pub fn load(path: &Path) -> Result<Self, crate::store::StoreError> {
        let start = Instant::now();
        let fair = crate::store::load_fair(path)?;
        let read = start.elapsed();
        let mut prepared = Self::new(fair);
        prepared.times.read = read;
        Ok(prepared)
    }

    pub fn fair(&self) -> &Fair {
        &self.fair
    }
}

fn employer_of<'a>(fair: &'a Fair, index: &FairIndex, booth: &BoothId) -> &'a str {
    index
        .booths
        .get(booth)
        .and_then(|&b| fair.booths.get(b))
        .map_or("", |b| b.employer.as_str())
}

pub struct AppState {
    pub fair: SharedFair,
    pub index: FairIndex,
    pub matcher: Matcher,
    pub path: Option<PathBuf>,
    pub selection: Selection,
    pub booths_view: TableView,
    pub positions_view: TableView,
    pub candidates_view: TableView,
    pub prefs: Prefs,
    desk: desk::DeskCache,
    booth_keys: Vec<SearchKey>,
    position_keys: Vec<SearchKey>,
    candidate_keys: Vec<SearchKey>,
    undo: Vec<Done>,
    redo: Vec<Done>,
    next_serial: u64,
    /// Serial on top of the undo stack when last saved (0: the fair as opened).
    saved_serial: u64,
    /// Bumped on every add/delete (and on load) so tables recompute their row order.
    structure: u64,
    /// Bumped on every change, for views that cache what they derive from the fair.
    revision: u64,
    /// Whether opening a fair builds the matcher on a background thread (the window) or
    /// before returning (tests, CLI), so results stay deterministic where they must.
    background_matching: bool,
    pending: Option<PendingMatch>,
    /// When the rebuild for a settings change starts: each change moves it on, so a weight
    /// dragged across many frames costs one build once the drag pauses.
    settings_rebuild_at: Option<Instant>,
    pub startup: StartupTimes,
    /// Duration of the last completed full build: in the background, or for a settings change
    /// in the frame.
    matching_took: Option<Duration>,
}

impl AppState {
    /// Opens `fair` with the matcher built before returning (tests, CLI).
    pub fn new(fair: Fair, path: Option<PathBuf>, prefs: Prefs) -> Self {
        Self::with_matching(fair, path, prefs, false)
    }

    /// Opens `fair` and builds the matcher on a background thread, so the window can show the
    /// tables at once; this and every later Open keep matching in the background.
    pub fn new_background(fair: Fair, path: Option<PathBuf>, prefs: Prefs) -> Self {
        Self::with_matching(fair, path, prefs, true)
    }

    fn with_matching(fair: Fair, path: Option<PathBuf>, prefs: Prefs, background_matching: bool) -> Self {
        let mut state = Self {
            index: FairIndex::default(),
            matcher: Matcher::default(),
            fair: SharedFair::new(Fair::new(FairId::new("empty"), "")),
            path: None,
            selection: Selection::default(),
            booths_view: TableView::default(),
            positions_view: TableView::default(),
            candidates_view: TableView::default(),
            prefs,
            desk: desk::DeskCache::default(),
            booth_keys: Vec::new(),
            position_keys: Vec::new(),
            candidate_keys: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            next_serial: 1,
            saved_serial: 0,
            structure: 0,
            revision: 0,
            background_matching,
            pending: None,
            settings_rebuild_at: None,
            startup: StartupTimes::default(),
            matching_took: None,
        };
        state.replace_fair(fair, path);
        state
    }

    /// Swaps in another fair (New/Open): fresh indexes, matcher, history and selection.
    pub fn replace_fair(&mut self, fair: Fair, path: Option<PathBuf>) {
        self.install(PreparedFair::new(fair), path);
    }

    /// Swaps in a fair prepared elsewhere (e.g. on a loading thread).
    pub fn install(&mut self, prepared: PreparedFair, path: Option<PathBuf>) {
        let PreparedFair {
            fair,
            index,
            booth_keys,
            position_keys,
            candidate_keys,
            mut times,
        } = prepared;
        // Freeing a 100,000-candidate fair takes a while; the old one goes on a thread of its own.
        let old_fair = std::mem::replace(&mut self.fair, SharedFair::new(fair));
        let old_matcher = std::mem::take(&mut self.matcher);
        std::thread::spawn(move || drop((old_fair, old_matcher)));
        self.index = index;
        self.booth_keys = booth_keys;
        self.position_keys = position_keys;
        self.candidate_keys = candidate_keys;
        // A build still running belongs to the previous fair; dropping it stops it.
        self.pending = None;
        self.settings_rebuild_at = None;
        if self.background_matching {
            // The previous fair's results were taken above; views show "matching…" until it is built.
            let start = Instant::now();
            self.start_background_build();
            times.snapshot = start.elapsed();
        } else {
            let start = Instant::now();
            self.matcher = Matcher::build(&self.fair);
            times.matcher = start.elapsed();
        }
        self.startup = times;
        if let Some(path) = &path {
            self.prefs.remember(path);
        }
        self.path = path;
        self.selection = Selection::default();
        self.undo.clear();
        self.redo.clear();
        self.saved_serial = 0;
        self.structure += 1;
        self.revision += 1;
    }

    /// Starts building the matcher from the fair as it is now (shared; an edit meanwhile copies it).
    /// Until it arrives the current matcher is kept but no longer updated; edits are noted in
    /// `touched` instead.
    fn start_background_build(&mut self) {
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
    }

    /// True while the matcher is being built (or about to be, after a settings change); match
    /// results are not shown meanwhile.
    pub fn is_matching(&self) -> bool {
        self.pending.is_some() || self.settings_rebuild_at.is_some()
    }

    /// How long the last full build took (in the background, or for a settings change in the
    /// frame), once it finished.
    pub fn matching_took(&self) -> Option<Duration> {
        self.matching_took
    }

    /// Takes a finished background build, catching it up with the edits made meanwhile.
    /// Call once per frame; returns whether matching is still in progress.
    pub fn poll_matching(&mut self) -> bool {
        if let Some(at) = self.settings_rebuild_at {
            if Instant::now() >= at {
                self.settings_rebuild_at = None;
                self.start_background_build();
            }
            return true;
        }
        let Some(pending) = &self.pending else { return false };
        let (matcher, took) = match pending.receiver.try_recv() {
            Ok(done) => done,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Disconnected) => {
                // The build thread died: build here rather than leave matching missing.
                self.pending = None;
                self.matcher = Matcher::build(&self.fair);
                self.revision += 1;
                return false;
            }
        };
        let Some(mut pending) = self.pending.take() else {
            return false;
        };
        let touched = std::mem::take(&mut pending.touched);
        self.matcher = matcher;
        for id in &touched.booths {
            self.matcher.booth_changed(&self.fair, id);
        }
        for id in &touched.positions {
            self.matcher.position_changed(&self.fair, id);
        }
        for id in &touched.candidates {
            self.matcher.candidate_changed(&self.fair, id);
        }
        for (candidate, booth) in &touched.visits {
            self.matcher.visits_changed(&self.fair, candidate, booth);
        }
        self.matching_took = Some(took);
        // Views caching match results (worklist) key on the revision.
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

    fn booth_changed(&mut self, id: &BoothId) {
        match &mut self.pending {
            Some(p) => {
                p.touched.booths.insert(id.clone());
            }
            None => self.matcher.booth_changed(&self.fair, id),
        }
    }

    fn position_changed(&mut self, id: &PositionId) {
        match &mut self.pending {
            Some(p) => {
                p.touched.positions.insert(id.clone());
            }
            None => self.matcher.position_changed(&self.fair, id),
        }
    }

    fn candidate_changed(&mut self, id: &CandidateId) {
        match &mut self.pending {
            Some(p) => {
                p.touched.candidates.insert(id.clone());
            }
            None => self.matcher.candidate_changed(&self.fair, id),
        }
    }

    fn visits_changed(&mut self, candidate: &CandidateId, booth: &BoothId) {
        match &mut self.pending {
            Some(p) => {
                p.touched.visits.insert((candidate.clone(), booth.clone()));
            }
            None => self.matcher.visits_changed(&self.fair, candidate, booth),
        }
    }

    fn settings_changed(&mut self) {
        // Every score changes. A small fair is rebuilt in the frame, so its matches follow a
        // dragged weight live; a full build of a large one takes a second or more, so the window
        // rebuilds it in the background once the settings rest for a moment, and a build under
        // way (now stale) stops. Starting one per frame of a drag would also copy the fair each
        // frame, since a build holds it while it resolves.
        let in_frame = !self.is_matching() && self.matching_took.is_some_and(|t| t < SETTINGS_REBUILD_IN_FRAME);
        if self.background_matching && !in_frame {
            self.pending = None;
            self.settings_rebuild_at = Some(Instant::now() + SETTINGS_SETTLE);
        } else {
            let start = Instant::now();
            self.matcher.settings_changed(&self.fair);
            self.matching_took = Some(start.elapsed());
        }
    }

    /// Changes whenever the fair changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.undo.last().map_or(0, |d| d.serial) != self.saved_serial
    }

    /// Marks the current state as saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved_serial = self.undo.last().map_or(0, |d| d.serial);
        self.prefs.remember(&path);
        self.path = Some(path);
    }

    /// Window title: fair name, file name, `*` when there are unsaved changes.
    pub fn title(&self) -> String {
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "—".to_owned(), |f| f.to_string_lossy().into_owned());
        let dirty = if self.is_dirty() { " *" } else { "" };
        format!("{} — {file}{dirty} — fairmatch", self.fair.meta.name)
    }

    /// Loads `path` into the workspace; on failure the current fair stays as it was.
    pub fn open(&mut self, path: &Path) -> Result<(), crate::store::StoreError> {
        let fair = crate::store::load_fair(path)?;
        self.replace_fair(fair, Some(path.to_path_buf()));
        Ok(())
    }

    /// Saves atomically; on failure the file on disk and the dirty state are untouched.
    pub fn save_to(&mut self, path: &Path) -> Result<(), crate::store::StoreError> {
        crate::store::save_fair(path, &self.fair)?;
        self.mark_saved(path.to_path_buf());
        Ok(())
    }

    pub fn undo_name(&self) -> Option<&EditName> {
        self.undo.last().map(|d| &d.name)
    }

    pub fn redo_name(&self) -> Option<&EditName> {
        self.redo.last().map(|d| &d.name)
    }

    /// Applies one edit, records it for undo and updates matching incrementally.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_with_outcome(edit).map(|_| ())
    }

    /// The one place edits are applied. Desk actions (check-in, walk-in, visit) report what
    /// they did and skip the undo history; every other edit records its inverse for undo.
    pub fn apply_with_outcome(&mut self, edit: Edit) -> Result<Option<desk::DeskOutcome>, EditError> {
        if let Some(result) = self.apply_desk_action(&edit) {
            return result.map(Some);
        }
        let name = edit.name();
        let inverse = self.apply_raw(edit.clone())?;
        self.redo.clear();
        let serial = self.take_serial();
        // Keystrokes in one field of one record become one undo step, keeping the oldest inverse.
        if let (Some(top), Some(key)) = (self.undo.last_mut(), edit.merge_key())
            && top.forward.merge_key() == Some(key)
            && top.serial != self.saved_serial
        {
            top.forward = edit;
            top.name = name;
            top.serial = serial;
            return Ok(None);
        }
        self.undo.push(Done {
            name,
            forward: edit,
            inverse,
            serial,
        });
        Ok(None)
    }

    pub fn undo(&mut self) -> Result<(), EditError> {
        let Some(done) = self.undo.pop() else { return Ok(()) };
        if let Err(e) = self.apply_raw(done.inverse.clone()) {
            self.undo.push(done);
            return Err(e);
        }
        self.redo.push(done);
        Ok(())
    }

    pub fn redo(&mut self) -> Result<(), EditError> {
        let Some(mut done) = self.redo.pop() else { return Ok(()) };
        match self.apply_raw(done.forward.clone()) {
            Ok(inverse) => {
                done.inverse = inverse;
                self.undo.push(done);
                Ok(())
            }
            Err(e) => {
                self.redo.push(done);
                Err(e)
            }
        }
    }

    fn take_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }

    fn position_key(&self, i: usize) -> SearchKey {
        let position = &self.fair.positions[i];
        SearchKey::position(position, employer_of(&self.fair, &self.index, &position.booth))
    }

    fn structure_changed(&mut self) {
        self.index = FairIndex::build(&self.fair);
        self.structure += 1;
    }

    /// Applies `edit` and returns its inverse. On error nothing changed.
    fn apply_raw(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.revision += 1;
        match edit {
            Edit::SetBooth { id, value, field } => {
                let i = self.booth_index(&id)?;
                if value.id != id && self.index.booths.contains_key(&value.id) {
                    return Err(taken("booth", &value.id.0));
                }
                let old = std::mem::replace(&mut self.fair.booths[i], value.clone());
                self.booth_keys[i] = SearchKey::booth(&value);
                if value.id != id {
                    self.structure_changed();
                }
                // The employer name is part of each of the booth's positions' search key.
                for p in 0..self.fair.positions.len() {
                    if self.fair.positions[p].booth == id || self.fair.positions[p].booth == value.id {
                        self.position_keys[p] = self.position_key(p);
                    }
                }
                self.booth_changed(&id);
                if value.id != id {
                    self.booth_changed(&value.id);
                }
                Ok(Edit::SetBooth {
                    id: value.id,
                    value: old,
                    field,
                })
            }
            Edit::SetPosition { id, value, field } => {
                let i = self.position_index(&id)?;
                if value.id != id && self.index.positions.contains_key(&value.id) {
                    return Err(taken("position", &value.id.0));
                }
                let old = std::mem::replace(&mut self.fair.positions[i], value.clone());
                if value.id != id {
                    self.structure_changed();
                }
                self.position_keys[i] = self.position_key(i);
                self.position_changed(&id);
                if value.id != id {
                    self.position_changed(&value.id);
                }
                Ok(Edit::SetPosition {
                    id: value.id,
                    value: old,
                    field,
                })
            }
            Edit::SetCandidate { id, mut value, field } => {
                let i = self.candidate_index(&id)?;
                // The check-in belongs to the desks (a station event): undoing or redoing an
                // organizer's change to another field must not take it back.
                if field != field::CHECKED_IN {
                    value.checked_in = self.fair.candidates[i].checked_in;
                }
                if value.id != id && self.index.candidates.contains_key(&value.id) {
                    return Err(taken("candidate", &value.id.0));
                }
                let old = std::mem::replace(&mut self.fair.candidates[i], value.clone());
                if value.id != id {
                    self.structure_changed();
                }
                self.candidate_keys[i] = SearchKey::candidate(&value);
                self.candidate_changed(&id);
                if value.id != id {
                    self.candidate_changed(&value.id);
                }
                Ok(Edit::SetCandidate {
                    id: value.id,
                    value: old,
                    field,
                })
            }
            Edit::AddBooth { value, at } => {
                if self.index.booths.contains_key(&value.id) {
                    return Err(taken("booth", &value.id.0));
                }
                let at = at.unwrap_or(usize::MAX).min(self.fair.booths.len());
                let id = value.id.clone();
                self.booth_keys.insert(at, SearchKey::booth(&value));
                self.fair.booths.insert(at, value);
                self.structure_changed();
                for p in 0..self.fair.positions.len() {
                    if self.fair.positions[p].booth == id {
                        self.position_keys[p] = self.position_key(p);
                    }
                }
                self.booth_changed(&id);
                Ok(Edit::DeleteBooth {
                    id,
                    positions: BoothPositions::Delete,
                })
            }
            Edit::DeleteBooth { id, positions } => {
                let i = self.booth_index(&id)?;
                // Visits are the fair day's record of who came to this booth; a visit cannot
                // exist without its booth, so a booth with visits stays.
                let visits = self.fair.visits.iter().filter(|v| v.booth == id).count();
                if visits > 0 {
                    return Err(EditError::new(
                        format!("booth {id} cannot be deleted: {visits} visits were recorded there"),
                        format!("无法删除展位 {id}：该展位已有 {visits} 条到访记录"),
                    ));
                }
                let owned: Vec<PositionId> = self
                    .fair
                    .positions
                    .iter()
                    .filter(|p| p.booth == id)
                    .map(|p| p.id.clone())
                    .collect();
                if owned.is_empty() {
                    let value = self.fair.booths.remove(i);
                    self.booth_keys.remove(i);
                    self.structure_changed();
                    self.booth_changed(&id);
                    if self.selection.booth.as_ref() == Some(&id) {
                        self.selection.booth = None;
                    }
                    return Ok(Edit::AddBooth { value, at: Some(i) });
                }
                // Positions first (moved or deleted), then the now empty booth, undone as one.
                let mut edits = Vec::new();
                for pid in owned {
                    match &positions {
                        BoothPositions::Delete => edits.push(Edit::DeletePosition { id: pid }),
                        BoothPositions::MoveTo(target) => {
                            if !self.index.booths.contains_key(target) || target == &id {
                                return Err(EditError::new(
                                    format!("cannot move positions to booth {target}: no such other booth"),
                                    format!("无法把岗位移到展位 {target}：没有这个展位"),
                                ));
                            }
                            let mut value = self.fair.positions[self.index.positions[&pid]].clone();
                            value.booth = target.clone();
                            edits.push(Edit::SetPosition {
                                id: pid,
                                value,
                                field: field::BOOTH,
                            });
                        }
                    }
                }
                edits.push(Edit::DeleteBooth {
                    id: id.clone(),
                    positions: BoothPositions::Delete,
                });
                let name = Edit::DeleteBooth { id, positions }.name();
                self.apply_raw(Edit::Batch { name, edits })
            }
            Edit::AddPosition { value, at } => {
                if self.index.positions.contains_key(&value.id) {
                    return Err(taken("position", &value.id.0));
                }
                let at = at.unwrap_or(usize::MAX).min(self.fair.positions.len());
                let id = value.id.clone();
                self.fair.positions.insert(at, value);
                self.structure_changed();
                self.position_keys.insert(at, self.position_key(at));
                self.position_changed(&id);
                Ok(Edit::DeletePosition { id })
            }
            Edit::DeletePosition { id } => {
                let i = self.position_index(&id)?;
                let detach: Vec<(VisitId, Option<PositionId>)> = self
                    .fair
                    .visits
                    .iter()
                    .filter(|v| v.position.as_ref() == Some(&id))
                    .map(|v| (v.id.clone(), None))
                    .collect();
                if !detach.is_empty() {
                    // Visits first (kept, without the position), then the position; undone as one.
                    let name = Edit::DeletePosition { id: id.clone() }.name();
                    let edits = vec![Edit::SetVisitPositions { visits: detach }, Edit::DeletePosition { id }];
                    return self.apply_raw(Edit::Batch { name, edits });
                }
                let value = self.fair.positions.remove(i);
                self.position_keys.remove(i);
                self.structure_changed();
                self.position_changed(&id);
                if self.selection.position.as_ref() == Some(&id) {
                    self.selection.position = None;
                }
                Ok(Edit::AddPosition { value, at: Some(i) })
            }
            Edit::AddCandidate { value, at, visits } => {
                if self.index.candidates.contains_key(&value.id) {
                    return Err(taken("candidate", &value.id.0));
                }
                let at = at.unwrap_or(usize::MAX).min(self.fair.candidates.len());
                let id = value.id.clone();
                self.candidate_keys.insert(at, SearchKey::candidate(&value));
                self.fair.candidates.insert(at, value);
                for (vi, visit) in visits {
                    let vi = vi.min(self.fair.visits.len());
                    self.fair.visits.insert(vi, visit);
                }
                self.structure_changed();
                self.candidate_changed(&id);
                Ok(Edit::DeleteCandidate { id })
            }
            Edit::DeleteCandidate { id } => {
                let i = self.candidate_index(&id)?;
                let value = self.fair.candidates.remove(i);
                self.candidate_keys.remove(i);
                let mut visits = Vec::new();
                let mut vi = 0;
                // Indexes are recorded as they were before removal, so undo re-inserts in order.
                let mut original = 0;
                while vi < self.fair.visits.len() {
                    if self.fair.visits[vi].candidate == id {
                        visits.push((original, self.fair.visits.remove(vi)));
                    } else {
                        vi += 1;
                    }
                    original += 1;
                }
                self.structure_changed();
                self.candidate_changed(&id);
                if self.selection.candidate.as_ref() == Some(&id) {
                    self.selection.candidate = None;
                }
                Ok(Edit::AddCandidate {
                    value,
                    at: Some(i),
                    visits,
                })
            }
            Edit::SetVisitPositions { visits } => {
                let at: std::collections::HashMap<&VisitId, usize> =
                    self.fair.visits.iter().enumerate().map(|(i, v)| (&v.id, i)).collect();
                let mut found = Vec::with_capacity(visits.len());
                for (id, position) in &visits {
                    let Some(&i) = at.get(id) else {
                        return Err(missing("visit", &id.0));
                    };
                    if let Some(p) = position
                        && !self.index.positions.contains_key(p)
                    {
                        return Err(missing("position", &p.0));
                    }
                    found.push(i);
                }
                let mut inverse = Vec::with_capacity(visits.len());
                for ((id, position), i) in visits.into_iter().zip(found) {
                    let visit = &mut self.fair.visits[i];
                    let old = std::mem::replace(&mut visit.position, position);
                    let (candidate, booth) = (visit.candidate.clone(), visit.booth.clone());
                    inverse.push((id, old));
                    self.visits_changed(&candidate, &booth);
                }
                Ok(Edit::SetVisitPositions { visits: inverse })
            }
            Edit::SetSettings { value, field } => {
                let old = std::mem::replace(&mut self.fair.settings, value);
                self.settings_changed();
                Ok(Edit::SetSettings { value: old, field })
            }
            Edit::SetMeta { value } => {
                let old = std::mem::replace(&mut self.fair.meta, value);
                Ok(Edit::SetMeta { value: old })
            }
            Edit::Append {
                name,
                booths,
                positions,
                candidates,
            } => {
                let mut seen = std::collections::HashSet::new();
                for b in &booths {
                    if self.index.booths.contains_key(&b.id) || !seen.insert(("b", b.id.0.as_str())) {
                        return Err(taken("booth", &b.id.0));
                    }
                }
                for p in &positions {
                    if self.index.positions.contains_key(&p.id) || !seen.insert(("p", p.id.0.as_str())) {
                        return Err(taken("position", &p.id.0));
                    }
                }
                for c in &candidates {
                    if self.index.candidates.contains_key(&c.id) || !seen.insert(("c", c.id.0.as_str())) {
                        return Err(taken("candidate", &c.id.0));
                    }
                }
                let booth_ids: Vec<BoothId> = booths.iter().map(|b| b.id.clone()).collect();
                let position_ids: Vec<PositionId> = positions.iter().map(|p| p.id.clone()).collect();
                let candidate_ids: Vec<CandidateId> = candidates.iter().map(|c| c.id.clone()).collect();
                self.booth_keys.extend(booths.iter().map(SearchKey::booth));
                self.fair.booths.extend(booths);
                self.fair.positions.extend(positions);
                self.candidate_keys.extend(candidates.iter().map(SearchKey::candidate));
                self.fair.candidates.extend(candidates);
                self.structure_changed();
                let first_new = self.position_keys.len();
                for i in first_new..self.fair.positions.len() {
                    let key = self.position_key(i);
                    self.position_keys.push(key);
                }
                for id in &booth_ids {
                    self.booth_changed(id);
                }
                for id in &position_ids {
                    self.position_changed(id);
                }
                for id in &candidate_ids {
                    self.candidate_changed(id);
                }
                Ok(Edit::RemoveAppended {
                    name,
                    booths: booth_ids,
                    positions: position_ids,
                    candidates: candidate_ids,
                })
            }
            Edit::RemoveAppended {
                name,
                booths,
                positions,
                candidates,
            } => {
                let booths = remove_by_id(&mut self.fair.booths, &mut self.booth_keys, &booths, |b| &b.id);
                let positions = remove_by_id(&mut self.fair.positions, &mut self.position_keys, &positions, |p| &p.id);
                let candidates = remove_by_id(&mut self.fair.candidates, &mut self.candidate_keys, &candidates, |c| {
                    &c.id
                });
                self.structure_changed();
                for x in &booths {
                    self.booth_changed(&x.id);
                }
                for x in &positions {
                    self.position_changed(&x.id);
                }
                for x in &candidates {
                    self.candidate_changed(&x.id);
                }
                Ok(Edit::Append {
                    name,
                    booths,
                    positions,
                    candidates,
                })
            }
            Edit::ResolveDuplicate { decision } => {
                let away = merge::resolve_duplicate(&mut self.fair, &decision).map_err(refused_resolution)?;
                if let Some(away) = &away {
                    self.duplicate_merged(&decision, away, true);
                }
                Ok(Edit::UnresolveDuplicate {
                    decision,
                    restore: away.map(Box::new),
                })
            }
            Edit::UnresolveDuplicate { decision, restore } => {
                merge::unresolve_duplicate(&mut self.fair, &decision, restore.as_deref())
                    .map_err(refused_resolution)?;
                if let Some(away) = &restore {
                    self.duplicate_merged(&decision, away, false);
                }
                Ok(Edit::ResolveDuplicate { decision })
            }
            // Only reachable through undo/redo, which never hold desk actions.
            Edit::CheckIn { .. } | Edit::WalkIn { .. } | Edit::Visit { .. } => Err(EditError::new(
                "check-ins, walk-ins and visits cannot be undone or redone",
                "签到、现场登记和到访不可撤销或重做",
            )),
            Edit::Batch { name, edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match self.apply_raw(edit) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what this batch already did.
                            for inverse in inverses.into_iter().rev() {
                                let _ = self.apply_raw(inverse);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch { name, edits: inverses })
            }
        }
    }

    /// Keeps search keys, indexes and matching current after one candidate was merged into
    /// another (`merged` true) or that was undone.
    fn duplicate_merged(&mut self, decision: &crate::model::DuplicateDecision, away: &merge::MergedAway, merged: bool) {
        let crate::model::DuplicateDecision::SamePerson { kept, merged: gone } = decision else {
            return;
        };
        if merged {
            self.candidate_keys.remove(away.index);
        } else {
            let index = away.index.min(self.fair.candidates.len().saturating_sub(1));
            self.candidate_keys
                .insert(index, SearchKey::candidate(&self.fair.candidates[index]));
        }
        self.structure_changed();
        self.candidate_changed(gone);
        self.candidate_changed(kept);
        for booth in away.booths(&self.fair) {
            self.visits_changed(kept, &booth);
            self.visits_changed(gone, &booth);
        }
        if merged && self.selection.candidate.as_ref() == Some(gone) {
            self.selection.candidate = Some(kept.clone());
        }
    }

    fn booth_index(&self, id: &BoothId) -> Result<usize, EditError> {
        self.index
            .booths
            .get(id)
            .copied()
            .ok_or_else(|| missing("booth", &id.0))
    }

    fn position_index(&self, id: &PositionId) -> Result<usize, EditError> {
        self.index
            .positions
            .get(id)
            .copied()
            .ok_or_else(|| missing("position", &id.0))
    }

    fn candidate_index(&self, id: &CandidateId) -> Result<usize, EditError> {
        self.index
            .candidates
            .get(id)
            .copied()
            .ok_or_else(|| missing("candidate", &id.0))
    }

    /// Brings a table's row order up to date (cheap when nothing changed).
    pub fn refresh_view(&mut self, table: Table) {
        let (view, keys) = match table {
            Table::Booths => (&mut self.booths_view, &self.booth_keys),
            Table::Positions => (&mut self.positions_view, &self.position_keys),
            Table::Candidates => (&mut self.candidates_view, &self.candidate_keys),
        };
        view.refresh(table, &self.fair, &self.index, keys, self.structure);
    }

    pub fn view(&self, table: Table) -> &TableView {
        match table {
            Table::Booths => &self.booths_view,
            Table::Positions => &self.positions_view,
            Table::Candidates => &self.candidates_view,
        }
    }

    pub fn view_mut(&mut self, table: Table) -> &mut TableView {
        match table {
            Table::Booths => &mut self.booths_view,
            Table::Positions => &mut self.positions_view,
            Table::Candidates => &mut self.candidates_view,
        }
    }

    /// The fair index of the selected record of `table`.
    pub fn selected_row(&self, table: Table) -> Option<usize> {
        match table {
            Table::Booths => self.selection.booth.as_ref().and_then(|id| self.index.booths.get(id)),
            Table::Positions => self
                .selection
                .position
                .as_ref()
                .and_then(|id| self.index.positions.get(id)),
            Table::Candidates => self
                .selection
                .candidate
                .as_ref()
                .and_then(|id| self.index.candidates.get(id)),
        }
        .copied()
    }

    /// Selects the record at `index` of `table`'s list in the fair.
    pub fn select_row(&mut self, table: Table, index: usize) {
        match table {
            Table::Booths => self.selection.booth = self.fair.booths.get(index).map(|b| b.id.clone()),
            Table::Positions => self.selection.position = self.fair.positions.get(index).map(|p| p.id.clone()),
            Table::Candidates => self.selection.candidate = self.fair.candidates.get(index).map(|c| c.id.clone()),
        }
    }

    /// An id not used yet, `prefix` followed by a number.
    pub fn fresh_id(&self, table: Table, prefix: &str) -> String {
        let taken = |id: &str| match table {
            Table::Booths => self.index.booths.contains_key(&BoothId::new(id)),
            Table::Positions => self.index.positions.contains_key(&PositionId::new(id)),
            Table::Candidates => self.index.candidates.contains_key(&CandidateId::new(id)),
        };
        let len = match table {
            Table::Booths => self.fair.booths.len(),
            Table::Positions => self.fair.positions.len(),
            Table::Candidates => self.fair.candidates.len(),
        };
        (len + 1..)
            .map(|n| format!("{prefix}{n:04}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| prefix.to_owned())
    }

    pub fn booth(&self, id: &BoothId) -> Option<&crate::model::Booth> {
        self.index.booths.get(id).and_then(|&i| self.fair.booths.get(i))
    }

    pub fn position(&self, id: &PositionId) -> Option<&crate::model::Position> {
        self.index.positions.get(id).and_then(|&i| self.fair.positions.get(i))
    }

    pub fn candidate(&self, id: &CandidateId) -> Option<&crate::model::Candidate> {
        self.index.candidates.get(id).and_then(|&i| self.fair.candidates.get(i))
    }

    /// Whether any name in the fair uses Chinese characters (for the missing-font notice).
    pub fn has_chinese(&self) -> bool {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        chinese(&self.fair.meta.name)
            || self.fair.booths.iter().take(50).any(|b| chinese(&b.employer))
            || self.fair.candidates.iter().take(50).any(|c| chinese(&c.name))
    }
}

fn refused_resolution(e: merge::MergeError) -> EditError {
    EditError::new(e.0.clone(), format!("无法处理重复登记：{}", e.0))
}

fn missing(kind: &str, id: &str) -> EditError {
    let zh = match kind {
        "booth" => "展位",
        "position" => "岗位",
        "visit" => "到访记录",
        _ => "求职者",
    };
    EditError::new(format!("no {kind} with id {id}"), format!("没有编号为 {id} 的{zh}"))
}

/// Takes the records whose id is in `ids` out of `records` (and their search keys out of the
/// parallel `keys`), keeping the others in order; returns the removed records in list order.
fn remove_by_id<T, K, Id: Eq + std::hash::Hash>(
    records: &mut Vec<T>,
    keys: &mut Vec<K>,
    ids: &[Id],
    id_of: impl Fn(&T) -> &Id,
) -> Vec<T> {
    if ids.is_empty() {
        return Vec::new();
    }
    let wanted: HashSet<&Id> = ids.iter().collect();
    let mut removed = Vec::with_capacity(ids.len());
    let mut kept = Vec::with_capacity(records.len());
    let mut kept_keys = Vec::with_capacity(keys.len());
    for (record, key) in records.drain(..).zip(keys.drain(..)) {
        if wanted.contains(id_of(&record)) {
            removed.push(record);
        } else {
            kept.push(record);
            kept_keys.push(key);
        }
    }
    *records = kept;
    *keys = kept_keys;
    removed
}

fn taken(kind: &str, id: &str) -> EditError {
    let zh = match kind {
        "booth" => "展位",
        "position" => "岗位",
        _ => "求职者",
    };
    EditError::new(
        format!("id {id} is already used by another {kind}"),
        format!("编号 {id} 已被另一个{zh}使用"),
    )
}

#[cfg(test)]
mod tests;

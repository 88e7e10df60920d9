//! Application state: the only writer of the fair. Views read it and emit commands; the
//! window turns those into edits, desk actions and jobs applied here.
//!
//! - [`AppState::apply`] applies an organizer [`Edit`], records its inverse for undo, keeps the
//!   id index and search keys current and tells the matcher exactly what changed, so the match
//!   panel re-ranks in the same frame.
//! - [`AppState::record`] records a fair-day [`DeskAction`] (check-in, walk-in, visit): a
//!   station event, never undone.
//! - [`AppState::start`] runs a [`Job`] (open, save, import, export, merge, allocation) on a
//!   thread of its own; [`AppState::poll_jobs`] applies the results.
//!
//! Nothing outside this module can reach the fair mutably: it is read through
//! [`AppState::fair`].

mod apply;
pub mod desk;
pub mod edit;
mod erase;
pub mod fairday;
pub mod jobs;
mod live_insight;
mod live_matching;
pub mod live_sync;
pub mod merge;
pub mod prefs;
mod privacy;
mod projects;
pub mod recovery;
pub mod safety;
pub mod search;
mod shared;
pub mod shortlist;
pub mod station_journal;
pub mod views;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use desk::{DeskAction, DeskOutcome};
pub use edit::{BoothPositions, Edit, EditName, Field, field};
pub use jobs::itinerary::{Stop, itinerary};
pub use jobs::{
    AllocationReport, AllocationRow, CsvKind, EncodingChoice, Finished, ImportAnswers, ImportQuestion, Job, JobId,
    JobInfo, JobOutcome, Message, PendingImport, ScheduleReport,
};
pub use prefs::Prefs;
pub use safety::{AUTOSAVE_EVERY, Passphrase, RecoveryOffer, StateNotice};
use search::SearchKey;
use shared::SharedFair;
pub use views::{Column, Filters, Table, TableView};

/// What views show of match results and files, so they need not reach past this layer.
pub use crate::matching::projects::{ProjectMatch, ProjectMatcher, ProjectReason};
pub use crate::matching::{CandidateScope, Explanation, Scored, UnassignedReason, skill_names};
pub use crate::schedule::{BoothGrid, LeftOut, Options as ScheduleOptions, Request as InterviewRequest};
pub use crate::store::csv_export::ExportTable;
pub use crate::store::csv_import::BadRow;
pub use crate::store::csv_import::labels::UnknownValue;

use std::sync::Arc;

use crate::insight::Insight;
use crate::matching::Matcher;
use crate::model::{BoothId, CandidateId, Fair, FairId, FairIndex, Lang, PositionId};
use live_matching::{PendingMatch, Touched};

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
    /// Computing the fair's figures.
    pub insight: Duration,
}

/// What is selected in each table (each view remembers its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub booth: Option<BoothId>,
    pub position: Option<PositionId>,
    pub candidate: Option<CandidateId>,
}

/// One record of the fair, by id: what a view jumps to or selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Booth(BoothId),
    Position(PositionId),
    Candidate(CandidateId),
}

impl Record {
    /// The table that lists it.
    pub fn table(&self) -> Table {
        match self {
            Record::Booth(_) => Table::Booths,
            Record::Position(_) => Table::Positions,
            Record::Candidate(_) => Table::Candidates,
        }
    }
}

/// Where the fair was last saved: the edit on top of the undo history and how many desk
/// actions had been recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SavePoint {
    serial: u64,
    desk_actions: u64,
}

/// A loaded fair with its id index and search keys: everything opening it needs before the
/// first table frame, built off the UI thread when a file is opened in the window.
pub struct PreparedFair {
    fair: Fair,
    index: FairIndex,
    booth_keys: Vec<SearchKey>,
    position_keys: Vec<SearchKey>,
    candidate_keys: Vec<SearchKey>,
    insight: Insight,
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
        // About 25 ms on the peak fair: done here, on the loading thread in the window.
        let start = Instant::now();
        let insight = Insight::compute(&fair);
        times.insight = start.elapsed();
        Self {
            fair,
            index,
            booth_keys,
            position_keys,
            candidate_keys,
            insight,
            times,
        }
    }

    /// Loads and prepares `path` (the slow part of opening; safe to run on any thread).
    pub fn load(path: &Path) -> Result<Self, crate::store::StoreError> {
        Self::load_with(path, None)
    }

    /// [`PreparedFair::load`] for a file that may be encrypted for `passphrase`.
    pub fn load_with(path: &Path, passphrase: Option<&str>) -> Result<Self, crate::store::StoreError> {
        let start = Instant::now();
        let fair = crate::store::load_fair_with_passphrase(path, passphrase, crate::store::DEFAULT_SIZE_CAP)?;
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
    fair: SharedFair,
    index: FairIndex,
    /// Shared with a job that reads it (the allocation); see [`live_matching`].
    matcher: Arc<Matcher>,
    path: Option<PathBuf>,
    selection: Selection,
    booths_view: TableView,
    positions_view: TableView,
    candidates_view: TableView,
    prefs: Prefs,
    desk: desk::DeskCache,
    booth_keys: Vec<SearchKey>,
    position_keys: Vec<SearchKey>,
    candidate_keys: Vec<SearchKey>,
    /// The fair's figures, kept current by every change path; see [`live_insight`].
    insight: Insight,
    insight_notes: live_insight::InsightNotes,
    undo: Vec<Done>,
    redo: Vec<Done>,
    next_serial: u64,
    /// Serial on top of the undo stack when last saved (0: the fair as opened).
    saved_serial: u64,
    /// Desk actions recorded since the fair was opened, and when it was last saved: they
    /// have no undo step to mark the fair unsaved by.
    desk_actions: u64,
    saved_desk_actions: u64,
    /// Bumped on every add/delete (and on load) so tables recompute their row order.
    structure: u64,
    /// Bumped on every change, for views that cache what they derive from the fair or its
    /// matches.
    revision: u64,
    /// Bumped whenever the fair itself changes (not when matches arrive): what a job's result
    /// was computed for.
    fair_version: u64,
    /// Bumped when another fair is opened: a job's result for the previous one is dropped.
    generation: u64,
    /// Whether opening a fair builds the matcher on a background thread (the window) or
    /// before returning (tests, CLI), so results stay deterministic where they must.
    background_matching: bool,
    pending: Option<PendingMatch>,
    /// Edits made while a job held the matcher, replayed once it lets go.
    lent: Touched,
    /// When the rebuild for a settings change starts: each change moves it on, so a weight
    /// dragged across many frames costs one build once the drag pauses.
    settings_rebuild_at: Option<Instant>,
    startup: StartupTimes,
    /// Duration of the last completed full build: in the background, or for a settings change
    /// in the frame.
    matching_took: Option<Duration>,
    jobs: jobs::Jobs,
    /// A save asked for while another one runs; started when that one ends.
    queued_save: Option<PathBuf>,
    /// The last allocation run.
    allocation: Option<Arc<AllocationReport>>,
    project_matches: projects::ProjectMatches,
    /// What the last schedule made in this window left out.
    schedule_report: Option<Arc<ScheduleReport>>,
    /// Journal, recovery copy, lock and passphrase of the open fair.
    safety: safety::SafetyState,
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
            matcher: Arc::default(),
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
            insight: Insight::compute(&Fair::new(FairId::new("empty"), "")),
            insight_notes: live_insight::InsightNotes::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            next_serial: 1,
            saved_serial: 0,
            desk_actions: 0,
            saved_desk_actions: 0,
            structure: 0,
            revision: 0,
            fair_version: 0,
            generation: 0,
            background_matching,
            pending: None,
            lent: Touched::default(),
            settings_rebuild_at: None,
            startup: StartupTimes::default(),
            matching_took: None,
            jobs: jobs::Jobs::default(),
            queued_save: None,
            allocation: None,
            project_matches: projects::ProjectMatches::default(),
            schedule_report: None,
            safety: safety::SafetyState::default(),
        };
        state.replace_fair(fair, path);
        state
    }

    /// Swaps in another fair (New/Open): fresh indexes, matcher, history and selection.
    pub fn replace_fair(&mut self, fair: Fair, path: Option<PathBuf>) {
        self.install(PreparedFair::new(fair), path);
    }

    /// Swaps in a new, empty fair named `name` (File → New).
    pub fn new_fair(&mut self, name: &str) {
        let id = format!("fair-{}", chrono::Local::now().format("%Y%m%d%H%M%S"));
        self.replace_fair(Fair::new(FairId::new(id), name), None);
    }

    /// Swaps in a fair prepared elsewhere (e.g. on a loading thread).
    pub fn install(&mut self, prepared: PreparedFair, path: Option<PathBuf>) {
        let PreparedFair {
            fair,
            index,
            booth_keys,
            position_keys,
            candidate_keys,
            insight,
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
        self.insight = insight;
        self.insight_notes = live_insight::InsightNotes::default();
        // A build still running belongs to the previous fair; dropping it stops it.
        self.pending = None;
        self.settings_rebuild_at = None;
        self.lent = Touched::default();
        if self.background_matching {
            // The previous fair's results were taken above; views show "matching…" until it is built.
            let start = Instant::now();
            self.start_background_build();
            times.snapshot = start.elapsed();
        } else {
            let start = Instant::now();
            self.matcher = Arc::new(Matcher::build(&self.fair));
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
        self.desk_actions = 0;
        self.saved_desk_actions = 0;
        self.allocation = None;
        self.schedule_report = None;
        self.structure += 1;
        self.revision += 1;
        self.fair_version += 1;
        self.generation += 1;
        // The lock, read-only mode and passphrase belong to the file; whoever opened it sets them.
        self.safety.lock = None;
        self.safety.read_only = false;
        self.safety.passphrase = None;
        self.safety.journal = None;
        self.replay_journal();
        self.look_for_recovery_copy();
    }

    /// The open fair. Only this layer changes it: through [`AppState::apply`],
    /// [`AppState::record`] and the jobs' results.
    pub fn fair(&self) -> &Fair {
        &self.fair
    }

    /// Ids to positions in the fair's lists.
    pub fn index(&self) -> &FairIndex {
        &self.index
    }

    /// The live matches (while [`AppState::is_matching`], possibly not current).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The file the fair was opened from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Selects `record` in its table (it need not exist; then nothing shows as selected).
    pub fn select(&mut self, record: Record) {
        match record {
            Record::Booth(id) => self.selection.booth = Some(id),
            Record::Position(id) => self.selection.position = Some(id),
            Record::Candidate(id) => self.selection.candidate = Some(id),
        }
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Per-user settings (language, theme, recent files, desk): not part of the fair.
    pub fn prefs_mut(&mut self) -> &mut Prefs {
        &mut self.prefs
    }

    /// How long each part of opening the current fair took.
    pub fn startup(&self) -> StartupTimes {
        self.startup
    }

    /// The last allocation run, if any (stale when its `computed_for` is not
    /// [`AppState::fair_version`]).
    pub fn schedule_report(&self) -> Option<&ScheduleReport> {
        self.schedule_report.as_deref()
    }

    pub fn allocation(&self) -> Option<&AllocationReport> {
        self.allocation.as_deref()
    }

    /// Changes whenever the fair or its matches change, for views that cache what they derive.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes whenever the fair itself changes.
    pub fn fair_version(&self) -> u64 {
        self.fair_version
    }

    pub fn is_dirty(&self) -> bool {
        self.save_point() != self.saved_point()
    }

    /// Where the fair stands now, for marking it saved once a save of this state is written.
    pub fn save_point(&self) -> SavePoint {
        SavePoint {
            serial: self.undo.last().map_or(0, |d| d.serial),
            desk_actions: self.desk_actions,
        }
    }

    fn saved_point(&self) -> SavePoint {
        SavePoint {
            serial: self.saved_serial,
            desk_actions: self.saved_desk_actions,
        }
    }

    /// Marks the fair as it stood at `at` as saved to `path`. Changes made since (while the
    /// file was written) still count as unsaved.
    pub fn mark_saved_at(&mut self, path: PathBuf, at: SavePoint) {
        self.saved_serial = at.serial;
        self.saved_desk_actions = at.desk_actions;
        self.prefs.remember(&path);
        self.path = Some(path);
    }

    /// Marks the current state as saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.mark_saved_at(path, self.save_point());
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

    /// Loads `path` into the workspace before returning (tests, CLI; the window opens files as a
    /// job); on failure the current fair stays as it was.
    pub fn open(&mut self, path: &Path) -> Result<(), crate::store::StoreError> {
        let fair = crate::store::load_fair(path)?;
        self.replace_fair(fair, Some(path.to_path_buf()));
        Ok(())
    }

    /// Saves atomically before returning (tests, CLI; the window saves as a job); on failure the
    /// file on disk and the dirty state are untouched.
    pub fn save_to(&mut self, path: &Path) -> Result<(), crate::store::StoreError> {
        let passphrase = self.safety.passphrase.as_ref().map(Passphrase::expose);
        // Under the lock this state holds on the file, if it holds one (else save_fair locks it).
        match self.safety.lock.as_deref().filter(|lock| jobs::locks(lock, path)) {
            Some(lock) => crate::store::save_fair_locked(lock, &self.fair, passphrase)?,
            None => crate::store::save_fair_with_passphrase(path, &self.fair, passphrase)?,
        }
        let _ = std::fs::remove_file(recovery::recovery_path(path));
        self.mark_saved(path.to_path_buf());
        Ok(())
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

    /// Indexes of the booths whose employer (pinyin and initials too), id, zone or industry
    /// contain every term of `text`, in fair order; all of them for empty text.
    pub fn find_booths(&self, text: &str) -> Vec<usize> {
        let query = search::Query::parse(text);
        (0..self.fair.booths.len())
            .filter(|&i| query.is_empty() || self.booth_keys.get(i).is_some_and(|k| k.matches(&query)))
            .collect()
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

    /// The record at `index` of `table`'s list in the fair.
    pub fn record_at(&self, table: Table, index: usize) -> Option<Record> {
        match table {
            Table::Booths => self.fair.booths.get(index).map(|b| Record::Booth(b.id.clone())),
            Table::Positions => self.fair.positions.get(index).map(|p| Record::Position(p.id.clone())),
            Table::Candidates => self.fair.candidates.get(index).map(|c| Record::Candidate(c.id.clone())),
        }
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

    /// Why `candidate` and `position` match as they do (for the match panel and the booth desk).
    pub fn explain(&self, candidate: &CandidateId, position: &PositionId) -> Option<Explanation> {
        self.matcher.explain(&self.fair, candidate, position)
    }

    /// Whether any name in the fair uses Chinese characters (for the missing-font notice).
    pub fn has_chinese(&self) -> bool {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        chinese(&self.fair.meta.name)
            || self.fair.booths.iter().take(50).any(|b| chinese(&b.employer))
            || self.fair.candidates.iter().take(50).any(|c| chinese(&c.name))
    }
}

/// The bundled sample fair, shown on a first start.
pub fn sample_fair() -> Fair {
    crate::generate::sample_fair()
}

#[cfg(test)]
mod tests;

//! The job runner: everything that touches files or can take longer than a frame runs here, on
//! a thread of its own, while the window keeps drawing.
//!
//! A job is one [`Job`] variant plus one function that turns it into a [`Task`]: the function
//! takes what the job needs from the state (a shared snapshot of the fair, never a borrow), the
//! task's work runs on the job's thread with a [`JobContext`] for progress and cancellation, and
//! hands back a finisher that applies the result to the state on the window's thread, once,
//! when [`AppState::poll_jobs`] collects it. A cancelled job's finisher never runs.

mod allocation;
mod csv_files;
mod fair_files;
mod import_questions;
pub mod itinerary;
mod recovery;
mod report;
mod schedule;
mod station_logs;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use allocation::{AllocationReport, AllocationRow};
pub use csv_files::{CsvKind, PendingImport};
pub(crate) use fair_files::locks;
pub use import_questions::{EncodingChoice, ImportAnswers, ImportQuestion};
pub use schedule::ScheduleReport;

use super::AppState;
use super::merge::MergeReport;
use super::safety::{Passphrase, RecoveryOffer};
use crate::matching::CandidateScope;
use crate::model::{BoothId, Lang};

/// A text for the person at the window, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    pub en: String,
    pub zh: String,
}

impl Message {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
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

/// Something slow to do off the window's thread. Each variant is started by one function (see
/// [`AppState::start`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Read, parse and index a fair file, then open it. `fallback_to_sample`: at start-up there
    /// is no fair to keep, so a failed or cancelled open shows the bundled sample.
    /// `read_only`: without taking the file's lock (another fairmatch holds it); saving over it
    /// is refused. `passphrase`: for an encrypted fair, kept to save it encrypted again.
    Open {
        path: PathBuf,
        fallback_to_sample: bool,
        read_only: bool,
        passphrase: Option<Passphrase>,
    },
    /// Write the fair as it is when the job starts (atomically; a failure leaves the file as it was).
    Save { path: PathBuf },
    /// Parse a CSV file against the fair's ids; its good rows are added as one undoable edit.
    /// `answers`: what the user said to the import's questions (an encoding, label mappings).
    ImportCsv {
        kind: CsvKind,
        path: PathBuf,
        answers: ImportAnswers,
    },
    ExportCsv {
        table: crate::store::csv_export::ExportTable,
        path: PathBuf,
    },
    /// Write the last allocation as `candidate_id,position_id,reason`.
    ExportAllocation { path: PathBuf },
    /// Run the stable allocation on the fair and its matches as they are now, placing the
    /// candidates in `scope` (on fair day: those checked in).
    Allocate { scope: CandidateScope },
    /// Make the interview timetable from the allocation of `scope` and the open invitations,
    /// with `settings` (gap, slot length); applied as one undoable edit.
    Schedule {
        scope: CandidateScope,
        settings: crate::model::ScheduleSettings,
    },
    /// Add interviews for these requests (a booth's shortlist or its "worth inviting" list)
    /// around the timetable there is, which does not move; one undoable edit. Invited requests
    /// go first, then higher scores (see [`crate::schedule::schedule_more`]).
    ScheduleMore { requests: Vec<crate::schedule::Request> },
    /// Write one candidate's interviews and sessions to print: a PDF, or text for a `.txt` path.
    ExportItinerary {
        candidate: crate::model::CandidateId,
        lang: Lang,
        path: PathBuf,
    },
    /// Write this laptop's station log (its own events).
    ExportStationLog { path: PathBuf },
    /// Read station logs and merge them into the fair as one undoable edit.
    MergeStationLogs { paths: Vec<PathBuf> },
    /// Write a booth's visitors (one day, or all days when `day` is `None`) as CSV.
    ExportShortlist {
        booth: BoothId,
        day: Option<chrono::NaiveDate>,
        lang: Lang,
        path: PathBuf,
    },
    /// Write the fair report in `lang`: a PDF, or an Excel workbook for a `.xlsx` path.
    ExportReport { lang: Lang, path: PathBuf },
    /// Write the fair as it is to its recovery copy (unsaved organizer edits).
    WriteRecovery { copy: PathBuf },
    /// Open a recovery copy in place of its fair (same path, unsaved).
    RestoreRecovery(RecoveryOffer),
    /// Delete a recovery copy.
    DiscardRecovery(RecoveryOffer),
}

impl Job {
    /// Open `path` the usual way: locked, asking for a passphrase if it is encrypted.
    pub fn open(path: PathBuf, fallback_to_sample: bool) -> Job {
        Job::Open {
            path,
            fallback_to_sample,
            read_only: false,
            passphrase: None,
        }
    }
}

/// What a finished job tells the window.
#[derive(Debug)]
pub enum JobOutcome {
    /// Done; a line for the status bar.
    Done(Message),
    /// Failed; `summary` heads the error panel, `detail` says what and where.
    Failed { summary: Message, detail: String },
    /// A fair file was opened (the window resets what it showed of the previous fair).
    Opened,
    /// A CSV import found bad rows: nothing is added until the user has seen them and chosen.
    ImportBadRows(PendingImport),
    /// A CSV import needs an answer (which encoding; which label each unknown value means)
    /// before it runs again. Nothing was added.
    ImportQuestion(ImportQuestion),
    /// An allocation finished; it is in [`AppState::allocation`].
    Allocated,
    /// Station logs were merged (one undo step); what they brought.
    Merged(MergeReport),
    /// Another fairmatch (process `holder`, when known) has the file open; nothing was read.
    /// The window offers to open it read-only.
    Locked { path: PathBuf, holder: Option<u32> },
    /// The file is encrypted: the window asks for the passphrase (again, with `error`, after a
    /// wrong one). Nothing was opened.
    NeedsPassphrase {
        path: PathBuf,
        read_only: bool,
        error: Option<String>,
    },
}

/// Identifies a running job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct JobId(u64);

/// A job that finished, with what it tells the window.
#[derive(Debug)]
pub struct Finished {
    pub id: JobId,
    pub job: Job,
    pub outcome: JobOutcome,
}

/// A running job as the window shows it.
#[derive(Debug, Clone)]
pub struct JobInfo<'a> {
    pub id: JobId,
    pub job: &'a Job,
    pub label: &'a Message,
    pub elapsed: Duration,
    /// How far along it is, where known (0 to 1).
    pub fraction: Option<f32>,
    /// What it is doing now, where it says.
    pub stage: Option<Message>,
    pub cancellable: bool,
}

/// Applies a job's result to the state, on the window's thread.
pub(crate) type Finish = Box<dyn FnOnce(&mut AppState) -> JobOutcome + Send>;

/// What a job does, made by its start function from the state.
pub(crate) struct Task {
    label: Message,
    cancellable: bool,
    work: Box<dyn FnOnce(&JobContext) -> Finish + Send>,
}

impl Task {
    fn new(label: Message, cancellable: bool, work: impl FnOnce(&JobContext) -> Finish + Send + 'static) -> Self {
        Self {
            label,
            cancellable,
            work: Box::new(work),
        }
    }

    /// A job that fails at once (what it needs is not there), without a thread.
    fn failed(label: Message, summary: Message, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self::new(label, false, move |_| failed(summary, detail))
    }
}

/// A finisher that only reports a failure.
fn failed(summary: Message, detail: impl Into<String>) -> Finish {
    let detail = detail.into();
    Box::new(move |_| JobOutcome::Failed { summary, detail })
}

/// A finisher that only reports success.
fn done(message: Message) -> Finish {
    Box::new(move |_| JobOutcome::Done(message))
}

#[derive(Debug, Default)]
struct Progress {
    fraction: Option<f32>,
    stage: Option<Message>,
}

/// Wakes the window when a job finishes, so its result shows without waiting for input.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What a job's work sees: whether it was cancelled, and where to report progress.
#[derive(Clone)]
pub struct JobContext {
    cancel: Arc<AtomicBool>,
    progress: Arc<Mutex<Progress>>,
    waker: Option<Waker>,
}

impl JobContext {
    /// True once the job was cancelled: its result will be thrown away, so stop early.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn set_fraction(&self, fraction: f32) {
        if let Ok(mut p) = self.progress.lock() {
            p.fraction = Some(fraction.clamp(0.0, 1.0));
        }
        self.wake();
    }

    pub fn set_stage(&self, stage: Message) {
        if let Ok(mut p) = self.progress.lock() {
            p.stage = Some(stage);
        }
        self.wake();
    }

    fn wake(&self) {
        if let Some(waker) = &self.waker {
            waker();
        }
    }
}

struct Running {
    id: JobId,
    job: Job,
    label: Message,
    cancellable: bool,
    started: Instant,
    context: JobContext,
    receiver: Receiver<Finish>,
}

/// The running jobs. Each runs on a thread of its own; results are collected by polling.
#[derive(Default)]
pub(crate) struct Jobs {
    next: u64,
    running: Vec<Running>,
    waker: Option<Waker>,
}

impl Jobs {
    fn spawn(&mut self, job: Job, task: Task) -> JobId {
        self.next += 1;
        let id = JobId(self.next);
        let context = JobContext {
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(Mutex::new(Progress::default())),
            waker: self.waker.clone(),
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let Task {
            label,
            cancellable,
            work,
        } = task;
        let thread_context = context.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("job {}", self.next))
            .spawn(move || {
                let finish = work(&thread_context);
                // Nobody listens once the job was cancelled: the result is dropped here.
                let _ = sender.send(finish);
                thread_context.wake();
            });
        if let Err(e) = spawned {
            // No thread: the job fails at once (reported at the next poll).
            let (sender, fallback) = std::sync::mpsc::channel();
            let summary = label.clone();
            let _ = sender.send(failed(summary, format!("could not start a thread: {e}")));
            self.running.push(Running {
                id,
                job,
                label,
                cancellable,
                started: Instant::now(),
                context,
                receiver: fallback,
            });
            return id;
        }
        self.running.push(Running {
            id,
            job,
            label,
            cancellable,
            started: Instant::now(),
            context,
            receiver,
        });
        id
    }

    /// Takes the finished jobs out of the running list, in the order they were started.
    fn take_finished(&mut self) -> Vec<(JobId, Job, Finish)> {
        let mut finished = Vec::new();
        let mut i = 0;
        while i < self.running.len() {
            let result = self.running[i].receiver.try_recv();
            match result {
                Err(TryRecvError::Empty) => i += 1,
                Ok(finish) => {
                    let r = self.running.remove(i);
                    finished.push((r.id, r.job, finish));
                }
                Err(TryRecvError::Disconnected) => {
                    let r = self.running.remove(i);
                    let finish = failed(r.label.clone(), "the job stopped unexpectedly");
                    finished.push((r.id, r.job, finish));
                }
            }
        }
        finished
    }

    fn cancel(&mut self, id: JobId) -> Option<Job> {
        let i = self.running.iter().position(|r| r.id == id && r.cancellable)?;
        let r = self.running.remove(i);
        r.context.cancel.store(true, Ordering::Relaxed);
        Some(r.job)
    }
}

impl AppState {
    /// Starts `job` on a thread of its own; its result arrives through [`AppState::poll_jobs`].
    pub fn start(&mut self, job: Job) -> JobId {
        if let Job::Save { path } = &job
            && let Some(running) = self.jobs.running.iter().find(|r| matches!(r.job, Job::Save { .. }))
        {
            // Two saves writing at once could leave the older state on disk marked as saved.
            let id = running.id;
            self.queued_save = Some(path.clone());
            return id;
        }
        let task = match &job {
            Job::Open {
                path,
                fallback_to_sample,
                read_only,
                passphrase,
            } => fair_files::open(
                self,
                fair_files::OpenRequest {
                    path: path.clone(),
                    fallback_to_sample: *fallback_to_sample,
                    read_only: *read_only,
                    passphrase: passphrase.clone(),
                },
            ),
            Job::Save { path } => fair_files::save(self, path.clone()),
            Job::ImportCsv { kind, path, answers } => csv_files::import(self, *kind, path.clone(), answers.clone()),
            Job::ExportCsv { table, path } => csv_files::export(self, *table, path.clone()),
            Job::ExportAllocation { path } => csv_files::export_allocation(self, path.clone()),
            Job::Allocate { scope } => allocation::allocate(self, *scope),
            Job::Schedule { scope, settings } => schedule::make(self, *scope, *settings),
            Job::ScheduleMore { requests } => schedule::more(self, requests.clone()),
            Job::ExportItinerary { candidate, lang, path } => {
                itinerary::export(self, candidate.clone(), *lang, path.clone())
            }
            Job::ExportStationLog { path } => station_logs::export(self, path.clone()),
            Job::MergeStationLogs { paths } => station_logs::merge(self, paths.clone()),
            Job::ExportReport { lang, path } => report::export(self, *lang, path.clone()),
            Job::ExportShortlist { booth, day, lang, path } => {
                csv_files::export_shortlist(self, booth.clone(), *day, *lang, path.clone())
            }
            Job::WriteRecovery { copy } => recovery::write(self, copy.clone()),
            // Answered: the window stops offering it.
            Job::RestoreRecovery(offer) => {
                self.safety.recovery_offer = None;
                recovery::restore(self, offer.clone())
            }
            Job::DiscardRecovery(offer) => {
                self.safety.recovery_offer = None;
                recovery::discard(offer.clone())
            }
        };
        self.jobs.spawn(job, task)
    }

    /// Runs the finishers of the jobs that finished since the last call, in the order they were
    /// started, and says what each did. Call once per frame.
    pub fn poll_jobs(&mut self) -> Vec<Finished> {
        self.poll_sync();
        let finished = self.jobs.take_finished();
        finished
            .into_iter()
            .map(|(id, job, finish)| Finished {
                id,
                job,
                outcome: finish(self),
            })
            .collect()
    }

    /// Blocks until every running job has finished and returns what they did (tests, benchmarks).
    pub fn wait_for_jobs(&mut self) -> Vec<Finished> {
        let mut all = Vec::new();
        while !self.jobs.running.is_empty() {
            all.extend(self.poll_jobs());
            if !self.jobs.running.is_empty() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        all
    }

    /// Stops waiting for a job (where that makes sense: open, import, allocation, merge); its
    /// result is thrown away. A cancelled open at start-up shows the bundled sample.
    pub fn cancel_job(&mut self, id: JobId) {
        if let Some(Job::Open {
            fallback_to_sample: true,
            ..
        }) = self.jobs.cancel(id)
        {
            self.replace_fair(crate::generate::sample_fair(), None);
        }
    }

    /// The running jobs, oldest first.
    pub fn jobs(&self) -> impl Iterator<Item = JobInfo<'_>> {
        self.jobs.running.iter().map(|r| {
            let (fraction, stage) = r
                .context
                .progress
                .lock()
                .map(|p| (p.fraction, p.stage.clone()))
                .unwrap_or_default();
            JobInfo {
                id: r.id,
                job: &r.job,
                label: &r.label,
                elapsed: r.started.elapsed(),
                fraction,
                stage,
                cancellable: r.cancellable,
            }
        })
    }

    /// The file being opened, while an open runs: nothing may act on the fair meanwhile.
    pub fn opening(&self) -> Option<JobInfo<'_>> {
        self.jobs().find(|j| matches!(j.job, Job::Open { .. }))
    }

    /// Whether a job like `job` (same variant) is running.
    pub fn is_running(&self, job: &Job) -> bool {
        self.jobs
            .running
            .iter()
            .any(|r| std::mem::discriminant(&r.job) == std::mem::discriminant(job))
    }

    /// Called when a job finishes or reports progress (the window asks for a repaint).
    pub fn set_job_waker(&mut self, waker: impl Fn() + Send + Sync + 'static) {
        self.jobs.waker = Some(Arc::new(waker));
    }

    /// What wakes the window (jobs and live sync call it when they have news).
    pub(crate) fn waker(&self) -> Waker {
        self.jobs.waker.clone().unwrap_or_else(|| Arc::new(|| {}))
    }
}

/// What a finished job says when another fair was opened meanwhile: its result is dropped.
fn for_another_fair(label: &Message) -> JobOutcome {
    JobOutcome::Done(Message::new(
        format!(
            "{}: another fair was opened meanwhile; the result was dropped",
            label.en
        ),
        format!("{}：期间已打开另一招聘会，结果已丢弃", label.zh),
    ))
}

/// The file name of `path` for messages, or the whole path when it has none.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned())
}

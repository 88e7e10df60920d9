//! The fair as plain serde data: booths, positions, candidates, visits, settings.
//!
//! No egui, no I/O. Everything here serializes to the RON fair file as it stands;
//! lookup indexes live in [`FairIndex`] and are rebuilt, never stored.

pub mod agenda;
pub mod labels;
pub mod skills;
mod validate;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub use agenda::{DEFAULT_SLOT_MINUTES, Interview, InterviewHours, ScheduleSettings};
pub use labels::{
    Education, EmployerKind, Industry, LabelMapping, Lang, NextStep, ProjectStage, ProjectStatus, SessionKind,
    TalentTier, Vocabulary, WorkMode,
};
pub use projects::{Project, ProjectId, ProjectSeeks, ProjectStep, Session, SessionId};
pub use skills::{SkillDictionary, SkillGroup, SkillId};
pub use validate::{Problem, validate};

/// Version of the fair file format this build writes. Files with a higher version are refused,
/// so a build that does not know a part of the file cannot load it and drop that part on save.
/// 2: projects, sessions, booth interview hours, the interview schedule, session check-ins.
pub const FORMAT_VERSION: u32 = 2;

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

string_id!(
    /// Unique id of a fair; station logs from another fair are refused by it.
    FairId
);
string_id!(
    /// Booth number as printed on the floor, e.g. `A-012`.
    BoothId
);
string_id!(PositionId);
string_id!(CandidateId);
string_id!(VisitId);

// After `string_id!` so the module can use it.
pub mod erase;
pub mod events;
pub mod projects;
pub use erase::{Tombstone, erase_candidate, restore_candidate, scrub_erased_events};
pub use events::{
    DuplicateDecision, EventId, EventKind, STATION_LOG_VERSION, StationEvent, StationId, StationLog, derived_events,
};

/// Local wall-clock time at the venue. Fairs happen in one place, so no time zone.
pub type LocalTime = NaiveDateTime;

/// Monthly salary in CNY (yuan), whole numbers only.
pub type Yuan = u32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fair {
    pub format_version: u32,
    pub meta: FairMeta,
    #[serde(default)]
    pub settings: MatchSettings,
    #[serde(default)]
    pub booths: Vec<Booth>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
    #[serde(default)]
    pub visits: Vec<Visit>,
    /// What fair-day stations recorded; check-ins, walk-ins and visits above agree with it.
    #[serde(default)]
    pub events: Vec<StationEvent>,
    /// The organizer's answers to possible duplicates found when merging station logs.
    /// Left out of the file while empty, so fairs without any read and write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_decisions: Vec<DuplicateDecision>,
    /// How organizers' own words map to labels on import (`返乡大学生` → Returnee), so the
    /// next import of the same sheet goes through. Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub label_mappings: Vec<LabelMapping>,
    /// People whose personal data was erased: merging an older station log never brings it
    /// back. Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub erased: Vec<Tombstone>,
    /// The interview timetable (`fairmatch schedule`, the Schedule view). Left out of the
    /// file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<Interview>,
    /// Projects seeking investment, sites, partners or customers. Left out of the file while
    /// empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Docking sessions, roadshows and interview blocks. Left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    /// The gap and slot length the timetable was made with. Left out of the file at defaults.
    #[serde(default, skip_serializing_if = "ScheduleSettings::is_default")]
    pub schedule: ScheduleSettings,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FairMeta {
    pub id: FairId,
    pub name: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub city: String,
    /// Floor zones in display order, e.g. "A 人工智能".
    #[serde(default)]
    pub zones: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Booth {
    pub id: BoothId,
    pub employer: String,
    pub employer_kind: EmployerKind,
    pub industry: Industry,
    #[serde(default)]
    pub zone: String,
    /// Top-left corner on the floor plan, in metres from the hall's corner.
    #[serde(default)]
    pub floor: Option<FloorSpot>,
    #[serde(default)]
    pub staff: Vec<String>,
    /// When the booth interviews; booths without hours are not scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviews: Option<InterviewHours>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct FloorSpot {
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SalaryRange {
    pub min: Yuan,
    pub max: Yuan,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub id: PositionId,
    pub booth: BoothId,
    pub title: String,
    pub openings: u32,
    /// Skill names as entered; resolved against the skill dictionary when matching,
    /// so an unknown spelling is kept rather than rejected.
    #[serde(default)]
    pub required_skills: Vec<String>,
    #[serde(default)]
    pub preferred_skills: Vec<String>,
    pub min_education: Education,
    #[serde(default)]
    pub min_experience_years: u8,
    /// `None` means negotiable (面议).
    #[serde(default)]
    pub salary: Option<SalaryRange>,
    #[serde(default)]
    pub city: String,
    pub work_mode: WorkMode,
    pub industry: Industry,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    pub education: Education,
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub major: String,
    #[serde(default)]
    pub graduation_year: Option<u16>,
    #[serde(default)]
    pub experience_years: u8,
    #[serde(default)]
    pub skills: Vec<String>,
    /// Monthly, CNY. `None` when the candidate did not say.
    #[serde(default)]
    pub expected_salary: Option<Yuan>,
    #[serde(default)]
    pub cities: Vec<String>,
    #[serde(default)]
    pub industries: Vec<Industry>,
    /// Empty means any mode is acceptable.
    #[serde(default)]
    pub work_modes: Vec<WorkMode>,
    pub tier: TalentTier,
    #[serde(default)]
    pub hometown: String,
    /// Whether booth staff may see phone and email.
    #[serde(default)]
    pub consent: bool,
    /// Code printed on the badge (barcode/QR); holds no personal data.
    #[serde(default)]
    pub badge: String,
    #[serde(default)]
    pub checked_in: Option<LocalTime>,
}

impl Candidate {
    /// A new registration with only an id and a name: a bachelor's student who has not said
    /// anything else yet. Forms start from it.
    pub fn blank(id: CandidateId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            phone: String::new(),
            email: String::new(),
            education: Education::Bachelor,
            school: String::new(),
            major: String::new(),
            graduation_year: None,
            experience_years: 0,
            skills: Vec::new(),
            expected_salary: None,
            cities: Vec::new(),
            industries: Vec::new(),
            work_modes: Vec::new(),
            tier: TalentTier::Student,
            hometown: String::new(),
            consent: false,
            badge: String::new(),
            checked_in: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PipelineStatus {
    /// The next step is still to happen.
    #[default]
    Open,
    /// The next step happened (interview held, offer answered).
    Done,
    /// The candidate or employer withdrew.
    Withdrawn,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub id: VisitId,
    pub candidate: CandidateId,
    pub booth: BoothId,
    /// The position discussed, when staff picked one.
    #[serde(default)]
    pub position: Option<PositionId>,
    pub at: LocalTime,
    /// 1 to 5 stars from booth staff.
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub notes: String,
    pub next_step: NextStep,
    #[serde(default)]
    pub status: PipelineStatus,
}

/// Organizer's matching weights and thresholds, stored in the fair file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchSettings {
    /// How many best matches to keep per candidate and per position.
    pub top_k: u16,
    /// Weight of fit (employer's view) in the combined score; appeal gets `1 - fit_weight`.
    pub fit_weight: f32,
    // Components of fit; normalized by their sum.
    pub required_skills_weight: f32,
    pub preferred_skills_weight: f32,
    pub education_weight: f32,
    pub experience_weight: f32,
    /// Points added to fit (0..=100 scale) for a 5-star visit rating; scaled linearly from 3 stars.
    pub rating_bonus: f32,
    // Components of appeal; normalized by their sum.
    pub salary_weight: f32,
    pub city_weight: f32,
    pub industry_weight: f32,
    pub work_mode_weight: f32,
    /// Credit (0..=1) for a skill that only shares a group with a required one.
    pub group_match_credit: f32,
    /// A pair whose fit and appeal are both below this is ineligible.
    pub min_score: f32,
}

impl Default for MatchSettings {
    fn default() -> Self {
        Self {
            top_k: 20,
            fit_weight: 0.6,
            required_skills_weight: 0.55,
            preferred_skills_weight: 0.15,
            education_weight: 0.15,
            experience_weight: 0.15,
            rating_bonus: 10.0,
            salary_weight: 0.4,
            city_weight: 0.25,
            industry_weight: 0.2,
            work_mode_weight: 0.15,
            group_match_credit: 0.35,
            min_score: 30.0,
        }
    }
}

impl Fair {
    /// An empty fair with a fresh id.
    pub fn new(id: FairId, name: impl Into<String>) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            meta: FairMeta {
                id,
                name: name.into(),
                ..FairMeta::default()
            },
            settings: MatchSettings::default(),
            booths: Vec::new(),
            positions: Vec::new(),
            candidates: Vec::new(),
            visits: Vec::new(),
            events: Vec::new(),
            duplicate_decisions: Vec::new(),
            label_mappings: Vec::new(),
            erased: Vec::new(),
            interviews: Vec::new(),
            projects: Vec::new(),
            sessions: Vec::new(),
            schedule: ScheduleSettings::default(),
        }
    }

    /// Total openings over all positions.
    pub fn total_openings(&self) -> u64 {
        self.positions.iter().map(|p| u64::from(p.openings)).sum()
    }
}

/// Id → index maps over a fair's vectors. Rebuild after structural edits (add/remove).
#[derive(Debug, Default, Clone)]
pub struct FairIndex {
    pub booths: HashMap<BoothId, usize>,
    pub positions: HashMap<PositionId, usize>,
    pub candidates: HashMap<CandidateId, usize>,
}

impl FairIndex {
    pub fn build(fair: &Fair) -> Self {
        Self {
            booths: fair.booths.iter().enumerate().map(|(i, b)| (b.id.clone(), i)).collect(),
            positions: fair
                .positions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i))
                .collect(),
            candidates: fair
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
        }
    }
}

//! Deterministic synthetic fairs at any scale, with realistic bilingual data.
//!
//! Every kind of record (booths, positions, candidates, visits) draws from its own ChaCha
//! stream of the same seed, so asking for more or fewer visits never changes the booths,
//! positions or candidates a seed yields; visits and the check-ins they imply come on top.
//!
//! One file per kind of record ([`booths`], [`positions`], [`candidates`], [`visits`]), what
//! to generate in [`presets`], shared drawing helpers in [`draw`], and the word lists they draw
//! from in [`data`] (RON files under `assets/generator/`).

mod booths;
mod candidates;
mod data;
mod draw;
mod positions;
mod presets;
mod projects;
mod sample;
mod visits;

pub use presets::{GenerateSpec, MAX_RECORDS, Preset};
pub use sample::{sample_fair, try_sample_fair};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::model::{BoothId, EmployerKind, Fair, FairId, InterviewHours, SkillDictionary};

/// The fair day of generated fairs; visits and check-ins happen on it.
pub const FAIR_DATE: (i32, u32, u32) = (2026, 3, 14);

// One ChaCha stream per kind of record.
const STREAM_BOOTHS: u64 = 1;
const STREAM_POSITIONS: u64 = 2;
const STREAM_CANDIDATES: u64 = 3;
const STREAM_VISITS: u64 = 4;
const STREAM_PROJECTS: u64 = 5;

fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Generates a fair. Out-of-range parts of the spec (see [`GenerateSpec::check`]) give fewer
/// records rather than a panic: no positions without booths, no visits without candidates.
pub fn generate(spec: &GenerateSpec) -> Fair {
    let dict = SkillDictionary::builtin();
    let pools = draw::SkillPools::new(dict);
    let booths = booths::generate_booths(spec, &mut stream(spec.seed, STREAM_BOOTHS));
    let positions = positions::generate_positions(spec, &booths, &pools, &mut stream(spec.seed, STREAM_POSITIONS));
    let mut candidates = candidates::generate_candidates(spec, &pools, &mut stream(spec.seed, STREAM_CANDIDATES));
    let visits = visits::generate_visits(
        spec,
        &booths,
        &positions,
        &mut candidates,
        &mut stream(spec.seed, STREAM_VISITS),
    );

    let id = FairId(format!(
        "gen-{}-{}b-{}p-{}c",
        spec.seed, spec.booths, spec.positions, spec.candidates
    ));
    let mut fair = Fair::new(
        id,
        format!(
            "2026 青岛人才供需对接大会 · Qingdao Talent Matching Fair 2026 (synthetic, seed {})",
            spec.seed
        ),
    );
    let date = fair_date();
    fair.meta.starts_on = date.to_string();
    fair.meta.ends_on = date.to_string();
    fair.meta.venue = "青岛国际会展中心 Qingdao International Convention Center".into();
    fair.meta.city = "青岛".into();
    let profiles = &data::industries().profiles;
    let mut used_zones: Vec<usize> = booths.iter().map(|b| profiles[b.profile].zone).collect();
    used_zones.sort_unstable();
    used_zones.dedup();
    fair.meta.zones = used_zones.into_iter().map(zone_label).collect();
    fair.booths = booths.into_iter().map(|b| b.booth).collect();
    fair.positions = positions.into_iter().map(|p| p.position).collect();
    give_interview_hours(&mut fair, date);
    name_counterparties(&mut fair);
    fair.candidates = candidates.into_iter().map(|c| c.candidate).collect();
    fair.visits = visits;
    let mut rng = stream(spec.seed, STREAM_PROJECTS);
    fair.projects = projects::generate_projects(&fair.candidates, &fair.booths, &pools, date, &mut rng);
    fair.sessions = projects::generate_sessions(&fair.projects, &fair.booths, &fair.candidates, date, &mut rng);
    // Each zone a block of double rows, the blocks across a hall about 1.6 times wider than deep:
    // the floor plan fits a screen, where one column of booths per zone made strips 170 m long.
    crate::insight::floor::lay_out_all(&mut fair);
    // The day's check-ins and visits as station events, so a station-log export of this fair
    // merged into the same seed generated without visits reproduces them.
    fair.events = crate::model::derived_events(&fair);
    fair
}

/// Investment companies and park operators among the employers are the counterparties
/// projects look for: their kind says so (by name, with no random draws).
fn name_counterparties(fair: &mut Fair) {
    for booth in &mut fair.booths {
        if booth.employer_kind != EmployerKind::Enterprise {
            continue;
        }
        if booth.employer.contains("投资") || booth.employer.contains("资本") {
            booth.employer_kind = EmployerKind::Investor;
        } else if booth.employer.contains("产业园") {
            booth.employer_kind = EmployerKind::Park;
        }
    }
}

/// Every booth interviews from 9:30 to 16:30, with one interviewer per ten positions it
/// brings (one to four). No random draws, so the rest of a generated fair is as before.
fn give_interview_hours(fair: &mut Fair, date: NaiveDate) {
    let mut positions: std::collections::HashMap<&BoothId, u32> = std::collections::HashMap::new();
    for p in &fair.positions {
        *positions.entry(&p.booth).or_default() += 1;
    }
    let at = |h, m| date.and_hms_opt(h, m, 0).unwrap_or_default();
    let interviewers: Vec<u32> = fair
        .booths
        .iter()
        .map(|b| (1 + positions.get(&b.id).copied().unwrap_or(0) / 10).min(4))
        .collect();
    for (booth, interviewers) in fair.booths.iter_mut().zip(interviewers) {
        booth.interviews = Some(InterviewHours {
            start: at(9, 30),
            end: at(16, 30),
            interviewers,
            slot_minutes: None,
        });
    }
}

fn fair_date() -> NaiveDate {
    let (y, m, d) = FAIR_DATE;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn zone_label(zone: usize) -> String {
    let (letter, name) = data::industries().zones[zone];
    format!("{letter} {name}")
}

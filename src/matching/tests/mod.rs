//! Tests of the matcher, by the part under test; the random fairs and edits they share, and
//! the checks against a fresh build, are here.

mod allocation;
mod build;
mod explain;
mod scoring;
mod update;

use super::*;

use std::collections::HashMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{
    Booth, BoothId, Candidate, Education, EmployerKind, FairId, Industry, MatchSettings, NextStep, PipelineStatus,
    Position, SalaryRange, TalentTier, Visit, VisitId, WorkMode,
};

/// Dictionary spellings (with aliases and groups) mixed with skills the dictionary lacks.
const SKILLS: &[&str] = &[
    "Python",
    "python3",
    "ML",
    "机器学习",
    "deep learning",
    "SQL",
    "Rust",
    "Go",
    "CAD",
    "焊接",
    "Excel",
    "PLC",
    "Zorblax",
    "qux",
];
const CITIES: &[&str] = &["杭州", "杭州市", "Qingdao", "qingdao", "西宁", ""];
const INDUSTRIES: &[Industry] = &[
    Industry::ArtificialIntelligence,
    Industry::Software,
    Industry::IntelligentManufacturing,
    Industry::Marine,
];

fn pick_many(rng: &mut ChaCha8Rng, from: &[&str], max: usize) -> Vec<String> {
    let n = rng.random_range(0..=max);
    (0..n).map(|_| from.choose(rng).unwrap().to_string()).collect()
}

fn random_candidate(rng: &mut ChaCha8Rng, id: &str) -> Candidate {
    let modes: Vec<WorkMode> = (0..rng.random_range(0..=2))
        .map(|_| *WorkMode::ALL.choose(rng).unwrap())
        .collect();
    Candidate {
        id: CandidateId::new(id),
        name: format!("name {id}"),
        phone: String::new(),
        email: String::new(),
        education: *Education::ALL.choose(rng).unwrap(),
        school: String::new(),
        major: String::new(),
        graduation_year: None,
        experience_years: rng.random_range(0..8),
        skills: pick_many(rng, SKILLS, 4),
        expected_salary: rng.random_bool(0.8).then(|| rng.random_range(3..20) * 1000),
        cities: pick_many(rng, CITIES, 2),
        industries: (0..rng.random_range(0..=2))
            .map(|_| *INDUSTRIES.choose(rng).unwrap())
            .collect(),
        work_modes: modes,
        tier: TalentTier::Student,
        hometown: String::new(),
        consent: false,
        badge: String::new(),
        checked_in: None,
    }
}

fn random_position(rng: &mut ChaCha8Rng, id: &str, booths: &[Booth]) -> Position {
    Position {
        id: PositionId::new(id),
        booth: booths.choose(rng).unwrap().id.clone(),
        title: format!("title {id}"),
        openings: rng.random_range(1..4),
        required_skills: pick_many(rng, SKILLS, 3),
        preferred_skills: pick_many(rng, SKILLS, 2),
        min_education: *Education::ALL.choose(rng).unwrap(),
        min_experience_years: rng.random_range(0..5),
        salary: rng.random_bool(0.8).then(|| {
            let min = rng.random_range(3..15) * 1000;
            SalaryRange {
                min,
                max: min + rng.random_range(0..8) * 1000,
            }
        }),
        city: CITIES.choose(rng).unwrap().to_string(),
        work_mode: *WorkMode::ALL.choose(rng).unwrap(),
        industry: *INDUSTRIES.choose(rng).unwrap(),
        description: String::new(),
    }
}

fn random_visit(rng: &mut ChaCha8Rng, fair: &Fair, n: usize) -> Option<Visit> {
    let c = fair.candidates.choose(rng)?;
    let p = fair.positions.choose(rng)?;
    let at = NaiveDate::from_ymd_opt(2026, 5, 1)?.and_hms_opt(9, 0, 0)? + chrono::Duration::minutes(n as i64 % 7);
    Some(Visit {
        id: VisitId::new(format!("V{n}")),
        candidate: c.id.clone(),
        booth: p.booth.clone(),
        position: rng.random_bool(0.6).then(|| p.id.clone()),
        at,
        rating: rng.random_bool(0.7).then(|| rng.random_range(1..=5)),
        notes: String::new(),
        next_step: *[NextStep::None, NextStep::Interview, NextStep::Reject, NextStep::Hired]
            .choose(rng)
            .unwrap(),
        status: PipelineStatus::Open,
    })
}

fn random_fair(rng: &mut ChaCha8Rng, n_pos: usize, n_cand: usize) -> Fair {
    let mut fair = Fair::new(FairId::new("test"), "test");
    fair.settings.top_k = *[1u16, 2, 3, 5].choose(rng).unwrap();
    fair.settings.min_score = *[0.0f32, 30.0, 60.0].choose(rng).unwrap();
    for b in 0..3 {
        fair.booths.push(Booth {
            id: BoothId::new(format!("B{b}")),
            employer: format!("employer {b}"),
            employer_kind: EmployerKind::Enterprise,
            industry: Industry::Software,
            zone: String::new(),
            floor: None,
            staff: Vec::new(),
            interviews: None,
        });
    }
    for i in 0..n_pos {
        let p = random_position(rng, &format!("P{i:03}"), &fair.booths);
        fair.positions.push(p);
    }
    for i in 0..n_cand {
        let c = random_candidate(rng, &format!("C{i:03}"));
        fair.candidates.push(c);
    }
    for n in 0..rng.random_range(0..n_cand) {
        if let Some(v) = random_visit(rng, &fair, n) {
            fair.visits.push(v);
        }
    }
    fair
}

/// Applies one random edit to `fair` and reports it to `m`.
fn random_edit(rng: &mut ChaCha8Rng, fair: &mut Fair, m: &mut Matcher, serial: usize) {
    match rng.random_range(0..100) {
        0..30 if !fair.candidates.is_empty() => {
            let i = rng.random_range(0..fair.candidates.len());
            let id = fair.candidates[i].id.clone();
            fair.candidates[i] = random_candidate(rng, id.as_str());
            m.candidate_changed(fair, &id);
        }
        30..38 => {
            // New, or re-adding an id removed earlier (with its visits still in the fair).
            let id = format!("C{:03}", rng.random_range(0..200));
            if !fair.candidates.iter().any(|c| c.id.as_str() == id) {
                let c = random_candidate(rng, &id);
                let at = rng.random_range(0..=fair.candidates.len());
                fair.candidates.insert(at, c);
                m.candidate_changed(fair, &CandidateId::new(id));
            }
        }
        38..45 if !fair.candidates.is_empty() => {
            let i = rng.random_range(0..fair.candidates.len());
            let c = fair.candidates.remove(i);
            m.candidate_changed(fair, &c.id);
        }
        45..65 if !fair.positions.is_empty() => {
            let i = rng.random_range(0..fair.positions.len());
            let id = fair.positions[i].id.clone();
            fair.positions[i] = random_position(rng, id.as_str(), &fair.booths);
            m.position_changed(fair, &id);
        }
        65..70 => {
            let id = format!("P{:03}", rng.random_range(0..100));
            if !fair.positions.iter().any(|p| p.id.as_str() == id) {
                let p = random_position(rng, &id, &fair.booths);
                let at = rng.random_range(0..=fair.positions.len());
                fair.positions.insert(at, p);
                m.position_changed(fair, &PositionId::new(id));
            }
        }
        70..75 if !fair.positions.is_empty() => {
            let i = rng.random_range(0..fair.positions.len());
            let p = fair.positions.remove(i);
            m.position_changed(fair, &p.id);
        }
        75..88 => {
            if let Some(v) = random_visit(rng, fair, 10_000 + serial) {
                let (c, b) = (v.candidate.clone(), v.booth.clone());
                fair.visits.push(v);
                m.visits_changed(fair, &c, &b);
            }
        }
        88..94 if !fair.visits.is_empty() => {
            let i = rng.random_range(0..fair.visits.len());
            if rng.random_bool(0.5) {
                let v = fair.visits.remove(i);
                m.visits_changed(fair, &v.candidate, &v.booth);
            } else {
                let v = &mut fair.visits[i];
                v.rating = Some(rng.random_range(1..=5));
                v.next_step = *NextStep::ALL.choose(rng).unwrap();
                let (c, b) = (v.candidate.clone(), v.booth.clone());
                m.visits_changed(fair, &c, &b);
            }
        }
        94..97 => {
            let b = fair.booths.choose(rng).unwrap().id.clone();
            m.booth_changed(fair, &b);
        }
        97..100 => {
            fair.settings.top_k = rng.random_range(1..6);
            fair.settings.fit_weight = rng.random_range(0.0..1.0);
            fair.settings.group_match_credit = rng.random_range(0.0..1.0);
            m.settings_changed(fair);
        }
        _ => {}
    }
}

fn assert_same_as_rebuild(fair: &Fair, m: &Matcher) {
    let fresh = Matcher::build(fair);
    for c in &fair.candidates {
        assert_eq!(
            m.top_positions(&c.id),
            fresh.top_positions(&c.id),
            "top positions of {}",
            c.id
        );
    }
    for p in &fair.positions {
        assert_eq!(
            m.top_candidates(&p.id),
            fresh.top_candidates(&p.id),
            "top candidates of {}",
            p.id
        );
    }
    assert_eq!(m.candidates_without_match(), fresh.candidates_without_match());
    assert_eq!(m.positions_without_match(), fresh.positions_without_match());
    assert_preference_prefixes_exact(fair, m);
    assert_eq!(m.allocate(fair), fresh.allocate_reference(fair));
}

/// Each cached preference prefix is the start of the candidate's full eligible row in
/// allocation order, and all of it when marked complete.
fn assert_preference_prefixes_exact(fair: &Fair, m: &Matcher) {
    for cand in &fair.candidates {
        let Some(&c) = m.cand_slot.get(&cand.id) else {
            continue;
        };
        let mut full = m.eligible_positions(&cand.id);
        sort_by_candidate_preference(&mut full);
        let prefix: Vec<Scored> = m.prefs.lists[c as usize]
            .entries
            .iter()
            .map(|e| Scored {
                candidate: cand.id.clone(),
                position: m.pos_ids[e.other as usize].clone(),
                fit: e.fit,
                appeal: e.appeal,
                score: e.score,
            })
            .collect();
        assert!(prefix.len() <= full.len(), "prefix of {} longer than its row", cand.id);
        assert_eq!(prefix, full[..prefix.len()], "preference prefix of {}", cand.id);
        if m.prefs.lists[c as usize].complete {
            assert_eq!(prefix.len(), full.len(), "complete prefix of {}", cand.id);
        }
    }
}

/// Candidate `c` prefers `a` to `b` (both eligible scores) by appeal, fit, then position id.
fn candidate_prefers(a: &Scored, b: &Scored) -> bool {
    (b.appeal, b.fit, &a.position) < (a.appeal, a.fit, &b.position)
}

/// Sorts eligible pairs of one candidate in its order of preference, most preferred first.
fn sort_by_candidate_preference(pairs: &mut [Scored]) {
    pairs.sort_by(|a, b| {
        if candidate_prefers(a, b) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
}

/// Position prefers `a` to `b` by fit, then candidate id.
fn position_prefers(a: &Scored, b: &Scored) -> bool {
    (b.fit, &a.candidate) < (a.fit, &b.candidate)
}

fn one_pair_fair() -> Fair {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut fair = random_fair(&mut rng, 1, 1);
    fair.visits.clear();
    fair.settings.min_score = 0.0;
    let p = &mut fair.positions[0];
    p.required_skills = vec!["Python".into(), "深度学习".into(), "Zorblax tuning".into()];
    p.preferred_skills = vec!["SQL".into()];
    p.min_education = Education::Master;
    p.min_experience_years = 4;
    p.salary = Some(SalaryRange { min: 8000, max: 10000 });
    p.city = "杭州市".into();
    p.work_mode = WorkMode::Hybrid;
    p.industry = Industry::ArtificialIntelligence;
    let c = &mut fair.candidates[0];
    c.skills = vec!["python3".into(), "ML".into(), "sql".into()];
    c.education = Education::Bachelor;
    c.experience_years = 2;
    c.expected_salary = Some(12000);
    c.cities = vec!["杭州".into()];
    c.industries = vec![Industry::Software];
    c.work_modes = vec![WorkMode::Remote, WorkMode::Hybrid];
    fair
}

/// Visit `V1` of candidate `c` at `booth` (no position named) at 10:00 on the fair's day.
fn booth_visit(c: &CandidateId, booth: BoothId, rating: Option<u8>, next_step: NextStep) -> Visit {
    Visit {
        id: VisitId::new("V1"),
        candidate: c.clone(),
        booth,
        position: None,
        at: NaiveDate::from_ymd_opt(2026, 5, 1)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
        rating,
        notes: String::new(),
        next_step,
        status: PipelineStatus::Open,
    }
}

use super::keys::{KeyedRow, RowCounts, score_key};
use super::lists::{Entry, Order, PREF_CAP, top_of};
use super::scan::{Wanted, exact_needed_for};
use super::*;

use std::collections::HashMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{
    Booth, Education, EmployerKind, FairId, Industry, MatchSettings, NextStep, PipelineStatus, SalaryRange, TalentTier,
    Visit, VisitId, WorkMode,
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
        full.sort_by(|a, b| {
            if candidate_prefers(a, b) {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            }
        });
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// 24 cases × 250 edits: incremental lists equal a from-scratch build after every few edits.
    #[test]
    fn incremental_updates_equal_rebuild(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let n_pos = rng.random_range(1..25);
        let n_cand = rng.random_range(1..60);
        let mut fair = random_fair(&mut rng, n_pos, n_cand);
        let mut m = Matcher::build(&fair);
        for serial in 0..250 {
            random_edit(&mut rng, &mut fair, &mut m, serial);
            if serial % 10 == 9 {
                assert_same_as_rebuild(&fair, &m);
            }
        }
        assert_same_as_rebuild(&fair, &m);
    }

    /// Every listed score equals the pair's explanation and `pair`, and lists are sorted.
    #[test]
    fn explanations_agree_with_rankings(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let fair = random_fair(&mut rng, 15, 40);
        let m = Matcher::build(&fair);
        for c in &fair.candidates {
            let all = m.eligible_positions(&c.id);
            let top = m.top_positions(&c.id);
            prop_assert_eq!(top, &all[..all.len().min(m.top_k())]);
            for p in &fair.positions {
                let e = m.explain(&fair, &c.id, &p.id).unwrap();
                match m.pair(&c.id, &p.id).unwrap() {
                    Ok(s) => {
                        prop_assert!(e.eligible());
                        prop_assert_eq!(e.as_scored(), s.clone());
                        prop_assert!(all.contains(&s));
                        prop_assert!(!e.matched_required.is_empty() || p.required_skills.is_empty());
                    }
                    Err(rule) => {
                        prop_assert_eq!(e.rule(), Some(rule));
                        prop_assert!(!all.iter().any(|s| s.position == p.id));
                    }
                }
            }
        }
    }
}

/// Candidate `c` prefers `a` to `b` (both eligible scores) by appeal, fit, then position id.
fn candidate_prefers(a: &Scored, b: &Scored) -> bool {
    (b.appeal, b.fit, &a.position) < (a.appeal, a.fit, &b.position)
}

/// Position prefers `a` to `b` by fit, then candidate id.
fn position_prefers(a: &Scored, b: &Scored) -> bool {
    (b.fit, &a.candidate) < (a.fit, &b.candidate)
}

fn capacities(fair: &Fair, alloc: &Allocation) -> HashMap<PositionId, u32> {
    let caps: HashMap<PositionId, u32> = alloc
        .positions
        .iter()
        .map(|f| (f.position.clone(), f.capacity))
        .collect();
    for p in &fair.positions {
        let hired: std::collections::HashSet<&CandidateId> = fair
            .visits
            .iter()
            .filter(|v| v.next_step == NextStep::Hired && v.position.as_ref() == Some(&p.id))
            .map(|v| &v.candidate)
            .collect();
        assert_eq!(caps[&p.id], p.openings.saturating_sub(hired.len() as u32));
    }
    caps
}

/// No candidate and position would both rather be together than with what they got.
fn assert_stable(fair: &Fair, m: &Matcher, alloc: &Allocation) {
    let caps = capacities(fair, alloc);
    let assigned: HashMap<&CandidateId, &PositionId> = alloc.assigned.iter().map(|(c, p)| (c, p)).collect();
    let mut holders: HashMap<&PositionId, Vec<Scored>> = HashMap::new();
    for (c, p) in &alloc.assigned {
        let s = m.pair(c, p).unwrap().expect("assigned pairs are eligible");
        holders.entry(p).or_default().push(s);
    }
    for (p, list) in &holders {
        assert!(list.len() as u32 <= caps[*p], "{p} over capacity");
    }
    let hired: std::collections::HashSet<&CandidateId> = fair
        .visits
        .iter()
        .filter(|v| v.next_step == NextStep::Hired)
        .map(|v| &v.candidate)
        .collect();
    for c in &fair.candidates {
        if hired.contains(&c.id) {
            assert!(!assigned.contains_key(&c.id));
            continue;
        }
        let current = assigned.get(&c.id).map(|p| m.pair(&c.id, p).unwrap().unwrap());
        for p in &fair.positions {
            let Ok(s) = m.pair(&c.id, &p.id).unwrap() else { continue };
            if current.as_ref().is_some_and(|cur| !candidate_prefers(&s, cur)) {
                continue;
            }
            let held = holders.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
            let has_room = (held.len() as u32) < caps[&p.id];
            let would_displace = held.iter().any(|h| position_prefers(&s, h));
            assert!(!has_room && !would_displace, "blocking pair {} / {}", c.id, p.id);
        }
    }
}

/// All stable matchings by enumeration; returns the one every candidate likes best.
fn brute_force_candidate_optimal(fair: &Fair, m: &Matcher) -> Vec<(CandidateId, PositionId)> {
    let caps: HashMap<PositionId, u32> = {
        let alloc = m.allocate(fair);
        alloc
            .positions
            .iter()
            .map(|f| (f.position.clone(), f.capacity))
            .collect()
    };
    let hired: std::collections::HashSet<&CandidateId> = fair
        .visits
        .iter()
        .filter(|v| v.next_step == NextStep::Hired)
        .map(|v| &v.candidate)
        .collect();
    let options: Vec<(CandidateId, Vec<Scored>)> = fair
        .candidates
        .iter()
        .filter(|c| !hired.contains(&c.id))
        .map(|c| {
            let list: Vec<Scored> = fair
                .positions
                .iter()
                .filter_map(|p| m.pair(&c.id, &p.id).unwrap().ok())
                .collect();
            (c.id.clone(), list)
        })
        .collect();
    let mut choice = vec![0usize; options.len()]; // 0 = unassigned, i = options[..].1[i-1]
    let mut stable: Vec<Vec<Option<Scored>>> = Vec::new();
    loop {
        let matching: Vec<Option<Scored>> = options
            .iter()
            .zip(&choice)
            .map(|((_, list), &k)| (k > 0).then(|| list[k - 1].clone()))
            .collect();
        let mut load: HashMap<&PositionId, Vec<&Scored>> = HashMap::new();
        for s in matching.iter().flatten() {
            load.entry(&s.position).or_default().push(s);
        }
        let feasible = load.iter().all(|(p, l)| l.len() as u32 <= caps[*p]);
        if feasible {
            let blocking = options.iter().zip(&matching).any(|((_, list), cur)| {
                list.iter().any(|s| {
                    let better = cur.as_ref().is_none_or(|c| candidate_prefers(s, c));
                    let held = load.get(&s.position).map(Vec::as_slice).unwrap_or(&[]);
                    better && ((held.len() as u32) < caps[&s.position] || held.iter().any(|h| position_prefers(s, h)))
                })
            });
            if !blocking {
                stable.push(matching);
            }
        }
        // Next combination.
        let mut i = 0;
        loop {
            if i == choice.len() {
                let best = stable
                    .iter()
                    .find(|cand| {
                        stable.iter().all(|other| {
                            cand.iter().zip(other).all(|(a, b)| match (a, b) {
                                (_, None) => true,
                                (None, Some(_)) => false,
                                (Some(a), Some(b)) => a == b || candidate_prefers(a, b),
                            })
                        })
                    })
                    .expect("a candidate-optimal stable matching exists");
                return best
                    .iter()
                    .flatten()
                    .map(|s| (s.candidate.clone(), s.position.clone()))
                    .collect();
            }
            choice[i] += 1;
            if choice[i] <= options[i].1.len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

#[test]
fn allocation_is_stable_on_random_instances() {
    for seed in 0..40 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut fair = random_fair(&mut rng, 12, 80);
        fair.settings.min_score = 0.0;
        let m = Matcher::build(&fair);
        let alloc = m.allocate(&fair);
        assert_stable(&fair, &m, &alloc);
        assert_eq!(alloc.assigned.len() + alloc.unassigned.len(), fair.candidates.len());
        let unfilled: u32 = alloc.unfilled_by_industry.iter().map(|(_, n)| n).sum();
        assert_eq!(u64::from(unfilled), alloc.unfilled_total());
        for (c, reason) in &alloc.unassigned {
            let eligible = !m.eligible_positions(c).is_empty();
            match reason {
                UnassignedReason::NoEligiblePosition => assert!(!eligible),
                UnassignedReason::AllFilled => assert!(eligible),
                UnassignedReason::AlreadyHired => {}
            }
        }
    }
}

#[test]
fn allocation_equals_brute_force_on_small_instances() {
    let mut compared = 0;
    for seed in 0..300 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (n_pos, n_cand) = (rng.random_range(1..4), rng.random_range(1..7));
        let mut fair = random_fair(&mut rng, n_pos, n_cand);
        fair.settings.min_score = 0.0;
        for p in &mut fair.positions {
            p.openings = rng.random_range(1..3);
        }
        let m = Matcher::build(&fair);
        let expected = brute_force_candidate_optimal(&fair, &m);
        let alloc = m.allocate(&fair);
        let mut got = alloc.assigned.clone();
        got.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(got, expected, "seed {seed}");
        compared += usize::from(!expected.is_empty());
    }
    assert!(compared > 100, "too few non-trivial instances: {compared}");
}

/// The allocation on cached prefixes with lazy rescans equals the one on full preference
/// lists, on instances where most rows are longer than the prefix and openings are scarce,
/// so that candidates run past their prefixes, some repeatedly.
#[test]
fn lazy_allocation_equals_full_preference_lists() {
    let mut rescanned = 0;
    for seed in 0..60 {
        let mut rng = ChaCha8Rng::seed_from_u64(1000 + seed);
        let n_pos = rng.random_range(10..40);
        let n_cand = rng.random_range(20..150);
        let mut fair = random_fair(&mut rng, n_pos, n_cand);
        fair.settings.min_score = *[0.0f32, 0.0, 40.0].choose(&mut rng).unwrap();
        for p in &mut fair.positions {
            p.openings = rng.random_range(0..3);
        }
        let m = Matcher::build(&fair);
        let expected = m.allocate_reference(&fair);
        assert_eq!(m.allocate(&fair), expected, "seed {seed}");
        rescanned += fair
            .candidates
            .iter()
            .filter(|c| {
                let slot = m.cand_slot[&c.id] as usize;
                !m.prefs.lists[slot].complete
                    && expected
                        .unassigned
                        .iter()
                        .any(|(u, r)| u == &c.id && *r == UnassignedReason::AllFilled)
            })
            .count();
    }
    assert!(rescanned > 100, "too few candidates ran past their prefix: {rescanned}");
}

#[test]
fn allocation_instance_matches_allocation_inputs() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let fair = random_fair(&mut rng, 10, 40);
    let m = Matcher::build(&fair);
    let inst = m.allocation_instance(&fair);
    for (c, prefs) in &inst.candidates {
        let mut scored: Vec<Scored> = m.eligible_positions(c);
        scored.sort_by(|a, b| {
            if candidate_prefers(a, b) {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            }
        });
        let order: Vec<&PositionId> = scored.iter().map(|s| &s.position).collect();
        assert_eq!(order, prefs.iter().collect::<Vec<_>>());
    }
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

#[test]
fn explanation_names_skills_and_numbers() {
    let fair = one_pair_fair();
    let m = Matcher::build(&fair);
    let (c, p) = (&fair.candidates[0].id, &fair.positions[0].id);
    let e = m.explain(&fair, c, p).unwrap();
    assert!(e.eligible(), "{:?}", e.broken);
    assert_eq!(e.matched_required, vec!["Python"]);
    assert_eq!(e.related_required, vec!["深度学习"]); // ML shares the AI group
    assert_eq!(e.missing_required, vec!["Zorblax tuning"]);
    assert_eq!(e.matched_preferred, vec!["SQL"]);
    // Short reasons name known skills in the reader's language and unknown ones as written.
    let (en, zh) = (e.short(crate::model::Lang::En), e.short(crate::model::Lang::Zh));
    assert!(en.contains("~Deep learning") && en.contains("-Zorblax tuning"), "{en}");
    assert!(zh.contains("~深度学习") && zh.contains("-Zorblax tuning"), "{zh}");
    let credit = (1.0 + 0.35) / 3.0;
    assert!((e.required_skills.credit - credit).abs() < 1e-6);
    assert_eq!(e.education.credit, 0.5);
    assert!(e.education.en.contains("one level below"), "{}", e.education.en);
    assert_eq!(e.experience.credit, 0.5);
    assert!(e.salary.en.contains("expects 12000"), "{}", e.salary.en);
    assert!((e.salary.credit - (10000.0 / 12000.0 - 0.5) / 0.5).abs() < 1e-6);
    assert_eq!(e.city.credit, 1.0, "杭州市 equals 杭州");
    assert_eq!(e.industry.credit, 0.0);
    assert!((e.work_mode.credit - 0.8).abs() < 1e-6, "second choice");
    let w = Weights::new(&fair.settings);
    let fit = 100.0 * (w.required * credit + w.preferred * 1.0 + w.education * 0.5 + w.experience * 0.5);
    assert!((e.fit - fit).abs() < 1e-3, "{} vs {fit}", e.fit);
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

#[test]
fn hard_rules_are_named() {
    let base = one_pair_fair();
    let (c, p) = (base.candidates[0].id.clone(), base.positions[0].id.clone());
    let rule_of = |fair: &Fair| Matcher::build(fair).pair(&c, &p).unwrap().err();

    let mut fair = base.clone();
    fair.candidates[0].work_modes = vec![WorkMode::OnSite];
    assert_eq!(rule_of(&fair), Some(Rule::WorkModeNotAccepted));

    let mut fair = base.clone();
    fair.candidates[0].education = Education::Associate;
    assert_eq!(rule_of(&fair), Some(Rule::EducationTooLow));

    let mut fair = base.clone();
    fair.candidates[0].skills = vec!["ML".into()]; // related only, no required skill itself
    assert_eq!(rule_of(&fair), Some(Rule::NoRequiredSkill));

    let mut fair = base.clone();
    fair.settings.min_score = 99.0;
    assert_eq!(rule_of(&fair), Some(Rule::BelowThreshold));

    let mut fair = base.clone();
    let booth = fair.positions[0].booth.clone();
    fair.visits.push(booth_visit(&c, booth, Some(2), NextStep::Reject));
    assert_eq!(rule_of(&fair), Some(Rule::RejectedByBooth));

    // A 5-star visit lifts fit by the rating bonus.
    let before = Matcher::build(&base).pair(&c, &p).unwrap().unwrap().fit;
    fair.visits[0].next_step = NextStep::Interview;
    fair.visits[0].rating = Some(5);
    let after = Matcher::build(&fair).pair(&c, &p).unwrap().unwrap().fit;
    assert!((after - before - 10.0).abs() < 1e-3, "{before} → {after}");
}

/// A visit at a booth no position has yet counts once a position opens there: the full build
/// gives that booth its id in the serial pass, and an edit then finds it.
#[test]
fn visits_at_a_booth_without_positions_count_when_one_opens() {
    let mut fair = one_pair_fair();
    let (c, booth) = (fair.candidates[0].id.clone(), BoothId::new("B-later"));
    fair.visits
        .push(booth_visit(&c, booth.clone(), Some(5), NextStep::Interview));
    let mut m = Matcher::build(&fair);
    let mut opened = fair.positions[0].clone();
    opened.id = PositionId::new("P-later");
    opened.booth = booth;
    fair.positions.push(opened.clone());
    m.position_changed(&fair, &opened.id);
    assert_same_as_rebuild(&fair, &m);
    let rated = m.pair(&c, &opened.id).unwrap().unwrap().fit;
    let unrated = m.pair(&c, &fair.positions[0].id).unwrap().unwrap().fit;
    assert!(rated > unrated, "the 5-star visit lifts {unrated} to {rated}");
}

#[test]
fn worklists_name_unmatched_candidates_and_positions() {
    let mut fair = one_pair_fair();
    let mut extra = fair.candidates[0].clone();
    extra.id = CandidateId::new("C999");
    extra.skills = vec!["焊接".into()];
    fair.candidates.push(extra);
    let mut m = Matcher::build(&fair);
    assert_eq!(m.candidates_without_match(), vec![CandidateId::new("C999")]);
    assert!(m.positions_without_match().is_empty());
    fair.candidates.remove(0);
    m.candidate_changed(&fair, &CandidateId::new("C000"));
    assert_eq!(m.positions_without_match(), vec![fair.positions[0].id.clone()]);
    assert!(m.top_positions(&CandidateId::new("C000")).is_empty());
}

/// Every list of a full build equals one computed the plain way: the row or column scored on
/// its own, sorted, and cut. Guards the pruning and bounded selection in `compute_all`.
fn assert_build_equals_plain_lists(m: &Matcher) {
    let mut scratch = Scratch::default();
    for c in 0..m.cands.len() as u32 {
        let mut row = Vec::new();
        m.score_row(c, &mut scratch, &mut row);
        let prefix = top_of(row.clone(), PREF_CAP, &m.pos_ids, Order::Preference);
        let list = top_of(row, m.cap, &m.pos_ids, Order::Score);
        let (built, built_prefix) = (&m.rows.lists[c as usize], &m.prefs.lists[c as usize]);
        assert_eq!(built.entries, list.entries, "row {c}");
        assert_eq!(built.complete, list.complete, "row {c} complete");
        assert_eq!(built_prefix.entries, prefix.entries, "preference prefix {c}");
        assert_eq!(built_prefix.complete, prefix.complete, "preference prefix {c} complete");
    }
    for p in 0..m.poss.len() as u32 {
        let mut col = Vec::new();
        m.score_col(p, &mut scratch, &mut col);
        let list = top_of(col, m.cap, &m.cand_ids, Order::Score);
        let built = &m.cols.lists[p as usize];
        assert_eq!(built.entries, list.entries, "column {p}");
        assert_eq!(built.complete, list.complete, "column {p} complete");
    }
}

#[test]
fn full_build_equals_plain_lists() {
    for seed in 0..60 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let n_pos = rng.random_range(1..40);
        let n_cand = rng.random_range(1..150);
        let mut fair = random_fair(&mut rng, n_pos, n_cand);
        fair.settings.top_k = rng.random_range(1..6);
        if seed % 2 == 0 {
            fair.settings.min_score = 0.0;
        }
        assert_build_equals_plain_lists(&Matcher::build(&fair));
    }
}

/// A build in two parts (the fair let go of in between) equals a plain build; a cancelled one
/// gives nothing and fills no list.
#[test]
fn prepared_builds_finish_like_plain_ones_unless_cancelled() {
    use std::sync::atomic::AtomicBool;
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let fair = random_fair(&mut rng, 30, 600);
    let finished = Matcher::prepare(&fair).finish_unless_cancelled(&AtomicBool::new(false));
    assert_same_as_rebuild(&fair, &finished.expect("not cancelled"));
    let cancelled = AtomicBool::new(true);
    assert!(Matcher::prepare(&fair).finish_unless_cancelled(&cancelled).is_none());
    // The ranking itself: its workers take no run once the flag is set, and it reports so.
    let mut m = Matcher::prepare(&fair).0;
    assert!(!m.compute_all(&cancelled));
    assert!(
        m.rows.lists.is_empty() && m.cols.lists.is_empty() && m.prefs.lists.is_empty(),
        "no list was filled"
    );
}

/// The index only skips pairs a hard rule makes ineligible: a row holds exactly the pairs that
/// score when every position is tried one by one.
#[test]
fn rows_hold_every_eligible_pair() {
    for seed in 0..40 {
        let mut rng = ChaCha8Rng::seed_from_u64(1000 + seed);
        let (n_pos, n_cand) = (rng.random_range(1..60), rng.random_range(1..80));
        let fair = random_fair(&mut rng, n_pos, n_cand);
        let m = Matcher::build(&fair);
        let mut scratch = Scratch::default();
        for (c, cand_id) in m.cand_ids.iter().enumerate() {
            let mut row = Vec::new();
            m.score_row(c as u32, &mut scratch, &mut row);
            let mut indexed: Vec<(u32, f32, f32)> = row.iter().map(|e| (e.other, e.fit, e.appeal)).collect();
            indexed.sort_by_key(|e| e.0);
            let every: Vec<(u32, f32, f32)> = m
                .pos_ids
                .iter()
                .enumerate()
                .filter_map(|(p, pos_id)| match m.pair(cand_id, pos_id) {
                    Some(Ok(s)) => Some((p as u32, s.fit, s.appeal)),
                    _ => None,
                })
                .collect();
            assert_eq!(indexed, every, "seed {seed}, candidate {cand_id:?}");
        }
    }
}

/// Positions with more grouped required skills or preferred skills than the packed record holds
/// take the slower paths; their credits must be the plain fractions all the same.
#[test]
fn long_skill_lists_score_like_short_ones() {
    let dict = SkillDictionary::builtin();
    let software: Vec<String> = dict
        .iter()
        .filter(|(_, s)| s.group == crate::model::SkillGroup::Software)
        .map(|(_, s)| s.en.clone())
        .take(16)
        .collect();
    assert_eq!(software.len(), 16, "the dictionary has enough software skills");
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let booths = vec![Booth {
        id: BoothId::new("B1"),
        employer: "employer".into(),
        employer_kind: EmployerKind::Enterprise,
        industry: Industry::Software,
        zone: String::new(),
        floor: None,
        staff: Vec::new(),
    }];
    let mut position = random_position(&mut rng, "P1", &booths);
    // Six required skills in one group, seven preferred ones, one of them outside the dictionary.
    position.required_skills = software[..6].to_vec();
    position.preferred_skills = software[6..12].to_vec();
    position.preferred_skills.push("Obscure framework".into());
    position.work_mode = WorkMode::OnSite;
    position.min_education = Education::Bachelor;
    position.min_experience_years = 0;
    // Ten required skills in one group: more than a group slot counts.
    let mut crowded = position.clone();
    crowded.id = PositionId::new("P2");
    crowded.required_skills = software[..2].iter().chain(&software[8..16]).cloned().collect();
    let mut candidate = random_candidate(&mut rng, "C1");
    // Two required skills exactly, the group for the other four; three preferred ones.
    candidate.skills = vec![software[0].clone(), software[1].clone(), software[6].clone()];
    candidate
        .skills
        .extend([software[7].clone(), "obscure framework".into()]);
    candidate.work_modes = vec![WorkMode::OnSite];
    candidate.education = Education::Master;
    let mut fair = Fair::new(Default::default(), "long lists");
    fair.booths = booths;
    fair.positions = vec![position, crowded];
    fair.candidates = vec![candidate];
    let m = Matcher::build(&fair);
    let group_credit = m.weights.group_credit;
    // Two required skills exactly, the group for the rest.
    for (slot, group_only, required) in [(0, 4.0, 6.0), (1, 8.0, 10.0)] {
        let (c, p) = (&m.cands[0], &m.poss[slot]);
        let (broken, _, parts) = score::evaluate_all(&m.weights, c, p, score::exact_required(m.dict_len, c, p));
        assert!(broken.is_empty(), "{broken:?}");
        assert_eq!(parts.required, (2.0 + group_credit * group_only) / required);
        assert_eq!(parts.preferred, 3.0 / 7.0);
    }
    assert!(
        m.poss[1].hot.group_overflow(),
        "ten skills of one group take the outline path"
    );
    // The row path (index counts, packed record) gives the same pairs.
    let row = m.eligible_positions(&CandidateId::new("C1"));
    let pairs: Vec<Scored> = ["P1", "P2"]
        .iter()
        .map(|p| m.pair(&CandidateId::new("C1"), &PositionId::new(*p)).unwrap().unwrap())
        .collect();
    let mut row_by_id = row.clone();
    row_by_id.sort_by(|a, b| a.position.cmp(&b.position));
    assert_eq!(row_by_id, pairs);
}

/// The allocation's rescans compute the fit first and score in full only the pairs their bars
/// admit: what they keep is the full row less the pairs the bars rule out, with the same numbers.
#[test]
fn pruned_rows_are_full_rows_less_what_the_bars_rule_out() {
    let (mut kept, mut dropped) = (0, 0);
    for seed in 0..30 {
        let mut rng = ChaCha8Rng::seed_from_u64(2000 + seed);
        let fair = random_fair(&mut rng, 70, 60);
        let m = Matcher::build(&fair);
        let bars: Vec<u64> = (0..m.poss.len())
            .map(|_| match rng.random_range(0..4) {
                0 => 0,
                1 => u64::MAX,
                _ => score_key(rng.random_range(20.0..90.0), rng.random_range(0..60)),
            })
            .collect();
        let need_exact = exact_needed_for(&m.weights, &m.pos_hot, &bars);
        let mut scratch = Scratch::default();
        for c in 0..m.cands.len() as u32 {
            let wanted = Wanted {
                bars: &bars,
                need_exact: &need_exact,
                rank: rng.random_range(0..60),
            };
            let (mut full, mut pruned) = (Vec::new(), Vec::new());
            m.score_row(c, &mut scratch, &mut full);
            m.score_row_where(c, &mut scratch, &mut pruned, Some(&wanted));
            let before = full.len();
            full.retain(|e| wanted.admits(e.other, e.fit));
            (kept, dropped) = (kept + full.len(), dropped + before - full.len());
            assert_eq!(pruned, full, "seed {seed}, candidate {c}");
        }
    }
    assert!(kept > 100 && dropped > 100, "kept {kept}, dropped {dropped}");
}

/// `exact_needed` bounds the fit from above: a pair without a rating whose required skills are
/// matched exactly `exact` times never reaches a fit that needs more, whatever the weights and
/// the other credits. And it is not vacuous: full credit elsewhere needs no more than it has.
#[test]
fn exact_needed_bounds_the_fit_of_unrated_pairs() {
    let mut rng = ChaCha8Rng::seed_from_u64(17);
    let mut tight = 0;
    for _ in 0..20_000 {
        let settings = MatchSettings {
            required_skills_weight: rng.random_range(0.0..2.0),
            preferred_skills_weight: rng.random_range(0.0..2.0),
            education_weight: rng.random_range(0.0..2.0),
            experience_weight: rng.random_range(0.0..2.0),
            group_match_credit: rng.random_range(0.0..1.0),
            ..MatchSettings::default()
        };
        let w = score::Weights::new(&settings);
        let required_len = rng.random_range(0..8u32);
        let exact = rng.random_range(0..=required_len);
        let preferred_len = rng.random_range(0..5u32);
        let x = score::PairInputs {
            exact,
            group_only: rng.random_range(0..=required_len - exact),
            required_len: required_len as f32,
            matched: rng.random_range(0..=preferred_len),
            preferred_len: preferred_len as f32,
            edu_gap: rng.random_range(-1..3),
            experience: f32::from(rng.random_range(0..10u8)),
            min_experience: f32::from(rng.random_range(0..10u8)),
            ..score::PairInputs::default()
        };
        let fit = score::combine(&w, &x).0.fit;
        let need = w.exact_needed(x.required_len, fit);
        assert!(u32::from(need) <= exact, "{x:?} {w:?}: fit {fit} needs {need}");
        tight += usize::from(u32::from(need) == exact);
    }
    assert!(tight > 1_000, "the bound is never tight: {tight}");
}

/// The bucketed selection of row tops equals a plain sort-and-cut, for rows shorter and longer
/// than the cap, with leads tied in crowds, below 1 and beyond the last bucket.
#[test]
fn row_tops_equal_sorting_the_whole_row() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let ids: Vec<u32> = (0..500).collect();
    let leads = [
        0.0f32,
        0.25,
        1.0,
        37.5,
        37.5,
        37.5,
        61.2,
        99.9,
        100.0,
        100.0,
        300.0,
        f32::INFINITY,
    ];
    for round in 0..300 {
        let len = rng.random_range(0..120);
        let mut slots: Vec<u32> = (0..500).collect();
        slots.shuffle(&mut rng);
        let row: Vec<Entry> = slots[..len]
            .iter()
            .map(|&other| {
                let pick = |rng: &mut ChaCha8Rng| {
                    if rng.random_bool(0.5) {
                        *leads.choose(rng).unwrap()
                    } else {
                        rng.random_range(0.0..101.0)
                    }
                };
                Entry {
                    other,
                    fit: pick(&mut rng),
                    appeal: pick(&mut rng),
                    score: pick(&mut rng),
                }
            })
            .collect();
        let mut counts = RowCounts::new();
        for e in &row {
            counts.add(&score::PairScore {
                fit: e.fit,
                appeal: e.appeal,
                score: e.score,
            });
        }
        let mut keyed = KeyedRow::default();
        for (cap, pref_cap) in [(1, 40), (4, 4), (16, 1), (40, 16)] {
            let (by_score, by_preference) = counts.tops(&row, (cap, pref_cap), &mut keyed, &ids);
            let plain = top_of(row.clone(), cap, &ids, Order::Score);
            assert_eq!(by_score.entries, plain.entries, "round {round}, cap {cap}, by score");
            assert_eq!(by_score.complete, plain.complete);
            let plain = top_of(row.clone(), pref_cap, &ids, Order::Preference);
            assert_eq!(by_preference.complete, plain.complete);
            assert_eq!(
                by_preference.entries, plain.entries,
                "round {round}, cap {pref_cap}, by preference"
            );
        }
    }
}

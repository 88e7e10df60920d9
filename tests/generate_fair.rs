//! The synthetic fair generator: determinism, validity, scale and realism.

use std::collections::{HashMap, HashSet};

use fairmatch::generate::{GenerateSpec, Preset, generate};
use fairmatch::model::{Candidate, EmployerKind, Industry, SkillDictionary, TalentTier, WorkMode, validate};

fn spec(seed: u64, booths: usize, positions: usize, candidates: usize, visits: usize) -> GenerateSpec {
    GenerateSpec {
        seed,
        booths,
        positions,
        candidates,
        visits,
    }
}

fn without_check_in(candidates: &[Candidate]) -> Vec<Candidate> {
    candidates
        .iter()
        .cloned()
        .map(|mut c| {
            c.checked_in = None;
            c
        })
        .collect()
}

#[test]
fn same_seed_gives_the_same_fair() {
    let spec = Preset::Campus.spec(42);
    assert_eq!(generate(&spec), generate(&spec));
}

#[test]
fn different_seeds_give_different_fairs() {
    let a = generate(&spec(1, 20, 100, 300, 50));
    let b = generate(&spec(2, 20, 100, 300, 50));
    assert_ne!(a.meta.id, b.meta.id);
    assert_ne!(a.booths, b.booths);
    assert_ne!(a.candidates, b.candidates);
}

#[test]
fn visits_change_nothing_but_visits_and_check_ins() {
    let quiet = generate(&spec(9, 40, 300, 2_000, 0));
    let busy = generate(&spec(9, 40, 300, 2_000, 700));
    assert_eq!(quiet.meta, busy.meta);
    assert_eq!(quiet.booths, busy.booths);
    assert_eq!(quiet.positions, busy.positions);
    assert_eq!(quiet.candidates, without_check_in(&busy.candidates));
    assert!(quiet.visits.is_empty());
    assert!(quiet.candidates.iter().all(|c| c.checked_in.is_none()));
    assert_eq!(busy.visits.len(), 700);
    assert!(busy.candidates.iter().any(|c| c.checked_in.is_some()));
}

#[test]
fn generated_fairs_validate_cleanly() {
    for spec in [
        Preset::Campus.spec(1),
        spec(3, 7, 5, 33, 12),
        spec(4, 1, 1, 1, 1),
        spec(5, 0, 0, 10, 0),
        spec(6, 60, 0, 0, 0),
        spec(7, 100, 2_000, 1_500, 3_000),
    ] {
        let fair = generate(&spec);
        let problems = validate(&fair);
        assert!(
            problems.is_empty(),
            "{spec:?}: {:?}",
            &problems[..problems.len().min(5)]
        );
    }
}

#[test]
fn counts_are_honored() {
    for (b, p, c, v) in [
        (7, 5, 33, 12),
        (7, 200, 10, 40),
        (50, 50, 0, 0),
        (3, 1_000, 1_000, 1_000),
    ] {
        let fair = generate(&spec(11, b, p, c, v));
        assert_eq!(
            (
                fair.booths.len(),
                fair.positions.len(),
                fair.candidates.len(),
                fair.visits.len()
            ),
            (b, p, c, v)
        );
    }
}

#[test]
fn city_preset_has_the_brief_s_scale() {
    let fair = generate(&Preset::City.spec(1));
    assert_eq!(fair.booths.len(), 710);
    assert_eq!(fair.positions.len(), 12_000);
    assert_eq!(fair.candidates.len(), 20_000);
    assert!(validate(&fair).is_empty());
    assert_laid_out(&fair);
    let peak = Preset::Peak.spec(1);
    assert_eq!((peak.booths, peak.positions, peak.candidates), (710, 12_000, 100_000));
}

#[test]
fn campus_fairs_come_laid_out_by_zone() {
    assert_laid_out(&generate(&Preset::Campus.spec(7)));
}

/// Every booth has a spot, no two booths overlap, and no two zones (with their name bands)
/// overlap: the floor plan of a generated or bundled fair needs no work before it is shown.
pub fn assert_laid_out(fair: &fairmatch::model::Fair) {
    use fairmatch::insight::floor;
    let unplaced: Vec<_> = fair
        .booths
        .iter()
        .filter(|b| b.floor.is_none())
        .map(|b| &b.id)
        .collect();
    assert!(unplaced.is_empty(), "booths without a spot: {unplaced:?}");
    let plan = floor::plan(fair);
    let overlap =
        |a: &floor::Rect, b: &floor::Rect| a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
    let mut booths: Vec<&floor::BoothArea> = plan.booths.iter().collect();
    booths.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
    for (i, a) in booths.iter().enumerate() {
        for b in booths[i + 1..].iter().take_while(|b| b.rect.x < a.rect.right()) {
            assert!(!overlap(&a.rect, &b.rect), "booths {} and {} overlap", a.booth, b.booth);
        }
    }
    let zones: Vec<(&str, floor::Rect)> = plan
        .zones
        .iter()
        .filter_map(|z| Some((z.name.as_str(), z.rect?)))
        .collect();
    for (i, (name, a)) in zones.iter().enumerate() {
        for (other, b) in &zones[i + 1..] {
            assert!(!overlap(a, b), "zones {name} and {other} overlap");
        }
    }
    // About the shape of a hall, not a strip: neither side more than three times the other.
    let (w, h) = (plan.bounds.w, plan.bounds.h);
    assert!(w <= 3.0 * h && h <= 3.0 * w, "hall {w} m × {h} m");
}

#[test]
fn impossible_specs_are_explained() {
    assert!(spec(1, 0, 5, 10, 0).check().unwrap_err().contains("booth"));
    assert!(spec(1, 5, 5, 0, 3).check().unwrap_err().contains("candidate"));
    assert!(spec(1, 5, 5, 5, 5).check().is_ok());
    assert!(spec(1, 5, 5, 100_000_000, 0).check().is_err());
}

#[test]
fn contact_details_and_badges_are_well_formed_and_unique() {
    let fair = generate(&spec(21, 40, 300, 5_000, 0));
    let mut phones = HashSet::new();
    let mut emails = HashSet::new();
    let mut badges = HashSet::new();
    for c in &fair.candidates {
        assert!(c.phone.len() == 11 && c.phone.starts_with('1'), "{}", c.phone);
        assert!(c.phone.bytes().all(|b| b.is_ascii_digit()), "{}", c.phone);
        assert!(phones.insert(&c.phone), "duplicate phone {}", c.phone);
        if !c.email.is_empty() {
            assert!(c.email.is_ascii() && c.email.contains('@'), "{}", c.email);
            assert!(emails.insert(&c.email), "duplicate email {}", c.email);
        }
        assert!(badges.insert(&c.badge), "duplicate badge {}", c.badge);
        // Badge codes carry no personal data: short, and unrelated to id or phone.
        assert_eq!(c.badge.len(), 6);
        assert!(!c.phone.contains(&c.badge) && !c.id.0.contains(&c.badge));
    }
    let consenting = fair.candidates.iter().filter(|c| c.consent).count();
    assert!(
        consenting * 100 > fair.candidates.len() * 75,
        "consent should be mostly yes"
    );
}

#[test]
fn check_ins_come_before_visits_and_match_visitors() {
    let fair = generate(&spec(5, 40, 300, 2_000, 800));
    let first_visit: HashMap<&str, _> = fair.visits.iter().fold(HashMap::new(), |mut map, v| {
        let at = map.entry(v.candidate.as_str()).or_insert(v.at);
        *at = (*at).min(v.at);
        map
    });
    for c in &fair.candidates {
        match (c.checked_in, first_visit.get(c.id.as_str())) {
            (Some(checked_in), Some(&visit)) => assert!(checked_in <= visit, "{} checked in after visiting", c.id),
            (None, None) => {}
            (checked_in, visit) => panic!("{}: checked in {checked_in:?} but first visit {visit:?}", c.id),
        }
    }
    let ratings: HashSet<u8> = fair.visits.iter().filter_map(|v| v.rating).collect();
    assert_eq!(ratings, (1..=5).collect());
    assert!(
        fair.visits.windows(2).all(|w| w[0].at <= w[1].at),
        "visits are in time order"
    );
    let steps: HashSet<_> = fair.visits.iter().map(|v| v.next_step).collect();
    assert_eq!(
        steps.len(),
        fairmatch::model::NextStep::ALL.len(),
        "every next step occurs: {steps:?}"
    );
}

#[test]
fn data_is_varied_and_bilingual() {
    let fair = generate(&Preset::Campus.spec(3));
    let industries: HashSet<Industry> = fair.booths.iter().map(|b| b.industry).collect();
    assert_eq!(
        industries.len(),
        Industry::ALL.len(),
        "a 40-booth fair covers every industry"
    );
    let kinds: HashSet<EmployerKind> = fair.booths.iter().map(|b| b.employer_kind).collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    let employers: HashSet<&str> = fair.booths.iter().map(|b| b.employer.as_str()).collect();
    assert_eq!(employers.len(), fair.booths.len(), "employer names are unique");
    let tiers: HashSet<TalentTier> = fair.candidates.iter().map(|c| c.tier).collect();
    assert_eq!(tiers.len(), TalentTier::ALL.len());
    let students = fair.candidates.iter().filter(|c| c.tier == TalentTier::Student).count();
    assert!(students * 2 > fair.candidates.len(), "students are the majority");
    let modes: HashSet<WorkMode> = fair.positions.iter().map(|p| p.work_mode).collect();
    assert!(modes.contains(&WorkMode::Flexible));
    assert!(
        fair.candidates.iter().any(|c| c.name.is_ascii()),
        "some overseas talent has an English name"
    );
    assert!(
        fair.positions.iter().any(|p| p.title.is_ascii()),
        "some titles are in English"
    );
    let cities: HashSet<&str> = fair.positions.iter().map(|p| p.city.as_str()).collect();
    assert!(cities.contains("青岛") && cities.len() >= 5, "{cities:?}");
    for p in &fair.positions {
        if let Some(s) = p.salary {
            assert!(2_500 <= s.min && s.min <= s.max && s.max <= 200_000, "{}: {s:?}", p.id);
        }
    }
}

#[test]
fn skills_come_from_the_dictionary_and_demand_meets_supply() {
    let dict = SkillDictionary::builtin();
    let fair = generate(&Preset::Campus.spec(8));
    let mut canonical_spellings = 0;
    let mut total = 0;
    let mut supply = HashSet::new();
    for c in &fair.candidates {
        for s in &c.skills {
            let id = dict
                .resolve(s)
                .unwrap_or_else(|| panic!("candidate skill `{s}` is not in the dictionary"));
            supply.insert(id);
            total += 1;
            if dict.get(id).zh == *s {
                canonical_spellings += 1;
            }
        }
    }
    assert!(
        canonical_spellings * 10 < total * 8,
        "some skills use English names or aliases"
    );
    let mut positions_with_supply = 0;
    for p in &fair.positions {
        let required: Vec<_> = p
            .required_skills
            .iter()
            .map(|s| {
                dict.resolve(s)
                    .unwrap_or_else(|| panic!("position skill `{s}` is not in the dictionary"))
            })
            .collect();
        assert!(!required.is_empty(), "{} requires no skill", p.id);
        if required.iter().any(|id| supply.contains(id)) {
            positions_with_supply += 1;
        }
    }
    assert!(
        positions_with_supply * 10 >= fair.positions.len() * 9,
        "only {positions_with_supply} of {} positions find any candidate with a required skill",
        fair.positions.len()
    );
}

#[test]
fn cli_writes_the_same_fair_and_rejects_impossible_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fair.ron");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_fairmatch"))
        .args([
            "generate",
            "--preset",
            "campus",
            "--seed",
            "7",
            "--candidates",
            "50",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let written = fairmatch::store::load_fair(&out).unwrap();
    let expected = generate(&GenerateSpec {
        candidates: 50,
        ..Preset::Campus.spec(7)
    });
    assert_eq!(written, expected);

    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_fairmatch"))
        .args(["generate", "--booths", "0", "--positions", "5", "-o"])
        .arg(dir.path().join("bad.ron"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("booth"));
    assert!(!dir.path().join("bad.ron").exists());
}

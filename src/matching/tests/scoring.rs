use super::*;
use crate::matching::keys::score_key;
use crate::matching::scan::{Wanted, exact_needed_for};

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
        interviews: None,
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

use super::*;

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

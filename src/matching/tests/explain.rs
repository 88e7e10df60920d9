use super::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

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

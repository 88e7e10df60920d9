use super::*;

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

/// Candidates a visit marked hired: they take no position in the allocation.
fn hired_candidates(fair: &Fair) -> std::collections::HashSet<&CandidateId> {
    fair.visits
        .iter()
        .filter(|v| v.next_step == NextStep::Hired)
        .map(|v| &v.candidate)
        .collect()
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
    let hired = hired_candidates(fair);
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
    let hired = hired_candidates(fair);
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
    let inst = m.allocation_instance(&fair, CandidateScope::Everyone);
    for (c, prefs) in &inst.candidates {
        let mut scored: Vec<Scored> = m.eligible_positions(c);
        sort_by_candidate_preference(&mut scored);
        let order: Vec<&PositionId> = scored.iter().map(|s| &s.position).collect();
        assert_eq!(order, prefs.iter().collect::<Vec<_>>());
    }
}

#[test]
fn a_checked_in_scope_places_only_checked_in_candidates_and_stays_stable_among_them() {
    for seed in 0..20 {
        let mut rng = ChaCha8Rng::seed_from_u64(500 + seed);
        let mut fair = random_fair(&mut rng, 8, 60);
        fair.settings.min_score = 0.0;
        let at = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a valid time");
        for c in fair.candidates.iter_mut().step_by(3) {
            c.checked_in = Some(at);
        }
        let m = Matcher::build(&fair);
        let alloc = m.allocate_scoped(&fair, CandidateScope::CheckedIn);
        let came: Vec<&CandidateId> = fair
            .candidates
            .iter()
            .filter(|c| c.checked_in.is_some())
            .map(|c| &c.id)
            .collect();
        let listed: Vec<&CandidateId> = alloc
            .assigned
            .iter()
            .map(|(c, _)| c)
            .chain(alloc.unassigned.iter().map(|(c, _)| c))
            .collect();
        assert_eq!(listed.len(), came.len(), "seed {seed}");
        assert!(listed.iter().all(|c| came.contains(c)), "seed {seed}");
        // Stable among those who came: the same as allocating a fair of only them.
        let mut only = fair.clone();
        only.candidates.retain(|c| c.checked_in.is_some());
        let alone = Matcher::build(&only).allocate(&only);
        let (mut got, mut want) = (alloc.assigned.clone(), alone.assigned.clone());
        got.sort();
        want.sort();
        assert_eq!(got, want, "seed {seed}");
    }
}

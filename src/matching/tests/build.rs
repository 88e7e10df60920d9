use super::*;
use crate::matching::keys::{KeyedRow, RowCounts};
use crate::matching::lists::{Entry, Order, PREF_CAP, top_of};

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

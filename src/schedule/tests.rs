use chrono::NaiveDate;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::model::{EmployerKind, Industry, InterviewHours};

fn at(h: u32, m: u32) -> LocalTime {
    NaiveDate::from_ymd_opt(2026, 6, 20)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("valid time")
}

fn booth(id: &str, hours: Option<(LocalTime, LocalTime, u32, u32)>) -> Booth {
    Booth {
        id: BoothId::new(id),
        employer: format!("employer {id}"),
        employer_kind: EmployerKind::Enterprise,
        industry: Industry::Software,
        zone: String::new(),
        floor: None,
        staff: Vec::new(),
        interviews: hours.map(|(start, end, interviewers, slot)| InterviewHours {
            start,
            end,
            interviewers,
            slot_minutes: Some(slot),
        }),
    }
}

fn request(candidate: &str, booth: &str, score: f32) -> Request {
    Request {
        candidate: CandidateId::new(candidate),
        booth: BoothId::new(booth),
        position: Some(PositionId::new(format!("{booth}-P"))),
        invited: false,
        score,
    }
}

/// Booths A and B, 9:00–10:00, one interviewer each, and a 5-minute gap between interviews.
fn two_booths_five_minute_gap() -> ([Booth; 2], Options) {
    let booths = [
        booth("A", Some((at(9, 0), at(10, 0), 1, 15))),
        booth("B", Some((at(9, 0), at(10, 0), 1, 15))),
    ];
    let options = Options {
        gap_minutes: 5,
        slot_minutes: None,
    };
    (booths, options)
}

fn no_gap() -> Options {
    Options {
        gap_minutes: 0,
        slot_minutes: None,
    }
}

fn slot_of<'a>(t: &'a Timetable, candidate: &str, booth: &str) -> Option<&'a Interview> {
    t.interviews
        .iter()
        .find(|i| i.candidate.as_str() == candidate && i.booth.as_str() == booth)
}

#[test]
fn better_matches_get_earlier_slots() {
    let booths = [booth("A", Some((at(9, 0), at(10, 0), 1, 15)))];
    let t = schedule(
        &booths,
        vec![
            request("c1", "A", 50.0),
            request("c2", "A", 90.0),
            request("c3", "A", 70.0),
        ],
        no_gap(),
    );
    let starts: Vec<_> = ["c2", "c3", "c1"]
        .iter()
        .map(|c| slot_of(&t, c, "A").map(|i| i.start))
        .collect();
    assert_eq!(starts, vec![Some(at(9, 0)), Some(at(9, 15)), Some(at(9, 30))]);
    assert_eq!(slot_of(&t, "c2", "A").map(|i| i.end), Some(at(9, 15)));
}

#[test]
fn invitations_go_before_better_scores() {
    let booths = [booth("A", Some((at(9, 0), at(9, 30), 1, 15)))];
    let mut invited = request("c1", "A", 10.0);
    invited.invited = true;
    let t = schedule(&booths, vec![request("c2", "A", 90.0), invited], no_gap());
    assert_eq!(slot_of(&t, "c1", "A").map(|i| i.start), Some(at(9, 0)));
    assert_eq!(slot_of(&t, "c2", "A").map(|i| i.start), Some(at(9, 15)));
}

#[test]
fn a_booth_holds_as_many_at_once_as_it_has_interviewers() {
    let booths = [booth("A", Some((at(9, 0), at(9, 30), 2, 15)))];
    let requests = (0..5)
        .map(|i| request(&format!("c{i}"), "A", 90.0 - i as f32))
        .collect();
    let t = schedule(&booths, requests, no_gap());
    assert_eq!(t.interviews.len(), 4);
    assert_eq!(t.interviews.iter().filter(|i| i.start == at(9, 0)).count(), 2);
    assert_eq!(t.left_out.len(), 1);
    assert_eq!(t.left_out[0].0.candidate.as_str(), "c4");
    assert_eq!(t.left_out[0].1, LeftOut::BoothFull);
}

#[test]
fn a_candidate_keeps_the_gap_between_booths() {
    let (booths, options) = two_booths_five_minute_gap();
    let t = schedule(
        &booths,
        vec![request("c1", "A", 90.0), request("c1", "B", 80.0)],
        options,
    );
    assert_eq!(slot_of(&t, "c1", "A").map(|i| i.start), Some(at(9, 0)));
    // 9:15 would leave no time to walk over: the next slot after the gap is 9:30.
    assert_eq!(slot_of(&t, "c1", "B").map(|i| i.start), Some(at(9, 30)));
    assert!(check(&booths, &t.interviews, options).is_empty());
}

#[test]
fn left_out_pairs_say_why() {
    let booths = [
        booth("A", Some((at(9, 0), at(9, 15), 1, 15))),
        booth("B", Some((at(9, 0), at(9, 15), 1, 15))),
        booth("C", None),
    ];
    let t = schedule(
        &booths,
        vec![
            request("c1", "A", 90.0),
            request("c1", "B", 80.0),
            request("c2", "A", 70.0),
            request("c3", "C", 60.0),
            request("c4", "Z", 50.0),
        ],
        no_gap(),
    );
    let reasons: Vec<_> = t.left_out.iter().map(|(r, why)| (r.candidate.as_str(), *why)).collect();
    assert_eq!(
        reasons,
        vec![
            ("c1", LeftOut::CandidateDayFull),
            ("c2", LeftOut::BoothFull),
            ("c3", LeftOut::NoHours),
            ("c4", LeftOut::NoHours),
        ]
    );
}

#[test]
fn repair_moves_the_one_interview_in_the_way() {
    // c1 takes A at 9:00 first; B has only 9:00, so A's interview moves to 9:15.
    let booths = [
        booth("A", Some((at(9, 0), at(9, 30), 1, 15))),
        booth("B", Some((at(9, 0), at(9, 15), 1, 15))),
    ];
    let t = schedule(
        &booths,
        vec![request("c1", "A", 90.0), request("c1", "B", 80.0)],
        no_gap(),
    );
    assert!(t.left_out.is_empty(), "{:?}", t.left_out);
    assert_eq!(slot_of(&t, "c1", "A").map(|i| i.start), Some(at(9, 15)));
    assert_eq!(slot_of(&t, "c1", "B").map(|i| i.start), Some(at(9, 0)));
}

#[test]
fn a_pair_asked_for_twice_is_scheduled_once() {
    let booths = [booth("A", Some((at(9, 0), at(10, 0), 1, 15)))];
    let mut invited = request("c1", "A", 40.0);
    invited.invited = true;
    let t = schedule(&booths, vec![request("c1", "A", 90.0), invited], no_gap());
    assert_eq!(t.interviews.len(), 1);
    assert!(t.left_out.is_empty());
}

#[test]
fn the_options_slot_length_applies_to_booths_without_their_own() {
    let mut b = booth("A", Some((at(9, 0), at(10, 0), 1, 15)));
    if let Some(h) = b.interviews.as_mut() {
        h.slot_minutes = None;
    }
    let options = Options {
        gap_minutes: 0,
        slot_minutes: Some(20),
    };
    let t = schedule(&[b], vec![request("c1", "A", 1.0), request("c2", "A", 0.5)], options);
    assert_eq!(
        slot_of(&t, "c2", "A").map(|i| (i.start, i.end)),
        Some((at(9, 20), at(9, 40)))
    );
}

#[test]
fn moves_are_checked_against_clashes() {
    let (booths, options) = two_booths_five_minute_gap();
    let t = schedule(
        &booths,
        vec![
            request("c1", "A", 90.0),
            request("c2", "A", 80.0),
            request("c1", "B", 70.0),
        ],
        options,
    );
    let index = |c: &str, b: &str| {
        t.interviews
            .iter()
            .position(|i| i.candidate.as_str() == c && i.booth.as_str() == b)
            .expect("scheduled")
    };
    // c2 (A, 9:15) onto 9:00: A's one interviewer is busy with c1.
    let full = check_move(&booths, &t.interviews, index("c2", "A"), at(9, 0), options);
    assert!(matches!(full, Err(Clash::BoothFull { .. })), "{full:?}");
    // c1 at B (9:30) onto 9:15: too close to c1's 9:00 interview at A.
    let busy = check_move(&booths, &t.interviews, index("c1", "B"), at(9, 15), options);
    assert!(matches!(&busy, Err(Clash::CandidateBusy { other_booth, .. }) if other_booth.as_str() == "A"));
    assert!(busy.unwrap_err().describe(false).contains("booth A at 09:00"));
    // Past the end of B's hours.
    let late = check_move(&booths, &t.interviews, index("c1", "B"), at(9, 50), options);
    assert!(matches!(late, Err(Clash::OutsideHours { .. })));
    let fine = check_move(&booths, &t.interviews, index("c1", "B"), at(9, 45), options);
    assert_eq!(fine.map(|i| (i.start, i.end)), Ok((at(9, 45), at(10, 0))));
}

// ----- random instances -----

/// A small random instance: booths with random hours and interviewers, requests drawn at
/// random from candidates × booths.
fn random_instance(
    rng: &mut ChaCha8Rng,
    booths: usize,
    candidates: usize,
    requests: usize,
) -> (Vec<Booth>, Vec<Request>) {
    let booths: Vec<Booth> = (0..booths)
        .map(|b| {
            let start = at(9, 0) + chrono::Duration::minutes(15 * rng.random_range(0..3));
            let slot = [10, 15, 20][rng.random_range(0..3)];
            let slots = rng.random_range(1..=3);
            let end = start + chrono::Duration::minutes(slot * slots);
            booth(
                &format!("B{b}"),
                Some((start, end, rng.random_range(1..=2), slot as u32)),
            )
        })
        .collect();
    let requests = (0..requests)
        .map(|_| {
            request(
                &format!("c{}", rng.random_range(0..candidates)),
                &format!("B{}", rng.random_range(0..booths.len())),
                rng.random_range(0..100) as f32,
            )
        })
        .collect();
    (booths, requests)
}

/// The most requests any timetable can hold, by trying every slot (or none) for each.
fn brute_force_optimum(booths: &[Booth], requests: &[Request], options: Options) -> usize {
    let mut unique: Vec<&Request> = Vec::new();
    for r in requests {
        if !unique.iter().any(|u| u.candidate == r.candidate && u.booth == r.booth) {
            unique.push(r);
        }
    }
    let choices: Vec<Vec<Option<(LocalTime, LocalTime)>>> = unique
        .iter()
        .map(|r| {
            let grid = booths
                .iter()
                .find(|b| b.id == r.booth)
                .and_then(|b| BoothGrid::of(b, options));
            let mut c: Vec<_> = grid
                .map(|g| (0..g.slots).map(|s| Some(g.span(s))).collect())
                .unwrap_or_default();
            c.push(None);
            c
        })
        .collect();
    fn go(
        i: usize,
        unique: &[&Request],
        choices: &[Vec<Option<(LocalTime, LocalTime)>>],
        chosen: &mut Vec<Interview>,
        booths: &[Booth],
        options: Options,
        best: &mut usize,
    ) {
        if chosen.len() + (unique.len() - i) <= *best {
            return;
        }
        if i == unique.len() {
            *best = chosen.len();
            return;
        }
        for choice in &choices[i] {
            match choice {
                Some((start, end)) => {
                    chosen.push(Interview {
                        candidate: unique[i].candidate.clone(),
                        booth: unique[i].booth.clone(),
                        position: None,
                        start: *start,
                        end: *end,
                    });
                    if check(booths, chosen, options).is_empty() {
                        go(i + 1, unique, choices, chosen, booths, options, best);
                    }
                    chosen.pop();
                }
                None => go(i + 1, unique, choices, chosen, booths, options, best),
            }
        }
    }
    let mut best = 0;
    go(0, &unique, &choices, &mut Vec::new(), booths, options, &mut best);
    best
}

/// Small random instances, tighter than a fair's (3 booths of 1–3 slots, 3 candidates with
/// 7 requests between them, a 5-minute gap): the greedy with repair schedules the optimum
/// number of pairs in 88 % of 2,000 instances and 97 % of all pairs the optima hold; it never
/// misses more than two. The bounds below guard those figures (docs/schedule.md).
#[test]
fn greedy_with_repair_comes_close_to_the_brute_force_optimum() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let options = Options {
        gap_minutes: 5,
        slot_minutes: None,
    };
    let (mut optimal, mut worst_shortfall, mut scheduled, mut possible) = (0, 0, 0, 0);
    let runs = 2_000;
    for _ in 0..runs {
        let (booths, requests) = random_instance(&mut rng, 3, 3, 7);
        let optimum = brute_force_optimum(&booths, &requests, options);
        let got = schedule(&booths, requests, options).interviews.len();
        assert!(got <= optimum, "the greedy cannot beat the optimum");
        optimal += usize::from(got == optimum);
        worst_shortfall = worst_shortfall.max(optimum - got);
        scheduled += got;
        possible += optimum;
    }
    eprintln!(
        "greedy optimal in {optimal} of {runs}; scheduled {scheduled} of {possible} possible; worst shortfall {worst_shortfall}"
    );
    assert!(worst_shortfall <= 2, "worst shortfall {worst_shortfall}");
    assert!(optimal * 100 >= runs * 87, "optimal in only {optimal} of {runs}");
    assert!(scheduled * 100 >= possible * 97, "{scheduled} of {possible}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the instance, the timetable keeps every rule and accounts for every request.
    #[test]
    fn timetables_keep_every_rule(seed in any::<u64>(), booths in 1usize..5, candidates in 1usize..9, requests in 0usize..30, gap in 0u32..20) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (booths, requests) = random_instance(&mut rng, booths, candidates, requests);
        let options = Options { gap_minutes: gap, slot_minutes: None };
        let mut unique = requests.clone();
        unique.sort_by(|a, b| (&a.candidate, &a.booth).cmp(&(&b.candidate, &b.booth)));
        unique.dedup_by(|a, b| a.candidate == b.candidate && a.booth == b.booth);
        let t = schedule(&booths, requests.clone(), options);
        prop_assert_eq!(check(&booths, &t.interviews, options), Vec::new());
        prop_assert_eq!(t.interviews.len() + t.left_out.len(), unique.len());
        for i in &t.interviews {
            prop_assert!(requests.iter().any(|r| r.candidate == i.candidate && r.booth == i.booth && r.position == i.position));
        }
    }

    /// Pairs added to a timetable leave it as it was, and the whole keeps every rule.
    #[test]
    fn pairs_added_later_keep_every_rule_and_move_nothing(seed in any::<u64>(), booths in 1usize..5, candidates in 1usize..9, requests in 0usize..30, gap in 0u32..20) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (booths, requests) = random_instance(&mut rng, booths, candidates, requests);
        let options = Options { gap_minutes: gap, slot_minutes: None };
        let (first, later) = requests.split_at(requests.len() / 2);
        let existing = schedule(&booths, first.to_vec(), options).interviews;
        let more = schedule_more(&booths, &existing, later.to_vec(), options);
        let mut all = existing.clone();
        all.extend(more.interviews.iter().cloned());
        prop_assert_eq!(check(&booths, &all, options), Vec::new());
        for i in &more.interviews {
            prop_assert!(later.iter().any(|r| r.candidate == i.candidate && r.booth == i.booth));
            prop_assert!(!existing.iter().any(|e| e.candidate == i.candidate && e.booth == i.booth));
        }
    }
}

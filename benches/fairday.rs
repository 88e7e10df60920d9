//! Fair-day desk speed on the regional peak fair (12,000 positions, 100,000 candidates).
//!
//! Reads the fair from `FAIRMATCH_BENCH_FAIR` (default `/tmp/peak.ron`, made with
//! `fairmatch generate --preset peak -o /tmp/peak.ron`). Each measured step is what a desk does
//! for one person: look up what was scanned or typed, then check in or record a visit. The
//! step is undone after each iteration so every iteration does the same work.
//!
//! `app_step` measures the same steps as the window runs them: `AppState::record` with a desk
//! action, including the live re-matching of the touched candidate, on the peak fair opened with
//! its matcher built. Desk actions are never undone, so each iteration checks in (or records a
//! visit for) the next candidate in turn.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use fairmatch::app::fairday::{CheckInOutcome, DeskIndex, VisitDraft, check_in, pinyin_keys, record_visit};
use fairmatch::app::merge::{merge_logs, station_log};
use fairmatch::model::{Fair, NextStep, StationId};

fn peak_fair() -> Fair {
    let path = std::env::var_os("FAIRMATCH_BENCH_FAIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/peak.ron"));
    match fairmatch::store::load_fair(&path) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!(
                "{e}\nmake it with: fairmatch generate --preset peak -o {}",
                path.display()
            );
            std::process::exit(2);
        }
    }
}

fn desks(c: &mut Criterion) {
    let mut fair = peak_fair();
    // The bench checks people in itself; start from nobody checked in.
    for candidate in &mut fair.candidates {
        candidate.checked_in = None;
    }
    fair.events.clear();
    let station = StationId::new("entrance-1");
    let now = fair
        .visits
        .first()
        .map(|v| v.at)
        .unwrap_or_else(|| chrono::NaiveDate::default().and_hms_opt(9, 0, 0).unwrap_or_default());

    let mut group = c.benchmark_group("desk_index");
    group.sample_size(10);
    group.bench_function("build_peak", |b| {
        b.iter(|| black_box(DeskIndex::build(black_box(&fair))))
    });
    group.finish();

    let desk = DeskIndex::build(&fair);
    let middle = fair.candidates.len() / 2;
    let person = fair.candidates[middle].clone();
    let initials = pinyin_keys(&person.name)
        .map(|(_, initials)| initials)
        .unwrap_or_default();
    let phone_tail: String = person
        .phone
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();

    let mut group = c.benchmark_group("lookup");
    group.bench_function("badge", |b| b.iter(|| black_box(desk.lookup(black_box(&person.badge)))));
    group.bench_function("pinyin_initials", |b| {
        b.iter(|| black_box(desk.lookup(black_box(&initials))))
    });
    group.bench_function("phone_last_4", |b| {
        b.iter(|| black_box(desk.lookup(black_box(&phone_tail))))
    });
    group.finish();
    println!(
        "lookup sizes on this fair: initials {:?} -> {} people, last 4 digits {:?} -> {} people",
        initials,
        desk.lookup(&initials).len(),
        phone_tail,
        desk.lookup(&phone_tail).len()
    );

    let mut group = c.benchmark_group("desk_step");
    group.bench_function("check_in_by_badge", |b| {
        b.iter(|| {
            let found = desk.lookup(&person.badge);
            let id = fair.candidates[found[0].index].id.clone();
            let outcome = check_in(&mut fair, &desk, &id, &station, now).ok();
            assert!(matches!(outcome, Some(CheckInOutcome::CheckedIn { .. })));
            fair.candidates[found[0].index].checked_in = None;
            fair.events.pop();
        })
    });
    let booth = fair.booths[fair.booths.len() / 2].id.clone();
    let position = fair
        .positions
        .iter()
        .rev()
        .find(|p| p.booth == booth)
        .map(|p| p.id.clone());
    let booth_station = StationId(format!("booth-{booth}"));
    group.bench_function("record_visit_by_badge", |b| {
        b.iter(|| {
            let found = desk.lookup(&person.badge);
            let draft = VisitDraft {
                candidate: fair.candidates[found[0].index].id.clone(),
                booth: booth.clone(),
                position: position.clone(),
                rating: Some(4),
                notes: "strong fit".into(),
                next_step: NextStep::Interview,
            };
            let recorded = record_visit(&mut fair, &desk, draft, &booth_station, now);
            assert!(recorded.is_ok());
            fair.visits.pop();
            fair.events.pop();
        })
    });
    group.finish();

    // Merging a busy day's logs into the organizer's fair: every candidate checked in at the
    // entrance (100,000 events), merged into the peak fair.
    let mut day = fair.clone();
    let day_desk = DeskIndex::build(&day);
    for i in 0..day.candidates.len() {
        let id = day.candidates[i].id.clone();
        let _ = check_in(&mut day, &day_desk, &id, &station, now);
    }
    let log = station_log(&day, Some(&station));
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("entrance_log_all_candidates_into_peak", |b| {
        b.iter_batched(
            || fair.clone(),
            |mut target| black_box(merge_logs(&mut target, std::slice::from_ref(&log)).map(|r| r.events_added)),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// One check-in and one visit through the app layer, as the desks record them.
fn app_steps(c: &mut Criterion) {
    use fairmatch::app::{AppState, DeskAction, DeskOutcome, Prefs};
    use std::time::{Duration, Instant};

    let mut fair = peak_fair();
    for candidate in &mut fair.candidates {
        candidate.checked_in = None;
    }
    fair.events.clear();
    let now = fair
        .visits
        .first()
        .map(|v| v.at)
        .unwrap_or_else(|| chrono::NaiveDate::default().and_hms_opt(9, 0, 0).unwrap_or_default());
    let prefs = Prefs {
        station_id: "entrance-1".into(),
        ..Prefs::default()
    };
    let badges: Vec<String> = fair.candidates.iter().map(|c| c.badge.clone()).collect();
    let open = || AppState::new(fair.clone(), None, prefs.clone());
    let mut app = open();
    // The first lookup builds the desk index (once per opened fair); not part of a step.
    black_box(app.desk_lookup(&badges[0]));

    let mut group = c.benchmark_group("app_step");
    let mut next = 0;
    group.bench_function("check_in_by_badge", |b| {
        b.iter_custom(|iters| {
            let mut took = Duration::ZERO;
            for _ in 0..iters {
                if next == badges.len() {
                    // Everyone is checked in: start over on the fair as opened (untimed).
                    app = open();
                    black_box(app.desk_lookup(&badges[0]));
                    next = 0;
                }
                let badge = &badges[next];
                next += 1;
                let start = Instant::now();
                let found = app.desk_lookup(badge);
                let id = app.fair().candidates[found[0].index].id.clone();
                let outcome = app.record(DeskAction::CheckIn { candidate: id, at: now });
                took += start.elapsed();
                assert!(matches!(outcome, Ok(DeskOutcome::CheckIn(_))));
            }
            took
        })
    });
    let booth = app.fair().booths[app.fair().booths.len() / 2].id.clone();
    let position = app
        .fair()
        .positions
        .iter()
        .rev()
        .find(|p| p.booth == booth)
        .map(|p| p.id.clone());
    let mut next = 0;
    group.bench_function("record_visit_by_badge", |b| {
        b.iter_custom(|iters| {
            let mut took = Duration::ZERO;
            for _ in 0..iters {
                let badge = &badges[next % badges.len()];
                next += 1;
                let start = Instant::now();
                let found = app.desk_lookup(badge);
                let draft = VisitDraft {
                    candidate: app.fair().candidates[found[0].index].id.clone(),
                    booth: booth.clone(),
                    position: position.clone(),
                    rating: Some(4),
                    notes: "strong fit".into(),
                    next_step: NextStep::Interview,
                };
                let outcome = app.record(DeskAction::visit(draft, now));
                took += start.elapsed();
                assert!(matches!(outcome, Ok(DeskOutcome::Visit(_))));
            }
            took
        })
    });
    group.finish();
}

criterion_group!(benches, desks, app_steps);
criterion_main!(benches);

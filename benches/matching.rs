//! Matching engine benchmarks on generated fairs. The peak scale is covered by `fairmatch bench`;
//! these stay small enough to run in a minute.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use fairmatch::generate::{GenerateSpec, Preset, generate};
use fairmatch::matching::Matcher;

fn campus() -> fairmatch::model::Fair {
    generate(&Preset::Campus.spec(7))
}

/// 2,000 positions and 10,000 candidates: big enough that an edit's cost shows.
fn medium() -> fairmatch::model::Fair {
    generate(&GenerateSpec {
        seed: 7,
        booths: 120,
        positions: 2_000,
        candidates: 10_000,
        visits: 1_000,
    })
}

fn full_match(c: &mut Criterion) {
    let fair = campus();
    c.bench_function("full match, campus (300 positions, 2,000 candidates)", |b| {
        b.iter(|| black_box(Matcher::build(&fair)))
    });
    let matcher = Matcher::build(&fair);
    c.bench_function("allocate, campus", |b| b.iter(|| black_box(matcher.allocate(&fair))));
}

/// Times only the matcher's update after each edit; the edit itself is not measured.
fn edits(c: &mut Criterion) {
    let mut fair = medium();
    let mut matcher = Matcher::build(&fair);
    let skills: Vec<String> = fair
        .positions
        .iter()
        .flat_map(|p| p.required_skills.clone())
        .take(50)
        .collect();
    let mut n = 0usize;
    c.bench_function("candidate edit, 2,000 × 10,000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let i = (n * 7919) % fair.candidates.len();
                let skill = skills[n % skills.len()].clone();
                let cand = &mut fair.candidates[i];
                let last = cand.skills.len().saturating_sub(1);
                match cand.skills.get_mut(last) {
                    Some(s) => *s = skill,
                    None => cand.skills.push(skill),
                }
                let id = cand.id.clone();
                let start = Instant::now();
                matcher.candidate_changed(&fair, &id);
                black_box(matcher.top_positions(&id).len());
                total += start.elapsed();
            }
            total
        })
    });
    let mut n = 0usize;
    c.bench_function("position edit, 2,000 × 10,000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let i = (n * 7919) % fair.positions.len();
                let skill = skills[(n * 3) % skills.len()].clone();
                let pos = &mut fair.positions[i];
                let last = pos.required_skills.len().saturating_sub(1);
                match pos.required_skills.get_mut(last) {
                    Some(s) => *s = skill,
                    None => pos.required_skills.push(skill),
                }
                let id = pos.id.clone();
                let start = Instant::now();
                matcher.position_changed(&fair, &id);
                black_box(matcher.top_candidates(&id).len());
                total += start.elapsed();
            }
            total
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = full_match, edits
}
criterion_main!(benches);

//! Generation speed at the brief's scales (generation only; saving is the store's bench).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use fairmatch::generate::{Preset, generate};

fn presets(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    for preset in Preset::ALL {
        let spec = preset.spec(1);
        group.bench_function(preset.name(), |b| b.iter(|| generate(black_box(&spec))));
    }
    group.finish();
}

criterion_group!(benches, presets);
criterion_main!(benches);

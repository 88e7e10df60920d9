//! Load time of a regional-peak fair file (12,000 positions, 100,000 candidates).
//!
//! The fair is built here with realistic field sizes (Chinese text, skill lists, visits) so the
//! measurement does not depend on the generator. The file is kept at
//! `target/bench-data/peak-store.ron` for timing `fairmatch check` by hand.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use fairmatch::model::*;
use fairmatch::store::{fair_from_str, fair_to_string, load_fair, save_fair};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const SKILLS: &[&str] = &[
    "Python",
    "机器学习",
    "深度学习",
    "SQL",
    "Java",
    "C++",
    "PLC编程",
    "数控加工",
    "海洋观测",
    "光伏系统设计",
    "锂电池工艺",
    "新媒体运营",
    "直播带货",
    "数据分析",
    "财务分析",
    "英语",
    "嵌入式开发",
    "声学仿真",
    "CAD",
];
const CITIES: &[&str] = &["青岛", "济南", "西宁", "合肥", "深圳", "北京", "上海", "潍坊", "烟台"];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"];

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn some_skills(rng: &mut ChaCha8Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| (*pick(rng, SKILLS)).to_owned()).collect()
}

fn peak_fair() -> Fair {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut fair = Fair::new(FairId::new("peak-bench"), "区域人才洽谈会 (peak)");
    for b in 0..710 {
        fair.booths.push(Booth {
            id: BoothId::new(format!("A-{b:04}")),
            employer: format!("{}智能科技有限公司{b}", pick(&mut rng, CITIES)),
            employer_kind: *pick(&mut rng, EmployerKind::ALL),
            industry: *pick(&mut rng, Industry::ALL),
            zone: format!("{} 区", (b'A' + (b % 8) as u8) as char),
            floor: Some(FloorSpot {
                x: (b % 40) as f32 * 3.0,
                y: (b / 40) as f32 * 3.0,
            }),
            staff: vec!["王经理".into(), "HR 李".into()],
            interviews: None,
        });
    }
    for p in 0..12_000 {
        let min = rng.random_range(4..20) * 1000;
        let booth = fair.booths[p % 710].id.clone();
        let required = rng.random_range(2..5);
        let preferred = rng.random_range(0..3);
        fair.positions.push(Position {
            id: PositionId::new(format!("P{p:05}")),
            booth,
            title: format!("{}工程师", pick(&mut rng, SKILLS)),
            openings: rng.random_range(1..10),
            required_skills: some_skills(&mut rng, required),
            preferred_skills: some_skills(&mut rng, preferred),
            min_education: *pick(&mut rng, Education::ALL),
            min_experience_years: rng.random_range(0..6),
            salary: Some(SalaryRange { min, max: min + 4000 }),
            city: (*pick(&mut rng, CITIES)).to_owned(),
            work_mode: *pick(&mut rng, WorkMode::ALL),
            industry: *pick(&mut rng, Industry::ALL),
            description: "负责产品研发与技术攻关，参与项目方案设计、实施与优化；具备良好的沟通能力和团队合作精神。"
                .into(),
        });
    }
    for c in 0..100_000u32 {
        let name = format!(
            "{}{}{}",
            pick(&mut rng, SURNAMES),
            pick(&mut rng, GIVEN),
            pick(&mut rng, GIVEN)
        );
        let skills = rng.random_range(2..7);
        fair.candidates.push(Candidate {
            id: CandidateId::new(format!("C{c:06}")),
            name,
            phone: format!("139{c:08}"),
            email: format!("c{c}@example.com"),
            education: *pick(&mut rng, Education::ALL),
            school: "中国海洋大学".into(),
            major: "计算机科学与技术".into(),
            graduation_year: Some(rng.random_range(2000..2027)),
            experience_years: rng.random_range(0..20),
            skills: some_skills(&mut rng, skills),
            expected_salary: Some(rng.random_range(4..25) * 1000),
            cities: vec![
                (*pick(&mut rng, CITIES)).to_owned(),
                (*pick(&mut rng, CITIES)).to_owned(),
            ],
            industries: vec![*pick(&mut rng, Industry::ALL)],
            work_modes: vec![*pick(&mut rng, WorkMode::ALL)],
            tier: *pick(&mut rng, TalentTier::ALL),
            hometown: (*pick(&mut rng, CITIES)).to_owned(),
            consent: rng.random_bool(0.8),
            badge: format!("B{c:07}"),
            checked_in: DateTime::from_timestamp(1_780_000_000 + i64::from(c), 0).map(|t| t.naive_utc()),
        });
    }
    for v in 0..30_000u32 {
        let booth = fair.booths[(v as usize * 7) % 710].id.clone();
        fair.visits.push(Visit {
            id: VisitId::new(format!("V{v:06}")),
            candidate: fair.candidates[(v as usize * 13) % 100_000].id.clone(),
            booth,
            position: None,
            at: DateTime::from_timestamp(1_780_000_000 + i64::from(v) * 3, 0)
                .map(|t| t.naive_utc())
                .unwrap_or_default(),
            rating: Some(rng.random_range(1..6)),
            notes: "沟通顺畅，建议安排二面".into(),
            next_step: *pick(&mut rng, NextStep::ALL),
            status: PipelineStatus::Open,
        });
    }
    fair
}

fn peak_file() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let path = dir.join("peak-store.ron");
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("create target/bench-data");
        save_fair(&path, &peak_fair()).expect("write the peak fair");
    }
    path
}

fn bench(c: &mut Criterion) {
    let path = peak_file();
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function("load_fair peak (12k positions, 100k candidates)", |b| {
        b.iter(|| black_box(load_fair(&path).expect("loads")))
    });
    // The same text parsed in one piece on one core, as `load_fair` did before it split lists.
    let text = std::fs::read_to_string(&path).expect("reads");
    group.bench_function("one-piece ron parse peak (single core, for comparison)", |b| {
        b.iter(|| {
            let options = ron::Options::default().with_recursion_limit(128);
            black_box(options.from_str::<Fair>(&text).expect("parses"))
        })
    });
    group.bench_function("fair_from_str peak (lists parsed in pieces on all cores)", |b| {
        b.iter(|| black_box(fair_from_str(&text, "peak").expect("parses")))
    });
    let fair = load_fair(&path).expect("loads");
    group.bench_function("fair_to_string peak", |b| {
        b.iter(|| black_box(fair_to_string(&fair).expect("serializes")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Shared test data: a small hand-made fair and proptest strategies for whole fairs.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDateTime};
use fairmatch::model::*;
use proptest::prelude::*;

/// Runs the built `fairmatch` binary with `args` and returns what it printed and its status.
pub fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fairmatch"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("runs")
}

pub fn at(secs: i64) -> NaiveDateTime {
    DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// A small valid fair with Chinese text, quotes and an emoji.
pub fn sample_fair() -> Fair {
    let mut fair = Fair::new(FairId::new("qd-2026-spring"), "青岛 \"归雁\" 招聘会 🎓");
    fair.meta.city = "青岛".into();
    fair.meta.zones = vec!["A 人工智能".into(), "B 海洋".into()];
    fair.booths.push(Booth {
        id: BoothId::new("A-001"),
        employer: "海尔集团".into(),
        employer_kind: EmployerKind::Enterprise,
        industry: Industry::HomeAppliances,
        zone: "A 人工智能".into(),
        floor: Some(FloorSpot { x: 1.5, y: 2.0 }),
        staff: vec!["王经理".into()],
        interviews: None,
    });
    fair.booths.push(Booth {
        id: BoothId::new("B-002"),
        employer: "中国海洋大学".into(),
        employer_kind: EmployerKind::University,
        industry: Industry::Marine,
        zone: "B 海洋".into(),
        floor: None,
        staff: vec![],
        interviews: None,
    });
    fair.positions.push(Position {
        id: PositionId::new("P1"),
        booth: BoothId::new("A-001"),
        title: "算法工程师".into(),
        openings: 3,
        required_skills: vec!["Python".into(), "机器学习".into()],
        preferred_skills: vec!["PyTorch".into()],
        min_education: Education::Master,
        min_experience_years: 2,
        salary: Some(SalaryRange { min: 12000, max: 18000 }),
        city: "青岛".into(),
        work_mode: WorkMode::OnSite,
        industry: Industry::ArtificialIntelligence,
        description: "负责推荐系统\n\"核心\"算法 \\ 优化".into(),
    });
    fair.positions.push(Position {
        id: PositionId::new("P2"),
        booth: BoothId::new("B-002"),
        title: "海洋观测研究员".into(),
        openings: 1,
        required_skills: vec!["海洋观测".into()],
        preferred_skills: vec![],
        min_education: Education::Doctorate,
        min_experience_years: 0,
        salary: None,
        city: "青岛".into(),
        work_mode: WorkMode::Flexible,
        industry: Industry::Marine,
        description: String::new(),
    });
    fair.candidates.push(Candidate {
        id: CandidateId::new("C1"),
        name: "张伟".into(),
        phone: "13800138000".into(),
        email: "zhangwei@example.com".into(),
        education: Education::Master,
        school: "山东大学".into(),
        major: "计算机科学".into(),
        graduation_year: Some(2026),
        experience_years: 0,
        skills: vec!["Python".into(), "ML".into()],
        expected_salary: Some(12000),
        cities: vec!["青岛".into(), "济南".into()],
        industries: vec![Industry::ArtificialIntelligence],
        work_modes: vec![WorkMode::OnSite, WorkMode::Hybrid],
        tier: TalentTier::Returnee,
        hometown: "青岛".into(),
        consent: true,
        badge: "QD0001".into(),
        checked_in: Some(at(1_780_000_000)),
    });
    fair.visits.push(Visit {
        id: VisitId::new("V1"),
        candidate: CandidateId::new("C1"),
        booth: BoothId::new("A-001"),
        position: Some(PositionId::new("P1")),
        at: at(1_780_000_600),
        rating: Some(5),
        notes: "聊得很好 👍".into(),
        next_step: NextStep::Interview,
        status: PipelineStatus::Open,
    });
    fair
}

/// Text that stresses escaping: Chinese, quotes, backslashes, newlines, emoji, RON syntax.
pub fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "招聘",
        "青岛",
        "机器学习",
        "\"",
        "'",
        "\\",
        "\n",
        "\r\n",
        "\t",
        "🎓",
        "👍🏽",
        "(",
        ")",
        "[",
        "]",
        ",",
        ":",
        "r#\"",
        "\"#",
        "/*",
        "//",
        " ",
        "a",
        "Z",
        "0",
        "é",
        "\u{0}",
        "\u{FEFF}",
        "\u{7F}",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(tricky_text(), 0..4)
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn time() -> impl Strategy<Value = NaiveDateTime> {
    (0i64..4_000_000_000, 0u32..1_000_000_000).prop_map(|(s, n)| {
        DateTime::from_timestamp(s, n)
            .map(|t| t.naive_utc())
            .unwrap_or_default()
    })
}

fn finite() -> impl Strategy<Value = f32> {
    prop_oneof![-1.0e6f32..1.0e6, Just(0.0f32), Just(f32::MIN_POSITIVE), Just(f32::MAX)]
}

fn booth() -> impl Strategy<Value = Booth> {
    (
        tricky_text(),
        tricky_text(),
        pick(EmployerKind::ALL),
        pick(Industry::ALL),
        tricky_text(),
        proptest::option::of((finite(), finite()).prop_map(|(x, y)| FloorSpot { x, y })),
        texts(),
        proptest::option::of((0i64..1_440, 1i64..600, 1u32..10, proptest::option::of(5u32..120))),
    )
        .prop_map(
            |(id, employer, employer_kind, industry, zone, floor, staff, hours)| Booth {
                id: BoothId(id),
                employer,
                employer_kind,
                industry,
                zone,
                floor,
                staff,
                interviews: hours.map(|(start, length, interviewers, slot_minutes)| {
                    let start = at(0) + chrono::Duration::minutes(start);
                    InterviewHours {
                        start,
                        end: start + chrono::Duration::minutes(length),
                        interviewers,
                        slot_minutes,
                    }
                }),
            },
        )
}

fn position() -> impl Strategy<Value = Position> {
    (
        (
            tricky_text(),
            tricky_text(),
            tricky_text(),
            any::<u32>(),
            texts(),
            texts(),
        ),
        (
            pick(Education::ALL),
            any::<u8>(),
            proptest::option::of((any::<u32>(), any::<u32>()).prop_map(|(min, max)| SalaryRange { min, max })),
            tricky_text(),
            pick(WorkMode::ALL),
            pick(Industry::ALL),
            tricky_text(),
        ),
    )
        .prop_map(
            |(
                (id, booth, title, openings, required_skills, preferred_skills),
                (min_education, min_experience_years, salary, city, work_mode, industry, description),
            )| Position {
                id: PositionId(id),
                booth: BoothId(booth),
                title,
                openings,
                required_skills,
                preferred_skills,
                min_education,
                min_experience_years,
                salary,
                city,
                work_mode,
                industry,
                description,
            },
        )
}

fn candidate() -> impl Strategy<Value = Candidate> {
    (
        (
            tricky_text(),
            tricky_text(),
            tricky_text(),
            tricky_text(),
            pick(Education::ALL),
            tricky_text(),
            tricky_text(),
            any::<Option<u16>>(),
            any::<u8>(),
            texts(),
        ),
        (
            any::<Option<u32>>(),
            texts(),
            prop::collection::vec(pick(Industry::ALL), 0..3),
            prop::collection::vec(pick(WorkMode::ALL), 0..3),
            pick(TalentTier::ALL),
            tricky_text(),
            any::<bool>(),
            tricky_text(),
            proptest::option::of(time()),
        ),
    )
        .prop_map(
            |(
                (id, name, phone, email, education, school, major, graduation_year, experience_years, skills),
                (expected_salary, cities, industries, work_modes, tier, hometown, consent, badge, checked_in),
            )| Candidate {
                id: CandidateId(id),
                name,
                phone,
                email,
                education,
                school,
                major,
                graduation_year,
                experience_years,
                skills,
                expected_salary,
                cities,
                industries,
                work_modes,
                tier,
                hometown,
                consent,
                badge,
                checked_in,
            },
        )
}

fn visit() -> impl Strategy<Value = Visit> {
    (
        tricky_text(),
        tricky_text(),
        tricky_text(),
        proptest::option::of(tricky_text()),
        time(),
        any::<Option<u8>>(),
        tricky_text(),
        pick(NextStep::ALL),
        pick(&[PipelineStatus::Open, PipelineStatus::Done, PipelineStatus::Withdrawn]),
    )
        .prop_map(
            |(id, candidate, booth, position, at, rating, notes, next_step, status)| Visit {
                id: VisitId(id),
                candidate: CandidateId(candidate),
                booth: BoothId(booth),
                position: position.map(PositionId),
                at,
                rating,
                notes,
                next_step,
                status,
            },
        )
}

fn settings() -> impl Strategy<Value = MatchSettings> {
    (any::<u16>(), finite(), finite(), finite()).prop_map(|(top_k, fit_weight, rating_bonus, min_score)| {
        MatchSettings {
            top_k,
            fit_weight,
            rating_bonus,
            min_score,
            ..MatchSettings::default()
        }
    })
}

/// Arbitrary fairs (not necessarily valid: the file format must carry anything the model holds).
pub fn any_fair() -> impl Strategy<Value = Fair> {
    (
        (tricky_text(), tricky_text(), tricky_text(), texts()),
        settings(),
        prop::collection::vec(booth(), 0..4),
        prop::collection::vec(position(), 0..4),
        prop::collection::vec(candidate(), 0..4),
        prop::collection::vec(visit(), 0..4),
        prop::collection::vec((tricky_text(), tricky_text()), 0..3),
        prop::collection::vec(tricky_text(), 0..3),
        prop::collection::vec(
            (
                tricky_text(),
                tricky_text(),
                proptest::option::of(tricky_text()),
                0i64..100_000,
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                (id, name, venue, zones),
                settings,
                booths,
                positions,
                candidates,
                visits,
                mappings,
                erased,
                interviews,
            )| {
                let mut fair = Fair::new(FairId(id), name);
                fair.meta.venue = venue;
                fair.meta.zones = zones;
                fair.settings = settings;
                fair.booths = booths;
                fair.positions = positions;
                fair.candidates = candidates;
                fair.visits = visits;
                fair.label_mappings = mappings
                    .into_iter()
                    .map(|(value, label)| LabelMapping {
                        vocabulary: Vocabulary::TalentTier,
                        value,
                        label,
                    })
                    .collect();
                fair.erased = erased
                    .into_iter()
                    .map(|id| Tombstone {
                        candidate: CandidateId(id),
                        erased_at: at(1_790_000_000),
                        checked_in: None,
                    })
                    .collect();
                fair.interviews = interviews
                    .into_iter()
                    .map(|(candidate, booth, position, start)| Interview {
                        candidate: CandidateId(candidate),
                        booth: BoothId(booth),
                        position: position.map(PositionId),
                        start: at(1_790_000_000 + start * 60),
                        end: at(1_790_000_900 + start * 60),
                    })
                    .collect();
                fair
            },
        )
}

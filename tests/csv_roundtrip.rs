//! Export → import gives back the same booths, positions and candidates.

mod common;

use std::fs;

use fairmatch::model::*;
use fairmatch::store::csv_export::{CsvEncoding, ExportTable, export_csv};
use fairmatch::store::csv_import::{ImportFiles, import_csv};
use proptest::prelude::*;

/// Cell text the importer keeps as is: no surrounding spaces; quotes, commas, tabs, newlines,
/// Chinese and emoji inside are fine.
fn cell() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "招聘",
        "青岛",
        "机器学习",
        "\"",
        "'",
        "\\",
        ",",
        "\t",
        "\n",
        "🎓",
        "a",
        "Z",
        "0",
        "é",
        " ",
    ]);
    prop::collection::vec(pieces, 1..8).prop_map(|v| {
        let text = v.concat().trim().to_owned();
        if text.is_empty() { "x".to_owned() } else { text }
    })
}

/// List items: no list separators inside.
fn item() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Python",
        "机器学习",
        "C++",
        "海洋 观测",
        "SQL",
        "emoji🎓",
        "\"quoted\"",
    ])
    .prop_map(str::to_owned)
}

fn items() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(item(), 0..4)
}

fn fair_strategy() -> impl Strategy<Value = Fair> {
    let booths = prop::collection::vec(
        (
            cell(),
            prop::sample::select(EmployerKind::ALL),
            prop::sample::select(Industry::ALL),
            cell(),
        ),
        1..4,
    );
    let positions = prop::collection::vec(
        (
            (cell(), 1u32..1000, items(), items()),
            (prop::sample::select(Education::ALL), 0u8..30),
            (proptest::option::of((0u32..100_000, 0u32..100_000))),
            (
                cell(),
                prop::sample::select(WorkMode::ALL),
                prop::sample::select(Industry::ALL),
                cell(),
            ),
        ),
        0..5,
    );
    let candidates = prop::collection::vec(
        (
            (cell(), prop::sample::select(Education::ALL), cell(), cell()),
            (
                proptest::option::of(1950u16..2100),
                0u8..50,
                items(),
                proptest::option::of(0u32..1_000_000),
            ),
            (
                items(),
                prop::collection::vec(prop::sample::select(Industry::ALL), 0..3),
            ),
            (
                prop::collection::vec(prop::sample::select(WorkMode::ALL), 0..3),
                prop::sample::select(TalentTier::ALL),
            ),
            (cell(), any::<bool>(), cell()),
        ),
        0..5,
    );
    (booths, positions, candidates).prop_map(|(booths, positions, candidates)| {
        let mut fair = Fair::new(FairId::new("rt"), "rt");
        for (i, (employer, employer_kind, industry, zone)) in booths.into_iter().enumerate() {
            fair.booths.push(Booth {
                id: BoothId::new(format!("B{i}")),
                employer,
                employer_kind,
                industry,
                zone,
                floor: None,
                staff: vec![],
                // Every other booth interviews, at hours that differ by booth.
                interviews: (i % 2 == 1).then(|| {
                    let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
                    InterviewHours {
                        start: day.and_hms_opt(9, (i % 60) as u32, 0).unwrap(),
                        end: day.and_hms_opt(16, 30, 0).unwrap(),
                        interviewers: 1 + i as u32,
                        slot_minutes: None,
                    }
                }),
            });
        }
        let booth_count = fair.booths.len();
        for (i, ((title, openings, required_skills, preferred_skills), (min_education, years), salary, rest)) in
            positions.into_iter().enumerate()
        {
            let (city, work_mode, industry, description) = rest;
            fair.positions.push(Position {
                id: PositionId::new(format!("P{i}")),
                booth: fair.booths[i % booth_count].id.clone(),
                title,
                openings,
                required_skills,
                preferred_skills,
                min_education,
                min_experience_years: years,
                salary: salary.map(|(a, b)| SalaryRange {
                    min: a.min(b),
                    max: a.max(b),
                }),
                city,
                work_mode,
                industry,
                description,
            });
        }
        for (i, c) in candidates.into_iter().enumerate() {
            let (
                (name, education, school, major),
                (graduation_year, experience_years, skills, salary),
                (cities, industries),
                (work_modes, tier),
                (hometown, consent, badge),
            ) = c;
            fair.candidates.push(Candidate {
                id: CandidateId::new(format!("C{i}")),
                name,
                phone: format!("1380000{i:04}"),
                email: format!("c{i}@example.com"),
                education,
                school,
                major,
                graduation_year,
                experience_years,
                skills,
                expected_salary: salary,
                cities,
                industries,
                work_modes,
                tier,
                hometown,
                consent,
                badge,
                checked_in: None,
            });
        }
        fair
    })
}

fn round_trip(fair: &Fair, encoding: CsvEncoding) -> Fair {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, what| {
        let path = dir.path().join(name);
        fs::write(&path, export_csv(fair, what, encoding).unwrap()).unwrap();
        path
    };
    let b = write("b.csv", ExportTable::Booths);
    let p = write("p.csv", ExportTable::Positions);
    let c = write("c.csv", ExportTable::Candidates);
    let j = write("j.csv", ExportTable::Projects);
    let s = write("s.csv", ExportTable::Sessions);
    let mut back = Fair::new(fair.meta.id.clone(), fair.meta.name.clone());
    let report = import_csv(
        &mut back,
        &ImportFiles {
            booths: Some(&b),
            positions: Some(&p),
            candidates: Some(&c),
            projects: Some(&j),
            sessions: Some(&s),
        },
    )
    .unwrap();
    assert_eq!(report.bad_rows, vec![]);
    back
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_the_same_records(fair in fair_strategy()) {
        let back = round_trip(&fair, CsvEncoding::Utf8);
        prop_assert_eq!(back, fair);
    }
}

#[test]
fn gb18030_export_round_trips_the_sample() {
    let mut fair = common::sample_fair();
    // Fields CSV does not carry.
    fair.booths[0].floor = None;
    fair.booths[0].staff.clear();
    fair.candidates[0].checked_in = None;
    let bytes = export_csv(&fair, ExportTable::Candidates, CsvEncoding::Gb18030).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "really GB18030");
    let mut back = round_trip(&fair, CsvEncoding::Gb18030);
    back.visits = fair.visits.clone();
    back.meta = fair.meta.clone();
    assert_eq!(back, fair);
}

#[test]
fn visits_export_names_people_and_employers() {
    let fair = common::sample_fair();
    let text = String::from_utf8(export_csv(&fair, ExportTable::Visits, CsvEncoding::Utf8).unwrap()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{FEFF}id,candidate,name,booth,employer,position,title,at,rating,notes,next_step,status"
    );
    assert_eq!(
        lines.next().unwrap(),
        "V1,C1,张伟,A-001,海尔集团,P1,算法工程师,2026-05-28 20:36:40,5,聊得很好 👍,Interview,open"
    );
}

#[test]
fn the_candidates_export_says_when_each_checked_in_and_import_still_takes_the_file() {
    let mut fair = common::sample_fair();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
        .and_then(|d| d.and_hms_opt(9, 41, 5))
        .unwrap();
    let mut second = fair.candidates[0].clone();
    second.id = CandidateId::new("C-second");
    second.phone = "13900009999".into();
    second.email = String::new();
    second.badge = "QD-SECOND".into();
    fair.candidates.push(second);
    for c in &mut fair.candidates {
        c.checked_in = None;
    }
    fair.candidates[1].checked_in = Some(at);
    let text = String::from_utf8(export_csv(&fair, ExportTable::Candidates, CsvEncoding::Utf8).unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.iter().next_back(), Some("checked_in_at"));
    let column = header.len() - 1;
    let cells: Vec<String> = reader.records().map(|r| r.unwrap()[column].to_owned()).collect();
    assert_eq!(cells[0], "");
    assert_eq!(cells[1], "2026-10-01 09:41:05");
    // The importer takes the registration data and leaves fair-day state to station logs.
    fair.booths[0].floor = None;
    fair.booths[0].staff.clear();
    let back = round_trip(&fair, CsvEncoding::Utf8);
    assert_eq!(back.candidates.len(), fair.candidates.len());
    assert!(back.candidates.iter().all(|c| c.checked_in.is_none()));
}

//! A small hand-built fair for the fair-day tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use fairmatch::model::{
    Booth, BoothId, Candidate, CandidateId, Education, EmployerKind, Fair, FairId, Industry, LocalTime, Position,
    PositionId, TalentTier, WorkMode,
};

pub fn at(hour: u32, minute: u32) -> LocalTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("valid time")
}

pub fn candidate(id: &str, name: &str, phone: &str, email: &str, badge: &str) -> Candidate {
    Candidate {
        id: CandidateId::new(id),
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        education: Education::Bachelor,
        school: "青岛大学".into(),
        major: "计算机科学".into(),
        graduation_year: Some(2026),
        experience_years: 0,
        skills: vec!["Python".into(), "机器学习".into()],
        expected_salary: Some(9000),
        cities: vec!["青岛".into()],
        industries: vec![Industry::ArtificialIntelligence],
        work_modes: vec![],
        tier: TalentTier::Student,
        hometown: "青岛".into(),
        consent: true,
        badge: badge.into(),
        checked_in: None,
    }
}

pub fn small_fair() -> Fair {
    let mut fair = Fair::new(FairId::new("fair-2026-qd"), "青岛归雁招聘会");
    for (id, employer) in [("A-001", "海尔智家"), ("A-002", "海信视像")] {
        fair.booths.push(Booth {
            id: BoothId::new(id),
            employer: employer.into(),
            employer_kind: EmployerKind::Enterprise,
            industry: Industry::HomeAppliances,
            zone: "A".into(),
            floor: None,
            staff: vec![],
            interviews: None,
        });
    }
    for (id, booth) in [("P-1", "A-001"), ("P-2", "A-001"), ("P-3", "A-002")] {
        fair.positions.push(Position {
            id: PositionId::new(id),
            booth: BoothId::new(booth),
            title: "算法工程师".into(),
            openings: 2,
            required_skills: vec!["Python".into()],
            preferred_skills: vec![],
            min_education: Education::Bachelor,
            min_experience_years: 0,
            salary: None,
            city: "青岛".into(),
            work_mode: WorkMode::OnSite,
            industry: Industry::ArtificialIntelligence,
            description: String::new(),
        });
    }
    fair.candidates = vec![
        candidate("C-1", "张伟", "13800138000", "zhangwei@example.com", "B0001"),
        candidate("C-2", "张薇", "+86 139-1234-5678", "zw2@example.com", "B0002"),
        candidate("C-3", "李娜", "13700005678", "lina@example.com", "B0003"),
        candidate("C-4", "Anna Smith", "15000001111", "Anna.Smith@Example.com", "B0004"),
        candidate("C-5", "王芳", "13600002222", "", "B0005"),
        candidate("C-6", "刘洋", "13500003333", "liuyang@example.com", "B0006"),
    ];
    fair
}

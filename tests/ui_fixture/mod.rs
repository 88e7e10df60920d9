//! A small bilingual fair for the window tests.
#![allow(dead_code)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::*;
use fairmatch::ui::Workspace;

/// The fixture fair in a window speaking `lang`, with typed-path dialogs instead of native ones.
pub fn workspace(lang: Lang) -> Workspace {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fair(), None, prefs));
    ws.native_dialogs = false;
    ws
}

/// The whole window, headless, at a laptop's size.
pub fn harness(ws: Workspace) -> Harness<'static, Workspace> {
    Harness::builder()
        .with_size([1500.0, 950.0])
        // A background job or matcher build that ends while `run` steps asks for a few more
        // frames; on a loaded machine that can take more than kittest's default four.
        .with_max_steps(16)
        // Test machines may lack a CJK font; the check for that is the app's own notice.
        .allow_missing_glyphs()
        .build_ui_state(|ui, ws: &mut Workspace| ws.show(ui), ws)
}

/// Clicks a left-navigation button (its label also appears as the view's heading).
pub fn nav(h: &Harness<'_, Workspace>, label: &str) {
    // The menu bar's "Settings" menu comes first in the tree; the navigation button last.
    h.query_all_by_role_and_label(Role::Button, label)
        .last()
        .unwrap_or_else(|| panic!("no navigation button {label}"))
        .click();
}

pub fn booth(id: &str, employer: &str, industry: Industry) -> Booth {
    Booth {
        id: BoothId::new(id),
        employer: employer.into(),
        employer_kind: EmployerKind::Enterprise,
        industry,
        zone: "A 人工智能".into(),
        floor: None,
        staff: vec![],
        interviews: None,
    }
}

pub fn position(id: &str, booth: &str, title: &str, skills: &[&str]) -> Position {
    Position {
        id: PositionId::new(id),
        booth: BoothId::new(booth),
        title: title.into(),
        openings: 2,
        required_skills: skills.iter().map(|s| s.to_string()).collect(),
        preferred_skills: vec![],
        min_education: Education::Bachelor,
        min_experience_years: 0,
        salary: Some(SalaryRange { min: 8000, max: 15000 }),
        city: "青岛".into(),
        work_mode: WorkMode::OnSite,
        industry: Industry::ArtificialIntelligence,
        description: String::new(),
    }
}

pub fn candidate(id: &str, name: &str, skills: &[&str]) -> Candidate {
    Candidate {
        id: CandidateId::new(id),
        name: name.into(),
        phone: format!("1380000{:04}", id.len() * 7),
        email: String::new(),
        education: Education::Master,
        school: "中国海洋大学".into(),
        major: "计算机".into(),
        graduation_year: Some(2026),
        experience_years: 1,
        skills: skills.iter().map(|s| s.to_string()).collect(),
        expected_salary: Some(10000),
        cities: vec!["青岛".into()],
        industries: vec![Industry::ArtificialIntelligence],
        work_modes: vec![],
        tier: TalentTier::Student,
        hometown: String::new(),
        consent: true,
        badge: String::new(),
        checked_in: None,
    }
}

pub fn fair() -> Fair {
    let mut fair = Fair::new(FairId::new("test-fair"), "青岛秋季招聘会");
    fair.booths = vec![
        booth("A01", "海尔集团", Industry::HomeAppliances),
        booth("A02", "歌尔股份", Industry::Acoustics),
    ];
    fair.positions = vec![
        position("P0001", "A01", "算法工程师", &["机器学习", "Python"]),
        position("P0002", "A01", "数据分析师", &["SQL"]),
        position("P0003", "A02", "声学工程师", &["Deep learning"]),
    ];
    fair.candidates = vec![
        candidate("C0001", "张伟", &["Python"]),
        candidate("C0002", "李娜", &["SQL"]),
        candidate("C0003", "Wang Fang", &["Deep learning"]),
    ];
    fair
}

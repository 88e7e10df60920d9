//! Scores and reasons, and updates that give what a fresh build gives.

use super::score::{CITY, OFFER};
use super::*;
use crate::model::{
    Booth, Education, EmployerKind, FairId, Position, PositionId, Project, ProjectSeeks, ProjectStage, ProjectStatus,
    WorkMode,
};
use proptest::prelude::*;

fn booth(id: &str, industry: Industry, kind: EmployerKind) -> Booth {
    Booth {
        id: BoothId::new(id),
        employer: id.into(),
        employer_kind: kind,
        industry,
        zone: String::new(),
        floor: None,
        staff: Vec::new(),
        interviews: None,
    }
}

fn position(booth: &str, skills: &[&str], city: &str) -> Position {
    Position {
        id: PositionId::new(format!("{booth}-P")),
        booth: BoothId::new(booth),
        title: "工程师".into(),
        openings: 1,
        required_skills: skills.iter().map(|s| s.to_string()).collect(),
        preferred_skills: Vec::new(),
        min_education: Education::Bachelor,
        min_experience_years: 0,
        salary: None,
        city: city.into(),
        work_mode: WorkMode::OnSite,
        industry: Industry::ArtificialIntelligence,
        description: String::new(),
    }
}

fn project(fields: &[&str], seeks: ProjectSeeks) -> Project {
    Project {
        id: ProjectId::new("PRJ1"),
        title: "智能质检视觉平台".into(),
        lead: "李博士".into(),
        team: Vec::new(),
        industry: Industry::ArtificialIntelligence,
        fields: fields.iter().map(|s| s.to_string()).collect(),
        stage: ProjectStage::Prototype,
        seeks,
        cities: vec!["青岛".into()],
        status: ProjectStatus::Registered,
        steps: Vec::new(),
        description: String::new(),
    }
}

#[test]
fn the_counterparty_that_shares_fields_city_and_offer_ranks_first_with_its_reasons() {
    let mut fair = Fair::new(FairId::new("f"), "f");
    fair.booths = vec![
        booth("A", Industry::ArtificialIntelligence, EmployerKind::Enterprise),
        booth("B", Industry::ArtificialIntelligence, EmployerKind::Investor),
        booth("C", Industry::Software, EmployerKind::University),
    ];
    fair.positions = vec![
        position("A", &["计算机视觉", "Python"], "青岛"),
        position("C", &["Java"], "济南"),
    ];
    fair.projects = vec![project(
        &["计算机视觉"],
        ProjectSeeks {
            investment_wan: Some(500),
            pilot_customers: true,
            ..ProjectSeeks::default()
        },
    )];
    let matcher = ProjectMatcher::build(&fair);
    let list = matcher.top_booths(&ProjectId::new("PRJ1"));
    let ranked: Vec<&str> = list.iter().map(|m| m.booth.as_str()).collect();
    assert_eq!(ranked[..2], ["A", "B"]);
    let a = &list[0];
    assert!(a.reasons.contains(&ProjectReason::Fields(vec!["计算机视觉".into()])));
    assert!(a.reasons.contains(&ProjectReason::City("青岛".into())));
    assert!(a.reasons.contains(&ProjectReason::Offers(vec![Offer::PilotCustomers])));
    // Industry 30 + fields 35 + city 15 + half of what it seeks 10.
    assert_eq!(a.score, 90.0);
    let b = &list[1];
    assert!(b.reasons.contains(&ProjectReason::Offers(vec![Offer::Investment])));
    assert_eq!(matcher.top_projects(&BoothId::new("B"))[0].project.as_str(), "PRJ1");
    assert_eq!(a.reasons[0].describe(Lang::Zh), "同属人工智能");
}

#[test]
fn an_edited_project_is_ranked_again_and_a_removed_one_forgotten() {
    let mut fair = Fair::new(FairId::new("f"), "f");
    fair.booths = vec![booth("P", Industry::Software, EmployerKind::Park)];
    fair.projects = vec![project(&[], ProjectSeeks::default())];
    fair.projects[0].cities.clear();
    let mut matcher = ProjectMatcher::build(&fair);
    let id = ProjectId::new("PRJ1");
    // Another industry, no fields, seeks nothing: nothing to say for the park.
    assert!(matcher.top_booths(&id).is_empty());
    fair.projects[0].seeks.site = true;
    let mut changes = ProjectChanges::default();
    changes.project(&id);
    matcher.update(&fair, &changes);
    // Any city suits a project that names none (15), and the park gives a site (20).
    assert_eq!(matcher.top_booths(&id)[0].score, CITY + OFFER);
    fair.projects.clear();
    matcher.update(&fair, &changes);
    assert!(matcher.top_booths(&id).is_empty());
}

const KINDS: [EmployerKind; 6] = [
    EmployerKind::Enterprise,
    EmployerKind::University,
    EmployerKind::Institute,
    EmployerKind::Government,
    EmployerKind::Park,
    EmployerKind::Investor,
];
const INDUSTRIES: [Industry; 3] = [Industry::ArtificialIntelligence, Industry::Software, Industry::BigData];
/// Known skills, one of the same group as another, and one the dictionary does not know.
const SKILLS: [&str; 6] = ["Python", "Java", "计算机视觉", "机器学习", "SQL", "量子拍卖"];
const CITIES: [&str; 3] = ["青岛", "济南", "烟台"];

/// One organizer edit, by indexes taken modulo what the fair has.
#[derive(Debug, Clone)]
enum Step {
    BoothKind(usize, usize),
    BoothIndustry(usize, usize),
    RenameBooth(usize),
    AddBooth(usize, usize),
    RemoveBooth(usize),
    /// Removes up to this many booths from one on: enough to empty a list of what it kept.
    RemoveBooths(usize, usize),
    /// Adds a booth under an id that positions may already name (one removed before).
    RestoreBooth(usize, usize),
    PositionSkills(usize, Vec<usize>),
    PositionCity(usize, usize),
    MovePosition(usize, usize),
    AddPosition(usize, Vec<usize>, usize),
    RemovePosition(usize),
    RenamePosition(usize),
    /// Copies a position, id and all, to another place (validation reports it; the first counts).
    DuplicatePosition(usize, usize),
    ProjectFields(usize, Vec<usize>),
    ProjectCities(usize, Vec<usize>),
    ProjectSeeks(usize, u8),
    AddProject(usize, Vec<usize>),
    RemoveProject(usize),
    RenameProject(usize),
    /// Brings the matcher up to date with the changes so far.
    Update,
}

fn step() -> impl Strategy<Value = Step> {
    let i = || 0..64usize;
    let skills = || prop::collection::vec(0..SKILLS.len(), 0..4);
    prop_oneof![
        (i(), i()).prop_map(|(a, b)| Step::BoothKind(a, b)),
        (i(), i()).prop_map(|(a, b)| Step::BoothIndustry(a, b)),
        i().prop_map(Step::RenameBooth),
        (i(), i()).prop_map(|(a, b)| Step::AddBooth(a, b)),
        i().prop_map(Step::RemoveBooth),
        (i(), 0..30usize).prop_map(|(a, n)| Step::RemoveBooths(a, n)),
        (i(), i()).prop_map(|(a, b)| Step::RestoreBooth(a, b)),
        (i(), skills()).prop_map(|(a, b)| Step::PositionSkills(a, b)),
        (i(), i()).prop_map(|(a, b)| Step::PositionCity(a, b)),
        (i(), i()).prop_map(|(a, b)| Step::MovePosition(a, b)),
        (i(), skills(), i()).prop_map(|(a, b, c)| Step::AddPosition(a, b, c)),
        i().prop_map(Step::RemovePosition),
        i().prop_map(Step::RenamePosition),
        (i(), i()).prop_map(|(a, b)| Step::DuplicatePosition(a, b)),
        (i(), skills()).prop_map(|(a, b)| Step::ProjectFields(a, b)),
        (i(), prop::collection::vec(0..CITIES.len(), 0..3)).prop_map(|(a, b)| Step::ProjectCities(a, b)),
        (i(), any::<u8>()).prop_map(|(a, b)| Step::ProjectSeeks(a, b)),
        (i(), skills()).prop_map(|(a, b)| Step::AddProject(a, b)),
        i().prop_map(Step::RemoveProject),
        i().prop_map(Step::RenameProject),
        Just(Step::Update),
    ]
}

fn seeks(bits: u8) -> ProjectSeeks {
    ProjectSeeks {
        investment_wan: (bits & 1 != 0).then_some(300),
        site: bits & 2 != 0,
        partners: bits & 4 != 0,
        pilot_customers: bits & 8 != 0,
    }
}

fn random_project(id: String, i: usize, fields: &[usize]) -> Project {
    // Every other project names no city and so suits booths anywhere: lists longer than KEPT.
    let mut p = project(
        &fields.iter().map(|&f| SKILLS[f]).collect::<Vec<_>>(),
        seeks((i as u8).wrapping_mul(7) | 8),
    );
    p.id = ProjectId::new(id);
    p.industry = INDUSTRIES[i % INDUSTRIES.len()];
    p.cities = if i.is_multiple_of(2) {
        Vec::new()
    } else {
        vec![CITIES[i % CITIES.len()].to_owned()]
    };
    p
}

/// A fair of `booths` booths of mixed kinds and industries (enough for lists longer than
/// [`KEPT`]), a position or two each, and `projects` projects.
fn random_fair(booths: usize, projects: usize) -> Fair {
    let mut fair = Fair::new(FairId::new("f"), "f");
    for b in 0..booths {
        fair.booths.push(booth(
            &format!("B{b}"),
            INDUSTRIES[b % INDUSTRIES.len()],
            KINDS[b % KINDS.len()],
        ));
        for k in 0..1 + b % 2 {
            let mut p = position(
                &format!("B{b}"),
                &[SKILLS[(b + k) % SKILLS.len()]],
                CITIES[b % CITIES.len()],
            );
            p.id = PositionId::new(format!("P{b}-{k}"));
            fair.positions.push(p);
        }
    }
    for i in 0..projects {
        fair.projects
            .push(random_project(format!("J{i}"), i, &[i % SKILLS.len()]));
    }
    fair
}

/// Applies `step` to the fair and notes what it changed, as the app does.
fn apply(fair: &mut Fair, step: &Step, changes: &mut ProjectChanges, serial: &mut usize) {
    *serial += 1;
    let fresh = *serial;
    let (nb, np, nj) = (fair.booths.len(), fair.positions.len(), fair.projects.len());
    match step.clone() {
        Step::BoothKind(b, k) if nb > 0 => {
            fair.booths[b % nb].employer_kind = KINDS[k % KINDS.len()];
            changes.booth(&fair.booths[b % nb].id);
        }
        Step::BoothIndustry(b, i) if nb > 0 => {
            fair.booths[b % nb].industry = INDUSTRIES[i % INDUSTRIES.len()];
            changes.booth(&fair.booths[b % nb].id);
        }
        Step::RenameBooth(b) if nb > 0 => {
            changes.booth(&fair.booths[b % nb].id);
            fair.booths[b % nb].id = BoothId::new(format!("NB{fresh}"));
            changes.booth(&fair.booths[b % nb].id);
        }
        Step::AddBooth(k, i) => {
            let b = booth(
                &format!("NB{fresh}"),
                INDUSTRIES[i % INDUSTRIES.len()],
                KINDS[k % KINDS.len()],
            );
            changes.booth(&b.id);
            fair.booths.insert(k % (nb + 1), b);
        }
        Step::RemoveBooth(b) if nb > 0 => {
            changes.booth(&fair.booths.remove(b % nb).id);
        }
        Step::RemoveBooths(b, n) if nb > 0 => {
            let from = b % nb;
            for gone in fair.booths.drain(from..(from + n).min(nb)) {
                changes.booth(&gone.id);
            }
        }
        Step::RestoreBooth(b, k) => {
            let id = format!("B{}", b % 48);
            if fair.booths.iter().all(|x| x.id.as_str() != id) {
                let b = booth(&id, INDUSTRIES[k % INDUSTRIES.len()], KINDS[k % KINDS.len()]);
                changes.booth(&b.id);
                fair.booths.insert(k % (nb + 1), b);
            }
        }
        Step::PositionSkills(p, skills) if np > 0 => {
            fair.positions[p % np].required_skills = skills.iter().map(|&s| SKILLS[s].to_owned()).collect();
            changes.position(&fair.positions[p % np].id);
        }
        Step::PositionCity(p, c) if np > 0 => {
            fair.positions[p % np].city = CITIES[c % CITIES.len()].to_owned();
            changes.position(&fair.positions[p % np].id);
        }
        Step::MovePosition(p, b) if np > 0 && nb > 0 => {
            fair.positions[p % np].booth = fair.booths[b % nb].id.clone();
            changes.position(&fair.positions[p % np].id);
        }
        Step::AddPosition(b, skills, c) if nb > 0 => {
            let skills: Vec<&str> = skills.iter().map(|&s| SKILLS[s]).collect();
            let mut p = position(fair.booths[b % nb].id.as_str(), &skills, CITIES[c % CITIES.len()]);
            p.id = PositionId::new(format!("NP{fresh}"));
            changes.position(&p.id);
            fair.positions.insert(c % (np + 1), p);
        }
        Step::RemovePosition(p) if np > 0 => {
            changes.position(&fair.positions.remove(p % np).id);
        }
        Step::RenamePosition(p) if np > 0 => {
            changes.position(&fair.positions[p % np].id);
            fair.positions[p % np].id = PositionId::new(format!("NP{fresh}"));
            changes.position(&fair.positions[p % np].id);
        }
        Step::DuplicatePosition(p, at) if np > 0 => {
            let mut copy = fair.positions[p % np].clone();
            copy.city = CITIES[at % CITIES.len()].to_owned();
            changes.position(&copy.id);
            fair.positions.insert(at % (np + 1), copy);
        }
        Step::ProjectFields(j, fields) if nj > 0 => {
            fair.projects[j % nj].fields = fields.iter().map(|&f| SKILLS[f].to_owned()).collect();
            changes.project(&fair.projects[j % nj].id);
        }
        Step::ProjectCities(j, cities) if nj > 0 => {
            fair.projects[j % nj].cities = cities.iter().map(|&c| CITIES[c].to_owned()).collect();
            changes.project(&fair.projects[j % nj].id);
        }
        Step::ProjectSeeks(j, bits) if nj > 0 => {
            fair.projects[j % nj].seeks = seeks(bits);
            changes.project(&fair.projects[j % nj].id);
        }
        Step::AddProject(i, fields) => {
            let p = random_project(format!("NJ{fresh}"), i, &fields);
            changes.project(&p.id);
            fair.projects.push(p);
        }
        Step::RemoveProject(j) if nj > 0 => {
            changes.project(&fair.projects.remove(j % nj).id);
        }
        Step::RenameProject(j) if nj > 0 => {
            changes.project(&fair.projects[j % nj].id);
            fair.projects[j % nj].id = ProjectId::new(format!("NJ{fresh}"));
            changes.project(&fair.projects[j % nj].id);
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn updates_give_the_lists_a_fresh_build_gives(
        booths in 0..48usize,
        projects in 0..6usize,
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let mut fair = random_fair(booths, projects);
        let mut matcher = ProjectMatcher::build(&fair);
        let mut changes = ProjectChanges::default();
        let mut serial = 0;
        for step in &steps {
            if matches!(step, Step::Update) {
                matcher.update(&fair, &std::mem::take(&mut changes));
            } else {
                apply(&mut fair, step, &mut changes, &mut serial);
            }
        }
        matcher.update(&fair, &changes);
        let fresh = ProjectMatcher::build(&fair);
        for project in &fair.projects {
            prop_assert_eq!(matcher.top_booths(&project.id), fresh.top_booths(&project.id), "project {}", project.id);
        }
        prop_assert_eq!(matcher.lists.len(), fresh.lists.len());
        for booth in &fair.booths {
            prop_assert_eq!(matcher.top_projects(&booth.id), fresh.top_projects(&booth.id), "booth {}", booth.id);
        }
    }
}

#[test]
fn a_list_that_loses_what_it_kept_is_ranked_again() {
    // 60 booths for one project that suits most of them: its list keeps the best KEPT.
    let mut fair = random_fair(60, 1);
    fair.projects[0].seeks = seeks(0b1111);
    fair.projects[0].cities.clear();
    let mut matcher = ProjectMatcher::build(&fair);
    let id = fair.projects[0].id.clone();
    assert!(!matcher.lists[&id].complete, "more qualify than are kept");
    let kept: Vec<BoothId> = matcher.lists[&id].entries.iter().map(|m| m.booth.clone()).collect();
    let mut changes = ProjectChanges::default();
    fair.booths.retain(|b| {
        let gone = kept.contains(&b.id);
        if gone {
            changes.booth(&b.id);
        }
        !gone
    });
    matcher.update(&fair, &changes);
    let fresh = ProjectMatcher::build(&fair);
    assert_eq!(matcher.top_booths(&id), fresh.top_booths(&id));
    assert_eq!(
        matcher.top_booths(&id).len(),
        TOP,
        "the next best booths, found by ranking again"
    );
    assert!(matcher.top_booths(&id).iter().all(|m| !kept.contains(&m.booth)));
}

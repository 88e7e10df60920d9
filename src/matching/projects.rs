//! Projects matched to counterparties (booths: employers, parks, investors, universities).
//!
//! A pair's score (0–100) adds four parts, each with its reason:
//! - **industry** (30): the booth is in the project's industry;
//! - **fields** (35): the share of the project's technology fields that the booth's positions
//!   ask for (exactly, or 40 % credit for a skill of the same group);
//! - **city** (15): the booth's positions are in a city the project prefers (or the project
//!   names none);
//! - **offer** (20): the share of what the project seeks that this kind of counterparty gives:
//!   investment from investors, a site from parks and governments, partners from universities,
//!   institutes and enterprises, pilot customers from enterprises.
//!
//! Pairs under [`MIN_SCORE`] are not listed. Lists are kept per project and recomputed for one
//! project when it changes, or for all when a booth or position changes (a project's list is a
//! scan of the booths: 710 booths × 500 projects is well under the full match's time).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{
    BoothId, EmployerKind, Fair, Industry, Lang, Project, ProjectId, SkillDictionary, SkillGroup, SkillId,
};
use crate::text::fold;

pub const MIN_SCORE: f32 = 25.0;
/// Best counterparties kept per project.
pub const TOP: usize = 10;

const INDUSTRY: f32 = 30.0;
const FIELDS: f32 = 35.0;
const CITY: f32 = 15.0;
const OFFER: f32 = 20.0;
const SAME_GROUP_CREDIT: f32 = 0.4;

/// Why a counterparty suits a project.
#[derive(Debug, Clone, PartialEq)]
pub enum ProjectReason {
    SameIndustry(Industry),
    /// Fields the booth's positions ask for.
    Fields(Vec<String>),
    City(String),
    /// What the booth's kind gives that the project seeks.
    Offers(Vec<Offer>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    Investment,
    Site,
    Partners,
    PilotCustomers,
}

impl Offer {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Offer::Investment => lang.pick("investment", "投资"),
            Offer::Site => lang.pick("a site", "场地"),
            Offer::Partners => lang.pick("partners", "合作伙伴"),
            Offer::PilotCustomers => lang.pick("pilot customers", "试点客户"),
        }
    }
}

impl ProjectReason {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ProjectReason::SameIndustry(i) => match lang {
                Lang::En => format!("same industry ({})", i.en()),
                Lang::Zh => format!("同属{}", i.zh()),
            },
            ProjectReason::Fields(fields) => match lang {
                Lang::En => format!("works with {}", fields.join(", ")),
                Lang::Zh => format!("需要{}", fields.join("、")),
            },
            ProjectReason::City(city) => match lang {
                Lang::En => format!("in {city}"),
                Lang::Zh => format!("位于{city}"),
            },
            ProjectReason::Offers(offers) => {
                let list: Vec<&str> = offers.iter().map(|o| o.label(lang)).collect();
                match lang {
                    Lang::En => format!("offers {}", list.join(", ")),
                    Lang::Zh => format!("可提供{}", list.join("、")),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectMatch {
    pub project: ProjectId,
    pub booth: BoothId,
    pub score: f32,
    pub reasons: Vec<ProjectReason>,
}

/// What a booth brings, from its kind and its positions.
struct Counterparty {
    id: BoothId,
    industry: Industry,
    kind: EmployerKind,
    skills: FxHashSet<SkillId>,
    groups: FxHashSet<SkillGroup>,
    /// Unknown skill names, folded, matched by text.
    other_skills: FxHashSet<String>,
    cities: Vec<String>,
}

/// Every project's best counterparties, kept current as projects, booths and positions change.
pub struct ProjectMatcher {
    counterparties: Vec<Counterparty>,
    lists: FxHashMap<ProjectId, Vec<ProjectMatch>>,
}

impl ProjectMatcher {
    pub fn build(fair: &Fair) -> ProjectMatcher {
        let mut matcher = ProjectMatcher {
            counterparties: counterparties(fair),
            lists: FxHashMap::default(),
        };
        for project in &fair.projects {
            matcher.project_changed(fair, &project.id);
        }
        matcher
    }

    /// Recomputes one project's list (added, edited or removed).
    pub fn project_changed(&mut self, fair: &Fair, id: &ProjectId) {
        match fair.projects.iter().find(|p| &p.id == id) {
            Some(project) => {
                let list = self.rank(project);
                self.lists.insert(id.clone(), list);
            }
            None => {
                self.lists.remove(id);
            }
        }
    }

    /// Booths or positions changed: what counterparties offer, and so every list.
    pub fn counterparties_changed(&mut self, fair: &Fair) {
        *self = ProjectMatcher::build(fair);
    }

    /// A project's best counterparties, best first.
    pub fn top_booths(&self, project: &ProjectId) -> &[ProjectMatch] {
        self.lists.get(project).map_or(&[], Vec::as_slice)
    }

    /// The projects that list `booth` among their best, best first.
    pub fn top_projects(&self, booth: &BoothId) -> Vec<&ProjectMatch> {
        let mut found: Vec<&ProjectMatch> = self.lists.values().flatten().filter(|m| &m.booth == booth).collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.project.cmp(&b.project)));
        found
    }

    fn rank(&self, project: &Project) -> Vec<ProjectMatch> {
        let dictionary = SkillDictionary::builtin();
        let fields: Vec<(String, Option<SkillId>)> = project
            .fields
            .iter()
            .map(|f| (f.clone(), dictionary.resolve(f)))
            .collect();
        let cities: FxHashSet<String> = project.cities.iter().map(|c| fold(c)).collect();
        let mut list: Vec<ProjectMatch> = self
            .counterparties
            .iter()
            .filter_map(|c| score(project, &fields, &cities, c, dictionary))
            .filter(|m| m.score >= MIN_SCORE)
            .collect();
        list.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.booth.cmp(&b.booth)));
        list.truncate(TOP);
        list
    }
}

fn counterparties(fair: &Fair) -> Vec<Counterparty> {
    let dictionary = SkillDictionary::builtin();
    let mut by_booth: FxHashMap<&BoothId, usize> = FxHashMap::default();
    let mut list: Vec<Counterparty> = Vec::with_capacity(fair.booths.len());
    for booth in &fair.booths {
        by_booth.insert(&booth.id, list.len());
        list.push(Counterparty {
            id: booth.id.clone(),
            industry: booth.industry,
            kind: booth.employer_kind,
            skills: FxHashSet::default(),
            groups: FxHashSet::default(),
            other_skills: FxHashSet::default(),
            cities: Vec::new(),
        });
    }
    for position in &fair.positions {
        let Some(&i) = by_booth.get(&position.booth) else {
            continue;
        };
        let c = &mut list[i];
        for skill in position.required_skills.iter().chain(&position.preferred_skills) {
            match dictionary.resolve(skill) {
                Some(id) => {
                    c.skills.insert(id);
                    c.groups.insert(dictionary.group(id));
                }
                None => {
                    c.other_skills.insert(fold(skill));
                }
            }
        }
        if !position.city.is_empty() && !c.cities.contains(&position.city) {
            c.cities.push(position.city.clone());
        }
    }
    list
}

fn offers(kind: EmployerKind) -> &'static [Offer] {
    match kind {
        EmployerKind::Investor => &[Offer::Investment],
        EmployerKind::Park => &[Offer::Site, Offer::PilotCustomers],
        EmployerKind::Government => &[Offer::Site],
        EmployerKind::University | EmployerKind::Institute => &[Offer::Partners],
        EmployerKind::Enterprise => &[Offer::Partners, Offer::PilotCustomers],
    }
}

fn score(
    project: &Project,
    fields: &[(String, Option<SkillId>)],
    cities: &FxHashSet<String>,
    c: &Counterparty,
    dictionary: &SkillDictionary,
) -> Option<ProjectMatch> {
    let mut total = 0.0;
    let mut reasons = Vec::new();
    if c.industry == project.industry {
        total += INDUSTRY;
        reasons.push(ProjectReason::SameIndustry(project.industry));
    }
    if !fields.is_empty() {
        let mut credit = 0.0;
        let mut shared = Vec::new();
        for (name, id) in fields {
            let exact = match id {
                Some(id) => c.skills.contains(id),
                None => c.other_skills.contains(&fold(name)),
            };
            if exact {
                credit += 1.0;
                shared.push(name.clone());
            } else if id.is_some_and(|id| c.groups.contains(&dictionary.group(id))) {
                credit += SAME_GROUP_CREDIT;
            }
        }
        total += FIELDS * credit / fields.len() as f32;
        if !shared.is_empty() {
            reasons.push(ProjectReason::Fields(shared));
        }
    }
    let city = c.cities.iter().find(|city| cities.contains(&fold(city)));
    if let Some(city) = city {
        total += CITY;
        reasons.push(ProjectReason::City(city.clone()));
    } else if cities.is_empty() {
        total += CITY;
    }
    let seeks = &project.seeks;
    let wanted: Vec<Offer> = [
        (seeks.investment_wan.is_some(), Offer::Investment),
        (seeks.site, Offer::Site),
        (seeks.partners, Offer::Partners),
        (seeks.pilot_customers, Offer::PilotCustomers),
    ]
    .into_iter()
    .filter_map(|(wants, offer)| wants.then_some(offer))
    .collect();
    if !wanted.is_empty() {
        let given: Vec<Offer> = wanted.iter().copied().filter(|o| offers(c.kind).contains(o)).collect();
        total += OFFER * given.len() as f32 / wanted.len() as f32;
        if !given.is_empty() {
            reasons.push(ProjectReason::Offers(given));
        }
    }
    (!reasons.is_empty()).then(|| ProjectMatch {
        project: project.id.clone(),
        booth: c.id.clone(),
        score: total,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Booth, Education, FairId, Position, PositionId, ProjectSeeks, ProjectStage, ProjectStatus, WorkMode,
    };

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
        matcher.project_changed(&fair, &id);
        // Any city suits a project that names none (15), and the park gives a site (20).
        assert_eq!(matcher.top_booths(&id)[0].score, CITY + OFFER);
        fair.projects.clear();
        matcher.project_changed(&fair, &id);
        assert!(matcher.top_booths(&id).is_empty());
    }
}

//! One project against one counterparty: what each side brings, prepared once, and the score.

use rustc_hash::FxHashSet;

use super::{MIN_SCORE, Offer, ProjectMatch, ProjectReason};
use crate::model::{
    Booth, BoothId, EmployerKind, Industry, Position, Project, ProjectId, SkillDictionary, SkillGroup, SkillId,
};
use crate::text::fold;

const INDUSTRY: f32 = 30.0;
const FIELDS: f32 = 35.0;
pub(super) const CITY: f32 = 15.0;
pub(super) const OFFER: f32 = 20.0;
const SAME_GROUP_CREDIT: f32 = 0.4;

/// What a booth brings, from its kind and its positions.
#[derive(Clone)]
pub(super) struct Counterparty {
    id: BoothId,
    industry: Industry,
    kind: EmployerKind,
    skills: FxHashSet<SkillId>,
    groups: FxHashSet<SkillGroup>,
    /// Unknown skill names, folded, matched by text.
    other_skills: FxHashSet<String>,
    /// Its positions' cities, each as written and folded.
    cities: Vec<(String, String)>,
}

/// What a project looks for, resolved once for scoring against every booth.
#[derive(Clone)]
pub(super) struct Prepared {
    id: ProjectId,
    industry: Industry,
    /// Each field as written, with its skill when the dictionary knows it, else folded.
    fields: Vec<(String, Result<SkillId, String>)>,
    /// Preferred cities, folded.
    cities: FxHashSet<String>,
    wanted: Vec<Offer>,
}

impl Counterparty {
    pub(super) fn new(booth: &Booth) -> Counterparty {
        Counterparty {
            id: booth.id.clone(),
            industry: booth.industry,
            kind: booth.employer_kind,
            skills: FxHashSet::default(),
            groups: FxHashSet::default(),
            other_skills: FxHashSet::default(),
            cities: Vec::new(),
        }
    }

    /// Adds what one of the booth's positions asks for and where.
    pub(super) fn add(&mut self, position: &Position) {
        let dictionary = SkillDictionary::builtin();
        for skill in position.required_skills.iter().chain(&position.preferred_skills) {
            match dictionary.resolve(skill) {
                Some(id) => {
                    self.skills.insert(id);
                    self.groups.insert(dictionary.group(id));
                }
                None => {
                    self.other_skills.insert(fold(skill));
                }
            }
        }
        if !position.city.is_empty() && !self.cities.iter().any(|(city, _)| city == &position.city) {
            self.cities.push((position.city.clone(), fold(&position.city)));
        }
    }
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

impl Prepared {
    pub(super) fn new(project: &Project) -> Prepared {
        let dictionary = SkillDictionary::builtin();
        let seeks = &project.seeks;
        Prepared {
            id: project.id.clone(),
            industry: project.industry,
            fields: project
                .fields
                .iter()
                .map(|f| (f.clone(), dictionary.resolve(f).ok_or_else(|| fold(f))))
                .collect(),
            cities: project.cities.iter().map(|c| fold(c)).collect(),
            wanted: [
                (seeks.investment_wan.is_some(), Offer::Investment),
                (seeks.site, Offer::Site),
                (seeks.partners, Offer::Partners),
                (seeks.pilot_customers, Offer::PilotCustomers),
            ]
            .into_iter()
            .filter_map(|(wants, offer)| wants.then_some(offer))
            .collect(),
        }
    }

    /// The pair's score and reasons, if it says something and reaches [`MIN_SCORE`].
    pub(super) fn score(&self, c: &Counterparty) -> Option<ProjectMatch> {
        let dictionary = SkillDictionary::builtin();
        let mut total = 0.0;
        let mut reasons = Vec::new();
        if c.industry == self.industry {
            total += INDUSTRY;
            reasons.push(ProjectReason::SameIndustry(self.industry));
        }
        if !self.fields.is_empty() {
            let mut credit = 0.0;
            let mut shared = Vec::new();
            for (name, id) in &self.fields {
                let exact = match id {
                    Ok(id) => c.skills.contains(id),
                    Err(folded) => c.other_skills.contains(folded),
                };
                if exact {
                    credit += 1.0;
                    shared.push(name.clone());
                } else if id.as_ref().is_ok_and(|id| c.groups.contains(&dictionary.group(*id))) {
                    credit += SAME_GROUP_CREDIT;
                }
            }
            total += FIELDS * credit / self.fields.len() as f32;
            if !shared.is_empty() {
                reasons.push(ProjectReason::Fields(shared));
            }
        }
        let city = c.cities.iter().find(|(_, folded)| self.cities.contains(folded));
        if let Some((city, _)) = city {
            total += CITY;
            reasons.push(ProjectReason::City(city.clone()));
        } else if self.cities.is_empty() {
            total += CITY;
        }
        if !self.wanted.is_empty() {
            let given: Vec<Offer> = self
                .wanted
                .iter()
                .copied()
                .filter(|o| offers(c.kind).contains(o))
                .collect();
            total += OFFER * given.len() as f32 / self.wanted.len() as f32;
            if !given.is_empty() {
                reasons.push(ProjectReason::Offers(given));
            }
        }
        (!reasons.is_empty() && total >= MIN_SCORE).then(|| ProjectMatch {
            project: self.id.clone(),
            booth: c.id.clone(),
            score: total,
            reasons,
        })
    }
}

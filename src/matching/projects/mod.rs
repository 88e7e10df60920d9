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
//! Pairs under [`MIN_SCORE`] are not listed. Each project keeps its best [`KEPT`] counterparties
//! (more than the [`TOP`] it shows), kept current edit by edit as positions are: an edited
//! project is ranked again against every booth; an edited booth, or a booth whose positions
//! changed, is scored again against every project and moved in each list, and only a list that
//! falls under [`TOP`] without knowing what comes after is ranked again ([`update`]).

mod positions;
mod score;
#[cfg(test)]
mod tests;
mod update;

use std::cmp::Ordering;

use rustc_hash::FxHashMap;

use crate::model::{BoothId, Fair, Industry, Lang, ProjectId};
use positions::BoothPositions;
use score::{Counterparty, Prepared};
pub use update::ProjectChanges;

pub const MIN_SCORE: f32 = 25.0;
/// Best counterparties shown per project.
pub const TOP: usize = 10;
/// Best counterparties kept per project, so that a booth leaving a list rarely needs the
/// project ranked again.
pub const KEPT: usize = 2 * TOP;

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

/// A project's ranked counterparties: the true best `entries.len()` of all booths, and all of
/// those scoring at least [`MIN_SCORE`] when `complete`.
#[derive(Clone)]
struct Ranked {
    project: Prepared,
    entries: Vec<ProjectMatch>,
    complete: bool,
}

/// Every project's best counterparties, kept current as projects, booths and positions change.
#[derive(Clone)]
pub struct ProjectMatcher {
    counterparties: FxHashMap<BoothId, Counterparty>,
    positions: BoothPositions,
    lists: FxHashMap<ProjectId, Ranked>,
}

impl ProjectMatcher {
    pub fn build(fair: &Fair) -> ProjectMatcher {
        let positions = BoothPositions::build(fair);
        let mut counterparties: FxHashMap<BoothId, Counterparty> = FxHashMap::default();
        for booth in &fair.booths {
            // With duplicate ids the first booth counts.
            counterparties
                .entry(booth.id.clone())
                .or_insert_with(|| Counterparty::new(booth));
        }
        for (i, position) in fair.positions.iter().enumerate() {
            if positions.counts(i, &position.id)
                && let Some(c) = counterparties.get_mut(&position.booth)
            {
                c.add(position);
            }
        }
        let mut matcher = ProjectMatcher {
            counterparties,
            positions,
            lists: FxHashMap::default(),
        };
        for project in &fair.projects {
            // With duplicate ids the first project wins, as [`update`] finds it.
            if !matcher.lists.contains_key(&project.id) {
                let ranked = update::rank(&matcher.counterparties, Prepared::new(project));
                matcher.lists.insert(project.id.clone(), ranked);
            }
        }
        matcher
    }

    /// A project's best counterparties, best first.
    pub fn top_booths(&self, project: &ProjectId) -> &[ProjectMatch] {
        self.lists.get(project).map_or(&[], Ranked::shown)
    }

    /// The projects that list `booth` among their best, best first.
    pub fn top_projects(&self, booth: &BoothId) -> Vec<&ProjectMatch> {
        let mut found: Vec<&ProjectMatch> = self
            .lists
            .values()
            .flat_map(Ranked::shown)
            .filter(|m| &m.booth == booth)
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.project.cmp(&b.project)));
        found
    }
}

impl Ranked {
    fn shown(&self) -> &[ProjectMatch] {
        &self.entries[..self.entries.len().min(TOP)]
    }
}

/// Higher score first; the booth id breaks ties, so the order is total and any way of reaching
/// a list gives the same one.
fn best_first(a: &ProjectMatch, b: &ProjectMatch) -> Ordering {
    b.score.total_cmp(&a.score).then_with(|| a.booth.cmp(&b.booth))
}

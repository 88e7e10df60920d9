//! The fair as a whole, in figures: headline counts, the funnel, supply and demand by skill
//! group, industry, city, education and work mode, the talent map, engagement per booth and
//! zone, and (in [`floor`]) the floor plan's geometry. Pure: no egui, no I/O.
//!
//! [`Insight::compute`] reads the whole fair (in parallel; about 25 ms on the regional peak,
//! see docs/insight.md). After that, the window keeps it current in the frame, the way it keeps
//! [`crate::matching::Matcher`] current: it calls [`Insight::candidate_changed`] after a
//! candidate is edited, added, removed or checked in, [`Insight::position_changed`] and
//! [`Insight::booth_changed`] after organizer edits, and [`Insight::fair_day_changed`] after a
//! visit or walk-in is recorded or station logs are merged. A candidate or position change
//! moves only that record's counts (microseconds); the fair-day figures are recomputed from the
//! visits (a few milliseconds on the peak fair).
//!
//! Definitions (also in docs/insight.md):
//! - *Registered*: candidates in the fair, walk-ins included (first of any repeated id).
//! - *Intention*: a visit whose next step is an interview, an offer or a hire, not withdrawn.
//! - *Filled*: a hire (next step `Hired`, not withdrawn) naming a position fills one of its
//!   openings, one per candidate, at most its openings; a hire naming no position fills the
//!   booth's openings still open, in the fair's order. Offers do not fill openings.
//! - *Demand* is openings; *supply* is candidates: for a skill group, those holding a skill of
//!   the group (demand: positions requiring one); for an industry or a city, those listing it
//!   (candidates listing none are counted apart); for education, those meeting the minimum;
//!   for a work mode, those accepting it (an empty list accepts every mode). The ratio is
//!   openings per candidate (求人倍率), absent when no candidate supplies the key.

mod counts;
mod day;
pub mod floor;
mod resolve;
mod views;

#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap as HashMap;

use crate::model::{BoothId, CandidateId, Fair, PositionId, SkillDictionary};

use counts::{Demand, Supply};
use resolve::{CandFacts, Cities, PosFacts};

pub use day::{BoothEngagement, ZoneEngagement};
pub use views::{
    Dimension, Funnel, FunnelStage, Headline, IndustryRow, Key, MapAxis, SupplyDemand, TalentCell, TalentMap,
    UnfilledPosition,
};

/// Candidates resolved per parallel task in [`Insight::compute`].
const CHUNK: usize = 4096;

/// The fair's figures, kept current by change notifications.
#[derive(Debug, Clone)]
pub struct Insight {
    dict: &'static SkillDictionary,
    cities: Cities,
    cand_slot: HashMap<CandidateId, u32>,
    cand_ids: Vec<CandidateId>,
    cands: Vec<CandFacts>,
    /// Where each candidate was last seen in `fair.candidates`, to find it again quickly.
    cand_hint: Vec<usize>,
    pos_slot: HashMap<PositionId, u32>,
    pos_ids: Vec<PositionId>,
    poss: Vec<PosFacts>,
    pos_hint: Vec<usize>,
    supply: Supply,
    demand: Demand,
    day: day::FairDay,
    booths: u32,
}

impl Insight {
    /// Every figure of the fair, with the bundled skills dictionary.
    pub fn compute(fair: &Fair) -> Self {
        Self::compute_with(fair, SkillDictionary::builtin())
    }

    pub fn compute_with(fair: &Fair, dict: &'static SkillDictionary) -> Self {
        use rayon::prelude::*;

        // Resolve in parallel, each task with its own city table, then merge the tables.
        let parts: Vec<(Cities, Vec<CandFacts>)> = fair
            .candidates
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut cities = Cities::default();
                let facts = chunk
                    .iter()
                    .map(|c| resolve::candidate_facts(dict, &mut cities, c))
                    .collect();
                (cities, facts)
            })
            .collect();
        let mut insight = Self {
            dict,
            cities: Cities::default(),
            cand_slot: HashMap::default(),
            cand_ids: Vec::with_capacity(fair.candidates.len()),
            cands: Vec::with_capacity(fair.candidates.len()),
            cand_hint: Vec::with_capacity(fair.candidates.len()),
            pos_slot: HashMap::default(),
            pos_ids: Vec::with_capacity(fair.positions.len()),
            poss: Vec::with_capacity(fair.positions.len()),
            pos_hint: Vec::with_capacity(fair.positions.len()),
            supply: Supply::new(),
            demand: Demand::new(),
            day: day::FairDay::default(),
            booths: 0,
        };
        insight.cand_slot.reserve(fair.candidates.len());
        let mut index = 0;
        for (cities, facts) in parts {
            let remap = insight.cities.absorb(&cities);
            for mut f in facts {
                let c = &fair.candidates[index];
                if !insight.cand_slot.contains_key(&c.id) {
                    f.cities = f.cities.iter().map(|&id| remap[id as usize]).collect();
                    f.cities.sort_unstable();
                    insight.supply.apply(&f, true);
                    insight.cand_slot.insert(c.id.clone(), insight.cands.len() as u32);
                    insight.cand_ids.push(c.id.clone());
                    insight.cand_hint.push(index);
                    insight.cands.push(f);
                }
                index += 1;
            }
        }
        for (index, p) in fair.positions.iter().enumerate() {
            if insight.pos_slot.contains_key(&p.id) {
                continue;
            }
            let f = resolve::position_facts(dict, &mut insight.cities, p);
            insight.demand.apply(&f, true);
            insight.pos_slot.insert(p.id.clone(), insight.poss.len() as u32);
            insight.pos_ids.push(p.id.clone());
            insight.pos_hint.push(index);
            insight.poss.push(f);
        }
        insight.fair_day_changed(fair);
        insight
    }

    /// A candidate was edited, added, removed (absent from `fair`) or checked in.
    pub fn candidate_changed(&mut self, fair: &Fair, id: &CandidateId) {
        let found = find(
            &fair.candidates,
            id,
            self.cand_slot.get(id).map(|&s| self.cand_hint[s as usize]),
            |c| &c.id,
        );
        let slot = self.cand_slot.get(id).copied();
        if let Some(s) = slot {
            let old = std::mem::take(&mut self.cands[s as usize]);
            self.supply.apply(&old, false);
        }
        let Some((index, candidate)) = found else {
            if let Some(s) = slot {
                self.cand_slot.remove(id);
                self.cands[s as usize].alive = false;
            }
            return;
        };
        let facts = resolve::candidate_facts(self.dict, &mut self.cities, candidate);
        self.supply.apply(&facts, true);
        match slot {
            Some(s) => {
                self.cands[s as usize] = facts;
                self.cand_hint[s as usize] = index;
            }
            None => {
                self.cand_slot.insert(id.clone(), self.cands.len() as u32);
                self.cand_ids.push(id.clone());
                self.cand_hint.push(index);
                self.cands.push(facts);
            }
        }
    }

    /// A position was edited, added or removed (absent from `fair`).
    pub fn position_changed(&mut self, fair: &Fair, id: &PositionId) {
        let found = find(
            &fair.positions,
            id,
            self.pos_slot.get(id).map(|&s| self.pos_hint[s as usize]),
            |p| &p.id,
        );
        let slot = self.pos_slot.get(id).copied();
        if let Some(s) = slot {
            let old = std::mem::take(&mut self.poss[s as usize]);
            self.demand.apply(&old, false);
        }
        match found {
            None => {
                if slot.is_some() {
                    self.pos_slot.remove(id);
                }
            }
            Some((index, position)) => {
                let facts = resolve::position_facts(self.dict, &mut self.cities, position);
                self.demand.apply(&facts, true);
                match slot {
                    Some(s) => {
                        self.poss[s as usize] = facts;
                        self.pos_hint[s as usize] = index;
                    }
                    None => {
                        self.pos_slot.insert(id.clone(), self.poss.len() as u32);
                        self.pos_ids.push(id.clone());
                        self.pos_hint.push(index);
                        self.poss.push(facts);
                    }
                }
            }
        }
        // Openings filled and per-booth openings depend on the position.
        self.fair_day_changed(fair);
    }

    /// A booth was added, edited (zone, industry, employer) or removed.
    pub fn booth_changed(&mut self, fair: &Fair, _id: &BoothId) {
        self.fair_day_changed(fair);
    }

    /// Visits, walk-ins or station events changed (a desk action, a merge, an import).
    /// Walk-in candidates themselves also need [`Insight::candidate_changed`].
    pub fn fair_day_changed(&mut self, fair: &Fair) {
        let listed = &self.cand_slot;
        self.day = day::FairDay::compute(fair, |id| listed.contains_key(id));
        self.booths = self.day.booths.len() as u32;
    }
}

/// The record with `id`: at `hint` if it is still there, else the first with that id.
fn find<'f, T, I: PartialEq>(
    records: &'f [T],
    id: &I,
    hint: Option<usize>,
    id_of: impl Fn(&T) -> &I,
) -> Option<(usize, &'f T)> {
    if let Some(i) = hint
        && let Some(record) = records.get(i)
        && id_of(record) == id
    {
        return Some((i, record));
    }
    let i = records.iter().position(|r| id_of(r) == id)?;
    Some((i, &records[i]))
}

//! What the views, the report and `fairmatch stats` read from an [`Insight`].

use chrono::DateTime;

use crate::model::labels::labeled_enum;
use crate::model::{
    BoothId, CandidateId, Education, Fair, Industry, Lang, LocalTime, NextStep, PositionId, SkillGroup, WorkMode,
};

use super::counts::Cell;
use super::resolve::{CandFacts, EDUCATIONS, GROUPS, INDUSTRIES, MODES, PosFacts};
use super::{BoothEngagement, Insight, ZoneEngagement};

labeled_enum! {
    /// What supply and demand are broken down by.
    pub enum Dimension {
        Industry => ("Industry", "行业"),
        SkillGroup => ("Skill group", "技能类别"),
        City => ("City", "城市"),
        Education => ("Education", "学历"),
        WorkMode => ("Work mode", "工作方式"),
    }
}

impl Dimension {
    /// The name scripts see (`stats --json`).
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Industry => "industry",
            Dimension::SkillGroup => "skill_group",
            Dimension::City => "city",
            Dimension::Education => "education",
            Dimension::WorkMode => "work_mode",
        }
    }
}

/// One value of a [`Dimension`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Industry(Industry),
    SkillGroup(SkillGroup),
    /// As first written in the fair.
    City(String),
    Education(Education),
    WorkMode(WorkMode),
}

impl Key {
    pub fn dimension(&self) -> Dimension {
        match self {
            Key::Industry(_) => Dimension::Industry,
            Key::SkillGroup(_) => Dimension::SkillGroup,
            Key::City(_) => Dimension::City,
            Key::Education(_) => Dimension::Education,
            Key::WorkMode(_) => Dimension::WorkMode,
        }
    }

    /// Stable for scripts: the variant name as the fair file writes it, or the city.
    pub fn code(&self) -> String {
        match self {
            Key::Industry(v) => format!("{v:?}"),
            Key::SkillGroup(v) => format!("{v:?}"),
            Key::City(name) => name.clone(),
            Key::Education(v) => format!("{v:?}"),
            Key::WorkMode(v) => format!("{v:?}"),
        }
    }

    pub fn label(&self, lang: Lang) -> &str {
        match self {
            Key::Industry(v) => v.label(lang),
            Key::SkillGroup(v) => v.label(lang),
            Key::City(name) => name,
            Key::Education(v) => v.label(lang),
            Key::WorkMode(v) => v.label(lang),
        }
    }
}

/// Openings against candidates for one key.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyDemand {
    pub key: Key,
    pub demand_positions: u32,
    pub demand_openings: u64,
    pub supply_candidates: u32,
}

/// Openings per candidate (求人倍率); `None` when no candidate supplies it.
fn ratio(openings: u64, candidates: u32) -> Option<f64> {
    (candidates > 0).then(|| openings as f64 / f64::from(candidates))
}

impl SupplyDemand {
    pub fn dimension(&self) -> Dimension {
        self.key.dimension()
    }

    pub fn ratio(&self) -> Option<f64> {
        ratio(self.demand_openings, self.supply_candidates)
    }

    /// Openings minus candidates: above zero a shortage of talent, below a surplus.
    pub fn gap(&self) -> i64 {
        self.demand_openings as i64 - i64::from(self.supply_candidates)
    }
}

/// Columns of the talent map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapAxis {
    Industry,
    City,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TalentCell {
    pub demand_positions: u32,
    pub demand_openings: u64,
    pub supply_candidates: u32,
}

impl TalentCell {
    pub fn ratio(&self) -> Option<f64> {
        ratio(self.demand_openings, self.supply_candidates)
    }
}

/// Skill group × industry (or city): rows are skill groups, columns keys, cells row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct TalentMap {
    pub groups: Vec<SkillGroup>,
    pub columns: Vec<Key>,
    pub cells: Vec<TalentCell>,
}

impl TalentMap {
    pub fn cell(&self, row: usize, column: usize) -> TalentCell {
        self.cells
            .get(row * self.columns.len() + column)
            .copied()
            .unwrap_or_default()
    }
}

labeled_enum! {
    pub enum FunnelStage {
        Registered => ("Registered", "报名"),
        CheckedIn => ("Checked in", "签到"),
        Visited => ("Visited a booth", "到访展位"),
        Intention => ("Intention", "达成意向"),
        Offer => ("Offer", "录用意向"),
        Hired => ("Hired", "签约录用"),
    }
}

/// Distinct candidates at each stage; a later stage implies the earlier visit stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Funnel {
    pub registered: u32,
    pub checked_in: u32,
    pub visited: u32,
    pub intention: u32,
    pub offer: u32,
    pub hired: u32,
}

impl Funnel {
    pub fn stages(&self) -> [(FunnelStage, u32); 6] {
        [
            (FunnelStage::Registered, self.registered),
            (FunnelStage::CheckedIn, self.checked_in),
            (FunnelStage::Visited, self.visited),
            (FunnelStage::Intention, self.intention),
            (FunnelStage::Offer, self.offer),
            (FunnelStage::Hired, self.hired),
        ]
    }
}

/// The headline counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub registered: u32,
    pub checked_in: u32,
    pub walk_ins: u32,
    pub visits: u32,
    /// Candidates with at least one visit.
    pub visitors: u32,
    pub intentions: u32,
    /// Visits by next step, every step listed.
    pub outcomes: Vec<(NextStep, u32)>,
    pub withdrawn: u32,
    pub booths: u32,
    /// Booths with at least one visit.
    pub booths_active: u32,
    pub positions: u32,
    pub openings: u64,
    pub openings_filled: u64,
    pub openings_unfilled: u64,
    /// Distinct candidates hired.
    pub hired: u32,
}

/// A position with openings still open.
#[derive(Debug, Clone, PartialEq)]
pub struct UnfilledPosition {
    pub id: PositionId,
    pub title: String,
    pub booth: BoothId,
    pub employer: String,
    pub industry: Industry,
    pub city: String,
    pub openings: u32,
    pub filled: u32,
}

impl UnfilledPosition {
    pub fn unfilled(&self) -> u32 {
        self.openings - self.filled
    }
}

/// One industry's row in the per-industry table.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryRow {
    pub industry: Industry,
    /// Booths of employers in it.
    pub booths: u32,
    pub visits: u32,
    pub positions: u32,
    pub openings: u64,
    pub filled: u64,
    /// Candidates listing it.
    pub supply_candidates: u32,
}

impl IndustryRow {
    pub fn unfilled(&self) -> u64 {
        self.openings.saturating_sub(self.filled)
    }

    pub fn ratio(&self) -> Option<f64> {
        ratio(self.openings, self.supply_candidates)
    }
}

fn supply_row(key: Key, cell: Cell, supply: u32) -> SupplyDemand {
    SupplyDemand {
        key,
        demand_positions: cell.positions,
        demand_openings: cell.openings,
        supply_candidates: supply,
    }
}

fn keep(row: &SupplyDemand) -> bool {
    row.demand_openings > 0 || row.demand_positions > 0 || row.supply_candidates > 0
}

impl Insight {
    pub fn headline(&self) -> Headline {
        let day = &self.day;
        Headline {
            registered: self.supply.registered,
            checked_in: self.supply.checked_in,
            walk_ins: day.walk_ins,
            visits: day.visits,
            visitors: day.visitors,
            intentions: day.intentions,
            outcomes: NextStep::ALL.iter().map(|&s| (s, day.by_step[s as usize])).collect(),
            withdrawn: day.withdrawn,
            booths: self.booths,
            booths_active: day.booths.iter().filter(|b| b.visits > 0).count() as u32,
            positions: self.demand.positions,
            openings: self.demand.openings,
            openings_filled: day.openings_filled,
            openings_unfilled: self.demand.openings.saturating_sub(day.openings_filled),
            hired: day.hired_candidates,
        }
    }

    pub fn funnel(&self) -> Funnel {
        Funnel {
            registered: self.supply.registered,
            checked_in: self.supply.checked_in,
            visited: self.day.visitors,
            intention: self.day.intention_candidates,
            offer: self.day.offer_candidates,
            hired: self.day.hired_candidates,
        }
    }

    /// Check-ins per quarter hour from the first to the last, empty quarters included (unless
    /// the check-ins span more than three weeks, when only quarters with check-ins are listed).
    pub fn check_ins_per_quarter_hour(&self) -> Vec<(LocalTime, u32)> {
        let slots = &self.supply.check_ins;
        let to_time = |slot: i64| {
            DateTime::from_timestamp(slot.saturating_mul(900), 0)
                .map(|t| t.naive_utc())
                .unwrap_or_default()
        };
        let (Some((&first, _)), Some((&last, _))) = (slots.first_key_value(), slots.last_key_value()) else {
            return Vec::new();
        };
        if last - first > 21 * 96 {
            return slots.iter().map(|(&s, &n)| (to_time(s), n)).collect();
        }
        (first..=last)
            .map(|s| (to_time(s), slots.get(&s).copied().unwrap_or(0)))
            .collect()
    }

    /// Supply and demand for every key of `dimension` that has either. Enumerations in their
    /// order, cities by openings (most first).
    pub fn supply_demand(&self, dimension: Dimension) -> Vec<SupplyDemand> {
        let (s, d) = (&self.supply, &self.demand);
        let mut rows: Vec<SupplyDemand> = match dimension {
            Dimension::Industry => (0..INDUSTRIES)
                .map(|i| supply_row(Key::Industry(Industry::ALL[i]), d.industry[i], s.industry[i]))
                .collect(),
            Dimension::SkillGroup => (0..GROUPS)
                .map(|g| supply_row(Key::SkillGroup(SkillGroup::ALL[g]), d.group[g], s.group[g]))
                .collect(),
            Dimension::Education => (0..EDUCATIONS)
                .map(|e| {
                    supply_row(
                        Key::Education(Education::ALL[e]),
                        d.education[e],
                        s.education_at_least(e),
                    )
                })
                .collect(),
            Dimension::WorkMode => (0..MODES)
                .map(|m| supply_row(Key::WorkMode(WorkMode::ALL[m]), d.mode[m], s.mode[m]))
                .collect(),
            Dimension::City => {
                let mut rows: Vec<SupplyDemand> = (0..self.cities.len())
                    .map(|c| {
                        let cell = d.city.get(c).copied().unwrap_or_default();
                        let supply = s.city.get(c).copied().unwrap_or(0);
                        supply_row(Key::City(self.cities.name(c as u32).to_owned()), cell, supply)
                    })
                    .collect();
                rows.sort_by(|a, b| {
                    (b.demand_openings, b.supply_candidates)
                        .cmp(&(a.demand_openings, a.supply_candidates))
                        .then_with(|| a.key.code().cmp(&b.key.code()))
                });
                rows
            }
        };
        rows.retain(keep);
        rows
    }

    /// Every dimension's rows, dimension by dimension.
    pub fn all_supply_demand(&self) -> Vec<SupplyDemand> {
        Dimension::ALL.iter().flat_map(|&d| self.supply_demand(d)).collect()
    }

    /// The largest shortages (openings minus candidates, most first) of one dimension or all.
    pub fn shortages(&self, dimension: Option<Dimension>, limit: usize) -> Vec<SupplyDemand> {
        self.ranked(dimension, limit, |row| row.gap())
    }

    /// The largest surpluses (candidates minus openings, most first) of one dimension or all.
    pub fn surpluses(&self, dimension: Option<Dimension>, limit: usize) -> Vec<SupplyDemand> {
        self.ranked(dimension, limit, |row| -row.gap())
    }

    fn ranked(
        &self,
        dimension: Option<Dimension>,
        limit: usize,
        by: impl Fn(&SupplyDemand) -> i64,
    ) -> Vec<SupplyDemand> {
        let mut rows = match dimension {
            Some(d) => self.supply_demand(d),
            None => self.all_supply_demand(),
        };
        rows.retain(|r| by(r) > 0);
        rows.sort_by_key(|r| std::cmp::Reverse(by(r)));
        rows.truncate(limit);
        rows
    }

    /// Skill group × industry or × city. Only groups and columns with some demand or supply;
    /// cities ordered by openings, at most `max_columns` of them.
    pub fn talent_map(&self, axis: MapAxis, max_columns: usize) -> TalentMap {
        let (s, d) = (&self.supply, &self.demand);
        let groups: Vec<usize> = (0..GROUPS)
            .filter(|&g| d.group[g].positions > 0 || s.group[g] > 0)
            .collect();
        let (columns, cell_at): (Vec<Key>, CellAt<'_>) = match axis {
            MapAxis::Industry => {
                let columns: Vec<usize> = (0..INDUSTRIES)
                    .filter(|&i| d.industry[i].positions > 0 || s.industry[i] > 0)
                    .collect();
                let keys = columns.iter().map(|&i| Key::Industry(Industry::ALL[i])).collect();
                (
                    keys,
                    Box::new(move |g, k| {
                        let i = columns[k];
                        let cell = d.group_industry[g * INDUSTRIES + i];
                        TalentCell {
                            demand_positions: cell.positions,
                            demand_openings: cell.openings,
                            supply_candidates: s.group_industry[g * INDUSTRIES + i],
                        }
                    }),
                )
            }
            MapAxis::City => {
                let cities: Vec<u32> = self
                    .supply_demand(Dimension::City)
                    .iter()
                    .take(max_columns)
                    .filter_map(|row| match &row.key {
                        Key::City(name) => self.cities.find(name),
                        _ => None,
                    })
                    .collect();
                let keys = cities
                    .iter()
                    .map(|&c| Key::City(self.cities.name(c).to_owned()))
                    .collect();
                (
                    keys,
                    Box::new(move |g, k| {
                        let at = cities[k] as usize * GROUPS + g;
                        let cell = d.group_city.get(at).copied().unwrap_or_default();
                        TalentCell {
                            demand_positions: cell.positions,
                            demand_openings: cell.openings,
                            supply_candidates: s.group_city.get(at).copied().unwrap_or(0),
                        }
                    }),
                )
            }
        };
        let columns: Vec<Key> = columns.into_iter().take(max_columns).collect();
        let mut cells = Vec::with_capacity(groups.len() * columns.len());
        for &g in &groups {
            for k in 0..columns.len() {
                cells.push(cell_at(g, k));
            }
        }
        TalentMap {
            groups: groups.into_iter().map(|g| SkillGroup::ALL[g]).collect(),
            columns,
            cells,
        }
    }

    /// Positions behind a talent-map cell or a supply–demand row (`group` `None`): those with
    /// the key that require a skill of the group. In the order they were added.
    pub fn positions_for(&self, group: Option<SkillGroup>, key: &Key) -> Vec<PositionId> {
        let city = self.city_of(key);
        self.poss
            .iter()
            .zip(&self.pos_ids)
            .filter(|(f, _)| f.alive && group.is_none_or(|g| f.groups & (1 << g as u32) != 0))
            .filter(|(f, _)| position_has(f, key, city))
            .map(|(_, id)| id.clone())
            .collect()
    }

    /// Candidates behind a talent-map cell or a supply–demand row (`group` `None`): those
    /// supplying the key who hold a skill of the group. In the order they were added.
    pub fn candidates_for(&self, group: Option<SkillGroup>, key: &Key) -> Vec<CandidateId> {
        let city = self.city_of(key);
        self.cands
            .iter()
            .zip(&self.cand_ids)
            .filter(|(f, _)| f.alive && group.is_none_or(|g| f.groups & (1 << g as u32) != 0))
            .filter(|(f, _)| candidate_has(f, key, city))
            .map(|(_, id)| id.clone())
            .collect()
    }

    fn city_of(&self, key: &Key) -> Option<u32> {
        match key {
            Key::City(name) => self.cities.find(name),
            _ => None,
        }
    }

    /// Every booth, in the fair's order.
    pub fn booths(&self) -> &[BoothEngagement] {
        &self.day.booths
    }

    /// Every zone, in [`super::floor::zone_order`].
    pub fn zones(&self) -> &[ZoneEngagement] {
        &self.day.zones
    }

    /// Booths by visits (then distinct visitors), most first.
    pub fn top_booths(&self, limit: usize) -> Vec<&BoothEngagement> {
        let mut booths: Vec<&BoothEngagement> = self.day.booths.iter().collect();
        booths.sort_by_key(|b| std::cmp::Reverse((b.visits, b.visitors)));
        booths.truncate(limit);
        booths
    }

    /// Openings filled at a position so far.
    pub fn filled(&self, position: &PositionId) -> u32 {
        self.day.filled.get(position).copied().unwrap_or(0)
    }

    /// Positions with openings left, most left first (then in the fair's order).
    pub fn unfilled_positions(&self, fair: &Fair, limit: usize) -> Vec<UnfilledPosition> {
        let employers: rustc_hash::FxHashMap<&BoothId, &str> =
            fair.booths.iter().map(|b| (&b.id, b.employer.as_str())).collect();
        let mut rows: Vec<UnfilledPosition> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for p in &fair.positions {
            let filled = self.filled(&p.id);
            if filled >= p.openings || !seen.insert(&p.id) {
                continue;
            }
            rows.push(UnfilledPosition {
                id: p.id.clone(),
                title: p.title.clone(),
                booth: p.booth.clone(),
                employer: employers.get(&p.booth).copied().unwrap_or("").to_owned(),
                industry: p.industry,
                city: p.city.clone(),
                openings: p.openings,
                filled,
            });
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.unfilled()));
        rows.truncate(limit);
        rows
    }

    /// Industries with booths, positions or candidates, in their order.
    pub fn industries(&self) -> Vec<IndustryRow> {
        let mut rows: Vec<IndustryRow> = Industry::ALL
            .iter()
            .enumerate()
            .map(|(i, &industry)| IndustryRow {
                industry,
                booths: 0,
                visits: 0,
                positions: self.demand.industry[i].positions,
                openings: self.demand.industry[i].openings,
                filled: self.day.industry_filled[i],
                supply_candidates: self.supply.industry[i],
            })
            .collect();
        for b in &self.day.booths {
            let row = &mut rows[b.industry as usize];
            row.booths += 1;
            row.visits += b.visits;
        }
        rows.retain(|r| r.booths > 0 || r.positions > 0 || r.supply_candidates > 0);
        rows
    }

    /// Candidates who listed no industry, no city, or no skill the dictionary knows; they are
    /// in no industry's, city's or skill group's supply.
    pub fn unplaced_supply(&self) -> (u32, u32, u32) {
        (self.supply.no_industry, self.supply.no_city, self.supply.no_group)
    }
}

fn position_has(f: &PosFacts, key: &Key, city: Option<u32>) -> bool {
    match key {
        Key::Industry(i) => f.industry == *i as u8,
        Key::SkillGroup(g) => f.groups & (1 << *g as u32) != 0,
        Key::City(_) => city.is_some() && f.city == city,
        Key::Education(e) => f.education == *e as u8,
        Key::WorkMode(m) => f.mode == *m as u8,
    }
}

fn candidate_has(f: &CandFacts, key: &Key, city: Option<u32>) -> bool {
    match key {
        Key::Industry(i) => f.industries & (1 << *i as u32) != 0,
        Key::SkillGroup(g) => f.groups & (1 << *g as u32) != 0,
        Key::City(_) => city.is_some_and(|c| f.cities.contains(&c)),
        Key::Education(e) => f.education >= *e as u8,
        Key::WorkMode(m) => f.modes & (1 << *m as u8) != 0,
    }
}

/// Reads one talent-map cell by row (skill group) and column index.
type CellAt<'a> = Box<dyn Fn(usize, usize) -> TalentCell + 'a>;

//! Additive counters over candidates (supply, check-ins) and positions (demand). Each record's
//! facts are added once; a change takes the old facts away and adds the new ones.

use std::collections::BTreeMap;

use super::resolve::{CandFacts, EDUCATIONS, GROUPS, INDUSTRIES, MODES, PosFacts, bits};

fn step(count: &mut u32, up: bool) {
    *count = if up {
        count.saturating_add(1)
    } else {
        count.saturating_sub(1)
    };
}

fn step_by(sum: &mut u64, by: u32, up: bool) {
    *sum = if up {
        sum.saturating_add(u64::from(by))
    } else {
        sum.saturating_sub(u64::from(by))
    };
}

/// Grows a per-city vector to hold `cities` cities of `width` cells each.
fn grow<T: Default + Clone>(cells: &mut Vec<T>, cities: usize, width: usize) {
    if cells.len() < cities * width {
        cells.resize(cities * width, T::default());
    }
}

/// Candidate-side counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Supply {
    pub registered: u32,
    pub checked_in: u32,
    /// Check-ins per quarter-hour slot (see `resolve::quarter_hour`).
    pub check_ins: BTreeMap<i64, u32>,
    pub group: [u32; GROUPS],
    pub industry: [u32; INDUSTRIES],
    pub city: Vec<u32>,
    /// By highest education, exactly (supply for a minimum adds the levels above it).
    pub education: [u32; EDUCATIONS],
    pub mode: [u32; MODES],
    pub no_industry: u32,
    pub no_city: u32,
    pub no_group: u32,
    /// `group * INDUSTRIES + industry`.
    pub group_industry: Vec<u32>,
    /// `city * GROUPS + group`.
    pub group_city: Vec<u32>,
}

impl Supply {
    pub fn new() -> Self {
        Self {
            group_industry: vec![0; GROUPS * INDUSTRIES],
            ..Self::default()
        }
    }

    /// Adds (`up`) or takes away one candidate's facts.
    pub fn apply(&mut self, f: &CandFacts, up: bool) {
        if !f.alive {
            return;
        }
        step(&mut self.registered, up);
        if let Some(slot) = f.check_in {
            step(&mut self.checked_in, up);
            let count = self.check_ins.entry(slot).or_insert(0);
            step(count, up);
            if *count == 0 {
                self.check_ins.remove(&slot);
            }
        }
        for g in bits(f.groups) {
            step(&mut self.group[g], up);
            for i in bits(f.industries) {
                step(&mut self.group_industry[g * INDUSTRIES + i], up);
            }
        }
        for i in bits(f.industries) {
            step(&mut self.industry[i], up);
        }
        if let Some(&last) = f.cities.last() {
            grow(&mut self.city, last as usize + 1, 1);
            grow(&mut self.group_city, last as usize + 1, GROUPS);
        }
        for &c in f.cities.iter() {
            step(&mut self.city[c as usize], up);
            for g in bits(f.groups) {
                step(&mut self.group_city[c as usize * GROUPS + g], up);
            }
        }
        if let Some(level) = self.education.get_mut(usize::from(f.education)) {
            step(level, up);
        }
        for m in bits(u32::from(f.modes)) {
            step(&mut self.mode[m], up);
        }
        if f.industries == 0 {
            step(&mut self.no_industry, up);
        }
        if f.cities.is_empty() {
            step(&mut self.no_city, up);
        }
        if f.groups == 0 {
            step(&mut self.no_group, up);
        }
    }

    /// Candidates whose education meets `level` (that level or higher).
    pub fn education_at_least(&self, level: usize) -> u32 {
        self.education[level.min(EDUCATIONS)..].iter().sum()
    }
}

/// Position-side counts: openings (and positions) per key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Demand {
    pub positions: u32,
    pub openings: u64,
    pub group: [Cell; GROUPS],
    pub industry: [Cell; INDUSTRIES],
    pub city: Vec<Cell>,
    pub education: [Cell; EDUCATIONS],
    pub mode: [Cell; MODES],
    /// `group * INDUSTRIES + industry`.
    pub group_industry: Vec<Cell>,
    /// `city * GROUPS + group`.
    pub group_city: Vec<Cell>,
}

/// Positions and their openings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub positions: u32,
    pub openings: u64,
}

impl Cell {
    fn apply(&mut self, f: &PosFacts, up: bool) {
        step(&mut self.positions, up);
        step_by(&mut self.openings, f.openings, up);
    }
}

impl Demand {
    pub fn new() -> Self {
        Self {
            group_industry: vec![Cell::default(); GROUPS * INDUSTRIES],
            ..Self::default()
        }
    }

    pub fn apply(&mut self, f: &PosFacts, up: bool) {
        if !f.alive {
            return;
        }
        step(&mut self.positions, up);
        step_by(&mut self.openings, f.openings, up);
        let industry = usize::from(f.industry);
        for g in bits(f.groups) {
            self.group[g].apply(f, up);
            if industry < INDUSTRIES {
                self.group_industry[g * INDUSTRIES + industry].apply(f, up);
            }
        }
        if let Some(cell) = self.industry.get_mut(industry) {
            cell.apply(f, up);
        }
        if let Some(city) = f.city {
            let city = city as usize;
            grow(&mut self.city, city + 1, 1);
            grow(&mut self.group_city, city + 1, GROUPS);
            self.city[city].apply(f, up);
            for g in bits(f.groups) {
                self.group_city[city * GROUPS + g].apply(f, up);
            }
        }
        if let Some(cell) = self.education.get_mut(usize::from(f.education)) {
            cell.apply(f, up);
        }
        if let Some(cell) = self.mode.get_mut(usize::from(f.mode)) {
            cell.apply(f, up);
        }
    }
}

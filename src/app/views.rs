//! Search, filter and sort state of the three tables, with the resulting row order cached so
//! a frame only reads it.

use std::cmp::Ordering;

use super::search::{Query, SearchKey};
use crate::model::{Education, Fair, FairIndex, Industry, TalentTier};

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Booths,
    Positions,
    Candidates,
}

/// Filters; `None` means "any". Each table uses the ones that apply to its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub industry: Option<Industry>,
    pub zone: Option<String>,
    pub education: Option<Education>,
    pub tier: Option<TalentTier>,
    pub city: Option<String>,
    pub checked_in: Option<bool>,
}

/// Sortable columns. A table ignores columns it does not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Name,
    Employer,
    Industry,
    Zone,
    Openings,
    Education,
    Experience,
    Salary,
    City,
    Tier,
    CheckedIn,
    /// Employer kind (booths).
    Kind,
}

/// Search text, filters, sort and structure revision a row order was computed from.
type Inputs = (String, Filters, Option<(Column, bool)>, u64);

#[derive(Debug, Clone, Default)]
pub struct TableView {
    pub search: String,
    pub filters: Filters,
    pub sort: Option<(Column, bool)>,
    /// Row indexes into the fair's vector, in display order.
    rows: Vec<usize>,
    /// What `rows` was computed from; recomputed when any of it differs.
    computed_for: Option<Inputs>,
}

impl TableView {
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Recomputes the row order when the search, filters, sort or the fair's structure changed.
    /// Field edits do not move rows, so the row being edited stays under the cursor.
    pub fn refresh(&mut self, table: Table, fair: &Fair, index: &FairIndex, keys: &[SearchKey], structure: u64) {
        let wanted = (self.search.clone(), self.filters.clone(), self.sort, structure);
        if self.computed_for.as_ref() == Some(&wanted) {
            return;
        }
        let query = Query::parse(&self.search);
        let len = match table {
            Table::Booths => fair.booths.len(),
            Table::Positions => fair.positions.len(),
            Table::Candidates => fair.candidates.len(),
        };
        let mut rows: Vec<usize> = (0..len)
            .filter(|&i| query.is_empty() || keys.get(i).is_some_and(|k| k.matches(&query)))
            .filter(|&i| passes(table, fair, index, &self.filters, i))
            .collect();
        if let Some((column, ascending)) = self.sort {
            rows.sort_by(|&a, &b| {
                let order = compare(table, fair, index, column, a, b);
                if ascending { order } else { order.reverse() }
            });
        }
        self.rows = rows;
        self.computed_for = Some(wanted);
    }

    /// Clicking a header: ascending, then descending, then unsorted.
    pub fn toggle_sort(&mut self, column: Column) {
        self.sort = match self.sort {
            Some((c, true)) if c == column => Some((column, false)),
            Some((c, false)) if c == column => None,
            _ => Some((column, true)),
        };
    }
}

fn zone_of_booth<'a>(fair: &'a Fair, index: &FairIndex, booth: &crate::model::BoothId) -> &'a str {
    index
        .booths
        .get(booth)
        .and_then(|&i| fair.booths.get(i))
        .map_or("", |b| b.zone.as_str())
}

fn passes(table: Table, fair: &Fair, index: &FairIndex, filters: &Filters, i: usize) -> bool {
    match table {
        Table::Booths => {
            let Some(b) = fair.booths.get(i) else { return false };
            filters.industry.is_none_or(|x| b.industry == x) && filters.zone.as_ref().is_none_or(|z| &b.zone == z)
        }
        Table::Positions => {
            let Some(p) = fair.positions.get(i) else { return false };
            filters.industry.is_none_or(|x| p.industry == x)
                && filters
                    .zone
                    .as_ref()
                    .is_none_or(|z| zone_of_booth(fair, index, &p.booth) == z)
                && filters.education.is_none_or(|e| p.min_education == e)
                && filters.city.as_ref().is_none_or(|c| &p.city == c)
        }
        Table::Candidates => {
            let Some(c) = fair.candidates.get(i) else { return false };
            filters.industry.is_none_or(|x| c.industries.contains(&x))
                && filters.education.is_none_or(|e| c.education == e)
                && filters.tier.is_none_or(|t| c.tier == t)
                && filters.city.as_ref().is_none_or(|city| c.cities.contains(city))
                && filters.checked_in.is_none_or(|yes| c.checked_in.is_some() == yes)
        }
    }
}

fn compare(table: Table, fair: &Fair, index: &FairIndex, column: Column, a: usize, b: usize) -> Ordering {
    match table {
        Table::Booths => {
            let (x, y) = (&fair.booths[a], &fair.booths[b]);
            match column {
                Column::Employer | Column::Name => x.employer.cmp(&y.employer),
                Column::Industry => x.industry.cmp(&y.industry),
                Column::Zone => x.zone.cmp(&y.zone),
                Column::Kind => x.employer_kind.cmp(&y.employer_kind),
                _ => x.id.cmp(&y.id),
            }
        }
        Table::Positions => {
            let (x, y) = (&fair.positions[a], &fair.positions[b]);
            match column {
                Column::Name => x.title.cmp(&y.title),
                Column::Employer => x.booth.cmp(&y.booth),
                Column::Industry => x.industry.cmp(&y.industry),
                Column::Zone => zone_of_booth(fair, index, &x.booth).cmp(zone_of_booth(fair, index, &y.booth)),
                Column::Openings => x.openings.cmp(&y.openings),
                Column::Education => x.min_education.cmp(&y.min_education),
                Column::Experience => x.min_experience_years.cmp(&y.min_experience_years),
                Column::Salary => x.salary.map(|s| s.max).cmp(&y.salary.map(|s| s.max)),
                Column::City => x.city.cmp(&y.city),
                _ => x.id.cmp(&y.id),
            }
        }
        Table::Candidates => {
            let (x, y) = (&fair.candidates[a], &fair.candidates[b]);
            match column {
                Column::Name => x.name.cmp(&y.name),
                Column::Education => x.education.cmp(&y.education),
                Column::Experience => x.experience_years.cmp(&y.experience_years),
                Column::Salary => x.expected_salary.cmp(&y.expected_salary),
                Column::City => x.cities.first().cmp(&y.cities.first()),
                Column::Tier => x.tier.cmp(&y.tier),
                Column::CheckedIn => x.checked_in.cmp(&y.checked_in),
                _ => x.id.cmp(&y.id),
            }
        }
    }
}

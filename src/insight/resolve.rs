//! What insight keeps of each candidate and position: skill groups, industries, cities and the
//! rest as small masks and ids, so a change is taken back and re-added without the fair's text.

use rustc_hash::FxHashMap as HashMap;

use crate::model::skills::normalize;
use crate::model::{Candidate, Education, Industry, LocalTime, Position, SkillDictionary, SkillGroup, WorkMode};

pub(crate) const GROUPS: usize = SkillGroup::ALL.len();
pub(crate) const INDUSTRIES: usize = Industry::ALL.len();
pub(crate) const EDUCATIONS: usize = Education::ALL.len();
pub(crate) const MODES: usize = WorkMode::ALL.len();

// Skill groups and industries are kept as bit masks.
const _: () = assert!(GROUPS <= 32 && INDUSTRIES <= 32 && MODES <= 8);

/// Quarter-hour slot of a time: seconds since 1970 (venue time) divided by 900.
pub(crate) fn quarter_hour(at: LocalTime) -> i64 {
    at.and_utc().timestamp().div_euclid(900)
}

/// Cities by comparison key (`杭州市` = `杭州` = `Hangzhou City` = `hangzhou`), each shown
/// with the first spelling seen. The same folding as matching uses, so a city counts once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cities {
    by_key: HashMap<String, u32>,
    /// Spellings as written, so most lookups skip folding.
    by_spelling: HashMap<String, u32>,
    keys: Vec<String>,
    names: Vec<String>,
}

pub(crate) fn city_key(text: &str) -> String {
    let key = normalize(text);
    let key = key.strip_suffix('市').unwrap_or(&key);
    let key = key.strip_suffix(" city").unwrap_or(key);
    key.trim().to_owned()
}

impl Cities {
    /// The city's id, adding it when new; `None` for an empty name.
    pub(crate) fn id(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.by_spelling.get(text) {
            return Some(id);
        }
        let key = city_key(text);
        if key.is_empty() {
            return None;
        }
        let id = self.id_for_key(key, text.trim());
        self.by_spelling.insert(text.to_owned(), id);
        Some(id)
    }

    fn id_for_key(&mut self, key: String, name: &str) -> u32 {
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.by_key.insert(key.clone(), id);
        self.keys.push(key);
        self.names.push(name.to_owned());
        id
    }

    /// Adds `other`'s cities; returns the id here of each of `other`'s ids.
    pub(crate) fn absorb(&mut self, other: &Cities) -> Vec<u32> {
        other
            .keys
            .iter()
            .zip(&other.names)
            .map(|(key, name)| self.id_for_key(key.clone(), name))
            .collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// The id of a city already seen, without adding it.
    pub(crate) fn find(&self, text: &str) -> Option<u32> {
        self.by_spelling
            .get(text)
            .or_else(|| self.by_key.get(&city_key(text)))
            .copied()
    }
}

/// One candidate as insight counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CandFacts {
    pub alive: bool,
    /// Skill groups of the skills the dictionary knows.
    pub groups: u32,
    pub industries: u32,
    /// Accepted work modes; all of them when the candidate listed none.
    pub modes: u8,
    pub education: u8,
    /// Preferred cities, sorted, no repeats.
    pub cities: Box<[u32]>,
    pub check_in: Option<i64>,
}

/// One position as insight counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PosFacts {
    pub alive: bool,
    /// Skill groups of the required skills the dictionary knows.
    pub groups: u32,
    pub industry: u8,
    pub city: Option<u32>,
    pub education: u8,
    pub mode: u8,
    pub openings: u32,
}

pub(crate) fn candidate_facts(dict: &SkillDictionary, cities: &mut Cities, c: &Candidate) -> CandFacts {
    let mut city_ids: Vec<u32> = c.cities.iter().filter_map(|t| cities.id(t)).collect();
    city_ids.sort_unstable();
    city_ids.dedup();
    let listed_modes = c.work_modes.iter().fold(0u8, |m, &w| m | (1 << w as u8));
    CandFacts {
        alive: true,
        groups: skill_groups(dict, &c.skills),
        industries: c.industries.iter().fold(0, |m, &i| m | (1 << i as u32)),
        modes: if listed_modes == 0 {
            (1 << MODES) - 1
        } else {
            listed_modes
        },
        education: c.education as u8,
        cities: city_ids.into_boxed_slice(),
        check_in: c.checked_in.map(quarter_hour),
    }
}

pub(crate) fn position_facts(dict: &SkillDictionary, cities: &mut Cities, p: &Position) -> PosFacts {
    PosFacts {
        alive: true,
        groups: skill_groups(dict, &p.required_skills),
        industry: p.industry as u8,
        city: cities.id(&p.city),
        education: p.min_education as u8,
        mode: p.work_mode as u8,
        openings: p.openings,
    }
}

fn skill_groups(dict: &SkillDictionary, skills: &[String]) -> u32 {
    skills
        .iter()
        .filter_map(|s| dict.resolve(s))
        .fold(0, |mask, id| mask | (1 << dict.group(id) as u32))
}

/// Indexes of the bits set in `mask`, lowest first.
pub(crate) fn bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let bit = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(bit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_fold_suffix_case_and_width() {
        let mut cities = Cities::default();
        let a = cities.id("杭州市");
        assert_eq!(cities.id("杭州"), a);
        assert_eq!(cities.id("Qingdao City"), cities.id("ｑｉｎｇｄａｏ"));
        assert_eq!(cities.id("  "), None);
        assert_eq!(cities.name(a.unwrap()), "杭州市");
        assert_eq!(cities.len(), 2);
    }

    #[test]
    fn bits_lists_set_bits() {
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), vec![0, 5, 7]);
        assert_eq!(bits(0).count(), 0);
    }
}

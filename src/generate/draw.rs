//! Drawing helpers every kind of record uses: weighted and skewed picks, salaries and cities,
//! names, and the dictionary's skills pooled by group and by industry.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::data;
use crate::model::skills::Skill;
use crate::model::{Education, SkillDictionary, SkillGroup, SkillId, Yuan};

/// An item drawn with probability proportional to its weight; `items` is non-empty.
pub(super) fn pick_weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    &items[weighted_index(rng, items, weight)]
}

/// Index of an item drawn with probability proportional to its weight; `items` is non-empty.
pub(super) fn weighted_index<T>(rng: &mut ChaCha8Rng, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
    let total: u32 = items.iter().map(&weight).sum();
    let mut ticket = rng.random_range(0..total.max(1));
    for (index, item) in items.iter().enumerate() {
        let w = weight(item);
        if ticket < w {
            return index;
        }
        ticket -= w;
    }
    items.len() - 1
}

/// An index in `0..len` that favours the front of the list: lists are ordered most common first.
pub(super) fn skewed_index(rng: &mut ChaCha8Rng, len: usize) -> usize {
    let u: f64 = rng.random();
    ((u.powf(1.8) * len as f64) as usize).min(len.saturating_sub(1))
}

/// `value` rounded to a multiple of `step`, clamped to what a salary can hold.
pub(super) fn round_to(value: f64, step: f64) -> Yuan {
    ((value / step).round() * step).clamp(0.0, f64::from(u32::MAX)) as Yuan
}

/// Base monthly salary (CNY, Qingdao) for a fresh hire with this education.
pub(super) fn base_salary(education: Education) -> f64 {
    match education {
        Education::HighSchool => 4_500.0,
        Education::Associate => 5_500.0,
        Education::Bachelor => 7_500.0,
        Education::Master => 10_000.0,
        Education::Doctorate => 15_000.0,
    }
}

/// Salary factor of a work city (1.0 for a city not in the list).
pub(super) fn city_factor(city: &str) -> f64 {
    data::words()
        .cities
        .iter()
        .find(|c| c.name == city)
        .map_or(1.0, |c| f64::from(c.salary_factor))
}

/// A work city, drawn by weight.
pub(super) fn pick_city(rng: &mut ChaCha8Rng) -> &'static str {
    pick_weighted(rng, &data::words().cities, |c| c.weight).name
}

/// A Chinese name: common surnames and given names come up most, as they do in life.
pub(super) fn chinese_name(rng: &mut ChaCha8Rng) -> String {
    let people = data::people();
    let surname = if rng.random_bool(0.005) {
        *people.compound_surnames.choose(rng).unwrap_or(&"欧阳")
    } else {
        people.surnames[skewed_index(rng, people.surnames.len())]
    };
    if rng.random_bool(0.28) {
        format!(
            "{surname}{}",
            people.given_single[skewed_index(rng, people.given_single.len())]
        )
    } else {
        let first = people.given_first.choose(rng).unwrap_or(&"子");
        let second = people.given_second.choose(rng).unwrap_or(&"涵");
        format!("{surname}{first}{second}")
    }
}

/// A first and last name for candidates from abroad.
pub(super) fn english_name(rng: &mut ChaCha8Rng) -> String {
    let people = data::people();
    let first = people.english_first.choose(rng).unwrap_or(&"David");
    let last = people.english_last.choose(rng).unwrap_or(&"Chen");
    format!("{first} {last}")
}

/// Skills of the bundled dictionary by group, in dictionary order (most common first).
pub(super) struct SkillPools {
    pub(super) dict: &'static SkillDictionary,
    by_group: Vec<Vec<SkillId>>,
    /// Per industry profile, the skills its job titles ask for: what employers there want.
    by_profile: Vec<Vec<SkillId>>,
    pub(super) general: Vec<SkillId>,
    /// Per industry profile, its job titles' skills without the generic ones: what a position there
    /// can require.
    core_by_profile: Vec<Vec<SkillId>>,
}

impl SkillPools {
    pub(super) fn new(dict: &'static SkillDictionary) -> Self {
        let mut by_group = vec![Vec::new(); SkillGroup::ALL.len()];
        for (id, skill) in dict.iter() {
            by_group[skill.group as usize].push(id);
        }
        let industries = data::industries();
        let by_profile: Vec<Vec<SkillId>> = industries
            .profiles
            .iter()
            .map(|profile| {
                let mut pool: Vec<SkillId> = Vec::new();
                for key in profile.titles.iter().flat_map(|t| &t.skills) {
                    if let Some(id) = dict.resolve(key)
                        && !pool.contains(&id)
                    {
                        pool.push(id);
                    }
                }
                pool
            })
            .collect();
        let general: Vec<SkillId> = industries
            .general_skills
            .iter()
            .filter_map(|key| dict.resolve(key))
            .collect();
        let core_by_profile = by_profile
            .iter()
            .map(|pool: &Vec<SkillId>| pool.iter().copied().filter(|id| !general.contains(id)).collect())
            .collect();
        Self {
            dict,
            by_group,
            by_profile,
            general,
            core_by_profile,
        }
    }

    /// Generic skills (English, office software, communication, ...) that nearly every candidate
    /// lists: employers at real fairs treat them as nice-to-have, never as a requirement.
    pub(super) fn is_generic(&self, id: SkillId) -> bool {
        self.general.contains(&id)
    }

    pub(super) fn draw_core_for_profile(&self, rng: &mut ChaCha8Rng, profile: usize) -> Option<SkillId> {
        self.core_by_profile
            .get(profile)
            .and_then(|pool| pool.choose(rng))
            .copied()
    }

    pub(super) fn draw_for_profile(&self, rng: &mut ChaCha8Rng, profile: usize) -> Option<SkillId> {
        self.by_profile.get(profile).and_then(|pool| pool.choose(rng)).copied()
    }

    pub(super) fn draw_from_group(&self, rng: &mut ChaCha8Rng, group: SkillGroup) -> Option<SkillId> {
        let pool = &self.by_group[group as usize];
        (!pool.is_empty()).then(|| pool[skewed_index(rng, pool.len())])
    }

    pub(super) fn any(&self, rng: &mut ChaCha8Rng) -> Option<SkillId> {
        (!self.dict.is_empty()).then(|| SkillId(rng.random_range(0..self.dict.len()) as u16))
    }

    pub(super) fn by_key(&self, key: &str) -> Option<SkillId> {
        self.dict.resolve(key)
    }

    /// How a person writes a skill: mostly its Chinese name, sometimes English or an alias.
    pub(super) fn spell(&self, rng: &mut ChaCha8Rng, id: SkillId, english: f64, alias: f64) -> String {
        let skill: &Skill = self.dict.get(id);
        let r: f64 = rng.random();
        if r < alias && !skill.aliases.is_empty() {
            skill.aliases.choose(rng).cloned().unwrap_or_else(|| skill.zh.clone())
        } else if r < alias + english {
            skill.en.clone()
        } else {
            skill.zh.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::generate::{STREAM_CANDIDATES, stream};

    #[test]
    fn common_names_like_zhang_wei_are_drawn() {
        let mut rng = stream(7, STREAM_CANDIDATES);
        let names: HashSet<String> = (0..50_000).map(|_| chinese_name(&mut rng)).collect();
        for name in ["张伟", "王芳", "李娜"] {
            assert!(names.contains(name), "{name} never drawn");
        }
        assert!(names.len() > 5_000, "only {} distinct names", names.len());
    }
}

//! Word lists the generator draws from: industries with their employers, titles and skills,
//! majors, names, schools, cities and notes. The lists are data, in RON files under
//! `assets/generator/`, embedded in the binary and parsed once, on first use. Their strings are
//! borrowed from the embedded text, so a list is a slice of `&'static str` as if written in Rust.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Education, Industry, SkillGroup};

/// A job title with the education it usually asks for and the skill keys at its core.
#[derive(Debug, Deserialize)]
pub struct Title<'a> {
    pub zh: &'a str,
    pub en: &'a str,
    pub education: Education,
    #[serde(borrow)]
    pub skills: Vec<&'a str>,
}

/// Everything the generator knows about one industry.
#[derive(Debug, Deserialize)]
pub struct Profile<'a> {
    pub industry: Industry,
    /// Index into [`Industries::zones`].
    pub zone: usize,
    /// Relative share of booths at a city-scale fair.
    pub weight: u32,
    /// Skill groups positions draw from, most relevant first.
    pub groups: Vec<SkillGroup>,
    /// Multiplier on the base salary.
    pub salary_factor: f32,
    /// Middle part of enterprise names, e.g. `海洋科技` in 青岛海川海洋科技有限公司.
    #[serde(borrow)]
    pub company_words: Vec<&'a str>,
    #[serde(borrow)]
    pub institute_words: Vec<&'a str>,
    #[serde(borrow)]
    pub university_words: Vec<&'a str>,
    #[serde(borrow)]
    pub government_bodies: Vec<&'a str>,
    /// Cities where this industry clusters; empty means anywhere.
    #[serde(borrow)]
    pub cities: Vec<&'a str>,
    #[serde(borrow)]
    pub titles: Vec<Title<'a>>,
}

/// `assets/generator/industries.ron`.
#[derive(Debug, Deserialize)]
pub struct Industries<'a> {
    /// Floor zones: letter, Chinese name.
    #[serde(borrow)]
    pub zones: Vec<(&'a str, &'a str)>,
    /// One per industry, in the order of [`Industry::ALL`].
    #[serde(borrow)]
    pub profiles: Vec<Profile<'a>>,
    /// Support roles every kind of employer recruits for.
    #[serde(borrow)]
    pub support_titles: Vec<Title<'a>>,
    /// Skills any position may list as nice to have. `academic_research` stays last: the
    /// generator gives it only to candidates with a master's degree or higher.
    #[serde(borrow)]
    pub general_skills: Vec<&'a str>,
}

/// A field of study: where its graduates' skills come from and which industries they look at.
#[derive(Debug, Deserialize)]
pub struct Major<'a> {
    pub zh: &'a str,
    pub weight: u32,
    pub groups: Vec<SkillGroup>,
    pub industries: Vec<Industry>,
}

/// `assets/generator/people.ron`. Lists drawn with a bias towards their front are ordered
/// most common first.
#[derive(Debug, Deserialize)]
pub struct People<'a> {
    #[serde(borrow)]
    pub majors: Vec<Major<'a>>,
    #[serde(borrow)]
    pub surnames: Vec<&'a str>,
    #[serde(borrow)]
    pub compound_surnames: Vec<&'a str>,
    /// Popular one-character given names (张伟, 王芳, 李娜, ...).
    #[serde(borrow)]
    pub given_single: Vec<&'a str>,
    /// Characters combined into two-character given names.
    #[serde(borrow)]
    pub given_first: Vec<&'a str>,
    #[serde(borrow)]
    pub given_second: Vec<&'a str>,
    /// Full Tibetan names, common among candidates from Qinghai.
    #[serde(borrow)]
    pub tibetan_names: Vec<&'a str>,
    #[serde(borrow)]
    pub english_first: Vec<&'a str>,
    #[serde(borrow)]
    pub english_last: Vec<&'a str>,
    /// Hometowns (生源地) with weights.
    #[serde(borrow)]
    pub hometowns: Vec<(&'a str, u32)>,
    #[serde(borrow)]
    pub top_schools: Vec<&'a str>,
    #[serde(borrow)]
    pub regional_schools: Vec<&'a str>,
    #[serde(borrow)]
    pub vocational_schools: Vec<&'a str>,
    #[serde(borrow)]
    pub high_schools: Vec<&'a str>,
    #[serde(borrow)]
    pub overseas_schools: Vec<&'a str>,
}

/// A work city.
#[derive(Debug, Deserialize)]
pub struct City<'a> {
    pub name: &'a str,
    /// Multiplier on salaries (Qingdao = 1.0).
    pub salary_factor: f32,
    /// Weight as an employer's home city.
    pub weight: u32,
}

/// `assets/generator/words.ron`.
#[derive(Debug, Deserialize)]
pub struct Words<'a> {
    #[serde(borrow)]
    pub cities: Vec<City<'a>>,
    /// Two-character brand words for enterprise names.
    #[serde(borrow)]
    pub brands: Vec<&'a str>,
    #[serde(borrow)]
    pub university_places: Vec<&'a str>,
    #[serde(borrow)]
    pub qingdao_districts: Vec<&'a str>,
    #[serde(borrow)]
    pub benefits: Vec<&'a str>,
    #[serde(borrow)]
    pub good_notes: Vec<&'a str>,
    #[serde(borrow)]
    pub neutral_notes: Vec<&'a str>,
    #[serde(borrow)]
    pub poor_notes: Vec<&'a str>,
}

/// Parses one embedded table. The tables ship inside the binary and the tests parse them, so
/// a failure here is a broken build, not bad input.
fn parse<T: Deserialize<'static>>(name: &str, text: &'static str) -> T {
    ron::from_str(text).unwrap_or_else(|e| panic!("assets/generator/{name} is invalid: {e}"))
}

/// Industries, their titles and the generic skills.
pub fn industries() -> &'static Industries<'static> {
    static TABLE: OnceLock<Industries<'static>> = OnceLock::new();
    TABLE.get_or_init(|| parse("industries.ron", include_str!("../../assets/generator/industries.ron")))
}

/// Majors, names, hometowns and schools.
pub fn people() -> &'static People<'static> {
    static TABLE: OnceLock<People<'static>> = OnceLock::new();
    TABLE.get_or_init(|| parse("people.ron", include_str!("../../assets/generator/people.ron")))
}

/// Cities, employer name parts, benefits and visit notes.
pub fn words() -> &'static Words<'static> {
    static TABLE: OnceLock<Words<'static>> = OnceLock::new();
    TABLE.get_or_init(|| parse("words.ron", include_str!("../../assets/generator/words.ron")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SkillDictionary;

    #[test]
    fn every_industry_has_one_profile_in_order() {
        let industries = industries();
        assert_eq!(industries.profiles.len(), Industry::ALL.len());
        for (profile, industry) in industries.profiles.iter().zip(Industry::ALL) {
            assert_eq!(profile.industry, *industry);
            assert!(profile.zone < industries.zones.len());
            assert!(!profile.titles.is_empty() && !profile.company_words.is_empty() && !profile.groups.is_empty());
        }
    }

    #[test]
    fn every_skill_key_in_the_word_lists_is_in_the_dictionary() {
        let dict = SkillDictionary::builtin();
        let industries = industries();
        let titles = industries
            .profiles
            .iter()
            .flat_map(|p| &p.titles)
            .chain(&industries.support_titles);
        let keys = titles.flat_map(|t| t.skills.iter()).chain(&industries.general_skills);
        for key in keys {
            let id = dict
                .resolve(key)
                .unwrap_or_else(|| panic!("{key} is not in the dictionary"));
            assert_eq!(dict.get(id).key, *key, "{key} resolves to another skill");
        }
    }

    /// Every list the generator draws from with `choose` or by index has something in it.
    #[test]
    fn the_people_and_word_lists_are_not_empty() {
        let (people, words) = (people(), words());
        let lists = [
            &people.surnames,
            &people.compound_surnames,
            &people.given_single,
            &people.given_first,
            &people.given_second,
            &people.tibetan_names,
            &people.english_first,
            &people.english_last,
            &people.top_schools,
            &people.regional_schools,
            &people.vocational_schools,
            &people.high_schools,
            &people.overseas_schools,
            &words.brands,
            &words.university_places,
            &words.qingdao_districts,
            &words.benefits,
            &words.good_notes,
            &words.neutral_notes,
            &words.poor_notes,
        ];
        assert!(lists.iter().all(|list| !list.is_empty()));
        assert!(!people.majors.is_empty() && !people.hometowns.is_empty() && !words.cities.is_empty());
        assert!(
            people
                .majors
                .iter()
                .all(|m| !m.groups.is_empty() && !m.industries.is_empty())
        );
    }
}

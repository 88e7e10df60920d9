//! The skills dictionary: canonical skills with English and Chinese names, aliases and a group.
//!
//! Skill text is typed by people (and Excel) in many spellings: `机器学习`, `Machine Learning`,
//! `ML`, `ｍａｃｈｉｎｅ－ｌｅａｒｎｉｎｇ`. [`normalize`] folds those forms and
//! [`SkillDictionary::resolve`] maps any spelling to one [`SkillId`].

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::labels::labeled_enum;

labeled_enum! {
    pub enum SkillGroup {
        Ai => ("AI", "人工智能"),
        BigData => ("Big data", "大数据"),
        Software => ("Software", "软件开发"),
        Electronics => ("Electronics", "电子信息"),
        IntelligentManufacturing => ("Intelligent manufacturing", "智能制造"),
        Marine => ("Marine", "海洋"),
        CleanEnergy => ("Clean energy", "清洁能源"),
        Materials => ("Materials & chemicals", "材料化工"),
        Biomedicine => ("Biomedicine", "生物医药"),
        Healthcare => ("Healthcare", "医疗"),
        NewMedia => ("New media", "新媒体"),
        ECommerce => ("E-commerce", "电子商务"),
        Finance => ("Finance", "金融"),
        Education => ("Education", "教育"),
        CulturalTourism => ("Cultural tourism", "文化旅游"),
        Agriculture => ("Agriculture", "农业"),
        Astronomy => ("Astronomy & aerospace", "天文航天"),
        Design => ("Design", "设计"),
        Business => ("Business & management", "经营管理"),
        Languages => ("Languages", "语言"),
    }
}

/// Index into the dictionary's skill list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SkillId(pub u16);

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Skill {
    /// Stable English key, e.g. `machine_learning`.
    pub key: String,
    pub en: String,
    pub zh: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub group: SkillGroup,
}

#[derive(Debug, Clone)]
pub struct SkillDictionary {
    skills: Vec<Skill>,
    by_text: HashMap<String, SkillId>,
    /// Every spelling exactly as the dictionary writes it: most files use these, and a hit
    /// spares normalizing (its normalized form maps to the same skill in `by_text`).
    by_spelling: HashMap<String, SkillId>,
}

/// The dictionary bundled in `assets/skills.ron`.
const BUILTIN_SKILLS: &str = include_str!("../../assets/skills.ron");

impl SkillDictionary {
    /// Builds the lookup table; two skills claiming the same spelling is an error.
    pub fn from_skills(skills: Vec<Skill>) -> Result<Self, String> {
        if skills.len() > usize::from(u16::MAX) {
            return Err(format!("{} skills is more than the dictionary supports", skills.len()));
        }
        let mut by_text = HashMap::default();
        let mut by_spelling = HashMap::default();
        for (index, skill) in skills.iter().enumerate() {
            let id = SkillId(index as u16);
            let spellings = [&skill.key, &skill.en, &skill.zh].into_iter().chain(&skill.aliases);
            for spelling in spellings {
                let key = normalize(spelling);
                if key.is_empty() {
                    continue;
                }
                by_spelling.insert(spelling.clone(), id);
                if let Some(previous) = by_text.insert(key.clone(), id)
                    && previous != id
                {
                    return Err(format!(
                        "spelling `{spelling}` belongs to both `{}` and `{}`",
                        skills[usize::from(previous.0)].key,
                        skill.key
                    ));
                }
            }
        }
        Ok(Self {
            skills,
            by_text,
            by_spelling,
        })
    }

    /// Parses a RON list of skills.
    pub fn from_ron(text: &str) -> Result<Self, String> {
        let skills: Vec<Skill> = ron::from_str(text).map_err(|e| e.to_string())?;
        Self::from_skills(skills)
    }

    /// The bundled dictionary, parsed once.
    pub fn builtin() -> &'static SkillDictionary {
        static DICTIONARY: OnceLock<SkillDictionary> = OnceLock::new();
        DICTIONARY.get_or_init(|| {
            Self::from_ron(BUILTIN_SKILLS).unwrap_or_else(|e| panic!("assets/skills.ron is invalid: {e}"))
        })
    }

    /// Maps any known spelling (any case, width or separator) to its skill.
    pub fn resolve(&self, text: &str) -> Option<SkillId> {
        if let Some(&id) = self.by_spelling.get(text) {
            return Some(id);
        }
        self.by_text.get(&normalize(text)).copied()
    }

    /// How `text` reads in `lang`: a known skill by its name in that language (so an English
    /// spelling shows as 税务 in the Chinese window), anything else as written.
    pub fn display_name<'a>(&'a self, text: &'a str, lang: super::Lang) -> &'a str {
        match self.resolve(text) {
            Some(id) => match lang {
                super::Lang::En => &self.get(id).en,
                super::Lang::Zh => &self.get(id).zh,
            },
            None => text,
        }
    }

    pub fn get(&self, id: SkillId) -> &Skill {
        &self.skills[usize::from(id.0)]
    }

    pub fn group(&self, id: SkillId) -> SkillGroup {
        self.get(id).group
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (SkillId, &Skill)> {
        self.skills.iter().enumerate().map(|(i, s)| (SkillId(i as u16), s))
    }

    /// Skills whose name or alias starts with (ranked first) or contains `query`.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<SkillId> {
        let query = normalize(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut prefix = Vec::new();
        let mut contains = Vec::new();
        for (id, skill) in self.iter() {
            let spellings = [&skill.en, &skill.zh].into_iter().chain(&skill.aliases);
            let mut best = None;
            for spelling in spellings {
                let s = normalize(spelling);
                if s.starts_with(&query) {
                    best = Some(0);
                    break;
                } else if s.contains(&query) {
                    best = Some(1);
                }
            }
            match best {
                Some(0) => prefix.push(id),
                Some(_) => contains.push(id),
                None => {}
            }
        }
        prefix.extend(contains);
        prefix.truncate(limit);
        prefix
    }
}

// The text keys moved to `crate::text`; re-exported for existing callers.
pub use crate::text::{halfwidth, normalize, split_list};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dictionary_resolves_aliases_across_languages() {
        let dict = SkillDictionary::builtin();
        let ml = dict.resolve("机器学习").expect("机器学习 is in the dictionary");
        assert_eq!(dict.resolve("machine learning"), Some(ml));
        assert_eq!(dict.resolve("ML"), Some(ml));
        assert_eq!(dict.resolve("python3"), dict.resolve("Python"));
        assert_eq!(dict.resolve("no such skill at all"), None);
    }
}

//! The bundled skills dictionary: size, coverage of every group, and spellings in both languages.

use std::collections::HashSet;

use fairmatch::model::skills::{Skill, SkillDictionary, SkillGroup};

fn dict() -> &'static SkillDictionary {
    SkillDictionary::builtin()
}

fn key_of(text: &str) -> &'static str {
    let id = dict()
        .resolve(text)
        .unwrap_or_else(|| panic!("`{text}` should resolve to a skill"));
    &dict().get(id).key
}

#[test]
fn bundled_dictionary_parses_without_conflicting_spellings() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/skills.ron")).unwrap();
    let skills: Vec<Skill> = ron::from_str(&text).unwrap();
    let dict = SkillDictionary::from_skills(skills).expect("no spelling belongs to two skills");
    assert!(dict.len() >= 180, "only {} skills", dict.len());
}

#[test]
fn every_group_has_skills() {
    let used: HashSet<SkillGroup> = dict().iter().map(|(_, s)| s.group).collect();
    for group in SkillGroup::ALL {
        assert!(used.contains(group), "no skill in group {group}");
    }
    for group in SkillGroup::ALL {
        let count = dict().iter().filter(|(_, s)| s.group == *group).count();
        assert!(count >= 8, "group {group} has only {count} skills");
    }
}

#[test]
fn keys_are_unique_and_every_skill_has_both_names() {
    let mut keys = HashSet::new();
    for (_, skill) in dict().iter() {
        assert!(keys.insert(skill.key.as_str()), "duplicate key {}", skill.key);
        assert!(!skill.en.trim().is_empty(), "{} has no English name", skill.key);
        assert!(
            skill.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{} has no Chinese name: {}",
            skill.key,
            skill.zh
        );
    }
}

#[test]
fn existing_spellings_still_resolve() {
    assert_eq!(key_of("机器学习"), "machine_learning");
    assert_eq!(key_of("Machine learning"), "machine_learning");
    assert_eq!(key_of("ML"), "machine_learning");
    assert_eq!(key_of("python3"), "python");
    assert_eq!(key_of("Python"), "python");
    assert_eq!(key_of("深度学习"), "deep_learning");
    assert_eq!(key_of("SQL"), "sql");
}

#[test]
fn aliases_resolve_in_chinese_and_english() {
    let cases = [
        ("自然语言处理", "nlp"),
        ("NLP", "nlp"),
        ("大模型", "large_language_models"),
        ("golang", "go"),
        ("Ｋ８ｓ", "kubernetes"),
        ("安卓", "android"),
        ("单片机", "microcontrollers"),
        ("STM32", "microcontrollers"),
        ("西门子PLC", "plc"),
        ("AutoCAD", "cad"),
        ("声呐", "underwater_acoustics"),
        ("ROV", "underwater_robotics"),
        ("光伏", "photovoltaics"),
        ("盐湖提锂", "lithium_extraction"),
        ("多晶硅", "silicon_materials"),
        ("HPLC", "pharmaceutical_analysis"),
        ("ENT", "otolaryngology"),
        ("直播", "live_streaming"),
        ("主播", "live_streaming"),
        ("跨境电商", "cross_border_ecommerce"),
        ("风控", "risk_management"),
        ("教资", "teacher_certificate"),
        ("非遗", "cultural_heritage"),
        ("藜麦种植", "plateau_agriculture"),
        ("北斗", "gnss"),
        ("PS", "photoshop"),
        ("HR", "human_resources"),
        ("CET-6", "english"),
        ("雅思", "english"),
        ("藏文", "tibetan"),
    ];
    for (text, key) in cases {
        assert_eq!(key_of(text), key, "`{text}`");
    }
}

#[test]
fn names_in_each_language_resolve_to_the_same_skill() {
    for (id, skill) in dict().iter() {
        assert_eq!(dict().resolve(&skill.en), Some(id), "{}", skill.en);
        assert_eq!(dict().resolve(&skill.zh), Some(id), "{}", skill.zh);
        assert_eq!(dict().resolve(&skill.en.to_uppercase()), Some(id), "{}", skill.en);
    }
}

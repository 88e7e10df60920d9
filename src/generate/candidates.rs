//! Candidates: tier, education, major and the skills it brings, names, schools, wishes, and
//! unique phone numbers, email addresses and badge codes.

use std::collections::HashSet;

use pinyin::ToPinyin;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::draw::{
    SkillPools, base_salary, chinese_name, city_factor, english_name, pick_city, pick_weighted, round_to,
};
use super::{FAIR_DATE, GenerateSpec, data};
use crate::model::{Candidate, CandidateId, Education, Industry, SkillId, TalentTier, WorkMode};

/// A candidate; checked in later by [`super::visits`] if they visit a booth.
pub(super) struct PlannedCandidate {
    pub(super) candidate: Candidate,
}

const PHONE_PREFIXES: &[u64] = &[
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 176, 177, 178,
    180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199,
];

/// Badge code alphabet: no 0/O, 1/I/L, so codes read back unambiguously.
const BADGE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// The candidates of a fair, with phone numbers, email addresses and badge codes unique
/// within it.
pub(super) fn generate_candidates(
    spec: &GenerateSpec,
    pools: &SkillPools,
    rng: &mut ChaCha8Rng,
) -> Vec<PlannedCandidate> {
    let mut phones = HashSet::with_capacity(spec.candidates);
    let mut emails = HashSet::with_capacity(spec.candidates);
    let mut badges = HashSet::with_capacity(spec.candidates);
    (0..spec.candidates)
        .map(|i| {
            let id = CandidateId(format!("C{:06}", i + 1));
            generate_candidate(rng, pools, id, &mut phones, &mut emails, &mut badges)
        })
        .collect()
}

fn generate_candidate(
    rng: &mut ChaCha8Rng,
    pools: &SkillPools,
    id: CandidateId,
    phones: &mut HashSet<u64>,
    emails: &mut HashSet<u64>,
    badges: &mut HashSet<[u8; 6]>,
) -> PlannedCandidate {
    let tier = match rng.random_range(0..100) {
        0..55 => TalentTier::Student,
        55..70 => TalentTier::Returnee,
        70..90 => TalentTier::Experienced,
        90..96 => TalentTier::HighLevel,
        _ => TalentTier::OverseasHighLevel,
    };
    let education = {
        use Education::*;
        let r = rng.random_range(0..100);
        match tier {
            TalentTier::Student | TalentTier::Returnee => match r {
                0..3 => HighSchool,
                3..23 => Associate,
                23..75 => Bachelor,
                75..95 => Master,
                _ => Doctorate,
            },
            TalentTier::Experienced => match r {
                0..8 => HighSchool,
                8..30 => Associate,
                30..75 => Bachelor,
                75..95 => Master,
                _ => Doctorate,
            },
            TalentTier::HighLevel | TalentTier::OverseasHighLevel => match r {
                0..30 => Master,
                _ => Doctorate,
            },
        }
    };
    let people = data::people();
    let major = pick_weighted(rng, &people.majors, |m| m.weight);
    let hometown = if tier == TalentTier::Returnee && rng.random_bool(0.9) {
        "青岛"
    } else {
        pick_weighted(rng, &people.hometowns, |h| h.1).0
    };
    let from_qinghai = matches!(hometown, "西宁" | "海东" | "海西" | "玉树");
    let foreign_name = tier == TalentTier::OverseasHighLevel && rng.random_bool(0.45);
    let name = if foreign_name {
        english_name(rng)
    } else if from_qinghai && rng.random_bool(0.25) {
        people.tibetan_names.choose(rng).unwrap_or(&"扎西").to_string()
    } else {
        chinese_name(rng)
    };

    let school = match (tier, education) {
        (TalentTier::OverseasHighLevel, _) => people.overseas_schools.choose(rng),
        (_, Education::HighSchool) => people.high_schools.choose(rng),
        (_, Education::Associate) => people.vocational_schools.choose(rng),
        (_, Education::Bachelor) if rng.random_bool(0.65) => people.regional_schools.choose(rng),
        (_, Education::Bachelor) => people.top_schools.choose(rng),
        _ if rng.random_bool(0.6) => people.top_schools.choose(rng),
        _ => people.regional_schools.choose(rng),
    }
    .unwrap_or(&"青岛大学")
    .to_string();

    let (fair_year, _, _) = FAIR_DATE;
    let fair_year = fair_year as u16;
    let experience: u8 = match tier {
        TalentTier::Student => 0,
        TalentTier::Returnee => rng.random_range(0..=1),
        TalentTier::Experienced => rng.random_range(2..=15),
        TalentTier::HighLevel => rng.random_range(8..=25),
        TalentTier::OverseasHighLevel => rng.random_range(3..=20),
    };
    let graduation_year = if rng.random_bool(0.03) {
        None
    } else {
        Some(match tier {
            TalentTier::Student if rng.random_bool(0.2) => fair_year + 1,
            TalentTier::Student => fair_year,
            TalentTier::Returnee if rng.random_bool(0.3) => fair_year - 1,
            TalentTier::Returnee => fair_year,
            _ => fair_year - u16::from(experience) - rng.random_range(0..=2),
        })
    };

    let skill_count = match education {
        Education::HighSchool | Education::Associate => rng.random_range(3..=5),
        Education::Bachelor => rng.random_range(4..=7),
        Education::Master => rng.random_range(5..=8),
        Education::Doctorate => rng.random_range(5..=9),
    } + usize::from(experience / 4).min(3);
    let mut skills: Vec<SkillId> = Vec::with_capacity(skill_count);
    for _ in 0..skill_count * 2 {
        if skills.len() >= skill_count {
            break;
        }
        // Half from what employers in the major's industries ask for, the rest from the
        // major's skill groups, general skills and a little noise: supply overlaps demand
        // without mirroring it.
        let r: f64 = rng.random();
        let drawn = if r < 0.5 {
            let industry = major.industries.choose(rng).copied().unwrap_or(Industry::Software);
            pools.draw_for_profile(rng, industry as usize)
        } else if r < 0.8 {
            let group = if rng.random_bool(0.6) {
                major.groups[0]
            } else {
                *major.groups.choose(rng).unwrap_or(&major.groups[0])
            };
            pools.draw_from_group(rng, group)
        } else if r < 0.93 {
            let general = &pools.general[..pools.general.len() - usize::from(education < Education::Master)];
            general.choose(rng).copied()
        } else {
            pools.any(rng)
        };
        if let Some(id) = drawn
            && !skills.contains(&id)
        {
            skills.push(id);
        }
    }
    let english_share = if tier == TalentTier::OverseasHighLevel {
        0.6
    } else {
        0.25
    };
    let skills: Vec<String> = skills
        .iter()
        .map(|&id| pools.spell(rng, id, english_share, 0.15))
        .collect();

    let mut cities: Vec<String> = Vec::new();
    let home_is_work_city = data::words().cities.iter().any(|c| c.name == hometown);
    let home_first = if tier == TalentTier::Returnee { 0.9 } else { 0.5 };
    if home_is_work_city && rng.random_bool(home_first) {
        cities.push(hometown.to_owned());
    }
    let wanted = rng.random_range(1..=3);
    for _ in 0..wanted * 3 {
        if cities.len() >= wanted {
            break;
        }
        let city = pick_city(rng);
        if !cities.iter().any(|c| c == city) {
            cities.push(city.to_owned());
        }
    }

    let mut industries: Vec<Industry> = major.industries.to_vec();
    industries.shuffle(rng);
    industries.truncate(rng.random_range(1..=3));
    if rng.random_bool(0.15) {
        let extra = data::industries()
            .profiles
            .choose(rng)
            .map_or(Industry::Software, |p| p.industry);
        if !industries.contains(&extra) {
            industries.push(extra);
        }
    }

    let work_modes = {
        use WorkMode::*;
        let r = rng.random_range(0..100);
        match tier {
            TalentTier::Student | TalentTier::Returnee => match r {
                0..25 => vec![],
                25..65 => vec![OnSite],
                65..95 => vec![OnSite, Hybrid],
                _ => vec![OnSite, Hybrid, Remote],
            },
            TalentTier::Experienced => match r {
                0..20 => vec![],
                20..50 => vec![OnSite],
                50..85 => vec![OnSite, Hybrid],
                _ => vec![OnSite, Hybrid, Remote],
            },
            TalentTier::HighLevel => match r {
                0..40 => vec![Flexible],
                40..70 => vec![Flexible, Remote],
                _ => vec![OnSite, Flexible],
            },
            TalentTier::OverseasHighLevel => match r {
                0..40 => vec![Flexible, Remote],
                40..70 => vec![Flexible],
                _ => vec![Hybrid, Remote, Flexible],
            },
        }
    };

    let expected_salary = if rng.random_bool(0.08) {
        None
    } else {
        let tier_factor = match tier {
            TalentTier::HighLevel => 1.6,
            TalentTier::OverseasHighLevel => 1.8,
            _ => 1.0,
        };
        let city = cities.first().map_or(1.0, |c| city_factor(c));
        let value = base_salary(education)
            * city
            * tier_factor
            * (1.0 + 0.06 * f64::from(experience.min(15)))
            * rng.random_range(0.85..1.3);
        Some(round_to(value, 500.0).max(3_000))
    };

    let phone = loop {
        let prefix = PHONE_PREFIXES.choose(rng).copied().unwrap_or(138);
        let number = prefix * 100_000_000 + rng.random_range(0..100_000_000);
        if phones.insert(number) {
            break number.to_string();
        }
    };
    let email = if rng.random_bool(0.06) {
        String::new()
    } else {
        unique_email(rng, &name, tier, emails)
    };
    let badge = loop {
        let code: [u8; 6] = std::array::from_fn(|_| BADGE_ALPHABET[rng.random_range(0..BADGE_ALPHABET.len())]);
        if badges.insert(code) {
            break code.iter().map(|&b| char::from(b)).collect::<String>();
        }
    };

    PlannedCandidate {
        candidate: Candidate {
            id,
            name,
            phone,
            email,
            education,
            school,
            major: major.zh.to_owned(),
            graduation_year,
            experience_years: experience,
            skills,
            expected_salary,
            cities,
            industries,
            work_modes,
            tier,
            hometown: hometown.to_owned(),
            consent: rng.random_bool(0.88),
            badge,
            checked_in: None,
        },
    }
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
}

/// Mailbox local part from the name: pinyin for Chinese names, letters for English ones.
fn mailbox_name(name: &str) -> String {
    let mut out = String::new();
    for (c, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            // Mailboxes write ü as v (lü → lv).
            Some(py) => out.extend(py.plain().chars().map(|c| if c == 'ü' { 'v' } else { c })),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None if c == ' ' => out.push('.'),
            None if c == 'ü' => out.push('u'),
            None => {}
        }
    }
    if out.is_empty() { "user".into() } else { out }
}

/// `taken` holds hashes of the addresses handed out: a hash collision only makes us draw
/// another address, so uniqueness holds without storing every string twice.
fn unique_email(rng: &mut ChaCha8Rng, name: &str, tier: TalentTier, taken: &mut HashSet<u64>) -> String {
    let overseas = tier == TalentTier::OverseasHighLevel;
    let domain = match rng.random_range(0..100) {
        _ if overseas && rng.random_bool(0.6) => *["gmail.com", "outlook.com"].choose(rng).unwrap_or(&"gmail.com"),
        0..35 => "qq.com",
        35..60 => "163.com",
        60..70 => "126.com",
        70..75 => "foxmail.com",
        75..83 => "outlook.com",
        83..90 => "gmail.com",
        90..95 => "sina.com",
        _ => "icloud.com",
    };
    let base = mailbox_name(name);
    loop {
        let local = if domain == "qq.com" {
            rng.random_range(100_000_000u64..4_000_000_000).to_string()
        } else {
            match rng.random_range(0..3) {
                0 => format!("{base}{}", rng.random_range(10..100)),
                1 => format!("{base}{}", rng.random_range(1985..2008)),
                _ => format!("{base}{}", rng.random_range(100..10_000)),
            }
        };
        let email = format!("{local}@{domain}");
        if taken.insert(text_hash(&email)) {
            return email;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_names_are_ascii() {
        assert_eq!(mailbox_name("张伟"), "zhangwei");
        assert_eq!(mailbox_name("Thomas Müller"), "thomas.muller");
        assert_eq!(mailbox_name("欧阳子涵"), "ouyangzihan");
        assert_eq!(mailbox_name("吕思锋"), "lvsifeng");
    }
}

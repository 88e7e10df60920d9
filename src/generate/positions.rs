//! Positions: how many each booth offers, and each one's title, requirements, salary, work
//! mode and description, drawn from its employer's industry profile.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::GenerateSpec;
use super::booths::PlannedBooth;
use super::data::{self, Title};
use super::draw::{SkillPools, base_salary, city_factor, pick_city, round_to};
use crate::model::{Education, Industry, Position, PositionId, SalaryRange, SkillId, WorkMode};

/// A position with what rating visits to it needs.
pub(super) struct PlannedPosition {
    pub(super) position: Position,
    /// Resolved required skills, for rating visits.
    pub(super) required: Vec<SkillId>,
}

/// How many positions each booth offers: at least one each, the rest by employer size.
fn positions_per_booth(spec: &GenerateSpec, booths: &[PlannedBooth], rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut counts = vec![0usize; booths.len()];
    if booths.is_empty() {
        return counts;
    }
    if spec.positions < booths.len() {
        for index in rand::seq::index::sample(rng, booths.len(), spec.positions) {
            counts[index] = 1;
        }
        return counts;
    }
    counts.iter_mut().for_each(|c| *c = 1);
    let mut cumulative = Vec::with_capacity(booths.len());
    let mut total = 0u64;
    for booth in booths {
        total += u64::from(booth.size);
        cumulative.push(total);
    }
    for _ in booths.len()..spec.positions {
        let ticket = rng.random_range(0..total);
        let index = cumulative.partition_point(|&c| c <= ticket);
        counts[index.min(booths.len() - 1)] += 1;
    }
    counts
}

fn is_digital(industry: Industry) -> bool {
    matches!(
        industry,
        Industry::Software
            | Industry::ArtificialIntelligence
            | Industry::BigData
            | Industry::VirtualReality
            | Industry::NewMedia
            | Industry::ECommerce
    )
}

fn raise(education: Education) -> Education {
    Education::ALL
        .get(education.level() as usize + 1)
        .copied()
        .unwrap_or(education)
}

fn lower(education: Education) -> Education {
    (education.level() as usize)
        .checked_sub(1)
        .and_then(|i| Education::ALL.get(i).copied())
        .unwrap_or(education)
}

/// The positions of a fair, booth by booth, numbered in that order.
pub(super) fn generate_positions(
    spec: &GenerateSpec,
    booths: &[PlannedBooth],
    pools: &SkillPools,
    rng: &mut ChaCha8Rng,
) -> Vec<PlannedPosition> {
    let counts = positions_per_booth(spec, booths, rng);
    let mut positions = Vec::with_capacity(spec.positions);
    for (booth, &count) in booths.iter().zip(&counts) {
        for _ in 0..count {
            let id = PositionId(format!("P{:05}", positions.len() + 1));
            positions.push(generate_position(rng, pools, booth, id));
        }
    }
    positions
}

fn generate_position(
    rng: &mut ChaCha8Rng,
    pools: &SkillPools,
    booth: &PlannedBooth,
    id: PositionId,
) -> PlannedPosition {
    let profile = &data::industries().profiles[booth.profile];
    let title: &Title<'static> = if rng.random_bool(0.12) {
        data::industries().support_titles.choose(rng)
    } else {
        profile.titles.choose(rng)
    }
    .unwrap_or(&data::industries().support_titles[0]);

    // Seniority: 0 junior, 1 mid, 2 senior.
    let level = match rng.random_range(0..10) {
        0..6 => 0,
        6..9 => 1,
        _ => 2,
    };
    let internship = level == 0 && title.education >= Education::Associate && rng.random_bool(0.1);
    let mut education = title.education;
    if level == 2 && rng.random_bool(0.5) {
        education = raise(education);
    } else if level == 0 && rng.random_bool(0.2) {
        education = lower(education);
    }
    let experience: u8 = match level {
        0 if rng.random_bool(0.2) => 1,
        0 => 0,
        1 => rng.random_range(2..=5),
        _ => rng.random_range(5..=10),
    };
    let research = title.education == Education::Doctorate;
    let english = rng.random_bool(if is_digital(profile.industry) { 0.15 } else { 0.06 });
    let title_text = {
        let (zh_prefix, en_prefix) = match level {
            _ if research || internship => ("", ""),
            1 => ("高级", "Senior "),
            2 => ("资深", "Lead "),
            _ => ("", ""),
        };
        let mut text = if english {
            format!("{en_prefix}{}", title.en)
        } else if rng.random_bool(0.04) {
            format!("{zh_prefix}{} / {en_prefix}{}", title.zh, title.en)
        } else {
            format!("{zh_prefix}{}", title.zh)
        };
        if internship {
            text.push_str(if english { " (Intern)" } else { "（实习）" });
        }
        text
    };

    let city = if rng.random_bool(0.85) {
        booth.city
    } else {
        pick_city(rng)
    };
    let salary = if rng.random_bool(0.07) {
        None
    } else if internship {
        let min = round_to(rng.random_range(3_000.0..4_500.0) * city_factor(city), 500.0);
        Some(SalaryRange { min, max: min + 1_000 })
    } else {
        let base = base_salary(education)
            * f64::from(profile.salary_factor)
            * city_factor(city)
            * (1.0 + 0.07 * f64::from(experience))
            * rng.random_range(0.85..1.15);
        let min = round_to(base, 500.0).max(2_500);
        let max = round_to(f64::from(min) * rng.random_range(1.3..1.8), 500.0).max(min);
        Some(SalaryRange { min, max })
    };
    let openings = if education <= Education::Associate {
        rng.random_range(2..=10)
    } else {
        *[1, 1, 1, 1, 2, 2, 2, 3, 3, 5, 5, 10].choose(rng).unwrap_or(&1)
    };
    let work_mode = {
        let r = rng.random_range(0..100);
        if level == 2 && (research || experience >= 8 || education == Education::Doctorate) {
            match r {
                0..45 => WorkMode::Flexible,
                45..55 => WorkMode::Remote,
                55..70 => WorkMode::Hybrid,
                _ => WorkMode::OnSite,
            }
        } else if is_digital(profile.industry) {
            match r {
                0..65 => WorkMode::OnSite,
                65..87 => WorkMode::Hybrid,
                87..95 => WorkMode::Remote,
                _ => WorkMode::Flexible,
            }
        } else {
            match r {
                0..85 => WorkMode::OnSite,
                85..92 => WorkMode::Hybrid,
                92..94 => WorkMode::Remote,
                _ => WorkMode::Flexible,
            }
        }
    };

    // Required skills are the job's core, industry-specific ones; the title's generic skills become
    // preferred. A title with only generic skills (e.g. project officer) requires its industry's
    // core skills instead.
    let (mut required, mut preferred): (Vec<SkillId>, Vec<SkillId>) = title
        .skills
        .iter()
        .filter_map(|key| pools.by_key(key))
        .partition(|&id| !pools.is_generic(id));
    let extra = rng.random_range(0..=2) + usize::from(required.is_empty());
    for _ in 0..extra {
        if let Some(id) = pools.draw_core_for_profile(rng, booth.profile)
            && !required.contains(&id)
        {
            required.push(id);
        }
    }
    preferred.retain(|id| !required.contains(id));
    for _ in 0..rng.random_range(1..=3) {
        let r: f64 = rng.random();
        let candidate = if r < 0.45 {
            pools.draw_for_profile(rng, booth.profile)
        } else if r < 0.7 {
            let group = *profile.groups.choose(rng).unwrap_or(&profile.groups[0]);
            pools.draw_from_group(rng, group)
        } else {
            pools.general.choose(rng).copied()
        };
        if let Some(id) = candidate
            && !required.contains(&id)
            && !preferred.contains(&id)
        {
            preferred.push(id);
        }
    }
    let (en_share, alias_share) = if english { (0.9, 0.05) } else { (0.15, 0.08) };
    let required_skills: Vec<String> = required
        .iter()
        .map(|&id| pools.spell(rng, id, en_share, alias_share))
        .collect();
    let preferred_skills = preferred
        .iter()
        .map(|&id| pools.spell(rng, id, en_share, alias_share))
        .collect();

    let description = describe(rng, pools, title, english, &required, work_mode);
    PlannedPosition {
        position: Position {
            id,
            booth: booth.booth.id.clone(),
            title: title_text,
            openings,
            required_skills,
            preferred_skills,
            min_education: education,
            min_experience_years: experience,
            salary,
            city: city.to_owned(),
            work_mode,
            industry: profile.industry,
            description,
        },
        required,
    }
}

fn describe(
    rng: &mut ChaCha8Rng,
    pools: &SkillPools,
    title: &Title,
    english: bool,
    required: &[SkillId],
    work_mode: WorkMode,
) -> String {
    let benefits: Vec<&str> = data::words().benefits.choose_multiple(rng, 2).copied().collect();
    if english {
        let skills: Vec<&str> = required
            .iter()
            .take(3)
            .map(|&id| pools.dict.get(id).en.as_str())
            .collect();
        let mode = match work_mode {
            WorkMode::Flexible => " Flexible engagement (part-time, remote or project-based) welcome.",
            WorkMode::Remote => " Remote-friendly.",
            _ => "",
        };
        format!(
            "{}: hands-on work with {}.{mode} Benefits: social insurance and housing fund, {} and more.",
            title.en,
            skills.join(", "),
            benefits.join(" / ")
        )
    } else {
        let skills: Vec<&str> = required
            .iter()
            .take(3)
            .map(|&id| pools.dict.get(id).zh.as_str())
            .collect();
        let mode = match work_mode {
            WorkMode::Flexible => "支持柔性引进（兼职、远程或项目合作）。",
            WorkMode::Remote => "可远程办公。",
            WorkMode::Hybrid => "混合办公。",
            WorkMode::OnSite => "",
        };
        format!(
            "负责{}相关工作，要求熟悉{}。{mode}福利：{}。",
            title.zh,
            skills.join("、"),
            benefits.join("、")
        )
    }
}

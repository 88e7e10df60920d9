//! Deterministic synthetic fairs at any scale, with realistic bilingual data.
//!
//! Every kind of record (booths, positions, candidates, visits) draws from its own ChaCha
//! stream of the same seed, so asking for more or fewer visits never changes the booths,
//! positions or candidates a seed yields; visits and the check-ins they imply come on top.

mod data;
mod sample;

pub use sample::{sample_fair, try_sample_fair};

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use pinyin::ToPinyin;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::skills::Skill;
use crate::model::{
    Booth, BoothId, Candidate, CandidateId, Education, EmployerKind, Fair, FairId, FloorSpot, Industry, NextStep,
    PipelineStatus, Position, PositionId, SalaryRange, SkillDictionary, SkillGroup, SkillId, TalentTier, Visit,
    VisitId, WorkMode, Yuan,
};

use data::{Profile, Title};

/// How big a fair to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSpec {
    pub seed: u64,
    pub booths: usize,
    pub positions: usize,
    pub candidates: usize,
    /// Booth visits recorded on the fair day; visited candidates are checked in.
    pub visits: usize,
}

/// The three scales of the product brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// A campus fair: 40 booths, 300 positions, 2,000 candidates.
    Campus,
    /// A city return-home fair: 710 employers, 12,000 positions, 20,000 candidates.
    City,
    /// A regional peak: 12,000 positions, 100,000 candidates.
    Peak,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Campus, Preset::City, Preset::Peak];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Campus => "campus",
            Preset::City => "city",
            Preset::Peak => "peak",
        }
    }

    /// The preset's counts; visits are about one per ten candidates, as on a busy fair day.
    pub fn spec(self, seed: u64) -> GenerateSpec {
        let (booths, positions, candidates, visits) = match self {
            Preset::Campus => (40, 300, 2_000, 400),
            Preset::City => (710, 12_000, 20_000, 4_000),
            Preset::Peak => (710, 12_000, 100_000, 20_000),
        };
        GenerateSpec {
            seed,
            booths,
            positions,
            candidates,
            visits,
        }
    }
}

/// Upper bound on any count, so a typo cannot exhaust memory.
pub const MAX_RECORDS: usize = 2_000_000;

impl GenerateSpec {
    /// Says what is impossible about the spec; [`generate`] itself never fails.
    pub fn check(&self) -> Result<(), String> {
        for (what, n) in [
            ("booths", self.booths),
            ("positions", self.positions),
            ("candidates", self.candidates),
            ("visits", self.visits),
        ] {
            if n > MAX_RECORDS {
                return Err(format!(
                    "{n} {what} is more than the generator supports ({MAX_RECORDS})"
                ));
            }
        }
        if self.positions > 0 && self.booths == 0 {
            return Err("positions need at least one booth".into());
        }
        if self.visits > 0 && (self.booths == 0 || self.candidates == 0) {
            return Err("visits need at least one booth and one candidate".into());
        }
        Ok(())
    }
}

/// The fair day of generated fairs; visits and check-ins happen on it.
pub const FAIR_DATE: (i32, u32, u32) = (2026, 3, 14);

// One ChaCha stream per kind of record.
const STREAM_BOOTHS: u64 = 1;
const STREAM_POSITIONS: u64 = 2;
const STREAM_CANDIDATES: u64 = 3;
const STREAM_VISITS: u64 = 4;

fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Generates a fair. Out-of-range parts of the spec (see [`GenerateSpec::check`]) give fewer
/// records rather than a panic: no positions without booths, no visits without candidates.
pub fn generate(spec: &GenerateSpec) -> Fair {
    let dict = SkillDictionary::builtin();
    let pools = SkillPools::new(dict);
    let booths = generate_booths(spec, &mut stream(spec.seed, STREAM_BOOTHS));
    let positions = generate_positions(spec, &booths, &pools, &mut stream(spec.seed, STREAM_POSITIONS));
    let mut candidates = generate_candidates(spec, &pools, &mut stream(spec.seed, STREAM_CANDIDATES));
    let visits = generate_visits(
        spec,
        &booths,
        &positions,
        &mut candidates,
        &mut stream(spec.seed, STREAM_VISITS),
    );

    let id = FairId(format!(
        "gen-{}-{}b-{}p-{}c",
        spec.seed, spec.booths, spec.positions, spec.candidates
    ));
    let mut fair = Fair::new(
        id,
        format!(
            "2026 青岛人才供需对接大会 · Qingdao Talent Matching Fair 2026 (synthetic, seed {})",
            spec.seed
        ),
    );
    let date = fair_date();
    fair.meta.starts_on = date.to_string();
    fair.meta.ends_on = date.to_string();
    fair.meta.venue = "青岛国际会展中心 Qingdao International Convention Center".into();
    fair.meta.city = "青岛".into();
    let mut used_zones: Vec<usize> = booths
        .iter()
        .map(|b| data::industries().profiles[b.profile].zone)
        .collect();
    used_zones.sort_unstable();
    used_zones.dedup();
    fair.meta.zones = used_zones.into_iter().map(zone_label).collect();
    fair.booths = booths.into_iter().map(|b| b.booth).collect();
    fair.positions = positions.into_iter().map(|p| p.position).collect();
    fair.candidates = candidates.into_iter().map(|c| c.candidate).collect();
    fair.visits = visits;
    // The day's check-ins and visits as station events, so a station-log export of this fair
    // merged into the same seed generated without visits reproduces them.
    fair.events = crate::model::derived_events(&fair);
    fair
}

fn fair_date() -> NaiveDate {
    let (y, m, d) = FAIR_DATE;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn zone_label(zone: usize) -> String {
    let (letter, name) = data::industries().zones[zone];
    format!("{letter} {name}")
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

fn pick_weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    &items[weighted_index(rng, items, weight)]
}

/// Index of an item drawn with probability proportional to its weight; `items` is non-empty.
fn weighted_index<T>(rng: &mut ChaCha8Rng, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
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
fn skewed_index(rng: &mut ChaCha8Rng, len: usize) -> usize {
    let u: f64 = rng.random();
    ((u.powf(1.8) * len as f64) as usize).min(len.saturating_sub(1))
}

fn round_to(value: f64, step: f64) -> Yuan {
    ((value / step).round() * step).clamp(0.0, f64::from(u32::MAX)) as Yuan
}

/// Base monthly salary (CNY, Qingdao) for a fresh hire with this education.
fn base_salary(education: Education) -> f64 {
    match education {
        Education::HighSchool => 4_500.0,
        Education::Associate => 5_500.0,
        Education::Bachelor => 7_500.0,
        Education::Master => 10_000.0,
        Education::Doctorate => 15_000.0,
    }
}

fn city_factor(city: &str) -> f64 {
    data::words()
        .cities
        .iter()
        .find(|c| c.name == city)
        .map_or(1.0, |c| f64::from(c.salary_factor))
}

fn pick_city(rng: &mut ChaCha8Rng) -> &'static str {
    pick_weighted(rng, &data::words().cities, |c| c.weight).name
}

fn chinese_name(rng: &mut ChaCha8Rng) -> String {
    let surname = if rng.random_bool(0.005) {
        *data::people().compound_surnames.choose(rng).unwrap_or(&"欧阳")
    } else {
        data::people().surnames[skewed_index(rng, data::people().surnames.len())]
    };
    if rng.random_bool(0.28) {
        format!(
            "{surname}{}",
            data::people().given_single[skewed_index(rng, data::people().given_single.len())]
        )
    } else {
        let first = data::people().given_first.choose(rng).unwrap_or(&"子");
        let second = data::people().given_second.choose(rng).unwrap_or(&"涵");
        format!("{surname}{first}{second}")
    }
}

fn english_name(rng: &mut ChaCha8Rng) -> String {
    let first = data::people().english_first.choose(rng).unwrap_or(&"David");
    let last = data::people().english_last.choose(rng).unwrap_or(&"Chen");
    format!("{first} {last}")
}

/// Skills of the bundled dictionary by group, in dictionary order (most common first).
struct SkillPools {
    dict: &'static SkillDictionary,
    by_group: Vec<Vec<SkillId>>,
    /// Per industry profile, the skills its job titles ask for: what employers there want.
    by_profile: Vec<Vec<SkillId>>,
    general: Vec<SkillId>,
    /// Per industry profile, its job titles' skills without the generic ones: what a position there
    /// can require.
    core_by_profile: Vec<Vec<SkillId>>,
}

impl SkillPools {
    fn new(dict: &'static SkillDictionary) -> Self {
        let mut by_group = vec![Vec::new(); SkillGroup::ALL.len()];
        for (id, skill) in dict.iter() {
            by_group[skill.group as usize].push(id);
        }
        let by_profile: Vec<Vec<SkillId>> = data::industries()
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
        let general: Vec<SkillId> = data::industries()
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
    fn is_generic(&self, id: SkillId) -> bool {
        self.general.contains(&id)
    }

    fn draw_core_for_profile(&self, rng: &mut ChaCha8Rng, profile: usize) -> Option<SkillId> {
        self.core_by_profile
            .get(profile)
            .and_then(|pool| pool.choose(rng))
            .copied()
    }

    fn draw_for_profile(&self, rng: &mut ChaCha8Rng, profile: usize) -> Option<SkillId> {
        self.by_profile.get(profile).and_then(|pool| pool.choose(rng)).copied()
    }

    fn draw_from_group(&self, rng: &mut ChaCha8Rng, group: SkillGroup) -> Option<SkillId> {
        let pool = &self.by_group[group as usize];
        (!pool.is_empty()).then(|| pool[skewed_index(rng, pool.len())])
    }

    fn any(&self, rng: &mut ChaCha8Rng) -> Option<SkillId> {
        (!self.dict.is_empty()).then(|| SkillId(rng.random_range(0..self.dict.len()) as u16))
    }

    fn by_key(&self, key: &str) -> Option<SkillId> {
        self.dict.resolve(key)
    }

    /// How a person writes a skill: mostly its Chinese name, sometimes English or an alias.
    fn spell(&self, rng: &mut ChaCha8Rng, id: SkillId, english: f64, alias: f64) -> String {
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

// ---------------------------------------------------------------------------------------------
// Booths

struct PlannedBooth {
    booth: Booth,
    profile: usize,
    /// Where the employer's jobs mostly are.
    city: &'static str,
    /// Relative number of positions the employer brings.
    size: u32,
}

fn generate_booths(spec: &GenerateSpec, rng: &mut ChaCha8Rng) -> Vec<PlannedBooth> {
    let n = spec.booths;
    // Cover every industry once before drawing by weight, so even a small fair is varied.
    let mut profiles: Vec<usize> = (0..data::industries().profiles.len()).collect();
    profiles.shuffle(rng);
    profiles.truncate(n);
    while profiles.len() < n {
        profiles.push(weighted_index(rng, &data::industries().profiles, |p| p.weight));
    }
    profiles.sort_by_key(|&p| data::industries().profiles[p].zone);

    let mut zone_counts = vec![0usize; data::industries().zones.len()];
    let mut used_zone_order: Vec<usize> = Vec::new();
    let mut employers = HashSet::new();
    let mut booths = Vec::with_capacity(n);
    for profile_index in profiles {
        let profile = &data::industries().profiles[profile_index];
        let zone = profile.zone;
        if !used_zone_order.contains(&zone) {
            used_zone_order.push(zone);
        }
        let in_zone = zone_counts[zone];
        zone_counts[zone] += 1;
        let (letter, _) = data::industries().zones[zone];
        let city = if !profile.cities.is_empty() && rng.random_bool(0.6) {
            profile.cities.choose(rng).copied().unwrap_or("青岛")
        } else {
            pick_city(rng)
        };
        let (employer, employer_kind) = employer_name(rng, profile, city, &mut employers);
        let size = match employer_kind {
            EmployerKind::Enterprise => 1 + skewed_index(rng, 8) as u32,
            _ => 1 + skewed_index(rng, 3) as u32,
        };
        // Zones stand side by side; inside a zone, 3 m booths in double rows with 2.5 m aisles.
        let zone_column = used_zone_order.iter().position(|&z| z == zone).unwrap_or(0);
        let (col, row) = (in_zone % 4, in_zone / 4);
        let floor = FloorSpot {
            x: zone_column as f32 * 20.0 + col as f32 * 3.0 + (col / 2) as f32 * 2.5,
            y: 6.0 + row as f32 * 3.0 + (row / 2) as f32 * 2.5,
        };
        let staff = (0..rng.random_range(1..=3)).map(|_| chinese_name(rng)).collect();
        booths.push(PlannedBooth {
            booth: Booth {
                id: BoothId(format!("{letter}-{:03}", in_zone + 1)),
                employer,
                employer_kind,
                industry: profile.industry,
                zone: zone_label(zone),
                floor: Some(floor),
                staff,
            },
            profile: profile_index,
            city,
            size,
        });
    }
    booths
}

fn province_of(city: &str) -> &'static str {
    match city {
        "西宁" | "海东" | "格尔木" => "青海省",
        "青岛" | "济南" | "烟台" | "潍坊" => "山东省",
        "北京" => "北京市",
        "上海" => "上海市",
        "深圳" => "广东省",
        "杭州" => "浙江省",
        "南京" => "江苏省",
        "武汉" => "湖北省",
        _ => "四川省",
    }
}

fn employer_name(
    rng: &mut ChaCha8Rng,
    profile: &Profile<'static>,
    city: &'static str,
    taken: &mut HashSet<String>,
) -> (String, EmployerKind) {
    let government_share = if profile.industry == Industry::Healthcare {
        0.35
    } else {
        0.21
    };
    for _ in 0..40 {
        let r: f64 = rng.random();
        let (name, kind) = if r < 0.07 && !profile.university_words.is_empty() {
            let place = data::words().university_places.choose(rng).unwrap_or(&"黄海");
            let word = profile.university_words.choose(rng).unwrap_or(&"大学");
            (format!("{place}{word}"), EmployerKind::University)
        } else if r < 0.15 && !profile.institute_words.is_empty() {
            let word = profile.institute_words.choose(rng).unwrap_or(&"研究院");
            let prefix = match rng.random_range(0..3) {
                0 => city.to_owned(),
                1 => province_of(city).to_owned(),
                _ => data::words().brands.choose(rng).unwrap_or(&"中科").to_string(),
            };
            (format!("{prefix}{word}"), EmployerKind::Institute)
        } else if r < government_share && !profile.government_bodies.is_empty() {
            let body = profile.government_bodies.choose(rng).unwrap_or(&"人才服务中心");
            let district = if city == "青岛" && rng.random_bool(0.4) {
                data::words()
                    .qingdao_districts
                    .iter()
                    .filter(|d| d.ends_with('区'))
                    .copied()
                    .collect::<Vec<_>>()
                    .choose(rng)
                    .copied()
                    .unwrap_or("")
            } else {
                ""
            };
            (format!("{city}市{district}{body}"), EmployerKind::Government)
        } else {
            let place = if rng.random_bool(0.7) { city } else { "" };
            let brand = data::words().brands.choose(rng).unwrap_or(&"海川");
            let word = profile.company_words.choose(rng).unwrap_or(&"科技");
            let suffix = if ["医院", "银行", "学校"].iter().any(|s| word.ends_with(s)) {
                ""
            } else {
                match rng.random_range(0..20) {
                    0..11 => "有限公司",
                    11..16 => "股份有限公司",
                    _ => "集团有限公司",
                }
            };
            (format!("{place}{brand}{word}{suffix}"), EmployerKind::Enterprise)
        };
        if taken.insert(name.clone()) {
            return (name, kind);
        }
    }
    // Only reached on fairs far larger than the word lists; a number keeps names unique.
    let name = format!("{city}{}科技有限公司{}号", data::words().brands[0], taken.len() + 1);
    taken.insert(name.clone());
    (name, EmployerKind::Enterprise)
}

// ---------------------------------------------------------------------------------------------
// Positions

struct PlannedPosition {
    position: Position,
    /// Resolved required skills, for rating visits.
    required: Vec<SkillId>,
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

fn generate_positions(
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

// ---------------------------------------------------------------------------------------------
// Candidates

struct PlannedCandidate {
    candidate: Candidate,
}

const PHONE_PREFIXES: &[u64] = &[
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 176, 177, 178,
    180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199,
];

/// Badge code alphabet: no 0/O, 1/I/L, so codes read back unambiguously.
const BADGE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

fn generate_candidates(spec: &GenerateSpec, pools: &SkillPools, rng: &mut ChaCha8Rng) -> Vec<PlannedCandidate> {
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
    let major = pick_weighted(rng, &data::people().majors, |m| m.weight);
    let hometown = if tier == TalentTier::Returnee && rng.random_bool(0.9) {
        "青岛"
    } else {
        pick_weighted(rng, &data::people().hometowns, |h| h.1).0
    };
    let from_qinghai = matches!(hometown, "西宁" | "海东" | "海西" | "玉树");
    let foreign_name = tier == TalentTier::OverseasHighLevel && rng.random_bool(0.45);
    let name = if foreign_name {
        english_name(rng)
    } else if from_qinghai && rng.random_bool(0.25) {
        data::people().tibetan_names.choose(rng).unwrap_or(&"扎西").to_string()
    } else {
        chinese_name(rng)
    };

    let school = match (tier, education) {
        (TalentTier::OverseasHighLevel, _) => data::people().overseas_schools.choose(rng),
        (_, Education::HighSchool) => data::people().high_schools.choose(rng),
        (_, Education::Associate) => data::people().vocational_schools.choose(rng),
        (_, Education::Bachelor) if rng.random_bool(0.65) => data::people().regional_schools.choose(rng),
        (_, Education::Bachelor) => data::people().top_schools.choose(rng),
        _ if rng.random_bool(0.6) => data::people().top_schools.choose(rng),
        _ => data::people().regional_schools.choose(rng),
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

// ---------------------------------------------------------------------------------------------
// Visits and check-ins

fn generate_visits(
    spec: &GenerateSpec,
    booths: &[PlannedBooth],
    positions: &[PlannedPosition],
    candidates: &mut [PlannedCandidate],
    rng: &mut ChaCha8Rng,
) -> Vec<Visit> {
    if spec.visits == 0 || booths.is_empty() || candidates.is_empty() {
        return Vec::new();
    }
    let dict = SkillDictionary::builtin();
    let mut booths_by_industry: Vec<Vec<usize>> = vec![Vec::new(); Industry::ALL.len()];
    for (i, booth) in booths.iter().enumerate() {
        booths_by_industry[booth.booth.industry as usize].push(i);
    }
    let booth_index: std::collections::HashMap<&BoothId, usize> =
        booths.iter().enumerate().map(|(i, b)| (&b.booth.id, i)).collect();
    let mut positions_by_booth: Vec<Vec<usize>> = vec![Vec::new(); booths.len()];
    for (i, position) in positions.iter().enumerate() {
        if let Some(&b) = booth_index.get(&position.position.booth) {
            positions_by_booth[b].push(i);
        }
    }

    // About 2.5 booths per visitor, as people walk the hall.
    let visitor_count = (spec.visits * 2 / 5).clamp(1, candidates.len());
    let visitors = rand::seq::index::sample(rng, candidates.len(), visitor_count).into_vec();
    let opening = NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default();
    let day_start = NaiveDateTime::new(fair_date(), opening);
    let arrivals: Vec<i64> = visitors.iter().map(|_| rng.random_range(0..360)).collect();
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(spec.visits);
    let mut visited = vec![false; visitors.len()];
    let mut drafts: Vec<(NaiveDateTime, Visit)> = Vec::with_capacity(spec.visits);

    for _ in 0..spec.visits {
        let slot = rng.random_range(0..visitors.len());
        visited[slot] = true;
        let candidate_index = visitors[slot];
        let candidate = &candidates[candidate_index].candidate;
        let mut booth = rng.random_range(0..booths.len());
        for _ in 0..3 {
            let chosen = if rng.random_bool(0.75) {
                candidate
                    .industries
                    .choose(rng)
                    .and_then(|industry| booths_by_industry[*industry as usize].choose(rng).copied())
                    .unwrap_or(booth)
            } else {
                rng.random_range(0..booths.len())
            };
            booth = chosen;
            if !seen.contains(&(candidate_index, booth)) {
                break;
            }
        }
        seen.insert((candidate_index, booth));

        let held: Vec<SkillId> = candidate.skills.iter().filter_map(|s| dict.resolve(s)).collect();
        let overlap = |p: &PlannedPosition| p.required.iter().filter(|id| held.contains(id)).count();
        let discussed = if rng.random_bool(0.9) {
            positions_by_booth[booth]
                .iter()
                .max_by_key(|&&p| (overlap(&positions[p]), rng.random_range(0..1000u32)))
                .copied()
        } else {
            None
        };
        let (coverage, education_ok) = match discussed {
            Some(p) => {
                let position = &positions[p];
                let required = position.required.len().max(1) as f64;
                (
                    overlap(position) as f64 / required,
                    candidate.education >= position.position.min_education,
                )
            }
            None => (0.3, true),
        };
        let score = 1.5 + 3.0 * coverage + if education_ok { 0.4 } else { -0.6 } + rng.random_range(-1.0..1.0);
        let stars = score.round().clamp(1.0, 5.0) as u8;
        let rating = (!rng.random_bool(0.05)).then_some(stars);
        let r = rng.random_range(0..100);
        let next_step = match stars {
            5 => match r {
                0..15 => NextStep::Hired,
                15..45 => NextStep::Offer,
                _ => NextStep::Interview,
            },
            4 => match r {
                0..5 => NextStep::Offer,
                5..70 => NextStep::Interview,
                _ => NextStep::None,
            },
            3 => match r {
                0..30 => NextStep::Interview,
                30..90 => NextStep::None,
                _ => NextStep::Reject,
            },
            _ => match r {
                0..70 => NextStep::Reject,
                _ => NextStep::None,
            },
        };
        let status = match next_step {
            NextStep::Hired | NextStep::Reject => PipelineStatus::Done,
            NextStep::Offer if rng.random_bool(0.3) => PipelineStatus::Done,
            NextStep::Interview if rng.random_bool(0.05) => PipelineStatus::Withdrawn,
            NextStep::Interview if rng.random_bool(0.1) => PipelineStatus::Done,
            _ => PipelineStatus::Open,
        };
        let notes = if rng.random_bool(0.2) {
            String::new()
        } else {
            let list = match stars {
                4..=5 => &data::words().good_notes,
                3 => &data::words().neutral_notes,
                _ => &data::words().poor_notes,
            };
            list.choose(rng).unwrap_or(&"").to_string()
        };
        // Visits happen after arrival and before the hall closes at 17:00.
        let arrival = arrivals[slot];
        let latest = (510 - arrival).max(6);
        let at = day_start + TimeDelta::minutes(arrival + rng.random_range(5..latest));
        drafts.push((
            at,
            Visit {
                id: VisitId::default(),
                candidate: candidate.id.clone(),
                booth: booths[booth].booth.id.clone(),
                position: discussed.map(|p| positions[p].position.id.clone()),
                at,
                rating,
                notes,
                next_step,
                status,
            },
        ));
    }
    for (slot, &candidate_index) in visitors.iter().enumerate() {
        if visited[slot] {
            candidates[candidate_index].candidate.checked_in = Some(day_start + TimeDelta::minutes(arrivals[slot]));
        }
    }
    drafts.sort_by_key(|draft| draft.0);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut visit))| {
            visit.id = VisitId(format!("V{:06}", i + 1));
            visit
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_like_zhang_wei_are_drawn() {
        let mut rng = stream(7, STREAM_CANDIDATES);
        let names: HashSet<String> = (0..50_000).map(|_| chinese_name(&mut rng)).collect();
        for name in ["张伟", "王芳", "李娜"] {
            assert!(names.contains(name), "{name} never drawn");
        }
        assert!(names.len() > 5_000, "only {} distinct names", names.len());
    }

    #[test]
    fn mailbox_names_are_ascii() {
        assert_eq!(mailbox_name("张伟"), "zhangwei");
        assert_eq!(mailbox_name("Thomas Müller"), "thomas.muller");
        assert_eq!(mailbox_name("欧阳子涵"), "ouyangzihan");
        assert_eq!(mailbox_name("吕思锋"), "lvsifeng");
    }
}

//! Booths: employers by industry profile, with names, zones and staff.

use std::collections::HashSet;

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::data::{self, Profile};
use super::draw::{chinese_name, pick_city, skewed_index, weighted_index};
use super::{GenerateSpec, zone_label};
use crate::model::{Booth, BoothId, EmployerKind, Industry};

/// A booth with what the other generators need to know about its employer.
pub(super) struct PlannedBooth {
    pub(super) booth: Booth,
    /// Index of the employer's industry profile.
    pub(super) profile: usize,
    /// Where the employer's jobs mostly are.
    pub(super) city: &'static str,
    /// Relative number of positions the employer brings.
    pub(super) size: u32,
}

/// The booths of a fair: each industry once (as far as the count allows), the rest by weight;
/// grouped by zone, with staff. Their floor spots are given once the fair is complete
/// ([`crate::insight::floor::lay_out_all`]).
pub(super) fn generate_booths(spec: &GenerateSpec, rng: &mut ChaCha8Rng) -> Vec<PlannedBooth> {
    let industries = data::industries();
    let n = spec.booths;
    // Cover every industry once before drawing by weight, so even a small fair is varied.
    let mut profiles: Vec<usize> = (0..industries.profiles.len()).collect();
    profiles.shuffle(rng);
    profiles.truncate(n);
    while profiles.len() < n {
        profiles.push(weighted_index(rng, &industries.profiles, |p| p.weight));
    }
    profiles.sort_by_key(|&p| industries.profiles[p].zone);

    let mut zone_counts = vec![0usize; industries.zones.len()];
    let mut employers = HashSet::new();
    let mut booths = Vec::with_capacity(n);
    for profile_index in profiles {
        let profile = &industries.profiles[profile_index];
        let zone = profile.zone;
        let in_zone = zone_counts[zone];
        zone_counts[zone] += 1;
        let (letter, _) = industries.zones[zone];
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
        let staff = (0..rng.random_range(1..=3)).map(|_| chinese_name(rng)).collect();
        booths.push(PlannedBooth {
            booth: Booth {
                id: BoothId(format!("{letter}-{:03}", in_zone + 1)),
                employer,
                employer_kind,
                industry: profile.industry,
                zone: zone_label(zone),
                floor: None,
                staff,
                interviews: None,
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
    let words = data::words();
    for _ in 0..40 {
        let r: f64 = rng.random();
        let (name, kind) = if r < 0.07 && !profile.university_words.is_empty() {
            let place = words.university_places.choose(rng).unwrap_or(&"黄海");
            let word = profile.university_words.choose(rng).unwrap_or(&"大学");
            (format!("{place}{word}"), EmployerKind::University)
        } else if r < 0.15 && !profile.institute_words.is_empty() {
            let word = profile.institute_words.choose(rng).unwrap_or(&"研究院");
            let prefix = match rng.random_range(0..3) {
                0 => city.to_owned(),
                1 => province_of(city).to_owned(),
                _ => words.brands.choose(rng).unwrap_or(&"中科").to_string(),
            };
            (format!("{prefix}{word}"), EmployerKind::Institute)
        } else if r < government_share && !profile.government_bodies.is_empty() {
            let body = profile.government_bodies.choose(rng).unwrap_or(&"人才服务中心");
            let district = if city == "青岛" && rng.random_bool(0.4) {
                words
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
            let brand = words.brands.choose(rng).unwrap_or(&"海川");
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
    let name = format!("{city}{}科技有限公司{}号", words.brands[0], taken.len() + 1);
    taken.insert(name.clone());
    (name, EmployerKind::Enterprise)
}

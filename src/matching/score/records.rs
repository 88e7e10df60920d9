//! Candidates and positions in the dense form the scoring loops read: skill, city and booth
//! names turned into ids, what the kernel reads of a position packed into [`PosHot`], and what
//! booth staff recorded summed up per booth.

use rustc_hash::FxHashMap as HashMap;

use super::rules::mode_credit;
use crate::model::{BoothId, Candidate, NextStep, Position, PositionId, SkillDictionary, Visit};

/// Sentinel group for skills outside the dictionary: they match only by exact spelling.
pub(crate) const NO_GROUP: u8 = u8::MAX;

/// What booth staff recorded about one candidate at one booth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BoothVisits {
    pub booth: u32,
    /// Latest rating given at this booth (by visit time, then visit id).
    pub rating: Option<u8>,
    /// A reject with no position named rules out every position of the booth.
    pub reject_all: bool,
    pub rejected: Vec<PositionId>,
}

impl BoothVisits {
    /// Staff marked the candidate "reject" for this position or for the whole booth.
    pub(super) fn rejects(&self, position: &PositionId) -> bool {
        self.reject_all || self.rejected.contains(position)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub alive: bool,
    /// Sorted, deduplicated skill ids; ids below the dictionary size are dictionary skills.
    pub skills: Box<[u32]>,
    pub group_mask: u32,
    pub education: i32,
    pub experience: u8,
    pub expected_salary: Option<u32>,
    pub cities: Box<[u32]>,
    pub industry_mask: u32,
    /// Rank + 1 of each work mode in the candidate's list; 0 = not accepted. All 1 when the list is empty.
    pub mode_rank: [u8; 4],
    /// Appeal credit of each work mode, 0.0 for those not accepted.
    pub mode_credit: [f32; 4],
    pub visits: Vec<BoothVisits>,
}

/// How many distinct groups of required skills are kept inline.
const GROUP_SLOTS: usize = 4;

/// How many preferred skills are kept inline for the hot loop; more fall back to the full list.
const PREF_INLINE: usize = 4;

/// What the scoring kernel reads of a position, packed into half a cache line: the matcher
/// keeps these in one dense array that stays in a core's L2 cache for a whole fair.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
pub(crate) struct PosHot {
    /// The groups of the required skills, one per slot as `count << 5 | group` (count up to 7,
    /// empty slots 0): the number of required skills in a candidate's groups is a short sum
    /// without a loop.
    pub group_slots: [u8; GROUP_SLOTS],
    /// The preferred skills when `preferred_inline()`, each as its id plus one; unused slots
    /// hold 0, which no skill has.
    pub preferred_ids: [u16; PREF_INLINE],
    /// 0 when the position names no city.
    pub city: u32,
    /// Top of the offered salary range, as the credit divides it; meaningful when `has_salary()`.
    pub salary_max: f32,
    /// Counts as floats, the form the credits divide by (exact below 2^24).
    pub required_len: f32,
    pub preferred_len: f32,
    pub min_education: i8,
    pub min_experience: u8,
    pub industry: u8,
    /// Work mode (`WorkMode as u8`) in the low two bits, then the `FLAG_*` bits.
    mode_flags: u8,
}

const FLAG_SALARY: u8 = 1 << 2;
/// The required skills' groups do not fit `group_slots`: count with `Pos::required_groups`
/// instead.
const FLAG_GROUP_OVERFLOW: u8 = 1 << 3;
/// The preferred skills do not fit `preferred_ids`: check `Pos::preferred` instead.
const FLAG_PREFERRED_OUTLINE: u8 = 1 << 4;

impl PosHot {
    #[inline]
    pub fn mode_index(&self) -> usize {
        usize::from(self.mode_flags & 3)
    }

    #[inline]
    pub fn has_salary(&self) -> bool {
        self.mode_flags & FLAG_SALARY != 0
    }

    #[inline]
    pub fn group_overflow(&self) -> bool {
        self.mode_flags & FLAG_GROUP_OVERFLOW != 0
    }

    #[inline]
    pub(super) fn preferred_inline(&self) -> bool {
        self.mode_flags & FLAG_PREFERRED_OUTLINE == 0
    }
}

/// Membership test for a candidate's skills: a sorted slice, or a bitset filled for one row.
pub(crate) trait SkillSet {
    fn has(&self, skill: u32) -> bool;

    /// `has(shifted - 1)` for a skill id plus one, as `PosHot::preferred_ids` holds them;
    /// false for 0.
    #[inline]
    fn has_shifted(&self, shifted: u16) -> bool {
        shifted != 0 && self.has(u32::from(shifted) - 1)
    }
}

impl SkillSet for [u32] {
    #[inline]
    fn has(&self, skill: u32) -> bool {
        self.binary_search(&skill).is_ok()
    }
}

/// Bits of one candidate's skills, set at the start of its row and cleared at the end.
#[derive(Debug, Clone)]
pub(crate) struct SkillBits {
    words: Vec<u64>,
    /// Bit `id + 1` for each skill id below `u16::MAX`: every `u16` indexes it, so the
    /// preferred-skill tests of the scoring loop need no bounds check.
    shifted: Box<[u64; 1 << 10]>,
}

impl Default for SkillBits {
    fn default() -> Self {
        Self {
            words: Vec::new(),
            shifted: Box::new([0; 1 << 10]),
        }
    }
}

impl SkillBits {
    pub fn set(&mut self, skills: &[u32]) {
        for &s in skills {
            let w = (s / 64) as usize;
            if self.words.len() <= w {
                self.words.resize(w + 1, 0);
            }
            self.words[w] |= 1 << (s % 64);
            if let Some(shifted) = shifted_id(s) {
                self.shifted[usize::from(shifted >> 6)] |= 1 << (shifted % 64);
            }
        }
    }

    pub fn clear(&mut self, skills: &[u32]) {
        for &s in skills {
            if let Some(w) = self.words.get_mut((s / 64) as usize) {
                *w = 0;
            }
            if let Some(shifted) = shifted_id(s) {
                self.shifted[usize::from(shifted >> 6)] = 0;
            }
        }
    }
}

/// A skill id plus one, when that fits a `u16`.
fn shifted_id(skill: u32) -> Option<u16> {
    u16::try_from(skill).ok().and_then(|s| s.checked_add(1))
}

impl SkillSet for SkillBits {
    #[inline]
    fn has(&self, skill: u32) -> bool {
        let word = self.words.get((skill / 64) as usize).copied().unwrap_or(0);
        word & (1 << (skill % 64)) != 0
    }

    #[inline]
    fn has_shifted(&self, shifted: u16) -> bool {
        self.shifted[usize::from(shifted >> 6)] >> (shifted % 64) & 1 != 0
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Pos {
    pub hot: PosHot,
    pub alive: bool,
    pub booth: u32,
    pub id: PositionId,
    pub required: Box<[u32]>,
    /// Group of each required skill, parallel to `required`.
    pub required_groups: Box<[u8]>,
    pub preferred: Box<[u32]>,
}

/// Turns text into dense ids. Grows with edits; a full build starts it afresh.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    unknown_skills: HashMap<String, u32>,
    cities: HashMap<String, u32>,
    booths: HashMap<BoothId, u32>,
}

/// What the interner knows of a name, without adding it.
enum Lookup {
    Known(u32),
    /// The name normalizes to nothing.
    Blank,
    /// Not seen yet; the key it would be added under.
    New(String),
}

impl Lookup {
    fn in_map(map: &HashMap<String, u32>, key: String) -> Self {
        if key.is_empty() {
            return Lookup::Blank;
        }
        match map.get(&key) {
            Some(&id) => Lookup::Known(id),
            None => Lookup::New(key),
        }
    }
}

impl Interner {
    fn lookup_skill(&self, dict: &SkillDictionary, text: &str) -> Lookup {
        match dict.resolve(text) {
            Some(id) => Lookup::Known(u32::from(id.0)),
            None => Lookup::in_map(&self.unknown_skills, crate::model::skills::normalize(text)),
        }
    }

    /// Cities compare case- and width-insensitively, and `杭州市` equals `杭州`.
    fn lookup_city(&self, text: &str) -> Lookup {
        Lookup::in_map(&self.cities, city_key(text))
    }

    pub fn skill(&mut self, dict: &SkillDictionary, text: &str) -> Option<u32> {
        match self.lookup_skill(dict, text) {
            Lookup::Known(id) => Some(id),
            Lookup::Blank => None,
            Lookup::New(key) => {
                let id = (dict.len() + self.unknown_skills.len()) as u32;
                self.unknown_skills.insert(key, id);
                Some(id)
            }
        }
    }

    pub fn city(&mut self, text: &str) -> u32 {
        match self.lookup_city(text) {
            Lookup::Known(id) => id,
            Lookup::Blank => 0,
            Lookup::New(key) => {
                let id = self.cities.len() as u32 + 1;
                self.cities.insert(key, id);
                id
            }
        }
    }

    pub fn booth(&mut self, id: &BoothId) -> u32 {
        let next = self.booths.len() as u32;
        *self.booths.entry(id.clone()).or_insert(next)
    }
}

/// Where resolving gets ids for skills, cities and booths: the [`Interner`], which adds what it
/// has not seen, or [`KnownIds`], which only looks up and so can be shared between threads.
pub(crate) trait Ids {
    /// `None` for a name that normalizes to nothing.
    fn skill(&mut self, dict: &SkillDictionary, text: &str) -> Option<u32>;
    /// 0 for no city.
    fn city(&mut self, text: &str) -> u32;
    fn booth(&mut self, id: &BoothId) -> u32;
}

impl Ids for Interner {
    fn skill(&mut self, dict: &SkillDictionary, text: &str) -> Option<u32> {
        Interner::skill(self, dict, text)
    }

    fn city(&mut self, text: &str) -> u32 {
        Interner::city(self, text)
    }

    fn booth(&mut self, id: &BoothId) -> u32 {
        Interner::booth(self, id)
    }
}

/// Read-only lookups in an [`Interner`]; `missed` tells that some name was not there yet, so
/// the result must be resolved again with the interner itself.
pub(crate) struct KnownIds<'a> {
    pub interner: &'a Interner,
    pub missed: bool,
}

impl KnownIds<'_> {
    fn known(&mut self, lookup: Lookup) -> Option<u32> {
        match lookup {
            Lookup::Known(id) => Some(id),
            Lookup::Blank => None,
            Lookup::New(_) => {
                self.missed = true;
                None
            }
        }
    }
}

impl Ids for KnownIds<'_> {
    fn skill(&mut self, dict: &SkillDictionary, text: &str) -> Option<u32> {
        let lookup = self.interner.lookup_skill(dict, text);
        self.known(lookup)
    }

    fn city(&mut self, text: &str) -> u32 {
        let lookup = self.interner.lookup_city(text);
        self.known(lookup).unwrap_or(0)
    }

    /// A booth not seen yet is a miss; the id given then is never used.
    fn booth(&mut self, id: &BoothId) -> u32 {
        let known = self.interner.booths.get(id).copied();
        self.missed |= known.is_none();
        known.unwrap_or(u32::MAX)
    }
}

pub(crate) fn city_key(text: &str) -> String {
    let key = crate::model::skills::normalize(text);
    let key = key.strip_suffix('市').unwrap_or(&key);
    let key = key.strip_suffix(" city").unwrap_or(key);
    key.trim().to_owned()
}

fn sorted_skill_ids(dict: &SkillDictionary, interner: &mut impl Ids, names: &[String]) -> Box<[u32]> {
    let mut ids: Vec<u32> = names.iter().filter_map(|n| interner.skill(dict, n)).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_boxed_slice()
}

fn group_of(dict: &SkillDictionary, id: u32) -> u8 {
    if (id as usize) < dict.len() {
        dict.group(crate::model::SkillId(id as u16)) as u8
    } else {
        NO_GROUP
    }
}

pub(crate) fn resolve_candidate(
    dict: &SkillDictionary,
    interner: &mut impl Ids,
    c: &Candidate,
    visits: Vec<BoothVisits>,
) -> Cand {
    let skills = sorted_skill_ids(dict, interner, &c.skills);
    let group_mask = skills
        .iter()
        .map(|&s| group_of(dict, s))
        .filter(|&g| g != NO_GROUP)
        .fold(0u32, |m, g| m | (1 << g));
    let mut cities: Vec<u32> = c.cities.iter().map(|t| interner.city(t)).filter(|&x| x != 0).collect();
    cities.sort_unstable();
    cities.dedup();
    let mut mode_rank = [0u8; 4];
    if c.work_modes.is_empty() {
        mode_rank = [1; 4];
    } else {
        for (rank, mode) in c.work_modes.iter().enumerate() {
            let slot = &mut mode_rank[*mode as usize];
            if *slot == 0 {
                *slot = (rank as u8).saturating_add(1);
            }
        }
    }
    Cand {
        alive: true,
        skills,
        group_mask,
        education: c.education.level(),
        experience: c.experience_years,
        expected_salary: c.expected_salary,
        cities: cities.into_boxed_slice(),
        industry_mask: c.industries.iter().fold(0u32, |m, i| m | (1 << (*i as u8))),
        mode_rank,
        mode_credit: mode_rank.map(|rank| if rank == 0 { 0.0 } else { mode_credit(rank) }),
        visits,
    }
}

pub(crate) fn resolve_position(dict: &SkillDictionary, interner: &mut Interner, p: &Position) -> Pos {
    let required = sorted_skill_ids(dict, interner, &p.required_skills);
    let required_groups: Box<[u8]> = required.iter().map(|&s| group_of(dict, s)).collect();
    let mut per_group = [0u8; 32];
    for &g in required_groups.iter().filter(|&&g| g != NO_GROUP) {
        per_group[usize::from(g % 32)] = per_group[usize::from(g % 32)].saturating_add(1);
    }
    let used: Vec<(u8, u8)> = (0..32u8)
        .map(|g| (g, per_group[usize::from(g)]))
        .filter(|&(_, n)| n > 0)
        .collect();
    let group_overflow = used.len() > GROUP_SLOTS || used.iter().any(|&(_, n)| n > 7);
    let mut group_slots = [0u8; GROUP_SLOTS];
    for (slot, &(g, n)) in group_slots.iter_mut().zip(&used) {
        *slot = (n.min(7) << 5) | g;
    }
    let preferred = sorted_skill_ids(dict, interner, &p.preferred_skills);
    let mut preferred_ids = [0u16; PREF_INLINE];
    let mut inline = preferred.len() <= PREF_INLINE;
    for (slot, &id) in preferred_ids.iter_mut().zip(preferred.iter()) {
        match shifted_id(id) {
            Some(shifted) => *slot = shifted,
            None => inline = false,
        }
    }
    let booth = interner.booth(&p.booth);
    let mut mode_flags = p.work_mode as u8;
    for (set, flag) in [
        (p.salary.is_some(), FLAG_SALARY),
        (group_overflow, FLAG_GROUP_OVERFLOW),
        (!inline, FLAG_PREFERRED_OUTLINE),
    ] {
        if set {
            mode_flags |= flag;
        }
    }
    let hot = PosHot {
        group_slots,
        preferred_ids,
        city: interner.city(&p.city),
        salary_max: p.salary.map_or(0, |r| r.max) as f32,
        required_len: required.len() as f32,
        preferred_len: preferred.len() as f32,
        min_education: p.min_education.level() as i8,
        min_experience: p.min_experience_years,
        industry: p.industry as u8,
        mode_flags,
    };
    Pos {
        hot,
        alive: true,
        booth,
        id: p.id.clone(),
        required,
        required_groups,
        preferred,
    }
}

/// Summarizes one candidate's visits at one booth. `visits` are all of that pair's visits.
pub(crate) fn summarize_visits<'a>(booth: u32, visits: impl Iterator<Item = &'a Visit>) -> Option<BoothVisits> {
    let mut summary = BoothVisits {
        booth,
        rating: None,
        reject_all: false,
        rejected: Vec::new(),
    };
    let mut latest: Option<(&crate::model::LocalTime, &str)> = None;
    let mut any = false;
    for v in visits {
        any = true;
        if let Some(r) = v.rating {
            let key = (&v.at, v.id.as_str());
            if latest.is_none_or(|l| key > l) {
                latest = Some(key);
                summary.rating = Some(r.clamp(1, 5));
            }
        }
        if v.next_step == NextStep::Reject {
            match &v.position {
                None => summary.reject_all = true,
                Some(p) => summary.rejected.push(p.clone()),
            }
        }
    }
    any.then_some(summary)
}

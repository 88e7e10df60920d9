//! Resolved, dense forms of candidates and positions, and the one scoring kernel every path uses.
//!
//! Every path computes a pair's numbers with [`combine`]: one pair at a time through
//! [`evaluate`] (incremental updates, `explain`), or a [`Block`] of a row's pairs at once (full
//! build, allocation). So a pair gets bit-identical numbers whichever way it was reached.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{
    BoothId, Candidate, MatchSettings, NextStep, Position, PositionId, SkillDictionary, Visit, WorkMode,
};

/// Sentinel group for skills outside the dictionary: they match only by exact spelling.
pub(crate) const NO_GROUP: u8 = u8::MAX;

/// Settings turned into normalized weights; non-finite or negative values fall back to safe ones.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    pub required: f32,
    pub preferred: f32,
    pub education: f32,
    pub experience: f32,
    pub salary: f32,
    pub city: f32,
    pub industry: f32,
    pub work_mode: f32,
    pub fit_weight: f32,
    pub rating_bonus: f32,
    pub group_credit: f32,
    pub min_score: f32,
}

fn sane(value: f32, fallback: f32) -> f32 {
    if value.is_finite() { value.max(0.0) } else { fallback }
}

impl Weights {
    pub fn new(s: &MatchSettings) -> Self {
        let d = MatchSettings::default();
        let fit = [
            sane(s.required_skills_weight, d.required_skills_weight),
            sane(s.preferred_skills_weight, d.preferred_skills_weight),
            sane(s.education_weight, d.education_weight),
            sane(s.experience_weight, d.experience_weight),
        ];
        let appeal = [
            sane(s.salary_weight, d.salary_weight),
            sane(s.city_weight, d.city_weight),
            sane(s.industry_weight, d.industry_weight),
            sane(s.work_mode_weight, d.work_mode_weight),
        ];
        // All-zero weights would divide by zero; then every component counts equally.
        let norm = |w: [f32; 4]| {
            let sum: f32 = w.iter().sum();
            if sum > 0.0 { w.map(|x| x / sum) } else { [0.25; 4] }
        };
        let fit = norm(fit);
        let appeal = norm(appeal);
        Self {
            required: fit[0],
            preferred: fit[1],
            education: fit[2],
            experience: fit[3],
            salary: appeal[0],
            city: appeal[1],
            industry: appeal[2],
            work_mode: appeal[3],
            fit_weight: sane(s.fit_weight, d.fit_weight).min(1.0),
            rating_bonus: if s.rating_bonus.is_finite() {
                s.rating_bonus
            } else {
                d.rating_bonus
            },
            group_credit: sane(s.group_match_credit, d.group_match_credit).min(1.0),
            min_score: if s.min_score.is_finite() {
                s.min_score
            } else {
                d.min_score
            },
        }
    }

    /// The fewest required skills a pair of an unrated candidate must match exactly (directly
    /// or by alias) for its fit to reach `fit`, at a position with `required_len` of them; 255
    /// when no such pair can. An upper bound of [`combine`]: every other credit counted in
    /// full, the unmatched required skills at the group credit. Capped at 254, so a position
    /// with more required skills than that only loses the pruning.
    pub fn exact_needed(&self, required_len: f32, fit: f32) -> u8 {
        // `combine` rounds in f32 and may land a little above the exact value: the margin
        // keeps this bound above it.
        let bound = |exact: f32| {
            let required = if required_len == 0.0 {
                1.0
            } else {
                (exact + self.group_credit * (required_len - exact)) / required_len
            };
            let rest = self.preferred + self.education + self.experience;
            (100.0 * (f64::from(self.required) * f64::from(required) + f64::from(rest))).min(100.0) + 0.01
        };
        let len = required_len.min(254.0) as u8;
        (0..=len)
            .find(|&e| bound(f32::from(e)) >= f64::from(fit))
            .unwrap_or(if required_len > 254.0 { 254 } else { 255 })
    }
}

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
    fn rejects(&self, position: &PositionId) -> bool {
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
    fn preferred_inline(&self) -> bool {
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

/// Hard rules that make a pair ineligible, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The position's work mode is not among the candidate's accepted modes.
    WorkModeNotAccepted,
    /// Education more than one level below the position's minimum.
    EducationTooLow,
    /// None of the position's required skills (directly or by alias).
    NoRequiredSkill,
    /// Booth staff recorded "reject" for this candidate at this position (or the whole booth).
    RejectedByBooth,
    /// Both fit and appeal below the organizer's threshold.
    BelowThreshold,
}

impl Rule {
    pub fn en(self) -> &'static str {
        match self {
            Rule::WorkModeNotAccepted => "work mode not accepted",
            Rule::EducationTooLow => "education more than one level below the minimum",
            Rule::NoRequiredSkill => "none of the required skills",
            Rule::RejectedByBooth => "rejected by booth staff",
            Rule::BelowThreshold => "fit and appeal both below the threshold",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Rule::WorkModeNotAccepted => "不接受该工作方式",
            Rule::EducationTooLow => "学历低于要求一级以上",
            Rule::NoRequiredSkill => "不具备任何必备技能",
            Rule::RejectedByBooth => "展位已标记不合适",
            Rule::BelowThreshold => "匹配度与吸引力均低于门槛",
        }
    }

    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        match lang {
            crate::model::Lang::En => self.en(),
            crate::model::Lang::Zh => self.zh(),
        }
    }
}

/// Per-component credits in 0..=1, as used in the totals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parts {
    pub required: f32,
    pub preferred: f32,
    pub education: f32,
    pub experience: f32,
    pub rating: Option<u8>,
    pub salary: f32,
    pub city: f32,
    pub industry: f32,
    pub work_mode: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PairScore {
    pub fit: f32,
    pub appeal: f32,
    pub score: f32,
}

/// Number of the position's required skills the candidate has: low 16 bits all, high 16 bits
/// those from the dictionary (which carry a group).
pub(crate) fn exact_required(dict_len: u32, c: &Cand, p: &Pos) -> u32 {
    let (mut i, mut j, mut out) = (0, 0, 0u32);
    while i < c.skills.len() && j < p.required.len() {
        match c.skills[i].cmp(&p.required[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out += exact_increment(dict_len, c.skills[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[inline]
pub(crate) fn exact_increment(dict_len: u32, skill: u32) -> u32 {
    if skill < dict_len { 0x1_0001 } else { 1 }
}

/// 1.0 when the candidate names no city or the work is remote; else 0.5 when the position
/// names no city, 1.0 when its city is one of the candidate's, 0.0 otherwise.
pub(crate) fn city_credit(c: &Cand, h: &PosHot) -> f32 {
    // Read pair by pair before the block's arithmetic, so it picks between precomputed values
    // instead of branching: within a row the conditions change from one position to the next.
    // A candidate lists few cities: a full pass costs less than a mispredicted early exit.
    let listed = c.cities.iter().fold(false, |found, &city| found | (city == h.city));
    let named = [f32::from(u8::from(listed)), 0.5][usize::from(h.city == 0)];
    let applies = !c.cities.is_empty() & (h.mode_index() != WorkMode::Remote as usize);
    [1.0, named][usize::from(applies)]
}

pub(crate) fn mode_credit(rank: u8) -> f32 {
    // First listed mode is the preferred one; later ones still count.
    (1.0 - 0.2 * f32::from(rank.saturating_sub(1))).max(0.4)
}

/// Scores one pair. `exact` comes from [`exact_required`] (or the equivalent index count);
/// `skills` is the candidate's skills in whichever form the caller has at hand.
#[inline]
pub(crate) fn evaluate<S: SkillSet + ?Sized>(
    w: &Weights,
    c: &Cand,
    skills: &S,
    h: &PosHot,
    p: &Pos,
    exact: u32,
) -> Result<PairScore, Rule> {
    let rating = hard_rules(c, h, p, exact)?;
    let (score, _) = combine(w, &inputs(w, c, skills, h, p, exact, rating));
    if below_threshold(w, &score) {
        return Err(Rule::BelowThreshold);
    }
    Ok(score)
}

/// The rules checked before any arithmetic; on success, the rating booth staff gave (if any).
#[inline]
pub(crate) fn hard_rules(c: &Cand, h: &PosHot, p: &Pos, exact: u32) -> Result<Option<u8>, Rule> {
    hard_rules_at(c, h, p.booth, p, exact)
}

/// [`hard_rules`] with the position's booth given: rows read it from a dense array, so the cold
/// position record is read only for a booth the candidate visited.
#[inline]
pub(crate) fn hard_rules_at(c: &Cand, h: &PosHot, booth: u32, p: &Pos, exact: u32) -> Result<Option<u8>, Rule> {
    if c.mode_rank[h.mode_index()] == 0 {
        return Err(Rule::WorkModeNotAccepted);
    }
    if c.education - i32::from(h.min_education) < -1 {
        return Err(Rule::EducationTooLow);
    }
    if exact & 0xFFFF == 0 && h.required_len != 0.0 {
        return Err(Rule::NoRequiredSkill);
    }
    match visits_at(c, booth) {
        None => Ok(None),
        Some(v) => booth_verdict(v, p),
    }
}

#[inline]
fn below_threshold(w: &Weights, s: &PairScore) -> bool {
    s.fit < w.min_score && s.appeal < w.min_score
}

/// What booth staff recorded about the pair at a booth the candidate visited: a reject, or the
/// rating (if any). Out of line, being rare.
#[inline(never)]
fn booth_verdict(v: &BoothVisits, p: &Pos) -> Result<Option<u8>, Rule> {
    if v.rejects(&p.id) {
        Err(Rule::RejectedByBooth)
    } else {
        Ok(v.rating)
    }
}

/// The candidate's visits at a booth.
#[inline]
fn visits_at(c: &Cand, booth: u32) -> Option<&BoothVisits> {
    c.visits.iter().find(|v| v.booth == booth)
}

/// Required skills the candidate has only through their group. The full list of `p` is read
/// only for positions with `group_overflow`.
#[inline]
fn group_only(c: &Cand, h: &PosHot, p: &Pos, exact: u32) -> u32 {
    let in_groups = if h.group_overflow() {
        p.required_groups
            .iter()
            .filter(|&&g| g != NO_GROUP && c.group_mask & (1 << g) != 0)
            .count() as u32
    } else {
        let slots = u32::from_le_bytes(h.group_slots);
        let count = |shift: u32| {
            let slot = slots >> shift;
            (c.group_mask >> (slot & 31) & 1) * (slot >> 5 & 7)
        };
        count(0) + count(8) + count(16) + count(24)
    };
    in_groups.saturating_sub(exact >> 16)
}

/// Every rule the pair breaks, first one first, and its numbers regardless; for explanations.
pub(crate) fn evaluate_all(w: &Weights, c: &Cand, p: &Pos, exact: u32) -> (Vec<Rule>, PairScore, Parts) {
    let h = &p.hot;
    let mut broken = Vec::new();
    if c.mode_rank[h.mode_index()] == 0 {
        broken.push(Rule::WorkModeNotAccepted);
    }
    if c.education - i32::from(h.min_education) < -1 {
        broken.push(Rule::EducationTooLow);
    }
    if exact & 0xFFFF == 0 && h.required_len != 0.0 {
        broken.push(Rule::NoRequiredSkill);
    }
    let visit = visits_at(c, p.booth);
    if visit.is_some_and(|v| v.rejects(&p.id)) {
        broken.push(Rule::RejectedByBooth);
    }
    let rating = visit.and_then(|v| v.rating);
    let (score, parts) = combine(w, &inputs(w, c, &*c.skills, h, p, exact, rating));
    if below_threshold(w, &score) {
        broken.push(Rule::BelowThreshold);
    }
    (broken, score, Parts { rating, ..parts })
}

/// What a pair's numbers are computed from. Reading them off the candidate and the position
/// takes lookups ([`inputs`]); what is left ([`combine`]) is arithmetic without branches, which
/// the row path runs on a [`Block`] of pairs at once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PairInputs {
    /// Required skills the candidate has, directly or by alias.
    pub exact: u32,
    /// Required skills the candidate has only through their group.
    pub group_only: u32,
    pub required_len: f32,
    /// Preferred skills the candidate has.
    pub matched: u32,
    pub preferred_len: f32,
    /// Candidate's education level less the position's minimum.
    pub edu_gap: i32,
    /// Candidate's years of experience.
    pub experience: f32,
    pub min_experience: f32,
    /// Fit points from booth staff's rating (0 without one).
    pub bonus: f32,
    pub has_salary: bool,
    pub salary_max: f32,
    /// Candidate's expected salary, 0 without one.
    pub expected: f32,
    /// Appeal credits, each in 0..=1.
    pub city: f32,
    pub industry: f32,
    pub work_mode: f32,
}

/// Reads the inputs of one pair; `exact` comes from [`exact_required`] (or the index count).
#[inline(always)]
pub(crate) fn inputs<S: SkillSet + ?Sized>(
    w: &Weights,
    c: &Cand,
    skills: &S,
    h: &PosHot,
    p: &Pos,
    exact: u32,
    rating: Option<u8>,
) -> PairInputs {
    PairInputs {
        has_salary: h.has_salary(),
        salary_max: h.salary_max,
        expected: c.expected_salary.unwrap_or(0) as f32,
        city: city_credit(c, h),
        industry: f32::from(u8::from(
            (c.industry_mask == 0) | (c.industry_mask & (1 << h.industry) != 0),
        )),
        work_mode: c.mode_credit[h.mode_index()],
        ..fit_inputs(w, c, skills, h, p, exact, rating)
    }
}

/// The part of [`inputs`] the fit depends on; the appeal's inputs are left at their defaults.
#[inline(always)]
pub(crate) fn fit_inputs<S: SkillSet + ?Sized>(
    w: &Weights,
    c: &Cand,
    skills: &S,
    h: &PosHot,
    p: &Pos,
    exact: u32,
    rating: Option<u8>,
) -> PairInputs {
    let matched = if h.preferred_inline() {
        preferred_matched(skills, h)
    } else {
        p.preferred.iter().filter(|&&s| skills.has(s)).count() as u32
    };
    PairInputs {
        exact: exact & 0xFFFF,
        group_only: group_only(c, h, p, exact),
        required_len: h.required_len,
        matched,
        preferred_len: h.preferred_len,
        edu_gap: c.education - i32::from(h.min_education),
        experience: f32::from(c.experience),
        min_experience: f32::from(h.min_experience),
        bonus: rating.map_or(0.0, |r| w.rating_bonus * (f32::from(r) - 3.0) / 2.0),
        ..PairInputs::default()
    }
}

/// Preferred skills the candidate has, for a position with `preferred_inline()`.
#[inline(always)]
fn preferred_matched<S: SkillSet + ?Sized>(skills: &S, h: &PosHot) -> u32 {
    // Every slot is checked; empty ones hold 0, which no candidate has.
    h.preferred_ids
        .iter()
        .map(|&s| u32::from(skills.has_shifted(s)))
        .sum::<u32>()
}

/// A pair's scores from its inputs, and the credits behind them (`rating` left `None`).
/// Branch-free: conditions become selects, so a loop of these runs on vector lanes.
#[inline(always)]
pub(crate) fn combine(w: &Weights, x: &PairInputs) -> (PairScore, Parts) {
    // Both sides of each choice are computed and one is selected, so there is no branch.
    let ratio = (x.exact as i32 as f32 + w.group_credit * x.group_only as i32 as f32) / x.required_len;
    let required = if x.required_len == 0.0 { 1.0 } else { ratio };
    // No preferred skills: 0 / 0 is NaN, and `min` turns it into full credit.
    let preferred = (x.matched as i32 as f32 / x.preferred_len).min(1.0);
    // Gap 0 or more: 1.0; one level short: 0.5; more: 0.0.
    let short = if x.edu_gap == -1 { 0.5 } else { 0.0 };
    let education = if x.edu_gap >= 0 { 1.0 } else { short };
    // At or above the minimum the ratio is at least 1 (or x / 0, infinite or NaN): full credit.
    let experience = (x.experience / x.min_experience).min(1.0);
    let fit = (100.0
        * (w.required * required + w.preferred * preferred + w.education * education + w.experience * experience)
        + x.bonus)
        .clamp(0.0, 100.0);
    // Negotiable (no range): 0.6, neither a promise nor a refusal. No expectation: 1.0.
    // Otherwise 1.0 when the range reaches the expectation, else linear from half of it up.
    let linear = ((x.salary_max / x.expected - 0.5) / 0.5).clamp(0.0, 1.0);
    let reached = if x.expected == 0.0 { 1.0 } else { linear };
    let salary = if x.has_salary { reached } else { 0.6 };
    let appeal = (100.0 * (w.salary * salary + w.city * x.city + w.industry * x.industry + w.work_mode * x.work_mode))
        .clamp(0.0, 100.0);
    let score = w.fit_weight * fit + (1.0 - w.fit_weight) * appeal;
    let parts = Parts {
        required,
        preferred,
        education,
        experience,
        rating: None,
        salary,
        city: x.city,
        industry: x.industry,
        work_mode: x.work_mode,
    };
    (PairScore { fit, appeal, score }, parts)
}

/// Pairs per [`Block`].
const BLOCK: usize = 64;

/// One candidate's pairs, gathered a block at a time and scored together: the inputs are read
/// pair by pair, then [`combine`] runs over the whole block as one loop on vector lanes. The
/// numbers are those [`evaluate`] gives, lane for lane.
#[derive(Debug)]
pub(crate) struct Block {
    len: usize,
    slot: [u32; BLOCK],
    /// The index count of each pair (see [`exact_required`]), for [`Block::flush_fit`].
    raw_exact: [u32; BLOCK],
    exact: [u32; BLOCK],
    group_only: [u32; BLOCK],
    required_len: [f32; BLOCK],
    matched: [u32; BLOCK],
    preferred_len: [f32; BLOCK],
    edu_gap: [i32; BLOCK],
    min_experience: [f32; BLOCK],
    bonus: [f32; BLOCK],
    has_salary: [bool; BLOCK],
    salary_max: [f32; BLOCK],
    city: [f32; BLOCK],
    industry: [f32; BLOCK],
    work_mode: [f32; BLOCK],
    /// Per candidate: the same for every pair of the block.
    experience: f32,
    expected: f32,
}

impl Block {
    pub fn new() -> Box<Self> {
        Box::new(Self {
            len: 0,
            slot: [0; BLOCK],
            raw_exact: [0; BLOCK],
            exact: [0; BLOCK],
            group_only: [0; BLOCK],
            required_len: [0.0; BLOCK],
            matched: [0; BLOCK],
            preferred_len: [0.0; BLOCK],
            edu_gap: [0; BLOCK],
            min_experience: [0.0; BLOCK],
            bonus: [0.0; BLOCK],
            has_salary: [false; BLOCK],
            salary_max: [0.0; BLOCK],
            city: [0.0; BLOCK],
            industry: [0.0; BLOCK],
            work_mode: [0.0; BLOCK],
            experience: 0.0,
            expected: 0.0,
        })
    }

    /// Starts a row of candidate `c`: empty, with the candidate's own inputs.
    pub fn begin(&mut self, c: &Cand) {
        self.len = 0;
        self.experience = f32::from(c.experience);
        self.expected = c.expected_salary.unwrap_or(0) as f32;
    }

    /// Adds one pair that passed [`hard_rules`]; true when the block is now full.
    #[inline(always)]
    pub fn push(&mut self, slot: u32, x: &PairInputs) -> bool {
        let i = self.len;
        self.store_fit_inputs(i, slot, x);
        self.has_salary[i] = x.has_salary;
        self.salary_max[i] = x.salary_max;
        self.city[i] = x.city;
        self.industry[i] = x.industry;
        self.work_mode[i] = x.work_mode;
        self.len += 1;
        self.len == BLOCK
    }

    /// Adds one pair that passed [`hard_rules`] with its [`fit_inputs`] only, for
    /// [`Block::flush_fit`]; true when the block is now full.
    #[inline(always)]
    pub fn push_fit(&mut self, slot: u32, raw_exact: u32, x: &PairInputs) -> bool {
        let i = self.len;
        self.store_fit_inputs(i, slot, x);
        self.raw_exact[i] = raw_exact;
        self.len += 1;
        self.len == BLOCK
    }

    #[inline(always)]
    fn store_fit_inputs(&mut self, i: usize, slot: u32, x: &PairInputs) {
        self.slot[i] = slot;
        self.exact[i] = x.exact;
        self.group_only[i] = x.group_only;
        self.required_len[i] = x.required_len;
        self.matched[i] = x.matched;
        self.preferred_len[i] = x.preferred_len;
        self.edu_gap[i] = x.edu_gap;
        self.min_experience[i] = x.min_experience;
        self.bonus[i] = x.bonus;
    }

    /// Lane `i`'s inputs. Lanes past `len` hold inputs of earlier pairs or zeros.
    #[inline(always)]
    fn lane(&self, i: usize) -> PairInputs {
        PairInputs {
            exact: self.exact[i],
            group_only: self.group_only[i],
            required_len: self.required_len[i],
            matched: self.matched[i],
            preferred_len: self.preferred_len[i],
            edu_gap: self.edu_gap[i],
            experience: self.experience,
            min_experience: self.min_experience[i],
            bonus: self.bonus[i],
            has_salary: self.has_salary[i],
            salary_max: self.salary_max[i],
            expected: self.expected,
            city: self.city[i],
            industry: self.industry[i],
            work_mode: self.work_mode[i],
        }
    }

    /// Computes the fit of the pairs added with [`Block::push_fit`] since the last flush and
    /// calls `emit(slot, raw_exact, fit)` for each, in the order they were added.
    #[inline]
    pub fn flush_fit(&mut self, w: &Weights, mut emit: impl FnMut(u32, u32, f32)) {
        let mut fit = [0.0f32; BLOCK];
        // The appeal's inputs are left over from earlier pairs; only the fit is used.
        for (i, fit) in fit.iter_mut().enumerate() {
            *fit = combine(w, &self.lane(i)).0.fit;
        }
        for ((&slot, &raw_exact), &fit) in self.slot.iter().zip(&self.raw_exact).zip(&fit).take(self.len) {
            emit(slot, raw_exact, fit);
        }
        self.len = 0;
    }

    /// Scores the pairs added since the last flush and calls `emit(slot, score)` for each one
    /// above the threshold, in the order they were added.
    #[inline]
    pub fn flush(&mut self, w: &Weights, emit: impl FnMut(u32, PairScore)) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, as just checked.
            return unsafe { self.flush_avx2(w, emit) };
        }
        self.flush_lanes(w, emit)
    }

    /// [`Block::flush`] on eight lanes at a time where the CPU can. The same operations in the
    /// same order, so the same numbers (Rust never fuses a multiply and an add on its own); the
    /// tests that compare the full build with one-pair scoring check it, lane for lane.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn flush_avx2(&mut self, w: &Weights, emit: impl FnMut(u32, PairScore)) {
        self.flush_lanes(w, emit)
    }

    #[inline(always)]
    fn flush_lanes(&mut self, w: &Weights, mut emit: impl FnMut(u32, PairScore)) {
        let mut fit = [0.0f32; BLOCK];
        let mut appeal = [0.0f32; BLOCK];
        let mut score = [0.0f32; BLOCK];
        let mut keep = [false; BLOCK];
        // Every lane, used or not, so the loop has a fixed length; unused lanes hold inputs of
        // earlier pairs or zeros and are never emitted.
        for i in 0..BLOCK {
            let x = self.lane(i);
            let (s, _) = combine(w, &x);
            fit[i] = s.fit;
            appeal[i] = s.appeal;
            score[i] = s.score;
            keep[i] = !below_threshold(w, &s);
        }
        for i in 0..self.len {
            if keep[i] {
                emit(
                    self.slot[i],
                    PairScore {
                        fit: fit[i],
                        appeal: appeal[i],
                        score: score[i],
                    },
                );
            }
        }
        self.len = 0;
    }
}

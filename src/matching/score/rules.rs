//! How a pair is scored: the weights, the hard rules that make a pair ineligible, the inputs read
//! off a candidate and a position, and [`combine`], the arithmetic every path shares.

use super::records::{BoothVisits, Cand, NO_GROUP, Pos, PosHot, SkillSet};
use crate::model::{MatchSettings, WorkMode};

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
pub(super) fn below_threshold(w: &Weights, s: &PairScore) -> bool {
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
/// the row path runs on a [`Block`](super::block::Block) of pairs at once.
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

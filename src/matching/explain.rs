//! Why a pair scores what it scores: skills matched and missing, and a verdict with numbers for
//! every other component. Numbers come from the same kernel as the rankings.

use crate::model::{Candidate, CandidateId, Fair, Lang, Position, PositionId, SkillDictionary, WorkMode};

use super::score::{self, Rule};
use super::{Matcher, Scored};

/// One component's credit (0..=1, as used in the score) and a sentence with the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub credit: f32,
    pub en: String,
    pub zh: String,
}

impl Verdict {
    fn new(credit: f32, en: String, zh: String) -> Self {
        Self { credit, en, zh }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Everything behind one pair's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub candidate: CandidateId,
    pub position: PositionId,
    pub fit: f32,
    pub appeal: f32,
    pub score: f32,
    /// Hard rules the pair breaks, in checking order; empty when eligible.
    pub broken: Vec<Rule>,
    /// Required skills the candidate has (directly or by alias), as the position spells them.
    pub matched_required: Vec<String>,
    /// Required skills the candidate lacks but has a skill of the same group (partial credit).
    pub related_required: Vec<String>,
    pub missing_required: Vec<String>,
    pub matched_preferred: Vec<String>,
    pub missing_preferred: Vec<String>,
    pub required_skills: Verdict,
    pub preferred_skills: Verdict,
    pub education: Verdict,
    pub experience: Verdict,
    /// Booth staff's latest rating at this position's booth, when there is one.
    pub rating: Option<Verdict>,
    pub salary: Verdict,
    pub city: Verdict,
    pub industry: Verdict,
    pub work_mode: Verdict,
}

impl Explanation {
    pub fn eligible(&self) -> bool {
        self.broken.is_empty()
    }

    /// The rule reported for an ineligible pair (the first one broken).
    pub fn rule(&self) -> Option<Rule> {
        self.broken.first().copied()
    }

    pub fn as_scored(&self) -> Scored {
        Scored {
            candidate: self.candidate.clone(),
            position: self.position.clone(),
            fit: self.fit,
            appeal: self.appeal,
            score: self.score,
        }
    }

    /// One line of reasons for tables: skills first, then what is short.
    pub fn short(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(rule) = self.rule() {
            parts.push(format!("{}: {}", tr(lang, "ineligible", "不符合"), rule.label(lang)));
        }
        if !self.matched_required.is_empty() {
            parts.push(format!("+{}", skill_names(&self.matched_required, lang, "/")));
        }
        if !self.related_required.is_empty() {
            parts.push(format!("~{}", skill_names(&self.related_required, lang, "/")));
        }
        if !self.missing_required.is_empty() {
            parts.push(format!("-{}", skill_names(&self.missing_required, lang, "/")));
        }
        for v in [
            &self.education,
            &self.experience,
            &self.salary,
            &self.city,
            &self.industry,
            &self.work_mode,
        ] {
            if v.credit < 1.0 {
                parts.push(v.text(lang).to_owned());
            }
        }
        if let Some(r) = &self.rating {
            parts.push(r.text(lang).to_owned());
        }
        parts.join("; ")
    }
}

fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn pct(credit: f32) -> String {
    format!("{:.0}%", credit * 100.0)
}

#[derive(PartialEq)]
enum SkillKey {
    Known(u16),
    Unknown(String),
}

/// Skill names joined by `separator`, each in `lang` when the dictionary knows it.
pub fn skill_names(names: &[String], lang: Lang, separator: &str) -> String {
    let dict = SkillDictionary::builtin();
    let shown: Vec<&str> = names.iter().map(|n| dict.display_name(n, lang)).collect();
    shown.join(separator)
}

fn skill_key(dict: &SkillDictionary, text: &str) -> Option<SkillKey> {
    if let Some(id) = dict.resolve(text) {
        return Some(SkillKey::Known(id.0));
    }
    let n = crate::model::skills::normalize(text);
    (!n.is_empty()).then_some(SkillKey::Unknown(n))
}

/// The position's skills, deduplicated as the kernel does, keeping the first spelling.
fn distinct_skills<'a>(dict: &SkillDictionary, names: &'a [String]) -> Vec<(SkillKey, &'a str)> {
    let mut out: Vec<(SkillKey, &str)> = Vec::new();
    for name in names {
        if let Some(key) = skill_key(dict, name)
            && !out.iter().any(|(k, _)| *k == key)
        {
            out.push((key, name.trim()));
        }
    }
    out
}

fn salary_text(c: &Candidate, p: &Position, credit: f32) -> (String, String) {
    match (p.salary, c.expected_salary) {
        (None, _) => (
            format!("salary negotiable ({})", pct(credit)),
            format!("薪资面议（{}）", pct(credit)),
        ),
        (Some(r), None) | (Some(r), Some(0)) => (
            format!("offers {}–{}, no expectation given", r.min, r.max),
            format!("薪资{}–{}，候选人未填期望", r.min, r.max),
        ),
        (Some(r), Some(e)) if r.max >= e => (
            format!("offers {}–{}, expects {e}: meets", r.min, r.max),
            format!("薪资{}–{}，期望{e}：满足", r.min, r.max),
        ),
        (Some(r), Some(e)) => (
            format!("offers {}–{}, expects {e}: below ({})", r.min, r.max, pct(credit)),
            format!("薪资{}–{}，期望{e}：偏低（{}）", r.min, r.max, pct(credit)),
        ),
    }
}

fn city_text(c: &Candidate, p: &Position) -> (String, String) {
    let wanted = c.cities.join("/");
    if p.work_mode == WorkMode::Remote {
        ("remote: city does not matter".into(), "远程：不限城市".into())
    } else if c.cities.iter().all(|x| score::city_key(x).is_empty()) {
        ("no preferred city: any".into(), "无意向城市：均可".into())
    } else if score::city_key(&p.city).is_empty() {
        (
            format!("position names no city (wants {wanted})"),
            format!("岗位未写城市（意向{wanted}）"),
        )
    } else if c.cities.iter().any(|x| score::city_key(x) == score::city_key(&p.city)) {
        (
            format!("{} is a preferred city", p.city),
            format!("{}是意向城市", p.city),
        )
    } else {
        (
            format!("{} not among preferred cities ({wanted})", p.city),
            format!("{}不在意向城市（{wanted}）", p.city),
        )
    }
}

impl Matcher {
    fn fair_candidate<'f>(&self, fair: &'f Fair, id: &CandidateId) -> Option<&'f Candidate> {
        let hinted = self
            .cand_slot
            .get(id)
            .and_then(|&c| fair.candidates.get(self.cand_hint[c as usize]))
            .filter(|c| &c.id == id);
        hinted.or_else(|| fair.candidates.iter().find(|c| &c.id == id))
    }

    fn fair_position<'f>(&self, fair: &'f Fair, id: &PositionId) -> Option<&'f Position> {
        let hinted = self
            .pos_slot
            .get(id)
            .and_then(|&p| fair.positions.get(self.pos_hint[p as usize]))
            .filter(|p| &p.id == id);
        hinted.or_else(|| fair.positions.iter().find(|p| &p.id == id))
    }

    /// Reasons for one pair, eligible or not. `None` when either id is unknown to the fair or
    /// to this matcher (an edit not yet reported through `*_changed`).
    pub fn explain(&self, fair: &Fair, candidate: &CandidateId, position: &PositionId) -> Option<Explanation> {
        let c_data = self.fair_candidate(fair, candidate)?;
        let p_data = self.fair_position(fair, position)?;
        let cand = &self.cands[*self.cand_slot.get(candidate)? as usize];
        let pos = &self.poss[*self.pos_slot.get(position)? as usize];
        let exact = score::exact_required(self.dict_len, cand, pos);
        let (broken, s, parts) = score::evaluate_all(&self.weights, cand, pos, exact);
        let dict = self.dict;

        let cand_keys: Vec<SkillKey> = c_data.skills.iter().filter_map(|n| skill_key(dict, n)).collect();
        let (mut matched_required, mut related_required, mut missing_required) = (vec![], vec![], vec![]);
        for (key, name) in distinct_skills(dict, &p_data.required_skills) {
            if cand_keys.contains(&key) {
                matched_required.push(name.to_owned());
            } else if let SkillKey::Known(id) = key
                && cand.group_mask & (1 << (dict.group(crate::model::SkillId(id)) as u8)) != 0
            {
                related_required.push(name.to_owned());
            } else {
                missing_required.push(name.to_owned());
            }
        }
        let (mut matched_preferred, mut missing_preferred) = (vec![], vec![]);
        for (key, name) in distinct_skills(dict, &p_data.preferred_skills) {
            if cand_keys.contains(&key) {
                matched_preferred.push(name.to_owned());
            } else {
                missing_preferred.push(name.to_owned());
            }
        }
        let n_req = matched_required.len() + related_required.len() + missing_required.len();
        let required_skills = if n_req == 0 {
            Verdict::new(1.0, "no required skills".into(), "无必备技能要求".into())
        } else {
            Verdict::new(
                parts.required,
                format!(
                    "{}/{n_req} required skills, {} related ({})",
                    matched_required.len(),
                    related_required.len(),
                    pct(parts.required)
                ),
                format!(
                    "必备技能{}/{n_req}，相关{}项（{}）",
                    matched_required.len(),
                    related_required.len(),
                    pct(parts.required)
                ),
            )
        };
        let n_pref = matched_preferred.len() + missing_preferred.len();
        let preferred_skills = if n_pref == 0 {
            Verdict::new(1.0, "no preferred skills".into(), "无优先技能".into())
        } else {
            Verdict::new(
                parts.preferred,
                format!("{}/{n_pref} preferred skills", matched_preferred.len()),
                format!("优先技能{}/{n_pref}", matched_preferred.len()),
            )
        };
        let (has, min) = (c_data.education, p_data.min_education);
        let education = match has.level() - min.level() {
            0.. => Verdict::new(
                parts.education,
                format!("{} meets minimum {}", has.en(), min.en()),
                format!("{}，满足{}要求", has.zh(), min.zh()),
            ),
            -1 => Verdict::new(
                parts.education,
                format!("{} is one level below minimum {} (half credit)", has.en(), min.en()),
                format!("{}，低于{}要求一级（半分）", has.zh(), min.zh()),
            ),
            _ => Verdict::new(
                parts.education,
                format!("{} is more than one level below minimum {}", has.en(), min.en()),
                format!("{}，低于{}要求一级以上", has.zh(), min.zh()),
            ),
        };
        let (years, min_years) = (c_data.experience_years, p_data.min_experience_years);
        let experience = Verdict::new(
            parts.experience,
            format!("{years} years vs minimum {min_years} ({})", pct(parts.experience)),
            format!("经验{years}年，要求{min_years}年（{}）", pct(parts.experience)),
        );
        let rating = parts.rating.map(|r| {
            let bonus = self.weights.rating_bonus * (f32::from(r) - 3.0) / 2.0;
            Verdict::new(
                f32::from(r) / 5.0,
                format!("rated {r}/5 at this booth: {bonus:+.1} fit"),
                format!("展位评分{r}/5：匹配度{bonus:+.1}"),
            )
        });
        let (en, zh) = salary_text(c_data, p_data, parts.salary);
        let salary = Verdict::new(parts.salary, en, zh);
        let (en, zh) = city_text(c_data, p_data);
        let city = Verdict::new(parts.city, en, zh);
        let industry = if c_data.industries.is_empty() {
            Verdict::new(
                parts.industry,
                "no preferred industry: any".into(),
                "无意向行业：均可".into(),
            )
        } else if parts.industry > 0.0 {
            Verdict::new(
                parts.industry,
                format!("{} is a preferred industry", p_data.industry.en()),
                format!("{}是意向行业", p_data.industry.zh()),
            )
        } else {
            let en: Vec<&str> = c_data.industries.iter().map(|i| i.en()).collect();
            let zh: Vec<&str> = c_data.industries.iter().map(|i| i.zh()).collect();
            Verdict::new(
                parts.industry,
                format!("{} not preferred (prefers {})", p_data.industry.en(), en.join("/")),
                format!("{}非意向行业（意向{}）", p_data.industry.zh(), zh.join("/")),
            )
        };
        let mode = p_data.work_mode;
        let work_mode = match c_data.work_modes.iter().position(|m| *m == mode) {
            _ if c_data.work_modes.is_empty() => Verdict::new(
                parts.work_mode,
                format!("{}: any mode accepted", mode.en()),
                format!("{}：方式不限", mode.zh()),
            ),
            Some(i) => Verdict::new(
                parts.work_mode,
                format!(
                    "{} accepted (choice {} of {})",
                    mode.en(),
                    i + 1,
                    c_data.work_modes.len()
                ),
                format!("接受{}（第{}选择）", mode.zh(), i + 1),
            ),
            None => {
                let en: Vec<&str> = c_data.work_modes.iter().map(|m| m.en()).collect();
                let zh: Vec<&str> = c_data.work_modes.iter().map(|m| m.zh()).collect();
                Verdict::new(
                    0.0,
                    format!("{} not accepted (accepts {})", mode.en(), en.join("/")),
                    format!("不接受{}（接受{}）", mode.zh(), zh.join("/")),
                )
            }
        };
        Some(Explanation {
            candidate: candidate.clone(),
            position: position.clone(),
            fit: s.fit,
            appeal: s.appeal,
            score: s.score,
            broken,
            matched_required,
            related_required,
            missing_required,
            matched_preferred,
            missing_preferred,
            required_skills,
            preferred_skills,
            education,
            experience,
            rating,
            salary,
            city,
            industry,
            work_mode,
        })
    }
}

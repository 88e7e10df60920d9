//! Whole-fair validation: reports every problem, not just the first.

use std::collections::{HashMap, HashSet};

use super::{FORMAT_VERSION, Fair};

/// One thing wrong with a fair, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What record it is in, e.g. `position P0012`.
    pub location: String,
    /// The field name as in the fair file.
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, field `{}`: {}", self.location, self.field, self.message)
    }
}

/// Checks references, uniqueness and ranges. Unknown skill spellings are not problems:
/// they are kept as typed and simply match nothing in the dictionary.
pub fn validate(fair: &Fair) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |location: String, field: &'static str, message: String| {
        problems.push(Problem {
            location,
            field,
            message,
        })
    };

    if fair.format_version > FORMAT_VERSION {
        push(
            "fair".into(),
            "format_version",
            format!(
                "{} is newer than this build supports ({FORMAT_VERSION})",
                fair.format_version
            ),
        );
    }
    if fair.meta.id.0.trim().is_empty() {
        push(
            "fair".into(),
            "meta.id",
            "is empty; every fair needs a unique id".into(),
        );
    }

    let mut booth_ids = HashSet::new();
    for booth in &fair.booths {
        let at = format!("booth {}", booth.id);
        if booth.id.0.trim().is_empty() {
            push(at.clone(), "id", "is empty".into());
        } else if !booth_ids.insert(&booth.id) {
            push(at.clone(), "id", "is used by another booth".into());
        }
        if booth.employer.trim().is_empty() {
            push(at, "employer", "is empty".into());
        }
    }

    let mut position_ids = HashSet::new();
    for position in &fair.positions {
        let at = format!("position {}", position.id);
        if position.id.0.trim().is_empty() {
            push(at.clone(), "id", "is empty".into());
        } else if !position_ids.insert(&position.id) {
            push(at.clone(), "id", "is used by another position".into());
        }
        if !booth_ids.contains(&position.booth) {
            push(
                at.clone(),
                "booth",
                format!("points at booth {} which does not exist", position.booth),
            );
        }
        if position.title.trim().is_empty() {
            push(at.clone(), "title", "is empty".into());
        }
        if position.openings == 0 {
            push(
                at.clone(),
                "openings",
                "is 0; a position needs at least one opening".into(),
            );
        }
        if let Some(salary) = position.salary
            && salary.min > salary.max
        {
            push(
                at.clone(),
                "salary",
                format!("minimum {} is above maximum {}", salary.min, salary.max),
            );
        }
    }

    let mut candidate_ids = HashSet::new();
    let mut badges: HashMap<&str, &str> = HashMap::new();
    for candidate in &fair.candidates {
        let at = format!("candidate {}", candidate.id);
        if candidate.id.0.trim().is_empty() {
            push(at.clone(), "id", "is empty".into());
        } else if !candidate_ids.insert(&candidate.id) {
            push(at.clone(), "id", "is used by another candidate".into());
        }
        if candidate.name.trim().is_empty() {
            push(at.clone(), "name", "is empty".into());
        }
        if !candidate.badge.is_empty()
            && let Some(other) = badges.insert(&candidate.badge, &candidate.id.0)
        {
            push(
                at.clone(),
                "badge",
                format!("{} is also the badge of candidate {other}", candidate.badge),
            );
        }
    }

    // An erased person's visits stay, as anonymous records.
    for tombstone in &fair.erased {
        let at = format!("erased candidate {}", tombstone.candidate);
        if !candidate_ids.insert(&tombstone.candidate) {
            push(at, "erased", "is also still a candidate, or erased twice".into());
        }
    }

    let mut visit_ids = HashSet::new();
    for visit in &fair.visits {
        let at = format!("visit {}", visit.id);
        if !visit_ids.insert(&visit.id) {
            push(at.clone(), "id", "is used by another visit".into());
        }
        if !candidate_ids.contains(&visit.candidate) {
            push(
                at.clone(),
                "candidate",
                format!("points at candidate {} which does not exist", visit.candidate),
            );
        }
        if !booth_ids.contains(&visit.booth) {
            push(
                at.clone(),
                "booth",
                format!("points at booth {} which does not exist", visit.booth),
            );
        }
        if let Some(position) = &visit.position
            && !position_ids.contains(position)
        {
            push(
                at.clone(),
                "position",
                format!("points at position {position} which does not exist"),
            );
        }
        if let Some(rating) = visit.rating
            && !(1..=5).contains(&rating)
        {
            push(at, "rating", format!("is {rating}; expected 1 to 5"));
        }
    }
    check_settings(&fair.settings, &mut push);
    problems
}

/// Weights and thresholds must be finite and not negative: a NaN weight makes every score NaN
/// and a negative one turns a requirement into a penalty.
fn check_settings(settings: &super::MatchSettings, push: &mut impl FnMut(String, &'static str, String)) {
    let values: [(&'static str, f32); 12] = [
        ("fit_weight", settings.fit_weight),
        ("required_skills_weight", settings.required_skills_weight),
        ("preferred_skills_weight", settings.preferred_skills_weight),
        ("education_weight", settings.education_weight),
        ("experience_weight", settings.experience_weight),
        ("rating_bonus", settings.rating_bonus),
        ("salary_weight", settings.salary_weight),
        ("city_weight", settings.city_weight),
        ("industry_weight", settings.industry_weight),
        ("work_mode_weight", settings.work_mode_weight),
        ("group_match_credit", settings.group_match_credit),
        ("min_score", settings.min_score),
    ];
    for (field, value) in values {
        if !value.is_finite() {
            push(
                "settings".into(),
                field,
                format!("is {value}; expected a finite number"),
            );
        } else if value < 0.0 {
            push("settings".into(), field, format!("is {value}; expected 0 or more"));
        }
    }
    for (field, value) in [
        ("fit_weight", settings.fit_weight),
        ("group_match_credit", settings.group_match_credit),
    ] {
        if value.is_finite() && value > 1.0 {
            push("settings".into(), field, format!("is {value}; expected 0 to 1"));
        }
    }
}

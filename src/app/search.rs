//! Search keys computed once per row, so filtering 100,000 candidates is a plain scan.
//!
//! A key holds the row's searchable text folded to lowercase, plus, for Chinese text, its
//! pinyin spelled out (`zhangwei`) and as initials (`zw`), so a recruiter can type either.

use crate::model::{Booth, Candidate, Position};
use crate::text::{normalize, pinyin_keys};

/// Lowercased searchable text of one row, pinyin forms included.
#[derive(Debug, Clone, Default)]
pub struct SearchKey(String);

impl SearchKey {
    fn from_parts<'a>(names: impl IntoIterator<Item = &'a str>, others: impl IntoIterator<Item = &'a str>) -> Self {
        let mut key = String::new();
        for name in names {
            push_part(&mut key, name);
            push_pinyin(&mut key, name);
        }
        for other in others {
            push_part(&mut key, other);
        }
        Self(key)
    }

    pub fn booth(booth: &Booth) -> Self {
        let industry = [booth.industry.en(), booth.industry.zh()];
        Self::from_parts(
            [booth.employer.as_str()],
            [booth.id.as_str(), booth.zone.as_str()].into_iter().chain(industry),
        )
    }

    pub fn position(position: &Position, employer: &str) -> Self {
        let skills = position
            .required_skills
            .iter()
            .chain(&position.preferred_skills)
            .map(String::as_str);
        Self::from_parts(
            [position.title.as_str(), employer],
            [position.id.as_str(), position.booth.as_str(), position.city.as_str()]
                .into_iter()
                .chain(skills),
        )
    }

    pub fn candidate(candidate: &Candidate) -> Self {
        let skills = candidate.skills.iter().map(String::as_str);
        Self::from_parts(
            [candidate.name.as_str()],
            [
                candidate.id.as_str(),
                candidate.badge.as_str(),
                candidate.phone.as_str(),
                candidate.email.as_str(),
                candidate.school.as_str(),
                candidate.major.as_str(),
            ]
            .into_iter()
            .chain(skills),
        )
    }

    /// Whether every term of the query occurs in the key (terms already folded by [`Query`]).
    pub fn matches(&self, query: &Query) -> bool {
        query.terms.iter().all(|term| self.0.contains(term.as_str()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn push_part(key: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    key.push_str(&normalize(text));
    key.push('\u{1}');
}

/// Appends `zhangwei` and `zw` for 张伟 (the same keys the desks look names up by).
fn push_pinyin(key: &mut String, text: &str) {
    let Some((full, initials)) = pinyin_keys(text) else {
        return;
    };
    key.push_str(&full);
    key.push('\u{1}');
    key.push_str(&initials);
    key.push('\u{1}');
}

/// A candidate field the search looks in, to say why a row matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchField {
    Name,
    Id,
    Badge,
    Phone,
    Email,
    School,
    Major,
    Skill,
}

impl SearchField {
    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        use crate::model::Lang::{En, Zh};
        match (self, lang) {
            (Self::Name, En) => "name",
            (Self::Name, Zh) => "姓名",
            (Self::Id, En) => "id",
            (Self::Id, Zh) => "编号",
            (Self::Badge, En) => "badge",
            (Self::Badge, Zh) => "胸卡",
            (Self::Phone, En) => "phone",
            (Self::Phone, Zh) => "手机",
            (Self::Email, En) => "email",
            (Self::Email, Zh) => "邮箱",
            (Self::School, En) => "school",
            (Self::School, Zh) => "学校",
            (Self::Major, En) => "major",
            (Self::Major, Zh) => "专业",
            (Self::Skill, En) => "skill",
            (Self::Skill, Zh) => "技能",
        }
    }
}

/// Where each term of `query` occurs in `candidate`: the first field (in [`SearchField`] order)
/// holding it, with that field's text; one entry per field. Empty when a term matches nowhere.
/// Computed for the rows on screen only, so the stored keys need not remember their fields.
pub fn candidate_hits(candidate: &Candidate, query: &Query) -> Vec<(SearchField, String)> {
    let mut name_key = String::new();
    push_part(&mut name_key, &candidate.name);
    push_pinyin(&mut name_key, &candidate.name);
    let mut fields = vec![
        (SearchField::Name, name_key, candidate.name.as_str()),
        (SearchField::Id, normalize(candidate.id.as_str()), candidate.id.as_str()),
        (
            SearchField::Badge,
            normalize(&candidate.badge),
            candidate.badge.as_str(),
        ),
        (
            SearchField::Phone,
            normalize(&candidate.phone),
            candidate.phone.as_str(),
        ),
        (
            SearchField::Email,
            normalize(&candidate.email),
            candidate.email.as_str(),
        ),
        (
            SearchField::School,
            normalize(&candidate.school),
            candidate.school.as_str(),
        ),
        (
            SearchField::Major,
            normalize(&candidate.major),
            candidate.major.as_str(),
        ),
    ];
    fields.extend(
        candidate
            .skills
            .iter()
            .map(|s| (SearchField::Skill, normalize(s), s.as_str())),
    );
    let mut hits: Vec<(SearchField, String)> = Vec::new();
    for term in &query.terms {
        let Some((field, _, text)) = fields.iter().find(|(_, key, _)| key.contains(term.as_str())) else {
            return Vec::new();
        };
        if !hits.iter().any(|(f, t)| f == field && t == text) {
            hits.push((*field, (*text).to_owned()));
        }
    }
    hits
}

/// A search box's text split into folded terms; all must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Self {
        let terms = text
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .map(normalize)
            .filter(|t| !t.is_empty())
            .collect();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CandidateId, Education, TalentTier};

    fn candidate(name: &str, skills: &[&str]) -> Candidate {
        Candidate {
            id: CandidateId::new("C1"),
            name: name.into(),
            phone: "13800001234".into(),
            email: String::new(),
            education: Education::Bachelor,
            school: "青岛大学".into(),
            major: String::new(),
            graduation_year: None,
            experience_years: 0,
            skills: skills.iter().map(|s| s.to_string()).collect(),
            expected_salary: None,
            cities: vec![],
            industries: vec![],
            work_modes: vec![],
            tier: TalentTier::Student,
            hometown: String::new(),
            consent: false,
            badge: "B-0001".into(),
            checked_in: None,
        }
    }

    #[test]
    fn chinese_name_is_found_by_full_pinyin_and_initials() {
        let key = SearchKey::candidate(&candidate("张伟", &[]));
        for text in ["zw", "zhangwei", "ZhangWei", "张伟", "张", "wei"] {
            assert!(key.matches(&Query::parse(text)), "{text} should find 张伟");
        }
        assert!(!key.matches(&Query::parse("lw")));
    }

    #[test]
    fn mixed_name_initials_agree_with_the_desk() {
        let key = SearchKey::candidate(&candidate("李Lei", &[]));
        for text in ["ll", "lilei", "李lei", "ｌｌ"] {
            assert!(key.matches(&Query::parse(text)), "{text} should find 李Lei");
        }
    }

    #[test]
    fn hits_say_which_field_each_term_matched() {
        let mut c = candidate("王芳", &["Python"]);
        c.badge = "ZW-0012".into();
        let hits = candidate_hits(&c, &Query::parse("zw"));
        assert_eq!(hits, vec![(SearchField::Badge, "ZW-0012".to_owned())]);
        let hits = candidate_hits(&c, &Query::parse("wf python"));
        assert_eq!(
            hits,
            vec![
                (SearchField::Name, "王芳".to_owned()),
                (SearchField::Skill, "Python".to_owned())
            ]
        );
        assert!(candidate_hits(&c, &Query::parse("rust")).is_empty());
    }

    #[test]
    fn every_term_must_match_and_case_and_width_are_folded() {
        let key = SearchKey::candidate(&candidate("Li Na", &["Machine learning", "Python"]));
        assert!(key.matches(&Query::parse("python MACHINE")));
        assert!(key.matches(&Query::parse("ｐｙｔｈｏｎ")));
        assert!(!key.matches(&Query::parse("python rust")));
        assert!(key.matches(&Query::parse("1234")), "phone digits are searchable");
        assert!(key.matches(&Query::parse("青岛")), "school is searchable");
    }
}

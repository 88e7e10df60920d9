//! Mapping organizers' own words to labels: `返乡大学生` in a tier column, `硕士研究生` in an
//! education column, `居家办公` in a work-mode column.
//!
//! A cell is read, in this order, as
//! 1. a label or one of its known spellings (`Education::parse`);
//! 2. a mapping: the fair's saved ones, then the command line's `--map` (which win);
//! 3. a built-in synonym ([`SYNONYMS`]);
//! 4. the one label the value contains: `硕士研究生` contains `硕士` and `研究生`, both
//!    Master. A spelling inside a longer one that also matched does not count (`海外高层次人才`
//!    contains `高层次人才` too), and English spellings must be whole words (`MA` does not
//!    match inside `manager`). Two different labels is no match.
//!
//! Anything else is an unknown value: a line-numbered bad row, and one [`UnknownValue`] per
//! column and value with its count, for the window's mapping dialog.

use std::collections::HashMap;

use crate::model::{LabelMapping, Vocabulary};
use crate::text::{fold, normalize};

use super::columns::{BOOTH_COLUMNS, CANDIDATE_COLUMNS, POSITION_COLUMNS, header_key};

/// Words organizers use that no label spells and no containment rule finds.
pub const SYNONYMS: &[(Vocabulary, &str, &str)] = &[
    (Vocabulary::TalentTier, "返乡大学生", "Returnee"),
    (Vocabulary::TalentTier, "回乡大学生", "Returnee"),
    (Vocabulary::TalentTier, "返乡青年", "Returnee"),
    (Vocabulary::TalentTier, "返乡人才", "Returnee"),
    (Vocabulary::TalentTier, "归雁人才", "Returnee"),
    (Vocabulary::TalentTier, "高校毕业生", "Student"),
    (Vocabulary::TalentTier, "大学生", "Student"),
    (Vocabulary::TalentTier, "毕业生", "Student"),
    (Vocabulary::TalentTier, "应届", "Student"),
    (Vocabulary::TalentTier, "往届生", "Experienced"),
    (Vocabulary::TalentTier, "往届毕业生", "Experienced"),
    (Vocabulary::TalentTier, "退役军人", "Experienced"),
    (Vocabulary::TalentTier, "留学回国人员", "Overseas high-level"),
    (Vocabulary::TalentTier, "留学生", "Overseas high-level"),
    (Vocabulary::TalentTier, "博士后", "High-level"),
    (Vocabulary::TalentTier, "领军人才", "High-level"),
    (Vocabulary::Education, "中职", "High school"),
    (Vocabulary::Education, "职高", "High school"),
    (Vocabulary::Education, "技校", "High school"),
    (Vocabulary::Education, "中技", "High school"),
    (Vocabulary::Education, "高职", "Associate"),
    (Vocabulary::Education, "研究生及以上", "Master"),
    (Vocabulary::Education, "博士后", "Doctorate"),
    (Vocabulary::WorkMode, "线上线下", "Hybrid"),
    (Vocabulary::WorkMode, "居家", "Remote"),
    (Vocabulary::WorkMode, "居家办公", "Remote"),
    (Vocabulary::WorkMode, "在家办公", "Remote"),
    (Vocabulary::EmployerKind, "民企", "Enterprise"),
    (Vocabulary::EmployerKind, "央企", "Enterprise"),
    (Vocabulary::EmployerKind, "外企", "Enterprise"),
];

/// How a value was mapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MappedBy {
    /// A mapping saved in the fair or given with `--map`.
    Mapping,
    /// A built-in synonym.
    Synonym,
    /// The one label the value contains.
    Contains,
}

impl MappedBy {
    fn describe(self) -> &'static str {
        match self {
            MappedBy::Mapping => "mapping",
            MappedBy::Synonym => "built-in synonym",
            MappedBy::Contains => "the one label it contains",
        }
    }
}

/// A value read as a label other than by its own spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedValue {
    pub column: String,
    pub value: String,
    /// English label.
    pub label: &'static str,
    pub by: MappedBy,
    pub rows: usize,
}

impl std::fmt::Display for MappedValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "column {}: `{}` read as {} ({}, {} row(s))",
            self.column,
            self.value,
            self.label,
            self.by.describe(),
            self.rows
        )
    }
}

/// A value no rule maps: every row holding it is bad until it is mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub column: String,
    pub vocabulary: Vocabulary,
    pub value: String,
    pub rows: usize,
    /// The first few lines holding it.
    pub lines: Vec<u64>,
}

/// Lines kept per unknown value.
const LINES_KEPT: usize = 10;

/// Reads cells of closed vocabularies, remembering what it mapped and what it could not.
/// A label and how it was found.
type Mapped = (&'static str, Option<MappedBy>);

#[derive(Debug, Default)]
pub(super) struct LabelMapper {
    /// `(vocabulary, folded value)` → English label, from the fair and `--map`.
    mappings: HashMap<(Vocabulary, String), &'static str>,
    /// `(vocabulary, cell as written)` → result, so each distinct cell is worked out once.
    cache: HashMap<(Vocabulary, String), Option<Mapped>>,
    mapped: Vec<MappedValue>,
    mapped_at: HashMap<(String, String), usize>,
    unknown: Vec<UnknownValue>,
    unknown_at: HashMap<(String, String), usize>,
}

impl LabelMapper {
    /// `mappings` in order of precedence, lowest first (the fair's, then `--map`).
    pub(super) fn new<'a>(mappings: impl IntoIterator<Item = &'a LabelMapping>) -> Self {
        let mut mapper = LabelMapper::default();
        for mapping in mappings {
            if let Some(label) = mapping.vocabulary.parse(&mapping.label) {
                mapper
                    .mappings
                    .insert((mapping.vocabulary, fold(&mapping.value)), label);
            }
        }
        mapper
    }

    /// The English label `cell` means in `vocabulary`, or `None` (recorded as unknown for
    /// `column` at `line`). `cell` is not empty.
    pub(super) fn label(
        &mut self,
        vocabulary: Vocabulary,
        column: &str,
        cell: &str,
        line: u64,
    ) -> Option<&'static str> {
        let key = (vocabulary, cell.to_owned());
        let result = match self.cache.get(&key) {
            Some(result) => *result,
            None => {
                let result = self.work_out(vocabulary, cell);
                self.cache.insert(key, result);
                result
            }
        };
        match result {
            Some((label, None)) => Some(label),
            Some((label, Some(by))) => {
                let slot = (column.to_owned(), cell.to_owned());
                match self.mapped_at.get(&slot) {
                    Some(&i) => self.mapped[i].rows += 1,
                    None => {
                        self.mapped_at.insert(slot, self.mapped.len());
                        self.mapped.push(MappedValue {
                            column: column.to_owned(),
                            value: cell.to_owned(),
                            label,
                            by,
                            rows: 1,
                        });
                    }
                }
                Some(label)
            }
            None => {
                let slot = (column.to_owned(), cell.to_owned());
                match self.unknown_at.get(&slot) {
                    Some(&i) => {
                        let unknown = &mut self.unknown[i];
                        unknown.rows += 1;
                        if unknown.lines.len() < LINES_KEPT {
                            unknown.lines.push(line);
                        }
                    }
                    None => {
                        self.unknown_at.insert(slot, self.unknown.len());
                        self.unknown.push(UnknownValue {
                            column: column.to_owned(),
                            vocabulary,
                            value: cell.to_owned(),
                            rows: 1,
                            lines: vec![line],
                        });
                    }
                }
                None
            }
        }
    }

    fn work_out(&self, vocabulary: Vocabulary, cell: &str) -> Option<(&'static str, Option<MappedBy>)> {
        if let Some(label) = vocabulary.parse(cell) {
            return Some((label, None));
        }
        let key = fold(cell);
        if let Some(&label) = self.mappings.get(&(vocabulary, key.clone())) {
            return Some((label, Some(MappedBy::Mapping)));
        }
        if let Some(label) = SYNONYMS
            .iter()
            .find(|(v, word, _)| *v == vocabulary && fold(word) == key)
            .and_then(|(_, _, label)| vocabulary.parse(label))
        {
            return Some((label, Some(MappedBy::Synonym)));
        }
        contained_label(vocabulary, cell).map(|label| (label, Some(MappedBy::Contains)))
    }

    /// Values read through a mapping, synonym or containment, in the order first met.
    pub(super) fn take_mapped(&mut self) -> Vec<MappedValue> {
        std::mem::take(&mut self.mapped)
    }

    /// Values nothing maps, in the order first met.
    pub(super) fn take_unknown(&mut self) -> Vec<UnknownValue> {
        std::mem::take(&mut self.unknown)
    }
}

/// The one label whose spellings occur in `cell` (see the module documentation).
pub fn contained_label(vocabulary: Vocabulary, cell: &str) -> Option<&'static str> {
    let folded = fold(cell);
    // Words of the cell for English spellings: lowercase, separators as spaces.
    let words = format!(
        " {} ",
        normalize(cell)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
    );
    let mut found: Vec<(String, &'static str)> = Vec::new();
    for (label, spellings) in vocabulary.labels() {
        for spelling in spellings {
            let key = fold(spelling);
            if key.is_empty() {
                continue;
            }
            let hit = if spelling.is_ascii() {
                let spelled = normalize(spelling)
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect::<String>();
                let spelled = spelled.split_whitespace().collect::<Vec<_>>().join(" ");
                !spelled.is_empty() && words.contains(&format!(" {spelled} "))
            } else {
                folded.contains(&key)
            };
            if hit {
                found.push((key, label));
            }
        }
    }
    let longest: Vec<&'static str> = found
        .iter()
        .filter(|(key, _)| {
            !found
                .iter()
                .any(|(other, _)| other.len() > key.len() && other.contains(key.as_str()))
        })
        .map(|(_, label)| *label)
        .collect();
    let first = *longest.first()?;
    longest.iter().all(|&label| label == first).then_some(first)
}

/// The vocabulary a column's cells are read in, by its English name or any header alias
/// (`tier`, `人才类别`, `min_education`, `学历`, ...).
pub fn vocabulary_of_column(column: &str) -> Option<(&'static str, Vocabulary)> {
    let key = header_key(column);
    let name = [BOOTH_COLUMNS, POSITION_COLUMNS, CANDIDATE_COLUMNS]
        .iter()
        .flat_map(|columns| columns.iter())
        .filter(|c| vocabulary_of(c.name).is_some())
        .find(|c| fold(c.name) == key || c.aliases.iter().any(|a| fold(a) == key))?
        .name;
    Some((name, vocabulary_of(name)?))
}

fn vocabulary_of(name: &str) -> Option<Vocabulary> {
    match name {
        "education" | "min_education" => Some(Vocabulary::Education),
        "work_mode" | "work_modes" => Some(Vocabulary::WorkMode),
        "tier" => Some(Vocabulary::TalentTier),
        "industry" | "industries" => Some(Vocabulary::Industry),
        "kind" => Some(Vocabulary::EmployerKind),
        _ => None,
    }
}

/// Parses `--map COLUMN:VALUE=LABEL`, e.g. `tier:返乡大学生=Returnee` or `学历:硕士研究生=硕士`.
pub fn parse_map_arg(arg: &str) -> Result<LabelMapping, String> {
    let usage = "expected COLUMN:VALUE=LABEL, e.g. tier:返乡大学生=Returnee";
    let (column, rest) = arg.split_once([':', '：']).ok_or_else(|| format!("`{arg}`: {usage}"))?;
    let (value, label) = rest
        .rsplit_once(['=', '＝'])
        .ok_or_else(|| format!("`{arg}`: {usage}"))?;
    let (value, label) = (value.trim(), label.trim());
    if value.is_empty() || label.is_empty() {
        return Err(format!("`{arg}`: {usage}"));
    }
    let (_, vocabulary) = vocabulary_of_column(column).ok_or_else(|| {
        format!(
            "`{arg}`: column `{}` has no fixed labels to map to; columns with labels: tier, education, \
             min_education, work_modes, work_mode, industries, industry, kind (or their Chinese headers)",
            column.trim()
        )
    })?;
    let english = vocabulary.parse(label).ok_or_else(|| {
        format!(
            "`{arg}`: `{label}` is not a label here; expected one of {}",
            vocabulary.expected()
        )
    })?;
    Ok(LabelMapping {
        vocabulary,
        value: value.to_owned(),
        label: english.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_issue_are_mapped() {
        let tier = Vocabulary::TalentTier;
        let mut mapper = LabelMapper::new(&[]);
        assert_eq!(mapper.label(tier, "tier", "返乡大学生", 2), Some("Returnee"));
        assert_eq!(mapper.label(tier, "tier", "应届毕业生", 3), Some("Student"));
        assert_eq!(mapper.label(tier, "tier", "海归", 4), Some("Overseas high-level"));
        assert_eq!(
            mapper.label(Vocabulary::Education, "education", "研究生", 5),
            Some("Master")
        );
        assert_eq!(
            mapper.label(Vocabulary::Education, "education", "硕士研究生", 6),
            Some("Master")
        );
        assert_eq!(
            mapper.label(Vocabulary::WorkMode, "work_modes", "线上", 7),
            Some("Remote")
        );
        assert_eq!(mapper.label(tier, "tier", "外星人", 8), None);
        assert_eq!(mapper.label(tier, "tier", "外星人", 9), None);
        let unknown = mapper.take_unknown();
        assert_eq!(unknown.len(), 1);
        assert_eq!((unknown[0].rows, unknown[0].lines.clone()), (2, vec![8, 9]));
        let mapped = mapper.take_mapped();
        assert!(
            mapped
                .iter()
                .any(|m| m.value == "返乡大学生" && m.by == MappedBy::Synonym)
        );
        assert!(
            mapped
                .iter()
                .any(|m| m.value == "硕士研究生" && m.by == MappedBy::Contains)
        );
    }

    #[test]
    fn containment_needs_exactly_one_label_and_whole_english_words() {
        assert_eq!(
            contained_label(Vocabulary::TalentTier, "海外高层次人才引进"),
            Some("Overseas high-level")
        );
        assert_eq!(contained_label(Vocabulary::Education, "全日制本科"), Some("Bachelor"));
        assert_eq!(contained_label(Vocabulary::Education, "本科或硕士"), None);
        assert_eq!(
            contained_label(Vocabulary::Education, "Master of Engineering"),
            Some("Master")
        );
        assert_eq!(contained_label(Vocabulary::Education, "manager"), None);
        assert_eq!(
            contained_label(Vocabulary::Industry, "AI startup"),
            Some("Artificial intelligence")
        );
    }

    #[test]
    fn map_arguments_and_saved_mappings() {
        let mapping = parse_map_arg("人才类别:返乡创业=返乡").unwrap();
        assert_eq!(mapping.vocabulary, Vocabulary::TalentTier);
        assert_eq!(mapping.label, "Returnee");
        assert!(parse_map_arg("name:x=y").unwrap_err().contains("no fixed labels"));
        assert!(
            parse_map_arg("tier:x=Astronaut")
                .unwrap_err()
                .contains("expected one of")
        );
        assert!(parse_map_arg("tier=x").is_err());
        let mut mapper = LabelMapper::new(&[mapping]);
        assert_eq!(
            mapper.label(Vocabulary::TalentTier, "tier", "返乡 创业", 2),
            Some("Returnee")
        );
    }
}

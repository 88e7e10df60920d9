//! Turns a table's rows into booths, positions and candidates, checking ids, references and
//! duplicate contacts against the fair and against earlier rows.

use std::collections::HashMap;
use std::fmt;

use crate::model::{
    Booth, BoothId, Candidate, CandidateId, Education, EmployerKind, Fair, Industry, Position, PositionId, TalentTier,
    Vocabulary, WorkMode,
};
use crate::text::{email_key, fold, phone_key, split_list};

use super::ImportReport;
use super::cells::{
    hash_str, parse_experience_minimum, parse_interview_hours, parse_min_max, parse_openings, parse_salary_range,
    parse_year, parse_years_of_experience, parse_yes_no, unique_generated, unknown,
};
use super::columns::{Row, Table};
use super::labels::LabelMapper;

mod projects;

/// Where an id or contact was first seen, for duplicate messages.
#[derive(Clone)]
pub(super) enum Seen {
    InFair,
    Line(u64),
}

impl fmt::Display for Seen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seen::InFair => f.write_str("already in the fair"),
            Seen::Line(line) => write!(f, "line {line}"),
        }
    }
}

pub(super) struct Importer<'a> {
    fair: &'a mut Fair,
    report: &'a mut ImportReport,
    booth_ids: HashMap<String, Seen>,
    /// Folded employer name → booth id, to attach positions that give only an employer.
    booth_by_employer: HashMap<String, BoothId>,
    position_ids: HashMap<String, Seen>,
    candidate_ids: HashMap<String, Seen>,
    phones: HashMap<String, (String, Seen)>,
    emails: HashMap<String, (String, Seen)>,
    mapper: LabelMapper,
}

impl<'a> Importer<'a> {
    /// Moves `row`'s problems into the report; true when it had any, and so is left out.
    fn rejected(&mut self, row: &mut Row) -> bool {
        let rejected = !row.problems.is_empty();
        self.report.bad_rows.append(&mut row.problems);
        rejected
    }

    pub(super) fn new(fair: &'a mut Fair, report: &'a mut ImportReport, mapper: LabelMapper) -> Self {
        let booth_ids = fair.booths.iter().map(|b| (b.id.0.clone(), Seen::InFair)).collect();
        let booth_by_employer = fair.booths.iter().map(|b| (fold(&b.employer), b.id.clone())).collect();
        let position_ids = fair.positions.iter().map(|p| (p.id.0.clone(), Seen::InFair)).collect();
        let candidate_ids = fair.candidates.iter().map(|c| (c.id.0.clone(), Seen::InFair)).collect();
        let mut phones = HashMap::new();
        let mut emails = HashMap::new();
        for c in &fair.candidates {
            if let Some(phone) = phone_key(&c.phone) {
                phones.insert(phone, (c.id.0.clone(), Seen::InFair));
            }
            let email = email_key(&c.email);
            if !email.is_empty() {
                emails.insert(email, (c.id.0.clone(), Seen::InFair));
            }
        }
        Importer {
            fair,
            report,
            booth_ids,
            booth_by_employer,
            position_ids,
            candidate_ids,
            phones,
            emails,
            mapper,
        }
    }

    /// The mapper, with what it mapped and could not map.
    pub(super) fn into_mapper(self) -> LabelMapper {
        self.mapper
    }

    /// The row's id, or a generated one; `None` (with a problem recorded) for a duplicate.
    fn row_id(row: &mut Row, prefix: &str, seen: &HashMap<String, Seen>) -> Option<String> {
        let given = row.text("id");
        if !given.is_empty() {
            if let Some(first) = seen.get(given) {
                row.problem(Some("id"), format!("`{given}` is used twice (first: {first})"));
                return None;
            }
            return Some(given.to_owned());
        }
        Some(unique_generated(prefix, row.content_hash(), seen))
    }

    pub(super) fn booths(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let (line_number, mapper) = (*line, &mut self.mapper);
            let id = Self::row_id(&mut row, "B", &self.booth_ids);
            let employer = row.required("employer");
            let kind = row.parse("kind", |cell| {
                if cell.is_empty() {
                    return Ok(EmployerKind::Enterprise);
                }
                read_label(
                    mapper,
                    Vocabulary::EmployerKind,
                    "kind",
                    line_number,
                    cell,
                    EmployerKind::parse,
                )
            });
            let industry = row.parse("industry", |cell| read_industry(mapper, line_number, cell));
            let zone = row.text("zone").to_owned();
            let interviews = parse_interview_hours(
                row.text("interviewers"),
                row.text("interview_start"),
                row.text("interview_end"),
            )
            .unwrap_or_else(|(column, reason)| {
                row.problem(Some(column), reason);
                None
            });
            if self.rejected(&mut row) {
                continue;
            }
            let (Some(id), Some(employer), Some(employer_kind), Some(industry)) = (id, employer, kind, industry) else {
                continue;
            };
            self.booth_ids.insert(id.clone(), Seen::Line(*line));
            self.booth_by_employer
                .entry(fold(&employer))
                .or_insert_with(|| BoothId::new(id.clone()));
            self.fair.booths.push(Booth {
                id: BoothId::new(id),
                employer,
                employer_kind,
                industry,
                zone,
                floor: None,
                staff: Vec::new(),
                interviews,
            });
            self.report.booths_added += 1;
        }
    }

    pub(super) fn positions(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let (line_number, mapper) = (*line, &mut self.mapper);
            let id = Self::row_id(&mut row, "P", &self.position_ids);
            let title = row.required("title");
            let openings = row.parse("openings", parse_openings);
            let required_skills = split_list(row.text("required_skills"));
            let preferred_skills = split_list(row.text("preferred_skills"));
            let min_education = row.parse("min_education", |cell| {
                if cell.is_empty() || matches!(fold(cell).as_str(), "不限" | "any" | "none") {
                    return Ok(Education::HighSchool);
                }
                read_label(
                    mapper,
                    Vocabulary::Education,
                    "min_education",
                    line_number,
                    cell,
                    Education::parse,
                )
            });
            let min_experience_years = row.parse("min_experience", parse_experience_minimum);
            let salary = if row.has("salary") && !row.text("salary").is_empty() {
                row.parse("salary", parse_salary_range)
            } else if row.has("salary_min") || row.has("salary_max") {
                parse_min_max(&mut row)
            } else {
                Some(None)
            };
            let city = row.text("city").to_owned();
            let work_mode = row.parse("work_mode", |cell| {
                if cell.is_empty() {
                    return Ok(WorkMode::OnSite);
                }
                read_label(
                    mapper,
                    Vocabulary::WorkMode,
                    "work_mode",
                    line_number,
                    cell,
                    WorkMode::parse,
                )
            });
            let industry_cell = row.parse("industry", |cell| {
                if cell.is_empty() {
                    return Ok(None);
                }
                read_label(
                    mapper,
                    Vocabulary::Industry,
                    "industry",
                    line_number,
                    cell,
                    Industry::parse,
                )
                .map(Some)
            });
            let description = row.text("description").to_owned();
            let booth = self.resolve_booth(&mut row, industry_cell.flatten());
            // A position without its own industry takes its booth's.
            let industry = industry_cell.flatten().or(booth.as_ref().map(|b| b.industry));
            if self.rejected(&mut row) {
                continue;
            }
            let (
                Some(id),
                Some(title),
                Some(openings),
                Some(min_education),
                Some(min_experience_years),
                Some(salary),
                Some(work_mode),
                Some(industry),
                Some(booth),
            ) = (
                id,
                title,
                openings,
                min_education,
                min_experience_years,
                salary,
                work_mode,
                industry,
                booth,
            )
            else {
                continue;
            };
            if booth.create {
                self.booth_ids.insert(booth.id.0.clone(), Seen::Line(*line));
                self.booth_by_employer
                    .entry(fold(&booth.employer))
                    .or_insert_with(|| booth.id.clone());
                self.fair.booths.push(Booth {
                    id: booth.id.clone(),
                    employer: booth.employer,
                    employer_kind: EmployerKind::Enterprise,
                    industry,
                    zone: String::new(),
                    floor: None,
                    staff: Vec::new(),
                    interviews: None,
                });
                self.report.booths_created.push(booth.id.clone());
            }
            self.position_ids.insert(id.clone(), Seen::Line(*line));
            self.fair.positions.push(Position {
                id: PositionId::new(id),
                booth: booth.id,
                title,
                openings,
                required_skills,
                preferred_skills,
                min_education,
                min_experience_years,
                salary,
                city,
                work_mode,
                industry,
                description,
            });
            self.report.positions_added += 1;
        }
    }

    /// Finds the position's booth: by id, else by employer name; creates it when the row names
    /// an employer the fair does not have yet.
    fn resolve_booth(&mut self, row: &mut Row, industry: Option<Industry>) -> Option<BoothRef> {
        let booth = row.text("booth");
        let employer = row.text("employer");
        let existing_industry = |fair: &Fair, id: &str| {
            fair.booths
                .iter()
                .rev()
                .find(|b| b.id.0 == id)
                .map(|b| (b.industry, b.employer.clone()))
        };
        if !booth.is_empty() {
            if let Some((booth_industry, employer)) = existing_industry(self.fair, booth) {
                return Some(BoothRef {
                    id: BoothId::new(booth),
                    employer,
                    industry: booth_industry,
                    create: false,
                });
            }
            if employer.is_empty() {
                row.problem(
                    Some("booth"),
                    format!("booth `{booth}` is neither in the booths file nor in the fair, and no employer is given to create it"),
                );
                return None;
            }
            let Some(industry) = industry else {
                row.problem(
                    Some("industry"),
                    format!(
                        "is needed to create booth `{booth}` for `{employer}`; expected one of {}",
                        Industry::expected()
                    ),
                );
                return None;
            };
            return Some(BoothRef {
                id: BoothId::new(booth),
                employer: employer.to_owned(),
                industry,
                create: true,
            });
        }
        if employer.is_empty() {
            row.problem(Some("booth"), "is empty and no employer is given".into());
            return None;
        }
        if let Some(id) = self.booth_by_employer.get(&fold(employer)).cloned()
            && let Some((booth_industry, employer)) = existing_industry(self.fair, &id.0)
        {
            return Some(BoothRef {
                id,
                employer,
                industry: booth_industry,
                create: false,
            });
        }
        let Some(industry) = industry else {
            row.problem(
                Some("industry"),
                format!(
                    "is needed to create a booth for `{employer}`; expected one of {}",
                    Industry::expected()
                ),
            );
            return None;
        };
        Some(BoothRef {
            id: BoothId::new(unique_generated("B", hash_str(&fold(employer)), &self.booth_ids)),
            employer: employer.to_owned(),
            industry,
            create: true,
        })
    }

    pub(super) fn candidates(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let (line_number, mapper) = (*line, &mut self.mapper);
            let id = Self::row_id(&mut row, "C", &self.candidate_ids);
            let name = row.required("name");
            let phone = row.text("phone").to_owned();
            let email = row.text("email").to_owned();
            let education = row.parse("education", |cell| {
                if cell.is_empty() {
                    return Err(format!("is empty; expected one of {}", Education::expected()));
                }
                read_label(
                    mapper,
                    Vocabulary::Education,
                    "education",
                    line_number,
                    cell,
                    Education::parse,
                )
            });
            let school = row.text("school").to_owned();
            let major = row.text("major").to_owned();
            let graduation_year = row.parse("graduation_year", parse_year);
            let experience_years = row.parse("experience_years", parse_years_of_experience);
            let skills = split_list(row.text("skills"));
            let expected_salary = row.parse("expected_salary", |cell| {
                Ok(parse_salary_range(cell)?.map(|range| range.min))
            });
            let cities = split_list(row.text("cities"));
            let industries = row.parse("industries", |cell| {
                read_labels(
                    mapper,
                    Vocabulary::Industry,
                    "industries",
                    line_number,
                    cell,
                    Industry::parse,
                )
            });
            let work_modes = row.parse("work_modes", |cell| {
                read_labels(
                    mapper,
                    Vocabulary::WorkMode,
                    "work_modes",
                    line_number,
                    cell,
                    WorkMode::parse,
                )
            });
            let tier_cell = row.parse("tier", |cell| {
                if cell.is_empty() {
                    return Ok(None);
                }
                read_label(
                    mapper,
                    Vocabulary::TalentTier,
                    "tier",
                    line_number,
                    cell,
                    TalentTier::parse,
                )
                .map(Some)
            });
            let hometown = row.text("hometown").to_owned();
            let consent = row.parse("consent", parse_yes_no);
            let badge = row.text("badge").to_owned();

            let phone_key = phone_key(&phone);
            if let Some(key) = &phone_key
                && let Some((other, seen)) = self.phones.get(key)
            {
                let reason = format!("duplicate candidate: same phone as candidate {other} ({seen})");
                row.problem(Some("phone"), reason);
            }
            let email_key = Some(email_key(&email)).filter(|key| !key.is_empty());
            if let Some(key) = &email_key
                && let Some((other, seen)) = self.emails.get(key)
            {
                let reason = format!("duplicate candidate: same email as candidate {other} ({seen})");
                row.problem(Some("email"), reason);
            }
            if self.rejected(&mut row) {
                continue;
            }
            let (
                Some(id),
                Some(name),
                Some(education),
                Some(graduation_year),
                Some(experience_years),
                Some(expected_salary),
                Some(industries),
                Some(work_modes),
                Some(tier_cell),
                Some(consent),
            ) = (
                id,
                name,
                education,
                graduation_year,
                experience_years,
                expected_salary,
                industries,
                work_modes,
                tier_cell,
                consent,
            )
            else {
                continue;
            };
            // Registration lists of return-home campaigns rarely carry a tier column.
            let tier = tier_cell.unwrap_or(if experience_years == 0 {
                TalentTier::Student
            } else {
                TalentTier::Experienced
            });
            self.candidate_ids.insert(id.clone(), Seen::Line(*line));
            if let Some(key) = phone_key {
                self.phones.insert(key, (id.clone(), Seen::Line(*line)));
            }
            if let Some(key) = email_key {
                self.emails.insert(key, (id.clone(), Seen::Line(*line)));
            }
            self.fair.candidates.push(Candidate {
                id: CandidateId::new(id),
                name,
                phone,
                email,
                education,
                school,
                major,
                graduation_year,
                experience_years,
                skills,
                expected_salary,
                cities,
                industries,
                work_modes,
                tier,
                hometown,
                consent,
                badge,
                checked_in: None,
            });
            self.report.candidates_added += 1;
        }
    }
}

struct BoothRef {
    id: BoothId,
    employer: String,
    industry: Industry,
    create: bool,
}

/// Reads a label cell (not empty) through the mapper; an unknown value's message says how to
/// map it.
fn read_label<T>(
    mapper: &mut LabelMapper,
    vocabulary: Vocabulary,
    column: &str,
    line: u64,
    cell: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, String> {
    mapper
        .label(vocabulary, column, cell, line)
        .and_then(parse)
        .ok_or_else(|| {
            format!(
                "{}; or map it: --map {column}:{cell}=LABEL",
                unknown(vocabulary_name(vocabulary), cell, &vocabulary.expected())
            )
        })
}

/// A required `industry` cell: a label, a mapping or a synonym.
fn read_industry(mapper: &mut LabelMapper, line: u64, cell: &str) -> Result<Industry, String> {
    if cell.is_empty() {
        return Err(format!("is empty; expected one of {}", Industry::expected()));
    }
    read_label(mapper, Vocabulary::Industry, "industry", line, cell, Industry::parse)
}

/// Reads a list cell of labels; every item must be known.
fn read_labels<T>(
    mapper: &mut LabelMapper,
    vocabulary: Vocabulary,
    column: &str,
    line: u64,
    cell: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Vec<T>, String> {
    let mut labels = Vec::new();
    let mut first_error = None;
    for item in split_list(cell) {
        // Every item is looked at, so each unknown one is counted for the mapping dialog.
        match read_label(mapper, vocabulary, column, line, &item, parse) {
            Ok(label) => labels.push(label),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(labels),
    }
}

fn vocabulary_name(vocabulary: Vocabulary) -> &'static str {
    match vocabulary {
        Vocabulary::Education => "education",
        Vocabulary::WorkMode => "work mode",
        Vocabulary::TalentTier => "talent tier",
        Vocabulary::Industry => "industry",
        Vocabulary::EmployerKind => "employer kind",
    }
}

//! CSV import of booths, positions and candidates from organizers' spreadsheets.
//!
//! Accepts UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK; comma or tab
//! separated; English or Chinese headers. Every bad row is reported with file, line, column
//! and reason; the caller decides whether to write anything (see [`ImportReport::bad_rows`]).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::model::labels::fold;
use crate::model::skills::{halfwidth, split_list};
use crate::model::{
    Booth, BoothId, Candidate, CandidateId, Education, EmployerKind, Fair, Industry, Position, PositionId, SalaryRange,
    TalentTier, WorkMode, Yuan,
};

use super::{StoreError, decode_text, read_bytes_capped};

/// Largest CSV file read; far above any real registration list.
pub const CSV_SIZE_CAP: u64 = 1 << 30;

/// One column: its English name (written by export) and every header accepted on import.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

const fn col(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases }
}

pub const BOOTH_COLUMNS: &[Column] = &[
    col("id", &["展位号", "展位编号", "booth"]),
    col("employer", &["单位名称", "企业名称", "公司名称", "单位"]),
    col("kind", &["单位类型", "单位性质", "employer_kind"]),
    col("industry", &["行业", "所属行业"]),
    col("zone", &["展区"]),
];

pub const POSITION_COLUMNS: &[Column] = &[
    col("id", &["岗位编号", "职位编号"]),
    col("booth", &["展位号", "展位编号"]),
    col("employer", &["单位名称", "企业名称", "公司名称"]),
    col("title", &["岗位名称", "职位", "职位名称", "岗位"]),
    col("openings", &["招聘人数", "人数"]),
    col("required_skills", &["必备技能", "技能要求"]),
    col("preferred_skills", &["优先技能", "加分技能"]),
    col("min_education", &["学历要求", "最低学历"]),
    col("min_experience", &["经验要求", "工作年限", "min_experience_years"]),
    col("salary", &["薪资", "薪资范围", "月薪"]),
    col("salary_min", &["最低薪资", "薪资下限"]),
    col("salary_max", &["最高薪资", "薪资上限"]),
    col("city", &["工作地点", "工作城市", "城市"]),
    col("work_mode", &["工作方式", "工作形式"]),
    col("industry", &["行业", "所属行业"]),
    col("description", &["岗位描述", "职位描述", "岗位职责"]),
];

pub const CANDIDATE_COLUMNS: &[Column] = &[
    col("id", &["编号", "报名编号"]),
    col("name", &["姓名"]),
    col("phone", &["手机", "电话", "手机号", "手机号码", "联系电话"]),
    col("email", &["邮箱", "电子邮箱", "e-mail"]),
    col("education", &["学历", "最高学历"]),
    col("school", &["学校", "毕业院校", "院校"]),
    col("major", &["专业", "所学专业"]),
    col("graduation_year", &["毕业年份", "毕业时间"]),
    col("experience_years", &["工作年限", "工作经验"]),
    col("skills", &["技能", "专业技能"]),
    col("expected_salary", &["期望薪资", "期望月薪"]),
    col("cities", &["意向城市", "期望城市"]),
    col("industries", &["意向行业", "期望行业"]),
    col("work_modes", &["工作方式", "接受工作方式"]),
    col("tier", &["人才类别", "人才类型"]),
    col("hometown", &["生源地", "籍贯"]),
    col("consent", &["同意共享", "是否同意共享"]),
    col("badge", &["胸卡号", "胸牌号"]),
];

/// The CSV files of one import; any subset may be given.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportFiles<'a> {
    pub booths: Option<&'a Path>,
    pub positions: Option<&'a Path>,
    pub candidates: Option<&'a Path>,
}

/// A row that could not be imported, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub file: String,
    /// 1-based line in the file (the header is line 1).
    pub line: u64,
    /// The header as written in the file, with the English name when they differ.
    pub column: Option<String>,
    pub reason: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "{}:{}: column {column}: {}", self.file, self.line, self.reason),
            None => write!(f, "{}:{}: {}", self.file, self.line, self.reason),
        }
    }
}

/// What an import did and what it refused.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub booths_added: usize,
    pub positions_added: usize,
    pub candidates_added: usize,
    /// Booths created because a position named a missing booth but gave its employer.
    pub booths_created: Vec<BoothId>,
    /// Every row not imported, with the reason. Duplicate candidates are listed here too.
    pub bad_rows: Vec<BadRow>,
    /// Informational lines: detected encodings, ignored columns.
    pub notes: Vec<String>,
}

/// Imports the given files into `fair`, appending good rows. Bad rows are skipped and listed in
/// the report; a caller that must not write partial data checks `bad_rows` before saving.
/// A file that cannot be used at all (unreadable, undecodable, missing a required column)
/// is an `Err` and leaves `fair` unchanged.
pub fn import_csv(fair: &mut Fair, files: &ImportFiles) -> Result<ImportReport, StoreError> {
    let booths = files
        .booths
        .map(|p| Table::read(p, BOOTH_COLUMNS, &["employer"]))
        .transpose()?;
    let positions = files
        .positions
        .map(|p| Table::read(p, POSITION_COLUMNS, &["title"]))
        .transpose()?;
    let candidates = files
        .candidates
        .map(|p| Table::read(p, CANDIDATE_COLUMNS, &["name"]))
        .transpose()?;
    let mut report = ImportReport::default();
    for table in [&booths, &positions, &candidates].into_iter().flatten() {
        report.notes.extend(table.notes.iter().cloned());
    }
    let mut importer = Importer::new(fair, &mut report);
    if let Some(table) = &booths {
        importer.booths(table);
    }
    if let Some(table) = &positions {
        importer.positions(table);
    }
    if let Some(table) = &candidates {
        importer.candidates(table);
    }
    Ok(report)
}

/// A decoded CSV file with its header mapped to known columns.
pub(crate) struct Table {
    origin: String,
    /// English column name → (cell index, header as written).
    columns: HashMap<&'static str, (usize, String)>,
    header_len: usize,
    rows: Vec<(u64, csv::StringRecord)>,
    notes: Vec<String>,
}

impl Table {
    fn read(path: &Path, known: &'static [Column], required: &[&'static str]) -> Result<Table, StoreError> {
        let bytes = read_bytes_capped(path, CSV_SIZE_CAP)?;
        Table::parse(&bytes, &path.display().to_string(), known, required)
    }

    pub(crate) fn parse(
        bytes: &[u8],
        origin: &str,
        known: &'static [Column],
        required: &[&'static str],
    ) -> Result<Table, StoreError> {
        let csv_error = |message: String| StoreError::Csv {
            origin: origin.to_owned(),
            message,
        };
        let (text, encoding) = decode_text(bytes).map_err(csv_error)?;
        let first_line = text.lines().next().unwrap_or("");
        let delimiter = if first_line.matches('\t').count() > first_line.matches(',').count() {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(format!("cannot read the header line: {e}")))?
            .clone();
        let mut notes = vec![format!(
            "{origin}: read as {encoding}, {} separated",
            if delimiter == b'\t' { "tab" } else { "comma" }
        )];
        let mut columns: HashMap<&'static str, (usize, String)> = HashMap::new();
        for (index, header) in headers.iter().enumerate() {
            let key = header_key(header);
            if key.is_empty() {
                continue;
            }
            let Some(column) = known
                .iter()
                .find(|c| fold(c.name) == key || c.aliases.iter().any(|a| fold(a) == key))
            else {
                notes.push(format!("{origin}: column `{}` is not used", header.trim()));
                continue;
            };
            if let Some((_, earlier)) = columns.get(column.name) {
                return Err(csv_error(format!(
                    "columns `{earlier}` and `{}` both mean `{}`; keep one",
                    header.trim(),
                    column.name
                )));
            }
            columns.insert(column.name, (index, header.trim().to_owned()));
        }
        for name in required {
            if !columns.contains_key(name) {
                let aliases = known
                    .iter()
                    .find(|c| c.name == *name)
                    .map(|c| c.aliases.join("/"))
                    .unwrap_or_default();
                return Err(csv_error(format!(
                    "has no `{name}` column (header `{name}` or {aliases}); the header line is: {}",
                    headers.iter().collect::<Vec<_>>().join(", ")
                )));
            }
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(e.to_string()))?;
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record));
        }
        Ok(Table {
            origin: origin.to_owned(),
            columns,
            header_len: headers.len(),
            rows,
            notes,
        })
    }
}

/// Header comparison key: no BOM, no required-field star, no unit in brackets ("薪资(元/月)").
fn header_key(header: &str) -> String {
    let header = header.trim_start_matches('\u{FEFF}');
    let header: String = header.chars().map(halfwidth).collect();
    let header = header.split(['(', '（']).next().unwrap_or("");
    fold(header.trim_matches(|c: char| c == '*' || c.is_whitespace()))
}

/// One row being read; collects every problem of the row.
struct Row<'t> {
    table: &'t Table,
    record: &'t csv::StringRecord,
    line: u64,
    problems: Vec<BadRow>,
}

impl<'t> Row<'t> {
    fn new(table: &'t Table, line: u64, record: &'t csv::StringRecord) -> Self {
        let mut row = Row {
            table,
            record,
            line,
            problems: Vec::new(),
        };
        if record.len() > table.header_len {
            row.problem(
                None,
                format!(
                    "has {} cells but the header has {}; a separator inside a cell needs quotes",
                    record.len(),
                    table.header_len
                ),
            );
        }
        row
    }

    fn has(&self, column: &str) -> bool {
        self.table.columns.contains_key(column)
    }

    /// The trimmed cell, or "" when the column is absent or the row is short.
    fn text(&self, column: &str) -> &'t str {
        self.table
            .columns
            .get(column)
            .and_then(|(index, _)| self.record.get(*index))
            .map_or("", str::trim)
    }

    fn problem(&mut self, column: Option<&str>, reason: String) {
        let column = column.map(|name| match self.table.columns.get(name) {
            Some((_, header)) if fold(header) != fold(name) => format!("{header} ({name})"),
            _ => name.to_owned(),
        });
        self.problems.push(BadRow {
            file: self.table.origin.clone(),
            line: self.line,
            column,
            reason,
        });
    }

    /// Runs `parse` on a cell, recording its error message against the column.
    fn parse<T>(&mut self, column: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let cell = self.text(column);
        match parse(cell) {
            Ok(value) => Some(value),
            Err(reason) => {
                self.problem(Some(column), reason);
                None
            }
        }
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let cell = self.text(column);
        if cell.is_empty() {
            self.problem(Some(column), "is empty".into());
            None
        } else {
            Some(cell.to_owned())
        }
    }

    /// Stable id from the row's content (every cell but the id), so re-importing the same
    /// sheet, even reordered, yields the same ids.
    fn content_hash(&self) -> u64 {
        let id_index = self.table.columns.get("id").map(|(index, _)| *index);
        let mut hash = Fnv::new();
        for (index, cell) in self.record.iter().enumerate() {
            if Some(index) != id_index {
                hash.write(cell.trim().as_bytes());
                hash.write(&[0x1F]);
            }
        }
        hash.finish()
    }
}

/// FNV-1a: tiny and, unlike std's hasher, guaranteed stable across builds, which ids need.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn hash_str(text: &str) -> u64 {
    let mut hash = Fnv::new();
    hash.write(text.as_bytes());
    hash.finish()
}

/// Where an id or contact was first seen, for duplicate messages.
#[derive(Clone)]
enum Seen {
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

struct Importer<'a> {
    fair: &'a mut Fair,
    report: &'a mut ImportReport,
    booth_ids: HashMap<String, Seen>,
    /// Folded employer name → booth id, to attach positions that give only an employer.
    booth_by_employer: HashMap<String, BoothId>,
    position_ids: HashMap<String, Seen>,
    candidate_ids: HashMap<String, Seen>,
    phones: HashMap<String, (String, Seen)>,
    emails: HashMap<String, (String, Seen)>,
}

impl<'a> Importer<'a> {
    fn new(fair: &'a mut Fair, report: &'a mut ImportReport) -> Self {
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
            if let Some(email) = email_key(&c.email) {
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
        }
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

    fn booths(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let id = Self::row_id(&mut row, "B", &self.booth_ids);
            let employer = row.required("employer");
            let kind = row.parse("kind", |cell| {
                if cell.is_empty() {
                    return Ok(EmployerKind::Enterprise);
                }
                EmployerKind::parse(cell).ok_or_else(|| unknown("employer kind", cell, &EmployerKind::expected()))
            });
            let industry = row.parse("industry", |cell| {
                if cell.is_empty() {
                    return Err(format!("is empty; expected one of {}", Industry::expected()));
                }
                Industry::parse(cell).ok_or_else(|| unknown("industry", cell, &Industry::expected()))
            });
            let zone = row.text("zone").to_owned();
            if !row.problems.is_empty() {
                self.report.bad_rows.append(&mut row.problems);
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
            });
            self.report.booths_added += 1;
        }
    }

    fn positions(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let id = Self::row_id(&mut row, "P", &self.position_ids);
            let title = row.required("title");
            let openings = row.parse("openings", parse_openings);
            let required_skills = split_list(row.text("required_skills"));
            let preferred_skills = split_list(row.text("preferred_skills"));
            let min_education = row.parse("min_education", |cell| {
                if cell.is_empty() || matches!(fold(cell).as_str(), "不限" | "any" | "none") {
                    return Ok(Education::HighSchool);
                }
                Education::parse(cell).ok_or_else(|| unknown("education", cell, &Education::expected()))
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
                WorkMode::parse(cell).ok_or_else(|| unknown("work mode", cell, &WorkMode::expected()))
            });
            let industry_cell = row.parse("industry", |cell| {
                if cell.is_empty() {
                    return Ok(None);
                }
                Industry::parse(cell)
                    .map(Some)
                    .ok_or_else(|| unknown("industry", cell, &Industry::expected()))
            });
            let description = row.text("description").to_owned();
            let booth = self.resolve_booth(&mut row, industry_cell.flatten());
            // A position without its own industry takes its booth's.
            let industry = industry_cell.flatten().or(booth.as_ref().map(|b| b.industry));
            if !row.problems.is_empty() {
                self.report.bad_rows.append(&mut row.problems);
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

    fn candidates(&mut self, table: &Table) {
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let id = Self::row_id(&mut row, "C", &self.candidate_ids);
            let name = row.required("name");
            let phone = row.text("phone").to_owned();
            let email = row.text("email").to_owned();
            let education = row.parse("education", |cell| {
                if cell.is_empty() {
                    return Err(format!("is empty; expected one of {}", Education::expected()));
                }
                Education::parse(cell).ok_or_else(|| unknown("education", cell, &Education::expected()))
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
                parse_enum_list(cell, "industry", Industry::parse, Industry::expected)
            });
            let work_modes = row.parse("work_modes", |cell| {
                parse_enum_list(cell, "work mode", WorkMode::parse, WorkMode::expected)
            });
            let tier_cell = row.parse("tier", |cell| {
                if cell.is_empty() {
                    return Ok(None);
                }
                TalentTier::parse(cell)
                    .map(Some)
                    .ok_or_else(|| unknown("talent tier", cell, &TalentTier::expected()))
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
            let email_key = email_key(&email);
            if let Some(key) = &email_key
                && let Some((other, seen)) = self.emails.get(key)
            {
                let reason = format!("duplicate candidate: same email as candidate {other} ({seen})");
                row.problem(Some("email"), reason);
            }
            if !row.problems.is_empty() {
                self.report.bad_rows.append(&mut row.problems);
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

/// `prefix-XXXXXXXXXX` from a content hash; identical rows get `-2`, `-3`, ... in file order.
fn unique_generated(prefix: &str, hash: u64, seen: &HashMap<String, Seen>) -> String {
    let base = format!("{prefix}-{:010X}", hash >> 24);
    if !seen.contains_key(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !seen.contains_key(id))
        .unwrap_or(base)
}

fn unknown(what: &str, cell: &str, expected: &str) -> String {
    format!("unknown {what} `{cell}`; expected one of {expected}")
}

/// Digits only, with a leading +86/0086 dropped, so "138 0013 8000" matches "+86 13800138000".
fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().map(halfwidth).filter(char::is_ascii_digit).collect();
    let digits = if digits.len() == 13 && digits.starts_with("86") {
        digits[2..].to_owned()
    } else if digits.len() == 15 && digits.starts_with("0086") {
        digits[4..].to_owned()
    } else {
        digits
    };
    (!digits.is_empty()).then_some(digits)
}

fn email_key(email: &str) -> Option<String> {
    let key: String = email.chars().map(halfwidth).collect::<String>().trim().to_lowercase();
    (!key.is_empty()).then_some(key)
}

fn parse_enum_list<T>(
    cell: &str,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
    expected: impl Fn() -> String,
) -> Result<Vec<T>, String> {
    split_list(cell)
        .iter()
        .map(|item| parse(item).ok_or_else(|| unknown(what, item, &expected())))
        .collect()
}

/// The first whole number in `text` ("3年以上" → 3), if any.
fn first_number(text: &str) -> Option<u64> {
    let text: String = text.chars().map(halfwidth).collect();
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn is_unspecified(cell: &str) -> bool {
    matches!(
        fold(cell).as_str(),
        "" | "不限" | "无" | "无要求" | "应届" | "应届生" | "any" | "none" | "no" | "n/a"
    )
}

pub(crate) fn parse_openings(cell: &str) -> Result<u32, String> {
    if cell.is_empty() || fold(cell) == "若干" {
        return Ok(1);
    }
    match first_number(cell).map(u32::try_from) {
        Some(Ok(0)) => Err("is 0; a position needs at least one opening".into()),
        Some(Ok(n)) => Ok(n),
        _ => Err(format!(
            "`{cell}` is not a number of openings; expected a whole number like 3"
        )),
    }
}

fn parse_experience_minimum(cell: &str) -> Result<u8, String> {
    if is_unspecified(cell) {
        return Ok(0);
    }
    match first_number(cell).map(u8::try_from) {
        Some(Ok(years)) => Ok(years),
        _ => Err(format!(
            "`{cell}` is not a number of years; expected e.g. 3, 3年, 3-5年 or 不限"
        )),
    }
}

fn parse_years_of_experience(cell: &str) -> Result<u8, String> {
    parse_experience_minimum(cell)
}

fn parse_year(cell: &str) -> Result<Option<u16>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    match first_number(cell).map(u16::try_from) {
        Some(Ok(year)) if (1950..=2100).contains(&year) => Ok(Some(year)),
        _ => Err(format!("`{cell}` is not a year; expected e.g. 2025")),
    }
}

pub(crate) fn parse_yes_no(cell: &str) -> Result<bool, String> {
    match fold(cell).as_str() {
        "" | "no" | "n" | "false" | "0" | "否" | "不同意" | "不" => Ok(false),
        "yes" | "y" | "true" | "1" | "是" | "同意" => Ok(true),
        _ => Err(format!("`{cell}` is not yes or no; expected yes/no/是/否")),
    }
}

const SALARY_EXPECTED: &str = "expected a monthly amount or range like 8000-12000, 8k-12k or 1.2万-1.5万, or 面议";

/// Parses a monthly salary cell: `8000-12000`, `8k-12k`, `1.2万-1.5万`, `1.2-1.5万`, `10000`;
/// `面议` (negotiable) or an empty cell is `None`.
pub fn parse_salary_range(cell: &str) -> Result<Option<SalaryRange>, String> {
    let mut text: String = cell.chars().map(halfwidth).collect::<String>().to_lowercase();
    for noise in [
        "元/月",
        "/月",
        "每月",
        "per month",
        "/month",
        "rmb",
        "cny",
        "元",
        "¥",
        "￥",
        ",",
        " ",
    ] {
        text = text.replace(noise, "");
    }
    if matches!(text.as_str(), "" | "面议" | "面谈" | "negotiable" | "n/a" | "-") {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['-', '~', '至', '到', '—', '–']).collect();
    let (min, max) = match parts.as_slice() {
        [one] => {
            let value = parse_amount(one, None).ok_or_else(|| format!("`{cell}`: {SALARY_EXPECTED}"))?;
            (value, value)
        }
        [low, high] => {
            // "1.2-1.5万" and "8-12k": the unit written once applies to both ends.
            let high_unit = unit_of(high);
            let high = parse_amount(high, None);
            let low = parse_amount(low, high_unit);
            match (low, high) {
                (Some(low), Some(high)) => (low, high),
                _ => return Err(format!("`{cell}`: {SALARY_EXPECTED}")),
            }
        }
        _ => return Err(format!("`{cell}`: {SALARY_EXPECTED}")),
    };
    if min > max {
        return Err(format!("`{cell}`: minimum {min} is above maximum {max}"));
    }
    Ok(Some(SalaryRange { min, max }))
}

fn unit_of(amount: &str) -> Option<u64> {
    match amount.chars().last()? {
        'k' | '千' => Some(1_000),
        'w' | '万' => Some(10_000),
        _ => None,
    }
}

/// "1.2万" → 12000, "8k" → 8000, "8500" → 8500; `default_unit` applies when none is written.
fn parse_amount(amount: &str, default_unit: Option<u64>) -> Option<Yuan> {
    let (number, unit) = match unit_of(amount) {
        Some(unit) => (&amount[..amount.len() - amount.chars().last()?.len_utf8()], unit),
        None => (amount, default_unit.unwrap_or(1)),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 4
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let scale = 10u64.pow(fraction.len() as u32);
    let fraction: u64 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
    let yuan = whole
        .checked_mul(unit)?
        .checked_add(fraction.checked_mul(unit)? / scale)?;
    Yuan::try_from(yuan).ok()
}

/// `salary_min` + `salary_max` columns; both empty means negotiable.
fn parse_min_max(row: &mut Row) -> Option<Option<SalaryRange>> {
    let amount = |cell: &str| -> Result<Option<Yuan>, String> {
        if cell.is_empty() {
            return Ok(None);
        }
        Ok(parse_salary_range(cell)?.map(|r| r.min))
    };
    let min = row.parse("salary_min", amount)?;
    let max = row.parse("salary_max", amount)?;
    match (min, max) {
        (None, None) => Some(None),
        (Some(min), Some(max)) if min > max => {
            row.problem(Some("salary_max"), format!("maximum {max} is below minimum {min}"));
            None
        }
        (Some(min), Some(max)) => Some(Some(SalaryRange { min, max })),
        (Some(value), None) | (None, Some(value)) => Some(Some(SalaryRange { min: value, max: value })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(min: Yuan, max: Yuan) -> Option<SalaryRange> {
        Some(SalaryRange { min, max })
    }

    #[test]
    fn salary_forms() {
        assert_eq!(parse_salary_range("8000-12000"), Ok(range(8000, 12000)));
        assert_eq!(parse_salary_range("8k-12k"), Ok(range(8000, 12000)));
        assert_eq!(parse_salary_range("8K～12K"), Ok(range(8000, 12000)));
        assert_eq!(parse_salary_range("1.2万-1.5万"), Ok(range(12000, 15000)));
        assert_eq!(parse_salary_range("1.2-1.5万"), Ok(range(12000, 15000)));
        assert_eq!(parse_salary_range("6000元/月"), Ok(range(6000, 6000)));
        assert_eq!(parse_salary_range("面议"), Ok(None));
        assert_eq!(parse_salary_range(""), Ok(None));
        assert!(parse_salary_range("12000-8000").unwrap_err().contains("above maximum"));
        assert!(parse_salary_range("a lot").unwrap_err().contains("8k-12k"));
        assert!(parse_salary_range("99999999999").is_err());
        assert!(parse_salary_range(".").is_err());
    }

    #[test]
    fn small_cells() {
        assert_eq!(parse_openings("若干"), Ok(1));
        assert_eq!(parse_openings("5人"), Ok(5));
        assert!(parse_openings("0").is_err());
        assert_eq!(parse_experience_minimum("3-5年"), Ok(3));
        assert_eq!(parse_experience_minimum("不限"), Ok(0));
        assert_eq!(parse_year("2025届"), Ok(Some(2025)));
        assert!(parse_year("25").is_err());
        assert_eq!(parse_yes_no("是"), Ok(true));
        assert_eq!(parse_yes_no("No"), Ok(false));
        assert_eq!(phone_key("+86 138-0013-8000"), phone_key("13800138000"));
    }

    #[test]
    fn header_key_ignores_units_and_stars() {
        assert_eq!(header_key("\u{FEFF}薪资（元/月）"), fold("薪资"));
        assert_eq!(header_key(" 姓名* "), fold("姓名"));
        assert_eq!(header_key("Salary_Min"), fold("salary_min"));
    }
}

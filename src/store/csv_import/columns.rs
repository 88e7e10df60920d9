//! The columns each kind of sheet may have, how headers are matched to them, and a decoded
//! sheet with its header mapped ([`Table`]) and one row being read ([`Row`]).

use std::collections::HashMap;
use std::path::Path;

use crate::text::{fold, halfwidth};

use super::super::encoding::{Confidence, decode_detect};
use super::super::{StoreError, read_bytes_capped};
use super::cells::Fnv;
use super::{BadRow, CSV_SIZE_CAP, ImportOptions};

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
    col("interviewers", &["面试官人数", "面试官"]),
    col("interview_start", &["面试开始", "面试开始时间"]),
    col("interview_end", &["面试结束", "面试结束时间"]),
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

pub const PROJECT_COLUMNS: &[Column] = &[
    col("id", &["项目编号"]),
    col("title", &["项目名称", "项目"]),
    col("lead", &["负责人", "项目负责人"]),
    col("team", &["团队", "团队成员"]),
    col("industry", &["领域", "行业", "所属行业", "所属领域"]),
    col("fields", &["技术领域", "技术方向"]),
    col("stage", &["阶段", "项目阶段"]),
    col("investment_wan", &["融资需求", "融资金额", "investment"]),
    col("site", &["需要场地", "场地需求", "场地"]),
    col("partners", &["寻求合作伙伴", "合作伙伴"]),
    col("pilot_customers", &["试点客户", "寻求试点客户"]),
    col("cities", &["意向城市", "落地城市"]),
    col("status", &["状态", "项目状态", "进度"]),
    col("counterparty", &["对接方", "对接单位", "签约单位"]),
    col("amount_wan", &["签约金额", "金额"]),
    col("status_at", &["状态日期", "日期"]),
    col("description", &["项目简介", "简介", "描述"]),
    col("steps", &["进度记录"]),
];

pub const SESSION_COLUMNS: &[Column] = &[
    col("id", &["对接会编号", "场次编号"]),
    col("title", &["对接会", "对接会名称", "名称", "活动名称"]),
    col("kind", &["类型", "活动类型", "形式"]),
    col("room", &["会议室", "地点"]),
    col("start", &["开始时间"]),
    col("end", &["结束时间"]),
    col("capacity", &["容量", "座位数", "人数上限"]),
    col("hosts", &["主办展位", "主办单位", "主办方"]),
    col("invitees", &["受邀人", "邀请名单"]),
    col("projects", &["参会项目", "路演项目", "项目"]),
    col("attended", &["到场", "到场人员", "签到"]),
];

/// A decoded CSV file with its header mapped to known columns.
pub(crate) struct Table {
    pub(super) origin: String,
    /// English column name → (cell index, header as written).
    pub(super) columns: HashMap<&'static str, (usize, String)>,
    pub(super) header_len: usize,
    pub(super) rows: Vec<(u64, csv::StringRecord)>,
    pub(super) notes: Vec<String>,
}

impl Table {
    /// Reads a CSV file or, by its extension, an Excel workbook.
    pub(super) fn read(
        path: &Path,
        known: &'static [Column],
        required: &[&'static str],
        options: &ImportOptions,
    ) -> Result<Table, StoreError> {
        let origin = path.display().to_string();
        if super::workbook::is_workbook(path) {
            let (headers, rows, notes) = super::workbook::read_sheet(path, options.sheet.as_deref())?;
            return Table::from_records(&origin, headers, rows, notes, known, required);
        }
        let bytes = read_bytes_capped(path, CSV_SIZE_CAP)?;
        let mut table = Table::parse(&bytes, &origin, known, required, options.encoding)?;
        if let Some(sheet) = &options.sheet {
            table
                .notes
                .push(format!("{origin}: a CSV file has no sheets; --sheet {sheet} ignored"));
        }
        Ok(table)
    }

    /// Parses CSV bytes, in `encoding` when given, else detected.
    pub(crate) fn parse(
        bytes: &[u8],
        origin: &str,
        known: &'static [Column],
        required: &[&'static str],
        encoding: Option<&'static encoding_rs::Encoding>,
    ) -> Result<Table, StoreError> {
        let csv_error = |message: String| StoreError::Csv {
            origin: origin.to_owned(),
            message,
        };
        let decoded = decode_detect(bytes, encoding).map_err(|e| csv_error(e.to_string()))?;
        if let Confidence::Unsure { other } = decoded.confidence {
            return Err(StoreError::EncodingUnsure {
                origin: origin.to_owned(),
                guess: decoded.encoding,
                other,
            });
        }
        let text = decoded.text;
        let first_line = text.lines().next().unwrap_or("");
        let delimiter = if first_line.matches('\t').count() > first_line.matches(',').count() {
            b'\t'
        } else {
            b','
        };
        if let Some(line) = unclosed_quote(text.as_bytes(), delimiter) {
            return Err(csv_error(format!(
                "line {line}: a quote (\") opens a cell that never closes, so every row after it would be \
                 read into that one cell; close the quote or remove it"
            )));
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(format!("cannot read the header line: {e}")))?
            .clone();
        let notes = vec![format!(
            "{origin}: read as {}, {} separated",
            decoded.encoding.name(),
            if delimiter == b'\t' { "tab" } else { "comma" }
        )];
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record));
        }
        Table::from_records(origin, headers, rows, notes, known, required)
    }

    /// Maps a header to known columns and keeps the rows that are not blank.
    pub(super) fn from_records(
        origin: &str,
        headers: csv::StringRecord,
        records: Vec<(u64, csv::StringRecord)>,
        mut notes: Vec<String>,
        known: &'static [Column],
        required: &[&'static str],
    ) -> Result<Table, StoreError> {
        let csv_error = |message: String| StoreError::Csv {
            origin: origin.to_owned(),
            message,
        };
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
        let rows = records
            .into_iter()
            .filter(|(_, record)| !record.iter().all(|cell| cell.trim().is_empty()))
            .collect();
        Ok(Table {
            origin: origin.to_owned(),
            columns,
            header_len: headers.len(),
            rows,
            notes,
        })
    }
}

/// The line where a quoted cell opens that never closes, read as the `csv` crate reads: a
/// quote opens a cell only at its start, `""` inside is a quote, and after the closing quote
/// the cell goes on to the next separator.
pub(super) fn unclosed_quote(text: &[u8], delimiter: u8) -> Option<u64> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        CellStart,
        InCell,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    let mut line = 1u64;
    let mut opened_at = 0u64;
    for &b in text {
        state = match (state, b) {
            (State::CellStart, b'"') => {
                opened_at = line;
                State::Quoted
            }
            (State::CellStart | State::InCell, b) if b == delimiter || b == b'\n' => State::CellStart,
            (State::CellStart | State::InCell, _) => State::InCell,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b) if b == delimiter || b == b'\n' => State::CellStart,
            (State::QuoteInQuoted, _) => State::InCell,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    (state == State::Quoted).then_some(opened_at)
}

/// Header comparison key: no BOM, no required-field star, no unit in brackets ("薪资(元/月)").
pub(super) fn header_key(header: &str) -> String {
    let header = header.trim_start_matches('\u{FEFF}');
    let header: String = header.chars().map(halfwidth).collect();
    let header = header.split(['(', '（']).next().unwrap_or("");
    fold(header.trim_matches(|c: char| c == '*' || c.is_whitespace()))
}

/// One row being read; collects every problem of the row.
pub(super) struct Row<'t> {
    table: &'t Table,
    record: &'t csv::StringRecord,
    line: u64,
    pub(super) problems: Vec<BadRow>,
}

impl<'t> Row<'t> {
    pub(super) fn new(table: &'t Table, line: u64, record: &'t csv::StringRecord) -> Self {
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

    pub(super) fn has(&self, column: &str) -> bool {
        self.table.columns.contains_key(column)
    }

    /// The trimmed cell, or "" when the column is absent or the row is short. The `'` an
    /// export puts before a cell that a spreadsheet would run as a formula is taken off again.
    pub(super) fn text(&self, column: &str) -> &'t str {
        let cell = self
            .table
            .columns
            .get(column)
            .and_then(|(index, _)| self.record.get(*index))
            .map_or("", str::trim);
        match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
            _ => cell,
        }
    }

    pub(super) fn problem(&mut self, column: Option<&str>, reason: String) {
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
    pub(super) fn parse<T>(&mut self, column: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let cell = self.text(column);
        match parse(cell) {
            Ok(value) => Some(value),
            Err(reason) => {
                self.problem(Some(column), reason);
                None
            }
        }
    }

    pub(super) fn required(&mut self, column: &str) -> Option<String> {
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
    pub(super) fn content_hash(&self) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_at_its_line() {
        assert_eq!(unclosed_quote(b"a,b\n1,\"x\n2,y\n", b','), Some(2));
        assert_eq!(unclosed_quote(b"a,b\n1,\"x\n\"\"y\",z\n2,y\n", b','), None);
        assert_eq!(unclosed_quote(b"a,b\n1,say \"hi\n2,y\n", b','), None);
        // A doubled quote inside quotes is a quote, not the end: this cell never closes.
        assert_eq!(unclosed_quote(b"a\tb\n\"q\"\"\topen\n", b'\t'), Some(2));
        // The same cell closed after the tab, with text after the closing quote, is closed.
        assert_eq!(unclosed_quote(b"a\tb\n\"q\"\"\t\"open\n", b'\t'), None);
    }

    #[test]
    fn header_key_ignores_units_and_stars() {
        assert_eq!(header_key("\u{FEFF}薪资（元/月）"), fold("薪资"));
        assert_eq!(header_key(" 姓名* "), fold("姓名"));
        assert_eq!(header_key("Salary_Min"), fold("salary_min"));
    }
}

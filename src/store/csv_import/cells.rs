//! Parsing single cells: salaries, years, counts, yes/no, lists of labels; and the stable
//! content hash that generated ids come from.

use std::collections::HashMap;

use crate::model::{InterviewHours, LocalTime, SalaryRange, Yuan};
use crate::text::{fold, halfwidth};

use super::columns::Row;
use super::importer::Seen;

/// FNV-1a: tiny and, unlike std's hasher, guaranteed stable across builds, which ids need.
pub(super) struct Fnv(u64);

impl Fnv {
    pub(super) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(super) fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) fn hash_str(text: &str) -> u64 {
    let mut hash = Fnv::new();
    hash.write(text.as_bytes());
    hash.finish()
}

/// `prefix-XXXXXXXXXX` from a content hash; identical rows get `-2`, `-3`, ... in file order.
pub(super) fn unique_generated(prefix: &str, hash: u64, seen: &HashMap<String, Seen>) -> String {
    let base = format!("{prefix}-{:010X}", hash >> 24);
    if !seen.contains_key(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !seen.contains_key(id))
        .unwrap_or(base)
}

pub(super) fn unknown(what: &str, cell: &str, expected: &str) -> String {
    format!("unknown {what} `{cell}`; expected one of {expected}")
}

/// The first whole number in `text` ("3年以上" → 3), if any.
pub(super) fn first_number(text: &str) -> Option<u64> {
    let text: String = text.chars().map(halfwidth).collect();
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

pub(super) fn is_unspecified(cell: &str) -> bool {
    matches!(
        fold(cell).as_str(),
        "" | "不限" | "无" | "无要求" | "应届" | "应届生" | "any" | "none" | "no" | "n/a"
    )
}

pub(super) fn parse_openings(cell: &str) -> Result<u32, String> {
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

pub(super) fn parse_experience_minimum(cell: &str) -> Result<u8, String> {
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

pub(super) fn parse_years_of_experience(cell: &str) -> Result<u8, String> {
    parse_experience_minimum(cell)
}

pub(super) fn parse_year(cell: &str) -> Result<Option<u16>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    match first_number(cell).map(u16::try_from) {
        Some(Ok(year)) if (1950..=2100).contains(&year) => Ok(Some(year)),
        _ => Err(format!("`{cell}` is not a year; expected e.g. 2025")),
    }
}

pub(super) fn parse_yes_no(cell: &str) -> Result<bool, String> {
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
pub(super) fn parse_min_max(row: &mut Row) -> Option<Option<SalaryRange>> {
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

/// A local time as exports write it (`2026-06-20 09:30:00`), also with `T`, without seconds,
/// or with `/` in the date as spreadsheets write it.
pub(super) fn parse_local_time(cell: &str) -> Result<LocalTime, String> {
    let text = cell.trim().replace('/', "-");
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| chrono::NaiveDateTime::parse_from_str(&text, format).ok())
    .ok_or_else(|| format!("\"{cell}\" is not a date and time; expected e.g. 2026-06-20 09:30"))
}

/// A booth's interview hours from its three cells: all empty for none.
pub(super) fn parse_interview_hours(
    interviewers: &str,
    start: &str,
    end: &str,
) -> Result<Option<InterviewHours>, (&'static str, String)> {
    if interviewers.is_empty() && start.is_empty() && end.is_empty() {
        return Ok(None);
    }
    let interviewers = match interviewers.parse::<u32>() {
        Ok(n) if n > 0 => n,
        _ => {
            return Err((
                "interviewers",
                format!("\"{interviewers}\" is not a number of interviewers; expected a whole number from 1"),
            ));
        }
    };
    let start = parse_local_time(start).map_err(|e| ("interview_start", e))?;
    let end = parse_local_time(end).map_err(|e| ("interview_end", e))?;
    if end <= start {
        return Err(("interview_end", "is not after interview_start".into()));
    }
    Ok(Some(InterviewHours {
        start,
        end,
        interviewers,
        slot_minutes: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interview_hours_name_the_column_that_is_wrong() {
        assert_eq!(parse_interview_hours("", "", ""), Ok(None));
        let hours = parse_interview_hours("2", "2026/6/20 9:30", "2026-06-20T16:30:00")
            .ok()
            .flatten()
            .map(|h| (h.interviewers, h.start.format("%H:%M").to_string()));
        assert_eq!(hours, Some((2, "09:30".to_owned())));
        assert_eq!(parse_interview_hours("0", "", "").map_err(|e| e.0), Err("interviewers"));
        assert_eq!(
            parse_interview_hours("2", "soon", "").map_err(|e| e.0),
            Err("interview_start")
        );
        let backwards = parse_interview_hours("1", "2026-06-20 12:00", "2026-06-20 09:00");
        assert_eq!(backwards.map_err(|e| e.0), Err("interview_end"));
    }

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
    }
}

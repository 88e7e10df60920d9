//! A booth's shortlist: its visitors on one fair day (or all days) as the booth desk shows them
//! and exports them.

use std::collections::{HashMap, HashSet};

use super::fairday::booth_visits;
use crate::model::{BoothId, CandidateId, Fair, Lang, PositionId, Visit};

/// One shortlist row: name, position title, rating, next step, time, notes.
pub type Row = [String; 6];

/// The booth's visits on `day` (all days when `None`), in the order they were recorded.
pub fn rows(fair: &Fair, booth: &BoothId, day: Option<chrono::NaiveDate>, lang: Lang) -> Vec<Row> {
    let visits = booth_visits(fair, booth, day);
    // Only the names the visits need, each found once.
    let wanted: HashSet<&CandidateId> = visits.iter().map(|v| &v.candidate).collect();
    let names: HashMap<&CandidateId, &str> = fair
        .candidates
        .iter()
        .filter(|c| wanted.contains(&c.id))
        .map(|c| (&c.id, c.name.as_str()))
        .collect();
    let titles: HashMap<&PositionId, &str> = fair
        .positions
        .iter()
        .filter(|p| &p.booth == booth)
        .map(|p| (&p.id, p.title.as_str()))
        .collect();
    rows_of(
        &visits,
        day,
        lang,
        |id| names.get(id).map(|n| (*n).to_owned()),
        |id| titles.get(id).map(|t| (*t).to_owned()),
    )
}

/// Shortlist rows of `visits`, with names and titles found by `name_of` and `title_of`
/// (the id itself where they find none).
pub(super) fn rows_of(
    visits: &[&Visit],
    day: Option<chrono::NaiveDate>,
    lang: Lang,
    name_of: impl Fn(&CandidateId) -> Option<String>,
    title_of: impl Fn(&PositionId) -> Option<String>,
) -> Vec<Row> {
    // Several days shown: the time alone would not say which day.
    let time_format = if day.is_some() { "%H:%M" } else { "%Y-%m-%d %H:%M" };
    visits
        .iter()
        .map(|v| {
            [
                name_of(&v.candidate).unwrap_or_else(|| v.candidate.to_string()),
                v.position
                    .as_ref()
                    .map(|p| title_of(p).unwrap_or_else(|| p.to_string()))
                    .unwrap_or_default(),
                v.rating.map(|r| r.to_string()).unwrap_or_default(),
                v.next_step.label(lang).to_owned(),
                v.at.format(time_format).to_string(),
                v.notes.clone(),
            ]
        })
        .collect()
}

impl super::AppState {
    /// The booth desk's shortlist: `booth`'s visits on `day` (all days when `None`).
    pub fn shortlist(&self, booth: &BoothId, day: Option<chrono::NaiveDate>) -> Vec<Row> {
        let visits = booth_visits(&self.fair, booth, day);
        rows_of(
            &visits,
            day,
            self.prefs.lang,
            |id| self.candidate(id).map(|c| c.name.clone()),
            |id| self.position(id).map(|p| p.title.clone()),
        )
    }
}

/// The rows as CSV with a header in `lang`, UTF-8 with a byte-order mark so spreadsheet
/// programs read the Chinese.
pub fn csv(rows: &[Row], lang: Lang) -> Result<Vec<u8>, String> {
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let header = match lang {
            Lang::En => ["name", "position", "rating", "next step", "time", "notes"],
            Lang::Zh => ["姓名", "岗位", "评分", "下一步", "时间", "备注"],
        };
        w.write_record(header).map_err(|e| e.to_string())?;
        for r in rows {
            w.write_record(r).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

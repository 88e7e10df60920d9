//! One person's itinerary as an A4 PDF for the check-in desk to print: the fair, who it is for,
//! and their interviews and sessions in a table (time, booth, employer, position or session,
//! room), laid out and drawn with the report's machinery and font.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::model::{Lang, LocalTime};
use crate::store::write_atomically;

use super::ReportError;
use super::draw::draw;
use super::fonts::{self, Fonts};
use super::layout::{ACCENT, Align, INK, LEFT, Layout, MUTED, RIGHT, TableStyle};
use super::tables::Value;

/// What the itinerary shows, gathered from the fair by the caller. It holds no phone number or
/// e-mail address: the sheet is handed over a desk and may be left lying about.
#[derive(Debug, Clone, PartialEq)]
pub struct Itinerary {
    pub fair: String,
    pub name: String,
    pub id: String,
    pub badge: String,
    pub stops: Vec<ItineraryStop>,
}

/// One interview or session, in the words the sheet prints.
#[derive(Debug, Clone, PartialEq)]
pub struct ItineraryStop {
    pub start: LocalTime,
    pub end: LocalTime,
    /// The booth's id (an interview), or the hosts' ids (a session).
    pub booth: String,
    pub employer: String,
    /// The position's title, or the session's kind and title.
    pub what: String,
    pub room: String,
}

/// What a written itinerary holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItinerarySummary {
    pub bytes: usize,
    /// Font family embedded.
    pub font: String,
    /// Characters of the text the font has no glyph for (printed as empty boxes).
    pub missing: Vec<char>,
}

/// The itinerary's PDF and what [`write_itinerary`] reports of it. Fails with
/// [`ReportError::NoCjkFont`] when the system has no font with Chinese glyphs.
pub fn render_itinerary(itinerary: &Itinerary, lang: Lang) -> Result<(Vec<u8>, ItinerarySummary), ReportError> {
    let fonts = fonts::find()?;
    let mut layout = Layout::new(&fonts);
    heading(&mut layout, itinerary, lang);
    let t = |en: &str, zh: &str| lang.pick(en, zh).to_owned();
    if itinerary.stops.is_empty() {
        layout.paragraph(
            lang.pick("No interviews or sessions.", "暂无面试或对接会安排。"),
            11.0,
            false,
            MUTED,
        );
    } else {
        let columns = [
            t("Time", "时间"),
            t("Booth", "展位"),
            t("Employer", "单位"),
            t("Position / session", "岗位 / 活动"),
            t("Room", "地点"),
        ];
        let one_day = itinerary
            .stops
            .windows(2)
            .all(|w| w[0].start.date() == w[1].start.date());
        let rows: Vec<Vec<Value>> = itinerary
            .stops
            .iter()
            .map(|stop| {
                let time = if one_day {
                    format!("{}–{}", stop.start.format("%H:%M"), stop.end.format("%H:%M"))
                } else {
                    format!(
                        "{} {}–{}",
                        stop.start.format("%m-%d"),
                        stop.start.format("%H:%M"),
                        stop.end.format("%H:%M")
                    )
                };
                [
                    time,
                    stop.booth.clone(),
                    stop.employer.clone(),
                    stop.what.clone(),
                    stop.room.clone(),
                ]
                .into_iter()
                .map(Value::Text)
                .collect()
            })
            .collect();
        let widths = if one_day { 15.0 } else { 21.0 };
        let style = TableStyle { size: 10.5, wrap: true };
        layout.grid(&columns, &[widths, 10.0, 30.0, 32.0, 14.0], &rows, style);
    }
    layout.footers(&itinerary.fair, lang, 0);
    let missing = missing_glyphs(&fonts, itinerary);
    let title = format!("{} – {}", itinerary.fair, itinerary.name);
    let bytes = draw(&layout.pages, &fonts, &title, lang, &|_| {}, &AtomicBool::new(false))?;
    let summary = ItinerarySummary {
        bytes: bytes.len(),
        font: fonts.family.clone(),
        missing,
    };
    Ok((bytes, summary))
}

/// Renders the itinerary and replaces `path` with it atomically; a failure leaves an existing
/// file as it was.
pub fn write_itinerary(itinerary: &Itinerary, lang: Lang, path: &Path) -> Result<ItinerarySummary, ReportError> {
    let (bytes, summary) = render_itinerary(itinerary, lang)?;
    write_atomically(path, &bytes).map_err(ReportError::Write)?;
    Ok(summary)
}

/// The fair, a large title with the person's name, their id and badge, and the day.
fn heading(layout: &mut Layout, itinerary: &Itinerary, lang: Lang) {
    layout.paragraph(&itinerary.fair, 11.0, true, ACCENT);
    layout.y += 6.0;
    let title = lang.pick("Itinerary", "个人行程");
    layout.text_at(LEFT, layout.y + 12.0, 12.0, false, MUTED, Align::Left, title);
    layout.y += 20.0;
    layout.paragraph(&itinerary.name, 22.0, true, INK);
    let mut who = format!("{} {}", lang.pick("ID", "编号"), itinerary.id);
    if !itinerary.badge.is_empty() {
        who.push_str(&format!("   {} {}", lang.pick("Badge", "胸卡号"), itinerary.badge));
    }
    let mut days: Vec<_> = itinerary.stops.iter().map(|s| s.start.date()).collect();
    days.dedup();
    if let [day] = days.as_slice() {
        who.push_str(&format!("   {} {}", lang.pick("Date", "日期"), day.format("%Y-%m-%d")));
    }
    layout.paragraph(&who, 11.0, false, INK);
    layout.y += 8.0;
    layout.line((LEFT, layout.y), (RIGHT, layout.y), 1.2, ACCENT);
    layout.y += 14.0;
}

/// The characters of the sheet the font cannot draw, each once, in the order they appear.
fn missing_glyphs(fonts: &Fonts, itinerary: &Itinerary) -> Vec<char> {
    let texts = [&itinerary.fair, &itinerary.name, &itinerary.id, &itinerary.badge]
        .into_iter()
        .chain(
            itinerary
                .stops
                .iter()
                .flat_map(|s| [&s.booth, &s.employer, &s.what, &s.room]),
        );
    let mut missing = Vec::new();
    for c in texts.flat_map(|t| t.chars()) {
        if !c.is_whitespace() && !fonts.regular.has(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(day: u32, minute: u32) -> ItineraryStop {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 6, day)
            .and_then(|d| d.and_hms_opt(8 + minute / 60, minute % 60, 0))
            .expect("valid time");
        ItineraryStop {
            start,
            end: start + chrono::Duration::minutes(15),
            booth: "A-001".into(),
            employer: "青岛元界沉浸式科技有限公司".into(),
            what: "面试 · 资深图形渲染工程师（虚拟现实方向，含实习转正）".into(),
            room: String::new(),
        }
    }

    fn pages(itinerary: &Itinerary) -> usize {
        let (bytes, summary) = render_itinerary(itinerary, Lang::Zh).expect("a CJK font (fonts-noto-cjk)");
        assert_eq!(summary.bytes, bytes.len());
        lopdf::Document::load_mem(&bytes).expect("parses").get_pages().len()
    }

    #[test]
    fn a_long_itinerary_runs_onto_more_pages_and_an_empty_one_still_prints() {
        let mut itinerary = Itinerary {
            fair: "青岛归雁招聘会".into(),
            name: "张伟".into(),
            id: "C-1".into(),
            badge: String::new(),
            stops: vec![],
        };
        assert_eq!(pages(&itinerary), 1);
        itinerary.stops = (0..50).map(|k| stop(20 + k / 25, (k % 25) * 20)).collect();
        assert!(pages(&itinerary) >= 2);
    }
}

//! A candidate's day, printable: their interviews (time, booth, employer, position) and the
//! sessions they are invited to or came to, in time order; written by a job (Print itinerary…
//! at the check-in desk and in the Schedule view) as a PDF, or as text for a `.txt` path.

use std::path::{Path, PathBuf};

use super::{Message, Task, done, failed};
use crate::app::AppState;
use crate::model::{CandidateId, Fair, Interview, Lang, LocalTime, Session};
use crate::report::{FONT_PACKAGE, Itinerary, ItineraryStop, ReportError, write_itinerary};

/// Whether an itinerary path asks for plain text (`.txt`); anything else gets a PDF.
fn is_text(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("txt"))
}

pub(super) fn export(state: &AppState, candidate: CandidateId, lang: Lang, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let name = super::file_name(&path);
    let label = Message::new(format!("Writing {name}"), format!("正在写入 {name}"));
    let summary = || Message::new("Could not write the itinerary", "无法写入行程");
    Task::new(label, false, move |_| {
        let Some(sheet) = itinerary_of(&snapshot, &candidate, lang) else {
            return failed(summary(), format!("no candidate with id {candidate}"));
        };
        drop(snapshot);
        let written = Message::new(
            format!("Itinerary of {candidate} written to {}", path.display()),
            format!("{candidate} 的行程已写入 {}", path.display()),
        );
        if is_text(&path) {
            // A byte-order mark, so Notepad and printing tools read the Chinese as UTF-8.
            let bytes = [&b"\xEF\xBB\xBF"[..], itinerary_text(&sheet, lang).as_bytes()].concat();
            return match crate::store::write_atomically(&path, &bytes) {
                Ok(()) => done(written),
                Err(e) => failed(summary(), e.to_string()),
            };
        }
        match write_itinerary(&sheet, lang, &path) {
            Ok(pdf) if pdf.missing.is_empty() => done(written),
            // Written, but some characters print as boxes: say which, not silently.
            Ok(pdf) => {
                let chars: String = pdf.missing.iter().collect();
                done(Message::new(
                    format!("{}; the font {} lacks {chars}, printed as boxes", written.en, pdf.font),
                    format!("{}；字体 {} 缺少“{chars}”，将显示为方框", written.zh, pdf.font),
                ))
            }
            Err(ReportError::NoCjkFont) => failed(
                summary(),
                format!(
                    "no font with Chinese characters was found on this system, and the PDF needs one; install one \
                     (on Debian or Ubuntu: `sudo apt-get install {FONT_PACKAGE}`; elsewhere Noto Sans CJK or Source \
                     Han Sans), or print the itinerary as text by choosing a .txt file"
                ),
            ),
            Err(e) => failed(summary(), e.to_string()),
        }
    })
}

/// One stop of a candidate's day, in time order (see [`itinerary`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stop<'a> {
    Interview(&'a Interview),
    Session(&'a Session),
}

impl Stop<'_> {
    pub fn start(&self) -> LocalTime {
        match self {
            Stop::Interview(i) => i.start,
            Stop::Session(s) => s.start,
        }
    }
}

/// `candidate`'s interviews, and the sessions they are invited to or came to, in time order:
/// what the printed itinerary shows; the Schedule view and the check-in desk list its interviews.
pub fn itinerary<'a>(fair: &'a Fair, candidate: &CandidateId) -> Vec<Stop<'a>> {
    let interviews = fair
        .interviews
        .iter()
        .filter(|i| &i.candidate == candidate)
        .map(Stop::Interview);
    let sessions = fair
        .sessions
        .iter()
        .filter(|s| s.invitees.contains(candidate) || s.attended.contains(candidate))
        .map(Stop::Session);
    let mut stops: Vec<Stop> = interviews.chain(sessions).collect();
    stops.sort_by_key(Stop::start);
    stops
}

/// What the printed itinerary of `candidate` shows, in `lang`; `None` when the fair has no
/// such candidate. Their name, id and badge only: no phone or e-mail.
pub fn itinerary_of(fair: &Fair, candidate: &CandidateId, lang: Lang) -> Option<Itinerary> {
    let person = fair.candidates.iter().find(|c| &c.id == candidate)?;
    let employer = |booth: &crate::model::BoothId| {
        fair.booths
            .iter()
            .find(|b| &b.id == booth)
            .map_or(String::new(), |b| b.employer.clone())
    };
    let stops = itinerary(fair, candidate)
        .into_iter()
        .map(|stop| match stop {
            Stop::Interview(interview) => {
                let title = interview
                    .position
                    .as_ref()
                    .and_then(|p| fair.positions.iter().find(|q| &q.id == p))
                    .map_or(String::new(), |p| format!(" · {}", p.title));
                ItineraryStop {
                    start: interview.start,
                    end: interview.end,
                    booth: interview.booth.to_string(),
                    employer: employer(&interview.booth),
                    what: format!("{}{title}", lang.pick("Interview", "面试")),
                    room: String::new(),
                }
            }
            Stop::Session(session) => {
                let hosts: Vec<String> = session.hosts.iter().map(ToString::to_string).collect();
                let employers: Vec<String> = session.hosts.iter().map(employer).filter(|e| !e.is_empty()).collect();
                ItineraryStop {
                    start: session.start,
                    end: session.end,
                    booth: hosts.join(", "),
                    employer: employers.join(lang.pick(", ", "、")),
                    what: format!("{} · {}", session.kind.label(lang), session.title),
                    room: session.room.clone(),
                }
            }
        })
        .collect();
    Some(Itinerary {
        fair: if fair.meta.name.is_empty() {
            fair.meta.id.to_string()
        } else {
            fair.meta.name.clone()
        },
        name: person.name.clone(),
        id: person.id.to_string(),
        badge: person.badge.clone(),
        stops,
    })
}

/// The itinerary as plain text lines: the fair, who it is for, then one line per interview or
/// session (day, time, what, booth and employer, room).
pub fn itinerary_text(sheet: &Itinerary, lang: Lang) -> String {
    let hm = |t: LocalTime| t.format("%H:%M").to_string();
    let mut text = format!("{}\n", sheet.fair);
    let badge = if sheet.badge.is_empty() {
        String::new()
    } else {
        format!(" · {}", sheet.badge)
    };
    text.push_str(&format!(
        "{}: {} ({}){badge}\n\n",
        lang.pick("Itinerary of", "行程"),
        sheet.name,
        sheet.id
    ));
    if sheet.stops.is_empty() {
        text.push_str(lang.pick("No interviews or sessions.\n", "暂无面试或对接会安排。\n"));
    }
    for stop in &sheet.stops {
        let place = [stop.booth.as_str(), stop.employer.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<&str> = [stop.what.as_str(), place.as_str(), stop.room.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        text.push_str(&format!(
            "{} {}–{}  {}\n",
            stop.start.format("%m-%d"),
            hm(stop.start),
            hm(stop.end),
            parts.join("  ")
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_itinerary_lists_interviews_and_sessions_in_time_order() {
        let mut fair = crate::generate::sample_fair();
        let candidate = fair.sessions[0].invitees[0].clone();
        let start = fair.sessions[0].start - chrono::Duration::hours(1);
        fair.interviews.push(crate::model::Interview {
            candidate: candidate.clone(),
            booth: fair.booths[0].id.clone(),
            position: None,
            start,
            end: start + chrono::Duration::minutes(15),
        });
        let sheet = itinerary_of(&fair, &candidate, Lang::Zh).expect("in the fair");
        let text = itinerary_text(&sheet, Lang::Zh);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with("行程: "), "{text}");
        assert!(lines[3].contains("面试"), "{text}");
        assert!(lines[4].contains(&fair.sessions[0].title), "{text}");
        assert!(itinerary_of(&fair, &CandidateId::new("nobody"), Lang::En).is_none());
    }
}

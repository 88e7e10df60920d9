//! A candidate's day as printable text: their interviews (time, booth, employer, position)
//! and the sessions they are invited to or came to, in time order; written to a file by a job
//! (Print itinerary… at the check-in desk and in the Schedule view).

use std::path::PathBuf;

use super::{Message, Task, done, failed};
use crate::app::AppState;
use crate::model::{CandidateId, Fair, Interview, Lang, LocalTime, Session};

pub(super) fn export(state: &AppState, candidate: CandidateId, lang: Lang, path: PathBuf) -> Task {
    let snapshot = state.fair.share();
    let name = super::file_name(&path);
    let label = Message::new(format!("Writing {name}"), format!("正在写入 {name}"));
    let summary = || Message::new("Could not write the itinerary", "无法写入行程");
    Task::new(label, false, move |_| {
        let Some(text) = itinerary_text(&snapshot, &candidate, lang) else {
            return failed(summary(), format!("no candidate with id {candidate}"));
        };
        drop(snapshot);
        // A byte-order mark, so Notepad and printing tools read the Chinese as UTF-8.
        let bytes = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
        match crate::store::write_atomically(&path, &bytes) {
            Ok(()) => done(Message::new(
                format!("Itinerary of {candidate} written to {}", path.display()),
                format!("{candidate} 的行程已写入 {}", path.display()),
            )),
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
/// what the Schedule view, the check-in desk and the printed itinerary show.
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

/// The itinerary of `candidate` as plain text lines (a heading, then one line per interview or
/// session); `None` when the fair has no such candidate.
pub fn itinerary_text(fair: &Fair, candidate: &CandidateId, lang: Lang) -> Option<String> {
    let person = fair.candidates.iter().find(|c| &c.id == candidate)?;
    let hm = |t: LocalTime| t.format("%H:%M").to_string();
    let line = |start: LocalTime, end: LocalTime, rest: String| {
        format!("{} {}–{}  {rest}", start.format("%m-%d"), hm(start), hm(end))
    };
    let rows: Vec<String> = itinerary(fair, candidate)
        .into_iter()
        .map(|stop| match stop {
            Stop::Interview(interview) => {
                let booth = fair.booths.iter().find(|b| b.id == interview.booth);
                let employer = booth.map_or("", |b| b.employer.as_str());
                let title = interview
                    .position
                    .as_ref()
                    .and_then(|p| fair.positions.iter().find(|q| &q.id == p))
                    .map_or(String::new(), |p| format!(" · {}", p.title));
                let what = lang.pick("Interview", "面试");
                line(
                    interview.start,
                    interview.end,
                    format!("{what}  {} {employer}{title}", interview.booth),
                )
            }
            Stop::Session(session) => line(
                session.start,
                session.end,
                format!("{}  {} {}", session.kind.label(lang), session.room, session.title),
            ),
        })
        .collect();
    let mut text = format!("{}\n", fair.meta.name);
    let badge = if person.badge.is_empty() {
        String::new()
    } else {
        format!(" · {}", person.badge)
    };
    text.push_str(&format!(
        "{}: {} ({}){badge}\n\n",
        lang.pick("Itinerary of", "行程"),
        person.name,
        person.id
    ));
    if rows.is_empty() {
        text.push_str(lang.pick("No interviews or sessions.\n", "暂无面试或对接会安排。\n"));
    }
    for row in rows {
        text.push_str(&row);
        text.push('\n');
    }
    Some(text)
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
        let text = itinerary_text(&fair, &candidate, Lang::Zh).expect("in the fair");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with("行程: "), "{text}");
        assert!(lines[3].contains("面试"), "{text}");
        assert!(lines[4].contains(&fair.sessions[0].title), "{text}");
        assert!(itinerary_text(&fair, &CandidateId::new("nobody"), Lang::En).is_none());
    }
}

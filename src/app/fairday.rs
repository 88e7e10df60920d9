//! Fair-day desk logic: finding a candidate from what arrives at a desk, checking in,
//! registering walk-ins and recording visits. Every action is recorded as a [`StationEvent`]
//! in `fair.events` and applied to the fair in the same step, so the two always agree.
//!
//! Pure logic, no egui: the entrance and booth desk screens call into this.

use std::collections::HashMap;

use rand::TryRngCore;

use crate::model::{
    BoothId, Candidate, CandidateId, EventId, EventKind, Fair, LocalTime, NextStep, PipelineStatus, PositionId,
    SessionId, StationEvent, StationId, Visit, VisitId,
};

/// Phone lookups need at least this many trailing digits; fewer match too many people.
pub const MIN_PHONE_DIGITS: usize = 4;

/// A fresh 128-bit random hex string. Falls back to time and a per-process random hash
/// if the OS source fails, so recording an event never fails.
fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    if rand::rngs::OsRng.try_fill_bytes(&mut bytes).is_err() {
        use std::hash::{BuildHasher, Hasher};
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        for (chunk_index, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u128(nanos);
            hasher.write_usize(chunk_index);
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new event id, unique over all stations and runs.
pub fn new_event_id(station: &StationId) -> EventId {
    EventId(format!("{station}-{}", random_hex()))
}

// Keys shared with the importer and merge live in `crate::text`; re-exported for callers here.
pub use crate::text::{email_key, phone_digits, pinyin_keys};
use crate::text::{fold as text_key, halfwidth, national};

/// How a lookup found a candidate, for showing at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchedBy {
    Badge,
    Id,
    Phone,
    Email,
    Name,
    Pinyin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskMatch {
    /// Index into `fair.candidates`.
    pub index: usize,
    pub by: MatchedBy,
}

/// Lookup indexes over a fair's candidates so a desk finds anyone among 100,000 at once.
/// Built once; [`DeskIndex::insert`] keeps it current when a walk-in is added.
#[derive(Debug, Default, Clone)]
pub struct DeskIndex {
    by_id: HashMap<CandidateId, usize>,
    by_badge: HashMap<String, usize>,
    /// Last [`MIN_PHONE_DIGITS`] digits → candidates; longer queries filter these.
    by_phone_tail: HashMap<String, Vec<usize>>,
    by_email: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// Full pinyin and initials → candidates.
    by_pinyin: HashMap<String, Vec<usize>>,
    /// Normalized phone digits per candidate, to filter suffix hits without re-parsing.
    phones: Vec<String>,
}

impl DeskIndex {
    pub fn build(fair: &Fair) -> Self {
        let mut index = Self::default();
        for (i, candidate) in fair.candidates.iter().enumerate() {
            index.insert(i, candidate);
        }
        index
    }

    /// Adds the candidate at `index` of `fair.candidates`. Call after every push.
    pub fn insert(&mut self, index: usize, candidate: &Candidate) {
        self.by_id.insert(candidate.id.clone(), index);
        let badge = text_key(&candidate.badge);
        if !badge.is_empty() {
            // The first holder keeps a clashing badge; validation reports the clash.
            self.by_badge.entry(badge).or_insert(index);
        }
        let digits = phone_digits(&candidate.phone);
        if digits.len() >= MIN_PHONE_DIGITS {
            let tail = digits[digits.len() - MIN_PHONE_DIGITS..].to_owned();
            self.by_phone_tail.entry(tail).or_default().push(index);
        }
        if self.phones.len() <= index {
            self.phones.resize(index + 1, String::new());
        }
        self.phones[index] = digits;
        let email = email_key(&candidate.email);
        if !email.is_empty() {
            self.by_email.entry(email).or_default().push(index);
        }
        let name = text_key(&candidate.name);
        if !name.is_empty() {
            self.by_name.entry(name).or_default().push(index);
        }
        if let Some((full, initials)) = pinyin_keys(&candidate.name) {
            if initials != full {
                self.by_pinyin.entry(initials).or_default().push(index);
            }
            self.by_pinyin.entry(full).or_default().push(index);
        }
    }

    pub fn has_badge(&self, badge: &str) -> bool {
        self.by_badge.contains_key(&text_key(badge))
    }

    /// Index of a candidate by id.
    pub fn position_of(&self, id: &CandidateId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Candidates whose phone number, reduced to digits, equals `digits`.
    pub fn with_phone(&self, digits: &str) -> Vec<usize> {
        if digits.len() < MIN_PHONE_DIGITS {
            return Vec::new();
        }
        let digits = national(digits);
        self.phone_suffix(digits)
            .into_iter()
            .filter(|&i| national(&self.phones[i]) == digits)
            .collect()
    }

    /// Candidates with this email, compared case-insensitively.
    pub fn with_email(&self, email: &str) -> Vec<usize> {
        self.by_email.get(&email_key(email)).cloned().unwrap_or_default()
    }

    fn phone_suffix(&self, digits: &str) -> Vec<usize> {
        let tail = &digits[digits.len() - MIN_PHONE_DIGITS..];
        self.by_phone_tail
            .get(tail)
            .map(|hits| {
                hits.iter()
                    .copied()
                    .filter(|&i| self.phones.get(i).is_some_and(|p| p.ends_with(digits)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Finds candidates from what was typed or scanned at a desk: an exact badge code (which
    /// wins alone), a candidate id, the last digits of a phone (at least four), an email, a name,
    /// or the full pinyin or initials of a Chinese name. Matches come in `fair.candidates` order.
    pub fn lookup(&self, query: &str) -> Vec<DeskMatch> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let key = text_key(query);
        if let Some(&index) = self.by_badge.get(&key) {
            return vec![DeskMatch {
                index,
                by: MatchedBy::Badge,
            }];
        }
        let mut found: Vec<DeskMatch> = Vec::new();
        let mut add = |indices: &[usize], by: MatchedBy| {
            found.extend(indices.iter().map(|&index| DeskMatch { index, by }));
        };
        if let Some(&index) = self.by_id.get(&CandidateId::new(query)) {
            add(&[index], MatchedBy::Id);
        }
        let looks_like_phone = query
            .chars()
            .map(halfwidth)
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'));
        let digits = phone_digits(query);
        if looks_like_phone && digits.len() >= MIN_PHONE_DIGITS {
            add(&self.phone_suffix(&digits), MatchedBy::Phone);
        }
        if query.contains('@') {
            add(&self.with_email(query), MatchedBy::Email);
        }
        if let Some(hits) = self.by_name.get(&key) {
            add(hits, MatchedBy::Name);
        }
        if key.chars().all(|c| c.is_ascii_alphanumeric())
            && let Some(hits) = self.by_pinyin.get(&key)
        {
            add(hits, MatchedBy::Pinyin);
        }
        // One entry per person, keeping the most specific way it was found.
        found.sort_by_key(|m| (m.index, m.by));
        found.dedup_by_key(|m| m.index);
        found
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Why a desk action could not be done. Nothing was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskError(pub String);

impl std::fmt::Display for DeskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeskError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInOutcome {
    CheckedIn {
        at: LocalTime,
    },
    /// A retried scan: nothing new was recorded.
    AlreadyCheckedIn {
        at: LocalTime,
    },
}

/// Checks in the candidate with `id`, once: a second check-in records nothing and reports
/// the time of the first.
pub fn check_in(
    fair: &mut Fair,
    desk: &DeskIndex,
    id: &CandidateId,
    station: &StationId,
    now: LocalTime,
) -> Result<CheckInOutcome, DeskError> {
    let index = desk
        .position_of(id)
        .filter(|&i| fair.candidates.get(i).is_some_and(|c| &c.id == id))
        .ok_or_else(|| DeskError(format!("no candidate with id {id}")))?;
    let candidate = &mut fair.candidates[index];
    if let Some(at) = candidate.checked_in {
        return Ok(CheckInOutcome::AlreadyCheckedIn { at });
    }
    candidate.checked_in = Some(now);
    fair.events.push(StationEvent {
        id: new_event_id(station),
        station: station.clone(),
        at: now,
        kind: EventKind::CheckIn { candidate: id.clone() },
    });
    Ok(CheckInOutcome::CheckedIn { at: now })
}

/// Checks `candidate` in at the door of `session`: they count as come, invited or not. A
/// second scan records nothing and says when they came.
pub fn session_check_in(
    fair: &mut Fair,
    desk: &DeskIndex,
    session: &SessionId,
    candidate: &CandidateId,
    station: &StationId,
    now: LocalTime,
) -> Result<CheckInOutcome, DeskError> {
    desk.position_of(candidate)
        .filter(|&i| fair.candidates.get(i).is_some_and(|c| &c.id == candidate))
        .ok_or_else(|| DeskError(format!("no candidate with id {candidate}")))?;
    let Some(at_session) = fair.sessions.iter_mut().find(|s| &s.id == session) else {
        return Err(DeskError(format!("no session with id {session}")));
    };
    if at_session.attended.contains(candidate) {
        let came = fair.events.iter().rev().find_map(|e| match &e.kind {
            EventKind::SessionCheckIn {
                session: s,
                candidate: c,
            } if s == session && c == candidate => Some(e.at),
            _ => None,
        });
        return Ok(CheckInOutcome::AlreadyCheckedIn {
            at: came.unwrap_or(now),
        });
    }
    at_session.attended.push(candidate.clone());
    fair.events.push(StationEvent {
        id: new_event_id(station),
        station: station.clone(),
        at: now,
        kind: EventKind::SessionCheckIn {
            session: session.clone(),
            candidate: candidate.clone(),
        },
    });
    Ok(CheckInOutcome::CheckedIn { at: now })
}

/// What identified an existing person during walk-in registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameAs {
    Phone,
    Email,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkInOutcome {
    /// A new candidate, added and checked in.
    Registered { index: usize, id: CandidateId },
    /// The phone or email belongs to someone already in the fair: nothing was added,
    /// the desk opens that person instead.
    Existing { index: usize, same: SameAs },
}

/// Registers someone who did not sign up beforehand. A phone or email already in the fair
/// returns that person rather than creating a duplicate. An empty or taken id or badge is
/// replaced by a fresh one.
pub fn register_walk_in(
    fair: &mut Fair,
    desk: &mut DeskIndex,
    mut candidate: Candidate,
    station: &StationId,
    now: LocalTime,
) -> Result<WalkInOutcome, DeskError> {
    candidate.name = candidate.name.trim().to_owned();
    candidate.phone = candidate.phone.trim().to_owned();
    candidate.email = candidate.email.trim().to_owned();
    if candidate.name.is_empty() {
        return Err(DeskError("a walk-in needs a name".into()));
    }
    let digits = phone_digits(&candidate.phone);
    if digits.is_empty() && candidate.email.is_empty() {
        return Err(DeskError("a walk-in needs a phone number or an email".into()));
    }
    if !candidate.phone.is_empty() && digits.len() < 7 {
        return Err(DeskError(format!(
            "phone {} has {} digits; expected at least 7",
            candidate.phone,
            digits.len()
        )));
    }
    if !candidate.email.is_empty() && !candidate.email.contains('@') {
        return Err(DeskError(format!("email {} has no @", candidate.email)));
    }
    if let Some(&index) = desk.with_phone(&digits).first() {
        return Ok(WalkInOutcome::Existing {
            index,
            same: SameAs::Phone,
        });
    }
    if !candidate.email.is_empty()
        && let Some(&index) = desk.with_email(&candidate.email).first()
    {
        return Ok(WalkInOutcome::Existing {
            index,
            same: SameAs::Email,
        });
    }

    let event_id = new_event_id(station);
    if candidate.id.0.trim().is_empty() || desk.position_of(&candidate.id).is_some() {
        candidate.id = CandidateId(format!("W{}", &random_hex()[..16]));
    }
    if candidate.badge.trim().is_empty() || desk.has_badge(&candidate.badge) {
        candidate.badge = candidate.id.0.clone();
    }
    candidate.checked_in = Some(now);
    let index = fair.candidates.len();
    desk.insert(index, &candidate);
    let id = candidate.id.clone();
    fair.events.push(StationEvent {
        id: event_id,
        station: station.clone(),
        at: now,
        kind: EventKind::WalkIn {
            candidate: candidate.clone(),
        },
    });
    fair.candidates.push(candidate);
    Ok(WalkInOutcome::Registered { index, id })
}

/// What booth staff enter for one visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitDraft {
    pub candidate: CandidateId,
    pub booth: BoothId,
    pub position: Option<PositionId>,
    pub rating: Option<u8>,
    pub notes: String,
    pub next_step: NextStep,
}

/// Records a visit at a booth. The candidate, booth and position must exist and the position
/// must belong to the booth; the rating is 1 to 5.
pub fn record_visit(
    fair: &mut Fair,
    desk: &DeskIndex,
    draft: VisitDraft,
    station: &StationId,
    now: LocalTime,
) -> Result<VisitId, DeskError> {
    if desk.position_of(&draft.candidate).is_none() {
        return Err(DeskError(format!("no candidate with id {}", draft.candidate)));
    }
    if !fair.booths.iter().any(|b| b.id == draft.booth) {
        return Err(DeskError(format!("no booth {}", draft.booth)));
    }
    if let Some(position_id) = &draft.position {
        match fair.positions.iter().find(|p| &p.id == position_id) {
            None => return Err(DeskError(format!("no position {position_id}"))),
            Some(p) if p.booth != draft.booth => {
                return Err(DeskError(format!(
                    "position {position_id} belongs to booth {}, not {}",
                    p.booth, draft.booth
                )));
            }
            Some(_) => {}
        }
    }
    if let Some(rating) = draft.rating
        && !(1..=5).contains(&rating)
    {
        return Err(DeskError(format!("rating {rating}; expected 1 to 5")));
    }
    let event_id = new_event_id(station);
    let visit = Visit {
        id: VisitId(format!("V-{event_id}")),
        candidate: draft.candidate,
        booth: draft.booth,
        position: draft.position,
        at: now,
        rating: draft.rating,
        notes: draft.notes.trim().to_owned(),
        next_step: draft.next_step,
        status: PipelineStatus::Open,
    };
    let id = visit.id.clone();
    fair.events.push(StationEvent {
        id: event_id,
        station: station.clone(),
        at: now,
        kind: EventKind::Visit { visit: visit.clone() },
    });
    fair.visits.push(visit);
    Ok(id)
}

/// Which fair day a booth's shortlist shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShortlistDay {
    /// The local date the desk runs on.
    #[default]
    Today,
    Day(chrono::NaiveDate),
    All,
}

impl ShortlistDay {
    /// The date shown, `None` for all days. `today` is the desk's local date.
    pub fn date(self, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        match self {
            ShortlistDay::Today => Some(today),
            ShortlistDay::Day(day) => Some(day),
            ShortlistDay::All => None,
        }
    }
}

/// A booth's visits on one fair day (the local date of the visit time), or on all days when
/// `day` is `None`, in the order they were recorded.
pub fn booth_visits<'a>(fair: &'a Fair, booth: &BoothId, day: Option<chrono::NaiveDate>) -> Vec<&'a Visit> {
    fair.visits
        .iter()
        .filter(|v| &v.booth == booth && day.is_none_or(|d| v.at.date() == d))
        .collect()
}

/// The days on which `booth` had visits, latest first.
pub fn booth_visit_days(fair: &Fair, booth: &BoothId) -> Vec<chrono::NaiveDate> {
    let mut days: Vec<chrono::NaiveDate> = booth_visits(fair, booth, None).iter().map(|v| v.at.date()).collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    days
}

/// Checked-in and registered counts, for the entrance desk's live counter.
pub fn checked_in_count(fair: &Fair) -> (usize, usize) {
    let checked = fair.candidates.iter().filter(|c| c.checked_in.is_some()).count();
    (checked, fair.candidates.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desk_finds_full_width_phone_numbers_both_ways() {
        let mut fair = Fair::new(crate::model::FairId::new("f"), "f");
        let mut typed_full_width = Candidate::blank(CandidateId::new("C1"), "张伟");
        typed_full_width.phone = "１３８００１３８０００".into();
        let mut typed_plain = Candidate::blank(CandidateId::new("C2"), "Li Na");
        typed_plain.phone = "+86 139 0000 1111".into();
        fair.candidates = vec![typed_full_width, typed_plain];
        let desk = DeskIndex::build(&fair);
        assert_eq!(desk.with_phone("13800138000"), vec![0]);
        assert_eq!(desk.lookup("8000").iter().map(|m| m.index).collect::<Vec<_>>(), vec![0]);
        assert_eq!(
            desk.lookup("１１１１").iter().map(|m| m.index).collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(desk.with_phone(&phone_digits("＋８６１３９００００１１１１")), vec![1]);
        assert_eq!(desk.lookup("zw").iter().map(|m| m.index).collect::<Vec<_>>(), vec![0]);
    }
}

//! Bringing station logs into the organizer's fair.
//!
//! Merging is a union of events by id: an event already in the fair (same id, same content)
//! adds nothing, so merging a log twice or in any order gives the same fair. Each new event
//! is applied once: a walk-in adds its candidate, a check-in sets `checked_in` to the earliest
//! time seen, a visit adds the visit. Nothing a station recorded is dropped: clashes (two
//! different events or records under one id) keep both, under a suffixed id, and are reported.

use std::collections::{HashMap, HashSet};

mod duplicates;

pub use duplicates::{
    DuplicateGroup, DuplicateMember, MergedAway, aliases, possible_duplicates, resolve_duplicate, unresolve_duplicate,
};

use super::EditName;
use crate::model::{
    BoothId, Candidate, CandidateId, EventId, EventKind, Fair, LocalTime, STATION_LOG_VERSION, StationEvent, StationId,
    StationLog, Visit, VisitId,
};

/// Why logs could not be merged. The fair was not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub events_added: usize,
    /// Events the fair (or an earlier log of this merge) already had.
    pub events_already_present: usize,
    /// Candidates checked in for the first time.
    pub check_ins: usize,
    /// Candidates whose check-in moved earlier because another station saw them first.
    pub earlier_check_ins: usize,
    pub walk_ins: Vec<CandidateId>,
    pub visits_added: usize,
    /// Id clashes; both sides were kept.
    pub conflicts: Vec<String>,
    /// Events about candidates the fair does not have; kept, and shown to the organizer.
    pub unknown_candidates: Vec<String>,
    /// Visits at booths or about positions the fair does not have; kept, and shown.
    pub unknown_places: Vec<String>,
    /// Events about people whose data was erased: kept as anonymous records, the person is
    /// not brought back.
    pub erased_skipped: usize,
    pub possible_duplicates: Vec<DuplicateGroup>,
}

impl MergeReport {
    /// Human-readable lines for the command line and the window.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} new events ({} already present): {} check-ins ({} moved earlier), {} walk-ins, {} visits",
            self.events_added,
            self.events_already_present,
            self.check_ins,
            self.earlier_check_ins,
            self.walk_ins.len(),
            self.visits_added
        )];
        lines.extend(self.conflicts.iter().map(|c| format!("conflict: {c}")));
        lines.extend(
            self.unknown_candidates
                .iter()
                .map(|u| format!("unknown candidate: {u}")),
        );
        lines.extend(
            self.unknown_places
                .iter()
                .map(|u| format!("unknown booth or position: {u}")),
        );
        if self.erased_skipped > 0 {
            lines.push(format!(
                "{} event(s) about erased people kept as anonymous records; their data was not restored",
                self.erased_skipped
            ));
        }
        if !self.possible_duplicates.is_empty() {
            lines.push(format!(
                "{} possible duplicates to resolve:",
                self.possible_duplicates.len()
            ));
            for group in &self.possible_duplicates {
                let members: Vec<String> = group
                    .members
                    .iter()
                    .map(|m| match &m.walk_in_station {
                        Some(station) => format!("{} {} (walk-in at {station})", m.id, m.name),
                        None => format!("{} {} (registered)", m.id, m.name),
                    })
                    .collect();
                lines.push(format!("  same {}: {}", group.shared.join(", "), members.join("; ")));
            }
        }
        lines
    }
}

/// Refuses a log from another fair or from a newer build. `origin` names the log in messages.
pub fn check_log(fair: &Fair, log: &StationLog, origin: &str) -> Result<(), MergeError> {
    if log.format_version > STATION_LOG_VERSION {
        return Err(MergeError(format!(
            "{origin}: station log format_version {} is newer than this build supports ({STATION_LOG_VERSION}); \
             update fairmatch",
            log.format_version
        )));
    }
    if log.fair_id != fair.meta.id {
        return Err(MergeError(format!(
            "{origin}: this log belongs to fair {:?}, not to {:?} ({}); nothing was merged",
            log.fair_id.0, fair.meta.id.0, fair.meta.name
        )));
    }
    Ok(())
}

/// A log of the fair's events: one station's, or all of them when `station` is `None`.
pub fn station_log(fair: &Fair, station: Option<&StationId>) -> StationLog {
    StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: fair.meta.id.clone(),
        station: station.cloned(),
        events: fair
            .events
            .iter()
            .filter(|e| station.is_none_or(|s| &e.station == s))
            .cloned()
            .collect(),
    }
}

/// Stations that recorded events in the fair, in name order.
pub fn stations(fair: &Fair) -> Vec<StationId> {
    let mut stations: Vec<StationId> = fair.events.iter().map(|e| e.station.clone()).collect();
    stations.sort();
    stations.dedup();
    stations
}

/// Walk-ins first so check-ins and visits find their candidate, then by time and id.
fn kind_rank(kind: &EventKind) -> u8 {
    match kind {
        EventKind::WalkIn { .. } => 0,
        EventKind::CheckIn { .. } => 1,
        EventKind::Visit { .. } => 2,
    }
}

/// Equal as people, ignoring when they were checked in.
fn same_person(a: &Candidate, b: &Candidate) -> bool {
    let mut b = b.clone();
    b.checked_in = a.checked_in;
    *a == b
}

fn earliest(a: Option<LocalTime>, b: Option<LocalTime>) -> Option<LocalTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Merges logs into the fair as a union of events by id and applies the new ones. Every log is
/// checked first, so a refused log leaves the fair untouched.
pub fn merge_logs(fair: &mut Fair, logs: &[StationLog]) -> Result<MergeReport, MergeError> {
    merge_into(fair, logs).map(|(report, _)| report)
}

/// What merging station logs adds to a fair: the forward half of [`crate::app::Edit::MergeLogs`].
#[derive(Debug, Clone, PartialEq)]
pub struct LogMerge {
    pub name: EditName,
    /// Walk-ins new to the fair, appended.
    pub candidates: Vec<Candidate>,
    /// Candidates already in the fair whose check-in the merge sets: (id, check-in after).
    pub check_ins: Vec<(CandidateId, Option<LocalTime>)>,
    /// Visits new to the fair, appended.
    pub visits: Vec<Visit>,
    /// Events new to the fair, in canonical order; each goes to its place among the others.
    pub events: Vec<StationEvent>,
}

/// What undoes a merge, by id: the inverse half of [`crate::app::Edit::MergeLogs`].
#[derive(Debug, Clone, PartialEq)]
pub struct LogUnmerge {
    pub name: EditName,
    pub candidates: Vec<CandidateId>,
    /// (id, check-in before the merge).
    pub check_ins: Vec<(CandidateId, Option<LocalTime>)>,
    pub visits: Vec<VisitId>,
    /// Where the merged events stand in `fair.events` (ascending), with their ids.
    pub events: Vec<(usize, EventId)>,
}

/// Computes what merging `logs` into `fair` would add, without changing `fair`: the edit that
/// applies it (undoable as one step) and the report. Slow on a large fair (it merges into a
/// copy), so the window runs it as a job.
pub fn plan_merge(fair: &Fair, logs: &[StationLog]) -> Result<(LogMerge, MergeReport), MergeError> {
    let mut merged = fair.clone();
    let (report, event_positions) = merge_into(&mut merged, logs)?;
    // Merging appends candidates and visits, sets check-ins and inserts events; nothing else.
    let check_ins = fair
        .candidates
        .iter()
        .zip(&merged.candidates)
        .filter(|(before, after)| before.checked_in != after.checked_in)
        .map(|(_, after)| (after.id.clone(), after.checked_in))
        .collect();
    let events = event_positions.iter().map(|&i| merged.events[i].clone()).collect();
    let logs_count = logs.len();
    let merge = LogMerge {
        name: EditName::new(
            format!("merge {logs_count} station logs"),
            format!("合并 {logs_count} 份各机记录"),
        ),
        candidates: merged.candidates.split_off(fair.candidates.len()),
        check_ins,
        visits: merged.visits.split_off(fair.visits.len()),
        events,
    };
    Ok((merge, report))
}

/// Puts `fresh` (in canonical order) among `events`, each before the first event that sorts
/// after it; the events already there keep their order. Returns where the fresh ones landed.
pub fn insert_events(events: &mut Vec<StationEvent>, fresh: Vec<StationEvent>) -> Vec<usize> {
    if fresh.is_empty() {
        return Vec::new();
    }
    let old = std::mem::take(events);
    events.reserve(old.len() + fresh.len());
    let mut positions = Vec::with_capacity(fresh.len());
    let mut old = old.into_iter().peekable();
    for event in fresh {
        while let Some(next) = old.next_if(|o| o.canonical_cmp(&event) != std::cmp::Ordering::Greater) {
            events.push(next);
        }
        positions.push(events.len());
        events.push(event);
    }
    events.extend(old);
    positions
}

/// [`merge_logs`], also returning where the new events landed in `fair.events`.
fn merge_into(fair: &mut Fair, logs: &[StationLog]) -> Result<(MergeReport, Vec<usize>), MergeError> {
    for (i, log) in logs.iter().enumerate() {
        let origin = match &log.station {
            Some(station) => format!("log {} (station {station})", i + 1),
            None => format!("log {}", i + 1),
        };
        check_log(fair, log, &origin)?;
    }
    let mut report = MergeReport::default();
    // Older logs still hold erased people's data: scrub it the way erasing scrubbed the fair's
    // own events, so those events compare equal and nothing comes back.
    let scrubbed: Vec<StationLog>;
    let logs = if fair.erased.is_empty() {
        logs
    } else {
        scrubbed = logs
            .iter()
            .map(|log| {
                let mut log = log.clone();
                crate::model::scrub_erased_events(fair, &mut log.events);
                log
            })
            .collect();
        &scrubbed[..]
    };

    let mut known: HashMap<&crate::model::EventId, Vec<&StationEvent>> = HashMap::new();
    for event in &fair.events {
        known.entry(&event.id).or_default().push(event);
    }
    let mut fresh: Vec<StationEvent> = Vec::new();
    let mut fresh_ids: HashMap<&crate::model::EventId, Vec<usize>> = HashMap::new();
    let mut clashing: Vec<String> = Vec::new();
    for event in logs.iter().flat_map(|log| &log.events) {
        let in_fair = known.get(&event.id).map(Vec::as_slice).unwrap_or_default();
        let in_fresh = fresh_ids.get(&event.id).map(Vec::as_slice).unwrap_or_default();
        if in_fair.contains(&event) || in_fresh.iter().any(|&i| &fresh[i] == event) {
            report.events_already_present += 1;
            continue;
        }
        if !in_fair.is_empty() || !in_fresh.is_empty() {
            clashing.push(format!(
                "event {} from station {}: another event has the same id; both kept",
                event.id, event.station
            ));
        }
        fresh_ids.entry(&event.id).or_default().push(fresh.len());
        fresh.push(event.clone());
    }
    drop(fresh_ids);
    drop(known);
    report.conflicts.extend(clashing);
    report.events_added = fresh.len();
    fresh.sort_by(|a, b| {
        kind_rank(&a.kind)
            .cmp(&kind_rank(&b.kind))
            .then_with(|| a.canonical_cmp(b))
    });

    apply(fair, &fresh, &mut report);
    // Canonical order: the events already there are in it (every merge and every desk keeps
    // it); each new one goes to its place, so the merge is undone by removing them again.
    fresh.sort_by(StationEvent::canonical_cmp);
    let positions = insert_events(&mut fair.events, fresh);
    report.possible_duplicates = possible_duplicates(fair);
    Ok((report, positions))
}

/// Applies newly merged events to candidates and visits. `fresh` is in apply order.
fn apply(fair: &mut Fair, fresh: &[StationEvent], report: &mut MergeReport) {
    // People the organizer merged into another: whatever stations recorded for them counts
    // for the one kept, so a resolved duplicate does not come back.
    let aliases = aliases(fair);
    let kept = |id: &CandidateId| aliases.get(id).unwrap_or(id).clone();
    let mut candidate_at: HashMap<CandidateId, usize> = fair
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut visit_at: HashMap<VisitId, usize> =
        fair.visits.iter().enumerate().map(|(i, v)| (v.id.clone(), i)).collect();
    let erased: HashSet<CandidateId> = fair.erased.iter().map(|t| t.candidate.clone()).collect();
    let booths: HashSet<BoothId> = fair.booths.iter().map(|b| b.id.clone()).collect();
    let positions: HashMap<crate::model::PositionId, BoothId> =
        fair.positions.iter().map(|p| (p.id.clone(), p.booth.clone())).collect();
    // A walk-in may arrive after another station's check-in of that person was merged.
    let mut first_check_in: HashMap<CandidateId, LocalTime> = HashMap::new();
    for event in fair.events.iter().chain(fresh) {
        if let EventKind::CheckIn { candidate } = &event.kind {
            let at = first_check_in.entry(kept(candidate)).or_insert(event.at);
            *at = (*at).min(event.at);
        }
    }

    for event in fresh {
        if erased.contains(event.kind.candidate()) {
            // The event stays (anonymous); the person does not come back.
            report.erased_skipped += 1;
            if !matches!(event.kind, EventKind::Visit { .. }) {
                continue;
            }
        }
        match &event.kind {
            EventKind::WalkIn { candidate } if aliases.contains_key(&candidate.id) => {
                let target = kept(&candidate.id);
                if let Some(&i) = candidate_at.get(&target) {
                    let existing = &mut fair.candidates[i];
                    let arrived = earliest(candidate.checked_in, Some(event.at));
                    existing.checked_in = earliest(existing.checked_in, arrived);
                }
            }
            EventKind::WalkIn { candidate } => {
                let mut person = candidate.clone();
                person.checked_in = earliest(person.checked_in, Some(event.at));
                let target = match candidate_at.get(&person.id) {
                    Some(&i) if same_person(&fair.candidates[i], &person) => Some(i),
                    Some(_) => {
                        let alternative = CandidateId(format!("{}~{}", person.id, event.id));
                        report.conflicts.push(format!(
                            "walk-in {} {} from station {} has the id of a different person already in the \
                             fair; kept as {alternative}",
                            person.id, person.name, event.station
                        ));
                        person.id = alternative;
                        candidate_at.get(&person.id).copied()
                    }
                    None => {
                        // Check-ins for this id merged before the walk-in itself. (Under a
                        // clashing id they belong to the person already in the fair.)
                        person.checked_in = earliest(person.checked_in, first_check_in.get(&person.id).copied());
                        None
                    }
                };
                match target {
                    Some(i) => {
                        let existing = &mut fair.candidates[i];
                        existing.checked_in = earliest(existing.checked_in, person.checked_in);
                    }
                    None => {
                        candidate_at.insert(person.id.clone(), fair.candidates.len());
                        report.walk_ins.push(person.id.clone());
                        fair.candidates.push(person);
                    }
                }
            }
            EventKind::CheckIn { candidate } => match candidate_at.get(&kept(candidate)) {
                Some(&i) => {
                    let person = &mut fair.candidates[i];
                    match person.checked_in {
                        None => report.check_ins += 1,
                        Some(at) if event.at < at => report.earlier_check_ins += 1,
                        Some(_) => {}
                    }
                    person.checked_in = earliest(person.checked_in, Some(event.at));
                }
                None => report.unknown_candidates.push(format!(
                    "check-in {} from station {} is for candidate {candidate}, who is not in the fair",
                    event.id, event.station
                )),
            },
            EventKind::Visit { visit } => {
                let mut visit = visit.clone();
                visit.candidate = kept(&visit.candidate);
                if !booths.contains(&visit.booth) {
                    report.unknown_places.push(format!(
                        "visit {} from station {} is at booth {}, which is not in the fair; visit kept",
                        visit.id, event.station, visit.booth
                    ));
                }
                if let Some(position) = &visit.position {
                    match positions.get(position) {
                        None => report.unknown_places.push(format!(
                            "visit {} from station {} is about position {position}, which is not in the fair; \
                             visit kept",
                            visit.id, event.station
                        )),
                        Some(booth) if booth != &visit.booth => report.unknown_places.push(format!(
                            "visit {} from station {} is about position {position} of booth {booth}, but was \
                             recorded at booth {}; visit kept",
                            visit.id, event.station, visit.booth
                        )),
                        Some(_) => {}
                    }
                }
                if !candidate_at.contains_key(&visit.candidate) && !erased.contains(&visit.candidate) {
                    report.unknown_candidates.push(format!(
                        "visit {} from station {} is for candidate {}, who is not in the fair; visit kept",
                        visit.id, event.station, visit.candidate
                    ));
                }
                if let Some(&i) = visit_at.get(&visit.id) {
                    if fair.visits[i] == visit {
                        continue;
                    }
                    let alternative = VisitId(format!("{}~{}", visit.id, event.id));
                    report.conflicts.push(format!(
                        "visit {} from station {} has the id of a different visit already in the fair; kept as \
                         {alternative}",
                        visit.id, event.station
                    ));
                    visit.id = alternative;
                    if visit_at.contains_key(&visit.id) {
                        continue;
                    }
                }
                visit_at.insert(visit.id.clone(), fair.visits.len());
                fair.visits.push(visit);
                report.visits_added += 1;
            }
        }
    }
}

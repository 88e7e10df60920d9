//! Bringing station logs into the organizer's fair.
//!
//! Merging is a union of events by id: an event already in the fair (same id, same content)
//! adds nothing, so merging a log twice or in any order gives the same fair. Each new event
//! is applied once: a walk-in adds its candidate, a check-in sets `checked_in` to the earliest
//! time seen, a visit adds the visit. Nothing a station recorded is dropped: clashes (two
//! different events or records under one id) keep both, under a suffixed id, and are reported.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::EditName;
use crate::model::{
    BoothId, Candidate, CandidateId, DuplicateDecision, EventId, EventKind, Fair, LocalTime, STATION_LOG_VERSION,
    StationEvent, StationId, StationLog, Visit, VisitId,
};

use crate::text::{email_key, phone_key};

/// Why logs could not be merged. The fair was not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

/// One person of a possible-duplicate group.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DuplicateMember {
    pub id: CandidateId,
    pub name: String,
    /// The station that registered them as a walk-in; `None` when registered beforehand.
    pub walk_in_station: Option<StationId>,
}

/// Candidates sharing a phone or email, at least one of them a walk-in: the organizer decides.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DuplicateGroup {
    /// What they share, e.g. `phone 13800138000`.
    pub shared: Vec<String>,
    pub members: Vec<DuplicateMember>,
    /// Pairs of members the organizer has not decided about yet (never empty).
    pub undecided: Vec<(CandidateId, CandidateId)>,
}

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

/// Groups of candidates sharing a phone number or an email where at least one is a walk-in.
/// They are listed for the organizer, never merged or dropped automatically.
pub fn possible_duplicates(fair: &Fair) -> Vec<DuplicateGroup> {
    let mut walk_in_station: HashMap<CandidateId, &StationId> = HashMap::new();
    for event in &fair.events {
        if let EventKind::WalkIn { candidate } = &event.kind {
            walk_in_station.insert(candidate.id.clone(), &event.station);
            // A clashing walk-in is kept under a suffixed id.
            walk_in_station.insert(CandidateId(format!("{}~{}", candidate.id, event.id)), &event.station);
        }
    }
    if walk_in_station.is_empty() {
        return Vec::new();
    }
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, candidate) in fair.candidates.iter().enumerate() {
        // Short numbers are extensions or typos, too weak to call anyone a duplicate.
        // National digits, so `+86 138…` and `138…` are one number, as at the desk.
        if let Some(phone) = phone_key(&candidate.phone)
            && phone.len() >= 7
        {
            by_value.entry(format!("phone {phone}")).or_default().push(i);
        }
        let email = email_key(&candidate.email);
        if !email.is_empty() {
            by_value.entry(format!("email {email}")).or_default().push(i);
        }
    }
    let settled = |a: &CandidateId, b: &CandidateId| fair.duplicate_decisions.iter().any(|d| d.settles(a, b));
    let mut groups: BTreeMap<Vec<usize>, Vec<String>> = BTreeMap::new();
    for (shared, mut members) in by_value {
        members.sort_unstable();
        members.dedup();
        let distinct_ids: HashSet<&CandidateId> = members.iter().map(|&i| &fair.candidates[i].id).collect();
        if distinct_ids.len() < 2
            || !members
                .iter()
                .any(|&i| walk_in_station.contains_key(&fair.candidates[i].id))
        {
            continue;
        }
        groups.entry(members).or_default().push(shared);
    }
    let mut result: Vec<DuplicateGroup> = groups
        .into_iter()
        .filter_map(|(members, mut shared)| {
            shared.sort();
            let mut members: Vec<DuplicateMember> = members
                .into_iter()
                .map(|i| {
                    let candidate = &fair.candidates[i];
                    DuplicateMember {
                        id: candidate.id.clone(),
                        name: candidate.name.clone(),
                        walk_in_station: walk_in_station.get(&candidate.id).map(|s| (*s).clone()),
                    }
                })
                .collect();
            members.sort();
            members.dedup_by(|a, b| a.id == b.id);
            let mut undecided = Vec::new();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    // Two people registered beforehand are the import's business, not a walk-in's.
                    let any_walk_in = a.walk_in_station.is_some() || b.walk_in_station.is_some();
                    if any_walk_in && !settled(&a.id, &b.id) {
                        undecided.push((a.id.clone(), b.id.clone()));
                    }
                }
            }
            // Every pair answered: nothing left to resolve.
            (!undecided.is_empty()).then_some(DuplicateGroup {
                shared,
                members,
                undecided,
            })
        })
        .collect();
    result.sort();
    result
}

/// Candidates merged into another by the organizer → the one kept (following chains).
pub fn aliases(fair: &Fair) -> HashMap<CandidateId, CandidateId> {
    let direct: HashMap<&CandidateId, &CandidateId> = fair
        .duplicate_decisions
        .iter()
        .filter_map(|d| match d {
            DuplicateDecision::SamePerson { kept, merged } => Some((merged, kept)),
            DuplicateDecision::DifferentPeople { .. } => None,
        })
        .collect();
    direct
        .keys()
        .map(|&merged| {
            let mut target = merged;
            // A hand-edited file could hold a cycle; stop after as many steps as there are links.
            for _ in 0..direct.len() {
                match direct.get(target) {
                    Some(next) => target = next,
                    None => break,
                }
            }
            (merged.clone(), target.clone())
        })
        .collect()
}

/// What merging one candidate into another changed, so it can be undone exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedAway {
    /// The candidate merged away and where it stood in `fair.candidates`.
    pub candidate: Candidate,
    pub index: usize,
    /// Indexes into `fair.visits` of the visits moved to the kept candidate.
    pub visits: Vec<usize>,
    /// The kept candidate's check-in before and after the merge.
    pub kept_checked_in_before: Option<LocalTime>,
    pub kept_checked_in_after: Option<LocalTime>,
}

impl MergedAway {
    /// Booths whose visits moved, for re-matching.
    pub fn booths(&self, fair: &Fair) -> Vec<BoothId> {
        let mut booths: Vec<BoothId> = self
            .visits
            .iter()
            .filter_map(|&i| fair.visits.get(i).map(|v| v.booth.clone()))
            .collect();
        booths.sort();
        booths.dedup();
        booths
    }
}

fn candidate_index(fair: &Fair, id: &CandidateId) -> Result<usize, MergeError> {
    fair.candidates
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| MergeError(format!("no candidate with id {id}")))
}

/// Records the organizer's answer to a possible duplicate. For the same person, the merged
/// candidate's visits move to the kept one, the kept one's check-in becomes the earlier of
/// the two, and the merged candidate leaves the list; returns what undoes that.
pub fn resolve_duplicate(fair: &mut Fair, decision: &DuplicateDecision) -> Result<Option<MergedAway>, MergeError> {
    let (a, b) = match decision {
        DuplicateDecision::SamePerson { kept, merged } => (kept, merged),
        DuplicateDecision::DifferentPeople { a, b } => (a, b),
    };
    if a == b {
        return Err(MergeError(format!("{a} cannot be a duplicate of itself")));
    }
    if let Some(previous) = fair.duplicate_decisions.iter().find(|d| d.settles(a, b)) {
        return Err(MergeError(format!("{a} and {b} are already resolved: {previous:?}")));
    }
    let merged_index = candidate_index(fair, b)?;
    let kept_index = candidate_index(fair, a)?;
    let away = match decision {
        DuplicateDecision::DifferentPeople { .. } => None,
        DuplicateDecision::SamePerson { kept, merged } => {
            let kept_checked_in_before = fair.candidates[kept_index].checked_in;
            let kept_checked_in_after = earliest(kept_checked_in_before, fair.candidates[merged_index].checked_in);
            fair.candidates[kept_index].checked_in = kept_checked_in_after;
            let mut visits = Vec::new();
            for (i, visit) in fair.visits.iter_mut().enumerate() {
                if &visit.candidate == merged {
                    visit.candidate = kept.clone();
                    visits.push(i);
                }
            }
            let candidate = fair.candidates.remove(merged_index);
            Some(MergedAway {
                candidate,
                index: merged_index,
                visits,
                kept_checked_in_before,
                kept_checked_in_after,
            })
        }
    };
    fair.duplicate_decisions.push(decision.clone());
    Ok(away)
}

/// Takes back [`resolve_duplicate`]: the decision goes and the merged candidate returns with
/// their visits. A check-in the kept candidate got since (at a desk) is left alone.
pub fn unresolve_duplicate(
    fair: &mut Fair,
    decision: &DuplicateDecision,
    away: Option<&MergedAway>,
) -> Result<(), MergeError> {
    let Some(at) = fair.duplicate_decisions.iter().rposition(|d| d == decision) else {
        return Err(MergeError(format!("no such duplicate decision: {decision:?}")));
    };
    if let (DuplicateDecision::SamePerson { kept, merged }, Some(away)) = (decision, away) {
        if fair.candidates.iter().any(|c| &c.id == merged) {
            return Err(MergeError(format!("candidate {merged} is back in the fair already")));
        }
        let kept_index = candidate_index(fair, kept)?;
        let person = &mut fair.candidates[kept_index];
        if person.checked_in == away.kept_checked_in_after {
            person.checked_in = away.kept_checked_in_before;
        }
        for &i in &away.visits {
            if let Some(visit) = fair.visits.get_mut(i)
                && &visit.candidate == kept
            {
                visit.candidate = merged.clone();
            }
        }
        let index = away.index.min(fair.candidates.len());
        fair.candidates.insert(index, away.candidate.clone());
    }
    fair.duplicate_decisions.remove(at);
    Ok(())
}

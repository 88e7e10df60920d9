//! Station logs merged as one undoable step, and that step taken back by id.
//!
//! The merge itself is computed off the frame against the fair as it was
//! ([`crate::app::merge::plan_merge`]); applying it only adds and sets what it lists, so undo
//! removes exactly that, and desk actions recorded since survive the undo.

use std::collections::{HashMap, HashSet};

use super::taken;
use crate::app::merge::{LogMerge, LogUnmerge, insert_events};
use crate::app::search::SearchKey;
use crate::app::{AppState, Edit, EditError};
use crate::model::{CandidateId, VisitId};

impl AppState {
    pub(super) fn merge_logs(&mut self, merge: LogMerge) -> Result<Edit, EditError> {
        let LogMerge {
            name,
            candidates,
            check_ins,
            visits,
            attendance,
            events,
        } = merge;
        // Everything is checked before anything changes.
        let mut seen = HashSet::new();
        for c in &candidates {
            if self.index.candidates.contains_key(&c.id) || !seen.insert(c.id.clone()) {
                return Err(taken("candidate", &c.id.0));
            }
        }
        for (id, _) in &check_ins {
            self.candidate_index(id)?;
        }
        for (id, _) in &attendance {
            self.session_at(id)?;
        }
        let visit_ids: HashSet<&VisitId> = self.fair.visits.iter().map(|v| &v.id).collect();
        if let Some(v) = visits.iter().find(|v| visit_ids.contains(&v.id)) {
            return Err(EditError::new(
                format!("visit {} is in the fair already; merge the logs again", v.id),
                format!("到访记录 {} 已在招聘会中；请重新合并", v.id),
            ));
        }

        let mut before = Vec::with_capacity(check_ins.len());
        for (id, at) in check_ins {
            let i = self.candidate_index(&id)?;
            let old = std::mem::replace(&mut self.fair.candidates[i].checked_in, at);
            before.push((id, old));
        }
        let mut attended_before = Vec::with_capacity(attendance.len());
        for (id, came) in attendance {
            let i = self.session_at(&id)?;
            attended_before.push((id, std::mem::replace(&mut self.fair.sessions[i].attended, came)));
        }
        let candidate_ids: Vec<CandidateId> = candidates.iter().map(|c| c.id.clone()).collect();
        self.candidate_keys.extend(candidates.iter().map(SearchKey::candidate));
        self.fair.candidates.extend(candidates);
        let visited: Vec<_> = visits.iter().map(|v| (v.candidate.clone(), v.booth.clone())).collect();
        let visit_ids: Vec<VisitId> = visits.iter().map(|v| v.id.clone()).collect();
        self.fair.visits.extend(visits);
        let event_ids: Vec<_> = events.iter().map(|e| e.id.clone()).collect();
        let positions = insert_events(&mut self.fair.events, events);
        if !candidate_ids.is_empty() {
            self.structure_changed();
        }
        for id in &candidate_ids {
            self.candidate_changed(id);
        }
        for (candidate, booth) in &visited {
            self.visits_changed(candidate, booth);
        }
        Ok(Edit::UnmergeLogs(Box::new(LogUnmerge {
            name,
            candidates: candidate_ids,
            check_ins: before,
            visits: visit_ids,
            attendance: attended_before,
            events: positions.into_iter().zip(event_ids).collect(),
        })))
    }

    pub(super) fn unmerge_logs(&mut self, unmerge: LogUnmerge) -> Result<Edit, EditError> {
        let LogUnmerge {
            name,
            candidates,
            check_ins,
            visits,
            attendance,
            events,
        } = unmerge;
        let changed = || {
            EditError::new(
                "the merged records changed since; the merge cannot be taken back",
                "合并的记录已被修改，无法撤销合并",
            )
        };
        if events
            .iter()
            .any(|(i, id)| self.fair.events.get(*i).is_none_or(|e| &e.id != id))
        {
            return Err(changed());
        }
        for id in candidates.iter().chain(check_ins.iter().map(|(id, _)| id)) {
            self.candidate_index(id)?;
        }
        let visit_at: HashMap<&VisitId, usize> = self.fair.visits.iter().enumerate().map(|(i, v)| (&v.id, i)).collect();
        if visits.iter().any(|id| !visit_at.contains_key(id)) {
            return Err(changed());
        }
        drop(visit_at);
        for (id, _) in &attendance {
            self.session_at(id)?;
        }

        let mut removed_events = Vec::with_capacity(events.len());
        for (i, _) in events.iter().rev() {
            removed_events.push(self.fair.events.remove(*i));
        }
        removed_events.reverse();
        let gone: HashSet<&VisitId> = visits.iter().collect();
        let (removed_visits, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.fair.visits)
            .into_iter()
            .partition(|v| gone.contains(&v.id));
        self.fair.visits = kept;
        let removed_candidates =
            super::imports::remove_by_id(&mut self.fair.candidates, &mut self.candidate_keys, &candidates, |c| {
                &c.id
            });
        if !removed_candidates.is_empty() {
            self.structure_changed();
        }
        let mut attended_after = Vec::with_capacity(attendance.len());
        for (id, came) in attendance {
            let Ok(i) = self.session_at(&id) else { continue };
            attended_after.push((id, std::mem::replace(&mut self.fair.sessions[i].attended, came)));
        }
        let mut after = Vec::with_capacity(check_ins.len());
        for (id, at) in check_ins {
            // Checked above; the candidates removed are others (walk-ins the merge added).
            let Ok(i) = self.candidate_index(&id) else { continue };
            let new = std::mem::replace(&mut self.fair.candidates[i].checked_in, at);
            after.push((id, new));
        }
        for c in &removed_candidates {
            self.candidate_changed(&c.id);
            if self.selection.candidate.as_ref() == Some(&c.id) {
                self.selection.candidate = None;
            }
        }
        for v in &removed_visits {
            self.visits_changed(&v.candidate, &v.booth);
        }
        Ok(Edit::MergeLogs(Box::new(LogMerge {
            name,
            candidates: removed_candidates,
            check_ins: after,
            visits: removed_visits,
            attendance: attended_after,
            events: removed_events,
        })))
    }

    fn session_at(&self, id: &crate::model::SessionId) -> Result<usize, EditError> {
        self.fair.sessions.iter().position(|s| &s.id == id).ok_or_else(|| {
            EditError::new(
                format!("session {id} is no longer in the fair; the merge cannot be applied"),
                format!("对接会 {id} 已不在招聘会中，无法应用合并"),
            )
        })
    }
}

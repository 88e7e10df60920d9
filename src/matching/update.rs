//! Incremental updates: each edit re-ranks only the lists it touches, with the same results
//! as a fresh build.

use std::sync::OnceLock;

use super::Matcher;
use super::build::{pull_index, push_index, summarize_candidate_visits};
use super::lists::{Entry, Order, PREF_CAP, top_of, top_of_slice};
use super::score;
use crate::model::{BoothId, Candidate, CandidateId, Fair, Position, PositionId};

impl Matcher {
    /// Replaces candidate `c`'s score-ordered and preference-ordered lists from its full row.
    fn set_row_lists(&mut self, c: u32, mut row: Vec<Entry>) {
        let prefix = top_of_slice(&mut row, PREF_CAP, &self.pos_ids, Order::Preference);
        self.prefs.replace(c, prefix);
        let list = top_of(row, self.cap, &self.pos_ids, Order::Score);
        self.rows.replace(c, list);
    }

    fn rescan_row(&mut self, c: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut out = Vec::new();
        self.score_row(c, &mut scratch, &mut out);
        self.scratch = scratch;
        self.set_row_lists(c, out);
    }

    fn rescan_col(&mut self, p: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut out = Vec::new();
        self.score_col(p, &mut scratch, &mut out);
        self.scratch = scratch;
        let list = top_of(out, self.cap, &self.cand_ids, Order::Score);
        self.cols.replace(p, list);
    }

    /// Re-ranks after candidate `c`'s data changed (or it was added or removed): its row is
    /// rescored, and each position's column loses the old pair and is offered the new one.
    fn update_candidate(&mut self, c: u32) {
        let old_cols = std::mem::take(&mut self.cols.members[c as usize]);
        for &p in &old_cols {
            self.cols.drop_entry(p, c);
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut row = Vec::new();
        self.score_row(c, &mut scratch, &mut row);
        self.scratch = scratch;
        for e in &row {
            let col_entry = Entry { other: c, ..*e };
            self.cols.offer(e.other, col_entry, self.cap, &self.cand_ids);
        }
        for &p in &old_cols {
            if self.cols.needs_rescan(p, self.k) {
                self.rescan_col(p);
            }
        }
        self.set_row_lists(c, row);
    }

    /// Re-ranks after position `p`'s data changed (or it was added or removed): the mirror of
    /// [`Matcher::update_candidate`], with the preference prefixes kept alongside the rows.
    fn update_position(&mut self, p: u32) {
        let old_rows = std::mem::take(&mut self.rows.members[p as usize]);
        for &c in &old_rows {
            self.rows.drop_entry(c, p);
        }
        let old_prefs = std::mem::take(&mut self.prefs.members[p as usize]);
        for &c in &old_prefs {
            self.prefs.drop_entry(c, p);
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut col = Vec::new();
        self.score_col(p, &mut scratch, &mut col);
        self.scratch = scratch;
        for e in &col {
            let row_entry = Entry { other: p, ..*e };
            self.rows.offer(e.other, row_entry, self.cap, &self.pos_ids);
            self.prefs.offer(e.other, row_entry, PREF_CAP, &self.pos_ids);
        }
        for &c in old_rows.iter().chain(&old_prefs) {
            if self.rows.needs_rescan(c, self.k) || self.prefs.needs_rescan(c, 1) {
                self.rescan_row(c);
            }
        }
        let list = top_of(col, self.cap, &self.cand_ids, Order::Score);
        self.cols.replace(p, list);
    }

    /// Finds `id` in the fair, using the index it had last time, else a scan that refreshes all hints.
    fn find_candidate<'f>(&mut self, fair: &'f Fair, id: &CandidateId) -> Option<&'f Candidate> {
        if let Some(&slot) = self.cand_slot.get(id)
            && let Some(c) = fair.candidates.get(self.cand_hint[slot as usize])
            && &c.id == id
        {
            return Some(c);
        }
        let mut found = None;
        // Backwards so that with duplicate ids the first occurrence wins, as in `build`.
        for (i, c) in fair.candidates.iter().enumerate().rev() {
            if let Some(&slot) = self.cand_slot.get(&c.id) {
                self.cand_hint[slot as usize] = i;
            }
            if &c.id == id {
                found = Some(c);
            }
        }
        found
    }

    fn find_position<'f>(&mut self, fair: &'f Fair, id: &PositionId) -> Option<&'f Position> {
        if let Some(&slot) = self.pos_slot.get(id)
            && let Some(p) = fair.positions.get(self.pos_hint[slot as usize])
            && &p.id == id
        {
            return Some(p);
        }
        let mut found = None;
        for (i, p) in fair.positions.iter().enumerate().rev() {
            if let Some(&slot) = self.pos_slot.get(&p.id) {
                self.pos_hint[slot as usize] = i;
            }
            if &p.id == id {
                found = Some(p);
            }
        }
        found
    }

    fn fair_index_of_candidate(fair: &Fair, id: &CandidateId) -> usize {
        fair.candidates.iter().position(|c| &c.id == id).unwrap_or(0)
    }

    fn fair_index_of_position(fair: &Fair, id: &PositionId) -> usize {
        fair.positions.iter().position(|p| &p.id == id).unwrap_or(0)
    }

    fn grow_lists(&mut self) {
        let (nc, np) = (self.cands.len(), self.poss.len());
        self.rows.grow(nc, np);
        self.cols.grow(np, nc);
        self.prefs.grow(nc, np);
    }

    /// A candidate was edited, added or removed (absent from `fair` means removed).
    pub fn candidate_changed(&mut self, fair: &Fair, candidate: &CandidateId) {
        let found = self.find_candidate(fair, candidate);
        let slot = self.cand_slot.get(candidate).copied();
        match (found, slot) {
            (None, None) => {}
            (None, Some(c)) => {
                for &s in self.cands[c as usize].skills.iter() {
                    pull_index(&mut self.skill_candidates, s, c);
                }
                self.cands[c as usize].alive = false;
                self.cand_slot.remove(candidate);
                self.update_candidate(c);
            }
            (Some(data), Some(c)) => {
                let visits = std::mem::take(&mut self.cands[c as usize].visits);
                let cand = score::resolve_candidate(self.dict, &mut self.interner, data, visits);
                let old = std::mem::replace(&mut self.cands[c as usize], cand);
                if old.skills != self.cands[c as usize].skills {
                    for &s in old.skills.iter() {
                        pull_index(&mut self.skill_candidates, s, c);
                    }
                    for &s in self.cands[c as usize].skills.clone().iter() {
                        push_index(&mut self.skill_candidates, s, c);
                    }
                }
                self.update_candidate(c);
            }
            (Some(data), None) => {
                let visits: Vec<&crate::model::Visit> =
                    fair.visits.iter().filter(|v| &v.candidate == candidate).collect();
                let summaries = summarize_candidate_visits(&visits, &mut self.interner);
                let cand = score::resolve_candidate(self.dict, &mut self.interner, data, summaries);
                let c = self.cands.len() as u32;
                for &s in cand.skills.iter() {
                    push_index(&mut self.skill_candidates, s, c);
                }
                self.cands.push(cand);
                self.cand_ids.push(candidate.clone());
                self.ranks = OnceLock::new();
                self.cand_slot.insert(candidate.clone(), c);
                self.cand_hint.push(Self::fair_index_of_candidate(fair, candidate));
                self.grow_lists();
                self.update_candidate(c);
            }
        }
    }

    /// A position was edited, added or removed (absent from `fair` means removed).
    pub fn position_changed(&mut self, fair: &Fair, position: &PositionId) {
        let found = self.find_position(fair, position);
        let slot = self.pos_slot.get(position).copied();
        match (found, slot) {
            (None, None) => {}
            (None, Some(p)) => {
                self.unindex_position(p);
                self.poss[p as usize].alive = false;
                self.pos_slot.remove(position);
                self.update_position(p);
            }
            (Some(data), Some(p)) => {
                let pos = score::resolve_position(self.dict, &mut self.interner, data);
                self.unindex_position(p);
                self.index_position(p, &pos);
                self.pos_hot[p as usize] = pos.hot;
                self.pos_booth[p as usize] = pos.booth;
                self.poss[p as usize] = pos;
                self.update_position(p);
            }
            (Some(data), None) => {
                let pos = score::resolve_position(self.dict, &mut self.interner, data);
                let p = self.poss.len() as u32;
                self.index_position(p, &pos);
                self.pos_hot.push(pos.hot);
                self.pos_booth.push(pos.booth);
                self.poss.push(pos);
                self.pos_ids.push(position.clone());
                self.ranks = OnceLock::new();
                self.pos_slot.insert(position.clone(), p);
                self.pos_hint.push(Self::fair_index_of_position(fair, position));
                self.grow_lists();
                self.update_position(p);
            }
        }
    }

    /// A booth was edited or removed. Scores do not read booth fields, but positions may have
    /// been moved along with it, so every position naming this booth (before or after) is redone.
    pub fn booth_changed(&mut self, fair: &Fair, booth: &BoothId) {
        let mut ids: Vec<PositionId> = fair
            .positions
            .iter()
            .filter(|p| &p.booth == booth)
            .map(|p| p.id.clone())
            .collect();
        let booth_key = self.interner.booth(booth);
        for (slot, pos) in self.poss.iter().enumerate() {
            if pos.alive && pos.booth == booth_key {
                ids.push(self.pos_ids[slot].clone());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            self.position_changed(fair, &id);
        }
    }

    /// Visits of `candidate` at `booth` were added, edited or removed.
    pub fn visits_changed(&mut self, fair: &Fair, candidate: &CandidateId, booth: &BoothId) {
        let Some(&c) = self.cand_slot.get(candidate) else {
            return;
        };
        let booth_key = self.interner.booth(booth);
        let summary = score::summarize_visits(
            booth_key,
            fair.visits
                .iter()
                .filter(|v| &v.candidate == candidate && &v.booth == booth),
        );
        let visits = &mut self.cands[c as usize].visits;
        visits.retain(|v| v.booth != booth_key);
        visits.extend(summary);
        self.update_candidate(c);
    }

    /// Weights, thresholds or K changed: the one edit that recomputes everything.
    pub fn settings_changed(&mut self, fair: &Fair) {
        *self = Self::build_with(fair, self.dict);
    }
}

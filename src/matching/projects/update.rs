//! Keeping every project's list current edit by edit, with the same lists as a fresh build.

use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};

use super::score::{Counterparty, Prepared};
use super::{KEPT, ProjectMatch, ProjectMatcher, Ranked, TOP, best_first};
use crate::model::{BoothId, Fair, PositionId, ProjectId};

/// Changed booths from which, when they are also most of the fair's, a build replaces the
/// update.
const REBUILD_FROM: usize = 64;

/// What changed since the lists were last brought up to date: ids of records added, edited or
/// removed (both ids of a record whose id changed).
#[derive(Debug, Default, Clone)]
pub struct ProjectChanges {
    projects: FxHashSet<ProjectId>,
    booths: FxHashSet<BoothId>,
    positions: FxHashSet<PositionId>,
}

impl ProjectChanges {
    pub fn project(&mut self, id: &ProjectId) {
        self.projects.insert(id.clone());
    }

    pub fn booth(&mut self, id: &BoothId) {
        self.booths.insert(id.clone());
    }

    pub fn position(&mut self, id: &PositionId) {
        self.positions.insert(id.clone());
    }

    pub fn is_empty(&self) -> bool {
        self.projects.is_empty() && self.booths.is_empty() && self.positions.is_empty()
    }
}

impl ProjectMatcher {
    /// Brings the lists up to date with `fair` after `changes`. An edited project is ranked
    /// again whole; every booth that changed, or whose positions did, is scored again against
    /// the other projects and moved within their lists.
    pub fn update(&mut self, fair: &Fair, changes: &ProjectChanges) {
        // The booths whose offer may differ: the noted ones, and those a noted position left
        // or joined.
        let mut booths = changes.booths.clone();
        let mut refreshed = false;
        for id in &changes.positions {
            booths.extend(self.positions.moved(fair, id, &mut refreshed).into_iter().flatten());
        }
        // Most booths of a large fair changed (an import): scoring them one by one costs what
        // a build does.
        if booths.len() >= REBUILD_FROM && booths.len() * 2 > self.counterparties.len().max(fair.booths.len()) {
            *self = ProjectMatcher::build(fair);
            return;
        }
        for id in &booths {
            self.counterparties.remove(id);
            // The first booth with the id counts, as in a build.
            if let Some(booth) = fair.booths.iter().find(|b| &b.id == id) {
                let mut c = Counterparty::new(booth);
                for position in self.positions.of(fair, id, &mut refreshed) {
                    c.add(position);
                }
                self.counterparties.insert(id.clone(), c);
            }
        }
        for id in &changes.projects {
            self.lists.remove(id);
            if let Some(project) = fair.projects.iter().find(|p| &p.id == id) {
                let ranked = rank(&self.counterparties, Prepared::new(project));
                self.lists.insert(id.clone(), ranked);
            }
        }
        if booths.is_empty() {
            return;
        }
        let counterparties = &self.counterparties;
        for (id, ranked) in &mut self.lists {
            // Ranked above against the counterparties as they are now.
            if changes.projects.contains(id) {
                continue;
            }
            for booth in &booths {
                let fresh = counterparties.get(booth).and_then(|c| ranked.project.score(c));
                ranked.replace(booth, fresh);
            }
            if !ranked.complete && ranked.entries.len() < TOP {
                let project = ranked.project.clone();
                *ranked = rank(counterparties, project);
            }
        }
    }
}

/// Ranks `project` against every counterparty.
pub(super) fn rank(counterparties: &FxHashMap<BoothId, Counterparty>, project: Prepared) -> Ranked {
    let mut entries: Vec<ProjectMatch> = counterparties.values().filter_map(|c| project.score(c)).collect();
    entries.sort_by(best_first);
    let complete = entries.len() <= KEPT;
    entries.truncate(KEPT);
    Ranked {
        project,
        entries,
        complete,
    }
}

impl Ranked {
    /// Puts `booth`'s new score (none: it no longer qualifies) in place of its old one. A list
    /// that is not complete takes a score only above its last entry, since what ranks between
    /// its last entry and the next booth it dropped is unknown.
    fn replace(&mut self, booth: &BoothId, fresh: Option<ProjectMatch>) {
        if let Some(i) = self.entries.iter().position(|m| &m.booth == booth) {
            self.entries.remove(i);
        }
        let Some(fresh) = fresh else {
            return;
        };
        let at = self
            .entries
            .partition_point(|e| best_first(e, &fresh) == Ordering::Less);
        if at == self.entries.len() && !self.complete {
            return;
        }
        self.entries.insert(at, fresh);
        if self.entries.len() > KEPT {
            self.entries.truncate(KEPT);
            self.complete = false;
        }
    }
}

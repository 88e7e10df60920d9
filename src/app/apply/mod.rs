//! The apply path: every organizer edit is applied here, its inverse recorded for undo, the id
//! index and search keys kept current and the matcher told exactly what changed. Each record
//! kind's edits live in their own file.

mod booths;
mod candidates;
mod duplicates;
mod imports;
mod interviews;
mod merge;
mod positions;

use super::search::SearchKey;
use super::{AppState, Done, Edit, EditError, EditName, Field, employer_of};
use crate::model::{BoothId, CandidateId, FairIndex, FairMeta, MatchSettings, PositionId};

impl AppState {
    pub fn undo_name(&self) -> Option<&EditName> {
        self.undo.last().map(|d| &d.name)
    }

    pub fn redo_name(&self) -> Option<&EditName> {
        self.redo.last().map(|d| &d.name)
    }

    /// The one place organizer edits are applied: applies `edit`, records its inverse for undo
    /// and updates matching incrementally. On error the fair is unchanged. (Desk actions have
    /// their own path, [`AppState::record`].)
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let name = edit.name();
        let applied = self.apply_raw(edit.clone());
        self.refresh_insight();
        let inverse = applied?;
        self.redo.clear();
        let serial = self.take_serial();
        // Keystrokes in one field of one record become one undo step, keeping the oldest inverse.
        if let (Some(top), Some(key)) = (self.undo.last_mut(), edit.merge_key())
            && top.forward.merge_key() == Some(key)
            && top.serial != self.saved_serial
        {
            top.forward = edit;
            top.name = name;
            top.serial = serial;
            return Ok(());
        }
        self.undo.push(Done {
            name,
            forward: edit,
            inverse,
            serial,
        });
        Ok(())
    }

    pub fn undo(&mut self) -> Result<(), EditError> {
        let Some(done) = self.undo.pop() else { return Ok(()) };
        let applied = self.apply_raw(done.inverse.clone());
        self.refresh_insight();
        if let Err(e) = applied {
            self.undo.push(done);
            return Err(e);
        }
        self.redo.push(done);
        Ok(())
    }

    pub fn redo(&mut self) -> Result<(), EditError> {
        let Some(mut done) = self.redo.pop() else { return Ok(()) };
        let applied = self.apply_raw(done.forward.clone());
        self.refresh_insight();
        match applied {
            Ok(inverse) => {
                done.inverse = inverse;
                self.undo.push(done);
                Ok(())
            }
            Err(e) => {
                self.redo.push(done);
                Err(e)
            }
        }
    }

    fn take_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }

    pub(super) fn position_key(&self, i: usize) -> SearchKey {
        let position = &self.fair.positions[i];
        SearchKey::position(position, employer_of(&self.fair, &self.index, &position.booth))
    }

    pub(super) fn structure_changed(&mut self) {
        // Records came or went: walk-ins and per-booth figures count only listed ones.
        self.insight_notes.fair_day();
        self.index = FairIndex::build(&self.fair);
        self.structure += 1;
    }

    /// Applies `edit` and returns its inverse. On error nothing changed.
    pub(super) fn apply_raw(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.revision += 1;
        self.fair_version += 1;
        match edit {
            Edit::SetBooth { id, value, field } => self.set_booth(id, value, field),
            Edit::AddBooth { value, at } => self.add_booth(value, at),
            Edit::DeleteBooth { id, positions } => self.delete_booth(id, positions),
            Edit::SetPosition { id, value, field } => self.set_position(id, value, field),
            Edit::AddPosition { value, at } => self.add_position(value, at),
            Edit::DeletePosition { id } => self.delete_position(id),
            Edit::SetVisitPositions { visits } => self.set_visit_positions(visits),
            Edit::SetCandidate { id, value, field } => self.set_candidate(id, value, field),
            Edit::AddCandidate { value, at, visits } => self.add_candidate(value, at, visits),
            Edit::DeleteCandidate { id } => self.delete_candidate(id),
            Edit::SetSettings { value, field } => self.set_settings(value, field),
            Edit::SetMeta { value } => self.set_meta(value),
            Edit::SetLabelMappings { value } => Ok(Edit::SetLabelMappings {
                value: std::mem::replace(&mut self.fair.label_mappings, value),
            }),
            Edit::Append {
                name,
                booths,
                positions,
                candidates,
            } => self.append(name, booths, positions, candidates),
            Edit::RemoveAppended {
                name,
                booths,
                positions,
                candidates,
            } => self.remove_appended(name, booths, positions, candidates),
            Edit::ResolveDuplicate { decision } => self.resolve_duplicate(decision),
            Edit::UnresolveDuplicate { decision, restore } => self.unresolve_duplicate(decision, restore),
            Edit::MergeLogs(merge) => self.merge_logs(*merge),
            Edit::UnmergeLogs(unmerge) => self.unmerge_logs(*unmerge),
            Edit::SetProject { id, value, field } => self.set_project(id, value, field),
            Edit::AddProject { value, at } => self.add_project(value, at),
            Edit::DeleteProject { id } => self.delete_project(id),
            Edit::SetSession { id, value, field } => self.set_session(id, value, field),
            Edit::AddSession { value, at } => self.add_session(value, at),
            Edit::DeleteSession { id } => self.delete_session(id),
            Edit::SetInterviews { interviews, settings } => Ok(self.set_interviews(interviews, settings)),
            Edit::MoveInterview {
                candidate,
                booth,
                start,
            } => self.move_interview(candidate, booth, start),
            Edit::SetFloorSpots { spots } => self.set_floor_spots(spots),
            Edit::Batch { name, edits } => self.apply_batch(name, edits),
        }
    }

    fn set_settings(&mut self, value: MatchSettings, field: Field) -> Result<Edit, EditError> {
        let old = std::mem::replace(&mut self.fair.settings, value);
        self.settings_changed();
        Ok(Edit::SetSettings { value: old, field })
    }

    fn set_meta(&mut self, value: FairMeta) -> Result<Edit, EditError> {
        let old = std::mem::replace(&mut self.fair.meta, value);
        Ok(Edit::SetMeta { value: old })
    }

    fn apply_batch(&mut self, name: EditName, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply_raw(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    // Roll back what this batch already did.
                    for inverse in inverses.into_iter().rev() {
                        let _ = self.apply_raw(inverse);
                    }
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch { name, edits: inverses })
    }

    fn booth_index(&self, id: &BoothId) -> Result<usize, EditError> {
        self.index
            .booths
            .get(id)
            .copied()
            .ok_or_else(|| missing("booth", &id.0))
    }

    fn position_index(&self, id: &PositionId) -> Result<usize, EditError> {
        self.index
            .positions
            .get(id)
            .copied()
            .ok_or_else(|| missing("position", &id.0))
    }

    fn candidate_index(&self, id: &CandidateId) -> Result<usize, EditError> {
        self.index
            .candidates
            .get(id)
            .copied()
            .ok_or_else(|| missing("candidate", &id.0))
    }
}

fn missing(kind: &str, id: &str) -> EditError {
    let zh = match kind {
        "booth" => "展位",
        "position" => "岗位",
        "visit" => "到访记录",
        _ => "求职者",
    };
    EditError::new(format!("no {kind} with id {id}"), format!("没有编号为 {id} 的{zh}"))
}

fn taken(kind: &str, id: &str) -> EditError {
    let zh = match kind {
        "booth" => "展位",
        "position" => "岗位",
        _ => "求职者",
    };
    EditError::new(
        format!("id {id} is already used by another {kind}"),
        format!("编号 {id} 已被另一个{zh}使用"),
    )
}

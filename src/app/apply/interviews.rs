//! The interview timetable: replaced as a whole by the scheduler, or one interview moved.

use super::super::{AppState, Edit, EditError};
use crate::model::{BoothId, CandidateId, Interview, LocalTime, ScheduleSettings};
use crate::schedule::{Options, check_move};

impl AppState {
    pub(super) fn set_interviews(&mut self, interviews: Vec<Interview>, settings: ScheduleSettings) -> Edit {
        let old = std::mem::replace(&mut self.fair.interviews, interviews);
        let old_settings = std::mem::replace(&mut self.fair.schedule, settings);
        Edit::SetInterviews {
            interviews: old,
            settings: old_settings,
        }
    }

    pub(super) fn move_interview(
        &mut self,
        candidate: CandidateId,
        booth: BoothId,
        start: LocalTime,
    ) -> Result<Edit, EditError> {
        let (i, moved) = self.checked_move(&candidate, &booth, start)?;
        let old = std::mem::replace(&mut self.fair.interviews[i], moved);
        Ok(Edit::MoveInterview {
            candidate,
            booth,
            start: old.start,
        })
    }

    fn interview_index(&self, candidate: &CandidateId, booth: &BoothId) -> Option<usize> {
        self.fair
            .interviews
            .iter()
            .position(|i| &i.candidate == candidate && &i.booth == booth)
    }

    /// The interview of `candidate` at `booth` moved to `start`, or why it may not move there.
    /// Views call it while a slot is dragged, to say before the drop whether it will be taken.
    pub fn interview_moved(
        &self,
        candidate: &CandidateId,
        booth: &BoothId,
        start: LocalTime,
    ) -> Result<Interview, EditError> {
        self.checked_move(candidate, booth, start).map(|(_, moved)| moved)
    }

    /// The interview's index and the interview moved to `start`, or why it may not move.
    fn checked_move(
        &self,
        candidate: &CandidateId,
        booth: &BoothId,
        start: LocalTime,
    ) -> Result<(usize, Interview), EditError> {
        let Some(i) = self.interview_index(candidate, booth) else {
            return Err(no_interview(candidate, booth));
        };
        let options = Options::from(self.fair.schedule);
        check_move(&self.fair.booths, &self.fair.interviews, i, start, options)
            .map(|moved| (i, moved))
            .map_err(|clash| EditError::new(clash.describe(false), clash.describe(true)))
    }
}

fn no_interview(candidate: &CandidateId, booth: &BoothId) -> EditError {
    EditError::new(
        format!("{candidate} has no interview at booth {booth}"),
        format!("{candidate} 在展位 {booth} 没有面试"),
    )
}

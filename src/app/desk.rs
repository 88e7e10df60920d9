//! Fair-day desk actions (check-in, walk-in, visit): a [`DeskAction`] recorded through
//! [`AppState::record`], the one path for them, beside [`AppState::apply`] for organizer edits.
//!
//! They are not undoable: each one is a station event that other laptops may already have
//! merged by id, so taking it back on one laptop would make the stations disagree. They never
//! enter the undo history (Edit → Undo names the last organizer edit, and the menu says the
//! last desk action cannot be undone), still mark the fair unsaved and tell the matcher at once.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::fairday::{self, CheckInOutcome, DeskIndex, DeskMatch, VisitDraft, WalkInOutcome};
use super::{AppState, EditError, EditName, InterviewRequest};
use crate::model::{
    BoothId, Candidate, CandidateId, LocalTime, NextStep, PipelineStatus, PositionId, SessionId, StationId, Visit,
    VisitId,
};

/// Station id used when the laptop has none set in Settings.
pub const DEFAULT_STATION: &str = "desk";

/// One action at a fair-day desk, recorded at `at` as a station event.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskAction {
    CheckIn {
        candidate: CandidateId,
        at: LocalTime,
    },
    WalkIn {
        candidate: Box<Candidate>,
        at: LocalTime,
    },
    Visit {
        draft: Box<VisitDraft>,
        at: LocalTime,
    },
    /// At a session's door (docking session, roadshow): the person came.
    SessionCheckIn {
        session: SessionId,
        candidate: CandidateId,
        at: LocalTime,
    },
}

impl DeskAction {
    /// A visit recorded at `at`.
    pub fn visit(draft: VisitDraft, at: LocalTime) -> Self {
        DeskAction::Visit {
            draft: Box::new(draft),
            at,
        }
    }

    fn at(&self) -> LocalTime {
        match self {
            DeskAction::CheckIn { at, .. }
            | DeskAction::WalkIn { at, .. }
            | DeskAction::Visit { at, .. }
            | DeskAction::SessionCheckIn { at, .. } => *at,
        }
    }
}

/// What a desk action did, for the desk screen to show.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskOutcome {
    CheckIn(CheckInOutcome),
    WalkIn(WalkInOutcome),
    Visit(VisitId),
    SessionCheckIn(CheckInOutcome),
}

impl DeskOutcome {
    /// False for a retried scan or a walk-in who was already registered: nothing was recorded.
    pub fn recorded(&self) -> bool {
        !matches!(
            self,
            DeskOutcome::CheckIn(CheckInOutcome::AlreadyCheckedIn { .. })
                | DeskOutcome::SessionCheckIn(CheckInOutcome::AlreadyCheckedIn { .. })
                | DeskOutcome::WalkIn(WalkInOutcome::Existing { .. })
        )
    }
}

/// The desk's lookup index, rebuilt lazily when candidates changed through other edits.
#[derive(Debug, Default)]
pub struct DeskCache {
    /// (fair revision it was built for, index).
    built: RefCell<Option<(u64, DeskIndex)>>,
    /// The last desk action that recorded something, for the Edit menu.
    pub(super) last_action: Option<EditName>,
}

impl AppState {
    pub fn station(&self) -> StationId {
        let id = self.prefs.station_id.trim();
        StationId::new(if id.is_empty() { DEFAULT_STATION } else { id })
    }

    fn with_desk<R>(&self, f: impl FnOnce(&DeskIndex) -> R) -> R {
        let mut built = self.desk.built.borrow_mut();
        if built.as_ref().is_none_or(|(rev, _)| *rev != self.revision) {
            *built = Some((self.revision, DeskIndex::build(&self.fair)));
        }
        let (_, index) = built.as_ref().expect("built above");
        f(index)
    }

    /// Candidates matching what was typed or scanned at a desk, best first.
    pub fn desk_lookup(&self, query: &str) -> Vec<DeskMatch> {
        self.with_desk(|index| index.lookup(query))
    }

    /// The last desk action that recorded something; it cannot be undone (shown in Edit).
    pub fn last_desk_action(&self) -> Option<&EditName> {
        self.desk.last_action.as_ref()
    }

    /// The action's name with the person's name rather than only their id, for the Edit menu.
    fn desk_action_name(&self, action: &DeskAction) -> EditName {
        let who = |id: &CandidateId| {
            self.candidate(id)
                .filter(|c| !c.name.is_empty())
                .map_or_else(|| id.to_string(), |c| format!("{} ({id})", c.name))
        };
        match action {
            DeskAction::CheckIn { candidate, .. } => {
                let who = who(candidate);
                EditName::new(format!("check in {who}"), format!("签到 {who}"))
            }
            DeskAction::WalkIn { candidate, .. } => {
                let what = if candidate.name.is_empty() {
                    candidate.id.to_string()
                } else {
                    candidate.name.clone()
                };
                EditName::new(format!("register walk-in {what}"), format!("现场登记 {what}"))
            }
            DeskAction::Visit { draft, .. } => {
                let who = who(&draft.candidate);
                EditName::new(
                    format!("visit of {who} at {}", draft.booth),
                    format!("{who} 到访 {}", draft.booth),
                )
            }
            DeskAction::SessionCheckIn { session, candidate, .. } => {
                let who = who(candidate);
                let title = self
                    .session(session)
                    .map_or_else(|| session.to_string(), |s| s.title.clone());
                EditName::new(format!("check in {who} at {title}"), format!("{who} 入场 {title}"))
            }
        }
    }

    /// Records a desk action: the one place check-ins, walk-ins and visits change the fair. It
    /// reports what it did, marks the fair unsaved and re-matches at once; it is never undone.
    pub fn record(&mut self, action: DeskAction) -> Result<DeskOutcome, EditError> {
        let now = action.at();
        let station = self.station();
        // The index is taken out while the fair is edited beside it, and put back current.
        let (_, mut desk) = self
            .desk
            .built
            .take()
            .filter(|(rev, _)| *rev == self.revision)
            .unwrap_or_else(|| (self.revision, DeskIndex::build(&self.fair)));
        let desk = &mut desk;
        let refused = |e: fairday::DeskError| EditError::new(e.0.clone(), e.0);
        let result = match &action {
            DeskAction::CheckIn { candidate, .. } => {
                let outcome = fairday::check_in(&mut self.fair, desk, candidate, &station, now);
                if matches!(outcome, Ok(CheckInOutcome::CheckedIn { .. })) {
                    self.candidate_changed(candidate);
                }
                outcome.map(DeskOutcome::CheckIn)
            }
            DeskAction::WalkIn { candidate, .. } => {
                let outcome = fairday::register_walk_in(&mut self.fair, desk, (**candidate).clone(), &station, now);
                if let Ok(WalkInOutcome::Registered { index, id }) = &outcome {
                    self.candidate_keys
                        .push(super::SearchKey::candidate(&self.fair.candidates[*index]));
                    self.structure_changed();
                    self.candidate_changed(id);
                }
                outcome.map(DeskOutcome::WalkIn)
            }
            DeskAction::Visit { draft, .. } => {
                let outcome = fairday::record_visit(&mut self.fair, desk, (**draft).clone(), &station, now);
                if outcome.is_ok() {
                    self.visits_changed(&draft.candidate, &draft.booth);
                }
                outcome.map(DeskOutcome::Visit)
            }
            DeskAction::SessionCheckIn { session, candidate, .. } => {
                fairday::session_check_in(&mut self.fair, desk, session, candidate, &station, now)
                    .map(DeskOutcome::SessionCheckIn)
            }
        }
        .map_err(refused);
        if matches!(action, DeskAction::WalkIn { .. }) {
            // Walk-ins are counted from the station events.
            self.insight_notes.fair_day();
        }
        self.refresh_insight();
        if result.as_ref().is_ok_and(DeskOutcome::recorded) {
            self.revision += 1;
            self.fair_version += 1;
            self.desk.last_action = Some(self.desk_action_name(&action));
            // No undo step exists for desk actions: they count towards unsaved changes apart.
            self.desk_actions += 1;
            // Durable before the desk shows it as done.
            if let Some(event) = self.fair.events.last().cloned()
                && let Err(e) = self.make_durable(&event)
            {
                *self.desk.built.borrow_mut() = Some((self.revision, std::mem::take(desk)));
                return Err(e);
            }
        }
        // The desk functions keep the index current themselves.
        *self.desk.built.borrow_mut() = Some((self.revision, std::mem::take(desk)));
        result
    }

    /// "Worth inviting" at `booth`: checked-in candidates among its positions' top matches who
    /// have not visited it yet, each with their best-fitting position there, best fit first.
    pub fn worth_inviting(&self, booth: &BoothId) -> Vec<(CandidateId, PositionId, f32)> {
        // One pass over the visits, not one per listed candidate: the desk draws this each frame.
        let visited: HashSet<&CandidateId> = self
            .fair
            .visits
            .iter()
            .filter(|v| &v.booth == booth)
            .map(|v| &v.candidate)
            .collect();
        let mut best: Vec<(CandidateId, PositionId, f32)> = Vec::new();
        for p in self.fair.positions.iter().filter(|p| &p.booth == booth) {
            for s in self.matcher.top_candidates(&p.id) {
                let checked = self.candidate(&s.candidate).is_some_and(|c| c.checked_in.is_some());
                if !checked || visited.contains(&s.candidate) {
                    continue;
                }
                match best.iter_mut().find(|(c, _, _)| c == &s.candidate) {
                    Some(entry) if entry.2 < s.fit => *entry = (s.candidate.clone(), s.position.clone(), s.fit),
                    Some(_) => {}
                    None => best.push((s.candidate.clone(), s.position.clone(), s.fit)),
                }
            }
        }
        best.sort_by(|a, b| b.2.total_cmp(&a.2));
        best
    }

    /// The booth desk's "Schedule shortlisted": an interview request at `booth` for each visitor
    /// whose latest visit there (any day) has next step Interview, still open, and who has no
    /// interview there yet. A rating alone does not count: staff decide by setting the next step,
    /// as the made schedule does ([`crate::schedule::requests`]).
    ///
    /// The position is the visit's, else the candidate's best fit among the booth's positions,
    /// else the booth's first. Higher rating goes first, then better fit (see [`shortlist_score`]).
    pub fn shortlist_to_schedule(&self, booth: &BoothId) -> Vec<InterviewRequest> {
        let positions: Vec<&PositionId> = self
            .fair
            .positions
            .iter()
            .filter(|p| &p.booth == booth)
            .map(|p| &p.id)
            .collect();
        let fit = |c: &CandidateId, p: &PositionId| self.matcher.pair(c, p).and_then(Result::ok).map(|s| s.fit);
        let mut wanted: Vec<InterviewRequest> = self
            .shortlist_due(booth)
            .into_iter()
            .map(|v| {
                let chosen = v.position.as_ref().filter(|p| positions.contains(p));
                let best = || {
                    positions
                        .iter()
                        .filter_map(|&p| Some((p, fit(&v.candidate, p)?)))
                        .max_by(|a, b| a.1.total_cmp(&b.1))
                        .map(|(p, _)| p)
                };
                let position = chosen.or_else(best).or(positions.first().copied()).cloned();
                let fit = position.as_ref().and_then(|p| fit(&v.candidate, p)).unwrap_or(0.0);
                InterviewRequest {
                    candidate: v.candidate.clone(),
                    booth: booth.clone(),
                    position,
                    invited: true,
                    score: shortlist_score(v.rating, fit),
                }
            })
            .collect();
        wanted.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.candidate.cmp(&b.candidate)));
        wanted
    }

    /// The visits behind [`AppState::shortlist_to_schedule`], one per person due an interview at
    /// `booth`: cheap enough for the desk to count them each frame, without scoring anyone.
    pub fn shortlist_due(&self, booth: &BoothId) -> Vec<&Visit> {
        let mut latest: HashMap<&CandidateId, &Visit> = HashMap::new();
        for v in self.fair.visits.iter().filter(|v| &v.booth == booth) {
            match latest.get(&v.candidate) {
                Some(seen) if seen.at > v.at => {}
                _ => {
                    latest.insert(&v.candidate, v);
                }
            }
        }
        let booked: HashSet<&CandidateId> = self
            .fair
            .interviews
            .iter()
            .filter(|i| &i.booth == booth)
            .map(|i| &i.candidate)
            .collect();
        latest
            .into_values()
            .filter(|v| v.next_step == NextStep::Interview && v.status == PipelineStatus::Open)
            .filter(|v| !booked.contains(&v.candidate) && self.candidate(&v.candidate).is_some())
            .collect()
    }
}

/// The order "Schedule shortlisted" places people in: each star of the rating outweighs the
/// whole fit range (0 to 100), so a 5★ visitor goes before a better-fitting 4★ one, and fit
/// decides between equal ratings; unrated visits come last.
fn shortlist_score(rating: Option<u8>, fit: f32) -> f32 {
    f32::from(rating.unwrap_or(0)) * 100.0 + fit.clamp(0.0, 99.9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Edit, Prefs, field};
    use crate::matching::Matcher;
    use crate::model::{BoothId, Candidate, NextStep};

    fn at(hour: u32, minute: u32) -> LocalTime {
        chrono::NaiveDate::from_ymd_opt(2026, 2, 21)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .expect("valid time")
    }

    fn sample_state(background: bool) -> AppState {
        let mut fair = crate::generate::sample_fair();
        for c in &mut fair.candidates {
            c.checked_in = None;
        }
        fair.events.clear();
        if background {
            AppState::new_background(fair, None, Prefs::default())
        } else {
            AppState::new(fair, None, Prefs::default())
        }
    }

    /// A candidate whose best position is at a booth, so a visit there moves the fit.
    fn candidate_and_booth(app: &AppState) -> (CandidateId, BoothId) {
        let c = &app.fair().candidates[7];
        let top = app.matcher().top_positions(&c.id);
        let position = app.position(&top[0].position).expect("position");
        (c.id.clone(), position.booth.clone())
    }

    fn visit(candidate: &CandidateId, booth: &BoothId, next_step: NextStep) -> DeskAction {
        DeskAction::visit(
            VisitDraft {
                candidate: candidate.clone(),
                booth: booth.clone(),
                position: None,
                rating: Some(1),
                notes: String::new(),
                next_step,
            },
            at(10, 0),
        )
    }

    #[test]
    fn desk_actions_are_recorded_apart_and_skip_the_undo_history() {
        let mut app = sample_state(false);
        let (candidate, booth) = candidate_and_booth(&app);
        // An organizer edit first: undo must keep naming it after the desk actions.
        let mut edited = app.candidate(&candidate).expect("exists").clone();
        edited.school = "青岛大学".into();
        app.apply(Edit::SetCandidate {
            id: candidate.clone(),
            value: edited,
            field: field::SCHOOL,
        })
        .expect("edit");
        let organizer_edit = app.undo_name().cloned();

        let outcome = app.record(DeskAction::CheckIn {
            candidate: candidate.clone(),
            at: at(9, 41),
        });
        assert_eq!(
            outcome,
            Ok(DeskOutcome::CheckIn(CheckInOutcome::CheckedIn { at: at(9, 41) }))
        );
        let fit_before = app.matcher().top_positions(&candidate).to_vec();
        assert!(matches!(
            app.record(visit(&candidate, &booth, NextStep::Reject)),
            Ok(DeskOutcome::Visit(_))
        ));
        assert_ne!(
            app.matcher().top_positions(&candidate),
            fit_before,
            "re-matched at once"
        );
        assert_eq!(app.fair().events.len(), 2);
        assert_eq!(
            app.undo_name(),
            organizer_edit.as_ref(),
            "desk actions are not on the undo history"
        );
        assert_eq!(
            app.last_desk_action().map(|n| n.en.as_str()),
            Some(format!("visit of {} ({candidate}) at {booth}", app.fair().candidates[7].name).as_str())
        );
        assert!(app.is_dirty());

        // Undoing the organizer's edit takes back the school, not the check-in or the visit.
        app.undo().expect("undo");
        let person = app.candidate(&candidate).expect("exists");
        assert_eq!(person.checked_in, Some(at(9, 41)));
        assert_ne!(person.school, "青岛大学");
        assert_eq!(app.fair().events.len(), 2);
        app.redo().expect("redo");
        assert_eq!(app.candidate(&candidate).and_then(|c| c.checked_in), Some(at(9, 41)));
        assert_eq!(
            app.matcher().top_positions(&candidate),
            Matcher::build(app.fair()).top_positions(&candidate)
        );

        // A retried scan records nothing and is not the last desk action.
        let again = app.record(DeskAction::CheckIn {
            candidate: candidate.clone(),
            at: at(11, 0),
        });
        assert_eq!(
            again,
            Ok(DeskOutcome::CheckIn(CheckInOutcome::AlreadyCheckedIn { at: at(9, 41) }))
        );
        assert_eq!(app.fair().events.len(), 2);
    }

    #[test]
    fn a_visit_during_the_background_build_ends_up_matched() {
        let (candidate, booth) = candidate_and_booth(&sample_state(false));
        let mut app = sample_state(true);
        assert!(app.is_matching());
        let before = Matcher::build(app.fair()).top_positions(&candidate).to_vec();
        app.record(visit(&candidate, &booth, NextStep::Reject)).expect("visit");
        app.record(DeskAction::CheckIn {
            candidate: candidate.clone(),
            at: at(9, 0),
        })
        .expect("check-in");
        app.wait_for_matching();
        let fresh = Matcher::build(app.fair());
        assert_ne!(fresh.top_positions(&candidate), before, "the rejecting visit matters");
        assert_eq!(app.matcher().top_positions(&candidate), fresh.top_positions(&candidate));
        for p in app.fair().positions.iter().filter(|p| p.booth == booth) {
            assert_eq!(
                app.matcher().top_candidates(&p.id),
                fresh.top_candidates(&p.id),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn undoing_an_import_keeps_a_later_walk_in() {
        let mut app = sample_state(false);
        let registered = app.fair().candidates.len();
        let imported = Candidate::blank(CandidateId::new("IMPORTED-1"), "李导入");
        app.apply(Edit::Append {
            name: crate::app::EditName::new("import a.csv", "导入 a.csv"),
            booths: vec![],
            positions: vec![],
            candidates: vec![imported],
        })
        .expect("import");
        let mut walk_in = Candidate::blank(CandidateId::new("WALK-1"), "王现场");
        walk_in.phone = "13900001111".into();
        app.record(DeskAction::WalkIn {
            candidate: Box::new(walk_in),
            at: at(9, 30),
        })
        .expect("walk-in");
        assert_eq!(app.fair().candidates.len(), registered + 2);

        app.undo().expect("undo the import");
        let ids: Vec<&str> = app.fair().candidates.iter().map(|c| c.id.0.as_str()).collect();
        assert_eq!(ids.len(), registered + 1);
        assert!(!ids.contains(&"IMPORTED-1"));
        let walk_in = app.fair().candidates.last().expect("walk-in kept");
        assert_eq!(walk_in.name, "王现场");
        assert!(walk_in.checked_in.is_some());
        app.view_mut(crate::app::Table::Candidates).search = "wangxianchang".into();
        app.refresh_view(crate::app::Table::Candidates);
        assert_eq!(
            app.view(crate::app::Table::Candidates).rows(),
            &[registered],
            "search keys follow the records"
        );

        app.redo().expect("redo the import");
        assert!(app.candidate(&CandidateId::new("IMPORTED-1")).is_some());
        assert!(app.candidate(&CandidateId::new("WALK-1")).is_some());
    }

    #[test]
    fn worth_inviting_lists_checked_in_top_matches_until_they_visit() {
        let mut app = sample_state(false);
        let (candidate, booth) = candidate_and_booth(&app);
        let listed = |app: &AppState| app.worth_inviting(&booth).iter().any(|(c, _, _)| c == &candidate);
        assert!(!listed(&app), "not checked in yet");
        app.record(DeskAction::CheckIn {
            candidate: candidate.clone(),
            at: at(9, 0),
        })
        .expect("check-in");
        assert!(listed(&app), "checked in and among the booth's top matches");
        app.record(visit(&candidate, &booth, NextStep::Interview))
            .expect("visit");
        assert!(!listed(&app), "visited");
    }

    /// A booth of the sample with at least two positions, each needing a skill, and five of
    /// the fair's candidates with no visit there.
    fn shortlist_fair() -> (crate::model::Fair, BoothId, Vec<CandidateId>) {
        let mut fair = crate::generate::sample_fair();
        let booth = fair
            .booths
            .iter()
            .map(|b| b.id.clone())
            .find(|b| fair.positions.iter().filter(|p| &p.booth == b).count() >= 2)
            .expect("a booth with two positions");
        fair.visits.retain(|v| v.booth != booth);
        fair.interviews.clear();
        for p in fair.positions.iter_mut().filter(|p| p.booth == booth) {
            if p.required_skills.is_empty() {
                p.required_skills.push("Python".into());
            }
        }
        let people = fair.candidates.iter().take(6).map(|c| c.id.clone()).collect();
        (fair, booth, people)
    }

    fn listed_visit(
        n: u32,
        candidate: &CandidateId,
        booth: &BoothId,
        rating: Option<u8>,
        next_step: NextStep,
    ) -> crate::model::Visit {
        crate::model::Visit {
            id: VisitId::new(format!("V-SL-{n}")),
            candidate: candidate.clone(),
            booth: booth.clone(),
            position: None,
            at: at(9, n),
            rating,
            notes: String::new(),
            next_step,
            status: PipelineStatus::Open,
        }
    }

    #[test]
    fn the_shortlist_to_schedule_is_the_open_interview_visits_best_rating_first() {
        let (mut fair, booth, people) = shortlist_fair();
        let positions: Vec<PositionId> = fair
            .positions
            .iter()
            .filter(|p| p.booth == booth)
            .map(|p| p.id.clone())
            .collect();
        let visit = |n, who: usize, rating, step| listed_visit(n, &people[who], &booth, rating, step);
        // 0: Interview, 3★, the second position picked at the visit.
        let mut picked = visit(1, 0, Some(3), NextStep::Interview);
        picked.position = Some(positions[1].clone());
        // 1: Interview, 5★, no position picked.
        // 2: rated 5★ but no next step decided: not scheduled.
        // 3: invited, then rejected at a later visit: the latest visit counts.
        // 4: invited, but already has an interview at this booth.
        // 5: invited, but the interview already took place (done).
        let mut done = visit(7, 5, Some(5), NextStep::Interview);
        done.status = PipelineStatus::Done;
        fair.visits.extend([
            picked,
            visit(2, 1, Some(5), NextStep::Interview),
            visit(3, 2, Some(5), NextStep::None),
            visit(4, 3, Some(4), NextStep::Interview),
            visit(5, 3, Some(4), NextStep::Reject),
            visit(6, 4, Some(4), NextStep::Interview),
            done,
        ]);
        fair.interviews.push(crate::model::Interview {
            candidate: people[4].clone(),
            booth: booth.clone(),
            position: None,
            start: at(13, 0),
            end: at(13, 15),
        });
        let app = AppState::new(fair, None, Prefs::default());
        let wanted = app.shortlist_to_schedule(&booth);
        let who: Vec<&CandidateId> = wanted.iter().map(|r| &r.candidate).collect();
        assert_eq!(who, [&people[1], &people[0]], "5★ before 3★; the others are not due");
        assert!(wanted.iter().all(|r| r.invited && r.booth == booth));
        assert_eq!(
            wanted[1].position.as_ref(),
            Some(&positions[1]),
            "the visit's own position"
        );
        // No position picked: the one that fits the person best.
        let fit = |p: &PositionId| {
            app.matcher()
                .pair(&people[1], p)
                .and_then(Result::ok)
                .map_or(f32::MIN, |s| s.fit)
        };
        let best = positions
            .iter()
            .max_by(|a, b| fit(a).total_cmp(&fit(b)))
            .expect("positions");
        assert!(fit(best) > f32::MIN, "some position of the booth is open to them");
        assert_eq!(wanted[0].position.as_ref(), Some(best));
    }

    #[test]
    fn with_no_fitting_position_the_booths_first_one_is_taken_and_rating_outweighs_fit() {
        let (mut fair, booth, people) = shortlist_fair();
        let first = fair
            .positions
            .iter()
            .find(|p| p.booth == booth)
            .map(|p| p.id.clone())
            .expect("a position");
        // No skills: no position of the booth is open to this person.
        let skilless = fair
            .candidates
            .iter_mut()
            .find(|c| c.id == people[0])
            .expect("candidate");
        skilless.skills.clear();
        fair.visits
            .push(listed_visit(1, &people[0], &booth, None, NextStep::Interview));
        let app = AppState::new(fair, None, Prefs::default());
        let wanted = app.shortlist_to_schedule(&booth);
        assert_eq!(wanted.len(), 1);
        assert_eq!(wanted[0].position.as_ref(), Some(&first));
        assert!(shortlist_score(Some(5), 0.0) > shortlist_score(Some(4), 100.0));
        assert!(shortlist_score(Some(4), 80.0) > shortlist_score(Some(4), 60.0));
        assert!(shortlist_score(Some(1), 0.0) > shortlist_score(None, 100.0));
    }
}

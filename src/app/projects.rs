//! Projects in the app: their best counterparties, and a project's edits.

use std::sync::{Arc, Mutex};

use super::{AppState, Edit, EditError};
use crate::matching::projects::ProjectMatcher;
use crate::model::{Project, ProjectId, Session, SessionId};

/// Project matches, rebuilt when what they depend on (booths, positions, projects, or another
/// fair) changed since they were asked for last; check-ins, visits and candidate edits do not
/// rebuild them. Only the Projects view and the booth editor ask.
#[derive(Default)]
pub(super) struct ProjectMatches(Mutex<Option<(Inputs, Arc<ProjectMatcher>)>>);

/// The fair's generation and its project inputs' version the matches were built for.
type Inputs = (u64, u64);

impl std::fmt::Debug for ProjectMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProjectMatches")
    }
}

impl AppState {
    /// Every project's best counterparties with reasons, current with the fair.
    pub fn project_matches(&self) -> Arc<ProjectMatcher> {
        let inputs = (self.generation, self.project_inputs);
        let mut cached = self.project_matches.0.lock().unwrap_or_else(|e| e.into_inner());
        match cached.as_ref() {
            Some((built_for, matcher)) if *built_for == inputs => Arc::clone(matcher),
            _ => {
                let matcher = Arc::new(ProjectMatcher::build(&self.fair));
                *cached = Some((inputs, Arc::clone(&matcher)));
                matcher
            }
        }
    }

    pub fn project(&self, id: &ProjectId) -> Option<&Project> {
        self.fair.projects.iter().find(|p| &p.id == id)
    }

    pub(super) fn set_project(&mut self, id: ProjectId, value: Project) -> Result<Edit, EditError> {
        let Some(i) = self.fair.projects.iter().position(|p| p.id == id) else {
            return Err(EditError::new(
                format!("no project with id {id}"),
                format!("没有编号为 {id} 的项目"),
            ));
        };
        let old = std::mem::replace(&mut self.fair.projects[i], value);
        Ok(Edit::SetProject {
            id: self.fair.projects[i].id.clone(),
            value: old,
        })
    }

    pub(super) fn set_session(&mut self, id: SessionId, value: Session) -> Result<Edit, EditError> {
        let Some(i) = self.fair.sessions.iter().position(|s| s.id == id) else {
            return Err(EditError::new(
                format!("no session with id {id}"),
                format!("没有编号为 {id} 的对接会"),
            ));
        };
        let old = std::mem::replace(&mut self.fair.sessions[i], value);
        Ok(Edit::SetSession {
            id: self.fair.sessions[i].id.clone(),
            value: old,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Prefs, field};

    #[test]
    fn project_matches_are_rebuilt_by_what_they_depend_on_only() {
        let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
        let first = app.project_matches();
        assert!(Arc::ptr_eq(&first, &app.project_matches()), "asked twice, built once");
        let mut candidate = app.fair.candidates[0].clone();
        candidate.school = "青岛大学".into();
        app.apply(Edit::SetCandidate {
            id: candidate.id.clone(),
            value: candidate,
            field: field::SCHOOL,
        })
        .expect("applies");
        assert!(
            Arc::ptr_eq(&first, &app.project_matches()),
            "a candidate edit keeps them"
        );
        let mut project = app.fair.projects[0].clone();
        project.fields.push("Java".into());
        app.apply(Edit::SetProject {
            id: project.id.clone(),
            value: project,
        })
        .expect("applies");
        assert!(
            !Arc::ptr_eq(&first, &app.project_matches()),
            "a project edit rebuilds them"
        );
    }
}

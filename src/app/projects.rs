//! Projects in the app: their best counterparties, and a project's edits.

use std::sync::{Arc, Mutex};

use super::{AppState, Edit, EditError};
use crate::matching::projects::ProjectMatcher;
use crate::model::{Project, ProjectId, Session, SessionId};

/// Project matches, rebuilt when the fair has changed since they were asked for last.
/// Only the Projects view asks: a fair day's check-ins cost nothing while it is closed.
#[derive(Default)]
pub(super) struct ProjectMatches(Mutex<Option<(u64, Arc<ProjectMatcher>)>>);

impl std::fmt::Debug for ProjectMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProjectMatches")
    }
}

impl AppState {
    /// Every project's best counterparties with reasons, current with the fair.
    pub fn project_matches(&self) -> Arc<ProjectMatcher> {
        let mut cached = self.project_matches.0.lock().unwrap_or_else(|e| e.into_inner());
        match cached.as_ref() {
            Some((version, matcher)) if *version == self.fair_version => Arc::clone(matcher),
            _ => {
                let matcher = Arc::new(ProjectMatcher::build(&self.fair));
                *cached = Some((self.fair_version, Arc::clone(&matcher)));
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

//! Projects in the app: their best counterparties, and a project's edits.

use std::sync::{Arc, Mutex};

use super::{AppState, Edit, EditError, EditName, Field, field};
use crate::matching::projects::{ProjectChanges, ProjectMatcher};
use crate::model::{BoothId, PositionId, Project, ProjectId, Session, SessionId};

/// Project matches, built the first time they are asked for (only the Projects view, the
/// booth editor and the report ask) and from then on brought up to date with the booths,
/// positions and projects edited since, when asked again. Another fair builds them anew.
#[derive(Default)]
pub(super) struct ProjectMatches(Mutex<Option<Kept>>);

struct Kept {
    /// The fair's generation the matches belong to.
    generation: u64,
    matcher: Arc<ProjectMatcher>,
    /// What changed since the matcher was last brought up to date.
    changes: ProjectChanges,
}

impl std::fmt::Debug for ProjectMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProjectMatches")
    }
}

impl ProjectMatches {
    /// Notes a change for the next ask; before the first one there is nothing to keep current.
    fn note(&mut self, note: impl FnOnce(&mut ProjectChanges)) {
        let kept = self.0.get_mut().unwrap_or_else(|e| e.into_inner());
        if let Some(kept) = kept {
            note(&mut kept.changes);
        }
    }
}

impl AppState {
    /// Every project's best counterparties with reasons, current with the fair.
    pub fn project_matches(&self) -> Arc<ProjectMatcher> {
        let mut cached = self.project_matches.0.lock().unwrap_or_else(|e| e.into_inner());
        match cached.as_mut() {
            Some(kept) if kept.generation == self.generation => {
                if !kept.changes.is_empty() {
                    let changes = std::mem::take(&mut kept.changes);
                    // Views let go of the last frame's matcher, so this updates it in place.
                    Arc::make_mut(&mut kept.matcher).update(&self.fair, &changes);
                }
                Arc::clone(&kept.matcher)
            }
            _ => {
                let matcher = Arc::new(ProjectMatcher::build(&self.fair));
                *cached = Some(Kept {
                    generation: self.generation,
                    matcher: Arc::clone(&matcher),
                    changes: ProjectChanges::default(),
                });
                matcher
            }
        }
    }

    pub(super) fn note_project_booth(&mut self, id: &BoothId) {
        self.project_matches.note(|c| c.booth(id));
    }

    pub(super) fn note_project_position(&mut self, id: &PositionId) {
        self.project_matches.note(|c| c.position(id));
    }

    fn note_project(&mut self, id: &ProjectId) {
        self.project_matches.note(|c| c.project(id));
    }

    pub fn project(&self, id: &ProjectId) -> Option<&Project> {
        self.fair.projects.iter().find(|p| &p.id == id)
    }

    pub fn session(&self, id: &SessionId) -> Option<&Session> {
        self.fair.sessions.iter().find(|s| &s.id == id)
    }

    /// An id no project uses yet: `PRJ0005` after four projects.
    pub fn fresh_project_id(&self) -> ProjectId {
        let projects = &self.fair.projects;
        ProjectId::new(fresh(projects.len(), "PRJ", 4, |id| {
            projects.iter().any(|p| p.id.as_str() == id)
        }))
    }

    /// An id no session uses yet: `S003` after two sessions.
    pub fn fresh_session_id(&self) -> SessionId {
        let sessions = &self.fair.sessions;
        SessionId::new(fresh(sessions.len(), "S", 3, |id| {
            sessions.iter().any(|s| s.id.as_str() == id)
        }))
    }

    pub(super) fn set_project(&mut self, id: ProjectId, value: Project, field: Field) -> Result<Edit, EditError> {
        let i = self.project_index(&id)?;
        if value.id != id && self.project(&value.id).is_some() {
            return Err(taken("project", "项目", &value.id.0));
        }
        self.note_project(&id);
        self.note_project(&value.id);
        let old = std::mem::replace(&mut self.fair.projects[i], value);
        Ok(Edit::SetProject {
            id: self.fair.projects[i].id.clone(),
            value: old,
            field,
        })
    }

    pub(super) fn add_project(&mut self, value: Project, at: Option<usize>) -> Result<Edit, EditError> {
        if self.project(&value.id).is_some() {
            return Err(taken("project", "项目", &value.id.0));
        }
        let id = value.id.clone();
        self.note_project(&id);
        let projects = &mut self.fair.projects;
        projects.insert(at.unwrap_or(projects.len()).min(projects.len()), value);
        Ok(Edit::DeleteProject { id })
    }

    /// Deletes the project and drops it from the sessions that present it; the inverse puts
    /// both back.
    pub(super) fn delete_project(&mut self, id: ProjectId) -> Result<Edit, EditError> {
        let i = self.project_index(&id)?;
        let mut restore = Vec::new();
        for session in self.fair.sessions.iter_mut().filter(|s| s.projects.contains(&id)) {
            let old = session.clone();
            session.projects.retain(|p| p != &id);
            restore.push(Edit::SetSession {
                id: old.id.clone(),
                value: old,
                field: field::SESSION_PROJECTS,
            });
        }
        let value = self.fair.projects.remove(i);
        self.note_project(&id);
        let name = EditName::new(
            format!("add project {}", value.title),
            format!("添加项目 {}", value.title),
        );
        let add = Edit::AddProject { value, at: Some(i) };
        if restore.is_empty() {
            return Ok(add);
        }
        restore.insert(0, add);
        Ok(Edit::Batch { name, edits: restore })
    }

    /// Replaces the session but not who came: attendance is recorded at the door as station
    /// events (never undone), so neither an edit nor its undo may take a check-in back.
    pub(super) fn set_session(&mut self, id: SessionId, mut value: Session, field: Field) -> Result<Edit, EditError> {
        let i = self.session_index(&id)?;
        value.attended.clone_from(&self.fair.sessions[i].attended);
        if value.id != id && self.session(&value.id).is_some() {
            return Err(taken("session", "对接会", &value.id.0));
        }
        let old = std::mem::replace(&mut self.fair.sessions[i], value);
        Ok(Edit::SetSession {
            id: self.fair.sessions[i].id.clone(),
            value: old,
            field,
        })
    }

    pub(super) fn add_session(&mut self, value: Session, at: Option<usize>) -> Result<Edit, EditError> {
        if self.session(&value.id).is_some() {
            return Err(taken("session", "对接会", &value.id.0));
        }
        let id = value.id.clone();
        let sessions = &mut self.fair.sessions;
        sessions.insert(at.unwrap_or(sessions.len()).min(sessions.len()), value);
        Ok(Edit::DeleteSession { id })
    }

    pub(super) fn delete_session(&mut self, id: SessionId) -> Result<Edit, EditError> {
        let i = self.session_index(&id)?;
        let value = self.fair.sessions.remove(i);
        Ok(Edit::AddSession { value, at: Some(i) })
    }

    fn project_index(&self, id: &ProjectId) -> Result<usize, EditError> {
        self.fair
            .projects
            .iter()
            .position(|p| &p.id == id)
            .ok_or_else(|| EditError::new(format!("no project with id {id}"), format!("没有编号为 {id} 的项目")))
    }

    fn session_index(&self, id: &SessionId) -> Result<usize, EditError> {
        self.fair
            .sessions
            .iter()
            .position(|s| &s.id == id)
            .ok_or_else(|| EditError::new(format!("no session with id {id}"), format!("没有编号为 {id} 的对接会")))
    }
}

/// `{prefix}{n}` (n with `digits` digits, like generated fairs' ids) for the first n past
/// `len` that is not taken.
fn fresh(len: usize, prefix: &str, digits: usize, taken: impl Fn(&str) -> bool) -> String {
    (len + 1..)
        .map(|n| format!("{prefix}{n:0digits$}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_owned())
}

fn taken(en: &str, zh: &str, id: &str) -> EditError {
    EditError::new(
        format!("id {id} is already used by another {en}"),
        format!("编号 {id} 已被另一个{zh}使用"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Prefs, field};

    #[test]
    fn project_matches_follow_each_edit_as_a_fresh_build_would() {
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
            "a candidate edit changes nothing here"
        );
        drop(first);
        let same = |app: &AppState| {
            let kept = app.project_matches();
            let fresh = ProjectMatcher::build(&app.fair);
            app.fair
                .projects
                .iter()
                .all(|p| kept.top_booths(&p.id) == fresh.top_booths(&p.id))
        };
        let mut project = app.fair.projects[0].clone();
        project.fields.push("Java".into());
        app.apply(Edit::SetProject {
            id: project.id.clone(),
            value: project,
            field: field::TECH_FIELDS,
        })
        .expect("applies");
        assert!(same(&app), "after a project edit");
        // The best counterparty of the first project turns investor.
        let best = app.project_matches().top_booths(&app.fair.projects[0].id)[0]
            .booth
            .clone();
        let mut booth = app.booth(&best).expect("listed booths exist").clone();
        booth.employer_kind = crate::model::EmployerKind::Investor;
        app.apply(Edit::SetBooth {
            id: best.clone(),
            value: booth,
            field: field::EMPLOYER_KIND,
        })
        .expect("applies");
        assert!(same(&app), "after a booth edit");
        let moved = app
            .fair
            .positions
            .iter()
            .find(|p| p.booth == best)
            .expect("a position")
            .clone();
        let mut position = moved.clone();
        position.booth = app
            .fair
            .booths
            .iter()
            .find(|b| b.id != best)
            .expect("another booth")
            .id
            .clone();
        app.apply(Edit::SetPosition {
            id: moved.id.clone(),
            value: position,
            field: field::BOOTH,
        })
        .expect("applies");
        assert!(same(&app), "after a position moved");
        app.undo().expect("undoes");
        app.undo().expect("undoes");
        assert!(same(&app), "after undo");
    }

    #[test]
    fn a_deleted_project_leaves_its_sessions_and_undo_brings_both_back() {
        let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
        let before = app.fair.clone();
        let id = app.fair.sessions[0].projects[0].clone();
        app.apply(Edit::DeleteProject { id: id.clone() }).expect("applies");
        assert!(app.project(&id).is_none());
        assert!(app.fair.sessions.iter().all(|s| !s.projects.contains(&id)));
        app.undo().expect("undoes");
        assert_eq!(app.fair.projects, before.projects);
        assert_eq!(app.fair.sessions, before.sessions);
        app.redo().expect("redoes");
        assert!(app.project(&id).is_none());
    }

    #[test]
    fn new_projects_and_sessions_get_fresh_ids_and_are_undone_by_id() {
        let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
        let mut project = app.fair.projects[0].clone();
        project.id = app.fresh_project_id();
        assert!(app.project(&project.id).is_none());
        app.apply(Edit::AddProject {
            value: project.clone(),
            at: None,
        })
        .expect("applies");
        let taken = app.apply(Edit::AddProject {
            value: project,
            at: None,
        });
        assert!(taken.is_err(), "an id in use is refused");
        let mut session = app.fair.sessions[0].clone();
        session.id = app.fresh_session_id();
        app.apply(Edit::AddSession {
            value: session.clone(),
            at: Some(0),
        })
        .expect("applies");
        assert_eq!(app.fair.sessions[0].id, session.id);
        app.apply(Edit::DeleteSession { id: session.id.clone() })
            .expect("applies");
        app.undo().expect("undoes the delete");
        assert_eq!(app.fair.sessions[0], session, "back in its place");
        app.undo().expect("undoes the add");
        app.undo().expect("undoes the project");
        assert_eq!(app.fair.projects.len(), 4);
        assert_eq!(app.fair.sessions.len(), 2);
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_but_pipeline_moves_are_not_merged() {
        let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
        let original = app.fair.projects[0].clone();
        let mut project = original.clone();
        for c in ["A", "B", "C"] {
            project.lead.push_str(c);
            app.apply(Edit::SetProject {
                id: project.id.clone(),
                value: project.clone(),
                field: field::LEAD,
            })
            .expect("applies");
        }
        for status in [
            crate::model::ProjectStatus::Matched,
            crate::model::ProjectStatus::Negotiating,
        ] {
            project.status = status;
            app.apply(Edit::SetProject {
                id: project.id.clone(),
                value: project.clone(),
                field: field::STATUS,
            })
            .expect("applies");
        }
        app.undo().expect("undoes");
        assert_eq!(app.fair.projects[0].status, crate::model::ProjectStatus::Matched);
        app.undo().expect("undoes");
        app.undo().expect("undoes");
        assert_eq!(app.fair.projects[0], original, "three keystrokes, one step");
    }
}

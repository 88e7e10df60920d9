//! Projects and sessions rows: the columns `fairmatch export --what projects|sessions` writes,
//! or their Chinese headers. Team members, invitees and attendance name candidates by id;
//! counterparties and hosts name booths by number or employer; a session's projects name
//! projects of the fair or of the same import.

use std::collections::HashSet;

use crate::model::{
    BoothId, CandidateId, LocalTime, Project, ProjectId, ProjectSeeks, ProjectStage, ProjectStatus, ProjectStep,
    Session, SessionId, SessionKind,
};
use crate::text::{fold, halfwidth, split_list};

use super::super::cells::{parse_local_time, parse_yes_no, unknown};
use super::super::columns::{Row, Table};
use super::{Importer, Seen, read_industry};

impl Importer<'_> {
    pub(in super::super) fn projects(&mut self, table: &Table) {
        let mut ids: std::collections::HashMap<String, Seen> = self
            .fair
            .projects
            .iter()
            .map(|p| (p.id.0.clone(), Seen::InFair))
            .collect();
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let (line_number, mapper) = (*line, &mut self.mapper);
            let id = Self::row_id(&mut row, "PRJ", &ids);
            let title = row.required("title");
            let industry = row.parse("industry", |cell| read_industry(mapper, line_number, cell));
            let stage = row.parse("stage", |cell| {
                label(
                    cell,
                    ProjectStage::Idea,
                    ProjectStage::parse,
                    ProjectStage::expected,
                    "stage",
                )
            });
            let status = row.parse("status", |cell| {
                label(
                    cell,
                    ProjectStatus::Registered,
                    ProjectStatus::parse,
                    ProjectStatus::expected,
                    "status",
                )
            });
            let seeks = (
                row.parse("investment_wan", parse_wan),
                row.parse("site", parse_yes_no),
                row.parse("partners", parse_yes_no),
                row.parse("pilot_customers", parse_yes_no),
            );
            let team = self.candidates_named(&mut row, "team");
            let steps = if row.text("steps").is_empty() {
                self.last_step(&mut row, status)
            } else {
                self.steps(&mut row)
            };
            if self.rejected(&mut row) {
                continue;
            }
            let (
                Some(id),
                Some(title),
                Some(industry),
                Some(stage),
                Some(status),
                (Some(investment_wan), Some(site), Some(partners), Some(pilot_customers)),
                Some(team),
                Some(steps),
            ) = (id, title, industry, stage, status, seeks, team, steps)
            else {
                continue;
            };
            ids.insert(id.clone(), Seen::Line(*line));
            self.fair.projects.push(Project {
                id: ProjectId::new(id),
                title,
                lead: row.text("lead").to_owned(),
                team,
                industry,
                fields: split_list(row.text("fields")),
                stage,
                seeks: ProjectSeeks {
                    investment_wan,
                    site,
                    partners,
                    pilot_customers,
                },
                cities: split_list(row.text("cities")),
                status,
                steps,
                description: row.text("description").to_owned(),
            });
            self.report.projects_added += 1;
        }
    }

    pub(in super::super) fn sessions(&mut self, table: &Table) {
        let mut ids: std::collections::HashMap<String, Seen> = self
            .fair
            .sessions
            .iter()
            .map(|s| (s.id.0.clone(), Seen::InFair))
            .collect();
        let projects: HashSet<String> = self.fair.projects.iter().map(|p| p.id.0.clone()).collect();
        for (line, record) in &table.rows {
            let mut row = Row::new(table, *line, record);
            let id = Self::row_id(&mut row, "S", &ids);
            let title = row.required("title");
            let kind = row.parse("kind", |cell| {
                label(
                    cell,
                    SessionKind::Docking,
                    SessionKind::parse,
                    SessionKind::expected,
                    "kind",
                )
            });
            let start = row.parse("start", parse_local_time);
            let end = row.parse("end", parse_local_time);
            if let (Some(start), Some(end)) = (start, end)
                && end <= start
            {
                row.problem(Some("end"), format!("is not after the start ({start})"));
            }
            let capacity = row.parse("capacity", |cell| {
                if cell.is_empty() {
                    return Ok(0);
                }
                cell.parse::<u32>()
                    .map_err(|_| format!("`{cell}` is not a number of seats; expected a whole number (0: no limit)"))
            });
            let hosts = self.booths_named(&mut row, "hosts");
            let invitees = self.candidates_named(&mut row, "invitees");
            let attended = self.candidates_named(&mut row, "attended");
            let mut presented = Vec::new();
            for project in split_list(row.text("projects")) {
                if projects.contains(&project) {
                    presented.push(ProjectId::new(project));
                } else {
                    row.problem(
                        Some("projects"),
                        format!("no project `{project}` in the fair or the projects imported with it"),
                    );
                }
            }
            if self.rejected(&mut row) {
                continue;
            }
            let (
                Some(id),
                Some(title),
                Some(kind),
                Some(start),
                Some(end),
                Some(capacity),
                Some(hosts),
                Some(invitees),
                Some(attended),
            ) = (id, title, kind, start, end, capacity, hosts, invitees, attended)
            else {
                continue;
            };
            ids.insert(id.clone(), Seen::Line(*line));
            self.fair.sessions.push(Session {
                id: SessionId::new(id),
                title,
                kind,
                room: row.text("room").to_owned(),
                start,
                end,
                capacity,
                hosts,
                invitees,
                projects: presented,
                attended,
            });
            self.report.sessions_added += 1;
        }
    }

    /// Candidates listed by id; each must be in the fair (or among the rows imported before).
    fn candidates_named(&self, row: &mut Row, column: &'static str) -> Option<Vec<CandidateId>> {
        let mut found = Vec::new();
        let mut ok = true;
        for id in split_list(row.text(column)) {
            if self.candidate_ids.contains_key(&id) {
                found.push(CandidateId::new(id));
            } else {
                row.problem(Some(column), format!("no candidate with id `{id}` in the fair"));
                ok = false;
            }
        }
        ok.then_some(found)
    }

    /// Booths listed by number or by employer name; each must be in the fair.
    fn booths_named(&self, row: &mut Row, column: &'static str) -> Option<Vec<BoothId>> {
        let mut found = Vec::new();
        let mut ok = true;
        for name in split_list(row.text(column)) {
            match self.booth(&name) {
                Some(id) => found.push(id),
                None => {
                    row.problem(
                        Some(column),
                        format!("no booth `{name}` in the fair; expected a booth number or an employer's name"),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(found)
    }

    fn booth(&self, name: &str) -> Option<BoothId> {
        if self.booth_ids.contains_key(name) {
            return Some(BoothId::new(name));
        }
        self.booth_by_employer.get(&fold(name)).cloned()
    }

    /// One step from the `status`, `counterparty`, `amount_wan` and `status_at` columns: how
    /// the project got to its status (none while registered).
    fn last_step(&self, row: &mut Row, status: Option<ProjectStatus>) -> Option<Vec<ProjectStep>> {
        let counterparty = self.counterparty(row, "counterparty", row.text("counterparty"))?;
        let amount_wan = row.parse("amount_wan", parse_wan)?;
        let at = match row.text("status_at") {
            "" => chrono::Local::now().naive_local(),
            _ => row.parse("status_at", parse_local_time)?,
        };
        match status? {
            ProjectStatus::Registered => Some(Vec::new()),
            status => Some(vec![ProjectStep {
                status,
                at,
                counterparty,
                amount_wan,
            }]),
        }
    }

    /// The `steps` column: `Matched|2026-02-14 10:00:00|D-005|800; Negotiating|…`, oldest first.
    fn steps(&self, row: &mut Row) -> Option<Vec<ProjectStep>> {
        let cell = row.text("steps");
        let mut steps = Vec::new();
        for step in cell.split([';', '；']).map(str::trim).filter(|s| !s.is_empty()) {
            let parts: Vec<&str> = step.split('|').map(str::trim).collect();
            let [status, at, counterparty, amount] = parts[..] else {
                row.problem(
                    Some("steps"),
                    format!("`{step}` is not a step; expected status|date and time|booth|amount, e.g. Matched|2026-02-14 10:00|D-005|800"),
                );
                return None;
            };
            let Some(status) = ProjectStatus::parse(status) else {
                row.problem(Some("steps"), unknown("status", status, &ProjectStatus::expected()));
                return None;
            };
            let at: LocalTime = match parse_local_time(at) {
                Ok(at) => at,
                Err(e) => {
                    row.problem(Some("steps"), e);
                    return None;
                }
            };
            let counterparty = self.counterparty(row, "steps", counterparty)?;
            let amount_wan = match parse_wan(amount) {
                Ok(amount) => amount,
                Err(e) => {
                    row.problem(Some("steps"), e);
                    return None;
                }
            };
            steps.push(ProjectStep {
                status,
                at,
                counterparty,
                amount_wan,
            });
        }
        Some(steps)
    }

    /// `Some(None)` for an empty cell, `None` (with a problem) for a booth not in the fair.
    fn counterparty(&self, row: &mut Row, column: &'static str, name: &str) -> Option<Option<BoothId>> {
        if name.is_empty() {
            return Some(None);
        }
        match self.booth(name) {
            Some(id) => Some(Some(id)),
            None => {
                row.problem(
                    Some(column),
                    format!("no booth `{name}` in the fair; expected a booth number or an employer's name"),
                );
                None
            }
        }
    }
}

/// A label in English or Chinese; `default` for an empty cell.
fn label<T>(
    cell: &str,
    default: T,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
    what: &str,
) -> Result<T, String> {
    if cell.is_empty() {
        return Ok(default);
    }
    parse(cell).ok_or_else(|| unknown(what, cell, &expected()))
}

/// An amount in 万元: `800`, `800万`, `800万元`; empty for none. A bare `元` is refused rather
/// than read as 万元, ten thousand times the amount.
fn parse_wan(cell: &str) -> Result<Option<u32>, String> {
    let text: String = cell.chars().map(halfwidth).collect();
    let text = text.trim();
    let text = text
        .strip_suffix("万元")
        .or_else(|| text.strip_suffix('万'))
        .unwrap_or(text)
        .trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>()
        .map(Some)
        .map_err(|_| format!("`{cell}` is not an amount; expected a whole number of 万元 like 800"))
}

#[cfg(test)]
mod tests {
    use super::parse_wan;

    #[test]
    fn amounts_are_in_wan_and_a_bare_yuan_is_refused() {
        assert_eq!(parse_wan("800"), Ok(Some(800)));
        assert_eq!(parse_wan("800万"), Ok(Some(800)));
        assert_eq!(parse_wan(" 800 万元 "), Ok(Some(800)));
        assert_eq!(parse_wan(""), Ok(None));
        let error = parse_wan("800元").unwrap_err();
        assert!(error.contains("expected a whole number of 万元"), "{error}");
    }
}

//! Projects and sessions as export rows, with the columns of docs/data-formats.md.

use super::csv_export::{TIME, list};
use crate::model::Fair;

pub const PROJECT_COLUMNS: &[&str] = &[
    "id",
    "title",
    "lead",
    "team",
    "industry",
    "fields",
    "stage",
    "investment_wan",
    "site",
    "partners",
    "pilot_customers",
    "cities",
    "status",
    "counterparty",
    "amount_wan",
    "status_at",
    "description",
    "steps",
];

pub const SESSION_COLUMNS: &[&str] = &[
    "id", "title", "kind", "room", "start", "end", "capacity", "hosts", "invitees", "projects", "attended",
];

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.into()
}

pub(super) fn project_rows(fair: &Fair) -> Vec<Vec<String>> {
    let mut rows = vec![PROJECT_COLUMNS.iter().map(|c| c.to_string()).collect()];
    for p in &fair.projects {
        // The step that brought the project to its status: with whom, for how much, when.
        let last = p.steps.iter().rev().find(|s| s.status == p.status);
        rows.push(vec![
            p.id.0.clone(),
            p.title.clone(),
            p.lead.clone(),
            list(p.team.iter().map(|c| c.as_str())),
            p.industry.en().to_owned(),
            list(&p.fields),
            p.stage.en().to_owned(),
            p.seeks.investment_wan.map(|n| n.to_string()).unwrap_or_default(),
            yes_no(p.seeks.site),
            yes_no(p.seeks.partners),
            yes_no(p.seeks.pilot_customers),
            list(&p.cities),
            p.status.en().to_owned(),
            last.and_then(|s| s.counterparty.as_ref())
                .map(|b| b.0.clone())
                .unwrap_or_default(),
            last.and_then(|s| s.amount_wan)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            last.map(|s| s.at.format(TIME).to_string()).unwrap_or_default(),
            p.description.clone(),
            // The whole pipeline, so an import gives the project back as it was.
            list(p.steps.iter().map(|s| {
                format!(
                    "{}|{}|{}|{}",
                    s.status.en(),
                    s.at.format(TIME),
                    s.counterparty.as_ref().map_or("", |b| b.as_str()),
                    s.amount_wan.map(|n| n.to_string()).unwrap_or_default()
                )
            })),
        ]);
    }
    rows
}

pub(super) fn session_rows(fair: &Fair) -> Vec<Vec<String>> {
    let mut rows = vec![SESSION_COLUMNS.iter().map(|c| c.to_string()).collect()];
    for s in &fair.sessions {
        rows.push(vec![
            s.id.0.clone(),
            s.title.clone(),
            s.kind.en().to_owned(),
            s.room.clone(),
            s.start.format(TIME).to_string(),
            s.end.format(TIME).to_string(),
            s.capacity.to_string(),
            list(s.hosts.iter().map(|b| b.as_str())),
            list(s.invitees.iter().map(|c| c.as_str())),
            list(s.projects.iter().map(|p| p.as_str())),
            list(s.attended.iter().map(|c| c.as_str())),
        ]);
    }
    rows
}

//! The bundled sample fair: loads, validates, and is the varied, realistic fair it claims to be.

use std::collections::HashSet;

use fairmatch::generate::{sample_fair, try_sample_fair};
use fairmatch::model::{Industry, NextStep, SkillDictionary, TalentTier, validate};

#[test]
fn sample_loads_and_validates_cleanly() {
    let fair = try_sample_fair().expect("the bundled sample parses");
    let problems = validate(&fair);
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(5)]);
    assert_eq!(sample_fair(), fair);
}

#[test]
fn sample_is_laid_out_by_zone() {
    let fair = sample_fair();
    let spots: Vec<_> = fair.booths.iter().map(|b| b.floor).collect();
    let auto: Vec<_> = fairmatch::insight::floor::auto_layout(&fair)
        .into_iter()
        .map(Some)
        .collect();
    assert_eq!(spots, auto, "the sample's spots are the automatic layout's");
    crate::generate_fair::assert_laid_out(&fair);
}

#[test]
fn sample_has_the_campus_scale_and_a_meaningful_identity() {
    let fair = sample_fair();
    assert_eq!(fair.meta.id.as_str(), "qingdao-homecoming-2026");
    assert!(
        fair.meta.name.contains("青岛") && fair.meta.name.contains("Qingdao"),
        "{}",
        fair.meta.name
    );
    assert_eq!(fair.meta.starts_on, "2026-02-21");
    assert!(!fair.meta.venue.is_empty() && !fair.meta.zones.is_empty());
    assert_eq!(fair.booths.len(), 40);
    assert_eq!(fair.positions.len(), 300);
    assert_eq!(fair.candidates.len(), 2_000);
    assert!(fair.visits.len() >= 100, "{} visits", fair.visits.len());
    let day = &fair.meta.starts_on;
    assert!(fair.visits.iter().all(|v| v.at.date().to_string() == *day));
    assert!(
        fair.candidates
            .iter()
            .filter_map(|c| c.checked_in)
            .all(|t| t.date().to_string() == *day)
    );
}

#[test]
fn sample_is_varied() {
    let fair = sample_fair();
    let zhang_wei = fair.candidates.iter().filter(|c| c.name == "张伟").count();
    assert!(zhang_wei >= 2, "张伟 appears {zhang_wei} times");
    let employers: HashSet<&str> = fair.booths.iter().map(|b| b.employer.as_str()).collect();
    assert_eq!(employers.len(), 40);
    let industries: HashSet<Industry> = fair.booths.iter().map(|b| b.industry).collect();
    assert_eq!(industries.len(), Industry::ALL.len());
    let zones: HashSet<&str> = fair.booths.iter().map(|b| b.zone.as_str()).collect();
    assert_eq!(zones.len(), fair.meta.zones.len());
    let tiers: HashSet<TalentTier> = fair.candidates.iter().map(|c| c.tier).collect();
    assert_eq!(tiers.len(), TalentTier::ALL.len());
    let steps: HashSet<NextStep> = fair.visits.iter().map(|v| v.next_step).collect();
    assert!(
        steps.contains(&NextStep::Hired) && steps.contains(&NextStep::Reject),
        "{steps:?}"
    );
    let dict = SkillDictionary::builtin();
    let unknown = fair
        .candidates
        .iter()
        .flat_map(|c| &c.skills)
        .chain(fair.positions.iter().flat_map(|p| &p.required_skills))
        .filter(|s| dict.resolve(s).is_none())
        .count();
    assert_eq!(unknown, 0, "every sample skill is in the dictionary");
}

#[test]
fn sample_carries_its_day_as_station_events() {
    use fairmatch::app::merge::{merge_logs, station_log, stations};
    use fairmatch::model::derived_events;
    let fair = sample_fair();
    let checked_in = fair.candidates.iter().filter(|c| c.checked_in.is_some()).count();
    assert_eq!(fair.events.len(), fair.visits.len() + checked_in);
    assert!(
        derived_events(&fair).is_empty(),
        "every check-in and visit has its event"
    );
    assert!(stations(&fair).len() > 10, "the entrance and many booth laptops");

    // The organizer's fair before the day, merged with every station's log, is the sample.
    let mut before = fair.clone();
    before.visits.clear();
    before.events.clear();
    for c in &mut before.candidates {
        c.checked_in = None;
    }
    let logs: Vec<_> = stations(&fair).iter().map(|s| station_log(&fair, Some(s))).collect();
    let report = merge_logs(&mut before, &logs).expect("same fair");
    assert_eq!(report.visits_added, fair.visits.len());
    assert!(report.conflicts.is_empty() && report.unknown_candidates.is_empty());
    before.visits.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = fair.clone();
    expected.visits.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(before, expected);
}

#[test]
fn sample_has_projects_and_sessions_that_name_its_people_and_booths() {
    let fair = sample_fair();
    assert!(fair.projects.len() >= 3 && fair.sessions.len() >= 2);
    let people: HashSet<_> = fair.candidates.iter().map(|c| &c.id).collect();
    let booths: HashSet<_> = fair.booths.iter().map(|b| &b.id).collect();
    for p in &fair.projects {
        assert!(p.team.iter().all(|c| people.contains(c)), "{}", p.id);
        assert!(
            p.steps
                .iter()
                .filter_map(|s| s.counterparty.as_ref())
                .all(|b| booths.contains(b))
        );
        assert_eq!(
            p.steps
                .last()
                .map_or(fairmatch::model::ProjectStatus::Registered, |s| s.status),
            p.status
        );
    }
    for s in &fair.sessions {
        assert!(s.hosts.iter().all(|b| booths.contains(b)), "{}", s.id);
        assert!(
            s.invitees.iter().chain(&s.attended).all(|c| people.contains(c)),
            "{}",
            s.id
        );
        assert!(s.attended.iter().all(|c| s.invitees.contains(c)));
        assert!(s.start < s.end);
    }
    // Every project has a counterparty worth meeting, with reasons.
    let matcher = fairmatch::matching::projects::ProjectMatcher::build(&fair);
    for p in &fair.projects {
        let best = matcher.top_booths(&p.id);
        assert!(!best.is_empty() && !best[0].reasons.is_empty(), "{}", p.id);
    }
}

#[test]
fn projects_and_sessions_export_as_csv() {
    use fairmatch::store::csv_export::{ExportTable, export_rows};
    let fair = sample_fair();
    let projects = export_rows(&fair, ExportTable::Projects);
    assert_eq!(projects.len(), fair.projects.len() + 1);
    let header = &projects[0];
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let signed = projects.iter().find(|r| r[0] == "PRJ0002").expect("PRJ0002");
    assert_eq!(signed[column("status")], "Intention signed");
    assert_eq!(signed[column("counterparty")], "A-003");
    assert_eq!(signed[column("amount_wan")], "600");
    assert_eq!(signed[column("team")], "C000006; C000013");
    let sessions = export_rows(&fair, ExportTable::Sessions);
    assert_eq!(sessions.len(), fair.sessions.len() + 1);
    assert_eq!(sessions[1][2], "Docking session");
}

#[test]
fn the_report_lists_the_projects_with_their_counterparty() {
    use fairmatch::report::tables::{TableId, Value, build};
    let fair = sample_fair();
    let insight = fairmatch::insight::Insight::compute(&fair);
    let tables = build(&fair, &insight, fairmatch::model::Lang::Zh);
    let projects = tables
        .iter()
        .find(|t| t.id == TableId::Projects)
        .expect("a projects table");
    assert_eq!(projects.rows.len(), fair.projects.len());
    let signed = projects
        .rows
        .iter()
        .find(|r| r[0] == Value::Text("工业大模型质检平台".into()))
        .expect("the signed project");
    assert_eq!(signed[5], Value::Text("青岛智能计算研究院".into()));
    assert_eq!(signed[6], Value::Int(600));
    let headline = &tables[0];
    let landed = headline
        .rows
        .iter()
        .find(|r| r[0] == Value::Text("签约项目（意向或合同）".into()));
    assert_eq!(landed.map(|r| r[1].clone()), Some(Value::Int(1)));
}

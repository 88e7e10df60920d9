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

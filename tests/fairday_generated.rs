//! A generated fair carries its day as events: exporting them as a station log and merging
//! that into the same seed generated without visits gives back the same fair.

use fairmatch::app::merge::{merge_logs, station_log};
use fairmatch::generate::{GenerateSpec, generate};
use fairmatch::model::{EventKind, StationId};

fn spec(visits: usize) -> GenerateSpec {
    GenerateSpec {
        seed: 11,
        booths: 12,
        positions: 60,
        candidates: 400,
        visits,
    }
}

#[test]
fn station_log_of_a_generated_day_rebuilds_it_on_the_bare_fair() {
    let day = generate(&spec(150));
    assert_eq!(day.visits.len(), 150);
    let checked_in = day.candidates.iter().filter(|c| c.checked_in.is_some()).count();
    assert!(checked_in > 0);
    assert_eq!(day.events.len(), day.visits.len() + checked_in);
    assert!(fairmatch::model::validate(&day).is_empty());

    let mut rebuilt = generate(&spec(0));
    assert!(rebuilt.visits.is_empty() && rebuilt.events.is_empty());
    assert_eq!(
        rebuilt.meta.id, day.meta.id,
        "the visit count does not change the fair id"
    );
    let report = merge_logs(&mut rebuilt, &[station_log(&day, None)]).expect("same fair");
    assert_eq!(report.visits_added, 150);
    assert_eq!(report.check_ins, checked_in);
    assert!(report.conflicts.is_empty() && report.unknown_candidates.is_empty());
    assert_eq!(rebuilt.visits, day.visits);
    assert_eq!(rebuilt, day);
}

#[test]
fn per_station_logs_of_a_generated_day_merge_to_the_same_fair() {
    let day = generate(&spec(150));
    let mut stations: Vec<StationId> = day.events.iter().map(|e| e.station.clone()).collect();
    stations.sort();
    stations.dedup();
    assert!(
        stations.len() > 2,
        "check-ins at the entrance, visits at several booths"
    );
    let logs: Vec<_> = stations.iter().rev().map(|s| station_log(&day, Some(s))).collect();
    let mut rebuilt = generate(&spec(0));
    merge_logs(&mut rebuilt, &logs).expect("same fair");
    assert_eq!(rebuilt, day);
    assert!(
        day.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::CheckIn { .. }) && e.station.as_str() == "entrance")
    );
}

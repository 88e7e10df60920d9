//! Merging an arbitrary station log (RON) into a small fair, with one person erased: never a
//! panic, merging twice adds nothing, and the erased person's name never comes back.
#![no_main]

use std::sync::OnceLock;

use fairmatch::model::{CandidateId, Fair};
use libfuzzer_sys::fuzz_target;

const SEED_FAIR: &str = include_str!("../seeds/fair.ron");

fn base() -> &'static Fair {
    static FAIR: OnceLock<Fair> = OnceLock::new();
    FAIR.get_or_init(|| {
        let mut fair = fairmatch::store::fair_from_str(SEED_FAIR, "seed").expect("the seed fair loads");
        let erased = fair
            .candidates
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_else(|| CandidateId::new("C1"));
        let _ = fairmatch::model::erase_candidate(&mut fair, &erased, fairmatch::model::LocalTime::default());
        fair
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut log) = fairmatch::store::station_log::station_log_from_str(text, "fuzz.ron") else {
        return;
    };
    let mut fair = base().clone();
    log.fair_id = fair.meta.id.clone();
    if fairmatch::app::merge::merge_logs(&mut fair, std::slice::from_ref(&log)).is_err() {
        return;
    }
    let once = fairmatch::store::fair_to_string(&fair).expect("a merged fair saves");
    let report = fairmatch::app::merge::merge_logs(&mut fair, std::slice::from_ref(&log)).expect("merges again");
    assert_eq!(report.events_added, 0, "a log merged twice adds nothing");
    assert_eq!(
        once,
        fairmatch::store::fair_to_string(&fair).expect("saves"),
        "merging twice changes nothing"
    );
    for tombstone in &fair.erased {
        assert!(
            !fair.candidates.iter().any(|c| c.id == tombstone.candidate),
            "an erased person came back"
        );
    }
});

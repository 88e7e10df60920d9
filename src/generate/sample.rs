//! The bundled sample fair (`assets/sample.ron`), embedded so the window opens on a real fair
//! from any folder.
//!
//! It started as `generate --preset campus --seed 2026 --visits 600` and was then curated by
//! hand: the fair's name, date and venue, every booth's employer, and a second 张伟 so that
//! searching a common name shows several people. Its station events were added the way
//! `generate` adds them ([`crate::model::derived_events`]: one check-in per checked-in
//! candidate at station `entrance`, one event per visit at station `booth-{booth}`), so the
//! desks, the station-log export and merging show real data on the sample.

use crate::model::{Fair, FairId};
use crate::store::{StoreError, fair_from_str};

const SAMPLE: &str = include_str!("../../assets/sample.ron");

/// Parses the bundled sample fair.
pub fn try_sample_fair() -> Result<Fair, StoreError> {
    fair_from_str(SAMPLE, "bundled sample fair (assets/sample.ron)")
}

/// The bundled sample fair. Tests guarantee it parses; should a broken build ever ship,
/// the window still opens, on an empty fair, and the reason goes to stderr.
pub fn sample_fair() -> Fair {
    try_sample_fair().unwrap_or_else(|e| {
        eprintln!("fairmatch: {e}");
        Fair::new(FairId::new("empty"), "fairmatch")
    })
}

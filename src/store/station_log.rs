//! Station log files: one station's fair-day events as RON, loaded as carefully as fair files
//! (size cap, UTF-8, version probe, recursion limit) and saved atomically.

use std::path::Path;

use crate::model::{STATION_LOG_VERSION, StationLog};

use super::{StoreError, parse_error, probe_format_version, read_text_capped, ron_options, write_atomically};

/// Larger than any real day's log (100,000 check-ins and visits take about 60 MB);
/// refusing bigger files keeps a wrong file from exhausting memory.
pub const MAX_STATION_LOG_BYTES: u64 = 512 * 1024 * 1024;

/// Serializes a station log as pretty RON.
pub fn station_log_to_string(log: &StationLog) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::default().indentor("  ");
    ron_options()
        .to_string_pretty(log, config)
        .map_err(|e| StoreError::Serialize(e.to_string()))
}

/// Parses a station log; `origin` names the source in messages. A newer format is refused.
pub fn station_log_from_str(text: &str, origin: &str) -> Result<StationLog, StoreError> {
    if let Some(found) = probe_format_version(text)
        && found > STATION_LOG_VERSION
    {
        return Err(StoreError::NewerVersion {
            origin: origin.to_owned(),
            found,
            supported: STATION_LOG_VERSION,
        });
    }
    ron_options()
        .from_str::<StationLog>(text)
        .map_err(|e| parse_error(text, origin, e))
}

pub fn load_station_log(path: &Path) -> Result<StationLog, StoreError> {
    let text = read_text_capped(path, MAX_STATION_LOG_BYTES)?;
    station_log_from_str(&text, &path.display().to_string())
}

/// Writes atomically: a failed save leaves an existing file as it was.
pub fn save_station_log(path: &Path, log: &StationLog) -> Result<(), StoreError> {
    let text = station_log_to_string(log)?;
    write_atomically(path, text.as_bytes())
}

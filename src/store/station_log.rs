//! Station log files: one station's fair-day events as RON, saved atomically.

use std::io::Read;
use std::path::Path;

use crate::model::{STATION_LOG_VERSION, StationLog};

use super::StoreError;

/// Larger than any real day's log (100,000 check-ins and visits take about 60 MB);
/// refusing bigger files keeps a wrong file from exhausting memory.
pub const MAX_STATION_LOG_BYTES: u64 = 512 * 1024 * 1024;

fn error(path: &Path, message: impl std::fmt::Display) -> StoreError {
    StoreError {
        message: format!("{}: {message}", path.display()),
    }
}

/// Serializes a station log as pretty RON.
pub fn station_log_to_string(log: &StationLog) -> Result<String, StoreError> {
    ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::default()).map_err(|e| StoreError {
        message: format!("could not write the station log: {e}"),
    })
}

/// Parses a station log; `origin` names the source in messages. A newer format is refused.
pub fn station_log_from_str(text: &str, origin: &str) -> Result<StationLog, StoreError> {
    let log: StationLog = ron::Options::default().from_str(text).map_err(|e| StoreError {
        message: format!(
            "{origin}:{}:{}: not a valid station log: {}",
            e.span.start.line, e.span.start.col, e.code
        ),
    })?;
    if log.format_version > STATION_LOG_VERSION {
        return Err(StoreError {
            message: format!(
                "{origin}: station log format_version {} is newer than this build supports ({STATION_LOG_VERSION}); \
                 update fairmatch",
                log.format_version
            ),
        });
    }
    Ok(log)
}

pub fn load_station_log(path: &Path) -> Result<StationLog, StoreError> {
    let file = std::fs::File::open(path).map_err(|e| error(path, e))?;
    let size = file.metadata().map_err(|e| error(path, e))?.len();
    if size > MAX_STATION_LOG_BYTES {
        return Err(error(
            path,
            format!("is {size} bytes; a station log is at most {MAX_STATION_LOG_BYTES} bytes"),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while being read.
    file.take(MAX_STATION_LOG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        error(
            path,
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    station_log_from_str(&text, &path.display().to_string())
}

/// Writes atomically: a failed save leaves an existing file as it was.
pub fn save_station_log(path: &Path, log: &StationLog) -> Result<(), StoreError> {
    let text = station_log_to_string(log)?;
    atomicwrites::AtomicFile::new(path, atomicwrites::AllowOverwrite)
        .write(|f| std::io::Write::write_all(f, text.as_bytes()))
        .map_err(|e| error(path, e))
}

//! The station log loader and the station journal's replay on arbitrary bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(log) = fairmatch::store::station_log::station_log_from_str(text, "fuzz.ron")
    {
        let text = fairmatch::store::station_log::station_log_to_string(&log).expect("a loaded log saves");
        fairmatch::store::station_log::station_log_from_str(&text, "saved.ron").expect("a saved log loads");
    }
    let _ = fairmatch::store::journal::replay_bytes(data, "fuzz.journal");
});

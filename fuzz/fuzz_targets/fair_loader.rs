//! The fair loader on arbitrary bytes: never a panic; what loads validates and saves, and the
//! saved text loads back to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fair) = fairmatch::store::fair_from_bytes(data, "fuzz.ron") else {
        return;
    };
    let _ = fairmatch::model::validate(&fair);
    let text = fairmatch::store::fair_to_string(&fair).expect("a loaded fair saves");
    let again = fairmatch::store::fair_from_str(&text, "saved.ron").expect("a saved fair loads");
    let text_again = fairmatch::store::fair_to_string(&again).expect("saves again");
    assert_eq!(text, text_again, "save, load, save is stable");
});

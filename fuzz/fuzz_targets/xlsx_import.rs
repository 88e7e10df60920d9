//! Excel import on arbitrary bytes (seeded with real workbooks): never a panic.
#![no_main]

use fairmatch::model::{Fair, FairId};
use fairmatch::store::csv_import::{ImportOptions, SheetKind, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut fair = Fair::new(FairId::new("fuzz"), "fuzz");
    for kind in [SheetKind::Candidates, SheetKind::Positions] {
        if import_bytes(&mut fair, kind, data, "fuzz.xlsx", true, &ImportOptions::default()).is_err() {
            return;
        }
    }
    let _ = fairmatch::model::validate(&fair);
    fairmatch::store::fair_to_string(&fair).expect("an imported fair saves");
});

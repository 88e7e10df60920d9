//! CSV import on arbitrary bytes: the first byte picks the sheet kind (booths, positions,
//! candidates) and whether the encoding is forced; never a panic, and the result saves.
#![no_main]

use fairmatch::model::{Fair, FairId};
use fairmatch::store::csv_import::{ImportOptions, SheetKind, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let kind = [
        SheetKind::Booths,
        SheetKind::Positions,
        SheetKind::Candidates,
        SheetKind::Projects,
        SheetKind::Sessions,
    ][usize::from(selector % 5)];
    let options = ImportOptions {
        encoding: if selector & 0x80 != 0 {
            fairmatch::store::encoding::encoding_for_label("gb18030")
        } else {
            None
        },
        ..ImportOptions::default()
    };
    let mut fair = Fair::new(FairId::new("fuzz"), "fuzz");
    if import_bytes(&mut fair, kind, bytes, "fuzz.csv", false, &options).is_ok() {
        let _ = fairmatch::model::validate(&fair);
        fairmatch::store::fair_to_string(&fair).expect("an imported fair saves");
    }
});

//! Insight on generated fairs against the CSV exports, `fairmatch stats --json`, and the fair
//! report: the PDF parses, embeds its fonts and holds the figures as text; the workbook opens
//! with the expected sheets and sums. The PDF needs a CJK font (Debian: fonts-noto-cjk).

mod common;

use std::collections::HashSet;
use std::io::Cursor;
use std::sync::atomic::AtomicBool;

use calamine::{Data, Reader, Xlsx};
use fairmatch::generate::{GenerateSpec, generate, sample_fair};
use fairmatch::insight::{Dimension, Insight};
use fairmatch::model::{EventKind, Fair, Lang, derived_events};
use fairmatch::report::tables::{TableId, thousands};
use fairmatch::report::{ReportError, ReportFormat, ReportOptions, render_report};
use fairmatch::store::csv_export::{CsvEncoding, ExportTable, export_csv};

fn small_fair() -> Fair {
    generate(&GenerateSpec {
        seed: 7,
        booths: 30,
        positions: 240,
        candidates: 1_500,
        visits: 400,
    })
}

/// The export's rows as maps from header to cell.
fn csv_rows(fair: &Fair, what: ExportTable) -> Vec<std::collections::HashMap<String, String>> {
    let bytes = export_csv(fair, what, CsvEncoding::Utf8).expect("exports");
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            headers
                .iter()
                .map(str::to_owned)
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn figures_agree_with_the_csv_exports_and_station_events() {
    let fair = small_fair();
    let insight = Insight::compute(&fair);
    let h = insight.headline();

    let positions = csv_rows(&fair, ExportTable::Positions);
    let openings: u64 = positions.iter().map(|r| r["openings"].parse::<u64>().unwrap()).sum();
    assert_eq!(h.positions as usize, positions.len());
    assert_eq!(h.openings, openings);
    let by_industry: u64 = insight
        .supply_demand(Dimension::Industry)
        .iter()
        .map(|r| r.demand_openings)
        .sum();
    assert_eq!(by_industry, openings, "demand by industry sums to the openings");

    let visits = csv_rows(&fair, ExportTable::Visits);
    assert_eq!(h.visits as usize, visits.len());
    let visitors: HashSet<&str> = visits.iter().map(|r| r["candidate"].as_str()).collect();
    assert_eq!(h.visitors as usize, visitors.len());
    let hired = visits.iter().filter(|r| r["next_step"] == "Hired").count();
    assert_eq!(
        h.outcomes.iter().find(|(s, _)| s.en() == "Hired").unwrap().1 as usize,
        hired
    );

    let candidates = csv_rows(&fair, ExportTable::Candidates);
    assert_eq!(h.registered as usize, candidates.len());
    // Check-ins as the entrance desk's station log carries them.
    let checked_in: HashSet<_> = derived_events(&Fair {
        events: Vec::new(),
        ..fair.clone()
    })
    .into_iter()
    .filter_map(|e| match e.kind {
        EventKind::CheckIn { candidate } => Some(candidate),
        _ => None,
    })
    .collect();
    assert!(h.checked_in > 0);
    assert_eq!(h.checked_in as usize, checked_in.len());
    let per_quarter: u32 = insight.check_ins_per_quarter_hour().iter().map(|s| s.1).sum();
    assert_eq!(per_quarter, h.checked_in);

    let booths = csv_rows(&fair, ExportTable::Booths);
    assert_eq!(h.booths as usize, booths.len());
    let zone_visits: u32 = insight.zones().iter().map(|z| z.visits).sum();
    assert_eq!(zone_visits, h.visits);
    assert!(h.openings_filled <= h.openings);
    assert_eq!(h.openings_filled + h.openings_unfilled, h.openings);
}

#[test]
fn stats_json_has_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fair.ron");
    let fair = small_fair();
    fairmatch::store::save_fair(&path, &fair).unwrap();
    let out = common::run(&[&"stats", &path, &"--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let keys: HashSet<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    let expected: HashSet<&str> = [
        "fair_name",
        "registered",
        "checked_in",
        "walk_ins",
        "visits",
        "booths",
        "positions",
        "openings",
        "hired",
        "funnel",
        "supply_demand",
    ]
    .into();
    assert_eq!(keys, expected);
    assert_eq!(json["fair_name"], fair.meta.name.as_str());
    assert_eq!(json["openings"], fair.total_openings());
    let rows = json["supply_demand"].as_array().unwrap();
    let dimensions: HashSet<&str> = rows.iter().map(|r| r["dimension"].as_str().unwrap()).collect();
    assert_eq!(
        dimensions,
        ["industry", "skill_group", "city", "education", "work_mode"].into()
    );
    let industry_demand: u64 = rows
        .iter()
        .filter(|r| r["dimension"] == "industry")
        .map(|r| r["demand_openings"].as_u64().unwrap())
        .sum();
    assert_eq!(industry_demand, fair.total_openings());
    for r in rows {
        let keys: HashSet<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["dimension", "key", "demand_openings", "supply_candidates", "ratio"].into()
        );
    }

    let table = common::run(&[&"stats", &path]);
    assert!(table.status.success());
    assert!(String::from_utf8_lossy(&table.stdout).contains("supply and demand by industry"));
}

fn render(fair: &Fair, lang: Lang, format: ReportFormat) -> Vec<u8> {
    let options = ReportOptions { lang, format };
    match render_report(fair, &options, &|_| {}, &AtomicBool::new(false)) {
        Ok((bytes, _)) => bytes,
        Err(ReportError::NoCjkFont) => panic!("{}", ReportError::NoCjkFont),
        Err(e) => panic!("{e}"),
    }
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdf_parses_embeds_its_fonts_and_holds_the_figures_as_text() {
    let fair = sample_fair();
    let h = Insight::compute(&fair).headline();
    for lang in [Lang::Zh, Lang::En] {
        let bytes = render(&fair, lang, ReportFormat::Pdf);
        let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        assert!(pages.len() >= 4, "{} pages", pages.len());

        let mut descriptors = 0;
        let mut fonts = 0;
        for object in doc.objects.values() {
            let Ok(dict) = object.as_dict().or_else(|_| object.as_stream().map(|s| &s.dict)) else {
                continue;
            };
            let kind = dict.get(b"Type").and_then(|t| t.as_name()).unwrap_or(b"");
            if kind == b"FontDescriptor" {
                descriptors += 1;
                assert!(
                    [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|k| dict.has(k)),
                    "a font is not embedded: {dict:?}"
                );
            }
            if kind == b"Font" {
                fonts += 1;
                let subtype = dict.get(b"Subtype").and_then(|t| t.as_name()).unwrap_or(b"");
                if subtype != b"Type0" && subtype != b"Type3" {
                    assert!(dict.has(b"FontDescriptor"), "font without descriptor: {dict:?}");
                }
            }
        }
        assert!(fonts > 0 && descriptors > 0);

        let text = without_spaces(&doc.extract_text(&pages).expect("text extracts"));
        assert!(
            text.contains(&without_spaces(&fair.meta.name)),
            "the fair's name is not in the text"
        );
        for figure in [
            h.registered as i64,
            h.checked_in as i64,
            h.visits as i64,
            h.openings as i64,
        ] {
            assert!(text.contains(&thousands(figure)), "{figure} is not in the text");
        }
        let heading = TableId::Industries.title(lang);
        assert!(text.contains(&without_spaces(heading)), "no {heading}");
    }
}

#[test]
fn workbook_has_one_sheet_per_table_and_the_sums() {
    let fair = small_fair();
    let insight = Insight::compute(&fair);
    let h = insight.headline();
    let bytes = render(&fair, Lang::En, ReportFormat::Xlsx);
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    let names = workbook.sheet_names();
    let expected: Vec<String> = TableId::ALL.iter().map(|t| t.title(Lang::En).to_owned()).collect();
    assert_eq!(names, expected);

    let column_sum = |workbook: &mut Xlsx<_>, sheet: &str, column: &str| -> f64 {
        let range = workbook.worksheet_range(sheet).expect("sheet");
        let mut rows = range.rows();
        let header = rows.next().expect("header");
        let at = header
            .iter()
            .position(|c| *c == column)
            .unwrap_or_else(|| panic!("no {column} in {sheet}"));
        rows.map(|r| match &r[at] {
            Data::Float(x) => *x,
            Data::Int(n) => *n as f64,
            _ => 0.0,
        })
        .sum()
    };
    assert_eq!(column_sum(&mut workbook, "Industries", "Openings") as u64, h.openings);
    assert_eq!(column_sum(&mut workbook, "Industries", "Positions") as u32, h.positions);
    assert_eq!(
        column_sum(&mut workbook, "Unfilled positions", "Unfilled") as u64,
        h.openings_unfilled
    );
    assert_eq!(column_sum(&mut workbook, "Zones", "Visits") as u32, h.visits);
    assert_eq!(
        column_sum(&mut workbook, "Check-ins per 15 minutes", "Check-ins") as u32,
        h.checked_in
    );
    assert_eq!(column_sum(&mut workbook, "Top booths", "Visits") as u32, h.visits);
    let funnel = workbook.worksheet_range("Funnel").unwrap();
    assert_eq!(funnel.get((1, 1)), Some(&Data::Float(f64::from(h.registered))));

    let zh = render(&fair, Lang::Zh, ReportFormat::Xlsx);
    let workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(zh)).expect("opens");
    assert_eq!(workbook.sheet_names()[TableId::Industries as usize], "行业");
}

#[test]
fn report_cli_writes_pdf_and_xlsx_and_a_cancelled_report_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fair_path = dir.path().join("fair.ron");
    fairmatch::store::save_fair(&fair_path, &sample_fair()).unwrap();
    let pdf = dir.path().join("report.pdf");
    let out = common::run(&[&"report", &fair_path, &"-o", &pdf, &"--lang", &"en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let xlsx = dir.path().join("report.xlsx");
    let out = common::run(&[&"report", &fair_path, &"-o", &xlsx]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    let kept = dir.path().join("kept.pdf");
    std::fs::write(&kept, b"old").unwrap();
    let options = ReportOptions::default();
    let cancelled = fairmatch::report::write_report(&sample_fair(), &options, &kept, &|_| {}, &AtomicBool::new(true));
    assert!(matches!(cancelled, Err(ReportError::Cancelled)));
    assert_eq!(std::fs::read(&kept).unwrap(), b"old");
    assert!(ReportError::NoCjkFont.to_string().contains("fonts-noto-cjk"));
}

#[test]
fn progress_rises_to_one() {
    let seen = std::cell::RefCell::new(Vec::new());
    let options = ReportOptions {
        lang: Lang::Zh,
        format: ReportFormat::Pdf,
    };
    render_report(
        &sample_fair(),
        &options,
        &|p| seen.borrow_mut().push(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    let seen = seen.into_inner();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&1.0));
}

//! `fairmatch stats FAIR.ron [--json]`: the fair's figures for scripts or a quick look.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use crate::insight::{Dimension, Insight};
use crate::model::Lang;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The fair file to read.
    pub file: PathBuf,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct Stats {
    fair_name: String,
    registered: u32,
    checked_in: u32,
    walk_ins: u32,
    visits: u32,
    booths: u32,
    positions: u32,
    openings: u64,
    hired: u32,
    funnel: FunnelJson,
    supply_demand: Vec<SupplyDemandJson>,
}

#[derive(Debug, Serialize)]
struct FunnelJson {
    registered: u32,
    checked_in: u32,
    visited: u32,
    intention: u32,
    offer: u32,
    hired: u32,
}

#[derive(Debug, Serialize)]
struct SupplyDemandJson {
    dimension: &'static str,
    key: String,
    demand_openings: u64,
    supply_candidates: u32,
    /// Openings per candidate; null when no candidate supplies the key.
    ratio: Option<f64>,
}

fn stats(name: &str, insight: &Insight) -> Stats {
    let h = insight.headline();
    let f = insight.funnel();
    Stats {
        fair_name: name.to_owned(),
        registered: h.registered,
        checked_in: h.checked_in,
        walk_ins: h.walk_ins,
        visits: h.visits,
        booths: h.booths,
        positions: h.positions,
        openings: h.openings,
        hired: h.hired,
        funnel: FunnelJson {
            registered: f.registered,
            checked_in: f.checked_in,
            visited: f.visited,
            intention: f.intention,
            offer: f.offer,
            hired: f.hired,
        },
        supply_demand: insight
            .all_supply_demand()
            .iter()
            .map(|r| SupplyDemandJson {
                dimension: r.dimension().code(),
                key: r.key.code(),
                demand_openings: r.demand_openings,
                supply_candidates: r.supply_candidates,
                ratio: r.ratio(),
            })
            .collect(),
    }
}

pub fn run(args: &StatsArgs) -> ExitCode {
    let fair = match crate::store::load_fair(&args.file) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!("fairmatch stats: {e}");
            return ExitCode::FAILURE;
        }
    };
    let insight = Insight::compute(&fair);
    if args.json {
        return match serde_json::to_string_pretty(&stats(&fair.meta.name, &insight)) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("fairmatch stats: {e}");
                ExitCode::FAILURE
            }
        };
    }
    print_tables(&fair.meta.name, &insight);
    ExitCode::SUCCESS
}

fn ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "–".to_owned(), |r| format!("{r:.2}"))
}

fn print_tables(name: &str, insight: &Insight) {
    let h = insight.headline();
    println!("{name}");
    println!();
    let rows: [(&str, String); 12] = [
        ("registered", h.registered.to_string()),
        ("checked in", h.checked_in.to_string()),
        ("walk-ins", h.walk_ins.to_string()),
        ("visits", format!("{} by {} candidates", h.visits, h.visitors)),
        ("intentions", h.intentions.to_string()),
        ("booths", format!("{} ({} with visits)", h.booths, h.booths_active)),
        ("positions", h.positions.to_string()),
        ("openings", h.openings.to_string()),
        ("openings filled", h.openings_filled.to_string()),
        ("openings unfilled", h.openings_unfilled.to_string()),
        ("hired", h.hired.to_string()),
        (
            "next steps",
            h.outcomes
                .iter()
                .map(|(step, n)| format!("{} {n}", step.en()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    for (label, value) in rows {
        println!("{label:<20} {value}");
    }
    println!();
    println!("funnel");
    let stages = insight.funnel().stages();
    let top = stages[0].1.max(1);
    for (stage, n) in stages {
        println!(
            "  {:<18} {n:>8}  {:>5.1}%",
            stage.en(),
            100.0 * f64::from(n) / f64::from(top)
        );
    }
    for dimension in Dimension::ALL {
        println!();
        println!(
            "{:<30} {:>10} {:>10} {:>10}",
            format!("supply and demand by {}", dimension.en().to_lowercase()),
            "openings",
            "candidates",
            "ratio"
        );
        for row in insight.supply_demand(*dimension) {
            println!(
                "  {:<28} {:>10} {:>10} {:>10}",
                row.key.label(Lang::En),
                row.demand_openings,
                row.supply_candidates,
                ratio(row.ratio())
            );
        }
    }
}

//! `fairmatch bench FAIR.ron [--json]`: times load, full match, allocation, random edits and
//! save on a real file, and reports peak memory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::matching::Matcher;
use crate::model::{Education, Fair, SalaryRange};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The fair file to measure on.
    pub file: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Random candidate edits to time.
    #[arg(long, default_value_t = 1000, hide = true)]
    pub candidate_edits: usize,
    /// Random position edits to time.
    #[arg(long, default_value_t = 200, hide = true)]
    pub position_edits: usize,
}

#[derive(Debug, serde::Serialize)]
struct Figures {
    load_ms: f64,
    full_match_ms: f64,
    allocate_ms: f64,
    project_match_ms: f64,
    /// Project lists brought up to date after one position edit (its booth scored again
    /// against every project).
    project_edit_p50_ms: f64,
    project_edit_p99_ms: f64,
    schedule_ms: f64,
    candidate_edit_p50_ms: f64,
    candidate_edit_p99_ms: f64,
    position_edit_p50_ms: f64,
    position_edit_p99_ms: f64,
    save_ms: f64,
    /// A full `Insight::compute` (every figure of the dashboard and the report).
    insight_ms: f64,
    /// Keeping insight current: one candidate edited (p99), the fair-day figures redone (p50).
    insight_candidate_p99_ms: f64,
    insight_fair_day_p50_ms: f64,
    peak_rss_mb: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    ms(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Peak resident set size of this process, from the kernel (`VmHWM`), in MiB.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Skill spellings in use, so edits swap in realistic skills.
fn skill_pool(fair: &Fair) -> Vec<String> {
    let mut pool: Vec<String> = fair
        .positions
        .iter()
        .flat_map(|p| p.required_skills.iter().chain(&p.preferred_skills))
        .chain(fair.candidates.iter().take(2000).flat_map(|c| &c.skills))
        .cloned()
        .collect();
    pool.sort_unstable();
    pool.dedup();
    if pool.is_empty() {
        pool.push("Python".into());
    }
    pool
}

fn edit_candidate(rng: &mut ChaCha8Rng, c: &mut crate::model::Candidate, pool: &[String]) {
    match rng.random_range(0..4) {
        0 => {
            // Swap one skill, or add one.
            let new = pool.choose(rng).cloned().unwrap_or_default();
            if c.skills.is_empty() || rng.random_bool(0.3) {
                c.skills.push(new);
            } else {
                let i = rng.random_range(0..c.skills.len());
                c.skills[i] = new;
            }
        }
        1 => c.expected_salary = Some(rng.random_range(3..40) * 1000),
        2 => c.experience_years = rng.random_range(0..15),
        _ => c.education = *Education::ALL.choose(rng).unwrap_or(&Education::Bachelor),
    }
}

fn edit_position(rng: &mut ChaCha8Rng, p: &mut crate::model::Position, pool: &[String]) {
    match rng.random_range(0..3) {
        0 => {
            let new = pool.choose(rng).cloned().unwrap_or_default();
            if p.required_skills.is_empty() || rng.random_bool(0.3) {
                p.required_skills.push(new);
            } else {
                let i = rng.random_range(0..p.required_skills.len());
                p.required_skills[i] = new;
            }
        }
        1 => {
            let min = rng.random_range(3..30) * 1000;
            p.salary = Some(SalaryRange {
                min,
                max: min + rng.random_range(0..10) * 1000,
            });
        }
        _ => p.min_education = *Education::ALL.choose(rng).unwrap_or(&Education::Bachelor),
    }
}

/// Sorted times of `Insight::candidate_changed` on random candidates and of
/// `Insight::fair_day_changed`, what the window calls after an edit or a desk action.
fn time_insight_updates(
    insight: &mut crate::insight::Insight,
    fair: &Fair,
    args: &BenchArgs,
) -> (Vec<Duration>, Vec<Duration>) {
    let mut rng = ChaCha8Rng::seed_from_u64(0x0018);
    let mut candidates = Vec::new();
    if !fair.candidates.is_empty() {
        for _ in 0..args.candidate_edits {
            let id = &fair.candidates[rng.random_range(0..fair.candidates.len())].id;
            let t = Instant::now();
            insight.candidate_changed(fair, id);
            std::hint::black_box(insight.headline());
            candidates.push(t.elapsed());
        }
    }
    let mut fair_day: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            insight.fair_day_changed(fair);
            std::hint::black_box(insight.headline());
            t.elapsed()
        })
        .collect();
    candidates.sort_unstable();
    fair_day.sort_unstable();
    (candidates, fair_day)
}

pub fn run(args: &BenchArgs) -> ExitCode {
    let started = Instant::now();
    let mut fair = match crate::store::load_fair(&args.file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("fairmatch bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let load = started.elapsed();

    let t = Instant::now();
    let mut matcher = Matcher::build(&fair);
    let full_match = t.elapsed();

    let t = Instant::now();
    let mut projects = crate::matching::projects::ProjectMatcher::build(&fair);
    let project_match = t.elapsed();

    let t = Instant::now();
    let alloc = matcher.allocate(&fair);
    let allocate = t.elapsed();

    // The allocation's pairs and the open invitations into a timetable (requests included).
    let t = Instant::now();
    let requests = crate::schedule::requests(&fair, &matcher, &alloc, crate::matching::CandidateScope::Everyone);
    let timetable = crate::schedule::schedule(&fair.booths, requests, crate::schedule::Options::default());
    let schedule = t.elapsed();

    let t = Instant::now();
    let mut insight_state = crate::insight::Insight::compute(&fair);
    let insight = t.elapsed();

    let mut rng = ChaCha8Rng::seed_from_u64(0x00fa_17ac);
    let pool = skill_pool(&fair);
    let mut candidate_times = Vec::with_capacity(args.candidate_edits);
    if !fair.candidates.is_empty() {
        for _ in 0..args.candidate_edits {
            let i = rng.random_range(0..fair.candidates.len());
            edit_candidate(&mut rng, &mut fair.candidates[i], &pool);
            let id = fair.candidates[i].id.clone();
            let t = Instant::now();
            matcher.candidate_changed(&fair, &id);
            // What the live panel reads right after the edit.
            std::hint::black_box(matcher.top_positions(&id).len());
            candidate_times.push(t.elapsed());
        }
    }
    let mut position_times = Vec::with_capacity(args.position_edits);
    let mut project_times = Vec::with_capacity(args.position_edits);
    if !fair.positions.is_empty() {
        for _ in 0..args.position_edits {
            let i = rng.random_range(0..fair.positions.len());
            edit_position(&mut rng, &mut fair.positions[i], &pool);
            let id = fair.positions[i].id.clone();
            let t = Instant::now();
            matcher.position_changed(&fair, &id);
            std::hint::black_box(matcher.top_candidates(&id).len());
            position_times.push(t.elapsed());
            let mut changes = crate::matching::projects::ProjectChanges::default();
            changes.position(&id);
            let t = Instant::now();
            projects.update(&fair, &changes);
            project_times.push(t.elapsed());
        }
    }
    candidate_times.sort_unstable();
    position_times.sort_unstable();
    project_times.sort_unstable();
    let (insight_candidate_times, insight_fair_day_times) = time_insight_updates(&mut insight_state, &fair, args);

    let save_path = std::env::temp_dir().join(format!("fairmatch-bench-{}.ron", std::process::id()));
    let t = Instant::now();
    let saved = crate::store::save_fair(&save_path, &fair);
    let save = t.elapsed();
    let _ = std::fs::remove_file(&save_path);
    if let Err(e) = saved {
        eprintln!("fairmatch bench: save failed: {e}");
        return ExitCode::FAILURE;
    }

    let figures = Figures {
        load_ms: ms(load),
        full_match_ms: ms(full_match),
        allocate_ms: ms(allocate),
        project_match_ms: ms(project_match),
        project_edit_p50_ms: percentile(&project_times, 50.0),
        project_edit_p99_ms: percentile(&project_times, 99.0),
        schedule_ms: ms(schedule),
        candidate_edit_p50_ms: percentile(&candidate_times, 50.0),
        candidate_edit_p99_ms: percentile(&candidate_times, 99.0),
        position_edit_p50_ms: percentile(&position_times, 50.0),
        position_edit_p99_ms: percentile(&position_times, 99.0),
        save_ms: ms(save),
        insight_ms: ms(insight),
        insight_candidate_p99_ms: percentile(&insight_candidate_times, 99.0),
        insight_fair_day_p50_ms: percentile(&insight_fair_day_times, 50.0),
        peak_rss_mb: peak_rss_mb().unwrap_or(0.0),
    };
    if args.json {
        match serde_json::to_string(&figures) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("fairmatch bench: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!(
            "{}: {} positions, {} candidates, {} visits, {} threads",
            args.file.display(),
            fair.positions.len(),
            fair.candidates.len(),
            fair.visits.len(),
            rayon::current_num_threads()
        );
        println!("load                 {:>10.1} ms", figures.load_ms);
        println!(
            "full match (top-{})  {:>10.1} ms",
            matcher.top_k(),
            figures.full_match_ms
        );
        println!(
            "allocate             {:>10.1} ms  ({} assigned)",
            figures.allocate_ms,
            alloc.assigned.len()
        );
        println!(
            "project matching     {:>10.1} ms  ({} projects)",
            figures.project_match_ms,
            fair.projects.len()
        );
        println!(
            "project lists, after a position edit  p50 {:.3} ms  p99 {:.3} ms",
            figures.project_edit_p50_ms, figures.project_edit_p99_ms
        );
        println!(
            "schedule             {:>10.1} ms  ({} interviews, {} left out)",
            figures.schedule_ms,
            timetable.interviews.len(),
            timetable.left_out.len()
        );
        println!(
            "candidate edit       p50 {:.3} ms  p99 {:.3} ms  ({} edits)",
            figures.candidate_edit_p50_ms,
            figures.candidate_edit_p99_ms,
            candidate_times.len()
        );
        println!(
            "position edit        p50 {:.3} ms  p99 {:.3} ms  ({} edits)",
            figures.position_edit_p50_ms,
            figures.position_edit_p99_ms,
            position_times.len()
        );
        println!("save                 {:>10.1} ms", figures.save_ms);
        println!("insight              {:>10.1} ms", figures.insight_ms);
        println!(
            "insight updates      candidate p99 {:.3} ms  fair day p50 {:.2} ms",
            figures.insight_candidate_p99_ms, figures.insight_fair_day_p50_ms
        );
        println!("peak memory          {:>10.1} MB", figures.peak_rss_mb);
    }
    ExitCode::SUCCESS
}

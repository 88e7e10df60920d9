//! `fairmatch ui-bench FAIR.ron`: runs the real workspace UI headless on a fair and times
//! frames: start to first frame (the loading screen), start to the first table frame (fair
//! ready), scrolling the candidates table, typing in the candidate editor, dragging a matching
//! weight in Settings (one settings edit a frame) and the wait for its matches, and the frames
//! drawn while the allocation runs (a job).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, pos2, vec2};

use crate::app::{AppState, Edit, Prefs, field};
use crate::model::Lang;
use crate::ui::{Command, View, Workspace};

#[derive(Debug, Args)]
pub struct UiBenchArgs {
    /// Fair file to open (e.g. `generate --preset peak -o /tmp/peak.ron`).
    pub file: PathBuf,
    /// Frames measured per scenario.
    #[arg(long, default_value_t = 300)]
    pub frames: usize,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Frames of the weight drag: a second's worth at 60 frames a second.
const DRAG_FRAMES: usize = 60;

const SCREEN: egui::Rect = egui::Rect {
    min: egui::Pos2 { x: 0.0, y: 0.0 },
    max: egui::Pos2 { x: 1360.0, y: 860.0 },
};

struct Runner {
    ctx: egui::Context,
    ws: Workspace,
    time: f64,
}

impl Runner {
    /// One frame as eframe runs it, minus the GPU upload: layout and tessellation.
    fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.ws.show(ui));
        let _primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        // No GPU here: the font atlas updates have nowhere to go.
        output.textures_delta.clear();
        elapsed
    }
}

fn wheel(delta_y: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, delta_y),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

struct Stats {
    p50: f64,
    p95: f64,
    max: f64,
}

fn stats(mut samples: Vec<f64>) -> Stats {
    samples.sort_by(f64::total_cmp);
    Stats {
        p50: percentile(&samples, 50.0),
        p95: percentile(&samples, 95.0),
        max: samples.last().copied().unwrap_or(0.0),
    }
}

pub fn run(args: &UiBenchArgs) -> ExitCode {
    if let Err(e) = std::fs::metadata(&args.file) {
        eprintln!("fairmatch ui-bench: {}: {e}", args.file.display());
        return ExitCode::FAILURE;
    }
    let start = Instant::now();
    let prefs = Prefs {
        lang: Lang::Zh,
        ..Prefs::default()
    };
    // As the window does: it opens on an empty placeholder and loads the file in the background.
    let placeholder = crate::model::Fair::new(crate::model::FairId::new("loading"), "");
    let app = AppState::new_background(placeholder, None, prefs);
    let ctx = egui::Context::default();
    // As eframe does on native: system fonts for Chinese.
    ctx.add_font_provider(std::sync::Arc::new(egui_system_font_provider::SystemFontProvider::new()));
    let mut ws = Workspace::new(app);
    ws.native_dialogs = false;
    ws.view = View::Candidates;
    ws.repaint = Some(ctx.clone());
    ws.open_path(&args.file);
    let mut runner = Runner { ctx, ws, time: 0.0 };
    runner.frame(Vec::new());
    let first_frame = start.elapsed();
    // The loading screen keeps drawing (spinner, elapsed time) until the fair is ready; the
    // frame that takes the loaded fair draws the first table.
    let mut loading_frames = Vec::new();
    while runner.ws.is_loading() {
        std::thread::sleep(Duration::from_millis(4));
        loading_frames.push(ms(runner.frame(Vec::new())));
    }
    let fair_ready = start.elapsed();
    if runner.ws.app.fair().candidates.is_empty() {
        let detail = runner.ws.notices.first().map_or("", |n| n.detail.as_str());
        eprintln!("fairmatch ui-bench: {detail}");
        return ExitCode::FAILURE;
    }
    // Only the last frame drew the table; its own time is part of `fair_ready`.
    let table_frame = loading_frames.pop().unwrap_or(0.0);
    let loading_frames = stats(loading_frames);
    // Scrolling and typing are measured with live matching, as a user has it after start-up.
    runner.ws.app.wait_for_matching();
    let matching_ready = start.elapsed();
    runner.frame(Vec::new());
    let parts = runner.ws.app.startup();
    let matcher_build = runner.ws.app.matching_took().unwrap_or(parts.matcher);

    // Scrolling: the pointer over the table, a wheel step every frame, down then back up.
    let over_table = pos2(400.0, 450.0);
    runner.frame(vec![Event::PointerMoved(over_table)]);
    let mut scroll = Vec::with_capacity(args.frames);
    for i in 0..args.frames {
        let delta = if (i / 100) % 2 == 0 { -240.0 } else { 240.0 };
        scroll.push(ms(runner.frame(vec![Event::PointerMoved(over_table), wheel(delta)])));
    }

    // Typing: select the first candidate, focus the major field, type and erase characters.
    if let Some(first) = runner.ws.app.fair().candidates.first() {
        let first = crate::app::Record::Candidate(first.id.clone());
        runner.ws.run(Command::Select(first));
    }
    runner.frame(Vec::new());
    let major = egui::Id::unique(("candidate:0", "major"));
    runner.ctx.memory_mut(|m| m.request_focus(major));
    runner.frame(Vec::new());
    let mut typing = Vec::with_capacity(args.frames);
    for i in 0..args.frames {
        let event = if i % 8 == 7 {
            Event::Key {
                key: egui::Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            }
        } else {
            Event::Text(["数", "据", "a", "i"][i % 4].to_owned())
        };
        typing.push(ms(runner.frame(vec![event])));
    }
    let edits = runner.ws.app.undo_name().map(|n| n.en.clone()).unwrap_or_default();

    // Dragging a matching weight: the Settings view sends one settings edit per frame while the
    // pointer moves. Each frame here is the edit plus the frame; then the wait for the matches.
    runner.ws.view = View::Settings;
    runner.frame(Vec::new());
    let mut dragging = Vec::with_capacity(DRAG_FRAMES);
    for i in 0..DRAG_FRAMES {
        let mut settings = runner.ws.app.fair().settings.clone();
        settings.fit_weight = (settings.fit_weight + if i < DRAG_FRAMES / 2 { 0.01 } else { -0.01 }).clamp(0.0, 1.0);
        let start = Instant::now();
        runner.ws.run(Command::Apply(Edit::SetSettings {
            value: settings,
            field: field::MATCH_SETTINGS,
        }));
        runner.frame(Vec::new());
        dragging.push(ms(start.elapsed()));
    }
    let start = Instant::now();
    runner.ws.app.wait_for_matching();
    let drag_settled = start.elapsed();

    // The allocation: started from the Allocation view as a job; the window keeps drawing
    // frames until its result arrives.
    runner.ws.view = View::Allocation;
    runner.frame(Vec::new());
    let start = Instant::now();
    runner.ws.run(Command::Start(crate::app::Job::Allocate {
        scope: crate::app::CandidateScope::Everyone,
    }));
    let mut allocating = Vec::new();
    while runner.ws.app.allocation().is_none() && start.elapsed() < Duration::from_secs(120) {
        allocating.push(ms(runner.frame(Vec::new())));
        std::thread::sleep(Duration::from_millis(4));
    }
    let allocation_done = start.elapsed();
    let allocation_took = runner.ws.app.allocation().map_or(Duration::ZERO, |a| a.took);
    let allocation_frames = allocating.len();
    let allocating = stats(allocating);

    // The figures' views, redrawn from the kept `Insight` every frame.
    let mut figure_frames = |view: View| {
        runner.ws.view = view;
        runner.frame(Vec::new());
        let frames: Vec<f64> = (0..args.frames).map(|_| ms(runner.frame(Vec::new()))).collect();
        stats(frames)
    };
    let dashboard = figure_frames(View::Dashboard);
    let talent_map = figure_frames(View::TalentMap);
    // Fitted to the window: the whole hall, every booth drawn.
    let floor_plan = figure_frames(View::FloorPlan);

    let scroll = stats(scroll);
    let typing = stats(typing);
    let dragging = stats(dragging);
    let fair = runner.ws.app.fair();
    if args.json {
        println!(
            "{{\"candidates\":{},\"positions\":{},\"first_frame_ms\":{:.1},\"fair_ready_ms\":{:.1},\
             \"read_ms\":{:.1},\"index_ms\":{:.1},\"search_keys_ms\":{:.1},\"snapshot_ms\":{:.1},\
             \"table_frame_ms\":{:.1},\"loading_frame_p95_ms\":{:.2},\"loading_frame_max_ms\":{:.2},\
             \"matcher_build_ms\":{:.1},\"matching_ready_ms\":{:.1},\
             \"scroll_p50_ms\":{:.2},\"scroll_p95_ms\":{:.2},\"scroll_max_ms\":{:.2},\
             \"typing_p50_ms\":{:.2},\"typing_p95_ms\":{:.2},\"typing_max_ms\":{:.2},\
             \"settings_drag_p50_ms\":{:.2},\"settings_drag_max_ms\":{:.2},\"settings_settled_ms\":{:.1},\
             \"allocation_ms\":{:.1},\"allocation_result_ms\":{:.1},\"allocation_frames\":{},\
             \"allocation_frame_p50_ms\":{:.2},\"allocation_frame_max_ms\":{:.2},\
             \"insight_ms\":{:.1},\"dashboard_frame_p50_ms\":{:.2},\"dashboard_frame_max_ms\":{:.2},\
             \"talent_map_frame_p50_ms\":{:.2},\"talent_map_frame_max_ms\":{:.2},\
             \"floor_plan_frame_p50_ms\":{:.2},\"floor_plan_frame_max_ms\":{:.2}}}",
            fair.candidates.len(),
            fair.positions.len(),
            ms(first_frame),
            ms(fair_ready),
            ms(parts.read),
            ms(parts.index),
            ms(parts.search_keys),
            ms(parts.snapshot),
            table_frame,
            loading_frames.p95,
            loading_frames.max,
            ms(matcher_build),
            ms(matching_ready),
            scroll.p50,
            scroll.p95,
            scroll.max,
            typing.p50,
            typing.p95,
            typing.max,
            dragging.p50,
            dragging.max,
            ms(drag_settled),
            ms(allocation_took),
            ms(allocation_done),
            allocation_frames,
            allocating.p50,
            allocating.max,
            ms(parts.insight),
            dashboard.p50,
            dashboard.max,
            talent_map.p50,
            talent_map.max,
            floor_plan.p50,
            floor_plan.max
        );
    } else {
        println!(
            "{} candidates, {} positions, {} frames per scenario",
            fair.candidates.len(),
            fair.positions.len(),
            args.frames
        );
        println!("start to first frame (loading screen) {:8.1} ms", ms(first_frame));
        println!(
            "loading screen frames      p50 {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
            loading_frames.p50, loading_frames.p95, loading_frames.max
        );
        println!("start to fair ready (first table frame) {:8.1} ms", ms(fair_ready));
        println!("  read + parse (bg)    {:8.1} ms", ms(parts.read));
        println!("  id index (bg)        {:8.1} ms", ms(parts.index));
        println!("  search keys (bg)     {:8.1} ms", ms(parts.search_keys));
        println!("  hand-over to matcher {:8.1} ms", ms(parts.snapshot));
        println!("  first table frame    {:8.1} ms", table_frame);
        println!("matcher build (bg)     {:8.1} ms", ms(matcher_build));
        println!("start to matches       {:8.1} ms", ms(matching_ready));
        println!(
            "scrolling candidates p50 {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
            scroll.p50, scroll.p95, scroll.max
        );
        println!(
            "typing in the editor p50 {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
            typing.p50, typing.p95, typing.max
        );
        println!(
            "dragging a weight    p50 {:6.2} ms  max {:6.2} ms, then matches after {:.1} ms",
            dragging.p50,
            dragging.max,
            ms(drag_settled)
        );
        println!(
            "allocation (a job)   {:8.1} ms, result shown after {:.1} ms; {} frames meanwhile, p50 {:.2} ms  max {:.2} ms",
            ms(allocation_took),
            ms(allocation_done),
            allocation_frames,
            allocating.p50,
            allocating.max
        );
        println!("  figures (bg)         {:8.1} ms", ms(parts.insight));
        println!(
            "dashboard frames     p50 {:6.2} ms  max {:6.2} ms",
            dashboard.p50, dashboard.max
        );
        println!(
            "talent map frames    p50 {:6.2} ms  max {:6.2} ms",
            talent_map.p50, talent_map.max
        );
        println!(
            "floor plan frames    p50 {:6.2} ms  max {:6.2} ms",
            floor_plan.p50, floor_plan.max
        );
        println!("last edit: {edits}");
    }
    ExitCode::SUCCESS
}

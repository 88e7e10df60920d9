//! Views return commands: drawing a frame changes nothing; the frame's commands are applied
//! once it is drawn.

mod ui_fixture;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fairmatch::app::{AppState, Prefs, Record};
use fairmatch::model::{CandidateId, Lang, PositionId};
use fairmatch::ui::{Command, View, Workspace};

/// The workspace plus what each frame saw: the selection and view while drawing, and the
/// commands the views pushed.
struct Probe {
    ws: Workspace,
    frames: Vec<(Option<PositionId>, View, Vec<Command>)>,
}

fn harness() -> Harness<'static, Probe> {
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(ui_fixture::fair(), None, prefs));
    ws.native_dialogs = false;
    ws.run(Command::Select(Record::Candidate(CandidateId::new("C0001"))));
    Harness::builder()
        .with_size([1500.0, 950.0])
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, probe: &mut Probe| {
                let commands = probe.ws.draw(ui);
                let seen = (
                    probe.ws.app.selection().position.clone(),
                    probe.ws.view,
                    commands.iter().cloned().collect(),
                );
                probe.frames.push(seen);
                probe.ws.apply(commands);
            },
            Probe { ws, frames: Vec::new() },
        )
}

#[test]
fn a_jump_from_the_match_panel_changes_the_state_only_after_the_frame() {
    let mut h = harness();
    h.run();
    assert_eq!(h.state().ws.view, View::Candidates);
    h.state_mut().frames.clear();

    h.get_by_label("1. 算法工程师").click();
    h.step();
    let jump = Command::JumpTo(Record::Position(PositionId::new("P0001")));
    let frames = &h.state().frames;
    let (selected, view, _) = frames
        .iter()
        .find(|(_, _, commands)| commands.contains(&jump))
        .unwrap_or_else(|| panic!("the click pushed the jump: {frames:?}"));
    assert_eq!(*selected, None, "nothing selected while the frame was drawn");
    assert_eq!(*view, View::Candidates, "still on the candidates while drawing");

    let ws = &h.state().ws;
    assert_eq!(ws.app.selection().position, Some(PositionId::new("P0001")));
    assert_eq!(ws.view, View::Positions, "applied once the frame was drawn");
    h.run();
    h.get_by_label("Best candidates");
}

#[test]
fn an_edit_from_a_view_applies_after_the_frame_and_is_one_undo_step() {
    let mut h = harness();
    h.run();
    h.state_mut().frames.clear();
    h.get_by_label("Python ✕").click();
    h.step();
    let frames = &h.state().frames;
    assert!(
        frames
            .iter()
            .any(|(_, _, commands)| commands.iter().any(|c| matches!(c, Command::Apply(_)))),
        "the editor pushed an edit: {frames:?}"
    );
    let skills = |h: &Harness<'_, Probe>| {
        h.state()
            .ws
            .app
            .candidate(&CandidateId::new("C0001"))
            .map(|c| c.skills.clone())
    };
    assert_eq!(skills(&h), Some(vec![]));
    assert_eq!(
        h.state().ws.app.undo_name().map(|n| n.en.clone()).as_deref(),
        Some("change skills of 张伟")
    );
}

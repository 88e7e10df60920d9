//! The dashboard drawn from the figures the app keeps current.

mod ui_fixture;

use ui_fixture::{harness, nav};

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::{BoothId, FloorSpot, Lang};
use fairmatch::ui::Workspace;

const LOOKUP: &str = "Badge, name, pinyin or phone digits";

fn workspace() -> Workspace {
    let prefs = Prefs {
        lang: Lang::En,
        station_id: "entrance-1".into(),
        ..Prefs::default()
    };
    let mut fair = ui_fixture::fair();
    for (i, c) in fair.candidates.iter_mut().enumerate() {
        c.badge = format!("QD-{:04}", i + 1);
        c.checked_in = None;
    }
    let mut ws = Workspace::new(AppState::new(fair, None, prefs));
    ws.native_dialogs = false;
    ws
}

#[test]
fn the_window_lands_on_the_dashboard_unless_a_desk_booth_is_set() {
    let ws = workspace();
    assert_eq!(ws.landing_view(), fairmatch::ui::View::Dashboard);
    let mut ws = workspace();
    ws.app.prefs_mut().desk_booth = "B001".into();
    assert_eq!(ws.landing_view(), fairmatch::ui::View::BoothDesk);
}

#[test]
fn a_check_in_at_the_desk_moves_the_dashboard_counter_in_the_next_frame() {
    let mut h = harness(workspace());
    nav(&h, "Dashboard");
    h.run();
    // The tile names its number (a screen reader reads "Checked in: 0").
    assert!(h.query_all_by_label("Checked in: 0").next().is_some());
    nav(&h, "Check-in desk");
    h.run();
    h.get_by_label(LOOKUP).click();
    h.run();
    h.get_by_label(LOOKUP).type_text("QD-0002");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    nav(&h, "Dashboard");
    h.run();
    assert!(h.query_all_by_label("Checked in: 1").next().is_some());
    assert!(h.query_all_by_label("Checked in: 0").next().is_none());
}

#[test]
fn clicking_a_talent_map_cell_lists_its_positions_and_candidates() {
    use fairmatch::insight::MapAxis;
    let ws = workspace();
    let insight = ws.app.insight();
    let map = insight.talent_map(MapAxis::Industry, 12);
    let (row, column) = (0..map.groups.len())
        .flat_map(|r| (0..map.columns.len()).map(move |c| (r, c)))
        .find(|&(r, c)| map.cell(r, c).demand_positions > 0)
        .expect("a cell with demand");
    let group = map.groups[row];
    let key = map.columns[column].clone();
    let name = format!("{} × {}", group.label(Lang::En), key.label(Lang::En));
    let position = insight.positions_for(Some(group), &key)[0].clone();
    let title = ws.app.position(&position).expect("listed").title.clone();

    let mut h = harness(ws);
    nav(&h, "Talent map");
    h.run();
    h.get_by_label(&name).click();
    h.run();
    let link = format!("{title} — ");
    let found = h
        .query_all_by_role(egui::accesskit::Role::Link)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(&link)))
        .expect("the cell's position is listed");
    found.click();
    h.run();
    assert_eq!(h.state().app.selection().position, Some(position));
}

/// The fixture fair with its two booths on the floor: A01 at the corner, A02 beside it.
fn floor_workspace() -> Workspace {
    let mut ws = workspace();
    let spots = [(0.0, 0.0), (6.0, 0.0)];
    let edit = fairmatch::app::Edit::SetFloorSpots {
        spots: ws
            .app
            .fair()
            .booths
            .iter()
            .zip(spots)
            .map(|(b, (x, y))| (b.id.clone(), Some(FloorSpot { x, y })))
            .collect(),
    };
    ws.app.apply(edit).expect("spots");
    ws
}

fn spot_of(h: &egui_kittest::Harness<'_, Workspace>, id: &str) -> Option<FloorSpot> {
    h.state().app.booth(&BoothId::new(id)).and_then(|b| b.floor)
}

#[test]
fn dragging_a_booth_on_the_floor_plan_moves_it_to_a_snapped_spot_in_one_undoable_edit() {
    let mut h = harness(floor_workspace());
    nav(&h, "Floor plan");
    h.run();
    let plan = &h.state().floor_plan;
    // Held at its centre, dropped so its corner lands at (10.2, 4.3) m: snapped to (10.0, 4.5).
    let from = plan.screen_pos(FloorSpot { x: 1.5, y: 1.5 });
    let via = plan.screen_pos(FloorSpot { x: 5.0, y: 3.0 });
    let to = plan.screen_pos(FloorSpot { x: 11.7, y: 5.8 });
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(via);
    h.run();
    h.hover_at(to);
    h.run();
    // Nothing changes until the booth is dropped.
    assert_eq!(spot_of(&h, "A01"), Some(FloorSpot { x: 0.0, y: 0.0 }));
    h.drop_at(to);
    h.run();
    assert_eq!(spot_of(&h, "A01"), Some(FloorSpot { x: 10.0, y: 4.5 }));
    assert_eq!(
        h.state().app.undo_name().map(|n| n.en.clone()).as_deref(),
        Some("move booth A01 on the floor plan")
    );
    h.state_mut().app.undo().expect("undo");
    assert_eq!(spot_of(&h, "A01"), Some(FloorSpot { x: 0.0, y: 0.0 }));
    // The spots set up for the test are the step before: the drag was one step.
    assert_eq!(
        h.state().app.undo_name().map(|n| n.en.clone()).as_deref(),
        Some("place 2 booths on the floor plan")
    );
}

#[test]
fn clicking_a_booth_on_the_floor_plan_opens_it() {
    let mut h = harness(floor_workspace());
    nav(&h, "Floor plan");
    h.run();
    let at = h.state().floor_plan.screen_pos(FloorSpot { x: 7.5, y: 1.5 });
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().app.selection().booth, Some(BoothId::new("A02")));
    assert_eq!(h.state().view, fairmatch::ui::View::Booths);
    assert_eq!(spot_of(&h, "A02"), Some(FloorSpot { x: 6.0, y: 0.0 }));
}

#[test]
fn unplaced_booths_are_laid_out_in_one_undoable_step() {
    let mut h = harness(workspace());
    nav(&h, "Floor plan");
    h.run();
    assert!(spot_of(&h, "A01").is_none());
    h.get_by_label("Lay out unplaced booths").click();
    h.run();
    let (a, b) = (spot_of(&h, "A01").expect("placed"), spot_of(&h, "A02").expect("placed"));
    assert_ne!(a, b);
    assert!(h.query_all_by_label("Lay out unplaced booths").next().is_none());
    h.state_mut().app.undo().expect("undo");
    assert!(spot_of(&h, "A01").is_none() && spot_of(&h, "A02").is_none());
}

#[test]
fn clicking_a_top_booth_on_the_dashboard_opens_it() {
    let mut fair = ui_fixture::fair();
    let at = chrono::Local::now().naive_local();
    fair.visits.push(fairmatch::model::Visit {
        id: fairmatch::model::VisitId::new("V1"),
        candidate: fairmatch::model::CandidateId::new("C0001"),
        booth: BoothId::new("A02"),
        position: None,
        at,
        rating: Some(4),
        notes: String::new(),
        next_step: fairmatch::model::NextStep::None,
        status: Default::default(),
    });
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fair, None, prefs));
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, "Dashboard");
    h.run();
    h.get_by_label("歌尔股份 (A02) — 1").click();
    h.run();
    assert_eq!(h.state().app.selection().booth, Some(BoothId::new("A02")));
    assert_eq!(h.state().view, fairmatch::ui::View::Booths);
}

#[test]
fn a_floor_spot_edit_is_named_in_both_languages_and_a_missing_booth_changes_nothing() {
    let mut ws = floor_workspace();
    let before: Vec<_> = ws.app.fair().booths.iter().map(|b| b.floor).collect();
    let refused = ws.app.apply(fairmatch::app::Edit::SetFloorSpots {
        spots: vec![
            (BoothId::new("A01"), Some(FloorSpot { x: 30.0, y: 30.0 })),
            (BoothId::new("Z99"), None),
        ],
    });
    assert!(refused.is_err());
    let after: Vec<_> = ws.app.fair().booths.iter().map(|b| b.floor).collect();
    assert_eq!(before, after);
    let one = fairmatch::app::Edit::SetFloorSpots {
        spots: vec![(BoothId::new("A02"), None)],
    };
    let name = one.name();
    assert_eq!(name.en, "move booth A02 on the floor plan");
    assert_eq!(name.zh, "在平面图上移动展位 A02");
}

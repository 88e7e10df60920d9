//! The dashboard drawn from the figures the app keeps current.

mod ui_fixture;

use ui_fixture::{harness, nav};

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::Lang;
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

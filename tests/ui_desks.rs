//! The fair-day desks driven headlessly through their widgets' accessible labels.

mod ui_fixture;

use ui_fixture::{harness, nav};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::{CandidateId, Lang, PositionId};
use fairmatch::ui::Workspace;

const LOOKUP: &str = "Badge, name, pinyin or phone digits";

fn workspace() -> Workspace {
    workspace_with(|_| {})
}

/// The desks' workspace on the fixture fair, changed by `change` before it opens.
fn workspace_with(change: impl FnOnce(&mut fairmatch::model::Fair)) -> Workspace {
    let prefs = Prefs {
        lang: Lang::En,
        station_id: "entrance-1".into(),
        ..Prefs::default()
    };
    let mut fair = ui_fixture::fair();
    for (i, c) in fair.candidates.iter_mut().enumerate() {
        c.badge = format!("QD-{:04}", i + 1);
    }
    // Distinct phones so a lookup by phone digits finds one person.
    fair.candidates[0].phone = "138 0013 8000".into();
    fair.candidates[1].phone = "139 0000 1111".into();
    fair.candidates[2].phone = "137 0000 2222".into();
    change(&mut fair);
    let mut ws = Workspace::new(AppState::new(fair, None, prefs));
    ws.native_dialogs = false;
    ws
}

/// Types into the desk's search field and presses Enter, as a badge scanner does.
fn scan(h: &mut Harness<'_, Workspace>, text: &str) {
    h.get_by_label(LOOKUP).click();
    h.run();
    h.get_by_label(LOOKUP).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn message(h: &Harness<'_, Workspace>) -> String {
    h.state()
        .desks
        .message
        .as_ref()
        .map(|m| m.0.clone())
        .unwrap_or_default()
}

fn checked_in(h: &Harness<'_, Workspace>, id: &str) -> bool {
    h.state()
        .app
        .candidate(&CandidateId::new(id))
        .is_some_and(|c| c.checked_in.is_some())
}

#[test]
fn check_in_by_badge_then_a_second_scan_is_refused_with_the_time() {
    let mut h = harness(workspace());
    nav(&h, "Check-in desk");
    h.run();
    h.get_by_label("Checked in: 0 / 3");
    scan(&mut h, "QD-0002");
    assert!(checked_in(&h, "C0002"), "{}", message(&h));
    assert!(!checked_in(&h, "C0001"));
    assert_eq!(h.state().app.fair().events.len(), 1);
    assert!(h.state().app.is_dirty());
    h.get_by_label("Checked in: 1 / 3");

    let at = h
        .state()
        .app
        .candidate(&CandidateId::new("C0002"))
        .and_then(|c| c.checked_in)
        .unwrap();
    scan(&mut h, "QD-0002");
    let expected = format!("李娜: already checked in at {}", at.format("%H:%M"));
    assert_eq!(message(&h), expected);
    assert_eq!(h.state().app.fair().events.len(), 1, "a retried scan records nothing");
    h.get_by_label(&expected);
}

#[test]
fn several_matches_are_picked_with_the_arrow_keys() {
    // Two people whose phones end the same way.
    let ws = workspace_with(|fair| fair.candidates[1].phone = "139 0000 8000".into());
    let mut h = harness(ws);
    nav(&h, "Check-in desk");
    h.run();
    h.get_by_label(LOOKUP).click();
    h.run();
    h.get_by_label(LOOKUP).type_text("8000");
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let checked: Vec<bool> = ["C0001", "C0002"].iter().map(|id| checked_in(&h, id)).collect();
    assert_eq!(
        checked.iter().filter(|c| **c).count(),
        1,
        "exactly the picked one: {checked:?}"
    );
}

#[test]
fn a_walk_in_with_a_known_phone_opens_that_person() {
    let mut h = harness(workspace());
    nav(&h, "Check-in desk");
    h.run();
    h.get_by_label("Walk-in name").click();
    h.run();
    h.get_by_label("Walk-in name").type_text("张伟");
    h.run();
    h.get_by_label("Walk-in phone").click();
    h.run();
    h.get_by_label("Walk-in phone").type_text("+86 138-0013-8000");
    h.run();
    h.run();
    h.get_by_label("Register walk-in").click();
    h.run();
    assert_eq!(
        h.state().app.fair().candidates.len(),
        3,
        "no duplicate created: {:?}",
        h.state().app.fair().candidates.last()
    );
    assert!(
        message(&h).starts_with("Already registered (same phone): 张伟"),
        "{}",
        message(&h)
    );
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0001")));
    // The person is now in the search field: Enter checks them in.
    h.key_press(Key::Enter);
    h.run();
    scan(&mut h, "QD-0001");
    assert!(checked_in(&h, "C0001"));

    // A new phone registers and checks in.
    h.get_by_label("Walk-in name").click();
    h.run();
    h.get_by_label("Walk-in name").type_text("赵六");
    h.run();
    h.get_by_label("Walk-in phone").click();
    h.run();
    h.get_by_label("Walk-in phone").type_text("150 1234 5678");
    h.run();
    h.run();
    h.get_by_label("Register walk-in").click();
    h.run();
    assert_eq!(h.state().app.fair().candidates.len(), 4);
    assert!(h.state().app.fair().candidates[3].checked_in.is_some());
    h.get_by_label("Checked in: 2 / 4");
}

fn booth_desk() -> Harness<'static, Workspace> {
    let mut ws = workspace();
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav(&h, "Booth desk");
    h.run();
    h
}

fn fit(h: &Harness<'_, Workspace>, candidate: &str, position: &str) -> Option<f32> {
    let app = &h.state().app;
    app.matcher()
        .top_positions(&CandidateId::new(candidate))
        .iter()
        .find(|s| s.position == PositionId::new(position))
        .map(|s| s.fit)
}

#[test]
fn a_recorded_visit_feeds_matching_at_once_and_lands_on_the_shortlist() {
    let mut h = booth_desk();
    scan(&mut h, "zw");
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0001")));
    h.get_by_label("Fit with this booth's positions");
    let before = fit(&h, "C0001", "P0001");
    assert!(before.is_some(), "张伟 matches 算法工程师 before the visit");

    h.get_by_label("5★").click();
    h.run();
    h.get_by_label("Visit notes").click();
    h.run();
    h.get_by_label("Visit notes").type_text("strong Python");
    h.run();
    h.run();
    h.get_by_label("Save visit").click();
    h.run();
    let visits = &h.state().app.fair().visits;
    assert_eq!(visits.len(), 1, "{}", message(&h));
    assert_eq!(visits[0].rating, Some(5));
    assert_eq!(visits[0].notes, "strong Python");
    assert_eq!(visits[0].booth.as_str(), "A01");
    let after = fit(&h, "C0001", "P0001");
    assert_ne!(before, after, "the match panel's fit follows the visit");
    h.get_by_label("Visitors today (shortlist) (1)");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.csv");
    h.get_by_label("Shortlist CSV path").click();
    h.run();
    h.get_by_label("Shortlist CSV path")
        .type_text(&path.display().to_string());
    h.run();
    h.run();
    h.get_by_label("Export shortlist CSV").click();
    h.step();
    h.state_mut().wait_for_jobs();
    let text = std::fs::read_to_string(&path).expect("shortlist written");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("name,position,rating,next step,time,notes"));
    let row = lines.next().unwrap_or_default();
    assert!(
        row.starts_with("张伟,,5,None,") && row.ends_with(",strong Python"),
        "{row}"
    );
}

#[test]
fn worth_inviting_lists_checked_in_candidates_who_have_not_visited() {
    let mut ws = workspace();
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav(&h, "Check-in desk");
    h.run();
    scan(&mut h, "QD-0002");
    nav(&h, "Booth desk");
    h.run();
    // 李娜 (SQL) fits 数据分析师 and is checked in; 张伟 is not checked in.
    let link = |text: &str| h.query_all(By::new().role(Role::Link).label_contains(text)).count();
    assert_eq!(link("李娜 — 数据分析师"), 1);
    assert_eq!(link("张伟"), 0, "not checked in");
}

#[test]
fn station_log_export_and_merge_through_the_file_menu() {
    let mut h = harness(workspace());
    nav(&h, "Check-in desk");
    h.run();
    scan(&mut h, "QD-0003");
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("entrance.ron");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export station log…").click();
    h.run();
    h.get_by_label("Station log path").click();
    h.run();
    h.get_by_label("Station log path").type_text(&log.display().to_string());
    h.run();
    h.get_by_label("Export").click();
    h.step();
    h.state_mut().wait_for_jobs();
    assert!(log.exists(), "{:?}", h.state().notices);

    // The organizer's copy of the fair, without the check-in, merges the log.
    let mut organizer = harness(workspace());
    organizer.run();
    organizer.get_by_label("File").click();
    organizer.run();
    organizer.get_by_label("Merge station logs…").click();
    organizer.run();
    organizer.get_by_label("Station log paths (one per line)").click();
    organizer.run();
    organizer
        .get_by_label("Station log paths (one per line)")
        .type_text(&log.display().to_string());
    organizer.run();
    organizer.get_by_label("Merge").click();
    organizer.step();
    organizer.state_mut().wait_for_jobs();
    organizer.run();
    let c = organizer.state().app.candidate(&CandidateId::new("C0003")).cloned();
    assert!(
        c.is_some_and(|c| c.checked_in.is_some()),
        "{:?}",
        organizer.state().notices
    );
    assert!(
        organizer.state().logs.result[0].starts_with("1 new events"),
        "{:?}",
        organizer.state().logs.result
    );
    assert!(organizer.state().app.is_dirty());
}

/// A scanner types into whatever has the keyboard focus; nothing clicks the field first.
fn scan_without_click(h: &mut Harness<'_, Workspace>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn the_check_in_field_has_the_focus_after_the_navigation_click_and_after_each_check_in() {
    let mut h = harness(workspace());
    nav(&h, "Check-in desk");
    h.run();
    assert!(
        h.get_by_label(LOOKUP).is_focused(),
        "focused right after opening the desk"
    );
    scan_without_click(&mut h, "QD-0002");
    assert!(checked_in(&h, "C0002"), "{}", message(&h));
    assert!(h.get_by_label(LOOKUP).is_focused(), "focused after a check-in");
    scan_without_click(&mut h, "QD-0003");
    assert!(checked_in(&h, "C0003"), "{}", message(&h));
}

/// Keyboard only: the navigation button is focused and pressed with Enter.
fn nav_by_keyboard(h: &mut Harness<'_, Workspace>, label: &str) {
    h.query_all_by_role_and_label(Role::Button, label)
        .last()
        .unwrap_or_else(|| panic!("no navigation button {label}"))
        .focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn keyboard_only_the_check_in_field_takes_the_focus_from_the_navigation_and_after_a_walk_in() {
    let mut h = harness(workspace());
    nav_by_keyboard(&mut h, "Check-in desk");
    assert_eq!(h.state().view, fairmatch::ui::View::CheckIn);
    assert!(
        h.get_by_label(LOOKUP).is_focused(),
        "focused after Enter on the navigation"
    );
    scan_without_click(&mut h, "QD-0001");
    assert!(checked_in(&h, "C0001"), "{}", message(&h));

    for (field, text) in [("Walk-in name", "赵六"), ("Walk-in phone", "150 1234 5678")] {
        h.get_by_label(field).focus();
        h.run();
        h.get_by_label(field).type_text(text);
        h.run();
    }
    h.get_by_label("Register walk-in").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().app.fair().candidates.len(), 4, "{}", message(&h));
    assert!(
        h.get_by_label(LOOKUP).is_focused(),
        "focused once the walk-in is registered"
    );
    scan_without_click(&mut h, "QD-0003");
    assert!(checked_in(&h, "C0003"), "{}", message(&h));
}

#[test]
fn keyboard_only_the_booth_desk_lookup_takes_the_focus_on_opening_and_after_a_visit() {
    let mut ws = workspace();
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav_by_keyboard(&mut h, "Booth desk");
    assert!(
        h.get_by_label(LOOKUP).is_focused(),
        "focused after opening the booth desk"
    );
    scan_without_click(&mut h, "QD-0001");
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0001")));
    h.get_by_label("Save visit").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().app.fair().visits.len(), 1, "{}", message(&h));
    assert!(h.get_by_label(LOOKUP).is_focused(), "focused after the visit is saved");
    scan_without_click(&mut h, "QD-0002");
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0002")));
}

#[test]
fn going_from_one_desk_straight_to_the_other_focuses_its_lookup() {
    let mut ws = workspace();
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav_by_keyboard(&mut h, "Check-in desk");
    nav_by_keyboard(&mut h, "Booth desk");
    assert!(h.get_by_label(LOOKUP).is_focused());
    scan_without_click(&mut h, "QD-0002");
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0002")));
}

#[test]
fn the_shortlist_shows_todays_visitors_picks_another_day_or_all_and_exports_what_it_shows() {
    // A visit from the day before, as on a two-day fair.
    let yesterday = chrono::Local::now().naive_local() - chrono::Duration::days(1);
    let mut ws = workspace_with(|fair| {
        fair.visits.push(fairmatch::model::Visit {
            id: fairmatch::model::VisitId::new("V-yesterday"),
            candidate: CandidateId::new("C0002"),
            booth: fairmatch::model::BoothId::new("A01"),
            position: None,
            at: yesterday,
            rating: Some(3),
            notes: "day one".into(),
            next_step: fairmatch::model::NextStep::None,
            status: Default::default(),
        });
    });
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = harness(ws);
    nav(&h, "Booth desk");
    h.run();
    h.get_by_label("Visitors today (shortlist) (0)");
    scan_without_click(&mut h, "QD-0001");
    h.get_by_label("Save visit").click();
    h.run();
    h.get_by_label("Visitors today (shortlist) (1)");

    let dir = tempfile::tempdir().unwrap();
    let export = |h: &mut Harness<'_, Workspace>, name: &str| -> Vec<String> {
        let path = dir.path().join(name);
        h.state_mut().desks.export_path = path.display().to_string();
        h.run();
        h.get_by_label("Export shortlist CSV").click();
        h.step();
        h.state_mut().wait_for_jobs();
        let text = std::fs::read_to_string(&path).expect("shortlist written");
        text.trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .map(str::to_owned)
            .collect()
    };
    let today = export(&mut h, "today.csv");
    assert_eq!(today.len(), 1, "{today:?}");
    assert!(today[0].starts_with("张伟,"), "{today:?}");

    h.get_by_label("Shortlist day").click();
    h.run();
    h.get_by_label(&yesterday.date().to_string()).click();
    h.run();
    h.get_by_label(&format!("Visitors on {} (shortlist) (1)", yesterday.date()));
    let day_one = export(&mut h, "day-one.csv");
    assert!(day_one.len() == 1 && day_one[0].starts_with("李娜,") && day_one[0].ends_with(",day one"));

    h.get_by_label("Shortlist day").click();
    h.run();
    h.get_by_label("All days").click();
    h.run();
    h.get_by_label("Visitors, all days (shortlist) (2)");
    let all = export(&mut h, "all.csv");
    assert_eq!(all.len(), 2, "{all:?}");
    // With several days the time column carries the date.
    assert!(
        all[0].contains(&yesterday.format("%Y-%m-%d %H:%M").to_string()),
        "{all:?}"
    );
}

/// Two laptops register the same person as a walk-in; returns their station log files.
fn duplicate_walk_in_logs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for (station, name) in [("entrance-1", "周杰"), ("entrance-2", "周 杰")] {
        let mut laptop = workspace().app;
        laptop.prefs_mut().station_id = station.into();
        let mut person = fairmatch::model::Candidate::blank(CandidateId::new(""), name);
        person.phone = "139 1111 2222".into();
        laptop
            .record(fairmatch::app::DeskAction::WalkIn {
                candidate: Box::new(person),
                at: chrono::Local::now().naive_local(),
            })
            .expect("registers");
        let log = fairmatch::app::merge::station_log(laptop.fair(), None);
        let path = dir.join(format!("{station}.ron"));
        fairmatch::store::station_log::save_station_log(&path, &log).expect("writes");
        paths.push(path);
    }
    paths
}

fn merge_through_the_window(h: &mut Harness<'_, Workspace>, paths: &[std::path::PathBuf]) {
    if h.state().logs.open.is_none() {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Merge station logs…").click();
        h.run();
    }
    let text: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    h.state_mut().logs.paths = text.join("\n");
    h.run();
    h.get_by_label("Merge").click();
    // One frame starts the merge job; `run` would keep stepping while it runs.
    h.step();
    h.state_mut().wait_for_jobs();
    h.run();
}

fn walk_in_ids(h: &Harness<'_, Workspace>) -> Vec<String> {
    h.state()
        .app
        .fair()
        .candidates
        .iter()
        .filter(|c| c.id.as_str().starts_with('W'))
        .map(|c| c.id.0.clone())
        .collect()
}

#[test]
fn possible_duplicates_are_resolved_in_the_merge_window_undoably() {
    let dir = tempfile::tempdir().unwrap();
    let paths = duplicate_walk_in_logs(dir.path());
    let mut h = harness(workspace());
    h.run();
    merge_through_the_window(&mut h, &paths);
    let ids = walk_in_ids(&h);
    assert_eq!(
        ids.len(),
        2,
        "both walk-ins merged, none dropped: {:?}",
        h.state().logs.result
    );
    h.get_by_label("Possible duplicates to resolve (1)");

    // Same person: the second leaves the lists, its check-in counts for the first.
    h.get_by_label(&format!("Same person, keep {}", ids[0])).click();
    h.run();
    assert_eq!(walk_in_ids(&h), [ids[0].clone()]);
    h.get_by_label("No possible duplicates left to resolve.");
    assert_eq!(h.state().app.fair().events.len(), 2, "both walk-in events kept");
    assert!(h.state().app.is_dirty());

    // Merging the same logs again changes nothing and asks nothing.
    merge_through_the_window(&mut h, &paths);
    assert_eq!(walk_in_ids(&h), [ids[0].clone()]);
    assert!(
        h.state().logs.result[0].starts_with("0 new events"),
        "{:?}",
        h.state().logs.result
    );
    h.get_by_label("No possible duplicates left to resolve.");

    // Edit → Undo brings the pair back (in a fresh window, where the merge is the step before).
    let mut h = harness(workspace());
    h.run();
    merge_through_the_window(&mut h, &paths);
    h.get_by_label(&format!("Same person, keep {}", ids[1])).click();
    h.run();
    assert_eq!(walk_in_ids(&h), [ids[1].clone()]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(walk_in_ids(&h).len(), 2);
    h.get_by_label("Possible duplicates to resolve (1)");
    h.get_by_label("Different people").click();
    h.run();
    assert_eq!(walk_in_ids(&h).len(), 2, "different people are both kept");
    h.get_by_label("No possible duplicates left to resolve.");
    assert!(matches!(
        h.state().app.fair().duplicate_decisions.as_slice(),
        [fairmatch::model::DuplicateDecision::DifferentPeople { .. }]
    ));
}

#[test]
fn the_first_desk_action_without_a_station_id_asks_for_one_then_records_under_it() {
    let mut ws = workspace();
    ws.app.prefs_mut().station_id.clear();
    let mut h = harness(ws);
    nav(&h, "Check-in desk");
    h.run();
    scan(&mut h, "QD-0002");
    assert!(
        !checked_in(&h, "C0002"),
        "nothing recorded before the laptop has a name"
    );
    h.get_by_label("Name this laptop");
    h.get_by_label("Station id").focus();
    h.run();
    h.get_by_label("Station id").type_text("entrance-9");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(checked_in(&h, "C0002"), "recorded once named: {}", message(&h));
    assert_eq!(h.state().app.prefs().station_id, "entrance-9");
    assert_eq!(h.state().app.fair().events[0].station.0, "entrance-9");

    // The next one records at once, and Settings shows and changes the name.
    scan(&mut h, "QD-0003");
    assert!(checked_in(&h, "C0003"));
    assert!(h.state().dialog.is_none());
    nav(&h, "Settings");
    h.run();
    assert_eq!(h.get_by_label("Station id").value().as_deref(), Some("entrance-9"));
    h.get_by_label("Station id").focus();
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Station id").type_text("7");
    h.run();
    assert_eq!(h.state().app.prefs().station_id, "entrance-7");
}

/// The booth desk on a laptop's screen, for a booth with twenty positions.
fn busy_booth_desk() -> Harness<'static, Workspace> {
    let mut ws = workspace_with(|fair| {
        for i in 0..20 {
            let skills: &[&str] = if i % 3 == 0 { &["Python"] } else { &["Rust"] };
            let id = format!("P1{i:03}");
            fair.positions
                .push(ui_fixture::position(&id, "A01", &format!("岗位 {i}"), skills));
        }
    });
    ws.app.prefs_mut().desk_booth = "A01".into();
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(16)
        .allow_missing_glyphs()
        .build_ui_state(|ui, ws: &mut Workspace| ws.show(ui), ws);
    nav(&h, "Booth desk");
    h.run();
    h
}

#[test]
fn with_twenty_positions_the_visit_form_is_on_screen_and_the_lookup_is_focused_after_saving() {
    let mut h = busy_booth_desk();
    scan(&mut h, "QD-0001");
    assert_eq!(h.state().desks.opened, Some(CandidateId::new("C0001")));
    let viewport = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1366.0, 768.0));
    let save = h.get_by_label("Save visit").rect();
    assert!(viewport.contains_rect(save), "Save visit at {save:?}");
    h.get_by_label("Save visit").click();
    h.run();
    assert_eq!(h.state().app.fair().visits.len(), 1, "{}", message(&h));
    assert!(
        h.get_by_label(LOOKUP).is_focused(),
        "focus back in the lookup after saving"
    );
    let save = h.get_by_label("Save visit").rect();
    assert!(viewport.contains_rect(save), "still on screen after saving: {save:?}");
}

#[test]
fn the_booth_list_filters_as_you_type_and_positions_are_listed_best_fit_first() {
    let mut h = busy_booth_desk();
    h.get_by_label("Change booth").click();
    h.run();
    h.get_by_label("Find booth").click();
    h.run();
    h.get_by_label("Find booth").type_text("gegf");
    h.run();
    // 歌尔股份 by its pinyin initials; 海尔集团 (the current booth, named above) leaves the list.
    assert_eq!(h.query_all(By::new().label_contains("海尔集团  ·")).count(), 0);
    h.get_by_label_contains("歌尔股份  ·").click();
    h.run();
    assert_eq!(h.state().app.prefs().desk_booth, "A02");

    let mut h = busy_booth_desk();
    scan(&mut h, "QD-0001");
    // 张伟 knows Python: the Python positions come before the Rust ones.
    let titles: Vec<String> = h
        .query_all(By::new().label_contains("岗位 "))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let python = |t: &String| {
        t.strip_prefix("岗位 ")
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n % 3 == 0)
    };
    let order: Vec<bool> = titles.iter().map(python).collect();
    assert_eq!(order.len(), 20, "{titles:?}");
    assert!(
        order.windows(2).all(|w| w[0] >= w[1]),
        "Python positions first: {titles:?}"
    );
}

//! The organizer workspace driven headlessly through its widgets' accessible labels.

mod ui_fixture;

use ui_fixture::{harness, nav, workspace};

use egui::{Key, Modifiers};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use fairmatch::app::{AppState, Prefs};
use fairmatch::model::{CandidateId, Lang};
use fairmatch::ui::{Dialog, View, Workspace};

fn skills_of(h: &Harness<'_, Workspace>, id: &str) -> Vec<String> {
    h.state()
        .app
        .candidate(&CandidateId::new(id))
        .map(|c| c.skills.clone())
        .unwrap_or_default()
}

#[test]
fn search_finds_a_chinese_name_by_pinyin_initials_and_opens_its_editor() {
    let mut h = harness(workspace(Lang::En));
    nav(&h, "Candidates");
    h.run();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("zw");
    h.run();
    assert_eq!(h.state().app.view(fairmatch::app::Table::Candidates).rows(), &[0]);
    h.get_by_label("张伟").click();
    h.run();
    assert_eq!(h.state().app.selection().candidate, Some(CandidateId::new("C0001")));
    h.get_by_label("Best positions");
}

#[test]
fn editing_a_skill_goes_through_undo_and_redo() {
    let mut ws = workspace(Lang::En);
    ws.app
        .select(fairmatch::app::Record::Candidate(CandidateId::new("C0001")));
    let mut h = harness(ws);
    h.run();
    let panel_before = h
        .state()
        .app
        .matcher()
        .top_positions(&CandidateId::new("C0001"))
        .to_vec();
    h.get_by_label("Add skill").click();
    h.run();
    h.get_by_label("Add skill").type_text("机器");
    h.run();
    h.get_by_label("+ Machine learning 机器学习").click();
    h.run();
    assert_eq!(skills_of(&h, "C0001"), vec!["Python", "Machine learning"]);
    let panel_after = h
        .state()
        .app
        .matcher()
        .top_positions(&CandidateId::new("C0001"))
        .to_vec();
    let undo_name = h.state().app.undo_name().map(|n| n.en.clone());
    assert_eq!(undo_name.as_deref(), Some("change skills of 张伟"));
    // The match panel is recomputed in the same frame: 算法工程师 wants 机器学习 too.
    assert!(!panel_before.is_empty(), "张伟 has matches before the edit");
    assert_ne!(panel_before, panel_after, "the match panel follows the edit");
    let before = panel_before
        .iter()
        .find(|s| s.position.as_str() == "P0001")
        .map(|s| s.fit);
    let after = panel_after
        .iter()
        .find(|s| s.position.as_str() == "P0001")
        .map(|s| s.fit);
    assert!(after > before, "fit for 算法工程师 rises: {before:?} -> {after:?}");
    h.get_by_label("1. 算法工程师");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(skills_of(&h, "C0001"), vec!["Python"]);
    assert_eq!(
        h.state().app.matcher().top_positions(&CandidateId::new("C0001")),
        panel_before.as_slice()
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(skills_of(&h, "C0001"), vec!["Python", "Machine learning"]);
    // Removing through the chip is an edit too.
    h.get_by_label("Python ✕").click();
    h.run();
    assert_eq!(skills_of(&h, "C0001"), vec!["Machine learning"]);
}

#[test]
fn add_and_delete_a_position() {
    let mut h = harness(workspace(Lang::En));
    nav(&h, "Positions");
    h.run();
    h.get_by_label("Add position").click();
    h.run();
    assert_eq!(h.state().app.fair().positions.len(), 4);
    let added = h
        .state()
        .app
        .selection()
        .position
        .clone()
        .expect("the new position is selected");
    assert!(h.state().app.position(&added).is_some());
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(h.state().app.fair().positions.len(), 3);
    assert!(h.state().app.position(&added).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().app.fair().positions.len(), 4, "undo brings it back");
}

#[test]
fn deleting_a_booth_with_positions_asks_and_can_move_them() {
    let mut ws = workspace(Lang::En);
    ws.view = View::Booths;
    ws.app
        .select(fairmatch::app::Record::Booth(fairmatch::model::BoothId::new("A01")));
    let mut h = harness(ws);
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::DeleteBooth { .. })));
    h.get_by_label("Delete its positions too").click();
    h.run();
    assert_eq!(h.state().app.fair().booths.len(), 1);
    assert_eq!(h.state().app.fair().positions.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().app.fair().positions.len(), 3);
}

#[test]
fn language_switches_at_runtime() {
    let mut h = harness(workspace(Lang::En));
    nav(&h, "Settings");
    h.run();
    // Display is the last section of Settings.
    h.get_by_label("中文").scroll_to_me();
    h.run();
    h.get_by_label("中文").click();
    h.run();
    assert_eq!(h.state().app.prefs().lang, Lang::Zh);
    nav(&h, "求职者");
    h.run();
    assert_eq!(h.state().view, View::Candidates);
    h.get_by_label("搜索");
}

#[test]
fn the_sample_fair_opens_and_finds_both_zhang_wei_by_pinyin() {
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fairmatch::ui::starting_fair(), None, prefs));
    ws.native_dialogs = false;
    let mut h = harness(ws);
    h.run();
    assert!(
        h.state().app.fair().candidates.len() >= 1000,
        "the bundled sample is a real fair"
    );
    nav(&h, "Candidates");
    h.run();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("zhangwei");
    h.run();
    let rows = h.state().app.view(fairmatch::app::Table::Candidates).rows().to_vec();
    assert!(rows.len() >= 2, "two 张伟 in the sample: {rows:?}");
    assert!(
        rows.iter()
            .all(|&i| h.state().app.fair().candidates[i].name.contains("张伟"))
    );
}

/// A small fair rebuilds in the frame, a large one in the background once the weight rests
/// (`app::tests` covers which, and when); either way the matches end up those of the new weight.
#[test]
fn dragging_a_weight_in_settings_rematches_with_the_new_weight() {
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut app = AppState::new_background(ui_fixture::fair(), None, prefs);
    app.wait_for_matching();
    let mut ws = Workspace::new(app);
    ws.native_dialogs = false;
    let mut h = harness(ws);
    nav(&h, "Settings");
    h.run();
    let weight = "weight of fit in the score (appeal gets the rest)";
    let before = h.state().app.fair().settings.fit_weight;
    for _ in 0..3 {
        // What the keyboard's arrow keys and a drag do: one change a frame. The slider says
        // what the weight amounts to ("fit counts 60 % of the score").
        h.query_all(
            egui_kittest::kittest::By::new()
                .role(egui::accesskit::Role::Slider)
                .label_contains("of the score"),
        )
        .next()
        .expect("the fit weight's slider")
        .increment_accesskit();
        h.step();
    }
    assert!(h.state().app.fair().settings.fit_weight > before);
    assert_eq!(
        h.state().app.undo_name().map(|n| n.en.clone()),
        Some(format!("change {weight}")),
        "one undo step for the drag"
    );
    h.state_mut().app.wait_for_matching();
    nav(&h, "Unmatched");
    // Leaving the field clamps the weight into its range (one more settings edit of the same
    // step); on a loaded machine its rebuild goes to the background: wait for it too.
    h.step();
    h.state_mut().app.wait_for_matching();
    h.run();
    assert!(
        h.query_by_label("Matching… results appear when the matcher is ready.")
            .is_none()
    );
    let fair = h.state().app.fair().clone();
    let fresh = fairmatch::matching::Matcher::build(&fair);
    for c in &fair.candidates {
        assert_eq!(h.state().app.matcher().top_positions(&c.id), fresh.top_positions(&c.id));
    }
}

#[test]
fn allocation_runs_on_demand_and_jumps_to_a_position() {
    let mut h = harness(workspace(Lang::En));
    nav(&h, "Allocation");
    h.run();
    h.get_by_label("Run allocation").click();
    h.step();
    h.state_mut().wait_for_jobs();
    h.run();
    let view = h.state().app.allocation().expect("the allocation ran");
    assert_eq!(view.rows.len(), 3, "every candidate is listed, placed or not");
    assert!(view.assigned >= 1);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("allocation.csv");
    h.state_mut()
        .use_path(fairmatch::ui::FilePurpose::ExportAllocation, out.clone());
    h.state_mut().wait_for_jobs();
    let csv = std::fs::read_to_string(&out).expect("exported");
    assert!(csv.starts_with("candidate_id,position_id,reason\n"));
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn deleting_a_position_with_visits_asks_keeps_the_visits_and_undoes_as_one() {
    use fairmatch::model::{BoothId, NextStep, PositionId, Visit, VisitId};
    let mut fair = ui_fixture::fair();
    fair.visits.push(Visit {
        id: VisitId::new("V1"),
        candidate: CandidateId::new("C0001"),
        booth: BoothId::new("A01"),
        position: Some(PositionId::new("P0001")),
        at: chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
            .and_then(|d| d.and_hms_opt(10, 5, 0))
            .expect("valid time"),
        rating: Some(4),
        notes: "knows PyTorch".into(),
        next_step: NextStep::Interview,
        status: Default::default(),
    });
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut ws = Workspace::new(AppState::new(fair, None, prefs));
    ws.native_dialogs = false;
    ws.view = View::Positions;
    ws.app
        .select(fairmatch::app::Record::Position(PositionId::new("P0001")));
    let mut h = harness(ws);
    h.run();
    let before = h.state().app.fair().clone();

    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        h.state().dialog,
        Some(Dialog::DeletePosition {
            id: PositionId::new("P0001")
        })
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(*h.state().app.fair(), before, "cancel deletes nothing");

    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label("Delete position, keep visits").click();
    h.run();
    let app = &h.state().app;
    assert!(app.position(&PositionId::new("P0001")).is_none());
    assert_eq!(app.fair().visits.len(), 1, "the visit stays");
    assert_eq!(app.fair().visits[0].position, None);
    assert_eq!(app.fair().visits[0].notes, "knows PyTorch");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        *h.state().app.fair(),
        before,
        "one undo restores the position and the visit's link"
    );
}

#[test]
fn an_id_can_be_cleared_and_retyped_and_only_a_valid_id_is_applied() {
    let mut ws = workspace(Lang::En);
    ws.app
        .select(fairmatch::app::Record::Candidate(CandidateId::new("C0001")));
    let mut h = harness(ws);
    h.run();
    h.get_by_label("id").click();
    h.run();
    h.key_press(Key::End);
    for _ in 0.."C0001".len() {
        h.key_press(Key::Backspace);
    }
    h.run();
    assert!(
        h.state().notices.is_empty(),
        "clearing is not refused: {:?}",
        h.state().notices
    );
    assert!(
        h.state().app.candidate(&CandidateId::new("C0001")).is_some(),
        "the record keeps its id"
    );
    h.get_by_label_contains("an id is required");

    h.get_by_label("id").type_text("C0002");
    h.run();
    h.get_by_label("this id is already used");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().app.candidate(&CandidateId::new("C0001")).is_some(),
        "a taken id is not applied"
    );
    assert_eq!(
        h.state().app.fair().candidates[1].name,
        "李娜",
        "the other record is untouched"
    );
    assert!(h.state().app.undo_name().is_none());

    h.get_by_label("id").click();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("id").type_text("9");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().app.candidate(&CandidateId::new("C00019")).is_some(),
        "a valid id is applied"
    );
    assert!(h.state().app.candidate(&CandidateId::new("C0001")).is_none());
    assert_eq!(h.state().app.selection().candidate, Some(CandidateId::new("C00019")));
    assert!(h.state().notices.is_empty());
    let undo_name = h.state().app.undo_name().map(|n| n.en.clone());
    assert_eq!(undo_name.as_deref(), Some("change id of 张伟"));
}

#[test]
fn on_fair_day_the_allocation_places_only_checked_in_candidates_unless_asked_for_everyone() {
    let mut ws = workspace(Lang::En);
    let at = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    ws.app
        .record(fairmatch::app::DeskAction::CheckIn {
            candidate: CandidateId::new("C0002"),
            at,
        })
        .expect("checks in");
    let mut h = harness(ws);
    nav(&h, "Allocation");
    h.run();
    // Someone checked in: the default is those who came.
    h.get_by_label("Checked-in candidates only (1)");
    h.get_by_label("Run allocation").click();
    h.step();
    h.state_mut().wait_for_jobs();
    h.run();
    let report = h.state().app.allocation().expect("the allocation ran");
    let listed: Vec<&str> = report.rows.iter().map(|r| r.candidate.as_str()).collect();
    assert_eq!(listed, ["C0002"], "only the checked-in candidate is placed");

    h.get_by_label("Everyone registered (3)").click();
    h.run();
    h.get_by_label("Run allocation").click();
    h.step();
    h.state_mut().wait_for_jobs();
    h.run();
    assert_eq!(h.state().app.allocation().expect("ran again").rows.len(), 3);

    // Per booth: booth, positions, openings, placed.
    h.get_by_label("Per booth").click();
    h.run();
    h.get_by_label("A01 海尔集团");
    h.get_by_label("Placed");
}

#[test]
fn settings_weights_explain_their_share_and_zones_are_edited_one_row_each() {
    let mut ws = workspace(Lang::En);
    ws.app
        .select(fairmatch::app::Record::Candidate(CandidateId::new("C0001")));
    ws.apply_edit(fairmatch::app::Edit::SetMeta {
        value: {
            let mut meta = ws.app.fair().meta.clone();
            meta.zones = vec!["A 人工智能".into(), "B 家电".into()];
            meta
        },
    });
    let mut h = harness(ws);
    nav(&h, "Settings");
    h.run();
    // Required skills: 0.55 of the fit weights' 1.0.
    h.get_by_label("required skills counts 55 % of fit");
    // The selected candidate's top matches beside the sliders.
    h.get_by_label("Top 5 positions for 张伟");
    h.get_by_label("1. 算法工程师");

    h.get_by_label("Add zone").scroll_to_me();
    h.run();
    h.get_by_label("Add zone").click();
    h.run();
    assert_eq!(h.state().app.fair().meta.zones.len(), 3);
    h.get_by_label("zone 2").focus();
    h.run();
    h.get_by_label("zone 2").type_text(" 西区");
    h.run();
    assert_eq!(h.state().app.fair().meta.zones[1], "B 家电 西区");
    let removes: Vec<_> = h.query_all_by_label("✕").collect();
    assert_eq!(removes.len(), 3);
    removes[0].click();
    h.run();
    assert_eq!(h.state().app.fair().meta.zones, ["B 家电 西区", "Zone 3"]);
}

#[test]
fn a_row_found_through_a_hidden_column_says_which() {
    let mut ws = workspace(Lang::En);
    let mut c = ws.app.fair().candidates[2].clone();
    c.badge = "ZW-0003".into();
    ws.apply_edit(fairmatch::app::Edit::SetCandidate {
        id: c.id.clone(),
        value: c,
        field: fairmatch::app::field::BADGE,
    });
    let mut h = harness(ws);
    nav(&h, "Candidates");
    h.run();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("zw");
    h.run();
    h.run();
    assert_eq!(h.state().app.view(fairmatch::app::Table::Candidates).rows().len(), 2);
    // 张伟 matches by name (shown); Wang Fang only by her badge, which the table does not show.
    h.get_by_label("badge ZW-0003");
    assert_eq!(
        h.query_all(egui_kittest::kittest::By::new().label_contains("badge "))
            .count(),
        1
    );
}

#[test]
fn with_nothing_to_undo_the_edit_menu_shows_a_plain_disabled_undo() {
    let mut h = harness(workspace(Lang::En));
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    let undo: Vec<_> = h
        .query_all(egui_kittest::kittest::By::new().label_contains("Undo"))
        .collect();
    assert_eq!(undo.len(), 1);
    let label = undo[0].accesskit_node().label().unwrap_or_default();
    assert!(label.starts_with("Undo") && !label.contains(':'), "{label}");
    assert!(undo[0].accesskit_node().is_disabled());
}

#[test]
fn the_station_log_window_opens_below_the_menu_bar() {
    let mut h = harness(workspace(Lang::En));
    h.run();
    let menu_bottom = h.get_by_label("File").rect().max.y;
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge station logs…").click();
    h.run();
    h.run();
    let window = h
        .query_all(egui_kittest::kittest::By::new().label("Merge station logs…"))
        .map(|n| n.rect())
        .fold(egui::Rect::NOTHING, |a, b| a.union(b));
    assert!(
        window.min.y >= menu_bottom,
        "window at {window:?}, menu bar ends at {menu_bottom}"
    );
    // The menu stays usable while the window is open.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export station log…");
}

#[test]
fn contacts_are_masked_until_shown_in_settings() {
    let mut ws = workspace(Lang::En);
    let mut c = ws.app.fair().candidates[0].clone();
    c.phone = "13800000001".into();
    c.email = "zhang@example.com".into();
    ws.apply_edit(fairmatch::app::Edit::SetCandidate {
        id: c.id.clone(),
        value: c.clone(),
        field: fairmatch::app::field::EMAIL,
    });
    ws.app.select(fairmatch::app::Record::Candidate(c.id.clone()));
    let mut h = harness(ws);
    nav(&h, "Candidates");
    h.run();
    let by_value = |v: &'static str| egui_kittest::kittest::By::new().value(v);
    assert!(h.query_all(by_value("138****0001")).count() > 0);
    assert!(h.query_all(by_value("z***@example.com")).count() > 0);
    assert_eq!(h.query_all(by_value("13800000001")).count(), 0);
    assert_eq!(h.query_all(by_value("zhang@example.com")).count(), 0);
    nav(&h, "Settings");
    h.run();
    h.get_by_label("Show contacts (phone and email in full)")
        .click_accesskit();
    h.run();
    assert!(h.state().app.prefs().show_contacts);
    nav(&h, "Candidates");
    h.run();
    h.run();
    assert!(h.query_all(by_value("13800000001")).count() > 0);
    assert!(h.query_all(by_value("zhang@example.com")).count() > 0);
    assert_eq!(h.query_all(by_value("138****0001")).count(), 0);
    assert_eq!(h.state().app.candidate(&c.id).map(|c| c.phone.clone()), Some(c.phone));
}

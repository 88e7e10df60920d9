use super::live_matching::SETTINGS_REBUILD_IN_FRAME;
use super::*;
use crate::model::{
    Booth, Candidate, Education, EmployerKind, Industry, Position, TalentTier, Visit, VisitId, WorkMode,
};

fn booth(id: &str, employer: &str) -> Booth {
    Booth {
        id: BoothId::new(id),
        employer: employer.into(),
        employer_kind: EmployerKind::Enterprise,
        industry: Industry::ArtificialIntelligence,
        zone: "A".into(),
        floor: None,
        staff: vec![],
        interviews: None,
    }
}

fn position(id: &str, booth: &str, title: &str) -> Position {
    Position {
        id: PositionId::new(id),
        booth: BoothId::new(booth),
        title: title.into(),
        openings: 2,
        required_skills: vec!["Python".into()],
        preferred_skills: vec![],
        min_education: Education::Bachelor,
        min_experience_years: 0,
        salary: None,
        city: "青岛".into(),
        work_mode: WorkMode::OnSite,
        industry: Industry::ArtificialIntelligence,
        description: String::new(),
    }
}

fn candidate(id: &str, name: &str) -> Candidate {
    Candidate {
        id: CandidateId::new(id),
        name: name.into(),
        phone: String::new(),
        email: String::new(),
        education: Education::Master,
        school: String::new(),
        major: String::new(),
        graduation_year: None,
        experience_years: 1,
        skills: vec!["Python".into()],
        expected_salary: None,
        cities: vec!["青岛".into()],
        industries: vec![],
        work_modes: vec![],
        tier: TalentTier::Student,
        hometown: String::new(),
        consent: true,
        badge: String::new(),
        checked_in: None,
    }
}

fn state() -> AppState {
    let mut fair = Fair::new(FairId::new("t"), "测试招聘会");
    fair.booths = vec![booth("A1", "海尔集团"), booth("A2", "海信集团")];
    fair.positions = vec![position("P1", "A1", "算法工程师"), position("P2", "A1", "数据分析师")];
    fair.candidates = vec![candidate("C1", "张伟"), candidate("C2", "李娜")];
    fair.visits = vec![Visit {
        id: VisitId::new("V1"),
        candidate: CandidateId::new("C2"),
        booth: BoothId::new("A1"),
        position: None,
        at: chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
            .and_then(|d| d.and_hms_opt(9, 41, 0))
            .expect("valid time"),
        rating: Some(5),
        notes: String::new(),
        next_step: crate::model::NextStep::Interview,
        status: Default::default(),
    }];
    AppState::new(fair, None, Prefs::default())
}

fn set_skills(app: &mut AppState, id: &str, skills: &[&str]) {
    let mut value = app.candidate(&CandidateId::new(id)).expect("candidate exists").clone();
    value.skills = skills.iter().map(|s| s.to_string()).collect();
    app.apply(Edit::SetCandidate {
        id: CandidateId::new(id),
        value,
        field: field::SKILLS,
    })
    .expect("edit applies");
}

#[test]
fn set_field_undo_redo_and_edit_names() {
    let mut app = state();
    let before = app.fair.clone();
    set_skills(&mut app, "C1", &["Rust"]);
    assert!(app.is_dirty());
    assert_eq!(app.undo_name().map(|n| n.en.as_str()), Some("change skills of 张伟"));
    assert_eq!(app.undo_name().map(|n| n.zh.as_str()), Some("修改 张伟 的技能"));
    app.undo().expect("undo");
    assert_eq!(app.fair, before);
    assert!(!app.is_dirty());
    assert_eq!(app.redo_name().map(|n| n.en.as_str()), Some("change skills of 张伟"));
    app.redo().expect("redo");
    assert_eq!(
        app.candidate(&CandidateId::new("C1")).map(|c| c.skills.clone()),
        Some(vec!["Rust".to_owned()])
    );
}

#[test]
fn keystrokes_in_one_field_merge_into_one_undo_step() {
    let mut app = state();
    let before = app.fair.clone();
    set_skills(&mut app, "C1", &["R"]);
    set_skills(&mut app, "C1", &["Ru"]);
    set_skills(&mut app, "C1", &["Rust"]);
    set_skills(&mut app, "C2", &["Go"]);
    app.undo().expect("undo C2");
    app.undo().expect("undo C1");
    assert_eq!(app.fair, before);
    assert!(app.undo_name().is_none());
}

#[test]
fn a_saved_state_is_clean_and_a_new_edit_after_save_does_not_merge_into_it() {
    let mut app = state();
    set_skills(&mut app, "C1", &["R"]);
    app.mark_saved(PathBuf::from("/tmp/x.ron"));
    assert!(!app.is_dirty());
    set_skills(&mut app, "C1", &["Rust"]);
    assert!(app.is_dirty());
    app.undo().expect("undo");
    assert!(!app.is_dirty(), "undo back to the saved state is clean");
    assert_eq!(
        app.candidate(&CandidateId::new("C1")).map(|c| c.skills.clone()),
        Some(vec!["R".to_owned()])
    );
}

#[test]
fn add_and_delete_restore_order_indexes_and_visits() {
    let mut app = state();
    let before = app.fair.clone();
    app.apply(Edit::AddPosition {
        value: position("P3", "A2", "测试工程师"),
        at: None,
    })
    .expect("add");
    assert_eq!(app.index.positions.get(&PositionId::new("P3")), Some(&2));
    app.apply(Edit::DeleteCandidate {
        id: CandidateId::new("C2"),
    })
    .expect("delete");
    assert!(app.fair.visits.is_empty(), "the candidate's visits go with them");
    assert!(app.candidate(&CandidateId::new("C2")).is_none());
    app.undo().expect("undo delete");
    app.undo().expect("undo add");
    assert_eq!(app.fair, before);
    assert_eq!(app.index.candidates.get(&CandidateId::new("C2")), Some(&1));
}

#[test]
fn duplicate_ids_are_refused_and_change_nothing() {
    let mut app = state();
    let before = app.fair.clone();
    let err = app
        .apply(Edit::AddCandidate {
            value: candidate("C1", "重复"),
            at: None,
            visits: vec![],
        })
        .expect_err("duplicate id");
    assert!(err.en.contains("C1"));
    let mut renamed = candidate("C2", "李娜");
    renamed.id = CandidateId::new("C1");
    assert!(
        app.apply(Edit::SetCandidate {
            id: CandidateId::new("C2"),
            value: renamed,
            field: field::ID
        })
        .is_err()
    );
    assert_eq!(app.fair, before);
    assert!(!app.is_dirty());
}

#[test]
fn deleting_a_booth_deletes_or_moves_its_positions_as_one_undo_step() {
    let mut app = state();
    // Before the fair: no visits yet (a booth with visits cannot be deleted, tested below).
    app.fair.visits.clear();
    let fair = app.fair.clone();
    app.replace_fair(fair, None);
    let before = app.fair.clone();
    app.apply(Edit::DeleteBooth {
        id: BoothId::new("A1"),
        positions: BoothPositions::MoveTo(BoothId::new("A2")),
    })
    .expect("move and delete");
    assert_eq!(app.fair.booths.len(), 1);
    assert!(app.fair.positions.iter().all(|p| p.booth == BoothId::new("A2")));
    app.undo().expect("undo");
    assert_eq!(app.fair, before);

    app.apply(Edit::DeleteBooth {
        id: BoothId::new("A1"),
        positions: BoothPositions::Delete,
    })
    .expect("delete with positions");
    assert!(app.fair.positions.is_empty());
    assert_eq!(app.undo_name().map(|n| n.en.as_str()), Some("delete booth A1"));
    app.undo().expect("undo");
    assert_eq!(app.fair, before);

    let err = app.apply(Edit::DeleteBooth {
        id: BoothId::new("A1"),
        positions: BoothPositions::MoveTo(BoothId::new("A1")),
    });
    assert!(err.is_err(), "moving to the booth being deleted is refused");
    assert_eq!(app.fair, before);
}

#[test]
fn search_finds_by_pinyin_and_filters_combine() {
    let mut app = state();
    app.candidates_view.search = "zw".into();
    app.refresh_view(Table::Candidates);
    assert_eq!(app.candidates_view.rows(), &[0]);
    app.candidates_view.search = "lina".into();
    app.refresh_view(Table::Candidates);
    assert_eq!(app.candidates_view.rows(), &[1]);
    app.candidates_view.search.clear();
    app.candidates_view.filters.education = Some(Education::Doctorate);
    app.refresh_view(Table::Candidates);
    assert!(app.candidates_view.rows().is_empty());

    // Positions are found by their booth's employer, and follow a rename of it.
    app.positions_view.search = "haier".into();
    app.refresh_view(Table::Positions);
    assert_eq!(app.positions_view.rows(), &[0, 1]);
    let mut renamed = app.fair.booths[0].clone();
    renamed.employer = "青岛啤酒".into();
    app.apply(Edit::SetBooth {
        id: BoothId::new("A1"),
        value: renamed,
        field: field::EMPLOYER,
    })
    .expect("rename");
    app.positions_view.search = "qdpj".into();
    app.refresh_view(Table::Positions);
    assert_eq!(app.positions_view.rows(), &[0, 1]);
}

#[test]
fn sorting_cycles_ascending_descending_off() {
    let mut app = state();
    app.candidates_view.toggle_sort(Column::Name);
    app.refresh_view(Table::Candidates);
    let ascending = app.candidates_view.rows().to_vec();
    app.candidates_view.toggle_sort(Column::Name);
    app.refresh_view(Table::Candidates);
    let mut descending = app.candidates_view.rows().to_vec();
    descending.reverse();
    assert_eq!(ascending, descending);
    app.candidates_view.toggle_sort(Column::Name);
    assert_eq!(app.candidates_view.sort, None);
}

#[test]
fn booths_sort_by_employer_kind() {
    let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
    app.booths_view.toggle_sort(Column::Kind);
    app.refresh_view(Table::Booths);
    let kinds: Vec<_> = app
        .booths_view
        .rows()
        .iter()
        .map(|&i| app.fair.booths[i].employer_kind)
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
    assert!(
        kinds.first() != kinds.last(),
        "the sample has more than one kind of employer"
    );
}

fn set_settings(app: &mut AppState, value: crate::model::MatchSettings) {
    app.apply(Edit::SetSettings {
        value,
        field: field::MATCH_SETTINGS,
    })
    .expect("settings");
}

#[test]
fn settings_edits_are_undoable() {
    let mut app = state();
    let mut settings = app.fair.settings.clone();
    settings.min_score = 55.0;
    set_settings(&mut app, settings);
    assert_eq!(app.fair.settings.min_score, 55.0);
    app.undo().expect("undo");
    assert_eq!(app.fair.settings, crate::model::MatchSettings::default());
}

#[test]
fn title_shows_fair_file_and_dirty_mark() {
    let mut app = state();
    app.mark_saved(PathBuf::from("/tmp/spring.ron"));
    assert_eq!(app.title(), "测试招聘会 — spring.ron — fairmatch");
    set_skills(&mut app, "C1", &["Go"]);
    assert!(app.title().contains("spring.ron *"));
}

#[test]
fn an_import_is_appended_and_undone_in_one_step() {
    let mut app = state();
    let before = app.fair.clone();
    app.apply(Edit::Append {
        name: EditName::new("import a.csv", "导入 a.csv"),
        booths: vec![booth("A9", "青岛啤酒")],
        positions: vec![position("P9", "A9", "酿酒师")],
        candidates: vec![candidate("C9", "王芳"), candidate("C10", "赵磊")],
    })
    .expect("append");
    assert_eq!(app.fair.candidates.len(), 4);
    app.candidates_view.search = "wf".into();
    app.refresh_view(Table::Candidates);
    assert_eq!(app.candidates_view.rows(), &[2]);
    app.positions_view.search = "qingdaopijiu".into();
    app.refresh_view(Table::Positions);
    assert_eq!(app.positions_view.rows(), &[2]);
    app.undo().expect("undo");
    assert_eq!(app.fair, before);
    app.redo().expect("redo");
    assert_eq!(app.fair.candidates.len(), 4);
    let clash = app.apply(Edit::Append {
        name: EditName::default(),
        booths: vec![],
        positions: vec![],
        candidates: vec![candidate("C1", "重复")],
    });
    assert!(clash.is_err());
    assert_eq!(app.fair.candidates.len(), 4);
}

/// Every top-K list of `app` equals the one a fresh full build of its current fair gives.
fn assert_matches_fresh_build(app: &AppState) {
    let fresh = Matcher::build(&app.fair);
    for c in &app.fair.candidates {
        assert_eq!(
            app.matcher.top_positions(&c.id),
            fresh.top_positions(&c.id),
            "candidate {}",
            c.id
        );
    }
    for p in &app.fair.positions {
        assert_eq!(
            app.matcher.top_candidates(&p.id),
            fresh.top_candidates(&p.id),
            "position {}",
            p.id
        );
    }
}

#[test]
fn edits_during_a_background_build_end_up_matched() {
    let fair = crate::generate::sample_fair();
    let mut app = AppState::new_background(fair, None, Prefs::default());
    // Not polled yet, so every edit below lands while the build is pending, however fast it is.
    assert!(app.is_matching());
    let first = app.fair.candidates[0].id.clone();
    set_skills(&mut app, first.as_str(), &["Python", "Rust", "机器学习"]);
    let mut added = app.fair.candidates[1].clone();
    added.id = CandidateId::new("NEW-1");
    app.apply(Edit::AddCandidate {
        value: added,
        at: None,
        visits: vec![],
    })
    .expect("add candidate");
    let gone = app.fair.positions[0].id.clone();
    app.apply(Edit::DeletePosition { id: gone.clone() })
        .expect("delete position");
    let mut moved = app.fair.positions[1].clone();
    moved.required_skills = vec!["Python".into()];
    moved.openings += 3;
    app.apply(Edit::SetPosition {
        id: moved.id.clone(),
        value: moved,
        field: field::REQUIRED_SKILLS,
    })
    .expect("edit position");
    // Undo during the build is an edit too.
    app.undo().expect("undo position edit");
    app.wait_for_matching();
    assert!(!app.is_matching());
    assert!(app.matcher.top_candidates(&gone).is_empty());
    assert_matches_fresh_build(&app);
    // Incremental updates continue once the build is in.
    set_skills(&mut app, first.as_str(), &["Java"]);
    assert_matches_fresh_build(&app);
}

#[test]
fn settings_changed_during_a_background_build_rebuild() {
    let mut app = AppState::new_background(crate::generate::sample_fair(), None, Prefs::default());
    let mut settings = app.fair.settings.clone();
    settings.top_k = 3;
    settings.fit_weight = 0.9;
    set_settings(&mut app, settings);
    let third = app.fair.candidates[2].id.clone();
    set_skills(&mut app, third.as_str(), &["Go"]);
    app.wait_for_matching();
    assert_eq!(app.matcher.top_k(), 3);
    assert_matches_fresh_build(&app);
}

#[test]
fn settings_dragged_over_many_frames_rebuild_once_they_rest() {
    let mut app = AppState::new_background(crate::generate::sample_fair(), None, Prefs::default());
    app.wait_for_matching();
    // As if the fair were large: its full build too slow to redo in a frame.
    app.matching_took = Some(Duration::from_secs(1));
    let mut settings = app.fair.settings.clone();
    for _ in 0..5 {
        // One edit a frame, as a dragged weight sends them.
        settings.fit_weight -= 0.05;
        set_settings(&mut app, settings.clone());
        assert!(app.poll_matching(), "results are held back while the settings move");
        assert!(app.is_matching());
        assert!(app.pending.is_none(), "no build starts while the settings move");
    }
    assert_eq!(app.undo.len(), 1, "the drag is one undo step");
    // Once they rest, one build starts (`wait_for_matching` skips the pause) and is taken in.
    app.wait_for_matching();
    assert!(!app.is_matching());
    assert!((app.fair.settings.fit_weight - 0.35).abs() < 1e-6);
    assert_matches_fresh_build(&app);
    // A settings change replacing a build under way cancels it.
    app.matching_took = Some(Duration::from_secs(1));
    app.start_background_build();
    let running = std::sync::Arc::clone(&app.pending.as_ref().expect("a build runs").cancel);
    settings.fit_weight = 0.5;
    set_settings(&mut app, settings);
    assert!(
        running.load(std::sync::atomic::Ordering::Relaxed),
        "the stale build was told to stop"
    );
    app.wait_for_matching();
    assert_matches_fresh_build(&app);
}

#[test]
fn settings_of_a_fair_that_builds_within_a_frame_apply_in_that_frame() {
    let mut app = AppState::new_background(crate::generate::sample_fair(), None, Prefs::default());
    app.wait_for_matching();
    // Said outright rather than timed: a loaded test machine may take longer.
    app.matching_took = Some(SETTINGS_REBUILD_IN_FRAME / 4);
    let mut settings = app.fair.settings.clone();
    settings.top_k = 2;
    set_settings(&mut app, settings);
    assert!(!app.is_matching(), "no wait for a small fair");
    assert_eq!(app.matcher.top_k(), 2);
    assert_matches_fresh_build(&app);
}

#[test]
fn deleting_a_position_keeps_its_visits_under_the_booth_and_undo_restores_them() {
    let mut app = state();
    app.fair.visits[0].position = Some(PositionId::new("P1"));
    app.fair.visits[0].next_step = crate::model::NextStep::Reject;
    // Rebuild so the matcher knows the visit as it is now.
    let fair = app.fair.clone();
    app.replace_fair(fair, None);
    let before = app.fair.clone();
    app.apply(Edit::DeletePosition {
        id: PositionId::new("P1"),
    })
    .expect("delete position");
    assert!(app.position(&PositionId::new("P1")).is_none());
    assert_eq!(app.fair.visits.len(), 1, "the visit is kept");
    assert_eq!(app.fair.visits[0].position, None, "without the deleted position");
    assert_eq!(app.fair.visits[0].rating, Some(5));
    assert!(
        crate::model::validate(&app.fair).is_empty(),
        "no visit points at a missing position"
    );
    assert_eq!(app.undo_name().map(|n| n.en.as_str()), Some("delete position P1"));
    assert_matches_fresh_build(&app);
    app.undo().expect("undo");
    assert_eq!(
        app.fair, before,
        "one undo brings back the position and the visit's link"
    );
    assert_matches_fresh_build(&app);
    app.redo().expect("redo");
    assert_eq!(app.fair.visits[0].position, None);
    assert!(app.position(&PositionId::new("P1")).is_none());
}

#[test]
fn a_booth_with_visits_cannot_be_deleted() {
    let mut app = state();
    let before = app.fair.clone();
    for positions in [BoothPositions::Delete, BoothPositions::MoveTo(BoothId::new("A2"))] {
        let err = app
            .apply(Edit::DeleteBooth {
                id: BoothId::new("A1"),
                positions,
            })
            .expect_err("A1 has a visit");
        assert!(err.en.contains("1 visits were recorded"), "{}", err.en);
    }
    assert_eq!(app.fair, before);
    assert!(app.undo_name().is_none());
    // A2 has no visits and no positions: it goes.
    app.apply(Edit::DeleteBooth {
        id: BoothId::new("A2"),
        positions: BoothPositions::Delete,
    })
    .expect("delete A2");
}

#[test]
fn edits_while_a_job_holds_the_matcher_are_replayed_once_it_lets_go() {
    let mut app = AppState::new(crate::generate::sample_fair(), None, Prefs::default());
    let lent = Arc::clone(&app.matcher);
    let first = app.fair.candidates[0].id.clone();
    set_skills(&mut app, first.as_str(), &["Rust", "机器学习"]);
    let gone = app.fair.positions[0].id.clone();
    app.apply(Edit::DeletePosition { id: gone.clone() }).expect("delete");
    assert!(app.is_matching(), "results wait for the matcher to come back");
    assert!(app.poll_matching(), "still lent");
    drop(lent);
    assert!(!app.poll_matching(), "replayed once the job let go");
    assert!(!app.is_matching());
    assert!(app.matcher.top_candidates(&gone).is_empty());
    assert_matches_fresh_build(&app);
}

#[test]
fn a_settings_change_while_lent_rescores_everything_once_back() {
    let mut app = state();
    let lent = Arc::clone(&app.matcher);
    let mut settings = app.fair.settings.clone();
    settings.top_k = 1;
    set_settings(&mut app, settings);
    assert!(app.is_matching());
    drop(lent);
    app.wait_for_matching();
    assert_eq!(app.matcher.top_k(), 1);
    assert_matches_fresh_build(&app);
}

#[test]
fn a_renamed_record_stays_selected_and_undo_follows_it_back() {
    let mut app = state();
    app.select(Record::Candidate(CandidateId::new("C1")));
    let mut renamed = app.candidate(&CandidateId::new("C1")).expect("exists").clone();
    renamed.id = CandidateId::new("C9");
    app.apply(Edit::SetCandidate {
        id: CandidateId::new("C1"),
        value: renamed,
        field: field::ID,
    })
    .expect("renames");
    assert_eq!(app.selection().candidate, Some(CandidateId::new("C9")));
    app.undo().expect("undo");
    assert_eq!(app.selection().candidate, Some(CandidateId::new("C1")));
}

#[test]
fn a_merge_keeps_the_order_of_events_already_there_and_undo_restores_it_exactly() {
    use crate::model::{EventId, EventKind, STATION_LOG_VERSION, StationEvent, StationId, StationLog};
    let at = |minute: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
            .and_then(|d| d.and_hms_opt(9, minute, 0))
            .expect("valid time")
    };
    let check_in = |id: &str, candidate: &str, minute: u32| StationEvent {
        id: EventId::new(id),
        station: StationId::new("s"),
        at: at(minute),
        kind: EventKind::CheckIn {
            candidate: CandidateId::new(candidate),
        },
    };
    let mut fair = state().fair.clone();
    // Out of canonical order (a laptop whose clock was set back): kept as it is.
    fair.events = vec![check_in("e2", "C1", 20), check_in("e1", "C1", 10)];
    let mut app = AppState::new(fair.clone(), None, Prefs::default());
    let log = StationLog {
        format_version: STATION_LOG_VERSION,
        fair_id: fair.meta.id.clone(),
        station: None,
        events: vec![check_in("e3", "C2", 15), check_in("e4", "C2", 30)],
    };
    let (merge, report) = merge::plan_merge(&app.fair, &[log]).expect("plans");
    assert_eq!(report.events_added, 2);
    app.apply(Edit::MergeLogs(Box::new(merge))).expect("merges");
    let ids: Vec<&str> = app.fair.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["e3", "e2", "e1", "e4"],
        "each new event before the first that sorts after it"
    );
    assert!(
        app.candidate(&CandidateId::new("C2"))
            .is_some_and(|c| c.checked_in == Some(at(15)))
    );
    app.undo().expect("undo");
    assert_eq!(app.fair, fair);
}

//! Projects and sessions import: what `export --what projects|sessions` writes (CSV or xlsx)
//! comes back as it was; Chinese headers are read; a bad row names its file, line, column and
//! what was expected; the window's import job adds them as one undo step.

mod common;

use std::fs;

use common::run;
use fairmatch::app::{AppState, CsvKind, Job, JobOutcome, Prefs};
use fairmatch::model::{BoothId, Fair, ProjectStage, SessionKind};
use fairmatch::store::csv_import::{ImportFiles, ImportOptions, import_with};
use fairmatch::store::{load_fair, save_fair};

/// The bundled sample without its projects and sessions: what they are imported into.
fn without_projects() -> (Fair, Fair) {
    let sample = fairmatch::generate::sample_fair();
    let mut bare = sample.clone();
    bare.projects.clear();
    bare.sessions.clear();
    (sample, bare)
}

#[test]
fn exported_projects_and_sessions_import_back_the_same_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let (sample, bare) = without_projects();
    let fair_path = dir.path().join("sample.ron");
    save_fair(&fair_path, &sample).unwrap();
    let bare_path = dir.path().join("bare.ron");
    save_fair(&bare_path, &bare).unwrap();
    for format in ["csv", "xlsx"] {
        let mut args: Vec<String> = Vec::new();
        for what in ["projects", "sessions"] {
            let out_file = dir.path().join(format!("{what}.{format}"));
            let out = run(&[
                &"export",
                &fair_path,
                &"--what",
                &what,
                &"--format",
                &format,
                &"-o",
                &out_file,
            ]);
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
            args.push(format!("--{what}"));
            args.push(out_file.display().to_string());
        }
        let back_path = dir.path().join(format!("back-{format}.ron"));
        let mut command: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"import", &"--into", &bare_path];
        command.extend(args.iter().map(|a| a as &dyn AsRef<std::ffi::OsStr>));
        command.extend([&"-o" as &dyn AsRef<std::ffi::OsStr>, &back_path]);
        let out = run(&command);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("4 projects, 2 sessions"), "{stdout}");
        let back = load_fair(&back_path).unwrap();
        assert_eq!(back.projects, sample.projects, "{format}");
        assert_eq!(back.sessions, sample.sessions, "{format}");
    }
}

fn import(
    fair: &mut Fair,
    projects: Option<&str>,
    sessions: Option<&str>,
) -> fairmatch::store::csv_import::ImportReport {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: Option<&str>| {
        text.map(|text| {
            let path = dir.path().join(name);
            fs::write(&path, text).unwrap();
            path
        })
    };
    let (projects, sessions) = (write("项目.csv", projects), write("对接会.csv", sessions));
    let files = ImportFiles {
        projects: projects.as_deref(),
        sessions: sessions.as_deref(),
        ..ImportFiles::default()
    };
    import_with(fair, &files, &ImportOptions::default()).expect("usable files")
}

#[test]
fn chinese_headers_are_read_and_sessions_may_present_projects_of_the_same_import() {
    let (_, mut fair) = without_projects();
    let candidate = fair.candidates[0].id.clone();
    let projects = format!(
        "项目编号,项目名称,负责人,团队成员,领域,阶段,融资需求,需要场地,意向城市\n\
         X1,海水淡化膜,李工,{candidate},新材料,原型,500万,是,青岛；烟台\n"
    );
    let sessions = format!(
        "对接会,类型,会议室,开始时间,结束时间,容量,主办展位,受邀人,参会项目\n\
         新材料对接会,路演,二号厅,2026/02/21 09:30,2026/02/21 11:00,40,A-001,{candidate},X1\n"
    );
    let report = import(&mut fair, Some(&projects), Some(&sessions));
    assert_eq!(report.bad_rows, vec![]);
    assert_eq!((report.projects_added, report.sessions_added), (1, 1));
    let project = &fair.projects[0];
    assert_eq!(project.title, "海水淡化膜");
    assert_eq!(project.stage, ProjectStage::Prototype);
    assert_eq!(project.seeks.investment_wan, Some(500));
    assert!(project.seeks.site);
    assert_eq!(project.cities, vec!["青岛", "烟台"]);
    assert_eq!(project.team, vec![candidate.clone()]);
    let session = &fair.sessions[0];
    assert_eq!(session.kind, SessionKind::Roadshow);
    assert_eq!(session.room, "二号厅");
    assert_eq!(session.capacity, 40);
    assert_eq!(session.hosts, vec![BoothId::new("A-001")]);
    assert_eq!(session.invitees, vec![candidate]);
    assert_eq!(session.projects[0].as_str(), "X1");
    assert!(session.id.as_str().starts_with("S-"), "generated: {}", session.id);
}

#[test]
fn a_bad_row_names_its_file_line_column_and_what_was_expected() {
    let (_, mut fair) = without_projects();
    let sessions = "对接会,开始时间,结束时间,主办展位,受邀人\n\
                    好的,2026-02-21 09:00,2026-02-21 10:00,A-001,\n\
                    倒着的,2026-02-21 11:00,2026-02-21 10:00,A-001,\n\
                    没有的,2026-02-21 11:00,2026-02-21 12:00,Z-999,C-nobody\n";
    let projects = "项目名称,领域,阶段,融资需求\n好项目,新材料,原型,100\n坏项目,新材料,太空,很多\n";
    let report = import(&mut fair, Some(projects), Some(sessions));
    let lines: Vec<String> = report.bad_rows.iter().map(ToString::to_string).collect();
    assert_eq!(fair.sessions.len(), 1, "{lines:?}");
    assert_eq!(fair.projects.len(), 1, "{lines:?}");
    let expect = [
        "项目.csv:3: column 阶段 (stage): unknown stage `太空`; expected one of",
        "项目.csv:3: column 融资需求 (investment_wan): `很多` is not an amount; expected a whole number of 万元",
        "对接会.csv:3: column 结束时间 (end): is not after the start",
        "对接会.csv:4: column 主办展位 (hosts): no booth `Z-999` in the fair; expected a booth number or an employer's name",
        "对接会.csv:4: column 受邀人 (invitees): no candidate with id `C-nobody` in the fair",
    ];
    for expected in expect {
        assert!(
            lines.iter().any(|l| l.contains(expected)),
            "{expected}\nnot in {lines:#?}"
        );
    }
}

#[test]
fn the_window_imports_sessions_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessions.csv");
    fs::write(
        &path,
        "title,kind,room,start,end,capacity,hosts\nMarine docking,Docking session,Hall 2,2026-02-21 09:00:00,2026-02-21 10:00:00,20,A-001\n",
    )
    .unwrap();
    let mut app = AppState::new(fairmatch::generate::sample_fair(), None, Prefs::default());
    let before = app.fair().clone();
    app.start(Job::ImportCsv {
        kind: CsvKind::Sessions,
        path,
        answers: Default::default(),
    });
    let finished = app.wait_for_jobs();
    assert!(
        matches!(finished[0].outcome, JobOutcome::Done(_)),
        "{:?}",
        finished[0].outcome
    );
    assert_eq!(app.fair().sessions.len(), before.sessions.len() + 1);
    assert_eq!(app.fair().sessions[2].title, "Marine docking");
    assert_eq!(
        app.undo_name().map(|n| n.en.as_str()),
        Some("import 1 rows from sessions.csv")
    );
    app.undo().unwrap();
    assert_eq!(*app.fair(), before);
}

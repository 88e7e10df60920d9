//! CSV import: encodings, separators, Chinese headers, bad rows, duplicates, stable ids.

use std::fs;
use std::path::{Path, PathBuf};

use fairmatch::model::*;
use fairmatch::store::csv_import::{ImportFiles, ImportReport, import_csv};

const BOOTHS: &str = "展位号,单位名称,单位类型,行业,展区
A-001,海尔集团,企业,家电,A 智能制造
A-002,中国海洋大学,高校,海洋科学,B 海洋
";

const POSITIONS: &str = "岗位编号,展位号,单位名称,岗位名称,招聘人数,必备技能,优先技能,学历要求,经验要求,薪资,工作地点,工作方式,行业,岗位描述
P1,A-001,,算法工程师,3,Python；机器学习、SQL,PyTorch,硕士,3年,1.2万-1.5万,青岛,现场,人工智能,\"负责\"\"推荐\"\"算法，\n跨部门\"
P2,B-009,歌尔股份,声学工程师,若干,声学仿真,,本科,不限,8k-12k,潍坊,混合,声学,
,,青岛啤酒,酿造工程师,2,发酵,,大专,,面议,青岛,,食品饮料,
P4,A-002,,海洋观测员,1,海洋观测,,本科,1,,青岛,柔性,,
";

const CANDIDATES: &str = "姓名,手机,邮箱,学历,毕业院校,专业,毕业年份,工作年限,技能,期望薪资,意向城市,意向行业,工作方式,人才类别,生源地,同意共享,胸卡号
张伟,13800138000,zw@example.com,本科,山东大学,计算机,2026,0,Python、SQL,8k,青岛；济南,人工智能,现场|混合,应届生,青岛,是,QD0001
李娜,13900139000,,硕士,中国海洋大学,海洋科学,2020届,5年,海洋观测,1.5万,青岛,海洋,,,烟台,否,QD0002
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn import(booths: Option<&Path>, positions: Option<&Path>, candidates: Option<&Path>) -> (Fair, ImportReport) {
    let mut fair = Fair::new(FairId::new("t"), "t");
    let report = import_csv(
        &mut fair,
        &ImportFiles {
            booths,
            positions,
            candidates,
            ..ImportFiles::default()
        },
    )
    .expect("files are usable");
    (fair, report)
}

fn check_imported(fair: &Fair, report: &ImportReport) {
    assert_eq!(report.bad_rows, vec![], "no bad rows");
    assert_eq!(validate(fair), vec![], "imported fair is valid");
    assert_eq!(report.booths_added, 2);
    assert_eq!(fair.booths.len(), 4, "two booths created from positions' employers");
    assert_eq!(fair.booths[0].employer, "海尔集团");
    assert_eq!(fair.booths[1].employer_kind, EmployerKind::University);
    assert_eq!(fair.booths[1].industry, Industry::Marine);

    let p1 = &fair.positions[0];
    assert_eq!(p1.title, "算法工程师");
    assert_eq!(p1.required_skills, vec!["Python", "机器学习", "SQL"]);
    assert_eq!(p1.min_education, Education::Master);
    assert_eq!(p1.min_experience_years, 3);
    assert_eq!(p1.salary, Some(SalaryRange { min: 12000, max: 15000 }));
    assert_eq!(p1.description, "负责\"推荐\"算法，\n跨部门");

    let p2 = &fair.positions[1];
    assert_eq!(
        p2.booth,
        BoothId::new("B-009"),
        "missing booth created under its given number"
    );
    assert_eq!(p2.openings, 1);
    assert_eq!(p2.salary, Some(SalaryRange { min: 8000, max: 12000 }));
    assert_eq!(p2.work_mode, WorkMode::Hybrid);
    let b009 = fair.booths.iter().find(|b| b.id.0 == "B-009").unwrap();
    assert_eq!(
        (b009.employer.as_str(), b009.industry),
        ("歌尔股份", Industry::Acoustics)
    );

    let p3 = &fair.positions[2];
    assert!(p3.id.0.starts_with("P-"), "generated id {}", p3.id);
    assert_eq!(p3.salary, None, "面议");
    let brewery = fair.booths.iter().find(|b| b.id == p3.booth).unwrap();
    assert_eq!(brewery.employer, "青岛啤酒");

    assert_eq!(
        fair.positions[3].industry,
        Industry::Marine,
        "inherits the booth's industry"
    );

    let zw = &fair.candidates[0];
    assert_eq!(zw.name, "张伟");
    assert!(zw.id.0.starts_with("C-"));
    assert_eq!(zw.education, Education::Bachelor);
    assert_eq!(zw.skills, vec!["Python", "SQL"]);
    assert_eq!(zw.expected_salary, Some(8000));
    assert_eq!(zw.cities, vec!["青岛", "济南"]);
    assert_eq!(zw.work_modes, vec![WorkMode::OnSite, WorkMode::Hybrid]);
    assert_eq!(zw.tier, TalentTier::Student);
    assert!(zw.consent);
    let ln = &fair.candidates[1];
    assert_eq!(ln.graduation_year, Some(2020));
    assert_eq!(ln.experience_years, 5);
    assert_eq!(ln.expected_salary, Some(15000));
    assert_eq!(ln.tier, TalentTier::Experienced, "tier inferred from experience");
    assert!(!ln.consent);
}

#[test]
fn utf8_files_with_chinese_headers() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.csv", BOOTHS.as_bytes());
    let p = write(dir.path(), "p.csv", POSITIONS.as_bytes());
    let c = write(dir.path(), "c.csv", format!("\u{FEFF}{CANDIDATES}").as_bytes());
    let (fair, report) = import(Some(&b), Some(&p), Some(&c));
    check_imported(&fair, &report);
    assert!(report.notes.iter().any(|n| n.contains("c.csv: read as UTF-8")));
}

#[test]
fn gb18030_tab_separated_files_with_chinese_headers() {
    let dir = tempfile::tempdir().unwrap();
    let gbk = |text: &str| encoding_rs::GB18030.encode(text).0.into_owned();
    let b = write(dir.path(), "b.csv", &gbk(BOOTHS));
    let p = write(dir.path(), "p.csv", &gbk(POSITIONS));
    let tabbed = CANDIDATES.replace(',', "\t");
    let c = write(dir.path(), "c.txt", &gbk(&tabbed));
    assert!(std::str::from_utf8(&fs::read(&c).unwrap()).is_err(), "really not UTF-8");
    let (fair, report) = import(Some(&b), Some(&p), Some(&c));
    check_imported(&fair, &report);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("c.txt: read as gb18030, tab separated")),
        "{:?}",
        report.notes
    );
}

#[test]
fn english_headers_and_salary_min_max() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(
        dir.path(),
        "b.csv",
        b"id,employer,kind,industry,zone\nX1,Acme,enterprise,software,A\n",
    );
    let p = write(
        dir.path(),
        "p.csv",
        b"id,booth,title,openings,min_education,salary_min,salary_max,work_mode,industry\nQ1,X1,Dev,2,bachelor,9000,15000,remote,\n",
    );
    let (fair, report) = import(Some(&b), Some(&p), None);
    assert_eq!(report.bad_rows, vec![]);
    assert_eq!(fair.positions[0].salary, Some(SalaryRange { min: 9000, max: 15000 }));
    assert_eq!(fair.positions[0].work_mode, WorkMode::Remote);
    assert_eq!(fair.positions[0].industry, Industry::Software);
}

#[test]
fn bad_rows_name_file_line_column_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(
        dir.path(),
        "c.csv",
        "姓名,手机,学历,意向行业,毕业年份\n张伟,138,本科,人工智能,2025\n,139,小学,火星,二五\n李四,140,硕士,,2024\n"
            .as_bytes(),
    );
    let (fair, report) = import(None, None, Some(&c));
    assert_eq!(
        fair.candidates.len(),
        2,
        "good rows are imported into the in-memory fair"
    );
    let lines: Vec<String> = report.bad_rows.iter().map(ToString::to_string).collect();
    let file = c.display().to_string();
    assert!(
        lines.contains(&format!("{file}:3: column 姓名 (name): is empty")),
        "{lines:#?}"
    );
    let education = lines.iter().find(|l| l.contains("学历 (education)")).unwrap();
    assert!(education.starts_with(&format!("{file}:3:")), "{education}");
    assert!(
        education.contains("unknown education `小学`; expected one of High school/高中"),
        "{education}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(":3: column 意向行业 (industries): unknown industry `火星`"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(":3: column 毕业年份 (graduation_year): `二五` is not a year"))
    );
    assert_eq!(report.bad_rows.len(), 4);
}

#[test]
fn missing_booth_without_employer_is_a_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "p.csv",
        "展位号,岗位名称,学历要求,行业\nZ-9,司机,高中,物流\nZ-9,司机,高中,制造\n".as_bytes(),
    );
    let (fair, report) = import(None, Some(&p), None);
    assert!(fair.positions.is_empty());
    let text: Vec<String> = report.bad_rows.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|l| l.contains(":2: column 行业 (industry): unknown industry `物流`")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l.contains(":3: column 展位号 (booth): booth `Z-9` is neither")),
        "{text:#?}"
    );
}

#[test]
fn duplicate_candidates_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(
        dir.path(),
        "c.csv",
        "name,phone,email,education\nA,13800138000,a@x.cn,本科\nB,+86 138 0013 8000,b@x.cn,本科\nC,139,A@X.CN,本科\nD,,,本科\n"
            .as_bytes(),
    );
    let (fair, report) = import(None, None, Some(&c));
    assert_eq!(
        fair.candidates.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        vec!["A", "D"]
    );
    let text: Vec<String> = report.bad_rows.iter().map(ToString::to_string).collect();
    assert!(
        text[0].contains(":3: column phone: duplicate candidate: same phone as candidate"),
        "{text:#?}"
    );
    assert!(text[0].contains("(line 2)"), "{text:#?}");
    assert!(
        text[1].contains(":4: column email: duplicate candidate: same email"),
        "{text:#?}"
    );

    // Against candidates already in the fair (--into).
    let mut fair = fair;
    let again = write(
        dir.path(),
        "again.csv",
        b"name,phone,education\nA2,13800138000,bachelor\n",
    );
    let report = import_csv(
        &mut fair,
        &ImportFiles {
            candidates: Some(&again),
            ..ImportFiles::default()
        },
    )
    .unwrap();
    assert!(
        report.bad_rows[0].reason.contains("already in the fair"),
        "{:?}",
        report.bad_rows
    );
}

#[test]
fn generated_ids_are_stable_and_order_independent() {
    let dir = tempfile::tempdir().unwrap();
    let rows = ["张伟,138,本科", "李娜,139,硕士", "李娜,139,硕士"];
    let first = write(
        dir.path(),
        "1.csv",
        format!("姓名,手机,学历\n{}\n", rows.join("\n")).as_bytes(),
    );
    let second = write(
        dir.path(),
        "2.csv",
        format!("姓名,手机,学历\n{}\n{}\n", rows[1], rows[0]).as_bytes(),
    );
    let (a, _) = import(None, None, Some(&first));
    let (a_again, _) = import(None, None, Some(&first));
    let (b, _) = import(None, None, Some(&second));
    let ids = |fair: &Fair| {
        fair.candidates
            .iter()
            .map(|c| (c.name.clone(), c.id.0.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&a_again));
    assert_eq!(a.candidates[0].id, b.candidates[1].id);
    assert_eq!(a.candidates[1].id, b.candidates[0].id);
    assert_eq!(a.candidates.len(), 2, "the identical third row is a duplicate phone");
}

#[test]
fn unusable_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let no_name = write(dir.path(), "c.csv", b"phone,email\n1,2\n");
    let mut fair = Fair::new(FairId::new("t"), "t");
    let files = ImportFiles {
        candidates: Some(&no_name),
        ..ImportFiles::default()
    };
    let message = import_csv(&mut fair, &files).unwrap_err().to_string();
    assert!(
        message.contains("c.csv") && message.contains("has no `name` column"),
        "{message}"
    );

    // Bytes that are not UTF-8, read as UTF-8 because the organizer said so (`--encoding`).
    let garbage = write(dir.path(), "g.csv", b"name\n\xFF\xFF\xFF\n");
    let files = ImportFiles {
        candidates: Some(&garbage),
        ..ImportFiles::default()
    };
    let utf8 = fairmatch::store::csv_import::ImportOptions {
        encoding: Some(encoding_rs::UTF_8),
        ..Default::default()
    };
    let message = fairmatch::store::csv_import::import_with(&mut fair, &files, &utf8)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("g.csv") && message.contains("line 2: not valid UTF-8 (byte offset 5)"),
        "{message}"
    );

    let twice = write(dir.path(), "t.csv", "name,姓名\na,b\n".as_bytes());
    let files = ImportFiles {
        candidates: Some(&twice),
        ..ImportFiles::default()
    };
    let message = import_csv(&mut fair, &files).unwrap_err().to_string();
    assert!(message.contains("both mean `name`"), "{message}");
    assert!(fair.candidates.is_empty());
}

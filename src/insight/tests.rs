use super::*;

use chrono::{NaiveDate, NaiveDateTime};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{
    Booth, Candidate, Education, EmployerKind, EventId, EventKind, FloorSpot, Industry, NextStep, PipelineStatus,
    Position, SkillGroup, StationEvent, StationId, TalentTier, Visit, VisitId, WorkMode,
};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 14)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

fn booth(id: &str, zone: &str, industry: Industry) -> Booth {
    Booth {
        id: BoothId::new(id),
        employer: format!("employer {id}"),
        employer_kind: EmployerKind::Enterprise,
        industry,
        zone: zone.into(),
        floor: None,
        staff: vec![],
        interviews: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn position(
    id: &str,
    booth: &str,
    industry: Industry,
    openings: u32,
    skills: &[&str],
    city: &str,
    education: Education,
    mode: WorkMode,
) -> Position {
    Position {
        id: PositionId::new(id),
        booth: BoothId::new(booth),
        title: format!("title {id}"),
        openings,
        required_skills: skills.iter().map(|s| s.to_string()).collect(),
        preferred_skills: vec!["Rust".into()],
        min_education: education,
        min_experience_years: 0,
        salary: None,
        city: city.into(),
        work_mode: mode,
        industry,
        description: String::new(),
    }
}

fn candidate(
    id: &str,
    skills: &[&str],
    industries: &[Industry],
    cities: &[&str],
    education: Education,
    modes: &[WorkMode],
) -> Candidate {
    Candidate {
        skills: skills.iter().map(|s| s.to_string()).collect(),
        industries: industries.to_vec(),
        cities: cities.iter().map(|s| s.to_string()).collect(),
        education,
        work_modes: modes.to_vec(),
        tier: TalentTier::Student,
        ..Candidate::blank(CandidateId::new(id), id)
    }
}

fn visit(id: &str, candidate: &str, booth: &str, position: Option<&str>, rating: Option<u8>, step: NextStep) -> Visit {
    Visit {
        id: VisitId::new(id),
        candidate: CandidateId::new(candidate),
        booth: BoothId::new(booth),
        position: position.map(PositionId::new),
        at: at(10, 0),
        rating,
        notes: String::new(),
        next_step: step,
        status: PipelineStatus::Open,
    }
}

/// The fixture the expected figures below were counted from by hand.
fn fixture() -> Fair {
    use Education::*;
    use Industry::{ArtificialIntelligence as Ai, Software};
    use WorkMode::*;
    let mut fair = Fair::new(crate::model::FairId::new("t"), "Test fair");
    fair.meta.zones = vec!["A AI".into(), "B Soft".into()];
    fair.booths = vec![
        booth("B1", "A AI", Ai),
        booth("B2", "B Soft", Software),
        booth("B3", "A AI", Ai),
    ];
    fair.positions = vec![
        position("P1", "B1", Ai, 3, &["Python", "机器学习"], "杭州市", Bachelor, OnSite),
        position("P2", "B1", Ai, 1, &["deep learning"], "Qingdao", Master, Remote),
        position("P3", "B2", Software, 2, &["SQL", "Zorblax"], "杭州", HighSchool, Hybrid),
    ];
    let mut c1 = candidate("C1", &["ML", "python3"], &[Ai], &["杭州"], Master, &[]);
    c1.checked_in = Some(at(9, 5));
    let mut c2 = candidate(
        "C2",
        &["SQL"],
        &[Software, Ai],
        &["qingdao", "杭州市"],
        Bachelor,
        &[Remote],
    );
    c2.checked_in = Some(at(9, 20));
    let c3 = candidate("C3", &["Zorblax"], &[], &[], Doctorate, &[OnSite]);
    let mut c4 = candidate("C4", &["deep learning"], &[Ai], &["Qingdao City"], Bachelor, &[Hybrid]);
    c4.checked_in = Some(at(9, 10));
    fair.events.push(StationEvent {
        id: EventId::new("entrance-1"),
        station: StationId::new("entrance"),
        at: at(9, 10),
        kind: EventKind::WalkIn { candidate: c4.clone() },
    });
    fair.candidates = vec![c1, c2, c3, c4];
    let mut withdrawn = visit("V6", "C4", "B1", Some("P1"), Some(4), NextStep::Hired);
    withdrawn.status = PipelineStatus::Withdrawn;
    fair.visits = vec![
        visit("V1", "C1", "B1", Some("P1"), Some(5), NextStep::Hired),
        visit("V2", "C1", "B2", None, Some(3), NextStep::Interview),
        visit("V3", "C2", "B1", Some("P2"), Some(4), NextStep::Offer),
        visit("V4", "C2", "B2", None, None, NextStep::Hired),
        visit("V5", "C4", "B1", Some("P1"), Some(2), NextStep::Reject),
        withdrawn,
    ];
    fair
}

#[test]
fn headline_and_funnel_match_the_hand_count() {
    let insight = Insight::compute(&fixture());
    let h = insight.headline();
    assert_eq!((h.registered, h.checked_in, h.walk_ins), (4, 3, 1));
    assert_eq!((h.visits, h.visitors, h.intentions, h.withdrawn), (6, 3, 4, 1));
    assert_eq!(
        h.outcomes,
        vec![
            (NextStep::None, 0),
            (NextStep::Interview, 1),
            (NextStep::Offer, 1),
            (NextStep::Reject, 1),
            (NextStep::Hired, 3)
        ]
    );
    assert_eq!((h.booths, h.booths_active, h.positions), (3, 2, 3));
    // P1 filled by C1's hire naming it; C2's hire at B2 names no position and fills P3.
    assert_eq!(
        (h.openings, h.openings_filled, h.openings_unfilled, h.hired),
        (6, 2, 4, 2)
    );
    let f = insight.funnel();
    assert_eq!(
        (f.registered, f.checked_in, f.visited, f.intention, f.offer, f.hired),
        (4, 3, 3, 2, 2, 2)
    );
    assert_eq!(insight.filled(&PositionId::new("P1")), 1);
    assert_eq!(insight.filled(&PositionId::new("P3")), 1);
    assert_eq!(
        insight.check_ins_per_quarter_hour(),
        vec![(at(9, 0), 2), (at(9, 15), 1)]
    );
}

#[test]
fn engagement_per_booth_and_zone() {
    let insight = Insight::compute(&fixture());
    let b1 = &insight.booths()[0];
    assert_eq!((b1.visits, b1.visitors, b1.rated, b1.rating_sum), (4, 3, 4, 15));
    assert_eq!(
        (b1.intentions, b1.hires, b1.positions, b1.openings, b1.filled),
        (2, 1, 2, 4, 1)
    );
    assert_eq!(b1.average_rating(), Some(3.75));
    let b2 = &insight.booths()[1];
    assert_eq!(
        (b2.visits, b2.visitors, b2.rated, b2.intentions, b2.hires),
        (2, 2, 1, 2, 1)
    );
    assert_eq!(insight.booths()[2].visits, 0);
    let zones = insight.zones();
    assert_eq!(zones.len(), 2);
    assert_eq!(
        (
            zones[0].name.as_str(),
            zones[0].booths,
            zones[0].booths_active,
            zones[0].visits,
            zones[0].visitors
        ),
        ("A AI", 2, 1, 4, 3)
    );
    assert_eq!(
        (zones[1].visits, zones[1].visitors, zones[1].openings, zones[1].filled),
        (2, 2, 2, 1)
    );
    let top: Vec<&str> = insight.top_booths(2).iter().map(|b| b.booth.as_str()).collect();
    assert_eq!(top, vec!["B1", "B2"]);
}

fn row(insight: &Insight, dimension: Dimension, code: &str) -> (u64, u32, u32) {
    let rows = insight.supply_demand(dimension);
    let r = rows
        .iter()
        .find(|r| r.key.code() == code)
        .unwrap_or_else(|| panic!("no {code} in {rows:?}"));
    (r.demand_openings, r.demand_positions, r.supply_candidates)
}

#[test]
fn supply_and_demand_match_the_hand_count() {
    let insight = Insight::compute(&fixture());
    use Dimension as D;
    assert_eq!(row(&insight, D::Industry, "ArtificialIntelligence"), (4, 2, 3));
    assert_eq!(row(&insight, D::Industry, "Software"), (2, 1, 1));
    assert_eq!(row(&insight, D::SkillGroup, "Ai"), (4, 2, 2));
    assert_eq!(row(&insight, D::SkillGroup, "Software"), (3, 1, 1));
    assert_eq!(row(&insight, D::SkillGroup, "BigData"), (2, 1, 1));
    // Cities fold 杭州市 = 杭州 and qingdao = Qingdao City; shown as first written.
    assert_eq!(row(&insight, D::City, "杭州"), (5, 2, 2));
    assert_eq!(row(&insight, D::City, "qingdao"), (1, 1, 2));
    assert_eq!(insight.supply_demand(D::City).len(), 2);
    // Education supply: candidates meeting the minimum.
    assert_eq!(row(&insight, D::Education, "Bachelor"), (3, 1, 4));
    assert_eq!(row(&insight, D::Education, "Master"), (1, 1, 2));
    assert_eq!(row(&insight, D::Education, "HighSchool"), (2, 1, 4));
    // An empty list of work modes accepts every mode (C1).
    assert_eq!(row(&insight, D::WorkMode, "OnSite"), (3, 1, 2));
    assert_eq!(row(&insight, D::WorkMode, "Remote"), (1, 1, 2));
    assert_eq!(row(&insight, D::WorkMode, "Hybrid"), (2, 1, 2));
    assert_eq!(row(&insight, D::WorkMode, "Flexible"), (0, 0, 1));
    assert_eq!(insight.unplaced_supply(), (1, 1, 1));
    let demand: u64 = insight
        .supply_demand(D::Industry)
        .iter()
        .map(|r| r.demand_openings)
        .sum();
    assert_eq!(demand, insight.headline().openings);
    let ai = insight.supply_demand(D::Industry)[0].clone();
    assert_eq!(ai.ratio(), Some(4.0 / 3.0));
    assert_eq!(ai.gap(), 1);

    let shortages = insight.shortages(None, 3);
    assert_eq!(shortages[0].key.code(), "杭州");
    assert_eq!(shortages[0].gap(), 3);
    let surpluses = insight.surpluses(Some(D::Education), 5);
    assert_eq!(
        surpluses.iter().map(|r| r.key.code()).collect::<Vec<_>>(),
        vec!["Associate", "HighSchool", "Bachelor", "Master", "Doctorate"]
    );
}

#[test]
fn talent_map_cells_and_the_records_behind_them() {
    let insight = Insight::compute(&fixture());
    let map = insight.talent_map(MapAxis::Industry, 50);
    assert_eq!(
        map.groups,
        vec![SkillGroup::Ai, SkillGroup::BigData, SkillGroup::Software]
    );
    assert_eq!(
        map.columns,
        vec![
            Key::Industry(Industry::ArtificialIntelligence),
            Key::Industry(Industry::Software)
        ]
    );
    let cell = |g: usize, k: usize| {
        let c = map.cell(g, k);
        (c.demand_openings, c.supply_candidates)
    };
    assert_eq!(cell(0, 0), (4, 2));
    assert_eq!(cell(1, 0), (0, 1));
    assert_eq!(cell(1, 1), (2, 1));
    assert_eq!(cell(2, 0), (3, 1));
    let ai = Key::Industry(Industry::ArtificialIntelligence);
    assert_eq!(
        insight.positions_for(Some(SkillGroup::Ai), &ai),
        vec![PositionId::new("P1"), PositionId::new("P2")]
    );
    assert_eq!(
        insight.candidates_for(Some(SkillGroup::Ai), &ai),
        vec![CandidateId::new("C1"), CandidateId::new("C4")]
    );

    let by_city = insight.talent_map(MapAxis::City, 1);
    assert_eq!(by_city.columns, vec![Key::City("杭州".into())]);
    assert_eq!(by_city.cell(0, 0).demand_openings, 3);
    let hangzhou = Key::City("杭州市".into());
    assert_eq!(
        insight.candidates_for(None, &hangzhou),
        vec![CandidateId::new("C1"), CandidateId::new("C2")]
    );
    assert_eq!(
        insight.positions_for(Some(SkillGroup::BigData), &hangzhou),
        vec![PositionId::new("P3")]
    );
}

#[test]
fn industries_and_unfilled_positions() {
    let fair = fixture();
    let insight = Insight::compute(&fair);
    let rows = insight.industries();
    assert_eq!(rows.len(), 2);
    let ai = &rows[0];
    assert_eq!(
        (ai.booths, ai.visits, ai.positions, ai.openings, ai.filled),
        (2, 4, 2, 4, 1)
    );
    assert_eq!(ai.supply_candidates, 3);
    let unfilled = insight.unfilled_positions(&fair, 10);
    let listed: Vec<(&str, u32)> = unfilled.iter().map(|u| (u.id.as_str(), u.unfilled())).collect();
    assert_eq!(listed, vec![("P1", 2), ("P2", 1), ("P3", 1)]);
    assert_eq!(unfilled[0].employer, "employer B1");
}

#[test]
fn an_empty_fair_has_zero_figures() {
    let fair = Fair::new(crate::model::FairId::new("e"), "empty");
    let insight = Insight::compute(&fair);
    assert_eq!(insight.headline().registered, 0);
    assert!(insight.all_supply_demand().is_empty());
    assert!(insight.check_ins_per_quarter_hour().is_empty());
    assert!(insight.talent_map(MapAxis::City, 10).cells.is_empty());
    assert!(insight.zones().is_empty());
}

/// Everything the views read, with cities by their folded key (a kept insight shows a city
/// as first written, a fresh one maybe as another spelling).
fn figures(insight: &Insight, fair: &Fair) -> String {
    let fold = |mut r: SupplyDemand| {
        if let Key::City(name) = &r.key {
            r.key = Key::City(resolve::city_key(name));
        }
        r
    };
    let mut rows: Vec<SupplyDemand> = insight.all_supply_demand().into_iter().map(fold).collect();
    rows.sort_by_key(|r| (r.dimension() as u8, r.key.code()));
    let map = insight.talent_map(MapAxis::Industry, 100);
    let cities = insight.talent_map(MapAxis::City, 1000);
    let mut city_cells: Vec<(String, SkillGroup, TalentCell)> = Vec::new();
    for (g, group) in cities.groups.iter().enumerate() {
        for (k, key) in cities.columns.iter().enumerate() {
            city_cells.push((
                resolve::city_key(key.label(crate::model::Lang::En)),
                *group,
                cities.cell(g, k),
            ));
        }
    }
    city_cells.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    format!(
        "{:?}\n{:?}\n{:?}\n{rows:?}\n{map:?}\n{city_cells:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        insight.headline(),
        insight.funnel(),
        insight.check_ins_per_quarter_hour(),
        insight.booths(),
        insight.zones(),
        insight.industries(),
        insight.unplaced_supply(),
        insight.unfilled_positions(fair, usize::MAX),
    )
}

#[test]
fn changes_kept_in_step_equal_a_fresh_compute() {
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let mut fair = crate::generate::generate(&crate::generate::GenerateSpec {
        seed: 3,
        booths: 8,
        positions: 40,
        candidates: 120,
        visits: 60,
    });
    let mut insight = Insight::compute(&fair);
    assert_eq!(figures(&insight, &fair), figures(&Insight::compute(&fair), &fair));
    let skills = ["Python", "ML", "SQL", "焊接", "Zorblax", "deep learning", "海洋测绘"];
    let cities = ["杭州", "杭州市", "Qingdao", "西宁", "", "Lhasa"];
    for round in 0..120 {
        match rng.random_range(0..8) {
            0 | 1 => {
                let i = rng.random_range(0..fair.candidates.len());
                let c = &mut fair.candidates[i];
                c.skills = (0..rng.random_range(0..4))
                    .map(|_| skills.choose(&mut rng).unwrap().to_string())
                    .collect();
                c.cities = (0..rng.random_range(0..3))
                    .map(|_| cities.choose(&mut rng).unwrap().to_string())
                    .collect();
                c.industries = (0..rng.random_range(0..3))
                    .map(|_| *Industry::ALL.choose(&mut rng).unwrap())
                    .collect();
                c.work_modes = (0..rng.random_range(0..3))
                    .map(|_| *WorkMode::ALL.choose(&mut rng).unwrap())
                    .collect();
                c.education = *Education::ALL.choose(&mut rng).unwrap();
                c.checked_in = rng
                    .random_bool(0.5)
                    .then(|| at(rng.random_range(8..17), rng.random_range(0..60)));
                let id = c.id.clone();
                insight.candidate_changed(&fair, &id);
            }
            2 => {
                let i = rng.random_range(0..fair.candidates.len());
                let gone = fair.candidates.remove(i);
                insight.candidate_changed(&fair, &gone.id);
                if rng.random_bool(0.5) {
                    // Undo puts it back at the end.
                    fair.candidates.push(gone.clone());
                    insight.candidate_changed(&fair, &gone.id);
                }
            }
            3 => {
                let mut c = fair.candidates[rng.random_range(0..fair.candidates.len())].clone();
                c.id = CandidateId(format!("new-{round}"));
                fair.candidates
                    .insert(rng.random_range(0..fair.candidates.len()), c.clone());
                insight.candidate_changed(&fair, &c.id);
            }
            4 => {
                let i = rng.random_range(0..fair.positions.len());
                let p = &mut fair.positions[i];
                p.openings = rng.random_range(0..6);
                p.required_skills = vec![skills.choose(&mut rng).unwrap().to_string()];
                p.city = cities.choose(&mut rng).unwrap().to_string();
                p.industry = *Industry::ALL.choose(&mut rng).unwrap();
                let id = p.id.clone();
                insight.position_changed(&fair, &id);
            }
            5 => {
                let i = rng.random_range(0..fair.positions.len());
                let gone = fair.positions.remove(i);
                insight.position_changed(&fair, &gone.id);
            }
            6 => {
                let c = fair.candidates[rng.random_range(0..fair.candidates.len())].id.clone();
                let b = fair.booths[rng.random_range(0..fair.booths.len())].id.clone();
                let p = fair.positions.iter().find(|p| p.booth == b).map(|p| p.id.clone());
                let step = *NextStep::ALL.choose(&mut rng).unwrap();
                let mut v = visit(
                    &format!("v-{round}"),
                    c.as_str(),
                    b.as_str(),
                    None,
                    Some(rng.random_range(1..=5)),
                    step,
                );
                v.position = p;
                fair.visits.push(v);
                insight.fair_day_changed(&fair);
            }
            _ => {
                let i = rng.random_range(0..fair.booths.len());
                fair.booths[i].zone = ["A", "B", "Z", ""].choose(&mut rng).unwrap().to_string();
                let id = fair.booths[i].id.clone();
                insight.booth_changed(&fair, &id);
            }
        }
        assert_eq!(
            figures(&insight, &fair),
            figures(&Insight::compute(&fair), &fair),
            "after change {round}"
        );
    }
}

fn overlap(a: &floor::Rect, b: &floor::Rect) -> bool {
    a.x < b.right() - 1e-3 && b.x < a.right() - 1e-3 && a.y < b.bottom() - 1e-3 && b.y < a.bottom() - 1e-3
}

#[test]
fn floor_plan_lays_out_booths_without_spots_by_zone() {
    let mut fair = fixture();
    let plan = floor::plan(&fair);
    assert_eq!(plan.booths.len(), 3);
    assert!(plan.booths.iter().all(|b| b.auto));
    assert_eq!(plan.zones.iter().map(|z| z.colour).collect::<Vec<_>>(), vec![0, 1]);
    for b in &plan.booths {
        let zone = plan.zones[b.zone].rect.expect("a zone with booths has a rectangle");
        assert!(zone.x <= b.rect.x && zone.right() >= b.rect.right());
        assert!(zone.y + floor::ZONE_LABEL <= b.rect.y && zone.bottom() >= b.rect.bottom());
        assert_eq!(
            floor::snap(FloorSpot {
                x: b.rect.x,
                y: b.rect.y
            }),
            FloorSpot {
                x: b.rect.x,
                y: b.rect.y
            }
        );
    }
    let (a, c) = (plan.zones[0].rect.unwrap(), plan.zones[1].rect.unwrap());
    assert!(!overlap(&a, &c));
    // B1 and B3 share zone A, in rows of the same block.
    assert_eq!(plan.booths[0].zone, plan.booths[2].zone);
    let hit = plan
        .booth_at(plan.booths[1].rect.x + 1.0, plan.booths[1].rect.y + 1.0)
        .unwrap();
    assert_eq!(hit.booth, 1);

    // A booth placed by hand keeps its spot; the others go below it.
    fair.booths[1].floor = Some(FloorSpot { x: 10.0, y: 4.0 });
    let plan = floor::plan(&fair);
    assert!(!plan.booths[1].auto);
    assert_eq!((plan.booths[1].rect.x, plan.booths[1].rect.y), (10.0, 4.0));
    assert!(plan.booths[0].rect.y > 7.0 && plan.booths[2].rect.y > 7.0);
    assert_eq!(floor::lay_out_missing(&mut fair), 2);
    assert!(fair.booths.iter().all(|b| b.floor.is_some()));
    assert_eq!(
        floor::plan(&fair).booths,
        plan.booths
            .iter()
            .map(|b| floor::BoothArea {
                auto: false,
                ..b.clone()
            })
            .collect::<Vec<_>>()
    );
    assert_eq!(
        floor::snap(FloorSpot { x: 1.26, y: f32::NAN }),
        FloorSpot { x: 1.5, y: 0.0 }
    );
}

#[test]
fn automatic_layout_of_a_large_fair_has_no_overlaps() {
    let mut fair = crate::generate::generate(&crate::generate::GenerateSpec {
        seed: 1,
        booths: 710,
        positions: 0,
        candidates: 0,
        visits: 0,
    });
    floor::lay_out_all(&mut fair);
    let plan = floor::plan(&fair);
    assert!(plan.booths.iter().all(|b| !b.auto));
    let mut rects: Vec<floor::Rect> = plan.booths.iter().map(|b| b.rect).collect();
    rects.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap());
    for (i, a) in rects.iter().enumerate() {
        for b in rects[i + 1..].iter().take_while(|b| b.y < a.bottom()) {
            assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
        }
    }
    let zones: Vec<floor::Rect> = plan.zones.iter().filter_map(|z| z.rect).collect();
    for (i, a) in zones.iter().enumerate() {
        for b in &zones[i + 1..] {
            assert!(!overlap(a, b), "zones {a:?} and {b:?} overlap");
        }
    }
    // A hall wider than deep, not one long strip.
    let bounds = plan.bounds;
    assert!(bounds.w >= bounds.h && bounds.w <= 3.0 * bounds.h, "{bounds:?}");
}

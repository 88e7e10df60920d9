//! Projects and the sessions where they meet counterparties: one project per 400 candidates
//! (the city preset's 20,000 give 50), one session per ten projects. Drawn from a stream of
//! their own, so the rest of a generated fair is as without them.

use chrono::{Duration, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::data;
use super::draw::{SkillPools, chinese_name, pick_city};
use crate::model::{
    Booth, BoothId, Candidate, CandidateId, EmployerKind, Project, ProjectId, ProjectSeeks, ProjectStage,
    ProjectStatus, ProjectStep, Session, SessionId, SessionKind, SkillDictionary, TalentTier,
};

const NOUNS: [&str; 8] = ["平台", "系统", "装备", "解决方案", "材料", "芯片", "服务", "示范工程"];
const ROOMS: [&str; 4] = ["一号会议室", "二号会议室", "路演厅", "多功能厅"];

pub(super) fn generate_projects(
    candidates: &[Candidate],
    booths: &[Booth],
    pools: &SkillPools,
    day: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> Vec<Project> {
    let dict = SkillDictionary::builtin();
    let profiles = &data::industries().profiles;
    // Teams come from the experienced and high-level talent, as at a talent summit.
    let seniors: Vec<&CandidateId> = candidates
        .iter()
        .filter(|c| matches!(c.tier, TalentTier::HighLevel | TalentTier::Experienced))
        .map(|c| &c.id)
        .collect();
    let count = candidates.len() / 400;
    (0..count)
        .map(|i| {
            let profile = rng.random_range(0..profiles.len());
            let fields: Vec<String> = (0..rng.random_range(2..=4))
                .filter_map(|_| pools.draw_core_for_profile(rng, profile))
                .map(|id| dict.get(id).zh.to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let noun = NOUNS.choose(rng).copied().unwrap_or("平台");
            let title = format!("{}{noun}", fields.first().map_or("智能", String::as_str));
            let team: Vec<CandidateId> = (0..rng.random_range(1..=3))
                .filter_map(|_| seniors.choose(rng).map(|c| (*c).clone()))
                .collect();
            let stage = *[
                ProjectStage::Idea,
                ProjectStage::Prototype,
                ProjectStage::Revenue,
                ProjectStage::Scaling,
            ]
            .choose(rng)
            .unwrap_or(&ProjectStage::Prototype);
            let seeks = ProjectSeeks {
                investment_wan: rng.random_bool(0.6).then(|| 100 * rng.random_range(1..=50)),
                site: rng.random_bool(0.4),
                partners: rng.random_bool(0.5),
                pilot_customers: rng.random_bool(0.4),
            };
            let cities = vec![if rng.random_bool(0.7) {
                "青岛".to_string()
            } else {
                pick_city(rng).to_string()
            }];
            let (status, steps) = pipeline(rng, booths, day);
            Project {
                id: ProjectId(format!("PRJ{:04}", i + 1)),
                title,
                lead: chinese_name(rng),
                team,
                industry: profiles[profile].industry,
                fields,
                stage,
                seeks,
                cities,
                status,
                steps,
                description: String::new(),
            }
        })
        .collect()
}

/// Most projects are registered or matched; some have gone further, each step with a
/// counterparty and a date up to the fair day.
fn pipeline(rng: &mut ChaCha8Rng, booths: &[Booth], day: NaiveDate) -> (ProjectStatus, Vec<ProjectStep>) {
    const ORDER: [ProjectStatus; 6] = [
        ProjectStatus::Registered,
        ProjectStatus::Matched,
        ProjectStatus::Negotiating,
        ProjectStatus::IntentionSigned,
        ProjectStatus::ContractSigned,
        ProjectStatus::Landed,
    ];
    let reached = [0usize, 0, 1, 1, 1, 2, 2, 3, 4, 5].choose(rng).copied().unwrap_or(0);
    let counterparty: Option<BoothId> = booths.choose(rng).map(|b| b.id.clone());
    let steps = (1..=reached)
        .map(|k| {
            let days_before = Duration::days(((reached - k) * 7) as i64);
            let signed = ORDER[k] >= ProjectStatus::IntentionSigned;
            ProjectStep {
                status: ORDER[k],
                at: (day - days_before).and_hms_opt(10, 0, 0).unwrap_or_default(),
                counterparty: counterparty.clone(),
                amount_wan: signed.then(|| 50 * rng.random_range(1..=40)),
            }
        })
        .collect();
    (ORDER[reached], steps)
}

pub(super) fn generate_sessions(
    projects: &[Project],
    booths: &[Booth],
    candidates: &[Candidate],
    day: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> Vec<Session> {
    let count = projects.len().div_ceil(10);
    (0..count)
        .map(|i| {
            let kind = [SessionKind::Docking, SessionKind::Roadshow, SessionKind::Interviews][i % 3];
            let start = day.and_hms_opt(9 + 2 * (i % 4) as u32, 30, 0).unwrap_or_default();
            // Hosts: investors and parks for roadshows, employers for the rest.
            let pool: Vec<&Booth> = booths
                .iter()
                .filter(|b| (kind == SessionKind::Roadshow) == (b.employer_kind != EmployerKind::Enterprise))
                .collect();
            let hosts: Vec<BoothId> = pool.choose_multiple(rng, 3).map(|b| b.id.clone()).collect();
            let shown: Vec<_> = projects.iter().skip(i * 10).take(10).map(|p| p.id.clone()).collect();
            let invitees: Vec<CandidateId> = (0..rng.random_range(10..=40))
                .filter_map(|_| candidates.choose(rng).map(|c| c.id.clone()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let (title, room) = match kind {
                SessionKind::Docking => (format!("产业链供需对接会（第{}场）", i + 1), ROOMS[0]),
                SessionKind::Roadshow => (format!("高层次人才项目路演（第{}场）", i + 1), ROOMS[2]),
                SessionKind::Interviews => (format!("重点企业集中面试专场（第{}场）", i + 1), ROOMS[3]),
            };
            Session {
                id: SessionId(format!("S{:03}", i + 1)),
                title,
                kind,
                room: room.into(),
                start,
                end: start + Duration::minutes(90),
                capacity: 60,
                hosts,
                invitees,
                projects: if kind == SessionKind::Interviews {
                    Vec::new()
                } else {
                    shown
                },
                attended: Vec::new(),
            }
        })
        .collect()
}

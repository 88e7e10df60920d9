//! Projects looking for a home in the region (roadshows, talent-and-project negotiation fairs)
//! and the sessions where they meet counterparties: docking sessions, roadshows, interview
//! blocks.

use serde::{Deserialize, Serialize};

use super::{BoothId, CandidateId, Industry, LocalTime, ProjectStage, ProjectStatus, SessionKind};

string_id!(ProjectId);
string_id!(SessionId);

/// What a project asks of a counterparty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectSeeks {
    /// Investment sought, in 万元 (10,000 CNY).
    pub investment_wan: Option<u32>,
    /// A site: office, lab or factory space (a park's offer).
    pub site: bool,
    /// Research or industry partners.
    pub partners: bool,
    /// First customers to run a pilot with.
    pub pilot_customers: bool,
}

/// One step of a project's pipeline: when it moved to `status`, with whom, for how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectStep {
    pub status: ProjectStatus,
    pub at: LocalTime,
    #[serde(default)]
    pub counterparty: Option<BoothId>,
    /// Amount agreed, in 万元.
    #[serde(default)]
    pub amount_wan: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: ProjectId,
    pub title: String,
    /// The person presenting it (负责人).
    #[serde(default)]
    pub lead: String,
    /// The talent team: candidates registered at the fair.
    #[serde(default)]
    pub team: Vec<CandidateId>,
    pub industry: Industry,
    /// Technology fields, as skills (resolved through the skills dictionary when matching).
    #[serde(default)]
    pub fields: Vec<String>,
    pub stage: ProjectStage,
    #[serde(default)]
    pub seeks: ProjectSeeks,
    #[serde(default)]
    pub cities: Vec<String>,
    pub status: ProjectStatus,
    /// How it got to `status`, oldest first.
    #[serde(default)]
    pub steps: Vec<ProjectStep>,
    #[serde(default)]
    pub description: String,
}

/// A docking session, roadshow or interview block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub title: String,
    pub kind: SessionKind,
    #[serde(default)]
    pub room: String,
    pub start: LocalTime,
    pub end: LocalTime,
    /// Seats; 0 for no limit.
    #[serde(default)]
    pub capacity: u32,
    #[serde(default)]
    pub hosts: Vec<BoothId>,
    #[serde(default)]
    pub invitees: Vec<CandidateId>,
    /// Projects presented (roadshows) or discussed (docking sessions).
    #[serde(default)]
    pub projects: Vec<ProjectId>,
    /// Checked in at the session's door.
    #[serde(default)]
    pub attended: Vec<CandidateId>,
}

impl Session {
    /// The people the seats are for: everyone invited, and those who came uninvited.
    pub fn seats_taken(&self) -> usize {
        self.invitees.len() + self.attended.iter().filter(|c| !self.invitees.contains(c)).count()
    }

    /// How many more people than seats (0 with no limit).
    pub fn over_capacity(&self) -> usize {
        match self.capacity {
            0 => 0,
            seats => self.seats_taken().saturating_sub(seats as usize),
        }
    }
}

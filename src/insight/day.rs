//! Fair-day figures: visits, outcomes, the funnel's later stages, walk-ins, engagement per booth
//! and zone, and openings filled. Recomputed in full from the fair's visits and events, which is
//! a few milliseconds on the regional peak fair (20,000 visits).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{BoothId, CandidateId, EventKind, Fair, Industry, NextStep, PipelineStatus, PositionId};

/// A booth's traffic and results.
#[derive(Debug, Clone, PartialEq)]
pub struct BoothEngagement {
    pub booth: BoothId,
    pub employer: String,
    pub industry: Industry,
    /// Index into [`super::Insight::zones`].
    pub zone: usize,
    pub visits: u32,
    /// Distinct candidates who visited.
    pub visitors: u32,
    pub rated: u32,
    pub rating_sum: u32,
    /// Visits ending in an interview, offer or hire (not withdrawn).
    pub intentions: u32,
    /// Distinct candidates hired here.
    pub hires: u32,
    pub positions: u32,
    pub openings: u64,
    pub filled: u64,
}

/// A zone's traffic and results: its booths added up, visitors counted once per zone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoneEngagement {
    /// As the booths write it; empty for booths without a zone.
    pub name: String,
    pub booths: u32,
    pub booths_active: u32,
    pub visits: u32,
    pub visitors: u32,
    pub rated: u32,
    pub rating_sum: u32,
    pub intentions: u32,
    pub positions: u32,
    pub openings: u64,
    pub filled: u64,
}

/// Mean of the 1–5 star ratings given, if any.
pub(crate) fn mean(sum: u32, count: u32) -> Option<f64> {
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

impl BoothEngagement {
    pub fn average_rating(&self) -> Option<f64> {
        mean(self.rating_sum, self.rated)
    }

    pub fn unfilled(&self) -> u64 {
        self.openings.saturating_sub(self.filled)
    }
}

impl ZoneEngagement {
    pub fn average_rating(&self) -> Option<f64> {
        mean(self.rating_sum, self.rated)
    }

    pub fn unfilled(&self) -> u64 {
        self.openings.saturating_sub(self.filled)
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct FairDay {
    pub visits: u32,
    pub visitors: u32,
    /// Visits by next step, in `NextStep::ALL` order.
    pub by_step: [u32; NextStep::ALL.len()],
    pub withdrawn: u32,
    pub intentions: u32,
    pub walk_ins: u32,
    /// Distinct candidates whose furthest visit reached an intention, an offer, a hire.
    pub intention_candidates: u32,
    pub offer_candidates: u32,
    pub hired_candidates: u32,
    pub booths: Vec<BoothEngagement>,
    pub zones: Vec<ZoneEngagement>,
    pub openings_filled: u64,
    /// Openings filled, by the position's industry.
    pub industry_filled: [u64; super::resolve::INDUSTRIES],
    /// Openings filled per position; positions with none filled are left out.
    pub filled: HashMap<PositionId, u32>,
}

/// How far a visit got: 0 visited, 1 intention (interview), 2 offer, 3 hired.
fn stage(step: NextStep) -> u8 {
    match step {
        NextStep::None | NextStep::Reject => 0,
        NextStep::Interview => 1,
        NextStep::Offer => 2,
        NextStep::Hired => 3,
    }
}

impl FairDay {
    pub fn compute(fair: &Fair, is_listed: impl Fn(&CandidateId) -> bool) -> Self {
        let mut day = FairDay::default();
        let zones = super::floor::zone_order(fair);
        let zone_of: HashMap<&str, usize> = zones.iter().enumerate().map(|(i, z)| (z.as_str(), i)).collect();
        day.zones = zones
            .iter()
            .map(|name| ZoneEngagement {
                name: name.clone(),
                ..ZoneEngagement::default()
            })
            .collect();
        let mut booth_index: HashMap<&str, usize> = HashMap::default();
        for b in &fair.booths {
            if booth_index.contains_key(b.id.as_str()) {
                continue;
            }
            booth_index.insert(b.id.as_str(), day.booths.len());
            let zone = zone_of.get(b.zone.as_str()).copied().unwrap_or(0);
            day.zones[zone].booths += 1;
            day.booths.push(BoothEngagement {
                booth: b.id.clone(),
                employer: b.employer.clone(),
                industry: b.industry,
                zone,
                visits: 0,
                visitors: 0,
                rated: 0,
                rating_sum: 0,
                intentions: 0,
                hires: 0,
                positions: 0,
                openings: 0,
                filled: 0,
            });
        }

        let mut furthest: HashMap<&str, u8> = HashMap::default();
        let mut booth_visitors: HashSet<(usize, &str)> = HashSet::default();
        let mut zone_visitors: HashSet<(usize, &str)> = HashSet::default();
        let mut named_hires: HashSet<(&str, &str)> = HashSet::default();
        let mut booth_hires: HashSet<(usize, &str)> = HashSet::default();
        let mut unnamed_hires: HashSet<(usize, &str)> = HashSet::default();
        for v in &fair.visits {
            day.visits += 1;
            day.by_step[v.next_step as usize] += 1;
            let candidate = v.candidate.as_str();
            let live = v.status != PipelineStatus::Withdrawn;
            if !live {
                day.withdrawn += 1;
            }
            let reached = if live { stage(v.next_step) } else { 0 };
            let best = furthest.entry(candidate).or_insert(0);
            *best = (*best).max(reached);
            let booth = booth_index.get(v.booth.as_str()).copied();
            if reached > 0 {
                day.intentions += 1;
            }
            let Some(b) = booth else { continue };
            let engagement = &mut day.booths[b];
            engagement.visits += 1;
            if let Some(stars @ 1..=5) = v.rating {
                engagement.rated += 1;
                engagement.rating_sum += u32::from(stars);
            }
            if reached > 0 {
                engagement.intentions += 1;
            }
            if booth_visitors.insert((b, candidate)) {
                engagement.visitors += 1;
            }
            if reached == 3 {
                if booth_hires.insert((b, candidate)) {
                    engagement.hires += 1;
                }
                match &v.position {
                    Some(p) => {
                        named_hires.insert((p.as_str(), candidate));
                    }
                    None => {
                        unnamed_hires.insert((b, candidate));
                    }
                }
            }
            let zone = engagement.zone;
            let z = &mut day.zones[zone];
            z.visits += 1;
            if let Some(stars @ 1..=5) = v.rating {
                z.rated += 1;
                z.rating_sum += u32::from(stars);
            }
            if reached > 0 {
                z.intentions += 1;
            }
            if zone_visitors.insert((zone, candidate)) {
                z.visitors += 1;
            }
        }
        day.visitors = furthest.len() as u32;
        for &reached in furthest.values() {
            day.intention_candidates += u32::from(reached >= 1);
            day.offer_candidates += u32::from(reached >= 2);
            day.hired_candidates += u32::from(reached >= 3);
        }
        for b in &day.booths {
            day.zones[b.zone].booths_active += u32::from(b.visits > 0);
        }

        day.fill_openings(fair, &booth_index, &named_hires, &unnamed_hires);

        let mut walk_ins: HashSet<&CandidateId> = HashSet::default();
        for event in &fair.events {
            if let EventKind::WalkIn { candidate } = &event.kind
                && is_listed(&candidate.id)
            {
                walk_ins.insert(&candidate.id);
            }
        }
        day.walk_ins = walk_ins.len() as u32;
        day
    }

    /// Openings filled: a hire naming a position fills one of its openings (one per candidate);
    /// a hire at a booth naming none fills the booth's openings still open, in the fair's order.
    fn fill_openings(
        &mut self,
        fair: &Fair,
        booth_index: &HashMap<&str, usize>,
        named_hires: &HashSet<(&str, &str)>,
        unnamed_hires: &HashSet<(usize, &str)>,
    ) {
        let mut hires_per_position: HashMap<&str, u32> = HashMap::default();
        for &(position, _) in named_hires {
            *hires_per_position.entry(position).or_insert(0) += 1;
        }
        let mut unnamed_per_booth: HashMap<usize, u32> = HashMap::default();
        for &(booth, _) in unnamed_hires {
            *unnamed_per_booth.entry(booth).or_insert(0) += 1;
        }
        let mut seen: HashSet<&str> = HashSet::default();
        for p in &fair.positions {
            if !seen.insert(p.id.as_str()) {
                continue;
            }
            let named = hires_per_position.get(p.id.as_str()).copied().unwrap_or(0);
            let mut filled = named.min(p.openings);
            let booth = booth_index.get(p.booth.as_str()).copied();
            if let Some(b) = booth
                && let Some(spare) = unnamed_per_booth.get_mut(&b)
            {
                let take = (*spare).min(p.openings - filled);
                filled += take;
                *spare -= take;
            }
            self.openings_filled += u64::from(filled);
            if let Some(sum) = self.industry_filled.get_mut(p.industry as usize) {
                *sum += u64::from(filled);
            }
            if filled > 0 {
                self.filled.insert(p.id.clone(), filled);
            }
            if let Some(b) = booth {
                let engagement = &mut self.booths[b];
                engagement.positions += 1;
                engagement.openings += u64::from(p.openings);
                engagement.filled += u64::from(filled);
                let zone = &mut self.zones[engagement.zone];
                zone.positions += 1;
                zone.openings += u64::from(p.openings);
                zone.filled += u64::from(filled);
            }
        }
    }
}

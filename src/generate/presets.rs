//! What to generate: counts and seed, the presets of the product brief, and the limits a spec
//! must keep.

/// How big a fair to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSpec {
    pub seed: u64,
    pub booths: usize,
    pub positions: usize,
    pub candidates: usize,
    /// Booth visits recorded on the fair day; visited candidates are checked in.
    pub visits: usize,
}

/// The three scales of the product brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// A campus fair: 40 booths, 300 positions, 2,000 candidates.
    Campus,
    /// A city return-home fair: 710 employers, 12,000 positions, 20,000 candidates.
    City,
    /// A regional peak: 12,000 positions, 100,000 candidates.
    Peak,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Campus, Preset::City, Preset::Peak];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Campus => "campus",
            Preset::City => "city",
            Preset::Peak => "peak",
        }
    }

    /// The preset's counts; visits are about one per ten candidates, as on a busy fair day.
    pub fn spec(self, seed: u64) -> GenerateSpec {
        let (booths, positions, candidates, visits) = match self {
            Preset::Campus => (40, 300, 2_000, 400),
            Preset::City => (710, 12_000, 20_000, 4_000),
            Preset::Peak => (710, 12_000, 100_000, 20_000),
        };
        GenerateSpec {
            seed,
            booths,
            positions,
            candidates,
            visits,
        }
    }
}

/// Upper bound on any count, so a typo cannot exhaust memory.
pub const MAX_RECORDS: usize = 2_000_000;

impl GenerateSpec {
    /// Says what is impossible about the spec; [`generate`] itself never fails.
    pub fn check(&self) -> Result<(), String> {
        for (what, n) in [
            ("booths", self.booths),
            ("positions", self.positions),
            ("candidates", self.candidates),
            ("visits", self.visits),
        ] {
            if n > MAX_RECORDS {
                return Err(format!(
                    "{n} {what} is more than the generator supports ({MAX_RECORDS})"
                ));
            }
        }
        if self.positions > 0 && self.booths == 0 {
            return Err("positions need at least one booth".into());
        }
        if self.visits > 0 && (self.booths == 0 || self.candidates == 0) {
            return Err("visits need at least one booth and one candidate".into());
        }
        Ok(())
    }
}

//! A station's credentials for the hub: which fair, which station, and the secret (an NKey
//! seed) it signs in with. `fairmatch hub init` writes one file per station plus one for the
//! organizer; the hub's config holds only the public keys.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::SyncError;
use crate::model::{FairId, StationId};

/// Largest credentials file read.
const MAX_CREDENTIALS_BYTES: u64 = 64 * 1024;

/// What a set of credentials may do on the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Publishes only its own events; reads the fair's.
    Station,
    /// Publishes anything: every station's events it holds, and fair versions.
    Organizer,
}

/// One station's (or the organizer's) credentials file.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Credentials {
    pub fair_id: FairId,
    /// The station whose events these credentials publish (`organizer` for the organizer).
    pub station: StationId,
    pub role: Role,
    /// The NKey seed (`SU…`): the secret. Whoever holds it can publish as this station.
    pub seed: String,
    /// Where the hub listens, as `hub init` was told (a hint; the window and `sync` take a URL).
    #[serde(default)]
    pub server: String,
}

impl std::fmt::Debug for Credentials {
    // The seed is a secret: it never reaches a log or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("fair_id", &self.fair_id)
            .field("station", &self.station)
            .field("role", &self.role)
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Credentials {
    /// New credentials with a freshly generated key pair.
    pub fn generate(fair_id: FairId, station: StationId, role: Role, server: String) -> Result<Self, SyncError> {
        let pair = nkeys::KeyPair::new_user();
        let seed = pair
            .seed()
            .map_err(|e| SyncError(format!("cannot generate a key for {station}: {e}")))?;
        Ok(Credentials {
            fair_id,
            station,
            role,
            seed,
            server,
        })
    }

    /// Whether the hub lets these credentials publish `event`: a station only its own events,
    /// the organizer any.
    pub fn may_publish(&self, event: &crate::model::StationEvent) -> bool {
        self.role == Role::Organizer || event.station == self.station
    }

    /// The public key the hub's config names this user by.
    pub fn public_key(&self) -> Result<String, SyncError> {
        nkeys::KeyPair::from_seed(&self.seed)
            .map(|pair| pair.public_key())
            .map_err(|e| SyncError(format!("the credentials of {} hold no valid key ({e})", self.station)))
    }

    pub fn to_text(&self) -> Result<String, SyncError> {
        let body = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| SyncError(e.to_string()))?;
        Ok(format!(
            "// fairmatch credentials of station {} for fair {:?}. Keep this file secret: whoever\n\
             // holds it can publish this station's events.\n{body}\n",
            self.station, self.fair_id.0
        ))
    }

    /// Reads a credentials file, with its path in every error.
    pub fn load(path: &Path) -> Result<Self, SyncError> {
        let bytes = crate::store::read_file_capped(path, MAX_CREDENTIALS_BYTES)
            .map_err(|e| SyncError(format!("cannot read the credentials: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            SyncError(format!(
                "{}: not a fairmatch credentials file (not UTF-8 text)",
                path.display()
            ))
        })?;
        let creds: Credentials = ron::from_str(&text).map_err(|e| {
            SyncError(format!(
                "{}:{}: not a fairmatch credentials file ({}); `fairmatch hub init` writes them",
                path.display(),
                e.span.start.line,
                e.code
            ))
        })?;
        creds
            .public_key()
            .map_err(|e| SyncError(format!("{}: {e}", path.display())))?;
        Ok(creds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_round_trip_and_hide_their_seed() {
        let creds = Credentials::generate(
            FairId::new("fair"),
            StationId::new("entrance-1"),
            Role::Station,
            "nats://127.0.0.1:4222".into(),
        )
        .unwrap();
        assert!(creds.seed.starts_with("SU"));
        assert!(creds.public_key().unwrap().starts_with('U'));
        assert!(!format!("{creds:?}").contains(&creds.seed));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entrance-1.creds");
        std::fs::write(&path, creds.to_text().unwrap()).unwrap();
        assert_eq!(Credentials::load(&path).unwrap(), creds);
        std::fs::write(&path, "(fair_id: \"f\",\n station: 3)").unwrap();
        let error = Credentials::load(&path).unwrap_err().0;
        assert!(error.contains("entrance-1.creds:2:"), "{error}");
    }
}

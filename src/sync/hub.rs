//! The hub: a `nats-server` with JetStream, one user per station plus the organizer.
//!
//! [`init`] writes HUBDIR: `nats-server.conf` (JetStream, its store in HUBDIR/jetstream, one
//! NKey user per station with its permissions), `hub.ron` (what the hub serves) and one
//! credentials file per user. The config holds public keys only; the secrets are the
//! `.creds` files handed to the stations. [`start`] runs `nats-server` on that config.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{Credentials, Role, SyncError, durable_name, events_subject, fair_bucket, fair_wildcard, stream_name};
use crate::model::{FairId, StationId};

/// The organizer's user name in a hub.
pub const ORGANIZER: &str = "organizer";
/// The server config `hub init` writes.
pub const CONFIG_FILE: &str = "nats-server.conf";
/// What the hub serves, for `hub run`.
pub const HUB_FILE: &str = "hub.ron";
/// Debian's (and Ubuntu's) package with the server.
pub const SERVER_PACKAGE: &str = "nats-server";

/// What `hub init` was asked for, kept in HUBDIR/hub.ron.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HubSpec {
    pub fair_id: FairId,
    pub stations: Vec<StationId>,
    /// `HOST:PORT` the server listens on.
    pub listen: String,
}

impl HubSpec {
    /// The URL stations connect to, as far as the hub knows it (a wildcard host becomes
    /// `127.0.0.1`; stations on other laptops use the hub laptop's address).
    pub fn url(&self) -> String {
        match self.local_address() {
            Ok((host, port)) => format!("nats://{host}:{port}"),
            Err(_) => format!("nats://{}", self.listen),
        }
    }

    /// Where this laptop reaches the hub: the listen address, a wildcard host as `127.0.0.1`.
    pub fn local_address(&self) -> Result<(String, u16), SyncError> {
        let (host, port) = parse_listen(&self.listen)?;
        let host = if host == "0.0.0.0" {
            "127.0.0.1".to_owned()
        } else {
            host
        };
        Ok((host, port))
    }
}

/// Checks the station list: non-empty names, none twice, none called `organizer`.
pub fn check_stations(stations: &[StationId]) -> Result<(), SyncError> {
    if stations.is_empty() {
        return Err(SyncError(
            "name at least one station (--stations entrance-1,booth-A001,…)".into(),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for station in stations {
        let name = station.as_str();
        if name.trim().is_empty() || name.trim() != name {
            return Err(SyncError(format!(
                "station name {name:?} is empty or has spaces around it"
            )));
        }
        if name == ORGANIZER {
            return Err(SyncError(
                "\"organizer\" is the organizer's user; name the stations otherwise".into(),
            ));
        }
        if !seen.insert(name) {
            return Err(SyncError(format!("station {name} is listed twice")));
        }
    }
    Ok(())
}

/// Writes a hub for `spec` into `dir` (created if missing). Refuses a folder that already
/// holds a hub: its secrets are in use on the stations.
pub fn init(spec: &HubSpec, dir: &Path) -> Result<Vec<PathBuf>, SyncError> {
    check_stations(&spec.stations)?;
    parse_listen(&spec.listen)?;
    let io = |e: std::io::Error| SyncError(format!("{}: {e}", dir.display()));
    if dir.join(CONFIG_FILE).exists() {
        return Err(SyncError(format!(
            "{} already holds a hub (its credentials may be in use); choose another folder or delete it first",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir.join("jetstream")).map_err(io)?;
    let dir = dir.canonicalize().map_err(io)?;
    let url = spec.url();
    let mut users = Vec::new();
    let organizer = Credentials::generate(
        spec.fair_id.clone(),
        StationId::new(ORGANIZER),
        Role::Organizer,
        url.clone(),
    )?;
    users.push(organizer);
    for station in &spec.stations {
        users.push(Credentials::generate(
            spec.fair_id.clone(),
            station.clone(),
            Role::Station,
            url.clone(),
        )?);
    }
    let config = server_config(spec, &dir, &users)?;
    let mut written = Vec::new();
    for creds in &users {
        let path = dir.join(format!("{}.creds", super::token(creds.station.as_str())));
        write_secret(&path, creds.to_text()?.as_bytes())?;
        written.push(path);
    }
    let hub_text =
        ron::ser::to_string_pretty(spec, ron::ser::PrettyConfig::default()).map_err(|e| SyncError(e.to_string()))?;
    crate::store::write::write_atomically(&dir.join(HUB_FILE), hub_text.as_bytes())
        .map_err(|e| SyncError(e.to_string()))?;
    // The config last: its presence is what marks the folder as a hub.
    crate::store::write::write_atomically(&dir.join(CONFIG_FILE), config.as_bytes())
        .map_err(|e| SyncError(e.to_string()))?;
    Ok(written)
}

/// Reads HUBDIR/hub.ron.
pub fn load_spec(dir: &Path) -> Result<HubSpec, SyncError> {
    let path = dir.join(HUB_FILE);
    let text = crate::store::read_text_capped(&path, 16 * 1024 * 1024).map_err(|e| {
        SyncError(format!(
            "{} is not a hub folder ({e}); `fairmatch hub init` makes one",
            dir.display()
        ))
    })?;
    ron::from_str(&text).map_err(|e| SyncError(format!("{}:{}: {}", path.display(), e.span.start.line, e.code)))
}

fn parse_listen(listen: &str) -> Result<(String, u16), SyncError> {
    let bad = || SyncError(format!("--listen {listen:?}: expected HOST:PORT, e.g. 0.0.0.0:4222"));
    let (host, port) = listen.rsplit_once(':').ok_or_else(bad)?;
    let port: u16 = port.parse().map_err(|_| bad())?;
    if host.is_empty() || host.contains(['"', '\n', ' ']) {
        return Err(bad());
    }
    Ok((host.to_owned(), port))
}

/// The `nats-server` config: JetStream with its store in `dir`, and each user's permissions.
fn server_config(spec: &HubSpec, dir: &Path, users: &[Credentials]) -> Result<String, SyncError> {
    let (host, port) = parse_listen(&spec.listen)?;
    let store = dir.join("jetstream");
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let stream = stream_name(&spec.fair_id);
    let bucket_stream = format!("OBJ_{}", fair_bucket(&spec.fair_id));
    let mut out = String::new();
    out.push_str(&format!(
        "# fairmatch hub for fair {:?}: {} stations and the organizer. Written by `fairmatch hub init`;\n\
         # run it with `fairmatch hub run {}`. Users are NKeys: the secrets are the .creds files.\n",
        spec.fair_id.0,
        spec.stations.len(),
        dir.display()
    ));
    out.push_str(&format!("host: {}\nport: {port}\n", quote(&host)));
    // A published fair is sent in chunks; events are a few hundred bytes.
    out.push_str("max_payload: 1MB\nmax_connections: 4096\n");
    out.push_str(&format!(
        "jetstream {{\n  store_dir: {}\n}}\n",
        quote(&store.display().to_string())
    ));
    out.push_str("authorization {\n  users: [\n");
    for creds in users {
        let key = creds.public_key()?;
        out.push_str(&format!("    # {}\n    {{ nkey: {}", creds.station, quote(&key)));
        if creds.role == Role::Station {
            let own = events_subject(&spec.fair_id, &creds.station);
            let durable = durable_name(&creds.station);
            let publish_allow = [
                own.as_str(),
                "$JS.API.INFO",
                &format!("$JS.API.STREAM.INFO.{stream}"),
                &format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}"),
                &format!("$JS.API.CONSUMER.CREATE.{stream}.{durable}.>"),
                &format!("$JS.API.CONSUMER.DURABLE.CREATE.{stream}.{durable}"),
                &format!("$JS.API.CONSUMER.INFO.{stream}.{durable}"),
                &format!("$JS.API.CONSUMER.MSG.NEXT.{stream}.{durable}"),
                &format!("$JS.ACK.{stream}.{durable}.>"),
                // Reading a published fair: its bucket's info, meta and chunks (an ordered,
                // ephemeral consumer).
                &format!("$JS.API.STREAM.INFO.{bucket_stream}"),
                &format!("$JS.API.STREAM.MSG.GET.{bucket_stream}"),
                &format!("$JS.API.DIRECT.GET.{bucket_stream}.>"),
                &format!("$JS.API.CONSUMER.CREATE.{bucket_stream}"),
                &format!("$JS.API.CONSUMER.CREATE.{bucket_stream}.>"),
                &format!("$JS.API.CONSUMER.DELETE.{bucket_stream}.>"),
                "$JS.FC.>",
            ]
            .map(&quote)
            .join(", ");
            let subscribe_allow = ["_INBOX.>", &fair_wildcard(&spec.fair_id)].map(quote).join(", ");
            out.push_str(&format!(
                ",\n      permissions: {{\n        publish: {{ allow: [{publish_allow}] }},\n        \
                 subscribe: {{ allow: [{subscribe_allow}] }}\n      }}"
            ));
        }
        out.push_str(" }\n");
    }
    out.push_str("  ]\n}\n");
    Ok(out)
}

/// Writes a secret file readable by its owner only.
fn write_secret(path: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    let error = |e: std::io::Error| SyncError(format!("{}: {e}", path.display()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(error)?;
    std::io::Write::write_all(&mut file, bytes).map_err(error)?;
    file.sync_all().map_err(error)
}

/// The `nats-server` binary: on the PATH, or where Debian puts it (`/usr/sbin` is not on every
/// user's PATH).
pub fn server_binary() -> Result<PathBuf, SyncError> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    dirs.extend(["/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/bin"].map(PathBuf::from));
    let name = if cfg!(windows) {
        "nats-server.exe"
    } else {
        "nats-server"
    };
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file()).ok_or_else(|| {
        SyncError(format!(
            "nats-server is not installed: install the package `{SERVER_PACKAGE}` (apt-get install {SERVER_PACKAGE}), \
             or put the server from https://nats.io on the PATH"
        ))
    })
}

/// Starts `nats-server` on HUBDIR's config, its output to `log` (or inherited when `None`),
/// and waits until it accepts connections.
pub fn start(dir: &Path, log: Option<&Path>) -> Result<Child, SyncError> {
    let (host, port) = load_spec(dir)?.local_address()?;
    let binary = server_binary()?;
    let mut command = Command::new(binary);
    command.arg("-c").arg(dir.join(CONFIG_FILE)).stdin(Stdio::null());
    if let Some(log) = log {
        let file = std::fs::File::create(log).map_err(|e| SyncError(format!("{}: {e}", log.display())))?;
        let err = file.try_clone().map_err(|e| SyncError(e.to_string()))?;
        command.stdout(file).stderr(err);
    }
    let mut child = command
        .spawn()
        .map_err(|e| SyncError(format!("cannot start nats-server: {e}")))?;
    // Bounded: 100 tries, 10 s in all.
    for _ in 0..100 {
        if std::net::TcpStream::connect((host.as_str(), port)).is_ok() {
            return Ok(child);
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(SyncError(format!(
                "nats-server stopped at once ({status}); is port {port} in use? Its output says why"
            )));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    Err(SyncError(format!(
        "nats-server did not start listening on {host}:{port} within 10 s"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hub_folder_holds_a_config_and_one_secret_per_user() {
        let dir = tempfile::tempdir().unwrap();
        let spec = HubSpec {
            fair_id: FairId::new("fair-1"),
            stations: vec![StationId::new("entrance-1"), StationId::new("booth-A001")],
            listen: "127.0.0.1:4333".into(),
        };
        let files = init(&spec, dir.path()).unwrap();
        assert_eq!(files.len(), 3);
        let config = std::fs::read_to_string(dir.path().join(CONFIG_FILE)).unwrap();
        assert!(config.contains("\"fair.fair-1.events.entrance-1\""), "{config}");
        let organizer = Credentials::load(&dir.path().join("organizer.creds")).unwrap();
        assert_eq!(organizer.role, Role::Organizer);
        assert!(config.contains(&organizer.public_key().unwrap()));
        assert!(!config.contains(&organizer.seed), "the config holds no secret");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("entrance-1.creds"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "credentials are the owner's only");
        }
        assert_eq!(load_spec(dir.path()).unwrap(), spec);
        let again = init(&spec, dir.path()).unwrap_err().0;
        assert!(again.contains("already holds a hub"), "{again}");
        let twice = [StationId::new("a"), StationId::new("a")];
        assert!(check_stations(&twice).unwrap_err().0.contains("twice"));
        assert!(check_stations(&[StationId::new(ORGANIZER)]).is_err());
        let bad = HubSpec {
            listen: "4222".into(),
            ..spec
        };
        assert!(init(&bad, &dir.path().join("x")).unwrap_err().0.contains("HOST:PORT"));
    }
}

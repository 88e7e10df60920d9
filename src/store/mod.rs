//! Fair files (RON, atomic, locked, optionally encrypted, versioned), CSV and Excel
//! import/export, station logs and the station journal. No egui.
//!
//! Loading is defensive: the size is checked from metadata before reading, the text must be
//! UTF-8, the `format_version` is read on its own before the full parse (so a newer file is
//! refused with the right message even when its body would not parse), and ron's recursion
//! limit stays on. Every failure becomes one [`StoreError`] naming the file and, where ron
//! gives it, the line and column.

pub mod crypt;
pub mod csv_export;
pub mod csv_import;
pub mod encoding;
pub mod journal;
pub mod lock;
mod project_rows;
mod split_parse;
pub mod station_log;
pub mod write;
pub mod xlsx_export;

use std::cell::Cell;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::model::{FORMAT_VERSION, Fair};

pub use encoding::decode_text;
pub use lock::{DEFAULT_LOCK_WAIT, FairLock, lock_wait};
pub use station_log::{load_station_log, save_station_log};
pub use write::{write_atomically, write_locked};

/// Largest fair file [`load_fair`] reads. The regional peak fair is about 100 MB.
pub const DEFAULT_SIZE_CAP: u64 = 1 << 30;

/// Nesting depth ron accepts; deeper input is refused instead of overflowing the stack.
const RECURSION_LIMIT: usize = 128;

/// Why a fair (or a CSV file) could not be loaded or saved. `Display` gives one message that
/// names the file and says what is wrong.
#[derive(Debug)]
pub enum StoreError {
    /// The file could not be opened or read.
    Read { path: PathBuf, source: std::io::Error },
    /// The file is larger than the cap; nothing was read.
    TooLarge { path: PathBuf, size: u64, cap: u64 },
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 {
        origin: String,
        offset: usize,
        line: usize,
        column: usize,
    },
    /// Written by a newer fairmatch.
    NewerVersion { origin: String, found: u32, supported: u32 },
    /// Nested deeper than ron's recursion limit.
    TooDeep { origin: String, line: usize, column: usize },
    /// Not a valid fair file: syntax or a field of the wrong shape.
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: String,
        excerpt: String,
    },
    /// Serializing the fair failed (nothing was written).
    Serialize(String),
    /// Writing failed; the existing file, if any, was left as it was.
    Write { path: PathBuf, message: String },
    /// A CSV file could not be used at all (encoding, header, syntax).
    Csv { origin: String, message: String },
    /// Another process (or window) is writing or has the file open; `holder` is its process id
    /// when known. Nothing was written.
    Locked { path: PathBuf, holder: Option<u32> },
    /// The encoding detector could not decide between two encodings; the window asks which,
    /// the command line asks for `--encoding`.
    EncodingUnsure {
        origin: String,
        guess: &'static encoding_rs::Encoding,
        other: &'static encoding_rs::Encoding,
    },
    /// The file is encrypted and no passphrase was given.
    NeedsPassphrase { origin: String },
    /// Decryption failed: wrong passphrase, or a damaged or foreign file.
    Decrypt { origin: String, message: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Read { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            StoreError::TooLarge { path, size, cap } => write!(
                f,
                "{}: file is too large ({size} bytes; the limit is {cap} bytes); not read",
                path.display()
            ),
            StoreError::InvalidUtf8 {
                origin,
                offset,
                line,
                column,
            } => write!(
                f,
                "{origin}:{line}:{column}: invalid UTF-8 at byte offset {offset}; fair files must be UTF-8 text"
            ),
            StoreError::NewerVersion {
                origin,
                found,
                supported,
            } => write!(
                f,
                "{origin}: written by a newer fairmatch (format_version {found}; this build reads up to \
                 {supported}); please update fairmatch to open it"
            ),
            StoreError::TooDeep { origin, line, column } => write!(
                f,
                "{origin}:{line}:{column}: nested too deeply (more than {RECURSION_LIMIT} levels); \
                 not a fair file"
            ),
            StoreError::Parse {
                origin,
                line,
                column,
                message,
                excerpt,
            } => {
                write!(f, "{origin}:{line}:{column}: {message}")?;
                if !excerpt.is_empty() {
                    write!(f, "\n    near: {excerpt}")?;
                }
                Ok(())
            }
            StoreError::Serialize(message) => write!(f, "cannot serialize the fair: {message}"),
            StoreError::Write { path, message } => write!(
                f,
                "{}: cannot save: {message}; the existing file (if any) was left unchanged",
                path.display()
            ),
            StoreError::Csv { origin, message } => write!(f, "{origin}: {message}"),
            StoreError::Locked { path, holder } => {
                write!(f, "{}: another fairmatch", path.display())?;
                if let Some(pid) = holder {
                    write!(f, " (process {pid})")?;
                }
                write!(
                    f,
                    " is writing this file or has it open; nothing was written. Try again once it has \
                     finished, or close it there"
                )
            }
            StoreError::EncodingUnsure { origin, guess, other } => {
                write!(f, "{origin}: {}", encoding::DecodeError::Unsure { guess, other })
            }
            StoreError::NeedsPassphrase { origin } => write!(
                f,
                "{origin}: is encrypted; give its passphrase (--passphrase-file) to open or save it"
            ),
            StoreError::Decrypt { origin, message } => write!(f, "{origin}: {message}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Serializes a fair as pretty RON.
pub fn fair_to_string(fair: &Fair) -> Result<String, StoreError> {
    // Raw (unescaped) strings: ron escapes every char through `escape_debug`, which made saving
    // the 100,000-candidate fair twice as slow; quotes and backslashes still get raw-string guards.
    let config = ron::ser::PrettyConfig::default().indentor("  ").escape_strings(false);
    ron_options()
        .to_string_pretty(fair, config)
        .map_err(|e| StoreError::Serialize(e.to_string()))
}

/// Parses a fair from RON text; `origin` names the source in messages.
pub fn fair_from_str(text: &str, origin: &str) -> Result<Fair, StoreError> {
    if let Some(found) = probe_format_version(text)
        && found > FORMAT_VERSION
    {
        return Err(StoreError::NewerVersion {
            origin: origin.to_owned(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    let split = (text.len() >= split_parse::MIN_SPLIT_BYTES)
        .then(|| split_parse::parse_fair(text, &ron_options()))
        .flatten();
    let mut fair = match split {
        Some(fair) => fair,
        None => ron_options()
            .from_str::<Fair>(text)
            .map_err(|e| parse_error(text, origin, e))?,
    };
    // An older file is read as this build's format (what it lacks takes its default) and is
    // saved as such, so no older build opens it again and drops what this one added.
    fair.format_version = FORMAT_VERSION;
    Ok(fair)
}

/// Parses a fair from a file's bytes (UTF-8 RON; not encrypted); `origin` names it in messages.
pub fn fair_from_bytes(bytes: &[u8], origin: &str) -> Result<Fair, StoreError> {
    let text = utf8_text(bytes.to_vec(), origin)?;
    fair_from_str(&text, origin)
}

/// Loads a fair file, refusing files larger than [`DEFAULT_SIZE_CAP`].
pub fn load_fair(path: &Path) -> Result<Fair, StoreError> {
    load_fair_capped(path, DEFAULT_SIZE_CAP)
}

/// Loads a fair file, refusing files larger than `cap` bytes before reading them.
pub fn load_fair_capped(path: &Path, cap: u64) -> Result<Fair, StoreError> {
    load_fair_with_passphrase(path, None, cap)
}

/// Loads a fair file that may be encrypted (`.age`): with `passphrase` an encrypted file is
/// decrypted in memory; without one it is refused with [`StoreError::NeedsPassphrase`], which
/// tells the window to ask. A plain file loads either way.
pub fn load_fair_with_passphrase(path: &Path, passphrase: Option<&str>, cap: u64) -> Result<Fair, StoreError> {
    let origin = path.display().to_string();
    let mut bytes = read_bytes_capped(path, cap)?;
    if crypt::is_encrypted(&bytes) {
        let Some(passphrase) = passphrase else {
            return Err(StoreError::NeedsPassphrase { origin });
        };
        bytes = crypt::decrypt(&bytes, passphrase, &origin, cap)?;
    }
    let text = utf8_text(bytes, &origin)?;
    fair_from_str(&text, &origin)
}

/// Reads a whole UTF-8 file into one `String` (no extra copy), checking the size first.
pub(crate) fn read_text_capped(path: &Path, cap: u64) -> Result<String, StoreError> {
    let bytes = read_bytes_capped(path, cap)?;
    utf8_text(bytes, &path.display().to_string())
}

fn utf8_text(bytes: Vec<u8>, origin: &str) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = line_column(&e.as_bytes()[..offset]);
        StoreError::InvalidUtf8 {
            origin: origin.to_owned(),
            offset,
            line,
            column,
        }
    })
}

/// Reads a whole file (any content), refusing folders, devices and more than `cap` bytes.
pub fn read_file_capped(path: &Path, cap: u64) -> Result<Vec<u8>, StoreError> {
    read_bytes_capped(path, cap)
}

#[cfg(unix)]
fn is_fifo(metadata: &std::fs::Metadata) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(&metadata.file_type())
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

pub(crate) fn read_bytes_capped(path: &Path, cap: u64) -> Result<Vec<u8>, StoreError> {
    let read_error = |source| StoreError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    // A device may never end (`/dev/zero`): refused unread. A pipe is read, up to the cap,
    // so `fairmatch check <(zcat fair.ron.gz)` works.
    if !metadata.is_file() && !is_fifo(&metadata) {
        return Err(read_error(std::io::Error::other(if metadata.is_dir() {
            "is a folder"
        } else {
            "is not a regular file (a device or socket)"
        })));
    }
    let size = metadata.len();
    if size > cap {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size,
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // The file may grow between the metadata call and the read; never read past the cap.
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > cap {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// Saves a fair atomically under its lock (see [`write`]): a failed save leaves the existing
/// file as it was, and a second writer waits up to [`DEFAULT_LOCK_WAIT`], then fails. A path
/// ending in `.age` is refused: it needs [`save_fair_with_passphrase`].
pub fn save_fair(path: &Path, fair: &Fair) -> Result<(), StoreError> {
    save_fair_with_passphrase(path, fair, None)
}

/// Saves a fair, encrypted for `passphrase` when one is given.
pub fn save_fair_with_passphrase(path: &Path, fair: &Fair, passphrase: Option<&str>) -> Result<(), StoreError> {
    let bytes = fair_bytes(path, fair, passphrase)?;
    write_atomically(path, &bytes)
}

/// Saves a fair to the file `lock` holds (the window's open fair, or a merge's output).
pub fn save_fair_locked(lock: &FairLock, fair: &Fair, passphrase: Option<&str>) -> Result<(), StoreError> {
    let bytes = fair_bytes(lock.path(), fair, passphrase)?;
    write_locked(lock, &bytes)
}

fn fair_bytes(path: &Path, fair: &Fair, passphrase: Option<&str>) -> Result<Vec<u8>, StoreError> {
    let text = fair_to_string(fair)?;
    match passphrase {
        Some(passphrase) => crypt::encrypt(text.as_bytes(), passphrase),
        None if crypt::has_age_extension(path) => Err(StoreError::NeedsPassphrase {
            origin: path.display().to_string(),
        }),
        None => Ok(text.into_bytes()),
    }
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line_start = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&prefix[line_start..]).chars().count();
    (line, column)
}

fn parse_error(text: &str, origin: &str, error: ron::error::SpannedError) -> StoreError {
    let ron::error::Position { line, col } = error.span.start;
    if error.code == ron::Error::ExceededRecursionLimit {
        return StoreError::TooDeep {
            origin: origin.to_owned(),
            line,
            column: col,
        };
    }
    let message = match &error.code {
        ron::Error::Eof => "the file ends too early (truncated?); expected more of the fair".to_owned(),
        ron::Error::Utf8Error(e) => format!("invalid UTF-8: {e}"),
        other => other.to_string(),
    };
    StoreError::Parse {
        origin: origin.to_owned(),
        line,
        column: col,
        message,
        excerpt: excerpt(text, line, col),
    }
}

/// Up to 60 characters of line `line` around `col`, for context in messages.
fn excerpt(text: &str, line: usize, col: usize) -> String {
    let Some(content) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let chars: Vec<char> = content.chars().collect();
    let start = col.saturating_sub(30).min(chars.len());
    let end = (start + 60).min(chars.len());
    chars[start..end].iter().collect::<String>().trim().to_owned()
}

/// Reads only `format_version` from the top-level struct, skipping other fields and stopping
/// as soon as it is found. `None` when the text is not a struct or has no such field there.
fn probe_format_version(text: &str) -> Option<u32> {
    let found = Cell::new(None);
    // The probe stops early on purpose, so ron reports an error afterwards; only `found` matters.
    let _ = ron_options().from_str_seed(text, VersionProbe(&found));
    found.get()
}

struct VersionProbe<'a>(&'a Cell<Option<u32>>);

impl<'de> DeserializeSeed<'de> for VersionProbe<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Fair", &["format_version"], self)
    }
}

impl<'de> Visitor<'de> for VersionProbe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a fair")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "format_version" {
                self.0.set(Some(map.next_value::<u32>()?));
                return Ok(());
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_finds_version_even_when_the_rest_is_broken() {
        assert_eq!(probe_format_version("(format_version: 7, meta: ((((("), Some(7));
        assert_eq!(
            probe_format_version("Fair(meta: (id: \"x\"), format_version: 3"),
            Some(3)
        );
        assert_eq!(probe_format_version("[1, 2]"), None);
        assert_eq!(probe_format_version(""), None);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column(b""), (1, 1));
        assert_eq!(line_column("ab\n展位".as_bytes()), (2, 3));
    }
}

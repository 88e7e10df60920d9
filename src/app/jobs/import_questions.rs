//! What a CSV import asks the person at the window before it can run: which text encoding,
//! when the detector is unsure, and which label each value in organizers' own words means.
//! The answers go back into the import job ([`ImportAnswers`]) and it runs again.

use std::path::{Path, PathBuf};

use super::CsvKind;
use crate::model::LabelMapping;
use crate::store::csv_import::labels::UnknownValue;

/// Answers to an import's questions, given to the next run of the same import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportAnswers {
    /// The encoding to read the file in (a WHATWG label such as `gb18030`), instead of
    /// detecting it.
    pub encoding: Option<String>,
    /// Mappings to use and keep in the fair (`Fair::label_mappings`).
    pub mappings: Vec<LabelMapping>,
    /// The user has seen the unknown values: ones still unknown are bad rows, not asked again.
    pub labels_answered: bool,
}

/// One encoding the file could be in, with how a line of it reads that way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingChoice {
    /// The encoding's name (`GBK`, `UTF-8`, `windows-1252`).
    pub name: String,
    pub preview: String,
}

/// A question an import asks before it runs again.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportQuestion {
    /// The detector could not tell the encoding: pick one of `choices` (the likelier first).
    Encoding {
        kind: CsvKind,
        path: PathBuf,
        answers: ImportAnswers,
        choices: Vec<EncodingChoice>,
    },
    /// Values no label matches: map each (or leave it, and its rows stay bad).
    Labels {
        kind: CsvKind,
        path: PathBuf,
        answers: ImportAnswers,
        unknown: Vec<UnknownValue>,
    },
}

/// The encodings to offer for a file the detector read as `guess` or `other`: those two, then
/// the usual ones of Chinese and Western spreadsheets; each with the file's first line that is
/// not plain ASCII, read that way.
pub(super) fn encoding_choices(
    path: &Path,
    guess: &'static encoding_rs::Encoding,
    other: &'static encoding_rs::Encoding,
) -> Vec<EncodingChoice> {
    let bytes = crate::store::read_file_capped(path, crate::store::DEFAULT_SIZE_CAP).unwrap_or_default();
    let line = bytes
        .split(|&b| b == b'\n')
        .find(|line| !line.is_ascii())
        .unwrap_or_default();
    let line = &line[..line.len().min(160)];
    let mut encodings = vec![
        guess,
        other,
        encoding_rs::GB18030,
        encoding_rs::UTF_8,
        encoding_rs::WINDOWS_1252,
        encoding_rs::BIG5,
    ];
    let mut seen = Vec::new();
    encodings.retain(|e| {
        let fresh = !seen.contains(e);
        seen.push(*e);
        fresh
    });
    encodings
        .into_iter()
        .map(|encoding| {
            let (text, _) = encoding.decode_without_bom_handling(line);
            EncodingChoice {
                name: encoding.name().to_owned(),
                preview: text.trim_end().to_owned(),
            }
        })
        .collect()
}

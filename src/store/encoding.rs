//! Text decoding for spreadsheets: a byte-order mark wins (UTF-8, UTF-16), then valid UTF-8,
//! then a detected legacy encoding: GB18030/GBK (the default of Chinese Excel), Windows-1252
//! (Western Excel), Big5, Shift_JIS and others.
//!
//! Bytes that merely *can* be decoded as GB18030 are not taken to be GB18030: almost any
//! Windows-1252 text is valid GBK too (`Jürgen` becomes `J黵gen`). The detector (`chardetng`,
//! the one Firefox uses) weighs how plausible the decoded text is. It gives no confidence
//! figure, so it is asked twice: once neutrally and once expecting Chinese. When both
//! answers agree the guess is [`Confidence::Sure`]; when they differ the caller gets
//! [`Confidence::Unsure`] with both candidates, and the command line asks for `--encoding`
//! (the window can ask the organizer).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};

/// How sure the detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// A byte-order mark, valid UTF-8, a forced encoding, or a detection whose two readings
    /// agree.
    Sure,
    /// The detector's neutral and Chinese-leaning readings differ; `other` is the second one.
    Unsure { other: &'static Encoding },
}

/// Decoded text and how it was read.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub confidence: Confidence,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid in `encoding`; `line` (1-based) holds the first bad byte at `offset`.
    Invalid {
        encoding: &'static str,
        offset: usize,
        line: usize,
        hint: &'static str,
    },
    /// The detector could not decide between two encodings.
    Unsure {
        guess: &'static Encoding,
        other: &'static Encoding,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Invalid {
                encoding,
                offset,
                line,
                hint,
            } => write!(f, "line {line}: not valid {encoding} (byte offset {offset}){hint}"),
            DecodeError::Unsure { guess, other } => write!(
                f,
                "the text encoding is unclear: it reads as {} or as {}; pass --encoding {} or --encoding {} \
                 (or save the sheet as UTF-8 CSV)",
                guess.name(),
                other.name(),
                guess.name(),
                other.name()
            ),
        }
    }
}

/// Finds an encoding by a label such as `utf-8`, `gbk`, `gb18030`, `windows-1252`, `latin1`,
/// `big5` or `shift_jis` (WHATWG labels, any case).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes spreadsheet bytes, detecting the encoding (see the module documentation).
/// An unsure detection is an error; use [`decode_detect`] to see the guess instead.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), String> {
    match decode_detect(bytes, None) {
        Ok(Decoded {
            confidence: Confidence::Unsure { other },
            encoding,
            ..
        }) => Err(DecodeError::Unsure { guess: encoding, other }.to_string()),
        Ok(decoded) => Ok((decoded.text, decoded.encoding.name())),
        Err(e) => Err(e.to_string()),
    }
}

/// Decodes `bytes` as `forced` when given, else detects the encoding. An unsure detection is
/// returned as `Ok` with [`Confidence::Unsure`], so a caller can ask the person.
pub fn decode_detect(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes)
        && forced.is_none_or(|f| f == encoding)
    {
        let text = decode_strict(&bytes[bom_len..], encoding, bom_len)?;
        return Ok(Decoded {
            text,
            encoding,
            confidence: Confidence::Sure,
        });
    }
    if let Some(encoding) = forced {
        let encoding = if encoding == GBK { GB18030 } else { encoding };
        let text = decode_strict(bytes, encoding, 0)?;
        return Ok(Decoded {
            text,
            encoding,
            confidence: Confidence::Sure,
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            confidence: Confidence::Sure,
        });
    }
    let neutral = detect(bytes, None);
    let chinese = detect(bytes, Some(b"cn"));
    let decoded_neutral = decode_strict(bytes, neutral, 0);
    if neutral == chinese {
        return decoded_neutral.map(|text| Decoded {
            text,
            encoding: neutral,
            confidence: Confidence::Sure,
        });
    }
    // The readings differ. One that does not even decode is out.
    let decoded_chinese = decode_strict(bytes, chinese, 0);
    match (decoded_neutral, decoded_chinese) {
        (Ok(text), Ok(_)) => Ok(Decoded {
            text,
            encoding: neutral,
            confidence: Confidence::Unsure { other: chinese },
        }),
        (Ok(text), Err(_)) => Ok(Decoded {
            text,
            encoding: neutral,
            confidence: Confidence::Sure,
        }),
        (Err(_), Ok(text)) => Ok(Decoded {
            text,
            encoding: chinese,
            confidence: Confidence::Sure,
        }),
        (Err(e), Err(_)) => Err(e),
    }
}

/// The detector's guess; GBK becomes GB18030, its superset, which decodes every GBK file.
fn detect(bytes: &[u8], tld: Option<&[u8]>) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(tld, Utf8Detection::Allow);
    if guess == GBK { GB18030 } else { guess }
}

/// Decodes all of `bytes` without replacement; `base` is added to offsets in messages (a BOM).
fn decode_strict(bytes: &[u8], encoding: &'static Encoding, base: usize) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, _) => {
            let offset = read.saturating_sub(usize::from(bad));
            Err(DecodeError::Invalid {
                encoding: encoding.name(),
                offset: base + offset,
                line: line_of(bytes, offset, encoding),
                hint: if encoding == UTF_8 {
                    "; save the sheet as UTF-8 CSV or pass --encoding"
                } else {
                    "; pass the right --encoding or save the sheet as UTF-8 CSV"
                },
            })
        }
        // The buffer was sized for the whole input; treat the impossible as a bad byte at the end.
        DecoderResult::OutputFull => Err(DecodeError::Invalid {
            encoding: encoding.name(),
            offset: base + read,
            line: line_of(bytes, read, encoding),
            hint: "",
        }),
    }
}

/// 1-based line holding byte `offset`: newlines before it, counted in the text's own units.
fn line_of(bytes: &[u8], offset: usize, encoding: &'static Encoding) -> usize {
    let prefix = &bytes[..offset.min(bytes.len())];
    let newlines = if encoding == encoding_rs::UTF_16LE {
        prefix.chunks_exact(2).filter(|unit| unit == b"\n\0").count()
    } else if encoding == encoding_rs::UTF_16BE {
        prefix.chunks_exact(2).filter(|unit| unit == b"\0\n").count()
    } else {
        memchr::memchr_iter(b'\n', prefix).count()
    };
    newlines + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    #[test]
    fn detects_utf8_bom_and_gb18030() {
        assert_eq!(decode_text("姓名".as_bytes()).unwrap(), ("姓名".to_owned(), "UTF-8"));
        assert_eq!(decode_text(b"\xEF\xBB\xBFid").unwrap(), ("id".to_owned(), "UTF-8"));
        let (gbk, _, _) = GB18030.encode("姓名,手机,学历\n张伟,13800138000,本科\n李娜,13900139000,硕士\n");
        let decoded = decode_detect(&gbk, None).unwrap();
        assert_eq!(decoded.encoding, GB18030);
        assert_eq!(decoded.confidence, Confidence::Sure);
        let error = decode_text(b"\xEF\xBB\xBF\xFF").unwrap_err();
        assert!(error.contains("offset 3") && error.contains("line 1"), "{error}");
    }

    #[test]
    fn windows_1252_is_not_read_as_gb18030() {
        let (latin, _, _) =
            WINDOWS_1252.encode("name,school\nJürgen Müller,Universität Köln\nRenée Dubois,Université\n");
        let decoded = decode_detect(&latin, None).unwrap();
        assert_eq!(decoded.encoding, WINDOWS_1252, "{:?}", decoded.confidence);
        assert!(decoded.text.contains("Jürgen Müller"));
    }

    #[test]
    fn a_forced_encoding_wins() {
        let (latin, _, _) = WINDOWS_1252.encode("name\nJürgen\n");
        let decoded = decode_detect(&latin, encoding_for_label("latin1")).unwrap();
        assert_eq!(decoded.text, "name\nJürgen\n");
        let forced_gbk = decode_detect(&latin, encoding_for_label("gbk")).unwrap();
        assert_eq!(forced_gbk.encoding, GB18030);
    }

    #[test]
    fn a_bad_byte_is_reported_with_its_line() {
        let error = decode_detect(b"id,name\n1,a\n2,\xFF\xFE\xFD\n", Some(UTF_8)).unwrap_err();
        assert!(
            matches!(
                error,
                DecodeError::Invalid {
                    line: 3,
                    offset: 14,
                    ..
                }
            ),
            "{error:?}"
        );
    }
}

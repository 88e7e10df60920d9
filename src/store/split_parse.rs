//! Parses a large fair on all cores: the big top-level lists (candidates, positions, visits,
//! events) are cut into chunks at element boundaries and each chunk is parsed on its own, while
//! the rest of the file (with those lists emptied) is parsed as the skeleton.
//!
//! This is only a fast path. Whenever anything is unusual (a ron extension header, a scanning
//! surprise, any parse error in any piece) it answers `None` and the caller parses the whole
//! text the ordinary way, so error messages always carry the file's real line and column.

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::model::Fair;

/// Files smaller than this are parsed in one piece: splitting would not pay for itself.
pub const MIN_SPLIT_BYTES: usize = 4 << 20;

/// Aim for pieces of about this many bytes, so both cores stay busy to the end.
const TARGET_CHUNK_BYTES: usize = 1 << 20;

/// Top-level fields whose list values are split. Booths are few and stay in the skeleton.
const SPLIT_FIELDS: [&str; 4] = ["candidates", "positions", "visits", "events"];

/// One top-level list found in the text: the field, the byte range between its brackets and
/// the offsets just after each element-separating comma.
#[derive(Debug)]
struct ListSpan<'a> {
    field: &'a str,
    inner: std::ops::Range<usize>,
    separators: Vec<usize>,
}

/// Parses `text` in pieces; `None` means "use the ordinary parse".
pub fn parse_fair(text: &str, options: &ron::Options) -> Option<Fair> {
    parse_fair_in_chunks(text, options, TARGET_CHUNK_BYTES)
}

/// [`parse_fair`] with pieces of about `chunk_bytes`; tests use tiny pieces to cut everywhere.
pub(crate) fn parse_fair_in_chunks(text: &str, options: &ron::Options, chunk_bytes: usize) -> Option<Fair> {
    let lists = find_lists(text.as_bytes())?;
    if lists.is_empty() {
        return None;
    }
    let mut skeleton = String::with_capacity(4096);
    let mut copied = 0;
    for list in &lists {
        skeleton.push_str(&text[copied..list.inner.start]);
        copied = list.inner.end;
    }
    skeleton.push_str(&text[copied..]);

    let mut fair: Fair = options.from_str(&skeleton).ok()?;
    for list in &lists {
        match list.field {
            "candidates" => fair.candidates = parse_list(text, list, options, chunk_bytes)?,
            "positions" => fair.positions = parse_list(text, list, options, chunk_bytes)?,
            "visits" => fair.visits = parse_list(text, list, options, chunk_bytes)?,
            "events" => fair.events = parse_list(text, list, options, chunk_bytes)?,
            _ => return None,
        }
    }
    Some(fair)
}

/// Parses one list's elements chunk by chunk, in parallel, keeping their order.
fn parse_list<T: DeserializeOwned + Send>(
    text: &str,
    list: &ListSpan,
    options: &ron::Options,
    chunk_bytes: usize,
) -> Option<Vec<T>> {
    let chunks = chunk_ranges(list, chunk_bytes);
    let parts: Vec<Option<Vec<T>>> = chunks
        .par_iter()
        .map(|range| {
            let body = &text[range.clone()];
            let mut piece = String::with_capacity(body.len() + 2);
            piece.push('[');
            piece.push_str(body);
            piece.push(']');
            options.from_str::<Vec<T>>(&piece).ok()
        })
        .collect();
    let mut all = Vec::with_capacity(list.separators.len() + 1);
    for part in parts {
        all.extend(part?);
    }
    Some(all)
}

/// Cuts a list's inner range into pieces of about `chunk_bytes`, at separators only.
fn chunk_ranges(list: &ListSpan, chunk_bytes: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = list.inner.start;
    for &cut in &list.separators {
        if cut - start >= chunk_bytes {
            ranges.push(start..cut);
            start = cut;
        }
    }
    ranges.push(start..list.inner.end);
    ranges
}

/// Walks the top-level struct and records the lists of [`SPLIT_FIELDS`]. `None` when the text
/// is not shaped as expected (the ordinary parse then reports what is wrong).
fn find_lists(bytes: &[u8]) -> Option<Vec<ListSpan<'_>>> {
    let mut scan = Scanner { bytes, at: 0 };
    scan.skip_trivia()?;
    if scan.peek()? == b'#' {
        // `#![enable(...)]` changes how the whole file parses; pieces would not see it.
        return None;
    }
    scan.skip_identifier();
    scan.skip_trivia()?;
    scan.expect(b'(')?;
    let mut lists = Vec::new();
    loop {
        scan.skip_trivia()?;
        if scan.peek()? == b')' {
            break;
        }
        let name_start = scan.at;
        scan.skip_identifier();
        let name = std::str::from_utf8(&bytes[name_start..scan.at]).ok()?;
        if name.is_empty() {
            return None;
        }
        scan.skip_trivia()?;
        scan.expect(b':')?;
        scan.skip_trivia()?;
        match SPLIT_FIELDS.iter().find(|field| **field == name) {
            Some(field) if scan.peek()? == b'[' => lists.push(scan.list(field)?),
            _ => scan.skip_value()?,
        }
        scan.skip_trivia()?;
        match scan.peek()? {
            b',' => scan.at += 1,
            b')' => break,
            _ => return None,
        }
    }
    Some(lists)
}

/// A byte cursor that knows RON's strings, raw strings, chars and (nested) comments, so
/// brackets and commas inside them are never taken for structure.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn skip_identifier(&mut self) {
        while self.peek().is_some_and(is_identifier_byte) {
            self.at += 1;
        }
    }

    /// Skips whitespace and comments; `None` on an unterminated comment.
    fn skip_trivia(&mut self) -> Option<()> {
        loop {
            match (self.peek(), self.bytes.get(self.at + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => self.skip_block_comment()?,
                _ => return Some(()),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match (self.peek()?, self.bytes.get(self.at + 1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.at += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.at += 2;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    /// Skips a quoted string or char starting at the quote, honouring backslash escapes.
    fn skip_quoted(&mut self, quote: u8) -> Option<()> {
        self.at += 1;
        loop {
            self.at += memchr::memchr2(quote, b'\\', self.bytes.get(self.at..)?)?;
            if self.bytes[self.at] == b'\\' {
                self.at += 2;
            } else {
                self.at += 1;
                return Some(());
            }
        }
    }

    /// At `r`: skips `r"..."`, `r#"..."#`, ... when it is one; otherwise leaves the cursor.
    fn skip_raw_string(&mut self) -> Option<bool> {
        let mut hashes = 0;
        let mut probe = self.at + 1;
        while self.bytes.get(probe) == Some(&b'#') {
            hashes += 1;
            probe += 1;
        }
        if self.bytes.get(probe) != Some(&b'"') {
            return Some(false);
        }
        self.at = probe + 1;
        loop {
            self.at += memchr::memchr(b'"', self.bytes.get(self.at..)?)?;
            let closes = self
                .bytes
                .get(self.at + 1..self.at + 1 + hashes)
                .is_some_and(|tail| tail.iter().all(|&b| b == b'#'));
            if self.peek()? == b'"' && closes {
                self.at += 1 + hashes;
                return Some(true);
            }
            self.at += 1;
        }
    }

    /// Skips one token that could hide structure (string, char, comment, identifier) or one
    /// plain byte; returns the structural byte it stepped over, if any.
    fn step(&mut self) -> Option<Option<u8>> {
        // Most bytes are plain: skip them without looking further.
        while self.peek().is_some_and(|b| PLAIN[usize::from(b)]) {
            self.at += 1;
        }
        let byte = self.peek()?;
        match byte {
            b'"' | b'\'' => self.skip_quoted(byte)?,
            b'/' if matches!(self.bytes.get(self.at + 1), Some(b'/' | b'*')) => self.skip_trivia()?,
            b'r' | b'b' if self.at == 0 || !is_identifier_byte(self.bytes[self.at - 1]) => {
                // `b"..."`, `b'.'`, `br"..."`, `r"..."`, `r#"..."#`, or just an identifier.
                let start = self.at;
                if byte == b'b' {
                    self.at += 1;
                }
                match self.peek() {
                    Some(quote @ (b'"' | b'\'')) if byte == b'b' => self.skip_quoted(quote)?,
                    Some(b'r') if self.skip_raw_string()? => {}
                    _ => {
                        self.at = start;
                        self.skip_identifier();
                    }
                }
            }
            b'(' | b'[' | b'{' | b')' | b']' | b'}' | b',' => {
                self.at += 1;
                return Some(Some(byte));
            }
            _ => self.at += 1,
        }
        Some(None)
    }

    /// Skips one value up to (not including) the `,` or `)` that ends it at this level.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.step()? {
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b')' | b']' | b'}' | b',') if depth == 0 => {
                    self.at -= 1;
                    return Some(());
                }
                Some(b')' | b']' | b'}') => depth -= 1,
                _ => {}
            }
        }
    }

    /// At `[`: records the list's inner range and its top-level separators, ending after `]`.
    fn list(&mut self, field: &'a str) -> Option<ListSpan<'a>> {
        self.at += 1;
        let start = self.at;
        let mut separators = Vec::new();
        let mut depth = 0usize;
        loop {
            match self.step()? {
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b']') if depth == 0 => {
                    return Some(ListSpan {
                        field,
                        inner: start..self.at - 1,
                        separators,
                    });
                }
                Some(b')' | b']' | b'}') => depth = depth.checked_sub(1)?,
                Some(b',') if depth == 0 => separators.push(self.at),
                _ => {}
            }
        }
    }
}

/// Bytes that cannot start a string, char, comment or bracket, nor end a list element.
const PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let special = b"\"'/()[]{},rb";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = false;
        i += 1;
    }
    table
};

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::store::{fair_to_string, ron_options};

    /// The sample fair cut down, so every test parses in milliseconds.
    fn small_fair() -> Fair {
        let mut fair = crate::generate::sample_fair();
        fair.candidates.truncate(60);
        fair.positions.truncate(25);
        fair.visits.truncate(20);
        fair.events.truncate(20);
        fair
    }

    fn whole(text: &str) -> Option<Fair> {
        ron_options().from_str::<Fair>(text).ok()
    }

    #[test]
    fn pieces_give_the_same_fair_as_one_parse() {
        let fair = small_fair();
        let text = fair_to_string(&fair).unwrap();
        for chunk_bytes in [1, 700, 1 << 20] {
            assert_eq!(
                parse_fair_in_chunks(&text, &ron_options(), chunk_bytes).as_ref(),
                Some(&fair)
            );
        }
    }

    #[test]
    fn comments_raw_strings_and_chars_do_not_cut_lists() {
        let mut fair = small_fair();
        fair.candidates[3].name = "q\"],)x".to_owned();
        let text = fair_to_string(&fair).unwrap();
        // The writer uses a raw string here; a hand-edited file may escape the quote instead.
        assert!(text.contains("r#\"q\"],)x\"#"));
        let noisy = text
            .replacen("r#\"q\"],)x\"#", "\"q\\\"],)x\"", 1)
            .replacen("candidates: [", "candidates: /* ] ) , /* nested ] */ */ [ // ], (\n", 1)
            .replacen("positions: [", "// candidates: [\n  positions: [", 1);
        assert_eq!(
            whole(&noisy).as_ref(),
            Some(&fair),
            "the noisy text is still the same fair"
        );
        assert_eq!(parse_fair_in_chunks(&noisy, &ron_options(), 1).as_ref(), Some(&fair));
    }

    #[test]
    fn extension_headers_and_other_shapes_take_the_ordinary_parse() {
        let text = fair_to_string(&small_fair()).unwrap();
        assert!(parse_fair_in_chunks(&format!("#![enable(implicit_some)]\n{text}"), &ron_options(), 1).is_none());
        assert!(parse_fair_in_chunks("[1, 2, 3]", &ron_options(), 1).is_none());
        assert!(parse_fair_in_chunks("", &ron_options(), 1).is_none());
    }

    #[test]
    fn a_cut_file_is_never_read_differently_from_one_parse() {
        let text = fair_to_string(&small_fair()).unwrap();
        let mut step = 0;
        while step < text.len() {
            if text.is_char_boundary(step) {
                let cut = &text[..step];
                let pieces = parse_fair_in_chunks(cut, &ron_options(), 1);
                assert!(pieces.is_none() || pieces == whole(cut), "cut at byte {step}");
            }
            step += 37;
        }
    }

    fn hostile_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("\"".to_owned()),
                Just("\\".to_owned()),
                Just("]".to_owned()),
                Just(")".to_owned()),
                Just(",".to_owned()),
                Just("//".to_owned()),
                Just("/*".to_owned()),
                Just("*/".to_owned()),
                Just("r#\"".to_owned()),
                Just("\"#".to_owned()),
                Just("'".to_owned()),
                Just("\n".to_owned()),
                Just("张伟".to_owned()),
                "[a-z ]{0,4}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_in_fields_parses_the_same_in_pieces(
            names in proptest::collection::vec(hostile_text(), 1..6),
            title in hostile_text(),
        ) {
            let mut fair = small_fair();
            for (candidate, name) in fair.candidates.iter_mut().zip(&names) {
                candidate.name = name.clone();
                candidate.skills.push(name.clone());
            }
            fair.positions[0].title = title;
            let text = fair_to_string(&fair).unwrap();
            prop_assert_eq!(whole(&text), Some(fair.clone()));
            prop_assert_eq!(parse_fair_in_chunks(&text, &ron_options(), 1), Some(fair));
        }
    }
}

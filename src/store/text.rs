//! Text decoding for spreadsheets: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
//! "Unicode text"), and GB18030/GBK, the default of Chinese Excel.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decodes spreadsheet bytes, detecting the encoding. Returns the text and the encoding's
/// name, or a message saying why the bytes are neither UTF-8 nor GB18030.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => Ok((text.into_owned(), encoding.name())),
            None if encoding == UTF_8 => Err(format!(
                "starts with a UTF-8 byte-order mark but has invalid UTF-8 at byte offset {}",
                bom_len + utf8_error_offset(body)
            )),
            None => Err(format!(
                "starts with a {} byte-order mark but is not valid {0}",
                encoding.name()
            )),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), UTF_8.name())),
        Err(utf8_error) => match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => Ok((text.into_owned(), GB18030.name())),
            None => Err(format!(
                "is neither UTF-8 (invalid byte at offset {}) nor GB18030/GBK; save it as UTF-8 CSV",
                utf8_error.valid_up_to()
            )),
        },
    }
}

fn utf8_error_offset(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_utf8_bom_and_gb18030() {
        assert_eq!(decode_text("姓名".as_bytes()).unwrap(), ("姓名".to_owned(), "UTF-8"));
        assert_eq!(decode_text(b"\xEF\xBB\xBFid").unwrap(), ("id".to_owned(), "UTF-8"));
        let (gbk, _, _) = GB18030.encode("姓名,手机");
        assert_eq!(decode_text(&gbk).unwrap(), ("姓名,手机".to_owned(), "gb18030"));
        assert!(decode_text(b"\xEF\xBB\xBF\xFF").unwrap_err().contains("offset 3"));
    }
}

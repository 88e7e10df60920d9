//! Text normalization and comparison keys, in one place for every layer.
//!
//! People type the same thing many ways: full-width digits and letters from a Chinese IME
//! (`１３８…`, `ｍａｃｈｉｎｅ`), `+86` before a phone number, mixed case in emails, a name in
//! characters or in pinyin. The model (labels, skills), the importer (duplicate checks) and
//! the desks (lookups, possible duplicates) all compare through the keys below, so a phone
//! number that is a duplicate at import is also found at the desk, and the other way round.
//!
//! Depends on nothing else in the crate.

use pinyin::ToPinyin;

/// Folds a full-width ASCII form (as typed with a Chinese IME) to its half-width form;
/// the ideographic space becomes a plain space.
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// `text` with every full-width ASCII form folded (see [`halfwidth`]).
pub fn fold_width(text: &str) -> String {
    text.chars().map(halfwidth).collect()
}

/// Comparison key for labels, headers, names and badge codes: full-width folded, lowercase,
/// without spaces, `-`, `_` or apostrophes.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Comparison form of free text such as skills and search terms: full-width folded,
/// lowercase, separators (`-`, `_`, `·`, runs of spaces) collapsed to one space, trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().map(halfwidth) {
        if c.is_whitespace() || matches!(c, '-' | '_' | '·' | '・') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Splits a list cell on the separators people use: `;` `；` `,` `，` `、` `|`.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([';', '；', ',', '，', '、', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The digits of a phone number, full-width digits included, ignoring `+`, spaces, dashes
/// and brackets: `＋86 138-0013-8000` gives `8613800138000`.
pub fn phone_digits(phone: &str) -> String {
    phone.chars().map(halfwidth).filter(char::is_ascii_digit).collect()
}

/// A mainland number without its `86`/`0086` country code, so `+86 138…` equals `138…`.
/// Anything that is not a country code followed by 11 digits is returned as it is.
pub fn national(digits: &str) -> &str {
    ["0086", "86"]
        .iter()
        .find_map(|code| digits.strip_prefix(code).filter(|rest| rest.len() == 11))
        .unwrap_or(digits)
}

/// The key two phone numbers of one person share: their national digits; `None` when the
/// text has no digit at all.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits = phone_digits(phone);
    let key = national(&digits).to_owned();
    (!key.is_empty()).then_some(key)
}

/// Comparison key for emails: full-width folded, trimmed, lowercased ("" when empty).
pub fn email_key(email: &str) -> String {
    fold_width(email).trim().to_lowercase()
}

/// Whether `c` has a pinyin reading (a Chinese character).
pub fn is_han(c: char) -> bool {
    c.to_pinyin().is_some()
}

/// Full pinyin (`zhangwei`) and initials (`zw`) of a name with Chinese characters, so a
/// recruiter can type either. Latin words and digits (full-width ones folded) are kept
/// whole in the full form and give their first character to the initials: `李Lei` gives
/// `lilei` and `ll`, `王 Anna 丽` gives `wanganna li` without spaces (`wangannali`) and
/// `wal`. `None` when the name has no Chinese character.
pub fn pinyin_keys(name: &str) -> Option<(String, String)> {
    let mut full = String::new();
    let mut initials = String::new();
    let mut any_chinese = false;
    let mut in_latin_word = false;
    for c in name.chars().map(halfwidth) {
        if let Some(reading) = c.to_pinyin() {
            any_chinese = true;
            in_latin_word = false;
            full.push_str(reading.plain());
            initials.push_str(reading.first_letter());
        } else if c.is_alphanumeric() {
            let mut lower = c.to_lowercase();
            if in_latin_word {
                full.extend(lower);
            } else if let Some(first) = lower.next() {
                full.push(first);
                initials.push(first);
                full.extend(lower);
            }
            in_latin_word = true;
        } else {
            in_latin_word = false;
        }
    }
    any_chinese.then_some((full, initials))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halfwidth_folds_ime_forms() {
        assert_eq!(fold_width("１３８　ＡＢｃ＠ｘ．ｃｎ"), "138 ABc@x.cn");
        assert_eq!(halfwidth('中'), '中');
    }

    #[test]
    fn fold_drops_case_width_and_separators() {
        assert_eq!(fold(" On-Site "), "onsite");
        assert_eq!(fold("ＯＮ＿ｓｉｔｅ"), "onsite");
        assert_eq!(fold("海 归"), "海归");
    }

    #[test]
    fn normalize_folds_width_case_and_separators() {
        assert_eq!(normalize("  Machine-Learning "), "machine learning");
        assert_eq!(normalize("ｍａｃｈｉｎｅ＿ｌｅａｒｎｉｎｇ"), "machine learning");
        assert_eq!(normalize("C++"), "c++");
        assert_eq!(normalize("机器　学习"), "机器 学习");
    }

    #[test]
    fn split_list_accepts_chinese_and_ascii_separators() {
        assert_eq!(
            split_list("Python；机器学习、 SQL |Go,,"),
            vec!["Python", "机器学习", "SQL", "Go"]
        );
    }

    #[test]
    fn phone_keys_fold_full_width_digits_and_country_codes() {
        assert_eq!(phone_digits("+86 138-0013-8000"), "8613800138000");
        assert_eq!(phone_digits("１３８００１３８０００"), "13800138000");
        let key = phone_key("13800138000");
        assert_eq!(key.as_deref(), Some("13800138000"));
        for same in [
            "+86 138 0013 8000",
            "0086-13800138000",
            "＋８６　１３８００１３８０００",
            "(138)0013-8000",
        ] {
            assert_eq!(phone_key(same), key, "{same}");
        }
        // Only a country code before 11 digits is dropped.
        assert_eq!(phone_key("8612345"), Some("8612345".into()));
        assert_eq!(phone_key("n/a"), None);
    }

    #[test]
    fn email_keys_fold_width_and_case() {
        assert_eq!(email_key(" Li.Na@Example.CN "), "li.na@example.cn");
        assert_eq!(email_key("ｌｉ＠ｘ．ｃｎ"), "li@x.cn");
        assert_eq!(email_key("  "), "");
    }

    #[test]
    fn pinyin_keys_of_chinese_latin_and_mixed_names() {
        assert_eq!(pinyin_keys("张伟"), Some(("zhangwei".into(), "zw".into())));
        assert_eq!(pinyin_keys("李Lei"), Some(("lilei".into(), "ll".into())));
        assert_eq!(pinyin_keys("李Ｌｅｉ"), Some(("lilei".into(), "ll".into())));
        assert_eq!(pinyin_keys("王 Anna 丽"), Some(("wangannali".into(), "wal".into())));
        assert_eq!(pinyin_keys("欧阳·娜娜"), Some(("ouyangnana".into(), "oynn".into())));
        assert_eq!(pinyin_keys("Anna Smith"), None);
        assert_eq!(pinyin_keys(""), None);
    }
}

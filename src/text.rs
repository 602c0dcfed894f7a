//! How values become text: points without trailing zeros, signed changes, and text from the
//! user's files made safe for the place it goes: a spreadsheet that would run it as a formula, or
//! a terminal that would obey its control characters.

use std::borrow::Cow;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Reduces a label to lowercase ASCII letters and digits: "Điểm tự đánh giá:" → "diemtudanhgia".
pub fn fold(text: &str) -> String {
    fold_at_most(text, usize::MAX).unwrap_or_default()
}

/// [`fold`], or `None` as soon as the folded text grows past `limit` characters: no label is that
/// long, and forms hold paragraphs (guides, criterion names) whose decomposition would cost more
/// than reading the whole table.
pub fn fold_at_most(text: &str, limit: usize) -> Option<String> {
    let mut folded = String::new();
    let mut count = 0;
    let mut push = |c: char| {
        let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
        for lower in c.to_lowercase().filter(|c| c.is_alphanumeric()) {
            count += 1;
            folded.push(lower);
        }
        count <= limit
    };
    // Each character decomposed on its own: the marks are dropped, so the canonical reordering
    // a whole-string NFD would do cannot change the result, and it costs most of the time.
    // ASCII is its own decomposition.
    let mut within = true;
    for c in text.chars() {
        if c.is_ascii() {
            within = push(c);
        } else {
            decompose_canonical(c, |d| {
                if within && !is_combining_mark(d) {
                    within = push(d);
                }
            });
        }
        if !within {
            return None;
        }
    }
    Some(folded)
}

/// Points as entered, without trailing zeros: 8.50 → "8.5".
pub fn points(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A whole count with its thousands grouped as the interface language writes them: "3.517" in
/// Vietnamese, "3,517" in English; other numbers as [`points`].
pub fn count(value: Decimal) -> String {
    let value = value.normalize();
    if !value.fract().is_zero() || value.is_sign_negative() {
        return points(value);
    }
    let digits = value.to_string();
    let separator = match crate::i18n::lang() {
        crate::i18n::Lang::Vi => '.',
        crate::i18n::Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A change in percentage points with its sign: "+7.67", "-1.25", "0.00".
pub fn signed(delta: Decimal) -> String {
    if delta > Decimal::ZERO {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

/// First characters that make a spreadsheet run a cell's text as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralises text that a spreadsheet would run as a formula (= + - @, tab, carriage return)
/// by prefixing an apostrophe.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undoes [`spreadsheet_safe`]: "'=x" was written for "=x".
pub fn spreadsheet_unsafe(text: &str) -> Cow<'_, str> {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => Cow::Borrowed(rest),
        _ => Cow::Borrowed(text),
    }
}

/// The key a unit code is compared by: trimmed, NFC and upper-case, so "ks99", " KS99" and "KS99"
/// are one unit everywhere (duplicates, comparisons, mappings). The code is shown as typed.
pub fn unit_key(code: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    code.trim().nfc().flat_map(char::to_uppercase).collect()
}

/// Characters a terminal would act on rather than show: C0 controls (but tab and newline), DEL,
/// C1 controls (which include the 8-bit escape), and the bidirectional controls that can make
/// text read differently from what it is ("Trojan Source").
fn is_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from a file (cell text, a file or sheet name) as it may be shown on a terminal: every
/// control character written as a visible escape such as `\u{1b}`. Tabs and line breaks are
/// kept, for multi-line text such as a table.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    escape_where(text, is_control)
}

/// [`terminal_safe`] for text meant to be one line (a message): line breaks are escaped too, so a
/// cell cannot forge a line of its own.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_control(c) || matches!(c, '\n' | '\r'))
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {

    /// The per-character fold gives what a whole-string NFD gives, marks in any order included.
    #[test]
    fn folding_per_character_matches_a_whole_string_decomposition() {
        use unicode_normalization::UnicodeNormalization;
        let reference = |text: &str| -> String {
            text.nfd()
                .filter(|c| !is_combining_mark(*c))
                .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric())
                .collect()
        };
        for text in [
            "Điểm tự đánh giá",
            "ĐIỂM THẨM ĐỊNH:",
            "Mã tiêu chí",
            "a\u{0323}\u{0302}b\u{0302}\u{0323}",
            "Tổng  cộng (*)",
            "한국어 Ωμέγα ﬁ",
            "",
        ] {
            assert_eq!(fold(text), reference(text), "{text:?}");
        }
    }
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn formula_like_text_is_neutralised_and_restored() {
        for (text, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+84", "'+84"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Xã An Mỹ", "Xã An Mỹ"),
        ] {
            assert_eq!(spreadsheet_safe(text), safe);
            assert_eq!(spreadsheet_unsafe(safe), text);
        }
        assert_eq!(spreadsheet_unsafe("'quoted"), "'quoted");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            terminal_safe("Xã \u{1b}[31mĐỏ\u{7}"),
            "Xã \\u{1b}[31mĐỏ\\u{7}"
        );
        assert_eq!(terminal_safe("a\u{9b}b\u{202e}c"), "a\\u{9b}b\\u{202e}c");
        assert_eq!(terminal_safe("hai\ndòng\tcột"), "hai\ndòng\tcột");
        assert_eq!(terminal_line("hai\r\ndòng"), "hai\\u{d}\\u{a}dòng");
        assert!(matches!(terminal_safe("Xã An Mỹ"), Cow::Borrowed(_)));
    }

    #[test]
    fn unit_codes_compare_by_case_space_and_normal_form() {
        assert_eq!(unit_key(" ks99 "), unit_key("KS99"));
        assert_eq!(unit_key("Xã\u{0300}"), unit_key("XÃ\u{0300}"));
        assert_eq!(unit_key("đk01"), "ĐK01");
        assert_ne!(unit_key("KS9"), unit_key("KS99"));
    }

    #[test]
    fn points_and_changes_print_as_officials_read_them() {
        assert_eq!(points(dec!(8.50)), "8.5");
        assert_eq!(signed(dec!(7.67)), "+7.67");
        assert_eq!(signed(dec!(-1.25)), "-1.25");
        assert_eq!(signed(dec!(0.00)), "0.00");
    }
}

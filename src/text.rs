//! How values become text: points without trailing zeros, signed changes, and cell text made safe
//! for the place it goes (a spreadsheet that would run it as a formula).

use std::borrow::Cow;

use rust_decimal::Decimal;

/// Points as entered, without trailing zeros: 8.50 → "8.5".
pub fn points(value: Decimal) -> String {
    value.normalize().to_string()
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

#[cfg(test)]
mod tests {
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
    fn points_and_changes_print_as_officials_read_them() {
        assert_eq!(points(dec!(8.50)), "8.5");
        assert_eq!(signed(dec!(7.67)), "+7.67");
        assert_eq!(signed(dec!(-1.25)), "-1.25");
        assert_eq!(signed(dec!(0.00)), "0.00");
    }
}

//! Turning spreadsheet cells into codes, numbers and scores, exactly.

use std::str::FromStr;

use calamine::Data;
use rust_decimal::Decimal;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::labels;

/// A score cell's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    Empty,
    NotApplicable,
    Points(Decimal),
}

/// Trims ASCII and Unicode spaces (including the non-breaking space forms love) and applies NFC.
pub fn clean_text(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // Most text is already NFC; the quick check spares rebuilding it char by char.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// Converts a number read from a spreadsheet into a decimal the way the spreadsheet shows it:
/// rounded to 15 significant digits (Excel's precision), so 0.1 + 0.2 computed by a formula is 0.3
/// and 2.675 stays 2.675. Never goes through `from_f64_retain`, which would keep binary noise.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    // Fast path for the usual score (whole, or up to three decimals): then value × 1000 rounds to
    // an integer n below 10^15, and n / 1000 is the 15-digit rounding, since the f64 error
    // (about 1e-16 relative) is far below half a 15th digit (at least 5e-16 relative).
    let thousandths = value * 1000.0;
    if thousandths.fract() == 0.0 && thousandths.abs() < 1e15 {
        return Some(Decimal::new(thousandths as i64, 3).normalize());
    }
    decimal_from_f64_by_digits(value)
}

/// The general conversion: format with 15 significant digits and parse that.
fn decimal_from_f64_by_digits(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    let text = format!("{value:.14e}");
    Decimal::from_scientific(&text).ok().map(|d| d.normalize())
}

/// Reads a criterion or unit code. Codes typed as numbers are read as the number is shown:
/// 1.1 → "1.1", 12 → "12". A trailing dot ("1.") is dropped.
pub fn read_code(cell: &Data) -> Result<Option<String>, String> {
    let code = match cell {
        Data::Empty => return Ok(None),
        Data::String(s) => clean_text(s).trim_end_matches('.').to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => match decimal_from_f64(*f) {
            Some(d) => d.to_string(),
            None => return Err(format!("the code cell holds an unusable number {f}")),
        },
        other => return Err(format!("the code cell holds {}", describe(other))),
    };
    Ok((!code.is_empty()).then_some(code))
}

/// Reads plain text (names, evidence, notes); numbers are shown as numbers.
pub fn read_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => clean_text(s),
        Data::Float(f) => decimal_from_f64(*f).map_or_else(|| f.to_string(), |d| d.to_string()),
        Data::Empty => String::new(),
        other => clean_text(&other.to_string()),
    }
}

/// Reads a score cell: a number, a not-applicable marker, or empty. Text that is not a
/// not-applicable marker is refused, never guessed at.
pub fn read_score(cell: &Data) -> Result<Score, String> {
    match cell {
        Data::Empty => Ok(Score::Empty),
        Data::Int(i) => Ok(Score::Points(Decimal::from(*i))),
        Data::Float(f) => decimal_from_f64(*f)
            .map(Score::Points)
            .ok_or_else(|| format!("the number {f} cannot be used as a score")),
        Data::String(s) => {
            let text = clean_text(s);
            if text.is_empty() {
                Ok(Score::Empty)
            } else if labels::is_not_applicable(&text) {
                Ok(Score::NotApplicable)
            } else if Decimal::from_str(&text).is_ok() {
                Err(format!(
                    "\"{text}\" is a number stored as text; enter it as a number"
                ))
            } else {
                Err(format!(
                    "\"{text}\" is not a number (write not applicable as KPS, Không phát sinh or N/A)"
                ))
            }
        }
        other => Err(format!("expected a number, found {}", describe(other))),
    }
}

/// Reads a year cell, typed as a number or as text.
pub fn read_year(cell: &Data) -> Result<i32, String> {
    let text = read_text(cell);
    text.parse::<i32>()
        .map_err(|_| format!("the year \"{text}\" is not a whole number"))
}

fn describe(cell: &Data) -> String {
    match cell {
        Data::Bool(b) => format!("a TRUE/FALSE value ({})", if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(_) | Data::DateTimeIso(_) => format!("a date ({cell})"),
        Data::DurationIso(_) => format!("a duration ({cell})"),
        Data::Error(e) => format!("an error value ({e})"),
        Data::String(s) => format!("the text \"{}\"", clean_text(s)),
        other => format!("\"{other}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_are_read_as_the_spreadsheet_shows_them() {
        assert_eq!(decimal_from_f64(2.675), Some(dec!(2.675)));
        assert_eq!(decimal_from_f64(0.1 + 0.2), Some(dec!(0.3)));
        assert_eq!(decimal_from_f64(86.375), Some(dec!(86.375)));
        assert_eq!(decimal_from_f64(1e-9), Some(dec!(0.000000001)));
        assert_eq!(decimal_from_f64(f64::NAN), None);
        assert_eq!(decimal_from_f64(f64::INFINITY), None);
        assert_eq!(decimal_from_f64(-0.0), Some(dec!(0)));
    }

    #[test]
    fn the_fast_path_agrees_with_the_digits() {
        let mut values: Vec<f64> = (-20_000..=200_000).map(|k| k as f64 / 1000.0).collect();
        values.extend((0..10_000).map(|k| k as f64 * 0.125 + 0.1 + 0.2));
        values.extend([
            1e-9,
            1e-3,
            123_456_789_012.345,
            999_999_999_999.999,
            1e12,
            1e15,
            1e20,
        ]);
        values.extend([0.1 + 0.2, 2.675, 1.0 / 3.0, -0.0, 86.375, 0.3 - 0.1]);
        for value in values {
            // As text, so the scale (how the points are printed) agrees too.
            assert_eq!(
                decimal_from_f64(value).map(|d| d.to_string()),
                decimal_from_f64_by_digits(value).map(|d| d.to_string()),
                "{value:e}"
            );
        }
    }

    #[test]
    fn codes_typed_as_numbers_read_as_shown() {
        assert_eq!(read_code(&Data::Float(1.1)), Ok(Some("1.1".into())));
        assert_eq!(read_code(&Data::Float(3.0)), Ok(Some("3".into())));
        assert_eq!(read_code(&Data::Int(7)), Ok(Some("7".into())));
        assert_eq!(
            read_code(&Data::String(" 1.2.3. ".into())),
            Ok(Some("1.2.3".into()))
        );
        assert_eq!(read_code(&Data::String("\u{a0}".into())), Ok(None));
        assert!(read_code(&Data::Bool(true)).is_err());
    }

    #[test]
    fn scores_accept_numbers_and_not_applicable_only() {
        assert_eq!(read_score(&Data::Float(1.5)), Ok(Score::Points(dec!(1.5))));
        assert_eq!(read_score(&Data::Int(2)), Ok(Score::Points(dec!(2))));
        assert_eq!(
            read_score(&Data::String("KPS".into())),
            Ok(Score::NotApplicable)
        );
        assert_eq!(read_score(&Data::String(" ".into())), Ok(Score::Empty));
        assert!(
            read_score(&Data::String("1,5".into()))
                .unwrap_err()
                .contains("not a number")
        );
        assert!(
            read_score(&Data::String("1.5".into()))
                .unwrap_err()
                .contains("stored as text")
        );
        assert!(
            read_score(&Data::Bool(true))
                .unwrap_err()
                .contains("TRUE/FALSE")
        );
    }
}

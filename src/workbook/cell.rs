//! Turning spreadsheet cells into codes, numbers and scores, exactly.

use calamine::Data;
use rust_decimal::Decimal;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::labels;
use crate::i18n::Message;
use crate::{msg, t};

/// A score cell's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    Empty,
    NotApplicable,
    Points(Decimal),
}

/// Trims ASCII and Unicode spaces (including the non-breaking and zero-width spaces that pasting
/// brings along) and applies NFC.
pub fn clean_text(text: &str) -> String {
    let text =
        text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'));
    // Almost all text is NFC already; the quick check spares composing it again.
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Converts a number read from a spreadsheet into a decimal the way the spreadsheet shows it:
/// rounded to 15 significant digits (Excel's precision), so 0.1 + 0.2 computed by a formula is 0.3
/// and 2.675 stays 2.675. Never goes through `from_f64_retain`, which would keep binary noise.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // Scores are short decimals (0.25, 1.5): when the value times 10^4 is a whole number below
    // 10^15 it has at most 15 significant digits, so it is exactly what is shown, and the costly
    // formatting below is not needed (tested to agree with it).
    let scaled = value * 1e4;
    if scaled.fract() == 0.0 && scaled.abs() < 1e15 {
        return Some(Decimal::new(scaled as i64, 4).normalize());
    }
    rounded_to_15_digits(value)
}

fn rounded_to_15_digits(value: f64) -> Option<Decimal> {
    let text = format!("{value:.14e}");
    Decimal::from_scientific(&text).ok().map(|d| d.normalize())
}

/// Reads a criterion or unit code. Codes typed as numbers are read as the number is shown:
/// 1.1 → "1.1", 12 → "12". A trailing dot ("1.") is dropped.
pub fn read_code(cell: &Data) -> Result<Option<String>, Message> {
    let code = match cell {
        Data::Empty => return Ok(None),
        Data::String(s) => clean_text(s).trim_end_matches('.').to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => match decimal_from_f64(*f) {
            Some(d) => d.to_string(),
            None => return Err(msg!("cell-code-number", number = f.to_string())),
        },
        other => return Err(msg!("cell-code-holds", found = describe(other))),
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

/// Reads a score cell: a number, a not-applicable marker, or empty. A number stored as text is
/// accepted with a warning (the second value) when it can only mean one thing: "1.5" and the
/// Vietnamese decimal comma "1,5" are 1.5; "1,234" or "1.234,5" could hold a thousands separator
/// and are refused. Any other text is refused, never guessed at.
pub fn read_score(cell: &Data) -> Result<(Score, Option<Message>), Message> {
    match cell {
        Data::Empty => Ok((Score::Empty, None)),
        Data::Int(i) => Ok((Score::Points(Decimal::from(*i)), None)),
        Data::Float(f) => decimal_from_f64(*f)
            .map(|d| (Score::Points(d), None))
            .ok_or_else(|| msg!("cell-unusable-number", number = f.to_string())),
        Data::String(s) => {
            let text = clean_text(s);
            if text.is_empty() {
                Ok((Score::Empty, None))
            } else if labels::is_not_applicable(&text) {
                Ok((Score::NotApplicable, None))
            } else {
                match number_from_text(&text)? {
                    Some(points) => Ok((
                        Score::Points(points),
                        Some(msg!(
                            "cell-number-as-text",
                            text = &text,
                            points = points.to_string()
                        )),
                    )),
                    None => Err(msg!("cell-not-a-number", text = &text)),
                }
            }
        }
        other => Err(msg!("cell-expected-number", found = describe(other))),
    }
}

/// Parses a decimal typed as text. `Ok(None)`: not a number at all; `Err`: a number whose
/// meaning depends on the thousands separator.
pub fn number_from_text(text: &str) -> Result<Option<Decimal>, Message> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let separators: Vec<(usize, char)> = unsigned
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    let digits_ok = unsigned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if !digits_ok || !unsigned.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let ambiguous = || Err(msg!("cell-ambiguous", text = text));
    let normalised = match separators.as_slice() {
        [] => text.to_string(),
        [(at, _)] => {
            let (whole, fraction) = (&unsigned[..*at], &unsigned[at + 1..]);
            if fraction.is_empty() {
                return Ok(None);
            }
            // "1,234" / "1.234" may be one thousand two hundred and thirty-four.
            if fraction.len() == 3 && !whole.trim_start_matches('0').is_empty() {
                return ambiguous();
            }
            text.replacen(',', ".", 1)
        }
        _ => return ambiguous(),
    };
    // A number typed into a spreadsheet holds at most 15 significant digits; text with more was
    // not a score typed by a person, and reading it would mean rounding it (1.99499999… would
    // become 1.995 and could move a unit across a band).
    let significant = normalised
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&d| d == '0')
        .count();
    if significant > SIGNIFICANT_DIGITS {
        return Err(msg!(
            "cell-too-many-digits",
            text = text,
            digits = significant,
            limit = SIGNIFICANT_DIGITS
        ));
    }
    Ok(Decimal::from_str_exact(&normalised).ok())
}

/// Significant digits of a spreadsheet number.
const SIGNIFICANT_DIGITS: usize = 15;

/// Reads a year cell, typed as a number or as text.
pub fn read_year(cell: &Data) -> Result<i32, Message> {
    let text = read_text(cell);
    text.parse::<i32>()
        .map_err(|_| msg!("cell-year", text = &text))
}

fn describe(cell: &Data) -> String {
    match cell {
        Data::Bool(b) => t!("found-boolean", value = if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(d) if d.is_datetime() => {
            // As the spreadsheet shows it (day/month/year), not as its serial number.
            let (year, month, day, hour, minute, _, _) = d.to_ymd_hms_milli();
            let value = d.as_f64();
            let date = if value.trunc() == 0.0 {
                format!("{hour:02}:{minute:02}")
            } else if value.fract() == 0.0 {
                format!("{day:02}/{month:02}/{year}")
            } else {
                format!("{day:02}/{month:02}/{year} {hour:02}:{minute:02}")
            };
            if value.trunc() == 0.0 {
                t!("found-time", value = date)
            } else {
                t!("found-date", value = date)
            }
        }
        Data::DateTime(_) | Data::DateTimeIso(_) => t!("found-date", value = cell.to_string()),
        Data::DurationIso(_) => t!("found-duration", value = cell.to_string()),
        Data::Error(e) => t!("found-error", value = e.to_string()),
        Data::String(s) => t!("found-text", value = clean_text(s)),
        other => format!("\"{other}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    proptest::proptest! {
        #[test]
        fn the_short_decimal_shortcut_agrees_with_formatting(
            whole in -100_000_000_000_000i64..100_000_000_000_000,
            scale in 0u32..8,
            any in proptest::num::f64::NORMAL,
        ) {
            let value = whole as f64 / 10f64.powi(scale as i32);
            proptest::prop_assert_eq!(decimal_from_f64(value), rounded_to_15_digits(value));
            proptest::prop_assert_eq!(decimal_from_f64(any), rounded_to_15_digits(any));
        }
    }

    #[test]
    fn numbers_are_read_as_the_spreadsheet_shows_them() {
        assert_eq!(decimal_from_f64(2.675), Some(dec!(2.675)));
        assert_eq!(decimal_from_f64(0.1 + 0.2), Some(dec!(0.3)));
        assert_eq!(decimal_from_f64(86.375), Some(dec!(86.375)));
        assert_eq!(decimal_from_f64(1e-9), Some(dec!(0.000000001)));
        assert_eq!(decimal_from_f64(f64::NAN), None);
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
        assert_eq!(
            read_code(&Data::String("1.2\u{200b}".into())),
            Ok(Some("1.2".into()))
        );
        assert!(read_code(&Data::Bool(true)).is_err());
    }

    #[test]
    fn scores_accept_numbers_and_not_applicable_only() {
        let score = |d: Data| read_score(&d).map(|(s, _)| s);
        assert_eq!(score(Data::Float(1.5)), Ok(Score::Points(dec!(1.5))));
        assert_eq!(score(Data::Int(2)), Ok(Score::Points(dec!(2))));
        assert_eq!(score(Data::String("KPS".into())), Ok(Score::NotApplicable));
        assert_eq!(score(Data::String(" ".into())), Ok(Score::Empty));
        assert_eq!(
            score(Data::String("abc".into())).unwrap_err().id,
            "cell-not-a-number"
        );
        assert_eq!(
            score(Data::Bool(true)).unwrap_err().text,
            "cần một số, nhưng ô chứa một giá trị đúng/sai (TRUE)"
        );
    }

    #[test]
    fn dates_are_described_as_the_spreadsheet_shows_them() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let date = |value| {
            let cell = Data::DateTime(ExcelDateTime::new(
                value,
                ExcelDateTimeType::DateTime,
                false,
            ));
            read_score(&cell).unwrap_err().text
        };
        assert_eq!(
            date(45047.0),
            "cần một số, nhưng ô chứa một ngày (01/05/2023)"
        );
        assert_eq!(
            date(45047.75),
            "cần một số, nhưng ô chứa một ngày (01/05/2023 18:00)"
        );
        assert_eq!(date(0.5), "cần một số, nhưng ô chứa một giờ (12:00)");
    }

    #[test]
    fn numbers_stored_as_text_are_read_with_a_warning_when_unambiguous() {
        for (text, value) in [
            ("1.5", dec!(1.5)),
            ("1,5", dec!(1.5)),
            ("0,125", dec!(0.125)),
            ("2", dec!(2)),
            (" 0.75 ", dec!(0.75)),
        ] {
            let (score, warning) = read_score(&Data::String(text.into())).unwrap();
            assert_eq!(score, Score::Points(value), "{text}");
            assert_eq!(warning.unwrap().id, "cell-number-as-text", "{text}");
        }
        for text in ["1,234", "1.234", "1.234,5", "1,234.5", "1.2.3"] {
            let error = read_score(&Data::String(text.into())).unwrap_err();
            assert_eq!(error.id, "cell-ambiguous", "{text}: {}", error.text);
        }
        for text in ["1,", "1 5", "1.5đ", ".5", "abc"] {
            assert_eq!(
                read_score(&Data::String(text.into())).unwrap_err().id,
                "cell-not-a-number",
                "{text}"
            );
        }
    }
}

//! The decision that publishes the index (Quyết định … phê duyệt và công bố Chỉ số CCHC): who
//! issues it, its number and date, who signs it. Read from a small TOML file (`--decision`) and
//! printed on the documents attached to it, as Nghị định 30/2020/NĐ-CP lays them out.
//!
//! ```toml
//! issuer = "UBND huyện Kế Sách"
//! authority = "Chủ tịch UBND huyện Kế Sách"   # optional: the "của …" of the annex; else issuer
//! number = "2007/QĐ-UBND"
//! date = 2022-12-30
//! place = "Kế Sách"
//! signer_title = "CHỦ TỊCH"
//! signer_name = "Nguyễn Văn A"
//! annex = "I"                                  # optional: "Phụ lục I"
//! ```
//!
//! Without a decision file the documents leave dotted blanks to fill in by hand.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::io_reason;
use crate::input::{InputKind, MAX_DECISION_BYTES, read_text};
use crate::t;

/// Why a decision file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    #[error("{}", t!("decision-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("decision-syntax", path = path.display().to_string(), message = message))]
    Syntax { path: PathBuf, message: String },
    #[error("{}", t!("decision-empty-field", path = path.display().to_string(), field = *field))]
    EmptyField { path: PathBuf, field: &'static str },
}

/// A calendar date as TOML writes it (2022-12-30), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    fn of(value: &toml::value::Datetime) -> Option<Date> {
        if value.time.is_some() || value.offset.is_some() {
            return None;
        }
        let date = value.date?;
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0);
        let days = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&date.day).then_some(Date {
            year: date.year,
            month: date.month,
            day: date.day,
        })
    }

    /// "ngày 30 tháng 12 năm 2022", "ngày 05 tháng 01 năm 2023": Nghị định 30/2020 writes a
    /// zero before days below 10 and before months 1 and 2 (so that nothing can be added later).
    pub fn in_words(self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {month} năm {}", self.day, self.year)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    issuer: String,
    authority: Option<String>,
    number: String,
    date: toml::value::Datetime,
    place: String,
    signer_title: String,
    signer_name: String,
    annex: Option<String>,
}

/// The details of the decision, as the documents print them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The issuing body, as in the top-left corner of the decision ("UBND huyện Kế Sách").
    pub issuer: String,
    /// Whose decision it is in "(Kèm theo Quyết định … của …)" ("Chủ tịch UBND huyện Kế Sách").
    pub authority: String,
    /// "2007/QĐ-UBND".
    pub number: String,
    pub date: Date,
    /// Where it is signed ("Kế Sách, ngày 30 tháng 12 năm 2022").
    pub place: String,
    /// "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" on two lines.
    pub signer_title: String,
    pub signer_name: String,
    /// The annex's number ("I" for "Phụ lục I"), when the decision has several.
    pub annex: Option<String>,
}

impl Decision {
    pub fn load(path: &Path) -> Result<Decision, DecisionError> {
        let text = read_text(path, MAX_DECISION_BYTES, InputKind::Decision).map_err(|cause| {
            DecisionError::Io {
                path: path.to_path_buf(),
                cause,
            }
        })?;
        Decision::from_toml(&text, path)
    }

    /// Parses a decision file's text; `path` names it in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Decision, DecisionError> {
        let syntax = |message: String| DecisionError::Syntax {
            path: path.to_path_buf(),
            message,
        };
        let file: DecisionFile = toml::from_str(text).map_err(|e| syntax(e.to_string()))?;
        let date = Date::of(&file.date)
            .ok_or_else(|| syntax(t!("decision-date", date = file.date.to_string())))?;
        let required = |field: &'static str, value: String| {
            let value = value.trim().to_string();
            if value.is_empty() {
                Err(DecisionError::EmptyField {
                    path: path.to_path_buf(),
                    field,
                })
            } else {
                Ok(value)
            }
        };
        let issuer = required("issuer", file.issuer)?;
        let authority = match file.authority {
            Some(authority) => required("authority", authority)?,
            None => issuer.clone(),
        };
        Ok(Decision {
            issuer,
            authority,
            number: required("number", file.number)?,
            date,
            place: required("place", file.place)?,
            signer_title: required("signer_title", file.signer_title)?,
            signer_name: required("signer_name", file.signer_name)?,
            annex: match file.annex {
                Some(annex) => Some(required("annex", annex)?),
                None => None,
            },
        })
    }
}

/// The blanks an officer fills in by hand when no decision file is given.
const BLANK: &str = "……";

/// "Phụ lục", or "Phụ lục I" when the decision numbers its annexes.
pub fn annex_label(decision: Option<&Decision>) -> String {
    match decision.and_then(|d| d.annex.as_deref()) {
        Some(number) => format!("Phụ lục {number}"),
        None => "Phụ lục".to_string(),
    }
}

/// "(Kèm theo Quyết định số 2007/QĐ-UBND ngày 30 tháng 12 năm 2022 của Chủ tịch UBND huyện Kế
/// Sách)", or with dotted blanks to fill in by hand.
pub fn attached_to(decision: Option<&Decision>) -> String {
    match decision {
        Some(d) => format!(
            "(Kèm theo Quyết định số {} {} của {})",
            d.number,
            d.date.in_words(),
            d.authority
        ),
        None => format!(
            "(Kèm theo Quyết định số {BLANK}/QĐ-UBND ngày {BLANK} tháng {BLANK} năm {BLANK} của {BLANK}{BLANK})"
        ),
    }
}

/// "Kế Sách, ngày 30 tháng 12 năm 2022", or with blanks.
pub fn place_and_date(decision: Option<&Decision>) -> String {
    match decision {
        Some(d) => format!("{}, {}", d.place, d.date.in_words()),
        None => format!("{BLANK}, ngày {BLANK} tháng {BLANK} năm {BLANK}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KE_SACH: &str = include_str!("../samples/decision-2022.toml");

    #[test]
    fn the_bundled_decision_is_ke_sachs() {
        let decision = Decision::from_toml(KE_SACH, Path::new("decision-2022.toml")).unwrap();
        assert_eq!(decision.number, "2007/QĐ-UBND");
        assert_eq!(
            attached_to(Some(&decision)),
            "(Kèm theo Quyết định số 2007/QĐ-UBND ngày 30 tháng 12 năm 2022 của Chủ tịch UBND huyện Kế Sách)"
        );
        assert_eq!(
            place_and_date(Some(&decision)),
            "Kế Sách, ngày 30 tháng 12 năm 2022"
        );
    }

    #[test]
    fn dates_are_written_as_the_decree_asks() {
        let date = |year, month, day| Date { year, month, day }.in_words();
        assert_eq!(date(2023, 1, 5), "ngày 05 tháng 01 năm 2023");
        assert_eq!(date(2023, 2, 28), "ngày 28 tháng 02 năm 2023");
        assert_eq!(date(2023, 3, 9), "ngày 09 tháng 3 năm 2023");
    }

    #[test]
    fn without_a_decision_the_blanks_are_left_to_fill_in() {
        assert_eq!(
            attached_to(None),
            "(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm …… của …………)"
        );
        assert_eq!(annex_label(None), "Phụ lục");
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let path = Path::new("qd.toml");
        let with = |replace: &str, by: &str| {
            Decision::from_toml(&KE_SACH.replace(replace, by), path).unwrap_err()
        };
        let error = with("date = 2022-12-30", "date = 2022-02-30");
        assert!(error.to_string().contains("2022-02-30"), "{error}");
        let error = with("number = \"2007/QĐ-UBND\"", "number = \"  \"");
        assert!(error.to_string().contains("number"), "{error}");
        let error = with("place =", "plase =");
        assert!(error.to_string().contains("plase"), "{error}");
        assert!(error.to_string().contains("line"), "{error}");
    }
}

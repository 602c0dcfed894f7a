//! The roster (danh sách đơn vị): every unit expected to submit a form. A unit on it without a
//! form is listed as "chưa nộp" (not submitted) in every output and counted in the summary, so
//! it never simply vanishes from the ranking; a form of a unit that is not on it is an error.
//!
//! A CSV file, or a sheet of a workbook (.xlsx, .xls, .ods), with a header row holding
//! `unit_code` and `unit_name` (or "Mã đơn vị" and "Tên đơn vị", matched as form labels are:
//! any case, spaces, diacritics); other columns are ignored, as are empty rows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::Data;
use serde::{Deserialize, Serialize};

use crate::i18n::io_reason;
use crate::input::{InputKind, MAX_ROSTER_BYTES};
use crate::problem::{Location, Problem};
use crate::score::UnitScore;
use crate::table_file::{Row, TableFileError, tables};
use crate::text::unit_key;
use crate::workbook::cell::{read_code, read_text as cell_text};
use crate::workbook::labels::{UNIT_CODE, UNIT_NAME, fold};
use crate::{msg, t};

/// Rows searched for the header row (a title may come first).
const HEADER_SEARCH_ROWS: usize = 20;

/// Why a roster could not be used. Places are named as the user sees them: a CSV file's line, a
/// workbook's sheet and row.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    #[error("{}", t!("roster-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("roster-extension", path = path.display().to_string()))]
    Extension { path: PathBuf },
    #[error("{}", t!("roster-unreadable", path = path.display().to_string(), reason = reason))]
    Unreadable { path: PathBuf, reason: String },
    #[error("{}", t!("roster-no-header", path = path.display().to_string()))]
    NoHeader { path: PathBuf },
    #[error("{}", t!("roster-no-code", path = path.display().to_string(), place = place))]
    NoCode { path: PathBuf, place: String },
    #[error("{}", t!("roster-duplicate", path = path.display().to_string(), code = code, place = place, first = first))]
    Duplicate {
        path: PathBuf,
        code: String,
        place: String,
        first: String,
    },
    #[error("{}", t!("roster-empty", path = path.display().to_string()))]
    Empty { path: PathBuf },
}

/// A unit expected to submit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterUnit {
    pub unit_code: String,
    pub unit_name: String,
}

/// The units expected to submit, in the roster's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub path: PathBuf,
    pub units: Vec<RosterUnit>,
}

impl Roster {
    /// Reads a roster: CSV by its extension (.csv, .txt), otherwise as a workbook.
    pub fn load(path: &Path) -> Result<Roster, RosterError> {
        let tables = tables(path, InputKind::Roster, MAX_ROSTER_BYTES).map_err(|e| match e {
            TableFileError::Io(cause) => RosterError::Io {
                path: path.to_path_buf(),
                cause,
            },
            TableFileError::Extension => RosterError::Extension {
                path: path.to_path_buf(),
            },
            TableFileError::Unreadable(reason) => RosterError::Unreadable {
                path: path.to_path_buf(),
                reason,
            },
        })?;
        for rows in tables {
            if let Some(header) = rows.iter().take(HEADER_SEARCH_ROWS).position(is_header) {
                return Roster::from_rows(path, &rows[header..]);
            }
        }
        Err(RosterError::NoHeader {
            path: path.to_path_buf(),
        })
    }

    /// The units from the rows under a header row (`rows[0]`).
    fn from_rows(path: &Path, rows: &[Row]) -> Result<Roster, RosterError> {
        let header: Vec<String> = rows[0].cells.iter().map(|c| fold(&cell_text(c))).collect();
        let column = |label: &crate::workbook::labels::Label| {
            header.iter().position(|h| label.matches_folded(h))
        };
        let (Some(code_col), Some(name_col)) = (column(&UNIT_CODE), column(&UNIT_NAME)) else {
            unreachable!("the header row holds both labels");
        };
        let mut units = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for row in &rows[1..] {
            let cell = |col: usize| row.cells.get(col).unwrap_or(&Data::Empty);
            let name = cell_text(cell(name_col));
            // Codes are read as form codes are: a number is read as it is shown.
            let code = read_code(cell(code_col)).ok().flatten().unwrap_or_default();
            if code.is_empty() {
                if name.is_empty() {
                    continue;
                }
                return Err(RosterError::NoCode {
                    path: path.to_path_buf(),
                    place: row.place.clone(),
                });
            }
            if let Some(first) = seen.insert(unit_key(&code), row.place.clone()) {
                return Err(RosterError::Duplicate {
                    path: path.to_path_buf(),
                    code,
                    place: row.place.clone(),
                    first,
                });
            }
            units.push(RosterUnit {
                unit_code: code,
                unit_name: name,
            });
        }
        if units.is_empty() {
            return Err(RosterError::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(Roster {
            path: path.to_path_buf(),
            units,
        })
    }

    /// The rostered units without a scored form, in the roster's order.
    pub fn missing(&self, scored: &[UnitScore]) -> Vec<RosterUnit> {
        let scored: std::collections::HashSet<String> =
            scored.iter().map(|u| unit_key(&u.unit_code)).collect();
        self.units
            .iter()
            .filter(|u| !scored.contains(&unit_key(&u.unit_code)))
            .cloned()
            .collect()
    }

    /// A problem for the form of a unit that is not on the roster: which file, which code.
    pub fn check(&self, unit: &UnitScore) -> Option<Problem> {
        let key = unit_key(&unit.unit_code);
        if self.units.iter().any(|u| unit_key(&u.unit_code) == key) {
            return None;
        }
        Some(Problem::new(
            Location::file(&unit.file),
            msg!(
                "roster-not-listed",
                code = &unit.unit_code,
                roster = self.path.display().to_string()
            ),
        ))
    }
}

fn is_header(row: &Row) -> bool {
    let folded: Vec<String> = row.cells.iter().map(|c| fold(&cell_text(c))).collect();
    let has =
        |label: &crate::workbook::labels::Label| folded.iter().any(|f| label.matches_folded(f));
    has(&UNIT_CODE) && has(&UNIT_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(name: &str, text: &str) -> Result<Roster, RosterError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        Roster::load(&path)
    }

    #[test]
    fn csv_with_english_or_vietnamese_headers() {
        let english = roster(
            "r.csv",
            "unit_code,unit_name\nKS01,Thị trấn Kế Sách\n\nKS02,Xã B\n",
        );
        let units = english.unwrap().units;
        assert_eq!(units.len(), 2);
        assert_eq!(units[1].unit_name, "Xã B");
        let vietnamese = roster(
            "r.csv",
            "\u{feff}Danh sách;;\nSTT;Mã đơn vị;Tên đơn vị\n1;KS01;Thị trấn Kế Sách\n",
        );
        assert_eq!(vietnamese.unwrap().units[0].unit_code, "KS01");
    }

    #[test]
    fn problems_name_the_line() {
        let error = roster("r.csv", "unit_code,unit_name\nKS01,A\n,B\n").unwrap_err();
        assert!(matches!(error, RosterError::NoCode { ref place, .. } if place.contains('3')));
        let error = roster("r.csv", "unit_code,unit_name\nKS01,A\nks01 ,B\n").unwrap_err();
        assert!(matches!(error, RosterError::Duplicate { .. }), "{error}");
        let error = roster("r.csv", "code;name\nKS01;A\n").unwrap_err();
        assert!(matches!(error, RosterError::NoHeader { .. }));
        let error = roster("r.toml", "").unwrap_err();
        assert!(matches!(error, RosterError::Extension { .. }));
    }
}

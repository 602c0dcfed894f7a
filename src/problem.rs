//! Problems found in the user's input, each pinned to where it was found.
//!
//! A run collects every problem it finds (not only the first) so that staff can fix a whole
//! folder of returned forms in one pass.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Message;
use crate::t;

/// Where a problem was found: file, and where known the sheet and the cell (A1 style).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub cell: Option<CellRef>,
}

impl Location {
    pub fn file(file: &Path) -> Self {
        Location {
            file: file.to_path_buf(),
            sheet: None,
            cell: None,
        }
    }

    pub fn sheet(file: &Path, sheet: &str) -> Self {
        Location {
            file: file.to_path_buf(),
            sheet: Some(sheet.to_string()),
            cell: None,
        }
    }

    pub fn cell(file: &Path, sheet: &str, cell: CellRef) -> Self {
        Location {
            file: file.to_path_buf(),
            sheet: Some(sheet.to_string()),
            cell: Some(cell),
        }
    }
}

/// A zero-based (row, column) cell position, displayed in A1 style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: u32, col: u32) -> Self {
        CellRef { row, col }
    }
}

/// The last row and column a spreadsheet has (XFD1048576): A1 names go that far.
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u32 = 16_383;

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match u16::try_from(self.col) {
            Ok(col) if self.row <= LAST_ROW && self.col <= LAST_COL => {
                f.write_str(&rust_xlsxwriter::utility::row_col_to_cell(self.row, col))
            }
            // A damaged file may claim a cell beyond the sheet; name it by row and column.
            _ => write!(
                f,
                "R{}C{}",
                u64::from(self.row) + 1,
                u64::from(self.col) + 1
            ),
        }
    }
}

/// Errors block scoring; warnings are shown but do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem: where, which criterion (if any), what, and of which kind (the id of its message
/// in the catalogue, by which problems of one kind are grouped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub criterion: Option<String>,
    pub kind: &'static str,
    pub message: String,
    /// The technical detail behind a message in plain words (a library's own error text), shown
    /// on a line of its own.
    pub detail: Option<String>,
}

impl Problem {
    /// An error: the file cannot be scored.
    pub fn new(location: Location, message: Message) -> Self {
        Problem {
            severity: Severity::Error,
            location,
            criterion: None,
            kind: message.id,
            message: message.text,
            detail: None,
        }
    }

    /// With the technical detail behind the message.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// A warning: worth a look, does not block scoring.
    pub fn warning(location: Location, message: Message) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::new(location, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn for_criterion(mut self, code: &str) -> Self {
        self.criterion = Some(code.to_string());
        self
    }
}

impl Problem {
    /// The problem without its file name, for output grouped by file.
    pub fn within_file(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.location.sheet {
            parts.push(t!("place-sheet", sheet = sheet));
        }
        if let Some(cell) = &self.location.cell {
            parts.push(t!("place-cell", cell = cell.to_string()));
        }
        if let Some(code) = &self.criterion {
            parts.push(t!("place-criterion", code = code));
        }
        if parts.is_empty() {
            return self.message.clone();
        }
        format!("{}: {}", parts.join(", "), self.message)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", {}", t!("place-sheet", sheet = sheet))?;
        }
        if let Some(cell) = &self.cell {
            write!(f, ", {}", t!("place-cell", cell = cell.to_string()))?;
        }
        Ok(())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.location)?;
        if let Some(code) = &self.criterion {
            write!(f, ", {}", t!("place-criterion", code = code))?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A line of a report of one file's problems: one problem, or the problems of one kind that
/// came again and again, told once with their count and their cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportLine<'a> {
    One(&'a Problem),
    Many {
        /// The first of them, for the severity and the sheet.
        first: &'a Problem,
        /// The sheet all of them are on, if it is one.
        sheet: Option<&'a str>,
        text: String,
    },
}

/// From how many problems of one kind in one file on they are told in one line.
pub const GROUP_FROM: usize = 3;
/// How many cells a grouped line names before "…".
const CELLS_SHOWN: usize = 8;

/// Groups one file's problems: a kind that comes [`GROUP_FROM`] times or more, and has a
/// grouped wording, becomes one line where its first problem stood; the rest stay as they are.
pub fn grouped<'a>(problems: &[&'a Problem]) -> Vec<ReportLine<'a>> {
    let count = |kind: &str| problems.iter().filter(|p| p.kind == kind).count();
    let mut told = Vec::new();
    let mut lines = Vec::new();
    for &problem in problems {
        let kind = problem.kind;
        let same: Vec<&Problem> = problems
            .iter()
            .copied()
            .filter(|p| p.kind == kind && p.severity == problem.severity)
            .collect();
        if count(kind) < GROUP_FROM {
            lines.push(ReportLine::One(problem));
            continue;
        }
        if told.contains(&kind) {
            continue;
        }
        match group_text(kind, &same) {
            Some(text) => {
                told.push(kind);
                let sheet = same[0].location.sheet.as_deref();
                let one_sheet = same.iter().all(|p| p.location.sheet.as_deref() == sheet);
                lines.push(ReportLine::Many {
                    first: problem,
                    sheet: sheet.filter(|_| one_sheet),
                    text,
                });
            }
            None => lines.push(ReportLine::One(problem)),
        }
    }
    lines
}

/// The grouped wording of a kind of problem, naming the cells (or criteria) of all of them.
fn group_text(kind: &str, problems: &[&Problem]) -> Option<String> {
    let list = |items: Vec<String>| {
        let mut shown: Vec<String> = items.iter().take(CELLS_SHOWN).cloned().collect();
        if items.len() > CELLS_SHOWN {
            shown.push("…".to_string());
        }
        shown.join(", ")
    };
    let cells = || {
        list(
            problems
                .iter()
                .filter_map(|p| p.location.cell.map(|c| c.to_string()))
                .collect(),
        )
    };
    let codes = || {
        list(
            problems
                .iter()
                .filter_map(|p| p.criterion.clone())
                .collect(),
        )
    };
    let count = problems.len();
    Some(match kind {
        "formula-no-result" => t!("group-formula-no-result", count = count, cells = cells()),
        "leaf-no-evidence" => t!("group-leaf-no-evidence", count = count, cells = cells()),
        "cell-number-as-text" => t!("group-number-as-text", count = count, cells = cells()),
        "leaf-self-below-appraised" => {
            t!("group-self-below-appraised", count = count, cells = cells())
        }
        "score-missing-appraised" => t!("group-missing-appraised", count = count, cells = cells()),
        "score-missing-self" => t!("group-missing-self", count = count, cells = cells()),
        "score-missing-survey" => t!("group-missing-survey", count = count, cells = cells()),
        "subtotal-differs" => t!("group-subtotal-differs", count = count, cells = cells()),
        "row-missing" => t!("group-row-missing", count = count, codes = codes()),
        "cell-not-a-number" => t!("group-not-a-number", count = count, cells = cells()),
        "score-above-max" => t!("group-above-max", count = count, cells = cells()),
        "facts-empty" => t!("group-facts-empty", count = count, cells = cells()),
        "score-missing-external" => t!("group-missing-external", count = count, codes = codes()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs_print_in_a1_style() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(11, 4).to_string(), "E12");
        assert_eq!(CellRef::new(0, 25).to_string(), "Z1");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(9, 701).to_string(), "ZZ10");
        assert_eq!(CellRef::new(9, 702).to_string(), "AAA10");
        assert_eq!(CellRef::new(1_048_575, 16_383).to_string(), "XFD1048576");
        assert_eq!(
            CellRef::new(u32::MAX, u32::MAX).to_string(),
            "R4294967296C4294967296"
        );
    }

    #[test]
    fn problem_names_file_sheet_cell_and_criterion() {
        let p = Problem::new(
            Location::cell(
                Path::new("x/an-my.xlsx"),
                "Tự đánh giá",
                CellRef::new(11, 4),
            ),
            crate::msg!("score-above-max", points = "3", max = "2"),
        )
        .for_criterion("1.2.1");
        assert_eq!(
            p.to_string(),
            "x/an-my.xlsx, trang tính 'Tự đánh giá', ô E12, tiêu chí 1.2.1: điểm 3 lớn hơn điểm tối đa 2"
        );
        assert_eq!(p.kind, "score-above-max");
    }
}

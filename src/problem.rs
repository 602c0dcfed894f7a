//! Problems found in the user's input, each pinned to where it was found.
//!
//! A run collects every problem it finds (not only the first) so that staff can fix a whole
//! folder of returned forms in one pass.

use std::fmt;
use std::path::{Path, PathBuf};

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

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet '{sheet}'")?;
        }
        if let Some(cell) = &self.cell {
            write!(f, ", cell {cell}")?;
        }
        Ok(())
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

/// One problem: where, which criterion (if any), and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub criterion: Option<String>,
    pub message: String,
}

impl Problem {
    /// An error: the file cannot be scored.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            location,
            criterion: None,
            message: message.into(),
        }
    }

    /// A warning: worth a look, does not block scoring.
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
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
        let mut text = String::new();
        if let Some(sheet) = &self.location.sheet {
            text.push_str(&format!("sheet '{sheet}'"));
        }
        if let Some(cell) = &self.location.cell {
            text.push_str(&format!(", cell {cell}"));
        }
        if let Some(code) = &self.criterion {
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(&format!("criterion {code}"));
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&self.message);
        text
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.location)?;
        if let Some(code) = &self.criterion {
            write!(f, ", criterion {code}")?;
        }
        write!(f, ": {}", self.message)
    }
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
            "score 3 is above the maximum 2",
        )
        .for_criterion("1.2.1");
        assert_eq!(
            p.to_string(),
            "x/an-my.xlsx, sheet 'Tự đánh giá', cell E12, criterion 1.2.1: score 3 is above the maximum 2"
        );
    }
}

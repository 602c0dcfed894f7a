//! What a unit workbook may ask of memory, and the refusal of one that asks more.
//!
//! A form is tens of KB on disk and a few hundred cells. Each limit below is far above what a real
//! form needs and far below what would exhaust a machine, so that a damaged or hostile file is
//! refused with a message naming the limit instead of stopping the whole run. They are checked
//! before the spreadsheet library lays anything out (`container`) or while cells are read one by
//! one (.xlsx). The README's "Limits" section lists them.

use crate::i18n::Message;
use crate::input::{MIB, Size};
use crate::problem::{CellRef, Location, Problem};
use crate::{msg, t};
use std::path::Path;

/// The file on disk.
pub const MAX_FILE_BYTES: u64 = 32 * MIB;
/// Parts (files) inside an .xlsx or .ods zip package; a form has a dozen or two.
pub const MAX_PARTS: u64 = 1_000;
/// One part of a zip package, unpacked. Worksheets are read as a stream, so this bounds the
/// longest piece of XML the parser holds (a text, a tag) rather than the cells.
pub const MAX_PART_BYTES: u64 = 64 * MIB;
/// A part read whole as the workbook opens (workbook, styles, shared strings, relationships,
/// theme; the .ods manifest), unpacked.
pub const MAX_WHOLE_PART_BYTES: u64 = 16 * MIB;
/// All parts of a zip package, unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 256 * MIB;
/// Sheets in a workbook.
pub const MAX_SHEETS: u64 = 1_000;
/// Cells laid out in memory across all sheets: the used area of each sheet (a grid with a slot
/// for every cell between the first and the last used one), added up. Counted separately for
/// values and for formulas.
pub const MAX_CELLS: u64 = 2_000_000;
/// Text held in cells across all sheets, in bytes (UTF-8), separately for values and formulas.
pub const MAX_TEXT_BYTES: u64 = 32 * MIB;
/// One text: Excel's own limit for a cell.
pub const MAX_TEXT_CHARS: u64 = 32_767;
/// Strings an .xlsx file's shared-string table declares (calamine reserves room for them; the
/// strings themselves are bounded by the part's size).
pub const MAX_SHARED_STRINGS: u64 = MAX_CELLS;
/// Memory the cell formats (styles) of an .xlsx file would take once read: each format is
/// stored whole with its font name and number format (Excel itself stops at 64,000 formats).
pub const MAX_STYLES_BYTES: u64 = 64 * MIB;

/// Which of a sheet's two grids: its values, or (read by `validate`, and laid out by the library
/// for .xls and .ods anyway) its formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grid {
    Values,
    Formulas,
}

/// A limit a workbook exceeds, with where, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exceeded {
    File {
        size: u64,
    },
    Parts {
        parts: u64,
    },
    Part {
        part: String,
        size: u64,
        limit: u64,
    },
    Unpacked {
        size: u64,
    },
    Sheets {
        sheets: u64,
    },
    /// One sheet alone is too large: `far` is the cell that stretches its area most.
    SheetArea {
        sheet: String,
        far: CellRef,
        rows: u64,
        columns: u64,
        grid: Grid,
    },
    /// The sheets together are too large; this one tips them over.
    Cells {
        sheet: String,
        far: CellRef,
        rows: u64,
        columns: u64,
        total: u64,
        grid: Grid,
    },
    /// An .xls sheet declares a used area (its DIMENSIONS record) that the library would reserve.
    DeclaredArea {
        sheet: String,
        rows: u64,
        columns: u64,
    },
    Text {
        sheet: Option<String>,
        cell: Option<CellRef>,
        chars: u64,
    },
    TextTotal {
        sheet: Option<String>,
        bytes: u64,
        grid: Grid,
    },
    SharedStrings {
        strings: u64,
    },
    Styles {
        formats: u64,
        bytes: u64,
    },
}

impl Exceeded {
    /// The refusal as the file's problem, at the sheet and cell where it was found.
    pub fn problem(&self, path: &Path) -> Problem {
        let location = match self {
            Exceeded::SheetArea { sheet, far, .. } | Exceeded::Cells { sheet, far, .. } => {
                Location::cell(path, sheet, *far)
            }
            Exceeded::DeclaredArea { sheet, .. } => Location::sheet(path, sheet),
            Exceeded::Text {
                sheet: Some(sheet),
                cell,
                ..
            } => match cell {
                Some(cell) => Location::cell(path, sheet, *cell),
                None => Location::sheet(path, sheet),
            },
            Exceeded::TextTotal {
                sheet: Some(sheet), ..
            } => Location::sheet(path, sheet),
            _ => Location::file(path),
        };
        Problem::new(location, self.message())
    }

    /// What is wrong and what to do, in the interface's language.
    fn message(&self) -> Message {
        let content = |grid: &Grid| match grid {
            Grid::Values => t!("limit-content"),
            Grid::Formulas => t!("limit-formula"),
        };
        match self {
            Exceeded::File { size } => msg!(
                "limit-file",
                size = Size(*size).to_string(),
                limit = Size(MAX_FILE_BYTES).to_string()
            ),
            Exceeded::Parts { parts } => msg!("limit-parts", parts = *parts, limit = MAX_PARTS),
            Exceeded::Part { part, size, limit } => msg!(
                "limit-part",
                part = part,
                size = Size(*size).to_string(),
                limit = Size(*limit).to_string()
            ),
            Exceeded::Unpacked { size } => msg!(
                "limit-unpacked",
                size = Size(*size).to_string(),
                limit = Size(MAX_UNPACKED_BYTES).to_string()
            ),
            Exceeded::Sheets { sheets } => {
                msg!("limit-sheets", sheets = *sheets, limit = MAX_SHEETS)
            }
            Exceeded::SheetArea {
                rows,
                columns,
                grid,
                ..
            } => msg!(
                "limit-sheet-area",
                content = content(grid),
                rows = *rows,
                columns = *columns
            ),
            Exceeded::Cells {
                rows,
                columns,
                total,
                grid,
                ..
            } => msg!(
                "limit-cells",
                content = content(grid),
                rows = *rows,
                columns = *columns,
                total = *total,
                limit = MAX_CELLS
            ),
            Exceeded::DeclaredArea { rows, columns, .. } => msg!(
                "limit-declared-area",
                rows = *rows,
                columns = *columns,
                limit = MAX_CELLS
            ),
            Exceeded::Text {
                cell: Some(_),
                chars,
                ..
            } => msg!("limit-text-cell", chars = *chars, limit = MAX_TEXT_CHARS),
            Exceeded::Text { chars, .. } => {
                msg!("limit-text-file", chars = *chars, limit = MAX_TEXT_CHARS)
            }
            Exceeded::TextTotal { bytes, grid, .. } => msg!(
                "limit-text-total",
                size = Size(*bytes).to_string(),
                content = match grid {
                    Grid::Values => t!("limit-text"),
                    Grid::Formulas => t!("limit-formula-text"),
                },
                limit = Size(MAX_TEXT_BYTES).to_string()
            ),
            Exceeded::SharedStrings { strings } => msg!(
                "limit-shared-strings",
                strings = *strings,
                limit = MAX_SHARED_STRINGS
            ),
            Exceeded::Styles { formats, bytes } => msg!(
                "limit-styles",
                formats = *formats,
                size = Size(*bytes).to_string(),
                limit = Size(MAX_STYLES_BYTES).to_string()
            ),
        }
    }
}

/// What the sheets read so far have laid out, for one grid: cells and text. A workbook's sheets
/// are all in memory at once, so the limits hold for the sum.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    grid: Grid,
    cells: u64,
    text: u64,
}

/// A sheet's used area: its far corners and the cells that reach them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    /// A cell in the bottom row, and one in the right column.
    pub lowest: CellRef,
    pub rightmost: CellRef,
}

impl Area {
    pub fn of(cell: CellRef) -> Area {
        Area {
            top: cell.row,
            bottom: cell.row,
            left: cell.col,
            right: cell.col,
            lowest: cell,
            rightmost: cell,
        }
    }

    /// Widens the area to take in `cell`.
    pub fn extend(&mut self, cell: CellRef) -> &mut Area {
        self.add(cell);
        self
    }

    /// Widens the area to take in `cell`.
    pub fn add(&mut self, cell: CellRef) {
        self.top = self.top.min(cell.row);
        self.left = self.left.min(cell.col);
        if cell.row > self.bottom {
            self.bottom = cell.row;
            self.lowest = cell;
        }
        if cell.col > self.right {
            self.right = cell.col;
            self.rightmost = cell;
        }
    }

    pub fn rows(&self) -> u64 {
        u64::from(self.bottom - self.top) + 1
    }

    pub fn columns(&self) -> u64 {
        u64::from(self.right - self.left) + 1
    }

    pub fn cells(&self) -> u64 {
        self.rows() * self.columns()
    }

    /// The cell that stretches the area most: the lowest one if the rows are what is too many.
    pub fn far(&self) -> CellRef {
        if self.rows() >= self.columns() {
            self.lowest
        } else {
            self.rightmost
        }
    }
}

impl Budget {
    pub fn new(grid: Grid) -> Budget {
        Budget {
            grid,
            cells: 0,
            text: 0,
        }
    }

    /// Takes a sheet's area out of the budget, or says which limit it breaks.
    pub fn lay_out(&mut self, sheet: &str, area: &Area) -> Result<(), Exceeded> {
        self.lay_out_cells(sheet, area.cells(), area)
    }

    /// Takes `cells` cells for a sheet whose used area is `area` (more than its area when the
    /// library holds the cells twice, as a list and as a grid).
    pub fn lay_out_cells(&mut self, sheet: &str, cells: u64, area: &Area) -> Result<(), Exceeded> {
        self.check(sheet, cells, area)?;
        self.cells += cells;
        Ok(())
    }

    /// Whether `cells` more cells of a sheet whose used area is `area` fit.
    pub fn check(&self, sheet: &str, cells: u64, area: &Area) -> Result<(), Exceeded> {
        let total = self.cells + cells;
        if total <= MAX_CELLS {
            return Ok(());
        }
        let (sheet, grid) = (sheet.to_string(), self.grid);
        let (rows, columns, far) = (area.rows(), area.columns(), area.far());
        Err(if cells > MAX_CELLS {
            Exceeded::SheetArea {
                sheet,
                far,
                rows,
                columns,
                grid,
            }
        } else {
            Exceeded::Cells {
                sheet,
                far,
                rows,
                columns,
                total,
                grid,
            }
        })
    }

    /// Takes `bytes` of text held in cells of `sheet`.
    pub fn hold_text(&mut self, sheet: Option<&str>, bytes: u64) -> Result<(), Exceeded> {
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_TEXT_BYTES {
            return Err(Exceeded::TextTotal {
                sheet: sheet.map(str::to_string),
                bytes: self.text,
                grid: self.grid,
            });
        }
        Ok(())
    }
}

/// Refuses one text longer than a cell may hold.
pub fn check_text(chars: u64, sheet: Option<&str>, cell: Option<CellRef>) -> Result<(), Exceeded> {
    if chars > MAX_TEXT_CHARS {
        return Err(Exceeded::Text {
            sheet: sheet.map(str::to_string),
            cell,
            chars,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_far_cell_is_the_one_that_stretches_the_area_most() {
        let mut area = Area::of(CellRef::new(0, 0));
        area.add(CellRef::new(5, 2));
        area.add(CellRef::new(1, 16_383));
        assert_eq!((area.rows(), area.columns()), (6, 16_384));
        assert_eq!(area.far(), CellRef::new(1, 16_383));
        area.add(CellRef::new(1_048_575, 3));
        assert_eq!(area.far(), CellRef::new(1_048_575, 3));
    }

    #[test]
    fn the_budget_holds_for_all_sheets_together() {
        let mut budget = Budget::new(Grid::Values);
        let mut wide = Area::of(CellRef::new(0, 0));
        wide.add(CellRef::new(120, 16_383));
        assert_eq!(wide.cells(), 1_982_464);
        budget.lay_out("1", &wide).unwrap();
        let error = budget.lay_out("2", &wide).unwrap_err();
        assert!(
            matches!(&error, Exceeded::Cells { sheet, total: 3_964_928, .. } if sheet == "2"),
            "{error:?}"
        );
    }
}

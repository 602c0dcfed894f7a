//! Opening a workbook and loading its sheets within bounds: panics of the spreadsheet library on
//! damaged files become that file's problem, and a sheet stretched by a distant stray cell is
//! refused instead of laid out in memory.

use std::io::{Read, Seek};
use std::path::Path;

use calamine::{
    Cell, CellType, Data, DataRef, Range, Reader, SheetVisible, Sheets, Xlsx, XlsxError,
};

use super::Checks;
use crate::problem::{CellRef, Location, Problem};

/// The spreadsheet library can panic on some damaged files (found by fuzzing: a broken .xls
/// container). One damaged file must not abort a batch of hundreds, so the panic becomes that
/// file's problem. Only the library's loading runs in here; our own reading does not, so a bug of
/// ours still panics (and the fuzzer still sees it).
pub(super) fn contain_panics<T>(
    path: &Path,
    load: impl FnOnce() -> Result<T, Vec<Problem>>,
) -> Result<T, Vec<Problem>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("unknown failure");
        Err(vec![Problem::new(
            Location::file(path),
            format!(
                "the file is damaged and cannot be read ({detail}); open it in a spreadsheet program and save it again"
            ),
        )])
    })
}

pub(super) fn unreadable(path: &Path, error: calamine::Error) -> Problem {
    Problem::new(
        Location::file(path),
        format!("cannot be read as a workbook (.xlsx, .xls or .ods): {error}"),
    )
}

/// A sheet as loaded: its values, whether it is hidden, its merged areas and (with full checks)
/// its formulas.
pub(super) struct LoadedSheet {
    pub name: String,
    pub hidden: bool,
    pub range: Range<Data>,
    pub merges: Vec<calamine::Dimensions>,
    pub formulas: Option<Range<String>>,
}

/// Everything taken from the spreadsheet library, sheet by sheet.
pub(super) fn load_sheets<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    path: &Path,
    checks: Checks,
) -> Result<Vec<LoadedSheet>, Vec<Problem>> {
    let metadata: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::new();
    for (name, hidden) in metadata {
        let cannot_read = |e: &dyn std::fmt::Display| {
            vec![Problem::new(
                Location::sheet(path, &name),
                format!("sheet cannot be read: {e}"),
            )]
        };
        let range = match workbook {
            Sheets::Xlsx(xlsx) => xlsx_values(xlsx, &name, path)?,
            _ => workbook
                .worksheet_range(&name)
                .map_err(|e| cannot_read(&e))?,
        };
        // A label merged over several cells holds its text in the first one only; the merge areas
        // let the header search see it everywhere it spans. An .xls file's come with its cells;
        // an .xlsx file's are read only when needed (see `read_workbook`); ODS reports none.
        let merges = match workbook {
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let formulas = match (checks, &mut *workbook) {
            (Checks::Scoring, _) => None,
            (Checks::Full, Sheets::Xlsx(xlsx)) => Some(xlsx_formulas(xlsx, &name, path)?),
            (Checks::Full, _) => workbook.worksheet_formula(&name).ok(),
        };
        sheets.push(LoadedSheet {
            name,
            hidden,
            range,
            merges,
            formulas,
        });
    }
    Ok(sheets)
}

/// A form has a few hundred cells. A sheet whose used area is far larger has stray content in a
/// distant cell, and its grid, which has a slot for every cell of that area, would take gigabytes
/// (one value in XFD1048576 asks for 17 billion slots) and abort the whole run.
const MAX_SHEET_AREA: u64 = 2_000_000;

/// An .xlsx sheet's values, read cell by cell so that a stray distant cell is reported instead of
/// exhausting memory. (An .xls or .ods file is laid out by the library as it opens, before any
/// such check can be made.)
fn xlsx_values<RS: Read + Seek>(
    xlsx: &mut Xlsx<RS>,
    name: &str,
    path: &Path,
) -> Result<Range<Data>, Vec<Problem>> {
    let cannot_read = |e: XlsxError| {
        vec![Problem::new(
            Location::sheet(path, name),
            format!("sheet cannot be read: {e}"),
        )]
    };
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(e) => return Err(cannot_read(e)),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(cannot_read)? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells.push(Cell::new(
                cell.get_position(),
                Data::from(cell.get_value().clone()),
            ));
        }
    }
    within_bounds(cells, name, path)
}

/// An .xlsx sheet's formulas (full checks), bounded like its values.
fn xlsx_formulas<RS: Read + Seek>(
    xlsx: &mut Xlsx<RS>,
    name: &str,
    path: &Path,
) -> Result<Range<String>, Vec<Problem>> {
    let Ok(mut reader) = xlsx.worksheet_cells_reader(name) else {
        return Ok(Range::default());
    };
    let mut cells = Vec::new();
    while let Ok(Some(cell)) = reader.next_formula() {
        if !cell.get_value().is_empty() {
            cells.push(cell);
        }
    }
    within_bounds(cells, name, path)
}

/// The cells as a grid, unless their area is beyond [`MAX_SHEET_AREA`]: then an error naming the
/// farthest cell.
fn within_bounds<T: CellType>(
    cells: Vec<Cell<T>>,
    name: &str,
    path: &Path,
) -> Result<Range<T>, Vec<Problem>> {
    let positions = || cells.iter().map(Cell::get_position);
    let (Some(top), Some(bottom), Some(left), Some(right)) = (
        positions().map(|p| p.0).min(),
        positions().map(|p| p.0).max(),
        positions().map(|p| p.1).min(),
        positions().map(|p| p.1).max(),
    ) else {
        return Ok(Range::default());
    };
    let (rows, columns) = (u64::from(bottom - top) + 1, u64::from(right - left) + 1);
    if rows * columns <= MAX_SHEET_AREA {
        return Ok(Range::from_sparse(cells));
    }
    // The cell that stretches the area most: the lowest one if the rows are what is too many.
    let far = if rows >= columns {
        positions().max_by_key(|p| p.0)
    } else {
        positions().max_by_key(|p| p.1)
    }
    .expect("there are cells");
    Err(vec![Problem::new(
        Location::cell(path, name, CellRef::new(far.0, far.1)),
        format!(
            "content here stretches the sheet's used area to {rows} rows by {columns} columns, far larger than a form; delete it (Ctrl+End in a spreadsheet program goes to it) and save again"
        ),
    )])
}

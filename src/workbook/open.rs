//! Opening a workbook and loading its sheets within bounds: panics of the spreadsheet library on
//! damaged files become that file's problem, and an .xlsx file's cells are read one by one
//! against the limits for all sheets together, so that stray or hostile content is refused
//! instead of laid out in memory (.xls and .ods files are checked before they are opened, in
//! `container`, since the library lays them out as it opens them).

use std::collections::HashMap;
use std::io::{Read, Seek};
use std::path::Path;

use calamine::{
    Cell, CellType, Data, DataRef, Ods, Range, Reader, SheetVisible, Sheets, Xls, Xlsx, XlsxError,
    XlsxFormulaMetadata, expand_shared_formula,
};

use super::container::Format;
use super::limits::{Area, Budget, Exceeded, Grid, check_text};
use crate::msg;
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
        Err(vec![
            Problem::new(Location::file(path), msg!("workbook-damaged")).with_detail(detail),
        ])
    })
}

/// A workbook the spreadsheet library could not open, in plain words, with its own error text
/// as the detail.
pub(super) fn unreadable(path: &Path, error: calamine::Error) -> Problem {
    let protected = matches!(
        error,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
    );
    let message = if protected {
        msg!("workbook-password")
    } else {
        msg!("workbook-damaged")
    };
    Problem::new(Location::file(path), message).with_detail(error.to_string())
}

/// A sheet as loaded: its values, whether it is hidden, its merged areas, and the formulas
/// whose result was never saved (the file was written by a program that does not calculate).
/// Formula cells whose result was never saved, with their formula.
pub(super) type UnsavedFormulas = Vec<(CellRef, String)>;

pub(super) struct LoadedSheet {
    pub name: String,
    pub hidden: bool,
    pub range: Range<Data>,
    pub merges: Vec<calamine::Dimensions>,
    pub unsaved_formulas: UnsavedFormulas,
}

/// Opens a workbook in the format its container checks found.
pub(super) fn open<RS: Read + Seek>(
    format: Format,
    reader: RS,
) -> Result<Sheets<RS>, calamine::Error> {
    Ok(match format {
        Format::Xlsx => Sheets::Xlsx(Xlsx::new(reader).map_err(calamine::Error::Xlsx)?),
        Format::Xls => Sheets::Xls(Xls::new(reader).map_err(calamine::Error::Xls)?),
        Format::Ods => Sheets::Ods(Ods::new(reader).map_err(calamine::Error::Ods)?),
    })
}

/// Everything taken from the spreadsheet library, sheet by sheet. `score` and `validate` read
/// alike: a formula without a saved result is found by both (it would read as an empty cell).
pub(super) fn load_sheets<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    path: &Path,
) -> Result<Vec<LoadedSheet>, Vec<Problem>> {
    let metadata: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    // The sheets are all held at once: the limits are for their sum.
    let mut value_budget = Budget::new(Grid::Values);
    let mut formula_budget = Budget::new(Grid::Formulas);
    let mut sheets = Vec::new();
    for (name, hidden) in metadata {
        let cannot_read = |e: &dyn std::fmt::Display| {
            vec![
                Problem::new(Location::sheet(path, &name), msg!("sheet-unreadable"))
                    .with_detail(e.to_string()),
            ]
        };
        let (range, unsaved_formulas) = match workbook {
            Sheets::Xlsx(xlsx) => {
                xlsx_cells(xlsx, &name, path, &mut value_budget, &mut formula_budget)?
            }
            _ => {
                let range = workbook
                    .worksheet_range(&name)
                    .map_err(|e| cannot_read(&e))?;
                let formulas = workbook.worksheet_formula(&name).unwrap_or_default();
                let unsaved = unsaved_formulas(&range, &formulas);
                (range, unsaved)
            }
        };
        // A label merged over several cells holds its text in the first one only; the merge areas
        // let the header search see it everywhere it spans. An .xls file's come with its cells;
        // an .xlsx file's are read only when needed (see `read_workbook`); ODS reports none.
        let merges = match workbook {
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        sheets.push(LoadedSheet {
            name,
            hidden,
            range,
            merges,
            unsaved_formulas,
        });
    }
    Ok(sheets)
}

/// A formula cell whose value is missing was saved without its result.
fn is_missing(value: Option<&Data>) -> bool {
    match value {
        None | Some(Data::Empty) => true,
        Some(Data::String(s)) => s.is_empty(),
        Some(_) => false,
    }
}

/// The formulas of an .xls or .ods sheet whose result is missing.
fn unsaved_formulas(values: &Range<Data>, formulas: &Range<String>) -> UnsavedFormulas {
    let Some((row0, col0)) = formulas.start() else {
        return Vec::new();
    };
    formulas
        .used_cells()
        .filter(|(_, _, formula)| !formula.is_empty())
        .map(|(r, c, formula)| (row0 + r as u32, col0 + c as u32, formula))
        .filter(|&(row, col, _)| is_missing(values.get_value((row, col))))
        .map(|(row, col, formula)| (CellRef::new(row, col), formula.clone()))
        .collect()
}

/// An .xlsx sheet's values, read cell by cell against the limits, so that a stray distant cell
/// or hostile content is reported instead of exhausting memory; and, in the same pass, the
/// formulas whose result is missing. Shared formulas are expanded from their anchor, as
/// calamine's `next_formula` does, but without its table indexed by the file's own numbering
/// (which a file can set to billions).
fn xlsx_cells<RS: Read + Seek>(
    xlsx: &mut Xlsx<RS>,
    name: &str,
    path: &Path,
    values: &mut Budget,
    formulas: &mut Budget,
) -> Result<(Range<Data>, UnsavedFormulas), Vec<Problem>> {
    let cannot_read = |e: XlsxError| {
        vec![
            Problem::new(Location::sheet(path, name), msg!("sheet-unreadable"))
                .with_detail(e.to_string()),
        ]
    };
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok((Range::default(), Vec::new())),
        Err(e) => return Err(cannot_read(e)),
    };
    let refuse = |e: Exceeded| vec![e.problem(path)];
    let mut anchors: HashMap<usize, (String, (u32, u32))> = HashMap::new();
    let mut cells = Cells::new(name, path, values);
    let mut unsaved = Vec::new();
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(cannot_read)?
    {
        let value = record.value;
        let missing = match &value {
            DataRef::Empty => true,
            DataRef::String(s) => s.is_empty(),
            DataRef::SharedString(s) => s.is_empty(),
            _ => false,
        };
        let formula = match record.formula {
            Some(XlsxFormulaMetadata::Normal { formula }) => Some(formula),
            Some(XlsxFormulaMetadata::Shared {
                shared_index,
                range,
                formula,
            }) => {
                if !formula.is_empty() {
                    let start = range.map_or(record.pos, |r| r.start);
                    anchors.insert(shared_index, (formula.clone(), start));
                }
                Some(formula)
            }
            // Expanded only when it is needed: for a message.
            Some(XlsxFormulaMetadata::SharedDerived { shared_index }) if missing => {
                anchors.get(&shared_index).and_then(|(template, start)| {
                    expand_shared_formula(template, *start, record.pos).ok()
                })
            }
            Some(_) | None => None,
        };
        if let Some(formula) = formula.filter(|f| !f.is_empty() && missing) {
            let text = Text::of(&formula);
            let at = CellRef::new(record.pos.0, record.pos.1);
            check_text(text.chars, Some(name), Some(at)).map_err(refuse)?;
            formulas.hold_text(Some(name), text.bytes).map_err(refuse)?;
            unsaved.push((at, formula));
        }
        let text = match &value {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Some(Text::of(s))
            }
            DataRef::SharedString(s) => Some(Text::of(s)),
            _ => None,
        };
        cells.push(Cell::new(record.pos, Data::from(value)), text)?;
    }
    Ok((cells.lay_out()?, unsaved))
}

/// Characters and bytes of a cell's text.
#[derive(Clone, Copy)]
struct Text {
    chars: u64,
    bytes: u64,
}

impl Text {
    fn of(text: &str) -> Text {
        Text {
            chars: text.chars().count() as u64,
            bytes: text.len() as u64,
        }
    }
}

/// A sheet's cells as they are read, counted against the limits for all sheets.
struct Cells<'a, T: CellType> {
    name: &'a str,
    path: &'a Path,
    budget: &'a mut Budget,
    cells: Vec<Cell<T>>,
    area: Option<Area>,
}

impl<'a, T: CellType> Cells<'a, T> {
    fn new(name: &'a str, path: &'a Path, budget: &'a mut Budget) -> Self {
        Cells {
            name,
            path,
            budget,
            cells: Vec::new(),
            area: None,
        }
    }

    /// Adds a cell (with its text, if any), unless the limits are reached.
    fn push(&mut self, cell: Cell<T>, text: Option<Text>) -> Result<(), Vec<Problem>> {
        let (row, col) = cell.get_position();
        let at = CellRef::new(row, col);
        let area = *self.area.get_or_insert(Area::of(at)).extend(at);
        let refuse = |e: Exceeded| vec![e.problem(self.path)];
        if let Some(text) = text {
            check_text(text.chars, Some(self.name), Some(at)).map_err(refuse)?;
            self.budget
                .hold_text(Some(self.name), text.bytes)
                .map_err(refuse)?;
        }
        self.cells.push(cell);
        // The cells listed so far are held as well as the grid to come.
        self.budget
            .check(self.name, self.cells.len() as u64, &area)
            .map_err(refuse)
    }

    /// The cells as a grid, unless it breaks the limits.
    fn lay_out(self) -> Result<Range<T>, Vec<Problem>> {
        let Some(area) = self.area else {
            return Ok(Range::default());
        };
        self.budget
            .lay_out(self.name, &area)
            .map_err(|e| vec![e.problem(self.path)])?;
        Ok(Range::from_sparse(self.cells))
    }
}

//! Reading a unit's self-assessment workbook (.xlsx, .xls, .ods) by its labels.
//!
//! The reader finds the header cells "Mã đơn vị", "Tên đơn vị", "Năm" (value in the next non-empty
//! cell to the right) and the criteria table by its header row, in any column order, on whichever
//! sheet holds it (visible sheets first). Header labels may be merged cells or split over two rows
//! ("Điểm" above "Tự đánh giá"). Rows are matched to the framework by criterion code. Rows of areas
//! and criteria that have sub-criteria are subtotals: their scores are checked against the leaves
//! (a warning) but never added, so nothing is counted twice.

pub mod cell;
pub mod labels;

use std::collections::HashMap;
use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use calamine::{
    Cell, CellType, Data, DataRef, Range, Reader, SheetVisible, Sheets, Xlsx, XlsxError,
    open_workbook_auto, open_workbook_auto_from_rs,
};
use rust_decimal::Decimal;

use crate::framework::{Framework, LeafRule, Source};
use crate::problem::{CellRef, Location, Problem};
use cell::Score;
use labels::Label;

/// A score cell as read: where it is, what it held, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreCell {
    pub cell: CellRef,
    pub raw: String,
    pub score: Score,
}

/// One leaf's row in the unit's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafRow {
    pub self_score: ScoreCell,
    pub appraised: ScoreCell,
    pub evidence: String,
    pub note: String,
}

/// A unit's self-assessment, matched to a framework and checked cell by cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAssessment {
    pub file: PathBuf,
    pub sheet: String,
    pub unit_code: String,
    pub unit_name: String,
    pub year: i32,
    /// Indexed like `Framework::nodes`; `Some` for every leaf.
    pub leaves: Vec<Option<LeafRow>>,
    /// Things worth a look that do not block scoring.
    pub warnings: Vec<Problem>,
}

/// How thorough the reading is. Scoring skips the checks that cost a second pass over the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Everything needed to score correctly.
    Scoring,
    /// Also formula cells without a saved result (reads the sheet's formulas too).
    Full,
}

/// Reads one unit workbook against a framework. `Err` holds every problem found (at least one
/// error, plus any warnings); `Ok` carries the warnings in the assessment.
pub fn read_unit(path: &Path, framework: &Framework) -> Result<UnitAssessment, Vec<Problem>> {
    read_unit_checked(path, framework, Checks::Scoring)
}

/// [`read_unit`] with a choice of checks.
pub fn read_unit_checked(
    path: &Path,
    framework: &Framework,
    checks: Checks,
) -> Result<UnitAssessment, Vec<Problem>> {
    let workbook = contain_panics(path, || {
        open_workbook_auto(path).map_err(|e| vec![unreadable(path, e)])
    })?;
    read_workbook(workbook, path, framework, checks)
}

/// Reads a workbook held in memory; `name` is used in messages. Used by the fuzz target.
pub fn read_unit_bytes(
    bytes: &[u8],
    name: &Path,
    framework: &Framework,
    checks: Checks,
) -> Result<UnitAssessment, Vec<Problem>> {
    let workbook = contain_panics(name, || {
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| vec![unreadable(name, e)])
    })?;
    read_workbook(workbook, name, framework, checks)
}

fn read_workbook<RS: Read + Seek>(
    mut workbook: Sheets<RS>,
    path: &Path,
    framework: &Framework,
    checks: Checks,
) -> Result<UnitAssessment, Vec<Problem>> {
    let mut sheets = contain_panics(path, || load_sheets(&mut workbook, path, checks))?;
    // An .xlsx sheet's merged areas can only be had by parsing the whole sheet a second time,
    // which would double the reading time; they matter only for finding header labels, so they
    // are read when the header is not found without them.
    let found = find_table(path, &sheets).map(|(sheet, header)| (sheet.name.clone(), header));
    let (table_sheet, header) = match found {
        Ok(found) => found,
        Err(problems) => {
            let Sheets::Xlsx(xlsx) = &mut workbook else {
                return Err(problems);
            };
            contain_panics(path, || {
                for sheet in &mut sheets {
                    sheet.merges = xlsx
                        .merge_cells_by_sheet_name(&sheet.name)
                        .unwrap_or_default();
                }
                Ok(())
            })?;
            find_table(path, &sheets).map(|(sheet, header)| (sheet.name.clone(), header))?
        }
    };
    let sheet = sheets
        .iter()
        .find(|s| s.name == table_sheet)
        .expect("the table's sheet is one of the sheets");
    read_table(sheet, header, path, framework)
}

/// The spreadsheet library can panic on some damaged files (found by fuzzing: a broken .xls
/// container). One damaged file must not abort a batch of hundreds, so the panic becomes that
/// file's problem. Only the library's loading runs in here; our own reading does not, so a bug of
/// ours still panics (and the fuzzer still sees it).
fn contain_panics<T>(
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

fn unreadable(path: &Path, error: calamine::Error) -> Problem {
    Problem::new(
        Location::file(path),
        format!("cannot be read as a workbook (.xlsx, .xls or .ods): {error}"),
    )
}

/// A sheet as loaded: its values, whether it is hidden, its merged areas and (with full checks)
/// its formulas.
struct LoadedSheet {
    name: String,
    hidden: bool,
    range: Range<Data>,
    merges: Vec<calamine::Dimensions>,
    formulas: Option<Range<String>>,
}

/// Everything taken from the spreadsheet library, sheet by sheet.
fn load_sheets<RS: Read + Seek>(
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

/// Reads the unit from the sheet holding its table.
fn read_table(
    sheet: &LoadedSheet,
    header: Header,
    path: &Path,
    framework: &Framework,
) -> Result<UnitAssessment, Vec<Problem>> {
    let mut reader = SheetReader {
        path,
        sheet: &sheet.name,
        range: &sheet.range,
        problems: Vec::new(),
    };
    if sheet.hidden {
        reader.problems.push(Problem::warning(
            Location::sheet(path, &sheet.name),
            "the criteria table is on a hidden sheet",
        ));
    }
    if let Some(formulas) = &sheet.formulas {
        reader.check_formula_results(formulas);
    }
    let unit = reader.read(&header, framework);
    match unit {
        Some(unit) if !reader.problems.iter().any(Problem::is_error) => Ok(UnitAssessment {
            file: path.to_path_buf(),
            sheet: sheet.name.clone(),
            warnings: reader.problems,
            ..unit
        }),
        _ => Err(reader.problems),
    }
}

/// The criteria table's header row and the column of each label found in it.
struct Header {
    row: u32,
    columns: HashMap<&'static str, u32>,
}

impl Header {
    fn column(&self, label: Label) -> Option<u32> {
        self.columns.get(label.name).copied()
    }
}

/// The text the label search sees in a cell: inside a merged area, the area's first cell's text;
/// elsewhere its own.
fn label_text(sheet: &LoadedSheet, row: u32, col: u32) -> Option<&str> {
    let text_at = |(row, col): (u32, u32)| match sheet.range.get_value((row, col)) {
        Some(Data::String(text)) => Some(text.as_str()),
        _ => None,
    };
    sheet
        .merges
        .iter()
        .rev()
        .filter(|merge| merge.contains(row, col))
        .find_map(|merge| text_at(merge.start))
        .or_else(|| text_at((row, col)))
}

/// Finds the sheet and row holding the criteria table's header; visible sheets are searched
/// first. A label may stand alone in the header row or be split over that row and the one above
/// ("Điểm" / "Tự đánh giá"). When no row has every required label, the problem names the closest
/// row and the labels it lacks.
fn find_table<'a>(
    path: &Path,
    sheets: &'a [LoadedSheet],
) -> Result<(&'a LoadedSheet, Header), Vec<Problem>> {
    let required = &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS];
    let mut best: Option<(usize, &str, CellRef, Vec<&'static str>)> = None;
    let visible_first = sheets
        .iter()
        .filter(|s| !s.hidden)
        .chain(sheets.iter().filter(|s| s.hidden));
    for sheet in visible_first {
        let (Some((row0, col0)), Some((row_end, col_end))) =
            (sheet.range.start(), sheet.range.end())
        else {
            continue;
        };
        // Each cell folded once; "Điểm" above "Tự đánh giá" folds to "diem" + "tudanhgia".
        let folded_row = |row: u32| -> HashMap<u32, String> {
            (col0..=col_end)
                .filter_map(|col| Some((col, labels::fold(label_text(sheet, row, col)?))))
                .collect()
        };
        let mut above = row0.checked_sub(1).map(folded_row).unwrap_or_default();
        for row in row0..=row_end {
            let own_row = folded_row(row);
            let mut columns = HashMap::new();
            let mut duplicated = Vec::new();
            for col in col0..=col_end {
                let Some(own) = own_row.get(&col) else {
                    continue;
                };
                let combined = above.get(&col).map(|a| format!("{a}{own}"));
                for label in labels::TABLE_COLUMNS {
                    let matches = label.matches_folded(own)
                        || combined.as_deref().is_some_and(|c| label.matches_folded(c));
                    if matches && columns.insert(label.name, col).is_some_and(|c| c != col) {
                        duplicated.push(label.name);
                    }
                }
            }
            let found = required
                .iter()
                .filter(|l| columns.contains_key(l.name))
                .count();
            if found == required.len() {
                if !duplicated.is_empty() {
                    return Err(vec![Problem::new(
                        Location::cell(path, &sheet.name, CellRef::new(row, col0)),
                        format!(
                            "the header row has more than one column labelled {}",
                            quoted(&duplicated)
                        ),
                    )]);
                }
                return Ok((sheet, Header { row, columns }));
            }
            if found > 0 && best.as_ref().is_none_or(|b| found > b.0) {
                let missing = required
                    .iter()
                    .filter(|l| !columns.contains_key(l.name))
                    .map(|l| l.name)
                    .collect();
                best = Some((found, &sheet.name, CellRef::new(row, col0), missing));
            }
            above = own_row;
        }
    }
    let problem = match best {
        Some((_, sheet, cell, missing)) => Problem::new(
            Location::cell(path, sheet, cell),
            format!(
                "the criteria table's header row lacks the label {}",
                quoted(&missing)
            ),
        ),
        None => Problem::new(
            Location::file(path),
            format!(
                "no sheet has the criteria table: no header row with the labels {}",
                quoted(&required.iter().map(|l| l.name).collect::<Vec<_>>())
            ),
        ),
    };
    Err(vec![problem])
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

struct SheetReader<'a> {
    path: &'a Path,
    sheet: &'a str,
    range: &'a Range<Data>,
    problems: Vec<Problem>,
}

/// The table's required columns.
struct Columns {
    code: u32,
    name: u32,
    max: u32,
    self_score: u32,
    appraised: u32,
}

impl SheetReader<'_> {
    fn at(&self, cell: CellRef) -> Location {
        Location::cell(self.path, self.sheet, cell)
    }

    fn error(&mut self, cell: CellRef, code: Option<&str>, message: String) {
        let problem = Problem::new(self.at(cell), message);
        self.problems.push(match code {
            Some(code) => problem.for_criterion(code),
            None => problem,
        });
    }

    fn warn(&mut self, cell: CellRef, code: &str, message: String) {
        self.problems
            .push(Problem::warning(self.at(cell), message).for_criterion(code));
    }

    fn get(&self, cell: CellRef) -> &Data {
        self.range
            .get_value((cell.row, cell.col))
            .unwrap_or(&Data::Empty)
    }

    /// Reads the unit's header values and its table. `None` when a header value is missing (the
    /// problem is recorded).
    fn read(&mut self, header: &Header, framework: &Framework) -> Option<UnitAssessment> {
        let unit_code = self.header_value(labels::UNIT_CODE, cell::read_code);
        let unit_name = self.header_value(labels::UNIT_NAME, |c| {
            Ok(Some(cell::read_text(c)).filter(|name| !name.is_empty()))
        });
        let year = self.header_value(labels::YEAR, |c| cell::read_year(c).map(Some));
        if let Some((year, at)) = &year
            && *year != framework.year
        {
            self.error(
                *at,
                None,
                format!(
                    "the form is for {year} but the criteria file \"{}\" is for {}",
                    framework.id, framework.year
                ),
            );
        }
        self.check_fingerprint(framework);
        let leaves = self.read_table(header, framework);
        let (Some((unit_code, _)), Some((unit_name, _)), Some((year, _))) =
            (unit_code, unit_name, year)
        else {
            return None;
        };
        Some(UnitAssessment {
            file: PathBuf::new(),
            sheet: String::new(),
            unit_code,
            unit_name,
            year,
            leaves,
            warnings: Vec::new(),
        })
    }

    /// Finds a label anywhere on the sheet; returns the label's cell.
    fn find_label(&self, label: Label) -> Option<CellRef> {
        let (row0, col0) = self.range.start()?;
        self.range
            .cells()
            .find(|(_, _, value)| matches!(value, Data::String(text) if label.matches(text)))
            .map(|(r, c, _)| CellRef::new(row0 + r as u32, col0 + c as u32))
    }

    /// The first non-empty cell to the right of a label (labels are often merged over two cells).
    fn value_right_of(&self, label_cell: CellRef) -> Option<CellRef> {
        let (_, col_end) = self.range.end()?;
        (label_cell.col + 1..=col_end)
            .map(|col| CellRef::new(label_cell.row, col))
            .find(|&cell| !matches!(self.get(cell), Data::Empty))
    }

    /// Reads the value of a required header label.
    fn header_value<T>(
        &mut self,
        label: Label,
        read: impl Fn(&Data) -> Result<Option<T>, String>,
    ) -> Option<(T, CellRef)> {
        let Some(label_cell) = self.find_label(label) else {
            self.problems.push(Problem::new(
                Location::sheet(self.path, self.sheet),
                format!(
                    "no cell labelled \"{}\" (the value goes in the cell to its right)",
                    label.name
                ),
            ));
            return None;
        };
        let Some(value_cell) = self.value_right_of(label_cell) else {
            self.error(
                label_cell,
                None,
                format!("\"{}\" has no value to its right", label.name),
            );
            return None;
        };
        match read(self.get(value_cell)) {
            Ok(Some(value)) => Some((value, value_cell)),
            Ok(None) => {
                self.error(value_cell, None, format!("\"{}\" is empty", label.name));
                None
            }
            Err(message) => {
                self.error(value_cell, None, format!("{}: {message}", label.name));
                None
            }
        }
    }

    /// A form generated by `parindex template` names its framework; another framework's form is
    /// refused even when its codes happen to match.
    fn check_fingerprint(&mut self, framework: &Framework) {
        let Some(label_cell) = self.find_label(labels::FRAMEWORK) else {
            return;
        };
        let Some(value_cell) = self.value_right_of(label_cell) else {
            return;
        };
        let found = cell::read_text(self.get(value_cell));
        let expected = framework.fingerprint();
        if found != expected {
            self.error(
                value_cell,
                None,
                format!(
                    "the form was made for another framework ({found}); this criteria file is {expected}: \
                     generate the form again with `parindex template`"
                ),
            );
        }
    }

    /// Reads every row below the header; returns the leaf rows indexed like the framework's nodes.
    fn read_table(&mut self, header: &Header, framework: &Framework) -> Vec<Option<LeafRow>> {
        let mut leaves: Vec<Option<LeafRow>> = vec![None; framework.nodes.len()];
        let mut seen_at: Vec<Option<u32>> = vec![None; framework.nodes.len()];
        let col = |label| header.column(label).expect("required column found");
        let columns = Columns {
            code: col(labels::CODE),
            name: col(labels::CRITERION),
            max: col(labels::MAX),
            self_score: col(labels::SELF_SCORE),
            appraised: col(labels::APPRAISED_SCORE),
        };
        let last_row = self.range.end().map_or(header.row, |(r, _)| r);
        // Subtotal cells as written, checked against the leaves once all rows are read.
        let mut subtotals = Vec::new();

        for row in header.row + 1..=last_row {
            let Some((index, code)) = self.match_row(row, &columns, framework, &mut seen_at) else {
                continue;
            };
            let node = &framework.nodes[index];
            self.check_maximum(CellRef::new(row, columns.max), &code, node.max);
            let Some(rule) = &node.leaf else {
                subtotals.push((index, row));
                continue;
            };
            let self_score =
                self.score_cell(CellRef::new(row, columns.self_score), &code, node.max, rule);
            let appraised =
                self.score_cell(CellRef::new(row, columns.appraised), &code, node.max, rule);
            let text_at = |label| {
                header
                    .column(label)
                    .map(|c| cell::read_text(self.get(CellRef::new(row, c))))
                    .unwrap_or_default()
            };
            let leaf = LeafRow {
                self_score,
                appraised,
                evidence: text_at(labels::EVIDENCE),
                note: text_at(labels::NOTE),
            };
            let evidence_cell = header
                .column(labels::EVIDENCE)
                .map(|c| CellRef::new(row, c));
            self.check_leaf(&leaf, &code, rule, evidence_cell);
            leaves[index] = Some(leaf);
        }

        for index in framework.leaves() {
            if seen_at[index].is_none() {
                let code = &framework.nodes[index].code;
                self.problems.push(
                    Problem::new(
                        Location::sheet(self.path, self.sheet),
                        format!(
                            "the row for criterion {code} is missing (every leaf of the criteria file needs a row)"
                        ),
                    )
                    .for_criterion(code),
                );
            }
        }
        // A leaf cell in error reads as empty, so subtotals would only add noise to the errors.
        if !self.problems.iter().any(Problem::is_error) {
            for (index, row) in subtotals {
                self.check_subtotal(index, row, &columns, framework, &leaves);
            }
        }
        leaves
    }

    /// Matches a row to a framework node by its code; `None` for rows without a code (checked to
    /// hold no score) and for rows with a bad, unknown or repeated code (reported).
    fn match_row(
        &mut self,
        row: u32,
        columns: &Columns,
        framework: &Framework,
        seen_at: &mut [Option<u32>],
    ) -> Option<(usize, String)> {
        let code_cell = CellRef::new(row, columns.code);
        let code = match cell::read_code(self.get(code_cell)) {
            Ok(code) => code,
            Err(message) => {
                self.error(code_cell, None, message);
                return None;
            }
        };
        let Some(code) = code else {
            self.check_row_without_code(row, columns.name, [columns.self_score, columns.appraised]);
            return None;
        };
        if matches!(self.get(code_cell), Data::Float(_)) {
            // 1.10 typed as a number is stored as 1.1: refuse to guess between the two.
            let longer: Vec<String> = (1..=2)
                .map(|zeros| format!("{code}{}", "0".repeat(zeros)))
                .filter(|c| c.contains('.') && framework.node_index(c).is_some())
                .collect();
            if !longer.is_empty() {
                self.error(
                    code_cell,
                    Some(&code),
                    format!(
                        "the code is typed as the number {code}, which could also be criterion {}; type codes as text",
                        longer.join(" or ")
                    ),
                );
                return None;
            }
        }
        let Some(index) = framework.node_index(&code) else {
            self.error(
                code_cell,
                Some(&code),
                format!(
                    "unknown criterion code \"{code}\": it is not in the criteria file \"{}\"",
                    framework.id
                ),
            );
            return None;
        };
        if let Some(first) = seen_at[index] {
            self.error(
                code_cell,
                Some(&code),
                format!(
                    "duplicate row: this criterion is already on row {}",
                    first + 1
                ),
            );
            return None;
        }
        seen_at[index] = Some(row);
        Some((index, code))
    }

    /// A form whose maxima differ from the criteria file was made for other rules.
    fn check_maximum(&mut self, at: CellRef, code: &str, expected: Decimal) {
        let found = match cell::read_score(self.get(at)) {
            Ok((Score::Points(found), _)) => found,
            Ok(_) => return,
            Err(message) => {
                self.error(at, Some(code), format!("maximum: {message}"));
                return;
            }
        };
        if found != expected {
            self.error(
                at,
                Some(code),
                format!(
                    "the form's maximum is {found} but the criteria file says {expected}: the form was made for other criteria"
                ),
            );
        }
    }

    /// Warnings on a leaf row: missing evidence, self score below the appraised one.
    fn check_leaf(
        &mut self,
        leaf: &LeafRow,
        code: &str,
        rule: &LeafRule,
        evidence_cell: Option<CellRef>,
    ) {
        let points = |cell: &ScoreCell| match cell.score {
            Score::Points(p) => Some(p),
            _ => None,
        };
        let scored = points(&leaf.self_score)
            .or(points(&leaf.appraised))
            .is_some();
        if let Some(at) = evidence_cell
            && scored
            && rule.source == Source::Appraisal
            && leaf.evidence.is_empty()
            && leaf.note.is_empty()
        {
            self.warn(
                at,
                code,
                "scored without evidence (tài liệu kiểm chứng) or an explanation in the note"
                    .to_string(),
            );
        }
        if let (Some(own), Some(appraised)) = (points(&leaf.self_score), points(&leaf.appraised))
            && own < appraised
        {
            self.warn(
                leaf.self_score.cell,
                code,
                format!(
                    "the self score {own} is lower than the appraised score {appraised} (unusual)"
                ),
            );
        }
    }

    /// A subtotal written in the sheet that disagrees with its leaves is a sign of a broken formula
    /// or a typo; it is never used, so this is a warning.
    fn check_subtotal(
        &mut self,
        index: usize,
        row: u32,
        columns: &Columns,
        framework: &Framework,
        leaves: &[Option<LeafRow>],
    ) {
        for (col, pick) in [
            (
                columns.self_score,
                (|l: &LeafRow| &l.self_score) as fn(&LeafRow) -> &ScoreCell,
            ),
            (columns.appraised, |l: &LeafRow| &l.appraised),
        ] {
            let at = CellRef::new(row, col);
            let Ok((Score::Points(written), _)) = cell::read_score(self.get(at)) else {
                continue;
            };
            let mut sum = Decimal::ZERO;
            let mut stack = vec![index];
            while let Some(n) = stack.pop() {
                let node = &framework.nodes[n];
                if node.leaf.is_some() {
                    match leaves[n].as_ref().map(|l| pick(l).score) {
                        Some(Score::Points(p)) => sum += p,
                        Some(Score::NotApplicable | Score::Empty) => {}
                        None => return,
                    }
                } else {
                    stack.extend(&node.children);
                }
            }
            let sum = sum.normalize();
            if written != sum {
                let code = framework.nodes[index].code.clone();
                self.warn(
                    at,
                    &code,
                    format!("the subtotal in the sheet is {written} but its criteria add up to {sum} (the subtotal is not used)"),
                );
            }
        }
    }

    /// A row without a code may be a title, a blank or a total row; scores anywhere else would be
    /// lost, so they are reported.
    fn check_row_without_code(&mut self, row: u32, name_col: u32, score_cols: [u32; 2]) {
        if labels::is_total_row(&cell::read_text(self.get(CellRef::new(row, name_col)))) {
            return;
        }
        for col in score_cols {
            let at = CellRef::new(row, col);
            if !matches!(cell::read_score(self.get(at)), Ok((Score::Empty, _))) {
                self.error(
                    at,
                    None,
                    "a score in a row without a criterion code (\"Mã tiêu chí\") cannot be matched to any criterion".to_string(),
                );
            }
        }
    }

    /// Reads and checks one score cell against the leaf's maximum and rules.
    fn score_cell(&mut self, at: CellRef, code: &str, max: Decimal, rule: &LeafRule) -> ScoreCell {
        let value = self.get(at).clone();
        let raw = cell::read_text(&value);
        let score = match cell::read_score(&value) {
            Ok((score, warning)) => {
                if let Some(warning) = warning {
                    self.warn(at, code, warning);
                }
                score
            }
            Err(message) => {
                self.error(at, Some(code), message);
                Score::Empty
            }
        };
        let problem = match score {
            Score::Points(points) if points < Decimal::ZERO => {
                Some(format!("score {points} is below zero"))
            }
            Score::Points(points) if points > max => {
                Some(format!("score {points} is above the maximum {max}"))
            }
            Score::Points(points) => rule
                .step
                .filter(|step| !(points % step).is_zero())
                .map(|step| format!("score {points} is not a multiple of the step {step}")),
            Score::NotApplicable if !rule.allow_not_applicable => Some(format!(
                "\"{raw}\" marks it not applicable, but the criteria file does not allow that for this criterion"
            )),
            Score::NotApplicable | Score::Empty => None,
        };
        if let Some(message) = problem {
            self.error(at, Some(code), message);
        }
        ScoreCell {
            cell: at,
            raw,
            score,
        }
    }

    /// Formula cells whose saved result is missing read as empty: the file was written by a
    /// program that does not calculate. Only a spreadsheet program can fix that.
    fn check_formula_results(&mut self, formulas: &Range<String>) {
        let Some((row0, col0)) = formulas.start() else {
            return;
        };
        for (r, c, formula) in formulas.used_cells() {
            let at = CellRef::new(row0 + r as u32, col0 + c as u32);
            let missing = match self.get(at) {
                Data::Empty => true,
                Data::String(s) => s.is_empty(),
                _ => false,
            };
            if !formula.is_empty() && missing {
                self.error(
                    at,
                    None,
                    format!(
                        "the formula ={formula} has no saved result: open the file in a spreadsheet program and save it again"
                    ),
                );
            }
        }
    }
}

//! Reading a unit's self-assessment workbook (.xlsx, .xls, .ods) by its labels.
//!
//! The reader finds the header cells "Mã đơn vị", "Tên đơn vị", "Năm" (value in the next non-empty
//! cell to the right) and the criteria table by its header row, in any column order, on whichever
//! sheet holds it (visible sheets first). Header labels may be merged cells or split over two rows
//! ("Điểm" above "Tự đánh giá"). Rows are matched to the framework by criterion code. Rows of areas
//! and criteria that have sub-criteria are subtotals: their scores are checked against the leaves
//! (a warning) but never added, so nothing is counted twice.

pub mod cell;
pub mod container;
pub mod facts;
mod header;
pub mod labels;
pub mod limits;
mod open;
mod table;

use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use calamine::Sheets;

use crate::framework::Framework;
use crate::i18n::io_reason;
use crate::input::{self, InputError};
use crate::msg;
use crate::problem::{CellRef, Location, Problem};
use cell::Score;
use header::find_table;
use limits::Exceeded;
use open::{contain_panics, load_sheets, open, unreadable};
use table::read_table;

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
    /// A rule-based leaf's facts and the points they give (which count, whatever was typed).
    pub computed: Option<facts::Computed>,
}

impl LeafRow {
    /// The score that counts for a leaf: a rule leaf's computed points, else the typed cell.
    pub fn counted<'a>(&'a self, typed: &'a ScoreCell) -> Score {
        match &self.computed {
            Some(computed) => computed.score(),
            None => typed.score,
        }
    }
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
    /// The bonus and penalty items as entered, indexed like the framework's items.
    pub adjustments: Vec<facts::Adjusted>,
    /// Things worth a look that do not block scoring.
    pub warnings: Vec<Problem>,
}

/// Reads one unit workbook against a framework. `Err` holds every problem found (at least one
/// error, plus any warnings); `Ok` carries the warnings in the assessment. The file is read
/// whole (it must be a regular file of at most [`limits::MAX_FILE_BYTES`]), so that what is
/// checked is what is read.
pub fn read_unit(path: &Path, framework: &Framework) -> Result<UnitAssessment, Vec<Problem>> {
    let bytes = workbook_bytes(path)?;
    read_unit_bytes(&bytes, path, framework)
}

/// Every sheet of a workbook that is not a unit's form (a roster), by name, read within the same
/// limits as a form.
pub fn read_sheets(
    path: &Path,
) -> Result<Vec<(String, calamine::Range<calamine::Data>)>, Vec<Problem>> {
    let bytes = workbook_bytes(path)?;
    let format = container::check(&bytes).map_err(|e| vec![e.problem(path)])?;
    let mut workbook = contain_panics(path, || {
        open(format, Cursor::new(&bytes[..])).map_err(|e| vec![unreadable(path, e)])
    })?;
    let sheets = contain_panics(path, || load_sheets(&mut workbook, path))?;
    Ok(sheets.into_iter().map(|s| (s.name, s.range)).collect())
}

/// The bytes of a workbook file, within the file limit.
fn workbook_bytes(path: &Path) -> Result<Vec<u8>, Vec<Problem>> {
    input::read_bytes(path, limits::MAX_FILE_BYTES, input::InputKind::Workbook).map_err(|e| {
        let problem = match e.get_ref().and_then(|e| e.downcast_ref::<InputError>()) {
            Some(InputError::TooLarge { size, .. }) => Exceeded::File { size: *size }.problem(path),
            Some(refused) => Problem::new(
                Location::file(path),
                msg!("input-refused", reason = refused.to_string()),
            ),
            None => Problem::new(
                Location::file(path),
                msg!("input-unreadable", reason = io_reason(&e)),
            ),
        };
        vec![problem]
    })
}

/// Reads a workbook held in memory; `name` is used in messages. Its container is checked against
/// the [`limits`] before the spreadsheet library sees it (see [`container`]).
pub fn read_unit_bytes(
    bytes: &[u8],
    name: &Path,
    framework: &Framework,
) -> Result<UnitAssessment, Vec<Problem>> {
    let format = container::check(bytes).map_err(|e| vec![e.problem(name)])?;
    let workbook = contain_panics(name, || {
        open(format, Cursor::new(bytes)).map_err(|e| vec![unreadable(name, e)])
    })?;
    read_workbook(workbook, name, framework)
}

fn read_workbook<RS: Read + Seek>(
    mut workbook: Sheets<RS>,
    path: &Path,
    framework: &Framework,
) -> Result<UnitAssessment, Vec<Problem>> {
    let mut sheets = contain_panics(path, || load_sheets(&mut workbook, path))?;
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
    let read = read_table(sheet, header, path, framework);
    if !framework.has_facts() {
        return read;
    }
    // Facts are read even when the table has errors, so one pass shows every problem.
    let (mut leaves, mut problems, unit) = match read {
        Ok(mut unit) => (
            std::mem::take(&mut unit.leaves),
            std::mem::take(&mut unit.warnings),
            Some(unit),
        ),
        Err(problems) => (vec![None; framework.nodes.len()], problems, None),
    };
    let adjustments = facts::read_facts(
        &sheets,
        &table_sheet,
        path,
        framework,
        &mut leaves,
        &mut problems,
    );
    match unit {
        Some(unit) if !problems.iter().any(Problem::is_error) => Ok(UnitAssessment {
            leaves,
            adjustments,
            warnings: problems,
            ..unit
        }),
        _ => Err(problems),
    }
}

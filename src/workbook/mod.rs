//! Reading a unit's self-assessment workbook (.xlsx, .xls, .ods) by its labels.
//!
//! The reader finds the header cells "Mã đơn vị", "Tên đơn vị", "Năm" (value in the next non-empty
//! cell to the right) and the criteria table by its header row, in any column order, on whichever
//! sheet holds it. Rows are matched to the framework by criterion code. Rows of areas and criteria
//! that have sub-criteria are subtotals: their scores are not read, so nothing is counted twice.

pub mod cell;
pub mod labels;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, open_workbook_auto};
use rust_decimal::Decimal;

use crate::framework::{Framework, LeafRule};
use crate::problem::{CellRef, Location, Problem};
use cell::Score;
use labels::Label;

/// A score cell as read: where it is and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreCell {
    pub cell: CellRef,
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
}

/// Reads one unit workbook against a framework. Returns every problem found, not only the first.
pub fn read_unit(path: &Path, framework: &Framework) -> Result<UnitAssessment, Vec<Problem>> {
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        vec![Problem::new(
            Location::file(path),
            format!("cannot be read as a workbook (.xlsx, .xls or .ods): {e}"),
        )]
    })?;

    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        match workbook.worksheet_range(&name) {
            Ok(range) => sheets.push((name, range)),
            Err(e) => {
                return Err(vec![Problem::new(
                    Location::sheet(path, &name),
                    format!("sheet cannot be read: {e}"),
                )]);
            }
        }
    }

    let (sheet_name, range, header) = find_table(path, &sheets)?;
    let mut reader = SheetReader {
        path,
        sheet: sheet_name,
        range,
        problems: Vec::new(),
    };
    let unit_code = reader.header_value(labels::UNIT_CODE, cell::read_code);
    let unit_name = reader.header_value(labels::UNIT_NAME, |c| {
        Ok(Some(cell::read_text(c)).filter(|name| !name.is_empty()))
    });
    let year = reader.header_value(labels::YEAR, |c| cell::read_year(c).map(Some));
    if let Some((year, at)) = &year
        && *year != framework.year
    {
        reader.problems.push(Problem::new(
            reader.at(*at),
            format!(
                "the form is for {year} but the criteria file \"{}\" is for {}",
                framework.id, framework.year
            ),
        ));
    }
    let leaves = reader.read_table(&header, framework);

    match (unit_code, unit_name, year) {
        (Some((unit_code, _)), Some((unit_name, _)), Some((year, _)))
            if reader.problems.is_empty() =>
        {
            Ok(UnitAssessment {
                file: path.to_path_buf(),
                sheet: sheet_name.to_string(),
                unit_code,
                unit_name,
                year,
                leaves,
            })
        }
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

/// Finds the sheet and row holding the criteria table's header. When no row has every required
/// label, the problem names the closest row and the labels it lacks.
fn find_table<'a>(
    path: &Path,
    sheets: &'a [(String, Range<Data>)],
) -> Result<(&'a str, &'a Range<Data>, Header), Vec<Problem>> {
    let mut best: Option<(usize, &str, CellRef, Vec<&'static str>)> = None;
    for (name, range) in sheets {
        let Some((row0, col0)) = range.start() else {
            continue;
        };
        for (r, row) in range.rows().enumerate() {
            let abs_row = row0 + r as u32;
            let mut columns = HashMap::new();
            let mut duplicated = Vec::new();
            for (c, value) in row.iter().enumerate() {
                let Data::String(text) = value else { continue };
                let folded = labels::fold(text);
                for label in labels::TABLE_COLUMNS {
                    if label.matches_folded(&folded)
                        && columns.insert(label.name, col0 + c as u32).is_some()
                    {
                        duplicated.push(label.name);
                    }
                }
            }
            let required = &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS];
            let found = required
                .iter()
                .filter(|l| columns.contains_key(l.name))
                .count();
            if found == required.len() {
                if !duplicated.is_empty() {
                    return Err(vec![Problem::new(
                        Location::cell(path, name, CellRef::new(abs_row, col0)),
                        format!(
                            "the header row has more than one column labelled {}",
                            quoted(&duplicated)
                        ),
                    )]);
                }
                return Ok((
                    name,
                    range,
                    Header {
                        row: abs_row,
                        columns,
                    },
                ));
            }
            if found > 0 && best.as_ref().is_none_or(|b| found > b.0) {
                let missing = required
                    .iter()
                    .filter(|l| !columns.contains_key(l.name))
                    .map(|l| l.name)
                    .collect();
                best = Some((found, name, CellRef::new(abs_row, col0), missing));
            }
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
                quoted(
                    &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS]
                        .iter()
                        .map(|l| l.name)
                        .collect::<Vec<_>>()
                )
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

impl SheetReader<'_> {
    fn at(&self, cell: CellRef) -> Location {
        Location::cell(self.path, self.sheet, cell)
    }

    fn get(&self, cell: CellRef) -> &Data {
        self.range
            .get_value((cell.row, cell.col))
            .unwrap_or(&Data::Empty)
    }

    /// Finds a header label anywhere on the sheet and reads the first non-empty cell to its right.
    fn header_value<T>(
        &mut self,
        label: Label,
        read: impl Fn(&Data) -> Result<Option<T>, String>,
    ) -> Option<(T, CellRef)> {
        let (row0, col0) = self.range.start()?;
        let (_, col_end) = self.range.end()?;
        let found = self.range.cells().find(|(_, _, value)| match value {
            Data::String(text) => label.matches(text),
            _ => false,
        });
        let Some((r, c, _)) = found else {
            self.problems.push(Problem::new(
                Location::sheet(self.path, self.sheet),
                format!(
                    "no cell labelled \"{}\" (the value goes in the cell to its right)",
                    label.name
                ),
            ));
            return None;
        };
        let label_cell = CellRef::new(row0 + r as u32, col0 + c as u32);
        let value_cell = (label_cell.col + 1..=col_end)
            .map(|col| CellRef::new(label_cell.row, col))
            .find(|&cell| !matches!(self.get(cell), Data::Empty));
        let Some(value_cell) = value_cell else {
            self.problems.push(Problem::new(
                self.at(label_cell),
                format!("\"{}\" has no value to its right", label.name),
            ));
            return None;
        };
        match read(self.get(value_cell)) {
            Ok(Some(value)) => Some((value, value_cell)),
            Ok(None) => {
                self.problems.push(Problem::new(
                    self.at(value_cell),
                    format!("\"{}\" is empty", label.name),
                ));
                None
            }
            Err(message) => {
                self.problems.push(Problem::new(
                    self.at(value_cell),
                    format!("{}: {message}", label.name),
                ));
                None
            }
        }
    }

    /// Reads every row below the header; returns the leaf rows indexed like the framework's nodes.
    fn read_table(&mut self, header: &Header, framework: &Framework) -> Vec<Option<LeafRow>> {
        let mut leaves: Vec<Option<LeafRow>> = vec![None; framework.nodes.len()];
        let mut seen_at: Vec<Option<u32>> = vec![None; framework.nodes.len()];
        let col = |label| header.column(label).expect("required column found");
        let (code_col, name_col) = (col(labels::CODE), col(labels::CRITERION));
        let (self_col, appraised_col) = (col(labels::SELF_SCORE), col(labels::APPRAISED_SCORE));
        let last_row = self.range.end().map_or(header.row, |(r, _)| r);

        for row in header.row + 1..=last_row {
            let code_cell = CellRef::new(row, code_col);
            let code = match cell::read_code(self.get(code_cell)) {
                Ok(code) => code,
                Err(message) => {
                    self.problems
                        .push(Problem::new(self.at(code_cell), message));
                    continue;
                }
            };
            let Some(code) = code else {
                self.check_row_without_code(row, name_col, [self_col, appraised_col]);
                continue;
            };
            let Some(index) = framework.node_index(&code) else {
                self.problems.push(
                    Problem::new(
                        self.at(code_cell),
                        format!(
                            "unknown criterion code \"{code}\": it is not in the criteria file \"{}\"",
                            framework.id
                        ),
                    )
                    .for_criterion(&code),
                );
                continue;
            };
            if let Some(first) = seen_at[index] {
                self.problems.push(
                    Problem::new(
                        self.at(code_cell),
                        format!(
                            "duplicate row: this criterion is already on row {}",
                            first + 1
                        ),
                    )
                    .for_criterion(&code),
                );
                continue;
            }
            seen_at[index] = Some(row);
            let node = &framework.nodes[index];
            let Some(rule) = &node.leaf else { continue };
            let self_score = self.score_cell(CellRef::new(row, self_col), &code, node.max, rule);
            let appraised =
                self.score_cell(CellRef::new(row, appraised_col), &code, node.max, rule);
            let text_at = |label| {
                header
                    .column(label)
                    .map(|c| cell::read_text(self.get(CellRef::new(row, c))))
                    .unwrap_or_default()
            };
            leaves[index] = Some(LeafRow {
                self_score,
                appraised,
                evidence: text_at(labels::EVIDENCE),
                note: text_at(labels::NOTE),
            });
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
        leaves
    }

    /// A row without a code may be a title, a blank or a total row; scores anywhere else would be
    /// lost, so they are reported.
    fn check_row_without_code(&mut self, row: u32, name_col: u32, score_cols: [u32; 2]) {
        if labels::is_total_row(&cell::read_text(self.get(CellRef::new(row, name_col)))) {
            return;
        }
        for col in score_cols {
            let at = CellRef::new(row, col);
            if !matches!(cell::read_score(self.get(at)), Ok(Score::Empty)) {
                self.problems.push(Problem::new(
                    self.at(at),
                    "a score in a row without a criterion code (\"Mã tiêu chí\") cannot be matched to any criterion",
                ));
            }
        }
    }

    /// Reads and checks one score cell against the leaf's maximum and rules.
    fn score_cell(&mut self, at: CellRef, code: &str, max: Decimal, rule: &LeafRule) -> ScoreCell {
        let value = self.get(at);
        let (score, problem) = match cell::read_score(value) {
            Ok(score) => (score, None),
            Err(message) => (Score::Empty, Some(message)),
        };
        let problem = problem.or_else(|| match score {
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
                "\"{}\" marks it not applicable, but the criteria file does not allow that for this criterion",
                cell::read_text(value)
            )),
            Score::NotApplicable | Score::Empty => None,
        });
        if let Some(message) = problem {
            self.problems
                .push(Problem::new(self.at(at), message).for_criterion(code));
        }
        ScoreCell { cell: at, score }
    }
}

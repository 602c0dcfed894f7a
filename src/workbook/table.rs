//! Reading the unit from the sheet holding its table: header values, one row per leaf matched by
//! criterion code, every score cell checked, subtotals compared with their leaves.

use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use rust_decimal::Decimal;

use super::cell::{self, Score};
use super::header::Header;
use super::labels::{self, Label};
use super::open::LoadedSheet;
use super::{LeafRow, ScoreCell, UnitAssessment};
use crate::framework::{Framework, LeafRule, Source};
use crate::i18n::Message;
use crate::problem::{CellRef, Location, Problem};
use crate::{msg, t};

/// Reads the unit from the sheet holding its table.
pub(super) fn read_table(
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
        unknown_codes: Vec::new(),
    };
    if sheet.hidden {
        reader.problems.push(Problem::warning(
            Location::sheet(path, &sheet.name),
            msg!("table-hidden-sheet"),
        ));
    }
    reader.check_formula_results(&sheet.unsaved_formulas);
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

struct SheetReader<'a> {
    path: &'a Path,
    sheet: &'a str,
    range: &'a Range<Data>,
    problems: Vec<Problem>,
    /// Codes not in the framework, with their cells, reported once every row is read.
    unknown_codes: Vec<(CellRef, String)>,
}

/// What a row of the table is.
enum Row {
    /// An area, criterion or sub-criterion of the framework, with its code as written.
    Node(usize, String),
    /// The grand total ("Tổng cộng"), which has no code.
    Total,
    /// A title or blank row, or a row whose code was reported.
    Other,
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

    fn error(&mut self, cell: CellRef, code: Option<&str>, message: Message) {
        let problem = Problem::new(self.at(cell), message);
        self.problems.push(match code {
            Some(code) => problem.for_criterion(code),
            None => problem,
        });
    }

    fn warn(&mut self, cell: CellRef, code: &str, message: Message) {
        self.warn_at(cell, Some(code), message);
    }

    fn warn_at(&mut self, cell: CellRef, code: Option<&str>, message: Message) {
        let warning = Problem::warning(self.at(cell), message);
        self.problems.push(match code {
            Some(code) => warning.for_criterion(code),
            None => warning,
        });
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
                msg!(
                    "form-year",
                    year = year.to_string(),
                    framework = &framework.id,
                    expected = framework.year.to_string()
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
            adjustments: Vec::new(),
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
        read: impl Fn(&Data) -> Result<Option<T>, Message>,
    ) -> Option<(T, CellRef)> {
        let Some(label_cell) = self.find_label(label) else {
            self.problems.push(Problem::new(
                Location::sheet(self.path, self.sheet),
                msg!("form-no-label", label = label.name),
            ));
            return None;
        };
        let Some(value_cell) = self.value_right_of(label_cell) else {
            self.error(label_cell, None, msg!("form-no-value", label = label.name));
            return None;
        };
        match read(self.get(value_cell)) {
            Ok(Some(value)) => Some((value, value_cell)),
            Ok(None) => {
                self.error(
                    value_cell,
                    None,
                    msg!("form-empty-value", label = label.name),
                );
                None
            }
            Err(message) => {
                let message = Message {
                    text: format!("{}: {}", label.name, message.text),
                    ..message
                };
                self.error(value_cell, None, message);
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
                msg!("form-fingerprint", found = &found, expected = expected),
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
        // Subtotal and total cells as written (`None`: the grand total), checked against the
        // leaves once all rows are read.
        let mut subtotals = Vec::new();

        for row in header.row + 1..=last_row {
            let (index, code) = match self.match_row(row, &columns, framework, &mut seen_at) {
                Row::Node(index, code) => (index, code),
                Row::Total => {
                    subtotals.push((None, row));
                    continue;
                }
                Row::Other => continue,
            };
            let node = &framework.nodes[index];
            self.check_maximum(CellRef::new(row, columns.max), &code, node.max);
            let Some(rule) = &node.leaf else {
                subtotals.push((Some(index), row));
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
                computed: None,
            };
            let evidence_cell = header
                .column(labels::EVIDENCE)
                .map(|c| CellRef::new(row, c));
            self.check_leaf(&leaf, &code, rule, evidence_cell);
            leaves[index] = Some(leaf);
        }

        let missing: Vec<usize> = framework
            .leaves()
            .filter(|&index| seen_at[index].is_none())
            .collect();
        // An unknown code one typing slip away from a missing one is that row ("1.1.l" for
        // "1.1.1"): one error with the suggestion, instead of two that do not meet.
        let mut suggested = Vec::new();
        for (at, code) in std::mem::take(&mut self.unknown_codes) {
            let closest = missing
                .iter()
                .filter(|index| !suggested.contains(*index))
                .map(|&index| {
                    let expected = &framework.nodes[index].code;
                    (strsim::damerau_levenshtein(&code, expected), index)
                })
                .filter(|(distance, _)| *distance <= 1)
                .min();
            let message = match closest {
                Some((_, index)) => {
                    suggested.push(index);
                    msg!(
                        "row-unknown-code-suggestion",
                        code = &code,
                        suggestion = &framework.nodes[index].code
                    )
                }
                None => msg!("row-unknown-code", code = &code, framework = &framework.id),
            };
            self.error(at, Some(&code), message);
        }
        for index in missing {
            if suggested.contains(&index) {
                continue;
            }
            let code = &framework.nodes[index].code;
            self.problems.push(
                Problem::new(
                    Location::sheet(self.path, self.sheet),
                    msg!("row-missing", code = code),
                )
                .for_criterion(code),
            );
        }
        // A leaf cell in error reads as empty, so subtotals would only add noise to the errors.
        if !self.problems.iter().any(Problem::is_error) {
            for (index, row) in subtotals {
                self.check_subtotal(index, row, &columns, framework, &leaves);
            }
        }
        leaves
    }

    /// Matches a row to a framework node by its code. Rows without a code are the total row or
    /// others (checked to hold no score); rows with a bad, unknown or repeated code are reported.
    fn match_row(
        &mut self,
        row: u32,
        columns: &Columns,
        framework: &Framework,
        seen_at: &mut [Option<u32>],
    ) -> Row {
        let code_cell = CellRef::new(row, columns.code);
        let code = match cell::read_code(self.get(code_cell)) {
            Ok(code) => code,
            Err(message) => {
                self.error(code_cell, None, message);
                return Row::Other;
            }
        };
        let Some(code) = code else {
            return self.row_without_code(
                row,
                columns.name,
                [columns.self_score, columns.appraised],
            );
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
                    msg!(
                        "row-code-as-number",
                        code = &code,
                        longer = longer.join(", ")
                    ),
                );
                return Row::Other;
            }
        }
        let Some(index) = framework.node_index(&code) else {
            // Reported once every row is read, with a suggestion if a missing code is close.
            self.unknown_codes.push((code_cell, code));
            return Row::Other;
        };
        if let Some(first) = seen_at[index] {
            self.error(
                code_cell,
                Some(&code),
                msg!("row-duplicate", row = first + 1),
            );
            return Row::Other;
        }
        seen_at[index] = Some(row);
        Row::Node(index, code)
    }

    /// A form whose maxima differ from the criteria file was made for other rules.
    fn check_maximum(&mut self, at: CellRef, code: &str, expected: Decimal) {
        let found = match cell::read_score(self.get(at)) {
            Ok((Score::Points(found), _)) => found,
            Ok(_) => return,
            Err(message) => {
                let message = Message {
                    text: t!("row-maximum-cell", problem = message.text),
                    ..message
                };
                self.error(at, Some(code), message);
                return;
            }
        };
        if found != expected {
            self.error(
                at,
                Some(code),
                msg!(
                    "row-maximum-differs",
                    found = found.to_string(),
                    expected = expected.to_string()
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
        // An external leaf's points come from the external file: what is typed here is not
        // used, and saying so beats letting it look counted.
        if rule.source == Source::External {
            for typed in [&leaf.self_score, &leaf.appraised] {
                if typed.score != Score::Empty {
                    self.warn(
                        typed.cell,
                        code,
                        msg!("leaf-external-typed", typed = &typed.raw),
                    );
                }
            }
            return;
        }
        let scored = points(&leaf.self_score)
            .or(points(&leaf.appraised))
            .is_some();
        if let Some(at) = evidence_cell
            && scored
            && rule.source == Source::Appraisal
            && leaf.evidence.is_empty()
            && leaf.note.is_empty()
        {
            self.warn(at, code, msg!("leaf-no-evidence"));
        }
        if let (Some(own), Some(appraised)) = (points(&leaf.self_score), points(&leaf.appraised))
            && own < appraised
        {
            self.warn(
                leaf.self_score.cell,
                code,
                msg!(
                    "leaf-self-below-appraised",
                    own = own.to_string(),
                    appraised = appraised.to_string()
                ),
            );
        }
    }

    /// A subtotal (or the grand total, `index` `None`) written in the sheet that disagrees with
    /// its leaves, or is not a number, is a sign of a broken formula or a typo; it is never used,
    /// so this is a warning.
    fn check_subtotal(
        &mut self,
        index: Option<usize>,
        row: u32,
        columns: &Columns,
        framework: &Framework,
        leaves: &[Option<LeafRow>],
    ) {
        let code = index.map(|index| framework.nodes[index].code.clone());
        for (col, pick) in [
            (
                columns.self_score,
                (|l: &LeafRow| &l.self_score) as fn(&LeafRow) -> &ScoreCell,
            ),
            (columns.appraised, |l: &LeafRow| &l.appraised),
        ] {
            let at = CellRef::new(row, col);
            let written = match cell::read_score(self.get(at)) {
                Ok((Score::Points(written), _)) => written,
                Ok(_) => continue,
                Err(_) => {
                    let found = cell::read_text(self.get(at));
                    self.warn_at(
                        at,
                        code.as_deref(),
                        match index {
                            Some(_) => msg!("subtotal-not-a-number", found = &found),
                            None => msg!("total-not-a-number", found = &found),
                        },
                    );
                    continue;
                }
            };
            let mut sum = Decimal::ZERO;
            let mut stack: Vec<usize> = match index {
                Some(index) => vec![index],
                None => framework.areas().collect(),
            };
            while let Some(n) = stack.pop() {
                let node = &framework.nodes[n];
                if node.leaf.is_some() {
                    match leaves[n].as_ref().map(|l| pick(l).score) {
                        Some(Score::Points(p)) => match sum.checked_add(p) {
                            Some(more) => sum = more,
                            None => return,
                        },
                        Some(Score::NotApplicable | Score::Empty) => {}
                        None => return,
                    }
                } else {
                    stack.extend(&node.children);
                }
            }
            let sum = sum.normalize();
            if written != sum {
                self.warn_at(
                    at,
                    code.as_deref(),
                    match index {
                        Some(_) => msg!(
                            "subtotal-differs",
                            written = written.to_string(),
                            sum = sum.to_string()
                        ),
                        None => msg!(
                            "total-differs",
                            written = written.to_string(),
                            sum = sum.to_string()
                        ),
                    },
                );
            }
        }
    }

    /// A row without a code may be a title, a blank or the total row; scores anywhere else would
    /// be lost, so they are reported.
    fn row_without_code(&mut self, row: u32, name_col: u32, score_cols: [u32; 2]) -> Row {
        if labels::is_total_row(&cell::read_text(self.get(CellRef::new(row, name_col)))) {
            return Row::Total;
        }
        for col in score_cols {
            let at = CellRef::new(row, col);
            if !matches!(cell::read_score(self.get(at)), Ok((Score::Empty, _))) {
                self.error(at, None, msg!("row-score-without-code"));
            }
        }
        Row::Other
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
                Some(msg!("score-below-zero", points = points.to_string()))
            }
            Score::Points(points) if points > max => Some(msg!(
                "score-above-max",
                points = points.to_string(),
                max = max.to_string()
            )),
            Score::Points(points) => {
                rule.step
                    .filter(|step| !(points % step).is_zero())
                    .map(|step| {
                        msg!(
                            "score-step",
                            points = points.to_string(),
                            step = step.to_string()
                        )
                    })
            }
            Score::NotApplicable if !rule.allows_not_applicable() => {
                Some(msg!("score-not-applicable-not-allowed", text = &raw))
            }
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
    fn check_formula_results(&mut self, unsaved: &[(CellRef, String)]) {
        for (at, formula) in unsaved {
            self.error(
                *at,
                None,
                msg!("formula-no-result", formula = formula.as_str()),
            );
        }
    }
}

//! Reading the facts of rule-based criteria from the form's measured-values sheet (số liệu) and
//! computing their points.
//!
//! The sheet is found by its header row ("Mã tiêu chí", "Mã số liệu", "Giá trị") on any sheet;
//! each row names a criterion and a fact key and holds the value the unit entered. Counts must be
//! whole and non-negative, parts never more than their whole; a choice must be one of the rule's
//! options. The points the rule gives are the leaf's points; a score typed anyway that differs is
//! a warning naming both.

use std::collections::HashMap;
use std::path::Path;

use calamine::Data;
use rust_decimal::Decimal;

use super::LeafRow;
use super::cell::{self, Score};
use super::labels::{self, Label, fold};
use super::open::LoadedSheet;
use crate::framework::rules::{Fact, Outcome, Rule, RuleError, RuleInput};
use crate::framework::{Framework, LeafRule};
use crate::msg;
use crate::problem::{CellRef, Location, Problem};

/// A fact as read from its cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCell {
    pub key: String,
    pub cell: CellRef,
    pub raw: String,
    pub fact: Fact,
}

/// A rule leaf's facts and the points they give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed {
    pub sheet: String,
    /// In the order of [`Rule::measures`].
    pub facts: Vec<FactCell>,
    pub outcome: Outcome,
}

impl Computed {
    /// The leaf's score: the rule's points, or not applicable when nothing arose.
    pub fn score(&self) -> Score {
        match self.outcome {
            Outcome::Points { points, .. } => Score::Points(points),
            Outcome::NothingArose => Score::NotApplicable,
        }
    }
}

/// How far down a sheet the header row is looked for.
const HEADER_ROWS: u32 = 30;

/// Reads the facts of every rule leaf into `unit` (computing their points), or adds the problems
/// found to `problems`. Warnings go to `problems` too; the caller sorts them out.
#[must_use]
pub(super) fn read_facts(
    sheets: &[LoadedSheet],
    table_sheet: &str,
    path: &Path,
    framework: &Framework,
    leaves: &mut [Option<LeafRow>],
    problems: &mut Vec<Problem>,
) -> Vec<Adjusted> {
    let rule_leaves: Vec<usize> = framework
        .leaves()
        .filter(|&i| rule_of(framework, i).is_some())
        .collect();
    let items = framework
        .adjustment
        .as_ref()
        .map_or(&[][..], |a| &a.items[..]);
    if rule_leaves.is_empty() && items.is_empty() {
        return Vec::new();
    }
    // The sheet the template names "Số liệu" first: the header search folds cell text, and
    // forms hold long paragraphs elsewhere. The table's own sheet cannot hold the facts.
    let by_name = |s: &&LoadedSheet| fold(&s.name) == fold(FACTS_SHEET);
    let candidates = sheets.iter().filter(by_name).chain(
        sheets
            .iter()
            .filter(|s| !by_name(s) && s.name != table_sheet),
    );
    let found = candidates
        .into_iter()
        .find_map(|s| find_header(s).map(|h| (s, h)));
    let Some((sheet, header)) = found else {
        let codes: Vec<&str> = rule_leaves
            .iter()
            .map(|&i| framework.nodes[i].code.as_str())
            .chain(items.iter().map(|item| item.code.as_str()))
            .collect();
        problems.push(Problem::new(
            Location::file(path),
            msg!("facts-sheet-missing", codes = codes.join(", ")),
        ));
        return Vec::new();
    };
    let mut reader = FactReader {
        path,
        sheet,
        problems,
    };
    let found = reader.rows(&header, framework);
    let adjusted = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let pseudo = framework.nodes.len() + i;
            let Some(row) = found.get(&(pseudo, ADJUSTMENT_KEY)) else {
                reader.problems.push(
                    Problem::new(
                        Location::sheet(path, &sheet.name),
                        msg!("facts-missing", key = ADJUSTMENT_KEY, label = &item.name),
                    )
                    .for_criterion(&item.code),
                );
                return None;
            };
            let at = CellRef::new(*row, header.value);
            let value = reader.get(at).clone();
            let points = reader.number(at, &value, false, &item.code)?;
            if points > item.max {
                reader.error(
                    at,
                    &item.code,
                    msg!(
                        "score-above-max",
                        points = points.to_string(),
                        max = item.max.to_string()
                    ),
                );
                return None;
            }
            Some(Adjusted {
                sheet: sheet.name.clone(),
                cell: at,
                points,
            })
        })
        .collect();
    for index in rule_leaves {
        let node = &framework.nodes[index];
        let (rule, leaf_rule) = rule_of(framework, index).expect("a rule leaf");
        let mut facts = Vec::new();
        for measure in rule.measures() {
            match found.get(&(index, measure.key.as_str())) {
                Some(at) => {
                    if let Some(fact) =
                        reader.fact(*at, header.value, rule, &measure.key, &node.code)
                    {
                        facts.push(fact);
                    }
                }
                None => reader.problems.push(
                    Problem::new(
                        Location::sheet(path, &sheet.name),
                        msg!("facts-missing", key = &measure.key, label = &measure.label),
                    )
                    .for_criterion(&node.code),
                ),
            }
        }
        if facts.len() != rule.measures().len() {
            continue;
        }
        let values: Vec<Fact> = facts.iter().map(|f| f.fact.clone()).collect();
        let whole_cell = facts[0].cell;
        let outcome = match rule.evaluate(&values, node.max, leaf_rule.step) {
            Ok(outcome) => outcome,
            Err(RuleError::PartsExceedWhole { parts, whole }) => {
                reader.error(
                    whole_cell,
                    &node.code,
                    msg!(
                        "facts-parts-exceed",
                        parts = parts.to_string(),
                        whole = whole.to_string()
                    ),
                );
                continue;
            }
            Err(RuleError::TooLarge) => {
                reader.error(whole_cell, &node.code, msg!("facts-too-large"));
                continue;
            }
        };
        if outcome == Outcome::NothingArose && !leaf_rule.allows_not_applicable() {
            reader.error(whole_cell, &node.code, msg!("facts-zero-whole"));
            continue;
        }
        let computed = Computed {
            sheet: sheet.name.clone(),
            facts,
            outcome,
        };
        if let Some(row) = leaves[index].as_mut() {
            for typed in [&row.self_score, &row.appraised] {
                let differs = match (typed.score, computed.score()) {
                    (Score::Empty, _) => false,
                    (typed, computed) => typed != computed,
                };
                if differs {
                    reader.problems.push(
                        Problem::warning(
                            Location::cell(path, table_sheet, typed.cell),
                            msg!(
                                "facts-typed-differs",
                                typed = &typed.raw,
                                computed = score_text(computed.score())
                            ),
                        )
                        .for_criterion(&node.code),
                    );
                }
            }
            row.computed = Some(computed);
        }
    }
    adjusted
}

/// The name `parindex template` gives the sheet of facts.
pub const FACTS_SHEET: &str = "Số liệu";

/// The key of a bonus or penalty item's row on the facts sheet: the points given or taken.
pub const ADJUSTMENT_KEY: &str = "diem";

/// A bonus or penalty item's points as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjusted {
    pub sheet: String,
    pub cell: CellRef,
    pub points: Decimal,
}

fn rule_of(framework: &Framework, index: usize) -> Option<(&Rule, &LeafRule)> {
    let leaf = framework.nodes[index].leaf.as_ref()?;
    leaf.rule.as_ref().map(|rule| (rule, leaf))
}

fn score_text(score: Score) -> String {
    match score {
        Score::Points(points) => points.normalize().to_string(),
        Score::NotApplicable => "KPS".into(),
        Score::Empty => String::new(),
    }
}

/// The header row of the measured-values sheet and its columns.
struct FactHeader {
    row: u32,
    code: u32,
    key: u32,
    value: u32,
}

fn find_header(sheet: &LoadedSheet) -> Option<FactHeader> {
    let (start_row, _) = sheet.range.start()?;
    let (end_row, _) = sheet.range.end()?;
    let wanted: [Label; 3] = [labels::CODE, labels::FACT_KEY, labels::FACT_VALUE];
    let longest = wanted.iter().map(Label::longest).max().unwrap_or(0);
    for row in start_row..=end_row.min(start_row + HEADER_ROWS) {
        let mut columns = [None; 3];
        for (col, value) in sheet
            .range
            .rows()
            .nth((row - start_row) as usize)?
            .iter()
            .enumerate()
        {
            let Data::String(text) = value else { continue };
            let Some(folded) = labels::fold_at_most(text, longest) else {
                continue;
            };
            for (slot, label) in columns.iter_mut().zip(wanted) {
                if slot.is_none() && label.matches_folded(&folded) {
                    let (_, start_col) = sheet.range.start()?;
                    *slot = Some(start_col + col as u32);
                }
            }
        }
        if let [Some(code), Some(key), Some(value)] = columns {
            return Some(FactHeader {
                row,
                code,
                key,
                value,
            });
        }
    }
    None
}

struct FactReader<'a, 'p> {
    path: &'a Path,
    sheet: &'a LoadedSheet,
    problems: &'p mut Vec<Problem>,
}

impl FactReader<'_, '_> {
    fn get(&self, cell: CellRef) -> &Data {
        self.sheet
            .range
            .get_value((cell.row, cell.col))
            .unwrap_or(&Data::Empty)
    }

    fn error(&mut self, cell: CellRef, code: &str, message: crate::i18n::Message) {
        self.problems.push(
            Problem::new(Location::cell(self.path, &self.sheet.name, cell), message)
                .for_criterion(code),
        );
    }

    /// The row of each (rule leaf, fact key) below the header; unknown and repeated pairs are
    /// reported.
    fn rows<'f>(
        &mut self,
        header: &FactHeader,
        framework: &'f Framework,
    ) -> HashMap<(usize, &'f str), u32> {
        let mut found = HashMap::new();
        let last = self.sheet.range.end().map_or(header.row, |(r, _)| r);
        for row in header.row + 1..=last {
            let code_cell = CellRef::new(row, header.code);
            let key_cell = CellRef::new(row, header.key);
            let code = cell::read_text(self.get(code_cell));
            let key = cell::read_text(self.get(key_cell));
            if code.is_empty() && key.is_empty() {
                continue;
            }
            let item = framework.adjustment.as_ref().and_then(|a| {
                let i = a.items.iter().position(|item| item.code == code)?;
                (key == ADJUSTMENT_KEY).then_some((framework.nodes.len() + i, ADJUSTMENT_KEY))
            });
            let measure = framework
                .node_index(&code)
                .and_then(|index| {
                    let (rule, _) = rule_of(framework, index)?;
                    rule.measures()
                        .into_iter()
                        .find(|m| m.key == key)
                        .map(|m| (index, m.key.as_str()))
                })
                .or(item);
            match measure {
                None => self.error(
                    key_cell,
                    &code,
                    msg!("facts-unknown", code = &code, key = &key),
                ),
                Some(pair) => {
                    if let Some(first) = found.insert(pair, row) {
                        self.error(
                            key_cell,
                            &code,
                            msg!("facts-repeated", key = &key, row = (first + 1).to_string()),
                        );
                    }
                }
            }
        }
        found
    }

    /// Reads one fact: a choice among the rule's options, a count (whole, non-negative) or a
    /// value (non-negative).
    fn fact(
        &mut self,
        row: u32,
        value_col: u32,
        rule: &Rule,
        key: &str,
        code: &str,
    ) -> Option<FactCell> {
        let at = CellRef::new(row, value_col);
        let value = self.get(at).clone();
        let raw = cell::read_text(&value);
        let fact = match rule {
            Rule::Choice { options, .. } => {
                let folded = fold(&raw);
                match options.iter().position(|o| fold(&o.name) == folded) {
                    Some(chosen) if !folded.is_empty() => Fact::Choice(chosen),
                    _ => {
                        let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
                        let message = if raw.is_empty() {
                            msg!("facts-choice-empty", options = names.join(" | "))
                        } else {
                            msg!(
                                "facts-choice-unknown",
                                text = &raw,
                                options = names.join(" | ")
                            )
                        };
                        self.error(at, code, message);
                        return None;
                    }
                }
            }
            Rule::Thresholds { input, .. } => {
                let count = matches!(input, RuleInput::Ratio(_));
                Fact::Number(self.number(at, &value, count, code)?)
            }
            Rule::Proportional { .. } => Fact::Number(self.number(at, &value, true, code)?),
        };
        Some(FactCell {
            key: key.to_string(),
            cell: at,
            raw,
            fact,
        })
    }

    fn number(&mut self, at: CellRef, value: &Data, count: bool, code: &str) -> Option<Decimal> {
        let number = match cell::read_score(value) {
            Ok((Score::Points(number), warning)) => {
                if let Some(warning) = warning {
                    self.problems.push(
                        Problem::warning(Location::cell(self.path, &self.sheet.name, at), warning)
                            .for_criterion(code),
                    );
                }
                number
            }
            Ok((Score::Empty, _)) => {
                self.error(at, code, msg!("facts-empty"));
                return None;
            }
            Ok((Score::NotApplicable, _)) => {
                self.error(at, code, msg!("facts-not-applicable"));
                return None;
            }
            Err(message) => {
                self.error(at, code, message);
                return None;
            }
        };
        if number < Decimal::ZERO {
            self.error(
                at,
                code,
                msg!("facts-negative", number = number.to_string()),
            );
            return None;
        }
        if count && !number.fract().is_zero() {
            self.error(
                at,
                code,
                msg!("facts-not-whole", number = number.to_string()),
            );
            return None;
        }
        Some(number.normalize())
    }
}

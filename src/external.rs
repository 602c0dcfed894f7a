//! Points from outside the forms (`--external FILE`): the survey and the leadership's assessment,
//! for the leaves of a framework's external components.
//!
//! A CSV file or a sheet of a workbook with a header row of `unit_code`, `criterion_code` and
//! either `points` or the answer tallies `A`, `B`, `C`, `D` (Vietnamese headers "Mã đơn vị", "Mã
//! tiêu chí", "Điểm" accepted). A row of tallies is converted with the framework's
//! `survey_weights`: points = maximum × Σ(weightᵢ × countᵢ) ÷ (100 × Σ countᵢ), exact, then
//! rounded by the framework's rule to its decimals (to a multiple of the leaf's step when it has
//! one). Every bad row is an error naming the file, its line (or sheet and row) and column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::Data;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::framework::{Framework, Source};
use crate::i18n::io_reason;
use crate::input::{InputKind, MAX_EXTERNAL_BYTES};
use crate::t;
use crate::table_file::{Row, TableFileError, tables};
use crate::text::unit_key;
use crate::workbook::cell::{Score, read_code, read_score, read_text};
use crate::workbook::labels::{Label, UNIT_CODE, fold};

const CRITERION_CODE: Label = Label::new("Mã tiêu chí", &["matieuchi", "criterioncode"]);
const POINTS: Label = Label::new("Điểm", &["diem", "points"]);
const TALLIES: [&str; 4] = ["a", "b", "c", "d"];
/// Rows searched for the header row (a title may come first).
const HEADER_SEARCH_ROWS: usize = 20;

/// Why the external file cannot be used: every bad row, each naming its place.
#[derive(Debug, thiserror::Error)]
pub enum ExternalError {
    #[error("{}", t!("external-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("external-extension", path = path.display().to_string()))]
    Extension { path: PathBuf },
    #[error("{}", t!("external-unreadable", path = path.display().to_string(), reason = reason))]
    Unreadable { path: PathBuf, reason: String },
    #[error("{}", t!("external-no-header", path = path.display().to_string()))]
    NoHeader { path: PathBuf },
    #[error("{}\n{}", t!("external-invalid", path = path.display().to_string()), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

/// One leaf's external points for one unit, with where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalPoints {
    pub points: Decimal,
    /// The answer tallies A, B, C, D the points were converted from.
    pub tallies: Option<[u64; 4]>,
    /// "line 4", "sheet 'Điểm', row 4".
    pub place: String,
}

/// The external file, read and checked against the framework.
#[derive(Debug, Clone)]
pub struct External {
    pub path: PathBuf,
    /// By unit key (see [`unit_key`]) and leaf index.
    points: HashMap<(String, usize), ExternalPoints>,
    /// Unit codes as written, with the place of their first row, in file order.
    units: Vec<(String, String)>,
}

impl External {
    pub fn load(path: &Path, framework: &Framework) -> Result<External, ExternalError> {
        let tables =
            tables(path, InputKind::External, MAX_EXTERNAL_BYTES).map_err(|e| match e {
                TableFileError::Io(cause) => ExternalError::Io {
                    path: path.to_path_buf(),
                    cause,
                },
                TableFileError::Extension => ExternalError::Extension {
                    path: path.to_path_buf(),
                },
                TableFileError::Unreadable(reason) => ExternalError::Unreadable {
                    path: path.to_path_buf(),
                    reason,
                },
            })?;
        for rows in &tables {
            if let Some(at) = rows
                .iter()
                .take(HEADER_SEARCH_ROWS)
                .position(|r| header(r).is_some())
            {
                return External::from_rows(path, framework, &rows[at..]);
            }
        }
        Err(ExternalError::NoHeader {
            path: path.to_path_buf(),
        })
    }

    fn from_rows(
        path: &Path,
        framework: &Framework,
        rows: &[Row],
    ) -> Result<External, ExternalError> {
        let columns = header(&rows[0]).expect("the first row is the header");
        let mut problems = Vec::new();
        let mut points: HashMap<(String, usize), ExternalPoints> = HashMap::new();
        let mut units: Vec<(String, String)> = Vec::new();
        for row in &rows[1..] {
            let cell =
                |col: Option<usize>| col.and_then(|c| row.cells.get(c)).unwrap_or(&Data::Empty);
            let place =
                |name: &str| t!("external-place", place = row.place.as_str(), column = name);
            let unit = read_code(cell(Some(columns.unit)))
                .ok()
                .flatten()
                .unwrap_or_default();
            let code = read_code(cell(Some(columns.criterion)))
                .ok()
                .flatten()
                .unwrap_or_default();
            let empty = unit.is_empty()
                && code.is_empty()
                && row.cells.iter().all(|c| read_text(c).is_empty());
            if empty {
                continue;
            }
            if unit.is_empty() {
                problems.push(format!(
                    "{}: {}",
                    place("unit_code"),
                    t!("external-no-unit")
                ));
                continue;
            }
            let leaf = framework.node_index(&code).filter(|&i| {
                framework.nodes[i]
                    .leaf
                    .as_ref()
                    .is_some_and(|l| l.source == Source::External)
            });
            let Some(leaf) = leaf else {
                problems.push(format!(
                    "{}: {}",
                    place("criterion_code"),
                    t!(
                        "external-unknown-criterion",
                        code = &code,
                        framework = &framework.id
                    )
                ));
                continue;
            };
            let node = &framework.nodes[leaf];
            let number = |col: usize, name: &str| -> Result<Option<Decimal>, String> {
                match read_score(cell(Some(col))) {
                    Ok((Score::Empty, _)) => Ok(None),
                    Ok((Score::Points(p), _)) => Ok(Some(p)),
                    Ok((Score::NotApplicable, _)) => Err(format!(
                        "{}: {}",
                        place(name),
                        t!("external-not-a-number", text = read_text(cell(Some(col))))
                    )),
                    Err(message) => Err(format!("{}: {}", place(name), message.text)),
                }
            };
            let given = match columns.points.map(|c| number(c, "points")).transpose() {
                Ok(given) => given.flatten(),
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let mut tallies = [None; 4];
            let mut bad = false;
            for (i, col) in columns.tallies.iter().enumerate() {
                let Some(col) = col else { continue };
                let name = TALLIES[i].to_uppercase();
                match number(*col, &name).map(|n| n.map(|n| (n, whole_count(n)))) {
                    Ok(None) => {}
                    Ok(Some((_, Some(count)))) => tallies[i] = Some(count),
                    Ok(Some((n, None))) => {
                        problems.push(format!(
                            "{}: {}",
                            place(&name),
                            t!("external-tally", number = n.to_string())
                        ));
                        bad = true;
                    }
                    Err(problem) => {
                        problems.push(problem);
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            let any_tally = tallies.iter().any(Option::is_some);
            let (value, counted) = match (given, any_tally) {
                (Some(_), true) => {
                    problems.push(format!("{}: {}", place("points"), t!("external-both")));
                    continue;
                }
                (None, false) => {
                    problems.push(format!("{}: {}", place("points"), t!("external-neither")));
                    continue;
                }
                (Some(p), false) => (p, None),
                (None, true) => {
                    let counts = tallies.map(|t| t.unwrap_or(0));
                    let Some(weights) = framework.survey_weights else {
                        problems.push(format!(
                            "{}: {}",
                            place("A"),
                            t!("external-no-weights", framework = &framework.id)
                        ));
                        continue;
                    };
                    match survey_points(
                        counts,
                        weights,
                        node.max,
                        node.leaf.as_ref().and_then(|l| l.step),
                        framework,
                    ) {
                        Some(points) => (points, Some(counts)),
                        None => {
                            problems.push(format!("{}: {}", place("A"), t!("external-no-answers")));
                            continue;
                        }
                    }
                }
            };
            if value < Decimal::ZERO || value > node.max {
                problems.push(format!(
                    "{}: {}",
                    place("points"),
                    t!(
                        "external-above-max",
                        points = value.to_string(),
                        max = node.max.to_string(),
                        code = &node.code
                    )
                ));
                continue;
            }
            let key = unit_key(&unit);
            if let Some(first) = points.get(&(key.clone(), leaf)) {
                problems.push(format!(
                    "{}: {}",
                    place("unit_code"),
                    t!(
                        "external-duplicate",
                        unit = &unit,
                        code = &node.code,
                        first = first.place.as_str()
                    )
                ));
                continue;
            }
            if !units.iter().any(|(u, _)| unit_key(u) == key) {
                units.push((unit.clone(), row.place.clone()));
            }
            points.insert(
                (key, leaf),
                ExternalPoints {
                    points: value,
                    tallies: counted,
                    place: row.place.clone(),
                },
            );
        }
        if problems.is_empty() {
            Ok(External {
                path: path.to_path_buf(),
                points,
                units,
            })
        } else {
            Err(ExternalError::Invalid {
                path: path.to_path_buf(),
                problems,
            })
        }
    }

    /// A unit's external points for a leaf.
    pub fn points(&self, unit_code: &str, leaf: usize) -> Option<&ExternalPoints> {
        self.points.get(&(unit_key(unit_code), leaf))
    }

    /// Rows for units that are not among `known` (the units scored, or the roster's): each an
    /// error naming the file and place.
    pub fn unknown_units(&self, known: &[&str]) -> Vec<String> {
        let known: std::collections::HashSet<String> = known.iter().map(|c| unit_key(c)).collect();
        self.units
            .iter()
            .filter(|(unit, _)| !known.contains(&unit_key(unit)))
            .map(|(unit, place)| {
                format!(
                    "{}, {}: {}",
                    self.path.display(),
                    place,
                    t!("external-unknown-unit", unit = unit.as_str())
                )
            })
            .collect()
    }
}

/// A tally as a count: whole, not negative, at most 2³² − 1.
fn whole_count(n: Decimal) -> Option<u64> {
    (n.fract().is_zero() && n <= Decimal::from(u32::MAX))
        .then(|| n.to_u64())
        .flatten()
}

/// Points from answer tallies: maximum × Σ(weightᵢ × countᵢ) ÷ (100 × Σ countᵢ), computed with
/// one exact division, then rounded by the framework's rule (to a multiple of the step when the
/// leaf has one, else to the framework's decimals). `None` when nobody answered.
pub fn survey_points(
    counts: [u64; 4],
    weights: [Decimal; 4],
    max: Decimal,
    step: Option<Decimal>,
    framework: &Framework,
) -> Option<Decimal> {
    let answers: u64 = counts.iter().sum();
    if answers == 0 {
        return None;
    }
    let weighted = counts
        .iter()
        .zip(weights)
        .try_fold(Decimal::ZERO, |sum, (&n, w)| {
            sum.checked_add(w.checked_mul(Decimal::from(n))?)
        })?;
    let numerator = weighted.checked_mul(max)?;
    let denominator = Decimal::ONE_HUNDRED.checked_mul(Decimal::from(answers))?;
    let points = match step {
        Some(step) => {
            let steps = numerator.checked_div(denominator.checked_mul(step)?)?;
            framework.rounding.apply(steps, 0).checked_mul(step)?
        }
        None => framework
            .rounding
            .apply(numerator.checked_div(denominator)?, framework.decimals),
    };
    Some(points.normalize())
}

/// The columns of the header row.
struct Columns {
    unit: usize,
    criterion: usize,
    points: Option<usize>,
    tallies: [Option<usize>; 4],
}

fn header(row: &Row) -> Option<Columns> {
    let folded: Vec<String> = row.cells.iter().map(|c| fold(&read_text(c))).collect();
    let find = |label: &Label| folded.iter().position(|f| label.matches_folded(f));
    let unit = find(&UNIT_CODE)?;
    let criterion = find(&CRITERION_CODE)?;
    let points = find(&POINTS);
    let tallies = TALLIES.map(|t| folded.iter().position(|f| f == t));
    (points.is_some() || tallies.iter().all(Option::is_some)).then_some(Columns {
        unit,
        criterion,
        points,
        tallies,
    })
}

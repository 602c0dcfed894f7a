//! Scoring one unit: leaf → criterion → area → total, exactly, then the index and its band.
//!
//! Index (%) = points ÷ applicable maximum × 100, where a not-applicable leaf leaves both the points
//! and the maximum, or is awarded its maximum where the framework says so. A rule leaf's points
//! are computed from the facts in the form, whichever column counts. Nothing is rounded until the index is published (see `Rounding`), and the band
//! is looked up from the published figure, as it is printed in the decision.

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::framework::{Framework, LeafRule, NotApplicable, Source};
use crate::msg;
use crate::problem::{Location, Problem};
use crate::workbook::cell::Score;
use crate::workbook::{LeafRow, ScoreCell, UnitAssessment};

/// Which column's scores count, as asked on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BasisChoice {
    /// The appraised score (điểm thẩm định) where the unit has one, else the self score.
    Auto,
    Appraised,
    #[serde(rename = "self")]
    SelfScore,
}

/// The column a unit was actually scored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Appraised,
    #[serde(rename = "self")]
    SelfScore,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Appraised => "appraised",
            Basis::SelfScore => "self",
        }
    }
}

/// Points and applicable maximum of one node (area, criterion or leaf).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct NodeScore {
    pub points: Decimal,
    pub applicable_max: Decimal,
}

impl NodeScore {
    /// Both figures added, or `None` when the sum cannot be held exactly.
    pub fn plus(self, other: NodeScore) -> Option<NodeScore> {
        Some(NodeScore {
            points: self.points.checked_add(other.points)?,
            applicable_max: self.applicable_max.checked_add(other.applicable_max)?,
        })
    }
}

/// A scored unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitScore {
    pub file: PathBuf,
    pub unit_code: String,
    pub unit_name: String,
    pub basis: Basis,
    /// Indexed like `Framework::nodes`.
    pub nodes: Vec<NodeScore>,
    pub total: NodeScore,
    /// Full precision, for audit; never printed as the result.
    pub index_exact: Decimal,
    /// Rounded by the framework's rule: the figure that is published, ranked and rated.
    pub index: Decimal,
    /// Index into `Framework::bands`.
    pub band: usize,
}

/// Scores a unit. Fails when a leaf has no score in the column that counts.
pub fn score_unit(
    framework: &Framework,
    unit: &UnitAssessment,
    choice: BasisChoice,
) -> Result<UnitScore, Vec<Problem>> {
    let basis = match choice {
        BasisChoice::Appraised => Basis::Appraised,
        BasisChoice::SelfScore => Basis::SelfScore,
        BasisChoice::Auto => auto_basis(framework, unit),
    };

    let mut problems = Vec::new();
    let mut nodes = vec![NodeScore::default(); framework.nodes.len()];
    for index in framework.leaves() {
        let node = &framework.nodes[index];
        let rule = node.leaf.as_ref().expect("leaves have rules");
        let row = unit.leaves[index]
            .as_ref()
            .expect("the reader returns a row for every leaf");
        let cell = counted_cell(rule, basis, row);
        nodes[index] = match row.counted(cell) {
            Score::Points(points) => NodeScore {
                points,
                applicable_max: node.max,
            },
            Score::NotApplicable => match rule.not_applicable {
                Some(NotApplicable::FullPoints) => NodeScore {
                    points: node.max,
                    applicable_max: node.max,
                },
                Some(NotApplicable::LeaveOut) | None => NodeScore::default(),
            },
            Score::Empty => {
                let message = match (rule.source, basis) {
                    (Source::Survey, _) => msg!("score-missing-survey"),
                    (Source::Appraisal, Basis::Appraised) => msg!("score-missing-appraised"),
                    (Source::Appraisal, Basis::SelfScore) => msg!("score-missing-self"),
                };
                problems.push(
                    Problem::new(Location::cell(&unit.file, &unit.sheet, cell.cell), message)
                        .for_criterion(&node.code),
                );
                NodeScore::default()
            }
        };
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // Children come after their parent in `nodes`, so a reverse sweep rolls every subtotal up.
    // The framework bounds every maximum and the reader every score, so the sums stay far from
    // overflowing; they are checked all the same, since a panic would lose the whole batch.
    let too_large = || {
        vec![Problem::new(
            Location::sheet(&unit.file, &unit.sheet),
            msg!("score-too-large"),
        )]
    };
    for index in (0..nodes.len()).rev() {
        if let Some(parent) = framework.nodes[index].parent {
            nodes[parent] = nodes[parent].plus(nodes[index]).ok_or_else(too_large)?;
        }
    }
    let total = framework
        .areas()
        .try_fold(NodeScore::default(), |sum, area| sum.plus(nodes[area]))
        .ok_or_else(too_large)?;
    if total.applicable_max.is_zero() {
        return Err(vec![Problem::new(
            Location::sheet(&unit.file, &unit.sheet),
            msg!("score-nothing-applies"),
        )]);
    }
    let index_exact = percent(total).ok_or_else(too_large)?;
    let index = framework.publish(index_exact);
    let band = framework
        .bands
        .iter()
        .position(|b| b == framework.band_for(index))
        .expect("band_for returns one of the bands");
    Ok(UnitScore {
        file: unit.file.clone(),
        unit_code: unit.unit_code.clone(),
        unit_name: unit.unit_name.clone(),
        basis,
        nodes,
        total,
        index_exact,
        index,
        band,
    })
}

/// The cell whose score counts for a leaf: survey leaves always take the appraised column,
/// others the unit's basis.
pub fn counted_cell<'a>(rule: &LeafRule, basis: Basis, row: &'a LeafRow) -> &'a ScoreCell {
    match (rule.source, basis) {
        (Source::Survey, _) | (Source::Appraisal, Basis::Appraised) => &row.appraised,
        (Source::Appraisal, Basis::SelfScore) => &row.self_score,
    }
}

/// Points as a percentage of the applicable maximum, unrounded; `None` when nothing applies (or,
/// for figures far beyond any framework's bounds, when the product cannot be held).
pub fn percent(score: NodeScore) -> Option<Decimal> {
    if score.applicable_max.is_zero() {
        return None;
    }
    score
        .points
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(score.applicable_max)
}

/// Appraised when the unit has any appraised score on a self-assessed leaf; survey leaves don't
/// count, since their points always sit in the appraised column, nor do rule leaves, whose points
/// come from facts.
fn auto_basis(framework: &Framework, unit: &UnitAssessment) -> Basis {
    let appraised = framework.leaves().any(|index| {
        let rule = framework.nodes[index].leaf.as_ref();
        rule.is_some_and(|r| r.source == Source::Appraisal && r.rule.is_none())
            && unit.leaves[index]
                .as_ref()
                .is_some_and(|row| row.appraised.score != Score::Empty)
    });
    if appraised {
        Basis::Appraised
    } else {
        Basis::SelfScore
    }
}

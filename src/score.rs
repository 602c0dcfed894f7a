//! Scoring one unit: leaf → criterion → area → total, exactly, then the index and its band.
//!
//! Index (%) = points ÷ applicable maximum × 100, where a not-applicable leaf leaves both the points
//! and the maximum, or is awarded its maximum where the framework says so. A rule leaf's points
//! are computed from the facts in the form, whichever column counts. Nothing is rounded until the index is published (see `Rounding`), and the band
//! is looked up from the published figure, as it is printed in the decision.

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::external::External;
use crate::framework::{
    AdjustmentKind, BandScale, Framework, IndexFormula, LeafRule, NotApplicable, Source,
};
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
    /// Points and applicable maximum of each of the framework's components.
    pub components: Vec<NodeScore>,
    /// The bonus and penalty block: each side after its cap (zero without a block).
    pub bonus: Decimal,
    pub penalty: Decimal,
    /// The total points after bonus and penalty: `total.points + bonus − penalty`.
    pub final_points: Decimal,
    /// Scored without the external components (`--preliminary`): "tạm tính".
    pub preliminary: bool,
}

/// Where the points of external components come from.
#[derive(Debug, Clone, Copy)]
pub enum ExternalSupply<'a> {
    /// The external file (`--external`); without it, every external leaf is missing.
    File(Option<&'a External>),
    /// Scored on the forms alone: external leaves leave points and maximum (`--preliminary`).
    Preliminary,
}

/// Scores a unit. Fails when a leaf has no score in the column that counts.
pub fn score_unit(
    framework: &Framework,
    unit: &UnitAssessment,
    choice: BasisChoice,
    external: ExternalSupply,
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
        if rule.source == Source::External {
            nodes[index] = match external {
                ExternalSupply::Preliminary => NodeScore::default(),
                ExternalSupply::File(file) => {
                    match file.and_then(|f| f.points(&unit.unit_code, index)) {
                        Some(given) => NodeScore {
                            points: given.points,
                            applicable_max: node.max,
                        },
                        None => {
                            problems.push(
                                Problem::new(
                                    Location::file(&unit.file),
                                    msg!(
                                        "score-missing-external",
                                        unit = &unit.unit_code,
                                        code = &node.code
                                    ),
                                )
                                .for_criterion(&node.code),
                            );
                            NodeScore::default()
                        }
                    }
                }
            };
            continue;
        }
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
                    (Source::Appraisal | Source::External, Basis::Appraised) => {
                        msg!("score-missing-appraised")
                    }
                    (Source::Appraisal | Source::External, Basis::SelfScore) => {
                        msg!("score-missing-self")
                    }
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
    let components = framework
        .components
        .iter()
        .map(|c| {
            c.areas
                .iter()
                .try_fold(NodeScore::default(), |sum, &area| sum.plus(nodes[area]))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(too_large)?;
    let (bonus, penalty) = adjustments(framework, unit).ok_or_else(too_large)?;
    let final_points = total
        .points
        .checked_add(bonus)
        .and_then(|p| p.checked_sub(penalty))
        .ok_or_else(too_large)?;
    let index_exact = index_of(framework, total, bonus, penalty).ok_or_else(too_large)?;
    let index = framework.publish(index_exact);
    let preliminary = matches!(external, ExternalSupply::Preliminary) && framework.has_external();
    let rated = match framework.band_scale {
        BandScale::Percent => index,
        // Without its external components a unit's points are on a smaller scale: a preliminary
        // result is rated on the same share of the full maximum.
        BandScale::Points if preliminary => framework.publish(
            index_exact
                .checked_mul(framework.total_max)
                .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED))
                .ok_or_else(too_large)?,
        ),
        BandScale::Points => framework.publish(final_points),
    };
    let band = framework
        .bands
        .iter()
        .position(|b| b == framework.band_for(rated))
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
        components,
        bonus,
        penalty,
        final_points,
        preliminary,
    })
}

/// The bonus and the penalty of the block, each summed over its items and capped; `None` only
/// when a sum cannot be held.
fn adjustments(framework: &Framework, unit: &UnitAssessment) -> Option<(Decimal, Decimal)> {
    let Some(block) = &framework.adjustment else {
        return Some((Decimal::ZERO, Decimal::ZERO));
    };
    let mut bonus = Decimal::ZERO;
    let mut penalty = Decimal::ZERO;
    for (item, entered) in block.items.iter().zip(&unit.adjustments) {
        match item.kind {
            AdjustmentKind::Bonus => bonus = bonus.checked_add(entered.points)?,
            AdjustmentKind::Penalty => penalty = penalty.checked_add(entered.points)?,
        }
    }
    Some((bonus.min(block.bonus_cap), penalty.min(block.penalty_cap)))
}

/// The index, unrounded, by the framework's formula:
/// - no bonus block: points ÷ applicable maximum × 100;
/// - "added": that + (bonus − penalty) × 100 ÷ total maximum (may exceed 100 by the bonus cap);
/// - "rescaled": (points + bonus − penalty) ÷ (applicable maximum + bonus cap) × 100.
pub fn index_of(
    framework: &Framework,
    total: NodeScore,
    bonus: Decimal,
    penalty: Decimal,
) -> Option<Decimal> {
    let base = percent(total)?;
    let Some(block) = &framework.adjustment else {
        return Some(base);
    };
    let net = bonus.checked_sub(penalty)?;
    match block.formula {
        IndexFormula::Added => base.checked_add(
            net.checked_mul(Decimal::ONE_HUNDRED)?
                .checked_div(framework.total_max)?,
        ),
        IndexFormula::Rescaled => total
            .points
            .checked_add(net)?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(total.applicable_max.checked_add(block.bonus_cap)?),
    }
}

/// The cell whose score counts for a leaf: survey leaves always take the appraised column,
/// others the unit's basis.
pub fn counted_cell<'a>(rule: &LeafRule, basis: Basis, row: &'a LeafRow) -> &'a ScoreCell {
    match (rule.source, basis) {
        (Source::Survey | Source::External, _) | (Source::Appraisal, Basis::Appraised) => {
            &row.appraised
        }
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

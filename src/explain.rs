//! Where every point of a unit came from: each leaf's points with its sheet, cell and raw text,
//! self vs appraised score and not-applicable marks, rolled up to criterion, area and total, ending
//! with the index arithmetic written out. For a unit that disputes its rank.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::external::External;
use crate::framework::rules::{Fact, Outcome, Ratio, Rule, RuleInput};
use crate::framework::{
    AdjustmentKind, BandScale, Framework, IndexFormula, NotApplicable, Rounding, Source,
};
use crate::score::{Basis, NodeScore, UnitScore, counted_cell};
use crate::t;
use crate::text::{count, points, terminal_safe};
use crate::workbook::cell::Score;
use crate::workbook::facts::Computed;
use crate::workbook::{ScoreCell, UnitAssessment};

/// A code that is not in the framework.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("explain-unknown-code", code = code, framework = framework_id))]
pub struct UnknownCode {
    pub code: String,
    pub framework_id: String,
}

/// The explanation of a unit's score, or of one criterion's subtree when `code` is given.
pub fn explain(
    framework: &Framework,
    unit: &UnitAssessment,
    score: &UnitScore,
    code: Option<&str>,
    external: Option<&External>,
) -> Result<String, UnknownCode> {
    let roots: Vec<usize> = match code {
        Some(code) => vec![framework.node_index(code).ok_or_else(|| UnknownCode {
            code: code.to_string(),
            framework_id: framework.id.clone(),
        })?],
        None => framework.areas().collect(),
    };
    let mut out = String::new();
    let basis = match score.basis {
        Basis::Appraised => t!("explain-basis-appraised"),
        Basis::SelfScore => t!("explain-basis-self"),
    };
    let _ = writeln!(
        out,
        "{}",
        t!(
            "explain-unit",
            name = &unit.unit_name,
            code = &unit.unit_code,
            year = unit.year.to_string(),
            file = unit.file.display().to_string(),
            sheet = &unit.sheet
        )
    );
    let _ = writeln!(
        out,
        "{}",
        if framework.leaves().any(|i| {
            framework.nodes[i]
                .leaf
                .as_ref()
                .is_some_and(|l| l.not_applicable == Some(NotApplicable::FullPoints))
        }) {
            t!(
                "explain-rules-mixed",
                framework = &framework.id,
                basis = basis
            )
        } else {
            t!("explain-rules", framework = &framework.id, basis = basis)
        }
    );
    let _ = writeln!(out);
    let explainer = Explainer {
        framework,
        unit,
        score,
        external,
    };
    for root in roots {
        explainer.node(root, "", "", &mut out);
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        t!(
            "explain-total",
            total = rolled_up(
                score.total,
                framework.total_max,
                pending(framework, score, &framework.areas().collect::<Vec<_>>())
            )
        )
    );
    for (component, figures) in framework.components.iter().zip(&score.components) {
        let _ = writeln!(
            out,
            "{}",
            t!(
                "explain-component",
                code = &component.code,
                name = &component.name,
                figures = rolled_up(
                    *figures,
                    component.max,
                    pending(framework, score, &component.areas)
                )
            )
        );
    }
    if let Some(block) = &framework.adjustment {
        let items: Vec<String> = block
            .items
            .iter()
            .zip(&unit.adjustments)
            .filter(|(_, entered)| !entered.points.is_zero())
            .map(|(item, entered)| {
                let sign = match item.kind {
                    AdjustmentKind::Bonus => "+",
                    AdjustmentKind::Penalty => "−",
                };
                format!(
                    "{} {sign}{} ({})",
                    item.code,
                    points(entered.points),
                    entered.cell
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            t!(
                "explain-adjustment",
                name = &block.name,
                bonus = points(score.bonus),
                bonus_cap = points(block.bonus_cap),
                penalty = points(score.penalty),
                penalty_cap = points(block.penalty_cap),
                items = if items.is_empty() {
                    t!("explain-adjustment-none")
                } else {
                    items.join(", ")
                },
                total = points(score.final_points)
            )
        );
    }
    if score.preliminary {
        let _ = writeln!(out, "{}", t!("explain-preliminary"));
    }
    let _ = writeln!(
        out,
        "{}",
        t!("explain-index", index = index_arithmetic(framework, score))
    );
    // Cell text, names and paths come from the user's files; this text goes to a terminal.
    Ok(terminal_safe(&out).into_owned())
}

struct Explainer<'a> {
    framework: &'a Framework,
    unit: &'a UnitAssessment,
    score: &'a UnitScore,
    external: Option<&'a External>,
}

impl Explainer<'_> {
    /// Writes a node on a line starting with `lead`, and its children indented by `indent`.
    fn node(&self, index: usize, lead: &str, indent: &str, out: &mut String) {
        let node = &self.framework.nodes[index];
        let figures = match &node.leaf {
            Some(rule) => {
                let row = self.unit.leaves[index]
                    .as_ref()
                    .expect("a valid unit has a row for every leaf");
                let counted = counted_cell(rule, self.score.basis, row);
                let (counted_name, other_name, other) = if std::ptr::eq(counted, &row.appraised) {
                    let name = match rule.source {
                        Source::Survey => t!("explain-column-survey"),
                        Source::External => t!("explain-column-external"),
                        Source::Appraisal => t!("explain-column-appraised"),
                    };
                    (name, t!("explain-column-self"), &row.self_score)
                } else {
                    (
                        t!("explain-column-self"),
                        t!("explain-column-appraised"),
                        &row.appraised,
                    )
                };
                let points_text = match (row.counted(counted), rule.not_applicable) {
                    (Score::NotApplicable, Some(NotApplicable::FullPoints)) => {
                        t!("explain-not-applicable-full", max = points(node.max))
                    }
                    (Score::NotApplicable, _) => {
                        t!("explain-not-applicable", max = points(node.max))
                    }
                    _ => format!(
                        "{} / {}",
                        points(self.score.nodes[index].points),
                        points(node.max)
                    ),
                };
                let external = self
                    .external
                    .and_then(|e| e.points(&self.unit.unit_code, index));
                match (&row.computed, &rule.rule) {
                    _ if rule.source == Source::External => match external {
                        Some(given) => t!(
                            "explain-external-leaf",
                            points = points_text,
                            file = self
                                .external
                                .map(|e| e.path.display().to_string())
                                .unwrap_or_default(),
                            place = given.place.as_str(),
                            tallies = given
                                .tallies
                                .map(|[a, b, c, d]| format!(": A {a}, B {b}, C {c}, D {d}"))
                                .unwrap_or_default()
                        ),
                        None => t!("explain-external-left-out", max = points(node.max)),
                    },
                    (Some(computed), Some(leaf_rule)) => t!(
                        "explain-rule-leaf",
                        points = points_text,
                        rule = rule_text(leaf_rule, computed, node.max, rule.step),
                        sheet = &computed.sheet,
                        cells = fact_cells(computed)
                    ),
                    _ => t!(
                        "explain-leaf",
                        points = points_text,
                        counted = counted_name,
                        cell = cell(counted),
                        other = other_name,
                        other_cell = cell(other)
                    ),
                }
            }
            None => rolled_up(
                self.score.nodes[index],
                node.max,
                pending(self.framework, self.score, &[index]),
            ),
        };
        let _ = writeln!(out, "{lead}{}  {}: {figures}", node.code, node.name);
        for (i, &child) in node.children.iter().enumerate() {
            let (branch, continuation) = if i + 1 == node.children.len() {
                ("└─ ", "   ")
            } else {
                ("├─ ", "│  ")
            };
            self.node(
                child,
                &format!("{indent}{branch}"),
                &format!("{indent}{continuation}"),
                out,
            );
        }
    }
}

/// How a rule turned the facts into points: "3.517 hồ sơ; 3.494 trước hạn + 23 đúng hạn = 100 % →
/// ≥ 100 %: 2 điểm".
pub fn rule_text(rule: &Rule, computed: &Computed, max: Decimal, step: Option<Decimal>) -> String {
    let number = |i: usize| match computed.facts.get(i).map(|f| &f.fact) {
        Some(Fact::Number(n)) => *n,
        _ => Decimal::ZERO,
    };
    let ratio_text = |ratio: &Ratio| {
        let counted: Vec<String> = ratio
            .counted
            .iter()
            .map(|&i| format!("{} {}", count(number(i + 1)), ratio.parts[i].short))
            .collect();
        format!(
            "{} {}; {}",
            count(number(0)),
            ratio.whole.short,
            counted.join(" + ")
        )
    };
    let (value, band) = match computed.outcome {
        Outcome::Points { value, band, .. } => (value, band),
        Outcome::NothingArose => (None, None),
    };
    let percent = |value: Option<Decimal>| {
        let value = value.unwrap_or_default().normalize();
        let shown = Rounding::Truncate.apply(value, 2);
        if shown == value {
            format!("{value} %")
        } else {
            format!("{shown}… %")
        }
    };
    let points_text = match computed.outcome {
        Outcome::Points { points: p, .. } => t!("explain-rule-points", points = points(p)),
        Outcome::NothingArose => t!("explain-rule-nothing-arose"),
    };
    match rule {
        Rule::Choice { options, .. } => {
            let chosen = match computed.facts.first().map(|f| &f.fact) {
                Some(Fact::Choice(i)) => options.get(*i).map_or("", |o| o.name.as_str()),
                _ => "",
            };
            format!("\"{chosen}\" → {points_text}")
        }
        Rule::Thresholds { input, bands } => {
            let input_text = match input {
                RuleInput::Value(measure) => format!("{}: {}", measure.short, points(number(0))),
                RuleInput::Ratio(ratio) => match value {
                    Some(_) => format!("{} = {}", ratio_text(ratio), percent(value)),
                    None => ratio_text(ratio),
                },
            };
            let unit = match input {
                RuleInput::Value(_) => "",
                RuleInput::Ratio(_) => " %",
            };
            match band {
                Some(band) => format!(
                    "{input_text} → {}{unit}: {points_text}",
                    bands[band].range_text()
                ),
                None => format!("{input_text} → {points_text}"),
            }
        }
        Rule::Proportional { ratio, rounding } => match value {
            Some(_) => {
                let rounded = match step {
                    Some(step) => t!(
                        "explain-rule-rounded",
                        rounding = match rounding {
                            Rounding::Truncate => t!("rounding-truncate"),
                            Rounding::HalfAwayFromZero => t!("rounding-half-away"),
                            Rounding::HalfEven => t!("rounding-half-even"),
                        },
                        step = points(step)
                    ),
                    None => String::new(),
                };
                format!(
                    "{} = {} × {}{rounded} → {points_text}",
                    ratio_text(ratio),
                    percent(value),
                    points(max)
                )
            }
            None => format!("{} → {points_text}", ratio_text(ratio)),
        },
    }
}

/// "E5–E8": the cells the facts were read from.
fn fact_cells(computed: &Computed) -> String {
    match (computed.facts.first(), computed.facts.last()) {
        (Some(first), Some(last)) if first.cell != last.cell => {
            format!("{}–{}", first.cell, last.cell)
        }
        (Some(first), _) => first.cell.to_string(),
        _ => String::new(),
    }
}

/// "E12 \"1.5\"", or "E12 (empty)".
fn cell(cell: &ScoreCell) -> String {
    if cell.raw.is_empty() {
        t!("explain-empty-cell", cell = cell.cell.to_string())
    } else {
        format!("{} \"{}\"", cell.cell, cell.raw)
    }
}

/// "10 / 10.5 (max 12, 1.5 not applicable)", or "3 / 3" when everything applies. `pending` is
/// the maximum of external leaves a preliminary result leaves out: not "not applicable".
fn rolled_up(score: NodeScore, max: Decimal, pending: Decimal) -> String {
    let not_applicable = max - score.applicable_max - pending;
    let mut text = format!(
        "{} / {}",
        points(score.points),
        points(score.applicable_max)
    );
    if !pending.is_zero() {
        let note = if not_applicable.is_zero() {
            t!(
                "explain-rolled-up-pending-only",
                max = points(max),
                pending = points(pending)
            )
        } else {
            t!(
                "explain-rolled-up-pending",
                max = points(max),
                not_applicable = points(not_applicable),
                pending = points(pending)
            )
        };
        let _ = write!(text, " ({note})");
    } else if !not_applicable.is_zero() {
        let _ = write!(
            text,
            " ({})",
            t!(
                "explain-rolled-up",
                max = points(max),
                not_applicable = points(not_applicable)
            )
        );
    }
    text
}

/// The maximum of the external leaves under `roots` that a preliminary result leaves out.
fn pending(framework: &Framework, score: &UnitScore, roots: &[usize]) -> Decimal {
    if !score.preliminary {
        return Decimal::ZERO;
    }
    let mut sum = Decimal::ZERO;
    let mut stack = roots.to_vec();
    while let Some(index) = stack.pop() {
        let node = &framework.nodes[index];
        match &node.leaf {
            Some(leaf) if leaf.source == Source::External => sum += node.max,
            Some(_) => {}
            None => stack.extend(&node.children),
        }
    }
    sum
}

/// "86.375 / 95 × 100 = 90.921… → 90.92 %, Rất tốt ≥ 90"; with a bonus and penalty block
/// "86.375 / 95 × 100 + (3 − 1) = …" ("added") or "(86.375 + 3 − 1) / (95 + 5) × 100 = …"
/// ("rescaled"); with bands in points, the band follows the total points.
pub fn index_arithmetic(framework: &Framework, score: &UnitScore) -> String {
    let exact = score.index_exact.normalize();
    // One digit more than published, cut (not rounded) so it reads as the start of the exact value.
    let shown = Rounding::Truncate.apply(exact, framework.decimals + 1);
    let exact_text = if shown == exact {
        exact.to_string()
    } else {
        format!("{}…", shown.normalize())
    };
    let formula = match &framework.adjustment {
        None => format!(
            "{} / {} × 100",
            points(score.total.points),
            points(score.total.applicable_max)
        ),
        Some(block) => match block.formula {
            IndexFormula::Added => format!(
                "{} / {} × 100 + ({} − {}) × 100 / {}",
                points(score.total.points),
                points(score.total.applicable_max),
                points(score.bonus),
                points(score.penalty),
                points(framework.total_max)
            ),
            IndexFormula::Rescaled => format!(
                "({} + {} − {}) / ({} + {}) × 100",
                points(score.total.points),
                points(score.bonus),
                points(score.penalty),
                points(score.total.applicable_max),
                points(block.bonus_cap)
            ),
        },
    };
    let band = framework.bands[score.band].range_text();
    match framework.band_scale {
        BandScale::Percent => format!("{formula} = {exact_text} → {} %, {band}", score.index),
        BandScale::Points => format!(
            "{formula} = {exact_text} → {} %; {}, {band}",
            score.index,
            t!(
                "explain-rated-points",
                points = points(framework.publish(score.final_points))
            )
        ),
    }
}

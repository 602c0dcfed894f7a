//! One year's published results, the input of a comparison: scored on the fly, or read back from
//! a results file written by `score --format csv|json`.
//!
//! A CSV results file carries the figures but not the framework (year, rounding rule, bands), so
//! what needs those — combining merged units — asks for JSON or the criteria file instead.

pub mod csv;
pub mod json;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::framework::{Band, BandScale, Framework, MAX_POINTS, Rounding, band_for};
use crate::i18n::io_reason;
use crate::rank::Ranked;
use crate::score::{NodeScore, percent};
use crate::t;
use crate::text::unit_key;

/// Why a results file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("{}", t!("results-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("results-invalid", path = path.display().to_string(), message = message))]
    Invalid { path: PathBuf, message: String },
}

/// How a year's figures are published: needed to publish a combined figure the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub decimals: u32,
    pub rounding: Rounding,
    /// Ascending by lower bound.
    pub bands: Vec<Band>,
    /// What the bands are stated in: a combination of units has no total points to rate on the
    /// points scale, so it is not rated (see `compare`).
    pub band_scale: BandScale,
}

impl Publication {
    /// The published percentage of a sum of points and applicable maxima, and its band.
    pub fn publish(&self, score: NodeScore) -> Option<(Decimal, &Band)> {
        let index = self.rounding.apply(percent(score)?, self.decimals);
        Some((index, band_for(&self.bands, index)))
    }
}

/// An area as named in a result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaInfo {
    pub code: String,
    /// Absent in CSV results, which carry only the codes.
    pub name: Option<String>,
}

/// A component (a group of whole areas) as named in a result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentInfo {
    pub code: String,
    /// Absent in CSV results, which carry only the codes.
    pub name: Option<String>,
}

/// An area's (or a component's) figures for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaFigure {
    pub score: NodeScore,
    /// Published; `None` when every criterion of the area was not applicable.
    pub percent: Option<Decimal>,
}

/// One unit's published result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitResult {
    pub code: String,
    pub name: String,
    pub rank: u32,
    pub tied: bool,
    pub total: NodeScore,
    /// Published (rounded) index.
    pub index: Decimal,
    pub rating: String,
    pub rating_en: String,
    /// In the order of `ResultSet::areas`.
    pub areas: Vec<AreaFigure>,
    /// In the order of `ResultSet::components`.
    pub components: Vec<AreaFigure>,
    /// The bonus, the penalty and the points after both, when the year has the block.
    pub adjustment: Option<AdjustmentFigures>,
    /// Scored without the external components ("tạm tính").
    pub preliminary: bool,
}

/// A unit's bonus and penalty (after their caps) and its final points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdjustmentFigures {
    pub bonus: Decimal,
    pub penalty: Decimal,
    pub final_points: Decimal,
}

impl UnitResult {
    /// The rank as printed: "2=" when tied.
    pub fn rank_label(&self) -> String {
        if self.tied {
            format!("{}=", self.rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// One year's results, ranked as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultSet {
    /// The criteria file or results file they came from, for messages.
    pub source: PathBuf,
    pub framework_id: Option<String>,
    pub year: Option<i32>,
    pub scored_units: Option<String>,
    /// `None` for CSV results.
    pub publication: Option<Publication>,
    pub areas: Vec<AreaInfo>,
    /// The components (groups of whole areas), when the year's framework has them.
    pub components: Vec<ComponentInfo>,
    /// Whether the year's index includes a bonus and penalty block.
    pub adjustment: bool,
    /// In rank order.
    pub units: Vec<UnitResult>,
}

impl ResultSet {
    /// Results scored on the fly.
    pub fn from_ranked(source: &Path, framework: &Framework, ranked: &[Ranked]) -> ResultSet {
        let area_nodes: Vec<usize> = framework.areas().collect();
        ResultSet {
            source: source.to_path_buf(),
            framework_id: Some(framework.id.clone()),
            year: Some(framework.year),
            scored_units: framework.scored_units.clone(),
            publication: Some(Publication {
                decimals: framework.decimals,
                rounding: framework.rounding,
                bands: framework.bands.clone(),
                band_scale: framework.band_scale,
            }),
            areas: area_nodes
                .iter()
                .map(|&a| AreaInfo {
                    code: framework.nodes[a].code.clone(),
                    name: Some(framework.nodes[a].name.clone()),
                })
                .collect(),
            components: framework
                .components
                .iter()
                .map(|c| ComponentInfo {
                    code: c.code.clone(),
                    name: Some(c.name.clone()),
                })
                .collect(),
            adjustment: framework.adjustment.is_some(),
            units: ranked
                .iter()
                .map(|r| UnitResult {
                    code: r.unit.unit_code.clone(),
                    name: r.unit.unit_name.clone(),
                    rank: r.rank,
                    tied: r.tied,
                    total: r.unit.total,
                    index: r.unit.index,
                    rating: framework.bands[r.unit.band].label.clone(),
                    rating_en: framework.bands[r.unit.band].label_en.clone(),
                    areas: area_nodes
                        .iter()
                        .map(|&a| AreaFigure {
                            score: r.unit.nodes[a],
                            percent: percent(r.unit.nodes[a]).map(|p| framework.publish(p)),
                        })
                        .collect(),
                    components: r
                        .unit
                        .components
                        .iter()
                        .map(|&score| AreaFigure {
                            score,
                            percent: percent(score).map(|p| framework.publish(p)),
                        })
                        .collect(),
                    adjustment: framework.adjustment.is_some().then_some(AdjustmentFigures {
                        bonus: r.unit.bonus,
                        penalty: r.unit.penalty,
                        final_points: r.unit.final_points,
                    }),
                    preliminary: r.unit.preliminary,
                })
                .collect(),
        }
    }

    /// Reads a results file written by `score --format csv` or `--format json`, by its extension.
    pub fn read(path: &Path) -> Result<ResultSet, ResultsError> {
        let invalid = |message: String| ResultsError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let reader = match extension.as_deref() {
            Some("csv") => csv::read,
            Some("json") => json::read,
            _ => {
                return Err(invalid(t!("results-extension")));
            }
        };
        let text = crate::input::read_text(
            path,
            crate::input::MAX_RESULTS_BYTES,
            crate::input::InputKind::Results,
        )
        .map_err(|source| ResultsError::Io {
            path: path.to_path_buf(),
            cause: source,
        })?;
        let set = reader(path, &text).map_err(invalid)?;
        if set.units.is_empty() {
            return Err(invalid(t!("results-empty")));
        }
        let mut seen = HashSet::new();
        if let Some(unit) = set.units.iter().find(|u| !seen.insert(unit_key(&u.code))) {
            return Err(invalid(t!("results-duplicate", unit = &unit.code)));
        }
        for unit in &set.units {
            check_figures(unit, set.units.len()).map_err(|problem| {
                invalid(t!("results-unit", unit = &unit.code, problem = problem))
            })?;
        }
        Ok(set)
    }
}

/// A unit's figures must be ones `score` could have written: points and maxima within the
/// bounds a criteria file allows, indexes and percentages from 0 to 100, a rank among the units.
/// So nothing read from a file can overflow the arithmetic of a comparison.
fn check_figures(unit: &UnitResult, units: usize) -> Result<(), String> {
    let points = Decimal::ZERO..=MAX_POINTS;
    let percent = Decimal::ZERO..=Decimal::ONE_HUNDRED;
    let within = |what: &str, value: Decimal, range: &std::ops::RangeInclusive<Decimal>| {
        if range.contains(&value) {
            Ok(())
        } else {
            Err(t!(
                "results-range",
                what = what,
                value = value.to_string(),
                low = range.start().to_string(),
                high = range.end().to_string()
            ))
        }
    };
    within(&t!("results-what-points"), unit.total.points, &points)?;
    within(&t!("results-what-max"), unit.total.applicable_max, &points)?;
    // With a bonus and penalty block an "added" index may exceed 100 by the bonus cap (and a
    // penalty take it below the base): bounded by the points' limit instead.
    let index = match unit.adjustment {
        None => percent.clone(),
        Some(_) => -MAX_POINTS..=MAX_POINTS,
    };
    within(&t!("results-what-index"), unit.index, &index)?;
    if let Some(figures) = unit.adjustment {
        for value in [figures.bonus, figures.penalty] {
            within(&t!("results-what-points"), value, &points)?;
        }
        within(
            &t!("results-what-points"),
            figures.final_points,
            &(-MAX_POINTS..=MAX_POINTS),
        )?;
    }
    for area in unit.areas.iter().chain(&unit.components) {
        within(&t!("results-what-area-points"), area.score.points, &points)?;
        within(
            &t!("results-what-area-max"),
            area.score.applicable_max,
            &points,
        )?;
        if let Some(value) = area.percent {
            within(&t!("results-what-area-percent"), value, &percent)?;
        }
    }
    if unit.rank == 0 || unit.rank as usize > units {
        return Err(t!("results-rank", rank = unit.rank, units = units));
    }
    Ok(())
}

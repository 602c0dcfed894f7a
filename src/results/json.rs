//! The score JSON document: written by `score --format json` (`output::json`), read back by
//! `compare`. One set of types for both, so the writer and the reader cannot drift apart.
//! Decimals are strings, so no figure passes through binary floating point.

use std::path::Path;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    AdjustmentFigures, AreaFigure, AreaInfo, ComponentInfo as ComponentHeading, Publication,
    ResultSet, UnitResult,
};
use crate::framework::{AdjustmentKind, Band, BandScale, IndexFormula, Level, Rounding};
use crate::rank::RankMode;
use crate::roster::RosterUnit;
use crate::score::{Basis, BasisChoice, NodeScore};
use crate::summary::Summary;
use crate::t;

#[derive(Debug, Serialize, Deserialize)]
pub struct ScoreDocument {
    pub framework: FrameworkInfo,
    pub basis: BasisChoice,
    pub rank_mode: RankMode,
    /// False when `--keep-going` excluded some units.
    pub complete: bool,
    pub units: Vec<UnitEntry>,
    pub excluded: Vec<ExcludedEntry>,
    /// Units of the roster without a form ("chưa nộp"). Absent before rosters existed.
    #[serde(default)]
    pub not_submitted: Vec<RosterUnit>,
    /// Units per band, the spread of the index, the mean per area. Not read back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// The decision the result was published with, when given. Not read back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionEntry>,
}

/// The decision as the JSON names it; the date as TOML writes it (2022-12-30).
#[derive(Debug, Serialize, Deserialize)]
pub struct DecisionEntry {
    pub issuer: String,
    pub authority: String,
    pub number: String,
    pub date: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FrameworkInfo {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub year: i32,
    pub total_max: Decimal,
    pub scored_units: Option<String>,
    pub decimals: u32,
    pub rounding: Rounding,
    pub bands: Vec<Band>,
    /// What the bands are stated in; written only when not the index's percent.
    #[serde(default, skip_serializing_if = "is_percent")]
    pub band_scale: BandScale,
    /// The parts of the index made of whole areas, when the framework has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ComponentInfo>,
    /// The bonus and penalty block, when the framework has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<AdjustmentInfo>,
    /// Weights (%) of survey answers A, B, C, D, when the framework has them. Not read back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_weights: Option<SurveyWeights>,
}

fn is_percent(scale: &BandScale) -> bool {
    *scale == BandScale::Percent
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ComponentInfo {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    /// The codes of its areas.
    pub areas: Vec<String>,
    /// Scored from the external file.
    pub external: bool,
    pub max: Decimal,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AdjustmentInfo {
    pub name: String,
    pub bonus_cap: Decimal,
    pub penalty_cap: Decimal,
    /// How the bonus and penalty enter the index: "added" or "rescaled".
    pub formula: IndexFormula,
    pub items: Vec<AdjustmentItemInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AdjustmentItemInfo {
    pub code: String,
    pub name: String,
    pub kind: AdjustmentKind,
    pub max: Decimal,
}

#[allow(non_snake_case)]
#[derive(Debug, Serialize, Deserialize)]
pub struct SurveyWeights {
    pub A: Decimal,
    pub B: Decimal,
    pub C: Decimal,
    pub D: Decimal,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct UnitEntry {
    pub rank: u32,
    pub tied: bool,
    pub rank_label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub file: String,
    pub basis: Basis,
    /// `basis` in the language of the run that wrote it.
    #[serde(default)]
    pub basis_label: String,
    pub points: Decimal,
    pub applicable_max: Decimal,
    pub index: Decimal,
    pub index_exact: Decimal,
    pub rating: String,
    pub rating_en: String,
    pub areas: Vec<AreaEntry>,
    /// Each of the framework's components, when it has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ComponentEntry>,
    /// The bonus and the penalty after their caps, and the points after both: present when the
    /// framework has a bonus and penalty block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bonus: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_points: Option<Decimal>,
    /// Scored without the external components ("tạm tính"): present when the framework has
    /// external components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<bool>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ComponentEntry {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub external: bool,
    pub max: Decimal,
    pub points: Decimal,
    pub applicable_max: Decimal,
    pub percent: Option<Decimal>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AreaEntry {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub max: Decimal,
    pub points: Decimal,
    pub applicable_max: Decimal,
    pub percent: Option<Decimal>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ExcludedEntry {
    pub file: String,
    pub problems: Vec<String>,
}

/// Reads a score JSON back into a result set.
pub fn read(path: &Path, text: &str) -> Result<ResultSet, String> {
    let document: ScoreDocument = serde_json::from_str(text)
        .map_err(|e| t!("results-json-unreadable", detail = e.to_string()))?;
    if !document.complete {
        return Err(t!("results-incomplete"));
    }
    let areas: Vec<AreaInfo> = document
        .units
        .first()
        .map(|u| {
            u.areas
                .iter()
                .map(|a| AreaInfo {
                    code: a.code.clone(),
                    name: Some(a.name.clone()),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut bands = document.framework.bands;
    bands.sort_by_key(|b| b.from);
    if bands.first().is_none_or(|b| !b.from.is_zero()) {
        return Err(t!("results-bands"));
    }
    let components: Vec<ComponentHeading> = document
        .framework
        .components
        .iter()
        .map(|c| ComponentHeading {
            code: c.code.clone(),
            name: Some(c.name.clone()),
        })
        .collect();
    let adjustment = document.framework.adjustment.is_some();
    let mut units = Vec::new();
    for unit in document.units {
        let codes: Vec<&str> = unit.components.iter().map(|c| c.code.as_str()).collect();
        if codes
            != components
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
        {
            return Err(t!(
                "results-components",
                unit = &unit.unit_code,
                components = codes.join(", ")
            ));
        }
        let figures = match (unit.bonus, unit.penalty, unit.final_points) {
            (Some(bonus), Some(penalty), Some(final_points)) => Some(AdjustmentFigures {
                bonus,
                penalty,
                final_points,
            }),
            (None, None, None) if !adjustment => None,
            _ => return Err(t!("results-adjustment", unit = &unit.unit_code)),
        };
        let codes: Vec<&str> = unit.areas.iter().map(|a| a.code.as_str()).collect();
        if codes != areas.iter().map(|a| a.code.as_str()).collect::<Vec<_>>() {
            return Err(t!(
                "results-areas",
                unit = &unit.unit_code,
                areas = codes.join(", ")
            ));
        }
        units.push(UnitResult {
            code: unit.unit_code,
            name: unit.unit_name,
            rank: unit.rank,
            tied: unit.tied,
            total: NodeScore {
                points: unit.points,
                applicable_max: unit.applicable_max,
            },
            index: unit.index,
            rating: unit.rating,
            rating_en: unit.rating_en,
            areas: unit
                .areas
                .into_iter()
                .map(|a| AreaFigure {
                    score: NodeScore {
                        points: a.points,
                        applicable_max: a.applicable_max,
                    },
                    percent: a.percent,
                })
                .collect(),
            components: unit
                .components
                .into_iter()
                .map(|c| AreaFigure {
                    score: NodeScore {
                        points: c.points,
                        applicable_max: c.applicable_max,
                    },
                    percent: c.percent,
                })
                .collect(),
            adjustment: figures,
            preliminary: unit.preliminary.unwrap_or(false),
        });
    }
    Ok(ResultSet {
        source: path.to_path_buf(),
        framework_id: Some(document.framework.id),
        year: Some(document.framework.year),
        scored_units: document.framework.scored_units,
        publication: Some(Publication {
            decimals: document.framework.decimals,
            rounding: document.framework.rounding,
            bands,
            band_scale: document.framework.band_scale,
        }),
        areas,
        components,
        adjustment,
        units,
    })
}

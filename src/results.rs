//! One year's published results, the input of a comparison: scored on the fly, or read back from
//! a results file written by `score --format csv|json`.
//!
//! A CSV results file carries the figures but not the framework (year, rounding rule, bands), so
//! what needs those — combining merged units — asks for JSON or the criteria file instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::framework::{Band, Framework, Rounding, band_for};
use crate::rank::Ranked;
use crate::score::{NodeScore, percent};
use crate::text::spreadsheet_unsafe;

/// Why a results file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("cannot read results file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("results file {}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

/// How a year's figures are published: needed to publish a combined figure the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub decimals: u32,
    pub rounding: Rounding,
    /// Ascending by lower bound.
    pub bands: Vec<Band>,
}

impl Publication {
    /// The published percentage of a sum of points and applicable maxima, and its band label.
    pub fn publish(&self, score: NodeScore) -> Option<(Decimal, &str)> {
        let index = self.rounding.apply(percent(score)?, self.decimals);
        Some((index, band_for(&self.bands, index).label.as_str()))
    }
}

/// An area as named in a result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaInfo {
    pub code: String,
    /// Absent in CSV results, which carry only the codes.
    pub name: Option<String>,
}

/// An area's figures for one unit.
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
    /// In the order of `ResultSet::areas`.
    pub areas: Vec<AreaFigure>,
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
            }),
            areas: area_nodes
                .iter()
                .map(|&a| AreaInfo {
                    code: framework.nodes[a].code.clone(),
                    name: Some(framework.nodes[a].name.clone()),
                })
                .collect(),
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
                    areas: area_nodes
                        .iter()
                        .map(|&a| AreaFigure {
                            score: r.unit.nodes[a],
                            percent: percent(r.unit.nodes[a]).map(|p| framework.publish(p)),
                        })
                        .collect(),
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
            Some("csv") => read_csv,
            Some("json") => read_json,
            _ => {
                return Err(invalid(
                    "a results file must be the .csv or .json written by `parindex score`"
                        .to_string(),
                ));
            }
        };
        let text = crate::input::read_text(path, crate::input::MAX_RESULTS_BYTES, "a results file")
            .map_err(|source| ResultsError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let set = reader(path, &text).map_err(invalid)?;
        if set.units.is_empty() {
            return Err(invalid("it holds no unit".to_string()));
        }
        let mut seen = HashSet::new();
        if let Some(unit) = set.units.iter().find(|u| !seen.insert(&u.code)) {
            return Err(invalid(format!(
                "unit code \"{}\" appears more than once",
                unit.code
            )));
        }
        Ok(set)
    }
}

fn read_csv(path: &Path, text: &str) -> Result<ResultSet, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(str::to_string)
        .collect();
    let column = |name: &str| {
        header.iter().position(|h| h == name).ok_or_else(|| {
            format!("no column \"{name}\": not a CSV written by `parindex score --format csv`")
        })
    };
    let [rank, tied, code, name, points, max, index, rating] = [
        "rank",
        "tied",
        "unit_code",
        "unit_name",
        "points",
        "applicable_max",
        "index",
        "rating",
    ]
    .map(column);
    let (rank, tied, code, name) = (rank?, tied?, code?, name?);
    let (points, max, index, rating) = (points?, max?, index?, rating?);
    let mut areas = Vec::new();
    let mut area_columns = Vec::new();
    for h in &header {
        if let Some(area) = h
            .strip_prefix("area_")
            .and_then(|rest| rest.strip_suffix("_points"))
        {
            let points = column(h)?;
            let max = column(&format!("area_{area}_max"))?;
            let percent = column(&format!("area_{area}_percent"))?;
            areas.push(AreaInfo {
                code: area.to_string(),
                name: None,
            });
            area_columns.push((points, max, percent));
        }
    }

    let mut units = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("");
        let number = |i: usize| -> Result<Decimal, String> {
            Decimal::from_str(field(i)).map_err(|_| {
                format!(
                    "line {line}, column {}: \"{}\" is not a number",
                    header[i],
                    field(i)
                )
            })
        };
        let unit_areas = area_columns
            .iter()
            .map(|&(p, m, pct)| {
                Ok(AreaFigure {
                    score: NodeScore {
                        points: number(p)?,
                        applicable_max: number(m)?,
                    },
                    percent: if field(pct).is_empty() {
                        None
                    } else {
                        Some(number(pct)?)
                    },
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        units.push(UnitResult {
            code: spreadsheet_unsafe(field(code)).into_owned(),
            name: spreadsheet_unsafe(field(name)).into_owned(),
            rank: field(rank).parse().map_err(|_| {
                format!(
                    "line {line}, column rank: \"{}\" is not a rank",
                    field(rank)
                )
            })?,
            tied: field(tied) == "true",
            total: NodeScore {
                points: number(points)?,
                applicable_max: number(max)?,
            },
            index: number(index)?,
            rating: spreadsheet_unsafe(field(rating)).into_owned(),
            areas: unit_areas,
        });
    }
    Ok(ResultSet {
        source: path.to_path_buf(),
        framework_id: None,
        year: None,
        scored_units: None,
        publication: None,
        areas,
        units,
    })
}

/// The parts of `output::json`'s document that a comparison reads.
#[derive(Deserialize)]
struct JsonDocument {
    framework: JsonFramework,
    complete: bool,
    units: Vec<JsonUnit>,
}

#[derive(Deserialize)]
struct JsonFramework {
    id: String,
    year: i32,
    scored_units: Option<String>,
    decimals: u32,
    rounding: Rounding,
    bands: Vec<JsonBand>,
}

#[derive(Deserialize)]
struct JsonBand {
    from: Decimal,
    below: Option<Decimal>,
    label: String,
    label_en: String,
}

#[derive(Deserialize)]
struct JsonUnit {
    rank: u32,
    tied: bool,
    unit_code: String,
    unit_name: String,
    points: Decimal,
    applicable_max: Decimal,
    index: Decimal,
    rating: String,
    areas: Vec<JsonArea>,
}

#[derive(Deserialize)]
struct JsonArea {
    code: String,
    name: String,
    points: Decimal,
    applicable_max: Decimal,
    percent: Option<Decimal>,
}

fn read_json(path: &Path, text: &str) -> Result<ResultSet, String> {
    let document: JsonDocument = serde_json::from_str(text)
        .map_err(|e| format!("not a JSON written by `parindex score --format json`: {e}"))?;
    if !document.complete {
        return Err(
            "the results are incomplete (written with --keep-going, some units excluded), so \
             units would wrongly show as new or dropped"
                .to_string(),
        );
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
    let mut bands: Vec<Band> = document
        .framework
        .bands
        .into_iter()
        .map(|b| Band {
            from: b.from,
            below: b.below,
            label: b.label,
            label_en: b.label_en,
        })
        .collect();
    bands.sort_by_key(|b| b.from);
    if bands.first().is_none_or(|b| !b.from.is_zero()) {
        return Err("the framework's bands do not start at 0".to_string());
    }
    let mut units = Vec::new();
    for unit in document.units {
        let codes: Vec<&str> = unit.areas.iter().map(|a| a.code.as_str()).collect();
        if codes != areas.iter().map(|a| a.code.as_str()).collect::<Vec<_>>() {
            return Err(format!(
                "unit {} lists the areas {codes:?}, unlike the first unit",
                unit.unit_code
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
        }),
        areas,
        units,
    })
}

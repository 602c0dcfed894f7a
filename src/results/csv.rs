//! The score CSV: one row per unit, stable English column names. The column names are defined
//! here once, for the writer (`output::csv`) and this reader alike.

use std::path::Path;

use rust_decimal::Decimal;

use super::{AdjustmentFigures, AreaFigure, AreaInfo, ComponentInfo, ResultSet, UnitResult};
use crate::score::NodeScore;
use crate::t;
use crate::text::spreadsheet_unsafe;

pub const RANK: &str = "rank";
pub const TIED: &str = "tied";
pub const UNIT_CODE: &str = "unit_code";
pub const UNIT_NAME: &str = "unit_name";
pub const BASIS: &str = "basis";
pub const POINTS: &str = "points";
pub const APPLICABLE_MAX: &str = "applicable_max";
pub const INDEX: &str = "index";
pub const RATING: &str = "rating";
pub const RATING_EN: &str = "rating_en";
/// `true` on every row of a complete result, `false` on every row when `--keep-going` left units
/// out. A column, so it survives a spreadsheet's round trip (which may write TRUE / FALSE).
pub const COMPLETE: &str = "complete";
/// The bonus and the penalty after their caps, and the total points after both: written when the
/// framework has a bonus and penalty block.
pub const BONUS: &str = "bonus";
pub const PENALTY: &str = "penalty";
pub const FINAL_POINTS: &str = "final_points";
/// `true` when the unit was scored without the external components (`--preliminary`): written
/// when the framework has external components.
pub const PRELIMINARY: &str = "preliminary";

/// A component's columns: `<code>_points`, `<code>_max` (applicable maximum), `<code>_percent`.
/// Component codes are letters and digits, so these never look like an area's columns.
pub fn component_columns(code: &str) -> [String; 3] {
    ["points", "max", "percent"].map(|part| format!("{code}_{part}"))
}

/// What a framework adds to the score CSV beyond its areas.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    pub components: &'a [&'a str],
    /// Bonus, penalty and final points.
    pub adjustment: bool,
    /// The preliminary flag.
    pub external: bool,
}

/// An area's columns: `area_<code>_points`, `area_<code>_max` (applicable maximum) and
/// `area_<code>_percent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaColumn {
    Points,
    Max,
    Percent,
}

impl AreaColumn {
    pub const ALL: [AreaColumn; 3] = [AreaColumn::Points, AreaColumn::Max, AreaColumn::Percent];

    pub fn name(self, area_code: &str) -> String {
        let part = match self {
            AreaColumn::Points => "points",
            AreaColumn::Max => "max",
            AreaColumn::Percent => "percent",
        };
        format!("area_{area_code}_{part}")
    }
}

/// The header row for these areas and extras, in the order the writer writes the fields: the
/// areas, the components, the totals (bonus, penalty and final points after the points), the
/// flags.
pub fn header<'a>(area_codes: impl IntoIterator<Item = &'a str>, extras: Extras) -> Vec<String> {
    let mut header: Vec<String> = [RANK, TIED, UNIT_CODE, UNIT_NAME, BASIS]
        .map(String::from)
        .to_vec();
    for code in area_codes {
        header.extend(AreaColumn::ALL.map(|column| column.name(code)));
    }
    for code in extras.components {
        header.extend(component_columns(code));
    }
    header.extend([POINTS, APPLICABLE_MAX].map(String::from));
    if extras.adjustment {
        header.extend([BONUS, PENALTY, FINAL_POINTS].map(String::from));
    }
    header.extend([INDEX, RATING, RATING_EN, COMPLETE].map(String::from));
    if extras.external {
        header.push(PRELIMINARY.to_string());
    }
    header
}

/// Reads a score CSV back into a result set, in any of the styles `score` writes (a byte-order
/// mark, `;` between fields with a decimal comma), as a spreadsheet may have saved it again.
pub fn read(path: &Path, text: &str) -> Result<ResultSet, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let semicolons = first_line.contains(';') && !first_line.contains(',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolons { b';' } else { b',' })
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| t!("results-csv-unreadable", detail = e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    // The last column of that name: a component coded "applicable" has an `applicable_max` of its
    // own, before the totals'.
    let column = |name: &str| {
        header
            .iter()
            .rposition(|h| h == name)
            .ok_or_else(|| t!("results-csv-column", column = name))
    };
    let [
        rank,
        tied,
        code,
        name,
        points,
        max,
        index,
        rating,
        rating_en,
        complete,
    ] = [
        RANK,
        TIED,
        UNIT_CODE,
        UNIT_NAME,
        POINTS,
        APPLICABLE_MAX,
        INDEX,
        RATING,
        RATING_EN,
        COMPLETE,
    ]
    .map(column);
    let (rank, tied, code, name) = (rank?, tied?, code?, name?);
    let (points, max, index, rating, rating_en) = (points?, max?, index?, rating?, rating_en?);
    let complete = complete?;
    let mut areas = Vec::new();
    let mut area_columns = Vec::new();
    for h in &header {
        if let Some(area) = h
            .strip_prefix("area_")
            .and_then(|rest| rest.strip_suffix("_points"))
        {
            let points = column(h)?;
            let max = column(&AreaColumn::Max.name(area))?;
            let percent = column(&AreaColumn::Percent.name(area))?;
            areas.push(AreaInfo {
                code: area.to_string(),
                name: None,
            });
            area_columns.push((points, max, percent));
        }
    }
    // A component's columns: `<code>_points` other than the areas' and the totals'.
    let mut components = Vec::new();
    let mut component_columns_at = Vec::new();
    for h in &header {
        if let Some(code) = h
            .strip_suffix("_points")
            .filter(|c| !c.is_empty() && !h.starts_with("area_") && *h != FINAL_POINTS)
        {
            let [points, max, percent] = component_columns(code).map(|c| column(&c));
            component_columns_at.push((points?, max?, percent?));
            components.push(ComponentInfo {
                code: code.to_string(),
                name: None,
            });
        }
    }
    let adjustment_columns = match [BONUS, PENALTY, FINAL_POINTS].map(|c| column(c).ok()) {
        [Some(b), Some(p), Some(f)] => Some((b, p, f)),
        _ => None,
    };
    let preliminary_column = column(PRELIMINARY).ok();

    let mut units = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| t!("results-csv-unreadable", detail = e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("");
        let number = |i: usize| -> Result<Decimal, String> {
            let written = field(i);
            // With `;` between fields the decimal separator is a comma (the excel-vi style).
            let written = if semicolons {
                written.replace(',', ".")
            } else {
                written.to_string()
            };
            Decimal::from_str_exact(&written).map_err(|_| {
                t!(
                    "results-not-a-number",
                    line = line,
                    column = &header[i],
                    value = field(i)
                )
            })
        };
        match boolean(field(complete)) {
            Some(true) => {}
            Some(false) => {
                return Err(t!("results-incomplete"));
            }
            None => {
                return Err(t!(
                    "results-not-a-boolean",
                    line = line,
                    column = COMPLETE,
                    value = field(complete)
                ));
            }
        }
        // A unit of the roster that did not submit has no rank and no figures.
        if field(rank).is_empty() && field(index).is_empty() {
            continue;
        }
        let figures = |columns: &[(usize, usize, usize)]| {
            columns
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
                .collect::<Result<Vec<_>, String>>()
        };
        let unit_components = figures(&component_columns_at)?;
        let adjustment = adjustment_columns
            .map(|(b, p, f)| -> Result<_, String> {
                Ok(AdjustmentFigures {
                    bonus: number(b)?,
                    penalty: number(p)?,
                    final_points: number(f)?,
                })
            })
            .transpose()?;
        let preliminary = match preliminary_column {
            None => false,
            Some(c) => boolean(field(c)).ok_or_else(|| {
                t!(
                    "results-not-a-boolean",
                    line = line,
                    column = PRELIMINARY,
                    value = field(c)
                )
            })?,
        };
        let unit_areas = figures(&area_columns)?;
        units.push(UnitResult {
            code: spreadsheet_unsafe(field(code)).into_owned(),
            name: spreadsheet_unsafe(field(name)).into_owned(),
            rank: field(rank).parse().map_err(|_| {
                t!(
                    "results-not-a-rank",
                    line = line,
                    column = RANK,
                    value = field(rank)
                )
            })?,
            tied: boolean(field(tied)).ok_or_else(|| {
                t!(
                    "results-not-a-boolean",
                    line = line,
                    column = TIED,
                    value = field(tied)
                )
            })?,
            total: NodeScore {
                points: number(points)?,
                applicable_max: number(max)?,
            },
            index: number(index)?,
            rating: spreadsheet_unsafe(field(rating)).into_owned(),
            rating_en: spreadsheet_unsafe(field(rating_en)).into_owned(),
            areas: unit_areas,
            components: unit_components,
            adjustment,
            preliminary,
        });
    }
    Ok(ResultSet {
        source: path.to_path_buf(),
        framework_id: None,
        year: None,
        scored_units: None,
        publication: None,
        areas,
        components,
        adjustment: adjustment_columns.is_some(),
        units,
    })
}

/// "true" / "false" as written, or as a spreadsheet writes them back (TRUE / FALSE, and in a
/// Vietnamese-locale spreadsheet ĐÚNG / SAI).
fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_uppercase().as_str() {
        "TRUE" | "ĐÚNG" => Some(true),
        "FALSE" | "SAI" => Some(false),
        _ => None,
    }
}

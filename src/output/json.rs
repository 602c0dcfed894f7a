//! JSON: the whole result, decimals as strings so no figure passes through binary floating point.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::{CompareReport, Exporter, ScoreReport, basis_label, status_label};
use crate::compare::{Predecessor, Status, YearInfo};
use crate::mapping::MergeRule;
use crate::results::UnitResult;
use crate::results::json::{
    AdjustmentInfo, AdjustmentItemInfo, AreaEntry, ComponentEntry, ComponentInfo, DecisionEntry,
    ExcludedEntry, FrameworkInfo, ScoreDocument, SurveyWeights, UnitEntry,
};
use crate::text::signed;

pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &score_document(report))?;
        writeln!(out)
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
        let comparison = report.comparison;
        let units = comparison
            .units
            .iter()
            .map(|unit| {
                let previous = match &unit.predecessor {
                    // Part of a split unit: the whole unit's figures, not its rank.
                    Predecessor::One(p) if !unit.split_from.is_empty() => Some(Figures {
                        rank: None,
                        rank_label: None,
                        ..Figures::of(p)
                    }),
                    Predecessor::One(p) => Some(Figures::of(p)),
                    Predecessor::Combined {
                        total,
                        index,
                        rating,
                        ..
                    } => Some(Figures {
                        rank: None,
                        rank_label: None,
                        points: total.points.normalize(),
                        applicable_max: total.applicable_max.normalize(),
                        index: *index,
                        rating,
                    }),
                    Predecessor::New | Predecessor::NotComparable { .. } => None,
                };
                UnitChange {
                    unit_code: &unit.current.code,
                    unit_name: &unit.current.name,
                    status: unit.status(),
                    status_label: status_label(unit.status()),
                    previous_codes: unit.predecessor_codes(),
                    split_codes: unit.split_from.iter().map(String::as_str).collect(),
                    previous,
                    current: Figures::of(&unit.current),
                    delta: unit.delta().map(signed),
                    rank_change: unit.rank_change(),
                    rank_change_label: unit.rank_change_label(),
                    band_change: unit.band_change_label(),
                    areas: changes(&comparison.areas, &unit.areas),
                    components: changes(&comparison.components, &unit.components),
                    bonus: unit.adjustment.map(|a| a.current.bonus),
                    penalty: unit.adjustment.map(|a| a.current.penalty),
                    final_points: unit.adjustment.map(|a| a.current.final_points),
                    adjustment_change: unit.adjustment.and_then(|a| {
                        let previous = a.previous?;
                        let [bonus, penalty, final_points] = a.deltas()?.map(signed);
                        Some(AdjustmentChange {
                            previous: Adjustment {
                                bonus: previous.bonus,
                                penalty: previous.penalty,
                                final_points: previous.final_points,
                            },
                            delta: Adjustment {
                                bonus,
                                penalty,
                                final_points,
                            },
                        })
                    }),
                    preliminary: (!comparison.preliminary.is_empty()).then(|| UnitPreliminary {
                        previous: unit
                            .previous_index()
                            .is_some()
                            .then_some(unit.previous_preliminary),
                        current: unit.current.preliminary,
                    }),
                }
            })
            .collect();
        let document = CompareDocument {
            previous: &comparison.previous,
            current: &comparison.current,
            preliminary: &comparison.preliminary,
            merge_rule: comparison.merge_rule,
            areas: comparison.areas.iter().map(ComparedArea::of).collect(),
            not_comparable_areas: comparison.not_comparable.iter().map(LoneArea::of).collect(),
            components: comparison.components.iter().map(ComparedArea::of).collect(),
            not_comparable_components: comparison
                .lone_components
                .iter()
                .map(LoneArea::of)
                .collect(),
            units,
            dropped: comparison
                .dropped
                .iter()
                .map(|u| DroppedUnit {
                    unit_code: &u.code,
                    unit_name: &u.name,
                    previous: Figures::of(u),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}

#[derive(Serialize)]
struct CompareDocument<'a> {
    #[serde(serialize_with = "year_info")]
    previous: &'a YearInfo,
    #[serde(serialize_with = "year_info")]
    current: &'a YearInfo,
    /// The years whose results are preliminary ("tạm tính"): written only when there are some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    preliminary: &'a [String],
    merge_rule: MergeRule,
    areas: Vec<ComparedArea<'a>>,
    not_comparable_areas: Vec<LoneArea<'a>>,
    /// The components both years have: written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    components: Vec<ComparedArea<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_comparable_components: Vec<LoneArea<'a>>,
    units: Vec<UnitChange<'a>>,
    dropped: Vec<DroppedUnit<'a>>,
}

fn year_info<S: serde::Serializer>(info: &&YearInfo, serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Year<'a> {
        label: &'a str,
        year: Option<i32>,
        framework_id: Option<&'a str>,
        source: String,
    }
    Year {
        label: &info.label,
        year: info.year,
        framework_id: info.framework_id.as_deref(),
        source: info.source.display().to_string(),
    }
    .serialize(serializer)
}

#[derive(Serialize)]
struct ComparedArea<'a> {
    code: &'a str,
    name: Option<&'a str>,
    previous_codes: &'a [String],
}

#[derive(Serialize)]
struct LoneArea<'a> {
    only_in: &'a str,
    code: &'a str,
    name: Option<&'a str>,
}

impl<'a> ComparedArea<'a> {
    /// An area or a component compared across the years.
    fn of(area: &'a crate::compare::ComparedArea) -> Self {
        ComparedArea {
            code: &area.code,
            name: area.name.as_deref(),
            previous_codes: &area.previous_codes,
        }
    }
}

impl<'a> LoneArea<'a> {
    /// An area or a component of only one year.
    fn of(area: &'a crate::compare::LoneArea) -> Self {
        LoneArea {
            only_in: &area.year,
            code: &area.code,
            name: area.name.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Figures<'a> {
    /// `None` for merged units combined (they had no rank together) and for a unit compared
    /// with a split unit (it is not the unit that was ranked).
    rank: Option<u32>,
    rank_label: Option<String>,
    points: Decimal,
    applicable_max: Decimal,
    index: Decimal,
    rating: &'a str,
}

impl<'a> Figures<'a> {
    fn of(unit: &'a UnitResult) -> Self {
        Figures {
            rank: Some(unit.rank),
            rank_label: Some(unit.rank_label()),
            points: unit.total.points.normalize(),
            applicable_max: unit.total.applicable_max.normalize(),
            index: unit.index,
            rating: &unit.rating,
        }
    }
}

#[derive(Serialize)]
struct UnitChange<'a> {
    unit_code: &'a str,
    unit_name: &'a str,
    status: Status,
    /// `status` in the interface's language.
    status_label: String,
    previous_codes: Vec<&'a str>,
    /// The previous codes that were split among several units: this unit has part of each.
    split_codes: Vec<&'a str>,
    previous: Option<Figures<'a>>,
    current: Figures<'a>,
    /// Signed percentage points: "+7.67".
    delta: Option<String>,
    /// Places gained (positive) or lost (negative).
    rank_change: Option<i64>,
    rank_change_label: Option<String>,
    band_change: Option<String>,
    areas: Vec<AreaChange<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    components: Vec<AreaChange<'a>>,
    /// This year's bonus, penalty and final points, when this year has the block.
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    penalty: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    final_points: Option<Decimal>,
    /// Last year's figures and the changes, when both years have the block.
    #[serde(skip_serializing_if = "Option::is_none")]
    adjustment_change: Option<AdjustmentChange>,
    /// Whether each year's figures are preliminary: written when either year's are.
    #[serde(skip_serializing_if = "Option::is_none")]
    preliminary: Option<UnitPreliminary>,
}

#[derive(Serialize)]
struct Adjustment<T> {
    bonus: T,
    penalty: T,
    final_points: T,
}

#[derive(Serialize)]
struct AdjustmentChange {
    previous: Adjustment<Decimal>,
    /// Signed points: "+1.5".
    delta: Adjustment<String>,
}

#[derive(Serialize)]
struct UnitPreliminary {
    /// `None` when there is nothing to compare with.
    previous: Option<bool>,
    current: bool,
}

fn changes<'a>(
    headings: &'a [crate::compare::ComparedArea],
    changes: &[crate::compare::AreaChange],
) -> Vec<AreaChange<'a>> {
    headings
        .iter()
        .zip(changes)
        .map(|(area, change)| AreaChange {
            code: &area.code,
            previous: change.previous,
            current: change.current,
            delta: change.delta.map(signed),
        })
        .collect()
}

#[derive(Serialize)]
struct AreaChange<'a> {
    code: &'a str,
    previous: Option<Decimal>,
    current: Option<Decimal>,
    delta: Option<String>,
}

#[derive(Serialize)]
struct DroppedUnit<'a> {
    unit_code: &'a str,
    unit_name: &'a str,
    previous: Figures<'a>,
}

/// The score result as the JSON document that `compare` reads back.
fn score_document(report: &ScoreReport) -> ScoreDocument {
    let framework = report.framework;
    let adjustment = framework.adjustment.is_some();
    let external = framework.has_external();
    let units = report
        .ranked
        .iter()
        .map(|ranked| {
            let unit = &ranked.unit;
            let band = &framework.bands[unit.band];
            UnitEntry {
                rank: ranked.rank,
                tied: ranked.tied,
                rank_label: ranked.label(),
                unit_code: unit.unit_code.clone(),
                unit_name: unit.unit_name.clone(),
                file: unit.file.display().to_string(),
                basis: unit.basis,
                basis_label: basis_label(unit.basis),
                points: unit.total.points.normalize(),
                applicable_max: unit.total.applicable_max.normalize(),
                index: unit.index,
                index_exact: unit.index_exact,
                rating: band.label.clone(),
                rating_en: band.label_en.clone(),
                areas: framework
                    .areas()
                    .map(|area| {
                        let node = &framework.nodes[area];
                        let (score, percent) = report.area(unit, area);
                        AreaEntry {
                            code: node.code.clone(),
                            name: node.name.clone(),
                            name_en: node.name_en.clone(),
                            max: node.max.normalize(),
                            points: score.points.normalize(),
                            applicable_max: score.applicable_max.normalize(),
                            percent,
                        }
                    })
                    .collect(),
                components: framework
                    .components
                    .iter()
                    .enumerate()
                    .map(|(c, component)| {
                        let (score, percent) = report.component(unit, c);
                        ComponentEntry {
                            code: component.code.clone(),
                            name: component.name.clone(),
                            name_en: component.name_en.clone(),
                            external: component.external,
                            max: component.max.normalize(),
                            points: score.points.normalize(),
                            applicable_max: score.applicable_max.normalize(),
                            percent,
                        }
                    })
                    .collect(),
                bonus: adjustment.then(|| unit.bonus.normalize()),
                penalty: adjustment.then(|| unit.penalty.normalize()),
                final_points: adjustment.then(|| unit.final_points.normalize()),
                preliminary: external.then_some(unit.preliminary),
            }
        })
        .collect();
    ScoreDocument {
        framework: FrameworkInfo {
            id: framework.id.clone(),
            name: framework.name.clone(),
            level: framework.level,
            year: framework.year,
            total_max: framework.total_max,
            scored_units: framework.scored_units.clone(),
            decimals: framework.decimals,
            rounding: framework.rounding,
            bands: framework.bands.clone(),
            band_scale: framework.band_scale,
            components: framework
                .components
                .iter()
                .map(|c| ComponentInfo {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    name_en: c.name_en.clone(),
                    areas: c
                        .areas
                        .iter()
                        .map(|&a| framework.nodes[a].code.clone())
                        .collect(),
                    external: c.external,
                    max: c.max.normalize(),
                })
                .collect(),
            adjustment: framework.adjustment.as_ref().map(|block| AdjustmentInfo {
                name: block.name.clone(),
                bonus_cap: block.bonus_cap.normalize(),
                penalty_cap: block.penalty_cap.normalize(),
                formula: block.formula,
                items: block
                    .items
                    .iter()
                    .map(|item| AdjustmentItemInfo {
                        code: item.code.clone(),
                        name: item.name.clone(),
                        kind: item.kind,
                        max: item.max.normalize(),
                    })
                    .collect(),
            }),
            survey_weights: framework.survey_weights.map(|[a, b, c, d]| SurveyWeights {
                A: a.normalize(),
                B: b.normalize(),
                C: c.normalize(),
                D: d.normalize(),
            }),
        },
        basis: report.basis,
        rank_mode: report.rank_mode,
        complete: report.complete,
        units,
        excluded: report
            .excluded
            .iter()
            .map(|e| ExcludedEntry {
                file: e.file.display().to_string(),
                problems: e.problems.iter().map(ToString::to_string).collect(),
            })
            .collect(),
        not_submitted: report.not_submitted.to_vec(),
        summary: Some(report.summary.clone()),
        decision: report.decision.map(|d| DecisionEntry {
            issuer: d.issuer.clone(),
            authority: d.authority.clone(),
            number: d.number.clone(),
            date: format!("{:04}-{:02}-{:02}", d.date.year, d.date.month, d.date.day),
        }),
    }
}

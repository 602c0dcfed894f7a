//! JSON: the whole result, decimals as strings so no figure passes through binary floating point.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Exporter, ScoreReport};
use crate::framework::{Level, Rounding};
use crate::rank::RankMode;
use crate::score::{Basis, BasisChoice};

pub struct JsonExporter;

#[derive(Serialize)]
struct Document<'a> {
    framework: FrameworkInfo<'a>,
    basis: BasisChoice,
    rank_mode: RankMode,
    /// False when `--keep-going` excluded some units.
    complete: bool,
    units: Vec<Unit<'a>>,
    excluded: Vec<ExcludedUnit>,
}

#[derive(Serialize)]
struct FrameworkInfo<'a> {
    id: &'a str,
    name: &'a str,
    level: Level,
    year: i32,
    total_max: Decimal,
    decimals: u32,
    rounding: Rounding,
}

#[derive(Serialize)]
struct Unit<'a> {
    rank: u32,
    tied: bool,
    rank_label: String,
    unit_code: &'a str,
    unit_name: &'a str,
    file: String,
    basis: Basis,
    points: Decimal,
    applicable_max: Decimal,
    index: Decimal,
    index_exact: Decimal,
    rating: &'a str,
    rating_en: &'a str,
    areas: Vec<Area<'a>>,
}

#[derive(Serialize)]
struct Area<'a> {
    code: &'a str,
    name: &'a str,
    name_en: Option<&'a str>,
    max: Decimal,
    points: Decimal,
    applicable_max: Decimal,
    percent: Option<Decimal>,
}

#[derive(Serialize)]
struct ExcludedUnit {
    file: String,
    problems: Vec<String>,
}

impl Exporter for JsonExporter {
    fn export(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        let framework = report.framework;
        let units = report
            .ranked
            .iter()
            .map(|ranked| {
                let unit = &ranked.unit;
                let band = &framework.bands[unit.band];
                Unit {
                    rank: ranked.rank,
                    tied: ranked.tied,
                    rank_label: ranked.label(),
                    unit_code: &unit.unit_code,
                    unit_name: &unit.unit_name,
                    file: unit.file.display().to_string(),
                    basis: unit.basis,
                    points: unit.total.points.normalize(),
                    applicable_max: unit.total.applicable_max.normalize(),
                    index: unit.index,
                    index_exact: unit.index_exact,
                    rating: &band.label,
                    rating_en: &band.label_en,
                    areas: framework
                        .areas()
                        .map(|area| {
                            let node = &framework.nodes[area];
                            let (score, percent) = report.area(unit, area);
                            Area {
                                code: &node.code,
                                name: &node.name,
                                name_en: node.name_en.as_deref(),
                                max: node.max.normalize(),
                                points: score.points.normalize(),
                                applicable_max: score.applicable_max.normalize(),
                                percent,
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let document = Document {
            framework: FrameworkInfo {
                id: &framework.id,
                name: &framework.name,
                level: framework.level,
                year: framework.year,
                total_max: framework.total_max,
                decimals: framework.decimals,
                rounding: framework.rounding,
            },
            basis: report.basis,
            rank_mode: report.rank_mode,
            complete: report.excluded.is_empty(),
            units,
            excluded: report
                .excluded
                .iter()
                .map(|e| ExcludedUnit {
                    file: e.file.display().to_string(),
                    problems: e.problems.iter().map(ToString::to_string).collect(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}

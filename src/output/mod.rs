//! Writing results: one exporter per format behind one small trait, and atomic files.

pub mod annex;
mod csv;
mod docx;
mod json;
pub mod page;
pub mod per_unit;
mod table;
mod xlsx;

use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::batch::Excluded;
use crate::compare::{Comparison, Predecessor, Status, UnitComparison};
use crate::decision::Decision;
use crate::framework::Framework;
use crate::manifest::Manifest;
use crate::options::{CsvStyle, Format};
use crate::rank::{RankMode, Ranked};
use crate::roster::RosterUnit;
use crate::score::{Basis, BasisChoice, NodeScore, UnitScore, percent};
use crate::summary::Summary;
use crate::t;

/// The basis a unit was scored on, in the interface's language.
pub fn basis_label(basis: Basis) -> String {
    match basis {
        Basis::Appraised => t!("basis-appraised"),
        Basis::SelfScore => t!("basis-self"),
    }
}

/// A comparison status in the interface's language.
pub fn status_label(status: Status) -> String {
    match status {
        Status::Same => t!("status-same"),
        Status::Renamed => t!("status-renamed"),
        Status::Merged => t!("status-merged"),
        Status::MergedNotComparable => t!("status-merged-not-comparable"),
        Status::Split => t!("status-split"),
        Status::SplitNotComparable => t!("status-split-not-comparable"),
        Status::New => t!("status-new"),
        Status::Dropped => t!("status-dropped"),
    }
}

/// Last year's codes a unit continues, joined by `separator`, each split one marked "một phần
/// KS07" ("part of KS07") in the interface's language.
pub fn predecessor_list(unit: &UnitComparison, separator: &str) -> String {
    unit.predecessor_codes()
        .into_iter()
        .map(|code| {
            if unit.is_split_from(code) {
                t!("compare-split-code", code = code)
            } else {
                code.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// How a criterion or area that did not arise (không phát sinh) is shown in tables.
pub const NOT_APPLICABLE: &str = "KPS";

/// Everything an exporter needs to print the result of `score`.
pub struct ScoreReport<'a> {
    pub framework: &'a Framework,
    pub ranked: &'a [Ranked],
    pub excluded: &'a [Excluded],
    pub basis: BasisChoice,
    pub rank_mode: RankMode,
    /// The run's manifest, for formats that carry it inside (XLSX).
    pub manifest: Option<&'a Manifest>,
    /// Units on the roster without a form ("chưa nộp"), in the roster's order.
    pub not_submitted: &'a [RosterUnit],
    pub summary: &'a Summary,
    /// The decision the result is published with, printed on the annex.
    pub decision: Option<&'a Decision>,
    /// No unit left out: nothing excluded, and every rostered unit submitted or its absence
    /// accepted (`--accept-missing`).
    pub complete: bool,
}

impl ScoreReport<'_> {
    /// An area's points, applicable maximum and published percentage for one unit.
    pub fn area(&self, unit: &UnitScore, area: usize) -> (NodeScore, Option<Decimal>) {
        let score = unit.nodes[area];
        (score, percent(score).map(|p| self.framework.publish(p)))
    }

    /// A component's points, applicable maximum and published percentage for one unit.
    pub fn component(&self, unit: &UnitScore, component: usize) -> (NodeScore, Option<Decimal>) {
        let score = unit.components[component];
        (score, percent(score).map(|p| self.framework.publish(p)))
    }

    /// Whether the units were scored without the external components ("tạm tính").
    pub fn preliminary(&self) -> bool {
        self.ranked.iter().any(|r| r.unit.preliminary)
    }
}

/// Whether a note should say how predecessors are combined: some unit is compared with several.
pub fn any_combined(comparison: &Comparison) -> bool {
    comparison
        .units
        .iter()
        .any(|u| matches!(u.predecessor, Predecessor::Combined { .. }))
}

/// Whether some unit took part of a split unit.
pub fn any_split(comparison: &Comparison) -> bool {
    comparison
        .units
        .iter()
        .any(|u| matches!(u.status(), Status::Split | Status::SplitNotComparable))
}

/// Everything an exporter needs to print the result of `compare`.
pub struct CompareReport<'a> {
    pub comparison: &'a Comparison,
    /// The run's manifest, for formats that carry it inside (XLSX).
    pub manifest: Option<&'a Manifest>,
}

/// One output format, for each command that writes results.
pub trait Exporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()>;
    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> io::Result<()>;
}

/// The exporter of a format.
pub fn exporter(format: Format, style: CsvStyle) -> Box<dyn Exporter> {
    match format {
        Format::Table => Box::new(table::TableExporter),
        Format::Csv => Box::new(csv::CsvExporter { style }),
        Format::Json => Box::new(json::JsonExporter),
        Format::Xlsx => Box::new(xlsx::XlsxExporter),
        Format::Docx => Box::new(docx::DocxExporter),
    }
}

/// Renders a result in memory with the exporter of `format`, so nothing is written unless the
/// whole result could be rendered.
pub fn render(
    format: Format,
    style: CsvStyle,
    write: impl FnOnce(&dyn Exporter, &mut dyn Write) -> io::Result<()>,
) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write(exporter(format, style).as_ref(), &mut bytes)?;
    Ok(bytes)
}

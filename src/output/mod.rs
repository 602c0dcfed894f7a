//! Writing results: one exporter per format behind one small trait, and atomic files.

mod csv;
mod json;
mod table;
mod xlsx;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use rust_decimal::Decimal;

use crate::batch::Excluded;
use crate::compare::Comparison;
use crate::framework::Framework;
use crate::manifest::Manifest;
use crate::rank::{RankMode, Ranked};
use crate::score::{BasisChoice, NodeScore, UnitScore, percent};

/// Everything an exporter needs to print the result of `score`.
pub struct ScoreReport<'a> {
    pub framework: &'a Framework,
    pub ranked: &'a [Ranked],
    pub excluded: &'a [Excluded],
    pub basis: BasisChoice,
    pub rank_mode: RankMode,
    /// The run's manifest, for formats that carry it inside (XLSX).
    pub manifest: Option<&'a Manifest>,
}

impl ScoreReport<'_> {
    /// An area's points, applicable maximum and published percentage for one unit.
    pub fn area(&self, unit: &UnitScore, area: usize) -> (NodeScore, Option<Decimal>) {
        let score = unit.nodes[area];
        (score, percent(score).map(|p| self.framework.publish(p)))
    }
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

/// Output formats of `score` and `compare`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    Csv,
    Json,
    /// The decision's annex (needs -o FILE).
    Xlsx,
}

impl Format {
    pub fn exporter(self, excel_bom: bool) -> Box<dyn Exporter> {
        match self {
            Format::Table => Box::new(table::TableExporter),
            Format::Csv => Box::new(csv::CsvExporter { excel_bom }),
            Format::Json => Box::new(json::JsonExporter),
            Format::Xlsx => Box::new(xlsx::XlsxExporter),
        }
    }
}

/// Renders a result in memory with the exporter of `format`, so nothing is written unless the
/// whole result could be rendered.
pub fn render(
    format: Format,
    excel_bom: bool,
    write: impl FnOnce(&dyn Exporter, &mut dyn Write) -> io::Result<()>,
) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write(format.exporter(excel_bom).as_ref(), &mut bytes)?;
    Ok(bytes)
}

/// Writes to `target` atomically (a temporary file in the same folder, renamed into place when
/// complete), or to standard output when there is no target. A failure leaves no partial file and
/// keeps any earlier file untouched.
pub fn write_output(
    target: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer = Vec::new();
    render(&mut buffer)?;
    match target {
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(&buffer).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
        Some(path) => {
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut file = tempfile::NamedTempFile::new_in(folder)?;
            file.write_all(&buffer)?;
            file.as_file().sync_all()?;
            file.persist(path).map_err(|e| e.error)?;
            Ok(())
        }
    }
}

/// Points as entered, without trailing zeros: 8.50 → "8.5".
pub fn points(value: Decimal) -> String {
    value.normalize().to_string()
}

/// First characters that make a spreadsheet run a cell's text as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralises text that a spreadsheet would run as a formula (= + - @, tab, carriage return)
/// by prefixing an apostrophe.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+84"), "'+84");
        assert_eq!(spreadsheet_safe("-1"), "'-1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Xã An Mỹ"), "Xã An Mỹ");
    }

    #[test]
    fn atomic_write_leaves_nothing_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").unwrap();
        let failed = write_output(Some(&target), |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_output(Some(&target), |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}

//! CSV: one row per unit, stable English column names, decimal point, UTF-8.

use std::io::{self, Write};

use super::{Exporter, ScoreReport, points, spreadsheet_safe};

pub struct CsvExporter {
    /// Start with a UTF-8 byte-order mark so Excel for Windows reads Vietnamese correctly.
    pub excel_bom: bool,
}

impl Exporter for CsvExporter {
    fn export(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        if self.excel_bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let framework = report.framework;
        let areas: Vec<usize> = framework.areas().collect();
        let mut writer = csv::Writer::from_writer(out);

        let mut header: Vec<String> = ["rank", "tied", "unit_code", "unit_name", "basis"]
            .map(String::from)
            .to_vec();
        for &area in &areas {
            let code = &framework.nodes[area].code;
            for column in ["points", "max", "percent"] {
                header.push(format!("area_{code}_{column}"));
            }
        }
        header
            .extend(["points", "applicable_max", "index", "rating", "rating_en"].map(String::from));
        writer.write_record(&header)?;

        for ranked in report.ranked {
            let unit = &ranked.unit;
            let band = &framework.bands[unit.band];
            let mut row: Vec<String> = vec![
                ranked.rank.to_string(),
                ranked.tied.to_string(),
                spreadsheet_safe(&unit.unit_code).into_owned(),
                spreadsheet_safe(&unit.unit_name).into_owned(),
                unit.basis.as_str().to_string(),
            ];
            for &area in &areas {
                let (score, percent) = report.area(unit, area);
                row.push(points(score.points));
                row.push(points(score.applicable_max));
                row.push(percent.map(|p| p.to_string()).unwrap_or_default());
            }
            row.push(points(unit.total.points));
            row.push(points(unit.total.applicable_max));
            row.push(unit.index.to_string());
            row.push(spreadsheet_safe(&band.label).into_owned());
            row.push(spreadsheet_safe(&band.label_en).into_owned());
            writer.write_record(&row)?;
        }
        writer.flush()
    }
}

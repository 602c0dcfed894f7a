//! CSV: one row per unit, stable English column names, UTF-8. The standard style has a decimal
//! point and commas between fields (for programs); `excel` adds a byte-order mark (Excel on
//! Windows reads Vietnamese right); `excel-vi` also writes what a Vietnamese-locale spreadsheet
//! expects: fields separated by `;` and a decimal comma, so 86.375 opens as 86,375, not 86375.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::{CompareReport, Exporter, ScoreReport, basis_label, status_label};
use crate::compare::Status;
use crate::options::CsvStyle;
use crate::results;
use crate::text::{points, signed, spreadsheet_safe};

pub struct CsvExporter {
    pub style: CsvStyle,
}

/// The rating column of a unit that did not submit, in its two languages (as the band labels).
const NOT_SUBMITTED_VI: &str = "chưa nộp";
const NOT_SUBMITTED_EN: &str = "not submitted";

impl Exporter for CsvExporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        let framework = report.framework;
        let areas: Vec<usize> = framework.areas().collect();
        let mut writer = self.writer(out);

        let components: Vec<&str> = framework
            .components
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let extras = results::csv::Extras {
            components: &components,
            adjustment: framework.adjustment.is_some(),
            external: framework.has_external(),
        };
        let header = results::csv::header(
            areas.iter().map(|&a| framework.nodes[a].code.as_str()),
            extras,
        );
        writer.write_record(&header)?;

        for ranked in report.ranked {
            let unit = &ranked.unit;
            let band = &framework.bands[unit.band];
            let mut row: Vec<String> = vec![
                ranked.rank.to_string(),
                ranked.tied.to_string(),
                spreadsheet_safe(&unit.unit_code).into_owned(),
                spreadsheet_safe(&unit.unit_name).into_owned(),
                basis_label(unit.basis),
            ];
            for &area in &areas {
                let (score, percent) = report.area(unit, area);
                row.push(self.number(points(score.points)));
                row.push(self.number(points(score.applicable_max)));
                row.push(self.number(percent.map(|p| p.to_string()).unwrap_or_default()));
            }
            for component in 0..framework.components.len() {
                let (score, percent) = report.component(unit, component);
                row.push(self.number(points(score.points)));
                row.push(self.number(points(score.applicable_max)));
                row.push(self.number(percent.map(|p| p.to_string()).unwrap_or_default()));
            }
            row.push(self.number(points(unit.total.points)));
            row.push(self.number(points(unit.total.applicable_max)));
            if extras.adjustment {
                row.push(self.number(points(unit.bonus)));
                row.push(self.number(points(unit.penalty)));
                row.push(self.number(points(unit.final_points)));
            }
            row.push(self.number(unit.index.to_string()));
            row.push(spreadsheet_safe(&band.label).into_owned());
            row.push(spreadsheet_safe(&band.label_en).into_owned());
            row.push(report.complete.to_string());
            if extras.external {
                row.push(unit.preliminary.to_string());
            }
            writer.write_record(&row)?;
        }
        // Units of the roster without a form: no rank, no figures (the reader skips them).
        for unit in report.not_submitted {
            let mut row = vec![
                String::new(),
                String::new(),
                spreadsheet_safe(&unit.unit_code).into_owned(),
                spreadsheet_safe(&unit.unit_name).into_owned(),
            ];
            let flags = if extras.external { 2 } else { 1 };
            row.resize(header.len() - 2 - flags, String::new());
            row.push(NOT_SUBMITTED_VI.to_string());
            row.push(NOT_SUBMITTED_EN.to_string());
            row.push(report.complete.to_string());
            if extras.external {
                row.push(String::new());
            }
            writer.write_record(&row)?;
        }
        writer.flush()
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        let comparison = report.comparison;
        let mut writer = self.writer(out);
        let mut header: Vec<String> = [
            "unit_code",
            "unit_name",
            "status",
            "previous_codes",
            "split_codes",
            "previous_index",
            "current_index",
            "delta",
        ]
        .map(String::from)
        .to_vec();
        // This year's bonus, penalty and final points beside the index change; last year's and
        // the changes only when both years have the block.
        let (adjusted, both_adjusted) = comparison.adjustment;
        let both_adjusted = adjusted && both_adjusted;
        if adjusted {
            header.extend(["bonus", "penalty", "final_points"].map(String::from));
        }
        if both_adjusted {
            header.extend(
                [
                    "previous_bonus",
                    "previous_penalty",
                    "previous_final_points",
                    "bonus_delta",
                    "penalty_delta",
                    "final_points_delta",
                ]
                .map(String::from),
            );
        }
        // Where the rank columns start: after the bonus and penalty columns there are.
        let ranks_at = header.len();
        header.extend(
            [
                "previous_rank",
                "current_rank",
                "rank_change",
                "previous_rating",
                "current_rating",
            ]
            .map(String::from),
        );
        for area in &comparison.areas {
            for column in ["previous", "current", "delta"] {
                header.push(format!("area_{}_{column}", area.code));
            }
        }
        // A component's columns: `<code>_previous`, `<code>_current`, `<code>_delta` (as the
        // score CSV names them `<code>_points`, …).
        for component in &comparison.components {
            for column in ["previous", "current", "delta"] {
                header.push(format!("{}_{column}", component.code));
            }
        }
        // Preliminary results ("tạm tính") are never silent: a flag per year on every row.
        let preliminary = !comparison.preliminary.is_empty();
        if preliminary {
            header.extend(["previous_preliminary", "current_preliminary"].map(String::from));
        }
        writer.write_record(&header)?;

        let text =
            |value: Option<Decimal>| self.number(value.map(|v| v.to_string()).unwrap_or_default());
        let change = |value: Option<Decimal>| self.number(value.map(signed).unwrap_or_default());
        for unit in &comparison.units {
            let current = &unit.current;
            let mut row = vec![
                spreadsheet_safe(&current.code).into_owned(),
                spreadsheet_safe(&current.name).into_owned(),
                status_label(unit.status()),
                spreadsheet_safe(&unit.predecessor_codes().join(";")).into_owned(),
                spreadsheet_safe(&unit.split_from.join(";")).into_owned(),
                text(unit.previous_index()),
                text(Some(current.index)),
                change(unit.delta()),
            ];
            if let Some(adjustment) = &unit.adjustment {
                let c = adjustment.current;
                row.extend([c.bonus, c.penalty, c.final_points].map(|v| text(Some(v))));
                if both_adjusted {
                    let p = adjustment.previous;
                    row.extend([
                        text(p.map(|p| p.bonus)),
                        text(p.map(|p| p.penalty)),
                        text(p.map(|p| p.final_points)),
                    ]);
                    let deltas = adjustment.deltas();
                    row.extend((0..3).map(|i| change(deltas.map(|d| d[i]))));
                }
            }
            row.resize(ranks_at, String::new());
            row.extend([
                unit.previous_rank()
                    .map(|p| p.rank_label())
                    .unwrap_or_default(),
                current.rank_label(),
                unit.rank_change()
                    .map(|c| {
                        if c > 0 {
                            format!("+{c}")
                        } else {
                            c.to_string()
                        }
                    })
                    .unwrap_or_default(),
                spreadsheet_safe(unit.previous_rating().unwrap_or_default()).into_owned(),
                spreadsheet_safe(&current.rating).into_owned(),
            ]);
            for area in unit.areas.iter().chain(&unit.components) {
                row.extend([text(area.previous), text(area.current), change(area.delta)]);
            }
            if preliminary {
                let comparable = unit.previous_index().is_some();
                row.extend([
                    if comparable {
                        unit.previous_preliminary.to_string()
                    } else {
                        String::new()
                    },
                    current.preliminary.to_string(),
                ]);
            }
            writer.write_record(&row)?;
        }
        // Last year's units that nothing continues: listed, never silently left out.
        for unit in &comparison.dropped {
            let mut row = vec![
                spreadsheet_safe(&unit.code).into_owned(),
                spreadsheet_safe(&unit.name).into_owned(),
                status_label(Status::Dropped),
                spreadsheet_safe(&unit.code).into_owned(),
                String::new(),
                text(Some(unit.index)),
                String::new(),
                String::new(),
            ];
            row.resize(ranks_at, String::new());
            row.extend([
                unit.rank_label(),
                String::new(),
                String::new(),
                spreadsheet_safe(&unit.rating).into_owned(),
                String::new(),
            ]);
            row.resize(header.len(), String::new());
            if preliminary {
                let last = row.len() - 2;
                row[last] = unit.preliminary.to_string();
            }
            writer.write_record(&row)?;
        }
        writer.flush()
    }
}

impl CsvExporter {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.style != CsvStyle::Standard {
            out.write_all("\u{feff}".as_bytes())?;
        }
        Ok(())
    }

    fn writer<'a>(&self, out: &'a mut dyn Write) -> csv::Writer<&'a mut dyn Write> {
        csv::WriterBuilder::new()
            .delimiter(self.style.delimiter())
            .from_writer(out)
    }

    /// A number as this style writes it: with a decimal comma for a Vietnamese spreadsheet.
    fn number(&self, text: String) -> String {
        if self.style.decimal_comma() {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

//! The terminal table, with bilingual headers and a legend of the areas.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::{Exporter, ScoreReport, points};

pub struct TableExporter;

impl Exporter for TableExporter {
    fn export(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        let framework = report.framework;
        let areas: Vec<usize> = framework.areas().collect();

        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec![
            "Hạng\nRank".to_string(),
            "Mã\nCode".to_string(),
            "Đơn vị\nUnit".to_string(),
        ];
        header.extend(areas.iter().map(|&a| {
            let node = &framework.nodes[a];
            format!("LV{}\n/{}", node.code, points(node.max))
        }));
        header.extend(
            [
                "Tổng điểm\nPoints",
                "Tối đa\nMax",
                "Chỉ số %\nIndex %",
                "Xếp loại\nRating",
                "Cơ sở\nBasis",
            ]
            .map(String::from),
        );
        table.set_header(header);

        for ranked in report.ranked {
            let unit = &ranked.unit;
            let mut row = vec![
                ranked.label(),
                unit.unit_code.clone(),
                unit.unit_name.clone(),
            ];
            row.extend(areas.iter().map(|&a| points(unit.nodes[a].points)));
            row.push(points(unit.total.points));
            row.push(points(unit.total.applicable_max));
            row.push(unit.index.to_string());
            row.push(framework.bands[unit.band].label.clone());
            row.push(unit.basis.as_str().to_string());
            table.add_row(row);
        }
        let numeric = (3..3 + areas.len() + 3).chain([0]);
        for column in numeric {
            if let Some(c) = table.column_mut(column) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }

        writeln!(out, "{} ({})", framework.name, framework.id)?;
        writeln!(out, "{table}")?;
        writeln!(out, "Lĩnh vực / Areas:")?;
        for &a in &areas {
            let node = &framework.nodes[a];
            let english = node
                .name_en
                .as_deref()
                .map(|e| format!(" / {e}"))
                .unwrap_or_default();
            writeln!(out, "  LV{}  {}{}", node.code, node.name, english)?;
        }
        if !report.excluded.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "!! KẾT QUẢ CHƯA ĐẦY ĐỦ / INCOMPLETE: {} file(s) excluded, not ranked:",
                report.excluded.len()
            )?;
            for excluded in report.excluded {
                writeln!(
                    out,
                    "   {} ({} problem(s))",
                    excluded.file.display(),
                    excluded.problems.len()
                )?;
            }
        }
        Ok(())
    }
}

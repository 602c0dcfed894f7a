//! The terminal table, with bilingual headers and a legend of the areas.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::{CompareReport, Exporter, NOT_APPLICABLE, ScoreReport};
use crate::compare::Status;
use crate::score::NodeScore;
use crate::text::{points, signed, terminal_safe};

pub struct TableExporter;

/// Text from the user's files reaches the terminal escaped: each cell before the table is laid
/// out (so widths are right), then the whole text, for the legends and notes around it.
impl Exporter for TableExporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        let mut text = Vec::new();
        score_table(report, &mut text)?;
        out.write_all(terminal_safe(&String::from_utf8_lossy(&text)).as_bytes())
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
        let mut text = Vec::new();
        compare_table(report, &mut text)?;
        out.write_all(terminal_safe(&String::from_utf8_lossy(&text)).as_bytes())
    }
}

fn escaped(row: Vec<String>) -> impl Iterator<Item = String> {
    row.into_iter()
        .map(|cell| terminal_safe(&cell).into_owned())
}

fn score_table(report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
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
    table.set_header(escaped(header));

    for ranked in report.ranked {
        let unit = &ranked.unit;
        let mut row = vec![
            ranked.label(),
            unit.unit_code.clone(),
            unit.unit_name.clone(),
        ];
        row.extend(areas.iter().map(|&a| area_points(unit.nodes[a])));
        row.push(points(unit.total.points));
        row.push(points(unit.total.applicable_max));
        row.push(unit.index.to_string());
        row.push(framework.bands[unit.band].label.clone());
        row.push(unit.basis.as_str().to_string());
        table.add_row(escaped(row));
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

fn compare_table(report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
    let comparison = report.comparison;
    let (before, now) = (&comparison.previous.label, &comparison.current.label);
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    let mut header = vec![
        "Mã\nCode".to_string(),
        "Đơn vị\nUnit".to_string(),
        "Năm trước\nPrevious".to_string(),
        format!("Chỉ số {before}\nIndex %"),
        format!("Chỉ số {now}\nIndex %"),
        "Tăng/giảm\nChange".to_string(),
        format!("Hạng\n{before}"),
        format!("Hạng\n{now}"),
        "±Hạng\nRank".to_string(),
        format!("Xếp loại {before} → {now}\nRating"),
    ];
    header.extend(
        comparison
            .areas
            .iter()
            .map(|a| format!("LV{}\n± %", a.code)),
    );
    table.set_header(escaped(header));
    for unit in &comparison.units {
        let current = &unit.current;
        let previous = match unit.status() {
            Status::New => "mới / new".to_string(),
            Status::MergedNotComparable => format!(
                "{} (không so sánh / not comparable)",
                unit.predecessor_codes().join("+")
            ),
            _ => unit.predecessor_codes().join("+"),
        };
        let rating = match unit.previous_rating() {
            Some(before) if before == current.rating => format!("{before} (=)"),
            Some(before) => format!("{before} → {}", current.rating),
            None => current.rating.clone(),
        };
        let mut row = vec![
            current.code.clone(),
            current.name.clone(),
            previous,
            unit.previous_index()
                .map(|i| i.to_string())
                .unwrap_or_default(),
            current.index.to_string(),
            unit.delta().map(signed).unwrap_or_default(),
            unit.previous_rank()
                .map(|p| p.rank_label())
                .unwrap_or_default(),
            current.rank_label(),
            unit.rank_change_label().unwrap_or_default(),
            rating,
        ];
        row.extend(
            unit.areas
                .iter()
                .map(|a| a.delta.map(signed).unwrap_or_default()),
        );
        table.add_row(escaped(row));
    }
    for column in (3..9).chain(10..10 + comparison.areas.len()) {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }

    writeln!(
        out,
        "So sánh Chỉ số cải cách hành chính {now} với {before} / PAR index {now} against {before}"
    )?;
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "Tăng/giảm: điểm phần trăm (chỉ số đã công bố) / change in percentage points of the published index"
    )?;
    if comparison
        .units
        .iter()
        .any(|u| u.status() == Status::Merged)
    {
        writeln!(
            out,
            "Đơn vị sáp nhập / merged units: {before} figure = sum of the predecessors' points ÷ sum of their applicable maxima × 100"
        )?;
    }
    if !comparison.not_comparable.is_empty() {
        writeln!(out, "Lĩnh vực không so sánh được / areas not comparable:")?;
        for area in &comparison.not_comparable {
            let name = area.name.as_deref().unwrap_or_default();
            writeln!(out, "  LV{} ({} only) {name}", area.code, area.year)?;
        }
    }
    if !comparison.dropped.is_empty() {
        writeln!(
            out,
            "Đơn vị không còn trong {now} / units of {before} with no successor:"
        )?;
        for unit in &comparison.dropped {
            writeln!(
                out,
                "  {} {}: {} %, hạng {}, {}",
                unit.code,
                unit.name,
                unit.index,
                unit.rank_label(),
                unit.rating
            )?;
        }
    }
    Ok(())
}

/// An area's points, or "KPS" when none of its criteria arose: 0 would read as failing them all.
fn area_points(score: NodeScore) -> String {
    if score.applicable_max.is_zero() {
        NOT_APPLICABLE.to_string()
    } else {
        points(score.points)
    }
}

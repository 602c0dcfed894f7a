//! The terminal table, with bilingual headers and a legend of the areas.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::{
    CompareReport, Exporter, NOT_APPLICABLE, ScoreReport, any_combined, any_split, basis_label,
    predecessor_list,
};
use crate::compare::Status;
use crate::framework::IndexFormula;
use crate::i18n::pick;
use crate::score::NodeScore;
use crate::t;
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
    let components = &framework.components;
    let adjustment = framework.adjustment.is_some();
    // Areas of external components, which a preliminary unit has no points for yet.
    let external_areas: Vec<usize> = components
        .iter()
        .filter(|c| c.external)
        .flat_map(|c| c.areas.iter().copied())
        .collect();

    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    let mut header = vec![t!("table-rank"), t!("table-code"), t!("table-unit")];
    header.extend(areas.iter().map(|&a| {
        let node = &framework.nodes[a];
        t!("table-area", code = &node.code, max = points(node.max))
    }));
    header.extend(
        components
            .iter()
            .map(|c| t!("table-component", code = &c.code, max = points(c.max))),
    );
    header.extend([t!("table-points"), t!("table-max")]);
    if adjustment {
        header.extend([t!("table-bonus"), t!("table-penalty"), t!("table-final")]);
    }
    header.extend([t!("table-index"), t!("table-rating"), t!("table-basis")]);
    table.set_header(escaped(header));

    // The columns up to the index's, inclusive: the rating follows.
    let figures = 3 + areas.len() + components.len() + 3 + if adjustment { 3 } else { 0 };
    for ranked in report.ranked {
        let unit = &ranked.unit;
        let mut row = vec![
            ranked.label(),
            unit.unit_code.clone(),
            unit.unit_name.clone(),
        ];
        let pending = |external: bool, score: NodeScore| {
            if unit.preliminary && external {
                t!("table-pending")
            } else {
                area_points(score)
            }
        };
        row.extend(
            areas
                .iter()
                .map(|&a| pending(external_areas.contains(&a), unit.nodes[a])),
        );
        row.extend(
            components
                .iter()
                .zip(&unit.components)
                .map(|(c, &score)| pending(c.external, score)),
        );
        row.push(points(unit.total.points));
        row.push(points(unit.total.applicable_max));
        if adjustment {
            row.push(points(unit.bonus));
            row.push(points(unit.penalty));
            row.push(points(unit.final_points));
        }
        row.push(unit.index.to_string());
        let band = &framework.bands[unit.band];
        row.push(pick(&band.label, Some(&band.label_en)).to_string());
        row.push(basis_label(unit.basis));
        table.add_row(escaped(row));
    }
    for unit in report.not_submitted {
        let mut row = vec![
            "–".to_string(),
            unit.unit_code.clone(),
            unit.unit_name.clone(),
        ];
        row.resize(figures, String::new());
        row.push(t!("table-not-submitted"));
        row.push(String::new());
        table.add_row(escaped(row));
    }
    let numeric = (3..figures).chain([0]);
    for column in numeric {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }

    let name = pick(&framework.name, framework.name_en.as_deref());
    writeln!(out, "{name} ({})", framework.id)?;
    if report.preliminary() {
        let left_out: Vec<String> = components
            .iter()
            .filter(|c| c.external)
            .map(|c| format!("{} ({})", pick(&c.name, c.name_en.as_deref()), c.code))
            .collect();
        writeln!(
            out,
            "{}",
            t!("table-preliminary", components = left_out.join(", "))
        )?;
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{}", t!("table-areas"))?;
    for &a in &areas {
        let node = &framework.nodes[a];
        let label = t!("table-area-code", code = &node.code);
        let name = pick(&node.name, node.name_en.as_deref());
        writeln!(out, "  {label}  {name}")?;
    }
    if !components.is_empty() {
        writeln!(out, "{}", t!("table-components"))?;
        for component in components {
            let name = pick(&component.name, component.name_en.as_deref());
            let areas: Vec<String> = component
                .areas
                .iter()
                .map(|&a| t!("table-area-code", code = &framework.nodes[a].code))
                .collect();
            let line = if component.external {
                t!(
                    "table-component-external",
                    code = &component.code,
                    name = name,
                    areas = areas.join(", ")
                )
            } else {
                t!(
                    "table-component-line",
                    code = &component.code,
                    name = name,
                    areas = areas.join(", ")
                )
            };
            writeln!(out, "  {line}")?;
        }
    }
    if let Some(block) = &framework.adjustment {
        let (bonus, penalty) = (points(block.bonus_cap), points(block.penalty_cap));
        let line = match block.formula {
            IndexFormula::Added => t!(
                "table-adjustment-added",
                name = &block.name,
                bonus = bonus,
                penalty = penalty,
                total = points(framework.total_max)
            ),
            IndexFormula::Rescaled => t!(
                "table-adjustment-rescaled",
                name = &block.name,
                bonus = bonus,
                penalty = penalty
            ),
        };
        writeln!(out, "{line}")?;
    }
    summary_table(report, out)?;
    if !report.excluded.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            t!("table-incomplete", excluded = report.excluded.len())
        )?;
        for excluded in report.excluded {
            writeln!(
                out,
                "   {}",
                t!(
                    "table-excluded",
                    file = excluded.file.display().to_string(),
                    problems = excluded.problems.len()
                )
            )?;
        }
    }
    Ok(())
}

/// The summary at the foot of the ranking: units per band, the index's spread, each area's mean.
fn summary_table(report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
    let summary = report.summary;
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(escaped(vec![
        t!("summary-number"),
        t!("table-rating"),
        t!("summary-count"),
        t!("summary-percent"),
    ]));
    let mut number = 0;
    for band in &summary.bands {
        number += 1;
        table.add_row(escaped(vec![
            number.to_string(),
            pick(&band.label, Some(&band.label_en)).to_string(),
            band.count.to_string(),
            band.percent.to_string(),
        ]));
    }
    if summary.not_submitted > 0 {
        table.add_row(escaped(vec![
            (number + 1).to_string(),
            t!("table-not-submitted"),
            summary.not_submitted.to_string(),
            summary.not_submitted_percent.to_string(),
        ]));
    }
    table.add_row(vec![
        String::new(),
        t!("summary-total"),
        summary.units.to_string(),
        String::new(),
    ]);
    for column in [0, 2, 3] {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", t!("summary-title"))?;
    writeln!(out, "{table}")?;
    let spread = summary.index;
    writeln!(
        out,
        "{}",
        t!(
            "summary-index",
            mean = spread.mean.to_string(),
            median = spread.median.to_string(),
            min = spread.min.to_string(),
            max = spread.max.to_string()
        )
    )?;
    let areas: Vec<String> = summary
        .areas
        .iter()
        .map(|area| {
            let mean = area
                .mean_percent
                .map_or_else(|| NOT_APPLICABLE.to_string(), |m| m.to_string());
            t!("summary-area", code = &area.code, mean = mean)
        })
        .collect();
    writeln!(out, "{}", t!("summary-areas", areas = areas.join(", ")))
}

fn compare_table(report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
    let comparison = report.comparison;
    let (before, now) = (&comparison.previous.label, &comparison.current.label);
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    let mut header = vec![
        t!("table-code"),
        t!("table-unit"),
        t!("compare-table-previous"),
        t!("compare-table-index", year = before),
        t!("compare-table-index", year = now),
        t!("compare-table-change"),
    ];
    // This year's bonus, penalty and final points beside the index change; the change of the
    // final points only when last year has them too.
    let (adjusted, both_adjusted) = comparison.adjustment;
    let both_adjusted = adjusted && both_adjusted;
    if adjusted {
        header.extend([
            t!("compare-table-bonus", year = now),
            t!("compare-table-penalty", year = now),
            t!("compare-table-final", year = now),
        ]);
    }
    if both_adjusted {
        header.push(t!("compare-table-final-change"));
    }
    // Where the three rank columns and the rating start: after the bonus and penalty ones there are.
    let ranks_at = header.len();
    header.extend([
        t!("compare-table-rank", year = before),
        t!("compare-table-rank", year = now),
        t!("compare-table-rank-change"),
        t!("compare-table-rating", before = before, now = now),
    ]);
    header.extend(
        comparison
            .areas
            .iter()
            .map(|a| t!("compare-table-area", code = &a.code)),
    );
    header.extend(
        comparison
            .components
            .iter()
            .map(|c| t!("compare-table-component", code = &c.code)),
    );
    table.set_header(escaped(header));
    for unit in &comparison.units {
        let current = &unit.current;
        let previous = match unit.status() {
            Status::New => t!("compare-table-new"),
            Status::MergedNotComparable | Status::SplitNotComparable => t!(
                "compare-table-not-comparable",
                codes = predecessor_list(unit, "+")
            ),
            _ => predecessor_list(unit, "+"),
        };
        let now_rating = pick(&current.rating, Some(&current.rating_en));
        let rating = match unit.previous_rating_shown() {
            Some(before) if before == now_rating => format!("{before} (=)"),
            Some(before) => format!("{before} → {now_rating}"),
            None => now_rating.to_string(),
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
        ];
        if let Some(change) = &unit.adjustment {
            let c = change.current;
            row.extend([c.bonus, c.penalty, c.final_points].map(points));
            if both_adjusted {
                row.push(
                    change
                        .deltas()
                        .map(|[_, _, d]| signed(d))
                        .unwrap_or_default(),
                );
            }
        }
        row.resize(ranks_at, String::new());
        row.extend([
            unit.previous_rank()
                .map(|p| p.rank_label())
                .unwrap_or_default(),
            current.rank_label(),
            unit.rank_change_label().unwrap_or_default(),
            rating,
        ]);
        row.extend(
            unit.areas
                .iter()
                .chain(&unit.components)
                .map(|a| a.delta.map(signed).unwrap_or_default()),
        );
        table.add_row(escaped(row));
    }
    let changes = comparison.areas.len() + comparison.components.len();
    // Right-aligned: the figures through the rank change, and the changes after the rating.
    for column in (3..ranks_at + 3).chain(ranks_at + 4..ranks_at + 4 + changes) {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }

    writeln!(
        out,
        "{}",
        t!("compare-table-title", now = now, before = before)
    )?;
    // Preliminary results are never compared silently: said before the table.
    if !comparison.preliminary.is_empty() {
        writeln!(
            out,
            "{}",
            t!(
                "compare-table-preliminary",
                years = comparison.preliminary.join(", ")
            )
        )?;
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{}", t!("compare-table-change-note"))?;
    if adjusted {
        writeln!(out, "{}", t!("compare-table-adjustment-note", now = now))?;
    }
    if both_adjusted {
        writeln!(out, "{}", t!("compare-table-final-change-note"))?;
    }
    if any_combined(comparison) {
        writeln!(out, "{}", t!("compare-table-merged-note", before = before))?;
    }
    if any_split(comparison) {
        writeln!(out, "{}", t!("compare-table-split-note", before = before))?;
    }
    if !comparison.not_comparable.is_empty() {
        writeln!(out, "{}", t!("compare-table-lone-areas"))?;
        for area in &comparison.not_comparable {
            let name = area.name.as_deref().unwrap_or_default();
            let label = t!("table-area-code", code = &area.code);
            let only = t!("compare-table-only-in", year = &area.year);
            writeln!(out, "  {label} ({only}) {name}")?;
        }
    }
    if !comparison.lone_components.is_empty() {
        writeln!(out, "{}", t!("compare-table-lone-components"))?;
        for component in &comparison.lone_components {
            let name = component.name.as_deref().unwrap_or_default();
            let only = t!("compare-table-only-in", year = &component.year);
            writeln!(out, "  {} ({only}) {name}", component.code)?;
        }
    }
    if !comparison.dropped.is_empty() {
        writeln!(
            out,
            "{}",
            t!("compare-table-dropped", now = now, before = before)
        )?;
        for unit in &comparison.dropped {
            writeln!(
                out,
                "  {}",
                t!(
                    "compare-table-dropped-unit",
                    code = &unit.code,
                    name = &unit.name,
                    index = unit.index.to_string(),
                    rank = unit.rank_label(),
                    rating = pick(&unit.rating, Some(&unit.rating_en))
                )
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

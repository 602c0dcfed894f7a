//! The annex of the decision (Phụ lục), as one document model that the XLSX and the Word copy
//! both print, so the two cannot differ: the heading ("Phụ lục", the title, "(Kèm theo Quyết định
//! số … ngày … của …)"), the table's columns in groups, a row per unit (ranked units, then those
//! that did not submit), and the notes under the table.
//!
//! The table is assembled from column groups: the unit, the points per area, the totals. A group
//! of columns the framework adds (components, bonus and penalty) is one more group beside the
//! areas, and every renderer prints it without change.

pub mod sheet;
pub mod summary;

use rust_decimal::Decimal;

use super::ScoreReport;
use crate::decision::{annex_label, attached_to};
use crate::framework::{BandScale, Framework, IndexFormula, NotApplicable};
use crate::rank::Ranked;
use crate::score::{Basis, NodeScore};
use crate::text::points;

/// How a column's figures are shown, and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// STT: the row's number.
    Number,
    /// The unit's name.
    Unit,
    /// Points, with as many decimals as they have.
    Points,
    /// A percentage with the published decimals.
    Percent,
    /// The band's label, shaded by band.
    Band,
    /// The rank.
    Rank,
}

/// A column of the table: its header, and the group header above it when it has one (columns of
/// a group are adjacent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub group: Option<String>,
    pub header: String,
    pub kind: ColumnKind,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(u64),
    Points(Decimal),
    Percent(Decimal),
    /// Nothing arose here (không phát sinh): "KPS", never 0, which would read as failing it.
    NotApplicable,
    /// A band, `position` counted from the best (0) of `bands`.
    Band {
        label: String,
        position: usize,
        bands: usize,
    },
    /// Text that spans this column and all those after it ("Chưa nộp").
    Rest(String),
}

/// A row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Scored on the unit's self-assessment, not appraised: marked (*) and set in italics.
    pub self_assessed: bool,
}

/// The annex, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// "Phụ lục", or "Phụ lục I".
    pub label: String,
    /// In capitals, as Nghị định 30 sets an annex's title.
    pub title: String,
    /// "(Kèm theo Quyết định số … ngày … của …)".
    pub attached_to: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

/// The marker of a unit scored on its self-assessment.
pub const SELF_MARK: &str = "(*)";
/// What a rostered unit without a form shows instead of figures.
pub const NOT_SUBMITTED: &str = "Chưa nộp";
/// What a preliminary result shows for an external component it has no points for yet, and the
/// mark of its title.
pub const PENDING: &str = "Chưa có";
pub const PRELIMINARY: &str = "TẠM TÍNH";

/// How a column gets its cell from a ranked unit.
type CellOf<'a> = Box<dyn Fn(&Ranked) -> Cell + 'a>;

/// A group of columns: its header, and each column's header, kind and cell.
struct Group<'a> {
    name: Option<String>,
    columns: Vec<(String, ColumnKind, CellOf<'a>)>,
}

/// Points, or KPS where nothing arose.
fn points_cell(score: NodeScore) -> Cell {
    if score.applicable_max.is_zero() {
        Cell::NotApplicable
    } else {
        Cell::Points(score.points)
    }
}

impl Annex {
    pub fn of(report: &ScoreReport) -> Annex {
        let framework = report.framework;
        let bands = framework.bands.len();
        let areas = Group {
            name: Some("Điểm từng lĩnh vực".to_string()),
            columns: framework
                .areas()
                .map(|area| {
                    let node = &framework.nodes[area];
                    let header = format!("{}. {} ({})", node.code, node.name, points(node.max));
                    let cell: CellOf = Box::new(move |r: &Ranked| points_cell(r.unit.nodes[area]));
                    (header, ColumnKind::Points, cell)
                })
                .collect(),
        };
        // Areas of external components: a preliminary unit has no points for them yet.
        let pending: Vec<usize> = framework
            .components
            .iter()
            .filter(|c| c.external)
            .flat_map(|c| c.areas.iter().copied())
            .collect();
        let areas = Group {
            columns: areas
                .columns
                .into_iter()
                .zip(framework.areas())
                .map(|((header, kind, cell), area)| {
                    let cell: CellOf = if pending.contains(&area) {
                        Box::new(move |r: &Ranked| {
                            if r.unit.preliminary {
                                Cell::Text(PENDING.to_string())
                            } else {
                                cell(r)
                            }
                        })
                    } else {
                        cell
                    };
                    (header, kind, cell)
                })
                .collect(),
            ..areas
        };
        let components = Group {
            name: Some("Điểm từng thành phần".to_string()),
            columns: framework
                .components
                .iter()
                .enumerate()
                .map(|(c, component)| {
                    let header = format!(
                        "{}. {} ({})",
                        component.code,
                        component.name,
                        points(component.max)
                    );
                    let external = component.external;
                    let cell: CellOf = Box::new(move |r: &Ranked| {
                        if external && r.unit.preliminary {
                            Cell::Text(PENDING.to_string())
                        } else {
                            points_cell(r.unit.components[c])
                        }
                    });
                    (header, ColumnKind::Points, cell)
                })
                .collect(),
        };
        let base = Group {
            name: None,
            columns: vec![
                (
                    "Tổng điểm".to_string(),
                    ColumnKind::Points,
                    Box::new(|r: &Ranked| Cell::Points(r.unit.total.points)),
                ),
                (
                    "Điểm tối đa áp dụng".to_string(),
                    ColumnKind::Points,
                    Box::new(|r: &Ranked| Cell::Points(r.unit.total.applicable_max)),
                ),
            ],
        };
        let adjustment = Group {
            name: framework
                .adjustment
                .as_ref()
                .map(|block| block.name.clone()),
            columns: match &framework.adjustment {
                None => Vec::new(),
                Some(_) => vec![
                    (
                        "Điểm thưởng".to_string(),
                        ColumnKind::Points,
                        Box::new(|r: &Ranked| Cell::Points(r.unit.bonus)),
                    ),
                    (
                        "Điểm trừ".to_string(),
                        ColumnKind::Points,
                        Box::new(|r: &Ranked| Cell::Points(r.unit.penalty)),
                    ),
                    (
                        "Tổng điểm sau thưởng, trừ".to_string(),
                        ColumnKind::Points,
                        Box::new(|r: &Ranked| Cell::Points(r.unit.final_points)),
                    ),
                ],
            },
        };
        let totals = Group {
            name: None,
            columns: vec![
                (
                    "Chỉ số (%)".to_string(),
                    ColumnKind::Percent,
                    Box::new(|r: &Ranked| Cell::Percent(r.unit.index)),
                ),
                (
                    "Xếp loại".to_string(),
                    ColumnKind::Band,
                    Box::new(move |r: &Ranked| Cell::Band {
                        label: framework.bands[r.unit.band].label.clone(),
                        position: bands - 1 - r.unit.band,
                        bands,
                    }),
                ),
                (
                    "Xếp hạng".to_string(),
                    ColumnKind::Rank,
                    Box::new(|r: &Ranked| Cell::Number(u64::from(r.rank))),
                ),
            ],
        };
        // Groups without columns (no components, no block) print nothing.
        let groups = [areas, components, base, adjustment, totals];

        let mut columns = vec![
            Column {
                group: None,
                header: "STT".to_string(),
                kind: ColumnKind::Number,
            },
            Column {
                group: None,
                header: "Đơn vị".to_string(),
                kind: ColumnKind::Unit,
            },
        ];
        for group in &groups {
            for (header, kind, _) in &group.columns {
                columns.push(Column {
                    group: group.name.clone(),
                    header: header.clone(),
                    kind: *kind,
                });
            }
        }

        let mut rows = Vec::new();
        for (i, ranked) in report.ranked.iter().enumerate() {
            let unit = &ranked.unit;
            let self_assessed = unit.basis == Basis::SelfScore;
            let name = if self_assessed {
                format!("{} {SELF_MARK}", unit.unit_name)
            } else {
                unit.unit_name.clone()
            };
            let mut cells = vec![Cell::Number(i as u64 + 1), Cell::Text(name)];
            for group in &groups {
                cells.extend(group.columns.iter().map(|(_, _, cell)| cell(ranked)));
            }
            rows.push(Row {
                cells,
                self_assessed,
            });
        }
        let ranked = report.ranked.len();
        for (i, unit) in report.not_submitted.iter().enumerate() {
            rows.push(Row {
                cells: vec![
                    Cell::Number((ranked + i + 1) as u64),
                    Cell::Text(unit.unit_name.clone()),
                    Cell::Rest(NOT_SUBMITTED.to_string()),
                ],
                self_assessed: false,
            });
        }

        let mut notes = Vec::new();
        if rows.iter().any(|r| r.self_assessed) {
            notes.push(format!(
                "{SELF_MARK} Đơn vị chưa được thẩm định: điểm theo kết quả tự đánh giá của đơn vị."
            ));
        }
        if !report.not_submitted.is_empty() {
            notes.push(format!(
                "{NOT_SUBMITTED}: đơn vị không gửi bảng tự đánh giá ({} đơn vị), không có Chỉ số, không xếp loại, xếp hạng.",
                report.not_submitted.len()
            ));
        }
        let preliminary = report.preliminary();
        if preliminary {
            notes.push(format!(
                "{PRELIMINARY}: chưa có điểm {}; {PENDING} = thành phần này không tính vào tổng điểm và điểm tối đa áp dụng.",
                external_components(framework)
            ));
        }
        notes.push(index_note(framework));
        if let Some(block) = &framework.adjustment {
            notes.push(format!(
                "{}: điểm thưởng tối đa {}, điểm trừ tối đa {}.",
                block.name,
                points(block.bonus_cap),
                points(block.penalty_cap)
            ));
        }
        if framework.band_scale == BandScale::Points {
            notes.push("Xếp loại theo tổng điểm sau thưởng, trừ.".to_string());
        }
        if !report.excluded.is_empty() {
            let files: Vec<String> = report
                .excluded
                .iter()
                .map(|e| e.file.display().to_string())
                .collect();
            notes.push(format!(
                "KẾT QUẢ CHƯA ĐẦY ĐỦ: {} tệp bị loại, không được xếp hạng: {}.",
                report.excluded.len(),
                files.join("; ")
            ));
        }

        let title = framework.annex_title().to_uppercase();
        Annex {
            label: annex_label(report.decision),
            title: if preliminary {
                format!("{title} ({PRELIMINARY})")
            } else {
                title
            },
            attached_to: attached_to(report.decision),
            columns,
            rows,
            notes,
        }
    }
}

/// The external components, as the preliminary note names them: "Điều tra xã hội học (DT)".
fn external_components(framework: &Framework) -> String {
    framework
        .components
        .iter()
        .filter(|c| c.external)
        .map(|c| format!("{} ({})", c.name, c.code))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the index is computed, and what a criterion that did not arise counts for: left out of
/// the maximum, awarded its maximum, or each by its criterion.
fn index_note(framework: &Framework) -> String {
    let formula = match framework
        .adjustment
        .as_ref()
        .map(|b| (b.formula, b.bonus_cap))
    {
        None => "Chỉ số (%) = Tổng điểm ÷ Điểm tối đa áp dụng × 100".to_string(),
        Some((IndexFormula::Added, _)) => format!(
            "Chỉ số (%) = Tổng điểm ÷ Điểm tối đa áp dụng × 100 + (Điểm thưởng − Điểm trừ) × 100 ÷ {}",
            points(framework.total_max)
        ),
        Some((IndexFormula::Rescaled, cap)) => format!(
            "Chỉ số (%) = (Tổng điểm + Điểm thưởng − Điểm trừ) ÷ (Điểm tối đa áp dụng + {}) × 100",
            points(cap)
        ),
    };
    let policy = |wanted: NotApplicable| -> Vec<&str> {
        framework
            .leaves()
            .map(|i| &framework.nodes[i])
            .filter(|n| n.leaf.as_ref().and_then(|l| l.not_applicable) == Some(wanted))
            .map(|n| n.code.as_str())
            .collect()
    };
    let full = policy(NotApplicable::FullPoints);
    let kps = if full.is_empty() {
        "tiêu chí không phát sinh (KPS) không tính vào điểm tối đa".to_string()
    } else if policy(NotApplicable::LeaveOut).is_empty() {
        "tiêu chí không phát sinh (KPS) được tính đủ điểm".to_string()
    } else {
        format!(
            "tiêu chí không phát sinh (KPS) không tính vào điểm tối đa, trừ tiêu chí {}: không phát sinh được tính đủ điểm",
            full.join(", ")
        )
    };
    format!("{formula}, làm tròn một lần ở cuối; {kps}.")
}

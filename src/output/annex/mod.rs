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
        let totals = Group {
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
        let groups = [areas, totals];

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
        notes.push(
            "Chỉ số (%) = Tổng điểm ÷ Điểm tối đa áp dụng × 100, làm tròn một lần ở cuối; tiêu chí không phát sinh (KPS) không tính vào điểm tối đa."
                .to_string(),
        );
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

        Annex {
            label: annex_label(report.decision),
            title: framework.annex_title().to_uppercase(),
            attached_to: attached_to(report.decision),
            columns,
            rows,
            notes,
        }
    }
}

//! Writing a unit's self-assessment form for a framework, optionally filled in.
//!
//! The layout is the one the reader expects: header cells "Mã đơn vị", "Tên đơn vị", "Năm" with
//! their values to the right, then the criteria table with one row per area, criterion and
//! sub-criterion. Subtotal rows are formulas *with cached results*, so every viewer shows the
//! right figures without recalculating.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, XlsxError};

use crate::framework::Framework;
use crate::workbook::labels;

/// A score as typed into the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Points(Decimal),
    /// Written as "KPS" (không phát sinh).
    NotApplicable,
}

/// What a unit typed on one leaf's row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilledRow {
    pub self_score: Option<Entry>,
    pub appraised: Option<Entry>,
    pub evidence: String,
    pub note: String,
}

/// The unit the form is for and, when filled, its rows keyed by framework node index.
#[derive(Debug, Clone, Default)]
pub struct FormData {
    pub unit_code: String,
    pub unit_name: String,
    pub rows: HashMap<usize, FilledRow>,
}

/// Name of the sheet holding the table.
pub const SHEET: &str = "Tự đánh giá";

const FIRST_TABLE_ROW: u32 = 6;

/// Builds the form workbook in memory.
pub fn write_form(framework: &Framework, data: &FormData) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(13);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let subtotal = Format::new().set_bold().set_num_format("0.###");
    let number = Format::new().set_num_format("0.###");

    sheet.write_string_with_format(
        0,
        0,
        format!(
            "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM — {} ({})",
            framework.name, framework.id
        ),
        &title,
    )?;
    sheet.write_string_with_format(1, 0, labels::UNIT_CODE.name, &bold)?;
    sheet.write_string(1, 1, &data.unit_code)?;
    sheet.write_string_with_format(2, 0, labels::UNIT_NAME.name, &bold)?;
    sheet.write_string(2, 1, &data.unit_name)?;
    sheet.write_string_with_format(3, 0, labels::YEAR.name, &bold)?;
    sheet.write_number(3, 1, framework.year)?;

    let header_row = FIRST_TABLE_ROW - 1;
    for (col, label) in labels::TABLE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, label.name, &bold)?;
    }
    for (col, width) in [12, 60, 10, 12, 12, 30, 20].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_freeze_panes(FIRST_TABLE_ROW, 0)?;

    let row_of = |node: usize| FIRST_TABLE_ROW + node as u32;
    // Cached subtotals for the self (index 0) and appraised (index 1) columns.
    let mut sums = vec![[Decimal::ZERO; 2]; framework.nodes.len()];
    for (&index, filled) in &data.rows {
        for (slot, entry) in [filled.self_score, filled.appraised].iter().enumerate() {
            if let Some(Entry::Points(p)) = entry {
                sums[index][slot] = *p;
            }
        }
    }
    for index in (0..framework.nodes.len()).rev() {
        if let Some(parent) = framework.nodes[index].parent {
            let [self_sum, appraised_sum] = sums[index];
            sums[parent][0] += self_sum;
            sums[parent][1] += appraised_sum;
        }
    }

    for (index, node) in framework.nodes.iter().enumerate() {
        let row = row_of(index);
        let is_leaf = node.leaf.is_some();
        let text_format = if is_leaf { &wrap } else { &bold };
        sheet.write_string_with_format(row, 0, &node.code, text_format)?;
        sheet.write_string_with_format(row, 1, &node.name, text_format)?;
        sheet.write_number_with_format(
            row,
            2,
            to_f64(node.max),
            if is_leaf { &number } else { &subtotal },
        )?;
        if is_leaf {
            if let Some(filled) = data.rows.get(&index) {
                for (col, entry) in [(3, filled.self_score), (4, filled.appraised)] {
                    match entry {
                        Some(Entry::Points(p)) => {
                            sheet.write_number_with_format(row, col, to_f64(p), &number)?;
                        }
                        Some(Entry::NotApplicable) => {
                            sheet.write_string(row, col, "KPS")?;
                        }
                        None => {}
                    }
                }
                sheet.write_string_with_format(row, 5, &filled.evidence, &wrap)?;
                sheet.write_string_with_format(row, 6, &filled.note, &wrap)?;
            }
        } else {
            for (slot, col) in [(0, 3u16), (1, 4u16)] {
                let formula = sum_formula(col, node.children.iter().map(|&c| row_of(c)));
                let result = sums[index][slot].normalize().to_string();
                sheet.write_formula_with_format(
                    row,
                    col,
                    Formula::new(formula).set_result(result),
                    &subtotal,
                )?;
            }
        }
    }

    let total_row = row_of(framework.nodes.len());
    sheet.write_string_with_format(total_row, 1, "Tổng cộng", &bold)?;
    sheet.write_number_with_format(total_row, 2, to_f64(framework.total_max), &subtotal)?;
    let areas: Vec<u32> = framework.areas().map(row_of).collect();
    for (slot, col) in [(0, 3u16), (1, 4u16)] {
        let total: Decimal = framework.areas().map(|a| sums[a][slot]).sum();
        let formula = sum_formula(col, areas.iter().copied());
        sheet.write_formula_with_format(
            total_row,
            col,
            Formula::new(formula).set_result(total.normalize().to_string()),
            &subtotal,
        )?;
    }
    workbook.save_to_buffer()
}

/// "=D8+D9+D12": SUM over the given rows of one column (zero-based rows and column).
fn sum_formula(col: u16, rows: impl Iterator<Item = u32>) -> String {
    let letter = char::from(b'A' + col as u8);
    let cells: Vec<String> = rows.map(|r| format!("{letter}{}", r + 1)).collect();
    format!("=SUM({})", cells.join(","))
}

/// Spreadsheets store numbers as binary floats; scores have few decimals and convert exactly
/// back through the reader's 15-significant-digit rule.
fn to_f64(value: Decimal) -> f64 {
    value.to_f64().expect("scores fit in f64")
}

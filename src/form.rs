//! Writing a unit's self-assessment form for a framework, optionally filled in.
//!
//! The layout is the one the reader expects: header cells "Mã đơn vị", "Tên đơn vị", "Năm" with
//! their values to the right, then the criteria table with one row per area, criterion and
//! sub-criterion. Subtotal rows are formulas *with cached results*, so every viewer shows the
//! right figures without recalculating. Only the input cells are unlocked (the sheet is protected
//! without a password), score cells carry data validation, and the framework's fingerprint is
//! written under "Mã bộ tiêu chí" so a form from another framework is recognised.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

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
    let left = Format::new().set_align(FormatAlign::Left);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let group = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let subtotal = group.clone().set_num_format("0.###");
    let number = Format::new()
        .set_num_format("0.###")
        .set_border(FormatBorder::Thin);
    let input = number.clone().set_unlocked();
    let input_text = wrap.clone().set_unlocked();

    sheet.write_string_with_format(
        0,
        0,
        format!(
            "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {} — {}",
            framework.year, framework.name
        ),
        &title,
    )?;
    sheet.write_string_with_format(1, 0, labels::UNIT_CODE.name, &bold)?;
    let unit_input = Format::new().set_unlocked();
    sheet.write_string_with_format(1, 1, &data.unit_code, &unit_input)?;
    sheet.write_string_with_format(2, 0, labels::UNIT_NAME.name, &bold)?;
    sheet.write_string_with_format(2, 1, &data.unit_name, &unit_input)?;
    sheet.write_string_with_format(3, 0, labels::YEAR.name, &bold)?;
    sheet.write_number_with_format(3, 1, framework.year, &left)?;
    sheet.write_string_with_format(4, 0, labels::FRAMEWORK.name, &bold)?;
    sheet.write_string(4, 1, framework.fingerprint())?;

    let header_row = FIRST_TABLE_ROW - 1;
    for (col, label) in labels::TABLE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, label.name, &header)?;
    }
    sheet.set_row_height(header_row, 32)?;
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
        let Some(rule) = &node.leaf else {
            sheet.write_string_with_format(row, 0, &node.code, &group)?;
            sheet.write_string_with_format(row, 1, &node.name, &group)?;
            sheet.write_number_with_format(row, 2, to_f64(node.max), &subtotal)?;
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
            continue;
        };
        sheet.write_string_with_format(row, 0, &node.code, &wrap)?;
        sheet.write_string_with_format(row, 1, &node.name, &wrap)?;
        sheet.write_number_with_format(row, 2, to_f64(node.max), &number)?;
        let filled = data.rows.get(&index).cloned().unwrap_or_default();
        for (col, entry) in [(3, filled.self_score), (4, filled.appraised)] {
            match entry {
                Some(Entry::Points(p)) => {
                    sheet.write_number_with_format(row, col, to_f64(p), &input)?
                }
                Some(Entry::NotApplicable) => {
                    sheet.write_string_with_format(row, col, "KPS", &input)?
                }
                None => sheet.write_blank(row, col, &input)?,
            };
            validate_score(sheet, row, col, node.max, rule)?;
        }
        sheet.write_string_with_format(row, 5, &filled.evidence, &input_text)?;
        sheet.write_string_with_format(row, 6, &filled.note, &input_text)?;
    }

    let total_row = row_of(framework.nodes.len());
    sheet.write_blank(total_row, 0, &group)?;
    sheet.write_string_with_format(total_row, 1, "Tổng cộng", &group)?;
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

    // Printable on A4 landscape, one page wide, the header row repeated on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(header_row, header_row)?;
    // Structure cells are locked; no password, so staff can still unprotect deliberately.
    sheet.protect();

    write_instructions(workbook.add_worksheet(), framework)?;
    workbook.save_to_buffer()
}

/// Data validation of one score cell: a number from 0 to the maximum (a multiple of the step when
/// there is one), or a not-applicable marker where the criterion allows it.
fn validate_score(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    max: Decimal,
    rule: &crate::framework::LeafRule,
) -> Result<(), XlsxError> {
    let cell = row_col_to_cell(row, col);
    let mut number = format!(
        "AND(ISNUMBER({cell}),{cell}>=0,{cell}<={})",
        max.normalize()
    );
    let mut message = format!("Nhập số từ 0 đến {}", max.normalize());
    if let Some(step) = rule.step {
        let step = step.normalize();
        number = format!("AND({number},ROUND({cell}/{step},9)=INT(ROUND({cell}/{step},9)))");
        message.push_str(&format!(", là bội số của {step}"));
    }
    let rule_formula = if rule.allow_not_applicable {
        message.push_str(", hoặc KPS nếu không phát sinh");
        format!("=OR({number},{cell}=\"KPS\",{cell}=\"Không phát sinh\",{cell}=\"N/A\")")
    } else {
        format!("={number}")
    };
    let validation = DataValidation::new()
        .allow_custom(Formula::new(rule_formula))
        .set_error_title("Điểm không hợp lệ")?
        .set_error_message(format!("{message}."))?;
    sheet.add_data_validation(row, col, row, col, &validation)?;
    Ok(())
}

/// The "Hướng dẫn" (instructions) sheet.
fn write_instructions(sheet: &mut Worksheet, framework: &Framework) -> Result<(), XlsxError> {
    sheet.set_name("Hướng dẫn")?;
    sheet.set_column_width(0, 110)?;
    let bold = Format::new().set_bold().set_font_size(13);
    let wrap = Format::new().set_text_wrap();
    sheet.write_string_with_format(
        0,
        0,
        "HƯỚNG DẪN ĐIỀN BẢNG TỰ ĐÁNH GIÁ / HOW TO FILL IN THIS FORM",
        &bold,
    )?;
    let lines = [
        format!("Bộ tiêu chí: {} — năm {} ({}).", framework.name, framework.year, framework.fingerprint()),
        format!("1. Ghi Mã đơn vị và Tên đơn vị ở sheet \"{SHEET}\" (ô B2, B3). Không sửa Năm và Mã bộ tiêu chí."),
        "2. Với mỗi tiêu chí thành phần, nhập Điểm tự đánh giá (cột D); Hội đồng thẩm định nhập Điểm thẩm định (cột E). Điểm là số từ 0 đến Điểm tối đa; dùng dấu phẩy hoặc dấu chấm thập phân theo cài đặt của máy, không nhập điểm dạng chữ.".to_string(),
        "3. Tiêu chí không phát sinh: ghi KPS (chỉ với tiêu chí cho phép; bảng sẽ báo lỗi nếu không được phép). Tiêu chí không phát sinh được trừ khỏi cả điểm đạt và điểm tối đa.".to_string(),
        "4. Mỗi điểm cần Tài liệu kiểm chứng (cột F); nếu không có, giải trình cách chấm ở cột Ghi chú (G).".to_string(),
        "5. Các dòng lĩnh vực, tiêu chí và Tổng cộng là công thức tự cộng; không sửa. Điểm được tính lại từ các tiêu chí thành phần.".to_string(),
        "6. Tiêu chí điều tra xã hội học: không tự chấm; điểm điều tra ghi ở cột Điểm thẩm định.".to_string(),
        "7. Kiểm tra trước khi gửi: parindex validate --criteria <bộ tiêu chí> <thư mục>.".to_string(),
        String::new(),
        "EN: fill in the unit code and name; enter self scores (column D) and appraised scores (column E) as numbers from 0 to the maximum; write KPS where a criterion did not arise and is allowed to; give evidence (F) or an explanation (G) for every score; subtotal rows are formulas.".to_string(),
    ];
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(i as u32 + 2, 0, line, &wrap)?;
    }
    sheet.protect();
    Ok(())
}

/// "=D8+D9+D12": SUM over the given rows of one column (zero-based rows and column).
fn sum_formula(col: u16, rows: impl Iterator<Item = u32>) -> String {
    let cells: Vec<String> = rows.map(|r| row_col_to_cell(r, col)).collect();
    format!("=SUM({})", cells.join(","))
}

/// Spreadsheets store numbers as binary floats; scores have few decimals and convert exactly
/// back through the reader's 15-significant-digit rule.
fn to_f64(value: Decimal) -> f64 {
    value.to_f64().expect("scores fit in f64")
}

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
    Color, DataValidation, Format, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError,
};

use crate::framework::{Framework, Source};
use crate::output::page;
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

/// A fact of a rule-based criterion as entered on the measured-values sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactEntry {
    Number(Decimal),
    /// The name of the chosen option, or any text (to test the reader).
    Text(String),
}

/// The unit the form is for and, when filled, its rows keyed by framework node index, and its
/// facts keyed by node index and fact key.
#[derive(Debug, Clone, Default)]
pub struct FormData {
    pub unit_code: String,
    pub unit_name: String,
    pub rows: HashMap<usize, FilledRow>,
    pub facts: HashMap<(usize, String), FactEntry>,
}

/// Name of the sheet holding the table.
pub const SHEET: &str = "Tự đánh giá";
/// Name of the sheet holding the facts of rule-based criteria and the bonus and penalty items.
pub use crate::workbook::facts::FACTS_SHEET;

const FIRST_TABLE_ROW: u32 = 6;
/// Column widths: code, criterion, maximum, self, appraised, evidence, note.
const WIDTHS: [f64; 7] = [12.0, 60.0, 10.0, 12.0, 12.0, 30.0, 20.0];
/// Cells the unit fills in (light yellow), the appraisal council (light blue), and points from
/// outside the unit such as the survey (grey, locked).
const UNIT_FILL: u32 = 0xFFF2CC;
const COUNCIL_FILL: u32 = 0xDDEBF7;
const EXTERNAL_FILL: u32 = 0xD9D9D9;
/// Points the tool computes from the facts sheet (light green); the unit may leave them blank.
const COMPUTED_FILL: u32 = 0xE2EFDA;

/// Builds the form workbook in memory.
pub fn write_form(framework: &Framework, data: &FormData) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = page::workbook()?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    let bold = page::text().set_bold();
    let title = page::text().set_bold().set_font_size(13);
    let left = page::text().set_align(FormatAlign::Left);
    let header = header_cell();
    let group = page::text()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let wrap = wrapped_cell();
    let subtotal = group.clone().set_num_format("0.###");
    let number = page::text()
        .set_num_format("0.###")
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    // What the unit fills in, what the appraisal council fills in, and what comes from outside
    // the unit (the survey): each its own shade; the last locked.
    let input = number
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(UNIT_FILL));
    let appraised_input = number
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(COUNCIL_FILL));
    let external = number
        .clone()
        .set_background_color(Color::RGB(EXTERNAL_FILL));
    let input_text = wrap
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(UNIT_FILL));
    let computed = number
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(COMPUTED_FILL));

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
    let unit_input = page::text()
        .set_unlocked()
        .set_background_color(Color::RGB(UNIT_FILL));
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
    for (col, width) in WIDTHS.into_iter().enumerate() {
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
        // Tall enough for the wrapped name (or evidence), in Excel and LibreOffice alike.
        let filled = data.rows.get(&index);
        let lines = [
            (node.name.as_str(), WIDTHS[1]),
            (filled.map_or("", |f| f.evidence.as_str()), WIDTHS[5]),
            (filled.map_or("", |f| f.note.as_str()), WIDTHS[6]),
        ]
        .iter()
        .map(|(text, width)| page::lines(text, *width))
        .max()
        .unwrap_or(1);
        sheet.set_row_height(row, page::height(lines, page::FONT_SIZE))?;
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
        let survey = matches!(rule.source, Source::Survey | Source::External);
        for (col, entry) in [(3, filled.self_score), (4, filled.appraised)] {
            let format = match (survey, col) {
                (true, _) => &external,
                (false, _) if rule.rule.is_some() => &computed,
                (false, 3) => &input,
                (false, _) => &appraised_input,
            };
            match entry {
                Some(Entry::Points(p)) => {
                    sheet.write_number_with_format(row, col, to_f64(p), format)?
                }
                Some(Entry::NotApplicable) => {
                    sheet.write_string_with_format(row, col, "KPS", format)?
                }
                None => sheet.write_blank(row, col, format)?,
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
    page::setup(sheet, true, Some((header_row, header_row)))?;
    // Structure cells are locked; no password, so staff can still unprotect deliberately.
    sheet.protect();

    if framework.has_facts() {
        write_facts(workbook.add_worksheet(), framework, data)?;
    }
    write_instructions(workbook.add_worksheet(), framework)?;
    workbook.save_to_buffer()
}

/// A row of the facts sheet, before it is written.
struct FactRow<'a> {
    code: &'a str,
    name: &'a str,
    label: String,
    key: &'a str,
    validation: DataValidation,
    /// Where `FormData::facts` holds its value.
    slot: (usize, String),
}

/// The measured-values sheet: one row per fact of each rule-based criterion, found by the reader
/// by its criterion code and fact key; a drop-down of the options for a choice, whole numbers
/// from 0 for counts, numbers from 0 for a measured value.
fn write_facts(
    sheet: &mut Worksheet,
    framework: &Framework,
    data: &FormData,
) -> Result<(), XlsxError> {
    use crate::framework::AdjustmentKind;
    use crate::framework::rules::{Rule, RuleInput};
    use crate::workbook::facts::ADJUSTMENT_KEY;
    use rust_xlsxwriter::DataValidationRule;

    sheet.set_name(FACTS_SHEET)?;
    let title = page::text().set_bold().set_font_size(13);
    let header = header_cell();
    let wrap = wrapped_cell();
    let input = wrap
        .clone()
        .set_unlocked()
        .set_num_format("#,##0.###")
        .set_background_color(Color::RGB(UNIT_FILL));
    const FACT_WIDTHS: [f64; 6] = [12.0, 40.0, 40.0, 14.0, 24.0, 20.0];
    let heading = if framework.adjustment.is_some() {
        "SỐ LIỆU ĐỂ TÍNH ĐIỂM CÁC TIÊU CHÍ CHẤM THEO SỐ LIỆU; ĐIỂM THƯỞNG, ĐIỂM TRỪ"
    } else {
        "SỐ LIỆU ĐỂ TÍNH ĐIỂM CÁC TIÊU CHÍ CHẤM THEO SỐ LIỆU"
    };
    sheet.write_string_with_format(0, 0, heading, &title)?;
    sheet.write_string(
        1,
        0,
        "Đơn vị nhập số liệu vào cột Giá trị; điểm của các tiêu chí này do máy tính từ số liệu.",
    )?;
    let header_row = 3;
    let columns = [
        labels::CODE.name,
        labels::CRITERION.name,
        labels::FACT_LABEL.name,
        labels::FACT_KEY.name,
        labels::FACT_VALUE.name,
        labels::NOTE.name,
    ];
    for (col, (label, width)) in columns.iter().zip(FACT_WIDTHS).enumerate() {
        sheet.write_string_with_format(header_row, col as u16, *label, &header)?;
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_row_height(header_row, 32)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    // Each fact's row: code, criterion, what to enter, key, the value's validation, and where
    // the form's data holds it. Rule facts first, then the bonus and penalty items.
    let mut rows: Vec<FactRow> = Vec::new();
    for index in framework.leaves() {
        let node = &framework.nodes[index];
        let Some(rule) = node.leaf.as_ref().and_then(|l| l.rule.as_ref()) else {
            continue;
        };
        for measure in rule.measures() {
            let validation = match rule {
                Rule::Choice { options, .. } => {
                    let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
                    DataValidation::new()
                        .allow_list_strings(&names)?
                        .set_error_message("Chọn một mức trong danh sách.")?
                }
                Rule::Thresholds {
                    input: RuleInput::Value(_),
                    ..
                } => DataValidation::new()
                    .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
                    .set_error_message("Nhập một số không âm.")?,
                _ => DataValidation::new()
                    .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                    .set_error_message("Nhập số nguyên không âm (số đếm).")?,
            };
            rows.push(FactRow {
                code: &node.code,
                name: &node.name,
                label: measure.label.clone(),
                key: &measure.key,
                validation,
                slot: (index, measure.key.clone()),
            });
        }
    }
    // Bonus and penalty items: the points given, or taken away, as a positive number.
    for (i, item) in framework
        .adjustment
        .iter()
        .flat_map(|a| a.items.iter())
        .enumerate()
    {
        let label = match item.kind {
            AdjustmentKind::Bonus => format!("Điểm thưởng (từ 0 đến {})", item.max.normalize()),
            AdjustmentKind::Penalty => {
                format!("Điểm trừ, ghi số dương (từ 0 đến {})", item.max.normalize())
            }
        };
        let validation = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, to_f64(item.max)))
            .set_error_message(format!(
                "Nhập số từ 0 đến {}; ghi 0 nếu không có.",
                item.max.normalize()
            ))?;
        rows.push(FactRow {
            code: &item.code,
            name: &item.name,
            label,
            key: ADJUSTMENT_KEY,
            validation,
            slot: (framework.nodes.len() + i, ADJUSTMENT_KEY.to_string()),
        });
    }
    for (row, fact) in (header_row + 1..).zip(rows) {
        let lines = [
            (fact.name, FACT_WIDTHS[1]),
            (fact.label.as_str(), FACT_WIDTHS[2]),
        ]
        .iter()
        .map(|(text, width)| page::lines(text, *width))
        .max()
        .unwrap_or(1);
        sheet.set_row_height(row, page::height(lines, page::FONT_SIZE))?;
        sheet.write_string_with_format(row, 0, fact.code, &wrap)?;
        sheet.write_string_with_format(row, 1, fact.name, &wrap)?;
        sheet.write_string_with_format(row, 2, &fact.label, &wrap)?;
        sheet.write_string_with_format(row, 3, fact.key, &wrap)?;
        match data.facts.get(&fact.slot) {
            Some(FactEntry::Number(n)) => {
                sheet.write_number_with_format(row, 4, to_f64(*n), &input)?
            }
            Some(FactEntry::Text(text)) => sheet.write_string_with_format(row, 4, text, &input)?,
            None => sheet.write_blank(row, 4, &input)?,
        };
        sheet.write_blank(row, 5, &input)?;
        let validation = fact.validation.set_error_title("Số liệu không hợp lệ")?;
        sheet.add_data_validation(row, 4, row, 4, &validation)?;
    }
    page::setup(sheet, true, Some((header_row, header_row)))?;
    sheet.protect();
    Ok(())
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
    let rule_formula = if rule.allows_not_applicable() {
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

/// The "Hướng dẫn" (instructions) sheet, for the commune's clerk who fills the form in: what to
/// fill, what not to touch, what the colours mean, where to send it. A4 portrait, wrapped.
fn write_instructions(sheet: &mut Worksheet, framework: &Framework) -> Result<(), XlsxError> {
    sheet.set_name("Hướng dẫn")?;
    const WIDTH: f64 = 90.0;
    sheet.set_column_width(0, WIDTH)?;
    let title = page::text()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let heading = page::text().set_bold().set_text_wrap();
    let wrap = page::text().set_text_wrap().set_align(FormatAlign::Top);
    let shade = |fill: u32| {
        wrap.clone()
            .set_background_color(Color::RGB(fill))
            .set_border(FormatBorder::Thin)
    };
    let lines: Vec<(String, Format)> = vec![
        ("HƯỚNG DẪN ĐIỀN BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH".to_string(), title),
        (format!("{} (năm {}).", framework.name, framework.year), wrap.clone()),
        (String::new(), wrap.clone()),
        ("1. Những ô cần điền".to_string(), heading.clone()),
        (format!("• Ở trang tính \"{SHEET}\": ghi Mã đơn vị và Tên đơn vị (ô B2, B3) đúng như cơ quan nội vụ đã thông báo."), wrap.clone()),
        ("• Cột \"Điểm tự đánh giá\": với mỗi tiêu chí thành phần, ghi số điểm đơn vị tự chấm, từ 0 đến Điểm tối đa của dòng đó. Ghi số (ví dụ 1,5), không ghi chữ. Máy báo lỗi nếu điểm vượt quá điểm tối đa.".to_string(), wrap.clone()),
        ("• Tiêu chí không phát sinh trong năm: ghi KPS (chỉ ở những tiêu chí cho phép; máy báo lỗi nếu không được phép) và ghi lý do ở cột Ghi chú. Tiêu chí không phát sinh không tính vào điểm đạt lẫn điểm tối đa.".to_string(), wrap.clone()),
        ("• Cột \"Tài liệu kiểm chứng\": ghi số, ký hiệu, ngày của văn bản chứng minh điểm đã chấm. Không có tài liệu thì giải trình ở cột \"Ghi chú\".".to_string(), wrap.clone()),
        (String::new(), wrap.clone()),
        ("2. Những ô không được sửa".to_string(), heading.clone()),
        ("• Năm, Mã bộ tiêu chí, mã và tên tiêu chí, Điểm tối đa: do cơ quan nội vụ lập, đơn vị không sửa, không thêm hay xoá dòng, không đổi tên trang tính.".to_string(), wrap.clone()),
        ("• Các dòng lĩnh vực, tiêu chí và dòng Tổng cộng tự cộng điểm; không ghi đè lên.".to_string(), wrap.clone()),
        ("• Cột \"Điểm thẩm định\" do Hội đồng thẩm định ghi; đơn vị để trống.".to_string(), wrap.clone()),
        (String::new(), wrap.clone()),
        ("3. Ý nghĩa màu ô".to_string(), heading.clone()),
        ("Màu vàng nhạt: ô đơn vị điền (mã, tên đơn vị, điểm tự đánh giá, tài liệu kiểm chứng, ghi chú).".to_string(), shade(UNIT_FILL)),
        ("Màu xanh nhạt: ô Hội đồng thẩm định điền (điểm thẩm định).".to_string(), shade(COUNCIL_FILL)),
        ("Màu xám, đã khoá: điểm do nơi khác chấm, như điều tra xã hội học; đơn vị không điền.".to_string(), shade(EXTERNAL_FILL)),
        (String::new(), wrap.clone()),
        ("4. Gửi bảng đã điền".to_string(), heading),
        ("• Lưu tệp dạng Excel (.xlsx), giữ nguyên tên trang tính, rồi gửi cùng tài liệu kiểm chứng về cơ quan nội vụ đã gửi biểu mẫu này (Phòng Nội vụ hoặc Sở Nội vụ), đúng thời hạn ghi trong văn bản hướng dẫn tự đánh giá.".to_string(), wrap.clone()),
        ("• Cần hỏi thêm: liên hệ công chức phụ trách cải cách hành chính của cơ quan nội vụ.".to_string(), wrap.clone()),
        (String::new(), wrap.clone()),
        (format!("Mã bộ tiêu chí của biểu mẫu: {}.", framework.fingerprint()), wrap.clone()),
    ];
    // What only some frameworks have, after the colours: facts, bonus and penalty.
    let mut extra = Vec::new();
    if framework.has_rules() {
        extra.push((format!("Màu xanh lá nhạt: điểm của tiêu chí chấm theo số liệu; máy tính điểm từ số liệu đơn vị nhập ở trang tính \"{FACTS_SHEET}\" (số hồ sơ, mức độ…), đơn vị có thể để trống ô điểm này."), shade(COMPUTED_FILL)));
    }
    if let Some(block) = &framework.adjustment {
        extra.push((format!("{}: ghi ở cuối trang tính \"{FACTS_SHEET}\", mỗi mục một số từ 0 đến mức tối đa của mục (điểm trừ ghi số dương); ghi 0 nếu không có.", block.name), wrap.clone()));
    }
    let colours_end = lines
        .iter()
        .position(|(text, _)| text.starts_with("Màu xám"))
        .map_or(lines.len(), |i| i + 1);
    let mut lines = lines;
    lines.splice(colours_end..colours_end, extra);
    for (i, (text, format)) in lines.iter().enumerate() {
        // The title's larger capitals take more room than the width's unit.
        let (size, room) = if i == 0 {
            (14.0, WIDTH * page::FONT_SIZE / 14.0 / 1.3)
        } else {
            (page::FONT_SIZE, WIDTH)
        };
        sheet.write_string_with_format(i as u32, 0, text, format)?;
        sheet.set_row_height(i as u32, page::height(page::lines(text, room), size))?;
    }
    page::setup(sheet, false, None)?;
    sheet.protect();
    Ok(())
}

/// A header cell of a table: bold, wrapped, centred, framed.
fn header_cell() -> Format {
    page::text()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
}

/// A text cell of a table: wrapped, top-aligned, framed.
fn wrapped_cell() -> Format {
    page::text()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
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

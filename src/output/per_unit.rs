//! The result sheet of one unit (phiếu kết quả), sent back to it: its index, band and rank ("vị
//! thứ 4/141"), its area percentages against the mean of all units, the criteria where the
//! appraisal lowered its self score (first, since they are what it will ask about), then every
//! criterion with its maximum, self score, appraised score, the difference and the note. A4
//! portrait, one page wide, in the official font, headed as an administrative document.

use std::collections::HashMap;
use std::path::PathBuf;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::annex::sheet::{HEADER_FILL, number, percent_format, points_format};
use super::page::{self, FONT_SIZE};
use super::{NOT_APPLICABLE, ScoreReport};
use crate::decision::{attached_to, place_and_date};
use crate::explain::rule_text;
use crate::framework::Framework;
use crate::rank::Ranked;
use crate::score::{Basis, UnitScore, percent};
use crate::t;
use crate::text::points;
use crate::workbook::UnitAssessment;
use crate::workbook::cell::Score;

/// Columns: code, criterion, maximum, self, appraised, difference, note.
const WIDTHS: [f64; 7] = [8.0, 42.0, 8.0, 9.0, 9.0, 9.0, 20.0];
const LAST_COL: u16 = 6;

/// One result sheet per ranked unit: the file name (the unit's code, made safe for a file
/// system) and the workbook's bytes.
pub fn sheets(
    report: &ScoreReport,
    forms: &HashMap<PathBuf, UnitAssessment>,
) -> Result<Vec<(String, Vec<u8>)>, XlsxError> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut sheets = Vec::new();
    for ranked in report.ranked {
        let code = &ranked.unit.unit_code;
        let name = file_name(code);
        // File systems that ignore case would put two units in one file.
        if let Some(other) = names.insert(name.to_lowercase(), code.clone()) {
            return Err(XlsxError::ParameterError(t!(
                "per-unit-same-file",
                first = other,
                second = code,
                file = name
            )));
        }
        sheets.push((name, sheet(report, ranked, forms.get(&ranked.unit.file))?));
    }
    Ok(sheets)
}

/// The unit's code as a file name: letters, digits, '-' and '_' kept, anything else '_'.
fn file_name(code: &str) -> String {
    let safe: String = code
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}.xlsx")
}

/// The self and appraised points of a node: the sum over its leaves that have points.
#[derive(Clone, Copy, Default)]
struct Pair {
    own: Option<Decimal>,
    appraised: Option<Decimal>,
}

fn pairs(framework: &Framework, form: &UnitAssessment) -> Vec<Pair> {
    let mut pairs = vec![Pair::default(); framework.nodes.len()];
    let add = |sum: Option<Decimal>, value: Option<Decimal>| match (sum, value) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    };
    let points = |score: Score| match score {
        Score::Points(p) => Some(p),
        Score::NotApplicable | Score::Empty => None,
    };
    for leaf in framework.leaves() {
        if let Some(row) = &form.leaves[leaf] {
            pairs[leaf] = Pair {
                own: points(row.self_score.score),
                appraised: points(row.appraised.score),
            };
        }
    }
    // Children come after their parent: a reverse sweep sums every subtotal.
    for index in (0..framework.nodes.len()).rev() {
        if let Some(parent) = framework.nodes[index].parent {
            let child = pairs[index];
            let sum = &mut pairs[parent];
            sum.own = add(sum.own, child.own);
            sum.appraised = add(sum.appraised, child.appraised);
        }
    }
    pairs
}

/// The basis in the document's words (Vietnamese, whatever the interface's language).
fn basis_words(basis: Basis) -> &'static str {
    match basis {
        Basis::Appraised => "điểm thẩm định",
        Basis::SelfScore => "điểm tự đánh giá (chưa thẩm định)",
    }
}

struct Formats {
    cell: Format,
    bold: Format,
    header: Format,
    points: Format,
    percent: Format,
    delta: Format,
    centre: Format,
    wrap: Format,
    wrap_bold: Format,
}

fn sheet(
    report: &ScoreReport,
    ranked: &Ranked,
    form: Option<&UnitAssessment>,
) -> Result<Vec<u8>, XlsxError> {
    let framework = report.framework;
    let unit = &ranked.unit;
    let decimals = framework.decimals;
    let cell = page::text()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let f = Formats {
        bold: cell.clone().set_bold(),
        header: cell
            .clone()
            .set_bold()
            .set_font_size(11)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(HEADER_FILL)),
        points: cell.clone().set_num_format(points_format(3)),
        percent: cell.clone().set_num_format(percent_format(decimals)),
        delta: cell.clone().set_num_format("+0.00#;-0.00#;0"),
        centre: cell.clone().set_align(FormatAlign::Center),
        wrap: cell.clone().set_text_wrap(),
        wrap_bold: cell.clone().set_text_wrap().set_bold(),
        cell,
    };
    let mut workbook = page::workbook()?;
    if let Some(manifest) = report.manifest {
        let created = rust_xlsxwriter::ExcelDateTime::parse_from_str(&manifest.created)?;
        workbook
            .set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    }
    let sheet = workbook.add_worksheet().set_name("Phiếu kết quả")?;
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let mut row = heading(sheet, report, ranked)?;

    // I. The result.
    row += 1;
    let section = page::text().set_bold();
    sheet.write_string_with_format(row, 0, "I. KẾT QUẢ CHUNG", &section)?;
    let ranks = report.ranked.len();
    let tied = if ranked.tied { " (đồng hạng)" } else { "" };
    let band = &framework.bands[unit.band];
    let mut lines: Vec<(String, Value)> = Vec::new();
    // Each component: its points of its applicable maximum and its percentage, or "chưa có"
    // when the result is preliminary and its points come later.
    for (c, component) in framework.components.iter().enumerate() {
        let (score, percent) = report.component(unit, c);
        let value = if component.external && unit.preliminary {
            "chưa có (tạm tính)".to_string()
        } else {
            match percent {
                Some(p) => format!(
                    "{}/{} điểm, {} %",
                    points(score.points),
                    points(score.applicable_max),
                    p
                )
                .replace('.', ","),
                None => NOT_APPLICABLE.to_string(),
            }
        };
        lines.push((
            format!("Thành phần {}. {}", component.code, component.name),
            Value::Text(value),
        ));
    }
    lines.extend([
        (
            "Tổng điểm đạt".to_string(),
            Value::Points(unit.total.points),
        ),
        (
            "Điểm tối đa áp dụng".to_string(),
            Value::Points(unit.total.applicable_max),
        ),
    ]);
    if framework.adjustment.is_some() {
        lines.extend([
            ("Điểm thưởng".to_string(), Value::Points(unit.bonus)),
            ("Điểm trừ".to_string(), Value::Points(unit.penalty)),
            (
                "Tổng điểm sau thưởng, trừ".to_string(),
                Value::Points(unit.final_points),
            ),
        ]);
    }
    lines.extend([
        (
            "Chỉ số cải cách hành chính (%)".to_string(),
            Value::Percent(unit.index),
        ),
        ("Xếp loại".to_string(), Value::Text(band.label.clone())),
        (
            "Xếp hạng".to_string(),
            Value::Text(format!("vị thứ {}/{ranks}{tied}", ranked.rank)),
        ),
        (
            "Điểm được tính theo".to_string(),
            Value::Text(basis_words(unit.basis).to_string()),
        ),
    ]);
    for (label, value) in lines {
        row += 1;
        sheet.merge_range(row, 0, row, 1, &label, &f.cell)?;
        match value {
            Value::Points(p) => sheet.write_number_with_format(row, 2, number(p), &f.points)?,
            Value::Percent(p) => sheet.write_number_with_format(row, 2, number(p), &f.percent)?,
            Value::Text(text) => sheet.merge_range(row, 2, row, 4, &text, &f.bold)?,
        };
    }

    // II. The areas against the mean of all units.
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        "II. KẾT QUẢ THEO LĨNH VỰC, SO VỚI TRUNG BÌNH CÁC ĐƠN VỊ",
        &section,
    )?;
    row += 1;
    for (col, text) in [
        "TT",
        "Lĩnh vực",
        "Điểm tối đa áp dụng",
        "Điểm đạt",
        "Tỷ lệ đạt (%)",
        "Trung bình các đơn vị (%)",
        "Chênh lệch so với trung bình (%)",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(row, col as u16, *text, &f.header)?;
    }
    sheet.set_row_height(row, page::height(4, 11.0))?;
    for (i, (area, mean)) in framework.areas().zip(&report.summary.areas).enumerate() {
        row += 1;
        let node = &framework.nodes[area];
        let score = unit.nodes[area];
        let name = format!("{}. {}", node.code, node.name);
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.centre)?;
        sheet.write_string_with_format(row, 1, &name, &f.wrap)?;
        sheet.set_row_height(row, page::height(page::lines(&name, WIDTHS[1]), FONT_SIZE))?;
        sheet.write_number_with_format(row, 2, number(score.applicable_max), &f.points)?;
        let own = percent(score).map(|p| framework.publish(p));
        match own {
            Some(p) => {
                sheet.write_number_with_format(row, 3, number(score.points), &f.points)?;
                sheet.write_number_with_format(row, 4, number(p), &f.percent)?;
            }
            None => {
                sheet.write_string_with_format(row, 3, NOT_APPLICABLE, &f.centre)?;
                sheet.write_string_with_format(row, 4, NOT_APPLICABLE, &f.centre)?;
            }
        }
        match mean.mean_percent {
            Some(m) => sheet.write_number_with_format(row, 5, number(m), &f.percent)?,
            None => sheet.write_blank(row, 5, &f.cell)?,
        };
        match (own, mean.mean_percent) {
            (Some(p), Some(m)) => {
                sheet.write_number_with_format(row, 6, number(p - m), &f.delta)?
            }
            _ => sheet.write_blank(row, 6, &f.cell)?,
        };
    }

    let Some(form) = form else {
        page::setup(sheet, false, None)?;
        return workbook.save_to_buffer();
    };
    let pairs = pairs(framework, form);

    // III. Where the appraisal lowered the self score.
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        "III. CÁC TIÊU CHÍ BỊ GIẢM ĐIỂM KHI THẨM ĐỊNH",
        &section,
    )?;
    let lowered: Vec<usize> = framework
        .leaves()
        .filter(|&leaf| matches!(pairs[leaf], Pair { own: Some(o), appraised: Some(a) } if a < o))
        .collect();
    let plain = page::text().set_text_wrap().set_italic();
    if unit.basis == Basis::SelfScore {
        row += 1;
        let text = "Đơn vị chưa được thẩm định: kết quả theo điểm tự đánh giá.";
        sheet.merge_range(row, 0, row, LAST_COL, text, &plain)?;
    } else if lowered.is_empty() {
        row += 1;
        let text = "Không có tiêu chí nào bị giảm điểm khi thẩm định.";
        sheet.merge_range(row, 0, row, LAST_COL, text, &plain)?;
    } else {
        row = criteria_header(sheet, row + 1, &f)?;
        for &leaf in &lowered {
            row += 1;
            criterion_row(sheet, row, framework, unit, form, &pairs, leaf, &f)?;
        }
    }

    // IV. Every criterion.
    row += 2;
    sheet.write_string_with_format(row, 0, "IV. ĐIỂM TỪNG TIÊU CHÍ", &section)?;
    row = criteria_header(sheet, row + 1, &f)?;
    let table_header = row;
    for index in 0..framework.nodes.len() {
        row += 1;
        criterion_row(sheet, row, framework, unit, form, &pairs, index, &f)?;
    }

    // The signature, when the decision says who signs.
    if let Some(decision) = report.decision {
        row += 2;
        let sign = page::text()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap();
        let title_lines = decision.signer_title.lines().count();
        sheet.merge_range(row, 3, row, LAST_COL, &decision.signer_title, &sign)?;
        sheet.set_row_height(row, page::height(title_lines, FONT_SIZE))?;
        // Room for the signature and the seal.
        row += 4;
        sheet.merge_range(row, 3, row, LAST_COL, &decision.signer_name, &sign)?;
    }

    page::setup(sheet, false, Some((table_header - 1, table_header)))?;
    workbook.save_to_buffer()
}

enum Value {
    Points(Decimal),
    Percent(Decimal),
    Text(String),
}

/// The administrative heading (issuer and the national motto, place and date), then the title:
/// returns the last row written.
fn heading(sheet: &mut Worksheet, report: &ScoreReport, ranked: &Ranked) -> Result<u32, XlsxError> {
    let framework = report.framework;
    let centre = page::text().set_align(FormatAlign::Center).set_text_wrap();
    let bold = centre.clone().set_bold();
    let issuer = report
        .decision
        .map_or_else(|| "……………".to_string(), |d| d.issuer.to_uppercase());
    sheet.merge_range(0, 0, 0, 1, &issuer, &bold)?;
    sheet.merge_range(0, 2, 0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)?;
    sheet.merge_range(
        1,
        2,
        1,
        6,
        "Độc lập - Tự do - Hạnh phúc",
        &bold
            .clone()
            .set_underline(rust_xlsxwriter::FormatUnderline::Single),
    )?;
    sheet.merge_range(
        2,
        2,
        2,
        6,
        &place_and_date(report.decision),
        &centre.clone().set_italic(),
    )?;
    let mut title = format!(
        "PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {}",
        framework.year
    );
    if ranked.unit.preliminary {
        title.push_str(" (TẠM TÍNH)");
    }
    sheet.merge_range(4, 0, 4, LAST_COL, &title, &bold.clone().set_font_size(14))?;
    let unit = &ranked.unit;
    let name = format!("Đơn vị: {} (mã {})", unit.unit_name, unit.unit_code);
    sheet.merge_range(5, 0, 5, LAST_COL, &name, &bold)?;
    let attached = attached_to(report.decision).replacen("Kèm theo", "Theo", 1);
    sheet.merge_range(6, 0, 6, LAST_COL, &attached, &centre.set_italic())?;
    let total: f64 = WIDTHS.iter().sum();
    sheet.set_row_height(
        6,
        page::height(page::lines(&attached, total * 0.9), FONT_SIZE),
    )?;
    Ok(6)
}

fn criteria_header(sheet: &mut Worksheet, row: u32, f: &Formats) -> Result<u32, XlsxError> {
    for (col, text) in [
        "Mã",
        "Tiêu chí",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Điểm thẩm định",
        "Chênh lệch",
        "Ghi chú",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(row, col as u16, *text, &f.header)?;
    }
    sheet.set_row_height(row, page::height(2, 11.0))?;
    Ok(row)
}

#[allow(clippy::too_many_arguments)]
fn criterion_row(
    sheet: &mut Worksheet,
    row: u32,
    framework: &Framework,
    unit: &UnitScore,
    form: &UnitAssessment,
    pairs: &[Pair],
    index: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let node = &framework.nodes[index];
    let leaf = node.leaf.is_some();
    let (text, wrap) = if leaf {
        (&f.cell, &f.wrap)
    } else {
        (&f.bold, &f.wrap_bold)
    };
    sheet.write_string_with_format(row, 0, &node.code, text)?;
    sheet.write_string_with_format(row, 1, &node.name, wrap)?;
    sheet.write_number_with_format(row, 2, number(node.max), &f.points)?;
    let pair = pairs[index];
    // Nothing arose here: KPS, as the unit wrote it, not a blank.
    let not_applicable = unit.nodes[index].applicable_max.is_zero();
    for (col, value) in [(3, pair.own), (4, pair.appraised)] {
        match value {
            Some(p) => sheet.write_number_with_format(row, col, number(p), &f.points)?,
            None if not_applicable => {
                sheet.write_string_with_format(row, col, NOT_APPLICABLE, &f.centre)?
            }
            None => sheet.write_blank(row, col, &f.cell)?,
        };
    }
    match (pair.own, pair.appraised) {
        (Some(own), Some(appraised)) => {
            sheet.write_number_with_format(row, 5, number(appraised - own), &f.delta)?
        }
        _ => sheet.write_blank(row, 5, &f.cell)?,
    };
    // A rule leaf's note says how its facts gave its points, before the unit's own note.
    let row_of = form.leaves[index].as_ref();
    let own_note = row_of.map(|r| r.note.clone()).unwrap_or_default();
    let rule = node
        .leaf
        .as_ref()
        .and_then(|l| Some((l.rule.as_ref()?, l.step)));
    let computed = row_of.and_then(|r| r.computed.as_ref());
    let note = match (rule, computed) {
        (Some((rule, step)), Some(computed)) => {
            let text = rule_text(rule, computed, node.max, step);
            if own_note.is_empty() {
                text
            } else {
                format!("{text}; {own_note}")
            }
        }
        _ => own_note,
    };
    sheet.write_string_with_format(row, 6, &note, &f.wrap)?;
    let lines = page::lines(&node.name, WIDTHS[1]).max(page::lines(&note, WIDTHS[6]));
    sheet.set_row_height(row, page::height(lines, FONT_SIZE))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn unit_codes_become_safe_file_names() {
        assert_eq!(file_name("KS04"), "KS04.xlsx");
        assert_eq!(file_name(" ../KS/04 "), "___KS_04.xlsx");
        assert_eq!(file_name("Xã-01"), "Xã-01.xlsx");
    }
}

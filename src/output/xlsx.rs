//! XLSX: the annex of the decision (see `annex`), in Times New Roman, numbers as numbers with
//! fixed decimals, A4 landscape with the header repeated on every page and "Trang x/y" at the
//! foot; for `score` the summary with its charts and every criterion's points per unit; and the
//! run's manifest on a hidden last sheet (kept for `verify` and the curious, never printed).

use std::io::{self, Write};

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::annex::sheet::{HEADER_FILL, number, points_format};
use super::annex::{self, Annex};
use super::page::{self, FONT_SIZE};
use super::{CompareReport, Exporter, NOT_APPLICABLE, ScoreReport, any_combined, any_split};
use crate::compare::{Comparison, Status, UnitComparison};
use crate::framework::Framework;
use crate::manifest::{HashedFile, Manifest, RunInputs, ScoredInputs, YearInputs};
use crate::options::Choice;
use crate::rank::Ranked;

pub struct XlsxExporter;

const TITLE_ROW: u32 = 0;
const HEADER_ROW: u32 = 3;
const FIRST_DATA_ROW: u32 = HEADER_ROW + 2;

impl Exporter for XlsxExporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        let bytes = score_workbook(report).map_err(io::Error::other)?;
        out.write_all(&bytes)
    }

    fn compare(&self, report: &CompareReport, out: &mut dyn Write) -> io::Result<()> {
        let bytes = compare_workbook(report).map_err(io::Error::other)?;
        out.write_all(&bytes)
    }
}

/// The cell formats of the annex.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    bold: Format,
    points: Format,
    percent: Format,
    delta: Format,
    rank: Format,
    rank_change: Format,
}

impl Formats {
    /// `point_decimals`: the most decimals any points figure has (at least 2 are shown), so a
    /// 0.125 step is never displayed rounded.
    fn new(point_decimals: u32) -> Formats {
        let cell = page::text().set_border(FormatBorder::Thin);
        Formats {
            title: page::text()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(HEADER_FILL)),
            text: cell.clone(),
            bold: page::text().set_bold(),
            points: cell.clone().set_num_format(points_format(point_decimals)),
            percent: cell.clone().set_num_format("0.00"),
            delta: cell.clone().set_num_format("+0.00;-0.00;0.00"),
            rank: cell.clone().set_num_format("0"),
            rank_change: cell.set_num_format("\"↑\"0;\"↓\"0;\"=\""),
        }
    }
}

fn new_workbook(manifest: Option<&Manifest>) -> Result<Workbook, XlsxError> {
    let mut workbook = page::workbook()?;
    // A fixed creation time keeps the bytes reproducible, so `verify` can compare them.
    if let Some(manifest) = manifest {
        let created = ExcelDateTime::parse_from_str(&manifest.created)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }
    Ok(workbook)
}

/// A4 landscape, one page wide, header rows repeated on every page.
fn print_setup(sheet: &mut Worksheet, header_rows: (u32, u32)) -> Result<(), XlsxError> {
    page::setup(sheet, true, Some(header_rows))
}

/// A two-row header cell: merged down when it has no sub-headers.
fn header_cell(
    sheet: &mut Worksheet,
    col: u16,
    text: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.merge_range(HEADER_ROW, col, HEADER_ROW + 1, col, text, &formats.header)?;
    Ok(())
}

/// A group header over `subs` sub-headers; returns the next free column.
fn header_group(
    sheet: &mut Worksheet,
    col: u16,
    text: &str,
    subs: &[String],
    formats: &Formats,
) -> Result<u16, XlsxError> {
    let last = col + subs.len() as u16 - 1;
    if last > col {
        sheet.merge_range(HEADER_ROW, col, HEADER_ROW, last, text, &formats.header)?;
    } else {
        sheet.write_string_with_format(HEADER_ROW, col, text, &formats.header)?;
    }
    for (i, sub) in subs.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW + 1, col + i as u16, sub, &formats.header)?;
    }
    Ok(last + 1)
}

fn title(sheet: &mut Worksheet, text: &str, last_col: u16, f: &Formats) -> Result<(), XlsxError> {
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last_col.max(1), text, &f.title)?;
    Ok(())
}

fn optional(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, number(v), format)?,
        None => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// Units the ranking sheet holds: a sheet's 1,048,576 rows, less the heading and the notes.
const MAX_ANNEX_UNITS: usize = 1_000_000;

fn score_workbook(report: &ScoreReport) -> Result<Vec<u8>, XlsxError> {
    if report.ranked.len() + report.not_submitted.len() > MAX_ANNEX_UNITS {
        return Err(XlsxError::ParameterError(format!(
            "the XLSX annex holds at most {MAX_ANNEX_UNITS} units, and there are {}; write CSV or JSON",
            report.ranked.len() + report.not_submitted.len()
        )));
    }
    let framework = report.framework;
    let point_decimals = report
        .ranked
        .iter()
        .flat_map(|r| {
            let unit = &r.unit;
            let adjusted = [unit.bonus, unit.penalty];
            unit.nodes.iter().map(|n| n.points).chain(adjusted)
        })
        .map(|p| p.normalize().scale())
        .max()
        .unwrap_or(0);
    let f = Formats::new(point_decimals);
    let mut workbook = new_workbook(report.manifest)?;

    // The annex itself, then its summary with the charts.
    let sheet = workbook.add_worksheet().set_name("Kết quả")?;
    annex::sheet::write(
        sheet,
        &Annex::of(report),
        point_decimals,
        framework.decimals,
    )?;
    annex::summary::write(&mut workbook, report)?;

    // Then every criterion's points, units as columns, a sheet per group of units so any number
    // of units fits (a sheet has 16,384 columns) and each sheet prints readably.
    let groups = report.ranked.chunks(UNITS_PER_DETAIL_SHEET);
    let several = report.ranked.len() > UNITS_PER_DETAIL_SHEET;
    for (group, units) in groups.enumerate() {
        let first = group * UNITS_PER_DETAIL_SHEET;
        let name = if several {
            format!("Chi tiết tiêu chí {}-{}", first + 1, first + units.len())
        } else {
            "Chi tiết tiêu chí".to_string()
        };
        detail_sheet(
            workbook.add_worksheet().set_name(name)?,
            framework,
            units,
            &f,
        )?;
    }

    if let Some(manifest) = report.manifest {
        manifest_sheet(&mut workbook, manifest, &f)?;
    }
    workbook.save_to_buffer()
}

/// Units per criteria-detail sheet: a sheet's worth of columns that still prints on A4.
const UNITS_PER_DETAIL_SHEET: usize = 25;
/// Width of the criterion names on the detail sheets.
const DETAIL_NAME_WIDTH: f64 = 50.0;

/// Every criterion's points (rows) for a group of units (columns, in rank order).
fn detail_sheet(
    sheet: &mut Worksheet,
    framework: &Framework,
    units: &[Ranked],
    f: &Formats,
) -> Result<(), XlsxError> {
    let last_col = 2 + units.len() as u16;
    title(
        sheet,
        &format!("Điểm từng tiêu chí — {}", framework.annex_title()),
        last_col,
        f,
    )?;
    for (col, text) in ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa"]
        .iter()
        .enumerate()
    {
        header_cell(sheet, col as u16, text, f)?;
    }
    for (i, ranked) in units.iter().enumerate() {
        let unit = &ranked.unit;
        header_cell(
            sheet,
            3 + i as u16,
            &format!("{}\n{}", unit.unit_code, unit.unit_name),
            f,
        )?;
    }
    let header = f.text.clone().set_bold();
    for (n, node) in framework.nodes.iter().enumerate() {
        let row = FIRST_DATA_ROW + n as u32;
        let text = if node.leaf.is_some() {
            &f.text
        } else {
            &header
        };
        sheet.write_string_with_format(row, 0, &node.code, text)?;
        sheet.write_string_with_format(row, 1, &node.name, &text.clone().set_text_wrap())?;
        // Tall enough for a wrapped name, which would otherwise print over the next row.
        let lines = page::lines(&node.name, DETAIL_NAME_WIDTH);
        sheet.set_row_height(row, page::height(lines, FONT_SIZE))?;
        sheet.write_number_with_format(row, 2, number(node.max), &f.points)?;
        for (i, ranked) in units.iter().enumerate() {
            let score = ranked.unit.nodes[n];
            let col = 3 + i as u16;
            // Nothing arose here: shown as KPS, not as 0.
            if score.applicable_max.is_zero() {
                sheet.write_string_with_format(row, col, NOT_APPLICABLE, &f.text)?;
            } else {
                sheet.write_number_with_format(row, col, number(score.points), &f.points)?;
            }
        }
    }
    let row = FIRST_DATA_ROW + framework.nodes.len() as u32;
    let totals = [
        ("Tổng điểm", &f.points),
        ("Điểm tối đa áp dụng", &f.points),
        ("Chỉ số (%)", &f.percent),
    ];
    for (k, (label, format)) in totals.iter().enumerate() {
        let row = row + k as u32;
        sheet.write_string_with_format(row, 1, *label, &header)?;
        for (i, ranked) in units.iter().enumerate() {
            let unit = &ranked.unit;
            let value = [unit.total.points, unit.total.applicable_max, unit.index][k];
            sheet.write_number_with_format(row, 3 + i as u16, number(value), format)?;
        }
    }
    sheet.set_column_width(0, 9)?;
    sheet.set_column_width(1, DETAIL_NAME_WIDTH)?;
    sheet.set_column_width(2, 8)?;
    for col in 3..=last_col {
        sheet.set_column_width(col, 12)?;
    }
    let names = units
        .iter()
        .map(|r| page::lines(&r.unit.unit_name, 12.0) + 1)
        .max()
        .unwrap_or(1);
    sheet.set_row_height(HEADER_ROW + 1, page::height(names, FONT_SIZE))?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, 3)?;
    print_setup(sheet, (HEADER_ROW, HEADER_ROW + 1))?;
    Ok(())
}

fn compare_title(comparison: &Comparison) -> String {
    let (before, now) = (&comparison.previous, &comparison.current);
    let years = match (before.year, now.year) {
        (Some(b), Some(n)) => format!("năm {n} với năm {b}"),
        _ => format!("{} với {}", now.label, before.label),
    };
    match &comparison.scored_units {
        Some(units) => format!("So sánh Chỉ số cải cách hành chính {years} của {units}"),
        None => format!("So sánh Chỉ số cải cách hành chính {years}"),
    }
}

fn compare_workbook(report: &CompareReport) -> Result<Vec<u8>, XlsxError> {
    let comparison = report.comparison;
    let (before, now) = (&comparison.previous.label, &comparison.current.label);
    let f = Formats::new(2);
    let mut workbook = new_workbook(report.manifest)?;
    let sheet = workbook.add_worksheet().set_name("So sánh")?;
    let (adjusted, both_adjusted) = comparison.adjustment;
    let both_adjusted = adjusted && both_adjusted;
    // This year's bonus, penalty and final points beside the index change.
    let extra: u16 = match (adjusted, both_adjusted) {
        (true, true) => 4,
        (true, false) => 3,
        _ => 0,
    };
    let changes = comparison.areas.len() + comparison.components.len();
    let last_col = 3 + 8 + extra + 3 * changes as u16;
    let mut caption = compare_title(comparison);
    if !comparison.preliminary.is_empty() {
        caption = format!(
            "{caption} (TẠM TÍNH năm {})",
            comparison.preliminary.join(", ")
        );
    }
    title(sheet, &caption, last_col, &f)?;
    sheet.write_string(
        1,
        0,
        "Tăng/giảm tính bằng điểm phần trăm, là hiệu của hai chỉ số đã công bố. Hạng: ↑ tăng, ↓ giảm, = giữ nguyên.",
    )?;
    for (col, text) in ["STT", "Mã đơn vị", "Đơn vị", "Đơn vị năm trước"]
        .iter()
        .enumerate()
    {
        header_cell(sheet, col as u16, text, &f)?;
    }
    let years = [before.clone(), now.clone()];
    let with_change = |change: &str| vec![before.clone(), now.clone(), change.to_string()];
    let mut col = header_group(sheet, 4, "Chỉ số (%)", &with_change("Tăng/giảm"), &f)?;
    if adjusted {
        let mut subs = ["Điểm thưởng", "Điểm trừ", "Tổng điểm"]
            .map(String::from)
            .to_vec();
        if both_adjusted {
            subs.push("± Tổng điểm".to_string());
        }
        col = header_group(sheet, col, &format!("Thưởng, trừ năm {now}"), &subs, &f)?;
    }
    col = header_group(sheet, col, "Xếp hạng", &with_change("Thay đổi"), &f)?;
    col = header_group(sheet, col, "Xếp loại", &years, &f)?;
    let areas = comparison.areas.iter().map(|a| ("Lĩnh vực", a));
    let components = comparison.components.iter().map(|c| ("Thành phần", c));
    for (kind, compared) in areas.chain(components) {
        let name = compared
            .name
            .as_deref()
            .map(|n| format!(". {n}"))
            .unwrap_or_default();
        col = header_group(
            sheet,
            col,
            &format!("{kind} {}{name} (%)", compared.code),
            &with_change("±"),
            &f,
        )?;
    }
    // The codes, each split one as "một phần KS07".
    let codes = |unit: &UnitComparison| {
        unit.predecessor_codes()
            .into_iter()
            .map(|code| {
                if unit.is_split_from(code) {
                    format!("một phần {code}")
                } else {
                    code.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let status = |unit: &UnitComparison| match unit.status() {
        Status::New => "Đơn vị mới".to_string(),
        Status::MergedNotComparable => format!("{} (sáp nhập, không so sánh)", codes(unit)),
        Status::Merged => format!("{} (sáp nhập)", codes(unit)),
        Status::SplitNotComparable => format!("{} (chia tách, không so sánh)", codes(unit)),
        Status::Split => format!("{} (chia tách)", codes(unit)),
        Status::Same | Status::Renamed | Status::Dropped => codes(unit),
    };
    for (i, unit) in comparison.units.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        let current = &unit.current;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.rank)?;
        sheet.write_string_with_format(row, 1, &current.code, &f.text)?;
        sheet.write_string_with_format(row, 2, &current.name, &f.text)?;
        sheet.write_string_with_format(row, 3, status(unit), &f.text)?;
        optional(sheet, row, 4, unit.previous_index(), &f.percent)?;
        sheet.write_number_with_format(row, 5, number(current.index), &f.percent)?;
        optional(sheet, row, 6, unit.delta(), &f.delta)?;
        if let Some(adjustment) = &unit.adjustment {
            let c = adjustment.current;
            for (i, value) in [c.bonus, c.penalty, c.final_points].into_iter().enumerate() {
                sheet.write_number_with_format(row, 7 + i as u16, number(value), &f.points)?;
            }
            if both_adjusted {
                let delta = adjustment.deltas().map(|[_, _, d]| d);
                optional(sheet, row, 10, delta, &f.delta)?;
            }
        }
        optional(
            sheet,
            row,
            7 + extra,
            unit.previous_rank().map(|p| Decimal::from(p.rank)),
            &f.rank,
        )?;
        sheet.write_number_with_format(row, 8 + extra, f64::from(current.rank), &f.rank)?;
        optional(
            sheet,
            row,
            9 + extra,
            unit.rank_change().map(Decimal::from),
            &f.rank_change,
        )?;
        sheet.write_string_with_format(
            row,
            10 + extra,
            unit.previous_rating().unwrap_or_default(),
            &f.text,
        )?;
        sheet.write_string_with_format(row, 11 + extra, &current.rating, &f.text)?;
        for (a, change) in unit.areas.iter().chain(&unit.components).enumerate() {
            let col = 12 + extra + 3 * a as u16;
            optional(sheet, row, col, change.previous, &f.percent)?;
            optional(sheet, row, col + 1, change.current, &f.percent)?;
            optional(sheet, row, col + 2, change.delta, &f.delta)?;
        }
    }
    let mut row = FIRST_DATA_ROW + comparison.units.len() as u32 + 1;
    if !comparison.preliminary.is_empty() {
        sheet.write_string_with_format(
            row,
            0,
            format!(
                "TẠM TÍNH: kết quả năm {} chưa có điểm các thành phần lấy từ ngoài biểu mẫu (điều tra xã hội học, đánh giá của lãnh đạo); so sánh chỉ để tham khảo.",
                comparison.preliminary.join(", ")
            ),
            &f.bold,
        )?;
        row += 1;
    }
    if adjusted {
        sheet.write_string(
            row,
            0,
            format!(
                "Điểm thưởng, điểm trừ và tổng điểm sau thưởng, trừ của năm {now}, tính bằng điểm."
            ),
        )?;
        row += 1;
    }
    if any_combined(comparison) {
        sheet.write_string(
            row,
            0,
            format!(
                "Đơn vị sáp nhập: chỉ số {before} = tổng điểm các đơn vị cũ ÷ tổng điểm tối đa áp dụng của chúng × 100."
            ),
        )?;
        row += 1;
    }
    if any_split(comparison) {
        sheet.write_string(
            row,
            0,
            format!(
                "Đơn vị chia tách (“một phần …”): so với số liệu {before} của cả đơn vị cũ được chia tách; không so thứ hạng."
            ),
        )?;
        row += 1;
    }
    if !comparison.not_comparable.is_empty() {
        sheet.write_string_with_format(row, 0, "Lĩnh vực không so sánh được:", &f.bold)?;
        for area in &comparison.not_comparable {
            row += 1;
            let name = area.name.as_deref().unwrap_or_default();
            sheet.write_string(
                row,
                1,
                format!("Lĩnh vực {} {name} (chỉ có năm {})", area.code, area.year),
            )?;
        }
        row += 1;
    }
    if !comparison.dropped.is_empty() {
        sheet.write_string_with_format(
            row,
            0,
            format!("Đơn vị năm {before} không còn năm {now}:"),
            &f.bold,
        )?;
        for unit in &comparison.dropped {
            row += 1;
            sheet.write_string(row, 1, &unit.code)?;
            sheet.write_string(row, 2, &unit.name)?;
            sheet.write_number_with_format(row, 4, number(unit.index), &f.percent)?;
            sheet.write_number_with_format(row, 7 + extra, f64::from(unit.rank), &f.rank)?;
            sheet.write_string(row, 10 + extra, &unit.rating)?;
        }
        row += 1;
    }
    if !comparison.lone_components.is_empty() {
        sheet.write_string_with_format(row, 0, "Thành phần không so sánh được:", &f.bold)?;
        for component in &comparison.lone_components {
            row += 1;
            let name = component.name.as_deref().unwrap_or_default();
            sheet.write_string(
                row,
                1,
                format!(
                    "Thành phần {} {name} (chỉ có năm {})",
                    component.code, component.year
                ),
            )?;
        }
    }
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 24)?;
    sheet.set_column_width(3, 14)?;
    for col in 4..=last_col {
        sheet.set_column_width(col, 9)?;
    }
    sheet.set_row_height(HEADER_ROW, 45)?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, 3)?;
    print_setup(sheet, (HEADER_ROW, HEADER_ROW + 1))?;

    if let Some(manifest) = report.manifest {
        manifest_sheet(&mut workbook, manifest, &f)?;
    }
    workbook.save_to_buffer()
}

/// The run's manifest as a sheet: what the result was computed from.
fn manifest_sheet(
    workbook: &mut Workbook,
    manifest: &Manifest,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet().set_name("Thông tin lần chạy")?;
    let mut rows: Vec<[String; 3]> = vec![
        [
            "Công cụ".into(),
            format!("{} {}", manifest.tool, manifest.version),
            String::new(),
        ],
        [
            "Thời điểm (UTC)".into(),
            manifest.created.clone(),
            String::new(),
        ],
        [
            "Thư mục làm việc".into(),
            manifest.working_folder.display().to_string(),
            String::new(),
        ],
    ];
    let options = &manifest.options;
    let yes_no = |value: bool| if value { "có" } else { "không" }.to_string();
    for (label, value) in [
        ("Cơ sở chấm (--basis)", options.basis.name().to_string()),
        ("Xếp hạng (--rank)", options.rank_mode.name().to_string()),
        ("Định dạng (--format)", options.format.name().to_string()),
        (
            "Kiểu CSV (--csv-style)",
            options.csv_style.name().to_string(),
        ),
        (
            "Chấm tiếp khi có tệp lỗi (--keep-going)",
            yes_no(options.keep_going),
        ),
        (
            "Chấp nhận đơn vị chưa nộp (--accept-missing)",
            yes_no(options.accept_missing),
        ),
    ] {
        rows.push([label.to_string(), value, String::new()]);
    }
    match &manifest.run {
        RunInputs::Score(inputs) => rows.extend(scored_rows("", inputs)),
        RunInputs::Compare {
            previous,
            current,
            mapping,
        } => {
            for (year, inputs) in [("năm trước ", previous), ("năm nay ", current)] {
                match inputs {
                    YearInputs::Results { file } => {
                        rows.push(file_row(format!("Tệp kết quả {year}"), file));
                    }
                    YearInputs::Scored(inputs) => rows.extend(scored_rows(year, inputs)),
                }
            }
            if let Some(mapping) = mapping {
                rows.push(file_row("Tệp ánh xạ mã".into(), mapping));
            }
        }
    }
    sheet.write_string_with_format(0, 0, "Thông tin lần chạy", &f.title)?;
    for (col, text) in ["Mục", "Giá trị", "SHA-256"].iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *text, &f.header)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, text) in row.iter().enumerate() {
            sheet.write_string_with_format(3 + i as u32, col as u16, text, &f.text)?;
        }
    }
    sheet.set_column_width(0, 42)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 66)?;
    // Kept with the result, never printed with the annex.
    sheet.set_hidden(true);
    Ok(())
}

fn file_row(role: String, file: &HashedFile) -> [String; 3] {
    [
        role,
        file.path.display().to_string(),
        file.sha256
            .clone()
            .unwrap_or_else(|| "(không đọc được)".into()),
    ]
}

fn scored_rows(year: &str, inputs: &ScoredInputs) -> Vec<[String; 3]> {
    std::iter::once(file_row(
        format!("Bộ tiêu chí {year}({})", inputs.framework_id),
        &inputs.criteria,
    ))
    .chain(
        inputs
            .workbooks
            .iter()
            .map(|w| file_row(format!("Phiếu chấm điểm {year}"), w)),
    )
    .chain(
        inputs
            .decision
            .iter()
            .map(|d| file_row("Thông tin quyết định".into(), d)),
    )
    .chain(
        inputs
            .roster
            .iter()
            .map(|r| file_row("Danh sách đơn vị".into(), r)),
    )
    .chain(
        inputs
            .external
            .iter()
            .map(|e| file_row(format!("Điểm ngoài biểu mẫu {year}"), e)),
    )
    .collect()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::path::{Path, PathBuf};

    use calamine::{Data, Reader, Xlsx};
    use rust_decimal::Decimal;

    use super::*;
    use crate::rank::{RankMode, rank};
    use crate::score::{Basis, BasisChoice, NodeScore, UnitScore};
    use crate::summary::Summary;

    /// `count` units with full marks on a 2-area framework, ranked.
    fn units(framework: &Framework, count: usize) -> Vec<Ranked> {
        let full: Vec<NodeScore> = framework
            .nodes
            .iter()
            .map(|n| NodeScore {
                points: n.max,
                applicable_max: n.max,
            })
            .collect();
        let scored = (0..count)
            .map(|i| UnitScore {
                file: PathBuf::from(format!("{i}.xlsx")),
                unit_code: format!("U{i:05}"),
                unit_name: format!("Xã {i}"),
                basis: Basis::Appraised,
                nodes: full.clone(),
                total: NodeScore {
                    points: framework.total_max,
                    applicable_max: framework.total_max,
                },
                index_exact: Decimal::ONE_HUNDRED,
                index: Decimal::ONE_HUNDRED,
                band: framework.bands.len() - 1,
                components: Vec::new(),
                bonus: Decimal::ZERO,
                penalty: Decimal::ZERO,
                final_points: framework.total_max,
                preliminary: false,
            })
            .collect();
        rank(scored, RankMode::Competition)
    }

    fn framework() -> Framework {
        let text = "id = \"t\"\nname = \"Thử\"\nlevel = \"commune\"\nyear = 2022\ntotal_max = 2\n\
            [[band]]\nfrom = 0\nlabel = \"Đạt\"\nlabel_en = \"Pass\"\n\
            [[area]]\ncode = \"1\"\nname = \"A\"\nmax = 1\n[[criterion]]\ncode = \"1.1\"\nname = \"a\"\nmax = 1\n\
            [[area]]\ncode = \"2\"\nname = \"B\"\nmax = 1\n[[criterion]]\ncode = \"2.1\"\nname = \"b\"\nmax = 1\n";
        Framework::from_toml(text, Path::new("t.toml")).unwrap()
    }

    fn annex(framework: &Framework, ranked: &[Ranked]) -> Result<Vec<u8>, XlsxError> {
        score_workbook(&ScoreReport {
            framework,
            ranked,
            excluded: &[],
            basis: BasisChoice::Auto,
            rank_mode: RankMode::Competition,
            manifest: None,
            not_submitted: &[],
            summary: &Summary::of(framework, ranked, 0),
            decision: None,
            complete: true,
        })
    }

    /// Beyond a sheet's 16,384 columns the detail used to fail after all the scoring was done.
    #[test]
    fn any_number_of_units_fits_the_criteria_detail() {
        let framework = framework();
        let ranked = units(&framework, 16_400);
        let bytes = annex(&framework, &ranked).unwrap();
        let mut workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
        let names = workbook.sheet_names();
        // The ranking, the summary and its chart's data, then the details.
        assert_eq!(
            names.len(),
            3 + 16_400_usize.div_ceil(UNITS_PER_DETAIL_SHEET)
        );
        assert_eq!(names[3], "Chi tiết tiêu chí 1-25");
        assert_eq!(names[names.len() - 1], "Chi tiết tiêu chí 16376-16400");
        let last = workbook.worksheet_range(&names[names.len() - 1]).unwrap();
        // Code, name, maximum, then the last 25 units.
        assert_eq!(
            last.get_value((HEADER_ROW, 3 + 24)),
            Some(&Data::String("U16399\nXã 16399".into()))
        );
        let ranking = workbook.worksheet_range("Kết quả").unwrap();
        assert_eq!(
            ranking.get_value((annex::sheet::FIRST_DATA_ROW + 16_399, 1)),
            Some(&Data::String("Xã 16399".into()))
        );
    }

    #[test]
    fn a_few_units_keep_one_detail_sheet() {
        let framework = framework();
        let bytes = annex(&framework, &units(&framework, 13)).unwrap();
        let workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(
            workbook.sheet_names(),
            [
                "Kết quả",
                "Tổng hợp",
                "Số liệu biểu đồ",
                "Chi tiết tiêu chí"
            ]
        );
    }
}

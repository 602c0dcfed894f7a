//! XLSX: the annex of the decision. Vietnamese title and headers, numbers as numbers with fixed
//! decimals, bands colour-coded, frozen header, A4 landscape with the header repeated on every
//! page; for `score` a second sheet with every criterion's points per unit; and the run's
//! manifest on the last sheet.

use std::io::{self, Write};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{CompareReport, Exporter, NOT_APPLICABLE, ScoreReport};
use crate::compare::{Comparison, Status, UnitComparison};
use crate::framework::Framework;
use crate::manifest::{HashedFile, Manifest, RunInputs, ScoredInputs, YearInputs};
use crate::rank::Ranked;

pub struct XlsxExporter;

/// Fills for the bands, best first; spread over however many bands the framework has.
const BAND_FILLS: [u32; 5] = [0xC6EFCE, 0xE2EFDA, 0xFFEB9C, 0xF8CBAD, 0xFFC7CE];
/// A4 in Excel's paper size codes.
const PAPER_A4: u8 = 9;
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
        let cell = Format::new().set_border(FormatBorder::Thin);
        let extra = "#".repeat(point_decimals.saturating_sub(2) as usize);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: cell.clone(),
            bold: Format::new().set_bold(),
            points: cell.clone().set_num_format(format!("0.00{extra}")),
            percent: cell.clone().set_num_format("0.00"),
            delta: cell.clone().set_num_format("+0.00;-0.00;0.00"),
            rank: cell.clone().set_num_format("0"),
            rank_change: cell.set_num_format("\"↑\"0;\"↓\"0;\"=\""),
        }
    }

    fn band(&self, position_from_top: usize, bands: usize) -> Format {
        let last = BAND_FILLS.len() - 1;
        let fill = if bands > 1 {
            BAND_FILLS[position_from_top * last / (bands - 1)]
        } else {
            BAND_FILLS[0]
        };
        self.text.clone().set_background_color(Color::RGB(fill))
    }
}

/// Numbers go to the spreadsheet as binary floats; published figures have few decimals and
/// display exactly with the cell's format.
fn number(value: Decimal) -> f64 {
    value.to_f64().expect("published figures fit in f64")
}

fn new_workbook(manifest: Option<&Manifest>) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation time keeps the bytes reproducible, so `verify` can compare them.
    if let Some(manifest) = manifest {
        let created = ExcelDateTime::parse_from_str(&manifest.created)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }
    Ok(workbook)
}

/// A4 landscape, one page wide, header rows repeated on every page.
fn print_setup(sheet: &mut Worksheet, header_rows: (u32, u32)) -> Result<(), XlsxError> {
    sheet.set_paper_size(PAPER_A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_rows.0, header_rows.1)?;
    Ok(())
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
    if report.ranked.len() > MAX_ANNEX_UNITS {
        return Err(XlsxError::ParameterError(format!(
            "the XLSX annex holds at most {MAX_ANNEX_UNITS} units, and there are {}; write CSV or JSON",
            report.ranked.len()
        )));
    }
    let framework = report.framework;
    let areas: Vec<usize> = framework.areas().collect();
    let point_decimals = report
        .ranked
        .iter()
        .flat_map(|r| r.unit.nodes.iter().map(|n| n.points.normalize().scale()))
        .max()
        .unwrap_or(0);
    let f = Formats::new(point_decimals);
    let mut workbook = new_workbook(report.manifest)?;

    // Sheet 1: the ranking.
    let sheet = workbook.add_worksheet().set_name("Kết quả")?;
    let last_col = 3 + areas.len() as u16 + 4;
    title(sheet, &framework.annex_title(), last_col, &f)?;
    sheet.write_string(
        1,
        0,
        format!(
            "Bộ tiêu chí: {} ({}); cơ sở chấm: {}; xếp hạng: {}",
            framework.name,
            framework.id,
            basis_label(report),
            rank_label(report)
        ),
    )?;
    for (col, text) in ["STT", "Mã đơn vị", "Đơn vị"].iter().enumerate() {
        header_cell(sheet, col as u16, text, &f)?;
    }
    let subs: Vec<String> = areas
        .iter()
        .map(|&a| {
            let node = &framework.nodes[a];
            format!(
                "{}. {} ({})",
                node.code,
                node.name,
                crate::text::points(node.max)
            )
        })
        .collect();
    let col = header_group(sheet, 3, "Điểm từng lĩnh vực", &subs, &f)?;
    let totals = [
        "Tổng điểm",
        "Điểm tối đa áp dụng",
        "Chỉ số (%)",
        "Xếp loại",
        "Xếp hạng",
    ];
    for (offset, text) in totals.iter().enumerate() {
        header_cell(sheet, col + offset as u16, text, &f)?;
    }
    for (i, ranked) in report.ranked.iter().enumerate() {
        let row = FIRST_DATA_ROW + i as u32;
        let unit = &ranked.unit;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.rank)?;
        sheet.write_string_with_format(row, 1, &unit.unit_code, &f.text)?;
        sheet.write_string_with_format(row, 2, &unit.unit_name, &f.text)?;
        let mut col = 3;
        for &area in &areas {
            let score = unit.nodes[area];
            // An area where nothing arose shows KPS, not 0 (which would read as failing it).
            if score.applicable_max.is_zero() {
                sheet.write_string_with_format(row, col, NOT_APPLICABLE, &f.text)?;
            } else {
                sheet.write_number_with_format(row, col, number(score.points), &f.points)?;
            }
            col += 1;
        }
        sheet.write_number_with_format(row, col, number(unit.total.points), &f.points)?;
        sheet.write_number_with_format(
            row,
            col + 1,
            number(unit.total.applicable_max),
            &f.points,
        )?;
        sheet.write_number_with_format(row, col + 2, number(unit.index), &f.percent)?;
        let band = &framework.bands[unit.band];
        let from_top = framework.bands.len() - 1 - unit.band;
        sheet.write_string_with_format(
            row,
            col + 3,
            &band.label,
            &f.band(from_top, framework.bands.len()),
        )?;
        sheet.write_number_with_format(row, col + 4, f64::from(ranked.rank), &f.rank)?;
    }
    let mut row = FIRST_DATA_ROW + report.ranked.len() as u32 + 1;
    sheet.write_string(
        row,
        0,
        "Chỉ số (%) = Tổng điểm ÷ Điểm tối đa áp dụng × 100, làm tròn một lần ở cuối; tiêu chí không phát sinh không tính vào điểm tối đa.",
    )?;
    if !report.excluded.is_empty() {
        row += 1;
        sheet.write_string_with_format(
            row,
            0,
            format!(
                "KẾT QUẢ CHƯA ĐẦY ĐỦ: {} tệp bị loại, không được xếp hạng:",
                report.excluded.len()
            ),
            &f.bold,
        )?;
        for excluded in report.excluded {
            row += 1;
            sheet.write_string(row, 1, excluded.file.display().to_string())?;
        }
    }
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 24)?;
    for col in 3..=last_col {
        sheet.set_column_width(col, 11)?;
    }
    sheet.set_row_height(HEADER_ROW + 1, 75)?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, 3)?;
    print_setup(sheet, (HEADER_ROW, HEADER_ROW + 1))?;

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
        sheet.write_string_with_format(row, 1, &node.name, text)?;
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
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(2, 8)?;
    for col in 3..=last_col {
        sheet.set_column_width(col, 12)?;
    }
    sheet.set_row_height(HEADER_ROW + 1, 30)?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, 3)?;
    print_setup(sheet, (HEADER_ROW, HEADER_ROW + 1))?;
    Ok(())
}

fn basis_label(report: &ScoreReport) -> &'static str {
    match report.basis {
        crate::score::BasisChoice::Auto => "điểm thẩm định, hoặc tự đánh giá khi chưa thẩm định",
        crate::score::BasisChoice::Appraised => "điểm thẩm định",
        crate::score::BasisChoice::SelfScore => "điểm tự đánh giá",
    }
}

fn rank_label(report: &ScoreReport) -> &'static str {
    match report.rank_mode {
        crate::rank::RankMode::Competition => "đồng hạng rồi bỏ qua hạng (1, 2, 2, 4)",
        crate::rank::RankMode::Dense => "đồng hạng không bỏ qua hạng (1, 2, 2, 3)",
    }
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
    let last_col = 3 + 8 + 3 * comparison.areas.len() as u16;
    title(sheet, &compare_title(comparison), last_col, &f)?;
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
    col = header_group(sheet, col, "Xếp hạng", &with_change("Thay đổi"), &f)?;
    col = header_group(sheet, col, "Xếp loại", &years, &f)?;
    for area in &comparison.areas {
        let name = area
            .name
            .as_deref()
            .map(|n| format!(". {n}"))
            .unwrap_or_default();
        col = header_group(
            sheet,
            col,
            &format!("Lĩnh vực {}{name} (%)", area.code),
            &with_change("±"),
            &f,
        )?;
    }
    let status = |unit: &UnitComparison| match unit.status() {
        Status::New => "Đơn vị mới".to_string(),
        Status::MergedNotComparable => format!(
            "{} (sáp nhập, không so sánh)",
            unit.predecessor_codes().join(", ")
        ),
        Status::Merged => format!("{} (sáp nhập)", unit.predecessor_codes().join(", ")),
        Status::Same | Status::Renamed | Status::Dropped => unit.predecessor_codes().join(", "),
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
        optional(
            sheet,
            row,
            7,
            unit.previous_rank().map(|p| Decimal::from(p.rank)),
            &f.rank,
        )?;
        sheet.write_number_with_format(row, 8, f64::from(current.rank), &f.rank)?;
        optional(
            sheet,
            row,
            9,
            unit.rank_change().map(Decimal::from),
            &f.rank_change,
        )?;
        sheet.write_string_with_format(
            row,
            10,
            unit.previous_rating().unwrap_or_default(),
            &f.text,
        )?;
        sheet.write_string_with_format(row, 11, &current.rating, &f.text)?;
        for (a, change) in unit.areas.iter().enumerate() {
            let col = 12 + 3 * a as u16;
            optional(sheet, row, col, change.previous, &f.percent)?;
            optional(sheet, row, col + 1, change.current, &f.percent)?;
            optional(sheet, row, col + 2, change.delta, &f.delta)?;
        }
    }
    let mut row = FIRST_DATA_ROW + comparison.units.len() as u32 + 1;
    if comparison
        .units
        .iter()
        .any(|u| u.status() == Status::Merged)
    {
        sheet.write_string(
            row,
            0,
            format!(
                "Đơn vị sáp nhập: chỉ số {before} = tổng điểm các đơn vị cũ ÷ tổng điểm tối đa áp dụng của chúng × 100."
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
            sheet.write_number_with_format(row, 7, f64::from(unit.rank), &f.rank)?;
            sheet.write_string(row, 10, &unit.rating)?;
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
        [
            "Tùy chọn".into(),
            serde_json::to_string(&manifest.options).expect("options serialise"),
            String::new(),
        ],
    ];
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
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 66)?;
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
        assert_eq!(
            names.len(),
            1 + 16_400_usize.div_ceil(UNITS_PER_DETAIL_SHEET)
        );
        assert_eq!(names[1], "Chi tiết tiêu chí 1-25");
        assert_eq!(names[names.len() - 1], "Chi tiết tiêu chí 16376-16400");
        let last = workbook.worksheet_range(&names[names.len() - 1]).unwrap();
        // Code, name, maximum, then the last 25 units.
        assert_eq!(
            last.get_value((HEADER_ROW, 3 + 24)),
            Some(&Data::String("U16399\nXã 16399".into()))
        );
        let ranking = workbook.worksheet_range("Kết quả").unwrap();
        assert_eq!(
            ranking.get_value((FIRST_DATA_ROW + 16_399, 1)),
            Some(&Data::String("U16399".into()))
        );
    }

    #[test]
    fn a_few_units_keep_one_detail_sheet() {
        let framework = framework();
        let bytes = annex(&framework, &units(&framework, 13)).unwrap();
        let workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(workbook.sheet_names(), ["Kết quả", "Chi tiết tiêu chí"]);
    }
}

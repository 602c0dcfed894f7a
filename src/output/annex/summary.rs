//! The summary sheet of the annex workbook: units per band (TT | Xếp loại | Số lượng | Tỷ lệ % |
//! Ghi chú, those that did not submit counted), the spread of the index, the mean per area, and
//! three native charts: the units' indexes in rank order with the band thresholds drawn across,
//! the units per band, and the mean per area.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartFormat, ChartLegendPosition, ChartLine,
    ChartLineDashType, ChartSolidFill, Color, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use super::NOT_SUBMITTED;
use super::sheet::{HEADER_FILL, band_fill, number, percent_format, points_format};
use crate::decision::attached_to;
use crate::output::ScoreReport;
use crate::output::page::{self, FONT, FONT_SIZE};
use crate::text::points;

pub const SHEET: &str = "Tổng hợp";
/// The chart data that has no place in the printed tables: each unit's index by band, and the
/// thresholds. Hidden: it is there for the chart, not to be printed.
const DATA_SHEET: &str = "Số liệu biểu đồ";

/// Adds the summary sheet and the hidden sheet its first chart reads.
pub fn write(workbook: &mut Workbook, report: &ScoreReport) -> Result<(), XlsxError> {
    let framework = report.framework;
    let summary = report.summary;
    let decimals = framework.decimals;
    let cell = page::text()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let header = cell
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(HEADER_FILL));
    let count = cell.clone().set_align(FormatAlign::Center);
    let percent = cell.clone().set_num_format(percent_format(decimals));
    let bold = page::text().set_bold();
    let total_row = cell.clone().set_bold();
    let heading = page::text().set_align(FormatAlign::Center).set_text_wrap();

    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    for (col, width) in [6.0, 34.0, 12.0, 12.0, 26.0].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    let title = format!("TỔNG HỢP {}", framework.annex_title().to_uppercase());
    sheet.merge_range(
        0,
        0,
        0,
        4,
        &title,
        &heading.clone().set_bold().set_font_size(14),
    )?;
    sheet.set_row_height(0, page::height(page::lines(&title, 60.0), 14.0))?;
    let attached = attached_to(report.decision);
    sheet.merge_range(
        1,
        0,
        1,
        4,
        &attached,
        &heading.set_italic().set_font_size(13),
    )?;
    sheet.set_row_height(1, page::height(page::lines(&attached, 60.0), 13.0))?;

    // 1. Units per band.
    let mut row = 3;
    sheet.write_string_with_format(row, 0, "1. Số lượng, tỷ lệ đơn vị theo xếp loại", &bold)?;
    row += 1;
    for (col, text) in ["TT", "Xếp loại", "Số lượng", "Tỷ lệ %", "Ghi chú"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(row, col as u16, *text, &header)?;
    }
    let first_band_row = row + 1;
    let bands = summary.bands.len();
    for (i, band) in summary.bands.iter().enumerate() {
        row += 1;
        let fill = Color::RGB(band_fill(i, bands));
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &count)?;
        sheet.write_string_with_format(
            row,
            1,
            &band.label,
            &cell.clone().set_background_color(fill),
        )?;
        sheet.write_number_with_format(row, 2, band.count as f64, &count)?;
        sheet.write_number_with_format(row, 3, number(band.percent), &percent)?;
        let range = match band.below {
            Some(below) => format!("Từ {} đến dưới {}", points(band.from), points(below)),
            None => format!("Từ {} trở lên", points(band.from)),
        };
        sheet.write_string_with_format(row, 4, range, &cell)?;
    }
    if summary.not_submitted > 0 {
        row += 1;
        sheet.write_number_with_format(row, 0, (bands + 1) as f64, &count)?;
        sheet.write_string_with_format(row, 1, NOT_SUBMITTED, &cell)?;
        sheet.write_number_with_format(row, 2, summary.not_submitted as f64, &count)?;
        sheet.write_number_with_format(row, 3, number(summary.not_submitted_percent), &percent)?;
        sheet.write_string_with_format(row, 4, "Không gửi bảng tự đánh giá", &cell)?;
    }
    let last_band_row = row;
    row += 1;
    sheet.write_blank(row, 0, &total_row)?;
    sheet.write_string_with_format(row, 1, "Tổng cộng", &total_row)?;
    sheet.write_number_with_format(
        row,
        2,
        summary.units as f64,
        &total_row.clone().set_align(FormatAlign::Center),
    )?;
    sheet.write_blank(row, 3, &total_row)?;
    sheet.write_blank(row, 4, &total_row)?;

    // 2. The spread of the index.
    row += 2;
    let ranked = report.ranked.len();
    sheet.write_string_with_format(
        row,
        0,
        format!("2. Chỉ số cải cách hành chính của {ranked} đơn vị được xếp hạng (%)"),
        &bold,
    )?;
    let spread = summary.index;
    for (label, value) in [
        ("Trung bình", spread.mean),
        ("Trung vị", spread.median),
        ("Thấp nhất", spread.min),
        ("Cao nhất", spread.max),
    ] {
        row += 1;
        sheet.write_string_with_format(row, 1, label, &cell)?;
        sheet.write_number_with_format(row, 2, number(value), &percent)?;
    }

    // 3. The mean per area.
    row += 2;
    sheet.write_string_with_format(row, 0, "3. Tỷ lệ điểm đạt trung bình theo lĩnh vực", &bold)?;
    row += 1;
    for (col, text) in [
        "TT",
        "Lĩnh vực",
        "Điểm tối đa",
        "Trung bình (%)",
        "Số đơn vị áp dụng",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(row, col as u16, *text, &header)?;
    }
    sheet.set_row_height(row, page::height(2, FONT_SIZE))?;
    let first_area_row = row + 1;
    let point_format = cell.clone().set_num_format(points_format(2));
    for (i, (area, mean)) in framework.areas().zip(&summary.areas).enumerate() {
        row += 1;
        let node = &framework.nodes[area];
        let name = format!("{}. {}", node.code, node.name);
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &count)?;
        sheet.write_string_with_format(row, 1, &name, &cell.clone().set_text_wrap())?;
        sheet.set_row_height(row, page::height(page::lines(&name, 34.0), FONT_SIZE))?;
        sheet.write_number_with_format(row, 2, number(node.max), &point_format)?;
        match mean.mean_percent {
            Some(value) => sheet.write_number_with_format(row, 3, number(value), &percent)?,
            None => {
                sheet.write_string_with_format(row, 3, crate::output::NOT_APPLICABLE, &count)?
            }
        };
        sheet.write_number_with_format(row, 4, mean.units as f64, &count)?;
    }
    let last_area_row = row;

    // The charts, under the tables.
    let font = ChartFont::new().set_name(FONT).set_size(10).clone();
    let title_font = ChartFont::new()
        .set_name(FONT)
        .set_size(12)
        .set_bold()
        .clone();
    let chart_row = row + 2;

    let mut ranking = Chart::new_column();
    let units = report.ranked.len() as u32;
    for i in 0..bands {
        let col = 1 + i as u16;
        ranking
            .add_series()
            .set_name((DATA_SHEET, 0, col))
            .set_categories((DATA_SHEET, 1, 0, units, 0))
            .set_values((DATA_SHEET, 1, col, units, col))
            .set_format(ChartFormat::new().set_solid_fill(
                ChartSolidFill::new().set_color(Color::RGB(darker(band_fill(i, bands)))),
            ))
            .set_overlap(100)
            .set_gap(40);
    }
    let thresholds: Vec<usize> = (0..bands)
        .filter(|&i| !summary.bands[i].from.is_zero())
        .collect();
    if !thresholds.is_empty() {
        let mut lines = Chart::new_line();
        for k in 0..thresholds.len() {
            let col = 1 + bands as u16 + k as u16;
            lines
                .add_series()
                .set_name((DATA_SHEET, 0, col))
                .set_categories((DATA_SHEET, 1, 0, units, 0))
                .set_values((DATA_SHEET, 1, col, units, col))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(Color::RGB(0x404040))
                            .set_width(1.25)
                            .set_dash_type(ChartLineDashType::Dash),
                    ),
                );
        }
        ranking.combine(&lines);
    }
    ranking
        .title()
        .set_name("Chỉ số cải cách hành chính của các đơn vị theo thứ hạng (%)")
        .set_font(&title_font);
    ranking
        .y_axis()
        .set_min(0)
        .set_max(100)
        .set_major_unit(10)
        .set_font(&font);
    ranking.x_axis().set_font(&font);
    ranking
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font);
    ranking.set_width(960).set_height(330);
    sheet.insert_chart(chart_row, 0, &ranking)?;

    let mut per_band = Chart::new_column();
    per_band
        .add_series()
        .set_name("Số lượng đơn vị")
        .set_categories((SHEET, first_band_row, 1, last_band_row, 1))
        .set_values((SHEET, first_band_row, 2, last_band_row, 2))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0x4472C4))),
        )
        .set_data_label(ChartDataLabel::new().show_value().set_font(&font));
    per_band
        .title()
        .set_name("Số lượng đơn vị theo xếp loại")
        .set_font(&title_font);
    per_band.legend().set_hidden();
    per_band.x_axis().set_font(&font);
    per_band.y_axis().set_font(&font).set_min(0);
    per_band.set_width(340).set_height(300);
    // Beside the tables, on their page.
    sheet.insert_chart_with_offset(3, 5, &per_band, 10, 0)?;

    let mut per_area = Chart::new_bar();
    per_area
        .add_series()
        .set_name("Trung bình (%)")
        .set_categories((SHEET, first_area_row, 1, last_area_row, 1))
        .set_values((SHEET, first_area_row, 3, last_area_row, 3))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0x70AD47))),
        )
        .set_data_label(ChartDataLabel::new().show_value().set_font(&font));
    per_area
        .title()
        .set_name("Tỷ lệ điểm đạt trung bình theo lĩnh vực (%)")
        .set_font(&title_font);
    per_area.legend().set_hidden();
    // In a bar chart the values run along the x axis; areas from the first, top down.
    per_area.x_axis().set_font(&font).set_min(0).set_max(100);
    per_area.y_axis().set_font(&font).set_reverse();
    per_area.set_width(960).set_height(280);
    // Under the ranking chart: 16 rows of 21 px hold its 330 px.
    sheet.insert_chart(chart_row + 16, 0, &per_area)?;

    page::setup(sheet, true, None)?;
    // The tables, then the charts from a new page.
    sheet.set_page_breaks(&[chart_row])?;

    // The data of the ranking chart: a column per band (a unit's index in its band's column, so
    // each band has its colour) and one per threshold (the band's lower bound on every row).
    let data = workbook.add_worksheet().set_name(DATA_SHEET)?;
    data.write_string(0, 0, "Đơn vị")?;
    for (i, band) in summary.bands.iter().enumerate() {
        data.write_string(0, 1 + i as u16, &band.label)?;
    }
    for (k, &i) in thresholds.iter().enumerate() {
        let band = &summary.bands[i];
        data.write_string(
            0,
            1 + bands as u16 + k as u16,
            format!("Ngưỡng {} ({})", band.label, points(band.from)),
        )?;
    }
    for (r, ranked) in report.ranked.iter().enumerate() {
        let row = 1 + r as u32;
        data.write_string(row, 0, &ranked.unit.unit_name)?;
        let position = bands - 1 - ranked.unit.band;
        data.write_number(row, 1 + position as u16, number(ranked.unit.index))?;
        for (k, &i) in thresholds.iter().enumerate() {
            data.write_number(
                row,
                1 + bands as u16 + k as u16,
                number(summary.bands[i].from),
            )?;
        }
    }
    data.set_hidden(true);
    Ok(())
}

/// A band's fill, darker, for a chart's bars (the cell fills are pale, for text on them).
fn darker(rgb: u32) -> u32 {
    let channel = |shift: u32| ((rgb >> shift) & 0xFF) * 7 / 10;
    (channel(16) << 16) | (channel(8) << 8) | channel(0)
}

//! The annex on a worksheet: heading, the table with its two header rows (group headers merged
//! over their columns, the others merged down), figures as number cells with number formats,
//! bands shaded, rows tall enough for wrapped names, and the notes under the table; A4
//! landscape, one page wide, the header rows on every page, "Trang x/y" at the foot.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Annex, Cell, ColumnKind};
use crate::output::NOT_APPLICABLE;
use crate::output::page::{self, FONT_SIZE};

pub const LABEL_ROW: u32 = 0;
pub const TITLE_ROW: u32 = 1;
pub const ATTACHED_ROW: u32 = 2;
pub const HEADER_ROW: u32 = 4;
pub const FIRST_DATA_ROW: u32 = HEADER_ROW + 2;

/// Fills for the bands, best first; spread over however many bands the framework has.
const BAND_FILLS: [u32; 5] = [0xC6EFCE, 0xE2EFDA, 0xFFEB9C, 0xF8CBAD, 0xFFC7CE];
/// The header's fill.
pub const HEADER_FILL: u32 = 0xD9E1F2;
const HEADER_SIZE: f64 = 11.0;

/// Width (Excel's unit, about one character) of a column of each kind.
pub fn width(kind: ColumnKind) -> f64 {
    match kind {
        ColumnKind::Number => 5.0,
        ColumnKind::Unit => 26.0,
        ColumnKind::Points => 10.0,
        ColumnKind::Percent => 9.0,
        ColumnKind::Band => 11.0,
        ColumnKind::Rank => 8.0,
    }
}

/// A band's fill, `position` counted from the best of `bands`.
pub fn band_fill(position: usize, bands: usize) -> u32 {
    let last = BAND_FILLS.len() - 1;
    if bands > 1 {
        BAND_FILLS[position.min(bands - 1) * last / (bands - 1)]
    } else {
        BAND_FILLS[0]
    }
}

/// Numbers go to the spreadsheet as binary floats; published figures have few decimals and
/// display exactly with the cell's format.
pub fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

/// The number format of points: at least 2 decimals, and as many as any figure has (so a 0.125
/// step is never shown rounded).
pub fn points_format(decimals: u32) -> String {
    format!("0.00{}", "#".repeat(decimals.saturating_sub(2) as usize))
}

/// The number format of a percentage published with `decimals` decimals.
pub fn percent_format(decimals: u32) -> String {
    if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals as usize))
    }
}

/// Writes the annex on `sheet`. `point_decimals`: the most decimals any points figure has;
/// `percent_decimals`: those of the published index.
pub fn write(
    sheet: &mut Worksheet,
    annex: &Annex,
    point_decimals: u32,
    percent_decimals: u32,
) -> Result<(), XlsxError> {
    let cell = page::text()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let centred = |f: Format| f.set_align(FormatAlign::Center);
    let header = cell
        .clone()
        .set_bold()
        .set_font_size(HEADER_SIZE)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(HEADER_FILL));
    let text = cell.clone().set_text_wrap();
    let italic = text.clone().set_italic();
    let points = cell.clone().set_num_format(points_format(point_decimals));
    let percent = cell
        .clone()
        .set_num_format(percent_format(percent_decimals));
    let count = centred(cell.clone().set_num_format("0"));
    let rest = centred(cell.clone().set_italic());
    let kps = centred(cell.clone());
    let heading = page::text().set_align(FormatAlign::Center).set_text_wrap();

    let last = annex.columns.len() as u16 - 1;
    let widths: Vec<f64> = annex.columns.iter().map(|c| width(c.kind)).collect();
    let total_width: f64 = widths.iter().sum();
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }

    // The heading, as Nghị định 30 sets an annex's: label, title in capitals, attached-to line.
    let lines = [
        (LABEL_ROW, &annex.label, heading.clone().set_bold(), 13.0),
        (
            TITLE_ROW,
            &annex.title,
            heading.clone().set_bold().set_font_size(14),
            14.0,
        ),
        (
            ATTACHED_ROW,
            &annex.attached_to,
            heading.set_italic().set_font_size(13),
            13.0,
        ),
    ];
    for (row, text, format, size) in lines {
        sheet.merge_range(row, 0, row, last, text, &format)?;
        // Larger type, and capitals in the title, take more room than the width's unit.
        let room = total_width * FONT_SIZE / size / 1.3;
        sheet.set_row_height(row, page::height(page::lines(text, room), size))?;
    }

    // Two header rows: a group's name merged over its columns; other headers merged down.
    let mut group_lines = 1;
    let mut sub_lines = 1;
    let mut col = 0;
    while col < annex.columns.len() {
        let column = &annex.columns[col];
        let Some(group) = &column.group else {
            sheet.merge_range(
                HEADER_ROW,
                col as u16,
                HEADER_ROW + 1,
                col as u16,
                &column.header,
                &header,
            )?;
            sub_lines = sub_lines.max(page::lines(&column.header, widths[col]).saturating_sub(1));
            col += 1;
            continue;
        };
        let end = (col..annex.columns.len())
            .take_while(|&c| annex.columns[c].group.as_ref() == Some(group))
            .last()
            .unwrap_or(col);
        if end > col {
            sheet.merge_range(
                HEADER_ROW, col as u16, HEADER_ROW, end as u16, group, &header,
            )?;
        } else {
            sheet.write_string_with_format(HEADER_ROW, col as u16, group, &header)?;
        }
        let span: f64 = widths[col..=end].iter().sum();
        group_lines = group_lines.max(page::lines(group, span));
        for (c, (column, width)) in annex.columns.iter().zip(&widths).enumerate() {
            if (col..=end).contains(&c) {
                let sub = &column.header;
                sheet.write_string_with_format(HEADER_ROW + 1, c as u16, sub, &header)?;
                sub_lines = sub_lines.max(page::lines(sub, *width));
            }
        }
        col = end + 1;
    }
    sheet.set_row_height(HEADER_ROW, page::height(group_lines, HEADER_SIZE))?;
    sheet.set_row_height(HEADER_ROW + 1, page::height(sub_lines, HEADER_SIZE))?;

    for (i, row) in annex.rows.iter().enumerate() {
        let r = FIRST_DATA_ROW + i as u32;
        let mut tallest = 1;
        for (col, value) in row.cells.iter().enumerate() {
            let c = col as u16;
            match value {
                Cell::Text(t) => {
                    let format = if row.self_assessed { &italic } else { &text };
                    sheet.write_string_with_format(r, c, t, format)?;
                    tallest = tallest.max(page::lines(t, widths[col]));
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c, *n as f64, &count)?;
                }
                Cell::Points(p) => {
                    sheet.write_number_with_format(r, c, number(*p), &points)?;
                }
                Cell::Percent(p) => {
                    sheet.write_number_with_format(r, c, number(*p), &percent)?;
                }
                Cell::NotApplicable => {
                    sheet.write_string_with_format(r, c, NOT_APPLICABLE, &kps)?;
                }
                Cell::Band {
                    label,
                    position,
                    bands,
                } => {
                    let fill = Color::RGB(band_fill(*position, *bands));
                    let format = text.clone().set_background_color(fill);
                    sheet.write_string_with_format(r, c, label, &format)?;
                }
                Cell::Rest(t) => {
                    if c < last {
                        sheet.merge_range(r, c, r, last, t, &rest)?;
                    } else {
                        sheet.write_string_with_format(r, c, t, &rest)?;
                    }
                }
            }
        }
        sheet.set_row_height(r, page::height(tallest, FONT_SIZE))?;
    }

    let note = page::text().set_text_wrap().set_align(FormatAlign::Top);
    let first_note = FIRST_DATA_ROW + annex.rows.len() as u32 + 1;
    for (r, text) in (first_note..).zip(&annex.notes) {
        sheet.merge_range(r, 0, r, last, text, &note)?;
        sheet.set_row_height(r, page::height(page::lines(text, total_width), FONT_SIZE))?;
    }

    sheet.set_freeze_panes(FIRST_DATA_ROW, 2)?;
    page::setup(sheet, true, Some((HEADER_ROW, HEADER_ROW + 1)))?;
    Ok(())
}

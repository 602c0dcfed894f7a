//! What every printed document shares: the official font (Nghị định 30/2020/NĐ-CP: Times New
//! Roman), A4 paper, margins, the page number "Trang x/y", and row heights tall enough for
//! wrapped text.
//!
//! Spreadsheet programs do not grow a row for wrapped text when they open a file (Excel never
//! does; LibreOffice not for rows written without a height), so a wrapped name would print over
//! the next row: every row holding wrapped text gets an explicit height, estimated here from the
//! text and the column width, on the generous side.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The font of official documents.
pub const FONT: &str = "Times New Roman";
/// Body text of the spreadsheets, in points.
pub const FONT_SIZE: f64 = 12.0;
/// A4 in Excel's paper size codes.
const PAPER_A4: u8 = 9;

/// A workbook whose default font, and so every cell's, is the official one.
pub fn workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    // 21 px rows and 72 px columns are Excel's defaults for Times New Roman 12.
    workbook.set_default_format(&text(), 21, 72)?;
    Ok(workbook)
}

/// A cell format in the official font and size, to build on.
pub fn text() -> Format {
    Format::new().set_font_name(FONT).set_font_size(FONT_SIZE)
}

/// The page: A4, landscape or portrait, one page wide, margins of an official document (left
/// 30 mm, right 15 mm, top and bottom 20 mm), "Trang x/y" at the foot, and `repeat` (first and
/// last row) printed at the top of every page.
pub fn setup(
    sheet: &mut Worksheet,
    landscape: bool,
    repeat: Option<(u32, u32)>,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(PAPER_A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(1.18, 0.59, 0.79, 0.79, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_footer(format!("&C&\"{FONT},Regular\"&11Trang &P/&N"));
    if let Some((first, last)) = repeat {
        sheet.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// Lines `text` takes when wrapped in a column `width` characters wide (Excel's width unit),
/// breaking between words as spreadsheets do; explicit line breaks are kept.
pub fn lines(text: &str, width: f64) -> usize {
    // Times New Roman's letters are narrower than the digit the width is measured in, but
    // capitals and bold are wider: count a character as one unit, and leave a margin.
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut used = 0.0;
            for word in paragraph.split_whitespace() {
                let length = word.chars().count() as f64;
                let needed = if used == 0.0 {
                    length
                } else {
                    used + 1.0 + length
                };
                if needed <= room || used == 0.0 {
                    used = needed;
                    // A word longer than the column is broken across lines.
                    while used > room {
                        lines += 1;
                        used -= room;
                    }
                } else {
                    lines += 1;
                    used = length;
                }
            }
            lines
        })
        .sum()
}

/// The height (points) of a row of `lines` lines of text of `size` points.
pub fn height(lines: usize, size: f64) -> f64 {
    lines.max(1) as f64 * size * 1.25 + 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_text_takes_the_lines_a_spreadsheet_gives_it() {
        assert_eq!(lines("Cải cách thể chế", 30.0), 1);
        assert_eq!(lines("Cải cách thể chế", 10.0), 2);
        assert_eq!(lines("một\nhai", 30.0), 2);
        assert_eq!(lines("", 10.0), 1);
        // A word longer than the column.
        assert_eq!(lines("abcdefghijklmnopqrstu", 11.0), 3);
    }
}

//! Small tables given beside the forms — the roster, the external points — as a CSV file (as a
//! spreadsheet saves it: a byte-order mark, `;` or `,` between fields) or any sheet of a workbook.
//! Rows keep the place they were read from, as the user sees it: a CSV line, a sheet and row.

use std::path::Path;

use calamine::Data;

use crate::input::{InputKind, read_text};
use crate::t;
use crate::workbook::read_sheets;

/// A row as read, with the place it was read from.
pub struct Row {
    pub place: String,
    pub cells: Vec<Data>,
}

/// Why a table file could not be read.
pub enum TableFileError {
    Io(std::io::Error),
    /// Neither .csv/.txt nor a workbook's extension.
    Extension,
    Unreadable(String),
}

/// The tables of a file: one for a CSV file (.csv, .txt), one per sheet of a workbook. A CSV
/// file is read within `max` bytes.
pub fn tables(path: &Path, kind: InputKind, max: u64) -> Result<Vec<Vec<Row>>, TableFileError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => Ok(vec![csv_rows(path, kind, max)?]),
        "xlsx" | "xlsm" | "xls" | "ods" => sheet_rows(path),
        _ => Err(TableFileError::Extension),
    }
}

/// A CSV file's lines, as a spreadsheet may save it: a byte-order mark, `;` between fields.
fn csv_rows(path: &Path, kind: InputKind, max: u64) -> Result<Vec<Row>, TableFileError> {
    let text = read_text(path, max, kind).map_err(TableFileError::Io)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableFileError::Unreadable(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        rows.push(Row {
            place: t!("table-place-line", line = line),
            cells: record
                .iter()
                .map(|field| Data::String(field.to_string()))
                .collect(),
        });
    }
    Ok(rows)
}

/// Every sheet of a workbook, as rows (empty rows kept, so rows are numbered as shown).
fn sheet_rows(path: &Path) -> Result<Vec<Vec<Row>>, TableFileError> {
    let sheets = read_sheets(path).map_err(|problems| {
        TableFileError::Unreadable(
            problems
                .iter()
                .map(|p| match &p.detail {
                    Some(detail) => format!("{} ({detail})", p.message),
                    None => p.message.clone(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(sheets
        .into_iter()
        .map(|(name, range)| {
            let first_row = range.start().map_or(0, |(row, _)| row);
            let first_col = range.start().map_or(0, |(_, col)| col) as usize;
            range
                .rows()
                .enumerate()
                .map(|(i, cells)| Row {
                    place: t!(
                        "table-place-row",
                        sheet = name.as_str(),
                        row = u64::from(first_row) + i as u64 + 1
                    ),
                    // Cells left of the used area are empty: keep columns where they are.
                    cells: std::iter::repeat_n(Data::Empty, first_col)
                        .chain(cells.iter().cloned())
                        .collect(),
                })
                .collect()
        })
        .collect())
}

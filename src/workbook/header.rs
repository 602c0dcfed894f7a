//! Finding the criteria table: the sheet and row whose cells carry every required column label,
//! alone or split over two rows, merged or not; visible sheets first.

use std::collections::HashMap;
use std::path::Path;

use calamine::Data;

use super::labels::{self, Label};
use super::open::LoadedSheet;
use crate::problem::{CellRef, Location, Problem};

/// The criteria table's header row and the column of each label found in it.
pub(super) struct Header {
    pub row: u32,
    columns: HashMap<&'static str, u32>,
}

impl Header {
    pub fn column(&self, label: Label) -> Option<u32> {
        self.columns.get(label.name).copied()
    }
}

/// The text the label search sees in a cell: inside a merged area, the area's first cell's text;
/// elsewhere its own.
fn label_text(sheet: &LoadedSheet, row: u32, col: u32) -> Option<&str> {
    let text_at = |(row, col): (u32, u32)| match sheet.range.get_value((row, col)) {
        Some(Data::String(text)) => Some(text.as_str()),
        _ => None,
    };
    sheet
        .merges
        .iter()
        .rev()
        .filter(|merge| merge.contains(row, col))
        .find_map(|merge| text_at(merge.start))
        .or_else(|| text_at((row, col)))
}

/// Finds the sheet and row holding the criteria table's header; visible sheets are searched
/// first. A label may stand alone in the header row or be split over that row and the one above
/// ("Điểm" / "Tự đánh giá"). When no row has every required label, the problem names the closest
/// row and the labels it lacks.
pub(super) fn find_table<'a>(
    path: &Path,
    sheets: &'a [LoadedSheet],
) -> Result<(&'a LoadedSheet, Header), Vec<Problem>> {
    let required = &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS];
    let mut best: Option<(usize, &str, CellRef, Vec<&'static str>)> = None;
    let visible_first = sheets
        .iter()
        .filter(|s| !s.hidden)
        .chain(sheets.iter().filter(|s| s.hidden));
    for sheet in visible_first {
        let (Some((row0, col0)), Some((row_end, col_end))) =
            (sheet.range.start(), sheet.range.end())
        else {
            continue;
        };
        // Each cell folded once; "Điểm" above "Tự đánh giá" folds to "diem" + "tudanhgia".
        let folded_row = |row: u32| -> HashMap<u32, String> {
            (col0..=col_end)
                .filter_map(|col| Some((col, labels::fold(label_text(sheet, row, col)?))))
                .collect()
        };
        let mut above = row0.checked_sub(1).map(folded_row).unwrap_or_default();
        for row in row0..=row_end {
            let own_row = folded_row(row);
            let mut columns = HashMap::new();
            let mut duplicated = Vec::new();
            for col in col0..=col_end {
                let Some(own) = own_row.get(&col) else {
                    continue;
                };
                let combined = above.get(&col).map(|a| format!("{a}{own}"));
                for label in labels::TABLE_COLUMNS {
                    let matches = label.matches_folded(own)
                        || combined.as_deref().is_some_and(|c| label.matches_folded(c));
                    if matches && columns.insert(label.name, col).is_some_and(|c| c != col) {
                        duplicated.push(label.name);
                    }
                }
            }
            let found = required
                .iter()
                .filter(|l| columns.contains_key(l.name))
                .count();
            if found == required.len() {
                if !duplicated.is_empty() {
                    return Err(vec![Problem::new(
                        Location::cell(path, &sheet.name, CellRef::new(row, col0)),
                        format!(
                            "the header row has more than one column labelled {}",
                            quoted(&duplicated)
                        ),
                    )]);
                }
                return Ok((sheet, Header { row, columns }));
            }
            if found > 0 && best.as_ref().is_none_or(|b| found > b.0) {
                let missing = required
                    .iter()
                    .filter(|l| !columns.contains_key(l.name))
                    .map(|l| l.name)
                    .collect();
                best = Some((found, &sheet.name, CellRef::new(row, col0), missing));
            }
            above = own_row;
        }
    }
    let problem = match best {
        Some((_, sheet, cell, missing)) => Problem::new(
            Location::cell(path, sheet, cell),
            format!(
                "the criteria table's header row lacks the label {}",
                quoted(&missing)
            ),
        ),
        None => Problem::new(
            Location::file(path),
            format!(
                "no sheet has the criteria table: no header row with the labels {}",
                quoted(&required.iter().map(|l| l.name).collect::<Vec<_>>())
            ),
        ),
    };
    Err(vec![problem])
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

//! Finding the criteria table: the sheet and row whose cells carry every required column label,
//! alone or split over two rows, merged or not; visible sheets first.

use std::path::Path;

use calamine::Data;

use super::labels::{self, Label};
use super::open::LoadedSheet;
use crate::msg;
use crate::problem::{CellRef, Location, Problem};

/// The criteria table's header row and the column of each label found in it.
pub(super) struct Header {
    pub row: u32,
    /// The column of each of `labels::TABLE_COLUMNS`, in that order.
    columns: [Option<u32>; labels::TABLE_COLUMNS.len()],
}

impl Header {
    pub fn column(&self, label: Label) -> Option<u32> {
        let position = labels::TABLE_COLUMNS.iter().position(|l| *l == label)?;
        self.columns[position]
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

/// The closest a sheet came to a header row: how many required labels a row had, where, and
/// which it lacked.
struct NearMiss<'a> {
    found: usize,
    sheet: &'a str,
    cell: CellRef,
    missing: Vec<&'static str>,
}

/// What one sheet holds: a header row, a header row with a label twice, or at best a near miss.
enum Search<'a> {
    Table(Header),
    Duplicated(Problem),
    NotFound(Option<NearMiss<'a>>),
}

/// Finds the sheet and row holding the criteria table's header; visible sheets are searched
/// first. A label may stand alone in the header row or be split over that row and the one above
/// ("Điểm" / "Tự đánh giá"). When no row has every required label, the problem names the closest
/// row and the labels it lacks. Two sheets with a table are an error naming both: which one holds
/// the unit's scores would be a guess (a copied sheet, an old version kept beside the new one).
pub(super) fn find_table<'a>(
    path: &Path,
    sheets: &'a [LoadedSheet],
) -> Result<(&'a LoadedSheet, Header), Vec<Problem>> {
    let visible_first = sheets
        .iter()
        .filter(|s| !s.hidden)
        .chain(sheets.iter().filter(|s| s.hidden));
    let mut tables = Vec::new();
    let mut best: Option<NearMiss> = None;
    for sheet in visible_first {
        match search(path, sheet) {
            Search::Table(header) => tables.push((sheet, Ok(header))),
            Search::Duplicated(problem) => tables.push((sheet, Err(problem))),
            Search::NotFound(Some(miss)) if best.as_ref().is_none_or(|b| miss.found > b.found) => {
                best = Some(miss);
            }
            Search::NotFound(_) => {}
        }
    }
    let mut tables = tables.into_iter();
    match (tables.next(), tables.next()) {
        (Some((sheet, Ok(header))), None) => Ok((sheet, header)),
        (Some((_, Err(duplicated))), None) => Err(vec![duplicated]),
        (Some((first, _)), Some((second, _))) => Err(vec![Problem::new(
            Location::sheet(path, &second.name),
            msg!(
                "table-two-sheets",
                first = &first.name,
                second = &second.name
            ),
        )]),
        (None, _) => Err(vec![not_found(path, best)]),
    }
}

fn not_found(path: &Path, best: Option<NearMiss>) -> Problem {
    let required = &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS];
    match best {
        Some(miss) => Problem::new(
            Location::cell(path, miss.sheet, miss.cell),
            msg!("table-header-lacks", labels = quoted(&miss.missing)),
        ),
        None => Problem::new(
            Location::file(path),
            msg!(
                "table-not-found",
                labels = quoted(&required.iter().map(|l| l.name).collect::<Vec<_>>())
            ),
        ),
    }
}

/// Searches one sheet for the header row, top to bottom.
fn search<'a>(path: &Path, sheet: &'a LoadedSheet) -> Search<'a> {
    let required = &labels::TABLE_COLUMNS[..labels::REQUIRED_COLUMNS];
    let (Some((row0, col0)), Some((row_end, col_end))) = (sheet.range.start(), sheet.range.end())
    else {
        return Search::NotFound(None);
    };
    // Each cell folded once; "Điểm" above "Tự đánh giá" folds to "diem" + "tudanhgia", so no
    // part of a label is longer than the longest label.
    let longest = labels::TABLE_COLUMNS
        .iter()
        .map(Label::longest)
        .max()
        .unwrap_or(0);
    let folded_row = |row: u32| -> Vec<Option<String>> {
        (col0..=col_end)
            .map(|col| labels::fold_at_most(label_text(sheet, row, col)?, longest))
            .collect()
    };
    let mut best: Option<NearMiss> = None;
    let mut above = row0.checked_sub(1).map(folded_row).unwrap_or_default();
    for row in row0..=row_end {
        let own_row = folded_row(row);
        let mut columns = [None; labels::TABLE_COLUMNS.len()];
        let mut duplicated = Vec::new();
        for (offset, own) in own_row.iter().enumerate() {
            let Some(own) = own else {
                continue;
            };
            let col = col0 + offset as u32;
            let combined = above
                .get(offset)
                .and_then(Option::as_ref)
                .map(|a| format!("{a}{own}"));
            for (position, label) in labels::TABLE_COLUMNS.iter().enumerate() {
                let matches = label.matches_folded(own)
                    || combined.as_deref().is_some_and(|c| label.matches_folded(c));
                if matches && columns[position].replace(col).is_some_and(|c| c != col) {
                    duplicated.push(label.name);
                }
            }
        }
        let found = columns[..required.len()]
            .iter()
            .filter(|c| c.is_some())
            .count();
        if found == required.len() {
            if !duplicated.is_empty() {
                return Search::Duplicated(Problem::new(
                    Location::cell(path, &sheet.name, CellRef::new(row, col0)),
                    msg!("table-label-twice", labels = quoted(&duplicated)),
                ));
            }
            return Search::Table(Header { row, columns });
        }
        if found > 0 && best.as_ref().is_none_or(|b| found > b.found) {
            let missing = required
                .iter()
                .zip(&columns)
                .filter(|(_, col)| col.is_none())
                .map(|(l, _)| l.name)
                .collect();
            best = Some(NearMiss {
                found,
                sheet: &sheet.name,
                cell: CellRef::new(row, col0),
                missing,
            });
        }
        above = own_row;
    }
    Search::NotFound(best)
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

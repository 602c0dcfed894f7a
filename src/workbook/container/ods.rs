//! An .ods file's `content.xml`, scanned for what calamine will lay out as it opens the file.
//!
//! calamine reads every table of the file into two grids, values and formulas, copying a cell
//! once per column and row it is repeated over (`table:number-columns-repeated`,
//! `table:number-rows-repeated`) and expanding `<text:s text:c="N"/>` into N spaces. This scan
//! walks the same events as calamine's reader (ods.rs: `read_table`, `read_row`, `get_datatype`)
//! and adds up the same cells and texts without building them. Where calamine would stop with an
//! error, the scan stops too: nothing more would be laid out.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ContainerError;
use super::xml::{REFERENCE_BYTES, attribute, attributes, chars, reader};
use crate::problem::CellRef;
use crate::workbook::limits::{Area, Budget, Exceeded, Grid, MAX_SHEETS, check_text};

/// calamine caps a table at Excel's size.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

type Xml<'a> = Reader<&'a mut dyn BufRead>;

pub(super) fn check_content(part: &mut dyn BufRead) -> Result<(), ContainerError> {
    let mut xml = reader(part);
    let mut buf = Vec::new();
    let mut values = Budget::new(Grid::Values);
    let mut formulas = Budget::new(Grid::Formulas);
    let mut tables: u64 = 0;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name().as_ref() == "table:table" => {
                // calamine reads only named tables.
                let Some(name) = attribute(&e, "table:name") else {
                    continue;
                };
                let name = quick_xml::escape::unescape(name)
                    .map(|n| n.into_owned())
                    .unwrap_or_else(|_| name.to_string());
                tables += 1;
                if tables > MAX_SHEETS {
                    return Err(Exceeded::Sheets { sheets: tables }.into());
                }
                let mut table = Table::new(name);
                let finished = table.scan(&mut xml)?;
                table.lay_out(&mut values, &mut formulas)?;
                if !finished {
                    return Ok(());
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// One grid of a table as calamine will lay it out: the area of its non-empty cells, rows
/// repeated, and the text it holds.
#[derive(Default)]
struct Layout {
    area: Option<Area>,
    text: u64,
}

impl Layout {
    /// A row element's non-empty cells, from `first` to `last`, repeated over `rows` rows.
    fn add(&mut self, row: u64, rows: u64, first: u64, last: u64) {
        if rows == 0 {
            return;
        }
        let corner = |row: u64, col: u64| CellRef::new(row as u32, col as u32);
        let (top, bottom) = (corner(row, first), corner(row + rows - 1, last));
        match &mut self.area {
            Some(area) => area.add(top),
            area @ None => *area = Some(Area::of(top)),
        }
        if let Some(area) = &mut self.area {
            area.add(bottom);
        }
    }
}

struct Table {
    name: String,
    values: Layout,
    formulas: Layout,
    /// Rows so far, repeats included (calamine stops counting at `MAX_ROWS`).
    rows: u64,
    /// Cells of the row elements before their rows are repeated, held meanwhile.
    raw: u64,
}

/// One row element, as calamine pushes its cells.
#[derive(Default)]
struct Row {
    cells: u64,
    values: Option<(u64, u64)>,
    formulas: Option<(u64, u64)>,
    value_text: u64,
    formula_text: u64,
}

/// A cell's value and formula, as far as their size goes.
struct Cell {
    value: bool,
    value_text: u64,
    formula_text: u64,
}

impl Table {
    fn new(name: String) -> Table {
        Table {
            name,
            values: Layout::default(),
            formulas: Layout::default(),
            rows: 0,
            raw: 0,
        }
    }

    /// Scans the table's rows; `false` when calamine would stop with an error in it.
    fn scan(&mut self, xml: &mut Xml<'_>) -> Result<bool, ContainerError> {
        let (mut buf, mut row_buf, mut cell_buf) = (Vec::new(), Vec::new(), Vec::new());
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.name().as_ref() == "table:table-row" => {
                    let repeats = match attribute(&e, "table:number-rows-repeated") {
                        None => 1,
                        Some(v) => match unescaped(v).parse::<usize>() {
                            Ok(n) => n as u64,
                            Err(_) => return Ok(false),
                        },
                    };
                    let repeats = repeats.min(MAX_ROWS.saturating_sub(self.rows));
                    let Some(row) = self.scan_row(xml, &mut row_buf, &mut cell_buf)? else {
                        return Ok(false);
                    };
                    self.add(&row, repeats);
                }
                Ok(Event::End(e)) if e.name().as_ref() == "table:table" => return Ok(true),
                // calamine's `read_table` does not stop at the end of the file: a table left open
                // would keep it reading the end forever.
                Ok(Event::Eof) => {
                    return Err(ContainerError::Damaged(format!(
                        "content.xml ends inside the table '{}'",
                        self.name
                    )));
                }
                Err(_) => return Ok(false),
                Ok(_) => {}
            }
        }
    }

    fn add(&mut self, row: &Row, repeats: u64) {
        if let Some((first, last)) = row.values {
            self.values.add(self.rows, repeats, first, last);
        }
        if let Some((first, last)) = row.formulas {
            self.formulas.add(self.rows, repeats, first, last);
        }
        self.values.text = self
            .values
            .text
            .saturating_add(row.value_text.saturating_mul(repeats.max(1)));
        self.formulas.text = self
            .formulas
            .text
            .saturating_add(row.formula_text.saturating_mul(repeats.max(1)));
        self.rows += repeats;
        self.raw += row.cells;
    }

    /// A row's cells, as `read_row` pushes them; `None` when calamine would stop with an error.
    fn scan_row(
        &self,
        xml: &mut Xml<'_>,
        buf: &mut Vec<u8>,
        cell_buf: &mut Vec<u8>,
    ) -> Result<Option<Row>, ContainerError> {
        let mut row = Row::default();
        let mut empty_repeats: u64 = 0;
        loop {
            buf.clear();
            let e = match xml.read_event_into(buf) {
                Ok(Event::Start(e))
                    if matches!(
                        e.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
                {
                    e
                }
                Ok(Event::End(e)) if e.name().as_ref() == "table:table-row" => {
                    return Ok(Some(row));
                }
                _ => return Ok(None),
            };
            let repeats = match attribute(&e, "table:number-columns-repeated") {
                None => 1,
                Some(v) => match v.parse::<usize>() {
                    Ok(n) => n as u64,
                    Err(_) => return Ok(None),
                },
            };
            let pending = empty_repeats.min(MAX_COLUMNS.saturating_sub(row.cells));
            let at = CellRef::new(self.rows as u32, (row.cells + pending) as u32);
            let Some((cell, closed)) = self.scan_cell(xml, &e, cell_buf, at)? else {
                return Ok(None);
            };
            // Empty cells count only when a cell with content follows them.
            row.cells += pending;
            empty_repeats = 0;
            let repeats = repeats.min(MAX_COLUMNS.saturating_sub(row.cells));
            if !cell.value && cell.formula_text == 0 {
                empty_repeats = repeats;
            } else if repeats > 0 {
                let span = (row.cells, row.cells + repeats - 1);
                if cell.value {
                    row.values = Some(widen(row.values, span));
                }
                if cell.formula_text > 0 {
                    row.formulas = Some(widen(row.formulas, span));
                }
                row.value_text += cell.value_text * repeats;
                row.formula_text += cell.formula_text * repeats;
                row.cells += repeats;
            }
            if !closed {
                cell_buf.clear();
                if xml.read_to_end_into(e.name(), cell_buf).is_err() {
                    return Ok(None);
                }
            }
        }
    }

    /// A cell's value and formula as `get_datatype` reads them, and whether its end was read.
    fn scan_cell(
        &self,
        xml: &mut Xml<'_>,
        e: &BytesStart<'_>,
        buf: &mut Vec<u8>,
        at: CellRef,
    ) -> Result<Option<(Cell, bool)>, ContainerError> {
        let (mut is_string, mut is_error, mut value_set) = (false, false, false);
        let mut cell = Cell {
            value: false,
            value_text: 0,
            formula_text: 0,
        };
        // An empty string value (or none) is still a value in calamine's grid.
        let mut empty_string = false;
        for (key, value) in attributes(e) {
            match key {
                // A number; one calamine cannot parse stops it, so counting it is on the safe side.
                "office:value" if !value_set => (cell.value, value_set) = (true, true),
                "office:string-value" | "office:date-value" | "office:time-value" if !value_set => {
                    let text = unescaped(value);
                    check_text(chars(&text), Some(&self.name), Some(at))?;
                    cell.value_text = text.len() as u64;
                    empty_string = key == "office:string-value" && text.is_empty();
                    (cell.value, value_set) = (true, true);
                }
                "office:boolean-value" if !value_set => (cell.value, value_set) = (true, true),
                "office:value-type" if !value_set => is_string = value == "string",
                "calcext:value-type" => is_error = value == "error",
                "table:formula" => cell.formula_text = unescaped(value).len() as u64,
                _ => {}
            }
        }
        if !((!value_set && is_string) || (is_error && empty_string)) {
            return Ok(Some((cell, false)));
        }
        // The text is the element's content.
        let (mut bytes, mut length) = (0u64, 0u64);
        let mut first_paragraph = true;
        loop {
            buf.clear();
            let added = match xml.read_event_into(buf) {
                Ok(Event::Text(t)) => (t.len() as u64, chars(&t)),
                Ok(Event::GeneralRef(_)) => (REFERENCE_BYTES, 1),
                Ok(Event::End(end))
                    if matches!(
                        end.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
                {
                    cell.value = true;
                    cell.value_text = bytes;
                    return Ok(Some((cell, true)));
                }
                Ok(Event::Start(s)) if s.name().as_ref() == "office:annotation" => {
                    // calamine skips a note up to its end, and would read forever past the end
                    // of the file for a note left open.
                    loop {
                        match xml.read_event_into(buf) {
                            Ok(Event::End(end)) if end.name().as_ref() == "office:annotation" => {
                                break;
                            }
                            Ok(Event::Eof) => {
                                return Err(ContainerError::Damaged(
                                    "content.xml ends inside a note".to_string(),
                                ));
                            }
                            Err(_) => return Ok(None),
                            Ok(_) => {}
                        }
                    }
                    (0, 0)
                }
                Ok(Event::Start(s)) if s.name().as_ref() == "text:p" => {
                    let separator = u64::from(!first_paragraph);
                    first_paragraph = false;
                    (separator, separator)
                }
                Ok(Event::Start(s)) if s.name().as_ref() == "text:s" => {
                    let spaces = match attribute(&s, "text:c") {
                        None => 1,
                        Some(c) => match unescaped(c).parse::<i32>() {
                            Ok(n) => u64::try_from(n).unwrap_or(0),
                            Err(_) => return Ok(None),
                        },
                    };
                    (spaces, spaces)
                }
                Ok(Event::Start(s))
                    if matches!(s.name().as_ref(), "text:tab" | "text:line-break") =>
                {
                    (1, 1)
                }
                Ok(Event::Eof) | Err(_) => return Ok(None),
                Ok(_) => (0, 0),
            };
            bytes = bytes.saturating_add(added.0);
            length = length.saturating_add(added.1);
            check_text(length, Some(&self.name), Some(at))?;
        }
    }

    /// Takes the table's two grids out of the file's budgets.
    fn lay_out(&self, values: &mut Budget, formulas: &mut Budget) -> Result<(), Exceeded> {
        let sheet = self.name.as_str();
        if let Some(area) = &self.values.area {
            // The row elements' cells are held too while the grid is built.
            values.lay_out_cells(sheet, area.cells().max(self.raw), area)?;
        }
        values.hold_text(Some(sheet), self.values.text)?;
        if let Some(area) = &self.formulas.area {
            formulas.lay_out(sheet, area)?;
        }
        formulas.hold_text(Some(sheet), self.formulas.text)?;
        Ok(())
    }
}

fn widen(span: Option<(u64, u64)>, (first, last): (u64, u64)) -> (u64, u64) {
    match span {
        Some((a, b)) => (a.min(first), b.max(last)),
        None => (first, last),
    }
}

fn unescaped(value: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::unescape(value).unwrap_or(std::borrow::Cow::Borrowed(value))
}

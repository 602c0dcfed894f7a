//! The parts of an .xlsx package that calamine reads whole as it opens the file, scanned for what
//! they would build: the shared-string table (every string, and a reservation for the number the
//! table declares), the cell formats (each stored whole with its font name and number format)
//! and the list of sheets. Worksheets are not scanned here: calamine streams them and the reader
//! counts their cells one by one (`open.rs`).

use std::io::BufRead;
use std::mem::size_of;

use quick_xml::events::Event;

use super::ContainerError;
use super::xml::{attribute, attributes, reader};
use crate::workbook::limits::{Exceeded, MAX_SHARED_STRINGS, MAX_SHEETS, MAX_STYLES_BYTES};

pub(super) type Scan = fn(&mut dyn BufRead) -> Result<(), ContainerError>;

/// The scan for a part, by its normalised name (calamine finds these under the workbook part's
/// folder, whatever it is); none when the part's size alone keeps it within the limits.
pub(super) fn scan_for(part: &str, size: u64) -> Option<Scan> {
    match part.rsplit('/').next()? {
        "sharedstrings.xml" => Some(shared_strings),
        "styles.xml" => styles_may_exceed(size).then_some(styles as Scan),
        "workbook.xml" => workbook_for(size),
        _ => None,
    }
}

/// The scan of the workbook part, unless it is too small to list too many sheets (each takes at
/// least `<sheet/>`).
pub(super) fn workbook_for(size: u64) -> Option<Scan> {
    (size / 8 > MAX_SHEETS).then_some(workbook as Scan)
}

/// Whether cell formats could exceed their limit in a styles part of this size: each element
/// takes at least 5 bytes (`<xf/>`), and no attribute is longer than the part.
fn styles_may_exceed(size: u64) -> bool {
    let largest = [
        size_of::<calamine::Style>(),
        size_of::<calamine::Font>(),
        size_of::<calamine::Fill>(),
        size_of::<calamine::Borders>(),
        2 * size_of::<String>(),
    ]
    .into_iter()
    .max()
    .unwrap_or(0) as u64;
    (size / 5).saturating_mul(largest + 2 * size) > MAX_STYLES_BYTES
}

/// The workbook part named by the package's relationships (`_rels/.rels`), as calamine finds it:
/// the last office-document relationship's target, without a leading `/`.
pub(super) fn workbook_target(rels: &mut dyn BufRead) -> Option<String> {
    let mut xml = reader(rels);
    let mut buf = Vec::new();
    let mut target = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "Relationship" => {
                let document = attribute(&e, "Type")
                    .is_some_and(|t| t.ends_with("/relationships/officeDocument"));
                if let (true, Some(path)) = (document, attribute(&e, "Target")) {
                    let path = quick_xml::escape::unescape(path).ok()?;
                    target = Some(path.strip_prefix('/').unwrap_or(&path).to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return target,
            Ok(_) => {}
        }
    }
}

/// The count the shared-string table declares, which calamine reserves room for before reading
/// a string. The strings themselves are bounded by the part's size, and each is checked as a cell
/// uses it (`open.rs`): the table is not parsed twice.
fn shared_strings(part: &mut dyn BufRead) -> Result<(), ContainerError> {
    let mut xml = reader(part);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                let declared = attribute(&e, "uniqueCount").and_then(|n| n.parse::<u64>().ok());
                return match declared {
                    Some(strings) if strings > MAX_SHARED_STRINGS => {
                        Err(Exceeded::SharedStrings { strings }.into())
                    }
                    _ => Ok(()),
                };
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// Estimates what the cell formats take once read: calamine stores every format of `cellXfs`
/// whole, with a copy of its font (and the font's name) and of its number format's code.
fn styles(part: &mut dyn BufRead) -> Result<(), ContainerError> {
    let mut xml = reader(part);
    let mut buf = Vec::new();
    let (mut formats, mut fonts, mut other, mut number_formats) = (0u64, 0u64, 0u64, 0u64);
    let mut longest: u64 = 0;
    let mut section = String::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                let name = name.as_ref();
                match (section.as_str(), name) {
                    ("cellXfs", "xf") => formats += 1,
                    ("fonts", "font") => fonts += 1,
                    ("fills", "fill") | ("borders", "border") => other += 1,
                    ("numFmts", "numFmt") => number_formats += 1,
                    (_, "cellXfs" | "fonts" | "fills" | "borders" | "numFmts") => {
                        section = name.to_string();
                    }
                    _ => {}
                }
                for (_, value) in attributes(&e) {
                    longest = longest.max(value.len() as u64);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == section => section.clear(),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    // Sizes as calamine stores them; a font name and a number format code are each at most the
    // longest attribute value of the part.
    let style = size_of::<calamine::Style>() as u64 + 2 * longest;
    let font = size_of::<calamine::Font>() as u64 + longest;
    let fill_or_border = size_of::<calamine::Fill>().max(size_of::<calamine::Borders>()) as u64;
    let number_format = 2 * (size_of::<String>() as u64 + longest);
    let bytes = formats
        .saturating_mul(style)
        .saturating_add(fonts.saturating_mul(font))
        .saturating_add(other.saturating_mul(fill_or_border))
        .saturating_add(number_formats.saturating_mul(number_format));
    if bytes > MAX_STYLES_BYTES {
        return Err(Exceeded::Styles { formats, bytes }.into());
    }
    Ok(())
}

/// Counts the sheets the workbook lists (calamine keeps a name and a path for each).
fn workbook(part: &mut dyn BufRead) -> Result<(), ContainerError> {
    let mut xml = reader(part);
    let mut buf = Vec::new();
    let mut sheets: u64 = 0;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sheet" => {
                sheets += 1;
                if sheets > MAX_SHEETS {
                    return Err(Exceeded::Sheets { sheets }.into());
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(scan: Scan, xml: &str) -> Result<(), ContainerError> {
        scan(&mut xml.as_bytes())
    }

    #[test]
    fn a_declared_string_count_is_a_reservation() {
        let xml = r#"<sst xmlns="x" count="1" uniqueCount="100000000"><si><t>a</t></si></sst>"#;
        assert_eq!(
            scan(shared_strings, xml),
            Err(Exceeded::SharedStrings {
                strings: 100_000_000
            }
            .into())
        );
    }

    #[test]
    fn a_small_part_is_not_scanned() {
        assert!(scan_for("xl/styles.xml", 3_000).is_none());
        assert!(scan_for("xl/styles.xml", 100_000).is_some());
        assert!(scan_for("xl/workbook.xml", 8_000).is_none());
        assert!(scan_for("xl/workbook.xml", 8_008).is_some());
        assert!(scan_for("xl/sharedstrings.xml", 100).is_some());
    }

    #[test]
    fn formats_are_counted_with_their_longest_name() {
        let name = "F".repeat(1000);
        let formats = "<xf numFmtId=\"0\" fontId=\"0\"/>".repeat(40_000);
        let xml = format!(
            "<styleSheet><fonts><font><name val=\"{name}\"/></font></fonts><cellXfs>{formats}</cellXfs></styleSheet>"
        );
        assert!(matches!(
            scan(styles, &xml),
            Err(ContainerError::Exceeded(Exceeded::Styles {
                formats: 40_000,
                ..
            }))
        ));
        let xml = xml.replace(&name, "Times New Roman");
        assert_eq!(scan(styles, &xml), Ok(()));
    }
}

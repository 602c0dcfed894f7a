//! .xlsx and .ods files: zip packages of XML parts.
//!
//! The central directory declares each part's unpacked size. The zip reader (the one calamine
//! uses, at the version pinned in Cargo.toml) fails a read that goes past the declared size, so
//! checking the declared sizes bounds what can ever be inflated, without inflating anything; the
//! tests build a part that lies about its size to keep that true. The parts calamine reads whole
//! or lays out as it opens are then scanned by the same XML parser.

use std::io::{BufReader, Cursor, Read};

use zip::ZipArchive;

use super::{ContainerError, Format, Lookalike, ods, xlsx};
use crate::workbook::limits::{
    Exceeded, MAX_PART_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, MAX_WHOLE_PART_BYTES,
};

/// Every central-directory entry begins with these bytes, so their number bounds the entries the
/// zip reader could decode, whatever the end record claims. Counted before the zip reader builds
/// its index of entries, which costs a few hundred bytes each.
const CENTRAL_ENTRY_SIGNATURE: &[u8; 4] = b"PK\x01\x02";

/// Bytes inflated at a time for a scan: a part is often read only up to its first tags.
const SCAN_BUFFER: usize = 1024;

/// What an .ods package's `mimetype` part holds.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

pub(super) fn check(bytes: &[u8]) -> Result<Format, ContainerError> {
    let parts = memchr::memmem::find_iter(bytes, CENTRAL_ENTRY_SIGNATURE).count() as u64;
    if parts > MAX_PARTS {
        return Err(Exceeded::Parts { parts }.into());
    }
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        // A zip package cut short (an unfinished download, a full disk).
        Err(e) if bytes.starts_with(b"PK") => return Err(ContainerError::Damaged(e.to_string())),
        Err(e) => return Err(ContainerError::Damaged(e.to_string())),
    };
    let parts: Vec<Part> = (0..archive.len())
        .map(|i| {
            let entry = archive.by_index_data(i).ok();
            let name = entry.as_ref().and_then(|e| e.name().ok());
            let name = name.map(|n| n.into_owned()).unwrap_or_default();
            let key = name.replace('\\', "/").to_ascii_lowercase();
            let size = entry.map_or(0, |e| e.size());
            Part { name, key, size }
        })
        .collect();
    let format = format(&mut archive, &parts)?;
    let mut total: u64 = 0;
    for part in &parts {
        let limit = if read_whole(format, &part.key) {
            MAX_WHOLE_PART_BYTES
        } else {
            MAX_PART_BYTES
        };
        part.within(limit)?;
        total = total.saturating_add(part.size);
        if total > MAX_UNPACKED_BYTES {
            return Err(Exceeded::Unpacked { size: total }.into());
        }
    }
    // calamine finds an .xlsx file's workbook part through the package's relationships.
    let workbook = match format {
        Format::Xlsx => workbook_part(&mut archive, &parts),
        _ => None,
    };
    for (index, part) in parts.iter().enumerate() {
        let scan: xlsx::Scan = match format {
            Format::Ods if part.key == "content.xml" => ods::check_content,
            Format::Xlsx if workbook.as_ref() == Some(&part.key) => {
                part.within(MAX_WHOLE_PART_BYTES)?;
                match xlsx::workbook_for(part.size) {
                    Some(scan) => scan,
                    None => continue,
                }
            }
            Format::Xlsx => match xlsx::scan_for(&part.key, part.size) {
                Some(scan) => scan,
                None => continue,
            },
            _ => continue,
        };
        // A part that cannot be inflated is left to calamine, which reports it if it needs it.
        if let Ok(part) = archive.by_index(index) {
            scan(&mut BufReader::with_capacity(SCAN_BUFFER, part))?;
        }
    }
    Ok(format)
}

/// A part of the package: its name, the name as calamine looks it up (any case, `\` for `/`),
/// and the unpacked size its headers declare.
struct Part {
    name: String,
    key: String,
    size: u64,
}

impl Part {
    fn within(&self, limit: u64) -> Result<(), Exceeded> {
        if self.size > limit {
            let (part, size) = (self.name.clone(), self.size);
            return Err(Exceeded::Part { part, size, limit });
        }
        Ok(())
    }
}

/// The workbook part the package's relationships name (`None` if they cannot be read, where
/// calamine stops).
fn workbook_part(archive: &mut ZipArchive<Cursor<&[u8]>>, parts: &[Part]) -> Option<String> {
    let index = parts.iter().position(|part| part.key == "_rels/.rels")?;
    let rels = archive.by_index(index).ok()?;
    let target = xlsx::workbook_target(&mut BufReader::with_capacity(SCAN_BUFFER, rels))?;
    Some(target.replace('\\', "/").to_ascii_lowercase())
}

/// Tells an .ods package (by its `mimetype` part, as calamine does) from an .xlsx one, and
/// refuses an .xlsb.
fn format(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    parts: &[Part],
) -> Result<Format, ContainerError> {
    if let Ok(part) = archive.by_name("mimetype") {
        let mut start = Vec::new();
        if part
            .take(ODS_MIMETYPE.len() as u64)
            .read_to_end(&mut start)
            .is_ok()
            && start == ODS_MIMETYPE
        {
            return Ok(Format::Ods);
        }
    }
    let ends_with = |suffix: &str| parts.iter().any(|part| part.key.ends_with(suffix));
    if ends_with("workbook.bin") && !ends_with("workbook.xml") {
        return Err(ContainerError::Xlsb);
    }
    let starts_with = |prefix: &str| parts.iter().any(|part| part.key.starts_with(prefix));
    if !ends_with("workbook.xml") && (starts_with("word/") || starts_with("ppt/")) {
        return Err(ContainerError::NotAWorkbook(Lookalike::Document));
    }
    Ok(Format::Xlsx)
}

/// Parts calamine reads whole as the workbook opens, which have the lower limit (by their
/// normalised names; the workbook part, named by the relationships, is checked apart).
fn read_whole(format: Format, part: &str) -> bool {
    match format {
        Format::Ods => part == "meta-inf/manifest.xml",
        _ => {
            part.ends_with(".rels")
                || part.ends_with("workbook.xml")
                || part.ends_with("styles.xml")
                || part.ends_with("sharedstrings.xml")
                || (part.contains("theme/") && part.ends_with(".xml"))
        }
    }
}

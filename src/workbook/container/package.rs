//! .xlsx and .ods files: zip packages of XML parts.
//!
//! The central directory declares each part's unpacked size. The zip reader (the one calamine
//! uses, at the version pinned in Cargo.toml) fails a read that goes past the declared size, so
//! checking the declared sizes bounds what can ever be inflated, without inflating anything; the
//! tests build a part that lies about its size to keep that true. The parts calamine reads whole
//! or lays out as it opens are then scanned by the same XML parser.

use std::io::{BufReader, Cursor, Read};

use zip::ZipArchive;

use super::{ContainerError, Format, ods, xlsx};
use crate::workbook::limits::{
    Exceeded, MAX_PART_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, MAX_WHOLE_PART_BYTES,
};

/// Every central-directory entry begins with these bytes, so their number bounds the entries the
/// zip reader could decode, whatever the end record claims. Counted before the zip reader builds
/// its index of entries, which costs a few hundred bytes each.
const CENTRAL_ENTRY_SIGNATURE: &[u8; 4] = b"PK\x01\x02";

/// What an .ods package's `mimetype` part holds.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

pub(super) fn check(bytes: &[u8]) -> Result<Format, ContainerError> {
    let parts = bytes
        .windows(CENTRAL_ENTRY_SIGNATURE.len())
        .filter(|w| w == CENTRAL_ENTRY_SIGNATURE)
        .count() as u64;
    if parts > MAX_PARTS {
        return Err(Exceeded::Parts { parts }.into());
    }
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        // A zip package cut short (an unfinished download, a full disk).
        Err(e) if bytes.starts_with(b"PK") => return Err(ContainerError::Damaged(e.to_string())),
        Err(_) => return Err(ContainerError::NotAWorkbook),
    };
    let names: Vec<String> = (0..archive.len())
        .filter_map(|i| Some(archive.by_index_data(i).ok()?.name().ok()?.into_owned()))
        .collect();
    let format = format(&mut archive, &names)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else {
            continue;
        };
        let part = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let size = entry.size();
        let limit = if read_whole(format, &part) {
            MAX_WHOLE_PART_BYTES
        } else {
            MAX_PART_BYTES
        };
        if size > limit {
            return Err(Exceeded::Part { part, size, limit }.into());
        }
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(Exceeded::Unpacked { size: total }.into());
        }
    }
    for (index, name) in names.iter().enumerate() {
        let scan: xlsx::Scan = match format {
            Format::Ods if name == "content.xml" => ods::check_content,
            Format::Xlsx => match xlsx::scan_for(name) {
                Some(scan) => scan,
                None => continue,
            },
            _ => continue,
        };
        // A part that cannot be inflated is left to calamine, which reports it if it needs it.
        if let Ok(part) = archive.by_index(index) {
            scan(&mut BufReader::new(part))?;
        }
    }
    Ok(format)
}

/// Tells an .ods package (by its `mimetype` part, as calamine does) from an .xlsx one, and
/// refuses an .xlsb.
fn format(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    names: &[String],
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
    let ends_with = |suffix: &str| {
        names
            .iter()
            .any(|n| n.to_ascii_lowercase().ends_with(suffix))
    };
    if ends_with("workbook.bin") && !ends_with("workbook.xml") {
        return Err(ContainerError::Xlsb);
    }
    Ok(Format::Xlsx)
}

/// Parts calamine reads whole as the workbook opens, which have the lower limit.
fn read_whole(format: Format, part: &str) -> bool {
    let part = part.to_ascii_lowercase();
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

//! Reading XML parts as calamine does (same parser, same settings, same attribute splitting), so
//! that what the checks count is what calamine will build.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::BytesStart;

/// A reader configured like calamine's for .xlsx and .ods parts.
pub(super) fn reader(part: &mut dyn BufRead) -> Reader<&mut dyn BufRead> {
    let mut reader = Reader::from_reader(part);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// An element's attributes as (name, raw value), split the way calamine splits them; stops at
/// the first malformed one (where calamine gives up on the element).
pub(super) fn attributes<'a>(
    element: &'a BytesStart<'_>,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    let raw = element.attributes_raw();
    let bytes = raw.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let key_start = pos;
        while pos < bytes.len() && bytes[pos] != b'=' {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key = raw[key_start..pos].trim_ascii_end();
        pos += 1;
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let quote = *bytes.get(pos).filter(|q| **q == b'"' || **q == b'\'')?;
        pos += 1;
        let value_start = pos;
        while pos < bytes.len() && bytes[pos] != quote {
            pos += 1;
        }
        let value = &raw[value_start..pos];
        pos = (pos + 1).min(bytes.len());
        Some((key, value))
    })
}

/// The value of the first attribute named `name`, as calamine looks it up.
pub(super) fn attribute<'a>(element: &'a BytesStart<'_>, name: &str) -> Option<&'a str> {
    attributes(element)
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Characters of a text (an upper bound for escaped text, where `&amp;` is one character).
pub(super) fn chars(text: &str) -> u64 {
    text.chars().count() as u64
}

/// Bytes an entity or character reference (`&amp;`, `&#x1F600;`) stands for, at most.
pub(super) const REFERENCE_BYTES: u64 = 4;

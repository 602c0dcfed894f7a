//! Checking a workbook's container before the spreadsheet library opens it.
//!
//! calamine lays out memory from what a file declares: an .xls or .ods file's every sheet as a
//! full grid while it opens, an .xlsx file's shared strings and styles whole. A file of a few KB
//! can declare gigabytes. So the bytes are checked first, cheaply, against the limits of
//! [`limits`](super::limits): the size of the file, the parts of a zip package and what they
//! unpack to (from the central directory: the zip reader refuses to inflate a part past its
//! declared size, so declared sizes bound what is inflated), and, for what calamine reads whole
//! or lays out eagerly, the sheets' areas and texts, found by the same parsers without building
//! anything. The format is told from the content, not the file name, so that the file checked is
//! the file read.

mod ods;
mod package;
mod xls;
mod xlsx;
mod xml;

use std::path::Path;

use super::limits::{Exceeded, MAX_FILE_BYTES};
use crate::msg;
use crate::problem::{Location, Problem};

/// A workbook format that passed its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}

/// Why a workbook is refused before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerError {
    Exceeded(Exceeded),
    /// Not a workbook at all: what it looks like instead.
    NotAWorkbook(Lookalike),
    Xlsb,
    /// The technical detail of what is broken.
    Damaged(String),
}

impl From<Exceeded> for ContainerError {
    fn from(exceeded: Exceeded) -> Self {
        ContainerError::Exceeded(exceeded)
    }
}

/// What a file that is not a workbook looks like, to say so in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookalike {
    Empty,
    /// A web page saved with a workbook's name (some old systems export "Excel" files so).
    Html,
    /// Text: a CSV or a list saved with a workbook's name.
    Text,
    Pdf,
    /// A Word document (.docx) or a presentation given a workbook's name.
    Document,
    /// Anything else.
    Unknown,
}

impl Lookalike {
    fn of(bytes: &[u8]) -> Lookalike {
        let start: Vec<u8> = bytes
            .iter()
            .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
            .take(512)
            .map(u8::to_ascii_lowercase)
            .collect();
        if bytes.is_empty() {
            Lookalike::Empty
        } else if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
            Lookalike::Html
        } else if start.starts_with(b"%pdf") {
            Lookalike::Pdf
        } else if std::str::from_utf8(&bytes[..bytes.len().min(4096)])
            .is_ok_and(|text| !text.contains('\0'))
        {
            Lookalike::Text
        } else {
            Lookalike::Unknown
        }
    }
}

impl ContainerError {
    pub fn problem(&self, path: &Path) -> Problem {
        let at = Location::file(path);
        match self {
            ContainerError::Exceeded(exceeded) => exceeded.problem(path),
            ContainerError::NotAWorkbook(lookalike) => Problem::new(
                at,
                match lookalike {
                    Lookalike::Empty => msg!("workbook-empty"),
                    Lookalike::Html => msg!("workbook-html"),
                    Lookalike::Text => msg!("workbook-text"),
                    Lookalike::Pdf => msg!("workbook-pdf"),
                    Lookalike::Document => msg!("workbook-document"),
                    Lookalike::Unknown => msg!("workbook-unknown"),
                },
            ),
            ContainerError::Xlsb => Problem::new(at, msg!("workbook-xlsb")),
            ContainerError::Damaged(detail) => {
                Problem::new(at, msg!("workbook-damaged")).with_detail(detail.clone())
            }
        }
    }
}

/// An OLE compound file (.xls) begins with these bytes.
const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks a workbook's bytes against the limits and tells its format.
pub fn check(bytes: &[u8]) -> Result<Format, ContainerError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(Exceeded::File { size }.into());
    }
    if bytes.starts_with(&CFB_SIGNATURE) {
        return xls::check(bytes);
    }
    if !bytes.starts_with(b"PK") {
        return Err(ContainerError::NotAWorkbook(Lookalike::of(bytes)));
    }
    package::check(bytes)
}

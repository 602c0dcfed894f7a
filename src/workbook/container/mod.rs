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
use crate::problem::{Location, Problem};

/// A workbook format that passed its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}

/// Why a workbook is refused before it is opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContainerError {
    #[error(transparent)]
    Exceeded(#[from] Exceeded),
    #[error(
        "cannot be read as a workbook (.xlsx, .xls or .ods): it is neither a zip package nor an OLE compound file"
    )]
    NotAWorkbook,
    #[error(
        "an Excel binary workbook (.xlsb), which parindex does not read; open it in Excel and save it as .xlsx"
    )]
    Xlsb,
    #[error(
        "the file is damaged and cannot be read ({0}); open it in a spreadsheet program and save it again"
    )]
    Damaged(String),
}

impl ContainerError {
    pub fn problem(&self, path: &Path) -> Problem {
        match self {
            ContainerError::Exceeded(exceeded) => exceeded.problem(path),
            _ => Problem::new(Location::file(path), self.to_string()),
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
    package::check(bytes)
}

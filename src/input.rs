//! Reading the files the user names: only regular files, and never more than a limit.
//!
//! A named pipe would block the run until something writes to it, and a device such as
//! `/dev/zero` never ends; a file of gigabytes would be read whole into memory before anything
//! could look at it. So every input is checked before it is opened (following links), opened
//! without waiting (a path swapped for a pipe in between cannot block), checked again as opened,
//! and read no further than its limit (a file can grow meanwhile, and some report no size).

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::t;

/// One mebibyte.
pub const MIB: u64 = 1024 * 1024;

/// A criteria file: a province's framework is tens of KB.
pub const MAX_CRITERIA_BYTES: u64 = 4 * MIB;
/// A `compare` mapping file: a few lines per renamed unit.
pub const MAX_MAPPING_BYTES: u64 = 4 * MIB;
/// A results file (CSV or JSON from `score`): a few KB per unit.
pub const MAX_RESULTS_BYTES: u64 = 64 * MIB;
/// A run manifest: a path and a hash per input.
pub const MAX_MANIFEST_BYTES: u64 = 64 * MIB;
/// A decision file: a dozen lines.
pub const MAX_DECISION_BYTES: u64 = MIB;
/// A roster as CSV: a line per unit (a roster workbook has the workbook limits).
pub const MAX_ROSTER_BYTES: u64 = 4 * MIB;
/// External points as CSV: a line per unit and criterion.
pub const MAX_EXTERNAL_BYTES: u64 = 16 * MIB;

/// Why an input was not read. Carried inside an [`io::Error`], so that every caller's existing
/// "cannot read … file X: {error}" message names the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{}", t!("input-not-regular", kind = .0.to_string()))]
    NotRegular(FileKind),
    #[error("{}", t!("input-too-large", size = Size(*size).to_string(), limit = Size(*limit).to_string(), what = what.to_string()))]
    TooLarge {
        /// What was seen: the size, or the limit plus one when the file outgrew it while read.
        size: u64,
        limit: u64,
        what: InputKind,
    },
}

/// The kind of file being read, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Workbook,
    Criteria,
    Results,
    Mapping,
    Manifest,
    Decision,
    Roster,
    External,
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            InputKind::Workbook => t!("input-kind-workbook"),
            InputKind::Criteria => t!("input-kind-criteria"),
            InputKind::Results => t!("input-kind-results"),
            InputKind::Mapping => t!("input-kind-mapping"),
            InputKind::Manifest => t!("input-kind-manifest"),
            InputKind::Decision => t!("input-kind-decision"),
            InputKind::Roster => t!("input-kind-roster"),
            InputKind::External => t!("input-kind-external"),
        })
    }
}

impl From<InputError> for io::Error {
    fn from(error: InputError) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    NamedPipe,
    Device,
    Socket,
    Other,
}

impl FileKind {
    /// The kind of a non-regular file (`None` for a regular one).
    pub fn of(metadata: &Metadata) -> Option<FileKind> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(FileKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(FileKind::NamedPipe);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(FileKind::Device);
            }
            if kind.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Other)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            FileKind::Folder => t!("file-kind-folder"),
            FileKind::NamedPipe => t!("file-kind-pipe"),
            FileKind::Device => t!("file-kind-device"),
            FileKind::Socket => t!("file-kind-socket"),
            FileKind::Other => t!("file-kind-other"),
        })
    }
}

/// A byte count as people read it: "512 byte", "26.5 KiB", "64 MiB", "1.9 GiB".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
        let bytes = self.0;
        match UNITS.iter().find(|(unit, _)| bytes >= *unit) {
            None => write!(f, "{bytes} B"),
            Some((unit, name)) if bytes.is_multiple_of(*unit) => {
                write!(f, "{} {name}", bytes / unit)
            }
            Some((unit, name)) => write!(f, "{:.1} {name}", bytes as f64 / *unit as f64),
        }
    }
}

/// Opens a regular file for reading, refusing anything else and anything above `limit` bytes.
pub fn open_regular(path: &Path, limit: u64, what: InputKind) -> io::Result<File> {
    check_regular(&std::fs::metadata(path)?, limit, what)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    check_regular(&file.metadata()?, limit, what)?;
    Ok(file)
}

fn check_regular(metadata: &Metadata, limit: u64, what: InputKind) -> Result<(), InputError> {
    if let Some(kind) = FileKind::of(metadata) {
        return Err(InputError::NotRegular(kind));
    }
    if metadata.len() > limit {
        let size = metadata.len();
        return Err(InputError::TooLarge { size, limit, what });
    }
    Ok(())
}

/// The bytes of a regular file of at most `limit` bytes; `what` names the kind of file in
/// messages ("a workbook").
pub fn read_bytes(path: &Path, limit: u64, what: InputKind) -> io::Result<Vec<u8>> {
    let file = open_regular(path, limit, what)?;
    let expected = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = limit + 1;
        return Err(InputError::TooLarge { size, limit, what }.into());
    }
    Ok(bytes)
}

/// The text of a regular UTF-8 file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64, what: InputKind) -> io::Result<String> {
    String::from_utf8(read_bytes(path, limit, what)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, t!("input-not-utf8")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_print_in_binary_units() {
        assert_eq!(Size(512).to_string(), "512 B");
        assert_eq!(Size(26 * 1024 + 512).to_string(), "26.5 KiB");
        assert_eq!(Size(64 * MIB).to_string(), "64 MiB");
        assert_eq!(Size(2_000_000_000).to_string(), "1.9 GiB");
    }

    #[test]
    fn a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_bytes(dir.path(), 10, InputKind::Criteria).unwrap_err();
        assert_eq!(error.to_string(), "không phải tệp thường mà là một thư mục");
    }

    #[test]
    fn a_file_above_its_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, [b'#'; 2048]).unwrap();
        let error = read_text(&path, 1024, InputKind::Criteria).unwrap_err();
        assert_eq!(
            error.to_string(),
            "tệp dài 2 KiB, quá giới hạn 1 KiB của một tệp bộ tiêu chí"
        );
        assert_eq!(
            read_text(&path, 2048, InputKind::Criteria).unwrap().len(),
            2048
        );
    }
}

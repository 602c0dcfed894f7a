//! The run manifest: what a published result was computed from, so that anyone can check later
//! that the same inputs still give the same bytes (`parindex verify`).
//!
//! It records the tool and its version, the time, the working folder, the command with its
//! options, every input file (criteria files with their id, workbooks, results and mapping files,
//! decision and roster files) with its SHA-256, and the output's SHA-256. Paths are recorded as given, relative to the
//! working folder, because they are part of the output (the JSON names each unit's file).

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::batch::BatchReport;
use crate::framework::Framework;
use crate::i18n::io_reason;
use crate::options::RunOptions;
use crate::t;

/// Environment variable that fixes the recorded time (RFC 3339), for reproducible test outputs.
pub const FIXED_TIME_VARIABLE: &str = "PARINDEX_FIXED_TIME";

/// Why a manifest could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{}", t!("manifest-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io { path: PathBuf, cause: io::Error },
    #[error("{}", t!("manifest-invalid", path = path.display().to_string(), message = message))]
    Invalid { path: PathBuf, message: String },
}

/// A file and the SHA-256 of its bytes; `None` when it could not be read (a missing path that
/// `--keep-going` reported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashedFile {
    pub path: PathBuf,
    pub sha256: Option<String>,
}

impl HashedFile {
    pub fn of(path: &Path) -> HashedFile {
        HashedFile {
            path: path.to_path_buf(),
            sha256: sha256_of_file(path).ok(),
        }
    }

    /// Every file hashed, in parallel (thousands of workbooks at national scale), kept in order.
    pub fn all(paths: &[PathBuf]) -> Vec<HashedFile> {
        paths.par_iter().map(|path| HashedFile::of(path)).collect()
    }
}

/// A criteria file with the workbooks scored against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoredInputs {
    pub criteria: HashedFile,
    pub framework_id: String,
    /// The workbooks and folders as given, so a re-run reads a folder again (and `verify` sees a
    /// workbook added to it). Absent in manifests of parindex 0.1.0, whose re-runs read
    /// `workbooks`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<PathBuf>,
    /// Every path read, in the order read (files of the given folders, expanded).
    pub workbooks: Vec<HashedFile>,
    /// The decision printed on the annex (`--decision`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<HashedFile>,
    /// The units expected to submit (`--roster`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<HashedFile>,
    /// The points of external components (`--external`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<HashedFile>,
}

impl ScoredInputs {
    /// The criteria file, the paths given, and every workbook of a batch scored against it,
    /// hashed.
    pub fn of(
        criteria: &Path,
        framework: &Framework,
        paths: &[PathBuf],
        batch: &BatchReport,
    ) -> ScoredInputs {
        ScoredInputs {
            criteria: HashedFile::of(criteria),
            framework_id: framework.id.clone(),
            paths: paths.to_vec(),
            workbooks: HashedFile::all(&batch.inputs),
            decision: None,
            roster: None,
            external: None,
        }
    }

    /// The paths to read again: as given, or for an older manifest every workbook read.
    pub fn rerun_paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            self.workbooks.iter().map(|w| w.path.clone()).collect()
        } else {
            self.paths.clone()
        }
    }
}

/// One year of a comparison: a results file, or workbooks scored on the fly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
// Two of these per comparison: boxing the larger would save nothing worth the noise.
#[allow(clippy::large_enum_variant)]
pub enum YearInputs {
    Results { file: HashedFile },
    Scored(ScoredInputs),
}

/// The command that produced the output, with its inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "lowercase")]
// One per run: the size of its largest variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum RunInputs {
    Score(ScoredInputs),
    Compare {
        previous: YearInputs,
        current: YearInputs,
        mapping: Option<HashedFile>,
    },
}

impl RunInputs {
    /// Every input file, for re-hashing.
    pub fn files(&self) -> Vec<&HashedFile> {
        fn scored(inputs: &ScoredInputs) -> Vec<&HashedFile> {
            std::iter::once(&inputs.criteria)
                .chain(&inputs.workbooks)
                .chain(&inputs.decision)
                .chain(&inputs.roster)
                .chain(&inputs.external)
                .collect()
        }
        fn year(inputs: &YearInputs) -> Vec<&HashedFile> {
            match inputs {
                YearInputs::Results { file } => vec![file],
                YearInputs::Scored(s) => scored(s),
            }
        }
        match self {
            RunInputs::Score(s) => scored(s),
            RunInputs::Compare {
                previous,
                current,
                mapping,
            } => year(previous)
                .into_iter()
                .chain(year(current))
                .chain(mapping)
                .collect(),
        }
    }
}

/// The manifest of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    /// UTC, RFC 3339.
    pub created: String,
    /// The folder the paths are relative to.
    pub working_folder: PathBuf,
    pub run: RunInputs,
    pub options: RunOptions,
    /// The output file; absent in the copy inside the output itself (an XLSX sheet).
    pub output: Option<HashedFile>,
}

impl Manifest {
    /// A manifest of a run made now (or at the fixed time), in the current folder.
    pub fn new(run: RunInputs, options: RunOptions, created: String) -> io::Result<Manifest> {
        Ok(Manifest {
            tool: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            created,
            working_folder: std::env::current_dir()?,
            run,
            options,
            output: None,
        })
    }

    pub fn read(path: &Path) -> Result<Manifest, ManifestError> {
        let text = crate::input::read_text(
            path,
            crate::input::MAX_MANIFEST_BYTES,
            crate::input::InputKind::Manifest,
        )
        .map_err(|source| ManifestError::Io {
            path: path.to_path_buf(),
            cause: source,
        })?;
        serde_json::from_str(&text).map_err(|e| ManifestError::Invalid {
            path: path.to_path_buf(),
            message: t!("manifest-not-a-manifest", detail = e.to_string()),
        })
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a manifest serialises");
        text.push('\n');
        text
    }
}

/// The sidecar manifest of an output file: "ket-qua.xlsx" → "ket-qua.xlsx.manifest.json".
pub fn sidecar_path(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(".manifest.json");
    PathBuf::from(name)
}

/// Lowercase hexadecimal SHA-256 of some bytes.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of a regular file, read as a stream (a named pipe or a device is not read).
pub fn sha256_of_file(path: &Path) -> io::Result<String> {
    let mut file = crate::input::open_regular(path, u64::MAX, crate::input::InputKind::Workbook)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match file.read(&mut buffer)? {
            0 => return Ok(hex(&hasher.finalize())),
            n => hasher.update(&buffer[..n]),
        }
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The time to record: the fixed time from the environment when set, else now (UTC, RFC 3339).
pub fn run_time() -> String {
    match std::env::var(FIXED_TIME_VARIABLE) {
        Ok(fixed) if !fixed.is_empty() => fixed,
        _ => {
            let seconds = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            rfc3339(seconds)
        }
    }
}

/// Seconds since 1970 as "2026-11-23T08:05:09Z" (proleptic Gregorian, UTC).
fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let time = seconds % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_in_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_421_109), "2026-11-23T08:05:09Z");
    }

    #[test]
    fn sha256_of_nothing_is_the_known_digest() {
        assert_eq!(
            sha256(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn sidecar_keeps_the_output_name() {
        assert_eq!(
            sidecar_path(Path::new("out/ket-qua.xlsx")),
            Path::new("out/ket-qua.xlsx.manifest.json")
        );
    }
}

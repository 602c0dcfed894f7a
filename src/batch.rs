//! Scoring a batch of unit workbooks: expand folders, read and score each file, and check what
//! only shows across files (duplicate unit codes).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::framework::Framework;
use crate::input::{FileKind, InputError};
use crate::problem::{Location, Problem};
use crate::score::{BasisChoice, UnitScore, score_unit};
use crate::text::unit_key;
use crate::workbook::{Checks, read_unit_checked};

/// Extensions read from folders (compared case-insensitively).
pub const WORKBOOK_EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// A file that could not be scored, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub file: PathBuf,
    pub problems: Vec<Problem>,
}

/// The outcome of scoring a batch: the units scored, and what became of every input.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub scored: Vec<UnitScore>,
    pub report: BatchReport,
}

/// What became of a batch's inputs besides the units scored: excluded and skipped files,
/// warnings, and every path tried.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    pub excluded: Vec<Excluded>,
    /// Files in the given folders that were not read, with the reason (shown to the user).
    pub skipped: Vec<(PathBuf, &'static str)>,
    /// Warnings from every file, scored or excluded, in input order.
    pub warnings: Vec<Problem>,
    /// Every path read or tried, in input order: the run's inputs, as its manifest records them.
    pub inputs: Vec<PathBuf>,
}

/// Reports how reading a batch advances. The command line shows a bar; the library, tests and
/// benches show nothing ([`Quiet`]).
pub trait Progress: Sync {
    /// Reading starts, with this many workbooks to read.
    fn start(&self, files: usize);
    /// One more workbook read and scored.
    fn advance(&self);
    /// Every workbook read.
    fn finish(&self);
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _files: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// Expands folders into their workbooks (not recursively, sorted by name); files are kept as
/// given. Paths that do not exist or are not files (a named pipe would block the run, a device
/// never ends) become excluded entries, so they are reported with the rest; in a folder, such
/// entries are skipped with a note. A file reached twice (named twice, or named and in a named folder) is read once. Returns the
/// workbooks to read; `report.inputs` gets every path tried, in order.
pub fn collect_inputs(paths: &[PathBuf], report: &mut BatchReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut first_time =
        |file: &Path| seen.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.into()));
    for path in paths {
        if path.is_dir() && !has_workbook_extension(path) {
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(e) => {
                    report.inputs.push(path.clone());
                    report
                        .excluded
                        .push(excluded(path, format!("cannot list the folder: {e}")));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> =
                entries.filter_map(Result::ok).map(|e| e.path()).collect();
            found.sort();
            for file in found {
                match skip_reason(&file) {
                    Some(reason) => report.skipped.push((file, reason)),
                    None if first_time(&file) => {
                        report.inputs.push(file.clone());
                        files.push(file);
                    }
                    None => report.skipped.push((file, ALREADY_GIVEN)),
                }
            }
        } else if let Some(message) = not_a_file(path) {
            report.inputs.push(path.clone());
            report.excluded.push(excluded(path, message));
        } else if path.exists() {
            if first_time(path) {
                report.inputs.push(path.clone());
                files.push(path.clone());
            } else {
                report.skipped.push((path.clone(), ALREADY_GIVEN));
            }
        } else {
            report.inputs.push(path.clone());
            report
                .excluded
                .push(excluded(path, "no such file or folder".to_string()));
        }
    }
    files
}

const ALREADY_GIVEN: &str = "already given (each file is read once)";

/// Why an existing path given by name is not read as a workbook, if it is not.
fn not_a_file(path: &Path) -> Option<String> {
    // Following links: a link to a workbook is a workbook.
    match FileKind::of(&std::fs::metadata(path).ok()?)? {
        FileKind::Folder => Some("a folder named like a workbook, not a workbook file".to_string()),
        kind => Some(InputError::NotRegular(kind).to_string()),
    }
}

fn skip_reason(file: &Path) -> Option<&'static str> {
    // What the entry is comes first: a sub-folder, or something that is not a file.
    let kind = match std::fs::metadata(file) {
        Ok(metadata) => FileKind::of(&metadata),
        Err(_) => return Some("cannot be read (a broken link?)"),
    };
    match kind {
        None => {}
        Some(FileKind::Folder) => return Some("a folder (folders inside a folder are not read)"),
        Some(FileKind::NamedPipe) => return Some("not a regular file (a named pipe)"),
        Some(FileKind::Device) => return Some("not a regular file (a device)"),
        Some(FileKind::Socket | FileKind::Other) => return Some("not a regular file"),
    }
    let name = file.file_name()?.to_string_lossy();
    if name.starts_with("~$") || name.starts_with(".~lock.") {
        return Some("a spreadsheet program's lock file");
    }
    if has_workbook_extension(file) {
        None
    } else {
        Some("not a workbook (.xlsx, .xlsm, .xls, .ods)")
    }
}

fn has_workbook_extension(path: &Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    extension.is_some_and(|ext| WORKBOOK_EXTENSIONS.contains(&ext.as_str()))
}

fn excluded(file: &Path, message: String) -> Excluded {
    Excluded {
        file: file.to_path_buf(),
        problems: vec![Problem::new(Location::file(file), message)],
    }
}

/// Reads and scores every input, then excludes units whose code appears in more than one file.
///
/// Files are read and scored in parallel (rayon's global pool, so `RAYON_NUM_THREADS` applies);
/// each worker drops a workbook's cells as soon as its unit is scored, so memory holds one
/// workbook per thread plus the small `UnitScore`s. Results and warnings keep the input order
/// whatever the thread count.
pub fn score_all(
    framework: &Framework,
    paths: &[PathBuf],
    basis: BasisChoice,
    checks: Checks,
    progress: &dyn Progress,
) -> Batch {
    let mut batch = Batch::default();
    let files = collect_inputs(paths, &mut batch.report);
    progress.start(files.len());
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let mut warnings = Vec::new();
            let scored = read_unit_checked(file, framework, checks).and_then(|mut unit| {
                warnings.append(&mut unit.warnings);
                score_unit(framework, &unit, basis)
            });
            progress.advance();
            (scored, warnings)
        })
        .collect();
    progress.finish();
    let report = &mut batch.report;
    for (file, (scored, mut warnings)) in files.into_iter().zip(results) {
        report.warnings.append(&mut warnings);
        match scored {
            Ok(unit) => batch.scored.push(unit),
            Err(problems) => {
                let (errors, mut warnings): (Vec<_>, Vec<_>) =
                    problems.into_iter().partition(Problem::is_error);
                report.warnings.append(&mut warnings);
                report.excluded.push(Excluded {
                    file,
                    problems: errors,
                });
            }
        }
    }
    exclude_duplicate_codes(&mut batch);
    batch
}

/// Two files claiming one unit code (whatever its case) cannot both be right, and picking one
/// would be a guess.
fn exclude_duplicate_codes(batch: &mut Batch) {
    let mut by_code: BTreeMap<String, Vec<&Path>> = BTreeMap::new();
    for unit in &batch.scored {
        by_code
            .entry(unit_key(&unit.unit_code))
            .or_default()
            .push(&unit.file);
    }
    let duplicated: BTreeMap<String, Vec<PathBuf>> = by_code
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(key, files)| (key, files.into_iter().map(Path::to_path_buf).collect()))
        .collect();
    if duplicated.is_empty() {
        return;
    }
    let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut batch.scored)
        .into_iter()
        .partition(|unit| !duplicated.contains_key(&unit_key(&unit.unit_code)));
    batch.scored = kept;
    for unit in dropped {
        let others: Vec<String> = duplicated[&unit_key(&unit.unit_code)]
            .iter()
            .filter(|f| **f != unit.file)
            .map(|f| f.display().to_string())
            .collect();
        batch.report.excluded.push(Excluded {
            problems: vec![Problem::new(
                Location::file(&unit.file),
                format!(
                    "unit code \"{}\" is also used by {}; each unit must have its own code",
                    unit.unit_code,
                    others.join(", ")
                ),
            )],
            file: unit.file,
        });
    }
}

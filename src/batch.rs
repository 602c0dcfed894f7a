//! Scoring a batch of unit workbooks: expand folders, read and score each file, and check what
//! only shows across files (duplicate unit codes).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::framework::Framework;
use crate::i18n::{Message, io_reason};
use crate::input::FileKind;
use crate::problem::{Location, Problem};
use crate::score::{BasisChoice, ExternalSupply, UnitScore, score_unit};
use crate::text::unit_key;
use crate::workbook::{UnitAssessment, read_unit};
use crate::{msg, t};

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
    /// The forms of the units scored, by file, when asked to keep them (per-unit result
    /// sheets show every cell); otherwise each is dropped once scored.
    pub forms: HashMap<PathBuf, UnitAssessment>,
}

/// What became of a batch's inputs besides the units scored: excluded and skipped files,
/// warnings, and every path tried.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    pub excluded: Vec<Excluded>,
    /// Files in the given folders that were not read, with the reason (shown to the user).
    pub skipped: Vec<(PathBuf, Skip)>,
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
                    report.excluded.push(excluded(
                        path,
                        msg!("input-cannot-list", reason = io_reason(&e)),
                    ));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> =
                entries.filter_map(Result::ok).map(|e| e.path()).collect();
            found.sort();
            let mut workbooks = 0;
            for file in found {
                match skip_reason(&file) {
                    Some(reason) => report.skipped.push((file, reason)),
                    None if first_time(&file) => {
                        workbooks += 1;
                        report.inputs.push(file.clone());
                        files.push(file);
                    }
                    None => report.skipped.push((file, Skip::AlreadyGiven)),
                }
            }
            if workbooks == 0 {
                let with_workbooks = sub_folders_with_workbooks(path);
                report
                    .skipped
                    .push((path.clone(), Skip::NoWorkbooks { with_workbooks }));
            }
        } else if let Some(message) = not_a_file(path) {
            report.inputs.push(path.clone());
            report.excluded.push(excluded(path, message));
        } else if path.exists() {
            if first_time(path) {
                report.inputs.push(path.clone());
                files.push(path.clone());
            } else {
                report.skipped.push((path.clone(), Skip::AlreadyGiven));
            }
        } else {
            report.inputs.push(path.clone());
            report.excluded.push(excluded(path, msg!("input-missing")));
        }
    }
    files
}

/// Why a path was not read: shown to the user as a note, never silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Named twice, or named and in a named folder: read once.
    AlreadyGiven,
    /// A link that leads nowhere.
    Broken,
    /// A folder inside a given folder (folders are not read recursively).
    SubFolder,
    /// Not a regular file (a pipe, a device).
    NotRegular(FileKind),
    LockFile,
    NotAWorkbook,
    /// A given folder with no workbook in it; the sub-folders that have some, if any.
    NoWorkbooks {
        with_workbooks: Vec<PathBuf>,
    },
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Skip::AlreadyGiven => t!("skip-already-given"),
            Skip::Broken => t!("skip-broken"),
            Skip::SubFolder => t!("skip-sub-folder"),
            Skip::NotRegular(kind) => t!("skip-not-regular", kind = kind.to_string()),
            Skip::LockFile => t!("skip-lock-file"),
            Skip::NotAWorkbook => t!("skip-not-a-workbook"),
            Skip::NoWorkbooks { with_workbooks } if with_workbooks.is_empty() => {
                t!("skip-no-workbooks")
            }
            Skip::NoWorkbooks { with_workbooks } => t!(
                "skip-no-workbooks-but-sub-folders",
                folders = with_workbooks
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        };
        f.write_str(&text)
    }
}

/// The folders directly inside `folder` that hold workbooks, for the note on a folder that
/// holds none itself (the units' forms were put one folder deeper).
fn sub_folders_with_workbooks(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|sub| {
            std::fs::read_dir(sub).is_ok_and(|mut inside| {
                inside.any(|e| e.is_ok_and(|e| skip_reason(&e.path()).is_none()))
            })
        })
        .collect();
    found.sort();
    found
}

/// Why an existing path given by name is not read as a workbook, if it is not.
fn not_a_file(path: &Path) -> Option<Message> {
    // Following links: a link to a workbook is a workbook.
    match FileKind::of(&std::fs::metadata(path).ok()?)? {
        FileKind::Folder => Some(msg!("input-folder-named-like-a-workbook")),
        kind => Some(msg!("input-not-regular", kind = kind.to_string())),
    }
}

fn skip_reason(file: &Path) -> Option<Skip> {
    // What the entry is comes first: a sub-folder, or something that is not a file.
    let kind = match std::fs::metadata(file) {
        Ok(metadata) => FileKind::of(&metadata),
        Err(_) => return Some(Skip::Broken),
    };
    match kind {
        None => {}
        Some(FileKind::Folder) => return Some(Skip::SubFolder),
        Some(kind) => return Some(Skip::NotRegular(kind)),
    }
    let name = file.file_name()?.to_string_lossy();
    if name.starts_with("~$") || name.starts_with(".~lock.") {
        return Some(Skip::LockFile);
    }
    if has_workbook_extension(file) {
        None
    } else {
        Some(Skip::NotAWorkbook)
    }
}

fn has_workbook_extension(path: &Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    extension.is_some_and(|ext| WORKBOOK_EXTENSIONS.contains(&ext.as_str()))
}

fn excluded(file: &Path, message: Message) -> Excluded {
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
    external: ExternalSupply,
    keep_forms: bool,
    progress: &dyn Progress,
) -> Batch {
    let mut batch = Batch::default();
    let files = collect_inputs(paths, &mut batch.report);
    progress.start(files.len());
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let mut warnings = Vec::new();
            let mut form = None;
            let scored = read_unit(file, framework).and_then(|mut unit| {
                warnings.append(&mut unit.warnings);
                let scored = score_unit(framework, &unit, basis, external);
                form = keep_forms.then_some(unit);
                scored
            });
            progress.advance();
            (scored, warnings, form)
        })
        .collect();
    progress.finish();
    let report = &mut batch.report;
    for (file, (scored, mut warnings, form)) in files.into_iter().zip(results) {
        report.warnings.append(&mut warnings);
        match scored {
            Ok(unit) => {
                if let Some(form) = form {
                    batch.forms.insert(file, form);
                }
                batch.scored.push(unit);
            }
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

/// How many of the other files claiming a unit's code its error names; the rest are counted.
const DUPLICATES_NAMED: usize = 3;

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
        let others: Vec<&PathBuf> = duplicated[&unit_key(&unit.unit_code)]
            .iter()
            .filter(|f| **f != unit.file)
            .collect();
        // A folder of copies of one file would otherwise list every copy under every copy.
        let named: Vec<String> = others
            .iter()
            .take(DUPLICATES_NAMED)
            .map(|f| f.display().to_string())
            .collect();
        batch.report.excluded.push(Excluded {
            problems: vec![Problem::new(
                Location::file(&unit.file),
                msg!(
                    "unit-code-duplicate",
                    code = &unit.unit_code,
                    others = named.join(", "),
                    more = others.len() - named.len()
                ),
            )],
            file: unit.file,
        });
    }
}

//! Writing results where they go: standard output, or a file published together with the run's
//! manifest beside it (`FILE.manifest.json`).
//!
//! **Never onto an input.** [`check_target`] refuses an output (or its manifest) that is one of
//! the run's inputs — the same file after symbolic links, `..` and hard links — and anything but
//! a regular file: a folder, a symbolic link, a named pipe, a socket or a device (so
//! `-o /dev/stdout` never replaces the system's link with a file).
//!
//! **One publication.** The result and its manifest are staged as temporary files in the target
//! folder (`.ket-qua.xlsx.parindex-PID-RANDOM.tmp`, written and flushed to disk), then moved into
//! place by two renames, the result first. Until the manifest is in place the previous result
//! stays reachable under a temporary name (a hard link, or a copy where the file system has
//! none); if moving the manifest fails, it is put back, so a failed publication leaves the
//! previous pair as it was.
//!
//! A process killed between any two steps leaves the previous pair, or the new pair, or — between
//! the two renames — the new result beside the previous manifest. `verify` never accepts that
//! last pair: the manifest records the SHA-256 of the result it was written with, and the new
//! result has other bytes (were they the same, the pair would not be mismatched). A result with
//! no manifest beside it has nothing to verify. Leftover temporary files are removed by the next
//! publication into that folder. Each is locked while its run is in progress and the lock goes
//! with the process (even one killed), so a file that can be locked is a leftover, and the
//! temporary files of a run still in progress are left alone.
//!
//! New files get the mode a program's new files get (0666 less the umask); a replaced file keeps
//! its mode.

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::{Builder, NamedTempFile, TempPath};

use crate::i18n::io_reason;
use crate::manifest::{HashedFile, Manifest, sha256, sidecar_path};
use crate::t;

/// Why a result could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{}", t!("publish-input", path = path.display().to_string(), input = input.display().to_string()))]
    Input { path: PathBuf, input: PathBuf },
    #[error("{}", t!("publish-not-a-file", path = path.display().to_string(), kind = kind.to_string()))]
    NotAFile { path: PathBuf, kind: NotAFile },
    #[error("{}", t!("publish-busy", path = path.display().to_string()))]
    Busy { path: PathBuf },
    #[error("{}", t!("publish-cannot-write", path = path.display().to_string(), reason = io_reason(cause)))]
    File { path: PathBuf, cause: io::Error },
    /// Moving the manifest into place failed, and so did putting the previous result back.
    #[error("{}", t!("publish-restore", manifest = manifest.display().to_string(), reason = io_reason(cause), result = result.display().to_string(), restore = io_reason(restore), backup = backup.display().to_string()))]
    Restore {
        manifest: PathBuf,
        cause: io::Error,
        result: PathBuf,
        restore: io::Error,
        backup: PathBuf,
    },
    /// Moving the manifest into place failed, and so did removing the new result (there was no
    /// previous one).
    #[error("{}", t!("publish-unremoved", manifest = manifest.display().to_string(), reason = io_reason(cause), result = result.display().to_string(), remove = io_reason(remove)))]
    Unremoved {
        manifest: PathBuf,
        cause: io::Error,
        result: PathBuf,
        remove: io::Error,
    },
    #[error("{}", t!("publish-stdout", reason = io_reason(.0)))]
    Stdout(io::Error),
}

/// What stands at an output path instead of a regular file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A symbolic link, and whether it is one of the system's standard streams or devices
    /// (`/dev/stdout`, `/proc/self/fd/1`).
    Link {
        to: PathBuf,
        stream: bool,
    },
    Pipe,
    Socket,
    Device,
    Other,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            NotAFile::Folder => t!("not-a-file-folder"),
            NotAFile::Link { to, stream: true } => {
                t!("not-a-file-stream-link", to = to.display().to_string())
            }
            NotAFile::Link { to, .. } => t!("not-a-file-link", to = to.display().to_string()),
            NotAFile::Pipe => t!("not-a-file-pipe"),
            NotAFile::Socket => t!("not-a-file-socket"),
            NotAFile::Device => t!("not-a-file-device"),
            NotAFile::Other => t!("not-a-file-other"),
        };
        f.write_str(&text)
    }
}

impl NotAFile {
    /// What is at `path` if it is there and is not a regular file (links are not followed).
    /// Anything that cannot be inspected is left to the write, which reports the real error.
    fn at(path: &Path) -> Option<NotAFile> {
        let meta = fs::symlink_metadata(path).ok()?;
        let kind = meta.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(NotAFile::Folder);
        }
        if kind.is_symlink() {
            // The folders of devices and of processes' open files.
            let system = ["/dev", "/proc"];
            return Some(NotAFile::Link {
                to: fs::read_link(path).unwrap_or_default(),
                stream: fs::canonicalize(folder_of(path))
                    .is_ok_and(|folder| system.iter().any(|s| folder.starts_with(s))),
            });
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(NotAFile::Pipe);
            }
            if kind.is_socket() {
                return Some(NotAFile::Socket);
            }
            if kind.is_block_device() || kind.is_char_device() {
                return Some(NotAFile::Device);
            }
        }
        Some(NotAFile::Other)
    }
}

/// Refuses, before a run reads anything, an output `file` (and its manifest, when one is
/// written beside it) that is one of `inputs` or is not a regular file.
pub fn check_target(
    file: &Path,
    with_manifest: bool,
    inputs: &[PathBuf],
) -> Result<(), PublishError> {
    let sidecar = with_manifest.then(|| sidecar_path(file));
    for path in std::iter::once(file).chain(sidecar.as_deref()) {
        let not_a_file = NotAFile::at(path);
        // A link is refused anyway, but when it leads to an input, saying so is clearer.
        if matches!(not_a_file, None | Some(NotAFile::Link { .. }))
            && let Some(input) = same_as_any(path, inputs)
        {
            return Err(PublishError::Input {
                path: path.to_path_buf(),
                input: input.clone(),
            });
        }
        if let Some(kind) = not_a_file {
            let path = path.to_path_buf();
            return Err(PublishError::NotAFile { path, kind });
        }
    }
    Ok(())
}

/// The input that `path` is, if any: the same file (device and inode, or file index on Windows),
/// or for a path that does not exist yet, the same absolute path.
fn same_as_any<'a>(path: &Path, inputs: &'a [PathBuf]) -> Option<&'a PathBuf> {
    match fs::metadata(path) {
        // Only regular files, of the same size, are opened to compare (opening a named pipe
        // would wait for a writer).
        Ok(meta) if !meta.is_file() => None,
        Ok(meta) => inputs.iter().find(|input| {
            fs::metadata(input).is_ok_and(|m| m.is_file() && m.len() == meta.len())
                && same_file::is_same_file(path, input).unwrap_or(false)
        }),
        Err(_) => {
            let path = resolved(path);
            inputs.iter().find(|input| resolved(input) == path)
        }
    }
}

/// The absolute path without links or `..`, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(path) {
        return path;
    }
    let folder = fs::canonicalize(folder_of(path));
    match (folder, path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Writes the result to standard output, or publishes it to `file` with the manifest beside it
/// (`FILE.manifest.json`), recording the result's hash.
pub fn publish(
    file: Option<&Path>,
    bytes: &[u8],
    manifest: Option<Manifest>,
) -> Result<(), PublishError> {
    match file {
        None => write_stdout(bytes).map_err(PublishError::Stdout),
        Some(path) => publish_file(path, bytes, manifest, &mut |_| Ok(())),
    }
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The steps of a publication that change files, in order. The tests fail or kill a
/// publication just before each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    StageResult,
    StageManifest,
    KeepPrevious,
    MoveResult,
    MoveManifest,
    DropPrevious,
}

/// Publishes `bytes` to `path` with `manifest` beside it; `hook` is called before each step
/// (a test seam: the program passes one that does nothing).
fn publish_file(
    path: &Path,
    bytes: &[u8],
    manifest: Option<Manifest>,
    hook: &mut dyn FnMut(Step) -> io::Result<()>,
) -> Result<(), PublishError> {
    let manifest = manifest.map(|mut manifest| {
        manifest.output = Some(HashedFile {
            path: path.to_path_buf(),
            sha256: Some(sha256(bytes)),
        });
        (sidecar_path(path), manifest.to_json())
    });
    // Checked again as the files are written: something may have appeared since the run began.
    for target in std::iter::once(path).chain(manifest.as_ref().map(|(p, _)| p.as_path())) {
        if let Some(kind) = NotAFile::at(target) {
            let path = target.to_path_buf();
            return Err(PublishError::NotAFile { path, kind });
        }
    }
    let folder = folder_of(path);
    remove_leftovers(folder);

    let cannot_write = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| PublishError::File { path, cause }
    };
    let result = hook(Step::StageResult)
        .and_then(|()| stage(path, bytes))
        .map_err(cannot_write(path))?;
    let Some((sidecar, json)) = manifest else {
        // A lone file: one rename replaces it whole.
        hook(Step::MoveResult)
            .and_then(|()| persist(result, path))
            .map_err(cannot_write(path))?;
        sync_folder(folder);
        return Ok(());
    };
    let staged_manifest = hook(Step::StageManifest)
        .and_then(|()| stage(&sidecar, json.as_bytes()))
        .map_err(cannot_write(&sidecar))?;
    hook(Step::KeepPrevious).map_err(cannot_write(path))?;
    let previous = Previous::keep(path)?;
    // Held until the end: another run sees the file busy rather than half published.
    let _published = hook(Step::MoveResult)
        .and_then(|()| persist(result, path))
        .map_err(cannot_write(path))?;
    if let Err(source) = hook(Step::MoveManifest).and_then(|()| persist(staged_manifest, &sidecar))
    {
        let result = path.to_path_buf();
        let manifest = sidecar;
        return Err(match previous {
            Some(previous) => match previous.put_back(path) {
                Ok(()) => PublishError::File {
                    path: manifest,
                    cause: source,
                },
                Err((restore, backup)) => PublishError::Restore {
                    manifest,
                    cause: source,
                    result,
                    restore,
                    backup,
                },
            },
            None => match fs::remove_file(path) {
                Ok(()) => PublishError::File {
                    path: manifest,
                    cause: source,
                },
                Err(remove) => PublishError::Unremoved {
                    manifest,
                    cause: source,
                    result,
                    remove,
                },
            },
        });
    }
    // Both in place. A previous result that cannot be removed now is a leftover for the next run.
    if let Some(previous) = previous {
        let _ = hook(Step::DropPrevious).and_then(|()| previous.backup.close());
    }
    sync_folder(folder);
    Ok(())
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// Temporary files are `.NAME.parindex-PID-RANDOM.tmp`: hidden, recognisable, and named after
/// the file they become and the process that made them.
const TEMP_MARK: &str = ".parindex-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 8;
/// Bytes of the target's name kept in a temporary name, so that it stays within the 255 bytes
/// file systems allow however long the target's name.
const TEMP_NAME_KEPT: usize = 200;

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let mut end = name.len().min(TEMP_NAME_KEPT);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}{TEMP_MARK}{}-", &name[..end], std::process::id())
}

fn temp_builder(prefix: &str) -> Builder<'_, 'static> {
    let mut builder = Builder::new();
    builder
        .prefix(prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    // The kernel takes the umask off, as for any program's new file (tempfile's default is 0600).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Whether a file name is one of a publication's temporary files.
fn is_temporary(name: &str) -> bool {
    let Some(name) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
    else {
        return false;
    };
    let Some((_, tail)) = name.rsplit_once(TEMP_MARK) else {
        return false;
    };
    let Some((pid, random)) = tail.split_once('-') else {
        return false;
    };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == TEMP_RANDOM
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes the temporary files interrupted publications left in `folder`. One that cannot be
/// locked belongs to a publication still in progress and is left alone; so is anything that
/// cannot be inspected (clean-up is a courtesy, never a reason to fail).
fn remove_leftovers(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let temporary = entry.file_name().to_str().is_some_and(is_temporary);
        // Only regular files: opening a named pipe would wait.
        if !temporary || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        if File::open(&path).is_ok_and(|file| file.try_lock().is_ok()) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// A temporary file beside `target` holding `bytes`, flushed to disk, with the mode `target` has
/// (a new file's when there is none), locked for as long as it is held.
fn stage(target: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let mut file = claim_temporary(target)?;
    file.write_all(bytes)?;
    if let Ok(replaced) = fs::metadata(target) {
        file.as_file().set_permissions(replaced.permissions())?;
    }
    file.as_file().sync_all()?;
    Ok(file)
}

/// Creates a temporary file beside `target` and locks it, so that no other run takes it for a
/// leftover. Another run's clean-up may have locked it between its creation and ours: then it is
/// being removed, and another is made.
fn claim_temporary(target: &Path) -> io::Result<NamedTempFile> {
    const ATTEMPTS: usize = 5;
    let prefix = temp_prefix(target);
    let builder = temp_builder(&prefix);
    for _ in 0..ATTEMPTS {
        let file = builder.tempfile_in(folder_of(target))?;
        let claimed = match file.as_file().try_lock() {
            Ok(()) => file.path().try_exists()?,
            Err(TryLockError::WouldBlock) => false,
            // No locks on this file system: no clean-up can take the file either.
            Err(TryLockError::Error(_)) => true,
        };
        if claimed {
            return Ok(file);
        }
    }
    Err(io::Error::other(
        "another process keeps removing the temporary files",
    ))
}

/// Renames a staged file onto `target`; on failure the staged file is removed.
fn persist(staged: NamedTempFile, target: &Path) -> io::Result<File> {
    staged.persist(target).map_err(|e| e.error)
}

/// The previous result, kept reachable under a temporary name until the new pair is in place.
struct Previous {
    backup: TempPath,
    /// Locks held for the publication: the previous result's (so that another run neither
    /// takes its backup for a leftover nor publishes the same file meanwhile), and a copy's.
    _locks: Vec<File>,
}

impl Previous {
    /// Keeps the file at `path`, if there is one, under a temporary name: a hard link (the very
    /// file, mode, owner and times untouched), or a copy where the file system has no hard
    /// links.
    fn keep(path: &Path) -> Result<Option<Previous>, PublishError> {
        let cannot_write = |source| PublishError::File {
            path: path.to_path_buf(),
            cause: source,
        };
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(cannot_write(e)),
        };
        match file.try_lock() {
            Ok(()) | Err(TryLockError::Error(_)) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(PublishError::Busy {
                    path: path.to_path_buf(),
                });
            }
        }
        let prefix = temp_prefix(path);
        let linked =
            temp_builder(&prefix).make_in(folder_of(path), |backup| fs::hard_link(path, backup));
        let mut locks = vec![file];
        let backup = match linked {
            Ok(link) => link.into_temp_path(),
            Err(_) => {
                let copy = fs::read(path)
                    .and_then(|bytes| stage(path, &bytes))
                    .map_err(cannot_write)?;
                let (file, backup) = copy.into_parts();
                locks.push(file);
                backup
            }
        };
        Ok(Some(Previous {
            backup,
            _locks: locks,
        }))
    }

    /// Puts the previous result back at `path`. On failure, the error and where it still is.
    fn put_back(self, path: &Path) -> Result<(), (io::Error, PathBuf)> {
        self.backup.persist(path).map_err(|e| {
            let backup = e.path.to_path_buf();
            // Not removed on the way out: it is the only copy left.
            let _ = e.path.keep();
            (e.error, backup)
        })
    }
}

/// Makes the renames durable. Best effort: some file systems cannot flush a folder, and the
/// publication is complete either way. Windows has no handle on a folder to flush.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::manifest::{RunInputs, ScoredInputs};
    use crate::options::{Format, RunOptions};
    use crate::rank::RankMode;
    use crate::score::BasisChoice;

    const STEPS: [Step; 6] = [
        Step::StageResult,
        Step::StageManifest,
        Step::KeepPrevious,
        Step::MoveResult,
        Step::MoveManifest,
        Step::DropPrevious,
    ];

    fn manifest() -> Manifest {
        Manifest {
            tool: "parindex".into(),
            version: "0".into(),
            created: "2026-11-23T08:05:09Z".into(),
            working_folder: PathBuf::from("/"),
            run: RunInputs::Score(ScoredInputs {
                criteria: HashedFile {
                    path: "criteria.toml".into(),
                    sha256: None,
                },
                framework_id: "test".into(),
                paths: Vec::new(),
                workbooks: Vec::new(),
                decision: None,
                roster: None,
                external: None,
            }),
            options: RunOptions {
                basis: BasisChoice::Auto,
                rank_mode: RankMode::Competition,
                format: Format::Csv,
                csv_style: crate::options::CsvStyle::Standard,
                keep_going: false,
                accept_missing: false,
                preliminary: false,
            },
            output: None,
        }
    }

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The result at `folder/out.csv` and the hash its manifest records, if there is one.
    fn pair(folder: &Path) -> (Option<String>, Option<String>) {
        let result = fs::read_to_string(folder.join("out.csv")).ok();
        let recorded = Manifest::read(&folder.join("out.csv.manifest.json"))
            .ok()
            .and_then(|m| m.output?.sha256);
        (result, recorded)
    }

    fn publish_pair(folder: &Path, text: &str) -> Result<(), PublishError> {
        publish(
            Some(&folder.join("out.csv")),
            text.as_bytes(),
            Some(manifest()),
        )
    }

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let name = format!(
            "{}Ab3dE6gH{TEMP_SUFFIX}",
            temp_prefix(Path::new("x/kết quả.csv"))
        );
        assert!(name.starts_with(".kết quả.csv.parindex-"), "{name}");
        assert!(is_temporary(&name));
        for other in [
            "ket-qua.csv",
            ".ket-qua.csv.tmp",
            "ket-qua.csv.parindex-1-Ab3dE6gH.tmp",
            ".ket-qua.csv.parindex-x1-Ab3dE6gH.tmp",
            ".ket-qua.csv.parindex-1-Ab3dE6g.tmp",
            ".ket-qua.csv.parindex-1-Ab3dE6gH.tmp.bak",
        ] {
            assert!(!is_temporary(other), "{other}");
        }
        let long = "ả".repeat(120);
        assert!(temp_prefix(Path::new(&long)).len() < 255 - TEMP_RANDOM - TEMP_SUFFIX.len());
    }

    /// Comparing with the inputs opens files: never a named pipe, which would wait for a writer.
    #[cfg(unix)]
    #[test]
    fn a_link_to_a_named_pipe_is_refused_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.unwrap().success());
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&pipe, &link).unwrap();
        let empty = dir.path().join("empty.xlsx");
        fs::write(&empty, "").unwrap();
        let refused = check_target(&link, true, &[empty]);
        assert!(
            matches!(
                refused,
                Err(PublishError::NotAFile {
                    kind: NotAFile::Link { stream: false, .. },
                    ..
                })
            ),
            "{refused:?}"
        );
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_previous_pair() {
        for step in STEPS {
            for previous in [true, false] {
                let dir = tempfile::tempdir().unwrap();
                if previous {
                    publish_pair(dir.path(), "old").unwrap();
                }
                let before = (pair(dir.path()), names(dir.path()));
                let failed = publish_file(
                    &dir.path().join("out.csv"),
                    b"new",
                    Some(manifest()),
                    &mut |at| match at == step {
                        true => Err(io::Error::other("injected")),
                        false => Ok(()),
                    },
                );
                let after = (pair(dir.path()), names(dir.path()));
                if step == Step::DropPrevious {
                    // Both files were in place: the publication is complete.
                    assert!(failed.is_ok(), "{step:?}");
                    assert_eq!(after.0, (Some("new".into()), Some(sha256(b"new"))));
                    continue;
                }
                assert!(failed.is_err(), "{step:?}");
                assert_eq!(before, after, "{step:?}, previous pair: {previous}");
            }
        }
    }

    #[test]
    fn a_lone_file_is_replaced_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("form.xlsx");
        fs::write(&target, "old").unwrap();
        for step in [Step::StageResult, Step::MoveResult] {
            let failed = publish_file(&target, b"new", None, &mut |at| match at == step {
                true => Err(io::Error::other("injected")),
                false => Ok(()),
            });
            assert!(failed.is_err());
            assert_eq!(fs::read_to_string(&target).unwrap(), "old");
            assert_eq!(names(dir.path()), ["form.xlsx"]);
        }
        publish(Some(&target), b"new", None).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    /// Set in the child process of `killed_at_any_step_...`: the folder, and the step to die at.
    const KILL_FOLDER: &str = "PARINDEX_TEST_KILL_FOLDER";
    const KILL_STEP: &str = "PARINDEX_TEST_KILL_STEP";
    const KILLED: i32 = 86;

    /// Not a test of its own: the child process that dies in the middle of a publication.
    #[test]
    fn killed_publication() {
        let (Ok(folder), Ok(step)) = (std::env::var(KILL_FOLDER), std::env::var(KILL_STEP)) else {
            return;
        };
        let _ = publish_file(
            &Path::new(&folder).join("out.csv"),
            b"new",
            Some(manifest()),
            &mut |at| {
                if format!("{at:?}") == step {
                    // Like a kill: no destructor runs, the system closes files and drops locks.
                    std::process::exit(KILLED);
                }
                Ok(())
            },
        );
    }

    #[test]
    fn killed_at_any_step_never_leaves_a_pair_verify_accepts_and_the_next_run_cleans_up() {
        for step in STEPS {
            for previous in [true, false] {
                let dir = tempfile::tempdir().unwrap();
                if previous {
                    publish_pair(dir.path(), "old").unwrap();
                }
                let status = std::process::Command::new(std::env::current_exe().unwrap())
                    .args(["--exact", "publish::tests::killed_publication"])
                    .env(KILL_FOLDER, dir.path())
                    .env(KILL_STEP, format!("{step:?}"))
                    .output()
                    .unwrap()
                    .status;
                // With no previous result there is none to drop.
                let reached = previous || step != Step::DropPrevious;
                assert_eq!(
                    status.code(),
                    Some(if reached { KILLED } else { 0 }),
                    "{step:?}"
                );

                let (result, recorded) = pair(dir.path());
                if let (Some(result), Some(recorded)) = (&result, &recorded)
                    && sha256(result.as_bytes()) == *recorded
                {
                    // A pair verify would accept is a whole publication, the old or the new.
                    assert!(result == "old" || result == "new", "{step:?}");
                }
                assert!(
                    result.as_deref() == Some("new")
                        || result.as_deref() == previous.then_some("old"),
                    "{step:?}: {result:?}"
                );

                publish_pair(dir.path(), "next").unwrap();
                assert_eq!(
                    names(dir.path()),
                    ["out.csv", "out.csv.manifest.json"],
                    "{step:?}"
                );
            }
        }
    }

    #[test]
    fn the_temporary_files_of_a_run_in_progress_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join(".a.csv.parindex-1-AAAAAAAA.tmp");
        let dead = dir.path().join(".b.csv.parindex-2-BBBBBBBB.tmp");
        for file in [&live, &dead] {
            fs::write(file, "partial").unwrap();
        }
        fs::write(dir.path().join("notes.tmp"), "mine").unwrap();
        let in_progress = File::open(&live).unwrap();
        in_progress.lock().unwrap();

        publish_pair(dir.path(), "new").unwrap();
        assert_eq!(
            names(dir.path()),
            [
                ".a.csv.parindex-1-AAAAAAAA.tmp",
                "notes.tmp",
                "out.csv",
                "out.csv.manifest.json"
            ]
        );
        drop(in_progress);
        publish_pair(dir.path(), "newer").unwrap();
        assert_eq!(
            names(dir.path()),
            ["notes.tmp", "out.csv", "out.csv.manifest.json"]
        );
    }

    #[test]
    fn a_file_another_run_is_publishing_is_busy() {
        let dir = tempfile::tempdir().unwrap();
        publish_pair(dir.path(), "old").unwrap();
        let other = File::open(dir.path().join("out.csv")).unwrap();
        other.lock().unwrap();
        let busy = publish_pair(dir.path(), "new");
        assert!(matches!(busy, Err(PublishError::Busy { .. })), "{busy:?}");
        drop(other);
        assert_eq!(pair(dir.path()).0.as_deref(), Some("old"));
        assert_eq!(names(dir.path()), ["out.csv", "out.csv.manifest.json"]);
    }
}

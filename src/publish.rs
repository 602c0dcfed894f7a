//! Writing results where they go: standard output, or a file written atomically with the run's
//! manifest beside it.
//!
//! **Never onto an input.** [`check_target`] refuses an output (or its manifest) that is one of
//! the run's inputs — the same file after symbolic links, `..` and hard links — and anything but
//! a regular file: a folder, a symbolic link, a named pipe, a socket or a device (so
//! `-o /dev/stdout` never replaces the system's link with a file).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::manifest::{HashedFile, Manifest, sha256, sidecar_path};

/// Why a result could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(
        "refusing to write {}: it is the input {} (the same file), which would be overwritten; nothing was written",
        path.display(), input.display()
    )]
    Input { path: PathBuf, input: PathBuf },
    #[error("cannot write {}: it is {kind}", path.display())]
    NotAFile { path: PathBuf, kind: NotAFile },
    #[error("cannot write {}: {source}", path.display())]
    File { path: PathBuf, source: io::Error },
    #[error("cannot write to standard output: {0}")]
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
        const STREAM: &str = "not a regular file; to write to standard output, leave out -o";
        match self {
            NotAFile::Folder => write!(f, "a folder; name a file in it"),
            NotAFile::Link { to, stream: true } => {
                write!(f, "a symbolic link to {}, {STREAM}", to.display())
            }
            NotAFile::Link { to, .. } => write!(
                f,
                "a symbolic link to {}, not a regular file; name the file itself",
                to.display()
            ),
            NotAFile::Pipe => write!(f, "a named pipe, {STREAM}"),
            NotAFile::Socket => write!(f, "a socket, {STREAM}"),
            NotAFile::Device => write!(f, "a device, {STREAM}"),
            NotAFile::Other => write!(f, "{STREAM}"),
        }
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

/// Writes the result (atomically) and, when it goes to a file with a manifest, the manifest
/// beside it (`FILE.manifest.json`), recording the result's hash.
pub fn publish(
    file: Option<&Path>,
    bytes: &[u8],
    manifest: Option<Manifest>,
) -> Result<(), PublishError> {
    let cannot_write = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PublishError::File { path, source }
    };
    match file {
        None => write_output(None, |out| out.write_all(bytes)).map_err(PublishError::Stdout),
        Some(path) => {
            write_output(Some(path), |out| out.write_all(bytes)).map_err(cannot_write(path))?;
            if let Some(mut manifest) = manifest {
                manifest.output = Some(HashedFile {
                    path: path.to_path_buf(),
                    sha256: Some(sha256(bytes)),
                });
                let sidecar = sidecar_path(path);
                write_output(Some(&sidecar), |out| {
                    out.write_all(manifest.to_json().as_bytes())
                })
                .map_err(cannot_write(&sidecar))?;
            }
            Ok(())
        }
    }
}

/// Writes to `target` atomically (a temporary file in the same folder, renamed into place when
/// complete), or to standard output when there is no target. A failure leaves no partial file and
/// keeps any earlier file untouched.
pub fn write_output(
    target: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer = Vec::new();
    render(&mut buffer)?;
    match target {
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(&buffer).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
        Some(path) => {
            let mut file = tempfile::NamedTempFile::new_in(folder_of(path))?;
            file.write_all(&buffer)?;
            file.as_file().sync_all()?;
            file.persist(path).map_err(|e| e.error)?;
            Ok(())
        }
    }
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn atomic_write_leaves_nothing_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").unwrap();
        let failed = write_output(Some(&target), |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_output(Some(&target), |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}

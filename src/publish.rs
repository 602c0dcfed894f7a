//! Writing results where they go: standard output, or a file written atomically with the run's
//! manifest beside it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::manifest::{HashedFile, Manifest, sha256, sidecar_path};

/// Why a result could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot write {}: {source}", path.display())]
    File { path: PathBuf, source: io::Error },
    #[error("cannot write to standard output: {0}")]
    Stdout(io::Error),
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
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut file = tempfile::NamedTempFile::new_in(folder)?;
            file.write_all(&buffer)?;
            file.as_file().sync_all()?;
            file.persist(path).map_err(|e| e.error)?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

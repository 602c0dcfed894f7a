//! `parindex verify NAME.manifest.json`: re-hash the inputs a published result was computed from,
//! re-run the command, and say whether the result is reproduced exactly.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{exit, say};
use parindex::manifest::Manifest;
use parindex::pipeline::{Difference, verify};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The manifest written beside the result (NAME.manifest.json).
    #[arg(value_name = "MANIFEST")]
    manifest: PathBuf,
}

pub fn run(args: VerifyArgs) -> anyhow::Result<i32> {
    let manifest = Manifest::read(&args.manifest)?;
    // The recorded paths are relative to the folder the run was made in, as the output shows them.
    std::env::set_current_dir(&manifest.working_folder).with_context(|| {
        format!(
            "the run's working folder {} is not available; the inputs must be where they were",
            manifest.working_folder.display()
        )
    })?;
    if manifest.version != env!("CARGO_PKG_VERSION") {
        say::note(format!(
            "the result was made with parindex {}, this is {}",
            manifest.version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    let Some(verification) = verify(&manifest) else {
        anyhow::bail!(
            "manifest {} records no output file to verify",
            args.manifest.display()
        );
    };
    let output = &verification.output;
    if verification.differences.is_empty() {
        say::out(format!(
            "reproduced exactly: {} (sha256 {}) from {} input file(s), all unchanged",
            output.path.display(),
            output.sha256.as_deref().unwrap_or_default(),
            verification.inputs
        ));
        return Ok(exit::OK);
    }
    for difference in &verification.differences {
        let text = match difference {
            Difference::InputMissing(path) => {
                format!("input {} is missing or unreadable", path.display())
            }
            Difference::InputAppeared(path) => format!(
                "input {} exists now but could not be read at the run",
                path.display()
            ),
            Difference::InputAdded(path) => format!(
                "input {} was added to a scored folder since the run",
                path.display()
            ),
            Difference::InputChanged(path) => {
                format!("input {} has changed since the run", path.display())
            }
            Difference::OutputChanged(path) => format!(
                "the published result {} has changed since the run (or is missing)",
                path.display()
            ),
            Difference::RerunDiffers(path) => {
                format!(
                    "re-running gives a result different from {}",
                    path.display()
                )
            }
            Difference::RerunFails(error) => format!("re-running fails: {error}"),
        };
        say::out(format!("changed: {text}"));
    }
    say::out(format!("NOT reproduced: {}", output.path.display()));
    Ok(exit::NOT_REPRODUCED)
}

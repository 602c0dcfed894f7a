//! `parindex verify NAME.manifest.json`: re-hash the inputs a published result was computed from,
//! re-run the command, and say whether the result is reproduced exactly.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{exit, say};
use parindex::manifest::Manifest;
use parindex::pipeline::{Difference, verify};
use parindex::t;

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
        t!(
            "verify-no-folder",
            folder = manifest.working_folder.display().to_string()
        )
    })?;
    if manifest.version != env!("CARGO_PKG_VERSION") {
        say::note(t!(
            "verify-other-version",
            made = &manifest.version,
            this = env!("CARGO_PKG_VERSION")
        ));
    }
    let Some(verification) = verify(&manifest) else {
        anyhow::bail!(t!(
            "verify-no-output",
            manifest = args.manifest.display().to_string()
        ));
    };
    let output = &verification.output;
    let shown = |path: &std::path::Path| path.display().to_string();
    if verification.differences.is_empty() {
        say::out(t!(
            "verify-reproduced",
            file = shown(&output.path),
            sha256 = output.sha256.as_deref().unwrap_or_default(),
            inputs = verification.inputs
        ));
        return Ok(exit::OK);
    }
    for difference in &verification.differences {
        let text = match difference {
            Difference::InputMissing(path) => t!("verify-input-missing", file = shown(path)),
            Difference::InputAppeared(path) => t!("verify-input-appeared", file = shown(path)),
            Difference::InputAdded(path) => t!("verify-input-added", file = shown(path)),
            Difference::InputChanged(path) => t!("verify-input-changed", file = shown(path)),
            Difference::OutputChanged(path) => t!("verify-output-changed", file = shown(path)),
            Difference::RerunDiffers(path) => t!("verify-rerun-differs", file = shown(path)),
            Difference::RerunFails(error) => t!("verify-rerun-fails", error = error),
        };
        say::out(t!("verify-changed", change = text));
    }
    say::out(t!("verify-not-reproduced", file = shown(&output.path)));
    Ok(exit::NOT_REPRODUCED)
}

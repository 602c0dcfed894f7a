//! `parindex verify NAME.manifest.json`: re-hash the inputs a published result was computed from,
//! re-run the command, and say whether the result is reproduced exactly.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::compare::{CompareRequest, YearRequest};
use super::score::ScoreRequest;
use super::{compare, exit, score};
use crate::manifest::{Manifest, RunInputs, YearInputs, sha256, sha256_of_file};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The manifest written beside the result (NAME.manifest.json).
    #[arg(value_name = "MANIFEST")]
    manifest: PathBuf,
}

pub fn run(args: VerifyArgs) -> anyhow::Result<i32> {
    let manifest = Manifest::read(&args.manifest)?;
    let Some(output) = &manifest.output else {
        anyhow::bail!(
            "manifest {} records no output file to verify",
            args.manifest.display()
        );
    };
    // The recorded paths are relative to the folder the run was made in, as the output shows them.
    std::env::set_current_dir(&manifest.working_folder).with_context(|| {
        format!(
            "the run's working folder {} is not available; the inputs must be where they were",
            manifest.working_folder.display()
        )
    })?;
    if manifest.version != env!("CARGO_PKG_VERSION") {
        eprintln!(
            "note: the result was made with parindex {}, this is {}",
            manifest.version,
            env!("CARGO_PKG_VERSION")
        );
    }

    let mut differences = Vec::new();
    let inputs = manifest.run.files();
    for file in &inputs {
        let now = sha256_of_file(&file.path).ok();
        if now != file.sha256 {
            differences.push(match (&file.sha256, now) {
                (Some(_), None) => {
                    format!("input {} is missing or unreadable", file.path.display())
                }
                (None, Some(_)) => format!(
                    "input {} exists now but could not be read at the run",
                    file.path.display()
                ),
                _ => format!("input {} has changed since the run", file.path.display()),
            });
        }
    }
    if sha256_of_file(&output.path).ok() != output.sha256 {
        differences.push(format!(
            "the published result {} has changed since the run (or is missing)",
            output.path.display()
        ));
    }
    match rerun(&manifest) {
        Ok(bytes) if Some(sha256(&bytes)) == output.sha256 => {}
        Ok(_) => differences.push(format!(
            "re-running gives a result different from {}",
            output.path.display()
        )),
        Err(e) => differences.push(format!("re-running fails: {e:#}")),
    }

    if differences.is_empty() {
        println!(
            "reproduced exactly: {} (sha256 {}) from {} input file(s), all unchanged",
            output.path.display(),
            output.sha256.as_deref().unwrap_or_default(),
            inputs.len()
        );
        Ok(exit::OK)
    } else {
        for difference in &differences {
            println!("changed: {difference}");
        }
        println!("NOT reproduced: {}", output.path.display());
        Ok(exit::NOT_REPRODUCED)
    }
}

/// Runs the recorded command again on the recorded inputs, at the recorded time.
fn rerun(manifest: &Manifest) -> anyhow::Result<Vec<u8>> {
    let created = manifest.created.clone();
    let produced = match &manifest.run {
        RunInputs::Score(inputs) => score::produce(
            &ScoreRequest {
                criteria: inputs.criteria.path.clone(),
                paths: inputs.workbooks.iter().map(|w| w.path.clone()).collect(),
                options: manifest.options,
            },
            created,
        )?,
        RunInputs::Compare {
            previous,
            current,
            mapping,
        } => compare::produce(
            &CompareRequest {
                previous: year_request(previous),
                current: year_request(current),
                mapping: mapping.as_ref().map(|m| m.path.clone()),
                options: manifest.options,
            },
            created,
        )?,
    };
    Ok(produced.bytes)
}

fn year_request(inputs: &YearInputs) -> YearRequest {
    match inputs {
        YearInputs::Results { file } => YearRequest::Results(file.path.clone()),
        YearInputs::Scored(scored) => YearRequest::Scored {
            criteria: scored.criteria.path.clone(),
            paths: scored.workbooks.iter().map(|w| w.path.clone()).collect(),
        },
    }
}

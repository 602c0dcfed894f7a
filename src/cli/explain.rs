//! `parindex explain`: where each point of one unit came from, down to the cell.

use std::path::PathBuf;

use clap::Args;

use super::{choice, exit, say};
use parindex::pipeline::{ExplainError, ExternalInput, explain};
use parindex::score::BasisChoice;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The criteria file (TOML) the workbook is scored with.
    #[arg(long, value_name = "FILE")]
    criteria: PathBuf,
    /// The unit's workbook.
    #[arg(value_name = "WORKBOOK")]
    workbook: PathBuf,
    /// Explain only this area, criterion or sub-criterion (e.g. 1.3).
    #[arg(value_name = "CODE")]
    code: Option<String>,
    /// Which score counts, as for `score`.
    #[arg(long, value_parser = choice::<BasisChoice>(), default_value = "auto")]
    basis: BasisChoice,
    /// The points of external components, as for `score`.
    #[arg(long, value_name = "FILE", conflicts_with = "preliminary")]
    external: Option<PathBuf>,
    /// Leave the external components out, as for `score`.
    #[arg(long)]
    preliminary: bool,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<i32> {
    match explain(
        &args.criteria,
        &args.workbook,
        args.code.as_deref(),
        args.basis,
        ExternalInput::of(args.external.as_deref(), args.preliminary),
    ) {
        Ok(text) => {
            say::out_text(&text);
            Ok(exit::OK)
        }
        Err(error @ ExplainError::Invalid { .. }) => {
            if let ExplainError::Invalid { problems, .. } = &error {
                say::problems(&problems.iter().collect::<Vec<_>>());
            }
            say::error(error);
            Ok(exit::INVALID)
        }
        Err(other) => Err(other.into()),
    }
}

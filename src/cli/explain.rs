//! `parindex explain`: where each point of one unit came from, down to the cell.

use std::path::PathBuf;

use clap::Args;

use super::exit;
use crate::explain::explain;
use crate::framework::Framework;
use crate::score::{BasisChoice, score_unit};
use crate::workbook::read_unit;

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
    #[arg(long, value_enum, default_value = "auto")]
    basis: BasisChoice,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<i32> {
    let framework = Framework::load(&args.criteria)?;
    let scored = read_unit(&args.workbook, &framework).and_then(|unit| {
        let score = score_unit(&framework, &unit, args.basis)?;
        Ok((unit, score))
    });
    let (unit, score) = match scored {
        Ok(scored) => scored,
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!(
                "error: {} cannot be scored; fix the problems above",
                args.workbook.display()
            );
            return Ok(exit::INVALID);
        }
    };
    print!(
        "{}",
        explain(&framework, &unit, &score, args.code.as_deref())?
    );
    Ok(exit::OK)
}

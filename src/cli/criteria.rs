//! `parindex criteria check|show`: lint a criteria file, or print it as a tree.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{exit, say};
use parindex::framework::describe::{summary, tree};
use parindex::framework::{Framework, FrameworkError};

#[derive(Debug, Args)]
pub struct CriteriaArgs {
    #[command(subcommand)]
    command: CriteriaCommand,
}

#[derive(Debug, Subcommand)]
enum CriteriaCommand {
    /// Check a criteria file and summarise it: every problem with its line and column.
    Check {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print a criteria file as a readable tree.
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

pub fn run(args: CriteriaArgs) -> anyhow::Result<i32> {
    let (file, show) = match args.command {
        CriteriaCommand::Check { file } => (file, false),
        CriteriaCommand::Show { file } => (file, true),
    };
    let framework = match Framework::load(&file) {
        Ok(framework) => framework,
        Err(error @ (FrameworkError::Syntax { .. } | FrameworkError::Invalid { .. })) => {
            say::error(error);
            return Ok(exit::INVALID);
        }
        Err(other) => return Err(other.into()),
    };
    let text = if show {
        tree(&framework)
    } else {
        summary(&framework, &file)
    };
    say::out_text(&text);
    Ok(exit::OK)
}

//! `parindex completions SHELL`: the shell's completion script for parindex, on standard output,
//! to be loaded by the shell's start-up file (see the README's "Installing").

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, exit, help, say};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: CompletionsArgs) -> anyhow::Result<i32> {
    let mut script = Vec::new();
    let mut command = help::localized(Cli::command());
    clap_complete::generate(args.shell, &mut command, "parindex", &mut script);
    say::out_text(&String::from_utf8(script)?);
    Ok(exit::OK)
}

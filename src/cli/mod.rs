//! The command line: argument definitions, dispatch, and exit codes. One file per command.

mod criteria;
mod score;
mod template;
mod validate;

use std::ffi::OsString;

use clap::{Parser, Subcommand};

/// Exit codes, documented in the README.
pub mod exit {
    /// Success: every input was scored and the result written.
    pub const OK: i32 = 0;
    /// Invalid input (criteria file, workbooks) or a failure to write: nothing was written.
    pub const INVALID: i32 = 1;
    /// Wrong command-line usage (clap's own code).
    pub const USAGE: i32 = 2;
    /// `validate --strict` found warnings and no errors.
    pub const WARNINGS: i32 = 3;
    /// `--keep-going` wrote results, but some units were excluded: the result is incomplete.
    pub const INCOMPLETE: i32 = 4;
}

#[derive(Debug, Parser)]
#[command(
    name = "parindex",
    version,
    about = "Score the administrative-reform index (Chỉ số cải cách hành chính, PAR INDEX) of local units"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score, rate and rank units from their self-assessment workbooks (chấm điểm, xếp hạng).
    Score(score::ScoreArgs),
    /// Write the self-assessment form (.xlsx) for a criteria file, to hand out to units.
    Template(template::TemplateArgs),
    /// Check unit workbooks against the criteria and list every problem, without scoring.
    Validate(validate::ValidateArgs),
    /// Check a criteria file (bộ tiêu chí) or print it as a tree.
    Criteria(criteria::CriteriaArgs),
}

/// Runs the program on these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    quiet_spreadsheet_panics();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
        }
    };
    let result = match cli.command {
        Command::Score(args) => score::run(args),
        Command::Template(args) => template::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Criteria(args) => criteria::run(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        exit::INVALID
    })
}

/// Panics inside the spreadsheet library on damaged files are caught by the reader and reported
/// as that file's problem; printing the raw panic too would only confuse. Any other panic is a
/// bug of ours and is printed as usual.
fn quiet_spreadsheet_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_calamine = info
            .location()
            .is_some_and(|l| l.file().contains("/calamine-") || l.file().contains("\\calamine-"));
        if !in_calamine {
            default(info);
        }
    }));
}

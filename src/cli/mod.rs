//! The command line: argument definitions, dispatch, and exit codes. One file per command; each
//! parses its arguments, calls the library's pipeline, prints and returns the exit code.

mod compare;
mod completions;
mod criteria;
mod explain;
mod help;
mod say;
mod score;
mod template;
mod validate;
mod verify;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use parindex::batch::{BatchReport, Progress};
use parindex::i18n::{Lang, set_lang, text};
use parindex::options::{Choice, CsvStyle, Format, RunOptions};
use parindex::pipeline::PipelineError;
use parindex::problem::Problem;
use parindex::rank::RankMode;
use parindex::score::BasisChoice;
use parindex::t;

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
    /// Results were written, but units were excluded (`--keep-going`) or units of the roster did
    /// not submit (without `--accept-missing`): the result is incomplete.
    pub const INCOMPLETE: i32 = 4;
    /// `verify`: the published result is not reproduced by its recorded inputs.
    pub const NOT_REPRODUCED: i32 = 5;
}

/// The command line as parsed. Its texts (about, help, placeholders) are replaced from the
/// catalogue in the chosen language (`help::localized`); the doc comments here are for readers
/// of the code.
#[derive(Debug, Parser)]
#[command(name = "parindex", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the interface (vi or en).
    #[arg(long, global = true, value_name = "LANG", value_parser = choice::<Lang>())]
    lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score, rate and rank units from their self-assessment workbooks (chấm điểm, xếp hạng).
    Score(score::ScoreArgs),
    /// Write the self-assessment form (.xlsx) for a criteria file, to hand out to units.
    Template(template::TemplateArgs),
    /// Check unit workbooks against the criteria and list every problem, without scoring.
    Validate(validate::ValidateArgs),
    /// Compare two years' results unit by unit (so sánh với năm trước).
    Compare(compare::CompareArgs),
    /// Show where each point of one unit came from: sheet, cell, raw text, roll-up, index.
    Explain(explain::ExplainArgs),
    /// Check that a published result is reproduced exactly by the inputs its manifest records.
    Verify(verify::VerifyArgs),
    /// Check a criteria file (bộ tiêu chí) or print it as a tree.
    Criteria(criteria::CriteriaArgs),
    /// Print the shell completion script for bash, zsh, fish, PowerShell or elvish.
    Completions(completions::CompletionsArgs),
}

/// Runs the program on these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    quiet_spreadsheet_panics();
    let args: Vec<OsString> = args.into_iter().collect();
    set_lang(help::language(&args));
    let command = help::localized(Cli::command());
    let parsed = command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return exit::OK;
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return exit::USAGE;
        }
        Err(e) => {
            say::error(help::usage_error(&e, &command, &args));
            return exit::USAGE;
        }
    };
    let result = match cli.command {
        Command::Score(args) => score::run(args),
        Command::Template(args) => template::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Criteria(args) => criteria::run(args),
        Command::Completions(args) => completions::run(args),
    };
    result.unwrap_or_else(|e| {
        if let Some(report) = e
            .downcast_ref::<PipelineError>()
            .and_then(PipelineError::report)
        {
            print_skipped(report);
            print_problems(report);
        }
        say::error(format!("{e:#}"));
        exit::INVALID
    })
}

/// Panics inside the spreadsheet library on damaged files are caught by the reader and reported
/// as that file's problem; printing the raw panic too would only confuse. Any other panic is a
/// bug of ours and is printed as usual.
fn quiet_spreadsheet_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // calamine from the registry (.../calamine-0.38.0/src/...) or the patched copy carried
        // in vendor/calamine/ (see vendor/calamine/PATCHES.md).
        let in_calamine = info.location().is_some_and(|l| {
            let file = l.file().replace('\\', "/");
            file.contains("/calamine-") || file.contains("vendor/calamine/")
        });
        if !in_calamine {
            default(info);
        }
    }));
}

/// A parser for a library setting, from its names; each value described from the catalogue.
fn choice<T: Choice + Clone>() -> impl TypedValueParser<Value = T> {
    let values = T::ALL
        .iter()
        .map(|c| PossibleValue::new(c.name()).help(text(&format!("value-{}", c.name()), &[])));
    PossibleValuesParser::new(values).map(|name: String| {
        *T::ALL
            .iter()
            .find(|c| c.name() == name)
            .expect("clap accepts only the possible values")
    })
}

/// How and where a command writes its result.
#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format (by default the -o file's extension, else the table); xlsx needs -o.
    #[arg(long, value_name = "FORMAT", value_parser = choice::<Format>())]
    format: Option<Format>,
    /// Write to this file instead of standard output, with the run's manifest beside it
    /// (FILE.manifest.json), both or neither; never onto an input of the run.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    file: Option<PathBuf>,
    /// How a CSV is written: for programs, for Excel, or for a Vietnamese-locale spreadsheet.
    #[arg(long, value_name = "STYLE", value_parser = choice::<CsvStyle>(), default_value = "standard")]
    csv_style: CsvStyle,
}

impl OutputArgs {
    /// The format asked for: `--format`, else the output file's extension, else the table. A
    /// format the extension contradicts, or an extension that names none, is a usage error
    /// (a table written into `ket-qua.xlsx` would open as a broken workbook).
    fn format(&self) -> Result<Format, String> {
        let named = self.file.as_deref().map(|f| (f, Format::of_file(f)));
        let format = match (self.format, named) {
            (Some(format), Some((file, Some(by_name)))) if format != by_name => {
                return Err(t!(
                    "output-format-contradicts",
                    format = format.name(),
                    file = file.display().to_string()
                ));
            }
            (Some(format), _) => format,
            (None, Some((_, Some(by_name)))) => by_name,
            (None, Some((file, None))) => {
                return Err(t!(
                    "output-format-unknown",
                    file = file.display().to_string()
                ));
            }
            (None, None) => Format::Table,
        };
        if self.file.is_none() {
            match format {
                Format::Xlsx => return Err(t!("output-xlsx-needs-file")),
                Format::Docx => return Err(t!("output-docx-needs-file")),
                Format::Table | Format::Csv | Format::Json => {}
            }
        }
        Ok(format)
    }

    fn options(
        &self,
        format: Format,
        basis: BasisChoice,
        rank_mode: RankMode,
        keep_going: bool,
    ) -> RunOptions {
        RunOptions {
            basis,
            rank_mode,
            format,
            csv_style: self.csv_style,
            keep_going,
            accept_missing: false,
            preliminary: false,
        }
    }

    /// Says what was written, when it went to a file.
    fn confirm(&self, format: Format, units: usize) {
        let Some(file) = &self.file else {
            return;
        };
        let kind = match format {
            Format::Table => t!("output-kind-table"),
            Format::Csv => t!("output-kind-csv"),
            Format::Json => t!("output-kind-json"),
            Format::Xlsx => t!("output-kind-xlsx"),
            Format::Docx => t!("output-kind-docx"),
        };
        say::done(t!(
            "output-wrote",
            file = file.display().to_string(),
            kind = kind,
            units = units,
            manifest = parindex::manifest::sidecar_path(file).display().to_string()
        ));
    }
}

/// Smaller runs finish before a bar would be worth reading.
const PROGRESS_FROM_FILES: usize = 50;

/// A bar on stderr for long runs, only when a person is watching: piped or redirected runs get
/// nothing extra.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Self {
        Bar(ProgressBar::hidden())
    }
}

impl Progress for Bar {
    fn start(&self, files: usize) {
        if files < PROGRESS_FROM_FILES || !std::io::stderr().is_terminal() {
            return;
        }
        let template = format!("{{bar:40}} {{pos}}/{{len}} {}", t!("progress"));
        let style = ProgressStyle::with_template(&template).expect("the template is valid");
        self.0
            .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.0.set_length(files as u64);
        self.0.set_position(0);
        self.0.set_style(style);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn print_skipped(report: &BatchReport) {
    for (file, reason) in &report.skipped {
        say::note(t!(
            "note-skipped",
            file = file.display().to_string(),
            reason = reason.to_string()
        ));
    }
}

/// Notes on a batch that was scored: files skipped, and how many warnings did not block.
fn print_notes(report: &BatchReport) {
    print_skipped(report);
    if !report.warnings.is_empty() {
        let mut files: Vec<_> = report.warnings.iter().map(|w| &w.location.file).collect();
        files.dedup();
        say::note(t!(
            "note-warnings",
            warnings = report.warnings.len(),
            files = files.len()
        ));
    }
}

fn print_problems(report: &BatchReport) {
    for excluded in &report.excluded {
        let problems: Vec<&Problem> = excluded.problems.iter().collect();
        say::problems(&problems);
    }
}

//! `parindex compare`: two years' results → per-unit change in index, rank and band, per-area
//! changes, new and dropped units.

use std::path::PathBuf;

use clap::Args;

use super::{Bar, OutputArgs, choice, exit, print_notes, say};
use parindex::manifest::run_time;
use parindex::options::Format;
use parindex::pipeline::{CompareRequest, YearRequest, compare};
use parindex::publish::publish;
use parindex::rank::RankMode;
use parindex::score::BasisChoice;
use parindex::t;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Last year's results file, written by `score --format csv` or `--format json`.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "previous_criteria"
    )]
    previous: Option<PathBuf>,
    /// Last year's criteria file, to score last year's workbooks (--previous-paths) on the fly.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "previous",
        requires = "previous_paths"
    )]
    previous_criteria: Option<PathBuf>,
    /// Last year's unit workbooks, or folders of them.
    #[arg(long, value_name = "PATH", num_args = 1.., requires = "previous_criteria")]
    previous_paths: Vec<PathBuf>,
    /// Points of last year's external components (survey, leadership), when scoring on the fly.
    #[arg(long, value_name = "FILE", requires = "previous_criteria")]
    previous_external: Option<PathBuf>,
    /// This year's results file, written by `score --format csv` or `--format json`.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "current_criteria"
    )]
    current: Option<PathBuf>,
    /// This year's criteria file, to score this year's workbooks (--current-paths) on the fly.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "current",
        requires = "current_paths"
    )]
    current_criteria: Option<PathBuf>,
    /// This year's unit workbooks, or folders of them.
    #[arg(long, value_name = "PATH", num_args = 1.., requires = "current_criteria")]
    current_paths: Vec<PathBuf>,
    /// Points of this year's external components (survey, leadership), when scoring on the fly.
    #[arg(long, value_name = "FILE", requires = "current_criteria")]
    current_external: Option<PathBuf>,
    /// Mapping file (TOML): last year's unit and area codes → this year's (renamed, merged and
    /// split units), and the rule for merged and split units.
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// Which score counts when scoring workbooks on the fly (as for `score`).
    #[arg(long, value_parser = choice::<BasisChoice>(), default_value = "auto")]
    basis: BasisChoice,
    /// Ranking after ties when scoring workbooks on the fly (as for `score`).
    #[arg(long = "rank", value_name = "RANK", value_parser = choice::<RankMode>(), default_value = "competition")]
    rank_mode: RankMode,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: CompareArgs) -> anyhow::Result<i32> {
    let format = match args.output.format() {
        // The Word copy is the decision's annex, which a comparison is not.
        Ok(Format::Docx) => {
            say::error(t!("output-docx-score-only"));
            return Ok(exit::USAGE);
        }
        Ok(format) => format,
        Err(message) => {
            say::error(message);
            return Ok(exit::USAGE);
        }
    };
    let year = |results: Option<PathBuf>,
                criteria: Option<PathBuf>,
                paths: Vec<PathBuf>,
                external: Option<PathBuf>| match (results, criteria) {
        (Some(file), _) => YearRequest::Results(file),
        (None, Some(criteria)) => YearRequest::Scored {
            criteria,
            paths,
            external,
        },
        (None, None) => unreachable!("clap requires one of the two"),
    };
    let request = CompareRequest {
        previous: year(
            args.previous,
            args.previous_criteria,
            args.previous_paths,
            args.previous_external,
        ),
        current: year(
            args.current,
            args.current_criteria,
            args.current_paths,
            args.current_external,
        ),
        mapping: args.mapping,
        options: args
            .output
            .options(format, args.basis, args.rank_mode, false),
        record: args.output.file.is_some(),
        output: args.output.file.clone(),
    };
    let published = compare(&request, run_time(), &Bar::new())?;
    for report in &published.reports {
        print_notes(report);
    }
    publish(
        args.output.file.as_deref(),
        &published.bytes,
        published.manifest,
    )?;
    args.output.confirm(format, published.units);
    Ok(exit::OK)
}

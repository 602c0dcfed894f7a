//! `parindex compare`: two years' results → per-unit change in index, rank and band, per-area
//! changes, new and dropped units.

use std::path::{Path, PathBuf};

use clap::Args;

use super::score::{Produced, progress_bar, report_problems, report_skipped};
use super::{OutputArgs, exit, publish};
use crate::batch::score_all;
use crate::compare::compare;
use crate::framework::Framework;
use crate::manifest::{
    HashedFile, Manifest, RunInputs, RunOptions, ScoredInputs, YearInputs, run_time,
};
use crate::mapping::Mapping;
use crate::output::{CompareReport, render};
use crate::rank::{RankMode, rank};
use crate::results::ResultSet;
use crate::score::BasisChoice;
use crate::workbook::Checks;

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
    /// Mapping file (TOML): last year's unit and area codes → this year's, and the rule for
    /// merged units.
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// Which score counts when scoring workbooks on the fly (as for `score`).
    #[arg(long, value_enum, default_value = "auto")]
    basis: BasisChoice,
    /// Ranking after ties when scoring workbooks on the fly (as for `score`).
    #[arg(long = "rank", value_enum, default_value = "competition")]
    rank_mode: RankMode,
    #[command(flatten)]
    output: OutputArgs,
}

/// Where one year's results come from.
pub enum YearRequest {
    Results(PathBuf),
    Scored {
        criteria: PathBuf,
        paths: Vec<PathBuf>,
    },
}

/// A comparison run, from the command line or from a manifest being verified.
pub struct CompareRequest {
    pub previous: YearRequest,
    pub current: YearRequest,
    pub mapping: Option<PathBuf>,
    pub options: RunOptions,
}

pub fn run(args: CompareArgs) -> anyhow::Result<i32> {
    args.output.check()?;
    let year = |results: Option<PathBuf>, criteria: Option<PathBuf>, paths: Vec<PathBuf>| match (
        results, criteria,
    ) {
        (Some(file), _) => YearRequest::Results(file),
        (None, Some(criteria)) => YearRequest::Scored { criteria, paths },
        (None, None) => unreachable!("clap requires one of the two"),
    };
    let request = CompareRequest {
        previous: year(args.previous, args.previous_criteria, args.previous_paths),
        current: year(args.current, args.current_criteria, args.current_paths),
        mapping: args.mapping,
        options: args.output.options(args.basis, args.rank_mode, false),
    };
    let produced = produce(&request, run_time())?;
    publish(
        args.output.file.as_deref(),
        &produced.bytes,
        produced.manifest,
    )?;
    Ok(exit::OK)
}

/// Loads both years, compares and renders, recording the run's inputs as it goes.
pub fn produce(request: &CompareRequest, created: String) -> anyhow::Result<Produced> {
    let options = request.options;
    let (previous, previous_inputs) = load_year(&request.previous, options)?;
    let (current, current_inputs) = load_year(&request.current, options)?;
    let mapping = match &request.mapping {
        Some(file) => Mapping::load(file)?,
        None => Mapping::default(),
    };
    let comparison = compare(&previous, &current, &mapping, request.mapping.as_deref())?;
    let run = RunInputs::Compare {
        previous: previous_inputs,
        current: current_inputs,
        mapping: request.mapping.as_deref().map(HashedFile::of),
    };
    let manifest = Manifest::new(run, options, created)?;
    let report = CompareReport {
        comparison: &comparison,
        manifest: Some(&manifest),
    };
    let bytes = render(options.format, options.excel_bom, |exporter, out| {
        exporter.compare(&report, out)
    })?;
    Ok(Produced {
        bytes,
        manifest,
        excluded: Vec::new(),
        scored: comparison.units.len(),
    })
}

fn load_year(
    request: &YearRequest,
    options: RunOptions,
) -> anyhow::Result<(ResultSet, YearInputs)> {
    match request {
        YearRequest::Results(file) => Ok((
            ResultSet::read(file)?,
            YearInputs::Results {
                file: HashedFile::of(file),
            },
        )),
        YearRequest::Scored { criteria, paths } => {
            let (set, inputs) = score_year(criteria, paths, options)?;
            Ok((set, YearInputs::Scored(inputs)))
        }
    }
}

/// Scores one year's workbooks; any invalid workbook stops the comparison, since a unit left out
/// would wrongly show as new or dropped.
fn score_year(
    criteria: &Path,
    paths: &[PathBuf],
    options: RunOptions,
) -> anyhow::Result<(ResultSet, ScoredInputs)> {
    let framework = Framework::load(criteria)?;
    let batch = score_all(
        &framework,
        paths,
        options.basis,
        Checks::Scoring,
        progress_bar,
    );
    report_skipped(&batch);
    if !batch.excluded.is_empty() {
        report_problems(&batch);
        anyhow::bail!(
            "{} of {} file(s) scored with {} have problems; nothing was written",
            batch.excluded.len(),
            batch.excluded.len() + batch.scored.len(),
            criteria.display()
        );
    }
    if batch.scored.is_empty() {
        anyhow::bail!(
            "no unit workbook found for {}; nothing was written",
            criteria.display()
        );
    }
    let inputs = ScoredInputs::of(criteria, &framework, &batch);
    let ranked = rank(batch.scored, options.rank_mode);
    Ok((
        ResultSet::from_ranked(criteria, &framework, &ranked),
        inputs,
    ))
}

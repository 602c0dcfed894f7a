//! `parindex score`: criteria file + unit workbooks → ranked, rated table, CSV, JSON or XLSX.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{OutputArgs, exit, publish};
use crate::batch::{Batch, score_all};
use crate::framework::Framework;
use crate::manifest::{Manifest, RunInputs, RunOptions, ScoredInputs, run_time};
use crate::output::{ScoreReport, render};
use crate::rank::{RankMode, rank};
use crate::score::BasisChoice;
use crate::workbook::Checks;

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The criteria file (TOML) of the year being scored.
    #[arg(long, value_name = "FILE")]
    criteria: PathBuf,
    /// Unit workbooks (.xlsx, .xls, .ods), or folders of them.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Which score counts: appraised (điểm thẩm định), self (điểm tự đánh giá), or auto
    /// (appraised where the unit has appraised scores, else self).
    #[arg(long, value_enum, default_value = "auto")]
    basis: BasisChoice,
    /// Ranking after ties: competition (1, 2, 2, 4) or dense (1, 2, 2, 3).
    #[arg(long = "rank", value_enum, default_value = "competition")]
    rank_mode: RankMode,
    #[command(flatten)]
    output: OutputArgs,
    /// Score the valid units even when others are invalid; the excluded units are listed and the
    /// exit code is 4.
    #[arg(long)]
    keep_going: bool,
}

/// A scoring run, from the command line or from a manifest being verified.
pub struct ScoreRequest {
    pub criteria: PathBuf,
    pub paths: Vec<PathBuf>,
    pub options: RunOptions,
}

/// A rendered result, not yet written.
pub struct Produced {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
    /// Files `--keep-going` left out.
    pub excluded: Vec<PathBuf>,
    pub scored: usize,
}

pub fn run(args: ScoreArgs) -> anyhow::Result<i32> {
    args.output.check()?;
    let request = ScoreRequest {
        criteria: args.criteria,
        paths: args.paths,
        options: args
            .output
            .options(args.basis, args.rank_mode, args.keep_going),
    };
    let produced = produce(&request, run_time())?;
    publish(
        args.output.file.as_deref(),
        &produced.bytes,
        produced.manifest,
    )?;

    if produced.excluded.is_empty() {
        Ok(exit::OK)
    } else {
        eprintln!(
            "warning: RESULT INCOMPLETE: {} unit(s) scored, {} file(s) EXCLUDED:",
            produced.scored,
            produced.excluded.len()
        );
        for file in &produced.excluded {
            eprintln!("  excluded: {}", file.display());
        }
        Ok(exit::INCOMPLETE)
    }
}

/// Scores, ranks and renders, recording the run's inputs as it goes.
pub fn produce(request: &ScoreRequest, created: String) -> anyhow::Result<Produced> {
    let options = request.options;
    let framework = Framework::load(&request.criteria)?;
    let batch = score_all(
        &framework,
        &request.paths,
        options.basis,
        Checks::Scoring,
        progress_bar,
    );
    report_skipped(&batch);
    if !batch.warnings.is_empty() {
        let mut files: Vec<_> = batch.warnings.iter().map(|w| &w.location.file).collect();
        files.dedup();
        eprintln!(
            "note: {} warning(s) in {} file(s) do not block scoring; `parindex validate` lists them",
            batch.warnings.len(),
            files.len()
        );
    }

    if !batch.excluded.is_empty() {
        report_problems(&batch);
        if !options.keep_going {
            anyhow::bail!(
                "{} of {} file(s) have problems; nothing was written (use --keep-going to score the valid ones)",
                batch.excluded.len(),
                batch.excluded.len() + batch.scored.len()
            );
        }
    }
    if batch.scored.is_empty() {
        anyhow::bail!("no unit could be scored; nothing was written");
    }

    let inputs = ScoredInputs::of(&request.criteria, &framework, &batch);
    let manifest = Manifest::new(RunInputs::Score(inputs), options, created)?;
    let scored = batch.scored.len();
    let ranked = rank(batch.scored, options.rank_mode);
    let report = ScoreReport {
        framework: &framework,
        ranked: &ranked,
        excluded: &batch.excluded,
        basis: options.basis,
        rank_mode: options.rank_mode,
        manifest: Some(&manifest),
    };
    let bytes = render(options.format, options.excel_bom, |exporter, out| {
        exporter.score(&report, out)
    })?;
    Ok(Produced {
        bytes,
        manifest,
        excluded: batch.excluded.iter().map(|e| e.file.clone()).collect(),
        scored,
    })
}

/// Smaller runs finish before a bar would be worth reading.
const PROGRESS_FROM_FILES: usize = 50;

/// A bar on stderr for long runs, only when a person is watching: piped or redirected runs get
/// nothing extra.
pub(super) fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_FROM_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} workbooks ({eta} left)")
        .expect("the template is valid");
    ProgressBar::new(files as u64).with_style(style)
}

pub(super) fn report_skipped(batch: &Batch) {
    for (file, reason) in &batch.skipped {
        eprintln!("note: skipped {}: {reason}", file.display());
    }
}

pub(super) fn report_problems(batch: &Batch) {
    for excluded in &batch.excluded {
        for problem in &excluded.problems {
            eprintln!("error: {problem}");
        }
    }
}

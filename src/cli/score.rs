//! `parindex score`: criteria file + unit workbooks → ranked, rated table, CSV or JSON.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::exit;
use crate::batch::{Batch, score_all};
use crate::framework::Framework;
use crate::output::{Format, ScoreReport, write_output};
use crate::rank::{RankMode, rank};
use crate::score::BasisChoice;

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
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Start CSV output with a byte-order mark, for Excel on Windows.
    #[arg(long)]
    excel_bom: bool,
    /// Score the valid units even when others are invalid; the excluded units are listed and the
    /// exit code is 4.
    #[arg(long)]
    keep_going: bool,
}

pub fn run(args: ScoreArgs) -> anyhow::Result<i32> {
    let framework = Framework::load(&args.criteria)?;
    let batch = score_all(&framework, &args.paths, args.basis, progress_bar);
    report_skipped(&batch);

    if !batch.excluded.is_empty() {
        report_problems(&batch);
        if !args.keep_going {
            eprintln!(
                "error: {} of {} file(s) have problems; nothing was written (use --keep-going to score the valid ones)",
                batch.excluded.len(),
                batch.excluded.len() + batch.scored.len()
            );
            return Ok(exit::INVALID);
        }
    }
    if batch.scored.is_empty() {
        anyhow::bail!("no unit could be scored; nothing was written");
    }

    let ranked = rank(batch.scored, args.rank_mode);
    let report = ScoreReport {
        framework: &framework,
        ranked: &ranked,
        excluded: &batch.excluded,
        basis: args.basis,
        rank_mode: args.rank_mode,
    };
    let exporter = args.format.exporter(args.excel_bom);
    write_output(args.output.as_deref(), |out| exporter.export(&report, out)).with_context(
        || match &args.output {
            Some(path) => format!("cannot write {}", path.display()),
            None => "cannot write to standard output".to_string(),
        },
    )?;

    if batch.excluded.is_empty() {
        Ok(exit::OK)
    } else {
        eprintln!(
            "warning: RESULT INCOMPLETE: {} unit(s) scored, {} file(s) EXCLUDED:",
            ranked.len(),
            batch.excluded.len()
        );
        for excluded in &batch.excluded {
            eprintln!("  excluded: {}", excluded.file.display());
        }
        Ok(exit::INCOMPLETE)
    }
}

/// Smaller runs finish before a bar would be worth reading.
const PROGRESS_FROM_FILES: usize = 50;

/// A bar on stderr for long runs, only when a person is watching: piped or redirected runs get
/// nothing extra.
fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_FROM_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} workbooks ({per_sec}, {eta} left)")
            .expect("the template is valid");
    ProgressBar::new(files as u64).with_style(style)
}

fn report_skipped(batch: &Batch) {
    for (file, reason) in &batch.skipped {
        eprintln!("note: skipped {}: {reason}", file.display());
    }
}

fn report_problems(batch: &Batch) {
    for excluded in &batch.excluded {
        for problem in &excluded.problems {
            eprintln!("error: {problem}");
        }
    }
}

//! `parindex score`: criteria file + unit workbooks → ranked, rated table, CSV, JSON, the XLSX
//! annex or its Word copy; optionally a result sheet per unit.

use std::path::PathBuf;

use clap::Args;

use super::{Bar, OutputArgs, choice, exit, print_notes, print_problems, say};
use parindex::manifest::run_time;
use parindex::pipeline::{ScoreRequest, score};
use parindex::publish::{PublishError, publish};
use parindex::rank::RankMode;
use parindex::score::BasisChoice;
use parindex::t;

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
    #[arg(long, value_parser = choice::<BasisChoice>(), default_value = "auto")]
    basis: BasisChoice,
    /// Ranking after ties: competition (1, 2, 2, 4) or dense (1, 2, 2, 3).
    #[arg(long = "rank", value_name = "RANK", value_parser = choice::<RankMode>(), default_value = "competition")]
    rank_mode: RankMode,
    #[command(flatten)]
    output: OutputArgs,
    /// Score the valid units even when others are invalid; the excluded units are listed and the
    /// exit code is 4.
    #[arg(long)]
    keep_going: bool,
    /// The decision the result is published with (TOML): its number, date and issuer are printed
    /// on the annex.
    #[arg(long, value_name = "FILE")]
    decision: Option<PathBuf>,
    /// The units expected to submit (CSV or workbook with unit_code and unit_name): those
    /// without a form are listed as not submitted.
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// Units on the roster without a form do not make the result incomplete (exit code 0).
    #[arg(long, requires = "roster")]
    accept_missing: bool,
    /// The points of the framework's external components (survey, leadership): CSV or workbook
    /// with unit_code, criterion_code and points, or answer tallies A, B, C, D.
    #[arg(long, value_name = "FILE", conflicts_with = "preliminary")]
    external: Option<PathBuf>,
    /// Score the forms alone, leaving the external components out of points and maximum; every
    /// output says "tạm tính" (preliminary).
    #[arg(long)]
    preliminary: bool,
    /// Write a result sheet for each unit into this folder (CODE.xlsx), to send back to it.
    #[arg(long, value_name = "DIR")]
    per_unit: Option<PathBuf>,
}

pub fn run(args: ScoreArgs) -> anyhow::Result<i32> {
    let format = match args.output.format() {
        Ok(format) => format,
        Err(message) => {
            say::error(message);
            return Ok(exit::USAGE);
        }
    };
    let mut options = args
        .output
        .options(format, args.basis, args.rank_mode, args.keep_going);
    options.accept_missing = args.accept_missing;
    options.preliminary = args.preliminary;
    let request = ScoreRequest {
        criteria: args.criteria,
        paths: args.paths,
        options,
        record: args.output.file.is_some(),
        output: args.output.file.clone(),
        decision: args.decision,
        roster: args.roster,
        external: args.external,
        per_unit: args.per_unit.clone(),
    };
    let published = score(&request, run_time(), &Bar::new())?;
    for report in &published.reports {
        print_notes(report);
        print_problems(report);
    }
    publish(
        args.output.file.as_deref(),
        &published.bytes,
        published.manifest.clone(),
    )?;
    args.output.confirm(format, published.units);
    if let Some(folder) = &args.per_unit {
        std::fs::create_dir_all(folder).map_err(|cause| PublishError::File {
            path: folder.clone(),
            cause,
        })?;
        for (file, bytes) in &published.per_unit {
            publish(Some(file), bytes, None)?;
        }
        say::done(t!(
            "per-unit-wrote",
            sheets = published.per_unit.len(),
            folder = folder.display().to_string()
        ));
    }

    let mut status = exit::OK;
    if !published.not_submitted.is_empty() {
        let units = published.not_submitted.len();
        if args.accept_missing {
            say::note(t!("score-not-submitted-accepted", units = units));
        } else {
            say::warning(t!("score-not-submitted", units = units));
            status = exit::INCOMPLETE;
        }
        for unit in &published.not_submitted {
            say::detail(t!(
                "score-not-submitted-unit",
                code = &unit.unit_code,
                name = &unit.unit_name
            ));
        }
    }
    let excluded: Vec<_> = published.excluded().collect();
    if excluded.is_empty() {
        return Ok(status);
    }
    say::warning(t!(
        "score-incomplete",
        units = published.units,
        excluded = excluded.len()
    ));
    for file in excluded {
        say::detail(t!("score-excluded", file = file.display().to_string()));
    }
    Ok(exit::INCOMPLETE)
}

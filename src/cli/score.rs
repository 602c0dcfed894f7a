//! `parindex score`: criteria file + unit workbooks → ranked, rated table, CSV, JSON or XLSX.

use std::path::PathBuf;

use clap::Args;

use super::{Bar, OutputArgs, choice, exit, print_notes, print_problems, say};
use parindex::manifest::run_time;
use parindex::pipeline::{ScoreRequest, score};
use parindex::publish::publish;
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
}

pub fn run(args: ScoreArgs) -> anyhow::Result<i32> {
    let format = match args.output.format() {
        Ok(format) => format,
        Err(message) => {
            say::error(message);
            return Ok(exit::USAGE);
        }
    };
    let request = ScoreRequest {
        criteria: args.criteria,
        paths: args.paths,
        options: args
            .output
            .options(format, args.basis, args.rank_mode, args.keep_going),
        record: args.output.file.is_some(),
        output: args.output.file.clone(),
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

    let excluded: Vec<_> = published.excluded().collect();
    if excluded.is_empty() {
        return Ok(exit::OK);
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

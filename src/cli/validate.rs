//! `parindex validate`: check every workbook against the criteria without scoring, and report
//! every problem at once, grouped by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{Bar, choice, exit, print_skipped, say};
use parindex::batch::BatchReport;
use parindex::pipeline::{Assessed, ExternalInput, assess};
use parindex::problem::{Problem, ReportLine, Severity, grouped};
use parindex::score::BasisChoice;
use parindex::t;
use parindex::text::terminal_line;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The criteria file (TOML) the workbooks must follow.
    #[arg(long, value_name = "FILE")]
    criteria: PathBuf,
    /// Unit workbooks (.xlsx, .xls, .ods), or folders of them.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The score column that must be complete, as for `score`.
    #[arg(long, value_parser = choice::<BasisChoice>(), default_value = "auto")]
    basis: BasisChoice,
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Exit with 3 when there are warnings but no errors.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

/// Problems of one file, errors first.
struct FileReport<'a> {
    file: &'a Path,
    problems: Vec<&'a Problem>,
}

impl FileReport<'_> {
    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

pub fn run(args: ValidateArgs) -> anyhow::Result<i32> {
    // Forms are checked alone: external components' points come later, from their own file.
    let (Assessed { batch, .. }, _) = assess(
        &args.criteria,
        &args.paths,
        args.basis,
        ExternalInput::Preliminary,
        false,
        &Bar::new(),
    )?;
    let reports = by_file(&batch.report);

    let files_with = |s| reports.iter().filter(|r| r.count(s) > 0).count();
    let total = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    let (errors, warnings) = (total(Severity::Error), total(Severity::Warning));
    let summary = t!(
        "validate-summary",
        files = reports.len(),
        error_files = files_with(Severity::Error),
        errors = errors,
        warning_files = files_with(Severity::Warning),
        warnings = warnings,
    );
    match args.format {
        ReportFormat::Text => print_text(&reports, &summary),
        ReportFormat::Json => print_json(&reports, errors, warnings)?,
    }
    print_skipped(&batch.report);
    Ok(if errors > 0 {
        exit::INVALID
    } else if warnings > 0 && args.strict {
        exit::WARNINGS
    } else {
        exit::OK
    })
}

/// Every file read (and every path that could not be), in input order, with its problems.
fn by_file(batch: &BatchReport) -> Vec<FileReport<'_>> {
    let mut problems: BTreeMap<&Path, Vec<&Problem>> = BTreeMap::new();
    for problem in batch
        .excluded
        .iter()
        .flat_map(|e| &e.problems)
        .chain(&batch.warnings)
    {
        problems
            .entry(&problem.location.file)
            .or_default()
            .push(problem);
    }
    batch
        .inputs
        .iter()
        .map(|file| {
            let file = file.as_path();
            let mut list = problems.remove(file).unwrap_or_default();
            list.sort_by_key(|p| p.severity);
            FileReport {
                file,
                problems: list,
            }
        })
        .collect()
}

fn print_text(reports: &[FileReport], summary: &str) {
    for report in reports.iter().filter(|r| !r.problems.is_empty()) {
        say::out(report.file.display());
        for line in grouped(&report.problems) {
            let label = match say::severity(&line) {
                Severity::Error => t!("say-error"),
                Severity::Warning => t!("say-warning"),
            };
            let text = match &line {
                ReportLine::One(problem) => problem.within_file(),
                ReportLine::Many { sheet, text, .. } => match sheet {
                    Some(sheet) => format!("{}: {text}", t!("place-sheet", sheet = *sheet)),
                    None => text.clone(),
                },
            };
            say::out(format!("  {label:<7} {}", terminal_line(&text)));
            if let ReportLine::One(Problem {
                detail: Some(detail),
                ..
            }) = line
            {
                say::out(format!("          {}", say::detail_text(detail)));
            }
        }
    }
    say::out(summary);
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: String,
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    severity: Severity,
    sheet: Option<&'a str>,
    cell: Option<String>,
    criterion: Option<&'a str>,
    /// The kind of problem: a stable id, whatever the language of `message`.
    kind: &'a str,
    message: &'a str,
    detail: Option<&'a str>,
}

fn print_json(reports: &[FileReport], errors: usize, warnings: usize) -> anyhow::Result<()> {
    let document = JsonReport {
        files: reports
            .iter()
            .map(|r| JsonFile {
                file: r.file.display().to_string(),
                problems: r
                    .problems
                    .iter()
                    .map(|p| JsonProblem {
                        severity: p.severity,
                        sheet: p.location.sheet.as_deref(),
                        cell: p.location.cell.map(|c| c.to_string()),
                        criterion: p.criterion.as_deref(),
                        kind: p.kind,
                        message: &p.message,
                        detail: p.detail.as_deref(),
                    })
                    .collect(),
            })
            .collect(),
        errors,
        warnings,
    };
    say::out_raw(&serde_json::to_string_pretty(&document)?);
    Ok(())
}

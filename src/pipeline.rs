//! A run, as the domain's steps: load the framework → collect the inputs → read and score every
//! workbook in parallel → check across units → rank → render. `score`, `compare`, `validate`,
//! `verify`, `explain` and the benches all go through here; the command line only parses
//! arguments, prints and sets exit codes.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::batch::{Batch, BatchReport, Excluded, collect_inputs, score_all};
use crate::compare::{CompareError, compare as compare_years};
use crate::decision::{Decision, DecisionError};
use crate::explain::{UnknownCode, explain as explain_unit};
use crate::external::{External, ExternalError};
use crate::framework::{Framework, FrameworkError};
use crate::i18n::io_reason;
use crate::manifest::{
    HashedFile, Manifest, RunInputs, ScoredInputs, YearInputs, sha256, sha256_of_file,
};
use crate::mapping::{Mapping, MappingError};
use crate::options::RunOptions;
use crate::output::{CompareReport, ScoreReport, per_unit, render};
use crate::problem::Problem;
use crate::publish::{PublishError, check_target};
use crate::rank::rank;
use crate::results::{ResultSet, ResultsError};
use crate::roster::{Roster, RosterError, RosterUnit};
use crate::score::{BasisChoice, ExternalSupply, score_unit};
use crate::summary::Summary;
use crate::t;
use crate::workbook::read_unit;

pub use crate::batch::{Progress, Quiet};

/// Why a run produced nothing.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Framework(#[from] FrameworkError),
    #[error(transparent)]
    Results(#[from] ResultsError),
    #[error(transparent)]
    Mapping(#[from] MappingError),
    #[error(transparent)]
    Compare(#[from] CompareError),
    #[error(transparent)]
    Decision(#[from] DecisionError),
    #[error(transparent)]
    Roster(#[from] RosterError),
    #[error(transparent)]
    External(#[from] ExternalError),
    /// Rows of the external file for units that are neither scored nor on the roster.
    #[error("{}\n{}", t!("external-unknown-units"), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    ExternalUnits(Vec<String>),
    /// The output would overwrite an input, or is not a regular file.
    #[error(transparent)]
    Output(#[from] PublishError),
    /// Some workbooks have problems and the run was not asked to keep going.
    #[error("{}", t!("run-invalid-files", excluded = report.excluded.len(), total = report.excluded.len() + *scored))]
    InvalidFiles {
        report: Box<BatchReport>,
        scored: usize,
    },
    /// Some workbooks of one year of a comparison have problems: a unit left out would show as
    /// new or dropped, so there is no keeping going.
    #[error("{}", t!("run-invalid-year", excluded = report.excluded.len(), total = report.excluded.len() + *scored, criteria = criteria.display().to_string()))]
    InvalidYear {
        criteria: PathBuf,
        report: Box<BatchReport>,
        scored: usize,
    },
    #[error("{}", t!("run-nothing-scored"))]
    NothingScored { report: Box<BatchReport> },
    #[error("{}", t!("run-nothing-scored-for-year", criteria = criteria.display().to_string()))]
    NothingScoredForYear {
        criteria: PathBuf,
        report: Box<BatchReport>,
    },
    #[error("{}", t!("run-record", reason = io_reason(.0)))]
    Record(io::Error),
    #[error("{}", t!("run-render", reason = .0.to_string()))]
    Render(io::Error),
}

impl PipelineError {
    /// What became of the inputs, when the run failed because of them (for the messages).
    pub fn report(&self) -> Option<&BatchReport> {
        match self {
            PipelineError::InvalidFiles { report, .. }
            | PipelineError::InvalidYear { report, .. }
            | PipelineError::NothingScored { report }
            | PipelineError::NothingScoredForYear { report, .. } => Some(report),
            _ => None,
        }
    }
}

/// A framework and every workbook read and scored against it.
pub struct Assessed {
    pub framework: Framework,
    pub batch: Batch,
}

/// Loads the framework, collects the inputs, reads and scores every workbook in parallel and
/// checks across units. `validate` stops here; `score` and `compare` go on to rank and render.
/// `keep_forms` keeps every scored unit's form (see [`Batch::forms`]).
pub fn assess(
    criteria: &Path,
    paths: &[PathBuf],
    basis: BasisChoice,
    external: ExternalInput,
    keep_forms: bool,
    progress: &dyn Progress,
) -> Result<(Assessed, Option<External>), PipelineError> {
    let framework = Framework::load(criteria)?;
    let loaded = external.load(&framework)?;
    let supply = external.supply(loaded.as_ref());
    let batch = score_all(&framework, paths, basis, supply, keep_forms, progress);
    Ok((Assessed { framework, batch }, loaded))
}

/// Where the points of a framework's external components come from, as asked.
#[derive(Debug, Clone, Copy)]
pub enum ExternalInput<'a> {
    /// No file: a framework with external components cannot be scored completely.
    Missing,
    File(&'a Path),
    /// Score the forms alone (`--preliminary`; also what `validate` checks).
    Preliminary,
}

impl<'a> ExternalInput<'a> {
    /// As asked with `--external FILE` and `--preliminary`: preliminary wins (the command line
    /// does not allow both).
    pub fn of(file: Option<&'a Path>, preliminary: bool) -> Self {
        match (file, preliminary) {
            (_, true) => ExternalInput::Preliminary,
            (Some(file), false) => ExternalInput::File(file),
            (None, false) => ExternalInput::Missing,
        }
    }

    /// The external file read against the framework, when one is given.
    fn load(self, framework: &Framework) -> Result<Option<External>, ExternalError> {
        match self {
            ExternalInput::File(path) => External::load(path, framework).map(Some),
            ExternalInput::Missing | ExternalInput::Preliminary => Ok(None),
        }
    }

    /// Where scoring takes the external points from, `loaded` being [`Self::load`]'s file.
    fn supply(self, loaded: Option<&External>) -> ExternalSupply<'_> {
        match self {
            ExternalInput::Preliminary => ExternalSupply::Preliminary,
            ExternalInput::File(_) | ExternalInput::Missing => ExternalSupply::File(loaded),
        }
    }
}

/// A scoring run, from the command line or from a manifest being verified.
#[derive(Debug, Clone)]
pub struct ScoreRequest {
    pub criteria: PathBuf,
    pub paths: Vec<PathBuf>,
    pub options: RunOptions,
    /// The result goes to a file: hash the inputs into a manifest (also carried inside an XLSX).
    pub record: bool,
    /// The file the result will be written to: refused before anything is read when it is one
    /// of the inputs or not a regular file.
    pub output: Option<PathBuf>,
    /// The decision the result is published with (`--decision`).
    pub decision: Option<PathBuf>,
    /// The units expected to submit (`--roster`).
    pub roster: Option<PathBuf>,
    /// The points of external components (`--external`).
    pub external: Option<PathBuf>,
    /// The folder for a result sheet per unit (`--per-unit`).
    pub per_unit: Option<PathBuf>,
}

/// Where one year of a comparison comes from.
#[derive(Debug, Clone)]
pub enum YearRequest {
    Results(PathBuf),
    Scored {
        criteria: PathBuf,
        paths: Vec<PathBuf>,
        /// The points of its external components (`--previous-external`, `--current-external`).
        external: Option<PathBuf>,
    },
}

/// A comparison run, from the command line or from a manifest being verified.
#[derive(Debug, Clone)]
pub struct CompareRequest {
    pub previous: YearRequest,
    pub current: YearRequest,
    pub mapping: Option<PathBuf>,
    pub options: RunOptions,
    /// As for [`ScoreRequest::record`].
    pub record: bool,
    /// As for [`ScoreRequest::output`].
    pub output: Option<PathBuf>,
}

/// A rendered result, not yet written.
pub struct Published {
    pub bytes: Vec<u8>,
    /// The run's manifest, when it was asked to record its inputs.
    pub manifest: Option<Manifest>,
    /// What became of the inputs of each batch of workbooks read (none for results files).
    pub reports: Vec<BatchReport>,
    /// Units in the result.
    pub units: usize,
    /// Rostered units without a form, in the roster's order.
    pub not_submitted: Vec<RosterUnit>,
    /// A result sheet per unit (`--per-unit`): where each goes, and its bytes.
    pub per_unit: Vec<(PathBuf, Vec<u8>)>,
}

impl Published {
    /// Files `--keep-going` left out of the result.
    pub fn excluded(&self) -> impl Iterator<Item = &Path> {
        self.reports
            .iter()
            .flat_map(|r| &r.excluded)
            .map(|e| e.file.as_path())
    }
}

/// Scores, ranks and renders; `created` is the time the manifest records.
pub fn score(
    request: &ScoreRequest,
    created: String,
    progress: &dyn Progress,
) -> Result<Published, PipelineError> {
    let options = request.options;
    let mut inputs = listed(&request.criteria, &request.paths);
    inputs.extend(request.decision.iter().cloned());
    inputs.extend(request.roster.iter().cloned());
    inputs.extend(request.external.iter().cloned());
    if let Some(output) = &request.output {
        check_target(output, request.record, &inputs)?;
    }
    let decision = request
        .decision
        .as_deref()
        .map(Decision::load)
        .transpose()?;
    let roster = request.roster.as_deref().map(Roster::load).transpose()?;
    let keep_forms = request.per_unit.is_some();
    let external = ExternalInput::of(request.external.as_deref(), options.preliminary);
    let (Assessed { framework, batch }, external) = assess(
        &request.criteria,
        &request.paths,
        options.basis,
        external,
        keep_forms,
        progress,
    )?;
    let Batch {
        mut scored,
        mut report,
        mut forms,
    } = batch;
    if let Some(roster) = &roster {
        // A form of a unit that is not on the roster is that file's problem, like any other.
        for unit in std::mem::take(&mut scored) {
            match roster.check(&unit) {
                None => scored.push(unit),
                Some(problem) => {
                    forms.remove(&unit.file);
                    report.excluded.push(Excluded {
                        file: unit.file,
                        problems: vec![problem],
                    });
                }
            }
        }
    }
    if !report.excluded.is_empty() && !options.keep_going {
        let scored = scored.len();
        let report = Box::new(report);
        return Err(PipelineError::InvalidFiles { report, scored });
    }
    if scored.is_empty() {
        let report = Box::new(report);
        return Err(PipelineError::NothingScored { report });
    }
    let not_submitted = roster
        .as_ref()
        .map(|roster| roster.missing(&scored))
        .unwrap_or_default();
    if let Some(external) = &external {
        // Points for a unit nobody scored are a typing slip in a code, or the wrong file.
        let known: Vec<&str> = scored
            .iter()
            .map(|u| u.unit_code.as_str())
            .chain(not_submitted.iter().map(|u| u.unit_code.as_str()))
            .collect();
        let unknown = external.unknown_units(&known);
        if !unknown.is_empty() && report.excluded.is_empty() {
            return Err(PipelineError::ExternalUnits(unknown));
        }
    }
    let manifest = request
        .record
        .then(|| {
            let mut inputs =
                ScoredInputs::of(&request.criteria, &framework, &request.paths, &report);
            inputs.decision = request.decision.as_deref().map(HashedFile::of);
            inputs.roster = request.roster.as_deref().map(HashedFile::of);
            inputs.external = request.external.as_deref().map(HashedFile::of);
            Manifest::new(RunInputs::Score(inputs), options, created)
        })
        .transpose()
        .map_err(PipelineError::Record)?;
    let units = scored.len();
    let ranked = rank(scored, options.rank_mode);
    let summary = Summary::of(&framework, &ranked, not_submitted.len());
    let view = ScoreReport {
        framework: &framework,
        ranked: &ranked,
        excluded: &report.excluded,
        basis: options.basis,
        rank_mode: options.rank_mode,
        manifest: manifest.as_ref(),
        not_submitted: &not_submitted,
        summary: &summary,
        decision: decision.as_ref(),
        complete: report.excluded.is_empty()
            && (not_submitted.is_empty() || options.accept_missing),
    };
    let bytes = render(options.format, options.csv_style, |exporter, out| {
        exporter.score(&view, out)
    })
    .map_err(PipelineError::Render)?;
    let per_unit = match &request.per_unit {
        Some(folder) => {
            let sheets = per_unit::sheets(&view, &forms)
                .map_err(|e| PipelineError::Render(io::Error::other(e)))?;
            let mut files = Vec::new();
            for (name, bytes) in sheets {
                let file = folder.join(name);
                check_target(&file, false, &inputs)?;
                files.push((file, bytes));
            }
            files
        }
        None => Vec::new(),
    };
    Ok(Published {
        bytes,
        manifest,
        reports: vec![report],
        units,
        not_submitted,
        per_unit,
    })
}

/// Loads both years, compares and renders.
pub fn compare(
    request: &CompareRequest,
    created: String,
    progress: &dyn Progress,
) -> Result<Published, PipelineError> {
    let options = request.options;
    if let Some(output) = &request.output {
        let mut inputs = Vec::new();
        for year in [&request.previous, &request.current] {
            match year {
                YearRequest::Results(file) => inputs.push(file.clone()),
                YearRequest::Scored {
                    criteria,
                    paths,
                    external,
                } => {
                    inputs.extend(listed(criteria, paths));
                    inputs.extend(external.iter().cloned());
                }
            }
        }
        inputs.extend(request.mapping.iter().cloned());
        check_target(output, request.record, &inputs)?;
    }
    let mut reports = Vec::new();
    let (previous, previous_inputs) =
        load_year(&request.previous, options, progress, &mut reports)?;
    let (current, current_inputs) = load_year(&request.current, options, progress, &mut reports)?;
    let mapping = match &request.mapping {
        Some(file) => Mapping::load(file)?,
        None => Mapping::default(),
    };
    let comparison = compare_years(&previous, &current, &mapping, request.mapping.as_deref())?;
    let manifest = request
        .record
        .then(|| {
            let run = RunInputs::Compare {
                previous: previous_inputs,
                current: current_inputs,
                mapping: request.mapping.as_deref().map(HashedFile::of),
            };
            Manifest::new(run, options, created)
        })
        .transpose()
        .map_err(PipelineError::Record)?;
    let view = CompareReport {
        comparison: &comparison,
        manifest: manifest.as_ref(),
    };
    let bytes = render(options.format, options.csv_style, |exporter, out| {
        exporter.compare(&view, out)
    })
    .map_err(PipelineError::Render)?;
    Ok(Published {
        bytes,
        manifest,
        reports,
        units: comparison.units.len(),
        not_submitted: Vec::new(),
        per_unit: Vec::new(),
    })
}

/// The files a scoring run will read — the criteria file and every workbook path, folders
/// listed as the batch lists them — known before anything is read.
fn listed(criteria: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut report = BatchReport::default();
    collect_inputs(paths, &mut report);
    std::iter::once(criteria.to_path_buf())
        .chain(report.inputs)
        .collect()
}

/// One year's results: read from a results file, or scored from workbooks. Any invalid workbook
/// stops the comparison, since a unit left out would wrongly show as new or dropped.
fn load_year(
    request: &YearRequest,
    options: RunOptions,
    progress: &dyn Progress,
    reports: &mut Vec<BatchReport>,
) -> Result<(ResultSet, YearInputs), PipelineError> {
    let (criteria, paths, external_file) = match request {
        YearRequest::Results(file) => {
            let set = ResultSet::read(file)?;
            let file = HashedFile::of(file);
            return Ok((set, YearInputs::Results { file }));
        }
        YearRequest::Scored {
            criteria,
            paths,
            external,
        } => (criteria, paths, external.as_deref()),
    };
    let external = ExternalInput::of(external_file, false);
    let (Assessed { framework, batch }, external) =
        assess(criteria, paths, options.basis, external, false, progress)?;
    let Batch { scored, report, .. } = batch;
    if !report.excluded.is_empty() {
        let criteria = criteria.clone();
        let scored = scored.len();
        let report = Box::new(report);
        return Err(PipelineError::InvalidYear {
            criteria,
            report,
            scored,
        });
    }
    if scored.is_empty() {
        let criteria = criteria.clone();
        let report = Box::new(report);
        return Err(PipelineError::NothingScoredForYear { criteria, report });
    }
    if let Some(external) = &external {
        // As for `score`: points for a unit nobody scored are a slip in a code, or the wrong file.
        let known: Vec<&str> = scored.iter().map(|u| u.unit_code.as_str()).collect();
        let unknown = external.unknown_units(&known);
        if !unknown.is_empty() {
            return Err(PipelineError::ExternalUnits(unknown));
        }
    }
    let mut inputs = ScoredInputs::of(criteria, &framework, paths, &report);
    inputs.external = external_file.map(HashedFile::of);
    reports.push(report);
    let ranked = rank(scored, options.rank_mode);
    let set = ResultSet::from_ranked(criteria, &framework, &ranked);
    Ok((set, YearInputs::Scored(inputs)))
}

/// Why `explain` could not explain.
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    #[error(transparent)]
    Framework(#[from] FrameworkError),
    #[error(transparent)]
    UnknownCode(#[from] UnknownCode),
    #[error(transparent)]
    External(#[from] ExternalError),
    /// The workbook cannot be scored: every problem found in it.
    #[error("{}", t!("explain-invalid", file = file.display().to_string()))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },
}

/// Where every point of one unit came from, for the whole unit or one criterion's subtree.
pub fn explain(
    criteria: &Path,
    workbook: &Path,
    code: Option<&str>,
    basis: BasisChoice,
    external: ExternalInput,
) -> Result<String, ExplainError> {
    let framework = Framework::load(criteria)?;
    let loaded = external.load(&framework)?;
    let supply = external.supply(loaded.as_ref());
    let scored = read_unit(workbook, &framework).and_then(|unit| {
        let score = score_unit(&framework, &unit, basis, supply)?;
        Ok((unit, score))
    });
    let (unit, score) = scored.map_err(|problems| ExplainError::Invalid {
        file: workbook.to_path_buf(),
        problems,
    })?;
    Ok(explain_unit(
        &framework,
        &unit,
        &score,
        code,
        loaded.as_ref(),
    )?)
}

/// One way a published result differs from what its manifest promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    InputMissing(PathBuf),
    /// A workbook in a scored folder that was not there at the run.
    InputAdded(PathBuf),
    /// Could not be read at the run, but can now.
    InputAppeared(PathBuf),
    InputChanged(PathBuf),
    /// The published file was edited since the run, or is missing.
    OutputChanged(PathBuf),
    /// Re-running on the recorded inputs gives other bytes.
    RerunDiffers(PathBuf),
    RerunFails(String),
}

/// The outcome of checking a manifest: every difference found (none: reproduced exactly).
pub struct Verification {
    pub output: HashedFile,
    pub inputs: usize,
    pub differences: Vec<Difference>,
}

/// Re-hashes every input the manifest records and the published file, re-runs the recorded
/// command at the recorded time, and compares the bytes. Paths are taken relative to the
/// current folder, which must be the run's working folder.
pub fn verify(manifest: &Manifest) -> Option<Verification> {
    let output = manifest.output.clone()?;
    let mut differences = Vec::new();
    let inputs = manifest.run.files();
    for file in &inputs {
        let now = sha256_of_file(&file.path).ok();
        if now != file.sha256 {
            let path = file.path.clone();
            differences.push(match (&file.sha256, now) {
                (Some(_), None) => Difference::InputMissing(path),
                (None, Some(_)) => Difference::InputAppeared(path),
                _ => Difference::InputChanged(path),
            });
        }
    }
    for added in added_workbooks(&manifest.run) {
        differences.push(Difference::InputAdded(added));
    }
    if sha256_of_file(&output.path).ok() != output.sha256 {
        differences.push(Difference::OutputChanged(output.path.clone()));
    }
    match rerun(manifest) {
        Ok(bytes) if Some(sha256(&bytes)) == output.sha256 => {}
        Ok(_) => differences.push(Difference::RerunDiffers(output.path.clone())),
        Err(e) => differences.push(Difference::RerunFails(e.to_string())),
    }
    Some(Verification {
        output,
        inputs: inputs.len(),
        differences,
    })
}

/// Workbooks the recorded paths lead to now that the run did not read.
fn added_workbooks(run: &RunInputs) -> Vec<PathBuf> {
    let scored: Vec<&ScoredInputs> = match run {
        RunInputs::Score(inputs) => vec![inputs],
        RunInputs::Compare {
            previous, current, ..
        } => [previous, current]
            .into_iter()
            .filter_map(|year| match year {
                YearInputs::Scored(inputs) => Some(inputs),
                YearInputs::Results { .. } => None,
            })
            .collect(),
    };
    let mut added = Vec::new();
    for inputs in scored {
        let read: HashSet<&Path> = inputs.workbooks.iter().map(|w| w.path.as_path()).collect();
        let now = collect_inputs(&inputs.rerun_paths(), &mut BatchReport::default());
        added.extend(
            now.into_iter()
                .filter(|path| !read.contains(path.as_path())),
        );
    }
    added
}

/// Runs the recorded command again on the recorded inputs, at the recorded time.
fn rerun(manifest: &Manifest) -> Result<Vec<u8>, PipelineError> {
    let created = manifest.created.clone();
    let published = match &manifest.run {
        RunInputs::Score(inputs) => score(
            &ScoreRequest {
                criteria: inputs.criteria.path.clone(),
                paths: inputs.rerun_paths(),
                options: manifest.options,
                record: true,
                output: None,
                decision: inputs.decision.as_ref().map(|d| d.path.clone()),
                roster: inputs.roster.as_ref().map(|r| r.path.clone()),
                external: inputs.external.as_ref().map(|e| e.path.clone()),
                per_unit: None,
            },
            created,
            &Quiet,
        )?,
        RunInputs::Compare {
            previous,
            current,
            mapping,
        } => compare(
            &CompareRequest {
                previous: year_request(previous),
                current: year_request(current),
                mapping: mapping.as_ref().map(|m| m.path.clone()),
                options: manifest.options,
                record: true,
                output: None,
            },
            created,
            &Quiet,
        )?,
    };
    Ok(published.bytes)
}

fn year_request(inputs: &YearInputs) -> YearRequest {
    match inputs {
        YearInputs::Results { file } => YearRequest::Results(file.path.clone()),
        YearInputs::Scored(scored) => YearRequest::Scored {
            criteria: scored.criteria.path.clone(),
            paths: scored.rerun_paths(),
            external: scored.external.as_ref().map(|e| e.path.clone()),
        },
    }
}

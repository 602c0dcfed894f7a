//! Reading a framework from TOML and validating it, with line and column for every problem.

mod parts;
mod rules;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use super::{Band, BandScale, Framework, LeafRule, Level, Node, NotApplicable, Rounding, Source};
use crate::i18n::io_reason;
use crate::t;
use parts::{AdjustmentFile, ComponentFile, WeightsFile};
use rules::{MeasureFile, OptionFile, PointBandFile, RuleKind};

/// Why a framework could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FrameworkError {
    #[error("{}", t!("framework-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("framework-syntax", path = path.display().to_string(), message = message))]
    Syntax { path: PathBuf, message: String },
    #[error("{}\n{}", t!("framework-invalid", path = path.display().to_string()), list(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<SourceProblem>,
    },
}

fn list(problems: &[SourceProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A semantic problem in a criteria file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceProblem {
    pub line: usize,
    pub column: usize,
    pub code: Option<String>,
    pub message: String,
}

impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = match &self.code {
            Some(code) => t!(
                "criteria-place-code",
                line = self.line,
                column = self.column,
                code = code
            ),
            None => t!("criteria-place", line = self.line, column = self.column),
        };
        write!(f, "{place}: {}", self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkFile {
    id: String,
    name: String,
    name_en: Option<String>,
    level: Level,
    year: Spanned<i32>,
    total_max: Spanned<Decimal>,
    #[serde(default = "default_decimals")]
    decimals: Spanned<u32>,
    #[serde(default)]
    rounding: Rounding,
    scored_units: Option<String>,
    note: Option<String>,
    #[serde(rename = "band")]
    bands: Vec<BandFile>,
    #[serde(default)]
    bands_in: BandScale,
    survey_weights: Option<WeightsFile>,
    #[serde(rename = "component", default)]
    components: Vec<ComponentFile>,
    adjustment: Option<AdjustmentFile>,
    #[serde(rename = "area")]
    areas: Vec<NodeFile>,
    #[serde(rename = "criterion", default)]
    criteria: Vec<NodeFile>,
}

fn default_decimals() -> Spanned<u32> {
    Spanned::new(0..0, 2)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandFile {
    from: Spanned<Decimal>,
    below: Option<Spanned<Decimal>>,
    label: String,
    label_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeFile {
    code: Spanned<String>,
    name: String,
    name_en: Option<String>,
    max: Spanned<Decimal>,
    allow_not_applicable: Option<Spanned<bool>>,
    not_applicable: Option<Spanned<NotApplicable>>,
    source: Option<Spanned<Source>>,
    step: Option<Spanned<Decimal>>,
    // Rule fields (see `rules`).
    rule: Option<Spanned<RuleKind>>,
    value: Option<MeasureFile>,
    whole: Option<MeasureFile>,
    parts: Option<Spanned<Vec<MeasureFile>>>,
    #[serde(rename = "band")]
    bands: Option<Spanned<Vec<PointBandFile>>>,
    #[serde(rename = "option")]
    options: Option<Spanned<Vec<OptionFile>>>,
    rounding: Option<Spanned<Rounding>>,
}

impl Framework {
    /// Reads and validates a criteria file.
    pub fn load(path: &Path) -> Result<Framework, FrameworkError> {
        let text = crate::input::read_text(
            path,
            crate::input::MAX_CRITERIA_BYTES,
            crate::input::InputKind::Criteria,
        )
        .map_err(|source| FrameworkError::Io {
            path: path.to_path_buf(),
            cause: source,
        })?;
        Framework::from_toml(&text, path)
    }

    /// Parses and validates criteria text; `path` is used only in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Framework, FrameworkError> {
        let file: FrameworkFile = toml::from_str(text).map_err(|e| FrameworkError::Syntax {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let mut checker = Checker {
            text,
            problems: Vec::new(),
        };
        let framework = checker.build(file);
        if checker.problems.is_empty() {
            Ok(framework)
        } else {
            checker.problems.sort_by_key(|p| (p.line, p.column));
            Err(FrameworkError::Invalid {
                path: path.to_path_buf(),
                problems: checker.problems,
            })
        }
    }
}

/// The largest maximum, step or total a criteria file may state. Real frameworks total 100 (110
/// with a bonus block); the bound keeps every sum and product far from overflowing.
pub const MAX_POINTS: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
/// Decimals a maximum, step or band bound may have (0.125 and 0.0625 are real steps).
pub const MAX_DECIMALS: u32 = 4;

struct Checker<'a> {
    text: &'a str,
    problems: Vec<SourceProblem>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, code: Option<&str>, message: String) {
        let (line, column) = line_column(self.text, span.start);
        self.problems.push(SourceProblem {
            line,
            column,
            code: code.map(str::to_string),
            message,
        });
    }

    /// A number of the criteria file, as written: exactly the value read (a long literal would
    /// have been rounded on the way in), with at most [`MAX_DECIMALS`] decimals, within `range`.
    fn check_number(
        &mut self,
        value: &Spanned<Decimal>,
        code: Option<&str>,
        what: &str,
        range: std::ops::RangeInclusive<Decimal>,
    ) {
        let span = value.span();
        let literal: String = self
            .text
            .get(span.clone())
            .unwrap_or_default()
            .trim_matches(|c| matches!(c, '"' | '\'' | ' '))
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let read = *value.get_ref();
        let exact =
            Decimal::from_str_exact(&literal).or_else(|_| Decimal::from_scientific(&literal));
        if !matches!(exact, Ok(d) if d == read) {
            self.report(
                span,
                code,
                t!(
                    "criteria-number-inexact",
                    what = what,
                    literal = &literal,
                    decimals = MAX_DECIMALS
                ),
            );
        } else if read.normalize().scale() > MAX_DECIMALS {
            self.report(
                span,
                code,
                t!(
                    "criteria-number-decimals",
                    what = what,
                    literal = &literal,
                    decimals = MAX_DECIMALS
                ),
            );
        } else if !range.contains(&read) {
            self.report(
                span,
                code,
                t!(
                    "criteria-number-range",
                    what = what,
                    literal = &literal,
                    low = range.start().to_string(),
                    high = range.end().to_string()
                ),
            );
        }
    }

    /// Every number of the file as written: exact, few decimals, within bounds.
    fn check_numbers(&mut self, file: &FrameworkFile) {
        let points = Decimal::ZERO..=MAX_POINTS;
        let percent = Decimal::ZERO..=band_top(file);
        self.check_number(
            &file.total_max,
            None,
            &t!("criteria-what-total"),
            points.clone(),
        );
        for entry in file.areas.iter().chain(&file.criteria) {
            let code = entry.code.get_ref().trim();
            self.check_number(
                &entry.max,
                Some(code),
                &t!("criteria-what-max"),
                points.clone(),
            );
            if let Some(step) = &entry.step {
                self.check_number(step, Some(code), &t!("criteria-what-step"), points.clone());
            }
        }
        for band in &file.bands {
            self.check_number(&band.from, None, &t!("criteria-what-band"), percent.clone());
            if let Some(below) = &band.below {
                self.check_number(below, None, &t!("criteria-what-band"), percent.clone());
            }
        }
    }

    fn build(&mut self, file: FrameworkFile) -> Framework {
        self.check_numbers(&file);
        let year = *file.year.get_ref();
        if !(2000..=2100).contains(&year) {
            self.report(
                file.year.span(),
                None,
                t!("criteria-year", year = year.to_string()),
            );
        }
        let decimals = *file.decimals.get_ref();
        if decimals > 6 {
            self.report(
                file.decimals.span(),
                None,
                t!("criteria-decimals", decimals = decimals),
            );
        }
        let mut nodes = self.build_tree(&file.areas, &file.criteria);
        let source_given: std::collections::HashSet<String> = file
            .areas
            .iter()
            .chain(&file.criteria)
            .filter(|entry| entry.source.is_some())
            .map(|entry| nfc(entry.code.get_ref().trim()))
            .collect();
        let components = self.components(&file.components, &mut nodes, &source_given);
        let adjustment = file
            .adjustment
            .as_ref()
            .map(|adjustment| self.adjustment(adjustment, &nodes));
        let survey_weights = file.survey_weights.as_ref().map(|w| self.survey_weights(w));
        let area_sum = checked_sum(nodes.iter().filter(|n| n.is_area()).map(|n| n.max));
        let total_max = *file.total_max.get_ref();
        match area_sum {
            Some(sum) if sum == total_max => {}
            Some(sum) => self.report(
                file.total_max.span(),
                None,
                t!(
                    "criteria-total-sum",
                    total = total_max.to_string(),
                    sum = sum.to_string()
                ),
            ),
            None => self.report(file.total_max.span(), None, t!("criteria-total-overflow")),
        }
        let bands = self.build_bands(&file.bands, band_top(&file));
        let by_code = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.code.clone(), i))
            .collect();
        let mut framework = Framework {
            id: file.id,
            name: nfc(&file.name),
            name_en: file.name_en,
            level: file.level,
            year,
            total_max,
            decimals,
            rounding: file.rounding,
            scored_units: file.scored_units.as_deref().map(nfc),
            note: file.note,
            nodes,
            bands,
            band_scale: file.bands_in,
            components,
            adjustment,
            survey_weights,
            by_code,
            fingerprint: String::new(),
        };
        framework.fingerprint = framework.compute_fingerprint();
        framework
    }

    /// Links areas and criteria into one tree by their codes and checks the maxima.
    fn build_tree(&mut self, areas: &[NodeFile], criteria: &[NodeFile]) -> Vec<Node> {
        // Every entry, areas first, with its code normalised; duplicates are reported and dropped.
        let mut entries: Vec<(&NodeFile, String)> = Vec::new();
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        for (entry, is_area) in areas
            .iter()
            .map(|a| (a, true))
            .chain(criteria.iter().map(|c| (c, false)))
        {
            let code = nfc(entry.code.get_ref().trim());
            let span = entry.code.span();
            if !is_valid_code(&code) {
                self.report(span, None, t!("criteria-code-invalid", code = &code));
                continue;
            }
            let depth = code.split('.').count();
            if is_area && depth != 1 {
                self.report(span, Some(&code), t!("criteria-area-code"));
                continue;
            }
            if !is_area && depth == 1 {
                self.report(span, Some(&code), t!("criteria-criterion-code"));
                continue;
            }
            if let Some(&first) = first_seen.get(&code) {
                let (line, _) = line_column(self.text, entries[first].0.code.span().start);
                self.report(span, Some(&code), t!("criteria-duplicate", line = line));
                continue;
            }
            if *entry.max.get_ref() <= Decimal::ZERO {
                self.report(
                    entry.max.span(),
                    Some(&code),
                    t!("criteria-max-zero", max = entry.max.get_ref().to_string()),
                );
            }
            first_seen.insert(code.clone(), entries.len());
            entries.push((entry, code));
        }

        // Children of each entry, in file order; criteria whose parent is missing are reported.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
        let mut roots = Vec::new();
        for (i, (entry, code)) in entries.iter().enumerate() {
            match code.rsplit_once('.') {
                None => roots.push(i),
                Some((parent_code, _)) => match first_seen.get(parent_code) {
                    Some(&parent) => children[parent].push(i),
                    None => self.report(
                        entry.code.span(),
                        Some(code),
                        t!("criteria-no-parent", parent = parent_code),
                    ),
                },
            }
        }

        let mut nodes = Vec::with_capacity(entries.len());
        for root in roots {
            self.push_subtree(root, None, &entries, &children, &mut nodes);
        }
        nodes
    }

    fn push_subtree(
        &mut self,
        entry_index: usize,
        parent: Option<usize>,
        entries: &[(&NodeFile, String)],
        children: &[Vec<usize>],
        nodes: &mut Vec<Node>,
    ) {
        let (entry, code) = &entries[entry_index];
        let index = nodes.len();
        let is_leaf = children[entry_index].is_empty();
        let max = *entry.max.get_ref();
        let leaf = if is_leaf {
            self.leaf_rule(entry, code, parent.is_none())
        } else {
            self.reject_leaf_fields(entry, code);
            None
        };
        nodes.push(Node {
            code: code.clone(),
            name: nfc(&entry.name),
            name_en: entry.name_en.clone(),
            max,
            parent,
            children: Vec::new(),
            leaf,
        });
        if let Some(p) = parent {
            nodes[p].children.push(index);
        }
        for &child in &children[entry_index] {
            self.push_subtree(child, Some(index), entries, children, nodes);
        }
        if !is_leaf {
            match checked_sum(nodes[index].children.iter().map(|&c| nodes[c].max)) {
                Some(sum) if sum == max => {}
                Some(sum) => self.report(
                    entry.max.span(),
                    Some(code),
                    t!(
                        "criteria-max-sum",
                        max = max.to_string(),
                        sum = sum.to_string()
                    ),
                ),
                None => self.report(entry.max.span(), Some(code), t!("criteria-max-overflow")),
            }
        }
    }

    fn leaf_rule(&mut self, entry: &NodeFile, code: &str, is_area: bool) -> Option<LeafRule> {
        if is_area {
            self.report(entry.code.span(), Some(code), t!("criteria-empty-area"));
        }
        let max = *entry.max.get_ref();
        let step = entry.step.as_ref().map(|s| (*s.get_ref(), s.span()));
        if let Some((step, span)) = &step {
            if *step <= Decimal::ZERO {
                self.report(
                    span.clone(),
                    Some(code),
                    t!("criteria-step-zero", step = step.to_string()),
                );
            } else if !(max % step).is_zero() {
                self.report(
                    span.clone(),
                    Some(code),
                    t!(
                        "criteria-max-step",
                        max = max.to_string(),
                        step = step.to_string()
                    ),
                );
            }
        }
        let not_applicable = match (&entry.allow_not_applicable, &entry.not_applicable) {
            (Some(_), Some(policy)) => {
                self.report(
                    policy.span(),
                    Some(code),
                    t!("criteria-not-applicable-twice"),
                );
                None
            }
            (Some(allow), None) => allow.get_ref().then_some(NotApplicable::LeaveOut),
            (None, Some(policy)) => Some(*policy.get_ref()),
            (None, None) => None,
        };
        let source = entry
            .source
            .as_ref()
            .map(|s| *s.get_ref())
            .unwrap_or_default();
        if let Some(given) = &entry.source
            && *given.get_ref() == Source::External
        {
            self.report(given.span(), Some(code), t!("criteria-source-external"));
        }
        let step = step.map(|(s, _)| s);
        let rule = self.leaf_rule_kind(entry, code, max, step);
        if let (Some(rule_kind), Some(survey)) = (&entry.rule, &entry.source)
            && *survey.get_ref() == Source::Survey
        {
            self.report(rule_kind.span(), Some(code), t!("rule-survey"));
        }
        Some(LeafRule {
            not_applicable,
            source,
            step,
            rule,
        })
    }

    fn reject_leaf_fields(&mut self, entry: &NodeFile, code: &str) {
        let misplaced = [
            entry
                .allow_not_applicable
                .as_ref()
                .map(|f| ("allow_not_applicable", f.span())),
            entry
                .not_applicable
                .as_ref()
                .map(|f| ("not_applicable", f.span())),
            entry.source.as_ref().map(|f| ("source", f.span())),
            entry.step.as_ref().map(|f| ("step", f.span())),
        ];
        for (field, span) in misplaced.into_iter().flatten().chain(entry.rule_fields()) {
            self.report(span, Some(code), t!("criteria-leaf-field", field = field));
        }
    }

    fn build_bands(&mut self, files: &[BandFile], top_value: Decimal) -> Vec<Band> {
        let mut order: Vec<&BandFile> = files.iter().collect();
        order.sort_by_key(|b| *b.from.get_ref());
        if order.is_empty() {
            self.report(0..0, None, t!("criteria-no-band"));
            return Vec::new();
        }
        let lowest = order[0];
        if !lowest.from.get_ref().is_zero() {
            self.report(
                lowest.from.span(),
                None,
                t!(
                    "criteria-band-start",
                    band = &lowest.label,
                    from = lowest.from.get_ref().to_string()
                ),
            );
        }
        for pair in order.windows(2) {
            let (lower, upper) = (pair[0], pair[1]);
            let next_from = *upper.from.get_ref();
            match &lower.below {
                None => self.report(
                    lower.from.span(),
                    None,
                    t!(
                        "criteria-band-open",
                        band = &lower.label,
                        next = &upper.label,
                        from = next_from.to_string()
                    ),
                ),
                Some(below) if *below.get_ref() < next_from => self.report(
                    below.span(),
                    None,
                    t!(
                        "criteria-band-gap",
                        band = &lower.label,
                        below = below.get_ref().to_string(),
                        next = &upper.label,
                        from = next_from.to_string()
                    ),
                ),
                Some(below) if *below.get_ref() > next_from => self.report(
                    below.span(),
                    None,
                    t!(
                        "criteria-band-overlap",
                        band = &lower.label,
                        below = below.get_ref().to_string(),
                        next = &upper.label,
                        from = next_from.to_string()
                    ),
                ),
                Some(_) => {}
            }
        }
        let top = order[order.len() - 1];
        if *top.from.get_ref() > top_value {
            self.report(
                top.from.span(),
                None,
                t!(
                    "criteria-band-above",
                    band = &top.label,
                    top = top_value.to_string()
                ),
            );
        }
        if let Some(below) = &top.below {
            self.report(
                below.span(),
                None,
                t!("criteria-band-top", band = &top.label),
            );
        }
        order
            .into_iter()
            .map(|b| Band {
                from: *b.from.get_ref(),
                below: b.below.as_ref().map(|x| *x.get_ref()),
                label: nfc(&b.label),
                label_en: b.label_en.clone(),
            })
            .collect()
    }
}

/// The highest value a band may start at: 100 for bands in percent; for bands in points, the
/// total maximum plus the bonus cap (or 100 + the cap for an "added" index in percent).
fn band_top(file: &FrameworkFile) -> Decimal {
    let cap = file
        .adjustment
        .as_ref()
        .map_or(Decimal::ZERO, |a| *a.bonus_cap_value());
    let base = match file.bands_in {
        BandScale::Percent => Decimal::ONE_HUNDRED,
        BandScale::Points => *file.total_max.get_ref(),
    };
    base.checked_add(cap.min(MAX_POINTS)).unwrap_or(MAX_POINTS)
}

/// A sum that reports overflow instead of panicking (the numbers are checked, but a file with
/// several problems is still built to report them all).
fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value))
}

/// Codes are dot-separated parts of ASCII letters and digits ("1", "1.2", "1.2.a").
fn is_valid_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const HEAD: &str = r#"
id = "t"
name = "Thử"
level = "commune"
year = 2022
total_max = 10
"#;

    const BANDS: &str = r#"
[[band]]
from = 0
below = 50
label = "Yếu"
label_en = "Weak"

[[band]]
from = 50
label = "Tốt"
label_en = "Good"
"#;

    fn load(body: &str) -> Result<Framework, FrameworkError> {
        Framework::from_toml(body, Path::new("t.toml"))
    }

    fn problems(body: &str) -> Vec<String> {
        match load(body) {
            Err(FrameworkError::Invalid { problems, .. }) => {
                problems.iter().map(|p| p.to_string()).collect()
            }
            other => panic!("expected validation problems, got {other:?}"),
        }
    }

    const TREE: &str = r#"
[[area]]
code = "1"
name = "Chỉ đạo"
max = 6

[[criterion]]
code = "1.1"
name = "Kế hoạch"
max = 4

[[criterion]]
code = "1.1.1"
name = "Ban hành"
max = 2.5
step = 0.5

[[criterion]]
code = "1.1.2"
name = "Thực hiện"
max = 1.5
allow_not_applicable = true

[[criterion]]
code = "1.2"
name = "Khảo sát"
max = 2
source = "survey"

[[area]]
code = "2"
name = "Thể chế"
max = 4

[[criterion]]
code = "2.1"
name = "Văn bản"
max = 4
"#;

    #[test]
    fn builds_the_tree_depth_first_with_leaf_rules() {
        let f = load(&format!("{HEAD}{BANDS}{TREE}")).unwrap();
        let codes: Vec<_> = f.nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"]);
        let leaf = |code| f.nodes[f.node_index(code).unwrap()].leaf.clone().unwrap();
        assert_eq!(leaf("1.1.1").step, Some(dec!(0.5)));
        assert_eq!(leaf("1.1.2").not_applicable, Some(NotApplicable::LeaveOut));
        assert_eq!(leaf("1.2").source, Source::Survey);
        assert!(f.nodes[1].leaf.is_none());
        assert_eq!(f.areas().count(), 2);
        assert_eq!(f.leaves().count(), 4);
        assert_eq!(f.decimals, 2);
        assert_eq!(f.rounding, Rounding::HalfAwayFromZero);
        assert_eq!(f.band_for(dec!(49.99)).label, "Yếu");
        assert_eq!(f.band_for(dec!(50)).label, "Tốt");
    }

    #[test]
    fn parent_maximum_must_equal_sum_of_children() {
        let tree = TREE.replace("max = 2.5\n", "max = 2\n");
        let found = problems(&format!("{HEAD}{BANDS}{tree}"));
        let line = tree.lines().position(|l| l == "max = 4").unwrap() + 1;
        let line = line + format!("{HEAD}{BANDS}").lines().count();
        assert_eq!(
            found,
            [format!(
                "dòng {line}, cột 7, tiêu chí 1.1: điểm tối đa 4 khác tổng điểm tối đa các tiêu chí con, 3.5"
            )]
        );
    }

    #[test]
    fn problems_carry_line_and_column() {
        let body = format!(
            "{HEAD}{BANDS}{}",
            TREE.replace("code = \"2.1\"", "code = \"1.1\"")
        );
        let found = problems(&body);
        let dup_line = body.lines().position(|l| l == "code = \"1.1\"").unwrap() + 1;
        let second = body
            .lines()
            .skip(dup_line)
            .position(|l| l == "code = \"1.1\"")
            .unwrap()
            + dup_line
            + 1;
        assert!(
            found.iter().any(|p| p
                == &format!(
                    "dòng {second}, cột 8, tiêu chí 1.1: trùng mã: đã khai báo ở dòng {dup_line}"
                )),
            "{found:?}"
        );
    }

    #[test]
    fn rejects_orphans_bad_codes_and_misplaced_leaf_fields() {
        let extra = r#"
[[criterion]]
code = "3.1"
name = "Mồ côi"
max = 1

[[criterion]]
code = "1..2"
name = "Sai mã"
max = 1
"#;
        let tree = TREE.replace(
            "name = \"Kế hoạch\"\nmax = 4",
            "name = \"Kế hoạch\"\nmax = 4\nstep = 1",
        );
        let found = problems(&format!("{HEAD}{BANDS}{tree}{extra}"));
        assert!(
            found
                .iter()
                .any(|p| p
                    .contains("tiêu chí 1.1: step chỉ dùng cho tiêu chí không có tiêu chí con"))
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("tiêu chí 3.1: chưa khai báo mã cha \"3\""))
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("mã \"1..2\" không phải mã phân cấp"))
        );
    }

    #[test]
    fn total_must_match_areas() {
        let head = HEAD.replace("total_max = 10", "total_max = 100");
        let found = problems(&format!("{head}{BANDS}{TREE}"));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("total_max là 100 nhưng điểm tối đa các lĩnh vực cộng lại là 10")
        );
    }

    #[test]
    fn bands_must_cover_zero_to_hundred_without_gaps_or_overlaps() {
        let gap = BANDS.replace("below = 50", "below = 40");
        assert!(
            problems(&format!("{HEAD}{gap}{TREE}"))[0]
                .contains("hở: mức \"Yếu\" kết thúc dưới 40 nhưng mức \"Tốt\" bắt đầu từ 50")
        );
        let overlap = BANDS.replace("below = 50", "below = 60");
        assert!(problems(&format!("{HEAD}{overlap}{TREE}"))[0].contains("chồng lấn"));
        let not_zero = BANDS.replace("from = 0", "from = 10");
        assert!(
            problems(&format!("{HEAD}{not_zero}{TREE}"))[0]
                .contains("các mức xếp loại phải bắt đầu từ 0")
        );
        let capped_top = format!("{BANDS}below = 100\n");
        assert!(
            problems(&format!("{HEAD}{capped_top}{TREE}"))[0]
                .contains("mức cao nhất \"Tốt\" không được có `below`")
        );
    }

    #[test]
    fn component_codes_that_would_clash_with_output_columns_are_refused() {
        let components = "[[component]]\ncode = \"final\"\nname = \"X\"\nareas = [\"1\", \"2\"]\n";
        let found = problems(&format!("{HEAD}{BANDS}{components}{TREE}"));
        assert!(
            found.iter().any(|p| p.contains("mã thành phần \"final\"")),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_fields_are_syntax_errors_with_position() {
        let typo = TREE.replacen("max = 6", "maxx = 6", 1);
        match load(&format!("{HEAD}{BANDS}{typo}")) {
            Err(FrameworkError::Syntax { message, .. }) => {
                assert!(message.contains("unknown field `maxx`"), "{message}");
                assert!(message.contains("line"), "{message}");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}

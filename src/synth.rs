//! Synthetic unit workbooks for benchmarks and tests: any number of units for a framework, with
//! varied scores, not-applicable leaves and a share of invalid files. The same seed gives the same
//! cells (only the workbook's creation time differs).
//!
//! Scores are whole multiples of each leaf's step (a quarter point for leaves without one) between
//! zero and the maximum. One unit in ten has no appraised scores, so it is scored on its self
//! scores. Not-applicable ("KPS") only goes on leaves the framework allows it for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::XlsxError;

use crate::form::{Entry, FactEntry, FilledRow, FormData, write_form};
use crate::framework::rules::{Fact, Outcome, Rule, RuleInput};
use crate::framework::{Framework, Source};

/// A small deterministic generator (xorshift64), so generated files do not depend on a crate's
/// random-number algorithm staying the same.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// How a synthetic unit is made invalid, so the reader has something to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    /// An appraised score one step above the leaf's maximum.
    AboveMax,
    /// "KPS" on a leaf that may not be not applicable.
    NotApplicableNotAllowed,
    /// A self-assessed leaf without an appraised score while the others have one.
    MissingScore,
}

/// One synthetic unit: its file name, its form, and its defect if it is meant to be invalid.
pub struct SynthUnit {
    pub file_name: String,
    pub form: FormData,
    pub defect: Option<Defect>,
}

/// Unit `number` (from 1) of a synthetic set. Every `invalid_every`-th unit has a defect (none
/// when 0). The same framework, number, seed and `invalid_every` give the same unit.
pub fn unit(framework: &Framework, number: usize, seed: u64, invalid_every: usize) -> SynthUnit {
    let mut rng = Rng::new(seed ^ (number as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let code = format!("SY{number:05}");
    let name = unit_name(&mut rng);
    // A unit's overall quality, 45–100 %, so the indexes spread over every band.
    let quality = 45 + rng.below(56);
    let has_appraisal = rng.below(10) != 0;

    let mut rows = HashMap::new();
    let mut facts = HashMap::new();
    for leaf in framework.leaves() {
        let node = &framework.nodes[leaf];
        let rule = node.leaf.as_ref().expect("leaves have rules");
        let row = if rule.allows_not_applicable() && rng.below(20) == 0 {
            FilledRow {
                self_score: Some(Entry::NotApplicable),
                // Any appraised entry, even "KPS", would put the unit on the appraised basis.
                appraised: has_appraisal.then_some(Entry::NotApplicable),
                evidence: String::new(),
                note: "Không phát sinh trong năm".to_string(),
            }
        } else {
            let grain = rule.step.unwrap_or(Decimal::new(25, 2));
            let steps = (node.max / grain)
                .floor()
                .to_usize()
                .expect("a leaf has few steps");
            // Within 20 points of the unit's quality, as a share of the leaf's steps.
            let percent = (quality + rng.below(41)).saturating_sub(20).min(100);
            let mut points = grain * Decimal::from((steps * percent + 50) / 100);
            let mut self_points = (points + grain * Decimal::from(rng.below(2))).min(node.max);
            // A rule leaf's points come from facts; the table repeats them.
            if let Some(rule) = &rule.rule {
                let whole = 50 + rng.below(950) as u32;
                let (achieved, leaf_facts) = facts_giving(
                    rule,
                    node.max,
                    node.leaf.as_ref().and_then(|l| l.step),
                    points,
                    whole,
                );
                points = achieved;
                self_points = achieved;
                for (key, entry) in leaf_facts {
                    facts.insert((leaf, key), entry);
                }
            }
            let survey = rule.source == Source::Survey;
            FilledRow {
                self_score: (!survey).then_some(Entry::Points(self_points)),
                appraised: (survey || has_appraisal).then_some(Entry::Points(points)),
                evidence: format!("Văn bản số {}/UBND-VP", 10 + rng.below(990)),
                note: String::new(),
            }
        };
        rows.insert(leaf, row);
    }

    let defect = (invalid_every > 0 && number.is_multiple_of(invalid_every)).then(|| {
        let defect = [
            Defect::AboveMax,
            Defect::NotApplicableNotAllowed,
            Defect::MissingScore,
        ][rng.below(3)];
        spoil(framework, &mut rows, defect, &mut rng);
        defect
    });

    SynthUnit {
        file_name: format!("{code}.xlsx"),
        form: FormData {
            unit_code: code,
            unit_name: name,
            rows,
            facts,
        },
        defect,
    }
}

/// Facts as entered on the form, by key.
type FactEntries = Vec<(String, FactEntry)>;

/// Facts for a rule that give the most points it can give up to `target` (the least it can give
/// when none is that low), and those points. Counts use `whole` as the total: the first counted
/// part takes what counts, the first other part the rest.
pub fn facts_giving(
    rule: &Rule,
    max: Decimal,
    step: Option<Decimal>,
    target: Decimal,
    whole: u32,
) -> (Decimal, FactEntries) {
    let candidates: Vec<(Vec<Fact>, FactEntries)> = match rule {
        Rule::Choice { measure, options } => options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                (
                    vec![Fact::Choice(i)],
                    vec![(measure.key.clone(), FactEntry::Text(o.name.clone()))],
                )
            })
            .collect(),
        Rule::Thresholds {
            input: RuleInput::Value(measure),
            bands,
        } => bands
            .iter()
            .map(|band| {
                let value = match band.upper {
                    Some(upper) => (band.lower.value + upper.value) / Decimal::TWO,
                    None if band.lower.inclusive => band.lower.value,
                    None => band.lower.value + Decimal::ONE,
                };
                (
                    vec![Fact::Number(value)],
                    vec![(measure.key.clone(), FactEntry::Number(value))],
                )
            })
            .collect(),
        Rule::Thresholds {
            input: RuleInput::Ratio(ratio),
            ..
        }
        | Rule::Proportional { ratio, .. } => (0..=whole)
            .rev()
            .map(|counted| {
                let first_other = (0..ratio.parts.len()).find(|i| !ratio.counted.contains(i));
                let first_counted = ratio.counted[0];
                // A second counted part (on time, after early) takes about 1 in 100.
                let second_counted = ratio.counted.get(1).copied();
                let share = if second_counted.is_some() {
                    counted / 100
                } else {
                    0
                };
                let mut numbers = vec![Decimal::from(whole)];
                numbers.extend((0..ratio.parts.len()).map(|i| {
                    if i == first_counted {
                        Decimal::from(counted - share)
                    } else if Some(i) == second_counted {
                        Decimal::from(share)
                    } else if Some(i) == first_other {
                        Decimal::from(whole - counted)
                    } else {
                        Decimal::ZERO
                    }
                }));
                let entries = ratio
                    .measures()
                    .iter()
                    .zip(&numbers)
                    .map(|(m, n)| (m.key.clone(), FactEntry::Number(*n)))
                    .collect();
                (numbers.into_iter().map(Fact::Number).collect(), entries)
            })
            .collect(),
    };
    let points_of = |facts: &[Fact]| match rule.evaluate(facts, max, step) {
        Ok(Outcome::Points { points, .. }) => points,
        _ => Decimal::ZERO,
    };
    let scored: Vec<(Decimal, FactEntries)> = candidates
        .into_iter()
        .map(|(facts, entries)| (points_of(&facts), entries))
        .collect();
    let best = scored
        .iter()
        .filter(|(points, _)| *points <= target)
        .max_by_key(|(points, _)| *points)
        .or_else(|| scored.iter().min_by_key(|(points, _)| *points))
        .expect("a rule has at least one outcome");
    best.clone()
}

/// Applies `defect` to one leaf that can show it.
fn spoil(
    framework: &Framework,
    rows: &mut HashMap<usize, FilledRow>,
    defect: Defect,
    rng: &mut Rng,
) {
    let fits = |leaf: &usize| {
        let rule = framework.nodes[*leaf]
            .leaf
            .as_ref()
            .expect("leaves have rules");
        match defect {
            Defect::AboveMax => true,
            Defect::NotApplicableNotAllowed => !rule.allows_not_applicable(),
            Defect::MissingScore => rule.source == Source::Appraisal && rule.rule.is_none(),
        }
    };
    let candidates: Vec<usize> = framework.leaves().filter(fits).collect();
    let leaf = candidates[rng.below(candidates.len())];
    let node = &framework.nodes[leaf];
    let row = rows.get_mut(&leaf).expect("every leaf has a row");
    match defect {
        Defect::AboveMax => {
            let grain = node
                .leaf
                .as_ref()
                .and_then(|r| r.step)
                .unwrap_or(Decimal::ONE);
            row.appraised = Some(Entry::Points(node.max + grain));
        }
        Defect::NotApplicableNotAllowed => row.appraised = Some(Entry::NotApplicable),
        Defect::MissingScore => {
            // Give the leaf's self score an appraised partner everywhere else, so the unit is
            // scored on the appraised column and this leaf's gap counts.
            for (other, filled) in rows.iter_mut() {
                if *other != leaf && filled.appraised.is_none() {
                    filled.appraised = filled.self_score;
                }
            }
            rows.get_mut(&leaf).expect("every leaf has a row").appraised = None;
        }
    }
}

/// "Xã Tân Phú", "Phường Long Hòa", …: names with the diacritics real forms carry.
fn unit_name(rng: &mut Rng) -> String {
    const KINDS: [&str; 3] = ["Xã", "Phường", "Thị trấn"];
    const SYLLABLES: [&str; 16] = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Phước", "Lộc",
        "Hưng", "Thới", "Nhơn", "Trung",
    ];
    let kind = KINDS[rng.below(KINDS.len())];
    let first = rng.below(SYLLABLES.len());
    // Never the same syllable twice ("Xã Mỹ Mỹ").
    let second = (first + 1 + rng.below(SYLLABLES.len() - 1)) % SYLLABLES.len();
    format!("{kind} {} {}", SYLLABLES[first], SYLLABLES[second])
}

/// A filled form whose appraised points add up to exactly `target`, for sample units: start
/// from full marks on the applicable leaves and take points away in multiples of each leaf's
/// step (0.125 for leaves without a step) until the total is the target. The leaves coded in
/// `not_applicable` are marked "KPS". Self scores are the appraised ones, sometimes a step
/// higher; survey leaves have appraised points only. The same arguments give the same form.
///
/// # Panics
///
/// When a code of `not_applicable` is not in the framework, the target is above the applicable
/// maximum, or the steps cannot reach it exactly.
pub fn fill_to_target(
    framework: &Framework,
    code: &str,
    name: &str,
    target: Decimal,
    not_applicable: &[&str],
    seed: u64,
) -> FormData {
    let mut rng = Rng::new(seed);
    let leaves: Vec<usize> = framework.leaves().collect();
    let na: Vec<usize> = not_applicable
        .iter()
        .map(|c| framework.node_index(c).expect("not-applicable code exists"))
        .collect();
    let grain = |i: usize| {
        framework.nodes[i]
            .leaf
            .as_ref()
            .and_then(|l| l.step)
            .unwrap_or(Decimal::new(125, 3))
    };
    let mut points: HashMap<usize, Decimal> = leaves
        .iter()
        .filter(|i| !na.contains(i))
        .map(|&i| (i, framework.nodes[i].max))
        .collect();
    let mut deficit = points.values().sum::<Decimal>() - target;
    assert!(deficit >= Decimal::ZERO, "{code}: target above the maximum");
    let mut stalled = 0;
    while deficit > Decimal::ZERO {
        let candidates: Vec<usize> = leaves
            .iter()
            .copied()
            .filter(|i| points.get(i).is_some_and(|p| *p > Decimal::ZERO))
            .collect();
        let leaf = candidates[rng.below(candidates.len())];
        let step = grain(leaf);
        let half = (framework.nodes[leaf].max / Decimal::TWO / step)
            .floor()
            .max(Decimal::ONE);
        let chunk = step * Decimal::from(1 + rng.below(half.to_string().parse().unwrap_or(1)));
        let room = chunk.min(points[&leaf]).min(deficit);
        let take = (room / step).floor() * step;
        if take.is_zero() {
            stalled += 1;
            assert!(stalled < 10_000, "{code}: cannot reach the target exactly");
            continue;
        }
        *points.get_mut(&leaf).expect("candidate") -= take;
        deficit -= take;
    }

    let mut rows = HashMap::new();
    let mut facts = HashMap::new();
    for &leaf in &leaves {
        let rule = framework.nodes[leaf].leaf.as_ref().expect("leaf");
        let row = if na.contains(&leaf) {
            FilledRow {
                self_score: Some(Entry::NotApplicable),
                appraised: Some(Entry::NotApplicable),
                evidence: String::new(),
                note: "Không phát sinh trong năm".to_string(),
            }
        } else if rule.source == Source::Survey {
            FilledRow {
                self_score: None,
                appraised: Some(Entry::Points(points[&leaf])),
                evidence: "Kết quả điều tra xã hội học".to_string(),
                note: String::new(),
            }
        } else {
            let appraised = points[&leaf];
            let bump = if rng.below(4) == 0 {
                grain(leaf)
            } else {
                Decimal::ZERO
            };
            let mut self_score = (appraised + bump).min(framework.nodes[leaf].max);
            // A rule leaf's points come from its facts, which the table repeats. Its facts are
            // drawn from a generator of its own, so the other leaves' figures stay as they were.
            if let Some(leaf_rule) = &rule.rule {
                let node = &framework.nodes[leaf];
                let whole = 200 + Rng::new(seed ^ leaf as u64).below(3000) as u32;
                let (achieved, leaf_facts) =
                    facts_giving(leaf_rule, node.max, rule.step, appraised, whole);
                assert_eq!(
                    achieved, appraised,
                    "{code} {}: the rule cannot give these points",
                    node.code
                );
                for (key, entry) in leaf_facts {
                    facts.insert((leaf, key), entry);
                }
                self_score = appraised;
            }
            FilledRow {
                self_score: Some(Entry::Points(self_score)),
                appraised: Some(Entry::Points(appraised)),
                evidence: format!("Văn bản số {}/UBND-VP", 10 + rng.below(290)),
                note: String::new(),
            }
        };
        rows.insert(leaf, row);
    }
    FormData {
        unit_code: code.to_string(),
        unit_name: name.to_string(),
        rows,
        facts,
    }
}

/// Writing a synthetic set failed.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("cannot build the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes units 1..=`count` into `folder` (created if needed) and returns their paths.
pub fn write_units(
    framework: &Framework,
    folder: &Path,
    count: usize,
    seed: u64,
    invalid_every: usize,
) -> Result<Vec<PathBuf>, SynthError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SynthError::Io { path, source }
    };
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    (1..=count)
        .map(|number| {
            let synth = unit(framework, number, seed, invalid_every);
            let path = folder.join(&synth.file_name);
            let bytes = write_form(framework, &synth.form)?;
            std::fs::write(&path, bytes).map_err(io(&path))?;
            Ok(path)
        })
        .collect()
}

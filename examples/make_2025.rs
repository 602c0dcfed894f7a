//! Generates the 2025 forms of the invented province tỉnh Lam Sơn (see `make_province.rs`) for
//! `criteria/province-2025.toml`, and the points from outside the forms:
//!
//!     cargo run --release --example make_2025
//!
//! writes `samples/2025/LSnnn-<name>.xlsx` for the 124 units of `samples/2025-roster.csv` (filled
//! in as a unit would: points typed for the typed criteria, facts for the rule-based ones, the
//! bonus and penalty items, the survey and leadership rows left blank) and
//! `samples/2025-external.csv`: the survey's answer tallies A/B/C/D per question (8.1–8.5) and
//! the leadership's points (9.1) for each unit. Every figure is invented and deterministic: the
//! same program writes the same cells.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use parindex::form::{Entry, FactEntry, FilledRow, FormData, write_form};
use parindex::framework::{AdjustmentKind, Framework, Source};
use parindex::roster::Roster;
use parindex::synth::{Rng, facts_giving};
use parindex::workbook::facts::ADJUSTMENT_KEY;
use parindex::workbook::labels::fold;
use rust_decimal::Decimal;

fn main() {
    let framework =
        Framework::load(Path::new("criteria/province-2025.toml")).expect("bundled framework loads");
    let roster = Roster::load(Path::new("samples/2025-roster.csv")).expect("roster loads");
    let folder = Path::new("samples/2025");
    std::fs::create_dir_all(folder).expect("create samples/2025");
    let mut external = String::from("unit_code,criterion_code,points,A,B,C,D\n");
    for (number, unit) in roster.units.iter().enumerate() {
        let mut rng = Rng::new(2_025_000 + number as u64);
        // A unit's quality, 62–98 %: the figures spread over every band.
        let quality = 62 + rng.below(37);
        let form = fill(
            &framework,
            &unit.unit_code,
            &unit.unit_name,
            quality,
            &mut rng,
        );
        let bytes = write_form(&framework, &form).expect("form is written");
        let file = folder.join(format!("{}-{}.xlsx", unit.unit_code, slug(&unit.unit_name)));
        std::fs::write(&file, bytes).expect("form is saved");
        println!("{}", file.display());
        external_rows(
            &framework,
            &unit.unit_code,
            quality,
            &mut rng,
            &mut external,
        );
    }
    std::fs::write("samples/2025-external.csv", external).expect("external file is saved");
    println!("samples/2025-external.csv");
}

/// Points near `quality` % of each typed leaf's maximum, in its steps; the facts of rule leaves;
/// a few not applicable; bonus for one unit in five, a penalty for one in eight.
fn fill(framework: &Framework, code: &str, name: &str, quality: usize, rng: &mut Rng) -> FormData {
    let mut rows = HashMap::new();
    let mut facts = HashMap::new();
    for leaf in framework.leaves() {
        let node = &framework.nodes[leaf];
        let rule = node.leaf.as_ref().expect("a leaf");
        if rule.source == Source::External {
            continue;
        }
        let grain = rule.step.unwrap_or(Decimal::new(25, 2));
        let percent = (quality + rng.below(21)).saturating_sub(10).min(100);
        let steps = (node.max / grain).floor();
        let points = (steps * Decimal::from(percent) / Decimal::ONE_HUNDRED).round() * grain;
        if let Some(leaf_rule) = &rule.rule {
            let whole = 300 + rng.below(4000) as u32;
            let (achieved, leaf_facts) =
                facts_giving(leaf_rule, node.max, rule.step, points, whole);
            for (key, entry) in leaf_facts {
                facts.insert((leaf, key), entry);
            }
            rows.insert(
                leaf,
                FilledRow {
                    self_score: Some(Entry::Points(achieved)),
                    appraised: Some(Entry::Points(achieved)),
                    evidence: "Sổ theo dõi, báo cáo thống kê".into(),
                    note: String::new(),
                },
            );
            continue;
        }
        let not_applicable = rule.not_applicable.is_some() && rng.below(6) == 0;
        let row = if not_applicable {
            FilledRow {
                self_score: Some(Entry::NotApplicable),
                appraised: Some(Entry::NotApplicable),
                evidence: String::new(),
                note: "Không phát sinh trong năm".into(),
            }
        } else {
            let bump = if rng.below(4) == 0 {
                grain
            } else {
                Decimal::ZERO
            };
            FilledRow {
                self_score: Some(Entry::Points((points + bump).min(node.max))),
                appraised: Some(Entry::Points(points)),
                evidence: format!("Văn bản số {}/UBND", 10 + rng.below(490)),
                note: String::new(),
            }
        };
        rows.insert(leaf, row);
    }
    if let Some(block) = &framework.adjustment {
        for (i, item) in block.items.iter().enumerate() {
            let given = match item.kind {
                AdjustmentKind::Bonus if rng.below(5) == 0 => {
                    Decimal::from(1 + rng.below(item.max.floor().to_string().parse().unwrap_or(1)))
                }
                AdjustmentKind::Penalty if rng.below(8) == 0 => Decimal::new(5, 1),
                _ => Decimal::ZERO,
            };
            facts.insert(
                (framework.nodes.len() + i, ADJUSTMENT_KEY.to_string()),
                FactEntry::Number(given.min(item.max)),
            );
        }
    }
    FormData {
        unit_code: code.to_string(),
        unit_name: name.to_string(),
        rows,
        facts,
    }
}

/// The survey's tallies for each question (150–400 answers, more A and B for a better unit) and
/// the leadership's points (a multiple of 0.5 near the unit's quality).
fn external_rows(
    framework: &Framework,
    code: &str,
    quality: usize,
    rng: &mut Rng,
    out: &mut String,
) {
    for leaf in framework.leaves() {
        let node = &framework.nodes[leaf];
        let rule = node.leaf.as_ref().expect("a leaf");
        if rule.source != Source::External {
            continue;
        }
        if let Some(step) = rule.step {
            let percent = (quality + rng.below(11)).saturating_sub(5).min(100);
            let steps = (node.max / step * Decimal::from(percent) / Decimal::ONE_HUNDRED).round();
            let _ = writeln!(
                out,
                "{code},{},{},,,,",
                node.code,
                (steps * step).normalize()
            );
        } else {
            let answers = 150 + rng.below(251);
            let a = answers * quality.saturating_sub(35 + rng.below(10)) / 100;
            let b = (answers - a) * (50 + rng.below(30)) / 100;
            let c = (answers - a - b) * (40 + rng.below(40)) / 100;
            let d = answers - a - b - c;
            let _ = writeln!(out, "{code},{},,{a},{b},{c},{d}", node.code);
        }
    }
}

fn slug(name: &str) -> String {
    name.split_whitespace()
        .map(fold)
        .collect::<Vec<_>>()
        .join("-")
}

//! Generates the bundled sample workbooks: the 13 units of Kế Sách district (Sóc Trăng) for 2021
//! and 2022, scored by `criteria/commune-2021.toml` and `criteria/commune-2022.toml`.
//!
//!     cargo run --example make_samples
//!
//! The unit names are real; the figures are invented, except An Mỹ's published results
//! (2022: 90.92 %, "Rất tốt", first of the district; 2021: 83.25 %). Each unit's target total is
//! spread over the leaves deterministically, so re-running reproduces the same files.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use parindex::form::{Entry, FactEntry, FilledRow, FormData, write_form};
use parindex::framework::{Framework, Source};
use parindex::synth::{Rng, facts_giving};
use parindex::workbook::labels::fold;
use rust_decimal::Decimal;

/// (code, name)
const UNITS: [(&str, &str); 13] = [
    ("KS01", "Thị trấn Kế Sách"),
    ("KS02", "Thị trấn An Lạc Thôn"),
    ("KS03", "Xã An Lạc Tây"),
    ("KS04", "Xã An Mỹ"),
    ("KS05", "Xã Ba Trinh"),
    ("KS06", "Xã Đại Hải"),
    ("KS07", "Xã Kế An"),
    ("KS08", "Xã Kế Thành"),
    ("KS09", "Xã Nhơn Mỹ"),
    ("KS10", "Xã Phong Nẫm"),
    ("KS11", "Xã Thới An Hội"),
    ("KS12", "Xã Trinh Phú"),
    ("KS13", "Xã Xuân Hòa"),
];

/// Per year: (unit code, appraised points, leaves marked not applicable).
/// The index is points ÷ (100 − the not-applicable leaves' maxima) × 100.
const TARGETS_2022: [(&str, &str, &[&str]); 13] = [
    ("KS01", "88.5", &[]),
    ("KS02", "90.25", &[]),
    ("KS03", "79.25", &["4.3"]), // 79.25 / 98 = 80.867… → 80.87 %
    ("KS04", "86.375", &["1.3.2", "2.1.1", "4.3"]), // 86.375 / 95 = 90.921… → 90.92 %
    ("KS05", "62.25", &[]),
    ("KS06", "74", &[]),
    ("KS07", "76.25", &[]),
    ("KS08", "71.5", &[]),
    ("KS09", "85.25", &[]),
    ("KS10", "85.25", &[]), // tied with KS09: both 2=, listed by unit code
    ("KS11", "83.75", &[]),
    ("KS12", "68.75", &[]),
    ("KS13", "78.5", &[]),
];

const TARGETS_2021: [(&str, &str, &[&str]); 13] = [
    ("KS01", "86", &[]),
    ("KS02", "84.5", &[]),
    ("KS03", "79.75", &[]),
    ("KS04", "83.25", &[]),
    ("KS05", "60.5", &[]),
    ("KS06", "72.25", &[]),
    ("KS07", "75", &[]),
    ("KS08", "69.5", &[]),
    ("KS09", "81", &[]),
    ("KS10", "82.75", &[]),
    ("KS11", "80.25", &[]),
    ("KS12", "66", &[]),
    ("KS13", "77.5", &[]),
];

fn main() {
    for (year, targets) in [(2021, &TARGETS_2021), (2022, &TARGETS_2022)] {
        let criteria = format!("criteria/commune-{year}.toml");
        let framework = Framework::load(Path::new(&criteria)).expect("bundled framework loads");
        let folder = format!("samples/{year}");
        std::fs::create_dir_all(&folder).expect("create samples folder");
        for &(code, points, not_applicable) in targets.iter() {
            let name = UNITS.iter().find(|u| u.0 == code).expect("known unit").1;
            let target = Decimal::from_str(points).expect("target is a decimal");
            let seed = year as u64 * 1000 + code[2..].parse::<u64>().expect("numbered code");
            let data = fill(&framework, code, name, target, not_applicable, seed);
            let bytes = write_form(&framework, &data).expect("form is written");
            let file = format!("{folder}/{code}-{}.xlsx", slug(name));
            std::fs::write(&file, bytes).expect("sample is written");
            println!("{file}");
        }
    }
}

fn slug(name: &str) -> String {
    name.split_whitespace()
        .map(fold)
        .collect::<Vec<_>>()
        .join("-")
}

/// Spreads `target` points over the applicable leaves: start from full marks and take points
/// away in multiples of each leaf's step (0.125 for leaves without a step) until the total is
/// exactly the target. Self scores are the appraised ones, sometimes a step higher.
fn fill(
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
            // A rule leaf's points come from the facts, which the table repeats.
            if let Some(rule) = &rule.rule {
                let node = &framework.nodes[leaf];
                let leaf_facts = match (code, node.code.as_str()) {
                    // An Mỹ's published figures: 3,517 dossiers, 3,494 early, 23 on time.
                    ("KS04", "3.3.1") => [
                        ("tiep_nhan", 3517),
                        ("truoc_han", 3494),
                        ("dung_han", 23),
                        ("qua_han", 0),
                    ]
                    .iter()
                    .map(|&(key, n)| (key.to_string(), FactEntry::Number(Decimal::from(n))))
                    .collect(),
                    _ => {
                        // Its own generator, so the other leaves' figures stay as they were.
                        let whole = 200 + Rng::new(seed ^ leaf as u64).below(3000) as u32;
                        let (achieved, facts) = facts_giving(
                            rule,
                            node.max,
                            rule_step(framework, leaf),
                            appraised,
                            whole,
                        );
                        assert_eq!(
                            achieved, appraised,
                            "{code} {}: the rule cannot give these points",
                            node.code
                        );
                        facts
                    }
                };
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

fn rule_step(framework: &Framework, leaf: usize) -> Option<Decimal> {
    framework.nodes[leaf].leaf.as_ref().and_then(|l| l.step)
}

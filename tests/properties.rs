//! Property tests of the arithmetic, on random frameworks and random scores.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use parindex::form::{Entry, FilledRow, FormData, write_form};
use parindex::framework::Framework;
use parindex::problem::CellRef;
use parindex::score::{BasisChoice, ExternalSupply, UnitScore, score_unit};
use parindex::workbook::cell::Score;
use parindex::workbook::{LeafRow, ScoreCell, UnitAssessment, read_unit_bytes};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A random tree: areas → criteria → optional sub-criteria, leaf maxima in quarter points.
fn tree() -> impl Strategy<Value = Vec<Vec<Vec<u32>>>> {
    // area → criterion → sub-criteria quarters (one entry = the criterion is a leaf)
    prop::collection::vec(
        prop::collection::vec(prop::collection::vec(1u32..=20, 1..=3), 1..=4),
        1..=4,
    )
}

fn quarters(q: u32) -> Decimal {
    Decimal::new(q as i64 * 25, 2)
}

fn framework_toml(tree: &[Vec<Vec<u32>>]) -> String {
    let mut nodes = String::new();
    let mut total = Decimal::ZERO;
    for (a, criteria) in tree.iter().enumerate() {
        let area_max: Decimal = criteria.iter().flatten().map(|&q| quarters(q)).sum();
        total += area_max;
        writeln!(
            nodes,
            "[[area]]\ncode = \"{}\"\nname = \"LV\"\nmax = \"{area_max}\"",
            a + 1
        )
        .unwrap();
        for (c, subs) in criteria.iter().enumerate() {
            let code = format!("{}.{}", a + 1, c + 1);
            let max: Decimal = subs.iter().map(|&q| quarters(q)).sum();
            let leaf = "allow_not_applicable = true";
            if subs.len() == 1 {
                writeln!(
                    nodes,
                    "[[criterion]]\ncode = \"{code}\"\nname = \"TC\"\nmax = \"{max}\"\n{leaf}"
                )
                .unwrap();
            } else {
                writeln!(
                    nodes,
                    "[[criterion]]\ncode = \"{code}\"\nname = \"TC\"\nmax = \"{max}\""
                )
                .unwrap();
                for (s, &q) in subs.iter().enumerate() {
                    writeln!(
                        nodes,
                        "[[criterion]]\ncode = \"{code}.{}\"\nname = \"TCTP\"\nmax = \"{}\"\n{leaf}",
                        s + 1,
                        quarters(q)
                    )
                    .unwrap();
                }
            }
        }
    }
    format!(
        "id = \"p\"\nname = \"P\"\nlevel = \"commune\"\nyear = 2022\ntotal_max = \"{total}\"\n\
         [[band]]\nfrom = 0\nbelow = 50\nlabel = \"Yếu\"\nlabel_en = \"Weak\"\n\
         [[band]]\nfrom = 50\nlabel = \"Tốt\"\nlabel_en = \"Good\"\n{nodes}"
    )
}

/// A framework and, per leaf, a fraction in 0..=1 of its maximum (in eighths) or N/A.
fn scenario() -> impl Strategy<Value = (Framework, Vec<Option<u32>>)> {
    tree().prop_flat_map(|tree| {
        let framework = Framework::from_toml(&framework_toml(&tree), Path::new("p.toml")).unwrap();
        let leaves = framework.leaves().count();
        let scores = prop::collection::vec(prop::option::weighted(0.85, 0u32..=8), leaves);
        (Just(framework), scores)
    })
}

fn cell(score: Score) -> ScoreCell {
    ScoreCell {
        cell: CellRef::new(0, 0),
        raw: String::new(),
        score,
    }
}

fn assessment(framework: &Framework, fractions: &[Option<u32>]) -> UnitAssessment {
    let mut leaves = vec![None; framework.nodes.len()];
    for (slot, index) in framework.leaves().enumerate() {
        let score = match fractions[slot] {
            None => Score::NotApplicable,
            Some(eighths) => Score::Points(
                framework.nodes[index].max * Decimal::from(eighths) / Decimal::from(8),
            ),
        };
        leaves[index] = Some(LeafRow {
            self_score: cell(score),
            appraised: cell(score),
            evidence: String::new(),
            note: String::new(),
            computed: None,
        });
    }
    UnitAssessment {
        file: PathBuf::from("u.xlsx"),
        sheet: "S".into(),
        unit_code: "U".into(),
        unit_name: "U".into(),
        year: 2022,
        leaves,
        warnings: Vec::new(),
        adjustments: Vec::new(),
    }
}

fn scored(framework: &Framework, fractions: &[Option<u32>]) -> Option<UnitScore> {
    score_unit(
        framework,
        &assessment(framework, fractions),
        BasisChoice::Appraised,
        ExternalSupply::File(None),
    )
    .ok()
}

proptest! {
    #[test]
    fn index_stays_within_0_and_100((framework, fractions) in scenario()) {
        if let Some(unit) = scored(&framework, &fractions) {
            prop_assert!(unit.index_exact >= Decimal::ZERO && unit.index_exact <= Decimal::ONE_HUNDRED);
            prop_assert!(unit.index >= Decimal::ZERO && unit.index <= Decimal::ONE_HUNDRED);
            // Published = exact rounded once, half away from zero.
            prop_assert!((unit.index - unit.index_exact).abs() <= Decimal::new(5, 3));
        } else {
            // Only an all-N/A unit cannot be scored.
            prop_assert!(fractions.iter().all(Option::is_none));
        }
    }

    #[test]
    fn area_points_sum_to_the_total((framework, fractions) in scenario()) {
        if let Some(unit) = scored(&framework, &fractions) {
            let areas: Vec<usize> = framework.areas().collect();
            let points: Decimal = areas.iter().map(|&a| unit.nodes[a].points).sum();
            let max: Decimal = areas.iter().map(|&a| unit.nodes[a].applicable_max).sum();
            prop_assert_eq!(points, unit.total.points);
            prop_assert_eq!(max, unit.total.applicable_max);
            // And every leaf's points, summed independently, give the same total.
            let leaves: Decimal = framework.leaves().map(|l| unit.nodes[l].points).sum();
            prop_assert_eq!(leaves, unit.total.points);
        }
    }

    #[test]
    fn a_not_applicable_leaf_lowers_the_maximum_by_exactly_its_maximum(
        (framework, fractions) in scenario(),
        pick in any::<prop::sample::Index>(),
    ) {
        let applicable: Vec<usize> = (0..fractions.len()).filter(|&i| fractions[i].is_some()).collect();
        prop_assume!(applicable.len() >= 2);
        let slot = applicable[pick.index(applicable.len())];
        let leaf = framework.leaves().nth(slot).unwrap();
        let before = scored(&framework, &fractions).unwrap();
        let mut marked = fractions.clone();
        marked[slot] = None;
        let after = scored(&framework, &marked).unwrap();
        prop_assert_eq!(before.total.applicable_max - after.total.applicable_max, framework.nodes[leaf].max);
        prop_assert_eq!(before.total.points - after.total.points, before.nodes[leaf].points);
    }

    /// Random framework → form written with random scores → read back → scored: the result is
    /// the independently summed expectation.
    #[test]
    fn a_written_form_reads_back_and_scores_as_summed((framework, fractions) in scenario()) {
        prop_assume!(fractions.iter().any(Option::is_some));
        let mut rows = std::collections::HashMap::new();
        let (mut points, mut max) = (Decimal::ZERO, Decimal::ZERO);
        for (slot, index) in framework.leaves().enumerate() {
            let node = &framework.nodes[index];
            let entry = match fractions[slot] {
                None => Entry::NotApplicable,
                Some(eighths) => {
                    let p = node.max * Decimal::from(eighths) / Decimal::from(8);
                    points += p;
                    max += node.max;
                    Entry::Points(p)
                }
            };
            let row = FilledRow {
                self_score: Some(entry),
                appraised: Some(entry),
                evidence: "x".into(),
                note: String::new(),
            };
            rows.insert(index, row);
        }
        let form = FormData { unit_code: "U1".into(), unit_name: "Xã Thử".into(), rows, facts: Default::default() };
        let bytes = write_form(&framework, &form).unwrap();
        let unit = read_unit_bytes(&bytes, Path::new("u.xlsx"), &framework).unwrap();
        prop_assert!(unit.warnings.is_empty(), "{:?}", unit.warnings);
        let scored = score_unit(&framework, &unit, BasisChoice::Auto, ExternalSupply::File(None)).unwrap();
        prop_assert_eq!(scored.total.points, points);
        prop_assert_eq!(scored.total.applicable_max, max);
        prop_assert_eq!(scored.index, framework.publish(points * Decimal::ONE_HUNDRED / max));
    }
}

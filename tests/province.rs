//! The invented province of `examples/make_province.rs` across the 2025 reform: its 2025 roster,
//! the mapping from its 2024 units, and a comparison of its 2024 results (written by parindex)
//! with a 2025 result through that mapping.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use parindex::mapping::{Mapping, MergeRule};
use parindex::roster::Roster;
use parindex::text::unit_key;

use crate::support::*;

/// (code, name) of every unit in the 2024 results, in rank order.
fn results_2024() -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_path(repo("samples/2024-results.csv")).unwrap();
    reader
        .deserialize::<BTreeMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            (row["unit_code"].clone(), row["unit_name"].clone())
        })
        .collect()
}

#[test]
fn the_mapping_takes_every_unit_of_2024_to_units_of_the_2025_roster() {
    let roster = Roster::load(Path::new(&repo("samples/2025-roster.csv"))).unwrap();
    assert_eq!(roster.units.len(), 124);
    // The roster's third column (ignored by --roster) gives the kind of unit.
    let mut reader = csv::Reader::from_path(repo("samples/2025-roster.csv")).unwrap();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for row in reader.deserialize::<BTreeMap<String, String>>() {
        let row = row.unwrap();
        let kind = &row["unit_type"];
        assert!(
            row["unit_name"].to_lowercase().starts_with(kind.as_str()),
            "{row:?}"
        );
        *kinds.entry(kind.clone()).or_default() += 1;
    }
    assert_eq!(
        kinds,
        BTreeMap::from([
            ("phường".to_string(), 26),
            ("xã".to_string(), 95),
            ("đặc khu".to_string(), 3),
        ])
    );
    let new_codes: BTreeSet<String> = roster
        .units
        .iter()
        .map(|u| unit_key(&u.unit_code))
        .collect();

    let mapping = Mapping::load(Path::new(&repo("samples/mapping-2024-2025.toml"))).unwrap();
    assert_eq!(mapping.merged, MergeRule::PointsWeighted);
    let old_codes: BTreeSet<String> = results_2024().iter().map(|(c, _)| unit_key(c)).collect();
    assert_eq!(old_codes.len(), 289);
    let mapped: BTreeSet<String> = mapping.units.keys().map(|c| unit_key(c)).collect();
    // Every unit of 2024 is mapped (its code is gone in 2025), and nothing else is.
    assert_eq!(mapped, old_codes);

    // Every code it maps to is on the roster, once per list, and every 2025 unit has a
    // predecessor.
    let mut predecessors: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (old, new) in &mapping.units {
        let codes: BTreeSet<String> = new.codes().iter().map(|c| unit_key(c)).collect();
        assert_eq!(codes.len(), new.codes().len(), "{old}");
        for code in codes {
            assert!(
                new_codes.contains(&code),
                "{old} → {code}: not on the roster"
            );
            predecessors.entry(code).or_default().push(old);
        }
    }
    assert_eq!(predecessors.len(), 124);

    // Four communes split: two in two, one in three.
    let splits: BTreeMap<&str, Vec<&str>> = mapping
        .units
        .iter()
        .filter(|(_, new)| new.is_split())
        .map(|(old, new)| {
            (
                old.as_str(),
                new.codes().iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        splits,
        BTreeMap::from([
            ("HS28", vec!["LS058", "LS059", "LS060"]),
            ("PH15", vec!["LS098", "LS099"]),
            ("TF19", vec!["LS039", "LS040"]),
            ("VL13", vec!["LS005", "LS006"]),
        ])
    );
    // Mostly two to four old units in one new unit; a few taken over whole.
    let sizes: Vec<usize> = predecessors.values().map(Vec::len).collect();
    let whole = sizes.iter().filter(|&&n| n == 1).count();
    let merged = sizes.iter().filter(|&&n| (2..=4).contains(&n)).count();
    assert_eq!(whole, 8);
    assert!(merged >= 110, "{sizes:?}");
}

/// A 2025 results file for the roster's units, every one 85 / 100 = 85.00 "Tốt", tied first.
fn results_2025() -> String {
    let roster = Roster::load(Path::new(&repo("samples/2025-roster.csv"))).unwrap();
    let mut csv = String::from(
        "rank,tied,unit_code,unit_name,basis,points,applicable_max,index,rating,rating_en,complete\n",
    );
    for unit in &roster.units {
        csv.push_str(&format!(
            "1,true,{},{},thẩm định,85,100,85.00,Tốt,Good,true\n",
            unit.unit_code, unit.unit_name
        ));
    }
    csv
}

#[test]
fn the_2024_results_compare_with_2025_through_the_mapping() {
    let run = Test::new()
        .file("2025.csv", results_2025())
        .args(["compare", "--previous", &repo("samples/2024-results.json")])
        .args(["--current", "2025.csv", "--mapping"])
        .arg(&repo("samples/mapping-2024-2025.toml"))
        .args(["--format", "csv"])
        .run();
    let stdout = run.stdout();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows: Vec<BTreeMap<String, String>> = reader.deserialize().map(Result::unwrap).collect();
    // Nothing of 2024 is dropped: one row per unit of 2025.
    assert_eq!(rows.len(), 124);
    let row = |code: &str| rows.iter().find(|r| r["unit_code"] == code).unwrap();
    let mut statuses: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *statuses.entry(r["status"].as_str()).or_default() += 1;
    }
    assert_eq!(
        statuses,
        BTreeMap::from([("merged", 107), ("renamed", 8), ("split", 9)])
    );

    // Xã Hạ Minh: the whole of TF20 (81.875 / 96.5) and part of TF19, compared whole
    // (85.25 / 100): 167.125 / 196.5 × 100 = 85.0508… → 85.05; 85.00 − 85.05 = −0.05.
    let ha_minh = row("LS040");
    assert_eq!(ha_minh["status"], "split");
    assert_eq!(ha_minh["previous_codes"], "TF19;TF20");
    assert_eq!(ha_minh["split_codes"], "TF19");
    assert_eq!(ha_minh["previous_index"], "85.05");
    assert_eq!(ha_minh["delta"], "-0.05");
    assert_eq!(ha_minh["previous_rank"], "");
    // Xã Hải Lộc: TF17 (84.5 / 96.5), TF18 (65 / 94.5) and the whole of TF19, listed in 2024's
    // rank order: 234.75 / 291 × 100 = 80.6701… → 80.67; +4.33.
    let hai_loc = row("LS039");
    assert_eq!(hai_loc["status"], "split");
    assert_eq!(hai_loc["previous_codes"], "TF17;TF19;TF18");
    assert_eq!(hai_loc["previous_index"], "80.67");
    assert_eq!(hai_loc["delta"], "+4.33");
    // Phường Trần Hưng Đạo: VL01 (82.75 / 94.5) and VL02 (79.375 / 97) merged:
    // 162.125 / 191.5 × 100 = 84.6605… → 84.66; +0.34.
    let tran_hung_dao = row("LS001");
    assert_eq!(tran_hung_dao["status"], "merged");
    assert_eq!(tran_hung_dao["previous_codes"], "VL01;VL02");
    assert_eq!(tran_hung_dao["previous_index"], "84.66");
    assert_eq!(tran_hung_dao["delta"], "+0.34");
    // Đặc khu Bạch Yến continues the commune HY27 (89.97 %, 21st in 2024) whole.
    let bach_yen = row("LS122");
    assert_eq!(bach_yen["status"], "renamed");
    assert_eq!(bach_yen["previous_index"], "89.97");
    assert_eq!(bach_yen["delta"], "-4.97");
    assert_eq!(
        (
            bach_yen["previous_rank"].as_str(),
            bach_yen["rank_change"].as_str()
        ),
        ("21", "+20")
    );
}

#[test]
fn the_csv_results_of_2024_cannot_be_combined() {
    // The CSV carries no rounding rule or bands: mergers need the JSON (README, compare).
    Test::new()
        .file("2025.csv", results_2025())
        .args(["compare", "--previous", &repo("samples/2024-results.csv")])
        .args(["--current", "2025.csv", "--mapping"])
        .arg(&repo("samples/mapping-2024-2025.toml"))
        .status(1)
        .stderr_has("needs last year's rounding rule and bands")
        .run();
}

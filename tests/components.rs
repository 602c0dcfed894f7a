//! Components from outside the form (`--external`, `--preliminary`) on the bundled 2025 province.

use crate::support::*;

const LS001: &str = "samples/2025/LS001-phuong-tran-hung-dao.xlsx";

fn criteria() -> String {
    repo("criteria/province-2025.toml")
}

/// LS001's survey and leadership: 8.1 as answer tallies, the rest as points.
fn external(rows_8_1: &str) -> String {
    format!(
        "unit_code,criterion_code,points,A,B,C,D\n{rows_8_1}\nLS001,8.2,4,,,,\nLS001,8.3,4,,,,\n\
         LS001,8.4,4,,,,\nLS001,8.5,4,,,,\nLS001,9.1,8,,,,\n"
    )
}

/// The area-8 column of LS001's CSV line.
fn survey_points(run: &Run) -> String {
    let header = run.stdout().lines().next().unwrap().to_string();
    let line = run.stdout().lines().nth(1).unwrap().to_string();
    let column = header
        .split(',')
        .position(|c| c == "area_8_points")
        .expect("an area_8_points column");
    line.split(',').nth(column).unwrap().to_string()
}

#[test]
fn survey_tallies_are_converted_with_the_frameworks_weights() {
    // 8.1: 117 A, 101 B, 14 C, 18 D of 250 answers at 100/60/20/0 %:
    // 5 × (11,700 + 6,060 + 280) ÷ (100 × 250) = 90,200 ÷ 25,000 = 3.608 → 3.61 (2 decimals,
    // half away from zero). Area 8 = 3.61 + 4 × 4 = 19.61.
    let run = Test::new()
        .file("external.csv", external("LS001,8.1,,117,101,14,18"))
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--external",
            "external.csv",
        ])
        .args(["--format", "csv", &repo(LS001)])
        .run();
    assert_eq!(survey_points(&run), "19.61");
}

#[test]
fn without_the_external_file_every_missing_pair_is_named() {
    Test::new()
        .args(["score", "--criteria", &criteria(), &repo(LS001)])
        .status(1)
        .stderr_has(
            "LS001-phuong-tran-hung-dao.xlsx: the external points file (--external) has no points \
             of this unit for 6 criteria: 8.1, 8.2, 8.3, 8.4, 8.5, 9.1",
        )
        .run();
}

#[test]
fn a_form_with_blank_survey_cells_validates_clean() {
    Test::new()
        .args(["validate", "--criteria", &criteria(), &repo("samples/2025")])
        .stdout("124 files, 0 with errors (0), 0 with warnings (0)\n")
        .run();
}

#[test]
fn preliminary_scores_the_forms_alone() {
    // Without areas 8 and 9 the applicable maximum is 65.
    let run = Test::new()
        .args(["score", "--criteria", &criteria(), "--preliminary"])
        .args(["--format", "csv", &repo(LS001)])
        .run();
    let header: Vec<String> = run
        .stdout()
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    let line = run.stdout().lines().nth(1).unwrap().to_string();
    let max = header.iter().position(|c| c == "applicable_max").unwrap();
    assert_eq!(line.split(',').nth(max).unwrap(), "65");
}

#[test]
fn every_bad_external_row_is_named() {
    let file = "unit_code,criterion_code,points,A,B,C,D\n\
                LS001,8.1,,0,0,0,0\n\
                LS001,3.1,2,,,,\n\
                LS001,8.2,6,,,,\n\
                LS001,8.3,4,1,2,3,4\n\
                LS001,8.4,,,,,\n\
                LS001,8.5,4,,,,\n\
                LS001,8.5,4,,,,\n\
                LS001,9.1,,1.5,2,3,4\n";
    Test::new()
        .file("external.csv", file)
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--external",
            "external.csv",
            &repo(LS001),
        ])
        .status(1)
        .stderr_has("line 2, column A: the tallies add up to 0")
        .stderr_has(
            "line 3, column criterion_code: \"3.1\" is not a criterion of province-2025 scored \
             from the external file",
        )
        .stderr_has(
            "line 4, column points: the points 6 are outside 0 to the maximum 5 of criterion 8.2",
        )
        .stderr_has("line 5, column points: the row gives both points and answer tallies")
        .stderr_has("line 6, column points: the row gives neither points nor answer tallies")
        .stderr_has(
            "line 8, column unit_code: unit LS001, criterion 8.5 already has points on line 7",
        )
        .stderr_has("line 9, column A: the tally 1.5 must be a whole number, not negative")
        .run();
}

#[test]
fn points_for_a_unit_nobody_scored_are_an_error() {
    let file = format!("{}LS999,9.1,5,,,,\n", external("LS001,8.1,4,,,,"));
    Test::new()
        .file("external.csv", file)
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--external",
            "external.csv",
            &repo(LS001),
        ])
        .status(1)
        .stderr_has("external.csv, line 8: unit LS999 has no form in this run")
        .run();
}

#[test]
fn the_readme_command_ranks_the_124_units_and_verify_rereads_the_external_file() {
    let run = Test::new()
        .args(["score", "--criteria", &criteria()])
        .args(["--external", &repo("samples/2025-external.csv")])
        .args([&repo("samples/2025"), "--format", "csv"])
        .run();
    assert_eq!(run.stdout().lines().count(), 125);
    // The external file is an input of the run: hashed in the manifest, re-read by `verify`.
    let run = Test::new()
        .file(
            "external.csv",
            std::fs::read(repo("samples/2025-external.csv")).unwrap(),
        )
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--external",
            "external.csv",
        ])
        .args([&repo("samples/2025"), "-o", "ket-qua.csv"])
        .run();
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(run.dir().join("ket-qua.csv.manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["run"]["external"]["path"], "external.csv");
    assert_eq!(
        manifest["run"]["external"]["sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
}

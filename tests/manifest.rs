//! The run manifest beside every output file, and `verify` proving a published run reproducible.

use parindex::form::{Entry, write_form};
use rust_decimal_macros::dec;

use crate::support::*;

const TIME: &str = "2026-11-23T08:05:09Z";

/// Two units with full marks scored to `ket-qua.FORMAT`, at a fixed time.
fn scored(format: &str) -> crate::support::Run {
    let framework = framework(2022);
    Test::new()
        .unit(
            "phieu/a.xlsx",
            &framework,
            &full_marks(&framework, "A1", "Xã A"),
        )
        .unit(
            "phieu/b.xlsx",
            &framework,
            &full_marks(&framework, "B1", "Xã B"),
        )
        .env(parindex::manifest::FIXED_TIME_VARIABLE, TIME)
        .args(["score", "--criteria", &criteria(2022), "phieu"])
        .args(["--format", format, "-o", &format!("ket-qua.{format}")])
        .run()
}

fn verify(run: &crate::support::Run, manifest: &str) -> std::process::Output {
    parindex_command()
        .args(["verify", manifest])
        .current_dir(run.dir())
        .output()
        .unwrap()
}

#[test]
fn the_manifest_records_tool_time_options_and_every_input_hash() {
    let run = scored("json");
    let text = std::fs::read_to_string(run.dir().join("ket-qua.json.manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(manifest["tool"], "parindex");
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["created"], TIME);
    assert_eq!(manifest["run"]["command"], "score");
    assert_eq!(manifest["run"]["framework_id"], "commune-2022");
    assert_eq!(manifest["options"]["basis"], "auto");
    assert_eq!(manifest["options"]["rank_mode"], "competition");
    let criteria = std::fs::read(criteria(2022)).unwrap();
    assert_eq!(
        manifest["run"]["criteria"]["sha256"],
        parindex::manifest::sha256(&criteria)
    );
    let workbooks = manifest["run"]["workbooks"].as_array().unwrap();
    assert_eq!(workbooks.len(), 2);
    assert_eq!(workbooks[0]["path"], "phieu/a.xlsx");
    let a = std::fs::read(run.dir().join("phieu/a.xlsx")).unwrap();
    assert_eq!(workbooks[0]["sha256"], parindex::manifest::sha256(&a));
    let output = std::fs::read(run.dir().join("ket-qua.json")).unwrap();
    assert_eq!(manifest["output"]["path"], "ket-qua.json");
    assert_eq!(
        manifest["output"]["sha256"],
        parindex::manifest::sha256(&output)
    );
}

#[test]
fn standard_output_gets_no_manifest() {
    let run = Test::new()
        .args(["score", "--criteria", &criteria(2022)])
        .arg(&repo("samples/2022/KS04-xa-an-my.xlsx"))
        .run();
    assert_eq!(std::fs::read_dir(run.dir()).unwrap().count(), 0);
}

#[test]
fn verify_reproduces_an_untouched_run_in_every_format() {
    for format in ["csv", "json", "xlsx", "table"] {
        let run = scored(format);
        let output = verify(&run, &format!("ket-qua.{format}.manifest.json"));
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}: {stdout}");
        assert!(
            stdout.starts_with(&format!("reproduced exactly: ket-qua.{format} (sha256 ")),
            "{stdout}"
        );
        assert!(
            stdout.contains("from 3 input files, all unchanged"),
            "{stdout}"
        );
    }
}

#[test]
fn verify_names_the_workbook_changed_by_one_point() {
    let run = scored("xlsx");
    let framework = framework(2022);
    let mut form = full_marks(&framework, "B1", "Xã B");
    // 1.1.2 is worth 1: one point less.
    set(
        &framework,
        &mut form,
        "1.1.2",
        Some(Entry::Points(dec!(0))),
        Some(Entry::Points(dec!(0))),
    );
    std::fs::write(
        run.dir().join("phieu/b.xlsx"),
        write_form(&framework, &form).unwrap(),
    )
    .unwrap();

    let output = verify(&run, "ket-qua.xlsx.manifest.json");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(5), "{stdout}");
    assert_eq!(
        stdout,
        "changed: input phieu/b.xlsx has changed since the run\n\
         changed: re-running gives a result different from ket-qua.xlsx\n\
         NOT reproduced: ket-qua.xlsx\n"
    );
}

#[test]
fn verify_notices_an_edited_result() {
    let run = scored("csv");
    let path = run.dir().join("ket-qua.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(",100.00,", ",99.00,");
    std::fs::write(&path, text).unwrap();
    let output = verify(&run, "ket-qua.csv.manifest.json");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(5), "{stdout}");
    assert!(stdout.contains("changed: the published result ket-qua.csv has changed since the run"));
}

#[test]
fn verify_reproduces_a_comparison_of_results_files() {
    let run = scored("json");
    let status = parindex_command()
        .args([
            "compare",
            "--previous",
            "ket-qua.json",
            "--current",
            "ket-qua.json",
        ])
        .args(["--format", "csv", "-o", "so-sanh.csv"])
        .current_dir(run.dir())
        .status()
        .unwrap();
    assert!(status.success());
    let output = verify(&run, "so-sanh.csv.manifest.json");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("from 2 input files")
    );
}

#[test]
fn xlsx_needs_an_output_file() {
    Test::new()
        .args(["score", "--criteria", &criteria(2022)])
        .args([&repo("samples/2022"), "--format", "xlsx"])
        .status(2)
        .stderr("error: --format xlsx writes a workbook: name it with -o FILE.xlsx\n")
        .run();
}

#[test]
fn verify_notices_a_workbook_added_to_a_scored_folder() {
    let run = scored("csv");
    let framework = framework(2022);
    std::fs::write(
        run.dir().join("phieu/c.xlsx"),
        write_form(&framework, &full_marks(&framework, "C1", "Xã C")).unwrap(),
    )
    .unwrap();
    let output = verify(&run, "ket-qua.csv.manifest.json");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(5), "{stdout}");
    assert_eq!(
        stdout,
        "changed: input phieu/c.xlsx was added to a scored folder since the run\n\
         changed: re-running gives a result different from ket-qua.csv\n\
         NOT reproduced: ket-qua.csv\n"
    );
}

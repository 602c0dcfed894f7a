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
    let verify = || {
        parindex_command()
            .current_dir(run.dir())
            .args(["verify", "ket-qua.csv.manifest.json"])
            .output()
            .unwrap()
    };
    assert_eq!(verify().status.code(), Some(0), "{:?}", verify());
    // One leadership mark changed afterwards: the result is no longer what the inputs give.
    let path = run.dir().join("external.csv");
    let changed =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("LS001,9.1,8,", "LS001,9.1,9,", 1);
    std::fs::write(&path, changed).unwrap();
    let output = verify();
    assert_eq!(output.status.code(), Some(5));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("input external.csv has changed since the run"),
        "{output:?}"
    );
}

#[test]
fn explain_shows_external_points_components_and_the_bonus_and_penalty() {
    // LS001: implementation 56.25 of 65, survey 17.41 of 25 (8.1: 117/101/14/18 answers =
    // 3.608 → 3.61), leadership 8 of 10: 81.66; bonus T2 2, penalty P2 0.5 (entered on the facts
    // sheet, E15 and E17): "added" index 81.66 + 2 − 0.5 = 83.16, rated on the total points.
    Test::new()
        .lang("vi")
        .args(["explain", "--criteria", &criteria()])
        .args([
            "--external",
            &repo("samples/2025-external.csv"),
            &repo(LS001),
        ])
        .stdout_has("├─ 8.1  Tiếp cận dịch vụ hành chính công: 3.61 / 5  ← tệp điểm ngoài ")
        .stdout_has("2025-external.csv, dòng 2: A 117, B 101, C 14, D 18\n")
        .stdout_has("Thành phần DT (Điều tra xã hội học): 17.41 / 25\n")
        .stdout_has(
            "Điểm thưởng, điểm trừ: thưởng 2 (tối đa 5), trừ 0.5 (tối đa 5) — T2 +2 (E15), \
             P2 −0.5 (E17); tổng điểm sau thưởng, trừ: 83.16\n",
        )
        .stdout_has(
            "Chỉ số: 81.66 / 100 × 100 + (2 − 0.5) × 100 / 100 = 83.16 → 83.16 %; xếp loại theo \
             tổng điểm 83.16, Tốt 80–<90\n",
        )
        .run();
}

/// LS001 with its bonus and penalty items (facts sheet rows 14–17: T1, T2, P1, P2) replaced.
fn ls001_with(items: [f64; 4]) -> Vec<u8> {
    let mut grid = Grid::from_xlsx(&std::fs::read(repo(LS001)).unwrap());
    let facts = grid.facts.as_mut().unwrap();
    for (row, value) in (13..17).zip(items) {
        facts[row][4] = calamine::Data::Float(value);
    }
    grid.xlsx()
}

#[test]
fn a_bonus_above_its_cap_counts_the_cap_and_a_penalty_takes_the_total_below_the_base() {
    // Bonus 3 + 3 = 6, capped at 5: 81.66 + 5 = 86.66.
    Test::new()
        .file("LS001.xlsx", ls001_with([3.0, 3.0, 0.0, 0.0]))
        .args(["explain", "--criteria", &criteria()])
        .args([
            "--external",
            &repo("samples/2025-external.csv"),
            "LS001.xlsx",
        ])
        .stdout_has("bonus 5 (cap 5), penalty 0 (cap 5)")
        .stdout_has("= 86.66 → 86.66 %; rated on the total points 86.66, Tốt 80–<90\n")
        .run();
    // Exactly at the cap: 2 + 3 = 5. Penalty 3 + 2 = 5 (at its cap): 81.66 + 5 − 5 = 81.66.
    Test::new()
        .file("LS001.xlsx", ls001_with([2.0, 3.0, 3.0, 2.0]))
        .args(["explain", "--criteria", &criteria()])
        .args([
            "--external",
            &repo("samples/2025-external.csv"),
            "LS001.xlsx",
        ])
        .stdout_has("bonus 5 (cap 5), penalty 5 (cap 5)")
        .stdout_has("= 81.66 → 81.66 %")
        .run();
    // A penalty alone: 81.66 − 5 = 76.66, below the base, and a band lower (Khá).
    Test::new()
        .file("LS001.xlsx", ls001_with([0.0, 0.0, 3.0, 2.0]))
        .args(["explain", "--criteria", &criteria()])
        .args([
            "--external",
            &repo("samples/2025-external.csv"),
            "LS001.xlsx",
        ])
        .stdout_has("= 76.66 → 76.66 %; rated on the total points 76.66, Khá 70–<80\n")
        .run();
    // An item above its own maximum (T1 is at most 3) is an error naming its cell.
    Test::new()
        .file("LS001.xlsx", ls001_with([3.5, 0.0, 0.0, 0.0]))
        .args(["validate", "--criteria", &criteria(), "LS001.xlsx"])
        .status(1)
        .stdout_has("sheet 'Số liệu', cell E14, criterion T1:")
        .run();
}

#[test]
fn the_external_file_may_be_a_workbook_with_vietnamese_headers() {
    // A title row first, then "Mã đơn vị | Mã tiêu chí | Điểm | A | B | C | D", as an office
    // would type it. Same figures as the CSV test: area 8 = 3.61 + 4 × 4 = 19.61.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Điểm điều tra").unwrap();
    sheet
        .write_string(
            0,
            0,
            "KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC VÀ ĐÁNH GIÁ CỦA LÃNH ĐẠO TỈNH",
        )
        .unwrap();
    for (col, label) in ["Mã đơn vị", "Mã tiêu chí", "Điểm", "A", "B", "C", "D"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16, *label).unwrap();
    }
    let rows: [(&str, Option<f64>, [f64; 4]); 6] = [
        ("8.1", None, [117.0, 101.0, 14.0, 18.0]),
        ("8.2", Some(4.0), [0.0; 4]),
        ("8.3", Some(4.0), [0.0; 4]),
        ("8.4", Some(4.0), [0.0; 4]),
        ("8.5", Some(4.0), [0.0; 4]),
        ("9.1", Some(8.0), [0.0; 4]),
    ];
    for (i, (code, points, tallies)) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_string(row, 0, "LS001").unwrap();
        sheet.write_string(row, 1, *code).unwrap();
        match points {
            Some(points) => {
                sheet.write_number(row, 2, *points).unwrap();
            }
            None => {
                for (col, count) in tallies.iter().enumerate() {
                    sheet.write_number(row, 3 + col as u16, *count).unwrap();
                }
            }
        }
    }
    let run = Test::new()
        .file("diem-ngoai.xlsx", workbook.save_to_buffer().unwrap())
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--external",
            "diem-ngoai.xlsx",
        ])
        .args(["--format", "csv", &repo(LS001)])
        .run();
    assert_eq!(survey_points(&run), "19.61");
}

#[test]
fn a_preliminary_explanation_tells_left_out_components_from_not_applicable_leaves() {
    // LS002 without areas 8 and 9 (35 points not in yet) and with 3 points not applicable
    // (2.1 left out; 3.2.2 counts full points): 47.75 / 62.
    Test::new()
        .args(["explain", "--criteria", &criteria(), "--preliminary"])
        .arg(&repo("samples/2025/LS002-phuong-quang-trung.xlsx"))
        .stdout_has("Total: 47.75 / 62 (max 100, 3 not applicable, 35 not in yet (preliminary))\n")
        .stdout_has(
            "Component DT (Điều tra xã hội học): 0 / 0 (max 25, 25 not in yet (preliminary))\n",
        )
        .stdout_has("PRELIMINARY: the components from the external file are not in yet\n")
        .run();
}

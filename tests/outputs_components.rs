//! Components, the bonus and penalty block and preliminary results in every output: a small
//! framework of three areas (two in the component "TH", one external in "DT"), an "added" block
//! with caps below the items' sums, hand-computed figures.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use parindex::form::{Entry, FactEntry, FilledRow, FormData};
use parindex::framework::Framework;
use rust_decimal::Decimal;

use crate::compare_components::{AREAS, BLOCK};
use crate::support::*;

/// 60 points: areas 1 (30) and 2 (20) make the component TH (50), area 3 (10) the external
/// component DT (`compare_components`'s areas, with 2.2 awarded full points when not applicable).
/// Bonus items 2 + 2 capped at 3, a penalty item of 2 capped at 1; "added".
fn parts() -> String {
    format!(
        "\nid = \"parts\"\nname = \"Thử thành phần\"\nlevel = \"commune\"\nyear = 2025{}{BLOCK}",
        AREAS.replace("NA_RULE", "full-points")
    )
}

/// 5 A, 3 B, 1 C, 1 D of 10 answers: 10 × (500 + 180 + 20 + 0) ÷ (100 × 10) = 7 points.
const EXTERNAL: &str = "unit_code,criterion_code,A,B,C,D\nX01,3.1,5,3,1,1\n";

fn framework() -> Framework {
    Framework::from_toml(&parts(), Path::new("parts.toml")).unwrap()
}

/// X01: 1.1 = 15, 1.2 = 10 (area 1: 25/30), 2.1 = 5, 2.2 not applicable, full points 10 (area 2:
/// 15/20); bonus 2 + 2, penalty 2.
fn form() -> FormData {
    let framework = framework();
    let mut rows = HashMap::new();
    for (code, entry) in [
        ("1.1", points("15")),
        ("1.2", points("10")),
        ("2.1", points("5")),
        ("2.2", Some(Entry::NotApplicable)),
    ] {
        rows.insert(
            framework.node_index(code).unwrap(),
            FilledRow {
                self_score: entry,
                appraised: entry,
                evidence: "Văn bản số 1/UBND".into(),
                note: String::new(),
            },
        );
    }
    let items = framework.nodes.len();
    let facts = (0..3)
        .map(|i| {
            (
                (items + i, "diem".to_string()),
                FactEntry::Number(Decimal::TWO),
            )
        })
        .collect();
    FormData {
        unit_code: "X01".into(),
        unit_name: "Xã Thử".into(),
        rows,
        facts,
    }
}

fn test() -> Test {
    Test::new()
        .file("parts.toml", parts())
        .file("external.csv", EXTERNAL)
        .unit("x.xlsx", &framework(), &form())
}

fn score(extra: &[&str]) -> Test {
    test()
        .args(["score", "--criteria", "parts.toml", "x.xlsx"])
        .args(extra.iter().copied())
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// X01 with the external file: areas 25/30 and 15/20 (TH 40/50 = 80.00 %), area 3 from 5 A, 3 B,
/// 1 C, 1 D = 7/10 (DT 70.00 %); total 47/60. Bonus 2 + 2 = 4, capped at 3; penalty 2, capped
/// at 1. With "added": 47 ÷ 60 × 100 + (3 − 1) × 100 ÷ 60 = 78.333… + 3.333… = 81.666… → 81.67,
/// Tốt (at least 80); final points 47 + 3 − 1 = 49.
#[test]
fn the_csv_carries_components_bonus_penalty_and_final_points() {
    let run = score(&["--external", "external.csv", "--format", "csv"]).run();
    assert_eq!(run.stderr(), "");
    let (header, rows) = csv_rows(&run.stdout());
    assert_eq!(
        header.join(","),
        "rank,tied,unit_code,unit_name,basis,\
         area_1_points,area_1_max,area_1_percent,area_2_points,area_2_max,area_2_percent,\
         area_3_points,area_3_max,area_3_percent,\
         TH_points,TH_max,TH_percent,DT_points,DT_max,DT_percent,\
         points,applicable_max,bonus,penalty,final_points,index,rating,rating_en,complete,preliminary"
    );
    assert_eq!(
        rows[0].join(","),
        "1,false,X01,Xã Thử,appraised,25,30,83.33,15,20,75.00,7,10,70.00,\
         40,50,80.00,7,10,70.00,47,60,3,1,49,81.67,Tốt,Good,true,false"
    );
}

#[test]
fn the_table_has_a_column_per_component_and_the_block() {
    score(&["--external", "external.csv"])
        .lang("vi")
        .stdout_has("│ Hạng ┆ Mã  ┆ Đơn vị ┆ LV1 ┆ LV2 ┆ LV3 ┆  TH ┆  DT ┆ Tổng điểm ┆ Tối đa ┆ Thưởng ┆ Trừ ┆ Điểm cuối ┆ Chỉ số % ┆ Xếp loại ┆ Cơ sở     │")
        .stdout_has("│    1 ┆ X01 ┆ Xã Thử ┆  25 ┆  15 ┆   7 ┆  40 ┆   7 ┆        47 ┆     60 ┆      3 ┆   1 ┆        49 ┆    81.67 ┆ Tốt      ┆ thẩm định │")
        .stdout_has("Thành phần:\n  TH  Thực hiện nhiệm vụ (LV1, LV2)\n  DT  Điều tra xã hội học (LV3; điểm từ tệp ngoài biểu mẫu)\n")
        .stdout_has("Điểm thưởng, điểm trừ: thưởng tối đa 3, trừ tối đa 1; Chỉ số = Tổng điểm ÷ Tối đa × 100 + (Thưởng − Trừ) × 100 ÷ 60\n")
        .run();
    let run = score(&["--external", "external.csv"]).run();
    assert!(!run.stdout().contains("TẠM TÍNH") && !run.stdout().contains("PRELIMINARY"));
    assert!(run.stdout().contains("┆ Bonus ┆ Penalty ┆ Final ┆"));
}

/// Without the external file: 40/50 = 80 %, + (3 − 1) × 100 ÷ 60 = 83.333… → 83.33; final points
/// 40 + 3 − 1 = 42; DT has no points yet.
#[test]
fn a_preliminary_result_says_so() {
    let run = score(&["--preliminary", "--format", "csv"]).run();
    let (header, rows) = csv_rows(&run.stdout());
    let cell = |name: &str| &rows[0][header.iter().position(|h| h == name).unwrap()];
    assert_eq!(cell("preliminary"), "true");
    assert_eq!(cell("points"), "40");
    assert_eq!(cell("applicable_max"), "50");
    assert_eq!(cell("DT_max"), "0");
    assert_eq!(cell("DT_percent"), "");
    assert_eq!(cell("final_points"), "42");
    assert_eq!(cell("index"), "83.33");
    score(&["--preliminary"])
        .lang("vi")
        .stdout_has("Thử thành phần (parts)\nTẠM TÍNH — chưa có điểm Điều tra xã hội học (DT): không tính vào tổng điểm và điểm tối đa\n")
        .stdout_has("│    1 ┆ X01 ┆ Xã Thử ┆  25 ┆  15 ┆ chưa có ┆  40 ┆ chưa có ┆        40 ┆     50 ┆      3 ┆   1 ┆        42 ┆    83.33 ┆")
        .run();
    score(&["--preliminary"])
        .stdout_has("PRELIMINARY — no points yet for Điều tra xã hội học (DT)")
        .run();
}

#[test]
fn the_json_lists_components_the_block_and_the_preliminary_flag() {
    let run = score(&["--external", "external.csv", "--format", "json"]).run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let unit = &json["units"][0];
    assert_eq!(
        unit["components"],
        serde_json::json!([
            {"code": "TH", "name": "Thực hiện nhiệm vụ", "name_en": null, "external": false,
             "max": "50", "points": "40", "applicable_max": "50", "percent": "80.00"},
            {"code": "DT", "name": "Điều tra xã hội học", "name_en": null, "external": true,
             "max": "10", "points": "7", "applicable_max": "10", "percent": "70.00"}
        ])
    );
    assert_eq!(unit["bonus"], "3");
    assert_eq!(unit["penalty"], "1");
    assert_eq!(unit["final_points"], "49");
    assert_eq!(unit["index"], "81.67");
    assert_eq!(unit["preliminary"], false);
    let framework = &json["framework"];
    assert_eq!(
        framework["components"][1]["areas"],
        serde_json::json!(["3"])
    );
    assert_eq!(framework["components"][1]["external"], true);
    assert_eq!(framework["adjustment"]["bonus_cap"], "3");
    assert_eq!(framework["adjustment"]["penalty_cap"], "1");
    assert_eq!(framework["adjustment"]["formula"], "added");
    assert_eq!(framework["adjustment"]["items"][2]["kind"], "penalty");
    assert_eq!(
        framework["survey_weights"],
        serde_json::json!({"A": "100", "B": "60", "C": "20", "D": "0"})
    );
    // Percent is the default scale, not written (as for the 2021 and 2022 frameworks).
    assert!(framework.get("band_scale").is_none());

    let run = score(&["--preliminary", "--format", "json"]).run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(json["units"][0]["preliminary"], true);
    assert_eq!(
        json["units"][0]["components"][1]["percent"],
        serde_json::Value::Null
    );
}

/// The 2022 outputs keep their shape: none of the new fields without the framework's parts.
#[test]
fn frameworks_without_the_parts_write_none_of_their_fields() {
    let (framework, form) = full();
    let run = Test::new()
        .unit("a.xlsx", &framework, &form)
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "a.xlsx",
            "--format",
            "json",
        ])
        .run();
    for field in [
        "components",
        "bonus",
        "final_points",
        "preliminary",
        "adjustment",
        "band_scale",
    ] {
        assert!(!run.stdout().contains(&format!("\"{field}\"")), "{field}");
    }
}

#[test]
fn compare_reads_results_with_the_new_columns_and_fields() {
    let run = score(&[
        "--external",
        "external.csv",
        "--format",
        "csv",
        "-o",
        "now.csv",
    ])
    .run();
    let status = parindex_command()
        .args([
            "score",
            "--criteria",
            "parts.toml",
            "x.xlsx",
            "--external",
            "external.csv",
        ])
        .args(["--format", "json", "-o", "before.json"])
        .current_dir(run.dir())
        .status()
        .unwrap();
    assert!(status.success());
    let compared = parindex_command()
        .args([
            "compare",
            "--previous",
            "before.json",
            "--current",
            "now.csv",
        ])
        .args(["--format", "csv"])
        .current_dir(run.dir())
        .output()
        .unwrap();
    assert!(
        compared.status.success(),
        "{}",
        String::from_utf8_lossy(&compared.stderr)
    );
    let (header, rows) = csv_rows(&String::from_utf8(compared.stdout).unwrap());
    let cell = |name: &str| &rows[0][header.iter().position(|h| h == name).unwrap()];
    assert_eq!(cell("unit_code"), "X01");
    assert_eq!(cell("previous_index"), "81.67");
    assert_eq!(cell("current_index"), "81.67");
    assert_eq!(cell("area_3_current"), "70.00");
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("expected a text cell, found {other:?}"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        other => panic!("expected a number cell, found {other:?}"),
    }
}

/// Rows of the annex: "Phụ lục", the title, the attached-to line, a blank, two header rows.
const FIRST_DATA_ROW: usize = 6;

#[test]
fn the_annex_has_the_component_and_bonus_columns() {
    let run = score(&[
        "--external",
        "external.csv",
        "--format",
        "xlsx",
        "-o",
        "annex.xlsx",
    ])
    .run();
    let mut workbook = open_workbook_auto(run.dir().join("annex.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    let at = |row: usize, col: usize| sheet.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert!(!text(&at(1, 0)).contains("TẠM TÍNH"));
    // STT, Đơn vị, three areas, two components, the totals, the block, index, band, rank.
    let groups: Vec<String> = (0..15)
        .map(|c| match at(4, c) {
            Data::String(s) => s,
            _ => String::new(),
        })
        .collect();
    assert_eq!(groups[2], "Điểm từng lĩnh vực");
    assert_eq!(groups[5], "Điểm từng thành phần");
    assert_eq!(groups[7], "Tổng điểm");
    assert_eq!(groups[8], "Điểm tối đa áp dụng");
    assert_eq!(groups[9], "Điểm thưởng, điểm trừ");
    assert_eq!(groups[12], "Chỉ số (%)");
    // The second header row: blank under the headers merged down.
    let headers: Vec<String> = (5..12)
        .filter_map(|c| match at(5, c) {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(
        headers,
        [
            "TH. Thực hiện nhiệm vụ (50)",
            "DT. Điều tra xã hội học (10)",
            "Điểm thưởng",
            "Điểm trừ",
            "Tổng điểm sau thưởng, trừ",
        ]
    );
    let row = FIRST_DATA_ROW;
    let figures: Vec<f64> = (2..13).map(|c| number(&at(row, c))).collect();
    assert_eq!(
        figures,
        [
            25.0, 15.0, 7.0, 40.0, 7.0, 47.0, 60.0, 3.0, 1.0, 49.0, 81.67
        ]
    );
    let notes: Vec<String> = (FIRST_DATA_ROW + 2..FIRST_DATA_ROW + 6)
        .map(|r| match at(r, 0) {
            Data::String(s) => s,
            _ => String::new(),
        })
        .collect();
    assert!(notes.contains(&"Chỉ số (%) = Tổng điểm ÷ Điểm tối đa áp dụng × 100 + (Điểm thưởng − Điểm trừ) × 100 ÷ 60, làm tròn một lần ở cuối; tiêu chí không phát sinh (KPS) được tính đủ điểm.".to_string()), "{notes:?}");
    assert!(
        notes.contains(
            &"Điểm thưởng, điểm trừ: điểm thưởng tối đa 3, điểm trừ tối đa 1.".to_string()
        ),
        "{notes:?}"
    );

    let run = score(&["--preliminary", "--format", "xlsx", "-o", "annex.xlsx"]).run();
    let mut workbook = open_workbook_auto(run.dir().join("annex.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    let at = |row: usize, col: usize| sheet.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert!(text(&at(1, 0)).ends_with("(TẠM TÍNH)"), "{:?}", at(1, 0));
    assert_eq!(text(&at(FIRST_DATA_ROW, 4)), "Chưa có");
    assert_eq!(text(&at(FIRST_DATA_ROW, 6)), "Chưa có");
    assert_eq!(number(&at(FIRST_DATA_ROW, 12)), 83.33);
}

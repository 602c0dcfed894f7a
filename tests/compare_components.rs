//! `compare` with the 2025 parts of a framework: components compared like areas (renamed and
//! merged units), this year's bonus, penalty and final points beside the index change,
//! preliminary years said in every format, external points of a year scored on the fly
//! (`--current-external`, recorded and verified). Hand-computed figures.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use parindex::form::{Entry, FactEntry, FilledRow, FormData};
use parindex::framework::Framework;
use rust_decimal::Decimal;

use crate::support::*;

/// The areas and components of both years: areas 1 (30) and 2 (20) make TH (50), area 3 (10)
/// the external component DT. Last year's 2.2 may be left out (not applicable), this year's is
/// awarded full points.
pub(crate) const AREAS: &str = r#"
total_max = 60
survey_weights = { A = 100, B = 60, C = 20, D = 0 }

[[band]]
from = 0
below = 80
label = "Khá"
label_en = "Fair"

[[band]]
from = 80
label = "Tốt"
label_en = "Good"

[[area]]
code = "1"
name = "Chỉ đạo điều hành"
max = 30

[[criterion]]
code = "1.1"
name = "Kế hoạch cải cách hành chính"
max = 20

[[criterion]]
code = "1.2"
name = "Kiểm tra cải cách hành chính"
max = 10

[[area]]
code = "2"
name = "Cải cách thủ tục hành chính"
max = 20

[[criterion]]
code = "2.1"
name = "Công khai thủ tục hành chính"
max = 10

[[criterion]]
code = "2.2"
name = "Xử lý phản ánh, kiến nghị"
max = 10
not_applicable = "NA_RULE"

[[area]]
code = "3"
name = "Mức độ hài lòng"
max = 10

[[criterion]]
code = "3.1"
name = "Sự hài lòng của người dân"
max = 10

[[component]]
code = "TH"
name = "Thực hiện nhiệm vụ"
areas = ["1", "2"]

[[component]]
code = "DT"
name = "Điều tra xã hội học"
areas = ["3"]
external = true
"#;

/// This year's bonus and penalty block: bonus items of 2 capped at 3, a penalty of 2 capped at
/// 1, "added" to the index.
pub(crate) const BLOCK: &str = r#"
[adjustment]
name = "Điểm thưởng, điểm trừ"
bonus_cap = 3
penalty_cap = 1
index = "added"

[[adjustment.item]]
code = "T1"
name = "Sáng kiến cải cách hành chính"
kind = "bonus"
max = 2

[[adjustment.item]]
code = "T2"
name = "Dẫn đầu chuyển đổi số"
kind = "bonus"
max = 2

[[adjustment.item]]
code = "P1"
name = "Vi phạm kỷ luật hành chính"
kind = "penalty"
max = 2
"#;

fn previous_toml() -> String {
    format!(
        "id = \"parts-2024\"\nname = \"Thử thành phần 2024\"\nlevel = \"commune\"\nyear = 2024\n{}",
        AREAS.replace("NA_RULE", "leave-out")
    )
}

fn current_toml() -> String {
    format!(
        "id = \"parts-2025\"\nname = \"Thử thành phần 2025\"\nlevel = \"commune\"\nyear = 2025\n{}{BLOCK}",
        AREAS.replace("NA_RULE", "full-points")
    )
}

fn load(text: &str) -> Framework {
    Framework::from_toml(text, Path::new("parts.toml")).unwrap()
}

/// A form: scores of 1.1, 1.2, 2.1 and 2.2 (`None`: not applicable), and the bonus and penalty
/// items when the framework has them.
fn form(
    framework: &Framework,
    code: &str,
    name: &str,
    scores: [Option<&str>; 4],
    items: [i64; 3],
) -> FormData {
    let mut rows = HashMap::new();
    for (criterion, score) in ["1.1", "1.2", "2.1", "2.2"].into_iter().zip(scores) {
        let entry = match score {
            Some(value) => points(value),
            None => Some(Entry::NotApplicable),
        };
        rows.insert(
            framework.node_index(criterion).unwrap(),
            FilledRow {
                self_score: entry,
                appraised: entry,
                evidence: "Văn bản số 1/UBND".into(),
                note: String::new(),
            },
        );
    }
    let first = framework.nodes.len();
    let facts = if framework.adjustment.is_some() {
        items
            .iter()
            .enumerate()
            .map(|(i, &value)| {
                (
                    (first + i, "diem".to_string()),
                    FactEntry::Number(Decimal::from(value)),
                )
            })
            .collect()
    } else {
        HashMap::new()
    };
    FormData {
        unit_code: code.into(),
        unit_name: name.into(),
        rows,
        facts,
    }
}

/// 2024: A01 renamed B01; A02 and A03 merged into B02.
/// - A01: 15 + 10, 5 + 10 → TH 40/50 = 80.00 %; DT 6/10 = 60.00 %; 46/60 = 76.67 %.
/// - A02: 20 + 10, 10 + 10 → TH 50/50 = 100.00 %; DT 8/10; 58/60 = 96.67 %.
/// - A03: 10 + 5, 5 + (2.2 left out) → TH 20/40 = 50.00 %; DT 4/10; 24/50 = 48.00 %.
///
/// 2025 ("added": points ÷ applicable maximum × 100 + (bonus − penalty) × 100 ÷ 60):
/// - B01: 18 + 10, 8 + 10 → TH 46/50 = 92.00 %; DT 7/10 = 70.00 %; 53/60; bonus 2, penalty 0:
///   88.333… + 3.333… = 91.666… → 91.67; final points 53 + 2 − 0 = 55.
/// - B02: 16 + 8, 9 + (2.2 full points 10) → TH 43/50 = 86.00 %; DT 9/10 = 90.00 %; 52/60;
///   bonus 1 + 1 = 2, penalty 2 capped at 1: 86.666… + 1.666… = 88.333… → 88.33; final
///   points 52 + 2 − 1 = 53.
fn years() -> Test {
    let previous = load(&previous_toml());
    let current = load(&current_toml());
    Test::new()
        .file("2024.toml", previous_toml())
        .file("2025.toml", current_toml())
        .file(
            "ext-2024.csv",
            "unit_code,criterion_code,points,A,B,C,D\nA01,3.1,6,,,,\nA02,3.1,8,,,,\nA03,3.1,4,,,,\n",
        )
        .file(
            "ext-2025.csv",
            "unit_code,criterion_code,points,A,B,C,D\nB01,3.1,7,,,,\nB02,3.1,9,,,,\n",
        )
        .file(
            "map.toml",
            "merged = \"points-weighted\"\n\n[units]\nA01 = \"B01\"\nA02 = \"B02\"\nA03 = \"B02\"\n",
        )
        .unit(
            "2024/a01.xlsx",
            &previous,
            &form(&previous, "A01", "Xã Một", [Some("15"), Some("10"), Some("5"), Some("10")], [0; 3]),
        )
        .unit(
            "2024/a02.xlsx",
            &previous,
            &form(&previous, "A02", "Xã Hai", [Some("20"), Some("10"), Some("10"), Some("10")], [0; 3]),
        )
        .unit(
            "2024/a03.xlsx",
            &previous,
            &form(&previous, "A03", "Xã Ba", [Some("10"), Some("5"), Some("5"), None], [0; 3]),
        )
        .unit(
            "2025/b01.xlsx",
            &current,
            &form(&current, "B01", "Phường Một", [Some("18"), Some("10"), Some("8"), Some("10")], [2, 0, 0]),
        )
        .unit(
            "2025/b02.xlsx",
            &current,
            &form(&current, "B02", "Xã Hai Ba", [Some("16"), Some("8"), Some("9"), None], [1, 1, 2]),
        )
}

const CURRENT: [&str; 6] = [
    "--current-criteria",
    "2025.toml",
    "--current-paths",
    "2025",
    "--current-external",
    "ext-2025.csv",
];

const PREVIOUS: [&str; 6] = [
    "--previous-criteria",
    "2024.toml",
    "--previous-paths",
    "2024",
    "--previous-external",
    "ext-2024.csv",
];

fn on_the_fly(extra: &[&str]) -> Test {
    years()
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml"])
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

fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let at = header.iter().position(|h| h == name);
    &row[at.unwrap_or_else(|| panic!("no column {name} in {header:?}"))]
}

/// B01 (renamed from A01): TH 92.00 − 80.00 = +12.00, DT 70.00 − 60.00 = +10.00; index
/// 91.67 − 76.67 = +15.00.
/// B02 (A02 + A03 merged, points-weighted): TH (50 + 20) ÷ (50 + 40) × 100 = 77.777… → 77.78,
/// 86.00 − 77.78 = +8.22 (not the mean of 100 and 50); DT (8 + 4) ÷ 20 = 60.00, +30.00; index
/// (58 + 24) ÷ (60 + 50) × 100 = 74.545… → 74.55, 88.33 − 74.55 = +13.78.
#[test]
fn components_compare_like_areas_for_renamed_and_merged_units() {
    let run = on_the_fly(&["--format", "csv"]).run();
    let (header, rows) = csv_rows(&run.stdout());
    assert_eq!(
        header.join(","),
        "unit_code,unit_name,status,previous_codes,split_codes,previous_index,current_index,delta,\
         bonus,penalty,final_points,\
         previous_rank,current_rank,rank_change,previous_rating,current_rating,\
         area_1_previous,area_1_current,area_1_delta,area_2_previous,area_2_current,area_2_delta,\
         area_3_previous,area_3_current,area_3_delta,\
         TH_previous,TH_current,TH_delta,DT_previous,DT_current,DT_delta"
    );
    let b01 = &rows[0];
    assert_eq!(cell(&header, b01, "unit_code"), "B01");
    assert_eq!(cell(&header, b01, "status"), "renamed");
    assert_eq!(cell(&header, b01, "delta"), "+15.00");
    assert_eq!(cell(&header, b01, "TH_previous"), "80.00");
    assert_eq!(cell(&header, b01, "TH_current"), "92.00");
    assert_eq!(cell(&header, b01, "TH_delta"), "+12.00");
    assert_eq!(cell(&header, b01, "DT_delta"), "+10.00");
    assert_eq!(cell(&header, b01, "bonus"), "2");
    assert_eq!(cell(&header, b01, "penalty"), "0");
    assert_eq!(cell(&header, b01, "final_points"), "55");
    let b02 = &rows[1];
    assert_eq!(cell(&header, b02, "unit_code"), "B02");
    assert_eq!(cell(&header, b02, "status"), "merged");
    assert_eq!(cell(&header, b02, "previous_index"), "74.55");
    assert_eq!(cell(&header, b02, "current_index"), "88.33");
    assert_eq!(cell(&header, b02, "delta"), "+13.78");
    assert_eq!(cell(&header, b02, "TH_previous"), "77.78");
    assert_eq!(cell(&header, b02, "TH_current"), "86.00");
    assert_eq!(cell(&header, b02, "TH_delta"), "+8.22");
    assert_eq!(cell(&header, b02, "DT_previous"), "60.00");
    assert_eq!(cell(&header, b02, "DT_delta"), "+30.00");
    assert_eq!(cell(&header, b02, "bonus"), "2");
    assert_eq!(cell(&header, b02, "penalty"), "1");
    assert_eq!(cell(&header, b02, "final_points"), "53");
    // Nothing preliminary: no flag columns.
    assert!(!header.iter().any(|h| h.contains("preliminary")));
}

#[test]
fn the_table_json_and_workbook_show_components_and_the_block() {
    on_the_fly(&[])
        .lang("vi")
        .stdout_has("Điểm thưởng ┆ Điểm trừ ┆ Tổng điểm")
        .stdout_has("TP TH")
        .stdout_has("Điểm thưởng, điểm trừ và tổng điểm sau thưởng, trừ của 2025, tính bằng điểm")
        .run();
    let run = on_the_fly(&[]).lang("vi").run();
    let line = run
        .stdout()
        .lines()
        .find(|l| l.contains("B02"))
        .unwrap()
        .to_string();
    for figure in ["74.55", "88.33", "+13.78", "+8.22", "+30.00", "53"] {
        assert!(line.contains(figure), "{figure} in {line}");
    }
    assert!(!run.stdout().contains("TẠM TÍNH"));

    let run = on_the_fly(&["--format", "json"]).run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(json["components"][0]["code"], "TH");
    let b02 = &json["units"][1];
    assert_eq!(
        b02["components"][0],
        serde_json::json!({"code": "TH", "previous": "77.78", "current": "86.00", "delta": "+8.22"})
    );
    assert_eq!(b02["bonus"], "2");
    assert_eq!(b02["penalty"], "1");
    assert_eq!(b02["final_points"], "53");
    // Last year had no block: no change figures for it.
    assert!(b02.get("adjustment_change").is_none());
    assert!(json.get("preliminary").is_none());

    let run = on_the_fly(&["--format", "xlsx", "-o", "so-sanh.xlsx"]).run();
    let mut workbook = open_workbook_auto(run.dir().join("so-sanh.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("So sánh").unwrap();
    let at = |row: u32, col: u32| sheet.get_value((row, col)).cloned().unwrap_or(Data::Empty);
    let texts = |row: u32| -> Vec<String> {
        (0..40)
            .map(|c| match at(row, c) {
                Data::String(s) => s,
                _ => String::new(),
            })
            .collect()
    };
    let (groups, subs) = (texts(3), texts(4));
    assert_eq!(groups[7], "Thưởng, trừ năm 2025");
    assert_eq!(subs[7..10], ["Điểm thưởng", "Điểm trừ", "Tổng điểm"]);
    assert!(
        groups
            .iter()
            .any(|t| t == "Thành phần TH. Thực hiện nhiệm vụ (%)"),
        "{groups:?}"
    );
    // B02's row: bonus, penalty, final points after the index change; TH's three figures after
    // the three areas'.
    let row = (0..20)
        .find(|&r| at(r, 1) == Data::String("B02".into()))
        .unwrap();
    assert_eq!(at(row, 6), Data::Float(13.78));
    assert_eq!(
        [at(row, 7), at(row, 8), at(row, 9)],
        [2.0, 1.0, 53.0].map(Data::Float)
    );
    let th = 12 + 3 + 3 * 3;
    assert_eq!(
        [at(row, th), at(row, th + 1), at(row, th + 2)],
        [77.78, 86.0, 8.22].map(Data::Float)
    );
}

/// Last year's results written preliminary (without DT): the comparison says so everywhere.
#[test]
fn a_preliminary_year_is_never_silent() {
    let setup = years()
        .args(["score", "--criteria", "2024.toml", "2024", "--preliminary"])
        .args(["--format", "json", "-o", "2024.json"])
        .run();
    let compare = |format: &str| {
        parindex_command()
            .args(["compare", "--previous", "2024.json"])
            .args(CURRENT)
            .args(["--mapping", "map.toml", "--format", format])
            .env(parindex::i18n::LANG_VARIABLE, "vi")
            .current_dir(setup.dir())
            .output()
            .unwrap()
    };
    let table = compare("table");
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains(
            "TẠM TÍNH: kết quả năm 2024 chưa có điểm các thành phần lấy từ ngoài biểu mẫu"
        ),
        "{table}"
    );
    let (header, rows) = csv_rows(&String::from_utf8(compare("csv").stdout).unwrap());
    assert_eq!(cell(&header, &rows[0], "previous_preliminary"), "true");
    assert_eq!(cell(&header, &rows[0], "current_preliminary"), "false");
    // A01 preliminary: 40/50 = 80.00; DT had no points: no figure, no change.
    assert_eq!(cell(&header, &rows[0], "previous_index"), "80.00");
    assert_eq!(cell(&header, &rows[0], "DT_previous"), "");
    assert_eq!(cell(&header, &rows[0], "DT_delta"), "");
    let json: serde_json::Value = serde_json::from_slice(&compare("json").stdout).unwrap();
    assert_eq!(json["preliminary"], serde_json::json!(["2024"]));
    assert_eq!(
        json["units"][0]["preliminary"],
        serde_json::json!({"previous": true, "current": false})
    );
}

#[test]
fn current_external_is_recorded_and_verified() {
    let run = on_the_fly(&["--format", "csv", "-o", "so-sanh.csv"]).run();
    let text = std::fs::read_to_string(run.dir().join("so-sanh.csv.manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    let run_inputs = &manifest["run"];
    assert_eq!(
        run_inputs["current"]["external"]["path"], "ext-2025.csv",
        "{text}"
    );
    assert_eq!(run_inputs["previous"]["external"]["path"], "ext-2024.csv");
    let verify = || {
        parindex_command()
            .args(["verify", "so-sanh.csv.manifest.json"])
            .current_dir(run.dir())
            .output()
            .unwrap()
    };
    let output = verify();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::write(
        run.dir().join("ext-2025.csv"),
        "unit_code,criterion_code,points,A,B,C,D\nB01,3.1,8,,,,\nB02,3.1,9,,,,\n",
    )
    .unwrap();
    let output = verify();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("ext-2025.csv"), "{said}");
}

/// Without the external file this year's survey cannot be scored: the comparison stops.
#[test]
fn without_current_external_the_year_cannot_be_scored() {
    let run = years()
        .arg("compare")
        .args(PREVIOUS)
        .args(["--current-criteria", "2025.toml", "--current-paths", "2025"])
        .args(["--mapping", "map.toml"])
        .status(1)
        .run();
    assert!(!run.stderr().is_empty());
}

/// The bundled example: 2024's results against 2025 scored on the fly with its external points.
/// Đặc khu Bạch Yến (LS122) continues Xã Bạch Yến (HY27) alone: renamed. 2024 (from the JSON):
/// 84.125 ÷ 93.5 × 100 = 89.973… → 89.97. 2025: 87.46 of 100 applicable points (TH 60/65,
/// DT 18.46/25 from the external file's tallies, LD 9/10 from its points), bonus 2, penalty 0.5,
/// "added": 87.46 + (2 − 0.5) × 100 ÷ 100 = 88.96, final points 87.46 + 2 − 0.5 = 88.96;
/// 88.96 − 89.97 = −1.01. 2024 had no components: TH, DT and LD are listed as 2025's only.
#[test]
fn the_2024_results_compare_with_2025_scored_with_external_points() {
    let run = Test::new()
        .args(["compare", "--previous", &repo("samples/2024-results.json")])
        .args(["--current-criteria", &repo("criteria/province-2025.toml")])
        .args(["--current-paths", &repo("samples/2025")])
        .args(["--current-external", &repo("samples/2025-external.csv")])
        .args(["--mapping", &repo("samples/mapping-2024-2025.toml")])
        .args(["--format", "csv"])
        .run();
    let (header, rows) = csv_rows(&run.stdout());
    assert_eq!(rows.len(), 124);
    let row = rows.iter().find(|r| r[0] == "LS122").unwrap();
    assert_eq!(cell(&header, row, "status"), "renamed");
    assert_eq!(cell(&header, row, "previous_codes"), "HY27");
    assert_eq!(
        row[..16].join(","),
        "LS122,Đặc khu Bạch Yến,renamed,HY27,,89.97,88.96,-1.01,2,0.5,88.96,21,12,+9,Tốt,Tốt"
    );
    assert!(!header.iter().any(|h| h.starts_with("TH_")));
    Test::new()
        .args(["compare", "--previous", &repo("samples/2024-results.json")])
        .args(["--current-criteria", &repo("criteria/province-2025.toml")])
        .args(["--current-paths", &repo("samples/2025")])
        .args(["--current-external", &repo("samples/2025-external.csv")])
        .args(["--mapping", &repo("samples/mapping-2024-2025.toml")])
        .lang("vi")
        .stdout_has("Thành phần không so sánh được:\n  TH (chỉ có 2025)")
        .run();
}

/// Last year with the bonus and penalty block too (this year's framework, as 2024).
fn previous_with_block() -> String {
    current_toml()
        .replace("parts-2025", "parts-2024")
        .replace("year = 2025", "year = 2024")
}

/// Both years with the block. A01 (→ B01): 15 + 10, 5 + 10, DT 6 → 46/60; bonus 1: 76.666… +
/// 1 × 100 ÷ 60 = 78.333… → 78.33, final points 47. B01: 91.67, bonus 2, penalty 0, final 55.
/// Changes: index 91.67 − 78.33 = +13.34; bonus 2 − 1 = +1; penalty 0 − 0 = 0; final points
/// 55 − 47 = +8. Merging A02 and A03 cannot be done by last year's rules: refused, unless the
/// mapping says not comparable.
#[test]
fn both_years_with_the_block_show_its_changes_and_refuse_combining() {
    let previous = load(&previous_with_block());
    let test = || {
        years()
            .file("2024.toml", previous_with_block())
            .unit(
                "2024/a01.xlsx",
                &previous,
                &form(
                    &previous,
                    "A01",
                    "Xã Một",
                    [Some("15"), Some("10"), Some("5"), Some("10")],
                    [1, 0, 0],
                ),
            )
            .unit(
                "2024/a02.xlsx",
                &previous,
                &form(
                    &previous,
                    "A02",
                    "Xã Hai",
                    [Some("20"), Some("10"), Some("10"), Some("10")],
                    [0; 3],
                ),
            )
            .unit(
                "2024/a03.xlsx",
                &previous,
                &form(
                    &previous,
                    "A03",
                    "Xã Ba",
                    [Some("10"), Some("5"), Some("5"), Some("0")],
                    [0; 3],
                ),
            )
    };
    let refused = test()
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml"])
        .status(1)
        .run();
    assert!(
        refused
            .stderr()
            .contains("2024.toml: last year's index has a bonus and penalty or bands in points")
            && refused.stderr().contains("merged = \"not-comparable\""),
        "{}",
        refused.stderr()
    );

    let run = test()
        .file(
            "map.toml",
            "merged = \"not-comparable\"\n\n[units]\nA01 = \"B01\"\nA02 = \"B02\"\nA03 = \"B02\"\n",
        )
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml", "--format", "csv"])
        .run();
    let (header, rows) = csv_rows(&run.stdout());
    let b01 = &rows[0];
    let figures: Vec<&str> = [
        "previous_index",
        "current_index",
        "delta",
        "bonus",
        "penalty",
        "final_points",
        "previous_bonus",
        "previous_penalty",
        "previous_final_points",
        "bonus_delta",
        "penalty_delta",
        "final_points_delta",
    ]
    .iter()
    .map(|name| cell(&header, b01, name))
    .collect();
    assert_eq!(
        figures,
        [
            "78.33", "91.67", "+13.34", "2", "0", "55", "1", "0", "47", "+1", "0", "+8"
        ]
    );
    let b02 = &rows[1];
    assert_eq!(cell(&header, b02, "status"), "merged, not comparable");
    assert_eq!(cell(&header, b02, "final_points"), "53");
    assert_eq!(cell(&header, b02, "final_points_delta"), "");
    test()
        .file(
            "map.toml",
            "merged = \"not-comparable\"\n\n[units]\nA01 = \"B01\"\nA02 = \"B02\"\nA03 = \"B02\"\n",
        )
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml"])
        .lang("vi")
        .stdout_has("±Tổng điểm: hiệu tổng điểm sau thưởng, trừ của hai năm")
        .run();
}

/// Last year's bands in points (Tốt from 48 of 60 points): a combination of units has no total
/// points to rate, so merging is refused; a renamed unit keeps its published band.
#[test]
fn bands_in_points_refuse_combining() {
    let points_toml = previous_toml()
        .replace("year = 2024\n", "year = 2024\nbands_in = \"points\"\n")
        .replace("from = 80", "from = 48")
        .replace("below = 80", "below = 48");
    let run = years()
        .file("2024.toml", &points_toml)
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml"])
        .status(1)
        .run();
    assert!(run.stderr().contains("bands in points"), "{}", run.stderr());
    let run = years()
        .file("2024.toml", &points_toml)
        .file(
            "map.toml",
            "merged = \"not-comparable\"\n\n[units]\nA01 = \"B01\"\nA02 = \"B02\"\nA03 = \"B02\"\n",
        )
        .arg("compare")
        .args(PREVIOUS)
        .args(CURRENT)
        .args(["--mapping", "map.toml", "--format", "csv"])
        .run();
    let (header, rows) = csv_rows(&run.stdout());
    // A01's 46 points are below 48: Khá, as published in 2024 and read from its results.
    assert_eq!(cell(&header, &rows[0], "previous_rating"), "Khá");
    assert_eq!(cell(&header, &rows[0], "TH_delta"), "+12.00");
}

/// With full marks and the bonus, an "added" index passes 100: 60/60 + 3 × 100 ÷ 60 = 105.00.
/// Its results file is read back by `compare`.
#[test]
fn an_index_above_100_is_read_back() {
    let current = load(&current_toml());
    let run = years()
        .unit(
            "2025/b01.xlsx",
            &current,
            &form(
                &current,
                "B01",
                "Phường Một",
                [Some("20"), Some("10"), Some("10"), Some("10")],
                [2, 2, 0],
            ),
        )
        .file(
            "ext-2025.csv",
            "unit_code,criterion_code,points,A,B,C,D\nB01,3.1,10,,,,\nB02,3.1,9,,,,\n",
        )
        .args([
            "score",
            "--criteria",
            "2025.toml",
            "2025",
            "--external",
            "ext-2025.csv",
        ])
        .args(["--format", "json", "-o", "2025.json"])
        .run();
    let output = parindex_command()
        .args([
            "compare",
            "--previous",
            "2025.json",
            "--current",
            "2025.json",
        ])
        .args(["--format", "csv"])
        .current_dir(run.dir())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (header, rows) = csv_rows(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(cell(&header, &rows[0], "current_index"), "105.00");
    assert_eq!(cell(&header, &rows[0], "final_points_delta"), "0");
}

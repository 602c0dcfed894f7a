//! `parindex compare`: the samples' An Mỹ, merged and split units through a mapping file, and
//! frameworks whose areas differ between the years.

use parindex::form::Entry;
use parindex::framework::Framework;
use rust_decimal_macros::dec;

use crate::support::*;

fn csv_rows(stdout: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().map(Result::unwrap).collect())
}

/// The value of `column` in the row of `unit`.
fn cell<'a>(header: &[String], rows: &'a [csv::StringRecord], unit: &str, column: &str) -> &'a str {
    let row = rows.iter().find(|r| &r[0] == unit).unwrap();
    &row[header.iter().position(|h| h == column).unwrap()]
}

#[test]
fn an_my_is_up_7_67_points_from_third_to_first_and_from_tot_to_rat_tot() {
    let run = Test::new()
        .arg("compare")
        .args(samples_on_the_fly())
        .args(["--format", "csv"])
        .run();
    let (header, rows) = csv_rows(&run.stdout());
    let an_my = |column| cell(&header, &rows, "KS04", column);
    // 2022: 86.375 / 95 → 90.92; 2021: 83.25 / 100 → 83.25; 90.92 − 83.25 = 7.67.
    assert_eq!(an_my("status"), "same");
    assert_eq!(an_my("previous_index"), "83.25");
    assert_eq!(an_my("current_index"), "90.92");
    assert_eq!(an_my("delta"), "+7.67");
    assert_eq!((an_my("previous_rank"), an_my("current_rank")), ("3", "1"));
    assert_eq!(an_my("rank_change"), "+2");
    assert_eq!(
        (an_my("previous_rating"), an_my("current_rating")),
        ("Tốt", "Rất tốt")
    );
    // Area 1: 2021 7.75 / 12 = 64.583… → 64.58; 2022 10 / 10.5 = 95.238… → 95.24.
    assert_eq!(an_my("area_1_previous"), "64.58");
    assert_eq!(an_my("area_1_current"), "95.24");
    assert_eq!(an_my("area_1_delta"), "+30.66");
    // Every unit of both years is matched; areas 1–7 exist in both frameworks.
    assert_eq!(rows.len(), 13);
    assert!(rows.iter().all(|r| &r[2] == "same"));
    assert!(header.contains(&"area_7_delta".to_string()));
    // Kế Sách town fell from first to third.
    assert_eq!(cell(&header, &rows, "KS01", "rank_change"), "-2");
}

#[test]
fn the_table_shows_arrows_and_the_band_change() {
    Test::new()
        .default_lang()
        .arg("compare")
        .args(samples_on_the_fly())
        .stdout_has("So sánh Chỉ số cải cách hành chính 2022 với 2021\n")
        .stdout_has("│ KS04 ┆ Xã An Mỹ             ┆ KS04             ┆  83.25 ┆  90.92 ┆     +7.67 ┆    3 ┆    1 ┆    ↑2 ┆ Tốt → Rất tốt ")
        .stdout_has("│ KS01 ┆ Thị trấn Kế Sách     ┆ KS01             ┆  86.00 ┆  88.50 ┆     +2.50 ┆    1 ┆    3 ┆    ↓2 ┆ Tốt (=) ")
        .run();
    Test::new()
        .arg("compare")
        .args(samples_on_the_fly())
        .stdout_has("│ KS04 ┆ Xã An Mỹ             ┆ KS04          ┆ 83.25 ┆ 90.92 ┆  +7.67 ┆    3 ┆    1 ┆    ↑2 ┆ Good → Very good ")
        .run();
}

#[test]
fn results_files_compare_like_scoring_on_the_fly() {
    let score = |year: i32, format: &str, file: &str| {
        [
            "score".to_string(),
            "--criteria".into(),
            repo(&format!("criteria/commune-{year}.toml")),
            repo(&format!("samples/{year}")),
            "--format".into(),
            format.into(),
            "-o".into(),
            file.into(),
        ]
    };
    let first = Test::new().args(score(2021, "json", "2021.json")).run();
    let dir = first.dir();
    let status = parindex_command()
        .args(score(2022, "csv", "2022.csv"))
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success());
    let output = parindex_command()
        .args([
            "compare",
            "--previous",
            "2021.json",
            "--current",
            "2022.csv",
            "--format",
            "csv",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success());
    let (header, rows) = csv_rows(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(cell(&header, &rows, "KS04", "delta"), "+7.67");
    assert_eq!(cell(&header, &rows, "KS04", "rank_change"), "+2");
}

fn set_both(framework: &Framework, form: &mut parindex::form::FormData, code: &str, entry: Entry) {
    set(framework, form, code, Some(entry), Some(entry));
}

/// 2021: M1 96 / 98 (4.3 not applicable, 5.2 scored 1 of 3) = 97.96; M2 93 / 100 (4.3, 5.2 and
/// 6.4 scored 0) = 93.00; M3 100. 2022: M9 (M1 and M2 merged) 99 / 100 (4.3 scored 1 of 2); N1 100.
fn merged_units() -> Test {
    let (old, new) = (framework(2021), framework(2022));
    let mut m1 = full_marks(&old, "M1", "Xã Một");
    set_both(&old, &mut m1, "4.3", Entry::NotApplicable);
    set_both(&old, &mut m1, "5.2", Entry::Points(dec!(1)));
    let mut m2 = full_marks(&old, "M2", "Xã Hai");
    for code in ["4.3", "5.2", "6.4"] {
        set_both(&old, &mut m2, code, Entry::Points(dec!(0)));
    }
    let m3 = full_marks(&old, "M3", "Xã Ba");
    let mut m9 = full_marks(&new, "M9", "Xã Chín");
    set_both(&new, &mut m9, "4.3", Entry::Points(dec!(1)));
    let n1 = full_marks(&new, "N1", "Xã Mới");
    Test::new()
        .unit("2021/m1.xlsx", &old, &m1)
        .unit("2021/m2.xlsx", &old, &m2)
        .unit("2021/m3.xlsx", &old, &m3)
        .unit("2022/m9.xlsx", &new, &m9)
        .unit("2022/n1.xlsx", &new, &n1)
        .args([
            "compare",
            "--previous-criteria",
            &criteria(2021),
            "--previous-paths",
            "2021",
            "--current-criteria",
            &criteria(2022),
            "--current-paths",
            "2022",
            "--mapping",
            "mapping.toml",
        ])
}

#[test]
fn merged_units_are_compared_with_their_points_weighted_combination() {
    let run = merged_units()
        .file("mapping.toml", "[units]\nM1 = \"M9\"\nM2 = \"M9\"\n")
        .args(["--format", "csv"])
        .run();
    let (header, rows) = csv_rows(&run.stdout());
    let m9 = |column| cell(&header, &rows, "M9", column);
    assert_eq!(m9("status"), "merged");
    assert_eq!(m9("previous_codes"), "M1;M2");
    // (96 + 93) / (98 + 100) × 100 = 95.4545… → 95.45 (the mean of 97.96 and 93.00 would be 95.48).
    assert_eq!(m9("previous_index"), "95.45");
    assert_eq!(m9("current_index"), "99.00");
    assert_eq!(m9("delta"), "+3.55");
    // Merged units had no rank together.
    assert_eq!((m9("previous_rank"), m9("rank_change")), ("", ""));
    assert_eq!(m9("previous_rating"), "Rất tốt");
    // Area 4 (max 10): M1 8 / 8, M2 8 / 10 → 16 / 18 = 88.89; M9 9 / 10 = 90.00.
    assert_eq!(m9("area_4_previous"), "88.89");
    assert_eq!(m9("area_4_delta"), "+1.11");
    let n1 = |column| cell(&header, &rows, "N1", column);
    assert_eq!((n1("status"), n1("delta")), ("new", ""));
    let m3 = |column| cell(&header, &rows, "M3", column);
    assert_eq!((m3("status"), m3("previous_index")), ("dropped", "100.00"));
    assert_eq!(rows.len(), 3);
}

#[test]
fn merged_units_can_be_marked_not_comparable() {
    merged_units()
        .file(
            "mapping.toml",
            "merged = \"not-comparable\"\n[units]\nM1 = \"M9\"\nM2 = \"M9\"\n",
        )
        .args(["--format", "csv"])
        .stdout_has("M9,Xã Chín,\"merged, not comparable\",M1;M2,,,99.00,,,2,,,Rất tốt,")
        .stdout_has("M3,Xã Ba,dropped,M3,,100.00,")
        .run();
}

#[test]
fn the_table_lists_new_and_dropped_units() {
    merged_units()
        .file("mapping.toml", "[units]\nM1 = \"M9\"\nM2 = \"M9\"\n")
        .stdout_has("│ N1   ┆ Xã Mới  ┆ new ")
        .stdout_has(
            "Units of 2021 with no successor in 2022:\n  M3 Xã Ba: 100.00 %, rank 1, Very good\n",
        )
        .stdout_has("the predecessors' points ÷ their applicable maxima × 100")
        .run();
}

#[test]
fn mapping_codes_that_do_not_exist_are_reported() {
    merged_units()
        .file("mapping.toml", "[units]\nM7 = \"M9\"\nM2 = \"X9\"\n")
        .status(1)
        .stderr_has("mapping file mapping.toml, [units] M7: no unit \"M7\" in ")
        .stderr_has("mapping file mapping.toml, [units] M2: no unit \"X9\" in ")
        .run();
}

#[test]
fn combining_needs_the_rounding_rule_that_csv_results_lack() {
    let old = framework(2021);
    let new = framework(2022);
    let run = Test::new()
        .unit("a.xlsx", &old, &full_marks(&old, "A", "Xã A"))
        .unit("b.xlsx", &old, &full_marks(&old, "B", "Xã B"))
        .args(["score", "--criteria", &criteria(2021)])
        .args(["a.xlsx", "b.xlsx", "--format", "csv", "-o", "2021.csv"])
        .run();
    std::fs::write(run.dir().join("m.toml"), "[units]\nA = \"C\"\nB = \"C\"\n").unwrap();
    std::fs::write(
        run.dir().join("c.xlsx"),
        parindex::form::write_form(&new, &full_marks(&new, "C", "Xã C")).unwrap(),
    )
    .unwrap();
    let output = parindex_command()
        .args(["compare", "--previous", "2021.csv", "--current-criteria"])
        .arg(criteria(2022))
        .args(["--current-paths", "c.xlsx", "--mapping", "m.toml"])
        .current_dir(run.dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "needs last year's rounding rule and bands, which the CSV results 2021.csv do not carry"
        ),
        "{stderr}"
    );
}

/// 2021: R1 100 / 100 = 100.00 (rank 1); W1 96 / 98 (4.3 not applicable, 5.2 scored 1 of 3) =
/// 97.96 (rank 2, area 5: 14 / 16); S1 88 / 100 (5.1.1, 5.1.2, 5.2, 5.4.2, 5.5.1, 5.5.2 scored 0,
/// 12 points) = 88.00, "Tốt" (rank 3, area 5: 4 / 16 = 25.00). 2022: S1 split between P1 and P2;
/// P2 also continues the whole of W1; R1 continues itself. P1 99 / 100 (4.3 scored 1 of 2) =
/// 99.00; P2 and R1 100.00.
fn split_units(mapping: &str) -> Test {
    let (old, new) = (framework(2021), framework(2022));
    let r1 = full_marks(&old, "R1", "Xã Giữ");
    let mut w1 = full_marks(&old, "W1", "Xã Nguyên");
    set_both(&old, &mut w1, "4.3", Entry::NotApplicable);
    set_both(&old, &mut w1, "5.2", Entry::Points(dec!(1)));
    let mut s1 = full_marks(&old, "S1", "Xã Tách");
    for code in ["5.1.1", "5.1.2", "5.2", "5.4.2", "5.5.1", "5.5.2"] {
        set_both(&old, &mut s1, code, Entry::Points(dec!(0)));
    }
    let mut p1 = full_marks(&new, "P1", "Xã Phần Một");
    set_both(&new, &mut p1, "4.3", Entry::Points(dec!(1)));
    let p2 = full_marks(&new, "P2", "Phường Phần Hai");
    let r1_now = full_marks(&new, "R1", "Xã Giữ");
    Test::new()
        .unit("2021/r1.xlsx", &old, &r1)
        .unit("2021/w1.xlsx", &old, &w1)
        .unit("2021/s1.xlsx", &old, &s1)
        .unit("2022/p1.xlsx", &new, &p1)
        .unit("2022/p2.xlsx", &new, &p2)
        .unit("2022/r1.xlsx", &new, &r1_now)
        .file("mapping.toml", mapping)
        .args([
            "compare",
            "--previous-criteria",
            &criteria(2021),
            "--previous-paths",
            "2021",
            "--current-criteria",
            &criteria(2022),
            "--current-paths",
            "2022",
            "--mapping",
            "mapping.toml",
        ])
}

const SPLIT: &str = "[units]\nS1 = [\"P1\", \"P2\"]\nW1 = \"P2\"\n";

#[test]
fn a_unit_split_among_several_is_compared_whole_with_each_of_them() {
    let run = split_units(SPLIT).args(["--format", "csv"]).run();
    let (header, rows) = csv_rows(&run.stdout());
    // P1 has part of S1 only: S1's own figures, 88.00 → 99.00 = +11.00, Tốt → Rất tốt.
    let p1 = |column| cell(&header, &rows, "P1", column);
    assert_eq!(p1("status"), "split");
    assert_eq!((p1("previous_codes"), p1("split_codes")), ("S1", "S1"));
    assert_eq!(p1("previous_index"), "88.00");
    assert_eq!(p1("current_index"), "99.00");
    assert_eq!(p1("delta"), "+11.00");
    assert_eq!(
        (p1("previous_rating"), p1("current_rating")),
        ("Tốt", "Rất tốt")
    );
    // S1 was ranked 3rd, but P1 is not S1: no previous rank, no rank change.
    assert_eq!((p1("previous_rank"), p1("rank_change")), ("", ""));
    // Area 5: S1 4 / 16 = 25.00; P1 full marks.
    assert_eq!(p1("area_5_previous"), "25.00");
    assert_eq!(p1("area_5_delta"), "+75.00");

    // P2 has the whole of W1 and part of S1: both whole, points-weighted, as a merger:
    // (96 + 88) / (98 + 100) × 100 = 92.9292… → 92.93 (the mean of 97.96 and 88.00 would be 92.98).
    let p2 = |column| cell(&header, &rows, "P2", column);
    assert_eq!(p2("status"), "split");
    assert_eq!((p2("previous_codes"), p2("split_codes")), ("W1;S1", "S1"));
    assert_eq!(p2("previous_index"), "92.93");
    assert_eq!(p2("current_index"), "100.00");
    assert_eq!(p2("delta"), "+7.07");
    assert_eq!((p2("previous_rank"), p2("rank_change")), ("", ""));
    assert_eq!(p2("previous_rating"), "Rất tốt");
    // Area 5: (14 + 4) / (16 + 16) = 56.25.
    assert_eq!(p2("area_5_previous"), "56.25");
    assert_eq!(p2("area_5_delta"), "+43.75");

    let r1 = |column| cell(&header, &rows, "R1", column);
    assert_eq!(
        (r1("status"), r1("split_codes"), r1("delta")),
        ("same", "", "0.00")
    );
    // S1 continues in P1 and P2 and W1 in P2: nothing dropped.
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_split_unit_is_marked_in_the_json_and_in_vietnamese() {
    let run = split_units(SPLIT).args(["--format", "json"]).run();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let unit = |code: &str| {
        doc["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["unit_code"] == code)
            .unwrap()
            .clone()
    };
    let p2 = unit("P2");
    assert_eq!(p2["status"], "split");
    assert_eq!(p2["status_label"], "split");
    assert_eq!(p2["previous_codes"], serde_json::json!(["W1", "S1"]));
    assert_eq!(p2["split_codes"], serde_json::json!(["S1"]));
    assert_eq!(p2["previous"]["points"], "184");
    assert_eq!(p2["previous"]["applicable_max"], "198");
    assert_eq!(p2["previous"]["index"], "92.93");
    assert_eq!(p2["delta"], "+7.07");
    let p1 = unit("P1");
    assert_eq!(p1["status"], "split");
    assert_eq!(p1["previous"]["index"], "88.00");
    assert_eq!(p1["previous"]["rank"], serde_json::Value::Null);
    assert_eq!(p1["rank_change"], serde_json::Value::Null);
    assert_eq!(unit("R1")["split_codes"], serde_json::json!([]));

    split_units(SPLIT)
        .lang("vi")
        .args(["--format", "csv"])
        .stdout_has("\nP1,Xã Phần Một,chia tách,S1,S1,88.00,99.00,+11.00,,3,,Tốt,Rất tốt,")
        .run();
}

#[test]
fn the_table_and_the_annex_show_which_predecessor_was_split() {
    split_units(SPLIT)
        .stdout_has("│ P2   ┆ Phường Phần Hai ┆ W1+part of S1 ")
        .stdout_has("│ P1   ┆ Xã Phần Một     ┆ part of S1 ")
        .stdout_has("Merged units: the 2021 figure = the predecessors' points ÷ their applicable maxima × 100\n")
        .stdout_has("Split units (“part of …”): compared with the 2021 figures of the whole former unit that was split; no rank change\n")
        .run();
    split_units(SPLIT)
        .lang("vi")
        .stdout_has("┆ W1+một phần S1 ")
        .stdout_has("Đơn vị chia tách (“một phần …”)")
        .run();

    let run = split_units(SPLIT)
        .args(["--format", "xlsx", "-o", "so-sanh.xlsx"])
        .run();
    let mut workbook = calamine::open_workbook_auto(run.dir().join("so-sanh.xlsx")).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut workbook, "So sánh").unwrap();
    let texts: Vec<String> = sheet
        .rows()
        .map(|row| {
            row.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    let row = |code: &str| {
        texts
            .iter()
            .find(|r| r.split('|').nth(1) == Some(code))
            .unwrap_or_else(|| panic!("no row {code}: {texts:#?}"))
            .clone()
    };
    assert!(
        row("P2").contains("|W1, một phần S1 (chia tách)|92.93|"),
        "{texts:#?}"
    );
    assert!(
        row("P1").contains("|một phần S1 (chia tách)|88|99|"),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|r| r.starts_with("Đơn vị chia tách (“một phần …”)")),
        "{texts:#?}"
    );
}

#[test]
fn split_units_can_be_marked_not_comparable() {
    split_units(&format!("merged = \"not-comparable\"\n{SPLIT}"))
        .args(["--format", "csv"])
        .stdout_has(
            "\nP2,Phường Phần Hai,\"split, not comparable\",W1;S1,S1,,100.00,,,1=,,,Rất tốt,",
        )
        .stdout_has("\nP1,Xã Phần Một,\"split, not comparable\",S1,S1,,99.00,,,3,,,Rất tốt,")
        .stdout_has("\nR1,Xã Giữ,same,R1,,100.00,100.00,0.00,1,1=,0,")
        .run();
    split_units(&format!("merged = \"not-comparable\"\n{SPLIT}"))
        .stdout_has("┆ W1+part of S1 (not comparable) ")
        .run();
}

#[test]
fn a_bad_split_list_is_reported_with_the_file_and_the_code() {
    split_units("[units]\nS1 = []\nW1 = [\"P2\", \"p2\"]\nR1 = [\"R1\", \"X9\"]\n")
        .status(1)
        .stderr_has("mapping file mapping.toml, [units] S1: the list of this year's units is empty")
        .stderr_has("mapping file mapping.toml, [units] W1: \"P2\" and \"p2\" are the same unit code of this year; list it once")
        .stderr_has("mapping file mapping.toml, [units] R1: no unit \"X9\" in ")
        .run();
    split_units("[units]\nS1 = []\n")
        .lang("vi")
        .status(1)
        .stderr_has("tệp ánh xạ mapping.toml, [units] S1: danh sách đơn vị năm nay trống")
        .run();
    split_units("[units]\nS1 = [\"P1\", 2]\nW1 = 2\n")
        .status(1)
        .stderr_has("mapping file mapping.toml is not valid TOML")
        .stderr_has("invalid type: integer `2`, expected a string")
        .run();
    split_units("[units]\nW1 = 2\n")
        .status(1)
        .stderr_has("expected a unit code, or a list of unit codes for a unit split among several")
        .run();
}

const TINY: &str = r#"
name = "Chỉ số thử"
level = "commune"
total_max = 10
[[band]]
from = 50
label = "Đạt"
label_en = "Pass"
[[band]]
from = 0
below = 50
label = "Chưa đạt"
label_en = "Fail"
"#;

/// 2023: areas 1 (6 points) and 2 (4); 2024: areas 1 (5) and 3 (5).
fn tiny(year: i32) -> String {
    let areas = if year == 2023 {
        "[[area]]\ncode = \"1\"\nname = \"Chung\"\nmax = 6\n[[criterion]]\ncode = \"1.1\"\nname = \"A\"\nmax = 6\n\
         [[area]]\ncode = \"2\"\nname = \"Cũ\"\nmax = 4\n[[criterion]]\ncode = \"2.1\"\nname = \"B\"\nmax = 4\n"
    } else {
        "[[area]]\ncode = \"1\"\nname = \"Chung\"\nmax = 5\n[[criterion]]\ncode = \"1.1\"\nname = \"A\"\nmax = 5\n\
         [[area]]\ncode = \"3\"\nname = \"Mới\"\nmax = 5\n[[criterion]]\ncode = \"3.1\"\nname = \"C\"\nmax = 5\n"
    };
    format!("id = \"tiny-{year}\"\nyear = {year}\n{TINY}{areas}")
}

/// U1: 2023 1.1 = 3, 2.1 = 4 → 7 / 10 = 70.00 (area 1: 50.00); 2024 1.1 = 4, 3.1 = 5 → 9 / 10 =
/// 90.00 (area 1: 80.00).
fn framework_change() -> Test {
    let mut test = Test::new();
    for (year, scores) in [
        (2023, [("1.1", dec!(3)), ("2.1", dec!(4))]),
        (2024, [("1.1", dec!(4)), ("3.1", dec!(5))]),
    ] {
        let framework =
            Framework::from_toml(&tiny(year), std::path::Path::new("tiny.toml")).unwrap();
        let mut form = full_marks(&framework, "U1", "Xã Một");
        for (code, points) in scores {
            set_both(&framework, &mut form, code, Entry::Points(points));
        }
        test = test.file(&format!("{year}.toml"), tiny(year)).unit(
            &format!("{year}/u1.xlsx"),
            &framework,
            &form,
        );
    }
    test.args([
        "compare",
        "--previous-criteria",
        "2023.toml",
        "--previous-paths",
        "2023",
        "--current-criteria",
        "2024.toml",
        "--current-paths",
        "2024",
    ])
}

#[test]
fn areas_in_only_one_framework_are_reported_not_comparable() {
    let run = framework_change().args(["--format", "json"]).run();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let unit = &doc["units"][0];
    assert_eq!(unit["delta"], "+20.00");
    assert_eq!(unit["band_change"], "=");
    assert_eq!(doc["areas"].as_array().unwrap().len(), 1);
    assert_eq!(unit["areas"][0]["code"], "1");
    assert_eq!(unit["areas"][0]["previous"], "50.00");
    assert_eq!(unit["areas"][0]["current"], "80.00");
    assert_eq!(unit["areas"][0]["delta"], "+30.00");
    let lone: Vec<(String, String)> = doc["not_comparable_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().into(),
                a["only_in"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        lone,
        [("2".into(), "2023".into()), ("3".into(), "2024".into())]
    );

    framework_change()
        .stdout_has("Areas not comparable:\n  A2 (2023 only) Cũ\n  A3 (2024 only) Mới\n")
        .run();
}

#[test]
fn an_area_mapping_makes_a_renumbered_area_comparable() {
    // 2023 area 2: 4 / 4 = 100.00; 2024 area 3: 5 / 5 = 100.00.
    framework_change()
        .file("m.toml", "[areas]\n\"2\" = \"3\"\n")
        .args(["--mapping", "m.toml", "--format", "csv"])
        .stdout_has("unit_code,unit_name,status,previous_codes,split_codes,previous_index,current_index,delta,previous_rank,current_rank,rank_change,previous_rating,current_rating,area_1_previous,area_1_current,area_1_delta,area_3_previous,area_3_current,area_3_delta\n")
        .stdout_has("U1,Xã Một,same,U1,,70.00,90.00,+20.00,1,1,0,Đạt,Đạt,50.00,80.00,+30.00,100.00,100.00,0.00\n")
        .run();
}

/// Both years scored to CSV in one folder; returns the run (its folder holds 2021.csv, 2022.csv).
fn csv_results(keep_going_2022: bool) -> crate::support::Run {
    let framework = framework(2022);
    let mut test = Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2021),
            &repo("samples/2021"),
        ])
        .args(["--format", "csv", "-o", "2021.csv"]);
    if keep_going_2022 {
        test = test.file("2022/broken.xlsx", b"not a workbook");
    }
    let run = test
        .unit(
            "2022/ks04.xlsx",
            &framework,
            &full_marks(&framework, "ks04", "Xã An Mỹ"),
        )
        .run();
    let status = parindex_command()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "2022",
            "--keep-going",
        ])
        .args(["--format", "csv", "-o", "2022.csv"])
        .current_dir(run.dir())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(if keep_going_2022 { 4 } else { 0 }));
    run
}

fn compare_csv(run: &crate::support::Run) -> std::process::Output {
    parindex_command()
        .args(["compare", "--previous", "2021.csv", "--current", "2022.csv"])
        .args(["--format", "csv"])
        .current_dir(run.dir())
        .output()
        .unwrap()
}

#[test]
fn an_incomplete_csv_is_refused_even_after_a_spreadsheet_round_trip() {
    let run = csv_results(true);
    let output = compare_csv(&run);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "results file 2022.csv: the results are incomplete (written with --keep-going"
        ),
        "{stderr}"
    );
    // A spreadsheet writes the marker back as FALSE (and TRUE): still refused.
    let path = run.dir().join("2022.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(",false\n", ",FALSE\n");
    std::fs::write(&path, text).unwrap();
    let output = compare_csv(&run);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn unit_codes_match_across_years_whatever_their_case() {
    let run = csv_results(false);
    // The TRUE a spreadsheet writes back is read as true.
    let path = run.dir().join("2022.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(",true\n", ",TRUE\n");
    std::fs::write(&path, text).unwrap();
    let output = compare_csv(&run);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let (header, rows) = csv_rows(&stdout);
    assert_eq!(cell(&header, &rows, "ks04", "status"), "same");
    assert_eq!(cell(&header, &rows, "ks04", "previous_index"), "83.25");
    assert_eq!(cell(&header, &rows, "ks04", "delta"), "+16.75");
}

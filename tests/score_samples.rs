//! The binary on the bundled samples: An Mỹ's published figures and the full 2022 ranking.

use crate::support::*;

fn score(year: i32, extra: &[&str]) -> Vec<csv::StringRecord> {
    let criteria = repo(&format!("criteria/commune-{year}.toml"));
    let samples = repo(&format!("samples/{year}"));
    let run = Test::new()
        .args(["score", "--criteria", &criteria, "--format", "csv"])
        .args(extra.iter().copied())
        .arg(&samples)
        .run();
    let stdout = run.stdout();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "rank");
    reader.records().map(Result::unwrap).collect()
}

/// (rank, tied, unit_code, index, rating) from CSV rows.
fn summary(rows: &[csv::StringRecord]) -> Vec<(String, String, String, String, String)> {
    let n = rows[0].len();
    rows.iter()
        .map(|r| {
            (
                r[0].to_string(),
                r[1].to_string(),
                r[2].to_string(),
                r[n - 4].to_string(),
                r[n - 3].to_string(),
            )
        })
        .collect()
}

#[test]
fn an_my_2022_is_first_at_90_92_rated_rat_tot() {
    // In Vietnamese, the tool's default.
    Test::new()
        .default_lang()
        .args(["score", "--criteria", &criteria(2022)])
        .arg(&repo("samples/2022"))
        .stdout_has("│ Hạng ┆ Mã   ┆ Đơn vị               ┆   LV1 ┆  LV2 ┆")
        .stdout_has("│    1 ┆ KS04 ┆ Xã An Mỹ ")
        .stdout_has("┆    86.375 ┆     95 ┆    90.92 ┆ Rất tốt    ┆ thẩm định │")
        .run();
    Test::new()
        .args(["score", "--criteria", &criteria(2022)])
        .arg(&repo("samples/2022"))
        .stdout_has("│ Rank ┆ Code ┆ Unit                 ┆    A1 ┆   A2 ┆")
        .stdout_has("┆ 86.375 ┆  95 ┆   90.92 ┆ Very good   ┆ appraised │")
        .run();
}

#[test]
fn full_2022_ranking_with_tie_na_and_four_bands() {
    let rows = score(2022, &[]);
    // Hand-computed: points ÷ applicable maximum × 100, rounded half away from zero.
    // KS04: 86.375 / 95 = 90.9210… ; KS03: 79.25 / 98 = 80.8673… ; the rest have no N/A leaf.
    let expected = [
        ("1", "false", "KS04", "90.92", "Rất tốt"),
        ("2", "false", "KS02", "90.25", "Rất tốt"),
        ("3", "false", "KS01", "88.50", "Tốt"),
        ("4", "true", "KS09", "85.25", "Tốt"),
        ("4", "true", "KS10", "85.25", "Tốt"),
        ("6", "false", "KS11", "83.75", "Tốt"),
        ("7", "false", "KS03", "80.87", "Tốt"),
        ("8", "false", "KS13", "78.50", "Khá"),
        ("9", "false", "KS07", "76.25", "Khá"),
        ("10", "false", "KS06", "74.00", "Khá"),
        ("11", "false", "KS08", "71.50", "Khá"),
        ("12", "false", "KS12", "68.75", "Trung bình"),
        ("13", "false", "KS05", "62.25", "Trung bình"),
    ]
    .map(|(a, b, c, d, e)| (a.into(), b.into(), c.into(), d.into(), e.into()));
    assert_eq!(summary(&rows), expected);

    let an_my = &rows[0];
    assert_eq!(&an_my[3], "Xã An Mỹ");
    assert_eq!(&an_my[4], "appraised");
    let n = an_my.len();
    assert_eq!((&an_my[n - 6], &an_my[n - 5]), ("86.375", "95"));
    assert_eq!((&an_my[n - 2], &an_my[n - 1]), ("Very good", "true"));
}

#[test]
fn csv_area_columns_add_up_to_the_total() {
    let criteria = criteria(2022);
    let run = Test::new()
        .args(["score", "--criteria", &criteria, "--format", "csv"])
        .arg(&repo("samples/2022"))
        .run();
    let stdout = run.stdout();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let columns: Vec<&str> = header.iter().collect();
    assert_eq!(
        columns[..8],
        [
            "rank",
            "tied",
            "unit_code",
            "unit_name",
            "basis",
            "area_1_points",
            "area_1_max",
            "area_1_percent"
        ]
    );
    assert_eq!(
        columns[columns.len() - 6..],
        [
            "points",
            "applicable_max",
            "index",
            "rating",
            "rating_en",
            "complete"
        ]
    );
    // An Mỹ: area 1 lost 1.3.2 (1.5 points) to N/A, area 2 lost 2.1.1 (1.5), area 4 lost 4.3 (2).
    let an_my = reader.records().next().unwrap().unwrap();
    let col = |name: &str| &an_my[columns.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("area_1_max"), "10.5");
    assert_eq!(col("area_2_max"), "8.5");
    assert_eq!(col("area_4_max"), "8");
    assert_eq!(col("area_3_max"), "22");
    let sum: rust_decimal::Decimal = (1..=7)
        .map(|a| {
            col(&format!("area_{a}_points"))
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(sum.to_string(), "86.375");
}

#[test]
fn an_my_2021_is_83_25() {
    let rows = score(2021, &[]);
    let an_my = rows.iter().find(|r| &r[2] == "KS04").unwrap();
    let n = an_my.len();
    assert_eq!(&an_my[n - 4], "83.25");
    assert_eq!(&an_my[n - 3], "Tốt");
    // 2021: KS01 86.00, KS02 84.50, then An Mỹ.
    assert_eq!(&an_my[0], "3");
}

#[test]
fn dense_ranking_does_not_skip_after_the_tie() {
    let rows = score(2022, &["--rank", "dense"]);
    let ranks: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        ranks,
        [
            "1", "2", "3", "4", "4", "5", "6", "7", "8", "9", "10", "11", "12"
        ]
    );
}

#[test]
fn self_basis_scores_the_self_column_and_says_so() {
    let rows = score(2022, &["--basis", "self"]);
    assert!(rows.iter().all(|r| &r[4] == "self"));
    // Self scores are never below the appraised ones in the samples, and some are above.
    let appraised = score(2022, &[]);
    let points = |rows: &[csv::StringRecord], code: &str| -> rust_decimal::Decimal {
        let row = rows.iter().find(|r| &r[2] == code).unwrap();
        row[row.len() - 6].parse().unwrap()
    };
    let higher = ["KS01", "KS04", "KS05"]
        .iter()
        .filter(|c| points(&rows, c) > points(&appraised, c))
        .count();
    assert!(higher > 0);
}

#[test]
fn table_marks_ties_and_lists_areas() {
    Test::new()
        .args(["score", "--criteria", &criteria(2022)])
        .arg(&repo("samples/2022"))
        .stdout_has("│   4= ┆ KS09 ┆ Xã Nhơn Mỹ ")
        .stdout_has("│   4= ┆ KS10 ┆ Xã Phong Nẫm ")
        .stdout_has("A7  E-government and digital government")
        .run();
}

#[test]
fn json_keeps_exact_decimals() {
    let run = Test::new()
        .args(["score", "--criteria", &criteria(2022), "--format", "json"])
        .arg(&repo("samples/2022"))
        .run();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(doc["complete"], true);
    assert_eq!(doc["framework"]["id"], "commune-2022");
    let an_my = &doc["units"][0];
    assert_eq!(an_my["unit_code"], "KS04");
    assert_eq!(an_my["index"], "90.92");
    assert_eq!(an_my["points"], "86.375");
    assert_eq!(an_my["applicable_max"], "95");
    assert!(
        an_my["index_exact"]
            .as_str()
            .unwrap()
            .starts_with("90.921052631578947368")
    );
    assert_eq!(an_my["rating"], "Rất tốt");
    assert_eq!(an_my["areas"][0]["applicable_max"], "10.5");
    assert_eq!(doc["units"][3]["rank_label"], "4=");
}

#[test]
fn output_file_is_written_with_a_byte_order_mark_for_excel() {
    let run = Test::new()
        .args(["score", "--criteria", &criteria(2022)])
        .args([
            "--format",
            "csv",
            "--csv-style",
            "excel",
            "-o",
            "ket-qua.csv",
        ])
        .arg(&repo("samples/2022"))
        .stdout("")
        .run();
    let bytes = std::fs::read(run.dir().join("ket-qua.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}rank,tied,unit_code".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("KS04,Xã An Mỹ,appraised,"));
    assert_eq!(text.lines().count(), 14);
}

#[test]
fn formula_like_unit_names_are_neutralised_in_csv() {
    let framework = framework(2022);
    let form = full_marks(&framework, "X1", "=HYPERLINK(\"http://x\")");
    Test::new()
        .unit("x.xlsx", &framework, &form)
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has("1,false,X1,\"'=HYPERLINK(\"\"http://x\"\")\",appraised,")
        .stdout_has(",100,100,100.00,Rất tốt,Very good")
        .run();
}

#[test]
fn usage_errors_exit_2() {
    Test::new()
        .args(["score"])
        .status(2)
        .stderr_has("--criteria")
        .run();
    Test::new()
        .args(["score", "--criteria", "x.toml", "--basis", "best", "."])
        .status(2)
        .run();
}

#[test]
fn an_invalid_criteria_file_is_reported_with_its_line() {
    let text =
        std::fs::read_to_string(criteria(2022))
            .unwrap()
            .replacen("max = 12\n", "max = 13\n", 1);
    let line = text.lines().position(|l| l == "max = 13").unwrap() + 1;
    Test::new()
        .file("c.toml", text)
        .args(["score", "--criteria", "c.toml", &repo("samples/2022")])
        .status(1)
        .stderr_has(&format!(
            "line {line}, column 7, criterion 1: maximum 13 differs from the sum of its children's maxima, 12"
        ))
        .stderr_has("total_max is 100 but the areas' maxima add up to 101")
        .run();
}

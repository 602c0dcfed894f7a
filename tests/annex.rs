//! The XLSX annex: read back with calamine, and opened by LibreOffice when it is installed; its
//! numbers must be those of the CSV.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};

use crate::support::*;

/// First data row of the ranking sheet ("Phụ lục", title, attached-to line, blank, two header
/// rows).
const FIRST_DATA_ROW: usize = 6;
/// First data row of the comparison and detail sheets (title, note, blank, two header rows).
const COMPARE_FIRST_ROW: usize = 5;

/// Runs `score` on the 2022 samples twice in one folder: `annex.xlsx` and `ket-qua.csv`.
fn annex_and_csv() -> crate::support::Run {
    let criteria = criteria(2022);
    let samples = repo("samples/2022");
    let run = Test::new()
        .args(["score", "--criteria", &criteria, &samples])
        .args(["--format", "xlsx", "-o", "annex.xlsx"])
        .run();
    let status = parindex_command()
        .args(["score", "--criteria", &criteria, &samples])
        .args(["--format", "csv", "-o", "ket-qua.csv"])
        .current_dir(run.dir())
        .status()
        .unwrap();
    assert!(status.success());
    run
}

fn csv_records(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        other => panic!("expected a number cell, found {other:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("expected a text cell, found {other:?}"),
    }
}

#[test]
fn the_annex_holds_the_csv_figures_as_numbers() {
    let run = annex_and_csv();
    let mut workbook = open_workbook_auto(run.dir().join("annex.xlsx")).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Kết quả",
            "Tổng hợp",
            "Số liệu biểu đồ",
            "Chi tiết tiêu chí",
            "Thông tin lần chạy"
        ]
    );
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    let at = |row: usize, col: usize| sheet.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert_eq!(text(&at(0, 0)), "Phụ lục");
    assert_eq!(
        text(&at(1, 0)),
        "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA UBND CÁC XÃ, THỊ TRẤN"
    );
    // No decision file: blanks to fill in by hand.
    assert_eq!(
        text(&at(2, 0)),
        "(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm …… của …………)"
    );
    let headers: Vec<String> = [0, 1, 2, 9, 10, 11, 12, 13]
        .map(|c| text(&at(4, c)))
        .to_vec();
    assert_eq!(
        headers,
        [
            "STT",
            "Đơn vị",
            "Điểm từng lĩnh vực",
            "Tổng điểm",
            "Điểm tối đa áp dụng",
            "Chỉ số (%)",
            "Xếp loại",
            "Xếp hạng"
        ]
    );
    assert_eq!(text(&at(5, 2)), "1. Công tác chỉ đạo điều hành (12)");

    let records = csv_records(&run.dir().join("ket-qua.csv"));
    assert_eq!(records.len(), 13);
    for (i, record) in records.iter().enumerate() {
        let row = FIRST_DATA_ROW + i;
        let n = record.len();
        assert_eq!(number(&at(row, 0)), (i + 1) as f64);
        assert_eq!(text(&at(row, 1)), &record[3]);
        for area in 0..7 {
            let csv_points: f64 = record[5 + 3 * area].parse().unwrap();
            assert_eq!(
                number(&at(row, 2 + area)),
                csv_points,
                "{} area {area}",
                &record[2]
            );
        }
        assert_eq!(number(&at(row, 9)), record[n - 6].parse::<f64>().unwrap());
        assert_eq!(number(&at(row, 10)), record[n - 5].parse::<f64>().unwrap());
        assert_eq!(number(&at(row, 11)), record[n - 4].parse::<f64>().unwrap());
        assert_eq!(text(&at(row, 12)), &record[n - 3]);
        assert_eq!(number(&at(row, 13)), record[0].parse::<f64>().unwrap());
    }
    // An Mỹ, first: 86.375 of 95 applicable → 90.92.
    assert_eq!(text(&at(FIRST_DATA_ROW, 1)), "Xã An Mỹ");
    assert_eq!(
        (
            number(&at(FIRST_DATA_ROW, 9)),
            number(&at(FIRST_DATA_ROW, 10)),
            number(&at(FIRST_DATA_ROW, 11))
        ),
        (86.375, 95.0, 90.92)
    );
    // The note under the table.
    assert!(text(&at(FIRST_DATA_ROW + 14, 0)).starts_with("Chỉ số (%) = Tổng điểm ÷ Điểm tối đa"));

    // The summary: units per band, hand-checked (2 Rất tốt, 5 Tốt, 4 Khá, 2 Trung bình).
    let summary = workbook.worksheet_range("Tổng hợp").unwrap();
    let cell = |row: usize, col: usize| summary.get((row, col)).cloned().unwrap_or(Data::Empty);
    let bands: Vec<(String, f64, f64)> = (5..10)
        .map(|r| (text(&cell(r, 1)), number(&cell(r, 2)), number(&cell(r, 3))))
        .collect();
    assert_eq!(
        bands,
        [
            ("Rất tốt".into(), 2.0, 15.38),
            ("Tốt".into(), 5.0, 38.46),
            ("Khá".into(), 4.0, 30.77),
            ("Trung bình".into(), 2.0, 15.38),
            ("Yếu".into(), 0.0, 0.0)
        ]
    );
    assert_eq!(
        (text(&cell(10, 1)), number(&cell(10, 2))),
        ("Tổng cộng".into(), 13.0)
    );
    // Mean, median, lowest and highest index.
    let spread: Vec<f64> = (13..17).map(|r| number(&cell(r, 2))).collect();
    assert_eq!(spread, [79.70, 80.87, 62.25, 90.92]);

    // The detailed sheet: units as columns, a criterion that did not arise shown as KPS.
    let detail = workbook.worksheet_range("Chi tiết tiêu chí").unwrap();
    let cell = |row: usize, col: usize| detail.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert_eq!(text(&cell(3, 3)), "KS04\nXã An Mỹ");
    let row_of = |code: &str| {
        (COMPARE_FIRST_ROW..detail.height())
            .find(|&r| cell(r, 0) == Data::String(code.into()))
            .unwrap()
    };
    assert_eq!(text(&cell(row_of("1.3.2"), 3)), "KPS");
    assert_eq!(number(&cell(row_of("1"), 3)), 10.0);
    assert_eq!(number(&cell(row_of("3"), 3)), 18.125);

    // The run's information is kept, hidden so it is never printed.
    let hidden: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(hidden, ["Số liệu biểu đồ", "Thông tin lần chạy"]);
    let manifest = workbook.worksheet_range("Thông tin lần chạy").unwrap();
    let texts: Vec<String> = manifest.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        texts.iter().any(|t| t == "Bộ tiêu chí (commune-2022)"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.ends_with("KS04-xa-an-my.xlsx")));
}

#[test]
fn the_compare_annex_holds_signed_deltas_and_rank_changes_as_numbers() {
    let run = Test::new()
        .arg("compare")
        .args(samples_on_the_fly())
        .args(["--format", "xlsx", "-o", "so-sanh.xlsx"])
        .run();
    let mut workbook = open_workbook_auto(run.dir().join("so-sanh.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("So sánh").unwrap();
    let at = |row: usize, col: usize| sheet.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        text(&at(0, 0)),
        "So sánh Chỉ số cải cách hành chính năm 2022 với năm 2021 của UBND các xã, thị trấn"
    );
    let row = COMPARE_FIRST_ROW;
    assert_eq!(text(&at(row, 1)), "KS04");
    assert_eq!(number(&at(row, 4)), 83.25);
    assert_eq!(number(&at(row, 5)), 90.92);
    assert!((number(&at(row, 6)) - 7.67).abs() < 1e-9);
    assert_eq!((number(&at(row, 7)), number(&at(row, 8))), (3.0, 1.0));
    assert_eq!(number(&at(row, 9)), 2.0);
    assert_eq!(
        (text(&at(row, 10)), text(&at(row, 11))),
        ("Tốt".into(), "Rất tốt".into())
    );
}

/// LibreOffice opens the annex and shows the CSV's figures.
#[test]
fn libreoffice_shows_the_csv_figures() {
    require("soffice");
    let run = annex_and_csv();
    let dir = run.dir();
    let profile = format!("file://{}", dir.join("lo-profile").display());
    // UTF-8, cells as shown (the annex's number formats).
    let status = Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation={profile}")])
        .args([
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
            "--outdir",
            "lo",
            "annex.xlsx",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let shown: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(dir.join("lo/annex.csv"))
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        &shown[1][0],
        "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA UBND CÁC XÃ, THỊ TRẤN"
    );
    let records = csv_records(&dir.join("ket-qua.csv"));
    for (i, record) in records.iter().enumerate() {
        let row = &shown[FIRST_DATA_ROW + i];
        let n = record.len();
        assert_eq!(&row[1], &record[3]);
        // The index as published, with its two decimals; points and rating as in the CSV.
        assert_eq!(&row[11], &record[n - 4]);
        assert_eq!(
            row[9].parse::<f64>().unwrap(),
            record[n - 6].parse::<f64>().unwrap()
        );
        assert_eq!(&row[12], &record[n - 3]);
    }
    assert_eq!(&shown[FIRST_DATA_ROW][9], "86.375");
    assert_eq!(&shown[FIRST_DATA_ROW][11], "90.92");
}

/// Two areas; every criterion of area 2 may be not applicable.
const TWO_AREAS: &str = "id = \"hai-linh-vuc\"\nname = \"Bộ thử\"\nlevel = \"commune\"\nyear = 2022\n\
    total_max = 10\n\n[[band]]\nfrom = 0\nbelow = 50\nlabel = \"Yếu\"\nlabel_en = \"Weak\"\n\n\
    [[band]]\nfrom = 50\nlabel = \"Đạt\"\nlabel_en = \"Pass\"\n\n\
    [[area]]\ncode = \"1\"\nname = \"Chỉ đạo\"\nmax = 6\n\n\
    [[criterion]]\ncode = \"1.1\"\nname = \"Kế hoạch\"\nmax = 6\n\n\
    [[area]]\ncode = \"2\"\nname = \"Thể chế\"\nmax = 4\n\n\
    [[criterion]]\ncode = \"2.1\"\nname = \"Văn bản\"\nmax = 4\nallow_not_applicable = true\n";

#[test]
fn an_area_where_nothing_arose_shows_kps_not_zero() {
    let small =
        parindex::framework::Framework::from_toml(TWO_AREAS, std::path::Path::new("t.toml"))
            .unwrap();
    let mut form = full_marks(&small, "A1", "Xã A");
    set(
        &small,
        &mut form,
        "2.1",
        Some(parindex::form::Entry::NotApplicable),
        Some(parindex::form::Entry::NotApplicable),
    );
    let test = || {
        Test::new()
            .file("t.toml", TWO_AREAS)
            .unit("a.xlsx", &small, &form)
            .args(["score", "--criteria", "t.toml", "a.xlsx"])
    };
    // The table: area 2 is KPS, the total 6 of 6.
    test()
        .stdout_has(
            "│    1 ┆ A1   ┆ Xã A ┆  6 ┆ KPS ┆      6 ┆   6 ┆  100.00 ┆ Pass   ┆ appraised │",
        )
        .run();
    let run = test()
        .args(["--format", "xlsx", "-o", "a.xlsx.out.xlsx"])
        .run();
    let mut workbook = open_workbook_auto(run.dir().join("a.xlsx.out.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    let row = FIRST_DATA_ROW as u32;
    assert_eq!(sheet.get_value((row, 2)), Some(&Data::Float(6.0)));
    assert_eq!(sheet.get_value((row, 3)), Some(&Data::String("KPS".into())));
}

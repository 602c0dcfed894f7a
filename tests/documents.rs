//! The documents of the decision, read back: the decision file on the annex, the roster's units
//! that did not submit in every output, the summary, the Word copy's XML, the result sheet per
//! unit, self-assessed units marked, and `verify` reproducing runs that used them.

use std::io::Read;

use calamine::{Data, Reader, open_workbook_auto};

use crate::support::*;

/// A roster of the 13 sample units and one more that sent nothing.
fn roster_with_one_more() -> String {
    let mut roster = String::from("STT,Mã đơn vị,Tên đơn vị\n");
    for (i, entry) in std::fs::read_dir(repo("samples/2022")).unwrap().enumerate() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        roster.push_str(&format!("{},{},x\n", i + 1, &name[..4]));
    }
    roster.push_str("14,KS14,Xã Mới Lập\n");
    roster
}

fn score_2022() -> Test {
    Test::new().args([
        "score",
        "--criteria",
        &criteria(2022),
        &repo("samples/2022"),
        "--decision",
        &repo("samples/decision-2022.toml"),
    ])
}

fn text_of(cell: Option<&Data>) -> String {
    cell.map(ToString::to_string).unwrap_or_default()
}

#[test]
fn a_unit_of_the_roster_without_a_form_is_listed_as_not_submitted_everywhere() {
    // The table: listed, counted, and the run is incomplete.
    let run = score_2022()
        .file("roster.csv", roster_with_one_more())
        .args(["--roster", "roster.csv"])
        .status(4)
        .stdout_has("KS14 ┆ Xã Mới Lập")
        .stdout_has("not submitted")
        .stderr_has("1 units of the roster did not submit a form")
        .stderr_has("not submitted: KS14 Xã Mới Lập")
        .run();
    assert!(
        run.stdout()
            .contains("│   6 ┆ not submitted ┆     1 ┆    7.14 │"),
        "{}",
        run.stdout()
    );

    // CSV: a row without rank or figures, and the result is not complete …
    let run = score_2022()
        .file("roster.csv", roster_with_one_more())
        .args(["--roster", "roster.csv", "--format", "csv"])
        .status(4)
        .run();
    let last = run.stdout().lines().last().unwrap().to_string();
    assert!(last.starts_with(",,KS14,Xã Mới Lập,,"), "{last}");
    assert!(last.ends_with(",chưa nộp,not submitted,false"), "{last}");

    // … unless its absence is accepted: then it is complete, and compare reads it back.
    let run = score_2022()
        .file("roster.csv", roster_with_one_more())
        .args([
            "--roster",
            "roster.csv",
            "--accept-missing",
            "-o",
            "2022.csv",
        ])
        .stderr_has("listed as not submitted")
        .run();
    Test::new()
        .args(["compare", "--previous-criteria", &criteria(2021)])
        .args(["--previous-paths", &repo("samples/2021")])
        .args([
            "--current",
            &run.dir().join("2022.csv").display().to_string(),
        ])
        .stdout_has("+7.67")
        .run();

    // JSON: the unit, and the summary counting it.
    let run = score_2022()
        .file("roster.csv", roster_with_one_more())
        .args([
            "--roster",
            "roster.csv",
            "--accept-missing",
            "--format",
            "json",
        ])
        .run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(json["complete"], true);
    assert_eq!(json["not_submitted"][0]["unit_code"], "KS14");
    let summary = &json["summary"];
    assert_eq!(summary["units"], 14);
    assert_eq!(summary["not_submitted"], 1);
    let counts: Vec<(String, u64)> = summary["bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["label"].as_str().unwrap().to_string(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("Rất tốt".to_string(), 2),
            ("Tốt".to_string(), 5),
            ("Khá".to_string(), 4),
            ("Trung bình".to_string(), 2),
            ("Yếu".to_string(), 0)
        ]
    );
    assert_eq!(summary["index"]["max"], "90.92");
    assert_eq!(json["decision"]["number"], "2007/QĐ-UBND");

    // The annex: its own row, the figures merged into "Chưa nộp", and a note.
    let run = score_2022()
        .file("roster.csv", roster_with_one_more())
        .args(["--roster", "roster.csv", "-o", "phu-luc.xlsx"])
        .status(4)
        .run();
    let mut workbook = open_workbook_auto(run.dir().join("phu-luc.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    assert_eq!(text_of(sheet.get_value((19, 1))), "Xã Mới Lập");
    assert_eq!(text_of(sheet.get_value((19, 2))), "Chưa nộp");
    assert!(text_of(sheet.get_value((21, 0))).starts_with("Chưa nộp: đơn vị không gửi"));
    assert_eq!(
        text_of(sheet.get_value((2, 0))),
        "(Kèm theo Quyết định số 2007/QĐ-UBND ngày 30 tháng 12 năm 2022 của Chủ tịch UBND huyện Kế Sách)"
    );
}

#[test]
fn a_form_of_a_unit_not_on_the_roster_is_an_error_naming_file_and_code() {
    let roster = roster_with_one_more().replace("KS07", "KS99");
    score_2022()
        .file("roster.csv", roster)
        .args(["--roster", "roster.csv"])
        .status(1)
        .stderr_has("KS07-xa-ke-an.xlsx")
        .stderr_has("unit code KS07 is not on the roster roster.csv")
        .run();
}

#[test]
fn a_roster_workbook_with_vietnamese_headers_and_its_problems() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "DANH SÁCH ĐƠN VỊ").unwrap();
    for (col, text) in ["Mã đơn vị", "Tên đơn vị"].iter().enumerate() {
        sheet.write_string(2, col as u16, *text).unwrap();
    }
    for (row, line) in roster_with_one_more().lines().skip(1).enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        sheet.write_string(3 + row as u32, 0, fields[1]).unwrap();
        sheet.write_string(3 + row as u32, 1, fields[2]).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    score_2022()
        .file("ds.xlsx", bytes)
        .args(["--roster", "ds.xlsx"])
        .status(4)
        .stderr_has("not submitted: KS14 Xã Mới Lập")
        .run();
    score_2022()
        .file("roster.csv", "unit_code,unit_name\nKS01,A\nks01,B\n")
        .args(["--roster", "roster.csv"])
        .status(1)
        .stderr_has("roster roster.csv, line 3: unit code ks01 is already on line 2")
        .run();
}

#[test]
fn a_bad_decision_file_stops_the_run_before_anything_is_written() {
    Test::new()
        .file(
            "qd.toml",
            "issuer = \"UBND huyện Kế Sách\"\nnumber = \"1/QĐ-UBND\"\n",
        )
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--decision", "qd.toml", "-o", "phu-luc.xlsx"])
        .status(1)
        .stderr_has("the decision file qd.toml is not valid")
        .stderr_has("missing field `date`")
        .run();
}

#[test]
fn the_word_copy_needs_a_file_and_is_the_annex_of_score_only() {
    Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--format", "docx"])
        .status(2)
        .stderr_has("--format docx writes a Word document")
        .run();
    Test::new()
        .arg("compare")
        .args(samples_on_the_fly())
        .args(["-o", "so-sanh.docx"])
        .status(2)
        .stderr_has("the Word copy (docx) is the annex of score only")
        .run();
}

/// The parts of a .docx package.
fn part(docx: &std::path::Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_word_copy_holds_the_heading_and_the_table_with_decimal_commas() {
    let run = score_2022().args(["-o", "phu-luc.docx"]).run();
    let docx = run.dir().join("phu-luc.docx");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("w:orient=\"landscape\""));
    assert!(document.contains("w:w=\"16838\" w:h=\"11906\""), "A4");
    assert!(document.contains("Kèm theo Quyết định số 2007/QĐ-UBND ngày 30 tháng 12 năm 2022"));
    // Both header rows repeat on every page.
    assert_eq!(document.matches("<w:tblHeader />").count(), 2);
    for figure in ["86,375", "90,92", "Rất tốt", "18,125"] {
        assert!(document.contains(figure), "{figure}");
    }
    assert!(!document.contains("90.92"));
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    assert!(styles.contains("<w:sz w:val=\"26\" />"), "13 pt");
    let footer = part(&docx, "word/footer1.xml");
    assert!(footer.contains("PAGE") && footer.contains("NUMPAGES") && footer.contains("Trang "));
}

#[test]
fn each_unit_gets_its_result_sheet() {
    let run = score_2022()
        .args(["--per-unit", "phieu"])
        .stderr_has("wrote 13 result sheets into phieu")
        .run();
    let mut names: Vec<String> = std::fs::read_dir(run.dir().join("phieu"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names.len(), 13);
    assert_eq!(names[3], "KS04.xlsx");
    let mut workbook = open_workbook_auto(run.dir().join("phieu/KS04.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Phiếu kết quả").unwrap();
    let texts: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(texts.contains(&"Đơn vị: Xã An Mỹ (mã KS04)".to_string()));
    assert!(texts.contains(&"vị thứ 1/13".to_string()));
    assert!(texts.contains(&"Rất tốt".to_string()));
    // The criteria the appraisal lowered come first: An Mỹ's 5.1.1 (2 → 1.5) and 5.3.1.
    let lowered = texts
        .iter()
        .position(|t| t == "III. CÁC TIÊU CHÍ BỊ GIẢM ĐIỂM KHI THẨM ĐỊNH");
    let every = texts.iter().position(|t| t == "IV. ĐIỂM TỪNG TIÊU CHÍ");
    let first_511 = texts.iter().position(|t| t == "5.1.1");
    assert!(lowered < first_511 && first_511 < every, "{texts:?}");
    assert!(texts.contains(&"CHỦ TỊCH".to_string()));
}

#[test]
fn units_scored_on_their_self_assessment_are_marked() {
    let run = score_2022()
        .args(["--basis", "self", "-o", "phu-luc.xlsx"])
        .run();
    let mut workbook = open_workbook_auto(run.dir().join("phu-luc.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("Kết quả").unwrap();
    let texts: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(texts.iter().any(|t| t == "Xã An Mỹ (*)"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("(*) Đơn vị chưa được thẩm định"))
    );
}

#[test]
fn verify_reproduces_runs_with_a_decision_and_a_roster() {
    for output in ["phu-luc.xlsx", "phu-luc.docx"] {
        let run = score_2022()
            .file("roster.csv", roster_with_one_more())
            .args(["--roster", "roster.csv", "--accept-missing", "-o", output])
            .run();
        let manifest =
            std::fs::read_to_string(run.dir().join(format!("{output}.manifest.json"))).unwrap();
        assert!(manifest.contains("decision-2022.toml") && manifest.contains("roster.csv"));
        let verified = parindex_command()
            .args(["verify", &format!("{output}.manifest.json")])
            .current_dir(run.dir())
            .output()
            .unwrap();
        assert!(verified.status.success(), "{output}: {verified:?}");
        // The roster changed: no longer reproduced.
        std::fs::write(
            run.dir().join("roster.csv"),
            "unit_code,unit_name\nKS01,x\n",
        )
        .unwrap();
        let verified = parindex_command()
            .args(["verify", &format!("{output}.manifest.json")])
            .current_dir(run.dir())
            .output()
            .unwrap();
        assert_eq!(verified.status.code(), Some(5), "{output}");
        assert!(
            String::from_utf8_lossy(&verified.stdout).contains("roster.csv")
                || String::from_utf8_lossy(&verified.stderr).contains("roster.csv")
        );
    }
}

//! CSV written for the program that opens it: `--csv-style excel-vi` opens with the right
//! numbers in a Vietnamese-locale LibreOffice (tested by importing it there), `compare` reads
//! every style back, and `-o` takes its format from the file's extension.

use calamine::{Data, Reader, open_workbook_auto};

use crate::support::*;

/// Scores the 2022 samples to `file` with `extra` options; returns the run (its folder holds it).
fn scored(file: &str, extra: &[&str]) -> crate::support::Run {
    Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["-o", file])
        .args(extra.iter().copied())
        .run()
}

/// `csv` imported by LibreOffice with the Vietnamese locale's number conventions, as a user with
/// Vietnamese settings opening it would get it, saved as .xlsx; the cells of its first sheet.
fn imported_in_vietnamese(run: &crate::support::Run, csv: &str, separator: u8) -> Vec<Vec<Data>> {
    require("soffice");
    let dir = run.dir();
    let profile = format!("file://{}", dir.join("lo-profile").display());
    // Field separator, text delimiter ("), UTF-8 (76), from line 1, no column formats, language
    // Vietnamese (LCID 1066): what the import dialog proposes on a Vietnamese system.
    let filter = format!("CSV:{separator},34,76,1,,1066");
    let status = std::process::Command::new("soffice")
        .env("LC_ALL", "vi_VN.UTF-8")
        .args(["--headless", &format!("-env:UserInstallation={profile}")])
        .arg(format!("--infilter={filter}"))
        .args(["--convert-to", "xlsx", "--outdir", "vi", csv])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let name = std::path::Path::new(csv).with_extension("xlsx");
    let mut workbook = open_workbook_auto(dir.join("vi").join(name)).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&first).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn column(rows: &[Vec<Data>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| c == &Data::String(name.into()))
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}

#[test]
fn the_excel_vi_style_opens_with_exact_numbers_in_a_vietnamese_spreadsheet() {
    let run = scored("ket-qua.csv", &["--csv-style", "excel-vi"]);
    let bytes = std::fs::read(run.dir().join("ket-qua.csv")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("\u{feff}rank;tied;unit_code;unit_name;basis;"));
    assert!(
        text.contains(";86,375;95;90,92;Rất tốt;Very good;true\n"),
        "{text}"
    );

    let rows = imported_in_vietnamese(&run, "ket-qua.csv", b';');
    let an_my = rows
        .iter()
        .find(|r| r.get(2) == Some(&Data::String("KS04".into())))
        .expect("An Mỹ's row");
    assert_eq!(an_my[3], Data::String("Xã An Mỹ".into()));
    assert_eq!(an_my[column(&rows, "points")], Data::Float(86.375));
    assert_eq!(an_my[column(&rows, "index")], Data::Float(90.92));
    assert_eq!(an_my[column(&rows, "area_1_percent")], Data::Float(95.24));
    assert_eq!(
        an_my[column(&rows, "rating")],
        Data::String("Rất tốt".into())
    );
}

#[test]
fn the_standard_style_is_what_a_vietnamese_spreadsheet_misreads() {
    // Why excel-vi exists: in the Vietnamese locale "." groups thousands, so 86.375 becomes 86375.
    let run = scored("ket-qua.csv", &[]);
    let rows = imported_in_vietnamese(&run, "ket-qua.csv", b',');
    let an_my = rows
        .iter()
        .find(|r| r.get(2) == Some(&Data::String("KS04".into())))
        .expect("An Mỹ's row");
    assert_eq!(an_my[column(&rows, "points")], Data::Float(86375.0));
}

#[test]
fn compare_reads_every_csv_style() {
    for style in ["standard", "excel", "excel-vi"] {
        let run = Test::new()
            .args([
                "score",
                "--criteria",
                &criteria(2021),
                &repo("samples/2021"),
            ])
            .args(["-o", "2021.csv", "--csv-style", style])
            .run();
        let status = parindex_command()
            .args([
                "score",
                "--criteria",
                &criteria(2022),
                &repo("samples/2022"),
            ])
            .args(["-o", "2022.csv", "--csv-style", style])
            .current_dir(run.dir())
            .status()
            .unwrap();
        assert!(status.success());
        let output = parindex_command()
            .args(["compare", "--previous", "2021.csv", "--current", "2022.csv"])
            .args(["--format", "json"])
            .current_dir(run.dir())
            .output()
            .unwrap();
        assert!(output.status.success(), "{style}: {output:?}");
        let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let an_my = &document["units"][0];
        assert_eq!(an_my["unit_code"], "KS04", "{style}");
        assert_eq!(an_my["delta"], "+7.67", "{style}");
    }
}

#[test]
fn the_output_file_names_the_format() {
    // An .xlsx name gives the annex, a real workbook, and says so.
    let run = Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["-o", "phu-luc.xlsx"])
        .stderr("wrote phu-luc.xlsx (Excel annex, 13 units) and phu-luc.xlsx.manifest.json\n")
        .run();
    let mut workbook = open_workbook_auto(run.dir().join("phu-luc.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names()[0], "Kết quả");
    assert!(workbook.worksheet_range("Kết quả").is_ok());
    // .json, .csv and .txt likewise.
    for (file, starts) in [
        ("kq.json", "{"),
        ("kq.csv", "rank,tied,"),
        ("kq.txt", "PAR index"),
    ] {
        let run = scored(file, &[]);
        let text = std::fs::read_to_string(run.dir().join(file)).unwrap();
        assert!(text.starts_with(starts), "{file}: {text}");
    }
    // A format the name contradicts, or a name without a known extension, is a usage error.
    Test::new()
        .args(["score", "--criteria", &criteria(2022), &repo("samples/2022")])
        .args(["-o", "kq.xlsx", "--format", "csv"])
        .status(2)
        .stderr("error: --format csv contradicts the extension of kq.xlsx; leave out --format or rename the file\n")
        .run();
    Test::new()
        .default_lang()
        .args(["score", "--criteria", &criteria(2022), &repo("samples/2022")])
        .args(["-o", "ket-qua"])
        .status(2)
        .stderr("lỗi: không biết ghi ket-qua theo định dạng nào: hãy đặt tên có phần mở rộng .csv, .json, .xlsx, .docx hoặc .txt, hoặc dùng --format\n")
        .run();
}

#[test]
fn template_keeps_an_existing_form_unless_forced() {
    let run = Test::new()
        .file("bieu-mau.xlsx", b"a form already filled in")
        .args([
            "template",
            "--criteria",
            &criteria(2022),
            "-o",
            "bieu-mau.xlsx",
        ])
        .status(1)
        .stderr("error: bieu-mau.xlsx exists; choose another name, or give --force to replace it\n")
        .run();
    assert_eq!(
        std::fs::read(run.dir().join("bieu-mau.xlsx")).unwrap(),
        b"a form already filled in"
    );
    let run = Test::new()
        .file("bieu-mau.xlsx", b"a form already filled in")
        .args([
            "template",
            "--criteria",
            &criteria(2022),
            "-o",
            "bieu-mau.xlsx",
            "--force",
        ])
        .run();
    assert!(
        std::fs::read(run.dir().join("bieu-mau.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
}

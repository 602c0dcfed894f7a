//! The writer matrix: workbooks written by LibreOffice and by Gnumeric, in every format each
//! writes that the reader supports, made at test time in temporary folders (nothing converted is
//! committed).
//!
//! - Every bundled sample (2021 and 2022), converted, scores byte-identically to the original
//!   (`score --format csv`, standard output and standard error; neither carries file names).
//! - A generated form filled in by each program scores as planned in each format.
//! - A maximum shown as a date is still refused, naming its cell, whoever converted it.
//!
//! The programs are required: without `soffice` or `ssconvert` these tests fail, saying what to
//! install (`bash .ci/run` installs them). They never skip.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::Data;
use parindex::form::{FactEntry, FormData, SHEET, write_form};
use parindex::framework::Source;
use rust_xlsxwriter::{Format, Workbook};
use tempfile::TempDir;

use crate::support::*;

const YEARS: [i32; 2] = [2021, 2022];

fn checked(what: &str, output: Output) {
    assert!(
        output.status.success(),
        "{what} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A spreadsheet program writing workbooks.
#[derive(Debug, Clone, Copy)]
enum Writer {
    /// `soffice --headless --convert-to TARGET` (an extension, or `extension:filter name`).
    LibreOffice(&'static str),
    /// `ssconvert --export-type EXPORTER`.
    Gnumeric(&'static str),
}

impl Writer {
    /// Converts `files` into `out` as `.extension`; returns the written files, in input order.
    fn convert(self, files: &[PathBuf], out: &Path, extension: &str) -> Vec<PathBuf> {
        std::fs::create_dir_all(out).unwrap();
        let written: Vec<PathBuf> = files
            .iter()
            .map(|file| {
                out.join(file.file_stem().unwrap())
                    .with_extension(extension)
            })
            .collect();
        match self {
            Writer::LibreOffice(target) => {
                require("soffice");
                // One start-up for all the files (it is slow), with a profile of its own so that
                // test threads converting at the same time do not share one.
                let profile = TempDir::new().unwrap();
                let output = Command::new("soffice")
                    .args(["--headless", "--norestore"])
                    .arg(format!(
                        "-env:UserInstallation=file://{}",
                        profile.path().display()
                    ))
                    .args(["--convert-to", target, "--outdir"])
                    .arg(out)
                    .args(files)
                    .output()
                    .unwrap();
                checked(&format!("soffice --convert-to {target}"), output);
            }
            Writer::Gnumeric(exporter) => {
                require("ssconvert");
                for (file, target) in files.iter().zip(&written) {
                    let output = Command::new("ssconvert")
                        .args(["--export-type", exporter])
                        .arg(file)
                        .arg(target)
                        .output()
                        .unwrap();
                    checked(&format!("ssconvert --export-type {exporter}"), output);
                }
            }
        }
        for file in &written {
            assert_is(file, extension);
        }
        written
    }
}

/// Checks that `file` was written and is of the kind its extension says: a compound file (.xls)
/// or a zip package (.xlsx, .xlsm, .ods).
fn assert_is(file: &Path, extension: &str) {
    let bytes =
        std::fs::read(file).unwrap_or_else(|e| panic!("{} not written: {e}", file.display()));
    let magic: &[u8] = match extension {
        "xls" => &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        _ => b"PK\x03\x04",
    };
    assert!(
        bytes.starts_with(magic),
        "{} is not a .{extension}",
        file.display()
    );
}

/// `score --format csv` of `paths` with the year's criteria, which must succeed: (stdout, stderr).
fn score_csv(year: i32, paths: &[PathBuf]) -> (String, String) {
    let run = Test::new()
        .args(["score", "--format", "csv", "--criteria"])
        .arg(&repo(&format!("criteria/commune-{year}.toml")))
        .args(paths.iter().map(|p| p.display().to_string()))
        .run();
    (run.stdout(), run.stderr())
}

/// Every sample of both years, converted by `writer` to `.extension` in one go (the two years'
/// files share names, so each is staged under a name starting with its year), scores exactly as
/// the original folder.
fn samples_score_as_the_originals(writer: Writer, extension: &str) {
    let dir = TempDir::new().unwrap();
    let staged = dir.path().join("staged");
    std::fs::create_dir(&staged).unwrap();
    let (mut years, mut files) = (Vec::new(), Vec::new());
    for year in YEARS {
        let mut samples: Vec<PathBuf> = std::fs::read_dir(repo(&format!("samples/{year}")))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        samples.sort();
        assert_eq!(samples.len(), 13, "samples/{year}");
        for sample in samples {
            let name = sample.file_name().unwrap().to_str().unwrap();
            let input = staged.join(format!("{year}-{name}"));
            std::fs::copy(&sample, &input).unwrap();
            years.push(year);
            files.push(input);
        }
    }
    let converted = writer.convert(&files, &dir.path().join("converted"), extension);
    for year in YEARS {
        // Scored as a folder, as users do: only the year's converted files are in it.
        let folder = dir.path().join(year.to_string());
        std::fs::create_dir(&folder).unwrap();
        for (file, _) in converted.iter().zip(&years).filter(|(_, y)| **y == year) {
            std::fs::rename(file, folder.join(file.file_name().unwrap())).unwrap();
        }
        let original = score_csv(year, &[PathBuf::from(repo(&format!("samples/{year}")))]);
        assert_eq!(original.0.lines().count(), 1 + 13, "{}", original.0);
        let again = score_csv(year, &[folder]);
        assert_eq!(
            again, original,
            "{year} samples converted by {writer:?} to .{extension} score differently"
        );
    }
}

#[test]
fn samples_saved_by_libreoffice_as_xlsx_score_as_the_originals() {
    samples_score_as_the_originals(Writer::LibreOffice("xlsx"), "xlsx");
}

#[test]
fn samples_saved_by_libreoffice_as_xlsm_score_as_the_originals() {
    // A macro-enabled workbook (content type sheet.macroEnabled.main+xml).
    samples_score_as_the_originals(
        Writer::LibreOffice("xlsm:Calc MS Excel 2007 VBA XML"),
        "xlsm",
    );
}

#[test]
fn samples_saved_by_libreoffice_as_xls_score_as_the_originals() {
    samples_score_as_the_originals(Writer::LibreOffice("xls"), "xls");
}

#[test]
fn samples_saved_by_libreoffice_as_ods_score_as_the_originals() {
    samples_score_as_the_originals(Writer::LibreOffice("ods"), "ods");
}

#[test]
fn samples_saved_by_gnumeric_as_xlsx_score_as_the_originals() {
    samples_score_as_the_originals(Writer::Gnumeric("Gnumeric_Excel:xlsx2"), "xlsx");
}

/// Gnumeric writes its number format `0.###` under id 50, an East-Asian date in Excel's built-in
/// table: every score read as a date until calamine was patched (vendor/calamine/PATCHES.md #1).
#[test]
fn samples_saved_by_gnumeric_as_xls_score_as_the_originals() {
    samples_score_as_the_originals(Writer::Gnumeric("Gnumeric_Excel:excel_biff8"), "xls");
}

/// Gnumeric indents content.xml between cells: every file was unreadable until calamine was
/// patched (vendor/calamine/PATCHES.md #2).
#[test]
fn samples_saved_by_gnumeric_as_ods_score_as_the_originals() {
    samples_score_as_the_originals(Writer::Gnumeric("Gnumeric_OpenCalc:odf"), "ods");
}

/// A blank form for the 2022 framework, as `parindex template` writes it, saved in `dir`.
fn blank_form(dir: &Path, unit_code: &str, unit_name: &str) -> PathBuf {
    blank_form_with(dir, unit_code, unit_name, HashMap::new())
}

/// A blank form, with the facts sheet already filled in: `ssconvert --set` only reaches the
/// first sheet, so for Gnumeric the dossier facts of 3.3.1 (200 received, 150 early, 50 on time,
/// 0 late = 100 %, the plan of tests/fixtures/fill_form.py) are entered before; Gnumeric still
/// reads and writes that sheet again in every format.
fn blank_form_with(
    dir: &Path,
    unit_code: &str,
    unit_name: &str,
    facts: HashMap<(usize, String), FactEntry>,
) -> PathBuf {
    let form = FormData {
        unit_code: unit_code.into(),
        unit_name: unit_name.into(),
        rows: HashMap::new(),
        facts,
    };
    let file = dir.join("form.xlsx");
    std::fs::write(&file, write_form(&framework(2022), &form).unwrap()).unwrap();
    file
}

/// The plan both programs fill in (the one in tests/fixtures/fill_form.py): every leaf at full
/// marks with evidence, except 1.1.3 appraised 0.75, 1.3.2 appraised typed as the text "1,25",
/// survey 3.5.1 = 1.875 and 7.6 = 2.5 (survey leaves have no self score), and 4.3 not applicable.
/// Points: 98 − 0.25 − 0.25 − 0.125 − 0.5 = 96.875 of 98 → 98.852… → 98.85 %.
fn assert_scores_as_planned(file: &Path, unit_code: &str, unit_name: &str) {
    let file = file.display().to_string();
    let criteria = repo("criteria/commune-2022.toml");
    Test::new()
        .args(["score", "--format", "csv", "--criteria", &criteria, &file])
        .stdout_has(&format!(
            "1,false,{unit_code},{unit_name},appraised,11.5,12,95.83,"
        ))
        .stdout_has(",96.875,98,98.85,Rất tốt,Very good,true\n")
        .run();
    // The program's SUM skips the text "1,25", so its subtotals of 1.3 and area 1, and the total,
    // are 1.25 short of the leaves: warnings, since subtotals are never used.
    Test::new()
        .args(["validate", "--criteria", &criteria, &file])
        .stdout(&format!(
            "{file}
  warning sheet 'Tự đánh giá', cell E17, criterion 1.3.2: the number \"1,25\" is stored as text; read as 1.25
  warning sheet 'Tự đánh giá', cell E7, criterion 1: the subtotal in the sheet is 10.25 but its criteria add up to 11.5 (the subtotal is not used)
  warning sheet 'Tự đánh giá', cell E15, criterion 1.3: the subtotal in the sheet is 0.5 but its criteria add up to 1.75 (the subtotal is not used)
  warning sheet 'Tự đánh giá', cell E90: the total in the sheet is 95.625 but its criteria add up to 96.875 (the total is not used)
1 file, 0 with errors (0), 1 with warnings (4)
"
        ))
        .run();
}

/// Filled in inside LibreOffice through its UNO API (tests/fixtures/fill_form.py), which
/// recalculates and saves it as .xlsx, .ods and .xls.
#[test]
fn a_form_filled_in_libreoffice_scores_as_planned_in_every_format() {
    require("soffice");
    let dir = TempDir::new().unwrap();
    let form = blank_form(dir.path(), "KS81", "Xã Thử Nghiệm");
    let output = Command::new("/usr/bin/python3")
        .arg(repo("tests/fixtures/fill_form.py"))
        .arg(&form)
        .arg(dir.path())
        .arg("KS81-xa-thu-nghiem")
        .output()
        .unwrap();
    checked(
        "tests/fixtures/fill_form.py (needs python3-uno; `bash .ci/run` installs it)",
        output,
    );
    for extension in ["xlsx", "ods", "xls"] {
        let file = dir.path().join(format!("KS81-xa-thu-nghiem.{extension}"));
        assert_is(&file, extension);
        assert_scores_as_planned(&file, "KS81", "Xã Thử Nghiệm");
    }
}

/// `--set` arguments that fill in the blank form's grid with the plan, as typed into Gnumeric.
fn gnumeric_entries(grid: &Grid) -> Vec<String> {
    let framework = framework(2022);
    let mut entries = Vec::new();
    for leaf in framework.leaves() {
        let node = &framework.nodes[leaf];
        let row = 1 + grid
            .rows
            .iter()
            .position(
                |cells| matches!(cells.first(), Some(Data::String(code)) if *code == node.code),
            )
            .unwrap_or_else(|| panic!("no row for {} in the form", node.code));
        let mut set = |column: &str, typed: &str| {
            entries.push(format!("--set='{SHEET}'!{column}{row}={typed}"));
        };
        if node.code == "4.3" {
            set("D", "KPS");
            set("E", "KPS");
            set("G", "Không phát sinh trong năm");
            continue;
        }
        let max = node.max.to_string();
        if node.leaf.as_ref().unwrap().source != Source::Survey {
            set("D", &max);
        }
        let appraised = match node.code.as_str() {
            "1.1.3" => "0.75",
            "1.3.2" => "'1,25", // the leading apostrophe types it as text, in any locale
            "3.5.1" => "1.875",
            "7.6" => "2.5",
            _ => &max,
        };
        set("E", appraised);
        set("F", "Văn bản số 12/UBND-VP");
    }
    entries
}

/// Filled in by Gnumeric, headless: `ssconvert --set SHEET!CELL=TEXT` enters each cell as if
/// typed (numbers are numbers, "'1,25" is text) and `--recalc` recalculates the form's subtotal
/// formulas before Gnumeric saves it as .xlsx, .xls and .ods.
#[test]
fn a_form_filled_in_gnumeric_scores_as_planned_in_every_format() {
    require("ssconvert");
    let dir = TempDir::new().unwrap();
    let dossiers = framework(2022).node_index("3.3.1").unwrap();
    let facts = [
        ("tiep_nhan", 200),
        ("truoc_han", 150),
        ("dung_han", 50),
        ("qua_han", 0),
    ]
    .into_iter()
    .map(|(key, n)| ((dossiers, key.to_string()), FactEntry::Number(n.into())))
    .collect();
    let form = blank_form_with(dir.path(), "KS82", "Xã Thử Gnumeric", facts);
    let entries = gnumeric_entries(&Grid::from_xlsx(&std::fs::read(&form).unwrap()));
    for (exporter, extension) in [
        ("Gnumeric_Excel:xlsx2", "xlsx"),
        ("Gnumeric_Excel:excel_biff8", "xls"),
        ("Gnumeric_OpenCalc:odf", "ods"),
    ] {
        let file = dir.path().join(format!("KS82-xa-thu-gnumeric.{extension}"));
        let output = Command::new("ssconvert")
            // Numbers typed with a decimal point, whatever the machine's locale.
            .env("LC_ALL", "C.UTF-8")
            .args(&entries)
            .args(["--recalc", "--export-type", exporter])
            .arg(&form)
            .arg(&file)
            .output()
            .unwrap();
        checked(
            &format!("ssconvert --set … --export-type {exporter}"),
            output,
        );
        assert_is(&file, extension);
        assert_scores_as_planned(&file, "KS82", "Xã Thử Gnumeric");
    }
}

/// The patch that lets a .xls file's own number formats win (vendor/calamine/PATCHES.md #1) must
/// not let a real date through: criterion 1.1.1's maximum, 1, shown as a date (dd/mm/yyyy), is
/// refused with its cell named, in the original and as saved by either program in every format.
/// Gnumeric's .xls defines dd/mm/yyyy under id 50, like its `0.###` in the samples, so the file's
/// own format is what makes it a date there. An .ods stores the date itself, which each program
/// counts from its own day zero: LibreOffice's serial 1 is 1899-12-31, Gnumeric's 1900-01-01.
#[test]
fn a_maximum_shown_as_a_date_is_refused_whoever_saved_it() {
    let framework = framework(2022);
    let grid = Grid::of(&framework, &full_marks(&framework, "KS83", "Xã Ngày Tháng"));
    assert_eq!(grid.get("A9"), &Data::String("1.1.1".into()));
    assert_eq!(grid.get("C9"), &Data::Float(1.0));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    grid.write_into(sheet);
    sheet
        .write_number_with_format(8, 2, 1.0, &Format::new().set_num_format("dd/mm/yyyy"))
        .unwrap();
    let dir = TempDir::new().unwrap();
    let original = dir.path().join("KS83-xa-ngay-thang.xlsx");
    grid.write_facts_into(&mut workbook);
    std::fs::write(&original, workbook.save_to_buffer().unwrap()).unwrap();

    let mut saved = vec![(original.clone(), "01/01/1900")];
    let saved_by = [
        (Writer::LibreOffice("xlsx"), "xlsx", "01/01/1900"),
        (Writer::LibreOffice("xls"), "xls", "01/01/1900"),
        (Writer::LibreOffice("ods"), "ods", "1899-12-31"),
        (
            Writer::Gnumeric("Gnumeric_Excel:xlsx2"),
            "xlsx",
            "01/01/1900",
        ),
        (
            Writer::Gnumeric("Gnumeric_Excel:excel_biff8"),
            "xls",
            "01/01/1900",
        ),
        (
            Writer::Gnumeric("Gnumeric_OpenCalc:odf"),
            "ods",
            "1900-01-01",
        ),
    ];
    for (n, (writer, extension, shown)) in saved_by.into_iter().enumerate() {
        let out = dir.path().join(format!("saved-{n}"));
        let file = writer.convert(std::slice::from_ref(&original), &out, extension);
        saved.push((file[0].clone(), shown));
    }
    for (file, shown) in saved {
        let file = file.display().to_string();
        let run = Test::new()
            .args([
                "score",
                "--criteria",
                &repo("criteria/commune-2022.toml"),
                &file,
            ])
            .status(1)
            .run();
        assert_eq!(
            run.stderr(),
            format!(
                "error: {file}, sheet 'Tự đánh giá', cell C9, criterion 1.1.1: maximum: expected a number, found a date ({shown})
error: 1 of 1 file has problems; nothing was written (use --keep-going to score the valid ones)
"
            )
        );
    }
}

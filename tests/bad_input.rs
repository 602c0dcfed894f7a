//! Every bad-input case of the scoring issue: a clear error naming file, sheet, cell and criterion.
//!
//! The forms are written by `parindex::form::write_form`, whose layout is: the unit's header cells
//! on rows 2–4 (label in A, value in B; the year in B4), the table's header on row 6 (A code,
//! B criterion, C maximum, D self score, E appraised score, F evidence, G note), framework node `i`
//! (depth first) on row 7 + i, and the "Tổng cộng" total row after the last node. For
//! criteria/commune-2022.toml (83 nodes) that puts 1.1.1 on row 9, 1.1.2 on 10, 1.1.3 on 11, 1.2.1
//! on 13, 1.2.2 on 14, 1.3.2 on 17, 3.5.1 on 45, 4.3 on 54 and the total on row 90.
//!
//! Layouts the form writer cannot make (text in a score cell, a missing row or header label, another
//! year) are made by reading the written form back into a grid of cells, editing the grid, and
//! writing it out again with `rust_xlsxwriter`.

use calamine::Data;
use parindex::form::Entry;
use parindex::framework::Framework;
use rust_xlsxwriter::Workbook;

use crate::support::*;

const SUMMARY_TAIL: &str =
    "problems; nothing was written (use --keep-going to score the valid ones)";

/// The framework's layout as this file's expectations assume it (see the module comment).
fn assert_layout(framework: &Framework) {
    for (code, row) in [
        ("1.1.1", 9),
        ("1.1.2", 10),
        ("1.1.3", 11),
        ("1.2.1", 13),
        ("1.2.2", 14),
        ("1.3.2", 17),
        ("3.5.1", 45),
        ("4.3", 54),
    ] {
        assert_eq!(7 + framework.node_index(code).unwrap(), row, "{code}");
    }
    assert_eq!(7 + framework.nodes.len(), 90, "total row");
}

/// The lines of stderr that report an error, without their "error: " prefix.
fn errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .collect()
}

/// Runs `parindex score --criteria <2022> [extra] -o out.csv .` in the test's folder and checks
/// that it exits 1, reports exactly `problems` (in order) followed by the summary that nothing was
/// written, and creates no out.csv.
fn rejected(test: Test, extra: &[&str], problems: &[&str]) -> Run {
    let criteria = criteria(2022);
    let run = test
        .args(["score", "--criteria", &criteria])
        .args(extra.iter().copied())
        .args(["-o", "out.csv", "."])
        .status(1)
        .stderr_has("nothing was written")
        .run();
    let stderr = run.stderr();
    let errors = errors(&stderr);
    assert!(!errors.is_empty(), "{stderr}");
    let (summary, reported) = errors.split_last().unwrap();
    assert_eq!(reported, problems, "{stderr}");
    assert!(summary.ends_with(SUMMARY_TAIL), "{stderr}");
    assert!(!run.dir().join("out.csv").exists(), "out.csv was written");
    assert_eq!(run.stdout(), "");
    run
}

/// The summary line for `excluded` files out of `total`.
fn summary(excluded: usize, total: usize) -> String {
    let files = if total == 1 { "file" } else { "files" };
    let have = if excluded == 1 { "has" } else { "have" };
    format!("error: {excluded} of {total} {files} {have} {SUMMARY_TAIL}\n")
}

#[test]
fn the_forms_layout_is_as_the_expectations_assume() {
    let (framework, form) = full();
    assert_layout(&framework);
    let grid = Grid::of(&framework, &form);
    assert_eq!(grid.get("A6"), &Data::String("Mã tiêu chí".into()));
    assert_eq!(grid.get("E6"), &Data::String("Điểm thẩm định".into()));
    assert_eq!(grid.get("B4"), &Data::Float(2022.0));
    assert_eq!(grid.get("A9"), &Data::String("1.1.1".into()));
    assert_eq!(grid.get("A13"), &Data::String("1.2.1".into()));
    assert_eq!(grid.get("A54"), &Data::String("4.3".into()));
    assert_eq!(grid.get("B90"), &Data::String("Tổng cộng".into()));
    // The full-marks form, rewritten through the grid, scores 100.
    Test::new()
        .file("a.xlsx", grid.xlsx())
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has(",100,100,100.00,Rất tốt,Very good")
        .run();
}

#[test]
fn missing_criterion_row() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    grid.remove_row(14); // 1.2.2
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', criterion 1.2.2: the row for criterion 1.2.2 is missing (every leaf of the criteria file needs a row)",
        ],
    );
}

#[test]
fn duplicate_criterion_row() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    let row = grid.row(13); // 1.2.1
    grid.insert_row(14, row);
    let run = rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell A14, criterion 1.2.1: duplicate row: this criterion is already on row 13",
        ],
    );
    assert!(run.stderr().ends_with(&summary(1, 1)), "{}", run.stderr());
}

#[test]
fn unknown_criterion_code() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    let mut row = grid.row(13);
    row[0] = Data::String("8.1".into());
    grid.insert_row(90, row); // just above the total row
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell A90, criterion 8.1: unknown criterion code \"8.1\": it is not in the criteria file \"commune-2022\"",
        ],
    );
}

#[test]
fn score_above_the_maximum() {
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.2.1", points("1.5"), points("2"));
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell D13, criterion 1.2.1: score 1.5 is above the maximum 1",
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1",
        ],
    );
}

#[test]
fn score_below_zero() {
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.1.1", points("1"), points("-0.5"));
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &[],
        &["./a.xlsx, sheet 'Tự đánh giá', cell E9, criterion 1.1.1: score -0.5 is below zero"],
    );
}

#[test]
fn score_not_a_multiple_of_the_step() {
    let (framework, mut form) = full();
    set(
        &framework,
        &mut form,
        "1.1.1",
        points("0.25"),
        points("0.5"),
    );
    set(
        &framework,
        &mut form,
        "1.1.3",
        points("0.75"),
        points("0.3"),
    );
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell D9, criterion 1.1.1: score 0.25 is not a multiple of the step 0.5",
            "./a.xlsx, sheet 'Tự đánh giá', cell E11, criterion 1.1.3: score 0.3 is not a multiple of the step 0.25",
        ],
    );
}

#[test]
fn text_in_a_score_cell_and_numbers_stored_as_text() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    // "1,5" and "1.5" stored as text are read with a warning (see tests/validate.rs); these are not.
    grid.text("E9", "1,234")
        .text("D10", "abc")
        .text("E17", "1.5.1");
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E9, criterion 1.1.1: \"1,234\" is ambiguous: the separator may be a decimal or a thousands separator; enter the score as a number",
            "./a.xlsx, sheet 'Tự đánh giá', cell D10, criterion 1.1.2: \"abc\" is not a number (write not applicable as KPS, Không phát sinh or N/A)",
            "./a.xlsx, sheet 'Tự đánh giá', cell E17, criterion 1.3.2: \"1.5.1\" is ambiguous: the separator may be a decimal or a thousands separator; enter the score as a number",
        ],
    );
}

#[test]
fn not_applicable_where_the_criterion_does_not_allow_it() {
    let (framework, mut form) = full();
    set(
        &framework,
        &mut form,
        "1.1.1",
        points("1"),
        Some(Entry::NotApplicable),
    );
    let mut grid = Grid::of(&framework, &form);
    grid.text("E10", "Không phát sinh").text("D11", "N/A");
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E9, criterion 1.1.1: \"KPS\" marks it not applicable, but the criteria file does not allow that for this criterion",
            "./a.xlsx, sheet 'Tự đánh giá', cell E10, criterion 1.1.2: \"Không phát sinh\" marks it not applicable, but the criteria file does not allow that for this criterion",
            "./a.xlsx, sheet 'Tự đánh giá', cell D11, criterion 1.1.3: \"N/A\" marks it not applicable, but the criteria file does not allow that for this criterion",
        ],
    );
}

#[test]
fn not_applicable_where_allowed_leaves_the_maximum() {
    // 4.3 (max 2) may be N/A: the applicable maximum drops to 98. With 1.1.1 appraised at 0.5
    // instead of 1: 97.5 / 98 × 100 = 99.4897… → 99.49; area 1: 11.5 / 12 = 95.833… → 95.83;
    // area 4: 8 / 8 → 100.00.
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.1.1", points("1"), points("0.5"));
    let mut grid = Grid::of(&framework, &form);
    grid.text("D54", "Không phát sinh").text("E54", "N/A");
    let run = Test::new()
        .file("a.xlsx", grid.xlsx())
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has(",97.5,98,99.49,Rất tốt,Very good,true\n")
        .run();
    assert!(!run.stderr().contains("error"), "{}", run.stderr());
    let stdout = run.stdout();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let col = |name: &str| &row[header.iter().position(|c| c == name).unwrap()];
    assert_eq!(
        [
            col("area_1_points"),
            col("area_1_max"),
            col("area_1_percent")
        ],
        ["11.5", "12", "95.83"]
    );
    assert_eq!(
        [
            col("area_4_points"),
            col("area_4_max"),
            col("area_4_percent")
        ],
        ["8", "8", "100.00"]
    );
    assert_eq!(col("basis"), "appraised");
}

#[test]
fn missing_header_label() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    grid.remove_column("E"); // no "Điểm thẩm định" column
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell A6: the criteria table's header row lacks the label \"Điểm thẩm định\"",
        ],
    );

    // A workbook without any table at all.
    let mut workbook = Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "Danh sách")
        .unwrap();
    rejected(
        Test::new().file("b.xlsx", workbook.save_to_buffer().unwrap()),
        &[],
        &[
            "./b.xlsx: no sheet has the criteria table: no header row with the labels \"Mã tiêu chí\", \"Tiêu chí\", \"Điểm tối đa\", \"Điểm tự đánh giá\", \"Điểm thẩm định\"",
        ],
    );
}

#[test]
fn unreadable_or_non_workbook_file() {
    // A text file renamed .xlsx, found in the folder: said in plain words, with what to do.
    let criteria = criteria(2022);
    let run = Test::new()
        .file("a.xlsx", "Mã đơn vị;KS04\n")
        .args(["score", "--criteria", &criteria, "-o", "out.csv", "."])
        .status(1)
        .stderr_has(&summary(1, 1))
        .run();
    let stderr = run.stderr();
    let errors = errors(&stderr);
    assert_eq!(errors.len(), 2, "{stderr}");
    assert_eq!(
        errors[0],
        "./a.xlsx: a text file (a CSV or a list) named like a workbook; open it in Excel or LibreOffice and save it as .xlsx",
        "{stderr}"
    );
    assert!(!run.dir().join("out.csv").exists());

    // A .txt file given by name is read (and refused); in a folder it is skipped with a note.
    let run = Test::new()
        .file("ghi-chu.txt", "not a workbook")
        .args(["score", "--criteria", &criteria, "-o", "out.csv", "ghi-chu.txt"])
        .status(1)
        .stderr_has(
            "error: ghi-chu.txt: a text file (a CSV or a list) named like a workbook; open it in Excel or LibreOffice and save it as .xlsx\n",
        )
        .stderr_has(&summary(1, 1))
        .run();
    assert!(!run.dir().join("out.csv").exists());

    let (framework, form) = full();
    Test::new()
        .file("ghi-chu.txt", "not a workbook")
        .unit("a.xlsx", &framework, &form)
        .args(["score", "--criteria", &criteria, "."])
        .stderr_has("note: skipped ./ghi-chu.txt: not a workbook (.xlsx, .xlsm, .xls, .ods)\n")
        .stdout_has("KS04")
        .run();

    // A path that does not exist.
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &["khong-co.xlsx"],
        &["khong-co.xlsx: no such file or folder"],
    );
}

#[test]
fn duplicate_unit_codes_name_both_files() {
    let framework = framework(2022);
    let run = rejected(
        Test::new()
            .unit(
                "a.xlsx",
                &framework,
                &full_marks(&framework, "KS01", "Thị trấn Kế Sách"),
            )
            .unit(
                "b.xlsx",
                &framework,
                &full_marks(&framework, "KS02", "Thị trấn An Lạc Thôn"),
            )
            .unit(
                "c.xlsx",
                &framework,
                &full_marks(&framework, "KS01", "Xã An Lạc Tây"),
            ),
        &[],
        &[
            "./a.xlsx: unit code \"KS01\" is also used by ./c.xlsx; each unit must have its own code",
            "./c.xlsx: unit code \"KS01\" is also used by ./a.xlsx; each unit must have its own code",
        ],
    );
    assert!(run.stderr().ends_with(&summary(2, 3)), "{}", run.stderr());

    // Copies of one file: each names three of the others and counts the rest, so a folder of
    // copies does not print every copy under every copy.
    let form = full_marks(&framework, "KS01", "Thị trấn Kế Sách");
    let copies = ["a", "b", "c", "d", "e", "f"]
        .into_iter()
        .fold(Test::new(), |test, name| {
            test.unit(&format!("{name}.xlsx"), &framework, &form)
        });
    let run = rejected(
        copies,
        &[],
        &[
            "./a.xlsx: unit code \"KS01\" is also used by ./b.xlsx, ./c.xlsx, ./d.xlsx and 2 other files; each unit must have its own code",
            "./b.xlsx: unit code \"KS01\" is also used by ./a.xlsx, ./c.xlsx, ./d.xlsx and 2 other files; each unit must have its own code",
            "./c.xlsx: unit code \"KS01\" is also used by ./a.xlsx, ./b.xlsx, ./d.xlsx and 2 other files; each unit must have its own code",
            "./d.xlsx: unit code \"KS01\" is also used by ./a.xlsx, ./b.xlsx, ./c.xlsx and 2 other files; each unit must have its own code",
            "./e.xlsx: unit code \"KS01\" is also used by ./a.xlsx, ./b.xlsx, ./c.xlsx and 2 other files; each unit must have its own code",
            "./f.xlsx: unit code \"KS01\" is also used by ./a.xlsx, ./b.xlsx, ./c.xlsx and 2 other files; each unit must have its own code",
        ],
    );
    assert!(run.stderr().ends_with(&summary(6, 6)), "{}", run.stderr());
    let five = ["a", "b", "c", "d", "e"]
        .into_iter()
        .fold(Test::new(), |test, name| {
            test.unit(&format!("{name}.xlsx"), &framework, &form)
        });
    five.lang("vi")
        .args(["score", "--criteria", &criteria(2022), "."])
        .status(1)
        .stderr_has("lỗi: ./a.xlsx: mã đơn vị \"KS01\" cũng được dùng trong ./b.xlsx, ./c.xlsx, ./d.xlsx và 1 tệp khác; mỗi đơn vị phải có mã riêng\n")
        .run();

    // One file reached twice (named twice, or named and in a named folder) is one unit, read once.
    let form = full_marks(&framework, "KS01", "Thị trấn Kế Sách");
    let criteria = criteria(2022);
    let run = Test::new()
        .unit("a.xlsx", &framework, &form)
        .args(["score", "--criteria", &criteria, "--format", "csv"])
        .args([".", "a.xlsx", "./a.xlsx"])
        .stderr_has("note: skipped a.xlsx: already given (each file is read once)\n")
        .stderr_has("note: skipped ./a.xlsx: already given (each file is read once)\n")
        .stdout_has("\n1,false,KS01,Thị trấn Kế Sách,appraised,")
        .run();
    assert_eq!(errors(&run.stderr()), Vec::<&str>::new());
    assert_eq!(run.stdout().lines().count(), 2);
}

#[test]
fn year_differs_from_the_frameworks() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    grid.set("B4", Data::Float(2021.0));
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell B4: the form is for 2021 but the criteria file \"commune-2022\" is for 2022",
        ],
    );
}

/// Several files, each with its problems, plus one valid unit.
fn several_bad_files() -> Test {
    let framework = framework(2022);

    let mut a = full_marks(&framework, "KS01", "Thị trấn Kế Sách");
    set(&framework, &mut a, "1.2.1", points("1"), points("2"));
    set(&framework, &mut a, "1.1.3", points("1"), points("0.3"));

    let mut b = Grid::of(
        &framework,
        &full_marks(&framework, "KS02", "Thị trấn An Lạc Thôn"),
    );
    b.set("B4", Data::Float(2021.0)).text("E9", "abc");

    let mut d = full_marks(&framework, "KS04", "Xã An Mỹ");
    set(&framework, &mut d, "3.5.1", None, None);

    Test::new()
        .unit("a.xlsx", &framework, &a)
        .file("b.xlsx", b.xlsx())
        .file("c.xlsx", "")
        .unit("d.xlsx", &framework, &d)
        .unit(
            "e.xlsx",
            &framework,
            &full_marks(&framework, "KS05", "Xã Ba Trinh"),
        )
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let run = several_bad_files()
        .args(["score", "--criteria", &criteria(2022), "-o", "out.csv", "."])
        .status(1)
        .stderr_has(&summary(4, 5))
        .run();
    let stderr = run.stderr();
    let errors = errors(&stderr);
    assert_eq!(
        errors[..3],
        [
            "./a.xlsx, sheet 'Tự đánh giá', cell E11, criterion 1.1.3: score 0.3 is not a multiple of the step 0.25",
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1",
            "./b.xlsx, sheet 'Tự đánh giá', cell B4: the form is for 2021 but the criteria file \"commune-2022\" is for 2022",
        ],
        "{stderr}"
    );
    assert_eq!(
        errors[3],
        "./b.xlsx, sheet 'Tự đánh giá', cell E9, criterion 1.1.1: \"abc\" is not a number (write not applicable as KPS, Không phát sinh or N/A)",
        "{stderr}"
    );
    assert_eq!(
        errors[4], "./c.xlsx: the file is empty, not a workbook; ask the unit to send it again",
        "{stderr}"
    );
    assert_eq!(
        errors[5],
        "./d.xlsx, sheet 'Tự đánh giá', cell E45, criterion 3.5.1: this criterion is assessed by survey and has no points: until survey results can be imported, enter them in the appraised score column (Điểm thẩm định)",
        "{stderr}"
    );
    assert_eq!(errors.len(), 7, "{stderr}");
    assert!(!run.dir().join("out.csv").exists());
    assert_eq!(run.stdout(), "");
}

#[test]
fn keep_going_scores_the_valid_units_and_lists_the_excluded() {
    let criteria = criteria(2022);
    let run = several_bad_files()
        .args(["score", "--criteria", &criteria, "--keep-going", "--format", "csv", "."])
        .status(4)
        .stdout_has(",KS05,Xã Ba Trinh,appraised,")
        .stderr_has("error: ./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1\n")
        .stderr_has("warning: RESULT INCOMPLETE: 1 unit scored, 4 files EXCLUDED:\n  excluded: ./a.xlsx\n  excluded: ./b.xlsx\n  excluded: ./c.xlsx\n  excluded: ./d.xlsx\n")
        .run();
    assert!(
        !run.stderr().contains("nothing was written"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stdout().lines().count(), 2, "{}", run.stdout());

    // The table and an output file, too.
    let run = several_bad_files()
        .args([
            "score",
            "--criteria",
            &criteria,
            "--keep-going",
            "-o",
            "out.csv",
            "--format",
            "csv",
            ".",
        ])
        .status(4)
        .stdout("")
        .stderr_has("warning: RESULT INCOMPLETE: 1 unit scored, 4 files EXCLUDED:\n")
        .run();
    let written = std::fs::read_to_string(run.dir().join("out.csv")).unwrap();
    assert!(written.contains(",KS05,Xã Ba Trinh,"), "{written}");
    several_bad_files()
        .args(["score", "--criteria", &criteria, "--keep-going", "."])
        .status(4)
        .stdout_has(" KS05 ┆ Xã Ba Trinh ")
        .run();

    let run = several_bad_files()
        .args([
            "score",
            "--criteria",
            &criteria,
            "--keep-going",
            "--format",
            "json",
            ".",
        ])
        .status(4)
        .run();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(doc["complete"], false);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["unit_code"], "KS05");
    assert_eq!(units[0]["index"], "100.00");
    let excluded = doc["excluded"].as_array().unwrap();
    let files: Vec<&str> = excluded
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["./a.xlsx", "./b.xlsx", "./c.xlsx", "./d.xlsx"]);
    assert_eq!(
        excluded[0]["problems"],
        serde_json::json!([
            "./a.xlsx, sheet 'Tự đánh giá', cell E11, criterion 1.1.3: score 0.3 is not a multiple of the step 0.25",
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1",
        ])
    );

    // With nothing valid left, --keep-going writes nothing either.
    let framework = framework(2022);
    let mut form = full_marks(&framework, "KS01", "Thị trấn Kế Sách");
    set(&framework, &mut form, "1.2.1", points("1"), points("2"));
    let run = Test::new()
        .unit("a.xlsx", &framework, &form)
        .args(["score", "--criteria", &criteria, "--keep-going", "-o", "out.csv", "."])
        .status(1)
        .stderr_has("error: ./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1\n")
        .stderr_has("error: no unit could be scored; nothing was written\n")
        .run();
    assert!(!run.dir().join("out.csv").exists());
}

#[test]
fn survey_leaf_without_points() {
    let (framework, mut form) = full();
    set(&framework, &mut form, "3.5.1", None, None);
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E45, criterion 3.5.1: this criterion is assessed by survey and has no points: until survey results can be imported, enter them in the appraised score column (Điểm thẩm định)",
        ],
    );
}

#[test]
fn missing_score_in_the_column_that_counts() {
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.2.1", points("1"), None);
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &["--basis", "appraised"],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: no appraised score (Điểm thẩm định); enter the points, or KPS where the criterion allows it",
        ],
    );
    // Auto picks the appraised column, since the unit has appraised scores elsewhere.
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: no appraised score (Điểm thẩm định); enter the points, or KPS where the criterion allows it",
        ],
    );

    set(&framework, &mut form, "1.2.1", None, points("1"));
    rejected(
        Test::new().unit("a.xlsx", &framework, &form),
        &["--basis", "self"],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell D13, criterion 1.2.1: no self score (Điểm tự đánh giá); enter the points, or KPS where the criterion allows it",
        ],
    );
}

#[test]
fn score_on_a_row_without_a_criterion_code() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    // The total row (B "Tổng cộng", row 90) holds scores too, and is fine.
    assert_eq!(grid.get("E90"), &Data::Float(100.0));
    let mut row = vec![Data::Empty; 7];
    row[1] = Data::String("Điểm thưởng".into());
    row[4] = Data::Float(1.0);
    grid.insert_row(90, row);
    let mut blank = vec![Data::Empty; 7];
    blank[3] = Data::String("x".into());
    grid.insert_row(92, blank); // below the total row, which is now row 91
    rejected(
        Test::new().file("a.xlsx", grid.xlsx()),
        &[],
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E90: a score in a row without a criterion code (\"Mã tiêu chí\") cannot be matched to any criterion",
            "./a.xlsx, sheet 'Tự đánh giá', cell D92: a score in a row without a criterion code (\"Mã tiêu chí\") cannot be matched to any criterion",
        ],
    );
}

#[test]
fn unit_codes_differing_only_in_case_or_spaces_are_one_unit() {
    let framework = framework(2022);
    rejected(
        Test::new()
            .unit(
                "a.xlsx",
                &framework,
                &full_marks(&framework, "KS99", "Xã A"),
            )
            .unit(
                "b.xlsx",
                &framework,
                &full_marks(&framework, "ks99", "Xã B"),
            ),
        &[],
        &[
            "./a.xlsx: unit code \"KS99\" is also used by ./b.xlsx; each unit must have its own code",
            "./b.xlsx: unit code \"ks99\" is also used by ./a.xlsx; each unit must have its own code",
        ],
    );
}

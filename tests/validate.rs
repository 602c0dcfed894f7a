//! `parindex validate`: every problem in every workbook at once, errors and warnings, grouped by
//! file, with a summary line and documented exit codes.

use calamine::Data;
use parindex::form::SHEET;
use rust_xlsxwriter::{Formula, Workbook};

use crate::support::*;

/// A full-marks 2022 form with four things worth a warning and nothing wrong.
fn form_with_warnings() -> Vec<u8> {
    let framework = framework(2022);
    let mut form = full_marks(&framework, "KS90", "Xã Cảnh Báo");
    // 1.1.1: self 0.5 below appraised 1.
    set(&framework, &mut form, "1.1.1", points("0.5"), points("1"));
    // 1.2.1: scored without evidence or note.
    let row = framework.node_index("1.2.1").unwrap();
    form.rows.get_mut(&row).unwrap().evidence.clear();
    let mut grid = Grid::of(&framework, &form);
    // 1.3.2: the decimal comma typed as text; a subtotal (criterion 1.1, appraised) typed over.
    grid.text("E17", "1,5").set("E8", Data::Float(2.5));
    grid.xlsx()
}

const WARNINGS: &str = "\
./a.xlsx
  warning sheet 'Tự đánh giá', cell D9, criterion 1.1.1: the self score 0.5 is lower than the appraised score 1 (unusual)
  warning sheet 'Tự đánh giá', cell F13, criterion 1.2.1: scored without evidence (tài liệu kiểm chứng) or an explanation in the note
  warning sheet 'Tự đánh giá', cell E17, criterion 1.3.2: the number \"1,5\" is stored as text; read as 1.5
  warning sheet 'Tự đánh giá', cell E8, criterion 1.1: the subtotal in the sheet is 2.5 but its criteria add up to 3 (the subtotal is not used)
1 file, 0 with errors (0), 1 with warnings (4)
";

#[test]
fn warnings_are_listed_and_do_not_block() {
    Test::new()
        .file("a.xlsx", form_with_warnings())
        .args(["validate", "--criteria", &criteria(2022), "."])
        .stdout(WARNINGS)
        .run();
    // The text "1,5" counts as 1.5: full marks everywhere on the appraised basis.
    Test::new()
        .file("a.xlsx", form_with_warnings())
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has(",100,100,100.00,Rất tốt,Very good,true\n")
        .stderr_has(
            "note: 4 warnings in 1 file do not block scoring; `parindex validate` lists them",
        )
        .run();
}

#[test]
fn strict_turns_warnings_into_exit_code_3() {
    Test::new()
        .file("a.xlsx", form_with_warnings())
        .args(["validate", "--strict", "--criteria", &criteria(2022), "."])
        .status(3)
        .stdout(WARNINGS)
        .run();
}

#[test]
fn samples_are_clean() {
    Test::new()
        .args([
            "validate",
            "--strict",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .stdout("13 files, 0 with errors (0), 0 with warnings (0)\n")
        .run();
}

#[test]
fn every_file_is_reported_with_errors_first_and_a_summary() {
    let framework = framework(2022);
    let mut broken = full_marks(&framework, "KS91", "Xã Lỗi");
    set(&framework, &mut broken, "1.2.1", points("1"), points("2"));
    set(&framework, &mut broken, "1.1.1", points("0.5"), points("1"));
    let clean = full_marks(&framework, "KS92", "Xã Sạch");
    Test::new()
        .unit("a.xlsx", &framework, &broken)
        .file("b.xlsx", form_with_warnings())
        .unit("c.xlsx", &framework, &clean)
        .args(["validate", "--criteria", &criteria(2022), "a.xlsx", "b.xlsx", "c.xlsx"])
        .status(1)
        .stdout(
            "\
a.xlsx
  error   sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1
  warning sheet 'Tự đánh giá', cell D9, criterion 1.1.1: the self score 0.5 is lower than the appraised score 1 (unusual)
  warning sheet 'Tự đánh giá', cell D13, criterion 1.2.1: the self score 1 is lower than the appraised score 2 (unusual)
b.xlsx
  warning sheet 'Tự đánh giá', cell D9, criterion 1.1.1: the self score 0.5 is lower than the appraised score 1 (unusual)
  warning sheet 'Tự đánh giá', cell F13, criterion 1.2.1: scored without evidence (tài liệu kiểm chứng) or an explanation in the note
  warning sheet 'Tự đánh giá', cell E17, criterion 1.3.2: the number \"1,5\" is stored as text; read as 1.5
  warning sheet 'Tự đánh giá', cell E8, criterion 1.1: the subtotal in the sheet is 2.5 but its criteria add up to 3 (the subtotal is not used)
3 files, 1 with errors (1), 2 with warnings (6)
",
        )
        .run();
}

#[test]
fn json_report_has_every_file_and_each_problem_located() {
    let framework = framework(2022);
    let mut broken = full_marks(&framework, "KS91", "Xã Lỗi");
    set(&framework, &mut broken, "1.2.1", points("1"), points("2"));
    let run = Test::new()
        .unit("a.xlsx", &framework, &broken)
        .unit(
            "c.xlsx",
            &framework,
            &full_marks(&framework, "KS92", "Xã Sạch"),
        )
        .args([
            "validate",
            "--format",
            "json",
            "--criteria",
            &criteria(2022),
            "a.xlsx",
            "c.xlsx",
        ])
        .status(1)
        .run();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(doc["errors"], 1);
    assert_eq!(doc["warnings"], 1);
    assert_eq!(doc["files"].as_array().unwrap().len(), 2);
    assert_eq!(doc["files"][1]["file"], "c.xlsx");
    assert_eq!(doc["files"][1]["problems"].as_array().unwrap().len(), 0);
    let error = &doc["files"][0]["problems"][0];
    assert_eq!(error["severity"], "error");
    assert_eq!(error["sheet"], SHEET);
    assert_eq!(error["cell"], "E13");
    assert_eq!(error["criterion"], "1.2.1");
    assert_eq!(error["message"], "score 2 is above the maximum 1");
}

#[test]
fn a_form_made_for_another_framework_is_refused() {
    let (this, other) = (framework(2022), framework(2021));
    let mut grid = Grid::of(&this, &full_marks(&this, "KS93", "Xã Khác"));
    grid.text("B5", other.fingerprint());
    Test::new()
        .file("a.xlsx", grid.xlsx())
        .args(["validate", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stdout_has(&format!(
            "  error   sheet 'Tự đánh giá', cell B5: the form was made for another framework ({}); \
             this criteria file is {}: generate the form again with `parindex template`\n",
            other.fingerprint(),
            this.fingerprint()
        ))
        .run();
}

#[test]
fn a_maximum_changed_in_the_sheet_is_an_error() {
    let framework = framework(2022);
    let mut grid = Grid::of(&framework, &full_marks(&framework, "KS94", "Xã Sửa"));
    grid.set("C9", Data::Float(2.0));
    Test::new()
        .file("a.xlsx", grid.xlsx())
        .args(["validate", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stdout(
            "a.xlsx\n  error   sheet 'Tự đánh giá', cell C9, criterion 1.1.1: the form's maximum is 2 but \
             the criteria file says 1: the form was made for other criteria\n\
             1 file, 1 with errors (1), 0 with warnings (0)\n",
        )
        .run();
}

#[test]
fn a_formula_without_a_saved_result_is_an_error() {
    let framework = framework(2022);
    let grid = Grid::of(&framework, &full_marks(&framework, "KS95", "Xã Công Thức"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    grid.write_into(sheet);
    // As some libraries write formulas: no result saved with them.
    sheet.set_formula_result_default("");
    sheet
        .write_formula(7, 4, Formula::new("=SUM(E9:E11)"))
        .unwrap();
    grid.write_facts_into(&mut workbook);
    let one = workbook.save_to_buffer().unwrap();
    Test::new()
        .file("a.xlsx", &one)
        .args(["validate", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stdout_has(
            "  error   sheet 'Tự đánh giá', cell E8: the formula =SUM(E9:E11) has no saved result: \
             open the file in Excel or LibreOffice and save it again\n",
        )
        .run();
    // `score` applies the same rule (the formula's cell would read as empty).
    Test::new()
        .file("a.xlsx", &one)
        .args(["score", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stderr_has(
            "error: a.xlsx, sheet 'Tự đánh giá', cell E8: the formula =SUM(E9:E11) has no saved \
             result: open the file in Excel or LibreOffice and save it again\n",
        )
        .run();

    // Many of them are told in one line per file, naming their cells.
    let sheet = workbook.worksheet_from_index(0).unwrap();
    for (row, col, formula) in [
        (7, 3, "=SUM(D8,D12)"),
        (7, 4, "=SUM(E8,E12)"),
        (11, 3, "=SUM(D13:D14)"),
        (11, 4, "=SUM(E13:E14)"),
    ] {
        sheet
            .write_formula(row, col, Formula::new(formula))
            .unwrap();
    }
    let many = workbook.save_to_buffer().unwrap();
    for (command, expected) in [
        (
            "validate",
            "  error   sheet 'Tự đánh giá': 4 formulas have no saved result (D8, E8, D12, E12); \
             open the file in Excel or LibreOffice and save it again\n",
        ),
        (
            "score",
            "error: a.xlsx, sheet 'Tự đánh giá': 4 formulas have no saved result (D8, E8, D12, \
             E12); open the file in Excel or LibreOffice and save it again\n",
        ),
    ] {
        let run = Test::new()
            .file("a.xlsx", &many)
            .args([command, "--criteria", &criteria(2022), "a.xlsx"])
            .status(1)
            .run();
        let output = run.stdout() + &run.stderr();
        assert!(output.contains(expected), "{command}:\n{output}");
    }
    // In Vietnamese, as by default.
    Test::new()
        .default_lang()
        .file("a.xlsx", &many)
        .args(["score", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stderr_has(
            "lỗi: a.xlsx, trang tính 'Tự đánh giá': 4 công thức chưa có kết quả đã lưu \
             (D8, E8, D12, E12); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại\n",
        )
        .run();
}

#[test]
fn a_missing_file_is_reported_with_the_others() {
    let framework = framework(2022);
    Test::new()
        .unit("c.xlsx", &framework, &full_marks(&framework, "KS92", "Xã Sạch"))
        .args(["validate", "--criteria", &criteria(2022), "c.xlsx", "missing.xlsx"])
        .status(1)
        .stdout("missing.xlsx\n  error   no such file or folder\n2 files, 1 with errors (1), 0 with warnings (0)\n")
        .run();
}

#[test]
fn the_total_row_is_checked_like_the_subtotals() {
    let (framework, form) = full();
    let total_row = 7 + framework.nodes.len();
    let mut grid = Grid::of(&framework, &form);
    assert_eq!(
        grid.get(&format!("B{total_row}")),
        &Data::String("Tổng cộng".into())
    );
    // Self total typed over with a wrong figure (the self column has no survey points, 11, so its
    // leaves add up to 89), appraised total with text.
    grid.set(&format!("D{total_row}"), Data::Float(99.0))
        .text(&format!("E{total_row}"), "một trăm");
    Test::new()
        .file("a.xlsx", grid.xlsx())
        .args(["validate", "--criteria", &criteria(2022), "."])
        .stdout(&format!(
            "./a.xlsx
  warning sheet 'Tự đánh giá', cell D{total_row}: the total in the sheet is 99 but its criteria add up to 89 (the total is not used)
  warning sheet 'Tự đánh giá', cell E{total_row}: the total in the sheet is not a number (\"một trăm\"; the total is not used)
1 file, 0 with errors (0), 1 with warnings (2)
"
        ))
        .run();
}

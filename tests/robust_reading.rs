//! Reading real workbooks: merged and two-row headers, the table on another (or a hidden) sheet,
//! hidden rows, stray and non-breaking spaces, NFD text, empty rows and extra columns, codes typed
//! as numbers, and dates or TRUE/FALSE in score cells.
//!
//! The forms start from `write_form`'s layout for criteria/commune-2022.toml (see
//! tests/bad_input.rs): header values in B2–B5, the table's header on row 6, node `i` on row 7 + i
//! (1.1.1 on row 9, 1.1.3 on 11, 1.2.1 on 13, 1.4 on 18, 4.3 on 54), the total on row 90. A
//! full-marks form scores 100 of 100; each test changes a score or two so that the result shows
//! the rows were really read, with the expected index worked out in the test.

use calamine::Data;
use parindex::form::{FormData, SHEET};
use parindex::framework::Framework;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use unicode_normalization::UnicodeNormalization;

use crate::support::*;

/// The CSV line of a unit with full marks in areas 2, 3, 5, 6, 7 and the given area 1 and area 4
/// figures (points, applicable maximum, percent), and the given total, index and ratings.
fn csv_line(area_1: &str, area_4: &str, total: &str) -> String {
    format!(
        "1,false,KS04,Xã An Mỹ,appraised,{area_1},10,10,100.00,22,22,100.00,{area_4},\
         16,16,100.00,12,12,100.00,18,18,100.00,{total},Rất tốt,Very good,true\n"
    )
}

/// Scores the folder with the 2022 criteria as CSV and checks the unit's line, exactly.
fn scores(test: Test, line: &str) -> Run {
    let run = test
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .run();
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.split_inclusive('\n').collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[1], line, "{}", run.stderr());
    assert!(!run.stderr().contains("error"), "{}", run.stderr());
    run
}

/// Runs `score` and checks that it exits 1 with exactly these problems, then the summary.
fn rejected(test: Test, criteria: &str, problems: &[&str]) {
    let run = test
        .args(["score", "--criteria", criteria, "-o", "out.csv", "."])
        .status(1)
        .run();
    let stderr = run.stderr();
    let mut errors: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .collect();
    assert_eq!(
        errors.pop(),
        Some(
            "1 of 1 file has problems; nothing was written (use --keep-going to score the valid ones)"
        ),
        "{stderr}"
    );
    assert_eq!(errors, problems, "{stderr}");
    assert!(!run.dir().join("out.csv").exists());
}

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

/// Inserts a column at `col` (zero-based): `cell(row)` gives the new cell of each one-based row.
fn insert_column(grid: &mut Grid, col: usize, mut cell: impl FnMut(usize) -> Data) {
    for (r, cells) in grid.rows.iter_mut().enumerate() {
        if cells.len() < col {
            cells.resize(col, Data::Empty);
        }
        cells.insert(col, cell(r + 1));
    }
}

fn workbook_with(grid: &Grid, name: &str, edit: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).unwrap();
    grid.write_into(sheet);
    edit(sheet);
    grid.write_facts_into(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

// ─── Merged cells ───

/// The form laid out by hand, as many provinces do: no fingerprint row; "Tên đơn vị" merged over
/// A3:B3 with the name in C3; a two-row header on rows 5–6 with "Mã tiêu chí", "Tiêu chí",
/// "Điểm tối đa", evidence and note merged down over both rows and "Điểm" merged across D5:E5 above
/// "Tự đánh giá" (D6) and "Thẩm định" (E6); the table's rows from row 7, as in the generated form.
fn hand_made_form(form: &FormData) -> Vec<u8> {
    let framework = framework(2022);
    let mut grid = Grid::of(&framework, form);
    let name = grid.get("B3").clone();
    grid.set("A3", Data::Empty)
        .set("B3", Data::Empty)
        .set("C3", name);
    grid.rows[4].clear(); // "Mã bộ tiêu chí"
    grid.rows[5].clear(); // the one-row header
    workbook_with(&grid, SHEET, |sheet| {
        let label = Format::new().set_bold();
        sheet.merge_range(2, 0, 2, 1, "Tên đơn vị", &label).unwrap();
        for (col, text) in [
            (0, "Mã tiêu chí"),
            (1, "Tiêu chí"),
            (2, "Điểm tối đa"),
            (5, "Tài liệu kiểm chứng"),
            (6, "Ghi chú"),
        ] {
            sheet.merge_range(4, col, 5, col, text, &label).unwrap();
        }
        sheet.merge_range(4, 3, 4, 4, "Điểm", &label).unwrap();
        sheet.write_string(5, 3, "Tự đánh giá").unwrap();
        sheet.write_string(5, 4, "Thẩm định").unwrap();
    })
}

#[test]
fn merged_cells_in_the_header() {
    let (framework, form) = full();
    Test::new()
        .file("a.xlsx", hand_made_form(&form))
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has(&csv_line("12,12,100.00", "10,10,100.00", "100,100,100.00"))
        .run();

    // 1.2.1 appraised at 0.5 of 1: 99.5 / 100; area 1: 11.5 / 12 = 95.833… → 95.83.
    let mut form = form;
    set(&framework, &mut form, "1.2.1", points("1"), points("0.5"));
    scores(
        Test::new().file("a.xlsx", hand_made_form(&form)),
        &csv_line("11.5,12,95.83", "10,10,100.00", "99.5,100,99.50"),
    );

    // The columns found under the merged labels are the right ones: E is "Điểm" + "Thẩm định".
    set(&framework, &mut form, "1.2.1", points("1"), points("2"));
    rejected(
        Test::new().file("a.xlsx", hand_made_form(&form)),
        &criteria(2022),
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: score 2 is above the maximum 1",
        ],
    );
}

// ─── Sheets ───

/// A cover sheet with some text and no table.
fn cover(workbook: &mut Workbook) {
    let sheet = workbook.add_worksheet();
    sheet.set_name("Bìa").unwrap();
    sheet
        .write_string(0, 0, "UỶ BAN NHÂN DÂN XÃ AN MỸ")
        .unwrap();
    sheet
        .write_string(2, 0, "HỒ SƠ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH")
        .unwrap();
    sheet.write_string(3, 0, "Năm").unwrap();
    sheet.write_number(3, 1, 2022).unwrap();
}

#[test]
fn two_sheets_with_a_table_are_an_error_naming_both() {
    let framework = framework(2022);
    // An old table kept on a hidden sheet: another unit code, and 1.1.1 appraised at 0. Reading
    // either table would be a guess.
    let mut old = full_marks(&framework, "KS77", "Xã Cũ");
    set(&framework, &mut old, "1.1.1", points("0"), points("0"));
    let old = Grid::of(&framework, &old);
    let current = Grid::of(&framework, &full_marks(&framework, "KS04", "Xã An Mỹ"));
    for hide_the_old_one in [true, false] {
        let mut workbook = Workbook::new();
        cover(&mut workbook);
        let first = workbook.add_worksheet();
        first.set_name("Bản cũ").unwrap();
        old.write_into(first);
        first.set_hidden(hide_the_old_one);
        let second = workbook.add_worksheet();
        second.set_name("Chấm điểm").unwrap();
        current.write_into(second);
        current.write_facts_into(&mut workbook);
        let (visible, other) = if hide_the_old_one {
            ("Chấm điểm", "Bản cũ")
        } else {
            ("Bản cũ", "Chấm điểm")
        };
        rejected(
            Test::new().file("a.xlsx", workbook.save_to_buffer().unwrap()),
            &criteria(2022),
            &[&format!(
                "./a.xlsx, sheet '{other}': both sheet '{visible}' and sheet '{other}' hold a criteria table; keep the unit's scores on one sheet and delete the other sheet (or its table's header row)"
            )],
        );
    }
}

#[test]
fn the_only_table_on_a_hidden_sheet_is_used_with_a_warning() {
    let framework = framework(2022);
    let mut form = full_marks(&framework, "KS04", "Xã An Mỹ");
    set(&framework, &mut form, "1.1.3", points("1"), points("0.75"));
    let mut workbook = Workbook::new();
    cover(&mut workbook);
    let hidden = workbook.add_worksheet();
    hidden.set_name("Bảng điểm").unwrap();
    let grid = Grid::of(&framework, &form);
    grid.write_into(hidden);
    hidden.set_hidden(true);
    grid.write_facts_into(&mut workbook);
    let bytes = workbook.save_to_buffer().unwrap();

    Test::new()
        .file("a.xlsx", &bytes)
        .args(["validate", "--criteria", &criteria(2022), "."])
        .stdout(
            "./a.xlsx\n  warning sheet 'Bảng điểm': the criteria table is on a hidden sheet\n\
             1 file, 0 with errors (0), 1 with warnings (1)\n",
        )
        .run();
    Test::new()
        .file("a.xlsx", &bytes)
        .args(["validate", "--strict", "--criteria", &criteria(2022), "."])
        .status(3)
        .run();
    let run = scores(
        Test::new().file("a.xlsx", &bytes),
        &csv_line("11.75,12,97.92", "10,10,100.00", "99.75,100,99.75"),
    );
    assert_eq!(
        run.stderr(),
        "note: 1 warning in 1 file does not block scoring; `parindex validate` lists them\n"
    );
}

// ─── Hidden rows ───

#[test]
fn hidden_rows_are_read() {
    // 1.1.1 appraised at 0.5 of 1, on a hidden row: 99.5 / 100; area 1: 11.5 / 12 → 95.83.
    // The unit code's row, a subtotal row and the 4.3 row are hidden too.
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.1.1", points("1"), points("0.5"));
    let grid = Grid::of(&framework, &form);
    let bytes = workbook_with(&grid, SHEET, |sheet| {
        for row in [2, 8, 9, 54] {
            sheet.set_row_hidden(row - 1).unwrap();
        }
    });
    scores(
        Test::new().file("a.xlsx", bytes),
        &csv_line("11.5,12,95.83", "10,10,100.00", "99.5,100,99.50"),
    );
}

// ─── Spaces and Unicode forms ───

#[test]
fn spaces_non_breaking_spaces_and_nfd_text() {
    // 1.2.1 appraised at 0.5 of 1; 4.3 (max 2) marked not applicable as " KPS\u{a0}": points
    // 97.5 of an applicable 98 = 99.489… → 99.49; area 1: 11.5 / 12 → 95.83; area 4: 8 / 8.
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.2.1", points("1"), points("0.5"));
    assert_ne!(nfd("Xã An Mỹ"), "Xã An Mỹ", "the literals here are NFC");
    let mut grid = Grid::of(&framework, &form);
    grid.text("A2", "\u{a0}Mã đơn vị: ")
        .text("B2", " KS04\u{a0}")
        .text("A3", &nfd("Tên\u{a0}đơn vị"))
        .text("B3", &format!("\u{a0} {}  ", nfd("Xã An Mỹ")))
        .text("A4", "Năm\u{a0}")
        .text("A6", " Mã tiêu chí\u{a0}")
        .text("B6", &nfd("Tiêu chí"))
        .text("C6", &format!("{}\u{a0}", nfd("Điểm tối đa")))
        .text("D6", &nfd("Điểm\u{a0}tự đánh giá"))
        .text("E6", &format!("  {}", nfd("ĐIỂM THẨM ĐỊNH")))
        .text("A9", " 1.1.1\u{a0}")
        .text("A13", "\u{a0}1.2.1 ")
        .text("A54", "4.3\u{a0}\u{a0}")
        .text("E54", " KPS\u{a0}");
    scores(
        Test::new().file("a.xlsx", grid.xlsx()),
        &csv_line("11.5,12,95.83", "8,8,100.00", "97.5,98,99.49"),
    );
}

// ─── Layout ───

/// The form with empty rows between the blocks and two extra columns: "STT" (a running number)
/// before the code, and "Người chấm" after the note.
fn spread_out(form: &FormData) -> Grid {
    let framework = framework(2022);
    let mut grid = Grid::of(&framework, form);
    // Bottom up, so the row numbers above stay valid: before the total row and before every area
    // but the first (rows 21, 30, 49, 56, 70, 79), two blank rows before the first row of the table.
    for row in [90, 79, 70, 56, 49, 30, 21, 7, 7] {
        grid.insert_row(row, Vec::new());
    }
    let has_code: Vec<bool> = grid
        .rows
        .iter()
        .map(|cells| !matches!(cells.first(), None | Some(Data::Empty)))
        .collect();
    let mut number = 0.0;
    insert_column(&mut grid, 0, |row| match row {
        6 => Data::String("STT".into()),
        r if r > 6 && has_code[r - 1] => {
            number += 1.0;
            Data::Float(number)
        }
        _ => Data::Empty,
    });
    insert_column(&mut grid, 8, |row| match row {
        6 => Data::String("Người chấm".into()),
        r if r > 6 && has_code[r - 1] => Data::String("Tổ thẩm định".into()),
        _ => Data::Empty,
    });
    grid
}

#[test]
fn empty_rows_between_blocks_and_extra_columns() {
    // 1.1.3 appraised at 0.75 of 1: 99.75 / 100; area 1: 11.75 / 12 → 97.92.
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.1.3", points("1"), points("0.75"));
    let grid = spread_out(&form);
    // The layout: the header on row 6 from column B, 1.1.3 two rows lower than in the form.
    assert_eq!(grid.get("A6"), &Data::String("STT".into()));
    assert_eq!(grid.get("B6"), &Data::String("Mã tiêu chí".into()));
    assert_eq!(grid.get("I6"), &Data::String("Người chấm".into()));
    assert_eq!(grid.get("B13"), &Data::String("1.1.3".into()));
    assert_eq!(grid.get("F13"), &Data::Float(0.75));
    // A blank row, then area 2 (row 21 in the form).
    assert!(grid.row(23).iter().all(|c| c == &Data::Empty));
    assert_eq!(grid.get("B24"), &Data::String("2".into()));
    assert_eq!(grid.get("A24"), &Data::Float(15.0));
    scores(
        Test::new().file("a.xlsx", grid.xlsx()),
        &csv_line("11.75,12,97.92", "10,10,100.00", "99.75,100,99.75"),
    );

    // Problems point at the cell where it is in this layout: 1.2.1 (row 13 in the form) is on
    // row 15, its appraised score in column F.
    set(&framework, &mut form, "1.2.1", points("1"), points("2"));
    rejected(
        Test::new().file("a.xlsx", spread_out(&form).xlsx()),
        &criteria(2022),
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell F15, criterion 1.2.1: score 2 is above the maximum 1",
        ],
    );
}

#[test]
fn a_table_that_does_not_start_in_a1() {
    // Two empty rows above everything and an empty column A: the sheet's cells start at B3, so
    // 1.1.3 (row 11 in the form) is on row 13 with its appraised score in F13. 1.1.3 appraised at
    // 0.75 of 1: 99.75 / 100; area 1 → 97.92.
    let (framework, mut form) = full();
    set(&framework, &mut form, "1.1.3", points("1"), points("0.75"));
    let shifted = |form: &FormData| {
        let mut grid = Grid::of(&framework, form);
        grid.insert_row(1, Vec::new()).insert_row(1, Vec::new());
        insert_column(&mut grid, 0, |_| Data::Empty);
        grid
    };
    let grid = shifted(&form);
    assert_eq!(grid.get("B13"), &Data::String("1.1.3".into()));
    assert_eq!(grid.get("F13"), &Data::Float(0.75));
    scores(
        Test::new().file("a.xlsx", grid.xlsx()),
        &csv_line("11.75,12,97.92", "10,10,100.00", "99.75,100,99.75"),
    );

    set(&framework, &mut form, "1.2.1", points("1"), points("2"));
    rejected(
        Test::new().file("a.xlsx", shifted(&form).xlsx()),
        &criteria(2022),
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell F15, criterion 1.2.1: score 2 is above the maximum 1",
        ],
    );
}

// ─── Codes typed as numbers ───

#[test]
fn codes_typed_as_numbers_are_read_as_shown() {
    // 1 → "1", 1.1 → "1.1", 1.4 → "1.4", 1.5 → "1.5": none of them could be a longer code of the
    // 2022 framework (there is no 1.10, 1.40, 1.50). 1.4 (max 2, row 18) appraised at 1.5:
    // 99.5 / 100; area 1: 11.5 / 12 → 95.83.
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    assert_eq!(grid.get("A18"), &Data::String("1.4".into()));
    grid.set("A7", Data::Float(1.0))
        .set("A8", Data::Float(1.1))
        .set("A18", Data::Float(1.4))
        .set("E18", Data::Float(1.5))
        .set("A19", Data::Float(1.5));
    scores(
        Test::new().file("a.xlsx", grid.xlsx()),
        &csv_line("11.5,12,95.83", "10,10,100.00", "99.5,100,99.50"),
    );
}

/// A framework whose area 1 has ten criteria, 1.1 … 1.10, each with a maximum of 1.
fn ten_criteria() -> String {
    let mut text = String::from(
        "id = \"thu-ma-so\"\nname = \"Bộ thử mã số\"\nlevel = \"commune\"\nyear = 2022\n\
         total_max = 10\n\n[[band]]\nfrom = 0\nbelow = 50\nlabel = \"Yếu\"\nlabel_en = \"Weak\"\n\n\
         [[band]]\nfrom = 50\nlabel = \"Đạt\"\nlabel_en = \"Pass\"\n\n\
         [[area]]\ncode = \"1\"\nname = \"Lĩnh vực thử\"\nmax = 10\n",
    );
    for i in 1..=10 {
        text.push_str(&format!(
            "\n[[criterion]]\ncode = \"1.{i}\"\nname = \"Tiêu chí {i}\"\nmax = 1\n"
        ));
    }
    text
}

#[test]
fn a_code_typed_as_a_number_that_could_be_two_criteria_is_refused() {
    let text = ten_criteria();
    let small = Framework::from_toml(&text, std::path::Path::new("thu.toml")).unwrap();
    // Area 1 on row 7, 1.1 on row 8, …, 1.10 on row 17.
    assert_eq!(small.node_index("1.1"), Some(1));
    assert_eq!(small.node_index("1.10"), Some(10));
    let grid = Grid::of(&small, &full_marks(&small, "KS04", "Xã An Mỹ"));
    assert_eq!(grid.get("A17"), &Data::String("1.10".into()));

    // Typed as text, both codes are fine: 10 of 10.
    Test::new()
        .file("thu.toml", &text)
        .file("a.xlsx", grid.xlsx())
        .args(["score", "--criteria", "thu.toml", "--format", "csv", "."])
        .stdout_has(",KS04,Xã An Mỹ,appraised,10,10,100.00,10,10,100.00,Đạt,Pass,true\n")
        .run();

    // 1.1 typed as a number.
    let mut one = Grid::of(&small, &full_marks(&small, "KS04", "Xã An Mỹ"));
    one.set("A8", Data::Float(1.1));
    rejected(
        Test::new()
            .file("thu.toml", &text)
            .file("a.xlsx", one.xlsx()),
        "thu.toml",
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell A8, criterion 1.1: the code is typed as the number 1.1, which could also be criterion 1.10; type codes as text",
            "./a.xlsx, sheet 'Tự đánh giá', criterion 1.1: the row for criterion 1.1 is missing (every leaf of the criteria file needs a row)",
        ],
    );

    // 1.10 typed as a number is stored as 1.1: the same refusal, on its row.
    let mut ten = Grid::of(&small, &full_marks(&small, "KS04", "Xã An Mỹ"));
    ten.set("A17", Data::Float(1.10));
    rejected(
        Test::new()
            .file("thu.toml", &text)
            .file("a.xlsx", ten.xlsx()),
        "thu.toml",
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell A17, criterion 1.1: the code is typed as the number 1.1, which could also be criterion 1.10; type codes as text",
            "./a.xlsx, sheet 'Tự đánh giá', criterion 1.10: the row for criterion 1.10 is missing (every leaf of the criteria file needs a row)",
        ],
    );
}

// ─── Dates and TRUE/FALSE in score cells ───

#[test]
fn dates_and_booleans_in_score_cells_are_errors() {
    // "1.5" typed where the computer's settings read it as a date becomes 1 May; 45047 is
    // 2023-05-01 as a spreadsheet serial date.
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    grid.set("D9", Data::Empty).set("E13", Data::Empty);
    let bytes = workbook_with(&grid, SHEET, |sheet| {
        let date = Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_number_with_format(8, 3, 45047.0, &date)
            .unwrap();
        sheet.write_boolean(12, 4, true).unwrap();
    });
    rejected(
        Test::new().file("a.xlsx", bytes),
        &criteria(2022),
        &[
            "./a.xlsx, sheet 'Tự đánh giá', cell D9, criterion 1.1.1: expected a number, found a date (01/05/2023)",
            "./a.xlsx, sheet 'Tự đánh giá', cell E13, criterion 1.2.1: expected a number, found a TRUE/FALSE value (TRUE)",
        ],
    );
}

// ─── Stray content far from the table ───

#[test]
fn a_value_in_the_last_cell_of_the_sheet_is_reported_not_read_into_memory() {
    // Someone typed in XFD1048576: the used area becomes the whole sheet, 17 billion cells,
    // which a grid of every cell cannot hold. The file is refused, naming the cell.
    let (framework, form) = full();
    let grid = Grid::of(&framework, &form);
    let bytes = workbook_with(&grid, "Tự đánh giá", |sheet| {
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    });
    rejected(
        Test::new().file("KS04.xlsx", bytes),
        &criteria(2022),
        &[
            "./KS04.xlsx, sheet 'Tự đánh giá', cell XFD1048576: content here stretches the sheet's used area to 1048576 rows by 16384 columns, far larger than a form; delete it (Ctrl+End in a spreadsheet program goes to it) and save again",
        ],
    );
}

#[test]
fn stray_content_within_reason_is_read_as_usual() {
    // A note typed in column Z, row 1000: 1000 × 26 cells, read normally and ignored.
    let (framework, form) = full();
    let grid = Grid::of(&framework, &form);
    let bytes = workbook_with(&grid, "Tự đánh giá", |sheet| {
        sheet.write_string(999, 25, "ghi chú").unwrap();
    });
    scores(
        Test::new().file("KS04.xlsx", bytes),
        &csv_line("12,12,100.00", "10,10,100.00", "100,100,100.00"),
    );
}

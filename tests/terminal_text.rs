//! Text from the user's files never reaches the terminal raw: control characters, escape
//! sequences and bidirectional overrides in cell text and file names are shown escaped in the
//! table, messages, `validate` and `explain`, and written unchanged in CSV and JSON.

use crate::support::*;

/// A unit name that would turn the terminal red and reverse the rest of the line.
const NAME: &str = "Xã \u{1b}[31mĐỏ\u{202e}ngược";
const NAME_SHOWN: &str = "Xã \\u{1b}[31mĐỏ\\u{202e}ngược";

fn named_unit() -> Test {
    let framework = framework(2022);
    Test::new().unit("x.xlsx", &framework, &full_marks(&framework, "X1", NAME))
}

fn assert_no_raw_controls(text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
        "raw control characters in {text:?}"
    );
}

#[test]
fn the_table_shows_a_unit_name_escaped() {
    let run = named_unit()
        .args(["score", "--criteria", &criteria(2022), "."])
        .stdout_has(NAME_SHOWN)
        .run();
    assert_no_raw_controls(&run.stdout());
}

#[test]
fn csv_and_json_keep_the_name_unchanged() {
    named_unit()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "csv",
            ".",
        ])
        .stdout_has(&format!("1,false,X1,{NAME},appraised,"))
        .run();
    named_unit()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            "--format",
            "json",
            ".",
        ])
        .stdout_has("\"unit_name\": \"Xã \\u001b[31mĐỏ\u{202e}ngược\"")
        .run();
}

#[test]
fn explain_shows_the_name_escaped() {
    let run = named_unit()
        .args(["explain", "--criteria", &criteria(2022), "x.xlsx"])
        .stdout_has(&format!("{NAME_SHOWN} (X1), 2022"))
        .run();
    assert_no_raw_controls(&run.stdout());
}

#[test]
fn cell_text_and_file_names_in_messages_are_escaped() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    // 1.1.1's appraised score: text that would blink the terminal and set its title.
    grid.text("E9", "\u{1b}[5m1\u{1b}]0;pwned\u{7}");
    let bad = "a\u{1b}[2J.xlsx";
    let run = Test::new()
        .file(bad, grid.xlsx())
        .args(["score", "--criteria", &criteria(2022), "."])
        .status(1)
        .stderr_has("a\\u{1b}[2J.xlsx, sheet 'Tự đánh giá', cell E9, criterion 1.1.1: \"\\u{1b}[5m1\\u{1b}]0;pwned\\u{7}\" is not a number")
        .run();
    assert_no_raw_controls(&run.stderr());
    let run = Test::new()
        .file(bad, grid.xlsx())
        .args(["validate", "--criteria", &criteria(2022), "."])
        .status(1)
        .stdout_has("a\\u{1b}[2J.xlsx\n")
        .stdout_has("cell E9, criterion 1.1.1: \"\\u{1b}[5m1")
        .run();
    assert_no_raw_controls(&run.stdout());
}

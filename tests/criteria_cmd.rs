//! `parindex criteria check` and `parindex criteria show` on the bundled 2022 framework and on
//! copies of it with one mistake each.
//!
//! The expected counts were taken from criteria/commune-2022.toml by hand: 7 areas (maxima 12, 10,
//! 22, 10, 16, 12, 18); criteria (codes with two parts) 6 + 4 + 5 + 4 + 5 + 4 + 6 = 34;
//! sub-criteria (three parts) 7 + 4 + 13 + 2 + 8 + 4 + 4 = 42; leaves 10 + 6 + 13 + 5 + 9 + 6 + 8
//! = 57; KPS allowed on 1.3.2, 2.1.1, 3.3.2, 3.4.2, 4.3, 5.2 and 6.4; survey on 3.5.1–3.5.4 and 7.6.
//! Line numbers refer to that file: 1.1 is defined on lines 57–59 (`max = 3` on 59), 1.2.1 on line
//! 85, the band "Tốt" has `below = 90` on line 27, and the file has 549 lines.

use crate::support::*;

const FILE: &str = "criteria/commune-2022.toml";

/// The bundled 2022 criteria file's text.
fn original() -> String {
    std::fs::read_to_string(repo(FILE)).unwrap()
}

/// The 2022 file with `from` replaced by `to` (which must occur exactly once).
fn edited(from: &str, to: &str) -> String {
    let text = original();
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replace(from, to)
}

/// Line `n` (one-based) of the original file.
fn line(n: usize) -> String {
    original().lines().nth(n - 1).unwrap().to_string()
}

#[test]
fn the_line_numbers_are_as_the_expectations_assume() {
    assert_eq!(original().lines().count(), 549);
    assert_eq!(line(27), "below = 90");
    assert_eq!(line(26), "from = 80");
    assert_eq!(line(57), "code = \"1.1\"");
    assert_eq!(line(59), "max = 3");
    assert_eq!(line(85), "code = \"1.2.1\"");
}

#[test]
fn check_summarises_a_valid_file() {
    Test::new()
        .file(FILE, original())
        .args(["criteria", "check", FILE])
        .stdout(
            "\
criteria/commune-2022.toml: valid. Chỉ số cải cách hành chính của UBND các xã, thị trấn năm 2022 (commune-2022), commune level, year 2022: 7 areas, 34 criteria, 42 sub-criteria, 57 scored leaves, total 100
  1   max    12   6 criteria,  7 sub-criteria, 10 leaves  Công tác chỉ đạo điều hành
  2   max    10   4 criteria,  4 sub-criteria,  6 leaves  Cải cách thể chế
  3   max    22   5 criteria, 13 sub-criteria, 13 leaves  Cải cách thủ tục hành chính
  4   max    10   4 criteria,  2 sub-criteria,  5 leaves  Cải cách tổ chức bộ máy
  5   max    16   5 criteria,  8 sub-criteria,  9 leaves  Cải cách chế độ công vụ
  6   max    12   4 criteria,  4 sub-criteria,  6 leaves  Cải cách tài chính công
  7   max    18   6 criteria,  4 sub-criteria,  8 leaves  Xây dựng và phát triển Chính phủ điện tử, chính quyền số
  7 leaves may be not applicable (KPS); 5 are survey-assessed
  1 criterion is scored from facts (rules); 0 are awarded full points when not applicable
  bands: Rất tốt ≥ 90; Tốt 80–<90; Khá 70–<80; Trung bình 50–<70; Yếu 0–<50
",
        )
        .run();
}

#[test]
fn check_reports_a_wrong_maximum_with_its_line_and_column() {
    // 1.1.1's maximum raised from 1 to 1.5: its parent 1.1 (max 3, line 59) now has children
    // summing to 1.5 + 1 + 1 = 3.5. The areas and the total are unaffected.
    let text = edited(
        "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = 1\n",
        "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = 1.5\n",
    );
    let run = Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .run();
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr(),
        "error: criteria file criteria/commune-2022.toml is not valid:\n  \
         line 59, column 7, criterion 1.1: maximum 3 differs from the sum of its children's maxima, 3.5\n"
    );
}

#[test]
fn check_rejects_an_unknown_field_with_its_line() {
    // The first `step = 0.5` in the file is 1.1.1's, on line 65.
    assert_eq!(line(65), "step = 0.5");
    let text = original().replacen("\nstep = 0.5\n", "\nstpe = 0.5\n", 1);
    let run = Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .stderr_has("error: criteria file criteria/commune-2022.toml is not valid TOML:\nTOML parse error at line 65, column 1\n")
        .stderr_has("65 | stpe = 0.5\n")
        .stderr_has("unknown field `stpe`, expected one of `code`, `name`, `name_en`, `max`, `allow_not_applicable`, `not_applicable`, `source`, `step`, `rule`, `value`, `whole`, `parts`, `band`, `option`, `rounding`")
        .run();
    assert_eq!(run.stdout(), "");
}

#[test]
fn check_reports_a_gap_between_bands() {
    let text = edited("from = 80\nbelow = 90\n", "from = 80\nbelow = 85\n");
    let run = Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .run();
    assert_eq!(
        run.stderr(),
        "error: criteria file criteria/commune-2022.toml is not valid:\n  \
         line 27, column 9: gap: band \"Tốt\" ends below 85 but band \"Rất tốt\" starts at 90\n"
    );

    // And an overlap, for the other direction.
    let text = edited("from = 80\nbelow = 90\n", "from = 80\nbelow = 95\n");
    let run = Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .run();
    assert_eq!(
        run.stderr(),
        "error: criteria file criteria/commune-2022.toml is not valid:\n  \
         line 27, column 9: overlap: band \"Tốt\" ends below 95 but band \"Rất tốt\" already starts at 90\n"
    );
}

#[test]
fn check_reports_a_duplicate_code_with_both_lines() {
    // A second 1.2.1 appended after the last line (549): a blank line 550, the table header on
    // 551, the code on 552. The duplicate is dropped, so no maximum is affected.
    let mut text = original();
    text.push_str("\n[[criterion]]\ncode = \"1.2.1\"\nname = \"Trùng mã\"\nmax = 1\n");
    let run = Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .run();
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr(),
        "error: criteria file criteria/commune-2022.toml is not valid:\n  \
         line 552, column 8, criterion 1.2.1: duplicate code: already defined on line 85\n"
    );
}

#[test]
fn show_prints_the_tree() {
    let run = Test::new()
        .file(FILE, original())
        .args(["criteria", "show", FILE])
        .run();
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    // A title, the note, one line per node (7 areas + 34 criteria + 42 sub-criteria) and the bands.
    assert_eq!(lines.len(), 2 + 83 + 1, "{stdout}");
    assert_eq!(
        lines[0],
        "Chỉ số cải cách hành chính của UBND các xã, thị trấn năm 2022 (commune-2022): year 2022, total 100, published with 2 decimals, rounding half-away-from-zero"
    );
    assert_eq!(
        lines[1],
        "Illustrative framework modelled on the official structure; not a legal text."
    );
    assert_eq!(lines[2], "1  Công tác chỉ đạo điều hành  [12]");
    assert_eq!(lines[3], "├─ 1.1  Kế hoạch cải cách hành chính năm  [3]");
    assert_eq!(
        lines[4],
        "│  ├─ 1.1.1  Ban hành kế hoạch cải cách hành chính năm kịp thời  [1]  (step 0.5)"
    );
    for expected in [
        "│  └─ 1.3.2  Xử lý các tồn tại phát hiện qua kiểm tra  [1.5]  (step 0.25, KPS allowed)",
        "├─ 1.4  Công tác thông tin, tuyên truyền cải cách hành chính  [2]  (step 0.5)",
        "└─ 1.6  Thực hiện nhiệm vụ cải cách hành chính được UBND huyện giao  [2]  (step 0.25)",
        "3  Cải cách thủ tục hành chính  [22]",
        "└─ 3.5  Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính  [8]",
        "   ├─ 3.5.1  Sự hài lòng về tiếp cận dịch vụ  [2]  (survey)",
        "   └─ 3.5.4  Sự hài lòng về kết quả giải quyết công việc  [2]  (survey)",
        "├─ 4.3  Thực hiện phân cấp, ủy quyền  [2]  (step 0.5, KPS allowed)",
        "│  └─ 7.2.2  Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính  [2.5]  (step 0.25)",
    ] {
        assert!(
            lines.contains(&expected),
            "no line {expected:?} in\n{stdout}"
        );
    }
    assert_eq!(
        lines[lines.len() - 2],
        "└─ 7.6  Sự hài lòng của người dân về dịch vụ công trực tuyến  [3]  (survey)"
    );
    assert_eq!(
        lines[lines.len() - 1],
        "Bands: Rất tốt ≥ 90; Tốt 80–<90; Khá 70–<80; Trung bình 50–<70; Yếu 0–<50"
    );
}

#[test]
fn show_refuses_an_invalid_file() {
    let text = edited("from = 80\nbelow = 90\n", "from = 80\nbelow = 85\n");
    Test::new()
        .file(FILE, text)
        .args(["criteria", "show", FILE])
        .status(1)
        .stdout("")
        .stderr_has("line 27, column 9: gap: band \"Tốt\" ends below 85")
        .run();
}

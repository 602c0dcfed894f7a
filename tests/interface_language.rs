//! The interface speaks Vietnamese by default and English on request (`--lang en` or
//! `PARINDEX_LANG=en`): help, usage errors and messages alike.

use crate::support::*;

#[test]
fn with_no_options_the_help_is_vietnamese_and_the_exit_code_2() {
    let run = Test::new().default_lang().status(2).run();
    let help = run.stderr();
    assert!(
        help.contains("Cách dùng: parindex [TÙY_CHỌN] <LỆNH>"),
        "{help}"
    );
    assert!(
        help.contains("\nLệnh:\n  score        Chấm điểm, xếp loại và xếp hạng"),
        "{help}"
    );
    assert!(help.contains("Mã thoát:\n  0  thành công"), "{help}");
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    Test::new()
        .default_lang()
        .args(["score", "--help"])
        .stdout_has("Cách dùng: parindex score [TÙY_CHỌN] --criteria <TỆP> <ĐƯỜNG_DẪN>...")
        .stdout_has("--criteria <TỆP>      Tệp bộ tiêu chí (TOML) của năm được chấm")
        .stdout_has("self: điểm tự đánh giá")
        .stdout_has("(mặc định: auto)")
        .stdout_has("  5  verify: kết quả đã công bố không được tái tạo đúng")
        .run();
    for english in [
        Test::new().args(["score", "--help", "--lang", "en"]),
        Test::new()
            .default_lang()
            .env("PARINDEX_LANG", "en")
            .args(["score", "--help"]),
    ] {
        english
            .stdout_has("Usage: parindex score [OPTIONS] --criteria <FILE> <PATH>...")
            .stdout_has("--criteria <FILE>    The criteria file (TOML) of the year being scored")
            .stdout_has("self: the self score")
            .stdout_has("(default: auto)")
            .run();
    }
}

#[test]
fn a_wrong_command_is_answered_with_the_closest_one() {
    Test::new()
        .default_lang()
        .arg("scor")
        .status(2)
        .stderr(
            "lỗi: không có lệnh 'scor'\n\
             có phải ý bạn là 'score'?\n\
             Cách dùng: parindex [TÙY_CHỌN] <LỆNH>\n\
             Xem thêm: parindex --help\n",
        )
        .run();
    Test::new()
        .lang("en")
        .args(["score", "--basis", "fast"])
        .status(2)
        .stderr(
            "error: 'fast' is not a valid value of --basis <BASIS>; the values are: auto, appraised, self\n\
             Usage: parindex score [OPTIONS] --criteria <FILE> <PATH>...\n\
             See: parindex --help\n",
        )
        .run();
}

#[test]
fn a_bad_workbook_is_explained_in_vietnamese_by_default() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    // 1.1.1's code mistyped with a letter l for the digit 1, and 1.2.1 appraised above its maximum.
    grid.text("A9", "1.1.l")
        .set("E13", calamine::Data::Float(2.0));
    let run = Test::new()
        .default_lang()
        .file("an-my.xlsx", grid.xlsx())
        .args(["score", "--criteria", &criteria(2022), "."])
        .status(1)
        .run();
    assert_eq!(
        run.stderr(),
        "lỗi: ./an-my.xlsx, trang tính 'Tự đánh giá', ô E13, tiêu chí 1.2.1: điểm 2 lớn hơn điểm tối đa 1\n\
         lỗi: ./an-my.xlsx, trang tính 'Tự đánh giá', ô A9, tiêu chí 1.1.l: mã tiêu chí \"1.1.l\" không có trong bộ tiêu chí — có phải 1.1.1? (chưa có dòng nào cho 1.1.1)\n\
         lỗi: 1/1 tệp có lỗi; chưa ghi gì (dùng --keep-going để chấm các đơn vị hợp lệ)\n"
    );
    Test::new()
        .lang("en")
        .file("an-my.xlsx", grid.xlsx())
        .args(["score", "--criteria", &criteria(2022), "."])
        .status(1)
        .stderr_has("error: ./an-my.xlsx, sheet 'Tự đánh giá', cell A9, criterion 1.1.l: criterion code \"1.1.l\" is not in the criteria file — did you mean 1.1.1? (no row has 1.1.1)\n")
        .run();
}

#[test]
fn files_that_are_not_workbooks_are_named_for_what_they_are() {
    for (name, bytes, vietnamese) in [
        (
            "trang-web.xls",
            b"<html><body><table><tr><td>1</td></tr></table></body></html>".to_vec(),
            "đây là một trang web (HTML) được đặt tên như bảng tính",
        ),
        (
            "ban-in.xlsx",
            b"%PDF-1.7\n...".to_vec(),
            "đây là một tệp PDF, không phải bảng tính",
        ),
        ("rong.xlsx", Vec::new(), "tệp rỗng, không phải bảng tính"),
    ] {
        Test::new()
            .default_lang()
            .file(name, bytes)
            .args(["validate", "--criteria", &criteria(2022), name])
            .status(1)
            .stdout_has(vietnamese)
            .run();
    }
}

#[test]
fn a_folder_without_workbooks_says_where_they_are() {
    let framework = framework(2022);
    let run = Test::new()
        .default_lang()
        .unit(
            "phieu/xa-a/a.xlsx",
            &framework,
            &full_marks(&framework, "A1", "Xã A"),
        )
        .unit(
            "phieu/xa-b/b.xlsx",
            &framework,
            &full_marks(&framework, "B1", "Xã B"),
        )
        .args(["score", "--criteria", &criteria(2022), "phieu"])
        .status(1)
        .run();
    assert!(
        run.stderr().contains(
            "lưu ý: bỏ qua phieu: thư mục không có bảng tự đánh giá nào, nhưng các thư mục con sau \
             thì có: phieu/xa-a phieu/xa-b; hãy ghi tên các thư mục con đó trong lệnh\n"
        ),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .ends_with("lỗi: không chấm được đơn vị nào; chưa ghi gì\n")
    );
}

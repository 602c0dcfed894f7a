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
            .stdout_has("--criteria <FILE>  The criteria file (TOML) of the year being scored")
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

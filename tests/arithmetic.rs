//! Arithmetic on user-supplied numbers cannot panic or round silently: numbers in criteria
//! files are exact and bounded (with line and column), scores with more digits than a spreadsheet
//! holds are refused naming their cell, results files are range-checked, and no input of any of
//! these kinds ends in a panic (exit code 101).

use crate::support::*;

const FILE: &str = "criteria/commune-2022.toml";

/// The bundled 2022 criteria file with `from` replaced by `to` (which must occur exactly once).
fn edited(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(repo(FILE)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replace(from, to)
}

/// 1.1.1's maximum, line 65 of the 2022 file (name on 64).
const MAX_1_1_1: &str = "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = 1\n";

fn check(text: &str) -> crate::support::Run {
    Test::new()
        .file(FILE, text)
        .args(["criteria", "check", FILE])
        .status(1)
        .run()
}

#[test]
fn a_maximum_with_more_digits_than_can_be_held_is_refused_with_its_line() {
    let line = |run: &crate::support::Run| {
        let line = std::fs::read_to_string(repo(FILE))
            .unwrap()
            .lines()
            .position(|l| l == "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"")
            .unwrap()
            + 2;
        assert!(
            run.stderr()
                .contains(&format!("line {line}, column 7, criterion 1.1.1: maximum ")),
            "{}",
            run.stderr()
        );
    };
    // As a TOML float it would silently become 1.995.
    let run = check(&edited(
        MAX_1_1_1,
        "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = 1.99499999999999999999999999999\n",
    ));
    line(&run);
    assert!(run.stderr().contains(
        "maximum 1.99499999999999999999999999999 has more digits than can be held exactly; write at most 4 decimals"
    ));
    // As a string it would silently become 1.9950000000000000000000000000.
    let run = check(&edited(
        MAX_1_1_1,
        "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = \"1.99499999999999999999999999999\"\n",
    ));
    line(&run);
    let run = check(&edited(
        MAX_1_1_1,
        "name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = 0.00001\n",
    ));
    assert!(
        run.stderr()
            .contains("maximum 0.00001 has more than 4 decimals")
    );
}

#[test]
fn maxima_too_large_to_add_are_refused_not_overflowed() {
    // Decimal's largest value, twice: their sum cannot be held.
    let huge = "\"79228162514264337593543950335\"";
    let text = edited(
        MAX_1_1_1,
        &format!("name = \"Ban hành kế hoạch cải cách hành chính năm kịp thời\"\nmax = {huge}\n"),
    )
    .replacen("max = 3\n", &format!("max = {huge}\n"), 1);
    let run = check(&text);
    assert!(
        run.stderr()
            .contains("maximum 79228162514264337593543950335 is outside 0 to 1000"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("add up to more than can be held"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_score_with_more_significant_digits_than_a_spreadsheet_holds_is_refused() {
    let (framework, form) = full();
    let mut grid = Grid::of(&framework, &form);
    // 1.1.3's appraised score: read as a decimal it would be rounded to 1.495, silently.
    grid.text("E11", "1.49499999999999999999999999999");
    Test::new()
        .file("a.xlsx", grid.xlsx())
        .args(["score", "--criteria", &criteria(2022), "a.xlsx"])
        .status(1)
        .stderr_has(
            "a.xlsx, sheet 'Tự đánh giá', cell E11, criterion 1.1.3: \"1.49499999999999999999999999999\" has 30 significant digits, more than a spreadsheet holds (15); enter the score as a number",
        )
        .run();
}

#[test]
fn results_files_with_figures_no_score_could_have_are_refused() {
    let run = Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--format", "csv", "-o", "2022.csv"])
        .run();
    let path = run.dir().join("2022.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    for (from, to, message) in [
        (
            ",90.92,",
            ",79228162514264337593543950335,",
            "unit \"KS04\": index 79228162514264337593543950335 is outside 0 to 100",
        ),
        (
            ",90.92,",
            ",90.920000000000000000000000000001,",
            "is not a number",
        ),
        (
            "1,false,KS04",
            "0,false,KS04",
            "unit \"KS04\": rank 0 is not a rank among 13 units",
        ),
    ] {
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let output = parindex_command()
            .args(["compare", "--previous", "2022.csv", "--current", "2022.csv"])
            .current_dir(run.dir())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(message), "{message}: {stderr}");
    }
}

//! `parindex explain`: where An Mỹ's points came from.

use crate::support::*;

fn explain(extra: &[&str]) -> Test {
    Test::new()
        .args(["explain", "--criteria", &criteria(2022)])
        .arg(&repo("samples/2022/KS04-xa-an-my.xlsx"))
        .args(extra.iter().copied())
}

#[test]
fn an_my_ends_with_the_index_arithmetic() {
    let run = explain(&[])
        .stdout_has("Xã An Mỹ (KS04), 2022 — ")
        .stdout_has("1  Công tác chỉ đạo điều hành: 10 / 10.5 (max 12, 1.5 not applicable)\n")
        .stdout_has("│  └─ 1.3.2  Xử lý các tồn tại phát hiện qua kiểm tra: not applicable, max 1.5 left out  ← appraised E17 \"KPS\" (other: self D17 \"KPS\")\n")
        .stdout_has("│  ├─ 1.1.1  Ban hành kế hoạch cải cách hành chính năm kịp thời: 0.5 / 1  ← appraised E9 \"0.5\" (other: self D9 \"0.5\")\n")
        .stdout_has("← appraised (survey) E89 \"3\" (other: self D89 (empty))\n")
        .run();
    assert!(run.stdout().ends_with(
        "Total: 86.375 / 95 (max 100, 5 not applicable)\n\
         Index: 86.375 / 95 × 100 = 90.921… → 90.92 %, Rất tốt ≥ 90\n"
    ));
}

#[test]
fn a_code_explains_just_that_subtree() {
    let run = explain(&["1.3"]).run();
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[3],
        "1.3  Kiểm tra công tác cải cách hành chính: 0.5 / 0.5 (max 2, 1.5 not applicable)"
    );
    assert!(lines[4].starts_with("├─ 1.3.1  "));
    assert!(lines[5].starts_with("└─ 1.3.2  "));
    assert_eq!(lines[6], "");
    assert!(lines[7].starts_with("Total: 86.375 / 95"));
}

#[test]
fn the_self_basis_points_at_the_self_column() {
    explain(&["--basis", "self", "1.1.1"])
        .stdout_has("scored on the self-assessed (Điểm tự đánh giá) column")
        .stdout_has("← self D9 \"0.5\" (other: appraised E9 \"0.5\")")
        .run();
}

#[test]
fn an_unknown_code_is_an_error() {
    explain(&["9.9"])
        .status(1)
        .stderr_has("criterion 9.9 is not in the criteria file \"commune-2022\"")
        .run();
}

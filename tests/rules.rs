//! Rule-based leaves and the not-applicable policy, end to end: facts entered on the form's
//! "Số liệu" sheet, points computed by each kind of rule at its edges, hand-computed indexes.

use std::collections::HashMap;
use std::path::Path;

use parindex::form::{Entry, FactEntry, FilledRow, FormData};
use parindex::framework::Framework;
use rust_decimal::Decimal;

use crate::support::*;

/// Ten points in one area: a choice (1), thresholds on a value (2) and on a ratio of dossiers (2,
/// leave-out when nothing arose), a proportional rule (3, step 0.25 truncated, full points when
/// nothing arose), and two typed leaves of 1, one awarded full points when not applicable, one
/// left out.
const RULES: &str = r#"
id = "rules"
name = "Thử quy tắc"
level = "commune"
year = 2025
total_max = 10

[[band]]
from = 0
below = 80
label = "Chưa tốt"
label_en = "Not good"

[[band]]
from = 80
label = "Tốt"
label_en = "Good"

[[area]]
code = "1"
name = "Chỉ đạo điều hành"
max = 10

[[criterion]]
code = "1.1"
name = "Ban hành kế hoạch CCHC năm"
max = 1
step = 0.5
rule = "choice"
[[criterion.option]]
name = "Ban hành kịp thời"
points = 1
[[criterion.option]]
name = "Ban hành không kịp thời"
points = 0.5
[[criterion.option]]
name = "Không ban hành"
points = 0

[[criterion]]
code = "1.2"
name = "Mức độ thực hiện kế hoạch CCHC"
max = 2
rule = "thresholds"
value = { key = "ty_le", label = "Tỷ lệ % kế hoạch đã thực hiện", short = "thực hiện" }
[[criterion.band]]
from = 0
below = 70
points = 0
[[criterion.band]]
from = 70
to = 90
points = 1
[[criterion.band]]
above = 90
points = 2

[[criterion]]
code = "1.3"
name = "Tỷ lệ hồ sơ giải quyết đúng hạn"
max = 2
not_applicable = "leave-out"
rule = "thresholds"
whole = { key = "tiep_nhan", label = "Số hồ sơ tiếp nhận", short = "hồ sơ" }
parts = [
  { key = "truoc_han", label = "Số hồ sơ trước hạn", short = "trước hạn", counted = true },
  { key = "dung_han", label = "Số hồ sơ đúng hạn", short = "đúng hạn", counted = true },
  { key = "qua_han", label = "Số hồ sơ quá hạn", short = "quá hạn" },
]
[[criterion.band]]
from = 0
below = 95
points = 0
[[criterion.band]]
from = 95
below = 100
points = 1
[[criterion.band]]
from = 100
points = 2

[[criterion]]
code = "1.4"
name = "Tỷ lệ phản ánh, kiến nghị được xử lý"
max = 3
step = 0.25
not_applicable = "full-points"
rule = "proportional"
rounding = "truncate"
whole = { key = "tiep_nhan", label = "Số phản ánh, kiến nghị tiếp nhận", short = "phản ánh" }
parts = [
  { key = "xu_ly", label = "Số đã xử lý", short = "đã xử lý", counted = true },
  { key = "ton", label = "Số còn tồn", short = "còn tồn" },
]

[[criterion]]
code = "1.5"
name = "Không có phản ánh về thái độ phục vụ"
max = 1
not_applicable = "full-points"

[[criterion]]
code = "1.6"
name = "Thanh tra, kiểm tra"
max = 1
not_applicable = "leave-out"
"#;

fn framework() -> Framework {
    Framework::from_toml(RULES, Path::new("rules.toml")).unwrap()
}

/// A form with the given facts ((code, key) → value) and typed entries for 1.5 and 1.6.
fn form(facts: &[(&str, &str, FactEntry)], typed: [Option<Entry>; 2]) -> FormData {
    let framework = framework();
    let mut rows = HashMap::new();
    for (code, entry) in ["1.5", "1.6"].into_iter().zip(typed) {
        rows.insert(
            framework.node_index(code).unwrap(),
            FilledRow {
                self_score: entry,
                appraised: entry,
                evidence: "Văn bản số 1/UBND".into(),
                note: String::new(),
            },
        );
    }
    FormData {
        unit_code: "X01".into(),
        unit_name: "Xã Thử".into(),
        rows,
        facts: facts
            .iter()
            .map(|(code, key, value)| {
                (
                    (framework.node_index(code).unwrap(), key.to_string()),
                    value.clone(),
                )
            })
            .collect(),
    }
}

fn n(value: &str) -> FactEntry {
    FactEntry::Number(value.parse::<Decimal>().unwrap())
}

fn text(value: &str) -> FactEntry {
    FactEntry::Text(value.into())
}

/// Facts of case A: "không kịp thời" 0.5; exactly 90 % of the plan, in "từ 70 % đến 90 %", 1;
/// An Mỹ's dossiers, 3,494 + 23 of 3,517 = 100 %, 2; 29 of 30 handled = 96.67 % × 3 = 2.9,
/// truncated to 2.75.
fn case_a() -> Vec<(&'static str, &'static str, FactEntry)> {
    vec![
        ("1.1", "lua_chon", text("Ban hành không kịp thời")),
        ("1.2", "ty_le", n("90")),
        ("1.3", "tiep_nhan", n("3517")),
        ("1.3", "truoc_han", n("3494")),
        ("1.3", "dung_han", n("23")),
        ("1.3", "qua_han", n("0")),
        ("1.4", "tiep_nhan", n("30")),
        ("1.4", "xu_ly", n("29")),
        ("1.4", "ton", n("1")),
    ]
}

fn score(form: &FormData) -> Run {
    Test::new()
        .file("rules.toml", RULES)
        .unit("x.xlsx", &framework(), form)
        .args([
            "score",
            "--criteria",
            "rules.toml",
            "--format",
            "csv",
            "x.xlsx",
        ])
        .run()
}

#[test]
fn every_rule_kind_at_its_edges_and_both_not_applicable_policies() {
    // 0.5 + 1 + 2 + 2.75 + 1 (1.5 KPS, full points) = 7.25 of 10 − 1 (1.6 KPS, left out) = 9:
    // 80.555… → 80.56, "Tốt".
    let run = score(&form(
        &case_a(),
        [Some(Entry::NotApplicable), Some(Entry::NotApplicable)],
    ));
    assert_eq!(run.stderr(), "");
    assert_eq!(
        run.stdout().lines().nth(1).unwrap(),
        "1,false,X01,Xã Thử,appraised,7.25,9,80.56,7.25,9,80.56,Tốt,Good,true"
    );
}

#[test]
fn a_zero_whole_is_not_applicable_by_the_leafs_policy() {
    // 1 ("kịp thời") + 2 (90.5 % is above 90) + 1.3 left out (0 dossiers) + 1.4 full points (no
    // complaints: 3) + 1 + 1 = 8 of 10 − 2 = 8: 100.00.
    let facts = vec![
        ("1.1", "lua_chon", text("ban hanh kip thoi")),
        ("1.2", "ty_le", n("90.5")),
        ("1.3", "tiep_nhan", n("0")),
        ("1.3", "truoc_han", n("0")),
        ("1.3", "dung_han", n("0")),
        ("1.3", "qua_han", n("0")),
        ("1.4", "tiep_nhan", n("0")),
        ("1.4", "xu_ly", n("0")),
        ("1.4", "ton", n("0")),
    ];
    let one = Some(Entry::Points(Decimal::ONE));
    let run = score(&form(&facts, [one, one]));
    assert_eq!(run.stderr(), "");
    assert_eq!(
        run.stdout().lines().nth(1).unwrap(),
        "1,false,X01,Xã Thử,appraised,8,8,100.00,8,8,100.00,Tốt,Good,true"
    );
}

#[test]
fn explain_shows_each_rule_with_its_inputs() {
    let run = Test::new()
        .lang("vi")
        .file("rules.toml", RULES)
        .unit(
            "x.xlsx",
            &framework(),
            &form(
                &case_a(),
                [Some(Entry::NotApplicable), Some(Entry::NotApplicable)],
            ),
        )
        .args(["explain", "--criteria", "rules.toml", "x.xlsx"])
        .run();
    let out = run.stdout();
    for line in [
        "1.1  Ban hành kế hoạch CCHC năm: 0.5 / 1  ← tính từ số liệu: \"Ban hành không kịp thời\" → 0.5 điểm (trang tính 'Số liệu', E5)",
        "1.2  Mức độ thực hiện kế hoạch CCHC: 1 / 2  ← tính từ số liệu: thực hiện: 90 → 70–90: 1 điểm (trang tính 'Số liệu', E6)",
        "1.3  Tỷ lệ hồ sơ giải quyết đúng hạn: 2 / 2  ← tính từ số liệu: 3.517 hồ sơ; 3.494 trước hạn + 23 đúng hạn = 100 % → ≥ 100 %: 2 điểm (trang tính 'Số liệu', E7–E10)",
        "1.4  Tỷ lệ phản ánh, kiến nghị được xử lý: 2.75 / 3  ← tính từ số liệu: 30 phản ánh; 29 đã xử lý = 96.66… % × 3, làm tròn xuống về bội số của 0.25 → 2.75 điểm (trang tính 'Số liệu', E11–E13)",
        "1.5  Không có phản ánh về thái độ phục vụ: không phát sinh, tính đủ điểm tối đa 1",
        "1.6  Thanh tra, kiểm tra: không phát sinh, không tính điểm tối đa 1",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
}

#[test]
fn bad_facts_are_errors_naming_their_cells() {
    let mut facts = case_a();
    facts[0] = ("1.1", "lua_chon", text("Ban hành muộn"));
    facts[1] = ("1.2", "ty_le", n("-1"));
    facts[5] = ("1.3", "qua_han", n("1")); // 3,494 + 23 + 1 > 3,517
    facts[7] = ("1.4", "xu_ly", n("28.5"));
    Test::new()
        .file("rules.toml", RULES)
        .unit("x.xlsx", &framework(), &form(&facts, [None, None]))
        .args(["validate", "--criteria", "rules.toml", "x.xlsx"])
        .status(1)
        .stdout_has(
            "error   sheet 'Số liệu', cell E5, criterion 1.1: \"Ban hành muộn\" is not one of the \
             criterion's levels; choose one of: Ban hành kịp thời | Ban hành không kịp thời | \
             Không ban hành",
        )
        .stdout_has("cell E6, criterion 1.2: the value -1 may not be negative")
        .stdout_has("cell E7, criterion 1.3: the parts add up to 3518, more than the total 3517")
        .stdout_has("cell E12, criterion 1.4: the count 28.5 must be a whole number")
        .run();
}

#[test]
fn a_zero_whole_without_a_not_applicable_policy_is_an_error() {
    let toml = RULES.replacen("not_applicable = \"leave-out\"\nrule", "rule", 1);
    let framework = Framework::from_toml(&toml, Path::new("rules.toml")).unwrap();
    let mut facts = case_a();
    for fact in &mut facts[2..6] {
        fact.2 = n("0");
    }
    let one = Some(Entry::Points(Decimal::ONE));
    Test::new()
        .file("rules.toml", &toml)
        .unit("x.xlsx", &framework, &form(&facts, [one, one]))
        .args(["score", "--criteria", "rules.toml", "x.xlsx"])
        .status(1)
        .stderr_has(
            "x.xlsx, sheet 'Số liệu', cell E7, criterion 1.3: the total is 0 but this criterion \
             may not be marked not applicable; check the facts",
        )
        .run();
}

#[test]
fn a_typed_score_that_differs_from_the_rule_is_a_warning_naming_both() {
    let mut form = form(&case_a(), [None, None]);
    let framework = framework();
    form.rows.insert(
        framework.node_index("1.3").unwrap(),
        FilledRow {
            self_score: Some(Entry::Points(Decimal::ONE)),
            appraised: None,
            evidence: "Sổ theo dõi".into(),
            note: String::new(),
        },
    );
    Test::new()
        .file("rules.toml", RULES)
        .unit("x.xlsx", &framework, &form)
        .args(["validate", "--criteria", "rules.toml", "x.xlsx"])
        .status(1) // 1.5 and 1.6 have no points
        .stdout_has(
            "warning sheet 'Tự đánh giá', cell D10, criterion 1.3: the table says 1 but the facts \
             give 2; the points from the facts are used",
        )
        .run();
}

#[test]
fn a_form_without_the_facts_sheet_names_the_rule_criteria() {
    let framework = framework();
    let mut grid = Grid::of(&framework, &form(&case_a(), [None, None]));
    grid.facts = None;
    Test::new()
        .file("rules.toml", RULES)
        .file("x.xlsx", grid.xlsx())
        .args(["score", "--criteria", "rules.toml", "x.xlsx"])
        .status(1)
        .stderr_has(
            "x.xlsx: the form has no measured-values sheet (columns \"Mã tiêu chí\", \"Mã số liệu\", \
             \"Giá trị\"), yet criteria 1.1, 1.2, 1.3, 1.4 are scored from facts",
        )
        .run();
}

#[test]
fn criteria_check_reports_rule_mistakes_with_line_and_column() {
    // "Trên 90 %" written `from = 90` overlaps "đến 90 %" (`to = 90`): 90 would be in both.
    let overlapping = RULES.replacen("above = 90", "from = 90", 1);
    Test::new()
        .file("rules.toml", &overlapping)
        .args(["criteria", "check", "rules.toml"])
        .status(1)
        .stderr_has("criterion 1.2: the ranges 70–90 and ≥ 90 do not meet")
        .run();
    // No part counted, and a choice with one option.
    let uncounted = RULES
        .replace(
            "short = \"trước hạn\", counted = true",
            "short = \"trước hạn\"",
        )
        .replace(
            "short = \"đúng hạn\", counted = true",
            "short = \"đúng hạn\"",
        );
    Test::new()
        .file("rules.toml", &uncounted)
        .args(["criteria", "check", "rules.toml"])
        .status(1)
        .stderr_has("criterion 1.3: no part counts towards the ratio")
        .run();
    let step = RULES.replacen("points = 0.5", "points = 0.25", 1);
    Test::new()
        .file("rules.toml", &step)
        .args(["criteria", "check", "rules.toml"])
        .status(1)
        .stderr_has("criterion 1.1: the rule's points 0.25 are not a multiple of the step 0.5")
        .run();
    let line = RULES
        .lines()
        .position(|l| l == "rounding = \"truncate\"")
        .unwrap()
        + 1;
    let no_rounding = RULES.replacen("rounding = \"truncate\"\n", "", 1);
    let rule_line = no_rounding
        .lines()
        .position(|l| l == "rule = \"proportional\"")
        .unwrap()
        + 1;
    assert_eq!(rule_line, line - 1);
    Test::new()
        .file("rules.toml", &no_rounding)
        .args(["criteria", "check", "rules.toml"])
        .status(1)
        .stderr_has(&format!(
            "line {rule_line}, column 8, criterion 1.4: a \"proportional\" rule must say how points are rounded"
        ))
        .run();
}

#[test]
fn an_my_2022_is_scored_by_rule_from_its_real_dossier_figures() {
    Test::new()
        .lang("vi")
        .args([
            "explain",
            "--criteria",
            &repo("criteria/commune-2022.toml"),
            &repo("samples/2022/KS04-xa-an-my.xlsx"),
            "3.3.1",
        ])
        .stdout_has(
            "3.3.1  Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn: 3 / 3  ← tính từ số liệu: \
             3.517 hồ sơ; 3.494 trước hạn + 23 đúng hạn = 100 % × 3, làm tròn xuống về bội số của \
             0.25 → 3 điểm (trang tính 'Số liệu', E5–E8)",
        )
        .stdout_has("Chỉ số: 86.375 / 95 × 100 = 90.921… → 90.92 %, Rất tốt ≥ 90")
        .run();
}

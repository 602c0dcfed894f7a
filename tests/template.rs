//! `parindex template`: the generated form's layout, read back with calamine, and the round trip
//! template → filled in → `parindex score`.
//!
//! For criteria/commune-2022.toml (83 nodes, depth first) node `i` is on row 7 + i: the areas on
//! rows 7, 21, 30, 49, 56, 70 and 79; 1.1 on 8 (children 9, 10, 11); 1.1.3 on 11; 2.2.2 on 27;
//! 3.5.1 on 45; 4.3 on 54; 7.6 on 89; the total ("Tổng cộng") on row 90.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use parindex::form::{FACTS_SHEET, SHEET};
use parindex::framework::{Framework, Source};

use crate::support::*;

/// Runs `parindex template` for `year` with a unit code and name; returns the form's bytes.
fn template(year: i32) -> Vec<u8> {
    let framework = framework(year);
    let run = Test::new()
        .args(["template", "--criteria", &criteria(year), "-o", "form.xlsx"])
        .args(["--unit-code", "KS99", "--unit-name", "Xã Thử"])
        .stdout("")
        .run();
    assert_eq!(
        run.stderr(),
        format!(
            "wrote form.xlsx for {} ({} leaves to score)\n",
            framework.fingerprint(),
            framework.leaves().count()
        )
    );
    std::fs::read(run.dir().join("form.xlsx")).unwrap()
}

fn text(value: &str) -> Data {
    Data::String(value.to_string())
}

/// One-based row of a node of the framework.
fn row_of(framework: &Framework, code: &str) -> usize {
    7 + framework.node_index(code).unwrap()
}

#[test]
fn the_rows_are_where_the_expectations_assume() {
    let framework = framework(2022);
    assert_eq!(framework.nodes.len(), 83);
    let areas: Vec<usize> = framework.areas().map(|a| 7 + a).collect();
    assert_eq!(areas, [7, 21, 30, 49, 56, 70, 79]);
    for (code, row) in [
        ("1.1", 8),
        ("1.1.3", 11),
        ("2.2.2", 27),
        ("3.5.1", 45),
        ("4.3", 54),
        ("7.6", 89),
    ] {
        assert_eq!(row_of(&framework, code), row, "{code}");
    }
}

#[test]
fn the_template_has_the_header_cells_a_row_per_node_and_subtotal_formulas() {
    let framework = framework(2022);
    let mut workbook = Xlsx::new(Cursor::new(template(2022))).unwrap();
    assert_eq!(workbook.sheet_names(), [SHEET, FACTS_SHEET, "Hướng dẫn"]);
    let values = workbook.worksheet_range(SHEET).unwrap();
    let formulas = workbook.worksheet_formula(SHEET).unwrap();
    let value = |cell: &str| {
        let (row, col) = Grid::position(cell);
        values
            .get_value((row as u32, col as u32))
            .cloned()
            .unwrap_or(Data::Empty)
    };
    let formula = |cell: &str| {
        let (row, col) = Grid::position(cell);
        formulas
            .get_value((row as u32, col as u32))
            .cloned()
            .unwrap_or_default()
    };

    // The title and the unit's header cells.
    assert_eq!(
        value("A1"),
        text(
            "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 — \
             Chỉ số cải cách hành chính của UBND các xã, thị trấn năm 2022"
        )
    );
    for (label_cell, label, cell, expected) in [
        ("A2", "Mã đơn vị", "B2", text("KS99")),
        ("A3", "Tên đơn vị", "B3", text("Xã Thử")),
        ("A4", "Năm", "B4", Data::Float(2022.0)),
        ("A5", "Mã bộ tiêu chí", "B5", text(framework.fingerprint())),
    ] {
        assert_eq!(value(label_cell), text(label), "{label_cell}");
        assert_eq!(value(cell), expected, "{cell}");
    }
    assert!(framework.fingerprint().starts_with("commune-2022:"));
    assert_eq!(framework.fingerprint().len(), "commune-2022:".len() + 16);

    // The table's header row.
    let header: Vec<String> = ["A6", "B6", "C6", "D6", "E6", "F6", "G6"]
        .iter()
        .map(|c| value(c).to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Mã tiêu chí",
            "Tiêu chí",
            "Điểm tối đa",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Tài liệu kiểm chứng",
            "Ghi chú"
        ]
    );

    // A row per node: code, name, maximum; subtotal formulas on the rows with children, input
    // cells (empty, no formula) on the leaves.
    for (index, node) in framework.nodes.iter().enumerate() {
        let row = 7 + index;
        assert_eq!(value(&format!("A{row}")), text(&node.code), "row {row}");
        assert_eq!(value(&format!("B{row}")), text(&node.name), "row {row}");
        let max: f64 = node.max.to_string().parse().unwrap();
        assert_eq!(value(&format!("C{row}")), Data::Float(max), "row {row}");
        for col in ['D', 'E'] {
            let cell = format!("{col}{row}");
            if node.leaf.is_some() {
                assert_eq!(formula(&cell), "", "{cell}");
                assert_eq!(value(&cell), Data::Empty, "{cell}");
            } else {
                let children: Vec<String> = node
                    .children
                    .iter()
                    .map(|c| format!("{col}{}", 7 + c))
                    .collect();
                assert_eq!(
                    formula(&cell),
                    format!("SUM({})", children.join(",")),
                    "{cell}"
                );
                // With its result saved: 0 in an empty form.
                assert_eq!(value(&cell), Data::Float(0.0), "{cell}");
            }
        }
    }
    // The same, written out by hand for a few rows.
    assert_eq!(formula("D7"), "SUM(D8,D12,D15,D18,D19,D20)");
    assert_eq!(formula("E8"), "SUM(E9,E10,E11)");
    assert_eq!(formula("D44"), "SUM(D45,D46,D47,D48)");
    assert_eq!(formula("E79"), "SUM(E80,E83,E86,E87,E88,E89)");
    assert_eq!(value("A54"), text("4.3"));
    assert_eq!(value("C54"), Data::Float(2.0));
    assert_eq!(value("C17"), Data::Float(1.5));

    // The total row.
    assert_eq!(value("A90"), Data::Empty);
    assert_eq!(value("B90"), text("Tổng cộng"));
    assert_eq!(value("C90"), Data::Float(100.0));
    assert_eq!(formula("D90"), "SUM(D7,D21,D30,D49,D56,D70,D79)");
    assert_eq!(formula("E90"), "SUM(E7,E21,E30,E49,E56,E70,E79)");
    assert_eq!(value("E90"), Data::Float(0.0));
    assert_eq!(values.end(), Some((89, 6)), "nothing below the total row");

    // The guide speaks to the commune's clerk and names the framework.
    let guide = workbook.worksheet_range("Hướng dẫn").unwrap();
    let lines: Vec<String> = guide.rows().map(|r| r[0].to_string()).collect();
    assert_eq!(
        lines[0],
        "HƯỚNG DẪN ĐIỀN BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
    );
    assert_eq!(lines[1], format!("{} (năm 2022).", framework.name));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("gửi cùng tài liệu kiểm chứng về cơ quan nội vụ"))
    );
    assert!(!lines.iter().any(|l| l.contains("parindex")), "{lines:?}");
}

/// The generated form filled in as a unit would: full self scores (none on survey leaves), full
/// appraised scores with evidence, except 1.1.3 appraised 0.75 of 1 and 2.2.2 appraised 1.25 of 2
/// (steps of 0.25), 4.3 (max 2) not applicable (KPS) in both columns, and the survey leaves 3.5.1
/// at 1.5 of 2 and 7.6 at 2.7 of 3. Subtotal and total cells are left empty: they are never used.
fn filled_template() -> Vec<u8> {
    let framework = framework(2022);
    let mut grid = Grid::from_xlsx(&template(2022));
    for (index, node) in framework.nodes.iter().enumerate() {
        let row = 7 + index;
        let (own, appraised) = match &node.leaf {
            None => (Data::Empty, Data::Empty),
            Some(rule) if rule.source == Source::Survey => (
                Data::Empty,
                Data::Float(node.max.to_string().parse().unwrap()),
            ),
            Some(_) => {
                let max = Data::Float(node.max.to_string().parse().unwrap());
                (max.clone(), max)
            }
        };
        grid.set(&format!("D{row}"), own)
            .set(&format!("E{row}"), appraised);
        if node.leaf.is_some() {
            grid.text(&format!("F{row}"), "Biên bản số 12/BB-UBND");
        }
    }
    let total_row = 7 + framework.nodes.len();
    grid.set(&format!("D{total_row}"), Data::Empty)
        .set(&format!("E{total_row}"), Data::Empty);
    for (cell, code) in [
        ("A11", "1.1.3"),
        ("A27", "2.2.2"),
        ("A45", "3.5.1"),
        ("A54", "4.3"),
        ("A89", "7.6"),
    ] {
        assert_eq!(grid.get(cell), &text(code));
    }
    grid.set("E11", Data::Float(0.75))
        .set("E27", Data::Float(1.25))
        .text("D54", "KPS")
        .text("E54", "KPS")
        .set("E45", Data::Float(1.5))
        .set("E89", Data::Float(2.7));
    // 3.3.1 is scored from its facts (rows 5–8 of "Số liệu"): 120 + 80 of 200 = 100 %.
    let facts = grid.facts.as_mut().expect("the form has a facts sheet");
    for (row, count) in [(4, 200.0), (5, 120.0), (6, 80.0), (7, 0.0)] {
        facts[row][4] = Data::Float(count);
    }
    grid.xlsx()
}

#[test]
fn the_filled_template_scores() {
    // Appraised basis. 4.3 leaves points and maximum: applicable 100 − 2 = 98. Points lost:
    // 0.25 (1.1.3) + 0.75 (2.2.2) + 0.5 (3.5.1) + 0.3 (7.6) = 1.8, so 96.2 / 98 = 98.163… → 98.16.
    // Area 1: 11.75 / 12 = 97.916… → 97.92; area 2: 9.25 / 10 → 92.50; area 3: 21.5 / 22 =
    // 97.727… → 97.73; area 4: 8 / 8 → 100.00; area 7: 17.7 / 18 = 98.333… → 98.33.
    let criteria = criteria(2022);
    let run = Test::new()
        .file("a.xlsx", filled_template())
        .args(["score", "--criteria", &criteria, "--format", "csv", "."])
        .run();
    assert_eq!(run.stderr(), "");
    assert_eq!(
        run.stdout().lines().nth(1).unwrap(),
        "1,false,KS99,Xã Thử,appraised,11.75,12,97.92,9.25,10,92.50,21.5,22,97.73,8,8,100.00,\
         16,16,100.00,12,12,100.00,17.7,18,98.33,96.2,98,98.16,Rất tốt,Very good,true"
    );

    // Self basis: full self scores; the survey leaves still count their appraised points, so only
    // 0.5 + 0.3 = 0.8 are lost: 97.2 / 98 = 99.183… → 99.18; area 3 21.5 / 22, area 7 17.7 / 18.
    let run = Test::new()
        .file("a.xlsx", filled_template())
        .args(["score", "--criteria", &criteria, "--basis", "self"])
        .args(["--format", "csv", "."])
        .run();
    assert_eq!(
        run.stdout().lines().nth(1).unwrap(),
        "1,false,KS99,Xã Thử,self,12,12,100.00,10,10,100.00,21.5,22,97.73,8,8,100.00,\
         16,16,100.00,12,12,100.00,17.7,18,98.33,97.2,98,99.18,Rất tốt,Very good,true"
    );

    // And it validates clean.
    Test::new()
        .file("a.xlsx", filled_template())
        .args(["validate", "--strict", "--criteria", &criteria, "."])
        .stdout("1 file, 0 with errors (0), 0 with warnings (0)\n")
        .run();
}

#[test]
fn the_unfilled_template_has_one_error_per_leaf() {
    // The facts of 3.3.1 (scored by rule) are read with the table: four to enter.
    Test::new()
        .file("form.xlsx", template(2022))
        .args(["validate", "--criteria", &criteria(2022), "form.xlsx"])
        .status(1)
        .stdout(
            "form.xlsx\n  \
             error   sheet 'Số liệu': 4 facts are not entered (E5, E6, E7, E8); enter them in the \
             Giá trị (value) column so the points can be computed\n\
             1 file, 1 with errors (4), 0 with warnings (0)\n",
        )
        .run();
    // With them entered, nothing appraised, so the self column counts; survey leaves need their
    // appraised points. 57 leaves: 51 self-assessed, told in one line with their first cells, the
    // 5 survey ones, and 3.3.1, whose points come from its facts.
    let mut grid = Grid::from_xlsx(&template(2022));
    let facts = grid.facts.as_mut().expect("the form has a facts sheet");
    for (row, count) in [(4, 10.0), (5, 10.0), (6, 0.0), (7, 0.0)] {
        facts[row][4] = Data::Float(count);
    }
    Test::new()
        .file("form.xlsx", grid.xlsx())
        .args(["validate", "--criteria", &criteria(2022), "form.xlsx"])
        .status(1)
        .stdout(
            "form.xlsx\n  \
             error   sheet 'Tự đánh giá': 51 criteria have no self score (D9, D10, D11, D13, D14, \
             D16, D17, D18, …); enter the points, or KPS where the criterion allows it\n  \
             error   sheet 'Tự đánh giá': 5 survey criteria have no points (E45, E46, E47, E48, \
             E89); enter them in the appraised score column\n\
             1 file, 1 with errors (56), 0 with warnings (0)\n",
        )
        .run();
    // JSON keeps every one of them, with its kind.
    let run = Test::new()
        .file("form.xlsx", grid.xlsx())
        .args([
            "validate",
            "--criteria",
            &criteria(2022),
            "--format",
            "json",
            "form.xlsx",
        ])
        .status(1)
        .run();
    let document: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let problems = document["files"][0]["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 56);
    assert_eq!(problems[0]["cell"], "D9");
    assert_eq!(problems[0]["criterion"], "1.1.1");
    assert_eq!(problems[0]["kind"], "score-missing-self");
}

#[test]
fn last_years_form_is_refused_by_its_fingerprint() {
    // The 2021 form with its year typed over as 2022, scored with the 2022 criteria.
    let (old, new) = (framework(2021), framework(2022));
    assert_ne!(old.fingerprint(), new.fingerprint());
    let mut grid = Grid::from_xlsx(&template(2021));
    assert_eq!(grid.get("B5"), &text(old.fingerprint()));
    grid.set("B4", Data::Float(2022.0));
    let run = Test::new()
        .file("a.xlsx", grid.xlsx())
        .args(["score", "--criteria", &criteria(2022), "-o", "out.csv", "."])
        .status(1)
        .run();
    let stderr = run.stderr();
    let first = stderr.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "error: ./a.xlsx, sheet 'Tự đánh giá', cell B5: the form was made for another framework \
             ({}); this criteria file is {}: generate the form again with `parindex template`",
            old.fingerprint(),
            new.fingerprint()
        ),
        "{stderr}"
    );
    assert!(!run.dir().join("out.csv").exists());
}

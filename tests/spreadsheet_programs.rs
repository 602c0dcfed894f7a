//! Workbooks written by a real spreadsheet program (LibreOffice, see
//! tests/fixtures/make-fixtures.sh) in every format the reader supports.

use crate::support::*;

fn score_one(file: &str) -> String {
    Test::new()
        .args([
            "score",
            "--criteria",
            &repo("criteria/commune-2022.toml"),
            "--format",
            "csv",
        ])
        .arg(&repo(&format!("tests/fixtures/libreoffice/{file}")))
        .run()
        .stdout()
}

#[test]
fn an_my_scores_the_same_in_ods_xls_and_xlsx() {
    for format in ["ods", "xls", "xlsx"] {
        let csv = score_one(&format!("KS04-xa-an-my.{format}"));
        assert!(
            csv.contains(",86.375,95,90.92,Rất tốt,Very good\n"),
            "{format}: {csv}"
        );
        assert!(
            csv.contains("1,false,KS04,Xã An Mỹ,appraised,10,10.5,95.24,"),
            "{format}: {csv}"
        );
    }
}

#[test]
fn an_lac_tay_with_a_not_applicable_leaf_scores_the_same_in_every_format() {
    for format in ["ods", "xls", "xlsx"] {
        let csv = score_one(&format!("KS03-xa-an-lac-tay.{format}"));
        // 79.25 / 98 × 100 = 80.867… → 80.87
        assert!(
            csv.contains(",79.25,98,80.87,Tốt,Good\n"),
            "{format}: {csv}"
        );
    }
}

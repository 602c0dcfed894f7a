//! Inputs that once crashed a fuzz target (fuzz/regressions/), replayed on every run. Each must
//! give a result or a located problem, never a panic.

use std::path::Path;

use parindex::workbook::read_unit_bytes;

use crate::support::*;

fn inputs(folder: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo(folder))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn workbook_reader_inputs_are_reported_not_panicked_on() {
    let framework = framework(2022);
    let files = inputs("fuzz/regressions/workbook_reader");
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let problems = read_unit_bytes(&bytes, Path::new("x.xls"), &framework)
            .expect_err("a damaged file is refused");
        assert!(
            problems
                .iter()
                .all(|p| p.location.file == Path::new("x.xls"))
        );
    }
}

/// A damaged .xls (broken compound-file container) panicked inside calamine 0.38 (cfb.rs:
/// "slice index starts at 25088 but ends at 24879"). Found by fuzz/run.sh. The container checks
/// now refuse it before calamine reads it.
#[test]
fn a_damaged_xls_is_one_files_problem_and_the_batch_goes_on() {
    let framework = framework(2022);
    let bytes =
        std::fs::read(repo("fuzz/regressions/workbook_reader/cfb-slice-index.xls")).unwrap();
    let run = Test::new()
        .file("hong.xls", bytes)
        .unit("ok.xlsx", &framework, &full_marks(&framework, "KS01", "Xã Tốt"))
        .args(["score", "--keep-going", "--format", "csv", "--criteria", &criteria(2022), "."])
        .status(4)
        .stdout_has("1,false,KS01,Xã Tốt,appraised,")
        .stderr_has("error: ./hong.xls: the file is damaged and cannot be read; open it in Excel or LibreOffice and save it again (or ask the unit to send it again)\n  (detail: it is cut short: a sector lies past its end)")
        .run();
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
}

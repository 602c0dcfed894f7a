//! Hostile input: inputs that are not files. A named pipe given as input would block the run,
//! a link to a device such as /dev/zero would never end, and a criteria file of gigabytes would
//! be read whole: each is refused at once with its reason, under a time limit (a run that blocks
//! is stopped, exit 124) and an address space of 600,000 KiB.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// Address space for a run, in KiB, and time.
const MEMORY_KIB: u64 = 600_000;
const SECONDS: u64 = 60;

fn criteria() -> String {
    repo("criteria/commune-2022.toml")
}

// ─── Inputs that are not files ───

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn link_to_dev_zero(path: &Path) {
    std::os::unix::fs::symlink("/dev/zero", path).unwrap();
}

/// A folder with a valid form and, beside it, what `prepare` puts there.
fn beside_a_form(prepare: impl FnOnce(&Path)) -> Test {
    let framework = framework(2022);
    Test::new()
        .unit(
            "KS04.xlsx",
            &framework,
            &full_marks(&framework, "KS04", "Xã An Mỹ"),
        )
        .with_dir(prepare)
        .limits(MEMORY_KIB, SECONDS)
}

#[test]
fn a_named_pipe_is_never_opened() {
    beside_a_form(|dir| mkfifo(&dir.join("pipe.xlsx")))
        .args(["score", "--criteria", &criteria(), "pipe.xlsx", "KS04.xlsx"])
        .status(1)
        .stderr_has("error: pipe.xlsx: not a regular file but a named pipe\n")
        .run();
    beside_a_form(|dir| mkfifo(&dir.join("pipe.xlsx")))
        .args(["score", "--criteria", &criteria(), "."])
        .stdout_has("KS04")
        .stderr_has("note: skipped ./pipe.xlsx: not a regular file (a named pipe)\n")
        .run();
}

#[test]
fn a_link_to_a_device_is_never_read() {
    // Given by name with -o, it is reported, and not hashed for the manifest either.
    beside_a_form(|dir| link_to_dev_zero(&dir.join("zero.xlsx")))
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--keep-going",
            "-o",
            "out.csv",
        ])
        .args(["zero.xlsx", "KS04.xlsx"])
        .status(4)
        .stderr_has("error: zero.xlsx: not a regular file but a device\n")
        .run();
    beside_a_form(|dir| link_to_dev_zero(&dir.join("zero.xlsx")))
        .args(["score", "--criteria", &criteria(), "."])
        .stdout_has("KS04")
        .stderr_has("note: skipped ./zero.xlsx: not a regular file (a device)\n")
        .run();
}

#[test]
fn a_folder_named_like_a_workbook_is_not_taken_for_one() {
    let folder = |dir: &Path| std::fs::create_dir(dir.join("x.xlsx")).unwrap();
    beside_a_form(folder)
        .args(["score", "--criteria", &criteria(), "x.xlsx", "KS04.xlsx"])
        .status(1)
        .stderr_has("error: x.xlsx: a folder named like a workbook, not a workbook file\n")
        .run();
    beside_a_form(folder)
        .args(["score", "--criteria", &criteria(), "."])
        .stdout_has("KS04")
        .stderr_has("note: skipped ./x.xlsx: a folder (folders inside a folder are not read)\n")
        .run();
}

#[test]
fn a_criteria_file_that_is_a_pipe_a_device_or_huge_is_refused_at_once() {
    for (name, prepare, reason) in [
        (
            "pipe.toml",
            mkfifo as fn(&Path),
            "not a regular file but a named pipe",
        ),
        (
            "zero.toml",
            link_to_dev_zero,
            "not a regular file but a device",
        ),
        (
            "big.toml",
            |path: &Path| {
                let file = std::fs::File::create(path).unwrap();
                file.set_len(2 << 30).unwrap();
            },
            "the file is 2 GiB, above the limit of 4 MiB for a criteria file",
        ),
    ] {
        beside_a_form(|dir| prepare(&dir.join(name)))
            .args(["score", "--criteria", name, "KS04.xlsx"])
            .status(1)
            .stderr_has(&format!(
                "error: cannot read criteria file {name}: {reason}"
            ))
            .run();
    }
}

#[test]
fn results_mapping_and_manifest_files_that_are_pipes_are_refused_at_once() {
    let results = |previous: &str, mapping: &str| {
        let current = repo("samples/2022");
        beside_a_form(|dir| {
            for name in ["pipe.csv", "pipe.toml"] {
                mkfifo(&dir.join(name));
            }
        })
        .args(["compare", "--previous", previous, "--current-criteria"])
        .args([criteria(), "--current-paths".to_string(), current])
        .args(["--mapping", mapping])
        .status(1)
    };
    let scored = Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(),
            "--format",
            "csv",
            "-o",
            "2021.csv",
        ])
        .arg(&repo("samples/2022"))
        .run();
    let csv = scored.dir().join("2021.csv").display().to_string();
    results("pipe.csv", "pipe.toml")
        .stderr_has("cannot read results file pipe.csv: not a regular file but a named pipe")
        .run();
    results(&csv, "pipe.toml")
        .stderr_has("cannot read mapping file pipe.toml: not a regular file but a named pipe")
        .run();
    Test::new()
        .with_dir(|dir| mkfifo(&dir.join("run.manifest.json")))
        .limits(MEMORY_KIB, SECONDS)
        .args(["verify", "run.manifest.json"])
        .status(1)
        .stderr_has("cannot read manifest run.manifest.json: not a regular file but a named pipe")
        .run();
}

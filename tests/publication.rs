//! Where results may be written (never onto an input, only regular files) and how (the result
//! and its manifest as one publication, leftovers of interrupted runs removed, ordinary modes).
//! The interruption of a publication at every step is tested in `src/publish.rs`.

use std::fs;
use std::path::Path;

use crate::support::*;

/// A scratch folder with one valid unit in `phieu/`.
fn one_unit() -> Test {
    let framework = framework(2022);
    Test::new().unit(
        "phieu/a.xlsx",
        &framework,
        &full_marks(&framework, "A1", "Xã A"),
    )
}

/// `score` of `phieu/` to `output`: in the format its extension names, else as CSV.
fn score_to(test: Test, output: &str) -> Test {
    let test = test.args(["score", "--criteria", &criteria(2022), "phieu"]);
    match parindex::options::Format::of_file(std::path::Path::new(output)) {
        Some(_) => test.args(["-o", output]),
        None => test.args(["--format", "csv", "-o", output]),
    }
}

/// The names in a folder, sorted.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Writes `ket-qua.json` (with its manifest) into `folder` by scoring the 2022 samples.
fn results_file(folder: &Path) {
    let status = parindex_command()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--format", "json", "-o", "ket-qua.json"])
        .current_dir(folder)
        .status()
        .unwrap();
    assert!(status.success());
}

// ---- Never onto an input ----

/// The SHA-256 of a file, to show it unchanged.
fn hash(path: &Path) -> String {
    parindex::manifest::sha256(&fs::read(path).unwrap())
}

#[test]
fn a_workbook_reached_through_dot_dot_is_refused_before_any_workbook_is_read() {
    let mut before = String::new();
    let test = one_unit()
        .file("phieu/hong.xlsx", "not a workbook")
        .with(|dir| before = hash(&dir.join("phieu/a.xlsx")));
    let run = score_to(test, "phieu/../phieu/a.xlsx")
        .status(1)
        .stderr_has(
            "refusing to write phieu/../phieu/a.xlsx: it is the input phieu/a.xlsx (the same \
             file), which would be overwritten; nothing was written",
        )
        .run();
    // Refused before reading: the damaged workbook was never opened.
    assert!(!run.stderr().contains("hong.xlsx"), "{}", run.stderr());
    assert_eq!(hash(&run.dir().join("phieu/a.xlsx")), before);
    assert_eq!(names(&run.dir().join("phieu")), ["a.xlsx", "hong.xlsx"]);
}

#[cfg(unix)]
#[test]
fn a_link_to_the_criteria_file_is_refused() {
    let run = one_unit()
        .file("tieu-chi.toml", fs::read(criteria(2022)).unwrap())
        .with(|dir| std::os::unix::fs::symlink("tieu-chi.toml", dir.join("ket-qua.csv")).unwrap())
        .args(["score", "--criteria", "tieu-chi.toml", "phieu"])
        .args(["--format", "csv", "-o", "ket-qua.csv"])
        .status(1)
        .stderr_has("refusing to write ket-qua.csv: it is the input tieu-chi.toml")
        .run();
    assert_eq!(
        hash(&run.dir().join("tieu-chi.toml")),
        hash(Path::new(&criteria(2022)))
    );
    assert!(
        fs::symlink_metadata(run.dir().join("ket-qua.csv"))
            .unwrap()
            .is_symlink()
    );
    assert!(!run.dir().join("ket-qua.csv.manifest.json").exists());
}

#[test]
fn a_hard_link_to_a_workbook_is_refused() {
    let run = one_unit()
        .with(|dir| fs::hard_link(dir.join("phieu/a.xlsx"), dir.join("ket-qua.xlsx")).unwrap())
        .args(["score", "--criteria", &criteria(2022), "phieu"])
        .args(["--format", "xlsx", "-o", "ket-qua.xlsx"])
        .status(1)
        .stderr_has("refusing to write ket-qua.xlsx: it is the input phieu/a.xlsx")
        .run();
    assert_eq!(
        hash(&run.dir().join("ket-qua.xlsx")),
        hash(&run.dir().join("phieu/a.xlsx"))
    );
    assert!(
        parindex::workbook::read_unit(&run.dir().join("phieu/a.xlsx"), &framework(2022)).is_ok()
    );
}

#[test]
fn a_missing_input_is_no_place_for_the_result() {
    let run = one_unit()
        .args(["score", "--keep-going", "--criteria", &criteria(2022)])
        .args(["phieu/a.xlsx", "thieu.xlsx", "-o", "thieu.xlsx"])
        .status(1)
        .stderr_has("refusing to write thieu.xlsx: it is the input thieu.xlsx")
        .run();
    assert!(!run.dir().join("thieu.xlsx").exists());
}

#[test]
fn compare_refuses_to_write_over_a_results_file() {
    let run = Test::new()
        .with(results_file)
        .args([
            "compare",
            "--previous",
            "ket-qua.json",
            "--current",
            "ket-qua.json",
        ])
        .args(["--format", "json", "-o", "ket-qua.json"])
        .status(1)
        .stderr_has("refusing to write ket-qua.json: it is the input ket-qua.json")
        .run();
    let text = fs::read_to_string(run.dir().join("ket-qua.json")).unwrap();
    assert!(text.starts_with('{'), "{text}");
}

#[test]
fn compare_refuses_a_manifest_that_would_overwrite_the_mapping_file() {
    let run = Test::new()
        .with(results_file)
        .file("mapping.toml", "merged = \"points-weighted\"\n")
        .with(|dir| {
            fs::hard_link(
                dir.join("mapping.toml"),
                dir.join("so-sanh.csv.manifest.json"),
            )
            .unwrap()
        })
        .args([
            "compare",
            "--previous",
            "ket-qua.json",
            "--current",
            "ket-qua.json",
        ])
        .args([
            "--mapping",
            "mapping.toml",
            "--format",
            "csv",
            "-o",
            "so-sanh.csv",
        ])
        .status(1)
        .stderr_has("refusing to write so-sanh.csv.manifest.json: it is the input mapping.toml")
        .run();
    assert_eq!(
        fs::read_to_string(run.dir().join("mapping.toml")).unwrap(),
        "merged = \"points-weighted\"\n"
    );
    assert!(!run.dir().join("so-sanh.csv").exists());
}

#[test]
fn template_never_writes_over_its_criteria_file() {
    let run = Test::new()
        .file("tieu-chi.toml", fs::read(criteria(2022)).unwrap())
        .args([
            "template",
            "--criteria",
            "tieu-chi.toml",
            "-o",
            "./tieu-chi.toml",
        ])
        .status(1)
        .stderr_has("refusing to write ./tieu-chi.toml: it is the input tieu-chi.toml")
        .run();
    assert_eq!(
        hash(&run.dir().join("tieu-chi.toml")),
        hash(Path::new(&criteria(2022)))
    );
}

// ---- Only regular files ----

#[test]
fn a_folder_is_no_output_file() {
    let run = score_to(
        one_unit().with(|dir| fs::create_dir(dir.join("ket-qua")).unwrap()),
        "ket-qua",
    )
    .status(1)
    .stderr_has("cannot write ket-qua: it is a folder; name a file in it")
    .run();
    assert!(run.dir().join("ket-qua").is_dir());
    assert!(!run.dir().join("ket-qua.manifest.json").exists());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_replaced_by_a_file() {
    let run = score_to(
        one_unit()
            .file("nam-ngoai/ket-qua.csv", "kết quả năm ngoái\n")
            .with(|dir| {
                std::os::unix::fs::symlink("nam-ngoai/ket-qua.csv", dir.join("ket-qua.csv"))
                    .unwrap()
            }),
        "ket-qua.csv",
    )
    .status(1)
    .stderr_has(
        "cannot write ket-qua.csv: it is a symbolic link to nam-ngoai/ket-qua.csv, not a regular \
         file; name the file itself",
    )
    .run();
    assert!(
        fs::symlink_metadata(run.dir().join("ket-qua.csv"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(run.dir().join("nam-ngoai/ket-qua.csv")).unwrap(),
        "kết quả năm ngoái\n"
    );
}

/// A named pipe, a socket and (where this user may make one) a device node stay what they are.
#[cfg(unix)]
#[test]
fn a_pipe_a_socket_or_a_device_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    use std::process::Command;

    require("mkfifo");
    require("mknod");
    // Makes the special file in the test's folder and returns the `-o` target. A device node can
    // only be made with privilege (CI runs as root); without it the target is the system's own
    // /dev/null, which an unprivileged run could not replace even if the check regressed.
    let special = |dir: &Path, name: &str| -> String {
        let path = dir.join(name);
        match name {
            "pipe" => {
                let made = Command::new("mkfifo").arg(&path).status().unwrap();
                assert!(made.success(), "mkfifo {path:?}");
                name.to_string()
            }
            "socket" => {
                std::os::unix::net::UnixListener::bind(&path).unwrap();
                name.to_string()
            }
            // The null device's numbers on Linux: 1, 3.
            _ => {
                let made = Command::new("mknod")
                    .arg(&path)
                    .args(["c", "1", "3"])
                    .stderr(std::process::Stdio::null())
                    .status()
                    .unwrap();
                if made.success() {
                    name.to_string()
                } else {
                    "/dev/null".to_string()
                }
            }
        }
    };
    for (name, kind) in [
        ("pipe", "a named pipe"),
        ("socket", "a socket"),
        ("device", "a device"),
    ] {
        let mut target = String::new();
        let test = one_unit().with(|dir| target = special(dir, name));
        let run = score_to(test, &target)
            .status(1)
            .stderr_has(&format!(
                "cannot write {target}: it is {kind}, not a regular file; to write to standard \
                 output, leave out -o"
            ))
            .run();
        let kind = fs::symlink_metadata(run.dir().join(&target))
            .unwrap()
            .file_type();
        assert!(
            kind.is_fifo() || kind.is_socket() || kind.is_char_device(),
            "{target}"
        );
        // The form's folder, and the special file when it was made here: nothing else.
        let expected = if target.starts_with('/') { 1 } else { 2 };
        assert_eq!(names(run.dir()).len(), expected, "{:?}", names(run.dir()));
    }
}

#[cfg(unix)]
#[test]
fn standard_output_is_not_an_output_file() {
    score_to(one_unit(), "/dev/stdout")
        .status(1)
        .stderr_has("cannot write /dev/stdout: it is a symbolic link to ")
        .stderr_has("to write to standard output, leave out -o")
        .stdout("")
        .run();
    assert!(fs::symlink_metadata("/dev/stdout").unwrap().is_symlink());
}

// ---- One publication ----

#[test]
fn a_failed_manifest_write_leaves_no_new_result() {
    let run = score_to(
        one_unit().file("ket-qua.csv", "kết quả cũ\n").with(|dir| {
            fs::create_dir(dir.join("ket-qua.csv.manifest.json")).unwrap();
        }),
        "ket-qua.csv",
    )
    .status(1)
    .run();
    assert_eq!(
        fs::read_to_string(run.dir().join("ket-qua.csv")).unwrap(),
        "kết quả cũ\n"
    );
    assert!(
        run.stderr()
            .contains("cannot write ket-qua.csv.manifest.json: it is a folder"),
        "{}",
        run.stderr()
    );
    assert!(run.dir().join("ket-qua.csv.manifest.json").is_dir());
    assert_eq!(
        names(run.dir()),
        ["ket-qua.csv", "ket-qua.csv.manifest.json", "phieu"]
    );
}

#[test]
fn leftovers_of_an_interrupted_run_are_removed_by_the_next_run() {
    let run = score_to(
        one_unit()
            .file(".ket-qua.csv.parindex-4242-abcdEFGH.tmp", "một nửa")
            .file(".bao-cao.xlsx.manifest.json.parindex-77-Zz09Zz09.tmp", "{")
            .file("ghi-chu.tmp", "của người dùng"),
        "ket-qua.csv",
    )
    .run();
    assert_eq!(
        names(run.dir()),
        [
            "ghi-chu.tmp",
            "ket-qua.csv",
            "ket-qua.csv.manifest.json",
            "phieu"
        ]
    );
}

// ---- Modes ----

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn new_files_get_the_mode_the_umask_gives() {
    let run = score_to(one_unit().umask(0o027), "ket-qua.csv").run();
    assert_eq!(mode(&run.dir().join("ket-qua.csv")), 0o640);
    assert_eq!(mode(&run.dir().join("ket-qua.csv.manifest.json")), 0o640);

    let run = Test::new()
        .umask(0o022)
        .args([
            "template",
            "--criteria",
            &criteria(2022),
            "-o",
            "bieu-mau.xlsx",
        ])
        .run();
    assert_eq!(mode(&run.dir().join("bieu-mau.xlsx")), 0o644);
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let chmod = |path: &Path, mode| fs::set_permissions(path, fs::Permissions::from_mode(mode));
    let run = score_to(
        one_unit()
            .umask(0o077)
            .file("ket-qua.csv", "cũ\n")
            .file("ket-qua.csv.manifest.json", "{}\n")
            .with(|dir| {
                chmod(&dir.join("ket-qua.csv"), 0o604).unwrap();
                chmod(&dir.join("ket-qua.csv.manifest.json"), 0o640).unwrap();
            }),
        "ket-qua.csv",
    )
    .run();
    assert!(
        fs::read_to_string(run.dir().join("ket-qua.csv"))
            .unwrap()
            .starts_with("rank,")
    );
    assert_eq!(mode(&run.dir().join("ket-qua.csv")), 0o604);
    assert_eq!(mode(&run.dir().join("ket-qua.csv.manifest.json")), 0o640);
}

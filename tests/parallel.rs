//! The parallel batch path: the same bytes as a single-thread run, and a quiet stderr when piped.

use parindex::synth::write_units;
use tempfile::TempDir;

use crate::support::*;

/// Runs `score` with `threads` worker threads and returns (stdout, stderr).
fn score_with_threads(threads: &str, status: i32, args: &[&str]) -> (String, String) {
    let run = Test::new()
        .env("RAYON_NUM_THREADS", threads)
        .args(["score", "--criteria", &criteria(2022)])
        .args(args.iter().copied())
        .status(status)
        .run();
    (run.stdout(), run.stderr())
}

/// A folder of `count` synthetic 2022 units, every `invalid_every`-th invalid (0: none).
fn synthetic(count: usize, invalid_every: usize) -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    write_units(&framework(2022), dir.path(), count, 7, invalid_every).unwrap();
    let path = dir.path().display().to_string();
    (dir, path)
}

#[test]
fn samples_give_the_same_csv_and_json_on_one_thread_and_on_four() {
    let samples = repo("samples/2022");
    for format in ["csv", "json"] {
        let args = ["--format", format, samples.as_str()];
        assert_eq!(
            score_with_threads("1", 0, &args),
            score_with_threads("4", 0, &args),
            "{format}"
        );
    }
}

#[test]
fn synthetic_set_with_invalid_files_gives_the_same_bytes_on_one_thread_and_on_four() {
    // Every 10th of 60 units is invalid: 6 excluded, listed in input (file name) order.
    let (_dir, units) = synthetic(60, 10);
    for format in ["csv", "json"] {
        let args = ["--keep-going", "--format", format, units.as_str()];
        let (one, four) = (
            score_with_threads("1", 4, &args),
            score_with_threads("4", 4, &args),
        );
        assert_eq!(one, four, "{format}");
        if format == "csv" {
            let (csv, stderr) = four;
            assert_eq!(csv.lines().count(), 1 + 54);
            let excluded: Vec<String> = stderr
                .lines()
                .filter_map(|l| l.strip_prefix("  excluded: "))
                .map(str::to_string)
                .collect();
            let expected: Vec<String> = (1..=6)
                .map(|i| format!("{units}/SY{:05}.xlsx", i * 10))
                .collect();
            assert_eq!(excluded, expected);
        }
    }
}

#[test]
fn the_order_files_are_given_in_does_not_change_the_result() {
    let (_dir, units) = synthetic(20, 0);
    let forward: Vec<String> = (1..=20).map(|i| format!("{units}/SY{i:05}.xlsx")).collect();
    let backward: Vec<String> = forward.iter().rev().cloned().collect();
    let csv = |files: &[String]| {
        let mut args = vec!["--format", "csv"];
        args.extend(files.iter().map(String::as_str));
        score_with_threads("4", 0, &args).0
    };
    assert_eq!(csv(&forward), csv(&backward));
}

#[test]
fn a_piped_run_of_many_files_prints_no_progress_on_stderr() {
    // Above the progress bar's threshold; the test harness pipes stderr, so no bar.
    let (_dir, units) = synthetic(60, 0);
    let (csv, stderr) = score_with_threads("2", 0, &["--format", "csv", &units]);
    assert_eq!(csv.lines().count(), 1 + 60);
    assert_eq!(stderr, "");
}

#[test]
fn the_synthetic_generator_is_reproducible_from_its_seed() {
    let set = |seed: u64| {
        let dir = tempfile::tempdir().unwrap();
        write_units(&framework(2022), dir.path(), 12, seed, 4).unwrap();
        let path = dir.path().display().to_string();
        let (csv, stderr) = score_with_threads("2", 4, &["--keep-going", "--format", "csv", &path]);
        // Results and problems without the folder's (random) name.
        (csv.replace(&path, "UNITS"), stderr.replace(&path, "UNITS"))
    };
    let (first, problems) = set(3);
    assert_eq!((first.clone(), problems.clone()), set(3));
    assert_ne!(first, set(4).0);
    // Units 4, 8 and 12 carry a defect each, reported as an error naming its cell.
    assert_eq!(first.lines().count(), 1 + 9);
    for unit in ["SY00004", "SY00008", "SY00012"] {
        assert!(
            problems.contains(&format!("error: UNITS/{unit}.xlsx, sheet ")),
            "{unit}: {problems}"
        );
    }
}

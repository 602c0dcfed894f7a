//! The Vietnamese user guide's commands, run as written (so they cannot rot): every `parindex`
//! line of a `sh` block runs, in order, in one folder holding the bundled `criteria/` and
//! `samples/`, with the tool's default language, and must succeed; every line of the `text` block
//! that follows it must appear in what it printed.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// (command, lines it must print), in the guide's order.
fn examples(guide: &str) -> Vec<(String, Vec<String>)> {
    let mut examples: Vec<(String, Vec<String>)> = Vec::new();
    let mut block: Option<(&str, Vec<&str>)> = None;
    for line in guide.lines() {
        match (&mut block, line.strip_prefix("```")) {
            (None, Some(kind)) => block = Some((kind, Vec::new())),
            (Some((kind, lines)), Some(_)) => {
                match *kind {
                    "sh" => examples.extend(
                        lines
                            .iter()
                            .filter(|l| l.starts_with("parindex "))
                            .map(|l| (l.to_string(), Vec::new())),
                    ),
                    "text" => {
                        let last = examples.last_mut().expect("a text block follows a command");
                        last.1 = lines.iter().map(|l| l.to_string()).collect();
                    }
                    _ => {}
                }
                block = None;
            }
            (Some((_, lines)), None) => lines.push(line),
            (None, None) => {}
        }
    }
    examples
}

#[test]
fn the_guides_commands_run_and_print_what_it_shows() {
    let guide = std::fs::read_to_string(repo("docs/huong-dan-su-dung.md")).unwrap();
    let examples = examples(&guide);
    assert!(examples.len() >= 9, "{examples:?}");
    let dir = tempfile::tempdir().unwrap();
    for folder in ["criteria", "samples"] {
        std::os::unix::fs::symlink(repo(folder), dir.path().join(folder)).unwrap();
    }
    let binary = Path::new(env!("CARGO_BIN_EXE_parindex"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (command, expected) in examples {
        let output = Command::new("sh")
            .args(["-c", &command])
            .env("PATH", &path)
            .env_remove("PARINDEX_LANG")
            .env("PARINDEX_FIXED_TIME", "2026-11-23T08:00:00Z")
            .current_dir(dir.path())
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{command}\n{printed}");
        for line in expected {
            assert!(
                printed.contains(line.trim_end()),
                "{command}\nshould print: {line}\nprinted:\n{printed}"
            );
        }
    }
}

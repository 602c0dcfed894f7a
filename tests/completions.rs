//! `parindex completions SHELL`: each script is the shell's own kind and knows the commands and
//! their options.

use std::process::Command;

use crate::support::*;

#[test]
fn bash_defines_the_completion_function_with_every_command() {
    Test::new()
        .args(["completions", "bash"])
        .stdout_has("_parindex() {")
        .stdout_has("complete -F _parindex")
        .stdout_has("score")
        .stdout_has("compare")
        .stdout_has("--criteria")
        .run();
}

/// What bash offers for the words typed so far (the last one being completed), with the script
/// loaded as a user's start-up file would load it.
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let program = r#"
        eval "$SCRIPT"
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        _parindex parindex "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let output = Command::new("bash")
        .args(["-c", program, "bash"])
        .args(words)
        .env("SCRIPT", script)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn bash_completes_commands_options_and_shells() {
    require("bash");
    let script = Test::new().args(["completions", "bash"]).run().stdout();
    assert_eq!(bash_completes(&script, &["parindex", "sc"]), ["score"]);
    assert_eq!(
        bash_completes(&script, &["parindex", "co"]),
        ["compare", "completions"]
    );
    assert_eq!(
        bash_completes(&script, &["parindex", "score", "--cr"]),
        ["--criteria"]
    );
    assert_eq!(
        bash_completes(&script, &["parindex", "completions", "p"]),
        ["powershell"]
    );
}

#[test]
fn zsh_is_a_compdef_function() {
    let run = Test::new()
        .args(["completions", "zsh"])
        .stdout_has("_parindex \"$@\"")
        .stdout_has("'--criteria=[")
        .run();
    assert!(run.stdout().starts_with("#compdef parindex\n"));
}

#[test]
fn powershell_registers_an_argument_completer() {
    Test::new()
        .args(["completions", "powershell"])
        .stdout_has("Register-ArgumentCompleter -Native -CommandName 'parindex'")
        .stdout_has("'parindex;score'")
        .stdout_has("'parindex;compare'")
        .run();
}

#[test]
fn fish_completes_the_subcommands() {
    Test::new()
        .args(["completions", "fish"])
        .stdout_has("complete -c parindex")
        .stdout_has("-a \"score\"")
        .run();
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    Test::new()
        .args(["completions", "cmd"])
        .status(2)
        .stderr_has("the values are: bash, elvish, fish, powershell, zsh")
        .run();
}

//! Everything the command line prints goes through here: text that came from the user's files
//! (cell text, file and sheet names) is escaped for the terminal, and a closed pipe
//! (`parindex … | head`) ends the output quietly instead of panicking.

use std::fmt::Display;
use std::io::Write;

use parindex::problem::Problem;
use parindex::t;
use parindex::text::{terminal_line, terminal_safe};

/// A line on standard output.
pub fn out(text: impl Display) {
    let _ = writeln!(std::io::stdout(), "{}", terminal_safe(&text.to_string()));
}

/// A machine-readable document (JSON) on standard output, unchanged: its own escaping applies.
pub fn out_raw(document: &str) {
    let _ = writeln!(std::io::stdout(), "{document}");
}

/// Text on standard output, as it is (it ends its own lines).
pub fn out_text(text: &str) {
    let _ = write!(std::io::stdout(), "{}", terminal_safe(text));
}

/// An error that stops the command; its message may span several lines.
pub fn error(message: impl Display) {
    let _ = writeln!(
        std::io::stderr(),
        "{}: {}",
        t!("say-error"),
        terminal_safe(&message.to_string())
    );
}

/// One problem of an input file, on one line whatever its cell held.
pub fn problem(problem: &Problem) {
    let _ = writeln!(
        std::io::stderr(),
        "{}: {}",
        t!("say-error"),
        terminal_line(&problem.to_string())
    );
}

pub fn warning(message: impl Display) {
    let _ = writeln!(
        std::io::stderr(),
        "{}: {}",
        t!("say-warning"),
        terminal_safe(&message.to_string())
    );
}

pub fn note(message: impl Display) {
    let _ = writeln!(
        std::io::stderr(),
        "{}: {}",
        t!("say-note"),
        terminal_safe(&message.to_string())
    );
}

/// What a command did, on standard error so standard output stays the result.
pub fn done(message: impl Display) {
    let _ = writeln!(std::io::stderr(), "{}", terminal_safe(&message.to_string()));
}

/// A continuation line under a warning or an error, indented.
pub fn detail(message: impl Display) {
    let _ = writeln!(
        std::io::stderr(),
        "  {}",
        terminal_line(&message.to_string())
    );
}

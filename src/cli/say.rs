//! Everything the command line prints goes through here: text that came from the user's files
//! (cell text, file and sheet names) is escaped for the terminal, and a closed pipe
//! (`parindex … | head`) ends the output quietly instead of panicking.

use std::fmt::Display;
use std::io::Write;

use parindex::problem::{Location, Problem, ReportLine, Severity, grouped};
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

/// The problems of one input file, on one line each whatever its cells held, problems of one
/// kind that come again and again told once, a technical detail on a line of its own.
pub fn problems(problems: &[&Problem]) {
    for line in grouped(problems) {
        let text = match &line {
            ReportLine::One(problem) => problem.to_string(),
            ReportLine::Many { first, sheet, text } => {
                let mut location = Location::file(&first.location.file);
                location.sheet = sheet.map(str::to_string);
                format!("{location}: {text}")
            }
        };
        let prefix = match severity(&line) {
            Severity::Error => t!("say-error"),
            Severity::Warning => t!("say-warning"),
        };
        let _ = writeln!(std::io::stderr(), "{prefix}: {}", terminal_line(&text));
        if let ReportLine::One(Problem {
            detail: Some(detail),
            ..
        }) = line
        {
            let _ = writeln!(std::io::stderr(), "  {}", detail_text(detail));
        }
    }
}

/// The severity of a report line.
pub fn severity(line: &ReportLine) -> Severity {
    match line {
        ReportLine::One(problem) | ReportLine::Many { first: problem, .. } => problem.severity,
    }
}

/// The technical detail under a message (a library's own error text), on one line.
pub fn detail_text(detail: &str) -> String {
    format!("({}: {})", t!("say-detail"), terminal_line(detail))
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

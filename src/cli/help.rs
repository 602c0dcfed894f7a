//! The command line in the user's language: every description, heading, placeholder and usage
//! error of clap comes from the catalogue (`locales/`), looked up by the command's and the
//! argument's names: `cmd-score`, `arg-score-criteria` (or `arg-criteria`, shared), `value-auto`.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use parindex::i18n::{LANG_VARIABLE, Lang, text};
use parindex::t;

/// The language asked for: `--lang` anywhere among the arguments, else `PARINDEX_LANG`, else
/// Vietnamese. Read before parsing, so that parsing itself (help, errors) speaks it.
pub fn language(args: &[OsString]) -> Lang {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::parse(value).unwrap_or(Lang::Vi);
        }
        if arg == "--lang" {
            return args.next().and_then(Lang::parse).unwrap_or(Lang::Vi);
        }
    }
    std::env::var(LANG_VARIABLE)
        .ok()
        .and_then(|value| Lang::parse(&value))
        .unwrap_or(Lang::Vi)
}

/// The command with its texts in the current language.
pub fn localized(command: Command) -> Command {
    let command = command.disable_help_subcommand(true);
    let mut command = walk(command, None).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t!("arg-version")),
    );
    // Usage lines are rendered once the whole tree is built (they name the parent commands).
    command.build();
    with_usage(command)
}

/// Each command's usage line with clap's English placeholders ([OPTIONS], <COMMAND>) in the
/// current language.
fn with_usage(mut command: Command) -> Command {
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &t!("help-options-placeholder"))
        .replace("<COMMAND>", &t!("help-command-placeholder"));
    command = command.override_usage(usage);
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, with_usage);
    }
    command
}

/// The catalogue's text for `id`, or for the first of `ids` it has.
fn first_of(ids: &[String]) -> Option<String> {
    ids.iter()
        .map(|id| text(id, &[]))
        .find(|found| !ids.contains(found))
}

/// Ids of an argument's help, most specific first: `arg-score-format`, then `arg-format`.
pub fn arg_ids(command_key: &str, arg: &str) -> [String; 2] {
    let arg = arg.replace('_', "-");
    [format!("arg-{command_key}-{arg}"), format!("arg-{arg}")]
}

fn walk(mut command: Command, parent: Option<&str>) -> Command {
    let key = match parent {
        None => "parindex".to_string(),
        Some("parindex") => command.get_name().to_string(),
        Some(parent) => format!("{parent}-{}", command.get_name()),
    };
    let has_positionals = command.get_positionals().next().is_some();
    let has_subcommands = command.has_subcommands();
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        let key = key.clone();
        command = command.mut_arg(&id, |arg| {
            let arg = match first_of(&arg_ids(&key, &id)) {
                Some(help) => with_values(arg.clone(), help),
                None => arg,
            };
            match arg
                .get_value_names()
                .filter(|_| arg.get_action().takes_values())
                .map(<[_]>::to_vec)
            {
                Some(names) => {
                    let names: Vec<String> = names
                        .iter()
                        .map(|n| text(&format!("placeholder-{}", n.as_str().to_lowercase()), &[]))
                        .collect();
                    arg.value_names(names)
                }
                None => arg,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let key = key.clone();
        command = command.mut_subcommand(&name, |sub| walk(sub, Some(&key)));
    }
    if let Some(about) = first_of(&[format!("cmd-{key}")]) {
        command = command.about(about);
    }
    command
        .after_help(t!("help-exit-codes"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("arg-help")),
        )
        .help_template(template(has_positionals, has_subcommands))
}

/// An argument's help, followed by its values with their descriptions and its default (clap's
/// own "possible values" and "default" lines are in English, so they are hidden).
fn with_values(arg: Arg, help: String) -> Arg {
    let values = arg.get_possible_values();
    if values.is_empty() || !arg.get_action().takes_values() || arg.is_hide_possible_values_set() {
        return arg.help(help);
    }
    let mut help = help;
    for value in &values {
        let described = value
            .get_help()
            .map(|h| format!(": {h}"))
            .unwrap_or_default();
        help.push_str(&format!("\n  {}{described}", value.get_name()));
    }
    if let Some(default) = arg.get_default_values().first() {
        help.push_str(&format!(
            "\n({}: {})",
            t!("help-default"),
            default.to_string_lossy()
        ));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// The layout of a help page, with headings in the current language; sections a command does
/// not have are left out.
fn template(positionals: bool, subcommands: bool) -> String {
    let mut template = format!("{{about-with-newline}}\n{} {{usage}}\n", t!("help-usage"));
    if subcommands {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", t!("help-commands")));
    }
    if positionals {
        template.push_str(&format!("\n{}\n{{positionals}}\n", t!("help-arguments")));
    }
    template.push_str(&format!(
        "\n{}\n{{options}}{{after-help}}",
        t!("help-options")
    ));
    template
}

/// A usage error in the current language: what was wrong, the suggestion clap has, the usage
/// line, and where to read more. Clap's own English text stays out of it.
pub fn usage_error(error: &clap::Error, command: &Command, args: &[OsString]) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        Some(ContextValue::StyledStrs(values)) => Some(
            values
                .iter()
                .map(StyledStr::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let mut lines = vec![match error.kind() {
        ErrorKind::InvalidSubcommand => t!(
            "usage-unknown-command",
            command = context(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => t!("usage-unknown-argument", argument = arg),
        ErrorKind::InvalidValue => match context(ContextKind::ValidValue) {
            Some(valid) => t!(
                "usage-invalid-value-of",
                value = value,
                argument = arg,
                valid = valid
            ),
            None => t!("usage-missing-value", argument = arg),
        },
        ErrorKind::MissingRequiredArgument => t!("usage-missing-argument", arguments = arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!("usage-missing-command")
        }
        ErrorKind::ArgumentConflict => t!(
            "usage-conflict",
            argument = arg,
            other = context(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => t!("usage-invalid-value", value = value, argument = arg),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t!("usage-wrong-number-of-values", argument = arg)
        }
        ErrorKind::InvalidUtf8 => t!("usage-not-utf8"),
        _ => t!("usage-other"),
    }];
    let typed = context(ContextKind::InvalidSubcommand)
        .or(context(ContextKind::InvalidArg))
        .unwrap_or_default();
    let suggestions = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .filter_map(|kind| match error.get(kind) {
        Some(ContextValue::String(one)) => Some(vec![one.clone()]),
        Some(ContextValue::Strings(several)) => Some(several.clone()),
        _ => None,
    })
    .flatten();
    // Clap may offer several; the closest is the one worth saying.
    if let Some(suggested) = suggestions.min_by_key(|s| strsim::levenshtein(s, &typed)) {
        lines.push(t!("usage-did-you-mean", suggestion = suggested));
    }
    // The usage line of the command being used (clap gives it for some errors only).
    let used = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|a| command.find_subcommand(a));
    let usage = context(ContextKind::Usage).unwrap_or_else(|| {
        let mut command = used.unwrap_or(command).clone();
        command.render_usage().to_string()
    });
    let usage = usage.trim_start_matches("Usage:").trim();
    lines.push(format!("{} {usage}", t!("help-usage")));
    lines.push(t!("usage-see-help"));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command, argument, placeholder and value of the command line has its text in the
    /// catalogue, in both languages (the library's test checks the two catalogues match).
    #[test]
    fn every_command_and_argument_has_its_text() {
        fn visit(command: &Command, parent: Option<&str>, missing: &mut BTreeSet<String>) {
            let key = match parent {
                None => "parindex".to_string(),
                Some("parindex") => command.get_name().to_string(),
                Some(parent) => format!("{parent}-{}", command.get_name()),
            };
            if first_of(&[format!("cmd-{key}")]).is_none() {
                missing.insert(format!("cmd-{key}"));
            }
            for arg in command.get_arguments() {
                let ids = arg_ids(&key, arg.get_id().as_str());
                if first_of(&ids).is_none() {
                    missing.insert(ids[0].clone());
                }
                if !arg.get_action().takes_values() {
                    continue;
                }
                for name in arg.get_value_names().unwrap_or_default() {
                    let id = format!("placeholder-{}", name.as_str().to_lowercase());
                    if first_of(std::slice::from_ref(&id)).is_none() {
                        missing.insert(id);
                    }
                }
                for value in arg.get_possible_values() {
                    let id = format!("value-{}", value.get_name());
                    if first_of(std::slice::from_ref(&id)).is_none() {
                        missing.insert(id);
                    }
                }
            }
            for sub in command.get_subcommands() {
                visit(sub, Some(&key), missing);
            }
        }
        let mut missing = BTreeSet::new();
        visit(&Cli::command(), None, &mut missing);
        assert!(missing.is_empty(), "no text for {missing:?}");
    }

    /// Every composed text of the catalogue belongs to a command, argument, placeholder or value
    /// that exists (none left behind by a renamed option).
    #[test]
    fn every_composed_text_belongs_to_something() {
        fn visit(command: &Command, parent: Option<&str>, found: &mut BTreeSet<String>) {
            let key = match parent {
                None => "parindex".to_string(),
                Some("parindex") => command.get_name().to_string(),
                Some(parent) => format!("{parent}-{}", command.get_name()),
            };
            found.insert(format!("cmd-{key}"));
            for arg in command.get_arguments() {
                found.extend(arg_ids(&key, arg.get_id().as_str()));
                if !arg.get_action().takes_values() {
                    continue;
                }
                for name in arg.get_value_names().unwrap_or_default() {
                    found.insert(format!("placeholder-{}", name.as_str().to_lowercase()));
                }
                for value in arg.get_possible_values() {
                    found.insert(format!("value-{}", value.get_name()));
                }
            }
            for sub in command.get_subcommands() {
                visit(sub, Some(&key), found);
            }
        }
        let mut found: BTreeSet<String> = ["arg-help", "arg-version"].map(String::from).into();
        visit(&Cli::command(), None, &mut found);
        let catalogue = include_str!("../../locales/vi/cli.ftl");
        let resource = fluent_syntax::parser::parse(catalogue).expect("the catalogue parses");
        let stale: Vec<String> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .filter(|id| {
                ["cmd-", "arg-", "placeholder-", "value-"]
                    .iter()
                    .any(|p| id.starts_with(p))
            })
            .filter(|id| !found.contains(id))
            .collect();
        assert!(stale.is_empty(), "texts for nothing: {stale:?}");
    }
}

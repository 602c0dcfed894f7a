//! The words the tool says, in Vietnamese (the default) or English: one Fluent catalogue per
//! language under `locales/`, compiled into the binary. Messages are looked up by id with
//! [`t!`](crate::t); the language is chosen once, at start-up, for the whole process.
//!
//! Machine-readable keys (CSV columns, JSON fields) are not messages and never change; the
//! framework's own labels (areas, bands) come from the criteria file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "vi",
        // Fluent wraps arguments in bidirectional isolation marks by default; on a terminal they
        // are invisible noise at best (and escaped as control characters here).
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The code used by `--lang` and `PARINDEX_LANG`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `vi`, `en`, and the usual longer forms (`vi-VN`, `en_US.UTF-8`).
    pub fn parse(text: &str) -> Option<Lang> {
        let primary = text
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Vi => langid!("vi"),
            Lang::En => langid!("en"),
        }
    }
}

impl crate::options::Choice for Lang {
    const ALL: &'static [Self] = &Lang::ALL;
    fn name(self) -> &'static str {
        self.code()
    }
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANG_VARIABLE: &str = "PARINDEX_LANG";

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message from now on.
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The Vietnamese or the English of a label the data carries in both (band labels, area names;
/// an English name that is missing falls back to the Vietnamese one).
pub fn pick<'a>(vi: &'a str, en: Option<&'a str>) -> &'a str {
    match (lang(), en) {
        (Lang::En, Some(en)) if !en.is_empty() => en,
        _ => vi,
    }
}

/// A value given to a message: text, or a count (which chooses singular or plural).
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Arg::Text(text)
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(count: $t) -> Self {
                Arg::Count(i64::try_from(count).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(usize, u32, u64, i32, i64);

/// The message `id` in the current language, with its arguments. An id missing from the
/// catalogue (which the catalogue tests prevent) shows as itself rather than failing the run.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(lang(), id, args)
}

/// The message `id` in `lang`.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.to_string()),
                Arg::Count(count) => FluentValue::from(*count),
            };
            (Cow::Owned(name.to_string()), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(&lang.id(), id, &args)
        .unwrap_or_else(|| id.to_string())
}

/// A message of the catalogue in the current language: `t!("id")` or
/// `t!("id", name = value, count = n)`. Counts (integers) choose singular or plural.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// Why a file could not be read or written, in plain words, with the system's own text after it
/// for whoever needs the detail: "không tìm thấy tệp (No such file or directory (os error 2))".
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    // Errors of our own input checks say it all already, in the interface's language.
    if let Some(own) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::input::InputError>())
    {
        return own.to_string();
    }
    if error.kind() == ErrorKind::InvalidData {
        return error.to_string();
    }
    let plain = match error.kind() {
        ErrorKind::NotFound => crate::t!("io-not-found"),
        ErrorKind::PermissionDenied => crate::t!("io-permission"),
        ErrorKind::AlreadyExists => crate::t!("io-exists"),
        ErrorKind::IsADirectory => crate::t!("io-folder"),
        ErrorKind::NotADirectory => crate::t!("io-not-folder"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => crate::t!("io-full"),
        ErrorKind::ReadOnlyFilesystem => crate::t!("io-read-only"),
        ErrorKind::InvalidData => crate::t!("io-invalid-data"),
        ErrorKind::BrokenPipe => crate::t!("io-broken-pipe"),
        _ => crate::t!("io-other"),
    };
    format!("{plain} ({error})")
}

/// A message of the catalogue with its id: the id names the kind of a problem, so that problems
/// of one kind can be grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub text: String,
}

/// [`Message`] from the catalogue, as [`t!`](crate::t) takes it: `msg!("id", name = value)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message {
            id: $id,
            text: $crate::t!($id $(, $name = $value)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;
    use fluent_templates::fluent_bundle::FluentResource;

    use super::*;

    /// Every message of a catalogue with the variables it uses.
    fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang.code());
        let mut messages = BTreeMap::new();
        for entry in std::fs::read_dir(&folder).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let resource = FluentResource::try_new(text).expect("the catalogue parses");
            for entry in resource.entries() {
                if let ast::Entry::Message(message) = entry {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        variables_of(pattern, &mut variables);
                    }
                    let id = message.id.name.to_string();
                    assert!(
                        messages.insert(id.clone(), variables).is_none(),
                        "{id} twice in {}",
                        lang.code()
                    );
                }
            }
        }
        messages
    }

    fn variables_of(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, found);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    variables_of(&variant.value, found);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, found),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, found);
            }
            _ => {}
        }
    }

    /// A message in one language and not the other, or with other variables, fails here.
    #[test]
    fn both_catalogues_have_the_same_messages_with_the_same_variables() {
        let vi = catalogue(Lang::Vi);
        let en = catalogue(Lang::En);
        let only = |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| {
            a.keys()
                .filter(|k| !b.contains_key(*k))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(only(&vi, &en), Vec::<String>::new(), "only in Vietnamese");
        assert_eq!(only(&en, &vi), Vec::<String>::new(), "only in English");
        for (id, variables) in &vi {
            assert_eq!(variables, &en[id], "the variables of {id}");
        }
    }

    /// Every `t!("id")` in the source is in the catalogue, and every message of the catalogue is
    /// used somewhere (no dead messages).
    #[test]
    fn the_source_and_the_catalogue_name_the_same_messages() {
        let catalogue: BTreeSet<String> = catalogue(Lang::Vi).into_keys().collect();
        let mut used = BTreeSet::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut folders = vec![root];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    used.extend(message_ids(&text));
                }
            }
        }
        let missing: Vec<_> = used.difference(&catalogue).collect();
        // The command line composes these from its commands' and arguments' names (its own test
        // checks them both ways).
        let composed = |id: &&String| {
            ["cmd-", "arg-", "placeholder-", "value-"]
                .iter()
                .any(|prefix| id.starts_with(prefix))
        };
        let unused: Vec<_> = catalogue
            .difference(&used)
            .filter(|id| !composed(id))
            .collect();
        assert!(
            missing.is_empty(),
            "used but not in the catalogue: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "in the catalogue but never used: {unused:?}"
        );
    }

    /// The ids in `t!("…")` and `text("…")` calls (also split over lines), outside comments.
    fn message_ids(source: &str) -> Vec<String> {
        let code: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut ids = Vec::new();
        for marker in ["t!(", "text(", "msg!("] {
            let mut rest = code.as_str();
            while let Some(at) = rest.find(marker) {
                rest = rest[at + marker.len()..].trim_start();
                let Some(quoted) = rest.strip_prefix('"') else {
                    continue;
                };
                if let Some(end) = quoted.find('"') {
                    let id = &quoted[..end];
                    let is_id = !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_id {
                        ids.push(id.to_string());
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn messages_take_arguments_and_counts_in_both_languages() {
        let summary = |lang, files: i64| {
            let args = [
                ("files", Arg::Count(files)),
                ("error_files", Arg::Count(1)),
                ("errors", Arg::Count(2)),
                ("warning_files", Arg::Count(0)),
                ("warnings", Arg::Count(0)),
            ];
            text_in(lang, "validate-summary", &args)
        };
        assert_eq!(
            summary(Lang::En, 1),
            "1 file, 1 with errors (2), 0 with warnings (0)"
        );
        assert_eq!(
            summary(Lang::En, 3),
            "3 files, 1 with errors (2), 0 with warnings (0)"
        );
        assert_eq!(
            summary(Lang::Vi, 1),
            "1 tệp, 1 tệp có lỗi (2), 0 tệp có cảnh báo (0)"
        );
    }

    #[test]
    fn language_codes_are_read_loosely() {
        assert_eq!(Lang::parse("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::parse("EN-us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}

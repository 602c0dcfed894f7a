//! The mapping file of a comparison: last year's unit and area codes → this year's.
//!
//! ```toml
//! merged = "points-weighted"   # or "not-comparable"
//!
//! [units]                      # last year's code = this year's code(s)
//! KS14 = "KS01"                # renamed
//! KS15 = "KS16"                # KS15 and KS17 merged into KS16
//! KS17 = "KS16"
//! KS18 = ["KS16", "KS19"]      # KS18 split: part went to KS16, the rest to KS19
//!
//! [areas]                      # last year's area code = this year's
//! "8" = "7"
//! ```
//!
//! Codes not listed map to the same code when it exists the other year.
//!
//! A unit of last year written with a list of this year's codes was **split** among them: each of
//! them is compared with the whole of it, combined with its other predecessors exactly as merged
//! units are (points-weighted, or not comparable with `merged = "not-comparable"`, which applies
//! to every unit whose territory changed, a split one with a single predecessor included). Such a
//! unit is marked split (status [`Split`](crate::compare::Status::Split)) even when it also has
//! predecessors taken whole; its predecessor codes list them all. A list of one code is the same
//! as the code written alone. The lists are checked by `compare`: a list must not be empty, must
//! not name a unit twice, and every code in it must exist this year.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::io_reason;
use crate::t;

/// Why a mapping file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    #[error("{}", t!("mapping-io", path = path.display().to_string(), reason = io_reason(cause)))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}", t!("mapping-syntax", path = path.display().to_string(), message = message))]
    Syntax { path: PathBuf, message: String },
}

/// What a unit formed by merging several of last year's units is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeRule {
    /// The predecessors as one unit: sum of their points ÷ sum of their applicable maxima × 100,
    /// published with last year's rounding and rated with last year's bands.
    #[default]
    PointsWeighted,
    /// No predecessor figure: the unit is marked "no comparable predecessor".
    NotComparable,
}

impl MergeRule {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeRule::PointsWeighted => "points-weighted",
            MergeRule::NotComparable => "not-comparable",
        }
    }
}

/// Where one of last year's units went: `"NEW"` or `["NEW1", "NEW2"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Successor {
    /// The whole unit went into one of this year's units (the same code, renamed or merged).
    One(String),
    /// Written as a list: the unit was split among these units (a list of one code is the same
    /// as [`One`](Self::One); an empty list is refused by `compare`).
    List(Vec<String>),
}

impl Successor {
    /// This year's codes, in the order written.
    pub fn codes(&self) -> &[String] {
        match self {
            Successor::One(code) => std::slice::from_ref(code),
            Successor::List(codes) => codes,
        }
    }

    /// Whether the unit was split among several of this year's units.
    pub fn is_split(&self) -> bool {
        self.codes().len() > 1
    }
}

impl From<&str> for Successor {
    fn from(code: &str) -> Self {
        Successor::One(code.to_string())
    }
}

impl<'de> Deserialize<'de> for Successor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Successor;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a unit code, or a list of unit codes for a unit split among several")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Successor, E> {
                Ok(Successor::One(code.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Successor, A::Error> {
                let mut codes = Vec::new();
                while let Some(code) = seq.next_element::<String>()? {
                    codes.push(code);
                }
                Ok(Successor::List(codes))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Last year's codes → this year's. The default maps every code to itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub merged: MergeRule,
    /// Last year's unit code → this year's code, or codes when the unit was split.
    #[serde(default)]
    pub units: BTreeMap<String, Successor>,
    #[serde(default)]
    pub areas: BTreeMap<String, String>,
}

impl Mapping {
    pub fn load(path: &Path) -> Result<Mapping, MappingError> {
        let text = crate::input::read_text(
            path,
            crate::input::MAX_MAPPING_BYTES,
            crate::input::InputKind::Mapping,
        )
        .map_err(|source| MappingError::Io {
            path: path.to_path_buf(),
            cause: source,
        })?;
        toml::from_str(&text).map_err(|e| MappingError::Syntax {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Mapping, toml::de::Error> {
        toml::from_str(text)
    }

    #[test]
    fn a_code_or_a_list_of_codes() {
        let mapping =
            parse("[units]\nA = \"X\"\nB = [\"X\", \"Y\"]\nC = [\"Z\"]\nD = []\n").unwrap();
        let units = &mapping.units;
        assert_eq!(units["A"], Successor::One("X".into()));
        assert_eq!(units["B"], Successor::List(vec!["X".into(), "Y".into()]));
        assert_eq!(units["B"].codes(), ["X", "Y"]);
        assert!(units["B"].is_split());
        // A list of one code is a plain mapping; an empty list is left to `compare` to report.
        assert!(!units["A"].is_split() && !units["C"].is_split());
        assert_eq!(units["C"].codes(), ["Z"]);
        assert!(units["D"].codes().is_empty());
    }

    #[test]
    fn anything_else_is_a_syntax_error_with_its_line() {
        let error = parse("[units]\nA = \"X\"\nB = 3\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("a list of unit codes"), "{error}");
        let error = parse("[units]\nB = [\"X\", 3]\n").unwrap_err().to_string();
        assert!(error.contains("line 2"), "{error}");
    }
}

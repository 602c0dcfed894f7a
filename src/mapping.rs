//! The mapping file of a comparison: last year's unit and area codes → this year's.
//!
//! ```toml
//! merged = "points-weighted"   # or "not-comparable"
//!
//! [units]                      # last year's code = this year's code
//! KS14 = "KS01"                # renamed
//! KS15 = "KS16"                # KS15 and KS17 merged into KS16
//! KS17 = "KS16"
//!
//! [areas]                      # last year's area code = this year's
//! "8" = "7"
//! ```
//!
//! Codes not listed map to the same code when it exists the other year.

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

/// Last year's codes → this year's. The default maps every code to itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub merged: MergeRule,
    #[serde(default)]
    pub units: BTreeMap<String, String>,
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

//! What a run is asked to produce: the output format and the options that change the result.
//! Shared by the pipeline, the exporters and the manifest that records them.

use serde::{Deserialize, Serialize};

use crate::rank::RankMode;
use crate::score::BasisChoice;

/// A setting with a fixed set of values, each with the name it has on the command line and in
/// manifests. The command line builds its parsers from these, so the library needs no clap.
pub trait Choice: Copy + Send + Sync + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
}

/// Output formats of `score` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    Csv,
    Json,
    /// The decision's annex (needs -o FILE).
    Xlsx,
}

/// Options that change the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOptions {
    pub basis: BasisChoice,
    pub rank_mode: RankMode,
    pub format: Format,
    pub excel_bom: bool,
    pub keep_going: bool,
}

impl Choice for Format {
    const ALL: &'static [Self] = &[Format::Table, Format::Csv, Format::Json, Format::Xlsx];
    fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }
}

impl Choice for BasisChoice {
    const ALL: &'static [Self] = &[
        BasisChoice::Auto,
        BasisChoice::Appraised,
        BasisChoice::SelfScore,
    ];
    fn name(self) -> &'static str {
        match self {
            BasisChoice::Auto => "auto",
            BasisChoice::Appraised => "appraised",
            BasisChoice::SelfScore => "self",
        }
    }
}

impl Choice for RankMode {
    const ALL: &'static [Self] = &[RankMode::Competition, RankMode::Dense];
    fn name(self) -> &'static str {
        match self {
            RankMode::Competition => "competition",
            RankMode::Dense => "dense",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Manifests record these names through serde: the two must agree, or old manifests break.
    #[test]
    fn choice_names_are_the_serialised_names() {
        fn check<T: Choice + Serialize>() {
            for &value in T::ALL {
                let json = serde_json::to_string(&value).unwrap();
                assert_eq!(json, format!("\"{}\"", value.name()));
            }
        }
        check::<Format>();
        check::<BasisChoice>();
        check::<RankMode>();
    }
}

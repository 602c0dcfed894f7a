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
    /// The annex as a Word document, for drafting the decision (needs -o FILE).
    Docx,
}

/// How a CSV is written, for the program that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvStyle {
    /// For programs: comma-separated, decimal point, no byte-order mark.
    #[default]
    Standard,
    /// For Excel on Windows: a byte-order mark so Vietnamese reads right; comma, decimal point.
    Excel,
    /// For Excel and LibreOffice in the Vietnamese locale: byte-order mark, `;` between fields,
    /// decimal comma.
    ExcelVi,
}

impl CsvStyle {
    pub fn delimiter(self) -> u8 {
        match self {
            CsvStyle::ExcelVi => b';',
            CsvStyle::Standard | CsvStyle::Excel => b',',
        }
    }

    pub fn decimal_comma(self) -> bool {
        self == CsvStyle::ExcelVi
    }
}

/// Options that change the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOptions {
    pub basis: BasisChoice,
    pub rank_mode: RankMode,
    pub format: Format,
    /// Absent in manifests of parindex 0.1.0 (which had `excel_bom`), read as standard.
    #[serde(default)]
    pub csv_style: CsvStyle,
    pub keep_going: bool,
    /// Rostered units without a form do not make the result incomplete (`--accept-missing`).
    /// Absent in manifests before rosters existed.
    #[serde(default)]
    pub accept_missing: bool,
    /// Scored on the forms alone, without the external components (`--preliminary`): every
    /// output says "tạm tính". Absent in manifests before external components existed.
    #[serde(default)]
    pub preliminary: bool,
}

impl Format {
    /// The format a file's extension names: .csv, .json, .xlsx, .docx, or .txt for the table.
    pub fn of_file(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "xlsx" => Some(Format::Xlsx),
            "docx" => Some(Format::Docx),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

impl Choice for Format {
    const ALL: &'static [Self] = &[
        Format::Table,
        Format::Csv,
        Format::Json,
        Format::Xlsx,
        Format::Docx,
    ];
    fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }
}

impl Choice for CsvStyle {
    const ALL: &'static [Self] = &[CsvStyle::Standard, CsvStyle::Excel, CsvStyle::ExcelVi];
    fn name(self) -> &'static str {
        match self {
            CsvStyle::Standard => "standard",
            CsvStyle::Excel => "excel",
            CsvStyle::ExcelVi => "excel-vi",
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
        check::<CsvStyle>();
        check::<BasisChoice>();
        check::<RankMode>();
    }
}

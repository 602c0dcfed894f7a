//! The scoring framework (bộ tiêu chí): areas → criteria → sub-criteria with maxima, the leaf
//! rules, the rating bands and how the published index is rounded.
//!
//! A `Framework` can only be built by [`Framework::load`] / [`Framework::from_toml`], which validate
//! it, so the rest of the program can rely on its invariants: codes are unique, every parent's
//! maximum is the sum of its children's, the areas sum to the declared total, and the bands cover
//! 0–100 without gaps or overlaps.

pub mod describe;
mod load;
pub mod rules;

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

pub use load::{FrameworkError, MAX_DECIMALS, MAX_POINTS, SourceProblem};

/// Administrative level of the units the framework scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Commune,
    District,
    Department,
    Province,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Commune => "commune",
            Level::District => "district",
            Level::Department => "department",
            Level::Province => "province",
        }
    }
}

/// How the published index is rounded. Official practice (and Excel's ROUND) is half away from
/// zero; it is applied once, to the final index only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    #[default]
    HalfAwayFromZero,
    HalfEven,
    Truncate,
}

impl Rounding {
    /// The name used in criteria files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::HalfAwayFromZero => "half-away-from-zero",
            Rounding::HalfEven => "half-even",
            Rounding::Truncate => "truncate",
        }
    }

    /// Rounds `value` to `decimals` places with this rule. The only place in the program where
    /// published figures are rounded.
    pub fn apply(self, value: Decimal, decimals: u32) -> Decimal {
        let strategy = match self {
            Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Truncate => RoundingStrategy::ToZero,
        };
        let mut rounded = value.round_dp_with_strategy(decimals, strategy);
        // Fix the scale so 90.9 prints as 90.90 everywhere.
        rounded.rescale(decimals);
        rounded
    }
}

/// Where a leaf's points come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Self-assessed by the unit, then appraised (tự đánh giá → thẩm định).
    #[default]
    Appraisal,
    /// Measured by the sociological survey (điều tra xã hội học), its points entered in the
    /// workbook's appraised-score column.
    Survey,
    /// Points from outside the form, given in the external file (`--external`): the leaves of
    /// an external component (survey tallies, the leadership's assessment). Set by the loader.
    External,
}

/// What a leaf marked not applicable (không phát sinh) counts for. Both conventions are real:
/// "89,5/100 số điểm có nhiệm vụ được giao" and "không có phản ánh … được tính 02 điểm".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotApplicable {
    /// Leaves both the points and the maximum (the maximum is reduced).
    LeaveOut,
    /// Awarded the maximum.
    FullPoints,
}

impl NotApplicable {
    /// The name used in criteria files and machine-readable outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            NotApplicable::LeaveOut => "leave-out",
            NotApplicable::FullPoints => "full-points",
        }
    }
}

/// Scoring rules of a leaf (a criterion or sub-criterion without children).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafRule {
    /// `Some` when the leaf may be marked not applicable, with what that counts for.
    pub not_applicable: Option<NotApplicable>,
    pub source: Source,
    /// A score must be a whole multiple of this, when set.
    pub step: Option<Decimal>,
    /// Points computed from facts entered in the form, instead of typed.
    pub rule: Option<rules::Rule>,
}

impl LeafRule {
    pub fn allows_not_applicable(&self) -> bool {
        self.not_applicable.is_some()
    }
}

/// An area, criterion or sub-criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub max: Decimal,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// `Some` exactly when the node has no children.
    pub leaf: Option<LeafRule>,
}

impl Node {
    pub fn is_area(&self) -> bool {
        self.parent.is_none()
    }
}

/// A rating band: from `from` % inclusive up to `below` % exclusive (the top band includes 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub from: Decimal,
    pub below: Option<Decimal>,
    pub label: String,
    pub label_en: String,
}

impl Band {
    /// The band's range as the decision prints it: "Rất tốt ≥ 90", "Tốt 80–<90".
    pub fn range_text(&self) -> String {
        match self.below {
            None => format!("{} ≥ {}", self.label, self.from),
            Some(below) => format!("{} {}–<{}", self.label, self.from, below),
        }
    }
}

/// The band a published index falls in, from bands sorted ascending by lower bound.
pub fn band_for(bands: &[Band], index: Decimal) -> &Band {
    bands
        .iter()
        .rev()
        .find(|band| index >= band.from)
        .unwrap_or(&bands[0])
}

/// A part of the index made of whole areas, shown with its own points and percentage: for
/// example implementation 65, survey 25 and leadership 10 (Huế 2025).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    /// Indices of its areas in `Framework::nodes`.
    pub areas: Vec<usize>,
    /// Its leaves' points come from the external file, not the form.
    pub external: bool,
    pub max: Decimal,
}

/// Whether an adjustment item adds or takes away points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AdjustmentKind {
    Bonus,
    Penalty,
}

/// An item of the bonus and penalty block (điểm thưởng, điểm trừ), entered on the form's facts
/// sheet as the points given (a penalty as the points taken away, a positive number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustmentItem {
    pub code: String,
    pub name: String,
    pub kind: AdjustmentKind,
    pub max: Decimal,
}

/// How the bonus and penalty enter the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndexFormula {
    /// Index = points ÷ applicable maximum × 100 + (bonus − penalty) × 100 ÷ total_max: may
    /// exceed 100 (by the bonus cap) and fall below the base.
    Added,
    /// Index = (points + bonus − penalty) ÷ (applicable maximum + bonus cap) × 100: at most 100.
    Rescaled,
}

/// The bonus and penalty block: items with their own maxima, a cap for each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    pub name: String,
    pub bonus_cap: Decimal,
    pub penalty_cap: Decimal,
    pub formula: IndexFormula,
    pub items: Vec<AdjustmentItem>,
}

/// What the rating bands are stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BandScale {
    /// The published index, in percent (the default).
    #[default]
    Percent,
    /// The published total points after bonus and penalty ("Xuất sắc ≥ 95 điểm").
    Points,
}

/// A validated scoring framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub level: Level,
    pub year: i32,
    pub total_max: Decimal,
    pub decimals: u32,
    pub rounding: Rounding,
    /// Who is scored, as the decision's annex names them ("UBND các xã, thị trấn").
    pub scored_units: Option<String>,
    /// Free text: legal basis, provenance. Shown to readers, not used in scoring.
    pub note: Option<String>,
    /// Depth-first: each area followed by its criteria and their sub-criteria, in file order.
    pub nodes: Vec<Node>,
    /// Ascending by lower bound.
    pub bands: Vec<Band>,
    pub band_scale: BandScale,
    /// Parts of the index made of whole areas; empty when the file declares none.
    pub components: Vec<Component>,
    pub adjustment: Option<Adjustment>,
    /// Weights of survey answers A, B, C, D in percent, for tallies in the external file.
    pub survey_weights: Option<[Decimal; 4]>,
    by_code: HashMap<String, usize>,
    /// See [`Framework::fingerprint`]; computed once, as every workbook read checks it.
    fingerprint: String,
}

impl Framework {
    pub fn node_index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// Indices of the areas, in order.
    pub fn areas(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.nodes.len()).filter(|&i| self.nodes[i].is_area())
    }

    /// Indices of the leaves, in order.
    pub fn leaves(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.nodes.len()).filter(|&i| self.nodes[i].leaf.is_some())
    }

    /// Whether any leaf's points come from the external file.
    pub fn has_external(&self) -> bool {
        self.components.iter().any(|c| c.external)
    }

    /// Whether the form needs its facts sheet: rule leaves or bonus and penalty items.
    pub fn has_facts(&self) -> bool {
        self.has_rules() || self.adjustment.is_some()
    }

    /// Whether any leaf's points are computed from facts in the form.
    pub fn has_rules(&self) -> bool {
        self.nodes
            .iter()
            .any(|n| n.leaf.as_ref().is_some_and(|l| l.rule.is_some()))
    }

    /// The band a published index falls in. Bands cover 0–100, so any index in range has one.
    pub fn band_for(&self, index: Decimal) -> &Band {
        band_for(&self.bands, index)
    }

    /// The title of the results annex: "Kết quả xác định Chỉ số cải cách hành chính năm 2022 của
    /// UBND các xã, thị trấn", or built from the index's name when the file does not say who is
    /// scored.
    pub fn annex_title(&self) -> String {
        match &self.scored_units {
            Some(units) => format!(
                "Kết quả xác định Chỉ số cải cách hành chính năm {} của {units}",
                self.year
            ),
            None => format!("Kết quả xác định {}", self.name),
        }
    }

    /// Identifies the framework's structure: a SHA-256 of every code and maximum, in order, shortened
    /// to 16 hex digits and prefixed with the id ("commune-2022:1a2b…"). Written into generated
    /// forms so a form made for another framework (or another year's) is recognised.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    fn compute_fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        for node in &self.nodes {
            hash.update(format!("{}\t{}\n", node.code, node.max.normalize()));
        }
        let digest = hash.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("{}:{hex}", self.id)
    }

    /// Rounds an index (or any published percentage) by the framework's rule.
    pub fn publish(&self, value: Decimal) -> Decimal {
        self.rounding.apply(value, self.decimals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn half_away_from_zero_is_not_bankers_rounding() {
        let r = Rounding::HalfAwayFromZero;
        assert_eq!(r.apply(dec!(90.925), 2), dec!(90.93));
        assert_eq!(r.apply(dec!(0.125), 2), dec!(0.13));
        assert_eq!(r.apply(dec!(-12.5), 0), dec!(-13));
        assert_eq!(r.apply(dec!(90.9210526), 2), dec!(90.92));
        assert_eq!(Rounding::HalfEven.apply(dec!(90.925), 2), dec!(90.92));
        assert_eq!(Rounding::Truncate.apply(dec!(90.929), 2), dec!(90.92));
    }

    /// Every form already handed out carries its framework's fingerprint, and a form whose
    /// fingerprint no longer matches is refused: changing how it is computed must be deliberate.
    #[test]
    fn fingerprints_of_the_bundled_frameworks_do_not_change() {
        let fingerprint = |text: &str| {
            Framework::from_toml(text, std::path::Path::new("bundled.toml"))
                .unwrap()
                .fingerprint()
                .to_string()
        };
        assert_eq!(
            fingerprint(include_str!("../../criteria/commune-2022.toml")),
            "commune-2022:a510036ce2302579"
        );
        assert_eq!(
            fingerprint(include_str!("../../criteria/commune-2021.toml")),
            "commune-2021:bf655197d462f152"
        );
    }

    #[test]
    fn published_figures_keep_their_scale() {
        assert_eq!(
            Rounding::HalfAwayFromZero.apply(dec!(90.9), 2).to_string(),
            "90.90"
        );
        assert_eq!(
            Rounding::HalfAwayFromZero.apply(dec!(100), 2).to_string(),
            "100.00"
        );
    }
}

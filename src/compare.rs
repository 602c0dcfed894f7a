//! Comparing two years' results: per unit, the index both years and its change in percentage
//! points, rank and band both years, and per-area changes for the areas both frameworks share.
//!
//! Units are matched by code, through the mapping file where codes changed. A unit formed by
//! merging several of last year's units is compared with their points-weighted combination (sum of
//! points ÷ sum of applicable maxima, published and rated by last year's rules), or marked "no
//! comparable predecessor", as the mapping file says. A unit that took part of a unit split among
//! several is compared with the whole of that unit, combined with its other predecessors the same
//! way (or not comparable), and marked split. Changes are differences of the *published* figures,
//! so they add up with what readers see: 90.92 − 83.25 = +7.67.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::framework::BandScale;
use crate::i18n::pick;
use crate::mapping::{Mapping, MergeRule};
use crate::results::{AdjustmentFigures, AreaFigure, Publication, ResultSet, UnitResult};
use crate::score::NodeScore;
use crate::t;
use crate::text::unit_key;

/// Why two result sets cannot be compared: every problem found.
#[derive(Debug, thiserror::Error)]
#[error("{}\n{}", t!("compare-cannot", previous = previous.display().to_string(), current = current.display().to_string()), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
pub struct CompareError {
    pub previous: PathBuf,
    pub current: PathBuf,
    pub problems: Vec<String>,
}

/// Which results a year's figures came from, and how it is labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearInfo {
    /// The year, or "năm trước" / "năm nay" (last year / this year) when the results do not say.
    pub label: String,
    pub year: Option<i32>,
    pub framework_id: Option<String>,
    pub source: PathBuf,
}

/// An area compared across the years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedArea {
    pub code: String,
    pub name: Option<String>,
    /// Last year's areas it is compared with (usually the same code).
    pub previous_codes: Vec<String>,
}

/// An area that exists in only one of the years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoneArea {
    /// Label of the year that has it.
    pub year: String,
    pub code: String,
    pub name: Option<String>,
}

/// What a unit is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Predecessor {
    /// No unit last year maps to it.
    New,
    /// Several units merged into it, or it took part of a split unit, and the mapping says not to
    /// compare (or every criterion of its predecessors was not applicable).
    NotComparable { codes: Vec<String> },
    /// One unit last year, with the same or another code (the whole of it when it was split).
    One(UnitResult),
    /// Several units merged into it (whole or split), combined points-weighted.
    Combined {
        codes: Vec<String>,
        total: NodeScore,
        index: Decimal,
        rating: String,
        rating_en: String,
    },
}

/// An area's published percentage both years and its change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AreaChange {
    pub previous: Option<Decimal>,
    pub current: Option<Decimal>,
    pub delta: Option<Decimal>,
}

/// A unit's bonus, penalty and final points this year, and last year's when both years have the
/// block and the unit has one predecessor (a combination of units is refused, see [`compare`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdjustmentChange {
    pub previous: Option<AdjustmentFigures>,
    pub current: AdjustmentFigures,
}

impl AdjustmentChange {
    /// Changes of the bonus, the penalty and the final points, in points.
    pub fn deltas(&self) -> Option<[Decimal; 3]> {
        let p = self.previous?;
        let c = self.current;
        Some([
            c.bonus.checked_sub(p.bonus)?,
            c.penalty.checked_sub(p.penalty)?,
            c.final_points.checked_sub(p.final_points)?,
        ])
    }
}

/// How a unit of one year relates to the other year's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The same code both years.
    Same,
    /// One unit of last year, under another code.
    Renamed,
    /// Several of last year's units, combined points-weighted.
    Merged,
    /// Several of last year's units, marked not comparable by the mapping.
    MergedNotComparable,
    /// Part of a unit of last year that was split among several units (with or without other
    /// predecessors): compared with the whole of each predecessor, combined points-weighted.
    Split,
    /// Part of a split unit, marked not comparable by the mapping.
    SplitNotComparable,
    /// No unit of last year.
    New,
    /// A unit of last year that no unit continues.
    Dropped,
}

impl Status {
    /// The stable name written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Renamed => "renamed",
            Status::Merged => "merged",
            Status::MergedNotComparable => "merged-not-comparable",
            Status::Split => "split",
            Status::SplitNotComparable => "split-not-comparable",
            Status::New => "new",
            Status::Dropped => "dropped",
        }
    }
}

/// One of this year's units against its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitComparison {
    pub current: UnitResult,
    pub predecessor: Predecessor,
    /// The predecessors (among those of `predecessor`) that were split among several units: this
    /// unit has only part of each. Empty for a unit that continues whole units only.
    pub split_from: Vec<String>,
    /// In the order of `Comparison::areas`.
    pub areas: Vec<AreaChange>,
    /// In the order of `Comparison::components`.
    pub components: Vec<AreaChange>,
    /// When this year has a bonus and penalty block.
    pub adjustment: Option<AdjustmentChange>,
    /// Some predecessor it is compared with was scored preliminary ("tạm tính").
    pub previous_preliminary: bool,
}

impl UnitComparison {
    /// A unit with a split predecessor is [`Split`](Status::Split) whatever its other
    /// predecessors are.
    pub fn status(&self) -> Status {
        let split = !self.split_from.is_empty();
        match &self.predecessor {
            Predecessor::New => Status::New,
            Predecessor::NotComparable { .. } if split => Status::SplitNotComparable,
            Predecessor::NotComparable { .. } => Status::MergedNotComparable,
            _ if split => Status::Split,
            Predecessor::One(unit) if unit_key(&unit.code) == unit_key(&self.current.code) => {
                Status::Same
            }
            Predecessor::One(_) => Status::Renamed,
            Predecessor::Combined { .. } => Status::Merged,
        }
    }

    /// Whether last year's unit `code` (one of [`predecessor_codes`](Self::predecessor_codes))
    /// was split, so that this unit has only part of it.
    pub fn is_split_from(&self, code: &str) -> bool {
        self.split_from.iter().any(|c| c == code)
    }

    /// Last year's unit codes this unit continues, in last year's rank order (split ones too).
    pub fn predecessor_codes(&self) -> Vec<&str> {
        match &self.predecessor {
            Predecessor::New => Vec::new(),
            Predecessor::One(unit) => vec![unit.code.as_str()],
            Predecessor::NotComparable { codes } | Predecessor::Combined { codes, .. } => {
                codes.iter().map(String::as_str).collect()
            }
        }
    }

    pub fn previous_index(&self) -> Option<Decimal> {
        match &self.predecessor {
            Predecessor::One(unit) => Some(unit.index),
            Predecessor::Combined { index, .. } => Some(*index),
            Predecessor::New | Predecessor::NotComparable { .. } => None,
        }
    }

    pub fn previous_rating(&self) -> Option<&str> {
        match &self.predecessor {
            Predecessor::One(unit) => Some(&unit.rating),
            Predecessor::Combined { rating, .. } => Some(rating),
            Predecessor::New | Predecessor::NotComparable { .. } => None,
        }
    }

    /// [`previous_rating`](Self::previous_rating) in the interface's language.
    pub fn previous_rating_shown(&self) -> Option<&str> {
        match &self.predecessor {
            Predecessor::One(unit) => Some(pick(&unit.rating, Some(&unit.rating_en))),
            Predecessor::Combined {
                rating, rating_en, ..
            } => Some(pick(rating, Some(rating_en))),
            Predecessor::New | Predecessor::NotComparable { .. } => None,
        }
    }

    /// Last year's rank; a combination of units had none, and a unit that took part of a split
    /// one is not the unit that was ranked.
    pub fn previous_rank(&self) -> Option<&UnitResult> {
        match &self.predecessor {
            Predecessor::One(unit) if self.split_from.is_empty() => Some(unit),
            _ => None,
        }
    }

    /// This year's index minus last year's, in percentage points.
    pub fn delta(&self) -> Option<Decimal> {
        self.previous_index()
            .and_then(|p| self.current.index.checked_sub(p))
    }

    /// Places gained (positive) or lost (negative).
    pub fn rank_change(&self) -> Option<i64> {
        self.previous_rank()
            .map(|p| i64::from(p.rank) - i64::from(self.current.rank))
    }

    /// "↑2", "↓1" or "=".
    pub fn rank_change_label(&self) -> Option<String> {
        self.rank_change().map(|change| match change {
            0 => "=".to_string(),
            up if up > 0 => format!("↑{up}"),
            down => format!("↓{}", -down),
        })
    }

    /// "Tốt → Rất tốt", or "=" when the band is the same.
    pub fn band_change_label(&self) -> Option<String> {
        self.previous_rating().map(|previous| {
            if previous == self.current.rating {
                "=".to_string()
            } else {
                format!("{previous} → {}", self.current.rating)
            }
        })
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub previous: YearInfo,
    pub current: YearInfo,
    /// Who is scored ("UBND các xã, thị trấn"), when the current results say.
    pub scored_units: Option<String>,
    pub merge_rule: MergeRule,
    pub areas: Vec<ComparedArea>,
    pub not_comparable: Vec<LoneArea>,
    /// The components (groups of whole areas) both years have, by code.
    pub components: Vec<ComparedArea>,
    /// Components of only one year.
    pub lone_components: Vec<LoneArea>,
    /// Whether this year's index has a bonus and penalty block, and whether last year's has.
    pub adjustment: (bool, bool),
    /// The labels of the years with preliminary results ("tạm tính": some unit scored without
    /// its external components), last year first. Never silent: every format says so.
    pub preliminary: Vec<String>,
    /// This year's units, in this year's rank order.
    pub units: Vec<UnitComparison>,
    /// Last year's units that no unit this year continues, in last year's rank order.
    pub dropped: Vec<UnitResult>,
}

/// Compares this year's results with last year's through the mapping.
pub fn compare(
    previous: &ResultSet,
    current: &ResultSet,
    mapping: &Mapping,
    mapping_file: Option<&std::path::Path>,
) -> Result<Comparison, CompareError> {
    let mut problems = check_mapping(previous, current, mapping, mapping_file);
    // Units are matched by key (case, spaces and normal form do not matter).
    let mapped: BTreeMap<String, Vec<String>> = mapping
        .units
        .iter()
        .map(|(from, to)| {
            (
                unit_key(from),
                to.codes().iter().map(|c| unit_key(c)).collect(),
            )
        })
        .collect();
    let split: HashSet<String> = mapping
        .units
        .iter()
        .filter(|(_, to)| to.is_split())
        .map(|(from, _)| unit_key(from))
        .collect();
    let current_units: HashSet<String> = current.units.iter().map(|u| unit_key(&u.code)).collect();
    // This year's units a unit of last year continues in: none when it was dropped.
    let successors = |code: &str| -> Vec<String> {
        let key = unit_key(code);
        match mapped.get(&key) {
            Some(targets) => targets.clone(),
            None if current_units.contains(&key) => vec![key],
            None => Vec::new(),
        }
    };
    let area_successor = |code: &str| -> Option<String> {
        match mapping.areas.get(code) {
            Some(target) => Some(target.clone()),
            None => current
                .areas
                .iter()
                .any(|a| a.code == code)
                .then(|| code.to_string()),
        }
    };

    // Areas: this year's, each with the areas of last year that map to it.
    let mut previous_areas_of: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut not_comparable = Vec::new();
    for (i, area) in previous.areas.iter().enumerate() {
        match area_successor(&area.code) {
            Some(target) => previous_areas_of.entry(target).or_default().push(i),
            None => not_comparable.push(LoneArea {
                year: year_label(previous, &t!("compare-previous-year")),
                code: area.code.clone(),
                name: area.name.clone(),
            }),
        }
    }
    let mut areas = Vec::new();
    let mut area_sources = Vec::new();
    for (i, area) in current.areas.iter().enumerate() {
        match previous_areas_of.get(&area.code) {
            Some(sources) => {
                areas.push(ComparedArea {
                    code: area.code.clone(),
                    name: area.name.clone(),
                    previous_codes: sources
                        .iter()
                        .map(|&s| previous.areas[s].code.clone())
                        .collect(),
                });
                area_sources.push((i, sources.clone()));
            }
            None => not_comparable.push(LoneArea {
                year: year_label(current, &t!("compare-current-year")),
                code: area.code.clone(),
                name: area.name.clone(),
            }),
        }
    }

    // Components: matched by code; one of only one year is listed like a lone area.
    let mut components = Vec::new();
    let mut component_sources = Vec::new();
    let mut lone_components = Vec::new();
    for (i, component) in current.components.iter().enumerate() {
        match previous
            .components
            .iter()
            .position(|c| c.code == component.code)
        {
            Some(source) => {
                components.push(ComparedArea {
                    code: component.code.clone(),
                    name: component.name.clone(),
                    previous_codes: vec![component.code.clone()],
                });
                component_sources.push((i, vec![source]));
            }
            None => lone_components.push(LoneArea {
                year: year_label(current, &t!("compare-current-year")),
                code: component.code.clone(),
                name: component.name.clone(),
            }),
        }
    }
    for component in &previous.components {
        if !current.components.iter().any(|c| c.code == component.code) {
            lone_components.push(LoneArea {
                year: year_label(previous, &t!("compare-previous-year")),
                code: component.code.clone(),
                name: component.name.clone(),
            });
        }
    }

    let mut predecessors_of: BTreeMap<String, Vec<&UnitResult>> = BTreeMap::new();
    let mut dropped = Vec::new();
    for unit in &previous.units {
        let targets = successors(&unit.code);
        if targets.is_empty() {
            dropped.push(unit.clone());
        }
        for target in targets {
            predecessors_of.entry(target).or_default().push(unit);
        }
    }

    let merging = predecessors_of.values().any(|p| p.len() > 1);
    let combining = (merging && mapping.merged == MergeRule::PointsWeighted)
        || area_sources.iter().any(|(_, s)| s.len() > 1);
    if combining && previous.publication.is_none() {
        problems.push(t!(
            "compare-needs-publication",
            source = previous.source.display().to_string()
        ));
    }
    // A combination of units has no bonus and penalty of its own to add to its points, nor total
    // points to rate on a points scale: its index and band could not be the year's rules'.
    let combining_units = merging && mapping.merged == MergeRule::PointsWeighted;
    let points_bands = previous
        .publication
        .as_ref()
        .is_some_and(|p| p.band_scale == BandScale::Points);
    if combining_units && (previous.adjustment || points_bands) {
        problems.push(t!(
            "compare-cannot-combine-adjusted",
            source = previous.source.display().to_string()
        ));
    }
    if !problems.is_empty() {
        return Err(CompareError {
            previous: previous.source.clone(),
            current: current.source.clone(),
            problems,
        });
    }

    let units = current
        .units
        .iter()
        .map(|unit| {
            let predecessors = predecessors_of
                .get(&unit_key(&unit.code))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let split_from: Vec<String> = predecessors
                .iter()
                .filter(|p| split.contains(&unit_key(&p.code)))
                .map(|p| p.code.clone())
                .collect();
            let predecessor = match predecessors {
                [] => Predecessor::New,
                // Part of one split unit: compared with the whole of it, unless the mapping says
                // a unit whose territory changed is not comparable.
                [one] if !split_from.is_empty() && mapping.merged == MergeRule::NotComparable => {
                    Predecessor::NotComparable {
                        codes: vec![one.code.clone()],
                    }
                }
                [one] => Predecessor::One((*one).clone()),
                several => {
                    let codes = several.iter().map(|u| u.code.clone()).collect();
                    match (mapping.merged, &previous.publication) {
                        (MergeRule::PointsWeighted, Some(publication)) => {
                            combined(codes, several, publication)
                        }
                        _ => Predecessor::NotComparable { codes },
                    }
                }
            };
            let comparable = !matches!(
                predecessor,
                Predecessor::New | Predecessor::NotComparable { .. }
            );
            let change = |now: &[AreaFigure],
                          before: fn(&UnitResult) -> &[AreaFigure],
                          (index, sources): &(usize, Vec<usize>)| {
                let now = now[*index].percent;
                let before = comparable
                    .then(|| {
                        let figures: Vec<AreaFigure> = predecessors
                            .iter()
                            .flat_map(|p| sources.iter().map(|&s| before(p)[s]))
                            .collect();
                        previous_percent(&figures, previous.publication.as_ref())
                    })
                    .flatten();
                AreaChange {
                    previous: before,
                    current: now,
                    delta: before.zip(now).and_then(|(b, n)| n.checked_sub(b)),
                }
            };
            let changes = area_sources
                .iter()
                .map(|sources| change(&unit.areas, |p| &p.areas, sources))
                .collect();
            let component_changes = component_sources
                .iter()
                .map(|sources| change(&unit.components, |p| &p.components, sources))
                .collect();
            let adjustment = unit.adjustment.map(|current| AdjustmentChange {
                previous: match &predecessor {
                    Predecessor::One(p) => p.adjustment,
                    _ => None,
                },
                current,
            });
            UnitComparison {
                current: unit.clone(),
                predecessor,
                split_from,
                areas: changes,
                components: component_changes,
                adjustment,
                previous_preliminary: comparable && predecessors.iter().any(|p| p.preliminary),
            }
        })
        .collect();
    let preliminary = [
        (previous, t!("compare-previous-year")),
        (current, t!("compare-current-year")),
    ]
    .into_iter()
    .filter(|(set, _)| set.units.iter().any(|u| u.preliminary))
    .map(|(set, fallback)| year_label(set, &fallback))
    .collect();

    Ok(Comparison {
        previous: year_info(previous, &t!("compare-previous-year")),
        current: year_info(current, &t!("compare-current-year")),
        scored_units: current.scored_units.clone(),
        merge_rule: mapping.merged,
        areas,
        not_comparable,
        components,
        lone_components,
        adjustment: (current.adjustment, previous.adjustment),
        preliminary,
        units,
        dropped,
    })
}

/// Every code the mapping names must exist in the year it belongs to.
fn check_mapping(
    previous: &ResultSet,
    current: &ResultSet,
    mapping: &Mapping,
    mapping_file: Option<&std::path::Path>,
) -> Vec<String> {
    let file = mapping_file.map_or_else(String::new, |f| f.display().to_string());
    let mut problems = Vec::new();
    let mut listed = BTreeMap::new();
    for from in mapping.units.keys() {
        if let Some(first) = listed.insert(unit_key(from), from) {
            problems.push(t!(
                "compare-mapping-twice",
                file = &file,
                first = first.as_str(),
                second = from.as_str()
            ));
        }
    }
    // A split unit's list: not empty, each unit of this year once.
    for (from, to) in &mapping.units {
        if to.codes().is_empty() {
            problems.push(t!(
                "compare-mapping-empty-list",
                file = &file,
                key = from.as_str()
            ));
        }
        let mut seen = BTreeMap::new();
        for code in to.codes() {
            if let Some(first) = seen.insert(unit_key(code), code) {
                problems.push(t!(
                    "compare-mapping-list-twice",
                    file = &file,
                    key = from.as_str(),
                    first = first.as_str(),
                    second = code.as_str()
                ));
            }
        }
    }
    let mut check = |table: &str, key: &str, code: &str, known: bool, year: &ResultSet| {
        if !known {
            let source = year.source.display().to_string();
            problems.push(if table == "units" {
                t!(
                    "compare-mapping-no-unit",
                    file = &file,
                    key = key,
                    code = code,
                    source = source
                )
            } else {
                t!(
                    "compare-mapping-no-area",
                    file = &file,
                    key = key,
                    code = code,
                    source = source
                )
            });
        }
    };
    for (from, to) in &mapping.units {
        let known = |set: &ResultSet, code: &str| {
            let key = unit_key(code);
            set.units.iter().any(|u| unit_key(&u.code) == key)
        };
        check("units", from, from, known(previous, from), previous);
        for code in to.codes() {
            check("units", from, code, known(current, code), current);
        }
    }
    for (from, to) in &mapping.areas {
        let known = |set: &ResultSet, code: &str| set.areas.iter().any(|a| a.code == code);
        check("areas", from, from, known(previous, from), previous);
        check("areas", from, to, known(current, to), current);
    }
    problems
}

fn combined(codes: Vec<String>, units: &[&UnitResult], publication: &Publication) -> Predecessor {
    // Results files are range-checked as they are read, so the sum is far from overflowing.
    let total = units
        .iter()
        .try_fold(NodeScore::default(), |sum, u| sum.plus(u.total));
    match total.and_then(|total| Some((total, publication.publish(total)?))) {
        Some((total, (index, band))) => Predecessor::Combined {
            codes,
            total,
            index,
            rating: band.label.clone(),
            rating_en: band.label_en.clone(),
        },
        // Every predecessor criterion was not applicable: nothing to compare with.
        None => Predecessor::NotComparable { codes },
    }
}

/// Last year's figure for an area: as published when it is one unit's one area, else the
/// points-weighted combination published by last year's rule.
fn previous_percent(figures: &[AreaFigure], publication: Option<&Publication>) -> Option<Decimal> {
    match figures {
        [one] => one.percent,
        several => {
            let total = several
                .iter()
                .try_fold(NodeScore::default(), |sum, f| sum.plus(f.score))?;
            publication?.publish(total).map(|(percent, _)| percent)
        }
    }
}

fn year_label(set: &ResultSet, fallback: &str) -> String {
    set.year
        .map_or_else(|| fallback.to_string(), |y| y.to_string())
}

fn year_info(set: &ResultSet, fallback: &str) -> YearInfo {
    YearInfo {
        label: year_label(set, fallback),
        year: set.year,
        framework_id: set.framework_id.clone(),
        source: set.source.clone(),
    }
}

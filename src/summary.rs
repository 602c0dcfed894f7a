//! The summary of a result, as decisions publish it beside the ranking: how many units fall in
//! each band and what share of all units that is (TT | Xếp loại | Số lượng | Tỷ lệ %), units that
//! did not submit counted too; the mean, median, lowest and highest index; the mean per area.
//!
//! Every figure is computed from the published (rounded) figures the reader sees, exactly, and
//! rounded once by the framework's rule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::rank::Ranked;
use crate::score::percent;

/// The number and share of units in one band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandCount {
    pub label: String,
    pub label_en: String,
    pub from: Decimal,
    pub below: Option<Decimal>,
    pub count: usize,
    /// Of all units, those that did not submit included.
    pub percent: Decimal,
}

/// Mean, median, lowest and highest of the published indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    pub mean: Decimal,
    pub median: Decimal,
    pub min: Decimal,
    pub max: Decimal,
}

/// The mean of a group of points (an area) over the units where it applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMean {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    /// Mean of the units' published percentages; `None` when it applied to no unit.
    pub mean_percent: Option<Decimal>,
    /// Units where it applied.
    pub units: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Units counted: those ranked and those that did not submit.
    pub units: usize,
    /// Best band first.
    pub bands: Vec<BandCount>,
    pub not_submitted: usize,
    pub not_submitted_percent: Decimal,
    /// Of the ranked units (there is at least one).
    pub index: Spread,
    pub areas: Vec<GroupMean>,
}

impl Summary {
    /// The summary of ranked units (at least one) and `not_submitted` more.
    pub fn of(framework: &Framework, ranked: &[Ranked], not_submitted: usize) -> Summary {
        let units = ranked.len() + not_submitted;
        let share = |count: usize| {
            framework.publish(Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(units))
        };
        let bands = framework
            .bands
            .iter()
            .enumerate()
            .rev()
            .map(|(band, b)| {
                let count = ranked.iter().filter(|r| r.unit.band == band).count();
                BandCount {
                    label: b.label.clone(),
                    label_en: b.label_en.clone(),
                    from: b.from,
                    below: b.below,
                    count,
                    percent: share(count),
                }
            })
            .collect();
        let mean = |values: &[Decimal]| {
            let sum: Decimal = values.iter().sum();
            framework.publish(sum / Decimal::from(values.len()))
        };
        // Ranked best first: the indexes are in descending order.
        let indexes: Vec<Decimal> = ranked.iter().map(|r| r.unit.index).collect();
        let middle = indexes.len() / 2;
        let median = if indexes.len() % 2 == 1 {
            indexes[middle]
        } else {
            mean(&indexes[middle - 1..=middle])
        };
        let index = Spread {
            mean: mean(&indexes),
            median,
            min: indexes[indexes.len() - 1],
            max: indexes[0],
        };
        let areas = framework
            .areas()
            .map(|area| {
                let node = &framework.nodes[area];
                let percents: Vec<Decimal> = ranked
                    .iter()
                    .filter_map(|r| percent(r.unit.nodes[area]).map(|p| framework.publish(p)))
                    .collect();
                GroupMean {
                    code: node.code.clone(),
                    name: node.name.clone(),
                    name_en: node.name_en.clone(),
                    mean_percent: (!percents.is_empty()).then(|| mean(&percents)),
                    units: percents.len(),
                }
            })
            .collect();
        Summary {
            units,
            bands,
            not_submitted,
            not_submitted_percent: share(not_submitted),
            index,
            areas,
        }
    }
}

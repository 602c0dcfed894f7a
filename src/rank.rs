//! Ranking units on their published index.
//!
//! Units with the same published index share a rank and are marked tied ("2="). Tied units are
//! listed by unit code (byte order), so the order never depends on file names or input order.

use serde::{Deserialize, Serialize};

use crate::score::UnitScore;

/// How ranks follow a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankMode {
    /// Standard competition ranking: 1, 2, 2, 4.
    #[default]
    Competition,
    /// Dense ranking: 1, 2, 2, 3.
    Dense,
}

/// A unit with its rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub rank: u32,
    pub tied: bool,
    pub unit: UnitScore,
}

impl Ranked {
    /// The rank as printed: "2=" when tied.
    pub fn label(&self) -> String {
        if self.tied {
            format!("{}=", self.rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// Orders units best first and gives each its rank.
pub fn rank(mut units: Vec<UnitScore>, mode: RankMode) -> Vec<Ranked> {
    units.sort_by(|a, b| {
        b.index
            .cmp(&a.index)
            .then_with(|| a.unit_code.cmp(&b.unit_code))
    });
    let mut ranked: Vec<Ranked> = Vec::with_capacity(units.len());
    let mut distinct = 0;
    for (position, unit) in units.into_iter().enumerate() {
        let rank = match ranked.last() {
            Some(previous) if previous.unit.index == unit.index => previous.rank,
            _ => {
                distinct += 1;
                match mode {
                    RankMode::Competition => position as u32 + 1,
                    RankMode::Dense => distinct,
                }
            }
        };
        ranked.push(Ranked {
            rank,
            tied: false,
            unit,
        });
    }
    for i in 0..ranked.len() {
        let same = |j: usize| ranked.get(j).is_some_and(|r| r.rank == ranked[i].rank);
        ranked[i].tied = (i > 0 && same(i - 1)) || same(i + 1);
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Basis, NodeScore};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn unit(code: &str, index: &str) -> UnitScore {
        UnitScore {
            file: code.into(),
            unit_code: code.into(),
            unit_name: code.into(),
            basis: Basis::Appraised,
            nodes: Vec::new(),
            total: NodeScore::default(),
            index_exact: Decimal::from_str(index).unwrap(),
            index: Decimal::from_str(index).unwrap(),
            band: 0,
            components: Vec::new(),
            bonus: Decimal::ZERO,
            penalty: Decimal::ZERO,
            final_points: Decimal::ZERO,
            preliminary: false,
        }
    }

    fn labels(mode: RankMode) -> Vec<(String, String)> {
        let units = vec![
            unit("D", "80.00"),
            unit("C", "85.50"),
            unit("A", "90.92"),
            unit("B", "85.50"),
            unit("E", "70.10"),
        ];
        rank(units, mode)
            .into_iter()
            .map(|r| (r.label(), r.unit.unit_code))
            .collect()
    }

    #[test]
    fn competition_ranking_skips_after_a_tie_and_orders_ties_by_code() {
        let expected = [("1", "A"), ("2=", "B"), ("2=", "C"), ("4", "D"), ("5", "E")];
        let got = labels(RankMode::Competition);
        assert_eq!(got, expected.map(|(r, c)| (r.to_string(), c.to_string())));
    }

    #[test]
    fn dense_ranking_does_not_skip() {
        let expected = [("1", "A"), ("2=", "B"), ("2=", "C"), ("3", "D"), ("4", "E")];
        assert_eq!(
            labels(RankMode::Dense),
            expected.map(|(r, c)| (r.to_string(), c.to_string()))
        );
    }
}

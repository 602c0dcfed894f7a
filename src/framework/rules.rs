//! Rule-based leaves: points computed from facts the unit enters in its form (a named level, a
//! measured value, counts of dossiers) instead of points typed by hand.
//!
//! Three kinds, as provincial frameworks write them:
//! - *choice*: "Ban hành kịp thời: 1 | không kịp thời: 0,5 | không ban hành: 0";
//! - *thresholds* on a value or on a ratio of counts, each band with explicit inclusive or
//!   exclusive bounds: "trên 90 %: 2 | từ 70 % đến 90 %: 1 | dưới 70 %: 0";
//! - *proportional*: ratio × maximum, rounded to the leaf's step by a stated rule.
//!
//! Everything here is exact decimal arithmetic; a ratio is never rounded before it is compared
//! with a band or multiplied.

use rust_decimal::Decimal;

use super::Rounding;

/// A fact the unit enters for a rule leaf: a count, a measured value or its choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Identifies the fact in the form's measured-values sheet ("tiep_nhan").
    pub key: String,
    /// As the form prints it ("Số hồ sơ tiếp nhận").
    pub label: String,
    /// As `explain` prints it beside the number ("hồ sơ", "trước hạn").
    pub short: String,
}

/// Counts whose ratio a rule uses: counted parts ÷ whole × 100.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio {
    pub whole: Measure,
    /// Every part is a count of some of the whole; together they never exceed it.
    pub parts: Vec<Measure>,
    /// Indices into `parts` of those that count towards the ratio.
    pub counted: Vec<usize>,
}

/// What a thresholds rule compares with its bands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleInput {
    /// A value the unit enters (a percentage of the plan carried out, say): non-negative.
    Value(Measure),
    /// A ratio of counts, in percent.
    Ratio(Ratio),
}

/// One end of a points band: a value, included or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// Points for the values between two bounds; the top band has no upper bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointBand {
    pub lower: Bound,
    pub upper: Option<Bound>,
    pub points: Decimal,
}

impl PointBand {
    pub fn contains(&self, value: Decimal) -> bool {
        let above_lower = if self.lower.inclusive {
            value >= self.lower.value
        } else {
            value > self.lower.value
        };
        let below_upper = match self.upper {
            None => true,
            Some(Bound {
                value: upper,
                inclusive: true,
            }) => value <= upper,
            Some(Bound {
                value: upper,
                inclusive: false,
            }) => value < upper,
        };
        above_lower && below_upper
    }

    /// The band's range as written in the decision: "≥ 100", "> 90", "70–90", "0–<70", "> 90–<95".
    pub fn range_text(&self) -> String {
        let lower = |b: Bound| {
            let value = b.value.normalize();
            if b.inclusive {
                format!("{value}")
            } else {
                format!("> {value}")
            }
        };
        match self.upper {
            None if self.lower.inclusive => format!("≥ {}", self.lower.value.normalize()),
            None => format!("> {}", self.lower.value.normalize()),
            Some(upper) => {
                let mark = if upper.inclusive { "" } else { "<" };
                format!("{}–{mark}{}", lower(self.lower), upper.value.normalize())
            }
        }
    }
}

/// A named level of a choice rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub name: String,
    pub points: Decimal,
}

/// How a rule leaf's points are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Choice {
        /// The fact: which option applies.
        measure: Measure,
        options: Vec<ChoiceOption>,
    },
    Thresholds {
        input: RuleInput,
        /// Ascending, covering every non-negative value exactly once.
        bands: Vec<PointBand>,
    },
    Proportional {
        ratio: Ratio,
        /// How ratio × maximum is brought to a multiple of the leaf's step.
        rounding: Rounding,
    },
}

impl Rule {
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Choice { .. } => "choice",
            Rule::Thresholds { .. } => "thresholds",
            Rule::Proportional { .. } => "proportional",
        }
    }

    /// The facts the unit enters, in the order the form lists them.
    pub fn measures(&self) -> Vec<&Measure> {
        match self {
            Rule::Choice { measure, .. } => vec![measure],
            Rule::Thresholds {
                input: RuleInput::Value(measure),
                ..
            } => vec![measure],
            Rule::Thresholds {
                input: RuleInput::Ratio(ratio),
                ..
            }
            | Rule::Proportional { ratio, .. } => ratio.measures(),
        }
    }
}

impl Ratio {
    /// The whole first, then the parts.
    pub fn measures(&self) -> Vec<&Measure> {
        std::iter::once(&self.whole).chain(&self.parts).collect()
    }
}

/// The facts entered for a rule, in the order of [`Rule::measures`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A count or measured value, already checked to be non-negative (and whole for counts).
    Number(Decimal),
    /// The index of the chosen option.
    Choice(usize),
}

/// The points a rule gives, with what they were computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Points {
        points: Decimal,
        /// The value compared or multiplied: the ratio in percent, or the value entered.
        value: Option<Decimal>,
        /// Index of the points band that applied (thresholds).
        band: Option<usize>,
    },
    /// The whole is zero: nothing arose (không phát sinh).
    NothingArose,
}

/// Why a rule's facts give no points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// The counted and other parts add up to more than the whole: (sum of parts, whole).
    PartsExceedWhole { parts: Decimal, whole: Decimal },
    /// A product or quotient beyond what can be held exactly (far beyond any real count).
    TooLarge,
}

impl Rule {
    /// Computes the points from `facts` (as many as [`Rule::measures`], checked by the reader).
    pub fn evaluate(
        &self,
        facts: &[Fact],
        max: Decimal,
        step: Option<Decimal>,
    ) -> Result<Outcome, RuleError> {
        let number = |i: usize| match facts.get(i) {
            Some(Fact::Number(n)) => *n,
            _ => Decimal::ZERO,
        };
        match self {
            Rule::Choice { options, .. } => {
                let chosen = match facts.first() {
                    Some(Fact::Choice(i)) => *i,
                    _ => 0,
                };
                let points = options.get(chosen).map_or(Decimal::ZERO, |o| o.points);
                Ok(Outcome::Points {
                    points,
                    value: None,
                    band: None,
                })
            }
            Rule::Thresholds { input, bands } => {
                let value = match input {
                    RuleInput::Value(_) => number(0),
                    RuleInput::Ratio(ratio) => match ratio_percent(ratio, &number)? {
                        Some(value) => value,
                        None => return Ok(Outcome::NothingArose),
                    },
                };
                let band = bands.iter().position(|b| b.contains(value));
                Ok(Outcome::Points {
                    points: band.map_or(Decimal::ZERO, |b| bands[b].points),
                    value: Some(value),
                    band,
                })
            }
            Rule::Proportional { ratio, rounding } => {
                let Some(value) = ratio_percent(ratio, &number)? else {
                    return Ok(Outcome::NothingArose);
                };
                // One division each, so a ratio like 29/30 gives exactly 2.9 of 3 points.
                let counted = counted_sum(ratio, &number)?;
                let whole = number(0);
                let product = counted.checked_mul(max).ok_or(RuleError::TooLarge)?;
                let points = match step {
                    Some(step) => {
                        let steps = whole
                            .checked_mul(step)
                            .and_then(|divisor| product.checked_div(divisor))
                            .ok_or(RuleError::TooLarge)?;
                        rounding
                            .apply(steps, 0)
                            .checked_mul(step)
                            .ok_or(RuleError::TooLarge)?
                    }
                    None => product.checked_div(whole).ok_or(RuleError::TooLarge)?,
                };
                Ok(Outcome::Points {
                    points: points.normalize(),
                    value: Some(value),
                    band: None,
                })
            }
        }
    }
}

/// The sum of the counted parts.
fn counted_sum(ratio: &Ratio, number: &dyn Fn(usize) -> Decimal) -> Result<Decimal, RuleError> {
    ratio
        .counted
        .iter()
        .try_fold(Decimal::ZERO, |sum, &i| sum.checked_add(number(i + 1)))
        .ok_or(RuleError::TooLarge)
}

/// Counted parts ÷ whole × 100, exact; `None` when the whole is zero.
fn ratio_percent(
    ratio: &Ratio,
    number: &dyn Fn(usize) -> Decimal,
) -> Result<Option<Decimal>, RuleError> {
    let whole = number(0);
    let sum = |indices: Vec<usize>| {
        indices
            .into_iter()
            .try_fold(Decimal::ZERO, |sum, i| sum.checked_add(number(i + 1)))
            .ok_or(RuleError::TooLarge)
    };
    let parts = sum((0..ratio.parts.len()).collect())?;
    if parts > whole {
        return Err(RuleError::PartsExceedWhole { parts, whole });
    }
    if whole.is_zero() {
        return Ok(None);
    }
    counted_sum(ratio, number)?
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.checked_div(whole))
        .map(Some)
        .ok_or(RuleError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn measure(key: &str) -> Measure {
        Measure {
            key: key.into(),
            label: key.into(),
            short: key.into(),
        }
    }

    fn dossiers() -> Ratio {
        Ratio {
            whole: measure("received"),
            parts: vec![measure("early"), measure("on_time"), measure("late")],
            counted: vec![0, 1],
        }
    }

    fn band(
        lower: Decimal,
        lower_in: bool,
        upper: Option<(Decimal, bool)>,
        points: Decimal,
    ) -> PointBand {
        PointBand {
            lower: Bound {
                value: lower,
                inclusive: lower_in,
            },
            upper: upper.map(|(value, inclusive)| Bound { value, inclusive }),
            points,
        }
    }

    fn numbers(values: &[Decimal]) -> Vec<Fact> {
        values.iter().map(|&v| Fact::Number(v)).collect()
    }

    /// "Trên 90 %: 2 | từ 70 % đến 90 %: 1 | dưới 70 %: 0": exactly 90 % is in the middle band.
    #[test]
    fn thresholds_honour_inclusive_and_exclusive_edges() {
        let rule = Rule::Thresholds {
            input: RuleInput::Value(measure("plan")),
            bands: vec![
                band(dec!(0), true, Some((dec!(70), false)), dec!(0)),
                band(dec!(70), true, Some((dec!(90), true)), dec!(1)),
                band(dec!(90), false, None, dec!(2)),
            ],
        };
        let points = |v: Decimal| match rule.evaluate(&numbers(&[v]), dec!(2), None).unwrap() {
            Outcome::Points { points, .. } => points,
            other => panic!("{other:?}"),
        };
        assert_eq!(points(dec!(90)), dec!(1));
        assert_eq!(points(dec!(90.0001)), dec!(2));
        assert_eq!(points(dec!(70)), dec!(1));
        assert_eq!(points(dec!(69.99)), dec!(0));
        assert_eq!(points(dec!(0)), dec!(0));
        assert_eq!(points(dec!(250)), dec!(2));
    }

    /// An Mỹ 2022: 3,517 received, 3,494 early + 23 on time = 100 %.
    #[test]
    fn ratio_of_counted_parts() {
        let rule = Rule::Thresholds {
            input: RuleInput::Ratio(dossiers()),
            bands: vec![
                band(dec!(0), true, Some((dec!(95), false)), dec!(0)),
                band(dec!(95), true, Some((dec!(100), false)), dec!(1)),
                band(dec!(100), true, None, dec!(2)),
            ],
        };
        let outcome = rule
            .evaluate(
                &numbers(&[dec!(3517), dec!(3494), dec!(23), dec!(0)]),
                dec!(2),
                None,
            )
            .unwrap();
        assert_eq!(
            outcome,
            Outcome::Points {
                points: dec!(2),
                value: Some(dec!(100)),
                band: Some(2)
            }
        );
        // 3,000 of 3,200 on time or early = 93.75 % → 0.
        let outcome = rule
            .evaluate(
                &numbers(&[dec!(3200), dec!(2000), dec!(1000), dec!(200)]),
                dec!(2),
                None,
            )
            .unwrap();
        assert!(matches!(outcome, Outcome::Points { points, .. } if points == dec!(0)));
    }

    #[test]
    fn a_zero_whole_means_nothing_arose_and_parts_may_not_exceed_it() {
        let rule = Rule::Proportional {
            ratio: dossiers(),
            rounding: Rounding::Truncate,
        };
        let zero = numbers(&[dec!(0), dec!(0), dec!(0), dec!(0)]);
        assert_eq!(
            rule.evaluate(&zero, dec!(3), None),
            Ok(Outcome::NothingArose)
        );
        let over = numbers(&[dec!(10), dec!(8), dec!(2), dec!(1)]);
        assert_eq!(
            rule.evaluate(&over, dec!(3), None),
            Err(RuleError::PartsExceedWhole {
                parts: dec!(11),
                whole: dec!(10)
            })
        );
    }

    /// 29 of 30 = 96.666…% × 3 = 2.9 points: down to 2.75 on a 0.25 step, 3 rounded half away
    /// from zero; 2.9 exactly without a step.
    #[test]
    fn proportional_points_fall_between_steps() {
        let facts = numbers(&[dec!(30), dec!(20), dec!(9), dec!(1)]);
        let points = |rounding, step| match (Rule::Proportional {
            ratio: dossiers(),
            rounding,
        })
        .evaluate(&facts, dec!(3), step)
        .unwrap()
        {
            Outcome::Points { points, .. } => points,
            other => panic!("{other:?}"),
        };
        assert_eq!(points(Rounding::Truncate, Some(dec!(0.25))), dec!(2.75));
        assert_eq!(
            points(Rounding::HalfAwayFromZero, Some(dec!(0.25))),
            dec!(3)
        );
        assert_eq!(points(Rounding::Truncate, None), dec!(2.9));
        assert_eq!(points(Rounding::HalfAwayFromZero, Some(dec!(0.5))), dec!(3));
    }

    #[test]
    fn choice_gives_the_chosen_options_points() {
        let rule = Rule::Choice {
            measure: measure("level"),
            options: vec![
                ChoiceOption {
                    name: "Ban hành kịp thời".into(),
                    points: dec!(1),
                },
                ChoiceOption {
                    name: "Ban hành không kịp thời".into(),
                    points: dec!(0.5),
                },
            ],
        };
        assert_eq!(
            rule.evaluate(&[Fact::Choice(1)], dec!(1), None),
            Ok(Outcome::Points {
                points: dec!(0.5),
                value: None,
                band: None
            })
        );
    }

    #[test]
    fn band_ranges_read_as_the_decision_writes_them() {
        assert_eq!(band(dec!(100), true, None, dec!(2)).range_text(), "≥ 100");
        assert_eq!(band(dec!(90), false, None, dec!(2)).range_text(), "> 90");
        assert_eq!(
            band(dec!(70), true, Some((dec!(90), true)), dec!(1)).range_text(),
            "70–90"
        );
        assert_eq!(
            band(dec!(0), true, Some((dec!(70), false)), dec!(0)).range_text(),
            "0–<70"
        );
    }
}

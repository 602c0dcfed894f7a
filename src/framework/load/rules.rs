//! The rule fields of a leaf in the criteria file, checked with line and column.
//!
//! ```toml
//! rule = "thresholds"                     # or "choice", "proportional"
//! whole = { key = "tiep_nhan", label = "Số hồ sơ tiếp nhận", short = "hồ sơ" }
//! parts = [
//!   { key = "truoc_han", label = "Số hồ sơ giải quyết trước hạn", short = "trước hạn", counted = true },
//!   { key = "dung_han", label = "Số hồ sơ giải quyết đúng hạn", short = "đúng hạn", counted = true },
//!   { key = "qua_han", label = "Số hồ sơ giải quyết quá hạn", short = "quá hạn" },
//! ]
//! [[criterion.band]]
//! from = 100        # `from` inclusive or `above` exclusive; `below` exclusive or `to` inclusive
//! points = 2
//! ```

use std::collections::HashSet;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::{Checker, NodeFile};
use crate::framework::rules::{Bound, ChoiceOption, Measure, PointBand, Ratio, Rule, RuleInput};
use crate::t;
use crate::text::fold;

/// The largest bound a points band may state: values are percentages or counts.
const MAX_BOUND: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum RuleKind {
    Choice,
    Thresholds,
    Proportional,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MeasureFile {
    key: Spanned<String>,
    label: String,
    short: Option<String>,
    /// Parts only: whether the part counts towards the ratio.
    #[serde(default)]
    counted: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PointBandFile {
    from: Option<Spanned<Decimal>>,
    above: Option<Spanned<Decimal>>,
    below: Option<Spanned<Decimal>>,
    to: Option<Spanned<Decimal>>,
    points: Spanned<Decimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OptionFile {
    name: Spanned<String>,
    points: Spanned<Decimal>,
}

impl NodeFile {
    /// The names and places of the rule fields present, for reporting them where they do not
    /// belong.
    pub(super) fn rule_fields(&self) -> Vec<(&'static str, Range<usize>)> {
        [
            self.rule.as_ref().map(|f| ("rule", f.span())),
            self.value.as_ref().map(|f| ("value", f.key.span())),
            self.whole.as_ref().map(|f| ("whole", f.key.span())),
            self.parts.as_ref().map(|f| ("parts", f.span())),
            self.bands.as_ref().map(|f| ("band", f.span())),
            self.options.as_ref().map(|f| ("option", f.span())),
            self.rounding.as_ref().map(|f| ("rounding", f.span())),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Checker<'_> {
    /// The leaf's rule, or `None` when it has none (or it was reported).
    pub(super) fn leaf_rule_kind(
        &mut self,
        entry: &NodeFile,
        code: &str,
        max: Decimal,
        step: Option<Decimal>,
    ) -> Option<Rule> {
        let fields = entry;
        let Some(kind) = &fields.rule else {
            for (field, span) in fields.rule_fields() {
                self.report(
                    span,
                    Some(code),
                    t!("rule-field-without-rule", field = field),
                );
            }
            return None;
        };
        let kind_span = kind.span();
        let allowed: &[&str] = match kind.get_ref() {
            RuleKind::Choice => &["rule", "value", "option"],
            RuleKind::Thresholds => &["rule", "value", "whole", "parts", "band"],
            RuleKind::Proportional => &["rule", "whole", "parts", "rounding"],
        };
        let mut misplaced = false;
        for (field, span) in fields.rule_fields() {
            if !allowed.contains(&field) {
                misplaced = true;
                self.report(
                    span,
                    Some(code),
                    t!(
                        "rule-field-kind",
                        field = field,
                        kind = kind_name(*kind.get_ref())
                    ),
                );
            }
        }
        let mut keys = HashSet::new();
        let rule = match kind.get_ref() {
            RuleKind::Choice => {
                let measure = match &fields.value {
                    Some(value) => self.measure(value, code, &mut keys),
                    None => Some(Measure {
                        key: "lua_chon".into(),
                        label: entry.name.clone(),
                        short: String::new(),
                    }),
                };
                let options = self.options(fields, code, kind_span.clone(), max, step);
                Some(Rule::Choice {
                    measure: measure?,
                    options: options?,
                })
            }
            RuleKind::Thresholds => {
                let input = match (&fields.value, &fields.whole) {
                    (Some(value), None) => {
                        self.measure(value, code, &mut keys).map(RuleInput::Value)
                    }
                    (None, Some(_)) => self
                        .ratio(fields, code, kind_span.clone(), &mut keys)
                        .map(RuleInput::Ratio),
                    _ => {
                        self.report(kind_span.clone(), Some(code), t!("rule-thresholds-input"));
                        None
                    }
                };
                let bands = self.point_bands(fields, code, kind_span.clone(), max, step);
                Some(Rule::Thresholds {
                    input: input?,
                    bands: bands?,
                })
            }
            RuleKind::Proportional => {
                let ratio = self.ratio(fields, code, kind_span.clone(), &mut keys);
                let rounding = match &fields.rounding {
                    Some(rounding) => Some(*rounding.get_ref()),
                    None => {
                        self.report(
                            kind_span.clone(),
                            Some(code),
                            t!("rule-proportional-rounding"),
                        );
                        None
                    }
                };
                Some(Rule::Proportional {
                    ratio: ratio?,
                    rounding: rounding?,
                })
            }
        };
        rule.filter(|_| !misplaced)
    }

    fn measure(
        &mut self,
        file: &MeasureFile,
        code: &str,
        keys: &mut HashSet<String>,
    ) -> Option<Measure> {
        let key = file.key.get_ref().trim();
        let valid = !key.is_empty()
            && key.len() <= 40
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.report(
                file.key.span(),
                Some(code),
                t!("rule-key-invalid", key = key),
            );
            return None;
        }
        if !keys.insert(key.to_string()) {
            self.report(
                file.key.span(),
                Some(code),
                t!("rule-key-duplicate", key = key),
            );
            return None;
        }
        if file.label.trim().is_empty() {
            self.report(
                file.key.span(),
                Some(code),
                t!("rule-label-empty", key = key),
            );
            return None;
        }
        let label = super::nfc(file.label.trim());
        Some(Measure {
            key: key.to_string(),
            short: file
                .short
                .as_deref()
                .map(|s| super::nfc(s.trim()))
                .unwrap_or_else(|| label.clone()),
            label,
        })
    }

    fn ratio(
        &mut self,
        fields: &NodeFile,
        code: &str,
        kind_span: Range<usize>,
        keys: &mut HashSet<String>,
    ) -> Option<Ratio> {
        let (Some(whole), Some(parts)) = (&fields.whole, &fields.parts) else {
            self.report(kind_span, Some(code), t!("rule-ratio-fields"));
            return None;
        };
        let whole = self.measure(whole, code, keys);
        let mut measures = Vec::new();
        let mut counted = Vec::new();
        for (i, part) in parts.get_ref().iter().enumerate() {
            if part.counted {
                counted.push(i);
            }
            measures.push(self.measure(part, code, keys));
        }
        if counted.is_empty() {
            self.report(parts.span(), Some(code), t!("rule-ratio-counted"));
            return None;
        }
        Some(Ratio {
            whole: whole?,
            parts: measures.into_iter().collect::<Option<_>>()?,
            counted,
        })
    }

    /// A rule's points: within the leaf's maximum and a multiple of its step.
    fn rule_points(
        &mut self,
        points: &Spanned<Decimal>,
        code: &str,
        max: Decimal,
        step: Option<Decimal>,
    ) -> bool {
        self.check_number(
            points,
            Some(code),
            &t!("criteria-what-points"),
            Decimal::ZERO..=max,
        );
        let value = *points.get_ref();
        if let Some(step) = step.filter(|s| !s.is_zero())
            && !(value % step).is_zero()
        {
            self.report(
                points.span(),
                Some(code),
                t!(
                    "rule-points-step",
                    points = value.to_string(),
                    step = step.to_string()
                ),
            );
            return false;
        }
        (Decimal::ZERO..=max).contains(&value)
    }

    fn options(
        &mut self,
        fields: &NodeFile,
        code: &str,
        kind_span: Range<usize>,
        max: Decimal,
        step: Option<Decimal>,
    ) -> Option<Vec<ChoiceOption>> {
        let Some(files) = &fields.options else {
            self.report(kind_span, Some(code), t!("rule-choice-options"));
            return None;
        };
        if files.get_ref().len() < 2 {
            self.report(files.span(), Some(code), t!("rule-choice-options"));
            return None;
        }
        let mut names = HashSet::new();
        let mut options = Vec::new();
        let mut valid = true;
        for file in files.get_ref() {
            let name = super::nfc(file.name.get_ref().trim());
            if fold(&name).is_empty() || !names.insert(fold(&name)) {
                self.report(
                    file.name.span(),
                    Some(code),
                    t!("rule-choice-name", name = &name),
                );
                valid = false;
            }
            valid &= self.rule_points(&file.points, code, max, step);
            options.push(ChoiceOption {
                name,
                points: *file.points.get_ref(),
            });
        }
        valid.then_some(options)
    }

    /// Points bands: each with one lower bound (`from` or `above`) and at most one upper (`below`
    /// or `to`), together covering every value from 0 up exactly once.
    fn point_bands(
        &mut self,
        fields: &NodeFile,
        code: &str,
        kind_span: Range<usize>,
        max: Decimal,
        step: Option<Decimal>,
    ) -> Option<Vec<PointBand>> {
        let Some(files) = &fields.bands else {
            self.report(kind_span, Some(code), t!("rule-bands-missing"));
            return None;
        };
        let mut bands = Vec::new();
        let mut valid = true;
        for file in files.get_ref() {
            let range = Decimal::ZERO..=MAX_BOUND;
            for bound in [&file.from, &file.above, &file.below, &file.to]
                .into_iter()
                .flatten()
            {
                self.check_number(
                    bound,
                    Some(code),
                    &t!("criteria-what-rule-band"),
                    range.clone(),
                );
            }
            valid &= self.rule_points(&file.points, code, max, step);
            let lower = match (&file.from, &file.above) {
                (Some(from), None) => Bound {
                    value: *from.get_ref(),
                    inclusive: true,
                },
                (None, Some(above)) => Bound {
                    value: *above.get_ref(),
                    inclusive: false,
                },
                _ => {
                    self.report(file.points.span(), Some(code), t!("rule-band-lower"));
                    valid = false;
                    continue;
                }
            };
            let upper = match (&file.below, &file.to) {
                (None, None) => None,
                (Some(below), None) => Some(Bound {
                    value: *below.get_ref(),
                    inclusive: false,
                }),
                (None, Some(to)) => Some(Bound {
                    value: *to.get_ref(),
                    inclusive: true,
                }),
                (Some(below), Some(_)) => {
                    self.report(below.span(), Some(code), t!("rule-band-upper"));
                    valid = false;
                    continue;
                }
            };
            bands.push((
                PointBand {
                    lower,
                    upper,
                    points: *file.points.get_ref(),
                },
                file.points.span(),
            ));
        }
        if !valid {
            return None;
        }
        // Ascending by lower bound; at one value, the band that includes it comes first.
        bands.sort_by_key(|(b, _)| (b.lower.value, !b.lower.inclusive));
        let Some((lowest, span)) = bands.first() else {
            self.report(files.span(), Some(code), t!("rule-bands-missing"));
            return None;
        };
        if !(lowest.lower.value.is_zero() && lowest.lower.inclusive) {
            self.report(
                span.clone(),
                Some(code),
                t!("rule-band-start", range = lowest.range_text()),
            );
            valid = false;
        }
        for pair in bands.windows(2) {
            let ((lower, span), (upper, _)) = (&pair[0], &pair[1]);
            let touches = lower.upper.is_some_and(|end| {
                end.value == upper.lower.value && end.inclusive != upper.lower.inclusive
            });
            if !touches {
                self.report(
                    span.clone(),
                    Some(code),
                    t!(
                        "rule-band-seam",
                        band = lower.range_text(),
                        next = upper.range_text()
                    ),
                );
                valid = false;
            }
        }
        if let Some((top, span)) = bands.last()
            && top.upper.is_some()
        {
            self.report(
                span.clone(),
                Some(code),
                t!("rule-band-top", band = top.range_text()),
            );
            valid = false;
        }
        valid.then(|| bands.into_iter().map(|(b, _)| b).collect())
    }
}

fn kind_name(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Choice => "choice",
        RuleKind::Thresholds => "thresholds",
        RuleKind::Proportional => "proportional",
    }
}

//! The parts of a framework beyond its tree: components made of whole areas (some of them scored
//! from the external file), the bonus and penalty block, and the weights of survey answers.
//!
//! ```toml
//! survey_weights = { A = 100, B = 60, C = 20, D = 0 }
//!
//! [[component]]
//! code = "DT"
//! name = "Điều tra xã hội học"
//! areas = ["8"]
//! external = true
//!
//! [adjustment]
//! name = "Điểm thưởng, điểm trừ"
//! bonus_cap = 5
//! penalty_cap = 5
//! index = "added"
//! [[adjustment.item]]
//! code = "T1"
//! name = "Có sáng kiến cải cách hành chính được công nhận"
//! kind = "bonus"
//! max = 2
//! ```

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::{Checker, MAX_POINTS, is_valid_code, nfc};
use crate::framework::{
    Adjustment, AdjustmentItem, AdjustmentKind, Component, IndexFormula, Node, Source,
};
use crate::t;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ComponentFile {
    code: Spanned<String>,
    name: String,
    name_en: Option<String>,
    areas: Spanned<Vec<String>>,
    #[serde(default)]
    external: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AdjustmentFile {
    name: String,
    bonus_cap: Spanned<Decimal>,
    penalty_cap: Spanned<Decimal>,
    index: IndexFormula,
    #[serde(rename = "item")]
    items: Spanned<Vec<ItemFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ItemFile {
    code: Spanned<String>,
    name: String,
    kind: AdjustmentKind,
    max: Spanned<Decimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub(super) struct WeightsFile {
    A: Spanned<Decimal>,
    B: Spanned<Decimal>,
    C: Spanned<Decimal>,
    D: Spanned<Decimal>,
}

impl AdjustmentFile {
    pub(super) fn bonus_cap_value(&self) -> &Decimal {
        self.bonus_cap.get_ref()
    }
}

impl Checker<'_> {
    /// Components: every area in exactly one when any is declared. The leaves of an external
    /// component become [`Source::External`].
    pub(super) fn components(
        &mut self,
        files: &[ComponentFile],
        nodes: &mut [Node],
        source_given: &HashSet<String>,
    ) -> Vec<Component> {
        let mut components = Vec::new();
        let mut codes = HashSet::new();
        let mut owner: Vec<Option<usize>> = vec![None; nodes.len()];
        for (c, file) in files.iter().enumerate() {
            let code = nfc(file.code.get_ref().trim());
            // Output columns are named `<code>_points`, `<code>_max`: these two would read as
            // the total's `final_points` and `applicable_max`.
            let reserved = ["final", "applicable"].contains(&code.to_ascii_lowercase().as_str());
            if !is_valid_code(&code)
                || code.contains('.')
                || reserved
                || !codes.insert(code.clone())
            {
                self.report(file.code.span(), None, t!("component-code", code = &code));
            }
            let mut areas = Vec::new();
            let mut max = Decimal::ZERO;
            for area in file.areas.get_ref() {
                let found = nodes
                    .iter()
                    .position(|n| n.is_area() && n.code == area.trim());
                match found {
                    None => self.report(
                        file.areas.span(),
                        Some(&code),
                        t!("component-unknown-area", area = area.as_str()),
                    ),
                    Some(index) if owner[index].is_some() => self.report(
                        file.areas.span(),
                        Some(&code),
                        t!("component-area-twice", area = area.as_str()),
                    ),
                    Some(index) => {
                        owner[index] = Some(c);
                        areas.push(index);
                        max = max.checked_add(nodes[index].max).unwrap_or(MAX_POINTS);
                    }
                }
            }
            if areas.is_empty() {
                self.report(file.areas.span(), Some(&code), t!("component-no-area"));
            }
            components.push(Component {
                code,
                name: nfc(&file.name),
                name_en: file.name_en.clone(),
                areas,
                external: file.external,
                max,
            });
        }
        if let Some(first) = files.first() {
            for (index, node) in nodes.iter().enumerate() {
                if node.is_area() && owner[index].is_none() {
                    self.report(
                        first.code.span(),
                        None,
                        t!("component-area-missing", area = &node.code),
                    );
                }
            }
        }
        // The leaves under an external component's areas take their points from the external
        // file; a rule or a source of their own would contradict that.
        for index in 0..nodes.len() {
            let mut area = index;
            while let Some(parent) = nodes[area].parent {
                area = parent;
            }
            let external = owner[area].is_some_and(|c| files[c].external);
            let code = nodes[index].code.clone();
            if let (true, Some(leaf)) = (external, nodes[index].leaf.as_mut()) {
                if leaf.rule.is_some() || source_given.contains(&code) {
                    self.report(
                        files[owner[area].expect("owned")].areas.span(),
                        Some(&code),
                        t!("component-external-leaf"),
                    );
                }
                leaf.source = Source::External;
            }
        }
        components
    }

    pub(super) fn adjustment(&mut self, file: &AdjustmentFile, nodes: &[Node]) -> Adjustment {
        let points = Decimal::ZERO..=MAX_POINTS;
        for cap in [&file.bonus_cap, &file.penalty_cap] {
            self.check_number(cap, None, &t!("criteria-what-cap"), points.clone());
        }
        let mut codes = HashSet::new();
        let mut items = Vec::new();
        if file.items.get_ref().is_empty() {
            self.report(file.items.span(), None, t!("adjustment-no-item"));
        }
        for item in file.items.get_ref() {
            let code = nfc(item.code.get_ref().trim());
            let clash = nodes.iter().any(|n| n.code == code);
            if !is_valid_code(&code) || clash || !codes.insert(code.clone()) {
                self.report(item.code.span(), None, t!("adjustment-code", code = &code));
            }
            self.check_number(
                &item.max,
                Some(&code),
                &t!("criteria-what-max"),
                points.clone(),
            );
            if *item.max.get_ref() <= Decimal::ZERO {
                self.report(
                    item.max.span(),
                    Some(&code),
                    t!("criteria-max-zero", max = item.max.get_ref().to_string()),
                );
            }
            items.push(AdjustmentItem {
                code,
                name: nfc(&item.name),
                kind: item.kind,
                max: *item.max.get_ref(),
            });
        }
        Adjustment {
            name: nfc(&file.name),
            bonus_cap: *file.bonus_cap.get_ref(),
            penalty_cap: *file.penalty_cap.get_ref(),
            formula: file.index,
            items,
        }
    }

    pub(super) fn survey_weights(&mut self, file: &WeightsFile) -> [Decimal; 4] {
        let percent = Decimal::ZERO..=Decimal::ONE_HUNDRED;
        let weights = [&file.A, &file.B, &file.C, &file.D];
        for weight in weights {
            self.check_number(weight, None, &t!("criteria-what-weight"), percent.clone());
        }
        weights.map(|w| *w.get_ref())
    }
}

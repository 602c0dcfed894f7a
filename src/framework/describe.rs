//! A framework described for people: a summary per area (`criteria check`) and the whole tree
//! with each leaf's rules (`criteria show`), as terminal text (names escaped).

use std::fmt::Write as _;
use std::path::Path;

use super::{Band, Framework, LeafRule, Source};
use crate::t;
use crate::text::{points, terminal_safe};

/// The administrative level in the interface's language.
fn level(level: super::Level) -> String {
    match level {
        super::Level::Commune => t!("level-commune"),
        super::Level::District => t!("level-district"),
        super::Level::Department => t!("level-department"),
        super::Level::Province => t!("level-province"),
    }
}

/// Criteria (code depth 2), sub-criteria (depth 3 and more) and scored leaves, in one area or all.
fn counts(framework: &Framework, area: Option<&str>) -> (usize, usize, usize) {
    let nodes = framework
        .nodes
        .iter()
        .filter(|n| area.is_none_or(|a| n.code.split('.').next() == Some(a)));
    let (mut criteria, mut sub_criteria, mut leaves) = (0, 0, 0);
    for node in nodes {
        match node.code.split('.').count() {
            1 => {}
            2 => criteria += 1,
            _ => sub_criteria += 1,
        }
        leaves += usize::from(node.leaf.is_some());
    }
    (criteria, sub_criteria, leaves)
}

fn bands(framework: &Framework) -> String {
    framework
        .bands
        .iter()
        .rev()
        .map(Band::range_text)
        .collect::<Vec<_>>()
        .join("; ")
}

/// `criteria check`: the file is valid, then what it holds per area, the leaf rules and bands.
pub fn summary(framework: &Framework, file: &Path) -> String {
    let (criteria, sub_criteria, leaves) = counts(framework, None);
    let mut out = String::new();
    let areas: Vec<usize> = framework.areas().collect();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "describe-valid",
            file = file.display().to_string(),
            name = &framework.name,
            id = &framework.id,
            level = level(framework.level),
            year = framework.year.to_string(),
            areas = areas.len(),
            criteria = criteria,
            sub_criteria = sub_criteria,
            leaves = leaves,
            total = points(framework.total_max)
        )
    );
    for area in areas {
        let node = &framework.nodes[area];
        let (criteria, sub_criteria, leaves) = counts(framework, Some(&node.code));
        let _ = writeln!(
            out,
            "  {:<3} {}  {}",
            node.code,
            t!(
                "describe-area",
                max = format!("{:>5}", points(node.max)),
                criteria = format!("{criteria:>2}"),
                sub_criteria = format!("{sub_criteria:>2}"),
                leaves = format!("{leaves:>2}")
            ),
            node.name
        );
    }
    let flagged = |test: &dyn Fn(&LeafRule) -> bool| {
        framework
            .leaves()
            .filter(|&i| framework.nodes[i].leaf.as_ref().is_some_and(test))
            .count()
    };
    let _ = writeln!(
        out,
        "  {}",
        t!(
            "describe-leaf-rules",
            not_applicable = flagged(&|r| r.allows_not_applicable()),
            survey = flagged(&|r| r.source == Source::Survey)
        )
    );
    let ruled = flagged(&|r| r.rule.is_some());
    let full = flagged(&|r| r.not_applicable == Some(super::NotApplicable::FullPoints));
    if ruled + full > 0 {
        let _ = writeln!(
            out,
            "  {}",
            t!("describe-rules", ruled = ruled, full = full)
        );
    }
    parts(framework, &mut out);
    let _ = writeln!(out, "  {}", t!("describe-bands", bands = bands(framework)));
    terminal_safe(&out).into_owned()
}

/// The components and the bonus and penalty block, one line each.
fn parts(framework: &Framework, out: &mut String) {
    if !framework.components.is_empty() {
        let components: Vec<String> = framework
            .components
            .iter()
            .map(|c| {
                let external = if c.external {
                    format!(" ({})", t!("describe-external"))
                } else {
                    String::new()
                };
                format!("{} {} {}{external}", c.code, c.name, points(c.max))
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}",
            t!("describe-components", components = components.join("; "))
        );
    }
    if let Some(block) = &framework.adjustment {
        let formula = match block.formula {
            super::IndexFormula::Added => "added",
            super::IndexFormula::Rescaled => "rescaled",
        };
        let _ = writeln!(
            out,
            "  {}",
            t!(
                "describe-adjustment",
                name = &block.name,
                items = block.items.len(),
                bonus = points(block.bonus_cap),
                penalty = points(block.penalty_cap),
                formula = formula
            )
        );
    }
}

/// `criteria show`: the framework as a tree, with each leaf's rules.
pub fn tree(framework: &Framework) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            "describe-tree",
            name = &framework.name,
            id = &framework.id,
            year = framework.year.to_string(),
            total = points(framework.total_max),
            decimals = framework.decimals,
            rounding = framework.rounding.as_str()
        )
    );
    if let Some(note) = &framework.note {
        let _ = writeln!(out, "{note}");
    }
    for area in framework.areas() {
        write_node(framework, area, "", "", &mut out);
    }
    parts(framework, &mut out);
    let _ = writeln!(
        out,
        "{}",
        t!("describe-bands-tree", bands = bands(framework))
    );
    terminal_safe(&out).into_owned()
}

/// Writes a node on a line starting with `lead`, and its children indented by `indent`.
fn write_node(framework: &Framework, index: usize, lead: &str, indent: &str, out: &mut String) {
    let node = &framework.nodes[index];
    let mut flags = Vec::new();
    if let Some(rule) = &node.leaf {
        if let Some(step) = rule.step {
            flags.push(t!("describe-step", step = points(step)));
        }
        if rule.allows_not_applicable() {
            flags.push(t!("describe-kps"));
        }
        if rule.source == Source::Survey {
            flags.push(t!("describe-survey"));
        }
        if rule.source == Source::External {
            flags.push(t!("describe-external"));
        }
        if rule.not_applicable == Some(super::NotApplicable::FullPoints) {
            flags.push(t!("describe-full-points"));
        }
        if let Some(leaf_rule) = &rule.rule {
            flags.push(t!("describe-rule", kind = leaf_rule.kind()));
        }
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("  ({})", flags.join(", "))
    };
    let _ = writeln!(
        out,
        "{lead}{}  {}  [{}]{flags}",
        node.code,
        node.name,
        points(node.max)
    );
    for (i, &child) in node.children.iter().enumerate() {
        let (branch, continuation) = if i + 1 == node.children.len() {
            ("└─ ", "   ")
        } else {
            ("├─ ", "│  ")
        };
        write_node(
            framework,
            child,
            &format!("{indent}{branch}"),
            &format!("{indent}{continuation}"),
            out,
        );
    }
}

//! The fills of marks in HTML: a class per meaning, and on a scale that grades its
//! failing marks a class per level, each on its own fill (as the XLSX gives them), so
//! that 重大な不適合 stands out from 観察事項 on paper too.

use crate::checklist::Meaning;

use super::model::{Heading, LegendEntry};

/// The class of a mark's cell, for its fill.
pub(crate) fn class(meaning: Option<Meaning>) -> &'static str {
    match meaning {
        Some(Meaning::Compliant) => "compliant",
        Some(Meaning::ImprovedUnderGuidance) => "improved",
        Some(Meaning::NeedsImprovement) => "needs",
        Some(Meaning::NotApplicable) => "na",
        Some(Meaning::Unknown) => "unknown",
        None => "unanswered",
    }
}

/// The classes of a cell with `mark`: its meaning's, and a failing level's
/// (`needs level0` for the gravest) on a graded scale.
pub(crate) fn mark_class(mark: Option<&LegendEntry>) -> String {
    let meaning = class(mark.map(|m| m.meaning));
    match mark.and_then(|m| m.rank) {
        Some(rank) => format!("{meaning} level{rank}"),
        None => meaning.to_string(),
    }
}

/// The style rules of the failing levels of `heading`'s scale; none on a scale
/// without severities, so its documents are as they were.
pub(crate) fn level_rules(heading: &Heading) -> String {
    (heading.legend.iter())
        .filter_map(|entry| {
            let rank = entry.rank?;
            let fill = super::lines::mark_fill(entry);
            Some(format!(
                "td.level{rank}, span.level{rank} {{ background: #{fill:06x}; }}\n"
            ))
        })
        .collect()
}

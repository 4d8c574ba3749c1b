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

/// The style rules of the failing levels of the scales of `headings` (the page's
/// first, then other checklists' on the same page); none on scales without
/// severities, so their documents are as they were. A level's fill is the same in
/// every scale: another scale adds only the levels the first has not.
pub(crate) fn level_rules(headings: &[&Heading]) -> String {
    let rule = |entry: &LegendEntry| {
        let rank = entry.rank?;
        let fill = super::lines::mark_fill(entry);
        Some(format!(
            "td.level{rank}, span.level{rank} {{ background: #{fill:06x}; }}\n"
        ))
    };
    let Some((first, others)) = headings.split_first() else {
        return String::new();
    };
    let mut ranks: std::collections::BTreeSet<usize> =
        first.legend.iter().filter_map(|e| e.rank).collect();
    let more = (others.iter().flat_map(|h| &h.legend))
        .filter(|e| e.rank.is_some_and(|rank| ranks.insert(rank)));
    first.legend.iter().chain(more).filter_map(rule).collect()
}

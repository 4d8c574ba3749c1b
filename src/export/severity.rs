//! Severity in the documents: where a failing mark stands among the scale's failing
//! marks, gravest first, so that lists of findings come worst first.

/// Where a failing mark stands among the scale's failing marks, gravest first, when
/// the scale declares severities.
pub fn rank(
    checklist: &crate::checklist::Checklist,
    mark: &crate::checklist::Mark,
) -> Option<usize> {
    let severity = mark.severity().filter(|_| checklist.is_graded())?;
    let mut levels: Vec<u8> = checklist
        .scale
        .iter()
        .filter_map(|m| m.severity())
        .collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    levels.dedup();
    levels.iter().position(|&s| s == severity)
}

/// `names` and their `marks` (indices into the scale), reordered worst first by the
/// marks' ranks (`rank_of`, see `rank`); as they were on a scale without severities
/// (the sort is stable).
pub fn worst_first(
    rank_of: impl Fn(usize) -> Option<usize>,
    names: Vec<String>,
    marks: Vec<usize>,
) -> (Vec<String>, Vec<usize>) {
    let mut pairs: Vec<(String, usize)> = names.into_iter().zip(marks).collect();
    pairs.sort_by_key(|(_, m)| rank_of(*m).unwrap_or(usize::MAX));
    pairs.into_iter().unzip()
}

/// The wording of a department's 指摘事項 in an area, worst first on a graded scale
/// (by the gravest mark among the items each names), else as written.
pub fn findings(
    session: &crate::session::Session,
    hearing: &crate::session::Hearing,
    findings: &[crate::session::Finding],
) -> Vec<String> {
    let short = &hearing.department.short;
    let gravest = |finding: &crate::session::Finding| {
        (finding.items.iter())
            .filter_map(|item| rank(&session.checklist, session.mark_of(short, item)?))
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut ordered: Vec<&crate::session::Finding> = findings.iter().collect();
    ordered.sort_by_key(|f| gravest(f));
    ordered.into_iter().map(|f| f.text.clone()).collect()
}

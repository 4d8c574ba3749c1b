//! Severity in the documents: where a failing mark stands among the scale's failing
//! marks, gravest first, so that lists of findings come worst first.

/// Where a failing mark stands among the scale's failing marks, gravest first, when
/// the scale declares severities.
pub fn rank(
    checklist: &crate::checklist::Checklist,
    mark: &crate::checklist::Mark,
) -> Option<usize> {
    let graded = checklist.scale.iter().any(|m| m.severity.is_some());
    let severity = mark.severity().filter(|_| graded)?;
    let mut levels: Vec<u8> = checklist
        .scale
        .iter()
        .filter_map(|m| m.severity())
        .collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    levels.dedup();
    levels.iter().position(|&s| s == severity)
}

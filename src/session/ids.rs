//! The ids under which a round keeps the answers and sheets of its checklists other
//! than the main one: qualified by the checklist's id (`several`).

/// What joins a checklist's id and an item's or area's id in a qualified id. An id of
/// the main checklist that holds it is refused when a round takes another checklist.
pub const QUALIFIER: &str = "::";

/// The id under which the answer to `item` of the checklist `checklist` is kept.
pub fn qualified(checklist: &str, item: &str) -> String {
    [checklist, QUALIFIER, item].concat()
}

/// The checklist's id and the id within it of a qualified id; None for a main id.
pub fn unqualified(id: &str) -> Option<(&str, &str)> {
    id.split_once(QUALIFIER)
}

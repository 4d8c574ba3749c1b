//! Finding things in a session: `/` searches item texts, notes and 所見, and the
//! findings list shows every cell that needed improvement or was improved under
//! guidance with its note, grouped by item as the 実施報告書 groups them. Both are
//! lists in a picker; choosing a line goes to its place.

use crate::checklist::Meaning;
use crate::i18n::{Strings, one_line};
use crate::session::Session;

/// Where a line of either list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// An item (by index), in the department under the cursor.
    Item(usize),
    /// A cell: department and item, by index.
    Cell(usize, usize),
    /// The 所見 of an area (by id) of a department (by index).
    Observation(usize, String),
}

/// Every item text, note and 所見 of the session, each a line to search.
pub fn hits(session: &Session, t: &Strings) -> Vec<(Place, String)> {
    let mut lines: Vec<(Place, String)> = session
        .checklist
        .items()
        .enumerate()
        .map(|(i, (_, item))| (Place::Item(i), format!("{} {}", item.id, item.text)))
        .collect();
    for (d, hearing) in session.hearings.iter().enumerate() {
        let short = &hearing.department.short;
        for (i, (_, item)) in session.checklist.items().enumerate() {
            let note = hearing.answer(&item.id).map_or("", |a| a.note.as_str());
            if !note.trim().is_empty() {
                let text = format!("{short} {} {}: {}", item.id, t.note, one_line(note));
                lines.push((Place::Cell(d, i), text));
            }
        }
        for (area, sheet) in &hearing.sheet {
            if !sheet.observation.trim().is_empty() {
                let what = t.record.observation;
                let text = format!("{short} {area} {what}: {}", one_line(&sheet.observation));
                lines.push((Place::Observation(d, area.clone()), text));
            }
        }
    }
    lines
}

/// Every cell whose mark needs improvement or was improved under guidance, with its
/// note, under a line naming its item.
pub fn findings(session: &Session) -> Vec<(Place, String)> {
    let mut lines = Vec::new();
    for (i, (_, item)) in session.checklist.items().enumerate() {
        let mut cells = Vec::new();
        for (d, hearing) in session.hearings.iter().enumerate() {
            let short = &hearing.department.short;
            let Some(mark) = session.mark_of(short, &item.id) else {
                continue;
            };
            if !matches!(
                mark.meaning,
                Meaning::NeedsImprovement | Meaning::ImprovedUnderGuidance
            ) {
                continue;
            }
            let note = hearing.answer(&item.id).map_or("", |a| a.note.as_str());
            let text = format!("    {short} {} {}", mark.symbol, one_line(note));
            cells.push((Place::Cell(d, i), text.trim_end().to_string()));
        }
        if !cells.is_empty() {
            lines.push((Place::Item(i), format!("{} {}", item.id, item.text)));
            lines.extend(cells);
        }
    }
    lines
}

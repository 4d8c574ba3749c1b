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
/// note, under a line naming its item. On a scale that grades its failing marks, the
/// items come worst first (by their gravest cell, then in checklist order), each
/// item's cells too, and each failing cell names its mark's label (重大な不適合).
pub fn findings(session: &Session) -> Vec<(Place, String)> {
    let graded = session.checklist.is_graded();
    let mut groups: Vec<(u8, Vec<(Place, String)>)> = Vec::new();
    for (i, (_, item)) in session.checklist.items().enumerate() {
        let mut cells: Vec<(u8, (Place, String))> = Vec::new();
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
            let severity = mark.severity().filter(|_| graded).unwrap_or(0);
            let symbol = match severity {
                0 => mark.symbol.clone(),
                _ => format!("{} {}", mark.symbol, mark.label),
            };
            let text = format!("    {short} {symbol} {}", one_line(note));
            cells.push((severity, (Place::Cell(d, i), text.trim_end().to_string())));
        }
        if !cells.is_empty() {
            cells.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
            let worst = cells.first().map_or(0, |(s, _)| *s);
            let mut group = vec![(Place::Item(i), format!("{} {}", item.id, item.text))];
            group.extend(cells.into_iter().map(|(_, line)| line));
            groups.push((worst, group));
        }
    }
    groups.sort_by_key(|(worst, _)| std::cmp::Reverse(*worst));
    groups.into_iter().flat_map(|(_, group)| group).collect()
}

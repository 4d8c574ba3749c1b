//! Review before sign-off: what blocks it (unanswered cells, marks that call for a
//! note without one, a department with no 所見, a needs-improvement mark that no
//! 指摘事項 names and that was not dismissed) and what only deserves a look.

use crate::checklist::Meaning;
use crate::facts::FactField;
use crate::session::{Hearing, Session};

/// One thing review found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Short name; None for the round as a whole.
    pub department: Option<String>,
    pub place: Place,
    pub reason: Reason,
}

/// Where an entry is, for the screen to jump to and the line to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Round,
    Department,
    Item(String),
    Area(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    // Blockers.
    Unanswered,
    /// The mark (a symbol) calls for a note and the cell has none.
    NoteRequired(String),
    /// The department has no 所見 in any area.
    NoObservation,
    /// A needs-improvement mark (a symbol) that no 指摘事項 names, not dismissed; on a
    /// scale that grades its failing marks, with the mark's label (重大な不適合).
    NotInFinding {
        mark: String,
        severity: Option<String>,
    },
    /// Auditors wrote different values in one place without seeing each other's
    /// (found by a merge): each writer and value, oldest first.
    Conflict {
        place: crate::merge::Place,
        values: Vec<(String, String)>,
    },
    /// An earlier round's 指摘事項 (by id) not yet given a follow-up status.
    FollowUpOpen(u32),
    // Warnings.
    /// The area has needs-improvement or improved-under-guidance marks but no 所見,
    /// though the department has some.
    AreaWithoutObservation {
        marks: Vec<String>,
    },
    /// A 指摘事項 (by id) names an item whose mark does not need improvement.
    FindingOnItem {
        finding: u32,
        item: String,
    },
    /// A 指摘事項 (by id) with no text.
    EmptyFinding(u32),
    /// A fact the reports print is empty.
    MissingFact(FactField),
    /// The department returned no self-check sheet, though others did.
    NoSelfCheck,
}

impl Reason {
    /// True for what must be settled before sign-off.
    /// Of the facts, the 総評: the 実施報告書 opens its 監査結果 with it, and a report
    /// without it is a draft; the others (date, 責任者, 報告日) show as 未設定 and are
    /// warnings.
    pub fn blocks(&self) -> bool {
        matches!(
            self,
            Reason::Unanswered
                | Reason::NoteRequired(_)
                | Reason::NoObservation
                | Reason::NotInFinding { .. }
                | Reason::Conflict { .. }
                | Reason::FollowUpOpen(_)
                | Reason::MissingFact(FactField::Overall)
        )
    }
}

impl Entry {
    pub fn blocks(&self) -> bool {
        self.reason.blocks()
    }
}

/// Everything review found: blockers first, then warnings, each in round, department
/// and checklist order (on a graded scale, the failing cells worst first).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    pub entries: Vec<Entry>,
}

impl Review {
    pub fn blockers(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.blocks())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.blocks())
    }

    /// True when nothing blocks sign-off.
    pub fn is_clean(&self) -> bool {
        self.blockers().next().is_none()
    }
}

/// Reviews the whole session.
pub fn review(session: &Session) -> Review {
    let mut entries = round_entries(session);
    entries.extend(conflicts_of(session));
    for hearing in &session.hearings {
        department_entries(session, hearing, &mut entries);
    }
    // Each other checklist of the round, for its departments, at its qualified places.
    for (index, other) in session.extra.iter().enumerate() {
        let Some(view) = session.view(index + 1) else {
            continue;
        };
        let mut found = Vec::new();
        for hearing in &view.hearings {
            department_entries(&view, hearing, &mut found);
        }
        // A department's workbook holds every checklist's sheets: missed once, above.
        found.retain(|entry| entry.reason != Reason::NoSelfCheck);
        entries.extend(found.into_iter().map(|mut entry| {
            entry.place = match entry.place {
                Place::Item(id) => Place::Item(crate::session::qualified(&other.id, &id)),
                Place::Area(id) => Place::Area(crate::session::qualified(&other.id, &id)),
                place => place,
            };
            entry
        }));
    }
    // Stable: within blockers and warnings the order above is kept, except that on a
    // scale that grades its failing marks the cells they name come worst first.
    entries.sort_by_key(|e| (!e.blocks(), std::cmp::Reverse(gravity(session, e))));
    Review { entries }
}

/// How grave the failing mark an entry names is, on a graded scale; 0 otherwise.
fn gravity(session: &Session, entry: &Entry) -> u8 {
    let symbol = match &entry.reason {
        Reason::NotInFinding { mark, .. } | Reason::NoteRequired(mark) => mark,
        _ => return 0,
    };
    let mark = session.checklist.mark(symbol);
    mark.filter(|_| session.checklist.is_graded())
        .and_then(|m| m.severity())
        .unwrap_or(0)
}

/// The facts a report cannot do without; the 総評 blocks sign-off (`Reason::blocks`):
/// a round with nothing to remark says so (特記事項なし).
fn round_entries(session: &Session) -> Vec<Entry> {
    [
        FactField::Date,
        FactField::Lead,
        FactField::ReportDate,
        FactField::Overall,
    ]
    .into_iter()
    .filter(|field| session.facts.get(*field).is_empty())
    .map(|field| Entry {
        department: None,
        place: Place::Round,
        reason: Reason::MissingFact(field),
    })
    .collect()
}

/// One blocker per place in conflict, where the place is.
fn conflicts_of(session: &Session) -> Vec<Entry> {
    conflict_entries(crate::merge::conflicts(session))
}

/// One blocker per conflict, where its place is.
pub fn conflict_entries(conflicts: Vec<crate::merge::Conflict>) -> Vec<Entry> {
    conflicts
        .into_iter()
        .map(|conflict| {
            let place = &conflict.place;
            let at = match (place.item(), place.area(), place.department()) {
                (Some(item), _, _) => Place::Item(item.to_string()),
                (_, Some(area), _) => Place::Area(area.to_string()),
                (_, _, Some(_)) => Place::Department,
                _ => Place::Round,
            };
            Entry {
                department: place.department().map(str::to_string),
                place: at,
                reason: Reason::Conflict {
                    values: conflict
                        .values
                        .iter()
                        .map(|w| (w.by.clone(), w.value.clone()))
                        .collect(),
                    place: conflict.place,
                },
            }
        })
        .collect()
}

fn department_entries(session: &Session, hearing: &Hearing, entries: &mut Vec<Entry>) {
    let department = &hearing.department.short;
    let entry = |place, reason| Entry {
        department: Some(department.clone()),
        place,
        reason,
    };
    let has_observation = hearing
        .sheet
        .values()
        .any(|s| !s.observation.trim().is_empty());
    for area in &session.checklist.areas {
        let sheet = hearing.sheet.get(&area.id);
        let mut noted_marks = false;
        for item in &area.items {
            let place = || Place::Item(item.id.clone());
            let answer = hearing.answer(&item.id);
            let Some(mark) = session.mark_of(department, &item.id) else {
                entries.push(entry(place(), Reason::Unanswered));
                continue;
            };
            let note = answer.map_or("", |a| a.note.trim());
            if mark.note_required && note.is_empty() {
                entries.push(entry(place(), Reason::NoteRequired(mark.symbol.clone())));
            }
            let needs = mark.meaning == Meaning::NeedsImprovement;
            noted_marks |= needs || mark.meaning == Meaning::ImprovedUnderGuidance;
            let handled =
                sheet.is_some_and(|s| s.names(&item.id) || s.dismissed.contains(&item.id));
            if needs && !handled {
                let severity = session.checklist.is_graded().then(|| mark.label.clone());
                let reason = Reason::NotInFinding {
                    mark: mark.symbol.clone(),
                    severity,
                };
                entries.push(entry(place(), reason));
            }
        }
        let observed = sheet.is_some_and(|s| !s.observation.trim().is_empty());
        if noted_marks && has_observation && !observed {
            entries.push(entry(
                Place::Area(area.id.clone()),
                Reason::AreaWithoutObservation {
                    marks: session.checklist.finding_symbols(),
                },
            ));
        }
        for finding in sheet.map_or(&[][..], |s| &s.findings[..]) {
            let area_place = || Place::Area(area.id.clone());
            if finding.text.trim().is_empty() {
                entries.push(entry(area_place(), Reason::EmptyFinding(finding.id)));
            }
            for item in &finding.items {
                let meaning = session.mark_of(department, item).map(|m| m.meaning);
                if meaning != Some(Meaning::NeedsImprovement) {
                    let reason = Reason::FindingOnItem {
                        finding: finding.id,
                        item: item.clone(),
                    };
                    entries.push(entry(area_place(), reason));
                }
            }
        }
    }
    if !has_observation {
        entries.push(entry(Place::Department, Reason::NoObservation));
    }
    // Only a round that uses self-checks misses one.
    if hearing.selfcheck.is_none() && session.has_selfchecks() {
        entries.push(entry(Place::Department, Reason::NoSelfCheck));
    }
    followup_entries(session, department, entries);
}

/// The earlier round's 指摘事項 of `department` still without a follow-up status.
fn followup_entries(session: &Session, department: &str, entries: &mut Vec<Entry>) {
    let Some(previous) = &session.previous else {
        return;
    };
    for (_, followup) in previous.followups_of(department) {
        if followup.state.status.is_none() {
            entries.push(Entry {
                department: Some(department.to_string()),
                place: Place::Area(followup.area.clone()),
                reason: Reason::FollowUpOpen(followup.finding.id),
            });
        }
    }
}

//! A round of several checklists: the main one (`Session::checklist`) for every
//! department, and the others (`Session::extra`) each for the departments it says.
//! The answers of another checklist sit in the hearings' answers, and its areas'
//! sheets in their sheets, under ids qualified by the checklist's id
//! (`qualified`), so they can never meet the main checklist's ids; `view` gives one
//! checklist's round as a one-checklist session, which every screen and document reads.

use super::change::Change;
use super::hearing::Hearing;
use super::ids::{QUALIFIER, qualified, unqualified};
use super::round::Session;
use crate::checklist::{Checklist, Item};

/// Why a checklist cannot join a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joining {
    /// Its id is the id of a checklist the round already has.
    SameId(String),
    /// An id of the round's checklists holds the qualifier, so its answers could be
    /// taken for another checklist's.
    Qualifier(String),
}

impl Session {
    /// The round's checklists, the main one first.
    pub fn checklists(&self) -> impl Iterator<Item = &Checklist> {
        std::iter::once(&self.checklist).chain(self.extra.iter())
    }

    /// The place among `checklists` of the one named by its id or title.
    pub fn checklist_index(&self, name: &str) -> Option<usize> {
        self.checklists()
            .position(|c| c.id == name || c.title == name)
    }

    /// The checklist and item an id names: an item of the main checklist, or a
    /// qualified id of another one's.
    pub fn item_anywhere(&self, id: &str) -> Option<(&Checklist, &Item)> {
        match unqualified(id) {
            None => Some((&self.checklist, self.checklist.item(id)?)),
            Some((checklist, item)) => {
                let checklist = self.extra.iter().find(|c| c.id == checklist)?;
                Some((checklist, checklist.item(item)?))
            }
        }
    }

    /// True when a (qualified) area id names an area of one of the round's checklists.
    pub fn has_area(&self, id: &str) -> bool {
        match unqualified(id) {
            None => self.checklist.areas.iter().any(|a| a.id == id),
            Some((checklist, area)) => self
                .extra
                .iter()
                .any(|c| c.id == checklist && c.areas.iter().any(|a| a.id == area)),
        }
    }

    /// Adds `checklist` to the round, after the others: the departments it is for
    /// start with its items that cannot apply to them marked 該当なし.
    pub fn add_checklist(&mut self, checklist: Checklist) -> Result<(), Joining> {
        let checklist = checklist.with_out_of_scope();
        if self.checklists().any(|c| c.id == checklist.id) {
            return Err(Joining::SameId(checklist.id));
        }
        let ids = std::iter::once(checklist.id.as_str())
            .chain(self.checklist.items().map(|(_, i)| i.id.as_str()))
            .chain(self.checklist.areas.iter().map(|a| a.id.as_str()));
        if let Some(id) = ids.into_iter().find(|id| id.contains(QUALIFIER)) {
            return Err(Joining::Qualifier(id.to_string()));
        }
        for hearing in &mut self.hearings {
            if !checklist.is_for(&hearing.department) {
                continue;
            }
            let opening =
                Hearing::opening(&checklist, hearing.department.clone(), hearing.unlisted);
            for (item, answer) in opening.answers {
                hearing
                    .answers
                    .insert(qualified(&checklist.id, &item), answer);
            }
        }
        self.extra.push(checklist);
        Ok(())
    }

    /// The round as seen through its checklist at `index` of `checklists`: the main
    /// one's round without the others' answers, or another's with its departments
    /// only, its answers and sheets under their own ids. None past the last.
    pub fn view(&self, index: usize) -> Option<Session> {
        let mut view = self.clone();
        view.extra = Vec::new();
        if index == 0 {
            for hearing in &mut view.hearings {
                hearing.answers.retain(|id, _| unqualified(id).is_none());
                hearing.sheet.retain(|id, _| unqualified(id).is_none());
                if let Some(returned) = &mut hearing.selfcheck {
                    returned.answers.retain(|id, _| unqualified(id).is_none());
                }
            }
            if let Some(previous) = &mut view.previous {
                previous.others.clear();
            }
            return Some(view);
        }
        let checklist = self.extra.get(index - 1)?.clone();
        view.hearings.retain(|h| checklist.is_for(&h.department));
        for hearing in &mut view.hearings {
            hearing.answers = own(std::mem::take(&mut hearing.answers), &checklist.id);
            hearing.sheet = own(std::mem::take(&mut hearing.sheet), &checklist.id);
            // The department's own answers to this checklist's sheet.
            if let Some(returned) = &mut hearing.selfcheck {
                returned.answers = own(std::mem::take(&mut returned.answers), &checklist.id);
            }
            hearing.evidence.clear();
        }
        // Where the hearing stopped in this checklist, else its first item.
        view.cursor.item = match unqualified(&self.cursor.item) {
            Some((c, item)) if c == checklist.id => item.to_string(),
            _ => checklist
                .items()
                .next()
                .map(|(_, i)| i.id.clone())
                .unwrap_or_default(),
        };
        // Its earlier answers, when the round was started from one that had it.
        view.previous = (self.previous.as_ref())
            .and_then(|p| p.others.get(&checklist.id))
            .cloned();
        view.checklist = checklist;
        Some(view)
    }
}

/// The entries of `checklist`'s qualified ids, under their own ids.
fn own<T>(
    entries: std::collections::BTreeMap<String, T>,
    checklist: &str,
) -> std::collections::BTreeMap<String, T> {
    entries
        .into_iter()
        .filter_map(|(id, v)| match unqualified(&id) {
            Some((c, own)) if c == checklist => Some((own.to_string(), v)),
            _ => None,
        })
        .collect()
}

impl Change {
    /// This change, made on the `view` of the checklist `checklist`, as the round
    /// records it: its item or area under the qualified id. None for a change of the
    /// whole round (sign-off, reopen, self-assessment, evidence, follow-up), which is
    /// made on the main checklist only.
    pub fn qualified(mut self, checklist: &str) -> Option<Change> {
        let id = match &mut self {
            Change::Mark { item, .. }
            | Change::Note { item, .. }
            | Change::Field { item, .. }
            | Change::Improvement { item, .. }
            | Change::Dismissal { item, .. } => item,
            Change::Observation { area, .. } | Change::Finding { area, .. } => area,
            Change::Move(cursor) => &mut cursor.item,
            Change::Fact { .. } | Change::DepartmentFact { .. } => return Some(self),
            _ => return None,
        };
        *id = qualified(checklist, id);
        Some(self)
    }
}

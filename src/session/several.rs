//! A round of several checklists: the main one (`Session::checklist`) for every
//! department, and the others (`Session::extra`) each for the departments it says.
//! The answers of another checklist sit in the hearings' answers, and its areas'
//! sheets in their sheets, under ids qualified by the checklist's id
//! (`qualified`), so they can never meet the main checklist's ids; `view` gives one
//! checklist's round as a one-checklist session, which every screen and document reads.

use super::change::Change;
use super::hearing::Hearing;
use super::ids::{QUALIFIER, qualified, unqualified};
use super::refusal::{Joining, Refusal};
use super::round::Session;
use crate::checklist::{Checklist, Item};

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

    /// The change that adds `checklist` to the open round (`AddChecklist`), or why it
    /// cannot join: what `apply` would refuse, asked before anything is recorded.
    pub fn adding_checklist(&self, checklist: Checklist) -> Result<Change, Refusal> {
        self.editable()?;
        self.joining(&checklist).map_err(Refusal::Joining)?;
        Ok(Change::AddChecklist {
            checklist: Box::new(checklist),
        })
    }

    /// Why `checklist` cannot join the round, if it cannot.
    fn joining(&self, checklist: &Checklist) -> Result<(), Joining> {
        if self.checklists().any(|c| c.id == checklist.id) {
            return Err(Joining::SameId(checklist.id.clone()));
        }
        let ids = std::iter::once(checklist.id.as_str())
            .chain(self.checklist.items().map(|(_, i)| i.id.as_str()))
            .chain(self.checklist.areas.iter().map(|a| a.id.as_str()));
        if let Some(id) = ids.into_iter().find(|id| id.contains(QUALIFIER)) {
            return Err(Joining::Qualifier(id.to_string()));
        }
        if let Some(key) = checklist.reserved_key() {
            return Err(Joining::ReservedKey(key));
        }
        if !self
            .hearings
            .iter()
            .any(|h| checklist.is_for(&h.department))
        {
            return Err(Joining::NoDepartment(checklist.id.clone()));
        }
        Ok(())
    }

    /// Adds `checklist` to the round, after the others: the departments it is for
    /// start with its items that cannot apply to them marked 該当なし.
    pub fn add_checklist(&mut self, checklist: Checklist) -> Result<(), Joining> {
        self.joining(&checklist)?;
        let checklist = checklist.with_out_of_scope();
        self.extra.push(checklist);
        self.open_checklists();
        Ok(())
    }

    /// Gives each department the opening answers of every other checklist it is for
    /// that it holds no answer of yet: one just added, or a department a merged copy
    /// brought that had not seen a checklist added here.
    pub(crate) fn open_checklists(&mut self) {
        for checklist in &self.extra {
            let own = qualified(&checklist.id, "");
            for hearing in &mut self.hearings {
                if !checklist.is_for(&hearing.department)
                    || hearing.answers.keys().any(|id| id.starts_with(&own))
                {
                    continue;
                }
                let opening =
                    Hearing::opening(checklist, hearing.department.clone(), hearing.unlisted);
                for (item, answer) in opening.answers {
                    hearing
                        .answers
                        .insert(qualified(&checklist.id, &item), answer);
                }
            }
        }
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
    /// A change of the round as the `view` of its checklist records it: that
    /// checklist's id (None: the main one) and the change under its own ids. None for
    /// a change of the whole round, which any view records as it is.
    pub fn in_view(mut self) -> Option<(Option<String>, Change)> {
        let id = self.place_id()?;
        let checklist = unqualified(id).map(|(c, own)| (c.to_string(), own.to_string()));
        let checklist = checklist.map(|(c, own)| {
            *id = own;
            c
        });
        Some((checklist, self))
    }

    /// This change, made on the `view` of the checklist `checklist`, as the round
    /// records it: its item or area under the qualified id. None for a change of the
    /// whole round (sign-off, reopen, self-assessment, evidence, follow-up), which is
    /// made on the main checklist only.
    pub fn qualified(mut self, checklist: &str) -> Option<Change> {
        if let Some(id) = self.place_id() {
            *id = qualified(checklist, id);
            return Some(self);
        }
        match self {
            Change::Fact { .. } | Change::DepartmentFact { .. } | Change::AddChecklist { .. } => {
                Some(self)
            }
            _ => None,
        }
    }

    /// The item or area a change of one checklist's places is made at; None for a
    /// change of the whole round.
    fn place_id(&mut self) -> Option<&mut String> {
        match self {
            Change::Mark { item, .. }
            | Change::Note { item, .. }
            | Change::Field { item, .. }
            | Change::Improvement { item, .. }
            | Change::Dismissal { item, .. } => Some(item),
            Change::Observation { area, .. } | Change::Finding { area, .. } => Some(area),
            Change::Move(cursor) => Some(&mut cursor.item),
            _ => None,
        }
    }
}

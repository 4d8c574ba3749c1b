//! The changes a screen or the command line asks for, each checked against the
//! session and returned as a value for `apply`; nothing here changes the session.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::change::Change;
use super::cursor::Cursor;
use super::hearing::{Answer, Hearing};
use super::ids::unqualified;
use super::refusal::Refusal;
use super::round::Session;
use crate::checklist::FieldKind;
use crate::facts::{FactField, FactValue};

/// What a new mark on a gate item would do to the department's other items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GateEffect {
    /// Unanswered items that would become 該当なし by applicability.
    pub hides: Vec<String>,
    /// Items answered by hand that would no longer apply. They keep their marks: the
    /// caller asks first, and may clear them (`set_mark(.., None)`) before the gate's
    /// change, so that the gate hides them too.
    pub answered: Vec<String>,
    /// Items that are 該当なし by applicability and would apply again, unanswered.
    pub shows: Vec<String>,
}

impl GateEffect {
    pub fn is_empty(&self) -> bool {
        *self == GateEffect::default()
    }
}

impl Session {
    /// The change that gives `item` of `department` the mark `symbol` (None clears it).
    pub fn set_mark(
        &self,
        department: &str,
        item: &str,
        symbol: Option<&str>,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, item) = self.locate(department, item)?;
        if let Some(symbol) = symbol {
            self.item_anywhere(&item)
                .and_then(|(c, _)| c.mark(symbol))
                .ok_or_else(|| Refusal::UnknownMark(symbol.to_string()))?;
        }
        let answer = self.answer(&department, &item);
        let from = answer.and_then(|a| a.mark.clone());
        let from_applicability = answer.is_some_and(|a| a.by_applicability);
        Ok(Change::Mark {
            department,
            item,
            from,
            to: symbol.map(str::to_string),
            from_applicability,
            to_applicability: false,
        })
    }

    /// The change that replaces the note of `item` of `department`.
    pub fn set_note(&self, department: &str, item: &str, note: &str) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, item) = self.locate(department, item)?;
        let from = self
            .answer(&department, &item)
            .map(|a| a.note.clone())
            .unwrap_or_default();
        Ok(Change::Note {
            department,
            item,
            from,
            to: note.to_string(),
        })
    }

    /// The change that sets the extra field `field` of an answer (None or blank clears
    /// it). A date must be YYYY-MM-DD; it is stored in that form.
    pub fn set_field(
        &self,
        department: &str,
        item: &str,
        field: &str,
        value: Option<&str>,
    ) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let declared = self
            .checklist
            .field(field)
            .ok_or_else(|| Refusal::UnknownField(field.to_string()))?;
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let to = match (value, declared.kind) {
            (Some(v), FieldKind::Date) => {
                let date =
                    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| Refusal::BadDate {
                        field: declared.label.clone(),
                        value: v.to_string(),
                    })?;
                Some(date.format("%Y-%m-%d").to_string())
            }
            (v, _) => v.map(str::to_string),
        };
        let from = self
            .answer(&department, &item)
            .and_then(|a| a.fields.get(field).cloned());
        Ok(Change::Field {
            department,
            item,
            field: field.to_string(),
            from,
            to,
        })
    }

    /// What giving `item` of `department` the mark `symbol` would do to the items that
    /// depend on it, so a screen can ask before a gate hides answered items.
    pub fn gate_effect(
        &self,
        department: &str,
        item: &str,
        symbol: Option<&str>,
    ) -> Result<GateEffect, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let hearing = self
            .hearing(&department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.clone()))?;
        // The marks as they would be: the gate's new mark, and the applicability marks
        // of earlier dependants as the pass in checklist order would leave them.
        let mut after: BTreeMap<String, Option<String>> = BTreeMap::new();
        after.insert(item.clone(), symbol.map(str::to_string));
        let not_applicable = Some(self.checklist.not_applicable().symbol.clone());
        let mut effect = GateEffect::default();
        for (_, dependant) in self.checklist.items() {
            if dependant.id == item || !dependant.applies.refers_to_answers() {
                continue;
            }
            let before = hearing.applies(&self.checklist, dependant);
            let now = {
                let symbol_of = |id: &str| match after.get(id) {
                    Some(mark) => mark.as_deref(),
                    None => hearing.mark(id),
                };
                hearing.applies_with(&self.checklist, dependant, &symbol_of)
            };
            let answer = hearing.answer(&dependant.id);
            let automatic = answer.is_some_and(|a| a.by_applicability);
            // A cell already 該当なし by hand loses nothing: no need to ask about it.
            let meaning = answer
                .and_then(|a| a.mark.as_deref())
                .and_then(|s| self.checklist.mark(s))
                .map(|m| m.meaning);
            let answered = meaning.is_some_and(|m| m.is_applicable()) && !automatic;
            let unanswered = answer.is_none_or(|a| a.mark.is_none());
            if before && !now && unanswered {
                effect.hides.push(dependant.id.clone());
                after.insert(dependant.id.clone(), not_applicable.clone());
            } else if before && !now && answered {
                effect.answered.push(dependant.id.clone());
            } else if !before && now && automatic {
                effect.shows.push(dependant.id.clone());
                after.insert(dependant.id.clone(), None);
            }
        }
        Ok(effect)
    }

    /// The change that moves the resume position.
    pub fn move_to(&self, department: &str, item: &str) -> Result<Change, Refusal> {
        let (department, item) = self.locate(department, item)?;
        Ok(Change::Move(Cursor { department, item }))
    }

    /// The change that gives the round's fact `field` the value `value`.
    pub fn set_fact(&self, field: FactField, value: FactValue) -> Result<Change, Refusal> {
        self.editable()?;
        if value.kind() != field.kind() {
            return Err(Refusal::FactKind(field));
        }
        Ok(Change::Fact {
            field,
            from: self.facts.get(field),
            to: value,
        })
    }

    /// The change that gives `department` its own value of a per-department fact
    /// (監査範囲, 監査実施日程); None makes it take the round's again.
    pub fn set_department_fact(
        &self,
        department: &str,
        field: FactField,
        value: Option<&str>,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        if !field.per_department() {
            return Err(Refusal::NotPerDepartment(field));
        }
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        Ok(Change::DepartmentFact {
            department: hearing.department.short.clone(),
            field,
            from: hearing.facts.get(field).cloned(),
            to: value.map(str::to_string),
        })
    }

    /// Refuses while the session is signed off.
    pub fn editable(&self) -> Result<(), Refusal> {
        match &self.signed {
            Some(signed) => Err(Refusal::Signed {
                by: signed.by.clone(),
            }),
            None => Ok(()),
        }
    }

    pub(crate) fn locate(&self, department: &str, item: &str) -> Result<(String, String), Refusal> {
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        let unknown = || Refusal::UnknownItem(item.to_string());
        let (checklist, found) = self.item_anywhere(item).ok_or_else(unknown)?;
        // Another checklist's item is heard only by the departments it is for.
        if checklist.id != self.checklist.id && !checklist.is_for(&hearing.department) {
            return Err(unknown());
        }
        let id = match unqualified(item) {
            Some(_) => item.to_string(),
            None => found.id.clone(),
        };
        Ok((hearing.department.short.clone(), id))
    }

    /// The department's short name and the area's id, or why not.
    pub(crate) fn locate_area(
        &self,
        department: &str,
        area: &str,
    ) -> Result<(String, String), Refusal> {
        let hearing = self
            .hearing(department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))?;
        if !self.has_area(area) {
            return Err(Refusal::UnknownArea(area.to_string()));
        }
        Ok((hearing.department.short.clone(), area.to_string()))
    }

    pub(crate) fn hearing_mut(&mut self, department: &str) -> Result<&mut Hearing, Refusal> {
        self.hearings
            .iter_mut()
            .find(|h| h.department.short == department || h.department.name == department)
            .ok_or_else(|| Refusal::UnknownDepartment(department.to_string()))
    }

    pub(crate) fn answer_mut(
        &mut self,
        department: &str,
        item: &str,
    ) -> Result<&mut Answer, Refusal> {
        let (department, item) = self.locate(department, item)?;
        let hearing = self.hearing_mut(&department)?;
        Ok(hearing.answers.entry(item).or_default())
    }
}

//! The place a change writes (a cell's mark, its note, an area's 所見, …): two
//! changes of one place compete for its value when a round heard in parts is merged.

use super::change::Change;
use super::evidence::EvidenceTarget;
use crate::facts::FactField;

/// A place a change writes; two changes of one place compete for its value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Mark(String, String),
    Note(String, String),
    Field(String, String, String),
    Fact(FactField),
    DepartmentFact(String, FactField),
    Observation(String, String),
    Finding(String, String, u32),
    Dismissal(String, String),
    /// A department's self-assessment, as imported from its sheet.
    SelfCheck(String),
    /// The follow-up of an earlier round's 指摘事項: department, area, its number.
    FollowUp(String, String, u32),
    /// The round's 改善内容等 of an item.
    Improvement(String),
    /// A file attached as evidence: department, cell or finding, the attachment's id.
    Evidence(String, EvidenceTarget, String),
}

impl Place {
    /// The place `change` writes; None for moves, sign-offs and reopens.
    pub fn of(change: &Change) -> Option<Place> {
        let two = |a: &String, b: &String| (a.clone(), b.clone());
        Some(match change {
            Change::Mark {
                department, item, ..
            } => {
                let (d, i) = two(department, item);
                Place::Mark(d, i)
            }
            Change::Note {
                department, item, ..
            } => Place::Note(department.clone(), item.clone()),
            Change::Field {
                department,
                item,
                field,
                ..
            } => Place::Field(department.clone(), item.clone(), field.clone()),
            Change::Fact { field, .. } => Place::Fact(*field),
            Change::Improvement { item, .. } => Place::Improvement(item.clone()),
            Change::DepartmentFact {
                department, field, ..
            } => Place::DepartmentFact(department.clone(), *field),
            Change::Observation {
                department, area, ..
            } => Place::Observation(department.clone(), area.clone()),
            Change::Finding {
                department,
                area,
                from,
                to,
            } => {
                let id = to.as_ref().or(from.as_ref()).map_or(0, |f| f.id);
                Place::Finding(department.clone(), area.clone(), id)
            }
            Change::Dismissal {
                department, item, ..
            } => Place::Dismissal(department.clone(), item.clone()),
            Change::SelfCheck { department, .. } => Place::SelfCheck(department.clone()),
            Change::FollowUp {
                department,
                area,
                finding,
                ..
            } => Place::FollowUp(department.clone(), area.clone(), *finding),
            Change::Attach { attachment } | Change::Detach { attachment } => Place::Evidence(
                attachment.department.clone(),
                attachment.target.clone(),
                attachment.id.clone(),
            ),
            Change::Move(_)
            | Change::SignOff { .. }
            | Change::Reopen { .. }
            | Change::AddChecklist { .. } => return None,
        })
    }

    /// The department (short name) of the place; None for a fact of the round.
    pub fn department(&self) -> Option<&str> {
        match self {
            Place::Fact(_) | Place::Improvement(_) => None,
            Place::Mark(d, _)
            | Place::Note(d, _)
            | Place::Field(d, _, _)
            | Place::DepartmentFact(d, _)
            | Place::Observation(d, _)
            | Place::Finding(d, _, _)
            | Place::Dismissal(d, _)
            | Place::SelfCheck(d)
            | Place::FollowUp(d, _, _)
            | Place::Evidence(d, _, _) => Some(d),
        }
    }

    /// The item of a cell's place.
    pub fn item(&self) -> Option<&str> {
        match self {
            Place::Mark(_, i)
            | Place::Note(_, i)
            | Place::Field(_, i, _)
            | Place::Dismissal(_, i)
            | Place::Improvement(i) => Some(i),
            Place::Evidence(_, target, _) => target.item(),
            _ => None,
        }
    }

    /// The area of a sheet's place.
    pub fn area(&self) -> Option<&str> {
        match self {
            Place::Observation(_, a) | Place::Finding(_, a, _) => Some(a),
            Place::Evidence(_, target, _) => target.area(),
            _ => None,
        }
    }
}

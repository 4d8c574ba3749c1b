//! A change checked against the session and applied: the one way a session changes.

use super::change::{Change, Event};
use super::digest::sign_off;
use super::evidence::Attached;
use super::place::Place;
use super::previous::FollowUpState;
use super::refusal::Refusal;
use super::round::Session;
use super::sheet::AreaSheet;
use crate::checklist::{Condition, Item};

impl Session {
    /// Refuses a change that names what the session lacks (a department, item, area,
    /// mark or answer field) or gives a fact a value it cannot hold: what `apply` would
    /// refuse whatever the session's state. A file's history and a merge's new changes
    /// are held to it, so that a damaged line is refused where it stands.
    pub fn fits(&self, change: &Change) -> Result<(), Refusal> {
        if let Some(place) = Place::of(change) {
            // By its short name, as every change is recorded: a merge places changes
            // by the name they carry.
            if let Some(department) = place.department()
                && !self
                    .hearings
                    .iter()
                    .any(|h| h.department.short == department)
            {
                return Err(Refusal::UnknownDepartment(department.to_string()));
            }
            if let Some(item) = place.item()
                && self.item_anywhere(item).is_none()
            {
                return Err(Refusal::UnknownItem(item.to_string()));
            }
            if let Some(area) = place.area()
                && !self.has_area(area)
            {
                return Err(Refusal::UnknownArea(area.to_string()));
            }
        }
        match change {
            Change::Mark {
                item,
                to: Some(mark),
                ..
            } if self
                .item_anywhere(item)
                .is_none_or(|(c, _)| c.mark(mark).is_none()) =>
            {
                Err(Refusal::UnknownMark(mark.clone()))
            }
            Change::Field { item, field, .. }
                if self
                    .item_anywhere(item)
                    .is_none_or(|(c, _)| c.field(field).is_none()) =>
            {
                Err(Refusal::UnknownField(field.clone()))
            }
            Change::Fact { field, to, .. } if to.kind() != field.kind() => {
                Err(Refusal::FactKind(*field))
            }
            Change::DepartmentFact { field, .. } if !field.per_department() => {
                Err(Refusal::NotPerDepartment(*field))
            }
            _ => Ok(()),
        }
    }

    /// Applies an event, checked or replayed from the journal. A signed session
    /// refuses every change but a move and a reopen.
    pub fn apply(&mut self, event: Event) -> Result<(), Refusal> {
        if !self.apply_value(&event)? {
            self.saw(&event);
            return Ok(());
        }
        // A value recorded after a merge was chosen knowing every writer's.
        if let Some(place) = Place::of(&event.change) {
            self.heads
                .retain(|h| h.first().and_then(|e| Place::of(&e.change)) != Some(place.clone()));
        }
        self.saw(&event);
        self.history.push(event);
        Ok(())
    }

    /// What `apply` does to the round's values, checked, without the history and the
    /// heads: the value of a change a merge chose (`take_in`). False for a move of the
    /// cursor, which is no part of the history.
    pub(crate) fn apply_value(&mut self, event: &Event) -> Result<bool, Refusal> {
        if event.change.edits() {
            self.editable()?;
        }
        // A journal line with a mark not on the scale would otherwise be taken, and
        // refused only when the history it joined is read again.
        self.fits(&event.change)?;
        match &event.change {
            Change::Move(cursor) => {
                self.locate(&cursor.department, &cursor.item)?;
                self.cursor = cursor.clone();
                return Ok(false);
            }
            Change::Mark { .. } | Change::Note { .. } | Change::Field { .. } => {
                self.apply_to_cell(event)?
            }
            Change::Fact { field, to, .. } => {
                if !self.facts.set(*field, to.clone()) {
                    return Err(Refusal::FactKind(*field));
                }
            }
            Change::Improvement { item, to, .. } => {
                if to.is_empty() {
                    self.facts.improvements.remove(item);
                } else {
                    self.facts.improvements.insert(item.clone(), to.clone());
                }
            }
            Change::DepartmentFact {
                department,
                field,
                to,
                ..
            } => {
                let hearing = self.hearing_mut(department)?;
                if !hearing.facts.set(*field, to.clone()) {
                    return Err(Refusal::NotPerDepartment(*field));
                }
            }
            Change::SignOff { by, at, digest } => {
                self.signed = Some(sign_off(self, by, *at, digest));
            }
            Change::Reopen { .. } => {
                self.signed.take().ok_or(Refusal::NotSigned)?;
            }
            Change::SelfCheck { department, to, .. } => {
                self.hearing_mut(department)?.selfcheck = to.as_deref().cloned();
            }
            Change::FollowUp {
                department,
                area,
                finding,
                to,
                ..
            } => self.apply_followup(department, area, *finding, to)?,
            Change::Attach { .. } | Change::Detach { .. } => self.apply_evidence(event)?,
            Change::AddChecklist { checklist } => self
                .add_checklist(checklist.as_ref().clone())
                .map_err(Refusal::Joining)?,
            sheet => self.apply_to_sheet(sheet)?,
        }
        Ok(true)
    }

    /// A mark, a note or an answer field of one cell.
    fn apply_to_cell(&mut self, event: &Event) -> Result<(), Refusal> {
        match &event.change {
            Change::Mark {
                department,
                item,
                to,
                to_applicability,
                ..
            } => {
                let answer = self.answer_mut(department, item)?;
                answer.mark = to.clone();
                answer.by_applicability = *to_applicability;
                // A cell given back to applicability was never set by anyone.
                answer.set_at = (!to_applicability).then_some(event.at);
                self.settle_gates(department, item);
            }
            Change::Note {
                department,
                item,
                to,
                ..
            } => {
                let answer = self.answer_mut(department, item)?;
                answer.note = to.clone();
                answer.set_at = Some(event.at);
            }
            Change::Field {
                department,
                item,
                field,
                to,
                ..
            } => {
                self.item_anywhere(item)
                    .and_then(|(c, _)| c.field(field))
                    .ok_or_else(|| Refusal::UnknownField(field.clone()))?;
                let answer = self.answer_mut(department, item)?;
                match to {
                    Some(value) => answer.fields.insert(field.clone(), value.clone()),
                    None => answer.fields.remove(field),
                };
                answer.set_at = Some(event.at);
            }
            _ => {}
        }
        Ok(())
    }

    /// After a mark on `item`: the applicability of the department's items that depend
    /// on answers, when some item depends on this one.
    fn settle_gates(&mut self, department: &str, item: &str) {
        let gates_this = |i: &Item| {
            let mut conditions = Vec::new();
            i.applies.answers(&mut conditions);
            conditions.iter().any(|c| {
                matches!(c, Condition::Answer(g, _) | Condition::AnswerMeans(g, _) if g == item)
            })
        };
        if !self.checklist.items().any(|(_, i)| gates_this(i)) {
            return;
        }
        let checklist = &self.checklist;
        if let Some(hearing) = self
            .hearings
            .iter_mut()
            .find(|h| h.department.short == department)
        {
            hearing.settle(checklist, |i| i.applies.refers_to_answers());
        }
    }

    /// Applies a change to a department sheet; `apply` has checked the sign-off.
    fn apply_to_sheet(&mut self, change: &Change) -> Result<(), Refusal> {
        match change {
            Change::Observation {
                department,
                area,
                to,
                ..
            } => self.sheet_mut(department, area)?.observation.clone_from(to),
            Change::Finding {
                department,
                area,
                from,
                to,
            } => {
                let sheet = self.sheet_mut(department, area)?;
                let id = from.as_ref().or(to.as_ref()).map(|f| f.id);
                sheet.findings.retain(|f| Some(f.id) != id);
                if let Some(finding) = to {
                    let at = sheet.findings.partition_point(|f| f.id < finding.id);
                    sheet.findings.insert(at, finding.clone());
                }
            }
            Change::Dismissal {
                department,
                item,
                dismissed,
            } => {
                let area = self
                    .area_of(item)
                    .map(|a| a.id.clone())
                    .ok_or_else(|| Refusal::UnknownItem(item.clone()))?;
                let set = &mut self.sheet_mut(department, &area)?.dismissed;
                if *dismissed {
                    set.insert(item.clone());
                } else {
                    set.remove(item);
                }
            }
            // `apply` handles every other change itself.
            _ => {}
        }
        Ok(())
    }

    /// Applies an attach or a detach; `apply` has checked the sign-off and the place.
    fn apply_evidence(&mut self, event: &Event) -> Result<(), Refusal> {
        match &event.change {
            Change::Attach { attachment } => {
                let id = &attachment.id;
                if self
                    .hearings
                    .iter()
                    .flat_map(|h| &h.evidence)
                    .any(|a| &a.attachment.id == id)
                {
                    return Err(Refusal::EvidenceExists(id.clone()));
                }
                self.hearing_mut(&attachment.department)?
                    .evidence
                    .push(Attached {
                        attachment: attachment.clone(),
                        at: event.at,
                        by: event.by.clone(),
                    });
            }
            Change::Detach { attachment } => {
                let evidence = &mut self.hearing_mut(&attachment.department)?.evidence;
                let before = evidence.len();
                evidence.retain(|a| a.attachment.id != attachment.id);
                if evidence.len() == before {
                    return Err(Refusal::UnknownEvidence(attachment.id.clone()));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn sheet_mut(&mut self, department: &str, area: &str) -> Result<&mut AreaSheet, Refusal> {
        let (department, area) = self.locate_area(department, area)?;
        let hearing = self.hearing_mut(&department)?;
        Ok(hearing.sheet.entry(area).or_default())
    }

    /// Applies a follow-up change to the earlier 指摘事項 it names.
    fn apply_followup(
        &mut self,
        department: &str,
        area: &str,
        finding: u32,
        to: &FollowUpState,
    ) -> Result<(), Refusal> {
        let unknown = || Refusal::UnknownFinding {
            department: department.to_string(),
            area: area.to_string(),
            id: finding,
        };
        let previous = self.previous.as_mut().ok_or_else(unknown)?;
        let followup = previous
            .followups
            .iter_mut()
            .find(|f| f.department == department && f.area == area && f.finding.id == finding)
            .ok_or_else(unknown)?;
        followup.state = to.clone();
        Ok(())
    }
}

//! Undo and redo of this sitting's changes. Undo stays within the department on
//! screen; a change of another department is only undone when the auditor says so,
//! since its cell is not the one they are looking at. The message line names what
//! an undo or a redo did.

use crate::i18n::Strings;
use crate::session::Change;

#[derive(Default)]
pub struct Sitting {
    /// Changes made in this sitting, oldest first.
    done: Vec<Change>,
    /// Changes undone, most recent last; a new change forgets them.
    undone: Vec<Change>,
}

/// What `u` finds to undo.
pub enum Found {
    /// A change of the department on screen.
    Here(Change),
    /// Only another department has changes left; undoing one needs a yes.
    Elsewhere(Change),
    Nothing,
}

impl Sitting {
    /// Remembers a change made by the auditor; what was undone can no longer be redone.
    pub fn did(&mut self, change: Change) {
        if !matches!(change, Change::Move(_)) {
            self.done.push(change);
            self.undone.clear();
        }
    }

    /// The latest change of `department`, else the latest of any other.
    pub fn find(&self, department: &str) -> Found {
        let here = self
            .done
            .iter()
            .rev()
            .find(|c| department_of(c).is_none_or(|d| d == department));
        match (here, self.done.last()) {
            (Some(change), _) => Found::Here(change.clone()),
            (None, Some(change)) => Found::Elsewhere(change.clone()),
            (None, None) => Found::Nothing,
        }
    }

    /// Takes `change` (found by `find`) off the done list: it is being undone.
    pub fn undo(&mut self, change: &Change) {
        if let Some(at) = self.done.iter().rposition(|c| c == change) {
            let change = self.done.remove(at);
            self.undone.push(change);
        }
    }

    /// The change to do again, if any: the last one undone.
    pub fn redo(&mut self) -> Option<Change> {
        let change = self.undone.pop()?;
        self.done.push(change.clone());
        Some(change)
    }
}

/// The department (short name) a change made in the sitting is about; None for a move
/// and for changes of the round as a whole.
pub fn department_of(change: &Change) -> Option<&str> {
    match change {
        Change::Move(_) => None,
        other => other.department(),
    }
}

/// The cell an undo goes back to (None for a change that is not about one cell), and
/// how the message line names what it undid.
pub fn describe(change: &Change, t: &Strings) -> (Option<(String, String)>, String) {
    let shown = |m: &Option<String>| m.clone().unwrap_or_else(|| t.unanswered.to_string());
    let cell = |department: &String, item: &String| Some((department.clone(), item.clone()));
    match change {
        Change::Mark {
            department,
            item,
            from,
            to,
            ..
        } => (
            cell(department, item),
            format!("{item} {} → {}", shown(to), shown(from)),
        ),
        Change::Note {
            department, item, ..
        } => (cell(department, item), format!("{item} {}", t.note)),
        Change::Field {
            department,
            item,
            field,
            ..
        } => (cell(department, item), format!("{item} {field}")),
        Change::Dismissal {
            department, item, ..
        } => (cell(department, item), format!("{department} {item}")),
        Change::Observation {
            department, area, ..
        } => (None, format!("{department} {area}")),
        Change::Finding {
            department,
            area,
            from,
            to,
        } => {
            let id = from.as_ref().or(to.as_ref()).map_or(0, |f| f.id);
            (None, format!("{department} {area} #{id}"))
        }
        Change::Fact { field, .. } => (None, format!("{field:?}")),
        Change::Improvement { item, .. } => (None, format!("{item} {}", t.improvements)),
        Change::FollowUp {
            department,
            area,
            finding,
            ..
        } => (None, format!("{department} {area} #{finding}")),
        Change::DepartmentFact {
            department, field, ..
        } => (None, format!("{department} {field:?}")),
        Change::SelfCheck { department, .. } => {
            (None, format!("{department} {}", t.self_assessment))
        }
        Change::Attach { attachment } | Change::Detach { attachment } => {
            let cell = attachment
                .target
                .item()
                .and_then(|item| cell(&attachment.department, &item.to_string()));
            (
                cell,
                format!("{} {}", attachment.target.id(), attachment.file.name),
            )
        }
        Change::Move(_)
        | Change::SignOff { .. }
        | Change::Reopen { .. }
        | Change::AddChecklist { .. } => (None, String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::seed_session;

    #[test]
    fn undo_stays_in_the_department_and_redo_follows() {
        let session = seed_session();
        let mark = |d: &str, i: &str| session.set_mark(d, i, Some("○")).unwrap();
        let mut sitting = Sitting::default();
        sitting.did(mark("保育", "I-1"));
        sitting.did(mark("障がい", "I-1"));
        let Found::Here(change) = sitting.find("保育") else {
            panic!("保育 has a change")
        };
        assert_eq!(department_of(&change), Some("保育"));
        sitting.undo(&change);
        assert!(matches!(sitting.find("保育"), Found::Elsewhere(_)));
        assert_eq!(sitting.redo(), Some(change));
        sitting.did(mark("保育", "I-2(1)"));
        assert_eq!(sitting.redo(), None, "a new change forgets what was undone");
    }
}

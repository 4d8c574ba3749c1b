//! Every change to a session as a value: what it was and what it becomes, so that
//! each has an inverse (undo) and the history can say "old → new".

use serde::{Deserialize, Serialize};

use super::cursor::Cursor;
use super::evidence::Attachment;
use super::previous::FollowUpState;
use super::selfcheck::SelfCheck;
use super::sheet::Finding;
use super::time::{Hlc, Timestamp};
use crate::checklist::Checklist;
use crate::facts::{FactField, FactValue};

/// A change, with who made it and when. Journal lines and history entries are events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The writer's wall clock when it was made, as shown to people.
    pub at: Timestamp,
    pub by: String,
    pub change: Change,
    /// Its hybrid logical time, which orders changes (`Event::time`); absent from
    /// changes recorded before changes carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hlc: Option<Hlc>,
}

impl Event {
    /// A change by `by` at `at` with no hybrid logical time (ordered by `at`), as
    /// changes were recorded before; `Session::stamp` gives one its time.
    pub fn at(at: Timestamp, by: impl Into<String>, change: Change) -> Event {
        Event {
            at,
            by: by.into(),
            change,
            hlc: None,
        }
    }

    /// The time that orders it: its hybrid logical time, else its time stamp.
    pub fn time(&self) -> Hlc {
        self.hlc.unwrap_or_else(|| Hlc::of_time(&self.at))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Change {
    Mark {
        department: String,
        item: String,
        from: Option<String>,
        to: Option<String>,
        /// `from` was set by applicability, not by an auditor: undoing this change
        /// must give the cell back to applicability, not make it the auditor's.
        #[serde(default, skip_serializing_if = "is_false")]
        from_applicability: bool,
        /// `to` is applicability's (an undo of an override).
        #[serde(default, skip_serializing_if = "is_false")]
        to_applicability: bool,
    },
    Note {
        department: String,
        item: String,
        from: String,
        to: String,
    },
    /// The place to resume at; not part of the history.
    Move(Cursor),
    /// An extra field of an answer (確認日, 目標日…); None clears it.
    Field {
        department: String,
        item: String,
        field: String,
        from: Option<String>,
        to: Option<String>,
    },
    /// A fact of the round (監査目的, 報告日, 総評, …).
    Fact {
        field: FactField,
        from: FactValue,
        to: FactValue,
    },
    /// The 改善内容等 of an item, for the whole round (empty: the departments' notes).
    Improvement {
        item: String,
        from: String,
        to: String,
    },
    /// A department's own value of a per-department fact; None: the round's.
    DepartmentFact {
        department: String,
        field: FactField,
        from: Option<String>,
        to: Option<String>,
    },
    /// The 所見 of one area of a department.
    Observation {
        department: String,
        area: String,
        from: String,
        to: String,
    },
    /// A 指摘事項 added (`from` None), edited, or removed (`to` None).
    Finding {
        department: String,
        area: String,
        from: Option<Finding>,
        to: Option<Finding>,
    },
    /// A proposed 指摘事項 dismissed by the auditor (or no longer, when undone).
    Dismissal {
        department: String,
        item: String,
        dismissed: bool,
    },
    /// The round signed off by `by` at `at`; `digest` is of the content as signed.
    SignOff {
        by: String,
        at: Timestamp,
        digest: String,
    },
    /// Editable again after the sign-off of `digest`, and why.
    Reopen { reason: String, digest: String },
    /// A department's self-assessment imported (`from` the one it replaces, if any),
    /// or removed (`to` None, by an undo).
    SelfCheck {
        department: String,
        from: Option<Box<SelfCheck>>,
        to: Option<Box<SelfCheck>>,
    },
    /// The follow-up of an earlier round's 指摘事項 (by department, area and id).
    FollowUp {
        department: String,
        area: String,
        finding: u32,
        from: FollowUpState,
        to: FollowUpState,
    },
    /// A file attached as evidence (証跡) to a cell or to a department's finding.
    Attach { attachment: Attachment },
    /// An attachment removed; its stored file stays, for the history.
    Detach { attachment: Attachment },
    /// A checklist added to the open round, after the others (`Session::add_checklist`):
    /// the whole checklist, so that a part, a merge and the history carry it. Never
    /// undone: its answers may have been recorded since.
    AddChecklist { checklist: Box<Checklist> },
}

impl Change {
    /// The change that undoes this one; None for a sign-off and a reopen, which are
    /// never undone (a reopen is how a sign-off is left).
    pub fn inverse(&self) -> Option<Change> {
        let change = match self.clone() {
            Change::Mark {
                department,
                item,
                from,
                to,
                from_applicability,
                to_applicability,
            } => Change::Mark {
                department,
                item,
                from: to,
                to: from,
                from_applicability: to_applicability,
                to_applicability: from_applicability,
            },
            Change::Note {
                department,
                item,
                from,
                to,
            } => Change::Note {
                department,
                item,
                from: to,
                to: from,
            },
            Change::Move(cursor) => Change::Move(cursor),
            Change::Field {
                department,
                item,
                field,
                from,
                to,
            } => Change::Field {
                department,
                item,
                field,
                from: to,
                to: from,
            },
            Change::Fact { field, from, to } => Change::Fact {
                field,
                from: to,
                to: from,
            },
            Change::Improvement { item, from, to } => Change::Improvement {
                item,
                from: to,
                to: from,
            },
            Change::DepartmentFact {
                department,
                field,
                from,
                to,
            } => Change::DepartmentFact {
                department,
                field,
                from: to,
                to: from,
            },
            Change::Attach { attachment } => Change::Detach { attachment },
            Change::Detach { attachment } => Change::Attach { attachment },
            other => return other.inverse_on_sheet(),
        };
        Some(change)
    }

    /// The inverse of a change to a department sheet (所見, 指摘事項, dismissals).
    fn inverse_on_sheet(self) -> Option<Change> {
        Some(match self {
            Change::Observation {
                department,
                area,
                from,
                to,
            } => Change::Observation {
                department,
                area,
                from: to,
                to: from,
            },
            Change::Finding {
                department,
                area,
                from,
                to,
            } => Change::Finding {
                department,
                area,
                from: to,
                to: from,
            },
            Change::Dismissal {
                department,
                item,
                dismissed,
            } => Change::Dismissal {
                department,
                item,
                dismissed: !dismissed,
            },
            Change::SelfCheck {
                department,
                from,
                to,
            } => Change::SelfCheck {
                department,
                from: to,
                to: from,
            },
            Change::FollowUp {
                department,
                area,
                finding,
                from,
                to,
            } => Change::FollowUp {
                department,
                area,
                finding,
                from: to,
                to: from,
            },
            _ => return None,
        })
    }

    /// The department (short name) the change is about, if it is about one.
    pub fn department(&self) -> Option<&str> {
        match self {
            Change::Mark { department, .. }
            | Change::Note { department, .. }
            | Change::Field { department, .. }
            | Change::DepartmentFact { department, .. }
            | Change::Observation { department, .. }
            | Change::Finding { department, .. }
            | Change::Dismissal { department, .. }
            | Change::SelfCheck { department, .. } => Some(department),
            Change::FollowUp { department, .. } => Some(department),
            Change::Attach { attachment } | Change::Detach { attachment } => {
                Some(&attachment.department)
            }
            Change::Move(cursor) => Some(&cursor.department),
            Change::Fact { .. }
            | Change::Improvement { .. }
            | Change::SignOff { .. }
            | Change::Reopen { .. }
            | Change::AddChecklist { .. } => None,
        }
    }

    /// True when the change names `item`: a mark or note of it, a dismissal of its
    /// proposal, or a 指摘事項 that names it before or after.
    pub fn names_item(&self, id: &str) -> bool {
        let in_finding = |f: &Option<Finding>| f.as_ref().is_some_and(|f| f.names(id));
        match self {
            Change::Mark { item, .. }
            | Change::Note { item, .. }
            | Change::Field { item, .. }
            | Change::Improvement { item, .. } => item == id,
            Change::Dismissal { item, .. } => item == id,
            Change::Finding { from, to, .. } => in_finding(from) || in_finding(to),
            Change::Move(cursor) => cursor.item == id,
            Change::Attach { attachment } | Change::Detach { attachment } => {
                attachment.target.item() == Some(id)
            }
            _ => false,
        }
    }

    /// Changes a signed session refuses: all but moving the cursor and reopening.
    pub fn edits(&self) -> bool {
        !matches!(self, Change::Move(_) | Change::Reopen { .. })
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

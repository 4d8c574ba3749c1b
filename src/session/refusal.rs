//! Why a change was refused: the facts of it, never a sentence. The words are the
//! language tables' (`i18n`).

use crate::facts::FactField;

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no department {0:?} in this session")]
    UnknownDepartment(String),
    #[error("no item {0:?} in this checklist")]
    UnknownItem(String),
    #[error("no mark {0:?} in this checklist's scale")]
    UnknownMark(String),
    #[error("no answer field {0:?} in this checklist")]
    UnknownField(String),
    #[error("{field}: expected a date as YYYY-MM-DD, found {value:?}")]
    BadDate { field: String, value: String },
    #[error("signed off by {by}: reopen it, with a reason, to change it")]
    Signed { by: String },
    #[error("no area {0:?} in this checklist")]
    UnknownArea(String),
    #[error("item {item:?} is not in area {area:?}")]
    NotInArea { item: String, area: String },
    #[error("no finding {id} in {department} {area}")]
    UnknownFinding {
        department: String,
        area: String,
        id: u32,
    },
    #[error("a finding names at least one item")]
    NoItems,
    #[error("{item} of {department} is not proposed as a finding")]
    NotProposed { department: String, item: String },
    #[error("{0:?} does not take a value of that kind")]
    FactKind(FactField),
    #[error("{0:?} is the same for every department")]
    NotPerDepartment(FactField),
    #[error("not signed off")]
    NotSigned,
    #[error("a reopen needs a reason")]
    NoReason,
    #[error("{0} is neither an auditor nor the lead of this round")]
    NotASigner(String),
    #[error("{0} entries block sign-off (see kansa review)")]
    Blocked(usize),
    #[error("no follow-up #{0} in this round")]
    UnknownFollowUp(usize),
}

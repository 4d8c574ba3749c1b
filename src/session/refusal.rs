//! Why a change was refused: the facts of it, never a sentence. The words are the
//! language tables' (`i18n`).

use crate::facts::field::FactField;

/// Why a change was refused: what the session lacks, or the rule the change breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    UnknownDepartment(String),
    UnknownItem(String),
    UnknownMark(String),
    UnknownField(String),
    BadDate {
        field: String,
        value: String,
    },
    Signed {
        by: String,
    },
    UnknownArea(String),
    NotInArea {
        item: String,
        area: String,
    },
    UnknownFinding {
        department: String,
        area: String,
        id: u32,
    },
    NoItems,
    NotProposed {
        department: String,
        item: String,
    },
    FactKind(FactField),
    NotPerDepartment(FactField),
    NotSigned,
    NoReason,
    /// A change of the whole round (sign-off, reopen, self-assessment, evidence, a
    /// follow-up) asked for while the screens show another checklist than the main one.
    MainChecklistOnly,
    NotASigner(String),
    /// Signing off while other writers have the round open: who they are.
    OthersWriting(Vec<String>),
    Blocked(usize),
    UnknownFollowUp(usize),
    /// An attachment with this id is in force already.
    EvidenceExists(String),
    /// No attachment in force has this id.
    UnknownEvidence(String),
}

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
    /// A checklist that cannot join the round (`Session::add_checklist`).
    Joining(Joining),
}

/// Why a checklist cannot join a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joining {
    /// Its id is the id of a checklist the round already has.
    SameId(String),
    /// An id of the round's checklists holds the qualifier, so its answers could be
    /// taken for another checklist's.
    Qualifier(String),
    /// One of its marks takes a key the screens keep (the rule `validate` applies).
    ReservedKey(char),
    /// It is for none of the round's departments: it would add nothing to hear.
    NoDepartment(String),
}

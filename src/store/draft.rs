//! Text being typed (a note, a 所見, the 総評) kept beside the session as `ID.draft`,
//! so that a power cut or a kill loses nothing. A draft is not part of the session or
//! its history: it is offered back when the session is opened again and removed once
//! the text is recorded.

use serde::{Deserialize, Serialize};

use crate::facts::FactField;
use crate::session::Timestamp;

/// Where a draft's text belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftTarget {
    /// The note of a cell (department short name, item id).
    Note { department: String, item: String },
    /// The 所見 of an area of a department.
    Observation { department: String, area: String },
    /// A fact of the round, such as the 総評.
    Fact(FactField),
}

/// The text being typed when it was last saved, and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub target: DraftTarget,
    pub text: String,
    pub saved_at: Timestamp,
}

//! A department's self-assessment as a session keeps it, read from the workbook it
//! returned. How workbooks are written and read is `selfcheck`'s.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// A department's self-assessment, as read from the workbook it returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheck {
    /// Who answered: the department's name as the session knows it.
    pub by: String,
    /// When the workbook was imported.
    pub imported: Timestamp,
    /// The file's name as it was imported, and the SHA-256 of its bytes (hex).
    pub file: String,
    pub digest: String,
    /// By item id: only the items the department answered or commented on.
    #[serde(default)]
    pub answers: BTreeMap<String, SelfAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfAnswer {
    /// The mark's symbol; None when the department left the mark blank.
    #[serde(default)]
    pub mark: Option<String>,
    #[serde(default)]
    pub comment: String,
}

impl SelfCheck {
    pub fn answer(&self, item: &str) -> Option<&SelfAnswer> {
        self.answers.get(item)
    }

    /// The department's mark for `item`, if it gave one.
    pub fn mark(&self, item: &str) -> Option<&str> {
        self.answer(item)?.mark.as_deref()
    }
}

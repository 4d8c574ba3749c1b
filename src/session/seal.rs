//! What a sign-off records: who, when, the digest of the content and its seal — the
//! marks as signed and a short digest of every other part — so that a later check can
//! name what changed. How they are computed is `digest`'s; signing, reopening and
//! verifying are `signoff`'s.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::Timestamp;
use crate::facts::FactField;

/// Who signed the round off, when, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub by: String,
    pub at: Timestamp,
    /// SHA-256 of the canonical content, lower-case hex.
    pub digest: String,
    pub seal: Seal,
}

/// The content as signed, compactly: enough to name a later change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    pub checklist: String,
    /// The departments' short names, in order.
    pub roster: Vec<String>,
    pub facts: BTreeMap<FactField, String>,
    pub departments: Vec<DepartmentSeal>,
    /// Digest of the earlier round's 指摘事項 and their follow-ups; empty for a round
    /// not started from another (whose digest is as before follow-ups existed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub followups: String,
    /// Item id → digest of the round's 改善内容等 of the item, where one is written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub improvements: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentSeal {
    pub department: String,
    pub profile: String,
    #[serde(default)]
    pub facts: BTreeMap<FactField, String>,
    /// Item id → the mark's symbol, as signed (a mark is short and worth naming).
    #[serde(default)]
    pub marks: BTreeMap<String, String>,
    /// Item id → digest of the note.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Area id → digest of the 所見.
    #[serde(default)]
    pub observations: BTreeMap<String, String>,
    /// Area id → digest of the 指摘事項 and dismissals.
    #[serde(default)]
    pub findings: BTreeMap<String, String>,
    /// Attachment id → the file attached as evidence, as signed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, EvidenceSeal>,
}

/// A file attached as evidence, as signed: enough to name it when it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSeal {
    /// The item or area it is attached to.
    pub place: String,
    pub name: String,
    /// Digest of the attachment: where, name, size, SHA-256, note.
    pub digest: String,
}

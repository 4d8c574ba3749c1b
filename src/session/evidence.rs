//! The data of evidence (証跡): a file attached to a cell (department × item) or to a
//! department's finding (an area of its sheet), as the journal records it — the file's
//! original name, size, type, time and SHA-256, and a note. The file itself is kept by
//! the store under its hash; what is done with attachments is `crate::evidence`'s.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// What a file is attached to: a cell (item) or a department's finding (area).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EvidenceTarget {
    Item(String),
    Area(String),
}

impl EvidenceTarget {
    /// The item or area id.
    pub fn id(&self) -> &str {
        match self {
            EvidenceTarget::Item(id) | EvidenceTarget::Area(id) => id,
        }
    }

    pub fn item(&self) -> Option<&str> {
        match self {
            EvidenceTarget::Item(id) => Some(id),
            EvidenceTarget::Area(_) => None,
        }
    }

    pub fn area(&self) -> Option<&str> {
        match self {
            EvidenceTarget::Area(id) => Some(id),
            EvidenceTarget::Item(_) => None,
        }
    }
}

/// A file as it was when attached. The stored copy is named by `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileInfo {
    /// The original file name, kept as data (it may hold what a file system forbids).
    pub name: String,
    pub size: u64,
    /// The media type guessed from the name's extension (`image/png`, …).
    pub kind: String,
    /// The file's modification time, when the file system gave one.
    #[serde(default)]
    pub modified: Option<Timestamp>,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
}

/// One attachment, as an attach change carries it and a detach names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Short, unique within the round (and across its parts): what `kansa detach` names.
    pub id: String,
    /// Short name of the department.
    pub department: String,
    pub target: EvidenceTarget,
    pub file: FileInfo,
    #[serde(default)]
    pub note: String,
}

/// An attachment in force, with who attached it and when (from its change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attached {
    pub attachment: Attachment,
    pub at: Timestamp,
    pub by: String,
}

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
#[serde(from = "AttachedRow", into = "AttachedRow")]
pub struct Attached {
    pub attachment: Attachment,
    pub at: Timestamp,
    pub by: String,
}

/// An attachment in force as a session's snapshot keeps it: a tuple on one line (id,
/// department, target, name, size, type, modified, SHA-256, note, attached at, by).
/// Field names on a line each made opening a round with 2,000 files 11 ms slower.
#[derive(Clone, Serialize, Deserialize)]
struct AttachedRow(
    String,
    String,
    EvidenceTarget,
    String,
    u64,
    String,
    Option<Timestamp>,
    String,
    String,
    Timestamp,
    String,
);

impl From<AttachedRow> for Attached {
    fn from(r: AttachedRow) -> Attached {
        let file = FileInfo {
            name: r.3,
            size: r.4,
            kind: r.5,
            modified: r.6,
            sha256: r.7,
        };
        let attachment = Attachment {
            id: r.0,
            department: r.1,
            target: r.2,
            file,
            note: r.8,
        };
        Attached {
            attachment,
            at: r.9,
            by: r.10,
        }
    }
}

impl From<Attached> for AttachedRow {
    fn from(a: Attached) -> AttachedRow {
        let Attached { attachment, at, by } = a;
        let Attachment {
            id,
            department,
            target,
            file,
            note,
        } = attachment;
        AttachedRow(
            id,
            department,
            target,
            file.name,
            file.size,
            file.kind,
            file.modified,
            file.sha256,
            note,
            at,
            by,
        )
    }
}

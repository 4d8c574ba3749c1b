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

/// An attachment in force, with who attached it and when (from its change). A
/// session's snapshot keeps it as one line of text (see `row`): a round with
/// thousands of files must open as fast as one without.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Attached {
    pub attachment: Attachment,
    pub at: Timestamp,
    pub by: String,
}

/// Between the fields of an attachment's line; `\` escapes it and itself.
const SEPARATOR: char = '|';

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(SEPARATOR, "\\|")
}

/// The fields of a line, unescaped.
fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields
                .last_mut()
                .into_iter()
                .for_each(|f| f.extend(chars.next())),
            SEPARATOR => fields.push(String::new()),
            c => fields.last_mut().into_iter().for_each(|f| f.push(c)),
        }
    }
    fields
}

/// One line: id, department, I or A and the item or area, name, size, type,
/// modified (or empty), SHA-256, note, attached at, by.
impl From<Attached> for String {
    fn from(a: Attached) -> String {
        let (x, file) = (&a.attachment, &a.attachment.file);
        let (kind, target) = match &x.target {
            EvidenceTarget::Item(i) => ("I", i),
            EvidenceTarget::Area(a) => ("A", a),
        };
        let modified = file.modified.map(|m| m.to_rfc3339()).unwrap_or_default();
        let size = file.size.to_string();
        let at = a.at.to_rfc3339();
        let fields: [&str; 12] = [
            &x.id,
            &x.department,
            kind,
            target,
            &file.name,
            &size,
            &file.kind,
            &modified,
            &file.sha256,
            &x.note,
            &at,
            &a.by,
        ];
        fields.map(escape).join("|")
    }
}

impl TryFrom<String> for Attached {
    type Error = String;

    fn try_from(line: String) -> Result<Attached, String> {
        let bad = || format!("not an attachment: {line:?}");
        let f: [String; 12] = fields(&line).try_into().map_err(|_| bad())?;
        let time = |t: &str| chrono::DateTime::parse_from_rfc3339(t).map_err(|_| bad());
        let [
            id,
            department,
            kind,
            target,
            name,
            size,
            media,
            modified,
            sha256,
            note,
            at,
            by,
        ] = f;
        let target = match kind.as_str() {
            "I" => EvidenceTarget::Item(target),
            "A" => EvidenceTarget::Area(target),
            _ => return Err(bad()),
        };
        let modified = match modified.as_str() {
            "" => None,
            m => Some(time(m)?),
        };
        let file = FileInfo {
            name,
            size: size.parse().map_err(|_| bad())?,
            kind: media,
            modified,
            sha256,
        };
        let attachment = Attachment {
            id,
            department,
            target,
            file,
            note,
        };
        Ok(Attached {
            attachment,
            at: time(&at)?,
            by,
        })
    }
}

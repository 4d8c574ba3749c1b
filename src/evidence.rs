//! Evidence (証跡): files attached to a cell or to a department's finding. The changes
//! that attach and detach them, the attachments in force of a cell, a department or
//! the round, the media type of a file by its name, and the names Windows forbids.
//! The files themselves are the store's (`store::blobs`), kept by their SHA-256.

use sha2::{Digest, Sha256};

use crate::session::{Attached, Attachment, Change, EvidenceTarget, FileInfo, Refusal, Session};

/// The per-file limit when none is set: 100 MB.
pub const DEFAULT_LIMIT_MB: u64 = 100;

/// Bytes in the MB of a limit (as Windows Explorer counts them).
pub const MB: u64 = 1024 * 1024;

/// Where a file is to be attached, as a person names it: a department (full or short
/// name) and an item or an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Where {
    pub department: String,
    pub target: EvidenceTarget,
}

impl Session {
    /// The change that attaches `file` to `at`: refused on a signed round and where the
    /// round has no such department, item or area. `salt` (the time, say) makes the
    /// id of the same file attached twice to one cell differ.
    pub fn attach(
        &self,
        at: &Where,
        file: FileInfo,
        note: &str,
        salt: &str,
    ) -> Result<Change, Refusal> {
        self.editable()?;
        let (department, target) = self.resolve(at)?;
        let attachment = Attachment {
            id: self.new_evidence_id(&department, &target, &file.sha256, salt),
            department,
            target,
            file,
            note: note.trim().to_string(),
        };
        Ok(Change::Attach { attachment })
    }

    /// The change that detaches the attachment `id` (or the one its unique prefix
    /// names); its stored file stays.
    pub fn detach(&self, id: &str) -> Result<Change, Refusal> {
        self.editable()?;
        let id = id.trim();
        let mut found = self
            .evidence()
            .filter(|a| !id.is_empty() && a.attachment.id.starts_with(id));
        match (found.next(), found.next()) {
            (Some(one), None) => Ok(Change::Detach {
                attachment: one.attachment.clone(),
            }),
            _ => Err(Refusal::UnknownEvidence(id.to_string())),
        }
    }

    /// The department's short name and the target's id as the checklist spells them.
    pub fn resolve(&self, at: &Where) -> Result<(String, EvidenceTarget), Refusal> {
        Ok(match &at.target {
            EvidenceTarget::Item(item) => {
                let (d, i) = self.locate(&at.department, item)?;
                (d, EvidenceTarget::Item(i))
            }
            EvidenceTarget::Area(area) => {
                let (d, a) = self.locate_area(&at.department, area)?;
                (d, EvidenceTarget::Area(a))
            }
        })
    }

    /// The attachment in force with this id, in any department.
    pub fn attached(&self, id: &str) -> Option<&Attached> {
        self.evidence().find(|a| a.attachment.id == id)
    }

    /// Every attachment in force, department by department, in the order attached.
    pub fn evidence(&self) -> impl Iterator<Item = &Attached> {
        self.hearings.iter().flat_map(|h| &h.evidence)
    }

    /// The attachments in force of a department (full or short name) and a target.
    pub fn evidence_of<'a>(
        &'a self,
        department: &'a str,
        target: &'a EvidenceTarget,
    ) -> impl Iterator<Item = &'a Attached> {
        self.hearing(department)
            .into_iter()
            .flat_map(|h| &h.evidence)
            .filter(move |a| &a.attachment.target == target)
    }

    /// How many files a cell has.
    pub fn evidence_count(&self, department: &str, item: &str) -> usize {
        let target = EvidenceTarget::Item(item.to_string());
        self.evidence_of(department, &target).count()
    }

    /// Eight hex digits, more when needed to differ from every id of the round's
    /// history (a detached id is never given again).
    fn new_evidence_id(
        &self,
        department: &str,
        target: &EvidenceTarget,
        sha256: &str,
        salt: &str,
    ) -> String {
        let mut hasher = Sha256::new();
        for part in [department, target.id(), sha256, salt] {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part.as_bytes());
        }
        let hex: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let used = |id: &str| {
            self.history.iter().any(|e| match &e.change {
                Change::Attach { attachment } => attachment.id.starts_with(id),
                _ => false,
            }) || self.evidence().any(|a| a.attachment.id.starts_with(id))
        };
        let mut len = 8;
        while len < hex.len() && used(&hex[..len]) {
            len += 2;
        }
        hex[..len].to_string()
    }
}

/// The media type of a file, guessed from its name's extension.
pub fn media_type(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "webp" => "image/webp",
        "tif" | "tiff" => "image/tiff",
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "htm" | "html" => "text/html",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip" => "application/zip",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

/// True when the media type is an image a browser shows.
pub fn is_image(kind: &str) -> bool {
    matches!(
        kind,
        "image/png" | "image/jpeg" | "image/gif" | "image/bmp" | "image/webp"
    )
}

/// True when Windows could not name a file so: a character it forbids (`< > : " / \
/// | ? *` or a control character), a reserved device name (`CON`, `COM1.txt`, …), or
/// a trailing dot or space. The body of evidence is written under original names.
pub fn forbidden_on_windows(name: &str) -> bool {
    const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];
    if name.is_empty()
        || name.ends_with(['.', ' '])
        || name
            .chars()
            .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c))
    {
        return true;
    }
    let stem = name.split('.').next().unwrap_or("").trim_end();
    let upper = stem.to_ascii_uppercase();
    let numbered = |prefix: &str| {
        upper
            .strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.chars().all(|c| c.is_ascii_digit() && c != '0'))
    };
    RESERVED.contains(&upper.as_str()) || numbered("COM") || numbered("LPT")
}

/// The first 12 hex digits of a file's hash, as documents and lists show it.
pub fn short_hash(sha256: &str) -> &str {
    &sha256[..sha256.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names() {
        for bad in [
            "a:b.png", "CON", "con.txt", "COM1.log", "x?.txt", "a.", "b ", "LPT9",
        ] {
            assert!(forbidden_on_windows(bad), "{bad}");
        }
        for good in ["画面.png", "CONSOLE.txt", "COM0.txt", "log.txt", "COM10"] {
            assert!(!forbidden_on_windows(good), "{good}");
        }
    }

    #[test]
    fn an_attachment_keeps_every_character_through_its_line() {
        let at = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
        for note in ["", "a|b", "c\\d|", "\\", "|||", "メモ\n二行"] {
            let attached = Attached {
                attachment: Attachment {
                    id: "0a1b2c3d".into(),
                    department: "保育".into(),
                    target: EvidenceTarget::Area("III|x".into()),
                    file: FileInfo {
                        name: "画|面\\.png".into(),
                        size: 42,
                        kind: "image/png".into(),
                        modified: (note.len() % 2 == 0).then_some(at),
                        sha256: "ab".repeat(32),
                    },
                    note: note.into(),
                },
                at,
                by: "監査 太郎".into(),
            };
            let text = ron::to_string(&vec![attached.clone()]).unwrap();
            let back: Vec<Attached> = ron::from_str(&text).unwrap();
            assert_eq!(back, vec![attached], "{text}");
        }
    }

    #[test]
    fn media_types() {
        assert_eq!(media_type("デスクトップ.PNG"), "image/png");
        assert_eq!(media_type("noext"), "application/octet-stream");
    }
}

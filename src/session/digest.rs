//! The SHA-256 digest of a session's canonical content, and its seal, as a sign-off
//! records them (`seal`).
//!
//! The canonical content is the session's parsed values, never its text: a file
//! reformatted by hand (whitespace, escapes) keeps its digest. It is, in order: the
//! signer and the time of signing; the checklist; the departments in order; every
//! fact (those added later only when set, `FactField::sealed_when_set`); each item's
//! 改善内容等 that is written; then per department its profile, its own facts, each mark and non-empty
//! note (by item id), and each area's non-empty 所見 and 指摘事項 with dismissals.
//! The history, the cursor and the times of answers are not content. Each part is
//! fed to SHA-256 as its label and its value, each prefixed by its length (u64, big
//! endian), so no two contents can run together into the same bytes.

use sha2::{Digest, Sha256};

use super::evidence::{Attached, EvidenceTarget};
use super::hearing::Hearing;
use super::round::Session;
use super::seal::{DepartmentSeal, EvidenceSeal, Seal, SignOff};
use super::sheet::AreaSheet;
use super::time::Timestamp;
use crate::facts::{FactField, FactValue};

/// Names the canonical form, so that a later form cannot verify under this one.
const CANONICAL: &str = "kansa canonical content 1";

/// Hex digits of a part's digest in the seal: enough to tell a change, short enough
/// to keep the seal of a large audit small.
const PART_DIGEST_LEN: usize = 16;

/// One part of the canonical content.
enum Part<'a> {
    Checklist,
    Roster,
    Fact(FactField),
    Improvement(&'a str),
    Profile(&'a str),
    DepartmentFact(&'a str, FactField),
    Mark(&'a str, &'a str),
    Note(&'a str, &'a str),
    Observation(&'a str, &'a str),
    Findings(&'a str, &'a str),
    FollowUps,
    /// A file attached as evidence: its department and the attachment.
    Evidence(&'a str, &'a Attached),
}

impl Part<'_> {
    /// The part's name as the digest takes it; fields are separated by U+001F, which
    /// no id or name can hold unnoticed.
    fn label(&self) -> String {
        let join = |kind: &str, fields: &[&str]| {
            std::iter::once(kind)
                .chain(fields.iter().copied())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        };
        match self {
            Part::Checklist => join("checklist", &[]),
            Part::Roster => join("roster", &[]),
            Part::Fact(field) => join("fact", &[&format!("{field:?}")]),
            Part::Improvement(i) => join("improvement", &[i]),
            Part::Profile(d) => join("department", &[d]),
            Part::DepartmentFact(d, field) => join("department-fact", &[d, &format!("{field:?}")]),
            Part::Mark(d, i) => join("mark", &[d, i]),
            Part::Note(d, i) => join("note", &[d, i]),
            Part::Observation(d, a) => join("observation", &[d, a]),
            Part::Findings(d, a) => join("findings", &[d, a]),
            Part::FollowUps => join("follow-ups", &[]),
            Part::Evidence(d, a) => join("evidence", &[d, &a.attachment.id]),
        }
    }
}

/// Length-prefixed fields, so that a list of values has exactly one encoding.
#[derive(Default)]
struct Encoder(Vec<u8>);

impl Encoder {
    fn text(mut self, text: &str) -> Self {
        self.0.extend_from_slice(&(text.len() as u64).to_be_bytes());
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    fn list<'a>(self, texts: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let count = texts.len().to_string();
        texts.fold(self.text(&count), Encoder::text)
    }
}

fn encode_fact(value: &FactValue) -> Vec<u8> {
    let encoder = Encoder::default();
    match value {
        FactValue::Text(text) => encoder.text("text").text(text),
        FactValue::Date(date) => encoder
            .text("date")
            .text(&date.map(|d| d.to_string()).unwrap_or_default()),
        FactValue::Names(names) => encoder.text("names").list(names.iter().map(String::as_str)),
    }
    .0
}

fn encode_sheet(sheet: &AreaSheet) -> Vec<u8> {
    let mut encoder = Encoder::default().text(&sheet.findings.len().to_string());
    for finding in &sheet.findings {
        encoder = encoder
            .text(&finding.id.to_string())
            .list(finding.items.iter().map(String::as_str))
            .text(&finding.text);
    }
    encoder.list(sheet.dismissed.iter().map(String::as_str)).0
}

/// An attachment as sealed: where, the file's name, size and hash, and its note. Who
/// attached it and when are the history's, as for a mark.
fn encode_evidence(attached: &Attached) -> Vec<u8> {
    let a = &attached.attachment;
    let kind = match &a.target {
        EvidenceTarget::Item(_) => "item",
        EvidenceTarget::Area(_) => "area",
    };
    Encoder::default()
        .text(kind)
        .text(a.target.id())
        .text(&a.file.name)
        .text(&a.file.size.to_string())
        .text(&a.file.sha256)
        .text(&a.note)
        .0
}

/// The canonical content of `session`, part by part, in order.
fn canonical(session: &Session) -> Vec<(Part<'_>, Vec<u8>)> {
    // RON of the checklist: a value of the crate's own types, which always serialise.
    let mut checklist = ron::to_string(&session.checklist)
        .unwrap_or_else(|e| format!("unserialisable checklist: {e}"));
    // The round's other checklists are sealed with the main one (none: as before).
    for other in &session.extra {
        checklist.push('\n');
        checklist.push_str(&ron::to_string(other).unwrap_or_default());
    }
    let roster = session.hearings.iter().map(|h| h.department.short.as_str());
    let mut parts = vec![
        (Part::Checklist, checklist.into_bytes()),
        (Part::Roster, Encoder::default().list(roster).0),
    ];
    for field in FactField::ALL {
        let value = session.facts.get(field);
        if field.sealed_when_set() && value.is_empty() {
            continue;
        }
        parts.push((Part::Fact(field), encode_fact(&value)));
    }
    for (item, text) in &session.facts.improvements {
        parts.push((Part::Improvement(item), text.as_bytes().to_vec()));
    }
    for hearing in &session.hearings {
        department_parts(hearing, &mut parts);
    }
    if let Some(previous) = &session.previous {
        // RON of the crate's own types, as the checklist above.
        let followups = ron::to_string(&previous.followups)
            .unwrap_or_else(|e| format!("unserialisable follow-ups: {e}"));
        parts.push((Part::FollowUps, followups.into_bytes()));
    }
    parts
}

fn department_parts<'a>(hearing: &'a Hearing, parts: &mut Vec<(Part<'a>, Vec<u8>)>) {
    let department = &hearing.department;
    let d = department.short.as_str();
    let profile = Encoder::default()
        .text(&department.name)
        .text(&department.short)
        .list(department.tags.iter().map(String::as_str))
        .text(&department.remark);
    parts.push((Part::Profile(d), profile.0));
    for field in [FactField::Scope, FactField::Schedule] {
        if let Some(value) = hearing.facts.get(field) {
            parts.push((Part::DepartmentFact(d, field), value.as_bytes().to_vec()));
        }
    }
    for (item, answer) in &hearing.answers {
        if let Some(mark) = &answer.mark {
            parts.push((Part::Mark(d, item), mark.as_bytes().to_vec()));
        }
        if !answer.note.is_empty() {
            parts.push((Part::Note(d, item), answer.note.as_bytes().to_vec()));
        }
    }
    // A round without evidence has no such part: its digest is as before evidence.
    for attached in &hearing.evidence {
        parts.push((Part::Evidence(d, attached), encode_evidence(attached)));
    }
    for (area, sheet) in &hearing.sheet {
        if !sheet.observation.is_empty() {
            let text = sheet.observation.as_bytes().to_vec();
            parts.push((Part::Observation(d, area), text));
        }
        if !sheet.findings.is_empty() || !sheet.dismissed.is_empty() {
            parts.push((Part::Findings(d, area), encode_sheet(sheet)));
        }
    }
}

/// Lower-case hex; one allocation, since the seal of a large audit takes tens of
/// thousands of digests.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

fn short_digest(value: &[u8]) -> String {
    let digest = Sha256::digest(value);
    hex(&digest[..PART_DIGEST_LEN / 2])
}

/// The digest a sign-off by `by` at `at` gives the session's content as it is now.
pub fn content_digest(session: &Session, by: &str, at: Timestamp) -> String {
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_be_bytes());
        hasher.update(bytes);
    };
    field(CANONICAL.as_bytes());
    field(by.as_bytes());
    field(at.to_rfc3339().as_bytes());
    for (part, value) in canonical(session) {
        field(part.label().as_bytes());
        field(&value);
    }
    hex(&hasher.finalize())
}

impl Seal {
    /// The seal of the session's content as it is now.
    pub fn of(session: &Session) -> Seal {
        let mut seal = Seal::default();
        for (part, value) in canonical(session) {
            seal.add(part, &value);
        }
        seal
    }

    fn add(&mut self, part: Part, value: &[u8]) {
        let digest = short_digest(value);
        match part {
            Part::Checklist => self.checklist = digest,
            // The roster is kept in the order the departments' profiles come.
            Part::Roster => {}
            Part::Fact(field) => {
                self.facts.insert(field, digest);
            }
            Part::Improvement(i) => {
                self.improvements.insert(i.to_string(), digest);
            }
            Part::Profile(d) => {
                self.roster.push(d.to_string());
                self.department_mut(d).profile = digest;
            }
            Part::DepartmentFact(d, field) => {
                self.department_mut(d).facts.insert(field, digest);
            }
            Part::Mark(d, i) => {
                let symbol = String::from_utf8_lossy(value).into_owned();
                self.department_mut(d).marks.insert(i.to_string(), symbol);
            }
            Part::Note(d, i) => {
                self.department_mut(d).notes.insert(i.to_string(), digest);
            }
            Part::Observation(d, a) => {
                let seal = self.department_mut(d);
                seal.observations.insert(a.to_string(), digest);
            }
            Part::Findings(d, a) => {
                self.department_mut(d)
                    .findings
                    .insert(a.to_string(), digest);
            }
            Part::FollowUps => self.followups = digest,
            Part::Evidence(d, a) => {
                let sealed = EvidenceSeal {
                    place: a.attachment.target.id().to_string(),
                    name: a.attachment.file.name.clone(),
                    digest,
                };
                let id = a.attachment.id.clone();
                self.department_mut(d).evidence.insert(id, sealed);
            }
        }
    }

    fn department_mut(&mut self, department: &str) -> &mut DepartmentSeal {
        // Parts come department by department: the last one is nearly always it.
        let last = self.departments.len().checked_sub(1);
        let found = match last {
            Some(at) if self.departments[at].department == department => Some(at),
            _ => self
                .departments
                .iter()
                .position(|s| s.department == department),
        };
        let at = match found {
            Some(at) => at,
            None => {
                self.departments.push(DepartmentSeal {
                    department: department.to_string(),
                    ..DepartmentSeal::default()
                });
                self.departments.len() - 1
            }
        };
        &mut self.departments[at]
    }
}

/// The record of a sign-off of the session's content as it is now.
pub(crate) fn sign_off(session: &Session, by: &str, at: Timestamp, digest: &str) -> SignOff {
    SignOff {
        by: by.to_string(),
        at,
        digest: digest.to_string(),
        seal: Seal::of(session),
    }
}

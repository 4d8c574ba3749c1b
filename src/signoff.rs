//! Sign-off and verification. A signed session carries the SHA-256 digest of its
//! canonical content and a seal — the marks as signed and a short digest of every
//! other part — so that `verify` can tell that a file still holds what was signed
//! and, when it does not, name what changed ("保育 I-3: × → ○").
//!
//! The canonical content is the session's parsed values, never its text: a file
//! reformatted by hand (whitespace, escapes) keeps its digest. It is, in order: the
//! signer and the time of signing; the checklist; the departments in order; every
//! fact; then per department its profile, its own facts, each mark and non-empty
//! note (by item id), and each area's non-empty 所見 and 指摘事項 with dismissals.
//! The history, the cursor and the times of answers are not content. Each part is
//! fed to SHA-256 as its label and its value, each prefixed by its length (u64, big
//! endian), so no two contents can run together into the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::facts::{FactField, FactValue};
use crate::findings::AreaSheet;
use crate::review;
use crate::session::{Change, Hearing, Refusal, Session, Timestamp};

/// Names the canonical form, so that a later form cannot verify under this one.
const CANONICAL: &str = "kansa canonical content 1";

/// Hex digits of a part's digest in the seal: enough to tell a change, short enough
/// to keep the seal of a large audit small.
const PART_DIGEST_LEN: usize = 16;

/// The shortest `--digest` prefix accepted: a person copies it from paper.
pub const MIN_PREFIX: usize = 8;

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
}

/// One part of the canonical content.
enum Part<'a> {
    Checklist,
    Roster,
    Fact(FactField),
    Profile(&'a str),
    DepartmentFact(&'a str, FactField),
    Mark(&'a str, &'a str),
    Note(&'a str, &'a str),
    Observation(&'a str, &'a str),
    Findings(&'a str, &'a str),
    FollowUps,
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
            Part::Profile(d) => join("department", &[d]),
            Part::DepartmentFact(d, field) => join("department-fact", &[d, &format!("{field:?}")]),
            Part::Mark(d, i) => join("mark", &[d, i]),
            Part::Note(d, i) => join("note", &[d, i]),
            Part::Observation(d, a) => join("observation", &[d, a]),
            Part::Findings(d, a) => join("findings", &[d, a]),
            Part::FollowUps => join("follow-ups", &[]),
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

/// The canonical content of `session`, part by part, in order.
fn canonical(session: &Session) -> Vec<(Part<'_>, Vec<u8>)> {
    // RON of the checklist: a value of the crate's own types, which always serialise.
    let checklist = ron::to_string(&session.checklist)
        .unwrap_or_else(|e| format!("unserialisable checklist: {e}"));
    let roster = session.hearings.iter().map(|h| h.department.short.as_str());
    let mut parts = vec![
        (Part::Checklist, checklist.into_bytes()),
        (Part::Roster, Encoder::default().list(roster).0),
    ];
    for field in FactField::ALL {
        parts.push((Part::Fact(field), encode_fact(&session.facts.get(field))));
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

/// What differs between the content as signed and as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Short name; None for the round as a whole.
    pub department: Option<String>,
    /// The item or area, where the difference is in one.
    pub place: Option<String>,
    pub what: Changed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Checklist,
    /// Departments added, removed or reordered.
    Departments,
    /// A department's name, tags or remark.
    Profile,
    /// A fact of the round, or (with a department) the department's own value.
    Fact(FactField),
    Mark {
        from: Option<String>,
        to: Option<String>,
    },
    Note,
    Observation,
    Findings,
    /// The follow-up of the earlier round's 指摘事項.
    FollowUps,
}

/// The differences from `signed` to `now`, round first, then by department.
pub fn differences(signed: &Seal, now: &Seal) -> Vec<Difference> {
    let round = |what| Difference {
        department: None,
        place: None,
        what,
    };
    let mut found = Vec::new();
    if signed.checklist != now.checklist {
        found.push(round(Changed::Checklist));
    }
    if signed.roster != now.roster {
        found.push(round(Changed::Departments));
    }
    if signed.followups != now.followups {
        found.push(round(Changed::FollowUps));
    }
    for field in changed_keys(&signed.facts, &now.facts) {
        found.push(round(Changed::Fact(field)));
    }
    for before in &signed.departments {
        if let Some(after) = now
            .departments
            .iter()
            .find(|d| d.department == before.department)
        {
            department_differences(before, after, &mut found);
        }
    }
    found
}

fn department_differences(
    before: &DepartmentSeal,
    after: &DepartmentSeal,
    found: &mut Vec<Difference>,
) {
    let mut add = |place: Option<&str>, what| {
        found.push(Difference {
            department: Some(before.department.clone()),
            place: place.map(str::to_string),
            what,
        })
    };
    if before.profile != after.profile {
        add(None, Changed::Profile);
    }
    for field in changed_keys(&before.facts, &after.facts) {
        add(None, Changed::Fact(field));
    }
    let items: BTreeSet<&String> = before.marks.keys().chain(after.marks.keys()).collect();
    for item in items {
        let (from, to) = (before.marks.get(item), after.marks.get(item));
        if from != to {
            let what = Changed::Mark {
                from: from.cloned(),
                to: to.cloned(),
            };
            add(Some(item), what);
        }
    }
    for item in changed_keys(&before.notes, &after.notes) {
        add(Some(&item), Changed::Note);
    }
    for area in changed_keys(&before.observations, &after.observations) {
        add(Some(&area), Changed::Observation);
    }
    for area in changed_keys(&before.findings, &after.findings) {
        add(Some(&area), Changed::Findings);
    }
}

/// The keys whose values differ, or that only one of the maps has.
fn changed_keys<K: Ord + Clone>(a: &BTreeMap<K, String>, b: &BTreeMap<K, String>) -> Vec<K> {
    let keys: BTreeSet<&K> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// What `verify` finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    NotSigned,
    /// The content is what was signed.
    Unchanged(SignOff),
    /// It is not. `differences` is empty when only the sign-off record itself was
    /// altered (its signer, time, digest or seal).
    Changed {
        signed: SignOff,
        digest: String,
        differences: Vec<Difference>,
    },
}

/// A `--digest` that is not at least `MIN_PREFIX` hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a digest of at least {MIN_PREFIX} hex digits, found {0:?}")]
pub struct MalformedDigest(pub String);

/// True when `given` (a whole digest or a prefix of at least `MIN_PREFIX` hex
/// digits, in either case) is the start of `digest`.
pub fn digest_matches(given: &str, digest: &str) -> Result<bool, MalformedDigest> {
    let given = given.trim();
    if given.len() < MIN_PREFIX || !given.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(MalformedDigest(given.to_string()));
    }
    Ok(digest.starts_with(&given.to_ascii_lowercase()))
}

impl SignOff {
    /// The record of a sign-off of the session's content as it is now.
    pub(crate) fn of(session: &Session, by: &str, at: Timestamp, digest: &str) -> SignOff {
        SignOff {
            by: by.to_string(),
            at,
            digest: digest.to_string(),
            seal: Seal::of(session),
        }
    }
}

impl Session {
    /// The change that signs the round off as `by` at `at`: refused while anything
    /// blocks (see `review`), when `by` is not one of the round's people, or when it
    /// is signed already.
    pub fn sign(&self, by: &str, at: Timestamp) -> Result<Change, Refusal> {
        self.editable()?;
        let by = by.trim();
        if !self.facts.people().any(|p| p == by) {
            return Err(Refusal::NotASigner(by.to_string()));
        }
        let blockers = review::review(self).blockers().count();
        if blockers > 0 {
            return Err(Refusal::Blocked(blockers));
        }
        Ok(Change::SignOff {
            by: by.to_string(),
            at,
            digest: content_digest(self, by, at),
        })
    }

    /// The change that makes a signed round editable again, for `reason`.
    pub fn reopen(&self, reason: &str) -> Result<Change, Refusal> {
        let signed = self.signed.as_ref().ok_or(Refusal::NotSigned)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Refusal::NoReason);
        }
        Ok(Change::Reopen {
            reason: reason.to_string(),
            digest: signed.digest.clone(),
        })
    }

    /// Whether the content is still what was signed, and if not, what changed.
    pub fn verify(&self) -> Verification {
        let Some(signed) = &self.signed else {
            return Verification::NotSigned;
        };
        let digest = content_digest(self, &signed.by, signed.at);
        if digest == signed.digest {
            return Verification::Unchanged(signed.clone());
        }
        Verification::Changed {
            differences: differences(&signed.seal, &Seal::of(self)),
            signed: signed.clone(),
            digest,
        }
    }
}

//! Sign-off and verification: the change that signs a round off, refused while
//! anything blocks; the change that reopens it; and whether a signed session is still
//! what was signed, and if not, what changed ("保育 I-3: × → ○"). What a sign-off
//! fixes, the digest of the canonical content and the seal, is `session::seal`'s.

use std::collections::{BTreeMap, BTreeSet};

use crate::facts::FactField;
use crate::review;
use crate::session::{Change, Refusal, Session, Timestamp};
pub use crate::session::{DepartmentSeal, Seal, SignOff, content_digest};

/// The shortest `--digest` prefix accepted: a person copies it from paper.
pub const MIN_PREFIX: usize = 8;

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
    /// The round's 改善内容等 of an item.
    Improvement,
    /// A file attached as evidence (by its id and name) added, removed or changed
    /// since sign-off; or (`verify` of the stored copies) missing or altered.
    Evidence {
        id: String,
        name: String,
    },
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
    for item in changed_keys(&signed.improvements, &now.improvements) {
        found.push(Difference {
            department: None,
            place: Some(item),
            what: Changed::Improvement,
        });
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
    let ids: BTreeSet<&String> = before
        .evidence
        .keys()
        .chain(after.evidence.keys())
        .collect();
    for id in ids {
        let (from, to) = (before.evidence.get(id), after.evidence.get(id));
        if let Some(sealed) = from.or(to).filter(|_| from != to) {
            let what = Changed::Evidence {
                id: id.clone(),
                name: sealed.name.clone(),
            };
            add(Some(&sealed.place), what);
        }
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

/// A `--digest` that is not at least `MIN_PREFIX` hex digits: what was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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

//! The shape of the words of the record — review, sign-off, verify, reopen and history
//! — and of working as a team, shared by the command line and the screens; and the
//! few things every language writes the same way.

use crate::facts::FactField;
use crate::merge::{MergeError, Place as MergePlace};
use crate::review::{Place, Reason};
use crate::session::Change;
use crate::signoff::Difference;

pub struct ReviewWords {
    /// The first column of a review line: it blocks sign-off, or only deserves a look.
    pub blocker: &'static str,
    /// When a change was made or a round signed, as `history` and `verify` print it.
    pub moment: fn(&crate::session::Timestamp) -> String,
    pub warning: &'static str,
    /// Where an entry about the round as a whole is.
    pub round: &'static str,
    pub place: fn(&Place) -> String,
    pub reason: fn(&Reason) -> String,
    pub fact: fn(FactField) -> &'static str,
    pub nothing_blocks: &'static str,
    pub blocked: fn(usize) -> String,
    /// `kansa sign` refused: the signer is not one of the round's people.
    pub not_a_signer: fn(&str, &str) -> String,
    /// `kansa sign` refused: the round names no one who may sign.
    pub no_signers: fn(&str) -> String,
    pub not_signed: &'static str,
    /// Verified: signer, time, digest.
    pub unchanged: fn(&str, &str, &str) -> String,
    pub changed: fn(usize) -> String,
    /// The content is as it was but the sign-off record itself is not.
    pub record_altered: &'static str,
    pub difference: fn(&Difference) -> String,
    /// `--digest` given, digest of the content.
    pub digest_differs: fn(&str, &str) -> String,
    /// `--digest` that is not hex digits enough: as given, the fewest digits taken.
    pub malformed_digest: fn(&str, usize) -> String,
    pub reopened: fn(&str) -> String,
    /// One change of the history: what, old → new.
    pub change: fn(&Change) -> String,
}

/// The words of working as a team: parts, merges, conflicts, imports.
pub struct TeamWords {
    /// A place in conflict and each writer's value: what, who wrote which value.
    pub conflict: fn(&MergePlace, &[(String, String)]) -> String,
    pub merge_error: fn(&MergeError) -> String,
    /// Changes taken in, conflicts.
    pub merged: fn(usize, usize) -> String,
    /// A session id already in the data directory.
    pub exists: fn(&str) -> String,
    /// An id that would name a file outside the data directory.
    pub bad_id: fn(&str) -> String,
    /// `kansa resolve` found no conflict at the place given.
    pub no_conflict: &'static str,
    /// `kansa resolve --keep NAME`: NAME wrote no value in conflict there.
    pub no_value_by: fn(&str) -> String,
    /// `kansa resolve` was given neither --item nor --area.
    pub resolve_where: &'static str,
}

pub(crate) fn short_digest(digest: &str) -> &str {
    digest.get(..16).unwrap_or(digest)
}

/// `department place` of a difference or change, as the lines start.
pub(crate) fn where_of(department: Option<&str>, place: Option<&str>) -> String {
    [department, place]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each writer and the value written, set apart by 「」 in every language (which
/// scripts reading `kansa review` rely on).
pub(crate) fn written_values(values: &[(String, String)], none: &str) -> String {
    values
        .iter()
        .map(|(by, value)| {
            let value = if value.is_empty() { none } else { value };
            format!("{by}「{value}」")
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

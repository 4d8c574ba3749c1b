//! Why the store failed, as values: the facts, worded by the language tables (`i18n`).

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{FileError, Problem};
use crate::session::{self, Refusal};

/// Why the store failed: the facts, worded by the language tables (`i18n`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    File(#[from] FileError),
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Locked {
        id: String,
        holder: String,
    },
    NotFound(String),
    /// A new round was asked for with no departments (none named, no roster).
    NoDepartments,
    /// The data directory (or its sessions folder) belongs to another user.
    NotOwner(PathBuf),
    Refused(#[from] session::Refusal),
    /// The trash already holds a session with this id.
    InTrash(String),
    NotInTrash(String),
    /// A session (from another laptop) whose id would name a file outside the folder.
    BadId(String),
    /// A session with this id exists: an import or a restore would replace it.
    Exists(String),
}

/// Why `Writer::record` did not save a change. The two cases leave the session in
/// different states, so a caller must be able to tell them apart.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The session refused the change: nothing was applied and nothing is pending.
    Refused(#[from] session::Refusal),
    /// The change is applied in memory and pending; `retry` (or the next `record`)
    /// saves it.
    Unsaved(StoreError),
}

impl From<RecordError> for StoreError {
    fn from(error: RecordError) -> StoreError {
        match error {
            RecordError::Refused(refusal) => StoreError::Refused(refusal),
            RecordError::Unsaved(error) => error,
        }
    }
}

/// A change the session refused, as the problem of a file that asked for it.
pub(crate) fn refused(refusal: &Refusal) -> Problem {
    match refusal {
        Refusal::UnknownDepartment(name) => Problem::UnknownDepartment(name.clone()),
        Refusal::UnknownItem(id) => Problem::UnknownItem(id.clone()),
        Refusal::UnknownMark(symbol) => Problem::UnknownMark(symbol.clone()),
        other => Problem::Refused(other.clone()),
    }
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_change_reads_in_english_as_the_session_words_it() {
        for refusal in [
            Refusal::UnknownDepartment("総務".into()),
            Refusal::UnknownItem("X-1".into()),
            Refusal::UnknownMark("◎".into()),
        ] {
            assert_eq!(refused(&refusal).to_string(), refusal.to_string());
            assert_eq!(
                StoreError::Refused(refusal.clone()).to_string(),
                refusal.to_string()
            );
        }
    }
}

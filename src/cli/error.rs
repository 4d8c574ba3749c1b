//! Why a command failed: every reason a value with its facts, kept typed up to the
//! edge, where the binary words it in the user's language as the one-line reason for a
//! non-zero exit — with the templates of the language tables (`i18n`), the same way
//! the screens word the values they show.

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{FileError, IoReason};
use crate::export::ExportError;
use crate::i18n::{Describe, MESSAGES_EN, Messages, located};
use crate::merge::MergeError;
use crate::session::Refusal;
use crate::sheet::SheetError;
use crate::signoff::MalformedDigest;
use crate::store::{EvidenceError, StoreError};
use crate::tui::OpenError;

impl From<crate::store::IntoRoundError> for CliError {
    fn from(error: crate::store::IntoRoundError) -> CliError {
        match error {
            crate::store::IntoRoundError::Store(e) => CliError::Store(e),
            crate::store::IntoRoundError::Merge(e) => CliError::Merge(e),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No --data-dir, no KANSA_DATA_DIR and no platform data directory.
    NoDataDir,
    File(#[from] FileError),
    Store(#[from] StoreError),
    /// A change the session refused, or a department or item it does not have.
    Refused(#[from] Refusal),
    NoDepartments,
    /// `--report answers` is a CSV of every answer, nothing else.
    AnswersCsvOnly,
    /// A report that needs what this build does not have yet.
    ReportNotYet(String),
    /// A binary format (xlsx, docx) asked for on standard output.
    BinaryToStdout(String),
    /// A report that cannot be made in a format, or failed to be written.
    Export(#[from] ExportError),
    Csv(#[from] csv::Error),
    /// Writing the output failed; `path` is `-` for standard output.
    Output {
        path: PathBuf,
        source: io::Error,
    },
    Terminal(#[source] io::Error),
    /// Why the screens could not open a session.
    Screen(OpenError),
    /// A spreadsheet that cannot be read or written, at its cell.
    Sheet(#[from] SheetError),
    /// Problems in the returned self-check workbooks (each printed first): nothing
    /// was imported.
    NothingImported(usize),
    /// The comparison of self-assessments and the audit asked for as DOCX.
    SelfcheckNotDocx,
    /// `review`, `sign`: this many entries block sign-off (printed first).
    Blocked(usize),
    /// `sign --by NAME`: NAME is neither an auditor nor the lead of the round.
    NotASigner {
        name: String,
        people: Vec<String>,
    },
    /// `verify` of a session that is not signed.
    NotSigned,
    /// `verify`: the content changed since sign-off, in this many places (printed
    /// first).
    Changed(usize),
    /// `verify --digest`: the digest given is not the content's.
    DigestDiffers {
        given: String,
        digest: String,
    },
    MalformedDigest(#[from] MalformedDigest),
    /// A file that could not be attached as evidence.
    Evidence(#[from] EvidenceError),
    /// `verify`: attached files missing or altered, this many (named first).
    EvidenceChanged(usize),
    Merge(#[from] MergeError),
    /// `resolve`: no conflict at the place given.
    NoConflict,
    /// `resolve --keep NAME`: NAME wrote no value in conflict there.
    NoValueBy(String),
    /// `resolve` without --item or --area.
    ResolveWhere,
    /// A checklist that cannot join the round beside the others given.
    Joining(crate::session::Joining),
    /// `show --checklist NAME`: the round has no checklist of that id or title.
    NoChecklist(String),
}

impl Describe for CliError {
    fn describe(&self, m: &Messages) -> String {
        match self {
            CliError::NoDataDir => m.no_data_dir.to_string(),
            CliError::File(error) => error.describe(m),
            CliError::Store(error) => error.describe(m),
            CliError::Refused(refusal) => refusal.describe(m),
            CliError::NoDepartments => m.no_departments.to_string(),
            CliError::AnswersCsvOnly => m.answers_csv_only.to_string(),
            CliError::ReportNotYet(report) => (m.report_not_yet)(report),
            CliError::BinaryToStdout(format) => (m.binary_to_stdout)(format),
            CliError::Export(error) => error.describe(m),
            CliError::Csv(error) => (m.csv_failed)(&error.to_string()),
            CliError::Output { path, source } => {
                let reason = IoReason::from(source).describe(m);
                if path == Path::new("-") {
                    format!("{}: {reason}", m.stdout)
                } else {
                    located(path, None, &reason)
                }
            }
            CliError::Terminal(error) => (m.terminal)(&IoReason::from(error).describe(m)),
            CliError::Screen(error) => error.describe(m),
            CliError::Sheet(error) => error.describe(m),
            CliError::NothingImported(count) => (m.selfcheck.nothing_imported)(*count),
            CliError::SelfcheckNotDocx => m.selfcheck.not_docx.to_string(),
            CliError::Blocked(count) => (m.review.blocked)(*count),
            // No one to list: say so, rather than print empty brackets.
            CliError::NotASigner { name, people } if people.is_empty() => {
                (m.review.no_signers)(name)
            }
            CliError::NotASigner { name, people } => {
                (m.review.not_a_signer)(name, &people.join(m.list_separator))
            }
            CliError::NotSigned => m.review.not_signed.to_string(),
            CliError::Changed(count) => (m.review.changed)(*count),
            CliError::DigestDiffers { given, digest } => (m.review.digest_differs)(given, digest),
            CliError::MalformedDigest(error) => error.describe(m),
            CliError::Evidence(error) => error.describe(m),
            CliError::EvidenceChanged(count) => (m.evidence.files_changed)(*count),
            CliError::Merge(error) => error.describe(m),
            CliError::NoConflict => m.team.no_conflict.to_string(),
            CliError::NoValueBy(name) => (m.team.no_value_by)(name),
            CliError::ResolveWhere => m.team.resolve_where.to_string(),
            CliError::Joining(joining) => (m.refusal)(&Refusal::Joining(joining.clone())),
            CliError::NoChecklist(name) => (m.no_checklist)(name),
        }
    }
}

/// The exit statuses of `kansa`, stable for scripts (docs/exit-codes.md).
pub mod exit {
    /// Done; also when the reader of standard output stopped reading (`| head`):
    /// what was left to print is dropped, the status is the command's own.
    pub const SUCCESS: u8 = 0;
    /// Failed: a file, the data folder, a checklist, a session that cannot be read.
    pub const ERROR: u8 = 1;
    /// The command line is wrong: an unknown command or option, a bad value (clap's).
    pub const USAGE: u8 = 2;
    /// Refused by the round's state: review or sign with blockers, a signer not of the
    /// round, sign while other auditors write beside it, a change to a signed session,
    /// verify of a changed or unsigned session, a checklist that cannot join the round.
    pub const REFUSED: u8 = 3;
}

impl CliError {
    /// The exit status for this failure (`exit`).
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Blocked(_)
            | CliError::NotASigner { .. }
            | CliError::NotSigned
            | CliError::Changed(_)
            | CliError::EvidenceChanged(_)
            | CliError::DigestDiffers { .. }
            | CliError::Refused(
                Refusal::Signed { .. }
                | Refusal::NotSigned
                | Refusal::Blocked(_)
                | Refusal::NotASigner(_)
                | Refusal::OthersWriting(_)
                | Refusal::Joining(_),
            ) => exit::REFUSED,
            _ => exit::ERROR,
        }
    }
}

/// English, for logs and tests; the binary prints `Describe`'s words.
impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&MESSAGES_EN))
    }
}

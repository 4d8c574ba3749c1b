//! Every error of the store, the documents, team work, the screens and the command
//! line, and what review lists.

use std::io;
use std::path::PathBuf;

use super::files::{file_error, sheet_error};
use super::values::{V, covers};
use crate::cli::CliError;
use crate::export::{ExportError, Format, Report};
use crate::facts::FactField;
use crate::merge::{MergeError, Place as MergePlace};
use crate::review::Reason;
use crate::session::Refusal;
use crate::sheet::SheetProblem;
use crate::signoff::MalformedDigest;
use crate::store::{EvidenceError, RecordError, StoreError};
use crate::tui::OpenError;

pub(crate) fn store_errors(v: V) -> Vec<StoreError> {
    let all = vec![
        StoreError::File(file_error(v)),
        StoreError::Io {
            path: v.path(),
            source: v.io(),
        },
        StoreError::Locked {
            id: v.s(),
            holder: v.s(),
        },
        StoreError::NotFound(v.s()),
        StoreError::NoDepartments,
        StoreError::NotOwner(v.path()),
        StoreError::Refused(Refusal::Signed { by: v.s() }),
        StoreError::InTrash(v.s()),
        StoreError::NotInTrash(v.s()),
        StoreError::BadId(v.s()),
        StoreError::Exists(v.s()),
    ];
    let index = |e: &StoreError| match e {
        StoreError::File(_) => 0,
        StoreError::Io { .. } => 1,
        StoreError::Locked { .. } => 2,
        StoreError::NotFound(_) => 3,
        StoreError::NoDepartments => 4,
        StoreError::NotOwner(_) => 5,
        StoreError::Refused(_) => 6,
        StoreError::InTrash(_) => 7,
        StoreError::NotInTrash(_) => 8,
        StoreError::BadId(_) => 9,
        StoreError::Exists(_) => 10,
    };
    covers(&all, index, 11);
    all
}

pub(crate) fn evidence_errors(v: V) -> Vec<EvidenceError> {
    let reason = || crate::error::IoReason::from(&v.io());
    let all = vec![
        EvidenceError::Missing(v.path()),
        EvidenceError::Folder(v.path()),
        EvidenceError::Unreadable {
            path: v.path(),
            reason: reason(),
        },
        EvidenceError::Empty(v.path()),
        EvidenceError::TooLarge {
            path: v.path(),
            size: 150 * crate::evidence::MB,
            limit: 100 * crate::evidence::MB,
        },
        EvidenceError::ForbiddenName {
            path: v.path(),
            name: "a:b.png".into(),
        },
        EvidenceError::Write {
            path: v.path(),
            reason: reason(),
        },
    ];
    let index = |e: &EvidenceError| match e {
        EvidenceError::Missing(_) => 0,
        EvidenceError::Folder(_) => 1,
        EvidenceError::Unreadable { .. } => 2,
        EvidenceError::Empty(_) => 3,
        EvidenceError::TooLarge { .. } => 4,
        EvidenceError::ForbiddenName { .. } => 5,
        EvidenceError::Write { .. } => 6,
    };
    covers(&all, index, 7);
    all
}

pub(crate) fn record_errors(v: V) -> Vec<RecordError> {
    let all = vec![
        RecordError::Refused(Refusal::Signed { by: v.s() }),
        RecordError::Unsaved(StoreError::NotFound(v.s())),
    ];
    let index = |e: &RecordError| match e {
        RecordError::Refused(_) => 0,
        RecordError::Unsaved(_) => 1,
    };
    covers(&all, index, 2);
    all
}

/// A library's own failure, which the words carry as it is: its text is taken out
/// before the check.
pub(crate) fn csv_error() -> csv::Error {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader("a,b\nc\n".as_bytes());
    reader
        .records()
        .find_map(Result::err)
        .expect("unequal lengths")
}

pub(crate) fn xlsx_error() -> rust_xlsxwriter::XlsxError {
    rust_xlsxwriter::XlsxError::ParameterError("p".into())
}

pub(crate) fn export_errors() -> Vec<ExportError> {
    let unsupported = |report, format| ExportError::Unsupported { report, format };
    let all = vec![
        unsupported(Report::Matrix, Format::Docx),
        unsupported(Report::All, Format::Csv),
        unsupported(Report::Compare, Format::Docx),
        ExportError::Csv(csv_error()),
        ExportError::Xlsx(xlsx_error()),
        ExportError::Docx("d".into()),
    ];
    let index = |e: &ExportError| match e {
        ExportError::Unsupported { .. } => 0,
        ExportError::Csv(_) => 1,
        ExportError::Xlsx(_) => 2,
        ExportError::Docx(_) => 3,
    };
    covers(&all, index, 4);
    all
}

pub(crate) fn merge_errors(v: V) -> Vec<MergeError> {
    let all = vec![
        MergeError::Signed(v.s()),
        MergeError::TheirsSigned(v.s()),
        MergeError::OtherRound {
            ours: v.s(),
            theirs: v.s(),
        },
        MergeError::OtherChecklist,
        MergeError::Damaged(Refusal::UnknownItem(v.s())),
    ];
    let index = |e: &MergeError| match e {
        MergeError::Signed(_) => 0,
        MergeError::TheirsSigned(_) => 1,
        MergeError::OtherRound { .. } => 2,
        MergeError::OtherChecklist => 3,
        MergeError::Damaged(_) => 4,
    };
    covers(&all, index, 5);
    all
}

pub(crate) fn open_errors(v: V) -> Vec<OpenError> {
    let all = vec![
        OpenError::Store(StoreError::NotFound(v.s())),
        OpenError::NotHearable(v.s()),
        OpenError::NoDepartment {
            name: v.s(),
            id: v.s(),
        },
    ];
    let index = |e: &OpenError| match e {
        OpenError::Store(_) => 0,
        OpenError::NotHearable(_) => 1,
        OpenError::NoDepartment { .. } => 2,
    };
    covers(&all, index, 3);
    all
}

pub(crate) fn cli_errors(v: V) -> Vec<CliError> {
    let all = vec![
        CliError::NoDataDir,
        CliError::File(file_error(v)),
        CliError::Store(StoreError::NotFound(v.s())),
        CliError::Refused(Refusal::NoReason),
        CliError::NoDepartments,
        CliError::AnswersCsvOnly,
        CliError::ReportNotYet("selfcheck".into()),
        CliError::BinaryToStdout("xlsx".into()),
        CliError::Export(ExportError::Docx("d".into())),
        CliError::Csv(csv_error()),
        CliError::Output {
            path: v.path(),
            source: v.io(),
        },
        CliError::Output {
            path: PathBuf::from("-"),
            source: io::Error::from(io::ErrorKind::BrokenPipe),
        },
        CliError::Terminal(v.io()),
        CliError::Screen(OpenError::NotHearable(v.s())),
        CliError::Sheet(sheet_error(v, SheetProblem::NoMarks)),
        CliError::NothingImported(2),
        CliError::SelfcheckNotDocx,
        CliError::Blocked(2),
        CliError::NotASigner {
            name: v.s(),
            people: v.list(),
        },
        CliError::NotASigner {
            name: v.s(),
            people: Vec::new(),
        },
        CliError::NotSigned,
        CliError::Changed(2),
        CliError::DigestDiffers {
            given: "abcdef12".into(),
            digest: "0123abcd".into(),
        },
        CliError::MalformedDigest(MalformedDigest("zz".into())),
        CliError::Merge(MergeError::OtherChecklist),
        CliError::NoConflict,
        CliError::NoValueBy(v.s()),
        CliError::ResolveWhere,
        CliError::Evidence(EvidenceError::Empty(v.path())),
        CliError::EvidenceChanged(2),
        CliError::Joining(crate::session::Joining::SameId(v.s())),
        CliError::Joining(crate::session::Joining::Qualifier(v.s())),
        CliError::Joining(crate::session::Joining::ReservedKey('C')),
        CliError::Joining(crate::session::Joining::NoDepartment(v.s())),
        CliError::NoChecklist(v.s()),
    ];
    covers(&all, cli_index, 30);
    all
}

pub(crate) fn cli_index(e: &CliError) -> usize {
    match e {
        CliError::NoDataDir => 0,
        CliError::File(_) => 1,
        CliError::Store(_) => 2,
        CliError::Refused(_) => 3,
        CliError::NoDepartments => 4,
        CliError::AnswersCsvOnly => 5,
        CliError::ReportNotYet(_) => 6,
        CliError::BinaryToStdout(_) => 7,
        CliError::Export(_) => 8,
        CliError::Csv(_) => 9,
        CliError::Output { .. } => 10,
        CliError::Terminal(_) => 11,
        CliError::Screen(_) => 12,
        CliError::Sheet(_) => 13,
        CliError::NothingImported(_) => 14,
        CliError::SelfcheckNotDocx => 15,
        CliError::Blocked(_) => 16,
        CliError::NotASigner { .. } => 17,
        CliError::NotSigned => 18,
        CliError::Changed(_) => 19,
        CliError::DigestDiffers { .. } => 20,
        CliError::MalformedDigest(_) => 21,
        CliError::Merge(_) => 22,
        CliError::NoConflict => 23,
        CliError::NoValueBy(_) => 24,
        CliError::ResolveWhere => 25,
        CliError::Evidence(_) => 26,
        CliError::EvidenceChanged(_) => 27,
        CliError::Joining(_) => 28,
        CliError::NoChecklist(_) => 29,
    }
}

/// What review lists: blockers and warnings, each place a merge can leave in conflict.
pub(crate) fn reasons(v: V) -> Vec<Reason> {
    let conflict = |place| Reason::Conflict {
        place,
        values: vec![(v.s(), v.s()), (v.s(), String::new())],
    };
    let mut all = vec![
        Reason::Unanswered,
        Reason::NoteRequired(v.s()),
        Reason::NoObservation,
        Reason::NotInFinding {
            mark: v.s(),
            severity: None,
        },
        Reason::NotInFinding {
            mark: v.s(),
            severity: Some(v.s()),
        },
        Reason::FollowUpOpen(2),
        Reason::AreaWithoutObservation { marks: v.list() },
        Reason::FindingOnItem {
            finding: 1,
            item: v.s(),
        },
        Reason::EmptyFinding(1),
        Reason::MissingFact(FactField::Purpose),
        Reason::NoSelfCheck,
    ];
    let places = [
        MergePlace::Mark(v.s(), v.s()),
        MergePlace::Note(v.s(), v.s()),
        MergePlace::Field(v.s(), v.s(), v.s()),
        MergePlace::Fact(FactField::Overall),
        MergePlace::DepartmentFact(v.s(), FactField::Scope),
        MergePlace::Observation(v.s(), v.s()),
        MergePlace::Finding(v.s(), v.s(), 1),
        MergePlace::Dismissal(v.s(), v.s()),
        MergePlace::SelfCheck(v.s()),
        MergePlace::FollowUp(v.s(), v.s(), 1),
        MergePlace::Improvement(v.s()),
        MergePlace::Evidence(v.s(), crate::session::EvidenceTarget::Item(v.s()), v.s()),
    ];
    covers(&places, place_index, 12);
    all.extend(places.into_iter().map(conflict));
    let index = |r: &Reason| match r {
        Reason::Unanswered => 0,
        Reason::NoteRequired(_) => 1,
        Reason::NoObservation => 2,
        Reason::NotInFinding { .. } => 3,
        Reason::Conflict { .. } => 4,
        Reason::FollowUpOpen(_) => 5,
        Reason::AreaWithoutObservation { .. } => 6,
        Reason::FindingOnItem { .. } => 7,
        Reason::EmptyFinding(_) => 8,
        Reason::MissingFact(_) => 9,
        Reason::NoSelfCheck => 10,
    };
    covers(&all, index, 11);
    all
}

pub(crate) fn place_index(place: &MergePlace) -> usize {
    match place {
        MergePlace::Mark(..) => 0,
        MergePlace::Note(..) => 1,
        MergePlace::Field(..) => 2,
        MergePlace::Fact(_) => 3,
        MergePlace::DepartmentFact(..) => 4,
        MergePlace::Observation(..) => 5,
        MergePlace::Finding(..) => 6,
        MergePlace::Dismissal(..) => 7,
        MergePlace::SelfCheck(_) => 8,
        MergePlace::FollowUp(..) => 9,
        MergePlace::Improvement(_) => 10,
        MergePlace::Evidence(..) => 11,
    }
}

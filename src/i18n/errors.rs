//! Errors and refusals: every one a user can meet is a value in the core, put in words
//! here and nowhere else, with the templates of the reader's language (`Messages`).
//! The command line and the screens show them the same way, through `Describe`;
//! `Display` gives the English, for logs and tests.

use std::fmt;
use std::path::Path;

use super::describe::Describe;
use super::en_messages::MESSAGES_EN;
use super::messages::{Messages, megabytes};
use crate::checklist::Rule;
use crate::error::{FileError, IoReason, Position, Problem};
use crate::export::ExportError;
use crate::merge::MergeError;
use crate::session::Refusal;
use crate::sheet::{SheetError, SheetProblem, Unreadable};
use crate::signoff::{MIN_PREFIX, MalformedDigest};
use crate::store::{EvidenceError, RecordError, StoreError};
use crate::wareki::DateError;

/// `path:line:column: message`, or `path: message` without a place: the shape editors
/// and scripts read, the same in every language.
pub fn located(path: &Path, position: Option<Position>, message: &str) -> String {
    match position {
        Some(p) => format!("{}:{}:{}: {message}", path.display(), p.line, p.column),
        None => format!("{}: {message}", path.display()),
    }
}

impl Describe for FileError {
    fn describe(&self, m: &Messages) -> String {
        located(&self.path, self.position, &self.problem.describe(m))
    }
}

impl Describe for IoReason {
    fn describe(&self, m: &Messages) -> String {
        (m.io)(self.kind, &self.detail)
    }
}

impl Describe for Problem {
    fn describe(&self, m: &Messages) -> String {
        match self {
            Problem::CannotRead(reason) => (m.cannot_read)(&reason.describe(m)),
            Problem::NotUtf8 => m.not_utf8.to_string(),
            Problem::Rule(rule) => (m.rule)(rule),
            Problem::Refused(refusal) => (m.refusal)(refusal),
            Problem::Ron(error) => (m.ron)(error),
            Problem::ChecklistFormat { expected, found } => (m.checklist_format)(*expected, *found),
            Problem::SessionFormat { expected, found } => (m.session_format)(*expected, *found),
            Problem::EmptyScale => m.empty_scale.to_string(),
            Problem::NoItems => m.no_items.to_string(),
            Problem::EmptySymbol => m.empty_symbol.to_string(),
            Problem::DuplicateSymbol(symbol) => (m.duplicate_symbol)(symbol),
            Problem::DuplicateKey(key) => (m.duplicate_key)(*key),
            Problem::ReservedKey(key) => (m.reserved_key)(*key),
            Problem::DuplicateArea(id) => (m.duplicate_area)(id),
            Problem::DuplicateItem(id) => (m.duplicate_item)(id),
            Problem::DuplicateDepartment(name) => (m.duplicate_department)(name),
            Problem::DuplicateShort(short) => (m.duplicate_short)(short),
            Problem::UnknownTag { tag, known } => {
                let known: Vec<&str> = known.iter().map(String::as_str).collect();
                (m.unknown_tag)(tag, &known)
            }
            Problem::UnknownDepartment(name) => (m.unknown_department)(name),
            Problem::UnknownItem(id) => (m.unknown_item)(id),
            Problem::UnknownMark(symbol) => (m.unknown_mark)(symbol),
        }
    }
}

impl Describe for Rule {
    fn describe(&self, m: &Messages) -> String {
        (m.rule)(self)
    }
}

impl Describe for Refusal {
    fn describe(&self, m: &Messages) -> String {
        (m.refusal)(self)
    }
}

impl Describe for DateError {
    fn describe(&self, m: &Messages) -> String {
        (m.date)(self)
    }
}

impl Describe for SheetError {
    fn describe(&self, m: &Messages) -> String {
        let problem = self.problem.describe(m);
        match self.cell() {
            Some(cell) => format!("{}:{cell}: {problem}", self.file.display()),
            None => format!("{}: {problem}", self.file.display()),
        }
    }
}

impl Describe for Unreadable {
    fn describe(&self, m: &Messages) -> String {
        match self {
            Unreadable::Io(reason) => reason.describe(m),
            Unreadable::Reader(words) => (m.sheet.reader)(words),
            Unreadable::TooWide(cells) => (m.sheet.too_wide)(*cells),
        }
    }
}

impl Describe for SheetProblem {
    fn describe(&self, m: &Messages) -> String {
        let (s, c) = (m.sheet, m.selfcheck);
        match self {
            SheetProblem::CannotRead(reason) => (s.cannot_read)(&reason.describe(m)),
            SheetProblem::NotUtf8 => s.not_utf8.to_string(),
            SheetProblem::MissingSheet(sheet) => (s.missing_sheet)(sheet),
            SheetProblem::MissingColumn { column, headers } => {
                (s.missing_column)(column, &headers.join(", "))
            }
            SheetProblem::OutsideSection => s.outside_section.to_string(),
            SheetProblem::Required(column) => (s.required)(column),
            SheetProblem::NotInteger { column, value } => (s.not_integer)(column, value),
            SheetProblem::BadKey(value) => (s.bad_key)(value),
            SheetProblem::BoundKey(key) => (s.bound_key)(*key),
            SheetProblem::NotAscii(symbol) => (s.not_ascii)(symbol),
            SheetProblem::UnknownValue {
                column,
                value,
                expected,
            } => (s.unknown_value)(column, value, &expected.join(", ")),
            SheetProblem::BadCondition(error) => (s.bad_condition)(error),
            SheetProblem::BadFacts(error) => (s.bad_facts)(error),
            SheetProblem::Duplicate { column, value } => (s.duplicate)(column, value),
            SheetProblem::NoMarks => s.no_marks.to_string(),
            SheetProblem::NoItems => s.no_items.to_string(),
            SheetProblem::UnknownTag { tag, known } => (s.unknown_tag)(tag, &known.join(", ")),
            SheetProblem::AreaAgain(area) => (s.area_again)(area),
            SheetProblem::AreaTitles { area, first, now } => (s.area_titles)(area, first, now),
            SheetProblem::Rule(rule) => (m.rule)(rule),
            SheetProblem::GeneratedInvalid(error) => (s.generated_invalid)(&error.describe(m)),
            SheetProblem::NotAWorkbook(reason) => (c.cannot_read)(&reason.describe(m)),
            SheetProblem::NotSelfcheck => c.not_selfcheck.to_string(),
            SheetProblem::OtherRound { found, id } => (c.other_round)(found, id),
            SheetProblem::OtherDepartment(department) => (c.other_department)(department),
            SheetProblem::OtherChecklist(checklist) => (c.other_checklist)(checklist),
            SheetProblem::NotForDepartment {
                checklist,
                department,
            } => (c.not_for_department)(checklist, department),
            SheetProblem::NoHeader => c.no_header.to_string(),
            SheetProblem::NotAnItem(id) => (c.not_an_item)(id),
            SheetProblem::Twice(id) => (c.twice)(id),
            SheetProblem::UnknownMark { given, labels } => {
                (c.unknown_mark)(given, &labels.join(c.list_separator))
            }
        }
    }
}

impl Describe for MergeError {
    fn describe(&self, m: &Messages) -> String {
        (m.team.merge_error)(self)
    }
}

impl Describe for MalformedDigest {
    fn describe(&self, m: &Messages) -> String {
        (m.review.malformed_digest)(&self.0, MIN_PREFIX)
    }
}

impl Describe for ExportError {
    fn describe(&self, m: &Messages) -> String {
        (m.export)(self)
    }
}

impl Describe for StoreError {
    fn describe(&self, m: &Messages) -> String {
        match self {
            StoreError::File(error) => error.describe(m),
            StoreError::Io { path, source } => {
                located(path, None, &IoReason::from(source).describe(m))
            }
            StoreError::Locked { id, holder } => (m.locked)(id, holder),
            StoreError::NotFound(id) => (m.no_session)(id),
            StoreError::Refused(refusal) => (m.refusal)(refusal),
            StoreError::NoDepartments => m.no_departments.to_string(),
            StoreError::InTrash(id) => (m.in_trash)(id),
            StoreError::NotInTrash(id) => (m.not_in_trash)(id),
            StoreError::BadId(id) => (m.team.bad_id)(id),
            StoreError::Exists(id) => (m.team.exists)(id),
            StoreError::NotOwner(path) => (m.not_owner)(&path.display().to_string()),
        }
    }
}

impl Describe for RecordError {
    fn describe(&self, m: &Messages) -> String {
        match self {
            RecordError::Refused(refusal) => refusal.describe(m),
            RecordError::Unsaved(error) => error.describe(m),
        }
    }
}

impl Describe for EvidenceError {
    fn describe(&self, m: &Messages) -> String {
        let w = m.evidence;
        let (path, text) = match self {
            EvidenceError::Missing(path) => (path, w.missing.to_string()),
            EvidenceError::Folder(path) => (path, w.folder.to_string()),
            EvidenceError::Unreadable { path, reason } => {
                (path, (w.unreadable)(&reason.describe(m)))
            }
            EvidenceError::Empty(path) => (path, w.empty.to_string()),
            EvidenceError::TooLarge { path, size, limit } => {
                (path, (w.too_large)(&megabytes(*size), &megabytes(*limit)))
            }
            EvidenceError::ForbiddenName { path, name } => (path, (w.forbidden_name)(name)),
            EvidenceError::Write { path, reason } => (path, (w.write)(&reason.describe(m))),
        };
        located(path, None, &text)
    }
}

/// English for `Display`: what logs, tests and `{error}` print. A user reads the
/// words of `Describe`, in their language.
macro_rules! english_display {
    ($($type:ty),* $(,)?) => {$(
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.describe(&MESSAGES_EN))
            }
        }
    )*};
}

english_display!(
    FileError,
    Problem,
    Rule,
    Refusal,
    DateError,
    StoreError,
    RecordError,
    ExportError,
    MergeError,
    MalformedDigest,
    SheetError,
    SheetProblem,
    EvidenceError,
);

impl std::error::Error for SheetError {}

impl std::error::Error for FileError {}

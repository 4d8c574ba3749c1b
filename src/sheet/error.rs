//! A problem in a spreadsheet: where it is (file, sheet or CSV section, row, column)
//! and what it is, as values; the language tables (`i18n`) word them.

use std::path::{Path, PathBuf};

use super::layout::column_name;
use crate::checklist::Rule;
use crate::error::{FileError, IoReason};

/// A problem in a spreadsheet, located as `file:sheet!C14: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// 1-based row number (the CSV file's line for a CSV).
    pub row: Option<u32>,
    /// 0-based column (A is 0).
    pub column: Option<usize>,
    /// Boxed: a result of one stays small.
    pub problem: Box<SheetProblem>,
}

/// What is wrong in a checklist spreadsheet or a returned self-check workbook. Column
/// and sheet names are the layout's (Japanese in every language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// The file could not be read as a checklist spreadsheet.
    CannotRead(Unreadable),
    /// The CSV is not UTF-8.
    NotUtf8,
    MissingSheet(String),
    /// A column the sheet must have, with the headers it does have.
    MissingColumn {
        column: String,
        headers: Vec<String>,
    },
    /// A CSV row before the first section.
    OutsideSection,
    Required(String),
    NotInteger {
        column: String,
        value: String,
    },
    /// A key that is not one character.
    BadKey(String),
    /// A key the screens bind to something else.
    BoundKey(char),
    /// A symbol that is not ASCII, without an ASCII form.
    NotAscii(String),
    /// A value that is none of those expected.
    UnknownValue {
        column: String,
        value: String,
        expected: Vec<String>,
    },
    /// A condition cell RON cannot read.
    BadCondition(ron::error::SpannedError),
    /// The report header's wording (one RON cell of 概要) that RON cannot read.
    BadFacts(ron::error::Error),
    Duplicate {
        column: String,
        value: String,
    },
    NoMarks,
    NoItems,
    UnknownTag {
        tag: String,
        known: Vec<String>,
    },
    /// An area whose items are not together.
    AreaAgain(String),
    /// An area given two titles.
    AreaTitles {
        area: String,
        first: String,
        now: String,
    },
    /// A rule of the checklist as a whole, broken at this cell.
    Rule(Rule),
    /// The checklist written from the sheet does not validate (a rule the cells were
    /// not checked against).
    GeneratedInvalid(Box<FileError>),
    // A returned self-check workbook.
    /// The file is not a workbook that can be read.
    NotAWorkbook(Unreadable),
    /// A workbook without kansa's hidden sheet.
    NotSelfcheck,
    /// A sheet of another round: the round id found, this round's.
    OtherRound {
        found: String,
        id: String,
    },
    OtherDepartment(String),
    /// A sheet of a checklist (by id or title) this round does not have.
    OtherChecklist(String),
    /// A sheet of one of the round's checklists for a department it is not for.
    NotForDepartment {
        checklist: String,
        department: String,
    },
    NoHeader,
    NotAnItem(String),
    Twice(String),
    /// A mark not on the scale: the value found, the scale's labels.
    UnknownMark {
        given: String,
        labels: Vec<String>,
    },
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Io(IoReason),
    /// The workbook reader's or the CSV reader's own (English) words.
    Reader(String),
    /// A sheet spread over more cells than a checklist or a self-check ever has.
    TooWide(usize),
}

impl SheetError {
    pub fn file(file: &Path, problem: SheetProblem) -> SheetError {
        SheetError {
            file: file.to_path_buf(),
            sheet: None,
            row: None,
            column: None,
            problem: Box::new(problem),
        }
    }

    /// Where it is, as a spreadsheet names a cell: `項目!C14`, or less when less is known.
    pub fn cell(&self) -> Option<String> {
        // A CSV row outside any section: the file's line, as a compiler names it.
        let Some(sheet) = self.sheet.as_deref() else {
            return self.row.map(|row| row.to_string());
        };
        let column = self.column.map(column_name).unwrap_or_default();
        Some(match self.row {
            Some(row) => format!("{sheet}!{column}{row}"),
            None => sheet.to_string(),
        })
    }
}

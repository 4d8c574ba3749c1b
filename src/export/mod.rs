//! Reports made from a session for the 情報セキュリティ委員会. `model` computes each
//! report as data; one module per format lays it out. `write` is the one entry point:
//! a report, a format and a language in, the file's bytes out.

mod compare;
mod csv;
mod docx;
pub mod evidence;
pub mod evidence_body;
mod file;
mod html;
mod html_marks;
mod html_page;
mod lines;
mod markdown;
pub mod model;
mod opening;
mod outline;
pub mod scores;
mod sections;
mod severity;
mod stamp;
pub mod words;
mod wrap;
mod xlsx;
mod xlsx_page;
mod xlsx_summary;

use std::fmt;

use crate::session::Session;

pub use self::csv::{answers_csv, matrix_csv};
pub use self::file::save;
pub use self::lines::short_digest;
use self::model::{Departments, Matrix};
pub use self::words::{DocumentWords, ReportWords, RoundWords, ScoreLineWords};

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// The 結果一覧: items × departments.
    Matrix,
    /// The 実施報告書: per item, who complies and who needs improvement; the 総評 figures.
    Summary,
    /// One 結果報告書 per department: the header table, then 所見 and 指摘事項 per area.
    Departments,
    /// Every report in one document (md, html, docx) or workbook (xlsx). DOCX leaves
    /// the matrix out (it is a spreadsheet's table); CSV refuses, as a CSV is one table.
    All,
    /// 前回比較: this round against the one it was started from.
    Compare,
}

/// Which file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Csv,
    Xlsx,
    Html,
    Docx,
}

impl Format {
    /// Text formats can go to standard output; the others are zip archives.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Md | Format::Csv | Format::Html)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Report::Matrix => "matrix",
            Report::Summary => "summary",
            Report::Departments => "departments",
            Report::All => "all",
            Report::Compare => "compare",
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Docx => "docx",
        })
    }
}

/// Why a report was not written: the facts, worded by the language tables (`i18n`).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A report that a format does not hold (the matrix as DOCX, every report as CSV).
    Unsupported {
        report: Report,
        format: Format,
    },
    /// The writers' own failures, in their own (English) words.
    Csv(#[from] ::csv::Error),
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    Docx(String),
}

/// The bytes of `report` as `format`, with headings, legends and dates in `words`
/// (a `Lang` gives its own). The matrix as CSV is the scripted layout (`matrix_csv`),
/// the same in every language.
pub fn write(
    session: &Session,
    report: Report,
    format: Format,
    words: impl Into<DocumentWords>,
) -> Result<Vec<u8>, ExportError> {
    let all_words = words.into();
    let words = all_words.report;
    let bytes = match (report, format) {
        (Report::Matrix, Format::Csv) => matrix_csv(session)?.into_bytes(),
        (Report::Matrix, Format::Md) => markdown::matrix(&Matrix::of(session), words).into_bytes(),
        (Report::Summary, Format::Csv) => {
            csv::summary(&sections::summary(session), words)?.into_bytes()
        }
        (Report::Summary, Format::Md) => {
            markdown::summary(&sections::summary(session), words).into_bytes()
        }
        (Report::Matrix, Format::Xlsx) => xlsx::matrix(&Matrix::of(session), words)?,
        (Report::Summary, Format::Xlsx) => xlsx::summary(&sections::summary(session), words)?,
        (Report::Matrix, Format::Html) => html::matrix(&Matrix::of(session), words).into_bytes(),
        (Report::Summary, Format::Html) => {
            html::summary(&sections::summary(session), words).into_bytes()
        }
        (Report::Summary, Format::Docx) => {
            docx::summary(&sections::summary(session), words).map_err(ExportError::Docx)?
        }
        (Report::Departments, _) => departments(&sections::departments(session), format, words)?,
        (Report::All, _) => all(session, format, words)?,
        (Report::Compare, _) => return write_compare(session, format, all_words),
        (Report::Matrix, Format::Docx) => {
            return Err(ExportError::Unsupported { report, format });
        }
    };
    Ok(bytes)
}

fn departments(
    departments: &Departments,
    format: Format,
    words: &ReportWords,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Md => markdown::departments(departments, words).into_bytes(),
        Format::Csv => csv::departments(departments, words)?.into_bytes(),
        Format::Xlsx => xlsx::departments(departments, words)?,
        Format::Html => html::departments(departments, words).into_bytes(),
        Format::Docx => docx::departments(departments, words).map_err(ExportError::Docx)?,
    })
}

/// Every report at once: the matrix (of each checklist), the departments' 結果報告書
/// and the 実施報告書.
fn all(session: &Session, format: Format, words: &ReportWords) -> Result<Vec<u8>, ExportError> {
    let (departments, summary) = (sections::departments(session), sections::summary(session));
    let matrices = matrices(session, words);
    Ok(match format {
        Format::Md => (matrices.iter())
            .map(|(name, matrix)| markdown::matrix_named(matrix, words, name))
            .chain([
                markdown::departments(&departments, words),
                markdown::summary(&summary, words),
            ])
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
        Format::Html => html::all(&matrices, &departments, &summary, words).into_bytes(),
        Format::Xlsx => {
            // A sheet per checklist: the main one's 結果一覧, the others' after their ids.
            let sheets = (session.checklists().enumerate()).map(|(n, checklist)| match n {
                0 => words.matrix.to_string(),
                _ => (words.matrix_of)(&checklist.id),
            });
            let matrices: Vec<(String, String, Matrix)> = (sheets.zip(matrices))
                .map(|(sheet, (name, matrix))| (sheet, name, matrix))
                .collect();
            xlsx::all(&matrices, &departments, &summary, words)?
        }
        Format::Docx => docx::all(&departments, &summary, words).map_err(ExportError::Docx)?,
        Format::Csv => {
            return Err(ExportError::Unsupported {
                report: Report::All,
                format,
            });
        }
    })
}

/// The 結果一覧 of each checklist of the round, named as its heading gives it: the
/// main checklist's as always (the 実施報告書's 別紙), each other after its checklist.
fn matrices(session: &Session, words: &ReportWords) -> Vec<(String, Matrix)> {
    let others = (1..=session.extra.len())
        .filter_map(|index| session.view(index))
        .map(|view| {
            let name = (words.checklist_matrix)(&view.checklist.title);
            (name, Matrix::of(&view))
        });
    std::iter::once((words.matrix.to_string(), Matrix::of(session)))
        .chain(others)
        .collect()
}

/// True when the session has a round to compare with: `--report all` includes the
/// comparison then.
pub fn has_previous(session: &Session) -> bool {
    session.previous.is_some()
}

fn write_compare(
    session: &Session,
    format: Format,
    words: DocumentWords,
) -> Result<Vec<u8>, ExportError> {
    let report = compare::Compare::of(session, words.report, words.rounds);
    Ok(match format {
        Format::Md => compare::markdown(&report).into_bytes(),
        Format::Csv => compare::csv(&report)?.into_bytes(),
        Format::Html => compare::html(&report, words.report.tag).into_bytes(),
        Format::Xlsx => compare::xlsx(&report)?,
        Format::Docx => {
            return Err(ExportError::Unsupported {
                report: Report::Compare,
                format,
            });
        }
    })
}

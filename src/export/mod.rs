//! Reports made from a session for the 情報セキュリティ委員会. `model` computes each
//! report as data; one module per format lays it out. `write` is the one entry point:
//! a report, a format and a language in, the file's bytes out.

mod compare;
mod csv;
mod docx;
mod file;
mod html;
mod markdown;
pub mod model;
mod xlsx;

use std::fmt;

use crate::i18n::{Lang, ReportWords};
use crate::session::Session;

pub use self::csv::{answers_csv, matrix_csv};
pub use self::file::save;
use self::model::{Departments, Matrix, Stamp, Summary};

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

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the {report} report cannot be written as {format}: {hint}")]
    Unsupported {
        report: Report,
        format: Format,
        hint: &'static str,
    },
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("DOCX: {0}")]
    Docx(String),
}

/// The bytes of `report` as `format`, with headings, legends and dates in `lang`.
/// The matrix as CSV is the scripted layout (`matrix_csv`), the same in every language.
pub fn write(
    session: &Session,
    report: Report,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let words = lang.report_words();
    let bytes = match (report, format) {
        (Report::Matrix, Format::Csv) => matrix_csv(session)?.into_bytes(),
        (Report::Matrix, Format::Md) => markdown::matrix(&Matrix::of(session), words).into_bytes(),
        (Report::Summary, Format::Csv) => csv::summary(&Summary::of(session), words)?.into_bytes(),
        (Report::Summary, Format::Md) => {
            markdown::summary(&Summary::of(session), words).into_bytes()
        }
        (Report::Matrix, Format::Xlsx) => xlsx::matrix(&Matrix::of(session), words)?,
        (Report::Summary, Format::Xlsx) => xlsx::summary(&Summary::of(session), words)?,
        (Report::Matrix, Format::Html) => html::matrix(&Matrix::of(session), words).into_bytes(),
        (Report::Summary, Format::Html) => html::summary(&Summary::of(session), words).into_bytes(),
        (Report::Summary, Format::Docx) => {
            docx::summary(&Summary::of(session), words).map_err(ExportError::Docx)?
        }
        (Report::Departments, _) => departments(&Departments::of(session), format, words)?,
        (Report::All, _) => all(session, format, words)?,
        (Report::Compare, _) => return write_compare(session, format, lang),
        (Report::Matrix, Format::Docx) => {
            return Err(ExportError::Unsupported {
                report,
                format,
                hint: "DOCX is written for the summary (実施報告書); \
                       write the matrix as xlsx, html, md or csv",
            });
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

/// Every report at once: the matrix, the departments' 結果報告書 and the 実施報告書.
fn all(session: &Session, format: Format, words: &ReportWords) -> Result<Vec<u8>, ExportError> {
    let (matrix, departments, summary) = (
        Matrix::of(session),
        Departments::of(session),
        Summary::of(session),
    );
    Ok(match format {
        Format::Md => [
            markdown::matrix(&matrix, words),
            markdown::departments(&departments, words),
            markdown::summary(&summary, words),
        ]
        .join("\n")
        .into_bytes(),
        Format::Html => html::all(&matrix, &departments, &summary, words).into_bytes(),
        Format::Xlsx => xlsx::all(&matrix, &departments, &summary, words)?,
        Format::Docx => docx::all(&departments, &summary, words).map_err(ExportError::Docx)?,
        Format::Csv => {
            return Err(ExportError::Unsupported {
                report: Report::All,
                format,
                hint: "a CSV file holds one table; write each report on its own, \
                       or all of them as xlsx",
            });
        }
    })
}

/// True when the session has a round to compare with: `--report all` includes the
/// comparison then.
pub fn has_previous(session: &Session) -> bool {
    session.previous.is_some()
}

fn write_compare(session: &Session, format: Format, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let report = compare::Compare::of(session, lang.report_words(), lang.round_words());
    Ok(match format {
        Format::Md => compare::markdown(&report).into_bytes(),
        Format::Csv => compare::csv(&report)?.into_bytes(),
        Format::Html => compare::html(&report, lang.report_words().tag).into_bytes(),
        Format::Xlsx => compare::xlsx(&report)?,
        Format::Docx => {
            return Err(ExportError::Unsupported {
                report: Report::Compare,
                format,
                hint: "write the comparison as xlsx, html, md or csv",
            });
        }
    })
}

/// "令和6年度… 結果一覧": the audit's title, then the report's name.
fn title(heading: &model::Heading, words: &ReportWords, report: &str) -> String {
    (words.title)(heading.title.trim(), report)
}

/// "監査実施日：令和6年9月27日（金）", or a visible blank while no date is set.
fn date_line(heading: &model::Heading, words: &ReportWords) -> String {
    let date = heading.date.map_or(words.no_date.to_string(), words.date);
    (words.date_line)(&date)
}

/// "○：適正 △：監査指導により改善 ×：改善を要する -：該当なし", from the scale.
fn legend_line(heading: &model::Heading, words: &ReportWords) -> String {
    heading
        .legend
        .iter()
        .map(|m| (words.legend_entry)(&m.symbol, &m.label))
        .collect::<Vec<_>>()
        .join(words.legend_separator)
}

/// Department names in one cell, or なし.
fn department_list(names: &[String], words: &ReportWords) -> String {
    if names.is_empty() {
        words.none.to_string()
    } else {
        names.join(words.list_separator)
    }
}

/// The 改善内容 of an item, one entry per line: each department's note, then the
/// departments not answered yet.
fn improvements(row: &model::SummaryRow, words: &ReportWords) -> Vec<String> {
    let mut lines: Vec<String> = row
        .improvements
        .iter()
        .map(|(department, note)| (words.note)(department, note))
        .collect();
    if !row.unanswered.is_empty() {
        let names = row.unanswered.join(words.list_separator);
        lines.push((words.unanswered_list)(&names));
    }
    lines
}

/// "○ 適正" and the other marks, then 未回答: the row labels of the counts.
fn count_labels(heading: &model::Heading, words: &ReportWords) -> Vec<String> {
    let marks = heading
        .legend
        .iter()
        .map(|m| format!("{} {}", m.symbol, m.label));
    marks.chain([words.unanswered.to_string()]).collect()
}

/// A count's figures in the order of `count_labels`.
fn count_figures(count: &crate::results::Count) -> Vec<usize> {
    let mut figures = count.marks.clone();
    figures.push(count.unanswered);
    figures
}

/// The fill of a cell by its mark's meaning (RGB), the same in every format: green
/// complies, yellow improved under guidance, red needs improvement, grey not applicable.
fn fill(meaning: crate::checklist::Meaning) -> u32 {
    use crate::checklist::Meaning;
    match meaning {
        Meaning::Compliant => 0xE2EFDA,
        Meaning::ImprovedUnderGuidance => 0xFFF2CC,
        Meaning::NeedsImprovement => 0xF8CBAD,
        Meaning::NotApplicable => 0xEDEDED,
        Meaning::Unknown => 0xDDEBF7,
    }
}

/// The draft warning, or the signer, time and short digest, as one line.
fn stamp_line(heading: &model::Heading, words: &ReportWords) -> String {
    match &heading.stamp {
        Stamp::Draft => words.draft.to_string(),
        Stamp::Signed { by, at, digest } => {
            let when = format!("{} {}", (words.date)(at.date_naive()), at.format("%H:%M"));
            (words.signed)(by, &when, short_digest(digest))
        }
    }
}

/// The digest as printed: long enough to be unique in practice, short enough to copy
/// from paper into `kansa verify --digest`.
pub fn short_digest(digest: &str) -> &str {
    digest.get(..16).unwrap_or(digest)
}

/// True for a report of an unsigned session.
fn is_draft(heading: &model::Heading) -> bool {
    heading.stamp == Stamp::Draft
}

/// "指摘事項：デスクトップ貼り付け、ID・パスワードの取扱い", or "指摘事項：なし".
fn findings_line(area: &model::AreaReport, words: &ReportWords) -> String {
    let list = if area.findings.is_empty() {
        words.none.to_string()
    } else {
        area.findings.join(words.list_separator)
    };
    (words.findings_line)(&list)
}

/// "結果報告書" dated with the 報告日 where one is set.
fn report_date_line(departments: &model::Departments, words: &ReportWords) -> Option<String> {
    departments
        .report_date
        .map(|d| (words.report_date_line)(&(words.date)(d)))
}

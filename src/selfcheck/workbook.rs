//! The self-check workbook: written for departments to fill in (a sheet per
//! department, the mark chosen from a drop-down of the scale's labels, only the answer
//! cells unlocked), and read back when returned. A hidden sheet `kansa` records the
//! round and the department of each sheet, so a workbook always matches back, or is
//! refused naming the file, sheet and cell.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet, XlsxError};
use sha2::{Digest, Sha256};

use super::layer::sheet_items;
use super::words::SelfcheckWords;
use crate::checklist::Mark;
use crate::error::IoReason;
use crate::session::{Hearing, SelfAnswer, SelfCheck, Session, Timestamp};
use crate::sheet::{Row, SheetError, SheetProblem, Table, Unread, Unreadable, tables};

/// The hidden sheet naming the round and each sheet's department.
pub const META: &str = "kansa";
pub const META_COLUMNS: [&str; 3] = ["シート", "監査ID", "部署"];
/// Where the hidden sheet lists the scale's labels (column E), for a long scale's list.
const LABELS_COLUMN: u16 = 4;

fn labels_range(count: usize) -> String {
    format!("={META}!$E$2:$E${}", count + 1)
}
/// The columns of a department's sheet; the header is on `HEADER_ROW` (0-based).
pub const COLUMNS: [&str; 7] = [
    "項目ID",
    "領域",
    "項目",
    "確認すること",
    "評価",
    "コメント",
    "証跡ファイル",
];
pub const HEADER_ROW: u32 = 4;
pub const MARK_COLUMN: usize = 4;
pub const COMMENT_COLUMN: usize = 5;
/// Files the department names as evidence of its answer, one a line, beside the
/// workbook or with their path: the import attaches them to the cell.
pub const EVIDENCE_COLUMN: usize = 6;

/// The departments chosen by full or short name (all when none is named), or the
/// first name the session does not know.
pub fn choose<'a>(session: &'a Session, names: &[String]) -> Result<Vec<&'a Hearing>, String> {
    if names.is_empty() {
        return Ok(session.hearings.iter().collect());
    }
    names
        .iter()
        .map(|name| session.hearing(name.trim()).ok_or_else(|| name.clone()))
        .collect()
}

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters.
pub fn sheet_name(hearing: &Hearing) -> String {
    hearing
        .department
        .short
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}

/// One workbook holding a sheet for each of `hearings`, the instructions first.
pub fn write(
    session: &Session,
    hearings: &[&Hearing],
    w: &SelfcheckWords,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    write_instructions(workbook.add_worksheet(), w)?;
    for hearing in hearings {
        write_department(workbook.add_worksheet(), session, hearing, w)?;
    }
    let meta = workbook.add_worksheet();
    meta.set_name(META)?;
    for (c, name) in META_COLUMNS.iter().enumerate() {
        meta.write_string(0, c as u16, *name)?;
    }
    for (r, hearing) in hearings.iter().enumerate() {
        let r = r as u32 + 1;
        meta.write_string(r, 0, sheet_name(hearing))?;
        meta.write_string(r, 1, &session.id)?;
        meta.write_string(r, 2, &hearing.department.short)?;
    }
    for (r, mark) in session.checklist.scale.iter().enumerate() {
        meta.write_string(r as u32 + 1, LABELS_COLUMN, &mark.label)?;
    }
    meta.set_hidden(true);
    meta.protect();
    workbook.save_to_buffer()
}

fn write_instructions(sheet: &mut Worksheet, w: &SelfcheckWords) -> Result<(), XlsxError> {
    sheet.set_name(w.instructions_sheet)?;
    sheet.set_column_width(0, 100)?;
    let wrap = Format::new().set_text_wrap();
    for (r, line) in w.instructions.iter().enumerate() {
        sheet.write_string_with_format(r as u32, 0, *line, &wrap)?;
    }
    sheet.protect();
    Ok(())
}

fn write_department(
    sheet: &mut Worksheet,
    session: &Session,
    hearing: &Hearing,
    w: &SelfcheckWords,
) -> Result<(), XlsxError> {
    let d = &hearing.department;
    sheet.set_name(sheet_name(hearing))?;
    let bold = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, (w.sheet_title)(&d.name, &d.short), &bold)?;
    sheet.write_string(1, 0, (w.round_line)(&session.facts.title, &session.id))?;
    sheet.write_string(2, 0, w.sheet_hint)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    for (c, (name, width)) in COLUMNS.iter().zip([10, 8, 50, 50, 20, 40, 30]).enumerate() {
        sheet.write_string_with_format(HEADER_ROW, c as u16, *name, &header)?;
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let answer = wrap
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFFF2CC));
    let items = sheet_items(session, hearing);
    for (r, item) in items.iter().enumerate() {
        let r = HEADER_ROW + 1 + r as u32;
        let area = session.area_of(&item.id).map_or("", |a| a.id.as_str());
        let question = if item.guidance.is_empty() {
            &item.text
        } else {
            &item.guidance
        };
        sheet.write_string_with_format(r, 0, &item.id, &wrap)?;
        sheet.write_string_with_format(r, 1, area, &wrap)?;
        sheet.write_string_with_format(r, 2, &item.text, &wrap)?;
        sheet.write_string_with_format(r, 3, question, &wrap)?;
        sheet.write_blank(r, MARK_COLUMN as u16, &answer)?;
        sheet.write_blank(r, COMMENT_COLUMN as u16, &answer)?;
        sheet.write_blank(r, EVIDENCE_COLUMN as u16, &answer)?;
    }
    if !items.is_empty() {
        let last = HEADER_ROW + items.len() as u32;
        let labels: Vec<&str> = session
            .checklist
            .scale
            .iter()
            .map(|m| m.label.as_str())
            .collect();
        let validation = match DataValidation::new().allow_list_strings(&labels) {
            // Excel takes a list of at most 255 characters with no comma in a label;
            // a longer scale is listed from the hidden sheet instead.
            Ok(list) if labels.iter().all(|l| !l.contains(',')) => list,
            _ => {
                DataValidation::new().allow_list_formula(labels_range(labels.len()).as_str().into())
            }
        }
        .set_error_message(w.choose_mark)?;
        let column = MARK_COLUMN as u16;
        sheet.add_data_validation(HEADER_ROW + 1, column, last, column, &validation)?;
    }
    sheet.protect();
    Ok(())
}

/// A department's self-assessment read from a returned workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// Short name.
    pub department: String,
    pub selfcheck: SelfCheck,
    /// The files the sheet names as evidence: item, path (beside the workbook unless
    /// given whole).
    pub files: Vec<(String, PathBuf)>,
}

/// Every department's answers in the workbook `file`, checked against the session:
/// all of them, or every problem found (each naming the file, sheet and cell).
pub fn read(
    session: &Session,
    file: &Path,
    now: Timestamp,
) -> Result<Vec<Returned>, Vec<SheetError>> {
    let bytes = std::fs::read(file).map_err(|e| {
        let reason = Unreadable::Io(IoReason::from(&e));
        vec![SheetError::file(file, SheetProblem::NotAWorkbook(reason))]
    })?;
    let digest = format!("{:x}", Sha256::digest(&bytes));
    let tables = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes))
        .map_err(Unread::Workbook)
        .and_then(|mut workbook| tables(&mut workbook))
        .map_err(|e| vec![e.error(file, SheetProblem::NotAWorkbook)])?;
    let at = |table: &Table, row: u32, column: usize, problem: SheetProblem| SheetError {
        file: file.to_path_buf(),
        sheet: Some(table.name.clone()),
        row: Some(row),
        column: Some(column),
        problem: Box::new(problem),
    };
    let Some(meta) = tables.iter().find(|t| t.name == META) else {
        return Err(vec![SheetError::file(file, SheetProblem::NotSelfcheck)]);
    };
    let mut errors = Vec::new();
    let mut returned = Vec::new();
    // Columns A to C name the sheets; E lists the scale's labels.
    let names_a_sheet = |r: &&Row| r.cells.iter().take(3).any(|c| !c.trim().is_empty());
    for row in meta.rows.iter().skip(1).filter(names_a_sheet) {
        let cell = |c: usize| row.cells.get(c).map_or("", |s| s.as_str());
        if cell(1) != session.id {
            let problem = SheetProblem::OtherRound {
                found: cell(1).to_string(),
                id: session.id.clone(),
            };
            errors.push(at(meta, row.number, 1, problem));
            continue;
        }
        let Some(hearing) = session.hearing(cell(2)) else {
            let problem = SheetProblem::OtherDepartment(cell(2).to_string());
            errors.push(at(meta, row.number, 2, problem));
            continue;
        };
        let Some(table) = tables.iter().find(|t| t.name == cell(0)) else {
            let problem = SheetProblem::MissingSheet(cell(0).to_string());
            errors.push(at(meta, row.number, 0, problem));
            continue;
        };
        let found = answers(session, hearing, table, &at, &mut errors);
        let beside = file.parent().unwrap_or(Path::new(""));
        let files = named_files(table, &found)
            .into_iter()
            .map(|(item, name)| (item, beside.join(name)))
            .collect();
        returned.push(Returned {
            files,
            department: hearing.department.short.clone(),
            selfcheck: SelfCheck {
                by: hearing.department.name.clone(),
                imported: now,
                file: file_name(file),
                digest: digest.clone(),
                answers: found,
            },
        });
    }
    if returned.is_empty() && errors.is_empty() {
        errors.push(SheetError::file(file, SheetProblem::NotSelfcheck));
    }
    if errors.is_empty() {
        Ok(returned)
    } else {
        Err(errors)
    }
}

/// The files each answered row names in its 証跡ファイル cell, one a line.
fn named_files(
    table: &Table,
    answered: &std::collections::BTreeMap<String, SelfAnswer>,
) -> Vec<(String, String)> {
    let mut named = Vec::new();
    for row in &table.rows {
        let id = row.cells.first().map_or("", |c| c.trim());
        let Some(cell) = row.cells.get(EVIDENCE_COLUMN) else {
            continue;
        };
        if !answered.contains_key(id) {
            continue;
        }
        for name in cell.lines().map(str::trim).filter(|n| !n.is_empty()) {
            named.push((id.to_string(), name.to_string()));
        }
    }
    named
}

type At<'a> = dyn Fn(&Table, u32, usize, SheetProblem) -> SheetError + 'a;

/// The answers on one department's sheet; problems go to `errors`.
fn answers(
    session: &Session,
    hearing: &Hearing,
    table: &Table,
    at: &At,
    errors: &mut Vec<SheetError>,
) -> std::collections::BTreeMap<String, SelfAnswer> {
    let mut found = std::collections::BTreeMap::new();
    let header = table
        .rows
        .iter()
        .position(|r| r.cells.first().is_some_and(|c| c == COLUMNS[0]));
    let Some(header) = header else {
        errors.push(at(table, HEADER_ROW + 1, 0, SheetProblem::NoHeader));
        return found;
    };
    let asked: Vec<&str> = sheet_items(session, hearing)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    for row in table.rows.iter().skip(header + 1).filter(|r| !r.is_blank()) {
        let cell = |c: usize| row.cells.get(c).map_or("", |s| s.trim());
        let id = cell(0);
        if !asked.contains(&id) {
            errors.push(at(
                table,
                row.number,
                0,
                SheetProblem::NotAnItem(id.to_string()),
            ));
            continue;
        }
        if found.contains_key(id) {
            errors.push(at(
                table,
                row.number,
                0,
                SheetProblem::Twice(id.to_string()),
            ));
            continue;
        }
        let mark = match cell(MARK_COLUMN) {
            "" => None,
            given => match mark_of(&session.checklist.scale, given) {
                Some(mark) => Some(mark.symbol.clone()),
                None => {
                    let problem = SheetProblem::UnknownMark {
                        given: given.to_string(),
                        labels: labels(&session.checklist.scale),
                    };
                    errors.push(at(table, row.number, MARK_COLUMN, problem));
                    continue;
                }
            },
        };
        let comment = cell(COMMENT_COLUMN).to_string();
        // A row left blank is no answer: departments return sheets half filled.
        if mark.is_some() || !comment.is_empty() {
            found.insert(id.to_string(), SelfAnswer { mark, comment });
        }
    }
    found
}

/// The mark a cell names: by its label (what the drop-down offers), its symbol, its
/// ASCII form, or both as `○ 適正`.
fn mark_of<'a>(scale: &'a [Mark], given: &str) -> Option<&'a Mark> {
    scale.iter().find(|m| {
        given == m.label
            || given == m.symbol
            || (!m.ascii.is_empty() && given == m.ascii)
            || given == format!("{} {}", m.symbol, m.label)
    })
}

fn labels(scale: &[Mark]) -> Vec<String> {
    scale.iter().map(|m| m.label.clone()).collect()
}

fn file_name(file: &Path) -> String {
    file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::testing::{now, seed_session};

    #[test]
    fn a_scale_too_long_for_an_inline_list_is_listed_from_the_hidden_sheet() {
        let mut session = seed_session();
        for mark in &mut session.checklist.scale {
            mark.label = format!("{}, {}", mark.label, "x".repeat(70));
        }
        let w = crate::i18n::Lang::Ja.selfcheck_words();
        let hearing = session.hearing("保育").unwrap();
        let bytes = write(&session, &[hearing], w).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("long.xlsx");
        std::fs::write(&file, bytes).unwrap();
        let returned = read(&session, &file, now()).unwrap();
        assert_eq!(returned.len(), 1);
        assert_eq!(returned[0].department, "保育");
        assert!(
            returned[0].selfcheck.answers.is_empty(),
            "nothing filled in"
        );
    }
}

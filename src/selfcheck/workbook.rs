//! The self-check workbook: written for departments to fill in (a sheet per
//! department, the mark chosen from a drop-down of the scale's labels, only the answer
//! cells unlocked), and read back when returned. A hidden sheet `kansa` records the
//! round and the department of each sheet, so a workbook always matches back, or is
//! refused naming the file, sheet and cell.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet, XlsxError};
use sha2::{Digest, Sha256};

use super::layer::sheet_items;
use super::words::SelfcheckWords;
use crate::checklist::Mark;
use crate::error::IoReason;
use crate::session::{Hearing, SelfAnswer, SelfCheck, Session, Timestamp, qualified};
use crate::sheet::{Row, SheetError, SheetProblem, Table, Unread, Unreadable, tables};

/// The hidden sheet naming the round and each sheet's department and checklist.
pub const META: &str = "kansa";
pub const META_COLUMNS: [&str; 4] = ["シート", "監査ID", "部署", "チェックリスト"];
/// The column of the hidden sheet naming a sheet's checklist (its id): the main one
/// when blank, as in workbooks written before rounds had several.
const CHECKLIST_COLUMN: usize = 3;
/// Where the hidden sheet lists the scale's labels (column E, then F… for the round's
/// other checklists), for a long scale's list.
const LABELS_COLUMN: u16 = 4;

fn labels_range(checklist: usize, count: usize) -> String {
    let column = crate::sheet::column_name(LABELS_COLUMN as usize + checklist);
    format!("={META}!${column}$2:${column}${}", count + 1)
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

/// The name of a department's sheet of the main checklist.
pub fn sheet_name(hearing: &Hearing) -> String {
    excel_name(&hearing.department.short)
}

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters.
fn excel_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}

/// One sheet of a workbook: a department through one of the round's checklists.
struct Page<'a> {
    /// The checklist's place among the round's (`Session::checklists`), and the round
    /// seen through it.
    index: usize,
    view: &'a Session,
    /// The department's hearing in that view.
    hearing: &'a Hearing,
    name: String,
}

/// The round seen through each of its checklists, the main one first: the round
/// itself for the main one (its sheets ask the main checklist's items only), so a
/// one-checklist round is not copied.
fn views(session: &Session) -> Vec<Cow<'_, Session>> {
    let others = (1..=session.extra.len()).filter_map(|index| session.view(index));
    std::iter::once(Cow::Borrowed(session))
        .chain(others.map(Cow::Owned))
        .collect()
}

/// A sheet for each of `hearings` and each checklist that applies to it, in that
/// order, each named uniquely.
fn pages<'a>(views: &'a [Cow<'a, Session>], hearings: &[&Hearing]) -> Vec<Page<'a>> {
    let mut pages: Vec<Page> = Vec::new();
    for hearing in hearings {
        for (index, view) in views.iter().enumerate() {
            let Some(own) = view.hearing(&hearing.department.short) else {
                continue;
            };
            let mut name = sheet_name(hearing);
            if index > 0 {
                name = excel_name(&format!("{name} {}", view.checklist.id));
            }
            let mut n = 1;
            while pages.iter().any(|p| p.name == name) {
                n += 1;
                let tail = format!("~{n}");
                name = name.chars().take(31 - tail.len()).collect::<String>() + &tail;
            }
            pages.push(Page {
                index,
                view: view.as_ref(),
                hearing: own,
                name,
            });
        }
    }
    pages
}

/// One workbook holding, after the instructions, a sheet for each of `hearings` and
/// each checklist of the round that applies to it.
pub fn write(
    session: &Session,
    hearings: &[&Hearing],
    w: &SelfcheckWords,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    write_instructions(workbook.add_worksheet(), w)?;
    let views = views(session);
    let pages = pages(&views, hearings);
    for page in &pages {
        write_department(workbook.add_worksheet(), page, views.len() > 1, w)?;
    }
    let meta = workbook.add_worksheet();
    meta.set_name(META)?;
    for (c, name) in META_COLUMNS.iter().enumerate() {
        meta.write_string(0, c as u16, *name)?;
    }
    for (r, page) in pages.iter().enumerate() {
        let r = r as u32 + 1;
        meta.write_string(r, 0, &page.name)?;
        meta.write_string(r, 1, &session.id)?;
        meta.write_string(r, 2, &page.hearing.department.short)?;
        meta.write_string(r, CHECKLIST_COLUMN as u16, &page.view.checklist.id)?;
    }
    for (c, view) in views.iter().enumerate() {
        for (r, mark) in view.checklist.scale.iter().enumerate() {
            meta.write_string(r as u32 + 1, LABELS_COLUMN + c as u16, &mark.label)?;
        }
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
    page: &Page,
    several: bool,
    w: &SelfcheckWords,
) -> Result<(), XlsxError> {
    let (session, hearing) = (page.view, page.hearing);
    let d = &hearing.department;
    sheet.set_name(&page.name)?;
    let bold = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, (w.sheet_title)(&d.name, &d.short), &bold)?;
    sheet.write_string(1, 0, (w.round_line)(&session.facts.title, &session.id))?;
    sheet.write_string(2, 0, w.sheet_hint)?;
    if several {
        // Which of the round's checklists this sheet asks.
        let title = Format::new().set_bold();
        sheet.write_string_with_format(3, 0, &session.checklist.title, &title)?;
    }
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
                let range = labels_range(page.index, labels.len());
                DataValidation::new().allow_list_formula(range.as_str().into())
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
    let mut returned: Vec<Returned> = Vec::new();
    let views = views(session);
    // Columns A to D name the sheets; E on list the scales' labels.
    let names_a_sheet = |r: &&Row| r.cells.iter().take(3).any(|c| !c.trim().is_empty());
    for row in meta.rows.iter().skip(1).filter(names_a_sheet) {
        let found = match page_of(session, &views, (&tables, meta, row), &at) {
            Ok(found) => found,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let (view, hearing, table) = found;
        let mut found = answers(view, hearing, table, &at, &mut errors);
        let beside = file.parent().unwrap_or(Path::new(""));
        let mut files: Vec<_> = named_files(table, &found)
            .into_iter()
            .map(|(item, name)| (item, beside.join(name)))
            .collect();
        if view.checklist.id != session.checklist.id {
            // Another checklist's answers, under the ids the round keeps them by.
            let own = |item: &String| qualified(&view.checklist.id, item);
            found = found.into_iter().map(|(i, a)| (own(&i), a)).collect();
            files = files.into_iter().map(|(i, f)| (own(&i), f)).collect();
        }
        let department = &hearing.department;
        let selfcheck = SelfCheck {
            by: department.name.clone(),
            imported: now,
            file: file_name(file),
            digest: digest.clone(),
            answers: found,
        };
        let department = department.short.clone();
        keep(
            &mut returned,
            Returned {
                files,
                department,
                selfcheck,
            },
        );
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

/// Keeps a sheet's answers: a department's sheets of every checklist make one
/// self-assessment.
fn keep(returned: &mut Vec<Returned>, sheet: Returned) {
    match returned
        .iter_mut()
        .find(|r| r.department == sheet.department)
    {
        Some(earlier) => {
            earlier.selfcheck.answers.extend(sheet.selfcheck.answers);
            earlier.files.extend(sheet.files);
        }
        None => returned.push(sheet),
    }
}

/// The sheet a row of the hidden sheet names: the round seen through its checklist,
/// the department's hearing there and the sheet's table; or why it is not this
/// round's, at the row's cell.
fn page_of<'a>(
    session: &Session,
    views: &'a [Cow<'a, Session>],
    (tables, meta, row): (&'a [Table], &Table, &Row),
    at: &At,
) -> Result<(&'a Session, &'a Hearing, &'a Table), SheetError> {
    let cell = |c: usize| row.cells.get(c).map_or("", |s| s.trim());
    if cell(1) != session.id {
        let problem = SheetProblem::OtherRound {
            found: cell(1).to_string(),
            id: session.id.clone(),
        };
        return Err(at(meta, row.number, 1, problem));
    }
    let Some(hearing) = session.hearing(cell(2)) else {
        let problem = SheetProblem::OtherDepartment(cell(2).to_string());
        return Err(at(meta, row.number, 2, problem));
    };
    let checklist = cell(CHECKLIST_COLUMN);
    let index = match checklist {
        "" => Some(0),
        named => session.checklist_index(named),
    };
    let Some(view) = index.and_then(|i| views.get(i)).map(AsRef::as_ref) else {
        let problem = SheetProblem::OtherChecklist(checklist.to_string());
        return Err(at(meta, row.number, CHECKLIST_COLUMN, problem));
    };
    let short = &hearing.department.short;
    let Some(hearing) = view.hearing(short) else {
        let problem = SheetProblem::NotForDepartment {
            checklist: view.checklist.id.clone(),
            department: short.clone(),
        };
        return Err(at(meta, row.number, CHECKLIST_COLUMN, problem));
    };
    let Some(table) = tables.iter().find(|t| t.name == cell(0)) else {
        let problem = SheetProblem::MissingSheet(cell(0).to_string());
        return Err(at(meta, row.number, 0, problem));
    };
    Ok((view, hearing, table))
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

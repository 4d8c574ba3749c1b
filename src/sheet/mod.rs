//! Checklists as spreadsheets, in the layout auditors keep: a sheet per part — 項目
//! (one row per item), 評価 (the scale), 部署 (the roster), and optionally 得点区分
//! (score bands), 入力欄 (answer fields) and 概要 (id and title). `read` takes XLSX
//! (or any workbook calamine reads) or a CSV of sections; `export` writes a checklist
//! in the same layout with a sheet (説明) that explains each column, and as commented
//! RON. Every problem names the file, sheet (or CSV section), column and row.
//! - `layout`: sheet and column names, tables of text;
//! - `tables`: a workbook or a CSV read as tables;
//! - `import`: tables into a checklist; `export`: a checklist into sheets and RON;
//! - `cells`: a condition as a cell writes it;
//! - `error`: a problem at its cell, as a value; `words`: the explaining sheet's words.

mod cells;
pub mod error;
mod export;
mod import;
pub mod layout;
pub mod tables;
pub mod words;

pub use error::{SheetError, SheetProblem, Unreadable};
pub use export::{to_csv, to_ron, to_xlsx};
pub use import::{Origins, read};
pub use layout::{Row, Table, column_name, split_list};
pub use tables::{Unread, tables};
pub use words::SheetStrings;

use std::path::Path;

use crate::checklist::Checklist;

/// A checklist from a spreadsheet, as RON with comments, checked as `kansa validate`
/// checks a file: what `kansa import checklist` writes to `output`.
pub fn import(file: &Path, output: &Path) -> Result<(Checklist, String), SheetError> {
    let (checklist, origins) = read(file)?;
    let text = to_ron(&checklist, file, Some(&origins));
    // Every rule was checked against the cells already; this catches one that was not,
    // rather than writing a file that `validate` refuses.
    Checklist::parse(&text, output)
        .map_err(|e| SheetError::file(file, SheetProblem::GeneratedInvalid(Box::new(e))))?;
    Ok((checklist, text))
}

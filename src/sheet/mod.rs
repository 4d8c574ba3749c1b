//! Checklists as spreadsheets, in the layout auditors keep: a sheet per part — 項目
//! (one row per item), 評価 (the scale), 部署 (the roster), and optionally 得点区分
//! (score bands), 入力欄 (answer fields) and 概要 (id and title). `read` takes XLSX
//! (or any workbook calamine reads) or a CSV of sections; `export` writes a checklist
//! in the same layout with a sheet (説明) that explains each column, and as commented
//! RON. Every problem names the file, sheet (or CSV section), column and row.

mod export;
mod import;

use std::fmt;
use std::path::{Path, PathBuf};

pub use export::{to_csv, to_ron, to_xlsx};
pub use import::{Origins, read};
pub(crate) use import::{Unread, tables};

use crate::checklist::{Checklist, Meaning};
use crate::i18n::SheetStrings;

pub const ABOUT: &str = "概要";
pub const ITEMS: &str = "項目";
pub const SCALE: &str = "評価";
pub const ROSTER: &str = "部署";
pub const BANDS: &str = "得点区分";
pub const FIELDS: &str = "入力欄";
pub const HELP: &str = "説明";

/// A sheet's columns in the order export writes them; import finds them by header, in
/// any order. `true`: the sheet must have the column.
pub type Columns = &'static [(&'static str, bool)];

pub const ABOUT_COLUMNS: Columns = &[("項目", true), ("内容", true)];
pub const ITEM_COLUMNS: Columns = &[
    ("領域", true),
    ("領域名", true),
    ("項目ID", true),
    ("項目", true),
    ("ヒアリングの観点", false),
    ("適用条件", false),
    ("対象部署", false),
];
pub const SCALE_COLUMNS: Columns = &[
    ("記号", true),
    ("ASCII", false),
    ("名称", true),
    ("キー", true),
    ("意味", true),
    ("重大度", false),
    ("点数", false),
    ("入力欄", false),
    ("メモ必須", false),
];
pub const ROSTER_COLUMNS: Columns = &[
    ("部署名", true),
    ("略称", false),
    ("タグ", false),
    ("備考", false),
];
pub const BAND_COLUMNS: Columns = &[
    ("下限", false),
    ("上限", false),
    ("区分", true),
    ("助言", false),
];
pub const FIELD_COLUMNS: Columns = &[("ID", true), ("名称", true), ("種類", false)];

/// The rows of 概要.
pub const ABOUT_ID: &str = "チェックリストID";
pub const ABOUT_TITLE: &str = "名称";
/// The row of 概要 holding the report header's wording (監査目的, 監査範囲, …, and the
/// per-department overrides), written as RON: one cell keeps every fact together.
pub const ABOUT_FACTS: &str = "報告書の記載（RON）";

/// How the 意味 column writes each meaning; the Rust names (Compliant…) read too.
pub const MEANINGS: [(Meaning, &str); 5] = [
    (Meaning::Compliant, "適合"),
    (Meaning::ImprovedUnderGuidance, "指導により改善"),
    (Meaning::NeedsImprovement, "要改善"),
    (Meaning::NotApplicable, "該当なし"),
    (Meaning::Unknown, "不明"),
];

/// How the 種類 column writes each field kind.
pub const KINDS: [(crate::checklist::FieldKind, &str); 2] = [
    (crate::checklist::FieldKind::Text, "文字"),
    (crate::checklist::FieldKind::Date, "日付"),
];

/// One sheet, or one section of a CSV file, as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub name: String,
    /// The header first, then the rows, as they stand in the file (a CSV's blank rows too;
    /// a workbook's rows without cells are left out).
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based: the sheet's row number, or the CSV file's line.
    pub number: u32,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A problem in a spreadsheet, located as `file:sheet!C14: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// 1-based row number (the CSV file's line for a CSV).
    pub row: Option<u32>,
    /// 0-based column (A is 0).
    pub column: Option<usize>,
    pub message: String,
}

impl SheetError {
    pub fn file(file: &Path, message: String) -> SheetError {
        SheetError {
            file: file.to_path_buf(),
            sheet: None,
            row: None,
            column: None,
            message,
        }
    }

    /// Where it is, as a spreadsheet names a cell: `項目!C14`, or less when less is known.
    pub fn cell(&self) -> Option<String> {
        let sheet = self.sheet.as_deref()?;
        let column = self.column.map(column_name).unwrap_or_default();
        Some(match self.row {
            Some(row) => format!("{sheet}!{column}{row}"),
            None => sheet.to_string(),
        })
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cell() {
            Some(cell) => write!(f, "{}:{cell}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for SheetError {}

/// A column's letters: 0 is A, 25 Z, 26 AA.
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A checklist from a spreadsheet, as RON with comments, checked as `kansa validate`
/// checks a file: what `kansa import checklist` writes to `output`.
pub fn import(
    file: &Path,
    output: &Path,
    t: &SheetStrings,
) -> Result<(Checklist, String), SheetError> {
    let (checklist, origins) = read(file, t)?;
    let text = to_ron(&checklist, file, Some(&origins));
    // Every rule was checked against the cells already; this catches one that was not,
    // rather than writing a file that `validate` refuses.
    Checklist::parse(&text, output)
        .map_err(|e| SheetError::file(file, (t.generated_invalid)(&e.to_string())))?;
    Ok((checklist, text))
}

/// Splits a cell that lists several values: by commas (either width), 、, semicolons
/// or line breaks.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([',', '、', '，', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(2), "C");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn lists_split_on_either_comma_and_the_japanese_one() {
        assert_eq!(
            split_list(" 市民課、税務課,保育課 ， "),
            ["市民課", "税務課", "保育課"]
        );
        assert!(split_list("").is_empty());
    }
}

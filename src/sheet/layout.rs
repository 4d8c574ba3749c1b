//! The spreadsheet layout auditors keep: sheet and column names (part of the file
//! layout, not words: the same in every language), sheets read as tables of text, and
//! how a spreadsheet names a column.

use crate::checklist::{BandUnit, FieldKind, Meaning};

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
/// The language of a round's documents: `ja` or `en` (日本語, 英語 read too); empty
/// when the checklist declares none.
pub const ABOUT_LANGUAGE: &str = "文書の言語";
/// What the bands of 得点区分 are read against: 「%」 (percent of each department's
/// maximum, the default) or 「点」 (the points themselves).
pub const ABOUT_BAND_UNIT: &str = "得点区分の単位";
pub const BAND_UNITS: [(BandUnit, &str); 2] = [(BandUnit::Percent, "%"), (BandUnit::Points, "点")];
/// Which departments of a round the checklist is for, beside the round's main one
/// (`Checklist::applies`, `Checklist::only`): a condition on their tags, as the 項目
/// sheet's 適用条件 column writes one, and a list of names. Absent: every department.
pub const ABOUT_APPLIES: &str = "適用条件";
pub const ABOUT_ONLY: &str = "対象部署";
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
pub const KINDS: [(FieldKind, &str); 2] = [(FieldKind::Text, "文字"), (FieldKind::Date, "日付")];

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

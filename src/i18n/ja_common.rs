//! Japanese shared by the tables: names from files between Japanese quotes, and the
//! facts of an audit as the forms name them.

use crate::facts::FactField;

/// A name from a file between Japanese quotes, escaped as Rust would (a newline as
/// `\n`), so that a message stays on one line whatever the file holds.
pub(crate) fn quoted(text: &str) -> String {
    format!("「{}」", text.escape_debug())
}

pub(crate) fn quoted_char(c: char) -> String {
    format!("「{}」", c.escape_debug())
}

pub(crate) fn ja_fact(field: FactField) -> &'static str {
    match field {
        FactField::Title => "監査名",
        FactField::Date => "監査実施日",
        FactField::Auditors => "監査担当者",
        FactField::Lead => "監査実施責任者",
        FactField::Purpose => "監査目的",
        FactField::Scope => "監査範囲",
        FactField::Method => "監査方法",
        FactField::Subjects => "監査項目",
        FactField::Criteria => "適用基準",
        FactField::Schedule => "監査実施日程",
        FactField::ReportDate => "報告日",
        FactField::Division => "監査担当部門",
        FactField::Overall => "総評",
        FactField::Objective => "監査目的（実施報告書）",
        FactField::Systems => "対象システム",
        FactField::LeadBasis => "監査実施責任者の根拠規定",
        FactField::DivisionBasis => "監査担当部門の根拠規定",
        FactField::Grounds => "監査の基準となる根拠",
    }
}

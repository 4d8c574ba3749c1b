//! The shape of the words a checklist workbook explains its columns with (the sheet
//! 説明): filled once per language by the language tables (`i18n`).

/// The words of the explaining sheet of a checklist workbook. Sheet and column names
/// are part of the file layout, not words (`layout`).
pub struct SheetStrings {
    pub help_headers: [&'static str; 4],
    pub required_mark: &'static str,
    /// What each column holds: sheet, column, explanation.
    pub help: &'static [(&'static str, &'static str, &'static str)],
    pub help_csv: &'static str,
}

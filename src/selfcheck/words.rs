//! The shape of the words of the self-check workbook departments fill in and of the
//! report comparing their own view with the audit's: filled once per language by the
//! language tables (`i18n`).

pub struct SelfcheckWords {
    pub tag: &'static str,
    pub instructions_sheet: &'static str,
    pub instructions: &'static [&'static str],
    /// The heading of a department's sheet: its name and short name.
    pub sheet_title: fn(&str, &str) -> String,
    /// The round: the audit's title and the session id.
    pub round_line: fn(&str, &str) -> String,
    pub sheet_hint: &'static str,
    /// The drop-down's message when something else is typed.
    pub choose_mark: &'static str,
    pub report_title: fn(&str) -> String,
    pub report_sheet: &'static str,
    pub counts_heading: &'static str,
    pub counts_header: [&'static str; 6],
    pub differences_heading: &'static str,
    pub differences_header: [&'static str; 4],
    pub missing_heading: &'static str,
    pub department: &'static str,
    pub returned: &'static str,
    pub not_returned: &'static str,
    /// The department's mark, then the audit's.
    pub own_to_audit: fn(&str, &str) -> String,
    pub none: &'static str,
}

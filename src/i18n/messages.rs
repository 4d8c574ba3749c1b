//! The shape of what `kansa` prints outside the screens, and of every error's words:
//! typed templates, each a function of its arguments, so a missing or extra argument
//! does not compile. Filled once per language (`ja_messages`, `en_messages`).

use std::path::Path;

use super::review::{ReviewWords, TeamWords};
use crate::checklist::{Checklist, Rule};
use crate::export::ExportError;
use crate::session::Refusal;
use crate::wareki::DateError;

/// What `kansa` prints outside the screens, and every error, once per language.
/// `path:line:column: ` before a located message is not language and is added by
/// `error::located`.
pub struct Messages {
    /// Working as a team: parts, merges and conflicts.
    pub team: &'static TeamWords,
    /// Checklist spreadsheets read and written.
    pub sheet: &'static SheetMessages,
    /// Self-check workbooks read and written.
    pub selfcheck: &'static SelfcheckMessages,
    /// Review, sign-off, verify and history.
    pub review: &'static ReviewWords,
    /// Files attached as evidence.
    pub evidence: &'static EvidenceWords,
    /// A session with nothing to hear (no items or no departments).
    pub not_hearable: fn(&str) -> String,
    /// `--department` names no department of the session: name, session.
    pub no_department: fn(&str, &str) -> String,
    /// Between the names of a list in one line (the round's people).
    pub list_separator: &'static str,
    // kansa list, validate and new
    pub list_header: [&'static str; 5],
    /// `kansa list`'s LAST CHANGE: ISO in English (a script's column), 和暦 with the
    /// weekday in Japanese.
    pub list_moment: fn(&crate::session::Timestamp) -> String,
    pub status_open: &'static str,
    pub status_signed: &'static str,
    /// A status and who signed: `signed (name)`, 署名済み（name）.
    pub status_by: fn(&str, &str) -> String,
    pub validated: fn(
        path: &str,
        title: &str,
        areas: usize,
        items: usize,
        departments: usize,
        marks: usize,
    ) -> String,
    /// Said by validate on a scale without a mark meaning 該当なし: how the cells that
    /// cannot apply will be shown.
    pub out_of_scope: fn(symbol: &str, label: &str) -> String,
    pub not_on_roster: fn(name: &str) -> String,
    // Why a command failed
    pub no_data_dir: &'static str,
    /// Windows, started by double-click: the window waits for Enter after an error.
    pub press_enter: &'static str,
    pub no_departments: &'static str,
    /// Two checklists of one round with the same id.
    pub checklist_same_id: fn(id: &str) -> String,
    /// An id holding the qualifier `::` in a round of several checklists.
    pub checklist_qualifier: fn(id: &str) -> String,
    /// `show --checklist NAME` of a checklist the round lacks.
    pub no_checklist: fn(name: &str) -> String,
    pub answers_csv_only: &'static str,
    pub report_not_yet: fn(report: &str) -> String,
    pub binary_to_stdout: fn(format: &str) -> String,
    pub csv_failed: fn(reason: &str) -> String,
    pub terminal: fn(reason: &str) -> String,
    pub stdout: &'static str,
    // The store
    pub locked: fn(id: &str, holder: &str) -> String,
    pub no_session: fn(id: &str) -> String,
    pub in_trash: fn(id: &str) -> String,
    pub not_in_trash: fn(id: &str) -> String,
    pub session_exists: fn(id: &str) -> String,
    pub status_answered: &'static str,
    /// A data folder others could read, made owner-only.
    pub tightened: fn(path: &str) -> String,
    /// A data folder owned by another user, refused.
    pub not_owner: fn(path: &str) -> String,
    /// An operating-system error; `detail` is the system's own (English) text.
    pub io: fn(kind: std::io::ErrorKind, detail: &str) -> String,
    // What is wrong in a file
    pub cannot_read: fn(reason: &str) -> String,
    pub not_utf8: &'static str,
    pub ron: fn(error: &ron::error::Error) -> String,
    pub checklist_format: fn(expected: u32, found: u32) -> String,
    pub session_format: fn(expected: u32, found: u32) -> String,
    pub empty_scale: &'static str,
    pub no_items: &'static str,
    pub empty_symbol: &'static str,
    pub duplicate_symbol: fn(symbol: &str) -> String,
    pub duplicate_key: fn(key: char) -> String,
    pub reserved_key: fn(key: char) -> String,
    pub duplicate_area: fn(id: &str) -> String,
    pub duplicate_item: fn(id: &str) -> String,
    pub duplicate_department: fn(name: &str) -> String,
    pub duplicate_short: fn(short: &str) -> String,
    pub unknown_tag: fn(tag: &str, known: &[&str]) -> String,
    pub unknown_department: fn(name: &str) -> String,
    pub unknown_item: fn(id: &str) -> String,
    pub unknown_mark: fn(symbol: &str) -> String,
    /// `new --from` with a newer checklist: an earlier item it no longer has.
    pub item_removed: fn(&str, &str) -> String,
    /// A rule of the checklist broken.
    pub rule: fn(&Rule) -> String,
    /// A change the session refuses.
    pub refusal: fn(&Refusal) -> String,
    /// Typed text that is not a date.
    pub date: fn(&DateError) -> String,
    /// A report not written.
    pub export: fn(&ExportError) -> String,
}

/// What reading a checklist spreadsheet says went wrong, and what writing one says.
pub struct SheetMessages {
    pub cannot_read: fn(&str) -> String,
    /// The workbook or CSV reader's own (English) words: given as they are in
    /// English, described in their stead in Japanese.
    pub reader: fn(&str) -> String,
    pub not_utf8: &'static str,
    pub missing_sheet: fn(&str) -> String,
    /// A column the sheet must have, with the headers it does have.
    pub missing_column: fn(&str, &str) -> String,
    pub outside_section: &'static str,
    pub required: fn(&str) -> String,
    pub not_integer: fn(&str, &str) -> String,
    pub bad_key: fn(&str) -> String,
    pub bound_key: fn(char) -> String,
    pub not_ascii: fn(&str) -> String,
    /// A value that is none of those expected: column, value, the expected ones.
    pub unknown_value: fn(&str, &str, &str) -> String,
    /// A condition cell RON cannot read, with where in the cell.
    pub bad_condition: fn(&ron::error::SpannedError) -> String,
    /// The report header's wording (one RON cell of 概要) RON cannot read.
    pub bad_facts: fn(&ron::error::Error) -> String,
    /// A sheet spread over more cells than this.
    pub too_wide: fn(usize) -> String,
    pub duplicate: fn(&str, &str) -> String,
    pub no_marks: &'static str,
    pub no_items: &'static str,
    pub unknown_tag: fn(&str, &str) -> String,
    pub area_again: fn(&str) -> String,
    pub area_titles: fn(&str, &str, &str) -> String,
    pub generated_invalid: fn(&str) -> String,
    /// The checklist written: its path and `validate`'s summary.
    pub written: fn(&str, &str) -> String,
}

/// What importing a returned self-check workbook says, and writing one.
pub struct SelfcheckMessages {
    pub cannot_read: fn(&str) -> String,
    pub not_selfcheck: &'static str,
    /// Found round id, this round's id.
    pub other_round: fn(&str, &str) -> String,
    pub other_department: fn(&str) -> String,
    pub other_checklist: fn(&str) -> String,
    /// Checklist id, department.
    pub not_for_department: fn(&str, &str) -> String,
    pub missing_sheet: fn(&str) -> String,
    pub no_header: &'static str,
    pub not_an_item: fn(&str) -> String,
    pub twice: fn(&str) -> String,
    /// The mark found, the scale's labels.
    pub unknown_mark: fn(&str, &str) -> String,
    /// Problems found: nothing imported.
    pub nothing_imported: fn(usize) -> String,
    /// Department, items answered, items asked.
    pub imported: fn(&str, usize, usize) -> String,
    pub unchanged: fn(&str) -> String,
    pub written: fn(&str) -> String,
    pub unknown_department: fn(&str) -> String,
    /// The comparison asked for as DOCX.
    pub not_docx: &'static str,
    /// Between the scale's labels.
    pub list_separator: &'static str,
}

/// The words of evidence, per language.
pub struct EvidenceWords {
    pub missing: &'static str,
    pub folder: &'static str,
    pub unreadable: fn(reason: &str) -> String,
    pub empty: &'static str,
    /// Size and limit, in MB as text.
    pub too_large: fn(size: &str, limit: &str) -> String,
    pub forbidden_name: fn(name: &str) -> String,
    /// Writing the copy failed: the reason; the partial copy was removed.
    pub write: fn(reason: &str) -> String,
    /// Attached: id, file name, department, item or area; `again`: the same content
    /// was kept already.
    pub attached: fn(id: &str, name: &str, department: &str, target: &str, again: bool) -> String,
    pub detached: fn(id: &str, name: &str) -> String,
    /// `kansa evidence`'s columns.
    pub list_header: [&'static str; 9],
    /// A cell's file in a list: date and time of attaching.
    pub moment: fn(&crate::session::Timestamp) -> String,
    /// `verify`: an attached file whose stored copy is missing: department, place,
    /// name, id.
    pub blob_missing: fn(department: &str, place: &str, name: &str, id: &str) -> String,
    pub blob_altered: fn(department: &str, place: &str, name: &str, id: &str) -> String,
    /// `verify`: files missing or altered, this many (named first).
    pub files_changed: fn(count: usize) -> String,
    /// The setting saved: the limit in MB.
    pub limit_saved: fn(mb: u64) -> String,
}

/// A size in MB with one decimal, as the limit error shows it.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(crate::evidence::MB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Checklist {
    /// The one line `kansa validate` prints for this checklist, read from `path`.
    pub fn summary(&self, path: &Path, m: &Messages) -> String {
        (m.validated)(
            &path.display().to_string(),
            &self.title,
            self.areas.len(),
            self.item_count(),
            self.departments.len(),
            self.scale.len(),
        )
    }
}

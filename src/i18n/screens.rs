//! The shape of the words the screens show: one field per word or template, filled
//! once per language (`ja_screens`, `en_screens`), so a missing word does not compile.

use super::lang::Lang;
use super::messages::Messages;
use super::review::ReviewWords;
use crate::export::words::RoundWords;
use crate::keymap::{Action, Group};
use crate::session::Timestamp;

pub struct Strings {
    /// The words of the command line and of errors, in the same language.
    pub messages: &'static Messages,
    /// The words of rounds over time (previous answers, follow-ups), the same language.
    pub rounds: &'static RoundWords,
    /// The words of review, sign-off and history, shared with the command line.
    pub review: &'static ReviewWords,
    /// The words of the sheet, review, history and facts views.
    pub record: &'static RecordStrings,
    pub app: &'static str,
    pub too_small: fn(u16, u16, u16, u16) -> String,
    /// The footer word for an action.
    pub hint: fn(Action) -> &'static str,
    /// The help line for an action.
    pub explain: fn(Action) -> &'static str,
    pub group_hint: fn(Group) -> &'static str,
    pub group_explain: fn(Group) -> &'static str,
    /// The help line of the matrix's mark filter, given the scale as `○ → △ → …`.
    pub filter_cycle: fn(&str) -> String,
    /// The findings list's key in the help, with the scale's finding marks.
    pub findings_explain: fn(&[String]) -> String,
    // Session list
    pub sessions: &'static str,
    pub no_sessions: &'static str,
    /// Where the sessions are kept, on the session list's frame.
    pub data_folder: &'static str,
    pub column_title: &'static str,
    pub column_status: &'static str,
    pub column_progress: &'static str,
    pub column_last_change: &'static str,
    pub status_open: &'static str,
    pub status_signed: &'static str,
    pub status_answered: &'static str,
    pub column_date: &'static str,
    pub column_id: &'static str,
    pub rename_title: &'static str,
    pub delete_question: fn(&str) -> String,
    pub unreadable: &'static str,
    // New-session form
    pub new_session: &'static str,
    pub field_checklist: &'static str,
    pub bundled_checklist: &'static str,
    pub field_start_from: &'static str,
    pub field_title: &'static str,
    pub field_date: &'static str,
    pub field_auditors: &'static str,
    pub field_lead: &'static str,
    pub field_departments: &'static str,
    pub field_add_department: &'static str,
    pub field_add_short: &'static str,
    pub field_add_remark: &'static str,
    pub discard_form: &'static str,
    pub create: &'static str,
    pub need_title: &'static str,
    pub bad_date: &'static str,
    pub need_department: &'static str,
    pub added_department: fn(&str) -> String,
    // Hearing
    pub overall: &'static str,
    pub remark: &'static str,
    pub guidance: &'static str,
    pub marks: &'static str,
    pub current_mark: &'static str,
    pub unanswered: &'static str,
    pub by_applicability: &'static str,
    /// The department's own answer from its self-check sheet: label, then mark and comment.
    pub self_assessment: &'static str,
    /// An item's 改善内容等 for the round, as undo names it and the editor's title.
    pub improvements: &'static str,
    pub improvement_editing: fn(&str) -> String,
    pub no_self_mark: &'static str,
    /// The matrix's heading while it shows own marks beside the audit's.
    pub matrix_self: &'static str,
    pub note: &'static str,
    pub note_editing: &'static str,
    pub last_item: &'static str,
    pub first_item: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone: fn(&str) -> String,
    pub read_only: fn(&str) -> String,
    pub save_failed: fn(&str, usize) -> String,
    pub saved_again: &'static str,
    pub now_writable: &'static str,
    /// Another auditor's changes taken in: who, how many.
    pub taken_in: fn(&str, usize) -> String,
    /// Two auditors set one place without seeing each other's: department, item or
    /// area, the writers.
    pub conflict_now: fn(&str, &str, &[&str]) -> String,
    /// The current cell in conflict: each writer and value.
    pub conflict_cell: fn(&[(&str, &str)]) -> String,
    /// A writer's journal beside the session does not read: its file.
    pub journal_damaged: fn(&str) -> String,
    pub departments: &'static str,
    pub items: &'static str,
    pub help: &'static str,
    pub cannot_open: fn(&str) -> String,
    // Matrix
    pub matrix: &'static str,
    pub matrix_item: &'static str,
    pub filter_mark: fn(&str) -> String,
    /// A failing mark of a graded scale, named with its label: 重（重大な不適合）.
    pub graded_mark: fn(&str, &str) -> String,
    pub filter_unanswered: &'static str,
    pub filter_area: fn(&str) -> String,
    pub marks_narrow: &'static str,
    pub marks_wide: &'static str,
    pub marks_ascii: &'static str,
    pub no_items: &'static str,
    pub progress: &'static str,
    /// What the matrix's cells show besides marks, for its help, given the
    /// unanswered dot.
    pub matrix_legend: fn(&str) -> String,
    pub settings_not_saved: fn(&str) -> String,
    /// The session refused a change (it names what it does not know).
    pub refused: fn(&str) -> String,
    pub redone: fn(&str) -> String,
    /// The title of the prompt for an answer field: its label and the item.
    pub field_prompt: fn(&str, &str) -> String,
    /// The prompt for a returned self-check workbook's path.
    pub import_path: &'static str,
    /// Evidence (証跡): the path prompt's title, the list's title and its empty line, a
    /// cell's count, a file attached, a file handed to the viewer.
    pub attach_path: &'static str,
    pub evidence_list: &'static str,
    pub no_evidence: &'static str,
    pub evidence_count: fn(usize) -> String,
    /// A cell's count in a list of cells: short.
    pub evidence_short: fn(usize) -> String,
    pub attached: fn(&str, &str) -> String,
    pub opening: fn(&str) -> String,
    /// Departments whose self-assessment was read in.
    pub imported_selfcheck: fn(usize) -> String,
    /// Problems found in the workbook, the first of them: nothing was imported.
    pub import_refused: fn(usize, &str) -> String,
    /// A gate's new answer would leave these answered items not applying.
    pub gate_question: fn(&str) -> String,
    /// A mark key on a cell that cannot apply (item, department, the marks it has and
    /// would get): give the mark anyway?
    pub outside_question: fn(&str, &str, &str, &str) -> String,
    /// A department's score: total, maximum, percent and band.
    pub score_line: fn(i32, i32, &str, &str) -> String,
    /// A band read before every item is answered: it may still change.
    pub provisional: fn(&str) -> String,
    pub score: &'static str,
    pub confirm: &'static str,
    /// Asks before undoing a change of another department: its name and the change.
    pub undo_elsewhere: fn(&str, &str) -> String,
    pub switched: fn(&str) -> String,
    /// Now hearing the department through this checklist (its title).
    pub checklist_switched: fn(&str) -> String,
    /// The department on screen has no other checklist in this round.
    pub one_checklist: &'static str,
    /// The picker of the round's checklists, and the prompt for one to add.
    pub checklists: &'static str,
    pub add_checklist_path: &'static str,
    /// A checklist added to the round (its id), for this many departments.
    pub checklist_added: fn(&str, usize) -> String,
    /// The new-session form: the further checklists, none yet, and one added.
    pub field_more_checklists: &'static str,
    pub checklist_added_to_form: fn(&str) -> String,
    pub no_more_checklists: &'static str,
    /// A key no action of this view is bound to.
    pub unbound: fn(&str) -> String,
    pub read_only_no_change: &'static str,
    pub last_heard: &'static str,
    pub picker_filter: &'static str,
    pub more_lines: fn(usize) -> String,
    // Who is working
    pub who_title: &'static str,
    pub who_question: &'static str,
    pub who_other: &'static str,
    // The export dialog
    /// The language reports are written in from this screen.
    pub report_lang: Lang,
    pub export_title: &'static str,
    pub export_report: &'static str,
    pub export_format: &'static str,
    pub export_path: &'static str,
    /// The choice of every report at once.
    pub export_all: &'static str,
    pub export_no_path: &'static str,
    pub export_exists: fn(&str) -> String,
    pub export_written: fn(&str) -> String,
    pub export_failed: fn(&str) -> String,
    /// A report that a format does not hold (the matrix as DOCX, every report as CSV).
    pub export_unsupported: fn(&str, &str) -> String,
    /// A date as the screens show it: 令和6年9月27日, or 2024-09-27.
    pub date: fn(chrono::NaiveDate) -> String,
    /// A moment in local time, to the minute (令和6年9月27日 14:05) and to the second.
    pub moment: fn(&Timestamp) -> String,
    pub moment_seconds: fn(&Timestamp) -> String,
    /// A key that would change a signed round.
    pub signed_no_change: &'static str,
}

/// `at` in the computer's own time zone.
pub(crate) fn local(at: &Timestamp) -> chrono::DateTime<chrono::Local> {
    at.with_timezone(&chrono::Local)
}

pub struct RecordStrings {
    /// The sheet's title, given the department's name.
    pub sheet_title: fn(&str) -> String,
    pub observation: &'static str,
    /// An area whose 所見 is not written yet.
    pub not_written: &'static str,
    pub findings: &'static str,
    pub none: &'static str,
    pub proposals: &'static str,
    pub marks_and_notes: &'static str,
    /// The editor's title for the 所見 of an area (its title).
    pub observation_editing: fn(&str) -> String,
    pub finding_editing: &'static str,
    /// The action does nothing on the line chosen.
    pub not_here: &'static str,
    pub review_title: &'static str,
    /// Blockers and warnings, counted.
    pub counts: fn(usize, usize) -> String,
    pub can_sign: &'static str,
    pub unsigned: &'static str,
    /// Signed: who, when; then the whole digest on a line of its own (it fits 80
    /// columns), to be copied onto paper.
    pub signed: fn(&str, &str) -> String,
    pub signed_digest: fn(&str) -> String,
    pub signer: &'static str,
    /// Signed just now: the whole digest.
    pub signed_now: fn(&str) -> String,
    pub reopen_reason: &'static str,
    pub already_signed: &'static str,
    /// The history of a cell: department and item.
    pub history_cell: fn(&str, &str) -> String,
    pub history_all: &'static str,
    pub no_history: &'static str,
    pub facts_title: &'static str,
    /// A department's own facts, given its name.
    pub department_facts: fn(&str) -> String,
    /// A department fact that is the round's.
    pub as_round: &'static str,
    /// 対象システム while none are written: those of the departments' profiles.
    pub from_profiles: fn(&str) -> String,
    pub fact_editing: fn(&str) -> String,
    pub bad_date: &'static str,
    pub draft_restored: &'static str,
    pub search: &'static str,
    /// The list of finding cells, titled with the scale's finding marks.
    pub findings_list: fn(&[String]) -> String,
    pub finding_items: &'static str,
    /// On top of every view of a signed round: who, when, the digest's start.
    pub signed_banner: fn(&str, &str, &str) -> String,
    /// The confirmation before signing off: its title, the signer, what is sealed
    /// (departments, cells, answered cells; 所見 and 指摘事項), what signing does.
    pub seal_title: &'static str,
    pub seal_signer: fn(&str) -> String,
    pub seal_cells: fn(usize, usize, usize) -> String,
    pub seal_sheets: fn(usize, usize) -> String,
    pub seal_frozen: &'static str,
    pub seal_digest: &'static str,
    /// The round names no one who may sign.
    pub no_signers: &'static str,
    /// Reopening was left without a reason.
    pub no_reason: &'static str,
}

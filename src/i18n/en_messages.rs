//! The command line's words and every error's template in English.

use super::en_errors::{en_date, en_export, en_refusal, en_rule};
use super::en_review::{REVIEW_EN, TEAM_EN};
use super::messages::{Messages, SelfcheckMessages, SheetMessages};
use crate::sheet::layout::ABOUT_FACTS;

pub static MESSAGES_EN: Messages = Messages {
    list_separator: ", ",
    not_hearable: |id| format!("session {id} has no items or no departments to hear"),
    no_department: |name, id| format!("no department {name:?} in session {id}"),
    rule: en_rule,
    refusal: en_refusal,
    date: en_date,
    export: en_export,
    item_removed: |id, text| format!("last round's item {id} is not in this checklist: {text}"),
    team: &TEAM_EN,
    sheet: &SHEET_MESSAGES_EN,
    selfcheck: &SELFCHECK_MESSAGES_EN,
    review: &REVIEW_EN,
    evidence: &super::en_evidence::EVIDENCE_EN,
    list_moment: |at| at.format("%Y-%m-%d %H:%M").to_string(),
    status_by: |status, by| format!("{status} ({by})"),
    list_header: ["ID", "TITLE", "STATUS", "PROGRESS", "LAST CHANGE"],
    status_open: "open",
    status_signed: "signed",
    validated: |path, title, areas, items, departments, marks| {
        format!(
            "{path}: ok — {title}: {areas} areas, {items} items, {departments} departments, {marks} marks"
        )
    },
    out_of_scope: |symbol, label| {
        format!(
            "the scale has no mark meaning NotApplicable: cells outside an item's conditions or departments show \"{symbol}\" {label} and count as not applicable"
        )
    },
    not_on_roster: |name| {
        format!("{name} is not on the checklist's roster; added with every item applicable")
    },
    no_data_dir: "no data directory: pass --data-dir",
    press_enter: "Press Enter to close",
    no_departments: "no departments: the checklist has no roster; pass --departments",
    checklist_same_id: |id| {
        format!("checklist {id} is given twice: a round's checklists need different ids")
    },
    checklist_qualifier: |id| {
        format!(
            "the id \"{id}\" holds \"::\", which a round of several checklists keeps for its own ids"
        )
    },
    no_checklist: |name| format!("the round has no checklist \"{name}\""),
    answers_csv_only: "--report answers is a CSV: use --format csv",
    report_not_yet: |report| {
        format!("--report {report} is not available yet; use matrix or summary")
    },
    binary_to_stdout: |format| {
        format!("--format {format} is a binary file: write it with -o PATH, not to standard output")
    },
    csv_failed: |reason| reason.to_string(),
    terminal: |reason| format!("terminal: {reason}"),
    stdout: "stdout",
    locked: |id, holder| format!("session {id} is open for writing by {holder}"),
    no_session: |id| format!("no session {id}"),
    in_trash: |id| format!("the trash already holds a session {id}: restore it first"),
    not_in_trash: |id| format!("no session {id} in the trash"),
    session_exists: |id| format!("a session {id} exists: restoring would replace it"),
    status_answered: "answered",
    tightened: |path| format!("{path} was readable by others; made it owner-only (0700)"),
    not_owner: |path| format!("{path} belongs to another user; not using it"),
    io: |_, detail| detail.to_string(),
    cannot_read: |reason| format!("cannot read: {reason}"),
    not_utf8: "expected UTF-8 text, found bytes that are not",
    // RON's own words are English already.
    ron: |error| error.to_string(),
    checklist_format: |expected, found| format!("expected format {expected}, found {found}"),
    session_format: |expected, found| format!("expected session format {expected}, found {found}"),
    empty_scale: "expected at least one mark in the scale",
    no_items: "expected at least one item",
    empty_symbol: "expected a non-empty mark symbol",
    duplicate_symbol: |symbol| format!("duplicate mark symbol {symbol:?}"),
    duplicate_key: |key| format!("duplicate mark key {key:?}"),
    reserved_key: |key| format!("key {key:?} is used by the hearing screen; expected another key"),
    duplicate_area: |id| format!("duplicate area id {id:?}"),
    duplicate_item: |id| format!("duplicate item id {id:?}"),
    duplicate_department: |name| format!("duplicate department {name:?}"),
    duplicate_short: |short| format!("duplicate short name {short:?}"),
    unknown_tag: |tag, known| {
        format!(
            "no department has the tag {tag:?}; expected one of: {}",
            known.join(", ")
        )
    },
    unknown_department: |name| format!("no department {name:?} in this session"),
    unknown_item: |id| format!("no item {id:?} in this checklist"),
    unknown_mark: |symbol| format!("no mark {symbol:?} in this checklist's scale"),
};

pub static SHEET_MESSAGES_EN: SheetMessages = SheetMessages {
    cannot_read: |reason| format!("cannot read: {reason}"),
    reader: |words| words.to_string(),
    not_utf8: "not UTF-8 (in Excel, save as \"CSV UTF-8\")",
    missing_sheet: |sheet| format!("no sheet {sheet:?}"),
    missing_column: |column, found| format!("no column {column:?} (headers: {found})"),
    outside_section: "a row outside any section: start the first with a row such as [項目]",
    required: |column| format!("expected a value in {column:?}"),
    not_integer: |column, value| format!("expected a whole number in {column:?}, found {value:?}"),
    bad_key: |value| format!("expected a key of one character, found {value:?}"),
    bound_key: |key| format!("key {key:?} is used by the screens; expected another key"),
    not_ascii: |symbol| format!("symbol {symbol:?} is not ASCII: expected an ASCII form"),
    unknown_value: |column, value, expected| {
        format!("{value:?} is not a value of {column:?}; expected one of: {expected}")
    },
    bad_condition: |e| format!("cannot read the condition: {e}"),
    bad_facts: |e| format!("{ABOUT_FACTS}: {e}"),
    too_wide: |n| format!("cells spread over more than {n}"),
    duplicate: |column, value| format!("duplicate {column} {value:?}"),
    no_marks: "expected at least one mark in the scale",
    no_items: "expected at least one item",
    unknown_tag: |tag, expected| {
        format!("no department has the tag {tag:?}; expected one of: {expected}")
    },
    area_again: |area| format!("area {area:?} appears again: keep an area's items together"),
    area_titles: |area, first, now| format!("area {area:?} is titled both {first:?} and {now:?}"),
    generated_invalid: |reason| format!("the checklist written does not validate: {reason}"),
    written: |path, summary| format!("wrote {path}: {summary}"),
};

pub static SELFCHECK_MESSAGES_EN: SelfcheckMessages = SelfcheckMessages {
    list_separator: ", ",
    cannot_read: |e| format!("cannot read the workbook (damaged, or not XLSX): {e}"),
    not_selfcheck: "not a kansa self-check workbook (no sheet \"kansa\")",
    other_round: |found, id| format!("a sheet of another round ({found}; this round is {id})"),
    other_department: |d| format!("a sheet of a department not in this round: {d}"),
    other_checklist: |c| format!("a sheet of a checklist not in this round: {c}"),
    not_for_department: |c, d| format!("the checklist {c} is not for the department {d}"),
    missing_sheet: |s| format!("no sheet \"{s}\""),
    no_header: "no header row (項目ID, 評価, コメント)",
    not_an_item: |v| format!("not an item of this department's sheet: {v:?}"),
    twice: |item| format!("{item} appears twice"),
    unknown_mark: |v, labels| format!("{v:?} is not a mark of the scale ({labels})"),
    nothing_imported: |n| format!("{n} problems: nothing was imported"),
    imported: |d, n, of| format!("{d}: imported the self-assessment of {n}/{of} items"),
    unchanged: |d| format!("{d}: the same file as already imported (nothing changed)"),
    written: |path| format!("wrote {path}"),
    unknown_department: |d| format!("no department {d} in this round"),
    not_docx: "the self-check comparison is written as md, csv, xlsx or html (xlsx with --report selfcheck-results)",
};

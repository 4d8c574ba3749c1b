//! The screens' words in English.

use super::en_documents::ROUND_EN;
use super::en_messages::MESSAGES_EN;
use super::en_review::REVIEW_EN;
use super::lang::Lang;
use super::screens::{RecordStrings, Strings};
use crate::keymap::{Action, Group};

pub static EN: Strings = Strings {
    messages: &MESSAGES_EN,
    rounds: &ROUND_EN,
    review: &REVIEW_EN,
    record: &RECORD_EN,
    app: "kansa information-security audit",
    too_small: |w, h, now_w, now_h| {
        format!("The terminal is too small. Make it at least {w}×{h} (now {now_w}×{now_h})")
    },
    hint: en_hint,
    explain: en_explain,
    group_hint: |group| match group {
        Group::Step | Group::Move => "move",
        Group::Select => "select",
        Group::Page => "page",
        Group::Corner => "corner",
        Group::Field => "field",
    },
    group_explain: |group| match group {
        Group::Step => "previous / next item without marking",
        Group::Move => "move the cell",
        Group::Select => "select",
        Group::Page => "move by a screen",
        Group::Corner => "to the top-left / bottom-right corner",
        Group::Field => "next / previous field",
    },
    filter_cycle: |chain| format!("filter: items with {chain} → not fully answered → all"),
    findings_explain: |marks| format!("every {} cell with its note, by item", marks.join("/")),
    sessions: "Audit sessions",
    no_sessions: "No sessions yet. Press n to create one.",
    data_folder: "Data folder",
    column_title: "Title",
    column_status: "Status",
    column_progress: "Progress",
    column_last_change: "Last change",
    status_open: "open",
    status_signed: "signed",
    status_answered: "answered",
    column_date: "Date",
    column_id: "ID",
    rename_title: "Rename (Enter to confirm, Esc to cancel)",
    delete_question: |title| {
        format!("Move \"{title}\" to the trash? (kansa restore brings it back) y: yes  n: no")
    },
    unreadable: "Unreadable file",
    new_session: "New audit session",
    field_checklist: "Checklist",
    bundled_checklist: "(bundled)",
    field_start_from: "Start from (id)",
    field_title: "Title",
    field_date: "Audit date",
    field_auditors: "Auditors (comma-separated)",
    field_lead: "Lead auditor",
    field_departments: "Departments",
    field_add_department: "Add a department",
    field_add_short: "  Short name (or the name)",
    field_add_remark: "  Remark",
    discard_form: "Discard what was typed and go back to the list? y: yes  n: no",
    create: "Create",
    need_title: "Enter a title",
    bad_date: "Enter the audit date as 2024-09-27, 2024/9/27, 令和6年9月27日 or R6.9.27",
    need_department: "Choose at least one department",
    added_department: |name| format!("Added department: {name}"),
    overall: "Overall",
    remark: "Remark",
    guidance: "Hearing guidance",
    marks: "Mark",
    current_mark: "Now",
    unanswered: "not answered",
    self_assessment: "Self-check",
    improvements: "improvements",
    improvement_editing: |item| format!("{item} improvements (audit summary; empty: the notes)"),
    no_self_mark: "the department gave no mark of its own for this item",
    matrix_self: "own/audit",
    by_applicability: "(set by applicability)",
    note: "Note",
    note_editing: "Editing the note (Esc saves and leaves)",
    last_item: "Last item of this department (d switches department)",
    first_item: "First item",
    nothing_to_undo: "Nothing to undo",
    undone: |what| format!("Undone: {what}"),
    read_only: |holder| format!("Read-only: this session is being edited by {holder}"),
    save_failed: |reason, pending| {
        format!("Cannot save ({reason}). Keeping {pending} unsaved changes and retrying")
    },
    saved_again: "Saved",
    now_writable: "You can edit now (the other editor has left)",
    taken_in: |by, n| format!("{by}: {n} change(s) taken in"),
    conflict_now: |department, place, by| {
        let by = by.join(", ");
        format!("Conflict at {department} {place}: {by} set it too (r: review)")
    },
    conflict_cell: |values| {
        let each: Vec<String> = (values.iter())
            .map(|(by, value)| format!("{by} \"{value}\""))
            .collect();
        format!(
            "Conflict  {} (recording a new value settles it)",
            each.join(" / ")
        )
    },
    journal_damaged: |file| format!("A journal does not read and is skipped: {file}"),
    departments: "Switch department",
    items: "Go to item",
    help: "Help",
    cannot_open: |reason| format!("Cannot open: {reason}"),
    matrix: "Results matrix",
    matrix_item: "Audit item",
    filter_mark: |mark| format!("items with {mark}"),
    graded_mark: |symbol, label| format!("{symbol} ({label})"),
    filter_unanswered: "items not fully answered",
    filter_area: |area| format!("area {area}"),
    marks_narrow: "marks: narrow",
    marks_wide: "marks: wide",
    marks_ascii: "marks: ASCII",
    no_items: "No items match",
    progress: "Progress",
    matrix_legend: |dot| {
        format!(
            "* has a note, {dot} not answered, dim marks set by applicability; < > in the header: more columns that way (←→)"
        )
    },
    settings_not_saved: |reason| format!("Cannot save the settings: {reason}"),
    refused: |reason| format!("Not recorded: {reason}"),
    redone: |what| format!("Redone: {what}"),
    field_prompt: |label, item| format!("{label} of {item} (Enter records, Esc skips)"),
    import_path: "Self-check workbook file (Enter imports, Esc cancels)",
    attach_path: "File to attach as evidence (Enter attaches, Esc cancels)",
    evidence_list: "Evidence (Enter opens, Esc closes)",
    no_evidence: "No file is attached here (A attaches one)",
    evidence_count: |n| match n {
        1 => "Evidence: 1 file (V lists it)".to_string(),
        n => format!("Evidence: {n} files (V lists them)"),
    },
    evidence_short: |n| format!("{n} file(s)"),
    attached: |name, place| format!("Attached {name} to {place}"),
    opening: |name| format!("Opening {name} in the system's viewer"),
    imported_selfcheck: |n| format!("Imported the self-assessment of {n} department(s)"),
    import_refused: |n, first| format!("Nothing imported ({n} problem(s)): {first}"),
    gate_question: |items| {
        format!(
            "With this answer {items} no longer apply. Clear their marks so they become not applicable? y: clear  n: keep"
        )
    },
    outside_question: |item, department, now, mark| {
        format!(
            "{item} does not apply to {department} by its conditions or departments ({now}). Give it \"{mark}\" anyway? y: give  n: cancel"
        )
    },
    score_line: |total, max, percent, band| format!("Score {total}/{max} {percent} {band}"),
    provisional: |band| format!("provisional {band}"),
    score: "Score",
    confirm: "Confirm",
    undo_elsewhere: |department, what| {
        format!("Undo the change in {department} ({what}) and go there? y: yes  n: no")
    },
    switched: |department| format!("Now hearing {department}"),
    checklist_switched: |title| format!("Now on the checklist {title}"),
    one_checklist: "This department has one checklist only",
    checklists: "This round's checklists",
    add_checklist_path: "Checklist file to add (Enter adds, Esc cancels)",
    checklist_added: |id, departments| {
        format!("Added the checklist {id} (for {departments} departments)")
    },
    field_more_checklists: "More checklists",
    checklist_added_to_form: |id| format!("Checklist {id} added (Ctrl-L takes them back)"),
    no_more_checklists: "none (Enter to add one from its file)",
    unbound: |key| format!("{key} does nothing here (? lists the keys)"),
    read_only_no_change: "Read-only: nothing can be recorded",
    last_heard: "No more items to hear in this department (d switches department)",
    picker_filter: "type to filter",
    more_lines: |n| format!("...(+{n} lines)"),
    who_title: "Who is working",
    who_question: "Choose your name. The history and the lock record it, and it is remembered (--as or KANSA_AUDITOR also name you).",
    who_other: "Another name:",
    report_lang: Lang::En,
    export_title: "Export a report",
    export_report: "Report",
    export_format: "Format",
    export_path: "Path",
    export_all: "all",
    export_no_path: "Type the path to write to",
    export_exists: |path| format!("{path} exists. Write over it? y: write over  n: cancel"),
    export_written: |path| format!("Written: {path}"),
    export_failed: |reason| format!("Could not write: {reason}"),
    export_unsupported: |report, format| {
        format!("The {report} cannot be written as {format}; choose another format")
    },
    date: |date| date.format("%Y-%m-%d").to_string(),
    moment: |at| {
        super::screens::local(at)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    },
    moment_seconds: |at| {
        super::screens::local(at)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    },
    signed_no_change: "Signed off: nothing can change. R reopens it (with a reason)",
};

pub(crate) fn en_hint(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "mark and go on",
        MarkCell => "mark",
        Previous => "previous",
        Next => "next",
        EditNote => "note",
        GoToItem => "item",
        SwitchDepartment => "department",
        NextChecklist => "checklist",
        OpenMatrix => "matrix",
        OpenHearing => "hearing",
        Undo => "undo",
        Redo => "redo",
        Help => "help",
        Leave | Quit => "quit",
        CellUp | CellDown | CellLeft | CellRight => "move",
        PageUp | PageDown => "page",
        TopLeft | BottomRight => "corner",
        FilterMark => "filter by mark",
        FilterArea => "area",
        MarksWidth => "mark width",
        SelectUp | SelectDown => "select",
        CloseEditor => "save and leave",
        NewLine => "new line",
        Choose => "go",
        Close => "close",
        Resume => "resume",
        NewSession => "new",
        NextField | PreviousField => "field",
        Toggle => "toggle",
        Confirm => "confirm",
        ClearField => "clear all",
        ClearLine => "clear line",
        UndoTyping => "undo typing",
        Back => "back",
        ToggleCompare => "compare",
        OpenFollowUps => "follow-ups",
        CycleStatus => "status",
        Export => "export",
        NextOption => "next choice",
        PreviousOption => "previous choice",
        Rename => "rename",
        Delete => "delete",
        AcceptSelf => "accept own mark",
        ToggleSelf => "self-check",
        OpenSheet => "sheet",
        OpenReview => "review",
        OpenHistory => "history",
        OpenFacts => "facts",
        Edit => "edit",
        Accept => "accept",
        Dismiss => "dismiss/remove",
        AddFinding => "add finding",
        Sign => "sign",
        Reopen => "reopen",
        Return => "back",
        Search => "search",
        FindingsList => "findings list",
        EditImprovement => "improvements",
        FindingItems => "items",
        ImportSelfcheck => "import self-check",
        AttachEvidence => "attach",
        ShowEvidence => "evidence",
        CompletePath => "complete",
        PickChecklist => "checklists",
        AddChecklist => "add checklist",
    }
}

pub(crate) fn en_explain(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "record the mark and go to the next item (keys come from the checklist)",
        MarkCell => "record the mark in this cell",
        Previous | Next => "previous / next item without marking",
        EditNote => "edit the note (Esc saves and leaves)",
        GoToItem => "choose an item to go to",
        SwitchDepartment => "switch department (with each one's progress)",
        NextChecklist => "this department's next checklist (when the round has several)",
        OpenMatrix => "the results matrix (every department's marks)",
        OpenHearing => "the hearing at this cell",
        Undo => "undo this department's last change (another's only when confirmed)",
        Redo => "redo what was undone",
        Help => "this help",
        Leave => "quit (answers are saved as they are recorded)",
        Export => "write a report to a file (matrix, department reports, summary)",
        NextOption => "the next choice",
        PreviousOption => "the previous choice",
        Quit => "quit from anywhere (a note being typed is saved)",
        CellUp | CellDown | CellLeft | CellRight => "move the cell",
        PageUp | PageDown => "move by a screen",
        TopLeft | BottomRight => "to the top-left / bottom-right corner",
        FilterMark => "filter by mark",
        FilterArea => "filter by area (cycles)",
        MarksWidth => "mark width: narrow → wide → ASCII (remembered)",
        SelectUp | SelectDown => "select",
        CloseEditor => "save the note and leave",
        NewLine => "new line",
        Choose => "go to the one chosen",
        Close => "close",
        Resume => "resume the session chosen",
        NewSession => "create a new session",
        NextField | PreviousField => "next / previous field",
        Toggle => "choose or unchoose a department",
        Confirm => "confirm",
        ClearField => "empty the field (in a note, Ctrl-Z brings it back)",
        ClearLine => "empty the line the cursor is on",
        UndoTyping => "take back the last typing or clearing",
        Back => "back to the list (what was recorded is saved)",
        ToggleCompare => "show last round's marks beside these (improved, worsened)",
        OpenFollowUps => "follow up last round's findings (improved, partly, not improved)",
        CycleStatus => "cycle the status: improved → partly → not improved → open",
        Rename => "change the title of the session chosen",
        Delete => "move the session chosen to the trash (kansa restore ID brings it back)",
        AcceptSelf => "record the department's own mark as the mark, and go on",
        ToggleSelf => {
            "show the departments' own marks beside the audit's (disagreements highlighted) / the audit's only"
        }
        OpenSheet => "the department's observations and findings, by area",
        OpenReview => "review before sign-off (blockers and warnings), sign and reopen",
        OpenHistory => "this cell's history (again: the whole session's)",
        OpenFacts => "edit the audit's facts (purpose, scope, schedule, report date, summary…)",
        Edit => "edit the observation, finding or fact chosen (Esc saves and leaves)",
        Accept => "accept the proposed finding worded as the item",
        Dismiss => "dismiss the proposal (not proposed again), or remove the finding",
        AddFinding => "add a finding to this area",
        Sign => "sign off (when nothing blocks)",
        Reopen => "reopen the signed record, giving a reason",
        Return => "back to where it was opened from",
        Search => "search item texts, notes and observations, and go to a hit",
        FindingsList => "every cell needing improvement or improved, with its note, by item",
        EditImprovement => {
            "write this item's improvements for the audit summary (starts from the notes; empty: the notes)"
        }
        FindingItems => "add or remove an item the finding names (toggles the one chosen)",
        ImportSelfcheck => {
            "read a department's returned self-check workbook (XLSX) as its self-assessment"
        }
        AttachEvidence => "attach a file as evidence here (on the sheet: to the area)",
        ShowEvidence => "the files attached here (Enter opens one)",
        CompletePath => "complete the file or folder name from what is typed",
        PickChecklist => "choose one of the round's checklists (hearing and matrix)",
        AddChecklist => "add a checklist to this round (its file; kept in the history)",
    }
}

pub static RECORD_EN: RecordStrings = RecordStrings {
    sheet_title: |name| format!("Observations and findings — {name}"),
    observation: "Observation",
    not_written: "(not written)",
    findings: "Findings",
    none: "none",
    proposals: "Proposed findings (a accept, Enter reword and accept, d dismiss)",
    marks_and_notes: "Marks and notes",
    observation_editing: |area| format!("Observation: {area}"),
    finding_editing: "Finding",
    not_here: "Nothing to do on this line",
    review_title: "Review before sign-off",
    counts: |blockers, warnings| format!("{blockers} blocking, {warnings} to look at"),
    can_sign: "Nothing blocks: s signs off",
    unsigned: "not signed",
    signed: |by, at| format!("Signed  {by}  {at} (R reopens)"),
    signed_digest: |digest| format!("digest {digest}"),
    signer: "Signer",
    signed_now: |digest| format!("Signed. Digest {digest}"),
    reopen_reason: "Reason for reopening (required)",
    already_signed: "Signed: reopen with R to change anything",
    history_cell: |department, item| format!("History — {department} {item} (H: whole session)"),
    history_all: "History — whole session (H: this cell)",
    no_history: "No changes",
    facts_title: "Audit facts",
    department_facts: |name| format!("{name}: scope and schedule"),
    as_round: "(as the round)",
    from_profiles: |systems| format!("{systems} (from the departments' profiles)"),
    fact_editing: |field| format!("Edit {field}"),
    bad_date: "Enter dates as 2024/9/27, 令和6年9月27日 or R6.9.27",
    draft_restored: "Unsaved note restored (Esc saves it)",
    search: "Search (items, notes, observations)",
    findings_list: |marks| format!("{} cells and notes, by item", marks.join("/")),
    finding_items: "Items named (Enter toggles)",
    signed_banner: |by, at, digest| format!("Signed (by {by}, {at}, digest {digest}…)"),
    seal_title: "Sign off",
    seal_signer: |by| format!("Signer: {by}"),
    seal_cells: |departments, cells, answered| {
        format!("Sealed: {departments} departments, {cells} cells ({answered} answered),")
    },
    seal_sheets: |observations, findings| {
        format!("        {observations} observations, {findings} findings and the audit facts")
    },
    seal_frozen: "Signing freezes the record: changes then need a reopen with a reason (R).",
    seal_digest: "The digest is shown once signed.",
    no_signers: "No one can sign: enter the auditors or the lead auditor in the audit facts (i)",
    no_reason: "Not reopened: a reopen needs a reason (R to try again)",
};

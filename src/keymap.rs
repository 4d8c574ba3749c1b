//! Every key the screens bind, one table per view. The screens dispatch from these
//! tables (prompts and dialogs included), their footers and `?` help are generated
//! from them, the keys a checklist may not give its marks are derived from them, and
//! so is the key reference `docs/keys.md` (`tui::keys_markdown`): none can drift.
//! Plain data: the terminal's key events are turned into `Key` at the screen's edge.

mod key;

pub use key::{Key, fold_width};

/// What a key asks a view to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The checklist's mark keys (the table places their hint): mark, go on to the next.
    MarkAndNext,
    /// The checklist's mark keys in the matrix: mark the cell under the cursor.
    MarkCell,
    /// Ctrl-C: leave from anywhere, a note being typed included.
    Quit,
    Previous,
    Next,
    EditNote,
    GoToItem,
    SwitchDepartment,
    NextChecklist,
    OpenMatrix,
    OpenHearing,
    Undo,
    Redo,
    Help,
    Leave,
    CellUp,
    CellDown,
    CellLeft,
    CellRight,
    PageUp,
    PageDown,
    TopLeft,
    BottomRight,
    FilterMark,
    FilterArea,
    MarksWidth,
    SelectUp,
    SelectDown,
    CloseEditor,
    NewLine,
    Choose,
    Close,
    Resume,
    NewSession,
    NextField,
    PreviousField,
    Toggle,
    Confirm,
    /// Empty the text field in focus.
    ClearField,
    /// Empty the line of the text field the cursor is on.
    ClearLine,
    /// Take back the last change to the text being typed.
    UndoTyping,
    Back,
    Rename,
    Delete,
    /// The department's own mark (its self-check) as the audit's mark, then on.
    AcceptSelf,
    /// The matrix shows the departments' own marks beside the audit's.
    ToggleSelf,
    /// The department sheet (所見 and 指摘事項).
    OpenSheet,
    /// Review before sign-off.
    OpenReview,
    /// The history of the focused cell (again: of the whole session).
    OpenHistory,
    /// The audit's facts.
    OpenFacts,
    /// Edit the line under the cursor (a 所見, a 指摘事項's wording, a fact).
    Edit,
    /// Accept a proposed 指摘事項 as worded.
    Accept,
    /// Dismiss a proposal, or remove a 指摘事項.
    Dismiss,
    AddFinding,
    Sign,
    Reopen,
    /// Leave a view of the session for the one it was opened from.
    Return,
    /// Search item texts, notes and 所見.
    Search,
    /// Every △/× cell with its note, grouped by item.
    FindingsList,
    /// Write the 実施報告書's 改善内容等 of the item under the cursor, starting from
    /// the departments' notes.
    EditImprovement,
    /// Add or remove an item a 指摘事項 names.
    FindingItems,
    /// Read a department's returned self-check workbook into its self-assessment.
    ImportSelfcheck,
    /// Open the export dialog: a report of the session to a file.
    Export,
    /// The export dialog: the next or previous choice of the field (report, format).
    NextOption,
    PreviousOption,
    /// The matrix: last round's marks beside this round's.
    ToggleCompare,
    /// The follow-up of last round's 指摘事項, for this department.
    OpenFollowUps,
    /// The follow-up list: the next status of the chosen 指摘事項.
    CycleStatus,
    /// Attach a file as evidence (証跡) to the cell (or, on the sheet, the area): a
    /// prompt for its path.
    AttachEvidence,
    /// The files attached to the cell (or area); choosing one opens it in the
    /// system's viewer.
    ShowEvidence,
    /// A path prompt: complete the name being typed from the folder's files.
    CompletePath,
    /// The round's checklists in a picker: the hearing and the matrix go to the one
    /// chosen.
    PickChecklist,
    /// Add a checklist to the open round: a prompt for its file's path.
    AddChecklist,
}

/// Actions that footers and help show as one entry (`←→ 移動`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Previous and next item.
    Step,
    /// A cell up, down, left or right.
    Move,
    /// Up and down a list.
    Select,
    Page,
    Corner,
    Field,
}

impl Action {
    /// True for the actions that change the session: a read-only copy has none.
    pub fn writes(self) -> bool {
        use Action::*;
        matches!(
            self,
            MarkAndNext
                | MarkCell
                | EditNote
                | Undo
                | Redo
                | Edit
                | Accept
                | Dismiss
                | AddFinding
                | EditImprovement
                | FindingItems
                | Sign
                | Reopen
                | AcceptSelf
                | CycleStatus
                | ImportSelfcheck
                | AttachEvidence
                | AddChecklist
        )
    }

    /// True for the actions a signed round still allows: those that change nothing,
    /// and reopening it.
    pub fn allowed_when_signed(self) -> bool {
        !self.writes() || self == Action::Reopen
    }

    /// True for the actions about self-checks: shown only once a round has one.
    pub fn needs_selfchecks(self) -> bool {
        matches!(self, Action::AcceptSelf | Action::ToggleSelf)
    }

    pub fn group(self) -> Option<Group> {
        use Action::*;
        match self {
            Previous | Next => Some(Group::Step),
            CellUp | CellDown | CellLeft | CellRight => Some(Group::Move),
            SelectUp | SelectDown => Some(Group::Select),
            PageUp | PageDown => Some(Group::Page),
            TopLeft | BottomRight => Some(Group::Corner),
            NextField | PreviousField => Some(Group::Field),
            _ => None,
        }
    }
}

/// Keys that do one action in one view. `footer` says whether the footer shows it,
/// `footer_signed` whether it does on a signed round (where the keys that would
/// change the round leave room); the help shows every binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub footer: bool,
    pub footer_signed: bool,
}

const fn bind(keys: &'static [Key], action: Action) -> Binding {
    Binding {
        keys,
        action,
        footer: true,
        footer_signed: true,
    }
}

const fn help_only(keys: &'static [Key], action: Action) -> Binding {
    Binding {
        keys,
        action,
        footer: false,
        footer_signed: false,
    }
}

/// In the help always, in the footer only on a signed round.
const fn signed_footer(keys: &'static [Key], action: Action) -> Binding {
    Binding {
        keys,
        action,
        footer: false,
        footer_signed: true,
    }
}

use Key::Char as C;

/// The item view of the hearing.
pub const ITEM: &[Binding] = &[
    bind(&[], Action::MarkAndNext),
    bind(&[Key::Left, C('h')], Action::Previous),
    bind(&[Key::Right, C('l')], Action::Next),
    bind(&[Key::Enter], Action::EditNote),
    bind(&[C('g')], Action::GoToItem),
    bind(&[C('d')], Action::SwitchDepartment),
    help_only(&[C('C')], Action::NextChecklist),
    help_only(&[C('L')], Action::PickChecklist),
    help_only(&[C('N')], Action::AddChecklist),
    bind(&[C('m')], Action::OpenMatrix),
    bind(&[C('s')], Action::AcceptSelf),
    bind(&[C('o')], Action::OpenSheet),
    bind(&[C('r')], Action::OpenReview),
    bind(&[C('R')], Action::Reopen),
    help_only(&[C('H')], Action::OpenHistory),
    help_only(&[C('i')], Action::OpenFacts),
    help_only(&[C('/')], Action::Search),
    help_only(&[C('F')], Action::FindingsList),
    help_only(&[C('f')], Action::OpenFollowUps),
    help_only(&[C('A')], Action::AttachEvidence),
    help_only(&[C('V')], Action::ShowEvidence),
    bind(&[C('u')], Action::Undo),
    help_only(&[C('U')], Action::Redo),
    signed_footer(&[C('e')], Action::Export),
    bind(&[C('?')], Action::Help),
    bind(&[C('q')], Action::Leave),
];

/// The follow-up of last round's 指摘事項 for one department.
pub const FOLLOWUPS: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[C(' ')], Action::CycleStatus),
    bind(&[Key::Enter], Action::EditNote),
    bind(&[C('R')], Action::Reopen),
    bind(&[Key::Esc, C('q')], Action::Close),
];

/// The results matrix.
pub const MATRIX: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::CellUp),
    bind(&[Key::Down, C('j')], Action::CellDown),
    bind(&[Key::Left, C('h')], Action::CellLeft),
    bind(&[Key::Right, C('l')], Action::CellRight),
    help_only(&[Key::PageUp], Action::PageUp),
    help_only(&[Key::PageDown], Action::PageDown),
    help_only(&[Key::Home], Action::TopLeft),
    help_only(&[Key::End], Action::BottomRight),
    bind(&[], Action::MarkCell),
    bind(&[Key::Enter, Key::Esc, C('m')], Action::OpenHearing),
    bind(&[C('f')], Action::FilterMark),
    bind(&[C('a')], Action::FilterArea),
    help_only(&[C('C')], Action::NextChecklist),
    help_only(&[C('L')], Action::PickChecklist),
    help_only(&[C('N')], Action::AddChecklist),
    bind(&[C('w')], Action::MarksWidth),
    bind(&[C('s')], Action::ToggleSelf),
    bind(&[C('o')], Action::OpenSheet),
    bind(&[C('r')], Action::OpenReview),
    bind(&[C('R')], Action::Reopen),
    help_only(&[C('H')], Action::OpenHistory),
    help_only(&[C('i')], Action::OpenFacts),
    help_only(&[C('/')], Action::Search),
    help_only(&[C('F')], Action::FindingsList),
    help_only(&[C('t')], Action::EditImprovement),
    help_only(&[C('c')], Action::ToggleCompare),
    help_only(&[C('A')], Action::AttachEvidence),
    help_only(&[C('V')], Action::ShowEvidence),
    bind(&[C('u')], Action::Undo),
    help_only(&[C('U')], Action::Redo),
    signed_footer(&[C('e')], Action::Export),
    bind(&[C('?')], Action::Help),
    bind(&[C('q')], Action::Leave),
];

/// The department sheet: 所見, 指摘事項 and proposals per area.
pub const SHEET: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[Key::Enter], Action::Edit),
    bind(&[C('a')], Action::Accept),
    bind(&[C('d')], Action::Dismiss),
    bind(&[C('n')], Action::AddFinding),
    bind(&[C('t')], Action::FindingItems),
    bind(&[C('I')], Action::ImportSelfcheck),
    help_only(&[C('C')], Action::NextChecklist),
    help_only(&[C('L')], Action::PickChecklist),
    help_only(&[C('A')], Action::AttachEvidence),
    help_only(&[C('V')], Action::ShowEvidence),
    help_only(&[C('H')], Action::OpenHistory),
    bind(&[C('R')], Action::Reopen),
    bind(&[Key::Esc, C('o')], Action::Return),
    bind(&[C('?')], Action::Help),
];

/// Review before sign-off: blockers and warnings, signing and reopening.
pub const REVIEW: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[Key::Enter], Action::Choose),
    bind(&[C('s')], Action::Sign),
    bind(&[C('R')], Action::Reopen),
    bind(&[C('i')], Action::OpenFacts),
    bind(&[Key::Esc, C('r')], Action::Return),
    bind(&[C('?')], Action::Help),
];

/// The history of a cell or of the whole session.
pub const HISTORY: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[C('H')], Action::OpenHistory),
    bind(&[C('R')], Action::Reopen),
    bind(&[Key::Esc], Action::Return),
    bind(&[C('?')], Action::Help),
];

/// The audit's facts, each editable.
pub const FACTS: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[Key::Enter], Action::Edit),
    bind(&[C('R')], Action::Reopen),
    bind(&[Key::Esc, C('i')], Action::Return),
    bind(&[C('?')], Action::Help),
];

/// The note editor: every other key types.
pub const EDITOR: &[Binding] = &[
    bind(&[Key::Esc], Action::CloseEditor),
    bind(&[Key::Enter], Action::NewLine),
    bind(&[Key::CtrlU], Action::ClearLine),
    bind(&[Key::CtrlL], Action::ClearField),
    help_only(&[Key::CtrlZ], Action::UndoTyping),
];

/// A pop-up list (departments, items): every other key types into its filter.
pub const PICKER: &[Binding] = &[
    bind(&[Key::Up], Action::SelectUp),
    bind(&[Key::Down], Action::SelectDown),
    help_only(&[Key::PageUp], Action::PageUp),
    help_only(&[Key::PageDown], Action::PageDown),
    help_only(&[Key::Home], Action::TopLeft),
    help_only(&[Key::End], Action::BottomRight),
    bind(&[Key::Enter], Action::Choose),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// Who signs off, from the round's auditors and 監査実施責任者: every other key types
/// into the filter; Enter goes on to the confirmation, which says what is sealed.
pub const SIGNER: &[Binding] = &[
    bind(&[Key::Up], Action::SelectUp),
    bind(&[Key::Down], Action::SelectDown),
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// The confirmation before signing off: only `y` signs (not Enter, which chose the
/// signer a moment before).
pub const SEAL: &[Binding] = &[
    bind(&[C('y')], Action::Sign),
    bind(&[C('n'), Key::Esc], Action::Close),
];

/// A question that needs a yes (undoing another department's change).
pub const CONFIRM: &[Binding] = &[
    bind(&[C('y'), Key::Enter], Action::Confirm),
    bind(&[C('n'), Key::Esc], Action::Close),
];

/// The export dialog: every other key types into the path.
pub const EXPORT: &[Binding] = &[
    bind(&[Key::Tab, Key::Down], Action::NextField),
    bind(&[Key::BackTab, Key::Up], Action::PreviousField),
    bind(&[Key::Right], Action::NextOption),
    help_only(&[Key::Left], Action::PreviousOption),
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// A one-line prompt (the path of a returned self-check workbook, the answer fields a
/// mark asks for): every other key types.
pub const PROMPT: &[Binding] = &[
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// The prompt for a file's path (a workbook to import, a file to attach): every
/// other key types.
pub const PATH: &[Binding] = &[
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Tab], Action::CompletePath),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// The session list.
pub const LIST: &[Binding] = &[
    bind(&[Key::Up, C('k')], Action::SelectUp),
    bind(&[Key::Down, C('j')], Action::SelectDown),
    bind(&[Key::Enter], Action::Resume),
    bind(&[C('m')], Action::OpenMatrix),
    bind(&[C('n')], Action::NewSession),
    bind(&[C('e')], Action::Rename),
    bind(&[C('D')], Action::Delete),
    bind(&[C('?')], Action::Help),
    bind(&[C('q')], Action::Leave),
];

/// A session's new title being typed in the list: every other key types.
pub const RENAME: &[Binding] = &[
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Esc], Action::Close),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// The new-session form: every other key types into the field.
pub const FORM: &[Binding] = &[
    bind(&[Key::Tab, Key::Down], Action::NextField),
    bind(&[Key::BackTab, Key::Up], Action::PreviousField),
    bind(&[C(' ')], Action::Toggle),
    bind(&[Key::Enter], Action::Confirm),
    bind(&[Key::Esc], Action::Back),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// The form's list of departments, before `FORM`: the arrows move within the list,
/// and past either end to the field before or after it.
pub const FORM_DEPARTMENTS: &[Binding] = &[
    help_only(&[Key::Up], Action::SelectUp),
    help_only(&[Key::Down], Action::SelectDown),
];

/// Choosing who is working: every other key types a name.
pub const WHO: &[Binding] = &[
    bind(&[Key::Up], Action::SelectUp),
    bind(&[Key::Down], Action::SelectDown),
    bind(&[Key::Enter], Action::Choose),
    bind(&[Key::Esc], Action::Back),
    help_only(&[Key::CtrlU, Key::CtrlL], Action::ClearField),
];

/// Keys every screen knows; the help of each lists them last.
pub const APP: &[Binding] = &[help_only(&[Key::CtrlC], Action::Quit)];

/// The views in which the checklist's mark keys are live, and every other view:
/// a mark key may be none of their keys.
pub const ALL: &[&[Binding]] = &[
    ITEM,
    MATRIX,
    SHEET,
    REVIEW,
    HISTORY,
    FACTS,
    EDITOR,
    PICKER,
    SIGNER,
    SEAL,
    CONFIRM,
    LIST,
    FORM,
    WHO,
    EXPORT,
    FOLLOWUPS,
    PROMPT,
    PATH,
    RENAME,
    FORM_DEPARTMENTS,
];

/// Every table by the name the key reference (`docs/keys.md`) gives it, in its order.
pub const NAMED: &[(&str, &[Binding])] = &[
    ("ITEM", ITEM),
    ("MATRIX", MATRIX),
    ("SHEET", SHEET),
    ("REVIEW", REVIEW),
    ("HISTORY", HISTORY),
    ("FACTS", FACTS),
    ("FOLLOWUPS", FOLLOWUPS),
    ("EDITOR", EDITOR),
    ("PICKER", PICKER),
    ("SIGNER", SIGNER),
    ("SEAL", SEAL),
    ("CONFIRM", CONFIRM),
    ("PROMPT", PROMPT),
    ("PATH", PATH),
    ("EXPORT", EXPORT),
    ("LIST", LIST),
    ("RENAME", RENAME),
    ("FORM", FORM),
    ("FORM_DEPARTMENTS", FORM_DEPARTMENTS),
    ("WHO", WHO),
    ("APP", APP),
];

/// The action `key` is bound to in `table`.
pub fn lookup(table: &[Binding], key: Key) -> Option<Action> {
    table
        .iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}

/// True when some view binds `c` (either width): a mark may not use it.
pub fn is_bound(c: char) -> bool {
    let key = Key::char(c);
    ALL.iter().any(|table| lookup(table, key).is_some())
}

#[cfg(test)]
mod tests;

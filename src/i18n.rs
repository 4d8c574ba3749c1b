//! Every string the screen shows, once per language. Templates are functions, so a
//! wrong argument is a compile error, not a silently empty hole.

use crate::keymap::{Action, Group};

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Japanese when the locale (LC_ALL, then LC_MESSAGES, then LANG) says so.
    pub fn from_env() -> Lang {
        Self::from_locale(|name| std::env::var(name).ok())
    }

    /// The language of the first locale variable that is set, as POSIX ranks them.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if locale.starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }
}

pub struct Strings {
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
    // Session list
    pub sessions: &'static str,
    pub no_sessions: &'static str,
    pub column_title: &'static str,
    pub column_status: &'static str,
    pub column_progress: &'static str,
    pub column_last_change: &'static str,
    pub status_open: &'static str,
    pub unreadable: &'static str,
    // New-session form
    pub new_session: &'static str,
    pub field_checklist: &'static str,
    pub bundled_checklist: &'static str,
    pub field_title: &'static str,
    pub field_date: &'static str,
    pub field_auditors: &'static str,
    pub field_lead: &'static str,
    pub field_departments: &'static str,
    pub field_add_department: &'static str,
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
    pub departments: &'static str,
    pub items: &'static str,
    pub help: &'static str,
    pub cannot_open: fn(&str) -> String,
    pub not_hearable: fn(&str) -> String,
    pub no_department: fn(&str, &str) -> String,
    // Matrix
    pub matrix: &'static str,
    pub matrix_item: &'static str,
    pub filter_mark: fn(&str) -> String,
    pub filter_unanswered: &'static str,
    pub filter_area: fn(&str) -> String,
    pub marks_narrow: &'static str,
    pub marks_wide: &'static str,
    pub marks_ascii: &'static str,
    pub no_items: &'static str,
    pub progress: &'static str,
    /// What the matrix's cells show besides marks, for its help.
    pub matrix_legend: &'static str,
    pub settings_not_saved: fn(&str) -> String,
    /// The session refused a change (it names what it does not know).
    pub refused: fn(&str) -> String,
}

pub static JA: Strings = Strings {
    app: "kansa 情報セキュリティ内部監査",
    too_small: |w, h, now_w, now_h| {
        format!("端末が小さすぎます。{w}×{h} 以上に広げてください（現在 {now_w}×{now_h}）")
    },
    hint: ja_hint,
    explain: ja_explain,
    group_hint: |group| match group {
        Group::Step | Group::Move => "移動",
        Group::Select => "選択",
        Group::Page => "1画面",
        Group::Corner => "端へ",
        Group::Field => "項目移動",
    },
    group_explain: |group| match group {
        Group::Step => "評価せずに前後の項目へ",
        Group::Move => "セルを移動",
        Group::Select => "選択",
        Group::Page => "1画面ずつ移動",
        Group::Corner => "左上・右下の端へ",
        Group::Field => "次・前の入力欄へ",
    },
    filter_cycle: |chain| format!("絞込: {chain} のある項目 → 未回答のある項目 → すべて"),
    sessions: "監査セッション",
    no_sessions: "セッションはまだありません。n で新しく作成します。",
    column_title: "監査名",
    column_status: "状態",
    column_progress: "進捗",
    column_last_change: "最終更新",
    status_open: "実施中",
    unreadable: "読めないファイル",
    new_session: "新しい監査セッション",
    field_checklist: "チェックリスト",
    bundled_checklist: "（空欄: 同梱のチェックリスト）",
    field_title: "監査名",
    field_date: "監査実施日 (YYYY-MM-DD)",
    field_auditors: "監査担当者（、区切り）",
    field_lead: "監査実施責任者",
    field_departments: "被監査部門",
    field_add_department: "部署を追加（名簿外）",
    create: "作成",
    need_title: "監査名を入力してください",
    bad_date: "監査実施日は YYYY-MM-DD で入力してください",
    need_department: "被監査部門を一つ以上選んでください",
    added_department: |name| format!("部署を追加しました: {name}"),
    overall: "全体",
    remark: "備考",
    guidance: "ヒアリングの観点",
    marks: "評価",
    current_mark: "現在",
    unanswered: "未回答",
    by_applicability: "（適用条件により設定）",
    note: "メモ",
    note_editing: "メモを編集中（Esc で保存して戻る）",
    last_item: "この部署の最後の項目です（d で部署を切替）",
    first_item: "最初の項目です",
    nothing_to_undo: "取り消す変更はありません",
    undone: |what| format!("取り消しました: {what}"),
    read_only: |holder| format!("読み取り専用: このセッションは {holder} が編集中です"),
    save_failed: |reason, pending| {
        format!("保存できません（{reason}）。未保存の変更 {pending} 件を保持して再試行しています")
    },
    saved_again: "保存しました",
    now_writable: "編集できるようになりました（他の編集者が終了しました）",
    departments: "部署を切替",
    items: "項目へ移動",
    help: "ヘルプ",
    cannot_open: |reason| format!("開けません: {reason}"),
    not_hearable: |id| format!("セッション {id} にはヒアリングする項目か部署がありません"),
    no_department: |name, id| format!("セッション {id} に部署「{name}」はありません"),
    matrix: "結果一覧",
    matrix_item: "監査項目",
    filter_mark: |mark| format!("{mark} のある項目"),
    filter_unanswered: "未回答のある項目",
    filter_area: |area| format!("領域 {area}"),
    marks_narrow: "記号: 1文字幅",
    marks_wide: "記号: 2文字幅",
    marks_ascii: "記号: ASCII",
    no_items: "条件に合う項目はありません",
    progress: "進捗",
    matrix_legend: "* はメモあり、· は未回答、薄い記号は適用条件による該当なし",
    settings_not_saved: |reason| format!("設定を保存できません: {reason}"),
    refused: |reason| format!("記録できません: {reason}"),
};

fn ja_hint(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "評価して次へ",
        MarkCell => "評価",
        Previous => "前へ",
        Next => "次へ",
        EditNote => "メモ",
        GoToItem => "項目",
        SwitchDepartment => "部署",
        OpenMatrix => "結果一覧",
        OpenHearing => "ヒアリング",
        Undo => "取消",
        Help => "ヘルプ",
        Leave => "終了",
        Quit => "終了",
        CellUp | CellDown | CellLeft | CellRight => "移動",
        PageUp | PageDown => "1画面",
        TopLeft | BottomRight => "端へ",
        FilterMark => "評価で絞込",
        FilterArea => "領域",
        MarksWidth => "記号の幅",
        SelectUp | SelectDown => "選択",
        CloseEditor => "保存して戻る",
        NewLine => "改行",
        Choose => "移動",
        Close => "閉じる",
        Resume => "再開",
        NewSession => "新規",
        NextField | PreviousField => "項目移動",
        Toggle => "選択切替",
        Confirm => "決定",
        Back => "戻る",
    }
}

fn ja_explain(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "評価を記録して次の項目へ（キーはチェックリストの定義）",
        MarkCell => "このセルに評価を記録",
        Previous | Next => "評価せずに前後の項目へ",
        EditNote => "メモを編集（Esc で保存して戻る）",
        GoToItem => "項目を選んで移動",
        SwitchDepartment => "部署を切替（部署ごとの進捗つき）",
        OpenMatrix => "結果一覧（全部署の評価）",
        OpenHearing => "このセルのヒアリング画面へ",
        Undo => "直前の変更を取り消す",
        Help => "このヘルプ",
        Leave => "終了（回答は記録した時点で保存済み）",
        Quit => "どこからでも終了（編集中のメモも保存）",
        CellUp | CellDown | CellLeft | CellRight => "セルを移動",
        PageUp | PageDown => "1画面ずつ移動",
        TopLeft | BottomRight => "左上・右下の端へ",
        FilterMark => "評価で絞込",
        FilterArea => "領域で絞込（順に切替）",
        MarksWidth => "記号の幅: 1文字幅 → 2文字幅 → ASCII（次回も使用）",
        SelectUp | SelectDown => "選択",
        CloseEditor => "メモを保存して戻る",
        NewLine => "改行",
        Choose => "選んだものへ移動",
        Close => "閉じる",
        Resume => "選んだセッションを再開",
        NewSession => "新しいセッションを作成",
        NextField | PreviousField => "次・前の入力欄へ",
        Toggle => "部署の選択を切替",
        Confirm => "決定",
        Back => "入力をやめて一覧へ戻る",
    }
}

pub static EN: Strings = Strings {
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
    sessions: "Audit sessions",
    no_sessions: "No sessions yet. Press n to create one.",
    column_title: "Title",
    column_status: "Status",
    column_progress: "Progress",
    column_last_change: "Last change",
    status_open: "open",
    unreadable: "Unreadable file",
    new_session: "New audit session",
    field_checklist: "Checklist",
    bundled_checklist: "(empty: the bundled checklist)",
    field_title: "Title",
    field_date: "Audit date (YYYY-MM-DD)",
    field_auditors: "Auditors (comma-separated)",
    field_lead: "Lead auditor",
    field_departments: "Departments",
    field_add_department: "Add a department",
    create: "Create",
    need_title: "Enter a title",
    bad_date: "Enter the audit date as YYYY-MM-DD",
    need_department: "Choose at least one department",
    added_department: |name| format!("Added department: {name}"),
    overall: "Overall",
    remark: "Remark",
    guidance: "Hearing guidance",
    marks: "Mark",
    current_mark: "Now",
    unanswered: "not answered",
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
    departments: "Switch department",
    items: "Go to item",
    help: "Help",
    cannot_open: |reason| format!("Cannot open: {reason}"),
    not_hearable: |id| format!("session {id} has no items or no departments to hear"),
    no_department: |name, id| format!("no department {name:?} in session {id}"),
    matrix: "Results matrix",
    matrix_item: "Audit item",
    filter_mark: |mark| format!("items with {mark}"),
    filter_unanswered: "items not fully answered",
    filter_area: |area| format!("area {area}"),
    marks_narrow: "marks: narrow",
    marks_wide: "marks: wide",
    marks_ascii: "marks: ASCII",
    no_items: "No items match",
    progress: "Progress",
    matrix_legend: "* has a note, · not answered, dim marks set by applicability",
    settings_not_saved: |reason| format!("Cannot save the settings: {reason}"),
    refused: |reason| format!("Not recorded: {reason}"),
};

fn en_hint(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "mark and go on",
        MarkCell => "mark",
        Previous => "previous",
        Next => "next",
        EditNote => "note",
        GoToItem => "item",
        SwitchDepartment => "department",
        OpenMatrix => "matrix",
        OpenHearing => "hearing",
        Undo => "undo",
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
        Back => "back",
    }
}

fn en_explain(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "record the mark and go to the next item (keys come from the checklist)",
        MarkCell => "record the mark in this cell",
        Previous | Next => "previous / next item without marking",
        EditNote => "edit the note (Esc saves and leaves)",
        GoToItem => "choose an item to go to",
        SwitchDepartment => "switch department (with each one's progress)",
        OpenMatrix => "the results matrix (every department's marks)",
        OpenHearing => "the hearing at this cell",
        Undo => "undo the last change",
        Help => "this help",
        Leave => "quit (answers are saved as they are recorded)",
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
        Back => "leave the form for the list",
    }
}

// ---------------------------------------------------------------------------------
// Review, sign-off, verify, reopen and history: the words of the record, for the
// command line now and the screens later. Kept apart from `Strings` so that the two
// grow without touching each other.

use crate::facts::{FactField, FactValue};
use crate::findings::Finding;
use crate::review::{Place, Reason};
use crate::session::Change;
use crate::signoff::{Changed, Difference};

pub struct ReviewWords {
    /// The first column of a review line: it blocks sign-off, or only deserves a look.
    pub blocker: &'static str,
    pub warning: &'static str,
    /// Where an entry about the round as a whole is.
    pub round: &'static str,
    pub place: fn(&Place) -> String,
    pub reason: fn(&Reason) -> String,
    pub fact: fn(FactField) -> &'static str,
    pub nothing_blocks: &'static str,
    pub blocked: fn(usize) -> String,
    /// `kansa sign` refused: the signer is not one of the round's people.
    pub not_a_signer: fn(&str, &str) -> String,
    pub not_signed: &'static str,
    /// Verified: signer, time, digest.
    pub unchanged: fn(&str, &str, &str) -> String,
    pub changed: fn(usize) -> String,
    /// The content is as it was but the sign-off record itself is not.
    pub record_altered: &'static str,
    pub difference: fn(&Difference) -> String,
    /// `--digest` given, digest of the content.
    pub digest_differs: fn(&str, &str) -> String,
    pub reopened: fn(&str) -> String,
    /// One change of the history: what, old → new.
    pub change: fn(&Change) -> String,
}

impl Lang {
    pub fn review_words(self) -> &'static ReviewWords {
        match self {
            Lang::Ja => &REVIEW_JA,
            Lang::En => &REVIEW_EN,
        }
    }
}

/// Text on one line, as history and verify lines print it: line breaks as `\n`.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "\\n").replace('\n', "\\n")
}

fn short_digest(digest: &str) -> &str {
    digest.get(..16).unwrap_or(digest)
}

pub static REVIEW_JA: ReviewWords = ReviewWords {
    blocker: "要対応",
    warning: "確認",
    round: "全体",
    place: |place| match place {
        Place::Round => "全体".into(),
        Place::Department => String::new(),
        Place::Item(item) => item.clone(),
        Place::Area(area) => format!("領域{area}"),
    },
    reason: ja_reason,
    fact: ja_fact,
    nothing_blocks: "署名を妨げるものはありません",
    blocked: |n| format!("署名できません: 要対応が {n} 件あります"),
    not_a_signer: |name, people| {
        format!("{name} はこの監査の監査担当者・監査実施責任者ではありません（{people}）")
    },
    not_signed: "署名されていません",
    unchanged: |by, at, digest| {
        format!("署名時から変更はありません（署名 {by}、{at}、ダイジェスト {digest}）")
    },
    changed: |n| format!("署名後に変更されています（{n} 件）"),
    record_altered: "署名の記録（署名者・日時・ダイジェスト）が変更されています",
    difference: ja_difference,
    digest_differs: |given, digest| {
        format!("ダイジェストが一致しません: 指定 {given}、内容は {digest}")
    },
    reopened: |digest| {
        format!(
            "再開しました（署名 {} を解除）。編集後に再度署名してください",
            short_digest(digest)
        )
    },
    change: ja_change,
};

fn ja_reason(reason: &Reason) -> String {
    match reason {
        Reason::Unanswered => "未回答".into(),
        Reason::NoteRequired(mark) => format!("{mark} にはメモが必要です"),
        Reason::NoObservation => "所見がありません".into(),
        Reason::NotInFinding(mark) => {
            format!("{mark} がどの指摘事項にも含まれていません（採用または却下）")
        }
        Reason::AreaWithoutObservation => "△・× があるのに所見がありません".into(),
        Reason::FindingOnItem { finding, item } => {
            format!("指摘事項 #{finding} の {item} は改善を要する評価ではありません")
        }
        Reason::EmptyFinding(finding) => format!("指摘事項 #{finding} に本文がありません"),
        Reason::MissingFact(field) => format!("{}が未入力です", ja_fact(*field)),
    }
}

fn ja_fact(field: FactField) -> &'static str {
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
    }
}

/// `department place` of a difference or change, as the lines start.
fn where_of(department: Option<&str>, place: Option<&str>) -> String {
    [department, place]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

fn ja_difference(difference: &Difference) -> String {
    let at = where_of(
        difference.department.as_deref(),
        difference.place.as_deref(),
    );
    let at = if at.is_empty() {
        "全体".to_string()
    } else {
        at
    };
    let what = match &difference.what {
        Changed::Mark { from, to } => {
            let shown = |m: &Option<String>| m.clone().unwrap_or_else(|| "未回答".into());
            return format!("{at}: {} → {}（署名後の変更）", shown(from), shown(to));
        }
        Changed::Checklist => "チェックリスト".to_string(),
        Changed::Departments => "被監査部門の構成".to_string(),
        Changed::Profile => "部署の情報".to_string(),
        Changed::Fact(field) => ja_fact(*field).to_string(),
        Changed::Note => "メモ".to_string(),
        Changed::Observation => "所見".to_string(),
        Changed::Findings => "指摘事項".to_string(),
    };
    format!("{at}: {what}が署名後に変更されています")
}

fn ja_text(text: &str) -> String {
    if text.is_empty() {
        "（なし）".into()
    } else {
        format!("「{}」", one_line(text))
    }
}

fn ja_value(value: &FactValue) -> String {
    ja_text(&value.display())
}

fn ja_finding(finding: &Option<Finding>) -> String {
    match finding {
        Some(f) => format!("{} {}", f.items.join("・"), ja_text(&f.text)),
        None => "（なし）".into(),
    }
}

fn ja_change(change: &Change) -> String {
    let mark = |m: &Option<String>| m.clone().unwrap_or_else(|| "未回答".into());
    match change {
        Change::Mark {
            department,
            item,
            from,
            to,
        } => format!("{department} {item} 評価: {} → {}", mark(from), mark(to)),
        Change::Note {
            department,
            item,
            from,
            to,
        } => format!(
            "{department} {item} メモ: {} → {}",
            ja_text(from),
            ja_text(to)
        ),
        Change::Move(cursor) => format!("移動: {} {}", cursor.department, cursor.item),
        Change::Fact { field, from, to } => {
            format!("{}: {} → {}", ja_fact(*field), ja_value(from), ja_value(to))
        }
        Change::DepartmentFact {
            department,
            field,
            from,
            to,
        } => {
            let own = |v: &Option<String>| v.as_deref().map_or("（全体と同じ）".into(), ja_text);
            format!(
                "{department} {}: {} → {}",
                ja_fact(*field),
                own(from),
                own(to)
            )
        }
        Change::Observation {
            department,
            area,
            from,
            to,
        } => format!(
            "{department} 領域{area} 所見: {} → {}",
            ja_text(from),
            ja_text(to)
        ),
        Change::Finding {
            department,
            area,
            from,
            to,
        } => {
            let id = from.as_ref().or(to.as_ref()).map_or(0, |f| f.id);
            let (a, b) = (ja_finding(from), ja_finding(to));
            format!("{department} 領域{area} 指摘事項 #{id}: {a} → {b}")
        }
        Change::Dismissal {
            department,
            item,
            dismissed,
        } => match dismissed {
            true => format!("{department} {item} 指摘事項の提案: 提案中 → 却下"),
            false => format!("{department} {item} 指摘事項の提案: 却下 → 提案中"),
        },
        Change::SignOff { by, digest, .. } => {
            format!(
                "署名: 未署名 → {by} が署名（ダイジェスト {}）",
                short_digest(digest)
            )
        }
        Change::Reopen { reason, digest } => format!(
            "再開: 署名 {} → 未署名（理由: {}）",
            short_digest(digest),
            one_line(reason)
        ),
    }
}

pub static REVIEW_EN: ReviewWords = ReviewWords {
    blocker: "blocks",
    warning: "warning",
    round: "round",
    place: |place| match place {
        Place::Round => "round".into(),
        Place::Department => String::new(),
        Place::Item(item) => item.clone(),
        Place::Area(area) => format!("area {area}"),
    },
    reason: en_reason,
    fact: en_fact,
    nothing_blocks: "nothing blocks sign-off",
    blocked: |n| format!("cannot sign: {n} entries block sign-off"),
    not_a_signer: |name, people| {
        format!("{name} is neither an auditor nor the lead of this round ({people})")
    },
    not_signed: "not signed",
    unchanged: |by, at, digest| {
        format!("unchanged since sign-off (signed by {by} at {at}, digest {digest})")
    },
    changed: |n| format!("changed since sign-off ({n} differences)"),
    record_altered: "the sign-off record itself (signer, time or digest) was altered",
    difference: en_difference,
    digest_differs: |given, digest| {
        format!("digest {given} does not match the content's digest {digest}")
    },
    reopened: |digest| {
        format!(
            "reopened (sign-off {} lifted); sign it again when done",
            short_digest(digest)
        )
    },
    change: en_change,
};

fn en_reason(reason: &Reason) -> String {
    match reason {
        Reason::Unanswered => "not answered".into(),
        Reason::NoteRequired(mark) => format!("{mark} needs a note"),
        Reason::NoObservation => "no 所見 (observation) in any area".into(),
        Reason::NotInFinding(mark) => {
            format!("{mark} is in no 指摘事項 (finding): accept or dismiss the proposal")
        }
        Reason::AreaWithoutObservation => "△/× marks but no 所見 (observation)".into(),
        Reason::FindingOnItem { finding, item } => {
            format!("finding #{finding} names {item}, whose mark does not need improvement")
        }
        Reason::EmptyFinding(finding) => format!("finding #{finding} has no text"),
        Reason::MissingFact(field) => format!("no {}", en_fact(*field)),
    }
}

fn en_fact(field: FactField) -> &'static str {
    match field {
        FactField::Title => "title",
        FactField::Date => "audit date",
        FactField::Auditors => "auditors",
        FactField::Lead => "lead auditor (監査実施責任者)",
        FactField::Purpose => "purpose (監査目的)",
        FactField::Scope => "scope (監査範囲)",
        FactField::Method => "method (監査方法)",
        FactField::Subjects => "audit subjects (監査項目)",
        FactField::Criteria => "criteria (適用基準)",
        FactField::Schedule => "schedule (監査実施日程)",
        FactField::ReportDate => "report date (報告日)",
        FactField::Division => "auditing division (監査担当部門)",
        FactField::Overall => "overall remarks (総評)",
    }
}

fn en_difference(difference: &Difference) -> String {
    let at = where_of(
        difference.department.as_deref(),
        difference.place.as_deref(),
    );
    let at = if at.is_empty() {
        "round".to_string()
    } else {
        at
    };
    let what = match &difference.what {
        Changed::Mark { from, to } => {
            let shown = |m: &Option<String>| m.clone().unwrap_or_else(|| "not answered".into());
            return format!("{at}: {} → {} since sign-off", shown(from), shown(to));
        }
        Changed::Checklist => "checklist".to_string(),
        Changed::Departments => "departments".to_string(),
        Changed::Profile => "department profile".to_string(),
        Changed::Fact(field) => en_fact(*field).to_string(),
        Changed::Note => "note".to_string(),
        Changed::Observation => "所見 (observation)".to_string(),
        Changed::Findings => "指摘事項 (findings)".to_string(),
    };
    format!("{at}: {what} changed since sign-off")
}

fn en_text(text: &str) -> String {
    if text.is_empty() {
        "(empty)".into()
    } else {
        format!("\"{}\"", one_line(text))
    }
}

fn en_finding(finding: &Option<Finding>) -> String {
    match finding {
        Some(f) => format!("{} {}", f.items.join(","), en_text(&f.text)),
        None => "(none)".into(),
    }
}

fn en_change(change: &Change) -> String {
    let mark = |m: &Option<String>| m.clone().unwrap_or_else(|| "not answered".into());
    match change {
        Change::Mark {
            department,
            item,
            from,
            to,
        } => format!("{department} {item} mark: {} → {}", mark(from), mark(to)),
        Change::Note {
            department,
            item,
            from,
            to,
        } => format!(
            "{department} {item} note: {} → {}",
            en_text(from),
            en_text(to)
        ),
        Change::Move(cursor) => format!("move: {} {}", cursor.department, cursor.item),
        Change::Fact { field, from, to } => format!(
            "{}: {} → {}",
            en_fact(*field),
            en_text(&from.display()),
            en_text(&to.display())
        ),
        Change::DepartmentFact {
            department,
            field,
            from,
            to,
        } => {
            let own = |v: &Option<String>| v.as_deref().map_or("(the round's)".into(), en_text);
            format!(
                "{department} {}: {} → {}",
                en_fact(*field),
                own(from),
                own(to)
            )
        }
        Change::Observation {
            department,
            area,
            from,
            to,
        } => format!(
            "{department} area {area} 所見: {} → {}",
            en_text(from),
            en_text(to)
        ),
        Change::Finding {
            department,
            area,
            from,
            to,
        } => {
            let id = from.as_ref().or(to.as_ref()).map_or(0, |f| f.id);
            let (a, b) = (en_finding(from), en_finding(to));
            format!("{department} area {area} finding #{id}: {a} → {b}")
        }
        Change::Dismissal {
            department,
            item,
            dismissed,
        } => match dismissed {
            true => format!("{department} {item} proposed finding: proposed → dismissed"),
            false => format!("{department} {item} proposed finding: dismissed → proposed"),
        },
        Change::SignOff { by, digest, .. } => format!(
            "sign-off: open → signed by {by} (digest {})",
            short_digest(digest)
        ),
        Change::Reopen { reason, digest } => format!(
            "reopen: signed {} → open (reason: {})",
            short_digest(digest),
            one_line(reason)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_the_language_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "C")
            ])),
            Lang::Ja
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn templates_fill_their_arguments() {
        assert_eq!((EN.too_small)(40, 12, 30, 10).matches("×").count(), 2);
        assert!((JA.save_failed)("ディスクが一杯", 3).contains("3 件"));
    }
}

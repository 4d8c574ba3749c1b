//! Every string the screen shows, once per language. Templates are functions, so a
//! wrong argument is a compile error, not a silently empty hole.

use crate::export::model::FactLabel;
use crate::facts::{FactField, FactValue};
use crate::findings::Finding;
use crate::keymap::{Action, Group};
use crate::merge::{MergeError, Place as MergePlace};
use crate::review::{Place, Reason};
use crate::rounds::{FollowUpState, FollowUpStatus, Trend};
use crate::selfcheck::SelfCheck;
use crate::session::{Change, Timestamp};
use crate::signoff::{Changed, Difference};

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
    // Session list
    pub sessions: &'static str,
    pub no_sessions: &'static str,
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
    /// Departments whose self-assessment was read in.
    pub imported_selfcheck: fn(usize) -> String,
    /// Problems found in the workbook, the first of them: nothing was imported.
    pub import_refused: fn(usize, &str) -> String,
    /// A gate's new answer would leave these answered items not applying.
    pub gate_question: fn(&str) -> String,
    /// A department's score: total, maximum, percent and band.
    pub score_line: fn(i32, i32, &str, &str) -> String,
    pub score: &'static str,
    pub confirm: &'static str,
    /// Asks before undoing a change of another department: its name and the change.
    pub undo_elsewhere: fn(&str, &str) -> String,
    pub switched: fn(&str) -> String,
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
fn local(at: &Timestamp) -> chrono::DateTime<chrono::Local> {
    at.with_timezone(&chrono::Local)
}

fn ja_moment(at: &Timestamp, time: &str) -> String {
    let at = local(at);
    format!(
        "{} {}",
        crate::wareki::format(at.date_naive()),
        at.format(time)
    )
}

pub static JA: Strings = Strings {
    messages: &MESSAGES_JA,
    rounds: &ROUND_JA,
    review: &REVIEW_JA,
    record: &RECORD_JA,
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
    status_signed: "署名済",
    status_answered: "回答済",
    column_date: "監査実施日",
    column_id: "ID",
    rename_title: "監査名を変更（Enter で決定、Esc でやめる）",
    delete_question: |title| {
        format!(
            "「{title}」をごみ箱へ移動しますか？（kansa restore で戻せます） y: はい  n: いいえ"
        )
    },
    unreadable: "読めないファイル",
    new_session: "新しい監査セッション",
    field_checklist: "チェックリスト",
    bundled_checklist: "（同梱）",
    field_start_from: "前回の監査から（ID）",
    field_title: "監査名",
    field_date: "監査実施日",
    field_auditors: "監査担当者（、区切り）",
    field_lead: "監査実施責任者",
    field_departments: "被監査部門",
    field_add_department: "部署を追加（名簿外）",
    field_add_short: "  略称（空欄: 部署名）",
    field_add_remark: "  備考",
    discard_form: "入力した内容を破棄して一覧へ戻りますか？ y: はい  n: いいえ",
    create: "作成",
    need_title: "監査名を入力してください",
    bad_date: "監査実施日は 2024-09-27、2024/9/27、令和6年9月27日、R6.9.27 のように入力してください",
    need_department: "被監査部門を一つ以上選んでください",
    added_department: |name| format!("部署を追加しました: {name}"),
    overall: "全体",
    remark: "備考",
    guidance: "ヒアリングの観点",
    marks: "評価",
    current_mark: "現在",
    unanswered: "未回答",
    self_assessment: "自己評価",
    no_self_mark: "この項目に部署の自己評価（評価）はありません",
    matrix_self: "自己評価/監査",
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
    matrix_legend: |dot| {
        format!(
            "* はメモあり、{dot} は未回答、薄い記号は適用条件による該当なし。見出しの < > はその先にも列があること（←→ で移動）"
        )
    },
    settings_not_saved: |reason| format!("設定を保存できません: {reason}"),
    refused: |reason| format!("記録できません: {reason}"),
    redone: |what| format!("やり直しました: {what}"),
    field_prompt: |label, item| format!("{item} の{label}（Enter で記録、Esc で省略）"),
    import_path: "自己点検シートのファイル（Enter で取込、Esc でやめる）",
    imported_selfcheck: |n| format!("{n} 部署の自己評価を取り込みました"),
    import_refused: |n, first| format!("取り込みませんでした（問題 {n} 件）: {first}"),
    gate_question: |items| {
        format!(
            "この回答で {items} は該当しなくなります。記録済みの評価を消して該当なしにしますか？ y: 消す  n: 残す"
        )
    },
    score_line: |total, max, percent, band| format!("得点 {total}/{max} {percent} {band}"),
    score: "得点",
    confirm: "確認",
    undo_elsewhere: |department, what| {
        format!("{department} の変更（{what}）を取り消して移動しますか？ y: はい  n: いいえ")
    },
    switched: |department| format!("{department}に切り替えました"),
    unbound: |key| format!("「{key}」はこの画面では使えません（? でキーの一覧）"),
    read_only_no_change: "読み取り専用のため記録できません",
    last_heard: "この部署でヒアリングする項目はここまでです（d で部署を切替）",
    picker_filter: "入力で絞込",
    more_lines: |n| format!("…(+{n}行)"),
    who_title: "監査担当者",
    who_question: "あなたの名前を選んでください。履歴とロックに記録され、次回からも使われます（--as や KANSA_AUDITOR でも指定できます）。",
    who_other: "その他の名前:",
    report_lang: Lang::Ja,
    export_title: "報告書の出力",
    export_report: "報告書",
    export_format: "形式",
    export_path: "保存先",
    export_all: "すべて",
    export_no_path: "保存先を入力してください",
    export_exists: |path| {
        format!("{path} は既にあります。上書きしますか？ y: 上書きする  n: やめる")
    },
    export_written: |path| format!("{path} に書き出しました"),
    export_failed: |reason| format!("書き出せませんでした: {reason}"),
    export_unsupported: |report, format| {
        format!("{report}は {format} 形式では出力できません（別の形式を選んでください）")
    },
    date: crate::wareki::format,
    moment: |at| ja_moment(at, "%H:%M"),
    moment_seconds: |at| ja_moment(at, "%H:%M:%S"),
    signed_no_change: "署名済みのため変更できません。変更するには R で再開してください（理由を入力）",
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
        Redo => "やり直し",
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
        ClearField => "全消去",
        ClearLine => "行消去",
        UndoTyping => "入力を戻す",
        Back => "戻る",
        ToggleCompare => "前回比較",
        OpenFollowUps => "フォローアップ",
        CycleStatus => "状況",
        Export => "出力",
        NextOption => "次の選択肢",
        PreviousOption => "前の選択肢",
        Rename => "名前変更",
        Delete => "削除",
        AcceptSelf => "自己評価を採用",
        ToggleSelf => "自己評価",
        OpenSheet => "所見・指摘",
        OpenReview => "確認・署名",
        OpenHistory => "履歴",
        OpenFacts => "監査情報",
        Edit => "編集",
        Accept => "採用",
        Dismiss => "却下・削除",
        AddFinding => "指摘を追加",
        Sign => "署名",
        Reopen => "再開",
        Return => "戻る",
        Search => "検索",
        FindingsList => "指摘一覧",
        FindingItems => "対象項目",
        ImportSelfcheck => "自己点検取込",
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
        Undo => "この部署の直前の変更を取り消す（他の部署の変更は確認してから）",
        Redo => "取り消した変更をやり直す",
        Help => "このヘルプ",
        Leave => "終了（回答は記録した時点で保存済み）",
        Export => "報告書をファイルに出力（結果一覧・結果報告書・実施報告書）",
        NextOption => "次の選択肢へ",
        PreviousOption => "前の選択肢へ",
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
        ClearField => "入力欄を空にする（メモでは Ctrl-Z で戻せる）",
        ClearLine => "カーソルのある行を空にする",
        UndoTyping => "直前の入力・消去を元に戻す",
        Back => "一覧へ戻る（記録した回答は保存済み）",
        ToggleCompare => "前回の評価と今回の評価を並べて表示（改善・悪化を表示）",
        OpenFollowUps => "前回の指摘事項のフォローアップ（改善済・一部改善・未改善）",
        CycleStatus => "状況を切替: 改善済 → 一部改善 → 未改善 → 未設定",
        Rename => "選んだセッションの監査名を変更",
        Delete => "選んだセッションをごみ箱へ移動（kansa restore ID で戻せる）",
        AcceptSelf => "部署の自己評価をそのまま評価として記録して次へ",
        ToggleSelf => "自己評価と監査の評価を並べて表示（食い違いを強調）／監査のみ",
        OpenSheet => "部署の所見と指摘事項（領域ごと）",
        OpenReview => "署名前の確認（要対応と確認事項）、署名と再開",
        OpenHistory => "このセルの変更履歴（もう一度で全体の履歴）",
        OpenFacts => "監査情報（監査目的・範囲・日程・報告日・総評など）を編集",
        Edit => "選んだ所見・指摘事項・項目を編集（Esc で保存して戻る）",
        Accept => "提案された指摘事項を項目の文言で採用",
        Dismiss => "提案を却下（再提案されません）、または指摘事項を削除",
        AddFinding => "この領域に指摘事項を追加",
        Sign => "署名（要対応がないとき）",
        Reopen => "署名済みの記録を理由を付けて再開",
        Return => "元の画面へ戻る",
        Search => "項目の文言・メモ・所見を検索して移動",
        FindingsList => "△・× のセルとメモの一覧（項目ごと）",
        FindingItems => "指摘事項の対象項目を追加・削除（選んだ項目を切替）",
        ImportSelfcheck => "部署から返送された自己点検シート（XLSX）を自己評価として取り込む",
    }
}

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
    sessions: "Audit sessions",
    no_sessions: "No sessions yet. Press n to create one.",
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
    imported_selfcheck: |n| format!("Imported the self-assessment of {n} department(s)"),
    import_refused: |n, first| format!("Nothing imported ({n} problem(s)): {first}"),
    gate_question: |items| {
        format!(
            "With this answer {items} no longer apply. Clear their marks so they become not applicable? y: clear  n: keep"
        )
    },
    score_line: |total, max, percent, band| format!("Score {total}/{max} {percent} {band}"),
    score: "Score",
    confirm: "Confirm",
    undo_elsewhere: |department, what| {
        format!("Undo the change in {department} ({what}) and go there? y: yes  n: no")
    },
    switched: |department| format!("Now hearing {department}"),
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
    moment: |at| local(at).format("%Y-%m-%d %H:%M").to_string(),
    moment_seconds: |at| local(at).format("%Y-%m-%d %H:%M:%S").to_string(),
    signed_no_change: "Signed off: nothing can change. R reopens it (with a reason)",
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
        FindingItems => "items",
        ImportSelfcheck => "import self-check",
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
        FindingsList => "every △/× cell with its note, by item",
        FindingItems => "add or remove an item the finding names (toggles the one chosen)",
        ImportSelfcheck => {
            "read a department's returned self-check workbook (XLSX) as its self-assessment"
        }
    }
}

// The command line's words and every error's, as typed templates: each is a function
// of its arguments, so a missing or extra argument does not compile (where `fill`
// would leave a blank or drop a value silently).

/// Something kansa tells its user (an error, a notice), kept as data until it is
/// shown and put in words there, in the language of whoever reads it.
pub trait Describe {
    /// The words for this, from `m`.
    fn describe(&self, m: &Messages) -> String;

    /// The words for this in `lang`.
    fn localized(&self, lang: Lang) -> String {
        self.describe(lang.messages())
    }
}

impl Lang {
    /// The words of the command line and of errors in this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::Ja => &MESSAGES_JA,
            Lang::En => &MESSAGES_EN,
        }
    }
}

/// What `kansa` prints outside the screens, and every error, once per language.
/// `path:line:column: ` before a located message is not language and is added by
/// `error::located`.
pub struct Messages {
    /// Working as a team: parts, merges and conflicts.
    pub team: &'static TeamWords,
    // kansa list, validate and new
    pub list_header: [&'static str; 5],
    pub status_open: &'static str,
    pub status_signed: &'static str,
    pub validated: fn(
        path: &str,
        title: &str,
        areas: usize,
        items: usize,
        departments: usize,
        marks: usize,
    ) -> String,
    pub not_on_roster: fn(name: &str) -> String,
    // Why a command failed
    pub no_data_dir: &'static str,
    pub no_departments: &'static str,
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
}

pub static MESSAGES_JA: Messages = Messages {
    item_removed: |id, text| format!("前回の項目 {id} はこのチェックリストにありません: {text}"),
    team: &TEAM_JA,
    list_header: ["ID", "監査名", "状態", "進捗", "最終更新"],
    status_open: "実施中",
    status_signed: "署名済",
    validated: |path, title, areas, items, departments, marks| {
        format!(
            "{path}: 問題ありません — {title}: {areas} 領域、{items} 項目、{departments} 部署、評価 {marks} 段階"
        )
    },
    not_on_roster: |name| {
        format!("{name} はチェックリストの名簿にありません。すべての項目を該当として追加しました")
    },
    no_data_dir: "データの保存先がわかりません。--data-dir で指定してください",
    no_departments: "被監査部門がありません。チェックリストに名簿がないので --departments で指定してください",
    answers_csv_only: "--report answers は CSV だけです。--format csv を指定してください",
    report_not_yet: |report| {
        format!("--report {report} はまだ使えません。matrix か summary を指定してください")
    },
    binary_to_stdout: |format| {
        format!(
            "--format {format} はバイナリ形式です。標準出力ではなく -o でファイルを指定してください"
        )
    },
    csv_failed: |reason| format!("CSV を作成できません（{reason}）"),
    terminal: |reason| format!("端末を使えません（{reason}）"),
    stdout: "標準出力",
    locked: |id, holder| format!("セッション {id} は {holder} が編集中です"),
    no_session: |id| format!("セッション {id} はありません"),
    in_trash: |id| {
        format!("ごみ箱にはすでにセッション {id} があります。先に kansa restore してください")
    },
    not_in_trash: |id| format!("ごみ箱にセッション {id} はありません"),
    session_exists: |id| format!("セッション {id} がすでにあるので戻せません"),
    status_answered: "回答済",
    tightened: |path| {
        format!("{path} は他のユーザーも読める設定でした。所有者のみ（0700）に変更しました")
    },
    not_owner: |path| format!("{path} は別のユーザーの所有です。使用しません"),
    io: io_ja,
    cannot_read: |reason| format!("読み込めません（{reason}）"),
    not_utf8: "UTF-8 のテキストではありません（UTF-8 として読めないバイトがあります）",
    ron: ron_ja,
    checklist_format: |expected, found| {
        format!("format は {expected} のはずですが、{found} と書かれています")
    },
    session_format: |expected, found| {
        format!("セッションの format は {expected} のはずですが、{found} と書かれています")
    },
    empty_scale: "scale に評価を一つ以上書いてください",
    no_items: "監査項目を一つ以上書いてください",
    empty_symbol: "評価の記号（symbol）が空です",
    duplicate_symbol: |symbol| format!("評価の記号{}が重複しています", quoted(symbol)),
    duplicate_key: |key| format!("評価のキー{}が重複しています", quoted_char(key)),
    reserved_key: |key| {
        format!(
            "キー{}は画面の操作に使われています。別のキーにしてください",
            quoted_char(key)
        )
    },
    duplicate_area: |id| format!("領域の id{}が重複しています", quoted(id)),
    duplicate_item: |id| format!("監査項目の id{}が重複しています", quoted(id)),
    duplicate_department: |name| format!("部署{}が重複しています", quoted(name)),
    duplicate_short: |short| format!("部署の略称{}が重複しています", quoted(short)),
    unknown_tag: |tag, known| {
        format!(
            "タグ{}を持つ部署はありません。使えるタグ: {}",
            quoted(tag),
            known.join("、")
        )
    },
    unknown_department: |name| format!("このセッションに部署{}はありません", quoted(name)),
    unknown_item: |id| format!("このチェックリストに項目{}はありません", quoted(id)),
    unknown_mark: |symbol| format!("このチェックリストの評価に{}はありません", quoted(symbol)),
};

pub static MESSAGES_EN: Messages = Messages {
    item_removed: |id, text| format!("last round's item {id} is not in this checklist: {text}"),
    team: &TEAM_EN,
    list_header: ["ID", "TITLE", "STATUS", "PROGRESS", "LAST CHANGE"],
    status_open: "open",
    status_signed: "signed",
    validated: |path, title, areas, items, departments, marks| {
        format!(
            "{path}: ok — {title}: {areas} areas, {items} items, {departments} departments, {marks} marks"
        )
    },
    not_on_roster: |name| {
        format!("{name} is not on the checklist's roster; added with every item applicable")
    },
    no_data_dir: "no data directory: pass --data-dir",
    no_departments: "no departments: the checklist has no roster; pass --departments",
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

/// A name from a file between Japanese quotes, escaped as Rust would (a newline as
/// `\n`), so that a message stays on one line whatever the file holds.
fn quoted(text: &str) -> String {
    format!("「{}」", text.escape_debug())
}

fn quoted_char(c: char) -> String {
    format!("「{}」", c.escape_debug())
}

/// The common kinds of operating-system error in Japanese; the others keep the
/// system's own text, which at least names the error.
fn io_ja(kind: std::io::ErrorKind, detail: &str) -> String {
    use std::io::ErrorKind as K;
    let words = match kind {
        K::NotFound => "ファイルまたはフォルダがありません",
        K::PermissionDenied => "アクセスが許可されていません",
        K::AlreadyExists => "同じ名前のファイルがすでにあります",
        K::StorageFull => "ディスクに空きがありません",
        K::QuotaExceeded => "ディスクの割り当て量を超えました",
        K::ReadOnlyFilesystem => "読み取り専用の場所です",
        K::IsADirectory => "ファイルではなくフォルダです",
        K::NotADirectory => "フォルダではありません",
        K::InvalidFilename => "ファイル名が正しくありません",
        K::BrokenPipe => "出力先が閉じられました",
        _ => return detail.to_string(),
    };
    words.to_string()
}

/// RON's error kinds in Japanese. RON adds kinds now and then (the enum is
/// non-exhaustive): one not listed here keeps RON's own English words.
fn ron_ja(error: &ron::error::Error) -> String {
    use ron::error::Error as E;
    if let Some(what) = ron_expected_ja(error) {
        return format!("{what}が必要です");
    }
    match error {
        E::Eof => "ファイルが途中で終わっています".into(),
        E::UnexpectedChar(c) => format!("ここに{}は書けません", quoted_char(*c)),
        E::TrailingCharacters => "値の後ろに余分な文字があります".into(),
        E::ExpectedStringEnd => "文字列を閉じる「\"」がありません".into(),
        E::UnclosedBlockComment => "コメント「/*」が閉じていません".into(),
        E::IntegerOutOfBounds => "整数が大きすぎるか小さすぎます".into(),
        E::InvalidIntegerDigit { digit, base } => {
            format!("{base} 進数に使えない数字{}があります", quoted_char(*digit))
        }
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            "数値の中の「_」の位置が正しくありません".into()
        }
        E::InvalidEscape(_) => "文字列の中のエスケープ（\\ の後）が正しくありません".into(),
        E::Utf8Error(_) => "UTF-8 として読めないバイトがあります".into(),
        E::ExceededRecursionLimit => "入れ子が深すぎます".into(),
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "`{found}` というフィールドはありません。{}",
            one_of_ja(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("フィールド `{field}` がありません{}", within_ja(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("フィールド `{field}` が重複しています{}", within_ja(outer))
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!("`{found}` は使えません。{}", one_of_ja(expected)),
        // serde words `expected` and `found` in English; the sentence around them is ours.
        E::InvalidValueForType { expected, found } => {
            format!("型が違います: {expected} のところに {found} が書かれています")
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("要素の数が違います: {expected} のところに {found} 個あります")
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("構造体名は `{expected}` のはずですが、`{found}` と書かれています")
        }
        other => other.to_string(),
    }
}

/// What RON expected to read, for the kinds that say only that.
fn ron_expected_ja(error: &ron::error::Error) -> Option<&'static str> {
    use ron::error::Error as E;
    Some(match error {
        E::ExpectedArray => "「[」",
        E::ExpectedArrayEnd => "閉じる「]」",
        E::ExpectedMap => "「{」",
        E::ExpectedMapEnd => "閉じる「}」",
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "「(」",
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "閉じる「)」",
        E::ExpectedComma => "区切りの「,」",
        E::ExpectedMapColon => "「:」",
        E::ExpectedBoolean => "true か false",
        E::ExpectedChar => "文字（'x' の形の char）",
        E::ExpectedFloat => "小数",
        E::ExpectedInteger => "整数",
        E::ExpectedOption => "Some(…) か None",
        E::ExpectedUnit => "「()」",
        E::ExpectedString => "文字列（\"…\" の形）",
        E::ExpectedByteString => "バイト列",
        E::ExpectedByteLiteral => "バイト",
        E::ExpectedIdentifier => "名前（識別子）",
        _ => return None,
    })
}

fn one_of_ja(expected: &[&str]) -> String {
    if expected.is_empty() {
        return "ここには何も書けません".into();
    }
    let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
    format!("使えるのは {} です", names.join("、"))
}

fn within_ja(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|outer| format!("（{outer} の中）"))
        .unwrap_or_default()
}

#[cfg(test)]
mod messages_tests {
    use super::*;

    /// RON errors of the kinds people make by hand, from real parse failures.
    fn common_ron_errors() -> Vec<ron::error::Error> {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Mark {
            label: String,
            key: char,
            count: u32,
            meaning: Meaning,
        }
        #[derive(Debug, serde::Deserialize)]
        enum Meaning {
            Compliant,
        }
        let texts = [
            "(label: \"a\", key: 'a', count: 1",
            "(label: \"a\", key: 'a', count: 1, meaning: Compliant) x",
            "(label: \"a\", key: 'a', count: 1, meaning: Compliant, extra: 1)",
            "(label: \"a\", key: 'a', meaning: Compliant)",
            "(label: \"a\", label: \"b\", key: 'a', count: 1, meaning: Compliant)",
            "(label: 1, key: 'a', count: 1, meaning: Compliant)",
            "(label: \"a\", key: 1, count: 1, meaning: Compliant)",
            "(label: \"a\", key: 'a', count: \"1\", meaning: Compliant)",
            "(label: \"a\", key: 'a', count: 99999999999, meaning: Compliant)",
            "(label: \"a\", key: 'a', count: 1, meaning: Other)",
            "(label: \"a\" key: 'a', count: 1, meaning: Compliant)",
            "(label: \"a, key: 'a', count: 1, meaning: Compliant)",
            "[label: \"a\"]",
            "(label: \"a\", key: 'a', count: 1, meaning: Compliant, /* open",
            "(label: \"a\", key: 'a', count: 1, meaning: Compliant, @)",
            "(label: \"a\", key: 'a', count: 1, meaning: ",
        ];
        texts
            .iter()
            .map(|text| match ron::from_str::<Mark>(text) {
                Ok(mark) => panic!("{text} parsed as {mark:?}"),
                Err(e) => e.code,
            })
            .collect()
    }

    #[test]
    fn common_ron_errors_read_in_japanese_and_unchanged_in_english() {
        for error in common_ron_errors() {
            let japanese = (MESSAGES_JA.ron)(&error);
            assert!(
                japanese.chars().any(|c| c > '\u{3000}'),
                "{error:?} is not translated: {japanese}"
            );
            assert_eq!((MESSAGES_EN.ron)(&error), error.to_string());
        }
    }

    #[test]
    fn names_from_files_stay_on_one_line_in_japanese() {
        let message = (MESSAGES_JA.duplicate_item)("I-1\nI-2");
        assert_eq!(message, "監査項目の id「I-1\\nI-2」が重複しています");
        assert_eq!(
            (MESSAGES_JA.duplicate_key)('\t'),
            "評価のキー「\\t」が重複しています"
        );
    }

    #[test]
    fn common_io_errors_read_in_japanese_and_others_keep_the_systems_words() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let odd = std::io::Error::other("something odd");
        assert_eq!(
            (MESSAGES_JA.io)(full.kind(), &full.to_string()),
            "ディスクに空きがありません"
        );
        assert_eq!(
            (MESSAGES_JA.io)(odd.kind(), "something odd"),
            "something odd"
        );
        assert_eq!((MESSAGES_EN.io)(full.kind(), "disk full"), "disk full");
    }
}

/// The words of checklist spreadsheets (`kansa import checklist`, `kansa
/// export-checklist`) and of scores (`kansa show`). Sheet and column names are part of
/// the file layout, not words: they are `sheet`'s constants, the same in every language.
pub struct SheetStrings {
    pub cannot_read: fn(&str) -> String,
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
    pub bad_condition: fn(&str) -> String,
    pub duplicate: fn(&str, &str) -> String,
    pub no_marks: &'static str,
    pub no_items: &'static str,
    pub unknown_tag: fn(&str, &str) -> String,
    pub area_again: fn(&str) -> String,
    pub area_titles: fn(&str, &str, &str) -> String,
    pub generated_invalid: fn(&str) -> String,
    pub written: fn(&str, &str) -> String,
    // The sheet that explains the others.
    pub help_headers: [&'static str; 4],
    pub required_mark: &'static str,
    /// What each column holds: sheet, column, explanation.
    pub help: &'static [(&'static str, &'static str, &'static str)],
    pub help_csv: &'static str,
    // Scores
    pub score: &'static str,
    pub band: &'static str,
    pub average: &'static str,
    pub provisional: fn(usize) -> String,
    // `kansa show`: the labels of its last rows.
    pub unanswered_row: &'static str,
    pub answered_row: &'static str,
}

impl Lang {
    pub fn sheet(self) -> &'static SheetStrings {
        match self {
            Lang::Ja => &SHEET_JA,
            Lang::En => &SHEET_EN,
        }
    }
}

pub static SHEET_JA: SheetStrings = SheetStrings {
    cannot_read: |reason| format!("読めません: {reason}"),
    not_utf8: "UTF-8 ではありません（Excel では「CSV UTF-8」で保存してください）",
    missing_sheet: |sheet| format!("シート「{sheet}」がありません"),
    missing_column: |column, found| format!("列「{column}」がありません（見出し: {found}）"),
    outside_section: "節の外の行です: 最初の節は [項目] のような行で始めてください",
    required: |column| format!("「{column}」を入力してください"),
    not_integer: |column, value| format!("「{column}」は整数で入力してください（{value:?}）"),
    bad_key: |value| format!("キーは1文字で入力してください（{value:?}）"),
    bound_key: |key| format!("キー {key:?} は画面の操作に使われています。別のキーにしてください"),
    not_ascii: |symbol| {
        format!("記号 {symbol:?} は ASCII ではないので、ASCII の表記を入力してください")
    },
    unknown_value: |column, value, expected| {
        format!("「{column}」に {value:?} は使えません（使えるもの: {expected}）")
    },
    bad_condition: |reason| format!("適用条件を読めません: {reason}"),
    duplicate: |column, value| format!("「{column}」の {value:?} が重複しています"),
    no_marks: "評価が一つもありません",
    no_items: "項目が一つもありません",
    unknown_tag: |tag, expected| {
        format!("タグ {tag:?} を持つ部署がありません（部署のタグ: {expected}）")
    },
    area_again: |area| {
        format!("領域 {area:?} の項目が離れています。同じ領域の項目は続けて並べてください")
    },
    area_titles: |area, first, now| {
        format!("領域 {area:?} の領域名が {first:?} と {now:?} で食い違っています")
    },
    generated_invalid: |reason| format!("書き出したチェックリストが検証を通りません: {reason}"),
    written: |path, summary| format!("{path} を書き出しました — {summary}"),
    help_headers: ["シート", "列", "必須", "説明"],
    required_mark: "必須",
    help: HELP_JA,
    help_csv: "CSV の場合: 1つのファイルに、[項目] [評価] [部署] [得点区分] [入力欄] [概要] の行で始まる節を並べます。節の次の行が見出しで、その後が各行です。エラーは「ファイル:節!列行」（行はファイルの行番号）で示します。",
    score: "点数",
    band: "区分",
    average: "平均",
    unanswered_row: "未回答",
    answered_row: "回答率",
    provisional: |n| format!("（未回答 {n} 項目: 暫定）"),
};

const HELP_JA: &[(&str, &str, &str)] = &[
    (
        "概要",
        "項目",
        "「チェックリストID」「名称」の2行。ID は英数字とハイフン（省略時はファイル名）",
    ),
    ("概要", "内容", "ID と名称の値"),
    (
        "項目",
        "領域",
        "領域の記号（I、II など）。同じ領域の項目は続けて並べる",
    ),
    (
        "項目",
        "領域名",
        "領域の名前。領域の最初の行に書けば、続く行は空欄でよい",
    ),
    (
        "項目",
        "項目ID",
        "項目の記号（I-1 など）。領域の記号とも重複しないこと",
    ),
    ("項目", "項目", "監査項目の文"),
    ("項目", "ヒアリングの観点", "何を尋ね、何を見るか（任意）"),
    (
        "項目",
        "適用条件",
        "空欄: すべての部署。タグ名だけ: そのタグを持つ部署。式: Tag(\"mynumber\")、Any([...])、All([...])、Not(...)、前の項目の回答 Answer(\"M-1\", \"いいえ\") や AnswerMeans(\"C-1\", NotApplicable)",
    ),
    (
        "項目",
        "対象部署",
        "この項目を適用する部署の名前か略称を「,」か「、」で区切って（空欄: 適用条件どおり）",
    ),
    ("評価", "記号", "結果一覧に出る記号（○ など）"),
    (
        "評価",
        "ASCII",
        "ASCII 表示の記号（o など）。記号が ASCII なら省略可",
    ),
    ("評価", "名称", "評価の名前（適正 など）"),
    (
        "評価",
        "キー",
        "ヒアリングで押すキー1文字。画面の操作キーは使えない",
    ),
    (
        "評価",
        "意味",
        "適合、指導により改善、要改善、該当なし、不明 のいずれか。集計はこの意味で行う",
    ),
    (
        "評価",
        "重大度",
        "要改善の重さ（1 が最も軽い）。例: 推奨事項 1、観察事項 2、軽微な不適合 3、重大な不適合 4",
    ),
    (
        "評価",
        "点数",
        "この評価の点数（整数、負も可）。空欄の評価（該当なし など）は満点から除く",
    ),
    (
        "評価",
        "入力欄",
        "この評価で入力を求める欄の ID を「,」区切りで（入力欄シート参照）",
    ),
    ("部署", "部署名", "部署の正式名"),
    ("部署", "略称", "結果一覧の列見出し（省略時は部署名）"),
    ("部署", "タグ", "適用条件で使うタグを「,」区切りで"),
    ("部署", "備考", "自由記述（特定個人情報を扱う事務など）"),
    (
        "得点区分",
        "下限",
        "満点に対する割合（%）の下限。空欄は下限なし",
    ),
    ("得点区分", "上限", "割合（%）の上限。空欄は上限なし"),
    ("得点区分", "区分", "区分の名前"),
    ("得点区分", "助言", "その区分の部署への助言"),
    ("入力欄", "ID", "評価シートの「入力欄」で使う ID"),
    ("入力欄", "名称", "画面と出力での名前（確認日 など）"),
    ("入力欄", "種類", "文字 または 日付（YYYY-MM-DD）"),
];

pub static SHEET_EN: SheetStrings = SheetStrings {
    cannot_read: |reason| format!("cannot read: {reason}"),
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
    bad_condition: |reason| format!("cannot read the condition: {reason}"),
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
    help_headers: ["Sheet", "Column", "Required", "What it holds"],
    required_mark: "required",
    help: HELP_EN,
    help_csv: "As CSV: one file of sections, each starting with a row [項目], [評価], [部署], [得点区分], [入力欄] or [概要]; the next row is its header, then its rows. Errors name file:section!column+line (the file's line).",
    score: "score",
    band: "band",
    average: "average",
    unanswered_row: "not answered",
    answered_row: "answered",
    provisional: |n| format!(" ({n} items unanswered: provisional)"),
};

const HELP_EN: &[(&str, &str, &str)] = &[
    (
        "概要",
        "項目",
        "Two rows, チェックリストID and 名称 (the id defaults to the file name)",
    ),
    ("概要", "内容", "Their values"),
    (
        "項目",
        "領域",
        "The area's id (I, II…); keep an area's items together",
    ),
    (
        "項目",
        "領域名",
        "The area's title, on its first row at least",
    ),
    (
        "項目",
        "項目ID",
        "The item's id (I-1…), unique among areas and items",
    ),
    ("項目", "項目", "The audit item"),
    (
        "項目",
        "ヒアリングの観点",
        "What to ask and look at (optional)",
    ),
    (
        "項目",
        "適用条件",
        "Blank: every department. A tag name: departments with that tag. Or Tag(\"x\"), Any([...]), All([...]), Not(...), Answer(\"M-1\", \"いいえ\"), AnswerMeans(\"C-1\", NotApplicable) on an earlier item",
    ),
    (
        "項目",
        "対象部署",
        "Names or short names of the departments the item applies to, comma-separated (blank: all)",
    ),
    ("評価", "記号", "The symbol in the matrix"),
    (
        "評価",
        "ASCII",
        "Its ASCII form (may be blank when the symbol is ASCII)",
    ),
    ("評価", "名称", "The mark's label"),
    (
        "評価",
        "キー",
        "The key that records it; keys the screens use are refused",
    ),
    (
        "評価",
        "意味",
        "適合, 指導により改善, 要改善, 該当なし or 不明 (or Compliant, ImprovedUnderGuidance, NeedsImprovement, NotApplicable, Unknown)",
    ),
    ("評価", "重大度", "For 要改善: 1 the mildest"),
    (
        "評価",
        "点数",
        "Points (a whole number, may be negative); a mark without points is left out of the maximum",
    ),
    (
        "評価",
        "入力欄",
        "Ids of the answer fields this mark asks for, comma-separated",
    ),
    ("部署", "部署名", "The department's name"),
    ("部署", "略称", "Its short name (defaults to the name)"),
    ("部署", "タグ", "Tags for conditions, comma-separated"),
    ("部署", "備考", "Free text"),
    (
        "得点区分",
        "下限",
        "Lowest percent of the maximum (blank: none)",
    ),
    ("得点区分", "上限", "Highest percent (blank: none)"),
    ("得点区分", "区分", "The band's label"),
    ("得点区分", "助言", "Advice for departments in the band"),
    ("入力欄", "ID", "The id marks use in 入力欄"),
    ("入力欄", "名称", "Its label (確認日…)"),
    ("入力欄", "種類", "文字 (text) or 日付 (a date, YYYY-MM-DD)"),
];

// ---------------------------------------------------------------------------------
// Review, sign-off, verify, reopen and history: the words of the record, for the
// command line now and the screens later. Kept apart from `Strings` so that the two
// grow without touching each other.

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
    /// `kansa sign` refused: the round names no one who may sign.
    pub no_signers: fn(&str) -> String,
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
    no_signers: |name| {
        format!(
            "{name} は署名できません。この監査には監査担当者も監査実施責任者も登録されていません（kansa new の --auditor・--lead か、画面の監査情報で登録してください）"
        )
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
        Reason::FollowUpOpen(finding) => format!(
            "前回の指摘事項 #{finding} のフォローアップが未設定です（改善済・一部改善・未改善）"
        ),
        Reason::NoSelfCheck => "自己点検シートが未提出です".into(),
        Reason::Conflict { place, values } => (TEAM_JA.conflict)(place, values),
    }
}

/// A fact's label in English reports.
fn en_report_fact(field: FactField) -> &'static str {
    match field {
        FactField::Title => "Audit",
        FactField::Date => "Audit date",
        FactField::Auditors => "Auditors",
        FactField::Lead => "Lead auditor",
        FactField::Purpose => "Purpose",
        FactField::Scope => "Scope",
        FactField::Method => "Method",
        FactField::Subjects => "Subjects",
        FactField::Criteria => "Criteria",
        FactField::Schedule => "Schedule",
        FactField::ReportDate => "Report date",
        FactField::Division => "Audit division",
        FactField::Overall => "Overall assessment",
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
        Changed::FollowUps => "前回の指摘事項のフォローアップ".to_string(),
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
            ..
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
        Change::Field {
            department,
            item,
            field,
            from,
            to,
        } => format!(
            "{department} {item} {field}: {} → {}",
            from.as_deref().unwrap_or("（なし）"),
            to.as_deref().unwrap_or("（なし）")
        ),
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
        Change::FollowUp {
            department,
            area,
            finding,
            from,
            to,
        } => {
            let state = |s: &FollowUpState| {
                let status = (ROUND_JA.status)(s.status);
                match s.note.is_empty() {
                    true => status.to_string(),
                    false => format!("{status}（{}）", one_line(&s.note)),
                }
            };
            format!(
                "{department} 領域{area} 前回の指摘事項 #{finding} のフォローアップ: {} → {}",
                state(from),
                state(to)
            )
        }
        Change::SelfCheck {
            department,
            from,
            to,
        } => {
            let file = |c: &Option<Box<SelfCheck>>| {
                c.as_ref().map_or("なし".to_string(), |c| {
                    format!("{}（{}）", c.file, short_digest(&c.digest))
                })
            };
            format!("{department} 自己評価: {} → {}", file(from), file(to))
        }
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
    no_signers: |name| {
        format!(
            "{name} cannot sign: this round names no auditors and no lead auditor (kansa new --auditor/--lead, or the audit facts on screen)"
        )
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
        Reason::FollowUpOpen(finding) => format!(
            "last round's finding #{finding} has no follow-up status (improved, partly, not improved)"
        ),
        Reason::NoSelfCheck => "no self-check sheet returned".into(),
        Reason::Conflict { place, values } => (TEAM_EN.conflict)(place, values),
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
        Changed::FollowUps => "follow-up of last round's findings".to_string(),
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
            ..
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
        Change::Field {
            department,
            item,
            field,
            from,
            to,
        } => format!(
            "{department} {item} {field}: {} → {}",
            from.as_deref().unwrap_or("(none)"),
            to.as_deref().unwrap_or("(none)")
        ),
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
        Change::FollowUp {
            department,
            area,
            finding,
            from,
            to,
        } => {
            let state = |s: &FollowUpState| {
                let status = (ROUND_EN.status)(s.status);
                match s.note.is_empty() {
                    true => status.to_string(),
                    false => format!("{status} ({})", one_line(&s.note)),
                }
            };
            format!(
                "{department} area {area} last round's finding #{finding} follow-up: {} → {}",
                state(from),
                state(to)
            )
        }
        Change::SelfCheck {
            department,
            from,
            to,
        } => {
            let file = |c: &Option<Box<SelfCheck>>| {
                c.as_ref().map_or("(none)".to_string(), |c| {
                    format!("{} ({})", c.file, short_digest(&c.digest))
                })
            };
            format!(
                "{department} self-assessment: {} → {}",
                file(from),
                file(to)
            )
        }
    }
}

/// Every word the committee's documents print (結果一覧, 実施報告書), once per language.
/// Kept apart from the screens' `Strings`: reports are read on paper, by the committee.
pub struct ReportWords {
    /// The document's language tag (HTML `lang`).
    pub tag: &'static str,
    /// Report names; also the XLSX sheet names (at most 31 characters).
    pub matrix: &'static str,
    pub summary: &'static str,
    pub overview_sheet: &'static str,
    /// The document title: the audit's title and the report's name.
    pub title: fn(&str, &str) -> String,
    /// A date as the documents write it (Japanese: 令和6年9月27日（金）; English: ISO).
    pub date: fn(chrono::NaiveDate) -> String,
    pub date_line: fn(&str) -> String,
    pub no_date: &'static str,
    pub item_id: &'static str,
    pub item_text: &'static str,
    pub audit_item: &'static str,
    pub area_heading: fn(&str, &str) -> String,
    pub remark: &'static str,
    pub legend: &'static str,
    /// One step of the legend: symbol and label (○：適正).
    pub legend_entry: fn(&str, &str) -> String,
    pub legend_separator: &'static str,
    pub unanswered: &'static str,
    pub department: &'static str,
    pub area: &'static str,
    pub total: &'static str,
    pub counts_by_department: &'static str,
    pub counts_by_area: &'static str,
    pub overview: &'static str,
    pub needing_departments: &'static str,
    pub complying: &'static str,
    pub needing: &'static str,
    pub improvements: &'static str,
    pub none: &'static str,
    /// Separates department names in one cell (、).
    pub list_separator: &'static str,
    /// A department's note in the 改善内容 column.
    pub note: fn(&str, &str) -> String,
    /// Departments not answered yet, in the 改善内容 column of a draft.
    pub unanswered_list: fn(&str) -> String,
    /// A department and the items it must improve, in the 総評 figures.
    pub needing_items: fn(&str, &str) -> String,
    /// Page footer of the spreadsheet (Excel codes: &P page, &N pages).
    pub xlsx_footer: &'static str,
    /// Page footer of the Word document, around the page and page-count fields.
    pub page_of: (&'static str, &'static str, &'static str),
    /// The 結果報告書: the report's name (and sheet name), and one department's title.
    pub departments: &'static str,
    pub department_report: fn(&str) -> String,
    /// Every report in one document or workbook.
    pub all: &'static str,
    /// The label of a row of the facts tables (監査目的, 被監査部門, …).
    pub fact: fn(crate::export::model::FactLabel) -> &'static str,
    /// An area's heading in a 結果報告書 (○人的セキュリティに関して).
    pub about_area: fn(&str) -> String,
    pub observation: &'static str,
    pub findings: &'static str,
    /// The 指摘事項 line of an area: its findings, or なし.
    pub findings_line: fn(&str) -> String,
    pub report_date_line: fn(&str) -> String,
    pub outline: &'static str,
    pub overall: &'static str,
    /// The columns of the 結果報告書 as CSV.
    pub section: &'static str,
    pub entry: &'static str,
    pub content: &'static str,
    /// What an unsigned session's reports say on every page.
    pub draft: &'static str,
    /// The watermark across a draft's pages: one short word.
    pub draft_mark: &'static str,
    /// The footer of a signed session's reports: signer, time, short digest.
    pub signed: fn(&str, &str, &str) -> String,
}

impl Lang {
    pub fn report_words(self) -> &'static ReportWords {
        match self {
            Lang::Ja => &REPORT_JA,
            Lang::En => &REPORT_EN,
        }
    }
}

pub static REPORT_JA: ReportWords = ReportWords {
    tag: "ja",
    matrix: "結果一覧",
    summary: "実施報告書",
    overview_sheet: "総評の集計",
    title: |audit, report| format!("{audit} {report}"),
    date: crate::wareki::format_with_weekday,
    date_line: |date| format!("監査実施日：{date}"),
    no_date: "（未設定）",
    item_id: "項番",
    item_text: "監査内容",
    audit_item: "監査項目",
    area_heading: |id, title| format!("{id} {title}"),
    remark: "備考",
    legend: "凡例",
    legend_entry: |symbol, label| format!("{symbol}：{label}"),
    legend_separator: " ",
    unanswered: "未回答",
    department: "部署",
    area: "領域",
    total: "計",
    counts_by_department: "部署別の評価件数",
    counts_by_area: "領域別の評価件数",
    overview: "総評のための集計",
    needing_departments: "改善を要する項目のある課",
    complying: "適正に実施している課",
    needing: "改善が必要な課",
    improvements: "改善内容等",
    none: "なし",
    list_separator: "、",
    note: |department, note| format!("{department}：{note}"),
    unanswered_list: |departments| format!("未回答：{departments}"),
    needing_items: |department, items| format!("{department}：{items}"),
    xlsx_footer: "&P / &N ページ",
    page_of: ("", " / ", " ページ"),
    departments: "結果報告書",
    department_report: |name| format!("情報セキュリティ内部監査結果報告書（{name}）"),
    all: "監査報告",
    fact: |label| match label {
        FactLabel::Fact(field) => ja_fact(field),
        FactLabel::Audited => "被監査部門",
        FactLabel::Departments => "監査対象課",
    },
    about_area: |title| format!("○{title}に関して"),
    observation: "所見",
    findings: "指摘事項",
    findings_line: |list| format!("指摘事項：{list}"),
    report_date_line: |date| format!("報告日：{date}"),
    outline: "監査概要",
    overall: "総評",
    section: "区分",
    entry: "項目",
    content: "内容",
    draft: "下書き（署名前・提出不可）",
    draft_mark: "下書き",
    signed: |by, at, digest| format!("署名：{by}　{at}　ダイジェスト：{digest}"),
};

pub static REPORT_EN: ReportWords = ReportWords {
    tag: "en",
    matrix: "Results matrix",
    summary: "Audit summary",
    overview_sheet: "Figures",
    title: |audit, report| format!("{audit} — {report}"),
    date: |date| date.format("%Y-%m-%d").to_string(),
    date_line: |date| format!("Audit date: {date}"),
    no_date: "(not set)",
    item_id: "No.",
    item_text: "Audit item",
    audit_item: "Audit item",
    area_heading: |id, title| format!("{id} {title}"),
    remark: "Remarks",
    legend: "Legend",
    legend_entry: |symbol, label| format!("{symbol}: {label}"),
    legend_separator: "   ",
    unanswered: "Not answered",
    department: "Department",
    area: "Area",
    total: "Total",
    counts_by_department: "Marks per department",
    counts_by_area: "Marks per area",
    overview: "Figures for the overall assessment",
    needing_departments: "Departments with items needing improvement",
    complying: "Departments complying",
    needing: "Departments needing improvement",
    improvements: "Improvements",
    none: "none",
    list_separator: ", ",
    note: |department, note| format!("{department}: {note}"),
    unanswered_list: |departments| format!("Not answered: {departments}"),
    needing_items: |department, items| format!("{department}: {items}"),
    xlsx_footer: "Page &P of &N",
    page_of: ("Page ", " of ", ""),
    departments: "Audit reports",
    department_report: |name| format!("Information security audit report: {name}"),
    all: "Audit reports",
    fact: |label| match label {
        FactLabel::Fact(field) => en_report_fact(field),
        FactLabel::Audited => "Department audited",
        FactLabel::Departments => "Departments audited",
    },
    about_area: |title| title.to_string(),
    observation: "Observations",
    findings: "Findings",
    findings_line: |list| format!("Findings: {list}"),
    report_date_line: |date| format!("Report date: {date}"),
    outline: "Audit outline",
    overall: "Overall assessment",
    section: "Section",
    entry: "Entry",
    content: "Content",
    draft: "DRAFT (not signed off)",
    draft_mark: "DRAFT",
    signed: |by, at, digest| format!("Signed off by {by} at {at}, digest {digest}"),
};

/// The words of working as a team: parts, merges, conflicts, imports.
pub struct TeamWords {
    /// A place in conflict and each writer's value: what, who wrote which value.
    pub conflict: fn(&MergePlace, &[(String, String)]) -> String,
    pub merge_error: fn(&MergeError) -> String,
    /// Changes taken in, conflicts.
    pub merged: fn(usize, usize) -> String,
    /// A session id already in the data directory.
    pub exists: fn(&str) -> String,
    /// An id that would name a file outside the data directory.
    pub bad_id: fn(&str) -> String,
    /// `kansa resolve` found no conflict at the place given.
    pub no_conflict: &'static str,
    /// `kansa resolve --keep NAME`: NAME wrote no value in conflict there.
    pub no_value_by: fn(&str) -> String,
    /// `kansa resolve` was given neither --item nor --area.
    pub resolve_where: &'static str,
}

impl Lang {
    pub fn team_words(self) -> &'static TeamWords {
        match self {
            Lang::Ja => &TEAM_JA,
            Lang::En => &TEAM_EN,
        }
    }
}

fn written_values(values: &[(String, String)], none: &str) -> String {
    values
        .iter()
        .map(|(by, value)| {
            let value = if value.is_empty() { none } else { value };
            format!("{by}「{value}」")
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn ja_place(place: &MergePlace) -> String {
    match place {
        MergePlace::Mark(..) => "評価".into(),
        MergePlace::Note(..) => "メモ".into(),
        MergePlace::Field(_, _, field) => format!("入力欄 {field}"),
        MergePlace::Fact(field) | MergePlace::DepartmentFact(_, field) => ja_fact(*field).into(),
        MergePlace::Observation(..) => "所見".into(),
        MergePlace::Finding(_, _, id) => format!("指摘事項 #{id}"),
        MergePlace::Dismissal(..) => "提案の却下".into(),
        MergePlace::SelfCheck(..) => "自己評価".into(),
        MergePlace::FollowUp(_, _, id) => format!("前回の指摘事項 #{id} のフォローアップ"),
    }
}

fn en_place(place: &MergePlace) -> String {
    match place {
        MergePlace::Mark(..) => "mark".into(),
        MergePlace::Note(..) => "note".into(),
        MergePlace::Field(_, _, field) => format!("field {field}"),
        MergePlace::Fact(field) | MergePlace::DepartmentFact(_, field) => en_fact(*field).into(),
        MergePlace::Observation(..) => "所見 (observation)".into(),
        MergePlace::Finding(_, _, id) => format!("finding #{id}"),
        MergePlace::Dismissal(..) => "dismissal of the proposal".into(),
        MergePlace::SelfCheck(..) => "self-assessment".into(),
        MergePlace::FollowUp(_, _, id) => format!("follow-up of last round's finding #{id}"),
    }
}

pub static TEAM_JA: TeamWords = TeamWords {
    conflict: |place, values| {
        format!(
            "競合（{}）: {} — kansa resolve で選ぶか、新しい値を記録してください",
            ja_place(place),
            written_values(values, "（なし）")
        )
    },
    merge_error: |error| match error {
        MergeError::Signed(by) => {
            format!(
                "{by} が署名済みのため取り込めません。理由を付けて再開（kansa reopen）してください"
            )
        }
        MergeError::TheirsSigned(by) => {
            format!("ファイルは {by} が署名済みのため取り込めません。理由を付けて再開してください")
        }
        MergeError::OtherRound { ours, theirs } => {
            format!("別の監査のファイルです（セッション {ours}、ファイル {theirs}）")
        }
        MergeError::OtherChecklist => "チェックリストがセッションのものと異なります".into(),
        MergeError::Damaged(refusal) => format!("取り込めない変更があります: {refusal}"),
    },
    merged: |added, conflicts| format!("{added} 件の変更を取り込みました（競合 {conflicts} 件）"),
    exists: |id| {
        format!("セッション {id} は既にあります。kansa merge {id} FILE で取り込んでください")
    },
    bad_id: |id| format!("セッションの id {id:?} はデータディレクトリの外を指すため受け付けません"),
    no_conflict: "指定の場所に競合はありません",
    no_value_by: |by| format!("{by} の値はこの競合にありません"),
    resolve_where: "--item または --area を指定してください",
};

pub static TEAM_EN: TeamWords = TeamWords {
    conflict: |place, values| {
        format!(
            "conflict ({}): {} — choose with kansa resolve, or record a new value",
            en_place(place),
            written_values(values, "(none)")
        )
    },
    merge_error: |error| match error {
        MergeError::Signed(by) => {
            format!("signed off by {by}: reopen it, with a reason, before merging")
        }
        MergeError::TheirsSigned(by) => {
            format!("the file is signed off by {by}: reopen it, with a reason, before merging")
        }
        MergeError::OtherRound { ours, theirs } => {
            format!("another round: the session is {ours}, the file is {theirs}")
        }
        MergeError::OtherChecklist => "the file follows another checklist than the session".into(),
        MergeError::Damaged(refusal) => {
            format!("the file holds a change the session cannot take: {refusal}")
        }
    },
    merged: |added, conflicts| format!("merged {added} changes ({conflicts} conflicts)"),
    exists: |id| {
        format!("session {id} is already here: bring the file in with kansa merge {id} FILE")
    },
    bad_id: |id| format!("session id {id:?} would name a file outside the data directory"),
    no_conflict: "no conflict there",
    no_value_by: |by| format!("{by} wrote no value in this conflict"),
    resolve_where: "give --item or --area",
};

// ---------------------------------------------------------------------------------
// The screens of the record: the department sheet, review, history and facts.

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
    pub fact_editing: fn(&str) -> String,
    pub bad_date: &'static str,
    pub draft_restored: &'static str,
    pub search: &'static str,
    pub findings_list: &'static str,
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

pub static RECORD_JA: RecordStrings = RecordStrings {
    sheet_title: |name| format!("所見・指摘事項 — {name}"),
    observation: "所見",
    not_written: "（未記入）",
    findings: "指摘事項",
    none: "なし",
    proposals: "指摘事項の提案（a 採用・Enter 修正して採用・d 却下）",
    marks_and_notes: "評価とメモ",
    observation_editing: |area| format!("所見を編集: {area}"),
    finding_editing: "指摘事項を編集",
    not_here: "この行では使えません",
    review_title: "署名前の確認",
    counts: |blockers, warnings| format!("要対応 {blockers} 件・確認 {warnings} 件"),
    can_sign: "要対応はありません。s で署名できます",
    unsigned: "未署名",
    signed: |by, at| format!("署名済　{by}　{at}（R で再開）"),
    signed_digest: |digest| format!("ダイジェスト {digest}"),
    signer: "署名者",
    signed_now: |digest| format!("署名しました。ダイジェスト {digest}"),
    reopen_reason: "再開の理由（必須）",
    already_signed: "署名済みです。変更するには R で再開してください",
    history_cell: |department, item| format!("履歴 — {department} {item}（H で全体）"),
    history_all: "履歴 — セッション全体（H でこのセル）",
    no_history: "変更はありません",
    facts_title: "監査情報",
    department_facts: |name| format!("{name} の監査範囲・監査実施日程"),
    as_round: "（全体と同じ）",
    fact_editing: |field| format!("{field}を編集"),
    bad_date: "日付は 2024/9/27、令和6年9月27日、R6.9.27 のように入力してください",
    draft_restored: "保存されていなかった入力を復元しました（Esc で保存）",
    search: "検索（項目・メモ・所見）",
    findings_list: "△・× とメモ（項目ごと）",
    finding_items: "対象項目（Enter で切替）",
    signed_banner: |by, at, digest| format!("署名済（{by}、{at}、ダイジェスト {digest}…）"),
    seal_title: "署名の確認",
    seal_signer: |by| format!("署名者: {by}"),
    seal_cells: |departments, cells, answered| {
        format!("封印する内容: {departments} 部署・{cells} セル（回答済 {answered}）")
    },
    seal_sheets: |observations, findings| {
        format!("　　　　　　　所見 {observations} 件・指摘事項 {findings} 件・監査情報")
    },
    seal_frozen: "署名すると記録は凍結され、変更には理由を付けた再開（R）が必要になります。",
    seal_digest: "ダイジェストは署名の後に表示されます。",
    no_signers: "署名できる人がいません。監査情報（i）で監査担当者か監査実施責任者を入力してください",
    no_reason: "理由がないため再開していません（R でもう一度）",
};

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
    fact_editing: |field| format!("Edit {field}"),
    bad_date: "Enter dates as 2024/9/27, 令和6年9月27日 or R6.9.27",
    draft_restored: "Unsaved note restored (Esc saves it)",
    search: "Search (items, notes, observations)",
    findings_list: "△/× cells and notes, by item",
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

/// The words of rounds over time: the previous answer beside the current one, the
/// matrix compared, follow-ups of earlier 指摘事項, the comparison report.
pub struct RoundWords {
    /// The item view's line of the earlier answer.
    pub previous: &'static str,
    pub previous_none: &'static str,
    pub text_changed: &'static str,
    /// A follow-up's status; None: not yet set.
    pub status: fn(Option<FollowUpStatus>) -> &'static str,
    /// The matrix's title in compare mode: how a cell reads.
    pub compare_legend: &'static str,
    /// The follow-up list's title, given the department's name.
    pub followups_title: fn(&str) -> String,
    pub no_followups: &'static str,
    pub no_previous: &'static str,
    pub followup_note: &'static str,
    /// The comparison report's name, and its line naming the earlier round.
    pub compare_report: &'static str,
    pub previous_round: fn(&str, &str) -> String,
    pub cells_heading: &'static str,
    /// Department, area, item, previous, current, trend.
    pub cell_columns: [&'static str; 6],
    pub trend: fn(Trend) -> &'static str,
    pub counts_heading: &'static str,
    /// Department, area, improved, worsened, unchanged.
    pub count_columns: [&'static str; 5],
    pub all_areas: &'static str,
    pub followups_heading: &'static str,
    /// Department, area, number, items, finding, status, note.
    pub followup_columns: [&'static str; 7],
    pub checklist_heading: &'static str,
    pub changed_item: fn(&str) -> String,
    pub added_item: fn(&str) -> String,
    pub removed_item: fn(&str, &str) -> String,
    pub unanswered: &'static str,
}

impl Lang {
    pub fn round_words(self) -> &'static RoundWords {
        match self {
            Lang::Ja => &ROUND_JA,
            Lang::En => &ROUND_EN,
        }
    }
}

pub static ROUND_JA: RoundWords = RoundWords {
    previous: "前回",
    previous_none: "前回の回答なし",
    text_changed: "（前回から項目の文言が変わりました）",
    status: |status| match status {
        Some(FollowUpStatus::Improved) => "改善済",
        Some(FollowUpStatus::Partly) => "一部改善",
        Some(FollowUpStatus::NotImproved) => "未改善",
        None => "未設定",
    },
    compare_legend: "前回比較: 前回・今回の順、+ 改善 - 悪化",
    followups_title: |department| format!("{department} 前回の指摘事項のフォローアップ"),
    no_followups: "この部署には前回の指摘事項がありません",
    no_previous: "このセッションは前回から作成されていません（kansa new --from）",
    followup_note: "フォローアップのメモ",
    compare_report: "前回比較",
    previous_round: |title, id| format!("前回: {title}（{id}）"),
    cells_heading: "部署・項目ごとの比較",
    cell_columns: ["部署", "領域", "項目", "前回", "今回", "変化"],
    trend: |trend| match trend {
        Trend::Improved => "改善",
        Trend::Worsened => "悪化",
        Trend::Unchanged => "変化なし",
        Trend::Other => "変更",
        Trend::Pending => "未回答",
        Trend::New => "新規",
    },
    counts_heading: "部署・領域ごとの件数",
    count_columns: ["部署", "領域", "改善", "悪化", "変化なし"],
    all_areas: "計",
    followups_heading: "前回の指摘事項のフォローアップ",
    followup_columns: ["部署", "領域", "番号", "項目", "指摘事項", "状況", "メモ"],
    checklist_heading: "チェックリストの変更",
    changed_item: |id| format!("{id}: 文言を変更"),
    added_item: |id| format!("{id}: 新規の項目"),
    removed_item: |id, text| format!("{id}: 削除された項目（{text}）"),
    unanswered: "未回答",
};

pub static ROUND_EN: RoundWords = RoundWords {
    previous: "Last round",
    previous_none: "no answer last round",
    text_changed: "(the item's text changed since)",
    status: |status| match status {
        Some(FollowUpStatus::Improved) => "improved",
        Some(FollowUpStatus::Partly) => "partly improved",
        Some(FollowUpStatus::NotImproved) => "not improved",
        None => "open",
    },
    compare_legend: "compared: last round then now, + improved - worsened",
    followups_title: |department| format!("{department}: follow-up of last round's findings"),
    no_followups: "This department had no findings last round",
    no_previous: "This session was not started from an earlier round (kansa new --from)",
    followup_note: "Follow-up note",
    compare_report: "Comparison with the last round",
    previous_round: |title, id| format!("Last round: {title} ({id})"),
    cells_heading: "By department and item",
    cell_columns: ["Department", "Area", "Item", "Last round", "Now", "Change"],
    trend: |trend| match trend {
        Trend::Improved => "improved",
        Trend::Worsened => "worsened",
        Trend::Unchanged => "unchanged",
        Trend::Other => "changed",
        Trend::Pending => "not answered",
        Trend::New => "new",
    },
    counts_heading: "Counts by department and area",
    count_columns: ["Department", "Area", "Improved", "Worsened", "Unchanged"],
    all_areas: "Total",
    followups_heading: "Follow-up of last round's findings",
    followup_columns: [
        "Department",
        "Area",
        "No.",
        "Items",
        "Finding",
        "Status",
        "Note",
    ],
    checklist_heading: "Changes to the checklist",
    changed_item: |id| format!("{id}: text changed"),
    added_item: |id| format!("{id}: new item"),
    removed_item: |id, text| format!("{id}: removed ({text})"),
    unanswered: "not answered",
};

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

// ---------------------------------------------------------------------------------
// Self-check sheets: the workbook departments fill in (its instructions are always
// Japanese: the departments are), what importing one says, and the report comparing
// the departments' own view with the audit's.

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
    pub cannot_read: fn(&str) -> String,
    pub not_selfcheck: &'static str,
    /// Found round id, this round's id.
    pub other_round: fn(&str, &str) -> String,
    pub other_department: fn(&str) -> String,
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

impl Lang {
    pub fn selfcheck_words(self) -> &'static SelfcheckWords {
        match self {
            Lang::Ja => &SELFCHECK_JA,
            Lang::En => &SELFCHECK_EN,
        }
    }
}

/// The workbook departments fill in is Japanese whatever the auditor's language.
const SHEET_INSTRUCTIONS: &[&str] = &[
    "自己点検シートの記入方法",
    "",
    "1. 部署名のシートを開き、各項目の「確認すること」を読んでください。",
    "2. 「評価」欄は一覧（▼）から選んでください。一覧にない値は取り込めません。",
    "3. 「コメント」欄には、実施状況や補足を記入してください（任意）。",
    "4. 分からない項目は空欄のままで構いません。空欄は「回答なし」として扱います。",
    "5. 評価欄とコメント欄のほかは変更できません。行やシートを追加・削除しないでください。",
    "6. 記入後、ファイル名を変えずに監査担当部門へ返送してください。",
    "",
    "ヒアリングでは、この自己点検の結果を確認しながら監査を行います。",
];
const SHEET_SHEET_TITLE: fn(&str, &str) -> String =
    |name, short| format!("自己点検シート　{name}（{short}）");
const SHEET_ROUND_LINE: fn(&str, &str) -> String =
    |title, id| format!("監査：{title}（監査ID {id}）");
const SHEET_SHEET_HINT: &str =
    "評価は一覧から選び、必要に応じてコメントを記入してください。ほかの欄は変更できません。";
const SHEET_CHOOSE_MARK: &str = "評価は一覧から選んでください。";

pub static SELFCHECK_JA: SelfcheckWords = SelfcheckWords {
    tag: "ja",
    instructions_sheet: "記入方法",
    instructions: SHEET_INSTRUCTIONS,
    sheet_title: SHEET_SHEET_TITLE,
    round_line: SHEET_ROUND_LINE,
    sheet_hint: SHEET_SHEET_HINT,
    choose_mark: SHEET_CHOOSE_MARK,
    cannot_read: |e| format!("ブックを読めません（壊れているか、XLSXではありません）: {e}"),
    not_selfcheck: "kansa の自己点検シートではありません（シート「kansa」がありません）",
    other_round: |found, id| format!("別の監査のシートです（監査ID {found}、この監査は {id}）"),
    other_department: |d| format!("この監査にない部署のシートです: {d}"),
    missing_sheet: |s| format!("シート「{s}」がありません"),
    no_header: "見出し行（項目ID・評価・コメント）がありません",
    not_an_item: |v| format!("この部署の点検項目ではありません: 「{v}」"),
    twice: |item| format!("{item} が2回あります"),
    unknown_mark: |v, labels| format!("評価「{v}」は評価基準にありません（{labels}）"),
    nothing_imported: |n| format!("問題が {n} 件あるため、何も取り込みませんでした"),
    imported: |d, n, of| format!("{d}: 自己評価 {n}/{of} 項目を取り込みました"),
    unchanged: |d| format!("{d}: 取り込み済みのファイルと同じです（変更なし）"),
    written: |path| format!("{path} を書き出しました"),
    unknown_department: |d| format!("この監査にない部署です: {d}"),
    not_docx: "自己評価と監査の比較は md・csv・xlsx・html で書き出します（xlsx は --report selfcheck-results）",
    report_title: |title| format!("{title} 自己評価と監査の比較"),
    report_sheet: "自己評価と監査",
    counts_heading: "部署ごとの一致",
    counts_header: [
        "部署",
        "提出",
        "一致",
        "不一致",
        "自己評価なし",
        "監査未回答",
    ],
    differences_heading: "自己評価と監査が異なる項目",
    differences_header: ["部署", "項目", "自己評価 → 監査", "部署のコメント"],
    missing_heading: "自己点検シートを提出していない部署",
    department: "部署",
    returned: "あり",
    not_returned: "なし",
    own_to_audit: |own, audit| format!("自己評価 {own} → 監査 {audit}"),
    none: "なし",
};

pub static SELFCHECK_EN: SelfcheckWords = SelfcheckWords {
    tag: "en",
    instructions_sheet: "記入方法",
    instructions: SHEET_INSTRUCTIONS,
    sheet_title: SHEET_SHEET_TITLE,
    round_line: SHEET_ROUND_LINE,
    sheet_hint: SHEET_SHEET_HINT,
    choose_mark: SHEET_CHOOSE_MARK,
    cannot_read: |e| format!("cannot read the workbook (damaged, or not XLSX): {e}"),
    not_selfcheck: "not a kansa self-check workbook (no sheet \"kansa\")",
    other_round: |found, id| format!("a sheet of another round ({found}; this round is {id})"),
    other_department: |d| format!("a sheet of a department not in this round: {d}"),
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
    report_title: |title| format!("{title} — self-assessment and audit"),
    report_sheet: "Self and audit",
    counts_heading: "Agreement per department",
    counts_header: [
        "Department",
        "Returned",
        "Agree",
        "Disagree",
        "No own mark",
        "Not audited",
    ],
    differences_heading: "Where the audit differs from the department's own view",
    differences_header: ["Department", "Item", "Own → audit", "Department's comment"],
    missing_heading: "Departments that returned no sheet",
    department: "Department",
    returned: "yes",
    not_returned: "no",
    own_to_audit: |own, audit| format!("self {own} → audit {audit}"),
    none: "none",
};

//! The screens' words in Japanese.

use super::ja_documents::ROUND_JA;
use super::ja_messages::MESSAGES_JA;
use super::ja_review::REVIEW_JA;
use super::lang::Lang;
use super::screens::{RecordStrings, Strings};
use crate::keymap::{Action, Group};

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
    findings_explain: |marks| format!("{} のセルとメモの一覧（項目ごと）", marks.join("・")),
    sessions: "監査セッション",
    no_sessions: "セッションはまだありません。n で新しく作成します。",
    data_folder: "データの保存先",
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
    improvements: "改善内容等",
    improvement_editing: |item| format!("{item} の改善内容等（実施報告書。空にすると各課のメモ）"),
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
    taken_in: |by, n| format!("{by} の変更 {n} 件を反映しました"),
    conflict_now: |department, place, by| {
        let by = by.join("、");
        format!("競合: {department} {place} を {by} も記録しました（r でレビュー）")
    },
    conflict_cell: |values| {
        let each: Vec<String> = (values.iter())
            .map(|(by, value)| format!("{by}「{value}」"))
            .collect();
        format!(
            "競合  {}（新しい値を記録すると決着します）",
            each.join(" / ")
        )
    },
    journal_damaged: |file| format!("読めないジャーナルを読み飛ばしています: {file}"),
    departments: "部署を切替",
    items: "項目へ移動",
    help: "ヘルプ",
    cannot_open: |reason| format!("開けません: {reason}"),
    matrix: "結果一覧",
    matrix_item: "監査項目",
    filter_mark: |mark| format!("{mark} のある項目"),
    graded_mark: |symbol, label| format!("{symbol}（{label}）"),
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
    attach_path: "証跡として添付するファイル（Enter で添付、Esc でやめる）",
    evidence_list: "証跡（Enter で開く、Esc で閉じる）",
    no_evidence: "ここに添付した証跡はありません（A で添付）",
    evidence_count: |n| format!("証跡: {n} 件（V で一覧）"),
    evidence_short: |n| format!("証跡{n}"),
    attached: |name, place| format!("{name} を {place} に添付しました"),
    opening: |name| format!("{name} を既定のアプリで開きます"),
    imported_selfcheck: |n| format!("{n} 部署の自己評価を取り込みました"),
    import_refused: |n, first| format!("取り込みませんでした（問題 {n} 件）: {first}"),
    gate_question: |items| {
        format!(
            "この回答で {items} は該当しなくなります。記録済みの評価を消して該当なしにしますか？ y: 消す  n: 残す"
        )
    },
    outside_question: |item, department, now, mark| {
        format!(
            "{item} は適用条件または対象部署により {department} には該当しません（{now}）。それでも「{mark}」をつけますか？ y: つける  n: やめる"
        )
    },
    score_line: |total, max, percent, band| format!("得点 {total}/{max} {percent} {band}"),
    provisional: |band| format!("暫定 {band}"),
    score: "得点",
    confirm: "確認",
    undo_elsewhere: |department, what| {
        format!("{department} の変更（{what}）を取り消して移動しますか？ y: はい  n: いいえ")
    },
    switched: |department| format!("{department}に切り替えました"),
    checklist_switched: |title| format!("チェックリスト「{title}」に切り替えました"),
    one_checklist: "この部署に使うチェックリストは一つだけです",
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

fn ja_moment(at: &crate::session::Timestamp, time: &str) -> String {
    let at = super::screens::local(at);
    format!(
        "{} {}",
        crate::wareki::format(at.date_naive()),
        at.format(time)
    )
}

pub(crate) fn ja_hint(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "評価して次へ",
        MarkCell => "評価",
        Previous => "前へ",
        Next => "次へ",
        EditNote => "メモ",
        GoToItem => "項目",
        SwitchDepartment => "部署",
        NextChecklist => "チェックリスト",
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
        EditImprovement => "改善内容等",
        FindingItems => "対象項目",
        ImportSelfcheck => "自己点検取込",
        AttachEvidence => "証跡添付",
        ShowEvidence => "証跡一覧",
        CompletePath => "補完",
    }
}

pub(crate) fn ja_explain(action: Action) -> &'static str {
    use Action::*;
    match action {
        MarkAndNext => "評価を記録して次の項目へ（キーはチェックリストの定義）",
        MarkCell => "このセルに評価を記録",
        Previous | Next => "評価せずに前後の項目へ",
        EditNote => "メモを編集（Esc で保存して戻る）",
        GoToItem => "項目を選んで移動",
        SwitchDepartment => "部署を切替（部署ごとの進捗つき）",
        NextChecklist => "この部署の次のチェックリストへ（回に複数あるとき）",
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
        FindingsList => "評価が要改善・指導により改善のセルとメモの一覧（項目ごと）",
        EditImprovement => {
            "この項目の改善内容等（実施報告書）を書く（各課のメモからの案で始まる。空にすると各課のメモ）"
        }
        FindingItems => "指摘事項の対象項目を追加・削除（選んだ項目を切替）",
        ImportSelfcheck => "部署から返送された自己点検シート（XLSX）を自己評価として取り込む",
        AttachEvidence => "このセル（シートでは領域）に証跡のファイルを添付",
        ShowEvidence => "添付した証跡の一覧（Enter で開く）",
        CompletePath => "入力中のファイル名・フォルダ名を補完",
    }
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
    from_profiles: |systems| format!("{systems}（各課の利用システムから）"),
    fact_editing: |field| format!("{field}を編集"),
    bad_date: "日付は 2024/9/27、令和6年9月27日、R6.9.27 のように入力してください",
    draft_restored: "保存されていなかった入力を復元しました（Esc で保存）",
    search: "検索（項目・メモ・所見）",
    findings_list: |marks| format!("{} とメモ（項目ごと）", marks.join("・")),
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

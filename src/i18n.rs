//! Every string the screen shows, once per language. Templates take `{}` in order.

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

/// Fills the `{}` of a template with `args`, in order.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut pieces = template.split("{}").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_some() {
            out.push_str(&args.next().map(|a| a.to_string()).unwrap_or_default());
        }
    }
    out
}

pub struct Strings {
    pub app: &'static str,
    pub too_small: &'static str,
    // Session list
    pub sessions: &'static str,
    pub no_sessions: &'static str,
    pub column_title: &'static str,
    pub column_status: &'static str,
    pub column_progress: &'static str,
    pub column_last_change: &'static str,
    pub status_open: &'static str,
    pub unreadable: &'static str,
    pub list_keys: &'static [(&'static str, &'static str)],
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
    pub form_keys: &'static [(&'static str, &'static str)],
    pub need_title: &'static str,
    pub bad_date: &'static str,
    pub need_department: &'static str,
    pub added_department: &'static str,
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
    pub hearing_keys: &'static [(&'static str, &'static str)],
    pub note_keys: &'static [(&'static str, &'static str)],
    pub mark_key_hint: &'static str,
    pub last_item: &'static str,
    pub first_item: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone: &'static str,
    pub read_only: &'static str,
    pub save_failed: &'static str,
    pub saved_again: &'static str,
    pub now_writable: &'static str,
    pub departments: &'static str,
    pub items: &'static str,
    pub picker_keys: &'static [(&'static str, &'static str)],
    pub help: &'static str,
    pub help_keys: &'static [(&'static str, &'static str)],
    pub cannot_open: &'static str,
    // Matrix
    pub matrix: &'static str,
    pub matrix_item: &'static str,
    pub filter_mark: &'static str,
    pub filter_unanswered: &'static str,
    pub filter_area: &'static str,
    pub marks_narrow: &'static str,
    pub marks_wide: &'static str,
    pub marks_ascii: &'static str,
    pub no_items: &'static str,
    pub progress: &'static str,
    pub matrix_keys: &'static [(&'static str, &'static str)],
    pub matrix_help_keys: &'static [(&'static str, &'static str)],
    pub settings_not_saved: &'static str,
}

pub static JA: Strings = Strings {
    app: "kansa 情報セキュリティ内部監査",
    too_small: "端末が小さすぎます。{}×{} 以上に広げてください（現在 {}×{}）",
    sessions: "監査セッション",
    no_sessions: "セッションはまだありません。n で新しく作成します。",
    column_title: "監査名",
    column_status: "状態",
    column_progress: "進捗",
    column_last_change: "最終更新",
    status_open: "実施中",
    unreadable: "読めないファイル",
    list_keys: &[
        ("↑↓", "選択"),
        ("Enter", "再開"),
        ("m", "結果一覧"),
        ("n", "新規"),
        ("q", "終了"),
    ],
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
    form_keys: &[
        ("Tab/↑↓", "項目移動"),
        ("Space", "選択切替"),
        ("Enter", "決定"),
        ("Esc", "戻る"),
    ],
    need_title: "監査名を入力してください",
    bad_date: "監査実施日は YYYY-MM-DD で入力してください",
    need_department: "被監査部門を一つ以上選んでください",
    added_department: "部署を追加しました: {}",
    overall: "全体",
    remark: "備考",
    guidance: "ヒアリングの観点",
    marks: "評価",
    current_mark: "現在",
    unanswered: "未回答",
    by_applicability: "（適用条件により設定）",
    note: "メモ",
    note_editing: "メモを編集中（Esc で保存して戻る）",
    hearing_keys: &[
        ("←→", "移動"),
        ("Enter", "メモ"),
        ("g", "項目"),
        ("d", "部署"),
        ("m", "結果一覧"),
        ("u", "取消"),
        ("?", "ヘルプ"),
        ("q", "終了"),
    ],
    note_keys: &[("Esc", "保存して戻る"), ("Enter", "改行")],
    mark_key_hint: "評価して次へ",
    last_item: "この部署の最後の項目です（d で部署を切替）",
    first_item: "最初の項目です",
    nothing_to_undo: "取り消す変更はありません",
    undone: "取り消しました: {}",
    read_only: "読み取り専用: このセッションは {} が編集中です",
    save_failed: "保存できません（{}）。未保存の変更 {} 件を保持して再試行しています",
    saved_again: "保存しました",
    now_writable: "編集できるようになりました（他の編集者が終了しました）",
    departments: "部署を切替",
    items: "項目へ移動",
    picker_keys: &[("↑↓", "選択"), ("Enter", "移動"), ("Esc", "閉じる")],
    help: "ヘルプ",
    help_keys: &[
        (
            "1 2 3 0 …",
            "評価を記録して次の項目へ（キーはチェックリストの定義）",
        ),
        ("← →", "評価せずに前後の項目へ"),
        ("Enter", "メモを編集（Esc で保存して戻る）"),
        ("g", "項目を選んで移動"),
        ("d", "部署を切替（部署ごとの進捗つき）"),
        ("m", "結果一覧（全部署の評価）"),
        ("u", "直前の変更を取り消す"),
        ("?", "このヘルプ"),
        ("q", "終了（回答は記録した時点で保存済み）"),
        ("Ctrl-C", "どこからでも終了（編集中のメモも保存）"),
    ],
    cannot_open: "開けません: {}",
    matrix: "結果一覧",
    matrix_item: "監査項目",
    filter_mark: "{} のある項目",
    filter_unanswered: "未回答のある項目",
    filter_area: "領域 {}",
    marks_narrow: "記号: 1文字幅",
    marks_wide: "記号: 2文字幅",
    marks_ascii: "記号: ASCII",
    no_items: "条件に合う項目はありません",
    progress: "進捗",
    matrix_keys: &[
        ("↑↓←→", "移動"),
        ("1 2 3 0", "評価"),
        ("Enter", "ヒアリング"),
        ("f", "評価で絞込"),
        ("a", "領域"),
        ("w", "記号の幅"),
        ("u", "取消"),
        ("?", "ヘルプ"),
        ("q", "終了"),
    ],
    matrix_help_keys: &[
        ("↑↓←→ hjkl", "セルを移動（PageUp/PageDown で1画面）"),
        ("Home End", "左上・右下の端へ"),
        ("1 2 3 0 …", "このセルに評価を記録"),
        ("Enter Esc m", "このセルのヒアリング画面へ"),
        (
            "f",
            "絞込: ○のある項目 → △ → × → - → 未回答のある項目 → すべて",
        ),
        ("a", "領域で絞込（順に切替）"),
        ("w", "記号の幅: 1文字幅 → 2文字幅 → ASCII（次回も使用）"),
        ("u", "直前の変更を取り消す"),
        ("q", "終了"),
        (
            "* ·",
            "* はメモあり、· は未回答、薄い記号は適用条件による該当なし",
        ),
    ],
    settings_not_saved: "設定を保存できません: {}",
};

pub static EN: Strings = Strings {
    app: "kansa information-security audit",
    too_small: "The terminal is too small. Make it at least {}×{} (now {}×{})",
    sessions: "Audit sessions",
    no_sessions: "No sessions yet. Press n to create one.",
    column_title: "Title",
    column_status: "Status",
    column_progress: "Progress",
    column_last_change: "Last change",
    status_open: "open",
    unreadable: "Unreadable file",
    list_keys: &[
        ("↑↓", "select"),
        ("Enter", "resume"),
        ("m", "matrix"),
        ("n", "new"),
        ("q", "quit"),
    ],
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
    form_keys: &[
        ("Tab/↑↓", "field"),
        ("Space", "toggle"),
        ("Enter", "confirm"),
        ("Esc", "back"),
    ],
    need_title: "Enter a title",
    bad_date: "Enter the audit date as YYYY-MM-DD",
    need_department: "Choose at least one department",
    added_department: "Added department: {}",
    overall: "Overall",
    remark: "Remark",
    guidance: "Hearing guidance",
    marks: "Mark",
    current_mark: "Now",
    unanswered: "not answered",
    by_applicability: "(set by applicability)",
    note: "Note",
    note_editing: "Editing the note (Esc saves and leaves)",
    hearing_keys: &[
        ("←→", "move"),
        ("Enter", "note"),
        ("g", "item"),
        ("d", "department"),
        ("m", "matrix"),
        ("u", "undo"),
        ("?", "help"),
        ("q", "quit"),
    ],
    note_keys: &[("Esc", "save and leave"), ("Enter", "new line")],
    mark_key_hint: "mark and go on",
    last_item: "Last item of this department (d switches department)",
    first_item: "First item",
    nothing_to_undo: "Nothing to undo",
    undone: "Undone: {}",
    read_only: "Read-only: this session is being edited by {}",
    save_failed: "Cannot save ({}). Keeping {} unsaved changes and retrying",
    saved_again: "Saved",
    now_writable: "You can edit now (the other editor has left)",
    departments: "Switch department",
    items: "Go to item",
    picker_keys: &[("↑↓", "select"), ("Enter", "go"), ("Esc", "close")],
    help: "Help",
    help_keys: &[
        (
            "1 2 3 0 …",
            "record the mark and go to the next item (keys come from the checklist)",
        ),
        ("← →", "previous / next item without marking"),
        ("Enter", "edit the note (Esc saves and leaves)"),
        ("g", "choose an item to go to"),
        ("d", "switch department (with each one's progress)"),
        ("m", "the results matrix (every department's marks)"),
        ("u", "undo the last change"),
        ("?", "this help"),
        ("q", "quit (answers are saved as they are recorded)"),
        ("Ctrl-C", "quit from anywhere (a note being typed is saved)"),
    ],
    cannot_open: "Cannot open: {}",
    matrix: "Results matrix",
    matrix_item: "Audit item",
    filter_mark: "items with {}",
    filter_unanswered: "items not fully answered",
    filter_area: "area {}",
    marks_narrow: "marks: narrow",
    marks_wide: "marks: wide",
    marks_ascii: "marks: ASCII",
    no_items: "No items match",
    progress: "Progress",
    matrix_keys: &[
        ("↑↓←→", "move"),
        ("1 2 3 0", "mark"),
        ("Enter", "hearing"),
        ("f", "filter by mark"),
        ("a", "area"),
        ("w", "mark width"),
        ("u", "undo"),
        ("?", "help"),
        ("q", "quit"),
    ],
    matrix_help_keys: &[
        ("↑↓←→ hjkl", "move the cell (PageUp/PageDown by a screen)"),
        ("Home End", "to the top-left / bottom-right corner"),
        ("1 2 3 0 …", "record the mark in this cell"),
        ("Enter Esc m", "the hearing at this cell"),
        (
            "f",
            "filter: items with ○ → △ → × → - → not fully answered → all",
        ),
        ("a", "filter by area (cycles)"),
        ("w", "mark width: narrow → wide → ASCII (remembered)"),
        ("u", "undo the last change"),
        ("q", "quit"),
        (
            "* ·",
            "* has a note, · not answered, dim marks set by applicability",
        ),
    ],
    settings_not_saved: "Cannot save the settings: {}",
};

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
    fn both_languages_have_the_same_keys_in_help() {
        assert_eq!(JA.help_keys.len(), EN.help_keys.len());
        let keys = |s: &Strings| s.hearing_keys.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&JA), keys(&EN));
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(fill("{}×{} now", &[&80, &24]), "80×24 now");
        assert_eq!(fill("no args", &[]), "no args");
    }
}

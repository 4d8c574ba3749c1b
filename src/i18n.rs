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
    // kansa list, validate and new
    pub list_header: [&'static str; 5],
    pub status_open: &'static str,
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
    pub csv_matrix_only: &'static str,
    pub format_not_yet: fn(format: &str) -> String,
    pub csv_failed: fn(reason: &str) -> String,
    pub terminal: fn(reason: &str) -> String,
    pub stdout: &'static str,
    // The store
    pub locked: fn(id: &str, holder: &str) -> String,
    pub no_session: fn(id: &str) -> String,
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
}

pub static MESSAGES_JA: Messages = Messages {
    list_header: ["ID", "監査名", "状態", "進捗", "最終更新"],
    status_open: "実施中",
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
    csv_matrix_only: "CSV で出力できるのは結果一覧だけです。--report matrix を指定してください",
    format_not_yet: |format| format!("--format {format} はまだ使えません。csv を指定してください"),
    csv_failed: |reason| format!("CSV を作成できません（{reason}）"),
    terminal: |reason| format!("端末を使えません（{reason}）"),
    stdout: "標準出力",
    locked: |id, holder| format!("セッション {id} は {holder} が編集中です"),
    no_session: |id| format!("セッション {id} はありません"),
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
    list_header: ["ID", "TITLE", "STATUS", "PROGRESS", "LAST CHANGE"],
    status_open: "open",
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
    csv_matrix_only: "CSV holds the matrix only: use --report matrix",
    format_not_yet: |format| format!("--format {format} is not available yet; use csv"),
    csv_failed: |reason| reason.to_string(),
    terminal: |reason| format!("terminal: {reason}"),
    stdout: "stdout",
    locked: |id, holder| format!("session {id} is open for writing by {holder}"),
    no_session: |id| format!("no session {id}"),
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

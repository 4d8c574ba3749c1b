//! The command line's words and every error's template in Japanese.

use super::ja_common::{quoted, quoted_char};
use super::ja_errors::{ja_date, ja_export, ja_refusal, ja_rule};
use super::ja_review::{REVIEW_JA, TEAM_JA};
use super::messages::{Messages, SelfcheckMessages, SheetMessages};
use crate::sheet::layout::ABOUT_FACTS;

pub static MESSAGES_JA: Messages = Messages {
    list_separator: "、",
    not_hearable: |id| format!("セッション {id} にはヒアリングする項目か部署がありません"),
    no_department: |name, id| format!("セッション {id} に部署「{name}」はありません"),
    rule: ja_rule,
    refusal: ja_refusal,
    date: ja_date,
    export: ja_export,
    item_removed: |id, text| format!("前回の項目 {id} はこのチェックリストにありません: {text}"),
    team: &TEAM_JA,
    sheet: &SHEET_MESSAGES_JA,
    selfcheck: &SELFCHECK_MESSAGES_JA,
    review: &REVIEW_JA,
    evidence: &super::ja_evidence::EVIDENCE_JA,
    list_moment: |at| super::ja_review::ja_moment(at, "%H:%M"),
    status_by: |status, by| format!("{status}（{by}）"),
    list_header: ["ID", "監査名", "状態", "進捗", "最終更新"],
    status_open: "実施中",
    status_signed: "署名済",
    validated: |path, title, areas, items, departments, marks| {
        format!(
            "{path}: 問題ありません — {title}: {areas} 領域、{items} 項目、{departments} 部署、評価 {marks} 段階"
        )
    },
    out_of_scope: |symbol, label| {
        format!(
            "評価基準に該当なしの評価がないので、項目の適用条件や対象部署から外れる欄は「{symbol}」{label}と表示し、集計では該当なしとして数えます"
        )
    },
    not_on_roster: |name| {
        format!("{name} はチェックリストの名簿にありません。すべての項目を該当として追加しました")
    },
    no_data_dir: "データの保存先がわかりません。--data-dir で指定してください",
    press_enter: "Enter キーを押すと閉じます",
    no_departments: "被監査部門がありません。チェックリストに名簿がないので --departments で指定してください",
    checklist_same_id: |id| {
        format!(
            "チェックリスト {id} が二つあります。一つの回に同じ ID のチェックリストは使えません"
        )
    },
    checklist_qualifier: |id| {
        format!(
            "ID「{id}」に :: が含まれています。複数のチェックリストを使う回では ID に :: を使えません"
        )
    },
    no_checklist: |name| format!("この回にチェックリスト「{name}」はありません"),
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

pub static SHEET_MESSAGES_JA: SheetMessages = SheetMessages {
    cannot_read: |reason| format!("読めません: {reason}"),
    reader: |_| {
        "XLSX または CSV として読めない内容です（壊れているか、別の形式のファイルです）".to_string()
    },
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
    bad_condition: |e| {
        format!(
            "適用条件を読めません（{} 行 {} 列）: {}",
            e.span.start.line,
            e.span.start.col,
            ron_ja(&e.code)
        )
    },
    bad_facts: |e| format!("{ABOUT_FACTS}を読めません: {}", ron_ja(e)),
    too_wide: |n| format!("セルが {n} 個を超えて広がっています"),
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
};

pub static SELFCHECK_MESSAGES_JA: SelfcheckMessages = SelfcheckMessages {
    list_separator: "、",
    cannot_read: |e| format!("ブックを読めません（壊れているか、XLSXではありません）: {e}"),
    not_selfcheck: "kansa の自己点検シートではありません（シート「kansa」がありません）",
    other_round: |found, id| format!("別の監査のシートです（監査ID {found}、この監査は {id}）"),
    other_department: |d| format!("この監査にない部署のシートです: {d}"),
    other_checklist: |c| format!("この監査にないチェックリストのシートです: {c}"),
    not_for_department: |c, d| format!("チェックリスト {c} は部署 {d} を対象としていません"),
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
};

/// The common kinds of operating-system error in Japanese; the others keep the
/// system's own text, which at least names the error.
pub(crate) fn io_ja(kind: std::io::ErrorKind, detail: &str) -> String {
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
pub(crate) fn ron_ja(error: &ron::error::Error) -> String {
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
pub(crate) fn ron_expected_ja(error: &ron::error::Error) -> Option<&'static str> {
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

pub(crate) fn one_of_ja(expected: &[&str]) -> String {
    if expected.is_empty() {
        return "ここには何も書けません".into();
    }
    let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
    format!("使えるのは {} です", names.join("、"))
}

pub(crate) fn within_ja(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|outer| format!("（{outer} の中）"))
        .unwrap_or_default()
}

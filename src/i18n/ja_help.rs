//! `--help` and clap's usage errors in Japanese: the text of every command and option,
//! keyed by the command's path and the option's id (`"new:title"`; `":lang"` for the
//! options of every command), and the headings and errors clap words itself.

/// The words clap's help and usage errors need, in one language.
pub struct HelpWords {
    /// A command's or an option's help, by key; `None` keeps clap's own.
    pub text: fn(&str) -> Option<&'static str>,
    /// The help page's frame: about, usage, arguments (clap's template fields).
    pub template: &'static str,
    pub commands: &'static str,
    pub options: &'static str,
    pub arguments: &'static str,
    pub command_placeholder: &'static str,
    /// A placeholder's words (NAME, FILE…), by the English one.
    pub placeholder: fn(&str) -> Option<&'static str>,
    pub values: fn(&str) -> String,
    pub default: fn(&str) -> String,
    pub env: fn(&str) -> String,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
    /// Usage errors: what was given (or is missing), and the usage line.
    pub unknown_command: fn(&str) -> String,
    pub unknown_option: fn(&str) -> String,
    pub bad_value: fn(&str, &str, &str) -> String,
    pub missing: fn(&str) -> String,
    pub conflict: fn(&str) -> String,
    pub other: &'static str,
    pub try_help: &'static str,
}

pub static HELP_JA: HelpWords = HelpWords {
    text: ja_text,
    template: "{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}",
    commands: "コマンド",
    options: "オプション",
    arguments: "引数",
    command_placeholder: "コマンド",
    placeholder: ja_placeholder,
    values: |values| format!("（指定できる値: {values}）"),
    default: |value| format!("（既定: {value}）"),
    env: |name| format!("（環境変数 {name} でも指定できます）"),
    help_flag: "この説明を表示します",
    version_flag: "版を表示します",
    help_command: "コマンドの説明を表示します",
    unknown_command: |name| format!("「{name}」というコマンドはありません"),
    unknown_option: |name| format!("「{name}」というオプションはありません"),
    bad_value: |value, option, valid| {
        if valid.is_empty() {
            format!("{option} に「{value}」は指定できません")
        } else {
            format!("{option} に「{value}」は指定できません（指定できる値: {valid}）")
        }
    },
    missing: |names| format!("次の指定が必要です: {names}"),
    conflict: |names| format!("同時には指定できません: {names}"),
    other: "コマンドラインを読めませんでした",
    try_help: "使い方は --help で表示します",
};

fn ja_placeholder(name: &str) -> Option<&'static str> {
    Some(match name {
        "NAME" => "名前",
        "LANG" => "言語",
        "MARKS" => "記号",
        "SETTING" => "設定",
        "WHAT" => "対象",
        "FILE" => "ファイル",
        "PATH" => "パス",
        "DIR" => "フォルダ",
        "DIR|FILE.zip" => "フォルダまたは圧縮ファイル",
        "TEXT" => "文",
        "HEX" => "16進数",
        "BASE" => "共通祖先",
        "OURS" => "自分の版",
        "THEIRS" => "相手の版",
        "FILES" => "ファイル",
        "CHOICE" => "選択",
        "SHELL" => "シェル",
        "FORMAT" => "形式",
        "REPORT" => "報告書",
        "DATE" => "日付",
        "TITLE" => "監査名",
        "LEAD" => "責任者",
        "REASON" => "理由",
        "KEEP" => "名前",
        "BY" => "名前",
        "MB" => "メガバイト",
        "EVIDENCE_ID" => "証跡ID",
        _ => return None,
    })
}

fn ja_text(key: &str) -> Option<&'static str> {
    Some(match key {
        "" => "情報セキュリティ監査のヒアリングを端末で行います",
        ":data_dir" => "セッションを保存する場所（既定: OS のデータフォルダ）",
        ":lang" => {
            "画面とメッセージの言語（既定: kansa config lang で保存した言語、なければ OS の言語）"
        }
        ":marks" => {
            "評価記号の表示: narrow、wide（○△× を全角 2 桁で描く端末）、ascii（既定: 結果一覧で最後に選んだもの、なければ narrow）"
        }
        ":as_auditor" => {
            "作業する人の名前（履歴とロックに記録。既定: $KANSA_AUDITOR、画面で選んだ名前、ログイン名の順）"
        }
        "new" => "セッションを作成し、その ID を表示します",
        "new:checklist" => {
            "チェックリストのファイル（既定: 同梱のチェックリスト）。一つの回で複数使うときは繰り返し指定し、最初のものが主なチェックリストになります"
        }
        "new:title" => "監査名",
        "new:departments" => "この回の部署（正式名または略称。既定: 名簿の全部署）",
        "new:date" => "監査実施日: 2024-09-27、2024/9/27、令和6年9月27日、R6.9.27 のいずれの形でも",
        "new:auditors" => "監査員（複数人は繰り返し指定）",
        "new:lead" => "監査実施責任者",
        "new:from" => {
            "前回の監査（セッション ID またはファイル）から始めます: 部署、記載事項、チェックリストを引き継ぎ、回答は前回の回答として残します（評価としては写しません）"
        }
        "diff" => {
            "2 つのセッションで評価の異なるセルを 1 行ずつ表示します: 部署、項目、A の評価、B の評価（タブ区切り。備考が異なるときは 5 列目に note）"
        }
        "open" => {
            "セッションのヒアリングを開きます: 保存された位置から、または部署の最初の項目から。他の監査員のセッションファイルは先に取り込み（または統合し）ます"
        }
        "open:department" => "開始する部署の正式名または略称",
        "list" => "セッションの一覧: ID、監査名、状態、進捗、最終更新",
        "delete" => "セッションをデータフォルダのごみ箱に移します（消去はしません）",
        "restore" => "ごみ箱からセッションを戻します",
        "show" => "セッションの結果一覧を文字で表示します",
        "export:checklist" => {
            "回のチェックリストの一つ（ID または名称。既定: 主なチェックリスト）の結果一覧・実施報告書・結果報告書"
        }
        "show:checklist" => "回のチェックリストの一つ（ID または名称。既定: 主なチェックリスト）",
        "validate" => "チェックリストのファイルを検査します",
        "add-checklist" => {
            "開いている回にチェックリストを追加します（他のチェックリストの後に。対象の部署はチェックリストが決めます）。履歴に残ります"
        }
        "add-checklist:file" => {
            "追加するチェックリストのファイル（ID は回のチェックリストと重ならないこと）"
        }
        "config" => "このコマンドの後も続く選択を保存します",
        "config lang" => "画面とメッセージの言語: ja、en、auto（OS の言語）",
        "export" => {
            "セッションの報告書を書き出します（文書はその回の言語で。--lang で一度だけ変えられます）"
        }
        "export:format" => "書き出す形式",
        "export:report" => "書き出す報告書",
        "export:output" => {
            "書き出すファイル。- で標準出力（自己点検票を部署ごとに書くときはフォルダ）"
        }
        "export:evidence" => {
            "報告書の代わりに証跡一式を書き出します: 部署ごと・項目ごとのフォルダに添付ファイルと索引（CSV とウェブページ）を、フォルダまたは圧縮ファイルに"
        }
        "export:departments" => {
            "この部署だけ（正式名または略称）: --format session で渡す分担（省略時は回全体）、または自己点検票"
        }
        "merge" => {
            "他の監査員が聞き取ったセッションファイルの変更をすべて取り込みます。競合は一覧にし、黙って決めることはしません"
        }
        "merge-driver" => {
            "セッションファイル用の Git のマージドライバ: kansa merge-driver %O %A %B が統合結果を %A に書きます"
        }
        "resolve" => {
            "部署の項目（評価、備考、入力欄）または領域（所見、指摘事項）の競合を、ある監査員の値で決着させます"
        }
        "resolve:keep" => "値を残す監査員",
        "review" => "署名を妨げるものを 1 行ずつ表示します。何もなければ終了コード 0",
        "sign" => "妨げるものがなければセッションに署名し、ダイジェストを表示します",
        "sign:by" => "署名者: その回の監査員または監査実施責任者",
        "verify" => "署名済みのセッションが署名後に変わっていないことを確かめます",
        "verify:target" => "セッション ID、またはセッションファイルのパス",
        "verify:digest" => "署名時に表示されたダイジェスト（16 進数 8 桁以上）",
        "reopen" => "署名済みのセッションを再び編集できるようにします（その後は署名し直します）",
        "reopen:reason" => "再開の理由",
        "history" => "すべての変更を表示します: いつ、誰が、何を、変更前 → 変更後",
        "history:department" => "この部署の変更だけ（正式名または略称）",
        "history:item" => "この項目の変更だけ",
        "attach" => {
            "ファイルを証跡としてセル（--item）または部署の指摘事項（--area）に添付します。ファイルは内容ごとにセッションの横に保管します"
        }
        "attach:department" => "部署の正式名または略称",
        "attach:item" => "証跡を添付する項目（セル）",
        "attach:area" => "証跡を添付する領域（所見・指摘事項）",
        "attach:files" => "添付するファイル",
        "attach:note" => "各ファイルに付けるメモ",
        "evidence" => "証跡として添付したファイルを、ID つきで 1 行ずつ表示します",
        "evidence:department" => "この部署の証跡だけ（正式名または略称）",
        "evidence:item" => "この項目の証跡だけ",
        "detach" => "証跡の添付を解除します（保管したコピーは履歴のために残します）",
        "detach:evidence" => "kansa evidence が表示する ID（またはその先頭の一意な部分）",
        "config evidence-limit" => {
            "証跡として受け付けるファイルの最大サイズ（メガバイト単位。既定 100）"
        }
        "import" => "kansa が保持するものを表計算ファイルから読み込みます",
        "import checklist" => {
            "FILE.xlsx または FILE.csv（シート 項目、評価、部署…）からチェックリストを読み、注釈つきの RON で書いて検査します"
        }
        "import checklist:output" => "書き出す RON のチェックリスト。- で標準出力",
        "import selfcheck" => {
            "部署から戻った自己点検票を、その部署の自己評価として読み込みます（監査の評価にはしません）。どれかに問題があれば何も読み込みません"
        }
        "import session" => {
            "他の監査員のセッションファイルを、その ID のままデータフォルダに取り込みます"
        }
        "export-checklist" => {
            "チェックリストを import checklist が読む表計算の形で書き出します: 各列を説明するシートつきの XLSX、または PATH が .csv で終わるときは区切りごとの CSV"
        }
        "completions" => "シェルの補完スクリプトを表示します: bash、zsh、fish、powershell",
        "export-checklist:file" => "チェックリストのファイル（既定: 同梱のチェックリスト）",
        "export-checklist:output" => "書き出すファイル（.xlsx または .csv）。- で CSV を標準出力に",
        _ => return None,
    })
}

//! The documents' words in Japanese: the reports, the comparison, the checklist
//! workbook's explaining sheet, scores, and the self-check workbook (always Japanese:
//! the departments are).

use super::ja_common::ja_fact;
use crate::export::model::FactLabel;
use crate::export::words::{OutlineWords, ReportWords, RoundWords, ScoreLineWords};
use crate::matrix::ScoreWords;
use crate::rounds::{FollowUpStatus, Trend};
use crate::selfcheck::words::SelfcheckWords;
use crate::sheet::words::SheetStrings;

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
    unknown_list: |departments| format!("確認できなかった課：{departments}"),
    graded: |name, label| format!("{name}（{label}）"),
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
    checklist_section: |title| format!("『{title}』による確認結果"),
    matrix_of: |id| format!("結果一覧 {id}"),
    checklist_matrix: |title| format!("結果一覧（{title}）"),
    observation: "所見",
    findings: "指摘事項",
    findings_line: |list| format!("指摘事項：{list}"),
    evidence_line: |place, name, date, hash| {
        format!("証跡（{place}）：{name}　{date}　SHA-256 {hash}")
    },
    evidence_cell: |count| format!("証跡 {count} 件"),
    report_date_line: |date| format!("報告日：{date}"),
    outline: "監査概要",
    overall: "総評",
    section: "区分",
    entry: "項目",
    content: "内容",
    draft: "下書き（署名前・提出不可）",
    draft_mark: "下書き",
    signed: |by, at, digest| format!("署名：{by}　{at}　ダイジェスト：{digest}"),
    outline_words: &OUTLINE_JA,
    score_words: &SCORE_LINES_JA,
};

pub static SCORE_LINES_JA: ScoreLineWords = ScoreLineWords {
    score: "点数",
    band: "区分",
    advice: "区分に応じた対応",
    average: "平均",
    figure: |total, maximum, percent| match percent {
        Some(p) => format!("{total}点／{maximum}点（{p}%）"),
        None => format!("{total}点／{maximum}点"),
    },
    average_figure: |total, percent| format!("{total}点（{percent}%）"),
    provisional: |band, n| format!("{band}（暫定・未回答{n}項目）"),
    provisional_short: |band| format!("{band}（暫定）"),
    section: "（部署別の点数と区分）",
    line: |name, figure, band| match band {
        "" => format!("{name}：{figure}"),
        band => format!("{name}：{figure}　{band}"),
    },
};

pub static OUTLINE_JA: OutlineWords = OutlineWords {
    outline: "1 監査概要",
    objective: "（1）監査目的",
    scope: "（2）監査対象課及び対象システム",
    departments: "監査対象課",
    systems: "対象システム",
    checklists: "使用したチェックリスト",
    checklist_line: |title, departments| format!("『{title}』（{departments}）"),
    date: "（3）監査実施日",
    organisation: "（4）監査実施体制",
    lead: "監査実施責任者",
    division: "監査担当部門",
    post: |post, name, basis| {
        if basis.is_empty() {
            format!("{post}：{name}")
        } else {
            format!("{post}：{name}（{basis}）")
        }
    },
    grounds: "（5）監査の基準となる根拠",
    results: "2 監査結果",
    overall: "（総評）",
    by_department: "3 課別監査結果",
    appendix: |audit, matrix| format!("別紙「{audit}{matrix}」のとおり"),
    list_separator: "、",
};

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

pub static SHEET_JA: SheetStrings = SheetStrings {
    help_headers: ["シート", "列", "必須", "説明"],
    required_mark: "必須",
    help: HELP_JA,
    help_csv: "CSV の場合: 1つのファイルに、[項目] [評価] [部署] [得点区分] [入力欄] [概要] の行で始まる節を並べます。節の次の行が見出しで、その後が各行です。エラーは「ファイル:節!列行」（行はファイルの行番号）で示します。",
};

pub(crate) const HELP_JA: &[(&str, &str, &str)] = &[
    (
        "概要",
        "項目",
        "「チェックリストID」「名称」の行（ID は英数字とハイフン、省略時はファイル名）。「文書の言語」「得点区分の単位」の行も置けます。監査の主のチェックリストと並べて一部の部署に使うときは「適用条件」（部署のタグ。項目シートの適用条件と同じ書き方）と「対象部署」（部署名か略称をカンマ区切り）の行で、どの部署に使うかを書きます",
    ),
    (
        "概要",
        "内容",
        "それぞれの値。得点区分の単位は「%」（満点に対する割合、省略時）か「点」（点数そのもの）",
    ),
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
        "満点に対する割合（%）の下限（得点区分の単位が「点」なら点数の下限）。空欄は下限なし",
    ),
    (
        "得点区分",
        "上限",
        "割合（%）または点数の上限。空欄は上限なし",
    ),
    ("得点区分", "区分", "区分の名前"),
    ("得点区分", "助言", "その区分の部署への助言"),
    ("入力欄", "ID", "評価シートの「入力欄」で使う ID"),
    ("入力欄", "名称", "画面と出力での名前（確認日 など）"),
    ("入力欄", "種類", "文字 または 日付（YYYY-MM-DD）"),
];

pub static SCORES_JA: ScoreWords = ScoreWords {
    score: "点数",
    band: "区分",
    average: "平均",
    provisional: |n| format!("（未回答 {n} 項目: 暫定）"),
    unanswered_row: "未回答",
    answered_row: "回答率",
};

/// The workbook departments fill in is Japanese whatever the auditor's language.
pub(crate) const SHEET_INSTRUCTIONS: &[&str] = &[
    "自己点検シートの記入方法",
    "",
    "1. 部署名のシート（チェックリストが複数あるときは、部署名にチェックリストのIDを添えたシートも）を開き、各項目の「確認すること」を読んでください。",
    "2. 「評価」欄は一覧（▼）から選んでください。一覧にない値は取り込めません。",
    "3. 「コメント」欄には、実施状況や補足を記入してください（任意）。",
    "4. 「証跡ファイル」欄には、回答の裏付けとなるファイル（画面の写真、手順書など）の名前を1行に1つ記入し、そのファイルをこのファイルと同じフォルダに入れて返送してください（任意）。",
    "5. 分からない項目は空欄のままで構いません。空欄は「回答なし」として扱います。",
    "6. 評価欄・コメント欄・証跡ファイル欄のほかは変更できません。行やシートを追加・削除しないでください。",
    "7. 記入後、ファイル名を変えずに監査担当部門へ返送してください。",
    "",
    "ヒアリングでは、この自己点検の結果を確認しながら監査を行います。",
];

pub(crate) const SHEET_SHEET_TITLE: fn(&str, &str) -> String =
    |name, short| format!("自己点検シート　{name}（{short}）");

pub(crate) const SHEET_ROUND_LINE: fn(&str, &str) -> String =
    |title, id| format!("監査：{title}（監査ID {id}）");

pub(crate) const SHEET_SHEET_HINT: &str =
    "評価は一覧から選び、必要に応じてコメントを記入してください。ほかの欄は変更できません。";

pub(crate) const SHEET_CHOOSE_MARK: &str = "評価は一覧から選んでください。";

pub static SELFCHECK_JA: SelfcheckWords = SelfcheckWords {
    tag: "ja",
    instructions_sheet: "記入方法",
    instructions: SHEET_INSTRUCTIONS,
    sheet_title: SHEET_SHEET_TITLE,
    round_line: SHEET_ROUND_LINE,
    sheet_hint: SHEET_SHEET_HINT,
    choose_mark: SHEET_CHOOSE_MARK,
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

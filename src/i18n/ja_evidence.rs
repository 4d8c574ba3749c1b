//! The words of evidence in Japanese.

use super::ja_common::quoted;
use super::messages::EvidenceWords;
use crate::export::evidence_body::IndexWords;

pub static EVIDENCE_JA: EvidenceWords = EvidenceWords {
    missing: "ファイルがありません",
    folder: "フォルダーです。中のファイルを指定してください",
    unreadable: |reason| format!("読み込めません: {reason}"),
    empty: "空のファイル（0 バイト）です。添付するものがありません",
    too_large: |size, limit| {
        format!(
            "{size} MB あり、1 ファイルの上限 {limit} MB を超えています（`kansa config evidence-limit` で変更できます）"
        )
    },
    forbidden_name: |name| {
        format!(
            "{}は Windows で使えない名前です（< > : \" / \\ | ? * を含む名前や、予約されたデバイス名）。名前を変えてから添付してください",
            quoted(name)
        )
    },
    write: |reason| {
        format!("コピーを書き込めませんでした（{reason}）。何も残さず、監査は変更していません")
    },
    attached: |id, name, department, target, again| {
        let kept = if again {
            "（同じ内容のファイルを保管済み）"
        } else {
            ""
        };
        format!("{id}  {department} {target}: {name} を添付しました{kept}")
    },
    detached: |id, name| {
        format!("{id}: {name} の添付を解除しました（保管したコピーは履歴のために残します）")
    },
    list_header: [
        "ID",
        "部署",
        "項目・領域",
        "ファイル",
        "サイズ",
        "添付日時",
        "添付者",
        "SHA-256",
        "メモ",
    ],
    moment: |at| super::ja_review::ja_moment(at, "%H:%M"),
    blob_missing: |department, place, name, id| {
        format!(
            "{department} {place}: 証跡 {id} {}が保管場所にありません",
            quoted(name)
        )
    },
    blob_altered: |department, place, name, id| {
        format!(
            "{department} {place}: 証跡 {id} {}は添付後に変更されています",
            quoted(name)
        )
    },
    files_changed: |count| format!("添付ファイル {count} 件が欠けているか変更されています"),
    limit_saved: |mb| format!("{mb} MB を超えるファイルは添付を断ります"),
};

pub static INDEX_JA: IndexWords = IndexWords {
    title: |title| format!("証跡一覧　{title}"),
    columns: [
        "部署",
        "項目・領域",
        "ファイル",
        "元のファイル名",
        "種類",
        "サイズ（バイト）",
        "SHA-256",
        "添付者",
        "添付日時",
        "メモ",
    ],
    digest: |digest| format!("この監査の署名ダイジェスト: {digest}"),
    unsigned: "未署名",
    moment: |at| super::ja_review::ja_moment(at, "%H:%M:%S"),
};

//! The record's words in Japanese: review, sign-off, verify, history, team work.

use super::ja_common::ja_fact;
use super::ja_documents::ROUND_JA;
use super::ja_errors::ja_refusal;
use super::review::{ReviewWords, TeamWords, short_digest, where_of, written_values};
use crate::facts::FactValue;
use crate::findings::Finding;
use crate::merge::{MergeError, Place as MergePlace};
use crate::review::{Place, Reason};
use crate::session::{Change, FollowUpState, SelfCheck};
use crate::signoff::{Changed, Difference};
use crate::text::one_line;

pub static REVIEW_JA: ReviewWords = ReviewWords {
    malformed_digest: |given, digits| {
        format!("ダイジェストは {digits} 桁以上の16進数で指定してください（{given:?}）")
    },
    moment: |at| ja_moment(at, "%H:%M:%S%:z"),
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
    no_signers: |name| {
        format!(
            "{name} は署名できません。この監査には監査担当者も監査実施責任者も登録されていません（kansa new の --auditor・--lead か、画面の監査情報で登録してください）"
        )
    },
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

pub(crate) fn ja_reason(reason: &Reason) -> String {
    match reason {
        Reason::Unanswered => "未回答".into(),
        Reason::NoteRequired(mark) => format!("{mark} にはメモが必要です"),
        Reason::NoObservation => "所見がありません".into(),
        Reason::NotInFinding { mark, severity } => {
            let mark = match severity {
                Some(label) => format!("{mark}（{label}）"),
                None => mark.clone(),
            };
            format!("{mark} がどの指摘事項にも含まれていません（採用または却下）")
        }
        Reason::AreaWithoutObservation { marks } => {
            format!("{} があるのに所見がありません", marks.join("・"))
        }
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

pub(crate) fn ja_difference(difference: &Difference) -> String {
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
        Changed::Improvement => "改善内容等".to_string(),
        Changed::Evidence { id, name } => format!("証跡 {id}{}", super::ja_common::quoted(name)),
    };
    format!("{at}: {what}が署名後に変更されています")
}

pub(crate) fn ja_text(text: &str) -> String {
    if text.is_empty() {
        "（なし）".into()
    } else {
        format!("「{}」", one_line(text))
    }
}

pub(crate) fn ja_value(value: &FactValue) -> String {
    ja_text(&value.display())
}

pub(crate) fn ja_finding(finding: &Option<Finding>) -> String {
    match finding {
        Some(f) => format!("{} {}", f.items.join("・"), ja_text(&f.text)),
        None => "（なし）".into(),
    }
}

pub(crate) fn ja_change(change: &Change) -> String {
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
        Change::Improvement { item, from, to } => {
            format!("{item} 改善内容等: {} → {}", ja_text(from), ja_text(to))
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
        Change::Attach { attachment } => format!(
            "{} {} 証跡 {}: {} を添付（{}）",
            attachment.department,
            attachment.target.id(),
            attachment.id,
            ja_text(&attachment.file.name),
            short_digest(&attachment.file.sha256)
        ),
        Change::Detach { attachment } => format!(
            "{} {} 証跡 {}: {} の添付を解除",
            attachment.department,
            attachment.target.id(),
            attachment.id,
            ja_text(&attachment.file.name)
        ),
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
        Change::AddChecklist { checklist } => format!(
            "チェックリストを追加: {}（ID {}、{}項目）",
            one_line(&checklist.title),
            checklist.id,
            checklist.item_count()
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
        MergeError::Damaged(refusal) => {
            format!("取り込めない変更があります: {}", ja_refusal(refusal))
        }
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

pub(crate) fn ja_place(place: &MergePlace) -> String {
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
        MergePlace::Improvement(item) => format!("{item} の改善内容等"),
        MergePlace::Evidence(_, _, id) => format!("証跡 {id}"),
    }
}

/// A moment as the record keeps it (its own offset, not converted): 和暦 with the
/// weekday, then the time in `time`'s form.
pub(crate) fn ja_moment(at: &crate::session::Timestamp, time: &str) -> String {
    format!(
        "{} {}",
        crate::wareki::format_with_weekday(at.date_naive()),
        at.format(time)
    )
}

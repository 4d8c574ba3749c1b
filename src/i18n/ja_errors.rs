//! The words of errors and refusals in Japanese.

use super::ja_common::{ja_fact, quoted};
use crate::checklist::{BandUnit, Meaning, Rule};
use crate::export::{ExportError, Report as ExportReport};
use crate::session::{Joining, Refusal};
use crate::wareki::{self, DateError, Era};

pub(crate) fn ja_meaning(meaning: Meaning) -> &'static str {
    match meaning {
        Meaning::Compliant => "適合",
        Meaning::ImprovedUnderGuidance => "指導により改善",
        Meaning::NeedsImprovement => "要改善",
        Meaning::NotApplicable => "該当なし",
        Meaning::Unknown => "不明",
    }
}

pub(crate) fn ja_known(known: &[String]) -> String {
    if known.is_empty() {
        "（なし）".into()
    } else {
        known.iter().map(|k| quoted(k)).collect::<Vec<_>>().join("")
    }
}

pub(crate) fn ja_rule(rule: &Rule) -> String {
    match rule {
        Rule::SeverityNotFailing { symbol, meaning } => format!(
            "評価{}の意味は{}です。重大度を付けられるのは意味が要改善の評価だけです",
            quoted(symbol),
            ja_meaning(*meaning)
        ),
        Rule::ZeroSeverity => "重大度は 1 以上にしてください".into(),
        Rule::PointsNotApplicable(symbol) => format!(
            "評価{}の意味は該当なしです。該当しない項目は得点に数えないので、点数は付けられません",
            quoted(symbol)
        ),
        Rule::UnknownField { id, known } => format!(
            "入力欄{}はありません。使える入力欄: {}",
            quoted(id),
            ja_known(known)
        ),
        Rule::EmptyFieldId => "入力欄の id が空です".into(),
        Rule::DuplicateFieldId(id) => format!("入力欄の id{}が重複しています", quoted(id)),
        Rule::BandsWithoutPoints => "得点区分を使うには、評価に点数を付けてください".into(),
        Rule::BandBackwards { label, from, to } => format!(
            "得点区分{}の下限 {from} が上限 {to} より大きくなっています",
            quoted(label)
        ),
        Rule::BandsOverlap { label, other } => format!(
            "得点区分{}と{}の範囲が重なっています",
            quoted(label),
            quoted(other)
        ),
        Rule::NotOnRoster { item, department } => format!(
            "項目{}の対象部署{}は名簿にありません",
            quoted(item),
            quoted(department)
        ),
        Rule::NoGate { gate, item } => format!(
            "項目{}の適用条件が参照する項目{}はありません",
            quoted(item),
            quoted(gate)
        ),
        Rule::GateNotBefore { item, gate } => format!(
            "項目{}の適用条件が参照する項目{}は、この項目より前にありません",
            quoted(item),
            quoted(gate)
        ),
        Rule::UnknownGateMark { symbol, known } => format!(
            "評価{}は評価基準にありません。使える評価: {}",
            quoted(symbol),
            ja_known(known)
        ),
        Rule::BandsGap {
            below,
            above,
            from,
            to,
        } => format!(
            "得点区分{}と{}のあいだ（{from}〜{to}）がどの区分にも入りません",
            quoted(below),
            quoted(above)
        ),
        Rule::BandOutOfReach {
            label,
            from,
            top,
            unit,
        } => format!(
            "得点区分{}の下限 {from} は、どの部署も届かない値です（最高は{}）",
            quoted(label),
            match unit {
                BandUnit::Percent => format!("{top}%"),
                BandUnit::Points => format!("{top}点"),
            }
        ),
        Rule::OutOfScopeTaken(symbol) => format!(
            "評価基準に該当なしの評価がないので、適用されない欄は{}（対象外）と表示しますが、その記号はほかの評価が使っています",
            quoted(symbol)
        ),
    }
}

pub(crate) fn ja_refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::UnknownDepartment(name) => {
            format!("このセッションに部署{}はありません", quoted(name))
        }
        Refusal::UnknownItem(id) => format!("このチェックリストに項目{}はありません", quoted(id)),
        Refusal::UnknownMark(symbol) => {
            format!("このチェックリストの評価に{}はありません", quoted(symbol))
        }
        Refusal::UnknownField(field) => {
            format!("このチェックリストに入力欄{}はありません", quoted(field))
        }
        Refusal::BadDate { field, value } => format!(
            "{}の日付は 2024-09-27 の形で入力してください（{}）",
            quoted(field),
            quoted(value)
        ),
        Refusal::Signed { by } => {
            format!("{by} が署名済みです。変更するには理由を付けて再開してください")
        }
        Refusal::UnknownArea(area) => {
            format!("このチェックリストに領域{}はありません", quoted(area))
        }
        Refusal::NotInArea { item, area } => {
            format!("項目{}は領域{}にありません", quoted(item), quoted(area))
        }
        Refusal::UnknownFinding {
            department,
            area,
            id,
        } => format!(
            "{department} の領域{}に指摘事項 #{id} はありません",
            quoted(area)
        ),
        Refusal::NoItems => "指摘事項には対象の項目を一つ以上含めてください".into(),
        Refusal::NotProposed { department, item } => {
            format!("{department} の {item} は指摘事項として提案されていません")
        }
        Refusal::FactKind(field) => format!("{}にはその種類の値を入力できません", ja_fact(*field)),
        Refusal::NotPerDepartment(field) => {
            format!(
                "{}は部署ごとに変えられません（全部署で共通です）",
                ja_fact(*field)
            )
        }
        Refusal::NotSigned => "署名されていません".into(),
        Refusal::NoReason => "再開には理由が必要です".into(),
        Refusal::MainChecklistOnly => {
            "署名・再開・自己評価・証跡・フォローアップは主なチェックリストの画面で行ってください"
                .into()
        }
        Refusal::NotASigner(name) => {
            format!("{name} はこの監査の監査担当者・監査実施責任者ではありません")
        }
        Refusal::Blocked(count) => format!("署名できません: 要対応が {count} 件あります"),
        Refusal::OthersWriting(names) => format!(
            "署名できません: ほかの監査員が編集中です（{}）。全員が終了してから署名してください",
            names.join("、")
        ),
        Refusal::UnknownFollowUp(index) => {
            format!("前回の指摘事項のフォローアップ #{index} はありません")
        }
        Refusal::EvidenceExists(id) => format!("証跡 {id} は添付済みです"),
        Refusal::UnknownEvidence(id) => {
            format!("この監査に添付中の証跡 {id} はありません（`kansa evidence` で一覧できます）")
        }
        Refusal::Joining(joining) => ja_joining(joining),
    }
}

fn ja_joining(joining: &Joining) -> String {
    match joining {
        Joining::SameId(id) => format!("この回にはすでに ID が {id} のチェックリストがあります"),
        Joining::Qualifier(id) => format!(
            "ID「{id}」に :: が含まれています。複数のチェックリストを使う回では ID に :: を使えません"
        ),
        Joining::ReservedKey(key) => format!(
            "評価記号のキー「{key}」は画面の操作キーと重なります。チェックリストで別のキーにしてください"
        ),
        Joining::NoDepartment(id) => format!(
            "チェックリスト {id} の対象になる部署がこの回にありません。追加しても聞き取る項目がありません"
        ),
    }
}

pub(crate) fn ja_date(error: &DateError) -> String {
    match error {
        DateError::Empty => "日付が入力されていません".into(),
        DateError::Unrecognised(text) => format!(
            "{}は日付として読めません。2024-09-27、2024/9/27、令和6年9月27日、R6.9.27 のように入力してください",
            quoted(text)
        ),
        DateError::NoSuchDay(text) => format!("{text} という日はありません"),
        DateError::OutsideEra(date) => {
            let era = date.era;
            format!(
                "{date} はありません（{}は{}）",
                era.name(),
                ja_era_span(era)
            )
        }
        DateError::BeforeGregorian(date) => {
            format!("{date} は明治6年1月1日（1873-01-01、太陽暦の採用）より前です")
        }
        DateError::WeekdayMismatch {
            date,
            written,
            actual,
        } => format!(
            "{} は{actual}曜日です（{written}曜日と書かれています）",
            wareki::format(*date)
        ),
    }
}

pub(crate) fn ja_era_span(era: Era) -> String {
    let first = wareki::format(era.first_day().max(wareki::FIRST_SUPPORTED));
    match era.last_day() {
        Some(last) => format!("{first}から{}まで", wareki::format(last)),
        None => format!("{first}から"),
    }
}

pub(crate) fn ja_export(error: &ExportError) -> String {
    match error {
        ExportError::Unsupported { report, format } => {
            let format = format.to_string().to_uppercase();
            match report {
                ExportReport::Matrix => format!(
                    "結果一覧は {format} では書き出せません。{format} は実施報告書用です。結果一覧は xlsx・html・md・csv で書き出してください"
                ),
                ExportReport::All => format!(
                    "すべての報告をまとめて {format} では書き出せません。{format} は1つの表だけを持てます。報告ごとに書き出すか、xlsx でまとめて書き出してください"
                ),
                ExportReport::Compare => format!(
                    "前回比較は {format} では書き出せません。xlsx・html・md・csv で書き出してください"
                ),
                ExportReport::Summary => format!("実施報告書は {format} では書き出せません"),
                ExportReport::Departments => format!("結果報告書は {format} では書き出せません"),
            }
        }
        ExportError::Csv(e) => format!("CSV を作成できません（{e}）"),
        ExportError::Xlsx(e) => format!("XLSX を作成できません（{e}）"),
        ExportError::Docx(e) => format!("DOCX を作成できません（{e}）"),
    }
}

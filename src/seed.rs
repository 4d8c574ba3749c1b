//! The seed round (龍ヶ崎市 令和6年度上半期) as a test fixture, entered through the
//! core: its 結果一覧 marks, a note on each △ and × cell (from the 改善内容 and the
//! 所見), the 所見 and 指摘事項 of every department's 結果報告書, and the 総評. For the
//! tests and benches (feature `testkit`), and for the screens' snapshots.

use chrono::{DateTime, Duration, NaiveDate};

use crate::checklist::Checklist;
use crate::facts::{FactField, FactValue};
use crate::session::{AuditFacts, Change, Event, Refusal, Session, Timestamp};

/// The seed's 結果一覧 as the bundled keys, one string per department in roster
/// order, items in checklist order (1 ○, 2 △, 3 ×, 0 -).
pub const SEED_KEYS: [&str; 6] = [
    "1121111111111110000010000000",
    "1111111111111111111111000000",
    "1221111111111110000011111111",
    "1121111111111110000011111111",
    "1133113111100111111113111111",
    "1121111111100111111113111111",
];

pub const AUDITOR: &str = "監査 太郎";
/// The seed's 監査実施責任者 is a post: デジタル都市推進課長.
pub const LEAD: &str = "デジタル都市推進課長";

const DESKTOP_IMPROVED: &str =
    "一部職員において、デスクトップへのデータ等の貼り付けが見られたが、指導により改善を図られた。";
const E_LEARNING: &str = "e-Learningの受講状況が悪いため、早急な受講を促す。";

/// A note on every △ and × cell of the seed: department, item, note.
pub const NOTES: [(&str, &str, &str); 10] = [
    ("秘書", "I-2(2)", DESKTOP_IMPROVED),
    (
        "管財",
        "I-2(1)",
        "離席時の対応に一部改善点あり。画面ロックの徹底を指導した。",
    ),
    (
        "管財",
        "I-2(2)",
        "一部デスクトップに文書等を保存している職員が見受けられたが、指導により改善あり。",
    ),
    ("福祉総務", "I-2(2)", DESKTOP_IMPROVED),
    (
        "保育",
        "I-2(2)",
        "監査期間後であるがすぐに多くのファイルをデスクトップに貼り付けている職員が見受けられた。",
    ),
    (
        "保育",
        "I-3",
        "IDPWをデスクトップに貼り付けている職員がいた。至急改善を要す。",
    ),
    (
        "保育",
        "I-5(2)",
        "USBメモリへのパスワードの貼り付けが見られた。",
    ),
    ("保育", "III-7", E_LEARNING),
    ("障がい", "I-2(2)", DESKTOP_IMPROVED),
    ("障がい", "III-7", E_LEARNING),
];

const HUMAN_MOSTLY: &str = "概ね適正に運用が行われている。一部職員において、デスクトップへのデータ等の貼り付けが見られたが、改善を図られているため、今後も継続して適正な管理・運用を行うこと。";
const PHYSICAL_NEW_SYSTEM: &str = "概ね適正に取り扱われている。今後独自システムが稼働するため、保守体制を整え、万一の障害に備えること。";
const MYNUMBER_E_LEARNING: &str = "特定個人情報取扱登録者に課しているe-Learningの受講状況が大変悪い状況である。特定個人情報を取り扱う上で、1年に1回は必ず研修を受けなければいけないこととなっているため、早急に改善を図ること。";
const FILESERVER_FOLDERS: &str = "一部個人名でのフォルダ作成等も見受けられたが、指導・改善を行った。引き続き適正な取扱いに努めること。";

/// The 所見 of each department's 結果報告書: department, area, text. Areas the report
/// leaves out have none.
pub const OBSERVATIONS: [(&str, &str, &str); 18] = [
    ("秘書", "I", HUMAN_MOSTLY),
    (
        "秘書",
        "II",
        "課にて調達している端末等について、情報資産管理簿にて適切に管理するとともに、万一に備えバックアップ等を検討すること。",
    ),
    (
        "防災",
        "I",
        "概ね適正に運用が行われている。今後も継続して適正な管理・運用を行うこと。",
    ),
    (
        "防災",
        "II",
        "概ね適正に取り扱われている。保守体制など一覧化されており、明確である。一部ファイルサーバについて整理が必要と思われる。",
    ),
    (
        "防災",
        "III",
        "概ね適正に取り扱われている。特定個人情報については、個人情報よりもさらに厳格な取扱いが求められているとともに、事件・事故の際には罰則規定も設けられている。引き続き適正に管理・運用すること。",
    ),
    (
        "管財",
        "I",
        "離席時の対応など、一部改善点あり。今後も継続して適正な管理・運用を行うこと。",
    ),
    (
        "管財",
        "II",
        "概ね適正に取り扱われている。独自調達システムの端末等について、更新を計画的に行うこと。",
    ),
    (
        "管財",
        "III",
        "概ね適正に取り扱われている。特定個人情報取扱届にて登録されている職員については、情報連携に関する研修は早急に受講すること。",
    ),
    ("福祉総務", "I", HUMAN_MOSTLY),
    (
        "福祉総務",
        "II",
        "概ね適正に取り扱われている。独自調達システムについて、障害発生時の一時切り分けとしての手順書等を整え、障害の早急な復旧を図れる体制とすること。",
    ),
    (
        "保育",
        "I",
        "デスクトップへの貼り付けについて、監査期間後であるがすぐに多くのファイルを貼り付けている職員が見受けられた。また、IDPWを貼り付けている職員もいたため、至急改善を要す。またUSBメモリへのパスワードの貼り付けも見られたため、指摘事項とする。",
    ),
    ("保育", "II", PHYSICAL_NEW_SYSTEM),
    ("保育", "III", MYNUMBER_E_LEARNING),
    ("保育", "IV", FILESERVER_FOLDERS),
    ("障がい", "I", HUMAN_MOSTLY),
    ("障がい", "II", PHYSICAL_NEW_SYSTEM),
    ("障がい", "III", MYNUMBER_E_LEARNING),
    ("障がい", "IV", FILESERVER_FOLDERS),
];

/// The 指摘事項 of the seed's reports: department, area, items named, text. 保育課's
/// 人的 finding on ID・パスワード also covers the password stuck on a USB memory
/// (I-5(2)), as its 所見 says.
pub const FINDINGS: [(&str, &str, &[&str], &str); 4] = [
    ("保育", "I", &["I-2(2)"], "デスクトップ貼り付け"),
    ("保育", "I", &["I-3", "I-5(2)"], "ID・パスワードの取扱い"),
    (
        "保育",
        "III",
        &["III-7"],
        "特定個人情報事務取扱担当の監督，教育",
    ),
    (
        "障がい",
        "III",
        &["III-7"],
        "特定個人情報事務取扱担当の監督，教育",
    ),
];

/// The 総評 of the seed's 実施報告書 (its first two paragraphs).
pub const OVERALL: &str = "本市の情報セキュリティ対策に関しては、龍ヶ崎市情報セキュリティ規則及び龍ヶ崎市情報セキュリティ対策に関する規程からなる龍ヶ崎市情報セキュリティポリシーを基に、デジタル都市推進課が事務局となって定期的な研修を行い、また、e-Learning の受講によりセキュリティ対策に関しての意識高揚を図っている。\n監査の結果としては、デスクトップへの ID・パスワードファイルの貼付け、USBメモリへのパスワードの貼付けが見受けられる課があり、それらについては情報セキュリティ事故につながる可能性が高く、直ちに是正を指示した。";

/// The time of the first change: 令和6年9月27日 10:00 JST.
pub fn epoch() -> Timestamp {
    DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap_or_default()
}

/// A new seed round with its date, auditor and lead: nothing heard yet.
pub fn session(id: &str) -> Session {
    let checklist = Checklist::bundled();
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "令和6年度（上半期）情報セキュリティ内部監査".into(),
        date: NaiveDate::from_ymd_opt(2024, 9, 27),
        auditors: vec![AUDITOR.into()],
        lead: LEAD.into(),
        ..AuditFacts::default()
    };
    Session::new(id.into(), checklist, departments, facts, epoch())
}

/// Applies `change` as the auditor, a second after the last change.
pub fn record(session: &mut Session, change: Change) -> Result<(), Refusal> {
    let at = session.last_change() + Duration::seconds(1);
    let by = AUDITOR.to_string();
    session.apply(Event::at(at, by, change))
}

/// Gives every cell its seed mark; cells already so marked (by applicability) are
/// left as they are.
pub fn enter_marks(session: &mut Session) -> Result<(), Refusal> {
    let items: Vec<String> = session
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .collect();
    let departments: Vec<String> = session
        .hearings
        .iter()
        .map(|h| h.department.short.clone())
        .collect();
    for (department, keys) in departments.iter().zip(SEED_KEYS) {
        for (item, key) in items.iter().zip(keys.chars()) {
            let mark = session
                .checklist
                .mark_for_key(key)
                .map(|m| m.symbol.clone());
            let Some(mark) = mark else { continue };
            if session.hearing(department).and_then(|h| h.mark(item)) == Some(mark.as_str()) {
                continue;
            }
            let change = session.set_mark(department, item, Some(&mark))?;
            record(session, change)?;
        }
    }
    Ok(())
}

pub fn enter_notes(session: &mut Session) -> Result<(), Refusal> {
    for (department, item, note) in NOTES {
        let change = session.set_note(department, item, note)?;
        record(session, change)?;
    }
    Ok(())
}

/// The 所見, the 指摘事項 and the 総評.
pub fn enter_findings(session: &mut Session) -> Result<(), Refusal> {
    for (department, area, text) in OBSERVATIONS {
        let change = session.set_observation(department, area, text)?;
        record(session, change)?;
    }
    for (department, area, items, text) in FINDINGS {
        let items: Vec<String> = items.iter().map(|i| i.to_string()).collect();
        let change = session.add_finding(department, area, &items, text)?;
        record(session, change)?;
    }
    let change = session.set_fact(FactField::Overall, FactValue::Text(OVERALL.into()))?;
    record(session, change)
}

/// The whole seed round, ready to be signed off.
pub fn whole_round(id: &str) -> Result<Session, Refusal> {
    let mut session = session(id);
    enter_marks(&mut session)?;
    enter_notes(&mut session)?;
    enter_findings(&mut session)?;
    Ok(session)
}

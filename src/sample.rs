//! Generated large audits for benchmarks and tests: a checklist of any size in the
//! seed's style and a session with every cell answered and a long history.
//!
//! Deterministic on purpose (a fixed clock and a small mixing function instead of a
//! random generator), so that figures and failures can be reproduced.

use chrono::{DateTime, Duration};

use crate::checklist::{Area, Checklist, Condition, Department, Item};
use crate::session::{AuditFacts, Change, Event, Session, Timestamp};

/// Items per area, close to the seed's areas (6–8) scaled to a 300-item checklist.
const AREA_SIZE: usize = 20;

const AREA_TOPICS: &[&str] = &[
    "人的セキュリティ",
    "物的セキュリティ",
    "技術的セキュリティ",
    "運用",
    "特定個人情報の適切な取扱い",
    "外部委託",
    "住民情報基幹系ファイルサーバ内の電子データ等の適正な取扱い",
    "クラウドサービスの利用",
];

const SUBJECTS: &[&str] = &[
    "パソコン",
    "ID・パスワード",
    "公務用USBメモリ",
    "イントラネットのメール",
    "サーバ機器",
    "情報資産管理簿",
    "特定個人情報",
    "基幹系ファイルサーバ",
    "ノートパソコン",
    "紙の文書",
];

const CHECKS: &[&str] = &[
    "の業務以外の目的での使用禁止",
    "の取扱い（離席時の第三者使用の防止措置）",
    "の適正な保管（施錠管理）",
    "へのデータの保存禁止",
    "の定期的な点検の実施",
    "の障害発生時の対応手順を定め、文書化",
    "の利用職員の限定",
    "の保存・削除・廃棄（保存年限の設定）",
];

const FINDINGS: &[&str] = &[
    "画面ロックを確認した。",
    "デスクトップにファイルが残っていたため削除を指導した。",
    "付箋へのパスワード記載はなかった。",
    "施錠保管庫の鍵は課長が管理している。",
    "受講記録を確認した。未受講者2名に受講を指示した。",
    "個人名のフォルダがあり、課のフォルダへ移すよう指導した。",
];

/// The clock of generated sessions: 令和6年9月27日 10:00 JST.
fn epoch() -> Timestamp {
    DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap_or_default()
}

/// A small mixing function (splitmix64's finaliser): spreads marks over the scale
/// without a random number crate.
fn mix(a: usize, b: usize) -> usize {
    let mut z = (a as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b as u64);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as usize
}

/// A checklist of `items` items in areas of about twenty, and a roster of
/// `departments` departments, with the bundled checklist's scale.
pub fn large_checklist(items: usize, departments: usize) -> Checklist {
    let bundled = Checklist::bundled();
    let areas = (0..items.div_ceil(AREA_SIZE))
        .map(|a| {
            let id = format!("A{}", a + 1);
            let count = AREA_SIZE.min(items - a * AREA_SIZE);
            let items = (0..count)
                .map(|i| {
                    let n = a * AREA_SIZE + i;
                    Item {
                        id: format!("{id}-{}", i + 1),
                        text: format!(
                            "{}{}（{}）",
                            SUBJECTS[n % SUBJECTS.len()],
                            CHECKS[(n / SUBJECTS.len()) % CHECKS.len()],
                            i + 1
                        ),
                        guidance: format!(
                            "{}について、実際の運用を確認する。記録や現物を見て、職員に手順を尋ねる。",
                            SUBJECTS[n % SUBJECTS.len()]
                        ),
                        applies: Condition::Always,
                        departments: Vec::new(),
                    }
                })
                .collect();
            Area {
                id,
                title: AREA_TOPICS[a % AREA_TOPICS.len()].to_string(),
                items,
            }
        })
        .collect();
    let roster = (0..departments)
        .map(|d| Department {
            name: format!("第{}課", d + 1),
            short: format!("{}課", d + 1),
            tags: vec!["intranet".into()],
            remark: String::new(),
        })
        .collect();
    Checklist {
        format: crate::checklist::FORMAT,
        id: format!("large-{items}x{departments}"),
        title: format!("生成された大規模監査（{items}項目）"),
        scale: bundled.scale,
        areas,
        departments: roster,
        bands: Vec::new(),
        band_unit: Default::default(),
        fields: Vec::new(),
        applies: Default::default(),
        only: Vec::new(),
        // The bundled wording, without its overrides and systems (they name tags this
        // roster lacks) and its 備考 row (which names an area it lacks).
        language: bundled.language,
        facts: crate::facts::FactDefaults {
            overrides: Vec::new(),
            systems: Vec::new(),
            remark_label: String::new(),
            remark_area: String::new(),
            ..bundled.facts
        },
    }
}

/// A session on `large_checklist(items, departments)` with every cell given a mark and
/// a note, and exactly `history` changes in its history (marks and notes in turn, one
/// sweep over all cells after another, a second apart).
pub fn large_session(items: usize, departments: usize, history: usize) -> Session {
    let checklist = large_checklist(items, departments);
    let roster = checklist.departments.clone();
    let facts = AuditFacts {
        title: format!("大規模監査 {items}項目×{departments}課"),
        date: epoch().date_naive().into(),
        auditors: vec!["監査 太郎".into(), "点検 花子".into()],
        lead: "責任 一郎".into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("large".into(), checklist, roster, facts, epoch());
    let cells: Vec<(String, String)> = session
        .hearings
        .iter()
        .flat_map(|h| {
            let short = h.department.short.clone();
            session
                .checklist
                .items()
                .map(move |(_, item)| (short.clone(), item.id.clone()))
        })
        .collect();
    if cells.is_empty() {
        return session;
    }
    let symbols: Vec<String> = session
        .checklist
        .scale
        .iter()
        .map(|m| m.symbol.clone())
        .collect();
    // Mostly the first mark (○), as in a real round.
    let mark = |cell: usize, sweep: usize| {
        let roll = mix(cell, sweep);
        let index = if roll % 10 < 7 || symbols.len() < 2 {
            0
        } else {
            1 + (roll / 10) % (symbols.len() - 1)
        };
        symbols[index].clone()
    };
    let note = |cell: usize, sweep: usize| {
        format!(
            "{}（{}回目のヒアリング）",
            FINDINGS[mix(sweep, cell) % FINDINGS.len()],
            sweep / 2 + 1
        )
    };
    for k in 0..history {
        let (cell, sweep) = (k % cells.len(), k / cells.len());
        let (department, item) = &cells[cell];
        let answer = session
            .answer(department, item)
            .cloned()
            .unwrap_or_default();
        let change = if sweep % 2 == 0 {
            Change::Mark {
                department: department.clone(),
                item: item.clone(),
                from: answer.mark,
                to: Some(mark(cell, sweep)),
                from_applicability: answer.by_applicability,
                to_applicability: false,
            }
        } else {
            Change::Note {
                department: department.clone(),
                item: item.clone(),
                from: answer.note,
                to: note(cell, sweep),
            }
        };
        let event = Event {
            at: epoch() + Duration::seconds(k as i64 + 1),
            by: "監査 太郎".into(),
            change,
            hlc: None,
        };
        // Every cell comes from the session itself, so nothing can be refused.
        let _ = session.apply(event);
    }
    // A short history leaves cells untouched: answer them outside the history.
    let at = session.last_change();
    for (cell, (department, item)) in cells.iter().enumerate() {
        let Some(hearing) = session
            .hearings
            .iter_mut()
            .find(|h| &h.department.short == department)
        else {
            continue;
        };
        let answer = hearing.answers.entry(item.clone()).or_default();
        if answer.mark.is_none() {
            answer.mark = Some(mark(cell, 0));
            answer.by_applicability = false;
            answer.set_at = Some(at);
        }
        if answer.note.is_empty() {
            answer.note = note(cell, 1);
            answer.set_at = Some(at);
        }
    }
    session
}

/// The part of `session` cut for its first department, heard on another laptop:
/// `changes` marks and notes recorded there by another auditor, a second apart, after
/// the round's last change. What `kansa merge` of one part is measured with.
pub fn heard_part(session: &Session, changes: usize) -> Session {
    let first = session.hearings[0].department.short.clone();
    let mut part = crate::merge::part(session, std::slice::from_ref(&first)).expect("a part");
    let items: Vec<String> = part.checklist.items().map(|(_, i)| i.id.clone()).collect();
    let start = part.last_change();
    let mut made = 0;
    for k in 0..changes * 4 {
        if made == changes {
            break;
        }
        let item = &items[k % items.len()];
        let change = if k % 2 == 0 {
            part.set_mark(&first, item, Some(["○", "△", "×"][k % 3]))
        } else {
            part.set_note(&first, item, &format!("別室で確認した（{k}）"))
        };
        // A mark the cell already has is no change: the next cell is taken.
        if let Ok(change) = change {
            let event = part.stamp(change, "佐藤 花子", start + Duration::seconds(k as i64 + 1));
            made += usize::from(part.apply(event).is_ok());
        }
    }
    part
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_large_checklist_has_the_asked_size_and_is_valid() {
        let checklist = large_checklist(45, 7);
        assert_eq!(checklist.item_count(), 45);
        assert_eq!(checklist.areas.len(), 3);
        assert_eq!(checklist.areas[2].items.len(), 5);
        assert_eq!(checklist.departments.len(), 7);
        assert_eq!(checklist.scale, Checklist::bundled().scale);
        // Written out and read back, it passes the same checks as a hand-written file.
        let config = ron::ser::PrettyConfig::new().new_line("\n");
        let text = ron::ser::to_string_pretty(&checklist, config).unwrap();
        assert_eq!(
            Checklist::parse(&text, Path::new("large.ron")).unwrap(),
            checklist
        );
    }

    #[test]
    fn every_cell_is_answered_with_a_note_and_the_history_has_its_length() {
        for history in [0, 10, 200, 1000] {
            let session = large_session(30, 4, history);
            assert_eq!(session.history.len(), history);
            assert_eq!(session.answered_count(), 120);
            for hearing in &session.hearings {
                assert_eq!(hearing.answers.len(), 30);
                assert!(hearing.answers.values().all(|a| !a.note.is_empty()));
            }
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(large_session(25, 3, 300), large_session(25, 3, 300));
    }

    #[test]
    fn marks_are_spread_over_the_scale() {
        let session = large_session(40, 5, 200);
        let symbols: std::collections::BTreeSet<&str> = session
            .hearings
            .iter()
            .flat_map(|h| h.answers.values().filter_map(|a| a.mark.as_deref()))
            .collect();
        assert_eq!(symbols.len(), 4);
    }
}

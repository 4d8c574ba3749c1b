//! Checklists beyond the seed (issue 11), in the core: meanings whatever the symbols,
//! points and bands, severities in filters, answer fields, gate items and explicit
//! department lists. The bundled examples are the fixtures.

use std::path::Path;

use kansa::checklist::{Checklist, Meaning};
use kansa::results::{self, Filter};
use kansa::session::{AuditFacts, Change, Event, GateEffect, Refusal, Session, Timestamp};
use kansa::store::Store;

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap()
}

fn example(name: &str) -> Checklist {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("checklists")
        .join(name);
    Checklist::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn session_of(checklist: Checklist) -> Session {
    let departments = checklist.departments.clone();
    Session::new(
        "t".into(),
        checklist,
        departments,
        AuditFacts::default(),
        now(),
    )
}

fn record(session: &mut Session, change: Change) {
    let event = Event {
        at: now(),
        by: "監査 太郎".into(),
        change,
        hlc: None,
    };
    session.apply(event).unwrap();
}

fn mark(session: &mut Session, department: &str, item: &str, symbol: &str) {
    let change = session.set_mark(department, item, Some(symbol)).unwrap();
    record(session, change);
}

/// Marks every item of `department` in checklist order with the symbols given, the
/// last symbol repeated for the rest; items not applicable by applicability are skipped.
fn mark_all(session: &mut Session, department: &str, symbols: &[&str]) {
    let items: Vec<String> = session
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .filter(|id| !session.hearing(department).unwrap().by_applicability(id))
        .collect();
    for (n, item) in items.iter().enumerate() {
        let symbol = symbols[n.min(symbols.len() - 1)];
        mark(session, department, item, symbol);
    }
}

fn index_of(session: &Session, department: &str) -> usize {
    session
        .hearings
        .iter()
        .position(|h| h.department.short == department)
        .unwrap()
}

#[test]
fn a_points_scale_scores_departments_and_reads_bands_leaving_not_applicable_out() {
    let mut session = session_of(example("self-diagnosis-points.ron"));
    // 総務 is not listed for B-13: 24 items at 4 points make its maximum.
    assert!(session.hearing("総務").unwrap().by_applicability("B-13"));
    mark_all(&mut session, "総務", &["×", "？", "△", "△", "○"]);
    let score = results::department_score(&session, index_of(&session, "総務")).unwrap();
    assert_eq!(
        score.maximum, 96,
        "B-13 (該当なし) is left out of the maximum"
    );
    assert_eq!(score.total, -1 + 2 + 2 + 20 * 4);
    assert_eq!(score.unanswered, 0);
    assert_eq!(score.percent(), Some(86));
    let band = score.band(&session.checklist).unwrap();
    assert_eq!(band.label, "一部の対策に抜けがある");

    // Marking an applicable item 該当なし by hand takes it out of the maximum too.
    mark(&mut session, "総務", "A-1", "-");
    let score = results::department_score(&session, index_of(&session, "総務")).unwrap();
    assert_eq!(
        (score.total, score.maximum, score.percent()),
        (83, 92, Some(90))
    );

    mark_all(&mut session, "市民", &["○"]);
    let full = results::department_score(&session, index_of(&session, "市民")).unwrap();
    assert_eq!(
        (full.total, full.maximum, full.percent()),
        (100, 100, Some(100))
    );
    assert_eq!(
        full.band(&session.checklist).unwrap().label,
        "基本の対策はできている"
    );

    // A department with nothing heard yet counts all its items as possible points and
    // stays out of the round's average.
    let blank = results::department_score(&session, index_of(&session, "財政")).unwrap();
    assert_eq!((blank.total, blank.maximum, blank.unanswered), (0, 96, 24));
    assert_eq!(
        (blank.percent(), blank.band(&session.checklist)),
        (None, None)
    );
    let average = results::average_score(&session).unwrap();
    assert_eq!(average.departments, 2);
    assert_eq!(average.percent, f64::from(90 + 100) / 2.0);
    assert_eq!(
        average.band(&session.checklist).unwrap().label,
        "一部の対策に抜けがある"
    );

    // Below the lowest band's top: 早急な改善が必要, however negative the total.
    mark_all(&mut session, "こども", &["？"]);
    let worst = results::department_score(&session, index_of(&session, "こども")).unwrap();
    assert_eq!((worst.total, worst.percent()), (-24, Some(-25)));
    assert_eq!(
        worst.band(&session.checklist).unwrap().label,
        "早急な改善が必要"
    );
}

#[test]
fn a_scale_without_points_has_no_score() {
    let session = session_of(Checklist::bundled());
    assert!(!session.checklist.has_points());
    assert_eq!(results::department_score(&session, 0), None);
    assert_eq!(results::average_score(&session), None);
}

#[test]
fn dont_know_is_neither_compliant_nor_failing_in_counts() {
    let mut session = session_of(example("self-diagnosis-points.ron"));
    mark_all(
        &mut session,
        "市民",
        &["○", "○", "？", "？", "？", "△", "×"],
    );
    let count = results::department_count(&session, index_of(&session, "市民"));
    let checklist = &session.checklist;
    assert_eq!(count.compliant(checklist), 2);
    assert_eq!(count.unknown(checklist), 3);
    assert_eq!(count.failing(checklist), 1 + 19);
    assert_eq!(count.not_applicable(checklist), 0);
    assert_eq!(count.answered(), 25);
    let unknown = checklist.mark("？").unwrap();
    assert_eq!(unknown.meaning, Meaning::Unknown);
    assert!(!unknown.meaning.is_compliant() && !unknown.meaning.is_failing());
    assert_eq!(unknown.severity(), None);

    let filter = Filter {
        meaning: Some(Meaning::Unknown),
        ..Filter::default()
    };
    let shown: Vec<&str> = checklist
        .items()
        .filter(|(a, i)| filter.passes(&session, &a.id, i))
        .map(|(_, i)| i.id.as_str())
        .collect();
    assert_eq!(shown, ["A-3", "A-4", "A-5"]);
}

#[test]
fn filters_follow_the_severity_order() {
    let mut session = session_of(example("isms-severity.ron"));
    mark(&mut session, "情報政策", "A-1", "軽");
    mark(&mut session, "総務", "A-2", "観");
    mark(&mut session, "市民", "B-1", "推");
    mark(&mut session, "税務", "B-3", "重");
    mark(&mut session, "税務", "B-4", "○");
    let shown = |least: u8| -> Vec<String> {
        let filter = Filter {
            severity: Some(least),
            ..Filter::default()
        };
        session
            .checklist
            .items()
            .filter(|(a, i)| filter.passes(&session, &a.id, i))
            .map(|(_, i)| i.id.clone())
            .collect()
    };
    assert_eq!(shown(4), ["B-3"]);
    assert_eq!(shown(3), ["A-1", "B-3"]);
    assert_eq!(shown(2), ["A-1", "A-2", "B-3"]);
    assert_eq!(shown(1), ["A-1", "A-2", "B-1", "B-3"]);
    let severities: Vec<Option<u8>> = session
        .checklist
        .scale
        .iter()
        .map(|m| m.severity())
        .collect();
    assert_eq!(severities, [None, Some(4), Some(3), Some(2), Some(1), None]);
    // The seed's × is failing with the default severity.
    assert_eq!(Checklist::bundled().mark("×").unwrap().severity(), Some(1));
}

#[test]
fn a_gate_hides_and_shows_its_dependants_without_touching_hand_set_cells() {
    let mut session = session_of(example("isms-severity.ron"));
    let cell = |s: &Session, item: &str| {
        let a = s.answer("総務", item);
        (
            a.and_then(|a| a.mark.clone()),
            a.is_some_and(|a| a.by_applicability),
        )
    };
    // A hand-set answer and a note on the dependants before the gate is answered.
    mark(&mut session, "総務", "C-3", "○");
    let note = session
        .set_note("総務", "C-4", "委託先の一覧を確認")
        .unwrap();
    record(&mut session, note);

    let effect = session.gate_effect("総務", "C-1", Some("-")).unwrap();
    assert_eq!(
        effect,
        GateEffect {
            hides: vec!["C-2".into(), "C-4".into()],
            answered: vec!["C-3".into()],
            shows: vec![],
        }
    );
    mark(&mut session, "総務", "C-1", "-");
    assert_eq!(cell(&session, "C-2"), (Some("-".into()), true));
    assert_eq!(
        cell(&session, "C-3"),
        (Some("○".into()), false),
        "set by hand: kept"
    );
    assert_eq!(cell(&session, "C-4"), (Some("-".into()), true));
    assert_eq!(
        session.answer("総務", "C-4").unwrap().note,
        "委託先の一覧を確認"
    );
    // Other departments are not touched.
    assert_eq!(session.answer("市民", "C-2"), None);

    let effect = session.gate_effect("総務", "C-1", Some("○")).unwrap();
    assert_eq!(effect.shows, ["C-2", "C-4"]);
    assert!(effect.hides.is_empty() && effect.answered.is_empty());
    // Undoing the gate (as the screen's undo does) shows them again.
    let undo = session.history.last().unwrap().change.inverse();
    record(&mut session, undo.expect("a mark can be undone"));
    assert_eq!(cell(&session, "C-2"), (None, false));
    assert_eq!(session.answer("総務", "C-2"), None, "nothing left behind");
    assert_eq!(cell(&session, "C-3"), (Some("○".into()), false));
    assert_eq!(cell(&session, "C-4"), (None, false));
    assert_eq!(
        session.answer("総務", "C-4").unwrap().note,
        "委託先の一覧を確認"
    );

    // A hand-set 該当なし on a dependant stays when the gate opens again.
    mark(&mut session, "総務", "C-1", "-");
    mark(&mut session, "総務", "C-2", "-");
    mark(&mut session, "総務", "C-1", "○");
    assert_eq!(cell(&session, "C-2"), (Some("-".into()), false));
    assert_eq!(cell(&session, "C-4"), (None, false));
    // Closing the gate again asks about C-3 only: C-2 is 該当なし already.
    let effect = session.gate_effect("総務", "C-1", Some("-")).unwrap();
    assert_eq!(
        (effect.hides, effect.answered),
        (vec!["C-4".to_string()], vec!["C-3".to_string()])
    );
}

/// A yes / no checklist in the manner of a medical cybersecurity checklist: the gate
/// is answered by symbol, いいえ asks a target date.
const YES_NO: &str = r#"(
    format: 1,
    id: "yes-no",
    title: "はい・いいえ",
    scale: [
        (symbol: "はい", ascii: "Y", label: "はい", key: '1', meaning: Compliant, asks: ["checked"]),
        (symbol: "いいえ", ascii: "N", label: "いいえ", key: '2', meaning: NeedsImprovement, asks: ["checked", "target", "owner"]),
        (symbol: "-", ascii: "-", label: "該当なし", key: '0', meaning: NotApplicable),
    ],
    areas: [(id: "M", title: "医療情報システム", items: [
        (id: "M-1", text: "医療情報システムを導入、運用している"),
        (id: "M-2", text: "管理者を置いている", applies: Not(Answer("M-1", "いいえ"))),
        (id: "M-3", text: "手順書がある", applies: All([Not(Answer("M-1", "いいえ")), Not(AnswerMeans("M-2", NotApplicable))])),
        (id: "M-4", text: "窓口の確認", departments: ["窓口"]),
    ])],
    departments: [(name: "医事課", short: "医事"), (name: "窓口課", short: "窓口")],
    fields: [
        (id: "checked", label: "確認日", kind: Date),
        (id: "target", label: "目標日", kind: Date),
        (id: "owner", label: "担当者"),
    ],
)"#;

#[test]
fn a_gate_answered_by_symbol_hides_a_chain_and_answer_fields_are_journaled() {
    let checklist = Checklist::parse(YES_NO, Path::new("yes-no.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = session_of(checklist);
    assert!(session.hearing("医事").unwrap().by_applicability("M-4"));
    assert_eq!(session.answer("窓口", "M-4"), None);
    store.create(&session).unwrap();
    let mut writer = store.open_writer("t", "監査 太郎").unwrap();
    let s = writer.session();
    let changes = [
        s.set_mark("医事", "M-1", Some("いいえ")).unwrap(),
        s.set_field("医事", "M-1", "target", Some(" 2025-03-31 "))
            .unwrap(),
        s.set_field("医事", "M-1", "owner", Some("医事 花子"))
            .unwrap(),
    ];
    for change in changes {
        writer.record(change).unwrap();
    }
    assert_eq!(
        writer
            .session()
            .set_field("医事", "M-1", "target", Some("3月末")),
        Err(Refusal::BadDate {
            field: "目標日".into(),
            value: "3月末".into()
        })
    );
    assert_eq!(
        writer.session().set_field("医事", "M-1", "nope", None),
        Err(Refusal::UnknownField("nope".into()))
    );
    drop(writer);

    let loaded = store.load("t").unwrap();
    let hearing = loaded.hearing("医事").unwrap();
    assert!(hearing.by_applicability("M-2"));
    assert!(
        hearing.by_applicability("M-3"),
        "hidden through M-2 as well"
    );
    let fields = &loaded.answer("医事", "M-1").unwrap().fields;
    assert_eq!(fields["target"], "2025-03-31");
    assert_eq!(fields["owner"], "医事 花子");
    assert!(matches!(
        loaded.history.last().unwrap().change,
        Change::Field { ref field, .. } if field == "owner"
    ));
    let ids: Vec<&str> = loaded
        .checklist
        .mark("いいえ")
        .unwrap()
        .asks
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(ids, ["checked", "target", "owner"]);
}

#[test]
fn explicit_department_lists_choose_departments_by_either_name() {
    let session = session_of(example("isms-severity.ron"));
    // D-3 names 市民課 and 税務課; B-2 and D-2 need the own-system tag as well.
    let hidden = |d: &str| -> Vec<String> {
        let hearing = session.hearing(d).unwrap();
        session
            .checklist
            .items()
            .filter(|(_, i)| hearing.by_applicability(&i.id))
            .map(|(_, i)| i.id.clone())
            .collect()
    };
    assert_eq!(hidden("市民"), Vec::<String>::new());
    assert_eq!(hidden("税務"), Vec::<String>::new());
    assert_eq!(hidden("情報政策"), ["D-3"]);
    assert_eq!(hidden("総務"), ["B-2", "D-2", "D-3"]);

    let text = YES_NO.replace(
        "departments: [\"窓口\"]",
        "departments: [\"窓口\", \"経理\"]",
    );
    let error = Checklist::parse(&text, Path::new("c.ron")).unwrap_err();
    assert!(error.to_string().contains("\"経理\""), "{error}");
    let line = text.lines().position(|l| l.contains("\"経理\"")).unwrap() + 1;
    assert_eq!(error.position.map(|p| p.line), Some(line), "{error}");
}

#[test]
fn gates_are_checked_when_the_checklist_is_read() {
    let cases = [
        (
            "Not(Answer(\"M-1\", \"いいえ\"))",
            "Not(Answer(\"M-1\", \"多分\"))",
            "no mark \"多分\"",
        ),
        (
            "Not(Answer(\"M-1\", \"いいえ\"))",
            "Not(Answer(\"M-3\", \"いいえ\"))",
            "does not come before",
        ),
        (
            "Not(Answer(\"M-1\", \"いいえ\"))",
            "Not(Answer(\"M-9\", \"いいえ\"))",
            "no item \"M-9\"",
        ),
        (
            "meaning: Compliant, asks",
            "meaning: Compliant, severity: 2, asks",
            "only a mark meaning NeedsImprovement",
        ),
        (
            "[\"checked\", \"target\", \"owner\"]",
            "[\"checked\", \"deadline\"]",
            "no field \"deadline\"",
        ),
    ];
    for (find, replace, message) in cases {
        let text = YES_NO.replacen(find, replace, 1);
        let error = Checklist::parse(&text, Path::new("c.ron")).unwrap_err();
        assert!(error.to_string().contains(message), "{replace}: {error}");
        let position = error.position.expect("located");
        let line = text.lines().nth(position.line - 1).unwrap();
        assert!(
            line.contains(replace.split(['(', ':']).next().unwrap()),
            "{replace}: {error} at {line}"
        );
    }
}

#[test]
fn an_unlisted_department_follows_gates_but_no_profile() {
    let checklist = Checklist::parse(YES_NO, Path::new("yes-no.ron")).unwrap();
    let chosen = kansa::session::choose_departments(&checklist, Some(&["新設課".to_string()]));
    let mut session = Session::start("t".into(), checklist, chosen, AuditFacts::default(), now());
    assert!(
        session.hearing("新設課").unwrap().answers.is_empty(),
        "M-4's list does not bind it"
    );
    mark(&mut session, "新設課", "M-1", "いいえ");
    let hearing = session.hearing("新設課").unwrap();
    assert!(hearing.by_applicability("M-2") && hearing.by_applicability("M-3"));
    assert!(!hearing.by_applicability("M-4"));
}

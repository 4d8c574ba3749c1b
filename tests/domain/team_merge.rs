//! Merging parts of a round, in the core: a round split into two or three parts,
//! random marks, notes and 所見 in each (the same cell in several), merged in every
//! order, gives one session whose history holds every change with its author; with
//! no cell in two parts there is no conflict and the result is the one session that
//! recorded every change itself.

use std::collections::HashSet;
use std::path::Path;

use chrono::Duration;
use kansa::error::Problem;
use kansa::i18n::Lang;
use kansa::merge::{self, MergeError, identity};
use kansa::review::{self, Reason};
use kansa::seed;
use kansa::session::{Change, Event, Session};
use kansa::store::Store;
use proptest::prelude::*;

use crate::rounds::orders;

const DEPARTMENTS: [&str; 6] = ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"];
const ITEMS: [&str; 4] = ["I-1", "I-3", "II-4", "III-6"];
const MARKS: [&str; 4] = ["○", "△", "×", "-"];
const TEXTS: [&str; 3] = [
    "付箋にID・パスワード。撤去を指示した。",
    "施錠管理を確認した。",
    "研修は全員受講済み。",
];

/// One random change: which part records it, what, where, which value.
#[derive(Debug, Clone)]
struct Step {
    part: usize,
    kind: u8,
    department: usize,
    item: usize,
    value: usize,
}

fn step(parts: usize) -> impl Strategy<Value = Step> {
    (0..parts, 0..3u8, 0..6usize, 0..ITEMS.len(), 0..4usize).prop_map(
        |(part, kind, department, item, value)| Step {
            part,
            kind,
            department,
            item,
            value,
        },
    )
}

fn auditor(part: usize) -> String {
    ["田中 一郎", "佐藤 花子", "鈴木 次郎"][part].to_string()
}

/// The change `step` asks of `session`, on a department of the part.
fn change_of(session: &Session, departments: &[&str], step: &Step) -> Change {
    let department = departments[step.department % departments.len()];
    let item = ITEMS[step.item];
    match step.kind {
        0 => session.set_mark(department, item, Some(MARKS[step.value])),
        1 => session.set_note(department, item, TEXTS[step.value % TEXTS.len()]),
        _ => session.set_observation(department, "I", TEXTS[step.value % TEXTS.len()]),
    }
    .expect("a change of a department the part holds")
}

/// The departments of each part: disjoint, or each sharing 保育 with the others.
fn split(parts: usize, overlap: bool) -> Vec<Vec<&'static str>> {
    let mut split: Vec<Vec<&str>> = vec![Vec::new(); parts];
    for (i, department) in DEPARTMENTS.iter().enumerate() {
        split[i % parts].push(department);
    }
    if overlap {
        for part in &mut split {
            if !part.contains(&"保育") {
                part.push("保育");
            }
        }
    }
    split
}

/// The round with a few answers before it is split, so the parts share a history.
fn base() -> Session {
    let mut session = seed::session("r6-1");
    for (department, item) in [("秘書", "I-1"), ("保育", "I-3")] {
        let change = session.set_mark(department, item, Some("○")).unwrap();
        seed::record(&mut session, change).unwrap();
    }
    session
}

struct Heard {
    base: Session,
    parts: Vec<Session>,
    /// Every change recorded, in order.
    events: Vec<Event>,
}

fn hear(parts: usize, overlap: bool, steps: &[Step]) -> Heard {
    let base = base();
    let split = split(parts, overlap);
    let names = |p: &Vec<&str>| p.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    let mut sessions: Vec<Session> = split
        .iter()
        .map(|p| merge::part(&base, &names(p)).unwrap())
        .collect();
    let mut events = Vec::new();
    let start = base.last_change();
    for (n, step) in steps.iter().enumerate() {
        let session = &mut sessions[step.part];
        let change = change_of(session, &split[step.part], step);
        let event = Event {
            at: start + Duration::seconds(n as i64 + 1),
            by: auditor(step.part),
            change,
            hlc: None,
        };
        session.apply(event.clone()).unwrap();
        events.push(event);
    }
    Heard {
        base,
        parts: sessions,
        events,
    }
}

fn merge_in(order: &[usize], heard: &Heard) -> Session {
    order.iter().fold(heard.base.clone(), |session, &p| {
        merge::merge(&session, &heard.parts[p]).unwrap().session
    })
}

fn check_merges(parts: usize, overlap: bool, steps: &[Step]) -> Result<Session, TestCaseError> {
    let heard = hear(parts, overlap, steps);
    let mut results = orders(parts).into_iter().map(|o| merge_in(&o, &heard));
    let first = results.next().unwrap();
    for other in results {
        prop_assert_eq!(&other, &first, "another order, another session");
    }
    let history: HashSet<String> = first.history.iter().map(identity).collect();
    for event in &heard.events {
        prop_assert!(history.contains(&identity(event)), "lost {event:?}");
    }
    prop_assert_eq!(
        first.history.len(),
        heard.base.history.len() + heard.events.len()
    );
    // Idempotent: each part again, and the result into itself, change nothing.
    for part in heard.parts.iter().chain([&first]) {
        let again = merge::merge(&first, part).unwrap();
        prop_assert_eq!(&again.session, &first);
        prop_assert_eq!(again.added, 0);
    }
    Ok(first)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn overlapping_parts_merge_the_same_in_every_order(
        parts in 2..=3usize,
        steps in prop::collection::vec(step(3), 0..24),
    ) {
        let steps: Vec<Step> = steps.into_iter().map(|s| Step { part: s.part % parts, ..s }).collect();
        let merged = check_merges(parts, true, &steps)?;
        // Every conflict is in review, blocking sign-off, with each writer named.
        let conflicts = merge::conflicts(&merged);
        let review = review::review(&merged);
        let listed = review.blockers().filter(|e| matches!(e.reason, Reason::Conflict { .. })).count();
        prop_assert_eq!(listed, conflicts.len());
        for conflict in &conflicts {
            let writers: HashSet<&str> = conflict.values.iter().map(|w| w.by.as_str()).collect();
            prop_assert!(writers.len() >= 2, "{conflict:?}");
        }
    }

    #[test]
    fn disjoint_parts_merge_into_the_session_that_heard_everything(
        parts in 2..=3usize,
        steps in prop::collection::vec(step(3), 0..24),
    ) {
        let steps: Vec<Step> = steps.into_iter().map(|s| Step { part: s.part % parts, ..s }).collect();
        let merged = check_merges(parts, false, &steps)?;
        prop_assert!(merge::conflicts(&merged).is_empty());
        prop_assert!(merged.heads.is_empty());
        let heard = hear(parts, false, &steps);
        let mut one = heard.base.clone();
        for event in heard.events {
            one.apply(event).unwrap();
        }
        prop_assert_eq!(merged, one);
    }
}

fn two_writers(first: &str, second: &str) -> (Session, Session, Session) {
    let base = base();
    let mut a = base.clone();
    let mut b = base.clone();
    let at = base.last_change();
    for (session, by, mark, secs) in [(&mut a, "田中", first, 1), (&mut b, "佐藤", second, 2)] {
        let change = session.set_mark("保育", "I-3", Some(mark)).unwrap();
        let event = Event {
            at: at + Duration::seconds(secs),
            by: by.into(),
            change,
            hlc: None,
        };
        session.apply(event).unwrap();
    }
    (base, a, b)
}

#[test]
fn the_same_value_from_two_auditors_is_no_conflict() {
    let (base, a, b) = two_writers("×", "×");
    let merged = merge::merge(&merge::merge(&base, &a).unwrap().session, &b).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.session.hearing("保育").unwrap().mark("I-3"),
        Some("×")
    );
}

#[test]
fn a_conflict_blocks_until_someone_chooses_and_the_history_keeps_both() {
    let (base, a, b) = two_writers("×", "△");
    let merged = merge::merge(&merge::merge(&base, &a).unwrap().session, &b).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let values: Vec<(&str, &str)> = merged.conflicts[0]
        .values
        .iter()
        .map(|w| (w.by.as_str(), w.value.as_str()))
        .collect();
    assert_eq!(values, [("田中", "×"), ("佐藤", "△")]);
    let mut session = merged.session;
    let line = review::review(&session)
        .blockers()
        .find(|e| matches!(e.reason, Reason::Conflict { .. }))
        .map(|e| (Lang::Ja.review_words().reason)(&e.reason))
        .unwrap();
    assert!(
        line.contains("競合（評価）") && line.contains("田中「×」") && line.contains("佐藤「△」"),
        "{line}"
    );
    // 田中's value is chosen, recorded as a new change; both values stay in history.
    let place = merged.conflicts[0].place.clone();
    let change = merge::choose(&session, &place, "田中").unwrap();
    seed::record(&mut session, change).unwrap();
    assert!(merge::conflicts(&session).is_empty());
    assert!(
        review::review(&session)
            .entries
            .iter()
            .all(|e| !matches!(e.reason, Reason::Conflict { .. }))
    );
    assert_eq!(session.hearing("保育").unwrap().mark("I-3"), Some("×"));
    let writers: Vec<&str> = session
        .history
        .iter()
        .filter(|e| e.change.names_item("I-3") && e.change.department() == Some("保育"))
        .map(|e| e.by.as_str())
        .collect();
    assert!(
        writers.contains(&"田中") && writers.contains(&"佐藤"),
        "{writers:?}"
    );
    // The chosen value merged back into 佐藤's copy settles it there too.
    let back = merge::merge(&b, &session).unwrap();
    assert!(back.conflicts.is_empty());
}

#[test]
fn signed_sessions_and_other_rounds_do_not_merge() {
    let round = seed::whole_round("r6-1").unwrap();
    let mut signed = round.clone();
    let change = signed
        .sign(seed::LEAD, seed::epoch() + Duration::days(1))
        .unwrap();
    seed::record(&mut signed, change).unwrap();
    assert!(matches!(
        merge::merge(&signed, &round),
        Err(MergeError::Signed(_))
    ));
    assert!(matches!(
        merge::merge(&round, &signed),
        Err(MergeError::TheirsSigned(_))
    ));
    let other = seed::session("r6-2");
    assert!(matches!(
        merge::merge(&round, &other),
        Err(MergeError::OtherRound { .. })
    ));
    let mut checklist = seed::session("r6-1");
    checklist.checklist.title.push('改');
    assert_eq!(
        merge::merge(&round, &checklist),
        Err(MergeError::OtherChecklist)
    );
}

#[test]
fn a_head_naming_what_its_file_lacks_is_refused_at_its_place() {
    // Heads are kept in the snapshot: a damaged one must be refused where it stands
    // by the loader, not later by a merge that cannot say where.
    let (base, a, b) = two_writers("×", "△");
    let merged = merge::merge(&merge::merge(&base, &a).unwrap().session, &b).unwrap();
    let text = Store::file_text(&merged.session).unwrap();
    let history = text.find("\n// history\n").unwrap();
    let (snapshot, rest) = text.split_at(history);
    assert!(snapshot.contains("department: \"保育\""), "{snapshot}");
    let damaged = snapshot.replace("department: \"保育\"", "department: \"総務\"") + rest;
    let error = Store::load_bytes(damaged.as_bytes(), Path::new("d.ron"), false).unwrap_err();
    assert_eq!(error.problem, Problem::UnknownDepartment("総務".into()));
    let position = error.position.expect("a position");
    let line = damaged.lines().nth(position.line - 1).unwrap();
    assert!(line.trim_start().starts_with("at:"), "{line}");
}

#[test]
fn a_change_naming_its_department_other_than_by_short_name_is_refused_at_its_line() {
    // kansa records changes by short name, and a merge places them by the name they
    // carry: by the full name, the same cell would be two places.
    let (_, a, _) = two_writers("×", "△");
    let text = Store::file_text(&a).unwrap();
    let history = text.find("\n// history\n").unwrap();
    let (snapshot, lines) = text.split_at(history);
    let damaged =
        snapshot.to_string() + &lines.replace("department:\"保育\"", "department:\"保育課\"");
    let at = damaged.find("department:\"保育課\"").unwrap();
    let line = damaged[..at].matches('\n').count() + 1;
    let error = Store::load_bytes(damaged.as_bytes(), Path::new("d.ron"), false).unwrap_err();
    assert_eq!(error.problem, Problem::UnknownDepartment("保育課".into()));
    assert_eq!(error.position.map(|p| p.line), Some(line));
}

#[test]
fn hearings_are_matched_by_short_name_as_changes_name_them() {
    // The session's hearing named 保育 under another short name is not 保育: the file's
    // hearing 保育 and its changes are taken in, not refused as naming no department.
    let (base, _, b) = two_writers("×", "△");
    let mut session = base.clone();
    let renamed = session
        .hearings
        .iter_mut()
        .find(|h| h.department.short == "保育");
    let renamed = &mut renamed.unwrap().department;
    (renamed.name, renamed.short) = ("保育".into(), "保育2".into());
    let merged = merge::merge(&session, &b).unwrap().session;
    let hoiku = merged
        .hearings
        .iter()
        .find(|h| h.department.short == "保育");
    assert_eq!(hoiku.unwrap().mark("I-3"), Some("△"));
}

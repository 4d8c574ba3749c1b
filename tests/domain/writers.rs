//! Several writers of one round in one folder (issue 26, points 2 and 5): the second
//! auditor writes a journal of their own beside the session file instead of being
//! refused; each copy takes in the other's changes as a merge would (a conflict only
//! when neither had seen the other's); folding waits until the others have left, and
//! so does sign-off, naming them; a journal cut mid-line is read to its last whole
//! change, a damaged one is named, skipped and kept; a clock days off changes nothing
//! but the times shown.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Duration;
use kansa::checklist::Checklist;
use kansa::merge;
use kansa::review::{self, Reason};
use kansa::session::{AuditFacts, Change, Refusal, Session};
use kansa::store::{Doc, RecordError, Saved, Store};

const TANAKA: &str = "田中 一郎";
const SATO: &str = "佐藤 花子";

/// A round of `checklist` (the bundled one, or the ISMS checklist) in a new folder.
fn round(isms: bool) -> (tempfile::TempDir, Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let checklist = if isms {
        Checklist::load(Path::new("checklists/isms-severity.ron")).unwrap()
    } else {
        Checklist::bundled()
    };
    let now = chrono::Local::now().fixed_offset();
    let id = store.new_id(now);
    let departments = checklist.departments.clone();
    let facts = AuditFacts {
        title: "共有フォルダの監査".into(),
        ..AuditFacts::default()
    };
    let session = Session::new(id.clone(), checklist, departments, facts, now);
    store.create(&session).unwrap();
    (dir, store, id)
}

/// Department short names and item ids of the round.
fn places(doc: &Doc) -> (Vec<String>, Vec<String>, Vec<String>) {
    let session = doc.session();
    let departments = session.hearings.iter().map(|h| h.department.short.clone());
    let items = session.checklist.items().map(|(_, i)| i.id.clone());
    let marks = session.checklist.scale.iter().map(|m| m.symbol.clone());
    (departments.collect(), items.collect(), marks.collect())
}

fn mark(doc: &mut Doc, department: &str, item: &str, symbol: &str) {
    let change = doc
        .session()
        .set_mark(department, item, Some(symbol))
        .unwrap();
    assert_eq!(doc.record(change), Saved::Yes);
}

fn journals(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

#[test]
fn two_auditors_in_different_departments_never_block_each_other() {
    for isms in [false, true] {
        let (dir, store, id) = round(isms);
        let mut a = Doc::open(&store, &id, TANAKA).unwrap();
        let mut b = Doc::open(&store, &id, SATO).unwrap();
        assert_eq!(a.holder(), None, "the first writes");
        assert_eq!(b.holder(), None, "the second writes too, beside");
        assert_eq!(journals(dir.path(), ".journal").len(), 1);
        let (departments, items, marks) = places(&a);
        mark(&mut a, &departments[0], &items[0], &marks[0]);
        mark(&mut b, &departments[1], &items[1], &marks[1]);
        mark(&mut b, &departments[1], &items[2], &marks[0]);
        a.tick(TANAKA);
        b.tick(SATO);
        for doc in [&a, &b] {
            let session = doc.session();
            assert_eq!(
                session.hearing(&departments[0]).unwrap().mark(&items[0]),
                Some(marks[0].as_str())
            );
            assert_eq!(
                session.hearing(&departments[1]).unwrap().mark(&items[1]),
                Some(marks[1].as_str())
            );
            assert!(merge::conflicts(session).is_empty());
        }
        let news = a.news();
        assert_eq!(news.len(), 2);
        assert!(news.iter().all(|e| e.by == SATO), "who made them");
        assert_eq!(
            b.news().iter().map(|e| e.by.as_str()).collect::<Vec<_>>(),
            [TANAKA]
        );
        // The folder read by anyone (`kansa review`, `export`) holds both.
        let loaded = store.load(&id).unwrap();
        assert_eq!(&loaded, a.session());
        // `kansa list` counts them too.
        let (listed, errors) = store.list().unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(listed[0].answered, loaded.answered_count());
        // A fold waits for the other writer: the first leaves, the journal stays.
        a.close();
        assert_eq!(journals(dir.path(), ".journal").len(), 1);
        b.close();
        // The next to open folds the journals of those who left into the snapshot.
        let c = store.open_writer(&id, TANAKA).unwrap();
        assert!(journals(dir.path(), ".journal").is_empty());
        assert_eq!(&loaded, c.session());
    }
}

#[test]
fn two_auditors_on_one_cell_make_a_conflict_both_see_and_review_lists() {
    let (_dir, store, id) = round(false);
    let mut a = Doc::open(&store, &id, TANAKA).unwrap();
    let mut b = Doc::open(&store, &id, SATO).unwrap();
    // Neither has seen the other's.
    mark(&mut a, "保育", "I-3", "×");
    mark(&mut b, "保育", "I-3", "△");
    a.tick(TANAKA);
    b.tick(SATO);
    for doc in [&a, &b] {
        let conflicts = merge::conflicts(doc.session());
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let values: Vec<(&str, &str)> = (conflicts[0].values.iter())
            .map(|w| (w.by.as_str(), w.value.as_str()))
            .collect();
        assert!(values.contains(&(TANAKA, "×")) && values.contains(&(SATO, "△")));
    }
    // Both show the same value meanwhile, the later one.
    let shown = |d: &Doc| {
        d.session()
            .hearing("保育")
            .unwrap()
            .mark("I-3")
            .map(String::from)
    };
    assert_eq!(shown(&a), shown(&b));
    let listed = review::review(&store.load(&id).unwrap())
        .blockers()
        .filter(|e| matches!(e.reason, Reason::Conflict { .. }))
        .count();
    assert_eq!(listed, 1, "review lists it");
    // Recording a new value, having seen both, settles it everywhere.
    mark(&mut a, "保育", "I-3", "○");
    b.tick(SATO);
    assert!(merge::conflicts(b.session()).is_empty());
    assert_eq!(shown(&b).as_deref(), Some("○"));
    // A change made after seeing the other's is no conflict.
    mark(&mut b, "保育", "I-1", "○");
    a.tick(TANAKA);
    mark(&mut a, "保育", "I-1", "×");
    b.tick(SATO);
    assert!(merge::conflicts(b.session()).is_empty());
    assert_eq!(b.session().hearing("保育").unwrap().mark("I-1"), Some("×"));
}

#[test]
fn sign_off_waits_for_every_other_writer_and_names_them() {
    let (_dir, store, id) = round(false);
    let mut a = Doc::open(&store, &id, TANAKA).unwrap();
    let b = Doc::open(&store, &id, SATO).unwrap();
    let sign = Change::SignOff {
        by: TANAKA.into(),
        at: chrono::Local::now().fixed_offset(),
        digest: "0".repeat(64),
    };
    let writer = a.writer_mut().unwrap();
    match writer.record(sign.clone()) {
        Err(RecordError::Refused(Refusal::OthersWriting(names))) => {
            assert_eq!(names.len(), 1);
            assert!(names[0].starts_with(SATO), "{names:?}");
        }
        other => panic!("sign-off with another writer at work: {other:?}"),
    }
    let words = (kansa::i18n::Lang::Ja.messages().refusal)(&Refusal::OthersWriting(vec![format!(
        "{SATO} (pid 1 on pc)"
    )]));
    assert!(words.contains(SATO) && words.contains("編集中"), "{words}");
    drop(b);
    assert!(writer.others().is_empty(), "the other has left");
}

#[test]
fn a_journal_cut_mid_line_is_read_to_its_last_whole_change_and_a_damaged_one_is_kept() {
    let (dir, store, id) = round(false);
    let mut a = Doc::open(&store, &id, TANAKA).unwrap();
    let mut b = Doc::open(&store, &id, SATO).unwrap();
    mark(&mut b, "防災", "I-1", "○");
    let journal = journals(dir.path(), ".journal").remove(0);
    // A writer killed in the middle of a line.
    let whole = std::fs::read(&journal).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    file.write_all(b"(at:\"2024-09-27T10:00:00+09:00\",by:\"")
        .unwrap();
    a.tick(TANAKA);
    assert_eq!(a.session().hearing("防災").unwrap().mark("I-1"), Some("○"));
    assert!(a.damaged().is_empty(), "a torn line is not damage");
    // Its writer gone, a line that can never be read (a disk error, an edit by
    // hand): named, skipped, never written over.
    drop(b);
    file.write_all(b"\nnot a change\n").unwrap();
    drop(file);
    a.tick(TANAKA);
    assert_eq!(a.damaged(), std::slice::from_ref(&journal));
    let damaged = std::fs::read(&journal).unwrap();
    assert!(damaged.starts_with(&whole));
    a.close();
    // The next fold sets it aside whole, under another name, and reads it no more.
    let c = store.open_writer(&id, TANAKA).unwrap();
    assert!(!journal.exists());
    let kept = journals(dir.path(), ".damaged");
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged);
    assert_eq!(c.session().hearing("防災").unwrap().mark("I-1"), Some("○"));
}

#[test]
fn a_journal_from_a_clock_days_behind_is_taken_in_after_what_it_had_seen() {
    let (dir, store, id) = round(true);
    let mut a = Doc::open(&store, &id, TANAKA).unwrap();
    let (departments, items, marks) = places(&a);
    mark(&mut a, &departments[0], &items[0], &marks[0]);
    // A laptop three days behind, having seen 田中's change, sets the same cell:
    // its journal line, as its writer writes it.
    let seen = std::fs::metadata(store.path_of(&id)).unwrap().len();
    let change = a
        .session()
        .set_mark(&departments[0], &items[0], Some(&marks[1]))
        .unwrap();
    let behind = chrono::Local::now().fixed_offset() - Duration::days(3);
    let event = a.session().stamp(change, SATO, behind);
    let text = format!(
        "(seen:{{\"main\":{seen}}})\n{}\n",
        ron::to_string(&event).unwrap()
    );
    let journal = dir
        .path()
        .join("sessions")
        .join(format!("{id}.{SATO}@laptop.journal"));
    std::fs::write(&journal, text).unwrap();
    a.tick(TANAKA);
    let session = a.session();
    assert!(merge::conflicts(session).is_empty(), "made after seeing it");
    assert_eq!(
        session.hearing(&departments[0]).unwrap().mark(&items[0]),
        Some(marks[1].as_str())
    );
    let last = session.history.last().unwrap();
    assert_eq!(
        (last.by.as_str(), last.at),
        (SATO, behind),
        "shown as recorded"
    );
}

#[test]
fn a_read_only_copy_follows_every_writer_and_a_failing_folder_keeps_answers_in_memory() {
    let (_dir, store, id) = round(false);
    let mut a = Doc::open(&store, &id, TANAKA).unwrap();
    let mut b = Doc::open(&store, &id, SATO).unwrap();
    // 田中 again on this laptop: reads only, and follows both writers.
    let mut reader = Doc::open(&store, &id, TANAKA).unwrap();
    assert!(reader.holder().is_some_and(|h| h.starts_with(TANAKA)));
    mark(&mut a, "秘書", "I-1", "○");
    mark(&mut b, "保育", "I-1", "×");
    assert_eq!(reader.tick(TANAKA), Saved::ReadOnly);
    assert_eq!(
        reader.session().hearing("秘書").unwrap().mark("I-1"),
        Some("○")
    );
    assert_eq!(
        reader.session().hearing("保育").unwrap().mark("I-1"),
        Some("×")
    );
    // The folder goes away under 佐藤 (a file server dropped): the answer stays in
    // memory, pending, with the save-failure banner; it is written when it is back.
    b.writer_mut().unwrap().simulate_failing_disk(true);
    let change = b.session().set_mark("保育", "I-2(1)", Some("○")).unwrap();
    assert_eq!(b.record(change), Saved::No);
    assert_eq!(b.pending(), 1);
    assert!(b.save_error().is_some());
    assert_eq!(
        b.session().hearing("保育").unwrap().mark("I-2(1)"),
        Some("○")
    );
    a.tick(TANAKA);
    assert_eq!(a.session().hearing("保育").unwrap().mark("I-2(1)"), None);
    b.writer_mut().unwrap().simulate_failing_disk(false);
    assert_eq!(b.tick(SATO), Saved::Again);
    a.tick(TANAKA);
    assert_eq!(
        a.session().hearing("保育").unwrap().mark("I-2(1)"),
        Some("○")
    );
}

#[test]
fn a_round_another_auditor_writes_is_not_deleted_and_its_journals_go_to_the_trash_with_it() {
    let (dir, store, id) = round(false);
    let a = Doc::open(&store, &id, TANAKA).unwrap();
    let mut b = Doc::open(&store, &id, SATO).unwrap();
    mark(&mut b, "保育", "I-1", "×");
    a.close();
    let refused = store.delete(&id).unwrap_err();
    assert!(refused.to_string().contains(SATO), "{refused}");
    b.close();
    let before = store.load(&id).unwrap();
    store.delete(&id).unwrap();
    assert!(journals(dir.path(), ".journal").is_empty());
    store.restore(&id).unwrap();
    assert_eq!(journals(dir.path(), ".journal").len(), 1);
    assert_eq!(store.load(&id).unwrap(), before);
}

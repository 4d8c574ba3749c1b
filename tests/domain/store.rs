//! Sessions on disk: one writer at a time (also across processes), broken files
//! reported with their place and never touched, torn journal lines, and an answer
//! being on disk as soon as `record` returns.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::common::{kansa_in, stderr};
use kansa::checklist::Checklist;
use kansa::error::{FileError, Position};
use kansa::results::Tally;
use kansa::session::{AuditFacts, Change, Refusal, Session};
use kansa::store::{Doc, RecordError, Saved, Store, StoreError};

/// Set in a child copy of this test binary to make `helper` act: `MODE DIR ID`.
const HELPER: &str = "KANSA_TEST_HELPER";

fn new_session(store: &Store, title: &str) -> String {
    let checklist = Checklist::bundled();
    let now = chrono::Local::now().fixed_offset();
    let id = store.new_id(now);
    let facts = AuditFacts {
        title: title.into(),
        ..AuditFacts::default()
    };
    let departments = checklist.departments.clone();
    store
        .create(&Session::new(
            id.clone(),
            checklist,
            departments,
            facts,
            now,
        ))
        .unwrap();
    id
}

/// A session with a few answers in its journal (the writer is never closed).
fn session_with_journal(store: &Store) -> (String, Vec<u8>) {
    let id = new_session(store, "journal");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    for (department, item, mark) in [("保育", "I-3", "×"), ("秘書", "I-1", "○")] {
        let change = writer
            .session()
            .set_mark(department, item, Some(mark))
            .unwrap();
        writer.record(change).unwrap();
    }
    let change = writer
        .session()
        .set_note("保育", "I-3", "付箋にID・パスワードの記載あり。")
        .unwrap();
    writer.record(change).unwrap();
    drop(writer);
    let bytes = std::fs::read(store.path_of(&id)).unwrap();
    (id, bytes)
}

fn host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// 1-based line and character column of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> Position {
    let (line, column) = common::line_column(text, offset);
    Position { line, column }
}

#[test]
fn a_second_writer_is_refused_and_told_who_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "lock");
    let first = store.open_writer(&id, "a").unwrap();
    let refused = store.open_writer(&id, "b").err().expect("a second writer");
    let message = refused.to_string();
    assert!(matches!(refused, StoreError::Locked { .. }), "{message}");
    assert!(
        message.contains(&format!("pid {}", std::process::id())),
        "{message}"
    );
    assert!(message.contains(&host()), "{message}");
    assert_eq!(message.lines().count(), 1);
    // Readers are never refused.
    store.load(&id).unwrap();
    first.close().unwrap();
    store.open_writer(&id, "b").unwrap().close().unwrap();
}

#[test]
fn the_lock_the_read_only_copy_and_the_history_name_the_person_working() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "who");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let expected = format!("監査 太郎 (pid {} on {})", std::process::id(), host());
    match store.open_writer(&id, "監査 花子") {
        Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, expected),
        other => panic!("expected the lock to be held: {:?}", other.err()),
    }
    let reader = Doc::open(&store, &id, "監査 太郎").unwrap();
    assert_eq!(reader.holder(), Some(expected.as_str()));

    let change = writer.session().set_mark("保育", "I-1", Some("○")).unwrap();
    writer.record(change).unwrap();
    writer.close().unwrap();
    let history = store.load(&id).unwrap().history;
    let who: Vec<_> = history.iter().map(|e| e.by.as_str()).collect();
    assert_eq!(who, ["監査 太郎"]);
}

/// Starts this test binary again as `helper`, in `mode`, and waits for it to report
/// `ready` on stdout.
fn spawn_helper(mode: &str, data: &Path, id: &str, ready: &str) -> Child {
    // The harness names a test by its path below the crate: `store::helper` in the
    // `domain` binary.
    let helper = match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::helper"),
        None => "helper".to_string(),
    };
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &helper, "--nocapture", "--test-threads=1"])
        .env(HELPER, format!("{mode} {} {id}", data.display()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let seen = lines.any(|l| l.unwrap().contains(ready));
    assert!(seen, "the helper never said {ready}");
    // Keep reading, or the helper's last words meet a closed pipe and it fails.
    std::thread::spawn(move || lines.for_each(drop));
    child
}

/// Not a test on its own: a child process that opens a session for writing, maybe
/// records an answer, says so and holds on until its stdin closes (or it is killed).
#[test]
fn helper() {
    let Ok(args) = std::env::var(HELPER) else {
        return;
    };
    let [mode, data, id] = args.split(' ').collect::<Vec<_>>()[..] else {
        panic!("{HELPER}={args}");
    };
    let store = Store::open(Path::new(data)).unwrap();
    let mut writer = store.open_writer(id, "child").unwrap();
    if mode == "record" {
        let change = writer
            .session()
            .set_mark("障がい", "III-7", Some("×"))
            .unwrap();
        writer.record(change).unwrap();
        let change = writer
            .session()
            .set_note("障がい", "III-7", "e-Learningの受講状況が悪い。")
            .unwrap();
        writer.record(change).unwrap();
    }
    println!("KANSA-HELPER-{mode}");
    std::io::stdout().flush().unwrap();
    let mut rest = String::new();
    let _ = std::io::stdin().read_line(&mut rest);
    drop(writer);
}

#[test]
fn a_writer_in_another_process_is_named_with_its_pid_and_host() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "lock across processes");
    let mut child = spawn_helper("hold", dir.path(), &id, "KANSA-HELPER-hold");

    let refused = store.open_writer(&id, "parent").err().expect("locked");
    let message = refused.to_string();
    assert!(
        message.contains(&format!("pid {} on {}", child.id(), host())),
        "{message}"
    );
    assert!(
        message.contains("child (pid"),
        "the person is named: {message}"
    );

    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    store.open_writer(&id, "parent").unwrap().close().unwrap();
}

#[test]
fn an_answer_is_on_disk_when_record_returns() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "durable");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let change = writer
        .session()
        .set_mark("保育", "I-5(2)", Some("×"))
        .unwrap();
    writer.record(change).unwrap();
    assert!(writer.is_saved());

    // Another reader, as after a crash: no close, no drop.
    let reader = Store::open(dir.path()).unwrap();
    let seen = reader.load(&id).unwrap();
    assert_eq!(
        seen.answer("保育", "I-5(2)").unwrap().mark.as_deref(),
        Some("×")
    );
    assert_eq!(seen.history.len(), 1);
    std::mem::forget(writer);
}

#[test]
fn a_new_round_gets_its_id_from_the_store_and_needs_a_department() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = chrono::Local::now().fixed_offset();
    let facts = AuditFacts {
        title: "一課".into(),
        ..AuditFacts::default()
    };
    let names = ["障がい福祉課".to_string(), "情報政策課".to_string()];
    let created = store
        .create_session(Checklist::bundled(), Some(&names), facts.clone(), now)
        .unwrap();
    assert_eq!(created.unlisted, ["情報政策課"]);
    assert_eq!(store.load(&created.session.id).unwrap(), created.session);
    let again = store
        .create_session(Checklist::bundled(), None, facts.clone(), now)
        .unwrap();
    assert_ne!(again.session.id, created.session.id, "same second, new id");
    assert_eq!(again.session.hearings.len(), 6, "the roster");

    let none = store.create_session(Checklist::bundled(), Some(&[]), facts, now);
    assert!(matches!(none, Err(StoreError::NoDepartments)), "{none:?}");
}

/// A change naming a department the session does not have, as a stale screen or a
/// hand-made caller could send.
fn unknown_department_mark() -> Change {
    Change::Mark {
        department: "総務".into(),
        item: "I-1".into(),
        from: None,
        to: Some("○".into()),
        from_applicability: false,
        to_applicability: false,
    }
}

#[test]
fn a_refused_change_is_neither_applied_nor_pending() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "refused");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let before = writer.session().clone();
    let refused = writer.record(unknown_department_mark()).unwrap_err();
    assert!(
        matches!(&refused, RecordError::Refused(Refusal::UnknownDepartment(d)) if d == "総務"),
        "{refused:?}"
    );
    assert!(writer.is_saved());
    assert_eq!(writer.session(), &before);
    writer.close().unwrap();
    assert_eq!(store.load(&id).unwrap(), before);
}

#[test]
fn the_document_tells_a_refusal_from_a_failed_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "refused on a failing disk");
    let mut doc = Doc::open(&store, &id, "監査 太郎").unwrap();
    let refused = doc.record(unknown_department_mark());
    assert_eq!(
        refused,
        Saved::Refused(Refusal::UnknownDepartment("総務".into()))
    );
    assert_eq!(
        (doc.pending(), doc.save_error().map(|e| e.to_string())),
        (0, None)
    );

    doc.writer_mut().unwrap().simulate_failing_disk(true);
    let change = doc.session().set_mark("保育", "I-3", Some("×")).unwrap();
    assert_eq!(doc.record(change), Saved::No);
    let reason = doc.save_error().map(|e| e.to_string());
    assert!(reason.is_some());
    assert!(matches!(
        doc.record(unknown_department_mark()),
        Saved::Refused(_)
    ));
    assert_eq!(
        doc.pending(),
        1,
        "the refusal added nothing to the pending save"
    );
    assert_eq!(doc.save_error().map(|e| e.to_string()), reason);

    doc.writer_mut().unwrap().simulate_failing_disk(false);
    assert_eq!(doc.tick("監査 太郎"), Saved::Again);
    assert_eq!(
        (doc.pending(), doc.save_error().map(|e| e.to_string())),
        (0, None)
    );
    doc.close();
    let saved = store.load(&id).unwrap();
    assert_eq!(
        saved.answer("保育", "I-3").unwrap().mark.as_deref(),
        Some("×")
    );
    assert_eq!(saved.history.len(), 1);
}

#[test]
fn answers_survive_a_writer_killed_with_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "kill -9");
    let mut child = spawn_helper("record", dir.path(), &id, "KANSA-HELPER-record");
    child.kill().unwrap();
    child.wait().unwrap();

    let session = store.load(&id).unwrap();
    let answer = session.answer("障がい", "III-7").unwrap();
    assert_eq!(answer.mark.as_deref(), Some("×"));
    assert_eq!(answer.note, "e-Learningの受講状況が悪い。");
    // The kernel released the lock with the process; the journal folds on open.
    let writer = store.open_writer(&id, "parent").unwrap();
    assert_eq!(writer.session(), &session);
    writer.close().unwrap();
    assert_eq!(store.load(&id).unwrap(), session);
}

/// How a broken file must be reported: by the CLI (export fails, list names it) and
/// by `open_writer`, at `at`, with the file left exactly as it was.
fn assert_reported_and_untouched(dir: &Path, id: &str, at: Position, what: &str) {
    let store = Store::open(dir).unwrap();
    let path = store.path_of(id);
    let before = std::fs::read(&path).unwrap();
    let located = format!("{}:{}:{}: ", path.display(), at.line, at.column);

    let output = kansa_in(dir)
        .args(["export", id, "--format", "csv", "-o", "-"])
        .output()
        .unwrap();
    assert!(!output.status.success(), "{what}: export must fail");
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{what}: {err}");
    assert!(
        err.contains(&located),
        "{what}: expected {located}… in {err}"
    );
    assert!(output.stdout.is_empty(), "{what}");

    let output = kansa_in(dir).arg("list").output().unwrap();
    let err = stderr(&output);
    assert!(
        err.contains(&located),
        "{what}: expected {located}… in {err}"
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains(id));

    match store.open_writer(id, "監査 太郎") {
        Err(StoreError::File(FileError {
            position: Some(position),
            ..
        })) => assert_eq!(position, at, "{what}"),
        Err(other) => panic!("{what}: {other}"),
        Ok(_) => panic!("{what}: a broken file opened for writing"),
    }
    match store.load(id) {
        Err(StoreError::File(e)) => assert_eq!(e.position, Some(at), "{what}"),
        Err(other) => panic!("{what}: {other}"),
        Ok(_) => panic!("{what}: a broken file loaded"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "{what}: untouched");
    let previous = path.with_extension("ron.prev");
    assert!(
        !previous.exists() || std::fs::read(&previous).unwrap() != before,
        "{what}: nothing was rewritten"
    );
}

/// Replaces the first `find` after `after` in session `id`'s file; returns where the
/// error must point, `token` bytes into the replacement.
fn break_file(
    store: &Store,
    id: &str,
    after: &str,
    find: &str,
    replace: &str,
    token: usize,
) -> Position {
    let path = store.path_of(id);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(after).unwrap();
    let at = start + text[start..].find(find).unwrap();
    let broken = format!("{}{replace}{}", &text[..at], &text[at + find.len()..]);
    std::fs::write(&path, &broken).unwrap();
    line_column(&broken, at + token)
}

#[test]
fn a_bad_value_in_the_snapshot_is_located_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "bad value");
    let at = break_file(
        &store,
        &id,
        "answers",
        "by_applicability: true",
        "by_applicability: はい",
        "by_applicability: ".len(),
    );
    assert_reported_and_untouched(dir.path(), &id, at, "bad value");
}

#[test]
fn a_misspelt_field_in_the_snapshot_is_located_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, _) = session_with_journal(&store);
    let at = break_file(&store, &id, "answers", "note:", "nota:", 0);
    assert_reported_and_untouched(dir.path(), &id, at, "misspelt field");
}

#[test]
fn a_broken_journal_line_is_located_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, _) = session_with_journal(&store);
    let at = break_file(
        &store,
        &id,
        "// journal",
        "Some(\"○\")",
        "Some(○)",
        "Some(".len(),
    );
    assert_reported_and_untouched(dir.path(), &id, at, "broken journal line");
}

#[test]
fn a_journal_line_naming_an_unknown_item_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, _) = session_with_journal(&store);
    let path = store.path_of(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let journal = text.find("// journal\n").unwrap() + "// journal\n".len();
    let first = &text[journal..][..text[journal..].find('\n').unwrap()];
    let wrong = first.replace("\"I-3\"", "\"I-99\"");
    assert_ne!(wrong, first);
    std::fs::write(&path, text.replacen(first, &wrong, 1)).unwrap();
    let at = line_column(&text, journal);
    assert_reported_and_untouched(dir.path(), &id, at, "unknown item in the journal");
}

#[test]
fn a_truncated_snapshot_is_located_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "truncated");
    let path = store.path_of(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    // Cut right after a line in the middle of the answers, as a bad copy would.
    let half = (text.len() / 2..)
        .find(|&at| text.is_char_boundary(at))
        .unwrap();
    let middle = text[half..].find(",\n").unwrap() + half + 2;
    let cut = &text[..middle];
    std::fs::write(&path, cut).unwrap();
    assert_reported_and_untouched(dir.path(), &id, line_column(cut, cut.len()), "truncated");
}

#[test]
fn a_snapshot_cut_inside_a_character_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "cut inside a character");
    let path = store.path_of(&id);
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    // The area title: a string that starts with the character cut (the facts'
    // wording also holds the words, inside longer strings).
    let kanji = text.find("\"人的セキュリティ\"").unwrap() + 1;
    std::fs::write(&path, &bytes[..kanji + 1]).unwrap();
    // The string that was cut opens at the quote before it.
    let at = line_column(&text, kanji - 1);
    assert_reported_and_untouched(dir.path(), &id, at, "cut inside a character");
}

#[test]
fn a_torn_journal_line_is_ignored_and_the_original_kept_beside() {
    for cut_inside_a_character in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (id, _) = session_with_journal(&store);
        let path = store.path_of(&id);
        let whole = store.load(&id).unwrap();

        // Half of a note change, as a crash in the middle of an append leaves it.
        let line = "(at:\"2024-09-27T10:00:00+09:00\",by:\"監査 太郎\",change:Note(department:\"保育\",item:\"I-2(2)\",from:\"\",to:\"デスクトップに保存あり\"))\n";
        let tear = line.find("保存").unwrap() + usize::from(cut_inside_a_character);
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(&line.as_bytes()[..tear]).unwrap();
        drop(file);
        let torn = std::fs::read(&path).unwrap();

        assert_eq!(store.load(&id).unwrap(), whole, "torn line ignored");
        let writer = store.open_writer(&id, "監査 太郎").unwrap();
        assert_eq!(writer.session(), &whole);
        let previous = path.with_extension("ron.prev");
        assert_eq!(std::fs::read(&previous).unwrap(), torn, "original kept");
        let folded = std::fs::read_to_string(&path).unwrap();
        assert!(folded.ends_with("// journal\n"), "journal folded");
        // Answers after the tear are whole lines of their own.
        let change = writer
            .session()
            .set_mark("保育", "I-2(2)", Some("×"))
            .unwrap();
        let mut writer = writer;
        writer.record(change).unwrap();
        drop(writer);
        let reloaded = store.load(&id).unwrap();
        assert_eq!(
            reloaded.answer("保育", "I-2(2)").unwrap().mark.as_deref(),
            Some("×")
        );
    }
}

/// The file as a writer before the history section left it: the history inside the
/// snapshot, no summary line.
fn old_layout(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .struct_names(false);
    let body = ron::ser::to_string_pretty(session, config).unwrap();
    let events: Vec<String> = session
        .history
        .iter()
        .map(|e| ron::to_string(e).unwrap())
        .collect();
    let body = body.replacen(
        "\n    signed:",
        &format!("\n    history: [{}],\n    signed:", events.join(",")),
        1,
    );
    format!("// kansa session\n{body}\n// journal\n")
}

#[test]
fn a_file_with_the_history_inside_the_snapshot_reads_and_is_rewritten_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, _) = session_with_journal(&store);
    let whole = store.load(&id).unwrap();
    assert_eq!(whole.history.len(), 3);
    let path = store.path_of(&id);
    std::fs::write(&path, old_layout(&whole)).unwrap();
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("// history")
    );
    assert_eq!(store.load(&id).unwrap(), whole, "old layout reads");
    let writer = store.open_writer(&id, "監査 太郎").unwrap();
    assert_eq!(writer.session(), &whole);
    drop(writer);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n// history\n"), "converted on open");
    assert!(text.lines().nth(1).unwrap().starts_with("// summary "));
    assert_eq!(store.load(&id).unwrap(), whole);
}

#[test]
fn a_short_journal_is_neither_folded_on_open_nor_on_close() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, bytes) = session_with_journal(&store);
    let whole = store.load(&id).unwrap();
    let writer = store.open_writer(&id, "監査 太郎").unwrap();
    assert_eq!(writer.journal_lines(), 3);
    assert_eq!(writer.session(), &whole, "history read lazily, all of it");
    writer.close().unwrap();
    assert_eq!(
        std::fs::read(store.path_of(&id)).unwrap(),
        bytes,
        "not rewritten"
    );
    let (list, errors) = store.list().unwrap();
    assert!(errors.is_empty());
    assert_eq!(
        list[0].answered,
        whole.answered_count(),
        "the journal counted"
    );
    assert_eq!(list[0].last_change, whole.last_change());
}

/// After a fold the summary line gives where the history lies: opening reads its lines
/// as bytes, unparsed, and the session is the same as a full read's.
#[test]
fn a_folded_history_opens_unread_and_reads_as_a_full_read_does() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (id, _) = session_with_journal(&store);
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    writer.compact().unwrap();
    let change = writer.session().set_mark("秘書", "I-3", Some("△")).unwrap();
    writer.record(change).unwrap();
    drop(writer);
    let bytes = std::fs::read(store.path_of(&id)).unwrap();

    let whole = store.load(&id).unwrap();
    let writer = store.open_writer(&id, "監査 太郎").unwrap();
    assert_eq!(writer.journal_lines(), 1, "only the new change replayed");
    assert_eq!(writer.session().history.len(), 4);
    assert_eq!(writer.session().last_change(), whole.last_change());
    assert_eq!(writer.session(), &whole, "every event, every answer");
    writer.close().unwrap();
    assert_eq!(
        std::fs::read(store.path_of(&id)).unwrap(),
        bytes,
        "not rewritten"
    );

    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    writer.compact().unwrap();
    drop(writer);
    assert_eq!(
        store.load(&id).unwrap(),
        whole,
        "a second fold copies the lines"
    );
}

#[test]
fn a_read_only_copy_follows_appends_and_folds() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "follow");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let mut reader = Doc::open(&store, &id, "監査 太郎").unwrap();
    let change = writer.session().set_mark("保育", "I-3", Some("×")).unwrap();
    writer.record(change).unwrap();
    let change = writer
        .session()
        .set_note("保育", "I-3", "鍵なし。")
        .unwrap();
    writer.record(change).unwrap();
    assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
    assert_eq!(
        reader.session(),
        writer.session(),
        "appended lines followed"
    );
    writer.compact().unwrap();
    let change = writer.session().set_mark("秘書", "I-1", Some("○")).unwrap();
    writer.record(change).unwrap();
    assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
    assert_eq!(reader.session(), writer.session(), "a fold read whole");
}

/// Windows refuses to replace a file that is open, and to link over an existing
/// name: a fold must work there as here while another kansa follows the session.
#[test]
fn a_fold_while_a_read_only_copy_has_the_session_open_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "fold while followed");
    let mut writer = store.open_writer(&id, "監査 太郎").unwrap();
    let mut reader = Doc::open(&store, &id, "監査 太郎").unwrap();
    assert!(reader.holder().is_some(), "read-only");
    let cells: Vec<(String, String)> = writer
        .session()
        .hearings
        .iter()
        .flat_map(|h| {
            let department = h.department.short.clone();
            let items = writer.session().checklist.items();
            items.map(move |(_, item)| (department.clone(), item.id.clone()))
        })
        .collect();
    // Two folds, each after half the answers: the second replaces the first's
    // `.prev`. The read-only copy looks in between, as its screen does every tick.
    for half in cells.chunks(cells.len().div_ceil(2)) {
        for (department, item) in half {
            let change = writer
                .session()
                .set_mark(department, item, Some("○"))
                .unwrap();
            writer.record(change).unwrap();
        }
        assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
        assert_eq!(reader.session(), writer.session(), "followed");
        writer.compact().unwrap();
        assert_eq!(writer.journal_lines(), 0, "folded");
        assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
        assert_eq!(
            reader.session(),
            writer.session(),
            "read again after the fold"
        );
    }
    // And an answer after the fold goes to the new file.
    let change = writer
        .session()
        .set_note("保育", "I-3", "付箋にID・パスワード。")
        .unwrap();
    writer.record(change).unwrap();
    let expected = writer.session().clone();
    writer.close().unwrap();

    let path = store.path_of(&id);
    assert!(
        path.with_extension("ron.prev").is_file(),
        "the previous file kept"
    );
    assert_eq!(reader.tick("監査 太郎"), Saved::Unlocked, "the writer left");
    assert_eq!(reader.session(), &expected);
    reader.close();
    let reopened = store.open_writer(&id, "監査 太郎").unwrap();
    assert_eq!(reopened.session(), &expected);
    for (department, item) in &cells {
        let answer = reopened.session().answer(department, item);
        let mark = answer.and_then(|a| a.mark.as_deref());
        assert_eq!(mark, Some("○"), "{department} {item}");
    }
    reopened.close().unwrap();
    assert_eq!(store.load(&id).unwrap(), expected);
}

/// A document's counts, made once and then kept by its changes, are those of its
/// session counted afresh: after a change, a refused one, and in a read-only copy that
/// follows appended lines and a fold.
#[test]
fn a_documents_counts_stay_those_of_its_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let id = new_session(&store, "counts");
    let mut doc = Doc::open(&store, &id, "監査 太郎").unwrap();
    let mut reader = Doc::open(&store, &id, "監査 太郎").unwrap();
    let counted = |doc: &Doc| assert_eq!(*doc.tally(), Tally::new(doc.session()));
    counted(&doc);
    counted(&reader);
    let change = doc.session().set_mark("保育", "I-3", Some("×")).unwrap();
    assert_eq!(doc.record(change), Saved::Yes);
    counted(&doc);
    let change = doc.session().set_mark("保育", "I-3", Some("○")).unwrap();
    doc.record(change);
    let refused = Change::Mark {
        department: "保育".into(),
        item: "無い項目".into(),
        from: None,
        to: Some("×".into()),
        from_applicability: false,
        to_applicability: false,
    };
    assert!(matches!(doc.record(refused), Saved::Refused(_)));
    counted(&doc);
    assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
    assert_eq!(reader.session(), doc.session());
    counted(&reader);
    doc.writer_mut().unwrap().compact().unwrap();
    let change = doc.session().set_mark("秘書", "I-1", Some("△")).unwrap();
    doc.record(change);
    assert_eq!(reader.tick("監査 太郎"), Saved::ReadOnly);
    assert_eq!(reader.session(), doc.session(), "the fold read whole");
    counted(&reader);
    assert_eq!(reader.tally().department(0).unwrap().marks[1], 1);
}

#[cfg(unix)]
#[test]
fn a_data_directory_others_can_read_is_made_owner_only_and_said_so_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    new_session(&Store::open(dir.path()).unwrap(), "見える");
    for folder in [dir.path(), &sessions] {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let first = kansa_in(dir.path()).arg("list").output().unwrap();
    assert!(first.status.success());
    let said = stderr(&first);
    assert_eq!(said.matches("owner-only (0700)").count(), 2, "{said}");
    for folder in [dir.path(), &sessions] {
        let mode = std::fs::metadata(folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
    }
    let again = kansa_in(dir.path()).arg("list").output().unwrap();
    assert!(!stderr(&again).contains("0700"), "said once");
    assert!(Store::open(dir.path()).unwrap().tightened().is_empty());
}

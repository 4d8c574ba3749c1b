//! Property tests of the two loaders people's files reach: the checklist parser and the
//! session loader. Random bytes and mutated real files must never panic, and every
//! error must say where (a position inside the text), except an unreadable file.

use std::path::Path;
use std::sync::OnceLock;

use kansa::checklist::{BUNDLED, Checklist};
use kansa::error::FileError;
use kansa::i18n::{Describe, Lang};
use kansa::session::{AuditFacts, Session};
use kansa::store::{Store, StoreError};
use proptest::prelude::*;
use proptest::sample::Index;

/// Bits of RON and of our formats worth splicing in: they get a mutant past the parser
/// into the checks that come after it.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\n",
    " ",
    "//",
    "/*",
    "*/",
    "\\",
    "\\u{3042}",
    "\\u{d800}",
    "r#\"",
    "\"#",
    "0x",
    "-1",
    "1e999",
    "18446744073709551616",
    "None",
    "Some(",
    "true",
    "Always",
    "Tag(\"nobody\")",
    "Not(Tag(\"intranet\"))",
    "format: 2,",
    "id: \"I-1\",",
    "key: '1',",
    "key: 'q',",
    "symbol: \"○\",",
    "short: \"保育\",",
    "mark: Some(\"◎\"),",
    "department: \"総務\",",
    "item: \"X-9\",",
    "at: \"2024-13-45T25:61:61+99:00\",",
    "\n// journal\n",
    "(at:\"2024-09-27T10:00:00+09:00\",by:\"x\",change:Move((department:\"保育\",item:\"I-1\")))\n",
    "監査",
    "\u{feff}",
    "\u{0}",
    "\r\n",
    "\u{301}",
    "id: \"../x\",",
    "id: \"/tmp/x\",",
    "id: \"a/b\",",
    "id: \"s\",",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: Index, bits: u8 },
    Truncate(Index),
    InsertBytes { at: Index, bytes: Vec<u8> },
    InsertFragment { at: Index, fragment: Index },
    DeleteLine(Index),
    DuplicateLine(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 1..=255u8).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes { at, bytes }),
        (any::<Index>(), any::<Index>())
            .prop_map(|(at, fragment)| Mutation::InsertFragment { at, fragment }),
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
    ]
}

/// The spans of the lines of `bytes`, each with its newline.
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        spans.push((start, bytes.len()));
    }
    spans
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match mutation {
        Mutation::Flip { at, bits } => {
            let i = at.index(bytes.len());
            bytes[i] ^= bits;
        }
        Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len())),
        Mutation::InsertBytes { at, bytes: new } => {
            let i = at.index(bytes.len() + 1);
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::InsertFragment { at, fragment } => {
            let i = at.index(bytes.len() + 1);
            let fragment = FRAGMENTS[fragment.index(FRAGMENTS.len())];
            bytes.splice(i..i, fragment.bytes());
        }
        Mutation::DeleteLine(line) => {
            let spans = lines(bytes);
            let (start, end) = spans[line.index(spans.len())];
            bytes.drain(start..end);
        }
        Mutation::DuplicateLine(line) => {
            let spans = lines(bytes);
            let (start, end) = spans[line.index(spans.len())];
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

fn mutated(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for m in mutations {
        apply(&mut bytes, m);
    }
    bytes
}

/// A located error must point inside the text it was found in.
fn check_located(error: &FileError, text: &str) -> Result<(), TestCaseError> {
    let Some(position) = error.position else {
        return Err(TestCaseError::fail(format!("no position: {error}")));
    };
    prop_assert!(
        position.offset_in(text).is_some(),
        "{error}: position outside the text ({} lines)",
        text.lines().count()
    );
    for lang in [Lang::En, Lang::Ja] {
        prop_assert!(!error.problem.localized(lang).is_empty());
    }
    Ok(())
}

fn check_checklist(bytes: &[u8]) -> Result<(), TestCaseError> {
    // Text that is not UTF-8 never reaches the parser: reading it fails first.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    match Checklist::parse(text, Path::new("mutant.ron")) {
        Ok(checklist) => {
            // Whatever passes the checks can be summarised and used for a session.
            for lang in [Lang::En, Lang::Ja] {
                let _ = checklist.summary(Path::new("mutant.ron"), lang.messages());
            }
            let departments = checklist.departments.clone();
            let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
            let session = Session::new(
                "s".into(),
                checklist,
                departments,
                AuditFacts::default(),
                now,
            );
            kansa::export::matrix_csv(&session).unwrap();
            Ok(())
        }
        Err(error) => check_located(&error, text),
    }
}

/// A session with a few answers, notes and a move in its journal, as a writer that
/// was never closed leaves it.
fn session_file() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let checklist = Checklist::bundled();
        let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T10:00:00+09:00").unwrap();
        let departments = checklist.departments.clone();
        let facts = AuditFacts {
            title: "令和6年度（上半期）".into(),
            auditors: vec!["監査 太郎".into()],
            ..AuditFacts::default()
        };
        let session = Session::new("s".into(), checklist, departments, facts, now);
        store.create(&session).unwrap();
        let mut writer = store.open_writer("s", "監査 太郎").unwrap();
        let s = writer.session();
        let changes = [
            s.set_mark("保育", "I-3", Some("×")).unwrap(),
            s.set_note("保育", "I-3", "付箋にID・パスワード。\n撤去を指示した。")
                .unwrap(),
            s.set_mark("障がい", "III-7", Some("×")).unwrap(),
            s.set_mark("秘書", "III-7", Some("○")).unwrap(),
            s.move_to("管財", "II-1(3)").unwrap(),
        ];
        for change in changes {
            writer.record(change).unwrap();
        }
        drop(writer);
        let bytes = std::fs::read(store.path_of("s")).unwrap();
        assert!(
            String::from_utf8_lossy(&bytes).matches('\n').count() > 5,
            "the journal has lines"
        );
        bytes
    })
}

fn check_session(store: &Store, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = store.path_of("m");
    std::fs::write(&path, bytes).unwrap();
    match store.load("m") {
        Ok(session) => {
            let _ = session.answered_count();
            kansa::export::matrix_csv(&session).unwrap();
            Ok(())
        }
        Err(StoreError::File(error)) => {
            // The loader reads a file that ends inside a character up to the cut.
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
            };
            check_located(&error, text)
        }
        Err(other) => Err(TestCaseError::fail(format!("not a file error: {other}"))),
    }
}

fn session_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_as_a_checklist(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_checklist(&bytes)?;
    }

    #[test]
    fn random_text_as_a_checklist(text in "[ -~\n○△×監査（）]{0,300}") {
        check_checklist(text.as_bytes())?;
    }

    #[test]
    fn mutated_bundled_checklist(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_checklist(&mutated(BUNDLED.as_bytes(), &mutations))?;
    }

    #[test]
    fn random_bytes_as_a_session(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (_dir, store) = session_store();
        check_session(&store, &bytes)?;
    }

    #[test]
    fn mutated_session_file(mutations in prop::collection::vec(mutation(), 1..4)) {
        let (_dir, store) = session_store();
        check_session(&store, &mutated(session_file(), &mutations))?;
    }

    #[test]
    fn mutated_journal_of_a_session_file(mutations in prop::collection::vec(mutation(), 1..4)) {
        // Mutations aimed at the journal, the part written on every answer.
        let file = session_file();
        let text = std::str::from_utf8(file).unwrap();
        let journal = text.find("// journal\n").unwrap() + "// journal\n".len();
        let mut bytes = file[..journal].to_vec();
        bytes.extend(mutated(&file[journal..], &mutations));
        let (_dir, store) = session_store();
        check_session(&store, &bytes)?;
    }
}

#[test]
fn the_unmutated_files_load() {
    check_checklist(BUNDLED.as_bytes()).unwrap();
    let (_dir, store) = session_store();
    check_session(&store, session_file()).unwrap();
    assert_eq!(store.load("m").unwrap().history.len(), 4);
}

/// The bundled examples with points, bands, severities, answer fields, a gate and
/// department lists: their mutants reach the rules `Checklist::check` adds.
const EXAMPLES: [&str; 2] = [
    include_str!("../../checklists/self-diagnosis-points.ron"),
    include_str!("../../checklists/isms-severity.ron"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_example_checklists(which in 0..EXAMPLES.len(), mutations in prop::collection::vec(mutation(), 1..4)) {
        check_checklist(&mutated(EXAMPLES[which].as_bytes(), &mutations))?;
    }

    #[test]
    fn mutated_csv_checklists(mutations in prop::collection::vec(mutation(), 1..4)) {
        // A spreadsheet import never panics, and every refusal names the file.
        let checklist = Checklist::parse(EXAMPLES[1], Path::new("isms.ron")).unwrap();
        let csv = kansa::sheet::to_csv(&checklist).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        std::fs::write(&path, mutated(csv.as_bytes(), &mutations)).unwrap();
        let output = dir.path().join("c.ron");
        if let Err(error) = kansa::sheet::import(&path, &output) {
            prop_assert!(error.to_string().starts_with(&path.display().to_string()));
            prop_assert!(!error.problem.to_string().is_empty());
        }
    }
}

/// A file from another laptop, imported: either refused with a reason, or a session
/// whose file is in the sessions folder and nowhere else.
fn check_import(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (dir, store) = session_store();
    let file = dir.path().join("from-usb.ron");
    std::fs::write(&file, bytes).unwrap();
    let Ok(session) = Store::load_file(&file) else {
        return Ok(());
    };
    let before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    match store.create(&session) {
        Ok(()) => {
            let path = store.path_of(&session.id);
            prop_assert!(path.exists());
            let sessions = dir.path().join("sessions");
            prop_assert_eq!(path.parent(), Some(sessions.as_path()));
        }
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before.len());
        }
    }
    Ok(())
}

/// A file merged into the round it claims to be part of: refused with a reason, or a
/// session that merging again leaves as it is.
fn check_merge(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (dir, _store) = session_store();
    let file = dir.path().join("part.ron");
    std::fs::write(&file, bytes).unwrap();
    let Ok(theirs) = Store::load_file(&file) else {
        return Ok(());
    };
    let original = dir.path().join("original.ron");
    std::fs::write(&original, session_file()).unwrap();
    let ours = Store::load_file(&original).unwrap();
    match kansa::merge::merge(&ours, &theirs) {
        Ok(merged) => {
            let again = kansa::merge::merge(&merged.session, &theirs).unwrap();
            prop_assert_eq!(again.session, merged.session);
        }
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_session_file_imported(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_import(&mutated(session_file(), &mutations))?;
    }

    #[test]
    fn mutated_session_file_merged(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_merge(&mutated(session_file(), &mutations))?;
    }

    #[test]
    fn random_bytes_imported_and_merged(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_import(&bytes)?;
        check_merge(&bytes)?;
    }
}

//! `kansa export ID --format session` without `--departments` hands over the whole
//! round, and a round with nothing to hear is never listed as answered (issue 26,
//! point 4), through the binary.

use std::path::Path;

use crate::common::{kansa_in, run, stdout};
use kansa::store::Store;

fn new_round(data: &Path, checklist: &str) -> String {
    let output = run(kansa_in(data).args([
        "new",
        "--checklist",
        checklist,
        "--title",
        "令和6年度（上半期）情報セキュリティ内部監査",
    ]));
    assert!(output.status.success(), "{output:?}");
    stdout(&output).trim().to_string()
}

/// The line of `kansa list` (in `lang`) about round `id`.
fn list_line(data: &Path, id: &str, lang: &str) -> String {
    let output = run(kansa_in(data).args(["--lang", lang, "list"]));
    assert!(output.status.success(), "{output:?}");
    stdout(&output)
        .lines()
        .find(|l| l.starts_with(id))
        .unwrap_or_else(|| panic!("{id} not listed: {output:?}"))
        .to_string()
}

#[test]
fn a_session_file_without_departments_is_the_whole_round() {
    for checklist in [
        "checklists/ryugasaki-2024-h1.ron",
        "checklists/self-diagnosis-points.ron",
    ] {
        let root = tempfile::tempdir().unwrap();
        let main = root.path().join("main");
        let id = new_round(&main, checklist);
        // One answer, so that the copy shows it came along.
        let store = Store::open(&main).unwrap();
        let mut writer = store.open_writer(&id, "田中 一郎").unwrap();
        let session = writer.session();
        let department = session.hearings[0].department.short.clone();
        let (_, item) = session.checklist.items().next().unwrap();
        let mark = session.checklist.scale[0].symbol.clone();
        let change = session
            .set_mark(&department, &item.id.clone(), Some(&mark))
            .unwrap();
        writer.record(change).unwrap();
        writer.close().unwrap();
        let original = store.load(&id).unwrap();

        let file = root.path().join("whole.ron");
        let output = run(kansa_in(&main)
            .args(["export", &id, "--format", "session", "-o"])
            .arg(&file));
        assert!(output.status.success(), "{output:?}");
        let laptop = root.path().join("laptop");
        let output = run(kansa_in(&laptop).args(["import", "session"]).arg(&file));
        assert!(output.status.success(), "{output:?}");
        let copy = Store::open(&laptop).unwrap().load(&id).unwrap();
        assert_eq!(copy.hearings.len(), original.hearings.len());
        assert_eq!(copy.cell_count(), original.cell_count());
        let answered = original.answered_count();
        assert!(answered > 0);
        assert_eq!(copy.answered_count(), answered);
        assert_eq!(copy.history, original.history);
        // Listed as the original is: open, as many answered of all its cells.
        let cells = original.cell_count();
        for data in [&main, &laptop] {
            let line = list_line(data, &id, "ja");
            assert!(line.contains("実施中"), "{line}");
            assert!(line.contains(&format!("{answered}/{cells}")), "{line}");
        }
    }
}

#[test]
fn a_round_with_nothing_to_hear_is_never_listed_as_answered() {
    let root = tempfile::tempdir().unwrap();
    let main = root.path().join("main");
    let id = new_round(&main, "checklists/isms-severity.ron");
    // A file as the old `export --format session` without departments wrote it: the
    // round cut to no department, 0 cells.
    let session = Store::open(&main).unwrap().load(&id).unwrap();
    let mut empty = session.clone();
    empty.hearings.clear();
    let file = root.path().join("empty.ron");
    Store::write_file(&file, &empty).unwrap();
    let laptop = root.path().join("laptop");
    let output = run(kansa_in(&laptop).args(["import", "session"]).arg(&file));
    assert!(output.status.success(), "{output:?}");
    for (lang, answered, open) in [("ja", "回答済", "実施中"), ("en", "answered", "open")] {
        let line = list_line(&laptop, &id, lang);
        assert!(!line.contains(answered), "{line}");
        assert!(line.contains(open) && line.contains("0/0"), "{line}");
    }
}

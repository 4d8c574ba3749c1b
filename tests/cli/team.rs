//! Working as a team through the binary: the seed round heard by two auditors in two
//! data directories and merged; git merging session files with `kansa merge-driver`;
//! damaged, unrelated, signed and path-naming files refused without changing a byte.
//! The hearings themselves are recorded through the library (the store's writer, as
//! the hearing screen does), not typed in tmux.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{kansa_in, line_column, run, stderr, stdout};
use kansa::seed;
use kansa::session::Session;
use kansa::store::Store;

const FIRST: [&str; 3] = ["秘書", "防災", "管財"];
const SECOND: [&str; 3] = ["福祉総務", "保育", "障がい"];

/// A new seed round in `data`: its id.
fn new_round(data: &Path) -> String {
    let output = run(kansa_in(data).args([
        "new",
        "--title",
        "令和6年度（上半期）情報セキュリティ内部監査",
    ]));
    assert!(output.status.success(), "{output:?}");
    stdout(&output).trim().to_string()
}

/// Records the seed's marks of `departments` in session `id` of `data`, as `by`.
fn hear(data: &Path, id: &str, departments: &[&str], by: &str) {
    let store = Store::open(data).unwrap();
    let mut writer = store.open_writer(id, by).unwrap();
    let items: Vec<String> = writer
        .session()
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .collect();
    for (department, keys) in seed::SEED_KEYS.iter().enumerate().map(|(i, k)| {
        let all = ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"];
        (all[i], *k)
    }) {
        if !departments.contains(&department) {
            continue;
        }
        for (item, key) in items.iter().zip(keys.chars()) {
            let session = writer.session();
            let Some(mark) = session
                .checklist
                .mark_for_key(key)
                .map(|m| m.symbol.clone())
            else {
                continue;
            };
            if session.hearing(department).and_then(|h| h.mark(item)) == Some(mark.as_str()) {
                continue;
            }
            let change = session.set_mark(department, item, Some(&mark)).unwrap();
            writer.record(change).unwrap();
        }
    }
    for (department, item, note) in seed::NOTES {
        if departments.contains(&department) {
            let change = writer.session().set_note(department, item, note).unwrap();
            writer.record(change).unwrap();
        }
    }
    writer.close().unwrap();
}

fn matrix_csv(data: &Path, id: &str) -> String {
    let output = run(kansa_in(data).args(["export", id, "--format", "csv", "-o", "-"]));
    assert!(output.status.success(), "{output:?}");
    stdout(&output)
}

fn export_part(data: &Path, id: &str, departments: &[&str], file: &Path) {
    let output = run(kansa_in(data)
        .args(["export", id, "--format", "session", "--departments"])
        .arg(departments.join(","))
        .arg("-o")
        .arg(file));
    assert!(output.status.success(), "{output:?}");
}

fn session_path(data: &Path, id: &str) -> PathBuf {
    data.join("sessions").join(format!("{id}.ron"))
}

#[test]
fn the_seed_round_heard_by_two_auditors_merges_into_the_seeds_matrix() {
    let root = tempfile::tempdir().unwrap();
    let main = root.path().join("main");
    let id = new_round(&main);
    let mut files = Vec::new();
    for (n, (departments, by)) in [(FIRST, "田中 一郎"), (SECOND, "佐藤 花子")]
        .into_iter()
        .enumerate()
    {
        let file = root.path().join(format!("part{n}.ron"));
        export_part(&main, &id, &departments, &file);
        let laptop = root.path().join(format!("laptop{n}"));
        let output = run(kansa_in(&laptop).args(["import", "session"]).arg(&file));
        assert!(output.status.success(), "{output:?}");
        assert_eq!(stdout(&output).trim(), id);
        let part = Store::open(&laptop).unwrap().load(&id).unwrap();
        let shorts: Vec<&str> = part
            .hearings
            .iter()
            .map(|h| h.department.short.as_str())
            .collect();
        assert_eq!(shorts, departments);
        hear(&laptop, &id, &departments, by);
        files.push(session_path(&laptop, &id));
    }
    let output = run(kansa_in(&main)
        .args(["--as", "監査 太郎", "merge", &id])
        .args(&files));
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).is_empty(), "no conflicts: {output:?}");

    // The same marks entered in one session give the seed's 結果一覧.
    let one = root.path().join("one");
    let one_id = new_round(&one);
    hear(&one, &one_id, &[FIRST, SECOND].concat(), "監査 太郎");
    let merged = matrix_csv(&main, &id);
    assert_eq!(merged, matrix_csv(&one, &one_id));
    for (item, marks) in [("I-3", ",○,○,○,○,×,○"), ("III-7", ",-,○,○,○,×,×")] {
        let line = merged
            .lines()
            .find(|l| l.contains(&format!(",{item},")))
            .unwrap();
        assert!(line.ends_with(marks), "{line}");
    }

    let output = run(kansa_in(&main).args(["history", &id]));
    let history = stdout(&output);
    assert!(history.contains("田中 一郎") && history.contains("佐藤 花子"));

    // Merging the same files again changes nothing, to the byte.
    let before = std::fs::read(session_path(&main, &id)).unwrap();
    let output = run(kansa_in(&main)
        .args(["merge", &id])
        .args(files.iter().rev()));
    assert!(output.status.success(), "{output:?}");
    assert!(stderr(&output).contains("merged 0 changes"), "{output:?}");
    assert_eq!(std::fs::read(session_path(&main, &id)).unwrap(), before);
}

/// Runs `kansa merge ID FILE` and checks it is refused with one line, leaving the
/// session file as it was, byte for byte.
fn refused(data: &Path, id: &str, file: &Path, reason: &str) {
    let path = session_path(data, id);
    let before = std::fs::read(&path).unwrap();
    let output = run(kansa_in(data).args(["merge", id]).arg(file));
    assert!(!output.status.success(), "{output:?}");
    let message = stderr(&output);
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(message.contains(reason), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn damaged_unrelated_and_signed_files_are_refused_and_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let id = new_round(&data);
    hear(&data, &id, &["秘書"], "田中 一郎");
    // A journal line not yet folded: even that stays as it was.
    let path = session_path(&data, &id);
    let text = std::fs::read_to_string(&path).unwrap();

    let damaged = root.path().join("damaged.ron");
    std::fs::write(&damaged, &text[..text.len() / 2]).unwrap();
    refused(&data, &id, &damaged, "damaged.ron");

    let other = root.path().join("other");
    let other_id = new_round(&other);
    refused(
        &data,
        &id,
        &session_path(&other, &other_id),
        "another round",
    );

    let mut session: Session = Store::load_file(&path).unwrap();
    session.checklist.title.push('改');
    let changed = root.path().join("changed.ron");
    Store::write_file(&changed, &session).unwrap();
    refused(&data, &id, &changed, "another checklist");

    let mut session: Session = Store::load_file(&path).unwrap();
    let change = session.set_mark("秘書", "I-1", Some("◎"));
    assert!(change.is_err());
    let mut bad = session.set_mark("秘書", "I-1", Some("×")).unwrap();
    if let kansa::session::Change::Mark { to, .. } = &mut bad {
        *to = Some("◎".into());
    }
    session.history.push(kansa::session::Event {
        at: session.last_change(),
        by: "誰か".into(),
        change: bad,
        hlc: None,
    });
    let unknown = root.path().join("unknown.ron");
    Store::write_file(&unknown, &session).unwrap();
    // Refused at its line, as the loader reads it, not by the merge with no place.
    let text = std::fs::read_to_string(&unknown).unwrap();
    let (line, _) = line_column(&text, text.find("◎").unwrap());
    let at = format!("unknown.ron:{line}:1: no mark \"◎\" in this checklist's scale");
    refused(&data, &id, &unknown, &at);

    // Signed: the session here, and a file.
    let copy = root.path().join("copy.ron");
    std::fs::copy(&path, &copy).unwrap();
    let signed_dir = root.path().join("signed");
    let store = Store::open(&signed_dir).unwrap();
    let round = seed::whole_round(&id).unwrap();
    store.create(&round).unwrap();
    let mut writer = store.open_writer(&id, seed::LEAD).unwrap();
    let change = writer
        .session()
        .sign(seed::LEAD, seed::epoch() + chrono::Duration::days(1))
        .unwrap();
    writer.record(change).unwrap();
    writer.close().unwrap();
    refused(&signed_dir, &id, &copy, "reopen");
    refused(&data, &id, &session_path(&signed_dir, &id), "reopen");
}

#[test]
fn imported_ids_naming_paths_outside_the_data_directory_are_refused() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let id = new_round(&data);
    let path = session_path(&data, &id);
    for bad in ["../x", "/tmp/kansa-escape", "a/b", "a\\b", ".hidden", "C:x"] {
        let mut session = Store::load_file(&path).unwrap();
        session.id = bad.into();
        let file = root.path().join("bad.ron");
        Store::write_file(&file, &session).unwrap();
        let other = root.path().join("other");
        let output = run(kansa_in(&other).args(["import", "session"]).arg(&file));
        assert!(!output.status.success(), "{bad}: {output:?}");
        assert!(
            stderr(&output).contains("outside the data directory"),
            "{output:?}"
        );
        assert!(!root.path().join("x.ron").exists());
        assert!(!Path::new("/tmp/kansa-escape.ron").exists());
        let sessions = std::fs::read_dir(other.join("sessions")).unwrap().count();
        assert_eq!(sessions, 0, "{bad}");
    }
    // The same round imported twice: the second time it is merged instead.
    let file = root.path().join("good.ron");
    std::fs::copy(&path, &file).unwrap();
    let output = run(kansa_in(&data).args(["import", "session"]).arg(&file));
    assert!(!output.status.success());
    assert!(stderr(&output).contains("kansa merge"), "{output:?}");
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=kansa", "-c", "user.email=kansa@example.jp"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {output:?}");
    output
}

/// A repository holding one session as its data directory, configured as docs/team.md
/// says, and a clone of it; both with the driver configured.
fn repository(root: &Path) -> (PathBuf, PathBuf, String) {
    let first = root.join("first");
    let id = new_round(&first);
    std::fs::write(first.join(".gitattributes"), "*.ron merge=kansa\n").unwrap();
    std::fs::write(first.join(".gitignore"), "*.lock\n*.prev\n*.draft\n").unwrap();
    git(&first, &["init", "-q"]);
    git(&first, &["add", "."]);
    git(&first, &["commit", "-qm", "round"]);
    git(root, &["clone", "-q", "first", "second"]);
    let second = root.join("second");
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_kansa"));
    for clone in [&first, &second] {
        git(clone, &["config", "merge.kansa.driver", &driver]);
    }
    (first, second, id)
}

fn commit_hearing(clone: &Path, id: &str, departments: &[&str], by: &str) {
    hear(clone, id, departments, by);
    git(clone, &["commit", "-qam", by]);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "runs git, which wine has not (`-- --ignored` runs it where Git for Windows is)"
)]
fn git_merges_two_clones_with_the_driver_and_conflicts_go_to_review() {
    let root = tempfile::tempdir().unwrap();
    let (first, second, id) = repository(root.path());
    commit_hearing(&first, &id, &FIRST, "田中 一郎");
    commit_hearing(&second, &id, &SECOND, "佐藤 花子");
    git(
        &first,
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            "../second",
            "main",
        ],
    );
    let text = std::fs::read_to_string(session_path(&first, &id)).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    let session = Store::load_file(&session_path(&first, &id)).unwrap();
    assert_eq!(session.hearing("秘書").unwrap().mark("I-2(2)"), Some("△"));
    assert_eq!(session.hearing("保育").unwrap().mark("I-3"), Some("×"));
    assert!(kansa::merge::conflicts(&session).is_empty());

    // Both set 保育 I-1 differently: git merges, kansa keeps the conflict for review.
    git(
        &second,
        &["pull", "-q", "--no-rebase", "--no-edit", "../first", "main"],
    );
    for (clone, by, mark) in [(&first, "田中 一郎", "△"), (&second, "佐藤 花子", "×")] {
        let store = Store::open(clone).unwrap();
        let mut writer = store.open_writer(&id, by).unwrap();
        let change = writer
            .session()
            .set_mark("保育", "I-1", Some(mark))
            .unwrap();
        writer.record(change).unwrap();
        writer.close().unwrap();
        git(clone, &["commit", "-qam", by]);
    }
    git(
        &first,
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            "../second",
            "main",
        ],
    );
    let text = std::fs::read_to_string(session_path(&first, &id)).unwrap();
    assert!(!text.contains("<<<<<<<"));
    let output = run(kansa_in(&first).args(["review", &id]));
    assert!(!output.status.success());
    let lines = stdout(&output);
    let conflict = lines
        .lines()
        .find(|l| l.contains("conflict"))
        .unwrap_or_else(|| panic!("{lines}"));
    assert!(conflict.starts_with("blocks 保育 I-1"), "{conflict}");
    assert!(conflict.contains("田中 一郎「△」") && conflict.contains("佐藤 花子「×」"));

    // Choosing settles it, and the choice is itself a change in the history.
    let output = run(kansa_in(&first).args([
        "--as",
        "監査 太郎",
        "resolve",
        &id,
        "--department",
        "保育",
        "--item",
        "I-1",
        "--keep",
        "佐藤 花子",
    ]));
    assert!(output.status.success(), "{output:?}");
    let output = run(kansa_in(&first).args(["review", &id]));
    assert!(!stdout(&output).contains("conflict"));
    let session = Store::open(&first).unwrap().load(&id).unwrap();
    assert_eq!(session.hearing("保育").unwrap().mark("I-1"), Some("×"));
    let last = session.history.last().unwrap();
    assert_eq!(last.by, "監査 太郎");
}

#[test]
fn refusals_and_conflicts_are_worded_in_japanese() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let id = new_round(&data);
    let mut session = Store::load_file(&session_path(&data, &id)).unwrap();
    session.id = format!("{id}-別");
    let file = root.path().join("別.ron");
    Store::write_file(&file, &session).unwrap();
    let output = run(kansa_in(&data)
        .args(["--lang", "ja", "merge", &id])
        .arg(&file));
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("別の監査のファイルです"),
        "{output:?}"
    );
    session.id = "../外".into();
    Store::write_file(&file, &session).unwrap();
    let output = run(kansa_in(&data)
        .args(["--lang", "ja", "import", "session"])
        .arg(&file));
    assert!(
        stderr(&output).contains("データディレクトリの外を指す"),
        "{output:?}"
    );
    let output = run(kansa_in(&data).args([
        "--lang",
        "ja",
        "resolve",
        &id,
        "--department",
        "保育",
        "--item",
        "I-1",
        "--keep",
        "誰か",
    ]));
    assert!(
        stderr(&output).contains("指定の場所に競合はありません"),
        "{output:?}"
    );
}

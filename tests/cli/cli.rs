//! The `kansa` binary as scripts use it: `validate` (and where its errors point),
//! `new` and `list`, the data directory and the permissions of what it creates, and
//! its messages in the locale's language.

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::common::{kansa, kansa_in, line_column, run, stderr, stdout};

const BUNDLED: &str = "checklists/ryugasaki-2024-h1.ron";

#[test]
fn line_column_counts_characters() {
    let text = "ab\n監査 x\n";
    assert_eq!(line_column(text, 0), (1, 1));
    assert_eq!(line_column(text, 3), (2, 1));
    assert_eq!(line_column(text, text.find('x').unwrap()), (2, 4));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_version_names_the_target_built_for() {
    let output = run(kansa().arg("--version"));
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let (commit, target) = out
        .trim_end()
        .strip_prefix(concat!("kansa ", env!("CARGO_PKG_VERSION"), " commit "))
        .and_then(|rest| rest.strip_suffix(')'))
        .and_then(|rest| rest.split_once(" ("))
        .unwrap_or_else(|| panic!("kansa VERSION commit COMMIT (TARGET): {out}"));
    // The commit built, as git abbreviates it (this test runs in a checkout).
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
    // x86_64-unknown-linux-gnu, x86_64-pc-windows-gnu: the architecture and the system
    // this test runs on.
    let parts: Vec<_> = target.split('-').collect();
    assert_eq!(parts.first(), Some(&std::env::consts::ARCH), "{target}");
    assert!(parts.contains(&std::env::consts::OS), "{target}");
}

#[test]
fn the_bundled_checklist_validates() {
    let output = run(kansa().args(["validate", BUNDLED]));
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "one-line summary: {out}");
    assert!(
        out.contains("4 areas, 28 items, 6 departments, 4 marks"),
        "{out}"
    );
}

/// A mistake made in a copy of the bundled checklist: the first `find` becomes
/// `replace`, and the error must point `token` bytes into the replacement.
struct Mistake {
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    token: usize,
    message: &'static str,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        what: "misspelt field",
        find: "guidance:",
        replace: "guidanse:",
        token: 0,
        message: "guidanse",
    },
    Mistake {
        what: "wrong type",
        find: "key: '2'",
        replace: "key: 2",
        token: "key: ".len(),
        message: "char",
    },
    Mistake {
        what: "duplicate item id",
        find: "id: \"I-2(1)\"",
        replace: "id: \"I-1\"",
        token: "id: ".len(),
        message: "duplicate item id \"I-1\"",
    },
    Mistake {
        what: "duplicate mark key",
        find: "key: '2'",
        replace: "key: '1'",
        token: "key: ".len(),
        message: "duplicate mark key '1'",
    },
    Mistake {
        what: "unknown tag in a condition",
        find: "Tag(\"own-server\")",
        replace: "Tag(\"own-servr\")",
        token: 0,
        message: "own-servr",
    },
    Mistake {
        what: "missing field",
        find: "ascii: \"^\", ",
        replace: "",
        token: "label: \"監査指導により改善\", key: '2', meaning: ImprovedUnderGuidance".len(),
        message: "ascii",
    },
];

#[test]
fn checklist_mistakes_are_reported_at_their_line_and_column() {
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED))
        .expect("bundled checklist");
    let dir = tempfile::tempdir().unwrap();
    for (n, mistake) in MISTAKES.iter().enumerate() {
        let at = original.find(mistake.find).expect(mistake.what);
        let text = format!(
            "{}{}{}",
            &original[..at],
            mistake.replace,
            &original[at + mistake.find.len()..]
        );
        let (line, column) = line_column(&text, at + mistake.token);
        let path = dir.path().join(format!("mistake-{n}.ron"));
        std::fs::write(&path, &text).unwrap();

        let output = run(kansa().arg("validate").arg(&path));
        assert!(!output.status.success(), "{} must fail", mistake.what);
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{}: one line: {err}", mistake.what);
        let reason = err.trim_end();
        let reason = reason.strip_prefix("kansa: ").unwrap_or(reason);
        let expected = format!("{}:{line}:{column}: ", path.display());
        assert!(
            reason.starts_with(&expected),
            "{}: expected {expected}…, got {reason}",
            mistake.what
        );
        assert!(
            reason.contains(mistake.message),
            "{}: {reason}",
            mistake.what
        );
        assert!(stdout(&output).is_empty(), "{}", mistake.what);
    }
}

#[test]
fn a_missing_checklist_is_a_one_line_error() {
    let output = run(kansa().args(["validate", "no/such/file.ron"]));
    assert!(!output.status.success());
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.ron"), "{err}");
}

/// Runs `kansa new` and returns the id it printed.
fn new_session(command: &mut Command) -> String {
    let output = run(command);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.ends_with('\n'), "{out:?}");
    let id = out.trim_end_matches('\n');
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "only an id on stdout: {out:?}"
    );
    id.to_string()
}

fn list_line(command: &mut Command, id: &str) -> String {
    let output = run(command);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    out.lines()
        .find(|l| l.split_whitespace().next() == Some(id))
        .unwrap_or_else(|| panic!("{id} not listed:\n{out}"))
        .to_string()
}

#[test]
fn new_prints_only_an_id_and_creates_private_files() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let id = new_session(kansa().arg("--data-dir").arg(&data).args([
        "new",
        "--title",
        "令和6年度 上半期",
    ]));
    let file = data.join("sessions").join(format!("{id}.ron"));
    assert!(file.is_file(), "{} exists", file.display());
    // Windows has no mode bits; kansa sets no ACL of its own there (see docs/data-folder.md).
    #[cfg(unix)]
    {
        assert_eq!(mode(&file), 0o600, "session file");
        assert_eq!(mode(&data), 0o700, "data directory");
        assert_eq!(mode(&data.join("sessions")), 0o700, "sessions directory");
    }

    let line = list_line(kansa().arg("--data-dir").arg(&data).arg("list"), &id);
    assert!(
        line.contains("32/168"),
        "the seed's 32 該当なし cells: {line}"
    );
    assert!(line.contains("令和6年度 上半期"), "{line}");
    assert!(line.contains("open"), "{line}");
}

#[test]
fn kansa_data_dir_names_the_data_directory() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("from-env");
    let id = new_session(
        kansa()
            .env("KANSA_DATA_DIR", &data)
            .args(["new", "--title", "env"]),
    );
    assert!(data.join("sessions").join(format!("{id}.ron")).is_file());
    let line = list_line(kansa().env("KANSA_DATA_DIR", &data).arg("list"), &id);
    assert!(line.contains("32/168"), "{line}");

    // --data-dir wins over the environment.
    let other = root.path().join("from-flag");
    let output = run(kansa()
        .env("KANSA_DATA_DIR", &data)
        .arg("--data-dir")
        .arg(&other)
        .arg("list"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stdout(&output).contains(&id), "{}", stdout(&output));
}

#[test]
fn new_takes_a_subset_of_departments() {
    let root = tempfile::tempdir().unwrap();
    let id = new_session(kansa().arg("--data-dir").arg(root.path()).args([
        "new",
        "--title",
        "二課のみ",
        "--departments",
        "保育課,障がい",
    ]));
    let line = list_line(kansa().arg("--data-dir").arg(root.path()).arg("list"), &id);
    // 保育 and 障がい: only II-2(1) and II-2(2) cannot apply.
    assert!(line.contains("4/56"), "{line}");
}

#[test]
fn new_adds_a_department_off_the_roster_to_which_every_item_applies() {
    let root = tempfile::tempdir().unwrap();
    let output = run(kansa().arg("--data-dir").arg(root.path()).args([
        "new",
        "--title",
        "総務課を追加",
        "--departments",
        "保育課,総務課,保育",
    ]));
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_string();
    assert_eq!(stdout(&output).lines().count(), 1, "the id alone on stdout");
    let warnings = stderr(&output);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.contains("総務課 is not on the checklist's roster"),
        "{warnings}"
    );
    let line = list_line(kansa().arg("--data-dir").arg(root.path()).arg("list"), &id);
    // 保育 once (II-2(1) and II-2(2) cannot apply), 総務課 with every item applying.
    assert!(line.contains("2/56"), "{line}");
}

/// A copy of the bundled checklist with its first `find` replaced, in `dir`.
fn broken_checklist(dir: &Path, name: &str, find: &str, replace: &str) -> std::path::PathBuf {
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED))
        .expect("bundled checklist");
    assert!(original.contains(find), "{find}");
    let path = dir.join(name);
    std::fs::write(&path, original.replacen(find, replace, 1)).unwrap();
    path
}

/// The one-line reason of a failed run, split after its `path:line:column: `.
fn located_reason(command: &mut Command, path: &Path) -> (String, String) {
    let output = run(command);
    assert!(!output.status.success());
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let reason = err.trim_end().strip_prefix("kansa: ").expect("kansa: …");
    let rest = reason
        .strip_prefix(&format!("{}:", path.display()))
        .unwrap_or_else(|| panic!("{reason}"));
    let mut parts = rest.splitn(3, ':');
    let (line, column) = (parts.next().unwrap(), parts.next().unwrap());
    assert!(
        line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
        "{reason}"
    );
    let message = parts.next().unwrap().strip_prefix(' ').unwrap();
    (
        format!("{}:{line}:{column}", path.display()),
        message.to_string(),
    )
}

#[test]
fn validate_speaks_japanese_under_a_japanese_locale_at_the_same_place() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            broken_checklist(dir.path(), "dup.ron", "id: \"I-2(1)\"", "id: \"I-1\""),
            "duplicate item id \"I-1\"",
            "監査項目の id「I-1」が重複しています",
        ),
        (
            broken_checklist(dir.path(), "field.ron", "guidance:", "guidanse:"),
            "Unexpected field named `guidanse`",
            "`guidanse` というフィールドはありません",
        ),
        (
            broken_checklist(dir.path(), "key.ron", "key: '2'", "key: 'q'"),
            "key 'q' is used by the hearing screen",
            "キー「q」は画面の操作に使われています",
        ),
    ];
    for (path, english, japanese) in &cases {
        let validate =
            |command: &mut Command| located_reason(command.arg("validate").arg(path), path);
        let (place, message) = validate(kansa().env("LANG", "ja_JP.UTF-8"));
        assert!(message.starts_with(japanese), "{message}");
        let (c_place, c_message) = validate(
            kansa()
                .env("LANG", "ja_JP.UTF-8")
                .env("LC_MESSAGES", "ja_JP.UTF-8")
                .env("LC_ALL", "C"),
        );
        assert_eq!(
            c_place, place,
            "the same path:line:column in both languages"
        );
        assert!(c_message.starts_with(english), "LC_ALL=C: {c_message}");
        let (flag_place, flag_message) =
            validate(kansa().env("LC_ALL", "C").args(["--lang", "ja"]));
        assert_eq!(flag_place, place);
        assert_eq!(flag_message, message, "--lang ja overrides LC_ALL=C");
        let (_, en_message) = validate(kansa().env("LANG", "ja_JP.UTF-8").args(["--lang", "en"]));
        assert_eq!(
            en_message, c_message,
            "--lang en overrides a Japanese locale"
        );
    }
}

#[test]
fn validate_summary_and_unreadable_files_in_both_languages() {
    let summary = |command: &mut Command| {
        let output = run(command.args(["validate", BUNDLED]));
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    assert_eq!(
        summary(kansa().env("LANG", "ja_JP.UTF-8")),
        format!(
            "{BUNDLED}: 問題ありません — 令和6年度（上半期）情報セキュリティ内部監査: 4 領域、28 項目、6 部署、評価 4 段階\n"
        )
    );
    assert_eq!(
        summary(kansa().env("LC_ALL", "C").env("LANG", "ja_JP.UTF-8")),
        format!(
            "{BUNDLED}: ok — 令和6年度（上半期）情報セキュリティ内部監査: 4 areas, 28 items, 6 departments, 4 marks\n"
        )
    );

    let missing = |command: &mut Command| {
        let output = run(command.args(["validate", "no/such/file.ron"]));
        assert!(!output.status.success());
        stderr(&output)
    };
    assert_eq!(
        missing(kansa().env("LANG", "ja_JP.UTF-8")),
        "kansa: no/such/file.ron: 読み込めません（ファイルまたはフォルダがありません）\n"
    );
    // In English the system's own words: "No such file or directory (os error 2)" on
    // Linux, "The system cannot find the path specified. (os error 3)" on Windows.
    let system =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("no/such/file.ron")).unwrap_err();
    assert_eq!(
        missing(&mut kansa()),
        format!("kansa: no/such/file.ron: cannot read: {system}\n")
    );
}

#[test]
fn list_headers_status_and_store_errors_in_both_languages() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path();
    let id = new_session(kansa_in(data).args(["new", "--title", "上半期"]));
    let list = |command: &mut Command| {
        let output = run(command.arg("list"));
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let japanese = list(kansa_in(data).env("LANG", "ja_JP.UTF-8"));
    // No Japanese header has a blank in it, so blanks separate the columns.
    let header: Vec<&str> = japanese
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        ["ID", "監査名", "状態", "進捗", "最終更新"],
        "{japanese}"
    );
    let line = japanese.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(line.contains("実施中") && line.contains("32/168"), "{line}");

    let english = list(kansa_in(data).env("LC_ALL", "C"));
    let header = english.lines().next().unwrap();
    assert!(
        header.starts_with("ID") && header.ends_with("LAST CHANGE"),
        "{english}"
    );
    for word in ["TITLE", "STATUS", "PROGRESS"] {
        assert!(header.contains(word), "{english}");
    }

    let show = |command: &mut Command| stderr(&run(command.args(["show", "nope"])));
    assert_eq!(
        show(kansa_in(data).env("LANG", "ja_JP.UTF-8")),
        "kansa: セッション nope はありません\n"
    );
    assert_eq!(show(&mut kansa_in(data)), "kansa: no session nope\n");
}

#[test]
fn delete_moves_a_session_to_the_trash_and_restore_brings_it_back() {
    let root = tempfile::tempdir().unwrap();
    let output = run(kansa().arg("--data-dir").arg(root.path()).args([
        "new",
        "--title",
        "消すもの",
        "--date",
        "令和6年9月27日",
    ]));
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_string();
    let session = kansa::store::Store::open(root.path())
        .unwrap()
        .load(&id)
        .unwrap();
    assert_eq!(
        session.facts.date,
        chrono::NaiveDate::from_ymd_opt(2024, 9, 27)
    );
    let deleted = run(kansa()
        .arg("--data-dir")
        .arg(root.path())
        .args(["delete", &id]));
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(root.path().join("trash").join(format!("{id}.ron")).exists());
    let listed = run(kansa().arg("--data-dir").arg(root.path()).arg("list"));
    assert!(!stdout(&listed).contains(&id));
    let again = run(kansa()
        .arg("--data-dir")
        .arg(root.path())
        .args(["restore", &id]));
    assert!(again.status.success(), "{}", stderr(&again));
    let listed = run(kansa().arg("--data-dir").arg(root.path()).arg("list"));
    assert!(stdout(&listed).contains(&id));
    let twice = run(kansa()
        .arg("--data-dir")
        .arg(root.path())
        .args(["restore", &id]));
    assert!(!twice.status.success());
    assert_eq!(stderr(&twice).lines().count(), 1);
}

#[test]
fn new_reads_dates_as_people_type_them_and_refuses_a_day_outside_its_era() {
    let root = tempfile::tempdir().unwrap();
    for typed in ["2024/9/27", "R6.9.27", "令和6年9月27日（金）"] {
        let output = run(kansa()
            .arg("--data-dir")
            .arg(root.path())
            .args(["new", "--title", "日付", "--date", typed]));
        assert!(output.status.success(), "{typed}: {}", stderr(&output));
    }
    let output = run(kansa().arg("--data-dir").arg(root.path()).args([
        "new",
        "--title",
        "日付",
        "--date",
        "平成31年5月1日",
    ]));
    assert!(!output.status.success());
}

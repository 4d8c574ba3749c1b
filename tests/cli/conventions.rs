//! The command line's conventions, as people know them from other tools: a closed pipe
//! ends the output quietly, completion scripts and manual pages come from the command
//! definitions, and the exit statuses are the documented ones (docs/exit-codes.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use clap::CommandFactory;
use kansa::cli::Cli;

use crate::common::{kansa, kansa_in, run, stderr, stdout};

/// A checklist other than the seed's: its own departments, marks and meanings.
const CHECKLIST: &str = "checklists/isms-severity.ron";

/// Every subcommand's name, nested ones as "import checklist".
fn subcommands() -> Vec<String> {
    let mut names = Vec::new();
    for command in Cli::command().get_subcommands() {
        names.push(command.get_name().to_string());
        for sub in command.get_subcommands() {
            names.push(format!("{} {}", command.get_name(), sub.get_name()));
        }
    }
    names
}

fn new_session(data: &Path, title: &str) -> String {
    let output = run(kansa_in(data).args(["new", "--checklist", CHECKLIST, "--title", title]));
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

/// Runs the command with standard output a pipe whose reader has already gone.
fn into_closed_pipe(command: &mut Command) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    command
        .stdin(Stdio::null())
        .stdout(writer)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the kansa binary runs")
}

/// Every subcommand, writing to a closed pipe, ends without a panic or a backtrace,
/// with the status it has with a reader: 0, or the refusal's 3 (review and sign with
/// blockers, verify and reopen of a session not signed), or 1 where the command fails
/// for its own reason (open needs a terminal; resolve with no conflict).
#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let id = new_session(&data, "令和6年度 上半期");
    let other = new_session(&data, "令和6年度 下半期");
    let doomed = new_session(&data, "消す監査");
    let setup = |args: &[&str]| {
        let output = run(kansa_in(&data).args(args));
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    };
    setup(&[
        "export",
        &id,
        "--format",
        "session",
        "--departments",
        "総務課",
        "-o",
        &file("part.ron"),
    ]);
    setup(&["export-checklist", CHECKLIST, "-o", &file("checklist.csv")]);
    setup(&[
        "export",
        &id,
        "--format",
        "xlsx",
        "--report",
        "selfcheck",
        "-o",
        &file("sheets"),
    ]);
    let sheets: Vec<String> = std::fs::read_dir(file("sheets"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    let session_file = data.join("sessions").join(format!("{id}.ron"));
    let session_file = session_file.to_string_lossy().into_owned();
    std::fs::copy(&session_file, file("ours.ron")).unwrap();
    std::fs::copy(&session_file, file("theirs.ron")).unwrap();

    let mut cases: Vec<(Vec<String>, i32)> = Vec::new();
    let mut case = |args: &[&str], status: i32| {
        cases.push((args.iter().map(|a| a.to_string()).collect(), status));
    };
    case(&["new", "--checklist", CHECKLIST, "--title", "パイプ"], 0);
    case(&["list"], 0);
    case(&["show", &id], 0);
    case(&["diff", &id, &other], 0);
    case(&["validate", CHECKLIST], 0);
    case(&["export", &id, "--format", "csv", "-o", "-"], 0);
    case(&["export-checklist", CHECKLIST, "-o", "-"], 0);
    case(
        &["import", "checklist", &file("checklist.csv"), "-o", "-"],
        0,
    );
    case(&["import", "session", &file("part.ron")], 0);
    let mut selfcheck = vec!["import", "selfcheck", id.as_str()];
    selfcheck.extend(sheets.iter().map(String::as_str));
    case(&selfcheck, 0);
    case(&["merge", &id, &file("part.ron")], 0);
    case(
        &[
            "merge-driver",
            &file("ours.ron"),
            &file("ours.ron"),
            &file("theirs.ron"),
        ],
        0,
    );
    case(
        &[
            "resolve",
            &id,
            "--department",
            "総務課",
            "--item",
            "1",
            "--keep",
            "誰か",
        ],
        1,
    );
    case(&["review", &id], 3);
    case(&["sign", &id, "--by", "誰か"], 3);
    case(&["verify", &id], 3);
    case(&["reopen", &id, "--reason", "訂正"], 3);
    case(&["history", &id], 0);
    // The round's own checklist again: refused by the round, exit 3.
    case(&["add-checklist", &id, CHECKLIST], 3);
    case(&["evidence", &id], 0);
    case(
        &[
            "attach",
            &id,
            "--department",
            "総務課",
            "--item",
            "A-1",
            CHECKLIST,
        ],
        0,
    );
    case(&["detach", &id, "00000000"], 1);
    case(&["completions", "bash"], 0);
    case(&["config", "lang", "ja"], 0);
    case(&["config", "evidence-limit", "100"], 0);
    case(&["open", &id], 1);
    case(&["delete", &doomed], 0);
    case(&["restore", &doomed], 0);

    let covered: Vec<String> = cases
        .iter()
        .map(|(args, _)| match args[0].as_str() {
            "import" | "config" => format!("{} {}", args[0], args[1]),
            name => name.to_string(),
        })
        .collect();
    let groups = ["import", "config"];
    for name in subcommands()
        .iter()
        .filter(|n| !groups.contains(&n.as_str()))
    {
        assert!(
            covered.contains(name),
            "no closed-pipe case for `kansa {name}`"
        );
    }
    // Another laptop's data folder, where the part handed out is not yet.
    let elsewhere = dir.path().join("elsewhere");
    for (args, status) in &cases {
        let data = if args.starts_with(&["import".into(), "session".into()]) {
            &elsewhere
        } else {
            &data
        };
        let output = into_closed_pipe(kansa_in(data).args(args));
        let err = stderr(&output);
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "kansa {args:?}: {err}"
        );
        assert_eq!(output.status.code(), Some(*status), "kansa {args:?}: {err}");
    }
}

#[test]
fn each_shells_completion_script_names_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(kansa().args(["completions", shell]));
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        for name in subcommands() {
            let last = name.rsplit(' ').next().unwrap();
            assert!(script.contains(last), "{shell}'s script lacks `{name}`");
        }
    }
}

/// docs/man/: kansa.1 and a page per subcommand, made from the command definitions.
/// `UPDATE_MAN_PAGES=1 cargo test --test cli man_pages` writes them afresh.
#[test]
fn the_man_pages_are_current() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    let made = tempfile::tempdir().unwrap();
    // The version alone: the commit in `--version` would change the pages each commit.
    let command = Cli::command().version(env!("CARGO_PKG_VERSION"));
    clap_mangen::generate_to(command, made.path()).unwrap();
    let names = |dir: &Path| -> Vec<PathBuf> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| PathBuf::from(e.unwrap().file_name()))
            .filter(|n| n.extension().is_some_and(|e| e == "1"))
            .collect();
        names.sort();
        names
    };
    if std::env::var_os("UPDATE_MAN_PAGES").is_some() {
        std::fs::create_dir_all(&folder).unwrap();
        for name in names(&folder) {
            std::fs::remove_file(folder.join(name)).unwrap();
        }
        for name in names(made.path()) {
            std::fs::copy(made.path().join(&name), folder.join(&name)).unwrap();
        }
    }
    let stale = "docs/man is not current: UPDATE_MAN_PAGES=1 cargo test --test cli man_pages";
    assert_eq!(names(&folder), names(made.path()), "{stale}");
    for name in names(made.path()) {
        let want = std::fs::read_to_string(made.path().join(&name)).unwrap();
        let have = std::fs::read_to_string(folder.join(&name)).unwrap();
        assert!(
            have.replace("\r\n", "\n") == want,
            "{}: {stale}",
            name.display()
        );
    }
}

/// The statuses of docs/exit-codes.md, one case each.
#[test]
fn the_exit_codes_are_the_documented_ones() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "令和6年度 上半期");
    let status = |args: &[&str]| run(kansa_in(dir.path()).args(args)).status.code();
    assert_eq!(status(&["list"]), Some(0), "success");
    assert_eq!(status(&["show", "no-such-session"]), Some(1), "error");
    assert_eq!(status(&["validate", "no/such/file.ron"]), Some(1), "error");
    assert_eq!(status(&["frobnicate"]), Some(2), "unknown subcommand");
    assert_eq!(
        status(&["export", &id, "--format", "pdf", "-o", "-"]),
        Some(2),
        "bad value"
    );
    // A usage error in the user's language, with the usage status.
    let japanese = run(kansa_in(dir.path()).args(["--lang", "ja", "frobnicate"]));
    assert_eq!(japanese.status.code(), Some(2), "{}", stderr(&japanese));
    let text = stderr(&japanese);
    assert!(text.contains("frobnicate"), "{text}");
    assert!(
        !text.contains("error:") && !text.contains("Usage"),
        "English in {text}"
    );
    assert_eq!(status(&["review", &id]), Some(3), "review with blockers");
    assert_eq!(
        status(&["sign", &id, "--by", "誰か"]),
        Some(3),
        "sign refused"
    );
    assert_eq!(
        status(&["verify", &id]),
        Some(3),
        "verify of a session not signed"
    );
    assert_eq!(
        status(&["reopen", &id, "--reason", "訂正"]),
        Some(3),
        "reopen unsigned"
    );
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/exit-codes.md"))
            .unwrap();
    for (code, name) in [(0, "SUCCESS"), (1, "ERROR"), (2, "USAGE"), (3, "REFUSED")] {
        assert!(
            doc.contains(&format!("| {code} ")),
            "docs/exit-codes.md lacks {code} ({name})"
        );
    }
    use kansa::cli::exit;
    assert_eq!(
        [exit::SUCCESS, exit::ERROR, exit::USAGE, exit::REFUSED],
        [0, 1, 2, 3]
    );
}

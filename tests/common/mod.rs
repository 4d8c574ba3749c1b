//! Shared by the tests that run the `kansa` binary: the command, blind to the caller's
//! data directory and locale, its output as text, and where an offset lies in a file;
//! and by the fuzz harnesses (`fuzz`).
#![allow(dead_code)]

pub mod fuzz;

use std::path::Path;
use std::process::{Command, Output};

/// The binary, run from the package root (tests name the bundled checklist by its
/// relative path), blind to the caller's KANSA_DATA_DIR and locale: its messages are
/// English unless a test sets LANG, LC_MESSAGES, LC_ALL or --lang itself.
pub fn kansa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kansa"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("KANSA_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

/// The binary on the data directory `data`.
pub fn kansa_in(data: &Path) -> Command {
    let mut command = kansa();
    command.arg("--data-dir").arg(data);
    command
}

/// The command's output. Wine's CreateProcess now and then fails with "Internal error"
/// (1359) when many processes start at once, as the Windows tests do side by side: a
/// command that never started is started again, a few times, before the test fails.
pub fn run(command: &mut Command) -> Output {
    let mut tries = 0;
    loop {
        match command.output() {
            Ok(output) => return output,
            Err(error) if tries < 5 && cfg!(windows) => {
                tries += 1;
                eprintln!("the kansa binary did not start ({error}); again");
                std::thread::sleep(std::time::Duration::from_millis(200 * tries));
            }
            Err(error) => panic!("the kansa binary runs: {error}"),
        }
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// 1-based line and column (in characters) of byte `offset` of `text`, counted here
/// independently of the crate's own `Position`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Runs kansa on the data directory `data`: whether it succeeded, its stdout, its stderr.
pub fn kansa_at(data: &Path, args: &[&str]) -> (bool, String, String) {
    let output = run(kansa_in(data).args(args));
    (output.status.success(), stdout(&output), stderr(&output))
}

/// A new round of the seed's checklist and the checklist file `second`: its id.
pub fn round_of_two(data: &Path, second: &str) -> String {
    let seed = "checklists/ryugasaki-2024-h1.ron";
    let args = [
        "new",
        "--title",
        "上半期",
        "--checklist",
        seed,
        "--checklist",
        second,
    ];
    let (ok, id, err) = kansa_at(data, &args);
    assert!(ok, "{err}");
    id.trim().to_string()
}

/// Records, as `by`, `symbol` for `item` (qualified for another checklist) of
/// `department`, through the store as the screens do.
pub fn mark_as(by: &str, data: &Path, id: &str, department: &str, item: &str, symbol: &str) {
    let store = kansa::store::Store::open(data).expect("the data folder opens");
    let mut writer = store.open_writer(id, by).expect("the round opens");
    let change = (writer.session())
        .set_mark(department, item, Some(symbol))
        .expect("the mark is one of the scale's");
    writer.record(change).expect("the mark is recorded");
    writer.close().expect("the round closes");
}

/// Hands `department`'s part of round `id` from the data folder `from` to `to`, as an
/// auditor carries it to a laptop: `export --format session`, then `import session`.
pub fn hand_part(from: &Path, to: &Path, id: &str, department: &str, file: &Path) {
    let part = [
        "export",
        id,
        "--format",
        "session",
        "--departments",
        department,
        "-o",
    ];
    let output = run(kansa_in(from).args(part).arg(file));
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(kansa_in(to).args(["import", "session"]).arg(file));
    assert!(output.status.success(), "{}", stderr(&output));
}

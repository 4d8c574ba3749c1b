//! The real binary in a real terminal (tmux): typing a department's marks and a
//! Japanese note, surviving SIGKILL, and resuming with everything there.

use crate::screen;

use crate::tmux::{Tmux, new_session, running};

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const KANSA: &str = env!("CARGO_BIN_EXE_kansa");
/// The seed's marks for 保育課 as the bundled keys, in checklist order.
const HOIKU_KEYS: &str = "1133113111100111111113111111";

#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn marks_and_a_japanese_note_survive_sigkill() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let tmux = Tmux::new("sigkill");
    let open = format!(
        "{KANSA} --data-dir {} open {id} --department 保育課",
        data.path().display()
    );
    tmux.start("hearing", 100, 30, &open);
    tmux.wait_for("hearing", "保育課（保育）", 10);

    // A mark key skips II-2(1) and II-2(2), which applicability sets for 保育.
    let heard = screen::heard(4, HOIKU_KEYS);
    let (before_note, after_note) = heard.split_at(3);
    tmux.marks("hearing", before_note);
    tmux.wait_for("hearing", "I-3  4/28", 5);
    tmux.keys("hearing", &["Enter"]);
    tmux.wait_for("hearing", "Esc で保存して戻る", 5);
    tmux.literal("hearing", "IDとパスワードを付箋で貼付。至急改善を指示");
    tmux.wait_for("hearing", "至急改善を指示", 5);
    tmux.keys("hearing", &["Escape"]);
    tmux.wait_for("hearing", "評価して次へ", 5);
    // I-3 has its note already: its × opens no editor.
    let (noted, after_note) = after_note.split_at(1);
    tmux.keys("hearing", &[noted]);
    tmux.wait_for("hearing", "I-4  5/28", 5);
    tmux.marks("hearing", after_note);
    tmux.wait_for("hearing", "28/28", 10);

    let pid = tmux.pid("hearing");
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    let start = Instant::now();
    while running(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "kansa survived SIGKILL"
        );
        sleep(Duration::from_millis(20));
    }

    let csv = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "export", &id, "--format", "csv", "--report", "matrix", "-o", "-",
        ])
        .output()
        .unwrap();
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    let column: String = csv
        .lines()
        .skip(1)
        .map(|row| match row.rsplit(',').nth(1).unwrap() {
            "○" => '1',
            "△" => '2',
            "×" => '3',
            "-" => '0',
            other => panic!("unexpected cell {other:?} in {row}"),
        })
        .collect();
    assert_eq!(column, HOIKU_KEYS, "the 保育 column after SIGKILL");

    tmux.start(
        "reopened",
        100,
        30,
        &format!("{KANSA} --data-dir {} open {id}", data.path().display()),
    );
    tmux.wait_for("reopened", "28/28", 10);
    tmux.keys("reopened", &["g"]);
    tmux.wait_for("reopened", "項目へ移動", 5);
    for _ in 0..24 {
        tmux.keys("reopened", &["Up"]);
    }
    tmux.keys("reopened", &["Enter"]);
    let screen = tmux.wait_for("reopened", "IDとパスワードを付箋で貼付。至急改善を指示", 5);
    assert!(screen.contains("I-3"), "{screen}");
    tmux.keys("reopened", &["q"]);
}

#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn a_read_only_second_instance_follows_the_writer() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let tmux = Tmux::new("follow");
    let open = |department: &str| {
        format!(
            "{KANSA} --data-dir {} open {id} --department {department}",
            data.path().display()
        )
    };
    tmux.start("writer", 120, 30, &open("保育課"));
    tmux.wait_for("writer", "保育課（保育）", 10);
    tmux.start("reader", 120, 30, &open("保育課"));
    tmux.wait_for("reader", "読み取り専用", 10);
    tmux.keys("reader", &["m"]);
    let before = tmux.wait_for("reader", "結果一覧", 5);
    let row = |screen: &str| {
        screen
            .lines()
            .find(|l| l.starts_with("I-1 "))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!row(&before).contains('×'), "{before}");

    tmux.marks("writer", "3");
    tmux.wait_for("writer", "I-2(1)", 5);
    let marked = Instant::now();
    let start = Instant::now();
    let after = loop {
        let screen = tmux.screen("reader");
        if row(&screen).contains('×') {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the reader never showed the mark:\n{screen}"
        );
        sleep(Duration::from_millis(20));
    };
    eprintln!(
        "the reader showed the writer's mark after {:?}",
        marked.elapsed()
    );
    assert!(row(&after).contains('×'));
    tmux.keys("reader", &["q"]);
    tmux.keys("writer", &["q"]);
}

/// `--as` and `KANSA_AUDITOR` name the person working: in the lock, so in a second
/// instance's read-only banner, and in the history of what each one changed.
#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn the_person_working_is_named_in_the_banner_and_the_history() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args(["--as", "監査花子", "new", "--title", "T"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let tmux = Tmux::new("auditor");
    let open = format!(
        "{KANSA} --data-dir {} open {id} --department 保育課",
        data.path().display()
    );
    // --as wins over KANSA_AUDITOR.
    tmux.start(
        "flag",
        120,
        30,
        &format!("KANSA_AUDITOR=誰か {open} --as 監査花子"),
    );
    tmux.wait_for("flag", "保育課（保育）", 10);
    // The same auditor on the same laptop again reads only (another would write
    // beside): so the first is 監査花子, and the second, named by KANSA_AUDITOR, too.
    tmux.start("env", 120, 30, &format!("KANSA_AUDITOR=監査花子 {open}"));
    let banner = tmux.wait_for("env", "読み取り専用", 10);
    assert!(banner.contains("監査花子 (pid"), "{banner}");

    tmux.marks("flag", "3");
    tmux.wait_for("flag", "I-2(1)", 5);
    tmux.keys("flag", &["q"]);
    tmux.wait_for("env", "編集できるようになりました", 10);
    tmux.marks("env", "2");
    tmux.wait_for("env", "I-2(1)", 5);
    tmux.keys("env", &["q"]);

    let store = kansa::store::Store::open(data.path()).unwrap();
    let history = store.load(&id).unwrap().history;
    let who: Vec<(&str, Option<&str>)> = history
        .iter()
        .map(|event| match &event.change {
            kansa::session::Change::Mark { to, .. } => (event.by.as_str(), to.as_deref()),
            other => panic!("unexpected change in the history: {other:?}"),
        })
        .collect();
    assert_eq!(who, [("監査花子", Some("×")), ("監査花子", Some("△"))]);
}

/// Issue 8 in a real terminal: a full-width `２` (the input method on) marks like `2`,
/// and 秘書広聴課 is heard with only the items that can apply to it, so its seed marks
/// take one key per heard item and the exported matrix has the seed's 秘書 column.
#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn a_full_width_mark_and_only_the_heard_items_of_the_secretariat() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let tmux = Tmux::new("heard");
    let open = format!(
        "{KANSA} --data-dir {} open {id} --department 秘書",
        data.path().display()
    );
    tmux.start("hearing", 100, 30, &open);
    tmux.wait_for("hearing", "秘書広聴課", 10);
    let keys = screen::heard(0, screen::SEED_KEYS[0]);
    let mut keys = keys.chars();
    // The first two of the seed's 秘書 marks are ○ ○, the third △: typed full width.
    let first: String = keys.by_ref().take(2).collect();
    tmux.marks("hearing", &first);
    tmux.wait_for("hearing", "I-2(2)", 5);
    keys.next();
    tmux.marks("hearing", "２");
    tmux.wait_for("hearing", "I-3  4/28", 5);
    tmux.marks("hearing", &keys.collect::<String>());
    tmux.wait_for("hearing", "28/28", 10);
    tmux.keys("hearing", &["q"]);

    let csv = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "export", &id, "--format", "csv", "--report", "matrix", "-o", "-",
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let secretariat: String = csv
        .lines()
        .skip(1)
        .map(|row| match row.split(',').nth(3) {
            Some("○") => '1',
            Some("△") => '2',
            Some("×") => '3',
            Some("-") => '0',
            other => panic!("unexpected cell {other:?} in {row}"),
        })
        .collect();
    assert_eq!(secretariat, screen::SEED_KEYS[0], "the 秘書 column");
}

/// Issue 11 in a real terminal at 80×24: a points checklist's own keys mark, and the
/// department's score and band show as the hearing goes.
#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn a_points_checklist_is_heard_with_its_keys_and_its_score_shows() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "new",
            "--checklist",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/checklists/self-diagnosis-points.ron"
            ),
            "--title",
            "自己診断",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let tmux = Tmux::new("points");
    let open = format!("{KANSA} --data-dir {} open {id}", data.path().display());
    tmux.start("hearing", 80, 24, &open);
    tmux.wait_for("hearing", "1 ○ 実施している", 10);
    for key in ["1", "1", "1", "2", "4"] {
        tmux.keys("hearing", &[key]);
    }
    let screen = tmux.wait_for("hearing", "得点 13/", 5);
    assert!(screen.contains("A-5") || screen.contains("B-1"), "{screen}");
    tmux.keys("hearing", &["q"]);
}

/// The part of auditor `n` exported from the round in `main`, opened from its file in
/// tmux on a laptop of its own (`laptop`), and `department` heard with the seed's keys.
fn hear_part_in_tmux(tmux: &Tmux, main: &Path, laptop: &Path, id: &str, n: usize) {
    let (departments, department, by) = [
        ("秘書,防災,管財", 0, "田中"),
        ("福祉総務,保育,障がい", 4, "佐藤"),
    ][n];
    let file = laptop.with_extension("ron");
    let output = Command::new(KANSA)
        .arg("--data-dir")
        .arg(main)
        .args([
            "export",
            id,
            "--format",
            "session",
            "--departments",
            departments,
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let window = format!("auditor{n}");
    // The department by its position in the seed's roster, as its short name.
    let short = ["秘書", "防災", "管財", "福祉総務", "保育", "障がい"][department];
    let open = format!(
        "{KANSA} --as {by} --data-dir {} open {} --department {short}",
        laptop.display(),
        file.display(),
    );
    tmux.start(&window, 100, 30, &open);
    tmux.wait_for(&window, &format!("（{short}）"), 10);
    let keys = screen::heard(department, kansa::seed::SEED_KEYS[department]);
    tmux.marks(&window, &keys);
    tmux.wait_for(&window, "28/28", 10);
    tmux.keys(&window, &["q"]);
}

#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn two_auditors_in_two_terminals_merge_into_one_round() {
    let root = tempfile::tempdir().unwrap();
    let main = root.path().join("main");
    let id = new_session(&main);
    let tmux = Tmux::new("team");
    let laptops = [root.path().join("laptop0"), root.path().join("laptop1")];
    for (n, laptop) in laptops.iter().enumerate() {
        hear_part_in_tmux(&tmux, &main, laptop, &id, n);
    }
    let start = Instant::now();
    let files: Vec<_> = laptops
        .iter()
        .map(|l| l.join("sessions").join(format!("{id}.ron")))
        .collect();
    let merged = loop {
        let output = Command::new(KANSA)
            .arg("--data-dir")
            .arg(&main)
            .args(["merge", &id])
            .args(&files)
            .output()
            .unwrap();
        // Waits for the screens to have let go of their sessions.
        if output.status.success() || start.elapsed() > Duration::from_secs(10) {
            break output;
        }
        sleep(Duration::from_millis(100));
    };
    assert!(merged.status.success(), "{merged:?}");
    let csv = Command::new(KANSA)
        .arg("--data-dir")
        .arg(&main)
        .args(["export", &id, "--format", "csv", "-o", "-"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let column = |n: usize| -> String {
        csv.lines()
            .skip(1)
            .map(|row| match row.split(',').nth_back(5 - n).unwrap() {
                "○" => '1',
                "△" => '2',
                "×" => '3',
                "-" => '0',
                _ => ' ',
            })
            .collect()
    };
    assert_eq!(column(0), kansa::seed::SEED_KEYS[0], "秘書");
    assert_eq!(column(4), HOIKU_KEYS, "保育");
    let history = Command::new(KANSA)
        .arg("--data-dir")
        .arg(&main)
        .args(["history", &id])
        .output()
        .unwrap();
    let history = String::from_utf8(history.stdout).unwrap();
    assert!(
        history.contains("田中") && history.contains("佐藤"),
        "{history}"
    );
}

#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn a_draft_note_survives_sigkill_and_is_offered_back() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let tmux = Tmux::new("draft");
    let open = format!(
        "{KANSA} --data-dir {} open {id} --department 保育課",
        data.path().display()
    );
    tmux.start("typing", 100, 30, &open);
    tmux.wait_for("typing", "保育課（保育）", 10);
    tmux.keys("typing", &["Enter"]);
    tmux.wait_for("typing", "Esc で保存して戻る", 5);
    tmux.literal("typing", "付箋の貼付を確認中");
    tmux.wait_for("typing", "付箋の貼付を確認中", 5);
    // The draft is kept after a second without typing (and a tick of half a second).
    let draft = data.path().join("sessions").join(format!("{id}.draft"));
    let start = Instant::now();
    while !draft.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no draft was kept"
        );
        sleep(Duration::from_millis(100));
    }

    let pid = tmux.pid("typing");
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    let start = Instant::now();
    while running(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "kansa survived SIGKILL"
        );
        sleep(Duration::from_millis(20));
    }

    tmux.start(
        "reopened",
        100,
        30,
        &format!("{KANSA} --data-dir {} open {id}", data.path().display()),
    );
    let screen = tmux.wait_for("reopened", "保存されていなかった入力を復元しました", 10);
    assert!(screen.contains("付箋の貼付を確認中"), "{screen}");
    tmux.keys("reopened", &["Escape"]);
    tmux.wait_for("reopened", "評価して次へ", 5);
    tmux.keys("reopened", &["q"]);
    let output = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args(["history", &id, "--department", "保育課", "--item", "I-1"])
        .output()
        .unwrap();
    let history = String::from_utf8_lossy(&output.stdout);
    assert!(history.contains("付箋の貼付を確認中"), "{history}");
}

/// Two auditors on one data folder (a file server), in different departments of one
/// round: neither is refused, each sees the other's marks within a second; then both
/// set one cell at once: a conflict on both screens and in `kansa review`.
#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn two_auditors_on_one_folder_see_each_other_and_a_conflict() {
    let data = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let tmux = Tmux::new("writers");
    let open = |who: &str, department: &str| {
        format!(
            "{KANSA} --data-dir {} --as {who} open {id} --department {department}",
            data.path().display()
        )
    };
    tmux.start("tanaka", 120, 30, &open("田中一郎", "秘書"));
    tmux.wait_for("tanaka", "秘書広聴課", 10);
    tmux.start("sato", 120, 30, &open("佐藤花子", "保育課"));
    let screen = tmux.wait_for("sato", "保育課（保育）", 10);
    assert!(!screen.contains("読み取り専用"), "{screen}");
    // 田中 marks 秘書 I-1 ×, 佐藤 marks 保育 I-1 △.
    tmux.marks("tanaka", "3");
    tmux.marks("sato", "2");
    let marked = Instant::now();
    let tanaka = tmux.wait_for("tanaka", "佐藤花子 の変更 1 件を反映しました", 5);
    let sato = tmux.wait_for("sato", "田中一郎 の変更 1 件を反映しました", 5);
    let seen = marked.elapsed();
    // The screen looks at the folder at every tick (500 ms); the time is printed, not
    // asserted: a loaded machine must not fail the test on a clock.
    eprintln!("each saw the other's mark after {seen:?}\n{tanaka}\n{sato}");
    for window in ["tanaka", "sato"] {
        tmux.keys(window, &["m"]);
    }
    let row = |screen: &str| {
        (screen.lines())
            .find(|l| l.starts_with("I-1 "))
            .unwrap_or_default()
            .to_string()
    };
    for window in ["tanaka", "sato"] {
        let start = Instant::now();
        let screen = loop {
            let screen = tmux.screen(window);
            let line = row(&screen);
            if line.contains('×') && line.contains('△') {
                break screen;
            }
            assert!(start.elapsed() < Duration::from_secs(5), "{screen}");
            sleep(Duration::from_millis(50));
        };
        eprintln!("{window}'s matrix:\n{screen}");
        tmux.keys(window, &["Escape"]);
    }
    // Both on 障がい福祉課's first item, at once: 田中 ○, 佐藤 -.
    // Both quit, and are waited for: a lock is let go when its process ends.
    for window in ["tanaka", "sato"] {
        let pid = tmux.pid(window);
        tmux.keys(window, &["q"]);
        let start = Instant::now();
        while running(&pid) {
            assert!(start.elapsed() < Duration::from_secs(10), "{window} quits");
            sleep(Duration::from_millis(50));
        }
    }
    tmux.start("tanaka2", 120, 30, &open("田中一郎", "障がい福祉課"));
    tmux.start("sato2", 120, 30, &open("佐藤花子", "障がい福祉課"));
    tmux.wait_for("tanaka2", "障がい福祉課", 10);
    tmux.wait_for("sato2", "障がい福祉課", 10);
    tmux.literal("tanaka2", "1");
    tmux.literal("sato2", "0");
    for window in ["tanaka2", "sato2"] {
        let screen = tmux.wait_for(window, "競合", 5);
        eprintln!("{window}:\n{screen}");
        // Back on the cell: its conflict, each auditor's value, stays on screen.
        tmux.keys(window, &["Left"]);
        // Waited for whole: a capture can catch a frame half drawn. The values come
        // in the order the two were written, which a loaded machine can swap.
        let both = |screen: &str| {
            (screen.lines()).any(|l| {
                l.contains("競合  ") && l.contains("田中一郎「○」") && l.contains("佐藤花子「-」")
            })
        };
        let screen = tmux.wait_until(window, "競合 田中一郎「○」 佐藤花子「-」", 5, both);
        eprintln!("{window} on the cell:\n{screen}");
    }
    let review = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data.path())
        .args(["--lang", "ja", "review", &id])
        .output()
        .unwrap();
    let review = String::from_utf8_lossy(&review.stdout).into_owned();
    eprintln!("kansa review:\n{review}");
    let line = (review.lines())
        .find(|l| l.contains("競合"))
        .unwrap_or_else(|| panic!("no conflict in review:\n{review}"));
    assert!(
        line.contains("田中一郎") && line.contains("佐藤花子"),
        "{line}"
    );
    tmux.keys("tanaka2", &["q"]);
    tmux.keys("sato2", &["q"]);
}

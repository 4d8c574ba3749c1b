//! SIGKILL at random moments: the real binary in a real terminal (tmux) hears 保育課,
//! marks typed at random speed, and is killed with SIGKILL at a random moment. After
//! each kill the file opens, every mark the screen had shown is on disk, and what is
//! on disk is a prefix of what was typed.
//!
//! `cargo test` kills twice; the full run, once:
//! `KANSA_KILLS=200 cargo test --release --test harness sigkill:: -- --nocapture`

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use kansa::store::Store;

use crate::tmux::{Tmux, new_session, running};

const KANSA: &str = env!("CARGO_BIN_EXE_kansa");

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// The department's answered cells as the screen shows them (`保育課（保育） … 5/28`).
fn shown_answered(screen: &str) -> Option<usize> {
    screen
        .lines()
        .find(|l| l.contains("保育課（保育）"))
        .and_then(|line| {
            let at = line.find("/28")?;
            line[..at].rsplit(' ').next()?.parse().ok()
        })
}

#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn every_shown_mark_survives_sigkill_and_the_disk_is_a_prefix_of_what_was_typed() {
    let kills: usize = std::env::var("KANSA_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let tmux = Tmux::new("sigkill-harness");
    let mut rng = Rng(0x6b69_6c6c);
    let (mut lost, mut not_prefix) = (0, 0);
    let start = Instant::now();
    for kill in 0..kills {
        let data = tempfile::tempdir().unwrap();
        let id = new_session(data.path());
        let window = format!("k{kill}");
        let open = format!(
            "{KANSA} --data-dir {} open {id} --department 保育課",
            data.path().display()
        );
        tmux.start(&window, 100, 30, &open);
        tmux.wait_for(&window, "保育課（保育）", 10);
        // 28 items, two of which applicability answers for 保育: a mark key each for
        // the other 26 (one more would mark the last again).
        let typed: Vec<char> = (0..26)
            .map(|_| ['1', '2', '3'][rng.below(3) as usize])
            .collect();
        let stop = rng.below(27) as usize;
        for key in &typed[..stop] {
            tmux.keys(&window, &[&key.to_string()]);
            sleep(Duration::from_millis(rng.below(15)));
        }
        sleep(Duration::from_millis(rng.below(40)));
        let screen = tmux.screen(&window);
        let pid = tmux.pid(&window);
        let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
        assert!(killed.success());
        while running(&pid) {
            sleep(Duration::from_millis(5));
        }
        let store = Store::open(data.path()).unwrap();
        let session = store
            .load(&id)
            .unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        let hearing = session
            .hearings
            .iter()
            .find(|h| h.department.short == "保育")
            .unwrap();
        let items: Vec<_> = session
            .checklist
            .items()
            .map(|(_, i)| i.id.clone())
            .collect();
        let mut on_disk = Vec::new();
        let shown = shown_answered(&screen).unwrap_or(0);
        let answered = session.answered_in(hearing);
        for item in &items {
            let answer = hearing.answer(item);
            if answer.is_some_and(|a| a.by_applicability) {
                continue;
            }
            if let Some(mark) = answer.and_then(|a| a.mark.clone()) {
                on_disk.push(match mark.as_str() {
                    "○" => '1',
                    "△" => '2',
                    "×" => '3',
                    other => panic!("kill {kill}: unexpected mark {other}"),
                });
            }
        }
        let prefix = &typed[..on_disk.len().min(typed.len())];
        if on_disk != prefix {
            not_prefix += 1;
            eprintln!("kill {kill}: typed {typed:?} (sent {stop}), on disk {on_disk:?}\n{screen}");
        }
        if answered < shown {
            lost += 1;
            eprintln!("kill {kill}: shown {shown} answered, {answered} on disk\n{screen}");
        }
    }
    eprintln!(
        "{kills} kills in {:.0} s: {lost} with shown marks lost, {not_prefix} not a prefix of what was typed, 0 unreadable files",
        start.elapsed().as_secs_f64()
    );
    assert_eq!((lost, not_prefix), (0, 0));
}

/// The marks of `department` on disk, as mark keys, in checklist order (cells that
/// applicability answered left out).
fn marks_on_disk(session: &kansa::session::Session, department: &str) -> Vec<char> {
    let hearing = session
        .hearings
        .iter()
        .find(|h| h.department.short == department)
        .unwrap();
    let items: Vec<_> = session
        .checklist
        .items()
        .map(|(_, i)| i.id.clone())
        .collect();
    items
        .iter()
        .filter_map(|item| hearing.answer(item))
        .filter(|a| !a.by_applicability)
        .filter_map(|a| a.mark.clone())
        .map(|mark| match mark.as_str() {
            "○" => '1',
            "△" => '2',
            "×" => '3',
            "-" => '0',
            other => panic!("unexpected mark {other}"),
        })
        .collect()
}

/// The answered cells of a department as its screen shows them.
fn shown_in(screen: &str, title: &str) -> Option<usize> {
    screen.lines().find(|l| l.contains(title)).and_then(|line| {
        let at = line.find("/28")?;
        line[..at].rsplit(' ').next()?.parse().ok()
    })
}

/// Two auditors on one folder, each in a department of their own (保育課, written to
/// the session file's journal; 障がい福祉課, written to a journal beside it), typing
/// at random speed, both killed with SIGKILL at random moments. After each pair of
/// kills, every mark either screen had shown is on disk, each department's marks are
/// a prefix of what was typed there, and every journal reads (a torn last line, cut
/// by the kill, is no damage).
#[test]
#[cfg_attr(windows, ignore = "drives kansa in tmux, which Windows has not")]
fn two_writers_killed_at_once_lose_no_shown_mark_and_leave_no_unreadable_journal() {
    let kills: usize = std::env::var("KANSA_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let tmux = Tmux::new("sigkill-writers");
    let mut rng = Rng(0x7772_6974);
    let (mut lost, mut not_prefix, mut unreadable, mut kept) = (0, 0, 0, 0);
    let start = Instant::now();
    let writers = [
        ("田中一郎", "保育課", "保育課（保育）", "保育"),
        (
            "佐藤花子",
            "障がい福祉課",
            "障がい福祉課（障がい）",
            "障がい",
        ),
    ];
    for kill in 0..kills {
        let data = tempfile::tempdir().unwrap();
        let id = new_session(data.path());
        let mut typed = Vec::new();
        for (n, (who, department, title, _)) in writers.iter().enumerate() {
            let window = format!("w{kill}-{n}");
            let open = format!(
                "{KANSA} --data-dir {} --as {who} open {id} --department {department}",
                data.path().display()
            );
            tmux.start(&window, 100, 30, &open);
            tmux.wait_for(&window, title, 10);
            // A mark key each for the items applicability leaves to be heard: ○ and
            // -, which ask for no note (△ and × open the note editor, which would take
            // the keys after them as text).
            let keys: Vec<char> = (0..20).map(|_| ['1', '0'][rng.below(2) as usize]).collect();
            typed.push((window, keys));
        }
        // Interleaved, each up to a random stop.
        let stops: Vec<usize> = (0..2).map(|_| rng.below(21) as usize).collect();
        for k in 0..20 {
            for (n, (window, keys)) in typed.iter().enumerate() {
                if k < stops[n] {
                    tmux.keys(window, &[&keys[k].to_string()]);
                }
            }
            sleep(Duration::from_millis(rng.below(10)));
        }
        sleep(Duration::from_millis(rng.below(40)));
        let screens: Vec<String> = typed.iter().map(|(w, _)| tmux.screen(w)).collect();
        let pids: Vec<String> = typed.iter().map(|(w, _)| tmux.pid(w)).collect();
        for pid in &pids {
            let killed = Command::new("kill").args(["-9", pid]).status().unwrap();
            assert!(killed.success());
        }
        for pid in &pids {
            while running(pid) {
                sleep(Duration::from_millis(5));
            }
        }
        let store = Store::open(data.path()).unwrap();
        unreadable += store.damaged_journals(&id).unwrap().len();
        let session = store
            .load(&id)
            .unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        for (n, (_, _, title, short)) in writers.iter().enumerate() {
            let on_disk = marks_on_disk(&session, short);
            kept += on_disk.len();
            let keys = &typed[n].1;
            if on_disk[..] != keys[..on_disk.len().min(keys.len())] {
                not_prefix += 1;
                eprintln!("kill {kill}: {short} typed {keys:?}, on disk {on_disk:?}");
            }
            let shown = shown_in(&screens[n], title).unwrap_or(0);
            let hearing = session.hearing(short).unwrap();
            if session.answered_in(hearing) < shown {
                lost += 1;
                eprintln!(
                    "kill {kill}: {short} shown {shown}, on disk fewer\n{}",
                    screens[n]
                );
            }
        }
    }
    eprintln!(
        "{kills} double kills (two writers) in {:.0} s, {kept} marks on disk: {lost} with shown marks lost, {not_prefix} not a prefix, {unreadable} unreadable journals",
        start.elapsed().as_secs_f64()
    );
    assert_eq!((lost, not_prefix, unreadable), (0, 0, 0));
}

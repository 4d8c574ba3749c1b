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

//! The real binary in a real terminal: a tmux server of the test's own, driven by keys
//! and read by screen captures. Shared by the end-to-end and SIGKILL tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const KANSA: &str = env!("CARGO_BIN_EXE_kansa");

/// A tmux server of its own, so tests never touch the user's sessions.
pub struct Tmux {
    socket: String,
    started: std::cell::Cell<bool>,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        let socket = format!("kansa-test-{name}-{}", std::process::id());
        let tmux = Tmux {
            socket,
            started: std::cell::Cell::new(false),
        };
        tmux.kill_server();
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        // -u and a UTF-8 locale: Japanese must reach the pane whatever CI's locale is.
        let output = Command::new("tmux")
            .env("LANG", "C.UTF-8")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed");
        assert!(
            output.status.success() || args[0] == "kill-server",
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Starts `command` in a window of `width`×`height`, with a Japanese locale.
    pub fn start(&self, window: &str, width: u16, height: u16, command: &str) {
        // The person working is named, as an auditor's shell would; a command may name
        // another after it.
        let shell = format!(
            "exec env LANG=ja_JP.UTF-8 LC_ALL= TERM=xterm-256color KANSA_AUDITOR=監査太郎 {command}"
        );
        let (w, h) = (width.to_string(), height.to_string());
        if self.started.replace(true) {
            self.run(&["new-window", "-d", "-t", "test", "-n", window, &shell]);
        } else {
            self.run(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "test",
                "-n",
                window,
                "-x",
                &w,
                "-y",
                &h,
                &shell,
            ]);
            self.run(&["set-option", "-g", "remain-on-exit", "on"]);
        }
    }

    pub fn screen(&self, window: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", &format!("test:{window}")])
    }

    pub fn keys(&self, window: &str, keys: &[&str]) {
        let target = format!("test:{window}");
        let mut args = vec!["send-keys", "-t", &target];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn literal(&self, window: &str, text: &str) {
        self.run(&["send-keys", "-t", &format!("test:{window}"), "-l", text]);
    }

    /// Types mark keys; where the scale asks for a note with the mark (the bundled △
    /// and ×), its editor opens, and `Esc` leaves it empty and goes on.
    pub fn marks(&self, window: &str, keys: &str) {
        for key in keys.chars() {
            self.literal(window, &key.to_string());
            if matches!(kansa::keymap::fold_width(key), '2' | '3') {
                self.wait_for(window, "Esc で保存して戻る", 5);
                self.keys(window, &["Escape"]);
                self.wait_for(window, "評価して次へ", 5);
            }
        }
    }

    pub fn pid(&self, window: &str) -> String {
        self.run(&[
            "display-message",
            "-p",
            "-t",
            &format!("test:{window}"),
            "#{pane_pid}",
        ])
        .trim()
        .to_string()
    }

    /// Waits until the window shows `text`; fails with the screen after `secs`.
    pub fn wait_for(&self, window: &str, text: &str, secs: u64) -> String {
        self.wait_until(window, text, secs, |screen| screen.contains(text))
    }

    /// Waits until the window's screen passes `shown` (described by `what` when it
    /// never does); fails with the screen after `secs`.
    pub fn wait_until(
        &self,
        window: &str,
        what: &str,
        secs: u64,
        shown: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(window);
            if shown(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "waited for {what:?}; the screen is:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn kill_server(&self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
    }
}

/// True while the process exists and is not a zombie waiting for tmux to reap it.
pub fn running(pid: &str) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next());
    matches!(state, Some(s) if s != "Z" && s != "X")
}

pub fn new_session(data: &Path) -> String {
    let output = Command::new(KANSA)
        .arg("--data-dir")
        .arg(data)
        .args(["new", "--title", "令和6年度上半期"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

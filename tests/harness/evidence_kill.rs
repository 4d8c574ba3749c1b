//! SIGKILL while attaching evidence: `kansa attach` of a file large enough for the copy
//! to take a while is killed at a random moment — during the copy, or (with the
//! test-only pause) between the durable copy and the change that refers to it. After
//! each kill the session opens; every attachment it holds has its stored copy, whole
//! (its hash); every attach that was acknowledged (the command ended well) is still
//! there; a copy without a change is at worst an unreferenced file.
//!
//! `cargo test` kills six times; more: `KANSA_EVIDENCE_KILLS=50 cargo test --test harness evidence_kill`

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

use kansa::store::{BlobState, Store};

use crate::tmux::new_session;

const KANSA: &str = env!("CARGO_BIN_EXE_kansa");

fn attach(data: &std::path::Path, id: &str, file: &std::path::Path) -> Command {
    let mut command = Command::new(KANSA);
    command
        .arg("--data-dir")
        .arg(data)
        .args([
            "--as",
            "監査 太郎",
            "attach",
            id,
            "--department",
            "保育",
            "--item",
            "I-3",
        ])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

#[test]
#[cfg_attr(windows, ignore = "SIGKILL is Unix's")]
fn a_kill_while_attaching_leaves_no_dangling_reference_and_loses_no_acknowledged_file() {
    let kills: usize = std::env::var("KANSA_EVIDENCE_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6);
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = new_session(data.path());
    let mut acknowledged = Vec::new();
    let mut unreferenced_seen = 0;
    let mut seed = 0x5eedu64;
    for kill in 0..kills {
        // A different file each time (its first bytes), 24 MB: a copy of some tens of ms.
        let mut bytes = vec![0u8; 24 * 1024 * 1024];
        bytes[..8].copy_from_slice(&(kill as u64).to_be_bytes());
        let file = files.path().join(format!("画面{kill}.png"));
        std::fs::write(&file, &bytes).unwrap();
        // One attach acknowledged, then one killed: in the copy, or in the pause
        // between the copy and the change.
        let done = attach(data.path(), &id, &file).output().unwrap();
        assert!(done.status.success(), "kill {kill}: {done:?}");
        let line = String::from_utf8(done.stdout).unwrap();
        acknowledged.push(line.split_whitespace().next().unwrap().to_string());

        let other = files.path().join(format!("ログ{kill}.txt"));
        bytes[8] = 1;
        std::fs::write(&other, &bytes).unwrap();
        let mut command = attach(data.path(), &id, &other);
        let paused = kill % 2 == 1;
        if paused {
            command.env("KANSA_TEST_PAUSE_BEFORE_RECORD", "2000");
        }
        let mut child = command.spawn().unwrap();
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let wait = if paused { 700 } else { (seed >> 33) % 60 };
        sleep(Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut printed = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut printed)
            .unwrap();

        let store = Store::open(data.path()).unwrap();
        let session = store
            .load(&id)
            .unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        let broken = store.check_blobs(&session);
        assert!(
            broken.is_empty(),
            "kill {kill}: a reference without its file: {:?}",
            broken
                .iter()
                .map(|(a, s)| (&a.attachment.id, s))
                .collect::<Vec<(&String, &BlobState)>>()
        );
        for id in &acknowledged {
            assert!(
                session.attached(id).is_some(),
                "kill {kill}: acknowledged {id} lost"
            );
        }
        let referenced: std::collections::BTreeSet<_> = session
            .evidence()
            .map(|a| a.attachment.file.sha256.clone())
            .collect();
        let stored = std::fs::read_dir(store.evidence_dir(&id))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .filter(|n| !referenced.contains(n))
            .count();
        if paused && printed.is_empty() {
            // Killed after the copy was made durable, before its change.
            assert!(
                stored > unreferenced_seen,
                "kill {kill}: the copy was not kept before the change"
            );
            unreferenced_seen = stored;
        }
    }
    assert!(
        unreferenced_seen > 0,
        "no kill fell between the copy and the change"
    );
}

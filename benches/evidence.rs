//! Evidence (証跡): attaching a 90 MB file (under the default limit) — one streamed
//! pass that hashes, writes, fsyncs and renames — against the system's tools copying
//! and hashing it (`cp` then `sha256sum`); and opening the large audit (300 items ×
//! 60 departments, 50,000 changes) with 2,000 attached files against without.
//! Figures in docs/performance.md; peak memory is measured on the command line
//! (`/usr/bin/time -v kansa attach …`), not here.
//!
//! `nice -n 10 cargo bench --bench evidence -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use kansa::sample::large_session;
use kansa::seed;
use kansa::session::{Attachment, Change, Event, EvidenceTarget, FileInfo, Session};
use kansa::store::Store;

const SIZE: usize = 90 * 1024 * 1024;

fn attach_large_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("data")).expect("store");
    store.create(&seed::session("bench")).expect("saved");
    let source = dir.path().join("画面録画.mp4");
    // Not all zeros: a file system may store those sparsely.
    let bytes: Vec<u8> = (0..SIZE).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&source, &bytes).expect("source");
    drop(bytes);
    let copy = dir.path().join("copy.mp4");

    let mut group = c.benchmark_group("evidence");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_function("attach 90 MB: kansa (hash + copy + fsync + rename)", |b| {
        b.iter_batched(
            // Each time a new copy: remove the one kept before (same content).
            || {
                let _ = std::fs::remove_dir_all(store.evidence_dir("bench"));
            },
            |()| {
                black_box(
                    store
                        .keep_evidence("bench", &source, u64::MAX)
                        .expect("kept"),
                )
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("attach 90 MB: system (cp, then sha256sum)", |b| {
        b.iter(|| {
            let cp = Command::new("cp").arg(&source).arg(&copy).status();
            assert!(cp.expect("cp").success());
            let sum = Command::new("sha256sum")
                .arg(&copy)
                .output()
                .expect("sha256sum");
            assert!(sum.status.success());
            black_box(sum.stdout)
        })
    });
    group.finish();
}

/// The large audit with `files` attachments: one per cell, in order, as changes.
fn with_evidence(mut session: Session, files: usize) -> Session {
    let cells: Vec<(String, String)> = session
        .hearings
        .iter()
        .flat_map(|h| {
            let department = h.department.short.clone();
            session
                .checklist
                .items()
                .map(move |(_, i)| (department.clone(), i.id.clone()))
                .collect::<Vec<_>>()
        })
        .take(files)
        .collect();
    let at = session.last_change();
    for (n, (department, item)) in cells.into_iter().enumerate() {
        let sha = format!("{n:064x}");
        let attachment = Attachment {
            id: format!("{n:08x}"),
            department,
            target: EvidenceTarget::Item(item),
            file: FileInfo {
                name: format!("画面{n}.png"),
                size: 300_000,
                kind: "image/png".into(),
                modified: Some(at),
                sha256: sha,
            },
            note: String::new(),
        };
        let event = Event::at(at, "監査 太郎", Change::Attach { attachment });
        session.apply(event).expect("attached");
    }
    session
}

fn open_with_evidence(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut plain = large_session(300, 60, 50_000);
    plain.id = "plain".into();
    store.create(&plain).expect("saved");
    let mut attached = with_evidence(plain, 2_000);
    attached.id = "attached".into();
    assert_eq!(attached.evidence().count(), 2_000);
    store.create(&attached).expect("saved");
    let size = |id: &str| std::fs::metadata(store.path_of(id)).expect("file").len();
    eprintln!(
        "session file: {} bytes without evidence, {} with 2,000 files",
        size("plain"),
        size("attached")
    );
    let mut group = c.benchmark_group("evidence");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    // What the 2,000 attachments alone cost to read, away from the noise of reading
    // 20 MB: their part of the snapshot, parsed.
    let rows: Vec<_> = attached.evidence().cloned().collect();
    let text = ron::to_string(&rows).expect("ron");
    group.bench_function("parse 2,000 attachments of a snapshot", |b| {
        b.iter(|| black_box(ron::from_str::<Vec<kansa::session::Attached>>(&text).expect("parsed")))
    });
    for id in ["plain", "attached"] {
        group.bench_function(
            format!("open the large audit ({id}): open_writer + close"),
            |b| {
                b.iter(|| {
                    let writer = store.open_writer(id, "bench").expect("open");
                    black_box(writer.session().evidence().count());
                    writer.close().expect("close");
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, attach_large_file, open_with_evidence);
criterion_main!(benches);

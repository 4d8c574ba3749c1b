//! Benchmarks on a generated large audit (300 items × 60 departments, every cell
//! answered with a note, 50,000 changes of history): opening a session, recording one
//! answer durably, exporting the CSV matrix, and the floor any durable change pays —
//! one fsync'd append of a short line to a file on the same disk.

use std::fs::OpenOptions;
use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kansa::export;
use kansa::sample::large_session;
use kansa::store::Store;

const ITEMS: usize = 300;
const DEPARTMENTS: usize = 60;
const HISTORY: usize = 50_000;

fn large_audit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut session = large_session(ITEMS, DEPARTMENTS, HISTORY);
    // Separate copies, so that answers recorded by one benchmark (journal lines) do not
    // change what another opens.
    for id in ["open", "record"] {
        session.id = id.into();
        store.create(&session).expect("saved");
    }
    let size = std::fs::metadata(store.path_of("open"))
        .expect("file")
        .len();
    eprintln!(
        "large audit: {ITEMS} items × {DEPARTMENTS} departments, {} changes of history, {:.1} MB on disk",
        session.history.len(),
        size as f64 / 1e6
    );

    let mut group = c.benchmark_group("large_audit");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));
    group.bench_function("open a session (open_writer + close)", |b| {
        b.iter(|| {
            let writer = store.open_writer("open", "bench").expect("open");
            black_box(writer.session().answered_count());
            writer.close().expect("close");
        })
    });
    group.bench_function("load a session (read-only)", |b| {
        b.iter(|| black_box(store.load("open").expect("load")))
    });
    group.bench_function("export the CSV matrix", |b| {
        b.iter(|| black_box(export::matrix_csv(&session).expect("csv")))
    });
    group.finish();

    // The two durable paths compared: same disk, same kind of work per iteration.
    let mut group = c.benchmark_group("durable");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));
    let mut writer = store.open_writer("record", "監査 太郎").expect("open");
    let cells: Vec<(String, String)> = session
        .hearings
        .iter()
        .flat_map(|h| {
            session
                .checklist
                .items()
                .map(|(_, item)| (h.department.short.clone(), item.id.clone()))
        })
        .collect();
    let marks = ["○", "△", "×"];
    let mut n = 0usize;
    group.bench_function("record one answer", |b| {
        b.iter(|| {
            // A different cell and mark each time, as an auditor moving on.
            let (department, item) = &cells[n % cells.len()];
            let change = writer
                .session()
                .set_mark(department, item, Some(marks[n % marks.len()]))
                .expect("change");
            writer.record(change).expect("durable");
            n += 1;
        })
    });
    let mut floor = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.path().join("floor.log"))
        .expect("floor file");
    let line = format!("{}\n", "x".repeat(119));
    group.bench_function("fsync'd append floor (120 bytes)", |b| {
        b.iter(|| {
            floor.write_all(line.as_bytes()).expect("write");
            floor.sync_data().expect("fsync");
        })
    });
    group.finish();
    writer.close().expect("close");
}

criterion_group!(benches, large_audit);
criterion_main!(benches);

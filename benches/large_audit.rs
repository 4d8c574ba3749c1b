//! Benchmarks on a generated large audit (300 items × 60 departments, every cell
//! answered with a note, 50,000 changes of history): opening a session, recording one
//! answer durably, exporting the CSV matrix, and the floor any durable change pays —
//! one fsync'd append of a short line to a file on the same disk; then, with a 所見 in
//! every area and every × taken up as a 指摘事項, review, sign-off and verify.

use std::fs::OpenOptions;
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
use kansa::export;
use kansa::facts::{FactField, FactValue};
use kansa::review;
use kansa::sample::{heard_part, large_session};
use kansa::session::{Event, Session};
use kansa::store::{Doc, Store};
use kansa::tui::{App, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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

/// The large audit made ready to sign: a 所見 in every area of every department and
/// every proposed 指摘事項 accepted (every third one dismissed), through the core.
fn with_findings(mut session: Session) -> Session {
    let at = session.last_change();
    let record = |session: &mut Session, change| {
        let by = "監査 太郎".to_string();
        session.apply(Event::at(at, by, change)).expect("applied");
    };
    let departments: Vec<String> = session
        .hearings
        .iter()
        .map(|h| h.department.short.clone())
        .collect();
    let areas: Vec<String> = session
        .checklist
        .areas
        .iter()
        .map(|a| a.id.clone())
        .collect();
    for department in &departments {
        for area in &areas {
            let text = "概ね適正に運用が行われている。今後も継続して適正な管理・運用を行うこと。";
            let change = session
                .set_observation(department, area, text)
                .expect("所見");
            record(&mut session, change);
        }
        for (n, proposal) in session.proposals(department).into_iter().enumerate() {
            let change = if n % 3 == 2 {
                session.dismiss_proposal(department, &proposal.item)
            } else {
                session.accept_proposal(department, &proposal.item, None)
            };
            record(&mut session, change.expect("proposal"));
        }
    }
    // An empty 総評 blocks sign-off (issue 27).
    let overall = FactValue::Text("特記事項なし".into());
    let change = session.set_fact(FactField::Overall, overall).expect("総評");
    record(&mut session, change);
    session
}

fn sign_off(c: &mut Criterion) {
    let session = with_findings(large_session(ITEMS, DEPARTMENTS, HISTORY));
    let lead = session.facts.lead.clone();
    let now = session.last_change();
    assert!(review::review(&session).is_clean(), "nothing blocks");
    let mut signed = session.clone();
    let change = signed.sign(&lead, now).expect("sign");
    let by = lead.clone();
    signed.apply(Event::at(now, by, change)).expect("signed");
    let mut group = c.benchmark_group("sign_off");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("review", |b| b.iter(|| black_box(review::review(&session))));
    group.bench_function("sign (review, digest, seal)", |b| {
        b.iter(|| {
            let mut copy = session.clone();
            let change = copy.sign(&lead, now).expect("sign");
            let by = lead.clone();
            copy.apply(Event::at(now, by, change)).expect("signed");
            black_box(copy.signed.is_some())
        })
    });
    group.bench_function("clone the session (part of sign above)", |b| {
        b.iter(|| black_box(session.clone()))
    });
    group.bench_function("verify", |b| b.iter(|| black_box(signed.verify())));
    group.finish();
}

/// The costs that should grow with what changed, not with the file: opening (against
/// reading the bytes and parsing the snapshot alone), quitting with a short journal,
/// a read-only copy's update after one change, and listing twenty large sessions;
/// beside them the full read every one of these paid before.
fn proportional(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut session = large_session(ITEMS, DEPARTMENTS, HISTORY);
    session.id = "large".into();
    store.create(&session).expect("saved");
    let path = store.path_of("large");
    let mut group = c.benchmark_group("proportional");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("open to first frame (open_writer)", |b| {
        b.iter(|| black_box(store.open_writer("large", "bench").expect("open")))
    });
    group.bench_function(
        "open to first frame on screen (App + draw at 100x30)",
        |b| {
            b.iter(|| {
                let context = Context {
                    store: store.clone(),
                    data_dir: dir.path().to_path_buf(),
                    actor: "bench".into(),
                    actor_chosen: true,
                    t: kansa::i18n::Lang::Ja.strings(),
                    marks: kansa::marks::MarksDisplay::Narrow,
                    colors: true,
                };
                let app = App::at_session(context, "large", None).expect("open");
                let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
                terminal.draw(|frame| app.draw(frame)).expect("draw");
                black_box(app)
            })
        },
    );
    group.bench_function("floor: read the bytes, parse the snapshot only", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&path).expect("read");
            let end = text.find("\n// history\n").expect("history section");
            black_box(ron::from_str::<Session>(&text[..end]).expect("snapshot"))
        })
    });
    group.bench_function("before: full read (Store::load)", |b| {
        b.iter(|| black_box(store.load("large").expect("load")))
    });
    group.bench_function("quit with a short journal (close)", |b| {
        b.iter_batched(
            || store.open_writer("large", "bench").expect("open"),
            |writer| writer.close().expect("close"),
            BatchSize::PerIteration,
        )
    });
    // What a quit with a long journal (500 lines or more) or a sign-off adds: the fold
    // rewrites the whole file whatever the journal holds.
    group.bench_function("fold: rewrite the whole file (compact)", |b| {
        b.iter_batched(
            || store.open_writer("large", "bench").expect("open"),
            |mut writer| writer.compact().expect("fold"),
            BatchSize::PerIteration,
        )
    });
    follower(&mut group, &store, &session);
    group.finish();
    listing(c, &store);
}

/// A read-only copy's update after one change of the writer (the change itself is
/// not timed).
fn follower(group: &mut BenchmarkGroup<'_, WallTime>, store: &Store, session: &Session) {
    let mut writer = store.open_writer("large", "writer").expect("open");
    // The same auditor on the same laptop: a read-only copy (another would write).
    let mut reader = Doc::open(store, "large", "writer").expect("read-only");
    assert!(reader.holder().is_some(), "read-only");
    let items: Vec<String> = session
        .checklist
        .items()
        .map(|(_, item)| item.id.clone())
        .collect();
    let department = session.hearings[0].department.short.clone();
    let marks = ["○", "△", "×"];
    let mut n = 0usize;
    group.bench_function("follower update after one change (tick)", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                let item = &items[n % items.len()];
                let mark = marks[n % marks.len()];
                let change = writer.session().set_mark(&department, item, Some(mark));
                writer.record(change.expect("change")).expect("durable");
                n += 1;
                let start = Instant::now();
                black_box(reader.tick("writer"));
                spent += start.elapsed();
            }
            spent
        })
    });
    assert_eq!(reader.session(), writer.session(), "followed");
    drop(reader);
    writer.compact().expect("fold");
}

/// `kansa list`'s work with twenty large sessions: hard links to one file, so that the
/// bench costs no disk (the page cache is shared, as it is warm in use).
fn listing(c: &mut Criterion, store: &Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let twenty = Store::open(dir.path()).expect("store");
    for n in 0..20 {
        std::fs::hard_link(
            store.path_of("large"),
            twenty.path_of(&format!("large-{n:02}")),
        )
        .expect("link");
    }
    let mut group = c.benchmark_group("proportional");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("list twenty large sessions", |b| {
        b.iter(|| {
            let (list, errors) = twenty.list().expect("list");
            assert!(errors.is_empty() && list.len() == 20);
            black_box(list)
        })
    });
    group.finish();
}

/// `kansa merge ID PART`: a part cut for one department, with 100 changes made on
/// another laptop, merged into the large audit (a fresh copy of it each time; the copy
/// is not timed). The part file is read and parsed within the time, as the command
/// does. "whole round" is the path every merge took before issue 26 (and still takes
/// for several files): load the round, merge in memory, rewrite the file.
fn merge_part(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut session = large_session(ITEMS, DEPARTMENTS, HISTORY);
    session.id = "merge".into();
    store.create(&session).expect("saved");
    let pristine = dir.path().join("pristine.ron");
    std::fs::copy(store.path_of("merge"), &pristine).expect("copy");
    let part = heard_part(&session, 100);
    let file = dir.path().join("part.ron");
    Store::write_file(&file, &part).expect("part");
    eprintln!(
        "part: {} changes of history, {:.1} MB",
        part.history.len(),
        std::fs::metadata(&file).expect("part").len() as f64 / 1e6
    );
    let fresh = || std::fs::copy(&pristine, store.path_of("merge")).expect("fresh round");
    let mut group = c.benchmark_group("merge");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("a part of 100 changes (merge_in)", |b| {
        b.iter_batched(
            fresh,
            |_| {
                let part = Store::load_file(&file).expect("part");
                let merged = store
                    .merge_in("merge", &[part], "監査 太郎")
                    .expect("merged");
                assert_eq!(merged.added, 100);
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("before: the whole round (load, merge, rewrite)", |b| {
        b.iter_batched(
            fresh,
            |_| {
                let part = Store::load_file(&file).expect("part");
                // Two files take the whole path; the second adds nothing.
                let theirs = [part.clone(), part];
                let merged = store
                    .merge_in("merge", &theirs, "監査 太郎")
                    .expect("merged");
                assert_eq!(merged.added, 100);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, merge_part, proportional, large_audit, sign_off);
criterion_main!(benches);

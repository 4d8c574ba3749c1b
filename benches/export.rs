//! The committee's documents of the generated large audit (300 items × 60 departments,
//! every cell answered with a note): each report in each format, from the session in
//! memory to the file's bytes. Goal (issue 10): XLSX and DOCX under 1 s.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kansa::export::{self, Format, Report};
use kansa::i18n::Lang;
use kansa::sample::large_session;

fn exports(c: &mut Criterion) {
    // History does not enter any report, so none is generated.
    let session = large_session(300, 60, 0);
    let mut group = c.benchmark_group("export_300x60");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for (report, format) in [
        (Report::Matrix, Format::Md),
        (Report::Matrix, Format::Html),
        (Report::Matrix, Format::Xlsx),
        (Report::Summary, Format::Md),
        (Report::Summary, Format::Csv),
        (Report::Summary, Format::Html),
        (Report::Summary, Format::Xlsx),
        (Report::Summary, Format::Docx),
    ] {
        let bytes = export::write(&session, report, format, Lang::Ja).expect("export");
        eprintln!("{report} as {format}: {:.1} MB", bytes.len() as f64 / 1e6);
        group.bench_function(format!("{report} as {format}"), |b| {
            b.iter(|| black_box(export::write(&session, report, format, Lang::Ja).expect("export")))
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);

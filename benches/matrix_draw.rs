//! Drawing the results matrix of the large generated audit (300 items × 60
//! departments, every cell answered with a note) at 240×70: the cost of one frame,
//! buffer diff included, as each key or tick redraws it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kansa::i18n::Lang;
use kansa::marks::MarksDisplay;
use kansa::store::Store;
use kansa::tui::{App, Context, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn matrix_draw(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store
        .create(&kansa::sample::large_session(300, 60, 0))
        .expect("create");
    let mut group = c.benchmark_group("matrix 300x60 at 240x70");
    for (display, name) in [
        (MarksDisplay::Narrow, "narrow"),
        (MarksDisplay::Wide, "wide"),
    ] {
        let context = Context {
            store: store.clone(),
            data_dir: dir.path().to_path_buf(),
            actor: "bench".into(),
            actor_chosen: true,
            t: Lang::Ja.strings(),
            marks: display,
            colors: true,
        };
        let mut app = App::at_session(context, "large", None).expect("open");
        key(&mut app, KeyCode::Char('m'));
        let mut terminal = Terminal::new(TestBackend::new(240, 70)).expect("terminal");
        // Alternate between two cells so every frame differs from the last.
        let mut right = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                key(&mut app, if right { KeyCode::Right } else { KeyCode::Left });
                right = !right;
                terminal
                    .draw(|frame| app.draw(black_box(frame)))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(5));
    targets = matrix_draw
}
criterion_main!(benches);

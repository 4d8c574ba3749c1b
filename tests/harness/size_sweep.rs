//! Every view drawn at every terminal size from 1×1 to 300×100 (and a few up to
//! 500×200), with random keys between sizes: nothing panics.
//!
//! `cargo test` sweeps a sample of the sizes; the full sweep, once:
//! `KANSA_SWEEP=full cargo test --release --test harness size_sweep:: -- --nocapture`

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Views as the keys that reach them: from the list, or from the session.
const VIEWS: &[(&str, bool, &str)] = &[
    ("list", true, ""),
    ("new session form", true, "n"),
    ("list help", true, "?"),
    ("item view", false, ""),
    ("item view with marks", false, "1212"),
    ("matrix", false, "m"),
    ("matrix help", false, "m?"),
    ("help", false, "?"),
    ("department picker", false, "d"),
    ("item picker", false, "g"),
];

const KEYS: &[KeyCode] = &[
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('0'),
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Char('h'),
    KeyCode::Char('l'),
    KeyCode::Char('f'),
    KeyCode::Char('a'),
    KeyCode::Char('w'),
    KeyCode::Char('監'),
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Tab,
    KeyCode::Enter,
    KeyCode::PageDown,
    KeyCode::Backspace,
];

fn sizes(full: bool) -> Vec<(u16, u16)> {
    let (step_w, step_h) = if full { (1, 1) } else { (29, 13) };
    let mut sizes: Vec<(u16, u16)> = (1..=300)
        .step_by(step_w)
        .flat_map(|w| (1..=100).step_by(step_h).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (300, 100),
        (400, 150),
        (500, 200),
        (500, 1),
        (1, 200),
        (2, 2),
    ]);
    sizes
}

fn open(dir: &std::path::Path, id: &str, from_list: bool, keys: &str) -> App {
    let context = context(dir, Lang::Ja);
    let mut app = if from_list {
        App::at_list(context)
    } else {
        App::at_session(context, id, None).unwrap()
    };
    keys.chars().for_each(|c| char_key(&mut app, c));
    app
}

#[test]
fn every_view_at_every_size_draws_without_panicking() {
    let full = std::env::var("KANSA_SWEEP").is_ok_and(|v| v == "full");
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "sweep", "寸法");
    let sizes = sizes(full);
    let mut state = 0x5eed_u64;
    let mut draws = 0usize;
    let start = std::time::Instant::now();
    for &(name, from_list, keys) in VIEWS {
        let mut app = open(dir.path(), &id, from_list, keys);
        for (n, &(width, height)) in sizes.iter().enumerate() {
            draw(&app, width, height);
            draws += 1;
            // Now and then a random key, so that each view is seen in many states.
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if n % 16 == 0 {
                let code = KEYS[(state >> 33) as usize % KEYS.len()];
                app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
                if app.quit {
                    app = open(dir.path(), &id, from_list, keys);
                }
            }
        }
        eprintln!("{name}: {} sizes", sizes.len());
    }
    eprintln!(
        "{draws} frames over {} views in {:.1} s, 0 panics",
        VIEWS.len(),
        start.elapsed().as_secs_f64()
    );
}

//! `NO_COLOR`: no cell of any screen has a colour, and every mark still reads by its
//! symbol — the same text as with colours.

use kansa::i18n::Lang;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

use crate::screen::{context, frame_buffer, key, new_session, screen_text, type_marks};

/// The screens a hearing passes through: the list, an item with marks given, the matrix.
fn screens(colors: bool) -> Vec<(String, ratatui::buffer::Buffer)> {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let id = new_session(dir, "colors", "令和6年度 情報セキュリティ内部監査");
    let id = id.as_str();
    let mut shots = Vec::new();
    let mut at = |name: &str, app: &App| {
        shots.push((
            format!("{name}: {}", screen_text(app, 100, 30)),
            frame_buffer(app, 100, 30),
        ));
    };
    let with = |lang| {
        let mut context = context(dir, lang);
        context.colors = colors;
        context
    };
    at("list", &App::at_list(with(Lang::Ja)));
    let mut app = App::at_session(with(Lang::Ja), id, Some("保育課")).unwrap();
    type_marks(&mut app, "1231");
    at("item", &app);
    key(&mut app, KeyCode::Char('m'));
    at("matrix", &app);
    shots
}

#[test]
fn no_color_leaves_no_colour_and_every_symbol() {
    let plain = screens(false);
    let colored = screens(true);
    // The list's frame names the data folder: a temporary one of each run.
    let readable = |text: &str| -> String {
        let lines = text.lines().filter(|l| !l.contains("データの保存先"));
        lines.collect::<Vec<_>>().join("\n")
    };
    let has_color = |buf: &ratatui::buffer::Buffer| {
        buf.content
            .iter()
            .any(|c| c.fg != Color::Reset || c.bg != Color::Reset)
    };
    assert!(
        colored.iter().any(|(_, buf)| has_color(buf)),
        "the screens have colours to take away"
    );
    for ((text, buf), (colored_text, colored_buf)) in plain.iter().zip(&colored) {
        assert_eq!(
            readable(text),
            readable(colored_text),
            "the same symbols with and without colours"
        );
        for (cell, colored_cell) in buf.content.iter().zip(&colored_buf.content) {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{text}");
            // What stood out by its background alone (the cursor) still stands out.
            if colored_cell.bg != Color::Reset {
                assert!(cell.modifier.contains(Modifier::REVERSED), "{text}");
            }
        }
    }
}

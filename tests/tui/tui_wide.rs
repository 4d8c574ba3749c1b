//! Terminals that draw ambiguous characters two cells wide: with marks set to wide,
//! every view, replayed as such a terminal draws it, keeps every line exactly as wide
//! as the screen (so every border is closed and nothing wraps).

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::marks::MarksDisplay;
use kansa::tui::App;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

/// The columns each row takes in a terminal that draws ambiguous characters wide.
fn replayed_widths(buf: &Buffer) -> Vec<usize> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let (mut x, mut columns) = (area.left(), 0);
            while x < area.right() {
                let cell = &buf[(x, y)];
                if cell.diff_option != CellDiffOption::Skip {
                    columns += cell.symbol().width_cjk().max(1);
                }
                x += cell.symbol().width().max(1) as u16;
            }
            columns
        })
        .collect()
}

fn assert_fits(app: &App, view: &str) {
    for (width, height) in [(80, 24), (160, 48)] {
        let buf = frame_buffer(app, width, height);
        for (row, columns) in replayed_widths(&buf).into_iter().enumerate() {
            assert_eq!(
                columns,
                usize::from(width),
                "{view} at {width}x{height}, row {row}:\n{}",
                screen_text(app, width, height)
            );
        }
    }
}

fn wide_app(dir: &std::path::Path, lang: Lang, id: &str) -> App {
    let mut context = context(dir, lang);
    context.marks = MarksDisplay::Wide;
    App::at_session(context, id, Some("保育")).unwrap()
}

#[test]
fn every_view_fits_a_terminal_that_draws_ambiguous_characters_wide() {
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let id = new_session(
            dir.path(),
            "wide",
            "令和6年度（上半期）情報セキュリティ内部監査",
        );
        let mut app = wide_app(dir.path(), lang, &id);
        type_marks(&mut app, "1233");
        key(&mut app, KeyCode::Enter);
        type_text(&mut app, "付箋に×印、○△の記号…ID・パスワード→至急改善");
        assert_fits(&app, "note being edited");
        key(&mut app, KeyCode::Esc);
        assert_fits(&app, "item");
        for (opener, view) in [('?', "help"), ('d', "departments"), ('g', "items")] {
            char_key(&mut app, opener);
            assert_fits(&app, view);
            key(&mut app, KeyCode::Esc);
        }
        char_key(&mut app, 'm');
        assert_fits(&app, "matrix");
        char_key(&mut app, '?');
        assert_fits(&app, "matrix help");
        key(&mut app, KeyCode::Esc);
        char_key(&mut app, 'q');

        let mut context = context(dir.path(), lang);
        context.marks = MarksDisplay::Wide;
        let mut list = App::at_list(context);
        assert_fits(&list, "session list");
        char_key(&mut list, 'n');
        assert_fits(&list, "new-session form");
    }
}

#[test]
#[ignore = "prints the wide item view for a person to look at"]
fn show_the_wide_item_view() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "wide", "令和6年度（上半期）");
    let mut app = wide_app(dir.path(), Lang::Ja, &id);
    type_marks(&mut app, "12");
    println!("{}", screen_text(&app, 80, 24));
}

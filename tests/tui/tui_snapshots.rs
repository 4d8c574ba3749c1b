//! Snapshots of every screen, in Japanese and English, at 80×24 and 160×48.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

/// Snapshots what `setup` leaves on screen, per language and size.
fn snapshot_each(name: &str, setup: impl Fn(&std::path::Path, Lang) -> App) {
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let app = setup(dir.path(), lang);
        for (width, height) in SIZES {
            let text = screen_text(&app, width, height);
            let mut settings = insta::Settings::clone_current();
            settings.add_filter(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD");
            // Times are shown in the computer's own time zone: not the same everywhere.
            settings.add_filter(r"(YYYY-MM-DD|日) \d{2}:\d{2}", "$1 HH:MM");
            settings.add_filter(r"pid \d+ on \S+", "pid N on HOST");
            // The data folder on the list's frame: a temporary folder, its own each run.
            settings.add_filter(r"(データの保存先|Data folder): [^┘]*", "$1: DATA");
            settings.bind(|| {
                insta::assert_snapshot!(
                    format!("{name}_{}_{width}x{height}", lang_name(lang)),
                    text
                );
            });
        }
    }
}

/// The seed's hearing at 保育課, three marks in, a Japanese note on I-3.
fn hearing(dir: &std::path::Path, lang: Lang) -> App {
    let id = new_session(
        dir,
        "hearing",
        "令和6年度（上半期）情報セキュリティ内部監査",
    );
    let mut app = App::at_session(context(dir, lang), &id, Some("保育課")).unwrap();
    type_marks(&mut app, "113");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "IDとパスワードを付箋でモニタに貼付。");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "至急改善を指示した。");
    key(&mut app, KeyCode::Esc);
    app
}

#[test]
fn session_list() {
    snapshot_each("list", |dir, lang| {
        new_session(
            dir,
            "20240927-090000",
            "令和6年度（上半期）情報セキュリティ内部監査",
        );
        new_session(
            dir,
            "20240301-090000",
            "令和5年度（下半期）情報セキュリティ内部監査",
        );
        App::at_list(context(dir, lang))
    });
}

#[test]
fn new_session_form() {
    snapshot_each("form", |dir, lang| {
        let mut app = App::at_list(context(dir, lang));
        char_key(&mut app, 'n');
        ctrl_u(&mut app);
        type_text(&mut app, "令和6年度上半期");
        app
    });
}

#[test]
fn hearing_with_a_japanese_note() {
    snapshot_each("hearing", hearing);
}

#[test]
fn note_being_typed() {
    snapshot_each("note", |dir, lang| {
        let mut app = hearing(dir, lang);
        key(&mut app, KeyCode::Left);
        key(&mut app, KeyCode::Enter);
        type_text(&mut app, "追記：");
        app
    });
}

#[test]
fn department_switcher() {
    snapshot_each("departments", |dir, lang| {
        let mut app = hearing(dir, lang);
        char_key(&mut app, 'd');
        app
    });
}

#[test]
fn help() {
    snapshot_each("help", |dir, lang| {
        let mut app = hearing(dir, lang);
        char_key(&mut app, '?');
        app
    });
}

#[test]
fn too_small_a_terminal_says_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let app = hearing(dir.path(), Lang::Ja);
    let text = screen_text(&app, 30, 8);
    assert!(text.contains("40×12"), "{text}");
}

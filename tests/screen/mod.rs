//! Shared by the screen tests: an app on a temporary data directory, keys, and the
//! screen as text.
#![allow(dead_code)]

use kansa::checklist::Checklist;
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Session};
use kansa::store::Store;
use kansa::tui::{App, Context, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The seed's marks for 保育課, in checklist order, as the bundled keys.
pub const HOIKU_KEYS: &str = "1133113111100111111113111111";

/// The seed's 保育 column as symbols, in checklist order.
pub fn hoiku_marks() -> Vec<&'static str> {
    HOIKU_KEYS
        .chars()
        .take(28)
        .map(|k| match k {
            '1' => "○",
            '2' => "△",
            '3' => "×",
            _ => "-",
        })
        .collect()
}

pub fn context(dir: &std::path::Path, lang: Lang) -> Context {
    Context {
        store: Store::open(dir).expect("data dir"),
        actor: "tester".into(),
        t: lang.strings(),
    }
}

/// Creates a session of the bundled checklist, fixed in time so screens are stable.
pub fn new_session(dir: &std::path::Path, id: &str, title: &str) -> String {
    let store = Store::open(dir).expect("data dir");
    let checklist = Checklist::bundled();
    let departments = checklist.departments.clone();
    let date = chrono::NaiveDate::from_ymd_opt(2024, 9, 27);
    let facts = AuditFacts {
        title: title.into(),
        date,
        auditors: vec!["監査 太郎".into()],
        lead: "デジタル都市推進課長".into(),
    };
    let created = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").expect("time");
    let session = Session::new(id.into(), checklist, departments, facts, created);
    store.create(&session).expect("create");
    id.to_string()
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn char_key(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

/// Types text as an input method commits it: one character event after another.
pub fn type_text(app: &mut App, text: &str) {
    text.chars().for_each(|c| char_key(app, c));
}

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    terminal
}

/// The screen as plain text, one line per row.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                // A wide character covers the next cell too.
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

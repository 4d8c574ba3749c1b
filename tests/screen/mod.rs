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
pub const HOIKU_KEYS: &str = SEED_KEYS[4];

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

/// The session as saved, read the way another process would.
pub fn on_disk(dir: &std::path::Path, id: &str) -> kansa::session::Session {
    Store::open(dir)
        .and_then(|s| s.load(id))
        .expect("session on disk")
}

/// The seed's 結果一覧 as the bundled keys, one string per department in roster
/// order, items in checklist order (1 ○, 2 △, 3 ×, 0 -).
pub const SEED_KEYS: [&str; 6] = [
    "1121111111111110000010000000",
    "1111111111111111111111000000",
    "1221111111111110000011111111",
    "1121111111111110000011111111",
    "1133113111100111111113111111",
    "1121111111100111111113111111",
];

/// The keys of `keys` (one per item, checklist order) that a hearing of department
/// `department` (roster index) takes: a mark key skips the items applicability set,
/// so their keys are not typed.
pub fn heard(department: usize, keys: &str) -> String {
    let checklist = Checklist::bundled();
    let roster = checklist.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").expect("time");
    let session = Session::new("k".into(), checklist, roster, AuditFacts::default(), now);
    let hearing = &session.hearings[department];
    session
        .checklist
        .items()
        .zip(keys.chars())
        .filter(|((_, item), _)| !hearing.by_applicability(&item.id))
        .map(|(_, key)| key)
        .collect()
}

/// Types mark keys as an auditor would who leaves notes for later: where the scale
/// asks for a note with a mark, its editor opens at once, and `Esc` leaves it empty
/// and goes on to the next heard item.
pub fn type_marks(app: &mut App, keys: &str) {
    for c in keys.chars() {
        char_key(app, c);
        if app.hearing().is_some_and(|h| h.is_editing()) {
            key(app, KeyCode::Esc);
        }
    }
}

/// Enters the whole seed round through the hearing screen, department by department.
pub fn enter_seed_round(app: &mut App) {
    for (d, keys) in SEED_KEYS.iter().enumerate() {
        char_key(app, 'd');
        key(app, KeyCode::Home);
        for _ in 0..d {
            key(app, KeyCode::Down);
        }
        key(app, KeyCode::Enter);
        type_marks(app, &heard(d, keys));
    }
}

pub fn context(dir: &std::path::Path, lang: Lang) -> Context {
    Context {
        store: Store::open(dir).expect("data dir"),
        data_dir: dir.to_path_buf(),
        actor: "tester".into(),
        actor_chosen: true,
        t: lang.strings(),
        marks: kansa::marks::MarksDisplay::Narrow,
        colors: true,
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
        ..AuditFacts::default()
    };
    let created = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").expect("time");
    let session = Session::new(id.into(), checklist, departments, facts, created);
    store.create(&session).expect("create");
    id.to_string()
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Ctrl-U: clears the text field in focus.
pub fn ctrl_u(app: &mut App) {
    app.handle(Input::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
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

/// The buffer as drawn, before the backend sees it: cells marked skip keep that mark.
pub fn frame_buffer(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| app.draw(frame))
        .expect("draw")
        .buffer
        .clone()
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

//! The smaller frictions of issue 27, each driven through the app as a user meets
//! it: line breaks on the facts screen, Ctrl-U and Ctrl-L in text fields, a y/n hint
//! on every question, the export dialog remembering, the matrix saying where columns
//! lie off-screen and laying out again when the terminal grows, and dates in 令和 and
//! local time on Japanese screens.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::seed;
use kansa::store::Store;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn ctrl(app: &mut App, c: char) {
    app.handle(Input::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// The seed round with its notes and findings on disk as `seed`.
fn seed_round(dir: &std::path::Path) {
    let session = seed::whole_round("seed").unwrap();
    Store::open(dir).unwrap().create(&session).unwrap();
}

fn open(dir: &std::path::Path, lang: Lang, department: &str) -> App {
    App::at_session(context(dir, lang), "seed", Some(department)).unwrap()
}

#[test]
fn the_facts_screen_shows_line_breaks_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    seed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'i');
    let text = screen_text(&app, 100, 40);
    assert!(!text.contains("\\n"), "{text}");
    let line = |start: &str| text.lines().find(|l| l.trim_start().starts_with(start));
    assert!(
        line("(2) その他各課等で使用しているシステム").is_some(),
        "{text}"
    );
    assert!(
        line("監査範囲: (1) 地域イントラネット系システム").is_some(),
        "{text}"
    );
}

#[test]
fn ctrl_u_clears_the_line_ctrl_l_the_note_and_ctrl_z_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "notes", "監査");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Ctrl-U  行消去") && text.contains("Ctrl-L  全消去"),
        "the editor's footer names both:\n{text}"
    );
    type_text(&mut app, "付箋を確認");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "書き間違えた行");
    ctrl(&mut app, 'u');
    type_text(&mut app, "指導した");
    key(&mut app, KeyCode::Esc);
    let note = |dir: &std::path::Path| {
        on_disk(dir, &id)
            .answer("保育", "I-1")
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(dir.path()), "付箋を確認\n指導した");
    // Ctrl-L empties the note; Ctrl-Z takes that back.
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'l');
    assert!(!screen_text(&app, 80, 24).contains("付箋を確認"));
    ctrl(&mut app, 'z');
    key(&mut app, KeyCode::Esc);
    assert_eq!(note(dir.path()), "付箋を確認\n指導した");
    // Rewording a proposed 指摘事項: one key, not a Backspace per character.
    drop(app);
    let dir = tempfile::tempdir().unwrap();
    let mut session = seed::session("seed");
    seed::enter_marks(&mut session).unwrap();
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'o');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'l');
    type_text(&mut app, "デスクトップへのID・パスワードの貼付");
    key(&mut app, KeyCode::Esc);
    let saved = on_disk(dir.path(), "seed");
    let findings = &saved.sheet("保育", "I").unwrap().findings;
    assert_eq!(findings[0].text, "デスクトップへのID・パスワードの貼付");
}

#[test]
fn ctrl_u_clears_one_line_fields_the_export_path_and_a_pickers_filter() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "fields", "監査");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    // The department picker's filter.
    char_key(&mut app, 'd');
    type_text(&mut app, "保育");
    assert!(!screen_text(&app, 80, 24).contains("秘書広聴課"));
    ctrl(&mut app, 'u');
    assert!(screen_text(&app, 80, 24).contains("秘書広聴課"));
    key(&mut app, KeyCode::Esc);
    // The export dialog's path.
    char_key(&mut app, 'e');
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    assert!(!screen_text(&app, 80, 24).contains("_結果一覧.xlsx"));
    let file = out.path().join("m.csv");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert!(file.exists(), "{}", screen_text(&app, 100, 30));
    // The session list's rename and the new-session form.
    drop(app);
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'e');
    ctrl(&mut app, 'l');
    type_text(&mut app, "新しい監査名");
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(dir.path(), &id).facts.title, "新しい監査名");
}

#[test]
fn every_question_says_which_key_answers_yes_and_which_no() {
    let dir = tempfile::tempdir().unwrap();
    seed_round(dir.path());
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("exists.md");
    std::fs::write(&file, "kept").unwrap();
    for lang in [Lang::Ja, Lang::En] {
        let mut app = open(dir.path(), lang, "保育課");
        // Writing over a file.
        char_key(&mut app, 'e');
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        ctrl(&mut app, 'l');
        type_text(&mut app, file.to_str().unwrap());
        key(&mut app, KeyCode::Enter);
        let text = screen_text(&app, 120, 30);
        let (yes, no) = match lang {
            Lang::Ja => ("y: 上書きする", "n: やめる"),
            Lang::En => ("y: write over", "n: cancel"),
        };
        assert!(text.contains(yes) && text.contains(no), "{text}");
        char_key(&mut app, 'n');
        key(&mut app, KeyCode::Esc);
        // Undoing another department's change (該当なし asks for no note).
        char_key(&mut app, '0');
        char_key(&mut app, 'd');
        key(&mut app, KeyCode::Home);
        key(&mut app, KeyCode::Enter);
        char_key(&mut app, 'u');
        let text = screen_text(&app, 120, 30);
        let (yes, no) = match lang {
            Lang::Ja => ("y: はい", "n: いいえ"),
            Lang::En => ("y: yes", "n: no"),
        };
        assert!(text.contains(yes) && text.contains(no), "{text}");
        char_key(&mut app, 'n');
        drop(app);
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
}

#[test]
fn the_export_dialog_offers_the_report_and_format_last_written_in_the_next_sitting_too() {
    let dir = tempfile::tempdir().unwrap();
    seed_round(dir.path());
    let out = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'e');
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right); // 実施報告書
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left); // md
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    let file = out.path().join("summary.md");
    type_text(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert!(file.exists());
    char_key(&mut app, 'e');
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("◀ 実施報告書 ▶") && text.contains("◀ md ▶"),
        "{text}"
    );
    assert!(text.contains("_実施報告書.md"), "{text}");
    key(&mut app, KeyCode::Esc);
    drop(app);
    // Another sitting, the same choice.
    let mut app = open(dir.path(), Lang::Ja, "秘書広聴課");
    char_key(&mut app, 'm');
    char_key(&mut app, 'e');
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("◀ 実施報告書 ▶") && text.contains("◀ md ▶"),
        "{text}"
    );
}

/// The header row of the matrix (the line under its title).
fn header(app: &App, width: u16, height: u16) -> String {
    let text = screen_text(app, width, height);
    text.lines()
        .find(|l| l.starts_with("監査項目"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_matrix_says_where_columns_lie_off_screen_and_shows_them_when_it_grows() {
    let dir = tempfile::tempdir().unwrap();
    seed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "障がい福祉課");
    app.resize(80, 24);
    char_key(&mut app, 'm');
    app.resize(80, 24);
    let narrow = header(&app, 80, 24);
    assert!(!narrow.contains("秘書"), "{narrow}");
    assert!(narrow.contains("<防災"), "columns to the left: {narrow}");
    // The terminal grows: every department is back, with no sign.
    app.resize(160, 48);
    let wide = header(&app, 160, 48);
    assert!(wide.contains("秘書"), "{wide}");
    assert!(!wide.contains('<') && !wide.contains('>'), "{wide}");
    // Back to 80 at the first department: the columns lie to the right.
    app.resize(80, 24);
    key(&mut app, KeyCode::Home);
    let first = header(&app, 80, 24);
    assert!(first.contains("秘書"), "{first}");
    assert!(
        first.trim_end().ends_with('>'),
        "columns to the right: {first}"
    );
    char_key(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    assert!(
        help.contains("見出しの < > はその先にも列があること"),
        "{help}"
    );
}

#[test]
fn japanese_screens_write_dates_in_the_era_calendar_and_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = seed::whole_round("seed").unwrap();
    let at = session.last_change() + chrono::Duration::seconds(1);
    let change = session.sign(seed::LEAD, at).unwrap();
    seed::record(&mut session, change).unwrap();
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let local = at.with_timezone(&chrono::Local);
    let era = kansa::wareki::format(local.date_naive());
    let minute = format!("{era} {}", local.format("%H:%M"));
    let app = App::at_list(context(dir.path(), Lang::Ja));
    let text = screen_text(&app, 160, 24);
    assert!(text.contains("令和6年9月27日"), "{text}");
    assert!(!text.contains("2024-09-27"), "{text}");
    let last = session.last_change().with_timezone(&chrono::Local);
    let last = format!(
        "{} {}",
        kansa::wareki::format(last.date_naive()),
        last.format("%H:%M")
    );
    assert!(text.contains(&last), "{last}:\n{text}");
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'r');
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains(&format!("署名済　{}　{minute}", seed::LEAD)),
        "{minute}:\n{text}"
    );
    assert!(
        !text.contains("+09:00") && !text.contains("2024-09-27"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, 'H');
    char_key(&mut app, 'H');
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("令和6年9月27日 "), "{text}");
    assert!(!text.contains("2024-09-27"), "{text}");
}

//! The export dialog: `e` in the matrix or the hearing, a report and a format chosen,
//! the default name or a typed path, a question before writing over a file, and the
//! path written on the message line.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

fn seed_app(dir: &std::path::Path) -> App {
    let id = new_session(dir, "seed", "令和6年度（上半期）情報セキュリティ内部監査");
    let mut app = App::at_session(context(dir, Lang::Ja), &id, None).unwrap();
    enter_seed_round(&mut app);
    app
}

/// From the report field, moves to the path field and replaces its text with `path`.
fn type_path(app: &mut App, path: &std::path::Path) {
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    for _ in 0..200 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, path.to_str().unwrap());
}

#[test]
fn e_opens_the_dialog_with_a_default_name_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seed_app(dir.path());
    char_key(&mut app, 'm');
    char_key(&mut app, 'e');
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("報告書の出力"), "{text}");
    assert!(
        text.contains("◀ 結果一覧 ▶") && text.contains("◀ xlsx ▶"),
        "{text}"
    );
    assert!(
        text.contains("令和6年度上半期情報セキュリティ内部監査_結果一覧.xlsx"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!screen_text(&app, 100, 30).contains("報告書の出力"));
}

#[test]
fn the_dialog_writes_the_report_chosen_and_asks_before_writing_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("保育課ほか.docx");
    let mut app = seed_app(dir.path());
    char_key(&mut app, 'e');
    key(&mut app, KeyCode::Right); // 結果報告書
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // docx
    key(&mut app, KeyCode::BackTab);
    type_path(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 120, 30);
    assert!(text.contains("に書き出しました"), "{text}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Again: the dialog offers the report and format just written; it asks before
    // writing over, and `n` writes nothing.
    std::fs::write(&file, b"kept").unwrap();
    char_key(&mut app, 'e');
    let text = screen_text(&app, 120, 30);
    assert!(
        text.contains("◀ 結果報告書 ▶") && text.contains("◀ docx ▶"),
        "{text}"
    );
    type_path(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 120, 30);
    assert!(text.contains("は既にあります。上書きしますか？"), "{text}");
    char_key(&mut app, 'n');
    assert_eq!(std::fs::read(&file).unwrap(), b"kept");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, 'y');
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
}

#[test]
fn a_combination_no_format_holds_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("matrix.docx");
    let mut app = seed_app(dir.path());
    char_key(&mut app, 'm');
    char_key(&mut app, 'e');
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // docx, with the matrix
    key(&mut app, KeyCode::BackTab);
    type_path(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 120, 30);
    assert!(
        text.contains("結果一覧は docx 形式では出力できません"),
        "{text}"
    );
    assert!(!file.exists());
}

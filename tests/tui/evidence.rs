//! Evidence on the screens: a file attached from the hearing by typing its path and
//! by pasting it as Explorer copies it (in quotes, with Windows separators); the count
//! on the cell, in the hearing, the matrix and the sheet; the list of the cell's
//! files; a bad path said on the message line with the round unchanged; on the sheet,
//! a file attached to the area chosen.

use std::path::Path;

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::session::EvidenceTarget;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::KeyCode;

const TITLE: &str = "令和6年度（上半期）情報セキュリティ内部監査";

fn snapshot(name: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    // The time a file was attached, and its hash's first digits (a time is in it).
    settings.add_filter(r"令和\d+年\d+月\d+日(（.）)?\s*\d\d:\d\d", "[attached at]");
    settings.add_filter(r"  [0-9a-f]{12}", "  [hash]");
    settings.add_filter(r"\d{4}-\d{2}-\d{2} \d\d:\d\d", "[attached at]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn files(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let shot = dir.join("デスクトップ.png");
    std::fs::write(&shot, b"\x89PNG screenshot").unwrap();
    let folder = dir.join("受領");
    std::fs::create_dir_all(&folder).unwrap();
    let log = folder.join("操作ログ.txt");
    std::fs::write(&log, b"2024-09-27 10:02 login").unwrap();
    (shot, log)
}

#[test]
fn a_file_is_attached_by_typing_and_by_pasting_an_explorer_path_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let (shot, log) = files(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    // Typed.
    char_key(&mut app, 'A');
    let prompt = screen_text(&app, 80, 24);
    assert!(prompt.contains("証跡として添付するファイル"), "{prompt}");
    type_text(&mut app, &shot.display().to_string());
    key(&mut app, KeyCode::Enter);
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("デスクトップ.png を I-1 に添付しました"),
        "{screen}"
    );
    assert!(screen.contains("証跡: 1 件（V で一覧）"), "{screen}");
    // Pasted as Explorer's "Copy as path" gives it: quoted, with backslashes.
    char_key(&mut app, 'A');
    let windows = format!("\"{}\"", log.display().to_string().replace('/', "\\"));
    app.handle(Input::Paste(windows));
    key(&mut app, KeyCode::Enter);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("証跡: 2 件（V で一覧）"), "{screen}");
    snapshot("hearing_with_evidence_ja_80x24", screen);
    let saved = on_disk(dir.path(), &id);
    assert_eq!(saved.evidence_count("保育", "I-1"), 2);

    // The list of the cell's files.
    char_key(&mut app, 'V');
    let list = screen_text(&app, 80, 24);
    assert!(
        list.contains("証跡（Enter で開く、Esc で閉じる）"),
        "{list}"
    );
    assert!(
        list.contains("デスクトップ.png") && list.contains("操作ログ.txt"),
        "{list}"
    );
    snapshot("evidence_list_ja_80x24", list);
    // Enter hands the file to the viewer (here a program that does nothing).
    // SAFETY of the test: set before the thread that reads it starts.
    unsafe { std::env::set_var("KANSA_VIEWER", "true") };
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app, 80, 24).contains("デスクトップ.png を既定のアプリで開きます"));

    // The matrix shows the cell's count under it.
    char_key(&mut app, 'm');
    let matrix = screen_text(&app, 80, 24);
    assert!(matrix.contains("証跡: 2 件"), "{matrix}");

    // A path that names nothing: said, and nothing changes.
    char_key(&mut app, 'm');
    char_key(&mut app, 'A');
    type_text(&mut app, "/nowhere/画面.png");
    key(&mut app, KeyCode::Enter);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("ファイルがありません"), "{screen}");
    assert_eq!(on_disk(dir.path(), &id).evidence().count(), 2);
}

#[test]
fn on_the_sheet_a_file_is_attached_to_the_area_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "seed", TITLE);
    let (shot, _) = files(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::En), &id, Some("保育課")).unwrap();
    char_key(&mut app, 'o');
    char_key(&mut app, 'A');
    app.handle(Input::Paste(format!("'{}'", shot.display())));
    key(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path(), &id);
    let attached: Vec<_> = saved.evidence().collect();
    assert_eq!(attached.len(), 1);
    assert_eq!(
        attached[0].attachment.target,
        EvidenceTarget::Area("I".into())
    );
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Evidence: 1 file (V lists it)"), "{screen}");
}

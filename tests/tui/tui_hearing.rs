//! The hearing driven by keys on a test backend: what is on disk after every key,
//! undo, save failures, and a second instance that can only read.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::store::Store;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::KeyCode;

/// The answers of one department as (item, mark, note), from a session.
fn answers(
    session: &kansa::session::Session,
    department: &str,
) -> Vec<(String, Option<String>, String)> {
    let hearing = session.hearing(department).expect("department");
    session
        .checklist
        .items()
        .map(|(_, item)| {
            let answer = hearing.answers.get(&item.id).cloned().unwrap_or_default();
            (item.id.clone(), answer.mark, answer.note)
        })
        .collect()
}

#[test]
fn a_whole_department_is_on_disk_after_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "hoiku", "令和6年度上半期");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    for (n, key) in heard(4, HOIKU_KEYS).chars().enumerate() {
        if n == 3 {
            key_press_note(&mut app, "付箋にID・パスワード。\n至急改善を指示");
        }
        type_marks(&mut app, &key.to_string());
        let shown = app.hearing().unwrap().session();
        let saved = on_disk(dir.path(), &id);
        assert_eq!(
            answers(&saved, "保育"),
            answers(shown, "保育"),
            "after key {n}"
        );
        assert_eq!(
            saved.cursor, shown.cursor,
            "the resume position after key {n}"
        );
    }
    let saved = on_disk(dir.path(), &id);
    let marks: Vec<String> = answers(&saved, "保育")
        .into_iter()
        .map(|(_, m, _)| m.unwrap_or_default())
        .collect();
    assert_eq!(marks, hoiku_marks());
    assert_eq!(
        saved.answer("保育", "I-3").unwrap().note,
        "付箋にID・パスワード。\n至急改善を指示"
    );
    assert_eq!(
        saved.cursor.item, "IV-6",
        "the last key leaves the hearing on the last item"
    );
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("28/28"),
        "the department shows complete:\n{text}"
    );
}

fn key_press_note(app: &mut App, text: &str) {
    key(app, KeyCode::Enter);
    for line in text.split('\n').enumerate() {
        if line.0 > 0 {
            key(app, KeyCode::Enter);
        }
        type_text(app, line.1);
    }
    key(app, KeyCode::Esc);
}

#[test]
fn a_new_session_opens_at_the_first_item_of_the_first_department_and_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "resume", "再開");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    assert_eq!(
        app.hearing().unwrap().position(),
        ("秘書".to_string(), "I-1".to_string())
    );
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    type_marks(&mut app, "12");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    drop(app);
    let app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    assert_eq!(
        app.hearing().unwrap().position(),
        ("防災".to_string(), "I-3".to_string())
    );
}

#[test]
fn undo_takes_back_the_last_changes_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "undo", "取消");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    type_marks(&mut app, "13");
    char_key(&mut app, 'u');
    let saved = on_disk(dir.path(), &id);
    assert_eq!(
        saved.answer("保育", "I-2(1)").and_then(|a| a.mark.clone()),
        None
    );
    assert_eq!(
        app.hearing().unwrap().position().1,
        "I-2(1)",
        "undo shows the item it changed"
    );
    char_key(&mut app, 'u');
    assert_eq!(
        on_disk(dir.path(), &id)
            .answer("保育", "I-1")
            .and_then(|a| a.mark.clone()),
        None
    );
    char_key(&mut app, 'u');
    assert!(screen_text(&app, 80, 24).contains("取り消す変更はありません"));
    assert_eq!(on_disk(dir.path(), &id).answered_count(), 32);
}

#[test]
fn a_failed_save_keeps_the_answers_says_so_and_lands_them_when_the_disk_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "full", "保存失敗");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, '1');
    let writer = app.hearing_mut().unwrap().doc_mut().writer_mut().unwrap();
    writer.simulate_failing_disk(true);
    type_marks(&mut app, "133");
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("保存できません"),
        "a banner says the save failed:\n{text}"
    );
    assert_eq!(
        on_disk(dir.path(), &id).answered_count(),
        33,
        "only the first mark reached the disk"
    );
    let shown = app.hearing().unwrap().session();
    assert_eq!(shown.answered_count(), 36, "the screen keeps all four");

    app.handle(Input::Tick);
    assert!(
        screen_text(&app, 80, 24).contains("保存できません"),
        "still failing, still said"
    );
    let writer = app.hearing_mut().unwrap().doc_mut().writer_mut().unwrap();
    writer.simulate_failing_disk(false);
    app.handle(Input::Tick);
    let text = screen_text(&app, 80, 24);
    assert!(
        !text.contains("保存できません"),
        "the banner is gone:\n{text}"
    );
    assert!(text.contains("保存しました"));
    let saved = on_disk(dir.path(), &id);
    let marks: Vec<_> = ["I-1", "I-2(1)", "I-2(2)", "I-3"]
        .iter()
        .map(|item| {
            saved
                .answer("保育", item)
                .and_then(|a| a.mark.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(marks, ["○", "○", "×", "×"]);
}

#[test]
fn a_second_instance_reads_only_and_names_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "shared", "共有");
    let mut writer = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    let mut reader = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    let text = screen_text(&reader, 80, 24);
    assert!(text.contains("読み取り専用"), "{text}");
    assert!(
        text.contains(&format!("pid {}", std::process::id())),
        "the holder is named:\n{text}"
    );
    char_key(&mut reader, '3');
    assert_eq!(
        on_disk(dir.path(), &id).answered_count(),
        32,
        "the reader changed nothing"
    );
    char_key(&mut writer, '3');
    reader.handle(Input::Tick);
    let seen = reader
        .hearing()
        .unwrap()
        .session()
        .answer("保育", "I-1")
        .and_then(|a| a.mark.clone());
    assert_eq!(seen.as_deref(), Some("×"), "the reader follows the writer");

    drop(writer);
    reader.handle(Input::Tick);
    assert!(screen_text(&reader, 80, 24).contains("編集できるようになりました"));
    char_key(&mut reader, '1');
    let saved = on_disk(dir.path(), &id);
    assert_eq!(
        saved.answer("保育", "I-1").and_then(|a| a.mark.as_deref()),
        Some("○"),
        "once the writer left, the reader writes"
    );
}

#[test]
fn opening_an_unknown_department_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "unknown", "不明");
    let error = App::at_session(context(dir.path(), Lang::Ja), &id, Some("総務課"))
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("総務課"), "{error}");
}

#[test]
fn the_terminal_cursor_sits_where_japanese_is_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "ime", "IME");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "監査");
    let mut terminal = draw(&app, 80, 24);
    let cursor = terminal.get_cursor_position().unwrap();
    let text = screen_text(&app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("│監査"))
        .expect("the note row");
    assert_eq!(
        (cursor.x, cursor.y as usize),
        (1 + 4, row),
        "two wide characters after the border:\n{text}"
    );
    app.handle(Input::Paste("（貼付）".into()));
    key(&mut app, KeyCode::Esc);
    let saved = on_disk(dir.path(), &id);
    assert_eq!(saved.answer("保育", "I-1").unwrap().note, "監査（貼付）");
}

#[test]
fn the_form_creates_a_session_and_opens_its_hearing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    ctrl_u(&mut app);
    type_text(&mut app, "令和7年度上半期");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "監査 太郎、監査 花子");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "総務課");
    key(&mut app, KeyCode::Enter);
    // Past the added department's short name and 備考, to 作成.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    let session = app
        .hearing()
        .expect("the hearing of the new session")
        .session();
    assert_eq!(session.facts.title, "令和7年度上半期");
    assert_eq!(session.facts.auditors, ["監査 太郎", "監査 花子"]);
    let shorts: Vec<&str> = session
        .hearings
        .iter()
        .map(|h| h.department.short.as_str())
        .collect();
    assert_eq!(
        shorts,
        ["防災", "管財", "福祉総務", "保育", "障がい", "総務課"],
        "秘書 unchosen, 総務課 added"
    );
    assert!(
        session.hearing("総務課").unwrap().answers.is_empty(),
        "every item applies to a department added in the form"
    );
    assert_eq!(
        app.hearing().unwrap().position(),
        ("防災".to_string(), "I-1".to_string())
    );
    let listed = Store::open(dir.path()).unwrap().list().unwrap().0;
    assert_eq!(listed.len(), 1);
}

#[test]
fn a_session_with_nothing_to_hear_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let checklist = kansa::checklist::Checklist::bundled();
    let now = chrono::Local::now().fixed_offset();
    let empty = kansa::session::Session::new(
        "empty".into(),
        checklist,
        Vec::new(),
        Default::default(),
        now,
    );
    store.create(&empty).unwrap();
    let error = App::at_session(context(dir.path(), Lang::Ja), "empty", None)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("no departments"), "{error}");
}

#[test]
fn ctrl_c_leaves_from_a_note_being_typed_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "ctrlc", "中断");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "途中まで書いたメモ");
    app.handle(Input::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    )));
    assert!(app.quit);
    let saved = on_disk(dir.path(), &id);
    assert_eq!(
        saved.answer("保育", "I-1").unwrap().note,
        "途中まで書いたメモ"
    );
}

#[test]
fn someone_who_has_not_named_themself_is_asked_once_and_the_history_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "who", "誰");
    let mut unnamed = context(dir.path(), Lang::Ja);
    unnamed.actor_chosen = false;
    unnamed.actor = "root".into();
    let mut app = App::at_session(unnamed, &id, Some("保育")).unwrap();
    let asked = screen_text(&app, 80, 24);
    assert!(asked.contains("監査 太郎"), "the round's people:\n{asked}");
    assert!(asked.contains("デジタル都市推進課長"), "{asked}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    type_text(&mut app, "監査 花子");
    key(&mut app, KeyCode::Enter);
    type_marks(&mut app, "3");
    let saved = on_disk(dir.path(), &id);
    let last = saved.history.last().expect("a change");
    assert_eq!(last.by, "監査 花子");
    let settings = kansa::settings::Settings::load(dir.path()).unwrap();
    assert_eq!(settings.auditor.as_deref(), Some("監査 花子"));
}

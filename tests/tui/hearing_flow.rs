//! The hearing as auditors live it (issue 8): what is not heard is skipped, undo stays
//! in the department, pickers filter, keys that do nothing say so, pasted notes keep
//! their lines, ASCII mode is ASCII.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::marks::MarksDisplay;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::KeyCode;

fn at(app: &App) -> (String, String) {
    app.hearing().unwrap().position()
}

#[test]
fn a_mark_key_skips_the_items_applicability_set_and_arrows_still_visit_them() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "skip", "飛ばす");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("秘書")).unwrap();
    // 秘書: I-1 … II-4 are heard, then III-1 … III-5 are 該当なし by applicability.
    type_text(&mut app, &"1".repeat(14));
    assert_eq!(at(&app).1, "II-4");
    char_key(&mut app, '1');
    assert_eq!(at(&app).1, "III-6", "III-1 … III-5 are skipped");
    key(&mut app, KeyCode::Left);
    assert_eq!(at(&app).1, "III-5", "← still visits them");
    key(&mut app, KeyCode::Right);
    char_key(&mut app, '1');
    let screen = screen_text(&app, 80, 24);
    assert_eq!(at(&app).1, "III-6", "nothing heard after III-6 for 秘書");
    assert!(screen.contains("ヒアリングする項目はここまで"), "{screen}");
    char_key(&mut app, 'g');
    let picker = draw(&app, 160, 48);
    let buffer = picker.backend().buffer();
    let row = (0..48)
        .find(|&y| {
            (0..160)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("III-1 ")
        })
        .expect("III-1 in the item picker");
    let dimmed = (0..160).any(|x| {
        buffer[(x, row)]
            .modifier
            .contains(ratatui::style::Modifier::DIM)
    });
    assert!(dimmed, "III-1 is dimmed in the item picker");
}

#[test]
fn undo_stays_in_the_department_asks_before_another_and_redo_does_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "undo", "取消");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    type_marks(&mut app, "3");
    char_key(&mut app, 'd');
    type_text(&mut app, "障がい");
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app, 80, 24).contains("障がい福祉課に切り替えました"));
    char_key(&mut app, 'u');
    let asked = screen_text(&app, 80, 24);
    assert!(asked.contains("保育課 の変更"), "{asked}");
    char_key(&mut app, 'n');
    assert_eq!(
        on_disk(dir.path(), &id).answer("保育", "I-1").unwrap().mark,
        Some("×".into()),
        "n keeps 保育's mark"
    );
    assert_eq!(at(&app).0, "障がい");
    char_key(&mut app, 'u');
    char_key(&mut app, 'y');
    assert_eq!(
        on_disk(dir.path(), &id).answer("保育", "I-1").unwrap().mark,
        None
    );
    assert_eq!(at(&app), ("保育".into(), "I-1".into()), "undo goes there");
    char_key(&mut app, 'U');
    assert_eq!(
        on_disk(dir.path(), &id).answer("保育", "I-1").unwrap().mark,
        Some("×".into()),
        "U redoes"
    );
}

#[test]
fn undoing_an_override_of_a_not_applicable_cell_restores_it_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "restore", "復元");
    let before = on_disk(dir.path(), &id).answer("秘書", "III-1").cloned();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("秘書")).unwrap();
    char_key(&mut app, 'g');
    type_text(&mut app, "III-1");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '1');
    // The cell cannot apply: the mark asks first (issue 22, point 8).
    char_key(&mut app, 'y');
    assert!(
        !on_disk(dir.path(), &id)
            .hearing("秘書")
            .unwrap()
            .by_applicability("III-1")
    );
    char_key(&mut app, 'u');
    assert_eq!(
        on_disk(dir.path(), &id).answer("秘書", "III-1").cloned(),
        before
    );
    assert!(screen_text(&app, 80, 24).contains("適用条件により設定"));
}

#[test]
fn keys_that_do_nothing_say_so_and_the_read_only_copy_shows_only_what_it_can_do() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "keys", "キー");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'x');
    assert!(screen_text(&app, 80, 24).contains("「x」はこの画面では使えません（? でキーの一覧）"));
    char_key(&mut app, '5');
    assert!(screen_text(&app, 80, 24).contains("「5」はこの画面では使えません"));

    let mut reader = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    let footer = screen_text(&reader, 80, 24);
    assert!(footer.contains("読み取り専用"), "{footer}");
    assert!(!footer.contains("評価して次へ"), "{footer}");
    assert!(!footer.contains("Enter  メモ"), "{footer}");
    char_key(&mut reader, '1');
    assert!(screen_text(&reader, 80, 24).contains("読み取り専用のため記録できません"));
    assert_eq!(on_disk(dir.path(), &id).answered_count(), 32);
}

#[test]
fn help_is_on_the_list_and_q_from_a_session_opened_there_says_back() {
    let dir = tempfile::tempdir().unwrap();
    new_session(dir.path(), "list", "一覧");
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, '?');
    let help = screen_text(&app, 80, 24);
    assert!(
        help.contains("ヘルプ") && help.contains("新しいセッションを作成"),
        "{help}"
    );
    char_key(&mut app, '?');
    key(&mut app, KeyCode::Enter);
    let item = screen_text(&app, 80, 24);
    assert!(item.contains("q  戻る"), "{item}");
    char_key(&mut app, 'q');
    assert!(!app.quit, "q returned to the list");
}

#[test]
fn a_pasted_note_keeps_its_lines_and_a_long_note_says_what_is_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "paste", "貼付");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    key(&mut app, KeyCode::Enter);
    let lines: Vec<String> = (1..=12).map(|n| format!("{n}行目の記録")).collect();
    app.handle(Input::Paste(lines.join("\r")));
    key(&mut app, KeyCode::Esc);
    let note = on_disk(dir.path(), &id)
        .answer("保育", "I-1")
        .unwrap()
        .note
        .clone();
    assert_eq!(note, lines.join("\n"));
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("行)"),
        "the box says lines are hidden:\n{screen}"
    );
}

#[test]
fn ascii_mode_draws_unanswered_cells_as_dots() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "ascii", "ASCII");
    let mut context = context(dir.path(), Lang::En);
    context.marks = MarksDisplay::Ascii;
    let mut app = App::at_session(context, &id, None).unwrap();
    char_key(&mut app, 'm');
    let screen = screen_text(&app, 160, 48);
    let body: String = screen.lines().skip(2).take(30).collect();
    assert!(body.contains(" . "), "{screen}");
    assert!(!screen.contains('·'), "{screen}");
}

#[test]
fn the_form_prefills_the_title_points_at_the_fault_and_asks_before_discarding() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    let form = screen_text(&app, 80, 24);
    assert!(
        form.contains("監査名                  令和6年度（上半期）情報セキュリティ内部監査"),
        "{form}"
    );
    assert!(
        form.contains("（同梱）"),
        "nothing cut at 80 columns:\n{form}"
    );
    ctrl_u(&mut app);
    for _ in 0..8 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("監査名を入力してください"), "{screen}");
    type_text(&mut app, "下半期");
    assert!(
        screen_text(&app, 80, 24).contains("監査名                  下半期"),
        "focus went to the title"
    );
    key(&mut app, KeyCode::Esc);
    assert!(screen_text(&app, 80, 24).contains("破棄して一覧へ戻りますか"));
    char_key(&mut app, 'n');
    assert!(
        screen_text(&app, 80, 24).contains("下半期"),
        "n keeps the form"
    );
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, 'y');
    assert!(
        screen_text(&app, 80, 24).contains("監査セッション"),
        "y leaves"
    );
}

#[test]
fn a_department_added_in_the_form_keeps_its_short_name_and_remark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "総務課");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "総務");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "文書管理");
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    let session = app.hearing().expect("the new session").session();
    let added = session.hearing("総務").expect("総務 by its short name");
    assert_eq!(added.department.name, "総務課");
    assert_eq!(added.department.remark, "文書管理");
}

#[test]
fn the_list_tells_rounds_apart_renames_and_moves_to_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let first = new_session(dir.path(), "20240927-090000", "上半期");
    new_session(dir.path(), "20240301-090000", "上半期");
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    let list = screen_text(&app, 80, 24);
    assert!(
        list.contains("20240927-090000") && list.contains("20240301-090000"),
        "{list}"
    );
    assert!(list.contains("監査実施日"), "{list}");
    char_key(&mut app, 'e');
    ctrl_u(&mut app);
    type_text(&mut app, "令和6年度上半期（再）");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        on_disk(dir.path(), &first).facts.title,
        "令和6年度上半期（再）"
    );
    let renamed = screen_text(&app, 80, 24);
    assert!(renamed.contains("令和6年度上半期（再"), "{renamed}");
    char_key(&mut app, 'D');
    assert!(screen_text(&app, 80, 24).contains("ごみ箱へ移動しますか"));
    char_key(&mut app, 'y');
    assert!(
        !dir.path()
            .join("sessions")
            .join(format!("{first}.ron"))
            .exists()
    );
    assert!(
        dir.path()
            .join("trash")
            .join(format!("{first}.ron"))
            .exists()
    );
    assert!(!screen_text(&app, 80, 24).contains(&first));
    kansa::store::Store::open(dir.path())
        .unwrap()
        .restore(&first)
        .unwrap();
    assert_eq!(
        on_disk(dir.path(), &first).facts.title,
        "令和6年度上半期（再）"
    );
}

#[test]
fn a_round_with_every_cell_answered_reads_answered_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "done", "完了");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    enter_seed_round(&mut app);
    char_key(&mut app, 'q');
    let app = App::at_list(context(dir.path(), Lang::Ja));
    assert!(screen_text(&app, 80, 24).contains("回答済"));
}

#[test]
fn the_form_starts_a_round_from_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = new_session(dir.path(), "20240927-090000", "上半期");
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    key(&mut app, KeyCode::BackTab);
    type_text(&mut app, &earlier);
    key(&mut app, KeyCode::Tab);
    ctrl_u(&mut app);
    type_text(&mut app, "下半期");
    for _ in 0..9 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    let session = app.hearing().expect("the new round").session();
    assert_eq!(session.facts.title, "下半期");
    assert!(
        session.previous.is_some(),
        "the earlier round is kept as previous"
    );
    assert_ne!(session.id, earlier);
}

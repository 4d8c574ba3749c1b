//! Screens of a round started from the last: the item view with last round's answer,
//! the matrix compared with last round, and the follow-up list; Japanese and English.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::seed;
use kansa::session::{Cursor, Session};
use kansa::store::Store;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

/// A 下半期 started from the signed seed round, heard with the seed's marks but 保育課
/// I-3 fixed (○), saved at 保育 I-3.
fn second_half(dir: &std::path::Path) -> String {
    second_half_of(dir, None)
}

fn second_half_of(dir: &std::path::Path, checklist: Option<kansa::checklist::Checklist>) -> String {
    let mut earlier = seed::whole_round("seed").expect("seed round");
    let change = earlier.sign(seed::LEAD, seed::epoch()).expect("signs");
    seed::record(&mut earlier, change).expect("recorded");
    let title = "令和6年度（下半期）情報セキュリティ内部監査";
    let mut next = Session::next_round(&earlier, "next".into(), title, checklist, seed::epoch());
    seed::enter_marks(&mut next).expect("marks");
    let fixed = next.set_mark("保育", "I-3", Some("○")).expect("mark");
    seed::record(&mut next, fixed).expect("recorded");
    next.cursor = Cursor {
        department: "保育".into(),
        item: "I-3".into(),
    };
    Store::open(dir)
        .and_then(|s| s.create(&next))
        .expect("saved");
    next.id
}

fn snapshot(name: &str, lang: Lang, size: (u16, u16), keys: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = second_half(dir.path());
    let mut app = App::at_session(context(dir.path(), lang), &id, None).expect("opens");
    type_text(&mut app, keys);
    let text = screen_text(&app, size.0, size.1);
    let lang_name = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    insta::assert_snapshot!(format!("{name}_{lang_name}"), text);
    text
}

#[test]
fn the_item_view_shows_last_rounds_answer() {
    let ja = snapshot("item_previous", Lang::Ja, (100, 30), "");
    assert!(
        ja.contains("前回  × 改善を要する  IDPWをデスクトップ"),
        "{ja}"
    );
    let en = snapshot("item_previous", Lang::En, (100, 30), "");
    assert!(en.contains("Last round  × 改善を要する"), "{en}");
}

#[test]
fn the_matrix_compares_with_last_round() {
    let ja = snapshot("matrix_compare", Lang::Ja, (120, 44), "mc");
    assert!(ja.contains("前回比較"), "{ja}");
    assert!(ja.contains("×○+"), "保育 I-3 improved: {ja}");
    snapshot("matrix_compare", Lang::En, (120, 44), "mc");
}

#[test]
fn the_follow_up_list_sets_a_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = second_half(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).expect("opens");
    type_text(&mut app, "fj ");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "付箋は撤去済み");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), &id);
    let followups = &session.previous.as_ref().expect("previous").followups;
    let second = followups
        .iter()
        .find(|f| f.department == "保育" && f.finding.names("I-3"))
        .expect("I-3's finding");
    assert_eq!(
        second.state.status,
        Some(kansa::rounds::FollowUpStatus::Improved)
    );
    assert_eq!(second.state.note, "付箋は撤去済み");
    key(&mut app, KeyCode::Esc);
    assert!(
        screen_text(&app, 100, 30).contains("前回"),
        "back at the item"
    );

    let ja = snapshot("followups", Lang::Ja, (100, 20), "fj ");
    assert!(ja.contains("改善済"), "{ja}");
    assert!(ja.contains("未設定"), "{ja}");
    snapshot("followups", Lang::En, (100, 20), "fj ");
}

#[test]
fn the_item_view_says_when_the_items_text_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut checklist = kansa::checklist::Checklist::bundled();
    let item = checklist.areas[0]
        .items
        .iter_mut()
        .find(|i| i.id == "I-3")
        .expect("I-3");
    item.text = format!("{}（多要素認証を含む）", item.text);
    let id = second_half_of(dir.path(), Some(checklist));
    let app = App::at_session(context(dir.path(), Lang::Ja), &id, None).expect("opens");
    let text = screen_text(&app, 120, 30);
    assert!(
        text.contains("（前回から項目の文言が変わりました）"),
        "{text}"
    );
    drop(app);
    let app = App::at_session(context(dir.path(), Lang::En), &id, None).expect("opens");
    let text = screen_text(&app, 120, 30);
    assert!(text.contains("(the item's text changed since)"), "{text}");
    assert!(!text.contains("Read-only"), "{text}");
}

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

/// A 下半期 started from a 上半期 of two checklists whose second one, `second`, had
/// `item` of 保育 marked `symbol` with `note`.
fn second_half_of_two(
    dir: &std::path::Path,
    second: &str,
    (item, symbol, note): (&str, &str, &str),
) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let load = |file: &str| kansa::checklist::Checklist::load(&root.join(file)).expect("loads");
    let main = load("checklists/ryugasaki-2024-h1.ron");
    let departments = main.departments.clone();
    let facts = kansa::session::AuditFacts {
        title: "上半期".into(),
        ..Default::default()
    };
    let mut earlier = Session::new("h1".into(), main, departments, facts, seed::epoch());
    let second = load(second);
    let qualified = kansa::session::qualified(&second.id, item);
    earlier.add_checklist(second).expect("joins");
    let change = earlier
        .set_mark("保育", &qualified, Some(symbol))
        .expect("mark");
    seed::record(&mut earlier, change).expect("recorded");
    let change = earlier.set_note("保育", &qualified, note).expect("note");
    seed::record(&mut earlier, change).expect("recorded");
    let next = Session::next_round(&earlier, "next".into(), "下半期", None, seed::epoch());
    Store::open(dir)
        .and_then(|s| s.create(&next))
        .expect("saved");
    next.id
}

#[test]
fn the_second_checklists_hearing_shows_last_rounds_answer_too() {
    for (second, item, symbol, shown) in [
        (
            "checklists/tokutei-kojin-joho.ron",
            "T1-1",
            "×",
            "前回  × 実施していない  担当者未指名",
        ),
        (
            "checklists/isms-severity.ron",
            "A-1",
            "重",
            "前回  重 重大な不適合  担当者未指名",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let id = second_half_of_two(dir.path(), second, (item, symbol, "担当者未指名"));
        let ctx = context(dir.path(), Lang::Ja);
        let mut app = App::at_session(ctx, &id, Some("保育")).expect("opens");
        let main = screen_text(&app, 100, 30);
        assert!(main.contains("前回  前回の回答なし"), "{main}");
        assert!(!main.contains("担当者未指名"), "{main}");
        char_key(&mut app, 'C');
        let text = screen_text(&app, 100, 30);
        assert!(text.contains(item), "{text}");
        assert!(text.contains(shown), "{second}:\n{text}");
    }
}

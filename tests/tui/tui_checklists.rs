//! A round of several checklists on screen (issue 24): `C` takes 保育課 from the main
//! checklist to the 特定個人情報 one, whose scale, items and matrix show, the title
//! naming it; marks there are kept apart from the main checklist's.

use std::path::Path;

use crate::screen::*;
use kansa::checklist::Checklist;
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Session};
use kansa::store::Store;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

fn load(file: &str) -> Checklist {
    Checklist::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

fn two_checklists(dir: &Path) -> String {
    let main = load("checklists/ryugasaki-2024-h1.ron");
    let departments = main.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let facts = AuditFacts {
        title: "上半期".into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("two".into(), main, departments, facts, now);
    session
        .add_checklist(load("checklists/tokutei-kojin-joho.ron"))
        .unwrap();
    Store::open(dir).unwrap().create(&session).unwrap();
    "two".into()
}

#[test]
fn hoiku_is_heard_through_both_checklists_and_the_matrix_switches() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, '1');
    char_key(&mut app, 'C');
    let second = screen_text(&app, 80, 24);
    assert!(second.contains("上半期 / 特定個人情報"), "{second}");
    assert!(second.contains("T1-1"), "{second}");
    assert!(
        second.contains("1 ○ 実施している"),
        "its own scale:\n{second}"
    );
    insta::assert_snapshot!("two_checklists_second_ja_80x24", second);
    char_key(&mut app, '1');
    char_key(&mut app, 'm');
    let matrix = screen_text(&app, 80, 24);
    assert!(
        matrix.contains("防災 保育 障がい"),
        "its departments only:\n{matrix}"
    );
    assert!(!matrix.contains("秘書"), "{matrix}");
    insta::assert_snapshot!("two_checklists_matrix_second_ja_80x24", matrix);
    char_key(&mut app, 'C');
    let main = screen_text(&app, 80, 24);
    assert!(main.contains("秘書") && main.contains("I-1"), "{main}");
    drop(app);

    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(hearing.mark("I-1"), Some("○"));
    assert_eq!(hearing.mark("tokutei-kojin-joho::T1-1"), Some("○"));
    assert_eq!(hearing.mark("T1-1"), None);
}

#[test]
fn a_department_with_one_checklist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("秘書")).unwrap();
    char_key(&mut app, 'C');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("この部署に使うチェックリストは一つだけです"),
        "{text}"
    );
}

#[test]
fn the_hearing_goes_on_to_the_next_checklist_at_the_end_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    let heard = session
        .checklist
        .items()
        .filter(|(_, i)| !hearing.by_applicability(&i.id))
        .count();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    for _ in 0..heard {
        char_key(&mut app, '1');
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("T1-1"), "{text}");
    assert!(text.contains("上半期 / 特定個人情報"), "{text}");
    // At the end of the last checklist, the hearing stops there and says so.
    for _ in 0..15 {
        char_key(&mut app, '1');
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("T4-4"), "{text}");
    assert!(text.contains("ここまで"), "{text}");
}

#[test]
fn a_hearing_stopped_in_the_second_checklist_resumes_there() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'C');
    char_key(&mut app, '1');
    drop(app);
    let app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("上半期 / 特定個人情報"), "{text}");
    assert!(text.contains("T1-2"), "{text}");
    assert!(text.contains("保育課"), "{text}");
}

/// The department sheet is the checklist on screen's: its title names it, and `C`
/// goes to the next checklist's sheet (its own areas), where a 所見 is kept apart.
#[test]
fn the_department_sheet_names_its_checklist_and_c_goes_to_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'o');
    let main = screen_text(&app, 80, 24);
    assert!(
        main.contains("保育課（保育） / 令和6年度（上半期）"),
        "{main}"
    );
    assert!(main.contains("I 人的セキュリティ"), "{main}");
    // Far down the main sheet, then to the second, which has fewer lines.
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
    }
    char_key(&mut app, 'C');
    let second = screen_text(&app, 80, 24);
    assert!(
        second.contains("保育課（保育） / 特定個人情報の適正な取扱いに係る"),
        "{second}"
    );
    assert!(second.contains("T3 物理的安全管理措置"), "{second}");
    assert!(!second.contains("I 人的セキュリティ"), "{second}");
    // The line chosen stays on the sheet: Enter edits the last 所見 there.
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "台帳の確認者を決めること");
    key(&mut app, KeyCode::Esc);
    drop(app);

    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let sheet = &session.hearing("保育").unwrap().sheet;
    let written: Vec<_> = sheet
        .iter()
        .filter(|(_, s)| !s.observation.is_empty())
        .map(|(area, s)| (area.as_str(), s.observation.as_str()))
        .collect();
    assert_eq!(
        written,
        [("tokutei-kojin-joho::T4", "台帳の確認者を決めること")],
        "kept under the second checklist's last area"
    );
}

/// Japanese is wrapped as it is set (禁則): at 80 columns T1-2's guidance would put
/// its 「。」 alone at the start of a line; 「る」 comes down with it.
#[test]
fn no_line_of_the_hearing_starts_with_a_closing_mark() {
    let dir = tempfile::tempdir().unwrap();
    let id = two_checklists(dir.path());
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'C');
    key(&mut app, KeyCode::Right);
    for width in [80, 81, 100] {
        let text = screen_text(&app, width, 24);
        assert!(text.contains("T1-2"), "{text}");
        for line in text.lines() {
            assert!(
                !line.starts_with(['。', '、', '）', '」']),
                "{width}:\n{text}"
            );
        }
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("\nる。"), "{text}");
}

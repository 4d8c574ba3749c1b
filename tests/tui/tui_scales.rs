//! Scales beyond the seed on screen (issue 11): a points checklist shows each
//! department's score and band; a mark that asks for fields asks for them; a gate
//! whose answer would hide answered items asks before clearing them.

use std::path::Path;

use crate::screen::*;
use kansa::checklist::Checklist;
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Session};
use kansa::store::Store;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

fn session_of(dir: &Path, file: &str, id: &str) -> String {
    let checklist = Checklist::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let departments = checklist.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let facts = AuditFacts {
        title: checklist.title.clone(),
        ..AuditFacts::default()
    };
    let session = Session::new(id.into(), checklist, departments, facts, now);
    Store::open(dir).unwrap().create(&session).unwrap();
    id.to_string()
}

fn points_app(dir: &Path, lang: Lang) -> App {
    let id = session_of(dir, "checklists/self-diagnosis-points.ron", "points");
    let mut app = App::at_session(context(dir, lang), &id, None).unwrap();
    // 実施している ×3, 一部実施している, わからない: 4+4+4+2-1 = 13.
    type_text(&mut app, "11124");
    app
}

#[test]
fn a_points_scale_shows_the_score_in_the_hearing_and_the_matrix() {
    for (lang, name) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = points_app(dir.path(), lang);
        let hearing = screen_text(&app, 80, 24);
        let score = if lang == Lang::Ja {
            "得点 13/"
        } else {
            "Score 13/"
        };
        assert!(hearing.contains(score), "{hearing}");
        assert!(
            hearing.contains("1 ○ 実施している"),
            "keys from its scale:\n{hearing}"
        );
        insta::assert_snapshot!(format!("points_hearing_{name}_80x24"), hearing);
        char_key(&mut app, 'm');
        let matrix = screen_text(&app, 160, 48);
        insta::assert_snapshot!(format!("points_matrix_{name}_160x48"), matrix);
        let label = if lang == Lang::Ja { "得点" } else { "Score" };
        let row = matrix
            .lines()
            .find(|l| l.starts_with(label))
            .expect("a score row");
        assert!(row.contains("13"), "{row}");
    }
}

#[test]
fn a_mark_that_asks_for_fields_asks_for_each_and_records_them() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_of(dir.path(), "checklists/isms-severity.ron", "fields");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("総務")).unwrap();
    char_key(&mut app, '2');
    let asked = screen_text(&app, 80, 24);
    assert!(asked.contains("是正期限"), "{asked}");
    type_text(&mut app, "2024-12-27");
    key(&mut app, KeyCode::Enter);
    assert!(screen_text(&app, 80, 24).contains("是正担当者"));
    type_text(&mut app, "総務 一郎");
    key(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path(), &id);
    let first = saved.checklist.items().next().unwrap().1.id.clone();
    let answer = saved.answer("総務", &first).unwrap();
    assert_eq!(
        answer.fields.get("deadline").map(String::as_str),
        Some("2024-12-27")
    );
    assert_eq!(
        answer.fields.get("owner").map(String::as_str),
        Some("総務 一郎")
    );
    assert_ne!(
        app.hearing().unwrap().position().1,
        first,
        "then it goes on"
    );
}

#[test]
fn a_gate_that_would_hide_answered_items_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_of(dir.path(), "checklists/isms-severity.ron", "gate");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("総務")).unwrap();
    char_key(&mut app, 'g');
    type_text(&mut app, "C-2");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '4');
    char_key(&mut app, 'g');
    type_text(&mut app, "C-1");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '0');
    assert!(
        screen_text(&app, 80, 24).contains("C-2"),
        "the question names C-2"
    );
    char_key(&mut app, 'n');
    let kept = on_disk(dir.path(), &id);
    assert_eq!(
        kept.answer("総務", "C-2").unwrap().mark.as_deref(),
        Some("観")
    );
    char_key(&mut app, 'g');
    type_text(&mut app, "C-1");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '1');
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, 'g');
    type_text(&mut app, "C-1");
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '0');
    char_key(&mut app, 'y');
    let cleared = on_disk(dir.path(), &id);
    let c2 = cleared.answer("総務", "C-2").unwrap();
    assert!(
        c2.by_applicability,
        "y clears C-2 and the gate hides it: {c2:?}\n{}",
        screen_text(&app, 80, 24)
    );
}

//! Several checklists chosen and reached on screen (issue 24): the new-session form
//! takes further checklists from their paths, `N` adds one to an open round (refusals
//! said in words), and `L` picks one of the round's checklists for the hearing and the
//! matrix. With the seed's 特定個人情報 checklist and one of another scale (ISMS).

use std::path::Path;

use ratatui::crossterm::event::KeyCode;

use crate::screen::*;
use kansa::checklist::Checklist;
use kansa::i18n::Lang;
use kansa::session::{AuditFacts, Change, Session};
use kansa::store::Store;
use kansa::tui::App;

fn path(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(file)
        .display()
        .to_string()
}

const TOKUTEI: &str = "checklists/tokutei-kojin-joho.ron";
const ISMS: &str = "checklists/isms-severity.ron";

/// The seed's round, fixed in time, with `more` checklists added.
fn round(dir: &Path, more: &[&str]) -> String {
    round_titled(dir, "上半期", more)
}

fn round_titled(dir: &Path, title: &str, more: &[&str]) -> String {
    let main = Checklist::bundled();
    let departments = main.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let facts = AuditFacts {
        title: title.into(),
        ..AuditFacts::default()
    };
    let mut session = Session::new("round".into(), main, departments, facts, now);
    for file in more {
        let checklist = Checklist::load(Path::new(&path(file))).unwrap();
        session.add_checklist(checklist).unwrap();
    }
    Store::open(dir).unwrap().create(&session).unwrap();
    "round".into()
}

/// The screen with the date of today (the form's) written as a pattern.
fn stable(text: String) -> String {
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    text.replace(&today, "YYYY-MM-DD")
}

#[test]
fn the_form_creates_a_round_with_the_checklists_added_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    ctrl_u(&mut app);
    type_text(&mut app, "上半期");
    // From the title up to the further checklists.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, &path(TOKUTEI));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("他のチェックリスト     特定個人情報の適正な取扱い"),
        "{text}"
    );
    assert!(text.contains("tokutei-kojin-joho を加えました"), "{text}");
    insta::assert_snapshot!("form_two_checklists_ja_80x24", stable(text));

    // The same one again is refused, in words; the prompt stays to fix the path.
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, &path(TOKUTEI));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("すでに ID が tokutei-kojin-joho"), "{text}");
    ctrl_u(&mut app);
    type_text(&mut app, &path(ISMS));
    key(&mut app, KeyCode::Enter);
    // Past the start-from, title, date, auditors, lead, departments and the added
    // department's three fields, to 作成.
    for _ in 0..10 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    let id = app
        .hearing()
        .expect("the new round's hearing")
        .session()
        .id
        .clone();
    drop(app);
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let ids: Vec<&str> = session.checklists().map(|c| c.id.as_str()).collect();
    assert_eq!(ids[..2], ["ryugasaki-2024-h1", "tokutei-kojin-joho"]);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(session.extra[1].scale[1].symbol, "重");
    assert_eq!(session.facts.title, "上半期");
}

#[test]
fn the_picker_takes_the_hearing_and_the_matrix_to_the_checklist_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let id = round(dir.path(), &[TOKUTEI, ISMS]);
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'L');
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("この回のチェックリスト"), "{text}");
    assert!(text.contains("▶ ryugasaki-2024-h1"), "{text}");
    assert!(
        text.contains("tokutei-kojin-joho") && text.contains("isms-"),
        "{text}"
    );
    insta::assert_snapshot!("checklist_picker_ja_80x24", text);
    // The ISMS checklist, by typing part of its id.
    type_text(&mut app, "isms");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("1 ○ 適合") && text.contains("2 重"),
        "its own scale:\n{text}"
    );
    assert!(text.contains("保育課"), "{text}");
    char_key(&mut app, '2');
    // 重 asks for a deadline and an owner: left unasked.
    key(&mut app, KeyCode::Esc);
    // In the matrix, to the 特定個人情報 checklist: its departments only.
    char_key(&mut app, 'm');
    char_key(&mut app, 'L');
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    let matrix = screen_text(&app, 80, 24);
    assert!(matrix.contains("上半期 / 特定個人情報"), "{matrix}");
    assert!(
        matrix.contains("防災 保育 障がい") && !matrix.contains("秘書"),
        "{matrix}"
    );
    insta::assert_snapshot!("checklist_picker_matrix_ja_80x24", matrix);
    drop(app);
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let isms = &session.extra[1];
    let first = &isms.items().next().unwrap().1.id;
    let cell = kansa::session::qualified(&isms.id, first);
    assert_eq!(session.hearing("保育").unwrap().mark(&cell), Some("重"));
}

#[test]
fn a_checklist_is_added_to_the_open_round_from_the_hearing() {
    let dir = tempfile::tempdir().unwrap();
    let id = round(dir.path(), &[]);
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'N');
    type_text(&mut app, &path(TOKUTEI));
    let prompt = screen_text(&app, 80, 24);
    assert!(
        prompt.contains("追加するチェックリストのファイル"),
        "{prompt}"
    );
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("上半期 / 特定個人情報"), "{text}");
    assert!(text.contains("T1-1"), "{text}");
    assert!(
        text.contains("tokutei-kojin-joho を追加しました（対象 3 部署）"),
        "{text}"
    );
    insta::assert_snapshot!("checklist_added_ja_80x24", text);

    // Again: refused, in words, nothing added.
    char_key(&mut app, 'N');
    type_text(&mut app, &path(TOKUTEI));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("すでに ID が tokutei-kojin-joho"), "{text}");
    // A file that is no checklist: said why.
    char_key(&mut app, 'N');
    type_text(&mut app, &path("Cargo.toml"));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Cargo.toml"), "{text}");
    // One of another scale, for every department.
    char_key(&mut app, 'N');
    type_text(&mut app, &path(ISMS));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("（対象 6 部署）") && text.contains("2 重"),
        "{text}"
    );
    drop(app);
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    assert_eq!(session.extra.len(), 2);
    let added: Vec<&str> = session
        .history
        .iter()
        .filter_map(|e| match &e.change {
            Change::AddChecklist { checklist } => Some(checklist.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(added[0], "tokutei-kojin-joho");
    assert_eq!(added.len(), 2);
}

#[test]
fn a_signed_round_takes_no_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let id = round(dir.path(), &[]);
    let store = Store::open(dir.path()).unwrap();
    let mut writer = store.open_writer(&id, "tester").unwrap();
    let at = writer.session().created;
    let signed = Change::SignOff {
        by: "監査 太郎".into(),
        at,
        digest: "0".repeat(64),
    };
    writer.record(signed).unwrap();
    writer.close().unwrap();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'N');
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains("追加するチェックリストのファイル"), "{text}");
    assert!(text.contains("署名済み"), "{text}");
}

#[test]
fn a_long_round_title_gives_way_to_the_checklist_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let title = "令和6年度（上半期）情報セキュリティ内部監査";
    let id = round_titled(dir.path(), title, &[TOKUTEI]);
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, 'C');
    let text = screen_text(&app, 80, 24);
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("… / 特定個人情報の適正な取扱いに係るチェックリスト"),
        "{header}"
    );
    char_key(&mut app, 'm');
    let text = screen_text(&app, 80, 24);
    let heading = text.lines().find(|l| l.contains("結果一覧")).unwrap();
    assert!(
        heading.contains("特定個人情報の適正な取扱いに係るチェックリスト"),
        "{heading}"
    );
    // Wide enough, both whole.
    let wide = screen_text(&app, 160, 48);
    assert!(wide.contains(&format!("{title} / 特定個人情報")), "{wide}");
}

#[test]
fn undo_takes_back_a_mark_of_the_checklist_it_was_given_in() {
    let dir = tempfile::tempdir().unwrap();
    let id = round(dir.path(), &[TOKUTEI]);
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    char_key(&mut app, '1');
    // To the 特定個人情報 checklist, marked there, then back to the main one.
    char_key(&mut app, 'L');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, '1');
    char_key(&mut app, 'C');
    // The latest change of 保育 is the 特定個人情報 one: undone there, on screen.
    char_key(&mut app, 'u');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("上半期 / 特定個人情報") && text.contains("T1-1"),
        "{text}"
    );
    char_key(&mut app, 'u');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("I-1") && !text.contains("特定個人情報"),
        "{text}"
    );
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(hearing.mark("tokutei-kojin-joho::T1-1"), None);
    assert_eq!(hearing.mark("I-1"), None);
    // And again, from the main checklist.
    char_key(&mut app, 'U');
    char_key(&mut app, 'U');
    drop(app);
    let session = Store::open(dir.path()).unwrap().load(&id).unwrap();
    let hearing = session.hearing("保育").unwrap();
    assert_eq!(hearing.mark("tokutei-kojin-joho::T1-1"), Some("○"));
    assert_eq!(hearing.mark("I-1"), Some("○"));
}

#[test]
fn the_form_says_when_a_checklist_added_is_for_none_of_the_departments_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::at_list(context(dir.path(), Lang::Ja));
    char_key(&mut app, 'n');
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, &path(TOKUTEI));
    key(&mut app, KeyCode::Enter);
    // To the departments: 防災, 保育 and 障がい (those handling 特定個人情報) unchosen.
    for _ in 0..6 {
        key(&mut app, KeyCode::Tab);
    }
    for step in [1, 3, 1] {
        for _ in 0..step {
            key(&mut app, KeyCode::Down);
        }
        char_key(&mut app, ' ');
    }
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.hearing().is_none(), "no round made");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("被監査部門 (3/6)"), "{text}");
    assert!(
        text.contains("対象になる部署がこの回にありません"),
        "{text}"
    );
    assert!(
        Store::open(dir.path())
            .unwrap()
            .list()
            .unwrap()
            .0
            .is_empty()
    );
}

//! The screens of the record: the department sheet, review and sign-off, history,
//! facts, and drafts of text being typed — driven through the app on TestBackend,
//! snapshots in Japanese and English at 80×24 and 160×48.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::session::Session;
use kansa::store::Store;
use kansa::tui::{App, Input};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

/// Snapshots what `setup` leaves on screen, per language and size (as
/// tests/tui/tui_snapshots.rs does).
fn snapshot_each(name: &str, setup: impl Fn(&std::path::Path, Lang) -> App) {
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let app = setup(dir.path(), lang);
        for (width, height) in SIZES {
            let text = screen_text(&app, width, height);
            let mut settings = insta::Settings::clone_current();
            settings.add_filter(
                r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?( [+-]\d{2}:\d{2})?",
                "TIME",
            );
            // The era calendar's form (Japanese screens), in the computer's time zone.
            settings.add_filter(r"(令和|平成)\d+年\d+月\d+日 \d{2}:\d{2}(:\d{2})?", "TIME");
            settings.bind(|| {
                insta::assert_snapshot!(
                    format!("{name}_{}_{width}x{height}", lang_name(lang)),
                    text
                );
            });
        }
    }
}

/// The seed round on disk as `id`, with the stages given.
fn seed_on_disk(dir: &std::path::Path, id: &str, notes: bool, findings: bool) -> Session {
    let mut session = kansa::seed::session(id);
    kansa::seed::enter_marks(&mut session).unwrap();
    if notes {
        kansa::seed::enter_notes(&mut session).unwrap();
    }
    if findings {
        kansa::seed::enter_findings(&mut session).unwrap();
    }
    Store::open(dir).unwrap().create(&session).unwrap();
    session
}

fn open(dir: &std::path::Path, lang: Lang, department: &str) -> App {
    App::at_session(context(dir, lang), "seed", Some(department)).unwrap()
}

/// Clears a one-line editor: to the start of the line, then Ctrl-K.
fn clear_line(app: &mut App) {
    key(app, KeyCode::Home);
    app.handle(Input::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('k'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    )));
}

fn shows(app: &App, text: &str) -> bool {
    screen_text(app, 160, 48).contains(text)
}

#[test]
fn department_sheet() {
    snapshot_each("sheet", |dir, lang| {
        seed_on_disk(dir, "seed", true, false);
        let mut app = open(dir, lang, "保育課");
        char_key(&mut app, 'o');
        app
    });
}

#[test]
fn review_with_blockers() {
    snapshot_each("review", |dir, lang| {
        seed_on_disk(dir, "seed", false, false);
        let mut app = open(dir, lang, "保育課");
        char_key(&mut app, 'm');
        char_key(&mut app, 'r');
        app
    });
}

#[test]
fn history_of_a_cell() {
    snapshot_each("history", |dir, lang| {
        seed_on_disk(dir, "seed", true, true);
        let mut app = open(dir, lang, "保育課");
        // I-2(2): marked ×, then noted.
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Right);
        char_key(&mut app, 'H');
        app
    });
}

#[test]
fn facts_view() {
    snapshot_each("facts", |dir, lang| {
        seed_on_disk(dir, "seed", true, true);
        let mut app = open(dir, lang, "保育課");
        char_key(&mut app, 'i');
        app
    });
}

#[test]
fn the_sheet_opens_on_the_first_areas_observation_and_records_it() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, false);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "人的セキュリティについては概ね適正。");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "付箋の貼付を指導した。");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    let sheet = session.sheet("保育", "I").expect("sheet of I");
    assert_eq!(
        sheet.observation,
        "人的セキュリティについては概ね適正。\n付箋の貼付を指導した。"
    );
    // Esc leaves the sheet for the item view.
    key(&mut app, KeyCode::Esc);
    assert!(shows(&app, "I-1"));
}

#[test]
fn proposals_are_accepted_reworded_and_dismissed_and_findings_removed() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, false);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'o');
    assert!(shows(&app, "+ I-2(2) ×"), "{}", screen_text(&app, 160, 48));
    // Row 0 is I's 所見, then the proposals I-2(2), I-3, I-5(2).
    key(&mut app, KeyCode::Down);
    char_key(&mut app, 'a');
    let session = on_disk(dir.path(), "seed");
    let findings = &session.sheet("保育", "I").unwrap().findings;
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].items, ["I-2(2)"]);
    // The finding is now row 1, the next proposal (I-3) row 2: reword it.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    clear_line(&mut app);
    type_text(&mut app, "ID・パスワードの取扱い");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    let findings = &session.sheet("保育", "I").unwrap().findings;
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[1].text, "ID・パスワードの取扱い");
    // I-5(2) is row 3: dismissed, it is not proposed again.
    key(&mut app, KeyCode::Down);
    char_key(&mut app, 'd');
    let session = on_disk(dir.path(), "seed");
    assert!(session.proposals("保育").iter().all(|p| p.item != "I-5(2)"));
    // Remove the first finding: its item is proposed again.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    char_key(&mut app, 'd');
    let session = on_disk(dir.path(), "seed");
    assert_eq!(session.sheet("保育", "I").unwrap().findings.len(), 1);
    assert!(session.proposals("保育").iter().any(|p| p.item == "I-2(2)"));
}

#[test]
fn review_jumps_to_an_unanswered_item_and_signs_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, true);
    let mut app = open(dir.path(), Lang::En, "保育課");
    char_key(&mut app, 'r');
    assert!(
        shows(&app, "Nothing blocks: s signs off"),
        "{}",
        screen_text(&app, 160, 48)
    );
    char_key(&mut app, 's');
    assert!(shows(&app, "監査 太郎"));
    key(&mut app, KeyCode::Enter);
    // The confirmation names the signer; only `y` signs.
    assert!(
        shows(&app, "Signer: 監査 太郎"),
        "{}",
        screen_text(&app, 160, 48)
    );
    assert!(on_disk(dir.path(), "seed").signed.is_none());
    char_key(&mut app, 'y');
    let session = on_disk(dir.path(), "seed");
    let signed = session.signed.expect("signed");
    assert_eq!(signed.by, "監査 太郎");
    assert!(shows(&app, &signed.digest[..16]));
    assert!(shows(&app, "Signed  監査 太郎"));
    // Reopening asks for a reason; without one it is refused.
    char_key(&mut app, 'R');
    key(&mut app, KeyCode::Esc);
    assert!(on_disk(dir.path(), "seed").signed.is_some());
    char_key(&mut app, 'R');
    type_text(&mut app, "報告日の記入漏れ");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    assert!(session.signed.is_none());
    assert!(session.history.iter().any(|e| matches!(
        &e.change,
        kansa::session::Change::Reopen { reason, .. } if reason == "報告日の記入漏れ"
    )));
}

#[test]
fn review_entries_lead_to_their_place() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", false, false);
    let mut app = open(dir.path(), Lang::Ja, "秘書広聴課");
    char_key(&mut app, 'r');
    char_key(&mut app, 's');
    assert!(shows(&app, "署名できません"));
    // The first blocker: no 総評 (issue 27); it leads to the 総評 among the facts.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "特記事項なし。");
    key(&mut app, KeyCode::Esc);
    assert_eq!(on_disk(dir.path(), "seed").facts.overall, "特記事項なし。");
    // The next: 秘書 I-2(2) △ needs a note.
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, 'r');
    key(&mut app, KeyCode::Enter);
    let position = app.hearing().unwrap().position();
    assert_eq!(position, ("秘書".to_string(), "I-2(2)".to_string()));
}

#[test]
fn facts_take_dates_in_any_form() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", false, false);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'i');
    // 報告日 is the 11th fact.
    for _ in 0..10 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    clear_line(&mut app);
    type_text(&mut app, "R6.10.30");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    assert_eq!(
        session.facts.report_date,
        chrono::NaiveDate::from_ymd_opt(2024, 10, 30)
    );
    assert!(shows(&app, "令和6年10月30日（水）"));
    // A date that does not read keeps the editor open with what was typed.
    key(&mut app, KeyCode::Enter);
    clear_line(&mut app);
    type_text(&mut app, "いつか");
    key(&mut app, KeyCode::Esc);
    assert!(shows(&app, "いつか"));
    // The department's own 監査範囲 (after the 18 round facts).
    clear_line(&mut app);
    key(&mut app, KeyCode::Esc);
    for _ in 0..8 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    for _ in 0..200 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "イントラネット系のみ");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    let own = session.hearing("保育").unwrap().facts.scope.clone();
    assert_eq!(own.as_deref(), Some("イントラネット系のみ"));
}

#[test]
fn a_note_being_typed_is_kept_as_a_draft_and_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", false, false);
    let mut app = open(dir.path(), Lang::En, "保育課");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "付箋を確認中");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    app.handle(Input::Tick);
    // The app goes away without recording the note (as on SIGKILL).
    drop(app);
    let app = open(dir.path(), Lang::En, "保育課");
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("Unsaved note restored"), "{text}");
    assert!(text.contains("付箋を確認中"), "{text}");
    let mut app = app;
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    assert_eq!(session.answer("保育", "I-1").unwrap().note, "付箋を確認中");
    let store = Store::open(dir.path()).unwrap();
    assert!(store.take_draft("seed").unwrap().is_none());
}

#[test]
fn the_session_list_shows_who_signed() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = kansa::seed::whole_round("signed").unwrap();
    let at = session.last_change() + chrono::Duration::seconds(1);
    let change = session.sign(kansa::seed::LEAD, at).unwrap();
    kansa::seed::record(&mut session, change).unwrap();
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    seed_on_disk(dir.path(), "seed", false, false);
    let app = App::at_list(context(dir.path(), Lang::Ja));
    let text = screen_text(&app, 120, 24);
    assert!(text.contains("署名済 デジタル都市推進課長"), "{text}");
    // Every cell answered, not signed: 回答済 (issue 8: 実施中 → 回答済 → 署名済).
    assert!(text.contains("回答済"), "{text}");
}

#[test]
fn a_mark_that_asks_for_a_note_opens_its_editor_and_leaving_it_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "noted", "メモ必須");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育課")).unwrap();
    char_key(&mut app, '1');
    assert!(!app.hearing().unwrap().is_editing(), "○ asks for no note");
    char_key(&mut app, '3');
    assert!(app.hearing().unwrap().is_editing(), "× asks for a note");
    // Still on the item just marked while its note is typed.
    assert_eq!(app.hearing().unwrap().position().1, "I-2(1)");
    type_text(&mut app, "離席時のロックなし。指導した。");
    key(&mut app, KeyCode::Esc);
    let saved = on_disk(dir.path(), &id);
    let answer = saved.answer("保育", "I-2(1)").unwrap();
    assert_eq!(answer.mark.as_deref(), Some("×"));
    assert_eq!(answer.note, "離席時のロックなし。指導した。");
    assert_eq!(app.hearing().unwrap().position().1, "I-2(2)");
    // Left empty: allowed, and review will say so.
    char_key(&mut app, '2');
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.hearing().unwrap().position().1, "I-3");
    assert_eq!(
        on_disk(dir.path(), &id)
            .answer("保育", "I-2(2)")
            .unwrap()
            .note,
        ""
    );
}

#[test]
fn the_matrix_shows_the_focused_cell_in_full_under_it() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, false);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    char_key(&mut app, 'm');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("保育課（保育）  I-3  × 改善を要する"),
        "{text}"
    );
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains(
            "ID・パスワードの取扱い（他人に教えない、ログイン時に記憶させない、失念しない）"
        ),
        "{text}"
    );
    assert!(
        text.contains("メモ: IDPWをデスクトップに貼り付けている職員がいた。"),
        "{text}"
    );
}

#[test]
fn slash_searches_notes_and_observations_and_goes_to_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, true);
    let mut app = open(dir.path(), Lang::Ja, "秘書広聴課");
    char_key(&mut app, 'm');
    char_key(&mut app, '/');
    type_text(&mut app, "IDPW");
    assert!(
        shows(&app, "保育 I-3 メモ: IDPWをデスクトップ"),
        "{}",
        screen_text(&app, 160, 48)
    );
    key(&mut app, KeyCode::Enter);
    let position = app.hearing().unwrap().position();
    assert_eq!(position, ("保育".to_string(), "I-3".to_string()));
    assert!(app.hearing().unwrap().is_showing_matrix());
    // A 所見 hit opens the sheet at that area.
    char_key(&mut app, '/');
    type_text(&mut app, "障がい II 所見");
    key(&mut app, KeyCode::Enter);
    assert!(
        shows(&app, "所見・指摘事項 — 障がい福祉課（障がい）"),
        "{}",
        screen_text(&app, 160, 48)
    );
}

#[test]
fn the_findings_list_groups_the_cells_by_item_and_goes_to_one() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, false);
    let mut app = open(dir.path(), Lang::Ja, "秘書広聴課");
    char_key(&mut app, 'F');
    let text = screen_text(&app, 160, 48);
    let first = text.find("I-2(1) パソコンの取扱い（1）").expect(&text);
    let cell = text.find("管財 △").expect(&text);
    let next = text.find("I-2(2) パソコンの取扱い（2）").expect(&text);
    assert!(first < cell && cell < next, "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let position = app.hearing().unwrap().position();
    assert_eq!(position, ("管財".to_string(), "I-2(1)".to_string()));
}

#[test]
fn an_observation_being_typed_is_offered_back_in_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, false);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "人的セキュリティの所見（書きかけ）");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    app.handle(Input::Tick);
    drop(app);
    let mut app = open(dir.path(), Lang::Ja, "秘書広聴課");
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("所見・指摘事項 — 保育課（保育）"), "{text}");
    assert!(
        text.contains("保存されていなかった入力を復元しました"),
        "{text}"
    );
    assert!(
        text.contains("人的セキュリティの所見（書きかけ）"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "seed");
    assert_eq!(
        session.sheet("保育", "I").unwrap().observation,
        "人的セキュリティの所見（書きかけ）"
    );
}

#[test]
fn history_shows_the_cell_then_the_whole_session() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, true);
    let mut app = open(dir.path(), Lang::En, "保育課");
    char_key(&mut app, 'H');
    let cell = screen_text(&app, 160, 48);
    assert!(cell.contains("保育 I-1 mark: not answered → ○"), "{cell}");
    assert!(!cell.contains("秘書 I-1"), "{cell}");
    char_key(&mut app, 'H');
    let whole = screen_text(&app, 160, 48);
    assert!(whole.contains("History — whole session"), "{whole}");
    assert!(whole.contains("秘書 I-1 mark: not answered → ○"), "{whole}");
    key(&mut app, KeyCode::Esc);
    assert!(!app.hearing().unwrap().is_showing_matrix());
}

#[test]
fn a_signed_session_says_so_when_a_mark_key_is_pressed() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = kansa::seed::whole_round("seed").unwrap();
    let at = session.last_change() + chrono::Duration::seconds(1);
    let change = session.sign(kansa::seed::LEAD, at).unwrap();
    kansa::seed::record(&mut session, change).unwrap();
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, '1');
    assert_eq!(app.hearing().unwrap().position().1, "I-1");
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("署名"), "{text}");
    char_key(&mut app, 'r');
    assert!(shows(&app, "署名済　デジタル都市推進課長"));
}

/// The record's screens on the large audit (300 items × 60 departments, 50,000
/// changes): each opens and draws at once. Prints the figures (a debug build).
#[test]
fn the_record_screens_draw_the_large_audit_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = kansa::sample::large_session(300, 60, 50_000);
    let id = session.id.clone();
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    for (name, keys) in [
        ("sheet", "o"),
        ("review", "r"),
        ("history of the session", "HH"),
        ("search", "/"),
        ("findings list", "F"),
    ] {
        let start = std::time::Instant::now();
        type_text(&mut app, keys);
        let _ = screen_text(&app, 160, 48);
        let took = start.elapsed();
        eprintln!("{name}: opened and drawn in {took:?}");
        assert!(took < std::time::Duration::from_secs(5), "{name}: {took:?}");
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn a_findings_items_are_chosen_in_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    seed_on_disk(dir.path(), "seed", true, true);
    let mut app = open(dir.path(), Lang::Ja, "保育課");
    char_key(&mut app, 'o');
    key(&mut app, KeyCode::Down);
    char_key(&mut app, 't');
    assert!(
        shows(&app, "[x] × I-2(2)"),
        "{}",
        screen_text(&app, 160, 48)
    );
    assert!(shows(&app, "[ ] × I-3"));
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let session = on_disk(dir.path(), "seed");
    let finding = &session.sheet("保育", "I").unwrap().findings[0];
    assert_eq!(finding.items, ["I-2(2)", "I-3"]);
    // And out again.
    char_key(&mut app, 't');
    for _ in 0..2 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let session = on_disk(dir.path(), "seed");
    let finding = &session.sheet("保育", "I").unwrap().findings[0];
    assert_eq!(finding.items, ["I-3"]);
}

//! A signed round that looks signed (issue 27): the 署名済（…） banner on every view,
//! footers and help that offer only viewing, export and reopening, a key that would
//! change the round answered in the user's language with how to reopen, `R` from any
//! view, and the confirmation before signing that names the signer and what is
//! sealed. Snapshots in Japanese and English at 80×24 and 160×48.

use crate::screen::*;
use kansa::facts::{FactField, FactValue};
use kansa::i18n::Lang;
use kansa::seed;
use kansa::session::Session;
use kansa::store::Store;
use kansa::tui::App;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

/// Snapshots what `setup` leaves on screen, per language and size. The time of the
/// sign-off is shown in the computer's time zone, and the digest changes with any
/// word of the seed round: both are filtered.
fn snapshot_each(name: &str, setup: impl Fn(&std::path::Path, Lang) -> App) {
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let app = setup(dir.path(), lang);
        for (width, height) in SIZES {
            let text = screen_text(&app, width, height);
            let mut settings = insta::Settings::clone_current();
            settings.add_filter(r"(令和|平成)\d+年\d+月\d+日 \d{2}:\d{2}(:\d{2})?", "TIME");
            settings.add_filter(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", "TIME");
            settings.add_filter(r"(ダイジェスト|digest|Digest) [0-9a-f]{8,64}", "$1 HEX");
            settings.bind(|| {
                insta::assert_snapshot!(
                    format!("{name}_{}_{width}x{height}", lang_name(lang)),
                    text
                );
            });
        }
    }
}

/// The whole seed round on disk as `signed`, signed off by its 監査実施責任者.
fn signed_round(dir: &std::path::Path) -> Session {
    let mut session = seed::whole_round("signed").unwrap();
    let at = session.last_change() + chrono::Duration::seconds(1);
    let change = session.sign(seed::LEAD, at).unwrap();
    seed::record(&mut session, change).unwrap();
    Store::open(dir).unwrap().create(&session).unwrap();
    session
}

/// The whole seed round on disk as `ready`, nothing blocking, not signed.
fn ready_round(dir: &std::path::Path) -> Session {
    let session = seed::whole_round("ready").unwrap();
    Store::open(dir).unwrap().create(&session).unwrap();
    session
}

fn open(dir: &std::path::Path, lang: Lang, id: &str) -> App {
    App::at_session(context(dir, lang), id, Some("保育課")).unwrap()
}

/// The footer: the last two lines at 80×24 (every footer here fits in two).
fn footer(app: &App) -> String {
    let text = screen_text(app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - 2..].join("\n")
}

#[test]
fn signed_hearing() {
    snapshot_each("signed_hearing", |dir, lang| {
        signed_round(dir);
        open(dir, lang, "signed")
    });
}

#[test]
fn signed_matrix() {
    snapshot_each("signed_matrix", |dir, lang| {
        signed_round(dir);
        let mut app = open(dir, lang, "signed");
        char_key(&mut app, 'm');
        app
    });
}

#[test]
fn signed_review() {
    snapshot_each("signed_review", |dir, lang| {
        signed_round(dir);
        let mut app = open(dir, lang, "signed");
        char_key(&mut app, 'r');
        app
    });
}

#[test]
fn signed_facts() {
    snapshot_each("signed_facts", |dir, lang| {
        signed_round(dir);
        let mut app = open(dir, lang, "signed");
        char_key(&mut app, 'i');
        app
    });
}

#[test]
fn signed_help() {
    snapshot_each("signed_help", |dir, lang| {
        signed_round(dir);
        let mut app = open(dir, lang, "signed");
        char_key(&mut app, '?');
        app
    });
}

#[test]
fn the_confirmation_before_signing() {
    snapshot_each("seal", |dir, lang| {
        ready_round(dir);
        let mut app = open(dir, lang, "ready");
        char_key(&mut app, 'r');
        char_key(&mut app, 's');
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Enter);
        app
    });
}

#[test]
fn every_view_of_a_signed_round_shows_who_signed_and_when() {
    let dir = tempfile::tempdir().unwrap();
    signed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "signed");
    // Each view, opened from the hearing and left with Esc (the matrix with m).
    for (open, leave) in [
        (None, None),
        (Some('m'), Some(KeyCode::Char('m'))),
        (Some('o'), Some(KeyCode::Esc)),
        (Some('r'), Some(KeyCode::Esc)),
        (Some('i'), Some(KeyCode::Esc)),
        (Some('H'), Some(KeyCode::Esc)),
        (Some('f'), Some(KeyCode::Esc)),
    ] {
        if let Some(c) = open {
            char_key(&mut app, c);
        }
        for (width, height) in SIZES {
            let text = screen_text(&app, width, height);
            assert!(
                text.contains("署名済（デジタル都市推進課長、令和6年9月27日"),
                "{open:?} {width}×{height}:\n{text}"
            );
            assert!(text.contains("ダイジェスト "), "{open:?}:\n{text}");
        }
        if let Some(code) = leave {
            key(&mut app, code);
        }
    }
    drop(app);
    let english = open_en(dir.path());
    let text = screen_text(&english, 80, 24);
    assert!(
        text.contains("Signed (by デジタル都市推進課長, 2024-09-"),
        "{text}"
    );
}

fn open_en(dir: &std::path::Path) -> App {
    open(dir, Lang::En, "signed")
}

#[test]
fn footers_and_help_of_a_signed_round_offer_only_viewing_export_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    signed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "signed");
    let hearing = footer(&app);
    for absent in ["1 2 3 0", "評価", "メモ", "取消", "自己評価"] {
        assert!(!hearing.contains(absent), "{absent}:\n{hearing}");
    }
    for present in ["R  再開", "e  出力", "r  確認・署名", "q  終了"] {
        assert!(hearing.contains(present), "{present}:\n{hearing}");
    }
    char_key(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    for absent in [
        "評価して次へ",
        "取消",
        "やり直し",
        "メモを編集",
        "自己評価を採用",
    ] {
        assert!(!help.contains(absent), "{absent}:\n{help}");
    }
    assert!(help.contains("再開"), "{help}");
    key(&mut app, KeyCode::Esc);

    char_key(&mut app, 'm');
    let matrix = footer(&app);
    for absent in ["1 2 3 0", "取消"] {
        assert!(!matrix.contains(absent), "{absent}:\n{matrix}");
    }
    assert!(
        matrix.contains("R  再開") && matrix.contains("e  出力"),
        "{matrix}"
    );
    char_key(&mut app, 'm');

    char_key(&mut app, 'i');
    let facts = footer(&app);
    assert!(!facts.contains("編集"), "{facts}");
    assert!(facts.contains("R  再開"), "{facts}");
    key(&mut app, KeyCode::Esc);

    char_key(&mut app, 'o');
    let sheet = footer(&app);
    for absent in ["編集", "採用", "指摘を追加", "対象項目", "自己点検取込"] {
        assert!(!sheet.contains(absent), "{absent}:\n{sheet}");
    }
    key(&mut app, KeyCode::Esc);

    char_key(&mut app, 'r');
    let review = footer(&app);
    assert!(!review.contains("s  署名"), "{review}");
    assert!(review.contains("R  再開"), "{review}");
}

#[test]
fn a_key_that_would_change_a_signed_round_says_so_in_japanese_and_how_to_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let before = signed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "signed");
    let position = app.hearing().unwrap().position();
    // A mark key, Enter (the note), u (undo), s (the department's own mark); then
    // a mark key in the matrix and Enter in the facts and the sheet.
    let said = "署名済みのため変更できません。変更するには R で再開してください";
    for c in ['3', 'u', 's'] {
        char_key(&mut app, c);
        let text = screen_text(&app, 80, 24);
        assert!(text.contains(said), "{c}:\n{text}");
        assert!(!text.contains("signed off by"), "{text}");
    }
    key(&mut app, KeyCode::Enter);
    assert!(!app.hearing().unwrap().is_editing());
    assert!(screen_text(&app, 80, 24).contains(said));
    assert_eq!(
        app.hearing().unwrap().position(),
        position,
        "nothing moved on"
    );
    char_key(&mut app, 'm');
    char_key(&mut app, '1');
    assert!(screen_text(&app, 80, 24).contains(said));
    char_key(&mut app, 'm');
    for view in ['i', 'o'] {
        char_key(&mut app, view);
        key(&mut app, KeyCode::Enter);
        assert!(!app.hearing().unwrap().is_editing(), "{view}");
        assert!(screen_text(&app, 80, 24).contains(said), "{view}");
        key(&mut app, KeyCode::Esc);
    }
    let after = on_disk(dir.path(), "signed");
    assert_eq!(after.signed, before.signed);
    assert_eq!(
        after.answer("保育", &position.1).map(|a| a.mark.clone()),
        before.answer("保育", &position.1).map(|a| a.mark.clone())
    );
    // In English, in English.
    drop(app);
    let mut app = open_en(dir.path());
    char_key(&mut app, '2');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Signed off: nothing can change. R reopens it"),
        "{text}"
    );
}

#[test]
fn r_from_the_hearing_asks_the_reason_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    signed_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "signed");
    char_key(&mut app, 'R');
    assert!(app.hearing().unwrap().is_editing());
    assert!(screen_text(&app, 80, 24).contains("再開の理由"));
    // Without a reason it is refused, in Japanese.
    key(&mut app, KeyCode::Esc);
    assert!(on_disk(dir.path(), "signed").signed.is_some());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("理由がないため再開していません"), "{text}");
    char_key(&mut app, 'R');
    type_text(&mut app, "保育課の指摘事項の文言修正");
    key(&mut app, KeyCode::Esc);
    let session = on_disk(dir.path(), "signed");
    assert!(session.signed.is_none());
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains("署名済（"), "{text}");
    assert!(
        text.contains("再開しました") && text.contains("未署名"),
        "{text}"
    );
    // Back in the hearing, the marks are offered again.
    key(&mut app, KeyCode::Esc);
    assert!(footer(&app).contains("1 2 3 0"), "{}", footer(&app));
    // On a round that is not signed, R says so.
    char_key(&mut app, 'R');
    assert!(screen_text(&app, 80, 24).contains("署名されていません"));
}

/// Counts of what the seal names: 所見 written and 指摘事項.
fn sheets(session: &Session) -> (usize, usize) {
    let sheets = session.hearings.iter().flat_map(|h| h.sheet.values());
    sheets.fold((0, 0), |(o, f), s| {
        let written = !s.observation.trim().is_empty();
        (o + usize::from(written), f + s.findings.len())
    })
}

#[test]
fn signing_asks_first_naming_the_signer_and_what_is_sealed_and_only_y_signs() {
    let dir = tempfile::tempdir().unwrap();
    let session = ready_round(dir.path());
    let mut app = open(dir.path(), Lang::Ja, "ready");
    char_key(&mut app, 'r');
    char_key(&mut app, 's');
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("署名者"), "{text}");
    assert!(
        text.contains("Enter  決定"),
        "the picker chooses, not 移動:\n{text}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 160, 48);
    let (observations, findings) = sheets(&session);
    for expected in [
        "署名の確認".to_string(),
        "署名者: デジタル都市推進課長".to_string(),
        "封印する内容: 6 部署・168 セル（回答済 168）".to_string(),
        format!("所見 {observations} 件・指摘事項 {findings} 件"),
        "ダイジェストは署名の後に表示されます".to_string(),
        "y  署名".to_string(),
        "n  閉じる".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected}:\n{text}");
    }
    // Enter (which chose the signer) does not sign; n leaves it unsigned.
    key(&mut app, KeyCode::Enter);
    assert!(on_disk(dir.path(), "ready").signed.is_none());
    char_key(&mut app, 'n');
    assert!(!screen_text(&app, 80, 24).contains("署名の確認"));
    assert!(on_disk(dir.path(), "ready").signed.is_none());
    // Again, and y signs as the one chosen; the digest follows.
    char_key(&mut app, 's');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    char_key(&mut app, 'y');
    let signed = on_disk(dir.path(), "ready").signed.expect("signed");
    assert_eq!(signed.by, seed::LEAD);
    // The whole digest, to be copied onto paper, fits 80 columns.
    let text = screen_text(&app, 80, 24);
    assert!(text.contains(&signed.digest), "{text}");
    assert!(text.contains("署名済（デジタル都市推進課長、"), "{text}");
}

#[test]
fn a_round_that_names_no_one_says_who_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = seed::whole_round("nobody").unwrap();
    for (field, value) in [
        (FactField::Auditors, FactValue::Names(Vec::new())),
        (FactField::Lead, FactValue::Text(String::new())),
    ] {
        let change = session.set_fact(field, value).unwrap();
        seed::record(&mut session, change).unwrap();
    }
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let mut app = open(dir.path(), Lang::Ja, "nobody");
    char_key(&mut app, 'r');
    char_key(&mut app, 's');
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("署名できる人がいません"), "{text}");
    assert!(!text.contains("署名の確認"), "{text}");
    drop(app);

    // The command line: no empty brackets 「（）」.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kansa"))
        .env_remove("KANSA_DATA_DIR")
        .env_remove("KANSA_AUDITOR")
        .args(["--lang", "ja", "--data-dir"])
        .arg(dir.path())
        .args(["--as", "監査 花子", "sign", "nobody", "--by", "監査 花子"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("（）"), "{stderr}");
    assert!(
        stderr.contains("監査担当者も監査実施責任者も登録されていません"),
        "{stderr}"
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kansa"))
        .env_remove("KANSA_DATA_DIR")
        .env_remove("KANSA_AUDITOR")
        .args(["--lang", "en", "--data-dir"])
        .arg(dir.path())
        .args(["--as", "someone", "sign", "nobody", "--by", "someone"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("()"), "{stderr}");
    assert!(
        stderr.contains("names no auditors and no lead auditor"),
        "{stderr}"
    );
}

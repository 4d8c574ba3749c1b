//! One keymap: every key a view binds is refused as a mark key (with where it is
//! written), and the footers and help speak the session's own scale.

use std::path::Path;

use crate::screen::*;
use kansa::checklist::{BUNDLED, Checklist};
use kansa::error::Position;
use kansa::i18n::Lang;
use kansa::keymap::{self, Key};
use kansa::session::{AuditFacts, Session};
use kansa::store::Store;
use kansa::tui::App;

/// Every character some view binds, in every table.
fn bound_characters() -> Vec<char> {
    let mut chars: Vec<char> = keymap::ALL
        .iter()
        .flat_map(|table| table.iter())
        .flat_map(|binding| binding.keys.iter())
        .filter_map(|key| match key {
            Key::Char(c) => Some(*c),
            _ => None,
        })
        .collect();
    chars.sort();
    chars.dedup();
    chars
}

#[test]
fn validate_refuses_every_bound_key_as_a_mark_key_and_points_at_it() {
    let chars = bound_characters();
    for needed in ['f', 'a', 'w', 'q', 'm', 'u', '?', 'g', 'd', 'n'] {
        assert!(chars.contains(&needed), "{needed:?} is bound somewhere");
    }
    for c in chars {
        let written = format!("key: {c:?}");
        let text = BUNDLED.replacen("key: '3'", &written, 1);
        let error = Checklist::parse(&text, Path::new("c.ron")).unwrap_err();
        let offset = text.find(&written).unwrap() + "key: ".len();
        assert_eq!(
            error.position,
            Some(Position::of_offset(&text, offset)),
            "{c:?}: {error}"
        );
        assert!(error.to_string().contains(&format!("{c:?}")), "{error}");
    }
}

#[test]
fn the_binary_refuses_f_a_and_w_as_mark_keys_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for c in ['f', 'a', 'w'] {
        let path = dir.path().join(format!("{c}.ron"));
        let written = format!("key: '{c}'");
        let text = BUNDLED.replacen("key: '2'", &written, 1);
        std::fs::write(&path, &text).unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_kansa"))
            .args(["--lang", "en", "validate"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8(output.stderr).unwrap();
        let at = Position::of_offset(&text, text.find(&written).unwrap() + 5);
        let expected = format!("{}:{}:{}:", path.display(), at.line, at.column);
        assert!(stderr.contains(&expected), "{stderr}");
    }
}

/// A checklist with six marks, keys 1–5 and 0, one label long enough to wrap.
fn six_marks() -> Checklist {
    let scale = r#"scale: [
        (symbol: "A", ascii: "A", label: "適合", key: '1', meaning: Compliant),
        (symbol: "O", ascii: "O", label: "観察事項として記録した", key: '2', meaning: ImprovedUnderGuidance),
        (symbol: "R", ascii: "R", label: "推奨事項として記録した", key: '3', meaning: ImprovedUnderGuidance),
        (symbol: "m", ascii: "m", label: "軽微な不適合", key: '4', meaning: NeedsImprovement),
        (symbol: "M", ascii: "M", label: "重大な不適合", key: '5', meaning: NeedsImprovement),
        (symbol: "-", ascii: "-", label: "該当なし", key: '0', meaning: NotApplicable),
    ],"#;
    let start = BUNDLED.find("scale: [").unwrap();
    let end = start + BUNDLED[start..].find("],").unwrap() + 2;
    let text = format!("{}{scale}{}", &BUNDLED[..start], &BUNDLED[end..]);
    Checklist::parse(&text, Path::new("six.ron")).unwrap()
}

fn six_mark_app(dir: &Path, lang: Lang) -> App {
    let checklist = six_marks();
    let departments = checklist.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let facts = AuditFacts {
        title: "ISMS".into(),
        ..AuditFacts::default()
    };
    let session = Session::new("six".into(), checklist, departments, facts, now);
    Store::open(dir).unwrap().create(&session).unwrap();
    App::at_session(context(dir, lang), "six", None).unwrap()
}

#[test]
fn a_six_mark_scale_shows_its_own_keys_in_the_matrix_footer_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = six_mark_app(dir.path(), Lang::En);
    char_key(&mut app, 'm');
    let screen = screen_text(&app, 160, 48);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("1 2 3 4 5 0  mark"), "{footer}");
    assert!(!screen.contains("1 2 3 0 "), "{screen}");
    char_key(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    assert!(help.contains("1 2 3 4 5 0"), "{help}");
    assert!(help.contains("A → O → R → m → M → -"), "{help}");
    char_key(&mut app, 'q');
    char_key(&mut app, 'f');
    let filtered = screen_text(&app, 160, 48);
    assert!(filtered.lines().next().unwrap().contains("items with A"));
    let before = app.hearing().unwrap().session().answered_count();
    char_key(&mut app, '5');
    let after = app.hearing().unwrap().session().answered_count();
    assert_eq!(after, before + 1, "5 marks in the matrix");
}

#[test]
fn the_hearing_help_and_footer_follow_the_scale_in_japanese_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = six_mark_app(dir.path(), Lang::Ja);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("1 2 3 4 5 0  評価して次へ"), "{screen}");
    char_key(&mut app, '?');
    assert!(screen_text(&app, 80, 24).contains("1 2 3 4 5 0"));
}

#[test]
fn at_80_columns_the_scale_wraps_between_marks_never_inside_one() {
    let dir = tempfile::tempdir().unwrap();
    let checklist = six_marks();
    for lang in [Lang::Ja, Lang::En] {
        let app = six_mark_app(&dir.path().join(format!("{lang:?}")), lang);
        let screen = screen_text(&app, 80, 24);
        for mark in &checklist.scale {
            let whole = format!("{} {} {}", mark.key, mark.symbol, mark.label);
            assert!(
                screen.lines().any(|l| l.contains(&whole)),
                "{whole:?} is on one line:\n{screen}"
            );
        }
    }
}

#[test]
fn full_width_mark_keys_mark_as_their_ascii_forms() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "wide", "全角");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("保育")).unwrap();
    type_marks(&mut app, "１２３");
    let saved = on_disk(dir.path(), &id);
    let marks: Vec<_> = ["I-1", "I-2(1)", "I-2(2)"]
        .iter()
        .map(|i| saved.answer("保育", i).and_then(|a| a.mark.clone()))
        .collect();
    assert_eq!(
        marks,
        [Some("○".into()), Some("△".into()), Some("×".into())]
    );
    char_key(&mut app, 'ｍ');
    assert!(app.hearing().unwrap().is_showing_matrix(), "ｍ is m");
}

#[test]
fn keys_doc_is_made_from_the_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keys.md");
    let made = kansa::tui::keys_markdown();
    if std::env::var_os("UPDATE_KEYS_DOC").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &made).unwrap();
        return;
    }
    let written = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    assert!(
        written == made,
        "docs/keys.md is not what the key tables say; regenerate it with\n  \
         UPDATE_KEYS_DOC=1 cargo test --test tui keys_doc"
    );
}

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

/// Issue 22, point 8: opening a department directly lands on the first item that can
/// apply to it, as the hearing moves on, not on a cell set 対象外 by applicability.
#[test]
fn opening_a_department_skips_the_cells_that_cannot_apply() {
    let dir = tempfile::tempdir().unwrap();
    let file = "checklists/internal-audit-no-na.ron";
    let mut checklist = Checklist::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    checklist.areas[0].items[0].departments = vec!["市民課".into()];
    let departments = checklist.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let session = Session::new(
        "na".into(),
        checklist,
        departments,
        AuditFacts::default(),
        now,
    );
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let app = App::at_session(context(dir.path(), Lang::Ja), "na", Some("総務")).unwrap();
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("P-4"),
        "P-1 to P-3 cannot apply to 総務:\n{screen}"
    );
    assert!(!screen.contains("P-1 "), "{screen}");
}

/// Issue 22, point 8: a mark key on a cell that cannot apply asks first and says why;
/// n leaves the cell as it was, y gives the mark.
#[test]
fn marking_a_cell_that_cannot_apply_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_of(dir.path(), "checklists/internal-audit-no-na.ron", "outside");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("総務")).unwrap();
    // P-1, then → to P-2, which lists 市民課 and 税務課 only.
    key(&mut app, KeyCode::Right);
    char_key(&mut app, '3');
    let asked = screen_text(&app, 80, 24);
    assert!(asked.contains("該当しません"), "{asked}");
    char_key(&mut app, 'n');
    assert_eq!(
        on_disk(dir.path(), &id)
            .answer("総務", "P-2")
            .unwrap()
            .mark
            .as_deref(),
        Some("－")
    );
    char_key(&mut app, '3');
    char_key(&mut app, 'y');
    assert_eq!(
        on_disk(dir.path(), &id)
            .answer("総務", "P-2")
            .unwrap()
            .mark
            .as_deref(),
        Some("軽")
    );
}

/// Issue 22, point 2: the findings list and the help name the scale's own finding
/// marks, worst first, never the seed's 「△・×」.
#[test]
fn the_findings_list_and_help_name_the_scales_own_marks() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_of(dir.path(), "checklists/internal-audit-no-na.ron", "words");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("総務")).unwrap();
    char_key(&mut app, '4');
    char_key(&mut app, 'F');
    let list = screen_text(&app, 80, 24);
    assert!(list.contains("重・軽・観 とメモ"), "{list}");
    assert!(!list.contains("△"), "{list}");
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    assert!(help.contains("重・軽・観 のセルとメモ"), "{help}");
    // Points: × (severity 2) before △ (severity 1).
    let id = session_of(dir.path(), "checklists/self-diagnosis-points.ron", "points");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    char_key(&mut app, 'F');
    let list = screen_text(&app, 80, 24);
    assert!(list.contains("×・△ とメモ"), "{list}");
}

/// Issue 22, point 6: at 80 columns the hearing's header keeps the department's name
/// whole, gives way with the score's parts instead of drawing over the name, and says a
/// band read before every item is answered is provisional (暫定).
#[test]
fn the_hearing_header_fits_at_80_columns_and_says_provisional() {
    let dir = tempfile::tempdir().unwrap();
    let file = "checklists/self-diagnosis-points.ron";
    let mut checklist = Checklist::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    checklist.departments[0].name = "健康福祉部こども家庭支援課".into();
    checklist.departments[0].short = "こども家庭支援".into();
    let departments = checklist.departments.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2024-09-27T09:00:00+09:00").unwrap();
    let session = Session::new(
        "long".into(),
        checklist,
        departments,
        AuditFacts::default(),
        now,
    );
    Store::open(dir.path()).unwrap().create(&session).unwrap();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), "long", None).unwrap();
    type_text(&mut app, "11124");
    for width in [80, 160] {
        let screen = screen_text(&app, width, 24);
        let header = screen.lines().nth(1).unwrap();
        assert!(
            header.contains(" 健康福祉部こども家庭支援課（こども家庭支援）"),
            "{width}: {header}"
        );
        assert!(header.contains("得点 13/"), "{width}: {header}");
        assert!(header.contains("/25"), "{width}: {header}");
        if width == 160 {
            assert!(header.contains("暫定 早急な改善が必要"), "{header}");
        }
    }
}

/// Issue 22, point 7: the matrix's per-item count columns stand under their headings,
/// whatever the glyphs' widths: the heading's last cell is the figure's.
#[test]
fn the_matrix_counts_stand_under_their_headings() {
    for file in [
        "checklists/isms-severity.ron",
        "checklists/self-diagnosis-points.ron",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let id = session_of(dir.path(), file, "columns");
        let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
        char_key(&mut app, 'm');
        for (width, height) in [(80, 24), (160, 48)] {
            let screen = screen_text(&app, width, height);
            let lines: Vec<&str> = screen.lines().collect();
            let cells = |line: &str| -> Vec<(usize, char)> {
                let mut at = 0;
                let mut out = Vec::new();
                for c in line.chars() {
                    let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    out.push((at + w - 1, c));
                    at += w;
                }
                out
            };
            let header = cells(lines[1]);
            let row = cells(lines[3]);
            // The figures at the row's end, and the headings' last cells above them.
            let figures: Vec<usize> = row
                .iter()
                .rev()
                .filter(|(_, c)| c.is_ascii_digit())
                .take(3)
                .map(|(x, _)| *x)
                .collect();
            for x in figures {
                let above = header.iter().find(|(at, _)| *at == x);
                assert!(
                    above.is_some_and(|(_, c)| *c != ' '),
                    "{file} {width}: a figure at {x} has no heading above\n{screen}"
                );
            }
        }
    }
}

/// Issue 22, point 3: the findings list comes worst first on a graded scale, and names
/// each failing mark's severity by its label.
#[test]
fn the_findings_list_comes_worst_first() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_of(dir.path(), "checklists/internal-audit-no-na.ron", "order");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, Some("市民")).unwrap();
    // P-1 観察事項, P-2 重大な不適合 (asks for a note: Esc leaves it empty).
    char_key(&mut app, '4');
    char_key(&mut app, '2');
    key(&mut app, KeyCode::Esc);
    char_key(&mut app, 'F');
    let list = screen_text(&app, 160, 48);
    let at = |text: &str| list.find(text).unwrap_or_else(|| panic!("{text}:\n{list}"));
    assert!(at("P-2 ") < at("P-1 "), "{list}");
    assert!(list.contains("重 重大な不適合"), "{list}");
}

/// Issue 22, point 3: the matrix's mark filter goes through the failing marks worst
/// first (a self-diagnosis declares △ 1 and × 2: × comes first) and its title names the
/// severity; the help's chain follows the same order.
#[test]
fn the_mark_filter_goes_worst_first_and_names_the_severity() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = points_app(dir.path(), Lang::Ja);
    char_key(&mut app, 'm');
    char_key(&mut app, 'f');
    let first = screen_text(&app, 160, 48);
    assert!(first.contains("○ のある項目"), "{first}");
    char_key(&mut app, 'f');
    let second = screen_text(&app, 160, 48);
    assert!(
        second.contains("×（実施していない） のある項目"),
        "{second}"
    );
    char_key(&mut app, 'f');
    let third = screen_text(&app, 160, 48);
    assert!(
        third.contains("△（一部実施している） のある項目"),
        "{third}"
    );
    char_key(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    assert!(help.contains("○ → × → △ → ？"), "{help}");
}

//! The results matrix: the seed round fully marked in every display mode and
//! language, the large audit scrolled to its far corner, alignment when marks are
//! drawn two cells wide, editing in place, filters, and the text form (`kansa show`).

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::marks::MarksDisplay;
use kansa::store::Store;
use kansa::tui::{App, Input};
use ratatui::buffer::CellDiffOption;
use ratatui::crossterm::event::KeyCode;

const MODES: [(MarksDisplay, &str); 3] = [
    (MarksDisplay::Narrow, "narrow"),
    (MarksDisplay::Wide, "wide"),
    (MarksDisplay::Ascii, "ascii"),
];

/// The seed round with every mark entered, showing the matrix.
fn seed_matrix(dir: &std::path::Path, lang: Lang, display: MarksDisplay) -> App {
    let id = new_session(dir, "seed", "令和6年度（上半期）情報セキュリティ内部監査");
    let mut context = context(dir, lang);
    context.marks = display;
    let mut app = App::at_session(context, &id, None).unwrap();
    enter_seed_round(&mut app);
    char_key(&mut app, 'm');
    app
}

#[test]
fn the_seed_round_in_every_mode_language_and_size() {
    for lang in [Lang::Ja, Lang::En] {
        for (display, mode) in MODES {
            let dir = tempfile::tempdir().unwrap();
            let app = seed_matrix(dir.path(), lang, display);
            for (width, height) in [(80, 24), (200, 50)] {
                let lang = if lang == Lang::Ja { "ja" } else { "en" };
                let name = format!("seed_{mode}_{lang}_{width}x{height}");
                insta::assert_snapshot!(name, screen_text(&app, width, height));
            }
        }
    }
}

#[test]
fn entering_the_seeds_marks_gives_back_its_table() {
    let dir = tempfile::tempdir().unwrap();
    let app = seed_matrix(dir.path(), Lang::Ja, MarksDisplay::Narrow);
    let session = app.hearing().unwrap().session();
    for (hearing, keys) in session.hearings.iter().zip(SEED_KEYS) {
        let marks: String = session
            .checklist
            .items()
            .map(|(_, item)| {
                let symbol = hearing.answers[&item.id].mark.clone().unwrap();
                session.checklist.mark(&symbol).unwrap().key
            })
            .collect();
        assert_eq!(marks, keys, "{}", hearing.department.name);
    }
}

#[test]
fn the_large_audit_scrolled_to_its_bottom_right_corner() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .create(&kansa::sample::large_session(300, 60, 0))
        .unwrap();
    let mut app = App::at_session(context(dir.path(), Lang::Ja), "large", None).unwrap();
    char_key(&mut app, 'm');
    key(&mut app, KeyCode::End);
    insta::assert_snapshot!("large_bottom_right_160x48", screen_text(&app, 160, 48));
    let text = screen_text(&app, 160, 48);
    let last = &app.hearing().unwrap().session().hearings[59]
        .department
        .short;
    assert!(
        text.contains(last.as_str()),
        "the last department is in view:\n{text}"
    );
}

/// For each row, the display column at which each buffer cell starts in a terminal
/// that draws ambiguous-width characters two cells wide, as Japanese terminals do.
fn wide_terminal_columns(app: &App, width: u16, height: u16) -> Vec<Vec<usize>> {
    let buffer = frame_buffer(app, width, height);
    (0..height)
        .map(|y| {
            let mut column = 0;
            let mut starts = Vec::new();
            let mut covered = 0;
            for x in 0..width {
                starts.push(column);
                let cell = &buffer[(x, y)];
                if cell.diff_option == CellDiffOption::Skip {
                    continue;
                }
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                let drawn = MarksDisplay::Wide.width(cell.symbol()).max(1);
                let counted = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
                covered = counted - 1;
                column += drawn;
            }
            starts
        })
        .collect()
}

/// The x of each department column in the header row (where its short name starts).
fn department_columns(app: &App, width: u16) -> Vec<u16> {
    let session = app.hearing().unwrap().session();
    let terminal = draw(app, width, 24);
    let buffer = terminal.backend().buffer();
    let header_y = (0..24)
        .find(|y| buffer[(0, *y)].symbol() == "監")
        .expect("the header row");
    session
        .hearings
        .iter()
        .filter_map(|h| {
            let first = h.department.short.chars().next().unwrap().to_string();
            (0..width).find(|x| {
                buffer[(*x, header_y)].symbol() == first
                    && (*x == 0 || buffer[(*x - 1, header_y)].symbol() == " ")
            })
        })
        .collect()
}

fn misaligned_rows(app: &App, width: u16) -> usize {
    let columns = department_columns(app, width);
    assert_eq!(
        columns.len(),
        6,
        "all six departments fit in {width} columns"
    );
    let rows = wide_terminal_columns(app, width, 24);
    let buffer = frame_buffer(app, width, 24);
    let expected: Vec<usize> = columns.iter().map(|x| rows[1][*x as usize]).collect();
    // Rows of cells: a blank before every column (area headings run across them).
    let cell_rows =
        (1..24u16).filter(|y| columns.iter().all(|x| buffer[(*x - 1, *y)].symbol() == " "));
    cell_rows
        .filter(|y| {
            columns
                .iter()
                .map(|x| rows[*y as usize][*x as usize])
                .collect::<Vec<_>>()
                != expected
        })
        .count()
}

#[test]
fn wide_mode_keeps_every_column_on_the_same_cell_when_marks_are_two_cells_wide() {
    let dir = tempfile::tempdir().unwrap();
    let app = seed_matrix(dir.path(), Lang::Ja, MarksDisplay::Wide);
    assert_eq!(misaligned_rows(&app, 100), 0);
}

#[test]
fn narrow_mode_would_shift_in_such_a_terminal_which_is_why_wide_mode_exists() {
    let dir = tempfile::tempdir().unwrap();
    let app = seed_matrix(dir.path(), Lang::Ja, MarksDisplay::Narrow);
    assert!(misaligned_rows(&app, 100) > 10, "the check can fail");
}

#[test]
fn marks_are_set_in_place_and_enter_opens_the_hearing_at_that_cell() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "edit", "編集");
    let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
    char_key(&mut app, 'm');
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Down);
    char_key(&mut app, '3');
    let saved = Store::open(dir.path()).unwrap().load(&id).unwrap();
    assert_eq!(
        saved
            .answer("防災", "I-2(1)")
            .and_then(|a| a.mark.as_deref()),
        Some("×")
    );
    assert!(
        app.hearing().unwrap().is_showing_matrix(),
        "a mark key keeps the matrix"
    );
    key(&mut app, KeyCode::Enter);
    assert!(!app.hearing().unwrap().is_showing_matrix());
    assert_eq!(
        app.hearing().unwrap().position(),
        ("防災".to_string(), "I-2(1)".to_string())
    );
}

#[test]
fn filters_show_items_with_a_mark_unanswered_items_or_one_area() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seed_matrix(dir.path(), Lang::Ja, MarksDisplay::Narrow);
    for _ in 0..3 {
        char_key(&mut app, 'f');
    }
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("× のある項目"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("I-") || l.starts_with("II") || l.starts_with("IV"))
        .collect();
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.contains('-'))
        .collect();
    assert_eq!(ids, ["I-2(2)", "I-3", "I-5(2)", "III-7"], "{text}");
    char_key(&mut app, 'f');
    char_key(&mut app, 'f');
    let text = screen_text(&app, 120, 40);
    assert!(
        text.contains("条件に合う項目はありません"),
        "nothing is unanswered:\n{text}"
    );
    char_key(&mut app, 'f');
    for _ in 0..4 {
        char_key(&mut app, 'a');
    }
    let text = screen_text(&app, 120, 40);
    assert!(
        text.contains("領域 IV") && text.contains("IV-6") && !text.contains("I-1 "),
        "{text}"
    );
}

#[test]
fn a_change_in_the_hearing_shows_in_the_matrix_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "live", "即時");
    let mut app = App::at_session(context(dir.path(), Lang::En), &id, Some("保育")).unwrap();
    type_marks(&mut app, "3");
    char_key(&mut app, 'm');
    let text = screen_text(&app, 100, 30);
    let row = text.lines().find(|l| l.starts_with("I-1 ")).unwrap();
    assert!(row.contains('×'), "{row}");
}

#[test]
fn the_marks_display_key_cycles_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seed_matrix(dir.path(), Lang::En, MarksDisplay::Narrow);
    char_key(&mut app, 'w');
    assert!(screen_text(&app, 100, 30).contains("marks: wide"));
    char_key(&mut app, 'w');
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("marks: ASCII") && text.contains(" o ") && !text.contains('○'),
        "{text}"
    );
    let saved = kansa::settings::Settings::load(dir.path()).unwrap();
    assert_eq!(saved.marks, MarksDisplay::Ascii);
}

#[test]
fn no_size_breaks_the_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let app = seed_matrix(dir.path(), Lang::Ja, MarksDisplay::Wide);
    for width in (1..=120).step_by(7) {
        for height in (1..=40).step_by(3) {
            draw(&app, width, height);
        }
    }
}

/// The table and the totals under it, header to progress row, as a screen shows them.
fn table_rows(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().position(|l| l.starts_with("監査項目"));
    let progress = lines.iter().position(|l| l.starts_with("進捗"));
    let (Some(header), Some(progress)) = (header, progress) else {
        panic!("no table:\n{text}");
    };
    lines[header..=progress]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// The counts are kept as changes come in, not counted at each frame: through marks
/// set in place, a department switched in the hearing, undo, and in a read-only copy
/// that follows the writer, they read as a screen that counted the file afresh.
#[test]
fn counts_stay_right_through_marks_a_department_switch_undo_and_following() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), "counts", "集計");
    let open = || {
        let mut app = App::at_session(context(dir.path(), Lang::Ja), &id, None).unwrap();
        char_key(&mut app, 'm');
        app
    };
    let shown = |app: &App| table_rows(&screen_text(app, 200, 50));
    // Read-only while `live` holds the session: counted from the file as it is now.
    let afresh = || shown(&open());
    let mut live = open();
    let mut follower = open();
    let before = shown(&live);
    assert_eq!(shown(&follower), before);

    key(&mut live, KeyCode::Right);
    key(&mut live, KeyCode::Down);
    char_key(&mut live, '3');
    key(&mut live, KeyCode::Right);
    char_key(&mut live, '1');
    let marked = shown(&live);
    assert_ne!(marked, before, "the marks show in the counts");
    assert_eq!(marked, afresh(), "marks set in place");

    key(&mut live, KeyCode::Enter);
    char_key(&mut live, 'd');
    key(&mut live, KeyCode::Home);
    for _ in 0..4 {
        key(&mut live, KeyCode::Down);
    }
    key(&mut live, KeyCode::Enter);
    type_marks(&mut live, "133");
    char_key(&mut live, 'm');
    assert_eq!(live.hearing().unwrap().position().0, "保育");
    assert_eq!(shown(&live), afresh(), "marks in another department");

    char_key(&mut live, 'u');
    let undone = shown(&live);
    assert_eq!(undone, afresh(), "undo");
    assert_ne!(undone, marked);

    assert_eq!(shown(&follower), before, "not followed yet");
    follower.handle(Input::Tick);
    assert_eq!(shown(&follower), undone, "the follower's counts follow");
}

//! The key tables' own rules: full-width keys fold, no key does two things in a view,
//! the keys views bind are never mark keys, and every table has its name.

use super::*;

#[test]
fn full_width_keys_fold_to_ascii() {
    assert_eq!(Key::char('２'), Key::Char('2'));
    assert_eq!(Key::char('ｑ'), Key::Char('q'));
    assert_eq!(Key::char('？'), Key::Char('?'));
    assert_eq!(Key::char('\u{3000}'), Key::Char(' '));
    assert_eq!(Key::char('監'), Key::Char('監'));
}

#[test]
fn view_keys_are_bound_and_marks_are_not() {
    for c in ['f', 'a', 'w', 'q', 'm', 'u', 'g', 'd', '?', ' ', 'ｆ'] {
        assert!(is_bound(c), "{c:?}");
    }
    for c in ['1', '2', '3', '0', '5', 'x'] {
        assert!(!is_bound(c), "{c:?}");
    }
}

#[test]
fn the_record_screens_keys_can_be_no_mark_keys() {
    for c in ['o', 'r', 'H', 'i', '/', 'F', 's', 'R', 'n', 'ｏ'] {
        assert!(is_bound(c), "{c:?}");
    }
    for table in [ITEM, MATRIX] {
        assert_eq!(lookup(table, Key::Char('o')), Some(Action::OpenSheet));
        assert_eq!(lookup(table, Key::Char('r')), Some(Action::OpenReview));
    }
}

#[test]
fn e_exports_from_the_hearing_and_the_matrix() {
    for table in [ITEM, MATRIX] {
        assert_eq!(lookup(table, Key::Char('e')), Some(Action::Export));
    }
}

#[test]
fn the_named_tables_are_every_table() {
    // Consts have no address of their own: compare what they hold.
    let same = |a: &[Binding], b: &[Binding]| format!("{a:?}") == format!("{b:?}");
    assert_eq!(NAMED.len(), ALL.len() + 1);
    for table in ALL.iter().chain([&APP]) {
        assert!(NAMED.iter().any(|(_, t)| same(t, table)));
    }
}

#[test]
fn no_key_does_two_things_in_one_view() {
    for table in ALL {
        let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(key), "{key:?} twice");
        }
    }
}

#[test]
fn every_view_of_a_session_reopens_with_r_and_a_signed_round_allows_nothing_else_that_writes() {
    for table in [ITEM, MATRIX, SHEET, REVIEW, HISTORY, FACTS, FOLLOWUPS] {
        assert_eq!(lookup(table, Key::Char('R')), Some(Action::Reopen));
    }
    assert!(Action::Reopen.allowed_when_signed());
    assert!(Action::Export.allowed_when_signed());
    use Action::*;
    for action in [
        MarkAndNext,
        MarkCell,
        EditNote,
        Undo,
        Redo,
        Edit,
        Sign,
        AcceptSelf,
    ] {
        assert!(!action.allowed_when_signed(), "{action:?}");
    }
}

#[test]
fn only_y_signs_in_the_seal_and_every_text_field_clears() {
    assert_eq!(lookup(SEAL, Key::Char('y')), Some(Action::Sign));
    assert_eq!(lookup(SEAL, Key::Enter), None);
    assert_eq!(lookup(EDITOR, Key::CtrlU), Some(Action::ClearLine));
    assert_eq!(lookup(EDITOR, Key::CtrlL), Some(Action::ClearField));
    for table in [PICKER, SIGNER, EXPORT, PROMPT, PATH, RENAME, FORM, WHO] {
        assert_eq!(lookup(table, Key::CtrlU), Some(Action::ClearField));
        assert_eq!(lookup(table, Key::CtrlL), Some(Action::ClearField));
    }
}

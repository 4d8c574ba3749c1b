//! Random keys at random terminal sizes: the screens never panic, and after every key
//! the answers on disk are the answers on screen.

use crate::screen::*;
use kansa::i18n::Lang;
use kansa::store::Store;
use kansa::tui::{App, Input};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn any_key() -> impl Strategy<Value = Input> {
    let code = prop_oneof![
        4 => prop::sample::select(vec!['0', '1', '2', '3', '4', '9']).prop_map(KeyCode::Char),
        2 => prop::sample::select(vec!['g', 'd', 'u', '?', 'h', 'l', 'j', 'k', 'n', ' ', 'q', 'm']).prop_map(KeyCode::Char),
        1 => prop::sample::select(vec!['監', '査', 'ア', 'x', '、', '😀']).prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down, KeyCode::Enter, KeyCode::Esc,
            KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Home, KeyCode::End,
            KeyCode::PageUp, KeyCode::PageDown, KeyCode::Delete,
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    prop_oneof![
        20 => (code, modifiers).prop_map(|(c, m)| Input::Key(KeyEvent::new(c, m))),
        1 => Just(Input::Tick),
        1 => "[a-zあ-ん\n]{0,12}".prop_map(Input::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn keys_never_panic_and_the_disk_follows_the_screen(
        from_list in any::<bool>(),
        keys in prop::collection::vec((any_key(), 1u16..=200, 1u16..=60), 1..120),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let id = new_session(dir.path(), "prop", "性質");
        let context = context(dir.path(), Lang::Ja);
        let mut app = if from_list { App::at_list(context) } else { App::at_session(context, &id, None).unwrap() };
        for (input, width, height) in keys {
            app.handle(input);
            if app.quit {
                break;
            }
            draw(&app, width, height);
            if let Some(hearing) = app.hearing() {
                let shown = hearing.session();
                let saved = Store::open(dir.path()).and_then(|s| s.load(&shown.id)).unwrap();
                prop_assert_eq!(&saved.hearings, &shown.hearings);
            }
        }
    }
}

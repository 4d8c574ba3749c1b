//! The terminal's edge: a terminal event becomes `Input`, and a key event the `Key`
//! the tables (`keymap`) know. What a key does is only ever looked up in a table.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::keymap::{self, Action, Binding, Key};

use super::context::Input;

/// What a terminal event asks of the app, if anything. Only a key's press acts:
/// Windows reports every release too, which would act a second time (a mark key would
/// mark two items). A held key arrives as repeated presses there; `Repeat` comes only
/// with the kitty keyboard flags, which kansa never pushes (text an IME commits arrives
/// garbled under them).
pub fn input_of(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(Input::Key(key)),
        Event::Paste(text) => Some(Input::Paste(text)),
        _ => None,
    }
}

/// The key a table knows for a terminal key event: characters folded from full width,
/// Ctrl-C, Ctrl-U, Ctrl-L and Ctrl-Z, nothing for other Ctrl or Alt combinations (no
/// table binds them; a text field takes them as they are).
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        return match event.code {
            KeyCode::Char('c') => Some(Key::CtrlC),
            KeyCode::Char('u') => Some(Key::CtrlU),
            KeyCode::Char('l') => Some(Key::CtrlL),
            KeyCode::Char('z') => Some(Key::CtrlZ),
            _ => None,
        };
    }
    if event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    Some(match event.code {
        KeyCode::Char(c) => Key::char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// The action `table` binds to a key event, if any.
pub fn action_of(table: &[Binding], event: &KeyEvent) -> Option<Action> {
    key_of(event).and_then(|key| keymap::lookup(table, key))
}

/// True for the Ctrl keys `key_of` passes on: no view says they do nothing.
pub fn is_ctrl(key: Key) -> bool {
    matches!(key, Key::CtrlC | Key::CtrlU | Key::CtrlL | Key::CtrlZ)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    #[test]
    fn only_a_key_press_becomes_input() {
        let key = |kind| {
            Event::Key(KeyEvent {
                code: KeyCode::Char('1'),
                modifiers: KeyModifiers::NONE,
                kind,
                state: KeyEventState::NONE,
            })
        };
        let pressed = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE);
        assert_eq!(
            input_of(key(KeyEventKind::Press)),
            Some(Input::Key(pressed))
        );
        // What Windows Terminal and conhost send when the key comes up.
        assert_eq!(input_of(key(KeyEventKind::Release)), None);
        assert_eq!(input_of(key(KeyEventKind::Repeat)), None);
        assert_eq!(
            input_of(Event::Paste("鍵".into())),
            Some(Input::Paste("鍵".into()))
        );
        assert_eq!(input_of(Event::FocusGained), None);
    }

    #[test]
    fn ctrl_c_and_ctrl_u_are_keys_and_other_ctrl_keys_are_not() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(key_of(&ctrl('c')), Some(Key::CtrlC));
        assert_eq!(key_of(&ctrl('u')), Some(Key::CtrlU));
        assert_eq!(key_of(&ctrl('l')), Some(Key::CtrlL));
        assert_eq!(key_of(&ctrl('z')), Some(Key::CtrlZ));
        assert_eq!(key_of(&ctrl('a')), None);
        let full_width = KeyEvent::new(KeyCode::Char('ｍ'), KeyModifiers::NONE);
        assert_eq!(key_of(&full_width), Some(Key::Char('m')));
        assert_eq!(action_of(keymap::APP, &ctrl('c')), Some(Action::Quit));
    }
}

//! The multi-line text editor of notes (and, later, of 所見): Japanese input composes
//! at its cursor, paste keeps line breaks, and `Esc` leaves it keeping what was typed.
//! Also what every text field does with the clearing keys (`Ctrl-U` the line, `Ctrl-L`
//! the whole field).

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::widgets::Block;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::keymap::{self, Action};

use super::{keys, widgets};

pub struct Editor {
    area: TextArea<'static>,
}

/// What a key did in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    Typed,
    /// Leave the editor.
    Closed,
}

impl Editor {
    /// An editor holding `text`, its cursor at the end, titled `title`.
    pub fn new(text: &str, title: &str) -> Editor {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::new());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        area.set_block(Block::bordered().title(format!(" {title} ")).bold());
        Editor { area }
    }

    /// A key: `EDITOR`'s close leaves (the text is kept by whoever opened it), its
    /// clearing keys clear (`Ctrl-Z` takes that back); a new line and every other key
    /// go to the text.
    pub fn handle(&mut self, event: &KeyEvent) -> Edited {
        let action = keys::action_of(keymap::EDITOR, event);
        if clear(&mut self.area, action) {
            return Edited::Typed;
        }
        match action {
            Some(Action::CloseEditor) => Edited::Closed,
            Some(Action::UndoTyping) => {
                self.area.undo();
                Edited::Typed
            }
            // `NewLine` (Enter) and every other key: the text area takes them as typed.
            _ => {
                self.area.input(*event);
                Edited::Typed
            }
        }
    }

    /// Inserts pasted text. Most terminals send line ends as CR; they stay line breaks.
    pub fn paste(&mut self, text: &str) {
        self.area
            .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Draws the editor with the terminal cursor at its cursor, for the input method.
    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        widgets::text_area(frame, &self.area, area, true);
    }
}

/// Carries out a clearing action on a text field: `ClearLine` empties the line the
/// cursor is on, `ClearField` the whole field. False for any other action (or none).
pub fn clear(area: &mut TextArea<'static>, action: Option<Action>) -> bool {
    match action {
        Some(Action::ClearLine) => {
            let row = area.cursor().0;
            // An empty line stays: deleting "to its end" would join the next line.
            if area.lines().get(row).is_some_and(|line| !line.is_empty()) {
                area.move_cursor(CursorMove::Head);
                area.delete_line_by_end();
            }
            true
        }
        Some(Action::ClearField) => {
            area.select_all();
            area.cut();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn ctrl_u_clears_the_line_ctrl_l_the_field_and_ctrl_z_takes_it_back() {
        let mut editor = Editor::new("一行目\n二行目の文\n三行目", "メモ");
        editor.area.move_cursor(CursorMove::Up);
        assert_eq!(editor.handle(&ctrl('u')), Edited::Typed);
        assert_eq!(editor.text(), "一行目\n\n三行目");
        editor.handle(&ctrl('u'));
        assert_eq!(editor.text(), "一行目\n\n三行目", "an empty line stays");
        editor.handle(&ctrl('z'));
        assert_eq!(editor.text(), "一行目\n二行目の文\n三行目");
        editor.handle(&ctrl('l'));
        assert_eq!(editor.text(), "");
        editor.handle(&ctrl('z'));
        assert_eq!(editor.text(), "一行目\n二行目の文\n三行目");
    }
}

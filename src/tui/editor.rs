//! The multi-line text editor of notes (and, later, of 所見): Japanese input composes
//! at its cursor, paste keeps line breaks, and `Esc` leaves it keeping what was typed.

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

    /// A key: `EDITOR`'s close leaves (the text is kept by whoever opened it); a new
    /// line and every other key go to the text.
    pub fn handle(&mut self, event: &KeyEvent) -> Edited {
        match keys::action_of(keymap::EDITOR, event) {
            Some(Action::CloseEditor) => Edited::Closed,
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

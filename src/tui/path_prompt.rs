//! A one-line prompt for a file's path (a department's returned self-check workbook, a
//! file to attach as evidence),
//! typed or pasted, in a pop-up with the terminal cursor where the input method needs it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::evidence::Where;
use crate::keymap::{self, Action};

use super::{editor, keys, widgets};

/// What a key did to a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompted {
    Typing,
    /// Enter: what was typed is the answer.
    Done,
    /// Esc: no answer.
    Closed,
}

#[derive(Default)]
pub struct PathPrompt {
    input: TextArea<'static>,
    /// The file is to be attached as evidence here; None: a self-check workbook.
    pub attach_to: Option<Where>,
}

impl PathPrompt {
    /// A prompt for a file to attach as evidence at `at`.
    pub fn attaching(at: Where) -> PathPrompt {
        PathPrompt {
            attach_to: Some(at),
            ..PathPrompt::default()
        }
    }

    /// A key, through `PROMPT`: Enter gives the path, Esc leaves, any other types.
    pub fn handle(&mut self, event: &KeyEvent) -> Prompted {
        let action = keys::action_of(keymap::PROMPT, event);
        if editor::clear(&mut self.input, action) {
            return Prompted::Typing;
        }
        match action {
            Some(Action::Confirm) => Prompted::Done,
            Some(Action::Close) => Prompted::Closed,
            _ => {
                self.input.input(*event);
                Prompted::Typing
            }
        }
    }

    /// Pasted text, a path dragged from a file manager included (quotes removed).
    pub fn paste(&mut self, text: &str) {
        let text = text.trim().trim_matches(['\'', '"']);
        self.input.insert_str(text.replace(['\r', '\n'], ""));
    }

    pub fn path(&self) -> String {
        self.input.lines().join("").trim().to_string()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, title: &str) {
        let inner = widgets::popup(frame, area, area.width.min(72), 3, title);
        widgets::text_area(frame, &self.input, inner, true);
    }
}

//! What a mark asks of the auditor right after it is given: the answer fields its
//! scale names (確認日, 目標日, 担当者), one after another; and, for a gate item whose new
//! answer would make answered items not apply, whether to clear them first.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::session::Session;

use super::path_prompt::Prompted;
use super::{editor, keys, widgets};

/// The answer fields still to be asked for one cell.
pub struct FieldPrompt {
    pub department: String,
    pub item: String,
    /// Field ids and labels, in the order the mark asks for them.
    fields: Vec<(String, String)>,
    at: usize,
    input: TextArea<'static>,
}

impl FieldPrompt {
    /// The prompt for the fields `asks` names, when the checklist defines any of them.
    pub fn new(session: &Session, department: &str, item: &str, asks: &[String]) -> Option<Self> {
        let fields: Vec<(String, String)> = asks
            .iter()
            .filter_map(|id| session.checklist.field(id))
            .map(|f| (f.id.clone(), f.label.clone()))
            .collect();
        let mut prompt = FieldPrompt {
            department: department.to_string(),
            item: item.to_string(),
            fields,
            at: 0,
            input: TextArea::default(),
        };
        if prompt.fields.is_empty() {
            return None;
        }
        prompt.load(session);
        Some(prompt)
    }

    /// Puts the field's current value in the input, to be kept or changed.
    fn load(&mut self, session: &Session) {
        let value = self
            .field()
            .and_then(|(id, _)| session.answer(&self.department, &self.item)?.fields.get(id))
            .cloned()
            .unwrap_or_default();
        self.input = TextArea::new(vec![value]);
        self.input.set_cursor_line_style(Style::new());
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
    }

    /// The field being asked: its id and label.
    pub fn field(&self) -> Option<&(String, String)> {
        self.fields.get(self.at)
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ").trim().to_string()
    }

    /// A key, through `PROMPT`: Enter answers the field, Esc leaves the rest unasked,
    /// any other types.
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

    pub fn paste(&mut self, text: &str) {
        self.input.insert_str(text.replace(['\r', '\n'], " "));
    }

    /// Goes on to the next field; false when there is none.
    pub fn advance(&mut self, session: &Session) -> bool {
        self.at += 1;
        if self.field().is_some() {
            self.load(session);
            true
        } else {
            false
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let Some((_, label)) = self.field() else {
            return;
        };
        let title = (t.field_prompt)(label, &self.item);
        let inner = widgets::popup(frame, area, area.width.min(60), 3, &title);
        widgets::text_area(frame, &self.input, inner, true);
    }
}

//! Who is working, asked once: before the first session is opened by someone who has
//! not named themself (`--as`, `KANSA_AUDITOR`), choose from the round's people or type
//! a name. The choice is remembered in the data directory; history and locks use it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{List, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::session::Session;

use super::context::Input;
use super::{editor, help, keys, widgets};

pub struct WhoScreen {
    /// The round's auditors and 監査実施責任者; the row after them types a name.
    names: Vec<String>,
    state: ListState,
    other: TextArea<'static>,
    /// The session to open once chosen: id, department, matrix.
    pub then: (String, Option<String>, bool),
}

/// What the person did on this screen.
pub enum Chose {
    Nothing,
    Name(String),
    Back,
}

impl WhoScreen {
    pub fn new(session: &Session, then: (String, Option<String>, bool)) -> WhoScreen {
        let facts = &session.facts;
        let mut names: Vec<String> = facts.auditors.clone();
        names.push(facts.lead.clone());
        names.retain(|n| !n.trim().is_empty());
        names.dedup();
        let mut other = TextArea::default();
        other.set_cursor_line_style(Style::new());
        WhoScreen {
            names,
            state: ListState::default().with_selected(Some(0)),
            other,
            then,
        }
    }

    fn typing(&self) -> bool {
        self.state.selected().unwrap_or(0) >= self.names.len()
    }

    pub fn handle(&mut self, input: &Input) -> Chose {
        match input {
            Input::Paste(text) if self.typing() => {
                self.other.insert_str(text.replace(['\r', '\n'], " "));
                Chose::Nothing
            }
            Input::Key(event) => self.on_key(event),
            _ => Chose::Nothing,
        }
    }

    fn on_key(&mut self, event: &KeyEvent) -> Chose {
        let at = self.state.selected().unwrap_or(0);
        let action = keys::action_of(keymap::WHO, event);
        if self.typing() && editor::clear(&mut self.other, action) {
            return Chose::Nothing;
        }
        match action {
            Some(Action::SelectUp) => self.state.select(Some(at.saturating_sub(1))),
            Some(Action::SelectDown) => self.state.select(Some((at + 1).min(self.names.len()))),
            Some(Action::Choose) => {
                let name = match self.names.get(at) {
                    Some(name) => name.clone(),
                    None => self.other.lines().join(" ").trim().to_string(),
                };
                if !name.is_empty() {
                    return Chose::Name(name);
                }
            }
            Some(Action::Back) => return Chose::Back,
            _ if self.typing() => {
                self.other.input(*event);
            }
            _ => {}
        }
        Chose::Nothing
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let footer = help::footer(keymap::WHO, t, None, area.width);
        let [title, question, list, other, footer_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(self.names.len() as u16),
            Constraint::Min(1),
            Constraint::Length(footer.len() as u16),
        ])
        .areas(area);
        frame.render_widget(widgets::title_bar(format!(" {}", t.who_title)), title);
        let question_text = Paragraph::new(t.who_question).wrap(Wrap { trim: true });
        frame.render_widget(question_text, question);
        let rows: Vec<Line> = self.names.iter().map(|n| Line::from(n.as_str())).collect();
        let list_widget = List::new(rows)
            .highlight_style(Style::new().reversed().bold())
            .highlight_symbol("▶ ");
        let mut state = self.state;
        frame.render_stateful_widget(list_widget, list, &mut state);
        let [label, field] = Layout::horizontal([Constraint::Length(24), Constraint::Fill(1)])
            .areas(Rect { height: 1, ..other });
        let style = if self.typing() {
            Style::new().reversed().bold()
        } else {
            Style::new().bold()
        };
        frame.render_widget(
            Paragraph::new(format!("  {}", t.who_other)).style(style),
            label,
        );
        widgets::text_area(frame, &self.other, field, self.typing());
        frame.render_widget(Paragraph::new(footer), footer_area);
    }
}

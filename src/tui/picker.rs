//! A pop-up list to choose from (departments, items): arrows move, Enter chooses.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{List, ListState};

use super::widgets;

pub struct Picker {
    pub selected: usize,
    len: usize,
}

pub enum Picked {
    Nothing,
    Chosen(usize),
    Closed,
}

impl Picker {
    pub fn new(selected: usize, len: usize) -> Picker {
        Picker {
            selected: selected.min(len.saturating_sub(1)),
            len,
        }
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Picked {
        let last = self.len.saturating_sub(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = last,
            KeyCode::Enter if self.len > 0 => return Picked::Chosen(self.selected),
            KeyCode::Esc | KeyCode::Char('q') => return Picked::Closed,
            _ => {}
        }
        Picked::Nothing
    }

    /// Draws `rows` in a pop-up over `area`, the selected row highlighted.
    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        title: &str,
        rows: Vec<Line<'_>>,
        keys: &[(&str, &str)],
    ) {
        let widest = rows
            .iter()
            .map(Line::width)
            .max()
            .unwrap_or(0)
            .max(title.len() + 4);
        let width = (widest as u16 + 4).min(area.width);
        let hints = widgets::key_hints(keys.iter().copied(), width.saturating_sub(2));
        let height = rows.len() as u16 + hints.len() as u16 + 2;
        let inner = widgets::popup(frame, area, width, height, title);
        let [list_area, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(hints.len() as u16)])
                .areas(inner);
        let list = List::new(rows)
            .highlight_style(Style::new().reversed().bold())
            .highlight_symbol("▶ ");
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(list, list_area, &mut state);
        frame.render_widget(ratatui::widgets::Paragraph::new(hints), hint_area);
    }
}

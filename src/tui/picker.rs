//! A pop-up list to choose from (departments, items): arrows move, Enter chooses.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{List, ListState, Paragraph};

use crate::i18n::Strings;
use crate::keymap::{self, Action, Key};

use super::{help, widgets};

pub struct Picker {
    /// The selection and the scroll offset, kept from one frame to the next.
    state: ListState,
    len: usize,
}

pub enum Picked {
    Nothing,
    Chosen(usize),
    Closed,
}

/// Rows a page key moves.
const PAGE: usize = 10;

impl Picker {
    pub fn new(selected: usize, len: usize) -> Picker {
        let selected = selected.min(len.saturating_sub(1));
        Picker {
            state: ListState::default().with_selected(Some(selected)),
            len,
        }
    }

    fn selected(&self) -> usize {
        self.state.selected().unwrap_or(0)
    }

    pub fn handle(&mut self, key: Key) -> Picked {
        let last = self.len.saturating_sub(1);
        let at = self.selected();
        let to = match keymap::lookup(keymap::PICKER, key) {
            Some(Action::SelectUp) => at.saturating_sub(1),
            Some(Action::SelectDown) => (at + 1).min(last),
            Some(Action::PageUp) => at.saturating_sub(PAGE),
            Some(Action::PageDown) => (at + PAGE).min(last),
            Some(Action::TopLeft) => 0,
            Some(Action::BottomRight) => last,
            Some(Action::Choose) if self.len > 0 => return Picked::Chosen(at),
            Some(Action::Close) => return Picked::Closed,
            _ => at,
        };
        self.state.select(Some(to));
        Picked::Nothing
    }

    /// Scrolls as little as needed to keep the selection in view in the list that
    /// `draw` would show over `area`.
    pub fn follow(&mut self, area: Rect, title: &str, rows: &[Line], t: &Strings) {
        let (_, list_height, _) = geometry(area, title, rows, t);
        let height = usize::from(list_height.max(1));
        let (at, offset) = (self.selected(), self.state.offset());
        let offset = if at < offset {
            at
        } else if at >= offset + height {
            at + 1 - height
        } else {
            offset
        };
        *self.state.offset_mut() = offset;
    }

    /// Draws `rows` in a pop-up over `area`, the selected row highlighted.
    pub fn draw(&self, frame: &mut Frame, area: Rect, title: &str, rows: Vec<Line>, t: &Strings) {
        let (popup, _, hints) = geometry(area, title, &rows, t);
        let inner = widgets::popup(frame, area, popup.width, popup.height, title);
        let [list_area, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(hints.len() as u16)])
                .areas(inner);
        let list = List::new(rows)
            .highlight_style(Style::new().reversed().bold())
            .highlight_symbol("▶ ");
        // `follow` has already scrolled the kept state; rendering a copy leaves it be.
        let mut state = self.state;
        frame.render_stateful_widget(list, list_area, &mut state);
        frame.render_widget(Paragraph::new(hints), hint_area);
    }
}

/// The pop-up's size, the rows its list shows and its key hints, for `rows` over `area`.
fn geometry(
    area: Rect,
    title: &str,
    rows: &[Line],
    t: &Strings,
) -> (Rect, u16, Vec<Line<'static>>) {
    let widest = rows
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(0)
        .max(title.len() + 4);
    let width = (widest as u16 + 4).min(area.width);
    let hints = help::footer(keymap::PICKER, t, None, width.saturating_sub(2));
    let wanted = rows.len() as u16 + hints.len() as u16 + 2;
    let height = wanted.min(area.height);
    let list = height.saturating_sub(2 + hints.len() as u16);
    let popup = Rect {
        width,
        height,
        ..area
    };
    (popup, list, hints)
}

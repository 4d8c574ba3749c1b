//! A pop-up list to choose from (departments, items, signers): typing filters it by
//! name (Japanese included), arrows move, Enter chooses, Ctrl-U clears the filter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{List, ListState, Paragraph};

use crate::i18n::Strings;
use crate::keymap::{self, Action, Binding, Key};

use super::{help, widgets};

pub struct Picker {
    /// What typing matches against, one per row.
    names: Vec<String>,
    filter: String,
    /// The rows the filter lets through, by index into `names`.
    shown: Vec<usize>,
    /// The selection among `shown` and the scroll offset, kept between frames.
    state: ListState,
    /// Its keys: `PICKER`, or `SIGNER` for who signs off.
    table: &'static [Binding],
}

pub enum Picked {
    Nothing,
    /// The row chosen, by its index before filtering.
    Chosen(usize),
    Closed,
}

/// Rows a page key moves.
const PAGE: usize = 10;

impl Picker {
    /// A picker over rows named `names`, on row `selected`.
    pub fn new(selected: usize, names: Vec<String>) -> Picker {
        let shown: Vec<usize> = (0..names.len()).collect();
        let selected = selected.min(names.len().saturating_sub(1));
        Picker {
            names,
            filter: String::new(),
            shown,
            state: ListState::default().with_selected(Some(selected)),
            table: keymap::PICKER,
        }
    }

    /// The picker with the keys (and footer) of `table` instead of `PICKER`'s.
    pub fn with_keys(self, table: &'static [Binding]) -> Picker {
        Picker { table, ..self }
    }

    fn selected(&self) -> usize {
        self.state.selected().unwrap_or(0)
    }

    pub fn handle(&mut self, key: Key) -> Picked {
        let last = self.shown.len().saturating_sub(1);
        let at = self.selected();
        let to = match (keymap::lookup(self.table, key), key) {
            (Some(Action::SelectUp), _) => at.saturating_sub(1),
            (Some(Action::SelectDown), _) => (at + 1).min(last),
            (Some(Action::PageUp), _) => at.saturating_sub(PAGE),
            (Some(Action::PageDown), _) => (at + PAGE).min(last),
            (Some(Action::TopLeft), _) => 0,
            (Some(Action::BottomRight), _) => last,
            (Some(Action::Choose | Action::Confirm), _) => {
                return match self.shown.get(at) {
                    Some(row) => Picked::Chosen(*row),
                    None => Picked::Nothing,
                };
            }
            (Some(Action::Close), _) => return Picked::Closed,
            (Some(Action::ClearField), _) => self.refilter(String::clear),
            (_, Key::Char(c)) => self.refilter(|f| f.push(c)),
            (_, Key::Backspace) => self.refilter(|f| {
                f.pop();
            }),
            _ => at,
        };
        self.state.select(Some(to));
        Picked::Nothing
    }

    /// Changes the filter and keeps the rows it matches; the selection goes to the first.
    fn refilter(&mut self, change: impl FnOnce(&mut String)) -> usize {
        change(&mut self.filter);
        let wanted = self.filter.to_lowercase();
        self.shown = (0..self.names.len())
            .filter(|&i| self.names[i].to_lowercase().contains(&wanted))
            .collect();
        *self.state.offset_mut() = 0;
        0
    }

    /// The rows the filter lets through.
    fn visible<'a>(&self, rows: Vec<Line<'a>>) -> Vec<Line<'a>> {
        let mut rows: Vec<Option<Line>> = rows.into_iter().map(Some).collect();
        self.shown
            .iter()
            .filter_map(|&i| rows.get_mut(i).and_then(Option::take))
            .collect()
    }

    /// Scrolls as little as needed to keep the selection in view in the list that
    /// `draw` would show over `area`.
    pub fn follow(&mut self, area: Rect, title: &str, rows: Vec<Line>, t: &Strings) {
        let rows = self.visible(rows);
        let (_, list_height, _) = geometry(area, (title, self.table), &rows, t);
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

    /// Draws `rows` (all of them: the filter is applied here) in a pop-up over `area`,
    /// the filter on top and the selected row highlighted.
    pub fn draw(&self, frame: &mut Frame, area: Rect, title: &str, rows: Vec<Line>, t: &Strings) {
        let rows = self.visible(rows);
        let (popup, _, hints) = geometry(area, (title, self.table), &rows, t);
        let inner = widgets::popup(frame, area, popup.width, popup.height, title);
        let [filter_area, list_area, hint_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(hints.len() as u16),
        ])
        .areas(inner);
        let filter = format!("{}: {}", t.picker_filter, self.filter);
        frame.render_widget(Paragraph::new(filter).dim(), filter_area);
        let list = List::new(rows)
            .highlight_style(Style::new().reversed().bold())
            .highlight_symbol("▶ ");
        // `follow` has already scrolled the kept state; rendering a copy leaves it be.
        let mut state = self.state;
        frame.render_stateful_widget(list, list_area, &mut state);
        frame.render_widget(Paragraph::new(hints), hint_area);
    }
}

/// The pop-up's size, the rows its list shows and its key hints (from `table`), for
/// `rows` over `area`.
fn geometry(
    area: Rect,
    (title, table): (&str, &[Binding]),
    rows: &[Line],
    t: &Strings,
) -> (Rect, u16, Vec<Line<'static>>) {
    let widest = rows
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(0)
        .max(title.len() + 4)
        .max(24);
    let width = (widest as u16 + 4).min(area.width);
    let hints = help::footer(table, t, None, width.saturating_sub(2));
    let chrome = hints.len() as u16 + 3;
    let height = (rows.len() as u16 + chrome).min(area.height);
    let list = height.saturating_sub(chrome);
    let popup = Rect {
        width,
        height,
        ..area
    };
    (popup, list, hints)
}

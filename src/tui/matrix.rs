//! The live matrix (結果一覧): items down, departments across, a cell cursor, counts
//! per item and per department, filters, and marks drawn narrow, wide or in ASCII.
//! The item column, the header and the department counts stay put while it scrolls.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use crate::checklist::Item;
use crate::i18n::{Strings, fill};
use crate::marks::MarksDisplay;
use crate::matrix::{self, Filter, NOTE, UNANSWERED};
use crate::session::Session;

use super::widgets;

pub struct MatrixView {
    /// The cursor: an item (index in checklist order) and a department.
    pub item: usize,
    pub department: usize,
    pub filter: Filter,
    /// Where the view was scrolled to when last drawn; kept so the view does not jump.
    top: Cell<usize>,
    left: Cell<usize>,
    page: Cell<usize>,
}

/// What a key in the matrix asks the hearing screen to do.
pub enum MatrixAction {
    Stay,
    Mark(char),
    Hearing,
    Quit,
    CycleMarks,
    Undo,
    Help,
}

/// A row of the body: an area heading or an item (indices in checklist order).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Area(usize),
    Item(usize),
}

impl MatrixView {
    pub fn new(item: usize, department: usize) -> MatrixView {
        MatrixView {
            item,
            department,
            filter: Filter::default(),
            top: Cell::new(0),
            left: Cell::new(0),
            page: Cell::new(10),
        }
    }

    pub fn handle(&mut self, key: &KeyEvent, session: &Session) -> MatrixAction {
        let items = self.items(session);
        let at = items.iter().position(|i| *i == self.item).unwrap_or(0);
        let last_department = session.hearings.len().saturating_sub(1);
        let go = |delta: isize| {
            items
                .get(
                    at.saturating_add_signed(delta)
                        .min(items.len().saturating_sub(1)),
                )
                .copied()
        };
        match key.code {
            KeyCode::Char(c) if session.checklist.mark_for_key(c).is_some() => {
                return MatrixAction::Mark(c);
            }
            KeyCode::Up | KeyCode::Char('k') => self.item = go(-1).unwrap_or(self.item),
            KeyCode::Down | KeyCode::Char('j') => self.item = go(1).unwrap_or(self.item),
            KeyCode::PageUp => self.item = go(-(self.page.get() as isize)).unwrap_or(self.item),
            KeyCode::PageDown => self.item = go(self.page.get() as isize).unwrap_or(self.item),
            KeyCode::Left | KeyCode::Char('h') => {
                self.department = self.department.saturating_sub(1)
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.department = (self.department + 1).min(last_department)
            }
            KeyCode::Home => {
                self.item = items.first().copied().unwrap_or(self.item);
                self.department = 0;
            }
            KeyCode::End => {
                self.item = items.last().copied().unwrap_or(self.item);
                self.department = last_department;
            }
            KeyCode::Char('f') => self.cycle_mark_filter(session),
            KeyCode::Char('a') => self.cycle_area(session),
            KeyCode::Char('w') => return MatrixAction::CycleMarks,
            KeyCode::Char('u') => return MatrixAction::Undo,
            KeyCode::Char('?') => return MatrixAction::Help,
            KeyCode::Enter | KeyCode::Esc | KeyCode::Char('m') => return MatrixAction::Hearing,
            KeyCode::Char('q') => return MatrixAction::Quit,
            _ => {}
        }
        MatrixAction::Stay
    }

    /// All items → items with each mark of the scale → items not fully answered → all.
    fn cycle_mark_filter(&mut self, session: &Session) {
        let scale = &session.checklist.scale;
        let (mark, unanswered) = match (&self.filter.mark, self.filter.unanswered) {
            (None, false) => (scale.first().map(|m| m.symbol.clone()), scale.is_empty()),
            (Some(symbol), _) => match scale.iter().position(|m| &m.symbol == symbol) {
                Some(i) if i + 1 < scale.len() => (Some(scale[i + 1].symbol.clone()), false),
                _ => (None, true),
            },
            (None, true) => (None, false),
        };
        self.filter.mark = mark;
        self.filter.unanswered = unanswered;
        self.keep_cursor_visible(session);
    }

    fn cycle_area(&mut self, session: &Session) {
        let areas = &session.checklist.areas;
        let next = match &self.filter.area {
            None => areas.first(),
            Some(id) => areas.iter().skip_while(|a| &a.id != id).nth(1),
        };
        self.filter.area = next.map(|a| a.id.clone());
        self.keep_cursor_visible(session);
    }

    fn keep_cursor_visible(&mut self, session: &Session) {
        let items = self.items(session);
        if !items.contains(&self.item)
            && let Some(first) = items.first()
        {
            self.item = *first;
        }
    }

    /// The items the filter lets through, by index in checklist order.
    fn items(&self, session: &Session) -> Vec<usize> {
        self.rows(session)
            .into_iter()
            .filter_map(|r| if let Row::Item(i) = r { Some(i) } else { None })
            .collect()
    }

    fn rows(&self, session: &Session) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut index = 0;
        for (a, area) in session.checklist.areas.iter().enumerate() {
            let first = rows.len();
            for item in &area.items {
                if self.filter.passes(session, &area.id, item) {
                    rows.push(Row::Item(index));
                }
                index += 1;
            }
            if rows.len() > first {
                rows.insert(first, Row::Area(a));
            }
        }
        rows
    }

    fn describe_filter(&self, t: &Strings) -> String {
        let mut parts = Vec::new();
        if let Some(mark) = &self.filter.mark {
            parts.push(fill(t.filter_mark, &[mark]));
        }
        if self.filter.unanswered {
            parts.push(t.filter_unanswered.to_string());
        }
        if let Some(area) = &self.filter.area {
            parts.push(fill(t.filter_area, &[area]));
        }
        parts.join(" · ")
    }

    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        session: &Session,
        t: &Strings,
        display: MarksDisplay,
    ) {
        let hints = widgets::key_hints(t.matrix_keys.iter().copied(), area.width);
        let totals = session.checklist.scale.len() as u16 + 2;
        let totals = if area.height >= totals + hints.len() as u16 + 6 {
            totals
        } else {
            0
        };
        let [title, table, foot, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(totals),
            Constraint::Length(hints.len() as u16),
        ])
        .areas(area);
        let display_name = match display {
            MarksDisplay::Narrow => t.marks_narrow,
            MarksDisplay::Wide => t.marks_wide,
            MarksDisplay::Ascii => t.marks_ascii,
        };
        let heading = format!(
            " {}  {}   {}   {}",
            t.matrix,
            session.facts.title,
            self.describe_filter(t),
            display_name
        );
        frame.render_widget(widgets::title_bar(heading), title);
        let layout = Columns::new(
            session,
            table.union(foot),
            display,
            self.department,
            &self.left,
        );
        self.draw_table(frame.buffer_mut(), table, session, &layout, t);
        layout.draw_totals(frame.buffer_mut(), foot, session, t);
        frame.render_widget(Paragraph::new(hints), footer);
    }

    fn draw_table(
        &self,
        buf: &mut Buffer,
        area: Rect,
        session: &Session,
        layout: &Columns,
        t: &Strings,
    ) {
        if area.height == 0 {
            return;
        }
        layout.draw_header(buf, Rect { height: 1, ..area }, session, t);
        let body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let rows = self.rows(session);
        if rows.is_empty() {
            buf.set_string(body.x, body.y, t.no_items, Style::new().italic());
            return;
        }
        let cursor = rows
            .iter()
            .position(|r| *r == Row::Item(self.item))
            .unwrap_or(0);
        let height = body.height as usize;
        self.page.set(height.saturating_sub(1).max(1));
        let top = scroll_to(self.top.get(), cursor, height, rows.len());
        // Show the area heading above the first item when there is room.
        let top = if top == cursor && top > 0 && cursor + 1 < top + height {
            top - 1
        } else {
            top
        };
        self.top.set(top);
        let items: Vec<(&str, &Item)> = session
            .checklist
            .items()
            .map(|(a, i)| (a.id.as_str(), i))
            .collect();
        for (offset, row) in rows.iter().skip(top).take(height).enumerate() {
            let y = body.y + offset as u16;
            match *row {
                Row::Area(a) => {
                    let area_row = &session.checklist.areas[a];
                    let text = format!("{} {}", area_row.id, area_row.title);
                    layout.put(
                        buf,
                        body.x,
                        y,
                        &text,
                        body.width as usize,
                        Style::new().bold().dim(),
                    );
                }
                Row::Item(i) => {
                    let selected = (i == self.item).then_some(self.department);
                    layout.draw_item(buf, y, session, items[i].1, selected);
                }
            }
        }
    }
}

/// Keeps `cursor` within the `height` rows shown from `top`, moving as little as it can.
fn scroll_to(top: usize, cursor: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let top = top.min(len.saturating_sub(height));
    if cursor < top {
        cursor
    } else if cursor >= top + height {
        cursor + 1 - height
    } else {
        top
    }
}

/// Where each column goes across the screen for this size and display.
struct Columns {
    display: MarksDisplay,
    item_width: usize,
    /// The widest item id, so that item texts start in one column.
    id_width: usize,
    /// Visible columns: a department index or a per-item count (index into scale, or
    /// the scale's length for unanswered), with its x and width.
    visible: Vec<(Column, u16, usize)>,
    left_x: u16,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Department(usize),
    Count(usize),
}

impl Columns {
    fn new(
        session: &Session,
        area: Rect,
        display: MarksDisplay,
        cursor: usize,
        left: &Cell<usize>,
    ) -> Columns {
        let scale = &session.checklist.scale;
        let glyph = scale
            .iter()
            .map(|m| display.width(display.glyph(m)))
            .max()
            .unwrap_or(1);
        let cell = glyph + display.width(NOTE);
        let mut all: Vec<(Column, usize)> = session
            .hearings
            .iter()
            .enumerate()
            .map(|(d, h)| {
                (
                    Column::Department(d),
                    display.width(&h.department.short).max(cell),
                )
            })
            .collect();
        all.extend((0..=scale.len()).map(|i| (Column::Count(i), 3)));
        let item_width = (area.width as usize / 3)
            .clamp(12, 40)
            .min(area.width as usize);
        let room = (area.width as usize).saturating_sub(item_width + 1);
        // At the last department, bring the per-item counts after it into view too.
        let target = if cursor + 1 >= session.hearings.len() {
            all.len() - 1
        } else {
            cursor
        };
        let first = fit_left(left.get(), target, &all, room);
        left.set(first);
        let mut visible = Vec::new();
        let mut x = area.x as usize + item_width + 1;
        for (column, width) in all.into_iter().skip(first) {
            if x + width > area.right() as usize {
                break;
            }
            visible.push((column, x as u16, width));
            x += width + 1;
        }
        let id_width = matrix::id_width(session, display);
        Columns {
            display,
            item_width,
            id_width,
            visible,
            left_x: area.x,
        }
    }

    /// Writes `text` from (x, y) in at most `width` cells. In wide mode a character the
    /// terminal draws wider than ratatui thinks gets the next cell marked skip, so the
    /// terminal's glyph keeps it and the cells after stay where they belong.
    fn put(&self, buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
        let text = matrix::truncate(text, width, self.display);
        let mut x = x as usize;
        for c in text.chars() {
            let (shown, counted) = (
                self.display.char_width(c),
                unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
            );
            if let Some(cell) = buf.cell_mut((x as u16, y)) {
                cell.set_char(c).set_style(style);
            }
            for extra in counted.max(1)..shown {
                if let Some(cell) = buf.cell_mut(((x + extra) as u16, y)) {
                    cell.set_symbol(" ").set_diff_option(CellDiffOption::Skip);
                }
            }
            for covered in 1..counted.min(shown.max(1)) {
                if let Some(cell) = buf.cell_mut(((x + covered) as u16, y)) {
                    cell.reset();
                }
            }
            x += shown.max(counted);
        }
    }

    fn draw_header(&self, buf: &mut Buffer, area: Rect, session: &Session, t: &Strings) {
        let style = Style::new().bold().underlined();
        self.put(
            buf,
            self.left_x,
            area.y,
            t.matrix_item,
            self.item_width,
            style,
        );
        for &(column, x, width) in &self.visible {
            let label = match column {
                Column::Department(d) => session.hearings[d].department.short.clone(),
                Column::Count(i) => self.count_label(session, i),
            };
            self.put(buf, x, area.y, &label, width, style);
        }
    }

    fn count_label(&self, session: &Session, index: usize) -> String {
        session
            .checklist
            .scale
            .get(index)
            .map_or(UNANSWERED.to_string(), |m| {
                self.display.glyph(m).to_string()
            })
    }

    fn draw_item(
        &self,
        buf: &mut Buffer,
        y: u16,
        session: &Session,
        item: &Item,
        selected: Option<usize>,
    ) {
        let label = format!(
            "{} {}",
            self.display.pad(&item.id, self.id_width),
            item.text
        );
        let row_style = if selected.is_some() {
            Style::new().bold()
        } else {
            Style::new()
        };
        self.put(buf, self.left_x, y, &label, self.item_width, row_style);
        let count = matrix::item_count(session, item);
        for &(column, x, width) in &self.visible {
            match column {
                Column::Department(d) => {
                    let mut style = self.cell_style(session, d, item);
                    if selected == Some(d) {
                        style = style.reversed();
                        for dx in 0..width as u16 {
                            if let Some(cell) = buf.cell_mut((x + dx, y)) {
                                cell.set_style(Style::new().reversed());
                            }
                        }
                    }
                    self.put(
                        buf,
                        x,
                        y,
                        &matrix::cell_text(session, d, item, self.display),
                        width,
                        style,
                    );
                }
                Column::Count(i) => {
                    let n = count.marks.get(i).copied().unwrap_or(count.unanswered);
                    self.put(buf, x, y, &format!("{n:>3}"), width, Style::new().dim());
                }
            }
        }
    }

    fn cell_style(&self, session: &Session, department: usize, item: &Item) -> Style {
        let answer = session.hearings[department].answers.get(&item.id);
        let mark = answer
            .and_then(|a| a.mark.as_deref())
            .and_then(|s| session.checklist.mark(s));
        match mark {
            None => Style::new().dim(),
            Some(m) if answer.is_some_and(|a| a.by_applicability) => {
                widgets::mark_style(m.meaning).dim()
            }
            Some(m) => widgets::mark_style(m.meaning).bold(),
        }
    }

    /// Per department: the count of each mark, of unanswered cells, and the progress.
    fn draw_totals(&self, buf: &mut Buffer, area: Rect, session: &Session, t: &Strings) {
        if area.height == 0 {
            return;
        }
        let counts: Vec<matrix::Count> = (0..session.hearings.len())
            .map(|d| matrix::department_count(session, d))
            .collect();
        let scale = &session.checklist.scale;
        let labels = scale
            .iter()
            .map(|m| format!("{} {}", self.display.glyph(m), m.label))
            .chain([
                format!("{UNANSWERED} {}", t.unanswered),
                t.progress.to_string(),
            ]);
        for (row, label) in labels.enumerate().take(area.height as usize) {
            let y = area.y + row as u16;
            self.put(
                buf,
                self.left_x,
                y,
                &label,
                self.item_width,
                Style::new().dim(),
            );
            for &(column, x, width) in &self.visible {
                let Column::Department(d) = column else {
                    continue;
                };
                let count = &counts[d];
                let value = match row {
                    r if r < scale.len() => count.marks[r].to_string(),
                    r if r == scale.len() => count.unanswered.to_string(),
                    _ => format!("{}%", count.percent()),
                };
                self.put(buf, x, y, &value, width, Style::new());
            }
        }
    }
}

/// The first column to show so that `cursor` fits in `room` cells, scrolling as little
/// as possible from `left`.
fn fit_left(left: usize, cursor: usize, columns: &[(Column, usize)], room: usize) -> usize {
    let width =
        |from: usize, to: usize| columns[from..=to].iter().map(|(_, w)| w + 1).sum::<usize>();
    let cursor = cursor.min(columns.len().saturating_sub(1));
    let mut first = left.min(cursor);
    while first < cursor && width(first, cursor) > room {
        first += 1;
    }
    first
}

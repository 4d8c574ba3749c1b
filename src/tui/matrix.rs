//! The live matrix (結果一覧): items down, departments across, the session's cursor
//! as a cell, counts per item and per department, filters, and marks drawn narrow,
//! wide or in ASCII. The item column, the header and the department counts stay put
//! while it scrolls; where it is scrolled to is view state, kept by `follow` from the
//! last frame's size, so drawing only reads.

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use crate::checklist::{Item, Mark, Meaning};
use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::marks::MarksDisplay;
use crate::matrix::{self, COUNT_WIDTH};
use crate::results::{Filter, Score};
use crate::rounds::{self, Trend};
use crate::session::Session;
use crate::store::Doc;

use super::session::Cursor;
use super::{Context, help, widgets};

#[derive(Default)]
pub struct MatrixView {
    pub filter: Filter,
    /// Each cell shows the department's own mark, then the audit's.
    pub self_view: bool,
    /// Each cell shows last round's mark before this one's, and how it moved.
    pub compare: bool,
    /// The first body row and the first column shown when last followed; kept so that
    /// the view moves as little as it must.
    top: usize,
    left: usize,
    /// Rows a page key moves: the body's height at the last frame.
    page: usize,
}

/// What the matrix shows of itself in an area: the first row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Viewport {
    top: usize,
    left: usize,
    page: usize,
}

/// A row of the body: an area heading or an item (indices in checklist order).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Area(usize),
    Item(usize),
}

/// The parts of the matrix's area: title, table, per-department totals, key hints.
struct Regions {
    title: Rect,
    table: Rect,
    foot: Rect,
    /// The focused cell in full: item text, mark, note, department.
    detail: Rect,
    footer: Rect,
    hints: Vec<ratatui::text::Line<'static>>,
}

impl Regions {
    fn new(area: Rect, session: &Session, t: &Strings, reader: help::Reader) -> Regions {
        let scale = reader
            .writable
            .then_some(session.checklist.scale.as_slice());
        let hints = help::footer_for(keymap::MATRIX, t, scale, area.width, reader);
        let scored = u16::from(session.checklist.has_points());
        let totals = session.checklist.scale.len() as u16 + 2 + scored;
        let totals = if area.height >= totals + hints.len() as u16 + 6 {
            totals
        } else {
            0
        };
        let detail = if area.height >= totals + hints.len() as u16 + 8 {
            super::detail::HEIGHT
        } else {
            0
        };
        let [title, table, foot, detail, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(totals),
            Constraint::Length(detail),
            Constraint::Length(hints.len() as u16),
        ])
        .areas(area);
        Regions {
            title,
            table,
            foot,
            detail,
            footer,
            hints,
        }
    }
}

impl MatrixView {
    /// Moves the cursor or changes the filter, as a matrix key asks.
    pub fn apply(&mut self, action: Action, cursor: &mut Cursor, session: &Session) {
        let items = self.items(session);
        let at = items.iter().position(|i| *i == cursor.item).unwrap_or(0);
        let last_department = session.hearings.len().saturating_sub(1);
        let go = |delta: isize| {
            let to = at
                .saturating_add_signed(delta)
                .min(items.len().saturating_sub(1));
            items.get(to).copied().unwrap_or(cursor.item)
        };
        let page = self.page.max(1) as isize;
        match action {
            Action::CellUp => cursor.item = go(-1),
            Action::CellDown => cursor.item = go(1),
            Action::PageUp => cursor.item = go(-page),
            Action::PageDown => cursor.item = go(page),
            Action::CellLeft => cursor.department = cursor.department.saturating_sub(1),
            Action::CellRight => cursor.department = (cursor.department + 1).min(last_department),
            Action::TopLeft => {
                cursor.item = items.first().copied().unwrap_or(cursor.item);
                cursor.department = 0;
            }
            Action::BottomRight => {
                cursor.item = items.last().copied().unwrap_or(cursor.item);
                cursor.department = last_department;
            }
            Action::FilterMark => self.cycle_mark_filter(session, cursor),
            Action::FilterArea => self.cycle_area(session, cursor),
            Action::ToggleCompare => self.compare = !self.compare,
            _ => {}
        }
    }

    /// All items → items with each mark of the scale → items not fully answered → all.
    fn cycle_mark_filter(&mut self, session: &Session, cursor: &mut Cursor) {
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
        self.keep_cursor_visible(session, cursor);
    }

    fn cycle_area(&mut self, session: &Session, cursor: &mut Cursor) {
        let areas = &session.checklist.areas;
        let next = match &self.filter.area {
            None => areas.first(),
            Some(id) => areas.iter().skip_while(|a| &a.id != id).nth(1),
        };
        self.filter.area = next.map(|a| a.id.clone());
        self.keep_cursor_visible(session, cursor);
    }

    fn keep_cursor_visible(&self, session: &Session, cursor: &mut Cursor) {
        let items = self.items(session);
        if !items.contains(&cursor.item)
            && let Some(first) = items.first()
        {
            cursor.item = *first;
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
            parts.push((t.filter_mark)(mark));
        }
        if self.filter.unanswered {
            parts.push(t.filter_unanswered.to_string());
        }
        if let Some(area) = &self.filter.area {
            parts.push((t.filter_area)(area));
        }
        parts.join(" · ")
    }

    /// Scrolls, as little as it must, so that the cursor is in view in `area`.
    pub fn follow(
        &mut self,
        session: &Session,
        cursor: Cursor,
        area: Rect,
        t: &Strings,
        display: MarksDisplay,
        reader: help::Reader,
    ) {
        let regions = Regions::new(area, session, t, reader);
        let viewport = self.viewport(session, cursor, &regions, display);
        (self.top, self.left, self.page) = (viewport.top, viewport.left, viewport.page);
    }

    /// Where the view is scrolled to in these regions: from the kept position, moved
    /// just enough to show the cursor.
    fn viewport(
        &self,
        session: &Session,
        cursor: Cursor,
        regions: &Regions,
        display: MarksDisplay,
    ) -> Viewport {
        let rows = self.rows(session);
        let at = rows
            .iter()
            .position(|r| *r == Row::Item(cursor.item))
            .unwrap_or(0);
        let height = regions.table.height.saturating_sub(1) as usize;
        let top = scroll_to(self.top, at, height, rows.len());
        // Show the area heading above the first item when there is room.
        let top = if top == at && top > 0 && at + 1 < top + height {
            top - 1
        } else {
            top
        };
        let area = regions.table.union(regions.foot);
        let left = Placed::first_column(session, area, display, cursor.department, self.left);
        Viewport {
            top,
            left,
            page: height.saturating_sub(1).max(1),
        }
    }

    /// Draws the matrix of `doc`'s session, its cells and counts from `doc`'s tally:
    /// only the rows and columns in view are looked at.
    pub fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        doc: &Doc,
        cursor: Cursor,
        context: &Context,
        reader: help::Reader,
    ) {
        let (t, display) = (context.t, context.marks);
        let session = doc.session();
        let regions = Regions::new(area, session, t, reader);
        let display_name = match display {
            MarksDisplay::Narrow => t.marks_narrow,
            MarksDisplay::Wide => t.marks_wide,
            MarksDisplay::Ascii => t.marks_ascii,
        };
        let mode = if self.self_view { t.matrix_self } else { "" };
        let compare = match self.compare {
            true => t.rounds.compare_legend,
            false => "",
        };
        let heading = format!(
            " {}  {}   {}   {}   {mode}{compare}",
            t.matrix,
            session.facts.title,
            self.describe_filter(t),
            display_name
        );
        frame.render_widget(widgets::title_bar(heading), regions.title);
        let viewport = self.viewport(session, cursor, &regions, display);
        let layout = Placed::new(
            session,
            regions.table.union(regions.foot),
            display,
            viewport.left,
        );
        let mut layout = Placed {
            self_view: self.self_view,
            ..layout
        };
        layout.compare = self.compare;
        let buf = frame.buffer_mut();
        self.draw_table(buf, regions.table, doc, &layout, cursor, viewport.top, t);
        layout.draw_totals(buf, regions.foot, doc, t);
        super::detail::draw(frame, regions.detail, session, cursor, context);
        frame.render_widget(Paragraph::new(regions.hints), regions.footer);
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_table(
        &self,
        buf: &mut Buffer,
        area: Rect,
        doc: &Doc,
        layout: &Placed,
        cursor: Cursor,
        top: usize,
        t: &Strings,
    ) {
        if area.height == 0 {
            return;
        }
        let session = doc.session();
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
        let items: Vec<&Item> = session.checklist.items().map(|(_, i)| i).collect();
        let shown = rows.iter().skip(top).take(body.height as usize);
        for (offset, row) in shown.enumerate() {
            let y = body.y + offset as u16;
            match *row {
                Row::Area(a) => {
                    let Some(heading) = session.checklist.areas.get(a) else {
                        continue;
                    };
                    let text = format!("{} {}", heading.id, heading.title);
                    let style = Style::new().bold().dim();
                    layout.put(buf, body.x, y, &text, body.width as usize, style);
                }
                Row::Item(i) => {
                    let selected = (i == cursor.item).then_some(cursor.department);
                    if let Some(item) = items.get(i) {
                        layout.draw_item(buf, y, doc, (i, item), selected);
                    }
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

/// Where each column goes across the screen for this size and display: the shared
/// `matrix::Columns` widths, placed from the first column scrolled to.
struct Placed {
    columns: matrix::Columns,
    item_width: usize,
    /// Visible columns: a department index or a per-item count (index into scale, or
    /// the scale's length for unanswered), with its x and width.
    visible: Vec<(Column, u16, usize)>,
    left_x: u16,
    self_view: bool,
    /// Cells compare with last round (`MatrixView::compare`).
    compare: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Department(usize),
    Count(usize),
}

impl Placed {
    /// Every column in order with its width: departments, then the per-item counts.
    fn all(session: &Session, columns: &matrix::Columns) -> Vec<(Column, usize)> {
        let departments = columns.departments.iter().enumerate();
        let mut all: Vec<(Column, usize)> = departments
            .map(|(d, w)| (Column::Department(d), *w))
            .collect();
        let counts = 0..=session.checklist.scale.len();
        all.extend(counts.map(|i| (Column::Count(i), COUNT_WIDTH)));
        all
    }

    /// The item column takes what the other columns leave; when they do not all fit
    /// (and the matrix scrolls across), a third of the width.
    fn item_width(all: &[(Column, usize)], area: Rect) -> usize {
        let width = area.width as usize;
        let columns: usize = all.iter().map(|(_, w)| w + 1).sum();
        let least = (width / 3).clamp(12, 40);
        width.saturating_sub(columns + 1).max(least).min(width)
    }

    /// The first column to show so that department `cursor` fits, scrolling as little
    /// as possible from `left`. At the last department the counts after it come too.
    fn first_column(
        session: &Session,
        area: Rect,
        display: MarksDisplay,
        cursor: usize,
        left: usize,
    ) -> usize {
        let all = Self::all(session, &matrix::Columns::new(session, display));
        let room = (area.width as usize).saturating_sub(Self::item_width(&all, area) + 1);
        let target = if cursor + 1 >= session.hearings.len() {
            all.len().saturating_sub(1)
        } else {
            cursor
        };
        fit_left(left, target, &all, room)
    }

    fn new(session: &Session, area: Rect, display: MarksDisplay, first: usize) -> Placed {
        let columns = matrix::Columns::new(session, display);
        let all = Self::all(session, &columns);
        let item_width = Self::item_width(&all, area);
        let mut visible = Vec::new();
        let mut x = area.x as usize + item_width + 1;
        for (column, width) in all.into_iter().skip(first) {
            if x + width > area.right() as usize {
                break;
            }
            visible.push((column, x as u16, width));
            x += width + 1;
        }
        Placed {
            columns,
            item_width,
            visible,
            left_x: area.x,
            self_view: false,
            compare: false,
        }
    }

    /// Writes `text` from (x, y) in at most `width` cells. In wide mode a character the
    /// terminal draws wider than ratatui thinks gets the next cell marked skip, so the
    /// terminal's glyph keeps it and the cells after stay where they belong.
    fn put(&self, buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
        let text = matrix::truncate(text, width, self.columns.display);
        let mut x = x as usize;
        for c in text.chars() {
            let (shown, counted) = (
                self.columns.display.char_width(c),
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
                Column::Department(d) => session
                    .hearings
                    .get(d)
                    .map_or(String::new(), |h| h.department.short.clone()),
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
            .map_or(self.columns.display.unanswered().to_string(), |m| {
                self.columns.display.glyph(m).to_string()
            })
    }

    /// The row of `item` (at `index` in checklist order): its label, its cells in view
    /// and its count of each mark, from the tally.
    fn draw_item(
        &self,
        buf: &mut Buffer,
        y: u16,
        doc: &Doc,
        (index, item): (usize, &Item),
        selected: Option<usize>,
    ) {
        let Some(count) = doc.tally().item(index) else {
            return;
        };
        let label = self.columns.item_label(item);
        let row_style = if selected.is_some() {
            Style::new().bold()
        } else {
            Style::new()
        };
        self.put(buf, self.left_x, y, &label, self.item_width, row_style);
        for &(column, x, width) in &self.visible {
            match column {
                Column::Department(d) => {
                    let (text, mut style) = match self.compare {
                        true => self.compared(doc.session(), d, item),
                        false => self.cell(doc, d, (index, item)),
                    };
                    if selected == Some(d) {
                        style = style.reversed();
                        for dx in 0..width as u16 {
                            if let Some(cell) = buf.cell_mut((x + dx, y)) {
                                cell.set_style(Style::new().reversed());
                            }
                        }
                    }
                    self.put(buf, x, y, &text, width, style);
                }
                Column::Count(i) => {
                    let n = count.marks.get(i).copied().unwrap_or(count.unanswered);
                    self.put(buf, x, y, &format!("{n:>3}"), width, Style::new().dim());
                }
            }
        }
    }

    /// A cell's text and style: the audit's mark, or in the self-check view the
    /// department's own mark before it, highlighted where the two differ.
    fn cell(&self, doc: &Doc, department: usize, (index, item): (usize, &Item)) -> (String, Style) {
        let (session, display) = (doc.session(), self.columns.display);
        // From the tally, not the answers: a frame has thousands of cells.
        let Some(tallied) = doc.tally().cell(department, index) else {
            return (display.unanswered().to_string(), Style::new());
        };
        let mark = tallied.place.and_then(|p| session.checklist.scale.get(p));
        let audit = matrix::shown(mark, tallied.noted, display);
        let style = cell_style(mark, tallied.by_applicability);
        let hearing = session.hearings.get(department);
        let Some(hearing) = hearing.filter(|h| self.self_view && h.selfcheck.is_some()) else {
            return (audit, style);
        };
        // Two glyphs and no note marker: they fit a short name's width in every display.
        let glyph = |symbol: Option<&str>| {
            symbol
                .and_then(|s| session.checklist.mark(s))
                .map_or(display.unanswered(), |m| display.glyph(m))
        };
        let (own, marked) = (hearing.self_mark(&item.id), hearing.mark(&item.id));
        let audit = glyph(marked);
        let differs = own.is_some_and(|o| marked.is_some_and(|a| a != o));
        let style = if differs {
            Style::new().black().on_yellow().bold()
        } else {
            style
        };
        (format!("{}{audit}", glyph(own)), style)
    }

    /// A cell compared with last round: the earlier mark, this one, then `+` where it
    /// improved and `-` where it worsened (by meaning and severity), coloured so too.
    fn compared(&self, session: &Session, department: usize, item: &Item) -> (String, Style) {
        let display = self.columns.display;
        let Some(hearing) = session.hearings.get(department) else {
            return (String::new(), Style::new());
        };
        let short = &hearing.department.short;
        let glyph = |mark: Option<&Mark>| {
            mark.map_or(display.unanswered(), |m| display.glyph(m))
                .to_string()
        };
        let before = session
            .previous
            .as_ref()
            .and_then(|p| p.mark_of(short, &item.id));
        let now = session.mark_of(short, &item.id);
        let (sign, style) = match rounds::trend(session, short, &item.id) {
            Trend::Improved => ("+", widgets::mark_style(Meaning::Compliant).bold()),
            Trend::Worsened => ("-", widgets::mark_style(Meaning::NeedsImprovement).bold()),
            _ => ("", Style::new()),
        };
        (format!("{}{}{sign}", glyph(before), glyph(now)), style)
    }

    /// Per department in view: the count of each mark, of unanswered cells, the
    /// progress and, on a scale with points, the score.
    fn draw_totals(&self, buf: &mut Buffer, area: Rect, doc: &Doc, t: &Strings) {
        if area.height == 0 {
            return;
        }
        let session = doc.session();
        let scale = &session.checklist.scale;
        let labels = scale
            .iter()
            .map(|m| format!("{} {}", self.columns.display.glyph(m), m.label))
            .chain([
                format!("{} {}", self.columns.display.unanswered(), t.unanswered),
                t.progress.to_string(),
            ])
            .chain(session.checklist.has_points().then(|| t.score.to_string()));
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
                let Some(count) = doc.tally().department(d) else {
                    continue;
                };
                let value = match row {
                    r if r < scale.len() => count.marks[r].to_string(),
                    r if r == scale.len() => count.unanswered.to_string(),
                    r if r == scale.len() + 1 => format!("{}%", count.percent()),
                    _ => Score::of(count, &session.checklist)
                        .and_then(|s| s.percent())
                        .map_or("-".to_string(), |p| format!("{p}%")),
                };
                self.put(buf, x, y, &value, width, Style::new());
            }
        }
    }
}

/// A cell's style by its mark: dim when unanswered or marked by applicability.
fn cell_style(mark: Option<&Mark>, by_applicability: bool) -> Style {
    match mark {
        None => Style::new().dim(),
        Some(m) if by_applicability => widgets::mark_style(m.meaning).dim(),
        Some(m) => widgets::mark_style(m.meaning).bold(),
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

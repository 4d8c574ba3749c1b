//! The live matrix (結果一覧): items down, departments across, the session's cursor
//! as a cell, counts per item and per department, filters, and marks drawn narrow,
//! wide or in ASCII. The item column, the header and the department counts stay put
//! while it scrolls; where it is scrolled to is view state, kept by `follow` from the
//! last frame's size, so drawing only reads.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Paragraph};

use crate::checklist::Item;
use crate::i18n::Strings;
use crate::keymap::{self, Action, Binding};
use crate::marks::MarksDisplay;
use crate::results::Filter;
use crate::session::Session;
use crate::store::Doc;

use super::matrix_grid::Placed;
use super::shared::{Component, Cursor, Editing, Effect, Scene};
use super::{detail, help, widgets};

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
            detail::HEIGHT
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
    /// Moves `cursor` or changes the filter, as a matrix key asks.
    fn apply(&mut self, action: Action, cursor: &mut Cursor, session: &Session) {
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
            Action::ToggleSelf => self.self_view = !self.self_view,
            _ => {}
        }
    }

    /// All items → items with each mark of the scale → items not fully answered → all.
    fn cycle_mark_filter(&mut self, session: &Session, cursor: &mut Cursor) {
        // The failing marks worst first, as every list of findings names them.
        let scale = crate::checklist::worst_first(&session.checklist.scale);
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

    fn describe_filter(&self, session: &Session, t: &Strings) -> String {
        let mut parts = Vec::new();
        if let Some(symbol) = &self.filter.mark {
            // A failing mark of a graded scale is named with its severity's label.
            let graded = (session.checklist.mark(symbol))
                .filter(|m| m.meaning.is_failing() && session.checklist.is_graded());
            let named = graded.map(|m| (t.graded_mark)(symbol, &m.label));
            parts.push((t.filter_mark)(named.as_deref().unwrap_or(symbol)));
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
    pub fn follow(&mut self, area: Rect, scene: &Scene) {
        let session = scene.session();
        let regions = Regions::new(area, session, scene.t, scene.reader);
        let viewport = self.viewport(session, scene.cursor, &regions, scene.marks);
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

impl Component for MatrixView {
    fn keys(&self) -> &'static [Binding] {
        keymap::MATRIX
    }

    /// Carries out an action of the matrix's own: moves the cursor (placed, not saved
    /// as the place to resume), changes the filter or what the cells show.
    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        if action == Action::EditImprovement {
            return edit_improvement(scene);
        }
        let mut cursor = scene.cursor;
        self.apply(action, &mut cursor, scene.session());
        match cursor != scene.cursor {
            true => Effect::Place(cursor),
            false => Effect::Nothing,
        }
    }

    /// Draws the matrix of `doc`'s session, its cells and counts from `doc`'s tally:
    /// only the rows and columns in view are looked at.
    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let (t, display, doc, cursor) = (scene.t, scene.marks, scene.doc, scene.cursor);
        let session = doc.session();
        let regions = Regions::new(area, session, t, scene.reader);
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
        let label = unicode_width::UnicodeWidthStr::width(t.matrix);
        let room = usize::from(regions.title.width).saturating_sub(label + 3);
        let heading = format!(
            " {}  {}   {}   {}   {mode}{compare}",
            t.matrix,
            scene.title_within(room),
            self.describe_filter(session, t),
            display_name
        );
        frame.render_widget(widgets::title_bar(heading), regions.title);
        let viewport = self.viewport(session, cursor, &regions, display);
        let layout = Placed::new(
            session,
            regions.table.union(regions.foot),
            display,
            viewport.left,
        )
        .with_modes(self.self_view, self.compare);
        let buf = frame.buffer_mut();
        self.draw_table(buf, regions.table, doc, &layout, cursor, viewport.top, t);
        layout.draw_totals(buf, regions.foot, doc, t);
        detail::draw(frame, regions.detail, scene);
        match scene.editor {
            // An item's 改善内容等 being written: over the lower part of the table, the
            // item's row still in view above it.
            Some(editor) => {
                let below = regions.table.union(regions.detail);
                let [_, lower] =
                    Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)])
                        .areas(below);
                frame.render_widget(Clear, lower);
                editor.draw(frame, lower);
                let hints = help::footer(keymap::EDITOR, t, None, area.width);
                frame.render_widget(Paragraph::new(hints), regions.footer);
            }
            None => frame.render_widget(Paragraph::new(regions.hints), regions.footer),
        }
    }
}

/// The editor on the 改善内容等 of the item under the cursor: what is written, else
/// the proposal from the departments' notes (leaving the editor keeps it).
fn edit_improvement(scene: &Scene) -> Effect {
    let session = scene.session();
    let Some((_, item)) = session.checklist.items().nth(scene.cursor.item) else {
        return Effect::Nothing;
    };
    let written = session.improvement(&item.id);
    let text = match written.is_empty() {
        true => session.proposed_improvement(&item.id),
        false => written.to_string(),
    };
    Effect::Edit {
        editing: Editing::Improvement(item.id.clone()),
        text,
        title: (scene.t.improvement_editing)(&item.id),
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

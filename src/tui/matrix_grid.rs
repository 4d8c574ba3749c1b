//! The matrix's grid: where each column goes across the screen for the size and the
//! marks display, and the drawing of the header, an item's row of cells and counts,
//! and the per-department totals, from the session's tally.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::checklist::{Item, Mark, Meaning};
use crate::i18n::Strings;
use crate::marks::MarksDisplay;
use crate::matrix::{self, COUNT_WIDTH};
use crate::results::Score;
use crate::rounds::{self, Trend};
use crate::session::Session;
use crate::store::Doc;

use super::widgets;

/// Where each column goes across the screen for this size and display: the shared
/// `matrix::Columns` widths, placed from the first column scrolled to.
pub struct Placed {
    columns: matrix::Columns,
    item_width: usize,
    /// Visible columns: a department index or a per-item count (index into scale, or
    /// the scale's length for unanswered), with its x and width.
    visible: Vec<(Column, u16, usize)>,
    left_x: u16,
    /// Columns lie off-screen to the left, to the right: the header says so (`<`, `>`)
    /// in the gap after the item column and in the last cell, which is kept free.
    hidden: (bool, bool),
    right_x: u16,
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
    pub fn first_column(
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

    pub fn new(session: &Session, area: Rect, display: MarksDisplay, first: usize) -> Placed {
        let columns = matrix::Columns::new(session, display);
        let all = Self::all(session, &columns);
        let item_width = Self::item_width(&all, area);
        let mut visible = Vec::new();
        let mut x = area.x as usize + item_width + 1;
        let count = all.len();
        for (column, width) in all.into_iter().skip(first) {
            // The last cell stays free for the sign of columns further right.
            if x + width >= area.right() as usize {
                break;
            }
            visible.push((column, x as u16, width));
            x += width + 1;
        }
        let hidden = (first > 0, first + visible.len() < count);
        Placed {
            columns,
            item_width,
            visible,
            left_x: area.x,
            hidden,
            right_x: area.right().saturating_sub(1),
            self_view: false,
            compare: false,
        }
    }

    /// Cells show the departments' own marks beside the audit's, or last round's
    /// marks beside this round's.
    pub fn with_modes(self, self_view: bool, compare: bool) -> Placed {
        Placed {
            self_view,
            compare,
            ..self
        }
    }

    /// Writes `text` from (x, y) in at most `width` cells. In wide mode a character the
    /// terminal draws wider than ratatui thinks gets the next cell marked skip, so the
    /// terminal's glyph keeps it and the cells after stay where they belong.
    pub fn put(&self, buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
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

    pub fn draw_header(&self, buf: &mut Buffer, area: Rect, session: &Session, t: &Strings) {
        let style = Style::new().bold().underlined();
        self.put(
            buf,
            self.left_x,
            area.y,
            t.matrix_item,
            self.item_width,
            style,
        );
        let sign = Style::new().bold().reversed();
        if self.hidden.0 {
            let x = self.left_x + self.item_width as u16;
            self.put(buf, x, area.y, "<", 1, sign);
        }
        if self.hidden.1 {
            self.put(buf, self.right_x, area.y, ">", 1, sign);
        }
        for &(column, x, width) in &self.visible {
            let (label, shift) = match column {
                Column::Department(d) => {
                    let short = session.hearings.get(d).map(|h| h.department.short.clone());
                    (short.unwrap_or_default(), 0)
                }
                // Right-aligned as the figures below it are, whatever the glyph's width.
                Column::Count(i) => {
                    let label = self.count_label(session, i);
                    let shift = width.saturating_sub(self.columns.display.width(&label));
                    (label, shift)
                }
            };
            let x = x + shift as u16;
            self.put(buf, x, area.y, &label, width - shift, style);
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
    pub fn draw_item(
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
    pub fn draw_totals(&self, buf: &mut Buffer, area: Rect, doc: &Doc, t: &Strings) {
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
/// as possible from `left`; and never leaving room unused at the right while columns
/// lie hidden at the left (a terminal grown wider shows them again).
fn fit_left(left: usize, cursor: usize, columns: &[(Column, usize)], room: usize) -> usize {
    let width =
        |from: usize, to: usize| columns[from..=to].iter().map(|(_, w)| w + 1).sum::<usize>();
    let last = columns.len().saturating_sub(1);
    let cursor = cursor.min(last);
    let mut first = left.min(cursor);
    while first < cursor && width(first, cursor) > room {
        first += 1;
    }
    while first > 0 && width(first - 1, last) <= room {
        first -= 1;
    }
    first
}

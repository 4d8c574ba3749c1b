//! The frame the views beside the hearing are drawn in — the department sheet, review,
//! history and facts: a title, the message line, the view's lines with the chosen one
//! highlighted and scrolled into view, the footer, and the editor over the lower half.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::keymap::{self, Binding};

use super::shared::Scene;
use super::{help, widgets};

/// A view's lines and which of them can be chosen.
pub struct Page {
    pub lines: Vec<Line<'static>>,
    /// Line index of each line that can be chosen, in order.
    pub choices: Vec<usize>,
    /// The choice the first of `choices` is (a long history shows only a window).
    pub first: usize,
}

impl Page {
    pub fn new() -> Page {
        Page {
            lines: Vec::new(),
            choices: Vec::new(),
            first: 0,
        }
    }

    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// A line that can be chosen.
    pub fn choice(&mut self, line: Line<'static>) {
        self.choices.push(self.lines.len());
        self.lines.push(line);
    }
}

/// Draws a view titled `title` with `page`'s lines, `selected` the chosen one, its
/// footer from `table` (the editor's while one is open).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    scene: &Scene,
    (title, page): (String, Page),
    selected: usize,
    table: &[Binding],
) {
    let t = scene.t;
    let footer_lines = if scene.editor.is_some() {
        help::footer(keymap::EDITOR, t, None, area.width)
    } else {
        help::footer_for(table, t, None, area.width, scene.reader)
    };
    let banners = scene.banners();
    let [title_area, banner_area, message_area, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_lines.len() as u16),
    ])
    .areas(area);
    frame.render_widget(widgets::title_bar(format!(" {title}")), title_area);
    widgets::banners(frame, banner_area, &banners);
    if let Some(text) = scene.message_line() {
        frame.render_widget(Paragraph::new(text).italic(), message_area);
    }
    draw_page(page, selected, frame, body);
    frame.render_widget(Paragraph::new(footer_lines), footer);
    if let Some(editor) = scene.editor {
        let [_, lower] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(body);
        frame.render_widget(Clear, lower);
        editor.draw(frame, lower);
    }
}

/// The page's lines, scrolled so that the chosen line is on screen.
fn draw_page(mut page: Page, selected: usize, frame: &mut Frame, area: Rect) {
    let selected = selected.saturating_sub(page.first);
    let chosen = page
        .choices
        .get(selected.min(page.choices.len().saturating_sub(1)))
        .copied();
    let height = usize::from(area.height.max(1));
    let mut offset = 0;
    if let Some(at) = chosen {
        if let Some(line) = page.lines.get_mut(at) {
            *line = std::mem::take(line).reversed();
        }
        // Whatever follows the chosen line (its notes, its area) shows too, where it fits.
        offset = at
            .saturating_sub(height / 3)
            .min(page.lines.len().saturating_sub(height));
        offset = offset.min(at);
    }
    let lines: Vec<Line> = page.lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

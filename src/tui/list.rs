//! The session list: resume any session, newest first, or start a new one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::store::{Store, Summary};
use unicode_width::UnicodeWidthStr;

use super::{Input, Step, help, widgets};

#[derive(Default)]
pub struct SessionList {
    summaries: Vec<Summary>,
    /// Files that could not be read, one line each.
    unreadable: Vec<String>,
    /// The selection and the scroll offset, kept from one frame to the next.
    state: TableState,
    /// The help is open over the list.
    help: bool,
    /// Why the last attempt to open a session failed.
    pub problem: Option<String>,
}

impl SessionList {
    pub fn load(store: &Store) -> SessionList {
        match store.list() {
            Ok((summaries, errors)) => SessionList {
                summaries,
                unreadable: errors.iter().map(ToString::to_string).collect(),
                ..SessionList::default()
            },
            Err(e) => SessionList {
                problem: Some(e.to_string()),
                ..SessionList::default()
            },
        }
    }

    fn selected(&self) -> usize {
        self.state.selected().unwrap_or(0)
    }

    pub fn handle(&mut self, input: &Input) -> Step {
        let Input::Key(event) = input else {
            return Step::Stay;
        };
        let Some(key) = super::key_of(event) else {
            return Step::Stay;
        };
        if std::mem::take(&mut self.help) {
            return Step::Stay;
        }
        let last = self.summaries.len().saturating_sub(1);
        let at = self.selected();
        match keymap::lookup(keymap::LIST, key) {
            Some(Action::SelectUp) => self.state.select(Some(at.saturating_sub(1))),
            Some(Action::SelectDown) => self.state.select(Some((at + 1).min(last))),
            Some(action @ (Action::Resume | Action::OpenMatrix)) => {
                if let Some(summary) = self.summaries.get(at) {
                    return Step::Open {
                        id: summary.id.clone(),
                        department: None,
                        matrix: action == Action::OpenMatrix,
                    };
                }
            }
            Some(Action::NewSession) => return Step::NewSession,
            Some(Action::Help) => self.help = true,
            Some(Action::Leave) => return Step::Quit,
            _ => {}
        }
        Step::Stay
    }

    /// Scrolls as little as needed to keep the selection in the rows the table shows.
    pub fn resize(&mut self, size: Rect) {
        // The title, the table's border and header, the notes and the footer.
        let chrome = 1 + 3 + self.notes().min(5) as u16 + 2;
        let height = usize::from(size.height.saturating_sub(chrome).max(1));
        let (at, offset) = (self.selected(), self.state.offset());
        *self.state.offset_mut() = if at < offset {
            at
        } else if at >= offset + height {
            at + 1 - height
        } else {
            offset
        };
    }

    fn notes(&self) -> usize {
        self.unreadable.len() + usize::from(self.problem.is_some())
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let notes = self.notes();
        let footer_lines = help::footer(keymap::LIST, t, None, area.width);
        let [title, table_area, notes_area, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(notes.min(5) as u16),
            Constraint::Length(footer_lines.len() as u16),
        ])
        .areas(area);
        frame.render_widget(
            widgets::title_bar(format!(" {}  {}", t.app, t.sessions)),
            title,
        );
        let block = Block::bordered();
        if self.summaries.is_empty() {
            frame.render_widget(
                Paragraph::new(t.no_sessions)
                    .block(block)
                    .wrap(Wrap { trim: true }),
                table_area,
            );
        } else {
            self.draw_table(frame, table_area, block, t);
        }
        let mut lines: Vec<Line> = self
            .problem
            .iter()
            .map(|p| Line::from(p.as_str()).bold())
            .collect();
        lines.extend(
            self.unreadable
                .iter()
                .map(|e| Line::from(format!("{}: {e}", t.unreadable)).dim()),
        );
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), notes_area);
        frame.render_widget(Paragraph::new(footer_lines), footer);
        if self.help {
            help::draw(frame, area, &[keymap::LIST, keymap::APP], t, None, &[]);
        }
    }

    fn draw_table(&self, frame: &mut Frame, area: Rect, block: Block, t: &Strings) {
        let statuses: Vec<String> = self.summaries.iter().map(|s| status(s, t)).collect();
        let status_width = statuses
            .iter()
            .map(|s| s.width())
            .chain([t.column_status.width(), 8])
            .max()
            .unwrap_or(8)
            .min(32) as u16;
        let rows = self.summaries.iter().zip(statuses).map(|(s, status)| {
            Row::new(vec![
                s.title.clone(),
                status,
                widgets::progress_bar(s.answered, s.cells, 10),
                s.last_change.format("%Y-%m-%d %H:%M").to_string(),
            ])
        });
        let header = Row::new(vec![
            t.column_title,
            t.column_status,
            t.column_progress,
            t.column_last_change,
        ])
        .bold();
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(status_width),
            Constraint::Length(20),
            Constraint::Length(16),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .block(block)
            .row_highlight_style(Style::new().reversed())
            .highlight_symbol("▶ ");
        // `resize` has already scrolled the kept state; rendering a copy leaves it be.
        let mut state = self.state;
        if state.selected().is_none() {
            state.select(Some(0));
        }
        frame.render_stateful_widget(table, area, &mut state);
    }
}

/// A session's status: 署名済 with the signer while signed, else in progress.
fn status(summary: &Summary, t: &Strings) -> String {
    match &summary.signed_by {
        Some(by) => format!("{} {by}", t.status_signed),
        None => t.status_open.to_string(),
    }
}

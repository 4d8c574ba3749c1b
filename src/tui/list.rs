//! The session list: resume any session, newest first, or start a new one.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use crate::i18n::Strings;
use crate::store::{Store, Summary};

use super::{Context, Input, Step, widgets};

#[derive(Default)]
pub struct SessionList {
    summaries: Vec<Summary>,
    /// Files that could not be read, one line each.
    unreadable: Vec<String>,
    selected: usize,
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

    pub fn handle(&mut self, input: &Input, _context: &Context) -> Step {
        let Input::Key(key) = input else {
            return Step::Stay;
        };
        let last = self.summaries.len().saturating_sub(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Enter | KeyCode::Char('m') => {
                if let Some(summary) = self.summaries.get(self.selected) {
                    let matrix = key.code == KeyCode::Char('m');
                    return Step::Open {
                        id: summary.id.clone(),
                        department: None,
                        matrix,
                    };
                }
            }
            KeyCode::Char('n') => return Step::NewSession,
            KeyCode::Char('q') | KeyCode::Esc => return Step::Quit,
            _ => {}
        }
        Step::Stay
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let notes = self.unreadable.len() + usize::from(self.problem.is_some());
        let footer_lines = widgets::key_hints(t.list_keys.iter().copied(), area.width);
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
    }

    fn draw_table(&self, frame: &mut Frame, area: Rect, block: Block, t: &Strings) {
        let rows = self.summaries.iter().map(|s| {
            Row::new(vec![
                s.title.clone(),
                t.status_open.to_string(),
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
            Constraint::Length(8),
            Constraint::Length(20),
            Constraint::Length(16),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .block(block)
            .row_highlight_style(Style::new().reversed())
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(table, area, &mut state);
    }
}

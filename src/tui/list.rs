//! The session list: resume any session, newest first, or start a new one; rename a
//! round, or move it to the trash (never destroyed: `kansa restore` brings it back).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::facts::{FactField, FactValue};
use crate::i18n::{Describe, Strings};
use crate::keymap::{self, Action, Key};
use crate::store::{Store, StoreError, Summary};

use super::context::{Context, Input, Step};
use super::{editor, help, keys, widgets};

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
    /// The new title being typed for the session chosen.
    renaming: Option<TextArea<'static>>,
    /// The question before moving the session chosen to the trash is on screen.
    deleting: bool,
    /// Where the sessions are kept, said on the table's frame (a Windows user finds
    /// them under %APPDATA%, never looked at otherwise).
    data_folder: String,
}

impl SessionList {
    pub fn load(store: &Store, t: &Strings) -> SessionList {
        let data_folder = store.dir.parent().unwrap_or(&store.dir);
        SessionList {
            data_folder: data_folder.display().to_string(),
            ..SessionList::listing(store, t)
        }
    }

    fn listing(store: &Store, t: &Strings) -> SessionList {
        match store.list() {
            Ok((summaries, errors)) => SessionList {
                summaries,
                unreadable: errors.iter().map(|e| e.describe(t.messages)).collect(),
                ..SessionList::default()
            },
            Err(e) => SessionList {
                problem: Some(e.describe(t.messages)),
                ..SessionList::default()
            },
        }
    }

    fn selected(&self) -> usize {
        self.state.selected().unwrap_or(0)
    }

    pub fn handle(&mut self, input: &Input, context: &Context) -> Step {
        let event = match input {
            Input::Key(event) => event,
            Input::Paste(text) => {
                if let Some(field) = &mut self.renaming {
                    field.insert_str(text.replace(['\r', '\n'], " "));
                }
                return Step::Stay;
            }
            Input::Tick => return Step::Stay,
        };
        if self.renaming.is_some() {
            self.on_rename_key(event, context);
            return Step::Stay;
        }
        let Some(key) = keys::key_of(event).filter(|k| !keys::is_ctrl(*k)) else {
            return Step::Stay;
        };
        if std::mem::take(&mut self.help) {
            return Step::Stay;
        }
        if std::mem::take(&mut self.deleting) {
            self.answer_delete(key, context);
            return Step::Stay;
        }
        self.on_key(key, context.t)
    }

    fn on_key(&mut self, key: Key, t: &Strings) -> Step {
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
            Some(Action::Rename) => self.start_rename(),
            Some(Action::Delete) => {
                if let Some(summary) = self.summaries.get(at) {
                    self.problem = Some((t.delete_question)(&summary.title));
                    self.deleting = true;
                }
            }
            Some(Action::Help) => self.help = true,
            Some(Action::Leave) => return Step::Quit,
            _ => {}
        }
        Step::Stay
    }

    fn start_rename(&mut self) {
        if let Some(summary) = self.summaries.get(self.selected()) {
            let mut field = TextArea::new(vec![summary.title.clone()]);
            field.set_cursor_line_style(Style::new());
            field.move_cursor(ratatui_textarea::CursorMove::End);
            self.renaming = Some(field);
        }
    }

    fn on_rename_key(&mut self, event: &KeyEvent, context: &Context) {
        let action = keys::action_of(keymap::RENAME, event);
        if let Some(field) = &mut self.renaming
            && editor::clear(field, action)
        {
            return;
        }
        match action {
            Some(Action::Close) => self.renaming = None,
            Some(Action::Confirm) => {
                let title = self.renaming.take().map(|f| f.lines().join(" "));
                let title = title.unwrap_or_default().trim().to_string();
                if let Some(summary) = self.summaries.get(self.selected())
                    && !title.is_empty()
                {
                    let id = summary.id.clone();
                    let outcome = rename(&context.store, &id, title, &context.actor);
                    self.reload(&context.store, outcome, context.t);
                }
            }
            _ => {
                if let Some(field) = &mut self.renaming {
                    field.input(*event);
                }
            }
        }
    }

    fn answer_delete(&mut self, key: Key, context: &Context) {
        self.problem = None;
        let yes = keymap::lookup(keymap::CONFIRM, key) == Some(Action::Confirm);
        if let (true, Some(summary)) = (yes, self.summaries.get(self.selected())) {
            let outcome = context.store.delete(&summary.id);
            self.reload(&context.store, outcome, context.t);
        }
    }

    /// Reads the list again after a change, keeping the selection's place, and says why
    /// the change failed if it did.
    fn reload(&mut self, store: &Store, outcome: Result<(), StoreError>, t: &Strings) {
        let at = self.selected();
        *self = SessionList::load(store, t);
        let last = self.summaries.len().saturating_sub(1);
        self.state.select(Some(at.min(last)));
        if let Err(e) = outcome {
            self.problem = Some(e.describe(t.messages));
        }
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
        let block = Block::bordered()
            .title_bottom(format!(" {}: {} ", t.data_folder, self.data_folder).dim());
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
        if let Some(field) = &self.renaming {
            let inner = widgets::popup(frame, area, area.width.min(70), 3, t.rename_title);
            widgets::text_area(frame, field, inner, true);
        }
        if self.help {
            help::draw(frame, area, &[keymap::LIST, keymap::APP], t, None, &[]);
        }
    }

    fn draw_table(&self, frame: &mut Frame, area: Rect, block: Block, t: &Strings) {
        // Below 120 columns the last change gives way to what tells rounds apart.
        let wide = area.width >= 120;
        // Dates as the language writes them: 令和6年9月27日 and local time in Japanese.
        let date = |s: &Summary| s.date.map_or(String::new(), t.date);
        let changed = |s: &Summary| (t.moment)(&s.last_change);
        let widest = |cell: &dyn Fn(&Summary) -> String, least: &str| {
            let width = |text: &str| unicode_width::UnicodeWidthStr::width(text);
            let cells = self.summaries.iter().map(|s| width(&cell(s)));
            cells.chain([width(least)]).max().unwrap_or(0) as u16
        };
        let rows = self.summaries.iter().map(|s| {
            let mut cells = vec![
                date(s),
                s.id.clone(),
                s.title.clone(),
                status(s, t),
                widgets::progress_bar(s.answered, s.cells, 6),
            ];
            if wide {
                cells.push(changed(s));
            }
            Row::new(cells)
        });
        let mut header = vec![
            t.column_date,
            t.column_id,
            t.column_title,
            t.column_status,
            t.column_progress,
        ];
        let mut widths = vec![
            Constraint::Length(widest(&date, t.column_date)),
            Constraint::Length(15),
            Constraint::Fill(1),
            Constraint::Length(self.status_width(t, wide)),
            Constraint::Length(15),
        ];
        if wide {
            header.push(t.column_last_change);
            widths.push(Constraint::Length(widest(&changed, t.column_last_change)));
        }
        let header = Row::new(header).bold();
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

impl SessionList {
    /// The widest status shown (署名済 with the signer's name), within what the screen
    /// can give it.
    fn status_width(&self, t: &Strings, wide: bool) -> u16 {
        let widest = self
            .summaries
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(status(s, t).as_str()))
            .chain([unicode_width::UnicodeWidthStr::width(t.column_status), 6])
            .max()
            .unwrap_or(8);
        widest.min(if wide { 32 } else { 8 }) as u16
    }
}

/// 実施中, 回答済 when every cell is answered, 署名済 and who signed.
fn status(summary: &Summary, t: &Strings) -> String {
    match (summary.status.as_str(), &summary.signed_by) {
        ("signed", Some(by)) => format!("{} {by}", t.status_signed),
        ("signed", None) => t.status_signed.to_string(),
        ("answered", _) => t.status_answered.to_string(),
        _ => t.status_open.to_string(),
    }
}

/// Gives session `id` a new title: a fact change in its history, like any other.
fn rename(store: &Store, id: &str, title: String, actor: &str) -> Result<(), StoreError> {
    let mut writer = store.open_writer(id, actor)?;
    let change = writer
        .session()
        .set_fact(FactField::Title, FactValue::Text(title))?;
    writer.record(change)?;
    writer.close()
}

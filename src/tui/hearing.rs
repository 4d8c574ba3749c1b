//! The hearing screen: one department, one item at a time. Mark keys record and move
//! on, the note is edited in place, and every change is saved as it is made.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use unicode_width::UnicodeWidthStr;

use crate::checklist::{Area, Item, Mark};
use crate::i18n::{Strings, fill};
use crate::session::{Change, Session};
use crate::store::{Doc, Saved};

use super::matrix::{MatrixAction, MatrixView};
use super::picker::{Picked, Picker};
use super::{Context, Input, Step, widgets};

pub struct HearingScreen {
    doc: Doc,
    department: usize,
    item: usize,
    /// The note being edited, if any.
    note: Option<TextArea<'static>>,
    overlay: Option<Overlay>,
    /// The results matrix, when it is on screen instead of the item.
    matrix: Option<MatrixView>,
    /// Changes made in this sitting, for `u`.
    undo: Vec<Change>,
    message: Option<String>,
}

enum Overlay {
    Help,
    Departments(Picker),
    Items(Picker),
}

impl HearingScreen {
    /// Opens session `id` at its saved position, or at the first item of `department`.
    pub fn open(
        context: &Context,
        id: &str,
        department: Option<&str>,
    ) -> Result<HearingScreen, String> {
        let doc = Doc::open(&context.store, id, &context.actor).map_err(|e| e.to_string())?;
        let session = doc.session();
        if !session.is_hearable() {
            return Err(format!(
                "session {id} has no items or no departments to hear"
            ));
        }
        let (department, item) = match department {
            Some(name) => {
                let found = session
                    .hearings
                    .iter()
                    .position(|h| h.department.name == name || h.department.short == name);
                (
                    found.ok_or_else(|| format!("no department {name:?} in session {id}"))?,
                    0,
                )
            }
            None => {
                let cursor = &session.cursor;
                let department = session
                    .hearings
                    .iter()
                    .position(|h| h.department.short == cursor.department);
                let item = session
                    .checklist
                    .items()
                    .position(|(_, i)| i.id == cursor.item);
                (department.unwrap_or(0), item.unwrap_or(0))
            }
        };
        let message = doc
            .holder()
            .map(|holder| fill(context.t.read_only, &[&holder]));
        Ok(HearingScreen {
            doc,
            department,
            item,
            note: None,
            overlay: None,
            undo: Vec::new(),
            matrix: None,
            message,
        })
    }

    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    pub fn doc_mut(&mut self) -> &mut Doc {
        &mut self.doc
    }

    /// The department short name and item id on screen.
    pub fn position(&self) -> (String, String) {
        (
            self.department_short().to_string(),
            self.current().1.id.clone(),
        )
    }

    pub fn handle(&mut self, input: &Input, context: &Context) -> Step {
        let t = context.t;
        match input {
            Input::Tick => {
                match self.doc.tick(&context.actor) {
                    Saved::Again => self.message = Some(t.saved_again.to_string()),
                    Saved::Unlocked => self.message = Some(t.now_writable.to_string()),
                    Saved::Yes | Saved::No | Saved::Refused(_) | Saved::ReadOnly => {}
                }
                Step::Stay
            }
            Input::Paste(text) => {
                if let Some(note) = &mut self.note {
                    note.insert_str(text);
                }
                Step::Stay
            }
            Input::Key(key) => self.on_key(key, context),
        }
    }

    /// Shows the matrix with its cursor on the item and department on screen.
    pub fn show_matrix(&mut self) {
        self.matrix = Some(MatrixView::new(self.item, self.department));
    }

    pub fn is_showing_matrix(&self) -> bool {
        self.matrix.is_some()
    }

    fn on_key(&mut self, key: &KeyEvent, context: &Context) -> Step {
        let t = context.t;
        if let Some(note) = &mut self.note {
            if key.code == KeyCode::Esc {
                self.finish_note(t);
            } else {
                note.input(*key);
            }
            return Step::Stay;
        }
        if let Some(overlay) = &mut self.overlay {
            let picked = match overlay {
                Overlay::Help => Picked::Closed,
                Overlay::Departments(picker) | Overlay::Items(picker) => picker.handle(key),
            };
            match (picked, &self.overlay) {
                (Picked::Nothing, _) => {}
                (Picked::Closed, _) => self.overlay = None,
                (Picked::Chosen(department), Some(Overlay::Departments(_))) => {
                    self.overlay = None;
                    self.go_to(department, 0, t);
                }
                (Picked::Chosen(item), _) => {
                    self.overlay = None;
                    self.go_to(self.department, item, t);
                }
            }
            return Step::Stay;
        }
        if self.matrix.is_some() {
            return self.on_matrix_key(key, context);
        }
        self.message = self
            .doc
            .holder()
            .map(|holder| fill(t.read_only, &[&holder]));
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Step::Stay;
        }
        match key.code {
            KeyCode::Char(c) if self.session().checklist.mark_for_key(c).is_some() => {
                self.mark_with(c, t)
            }
            KeyCode::Right | KeyCode::Char('l') => self.step(1, t),
            KeyCode::Left | KeyCode::Char('h') => self.step(-1, t),
            KeyCode::Enter => self.start_note(t),
            KeyCode::Char('g') => {
                let picker = Picker::new(self.item, self.session().checklist.item_count());
                self.overlay = Some(Overlay::Items(picker));
            }
            KeyCode::Char('d') => {
                let picker = Picker::new(self.department, self.session().hearings.len());
                self.overlay = Some(Overlay::Departments(picker));
            }
            KeyCode::Char('u') => self.undo(t),
            KeyCode::Char('?') => self.overlay = Some(Overlay::Help),
            KeyCode::Char('m') => self.show_matrix(),
            KeyCode::Char('q') => return Step::Quit,
            _ => {}
        }
        Step::Stay
    }

    fn on_matrix_key(&mut self, key: &KeyEvent, context: &Context) -> Step {
        let t = context.t;
        let Some(matrix) = &mut self.matrix else {
            return Step::Stay;
        };
        let action = matrix.handle(key, self.doc.session());
        let (item, department) = (matrix.item, matrix.department);
        self.message = self
            .doc
            .holder()
            .map(|holder| fill(t.read_only, &[&holder]));
        match action {
            MatrixAction::Stay => {}
            MatrixAction::Mark(key) => {
                let session = self.session();
                let symbol = session
                    .checklist
                    .mark_for_key(key)
                    .map(|m| m.symbol.clone());
                let short: Option<String> = session
                    .hearings
                    .get(department)
                    .map(|h| h.department.short.clone());
                let item_id: Option<String> = session
                    .checklist
                    .items()
                    .nth(item)
                    .map(|(_, i)| i.id.clone());
                if let (Some(short), Some(item_id)) = (short, item_id)
                    && let Ok(change) = session.set_mark(&short, &item_id, symbol.as_deref())
                {
                    self.record(change, t);
                }
            }
            MatrixAction::Hearing => {
                self.matrix = None;
                self.go_to(department, item, t);
            }
            MatrixAction::Quit => return Step::Quit,
            MatrixAction::CycleMarks => {
                let next = context.marks.get().next();
                context.marks.set(next);
                let saved =
                    crate::settings::Settings::update(&context.data_dir, |s| s.marks = next);
                if let Err(e) = saved {
                    self.message = Some(fill(t.settings_not_saved, &[&e]));
                }
            }
            MatrixAction::Undo => self.undo(t),
            MatrixAction::Help => self.overlay = Some(Overlay::Help),
        }
        Step::Stay
    }

    fn mark_with(&mut self, key: char, t: &Strings) {
        let Some(symbol) = self
            .session()
            .checklist
            .mark_for_key(key)
            .map(|m| m.symbol.clone())
        else {
            return;
        };
        let (department, item) = self.position();
        if let Ok(change) = self.session().set_mark(&department, &item, Some(&symbol)) {
            self.record(change, t);
        }
        if self.doc.holder().is_none() {
            self.step(1, t);
        }
    }

    /// Moves `delta` items within the department, saying so at either end.
    fn step(&mut self, delta: isize, t: &Strings) {
        let last = self.session().checklist.item_count().saturating_sub(1);
        match self.item.checked_add_signed(delta) {
            Some(item) if item <= last => self.go_to(self.department, item, t),
            Some(_) => self.message = Some(t.last_item.to_string()),
            None => self.message = Some(t.first_item.to_string()),
        }
    }

    fn go_to(&mut self, department: usize, item: usize, t: &Strings) {
        self.department = department.min(self.session().hearings.len().saturating_sub(1));
        self.item = item.min(self.session().checklist.item_count().saturating_sub(1));
        let (department, item) = self.position();
        if self.doc.holder().is_none()
            && let Ok(change) = self.session().move_to(&department, &item)
        {
            self.save(change, t);
        }
    }

    fn record(&mut self, change: Change, t: &Strings) {
        if !matches!(change, Change::Move(_)) && self.doc.holder().is_none() {
            self.undo.push(change.clone());
        }
        self.save(change, t);
    }

    /// Records without remembering the change for `u` (an undo itself, a move).
    fn save(&mut self, change: Change, t: &Strings) {
        match self.doc.record(change) {
            Saved::ReadOnly | Saved::Unlocked => {}
            Saved::No => {
                let reason = self.doc.save_error().unwrap_or_default().to_string();
                self.message = Some(fill(t.save_failed, &[&reason, &self.doc.pending()]));
            }
            Saved::Again => self.message = Some(t.saved_again.to_string()),
            Saved::Refused(refusal) => self.message = Some(refusal.to_string()),
            Saved::Yes => {}
        }
    }

    fn undo(&mut self, t: &Strings) {
        let Some(change) = self.undo.pop() else {
            self.message = Some(t.nothing_to_undo.to_string());
            return;
        };
        let (department, item, what) = match &change {
            Change::Mark {
                department,
                item,
                from,
                to,
            } => {
                let shown =
                    |m: &Option<String>| m.clone().unwrap_or_else(|| t.unanswered.to_string());
                (
                    department,
                    item,
                    format!("{item} {} → {}", shown(to), shown(from)),
                )
            }
            Change::Note {
                department, item, ..
            } => (department, item, format!("{item} {}", t.note)),
            Change::Move(_) => return,
        };
        let session = self.session();
        let target = session
            .hearings
            .iter()
            .position(|h| &h.department.short == department);
        let target_item = session.checklist.items().position(|(_, i)| &i.id == item);
        self.save(change.inverse(), t);
        if let (Some(d), Some(i)) = (target, target_item) {
            self.go_to(d, i, t);
        }
        if self.doc.save_error().is_none() {
            self.message = Some(fill(t.undone, &[&what]));
        }
    }

    fn start_note(&mut self, t: &Strings) {
        if self.doc.holder().is_some() {
            return;
        }
        let text = self.current_note();
        let mut note = TextArea::new(text.split('\n').map(str::to_string).collect());
        note.set_wrap_mode(WrapMode::WordOrGlyph);
        note.set_cursor_line_style(Style::new());
        note.move_cursor(ratatui_textarea::CursorMove::Bottom);
        note.move_cursor(ratatui_textarea::CursorMove::End);
        note.set_block(
            Block::bordered()
                .title(format!(" {} ", t.note_editing))
                .bold(),
        );
        self.note = Some(note);
    }

    /// Leaves the note, recording it if it changed: typed text is never discarded.
    fn finish_note(&mut self, t: &Strings) {
        let Some(note) = self.note.take() else { return };
        let text = note.lines().join("\n");
        let (department, item) = self.position();
        if text != self.current_note()
            && let Ok(change) = self.session().set_note(&department, &item, &text)
        {
            self.record(change, t);
        }
    }

    /// Saves an open note and folds the journal: the screen is going away.
    pub fn close(mut self, context: &Context) {
        self.finish_note(context.t);
        self.doc.close();
    }

    /// The saved note of the cell on screen.
    fn current_note(&self) -> String {
        let (department, item) = self.position();
        self.session()
            .answer(&department, &item)
            .map(|a| a.note.clone())
            .unwrap_or_default()
    }

    fn department_short(&self) -> &str {
        self.session()
            .hearings
            .get(self.department)
            .map_or("", |h| h.department.short.as_str())
    }

    fn current(&self) -> (&Area, &Item) {
        let checklist = &self.session().checklist;
        let mut items = checklist.items();
        items
            .nth(self.item)
            .or_else(|| checklist.items().next())
            .expect("open refuses sessions without items")
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, context: &Context) {
        let t = context.t;
        if let Some(matrix) = &self.matrix {
            self.draw_matrix(matrix, frame, area, context);
        } else {
            self.draw_item(frame, area, t);
        }
        if let Some(overlay) = &self.overlay {
            self.draw_overlay(overlay, frame, area, t);
        }
    }

    /// The matrix, with the banner and the last message above it.
    fn draw_matrix(&self, matrix: &MatrixView, frame: &mut Frame, area: Rect, context: &Context) {
        let t = context.t;
        let notice = self.banner(t).or_else(|| self.message.clone());
        let [notice_area, table] = Layout::vertical([
            Constraint::Length(u16::from(notice.is_some())),
            Constraint::Min(1),
        ])
        .areas(area);
        if let Some(text) = &notice {
            frame.render_widget(widgets::banner(text), notice_area);
        }
        matrix.draw(frame, table, self.session(), t, context.marks.get());
    }

    fn draw_item(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        let banner = self.banner(t);
        let footer_lines = self.footer(t, area.width);
        // The item takes what its text needs; the note has the rest, at least 3 rows.
        let body_text = Paragraph::new(self.body(t)).wrap(Wrap { trim: false });
        let body_height = body_text.line_count(area.width).min(u16::MAX as usize) as u16;
        let [
            header,
            department,
            banner_area,
            body,
            note_area,
            message_area,
            footer,
        ] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(banner.is_some())),
            Constraint::Length(body_height.saturating_add(1)),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(footer_lines.len() as u16),
        ])
        .areas(area);
        self.draw_header(frame, header, department, t);
        if let Some(text) = &banner {
            frame.render_widget(widgets::banner(text), banner_area);
        }
        frame.render_widget(body_text, body);
        self.draw_note(frame, note_area, t);
        let message = self
            .message
            .as_deref()
            .filter(|m| Some(*m) != banner.as_deref())
            .unwrap_or("");
        frame.render_widget(Paragraph::new(message).italic(), message_area);
        frame.render_widget(Paragraph::new(footer_lines), footer);
    }

    /// A save failure or read-only notice stays on screen until it no longer holds.
    fn banner(&self, t: &Strings) -> Option<String> {
        if let Some(reason) = self.doc.save_error() {
            return Some(fill(t.save_failed, &[&reason, &self.doc.pending()]));
        }
        self.doc
            .holder()
            .map(|holder| fill(t.read_only, &[&holder]))
    }

    fn draw_header(&self, frame: &mut Frame, header: Rect, department: Rect, t: &Strings) {
        let session = self.session();
        let overall = format!(
            "{} {}",
            t.overall,
            widgets::progress_bar(session.answered_count(), session.cell_count(), 10)
        );
        let [title, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(overall.width() as u16 + 1),
        ])
        .areas(header);
        frame.render_widget(
            widgets::title_bar(format!(" {}", session.facts.title)),
            title,
        );
        frame.render_widget(Paragraph::new(overall).reversed(), right);
        let Some(hearing) = session.hearings.get(self.department) else {
            return;
        };
        let d = &hearing.department;
        let progress = widgets::progress_bar(
            session.answered_in(hearing),
            session.checklist.item_count(),
            10,
        );
        let [name, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(progress.width() as u16 + 1),
        ])
        .areas(department);
        let mut spans = vec![Span::raw(format!(" {}（{}）", d.name, d.short)).bold()];
        if !d.remark.is_empty() {
            spans.push(Span::raw(format!("  {}: {}", t.remark, d.remark)).dim());
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), name);
        frame.render_widget(Paragraph::new(progress), right);
    }

    fn body(&self, t: &Strings) -> Text<'_> {
        let session = self.session();
        let (area, item) = self.current();
        let count = session.checklist.item_count();
        let mut lines = vec![
            Line::from(format!("{} {}", area.id, area.title)).dim(),
            Line::from(vec![
                Span::raw(item.id.clone())
                    .bold()
                    .add_modifier(Modifier::UNDERLINED),
                Span::raw(format!("  {}/{count}", self.item + 1)).dim(),
            ]),
            Line::from(item.text.clone()).bold(),
        ];
        if !item.guidance.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(t.guidance).dim());
            lines.push(Line::from(item.guidance.clone()));
        }
        lines.push(Line::default());
        let answer = session.answer(self.department_short(), &item.id);
        let current = answer.and_then(|a| a.mark.as_deref());
        let mut marks = vec![Span::raw(format!("{}  ", t.marks)).dim()];
        for mark in &session.checklist.scale {
            let chosen = current == Some(mark.symbol.as_str());
            let style = if chosen {
                widgets::mark_style(mark.meaning).reversed().bold()
            } else {
                Style::new()
            };
            marks.push(Span::styled(
                format!("{} {} {}", mark.key, mark.symbol, mark.label),
                style,
            ));
            marks.push(Span::raw("   "));
        }
        lines.push(Line::from(marks));
        let now = match current.and_then(|symbol| session.checklist.mark(symbol)) {
            Some(mark) => {
                let how = if answer.is_some_and(|a| a.by_applicability) {
                    t.by_applicability
                } else {
                    ""
                };
                mark_line(mark, how)
            }
            None => Line::from(t.unanswered).italic(),
        };
        let mut current_line = vec![Span::raw(format!("{}  ", t.current_mark)).dim()];
        current_line.extend(now.spans);
        lines.push(Line::from(current_line));
        Text::from(lines)
    }

    fn draw_note(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        if let Some(note) = &self.note {
            widgets::text_area(frame, note, area, true);
            return;
        }
        let text = self.current_note();
        let block = Block::bordered().title(format!(" {} ", t.note));
        frame.render_widget(
            Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
            area,
        );
    }

    fn footer(&self, t: &Strings, width: u16) -> Vec<Line<'static>> {
        if self.note.is_some() {
            return widgets::key_hints(t.note_keys.iter().copied(), width);
        }
        let keys: Vec<String> = self
            .session()
            .checklist
            .scale
            .iter()
            .map(|m| m.key.to_string())
            .collect();
        let keys = keys.join(" ");
        let hints =
            std::iter::once((keys.as_str(), t.mark_key_hint)).chain(t.hearing_keys.iter().copied());
        widgets::key_hints(hints, width)
    }

    fn draw_overlay(&self, overlay: &Overlay, frame: &mut Frame, area: Rect, t: &Strings) {
        let session = self.session();
        let hints = t.picker_keys;
        match overlay {
            Overlay::Help => {
                let keys = if self.matrix.is_some() {
                    t.matrix_help_keys
                } else {
                    t.help_keys
                };
                let rows: Vec<Line> = keys
                    .iter()
                    .map(|(key, what)| {
                        Line::from(vec![
                            Span::raw(format!("{key:<12} ")).bold(),
                            Span::raw(*what),
                        ])
                    })
                    .collect();
                let width = rows.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
                let inner = widgets::popup(frame, area, width, rows.len() as u16 + 2, t.help);
                frame.render_widget(Paragraph::new(rows).wrap(Wrap { trim: false }), inner);
            }
            Overlay::Departments(picker) => {
                let count = session.checklist.item_count();
                let rows = session
                    .hearings
                    .iter()
                    .map(|h| {
                        let bar = widgets::progress_bar(session.answered_in(h), count, 8);
                        Line::from(format!(
                            "{bar}  {}（{}）",
                            h.department.name, h.department.short
                        ))
                    })
                    .collect();
                picker.draw(frame, area, t.departments, rows, hints);
            }
            Overlay::Items(picker) => {
                let department = self.department_short();
                let rows = session
                    .checklist
                    .items()
                    .map(|(_, item)| {
                        let mark = session
                            .answer(department, &item.id)
                            .and_then(|a| a.mark.clone());
                        let mark = mark.unwrap_or_else(|| "·".to_string());
                        Line::from(format!("{mark} {:<8} {}", item.id, item.text))
                    })
                    .collect();
                picker.draw(frame, area, t.items, rows, hints);
            }
        }
    }
}

fn mark_line<'a>(mark: &Mark, how: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("{} {}", mark.symbol, mark.label),
            widgets::mark_style(mark.meaning).bold(),
        ),
        Span::raw(format!(" {how}")).dim(),
    ])
}

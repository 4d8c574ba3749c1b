//! One session on screen: the document, the cursor that every view of it shares, undo,
//! the message line and the overlays. A view turns keys into actions through its key
//! table; `update` carries them out, calling the core and the store; views only draw.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::i18n::{Describe, Strings};
use crate::keymap::{self, Action, Binding, Key};
use crate::session::{Change, Session};
use crate::settings::Settings;
use crate::store::{Doc, Saved};

use super::editor::Editor;
use super::followups::{self, FollowUps};
use super::matrix::MatrixView;
use super::picker::{Picked, Picker};
use super::undo::{Found, Sitting, department_of};
use super::{Context, Input, Step, help, item};

pub struct SessionScreen {
    pub(super) doc: Doc,
    pub(super) cursor: Cursor,
    pub(super) view: View,
    pub(super) matrix: MatrixView,
    /// The note being edited, if any.
    pub(super) editor: Option<Editor>,
    /// The follow-up list's choice and note being edited.
    pub(super) followups: FollowUps,
    overlay: Option<Overlay>,
    /// Changes made in this sitting, for `u` and `U`.
    sitting: Sitting,
    /// Leaving goes back to the session list (so `q` says 戻る, not 終了).
    pub returns_to_list: bool,
    pub(super) message: Option<String>,
    /// The terminal's size at the last frame, which the views scroll within.
    size: Rect,
}

/// Where the session's views stand: a department and an item, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub department: usize,
    pub item: usize,
}

/// Which view of the session is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Item,
    Matrix,
    /// Last round's 指摘事項 of the department, to follow up.
    FollowUps,
}

impl View {
    fn table(self) -> &'static [Binding] {
        match self {
            View::Item => keymap::ITEM,
            View::Matrix => keymap::MATRIX,
            View::FollowUps => keymap::FOLLOWUPS,
        }
    }
}

/// Why a session cannot be put on screen.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    #[error("session {0} has no items or no departments to hear")]
    NotHearable(String),
    #[error("no department {name:?} in session {id}")]
    NoDepartment { name: String, id: String },
}

impl OpenError {
    /// The reason in the screen's language.
    pub fn describe(&self, t: &Strings) -> String {
        match self {
            OpenError::Store(e) => e.describe(t.messages),
            OpenError::NotHearable(id) => (t.not_hearable)(id),
            OpenError::NoDepartment { name, id } => (t.no_department)(name, id),
        }
    }
}

enum Overlay {
    Help,
    Departments(Picker),
    Items(Picker),
    /// Undo this change of another department? Asked before doing it.
    UndoElsewhere(Change),
}

impl SessionScreen {
    /// Opens session `id` at its saved position, or at the first item of `department`.
    pub fn open(
        context: &Context,
        id: &str,
        department: Option<&str>,
    ) -> Result<SessionScreen, OpenError> {
        let doc = Doc::open(&context.store, id, &context.actor)?;
        let session = doc.session();
        if !session.is_hearable() {
            return Err(OpenError::NotHearable(id.to_string()));
        }
        let cursor = match department {
            Some(name) => Cursor {
                department: department_index(session, name).ok_or_else(|| {
                    OpenError::NoDepartment {
                        name: name.to_string(),
                        id: id.to_string(),
                    }
                })?,
                item: 0,
            },
            None => saved_cursor(session),
        };
        let message = doc.holder().map(|holder| (context.t.read_only)(holder));
        Ok(SessionScreen {
            doc,
            cursor,
            view: View::Item,
            matrix: MatrixView::default(),
            editor: None,
            followups: FollowUps::default(),
            overlay: None,
            sitting: Sitting::default(),
            returns_to_list: false,
            message,
            size: Rect::default(),
        })
    }

    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    #[cfg(feature = "testkit")]
    pub fn doc_mut(&mut self) -> &mut Doc {
        &mut self.doc
    }

    /// The department short name and item id on screen.
    pub fn position(&self) -> (String, String) {
        let session = self.session();
        let department = session
            .hearings
            .get(self.cursor.department)
            .map_or("", |h| h.department.short.as_str());
        let item = session
            .checklist
            .items()
            .nth(self.cursor.item)
            .map_or("", |(_, i)| i.id.as_str());
        (department.to_string(), item.to_string())
    }

    pub fn show_matrix(&mut self) {
        self.view = View::Matrix;
    }

    pub fn is_showing_matrix(&self) -> bool {
        self.view == View::Matrix
    }

    /// Remembers the terminal's size, so that views scroll to what it will show.
    pub fn resize(&mut self, size: Rect, context: &Context) {
        self.size = size;
        self.follow(context);
    }

    pub fn handle(&mut self, input: &Input, context: &mut Context) -> Step {
        let step = match input {
            Input::Tick => {
                self.tick(context);
                Step::Stay
            }
            Input::Paste(text) => {
                if let Some(editor) = self.editor.as_mut().or(self.followups.editor.as_mut()) {
                    editor.paste(text);
                }
                Step::Stay
            }
            Input::Key(event) => self.on_key(event, context),
        };
        self.follow(context);
        step
    }

    fn on_key(&mut self, event: &KeyEvent, context: &mut Context) -> Step {
        if self.view == View::FollowUps {
            return followups::on_key(self, event, context.t);
        }
        if let Some(editor) = &mut self.editor {
            if event.code == KeyCode::Esc {
                self.finish_note(context.t);
            } else {
                editor.input(*event);
            }
            return Step::Stay;
        }
        let Some(key) = super::key_of(event) else {
            return Step::Stay;
        };
        if self.overlay.is_some() {
            self.on_overlay_key(key, context.t);
            return Step::Stay;
        }
        self.message = None;
        let t = context.t;
        let writable = self.doc.holder().is_none();
        let is_mark = |c| self.session().checklist.mark_for_key(c).is_some();
        match (keymap::lookup(self.view.table(), key), key) {
            (Some(action), _) if action.writes() && !writable => {
                self.message = Some(t.read_only_no_change.to_string())
            }
            (Some(action), _) => return self.update(action, context),
            (None, Key::Char(c)) if is_mark(c) && !writable => {
                self.message = Some(t.read_only_no_change.to_string())
            }
            (None, Key::Char(c)) if is_mark(c) => self.mark_with(c, t),
            (None, key) => self.message = Some((t.unbound)(&key.label())),
        }
        Step::Stay
    }

    /// Carries out what a view's key asked for.
    fn update(&mut self, action: Action, context: &mut Context) -> Step {
        let t = context.t;
        let session = self.doc.session();
        match action {
            Action::Previous => self.step(-1, t),
            Action::Next => self.step(1, t),
            Action::EditNote => self.start_note(t),
            Action::GoToItem => {
                let names = session
                    .checklist
                    .items()
                    .map(|(_, i)| format!("{} {}", i.id, i.text))
                    .collect();
                let picker = Picker::new(self.cursor.item, names);
                self.overlay = Some(Overlay::Items(picker));
            }
            Action::SwitchDepartment => {
                let names = session
                    .hearings
                    .iter()
                    .map(|h| format!("{} {}", h.department.name, h.department.short))
                    .collect();
                let picker = Picker::new(self.cursor.department, names);
                self.overlay = Some(Overlay::Departments(picker));
            }
            Action::OpenMatrix => self.view = View::Matrix,
            Action::OpenFollowUps => {
                self.followups = FollowUps::default();
                self.view = View::FollowUps;
            }
            Action::OpenHearing => {
                self.view = View::Item;
                self.go_to(self.cursor, t);
            }
            Action::Undo => self.undo(t),
            Action::Redo => self.redo(t),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Leave => return Step::Quit,
            Action::MarksWidth => self.cycle_marks(context),
            _ => self.matrix.apply(action, &mut self.cursor, session),
        }
        Step::Stay
    }

    fn on_overlay_key(&mut self, key: Key, t: &Strings) {
        let picked = match &mut self.overlay {
            Some(Overlay::Departments(picker) | Overlay::Items(picker)) => picker.handle(key),
            Some(Overlay::UndoElsewhere(_)) => match keymap::lookup(keymap::CONFIRM, key) {
                Some(Action::Confirm) => Picked::Chosen(0),
                _ => Picked::Closed,
            },
            _ => Picked::Closed,
        };
        match (picked, self.overlay.take()) {
            (Picked::Nothing, overlay) => self.overlay = overlay,
            (Picked::Closed, _) => {}
            (Picked::Chosen(_), Some(Overlay::UndoElsewhere(change))) => self.undo_now(change, t),
            (Picked::Chosen(department), Some(Overlay::Departments(_))) => self.go_to(
                Cursor {
                    department,
                    item: 0,
                },
                t,
            ),
            (Picked::Chosen(item), _) => self.go_to(
                Cursor {
                    item,
                    ..self.cursor
                },
                t,
            ),
        }
    }

    /// A mark key: records the mark at the cursor; in the item view, goes on.
    fn mark_with(&mut self, key: char, t: &Strings) {
        let session = self.session();
        let Some(symbol) = session
            .checklist
            .mark_for_key(key)
            .map(|m| m.symbol.clone())
        else {
            return;
        };
        let (department, item) = self.position();
        if let Ok(change) = session.set_mark(&department, &item, Some(&symbol)) {
            self.record(change, t);
        }
        if self.view == View::Item && self.doc.holder().is_none() {
            self.next_heard(t);
        }
    }

    /// Goes on to the next item of the department that applicability did not set:
    /// those are not heard (`→` still visits them).
    fn next_heard(&mut self, t: &Strings) {
        let session = self.session();
        let hearing = session.hearings.get(self.cursor.department);
        let next = session
            .checklist
            .items()
            .enumerate()
            .skip(self.cursor.item + 1)
            .find(|(_, (_, item))| !hearing.is_some_and(|h| h.by_applicability(&item.id)))
            .map(|(index, _)| index);
        match next {
            Some(item) => self.go_to(
                Cursor {
                    item,
                    ..self.cursor
                },
                t,
            ),
            None => self.message = Some(t.last_heard.to_string()),
        }
    }

    /// Moves `delta` items within the department, saying so at either end.
    fn step(&mut self, delta: isize, t: &Strings) {
        let last = self.session().checklist.item_count().saturating_sub(1);
        match self.cursor.item.checked_add_signed(delta) {
            Some(item) if item <= last => self.go_to(
                Cursor {
                    item,
                    ..self.cursor
                },
                t,
            ),
            Some(_) => self.message = Some(t.last_item.to_string()),
            None => self.message = Some(t.first_item.to_string()),
        }
    }

    /// Puts the cursor at `cursor` and saves it as the place to resume at.
    fn go_to(&mut self, cursor: Cursor, t: &Strings) {
        let was = self.cursor.department;
        let session = self.session();
        self.cursor = Cursor {
            department: cursor
                .department
                .min(session.hearings.len().saturating_sub(1)),
            item: cursor
                .item
                .min(session.checklist.item_count().saturating_sub(1)),
        };
        if self.cursor.department != was
            && let Some(hearing) = self.session().hearings.get(self.cursor.department)
        {
            self.message = Some((t.switched)(&hearing.department.name));
        }
        let (department, item) = self.position();
        if self.doc.holder().is_none()
            && let Ok(change) = self.session().move_to(&department, &item)
        {
            self.save(change, t);
        }
    }

    pub(super) fn record(&mut self, change: Change, t: &Strings) {
        match change {
            // Undo never crosses a sign-off or a reopen.
            Change::SignOff { .. } | Change::Reopen { .. } => self.sitting = Sitting::default(),
            _ if self.doc.holder().is_none() => self.sitting.did(change.clone()),
            _ => {}
        }
        self.save(change, t);
    }

    /// Records without remembering the change for `u` (an undo itself, a move).
    fn save(&mut self, change: Change, t: &Strings) {
        match self.doc.record(change) {
            Saved::ReadOnly | Saved::Unlocked | Saved::Yes => {}
            Saved::No => self.message = self.save_problem(t),
            Saved::Again => self.message = Some(t.saved_again.to_string()),
            Saved::Refused(refusal) => {
                let reason = crate::store::StoreError::Refused(refusal).describe(t.messages);
                self.message = Some((t.refused)(&reason));
            }
        }
    }

    /// Undoes this department's latest change; another department's only once asked.
    fn undo(&mut self, t: &Strings) {
        let (department, _) = self.position();
        match self.sitting.find(&department) {
            Found::Here(change) => self.undo_now(change, t),
            Found::Elsewhere(change) => self.overlay = Some(Overlay::UndoElsewhere(change)),
            Found::Nothing => self.message = Some(t.nothing_to_undo.to_string()),
        }
    }

    fn undo_now(&mut self, change: Change, t: &Strings) {
        self.sitting.undo(&change);
        if let Some(inverse) = change.inverse() {
            self.save(inverse, t);
            self.show_change(&change, t.undone, t);
        }
    }

    fn redo(&mut self, t: &Strings) {
        match self.sitting.redo() {
            Some(change) => {
                self.save(change.clone(), t);
                self.show_change(&change, t.redone, t);
            }
            None => self.message = Some(t.nothing_to_undo.to_string()),
        }
    }

    /// Goes to the cell of a change just undone or redone, and says what it was.
    fn show_change(&mut self, change: &Change, said: fn(&str) -> String, t: &Strings) {
        let (cell, what) = describe_undo(change, t);
        if let Some((department, item)) = cell {
            let target = Cursor {
                department: department_index(self.session(), &department).unwrap_or(0),
                item: item_index(self.session(), &item).unwrap_or(0),
            };
            self.go_to(target, t);
        }
        if self.doc.save_error().is_none() {
            self.message = Some(said(&what));
        }
    }

    fn start_note(&mut self, t: &Strings) {
        // A signed session would refuse the note on Esc and the typing would be lost:
        // say so before anything is typed.
        if let Err(refusal) = self.session().editable() {
            self.message = Some((t.refused)(&refusal.to_string()));
        } else if self.doc.holder().is_none() {
            self.editor = Some(Editor::new(&self.current_note(), t.note_editing));
        }
    }

    /// Leaves the note, recording it if it changed: typed text is never discarded.
    fn finish_note(&mut self, t: &Strings) {
        let Some(editor) = self.editor.take() else {
            return;
        };
        let text = editor.text();
        let (department, item) = self.position();
        if text != self.current_note()
            && let Ok(change) = self.session().set_note(&department, &item, &text)
        {
            self.record(change, t);
        }
    }

    /// The saved note of the cell under the cursor.
    pub(super) fn current_note(&self) -> String {
        let (department, item) = self.position();
        self.session()
            .answer(&department, &item)
            .map(|a| a.note.clone())
            .unwrap_or_default()
    }

    fn cycle_marks(&mut self, context: &mut Context) {
        context.marks = context.marks.next();
        let marks = context.marks;
        // Through update: the file also remembers who is working.
        if let Err(e) = Settings::update(&context.data_dir, |s| s.marks = marks) {
            self.message = Some((context.t.settings_not_saved)(&e.to_string()));
        }
    }

    /// Retries pending saves; a read-only copy follows the writer or takes over.
    fn tick(&mut self, context: &Context) {
        match self.doc.tick(&context.actor) {
            Saved::Again => self.message = Some(context.t.saved_again.to_string()),
            Saved::Unlocked => self.message = Some(context.t.now_writable.to_string()),
            Saved::Yes | Saved::No | Saved::Refused(_) | Saved::ReadOnly => {}
        }
    }

    /// Keeps the matrix's viewport and an open list around the cursor, for the last
    /// frame's size.
    fn follow(&mut self, context: &Context) {
        if self.size.is_empty() {
            // No frame yet: nothing to fit, and the first frame scrolls for itself.
            return;
        }
        let t = context.t;
        let area = self.matrix_area(self.size, t);
        let reader = self.reader();
        let session = self.doc.session();
        self.matrix
            .follow(session, self.cursor, area, t, context.marks, reader);
        let (title, rows) = match &self.overlay {
            Some(Overlay::Departments(_)) => (t.departments, item::department_rows(self)),
            Some(Overlay::Items(_)) => (t.items, item::item_rows(self)),
            _ => return,
        };
        if let Some(Overlay::Departments(picker) | Overlay::Items(picker)) = &mut self.overlay {
            picker.follow(self.size, title, rows, t);
        }
    }

    /// Saves an open note and folds the journal: the screen is going away.
    pub fn close(mut self, context: &Context) {
        self.finish_note(context.t);
        followups::finish_note(&mut self, context.t);
        self.doc.close();
    }

    /// A save failure or read-only notice stays on screen until it no longer holds.
    pub(super) fn banner(&self, t: &Strings) -> Option<String> {
        if self.doc.save_error().is_some() {
            return self.save_problem(t);
        }
        self.doc.holder().map(|holder| (t.read_only)(holder))
    }

    fn save_problem(&self, t: &Strings) -> Option<String> {
        let reason = self.doc.save_error()?.describe(t.messages);
        Some((t.save_failed)(&reason, self.doc.pending()))
    }

    /// Who reads this screen's footer and help.
    pub(super) fn reader(&self) -> help::Reader {
        help::Reader {
            writable: self.doc.holder().is_none(),
            back: self.returns_to_list,
        }
    }

    /// The scale, for footers and help, when this copy may mark.
    pub(super) fn markable_scale(&self) -> Option<&[crate::checklist::Mark]> {
        let scale = &self.session().checklist.scale;
        self.doc.holder().is_none().then_some(scale.as_slice())
    }

    /// The matrix takes the screen but for a notice line when there is something to say.
    fn matrix_area(&self, area: Rect, t: &Strings) -> Rect {
        let notice = u16::from(self.banner(t).or_else(|| self.message.clone()).is_some());
        Rect {
            y: area.y.saturating_add(notice),
            height: area.height.saturating_sub(notice),
            ..area
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, context: &Context) {
        let t = context.t;
        match self.view {
            View::Item => item::draw(self, frame, area, t),
            View::FollowUps => followups::draw(self, frame, area, t),
            View::Matrix => {
                if let Some(text) = self.banner(t).or_else(|| self.message.clone()) {
                    let line = Rect { height: 1, ..area };
                    frame.render_widget(super::widgets::banner(&text), line);
                }
                let table = self.matrix_area(area, t);
                let session = self.session();
                self.matrix
                    .draw(frame, table, session, self.cursor, context, self.reader());
            }
        }
        if let Some(overlay) = &self.overlay {
            self.draw_overlay(overlay, frame, area, context);
        }
    }

    fn draw_overlay(&self, overlay: &Overlay, frame: &mut Frame, area: Rect, context: &Context) {
        let t = context.t;
        match overlay {
            Overlay::Help => {
                let legend = (t.matrix_legend)(context.marks.unanswered());
                let legend: &[&str] = match self.view {
                    View::Item | View::FollowUps => &[],
                    View::Matrix => &[&legend],
                };
                let tables = [self.view.table(), keymap::APP];
                let scale = self.markable_scale();
                help::draw_for(frame, area, &tables, t, scale, legend, self.reader());
            }
            Overlay::Departments(picker) => {
                picker.draw(frame, area, t.departments, item::department_rows(self), t)
            }
            Overlay::Items(picker) => picker.draw(frame, area, t.items, item::item_rows(self), t),
            Overlay::UndoElsewhere(change) => {
                let name = department_of(change)
                    .and_then(|short| self.session().hearing(short))
                    .map_or(String::new(), |h| h.department.name.clone());
                let (_, what) = describe_undo(change, t);
                super::widgets::question(frame, area, &(t.undo_elsewhere)(&name, &what), t.confirm);
            }
        }
    }
}

/// The department of `name` (full or short) in the session, by index.
fn department_index(session: &Session, name: &str) -> Option<usize> {
    session
        .hearings
        .iter()
        .position(|h| h.department.name == name || h.department.short == name)
}

fn item_index(session: &Session, id: &str) -> Option<usize> {
    session.checklist.items().position(|(_, i)| i.id == id)
}

/// Where the session was left: its saved cursor, or the start.
fn saved_cursor(session: &Session) -> Cursor {
    Cursor {
        department: department_index(session, &session.cursor.department).unwrap_or(0),
        item: item_index(session, &session.cursor.item).unwrap_or(0),
    }
}

/// The cell an undo goes back to (None for a change that is not about one cell), and
/// how the message line names what it undid.
fn describe_undo(change: &Change, t: &Strings) -> (Option<(String, String)>, String) {
    let shown = |m: &Option<String>| m.clone().unwrap_or_else(|| t.unanswered.to_string());
    let cell = |department: &String, item: &String| Some((department.clone(), item.clone()));
    match change {
        Change::Mark {
            department,
            item,
            from,
            to,
            ..
        } => (
            cell(department, item),
            format!("{item} {} → {}", shown(to), shown(from)),
        ),
        Change::Note {
            department, item, ..
        } => (cell(department, item), format!("{item} {}", t.note)),
        Change::Field {
            department,
            item,
            field,
            ..
        } => (cell(department, item), format!("{item} {field}")),
        Change::Dismissal {
            department, item, ..
        } => (cell(department, item), format!("{department} {item}")),
        Change::Observation {
            department, area, ..
        } => (None, format!("{department} {area}")),
        Change::Finding {
            department,
            area,
            from,
            to,
        } => {
            let id = from.as_ref().or(to.as_ref()).map_or(0, |f| f.id);
            (None, format!("{department} {area} #{id}"))
        }
        Change::Fact { field, .. } => (None, format!("{field:?}")),
        Change::FollowUp {
            department,
            area,
            finding,
            ..
        } => (None, format!("{department} {area} #{finding}")),
        Change::DepartmentFact {
            department, field, ..
        } => (None, format!("{department} {field:?}")),
        Change::Move(_) | Change::SignOff { .. } | Change::Reopen { .. } => (None, String::new()),
    }
}

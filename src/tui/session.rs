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

use super::asks::FieldPrompt;
use super::editor::Editor;
use super::export_dialog::{ExportDialog, Outcome};
use super::followups::{self, FollowUps};
use super::matrix::MatrixView;
use super::path_prompt::PathPrompt;
use super::picker::{Picked, Picker};
use super::record::{Editing, Pages};
use super::undo::{Found, Sitting, department_of};
use super::{Context, Input, Step, help, item, record, search};

pub struct SessionScreen {
    pub(super) doc: Doc,
    pub(super) cursor: Cursor,
    pub(super) view: View,
    pub(super) matrix: MatrixView,
    /// The note (or 所見, 指摘事項, fact) being edited, if any.
    pub(super) editor: Option<Editor>,
    /// What the open editor's text is for.
    pub(super) editing: Editing,
    /// The sheet, review, history and facts views: where each stands.
    pub(super) pages: Pages,
    pub(super) overlay: Option<Overlay>,
    /// The follow-up list's choice and note being edited.
    pub(super) followups: FollowUps,
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
    Sheet,
    Review,
    History,
    Facts,
    /// Last round's 指摘事項 of the department, to follow up.
    FollowUps,
}

impl View {
    fn table(self) -> &'static [Binding] {
        match self {
            View::Item => keymap::ITEM,
            View::Matrix => keymap::MATRIX,
            View::Sheet => keymap::SHEET,
            View::Review => keymap::REVIEW,
            View::History => keymap::HISTORY,
            View::Facts => keymap::FACTS,
            View::FollowUps => keymap::FOLLOWUPS,
        }
    }

    /// True for the views in which the checklist's mark keys record marks.
    fn marks(self) -> bool {
        matches!(self, View::Item | View::Matrix)
    }
}

/// Why a session cannot be put on screen, worded by the language tables the same
/// way on the screen and on the command line.
#[derive(Debug)]
pub enum OpenError {
    Store(crate::store::StoreError),
    NotHearable(String),
    NoDepartment { name: String, id: String },
}

impl From<crate::store::StoreError> for OpenError {
    fn from(error: crate::store::StoreError) -> OpenError {
        OpenError::Store(error)
    }
}

/// English, for logs and tests; the screens and the command line word it with
/// `Describe`.
impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&crate::i18n::MESSAGES_EN))
    }
}

impl Describe for OpenError {
    fn describe(&self, m: &crate::i18n::Messages) -> String {
        match self {
            OpenError::Store(e) => e.describe(m),
            OpenError::NotHearable(id) => (m.not_hearable)(id),
            OpenError::NoDepartment { name, id } => (m.no_department)(name, id),
        }
    }
}

pub(super) enum Overlay {
    Help,
    /// Who signs: the round's auditors and 監査実施責任者.
    Signer(Picker),
    /// `/`: item texts, notes and 所見, each line with its place (made once: a large
    /// round has tens of thousands).
    Search(Picker, Vec<(search::Place, String)>),
    /// Every △/× cell with its note, by item.
    Findings(Picker, Vec<(search::Place, String)>),
    /// The items of an area, to toggle in the 指摘事項 (area, id) it names.
    FindingItems(Picker, String, u32),
    Departments(Picker),
    Items(Picker),
    /// Undo this change of another department? Asked before doing it.
    UndoElsewhere(Change),
    /// The path of a returned self-check workbook being typed.
    ImportPath(Box<PathPrompt>),
    /// The answer fields the mark just given asks for.
    Fields(Box<FieldPrompt>),
    /// The gate's new mark would leave these answered items not applying: clear them?
    Gate {
        symbol: String,
        answered: Vec<String>,
    },
    Export(ExportDialog),
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
        let mut screen = SessionScreen {
            doc,
            cursor,
            view: View::Item,
            matrix: MatrixView::default(),
            editor: None,
            editing: Editing::default(),
            pages: Pages::default(),
            followups: FollowUps::default(),
            overlay: None,
            sitting: Sitting::default(),
            returns_to_list: false,
            message,
            size: Rect::default(),
        };
        record::restore_draft(&mut screen, context);
        Ok(screen)
    }

    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    /// The lines of a search or findings list, as the picker draws them.
    fn search_rows(lines: &[(search::Place, String)]) -> Vec<ratatui::text::Line<'static>> {
        lines
            .iter()
            .map(|(_, text)| ratatui::text::Line::from(text.clone()))
            .collect()
    }

    /// The key table of the view on screen.
    pub(super) fn view_table(&self) -> &'static [Binding] {
        self.view.table()
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

    /// True while an editor (a note, a 所見, a fact) is open.
    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
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
                    self.pages.typed();
                } else if let Some(Overlay::Fields(prompt)) = &mut self.overlay {
                    prompt.paste(text);
                } else if let Some(Overlay::ImportPath(prompt)) = &mut self.overlay {
                    prompt.paste(text);
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
                if self.finish_note(context) == Editing::NoteThenNext {
                    self.next_heard(context.t);
                }
            } else {
                editor.input(*event);
                self.pages.typed();
            }
            return Step::Stay;
        }
        if let Some(Overlay::Fields(_)) = &self.overlay {
            self.on_field_key(event, context.t);
            return Step::Stay;
        }
        if let Some(Overlay::ImportPath(_)) = &self.overlay {
            self.on_path_key(event, context.t);
            return Step::Stay;
        }
        let Some(key) = super::key_of(event) else {
            return Step::Stay;
        };
        if let Some(Overlay::Export(dialog)) = &mut self.overlay {
            let outcome = dialog.handle(key, context.t);
            self.on_export(outcome, context.t);
            return Step::Stay;
        }
        if self.overlay.is_some() {
            self.on_overlay_key(key, context);
            return Step::Stay;
        }
        self.message = None;
        let t = context.t;
        let writable = self.doc.holder().is_none();
        let marks = self.view.marks();
        let is_mark = |c| marks && self.session().checklist.mark_for_key(c).is_some();
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
            Action::Export => {
                let dialog = ExportDialog::new(&session.facts.title, t);
                self.overlay = Some(Overlay::Export(dialog));
            }
            Action::AcceptSelf => self.accept_self(t),
            Action::ImportSelfcheck => self.overlay = Some(Overlay::ImportPath(Box::default())),
            Action::ToggleSelf => self.matrix.self_view = !self.matrix.self_view,
            Action::OpenSheet if self.view == View::Sheet => self.view = self.pages.back,
            Action::OpenSheet => self.open_page(View::Sheet),
            Action::OpenReview => self.open_page(View::Review),
            Action::OpenFacts => self.open_page(View::Facts),
            Action::OpenHistory if self.view == View::History => self.pages.whole_history ^= true,
            Action::OpenHistory => {
                self.pages.whole_history = false;
                self.open_page(View::History);
            }
            Action::Return => self.view = self.pages.back,
            Action::Search => {
                let lines = search::hits(session, t);
                let names = lines.iter().map(|h| h.1.clone()).collect();
                self.overlay = Some(Overlay::Search(Picker::new(0, names), lines));
            }
            Action::FindingsList => {
                let lines = search::findings(session);
                let names = lines.iter().map(|h| h.1.clone()).collect();
                self.overlay = Some(Overlay::Findings(Picker::new(0, names), lines));
            }
            _ if self.view == View::Matrix => self.matrix.apply(action, &mut self.cursor, session),
            _ => record::apply(self, action, context),
        }
        Step::Stay
    }

    /// Goes to a line of the search or of the findings list.
    fn go_to_place(&mut self, place: Option<search::Place>, t: &Strings) {
        match place {
            Some(search::Place::Item(item)) => self.go_to(
                Cursor {
                    item,
                    ..self.cursor
                },
                t,
            ),
            Some(search::Place::Cell(department, item)) => {
                self.go_to(Cursor { department, item }, t)
            }
            Some(search::Place::Observation(department, area)) => {
                self.go_to(
                    Cursor {
                        department,
                        ..self.cursor
                    },
                    t,
                );
                let (short, _) = self.position();
                let row = super::sheet::observation_row(self.session(), &short, &area);
                self.open_page(View::Sheet);
                self.pages.selected = row;
            }
            None => {}
        }
    }

    /// Opens the sheet, review, history or facts, remembering the view to go back to.
    fn open_page(&mut self, view: View) {
        if self.view.marks() {
            self.pages.back = self.view;
        }
        self.pages.selected = 0;
        self.view = view;
    }

    fn on_overlay_key(&mut self, key: Key, context: &Context) {
        let t = context.t;
        let picked = match &mut self.overlay {
            Some(
                Overlay::Departments(picker)
                | Overlay::Items(picker)
                | Overlay::Signer(picker)
                | Overlay::Search(picker, _)
                | Overlay::Findings(picker, _)
                | Overlay::FindingItems(picker, ..),
            ) => picker.handle(key),
            // A question: 1 for yes, 0 for no.
            Some(Overlay::UndoElsewhere(_) | Overlay::Gate { .. }) => {
                match keymap::lookup(keymap::CONFIRM, key) {
                    Some(Action::Confirm) => Picked::Chosen(1),
                    _ => Picked::Chosen(0),
                }
            }
            _ => Picked::Closed,
        };
        match (picked, self.overlay.take()) {
            (Picked::Nothing, overlay) => self.overlay = overlay,
            (Picked::Closed, _) => {}
            (Picked::Chosen(1), Some(Overlay::UndoElsewhere(change))) => self.undo_now(change, t),
            (Picked::Chosen(_), Some(Overlay::UndoElsewhere(_))) => {}
            (Picked::Chosen(yes), Some(Overlay::Gate { symbol, answered })) => {
                if yes == 1 {
                    self.clear_cells(&answered, t);
                }
                self.give_mark(&symbol, t);
            }
            (Picked::Chosen(person), Some(Overlay::Signer(_))) => record::sign(self, person, t),
            (Picked::Chosen(item), Some(Overlay::FindingItems(_, area, id))) => {
                super::sheet::toggle_item(self, &area, id, item, t)
            }
            (
                Picked::Chosen(line),
                Some(Overlay::Search(_, lines) | Overlay::Findings(_, lines)),
            ) => {
                let place = lines.into_iter().nth(line).map(|h| h.0);
                self.go_to_place(place, t);
            }
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

    /// Carries out what the export dialog asked for: asks before writing over a file,
    /// writes, and says where; a report that cannot be written keeps the dialog open
    /// with the reason.
    fn on_export(&mut self, outcome: Outcome, t: &Strings) {
        let Some(Overlay::Export(dialog)) = &mut self.overlay else {
            return;
        };
        match outcome {
            Outcome::Nothing => {}
            Outcome::Closed => self.overlay = None,
            Outcome::Write {
                path, overwrite, ..
            } if path.exists() && !overwrite => dialog.ask_overwrite(),
            Outcome::Write {
                report,
                format,
                path,
                ..
            } => match export_to(self.doc.session(), report, format, &path, t) {
                Ok(()) => {
                    self.overlay = None;
                    self.message = Some((t.export_written)(&path.display().to_string()));
                }
                Err(problem) => dialog.problem = Some(problem),
            },
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
        let effect = session.gate_effect(&department, &item, Some(&symbol));
        match effect {
            Ok(effect) if !effect.answered.is_empty() => {
                let answered = effect.answered;
                self.overlay = Some(Overlay::Gate { symbol, answered });
            }
            _ => self.give_mark(&symbol, t),
        }
    }

    /// Records `symbol` at the cursor, then asks for the answer fields the mark names,
    /// or for the note its scale requires, or goes on to the next heard item.
    fn give_mark(&mut self, symbol: &str, t: &Strings) {
        let (department, item) = self.position();
        let session = self.session();
        let (asks, needs_note) = session
            .checklist
            .mark(symbol)
            .map(|m| (m.asks.clone(), m.note_required))
            .unwrap_or_default();
        let change = match session.set_mark(&department, &item, Some(symbol)) {
            Ok(change) => change,
            Err(refusal) => {
                // A signed session: say so rather than go on as if it were marked.
                self.message = Some((t.refused)(&refusal.describe(t.messages)));
                return;
            }
        };
        self.record(change, t);
        let prompt = FieldPrompt::new(self.session(), &department, &item, &asks);
        match prompt {
            Some(prompt) if self.doc.holder().is_none() => {
                self.overlay = Some(Overlay::Fields(Box::new(prompt)))
            }
            _ => self.after_mark(needs_note, t),
        }
    }

    /// In the item view a mark goes on to the next item that is heard; when the scale
    /// asks for a note with it, the note's editor opens at once and leaving it goes on.
    fn after_mark(&mut self, needs_note: bool, t: &Strings) {
        if self.view != View::Item || self.doc.holder().is_some() {
            return;
        }
        if needs_note && self.current_note().trim().is_empty() {
            self.edit(Editing::NoteThenNext, "", t.note_editing);
        } else {
            self.next_heard(t);
        }
    }

    /// Clears the marks of `items` in the department on screen (a gate will hide them).
    fn clear_cells(&mut self, items: &[String], t: &Strings) {
        let (department, _) = self.position();
        for item in items {
            if let Ok(change) = self.session().set_mark(&department, item, None) {
                self.record(change, t);
            }
        }
    }

    /// Enter reads the workbook whose path was typed; Esc leaves it.
    fn on_path_key(&mut self, event: &KeyEvent, t: &Strings) {
        let Some(Overlay::ImportPath(mut prompt)) = self.overlay.take() else {
            return;
        };
        match super::key_of(event) {
            Some(Key::Esc) => {}
            Some(Key::Enter) => self.import_selfcheck(&prompt.path(), t),
            _ => {
                prompt.input(*event);
                self.overlay = Some(Overlay::ImportPath(prompt));
            }
        }
    }

    /// Reads a returned self-check workbook into the departments' self-assessment
    /// (never their marks); a workbook with any problem changes nothing.
    fn import_selfcheck(&mut self, path: &str, t: &Strings) {
        let now = chrono::Local::now().fixed_offset();
        let file = std::path::Path::new(path);
        match crate::selfcheck::workbook::read(self.session(), file, now) {
            Err(problems) => {
                let first = problems.first().map(|p| p.describe(t.messages));
                let first = first.unwrap_or_default();
                self.message = Some((t.import_refused)(problems.len(), &first));
            }
            Ok(returned) => {
                let count = returned.len();
                for r in returned {
                    match self.session().set_selfcheck(&r.department, r.selfcheck) {
                        Ok(change) => self.record(change, t),
                        Err(refusal) => {
                            self.message = Some((t.refused)(&refusal.describe(t.messages)));
                            return;
                        }
                    }
                }
                self.message = Some((t.imported_selfcheck)(count));
            }
        }
    }

    /// Enter records the field and asks the next; Esc leaves the rest unasked.
    fn on_field_key(&mut self, event: &KeyEvent, t: &Strings) {
        let Some(Overlay::Fields(mut prompt)) = self.overlay.take() else {
            return;
        };
        match super::key_of(event) {
            Some(Key::Esc) => return self.after_mark(false, t),
            Some(Key::Enter) => {
                if let Some((id, _)) = prompt.field() {
                    let text = prompt.text();
                    let value = (!text.is_empty()).then_some(text.as_str());
                    match self
                        .session()
                        .set_field(&prompt.department, &prompt.item, id, value)
                    {
                        Ok(change) => self.record(change, t),
                        Err(refusal) => {
                            self.message = Some((t.refused)(&refusal.describe(t.messages)));
                            self.overlay = Some(Overlay::Fields(prompt));
                            return;
                        }
                    }
                }
                if !prompt.advance(self.session()) {
                    return self.after_mark(false, t);
                }
            }
            _ => prompt.input(*event),
        }
        self.overlay = Some(Overlay::Fields(prompt));
    }

    /// The department's own mark as the audit's, then on, as a mark key would.
    fn accept_self(&mut self, t: &Strings) {
        let (department, item) = self.position();
        match self.session().accept_self(&department, &item) {
            Some(Ok(change)) => {
                self.record(change, t);
                self.next_heard(t);
            }
            Some(Err(refusal)) => {
                let reason = crate::store::StoreError::Refused(refusal).describe(t.messages);
                self.message = Some((t.refused)(&reason));
            }
            None => self.message = Some(t.no_self_mark.to_string()),
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
    pub(super) fn go_to(&mut self, cursor: Cursor, t: &Strings) {
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
            self.message = Some((t.refused)(&refusal.describe(t.messages)));
        } else if self.doc.holder().is_none() {
            self.edit(Editing::Note, &self.current_note(), t.note_editing);
        }
    }

    /// Opens the editor on `text`, for `editing`.
    pub(super) fn edit(&mut self, editing: Editing, text: &str, title: &str) {
        self.editor = Some(Editor::new(text, title));
        self.editing = editing;
    }

    /// Leaves the editor, recording its text if it changed: typed text is never
    /// discarded.
    /// Says what the editor was for.
    fn finish_note(&mut self, context: &Context) -> Editing {
        let t = context.t;
        let Some(editor) = self.editor.take() else {
            return Editing::default();
        };
        let text = editor.text();
        record::clear_draft(self, context);
        let editing = std::mem::take(&mut self.editing);
        if !matches!(editing, Editing::Note | Editing::NoteThenNext) {
            record::finish(self, editing.clone(), &text, t);
            return editing;
        }
        let (department, item) = self.position();
        if text != self.current_note()
            && let Ok(change) = self.session().set_note(&department, &item, &text)
        {
            self.record(change, t);
        }
        editing
    }

    /// The saved note of the cell under the cursor.
    pub fn current_note(&self) -> String {
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
            self.message = Some((context.t.settings_not_saved)(
                &e.describe(context.t.messages),
            ));
        }
    }

    /// Retries pending saves; a read-only copy follows the writer or takes over.
    fn tick(&mut self, context: &Context) {
        record::keep_draft(self, context);
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
            Some(Overlay::Search(_, lines)) => (t.record.search, Self::search_rows(lines)),
            Some(Overlay::Findings(_, lines)) => (t.record.findings_list, Self::search_rows(lines)),
            _ => return,
        };
        if let Some(
            Overlay::Departments(picker)
            | Overlay::Items(picker)
            | Overlay::Search(picker, _)
            | Overlay::Findings(picker, _),
        ) = &mut self.overlay
        {
            picker.follow(self.size, title, rows, t);
        }
    }

    /// Saves an open note and folds the journal: the screen is going away.
    pub fn close(mut self, context: &Context) {
        let _ = self.finish_note(context);
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
            selfchecks: self.session().has_selfchecks(),
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
            View::Sheet | View::Review | View::History | View::Facts => {
                record::draw(self, frame, area, context)
            }
            View::FollowUps => followups::draw(self, frame, area, t),
            View::Matrix => {
                if let Some(text) = self.banner(t).or_else(|| self.message.clone()) {
                    let line = Rect { height: 1, ..area };
                    frame.render_widget(super::widgets::banner(&text), line);
                }
                let table = self.matrix_area(area, t);
                self.matrix
                    .draw(frame, table, &self.doc, self.cursor, context, self.reader());
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
                    View::Matrix => &[&legend],
                    _ => &[],
                };
                let tables = [self.view.table(), keymap::APP];
                let scale = self.markable_scale().filter(|_| self.view.marks());
                help::draw_for(frame, area, &tables, t, scale, legend, self.reader());
            }
            Overlay::Departments(picker) => {
                picker.draw(frame, area, t.departments, item::department_rows(self), t)
            }
            Overlay::Items(picker) => picker.draw(frame, area, t.items, item::item_rows(self), t),
            Overlay::Fields(prompt) => prompt.draw(frame, area, t),
            Overlay::ImportPath(prompt) => prompt.draw(frame, area, t.import_path),
            Overlay::Gate { answered, .. } => {
                let question = (t.gate_question)(&answered.join(", "));
                super::widgets::question(frame, area, &question, t.confirm);
            }
            Overlay::Search(picker, lines) => {
                let rows = Self::search_rows(lines);
                picker.draw(frame, area, t.record.search, rows, t)
            }
            Overlay::Findings(picker, lines) => {
                let rows = Self::search_rows(lines);
                picker.draw(frame, area, t.record.findings_list, rows, t)
            }
            Overlay::FindingItems(picker, of_area, id) => {
                let rows = super::sheet::item_rows(self, of_area, *id);
                picker.draw(frame, area, t.record.finding_items, rows, t)
            }
            Overlay::Signer(picker) => {
                let rows = record::signer_rows(self.session());
                picker.draw(frame, area, t.record.signer, rows, t)
            }
            Overlay::UndoElsewhere(change) => {
                let name = department_of(change)
                    .and_then(|short| self.session().hearing(short))
                    .map_or(String::new(), |h| h.department.name.clone());
                let (_, what) = describe_undo(change, t);
                super::widgets::question(frame, area, &(t.undo_elsewhere)(&name, &what), t.confirm);
            }
            Overlay::Export(dialog) => dialog.draw(frame, area, t),
        }
    }
}

/// Writes `report` of `session` as `format` to `path`; the reason in the screen's
/// language when nothing was written.
fn export_to(
    session: &Session,
    report: crate::export::Report,
    format: crate::export::Format,
    path: &std::path::Path,
    t: &Strings,
) -> Result<(), String> {
    use crate::export::{self, ExportError, Report};
    let bytes = export::write(session, report, format, t.report_lang).map_err(|e| match e {
        ExportError::Unsupported { .. } => {
            let words = t.report_lang.report_words();
            let name = match report {
                Report::Matrix => words.matrix,
                Report::Departments => words.departments,
                Report::Summary => words.summary,
                Report::All => t.export_all,
                Report::Compare => t.rounds.compare_report,
            };
            (t.export_unsupported)(name, &format.to_string())
        }
        other => (t.export_failed)(&other.describe(t.messages)),
    })?;
    export::save(path, &bytes).map_err(|e| {
        let reason = crate::error::IoReason::from(&e).describe(t.messages);
        (t.export_failed)(&crate::i18n::located(path, None, &reason))
    })
}

/// The department of `name` (full or short) in the session, by index.
pub(super) fn department_index(session: &Session, name: &str) -> Option<usize> {
    session
        .hearings
        .iter()
        .position(|h| h.department.name == name || h.department.short == name)
}

pub(super) fn item_index(session: &Session, id: &str) -> Option<usize> {
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
        Change::SelfCheck { department, .. } => {
            (None, format!("{department} {}", t.self_assessment))
        }
        Change::Move(_) | Change::SignOff { .. } | Change::Reopen { .. } => (None, String::new()),
    }
}

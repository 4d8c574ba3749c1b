//! One session on screen, and the one owner of its state: the session being worked on
//! (`Model`), which view is on screen, each view's own state, the editor (`Notes`) and
//! what is shown over the view (`Overlay`). A key reaches the view's table (or the
//! editor's, the overlay's) and becomes an `Action`; `update` carries it out, and what
//! a view asks for comes back as an `Effect`. Views only draw, from a `Scene`.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::facts::FactField;
use crate::i18n::{Describe, Strings};
use crate::keymap::{Action, Key};
use crate::session::Session;
use crate::settings::Settings;

use super::acts::{self, Answered, Marked};
use super::asks::FieldPrompt;
use super::context::{Context, Input, Step};
use super::editor::Edited;
use super::facts;
use super::model::{Model, OpenError};
use super::notes::Notes;
use super::overlay::Overlay;
use super::path_prompt::{PathFor, PathPrompt, Prompted};
use super::picker::Picked;
use super::shared::{Component, Cursor, Editing, Effect, Scene, View};
use super::sheet;
use super::views::Views;
use super::{evidence, keys, search, widgets};

pub struct SessionScreen {
    model: Model,
    view: View,
    /// The view (item or matrix) the sheet, review, history and facts go back to.
    back: View,
    views: Views,
    /// The note (or 所見, 指摘事項, fact) being edited, if any.
    notes: Notes,
    overlay: Option<Overlay>,
    /// Leaving goes back to the session list (so `q` says 戻る, not 終了).
    pub returns_to_list: bool,
    /// The terminal's size at the last frame, which the views scroll within.
    size: Rect,
}

impl SessionScreen {
    /// Opens session `id` at its saved position, or at the first item of `department`.
    pub fn open(
        context: &Context,
        id: &str,
        department: Option<&str>,
    ) -> Result<SessionScreen, OpenError> {
        let mut screen = SessionScreen {
            model: Model::open(context, id, department)?,
            view: View::Item,
            back: View::Item,
            views: Views::default(),
            notes: Notes::default(),
            overlay: None,
            returns_to_list: false,
            size: Rect::default(),
        };
        if let Some((view, row)) = screen.notes.restore_draft(&mut screen.model, context) {
            screen.show(view, row);
        }
        Ok(screen)
    }

    pub fn session(&self) -> &Session {
        self.model.session()
    }

    #[cfg(feature = "testkit")]
    pub fn doc_mut(&mut self) -> &mut crate::store::Doc {
        self.model.doc_mut()
    }

    /// The department short name and item id on screen.
    pub fn position(&self) -> (String, String) {
        self.model.position()
    }

    /// The saved note of the cell under the cursor.
    pub fn current_note(&self) -> String {
        self.model.current_note()
    }

    pub fn show_matrix(&mut self) {
        self.view = View::Matrix;
    }

    /// True while an editor (a note, a 所見, a fact) is open.
    pub fn is_editing(&self) -> bool {
        self.notes.is_open()
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
                self.notes.keep_draft(&mut self.model, context);
                self.model.tick(context);
                Step::Stay
            }
            Input::Paste(text) => {
                self.paste(text);
                Step::Stay
            }
            Input::Key(event) => self.on_key(event, context),
        };
        self.follow(context);
        step
    }

    /// Pasted text goes to whatever is being typed into.
    fn paste(&mut self, text: &str) {
        if self.notes.is_open() {
            self.notes.paste(text);
        } else if self.views.followups.is_editing() {
            self.views.followups.paste(text);
        } else if let Some(Overlay::Fields(prompt)) = &mut self.overlay {
            prompt.paste(text);
        } else if let Some(Overlay::ImportPath(prompt)) = &mut self.overlay {
            prompt.paste(text);
        }
    }

    /// What the view (or the editor, or the overlay over it) reads.
    fn scene<'a>(model: &'a Model, notes: &'a Notes, back: bool, context: &Context) -> Scene<'a> {
        model.scene(context, notes.editor(), back)
    }

    /// A key: to what is being typed into or asked, else through the view's table.
    fn on_key(&mut self, event: &KeyEvent, context: &mut Context) -> Step {
        let t = context.t;
        if self.view == View::FollowUps && self.views.followups.is_editing() {
            let scene = Self::scene(&self.model, &self.notes, self.returns_to_list, context);
            let effect = self.views.followups.type_key(event, &scene);
            self.apply(effect, context);
            return Step::Stay;
        }
        if self.notes.is_open() {
            if self.notes.type_key(event) == Edited::Closed
                && self.notes.finish(&mut self.model, context) == Editing::NoteThenNext
            {
                self.model.next_heard(t);
            }
            return Step::Stay;
        }
        match self.overlay.take() {
            Some(Overlay::Fields(prompt)) => return self.on_field_key(prompt, event, t),
            Some(Overlay::ImportPath(prompt)) => return self.on_path_key(prompt, event, context),
            overlay => self.overlay = overlay,
        }
        let Some(key) = keys::key_of(event) else {
            return Step::Stay;
        };
        if let Some(Overlay::Export(dialog)) = &mut self.overlay {
            let outcome = dialog.handle(key, t);
            acts::export(&mut self.model, &mut self.overlay, outcome, context);
            return Step::Stay;
        }
        if self.overlay.is_some() {
            self.on_overlay_key(key, t);
            return Step::Stay;
        }
        // The Ctrl keys clear what is typed: a view has nothing to say of them (and
        // the app has had Ctrl-C).
        if keys::is_ctrl(key) {
            return Step::Stay;
        }
        self.on_view_key(key, context)
    }

    /// A key of the view on screen: its action, or a mark key where marks are given.
    fn on_view_key(&mut self, key: Key, context: &mut Context) -> Step {
        let t = context.t;
        self.model.message = None;
        let (writable, signed) = (self.model.writable(), self.model.session().is_signed());
        let marks = self.view.marks();
        let is_mark = |c| marks && self.model.session().checklist.mark_for_key(c).is_some();
        match (self.views.get(self.view).action(key), key) {
            (Some(action), _) if action.writes() && !writable => {
                self.model.say(t.read_only_no_change)
            }
            (Some(action), _) if signed && !action.allowed_when_signed() => {
                self.model.say(t.signed_no_change)
            }
            (Some(action), _) => return self.update(action, context),
            (None, Key::Char(c)) if is_mark(c) && !writable => {
                self.model.say(t.read_only_no_change)
            }
            (None, Key::Char(c)) if is_mark(c) && signed => self.model.say(t.signed_no_change),
            (None, Key::Char(c)) if is_mark(c) => {
                let marked = acts::mark_with(&mut self.model, c, t);
                self.after_marking(marked, t);
            }
            (None, key) => self.model.say((t.unbound)(&key.label())),
        }
        Step::Stay
    }

    /// Carries out what a key asked for: the screen's own actions here, the rest by
    /// the view on screen, whose `Effect` the screen then carries out.
    fn update(&mut self, action: Action, context: &mut Context) -> Step {
        let t = context.t;
        if action == Action::Reopen && self.view != View::Review {
            self.reopen(context);
            return Step::Stay;
        }
        if self.view == View::FollowUps {
            self.update_view(action, context);
            return Step::Stay;
        }
        if let Some(overlay) = self.overlay_for(action, context) {
            self.overlay = Some(overlay);
            return Step::Stay;
        }
        match action {
            Action::Leave => return Step::Quit,
            Action::Previous => self.model.step(-1, t),
            Action::Next => self.model.step(1, t),
            Action::EditNote => self.start_note(t),
            Action::Undo => {
                if let Some(change) = self.model.undo(t) {
                    self.overlay = Some(Overlay::UndoElsewhere(change));
                }
            }
            Action::Redo => self.model.redo(t),
            Action::MarksWidth => self.cycle_marks(context),
            Action::AcceptSelf => acts::accept_self(&mut self.model, t),
            Action::OpenMatrix => self.view = View::Matrix,
            Action::NextChecklist => self.model.next_checklist(t),
            Action::OpenHearing => {
                self.view = View::Item;
                self.model.go_to(self.model.cursor(), t);
            }
            Action::OpenFollowUps => {
                self.views.followups.open();
                self.view = View::FollowUps;
            }
            Action::OpenSheet if self.view == View::Sheet => self.view = self.back,
            Action::OpenSheet => self.open_page(View::Sheet),
            Action::OpenReview => self.open_page(View::Review),
            // From the review, at the 総評 while it is missing (a blocker).
            Action::OpenFacts if self.view == View::Review && self.model.overall_missing() => {
                self.show(View::Facts, facts::row_of(FactField::Overall))
            }
            Action::OpenFacts => self.open_page(View::Facts),
            Action::OpenHistory if self.view != View::History => self.open_page(View::History),
            Action::Return => self.view = self.back,
            Action::ShowEvidence => self.model.say(t.no_evidence),
            _ => self.update_view(action, context),
        }
        Step::Stay
    }

    /// The overlay an action opens, if it opens one.
    fn overlay_for(&self, action: Action, context: &Context) -> Option<Overlay> {
        let (session, cursor) = (self.model.session(), self.model.cursor());
        let t = context.t;
        let area = (self.view == View::Sheet).then(|| self.views.sheet.area(session, cursor));
        let at = || evidence::target(session, cursor, area.clone().flatten());
        Some(match action {
            Action::GoToItem => Overlay::items(session, cursor),
            Action::SwitchDepartment => Overlay::departments(session, cursor),
            Action::Help => Overlay::Help,
            Action::Export => Overlay::Export(acts::export_dialog(session, context)),
            Action::ImportSelfcheck => Overlay::ImportPath(Box::<PathPrompt>::default()),
            Action::AttachEvidence => Overlay::ImportPath(Box::new(PathPrompt::attaching(at()))),
            Action::AddChecklist => {
                Overlay::ImportPath(Box::new(PathPrompt::for_(PathFor::Checklist)))
            }
            Action::PickChecklist => Overlay::checklists(self.model.doc()),
            Action::ShowEvidence => evidence::list(session, &at(), context)
                .map(|(picker, rows)| Overlay::Evidence(picker, rows))?,
            Action::Search => Overlay::search(search::hits(session, t), false),
            Action::FindingsList => Overlay::search(search::findings(session), true),
            _ => return None,
        })
    }

    /// Hands an action to the view on screen and carries out what it asks.
    fn update_view(&mut self, action: Action, context: &Context) {
        let scene = Self::scene(&self.model, &self.notes, self.returns_to_list, context);
        let effect = self.views.get_mut(self.view).update(action, &scene);
        self.apply(effect, context);
    }

    /// Carries out what a view asked for.
    fn apply(&mut self, effect: Effect, context: &Context) {
        let t = context.t;
        match effect {
            Effect::Nothing => {}
            Effect::Say(text) => self.model.say(text),
            Effect::Refused(refusal) => self.model.refused(&refusal, t),
            Effect::Record(change) => self.model.try_record(change, t),
            Effect::Edit {
                editing,
                text,
                title,
            } => self.notes.open(editing, &text, &title),
            Effect::Place(cursor) => self.model.place(cursor),
            Effect::Show { view, row, at } => {
                if let Some(at) = at {
                    self.model.go_to(at, t);
                }
                self.show(view, row);
            }
            Effect::Hearing => self.view = View::Item,
            Effect::PickSigner => self.overlay = Some(Overlay::signer(self.model.session())),
            Effect::PickFindingItems { area, id } => {
                let overlay = Overlay::finding_items(self.model.session(), area, id);
                self.overlay = Some(overlay);
            }
        }
    }

    /// Puts `view` on screen at its line `row`.
    fn show(&mut self, view: View, row: usize) {
        match view {
            View::Sheet => self.views.sheet.open(row),
            View::Review => self.views.review.open(row),
            View::History => self.views.history.open(),
            View::Facts => self.views.facts.open(row),
            View::Item | View::Matrix | View::FollowUps => {}
        }
        self.view = view;
    }

    /// `R` outside the review: the review, asking at once for the reason to reopen.
    fn reopen(&mut self, context: &Context) {
        if !self.model.session().is_signed() {
            return self.model.say(context.t.review.not_signed);
        }
        self.open_page(View::Review);
        self.update_view(Action::Reopen, context);
    }

    /// Opens the sheet, review, history or facts, remembering the view to go back to.
    fn open_page(&mut self, view: View) {
        if self.view.marks() {
            self.back = self.view;
        }
        self.show(view, 0);
    }

    fn start_note(&mut self, t: &Strings) {
        // A signed session would refuse the note on Esc and the typing would be lost:
        // say so before anything is typed.
        if let Err(refusal) = self.model.session().editable() {
            self.model.refused(&refusal, t);
        } else if self.model.writable() {
            let note = self.model.current_note();
            self.notes.open(Editing::Note, &note, t.note_editing);
        }
    }

    fn cycle_marks(&mut self, context: &mut Context) {
        context.marks = context.marks.next();
        let marks = context.marks;
        // Through update: the file also remembers who is working.
        if let Err(e) = Settings::update(&context.data_dir, |s| s.marks = marks) {
            self.model.say((context.t.settings_not_saved)(
                &e.describe(context.t.messages),
            ));
        }
    }

    /// What follows a mark: the gate's question, the answer fields, the note the
    /// scale asks for, or the next heard item.
    fn after_marking(&mut self, marked: Marked, t: &Strings) {
        match marked {
            Marked::Nothing => {}
            Marked::Gate { symbol, answered } => {
                self.overlay = Some(Overlay::Gate { symbol, answered })
            }
            Marked::Outside { symbol } => self.overlay = Some(Overlay::Outside { symbol }),
            Marked::Ask(prompt) => self.overlay = Some(Overlay::Fields(prompt)),
            Marked::Given { needs_note } => self.after_mark(needs_note, t),
        }
    }

    /// In the item view a mark goes on to the next item that is heard; when the scale
    /// asks for a note with it, the note's editor opens at once and leaving it goes on.
    fn after_mark(&mut self, needs_note: bool, t: &Strings) {
        if self.view != View::Item || !self.model.writable() {
            return;
        }
        if needs_note && self.model.current_note().trim().is_empty() {
            self.notes.open(Editing::NoteThenNext, "", t.note_editing);
        } else {
            self.model.next_heard(t);
        }
    }

    /// Enter records the field and asks the next; Esc leaves the rest unasked.
    fn on_field_key(
        &mut self,
        mut prompt: Box<FieldPrompt>,
        event: &KeyEvent,
        t: &Strings,
    ) -> Step {
        match prompt.handle(event) {
            Prompted::Closed => self.after_mark(false, t),
            Prompted::Done => match acts::answer_field(&mut self.model, &mut prompt, t) {
                Answered::Refused | Answered::Next => self.overlay = Some(Overlay::Fields(prompt)),
                Answered::Done => self.after_mark(false, t),
            },
            Prompted::Typing => self.overlay = Some(Overlay::Fields(prompt)),
        }
        Step::Stay
    }

    /// Enter reads the workbook whose path was typed; Esc leaves it.
    fn on_path_key(&mut self, mut prompt: Box<PathPrompt>, event: &KeyEvent, c: &Context) -> Step {
        match (prompt.handle(event), &prompt.purpose) {
            (Prompted::Closed, _) => {}
            (Prompted::Done, PathFor::Evidence(at)) => {
                evidence::attach(&mut self.model, at, &prompt.path(), c)
            }
            (Prompted::Done, PathFor::Workbook) => {
                acts::import_selfcheck(&mut self.model, &prompt.path(), c)
            }
            (Prompted::Done, PathFor::Checklist) => {
                acts::add_checklist(&mut self.model, &prompt.path(), c)
            }
            (Prompted::Typing, _) => self.overlay = Some(Overlay::ImportPath(prompt)),
        }
        Step::Stay
    }

    /// A key for a picker or a question; carries out what was chosen.
    fn on_overlay_key(&mut self, key: Key, t: &Strings) {
        let picked = match &mut self.overlay {
            Some(overlay) => overlay.answer(key),
            None => Picked::Closed,
        };
        let model = &mut self.model;
        match (picked, self.overlay.take()) {
            (Picked::Nothing, overlay) => self.overlay = overlay,
            (Picked::Closed, _) => {}
            (Picked::Chosen(1), Some(Overlay::UndoElsewhere(change))) => model.undo_now(change, t),
            (Picked::Chosen(_), Some(Overlay::UndoElsewhere(_))) => {}
            (Picked::Chosen(yes), Some(Overlay::Gate { symbol, answered })) => {
                if yes == 1 {
                    acts::clear_cells(model, &answered, t);
                }
                let marked = acts::give_mark(model, &symbol, t);
                self.after_marking(marked, t);
            }
            (Picked::Chosen(1), Some(Overlay::Outside { symbol })) => {
                let marked = acts::give_mark(model, &symbol, t);
                self.after_marking(marked, t);
            }
            (Picked::Chosen(_), Some(Overlay::Outside { .. })) => {}
            (Picked::Chosen(person), Some(Overlay::Signer(_))) => {
                self.overlay = Overlay::seal(model.session(), person);
            }
            (Picked::Chosen(_), Some(Overlay::Seal(by))) => acts::sign(model, &by, t),
            (Picked::Chosen(item), Some(Overlay::FindingItems(_, area, id))) => {
                let (department, _) = model.position();
                let change = sheet::toggle_item(model.session(), &department, (&area, id), item);
                if let Some(change) = change {
                    model.try_record(change, t);
                }
            }
            (
                Picked::Chosen(line),
                Some(Overlay::Search(_, lines) | Overlay::Findings(_, lines)),
            ) => {
                let place = lines.into_iter().nth(line).map(|h| h.0);
                self.go_to_place(place, t);
            }
            (Picked::Chosen(department), Some(Overlay::Departments(_))) => model.go_to(
                Cursor {
                    department,
                    item: 0,
                },
                t,
            ),
            (Picked::Chosen(index), Some(Overlay::Checklists(_))) => model.show_checklist(index, t),
            (Picked::Chosen(file), Some(Overlay::Evidence(_, rows))) => {
                if let Some((blob, name, _)) = rows.get(file) {
                    evidence::open(blob, name);
                    model.say((t.opening)(name));
                }
            }
            (Picked::Chosen(item), _) => model.go_to_item(item, t),
        }
    }

    /// Goes to a line of the search or of the findings list.
    fn go_to_place(&mut self, place: Option<search::Place>, t: &Strings) {
        match place {
            Some(search::Place::Item(item)) => self.model.go_to_item(item, t),
            Some(search::Place::Cell(department, item)) => {
                self.model.go_to(Cursor { department, item }, t)
            }
            Some(search::Place::Observation(department, area)) => {
                let cursor = Cursor {
                    department,
                    ..self.model.cursor()
                };
                self.model.go_to(cursor, t);
                let (short, _) = self.model.position();
                let row = sheet::observation_row(self.model.session(), &short, &area);
                self.open_page(View::Sheet);
                self.views.sheet.open(row);
            }
            None => {}
        }
    }

    /// Keeps the matrix's viewport and an open list around the cursor, for the last
    /// frame's size.
    fn follow(&mut self, context: &Context) {
        if self.size.is_empty() {
            // No frame yet: nothing to fit, and the first frame scrolls for itself.
            return;
        }
        let scene = Self::scene(&self.model, &self.notes, self.returns_to_list, context);
        let area = matrix_area(self.size, &scene);
        self.views.matrix.follow(area, &scene);
        if let Some(overlay) = &mut self.overlay {
            overlay.follow(self.size, &scene);
        }
    }

    /// Saves an open note and folds the journal: the screen is going away.
    pub fn close(mut self, context: &Context) {
        let _ = self.notes.finish(&mut self.model, context);
        let scene = Self::scene(&self.model, &self.notes, self.returns_to_list, context);
        let effect = self.views.followups.finish(&scene);
        self.apply(effect, context);
        self.model.close();
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, context: &Context) {
        let scene = Self::scene(&self.model, &self.notes, self.returns_to_list, context);
        match self.view {
            View::Matrix => {
                widgets::banners(frame, area, &notices(&scene));
                let area = matrix_area(area, &scene);
                self.views.matrix.draw(frame, area, &scene);
            }
            view => self.views.get(view).draw(frame, area, &scene),
        }
        if let Some(overlay) = &self.overlay {
            let keys = self.views.get(self.view).keys();
            overlay.draw(frame, area, &scene, (self.view, keys));
        }
    }
}

/// What the matrix says above it: the banners, then the message.
fn notices(scene: &Scene) -> Vec<String> {
    let mut notices = scene.banners();
    notices.extend(scene.message_line().map(str::to_string));
    notices
}

/// The matrix takes the screen but for a line per notice.
fn matrix_area(area: Rect, scene: &Scene) -> Rect {
    let notice = notices(scene).len() as u16;
    Rect {
        y: area.y.saturating_add(notice),
        height: area.height.saturating_sub(notice),
        ..area
    }
}

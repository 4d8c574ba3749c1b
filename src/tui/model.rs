//! The session being worked on, as the session screen holds it: the document, the
//! cursor every view shares, this sitting's changes for undo, and the message line.
//! Only the screen changes it (through these methods); views read it in a `Scene`.

use crate::i18n::{Describe, Strings};
use crate::session::{Change, Refusal, Session};
use crate::store::{Doc, Saved};

use super::context::Context;
use super::editor::Editor;
use super::help::Reader;
use super::shared::{self, Cursor, Scene};
use super::undo::{self, Found, Sitting};

pub struct Model {
    doc: Doc,
    cursor: Cursor,
    /// Changes made in this sitting, for `u` and `U`.
    sitting: Sitting,
    pub message: Option<String>,
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

impl Describe for OpenError {
    fn describe(&self, m: &crate::i18n::Messages) -> String {
        match self {
            OpenError::Store(e) => e.describe(m),
            OpenError::NotHearable(id) => (m.not_hearable)(id),
            OpenError::NoDepartment { name, id } => (m.no_department)(name, id),
        }
    }
}

/// English, for logs and tests; the screens and the command line word it with
/// `Describe`.
impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&crate::i18n::MESSAGES_EN))
    }
}

/// The first item of a department that applicability did not set, as the hearing
/// goes on (the first item when every one was set so).
fn first_heard(session: &Session, department: usize) -> usize {
    let hearing = session.hearings.get(department);
    session
        .checklist
        .items()
        .position(|(_, item)| !hearing.is_some_and(|h| h.by_applicability(&item.id)))
        .unwrap_or(0)
}

impl Model {
    /// Opens session `id` at its saved position, or at the first item of `department`;
    /// a copy someone else holds opens read-only, and says so.
    pub fn open(context: &Context, id: &str, department: Option<&str>) -> Result<Model, OpenError> {
        let mut doc = Doc::open(&context.store, id, &context.actor)?;
        // The hearing stopped in another checklist than the main one: it resumes there.
        let stopped = crate::session::unqualified(&doc.session().cursor.item)
            .and_then(|(checklist, _)| doc.session().checklist_index(checklist));
        if let (None, Some(lens)) = (department, stopped) {
            doc.set_lens(lens);
        }
        let session = doc.session();
        if !session.is_hearable() {
            return Err(OpenError::NotHearable(id.to_string()));
        }
        let cursor = match department {
            Some(name) => {
                let department = shared::department_index(session, name).ok_or_else(|| {
                    OpenError::NoDepartment {
                        name: name.to_string(),
                        id: id.to_string(),
                    }
                })?;
                let item = first_heard(session, department);
                Cursor { department, item }
            }
            None => saved_cursor(session),
        };
        let message = doc.holder().map(|holder| (context.t.read_only)(holder));
        Ok(Model {
            doc,
            cursor,
            sitting: Sitting::default(),
            message,
        })
    }

    #[cfg(feature = "testkit")]
    pub fn doc_mut(&mut self) -> &mut Doc {
        &mut self.doc
    }

    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    /// The whole round, whichever of its checklists the screens show.
    pub fn round(&self) -> &Session {
        self.doc.round()
    }

    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// True when this copy may change the session (no one else holds it).
    pub fn writable(&self) -> bool {
        self.doc.holder().is_none()
    }

    /// The department short name and item id under the cursor.
    pub fn position(&self) -> (String, String) {
        shared::position(self.session(), self.cursor)
    }

    /// The saved note of the cell under the cursor.
    pub fn current_note(&self) -> String {
        shared::current_note(self.session(), self.cursor)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(text.into());
    }

    /// True while the round has no 総評 (which blocks its sign-off).
    pub fn overall_missing(&self) -> bool {
        self.session().facts.overall.trim().is_empty()
    }

    /// Says why the core refused a change.
    pub fn refused(&mut self, refusal: &Refusal, t: &Strings) {
        let said = self.sign_off_refusal(refusal, t);
        self.say(said.unwrap_or_else(|| (t.refused)(&refusal.describe(t.messages))));
    }

    /// Says why the store refused a change.
    pub fn store_refused(&mut self, refusal: Refusal, t: &Strings) {
        let said = self.sign_off_refusal(&refusal, t).unwrap_or_else(|| {
            let reason = crate::store::StoreError::Refused(refusal).describe(t.messages);
            (t.refused)(&reason)
        });
        self.say(said);
    }

    /// The refusals of signing off and reopening, in the screen's language.
    fn sign_off_refusal(&self, refusal: &Refusal, t: &Strings) -> Option<String> {
        Some(match refusal {
            Refusal::Signed { .. } => t.signed_no_change.to_string(),
            Refusal::Blocked(blockers) => (t.review.blocked)(*blockers),
            Refusal::NotSigned => t.review.not_signed.to_string(),
            Refusal::NoReason => t.record.no_reason.to_string(),
            Refusal::NotASigner(name) => {
                let people: Vec<&str> = self.session().facts.people().collect();
                (t.review.not_a_signer)(name, &people.join(t.messages.list_separator))
            }
            _ => return None,
        })
    }

    /// What the views read: this model with the language, the marks display, the
    /// reader of footers and help and the open editor.
    pub fn scene<'a>(
        &'a self,
        context: &Context,
        editor: Option<&'a Editor>,
        back: bool,
    ) -> Scene<'a> {
        Scene {
            doc: &self.doc,
            cursor: self.cursor,
            t: context.t,
            marks: context.marks,
            reader: Reader {
                writable: self.writable(),
                signed: self.session().is_signed(),
                back,
                selfchecks: self.session().has_selfchecks(),
            },
            message: self.message.as_deref(),
            editor,
        }
    }

    /// Puts the cursor at `cursor` without saving it as the place to resume.
    pub fn place(&mut self, cursor: Cursor) {
        self.cursor = cursor;
    }

    /// Puts the cursor at `cursor` and saves it as the place to resume at.
    pub fn go_to(&mut self, cursor: Cursor, t: &Strings) {
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
        if self.writable()
            && let Ok(change) = self.session().move_to(&department, &item)
        {
            self.save(change, t);
        }
    }

    /// The checklist after the one on screen that is for the department on screen.
    fn later_checklist(&self) -> Option<usize> {
        self.checklist_after(false)
    }

    /// The next checklist for the department on screen, after the one on screen; with
    /// `around`, after the last comes the main one.
    fn checklist_after(&self, around: bool) -> Option<usize> {
        let (department, _) = self.position();
        let round = self.doc.round();
        let count = round.extra.len() + 1;
        let lens = self.doc.lens();
        let steps = if around { count } else { count - lens };
        (1..steps).map(|step| (lens + step) % count).find(|&i| {
            i == 0
                || round
                    .hearing(&department)
                    .is_some_and(|h| round.extra[i - 1].is_for(&h.department))
        })
    }

    /// Shows the round through the next of its checklists that is for the department
    /// on screen (after the last, the main one), at that checklist's first item heard.
    pub fn next_checklist(&mut self, t: &Strings) {
        let (department, _) = self.position();
        let next = self.checklist_after(true);
        let Some(next) = next else {
            self.message = Some(t.one_checklist.to_string());
            return;
        };
        self.doc.set_lens(next);
        let session = self.session();
        let index = shared::department_index(session, &department).unwrap_or(0);
        let item = first_heard(session, index);
        self.cursor = Cursor {
            department: index,
            item,
        };
        self.message = Some((t.checklist_switched)(&self.session().checklist.title));
    }

    /// Goes to item `item` of the department on screen.
    pub fn go_to_item(&mut self, item: usize, t: &Strings) {
        let cursor = Cursor {
            item,
            ..self.cursor
        };
        self.go_to(cursor, t);
    }

    /// Moves `delta` items within the department, saying so at either end.
    pub fn step(&mut self, delta: isize, t: &Strings) {
        let last = self.session().checklist.item_count().saturating_sub(1);
        match self.cursor.item.checked_add_signed(delta) {
            Some(item) if item <= last => self.go_to_item(item, t),
            Some(_) => self.message = Some(t.last_item.to_string()),
            None => self.message = Some(t.first_item.to_string()),
        }
    }

    /// Goes on to the next item of the department that applicability did not set:
    /// those are not heard (`→` still visits them).
    pub fn next_heard(&mut self, t: &Strings) {
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
            Some(item) => self.go_to_item(item, t),
            // The department's next checklist, when this one is heard to its end.
            None if self.later_checklist().is_some() => self.next_checklist(t),
            None => self.message = Some(t.last_heard.to_string()),
        }
    }

    /// Records a change the auditor made, remembered for `u`.
    pub fn record(&mut self, change: Change, t: &Strings) {
        match change {
            // Undo never crosses a sign-off or a reopen.
            Change::SignOff { .. } | Change::Reopen { .. } => self.sitting = Sitting::default(),
            _ if self.writable() => self.sitting.did(change.clone()),
            _ => {}
        }
        self.save(change, t);
    }

    /// Records a change built by the core, or says why the core refused it.
    pub fn try_record(&mut self, change: Result<Change, Refusal>, t: &Strings) {
        match change {
            Ok(change) => self.record(change, t),
            Err(refusal) => self.refused(&refusal, t),
        }
    }

    /// Records without remembering the change for `u` (an undo itself, a move).
    fn save(&mut self, change: Change, t: &Strings) {
        match self.doc.record(change) {
            Saved::ReadOnly | Saved::Unlocked | Saved::Yes => {}
            Saved::No => self.message = shared::save_problem(&self.doc, t),
            Saved::Again => self.message = Some(t.saved_again.to_string()),
            Saved::Refused(refusal) => self.store_refused(refusal, t),
        }
    }

    /// What `u` finds: this department's latest change is undone at once; another
    /// department's is handed back, to be undone once the auditor says so.
    pub fn undo(&mut self, t: &Strings) -> Option<Change> {
        let (department, _) = self.position();
        match self.sitting.find(&department) {
            Found::Here(change) => self.undo_now(change, t),
            Found::Elsewhere(change) => return Some(change),
            Found::Nothing => self.message = Some(t.nothing_to_undo.to_string()),
        }
        None
    }

    pub fn undo_now(&mut self, change: Change, t: &Strings) {
        self.sitting.undo(&change);
        if let Some(inverse) = change.inverse() {
            self.save(inverse, t);
            self.show_change(&change, t.undone, t);
        }
    }

    pub fn redo(&mut self, t: &Strings) {
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
        let (cell, what) = undo::describe(change, t);
        if let Some((department, item)) = cell {
            let target = Cursor {
                department: shared::department_index(self.session(), &department).unwrap_or(0),
                item: shared::item_index(self.session(), &item).unwrap_or(0),
            };
            self.go_to(target, t);
        }
        if self.doc.save_error().is_none() {
            self.message = Some(said(&what));
        }
    }

    /// Retries pending saves; a read-only copy follows the writer or takes over.
    pub fn tick(&mut self, context: &Context) {
        let t = context.t;
        let before = crate::merge::conflicts(self.session());
        match self.doc.tick(&context.actor) {
            Saved::Again => self.message = Some(t.saved_again.to_string()),
            Saved::Unlocked => self.message = Some(t.now_writable.to_string()),
            Saved::Yes | Saved::No | Saved::Refused(_) | Saved::ReadOnly => {}
        }
        // The other writers' changes, with who made them; a conflict they made.
        let news = self.doc.news();
        if let Some(last) = news.last() {
            self.message = Some((t.taken_in)(&last.by, news.len()));
        }
        let conflicts = crate::merge::conflicts(self.session());
        if let Some(new) = conflicts.iter().find(|c| !before.contains(c)) {
            let place = &new.place;
            let at = place.item().or(place.area()).unwrap_or_default();
            let department = place.department().unwrap_or_default();
            let others: Vec<&str> = (new.values.iter())
                .map(|w| w.by.as_str())
                .filter(|by| *by != context.actor)
                .collect();
            self.message = Some((t.conflict_now)(department, at, &others));
        }
        if let Some(file) = self.doc.damaged().first()
            && self.doc.save_error().is_none()
            && news.is_empty()
            && self.message.is_none()
        {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            self.message = Some((t.journal_damaged)(&name.unwrap_or_default()));
        }
    }

    /// Folds the journal and lets go of the session: the screen is going away.
    pub fn close(self) {
        self.doc.close();
    }
}

/// Where the session was left: its saved cursor, or the start.
fn saved_cursor(session: &Session) -> Cursor {
    Cursor {
        department: shared::department_index(session, &session.cursor.department).unwrap_or(0),
        item: shared::item_index(session, &session.cursor.item).unwrap_or(0),
    }
}

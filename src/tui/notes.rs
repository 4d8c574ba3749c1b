//! The session screen's editor — of a note, a 所見, a 指摘事項, a fact or the reason
//! for reopening: what its text is for, how leaving it records the text, and the
//! draft kept on disk once typing pauses, offered back by the next sitting.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;

use crate::facts::{FactField, FactKind, FactValue};
use crate::i18n::{Describe, Strings};
use crate::store::DraftTarget;

use super::context::Context;
use super::editor::{Edited, Editor};
use super::model::Model;
use super::shared::{self, Cursor, Editing, View};
use super::{facts, sheet};

/// A draft is saved once typing has paused this long.
const DRAFT_PAUSE: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Notes {
    editor: Option<Editor>,
    /// What the open editor's text is for.
    editing: Editing,
    /// When the editor was last typed in, if its text is not yet kept as a draft.
    typed_at: Option<Instant>,
}

impl Notes {
    pub fn editor(&self) -> Option<&Editor> {
        self.editor.as_ref()
    }

    pub fn is_open(&self) -> bool {
        self.editor.is_some()
    }

    /// Opens the editor on `text`, for `editing`.
    pub fn open(&mut self, editing: Editing, text: &str, title: &str) {
        self.editor = Some(Editor::new(text, title));
        self.editing = editing;
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(editor) = &mut self.editor {
            editor.paste(text);
            self.typed_at = Some(Instant::now());
        }
    }

    /// A key for the open editor: typed, or `Closed` when it asks to leave.
    pub fn type_key(&mut self, event: &KeyEvent) -> Edited {
        let Some(editor) = &mut self.editor else {
            return Edited::Closed;
        };
        let edited = editor.handle(event);
        if edited == Edited::Typed {
            self.typed_at = Some(Instant::now());
        }
        edited
    }

    /// Leaves the editor, recording its text if it changed: typed text is never
    /// discarded. Says what the editor was for.
    pub fn finish(&mut self, model: &mut Model, context: &Context) -> Editing {
        let t = context.t;
        let Some(editor) = self.editor.take() else {
            return Editing::default();
        };
        let text = editor.text();
        self.clear_draft(model, context);
        let editing = std::mem::take(&mut self.editing);
        if !matches!(editing, Editing::Note | Editing::NoteThenNext) {
            self.record(model, editing.clone(), &text, t);
            return editing;
        }
        let (department, item) = model.position();
        if text != model.current_note()
            && let Ok(change) = model.session().set_note(&department, &item, &text)
        {
            model.record(change, t);
        }
        editing
    }

    /// Records what the editor held, for `editing` (any but a note).
    fn record(&mut self, model: &mut Model, editing: Editing, text: &str, t: &Strings) {
        let (department, _) = model.position();
        let session = model.session();
        let change = match &editing {
            Editing::Note | Editing::NoteThenNext => return,
            Editing::Observation(area) => {
                let was = session
                    .sheet(&department, area)
                    .map(|s| s.observation.as_str());
                if was.unwrap_or_default() == text {
                    return;
                }
                session.set_observation(&department, area, text)
            }
            Editing::Finding { area, id, items } => match id {
                Some(id) => session.edit_finding(&department, area, *id, items, text),
                None if text.trim().is_empty() => return,
                None => session.add_finding(&department, area, items, text),
            },
            Editing::Proposal(item) => session.accept_proposal(&department, item, Some(text)),
            Editing::Fact(field) => match fact_value(*field, text) {
                Some(value) if value != session.facts.get(*field) => {
                    session.set_fact(*field, value)
                }
                Some(_) => return,
                None => return self.bad_date(model, editing, text, t),
            },
            Editing::DepartmentFact(field) => {
                let value = Some(text.trim()).filter(|v| !v.is_empty());
                session.set_department_fact(&department, *field, value)
            }
            Editing::Improvement(item) => {
                if session.improvement(item) == text.trim() {
                    return;
                }
                session.set_improvement(item, text)
            }
            Editing::ReopenReason => return reopen(model, text, t),
        };
        model.try_record(change, t);
    }

    /// A date that does not read: the editor stays open with what was typed.
    fn bad_date(&mut self, model: &mut Model, editing: Editing, text: &str, t: &Strings) {
        model.say(t.record.bad_date);
        let title = match &editing {
            Editing::Fact(field) => (t.record.fact_editing)((t.review.fact)(*field)),
            _ => String::new(),
        };
        self.open(editing, text, &title);
    }

    /// Keeps the text being typed on disk once typing has paused.
    pub fn keep_draft(&mut self, model: &mut Model, context: &Context) {
        let paused = self.typed_at.is_some_and(|at| at.elapsed() >= DRAFT_PAUSE);
        if !paused {
            return;
        }
        self.typed_at = None;
        let (Some(editor), Some(target)) = (&self.editor, draft_target(model, &self.editing))
        else {
            return;
        };
        let id = model.session().id.clone();
        if let Err(e) = context.store.save_draft(&id, target, &editor.text()) {
            model.say(e.describe(context.t.messages));
        }
    }

    /// The editor's text was recorded (or is about to be): its draft goes.
    fn clear_draft(&mut self, model: &mut Model, context: &Context) {
        self.typed_at = None;
        if !model.writable() {
            return;
        }
        let id = model.session().id.clone();
        if let Err(e) = context.store.clear_draft(&id) {
            model.say(e.describe(context.t.messages));
        }
    }

    /// Offers back, in the editor, a draft left by a sitting that ended without
    /// recording it; says which view (and line of it) the draft belongs in, when it
    /// is not the hearing.
    pub fn restore_draft(&mut self, model: &mut Model, context: &Context) -> Option<(View, usize)> {
        let t = context.t;
        let session = model.session();
        if !model.writable() || session.editable().is_err() {
            return None;
        }
        let Ok(Some(draft)) = context.store.take_draft(&session.id) else {
            return None;
        };
        let mut cursor = model.cursor();
        let (editing, title, show) = match draft.target {
            DraftTarget::Note { department, item } => {
                cursor = Cursor {
                    department: shared::department_index(session, &department).unwrap_or(0),
                    item: shared::item_index(session, &item).unwrap_or(0),
                };
                (Editing::Note, t.note_editing.to_string(), None)
            }
            DraftTarget::Observation { department, area } => {
                cursor.department = shared::department_index(session, &department).unwrap_or(0);
                let row = sheet::observation_row(session, &department, &area);
                let title = (t.record.observation_editing)(&area);
                (Editing::Observation(area), title, Some((View::Sheet, row)))
            }
            DraftTarget::Fact(field) => {
                let title = (t.record.fact_editing)((t.review.fact)(field));
                let show = Some((View::Facts, facts::row_of(field)));
                (Editing::Fact(field), title, show)
            }
        };
        model.place(cursor);
        self.open(editing, &draft.text, &title);
        model.say(t.record.draft_restored);
        show
    }
}

/// Reopens the signed round for `reason`, and says so (with the digest let go).
fn reopen(model: &mut Model, reason: &str, t: &Strings) {
    let change = model.session().reopen(reason);
    let said = match &change {
        Ok(crate::session::Change::Reopen { digest, .. }) => Some((t.review.reopened)(digest)),
        _ => None,
    };
    model.try_record(change, t);
    if let Some(said) = said.filter(|_| !model.session().is_signed()) {
        model.say(said);
    }
}

/// Where a draft of the editor's text belongs, if it is kept at all.
fn draft_target(model: &Model, editing: &Editing) -> Option<DraftTarget> {
    let (department, item) = model.position();
    match editing {
        Editing::Note | Editing::NoteThenNext => Some(DraftTarget::Note { department, item }),
        Editing::Observation(area) => Some(DraftTarget::Observation {
            department,
            area: area.clone(),
        }),
        Editing::Fact(field) => Some(DraftTarget::Fact(*field)),
        _ => None,
    }
}

/// The value of a fact as typed: a date read in any form `wareki::parse` knows (None
/// when it does not read), names split at 、 or commas.
fn fact_value(field: FactField, text: &str) -> Option<FactValue> {
    let text = text.trim();
    Some(match field.kind() {
        FactKind::Text => FactValue::Text(text.to_string()),
        FactKind::Date if text.is_empty() => FactValue::Date(None),
        FactKind::Date => FactValue::Date(Some(crate::wareki::parse(text).ok()?)),
        FactKind::Names => FactValue::Names(
            text.split(['、', ',', '，'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect(),
        ),
    })
}

//! The session itself: the round's data, and what can be read of it.

use serde::{Deserialize, Serialize};

use super::change::{Change, Event};
use super::cursor::Cursor;
use super::hearing::{Answer, Hearing};
use super::history::History;
use super::previous::Previous;
use super::seal::SignOff;
use super::time::{Hlc, Timestamp};
use crate::checklist::{Area, Checklist, Item, Mark, Meaning};
use crate::facts::{AuditFacts, FactField, FactValue};
use crate::language::Language;

/// The session format this build reads and writes.
pub const FORMAT: u32 = 1;

/// Every type of a session file rejects unknown fields: a misspelt field would
/// otherwise be dropped silently, and the next save would lose what it held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub id: String,
    pub created: Timestamp,
    pub facts: AuditFacts,
    /// Taken when the session was created: editing the checklist file later never
    /// changes a session.
    pub checklist: Checklist,
    /// The round's other checklists, after the main one, each for the departments it
    /// says (`Checklist::is_for`). Their answers sit in the hearings' answers under
    /// `qualified` ids (`several`). Absent from a one-checklist round's file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Checklist>,
    pub hearings: Vec<Hearing>,
    pub cursor: Cursor,
    /// Every change but moves, oldest first: marks, notes, facts, findings,
    /// sign-offs and reopens.
    /// Kept out of the snapshot: a session file holds it in a section of its own,
    /// one line per event, after the snapshot (see `store`).
    #[serde(default, skip_serializing)]
    pub history: History,
    /// The sign-off in force: set by signing, cleared by a reopen. While it is set,
    /// the session refuses every change but a move of the cursor and a reopen.
    #[serde(default)]
    pub signed: Option<SignOff>,
    /// Places written by auditors who had not seen each other's change, found by a
    /// merge: the latest change of each writer (see `merge`). A place with differing
    /// values is a conflict; recording a new value there settles it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heads: Vec<Vec<Event>>,
    /// The earlier round this one was started from (`kansa new --from`): its answers,
    /// its 指摘事項 to follow up, and how the checklist changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// The greatest hybrid logical time of the changes this copy has taken in: the
    /// next change made here is stamped past it (`stamp`). Zero in files written
    /// before changes carried one.
    #[serde(default, skip_serializing_if = "Hlc::is_zero")]
    pub clock: Hlc,
}

impl Session {
    /// The language the round's documents are written in: the one its checklist copy
    /// records. A round made before rounds recorded one takes the language the bundled
    /// checklist of the same id declares; else none (the reader's language decides).
    pub fn language(&self) -> Option<Language> {
        self.checklist.language.or_else(|| {
            let bundled = Checklist::bundled();
            (bundled.id == self.checklist.id)
                .then_some(bundled.language)
                .flatten()
        })
    }

    pub fn hearing(&self, department: &str) -> Option<&Hearing> {
        self.hearings
            .iter()
            .find(|h| h.department.short == department || h.department.name == department)
    }

    pub fn answer(&self, department: &str, item: &str) -> Option<&Answer> {
        self.hearing(department)?.answer(item)
    }

    pub fn mark_of(&self, department: &str, item: &str) -> Option<&Mark> {
        let symbol = self.hearing(department)?.mark(item)?;
        self.checklist.mark(symbol)
    }

    /// A fact as it holds for `department`: its own value where it has one, else the
    /// round's.
    pub fn fact_for(&self, department: &str, field: FactField) -> FactValue {
        let own = self.hearing(department).and_then(|h| h.facts.get(field));
        match own {
            Some(text) => FactValue::Text(text.clone()),
            None => self.facts.get(field),
        }
    }

    /// True while a sign-off is in force.
    pub fn is_signed(&self) -> bool {
        self.signed.is_some()
    }

    /// True when there is something to hear: at least one item and one department.
    /// A session written by hand may lack either; the screens refuse it.
    pub fn is_hearable(&self) -> bool {
        self.checklist.item_count() > 0 && !self.hearings.is_empty()
    }

    /// Cells per department times items, in every checklist of the round.
    pub fn cell_count(&self) -> usize {
        let extra: usize = self
            .extra
            .iter()
            .map(|c| {
                let heard = self.hearings.iter().filter(|h| c.is_for(&h.department));
                heard.count() * c.item_count()
            })
            .sum();
        self.hearings.len() * self.checklist.item_count() + extra
    }

    /// Cells with a mark, in all departments and every checklist of the round.
    pub fn answered_count(&self) -> usize {
        let marked = |h: &Hearing| h.answers.values().filter(|a| a.mark.is_some()).count();
        self.hearings.iter().map(marked).sum()
    }

    /// Cells of the main checklist with a mark, in `hearing`.
    pub fn answered_in(&self, hearing: &Hearing) -> usize {
        hearing
            .answers
            .iter()
            .filter(|(id, a)| a.mark.is_some() && super::ids::unqualified(id).is_none())
            .count()
    }

    /// The time of the last change, or of creation.
    pub fn last_change(&self) -> Timestamp {
        self.history.last_at().unwrap_or(self.created)
    }

    /// `change` as made now by `by`: its hybrid logical time past every change this
    /// copy has seen, so that it sorts after each of them whatever the clocks say.
    pub fn stamp(&self, change: Change, by: &str, now: Timestamp) -> Event {
        // A file written before changes carried a time: its last change stands for
        // what was seen.
        let seen = self
            .clock
            .max(self.history.last().map_or(Hlc::default(), Event::time));
        Event {
            at: now,
            by: by.to_string(),
            change,
            hlc: Some(seen.next(&now)),
        }
    }

    /// Raises the clock past a change taken in.
    pub(crate) fn saw(&mut self, event: &Event) {
        self.clock = self.clock.max(event.time());
    }

    /// The meaning of the mark in a cell, if it has one.
    pub fn meaning(&self, department: &str, item: &Item) -> Option<Meaning> {
        self.mark_of(department, &item.id).map(|m| m.meaning)
    }

    /// The area of `item`, if the checklist has it.
    pub fn area_of(&self, item: &str) -> Option<&Area> {
        self.checklist
            .items()
            .find(|(_, i)| i.id == item)
            .map(|(a, _)| a)
    }
}

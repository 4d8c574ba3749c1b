//! The new-session form's further checklists: each read from a path typed in a prompt
//! (Tab completes it), checked as `validate` checks it and against the round's other
//! checklists' ids, and added to the round when it is created, after the main one.

use std::path::Path;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::checklist::Checklist;
use crate::i18n::{Describe, Strings};
use crate::session::{Joining, Refusal, Session};

use super::path_prompt::{PathFor, PathPrompt, Prompted};

/// What a key in the prompt came to.
pub enum Outcome {
    Typing,
    /// The prompt closed, nothing added.
    Closed,
    /// A checklist added (its id), or why it was not.
    Added(String),
    Refused(String),
}

#[derive(Default)]
pub struct MoreChecklists {
    pub added: Vec<Checklist>,
    prompt: Option<PathPrompt>,
}

impl MoreChecklists {
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// Opens the prompt for a checklist's path.
    pub fn open(&mut self) {
        self.prompt = Some(PathPrompt::for_(PathFor::Checklist));
    }

    /// Forgets every checklist added.
    pub fn clear(&mut self) {
        self.added.clear();
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(prompt) = &mut self.prompt {
            prompt.paste(text);
        }
    }

    /// A key in the open prompt: Enter reads the checklist and adds it beside `main`.
    pub fn handle(&mut self, event: &KeyEvent, main: &Checklist, t: &Strings) -> Outcome {
        let Some(mut prompt) = self.prompt.take() else {
            return Outcome::Closed;
        };
        match prompt.handle(event) {
            Prompted::Typing => {
                self.prompt = Some(prompt);
                Outcome::Typing
            }
            Prompted::Closed => Outcome::Closed,
            Prompted::Done => {
                let outcome = self.add(&prompt.path(), main, t);
                // A path to fix stays in the prompt.
                if matches!(outcome, Outcome::Refused(_)) {
                    self.prompt = Some(prompt);
                }
                outcome
            }
        }
    }

    fn add(&mut self, path: &str, main: &Checklist, t: &Strings) -> Outcome {
        let checklist = match Checklist::load(Path::new(path)) {
            Ok(checklist) => checklist,
            Err(e) => return Outcome::Refused(e.describe(t.messages)),
        };
        let ids = std::iter::once(main).chain(&self.added);
        if ids.into_iter().any(|c| c.id == checklist.id) {
            let refusal = Refusal::Joining(Joining::SameId(checklist.id));
            return Outcome::Refused(refusal.describe(t.messages));
        }
        let id = checklist.id.clone();
        self.added.push(checklist);
        Outcome::Added(id)
    }

    /// Drops the checklists the main one now has the id of (it was changed after).
    pub fn keep_beside(&mut self, main: &Checklist) {
        self.added.retain(|c| c.id != main.id);
    }

    /// Adds the checklists to the round being created, or says why one cannot join.
    pub fn join(&self, session: &mut Session, t: &Strings) -> Result<(), String> {
        for checklist in &self.added {
            session
                .add_checklist(checklist.clone())
                .map_err(|j| Refusal::Joining(j).describe(t.messages))?;
        }
        Ok(())
    }

    /// The field's text: the checklists added, by title, or how to add one.
    pub fn shown(&self, t: &Strings) -> String {
        if self.added.is_empty() {
            return t.no_more_checklists.to_string();
        }
        let names: Vec<&str> = self.added.iter().map(|c| c.title.as_str()).collect();
        names.join(t.messages.list_separator)
    }

    pub fn draw_prompt(&self, frame: &mut Frame, area: Rect, t: &Strings) {
        if let Some(prompt) = &self.prompt {
            prompt.draw(frame, area, t.add_checklist_path);
        }
    }
}

//! The follow-up list (フォローアップ): last round's 指摘事項 of the department on
//! screen, each with its status (改善済 / 一部改善 / 未改善, or not yet set) and a
//! note. `Space` cycles the status, `Enter` edits the note, `Esc` goes back.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::Strings;
use crate::keymap::{self, Action, Binding};
use crate::rounds::{FollowUp, FollowUpState, FollowUpStatus};

use super::editor::{Edited, Editor};
use super::shared::{self, Component, Effect, Scene};
use super::{help, widgets};

/// Which follow-up is chosen, and its note while it is being edited.
#[derive(Default)]
pub struct FollowUps {
    selected: usize,
    editor: Option<Editor>,
}

/// The department's follow-ups: their index in `Previous::followups` and each.
fn entries<'a>(scene: &Scene<'a>) -> Vec<(usize, &'a FollowUp)> {
    let session = scene.session();
    let Some(hearing) = session.hearings.get(scene.cursor.department) else {
        return Vec::new();
    };
    let department = hearing.department.short.as_str();
    session
        .previous
        .as_ref()
        .map(|p| p.followups_of(department).collect())
        .unwrap_or_default()
}

/// The status after `status`: 改善済 → 一部改善 → 未改善 → not set → 改善済.
fn next(status: Option<FollowUpStatus>) -> Option<FollowUpStatus> {
    match status {
        None => Some(FollowUpStatus::Improved),
        Some(FollowUpStatus::Improved) => Some(FollowUpStatus::Partly),
        Some(FollowUpStatus::Partly) => Some(FollowUpStatus::NotImproved),
        Some(FollowUpStatus::NotImproved) => None,
    }
}

impl FollowUps {
    /// The list from its first follow-up, no note open.
    pub fn open(&mut self) {
        *self = FollowUps::default();
    }

    /// True while a follow-up's note is being typed.
    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(editor) = &mut self.editor {
            editor.paste(text);
        }
    }

    /// A key while the note is open: typed, or leaving it records what was typed.
    pub fn type_key(&mut self, event: &KeyEvent, scene: &Scene) -> Effect {
        match self.editor.as_mut().map(|editor| editor.handle(event)) {
            Some(Edited::Closed) => self.finish(scene),
            Some(Edited::Typed) | None => Effect::Nothing,
        }
    }

    /// The chosen follow-up's state as `edit` leaves it, recorded.
    fn change(&self, scene: &Scene, edit: impl FnOnce(&mut FollowUpState)) -> Effect {
        let Some((index, followup)) = entries(scene).get(self.selected).copied() else {
            return Effect::Nothing;
        };
        let mut state = followup.state.clone();
        edit(&mut state);
        Effect::Record(scene.session().set_followup(index, state))
    }

    fn start_note(&mut self, scene: &Scene) -> Effect {
        if let Err(refusal) = scene.session().editable() {
            return Effect::Refused(refusal);
        }
        let note = entries(scene)
            .get(self.selected)
            .map(|(_, f)| f.state.note.clone());
        if let Some(note) = note {
            self.editor = Some(Editor::new(&note, scene.t.rounds.followup_note));
        }
        Effect::Nothing
    }

    /// Leaves the note, recording it if it changed: typed text is never discarded.
    pub fn finish(&mut self, scene: &Scene) -> Effect {
        let Some(editor) = self.editor.take() else {
            return Effect::Nothing;
        };
        let text = editor.text();
        let unchanged = entries(scene)
            .get(self.selected)
            .is_none_or(|(_, f)| f.state.note == text);
        if unchanged {
            return Effect::Nothing;
        }
        self.change(scene, |s| s.note = text)
    }
}

impl Component for FollowUps {
    fn keys(&self) -> &'static [Binding] {
        keymap::FOLLOWUPS
    }

    /// Carries out an action of `FOLLOWUPS`.
    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        let count = entries(scene).len();
        if let Some(selected) = shared::select(self.selected, action, count) {
            self.selected = selected;
            return Effect::Nothing;
        }
        match action {
            Action::CycleStatus => self.change(scene, |s| s.status = next(s.status)),
            Action::EditNote => self.start_note(scene),
            _ => Effect::Hearing,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let t = scene.t;
        let w = t.rounds;
        let session = scene.session();
        let name = session
            .hearings
            .get(scene.cursor.department)
            .map_or("", |h| h.department.name.as_str());
        let hints = match self.editor {
            Some(_) => help::footer(keymap::EDITOR, t, None, area.width),
            None => help::footer_for(keymap::FOLLOWUPS, t, None, area.width, scene.reader),
        };
        let editor_height = if self.editor.is_some() { 6 } else { 0 };
        let banners = scene.banners();
        let [title, banner_area, list, editor_area, message, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banners.len() as u16),
            Constraint::Min(1),
            Constraint::Length(editor_height),
            Constraint::Length(1),
            Constraint::Length(hints.len() as u16),
        ])
        .areas(area);
        frame.render_widget(
            widgets::title_bar(format!(" {}", (w.followups_title)(name))),
            title,
        );
        let lines = match (&session.previous, entries(scene)) {
            (None, _) => vec![Line::from(w.no_previous).italic()],
            (Some(_), rows) if rows.is_empty() => vec![Line::from(w.no_followups).italic()],
            (Some(_), rows) => rows
                .iter()
                .enumerate()
                .flat_map(|(i, (_, f))| rows_of(f, i == self.selected, t))
                .collect(),
        };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
        if let Some(editor) = &self.editor {
            editor.draw(frame, editor_area);
        }
        widgets::banners(frame, banner_area, &banners);
        let text = scene.message_line().unwrap_or("");
        frame.render_widget(Paragraph::new(text).italic(), message);
        frame.render_widget(Paragraph::new(hints), footer);
    }
}

/// A follow-up as lines: status, area, number, items and the finding; its note below.
fn rows_of(followup: &FollowUp, selected: bool, t: &Strings) -> Vec<Line<'static>> {
    let w = t.rounds;
    let status = widgets::pad((w.status)(followup.state.status), 10);
    let status = match followup.state.status {
        None => Span::raw(status).italic(),
        Some(_) => Span::raw(status).bold(),
    };
    let f = &followup.finding;
    let text = format!(
        " {} #{} [{}] {}",
        followup.area,
        f.id,
        f.items.join(", "),
        f.text
    );
    let mut line = Line::from(vec![Span::raw(if selected { "> " } else { "  " }), status]);
    line.spans.push(Span::raw(text));
    if selected {
        line = line.reversed();
    }
    let mut lines = vec![line];
    if !followup.state.note.is_empty() {
        lines.push(Line::from(format!("    {}", followup.state.note)).dim());
    }
    lines
}

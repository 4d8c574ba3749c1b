//! The follow-up list (フォローアップ): last round's 指摘事項 of the department on
//! screen, each with its status (改善済 / 一部改善 / 未改善, or not yet set) and a
//! note. `Space` cycles the status, `Enter` edits the note, `Esc` goes back.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::Describe;
use crate::i18n::Strings;
use crate::keymap::{self, Action};
use crate::rounds::{FollowUp, FollowUpState, FollowUpStatus};

use super::editor::Editor;
use super::session::{SessionScreen, View};
use super::{Step, help, widgets};

/// Which follow-up is chosen, and its note while it is being edited.
#[derive(Default)]
pub struct FollowUps {
    pub selected: usize,
    pub editor: Option<Editor>,
}

/// The department's follow-ups: their index in `Previous::followups` and each.
fn entries(screen: &SessionScreen) -> Vec<(usize, &FollowUp)> {
    let session = screen.session();
    let Some(hearing) = session.hearings.get(screen.cursor.department) else {
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

pub fn on_key(screen: &mut SessionScreen, event: &KeyEvent, t: &Strings) -> Step {
    if let Some(editor) = &mut screen.followups.editor {
        if event.code == KeyCode::Esc {
            finish_note(screen, t);
        } else {
            editor.input(*event);
        }
        return Step::Stay;
    }
    let Some(key) = super::key_of(event) else {
        return Step::Stay;
    };
    screen.message = None;
    let count = entries(screen).len();
    let action = keymap::lookup(keymap::FOLLOWUPS, key);
    if action.is_some_and(|a| a.writes()) && screen.doc.holder().is_some() {
        screen.message = Some(t.read_only_no_change.to_string());
        return Step::Stay;
    }
    let chosen = &mut screen.followups.selected;
    match action {
        Some(Action::SelectUp) => *chosen = chosen.saturating_sub(1),
        Some(Action::SelectDown) => *chosen = (*chosen + 1).min(count.saturating_sub(1)),
        Some(Action::CycleStatus) => change(screen, t, |s| s.status = next(s.status)),
        Some(Action::EditNote) => start_note(screen, t),
        Some(_) => screen.view = View::Item,
        None => screen.message = Some((t.unbound)(&key.label())),
    }
    Step::Stay
}

/// Records the chosen follow-up's state as `edit` leaves it.
fn change(screen: &mut SessionScreen, t: &Strings, edit: impl FnOnce(&mut FollowUpState)) {
    let Some((index, followup)) = entries(screen).get(screen.followups.selected).copied() else {
        return;
    };
    let mut state = followup.state.clone();
    edit(&mut state);
    match screen.session().set_followup(index, state) {
        Ok(change) => screen.record(change, t),
        Err(refusal) => screen.message = Some((t.refused)(&refusal.describe(t.messages))),
    }
}

fn start_note(screen: &mut SessionScreen, t: &Strings) {
    if let Err(refusal) = screen.session().editable() {
        screen.message = Some((t.refused)(&refusal.describe(t.messages)));
        return;
    }
    let note = entries(screen)
        .get(screen.followups.selected)
        .map(|(_, f)| f.state.note.clone());
    if let Some(note) = note {
        screen.followups.editor = Some(Editor::new(&note, t.rounds.followup_note));
    }
}

/// Leaves the note, recording it if it changed: typed text is never discarded.
pub fn finish_note(screen: &mut SessionScreen, t: &Strings) {
    let Some(editor) = screen.followups.editor.take() else {
        return;
    };
    let text = editor.text();
    let unchanged = entries(screen)
        .get(screen.followups.selected)
        .is_none_or(|(_, f)| f.state.note == text);
    if !unchanged {
        change(screen, t, |s| s.note = text);
    }
}

pub fn draw(screen: &SessionScreen, frame: &mut Frame, area: Rect, t: &Strings) {
    let w = t.rounds;
    let session = screen.session();
    let name = session
        .hearings
        .get(screen.cursor.department)
        .map_or("", |h| h.department.name.as_str());
    let hints = match screen.followups.editor {
        Some(_) => help::footer(keymap::EDITOR, t, None, area.width),
        None => help::footer(keymap::FOLLOWUPS, t, None, area.width),
    };
    let editor_height = if screen.followups.editor.is_some() {
        6
    } else {
        0
    };
    let [title, list, editor_area, message, footer] = Layout::vertical([
        Constraint::Length(1),
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
    let lines = match (&session.previous, entries(screen)) {
        (None, _) => vec![Line::from(w.no_previous).italic()],
        (Some(_), rows) if rows.is_empty() => vec![Line::from(w.no_followups).italic()],
        (Some(_), rows) => rows
            .iter()
            .enumerate()
            .flat_map(|(i, (_, f))| rows_of(f, i == screen.followups.selected, t))
            .collect(),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
    if let Some(editor) = &screen.followups.editor {
        editor.draw(frame, editor_area);
    }
    let text = screen.message.as_deref().unwrap_or("");
    frame.render_widget(Paragraph::new(text).italic(), message);
    frame.render_widget(Paragraph::new(hints), footer);
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

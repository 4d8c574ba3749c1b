//! What the views beside the hearing share — the department sheet, review, history
//! and facts: where each stands, what the open editor's text is for and how it is
//! recorded, drafts of text being typed, and the frame they are drawn in.

use std::time::{Duration, Instant};

use chrono::{Local, Timelike};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::facts::{FactField, FactKind, FactValue};
use crate::i18n::{Describe, Strings};
use crate::keymap::Action;
use crate::session::{Change, Refusal, Session};
use crate::store::DraftTarget;

use super::session::{Cursor, SessionScreen, View, department_index, item_index};
use super::{Context, facts, help, history, review, sheet, widgets};

/// A draft is saved once typing has paused this long.
const DRAFT_PAUSE: Duration = Duration::from_secs(1);

/// Where the sheet, review, history and facts views stand.
#[derive(Debug, Clone)]
pub struct Pages {
    /// The view (item or matrix) they go back to.
    pub back: View,
    /// The line chosen in the view on screen.
    pub selected: usize,
    /// History of the whole session rather than of the focused cell.
    pub whole_history: bool,
    /// When the editor was last typed in, if its text is not yet kept as a draft.
    typed_at: Option<Instant>,
}

impl Default for Pages {
    fn default() -> Pages {
        Pages {
            back: View::Item,
            selected: 0,
            whole_history: false,
            typed_at: None,
        }
    }
}

impl Pages {
    pub fn typed(&mut self) {
        self.typed_at = Some(Instant::now());
    }
}

/// What the open editor's text is for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Editing {
    /// The note of the cell under the cursor.
    #[default]
    Note,
    /// The note the scale asked for with the mark just given: leaving it goes on to
    /// the next heard item.
    NoteThenNext,
    /// The 所見 of an area of the department under the cursor.
    Observation(String),
    /// A 指摘事項 of an area: an existing one (by id) reworded, or a new one naming
    /// `items`.
    Finding {
        area: String,
        id: Option<u32>,
        items: Vec<String>,
    },
    /// A proposal accepted with this wording.
    Proposal(String),
    Fact(FactField),
    DepartmentFact(FactField),
    ReopenReason,
}

/// A view's lines and which of them can be chosen.
pub struct Page {
    pub lines: Vec<Line<'static>>,
    /// Line index of each line that can be chosen, in order.
    pub choices: Vec<usize>,
    /// The choice the first of `choices` is (a long history shows only a window).
    pub first: usize,
}

impl Page {
    pub fn new() -> Page {
        Page {
            lines: Vec::new(),
            choices: Vec::new(),
            first: 0,
        }
    }

    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// A line that can be chosen.
    pub fn choice(&mut self, line: Line<'static>) {
        self.choices.push(self.lines.len());
        self.lines.push(line);
    }
}

/// The short name of the department under the cursor.
pub fn department(screen: &SessionScreen) -> String {
    screen.position().0
}

/// Carries out an action of the sheet, review, history or facts view.
pub fn apply(screen: &mut SessionScreen, action: Action, context: &Context) {
    let t = context.t;
    let count = match screen.view {
        View::Sheet => sheet::rows(screen.session(), &department(screen)).len(),
        View::Review => crate::review::review(screen.session()).entries.len(),
        View::History => history::events(screen).len(),
        View::Facts => facts::rows().len(),
        View::Item | View::Matrix | View::FollowUps => 0,
    };
    let selected = &mut screen.pages.selected;
    match action {
        Action::SelectUp => *selected = selected.saturating_sub(1),
        Action::SelectDown => *selected = (*selected + 1).min(count.saturating_sub(1)),
        _ => match screen.view {
            View::Sheet => sheet::apply(screen, action, t),
            View::Review => review::apply(screen, action, t),
            View::Facts => facts::apply(screen, action, t),
            _ => {}
        },
    }
}

/// Records a change built by the core, or says why the core refused it.
pub fn try_record(screen: &mut SessionScreen, change: Result<Change, Refusal>, t: &Strings) {
    match change {
        Ok(change) => screen.record(change, t),
        Err(refusal) => screen.message = Some((t.refused)(&refusal.describe(t.messages))),
    }
}

/// Records what the editor held, for `editing` (any but a note).
pub fn finish(screen: &mut SessionScreen, editing: Editing, text: &str, t: &Strings) {
    let department = department(screen);
    let session = screen.session();
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
            Some(value) if value != session.facts.get(*field) => session.set_fact(*field, value),
            Some(_) => return,
            None => return bad_date(screen, editing, text, t),
        },
        Editing::DepartmentFact(field) => {
            let value = Some(text.trim()).filter(|v| !v.is_empty());
            session.set_department_fact(&department, *field, value)
        }
        Editing::ReopenReason => session.reopen(text),
    };
    try_record(screen, change, t);
}

/// A date that does not read: the editor stays open with what was typed.
fn bad_date(screen: &mut SessionScreen, editing: Editing, text: &str, t: &Strings) {
    screen.message = Some(t.record.bad_date.to_string());
    let title = match &editing {
        Editing::Fact(field) => (t.record.fact_editing)((t.review.fact)(*field)),
        _ => String::new(),
    };
    screen.edit(editing, text, &title);
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

/// The round's people, who may sign.
pub fn people(session: &Session) -> Vec<String> {
    let mut people: Vec<String> = Vec::new();
    for person in session.facts.people() {
        if !people.iter().any(|p| p == person) {
            people.push(person.to_string());
        }
    }
    people
}

pub fn signer_rows(session: &Session) -> Vec<Line<'static>> {
    people(session).into_iter().map(Line::from).collect()
}

/// Signs off as the `person`-th of the round's people, now.
pub fn sign(screen: &mut SessionScreen, person: usize, t: &Strings) {
    let Some(by) = people(screen.session()).into_iter().nth(person) else {
        return;
    };
    // Whole seconds: the time is printed and compared by people.
    let now = Local::now().fixed_offset();
    let at = now.with_nanosecond(0).unwrap_or(now);
    let change = screen.session().sign(&by, at);
    try_record(screen, change, t);
    if let Some(signed) = &screen.session().signed {
        screen.message = Some((t.record.signed_now)(&signed.digest));
    }
}

/// Where a draft of the open editor's text belongs, if it is kept at all.
fn draft_target(screen: &SessionScreen) -> Option<DraftTarget> {
    let (department, item) = screen.position();
    match &screen.editing {
        Editing::Note | Editing::NoteThenNext => Some(DraftTarget::Note { department, item }),
        Editing::Observation(area) => Some(DraftTarget::Observation {
            department,
            area: area.clone(),
        }),
        Editing::Fact(field) => Some(DraftTarget::Fact(*field)),
        _ => None,
    }
}

/// Keeps the text being typed on disk once typing has paused.
pub fn keep_draft(screen: &mut SessionScreen, context: &Context) {
    let paused = screen
        .pages
        .typed_at
        .is_some_and(|at| at.elapsed() >= DRAFT_PAUSE);
    if !paused {
        return;
    }
    screen.pages.typed_at = None;
    let (Some(editor), Some(target)) = (&screen.editor, draft_target(screen)) else {
        return;
    };
    let id = screen.session().id.clone();
    if let Err(e) = context.store.save_draft(&id, target, &editor.text()) {
        screen.message = Some(e.describe(context.t.messages));
    }
}

/// The editor's text was recorded (or is about to be): its draft goes.
pub fn clear_draft(screen: &mut SessionScreen, context: &Context) {
    screen.pages.typed_at = None;
    if screen.doc.holder().is_some() {
        return;
    }
    let id = screen.session().id.clone();
    if let Err(e) = context.store.clear_draft(&id) {
        screen.message = Some(e.describe(context.t.messages));
    }
}

/// Offers back, in the editor, a draft left by a sitting that ended without
/// recording it.
pub fn restore_draft(screen: &mut SessionScreen, context: &Context) {
    let t = context.t;
    let session = screen.session();
    if screen.doc.holder().is_some() || session.editable().is_err() {
        return;
    }
    let Ok(Some(draft)) = context.store.take_draft(&session.id) else {
        return;
    };
    let (editing, title) = match draft.target {
        DraftTarget::Note { department, item } => {
            screen.cursor = Cursor {
                department: department_index(session, &department).unwrap_or(0),
                item: item_index(session, &item).unwrap_or(0),
            };
            (Editing::Note, t.note_editing.to_string())
        }
        DraftTarget::Observation { department, area } => {
            let index = department_index(session, &department).unwrap_or(0);
            let row = sheet::observation_row(session, &department, &area);
            screen.cursor.department = index;
            screen.pages.selected = row;
            screen.view = View::Sheet;
            let title = (t.record.observation_editing)(&area);
            (Editing::Observation(area), title)
        }
        DraftTarget::Fact(field) => {
            screen.pages.selected = facts::row_of(field);
            screen.view = View::Facts;
            let title = (t.record.fact_editing)((t.review.fact)(field));
            (Editing::Fact(field), title)
        }
    };
    screen.edit(editing, &draft.text, &title);
    screen.message = Some(t.record.draft_restored.to_string());
}

/// Draws the sheet, review, history or facts: a title, the message line, the view's
/// lines with the chosen one highlighted, the footer; the editor over the lower half.
pub fn draw(screen: &SessionScreen, frame: &mut Frame, area: Rect, context: &Context) {
    let t = context.t;
    let (title, page) = match screen.view {
        View::Sheet => sheet::page(screen, t),
        View::Review => review::page(screen, t),
        View::History => history::page(screen, t),
        _ => facts::page(screen, t),
    };
    let footer_lines = if screen.editor.is_some() {
        help::footer(crate::keymap::EDITOR, t, None, area.width)
    } else {
        help::footer_for(screen.view_table(), t, None, area.width, screen.reader())
    };
    let [title_area, message_area, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_lines.len() as u16),
    ])
    .areas(area);
    frame.render_widget(widgets::title_bar(format!(" {title}")), title_area);
    if let Some(text) = screen.banner(t).or_else(|| screen.message.clone()) {
        frame.render_widget(Paragraph::new(text).italic(), message_area);
    }
    draw_page(page, screen.pages.selected, frame, body);
    frame.render_widget(Paragraph::new(footer_lines), footer);
    if let Some(editor) = &screen.editor {
        let [_, lower] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(body);
        frame.render_widget(Clear, lower);
        editor.draw(frame, lower);
    }
}

/// The page's lines, scrolled so that the chosen line is on screen.
fn draw_page(mut page: Page, selected: usize, frame: &mut Frame, area: Rect) {
    let selected = selected.saturating_sub(page.first);
    let chosen = page
        .choices
        .get(selected.min(page.choices.len().saturating_sub(1)))
        .copied();
    let height = usize::from(area.height.max(1));
    let mut offset = 0;
    if let Some(at) = chosen {
        if let Some(line) = page.lines.get_mut(at) {
            *line = std::mem::take(line).reversed();
        }
        // Whatever follows the chosen line (its notes, its area) shows too, where it fits.
        offset = at
            .saturating_sub(height / 3)
            .min(page.lines.len().saturating_sub(height));
        offset = offset.min(at);
    }
    let lines: Vec<Line> = page.lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

//! Review before sign-off on screen: what blocks and what deserves a look, each line
//! leading to its place; signing off when nothing blocks (after a confirmation that
//! names the signer and what is sealed), and reopening with a reason.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::ReviewWords;
use crate::keymap::{self, Action, Binding};
use crate::review::{Entry, Place, Reason};
use crate::session::Session;

use super::record::{self, Page};
use super::shared::{self, Component, Cursor, Editing, Effect, Scene, View};
use super::{help, sheet, widgets};

/// The review's own state: the entry chosen.
#[derive(Debug, Default)]
pub struct ReviewView {
    selected: usize,
}

impl ReviewView {
    pub fn open(&mut self, row: usize) {
        self.selected = row;
    }
}

impl Component for ReviewView {
    fn keys(&self) -> &'static [Binding] {
        keymap::REVIEW
    }

    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        let (t, session) = (scene.t, scene.session());
        let review = crate::review::review(session);
        if let Some(selected) = shared::select(self.selected, action, review.entries.len()) {
            self.selected = selected;
            return Effect::Nothing;
        }
        match action {
            Action::Choose => match review.entries.get(self.selected) {
                Some(entry) => go_to(scene, entry),
                None => Effect::Nothing,
            },
            Action::Sign if session.is_signed() => Effect::Say(t.record.already_signed.to_string()),
            Action::Sign => match review.blockers().count() {
                0 if people(session).is_empty() => Effect::Say(t.record.no_signers.to_string()),
                0 => Effect::PickSigner,
                blockers => Effect::Say((t.review.blocked)(blockers)),
            },
            Action::Reopen if session.is_signed() => Effect::Edit {
                editing: Editing::ReopenReason,
                text: String::new(),
                title: t.record.reopen_reason.to_string(),
            },
            Action::Reopen => Effect::Say(t.review.not_signed.to_string()),
            _ => Effect::Nothing,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let page = page(scene);
        record::draw(frame, area, scene, page, self.selected, keymap::REVIEW);
    }
}

/// The place of `entry`: the item in the hearing, the area in the sheet, the facts
/// for the round.
fn go_to(scene: &Scene, entry: &Entry) -> Effect {
    let session = scene.session();
    let department = entry
        .department
        .as_deref()
        .and_then(|d| shared::department_index(session, d))
        .unwrap_or(scene.cursor.department);
    let short = entry.department.clone().unwrap_or_default();
    let there = Cursor {
        department,
        ..scene.cursor
    };
    let (view, row, at) = match &entry.place {
        Place::Item(item) => {
            let item = shared::item_index(session, item).unwrap_or(0);
            (View::Item, 0, Cursor { department, item })
        }
        Place::Area(area) => (
            View::Sheet,
            sheet::observation_row(session, &short, area),
            there,
        ),
        Place::Department => (View::Sheet, 0, there),
        // A missing fact (the 総評): its row of the facts, ready for Enter.
        Place::Round => {
            let row = match entry.reason {
                Reason::MissingFact(field) => super::facts::row_of(field),
                _ => 0,
            };
            return Effect::Show {
                view: View::Facts,
                row,
                at: None,
            };
        }
    };
    Effect::Show {
        view,
        row,
        at: Some(at),
    }
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

/// The confirmation before signing off as `by`: the signer, what is sealed (the
/// departments and their cells, the 所見 and 指摘事項 written), what signing does, and
/// its keys (`y` signs).
pub fn draw_seal(frame: &mut Frame, area: Rect, scene: &Scene, by: &str) {
    let (t, session) = (scene.t, scene.session());
    let r = t.record;
    let sheets = session.hearings.iter().flat_map(|h| h.sheet.values());
    let (observations, findings) = sheets.fold((0, 0), |(o, f), sheet| {
        let written = !sheet.observation.trim().is_empty();
        (o + usize::from(written), f + sheet.findings.len())
    });
    let cells = (
        session.hearings.len(),
        session.cell_count(),
        session.answered_count(),
    );
    let text = Paragraph::new(vec![
        Line::from((r.seal_signer)(by)).bold(),
        Line::from((r.seal_cells)(cells.0, cells.1, cells.2)),
        Line::from((r.seal_sheets)(observations, findings)),
        Line::default(),
        Line::from(r.seal_frozen),
        Line::from(r.seal_digest),
    ])
    .wrap(Wrap { trim: false });
    let width = area.width.min(78);
    let inner_width = width.saturating_sub(2);
    let hints = help::footer(keymap::SEAL, t, None, inner_width);
    let height = text.line_count(inner_width) as u16;
    let hint_height = hints.len() as u16;
    let inner = widgets::popup(frame, area, width, height + hint_height + 3, r.seal_title);
    let [body, _, keys] = Layout::vertical([
        Constraint::Length(height),
        Constraint::Length(1),
        Constraint::Length(hint_height),
    ])
    .areas(inner);
    frame.render_widget(text, body);
    frame.render_widget(Paragraph::new(hints), keys);
}

/// One entry: where (department and item or area), why.
fn entry_line(entry: &Entry, w: &ReviewWords) -> String {
    let at = match (&entry.department, &entry.place) {
        (None, _) | (_, Place::Round) => w.round.to_string(),
        (Some(department), place) => {
            let place = (w.place)(place);
            format!("{department} {place}").trim().to_string()
        }
    };
    format!("{at}: {}", (w.reason)(&entry.reason))
}

/// The review's title and lines: the state of the sign-off, then each entry.
fn page(scene: &Scene) -> (String, Page) {
    let (t, session) = (scene.t, scene.session());
    let review = crate::review::review(session);
    let w = t.review;
    let mut page = Page::new();
    let blockers = review.blockers().count();
    let warnings = review.entries.len() - blockers;
    match &session.signed {
        Some(signed) => {
            let at = (t.moment)(&signed.at);
            page.line(Line::from((t.record.signed)(&signed.by, &at)).bold());
            page.line(Line::from((t.record.signed_digest)(&signed.digest)));
        }
        None => page.line(Line::from(format!(
            "{}　{}",
            t.record.unsigned,
            (t.record.counts)(blockers, warnings)
        ))),
    }
    if session.signed.is_none() && blockers == 0 {
        page.line(Line::from(t.record.can_sign).bold());
    }
    page.line(Line::default());
    for entry in &review.entries {
        let kind = if entry.blocks() { w.blocker } else { w.warning };
        let line = Line::from(format!("{kind}  {}", entry_line(entry, w)));
        page.choice(if entry.blocks() { line.bold() } else { line });
    }
    (t.record.review_title.to_string(), page)
}

//! The audit's facts on screen: the round's (監査目的 … 報告日, 総評, title, date,
//! auditors, 監査実施責任者) and the department's own 監査範囲 and 監査実施日程, each
//! edited in place; dates typed in any form `wareki::parse` reads.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};

use crate::facts::{FactField, FactValue};
use crate::keymap::{self, Action, Binding};

use super::record::{self, Page};
use super::shared::{self, Component, Editing, Effect, Scene};

/// The facts' own state: the fact chosen.
#[derive(Debug, Default)]
pub struct FactsView {
    selected: usize,
}

impl FactsView {
    pub fn open(&mut self, row: usize) {
        self.selected = row;
    }
}

impl Component for FactsView {
    fn keys(&self) -> &'static [Binding] {
        keymap::FACTS
    }

    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        if let Some(selected) = shared::select(self.selected, action, rows().len()) {
            self.selected = selected;
            return Effect::Nothing;
        }
        match rows().into_iter().nth(self.selected) {
            Some(row) if action == Action::Edit => edit(row, scene),
            _ => Effect::Nothing,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let page = page(scene);
        record::draw(frame, area, scene, page, self.selected, keymap::FACTS);
    }
}

/// A fact the view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Round(FactField),
    /// The department's own value of a per-department fact.
    Department(FactField),
}

pub fn rows() -> Vec<Row> {
    let round = FactField::ALL.into_iter().map(Row::Round);
    let own = FactField::ALL
        .into_iter()
        .filter(|f| f.per_department())
        .map(Row::Department);
    round.chain(own).collect()
}

/// The row of a fact of the round.
pub fn row_of(field: FactField) -> usize {
    rows()
        .iter()
        .position(|r| *r == Row::Round(field))
        .unwrap_or(0)
}

/// A fact as the view shows it and the editor starts from: dates in the era calendar.
fn shown(value: &FactValue) -> String {
    match value {
        FactValue::Date(Some(date)) => crate::wareki::format_with_weekday(*date),
        other => other.display(),
    }
}

/// Opens the editor on the fact of `row`, unless the session is signed.
/// The 対象システム the departments' profiles give, while none are written.
fn profile_systems(session: &crate::session::Session) -> Vec<&str> {
    let departments: Vec<_> = session.hearings.iter().map(|h| &h.department).collect();
    session
        .facts
        .systems(&session.checklist.facts, &departments)
}

fn edit(row: Row, scene: &Scene) -> Effect {
    let (t, session) = (scene.t, scene.session());
    if let Err(refusal) = session.editable() {
        return Effect::Refused(refusal);
    }
    let department = scene.department();
    let (editing, text, field) = match row {
        // 対象システム start from those of the departments' profiles.
        Row::Round(FactField::Systems) if session.facts.systems.trim().is_empty() => (
            Editing::Fact(FactField::Systems),
            profile_systems(session).join("\n"),
            FactField::Systems,
        ),
        Row::Round(field) => (
            Editing::Fact(field),
            shown(&session.facts.get(field)),
            field,
        ),
        Row::Department(field) => {
            let own = session
                .hearing(&department)
                .and_then(|h| h.facts.get(field))
                .cloned()
                .unwrap_or_default();
            (Editing::DepartmentFact(field), own, field)
        }
    };
    let title = (t.record.fact_editing)((t.review.fact)(field));
    Effect::Edit {
        editing,
        text,
        title,
    }
}

fn page(scene: &Scene) -> (String, Page) {
    let (t, session) = (scene.t, scene.session());
    let department = scene.department();
    let name = session
        .hearing(&department)
        .map_or(department.clone(), |h| h.department.name.clone());
    let mut page = Page::new();
    let mut heading_done = false;
    for row in rows() {
        let (field, value) = match row {
            Row::Round(FactField::Systems) if session.facts.systems.trim().is_empty() => {
                let systems = profile_systems(session).join("、");
                (FactField::Systems, (t.record.from_profiles)(&systems))
            }
            Row::Round(field) => (field, shown(&session.facts.get(field))),
            Row::Department(field) => {
                if !heading_done {
                    heading_done = true;
                    page.line(Line::default());
                    page.line(Line::from((t.record.department_facts)(&name)).bold());
                }
                let own = session
                    .hearing(&department)
                    .and_then(|h| h.facts.get(field));
                let value = own
                    .cloned()
                    .unwrap_or_else(|| t.record.as_round.to_string());
                (field, value)
            }
        };
        let label = format!("{}: ", (t.review.fact)(field));
        // A value of several lines shows them as lines, under its first.
        let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(label.as_str()));
        let mut lines = value.lines();
        page.choice(Line::from(vec![
            Span::raw(label).dim(),
            Span::raw(lines.next().unwrap_or_default().to_string()),
        ]));
        for line in lines {
            page.line(Line::from(format!("{indent}{line}")));
        }
    }
    (t.record.facts_title.to_string(), page)
}

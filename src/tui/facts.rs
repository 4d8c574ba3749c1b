//! The audit's facts on screen: the round's (監査目的 … 報告日, 総評, title, date,
//! auditors, 監査実施責任者) and the department's own 監査範囲 and 監査実施日程, each
//! edited in place; dates typed in any form `wareki::parse` reads.

use ratatui::style::Stylize;
use ratatui::text::{Line, Span};

use crate::facts::{FactField, FactValue};
use crate::i18n::Describe;
use crate::i18n::Strings;
use crate::keymap::Action;

use super::record::{self, Editing, Page};
use super::session::SessionScreen;

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

pub fn apply(screen: &mut SessionScreen, action: Action, t: &Strings) {
    let Some(row) = rows().into_iter().nth(screen.pages.selected) else {
        return;
    };
    if action != Action::Edit {
        return;
    }
    let session = screen.session();
    if let Err(refusal) = session.editable() {
        screen.message = Some((t.refused)(&refusal.describe(t.messages)));
        return;
    }
    let department = record::department(screen);
    let (editing, text, field) = match row {
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
    screen.edit(editing, &text, &title);
}

pub fn page(screen: &SessionScreen, t: &Strings) -> (String, Page) {
    let session = screen.session();
    let department = record::department(screen);
    let name = session
        .hearing(&department)
        .map_or(department.clone(), |h| h.department.name.clone());
    let mut page = Page::new();
    let mut heading_done = false;
    for row in rows() {
        let (field, value) = match row {
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
        page.choice(Line::from(vec![
            Span::raw(format!("{}: ", (t.review.fact)(field))).dim(),
            Span::raw(crate::i18n::one_line(&value)),
        ]));
    }
    (t.record.facts_title.to_string(), page)
}

//! The history on screen: every change of the focused cell, or of the whole session,
//! with when, who and what (old → new), oldest first.

use ratatui::style::Stylize;
use ratatui::text::Line;

use crate::i18n::Strings;
use crate::session::Event;

use super::record::Page;
use super::session::SessionScreen;

/// How the time of a change is shown.
const TIME: &str = "%Y-%m-%d %H:%M:%S";

/// How many changes either side of the chosen one a page holds: more than any screen
/// shows, few enough that a history of 50,000 changes draws at once.
const WINDOW: usize = 200;

/// The changes the view lists.
pub fn events(screen: &SessionScreen) -> Vec<&Event> {
    let (department, item) = screen.position();
    let whole = screen.pages.whole_history;
    screen
        .session()
        .history
        .iter()
        .filter(|event| {
            whole
                || (event.change.department() == Some(department.as_str())
                    && event.change.names_item(&item))
        })
        .collect()
}

pub fn page(screen: &SessionScreen, t: &Strings) -> (String, Page) {
    let events = events(screen);
    let (department, item) = screen.position();
    let title = if screen.pages.whole_history {
        t.record.history_all.to_string()
    } else {
        (t.record.history_cell)(&department, &item)
    };
    let mut page = Page::new();
    if events.is_empty() {
        page.line(Line::from(t.record.no_history).italic());
    }
    let selected = screen.pages.selected.min(events.len().saturating_sub(1));
    page.first = selected.saturating_sub(WINDOW);
    for event in events.iter().skip(page.first).take(2 * WINDOW) {
        let at = event.at.format(TIME);
        let what = (t.review.change)(&event.change);
        page.choice(Line::from(format!("{at}  {}  {what}", event.by)));
    }
    (title, page)
}

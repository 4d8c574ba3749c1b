//! The history on screen: every change of the focused cell, or of the whole session,
//! with when, who and what (old → new), oldest first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;

use crate::keymap::{self, Action, Binding};
use crate::session::Event;

use super::record::{self, Page};
use super::shared::{self, Component, Effect, Scene};

/// How many changes either side of the chosen one a page holds: more than any screen
/// shows, few enough that a history of 50,000 changes draws at once.
const WINDOW: usize = 200;

/// The history's own state: the change chosen, and whether the whole session's
/// history is shown rather than the focused cell's.
#[derive(Debug, Default)]
pub struct HistoryView {
    selected: usize,
    whole: bool,
}

impl HistoryView {
    /// Shows the history of the focused cell from its first change.
    pub fn open(&mut self) {
        *self = HistoryView::default();
    }

    fn page(&self, scene: &Scene) -> (String, Page) {
        let t = scene.t;
        let events = events(scene, self.whole);
        let (department, item) = scene.position();
        let title = if self.whole {
            t.record.history_all.to_string()
        } else {
            (t.record.history_cell)(&department, &item)
        };
        let mut page = Page::new();
        if events.is_empty() {
            page.line(Line::from(t.record.no_history).italic());
        }
        let selected = self.selected.min(events.len().saturating_sub(1));
        page.first = selected.saturating_sub(WINDOW);
        for event in events.iter().skip(page.first).take(2 * WINDOW) {
            let at = (t.moment_seconds)(&event.at);
            let what = (t.review.change)(&event.change);
            page.choice(Line::from(format!("{at}  {}  {what}", event.by)));
        }
        (title, page)
    }
}

impl Component for HistoryView {
    fn keys(&self) -> &'static [Binding] {
        keymap::HISTORY
    }

    fn update(&mut self, action: Action, scene: &Scene) -> Effect {
        let count = events(scene, self.whole).len();
        if let Some(selected) = shared::select(self.selected, action, count) {
            self.selected = selected;
        } else if action == Action::OpenHistory {
            self.whole ^= true;
        }
        Effect::Nothing
    }

    fn draw(&self, frame: &mut Frame, area: Rect, scene: &Scene) {
        let page = self.page(scene);
        record::draw(frame, area, scene, page, self.selected, keymap::HISTORY);
    }
}

/// The changes the view lists: the focused cell's, or every one.
fn events<'a>(scene: &Scene<'a>, whole: bool) -> Vec<&'a Event> {
    let (department, item) = scene.position();
    scene
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

//! The views of the session screen, each with its own state, and the one on screen.

use super::facts::FactsView;
use super::followups::FollowUps;
use super::history::HistoryView;
use super::item::ItemView;
use super::matrix::MatrixView;
use super::review::ReviewView;
use super::shared::{Component, View};
use super::sheet::SheetView;

/// The views of a session, each with its own state.
#[derive(Default)]
pub struct Views {
    pub item: ItemView,
    pub matrix: MatrixView,
    pub sheet: SheetView,
    pub review: ReviewView,
    pub history: HistoryView,
    pub facts: FactsView,
    pub followups: FollowUps,
}

impl Views {
    pub fn get(&self, view: View) -> &dyn Component {
        match view {
            View::Item => &self.item,
            View::Matrix => &self.matrix,
            View::Sheet => &self.sheet,
            View::Review => &self.review,
            View::History => &self.history,
            View::Facts => &self.facts,
            View::FollowUps => &self.followups,
        }
    }

    pub fn get_mut(&mut self, view: View) -> &mut dyn Component {
        match view {
            View::Item => &mut self.item,
            View::Matrix => &mut self.matrix,
            View::Sheet => &mut self.sheet,
            View::Review => &mut self.review,
            View::History => &mut self.history,
            View::Facts => &mut self.facts,
            View::FollowUps => &mut self.followups,
        }
    }
}

//! What every screen is handed and hands back: the `Context` they share (where sessions
//! live, who is working, the language), the `Input` that reaches them and the `Step`
//! to another screen they may ask for.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::i18n::Strings;
use crate::marks::MarksDisplay;
use crate::store::Store;

/// The smallest terminal the screens are drawn in; below it they say what is needed.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// What reaches the app from the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// Time passed without input: retry saves, follow other writers.
    Tick,
}

/// A move between screens, asked for by the screen that handled the input.
pub enum Step {
    Stay,
    Quit,
    List,
    NewSession,
    Open {
        id: String,
        department: Option<String>,
        /// Show the results matrix rather than the item.
        matrix: bool,
    },
}

/// Everything the screens share: where sessions live, who is working, the language.
pub struct Context {
    pub store: Store,
    pub data_dir: PathBuf,
    pub actor: String,
    /// The person named themself (`--as`, `KANSA_AUDITOR`, or earlier here); when not,
    /// the screens ask before the first session is opened.
    pub actor_chosen: bool,
    pub t: &'static Strings,
    /// How marks are drawn; changed from the matrix, remembered in the data directory.
    pub marks: MarksDisplay,
    /// False under `NO_COLOR`: every frame is drawn without colours.
    pub colors: bool,
}

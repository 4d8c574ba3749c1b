//! The interactive screens. This file only declares them and says what the rest of
//! the crate sees: the app (`app`), what the screens share (`context`), the session
//! screen (`session`) and the key reference made from the tables (`keys_doc`).
//!
//! The arrows point one way: `app` → the screens (`list`, `form`, `who`, `session`);
//! `session` → its parts (`overlay`, `acts`, `notes`, `model`, `views`, `evidence`) →
//! the views (`item`,
//! `matrix`, `sheet`, `review`, `history`, `facts`, `followups`) → what they share
//! (`shared`) → the widgets (`picker`, `editor`, prompts, `help`, `widgets`) → the
//! edge (`keys`, `context`). No child names this file.

mod acts;
mod app;
mod asks;
mod context;
mod detail;
mod editor;
mod evidence;
mod export_dialog;
mod facts;
mod followups;
mod form;
mod form_more;
mod help;
mod history;
mod item;
mod keys;
mod keys_doc;
mod list;
mod matrix;
mod matrix_grid;
mod model;
mod notes;
mod overlay;
mod path_prompt;
mod picker;
mod record;
mod review;
mod search;
mod session;
mod shared;
mod sheet;
mod undo;
mod views;
mod who;
mod wide;
mod widgets;

pub use app::{App, Screen, run};
pub use context::{Context, Input, MIN_HEIGHT, MIN_WIDTH, Step};
pub use keys_doc::keys_markdown;
pub use model::OpenError;
pub use session::SessionScreen;

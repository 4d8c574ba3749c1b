//! kansa: information-security audit hearings in the terminal.
//!
//! The domain core (`checklist`, `session`, `export`, `wareki`) knows nothing of
//! terminals; `store` is the only module that touches session files; `tui` is the
//! interactive screens, `i18n` their words, and `cli` the command line.

pub mod checklist;
pub mod cli;
pub mod error;
pub mod export;
pub mod i18n;
pub mod marks;
pub mod matrix;
pub mod sample;
pub mod session;
pub mod settings;
pub mod store;
pub mod tui;
pub mod wareki;

//! kansa: information-security audit hearings in the terminal.
//!
//! The domain core (`checklist`, `session`, `results`, `matrix`, `export`, `keymap`)
//! knows nothing of terminals; `store` is the only module that touches session files;
//! `tui` is the interactive screens, `i18n` their words, and `cli` the command line.
//! `auditor` says who is working.

pub mod auditor;
pub mod checklist;
pub mod cli;
pub mod error;
pub mod export;
pub mod i18n;
pub mod keymap;
pub mod marks;
pub mod matrix;
pub mod results;
pub mod sample;
pub mod session;
pub mod settings;
pub mod sheet;
pub mod store;
pub mod tui;
